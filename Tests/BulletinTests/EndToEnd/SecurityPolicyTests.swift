import Bytes
import Foundation
import Testing

/// Every page carries the Content-Security-Policy and gives it nothing to refuse: no inline script or style, no other
/// origin. `_headers` gives hosts that read it the same policy as a header, with what only a header can say.
@Suite struct SecurityPolicyTests {
    @Test func everyPageCarriesThePolicyAndNeedsNoException() throws {
        let (site, root) = try Support.build(Support.content)
        defer { Support.remove(root) }
        let policy = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; script-src &#39;self&#39;; style-src &#39;self&#39;; img-src &#39;self&#39; data:; font-src &#39;self&#39;; connect-src &#39;self&#39;; object-src &#39;none&#39;; base-uri &#39;none&#39;; form-action &#39;none&#39;\">"
        var pages = 0
        let enumerator = FileManager.default.enumerator(atPath: site.path)
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".html") else { continue }
            pages += 1
            let html = Support.text(site.appendingPathComponent(path))
            if path == "404.html" {
                // Served at any address, it cannot link its style sheet: its inline style is allowed by its hash.
                let style = try #require(html.components(separatedBy: "<style>").last?.components(separatedBy: "</style>").first)
                #expect(html.contains("style-src &#39;self&#39; &#39;\(SHA256.policySource(Array(style.utf8)))&#39;"))
                #expect(!html.contains("<script"))
                continue
            }
            #expect(html.contains(policy), "\(path) lacks the policy")
            // The one script is the search page's, a file of the site (`script-src 'self'`).
            let scripts = html.components(separatedBy: "<script").count - 1
            #expect(scripts == (path == "search.html" ? 1 : 0) && !html.contains(" style=\"") && !html.contains("<style"), "\(path) has inline script or style")
            if path == "search.html" { #expect(html.contains("<script src=\"assets/search.js\" defer></script>")) }
            #expect(!html.contains("src=\"http") && !html.contains("<link rel=\"stylesheet\" href=\"http"), "\(path) loads from another origin")
        }
        #expect(pages > 100)
        let headers = Support.text(site.appendingPathComponent("_headers"))
        #expect(headers.hasPrefix("/*\n  Content-Security-Policy: default-src 'none';"))
        #expect(headers.contains("frame-ancestors 'none'") && headers.contains("X-Content-Type-Options: nosniff"))
    }

    @Test func sha256MatchesTheStandardsVectors() {
        func hex(_ text: String) -> String { SHA256.hash(Array(text.utf8)).map { String($0, radix: 16).leftPadded() }.joined() }
        #expect(hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.policySource(Array("abc".utf8)) == "sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=")
    }
}

private extension String {
    func leftPadded() -> String { count == 1 ? "0" + self : self }
}
