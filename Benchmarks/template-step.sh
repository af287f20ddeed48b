#!/usr/bin/env bash
# Benchmarks/template-step.sh [PLANS]: the template step alone, on one thread. Renders every page of the real
# Content/ and of a generated corpus of PLANS plans (default 50) with bulletin's compiled Mustache renderer and
# with swift-mustache, from the same templates and page values, checks that both give the same bytes, and
# prints milliseconds per page for each. (The whole build is measured by compare-hugo.sh.)
set -euo pipefail
PLANS=${1:-50}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/bulletin-template-step.XXXXXX")
trap 'rm -rf "$work"' EXIT
(cd "$root" && swift build -c release --product bulletin-template-step >&2)
tool=$root/.build/release/bulletin-template-step

echo "== Content/ (the four seed plans)"
"$tool" "$root/Content" "$root/Templates" 1000
echo "== generated corpus, $PLANS plans"
"$here/corpus.sh" "$PLANS" "$work/content" >/dev/null
"$tool" "$work/content" "$root/Templates" "$PLANS"
