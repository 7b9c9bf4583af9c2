// Site search, on the search page only. The index (search/<lang>/, written by Firefly's
// render/search_index) is sharded: a query fetches the manifest, the shards that hold its
// tokens, the chunks of the results it shows and, by a range request each, those results'
// titles and texts (for the excerpt around the first match), nothing else.
// Tokens are made exactly as the generator makes them (render/search_tokens): folded words
// (lower case, compatibility forms, no diacritics, đ as d), Thai split at word breaks,
// Han/kana/hangul as single characters and pairs (without positions).
(function () {
  "use strict";
  var results = document.getElementById("search-results");
  var field = document.getElementById("search-q");
  if (!results || !field || !window.fetch || !window.URL) return;
  var statusEl = document.getElementById("search-status");
  var filtersEl = document.getElementById("search-filters");
  // The results' heading shows once there is a query (hidden before one, and without JS).
  var resultsSection = results.closest("section");
  var attr = function (name) {
    return results.getAttribute("data-" + name) || "";
  };
  var root = attr("root") || "/";
  var indexUrl = new URL(attr("index"), window.location.href);
  var pageTitle = document.title;
  var PAGE = 10;
  var RUN_CHECKS = 4 * PAGE;
  var MAX_TOKEN_BYTES = 64;

  // ---- Tokens, as render/search_tokens makes them.
  var reLN = /[\p{L}\p{N}]/u;
  var reMark = /\p{M}/u;
  var reCjk =
    /[\p{Script_Extensions=Han}\p{Script_Extensions=Hiragana}\p{Script_Extensions=Katakana}\p{Script_Extensions=Hangul}\p{Ideographic}]/u;
  var reThai = /[\u0E00-\u0E7F]+/g;
  var thaiWords = window.Intl && Intl.Segmenter ? new Intl.Segmenter("th", { granularity: "word" }) : null;

  function fold(s) {
    return s
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/\u0111/g, "d")
      .normalize("NFC")
      .toLowerCase();
  }
  function utf8Length(s) {
    return new TextEncoder().encode(s).length;
  }
  // Pieces: {text, cjk, joined}, like core/locale's search_pieces.
  function nonThaiPieces(run, out) {
    var word = "";
    var afterCjk = false;
    var flush = function () {
      if (word) out.push({ text: word, cjk: false, joined: false });
      word = "";
    };
    for (var c of fold(run)) {
      if (reLN.test(c) && reCjk.test(c)) {
        flush();
        out.push({ text: c, cjk: true, joined: afterCjk });
        afterCjk = true;
      } else if (reLN.test(c) || reMark.test(c)) {
        if (reMark.test(c) && !word && afterCjk) continue;
        word += c;
        afterCjk = false;
      } else {
        flush();
        afterCjk = false;
      }
    }
    flush();
  }
  function thaiPieces(run, out) {
    if (!thaiWords) {
      out.push({ text: fold(run), cjk: false, joined: false });
      return;
    }
    var first = true;
    for (var seg of thaiWords.segment(run)) {
      if (!reLN.test(seg.segment)) continue;
      out.push({ text: fold(seg.segment), cjk: false, joined: false, thai: true, inRun: !first });
      first = false;
    }
  }
  function pieces(text) {
    var out = [];
    var last = 0;
    text.replace(reThai, function (m, at) {
      nonThaiPieces(text.slice(last, at), out);
      thaiPieces(m, out);
      last = at + m.length;
      return m;
    });
    nonThaiPieces(text.slice(last), out);
    return out;
  }

  var CLITIC = /[\p{L}\p{N}]['\u2018\u2019](s|t|d|m|ll|re|ve)$/u;
  // Quotes around a phrase: straight ones, and those a phone or an input method types
  // (“ ” „ « » 「 」 『 』 ＂), any one opening and any one closing.
  var QUOTES = '"\u201C\u201D\u201E\u00AB\u00BB\u300C\u300D\u300E\u300F\uFF02';
  var PHRASE = new RegExp('[' + QUOTES + ']([^' + QUOTES + ']*)[' + QUOTES + ']?|(\\S+)', 'gu');
  var CLOSED = new RegExp('^[' + QUOTES + '][^' + QUOTES + ']*[' + QUOTES + ']$', 'u');
  var ENDED = new RegExp('[\\s' + QUOTES + ']$', 'u');

  // ---- The query: groups (a quoted phrase, or a run without spaces) whose terms must
  // occur at their offsets; all groups must occur. {token, offset (null: anywhere), prefix}
  function parseQuery(q) {
    var groups = [];
    var parts = [];
    var m;
    while ((m = PHRASE.exec(q))) {
      var quoted = m[1] !== undefined;
      // A phrase still being typed ("sign lang, its quote not yet closed): its last word is
      // the beginning of a word, as an unquoted last word is.
      parts.push({ text: quoted ? m[1] : m[2], quoted: quoted, open: quoted && !CLOSED.test(m[0]) });
    }
    var typing = !ENDED.test(q);
    parts.forEach(function (part, pi) {
      var ps = pieces(part.text);
      // An ending after an apostrophe (bureau's, don't, we'll) is a whole word: as a prefix,
      // "s" would find every word with an s after "bureau" (bureau staff).
      var clitic = CLITIC.test(fold(part.text).replace(/[^\p{L}\p{N}\p{M}]+$/u, ""));
      var terms = [];
      ps.forEach(function (p, i) {
        if (p.cjk) {
          // A run of CJK characters: itself when it has one or two, else each of its
          // pairs (they keep no positions: each need only be on the page).
          if (p.joined) return;
          var end = i + 1;
          while (end < ps.length && ps[end].cjk && ps[end].joined) end++;
          var run = ps.slice(i, end).map(function (c) {
            return c.text;
          });
          if (run.length <= 2) terms.push({ token: run.join(""), offset: null, cjk: true });
          for (var k = 0; run.length > 2 && k + 2 <= run.length; k++) {
            terms.push({ token: run.slice(k, k + 2).join(""), offset: null, cjk: true });
          }
        } else if (utf8Length(p.text) <= MAX_TOKEN_BYTES) {
          var prefix = typing && pi === parts.length - 1 && i === ps.length - 1 && (!part.quoted || part.open) && !clitic;
          terms.push({ token: p.text, offset: i, prefix: prefix });
        }
      });
      if (!terms.length) return;
      var group = { terms: terms, pieces: ps, wholeLast: clitic };
      var last = terms[terms.length - 1];
      var thaiRun = /([\u0E00-\u0E7F]+)[^\p{L}\p{N}\p{M}]*$/u.exec(part.text);
      if (last.prefix && ps[ps.length - 1].thai && thaiRun) group.alts = thaiTails(terms, ps, thaiRun[1]);
      groups.push(group);
    });
    return groups;
  }
  // A Thai word being typed is split by ICU as it stands, not as the word it will be:
  // ข้อมู as ข้อ and มู (the page has ข้อมูล, one word), ผู้สูงอ as ผู้, สู and งอ (the page
  // has ผู้, สูง and อายุ). The other readings of the query's last run of Thai (`run`, as
  // typed; its pieces end `ps`): cut where a syllable can start, what is before the cut
  // split by ICU (each word whole) and what is after it the beginning of a word. Cuts
  // within its last two pieces, and before the third last (its last pieces written
  // together: ข้อมู); each reading a list of terms like `terms`. Each reading may read
  // a shard more, so the cuts stay near the end, where the word being typed is.
  function thaiTails(terms, ps, run) {
    if (!thaiWords) return [];
    var n = ps.length;
    var r0 = n - 1;
    while (r0 > 0 && ps[r0].inRun && ps[r0 - 1].thai) r0--;
    var starts = [];
    for (var seg of thaiWords.segment(run)) {
      if (reLN.test(seg.segment)) starts.push(seg.index);
    }
    var cuts = starts.slice(-3);
    for (var k = starts.length >= 2 ? starts[starts.length - 2] : 0; k < run.length; k++) {
      var c = run.charCodeAt(k);
      if ((c >= 0x0e01 && c <= 0x0e2e) || (c >= 0x0e40 && c <= 0x0e44)) cuts.push(k);
    }
    var before = terms.filter(function (t) {
      return t.offset === null || t.offset < r0;
    });
    var key = function (ts) {
      return ts
        .map(function (t) {
          return t.offset + ":" + t.token + (t.prefix ? "*" : "");
        })
        .join(" ");
    };
    var seen = {};
    seen[key(terms)] = true;
    var alts = [];
    cuts.forEach(function (cut) {
      var head = [];
      if (cut > 0) thaiPieces(run.slice(0, cut), head);
      var tail = fold(run.slice(cut));
      if (!tail || utf8Length(tail) > MAX_TOKEN_BYTES) return;
      var reading = before.slice();
      head.forEach(function (p, i) {
        reading.push({ token: p.text, offset: r0 + i, prefix: false });
      });
      reading.push({ token: tail, offset: r0 + head.length, prefix: true });
      if (seen[key(reading)]) return;
      seen[key(reading)] = true;
      alts.push(reading);
    });
    return alts;
  }
  // The queries to run: `groups` as they are, and where the last group has other readings
  // (thaiTails), the same with each of those; a page found by any of them is found.
  function readings(groups) {
    var out = [groups];
    var last = groups[groups.length - 1];
    (last.alts || []).forEach(function (terms) {
      out.push(groups.slice(0, -1).concat([{ terms: terms, pieces: last.pieces, wholeLast: last.wholeLast }]));
    });
    return out;
  }

  // ---- Index files.
  var cache = {};
  function get(path, json) {
    var url = new URL(path, indexUrl).href;
    if (!cache[url]) {
      cache[url] = fetch(url).then(function (r) {
        if (!r.ok) throw new Error(url + ": " + r.status);
        return json ? r.json() : r.text();
      });
    }
    return cache[url];
  }
  function cmp(a, b) {
    // Code point order, as the generator sorts (UTF-8 byte order).
    var ia = a[Symbol.iterator](),
      ib = b[Symbol.iterator]();
    for (;;) {
      var x = ia.next(),
        y = ib.next();
      if (x.done || y.done) return x.done === y.done ? 0 : x.done ? -1 : 1;
      var d = x.value.codePointAt(0) - y.value.codePointAt(0);
      if (d) return d;
    }
  }
  function shardOf(manifest, token) {
    var lo = 0,
      hi = manifest.shards.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (cmp(manifest.shards[mid], token) <= 0) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  var DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  function readVlq(s, state) {
    var v = 0,
      shift = 0;
    for (;;) {
      var d = DIGITS.indexOf(s[state.i++]);
      if (d < 0) throw new Error("bad index");
      v += (d & 31) * Math.pow(2, shift);
      if (!(d & 32)) return v;
      shift += 5;
    }
  }
  // doc -> {field, count, positions}. Postings have positions (as many as their count)
  // unless they start with "*" (CJK tokens); a page list whose positions are
  // in a file of their own ("#k#" before it) reads them from `apart` (null: none read).
  function readPostings(s, into, apart) {
    var positional = s[0] !== "*";
    var state = { i: positional ? 0 : 1 },
      doc = -1;
    var posText = s,
      posState = state;
    if (s[0] === "#") {
      state.i = s.indexOf("#", 1) + 1;
      positional = apart !== null;
      posText = apart;
      posState = { i: 0 };
    }
    while (state.i < s.length) {
      var gap = readVlq(s, state);
      doc = doc < 0 ? gap - 1 : doc + gap;
      var w = readVlq(s, state);
      var count = Math.floor(w / 3) + 1;
      var positions = [],
        pos = 0;
      for (var k = 0; positional && k < count; k++) {
        pos += readVlq(posText, posState);
        positions.push(pos);
      }
      var old = into.get(doc);
      if (old) {
        old.field = Math.max(old.field, w % 3);
        old.count += count;
        old.positions = old.positions.concat(positions).sort(function (a, b) {
          return a - b;
        });
      } else {
        into.set(doc, { field: w % 3, count: count, positions: positions });
      }
    }
  }
  // The positions kept apart of the postings line `postings`, when `want`ed: a promise of
  // their text, or of null.
  function positionsOf(postings, want) {
    if (!want || postings[0] !== "#") return Promise.resolve(null);
    return get("p/" + postings.slice(1, postings.indexOf("#", 1)) + ".txt", false);
  }
  // Which of the hashed shards a CJK token is in (before the modulo): FNV-1a of its UTF-8
  // bytes, as the generator computes it (render/search_shards.h).
  function cjkShardHash(token) {
    var bytes = new TextEncoder().encode(token),
      h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
    return h;
  }
  // The postings of a term: its own line, or for a prefix every token it begins (in at
  // most three shards); with positions only when `withPositions` (or kept in the line).
  // A CJK token is in a shard of its own (listed in the manifest's "alone", after the words'
  // named shards) or else in one of the hashed shards that follow.
  function lookup(manifest, term, withPositions) {
    var files = [];
    if (term.cjk) {
      if (!manifest.aloneAt) {
        manifest.aloneAt = new Map();
        (manifest.alone || []).forEach(function (token, i) {
          manifest.aloneAt.set(token, manifest.shards.length + i);
        });
      }
      var own = manifest.aloneAt.get(term.token);
      var firstHashed = manifest.shards.length + (manifest.alone || []).length;
      if (own !== undefined) files.push(get("s/" + own + ".txt", false));
      else if (manifest.hashed) files.push(get("s/" + (firstHashed + (cjkShardHash(term.token) % manifest.hashed)) + ".txt", false));
    } else if (manifest.shards.length) {
      var first = shardOf(manifest, term.token);
      var last = first;
      if (term.prefix) {
        // The shards of the words it begins, so a page whose only such word is in a later
        // shard is found too: at most twelve (a beginning shared by more words, on a large
        // site, would cost 200 KB; its next letters narrow it), a single letter three.
        var most = Array.from(term.token).length > 1 ? first + 11 : first + 2;
        while (last + 1 < manifest.shards.length && manifest.shards[last + 1].indexOf(term.token) === 0 && last < most) last++;
      }
      for (var s = first; s <= last; s++) files.push(get("s/" + s + ".txt", false));
    }
    return Promise.all(files).then(function (texts) {
      var lines = [];
      texts.forEach(function (text) {
        text.split("\n").forEach(function (line) {
          var tab = line.indexOf("\t");
          if (tab < 0) return;
          var token = line.slice(0, tab);
          if (token === term.token || (term.prefix && token.indexOf(term.token) === 0)) {
            lines.push(line.slice(tab + 1));
          }
        });
      });
      return Promise.all(
        lines.map(function (line) {
          return positionsOf(line, withPositions);
        }),
      ).then(function (apart) {
        var postings = new Map();
        lines.forEach(function (line, i) {
          readPostings(line, postings, apart[i]);
        });
        return postings;
      });
    });
  }
  function has(sorted, v) {
    var lo = 0,
      hi = sorted.length - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (sorted[mid] === v) return true;
      if (sorted[mid] < v) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
  // Where a group occurs in a document: the start positions of its terms in order, or
  // null when it does not (positions of CJK tokens are not kept, nor read for
  // a query of one term: [] if found).
  function groupMatch(group, lists, doc) {
    var placed = [];
    for (var k = 0; k < group.terms.length; k++) {
      var p = lists[k].get(doc);
      if (!p) return null;
      if (group.terms[k].offset !== null) placed.push({ offset: group.terms[k].offset, positions: p.positions });
    }
    if (!placed.length || (placed.length === 1 && !placed[0].positions.length)) return [];
    var starts = [];
    placed[0].positions.forEach(function (p0) {
      var base = p0 - placed[0].offset;
      for (var j = 1; j < placed.length; j++) {
        if (!has(placed[j].positions, base + placed[j].offset)) return;
      }
      starts.push(base);
    });
    return starts.length ? starts : null;
  }
  function closest(a, b) {
    var best = Infinity,
      i = 0,
      j = 0;
    while (i < a.length && j < b.length) {
      best = Math.min(best, Math.abs(a[i] - b[j]));
      if (a[i] < b[j]) i++;
      else j++;
    }
    return best;
  }
  // The hits [{doc, field, score}] of a query's groups, unranked.
  function run(manifest, groups) {
    // Positions are needed to check a phrase or run of terms, so a phrase reads those kept
    // apart too. Nearness ranks by the positions the lines hold: a word whose positions are
    // kept apart is on most pages, and its positions would cost a query of several words
    // more than everything else it reads (on a large site, over 100 KB), to rank pages that
    // all have the word.
    var all = [];
    groups.forEach(function (g) {
      var placed = g.terms.filter(function (t) {
        return t.offset !== null;
      }).length;
      g.terms.forEach(function (t) {
        all.push(lookup(manifest, t, placed > 1));
      });
    });
    return Promise.all(all).then(function (lists) {
      var k = 0;
      var perGroup = groups.map(function (g) {
        var l = lists.slice(k, k + g.terms.length);
        k += g.terms.length;
        return l;
      });
      // Candidates: the documents of the rarest term.
      var rarest = lists.reduce(function (a, b) {
        return a.size <= b.size ? a : b;
      });
      var hits = [];
      rarest.forEach(function (_, doc) {
        // The page's field is the lowest of its groups': a query's words are in the title
        // when all of them are (the nam of năm in a title does not put "Đài Nam" there);
        // then the more of them in the title or a heading, the higher.
        var field = 2,
          fields = 0,
          often = 0,
          spots = [];
        for (var gi = 0; gi < groups.length; gi++) {
          var at = groupMatch(groups[gi], perGroup[gi], doc);
          if (!at) return;
          spots.push(at);
          // A group is in the title only if all its terms are: the "s" of bureau's, or one
          // pair of a CJK run, in a title does not put the group there.
          var groupField = 2;
          perGroup[gi].forEach(function (list) {
            var p = list.get(doc);
            groupField = Math.min(groupField, p.field);
            often += Math.log(1 + p.count);
          });
          field = Math.min(field, groupField);
          fields += groupField;
        }
        var near = 0;
        for (var s = 1; s < spots.length; s++) {
          if (spots[s].length && spots[s - 1].length) near += 1 / (1 + closest(spots[s - 1], spots[s]));
        }
        hits.push({ doc: doc, field: field, fields: fields, score: often + 3 * near });
      });
      return hits;
    });
  }
  // The hits of each reading of a query (readings), ranked: the pages the query's own
  // reading finds first (another reading finds more, such as a Thai word's start that the
  // query's last word is not on its own: ข้อ|มู), a page found by several keeping its best;
  // then the best field, how often and how close, then newer.
  function rank(manifest, perReading) {
    var best = new Map();
    perReading.forEach(function (hits, reading) {
      hits.forEach(function (h) {
        h.other = reading > 0;
        var old = best.get(h.doc);
        var better = old && old.other === h.other && (h.field - old.field || h.fields - old.fields || h.score - old.score) > 0;
        if (!old || old.other > h.other || better) best.set(h.doc, h);
      });
    });
    var hits = Array.from(best.values());
    // Pages ranked late (the manifest's "late" on: an indicator, a plan's detail) after
    // every other page, so that they never take a content page's place in the first ten.
    var late = manifest.late === undefined ? Infinity : manifest.late;
    hits.sort(function (a, b) {
      return (a.doc >= late) - (b.doc >= late) || a.other - b.other || b.field - a.field || b.fields - a.fields || b.score - a.score || a.doc - b.doc;
    });
    return hits;
  }

  // ---- Excerpts: the text around the first match, matches marked.
  function foldedWithMap(text) {
    var folded = "",
      map = [],
      i = 0;
    for (var c of text) {
      var f = fold(c);
      for (var u = 0; u < f.length; u++) map.push(i);
      folded += f;
      i += c.length;
    }
    map.push(i);
    return { folded: folded, map: map };
  }
  // What to mark: runs of CJK characters as they are, other words where a word starts
  // (the last word typed may be the start of a longer one; Thai has no spaces to start at),
  // an ending after an apostrophe (the s of bureau's) only as a whole word.
  function needles(groups) {
    var out = [];
    groups.forEach(function (g) {
      var run = "";
      g.pieces.forEach(function (p, i) {
        if (p.cjk) {
          run += p.text;
        } else {
          if (run) out.push({ text: run, word: false });
          run = "";
          var whole = !!g.wholeLast && i === g.pieces.length - 1;
          out.push({ text: p.text, word: !/[\u0E00-\u0E7F]/.test(p.text), whole: whole });
        }
      });
      if (run) out.push({ text: run, word: false });
    });
    return out.sort(function (a, b) {
      return b.text.length - a.text.length;
    });
  }
  // Whether a word starts at `at` of `s`: not after a letter, digit or mark of a word (a CJK
  // character ends a word).
  function wordStart(s, at) {
    var before = Array.from(s.slice(Math.max(0, at - 2), at)).pop();
    return !before || reCjk.test(before) || !(reLN.test(before) || reMark.test(before));
  }
  // Whether a word ends just before `at` of `s`: no letter, digit or mark of a word there.
  function wordEnd(s, at) {
    var after = s.codePointAt(at);
    if (after === undefined) return true;
    var c = String.fromCodePoint(after);
    return reCjk.test(c) || !(reLN.test(c) || reMark.test(c));
  }
  function excerpt(text, groups) {
    var fm = foldedWithMap(text);
    var marks = [];
    needles(groups).forEach(function (n) {
      var len = n.text.length;
      for (var at = fm.folded.indexOf(n.text); at >= 0; at = fm.folded.indexOf(n.text, at + 1)) {
        if (n.word && !wordStart(fm.folded, at)) continue;
        if (n.whole && !wordEnd(fm.folded, at + len)) continue;
        marks.push([fm.map[at], fm.map[at + len]]);
        at += len - 1;
      }
    });
    marks.sort(function (a, b) {
      return a[0] - b[0];
    });
    var first = marks.length ? marks[0][0] : 0;
    // About 50 characters before the first match and 110 after; starting at its block
    // (paragraph, heading) when that begins in between, else at a word; ending at a word.
    var start = Math.max(0, first - 50),
      end = Math.min(text.length, start + 160);
    var block = first > 0 ? text.lastIndexOf("\n", first - 1) : -1;
    if (block >= start) {
      start = block + 1;
    } else if (start > 0) {
      var space = text.indexOf(" ", start);
      if (space >= 0 && space < first) start = space + 1;
    }
    if (end < text.length) {
      var last = text.lastIndexOf(" ", end);
      if (last > end - 20 && last > first) end = last;
    }
    var frag = document.createDocumentFragment();
    if (start > 0) frag.appendChild(document.createTextNode("…"));
    var at = start;
    marks.forEach(function (m) {
      if (m[0] < at || m[1] > end) return;
      frag.appendChild(document.createTextNode(text.slice(at, m[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(m[0], m[1]);
      frag.appendChild(mark);
      at = m[1];
    });
    frag.appendChild(document.createTextNode(text.slice(at, end) + (end < text.length ? "…" : "")));
    return frag;
  }

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
      if (f.section !== undefined && m.doc_sections[h.doc] !== DIGITS[f.section]) return false;
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
        doc = k ? doc + readVlq(code, state) : readVlq(code, state);
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
          return { value: i, name: name || attr("filter-other") };
        }),
        count: function (h, i) {
          return m.doc_sections[h.doc] === DIGITS[i];
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
        options: (current.terms || []).map(function (t, i) {
          return { value: i, name: t[0] + ": " + t[1] };
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
          return { value: o.value, name: o.name, n: n };
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
      counted.forEach(function (o) {
        var opt = document.createElement("option");
        opt.value = String(o.value);
        opt.textContent = o.name + " (" + o.n + ")";
        if (current.filter[choice.key] === o.value) opt.selected = true;
        select.appendChild(opt);
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
        get("terms.json", true).then(function (terms) {
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
  // A result's chunk entry [url, section, date, bytes], with where its title and text are
  // ({file, offset}: the chunk's texts follow one another from its "x").
  function chunkOf(doc) {
    return get("d/" + Math.floor(doc / current.manifest.chunk) + ".json", true).then(function (chunk) {
      var k = doc % current.manifest.chunk,
        offset = chunk.x[1];
      for (var i = 0; i < k; i++) offset += chunk.d[i][3];
      return { entry: chunk.d[k], file: chunk.x[0], offset: offset };
    });
  }
  // A page's title and text ({title, text}): its bytes of x/<file>.bin, read by a range
  // request and inflated; null where the host answers a range with the whole file (that
  // download is stopped, and no range is asked for again).
  var ranges = window.DecompressionStream && window.AbortController ? {} : null;
  // The header every text of the language shares (its Huffman codes: the manifest's "xh"),
  // which goes before a text's bytes to make the deflate stream.
  function textHeader(manifest) {
    if (!manifest.xhBytes) {
      var s = atob(manifest.xh || "");
      manifest.xhBytes = new Uint8Array(s.length);
      for (var i = 0; i < s.length; i++) manifest.xhBytes[i] = s.charCodeAt(i);
    }
    return manifest.xhBytes;
  }
  function textOf(place) {
    var bytes = place.entry[3];
    if (!bytes || !ranges) return Promise.resolve(null);
    var url = new URL("x/" + place.file + ".bin", indexUrl).href;
    var range = "bytes=" + place.offset + "-" + (place.offset + bytes - 1);
    var key = url + "#" + range;
    if (!ranges[key]) {
      var header = textHeader(current.manifest);
      var abort = new AbortController();
      ranges[key] = fetch(url, { headers: { Range: range }, signal: abort.signal })
        .then(function (r) {
          if (r.status !== 206) {
            abort.abort();
            ranges = null;
            return null;
          }
          return r.arrayBuffer().then(function (bytes) {
            var inflated = new Blob([header, bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
            return new Response(inflated).text();
          }).then(function (all) {
            var line = all.indexOf("\n");
            return line < 0 ? { title: all, text: "" } : { title: all.slice(0, line), text: all.slice(line + 1) };
          });
        })
        .catch(function () {
          return null;
        });
    }
    return ranges[key];
  }
  // Fills in a listed result once its title and text arrive: the title replaces the address
  // in its link, and the excerpt follows its section and date. Nothing is announced.
  function fill(item, page, groups) {
    if (!page) return;
    if (page.title) item.querySelector("h3 a").textContent = page.title;
    if (page.text) {
      // Text nodes and <mark> elements only: the page's text is never parsed as HTML.
      var p = document.createElement("p");
      p.className = "search-excerpt";
      p.appendChild(excerpt(page.text, groups));
      item.appendChild(p);
    }
  }
  // A result's place in its chunk and its title and text ({place, page}; both fetched
  // once, whoever asks).
  function placeAndText(doc) {
    return chunkOf(doc).then(function (place) {
      return textOf(place).then(function (page) {
        return { place: place, page: page };
      });
    });
  }
  // The query's runs of three or more CJK characters. The index finds a run by its pairs,
  // so a page can have every pair and not the run.
  function longRuns(groups) {
    var out = [];
    groups.forEach(function (g) {
      var run = [];
      g.pieces.concat([{ cjk: false }]).forEach(function (p) {
        if (p.cjk && p.joined) {
          run.push(p.text);
          return;
        }
        if (run.length >= 3) out.push(run.join(""));
        run = p.cjk ? [p.text] : [];
      });
    });
    return out;
  }
  // Whether a page's title or text ({title, text}) has every run of `runs`.
  function hasRuns(page, runs) {
    var all = fold(page.title + "\n" + page.text);
    return runs.every(function (r) {
      return all.indexOf(r) >= 0;
    });
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
            h.dropped = !!got.page && !hasRuns(got.page, runs);
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
      if (!pages[i] || hasRuns(pages[i], runs)) return;
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
    heading.appendChild(link);
    item.appendChild(heading);
    if (d[1] || d[2]) {
      var meta = document.createElement("p");
      meta.className = "search-meta";
      meta.textContent = [d[1], d[2]].filter(Boolean).join(" · ");
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
    var runs = longRuns(current.groups);
    var candidates = current.hits.length;
    if (!runs.length || !hits.length) sayCount(hits, true);
    else if (!more) say(attr("searching"));
    if (!more) {
      results.textContent = "";
      current.shown = 0;
    }
    if (!hits.length) {
      results.appendChild(noResults());
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
  function search(query) {
    var gen = ++generation;
    current.query = query.trim();
    current.filter = {};
    var groups = parseQuery(current.query);
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
    get("index.json", true)
      .then(function (manifest) {
        current.manifest = manifest;
        return Promise.all(
          readings(groups).map(function (r) {
            return run(manifest, r);
          }),
        ).then(function (perReading) {
          return rank(manifest, perReading);
        });
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
    get("index.json", true).catch(function () {});
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
