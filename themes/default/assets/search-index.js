// The site search's index files (search/<lang>/, written by Firefly's render/search_index;
// docs/search.md): the manifest, the shards that hold a query's tokens, and the postings
// of each term, read as base-64 numbers.
// A part of the site search: it adds its functions to window.fireflySearch, which search.js,
// loaded after every part, uses.
(function (search) {
  "use strict";
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
  // Which of the hashed shards a CJK token is in (before the modulo): FNV-1a of its UTF-8
  // bytes, as the generator computes it (render/search_shards.h).
  function cjkShardHash(token) {
    var bytes = new TextEncoder().encode(token),
      h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
    return h;
  }
  // A reader of the index whose manifest is at `indexUrl`: each file fetched once.
  function openIndex(indexUrl) {
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
    // The positions kept apart of the postings line `postings`, when `want`ed: a promise of
    // their text, or of null.
    function positionsOf(postings, want) {
      if (!want || postings[0] !== "#") return Promise.resolve(null);
      return get("p/" + postings.slice(1, postings.indexOf("#", 1)) + ".txt", false);
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
    // The address of the index's file `path`.
    function href(path) {
      return new URL(path, indexUrl).href;
    }
    return { href: href, get: get, lookup: lookup };
  }

  // Whether page `doc` of an index is written in its language: false for a page it shows
  // untranslated, in the default language (the manifest's "fallback": runs of them, each
  // the gap from the end of the run before and its length).
  function writtenIn(manifest) {
    var runs = [],
      s = manifest.fallback || "",
      state = { i: 0 },
      end = 0;
    while (state.i < s.length) {
      var first = end + readVlq(s, state);
      end = first + readVlq(s, state);
      runs.push([first, end]);
    }
    return function (doc) {
      return !runs.some(function (r) {
        return doc >= r[0] && doc < r[1];
      });
    };
  }

  search.DIGITS = DIGITS;
  search.writtenIn = writtenIn;
  search.readVlq = readVlq;
  search.openIndex = openIndex;
})((window.fireflySearch = window.fireflySearch || {}));
