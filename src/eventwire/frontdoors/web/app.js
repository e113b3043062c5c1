// eventwire dashboard: plain JS over the JSON API (/api/...), drawn as SVG; nothing is fetched from elsewhere.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const PAGE = 200;
const MAX_NODES = 40;
const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf",
  "#7f7f7f", "#bcbd22", "#393b79", "#ad494a", "#637939", "#843c39", "#3182bd", "#e6550d"];
const SPAN_LABELS = {trigger: "trigger", actor1: "actor 1", actor2: "actor 2", location: "place", date: "date",
  attribution: "source"};

const state = {offset: 0, total: 0, events: [], colours: new Map(), shown: null, loaded: null};

// ---- helpers ----
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) node.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) node.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

function clear(node, keepTitle) {
  for (const c of [...node.childNodes]) if (!(keepTitle && c.nodeName === "title")) c.remove();
}

async function getJSON(url) {
  const res = await fetch(url, {headers: {Accept: "application/json"}});
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.detail ? String(typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail)) : `${res.status} ${res.statusText}`);
  return body;
}

function showError(message) {
  const box = document.getElementById("error");
  box.textContent = message || "";
  box.hidden = !message;
}

function colour(type) {
  if (!state.colours.has(type)) state.colours.set(type, PALETTE[state.colours.size % PALETTE.length]);
  return state.colours.get(type);
}

function eventId(row) {
  return row.id !== undefined ? row.id : `${row.doc_id}:${row.event}`;
}

function eventLabel(row) {
  const who = [row.actor1, row.actor2].filter(Boolean).join(" → ");
  return `${row.date || "undated"} ${row.type}${who ? ": " + who : ""}${row.location ? " in " + row.location : ""}` +
    (row.fatalities ? ` (${row.fatalities} killed)` : "");
}

function fmt(value) {
  return value === null || value === undefined || value === "" ? "—" : String(value);
}

// ---- filters ----
function filterParams() {
  const form = document.getElementById("filters");
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (String(v).trim()) params.set(k, String(v).trim());
  return params;
}

async function fillOptions() {
  // The choices come from the stored events themselves.
  const data = await getJSON(`/api/events?limit=1000`);
  const countries = new Set(), types = new Set();
  for (const r of data.events) {
    if (r.country) countries.add(r.country);
    if (r.type) types.add(r.type);
  }
  const add = (id, values) => {
    const select = document.getElementById(id);
    for (const v of [...values].sort()) select.append(el("option", {value: v}, v));
  };
  add("f-country", countries);
  add("f-type", types);
  for (const t of [...types].sort()) colour(t);
}

async function loadHealth() {
  try {
    const h = await getJSON("/api/health");
    document.getElementById("health").textContent = `${h.documents} documents, ${h.events} events stored`;
  } catch (e) {
    document.getElementById("health").textContent = `API unavailable: ${e.message}`;
  }
}

async function loadEvents() {
  const params = filterParams();
  state.loaded = params.toString();
  params.set("limit", PAGE);
  params.set("offset", state.offset);
  try {
    const data = await getJSON(`/api/events?${params}`);
    showError("");
    state.total = data.total;
    state.events = data.events;
  } catch (e) {
    showError(`Could not load events: ${e.message}`);
    state.total = 0;
    state.events = [];
  }
  const from = state.events.length ? state.offset + 1 : 0;
  document.getElementById("count").textContent =
    `${state.total} events match; showing ${from}–${state.offset + state.events.length}`;
  document.getElementById("page").textContent = `${from}–${state.offset + state.events.length} of ${state.total}`;
  document.getElementById("prev").disabled = state.offset === 0;
  document.getElementById("next").disabled = state.offset + state.events.length >= state.total;
  drawTable();
  drawMap();
  drawTimeline();
  drawLegend();
}

