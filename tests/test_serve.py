"""``sitegen serve``: the dev server's pages, live-reload events, error page, watcher and command.

Most tests run the server in this process on a free port and call ``rebuild`` directly, so
they wait for nothing; one test watches real files, and a few run the command as a user would.
tests/browser/ checks the reload itself in Chromium.
"""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import watchfiles
from bs4 import BeautifulSoup
from click.testing import CliRunner

from conftest import article, write_files
from sitegen.serve import (EVENTS_URL, SCRIPT_URL, DevSite, SiteFilter, inject_live_script, make_server,
                           serve_command, serve_folder)

SITE = {
    "sitegen.yaml": "title: Dev Site\n",
    "content/articles/first/index.md": article("First Title", "Hello.", date="2016-12-18"),
}


@dataclass
class Served:
    dev: DevSite
    port: int

    def get(self, path: str, method: str = "GET"):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
        connection.request(method, path)
        response = connection.getresponse()
        body = response.read()
        connection.close()
        return response, body


@pytest.fixture
def served(tmp_path: Path):
    """Start a server for a small site: ``served(base_url=None)`` -> Served."""
    servers = []

    def start(base_url: str | None = None) -> Served:
        root = write_files(tmp_path / "site", SITE)
        dev = DevSite(root, tmp_path / "serve" / "site", base_url)
        dev.rebuild()
        server = make_server(dev, "127.0.0.1", 0)
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        servers.append(server)
        return Served(dev, server.server_address[1])

    yield start
    for server in servers:
        server.RequestHandlerClass.dev.live.close()  # ends open event streams
        server.shutdown()
        server.server_close()


def html(body: bytes) -> BeautifulSoup:
    return BeautifulSoup(body.decode("utf-8"), "html.parser")


def test_pages_get_the_live_script_but_built_files_never_do(served, tmp_path: Path):
    server = served()
    dev, get = server.dev, server.get
    response, body = get("/articles/first/")
    assert response.status == 200
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"
    script = html(body).find_all("script")[-1]
    assert script["src"] == SCRIPT_URL and script["data-events"] == EVENTS_URL
    assert script["data-build"] == dev.live.current.build_id
    built = dev.output / "articles" / "first" / "index.html"
    assert html(built.read_bytes()).find("script", src=SCRIPT_URL) is None
    assert not (tmp_path / "site" / "public").exists()  # serve builds elsewhere, never into public/
    response, body = get(SCRIPT_URL)
    assert response.status == 200 and "javascript" in response.getheader("Content-Type")
    assert b"EventSource" in body


def test_site_is_served_under_its_base_path(served):
    server = served(base_url="https://example.org/repo/")
    dev, get = server.dev, server.get
    assert dev.base_path == "/repo/"
    response, _ = get("/")
    assert response.status == 302 and response.getheader("Location") == "/repo/"
    response, body = get("/repo/articles/first/")
    assert response.status == 200 and html(body).h1.get_text() == "First Title"
    response, _ = get("/repo/articles/first")
    assert response.status == 302 and response.getheader("Location") == "/repo/articles/first/"
    response, body = get("/repo/no/such/page/")
    assert response.status == 404 and html(body).title.get_text().startswith("Page not found")
    assert get("/articles/first/")[0].status == 404  # outside the base path
    response, body = get("/repo/static/style.css", method="HEAD")
    assert response.status == 200 and response.getheader("Content-Type") == "text/css" and body == b""


@pytest.mark.parametrize("path", ["/../../secret.txt", "/%2e%2e/%2e%2e/secret.txt",
                                  "/articles/%2e%2e/%2e%2e/%2e%2e/secret.txt",
                                  "/.sitegen-output", "/a%00b", "/" + "x" * 300])
def test_nothing_outside_the_built_site_is_served(served, tmp_path: Path, path: str):
    (tmp_path / "secret.txt").write_text("do not serve", encoding="utf-8")  # two levels above the built site
    server = served()
    assert server.dev.output == tmp_path / "serve" / "site"
    response, body = server.get(path)
    assert response.status == 404
    assert b"do not serve" not in body


