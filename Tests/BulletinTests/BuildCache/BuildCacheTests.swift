import Diagnostics
import Foundation
import Model
import Testing
@testable import BulletinCore
@testable import Publishing
@testable import BuildCache

/// The files a build keeps for the next one: read back exactly, and refused (so the next build starts
/// afresh) when damaged.
@Suite struct BuildCacheTests {
    @Test func aManifestReadsBackAsItWasWritten() throws {
        let manifest = Manifest(
            generator: "bulletin 123 456",
            outputs: ["index.html": .init(inputs: UInt64.max, hash: 0, size: 12),
                      "plans/a b/指标\t%.html": .init(inputs: 7, hash: 1 << 63, size: 0)],
            sources: ["Content/site.yaml": .init(size: 99, modified: 1763800000.123456, hash: 42),
                      "Content/a\nb.md": .init(size: 1, modified: 0, hash: 1)],
            folders: ["": 1763800000.5, "plans/a b": 0],
            totals: .init(plans: 4, indicators: 113, pages: 141))
        let data = manifest.encoded()
        #expect(Manifest.decode(data) == manifest)
        #expect(manifest.encoded() == data, "the same manifest gives the same bytes")
    }

    @Test(arguments: [
        "",                                                         // empty
        "bulletin-manifest\t2\ngenerator\tx\n",                     // an older version
        "bulletin-manifest\t3\n",                                   // no generator
        "bulletin-manifest\t3\ngenerator\tx\nO\tindex.html\t1\t2\n",  // a field missing
        "bulletin-manifest\t3\ngenerator\tx\nO\tindex.html\t1\t2\tbig\n",  // not a number
        "bulletin-manifest\t3\ngenerator\tx\nO\tindex.html\t1\t2\t99999999999999999999999\n",  // too big
        "bulletin-manifest\t3\ngenerator\tx\nO\tindex.html\t1\t2\t3",  // cut off mid-line
        "bulletin-manifest\t3\ngenerator\tx\nD\tplans\tyesterday\n",  // a folder time that is not a number
        "bulletin-manifest\t3\ngenerator\tx\nX\ty\n",               // an unknown record
    ])
    func aDamagedManifestIsNotTrusted(_ text: String) {
        #expect(Manifest.decode(Data(text.utf8)) == nil)
    }

