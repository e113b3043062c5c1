"""The house plan, checked: import circles, private names taken from another package, stages that
import each other.

    python bench/layout.py [PACKAGE_DIR]        # default: src/eventwire

Reads every module of the package with ``ast`` (nothing is imported or run), counting imports inside
functions too (an import moved into a function to dodge a circle is still the circle) but not those
under ``if TYPE_CHECKING:`` (never run, so no circle at run time). A package ``x/__init__.py`` is the
module ``x``. It prints

- every import circle (a strongly connected part of the import graph, with one cycle through it);
- every private name (``_name``) one package takes from another, by ``from m import _name`` or ``m._name``;
- every import that goes up the plan (``ORDER``): ``lang``, ``model`` and ``settings`` lie below all
  stages, ``pipeline`` and ``frontdoors`` above them, and a stage reads only what stands below it;

and exits with status 1 if it printed anything.
"""
from __future__ import annotations

import ast
import sys
from collections import deque
from dataclasses import dataclass
from pathlib import Path

#: The plan, lowest first: a package may import the packages before it in this order, never one after it.
#: ``lang``, ``model`` and ``settings`` lie below every stage; the stages follow in the order of what they
#: know (time words before the parse that reads them, places before the actors placed by them, actors before
#: the coder that names them); ``pipeline`` and the front doors stand above them all.
ORDER = ("settings", "model", "lang", "ingest", "timex", "nlp", "geo", "actors", "coding", "incidents",
         "serialize", "store", "export", "export_incidents", "actorgraph", "pipeline", "frontdoors", "__main__")


@dataclass(frozen=True)
class Import:
    source: str  # the importing module
    target: str  # the imported module of the package
    names: tuple[str, ...]  # names taken from it ("from target import a, b"), else ()
    line: int
    typing_only: bool  # under `if TYPE_CHECKING:`


def modules(root: Path) -> dict[str, Path]:
    """Module name -> file, for every .py file under the package folder ``root``."""
    out = {}
    for path in sorted(root.rglob("*.py")):
        parts = [root.name, *path.relative_to(root).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _is_package(name: str, files: dict[str, Path]) -> bool:
    return files[name].name == "__init__.py"


def _resolve(module: str, level: int, base: str | None, files: dict[str, Path]) -> str:
    """The absolute name of ``from <level dots><base> import ...`` written in ``module``."""
    if level == 0:
        return base or ""
    package = module if _is_package(module, files) else module.rpartition(".")[0]
    for _ in range(level - 1):
        package = package.rpartition(".")[0]
    return f"{package}.{base}" if base else package


def _known(name: str, files: dict[str, Path]) -> str | None:
    """The longest prefix of a dotted name that is a module of the package."""
    while name and name not in files:
        name = name.rpartition(".")[0]
    return name or None


def _typing_lines(tree: ast.AST) -> set[int]:
    """Lines of the statements under ``if TYPE_CHECKING:``."""
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test).endswith("TYPE_CHECKING"):
            for stmt in node.body:
                lines.update(range(stmt.lineno, (stmt.end_lineno or stmt.lineno) + 1))
    return lines


def imports(module: str, tree: ast.AST, files: dict[str, Path]) -> list[Import]:
    """Every import of a module of the package in ``module``, wherever it is written."""
    typing = _typing_lines(tree)
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if (target := _known(alias.name, files)) is not None:
                    out.append(Import(module, target, (), node.lineno, node.lineno in typing))
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(module, node.level, node.module, files)
            taken = []
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                if sub in files:  # "from . import coding": the submodule itself
                    out.append(Import(module, sub, (), node.lineno, node.lineno in typing))
                else:
                    taken.append(alias.name)
            if taken and (target := _known(base, files)) is not None:
                out.append(Import(module, target, tuple(taken), node.lineno, node.lineno in typing))
    return out


def package_of(module: str) -> str:
    """The part of the plan a module belongs to: its first name under the root package."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def private_uses(module: str, tree: ast.AST, found: list[Import]) -> list[tuple[int, str, str]]:
    """(line, private name, module it belongs to) taken by ``module`` from another package."""
    out = [(i.line, n, i.target) for i in found for n in i.names
           if _private(n) and package_of(i.target) != package_of(module)]
    bound: dict[str, str] = {}  # local name -> module of the package it stands for
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                local = alias.asname or alias.name.split(".")[0]
                target = next((i.target for i in found if i.line == node.lineno and not i.names
                               and i.target.rpartition(".")[2] == alias.name.rpartition(".")[2]), None)
                if target is not None and (alias.asname or "." not in alias.name):
                    bound[local] = target
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and _private(node.attr):
            target = bound.get(node.value.id)
            if target is not None and package_of(target) != package_of(module):
                out.append((node.lineno, node.attr, target))
    return sorted(set(out))


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """One cycle through each strongly connected part of the graph (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    parts: list[list[str]] = []
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                part = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    part.append(member)
                    if member == node:
                        break
                if len(part) > 1 or node in edges.get(node, ()):
                    parts.append(sorted(part))
    return [_cycle(part[0], set(part), edges) for part in sorted(parts)]


def _cycle(start: str, part: set[str], edges: dict[str, set[str]]) -> list[str]:
    """A shortest way from ``start`` back to itself inside ``part``."""
    before: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for child in sorted(edges.get(node, ())):
            if child not in part:
                continue
            if child == start:
                path = [node]
                while path[-1] != start:
                    path.append(before[path[-1]])
                return [start, *reversed(path[:-1]), start]
            if child not in before:
                before[child] = node
                queue.append(child)
    return [start, start]


def layer_problem(source: str, target: str) -> str | None:
    """Why an import goes against the plan, or None."""
    a, b = package_of(source), package_of(target)
    if a == b or "." not in source or "." not in target:
        return None  # the root package: its version is read anywhere, its lazy code()/pipe() stand above all
    for part in (a, b):
        if part not in ORDER:
            return f"{part} has no place in the plan (bench/layout.py ORDER)"
    if ORDER.index(b) > ORDER.index(a):
        return f"{a} imports {b}, which stands above it in the plan"
    return None


def check(root: Path) -> list[str]:
    """The problems of the package folder ``root``, one line each."""
    files = modules(root)
    problems: list[str] = []
    edges: dict[str, set[str]] = {m: set() for m in files}
    where: dict[tuple[str, str], int] = {}
    for module, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        path = path.relative_to(root.parent)
        found = imports(module, tree, files)
        for i in found:
            if not i.typing_only and i.target != module:
                edges[module].add(i.target)
                where.setdefault((module, i.target), i.line)
            if (why := layer_problem(module, i.target)) is not None:
                problems.append(f"layer: {path}:{i.line}: {module} imports {i.target}: {why}")
        for line, name, target in private_uses(module, tree, found):
            problems.append(f"private: {path}:{line}: {module} takes {name} from {target}")
    for cycle in circles(edges):
        steps = [f"{a} ({files[a].relative_to(root.parent)}:{where[a, b]})" for a, b in zip(cycle, cycle[1:])]
        problems.insert(0, "circle: " + " -> ".join(steps) + f" -> {cycle[-1]}")
    return problems


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else Path(__file__).resolve().parents[1] / "src" / "eventwire"
    problems = check(root)
    for line in problems:
        print(line)
    print(f"{len(problems)} problem(s) in {root}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
