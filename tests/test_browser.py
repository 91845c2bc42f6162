"""The HTML views in a real headless Chromium: drawn, searchable, clickable, offline and inert.

Uses Playwright for Python driving the system's Chromium (Debian's
``chromium`` package, which ``.ci/run`` installs); Playwright never
downloads a browser here. Pages are opened from ``file://`` with every other
request aborted and recorded.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import kg
from graphs.html import write_html

CHROMIUM = next((p for p in ("/usr/bin/chromium", "/usr/bin/chromium-browser") if Path(p).exists()), None)
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is a test extra")
    if CHROMIUM is None and shutil.which("chromium") is None:
        pytest.skip("no Chromium installed (Debian package 'chromium'; .ci/run installs it)")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM or shutil.which("chromium"), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Page:
    """A page opened from file:// that records console errors, dialogs and attempted requests."""

    def __init__(self, browser, path: Path) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_function("window.kgDrawn === true", timeout=15000)

    def _route(self, route) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            self.requests.append(route.request.url)
            route.abort()

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def overview_page(browser, sample_build_dir):
    page = Page(browser, sample_build_dir / "graph.html")
    yield page
    page.close()


def test_overview_draws_every_node_without_errors_or_requests(overview_page, sample_graph):
    page = overview_page.page
    assert page.evaluate("window.kgNodeCount") == sample_graph.nx.number_of_nodes()
    width, height = page.evaluate("[document.querySelector('canvas').width, document.querySelector('canvas').height]")
    assert width > 500 and height > 500
    painted = page.evaluate("""() => {
        const c = document.querySelector('canvas'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n; }""")
    assert painted > 1000
    assert overview_page.errors == []
    assert overview_page.requests == []
    legend = page.inner_text("#legend")
    assert "Architecture" in legend and "Dataset" in legend


def test_search_by_alias_focuses_the_node(overview_page):
    page = overview_page.page
    page.fill("#search", "resnet50")  # an alias, in another case
    page.dispatch_event("#search", "change")
    assert page.evaluate("window.kgNetwork.getSelectedNodes()") == ["architecture:resnet-50"]
    assert "ResNet-50" in page.inner_text("#details")
    page.keyboard.press("Escape")  # close the suggestion list, as a user would
    page.evaluate("document.activeElement.blur()")


def test_clicking_a_node_shows_its_details_and_papers(overview_page):
    page = overview_page.page
    # the dataset node farthest from any other node, so the click cannot land on a neighbour
    target = page.evaluate("""() => {
        const n = window.kgNetwork, ids = n.body.data.nodes.getIds(), pos = n.getPositions(ids);
        let best = null, bestGap = -1;
        for (const id of ids) {
            if (!id.startsWith('dataset:')) continue;
            let gap = Infinity;
            for (const other of ids) { if (other !== id) {
                const dx = pos[id].x - pos[other].x, dy = pos[id].y - pos[other].y;
                gap = Math.min(gap, Math.hypot(dx, dy)); } }
            if (gap > bestGap) { bestGap = gap; best = id; }
        }
        n.moveTo({position: pos[best], scale: 2, animation: false});
        return best; }""")
    x, y = page.evaluate("""(id) => { const n = window.kgNetwork; const d = n.canvasToDOM(n.getPositions([id])[id]);
        const r = document.querySelector('#network').getBoundingClientRect(); return [r.left + d.x, r.top + d.y]; }""",
                         target)
    page.mouse.click(x, y)
    details = page.inner_text("#details")
    assert page.evaluate("window.kgNetwork.getSelectedNodes()") == [target]
    assert "Dataset" in details and "Papers" in details
    heading = page.evaluate("document.querySelector('#details h2').textContent")
    assert heading == page.evaluate("(id) => window.kgLabelOf(id)", target)


def test_hostile_title_is_shown_as_text_and_runs_nothing(browser, tmp_path):
    graph = kg.build([kg.Paper(id="evil", title=HOSTILE, abstract="We train ResNet-50 on ImageNet. <script>alert(2)</script>")])
    path = tmp_path / "evil.html"
    write_html(graph.nx, path)
    page = Page(browser, path)
    try:
        page.page.evaluate("window.kgFocus('paper:evil')")
        details = page.page.inner_text("#details")
        assert HOSTILE in details and "<script>alert(2)</script>" in details
        assert page.page.evaluate("document.querySelectorAll('#details img, #details script').length") == 0
        assert page.dialogs == [] and page.requests == [] and page.errors == []
    finally:
        page.close()


def test_ego_view_of_a_family_includes_its_variants(browser, sample_build_dir, tmp_path):
    from kg.cli import main

    out = tmp_path / "resnet.html"
    assert main(["view", "ResNet", "--graph", str(sample_build_dir), "-o", str(out)]) == 0
    page = Page(browser, out)
    try:
        ids = page.page.evaluate("window.kgNetwork.body.data.nodes.getIds()")
        assert {"architecture:resnet", "architecture:resnet-50"} <= set(ids)
        assert page.errors == [] and page.requests == []
    finally:
        page.close()