// ---- table ----
function drawTable() {
  const body = document.querySelector("#events tbody");
  clear(body);
  if (!state.events.length) {
    body.append(el("tr", {}, el("td", {colspan: 10, class: "muted"}, "No events.")));
    return;
  }
  for (const r of state.events) {
    const id = eventId(r);
    const link = el("a", {href: eventHref(id), "aria-label": `Show evidence: ${eventLabel(r)}`},
      fmt(r.date));
    const dot = el("span", {class: "swatch", style: `background:${colour(r.type)}`, "aria-hidden": "true"});
    const tr = el("tr", {"data-id": id, class: "event-row"},
      el("td", {}, link, r.date_inferred ? el("span", {class: "inferred", title: "date inferred"}, " *") : null),
      el("td", {}, dot, " ", r.type, r.mode ? el("span", {class: "muted"}, ` (${r.mode})`) : null),
      el("td", {}, [r.acled_event_type, r.acled_sub_event_type].filter(Boolean).join(" / ") || "—"),
      el("td", {}, fmt(r.actor1)), el("td", {}, fmt(r.actor2)), el("td", {}, fmt(r.location)),
      el("td", {}, fmt(r.country)), el("td", {class: "num"}, fmt(r.fatalities)),
      el("td", {}, el("span", {class: `status status-${r.status}`}, fmt(r.status))),
      el("td", {class: "num"}, r.confidence === null || r.confidence === undefined ? "—" : Number(r.confidence).toFixed(2)));
    tr.addEventListener("click", (ev) => { if (ev.target.tagName !== "A") location.hash = eventHref(id); });
    body.append(tr);
  }
  markSelected();
}

function drawLegend() {
  const ul = document.getElementById("legend");
  clear(ul);
  const types = [...new Set(state.events.map((r) => r.type))].sort();
  for (const t of types) ul.append(el("li", {}, el("span", {class: "swatch", style: `background:${colour(t)}`}), " ", t));
}

// ---- map: equirectangular, x = lon + 180, y = 90 - lat ----
function drawMap() {
  const map = document.getElementById("map");
  clear(map, true);
  const placed = state.events.filter((r) => typeof r.lat === "number" && typeof r.lon === "number");
  let [x0, y0, x1, y1] = [0, 0, 360, 180];
  if (placed.length) {
    const xs = placed.map((r) => r.lon + 180), ys = placed.map((r) => 90 - r.lat);
    x0 = Math.min(...xs); x1 = Math.max(...xs); y0 = Math.min(...ys); y1 = Math.max(...ys);
    const pad = Math.max(10, (x1 - x0) * 0.15, (y1 - y0) * 0.15);
    x0 = Math.max(0, x0 - pad); x1 = Math.min(360, x1 + pad); y0 = Math.max(0, y0 - pad); y1 = Math.min(180, y1 + pad);
  }
  const w = x1 - x0, h = y1 - y0, unit = Math.max(w, h) / 100;
  map.setAttribute("viewBox", `${x0} ${y0} ${w} ${h}`);
  map.append(svg("rect", {x: 0, y: 0, width: 360, height: 180, class: "sea"}));
  const step = Math.max(w, h) > 120 ? 30 : Math.max(w, h) > 40 ? 10 : 5;
  const grid = svg("g", {class: "graticule", "aria-hidden": "true", "stroke-width": unit * 0.3});
  for (let lon = -180; lon <= 180; lon += step) {
    grid.append(svg("line", {x1: lon + 180, y1: 0, x2: lon + 180, y2: 180}));
    if (lon + 180 >= x0 && lon + 180 <= x1)
      grid.append(svg("text", {x: lon + 180 + unit, y: y1 - unit, "font-size": unit * 3}, `${lon}°`));
  }
  for (let lat = -90; lat <= 90; lat += step) {
    grid.append(svg("line", {x1: 0, y1: 90 - lat, x2: 360, y2: 90 - lat}));
    if (90 - lat >= y0 && 90 - lat <= y1)
      grid.append(svg("text", {x: x0 + unit, y: 90 - lat - unit, "font-size": unit * 3}, `${lat}°`));
  }
  map.append(grid);
  const points = svg("g", {class: "points"});
  // Largest first, so small points stay clickable on top.
  for (const r of [...placed].sort((a, b) => (b.fatalities || 0) - (a.fatalities || 0))) {
    const radius = unit * (1.5 + Math.sqrt(r.fatalities || 0) * 1.2);
    const id = eventId(r);
    points.append(svg("a", {href: eventHref(id), "aria-label": eventLabel(r)},
      svg("circle", {cx: r.lon + 180, cy: 90 - r.lat, r: radius, fill: colour(r.type), class: "point",
        "data-id": id, "stroke-width": unit * 0.3}, svg("title", {}, eventLabel(r)))));
  }
  map.append(points);
  document.getElementById("map-title").textContent =
    `Map of ${placed.length} placed events (${state.events.length - placed.length} without coordinates)`;
}

