// The map: country outlines from world-atlas (Natural Earth, 1:110m) drawn by Leaflet with
// no tile server, a circle per location with events, a small dot per other place named.
// Popups and tooltips are DOM nodes filled with textContent, never HTML strings (Leaflet
// reads a string as HTML).
(function () {
  "use strict";
  const box = document.getElementById("map");
  const data = JSON.parse(document.getElementById("map-data").textContent);
  if (!box || typeof L === "undefined") return;

  const map = L.map(box, { worldCopyJump: true, minZoom: 1, maxZoom: 10 }).setView([25, 20], 2);
  window.datelineMap = map;  // for tests and the console

  fetch("/vendor/world-atlas/countries-110m.json")
    .then((r) => r.json())
    .then((world) => {
      L.geoJSON(topojson.feature(world, world.objects.countries), {
        style: { color: "#8a97a5", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 },
        interactive: false,
      }).addTo(map).bringToBack();
      box.dataset.basemap = "loaded";
    })
    .catch(() => { box.dataset.basemap = "failed"; });

  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  const bounds = [];
  data.events.forEach((spot) => {
    const popup = el("div", null, "map-popup");
    popup.appendChild(el("strong", spot.name + (spot.country ? " (" + spot.country + ")" : "")));
    const list = el("ul");
    spot.events.forEach((e) => {
      const item = el("li");
      const link = el("a", e.type + ", " + (e.date || "undated") + ": " + e.trigger);
      link.href = e.link;
      item.appendChild(link);
      item.appendChild(el("small", " " + e.factuality + (e.source ? " · " + e.source : "")));
      list.appendChild(item);
    });
    popup.appendChild(list);
    L.circleMarker([spot.lat, spot.lon], {
      radius: Math.min(4 + 2 * Math.sqrt(spot.events.length), 18), color: "#8e2318", weight: 1,
      fillColor: "#c0392b", fillOpacity: 0.75, className: "event-marker",
    }).bindPopup(popup).bindTooltip(el("span", spot.name + ": " + spot.events.length + " event(s)")).addTo(map);
    bounds.push([spot.lat, spot.lon]);
  });
  data.places.forEach((spot) => {
    L.circleMarker([spot.lat, spot.lon], {
      radius: 3, color: "#1f5fa8", weight: 1, fillColor: "#1f5fa8", fillOpacity: 0.6, className: "place-marker",
    }).bindTooltip(el("span", spot.name + (spot.country ? " (" + spot.country + ")" : "") + ": named in " +
                       spot.articles + " article(s)")).addTo(map);
  });
  if (bounds.length) map.fitBounds(bounds, { padding: [30, 30], maxZoom: 6 });
  box.dataset.markers = String(data.events.length);
})();
