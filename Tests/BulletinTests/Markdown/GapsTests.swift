import Foundation
import Markdown
import Testing

/// `[!缺失]`: text absent from the source, marked where it was, shown to readers and listed on the plan page.
@Suite struct GapsTests {
    @Test func aGapIsFoundWithItsNoteLineAndPlace() {
        let source = "第一段。\n\n开展线上线[!缺失]年底，建成1家。\n\n第三段[!缺失：约12字，原件破损]结束。[!缺失值]不是缺失。\n"
        let gaps = Markdown.gaps(in: source)
        #expect(gaps.map(\.anchor) == ["gap-1", "gap-2"])
        #expect(gaps.map(\.line) == [3, 5])
        #expect(gaps[0].note == nil && gaps[0].context == "开展线上线")
        #expect(gaps[1].note == "约12字，原件破损")
        #expect(gaps[1].shown == "（原文此处缺失：约12字，原件破损）")
    }

    @Test func readersSeeItInPlaceAndTheNoteIsEscaped() {
        let html = Markdown.render("开展线上线[!缺失]年底。\n\n甲[!缺失：<script>alert(1)</script>]乙。\n").html
        #expect(html.contains("开展线上线<span class=\"gap\" id=\"gap-1\">（原文此处缺失）</span>年底。"))
        #expect(html.contains("<span class=\"gap\" id=\"gap-2\">（原文此处缺失：&lt;script&gt;alert(1)&lt;/script&gt;）</span>"))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("\u{E000}"), "no placeholder is left")
        #expect(Markdown.render("[!缺失值]与[!缺失").html.contains("[!缺失值]与[!缺失"), "anything else stays text")
    }

    @Test func thePlanPageListsEachGapWithALink() throws {
        let (site, root) = try Support.build(Support.content)
        defer { Support.remove(root) }
        let tasks = Support.text(site.appendingPathComponent("plans/cz-sci-tech-services-2023/tasks.html"))
        #expect(tasks.contains("开展线上线<span class=\"gap\" id=\"gap-1\">（原文此处缺失）</span>年底"))
        let plan = Support.text(site.appendingPathComponent("plans/cz-sci-tech-services-2023/index.html"))
        #expect(plan.contains("<h3>原文缺失之处</h3>"))
        #expect(plan.contains("<a href=\"tasks.html#gap-1\">三、重点任务</a>"))
        let other = Support.text(site.appendingPathComponent("plans/cq-tech-enterprises-2023/index.html"))
        #expect(!other.contains("原文缺失之处"), "a plan without gaps lists none")
    }
}