// ---- timeline: events per day ----
function drawTimeline() {
  const chart = document.getElementById("timeline");
  clear(chart, true);
  const byDay = new Map();
  for (const r of state.events) if (r.date) {
    const day = r.date.slice(0, 10);
    if (!byDay.has(day)) byDay.set(day, []);
    byDay.get(day).push(r);
  }
  if (!byDay.size) {
    chart.append(svg("text", {x: 300, y: 70, "text-anchor": "middle", class: "muted"}, "No dated events"));
    return;
  }
  const days = [...byDay.keys()].sort();
  const t0 = Date.parse(days[0]), t1 = Date.parse(days[days.length - 1]);
  const span = Math.round((t1 - t0) / 864e5) + 1;
  const left = 30, right = 590, top = 10, bottom = 110;
  const bw = Math.max(1, (right - left) / span);
  const max = Math.max(...[...byDay.values()].map((v) => v.length));
  chart.append(svg("line", {x1: left, y1: bottom, x2: right, y2: bottom, class: "axis"}));
  chart.append(svg("text", {x: left - 4, y: top + 8, "text-anchor": "end", class: "tick"}, String(max)));
  chart.append(svg("text", {x: left, y: bottom + 16, class: "tick"}, days[0]));
  if (days.length > 1)
    chart.append(svg("text", {x: right, y: bottom + 16, "text-anchor": "end", class: "tick"}, days[days.length - 1]));
  // Month marks between the first and last day, at most about six of them.
  const months = [];
  for (let d = new Date(t0); d.getTime() <= t1; d.setUTCMonth(d.getUTCMonth() + 1, 1))
    if (d.getTime() > t0) months.push(new Date(d));
  const every = Math.ceil(months.length / 6);
  months.forEach((m, k) => {
    const x = left + Math.round((m.getTime() - t0) / 864e5) * bw;
    chart.append(svg("line", {x1: x, y1: bottom, x2: x, y2: bottom + 4, class: "axis"}));
    if (k % every === 0 && x - left > 70 && right - x > 70)
      chart.append(svg("text", {x, y: bottom + 16, "text-anchor": "middle", class: "tick"}, m.toISOString().slice(0, 7)));
  });
  const bars = svg("g", {class: "bars"});
  for (const day of days) {
    const rows = byDay.get(day);
    const i = Math.round((Date.parse(day) - t0) / 864e5);
    const h = (bottom - top) * rows.length / max;
    const label = `${day}: ${rows.length} event${rows.length > 1 ? "s" : ""} (${[...new Set(rows.map((r) => r.type))].join(", ")})`;
    bars.append(svg("a", {href: eventHref(eventId(rows[0])), "aria-label": label},
      svg("rect", {x: left + i * bw + bw * 0.1, y: bottom - h, width: Math.max(bw * 0.8, 3), height: h,
        class: "bar", "data-day": day, "data-count": rows.length}, svg("title", {}, label))));
  }
  chart.append(bars);
}

// ---- network: actors on a circle, edges coloured by event type ----
async function drawNetwork() {
  const chart = document.getElementById("network");
  clear(chart, true);
  let data;
  try {
    data = await getJSON("/api/network");
  } catch (e) {
    chart.append(svg("text", {x: 300, y: 200, "text-anchor": "middle"}, `Network unavailable: ${e.message}`));
    return;
  }
  // The most active actors only, so that the circle stays readable on a large store.
  const all = data.nodes || [];
  const nodes = [...all].sort((a, b) => (b.events || 0) - (a.events || 0)).slice(0, MAX_NODES);
  const shown = new Set(nodes.map((n) => n.id));
  const edges = (data.edges || []).filter((e) => shown.has(e.source) && shown.has(e.target));
  if (!nodes.length) {
    chart.append(svg("text", {x: 300, y: 200, "text-anchor": "middle", class: "muted"}, "No actors"));
    return;
  }
  const cx = 300, cy = 200, radius = 140, pos = new Map();
  nodes.forEach((n, i) => {
    const a = 2 * Math.PI * i / nodes.length - Math.PI / 2;
    pos.set(n.id, {x: cx + radius * Math.cos(a), y: cy + radius * Math.sin(a), a});
  });
  const maxEdge = Math.max(1, ...edges.map((e) => e.events || 1));
  const lines = svg("g", {class: "edges"});
  for (const e of edges) {
    const s = pos.get(e.source), t = pos.get(e.target);
    if (!s || !t) continue;
    const label = `${e.source} → ${e.target}: ${e.type} (${e.events} event${e.events > 1 ? "s" : ""})`;
    lines.append(svg("line", {x1: s.x, y1: s.y, x2: t.x, y2: t.y, stroke: colour(e.type), class: "edge",
      "stroke-width": 1 + 3 * (e.events || 1) / maxEdge}, svg("title", {}, label)));
  }
  chart.append(lines);
  const maxNode = Math.max(1, ...nodes.map((n) => n.events || 1));
  const group = svg("g", {class: "nodes"});
  for (const n of nodes) {
    const p = pos.get(n.id);
    const label = `${n.id}${n.kind ? " (" + n.kind + ")" : ""}${n.country ? ", " + n.country : ""}: ${n.events} event${n.events > 1 ? "s" : ""}`;
    const right = Math.cos(p.a) >= 0;
    group.append(svg("g", {class: "node", "data-id": n.id},
      svg("circle", {cx: p.x, cy: p.y, r: 3 + 5 * Math.sqrt((n.events || 1) / maxNode)}, svg("title", {}, label)),
      svg("text", {x: p.x + (right ? 8 : -8), y: p.y + 3, "text-anchor": right ? "start" : "end"},
        n.id.length > 28 ? n.id.slice(0, 27) + "…" : n.id)));
  }
  chart.append(group);
  document.getElementById("network-title").textContent = `Network of ${nodes.length} actors` +
    (all.length > nodes.length ? ` (the most active of ${all.length})` : "") + ` and ${edges.length} links`;
}

