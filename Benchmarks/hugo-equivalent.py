#!/usr/bin/env python3
"""Writes the Hugo site equivalent to bulletin's build of a corpus: usage `hugo-equivalent.py CONTENT HUGO_DIR`.

Hugo gets what bulletin makes pages and files of: a page per section (the same Markdown), a list page per plan, and
a page per indicator whose layout draws an inline SVG chart of the indicator's figures (base, reports, targets: a
line, points, labels and axis ticks) and a table of the same figures, computed in Hugo's own templates. Each
indicator also has its downloads, as bulletin's has: the chart as an SVG file, its figures as CSV and as JSON (Hugo
output formats); each plan a JSON file of its indicators and the site one of all of them; and eight progress pages
list every indicator of the site with its figures, as bulletin's progress views do. Hugo does not get what only
bulletin has (progress judged by a method, the department pages, the data package and zip), so the race is like
for like in pages and files, not in features. Needs PyYAML (`pip install pyyaml`) to read the corpus's
indicators.yaml.
"""
import pathlib
import shutil
import sys

try:
    import yaml
except ImportError:
    sys.exit("hugo-equivalent.py needs PyYAML: python3 -m pip install pyyaml")

CONFIG = """baseURL = "/"
languageCode = "zh-CN"
title = "基准测试语料"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
  unsafe = false
[outputFormats.SVG]
  mediaType = "image/svg+xml"
  baseName = "chart"
  isPlainText = true
[outputs]
  home = ["html", "json"]
  section = ["html", "json"]
"""

SINGLE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><nav><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a> › <a href="{{ .Parent.RelPermalink }}">{{ .Parent.Title }}</a></nav>
<main><h1>{{ .Title }}</h1>{{ .TableOfContents }}{{ .Content }}</main></body></html>
"""

LIST = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></main></body></html>
"""

# The indicator page: the chart is drawn here, from the figures in the front matter, at two widths as bulletin's is.
INDICATOR = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><nav><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a> › <a href="{{ .Parent.RelPermalink }}">{{ .Parent.Title }}</a></nav>
<main><h1>{{ .Title }}（{{ .Params.unit }}）</h1>
SCALE
{{ range $width := slice 288 640 }}
<figure>CHART</figure>
{{ end }}
<table><caption>{{ .Title }}（单位：{{ .Params.unit }}）</caption><thead><tr><th scope="col">年份</th><th scope="col">类型</th><th scope="col">数值</th></tr></thead>
<tbody>{{ range $points }}<tr><th scope="row">{{ .year }}年</th><td>{{ .kind }}</td><td>{{ .value }}</td></tr>{{ end }}</tbody></table>
{{ .Content }}</main></body></html>
"""


# The chart, drawn from the page's figures at `$width` (the page's figures in `$points`, with `$max`, `$first`, `$span`).
CHART = """{{ $plotW := sub $width 60 }}<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{ $width }} 240" width="{{ $width }}" height="240" role="img"><title>{{ $.Title }}</title>
{{ range $i, $tick := seq 0 4 }}{{ $y := sub 200 (mul 40 $tick) }}<line x1="40" y1="{{ $y }}" x2="{{ $width }}" y2="{{ $y }}" stroke="#d8dce2"/><text x="36" y="{{ add $y 4 }}" text-anchor="end" font-size="12">{{ lang.FormatNumber 1 (div (mul $max $tick) 4) }}</text>{{ end }}
{{ $path := "" }}
{{ range $points }}{{ $x := add 40 (div (mul $plotW (sub .year $first)) $span) }}{{ $y := sub 200 (div (mul 160 (float .value)) (math.Max $max 1)) }}
{{ if ne .kind "target" }}{{ $path = printf "%s%s%.1f,%.1f" $path (cond (eq $path "") "M" "L") (float $x) (float $y) }}{{ end }}
<circle cx="{{ $x }}" cy="{{ $y }}" r="4.5" fill="{{ cond (eq .kind "target") "#D55E00" "#0072B2" }}"/><text x="{{ $x }}" y="{{ sub $y 9 }}" text-anchor="middle" font-size="12">{{ .value }}{{ $.Params.unit }}</text>
<text x="{{ $x }}" y="220" text-anchor="middle" font-size="12">{{ .year }}年</text>{{ end }}
<path d="{{ $path }}" fill="none" stroke="#0072B2" stroke-width="2.5"/></svg>"""

SCALE = """{{ $points := .Params.points }}
{{ $max := 0.0 }}{{ $first := 9999 }}{{ $last := 0 }}
{{ range $points }}{{ if gt (float .value) $max }}{{ $max = float .value }}{{ end }}{{ if lt .year $first }}{{ $first = .year }}{{ end }}{{ if gt .year $last }}{{ $last = .year }}{{ end }}{{ end }}
{{ $span := math.Max 1 (sub $last $first) }}"""

# The indicator's downloads: the chart alone (at the wide width), its figures as CSV and as JSON.
INDICATOR_SVG = SCALE + "{{ $width := 640 }}" + CHART + "\n"
INDICATOR_CSV = """year,kind,value
{{ range .Params.points }}{{ .year }},{{ .kind }},{{ .value }}
{{ end }}"""
INDICATOR_JSON = """{{ dict "name" .Title "unit" .Params.unit "quote" .Params.quote "points" .Params.points | jsonify (dict "indent" "  ") }}
"""

# A plan's JSON: its indicators with their figures; the site's: every indicator.
INDICATORS_JSON = """{{ $list := slice }}{{ range where .RegularPagesRecursive "Type" "indicator" }}{{ $list = $list | append (dict "name" .Title "unit" .Params.unit "url" .RelPermalink "points" .Params.points) }}{{ end }}{{ dict "title" .Title "indicators" $list | jsonify (dict "indent" "  ") }}
"""
SITE_JSON = """{{ $list := slice }}{{ range where .Site.RegularPages "Type" "indicator" }}{{ $list = $list | append (dict "name" .Title "unit" .Params.unit "url" .RelPermalink "points" .Params.points) }}{{ end }}{{ dict "title" .Site.Title "indicators" $list | jsonify (dict "indent" "  ") }}
"""

# A progress view: every indicator of the site, its plan, latest figure and final target, in a table.
PROGRESS = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1><table><thead><tr><th scope="col">指标</th><th scope="col">规划</th><th scope="col">最新</th><th scope="col">目标</th></tr></thead><tbody>
{{ range where .Site.RegularPages "Type" "indicator" }}{{ $latest := "" }}{{ $target := "" }}{{ range .Params.points }}{{ if eq .kind "target" }}{{ $target = printf "%v年%v" .year .value }}{{ else }}{{ $latest = printf "%v年%v" .year .value }}{{ end }}{{ end }}<tr><th scope="row"><a href="{{ .RelPermalink }}">{{ .Title }}</a></th><td>{{ .Parent.Parent.Title }}</td><td>{{ $latest }}{{ .Params.unit }}</td><td>{{ $target }}{{ .Params.unit }}</td></tr>
{{ end }}</tbody></table></main></body></html>
"""

