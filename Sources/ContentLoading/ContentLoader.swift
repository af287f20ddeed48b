import Diagnostics
import Foundation
import Model
import Synchronization

/// Reads a content folder into a checked `Site`, collecting every problem across all files.
///
/// Layout: `site.yaml`, and `plans/<slug>/` folders each holding `plan.yaml`, section `*.md` files and an
/// optional `indicators.yaml`. See docs/content-format.md.
public struct ContentLoader: Sendable {
    public let root: URL
    /// How the content folder is named in messages (as the user typed it, e.g. `Content`).
    public let displayRoot: String

    /// Fingerprints known to be current (the file has not changed since they were computed), by key.
    public let knownFingerprints: [String: UInt64]

    /// The files under `root`, relative to it, when the caller has just listed them (the folder is not walked again).
    public let listedFiles: [String]?

    public init(root: URL, displayRoot: String? = nil, knownFingerprints: [String: UInt64] = [:],
                listedFiles: [String]? = nil) {
        self.root = root
        self.displayRoot = displayRoot ?? root.path
        self.knownFingerprints = knownFingerprints
        self.listedFiles = listedFiles
    }

    public struct Result: Sendable {
        /// Nil when any error was found.
        public var site: Site?
        public var diagnostics: [Diagnostic]
        /// A fingerprint of every file in the content folder, by the path messages use: what the site was built from.
        public var inputs: [String: UInt64] = [:]
    }

    public func load() -> Result {
        var diagnostics: [Diagnostic] = []
        // Nothing from outside the content folder is read or published: a link that leads out is refused first.
        let leaving = FileTree.linksLeaving(root.path)
        guard leaving.isEmpty else {
            let errors = leaving.map { path -> Diagnostic in
                .error(at: SourceLocation(file: display(path)), "this is a symbolic link that leads outside the content folder",
                       hint: "copy the file into the content folder, or remove the link: the site publishes only what the content folder holds")
            }
            return Result(site: nil, diagnostics: errors.sortedByLocation())
        }
        let config = loadSiteConfig(&diagnostics)
        let plans = loadPlans(&diagnostics)
        let releases = loadReleases(&diagnostics)
        let sorted = diagnostics.sortedByLocation()
        guard let config, !sorted.hasErrors else { return Result(site: nil, diagnostics: sorted) }
        return Result(site: Site(config: config, plans: plans, releases: releases), diagnostics: sorted, inputs: fingerprints())
    }

    /// `releases/*.md`: dated notes of what the bulletin published. The folder is optional.
    private func loadReleases(_ diagnostics: inout [Diagnostic]) -> [Release] {
        let folder = root.appendingPathComponent("releases")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        var releases: [Release] = []
        for name in names.sorted() where name.hasSuffix(".md") {
            let slug = String(name.dropLast(3)), path = display("releases/" + name)
            guard isURLSafeName(slug) else {
                diagnostics.append(.error(at: SourceLocation(file: path), "release file name `\(name)` cannot be used in URLs",
                                          hint: "rename it using lower-case letters, digits and hyphens, e.g. `2025-annual.md`"))
                continue
            }
            if slug == "index" {
                diagnostics.append(.error(at: SourceLocation(file: path), "a release cannot be named `index`: releases/index.html is the list of releases",
                                          hint: "name it by its date and subject, e.g. `2025-annual.md`"))
                continue
            }
            if let release = ReleaseLoader(url: folder.appendingPathComponent(name), slug: slug, displayPath: path).load(&diagnostics) {
                releases.append(release)
            }
        }
        return releases.sorted { ($1.date, $0.slug) < ($0.date, $1.slug) }
    }

    /// Fingerprints of every file under the content folder (hidden files aside).
    func fingerprints() -> [String: UInt64] {
        var inputs: [String: UInt64] = [:]
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        for relativePath in listedFiles ?? FileTree.files(under: root.path).map(\.relativePath) {
            let key = display(relativePath)
            if let known = knownFingerprints[key] {
                inputs[key] = known
            } else if let data = FileManager.default.contents(atPath: rootPath + relativePath) {
                inputs[key] = StableHash.of(data)
            }
        }
        return inputs
    }

