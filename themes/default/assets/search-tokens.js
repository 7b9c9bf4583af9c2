// The site search's tokens, made exactly as the generator makes them (render/search_tokens):
// folded words (lower case, compatibility forms, no diacritics, đ as d, no soft hyphens or
// zero-width joiners), Thai split at word breaks, Han/kana/hangul as single characters (a
// query's pairs: search-query.js).
// A part of the site search: it adds its functions to window.fireflySearch, which search.js,
// loaded after every part, uses.
(function (search) {
  "use strict";
  var MAX_TOKEN_BYTES = 64;

  var reLN = /[\p{L}\p{N}]/u;
  var reMark = /\p{M}/u;
  var reCjk =
    /[\p{Script_Extensions=Han}\p{Script_Extensions=Hiragana}\p{Script_Extensions=Katakana}\p{Script_Extensions=Hangul}\p{Ideographic}]/u;
  var reThai = /[\u0E00-\u0E7F]+/g;
  var thaiWords = window.Intl && Intl.Segmenter ? new Intl.Segmenter("th", { granularity: "word" }) : null;

  // What a reader does not see inside a word, taken out so that the word is found whole: a
  // soft hyphen, a zero-width non-joiner, joiner or word joiner, U+FEFF (core/locale alike).
  var reInvisible = /[\u00AD\u200C\u200D\u2060\uFEFF]/g;

  function fold(s) {
    return s
      .replace(reInvisible, "")
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
        // A mark on no letter of a word: on a CJK character, or the U+FE0F of an emoji (❤️).
        if (reMark.test(c) && !word) continue;
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
    text = text.replace(reInvisible, "");
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

  search.MAX_TOKEN_BYTES = MAX_TOKEN_BYTES;
  search.reLN = reLN;
  search.reMark = reMark;
  search.reCjk = reCjk;
  search.thaiWords = thaiWords;
  search.fold = fold;
  search.utf8Length = utf8Length;
  search.thaiPieces = thaiPieces;
  search.pieces = pieces;
})((window.fireflySearch = window.fireflySearch || {}));
