"""How fast the who-said-what page becomes usable at 2,000 nodes and 5,000 edges, in headless Chromium.

Generates a synthetic graph (`kg.views.network.synthetic_graph`), writes graph.html, opens it from
file:// with Playwright driving the system Chromium, and records per run:

- ready: ms from navigation start until `body[data-ready]` (the first frame is drawn; the page's
  own `performance.now()`, so the Python/CDP overhead is not counted);
- click: ms from navigation start until a click on the busiest actor has filled the side panel
  (the first successful interaction), and the click's own latency;
- search: latency of finding an actor by alias through the search box;
- failed or non-file requests and console errors (must be 0).

Variants side by side in one run: this page (layout precomputed in Python, physics off) and the
first version's approach (vis-network physics stabilisation in the browser, 300 iterations).

    .venv/bin/python bench/html_load.py                 # 5 runs of each variant
    .venv/bin/python bench/html_load.py --runs 3 --no-physics
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def write_pages(
    folder: Path, nodes: int, edges: int, physics: bool
) -> tuple[dict[str, Path], dict[str, float]]:
    """The page of each variant, and the seconds Python took to build the graph and the page."""
    from kg.views.html import graph_data, render_page
    from kg.views.network import synthetic_graph

    timings: dict[str, float] = {}
    started = time.perf_counter()
    graph = synthetic_graph(nodes, edges)
    timings["generate graph"] = time.perf_counter() - started
    started = time.perf_counter()
    payload = graph_data(graph, title="Synthetic")
    timings["page data (incl. layout)"] = time.perf_counter() - started
    started = time.perf_counter()
    pages = {"precomputed layout, physics off": folder / "graph.html"}
    pages["precomputed layout, physics off"].write_text(render_page(payload, title="Synthetic"), "utf-8")
    timings["render HTML"] = time.perf_counter() - started
    if physics:
        for node in payload["nodes"]:
            node.pop("x", None)
            node.pop("y", None)
        payload["options"]["physics"] = {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "stabilization": {"enabled": True, "iterations": 300, "updateInterval": 25},
        }
        pages["browser physics, 300 iterations"] = folder / "physics.html"
        pages["browser physics, 300 iterations"].write_text(render_page(payload, title="Synthetic"), "utf-8")
    return pages, timings


def measure(browser, path: Path) -> dict[str, float]:  # noqa: ANN001 (playwright Browser)
    """Open `path` in a fresh page and time readiness, a click on an actor and an alias search."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    problems: list[str] = []
    page.on("requestfailed", lambda r: problems.append(f"failed {r.url[:80]}"))
    page.on("request", lambda r: r.url.startswith("file://") or problems.append(f"request {r.url[:80]}"))
    page.on("console", lambda m: m.type == "error" and problems.append(f"console {m.text[:120]}"))
    page.on("pageerror", lambda e: problems.append(f"error {e}"))
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-ready]", timeout=120_000)
    ready = float(page.get_attribute("body", "data-ready-ms") or "nan")
    marks = dict(page.evaluate("performance.getEntriesByType('mark').map(m => [m.name, m.startTime])"))

    # click on the actor with the most statements, where it is drawn
    target, x, y = page.evaluate(
        """() => {
            const v = window.kgView, d = v.data;
            const best = d.nodes.filter(n => n.said).sort((a, b) => b.said.length - a.said.length)[0];
            const p = v.network.canvasToDOM(v.network.getPositions([best.id])[best.id]);
            const box = document.getElementById('graph').getBoundingClientRect();
            return [best.id, box.left + p.x, box.top + p.y];
        }"""
    )
    before = page.evaluate("performance.now()")
    page.mouse.click(x, y)
    page.wait_for_function("id => document.getElementById('panel').dataset.node === id", arg=target)
    clicked = page.evaluate("performance.now()")
    shown = page.evaluate("document.querySelectorAll('#panel li.statement').length")

    alias = page.evaluate("window.kgView.data.nodes.find(n => n.aliases && n.aliases.length > 1).aliases[1]")
    started = time.perf_counter()
    page.fill("#search-input", alias)
    page.press("#search-input", "Enter")
    page.wait_for_function("() => document.getElementById('panel').dataset.node !== undefined")
    search = (time.perf_counter() - started) * 1000
    page.close()
    return {
        "html parsed": marks.get("script", float("nan")),
        "vis network built": marks.get("network", float("nan")) - marks.get("datasets", float("nan")),
        "first frame": marks.get("drawn", float("nan")) - marks.get("network", float("nan")),
        "ready": ready,
        "click done": clicked,
        "click latency": clicked - before,
        "search latency": search,
        "statements shown": shown,
        "problems": len(problems),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--edges", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-physics", action="store_true", help="skip the in-browser physics variant")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is missing: apt-get install chromium", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        pages, timings = write_pages(Path(tmp), args.nodes, args.edges, physics=not args.no_physics)
        size = pages["precomputed layout, physics off"].stat().st_size
        print(f"graph: {args.nodes} nodes, {args.edges} edges; page {size / 1e6:.1f} MB")
        for step, seconds in timings.items():
            print(f"python {step}: {seconds:.2f} s")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
            print(f"browser: Chromium {browser.version}, headless; {os.cpu_count()} CPUs")
            print("load average before: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
            print()
            print(
                "| variant | runs | ready (ms, median / max) | first click done (ms) | click latency (ms) |"
                " search latency (ms) | problems |"
            )
            print("|---|---|---|---|---|---|---|")
            breakdown: list[str] = []
            for name, path in pages.items():
                runs = args.runs if "physics off" in name else 1
                results = [measure(browser, path) for _ in range(runs)]

                def col(key: str, results: list[dict[str, float]] = results) -> str:
                    values = [r[key] for r in results]
                    return f"{statistics.median(values):.0f} / {max(values):.0f}"

                problems = sum(int(r["problems"]) for r in results)
                print(
                    f"| {name} | {runs} | {col('ready')} | {col('click done')} | {col('click latency')} |"
                    f" {col('search latency')} | {problems} |"
                )
                breakdown.append(
                    f"{name}: HTML and scripts parsed {col('html parsed')}, vis.Network built"
                    f" {col('vis network built')}, first frame {col('first frame')} (ms, median / max)"
                )
            print()
            print("\n".join(breakdown))
            browser.close()
        print("load average after: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
