"""The pages in a real browser (Chromium from the system, driven by Playwright): what a person
sees on a phone and a laptop, a citation opening its highlighted span, the charts drawn, and no
hostile script running. Screenshots go to test-output/."""

from __future__ import annotations

import os
import shutil
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from dossier.web import create_app
from tests.conftest import ROOT
from tests.web.conftest import HOSTILE_ID
from tests.web.test_pages import PAGES

CHROMIUM = "/usr/bin/chromium"
SHOTS = ROOT / "test-output"
SIZES = {"phone": (390, 844), "laptop": (1366, 900)}


def _chromium() -> str:
    found = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    if not found:
        message = "Chromium is missing: `make test` installs it (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found


@pytest.fixture(scope="module")
def server(web_store: str) -> Iterator[str]:
    """The app under uvicorn on a free port of this machine, in a thread."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(web_store), host="127.0.0.1", port=port, log_level="error")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    started = threading.Event()
    while not started.wait(0.05):
        if running.started:
            started.set()
        elif not thread.is_alive():
            pytest.fail("uvicorn did not start")
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    executable = _chromium()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=executable, args=["--no-sandbox", "--disable-gpu"]
        )
        yield launched
        launched.close()


def _page(browser, width: int, height: int, seen: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.on("dialog", lambda dialog: (seen["dialogs"].append(dialog.message), dialog.dismiss()))
    page.on("request", lambda r: seen["requests"].append(r.url))
    return page


def test_pages_on_a_phone_and_a_laptop(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    SHOTS.mkdir(exist_ok=True)
    seen: dict[str, list[str]] = {"dialogs": [], "requests": []}
    for size, (width, height) in SIZES.items():
        page = _page(browser, width, height, seen)
        for name, path in (("home", "/"), ("group", "/groups/IS-K"), ("incidents", "/incidents")):
            page.goto(server + path)
            assert page.locator("h1").first.is_visible()
            wide = page.evaluate("document.documentElement.scrollWidth")
            assert wide <= width + 1, f"{path} scrolls sideways at {width}px"
            page.screenshot(path=str(SHOTS / f"{name}-{size}.png"), full_page=False)
        page.context.close()
    assert not seen["dialogs"]
    assert all(url.startswith(server) for url in seen["requests"]), "a page reached off-site"


PHONE = 375  # the narrowest phone in common use


def test_no_page_scrolls_sideways_on_a_narrow_phone(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    """Every page fits 375 px: the page never scrolls sideways (wide tables scroll inside their
    own box), and the map shrinks to the screen with its dots still big enough to see."""
    seen: dict[str, list[str]] = {"dialogs": [], "requests": []}
    page = _page(browser, PHONE, 740, seen)
    for path in (*PAGES, "/login", "/groups/nobody-at-all"):
        page.goto(server + path)
        inner, wide = page.evaluate(
            "[window.innerWidth, Math.max(document.documentElement.scrollWidth,"
            " document.body.scrollWidth)]"
        )
        assert inner == PHONE and wide <= inner, f"{path} is {wide}px wide on a {inner}px phone"
    page.goto(server + "/map")
    box = page.locator("#map svg").bounding_box()
    assert box and PHONE * 0.9 <= box["width"] <= PHONE, box
    dots = page.locator("#map circle.incident").all()
    assert len(dots) > 3
    for dot in dots:
        seen_box = dot.bounding_box()
        assert seen_box and seen_box["width"] >= 5, "a dot too small to see on a phone"
        assert (
            box["x"] <= seen_box["x"]
            and seen_box["x"] + seen_box["width"] <= box["x"] + box["width"]
        )
    page.screenshot(path=str(SHOTS / "map-phone-375.png"))
    # The graph of a group's relations: every label whole inside the chart, large enough to read.
    page.goto(server + "/groups/IS-K")
    graph = page.locator("#graph svg").bounding_box()
    assert graph
    for label in page.locator("#graph text").all():
        seen_box = label.bounding_box()
        assert seen_box and seen_box["height"] >= 8, label.inner_text()
        assert graph["x"] <= seen_box["x"] <= graph["x"] + graph["width"] - seen_box["width"]
    page.context.close()
    assert not seen["dialogs"]


def test_citation_opens_its_span_highlighted(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    seen: dict[str, list[str]] = {"dialogs": [], "requests": []}
    page = _page(browser, *SIZES["laptop"], seen)
    page.goto(server + "/groups/IS-K")
    citation = page.locator('section a[href*="#s-"]').first
    href = citation.get_attribute("href")
    citation.click()
    page.wait_for_url("**" + href.split("#")[0].replace("%", "*") + "#*")
    target = page.locator(":target")
    assert target.count() == 1
    assert target.get_attribute("id") == href.split("#")[1]
    assert target.is_visible()
    colour = target.evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour == "rgb(255, 179, 71)", colour  # the :target highlight of dossier.css
    page.screenshot(path=str(SHOTS / "citation-laptop.png"))


def test_map_and_graph_are_drawn(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    seen: dict[str, list[str]] = {"dialogs": [], "requests": []}
    page = _page(browser, *SIZES["laptop"], seen)
    page.goto(server + "/groups/IS-K")
    for chart, marks in (
        ("#map svg", "circle.incident"),
        ("#graph svg", "line.edge"),
        ("#index-chart svg", "rect.bar-weighted"),
    ):
        svg = page.locator(chart)
        box = svg.bounding_box()
        assert box and box["width"] > 100 and box["height"] > 50, chart
        assert svg.locator(marks).count() > 0, chart
    page.goto(server + "/map")
    # The base map: Natural Earth's countries as outlines, drawn with a real size, those of the
    # region the incidents are in (Africa to Afghanistan in the example corpus).
    assert page.locator("#map path.country").count() > 40
    outline = page.locator("#map path.country").first.bounding_box()
    assert outline and outline["width"] > 1 and outline["height"] > 1
    assert page.locator("#map circle.incident").count() > 3
    page.screenshot(path=str(SHOTS / "map-laptop.png"))
    page.goto(server + "/graph")
    assert page.locator("#graph circle.node").count() >= 4
    page.screenshot(path=str(SHOTS / "graph-laptop.png"))


def test_no_hostile_script_runs(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    seen: dict[str, list[str]] = {"dialogs": [], "requests": []}
    page = _page(browser, *SIZES["phone"], seen)
    for path in (f"/documents/{HOSTILE_ID}", "/documents", "/groups/IS-K", "/incidents"):
        page.goto(server + path)
        page.mouse.move(10, 10)
        for element in page.locator(".doc-text mark, td a").all()[:20]:
            element.hover()
        assert page.evaluate("typeof window.__pwned") == "undefined", path
    page.goto(server + f"/documents/{HOSTILE_ID}")
    assert page.locator(".doc-text a, .doc-text img, .doc-text script").count() == 0
    assert "<script>window.__pwned = 1</script>" in page.locator("h1").inner_text()
    page.screenshot(path=str(SHOTS / "hostile-phone.png"), full_page=True)
    assert not seen["dialogs"]
