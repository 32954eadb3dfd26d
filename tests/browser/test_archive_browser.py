"""This repository's archive in Chromium: every page loads cleanly, passes axe, and fits a phone.

The crawl starts at the home page and follows same-site links, so a page that nothing links to
is caught as unreachable. Screenshots land in test-artifacts/screenshots/ for a person to look at.
"""

from __future__ import annotations

from collections import deque
from importlib import resources
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.request import urlopen

import pytest
from bs4 import BeautifulSoup

from browser.conftest import REPO

SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
PHONE, DESKTOP = 390, 1400
ARTICLE = "articles/vigil-held-in-downtown-la-to-urge-538-electors-not-to-name-trump-president/"
PERSON = "people/jessica-levinson/"
TOPIC = "topics/electoral-college/"
AUDITED = {  # the page kinds the theme has, one of each
    "home": "", "article": ARTICLE, "person": PERSON, "topic": TOPIC, "people": "people/",
    "topics": "topics/", "annotations": "annotations/", "search": "search/",
    # The whole lists behind an excerpt (the seed archive quotes no one often enough for a
    # person's quote pages; they share the topic's list markup and the person page's quotes).
    "topic annotations": TOPIC + "annotations/", "fact-checks": "annotations/fact-checks/",
    "corrections": "annotations/corrections/",
}
BLOCKING_IMPACTS = {"serious", "critical"}


def record_problems(page, problems: list[str]) -> None:
    """Append to ``problems`` whatever goes wrong while ``page`` loads: errors, failed requests."""
    page.on("console", lambda message: problems.append(f"{page.url}: console error: {message.text} "
                                                       f"({message.location.get('url')})")
            if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(f"{page.url}: script error: {error}"))
    # (not a request the browser dropped itself, the page being left: the icon it fetches after
    # the page has loaded, cut off by the next page's navigation, "net::ERR_ABORTED"; whether
    # the icon loads is test_every_page_has_an_icon_the_browser_can_load's)
    page.on("requestfailed", lambda request: problems.append(
        f"{page.url}: request failed: {request.url} ({request.failure})") if request.failure != "net::ERR_ABORTED" else None)
    page.on("response", lambda response: problems.append(
        f"{page.url}: HTTP {response.status} for {response.url}") if response.status >= 400 else None)


def expected_pages(site: Path) -> set[str]:
    """The URL path of every HTML page in the output a visitor should reach by following links."""
    paths = set()
    for html_file in site.rglob("*.html"):
        name = html_file.relative_to(site).as_posix()
        if name == "404.html":  # served for a missing address, linked from nowhere
            continue
        paths.add("/" + name.removesuffix("index.html"))
    return paths


def test_every_page_is_reachable_from_the_home_page_and_loads_cleanly(chromium, seed_site: Path, seed_archive: str):
    context = chromium.new_context(viewport={"width": PHONE, "height": 844})  # the narrowest layout
    context.set_default_timeout(10_000)
    page = context.new_page()
    problems: list[str] = []
    record_problems(page, problems)
    origin = urlsplit(seed_archive).netloc
    reached: set[str] = set()
    seen = {seed_archive}
    queue = deque([seed_archive])
    try:
        while queue:
            url = queue.popleft()
            # Every same-site link is fetched; only HTML is opened as a page (a link may be a
            # feed, a raw capture or a citation download).
            answer = context.request.get(url)
            if not answer.ok:
                problems.append(f"HTTP {answer.status} for {url}")
                continue
            if not answer.headers.get("content-type", "").startswith("text/html"):
                continue
            page.goto(url)
            if page.locator("script[src]").count():  # let its scripts finish what they load
                page.wait_for_load_state("networkidle")
            reached.add(urlsplit(page.url).path)
            if page.evaluate("document.documentElement.scrollWidth") > PHONE:
                problems.append(f"{page.url}: wider than a {PHONE}px phone screen")
            for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
                target = urldefrag(href).url
                if urlsplit(target).netloc == origin and target not in seen:
                    seen.add(target)
                    queue.append(target)
        page.goto(seed_archive + "404.html")  # not linked, but served for every bad address
    finally:
        context.close()
    assert problems == []
    assert expected_pages(seed_site) - reached == set()
    assert len(reached) > 20  # the seed archive: home, 2 articles, people and topics pages, indexes


