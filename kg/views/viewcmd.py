"""`kg view [NAME]` and inline display in Jupyter: the HTML views of a built graph.

`view_command` (re)writes the views from a build's `graph.trig` and prints their paths, opening a
browser only when asked and one is available. `show` returns an object that Jupyter displays inline:
the self-contained page in a sandboxed `<iframe srcdoc>`, so it needs no file and no server.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.views import ViewError

if TYPE_CHECKING:
    import networkx as nx
    from rdflib import Graph

GRAPH_FILE = "graph.trig"


def view_command(
    name: str | None = None,
    out: Path = Path("output"),
    open_browser: bool = False,
    *,
    echo: Callable[[str], None] = print,
) -> dict[str, Path]:
    """Write the views (all, or only `name`) from `out/graph.trig` into `out`; print and return their paths.

    With `open_browser`, opens the named view (graph.html when none is named) in the default browser
    when one is available, and says so when none is.
    """
    from kg.views.export import load
    from kg.views.html import VIEWS, write_views

    views = VIEWS if name is None else (_view_name(name),)
    source = Path(out) / GRAPH_FILE
    if not source.is_file():
        raise ViewError(f"No built graph at {source}; run `kg build` first (or pass --out).")
    paths = write_views(load(source), Path(out), views=views)
    width = max(len(v) for v in paths)
    for view, path in paths.items():
        echo(f"  {view:<{width}}  {path}")
    if open_browser:
        target = paths[views[0]]
        if open_in_browser(target):
            echo(f"Opened {target} in the browser.")
        else:
            echo(f"No browser is available here; open {target} yourself.")
    return paths


def open_in_browser(path: Path) -> bool:
    """Open `path` in the user's browser; False when there is none (e.g. on a server without a display)."""
    import webbrowser

    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        return False
    try:
        return bool(browser.open(Path(path).resolve().as_uri()))
    except OSError:
        return False


def show(data: Graph | nx.MultiDiGraph | Path | str, view: str = "graph", *, height: int = 720) -> Any:
    """The view as an IPython HTML object: evaluate it in a notebook cell to see the page inline.

    `data` is a Dataset/Graph, the networkx graph of `kg.views.network.to_networkx`, or the path of a
    graph file (e.g. output/graph.trig). The page goes into a sandboxed iframe's `srcdoc` (scripts
    allowed, no access to the notebook), where its Content-Security-Policy still forbids any request.
    """
    from IPython.display import HTML

    return HTML(iframe_html(data, view, height=height))


def iframe_html(data: Graph | nx.MultiDiGraph | Path | str, view: str = "graph", *, height: int = 720) -> str:
    """An `<iframe>` holding the whole page in `srcdoc` (HTML-escaped), in a `<div>`, for notebooks."""
    from kg.views.export import load
    from kg.views.html import view_html

    if isinstance(data, (str, Path)):
        data = load(Path(data))
    page = view_html(data, _view_name(view))
    # wrapped in a div: IPython warns about HTML that starts with an iframe
    return (
        f'<div class="newskg-view"><iframe srcdoc="{html.escape(page, quote=True)}" sandbox="allow-scripts" '
        f'style="width: 100%; height: {int(height)}px; border: 1px solid #d0d7de;" '
        f'title="{html.escape(view)}"></iframe></div>'
    )


def _view_name(name: str) -> str:
    """Accept "graph", "pledges", "network", or their file names ("graph.html")."""
    from kg.views.html import VIEWS

    cleaned = name.strip().lower().removesuffix(".html")
    if cleaned not in VIEWS:
        raise ViewError(f"Unknown view '{name}'; use one of: {', '.join(VIEWS)}.")
    return cleaned
