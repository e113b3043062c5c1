// eventwire dashboard: the timeline. Counts per day, week or month (the server picks the period from the span,
// /api/stats), stacked by type, on an axis that always spans the chart: one day or twenty years fit.
// Drag across the chart to brush a range: it becomes the From/To filters of every view.
"use strict";

const CHART = {left: 40, right: 590, top: 10, bottom: 110};

function nextPeriod(iso, unit) {
  const d = new Date(iso + "T00:00:00Z");
  if (unit === "month") d.setUTCMonth(d.getUTCMonth() + 1, 1);
  else d.setUTCDate(d.getUTCDate() + (unit === "week" ? 7 : 1));
  return d.toISOString().slice(0, 10);
}

function periodsBetween(first, last, unit) {
  const out = [];
  for (let p = first; p <= last && out.length < 10000; p = nextPeriod(p, unit)) out.push(p);
  return out;
}

function drawTimeline(stats) {
  const chart = document.getElementById("timeline");
  clear(chart, true);
  const rows = stats.timeline || [];
  if (!rows.length) {
    chart.append(svg("text", {x: 300, y: 70, "text-anchor": "middle", class: "muted"}, "No dated events"));
    return;
  }
  const unit = stats.unit;
  const periods = periodsBetween(rows[0].period, rows[rows.length - 1].period, unit);
  const index = new Map(periods.map((p, i) => [p, i]));
  const stacks = periods.map(() => []);
  for (const r of rows) stacks[index.get(r.period)].push(r);
  const max = Math.max(...stacks.map((s) => s.reduce((n, r) => n + r.events, 0)));
  const {left, right, top, bottom} = CHART;
  const bw = (right - left) / periods.length;
  chart.append(svg("line", {x1: left, y1: bottom, x2: right, y2: bottom, class: "axis"}));
  chart.append(svg("text", {x: left - 4, y: top + 8, "text-anchor": "end", class: "tick"}, String(max)));
  chart.append(svg("text", {x: left - 4, y: bottom, "text-anchor": "end", class: "tick"}, "0"));
  // Ticks at years (long spans), months or days, at most about eight labelled.
  const yearly = unit === "month" && periods.length > 24;
  const starts = (p) => yearly ? p.endsWith("-01-01") : unit === "week" ? p.slice(8) <= "07" : true;
  const marks = periods.map((p, i) => [p, i]).filter(([p]) => starts(p));
  const every = Math.max(1, Math.ceil(marks.length / 8));
  marks.forEach(([p, i], k) => {
    if (k % every) return;
    const x = left + i * bw;
    chart.append(svg("line", {x1: x, y1: bottom, x2: x, y2: bottom + 4, class: "axis"}));
    chart.append(svg("text", {x: Math.min(right - 20, Math.max(left + 20, x)), y: bottom + 16, "text-anchor": "middle",
      class: "tick"}, yearly ? p.slice(0, 4) : unit === "day" ? p.slice(5) : p.slice(0, 7)));
  });
  const bars = svg("g", {class: "bars"});
  stacks.forEach((stack, i) => {
    let y = bottom;
    const x = left + i * bw;
    for (const r of stack.sort((a, b) => a.type.localeCompare(b.type))) {
      const h = (bottom - top) * r.events / max;
      y -= h;
      const label = `${unit} of ${r.period}: ${r.events} ${r.type}`;
      bars.append(svg("rect", {x: x + bw * 0.08, y, width: Math.max(bw * 0.84, 0.5), height: h, fill: colour(r.type),
        class: "bar", "data-period": r.period, "data-type": r.type, "data-count": r.events}, svg("title", {}, label)));
    }
  });
  chart.append(bars);
  document.getElementById("timeline-title").textContent = `Events per ${unit}, ${periods[0]} to ${periods[periods.length - 1]}, by type`;
  wireBrush(chart, periods, unit, bw);
}

function wireBrush(chart, periods, unit, bw) {
  // A transparent band over the bars takes the drag; the brushed periods become since/until.
  const {left, right, top, bottom} = CHART;
  const band = svg("rect", {x: left, y: top, width: right - left, height: bottom - top, class: "brush-area"});
  const sel = svg("rect", {x: left, y: top, width: 0, height: bottom - top, class: "brush", visibility: "hidden"});
  chart.append(band, sel);
  const toX = (ev) => {
    const r = chart.getBoundingClientRect();
    return Math.min(right, Math.max(left, (ev.clientX - r.left) / r.width * 600));
  };
  let from = null;
  band.addEventListener("pointerdown", (ev) => {
    from = toX(ev);
    band.setPointerCapture(ev.pointerId);
    sel.setAttribute("visibility", "visible");
    sel.setAttribute("x", from);
    sel.setAttribute("width", 0);
  });
  band.addEventListener("pointermove", (ev) => {
    if (from === null) return;
    const x = toX(ev);
    sel.setAttribute("x", Math.min(from, x));
    sel.setAttribute("width", Math.abs(x - from));
  });
  band.addEventListener("pointerup", (ev) => {
    if (from === null) return;
    const x = toX(ev), a = Math.min(from, x), b = Math.max(from, x);
    from = null;
    const i = Math.min(periods.length - 1, Math.floor((a - left) / bw));
    const j = Math.min(periods.length - 1, Math.floor((b - left) / bw));
    const last = new Date(nextPeriod(periods[j], unit) + "T00:00:00Z");
    last.setUTCDate(last.getUTCDate() - 1);
    document.getElementById("f-since").value = periods[i];
    document.getElementById("f-until").value = last.toISOString().slice(0, 10);
    applyFilters();
  });
}
