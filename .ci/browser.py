"""What the browser checks share: the built site served on 127.0.0.1, and headless Chromium."""
import functools
import http.server
import threading

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site):
    """Serves the folder `site` (a Path) in a thread: the server, and the site's address from file:// and over HTTP."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, {"file": site.as_uri() + "/", "http": f"http://127.0.0.1:{server.server_address[1]}/"}


def chromium(width=1280, dark=False, logs=False, capabilities=None):
    """Headless Chromium at `width`, in the dark colour scheme if asked, keeping the console's messages if asked."""
    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", f"--window-size={width},1000"):
        options.add_argument(argument)
    if dark:
        options.add_argument("--force-dark-mode")
    options.binary_location = "/usr/bin/chromium"
    if logs:
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    for name, value in (capabilities or {}).items():
        options.set_capability(name, value)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    resize(driver, width, 1000)
    return driver


def resize(driver, width, height):
    """The page's viewport, `width` CSS pixels wide (a phone's below 600): headless Chromium's window is never narrower
    than 500 px, so a narrower window would lay pages out at 500."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