def test_a_broken_edit_shows_the_error_and_the_fix_recovers(served, tmp_path: Path):
    server = served()
    dev, get = server.dev, server.get
    index = tmp_path / "site" / "content" / "articles" / "first" / "index.md"
    good = dev.live.current.build_id
    index.write_text(article("First Title", date="2016-13-01"), encoding="utf-8")
    state = dev.rebuild(("content/articles/first/index.md",))
    assert state.build_id != good and state.errors
    response, body = get("/articles/first/")
    assert response.status == 500
    errors = html(body).find(id="sitegen-errors").get_text()
    assert "content/articles/first/index.md:3:" in errors and "2016-13-01" in errors
    assert html(body).find("script", src=SCRIPT_URL)["data-build"] == state.build_id  # it reloads when fixed
    assert get("/static/style.css")[0].status == 200  # files of the last good build are still there
    index.write_text(article("Fixed Title", date="2016-12-18"), encoding="utf-8")
    assert dev.rebuild().errors == ()
    response, body = get("/articles/first/")
    assert response.status == 200 and html(body).h1.get_text() == "Fixed Title"


def test_a_template_error_is_shown_too(served, tmp_path: Path):
    server = served()
    dev, get = server.dev, server.get
    broken = "{% extends 'base.html' %}{% block main %}{{ nope.x }}{% endblock %}"
    write_files(tmp_path / "site", {"themes/default/templates/article.html": broken})
    assert dev.rebuild().errors
    response, body = get("/articles/first/")
    assert response.status == 500 and "nope" in html(body).find(id="sitegen-errors").get_text()


def read_event(stream) -> str:
    """The data of the next event on a server-sent event stream (comments and retry skipped)."""
    while True:
        line = stream.readline().decode().rstrip("\n")
        if line.startswith("data: "):
            return line[len("data: "):]


def test_the_event_stream_announces_each_build(served):
    server = served()
    dev = server.dev
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    connection.request("GET", EVENTS_URL)
    response = connection.getresponse()
    assert response.status == 200 and response.getheader("Content-Type") == "text/event-stream"
    assert read_event(response) == dev.live.current.build_id
    new = dev.rebuild().build_id
    assert read_event(response) == new
    connection.close()


def test_inject_live_script_before_the_end_of_body():
    assert inject_live_script(b"<html><BODY>x</BODY></html>", "7").startswith(b"<html><BODY>x<script ")
    assert inject_live_script(b"<p>fragment</p>", "7").startswith(b"<p>fragment</p><script ")
    assert b'data-build="&lt;b&gt;"' in inject_live_script(b"</body>", "<b>")


def test_the_watcher_looks_at_content_themes_and_configuration_only(tmp_path: Path):
    accept = SiteFilter(tmp_path)
    change = watchfiles.Change.modified
    watched = ["content/articles/a/index.md", "content/people/x.yaml", "themes/default/static/style.css",
               "sitegen.yaml", "content"]
    ignored = ["public/index.html", "notes.txt", "content/articles/a/.index.md.swp", "content/articles/a/index.md~",
               "sitegen.yaml.bak", "themes.txt"]
    assert [p for p in watched if not accept(change, str(tmp_path / p))] == []
    assert [p for p in ignored if accept(change, str(tmp_path / p))] == []
    assert not accept(change, "/elsewhere/content/a.md")


def test_an_edit_triggers_a_rebuild(tmp_path: Path):
    root = write_files(tmp_path / "site", SITE)
    dev = DevSite(root, tmp_path / "serve" / "site")
    first = dev.rebuild().build_id
    stop, ready = threading.Event(), threading.Event()
    watcher = threading.Thread(target=dev.watch, args=(stop, ready), daemon=True)
    watcher.start()
    try:
        assert ready.wait(timeout=10)
        (root / "content/articles/first/index.md").write_text(article("Edited"), encoding="utf-8")
        deadline = time.monotonic() + 10
        while dev.live.current.build_id == first and time.monotonic() < deadline:
            time.sleep(0.05)
        assert dev.live.current.build_id != first
        assert html((dev.output / "articles/first/index.html").read_bytes()).h1.get_text() == "Edited"
    finally:
        stop.set()
        watcher.join(timeout=5)
    assert not watcher.is_alive()


# The command, run as a user runs it.

