// The map: country outlines from world-atlas (Natural Earth, 1:110m) drawn by Leaflet with
// no tile server, and one circle per linked event, sized by its reports and drawn by how
// precisely its place is known. Popups and tooltips are DOM nodes filled with
// textContent, never HTML strings (Leaflet reads a string as HTML).
(function () {
  "use strict";
  const box = document.getElementById("map");
  const data = JSON.parse(document.getElementById("map-data").textContent);
  if (!box || typeof L === "undefined") return;

  const map = L.map(box, { worldCopyJump: true, minZoom: 1, maxZoom: 10 });
  window.datelineMap = map;  // for tests and the console

  // Natural Earth cuts Russia, Fiji and Antarctica at the antimeridian, so a ring steps from
  // 180 to -180 and Leaflet would draw that step as a line across the whole map. Each step
  // over 180 degrees is unwrapped (Chukotka is drawn east of 180, beside the rest of Russia).
  // A ring around a pole (Antarctica) cannot close unwrapped: it keeps its one step, which
  // runs along the map's bottom edge, where its coast is.
  function unwrap(ring) {
    const out = [ring[0].slice()];
    for (let i = 1; i < ring.length; i++) {
      const prev = out[i - 1];
      let lon = ring[i][0];
      while (lon - prev[0] > 180) lon -= 360;
      while (lon - prev[0] < -180) lon += 360;
      out.push([lon, ring[i][1]]);
    }
    return Math.abs(out[out.length - 1][0] - out[0][0]) > 180 ? ring : out;
  }
  function unwrapped(geometry) {
    if (!geometry) return geometry;
    const polygon = (rings) => rings.map(unwrap);
    if (geometry.type === "Polygon") return { type: "Polygon", coordinates: polygon(geometry.coordinates) };
    if (geometry.type === "MultiPolygon") return { type: "MultiPolygon", coordinates: geometry.coordinates.map(polygon) };
    return geometry;
  }
  window.datelineUnwrap = unwrap;

  fetch("/vendor/world-atlas/countries-110m.json")
    .then((r) => r.json())
    .then((world) => {
      const countries = topojson.feature(world, world.objects.countries);
      countries.features.forEach((f) => { f.geometry = unwrapped(f.geometry); });
      // on a canvas of its own: outlines are drawn for the view only, where one SVG of the
      // world's outlines grows with every zoom level (and Chromium paints it in blocks)
      window.datelineBasemap = L.geoJSON(countries, {
        style: { color: "#8a97a5", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 },
        interactive: false, renderer: L.canvas({ padding: 0.2 }),
      }).addTo(map);
      box.dataset.basemap = "loaded";
    })
    .catch(() => { box.dataset.basemap = "failed"; });

  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  // a town is a solid disc; a region a dashed, paler one; a country only a dotted ring
  const STYLES = {
    town: { color: "#8e2318", weight: 1, fillColor: "#c0392b", fillOpacity: 0.75 },
    region: { color: "#8e2318", weight: 1.5, dashArray: "4 3", fillColor: "#c0392b", fillOpacity: 0.3 },
    country: { color: "#8e2318", weight: 2, dashArray: "1 4", fillColor: "#c0392b", fillOpacity: 0.05 },
  };

  const bounds = [];
  data.events.forEach((e) => {
    const precision = STYLES[e.precision] ? e.precision : "region";
    const popup = el("div", null, "map-popup");
    popup.appendChild(el("strong", e.type + ", " + (e.day || "undated") + ": " + e.place +
                                   (e.country ? " (" + e.country + ")" : "")));
    popup.appendChild(el("div", e.factuality + " · " + e.reports + " report(s) from " + e.outlets + " outlet(s)" +
                                (precision === "town" ? "" : " · place known only to the " + precision), "small"));
    const list = el("ul");
    e.links.forEach((r) => {
      const item = el("li");
      const link = el("a", r.text);
      link.href = r.href;
      item.appendChild(link);
      list.appendChild(item);
    });
    popup.appendChild(list);
    L.circleMarker([e.lat, e.lon], Object.assign({
      radius: Math.min(4 + 3 * Math.sqrt(e.reports), 22), className: "event-marker precision-" + precision,
    }, STYLES[precision])).bindPopup(popup)
      .bindTooltip(el("span", e.type + " in " + e.place + ": " + e.reports + " report(s)")).addTo(map);
    bounds.push([e.lat, e.lon]);
  });
  // the first view is set once, where the events are: a world view first and a fit after it
  // would animate a zoom at page load, and a click during it can miss the marker it aimed at
  if (bounds.length) map.fitBounds(bounds, { padding: [30, 30], maxZoom: 6 });
  else map.setView([25, 20], 2);
  box.dataset.markers = String(data.events.length);
})();
