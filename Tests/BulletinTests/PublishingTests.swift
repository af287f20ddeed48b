import Foundation
import Testing
import BulletinCore
@testable import Publishing

@Suite struct PublishingTests {
    @Test func aFailedBuildLeavesThePreviousSiteByteForByte() throws {
        let scratch = try Support.scratch()
        defer { Support.remove(scratch) }
        let content = scratch.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: Support.fixtures.appendingPathComponent("valid"), to: content)
        let options = Builder.Options(templates: Support.templates.path, workingDirectory: scratch)

        let first = Builder(options: options).build()
        #expect(first.succeeded)
        let site = scratch.appendingPathComponent("Site")
        let before = Support.snapshot(site)
        #expect(before["plans/demo/goals.html"] != nil)

        // Break one YAML file: the build must fail and leave Site/ exactly as it was.
        try Data("indicators:\n  - id: [unclosed\n".utf8).write(to: content.appendingPathComponent("plans/demo/indicators.yaml"))
        let second = Builder(options: options).build()
        #expect(!second.succeeded)
        #expect(second.diagnostics.first?.headline.hasPrefix("Content/plans/demo/indicators.yaml:3:1: error: YAML syntax error") == true)
        #expect(Support.snapshot(site) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.hasPrefix(".Site") }
        #expect(leftovers.isEmpty)
    }

    @Test func theOutputFolderEndsUpHoldingExactlyTheSite() throws {
        let scratch = try Support.scratch()
        defer { Support.remove(scratch) }
        let site = scratch.appendingPathComponent("Site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("old"), withIntermediateDirectories: true)
        try Data("stale".utf8).write(to: site.appendingPathComponent("old/stale.html"))
        try Data("same".utf8).write(to: site.appendingPathComponent("same.html"))

        let summary = try Publisher(destination: site).publish([
            .write("index.html", Data("新".utf8)), .write("a/b.css", Data("x".utf8)), .write("same.html", Data("same".utf8)),
        ])
        #expect(summary.written == ["index.html", "a/b.css"])
        #expect(summary.unchanged == 1)
        #expect(summary.removed == ["old/stale.html"])
        #expect(Support.snapshot(site) == ["index.html": Data("新".utf8), "a/b.css": Data("x".utf8), "same.html": Data("same".utf8)])
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("old").path), "empty folders go too")
    }

    @Test func aFirstBuildAppearsWhole() throws {
        let scratch = try Support.scratch()
        defer { Support.remove(scratch) }
        let site = scratch.appendingPathComponent("Site")
        let summary = try Publisher(destination: site).publish([.write("index.html", Data("新".utf8))])
        #expect(summary.written == ["index.html"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["Site"], "no staging folder is left")
    }

    @Test func refusesPathsOutsideTheOutputFolder() throws {
        let scratch = try Support.scratch()
        defer { Support.remove(scratch) }
        let site = scratch.appendingPathComponent("Site")
        #expect(throws: PublishError.self) {
            try Publisher(destination: site).publish([.write("../escape.html", Data())])
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.appendingPathComponent("escape.html").path))
        #expect(!FileManager.default.fileExists(atPath: site.path))
    }
}

@Suite struct OutputFolderSafetyTests {
    @Test(arguments: [".", "Content", "Content/plans", ".."])
    func refusesAnOutputFolderThatHoldsTheSources(_ output: String) throws {
        let scratch = try Support.scratch()
        defer { Support.remove(scratch) }
        let content = scratch.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: Support.fixtures.appendingPathComponent("valid"), to: content)
        let before = Support.snapshot(content)
        let report = Builder(options: .init(templates: Support.templates.path, output: output, workingDirectory: scratch)).build()
        #expect(report.diagnostics.first?.message.hasPrefix("refusing to use `\(output)` as the output folder") == true)
        #expect(Support.snapshot(content) == before)
    }
}
