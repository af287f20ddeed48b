// The site's search: no dependency, no request to another origin, and it works from file:// as well as over HTTP,
// because the index is a set of script files (search/index.js, search/t/<n>.js, search/s/<n>.js) loaded with
// <script> elements, which file:// allows where fetch() is refused.
//
// Terms are made exactly as the build makes them (SearchTokens.swift): each Han character is a unit, each run of
// Latin letters and digits is a unit (lower-case, full-width forms half-width, a decimal point inside a number),
// everything else is dropped. A query of one unit looks it up; a longer one needs every pair of neighbouring units.
// A page whose text holds the query always holds all of its pairs, so no such page is missed; the results shown are
// checked for the query itself and those that hold it come first.
(function () {
  "use strict";
  var box = document.getElementById("search");
  if (!box) return;
  var manifestURL = box.getAttribute("data-index");
  var base = manifestURL.replace(/index\.js$/, "");
  var input = document.getElementById("search-query");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var shown = 10;

  function isHan(c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
      (c >= 0x20000 && c <= 0x2FA1F) || c === 0x3007;
  }
  function isDigit(c) { return c >= 0x30 && c <= 0x39; }

  // The units of a text, each with where it starts and ends in the text (for highlighting).
  function units(text) {
    var out = [], run = "", runStart = 0, points = [], offsets = [], i = 0;
    for (var ch of text) { points.push(ch.codePointAt(0)); offsets.push(i); i += ch.length; }
    offsets.push(i);
    function flush(end) { if (run) { out.push({ u: run, start: runStart, end: end }); run = ""; } }
    for (var k = 0; k < points.length; k++) {
      var c = points[k];
      if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
      if (c >= 0x41 && c <= 0x5A) c += 0x20;
      if ((c >= 0x61 && c <= 0x7A) || isDigit(c)) {
        if (!run) runStart = offsets[k];
        run += String.fromCharCode(c);
      } else if (c === 0x2E && run && isDigit(run.charCodeAt(run.length - 1)) && k + 1 < points.length &&
                 (isDigit(points[k + 1]) || (points[k + 1] >= 0xFF10 && points[k + 1] <= 0xFF19))) {
        run += ".";
      } else {
        flush(offsets[k]);
        if (isHan(c)) out.push({ u: String.fromCodePoint(c), start: offsets[k], end: offsets[k + 1] });
      }
    }
    flush(offsets[points.length]);
    return out;
  }
  function single(u) { var p = Array.from(u); return p.length === 1 && isHan(p[0].codePointAt(0)); }
  function pair(a, b) { return single(a) && single(b) ? a + b : a + " " + b; }
  function queryTerms(q) {
    var u = units(q).map(function (x) { return x.u; });
    if (u.length < 2) return u;
    var out = [];
    for (var k = 1; k < u.length; k++) out.push(pair(u[k - 1], u[k]));
    return out;
  }
  var encoder = new TextEncoder();
  function bucket(term, count) {
    var h = 0x811C9DC5, bytes = encoder.encode(term);
    for (var k = 0; k < bytes.length; k++) h = Math.imul(h ^ bytes[k], 0x01000193) >>> 0;
    return h % count;
  }

  // The index's files, each loaded once, by a <script> element.
  var registry = { manifest: null, terms: {}, more: {}, store: {} }, loading = {};
  window.bulletinSearch = {
    manifest: function (m) { registry.manifest = m; },
    terms: function (n, t) { registry.terms[n] = t; },
    more: function (n, t) { registry.more[n] = t; },
    store: function (n, s) { registry.store[n] = s; }
  };
  function load(src) {
    if (!loading[src]) {
      loading[src] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = function () { resolve(); };
        script.onerror = function () { reject(new Error("cannot load " + src)); };
        document.head.appendChild(script);
      });
    }
    return loading[src];
  }
  function decode(encoded) {
    var ids = [], last = 0;
    if (!encoded) return ids;
    encoded.split(",").forEach(function (d) { last += parseInt(d, 36); ids.push(last); });
    return ids;
  }
  function intersect(lists) {
    lists.sort(function (a, b) { return a.length - b.length; });
    var result = lists[0];
    for (var k = 1; k < lists.length && result.length; k++) {
      var other = lists[k], next = [], i = 0, j = 0;
      while (i < result.length && j < other.length) {
        if (result[i] === other[j]) { next.push(result[i]); i++; j++; } else if (result[i] < other[j]) i++; else j++;
      }
      result = next;
    }
    return result;
  }

  // A term's passages: the first in its term file, the rest in overflow pages loaded when needed.
  function termList(term) {
    var m = registry.manifest, file = registry.terms[bucket(term, m.terms)] || {};
    if (!Object.prototype.hasOwnProperty.call(file, term)) return { term: term, ids: [], pages: 0, next: 1 };
    var parts = file[term].split("|");
    return { term: term, ids: decode(parts[0]), pages: parts.length > 1 ? parseInt(parts[1], 10) : 0, next: 1 };
  }
  function loadMore(list) {
    var m = registry.manifest, key = list.term + "\u0001" + list.next, n = bucket(key, m.terms);
    return load(base + "o/" + n + ".js").then(function () {
      var file = registry.more[n] || {};
      list.ids = list.ids.concat(decode(file[key] || ""));
      list.next += 1;
    });
  }

  // The pages whose passages hold all the query's terms, best first: the page's title (its first passage) holding
  // them, then more passages holding them, then the site's order. Each page: {page, passages: [local ids]}.
  // Passages are numbered in the site's order and each term's list ascends, so the passages below the last id loaded
  // of every list that has more are all known: lists are read on, the shortest-reaching first, until `wanted` pages
  // are known or every list is read. The result says whether it is complete.
  function candidates(query, wanted) {
    var terms = queryTerms(query);
    if (!terms.length) return Promise.resolve({ pages: [], complete: true });
    return load(manifestURL).then(function () {
      var m = registry.manifest, files = {};
      terms.forEach(function (t) { files[bucket(t, m.terms)] = true; });
      return Promise.all(Object.keys(files).map(function (n) { return load(base + "t/" + n + ".js"); })).then(function () {
        var lists = terms.map(termList);
        function step() {
          var open = lists.filter(function (l) { return l.next <= l.pages; });
          var bound = Infinity, limiting = null;
          open.forEach(function (l) {
            var last = l.ids.length ? l.ids[l.ids.length - 1] : -1;
            if (last < bound) { bound = last; limiting = l; }
          });
          var ids = intersect(lists.map(function (l) { return l.ids.slice(); })).filter(function (id) { return id <= bound; });
          var pages = {}, order = [];
          ids.forEach(function (id) {
            var page = Math.floor(id / m.limit);
            if (!pages[page]) { pages[page] = { page: page, passages: [] }; order.push(pages[page]); }
            pages[page].passages.push(id % m.limit);
          });
          if (!limiting || order.length >= wanted) {
            order.sort(function (a, b) {
              var ta = a.passages[0] === 0 ? 0 : 1, tb = b.passages[0] === 0 ? 0 : 1;
              return ta - tb || b.passages.length - a.passages.length || a.page - b.page;
            });
            return { pages: order, complete: !limiting };
          }
          return loadMore(limiting).then(step);
        }
        return step();
      });
    });
  }

  // A page's entry for the passages of one block: [url, title, context, [[anchor, text], ...]].
  function entry(page, local) {
    var m = registry.manifest, key = page + "." + Math.floor(local / m.block), n = bucket(key, m.stores);
    return load(base + "s/" + n + ".js").then(function () {
      var store = registry.store[n] || {};
      return Object.prototype.hasOwnProperty.call(store, key) ? store[key] : null;
    });
  }

  // Where the query's units stand in a passage, one after another: [start, end] in the passage's text, or null.
  function phrase(text, query) {
    var q = units(query).map(function (x) { return x.u; }), t = units(text);
    for (var i = 0; i + q.length <= t.length; i++) {
      var k = 0;
      while (k < q.length && t[i + k].u === q[k]) k++;
      if (k === q.length) return [t[i].start, t[i + q.length - 1].end];
    }
    return null;
  }

  // A result: its page's address, title and context, and the passage that best shows the query.
  function describe(candidate, query) {
    var m = registry.manifest, passages = candidate.passages.slice(0, 4), best = null, first = null;
    // The passages' blocks one after another, until one shows the query itself: most results need one file.
    function next(k) {
      if (k >= passages.length || (best && best.at)) {
        return Promise.resolve(first && { url: first[0], title: first[1], context: first[2], passage: best });
      }
      return entry(candidate.page, passages[k]).then(function (e) {
        if (e && !first) first = e;
        var passage = e && e[3][passages[k] % m.block];
        if (passage) {
          var at = phrase(passage[1], query);
          if (!best || (at && !best.at)) {
            // The last element starting in the passage before the words found (a quote's anchor), else the passage's.
            var anchor = passage[0];
            (passage[2] || []).forEach(function (mark) { if (at && mark[0] <= at[0]) anchor = mark[1]; });
            best = { anchor: anchor, text: passage[1], at: at };
          }
        }
        return next(k + 1);
      });
    }
    return next(0);
  }

  function snippet(passage) {
    var p = document.createElement("p");
    p.className = "search-snippet";
    var text = passage.text, at = passage.at || [0, 0];
    var from = Math.max(0, at[0] - 40), to = Math.min(text.length, at[1] + 80);
    p.appendChild(document.createTextNode((from > 0 ? "…" : "") + text.slice(from, at[0])));
    if (passage.at) {
      var mark = document.createElement("mark");
      mark.textContent = text.slice(at[0], at[1]);
      p.appendChild(mark);
    }
    p.appendChild(document.createTextNode(text.slice(at[1], to) + (to < text.length ? "…" : "")));
    return p;
  }

  function item(result) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    var anchor = result.passage && result.passage.anchor;
    a.href = result.url + (anchor && anchor !== "main" ? "#" + encodeURIComponent(anchor) : "");
    a.textContent = result.title || result.url;
    var h = document.createElement("h2");
    h.appendChild(a);
    li.appendChild(h);
    var context = document.createElement("p");
    context.className = "search-context";
    context.textContent = result.context;
    li.appendChild(context);
    if (result.passage) li.appendChild(snippet(result.passage));
    return li;
  }

  var current = 0, found = [], complete = true, lastQuery = "";
  function show(query, count) {
    var run = ++current;
    var batch = found.slice(0, count);
    return Promise.all(batch.map(function (c) { return describe(c, query); })).then(function (results) {
      if (run !== current) return;
      // Within what is shown, those holding the query itself come first.
      var exact = results.filter(function (r) { return r && r.passage && r.passage.at; });
      var rest = results.filter(function (r) { return r && !(r.passage && r.passage.at); });
      list.textContent = "";
      exact.concat(rest).forEach(function (r) { list.appendChild(item(r)); });
      status.textContent = found.length
        ? (complete ? "找到 " : "已找到 ") + found.length + " 个页面" + (found.length > count ? "，显示前 " + count + " 个" : "") + (complete ? "" : "，还有更多")
        : "没有找到含“" + query + "”的页面";
      more.hidden = found.length <= count && complete;
    });
  }

  function search(query) {
    query = query.trim();
    var run = ++current;
    try { history.replaceState(null, "", query ? "?q=" + encodeURIComponent(query) : location.pathname); } catch (e) { /* file:// may refuse */ }
    if (!query) { list.textContent = ""; status.textContent = ""; more.hidden = true; return Promise.resolve(); }
    status.textContent = "正在搜索…";
    shown = 10;
    lastQuery = query;
    return candidates(query, shown + 1).then(function (result) {
      if (run !== current) return;
      found = result.pages;
      complete = result.complete;
      return show(query, shown);
    }).catch(function (error) {
      status.textContent = "搜索索引无法加载：" + error.message;
    });
  }

  // For tests and tools: every page address holding all the query's terms, best first.
  window.bulletinSearch.pages = function (query) {
    return candidates(query, Infinity).then(function (result) {
      return Promise.all(result.pages.map(function (c) { return entry(c.page, c.passages[0]); })).then(function (entries) {
        return entries.map(function (e) { return e && e[0]; });
      });
    });
  };
  window.bulletinSearch.units = function (text) { return units(text).map(function (x) { return x.u; }); };
  window.bulletinSearch.loaded = function () { return Object.keys(loading); };

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value); }, 150);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter") { clearTimeout(timer); search(input.value); }
    if (event.key === "ArrowDown") { var first = list.querySelector("a"); if (first) { event.preventDefault(); first.focus(); } }
  });
  list.addEventListener("keydown", function (event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var links = Array.prototype.slice.call(list.querySelectorAll("a")), at = links.indexOf(document.activeElement);
    if (at < 0) return;
    event.preventDefault();
    if (event.key === "ArrowDown" && at + 1 < links.length) links[at + 1].focus();
    if (event.key === "ArrowUp") (at > 0 ? links[at - 1] : input).focus();
  });
  more.addEventListener("click", function () {
    shown += 10;
    var query = lastQuery, run = ++current;
    (complete && found.length >= shown ? Promise.resolve(null) : candidates(query, shown + 1)).then(function (result) {
      if (run !== current) return;
      if (result) { found = result.pages; complete = result.complete; }
      show(query, shown);
    });
  });

  box.hidden = false;
  var start = new URLSearchParams(location.search).get("q");
  if (start) { input.value = start; search(start); }
})();
