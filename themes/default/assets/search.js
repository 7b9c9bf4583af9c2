// Site search, on the search page only: the field, the results with their filters, and the
// status a screen reader hears. The index (search/<lang>/, written by Firefly's
// render/search_index) is sharded: a query fetches the manifest, the shards that hold its
// tokens, the chunks of the results it shows and, by a range request each, those results'
// titles and texts (for the excerpt around the first match), nothing else.
// The search is made of parts, each a file the search page loads before this one
// (layouts/search.mustache): search-tokens.js (words folded and split as the generator
// does), search-query.js, search-index.js (shards and postings), search-rank.js,
// search-texts.js (results' titles and texts) and search-excerpt.js (matches marked).
(function () {
  "use strict";
  var results = document.getElementById("search-results");
  var field = document.getElementById("search-q");
  if (!results || !field || !window.fetch || !window.URL) return;
  // Its parts, each a file loaded before this one.
  var parts = window.fireflySearch || {};
  var missing = ["fold", "parseQuery", "openIndex", "run", "openTexts", "excerpt"].filter(function (k) {
    return !parts[k];
  });
  if (missing.length) {
    // A layout that loads this file without its parts, or a browser that could not run one
    // of them: the reader is told search could not start, and given the site map.
    var shown = results.closest("section");
    var none = document.getElementById("search-none");
    var status = document.getElementById("search-status");
    if (shown) shown.hidden = false;
    if (none) none.hidden = false;
    if (status) status.textContent = results.getAttribute("data-failed") || "";
    if (window.console) {
      console.error("search.js: parts not loaded (" + missing.join(", ") +
        "): a search layout loads each of assets.search_* before assets.search");
    }
    return;
  }
  var statusEl = document.getElementById("search-status");
  var filtersEl = document.getElementById("search-filters");
  // The results' heading shows once there is a query (hidden before one, and without JS).
  var resultsSection = results.closest("section");
  var attr = function (name) {
    return results.getAttribute("data-" + name) || "";
  };
  var root = attr("root") || "/";
  var index = parts.openIndex(new URL(attr("index"), window.location.href));
  var pageTitle = document.title;
  var PAGE = 10;
  var RUN_CHECKS = 4 * PAGE;

  // ---- Showing results.
  var current = { query: "", hits: [], shown: 0, manifest: null, terms: null, groups: [], filter: {} };
  var generation = 0;

  function say(text) {
    if (statusEl) statusEl.textContent = text;
    document.title = text ? text + " – " + pageTitle : pageTitle;
  }
  function filtered() {
    var m = current.manifest,
      f = current.filter;
    return current.hits.filter(function (h) {
      if (f.section !== undefined && m.doc_sections[h.doc] !== parts.DIGITS[f.section]) return false;
      if (f.year !== undefined) {
        var y = m.years[f.year];
        if (h.doc < y[1] || h.doc >= y[2]) return false;
      }
      if (f.term !== undefined && !termDocs(f.term).has(h.doc)) return false;
      return true;
    });
  }
  var termSets = {};
  function termDocs(t) {
    if (!termSets[t]) {
      var s = new Set(),
        state = { i: 0 },
        doc = 0,
        code = current.terms[t][2];
      for (var k = 0; state.i < code.length; k++) {
        doc = k ? doc + parts.readVlq(code, state) : parts.readVlq(code, state);
        s.add(doc);
      }
      termSets[t] = s;
    }
    return termSets[t];
  }
  // The no-results message (in the page, so its site-map link follows the site's paths).
  function noResults() {
    var none = document.getElementById("search-none");
    var p = none ? none.cloneNode(true) : document.createElement("p");
    p.removeAttribute("id");
    p.hidden = false;
    return p;
  }
  function renderFilters() {
    if (!filtersEl) return;
    filtersEl.textContent = "";
    var m = current.manifest;
    if (!current.hits.length) return;
    var choices = [
      {
        key: "section",
        label: attr("filter-section"),
        options: m.sections.map(function (name, i) {
          var lang = (name && m.section_langs && m.section_langs[i]) || "";
          return { value: i, name: name || attr("filter-other"), lang: lang };
        }),
        count: function (h, i) {
          return m.doc_sections[h.doc] === parts.DIGITS[i];
        },
      },
      {
        key: "year",
        label: attr("filter-year"),
        options: m.years.map(function (y, i) {
          return { value: i, name: String(y[0]) };
        }),
        count: function (h, i) {
          return h.doc >= m.years[i][1] && h.doc < m.years[i][2];
        },
      },
      {
        key: "term",
        label: attr("filter-term"),
        // Each taxonomy's terms in a group of their own (terms.json lists them by taxonomy),
        // so that a name not translated (shown in the default language's words) carries
        // its own language, as the taxonomy's does.
        options: (current.terms || []).map(function (t, i) {
          return { value: i, name: t[1], lang: t[3] || "", group: t[0], groupLang: t[4] || "" };
        }),
        count: function (h, i) {
          return termDocs(i).has(h.doc);
        },
      },
    ];
    choices.forEach(function (choice) {
      var counted = choice.options
        .map(function (o) {
          var n = current.hits.filter(function (h) {
            return choice.count(h, o.value);
          }).length;
          return {
            value: o.value,
            name: o.name,
            lang: o.lang,
            group: o.group,
            groupLang: o.groupLang,
            n: n,
          };
        })
        .filter(function (o) {
          return o.n > 0;
        });
      if (counted.length < 2 && current.filter[choice.key] === undefined) return;
      var id = "search-filter-" + choice.key;
      var wrap = document.createElement("p");
      var label = document.createElement("label");
      label.htmlFor = id;
      label.textContent = choice.label;
      var select = document.createElement("select");
      select.id = id;
      var all = document.createElement("option");
      all.value = "";
      all.textContent = attr("filter-all") + " (" + current.hits.length + ")";
      select.appendChild(all);
      var group = null;
      counted.forEach(function (o) {
        var opt = document.createElement("option");
        opt.value = String(o.value);
        opt.textContent = o.name + " (" + o.n + ")";
        if (o.lang) opt.lang = o.lang;
        if (current.filter[choice.key] === o.value) opt.selected = true;
        if (o.group === undefined) {
          select.appendChild(opt);
          return;
        }
        if (!group || group.label !== o.group) {
          group = document.createElement("optgroup");
          group.label = o.group;
          if (o.groupLang) group.lang = o.groupLang;
          select.appendChild(group);
        }
        group.appendChild(opt);
      });
      select.addEventListener("change", function () {
        if (select.value === "") delete current.filter[choice.key];
        else current.filter[choice.key] = Number(select.value);
        current.shown = 0;
        show(generation);
      });
      wrap.appendChild(label);
      wrap.appendChild(select);
      filtersEl.appendChild(wrap);
    });
    // The taxonomy terms' pages are a file of their own, fetched when asked for.
    if (m.terms > 0 && !current.terms) {
      var ask = document.createElement("button");
      ask.type = "button";
      ask.className = "search-filter-terms";
      ask.textContent = attr("filter-term");
      ask.addEventListener("click", function () {
        index.get("terms.json", true).then(function (terms) {
          current.terms = terms;
          renderFilters();
          var select = document.getElementById("search-filter-term");
          if (select) select.focus();
        });
      });
      var p = document.createElement("p");
      p.appendChild(ask);
      filtersEl.appendChild(p);
    }
  }
  // A result's place in its chunk, and its title and text (search-texts.js).
  var pageTexts = parts.openTexts(index, function () {
    return current.manifest;
  });
  var chunkOf = pageTexts.chunkOf,
    textOf = pageTexts.textOf,
    placeAndText = pageTexts.placeAndText;
  // Fills in a listed result once its title and text arrive: the title replaces the address
  // in its link, and the excerpt follows its section and date. Nothing is announced.
  function fill(item, page, groups) {
    if (!page) return;
    if (page.title) item.querySelector("h3 a").textContent = page.title;
    if (page.text) {
      // Text nodes and <mark> elements only: the page's text is never parsed as HTML.
      var p = document.createElement("p");
      p.className = "search-excerpt";
      if (item.firstChild.lang) p.lang = item.firstChild.lang;
      p.appendChild(parts.excerpt(page.text, groups));
      item.appendChild(p);
    }
  }
  // Marks `dropped` the pages among the next results (from hits[from] on, until `want` are
  // kept) whose title and text lack one of `runs`; a page whose text cannot be read is kept.
  // At most RUN_CHECKS texts are read: where most pages that have every pair lack the run,
  // fewer than `want` are kept, and "Show more results" goes on from there (each text
  // costs about 2 KB; without a bound, a query read 80 of them before showing ten).
  function dropWithoutRuns(hits, from, want, runs) {
    var kept = 0,
      read = 0;
    function step(at) {
      if (kept >= want || at >= hits.length || read >= RUN_CHECKS) return Promise.resolve();
      var batch = hits.slice(at, at + Math.min(want - kept, RUN_CHECKS - read));
      read += batch.length;
      return Promise.all(
        batch.map(function (h) {
          return placeAndText(h.doc).then(function (got) {
            h.checked = true;
            h.dropped = !!got.page && !parts.hasRuns(got.page, runs, h.other);
            if (!h.dropped) kept++;
          });
        }),
      ).then(function () {
        return step(at + batch.length);
      });
    }
    return step(from);
  }
  // For a query with a CJK run of three or more: the listed results (`slice`, listed as
  // `items`, with their texts `pages`) whose texts lack a run are taken out of the list,
  // and as many next results whose texts have them are listed after the others (each
  // once its text is read). The reader's focus, if on a result taken out, moves to the
  // first result left of those just listed, else to the first one added.
  function replaceWithoutRuns(gen, list, slice, items, pages, runs) {
    var focused = false,
      out = 0;
    slice.forEach(function (h, i) {
      if (!pages[i] || parts.hasRuns(pages[i], runs, h.other)) return;
      h.dropped = true;
      focused = focused || items[i].contains(document.activeElement);
      items[i].remove();
      out++;
    });
    if (!out) return Promise.resolve();
    var left = items.filter(function (item, i) {
      return !slice[i].dropped;
    });
    if (focused && left.length) left[0].querySelector("h3 a").focus();
    current.hits = current.hits.filter(function (h) {
      return !h.dropped;
    });
    current.shown -= out;
    return dropWithoutRuns(filtered(), current.shown, out, runs).then(function () {
      if (gen !== generation) return;
      current.hits = current.hits.filter(function (h) {
        return !h.dropped;
      });
      // The next results whose texts were read (and have the runs): none past the bound.
      var rest = filtered(),
        next = [];
      for (var i = current.shown; i < rest.length && next.length < out && rest[i].checked; i++) next.push(rest[i]);
      current.shown += next.length;
      return Promise.all(
        next.map(function (h) {
          return placeAndText(h.doc);
        }),
      ).then(function (got) {
        if (gen !== generation) return;
        got.forEach(function (g, k) {
          var item = listItem(g.place.entry);
          list.appendChild(item);
          fill(item, g.page, current.groups);
          if (focused && !left.length && k === 0) item.querySelector("h3 a").focus();
        });
      });
    });
  }
  // A result's list item: its link (named by its address until its title arrives, and for
  // good on a host without ranges), section and date, from its chunk entry.
  function listItem(d) {
    var item = document.createElement("li");
    var heading = document.createElement("h3");
    var link = document.createElement("a");
    link.href = root + d[0].replace(/^\//, "");
    link.textContent = d[0];
    // An untranslated page's title and text are in the language it is written in (d[4]).
    if (d[4]) heading.lang = d[4];
    heading.appendChild(link);
    item.appendChild(heading);
    if (d[1] || d[2]) {
      var meta = document.createElement("p");
      meta.className = "search-meta";
      // A section not translated is named in its own language, marked as such.
      var m = current.manifest,
        sectionLang = d[1] && m.section_langs ? m.section_langs[m.sections.indexOf(d[1])] : "";
      if (sectionLang) {
        var section = document.createElement("span");
        section.lang = sectionLang;
        section.textContent = d[1];
        meta.appendChild(section);
        if (d[2]) meta.appendChild(document.createTextNode(" · " + d[2]));
      } else {
        meta.textContent = [d[1], d[2]].filter(Boolean).join(" · ");
      }
      item.appendChild(meta);
    }
    return item;
  }
  // Says how many results there are: "N results for Q" ("1 result for Q"), or "Up to N
  // results for Q" while some of them may lack a CJK run of the query (not `exact`).
  function sayCount(hits, exact) {
    var text = (!exact && attr("count-upto")) || (hits.length === 1 && attr("count-one")) || attr("count");
    say(text.replace("{n}", String(hits.length)).replace("{q}", current.query));
  }
  // Lists the first results (or the next ones after "more") as soon as their chunks are in,
  // all at once and in rank order, each named by its address until its title arrives with
  // its text (a range request each, started as its chunk arrives). The promise is settled
  // once they are listed; the list's data-excerpts is "done" once every text is in (and,
  // for a CJK run of three or more, the results without it replaced).
  function show(gen, more) {
    var hits = filtered();
    // A query with a CJK run of three or more: its hits are the pages with every pair, and
    // only a page whose text has been read is known to have the run. Its count is said once
    // the listed results' texts are read: exact when every hit left has been read.
    var runs = parts.longRuns(current.groups);
    var candidates = current.hits.length;
    if (!runs.length || !hits.length) sayCount(hits, true);
    else if (!more) say(attr("searching"));
    if (!more) {
      results.textContent = "";
      current.shown = 0;
    }
    if (!hits.length) {
      results.appendChild(noResults());
      if (!current.hits.length) lookElsewhere(gen);
      return Promise.resolve();
    }
    var list = results.querySelector("ol.search-hits");
    if (!list) {
      list = document.createElement("ol");
      list.className = "search-hits";
      results.appendChild(list);
    }
    list.pending = (list.pending || 0) + 1;
    list.setAttribute("data-excerpts", "pending");
    var slice = hits.slice(current.shown, current.shown + PAGE);
    current.shown += slice.length;
    var groups = current.groups;
    var places = slice.map(function (h) {
      return chunkOf(h.doc);
    });
    var texts = places.map(function (place) {
      return place.then(textOf).catch(function () {
        return null;
      });
    });
    return Promise.all(places).then(function (shown) {
      if (gen !== generation) return;
      var items = shown.map(function (place) {
        var item = listItem(place.entry);
        list.appendChild(item);
        return item;
      });
      var button = results.querySelector("button.search-more");
      if (button) button.remove();
      if (more && items.length) items[0].querySelector("h3 a").focus();
      // "Show more results" comes once the listed texts are in: they push whatever follows
      // them down as they arrive, and a reader's press must not land where the button was.
      var pages = [];
      Promise.all(
        texts.map(function (text, i) {
          return text.then(function (page) {
            pages[i] = page;
            if (gen === generation) fill(items[i], page, groups);
          });
        }),
      )
        .then(function () {
          if (gen === generation && runs.length) return replaceWithoutRuns(gen, list, slice, items, pages, runs);
        })
        .then(function () {
          if (gen !== generation) return;
          if (runs.length) {
            var left = filtered();
            sayCount(
              left,
              left.slice(current.shown).every(function (h) {
                return h.checked;
              }),
            );
            // The filters' counts without the pages taken out (not while the reader is in
            // them: remaking them would lose their focus).
            if (current.hits.length !== candidates && filtersEl && !filtersEl.contains(document.activeElement)) {
              renderFilters();
            }
            if (!left.length) {
              results.textContent = "";
              results.appendChild(noResults());
              if (!current.hits.length) lookElsewhere(gen);
              return;
            }
          }
          if (--list.pending === 0) list.setAttribute("data-excerpts", "done");
          if (current.shown < filtered().length && !results.querySelector("button.search-more")) {
            button = document.createElement("button");
            button.type = "button";
            button.className = "search-more";
            button.textContent = attr("more");
            button.addEventListener("click", function () {
              show(gen, true);
            });
            results.appendChild(button);
          }
        });
    });
  }
  // The ranked hits of the query's `groups` in `idx` (this language's index or another's),
  // with the manifest they were found by.
  function hitsIn(idx, groups) {
    return idx.get("index.json", true).then(function (manifest) {
      return Promise.all(
        parts.readings(groups).map(function (r) {
          return parts.run(idx, manifest, r);
        }),
      ).then(function (perReading) {
        return { manifest: manifest, hits: parts.rank(manifest, perReading) };
      });
    });
  }
  // A query that finds nothing in this language may find pages in another: a reader who
  // typed Vietnamese on the Chinese search page is offered the Vietnamese search page with
  // the same query, and how many pages it finds there. The other languages' indexes are
  // fetched only then (the layout's #search-elsewhere names them, one link each).
  var otherIndexes = {};
  function lookElsewhere(gen) {
    var box = document.getElementById("search-elsewhere");
    if (!box) return;
    var links = Array.prototype.slice.call(box.querySelectorAll("a[data-index]"));
    var groups = current.groups;
    var query = current.query;
    // A CJK run of three or more: a page with each of its pairs may not hold the run, so
    // the count of another language is not said.
    var counted = !parts.longRuns(groups).length;
    Promise.all(
      links.map(function (a) {
        var href = a.getAttribute("data-index");
        var other = otherIndexes[href] || (otherIndexes[href] = parts.openIndex(new URL(href, window.location.href)));
        // Only the pages written in that language: not those it shows untranslated (in
        // the default language), which would send the reader to a list of pages in the
        // default language under that language's name.
        return hitsIn(other, groups)
          .then(function (found) {
            var written = parts.writtenIn(found.manifest);
            return found.hits.filter(function (h) {
              return written(h.doc);
            }).length;
          })
          .catch(function () {
            return 0;
          });
      }),
    ).then(function (counts) {
      if (gen !== generation || !counts.some(Boolean)) return;
      var shown = box.cloneNode(true);
      shown.removeAttribute("id");
      shown.hidden = false;
      var items = shown.querySelectorAll("li");
      var names = [];
      var langs = [];
      counts.forEach(function (n, i) {
        var a = items[i].querySelector("a");
        if (!n) {
          items[i].remove();
          return;
        }
        var url = new URL(a.getAttribute("href"), window.location.href);
        url.searchParams.set("q", query);
        a.setAttribute("href", url.origin === window.location.origin ? url.pathname + url.search : url.href);
        a.removeAttribute("data-index");
        if (counted) a.textContent += " (" + n + ")";
        names.push(a.textContent);
        langs.push(a.lang);
      });
      results.appendChild(shown);
      var status = (statusEl ? statusEl.textContent : "") + " " + shown.querySelector("p").textContent + " ";
      say(status + names.join(", "));
      if (!statusEl) return;
      // Each language's name in its own language, for a screen reader's voice.
      statusEl.textContent = status;
      names.forEach(function (name, i) {
        if (i) statusEl.appendChild(document.createTextNode(", "));
        var span = document.createElement("span");
        span.lang = langs[i];
        span.textContent = name;
        statusEl.appendChild(span);
      });
    });
  }
  function search(query) {
    var gen = ++generation;
    current.query = query.trim();
    current.filter = {};
    var groups = parts.parseQuery(current.query);
    if (resultsSection) resultsSection.hidden = !current.query;
    if (!groups.length) {
      // Nothing to look up: an empty field says nothing; a query of only punctuation,
      // symbols or emoji (or of words longer than the index keeps) finds no page, and
      // says so with the no-results message, as any other query that finds none.
      results.textContent = "";
      if (filtersEl) filtersEl.textContent = "";
      current.hits = [];
      if (current.query) {
        sayCount([], true);
        results.appendChild(noResults());
      } else {
        say("");
      }
      return;
    }
    say(attr("searching"));
    hitsIn(index, groups)
      .then(function (found) {
        current.manifest = found.manifest;
        return found.hits;
      })
      .then(function (hits) {
        if (gen !== generation) return;
        current.hits = hits;
        current.groups = groups;
        renderFilters();
        return show(gen);
      })
      .catch(function () {
        if (gen !== generation) return;
        results.textContent = "";
        results.appendChild(noResults());
        say(attr("failed"));
      });
  }

  var query = new URLSearchParams(window.location.search).get("q") || "";
  field.value = query;
  if (query) search(query);
  // Results while typing; the address keeps the query, so Back and links bring it back.
  var timer = null;
  // The manifest is fetched as soon as the reader turns to the field, so that on a slow
  // connection it arrives while they type, not after.
  function prefetch() {
    index.get("index.json", true).catch(function () {});
  }
  field.addEventListener("focus", prefetch);
  field.addEventListener("input", function () {
    prefetch();
    clearTimeout(timer);
    timer = setTimeout(function () {
      var url = new URL(window.location.href);
      url.searchParams.set("q", field.value);
      history.replaceState(null, "", url.href);
      search(field.value);
    }, 300);
  });
})();