INDICATOR = INDICATOR.replace("SCALE", SCALE).replace("CHART", CHART)

# bulletin's progress views: all indicators, then one view per status, and one sorted.
PROGRESS_VIEWS = ["全部指标", "已完成", "提前完成", "进度超前", "符合进度", "进度滞后", "未完成", "暂无数据"]


def main(content, out):
    content, out = pathlib.Path(content), pathlib.Path(out)
    shutil.rmtree(out, ignore_errors=True)
    (out / "layouts" / "_default").mkdir(parents=True)
    (out / "layouts" / "indicator").mkdir(parents=True)
    (out / "config.toml").write_text(CONFIG, encoding="utf-8")
    (out / "layouts" / "_default" / "single.html").write_text(SINGLE, encoding="utf-8")
    (out / "layouts" / "_default" / "list.html").write_text(LIST, encoding="utf-8")
    (out / "layouts" / "indicator" / "single.html").write_text(INDICATOR, encoding="utf-8")
    (out / "layouts" / "indicator" / "single.svg").write_text(INDICATOR_SVG, encoding="utf-8")
    (out / "layouts" / "indicator" / "single.csv").write_text(INDICATOR_CSV, encoding="utf-8")
    (out / "layouts" / "indicator" / "single.json").write_text(INDICATOR_JSON, encoding="utf-8")
    (out / "layouts" / "_default" / "list.json").write_text(INDICATORS_JSON, encoding="utf-8")
    (out / "layouts" / "index.json").write_text(SITE_JSON, encoding="utf-8")
    (out / "layouts" / "progress").mkdir(parents=True)
    (out / "layouts" / "progress" / "single.html").write_text(PROGRESS, encoding="utf-8")
    (out / "content" / "progress").mkdir(parents=True)
    (out / "content" / "progress" / "_index.md").write_text("---\ntitle: 进展\noutputs: [html]\n---\n", encoding="utf-8")
    for number, title in enumerate(PROGRESS_VIEWS):
        (out / "content" / "progress" / f"view-{number}.md").write_text(f"---\ntitle: {title}\ntype: progress\n---\n", encoding="utf-8")
    for plan in sorted((content / "plans").iterdir()):
        target = out / "content" / "plans" / plan.name
        (target / "indicators").mkdir(parents=True)
        meta = yaml.safe_load((plan / "plan.yaml").read_text(encoding="utf-8"))
        (target / "_index.md").write_text(f"---\ntitle: \"{meta['title']}\"\n---\n", encoding="utf-8")
        (target / "indicators" / "_index.md").write_text("---\ntitle: 指标\noutputs: [html]\n---\n", encoding="utf-8")
        for section in plan.glob("*.md"):
            shutil.copy(section, target / section.name)
        table = yaml.safe_load((plan / "indicators.yaml").read_text(encoding="utf-8")) or {}
        for ind in table.get("indicators") or []:
            points = []
            base = ind.get("baseline") or {}
            if base.get("value") is not None:
                points.append({"year": base["year"], "value": base["value"], "kind": "base"})
            points += [{"year": r["year"], "value": r["value"], "kind": "reported"} for r in ind.get("reported") or []]
            points += [{"year": t["year"], "value": t["value"], "kind": "target"} for t in ind.get("targets") or []]
            quote = next((t["quote"] for t in ind.get("targets") or [] if t.get("quote")), "")
            front = {"title": ind["name"], "type": "indicator", "unit": ind.get("unit", ""), "quote": quote, "points": points,
                     "outputs": ["html", "svg", "csv", "json"]}
            quotes = "\n\n".join(f"> {t['quote']}" for t in ind.get("targets") or [] if t.get("quote"))
            (target / "indicators" / f"{ind['id']}.md").write_text(
                "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n\n" + quotes + "\n", encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: hugo-equivalent.py CONTENT HUGO_DIR")
    main(sys.argv[1], sys.argv[2])
