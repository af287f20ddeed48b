/// Everything the site is built from, after loading and checking.
public struct Site: Sendable {
    public var config: SiteConfig
    /// In home-page order.
    public var plans: [Plan]
    /// Newest first.
    public var releases: [Release]

    public init(config: SiteConfig, plans: [Plan], releases: [Release] = []) {
        self.config = config
        self.plans = plans
        self.releases = releases
    }
}

public struct SiteConfig: Sendable, Equatable {
    public var title: String
    public var organisation: String
    public var description: String
    public var footer: String?
    /// BCP 47 language of the content; the site is written for zh-CN.
    public var language: String
    /// The address the site is published at (`https://…/`), for the sitemap and the feed; nil when not known, and
    /// then those are left out rather than given a made-up host.
    public var url: String?
    /// The bulletin year: the last year the bulletin reports on. Target years up to it have passed.
    public var asOf: Int?

    public init(title: String, organisation: String, description: String, footer: String? = nil, language: String = "zh-CN",
                url: String? = nil, asOf: Int? = nil) {
        self.url = url.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        self.asOf = asOf
        self.title = title
        self.organisation = organisation
        self.description = description
        self.footer = footer
        self.language = language
    }
}

extension Plan {
    /// The progress of every indicator, in the plan's order.
    public func progress(asOf: Int?) -> [Assessment] {
        indicators.map { ProgressMethod.assess($0, period: period, asOf: asOf) }
    }
}
