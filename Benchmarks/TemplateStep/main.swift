// bulletin-template-step CONTENT TEMPLATES [PLANS]: times the template step alone, on one thread. Every page
// of the first PLANS plans (default 50) gets its values made first (not timed); then each page is rendered
// with bulletin's compiled renderer and with swift-mustache from the same templates and values, and the
// outputs are compared. Prints milliseconds per page for each and their ratio.
import ContentLoading
import Diagnostics
import Foundation
import SiteRendering

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: bulletin-template-step CONTENT TEMPLATES [PLANS]\n".utf8))
    exit(2)
}
let plans = arguments.count > 3 ? Int(arguments[3]) ?? 50 : 50
let loaded = ContentLoader(root: URL(fileURLWithPath: arguments[1])).load()
var diagnostics = loaded.diagnostics
guard let site = loaded.site,
      let templates = TemplateSet.load(from: URL(fileURLWithPath: arguments[2]), displayFolder: arguments[2], diagnostics: &diagnostics),
      !diagnostics.hasErrors else {
    for diagnostic in diagnostics { FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8)) }
    exit(1)
}
let timing = SiteRenderer(site: site, templates: templates).measureTemplateStep(plans: plans)
func ms(_ seconds: Double) -> String { String(format: "%.3f", seconds * 1000 / Double(max(timing.pages, 1))) }
print("pages: \(timing.pages) (from \(min(plans, site.plans.count)) plans), \(timing.bytes / 1024) KiB of HTML")
print("compiled renderer: \(ms(timing.compiled)) ms per page")
print("swift-mustache:    \(ms(timing.swiftMustache)) ms per page")
print("outputs identical: \(timing.identical ? "yes" : "NO")")
print(String(format: "ratio swift-mustache/compiled: %.1f", timing.swiftMustache / max(timing.compiled, 1e-9)))
exit(timing.identical ? 0 : 1)
