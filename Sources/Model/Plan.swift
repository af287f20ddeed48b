/// One development plan (三年行动计划, 五年规划…): its metadata, its sections and its indicators.
public struct Plan: Sendable {
    /// The folder name, used in URLs.
    public var slug: String
    /// The plan's folder as messages name it (`Content/plans/<slug>`), for the files it was read from.
    public var sourceFolder: String = ""
    public var title: String
    public var shortTitle: String
    /// 三年行动计划, 五年规划, …
    public var type: String
    public var region: String
    public var issuer: String
    public var documentNumber: String?
    public var issued: CalendarDate?
    public var published: CalendarDate?
    public var period: Period
    public var order: Int
    /// The covering notice (印发通知), Markdown.
    public var notice: String?
    public var sources: [SourceReference]
    public var editorialNotes: [String]
    /// In the plan's order.
    public var sections: [Section]
    public var tables: [IndicatorTable]
    /// In the plan's order.
    public var indicators: [Indicator]
    /// The numbered tasks of every section, with the offices each note names, in the plan's order.
    public var tasks: [PlanTask] = []
    /// Figures of what the base period achieved (`achievements.csv`), in the file's order.
    public var achievements: [Achievement] = []

    public init(
        slug: String, title: String, shortTitle: String, type: String, region: String, issuer: String,
        documentNumber: String? = nil, issued: CalendarDate? = nil, published: CalendarDate? = nil,
        period: Period, order: Int, notice: String? = nil, sources: [SourceReference], editorialNotes: [String] = [],
        sections: [Section] = [], tables: [IndicatorTable] = [], indicators: [Indicator] = []
    ) {
        self.slug = slug
        self.title = title
        self.shortTitle = shortTitle
        self.type = type
        self.region = region
        self.issuer = issuer
        self.documentNumber = documentNumber
        self.issued = issued
        self.published = published
        self.period = period
        self.order = order
        self.notice = notice
        self.sources = sources
        self.editorialNotes = editorialNotes
        self.sections = sections
        self.tables = tables
        self.indicators = indicators
    }

    public func section(_ id: String) -> Section? {
        sections.first { $0.id == id }
    }

    public func indicators(in section: Section) -> [Indicator] {
        indicators.filter { $0.sectionID == section.id }
    }

    /// The parts of a breakdown, in the plan's order: the figures that declare `part_of` this indicator.
    public func parts(of indicator: Indicator) -> [Indicator] {
        indicators.filter { $0.partOf?.indicatorID == indicator.id }
    }
}

public struct Period: Sendable, Equatable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// As Chinese documents print it: 2023—2025年.
    public var label: String { "\(start)—\(end)年" }
}

/// A date as written on a document, without time or zone, so output never depends on the machine.
public struct CalendarDate: Sendable, Equatable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; nil for anything else or an impossible date.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), d >= 1, d <= CalendarDate.days(inMonth: m, year: y) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    static func days(inMonth m: Int, year y: Int) -> Int {
        switch m {
        case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var iso: String {
        let mm = month < 10 ? "0\(month)" : "\(month)"
        let dd = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(mm)-\(dd)"
    }

    /// 2023年3月17日
    public var chinese: String { "\(year)年\(month)月\(day)日" }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

public struct SourceReference: Sendable, Equatable {
    public var title: String
    public var url: String?
    public var note: String?

    public init(title: String, url: String? = nil, note: String? = nil) {
        self.title = title
        self.url = url
        self.note = note
    }
}

/// A figure the plan states about what has been achieved already (its 基础现状 chapter), not a target: carried as
/// data so that it can be found, linked and downloaded like the indicators.
public struct Achievement: Sendable, Equatable {
    /// What is counted, in the editors' words.
    public var name: String
    public var value: Figure
    public var unit: String
    /// The figure with the plan's own qualifiers (超330亿元, 40余个, 85%以上), exactly as it stands in the text.
    public var asWritten: String
    /// The year the text gives for the figure, if any.
    public var year: Int?
    /// The plan's words that state it; found in the section `sectionID`.
    public var quote: String
    public var sectionID: String

    public init(name: String, value: Figure, unit: String, asWritten: String, year: Int?, quote: String, sectionID: String) {
        self.name = name
        self.value = value
        self.unit = unit
        self.asWritten = asWritten
        self.year = year
        self.quote = quote
        self.sectionID = sectionID
    }
}
