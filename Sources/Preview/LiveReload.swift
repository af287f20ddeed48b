/// The script a page gets when it is served by `bulletin serve`, never in the built site: it listens for
/// rebuilds, reloads the page after a good one and shows the located error over the page after a failed one.
enum LiveReload {
    static let eventsPath = "/__bulletin/events"

    /// Where the server gives the script: a file of the site's origin, which the pages' Content-Security-Policy
    /// (`script-src 'self'`) lets run, where an inline script would be refused.
    static let scriptPath = "/__bulletin/reload.js"

    static let tag = "<script src=\"\(scriptPath)\"></script>\n"

    static let script = """
    (function () {
      var overlay = null;
      function show(text) {
        if (!overlay) {
          overlay = document.createElement("div");
          overlay.setAttribute("role", "alert");
          overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.94);color:#fff;padding:2rem;font:14px/1.6 ui-monospace,monospace;white-space:pre-wrap";
          document.body.appendChild(overlay);
        }
        overlay.textContent = "bulletin: the last build failed; the page shows the last good build.\\n\\n" + text;
      }
      var events = new EventSource("\(eventsPath)");
      events.addEventListener("reload", function () { location.reload(); });
      events.addEventListener("error", function (e) { if (e.data) show(e.data); });
    })();

    """

    /// The page with the script before `</body>` (or at the end).
    static func inject(into html: String) -> String {
        guard let range = html.range(of: "</body>", options: .backwards) else { return html + tag }
        return html.replacingCharacters(in: range, with: tag + "</body>")
    }
}
