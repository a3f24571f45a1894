"""`kg actors`: a thin command over `kg.views.actors` (the listing reads the built graph, not a parse).

Kept free of spaCy and rdflib at import time; the lead wires `actors_report` into the CLI.
"""

from __future__ import annotations

from pathlib import Path


def actors_report(
    out: Path = Path("output"),
    graph: Path | None = None,
    kind: str | None = None,
    contains: str | None = None,
    fmt: str = "text",
) -> str:
    """The actors of the build in `out` (or of `graph`), filtered by type and name, formatted.

    Raises `kg.views.ViewError` with one clear sentence when there is no build or an option is wrong.
    """
    from kg.views import ViewError
    from kg.views.actors import format_actors, list_actors
    from kg.views.export import load

    path = graph or Path(out) / "graph.trig"
    if not path.exists():
        raise ViewError(f"No build found at '{path}'; run 'kg build' first or pass --out.")
    return format_actors(list_actors(load(path), kind=kind, contains=contains), fmt)
