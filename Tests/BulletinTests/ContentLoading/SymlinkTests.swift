import BulletinCore
import Foundation
import Testing

/// Nothing from outside Content/ is ever read or published; the content and templates folders themselves may be
/// links (to a theme kept elsewhere, say).
@Suite struct SymlinkTests {
    func project() throws -> URL {
        let root = try Support.scratch()
        try FileManager.default.copyItem(at: Support.content, to: root.appendingPathComponent("Content"))
        try FileManager.default.copyItem(at: Support.templates, to: root.appendingPathComponent("Templates"))
        return root
    }

    @Test func aLinkThatLeavesTheContentFolderIsRefusedAndNothingIsWritten() throws {
        let root = try project()
        defer { Support.remove(root) }
        let outside = root.appendingPathComponent("outside.md")
        try Data("---\nkind: other\ntitle: 泄露\norder: 9\n---\n不应发布的文字\n".utf8).write(to: outside)
        let plan = root.appendingPathComponent("Content/plans/cq-tech-enterprises-2023")
        try FileManager.default.createSymbolicLink(at: plan.appendingPathComponent("leak.md"), withDestinationURL: outside)
        try FileManager.default.createSymbolicLink(atPath: plan.appendingPathComponent("passwd.md").path, withDestinationPath: "/etc/passwd")
        try FileManager.default.createSymbolicLink(atPath: plan.appendingPathComponent("gone.md").path, withDestinationPath: "/no/such/file")
        let report = Builder(options: .init(workingDirectory: root)).build()
        #expect(!report.succeeded)
        #expect(report.diagnostics.map(\.headline) == ["gone.md", "leak.md", "passwd.md"].map {
            "Content/plans/cq-tech-enterprises-2023/\($0):1:1: error: this is a symbolic link that leads outside the content folder"
        })
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Site").path), "nothing written")
    }

    @Test func contentAndTemplatesMayThemselvesBeLinksAndLinksInsideAreFine() throws {
        let root = try project()
        defer { Support.remove(root) }
        let fm = FileManager.default
        for name in ["Content", "Templates"] {
            try fm.moveItem(at: root.appendingPathComponent(name), to: root.appendingPathComponent("real-" + name))
            try fm.createSymbolicLink(atPath: root.appendingPathComponent(name).path, withDestinationPath: "real-" + name)
        }
        let report = Builder(options: .init(workingDirectory: root)).build()
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(fm.fileExists(atPath: root.appendingPathComponent("Site/plans/cq-tech-enterprises-2023/goals.html").path))
    }
}
