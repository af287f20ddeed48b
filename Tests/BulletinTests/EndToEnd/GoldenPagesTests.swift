import Foundation
import Testing
@testable import BulletinCore

/// One page of each kind, built from a fixture site (Fixtures/golden-site: one plan with reported figures, a task
/// with its offices, a release) through the whole pipeline, compared byte for byte with Golden/html. A change to a
/// template or a view shows up here as a diff a reviewer can read; run with UPDATE_GOLDEN=1 to rewrite the files after a
/// deliberate change. A missing golden file fails.
@Suite struct GoldenPagesTests {
    static let golden = Support.testsFolder.appendingPathComponent("Golden/html")

    /// Page kind → the page of the fixture site that stands for it (a file name for each is derived from the kind).
    static let pages: [(kind: String, path: String)] = [
        ("home", "index.html"),
        ("not-found", "404.html"),
        ("plan", "plans/demo/index.html"),
        ("section-goals", "plans/demo/goals.html"),
        ("section-tasks", "plans/demo/tasks.html"),
        ("indicator", "plans/demo/indicators/market-entities.html"),
        ("progress", "progress/index.html"),
        ("progress-sorted", "progress/sorted.html"),
        ("progress-status", "progress/no-data.html"),
        ("method", "progress/method.html"),
        ("departments", "departments/index.html"),
        // 市科技局, which leads the fixture's task (a department's page is named by a hash of its id).
        ("department", "departments/d-88da48f22384965a.html"),
        ("data", "data/index.html"),
        ("search", "search.html"),
        ("releases", "releases/index.html"),
        ("release", "releases/2024-06-01-test.html"),
    ]

    static func build() throws -> (site: URL, root: URL) {
        try Support.build(Support.fixtures.appendingPathComponent("golden-site"))
    }

    @Test func everyKindOfPageMatchesItsGoldenFile() throws {
        let (site, root) = try Self.build()
        defer { Support.remove(root) }
        let update = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"
        if update { try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true) }
        for (kind, path) in Self.pages {
            let page = try Data(contentsOf: site.appendingPathComponent(path))
            let url = Self.golden.appendingPathComponent(kind + ".html")
            if update { try page.write(to: url) }
            guard let expected = FileManager.default.contents(atPath: url.path) else {
                Issue.record("Golden/html/\(kind).html is missing: run with UPDATE_GOLDEN=1 to write it")
                continue
            }
            #expect(page == expected, "\(path) differs from Golden/html/\(kind).html (UPDATE_GOLDEN=1 rewrites it after a deliberate change)")
        }
    }

    /// Every kind of page the site has is covered: a new kind needs a golden page here.
    @Test func theGoldenPagesCoverEveryKindOfPage() throws {
        let (site, root) = try Self.build()
        defer { Support.remove(root) }
        let files = FileManager.default.enumerator(atPath: site.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".html") } ?? []
        func kind(of path: String) -> String {
            let parts = path.split(separator: "/").map(String.init)
            switch (parts.first, parts.count) {
            case ("plans", 3): return parts[2] == "index.html" ? "plan" : "section"
            case ("plans", _): return "indicator"
            case ("progress", _): return "progress/" + (["index.html", "sorted.html", "method.html"].contains(parts[1]) ? parts[1] : "status")
            case ("departments", _): return parts[1] == "index.html" ? "departments" : "department"
            case ("releases", _): return parts[1] == "index.html" ? "releases" : "release"
            default: return path
            }
        }
        let covered = Set(Self.pages.map { kind(of: $0.path) })
        let missing = Set(files.map(kind)).subtracting(covered)
        #expect(missing.isEmpty, "page kinds without a golden page: \(missing.sorted())")
    }
}
