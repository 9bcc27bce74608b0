// The search page over Pagefind's JS API. The query is cut by search-text.js exactly as the
// index was cut at build time (CJK bigram tokens), so Pagefind never segments Japanese itself.
// A result must hold every part of the query: a CJK run of 3+ characters as an exact phrase (its
// bigrams side by side), a single character or a word as a prefix. Pagefind ranks; we filter.
// Titles and excerpts come from each page's natural text (metadata), with the query marked.
// Section and year filters are facet tokens of the index (qzshistory, qzy2026), searched alike.
// ?q=花火&section=history&year=2026 in the address searches at once, so a link can open results.
(function () {
  "use strict";

  var PAGE_SIZE = 20;
  var EXCERPT_BEFORE = 40;
  var EXCERPT_LENGTH = 120;

  function ready(fn) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn);
    else fn();
  }

  // Normalised text with, for each of its characters, the index of the original character.
  function mapped(text) {
    var chars = Array.from(text);
    var norm = [];
    var origin = [];
    chars.forEach(function (char, index) {
      Array.from(WardSearchText.normalise(char)).forEach(function (n) {
        norm.push(n);
        origin.push(index);
      });
    });
    return { chars: chars, norm: norm.join(""), normChars: norm, origin: origin };
  }

  // Ranges [start, end) of original characters that match one of the needles.
  function matches(map, needles) {
    var ranges = [];
    needles.forEach(function (needle) {
      var needleChars = Array.from(needle);
      var normChars = map.normChars;
      for (var i = 0; i + needleChars.length <= normChars.length; i++) {
        var hit = true;
        for (var j = 0; j < needleChars.length; j++) {
          if (normChars[i + j] !== needleChars[j]) {
            hit = false;
            break;
          }
        }
        if (hit) ranges.push([map.origin[i], map.origin[i + needleChars.length - 1] + 1]);
      }
    });
    return ranges.sort(function (a, b) {
      return a[0] - b[0] || a[1] - b[1];
    });
  }

  // Append chars[start, end) to element, the matched ranges inside <mark>.
  function appendMarked(element, chars, start, end, ranges) {
    var position = start;
    ranges.forEach(function (range) {
      var from = Math.max(range[0], position);
      var to = Math.min(range[1], end);
      if (to <= from) return;
      if (from > position) element.append(chars.slice(position, from).join(""));
      var mark = document.createElement("mark");
      mark.textContent = chars.slice(from, to).join("");
      element.append(mark);
      position = to;
    });
    if (position < end) element.append(chars.slice(position, end).join(""));
  }

  function marked(element, text, needles) {
    var map = mapped(text);
    appendMarked(element, map.chars, 0, map.chars.length, matches(map, needles));
  }

  // An excerpt around the first match (or the beginning), with every match inside it marked.
  function excerpt(element, text, needles) {
    var map = mapped(text);
    var ranges = matches(map, needles);
    var start = ranges.length ? Math.max(0, ranges[0][0] - EXCERPT_BEFORE) : 0;
    var end = Math.min(map.chars.length, start + EXCERPT_LENGTH);
    if (start > 0) element.append("…");
    appendMarked(element, map.chars, start, end, ranges);
    if (end < map.chars.length) element.append("…");
  }

  // Pages holding every part of the query and every chosen facet, in Pagefind's ranking order.
  async function findAll(pagefind, query, facets) {
    var parts = WardSearchText.queryParts(query);
    if (!parts.length) return [];
    var all = [];
    parts.forEach(function (part) {
      all.push.apply(all, part.tokens);
    });
    var ranked = await pagefind.search(all.join(" "));
    var results = ranked.results;
    var terms = [];
    if (parts.length > 1 || parts[0].phrase) {
      parts.forEach(function (part) {
        terms.push(part.phrase ? '"' + part.tokens.join(" ") + '"' : part.tokens[0]);
      });
    }
    facets.forEach(function (token) {
      terms.push('"' + token + '"'); // exact: qzshealth must not find a longer slug
    });
    for (var term of terms) {
      var found = await pagefind.search(term);
      var ids = new Set(
        found.results.map(function (r) {
          return r.id;
        })
      );
      results = results.filter(function (r) {
        return ids.has(r.id);
      });
    }
    return results;
  }

  function needlesOf(query) {
    return WardSearchText.units(WardSearchText.normalise(query)).map(function (unit) {
      return unit.text;
    });
  }

  function renderResult(list, data, needles) {
    var item = document.createElement("li");
    item.className = "ward-search__result";
    var heading = document.createElement("h2");
    heading.className = "ward-search__result-title";
    var link = document.createElement("a");
    link.href = data.url;
    marked(link, data.meta.title || data.url, needles);
    heading.append(link);
    item.append(heading);
    var labels = [];
    if (data.meta.section) labels.push(data.meta.section);
    if (data.meta.year) labels.push(data.meta.year + "年");
    if (labels.length) {
      var meta = document.createElement("p");
      meta.className = "ward-search__result-meta";
      meta.textContent = labels.join("・");
      item.append(meta);
    }
    var text = document.createElement("p");
    text.className = "ward-search__result-excerpt";
    excerpt(text, data.meta.text || "", needles);
    item.append(text);
    list.append(item);
  }

  // Pagefind and the year list, loaded once; resolves to null when the search cannot run.
  async function loadSearch(root, year) {
    var pagefind;
    try {
      pagefind = await import(new URL(root.getAttribute("data-bundle"), document.baseURI).href);
      await pagefind.options({ baseUrl: root.getAttribute("data-base-url") || "/" });
      await pagefind.init();
    } catch (error) {
      return null;
    }
    try {
      var facets = await (await fetch(root.getAttribute("data-facets"))).json();
      facets.years.forEach(function (entry) {
        var option = document.createElement("option");
        option.value = entry.year;
        option.textContent = entry.year + "年";
        year.append(option);
      });
    } catch (error) {
      // Without the list the year filter stays at すべて; searching still works.
    }
    return pagefind;
  }

  ready(function () {
    var root = document.getElementById("ward-search");
    if (!root || typeof WardSearchText === "undefined") return;
    var form = root.querySelector("form");
    var input = form.querySelector("input[name=q]");
    var section = form.querySelector("select[name=section]");
    var year = form.querySelector("select[name=year]");
    var status = document.getElementById("ward-search-status");
    var list = document.getElementById("ward-search-results");
    var more = document.getElementById("ward-search-more");

    var shown = [];
    var needles = [];
    var generation = 0;
    // The form answers from the first moment: a query typed while Pagefind is still loading waits
    // for it (the text typed is never lost to a page reload or to the address's empty ?q=).
    var loading = loadSearch(root, year).then(function (pagefind) {
      if (pagefind) form.querySelector(".ward-search__filters").hidden = false;
      else status.textContent = "検索の準備ができませんでした。分野別のページからお探しください。";
      return pagefind;
    });

    async function showMore() {
      var mine = generation;
      var batch = shown.splice(0, PAGE_SIZE);
      var data = await Promise.all(
        batch.map(function (r) {
          return r.data();
        })
      );
      if (mine !== generation) return; // a newer search has cleared the list meanwhile
      data.forEach(function (d) {
        renderResult(list, d, needles);
      });
      more.parentElement.hidden = shown.length === 0;
    }

    async function run(query) {
      var mine = ++generation;
      list.replaceChildren();
      more.parentElement.hidden = true;
      root.setAttribute("data-state", "searching");
      var pagefind = await loading;
      if (mine !== generation) return;
      if (!pagefind) {
        root.setAttribute("data-state", "done");
        return; // the status already says the search cannot run
      }
      var facets = [WardSearchText.facetToken("section", section.value), WardSearchText.facetToken("year", year.value)];
      facets = facets.filter(Boolean);
      var results = query.trim() ? await findAll(pagefind, query, facets) : [];
      if (mine !== generation) return;
      needles = needlesOf(query);
      shown = results.slice();
      status.textContent = !query.trim()
        ? ""
        : results.length
          ? "「" + query.trim() + "」の検索結果：" + results.length + "件"
          : "「" + query.trim() + "」を含むページは見つかりませんでした。言葉を短くするか、分野と年を「すべて」にしてお試しください。";
      await showMore();
      if (mine === generation) root.setAttribute("data-state", "done");
    }

    // Show the search the address asks for (on opening a link, and on the browser's back and forward).
    async function fromAddress() {
      var params = new URLSearchParams(window.location.search);
      input.value = params.get("q") || "";
      section.value = params.get("section") || "";
      // The year options arrive with Pagefind; a year from the address is chosen once they are there.
      await loading;
      year.value = params.get("year") || "";
      if (input.value) run(input.value);
      else root.setAttribute("data-state", "done");
    }

    function submit(event) {
      if (event) event.preventDefault();
      var params = new URLSearchParams();
      params.set("q", input.value);
      if (section.value) params.set("section", section.value);
      if (year.value) params.set("year", year.value);
      window.history.pushState(null, "", "?" + params.toString());
      run(input.value);
    }

    form.addEventListener("submit", submit);
    section.addEventListener("change", submit);
    year.addEventListener("change", submit);
    more.addEventListener("click", showMore);
    window.addEventListener("popstate", fromAddress);
    if (new URLSearchParams(window.location.search).has("q")) {
      fromAddress();
    } else {
      loading.then(function () {
        if (generation === 0) root.setAttribute("data-state", "done");
      });
    }
  });
})();
