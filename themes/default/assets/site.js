// Progressive enhancements; every page reads fine without this script.
// 1. Remembers the display settings (text size, contrast) between pages. CSS
//    :has() already applies the checked radio; the script restores the last
//    choice and mirrors it as a class on <html> for browsers without :has().
// 2. On the search page, searches the index /search/<lang>.json.
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

  var results = document.getElementById("search-results");
  if (!results || !window.fetch) return;
  var query = new URLSearchParams(window.location.search).get("q") || "";
  var field = document.getElementById("search-q");
  if (field) field.value = query;
  var words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return;
  var root = results.getAttribute("data-root") || "/";
  fetch(results.getAttribute("data-index"))
    .then(function (r) {
      return r.json();
    })
    .then(function (entries) {
      var hits = entries.filter(function (e) {
        var hay = [e.title, e.summary, e.text].join(" ").toLowerCase();
        return words.every(function (w) {
          return hay.indexOf(w) !== -1;
        });
      });
      results.textContent = "";
      var count = document.createElement("p");
      count.textContent = hits.length
        ? results.getAttribute("data-count").replace("{n}", String(hits.length))
        : results.getAttribute("data-none");
      results.appendChild(count);
      if (!hits.length) return;
      var list = document.createElement("ol");
      list.className = "search-hits";
      hits.forEach(function (e) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        // Index URLs are site paths ("/en/a/"); data-root is where the site is published.
        link.href = root + e.url.replace(/^\//, "");
        link.textContent = e.title;
        item.appendChild(link);
        if (e.summary) {
          var p = document.createElement("p");
          p.textContent = e.summary;
          item.appendChild(p);
        }
        list.appendChild(item);
      });
      results.appendChild(list);
    })
    .catch(function () {
      results.textContent = results.getAttribute("data-none");
    });
})();
