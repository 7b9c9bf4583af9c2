// The site search's excerpts: the text around a result's first match, matches marked.
// A part of the site search: it adds its functions to window.fireflySearch, which search.js,
// loaded after every part, uses.
(function (search) {
  "use strict";
  // A character, or what Thai writes for one spelling in several (search-tokens.js's
  // thaiNormal): two sara e, a nikhahit or ำ with the tone marks and sara aa after it.
  var reUnit = /\u0E40\u0E40|[\u0E4D\u0E33][\u0E32\u0E48-\u0E4B]+|[\s\S]/gu;
  function foldedWithMap(text) {
    var folded = "",
      map = [],
      i = 0;
    for (var c of text.match(reUnit) || []) {
      var f = search.fold(c);
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
    return !before || search.reCjk.test(before) || !(search.reLN.test(before) || search.reMark.test(before));
  }
  // Whether a word ends just before `at` of `s`: no letter, digit or mark of a word there.
  function wordEnd(s, at) {
    var after = s.codePointAt(at);
    if (after === undefined) return true;
    var c = String.fromCodePoint(after);
    return search.reCjk.test(c) || !(search.reLN.test(c) || search.reMark.test(c));
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

  search.excerpt = excerpt;
})((window.fireflySearch = window.fireflySearch || {}));
