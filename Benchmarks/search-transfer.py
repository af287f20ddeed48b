#!/usr/bin/env python3
"""What the first query costs: opens a built site's search page over HTTP in headless Chromium, types each term,
and prints the results found, the bytes the script and the index files it loaded weigh, and the time taken.
For the N = 1000 corpus: Benchmarks/corpus.sh 1000 /dev/shm/n/Content; bulletin build --content /dev/shm/n/Content
--output /dev/shm/n/Site; Benchmarks/search-transfer.py /dev/shm/n/Site 高新技术企业 5000亿 市科技局
Usage: search-transfer.py SITE TERM..."""
import sys, time, functools, http.server, threading, pathlib
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
site = pathlib.Path(sys.argv[1]).resolve()
class Q(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *a): pass
srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Q, directory=str(site)))
threading.Thread(target=srv.serve_forever, daemon=True).start()
base = f"http://127.0.0.1:{srv.server_address[1]}/"
o = Options()
for a in ("--headless=new", "--no-sandbox", "--disable-gpu"): o.add_argument(a)
o.binary_location = "/usr/bin/chromium"
d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
for q in sys.argv[2:]:
    d.get(base + "search.html")
    t = time.time()
    d.find_element("id", "search-query").send_keys(q)
    while not d.find_element("id", "search-status").text.startswith(("找到", "已找到", "没有")) and time.time() - t < 60: time.sleep(0.05)
    took = time.time() - t
    loaded = d.execute_script("return bulletinSearch.loaded()")
    size = (site / "assets/search.js").stat().st_size + sum((site / s).stat().st_size for s in loaded)
    print(f"{q}: {d.find_element('id', 'search-status').text}; {size/1024:.0f} KB in {len(loaded)+1} files; {took:.1f} s")
d.quit(); srv.shutdown()
