import Bytes

/// The site's own defences, in one place: the Content-Security-Policy every page carries in a `<meta>` (so that it
/// holds from `file://` and on any static server), and `_headers`, the file Netlify, Cloudflare Pages and similar
/// hosts read, with the same policy as a header and what only a header can say.
enum SecurityPolicy {
    /// Nothing from another origin, no inline script or style, no plugins, no `<base>`, no forms. The pages need
    /// only their own style sheets and the `data:` icon; `bulletin serve` adds its reload script as a file of its own.
    static let contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'"

    static let headersPath = "_headers"

    /// A page whose template has inline `<style>` or `<script>` elements (the 404 page, served at any address, cannot
    /// link its style sheet): each is allowed by its hash, added to the policy the page carries.
    static func allowingInlineElements(_ page: [UInt8]) -> [UInt8] {
        var styles: [String] = [], scripts: [String] = []
        for (open, close) in [("<style>", "</style>"), ("<script>", "</script>")] {
            let opening = Array(open.utf8), closing = Array(close.utf8)
            var from = 0
            while let start = find(opening, in: page, from: from), let end = find(closing, in: page, from: start + opening.count) {
                let source = SHA256.policySource(Array(page[(start + opening.count)..<end]))
                if open == "<style>" { styles.append(source) } else { scripts.append(source) }
                from = end + closing.count
            }
        }
        guard !styles.isEmpty || !scripts.isEmpty else { return page }
        var out = page
        // The policy as the template printed it, its quotes escaped.
        for (directive, sources) in [("style-src", styles), ("script-src", scripts)] where !sources.isEmpty {
            let written = Array("\(directive) &#39;self&#39;".utf8)
            let widened = Array(("\(directive) &#39;self&#39;" + sources.map { " &#39;\($0)&#39;" }.joined()).utf8)
            if let at = find(written, in: out, from: 0) { out.replaceSubrange(at..<(at + written.count), with: widened) }
        }
        return out
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, from <= haystack.count - needle.count else { return nil }
        var i = from
        while i <= haystack.count - needle.count {
            if haystack[i] == needle[0], haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// `frame-ancestors` and the other headers cannot be set by a `<meta>`; a host that reads `_headers` adds them.
    static var headers: String {
        """
        /*
          Content-Security-Policy: \(contentSecurityPolicy); frame-ancestors 'none'
          X-Content-Type-Options: nosniff
          Referrer-Policy: strict-origin-when-cross-origin
          X-Frame-Options: DENY
          Permissions-Policy: camera=(), microphone=(), geolocation=()
        /*.csv
          Content-Type: text/csv; charset=utf-8
          Content-Disposition: attachment

        """
    }
}
