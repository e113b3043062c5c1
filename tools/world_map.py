"""Convert Natural Earth's 1:110m country outlines (the npm package world-atlas, TopoJSON) into the SVG
paths the dashboard draws: src/eventwire/frontdoors/web/world.json.

    npm install --prefix /tmp/atlas world-atlas@2
    python tools/world_map.py /tmp/atlas/node_modules/world-atlas/countries-110m.json

Coordinates are equirectangular, as the dashboard's map: x = longitude + 180, y = 90 - latitude, in degrees
rounded to 0.01. Natural Earth is in the public domain; world-atlas (ISC) only repackages it.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "frontdoors" / "web" / "world.json"


def arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The topology's arcs as (lon, lat) points: quantised, delta-encoded integers made degrees again."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    out = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        out.append(points)
    return out


def ring(indexes: list[int], decoded: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """A closed ring from its arcs; a negative index ~i is arc i reversed; joined arcs share an end point."""
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = decoded[i] if i >= 0 else decoded[~i][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def path(rings: list[list[tuple[float, float]]]) -> str:
    """SVG path data; a ring that jumps across the antimeridian is split there instead of drawn across the map."""
    parts = []
    for points in rings:
        last = None
        for lon, lat in points:
            x, y = round(lon + 180, 2), round(90 - lat, 2)
            move = last is None or abs(x - last) > 180
            parts.append(f"{'M' if move else 'L'}{x:g} {y:g}")
            last = x
        parts.append("Z")
    return "".join(parts)


def convert(source: Path) -> dict:
    topology = json.loads(source.read_text(encoding="utf-8"))
    decoded = arcs(topology)
    countries = []
    for g in topology["objects"]["countries"]["geometries"]:
        polygons = [g["arcs"]] if g["type"] == "Polygon" else g["arcs"] if g["type"] == "MultiPolygon" else []
        rings = [ring(r, decoded) for polygon in polygons for r in polygon]
        if rings:
            countries.append({"id": g.get("id"), "name": g["properties"]["name"], "d": path(rings)})
    return {"source": "Natural Earth 1:110m Admin 0 countries (naturalearthdata.com), via the npm package "
                      "world-atlas 2 (countries-110m.json)",
            "licence": "public domain (Natural Earth); world-atlas is ISC",
            "projection": "equirectangular: x = longitude + 180, y = 90 - latitude",
            "countries": sorted(countries, key=lambda c: c["name"])}


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("topojson", type=Path, help="world-atlas's countries-110m.json")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    world = convert(args.topojson)
    args.out.write_text(json.dumps(world, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(world['countries'])} countries, {args.out.stat().st_size / 1024:.0f} KiB → {args.out}")
