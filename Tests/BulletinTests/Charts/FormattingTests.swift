import Testing
@testable import Charts

@Suite struct ChineseNumberTests {
    @Test func printsPlainDecimalsWithoutGrouping() {
        #expect(ChineseNumbers.plain(1260582, decimals: 0) == "1260582")
        #expect(ChineseNumbers.plain(5.5, decimals: 1) == "5.5")
        #expect(ChineseNumbers.plain(0.1 + 0.2, decimals: 2) == "0.30")
        #expect(ChineseNumbers.plain(-0.0001, decimals: 2) == "0.00")
        #expect(ChineseNumbers.plain(-3.25, decimals: 1) == "-3.3")
        #expect(ChineseNumbers.plain(.nan) == "—")
        #expect(ChineseNumbers.compact(1.2800000000000002) == "1.28")
        #expect(ChineseNumbers.compact(80000) == "80000")
    }

    @Test func choosesOneScaleForAnAxis() {
        #expect(ChineseNumbers.axisScale(largest: 46560, unit: "家") == .init(divisor: 1e4, unit: "万家"))
        #expect(ChineseNumbers.axisScale(largest: 9000, unit: "家") == .init(divisor: 1, unit: "家"))
        #expect(ChineseNumbers.axisScale(largest: 3e9, unit: "元") == .init(divisor: 1e8, unit: "亿元"))
        #expect(ChineseNumbers.axisScale(largest: 5000, unit: "亿元") == .init(divisor: 1, unit: "亿元"))
        #expect(ChineseNumbers.axisScale(largest: 20000, unit: "万人") == .init(divisor: 1e4, unit: "亿人"))
        #expect(ChineseNumbers.axisScale(largest: 90, unit: "%") == .init(divisor: 1, unit: "%"))
        #expect(ChineseNumbers.multiplier(of: "万家") == (1e4, "家"))
    }

    @Test func describesChangesInThePlansWords() {
        #expect(ChineseNumbers.change(from: 4.9, to: 5.5, unit: "%", decimals: 1) == "提高0.6个百分点")
        #expect(ChineseNumbers.change(from: 5.5, to: 4.9, unit: "%", decimals: 1) == "下降0.6个百分点")
        #expect(ChineseNumbers.change(from: 272, to: 320, unit: "个", decimals: 0) == "增加48个（增长17.6%）")
        #expect(ChineseNumbers.change(from: 100, to: 86.5, unit: "", decimals: 1) == "减少13.5（下降13.5%）")
        #expect(ChineseNumbers.change(from: 0, to: 3, unit: "个", decimals: 0) == "增加3个")
        #expect(ChineseNumbers.change(from: 3, to: 3, unit: "个", decimals: 0) == "持平")
    }
}

@Suite struct TextMeasureTests {
    @Test func measuresByEastAsianWidth() {
        let size = 10.0
        #expect(TextMeasure.width("科技", fontSize: size) == 2 * size * TextMeasure.slack)
        #expect(TextMeasure.width("2025", fontSize: size) == 4 * 0.6 * size * TextMeasure.slack)
        #expect(TextMeasure.width("“两群”", fontSize: size) == 4 * size * TextMeasure.slack, "quotation marks are ambiguous: wide on a zh page")
        #expect(TextMeasure.width("R&D经费", fontSize: size) > TextMeasure.width("RD经费", fontSize: size))
    }

    @Test func breaksLinesByChineseRules() {
        // Width for 6 Han characters per line.
        let width = 6 * 12 * TextMeasure.slack + 0.1
        let lines = TextMeasure.lines("规模以上工业战略性新兴产业增加值占比，达到2025年目标", fontSize: 12, maxWidth: width, maxLines: 5)
        for line in lines {
            #expect(TextMeasure.width(line, fontSize: 12) <= width, "\(line) too wide")
            #expect(!(line.first.map { TextMeasure.noLineStart.contains($0) } ?? false), "\(line) starts with closing punctuation")
            #expect(!(line.last.map { TextMeasure.noLineEnd.contains($0) } ?? false), "\(line) ends with opening punctuation")
        }
        #expect(lines.joined() == "规模以上工业战略性新兴产业增加值占比，达到2025年目标")
        #expect(lines.contains { $0.contains("2025年") }, "a number stays with its unit")
    }

    @Test func neverStartsALineWithAClosingMark() {
        let width = 5 * 12 * TextMeasure.slack + 0.1
        let lines = TextMeasure.lines("一二三四五，六七（八九）十", fontSize: 12, maxWidth: width, maxLines: 5)
        #expect(lines == ["一二三四", "五，六七", "（八九）十"])
    }

    @Test func cutsAfterTwoLinesWithAnEllipsis() {
        let label = String(repeating: "科技服务业市场主体", count: 5)  // 45 characters
        let lines = TextMeasure.lines(label, fontSize: 12, maxWidth: 120, maxLines: 2)
        #expect(lines.count == 2)
        #expect(lines[1].hasSuffix("…"))
        #expect(lines.allSatisfy { TextMeasure.width($0, fontSize: 12) <= 120 })
    }
}