def start_serve(*args: str) -> tuple[subprocess.Popen, str]:
    """Run ``sitegen serve`` in a child process; returns it and the address it printed."""
    command = [sys.executable, "-c", "from sitegen.serve import serve_command; serve_command()", *args]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    lines = []
    deadline = time.monotonic() + 20
    for line in process.stdout:
        lines.append(line)
        if line.startswith("sitegen: serving "):
            return process, line.split()[2]
        if time.monotonic() > deadline:
            break
    process.kill()
    raise AssertionError("sitegen serve did not start:\n" + "".join(lines))


def test_serve_command_serves_on_loopback_and_stops_cleanly(tmp_path: Path):
    root = write_files(tmp_path / "site", SITE)
    process, address = start_serve("--source", str(root), "--port", "0", "--base-url", "/repo/")
    try:
        assert address.startswith("http://127.0.0.1:") and address.endswith("/repo/")
        host, port = address.split("/")[2].split(":")
        connection = http.client.HTTPConnection(host, int(port), timeout=5)
        connection.request("GET", "/repo/articles/first/")
        response = connection.getresponse()
        assert response.status == 200 and html(response.read()).h1.get_text() == "First Title"
        connection.close()
        listening = [c for c in _listening_sockets(int(port))]
        assert listening == ["127.0.0.1"]
    finally:
        process.send_signal(signal.SIGTERM)
        rest = process.communicate(timeout=10)[0]
    assert process.returncode == 0, rest
    assert rest.strip().endswith("sitegen: stopped")
    assert not (root / "public").exists()


def _listening_sockets(port: int) -> list[str]:
    """Which local addresses accept connections on ``port`` (loopback, or also others)."""
    found = []
    for address in ("127.0.0.1", _non_loopback_address()):
        if address is None:
            continue
        with socket.socket() as probe:
            probe.settimeout(1)
            if probe.connect_ex((address, port)) == 0:
                found.append(address)
    return found


def _non_loopback_address() -> str | None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # no packet is sent: this only picks the outgoing interface
            address = probe.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") else address


def test_serve_command_refuses_a_port_in_use(tmp_path: Path):
    root = write_files(tmp_path / "site", SITE)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(serve_command, ["--source", str(root), "--port", str(port)])
    assert result.exit_code == 2
    assert f"cannot listen on 127.0.0.1 port {port}" in result.output


def test_serve_command_refuses_a_missing_folder(tmp_path: Path):
    result = CliRunner().invoke(serve_command, ["--source", str(tmp_path / "nope")])
    assert result.exit_code == 2


# The search index, made in the background.