    func display(_ relative: String) -> String {
        displayRoot.isEmpty ? relative : (displayRoot.hasSuffix("/") ? displayRoot + relative : displayRoot + "/" + relative)
    }

    private func loadSiteConfig(_ diagnostics: inout [Diagnostic]) -> SiteConfig? {
        let path = display("site.yaml")
        let url = root.appendingPathComponent("site.yaml")
        guard FileManager.default.fileExists(atPath: url.path) else {
            diagnostics.append(.error(at: SourceLocation(file: path), "the content folder has no site.yaml",
                                      hint: "is `\(displayRoot)` the content folder? It needs site.yaml with `title:` and `organisation:`"))
            return nil
        }
        guard let file = TextFile.read(url, displayPath: path, diagnostics: &diagnostics),
              let document = YAMLDocument.parse(file.text, file: path, diagnostics: &diagnostics),
              var reader = MappingReader(document.root, in: document, what: "site.yaml", diagnostics: &diagnostics) else { return nil }
        let title = reader.string("title", required: true, &diagnostics)
        let organisation = reader.string("organisation", required: true, &diagnostics)
        let description = reader.string("description", &diagnostics)
        let footer = reader.string("footer", &diagnostics)
        let siteURL = reader.string("url", &diagnostics)
        if let siteURL, !(SourceURL.isAcceptable(siteURL)) {
            diagnostics.append(.error(at: reader.location(of: "url"), "`url` `\(siteURL)` is not an http or https address",
                                      hint: "write the address the site is published at, e.g. `url: https://tjj.example.gov.cn/bulletin/`"))
        }
        let asOf = reader.int("as_of", range: 1900...2200, &diagnostics)
        let language = reader.string("language", &diagnostics)
        reader.reportUnknownKeys(&diagnostics)
        guard let title, let organisation else { return nil }
        return SiteConfig(title: title, organisation: organisation, description: description ?? "", footer: footer, language: language ?? "zh-CN",
                          url: siteURL.flatMap { SourceURL.isAcceptable($0) ? $0 : nil }, asOf: asOf)
    }

    private func loadPlans(_ diagnostics: inout [Diagnostic]) -> [Plan] {
        let plansURL = root.appendingPathComponent("plans")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: plansURL.path) else {
            diagnostics.append(.error(at: SourceLocation(file: display("plans")), "the content folder has no plans/ folder",
                                      hint: "create plans/<slug>/plan.yaml, or run `bulletin new plan <slug>`"))
            return []
        }
        let folders = names.sorted().filter { name in
            var isDirectory: ObjCBool = false
            return !name.hasPrefix(".") && FileManager.default.fileExists(atPath: plansURL.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }
        // Plans are independent: load them in parallel, one per core, and keep the results in folder order.
        let results = Mutex([(Plan?, [Diagnostic])?](repeating: nil, count: folders.count))
        DispatchQueue.concurrentPerform(iterations: folders.count) { index in
            let name = folders[index]
            var problems: [Diagnostic] = []
            let plan = PlanLoader(folder: plansURL.appendingPathComponent(name), slug: name, displayFolder: display("plans/" + name)).load(&problems)
            results.withLock { $0[index] = (plan, problems) }
        }
        var plans: [Plan] = []
        for result in results.withLock({ $0 }) {
            guard let (plan, problems) = result else { continue }
            diagnostics += problems
            if let plan { plans.append(plan) }
        }
        if plans.isEmpty, !diagnostics.hasErrors {
            diagnostics.append(.error(at: SourceLocation(file: display("plans")), "there are no plans in plans/",
                                      hint: "add a folder plans/<slug>/ with plan.yaml and section files"))
        }
        return plans.sorted { ($0.order, $0.slug) < ($1.order, $1.slug) }
    }
}

/// Folder and file names become URLs: keep them to lower-case ASCII letters, digits and hyphens.
public func isURLSafeName(_ name: String) -> Bool {
    !name.isEmpty && name.first != "-" && name.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
}
