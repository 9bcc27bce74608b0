/* History maps, as an enhancement: without this script the page lists addresses and links to
   地理院地図. Leaflet (vendored) and the map tiles are loaded only after the resident presses
   「地図を表示」, so opening a page makes no request to another host. */
(function () {
  "use strict";

  function load(tag, attributes) {
    return new Promise(function (resolve, reject) {
      var element = document.createElement(tag);
      Object.keys(attributes).forEach(function (name) { element.setAttribute(name, attributes[name]); });
      element.onload = resolve;
      element.onerror = reject;
      document.head.appendChild(element);
    });
  }

  var leaflet = null;
  function loadLeaflet(box) {
    if (!leaflet) {
      leaflet = Promise.all([
        load("link", { rel: "stylesheet", href: box.dataset.leafletCss }),
        load("script", { src: box.dataset.leafletJs })
      ]);
    }
    return leaflet;
  }

  function popup(point) {
    var link = document.createElement("a");
    link.href = point.dataset.url;
    link.textContent = point.dataset.name;
    return link;
  }

  function show(box, button) {
    var canvas = box.querySelector(".ward-map__canvas");
    button.disabled = true;
    button.textContent = "地図を読み込んでいます…";
    loadLeaflet(box).then(function () {
      var L = window.L;
      canvas.hidden = false;
      canvas.setAttribute("role", "region");
      canvas.setAttribute("aria-label", "地図");
      var map = L.map(canvas, { scrollWheelZoom: false });
      var attribution = '<a href="' + box.dataset.attributionUrl + '">' + box.dataset.attribution + "</a>";
      L.tileLayer(box.dataset.tiles, { attribution: attribution, maxZoom: 18 }).addTo(map);
      var bounds = [];
      box.querySelectorAll("[data-lat]").forEach(function (point) {
        var position = [parseFloat(point.dataset.lat), parseFloat(point.dataset.lon)];
        bounds.push(position);
        L.marker(position, { title: point.dataset.name, alt: point.dataset.name }).addTo(map).bindPopup(popup(point));
      });
      if (bounds.length === 1) {
        map.setView(bounds[0], 16);
      } else if (bounds.length > 1) {
        map.fitBounds(bounds, { padding: [24, 24] });
      }
      button.hidden = true;
    }).catch(function () {
      button.disabled = false;
      button.textContent = "地図を表示";
      var message = document.createElement("p");
      message.setAttribute("role", "alert");
      message.textContent = "地図を読み込めませんでした。下の「地理院地図」のリンクから位置を確認できます。";
      box.insertBefore(message, canvas);
    });
  }

  document.querySelectorAll("[data-ward-map]").forEach(function (box) {
    var button = box.querySelector(".ward-map__button");
    button.hidden = false;
    button.addEventListener("click", function () { show(box, button); });
  });
})();
