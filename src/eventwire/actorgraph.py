"""The actors of a store as a graph an analyst can open: each canonical actor with its aliases (the words
texts use for it), kinds, countries and number of events; each SUPPORT/AID relation between two actors with
its dates, statements, statuses and evidence. Written as JSON or GraphML (Gephi, yEd, networkx read it)."""
from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape, quoteattr

from .store import Store
from .store.facts import inferred

FORMATS = ("table", "json", "graphml")


def graph(store: Store) -> dict[str, list[dict[str, Any]]]:
    """{"nodes": [...], "edges": [...]}, both sorted, so the same store always gives the same graph. An actor
    is ``inferred`` when every mention of it was read from the knowledge base, not named (store/facts.py)."""
    nodes: dict[str, dict[str, Any]] = {}

    def node(name: str) -> dict[str, Any]:
        return nodes.setdefault(name, {"id": name, "aliases": set(), "kinds": set(), "countries": set(),
                                       "events": 0, "relations": 0, "inferred": True})

    for m in store.actor_mentions():
        n = node(m["name"])
        if m["text"] and m["text"] != m["name"]:
            n["aliases"].add(m["text"])
        n["kinds"].update(k for k in (m["kind"],) if k)
        n["countries"].update(c for c in (m["country"],) if c)
        n["events"] += m["events"]
        n["inferred"] = n["inferred"] and inferred(m)
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for r in store.relation_rows():
        for side in ("source", "target"):
            n = node(r[side])
            if r[f"{side}_text"] and r[f"{side}_text"] != r[side]:
                n["aliases"].add(r[f"{side}_text"])
            n["kinds"].update(k for k in (r[f"{side}_kind"],) if k)
            n["countries"].update(c for c in (r[f"{side}_country"],) if c)
            n["relations"] += 1
            n["inferred"] = n["inferred"] and bool(r[f"{side}_inferred"])
        e = edges.setdefault((r["source"], r["target"], r["kind"]), {
            "source": r["source"], "target": r["target"], "kind": r["kind"], "relations": set(), "first": None,
            "last": None, "statements": 0, "statuses": set(), "inferred": True, "evidence": []})
        e["relations"].add(r["relation"])
        e["statuses"].add(r["status"])
        e["statements"] += 1
        if r["date"]:
            e["first"] = min(filter(None, (e["first"], r["date"])))
            e["last"] = max(filter(None, (e["last"], r["date"])))
        e["inferred"] = e["inferred"] and bool(r["source_inferred"] or r["target_inferred"])
        e["evidence"].append({"doc_id": r["doc_id"], "document": r["document"], "date": r["date"], "status": r["status"],
                              "text": r["evidence_text"], "source_inferred": r["source_inferred"],
                              "target_inferred": r["target_inferred"]})
    return {"nodes": [{**n, "aliases": sorted(n["aliases"]), "kinds": sorted(n["kinds"]),
                       "countries": sorted(n["countries"]),
                       "inferred": n["inferred"]}
                      for _, n in sorted(nodes.items())],
            "edges": [{**e, "relations": sorted(e["relations"]), "statuses": sorted(e["statuses"])}
                      for _, e in sorted(edges.items())]}


_KEYS = (("kinds", "node", "string"), ("countries", "node", "string"), ("aliases", "node", "string"),
         ("events", "node", "int"), ("inferred", "all", "boolean"), ("kind", "edge", "string"), ("relations", "edge", "string"),
         ("first", "edge", "string"), ("last", "edge", "string"), ("statements", "edge", "int"),
         ("statuses", "edge", "string"))


def graphml(g: dict[str, list[dict[str, Any]]]) -> str:
    """The graph as GraphML: list values joined with "; "."""
    def data(item: dict[str, Any], where: str) -> str:
        out = []
        for name, scope, _ in _KEYS:
            value = item.get(name)
            if scope not in (where, "all") or value is None:
                continue
            value = "; ".join(value) if isinstance(value, list) else str(value).lower() if isinstance(value, bool) else value
            out.append(f'<data key="{name}">{escape(str(value))}</data>')
        return "".join(out)

    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">']
    lines += [f'  <key id="{n}" for="{s}" attr.name="{n}" attr.type="{t}"/>' for n, s, t in _KEYS]
    lines.append('  <graph id="actors" edgedefault="directed">')
    lines += [f'    <node id={quoteattr(n["id"])}>{data(n, "node")}</node>' for n in g["nodes"]]
    lines += [f'    <edge source={quoteattr(e["source"])} target={quoteattr(e["target"])}>{data(e, "edge")}</edge>'
              for e in g["edges"]]
    lines += ["  </graph>", "</graphml>", ""]
    return "\n".join(lines)
