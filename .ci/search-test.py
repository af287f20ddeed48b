#!/usr/bin/env python3
"""The site's search, tried in headless Chromium as a reader would, from file:// and over HTTP.

- Recall: for each of TERMS, the pages whose text holds the term (a plain scan of every searched page's <main>,
  white space dropped, without navigation, charts, scripts and what is marked data-search="skip", as the index
  reads them) are the truth; search must find every one of them.
- Order: typing the term in the search box, the results that hold it come before any that do not, and the first
  result holds it.
- Transfer: the first query on a freshly opened search page loads at most BUDGET bytes (script, manifest, term files
  and passage files), over HTTP.
- Budgets of the home page: HTML + CSS + JS at most 100 KB, no request to another origin, no script that blocks
  rendering.

Usage: search-test.py SITE [BUDGET_KB]"""
import html.parser
import json
import pathlib
import re
import sys
import time

from selenium.webdriver.common.by import By

from browser import chromium, serve

site = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "Site").resolve()
budget = int(sys.argv[2]) * 1024 if len(sys.argv) > 2 else 60 * 1024
TERMS = ["高新技术企业", "孵化器", "市科技局", "专精特新", "5000亿", "R&D", "知识产权", "高新技术", "科技型企业", "研发投入",
         "技术合同", "成果转化", "科技服务业", "天使投资", "人才", "创新平台", "常州", "2025年", "国家级", "营业收入"]
SKIPPED = {"svg", "script", "style", "nav", "template", "noscript", "button"}
VOID = {"br", "hr", "img", "input", "meta", "link", "col", "wbr", "source", "area", "base"}
problems = []


