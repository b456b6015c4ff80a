// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";

  var root = document.documentElement;

  // Text size "A- A A+": the links set a cookie on the server and come back; here the same
  // happens without a reload. The cookie name and classes match unionsite/views.py.
  var COOKIE = "co_chu";
  var CLASSES = { nho: "text-sm", vua: "", lon: "text-lg" };

  function setTextSize(size) {
    root.classList.remove("text-sm", "text-lg");
    if (CLASSES[size]) {
      root.classList.add(CLASSES[size]);
      document.cookie = COOKIE + "=" + size + "; path=/; max-age=31536000; samesite=lax" +
        (location.protocol === "https:" ? "; secure" : "");
    } else {
      document.cookie = COOKIE + "=; path=/; max-age=0; samesite=lax";
    }
    document.querySelectorAll("[data-text-size]").forEach(function (link) {
      if (link.getAttribute("data-text-size") === size) {
        link.setAttribute("aria-current", "true");
      } else {
        link.removeAttribute("aria-current");
      }
    });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("[data-text-size]") : null;
    if (!link || event.defaultPrevented || event.button !== 0 ||
        event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    var size = link.getAttribute("data-text-size");
    if (!Object.prototype.hasOwnProperty.call(CLASSES, size)) {
      return;
    }
    event.preventDefault();
    setTextSize(size);
  });

  // Main menu: the <details> arrives open so it works everywhere without JavaScript; on
  // phones it folds behind "Danh mục", on wide screens it stays open (the toggle is hidden).
  var menu = document.querySelector("[data-nav-menu]");
  if (menu && window.matchMedia) {
    var narrow = window.matchMedia("(max-width: 760px)");
    var fit = function () {
      menu.open = !narrow.matches;
    };
    fit();
    if (narrow.addEventListener) {
      narrow.addEventListener("change", fit);
    }
    menu.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && narrow.matches && menu.open) {
        menu.open = false;
        menu.querySelector("summary").focus();
      }
    });
  }
})();
