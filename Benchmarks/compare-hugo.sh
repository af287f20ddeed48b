#!/usr/bin/env bash
# Benchmarks/compare-hugo.sh N [RUNS]: builds a corpus of N generated plans with bulletin, and with Hugo (Debian's
# `hugo`, with layouts this script writes) both the same Markdown section pages and the equivalent site (a page per
# section, plan and indicator, each indicator page with an inline SVG chart and a table, each indicator's chart,
# CSV and JSON files, a JSON file per plan and for the site, eight pages listing every indicator:
# hugo-equivalent.py), RUNS
# times each (default 5, taking turns), in one run on one machine. Prints median wall time and peak memory of each,
# and ends with the headline `ratio bulletin/hugo-equivalent: R` (bulletin's whole site over Hugo's equivalent site);
# `ratio bulletin/hugo: R` (over Hugo's section pages alone) is the line before.
#
# bulletin's build is the whole site: section pages, plan pages, a page and a chart per indicator, overview
# and breakdown charts. Hugo's is the 4·N section pages (and its own list pages) from the same Markdown.
# bulletin also builds the same pages as Hugo alone (the corpus without its indicator tables: the 4·N section
# pages, a page per plan, the home page), so that the two page engines are compared like for like too.
set -euo pipefail
N=${1:?usage: compare-hugo.sh N [RUNS]}
RUNS=${2:-5}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
# A memory-backed folder when there is one, so that both generators are timed, not the disk: on ext4, creating
# files soon after deleting many (each run starts from nothing) costs far more than the generators do.
if [ -z "${BENCH_DIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then BENCH_DIR=$(mktemp -d /dev/shm/bulletin-bench.XXXXXX); fi
work=${BENCH_DIR:-$(mktemp -d /tmp/bulletin-bench.XXXXXX)}
# The corpus and the outputs are removed at the end (they take gigabytes at N = 5000); BENCH_KEEP=1 keeps them.
[ "${BENCH_KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT
# The release build, `make release`: the Swift libraries linked in (no dynamic linking of them at start-up,
# direct calls into the runtime), tcmalloc as the allocator; BULLETIN=path measures another binary.
bulletin=${BULLETIN:-$root/.build-static/release/bulletin}

command -v hugo >/dev/null || { echo "hugo is not installed (Debian: apt-get install hugo)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is not installed (Debian: apt-get install time)" >&2; exit 1; }
if [ -z "${BULLETIN:-}" ]; then
  make -C "$root" --no-print-directory release >&2
fi

echo "corpus: $N plans in $work (seed fixed, so every run of this script measures the same files)"
rm -rf "$work/content" "$work/hugo"
"$here/corpus.sh" "$N" "$work/content"

# The same section files without the indicator tables (and the lines that place them): the pages Hugo builds.
rm -rf "$work/pages"
cp -r "$work/content" "$work/pages"
find "$work/pages/plans" -name indicators.yaml -delete
sed -i '/^\[!指标表\]/d' "$work/pages/plans"/*/goals.md

# The Hugo site: those section files (their YAML front matter has a title; Hugo ignores the other keys).
mkdir -p "$work/hugo/layouts/_default" "$work/hugo/content"
cp -r "$work/pages/plans" "$work/hugo/content/plans"
find "$work/hugo/content" -name '*.yaml' -delete
cat > "$work/hugo/config.toml" <<'TOML'
baseURL = "/"
languageCode = "zh-CN"
title = "基准测试语料"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
  unsafe = false
TOML
cat > "$work/hugo/layouts/_default/single.html" <<'HTML'
<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><nav><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a> › <a href="{{ .Parent.RelPermalink }}">{{ .Parent.Title }}</a></nav>
<main><h1>{{ .Title }}</h1>{{ .TableOfContents }}{{ .Content }}</main></body></html>
HTML
cat > "$work/hugo/layouts/_default/list.html" <<'HTML'
<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></main></body></html>
HTML

# The Hugo site equivalent to bulletin's whole site: the same section pages, a page per plan and per indicator, each
# indicator page drawing its chart as inline SVG (at two widths) and a table of its figures in Hugo's own templates.
python3 "$here/hugo-equivalent.py" "$work/content" "$work/hugo-eq"

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
# One timed run of a command: appends "seconds max-rss-kB" to the file $1. With CLEAN=1 it starts from nothing.
run() {
  local record=$1; shift
  if [ "${CLEAN:-1}" = 1 ]; then
    rm -rf "$work/out" "$work/.bulletin-cache" "$work/pages-out" "$work/hugo/public" "$work/hugo/resources" \
      "$work/hugo-eq/public" "$work/hugo-eq/resources"
  fi
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || { cat "$work/stderr.txt" >&2; exit 1; }
  cat "$work/time.txt" >> "$record"
}
# "median-seconds max-rss-kB" of the runs recorded in a file.
summary() { echo "$(awk '{ print $1 }' "$1" | median) $(awk '{ print $2 }' "$1" | sort -n | tail -1)"; }

# The two generators take turns, run after run, so that a machine that speeds up or slows down during the
# benchmark (a shared virtual machine does) weighs on both alike.
rm -f "$work/bulletin.runs" "$work/hugo.runs" "$work/pages.runs" "$work/hugo-eq.runs"
for _ in $(seq "$RUNS"); do
  run "$work/bulletin.runs" "$bulletin" build --quiet --content "$work/content" --templates "$root/Templates" --output "$work/out"
  (cd "$work/hugo-eq" && run "$work/hugo-eq.runs" hugo --quiet --source "$work/hugo-eq" --destination "$work/hugo-eq/public")
  (cd "$work/hugo" && run "$work/hugo.runs" hugo --quiet --source "$work/hugo" --destination "$work/hugo/public")
  run "$work/pages.runs" "$bulletin" build --quiet --content "$work/pages" --templates "$root/Templates" --output "$work/pages-out"
done
read -r b_time b_mem < <(summary "$work/bulletin.runs")
read -r h_time h_mem < <(summary "$work/hugo.runs")
read -r p_time p_mem < <(summary "$work/pages.runs")
read -r e_time e_mem < <(summary "$work/hugo-eq.runs")
# The outputs of one more run of each, to count their pages and files: one output at a time, removed once counted (at
# N = 5000 Hugo's equivalent site takes 10 GiB of memory, and a memory-backed folder holding every output beside it
# runs the machine out of memory). bulletin's full build is kept for the rebuilds below.
rm -rf "$work/out" "$work/.bulletin-cache" "$work/pages-out" "$work/hugo/public" "$work/hugo-eq/public"
(cd "$work/hugo" && hugo --quiet --source "$work/hugo" --destination "$work/hugo/public" >/dev/null)
hugo_pages=$(find "$work/hugo/public" -name '*.html' | wc -l)
rm -rf "$work/hugo/public"
(cd "$work/hugo-eq" && hugo --quiet --source "$work/hugo-eq" --destination "$work/hugo-eq/public" >/dev/null)
eq_pages=$(find "$work/hugo-eq/public" -name '*.html' | wc -l)
eq_files=$(find "$work/hugo-eq/public" -type f | wc -l)
rm -rf "$work/hugo-eq/public"
"$bulletin" build --quiet --content "$work/pages" --templates "$root/Templates" --output "$work/pages-out" >/dev/null
same_pages=$(find "$work/pages-out" -name '*.html' | wc -l)
rm -rf "$work/pages-out"
"$bulletin" build --quiet --content "$work/content" --templates "$root/Templates" --output "$work/out" >/dev/null
pages=$(find "$work/out" -name '*.html' | wc -l)
files=$(find "$work/out" -type f -not -path '*/.bulletin-cache/*' | wc -l)

# Rebuilds on the last full build's output: nothing changed, then one indicator changed.
rm -f "$work/noop.runs"
for _ in $(seq "$RUNS"); do
  CLEAN=0 run "$work/noop.runs" "$bulletin" build --quiet --content "$work/content" --templates "$root/Templates" --output "$work/out"
done
read -r noop_time noop_mem < <(summary "$work/noop.runs")
one_times=()
for i in $(seq "$RUNS"); do
  sed -i "0,/baseline: { year: \([0-9]*\), value: \([0-9.]*\) }/s//baseline: { year: \1, value: \2$i }/" "$work/content/plans/plan-00001/indicators.yaml"
  /usr/bin/time -f "%e" -o "$work/time.txt" "$bulletin" build --quiet --content "$work/content" --templates "$root/Templates" --output "$work/out" >/dev/null
  one_times+=("$(cat "$work/time.txt")")
done
one_time=$(printf '%s\n' "${one_times[@]}" | median)

cores=$(nproc)
echo "folder: $work ($(df -T "$work" | awk 'NR == 2 { print $2 }'))"
echo "machine: $(uname -m), $cores cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); $(hugo version | cut -d' ' -f1-2)"
printf '%-30s %10s %12s %10s\n' "" "median s" "peak MiB" "pages"
printf '%-30s %10s %12.0f %10s\n' "bulletin full build" "$b_time" "$(echo "$b_mem / 1024" | bc -l)" "$pages"
printf '%-30s %10s %12.0f %10s\n' "bulletin, Hugo's pages only" "$p_time" "$(echo "$p_mem / 1024" | bc -l)" "$same_pages"
printf '%-30s %10s %12.0f %10s\n' "hugo (section pages only)" "$h_time" "$(echo "$h_mem / 1024" | bc -l)" "$hugo_pages"
printf '%-30s %10s %12.0f %10s\n' "hugo, equivalent site" "$e_time" "$(echo "$e_mem / 1024" | bc -l)" "$eq_pages"
echo "files written: bulletin $files, hugo's equivalent site $eq_files"
printf '%-30s %10s\n' "bulletin no-op rebuild" "$noop_time"
printf '%-30s %10s\n' "bulletin one-indicator edit" "$one_time"
echo "no-op rebuild / full build: $(echo "scale=3; $noop_time / $b_time" | bc -l)"
echo "one-indicator rebuild / full build: $(echo "scale=3; $one_time / $b_time" | bc -l)"
echo "memory bulletin/hugo: $(echo "scale=2; $b_mem / $h_mem" | bc -l)"
echo "ratio bulletin/hugo, the same pages: $(echo "scale=2; $p_time / $h_time" | bc -l)"
echo "ratio bulletin/hugo: $(echo "scale=2; $b_time / $h_time" | bc -l)"
echo "memory bulletin/hugo-equivalent: $(echo "scale=2; $b_mem / $e_mem" | bc -l)"
echo "ratio bulletin/hugo-equivalent: $(echo "scale=2; $b_time / $e_time" | bc -l)"
