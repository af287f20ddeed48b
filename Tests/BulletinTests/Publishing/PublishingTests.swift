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

    /// A rebuild makes the new site beside the old one and swaps them: until `finish` the old site is whole; after it,
    /// an unchanged file is the very same file (same inode, same modification time), a changed one is new.
    @Test func aRebuildSwapsInTheWholeSiteAndKeepsUnchangedFiles() throws {
        let scratch = try Support.scratch()
        defer { Support.remove(scratch) }
        let site = scratch.appendingPathComponent("Site")
        let first = try Publisher(destination: site)
        for (path, text) in [("index.html", "旧"), ("a/same.html", "same"), ("a/kept.html", "kept")] {
            try first.write(path, Data(text.utf8), hash: StableHash.of(Data(text.utf8)))
        }
        _ = try first.finish(keeping: ["index.html", "a/same.html", "a/kept.html"])
        func identity(_ path: String) throws -> (UInt64, Date) {
            let attributes = try FileManager.default.attributesOfItem(atPath: site.appendingPathComponent(path).path)
            return ((attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0, attributes[.modificationDate] as? Date ?? .distantPast)
        }
        let same = try identity("a/same.html"), kept = try identity("a/kept.html")
        Thread.sleep(forTimeInterval: 0.02)

        let second = try Publisher(destination: site)
        try second.write("index.html", Data("新".utf8), hash: StableHash.of(Data("新".utf8)))
        try second.write("a/same.html", Data("same".utf8), hash: StableHash.of(Data("same".utf8)))
        #expect(Support.snapshot(site)["index.html"] == Data("旧".utf8), "the old site stays whole until the swap")
        let staging = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.hasPrefix(".Site.next-") }
        #expect(staging.count == 1, "the new site is made beside the old one, hidden")
        second.keep(count: 1)
        let summary = try second.finish(keeping: ["index.html", "a/same.html", "a/kept.html"])
        #expect(summary.written == ["index.html"] && summary.unchanged == 2)
        #expect(Support.snapshot(site) == ["index.html": Data("新".utf8), "a/same.html": Data("same".utf8), "a/kept.html": Data("kept".utf8)])
        #expect(try identity("a/same.html") == same, "an unchanged file written again is the same file")
        #expect(try identity("a/kept.html") == kept, "an output not rendered is the same file")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["Site"], "no hidden folder is left")
    }

    /// What a killed build left beside the site (its new folder, an old tree not yet removed) goes with the next one.
    @Test func theNextBuildRemovesWhatAKilledOneLeft() throws {
        let scratch = try Support.scratch()
        defer { Support.remove(scratch) }
        let site = scratch.appendingPathComponent("Site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        for leftover in [".Site.next-99999", ".Site.old-99998", ".Site.new-99997"] {
            try FileManager.default.createDirectory(at: scratch.appendingPathComponent(leftover + "/plans"), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: scratch.appendingPathComponent(leftover + "/plans/p.html"))
        }
        try Data("keep me".utf8).write(to: scratch.appendingPathComponent(".Sitemap-notes"))
        let publisher = try Publisher(destination: site)
        try publisher.write("index.html", Data("新".utf8), hash: 0)
        _ = try publisher.finish(keeping: ["index.html"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted() == [".Sitemap-notes", "Site"])
    }

    /// An abandoned rebuild leaves the old site as it was and nothing beside it.
    @Test func anAbandonedRebuildLeavesTheOldSite() throws {
        let scratch = try Support.scratch()
        defer { Support.remove(scratch) }
        let site = scratch.appendingPathComponent("Site")
        let first = try Publisher(destination: site)
        try first.write("index.html", Data("旧".utf8), hash: 0)
        _ = try first.finish(keeping: ["index.html"])
        let second = try Publisher(destination: site)
        try second.write("index.html", Data("新".utf8), hash: 1)
        second.abandon()
        #expect(Support.snapshot(site) == ["index.html": Data("旧".utf8)])
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["Site"])
    }

    /// `Site` may be a link to the real folder (a theme or a deploy checkout): the link stays, the folder it names is swapped.
    @Test func anOutputFolderThatIsALinkStaysALink() throws {
        let scratch = try Support.scratch()
        defer { Support.remove(scratch) }
        let real = scratch.appendingPathComponent("deploy/public")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        let site = scratch.appendingPathComponent("Site")
        try FileManager.default.createSymbolicLink(at: site, withDestinationURL: real)
        let publisher = try Publisher(destination: site)
        try publisher.write("index.html", Data("新".utf8), hash: 0)
        _ = try publisher.finish(keeping: ["index.html"])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: site.path) == real.path)
        #expect(Support.snapshot(real) == ["index.html": Data("新".utf8)])
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
