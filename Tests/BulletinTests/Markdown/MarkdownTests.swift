import Testing
@testable import Markdown

@Suite struct MarkdownTests {
    @Test func rendersGitHubExtensions() {
        let html = Markdown.render("""
        | 指标 | 2025年 |
        |---|--:|
        | 市场主体 | 5.6 |

        ~~删除~~ 和 https://example.org 以及 www.example.org

        - [x] 已完成
        - [ ] 未完成

        正文[^1]。

        [^1]: 脚注。
        """).html
        #expect(html.contains("<table>"))
        #expect(html.contains("<th>指标</th>"))
        #expect(html.contains("<td align=\"right\">5.6</td>"))
        #expect(html.contains("<del>删除</del>"))
        #expect(html.contains("<a href=\"https://example.org\">https://example.org</a>"))
        #expect(html.contains("<a href=\"http://www.example.org\">www.example.org</a>"))
        #expect(html.contains("type=\"checkbox\" checked=\"\" disabled=\"\""))
        #expect(html.contains("class=\"footnotes\""))
    }

    @Test func readsTheWholeTextANULIncluded() {
        // A NUL does not end the text: what follows it is rendered, and the NUL becomes U+FFFD.
        let html = Markdown.render("前文\u{0}后文\n\n第二段").html
        #expect(html == "<p>前文\u{FFFD}后文</p>\n<p>第二段</p>\n")
        #expect(Markdown.render("").html.isEmpty)
    }

    @Test func dropsAuthorsRawHTMLAndUnsafeLinks() {
        let html = Markdown.render("""
        <script>alert(1)</script>

        段落<img src=x onerror=alert(1)>文字。

        [点我](javascript:alert(1))
        """).html
        #expect(!html.contains("<script"))
        #expect(!html.contains("onerror"))
        #expect(!html.contains("javascript:"))
        #expect(html.contains("raw HTML omitted"))
        #expect(html.contains("段落"))
    }

    @Test func aLinkOrImageToAScriptOrDataKeepsItsWordsAndLosesItsAddress() {
        let html = Markdown.render("""
        [小写](javascript:alert(1))、[大小写](JaVaScRiPt:alert(2))、[实体](jav&#x61;script:alert(3))、[vb](vbscript:x)、\
        [文件](file:///etc/passwd)、[数据](data:text/html,x)、![图一](data:image/png;base64,AAAA)、![图二](javascript:x)。

        [官网](https://example.org/)、[本站](../goals.html)、![图三](chart.svg)
        """).html
        #expect(html.contains("<p>小写、大小写、实体、vb、文件、数据、图一、图二。</p>"), "\(html)")
        #expect(!html.contains("href=\"\"") && !html.contains("src=\"\""))
        #expect(html.contains("<a href=\"https://example.org/\">官网</a>") && html.contains("<a href=\"../goals.html\">本站</a>"))
        #expect(html.contains("<img src=\"chart.svg\" alt=\"图三\" />"))
        #expect(Markdown.isUnsafe(" java\tscript:x") && !Markdown.isUnsafe("plans/a:b") && !Markdown.isUnsafe("https://x/data:y"))
    }

    @Test func givesHeadingsUniqueAnchorsAndAnOutline() {
        let document = Markdown.render("""
        ## （一）实施科技服务能级提升行动

        ### 1.研究开发服务

        ## Key Tasks

        ## （一）实施科技服务能级提升行动
        """, reservedAnchors: ["main"])
        #expect(document.outline == [
            Heading(level: 2, text: "（一）实施科技服务能级提升行动", anchor: "一实施科技服务能级提升行动"),
            Heading(level: 3, text: "1.研究开发服务", anchor: "1研究开发服务"),
            Heading(level: 2, text: "Key Tasks", anchor: "key-tasks"),
            Heading(level: 2, text: "（一）实施科技服务能级提升行动", anchor: "一实施科技服务能级提升行动-1"),
        ])
        #expect(document.html.contains("<h2 id=\"一实施科技服务能级提升行动\">（一）实施科技服务能级提升行动</h2>"))
        #expect(document.html.contains("<h2 id=\"一实施科技服务能级提升行动-1\">"))
        #expect(document.html.contains("<h3 id=\"1研究开发服务\">"))
    }

    @Test func anchorsNeverCollideWithReservedIDs() {
        let document = Markdown.render("## Main", reservedAnchors: ["main"])
        #expect(document.outline.first?.anchor == "main-1")
    }

    @Test func turnsMarkedBlockQuotesIntoBoxes() {
        let document = Markdown.render("""
        ## 第一节 培育国家战略科技力量

        > [!专栏] 专栏3 基础科学研究方向领域
        >
        > 1.空天科学。天体物理。
        >
        > 2.信息科学。人工智能。

        > 普通引文。
        """)
        let html = document.html
        #expect(html.contains("<aside class=\"box\" aria-labelledby=\"专栏3-基础科学研究方向领域\">"))
        #expect(html.contains("<h3 class=\"box-title\" id=\"专栏3-基础科学研究方向领域\">专栏3 基础科学研究方向领域</h3>"))
        #expect(html.contains("<p>1.空天科学。天体物理。</p>"))
        #expect(!html.contains("[!专栏]"))
        #expect(html.contains("<blockquote>\n<p>普通引文。</p>"))
        #expect(document.outline.map(\.text) == ["第一节 培育国家战略科技力量", "专栏3 基础科学研究方向领域"])
        #expect(document.outline.last?.level == 3)
    }

    @Test func escapesBoxTitles() {
        let html = Markdown.render("> [!专栏] <b>标题</b> & 更多\n>\n> 正文").html
        #expect(html.contains("id=\"标题-更多\">标题 &amp; 更多</h2>"))
        #expect(!html.contains("<b>"))
    }

    @Test func replacesEmbedParagraphsWithGeneratedHTML() {
        let source = "前文。\n\n[!指标表] main\n\n[!指标表] unknown\n\n后文。"
        let html = Markdown.render(source) { embed in
            embed.argument == "main" ? "<figure>表</figure>" : nil
        }.html
        #expect(html.contains("<p>前文。</p>\n<figure>表</figure>\n<p>[!指标表] unknown</p>"))
        #expect(Markdown.embeds(in: source) == [
            Embed(name: "指标表", argument: "main", line: 3),
            Embed(name: "指标表", argument: "unknown", line: 5),
        ])
        #expect(Markdown.embeds(in: "```\n[!指标表] main\n```").isEmpty)
    }

    @Test func splitsFrontMatter() {
        let split = FrontMatterSplit.split("---\nkind: goals\ntitle: 发展目标\n---\n\n正文\n")
        #expect(split.yaml == "kind: goals\ntitle: 发展目标")
        #expect(split.yamlFirstLine == 2)
        #expect(split.body == "\n正文\n")
        #expect(split.bodyFirstLine == 5)
        #expect(FrontMatterSplit.split("正文").yaml == nil)
        #expect(FrontMatterSplit.split("---\nkind: goals\n").unterminated)
        #expect(FrontMatterSplit.split("\u{FEFF}---\r\nkind: goals\r\n---\r\n正文").yaml == "kind: goals")
    }
}
