// eventwire dashboard: plain JS over the JSON API (/api/...), drawn as SVG; nothing is fetched from elsewhere.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const PAGE = 200;
const POINTS = 1000;  // up to this many events (one API page) the map shows their places; beyond, the server's map cells
const FILTERS = ["country", "type", "since", "until", "q", "actor", "bbox"];
const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf",
  "#7f7f7f", "#bcbd22", "#393b79", "#ad494a", "#637939", "#843c39", "#3182bd", "#e6550d"];
const SPAN_LABELS = {trigger: "trigger", actor1: "actor 1", actor2: "actor 2", location: "place", date: "date",
  attribution: "source"};

const state = {offset: 0, total: 0, events: [], colours: new Map(), shown: null, loaded: null, drawn: false};

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

function addOptions(stats) {
  // The choices come from the stored events themselves, and grow as other filters show more of them.
  const add = (id, values) => {
    const select = document.getElementById(id);
    const have = new Set([...select.options].map((o) => o.value));
    const wanted = select.value;
    for (const v of values) if (v && !have.has(v)) select.append(el("option", {value: v}, v));
    const sorted = [...select.options].slice(1).sort((x, y) => x.value.localeCompare(y.value));
    for (const o of sorted) select.append(o);
    select.value = wanted;
  };
  add("f-country", (stats.countries || []).map((c) => c.country));
  add("f-type", (stats.types || []).map((t) => t.type));
  for (const t of (stats.types || []).map((t) => t.type).sort()) colour(t);
}

async function loadHealth() {
  try {
    const h = await getJSON("/api/health");
    document.getElementById("health").textContent = `${h.documents} documents, ${h.events} events stored`;
  } catch (e) {
    document.getElementById("health").textContent = `API unavailable: ${e.message}`;
  }
}

async function loadPage() {
  const params = filterParams();
  params.set("limit", PAGE);
  params.set("offset", state.offset);
  try {
    const data = await getJSON(`/api/events?${params}`);
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
}

async function loadViews() {
  // Charts from the server's counts (/api/stats); the map shows each event's place up to POINTS events,
  // the server's map cells beyond.
  const params = filterParams();
  let stats = {total: 0, timeline: [], types: [], countries: [], places: {cell: null, cells: []}};
  try {
    stats = await getJSON(`/api/stats?${params}`);
  } catch (e) {
    showError(`Could not load events: ${e.message}`);
  }
  addOptions(stats);
  drawTimeline(stats);
  drawLegend(stats);
  const fit = !state.drawn;
  state.drawn = true;
  if (stats.total && stats.total <= POINTS) {
    params.set("format", "geojson");
    params.set("limit", POINTS);
    const points = await getJSON(`/api/events?${params}`).catch(() => ({features: []}));
    drawMap(groupPlaces(points.features), null, fit);
  } else {
    drawMap(stats.places.cells, stats.places.cell, fit);
  }
  markSelected();
}

async function loadNetwork() {
  try {
    drawNetwork(await getJSON(`/api/network?${filterParams()}`));
  } catch (e) {
    drawNetwork({nodes: [], edges: []});
  }
}

async function loadAll() {
  const loading = state.loaded = filterParams().toString();
  showError("");
  await Promise.all([loadPage(), loadViews(), loadNetwork()]);
  document.body.dataset.loaded = loading;  // every view shows these filters (tests wait for it)
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

function drawLegend(stats) {
  const ul = document.getElementById("legend");
  clear(ul);
  for (const {type, events} of [...(stats.types || [])].sort((a, b) => a.type.localeCompare(b.type)))
    ul.append(el("li", {}, el("span", {class: "swatch", style: `background:${colour(type)}`}), ` ${type} (${events})`));
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
  const others = (ev.mentions || []).filter((m) => m && m.text && m.text.trim() !== text.trim());
  if (others.length) panel.append(el("details", {id: "evidence-mentions", open: ""},
    el("summary", {}, `Also told in ${others.length} other sentence${others.length > 1 ? "s" : ""} of the article`),
    el("ol", {}, ...others.map((m) => el("li", {}, el("q", {}, m.text.trim()))))));
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
  for (const name of FILTERS) {
    const value = params.get(name) || "";
    const input = form.elements[name];
    if (input.tagName === "SELECT" && value && ![...input.options].some((o) => o.value === value))
      input.append(el("option", {value}, value));
    input.value = value;
  }
}

function onHash() {
  filtersFromHash();
  if (filterParams().toString() !== state.loaded) { state.offset = 0; loadAll(); }
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
  document.getElementById("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); loadPage(); });
  document.getElementById("next").addEventListener("click", () => { state.offset += PAGE; loadPage(); });
  window.addEventListener("hashchange", onHash);
  wireMap();
  loadHealth();
  await loadWorld();
  filtersFromHash();
  await loadAll();
  onHash();
}

start();
