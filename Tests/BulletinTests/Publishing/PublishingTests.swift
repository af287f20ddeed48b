import Foundation
import Testing
import BulletinCore
@testable import Publishing
import Model

@Suite struct PublishingTests {
    @Test func writesOnlyInsideTheOutputFolder() throws {
        for path in ["index.html", "plans/a/goals.html", "assets/.hidden", "a/..b", "...", "a/b.c/d"] {
            #expect(Publisher.isSafeRelativePath(path), "\(path) is inside the folder")
        }
        for path in ["", "/etc/passwd", "..", ".", "a/../b", "a/./b", "a//b", "a/", "/", "../a", "a/.."] {
            #expect(!Publisher.isSafeRelativePath(path), "\(path) is not a path inside the folder")
        }
        let scratch = try Support.scratch()
        defer { Support.remove(scratch) }
        let publisher = try Publisher(destination: scratch.appendingPathComponent("Site"))
        #expect(throws: PublishError.self) { try publisher.write("../escaped.html", Data("x".utf8), hash: 0) }
        #expect(!FileManager.default.fileExists(atPath: scratch.appendingPathComponent("escaped.html").path))
        publisher.abandon()
    }

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

        let publisher = try Publisher(destination: site)
        for (path, text) in [("index.html", "新"), ("a/b.css", "x"), ("same.html", "same")] {
            try publisher.write(path, Data(text.utf8), hash: StableHash.of(Data(text.utf8)))
        }
        let summary = try publisher.finish(keeping: ["index.html", "a/b.css", "same.html"])
        #expect(summary.written == ["a/b.css", "index.html"])
        #expect(summary.unchanged == 1)
        #expect(summary.removed == ["old/stale.html"])
        #expect(Support.snapshot(site) == ["index.html": Data("新".utf8), "a/b.css": Data("x".utf8), "same.html": Data("same".utf8)])
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("old").path), "empty folders go too")
    }

    @Test func aFirstBuildAppearsWhole() throws {
        let scratch = try Support.scratch()
        defer { Support.remove(scratch) }
        let site = scratch.appendingPathComponent("Site")
        let publisher = try Publisher(destination: site)
        try publisher.write("index.html", Data("新".utf8), hash: 0)
        #expect(!FileManager.default.fileExists(atPath: site.path), "nothing appears until the build is finished")
        let summary = try publisher.finish(keeping: ["index.html"])
        #expect(summary.written == ["index.html"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["Site"], "no staging folder is left")
    }

    @Test func refusesPathsOutsideTheOutputFolder() throws {
        let scratch = try Support.scratch()
        defer { Support.remove(scratch) }
        let site = scratch.appendingPathComponent("Site")
        let publisher = try Publisher(destination: site)
        #expect(throws: PublishError.self) {
            try publisher.write("../escape.html", Data(), hash: 0)
        }
        publisher.abandon()
        #expect(!FileManager.default.fileExists(atPath: scratch.appendingPathComponent("escape.html").path))
        #expect(!FileManager.default.fileExists(atPath: site.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty, "no staging folder is left")
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
