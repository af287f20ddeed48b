#!/usr/bin/env python3
"""Checks the Chinese typography of REFERENCE.md §3 on a built site: python3 .ci/typography.py SITE

Read from the files, on every page and chart file:
- every page is `lang="zh-CN"` and every chart file `xml:lang="zh-CN"` (else Han characters may take their Japanese
  forms);
- the font stack of the site's stylesheet and of the charts' styles is §3's, in its order;
- every chart label the build broke over lines breaks as Chinese text may: no line starts with closing punctuation
  or ends with opening punctuation, and no number is parted from its unit.
In headless Chromium (with fonts-noto-cjk), on every chart file and every page at 390 px and 1280 px:
- every label of every chart lies inside its chart, and no two labels overlap: the widths the build estimated without
  font metrics were enough for the real glyphs;
- the page itself never scrolls sideways (a wide table scrolls inside its own box).
Prints each problem; exits non-zero if there is any."""
import html.parser
import pathlib
import re
import sys

from browser import chromium, serve

STACK = ['system-ui', '-apple-system', '"Segoe UI"', '"PingFang SC"', '"Hiragino Sans GB"', '"Microsoft YaHei"',
         '"Noto Sans CJK SC"', '"Source Han Sans SC"', '"WenQuanYi Micro Hei"', 'sans-serif']
CLOSING = set("，。、；：？！）》”…")
OPENING = set("（《“")
UNITS = set("年月日万亿元人家个项次%‰倍岁")

site = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "Site").resolve()
problems = []


def problem(where, text):
    problems.append(f"{where}: {text}")


class Texts(html.parser.HTMLParser):
    """The `lang` of the root element, and each SVG `<text>` with its x, y, size and words."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang, self.texts, self.current = None, [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("html", "svg") and self.lang is None:
            self.lang = attrs.get("lang") or attrs.get("xml:lang") or ""
        if tag == "svg":
            self.texts.append(None)  # a new chart
        if tag == "text":
            self.current = [attrs.get("x"), float(attrs.get("y", 0)), attrs.get("font-size"), attrs.get("text-anchor"), ""]

    def handle_endtag(self, tag):
        if tag == "text" and self.current is not None:
            self.texts.append(tuple(self.current))
            self.current = None

    def handle_data(self, data):
        if self.current is not None:
            self.current[4] += data


def stacks(css):
    return [re.sub(r"\s+", " ", m).strip() for m in re.findall(r"font-family:\s*([^;]+);", css) if "var(" not in m]


def check_stack(where, css):
    found = stacks(css) + [re.sub(r"\s+", " ", m).strip() for m in re.findall(r"--font:\s*([^;]+);", css)]
    if not found:
        problem(where, "no font stack")
    for stack in found:
        names = [name.strip() for name in stack.split(",")]
        if names != STACK:
            problem(where, f"font stack {stack!r} is not REFERENCE.md §3's")


def check_breaks(where, texts):
    """Lines of one label: text elements one under another at the same x, size and anchor, a line apart."""
    labels = 0
    for previous, line in zip(texts, texts[1:]):
        if previous is None or line is None:
            continue
        px, py, psize, panchor, ptext = previous
        x, y, size, anchor, text = line
        if (px, psize, panchor) != (x, size, anchor) or not (0 < y - py <= 1.5 * float(size or 12)):
            continue
        labels += 1
        ptext, text = ptext.strip(), text.strip()
        if not ptext or not text:
            continue
        if text[0] in CLOSING:
            problem(where, f"a line starts with {text[0]!r}: {ptext!r} / {text!r}")
        if ptext[-1] in OPENING:
            problem(where, f"a line ends with {ptext[-1]!r}: {ptext!r} / {text!r}")
        if (ptext[-1].isdigit() or ptext[-1] == ".") and (text[0] in UNITS or text[0].isdigit() or text[0] == "."):
            problem(where, f"a number is parted from its unit: {ptext!r} / {text!r}")
    return labels


pages = sorted(site.rglob("*.html"))
charts = sorted(site.rglob("*.svg"))
broken = 0
for path in pages + charts:
    where = str(path.relative_to(site))
    text = path.read_text(encoding="utf-8")
    parser = Texts()
    parser.feed(text)
    if parser.lang != "zh-CN":
        problem(where, f"the document's language is {parser.lang!r}, not zh-CN")
    if path.suffix == ".svg":
        style = re.search(r"<style>(.*?)</style>", text, re.S)
        check_stack(where, style.group(1) if style else "")
    broken += check_breaks(where, parser.texts)
for css in sorted((site / "assets").glob("*.css")):
    if "font" in css.read_text(encoding="utf-8"):
        check_stack(str(css.relative_to(site)), css.read_text(encoding="utf-8"))

MEASURE = """
const out = {labels: 0, problems: []};
const charts = document.documentElement.tagName.toLowerCase() === 'svg' ? [document.documentElement]
  : Array.from(document.querySelectorAll('svg.chart'));
charts.forEach((svg, n) => {
  const view = svg.viewBox.baseVal;
  if (!svg.getClientRects().length) return;  // not shown at this width (the other chart is)
  const boxes = Array.from(svg.querySelectorAll('text')).filter(t => t.textContent.trim()).map(t => [t, t.getBBox()]);
  out.labels += boxes.length;
  for (const [t, b] of boxes) {
    if (b.x < view.x - 0.5 || b.y < view.y - 0.5 || b.x + b.width > view.x + view.width + 0.5 || b.y + b.height > view.y + view.height + 0.5)
      out.problems.push(`chart ${n + 1}: ${JSON.stringify(t.textContent)} reaches outside the chart (${b.x.toFixed(1)}..${(b.x + b.width).toFixed(1)} of ${view.width})`);
  }
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i][1], b = boxes[j][1];
    const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x), h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
    // Glyph boxes include the line's ascent and descent: labels a line apart touch by a pixel or two.
    if (w > 1 && h > 3) out.problems.push(`chart ${n + 1}: ${JSON.stringify(boxes[i][0].textContent)} and ${JSON.stringify(boxes[j][0].textContent)} overlap`);
  }
});
// (A phone's viewport grows to fit what overflows it, so the page is measured against the width asked for.)
if (document.documentElement.tagName.toLowerCase() === 'html' && document.documentElement.scrollWidth > arguments[0] + 1)
  out.problems.push(`the page is ${document.documentElement.scrollWidth} px wide in a ${arguments[0]} px window`);
return out;
"""

server, bases = serve(site)
labels = 0
loads = 0
for width in (390, 1280):
    driver = chromium(width=width)
    try:
        for path in pages + (charts if width == 1280 else []):
            where = str(path.relative_to(site))
            driver.get(bases["http"] + where)
            result = driver.execute_script(MEASURE, width)
            loads += 1
            labels += result["labels"]
            for text in result["problems"]:
                problem(f"{where} at {width} px", text)
    finally:
        driver.quit()
server.shutdown()

for line in problems:
    print(line)
print(f"typography: {len(pages)} pages and {len(charts)} chart files, {loads} loads, {labels} labels measured, "
      f"{broken} line breaks within labels: {len(problems)} problems")
sys.exit(1 if problems else 0)
