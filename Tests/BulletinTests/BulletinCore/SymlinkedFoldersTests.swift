import Foundation
import Testing
import BulletinCore

/// `Content/` and `Templates/` may themselves be links (a theme kept elsewhere, content in another checkout).
@Suite struct SymlinkedFoldersTests {
    @Test func contentAndTemplatesMayBeLinks() throws {
        let root = try Support.scratch()
        defer { Support.remove(root) }
        let elsewhere = root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Support.fixtures.appendingPathComponent("valid"), to: elsewhere.appendingPathComponent("content"))
        try FileManager.default.copyItem(at: Support.templates, to: elsewhere.appendingPathComponent("theme"))
        let work = root.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: work.appendingPathComponent("Content"), withDestinationURL: elsewhere.appendingPathComponent("content"))
        try FileManager.default.createSymbolicLink(at: work.appendingPathComponent("Templates"), withDestinationURL: elsewhere.appendingPathComponent("theme"))
        let report = Builder(options: .init(workingDirectory: work)).build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.description))")
        #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("Site/plans/demo/goals.html").path))
        let again = Builder(options: .init(workingDirectory: work)).build()
        #expect(again.succeeded && again.written.isEmpty, "a rebuild through the links finds nothing changed")
    }
}
