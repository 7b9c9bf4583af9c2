// The site search's query: its groups of terms (a quoted phrase, or a run without spaces),
// the other readings of a Thai word being typed, and its runs of three or more CJK
// characters, which the index finds only by their pairs.
// A part of the site search: it adds its functions to window.fireflySearch, which search.js,
// loaded after every part, uses.
(function (search) {
  "use strict";
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
    q = search.thaiNormal(q);  // its Thai runs are read (and cut) as the index reads them
    var groups = parseGroups(q);
    if (groups.length) groups.joined = thaiJoined(q).concat(hanVariants(q)).map(parseGroups);
    return groups;
  }
  // 臺 and 台 are both written in Taiwan (a site may have 臺南市 on some pages and 台南市 on
  // others): a query with either is also read with the other, and the pages only that
  // reading finds come after those of the query as typed.
  function hanVariants(q) {
    var out = [];
    if (q.indexOf("\u81FA") >= 0) out.push(q.replace(/\u81FA/g, "\u53F0"));
    if (q.indexOf("\u53F0") >= 0) out.push(q.replace(/\u53F0/g, "\u81FA"));
    return out;
  }
  // Text with 臺 written 台, to compare a run of the query with a page's text either way.
  function sameHan(s) {
    return s.replace(/\u81FA/g, "\u53F0");
  }
  function parseGroups(q) {
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
      var ps = search.pieces(part.text);
      // An ending after an apostrophe (bureau's, don't, we'll) is a whole word: as a prefix,
      // "s" would find every word with an s after "bureau" (bureau staff).
      var clitic = CLITIC.test(search.fold(part.text).replace(/[^\p{L}\p{N}\p{M}]+$/u, ""));
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
        } else if (search.utf8Length(p.text) <= search.MAX_TOKEN_BYTES) {
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
  // A space typed inside a Thai word (แรง งาน for แรงงาน): Thai is written without spaces
  // between its words, so the query is also read with each space between two Thai letters
  // taken out (the first two, one at a time; each reading may read a shard more), and
  // with all of them out when it has several: the queries to parse.
  // A zero-width space (U+200B, which some Thai keyboards and editors put between words) is
  // such a space too.
  var THAI_SPACE = /([\u0E00-\u0E7F])[\s\u200B]+(?=[\u0E00-\u0E7F])/g;
  function thaiJoined(q) {
    var spaces = [];
    var m;
    THAI_SPACE.lastIndex = 0;
    while ((m = THAI_SPACE.exec(q)) && spaces.length < 2) spaces.push(m);
    var out = spaces.map(function (sp) {
      var at = sp.index + sp[1].length;
      return q.slice(0, at) + q.slice(at + sp[0].length - sp[1].length);
    });
    if (spaces.length > 1) out.push(q.replace(THAI_SPACE, "$1"));  // every space, not only two
    return out;
  }
  // A Thai word being typed is split by ICU as it stands, not as the word it will be:
  // ข้อมู as ข้อ and มู (the page has ข้อมูล, one word), ผู้สูงอ as ผู้, สู and งอ (the page
  // has ผู้, สูง and อายุ). The other readings of the query's last run of Thai (`run`, as
  // typed; its search.pieces end `ps`): cut where a syllable can start, what is before the cut
  // split by ICU (each word whole) and what is after it the beginning of a word. Cuts
  // within its last two search.pieces, and before the third last (its last search.pieces written
  // together: ข้อมู); each reading a list of terms like `terms`. Each reading may read
  // a shard more, so the cuts stay near the end, where the word being typed is.
  function thaiTails(terms, ps, run) {
    if (!search.thaiWords) return [];
    var n = ps.length;
    var r0 = n - 1;
    while (r0 > 0 && ps[r0].inRun && ps[r0 - 1].thai) r0--;
    var starts = [];
    for (var seg of search.thaiWords.segment(run)) {
      if (search.reLN.test(seg.segment)) starts.push(seg.index);
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
      if (cut > 0) search.thaiPieces(run.slice(0, cut), head);
      var tail = search.fold(run.slice(cut));
      if (!tail || search.utf8Length(tail) > search.MAX_TOKEN_BYTES) return;
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
  // Then the readings of the query with a space inside a Thai word taken out (thaiJoined).
  function readings(groups) {
    var out = [groups];
    var last = groups[groups.length - 1];
    (last.alts || []).forEach(function (terms) {
      out.push(groups.slice(0, -1).concat([{ terms: terms, pieces: last.pieces, wholeLast: last.wholeLast }]));
    });
    (groups.joined || []).forEach(function (joined) {
      if (joined.length) out = out.concat(readings(joined));
    });
    return out;
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
  // Whether a page's title or text ({title, text}) has every run of `runs`; with `other`
  // (a page another reading found), 臺 and 台 taken as one. A page the query as typed
  // found must have the runs as typed: one with 臺南 and 台南市 is not listed for 臺南市
  // among the pages that have it.
  function hasRuns(page, runs, other) {
    var same = other ? sameHan : function (s) {
      return s;
    };
    var all = same(search.fold(page.title + "\n" + page.text));
    return runs.every(function (r) {
      return all.indexOf(same(r)) >= 0;
    });
  }

  search.parseQuery = parseQuery;
  search.readings = readings;
  search.longRuns = longRuns;
  search.hasRuns = hasRuns;
})((window.fireflySearch = window.fireflySearch || {}));
