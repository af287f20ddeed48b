#!/usr/bin/env python3
"""Runs axe-core (through Selenium and headless Chromium) on every page of a built site, in light and dark
colour schemes; prints each violation and exits non-zero if there is any."""
import functools, http.server, pathlib, sys, threading

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

site = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "Site").resolve()
class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


handler = functools.partial(QuietHandler, directory=str(site))
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
base = f"http://127.0.0.1:{server.server_address[1]}/"

pages = sorted(str(p.relative_to(site)) for p in site.rglob("*.html"))
violations = 0
for scheme in ("light", "dark"):
    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000"):
        options.add_argument(argument)
    if scheme == "dark":
        options.add_argument("--force-dark-mode")
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
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
