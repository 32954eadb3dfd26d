"""``sitegen serve``: build the site, serve it on this computer, rebuild and reload on every edit.

The dev server builds into its own folder in the cache, ``.sitegen-cache/serve/``, never into
``public/``, and keeps it between sessions: the next ``sitegen serve`` then starts with what
changed since, not with every page of the archive. (A second server of the same site at the
same time builds into a temporary folder.) It alone adds the
live-reload script: the script tag is inserted into each HTML page as it is sent, so no built
file ever holds it. The script is a same-origin file (``/__sitegen/livereload.js``) because the
pages' Content-Security-Policy allows no inline script. It listens to a server-sent event stream
(``/__sitegen/events``) that announces the id of every new build, and reloads when the id differs
from the one the page was served with.

A build that fails keeps the server running: the errors are printed in the terminal, and every
page is answered with an error page (which reloads like any other) until an edit fixes them.

The search index is brought up to date in the background, once no edit has come for a moment:
Pagefind reads every page again (half a minute at 10,000 articles), and an edit should show at
once. An edit that comes while it runs stops it; it starts again after the rebuild.
"""

from __future__ import annotations

import html
import mimetypes
import os
import signal
import socket
import tempfile
import threading
import time
import traceback
from contextlib import contextmanager
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import click
import watchfiles

from .build import build
from .cache import CACHE_DIR, BuildCache
from .config import CONFIG_FILE, base_url_option, is_site, load_config, run_in_site_hint
from .diagnostics import BuildError, Diagnostics, os_problem
from .search import IndexingCancelled, SearchIndexError
from .write import OutputError

LIVE_PREFIX = "/__sitegen/"
EVENTS_URL = LIVE_PREFIX + "events"
SCRIPT_URL = LIVE_PREFIX + "livereload.js"
WATCHED = ("content", "themes")  # folders of the site whose changes trigger a rebuild, with CONFIG_FILE
QUIET_BEFORE_INDEXING = 1.0  # seconds without a rebuild before the search index is made again

LIVERELOAD_JS = """\
// Added by `sitegen serve` to the pages it serves, never to a build: reloads the page when a
// build newer than the one it was served from is ready (or has failed: the error page shows why).
// A new search index alone (an id ending in "-index") reloads only the search page, whose
// loaded index it replaces; the page being read and annotated stays where it is.
(() => {
  const script = document.currentScript;
  let served = script.dataset.build;
  const events = new EventSource(script.dataset.events);
  events.onmessage = (event) => {
    if (event.data === served) return;
    if (event.data.endsWith("-index") && !document.getElementById("search-form")) {
      served = event.data;
      return;
    }
    events.close();
    location.reload();
  };
})();
"""


@dataclass(frozen=True, slots=True)
class BuildState:
    build_id: str  # changes with every build, failed or not, and across server restarts
    errors: tuple[str, ...] = ()  # why the last build failed; empty when it succeeded


