#!/usr/bin/env python3
"""Runs axe-core (through Selenium and headless Chromium) on every page of a built site, in light and dark
colour schemes; prints each violation and exits non-zero if there is any."""
import pathlib, sys

from axe_selenium_python import Axe

from browser import chromium, serve

site = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "Site").resolve()
server, bases = serve(site)
base = bases["http"]

pages = sorted(str(p.relative_to(site)) for p in site.rglob("*.html"))
violations = 0
for scheme in ("light", "dark"):
    driver = chromium(dark=scheme == "dark")
    try:
        for page in pages:
            driver.get(base + page)
            axe = Axe(driver)
            axe.inject()
            for violation in axe.run()["violations"]:
                violations += 1
                print(f"{page} ({scheme}): {violation['id']} [{violation['impact']}] {violation['help']}")
                for node in violation["nodes"][:5]:
                    print("    ", node["target"])
    finally:
        driver.quit()
server.shutdown()
print(f"axe-core: {len(pages)} pages, light and dark: {violations} violations")
sys.exit(1 if violations else 0)
