// eventwire dashboard: the actor network of the filtered events (/api/network). One node per party; nodes sit
// on a circle grouped by kind (state forces, rebels, militias, civilians, ...), so that each side is together;
// labels run outward along their radius and never cross. Click a node to filter every view by that actor.
"use strict";

const MAX_NODES = 40;
const KIND_ORDER = ["state_forces", "rebels", "political_militia", "identity_militia", "rioters", "protesters",
  "civilians", "external"];

function drawNetwork(data) {
  const chart = document.getElementById("network");
  clear(chart, true);
  const nodes = [...(data.nodes || [])].sort((a, b) => (b.events || 0) - (a.events || 0)).slice(0, MAX_NODES);
  const shown = new Set(nodes.map((n) => n.id));
  const edges = (data.edges || []).filter((e) => shown.has(e.source) && shown.has(e.target) && e.source !== e.target);
  if (!nodes.length) {
    chart.append(svg("text", {x: 300, y: 300, "text-anchor": "middle", class: "muted"}, "No actors"));
    document.getElementById("network-title").textContent = "No actors";
    return;
  }
  const rank = (k) => { const i = KIND_ORDER.indexOf(k); return i < 0 ? KIND_ORDER.length : i; };
  nodes.sort((a, b) => rank(a.kind) - rank(b.kind) || (a.kind || "").localeCompare(b.kind || "") || a.id.localeCompare(b.id));
  // A gap between kinds marks the sides.
  const kinds = [...new Set(nodes.map((n) => n.kind))];
  const slots = nodes.length + kinds.length;
  const cx = 300, cy = 300, radius = 125, pos = new Map();
  let slot = 0, previous;
  for (const n of nodes) {
    if (n.kind !== previous) { slot += 1; previous = n.kind; }
    const a = 2 * Math.PI * slot / slots - Math.PI / 2;
    pos.set(n.id, {x: cx + radius * Math.cos(a), y: cy + radius * Math.sin(a), a});
    slot += 1;
  }
  const maxEdge = Math.max(1, ...edges.map((e) => e.events || 1));
  const lines = svg("g", {class: "edges"});
  for (const e of edges) {
    const s = pos.get(e.source), t = pos.get(e.target);
    const label = `${e.source} → ${e.target}: ${e.type} (${e.events} event${e.events > 1 ? "s" : ""})`;
    // Curved towards the centre, so that links between neighbours stay visible.
    lines.append(svg("path", {d: `M${s.x},${s.y} Q${cx},${cy} ${t.x},${t.y}`, stroke: colour(e.type), class: "edge",
      fill: "none", "stroke-width": 1 + 3 * (e.events || 1) / maxEdge}, svg("title", {}, label)));
  }
  chart.append(lines);
  const maxNode = Math.max(1, ...nodes.map((n) => n.events || 1));
  const group = svg("g", {class: "nodes"});
  const current = hashParams().get("actor");
  for (const n of nodes) {
    const p = pos.get(n.id);
    const label = `${n.id}${n.kind ? " (" + n.kind.replace("_", " ") + ")" : ""}${n.country ? ", " + n.country : ""}: ` +
      `${n.events} event${n.events > 1 ? "s" : ""}. Click to show only its events.`;
    const deg = p.a * 180 / Math.PI, left = Math.cos(p.a) < 0;
    const text = n.id.length > 26 ? n.id.slice(0, 25) + "…" : n.id;
    const node = svg("g", {class: "node" + (current === n.id ? " selected" : ""), "data-id": n.id, "data-kind": n.kind || "",
      tabindex: 0, role: "button", "aria-label": label},
      svg("circle", {cx: p.x, cy: p.y, r: 3 + 6 * Math.sqrt((n.events || 1) / maxNode)}, svg("title", {}, label)),
      svg("text", {x: p.x, y: p.y, dy: "0.35em", "text-anchor": left ? "end" : "start",
        transform: `rotate(${left ? deg + 180 : deg} ${p.x} ${p.y}) translate(${left ? -10 : 10} 0)`}, text));
    const pick = () => {
      document.getElementById("f-actor").value = n.id;
      applyFilters();
    };
    node.addEventListener("click", pick);
    node.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); pick(); } });
    group.append(node);
  }
  chart.append(group);
  document.getElementById("network-title").textContent = `Network of ${nodes.length} parties` +
    ((data.nodes || []).length > nodes.length ? ` (the most active of ${data.nodes.length})` : "") + ` and ${edges.length} links`;
}