class LiveState:
    """The outcome of the latest build, and a condition that wakes the event streams on a new one."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._session = f"{time.time_ns():x}"  # a restarted server's ids never repeat the old ones
        self._count = 0
        self._state = BuildState(f"{self._session}-0")
        self.closed = False

    @property
    def current(self) -> BuildState:
        with self._condition:
            return self._state

    def publish(self, errors: tuple[str, ...], index_only: bool = False) -> BuildState:
        """A new build (``index_only``: of the search index alone, see LIVERELOAD_JS)."""
        with self._condition:
            self._count += 1
            self._state = BuildState(f"{self._session}-{self._count}{'-index' if index_only else ''}", errors)
            self._condition.notify_all()
            return self._state

    def wait_for_change(self, seen: str | None, timeout: float) -> BuildState:
        with self._condition:
            self._condition.wait_for(lambda: self._state.build_id != seen or self.closed, timeout)
            return self._state

    def close(self) -> None:
        with self._condition:
            self.closed = True
            self._condition.notify_all()


class DevSite:
    """A site being edited: builds it into ``output`` and remembers how the last build went."""

    def __init__(self, source: Path, output: Path, base_url: str | None = None, drafts: bool = False):
        self.source = Path(source).resolve()
        self.output = Path(output)
        self.overrides = {"base_url": base_url, "drafts": drafts or None, "output_dir": self.output}
        self.live = LiveState()
        self.base_path = "/"
        self._index_due: float | None = None  # when to bring the search index up to date; None: not needed
        self._indexer: threading.Thread | None = None
        self._stop_indexer = threading.Event()

    def rebuild(self, changed: tuple[str, ...] = ()) -> BuildState:
        self.stop_indexing()  # the two builds share the output and the cache
        started = time.perf_counter()
        errors = tuple(self._build())
        self._index_due = None if errors else time.monotonic() + QUIET_BEFORE_INDEXING
        state = self.live.publish(errors)
        seconds = time.perf_counter() - started
        why = f" ({', '.join(changed[:3])}{' ...' if len(changed) > 3 else ''} changed)" if changed else ""
        if errors:
            for line in errors:
                click.echo(line, err=True)
            click.echo(f"sitegen: the build failed{why}; the pages show the errors until they are fixed", err=True)
        else:
            click.echo(f"sitegen: built in {seconds:.2f} s{why}")
        return state

    def _build(self) -> list[str]:
        diags = Diagnostics()
        try:
            config = load_config(self.source, Diagnostics(), **self.overrides)
            self.base_path = config.base_path
            build(self.source, diags, **self.overrides)  # the index that is there is kept (see index_when_quiet)
        except BuildError as exc:
            return [str(d) for d in exc.diagnostics]
        except (OutputError, SearchIndexError) as exc:
            return [f"sitegen: {exc}"]
        except OSError as exc:  # a full disk, say: said as the command line says it
            return [f"sitegen: {os_problem(exc)}"]
        except Exception as exc:  # a theme's template error, say: show it rather than stop serving
            return ["".join(traceback.format_exception(exc)).rstrip()]
        finally:
            for warning in diags.warnings:
                click.echo(str(warning), err=True)
        return []

    def index_when_quiet(self) -> None:
        """Bring the search index up to date in another thread, if a rebuild has left it
        behind and none has come since for QUIET_BEFORE_INDEXING seconds."""
        if self._index_due is None or time.monotonic() < self._index_due or self._indexer is not None:
            return
        self._index_due = None
        self._indexer = threading.Thread(target=self._index, name="sitegen-search-index", daemon=True)
        self._indexer.start()

    def stop_indexing(self) -> None:
        """Stop the search indexer if it runs (its build fails and leaves the output as it was)."""
        if self._indexer is not None:
            self._stop_indexer.set()
            self._indexer.join()
            self._stop_indexer.clear()
            self._indexer = None

    def _index(self) -> None:
        started = time.perf_counter()
        try:
            # A build with the index: its pages are the rebuild's, all reused from the cache.
            report = build(self.source, Diagnostics(), search=True, cancel_search=self._stop_indexer, **self.overrides)
        except IndexingCancelled:
            return
        except Exception as exc:  # the rebuild succeeded: this is the indexer's own trouble
            click.echo(f"sitegen: the search index was not updated: {exc}", err=True)
            return
        if not report.search_indexed:  # (the index was already the pages')
            return
        # The update deleted the index files that an open search page has loaded: it reloads.
        self.live.publish((), index_only=True)
        click.echo(f"sitegen: search index updated in {time.perf_counter() - started:.2f} s")

    def watch(self, stop: threading.Event, ready: threading.Event | None = None) -> None:
        """Rebuild after every batch of changes, until ``stop`` is set; ``ready`` is set once
        the watch is in place, so no edit made after that is missed."""
        # The whole site folder is watched, filtered, rather than each watched path on its own: a
        # watch on sitegen.yaml itself is lost when an editor saves by replacing the file.
        for changes in watchfiles.watch(self.source, watch_filter=SiteFilter(self.source), stop_event=stop,
                                        raise_interrupt=False, yield_on_timeout=True, rust_timeout=200):
            if ready is not None:
                ready.set()  # the first answer, even a timeout, comes from a running watch
            if changes:
                names = sorted({Path(path).relative_to(self.source).as_posix() for _, path in changes})
                self.rebuild(tuple(names))
            else:  # a quiet moment (the watch answers every 200 ms)
                self.index_when_quiet()


class SiteFilter(watchfiles.DefaultFilter):
    """Changes to content/, themes/ and sitegen.yaml; editors' swap files and the like are ignored."""

    def __init__(self, root: Path):
        super().__init__()
        self.root = root

    def __call__(self, change: watchfiles.Change, path: str) -> bool:
        try:
            rel = Path(path).relative_to(self.root)
        except ValueError:
            return False
        watched = rel.as_posix() == CONFIG_FILE or (bool(rel.parts) and rel.parts[0] in WATCHED)
        return watched and super().__call__(change, path)


def make_server(dev: DevSite, host: str, port: int) -> ThreadingHTTPServer:
    handler = type("BoundHandler", (DevHandler,), {"dev": dev})
    server_class = IPv6Server if ":" in host else ThreadingHTTPServer
    return server_class((host, port), handler)