def test_every_page_has_an_icon_the_browser_can_load(seed_site: Path, seed_archive: str):
    # Chromium asks for a page's icon on its own, after the page has loaded, so the crawl above
    # sees a missing one only by luck of timing. Without <link rel="icon"> it asks for
    # /favicon.ico at the root of the host, which is not even the site's own under a sub-path.
    missing = []
    for html_file in sorted(seed_site.rglob("*.html")):
        address = seed_archive + html_file.relative_to(seed_site).as_posix().removesuffix("index.html")
        link = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser").find(
            "link", rel=lambda rel: rel and "icon" in rel)
        icon = urljoin(address, link["href"] if link else "/favicon.ico")
        if icon.startswith("data:"):
            continue
        try:
            urlopen(icon, timeout=10).close()
        except HTTPError as error:
            missing.append(f"{address}: icon {icon}: HTTP {error.code}")
    assert missing == []


@pytest.fixture(scope="module")
def axe_source() -> str:
    """axe-core's browser script, as the axe-playwright-python package ships it (no download)."""
    try:
        return (resources.files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")
    except ModuleNotFoundError:
        pytest.fail("axe-core not found: install the test extras (pip install -e '.[test]'), "
                    "which include axe-playwright-python", pytrace=False)


def axe_violations(page, axe_source: str) -> list[str]:
    """Run axe-core in ``page``; one line per element in a serious or critical violation."""
    if not page.evaluate("'axe' in window"):
        page.evaluate(axe_source)
    violations = page.evaluate("axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)")
    return [
        f"{violation['id']} ({violation['impact']}): {' '.join(map(str, node['target']))} {node['html'][:160]}"
        f" - {node.get('failureSummary', '')}"
        for violation in violations if violation["impact"] in BLOCKING_IMPACTS
        for node in violation["nodes"]
    ]


@pytest.mark.parametrize("kind", list(AUDITED))
def test_page_has_no_serious_accessibility_violations(tab, seed_archive: str, axe_source: str, kind: str):
    tab.set_viewport_size({"width": DESKTOP, "height": 900})
    tab.goto(seed_archive + AUDITED[kind])
    if kind == "search":
        tab.wait_for_selector("#search-form[data-ready=true]")
    violations = []
    for scheme in ("light", "dark"):  # the theme has a dark palette: its contrast counts too
        tab.emulate_media(color_scheme=scheme)
        violations += [f"{scheme}: {violation}" for violation in axe_violations(tab, axe_source)]
    assert violations == []


def test_article_on_a_phone_with_every_note_open_has_no_serious_violations(tab, seed_archive: str, axe_source: str):
    tab.set_viewport_size({"width": PHONE, "height": 844})
    tab.goto(seed_archive + ARTICLE)
    labels = tab.locator("label.sidenote-number")
    assert labels.count() > 0
    for label in labels.all():
        label.click()
    assert tab.locator(".sidenote:visible").count() == labels.count()
    assert axe_violations(tab, axe_source) == []


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
@pytest.mark.parametrize("name, path", [("home", ""), ("article", ARTICLE), ("person", PERSON), ("topic", TOPIC),
                                        ("annotations", "annotations/"), ("topic-annotations", TOPIC + "annotations/")])
def test_screenshot_and_no_sideways_scrolling(tab, seed_archive: str, name: str, path: str, width: int):
    tab.set_viewport_size({"width": width, "height": 900})
    tab.goto(seed_archive + path)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / f"{name}-{width}.png"
    tab.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes().startswith(b"\x89PNG")
    # Nothing may stick out past the right edge: on a phone that means scrolling sideways to read.
    if tab.evaluate("document.documentElement.scrollWidth") > width:
        sticking_out = tab.evaluate("""width => [...document.body.querySelectorAll('*')]
            .filter(e => e.getBoundingClientRect().right > width + 0.5 && e.checkVisibility())
            .map(e => e.outerHTML.slice(0, 120))""", width)
        pytest.fail(f"wider than {width}px: {sticking_out}")
