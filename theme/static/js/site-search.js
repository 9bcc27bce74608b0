// Starts Pagefind's search UI on the search page. The UI reads its Japanese labels from
// <html lang="ja">; the index and the UI are served from the site itself (/pagefind/).
// A search term in the address (?q=花火) is searched at once, so a link can open results.
window.addEventListener("DOMContentLoaded", function () {
  var element = document.getElementById("ward-search");
  if (!element || typeof PagefindUI === "undefined") {
    return;
  }
  var ui = new PagefindUI({
    element: "#ward-search",
    baseUrl: element.getAttribute("data-base-url") || "/",
    showImages: false,
    showSubResults: true,
    resetStyles: false,
  });
  var term = new URLSearchParams(window.location.search).get("q");
  if (term) {
    ui.triggerSearch(term);
  }
});
