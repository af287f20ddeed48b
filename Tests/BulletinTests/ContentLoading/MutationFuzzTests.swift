import Foundation
import Diagnostics
import Importing
import Markdown
import Testing
@testable import ContentLoading

/// A fixed-seed mutation fuzzer over real content, run in `make test` (the charts tests' `SplitMix`, so the same
/// mutants on every run and machine): every content file of `Content/`, cut, spliced and sprinkled with YAML's special
/// characters. The quick YAML parser must read each mutant exactly as Yams does or leave it to Yams; the loader, the
/// Markdown wrapper and the importer must answer every mutant, never crash or hang.
@Suite struct MutationFuzzTests {
    static let pieces: [String] = [":", ": ", "-", "- ", " ", "  ", "\"", "'", "#", " #", "[", "]", "{", "}", ",", "\n", "|", ">", "&a", "*a",
                                   "!", "%", "@", "`", "中", "\t", "0", "1.10", "~", "null", "\\", "\r\n", "？", "…", "\u{FEFF}", "---", "..."]

    static func mutate(_ text: String, _ rng: inout SplitMix) -> String {
        var chars = Array(text)
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            guard !chars.isEmpty else { break }
            let at = Int.random(in: 0..<chars.count, using: &rng)
            switch Int.random(in: 0..<5, using: &rng) {
            case 0: chars.remove(at: at)
            case 1: chars.insert(contentsOf: Array(pieces.randomElement(using: &rng)!), at: at)
            case 2:
                let end = min(chars.count, at + Int.random(in: 1...40, using: &rng))
                chars.insert(contentsOf: chars[at..<end], at: Int.random(in: 0...chars.count, using: &rng))
            case 3: chars.removeSubrange(at..<min(chars.count, at + Int.random(in: 1...20, using: &rng)))
            default: chars[at] = Array(pieces.randomElement(using: &rng)!).first!
            }
        }
        return String(chars)
    }

    @Test func theQuickParserReadsEveryMutantAsYamsDoesOrLeavesItToYams() {
        var rng = SplitMix(seed: 20261201)
        let texts = QuickYAMLTests.texts(under: Support.content)
        var accepted = 0, total = 0
        for (name, text) in texts {
            for round in 0..<40 {
                let mutant = Self.mutate(text, &rng)
                total += 1
                if QuickYAMLTests.agree(mutant, "\(name) mutant \(round)") { accepted += 1 }
                var diagnostics: [Diagnostic] = []
                _ = YAMLDocument.parse(mutant, file: name, diagnostics: &diagnostics)
            }
        }
        // The mutants are meant to fall on both sides: read by the quick parser, and left to Yams.
        #expect(total > 1000 && accepted > total / 10 && accepted < total, "\(accepted) of \(total) read by the quick parser")
    }

    @Test func theMarkdownWrapperAndTheImporterAnswerEveryMutant() throws {
        var rng = SplitMix(seed: 7)
        let seed = try String(contentsOf: SeedImportTests.seeds.appendingPathComponent("003_3b6f2a48eb26d9e1.txt"), encoding: .utf8)
        let section = Support.text(Support.content.appendingPathComponent("plans/cq-hitech-zone-sti-2021/tasks.md"))
        for _ in 0..<30 {
            let text = Self.mutate(Self.mutate(seed, &rng), &rng)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { SourceLine(number: $0.offset + 1, text: String($0.element)) }
            let plan = PlanImporter.run(lines: lines, sourceName: "mutant.txt")
            #expect(plan.files.contains { $0.name == "plan.yaml" })
            let html = Markdown.render(Self.mutate(section, &rng) + "[!缺失" + "<script>x</script>").html
            #expect(!html.contains("<script>"))
        }
    }
}
