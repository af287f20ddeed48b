import Markdown
import Model

/// `sitemap.xml` and `robots.txt`. A sitemap holds absolute addresses, so it is made only when `site.yaml` gives the
/// site's `url`; without one the build says so in its summary rather than writing a made-up host.
enum SiteMap {
    static func sitemap(_ site: Site, pages: [String]) -> String? {
        guard let base = site.config.url else { return nil }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages.sorted() where page.hasSuffix(".html") && page != Paths.notFound {
            xml += "  <url><loc>" + HTML.escape(base + percentEncoded(page)) + "</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }

    static func robots(_ site: Site) -> String {
        var text = "User-agent: *\nAllow: /\n"
        if let base = site.config.url { text += "Sitemap: \(base)\(Paths.sitemap)\n" }
        return text
    }

    /// A path as a URL path: every byte outside the unreserved set and `/` percent-encoded.
    static func percentEncoded(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F, 0x7E, 0x2F: out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
