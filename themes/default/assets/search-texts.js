// The site search's results: each one's entry in its chunk, and its title and text, read
// by a range request and inflated.
// A part of the site search: it adds its functions to window.fireflySearch, which search.js,
// loaded after every part, uses.
(function (search) {
  "use strict";
  // The results' texts from `index` (openIndex), whose manifest `manifest()` returns.
  function openTexts(index, manifest) {
    // A result's chunk entry [url, section, date, bytes], with where its title and text are
    // ({file, offset}: the chunk's texts follow one another from its "x").
    function chunkOf(doc) {
      return index.get("d/" + Math.floor(doc / manifest().chunk) + ".json", true).then(function (chunk) {
        var k = doc % manifest().chunk,
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
      var url = index.href("x/" + place.file + ".bin");
      var range = "bytes=" + place.offset + "-" + (place.offset + bytes - 1);
      var key = url + "#" + range;
      if (!ranges[key]) {
        var header = textHeader(manifest());
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
    // A result's place in its chunk and its title and text ({place, page}; both fetched
    // once, whoever asks).
    function placeAndText(doc) {
      return chunkOf(doc).then(function (place) {
        return textOf(place).then(function (page) {
          return { place: place, page: page };
        });
      });
    }
    return { chunkOf: chunkOf, textOf: textOf, placeAndText: placeAndText };
  }

  search.openTexts = openTexts;
})((window.fireflySearch = window.fireflySearch || {}));
