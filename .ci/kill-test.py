#!/usr/bin/env python3
"""A killed build leaves the site exactly as it was, or exactly as the new build makes it, never a mix.

Builds Content/, makes a change, then starts the rebuild and kills it with SIGKILL at a random moment, TRIES times
for each of three rebuilds, each time from the same old site:
- `title`: site.yaml's title, which every page shows, so the incremental rebuild rewrites every page;
- `indicator`: one indicator's name in one plan, an incremental rebuild of a few pages;
- `full`: the title again with `--full`, which renders everything whatever the last build recorded.
After each kill the output folder must hold the old site or the new one byte for byte, with no stray file in it; a
last, complete build must clean up what the killed ones left beside it. Usage: kill-test.py BULLETIN [TRIES] [SEED]"""
import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def snapshot(folder):
    files = {}
    for path in sorted(Path(folder).rglob("*")):
        if path.is_file():
            files[str(path.relative_to(folder))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return files


def build(bulletin, content, output, templates, *extra):
    return subprocess.Popen([bulletin, "build", "--quiet", "--content", str(content), "--templates", str(templates),
                             "--output", str(output), *extra], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def retitle(content):
    config = content / "site.yaml"
    text = config.read_text(encoding="utf-8")
    title = text.splitlines()[0]
    assert title.startswith("title:"), title
    config.write_text(text.replace(title, title + "（修订）", 1), encoding="utf-8")


def rename_indicator(content):
    indicators = sorted((content / "plans").glob("*/indicators.yaml"))[0]
    lines = indicators.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("    name: "))
    lines[at] += "（修订）"
    indicators.write_text("\n".join(lines), encoding="utf-8")


SCENARIOS = [("title", retitle, ()), ("indicator", rename_indicator, ()), ("full", retitle, ("--full",))]


def scenario(bulletin, root, templates, name, change, extra, tries, rng):
    work = Path(tempfile.mkdtemp(prefix="bulletin-kill-"))
    try:
        content = work / "Content"
        shutil.copytree(root / "Content", content)
        site = work / "Site"
        # The old site, and its record beside it, kept to start every try from.
        assert build(bulletin, content, site, templates).wait() == 0
        pristine = work / "pristine"
        pristine.mkdir()
        shutil.copytree(site, pristine / "Site", copy_function=shutil.copy2)
        shutil.copytree(work / ".bulletin-cache", pristine / ".bulletin-cache", copy_function=shutil.copy2)
        old = snapshot(site)
        change(content)
        # The new site, built in full elsewhere, and how long the rebuild takes.
        assert build(bulletin, content, work / "expected", templates).wait() == 0
        new = snapshot(work / "expected")
        assert new != old
        changed = sum(1 for p in new if old.get(p) != new[p])
        started = time.monotonic()
        assert build(bulletin, content, site, templates, *extra).wait() == 0
        span = time.monotonic() - started
        assert snapshot(site) == new, "an incremental build differs from a full one"

        counts = {"old": 0, "new": 0}
        for attempt in range(tries):
            shutil.rmtree(site)
            shutil.rmtree(work / ".bulletin-cache")
            shutil.copytree(pristine / "Site", site, copy_function=shutil.copy2)
            shutil.copytree(pristine / ".bulletin-cache", work / ".bulletin-cache", copy_function=shutil.copy2)
            process = build(bulletin, content, site, templates, *extra)
            time.sleep(rng.uniform(0, span * 1.5))
            process.send_signal(signal.SIGKILL)
            process.wait()
            now = snapshot(site)
            if now == old:
                counts["old"] += 1
            elif now == new:
                counts["new"] += 1
            else:
                stale = [p for p in now if now.get(p) != old.get(p) and now.get(p) != new.get(p)]
                mixed = [p for p in now if p in old and p in new and old[p] != new[p] and now[p] == old[p]]
                print(f"kill-test: {name}, try {attempt + 1}: the site is neither the old nor the new one "
                      f"({len(stale)} files of neither, {len(mixed)} still old), e.g. {(stale or mixed)[:3]}", file=sys.stderr)
                return None
        # A complete build after the killed ones: the new site, and nothing left beside it.
        assert build(bulletin, content, site, templates).wait() == 0
        assert snapshot(site) == new
        left = [entry for entry in os.listdir(work) if entry.startswith(".Site.")]
        if left:
            print(f"kill-test: {name}: a complete build left {left} beside the site", file=sys.stderr)
            return None
        print(f"kill-test: {name} ({changed} of {len(new)} files change, rebuild {span:.2f} s): {tries} builds killed "
              f"at random moments, {counts['old']} left the old site, {counts['new']} the new one, none a mix")
        return tries
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    bulletin = os.path.abspath(sys.argv[1])
    tries = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 13)
    root = Path(__file__).resolve().parent.parent
    killed = 0
    for name, change, extra in SCENARIOS:
        done = scenario(bulletin, root, root / "Templates", name, change, extra, tries, rng)
        if done is None:
            return 1
        killed += done
    print(f"kill-test: {killed} builds killed, every one left the old site or the new one")
    return 0


if __name__ == "__main__":
    sys.exit(main())