    /// Output fingerprints: the same bytes give the same value on every machine; any changed byte, and any
    /// change of length, gives another (for every length through the 32-byte blocks and the tail).
    @Test func bufferFingerprintsTellEveryChangedByte() {
        var seen = Set<UInt64>()
        for length in 0...100 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            let base = StableHash.of(Data(bytes))
            #expect(StableHash.of(bytes) == base, "an array and Data of the same bytes")
            #expect(seen.insert(base).inserted, "length \(length)")
            #expect(seen.insert(StableHash.of(Data(count: length))).inserted || length == 0, "zeros of length \(length)")
            for index in 0..<length {
                var changed = bytes
                changed[index] ^= 0x01
                #expect(StableHash.of(changed) != base, "byte \(index) of \(length)")
            }
        }
        #expect(StableHash.of(Data("bulletin".utf8)) == 15743879699276609780, "pinned: a new value means every manifest is stale")
    }

    /// A rebuild trusts a folder whose time is as the last build recorded it, and reads the others: a file
    /// deleted since is found missing either way.
    @Test func outputFoldersWhoseTimeChangedAreReadAgain() throws {
        let root = try Support.scratch()
        defer { Support.remove(root) }
        let folder = root.appendingPathComponent("plans/demo")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["index.html", "goals.html", "tasks.html"] { try Data(name.utf8).write(to: folder.appendingPathComponent(name)) }
        try Data("home".utf8).write(to: root.appendingPathComponent("index.html"))
        let paths = ["index.html", "plans/demo/index.html", "plans/demo/goals.html", "plans/demo/tasks.html"]
        // Folders changed moments ago are not trusted yet (a deletion in the same clock tick would not show).
        #expect(OutputPresence.folderTimes(root: root.path, outputs: paths).values.allSatisfy { $0 == 0 })
        // As if the build had ended an hour ago.
        let hourAgo = Date(timeIntervalSinceNow: -3600)
        for url in [root, root.appendingPathComponent("plans"), folder] {
            try FileManager.default.setAttributes([.modificationDate: hourAgo], ofItemAtPath: url.path)
        }
        var manifest = Manifest(generator: "g", outputs: Dictionary(uniqueKeysWithValues: paths.map { ($0, Manifest.Entry(inputs: 1, hash: 2, size: 3)) }))
        manifest.folders = OutputPresence.folderTimes(root: root.path, outputs: paths)
        #expect(manifest.folders.keys.sorted() == ["", "plans/demo"])
        #expect(manifest.folders.values.allSatisfy { $0 > 0 })
        let before = OutputPresence(root: root.path, previous: manifest)
        #expect(paths.allSatisfy(before.contains))
        #expect(!before.contains("plans/demo/new.html"), "a file the last build did not write")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("goals.html"))
        let after = OutputPresence(root: root.path, previous: manifest)
        #expect(!after.contains("plans/demo/goals.html"))
        #expect(after.contains("plans/demo/tasks.html") && after.contains("index.html"))
        try FileManager.default.removeItem(at: folder)
        #expect(!OutputPresence(root: root.path, previous: manifest).contains("plans/demo/tasks.html"), "a folder removed whole")
    }

    /// How long a folder's time must have stood before it is trusted: a moment where the file system keeps
    /// sub-second times (a build's folders are trusted when it ends), two seconds where it keeps whole seconds.
    @Test func recentFolderTimesAreTrustedOnlyWhereTheClockIsFine() throws {
        let root = try Support.scratch()
        defer { Support.remove(root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("fine"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("coarse"), withIntermediateDirectories: true)
        let fine = 1_700_000_000.25, coarse = 1_700_000_000.0
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: fine)], ofItemAtPath: root.appendingPathComponent("fine").path)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: coarse)], ofItemAtPath: root.appendingPathComponent("coarse").path)
        let outputs = ["fine/a.html", "coarse/b.html"]
        let soon = OutputPresence.folderTimes(root: root.path, outputs: outputs, now: fine + 0.01)
        #expect(soon["fine"] == 0, "changed 10 ms ago: not trusted yet")
        let later = OutputPresence.folderTimes(root: root.path, outputs: outputs, now: fine + 0.2)
        #expect(later["fine"] == fine)
        #expect(later["coarse"] == 0, "whole seconds, 0.45 s ago: not trusted yet")
        #expect(OutputPresence.folderTimes(root: root.path, outputs: outputs, now: coarse + 2)["coarse"] == coarse)
    }

    /// A list of inputs is known by its keys: the same keys in any order, repeats or not, are one list with one id.
    @Test func inputListsAreKnownByTheirKeys() {
        let a = InputList(["Content/b.md", "Content/a.md", "Content/a.md"]), b = InputList(["Content/a.md", "Content/b.md"])
        #expect(a == b && a.id == b.id && a.keys == ["Content/a.md", "Content/b.md"])
        #expect(InputList(["Content/a.md"]).id != a.id)
        #expect(InputList(["ab", "c"]).id != InputList(["a", "bc"]).id, "keys are hashed apart, not run together")
    }

    /// What is stale: everything on a first build; nothing when nothing changed; after an input changes, exactly the
    /// outputs made from it, however many share its list; and an output whose file is gone.
    @Test func staleOutputsAreThoseWhoseInputsChangedOrWhoseFileIsGone() throws {
        let root = try Support.scratch()
        defer { Support.remove(root) }
        let output = root.appendingPathComponent("Site")
        try FileManager.default.createDirectory(at: output.appendingPathComponent("p"), withIntermediateDirectories: true)
        let shared = InputList(["Content/site.yaml", "Content/p/goals.md"])
        let outputs = [PlannedOutput(path: "p/goals.html", inputs: shared), PlannedOutput(path: "p/tasks.html", inputs: shared),
                       PlannedOutput(path: "p/data.json", inputs: InputList(["Content/p/indicators.yaml"]), companions: ["p/data.csv"])]
        var inputs: [String: UInt64] = ["Content/site.yaml": 1, "Content/p/goals.md": 2, "Content/p/indicators.yaml": 3]
        let files = SourceFiles([("Content", [.init(relativePath: "site.yaml", size: 1, modified: 1)])])
        func build() throws -> Set<String> {
            let cache = BuildCache.open(output: output, generator: "test", fresh: false) { files }
            let stale = cache.stale(outputs, inputs: inputs)
            for path in Array(stale.paths) + outputs.filter({ stale.paths.contains($0.path) }).flatMap(\.companions) {
                try Data(path.utf8).write(to: output.appendingPathComponent(path))
                stale.record(path, hash: StableHash.of(Data(path.utf8)), size: path.utf8.count)
            }
            try cache.save(cache.record(stale, outputs: outputs, sources: inputs, totals: .init(plans: 1, indicators: 1, pages: 2)))
            return stale.paths
        }
        #expect(try build() == ["p/goals.html", "p/tasks.html", "p/data.json"])
        #expect(try build() == [])
        inputs["Content/p/goals.md"] = 20
        #expect(try build() == ["p/goals.html", "p/tasks.html"])
        try FileManager.default.removeItem(at: output.appendingPathComponent("p/data.csv"))
        #expect(try build() == ["p/data.json"], "a companion's file gone: its output is made again")
    }
}
