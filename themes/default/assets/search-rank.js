// The site search's hits: the pages where every group of a query occurs, its terms at
// their offsets, and their order (the best field, how often and how close, then newer).
// A part of the site search: it adds its functions to window.fireflySearch, which search.js,
// loaded after every part, uses.
(function (search) {
  "use strict";
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
  function run(index, manifest, groups) {
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
        all.push(index.lookup(manifest, t, placed > 1));
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

  search.run = run;
  search.rank = rank;
})((window.fireflySearch = window.fireflySearch || {}));
