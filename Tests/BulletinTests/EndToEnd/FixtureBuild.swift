import Foundation
import Testing
@testable import BulletinCore

extension Support {
    /// Builds the content folder `content` with the real templates into a scratch folder, expecting success: the site
    /// and the scratch folder (for `remove`).
    static func build(_ content: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> (site: URL, root: URL) {
        let root = try scratch()
        let site = root.appendingPathComponent("Site")
        let report = Builder(options: .init(content: content.path, templates: templates.path, output: site.path,
                                            workingDirectory: root)).build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.headline))", sourceLocation: sourceLocation)
        return (site, root)
    }
}
