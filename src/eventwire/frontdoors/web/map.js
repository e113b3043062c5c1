// eventwire dashboard: the map. Natural Earth country outlines (world.json, made by tools/world_map.py) drawn
// offline as SVG in equirectangular degrees (x = lon + 180, y = 90 - lat); zoom with the wheel or the buttons,
// pan by dragging. Events at one place are one marker with their count; colour = the most frequent type,
// size = deaths. Above a few thousand events the server's map cells (/api/stats) are drawn instead.
"use strict";

const WORLD = {view: [0, 0, 360, 180], countries: null, drag: null};

async function loadWorld() {
  try {
    WORLD.countries = (await getJSON("world.json")).countries;
  } catch (e) {
    WORLD.countries = [];
  }
}

function setView(x, y, w) {
  // Keep the view inside the world and at least 0.5 degree wide; the height follows the 2:1 frame.
  w = Math.min(360, Math.max(0.5, w));
  const h = w / 2;
  x = Math.min(360 - w, Math.max(0, x));
  y = Math.min(180 - h, Math.max(0, y));
  WORLD.view = [x, y, w, h];
  const map = document.getElementById("map");
  map.setAttribute("viewBox", WORLD.view.join(" "));
  scaleMarkers();
}

function zoom(factor, cx, cy) {
  const [x, y, w, h] = WORLD.view;
  cx = cx ?? x + w / 2;
  cy = cy ?? y + h / 2;
  const nw = Math.min(360, Math.max(0.5, w / factor));
  setView(cx - (cx - x) * nw / w, cy - (cy - y) * nw / w, nw);
}

function visibleBox() {
  // The view as a bbox filter: west,south,east,north in degrees.
  const [x, y, w, h] = WORLD.view;
  const r = (v) => Math.round(v * 100) / 100;
  return [r(x - 180), r(90 - (y + h)), r(x + w - 180), r(90 - y)].join(",");
}

function fitView(points) {
  // The view that shows every point (whole world when there are none or they are spread wide).
  if (!points.length) return setView(0, 0, 360);
  const xs = points.map((p) => p.lon + 180), ys = points.map((p) => 90 - p.lat);
  const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  const w = Math.max(20, (x1 - x0) * 1.3, (y1 - y0) * 2.6);
  setView((x0 + x1) / 2 - w / 2, (y0 + y1) / 2 - w / 4, w);
}

function unit() {
  return WORLD.view[2] / 100;
}

function scaleMarkers() {
  // Markers keep their size on screen whatever the zoom.
  const u = unit();
  for (const g of document.querySelectorAll("#map .marker")) {
    const c = g.querySelector("circle");
    c.setAttribute("r", u * Number(c.dataset.size));
    c.setAttribute("stroke-width", u * 0.25);
    const t = g.querySelector("text");
    if (t) t.setAttribute("font-size", u * 2.6);
  }
  for (const p of document.querySelectorAll("#map .country")) p.setAttribute("stroke-width", u * 0.12);
}

function drawCountries(map) {
  const g = svg("g", {class: "countries", "aria-hidden": "true"});
  for (const c of WORLD.countries || []) g.append(svg("path", {d: c.d, class: "country", "data-name": c.name},
    svg("title", {}, c.name)));
  map.append(g);
}

function groupPlaces(features) {
  // GeoJSON points → one marker per place (coordinates to about 100 m).
  const places = new Map();
  for (const f of features) {
    const [lon, lat] = f.geometry.coordinates, p = f.properties;
    const key = `${lat.toFixed(3)},${lon.toFixed(3)}`;
    if (!places.has(key)) places.set(key, {lat, lon, events: 0, fatalities: 0, types: {}, location: p.location, ids: []});
    const m = places.get(key);
    m.events += 1;
    m.fatalities += p.fatalities || 0;
    m.types[p.type] = (m.types[p.type] || 0) + 1;
    m.ids.push(p.id !== undefined ? p.id : `${p.document}-${p.event}`);
  }
  return [...places.values()].map((m) => ({...m, type: Object.entries(m.types).sort((a, b) => b[1] - a[1])[0][0]}));
}

function markerLabel(m) {
  const types = Object.entries(m.types).sort((a, b) => b[1] - a[1]).map(([t, n]) => `${t} ${n}`).join(", ");
  return `${m.location || "several places"}: ${m.events} event${m.events > 1 ? "s" : ""}` +
    (m.fatalities ? `, ${m.fatalities} killed` : "") + ` (${types})`;
}

