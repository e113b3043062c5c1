"""The house plan holds (bench/layout.py): no import circle, no private name taken from another
package, no import going up the plan (bench/layout.py's ORDER)."""
from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

LAYOUT = ROOT / "bench" / "layout.py"


def layout(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(LAYOUT), *args], capture_output=True, text=True, timeout=120)


def test_the_package_keeps_to_the_plan():
    proc = layout()
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_checker_finds_what_it_looks_for(tmp_path):
    """A tiny package written for the test, with a circle hidden in a function, a private name taken
    across packages and an import that goes up the plan: each is reported, and a clean package is not."""
    pkg = tmp_path / "pkg"
    for name, text in {
        "__init__.py": "",
        "model.py": "from dataclasses import dataclass\n",
        "pipeline.py": "from .geo import place\nfrom . import model\n",
        "geo/__init__.py": "from .place import where\n",
        "geo/place.py": "def where():\n    from ..pipeline import run\n    return run\n",
        "actors/__init__.py": "",
        "geo/context.py": "from ..actors import who\n",
        "extra.py": "from .geo import place\n",
        "actors/context.py": "from ..geo.place import _near\n",
    }.items():
        (pkg / name).parent.mkdir(parents=True, exist_ok=True)
        (pkg / name).write_text(text)
    out = layout(str(pkg))
    assert out.returncode == 1
    lines = out.stdout.splitlines()
    assert [line for line in lines if line.startswith("circle:")] == [
        "circle: pkg.geo.place (pkg/geo/place.py:2) -> pkg.pipeline (pkg/pipeline.py:1) -> pkg.geo.place"]
    assert "private: pkg/actors/context.py:1: pkg.actors.context takes _near from pkg.geo.place" in lines
    assert "layer: pkg/geo/context.py:1: pkg.geo.context imports pkg.actors: geo imports actors, which stands above it in the plan" \
        in lines
    assert "layer: pkg/geo/place.py:2: pkg.geo.place imports pkg.pipeline: geo imports pipeline, which stands above it in the plan" \
        in lines
    assert not any(line.startswith("layer: pkg/actors/") for line in lines)  # actors may read geo
    assert "layer: pkg/extra.py:1: pkg.extra imports pkg.geo.place: extra has no place in the plan (bench/layout.py ORDER)" \
        in lines
    (pkg / "geo" / "place.py").write_text("def where():\n    return None\n")
    (pkg / "actors" / "context.py").write_text("from ..model import dataclass\n")
    (pkg / "geo" / "context.py").write_text("")
    (pkg / "extra.py").unlink()
    clean = layout(str(pkg))
    assert clean.returncode == 0 and clean.stdout.splitlines() == [f"0 problem(s) in {pkg}"]