// ---- evidence ----
function spansOf(ev) {
  // The evidence's text and its labelled spans, from {text, spans:{role:{start,end}}} or spans as a list.
  const box = ev.evidence && typeof ev.evidence === "object" ? ev.evidence : {};
  const text = box.text ?? ev.evidence_text ?? "";
  const raw = box.spans ?? ev.spans ?? {};
  const list = Array.isArray(raw) ? raw : Object.entries(raw).map(([role, s]) => s && {...s, role});
  return {text, spans: list.filter((s) => s && Number.isInteger(s.start) && Number.isInteger(s.end) && s.end > s.start
    && s.start >= 0 && s.end <= text.length).map((s) => ({...s, role: s.role || s.kind || s.label}))};
}

function highlighted(text, spans) {
  // Outermost spans win where they overlap; each mark carries its role as a visible label.
  const p = el("p", {class: "sentence"});
  const chosen = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start || b.end - a.end))
    if (!chosen.length || s.start >= chosen[chosen.length - 1].end) chosen.push(s);
  let at = 0;
  for (const s of chosen) {
    if (s.start > at) p.append(text.slice(at, s.start));
    const name = SPAN_LABELS[s.role] || s.role;
    p.append(el("mark", {class: `span span-${s.role}`, "data-role": s.role, title: name},
      text.slice(s.start, s.end), el("span", {class: "span-label"}, name)));
    at = s.end;
  }
  if (at < text.length) p.append(text.slice(at));
  return p;
}

function inferredNote(flag) {
  return flag ? el("span", {class: "inferred"}, " (inferred)") : null;
}

function partyLine(ev, key) {
  const a = ev[key];
  const name = a && typeof a === "object" ? a.name : a;
  if (!name) return null;
  const info = a && typeof a === "object" ? a : {};
  const presumed = (info.rule || "").includes("presumed") || (info.inferred === true);
  const extra = [info.kind || ev[`${key}_kind`], info.country || ev[`${key}_country`]].filter(Boolean).join(", ");
  return [name, extra ? el("span", {class: "muted"}, ` (${extra})`) : null, inferredNote(presumed)];
}

function field(dl, term, ...value) {
  const parts = value.flat().filter((v) => v !== null && v !== undefined);
  if (!parts.length) return;
  dl.append(el("dt", {}, term), el("dd", {}, ...parts));
}

