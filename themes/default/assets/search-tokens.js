// The site search's tokens, made exactly as the generator makes them (render/search_tokens):
// folded words (lower case, compatibility forms, no diacritics, đ, ð, ı, ł, ø, ß, æ, œ as
// the letters typed for them, ʼ as ’, no soft hyphens or zero-width joiners), Thai split at word breaks, Han/kana/hangul as single characters (a
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

  // Marks typed for an apostrophe (ʼ ʻ ´ `), the apostrophe ’, which is no letter.
  var reApostrophe = /[\u02BC\u02BB\u00B4`]/g;
  // Latin letters NFKD leaves whole, as a reader types them without their stroke.
  var PLAIN = { "\u0111": "d", "\u00F0": "d", "\u0256": "d", "\u0131": "i", "\u0142": "l", "\u00F8": "o", "\u00DF": "ss", "\u00E6": "ae", "\u0153": "oe" };
  var rePlain = /[\u0111\u00F0\u0256\u0131\u0142\u00F8\u00DF\u00E6\u0153]/g;
  // Thai spellings that look alike, written one way (core/search_fold's thai_normal_form):
  // แ for เเ, tone marks before ำ or nikhahit, nikhahit and sara aa as ำ.
  function thaiNormal(s) {
    if (!/[\u0E40\u0E4D\u0E33]/.test(s)) return s;
    return s
      .replace(/\u0E40\u0E40/g, "\u0E41")
      .replace(/([\u0E4D\u0E33])([\u0E48-\u0E4B]+)/g, "$2$1")
      .replace(/\u0E4D\u0E32/g, "\u0E33")
      .replace(/\u0E33([\u0E48-\u0E4B]+)/g, "$1\u0E33");
  }
  function fold(s) {
    return thaiNormal(s.replace(reInvisible, ""))
      .toLowerCase()
      .replace(reApostrophe, "\u2019")
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(rePlain, function (c) {
        return PLAIN[c];
      })
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
    text = thaiNormal(text.replace(reInvisible, ""));
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
  search.thaiNormal = thaiNormal;
  search.utf8Length = utf8Length;
  search.thaiPieces = thaiPieces;
  search.pieces = pieces;
})((window.fireflySearch = window.fireflySearch || {}));
