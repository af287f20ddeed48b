/// A bulletin release: a dated note of what was published or updated (a year's reported figures, a
/// correction), listed on the home page and in the feed.
public struct Release: Sendable {
    /// The file name without `.md`, used in URLs.
    public var slug: String
    public var title: String
    public var date: CalendarDate
    /// One sentence for lists and the feed.
    public var summary: String?
    /// Markdown.
    public var body: String
    public var sourcePath: String

    public init(slug: String, title: String, date: CalendarDate, summary: String? = nil, body: String, sourcePath: String) {
        self.slug = slug
        self.title = title
        self.date = date
        self.summary = summary
        self.body = body
        self.sourcePath = sourcePath
    }
}
