/// A number exactly as the plan writes it: the value for arithmetic, the text for display (`1.28`, never `1.2800000000000002`).
public struct Figure: Sendable, Equatable, Comparable {
    public var value: Double
    public var text: String

    public init(_ value: Double, text: String) {
        self.value = value
        self.text = text
    }

    public init(_ value: Double) {
        self.value = value
        self.text = Figure.plainText(value)
    }

    /// A number without exponent or grouping: 5, 0.25, 80000.
    public static func plainText(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    public static func < (a: Figure, b: Figure) -> Bool { a.value < b.value }
}

/// 预期性 (expected) or 约束性 (binding), as the plans classify indicators.
public enum IndicatorAttribute: String, Sendable, CaseIterable {
    case expected = "预期性"
    case binding = "约束性"
}

public enum Direction: String, Sendable, CaseIterable {
    case increase, decrease
}

/// The words a plan puts around a target figure: 达5.6万家, 5000亿元以上, 超过1.28万家, 50家左右, 力争…
public enum Comparator: String, Sendable, CaseIterable {
    case reach = "达"
    case atLeast = "以上"
    case exceed = "超过"
    case breakThrough = "突破"
    case about = "左右"
    case strive = "力争"
    /// 争取 (seek to): a softer word than 力争, kept as the plan writes it.
    case seek = "争取"
    case raiseTo = "提高到"
    case notBelow = "不低于"
    case cumulative = "累计"

    /// Whether the words follow the figure (5000亿元以上, 50家左右) rather than come before it (超过1.28万家).
    public var followsFigure: Bool { self == .atLeast || self == .about }

    /// The figure with the plan's words, e.g. `5000亿元以上`, `超过1.28万家`.
    public func phrase(_ figure: String) -> String {
        followsFigure ? figure + rawValue : rawValue + figure
    }
}

public struct Observation: Sendable, Equatable {
    public var year: Int
    /// Nil when the plan prints no figure for that year (“-”).
    public var value: Figure?

    public init(year: Int, value: Figure?) {
        self.year = year
        self.value = value
    }
}

/// Where a reported figure comes from: who states it, in which page or document, read where, published when.
public struct DataSource: Sendable, Equatable {
    /// Who states the figure (重庆市统计局, 华龙网); nil when the page does not say.
    public var publisher: String?
    /// The title of the page or document, as written.
    public var title: String
    /// The address it was read at, when known.
    public var url: String?
    public var published: CalendarDate?
    /// The page read is a repost or mirror, not the publisher's own.
    public var repost: Bool

    public init(publisher: String? = nil, title: String, url: String? = nil, published: CalendarDate? = nil, repost: Bool = false) {
        self.publisher = publisher
        self.title = title
        self.url = url
        self.published = published
        self.repost = repost
    }
}

/// A figure reported for a year (实际完成), with its source.
public struct ReportedValue: Sendable, Equatable {
    public var year: Int
    public var value: Figure
    public var source: DataSource
    /// 口径 changes, 初步数, 修订, unit conversions.
    public var note: String?

    public init(year: Int, value: Figure, source: DataSource, note: String? = nil) {
        self.year = year
        self.value = value
        self.source = source
        self.note = note
    }
}

/// A status an office sets by hand (a qualitative target, 保持在合理区间), with its reason.
public struct ManualProgress: Sendable, Equatable {
    public var status: ProgressStatus
    public var reason: String

    public init(status: ProgressStatus, reason: String) {
        self.status = status
        self.reason = reason
    }
}

/// This figure is one part of another indicator's target: a region, a service category…
public struct PartOf: Sendable, Equatable {
    public var indicatorID: String
    /// What the parts are split by: 区域, 服务类别…
    public var by: String
    public var name: String

    public init(indicatorID: String, by: String, name: String) {
        self.indicatorID = indicatorID
        self.by = by
        self.name = name
    }
}

/// A named table of indicators, as the plan or the editors group them.
public struct IndicatorTable: Sendable, Equatable {
    public var id: String
    public var title: String
    public var note: String?
    /// The plan prints this table itself: its rows are the plan's own words, so they need no quote.
    public var printed: Bool

    public init(id: String, title: String, note: String? = nil, printed: Bool = false) {
        self.id = id
        self.title = title
        self.note = note
        self.printed = printed
    }

    public static let defaultID = "main"
    public static let defaultTitle = "主要指标"
}

/// One quantitative figure of a plan: what is measured, where it starts, where the plan wants it.
public struct Indicator: Sendable, Equatable {
    public var id: String
    public var name: String
    public var unit: String
    /// The section whose text states the figure.
    public var sectionID: String
    public var tableID: String
    public var attribute: IndicatorAttribute?
    public var direction: Direction
    public var baseline: Observation?
    /// Ordered by year.
    public var targets: [Target]
    public var partOf: PartOf?
    public var reported: [ReportedValue]
    /// What the indicator measures, where the plan or a named source defines it.
    public var definition: String?
    /// A status set by hand; nil when the progress method judges it.
    public var manualProgress: ManualProgress?

    public init(
        id: String, name: String, unit: String, sectionID: String, tableID: String = IndicatorTable.defaultID,
        attribute: IndicatorAttribute? = nil, direction: Direction = .increase, baseline: Observation? = nil,
        targets: [Target], partOf: PartOf? = nil, reported: [ReportedValue] = [], definition: String? = nil,
        manualProgress: ManualProgress? = nil
    ) {
        self.id = id
        self.name = name
        self.unit = unit
        self.sectionID = sectionID
        self.tableID = tableID
        self.attribute = attribute
        self.direction = direction
        self.baseline = baseline
        self.targets = targets
        self.partOf = partOf
        self.reported = reported
        self.definition = definition
        self.manualProgress = manualProgress
    }

    /// The last target the plan sets.
    public var finalTarget: Target? { targets.last }

    /// Whether the indicator is a place in a ranking: every target is a rank (全省前40位).
    public var isRank: Bool { !targets.isEmpty && targets.allSatisfy { $0.measure == .rank } }
}