class MainText(html.parser.HTMLParser):
    """The words of <main>, as the search index reads them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.inside = False
        self.skip = []  # the open elements being skipped
        self.words = []

    def handle_starttag(self, tag, attributes):
        if tag == "main":
            self.inside = True
        if not self.inside or tag in VOID:
            return
        if self.skip:
            self.skip.append(tag)
        elif tag in SKIPPED or dict(attributes).get("data-search") == "skip":
            self.skip.append(tag)

    def handle_endtag(self, tag):
        if tag == "main":
            self.inside = False
        if self.skip and tag == self.skip[-1]:
            self.skip.pop()

    def handle_data(self, data):
        if self.inside and not self.skip:
            self.words.append(data)


def searched(path):
    name = str(path.relative_to(site))
    if name.startswith("plans/") and "/data/" not in name:
        return True
    if name.startswith("departments/") and name != "departments/index.html":
        return True
    if name.startswith("releases/") and name != "releases/index.html":
        return True
    return name == "progress/method.html"


def normal(text):
    return re.sub(r"\s+", "", text).lower()


pages = {}
for path in sorted(site.rglob("*.html")):
    if searched(path):
        parser = MainText()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[str(path.relative_to(site))] = normal("".join(parser.words))
truth = {term: {page for page, text in pages.items() if normal(term) in text} for term in TERMS}
for term, found in truth.items():
    if not found:
        problems.append(f"{term}: no page holds it, so it tests nothing: choose another term")


server, bases = serve(site)
driver = chromium(logs=True)
driver.set_script_timeout(30)


def typed(term):
    """Types the term into the box of a freshly opened search page; the results shown, as (text, holds the term)."""
    box = driver.find_element(By.ID, "search-query")
    box.clear()
    box.send_keys(term)
    deadline = time.time() + 10
    while time.time() < deadline:
        status = driver.find_element(By.ID, "search-status").text
        if status.startswith(("找到", "已找到", "没有")):
            break
        time.sleep(0.05)
    results = []
    for item in driver.find_elements(By.CSS_SELECTOR, "#search-results li"):
        marks = item.find_elements(By.CSS_SELECTOR, "mark")
        results.append((item.find_element(By.CSS_SELECTOR, "a").text, any(normal(m.text) == normal(term) for m in marks)))
    return results


recall = {}
transfer = {}
try:
    # The browser's units are the build's: the cases SearchTests checks in Swift.
    driver.get(bases["file"] + "search.html")
    cases = json.loads((pathlib.Path(__file__).resolve().parent.parent / "Tests/BulletinTests/Fixtures/search/units.json").read_text(encoding="utf-8"))
    for text, units in cases:
        got = driver.execute_script("return bulletinSearch.units(arguments[0])", text)
        if got != units:
            problems.append(f"units of {text!r}: the script gives {got}, the build {units}")
    for kind, base in bases.items():
        for term in TERMS:
            driver.get(base + "search.html")
            found = driver.execute_async_script(
                "var done = arguments[arguments.length - 1]; bulletinSearch.pages(arguments[0]).then(done, function (e) { done(String(e)); })", term)
            if not isinstance(found, list):
                problems.append(f"{term} ({kind}): search failed: {found}")
                continue
            missed = truth[term] - set(found)
            recall[(kind, term)] = (len(truth[term]) - len(missed), len(truth[term]), len(found))
            if missed:
                problems.append(f"{term} ({kind}): {len(missed)} of {len(truth[term])} pages holding it not found, e.g. {sorted(missed)[:3]}")
            # A fresh page, the term typed: what a reader sees, and what it cost.
            driver.get(base + "search.html")
            shown = typed(term)
            if truth[term] and not shown:
                problems.append(f"{term} ({kind}): typing it shows no results")
            elif shown and not shown[0][1]:
                problems.append(f"{term} ({kind}): the first result ({shown[0][0]}) does not show the term")
            holding = [holds for _, holds in shown]
            if holding != sorted(holding, reverse=True):
                problems.append(f"{term} ({kind}): a result without the term comes before one with it")
            if kind == "http":
                loaded = driver.execute_script("return bulletinSearch.loaded()")
                size = (site / "assets/search.js").stat().st_size
                size += sum((site / src).stat().st_size for src in loaded)
                transfer[term] = (size, len(loaded) + 1)
            for entry in driver.get_log("browser"):
                if "favicon.ico" not in entry["message"]:
                    problems.append(f"{term} ({kind}): console {entry['level']}: {entry['message'][:160]}")

    # The home page: what it weighs, and that it asks nothing of another origin and nothing blocks its rendering.
    driver.get(bases["http"] + "index.html")
    resources = driver.execute_script(
        "return performance.getEntriesByType('resource').map(function (r) { return [r.name, r.transferSize]; })")
    weight = (site / "index.html").stat().st_size
    for name, _ in resources:
        if not name.startswith(bases["http"]):
            problems.append(f"home page: a request to another origin: {name}")
        elif name.endswith((".css", ".js")):
            weight += (site / name[len(bases["http"]):]).stat().st_size
    if weight > 100 * 1024:
        problems.append(f"home page: HTML + CSS + JS is {weight / 1024:.1f} KB, over 100 KB")
    blocking = driver.execute_script(
        "return Array.from(document.querySelectorAll('head script')).filter(function (s) { return !s.defer && !s.async && s.type !== 'module'; }).length")
    if blocking:
        problems.append(f"home page: {blocking} script(s) in <head> block rendering")
finally:
    driver.quit()
    server.shutdown()

for term in TERMS:
    numbers = recall.get(("http", term), (0, 0, 0))
    size, files = transfer.get(term, (0, 0))
    print(f"search: {term}: {numbers[0]} of {numbers[1]} pages holding it found ({numbers[2]} found in all); "
          f"first query {size / 1024:.1f} KB in {files} files")
worst = max((size for size, _ in transfer.values()), default=0)
if worst > budget:
    problems.append(f"first-query transfer {worst / 1024:.1f} KB, over the budget of {budget / 1024:.0f} KB")
print(f"search: {len(pages)} pages searched, {len(TERMS)} terms, file:// and HTTP; first query at most {worst / 1024:.1f} KB "
      f"(budget {budget / 1024:.0f} KB); home page HTML + CSS + JS {weight / 1024:.1f} KB; {len(problems)} problems")
for problem in problems:
    print(problem)
sys.exit(1 if problems else 0)
