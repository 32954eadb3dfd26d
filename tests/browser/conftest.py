"""Browser tests: real headless Chromium driven by Playwright.

The browser is the system's Chromium (Debian's ``chromium`` package, which scripts/test.sh
installs), never one downloaded by Playwright. Set SITEGEN_CHROMIUM to use another binary.
Without a Chromium these tests fail rather than skip: a skipped browser test proves nothing.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from sitegen.build import build
from sitegen.diagnostics import Diagnostics

REPO = Path(__file__).resolve().parents[2]

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]


def chromium_executable() -> str | None:
    return os.environ.get("SITEGEN_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def chromium():
    executable = chromium_executable()
    if executable is None:
        pytest.fail("Chromium not found: install Debian's chromium package (scripts/test.sh does) "
                    "or set SITEGEN_CHROMIUM to a Chromium binary", pytrace=False)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def tab(chromium):
    """A fresh page; fails the test if the page reports a script error or a CSP violation."""
    context = chromium.new_context()
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on("console", lambda message: problems.append(f"console: {message.text}")
            if message.type == "error" and "Content Security Policy" in message.text else None)
    yield page
    context.close()
    assert problems == []


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@contextlib.contextmanager
def static_server(folder: Path):
    """Serve ``folder`` as plain static files, the way GitHub Pages does; yields the origin."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory) -> Path:
    """This repository's own archive, built with its search index (as the Pages workflow builds it)."""
    output = tmp_path_factory.mktemp("seed") / "public"
    build(REPO, Diagnostics(), search=True, output_dir=output)
    return output


@pytest.fixture(scope="session")
def seed_archive(seed_site: Path) -> str:
    """``seed_site`` served at the root of a local origin; yields its address, ending in "/"."""
    with static_server(seed_site) as origin:
        yield origin + "/"
