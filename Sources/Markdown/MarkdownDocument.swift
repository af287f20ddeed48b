/// A heading of a rendered document, for the in-page table of contents.
public struct Heading: Sendable, Equatable {
    public var level: Int
    public var text: String
    /// The `id` given to the heading element, unique within the document.
    public var anchor: String

    public init(level: Int, text: String, anchor: String) {
        self.level = level
        self.text = text
        self.anchor = anchor
    }
}

/// The HTML of a Markdown document and the headings it holds.
public struct MarkdownDocument: Sendable, Equatable {
    public var html: String
    public var outline: [Heading]
    /// The text marked absent from the source (`[!缺失]`), in order.
    public var gaps: [Gap]

    public init(html: String, outline: [Heading], gaps: [Gap] = []) {
        self.html = html
        self.outline = outline
        self.gaps = gaps
    }
}
