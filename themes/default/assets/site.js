// Remembers the reader's display settings (text size, contrast) between pages.
// Everything works without this script; it only restores the last choice.
(function () {
  "use strict";
  var names = ["ff-text-size", "ff-contrast"];
  var store;
  try {
    store = window.localStorage;
  } catch (e) {
    return;
  }
  if (!store) return;
  names.forEach(function (name) {
    var saved = store.getItem(name);
    var inputs = document.querySelectorAll('input[name="' + name + '"]');
    inputs.forEach(function (input) {
      if (saved && input.value === saved) input.checked = true;
      input.addEventListener("change", function () {
        try {
          store.setItem(name, input.value);
        } catch (e) {
          /* storage full or blocked: the choice still applies to this page */
        }
      });
    });
  });
})();
