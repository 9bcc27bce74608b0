// Preview only (tools/preview_server.py adds it to every page): reloads the page after a save, and shows
// the located problems over the last good page while the content has errors. Never published.
(function () {
  "use strict";
  var version = null;
  var problems = "";
  var box = null;

  function show(errors) {
    if (!box) {
      box = document.createElement("div");
      box.setAttribute("role", "alert");
      box.setAttribute("lang", "ja");
      box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;" +
        "background:#fff;color:#1a1a1a;border-top:6px solid #c00;padding:1rem;font:16px/1.6 sans-serif;" +
        "box-shadow:0 -4px 16px rgba(0,0,0,.3)";
      document.body.appendChild(box);
    }
    box.textContent = "";
    var heading = document.createElement("p");
    heading.style.cssText = "font-weight:bold;margin:0 0 .5rem";
    heading.textContent = "内容に問題があります。直して保存すると、自動で表示し直します（表示は前回の正しい版のままです）。";
    box.appendChild(heading);
    var list = document.createElement("ul");
    list.style.cssText = "margin:0;padding-left:1.25rem;white-space:pre-wrap;word-break:break-all";
    errors.forEach(function (line) {
      var item = document.createElement("li");
      item.textContent = line;
      list.appendChild(item);
    });
    box.appendChild(list);
  }

  function poll() {
    // `problems`: those on screen, so the server waits for a change instead of sending them again.
    var url = "/__preview__/state" + (version === null ? "" : "?after=" + version + "&problems=" + problems);
    fetch(url, { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        if (state.errors.length) {
          show(state.errors);
        } else if (version !== null && state.version !== version) {
          location.reload();
          return;
        } else if (box) {
          box.remove();
          box = null;
        }
        version = state.version;
        problems = state.problems || "";
        setTimeout(poll, 0);
      })
      .catch(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
