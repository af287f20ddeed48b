#!/usr/bin/env python3
"""Builds on a site made from hostile content (Tests/BulletinTests/Fixtures/hostile: script, event handlers,
javascript:, data: and vbscript: URLs, raw HTML, ]]>, </svg>, a bidi override and a formula in every field) and
proves two things about every page:

1. Read with an HTML parser, no page or SVG holds a script element other than the site's own files, an event
   handler attribute, an iframe, object, embed, form or base element, or a URL attribute whose scheme is
   javascript:, vbscript: or data: (after the browser's own clean-up of case, whitespace and control characters).
2. Opened in headless Chromium, from file:// and over HTTP, no page opens a dialog (alert, confirm, prompt,
   print, recorded before any page script runs) and none writes to the console (a blocked script or a
   Content-Security-Policy violation would).

Usage: check-hostile.py SITE"""
import html.parser
import json
import pathlib
import re
import sys
import time

site = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "Site").resolve()
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "srcset", "background",
                  "cite", "longdesc", "manifest", "ping"}
FORBIDDEN = {"iframe", "frame", "object", "embed", "form", "base", "applet", "meta-refresh"}
problems = []


def scheme(value):
    # What a browser does before it reads a URL's scheme: drop control characters and whitespace, fold case.
    cleaned = re.sub(r"[\x00-\x20\x7f]+", "", value).lower()
    return cleaned.split(":", 1)[0] if ":" in cleaned else ""


class Page(html.parser.HTMLParser):
    def __init__(self, name):
        super().__init__(convert_charrefs=True)
        self.name = name

    def handle_starttag(self, tag, attributes):
        self.check(tag, attributes)

    def handle_startendtag(self, tag, attributes):
        self.check(tag, attributes)

    def check(self, tag, attributes):
        where = f"{self.name}:{self.getpos()[0]}"
        if tag == "script":
            source = dict(attributes).get("src") or ""
            if not source or scheme(source) or source.startswith("//"):
                problems.append(f"{where}: a script element that is not one of the site's files: {attributes}")
        if tag in FORBIDDEN or (tag == "meta" and (dict(attributes).get("http-equiv") or "").lower() == "refresh"):
            problems.append(f"{where}: a <{tag}> element")
        for name, value in attributes:
            if name.startswith("on"):
                problems.append(f"{where}: an event handler {name}= on <{tag}>")
            # The layout's one data: URL is its empty icon (`<link rel="icon" href="data:,">`, no request for one).
            own_icon = tag == "link" and name == "href" and value == "data:," and dict(attributes).get("rel") == "icon"
            if name in URL_ATTRIBUTES and value and scheme(value) in ("javascript", "vbscript", "data") and not own_icon:
                problems.append(f"{where}: a {scheme(value)}: URL in {name}= on <{tag}>")
            if name == "style" and value and re.search(r"url\s*\(|expression\s*\(", value, re.I):
                problems.append(f"{where}: a style attribute that loads something: {value[:60]}")


files = sorted(p for p in site.rglob("*") if p.suffix in (".html", ".svg"))
for path in files:
    parser = Page(str(path.relative_to(site)))
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
pages = [p for p in files if p.suffix == ".html"]
print(f"hostile site: {len(pages)} pages and {len(files) - len(pages)} SVG files read with an HTML parser")

from browser import chromium, serve  # noqa: E402  (the parser check runs without Selenium)

server, bases = serve(site)
driver = chromium(logs=True, capabilities={"unhandledPromptBehavior": "ignore"})
# Runs before any script of the page, whatever its policy: every dialog is recorded instead of shown.
driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": """
  window.__dialogs = [];
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    window[name] = (...args) => { window.__dialogs.push(name + '(' + args.join(',') + ')'); };
  }"""})
opened = 0
try:
    # The search page with queries whose results hold the hostile text: results are written as text, never as markup.
    searches = ["search.html?q=" + q for q in ("script", "alert", "HYPERLINK", "javascript")] if (site / "search.html").exists() else []
    for kind, base in bases.items():
        for page in [str(p.relative_to(site)) for p in pages] + searches:
            driver.get(base + page)
            if page.startswith("search.html?"):
                time.sleep(1.0)
                if not driver.find_elements("css selector", "#search-results li"):
                    problems.append(f"{page} ({kind}): the search found nothing, so its results were not tried")
            opened += 1
            try:
                alert = driver.switch_to.alert
                problems.append(f"{page} ({kind}): a dialog opened: {alert.text}")
                alert.dismiss()
            except Exception:
                pass
            dialogs = driver.execute_script("return window.__dialogs || []")
            for dialog in dialogs:
                problems.append(f"{page} ({kind}): the page called {dialog}")
            for entry in driver.get_log("browser"):
                # Chromium's own note on a missing favicon over HTTP is not the page's doing.
                if "favicon.ico" in entry["message"]:
                    continue
                problems.append(f"{page} ({kind}): console {entry['level']}: {entry['message'][:200]}")
finally:
    driver.quit()
    server.shutdown()

for problem in problems:
    print(problem)
print(f"hostile site: {opened} page loads in headless Chromium (file:// and HTTP): "
      f"{len(problems)} problems (dialogs, console messages, markup)")
sys.exit(1 if problems else 0)
