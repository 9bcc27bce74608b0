// Search text for the browser: the same normaliser and tokeniser as plugins/site_search/text.py
// (read its docstring for why CJK text becomes ASCII bigram tokens). Keep both in step:
// tests/site_search/test_text.py runs this file in chromium and compares with the Python one.
(function (root) {
  "use strict";

  var MARKER = "qj";
  var BASE = 0x3000;
  var DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";
  var WIDTH = 3;
  var LIMIT = BASE + Math.pow(DIGITS.length, WIDTH);
  var WORD = /^[\p{L}\p{N}]$/u;

  function kanaFold(code) {
    if (code >= 0x30a1 && code <= 0x30f6) return code - 0x60;
    if (code === 0x30fd) return 0x309d;
    if (code === 0x30fe) return 0x309e;
    return code;
  }

  // NFKC (full/half width folded), lower case, katakana as hiragana.
  function normalise(text) {
    var folded = text.normalize("NFKC").toLowerCase();
    var out = "";
    for (var char of folded) {
      out += String.fromCodePoint(kanaFold(char.codePointAt(0)));
    }
    return out;
  }

  function isCjk(char) {
    var code = char.codePointAt(0);
    if (code >= LIMIT || code < BASE) return false;
    return (
      (code >= 0x3041 && code <= 0x3096) ||
      (code >= 0x309d && code <= 0x309f) ||
      (code >= 0x30a1 && code <= 0x30fa) ||
      code === 0x30fc || code === 0x30ff || code === 0x3005 || code === 0x3006 ||
      code === 0x3007 || code === 0x303b ||
      (code >= 0x31f0 && code <= 0x31ff) ||
      (code >= 0x3400 && code <= 0x4dbf) ||
      (code >= 0x4e00 && code <= 0x9fff)
    );
  }

  function encode(chars) {
    var out = MARKER;
    for (var char of chars) {
      var value = char.codePointAt(0) - BASE;
      var digits = "";
      for (var i = 0; i < WIDTH; i++) {
        digits = DIGITS[value % DIGITS.length] + digits;
        value = Math.floor(value / DIGITS.length);
      }
      out += digits;
    }
    return out;
  }

  // CJK runs and words of normalised text, as {text, cjk}; everything else separates them.
  function units(normalised) {
    var found = [];
    var current = [];
    var currentCjk = false;
    for (var char of normalised) {
      var kind;
      if (isCjk(char)) kind = true;
      else if (WORD.test(char)) kind = false;
      else {
        if (current.length) found.push({ text: current.join(""), cjk: currentCjk });
        current = [];
        continue;
      }
      if (current.length && kind !== currentCjk) {
        found.push({ text: current.join(""), cjk: currentCjk });
        current = [];
      }
      current.push(char);
      currentCjk = kind;
    }
    if (current.length) found.push({ text: current.join(""), cjk: currentCjk });
    return found;
  }

  function bigrams(run) {
    var chars = Array.from(run);
    var out = [];
    for (var i = 0; i + 1 < chars.length; i++) out.push(encode(chars[i] + chars[i + 1]));
    return { chars: chars, tokens: out };
  }

  function indexTokens(text) {
    var tokens = [];
    units(normalise(text)).forEach(function (unit) {
      if (!unit.cjk) {
        tokens.push(unit.text);
        return;
      }
      var cut = bigrams(unit.text);
      tokens.push.apply(tokens, cut.tokens);
      tokens.push(encode(cut.chars[cut.chars.length - 1]));
    });
    return tokens;
  }

  // A query as the index sees it: [{tokens, phrase}] per CJK run or word.
  function queryParts(query) {
    return units(normalise(query)).map(function (unit) {
      if (!unit.cjk) return { tokens: [unit.text], phrase: false };
      var cut = bigrams(unit.text);
      if (cut.chars.length === 1) return { tokens: [encode(unit.text)], phrase: false };
      return { tokens: cut.tokens, phrase: cut.tokens.length > 1 };
    });
  }

  // The token marking a page's section or year (text.py facet_token).
  function facetToken(kind, value) {
    if (!value) return null;
    return "qz" + kind[0] + Array.from(value.toLowerCase()).filter(function (c) {
      return /^[a-z0-9]$/.test(c);
    }).join("");
  }

  root.WardSearchText = {
    facetToken: facetToken,
    normalise: normalise,
    units: units,
    indexTokens: indexTokens,
    queryParts: queryParts,
  };
})(typeof window !== "undefined" ? window : globalThis);
