#!/usr/bin/env python3
"""A killed build leaves the site exactly as it was, or exactly as the new build makes it, never a mix.

Builds Content/, changes site.yaml's title (which every page shows), then starts the rebuild and kills it with
SIGKILL at a random moment, TRIES times, each time from the same old site. After each kill the output folder must
hold the old site or the new one byte for byte, with no stray file in it; a last, complete build must clean up what
the killed ones left beside it. Usage: kill-test.py BULLETIN [TRIES] [SEED]"""
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


def build(bulletin, content, output, templates):
    return subprocess.Popen([bulletin, "build", "--quiet", "--content", str(content), "--templates", str(templates),
                             "--output", str(output)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main():
    bulletin = os.path.abspath(sys.argv[1])
    tries = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 13)
    root = Path(__file__).resolve().parent.parent
    work = Path(tempfile.mkdtemp(prefix="bulletin-kill-"))
    try:
        content = work / "Content"
        shutil.copytree(root / "Content", content)
        templates = root / "Templates"
        site = work / "Site"
        # The old site, and its record beside it, kept to start every try from.
        assert build(bulletin, content, site, templates).wait() == 0
        pristine = work / "pristine"
        pristine.mkdir()
        shutil.copytree(site, pristine / "Site", copy_function=shutil.copy2)
        shutil.copytree(work / ".bulletin-cache", pristine / ".bulletin-cache", copy_function=shutil.copy2)
        old = snapshot(site)
        config = content / "site.yaml"
        text = config.read_text(encoding="utf-8")
        title = text.splitlines()[0]
        assert title.startswith("title:"), title
        config.write_text(text.replace(title, title + "（修订）", 1), encoding="utf-8")
        # The new site, built in full elsewhere, and how long the rebuild takes.
        assert build(bulletin, content, work / "expected", templates).wait() == 0
        new = snapshot(work / "expected")
        assert new != old
        started = time.monotonic()
        assert build(bulletin, content, site, templates).wait() == 0
        span = time.monotonic() - started
        assert snapshot(site) == new, "an incremental build differs from a full one"

        counts = {"old": 0, "new": 0}
        for attempt in range(tries):
            shutil.rmtree(site)
            shutil.rmtree(work / ".bulletin-cache")
            shutil.copytree(pristine / "Site", site, copy_function=shutil.copy2)
            shutil.copytree(pristine / ".bulletin-cache", work / ".bulletin-cache", copy_function=shutil.copy2)
            process = build(bulletin, content, site, templates)
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
                print(f"kill-test: try {attempt + 1}: the site is neither the old nor the new one "
                      f"({len(stale)} files of neither, {len(mixed)} still old), e.g. {(stale or mixed)[:3]}", file=sys.stderr)
                return 1
        # A complete build after the killed ones: the new site, and nothing left beside it.
        assert build(bulletin, content, site, templates).wait() == 0
        assert snapshot(site) == new
        left = [name for name in os.listdir(work) if name.startswith(".Site.")]
        if left:
            print(f"kill-test: a complete build left {left} beside the site", file=sys.stderr)
            return 1
        print(f"kill-test: {tries} builds killed at random moments (rebuild {span:.2f} s): "
              f"{counts['old']} left the old site, {counts['new']} the new one, none a mix")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