def _wait_for(condition, seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while not _holds(condition) and time.monotonic() < deadline:
        time.sleep(0.05)
    return _holds(condition)


def _holds(condition) -> bool:
    """The condition, read while the server may be putting a new index in place: a file of the
    old one gone between listing the folder and opening the file is "not yet" (the files are
    replaced together, but reading them all is not one step)."""
    try:
        return condition()
    except FileNotFoundError:
        return False


def test_the_search_index_follows_the_edits_once_they_pause(tmp_path: Path, monkeypatch):
    from test_search import index_records
    monkeypatch.setattr("sitegen.serve.QUIET_BEFORE_INDEXING", 0)
    root = write_files(tmp_path / "site", SITE)
    dev = DevSite(root, tmp_path / "serve" / "site")
    dev.rebuild()
    assert not (dev.output / "pagefind").exists()  # the pages are served first
    dev.index_when_quiet()
    assert _wait_for(lambda: "/articles/first/" in index_records(dev.output))
    # Open pages hear of it; only the search page, whose index it replaces, reloads (see
    # tests/browser/test_serve_browser.py).
    assert _wait_for(lambda: dev.live.current.build_id.endswith("-index"))
    (root / "content/articles/first/index.md").write_text(article("First Title", "Goodbye."), encoding="utf-8")
    dev.rebuild()
    # The edit shows at once; the index it keeps in the meantime is the one made before it.
    assert "Goodbye." in (dev.output / "articles/first/index.html").read_text(encoding="utf-8")
    assert "Goodbye" not in index_records(dev.output)["/articles/first/"]["content"]
    dev.index_when_quiet()
    assert _wait_for(lambda: "Goodbye" in index_records(dev.output).get("/articles/first/", {}).get("content", ""))
    dev.stop_indexing()


def test_an_edit_stops_the_indexer_and_is_built_at_once(tmp_path: Path, monkeypatch):
    monkeypatch.setattr("sitegen.serve.QUIET_BEFORE_INDEXING", 0)
    # Pagefind on a large archive, as far as stopping it goes: a process that takes its time.
    monkeypatch.setattr("sitegen.search.pagefind_command",
                        lambda site_dir, output: [sys.executable, "-c", "import time; time.sleep(60)"])
    root = write_files(tmp_path / "site", SITE)
    dev = DevSite(root, tmp_path / "serve" / "site")
    dev.rebuild()
    dev.index_when_quiet()
    assert _wait_for(lambda: any(dev.output.parent.glob(".site.staging-*/.sitegen-search-*")))  # Pagefind runs
    (root / "content/articles/first/index.md").write_text(article("Edited"), encoding="utf-8")
    began = time.monotonic()
    assert dev.rebuild().errors == ()
    assert time.monotonic() - began < 10
    assert html((dev.output / "articles/first/index.html").read_bytes()).h1.get_text() == "Edited"
    assert sorted(p.name for p in dev.output.parent.iterdir()) == ["site"]  # no staging, no journal left


def test_pagefind_is_stopped_when_asked(tmp_path: Path, monkeypatch):
    from sitegen.search import IndexingCancelled, run_pagefind
    # Pagefind on a large archive, as far as stopping it goes: a process that takes its time.
    monkeypatch.setattr("sitegen.search.pagefind_command",
                        lambda site_dir, output: [sys.executable, "-c", "import time; time.sleep(60)"])
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    began = time.monotonic()
    with pytest.raises(IndexingCancelled):
        run_pagefind(tmp_path, cancel)
    assert time.monotonic() - began < 10
    with pytest.raises(IndexingCancelled):  # asked before it starts: not started at all
        run_pagefind(tmp_path, cancel)


# Where the server builds.

def test_the_next_start_of_the_server_reuses_the_last_ones_build(tmp_path: Path):
    root = write_files(tmp_path / "site", SITE)
    with serve_folder(root) as output:
        assert output == root.resolve() / ".sitegen-cache" / "serve" / "site"  # not public/
        DevSite(root, output).rebuild()
        page = output / "articles/first/index.html"
        made = page.stat().st_ino
    with serve_folder(root) as again:  # a restart: at 10,000 articles, no page to render again
        assert again == output
        assert DevSite(root, again).rebuild().errors == ()
        assert page.stat().st_ino == made
    assert not (root / "public").exists()


def test_a_second_server_of_the_site_builds_elsewhere_and_the_cache_forgets_it(tmp_path: Path):
    root = write_files(tmp_path / "site", SITE)
    manifests = lambda: sorted((root / ".sitegen-cache").glob("output-*.pickle"))  # noqa: E731
    locks = lambda: sorted((root / ".sitegen-cache").glob("output-*.lock"))  # noqa: E731
    with serve_folder(root) as first:
        DevSite(root, first).rebuild()
        assert len(manifests()) == len(locks()) == 1
        with serve_folder(root) as second:
            assert second != first and root.resolve() not in second.parents
            assert DevSite(root, second).rebuild().errors == ()
            assert len(manifests()) == len(locks()) == 2
        assert not second.exists() and len(manifests()) == len(locks()) == 1  # the first server's remain


def test_pagefind_stopped_by_ctrl_c_is_a_stop_not_a_failure(tmp_path: Path, monkeypatch):
    from sitegen.search import IndexingCancelled, run_pagefind
    # Ctrl+C reaches every process of the terminal, Pagefind too, maybe before the server has
    # asked the indexer to stop: "Pagefind failed to index the site" would be a false alarm.
    monkeypatch.setattr("sitegen.search.pagefind_command", lambda site_dir, output: [
        sys.executable, "-c", "import os, signal; signal.signal(signal.SIGINT, signal.SIG_DFL); os.kill(os.getpid(), signal.SIGINT)"])
    with pytest.raises(IndexingCancelled):
        run_pagefind(tmp_path, threading.Event())
