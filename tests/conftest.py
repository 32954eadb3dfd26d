"""Shared test helpers: small synthetic sites written into a temporary folder, built for real."""

from __future__ import annotations

import textwrap
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from sitegen.cli import cli

REPO = Path(__file__).resolve().parent.parent


def write_files(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write ``{"content/articles/a/index.md": "..."}`` under ``root`` (text is dedented)."""
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(textwrap.dedent(data).lstrip("\n"), encoding="utf-8")
    return root


def article(title: str, body: str = "Some text.", **front) -> str:
    """An index.md with the given front matter (values as YAML snippets) and body."""
    lines = ["---", f"title: {title}"]
    lines += [f"{key}: {value}" for key, value in front.items()]
    lines += ["---", body.strip(), ""]
    return "\n".join(lines)


def run_sitegen(*args: str):
    """Run the CLI in-process; returns click's Result (exit_code, stdout, stderr)."""
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def build(root: Path, *extra: str, output: Path | None = None):
    output = output or root / "public"
    return run_sitegen("build", "--source", str(root), "--output", str(output), *extra)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page(output: Path, url_path: str) -> BeautifulSoup:
    """Parse the page served at ``url_path`` (relative to the site root)."""
    target = output / url_path.lstrip("/")
    if url_path.endswith("/") or url_path == "":
        target = target / "index.html"
    return soup(target)


def listing_pages(output: Path, first: str) -> list:
    """Every page of a paginated listing as (URL, parsed page), following "next" links from the first."""
    pages, url = [], first
    while url:
        doc = page(output, url)
        pages.append((url, doc))
        step = doc.select_one('.pager a[rel="next"]')
        url = step["href"] if step else None
    return pages


def internal_links(output: Path, base_path: str = "/"):
    """Yield (page file, href) for every link and asset reference that stays on the site."""
    for html_file in sorted(output.rglob("*.html")):
        doc = soup(html_file)
        for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for element in doc.find_all(tag):
                ref = element.get(attr)
                if not ref or urlsplit(ref).scheme or ref.startswith("//") or ref.startswith("mailto:"):
                    continue
                yield html_file, ref


def resolve(output: Path, html_file: Path, ref: str, base_path: str = "/") -> Path | None:
    """The output file a same-site reference points to, or None when it points nowhere."""
    parts = urlsplit(ref)
    if not parts.path:  # "#anchor" on the same page
        return html_file
    path = unquote(parts.path)
    if path.startswith("/"):
        if not path.startswith(base_path):
            return None
        target = output / path[len(base_path):]
    else:
        target = html_file.parent / path
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


def build_fixture_site(tmp_path_factory, files: dict, name: str = "site") -> Path:
    """Write ``files`` into a fresh folder, build it, and return its ``public/``."""
    root = write_files(tmp_path_factory.mktemp(name), files)
    result = build(root)
    assert result.exit_code == 0, result.output
    return root / "public"


@pytest.fixture(scope="session")
def repo_site(tmp_path_factory) -> Path:
    """The repository's own archive, built once for the whole test session."""
    out = tmp_path_factory.mktemp("repo") / "public"
    result = run_sitegen("build", "--source", str(REPO), "--output", str(out))
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture
def site(tmp_path: Path):
    """A factory: ``site({...files...})`` writes a site and returns its root."""
    def make(files: dict[str, str | bytes]) -> Path:
        return write_files(tmp_path / "site", files)
    return make


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/ from the current output")


def markdown_its_own():
    """The body parser (sitegen.markup.create_markdown) with markdown-it's own link helpers,
    block rules and parser loop, inline parser loops, pairing of emphasis markers and joining of
    text in place of the quicker ones (sitegen.markup.helpers, .blocks, .inlinerules, .delimiters
    and .textjoin): what they must agree with."""
    from markdown_it import helpers
    from markdown_it.rules_block import code, lheading, reference
    from markdown_it.rules_core import normalize, text_join

    from sitegen.markup import blocks, create_markdown, delimiters

    md = create_markdown()
    md.helpers = helpers
    for name, (rule, _starts, alt) in blocks._STARTS.items():
        md.block.ruler.at(name, rule, {"alt": alt})
    md.block.ruler.at("reference", reference, {"alt": []})
    md.block.ruler.at("code", code, {"alt": []})
    md.block.ruler.at("lheading", lheading, {"alt": []})
    del md.block.tokenize  # (markdown-it's ParserBlock.tokenize again, which asks every rule)
    del md.inline.parse, md.inline.tokenize, md.inline.skipToken  # (and ParserInline's: see sitegen.markup.inlinerules)
    md.core.ruler.at("normalize", normalize)
    md.core.ruler.at("text_join", text_join)
    for name, rule in delimiters._PAIRING_RULES.items():
        md.inline.ruler2.at(name, rule)
    return md
