/// A part of a plan with its own page: 总体要求, 发展目标, 重点任务, 保障措施, …
public struct Section: Sendable {
    /// The file name without `.md`, used in URLs and by indicators to say where they are stated.
    public var id: String
    public var kind: SectionKind
    public var title: String
    /// The plan's own numbering (二、, 第三章, （二）), shown before the title.
    public var number: String?
    /// The chapter this part belongs to, when a chapter is split over several pages.
    public var chapter: String?
    public var order: Int
    /// The Markdown body, without front matter.
    public var body: String
    /// Path of the file, relative to the content folder, for messages.
    public var sourcePath: String
    /// Line in the file where the body starts.
    public var bodyFirstLine: Int

    public init(
        id: String, kind: SectionKind, title: String, number: String? = nil, chapter: String? = nil,
        order: Int, body: String, sourcePath: String, bodyFirstLine: Int = 1
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.number = number
        self.chapter = chapter
        self.order = order
        self.body = body
        self.sourcePath = sourcePath
        self.bodyFirstLine = bodyFirstLine
    }

    /// 二、发展目标 / 第三章 重点任务 / （二）主要目标
    public var numberedTitle: String {
        guard let number, !number.isEmpty else { return title }
        let last = number.unicodeScalars.last.map { Character($0) }
        let tight = last == "、" || last == "）" || last == "." || last == "．"
        return tight ? number + title : number + " " + title
    }
}

public enum SectionKind: String, Sendable, CaseIterable {
    case preface, background, overview, goals, layout, tasks, safeguards, other

    /// The usual Chinese name of such a part, for labels and hints.
    public var label: String {
        switch self {
        case .preface: return "前言"
        case .background: return "基础现状"
        case .overview: return "总体要求"
        case .goals: return "发展目标"
        case .layout: return "发展布局"
        case .tasks: return "重点任务"
        case .safeguards: return "保障措施"
        case .other: return "其他"
        }
    }
}