async function showEvidence(id) {
  const panel = document.getElementById("evidence");
  clear(panel);
  panel.append(el("p", {class: "muted"}, "Loading…"));
  let ev;
  try {
    ev = await getJSON(`/api/events/${encodeURIComponent(id)}`);
  } catch (e) {
    clear(panel);
    panel.append(el("p", {role: "alert"}, `Event ${id}: ${e.message}`));
    return;
  }
  clear(panel);
  const {text, spans} = spansOf(ev);
  const loc = ev.location && typeof ev.location === "object" ? ev.location : {name: ev.location};
  panel.append(el("h3", {}, el("span", {class: "swatch", style: `background:${colour(ev.type)}`, "aria-hidden": "true"}),
    " ", ev.type, ev.mode ? ` (${ev.mode})` : "", " ", el("span", {class: `status status-${ev.status}`}, fmt(ev.status))));
  if (text) panel.append(el("figure", {id: "evidence-sentence"}, highlighted(text, spans),
    el("figcaption", {class: "muted"}, "From ", ev.doc_id ? el("cite", {}, ev.doc_id) : "the document",
      spans.length ? "; highlighted: " + [...new Set(spans.map((s) => SPAN_LABELS[s.role] || s.role))].join(", ") : "")));
  else panel.append(el("p", {class: "muted"}, "No evidence sentence stored."));
  if (ev.attribution) panel.append(el("p", {class: "attribution"},
    ev.status === "claimed" ? "Claimed by " : ev.status === "denied" ? "Denied by " : "According to ", el("q", {}, ev.attribution)));
  const dl = el("dl", {class: "facts"});
  field(dl, "ACLED", [ev.acled_event_type, ev.acled_sub_event_type].filter(Boolean).join(" / ") || null);
  field(dl, "Actor 1", partyLine(ev, "actor1"));
  field(dl, "Actor 2", partyLine(ev, "actor2"));
  field(dl, "Date", ev.date, ev.date_precision && ev.date_precision !== "day" ? ` (${ev.date_precision})` : null,
    inferredNote(ev.date_inferred));
  const place = loc.name ?? null;
  field(dl, "Place", place, place && (loc.country || ev.country) ? `, ${loc.country || ev.country}` : null,
    place && typeof (loc.lat ?? ev.lat) === "number" ? el("span", {class: "muted"},
      ` (${Number(loc.lat ?? ev.lat).toFixed(3)}, ${Number(loc.lon ?? ev.lon).toFixed(3)})`) : null,
    inferredNote(loc.inferred ?? ev.location_inferred));
  field(dl, "Fatalities", ev.fatalities ?? null);
  field(dl, "Confidence", typeof ev.confidence === "number" ? ev.confidence.toFixed(2) : null);
  field(dl, "Incident", ev.incident ?? null);
  field(dl, "Rule", ev.rule ? el("code", {}, ev.rule) : null);
  panel.append(dl);
}

function markSelected() {
  const id = selectedId();
  for (const row of document.querySelectorAll("#events tbody tr"))
    row.classList.toggle("selected", id !== null && row.dataset.id === id);
  for (const dot of document.querySelectorAll("#map .point"))
    dot.classList.toggle("selected", id !== null && dot.dataset.id === id);
}

// The URL's hash holds the filters and the selected event (#country=UA&type=ASSAULT&event=ID), so views can be shared.
function hashParams() {
  return new URLSearchParams(location.hash.replace(/^#/, ""));
}

function eventHref(id) {
  const params = filterParams();
  params.set("event", id);
  return `#${params}`;
}

function selectedId() {
  return hashParams().get("event");
}

function filtersFromHash() {
  // Put the hash's filters in the form.
  const form = document.getElementById("filters");
  const params = hashParams();
  for (const name of ["country", "type", "since", "until", "q"]) {
    const value = params.get(name) || "";
    const input = form.elements[name];
    if (input.tagName === "SELECT" && value && ![...input.options].some((o) => o.value === value))
      input.append(el("option", {value}, value));
    input.value = value;
  }
}

function onHash() {
  filtersFromHash();
  if (filterParams().toString() !== state.loaded) { state.offset = 0; loadEvents(); }
  else markSelected();
  const id = selectedId();
  if (id !== null && id !== state.shown) { state.shown = id; showEvidence(id); }
}

function applyFilters() {
  // A new hash (filters, and the selected event kept) loads the events again through onHash.
  const params = filterParams();
  const id = selectedId();
  if (id !== null) params.set("event", id);
  const hash = `#${params}`;
  if (location.hash === hash || (hash === "#" && !location.hash)) onHash();
  else location.hash = hash;
}

// ---- start ----
async function start() {
  const form = document.getElementById("filters");
  form.addEventListener("submit", (e) => { e.preventDefault(); applyFilters(); });
  form.addEventListener("reset", () => setTimeout(applyFilters, 0));
  document.getElementById("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); loadEvents(); });
  document.getElementById("next").addEventListener("click", () => { state.offset += PAGE; loadEvents(); });
  window.addEventListener("hashchange", onHash);
  loadHealth();
  try {
    await fillOptions();
  } catch (e) {
    showError(`Could not load events: ${e.message}`);
  }
  filtersFromHash();
  await Promise.all([loadEvents(), drawNetwork()]);
  onHash();
}

start();