class IPv6Server(ThreadingHTTPServer):
    address_family = socket.AF_INET6


class DevHandler(BaseHTTPRequestHandler):
    dev: DevSite
    server_version = "sitegen-serve"

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def log_message(self, format: str, *args) -> None:
        pass  # one line per request drowns the build messages; errors are answered in the page

    def _respond(self, send_body: bool) -> None:
        url = urlsplit(self.path)
        path = unquote(url.path)
        if path == EVENTS_URL:
            return self._events()
        if path == SCRIPT_URL:
            return self._send(HTTPStatus.OK, "text/javascript; charset=utf-8", LIVERELOAD_JS.encode(), send_body)
        base = self.dev.base_path
        if not path.startswith(base):
            if path in ("/", base.rstrip("/")):
                return self._redirect(base)
            return self._not_found(send_body)
        target = resolve(self.dev.output, path[len(base):])
        if target is not None and target.is_dir():
            if not path.endswith("/"):
                return self._redirect(url.path + "/" + (f"?{url.query}" if url.query else ""))
            target = target / "index.html"
        state = self.dev.live.current
        if state.errors and (target is None or target.suffix == ".html"):
            page = error_page(state)
            return self._send(HTTPStatus.INTERNAL_SERVER_ERROR, "text/html; charset=utf-8", page, send_body)
        if target is None or not target.is_file():
            return self._not_found(send_body)
        self._send_file(HTTPStatus.OK, target, send_body)

    def _send_file(self, status: HTTPStatus, path: Path, send_body: bool) -> None:
        # The build id is taken before the file is read: should a rebuild land in between, the
        # page is newer than its id says and reloads once more. The other way round, an old page
        # could carry the new id and never reload.
        build_id = self.dev.live.current.build_id
        try:
            data = path.read_bytes()
        except OSError:  # swapped away by a rebuild since it was found
            return self._send(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8", b"Not found\n", send_body)
        if path.suffix == ".html":
            data = inject_live_script(data, build_id)
            return self._send(status, "text/html; charset=utf-8", data, send_body)
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        self._send(status, kind, data, send_body)

    def _not_found(self, send_body: bool) -> None:
        page = self.dev.output / "404.html"
        if page.is_file():
            return self._send_file(HTTPStatus.NOT_FOUND, page, send_body)
        self._send(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8", b"Not found\n", send_body)

    def _redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.FOUND)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, status: HTTPStatus, content_type: str, data: bytes, send_body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")  # an edited stylesheet must not come from a cache
        self.end_headers()
        if send_body:
            self.wfile.write(data)

    def _events(self) -> None:
        """A server-sent event stream: the current build id at once, then each new one."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        live, seen = self.dev.live, None
        message = "retry: 500\n\n"  # after a server restart, reconnect quickly
        while not live.closed:
            try:
                self.wfile.write(message.encode())
                self.wfile.flush()
            except OSError:
                return  # the page was closed or reloaded
            state = live.wait_for_change(seen, timeout=15)
            message = f"data: {state.build_id}\n\n" if state.build_id != seen else ": waiting\n\n"
            seen = state.build_id


def resolve(output: Path, relative: str) -> Path | None:
    """The file or folder a URL path (relative to the base path) names; None outside the site."""
    root = output.resolve()
    try:
        candidate = (root / relative.lstrip("/")).resolve()
        inside = candidate.is_relative_to(root)
        if not inside or any(p.startswith(".") for p in candidate.relative_to(root).parts):
            return None
        return candidate if candidate.exists() else None
    except (OSError, ValueError):  # a NUL byte, a name too long for the file system
        return None


def inject_live_script(page: bytes, build_id: str) -> bytes:
    tag = live_script_tag(build_id).encode()
    end = page.lower().rfind(b"</body>")
    return page[:end] + tag + page[end:] if end >= 0 else page + tag


def live_script_tag(build_id: str) -> str:
    return f'<script src="{SCRIPT_URL}" data-build="{html.escape(build_id)}" data-events="{EVENTS_URL}"></script>\n'


def error_page(state: BuildState) -> bytes:
    """Shown instead of every page while the site does not build; it reloads once it does."""
    errors = "\n".join(state.errors)
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Build failed · sitegen serve</title>
<style>
body {{ font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }}
h1 {{ color: #a30000; font-size: 1.5rem; }}
pre {{ background: #fff4f4; border-left: 4px solid #a30000; padding: 1rem;
      white-space: pre-wrap; overflow-wrap: anywhere; }}
</style>
</head>
<body>
<main>
<h1>The site did not build</h1>
<p>Fix what is listed below and save: this page reloads by itself when the site builds again.</p>
<pre id="sitegen-errors">{html.escape(errors)}</pre>
</main>
{live_script_tag(state.build_id)}</body>
</html>
"""
    return page.encode("utf-8")


@click.command("serve")
@click.option("--source", "-s", "source", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
              show_default=True, help="The site folder: the one holding content/, themes/ and sitegen.yaml.")
@click.option("--port", "-p", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="The port to listen on; 0 picks a free one.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="The address to listen on. The default serves this computer only; "
                   "0.0.0.0 opens the site to your network.")
@click.option("--base-url", default=None, callback=base_url_option,
              help="Serve under this base path (e.g. /repo/), as on GitHub Pages (overrides sitegen.yaml).")
@click.option("--drafts", is_flag=True, help="Include articles and pages marked draft: true.")
def serve_command(source: Path, port: int, host: str, base_url: str | None, drafts: bool) -> None:
    """Build the site, serve it on this computer, and rebuild it when a file changes.

    Open pages reload by themselves after every rebuild. The site is built into
    .sitegen-cache/serve/ (kept for the next start); public/ is not touched. Stop the server
    with Ctrl+C.
    """
    if not source.is_dir():
        raise click.BadParameter(f"'{source}' is not a folder", param_hint="--source")
    if not is_site(source):  # (it would serve an error page, and watch the wrong folder)
        raise click.UsageError(f"'{source}' is not a site's folder: it has no content/ ({run_in_site_hint(source)})")
    previous = _stop_on_sigterm()
    try:
        with serve_folder(source) as output:
            dev = DevSite(source, output, base_url, drafts)
            try:
                server = make_server(dev, host, port)
            except OSError as exc:
                raise click.UsageError(f"cannot listen on {host} port {port}: {exc.strerror or exc}") from exc
            try:
                dev.rebuild()
                _run(server, dev, site_address(host, server.server_address[1], dev.base_path))
            except KeyboardInterrupt:
                pass  # stopped during the first build
            finally:
                server.server_close()
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    click.echo("sitegen: stopped")


SERVE_DIR = "serve"  # in the cache folder: the dev server's build, kept for its next start


@contextmanager
def serve_folder(source: Path):
    """The folder ``sitegen serve`` builds into: the site's own in its cache folder, unless
    another server of the site holds it (or locks are not to be had); then a temporary one,
    removed with what the cache remembers of it when the server stops."""
    cache = Path(source).resolve() / CACHE_DIR
    lock = None
    try:
        import fcntl  # POSIX: elsewhere every server builds into a temporary folder
        (cache / SERVE_DIR).mkdir(parents=True, exist_ok=True)
        lock = open(cache / SERVE_DIR / "lock", "w")
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # released when the file is closed
    except (ImportError, OSError):
        if lock is not None:
            lock.close()
        lock = None
    if lock is not None:
        with lock:
            yield cache / SERVE_DIR / "site"
        return
    # (ignore_cleanup_errors: stopped during a long rebuild, the watcher may still be writing)
    with tempfile.TemporaryDirectory(prefix="sitegen-serve-", ignore_cleanup_errors=True) as scratch:
        try:
            yield Path(scratch) / "site"
        finally:
            BuildCache(cache).forget_output_folder(Path(scratch) / "site")


def site_address(host: str, port: int, base_path: str) -> str:
    """The address to open: a wildcard host is reached through this computer's loopback."""
    shown = {"0.0.0.0": "127.0.0.1", "::": "::1"}.get(host, host)
    return f"http://{f'[{shown}]' if ':' in shown else shown}:{port}{base_path}"


def _run(server: ThreadingHTTPServer, dev: DevSite, address: str) -> None:
    """Serve until Ctrl+C (or SIGTERM), rebuilding on changes in a second thread."""
    stop, ready = threading.Event(), threading.Event()
    watcher = threading.Thread(target=dev.watch, args=(stop, ready), name="sitegen-watch", daemon=True)
    watcher.start()
    try:
        ready.wait(timeout=10)
        click.echo(f"sitegen: serving {address} (Ctrl+C to stop)")
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        dev.live.close()
        watcher.join(timeout=5)
        dev.stop_indexing()  # before its folder is given up (a temporary one is removed)


def _stop_on_sigterm():
    """Make ``kill`` stop the server like Ctrl+C does, so that it stops cleanly (its folder unlocked, a temporary one removed)."""
    if threading.current_thread() is not threading.main_thread() or os.name != "posix":
        return None

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    return signal.signal(signal.SIGTERM, interrupt)

