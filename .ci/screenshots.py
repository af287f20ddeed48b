#!/usr/bin/env python3
"""Screenshots of each kind of page of a built site, at 1280 px and 390 px wide, in light and dark, and one section
page printed to PDF, for a person to look at (`make screenshots`; the output is not committed).
Usage: screenshots.py SITE OUT"""
import base64
import pathlib
import sys
import time

from browser import chromium, resize

site = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "Site").resolve()
out = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else "screenshots").resolve()
out.mkdir(parents=True, exist_ok=True)


def first(pattern):
    found = sorted(p for p in site.glob(pattern) if p.name != "index.html" or pattern.endswith("index.html"))
    return found[0] if found else None


kinds = {
    "home": site / "index.html",
    "plan": first("plans/*/index.html"),
    "section": first("plans/*/goals.html"),
    "tasks": first("plans/*/tasks.html"),
    "indicator": first("plans/*/indicators/*.html"),
    "progress": site / "progress/index.html",
    "method": site / "progress/method.html",
    "departments": site / "departments/index.html",
    "department": first("departments/d-*.html"),
    "data": site / "data/index.html",
    "releases": site / "releases/index.html",
    "search": site / "search.html",
    "not-found": site / "404.html",
}
count = 0
for scheme in ("light", "dark"):
    for width in (1280, 390):
        driver = chromium(width=width, dark=scheme == "dark")
        try:
            for kind, path in kinds.items():
                if path is None or not path.exists():
                    continue
                url = path.as_uri() + ("?q=高新技术企业" if kind == "search" else "")
                driver.get(url)
                time.sleep(0.8 if kind == "search" else 0.1)
                # The whole page: the window made as tall as the document.
                height = driver.execute_script("return document.documentElement.scrollHeight")
                resize(driver, width, min(height, 12000))
                driver.set_window_size(max(width, 500), min(height, 12000))
                driver.save_screenshot(str(out / f"{kind}-{width}-{scheme}.png"))
                resize(driver, width, 900)
                count += 1
            if scheme == "light" and width == 1280 and kinds["tasks"]:
                driver.get(kinds["tasks"].as_uri())
                pdf = driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": False, "preferCSSPageSize": True})
                (out / "tasks-print.pdf").write_bytes(base64.b64decode(pdf["data"]))
        finally:
            driver.quit()
print(f"screenshots: {count} pages and tasks-print.pdf in {out}")
