// Progressive enhancements; every page reads fine without this script.
// Remembers the display settings (text size, contrast) between pages. CSS
// :has() already applies the checked radio; the inline script in <head>
// (partials/head.mustache) puts the saved choice on <html> as a class before
// the first paint, and this one checks its radio, keeps the class in step for
// browsers without :has(), and saves each new choice.
(function () {
  "use strict";
  var root = document.documentElement;
  var groups = { "ff-text-size": "ff-ts-", "ff-contrast": "ff-contrast-" };
  var store = null;
  try {
    store = window.localStorage;
  } catch (e) {
    store = null;
  }
  function apply(prefix, value) {
    root.className = root.className
      .split(" ")
      .filter(function (c) {
        return c && c.indexOf(prefix) !== 0;
      })
      .concat(value === "normal" ? [] : [prefix + value])
      .join(" ");
  }
  Object.keys(groups).forEach(function (name) {
    var prefix = groups[name];
    var saved = store ? store.getItem(name) : null;
    var inputs = document.querySelectorAll('input[name="' + name + '"]');
    Array.prototype.forEach.call(inputs, function (input) {
      if (saved && input.value === saved) input.checked = true;
      if (input.checked) apply(prefix, input.value);
      input.addEventListener("change", function () {
        apply(prefix, input.value);
        try {
          if (store) store.setItem(name, input.value);
        } catch (e) {
          /* storage blocked or full: the choice still applies to this page */
        }
      });
    });
  });
})();

// The header's language links and main menu are folded (closed <details>) in the markup;
// from 40em up the style sheet shows them open through ::details-content. A browser that
// cannot style ::details-content gets them opened here on a wide screen instead.
(function () {
  "use strict";
  if (!window.matchMedia || !window.CSS || !CSS.supports) return;
  if (CSS.supports("selector(::details-content)")) return;
  var folds = document.querySelectorAll(".site-header .fold");
  var wide = window.matchMedia("(min-width: 40em)");
  function fit() {
    Array.prototype.forEach.call(folds, function (fold) {
      fold.open = wide.matches;
    });
  }
  fit();
  if (wide.addEventListener) wide.addEventListener("change", fit);
})();
