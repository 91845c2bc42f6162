"""How fast the HTML views open: from page load to a drawn network, in headless Chromium.

For the seed graph and for a graph of the first N abstracts of the shared
arXiv corpus (default 20,000), prints node and edge counts of the view the
tool writes (the overview for big graphs), file size, seconds spent in
Python (extraction, layout, writing) and seconds in the browser from
navigation to the first drawn frame. Screenshots of the overview and of one
ego view go to a temporary folder whose path is printed.

    python benchmarks/bench_html.py [--abstracts 20000] [--corpus ../shared/corpus/arxiv-cs-2025.jsonl.gz]

The network is stable as soon as it is drawn: positions come from Python and
physics is off, so there is no settling phase to wait for.
"""
from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import kg  # noqa: E402
from graphs.html import write_html  # noqa: E402
from graphs.layout import compute_layout  # noqa: E402
from graphs.views import ego_view, overview  # noqa: E402

CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]


def build_view(papers, out: Path) -> dict:
    started = time.perf_counter()
    graph = kg.build(papers)
    extracted = time.perf_counter()
    view, note = overview(graph.nx)
    positions = compute_layout(view)
    laid_out = time.perf_counter()
    write_html(view, out, note=note, positions=positions)
    written = time.perf_counter()
    return {"graph": graph, "view": view, "extract_s": extracted - started, "layout_s": laid_out - extracted,
            "write_s": written - laid_out, "path": out}


def open_in_browser(browser, path: Path, screenshot: Path | None) -> float:
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
    started = time.perf_counter()
    page.goto(path.resolve().as_uri())
    page.wait_for_function("window.kgDrawn === true", timeout=120_000)
    seconds = time.perf_counter() - started
    if screenshot is not None:
        page.screenshot(path=str(screenshot))
    page.close()
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--abstracts", type=int, default=20_000)
    parser.add_argument("--corpus", default=str(Path(__file__).resolve().parents[2] / "shared/corpus/arxiv-cs-2025.jsonl.gz"))
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    folder = Path(tempfile.mkdtemp(prefix="kg-bench-html-"))
    cases = [("seed", list(kg.read_corpus(kg.sample_corpus_path())))]
    if Path(args.corpus).exists():
        cases.append((f"arxiv-{args.abstracts}", list(itertools.islice(kg.read_corpus(args.corpus), args.abstracts))))
    else:
        print(f"(skipping the big graph: {args.corpus} not found)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        print(f"{'view':>16} {'papers':>7} {'nodes':>7} {'edges':>7} {'MB':>6} {'extract s':>9} {'layout s':>8} "
              f"{'write s':>7} {'browser s':>9}")
        for name, papers in cases:
            result = build_view(papers, folder / f"{name}.html")
            view = result["view"]
            seconds = open_in_browser(browser, result["path"], folder / f"{name}-overview.png")
            size = result["path"].stat().st_size / 1e6
            print(f"{name:>16} {len(papers):>7} {view.number_of_nodes():>7} {view.number_of_edges():>7} {size:>6.1f} "
                  f"{result['extract_s']:>9.1f} {result['layout_s']:>8.1f} {result['write_s']:>7.1f} {seconds:>9.2f}")
            if name == "seed":
                graph = result["graph"]
                ego = ego_view(graph.nx, graph.resolve("ResNet"), depth=1)
                ego_path = folder / "ego-resnet.html"
                write_html(ego, ego_path, title="ResNet and its neighbourhood")
                ego_seconds = open_in_browser(browser, ego_path, folder / "ego-resnet.png")
                print(f"{'ego ResNet':>16} {'':>7} {ego.number_of_nodes():>7} {ego.number_of_edges():>7} "
                      f"{ego_path.stat().st_size / 1e6:>6.1f} {'':>9} {'':>8} {'':>7} {ego_seconds:>9.2f}")
        browser.close()
    print(f"screenshots and pages: {folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
