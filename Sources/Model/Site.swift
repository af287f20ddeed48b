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

    public init(title: String, organisation: String, description: String, footer: String? = nil, language: String = "zh-CN") {
        self.title = title
        self.organisation = organisation
        self.description = description
        self.footer = footer
        self.language = language
    }
}