function drawMap(markers, cell, fit) {
  // cell: the size (degrees) of the server's map cells, or null when each marker is one place.
  const binned = cell !== null;
  const map = document.getElementById("map");
  clear(map, true);
  map.append(svg("rect", {x: 0, y: 0, width: 360, height: 180, class: "sea"}));
  drawCountries(map);
  const g = svg("g", {class: "points"});
  // Size by deaths relative to the deadliest marker shown, so that a cell of a million events fits too.
  const most = Math.max(1, ...markers.map((m) => m.fatalities));
  // Largest first, so that small markers stay clickable on top.
  for (const m of [...markers].sort((a, b) => b.fatalities - a.fatalities || b.events - a.events)) {
    const size = 1.2 + 3.5 * Math.sqrt(m.fatalities / most) + (m.events > 1 ? 0.6 : 0);
    const label = markerLabel(m);
    const circle = svg("circle", {cx: m.lon + 180, cy: 90 - m.lat, fill: colour(m.type), class: "point",
      "data-size": size, "data-count": m.events, "data-id": m.events === 1 && m.ids ? m.ids[0] : null}, svg("title", {}, label));
    const marker = svg("g", {class: "marker", "data-count": m.events}, circle,
      m.events > 1 ? svg("text", {x: m.lon + 180, y: 90 - m.lat, "text-anchor": "middle", "dominant-baseline": "central",
        class: "count"}, m.events >= 10000 ? `${Math.round(m.events / 1000)}k` : String(m.events)) : null);
    // One event: its evidence. Several: the events of that place, listed in the table.
    const href = m.events === 1 && m.ids ? eventHref(m.ids[0]) : areaHref(m, cell);
    g.append(svg("a", {href, "aria-label": label}, marker));
  }
  map.append(g);
  if (fit) fitView(markers);
  else setView(...WORLD.view.slice(0, 3));
  const events = markers.reduce((n, m) => n + m.events, 0);
  document.getElementById("map-title").textContent =
    `Map of ${events} placed events at ${markers.length} ${binned ? "map cells" : "places"}`;
}

function areaHref(m, cell) {
  // The filters with a bounding box around the marker: its events fill the table.
  const d = cell !== null ? Math.max(0.05, cell / 2) : 0.01;
  const r = (v) => Math.round(v * 1000) / 1000;
  const params = filterParams();
  params.set("bbox", [r(m.lon - d), r(m.lat - d), r(m.lon + d), r(m.lat + d)].join(","));
  return `#${params}`;
}

function wireMap() {
  const map = document.getElementById("map");
  const toMap = (ev) => {
    const r = map.getBoundingClientRect(), [x, y, w, h] = WORLD.view;
    return [x + (ev.clientX - r.left) / r.width * w, y + (ev.clientY - r.top) / r.height * h];
  };
  map.addEventListener("wheel", (ev) => {
    ev.preventDefault();
    const [cx, cy] = toMap(ev);
    zoom(ev.deltaY < 0 ? 1.5 : 1 / 1.5, cx, cy);
  }, {passive: false});
  map.addEventListener("pointerdown", (ev) => {
    if (ev.target.closest("a")) return;
    WORLD.drag = {x: ev.clientX, y: ev.clientY, view: [...WORLD.view]};
    map.setPointerCapture(ev.pointerId);
  });
  map.addEventListener("pointermove", (ev) => {
    if (!WORLD.drag) return;
    const r = map.getBoundingClientRect(), [x, y, w] = WORLD.drag.view;
    setView(x - (ev.clientX - WORLD.drag.x) / r.width * w, y - (ev.clientY - WORLD.drag.y) / r.width * w, w);
  });
  map.addEventListener("pointerup", () => { WORLD.drag = null; });
  document.getElementById("zoom-in").addEventListener("click", () => zoom(2));
  document.getElementById("zoom-out").addEventListener("click", () => zoom(0.5));
  document.getElementById("zoom-reset").addEventListener("click", () => setView(0, 0, 360));
  document.getElementById("map-filter").addEventListener("click", () => {
    document.getElementById("f-bbox").value = visibleBox();
    applyFilters();
  });
}
