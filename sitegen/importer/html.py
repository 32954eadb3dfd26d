"""Saved HTML pages: trafilatura finds the main text, metadata and comments; the text then goes
through the same recognisers as a plain-text capture."""

from __future__ import annotations

import copy
import datetime
import itertools
import json
import re
from collections.abc import Iterator
from dataclasses import replace
from urllib.parse import urljoin, urlsplit

from ..model import PartialDate
from .analyse import Analysis, NoArticle, PageMeta, analyse_lines
from .embeds import embedded_posts, set_apart
from .markdown import NUMBER_MARKER, TABLE_ROW, TABLE_RULE
from .metadata import only_names, opens_with_date
from .registry import Registries
from .rules import generic_rules, is_chrome, line_matches
from .segment import BODY, MAX_HEADLINE_WORDS
from .webarchive import MHTML_SUFFIXES, saved_page

HTML_SUFFIXES = (".html", ".htm", ".xhtml", *MHTML_SUFFIXES)


def analyse_html(raw: bytes, url: str | None, registries: Registries) -> Analysis:
    """Analyse a saved page. Raises NoArticle when no main text can be found."""
    try:
        import trafilatura   # imported here: plain-text imports do not need it
    except ImportError as error:
        raise NoArticle(f"cannot read saved pages: trafilatura does not load ({error})") from None

    # (a page saved as one file: its markup, and the address it was saved from)
    raw, saved_from = saved_page(raw)
    # A reader-mode tool may write the page's title as a line of text above its markup: the
    # parser would take the whole file for text, so the markup is read on its own.
    lead, markup = _text_before_markup(raw)
    document = trafilatura.bare_extraction(
        _without_layout_tables(markup), url=url, with_metadata=True, include_comments=True,
        # Only dates the page declares: an extensive search guesses from any date in the text.
        date_extraction_params={"extensive_search": False, "original_date": True})
    if document is None or not (document.text or "").strip():
        raise NoArticle("no article text found in the page")
    tree = _parse(markup)  # our own copy: trafilatura cleans the tree it is given
    extracted, credited_writer = _writer_apart_from_picture_credit(document.text, tree)
    site = _clean(document.sitename)
    # The elements of the page's comments, found once: the story's parts are looked for outside them.
    commented = _comment_items(tree)
    in_comments = set(commented)
    canonical = _original_address(document.url, markup)
    marked = _headline_marks(tree, url or canonical)
    # (trafilatura's title may be another story's teaser's, as a marked headline may be)
    found_title = _clean(document.title)
    if any(teaser and text == found_title for text, teaser in marked):
        found_title = None
    title = _headline(tree, site) or _marked_headline(marked) or _metadata_title(tree, found_title or lead, site)
    page = PageMeta(title=title,
                    date=_with_time(_iso_date(document.date), tree, markup),
                    site=site, author=_authors(tree) or _not_a_commenter(_clean(document.author), tree, in_comments)
                    or credited_writer,
                    crossheads=_crossheads(tree, document.text))
    text = _with_loose_text(_split_at_blocks(extracted, tree), tree, in_comments)
    text = _with_footnotes(_table_captions(text, tree), tree)
    text = _with_captions(_numbered(text, tree), tree, page.title)
    text = _with_entry_times(_with_standfirst(_with_times_in_paragraphs(text, tree), tree, page.title), tree)
    lines, quoted = set_apart(_paragraph_lines(text, skip_first=page.title, anywhere=_is_h1(page.title, tree)),
                             embedded_posts(tree, outside=in_comments))
    lines, quoted, code = _code_blocks(lines, quoted, tree, in_comments)
    page = replace(page, code=code)
    comments = comment_lines(commented) or _paragraph_lines(document.comments or "")
    analysis = analyse_lines(lines, url or canonical or saved_from, registries, replace(page, blockquotes=quoted), comments)
    return replace(analysis, notes=analysis.notes + _paywall_note(analysis, tree))


def _code_blocks(lines: tuple[str, ...], quoted: tuple[int, ...], tree, outside: set) \
        -> tuple[tuple[str, ...], tuple[int, ...], tuple[tuple[int, str], ...]]:
    """The lines with each of the story's <pre> blocks one line; the numbers of the block
    quotes' lines (``quoted``) after that; and those blocks: (the number of that line, counted
    from 1; the block's text as written). trafilatura gives a <pre>'s lines as paragraphs (its
    blank lines left out), which the body ran on as text, escaped, its layout lost. The line
    standing for a block is its first line, for the reading of the lines around it; the body
    writes the block as it is. Not a <pre> in the comments (``outside``: their elements) or in a
    quotation."""
    if tree is None:
        return lines, quoted, ()
    lines, found, quoted = list(lines), [], list(quoted)
    for pre in tree.iter("pre"):
        if any(a.tag in ("pre", "blockquote") or a in outside for a in pre.iterancestors()):
            continue
        block = pre.text_content().removeprefix("\r").removeprefix("\n").rstrip("\r\n")
        whole = "".join(block.split())
        span = _lines_holding(lines, whole) if whole else None
        if span is None:
            continue
        start, end = span
        lines[start:end] = [next(line.strip() for line in block.split("\n") if line.strip())]
        shift = end - start - 1
        found = [(n - shift if n > start else n, text) for n, text in found] + [(start + 1, block)]
        quoted = [n - shift if n > start else n for n in quoted]
    return tuple(lines), tuple(quoted), tuple(sorted(found))


def _lines_holding(lines: list[str], whole: str) -> tuple[int, int] | None:
    """(first, past the last) index of the lines that hold, in a row and nothing more, the
    words ``whole`` (spaces left out; blank lines between them passed over); None if none do."""
    for start, line in enumerate(lines):
        first = "".join(line.split())
        if not first or not whole.startswith(first):
            continue
        held, end = first, start + 1
        while held != whole and end < len(lines):
            more = "".join(lines[end].split())
            if not whole.startswith(held + more):
                break
            held, end = held + more, end + 1
        if held == whole:
            return start, end
    return None


# A story cut off by a paywall: its last paragraph ends in the middle of a sentence (a word, a
# comma, a dash), and a box asking for a subscription follows it on the page.
CUT_OFF = re.compile(r"[\w,;–—-]$")
PAYWALL_CLASSES = ("paywall", "regwall", "subscribe", "subscription", "subscriber", "subscribers-only", "premium",
                   "piano", "metered", "meter", "locked", "abo", "abonnement")
PAYWALL_WORDS = re.compile(r"\b(?:subscri(?:be|ber|bers|ption)|keep reading|continue reading|read the full (?:story|article)"
                           r"|unlock (?:this|the full)|(?:subscribers|members) only|abonn(?:ez|ement|é|és)|suscr[ií]b|"
                           r"abbona|Abo(?:nnement)?\b)", re.IGNORECASE)
PAYWALL_LOOKAHEAD = 30  # elements after the story's last paragraph


def _paywall_note(analysis, tree) -> tuple[tuple[int, str], ...]:
    """A note for the editor when the capture looks cut by a paywall: the story's last paragraph
    (a <p> of the page) ends mid-sentence and a subscription box follows it (an element classed
    "paywall", "subscribe" ..., or asking for a subscription). The body keeps what the page
    showed, no more: the archive does not hold the whole story, and the editor should know."""
    numbers = analysis.segments.numbers(BODY)
    if tree is None or not numbers:
        return ()
    last = " ".join(analysis.segments.lines[numbers[-1] - 1].split())
    if not CUT_OFF.search(last):
        return ()
    paragraph = next((p for p in tree.iter("p") if _text(p) == last), None)
    if paragraph is None:
        return ()
    following = itertools.islice((e for e in paragraph.xpath("following::*") if isinstance(e.tag, str)), PAYWALL_LOOKAHEAD)
    if not any(_has_class(e, PAYWALL_CLASSES) or PAYWALL_WORDS.search(" ".join(f"{e.text or ''} {e.tail or ''}".split()))
               for e in following):
        return ()
    shown = last if len(last) <= 50 else "…" + last[-49:]
    return ((numbers[-1], f"the capture looks cut by a paywall: the story's last paragraph ends mid-sentence"
                          f" (\"{shown}\") above a subscription box; the archive holds only what the page showed"),)


# A page saved from the Wayback Machine's replay: its canonical address rewritten to the
# replay's ("https://web.archive.org/web/20211005093012/https://www.example.com/..."), the
# address it had when published in the replay's script ('__wm.wombat("https://www...",').
# (the address after the stamp may have lost a slash of its "https://" on the way: "https:/www...")
REPLAY_ADDRESS = re.compile(r"https?://web\.archive\.org/web/\d{4,14}[a-z_]*/(?P<scheme>https?):/{1,2}(?P<rest>[^/\s]\S*)")
REPLAY_SCRIPT = re.compile(rb'__wm\.wombat\("(?P<original>https?://[^"\s]{1,2000})"')


def _original_address(url: str | None, markup: bytes) -> str | None:
    """The page's address as published: its canonical address, or, for a page saved from a web
    archive's replay, the address after the replay's time stamp (the text of a replay copied
    is read so too), else the one the replay's script names."""
    canonical = url if (url or "").startswith(("http://", "https://")) else None
    replayed = REPLAY_ADDRESS.fullmatch(canonical or "")
    if replayed:
        return f"{replayed.group('scheme')}://{replayed.group('rest')}"
    if canonical is None or canonical.startswith(("https://web.archive.org/", "http://web.archive.org/")):
        script = REPLAY_SCRIPT.search(markup)
        return script.group("original").decode("utf-8", "replace") if script else canonical
    return canonical


def _text_before_markup(raw: bytes) -> tuple[str | None, bytes]:
    """(one line of text standing before the page's first tag, or None; the markup from there)."""
    start = raw.find(b"<")
    lead = raw[:start].decode("utf-8", "replace").strip() if start > 0 else ""
    if not lead or "\n" in lead or len(lead.split()) > MAX_HEADLINE_WORDS:
        return None, raw
    return lead, raw[start:]


# A table laying out the page, not a table of data: a cell holding a story's worth of text (in
# paragraphs or lines, less), a table inside another (how pages were built before style
# sheets), one of a single column, or one declared so (role="presentation").
LAYOUT_CELL_WORDS = 80
LAYOUT_BROKEN_CELL_WORDS = 60  # (in paragraphs or lines: three <p> or <br> at least)


def _without_layout_tables(markup: bytes):
    """The page for trafilatura, its layout tables' rows and cells made plain blocks: it reads a
    table as a table of data, and gave a story set in a layout table's cell as one row, its
    paragraphs (split by <br>) run together with the menu's cell ("| Home \\| News |"). A page
    without such a table is given as it is, one with them as a tree of our own."""
    tree = _parse(markup, strip=False)
    if tree is None:
        return markup
    layout = [table for table in tree.iter("table") if _is_layout_table(table)]
    if not layout:
        return markup
    parts = [element for table in layout for element in table.iter("table", "thead", "tbody", "tfoot", "tr", "td", "th")
             if element is table or next(element.iterancestors("table"), None) is table]
    for element in parts:
        element.tag = "div"
    return tree


def _is_layout_table(table) -> bool:
    if (table.get("role") or "").lower() in ("presentation", "none") or next(table.iterdescendants("table"), None) is not None:
        return True
    own_cells = [cell for cell in table.iter("td", "th") if next(cell.iterancestors("table"), None) is table]
    if all(sum(1 for cell in row if cell in own_cells) <= 1 for row in table.iter("tr")):
        return True  # (one cell a row, a box around the masthead's links: no table of data)
    return any(len(cell.text_content().split()) >= (LAYOUT_BROKEN_CELL_WORDS if len(cell.xpath(".//br | .//p")) >= 3
                                                    else LAYOUT_CELL_WORDS) for cell in own_cells)


def _parse(raw: bytes, strip: bool = True):
    """The page as an lxml tree (trafilatura's own parser), or None when it cannot be parsed:
    then trafilatura's title and comments are used."""
    try:
        import lxml.etree
        import lxml.html
    except ImportError:
        return None
    # Bytes that are UTF-8 are read as UTF-8, as trafilatura reads them: lxml alone takes a
    # page that does not declare its charset for Latin-1 ("CafÃ©" for "Café").
    try:
        raw.decode("utf-8")
        utf8 = True
    except UnicodeDecodeError:
        utf8 = False
    try:
        tree = lxml.html.document_fromstring(raw, parser=lxml.html.HTMLParser(encoding="utf-8") if utf8 else None)
    except Exception:
        return None
    # What the page never shows as text: a script's code in a comment ("<script>alert(1)</script>"
    # was read as the comment's words), a style sheet, a template, what shows only without scripts.
    if strip:
        lxml.etree.strip_elements(tree, "script", "style", "template", "noscript", with_tail=False)
    return tree


def _authors(tree) -> str | None:
    """The article's writers as its microdata names them, "A; B", when there are several:
    trafilatura gives only the first. A property belongs to the nearest item around it; of the
    articles on the page (other stories listed beside it are items too), the one holding the
    headline or the body, else the first."""
    if tree is None:
        return None
    by_article: dict = {}
    for element in tree.xpath("//*[@itemprop='author']"):
        scope = next((a for a in element.iterancestors() if a.get("itemscope") is not None), None)
        if scope is None or "Article" not in (scope.get("itemtype") or ""):
            continue
        named = next((e for e in _elements(element) if e.get("itemprop") == "name"), element)
        name = (named.get("content") or _text(named)).strip()
        names = by_article.setdefault(scope, [])
        if name and name not in names:
            names.append(name)
    main = next((scope for scope in by_article if scope.xpath(".//*[@itemprop='headline' or @itemprop='articleBody']")),
                next(iter(by_article), None))
    names = by_article.get(main, []) or _byline_names(tree)
    return "; ".join(names) if len(names) > 1 else None


BYLINE_NAME_CLASSES = ("byline-name", "author-name", "byline__name", "author__name", "byline-author", "byline__author")
# Who made a story's pictures, film or graphics, named in its byline as its writers are ("Photos
# by A and B"), and the classes of their elements ("byline__photographer", "photo-credit").
NOT_WRITERS = re.compile(r"\b(?:photos?|photographs?|photography|pictures?|images?|video|videos|graphics?|"
                         r"illustrations?|visuals?|fotos?|photographies)\b[^.;|]*?\b(?:by|par|von|por|di)\b",
                         re.IGNORECASE)
WRITTEN = re.compile(r"\b(?:by|words by|written by|par|von|por|di)\b", re.IGNORECASE)
NOT_WRITER_CLASSES = ("photographer", "photo", "photos", "photo-credit", "videographer", "illustrator")


def _byline_names(tree) -> list[str]:
    """The names in the bylines of the <article> holding the page's one headline, one element
    classed as a byline's name each ("byline-name": a student paper's two bylines, each with the
    writer's job) or a link to its writer's page (rel="author": "By <a>A</a> and <a>B</a>"; not
    in a list of related stories), when the page has no microdata for them."""
    # (the page's one <h1> in an <article>: a site's name over every page may be an <h1> too)
    articles = [next(h1.iterancestors("article"), None) for h1 in tree.xpath("//h1")]
    articles = [a for a in articles if a is not None]
    article = articles[0] if len(articles) == 1 else None
    if article is None:
        return []
    names: list[str] = []
    for element in _elements(article):
        named = _has_class(element, BYLINE_NAME_CLASSES) or "author" in (element.get("rel") or "").lower().split() \
            and not any(a.tag in ("aside", "nav") or any(word in (a.get("class") or "").lower() for word in ("related", "comment"))
                        for a in element.iterancestors())
        name = _text(element).strip() if named and not _credited_for_pictures(element, article) else ""
        if name and name not in names:
            names.append(name)
    return names


def _credited_for_pictures(element, article) -> bool:
    """Whether the name in the byline is a photographer's (or a video's, graphics' maker's), not
    a writer's: its element, or one around it, is classed so ("byline__photographer"), or the
    byline's words before it say so ("Photos by A and B"; the last "by" before it is that of
    "Photos by", not the writers' "By")."""
    if any(_has_class(e, NOT_WRITER_CLASSES) for e in (element, *element.iterancestors()) if e is not article):
        return True
    block = next((a for a in element.iterancestors() if a.tag in BLOCKS or a.tag in ("div", "section", "header",
                                                                                     "footer", "address")), article)
    before = _text_before(element, block)
    pictures = list(NOT_WRITERS.finditer(before))
    if not pictures:
        return False
    writers = [match for match in WRITTEN.finditer(before) if match.start() >= pictures[-1].end()]
    return not writers


# A picture's credit as a byline's block opens with it ("Photo: Lena Hart/Herald", "Photos by ...").
PICTURE_CREDIT = re.compile(r"(?:photos?|photographs?|pictures?|images?|video|graphics?|illustrations?|fotos?)"
                            r"\s*(?::|by\b)", re.IGNORECASE)


def _writer_apart_from_picture_credit(text: str, tree) -> tuple[str, str | None]:
    """The text with a picture's credit and the writer's name after it each a line of their own,
    and that writer: a block of the page opening with the credit, then the name alone, no "By"
    (<span>Photo: Lena Hart/Herald</span> <span>Oskar Lindqvist</span>), which trafilatura runs on
    one line, read whole as the credit (chrome) and the writer lost with it. The photographer
    stays no writer."""
    if tree is None:
        return text, None
    lines = text.split("\n")
    at_line = _lines_at(text)
    rules = generic_rules()
    for block in tree.iter():
        parts = [part for child in block if isinstance(child.tag, str) and (part := _text(child))]
        if len(parts) < 2 or not PICTURE_CREDIT.match(parts[0]) or (whole := _text(block)) not in at_line:
            continue
        writer = " ".join(parts[1:])
        if whole == f"{parts[0]} {writer}" and only_names(writer, rules) == [writer]:
            lines[at_line[whole]] = f"{parts[0]}\n{writer}"
            return "\n".join(lines), writer
    return text, None


def _text_before(element, within) -> str:
    """The words of ``within`` before ``element`` starts, in the page's order."""
    parts: list[str] = []

    def walk(node) -> bool:  # (True once ``element`` is reached)
        if node is element:
            return True
        parts.append(node.text or "" if isinstance(node.tag, str) else "")
        for child in node:
            if walk(child):
                return True
            parts.append(child.tail or "")
        return False

    walk(within)
    return " ".join("".join(parts).split())


# "Record 97 patients on trolleys - The Dunmara Clarion": a page's <title> ends with its site.
# A comment widget's count on a line of its own: "3 replies · 2 participants", "12 comments"
COUNT_LINE = re.compile(r"\d{1,6} (?:comments?|replies|responses?|posts)(?: ?[·•|] ?\d{1,6} [a-z]+)?", re.IGNORECASE)
TITLE_SITE = re.compile(r"^(?P<headline>.+?)\s+[-|–—·]\s+(?P<site>[^-|–—·]{2,60})$")
SITE_TITLE = re.compile(r"^(?P<site>[^-|–—·:]{2,60}?)(?:\s+[-|–—·]|:)\s+(?P<headline>.+)$")  # the site's name first
TITLE_SECTION = re.compile(r"^(?P<headline>.+?)\s+\|\s+(?P<section>[^|]{2,40})$")
MAX_SITE_WORDS = 5


def _without_site_name(title: str | None, names: set[str]) -> str | None:
    """The title less the site's name after a bar or a dash, or before one or a colon ("Harbour
    wall to be rebuilt | Quay Courier", "Quay Courier: Harbour wall to be rebuilt"): one of the names the
    page gives itself, or a short capitalised name that starts with "The" ("The Lantern
    Review"). (Not any capitalised words: "Storm Hits Coast - Thousands Without Power" is one
    headline.) None when the title is only the site's name: it names no story."""
    if title in names:
        return None
    first = SITE_TITLE.match(title or "")
    if first and first.group("site") in names:
        return first.group("headline")
    match = TITLE_SITE.match(title or "")
    if not match:
        return title
    name = match.group("site")
    words = name.split()
    if name in names or words[0] == "The" and len(words) <= MAX_SITE_WORDS and all(w[:1].isupper() for w in words):
        headline = match.group("headline")
        # (a section's name between them, after a bar: "... | Local News | Quay Courier")
        section = TITLE_SECTION.match(headline)
        return section.group("headline") if section else headline
    return title


def _metadata_title(tree, title: str | None, site: str | None) -> str | None:
    """The title the page declares, less its site's name: trafilatura's, else, when that is
    only the site's name (it takes the first part of "Quay Courier | Harbour wall to be
    rebuilt"), the page's <title> or og:title. trafilatura cuts a site's name it knows off a
    <title> but leaves the section's before it ("Harbour wall to be rebuilt | Local News"):
    a <title> going on after trafilatura's words is read for the site's name again."""
    names = _site_names(tree, site)
    declared = [" ".join(text.split()) for text in
                tree.xpath("//title/text() | //meta[@property='og:title']/@content")] if tree is not None else []
    longer = [text for text in declared if title and text.startswith(title) and text != title]
    return next((headline for text in longer if (headline := _without_site_name(text, names)) != text), None) \
        or next((headline for text in [title, *declared] if (headline := _without_site_name(_clean(text), names))), None)


def _site_names(tree, site: str | None) -> set[str]:
    """The names the page gives its site: the one trafilatura read, the page's declared names
    (og:site_name, application-name) and the words of its links to its home page ("<a
    href="/">Quay Courier</a>"), which a title carries after the headline."""
    names = {site} if site else set()
    if tree is None:
        return names
    declared = tree.xpath("//meta[@property='og:site_name' or @name='application-name' "
                          "or @name='apple-mobile-web-app-title']/@content")
    home = [_text(link) for link in tree.xpath("//a[@href='/']")]
    return names | {" ".join(name.split()) for name in [*declared, *home] if name.strip()}


def _headline(tree, site: str | None = None) -> str | None:
    """The page's one <h1>, the headline as readers see it: a page's <title> and og:title are
    often shortened for search and sharing ("Fernhollow lantern festival draws thousands" for
    "Thousands light lanterns as Fernhollow marks its 200th birthday"), or carry the site's name.
    Not the site's name in an <h1> over every page (a blog's theme sets its own so, and the
    story's headline in an <h2 class="entry-title">)."""
    if tree is None:
        return None
    names = _site_names(tree, site)
    texts = [" ".join(h.text_content().split()) for h in tree.xpath("//h1")]
    texts = [t for t in texts if 2 <= len(t.split()) <= MAX_HEADLINE_WORDS and t not in names]
    return texts[0] if len(texts) == 1 else None


# How a page marks its story's headline when it is no <h1>: schema.org's property, or a class
# (WordPress's "entry-title", "article-headline", "c-headline"), but not a subheadline's.
HEADLINE_ENDINGS = ("headline", "entry-title", "post-title", "article-title", "story-title")


def _marked_headline(marked: list[tuple[str, bool]]) -> str | None:
    """The headline the page marks as one (itemprop="headline", <h2 class="headline">), when
    it marks one (``marked``: see _headline_marks): the page's <title> and og:title may be
    shortened, carry the site's name, or be only that. Not a teaser's in a list of other stories
    beside it (several, or one linking to another page than the page's own), nor a standfirst's."""
    texts = list(dict.fromkeys(text for text, teaser in marked if not teaser))
    return texts[0] if len(texts) == 1 else None


def _headline_marks(tree, address: str | None) -> list[tuple[str, bool]]:
    """(text, whether a teaser's) of each element marked as a headline (schema.org's property,
    or a class such as WordPress's "entry-title"): not a standfirst's, nor one in an aside, a
    menu or a footer. A teaser's links to another page than the one at ``address``."""
    if tree is None:
        return []
    marked = []
    for element in tree.xpath("//*[@itemprop='headline' or @class]"):
        if element.get("itemprop") != "headline" and not _has_class(element, HEADLINE_ENDINGS) \
                or _has_class(element, STANDFIRST_ENDINGS) \
                or any(a.tag in ("aside", "nav", "footer") for a in element.iterancestors()):
            continue
        text = " ".join((element.get("content") or "").split()) if element.tag == "meta" else _text(element)
        if 2 <= len(text.split()) <= MAX_HEADLINE_WORDS:
            marked.append((text, _links_elsewhere(element, address)))
    return marked


def _links_elsewhere(element, address: str | None) -> bool:
    """Whether ``element`` is a link, or is in one or holds one, to another page than the one at
    ``address``: a teaser's headline links to its story, where a blog theme's links the post's
    own headline to the post. (Without the page's address, nothing is told.)"""
    if not address:
        return False
    links = [*element.iterancestors("a"), *element.xpath("descendant-or-self::a[@href]")]
    return any(_same_page(link.get("href") or "", address) is False for link in links)


def _same_page(href: str, address: str) -> bool | None:
    """Whether a link's ``href`` leads to the page at ``address`` (its host and path, a trailing
    slash and a host's "www." aside); None for a link within the page ("#top") or to no address.
    A relative link ("../post/", "post.html") is read from the page's address, as a browser reads
    it: saved blog pages link their own headline so too."""
    if not (urlsplit(href.strip()).netloc or urlsplit(href.strip()).path):
        return None
    link, own = urlsplit(urljoin(address, href.strip())), urlsplit(address)
    return (_host(link.netloc or own.netloc), link.path.rstrip("/") or "/") == \
        (_host(own.netloc), own.path.rstrip("/") or "/")


def _host(netloc: str) -> str:
    """A host as a link names it: "www.example.com" is the site of "example.com"."""
    return netloc.lower().removeprefix("www.")


# How comment markup is commonly classed (WordPress and most comment plugins): an item per
# comment, nested for replies; its author, date, text and buttons in elements of their own.
# Plugins prefix their classes ("vf-comment", "vf-author", "comment__author"), so a class
# counts by how it ends; pages whose classes say nothing (generated "css-1q2w3e") still mark
# an item with a data attribute, schema.org's Comment, or an accessible label naming its author.
_ITEM = ("//*[contains(concat(' ', normalize-space(@class), ' '), ' comment ') "
         "or (self::li and starts-with(@id, 'comment-')) or @data-comment-id "
         "or contains(@itemtype, 'schema.org/Comment') or @itemprop='comment' "
         "or (@role='article' or @role='comment') and starts-with(@aria-label, 'Comment') "
         "or contains(concat(' ', normalize-space(@class), ' '), '-comment ') "
         "or contains(concat(' ', normalize-space(@class), ' '), '_comment ') "
         # (a Portuguese, Spanish, Italian, German or French page's own words for it)
         "or contains(concat(' ', normalize-space(@class), ' '), ' comentario ') "
         "or contains(concat(' ', normalize-space(@class), ' '), ' commento ') "
         "or contains(concat(' ', normalize-space(@class), ' '), ' kommentar ') "
         "or contains(concat(' ', normalize-space(@class), ' '), ' commentaire ')]")
_AUTHOR_ENDINGS = ("author", "commenter", "commenter-name", "username", "nickname", "authorname", "author-name", "author__name",
                   "user-name", "displayname", "display-name", "autor", "autore", "auteur")
_DATE_ENDINGS = ("date", "timestamp", "time", "data", "fecha", "datum", "ago", "timeago",  # (Disqus: "time-ago")
                 "commentmetadata")
# Portuguese and Italian for a date, and in English a wrapper of anything ("comment-data" around
# the author and the text): such an element is the date only when it reads as one (_dated).
_DATE_OR_ANYTHING = ("data", "commentmetadata")  # (WordPress's older themes: the date's link in it)
_DATE_ONLY_ENDINGS = tuple(e for e in _DATE_ENDINGS if e not in _DATE_OR_ANYTHING)
_TEXT_ENDINGS = ("comment-text", "comment-content", "content", "body", "message")
_ACTION_ENDINGS = ("actions", "links", "toolbar", "buttons")
_SKIP_ENDINGS = ("meta", "metadata", "actions", "links", "author", "date", "time", "says", "reply", "footer",
                 "autor", "autore", "auteur", "fecha", "datum",
                 "toolbar", "buttons", "header")
# Disqus and widgets built like it class each comment a bare "post" (its parts "post-byline",
# "post-message", replies in "children"): a class any blog's list of stories uses too, so it
# counts only inside a section whose id or class names the comments ("disqus_thread",
# "comments", "discussion").
# (or with a prefix: an embedded forum's "topic-post", Discourse's)
_POST_ITEM = ("//*[contains(concat(' ', normalize-space(@class), ' '), ' post ') "
              "or contains(concat(' ', normalize-space(@class), ' '), '-post ')]")
_DISCUSSION_ENDINGS = ("comments", "discussion", "comment-list", "comments-list", "comentarios", "commenti",
                       "kommentare", "commentaires")
# An item's label naming its author: "Comment by Hilary_W", "Comment from Ben".
_LABEL_AUTHOR = re.compile(r"comment (?:by|from) (?P<author>.{1,60})", re.IGNORECASE)


# A machine-readable date in a title: "2024-04-09T09:12:00Z", "2024-04-09 09:12".
ISO_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}\b")


def comment_lines(ordered: list) -> tuple[str, ...]:
    """The page's comments, from their markup (``ordered``: their elements, see _comment_items),
    as lines the text reader knows: the heading, then per comment "Author says on <date>:", the
    line naming whom it answers if it has one, and its paragraphs, a reply indented under its
    parent. trafilatura keeps comments' text but not who wrote them or whom they answer. ()
    when the page has no comment markup of a known shape."""
    if not ordered:
        return ()
    items = set(ordered)
    reply_rules = generic_rules().comment_reply_to
    lines: list[str] = []
    heading = _comments_heading(ordered[0])
    if heading:
        lines += [heading, ""]
    for item in ordered:
        indent = "    " * sum(1 for ancestor in item.iterancestors() if ancestor in items)
        date = _date(item, items)
        lines.append(f"{indent}{_author(item, items) or 'Anonymous'} says" + (f" on {date}:" if date else ":"))
        answering = _answering(item, items, reply_rules)
        lines += [indent + answering] if answering else []
        lines += [indent + text for text in _paragraphs(item, items)] + [""]
    return tuple(lines[:-1])


def _comment_items(tree) -> list:
    """The elements of the page's comments, one a comment, in the page's order ([] when the
    page has no comment markup of a known shape)."""
    if tree is None:
        return []
    candidates = tree.xpath(_ITEM)
    posts = [post for post in tree.xpath(_POST_ITEM) if _in_discussion(post)]
    if posts:  # (document order, as the page shows them)
        order = {element: index for index, element in enumerate(tree.iter())}
        candidates = sorted(set(candidates) | set(posts), key=order.__getitem__)
    found = set(candidates)
    # (a wrapper such as WordPress's <article class="comment-body"> inside <li class="comment">
    # has neither of its own: its parts belong to the item around it)
    authors = {item: _author(item, found) for item in candidates}  # (asked twice below)
    ordered = [item for item in candidates if authors[item] or _paragraphs(item, found)]
    # A section classed like an item ("article-comment") around the items, its own text a note
    # on the rules, is not a comment all of them answer.
    holders = {item for item in ordered if not authors[item] and any(d in found for d in _elements(item))}
    return [item for item in ordered if item not in holders]


def _not_a_commenter(author: str | None, tree, items: set) -> str | None:
    """The author trafilatura read, unless it is a commenter's name that the page shows nowhere
    outside its comments: trafilatura looks for an element classed "author" anywhere, and took
    a comment's ("Heinz_W", read as "Heinz W") for the writer's when the byline was not so
    classed. (A writer answering readers is a commenter too, named in the byline as well.)
    ``items``: the comments' elements (see _comment_items)."""
    if author is None or tree is None:
        return author
    name = _letters(author)
    if name not in {_letters(_author(item, items)) for item in items}:
        return author
    outside = (e for e in tree.iter() if isinstance(e.tag, str) and e not in items
               and not any(a in items for a in e.iterancestors()))
    shown = "".join(_letters(f"{e.text or ''} {e.get('content') or ''}") for e in outside)
    return author if name in shown else None


def _letters(name: str) -> str:
    return "".join(c for c in name.lower() if c.isalnum())


def _in_discussion(element) -> bool:
    """Whether a section around the element (not the page's <body>, whose classes describe the
    whole page) names itself the comments, by its id or a class: "comments", "post-comments",
    "disqus_thread"; not "comment-count" or "comments-open"."""
    for ancestor in element.iterancestors():
        if ancestor.tag in ("body", "html"):
            return False
        names = f"{ancestor.get('id') or ''} {ancestor.get('class') or ''}".lower().split()
        if any("disqus" in name or _ends_with(name, _DISCUSSION_ENDINGS) for name in names):
            return True
    return False


def _author(item, items: set) -> str:
    """Who wrote the comment: its author element (schema.org's, or by class), else its label."""
    element = next((e for e in _elements(item)
                    if (e.get("itemprop") == "author" or _has_class(e, _AUTHOR_ENDINGS + ("fn",)))
                    and _nearest_item(e, items) is item and _text(e)), None)
    if element is not None:
        named = next((e for e in _elements(element) if e.get("itemprop") == "name" and _text(e)), element)
        return _text(named).removesuffix("says:").strip()  # WordPress: "<cite>Name</cite> says:"
    label = _LABEL_AUTHOR.fullmatch(" ".join((item.get("aria-label") or "").split()))
    return label.group("author").strip() if label else ""


def _answering(item, items: set, reply_rules) -> str | None:
    """The comment's own line naming whom it answers ("In reply to Dave Renshaw"): a flat
    thread's only sign of a reply, and beside a nested one, the same answer."""
    for element in _elements(item):
        if element.tag in ("p", "button") or _nearest_item(element, items) is not item:
            continue
        if any(a.tag == "button" or _has_class(a, _ACTION_ENDINGS) for a in element.iterancestors()):
            continue  # a "Reply to Ben" button answers no one yet
        text = _text(element)
        if len(text) <= 80 and line_matches(reply_rules, text):
            return text
    return None


def _date(item, items: set) -> str:
    """The comment's date: its <time>'s machine-readable date, else its date element's title
    or text."""
    times = [t for t in item.iter("time") if _nearest_item(t, items) is item]
    if times:
        return times[0].get("datetime") or _text(times[0])
    element = _own(item, items, _dated)
    if element is None:
        return ""
    # (its title may say the date in full, as Disqus's "• 3 hours ago" does: "Tuesday, April 9, 2024 9:12 AM")
    title = " ".join((element.get("title") or "").split())
    return title if opens_with_date(title, generic_rules()) or ISO_DATE_TIME.match(title) else _text(element)


def _dated(element) -> bool:
    """The element is classed as a date; if only as "data", it reads as one: a few words with a
    digit, no paragraph ("22/05/2025 14:20", "há 3 horas"; not a "comment-data" around the text)."""
    if not _has_class(element, _DATE_ENDINGS):
        return False
    if _has_class(element, _DATE_ONLY_ENDINGS):
        return True
    text = _text(element)
    return len(text.split()) <= 6 and any(c.isdigit() for c in text) and next(element.iter("p"), None) is None


def _nearest_item(element, items: set):
    return next((a for a in element.iterancestors() if a in items), None)


def _has_class(element, endings: tuple[str, ...]) -> bool:
    """Whether one of the element's classes is one of these or ends in one after a "-" or "_"
    ("vf-author", "comment__author"; not "coauthor")."""
    return any(_ends_with(name, endings) for name in (element.get("class") or "").lower().split())


def _ends_with(name: str, endings: tuple[str, ...]) -> bool:
    """Whether the name is one of these or ends in one after a "-" or "_"."""
    return any(name == ending or name.endswith(ending) and name[-len(ending) - 1] in "-_" for ending in endings)


def _elements(element):
    """The elements inside ``element``, without its HTML comments (which have no text)."""
    return (e for e in element.iterdescendants() if isinstance(e.tag, str))


def _text(element) -> str:
    return " ".join(element.text_content().split())


def _own(item, items: set, wanted):
    """The first element of ``item`` (not of a reply inside it) that is ``wanted``."""
    for element in _elements(item):
        if wanted(element) and _nearest_item(element, items) is item:
            return element
    return None


def _paragraphs(item, items: set) -> list[str]:
    """The comment's own text: its paragraphs, else its text block, without author, date, buttons."""
    paragraphs = [e for e in item.iter("p") if _is_own_text(e, item, items)]
    if not paragraphs:
        paragraphs = [e for e in _elements(item)
                      if _is_own_text(e, item, items) and _has_class(e, _TEXT_ENDINGS)]
    # (a quotation of an earlier comment is written as the text reader reads one: "> " lines)
    texts = [(p, _text(p)) for p in paragraphs]
    return [("> " if _in_quotation(p, item) else "") + text for p, text in texts if text]


def _in_quotation(element, item) -> bool:
    """Whether the paragraph stands in a <blockquote> of the comment."""
    for node in element.iterancestors():
        if node is item:
            return False
        if node.tag == "blockquote":
            return True
    return False


def _is_own_text(element, item, items: set) -> bool:
    """Text of this comment (not of a reply inside it), outside its author, date and buttons."""
    if _nearest_item(element, items) is not item:
        return False
    for node in (element, *element.iterancestors()):
        if node is item:
            return True
        if _has_class(node, _SKIP_ENDINGS) or _dated(node):
            return False
    return False


def _comments_heading(first_item) -> str | None:
    """The heading above the comments ("4 Comments"), in the section that holds them. A widget
    may show its count in its bar ("7 Comments" classed "comment-count") and no heading: then
    that, not a heading further out (the article's headline)."""
    for ancestor in first_item.iterancestors():
        headings = ancestor.xpath(".//h1|.//h2|.//h3|.//h4")
        if headings:
            heading = " ".join(headings[0].text_content().split())
            return heading if any(c.isdigit() for c in heading) else _count_above(ancestor, first_item) or heading
        count = next((e for e in _elements(ancestor) if _has_class(e, ("comment-count", "comments-count"))
                      and _text(e)), None)
        if count is not None:
            return _text(count)
    return None


def _count_above(section, first_item) -> str | None:
    """The count a widget shows between its heading and the first comment, when the heading has
    none ("Continue the discussion at forum.example.org" over "3 replies · 2 participants")."""
    for element in section.iter():
        if element is first_item:
            return None
        own = " ".join((element.text or "").split())
        if COUNT_LINE.fullmatch(own):
            return own
    return None


# Elements that are a paragraph of an article's text.
BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "pre", "dd", "dt"})
HEADINGS = ("h2", "h3", "h4", "h5", "h6")  # (a story's crossheads: its <h1> is the headline)


def _split_at_blocks(text: str, tree) -> str:
    """trafilatura gives a short page's whole text on one line (its fallback extraction):
    headline, byline and paragraphs run together. When the outermost paragraphs of the page's
    <article> (or <main>) hold the very same words, in order, the text is cut between them, one
    a line, as trafilatura gives a longer page."""
    if tree is None or "\n" in text.strip():
        return text
    words = text.split()
    for container in tree.xpath("//article | //main"):
        blocks = [_text(e) for e in _elements(container) if e.tag in BLOCKS
                  and not any(a.tag in BLOCKS for a in e.iterancestors() if a is not container and container in a.iterancestors())]
        if len(blocks) > 1 and " ".join(blocks).split() == words:
            return "\n".join(block for block in blocks if block)
    return text


def _crossheads(tree, text: str) -> tuple[tuple[str, int], ...]:
    """The headings of the story: the <h2> to <h6> of the page's <article> (or <main>) holding it
    (on a page with neither, of the element holding the story's paragraphs), with their levels;
    not one classed as a standfirst. And the crossheads an editor set as a paragraph of bold
    text alone between two of the story's paragraphs (see _bold_crosshead), as an <h3>."""
    if tree is None:
        return ()
    at_line = _lines_at(text)
    story = _story_container(tree, at_line)
    if story is None:
        return ()
    found: list[tuple[int, str, int]] = []  # (where it stands among the story's elements, text, level)
    bold: list[tuple[int, str, int]] = []  # bold crossheads since the story's last paragraph
    seen_paragraph = False
    for index, element in enumerate(_elements(story)):
        # (a standfirst set in a heading's tag, <h3 class="subtitle">, is a paragraph of the story's)
        if element.tag in HEADINGS and not _has_class(element, STANDFIRST_ENDINGS) and (heading := _text(element)):
            found.append((index, heading, int(element.tag[1])))
        elif element.tag == "p" and _text(element) in at_line:
            if not _bold_crosshead(element):
                found += bold  # (with a paragraph of the story above and below it)
                bold, seen_paragraph = [], True
            elif seen_paragraph:
                bold.append((index, _text(element), BOLD_CROSSHEAD_LEVEL))
    return tuple((heading, level) for _, heading, level in sorted(found))


# A crosshead set as a paragraph of bold text alone ("<p><strong>What happens next</strong></p>"),
# as many editors write one: a few words, as a heading has.
MAX_BOLD_CROSSHEAD_WORDS = 10
BOLD_CROSSHEAD_LEVEL = 3


def _bold_crosshead(paragraph) -> bool:
    """Whether the paragraph is a crosshead written as bold text: the bold (<strong>, <b>) is the
    whole paragraph, a few words, not a sentence (no full stop, colon or comma at its end) and
    no link; not a label run into the paragraph's text ("<strong>Update:</strong> the ...")."""
    children = [child for child in paragraph if isinstance(child.tag, str)]
    if len(children) != 1 or children[0].tag not in ("strong", "b") or (paragraph.text or "").strip() \
            or (children[0].tail or "").strip() or next(children[0].iter("a"), None) is not None:
        return False
    words = _text(paragraph)
    return 0 < len(words.split()) <= MAX_BOLD_CROSSHEAD_WORDS and not words.endswith((".", ":", ",", ";", "…"))


def _story_container(tree, at_line: dict[str, int]):
    """The page's <article> or <main> holding the most of the story's paragraphs (the smallest of
    those holding as many: a live blog's <main> around its entries' <article>s, not the first
    entry; not a teaser's <article> over the story's), else the element holding them (see
    _holding); None when nothing does."""
    containers = tree.xpath("//article | //main") or _holding(tree, at_line)
    return max(containers, default=None, key=lambda c: (
        sum(_text(e) in at_line for e in _elements(c) if e.tag in BLOCKS), sum(1 for _ in c.iterancestors())))


def _table_captions(text: str, tree) -> str:
    """trafilatura writes a table's <caption> as its first row, with a rule under it, over the
    table's own header and rule ("| Dredging timetable |  |", "|---|---|", "| Stage | Dates |",
    "|---|---|"): the page then drew a row of dashes in the table. The caption is a paragraph
    of its own over the table."""
    captions = {_text(caption) for caption in tree.iter("caption")} if tree is not None else set()
    if not captions - {""}:
        return text
    lines = text.split("\n")
    for index, line in enumerate(lines):
        row = line.strip()
        cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", row.strip("|"))] if TABLE_ROW.fullmatch(row) else []
        if cells and cells[0] in captions and not any(cells[1:]):
            rule = index + 1 < len(lines) and TABLE_RULE.fullmatch(lines[index + 1].strip()) is not None
            lines[index:index + 1 + rule] = [cells[0]]
    return "\n".join(lines)


def _holding(tree, paragraphs) -> list:
    """On a page with neither <article> nor <main>, the element holding the story: the
    smallest holding as many of its ``paragraphs`` (the text's lines) as any does (a <div
    class="story-content">, schema.org's articleBody), in a list; [] when none holds one.
    (Those holding the most are each inside the next: two apart would hold more together.)"""
    counts: dict = {}
    for block in tree.iter(*BLOCKS):
        if _text(block) in paragraphs:
            for ancestor in block.iterancestors():
                counts[ancestor] = counts.get(ancestor, 0) + 1
    most = max(counts.values(), default=0)
    return [max((e for e, count in counts.items() if count == most), key=lambda e: sum(1 for _ in e.iterancestors()))] \
        if most else []


def _lines_at(text: str) -> dict[str, int]:
    """Each line's words (spaces made one) -> the index of its first line."""
    at_line: dict[str, int] = {}
    for index, line in enumerate(text.split("\n")):
        at_line.setdefault(" ".join(line.split()), index)
    return at_line


def _numbered(text: str, tree) -> str:
    """trafilatura marks every list's items "- ", a numbered list's too: the items of each of
    the page's numbered lists (<ol>, from its start) get their numbers back ("1. ", "2. ")."""
    if tree is None:
        return text
    lines = text.split("\n")
    for ol in tree.iter("ol"):
        items = ["- " + _text(li) for li in ol if li.tag == "li"]
        try:
            start = int(ol.get("start", 1))
        except ValueError:
            start = 1
        for at in range(len(lines) - len(items) + 1):
            if items and [line.strip() for line in lines[at:at + len(items)]] == items:
                for number, index in enumerate(range(at, at + len(items)), start):
                    lines[index] = f"{number}. {lines[index].strip()[2:]}"
                break
    return "\n".join(lines)


def _with_captions(text: str, tree, title: str | None) -> str:
    """The text with the captions of the story's pictures put back, each a line of its own
    after the paragraph the picture follows: trafilatura drops them (<figcaption>). Then they
    are read as the captions of a text capture are (one that ends with its credit is chrome,
    and listed in the report; others stay in the body), rather than lost without a word.

    Only the captions of the <article> (or <main>) holding the story's paragraphs, between its
    first and its last (a picture above the lede goes after the lede, not before the dateline
    and the story's first sentence; pictures after the story's end are those of related
    stories), and not a pull quote's (a <figure> holding a <blockquote>)."""
    if tree is None:
        return text
    lines = text.split("\n")
    at_line = _lines_at(text)  # a paragraph's words -> the index of its line
    headline = next((index for index, line in enumerate(lines[:MAX_KICKERS + 1]) if title and line.strip() == title), -1)
    lede = headline + 1
    story = _story_container(tree, at_line)
    if story is None:
        return text
    found: list[tuple[int, str]] = []  # (the line it goes after, caption)
    last_block, story_ends = None, False
    above = []  # the captions of pictures over the story's first paragraph, which go after it
    for element in _elements(story):
        if _is_caption(element):
            figure = next((a for a in element.iterancestors() if a.tag == "figure"), None)
            caption = _text(element)
            if caption and caption not in at_line and (figure is None or not figure.xpath(".//blockquote")):
                if last_block is None:
                    above += _without_credit(caption)  # (not after a date line between the headline and the lede)
                    continue
                anchor = max(at_line[last_block], lede)  # (never after the headline)
                found += [(anchor, part) for part in _without_credit(caption)]
        elif element.tag in BLOCKS and not any(a.tag == "figure" for a in element.iterancestors()):
            words = _text(element)
            if words in at_line and at_line[words] != headline:
                last_block = words
                story_ends = at_line[words]
                found += [(max(story_ends, lede), part) for part in above]
                above = []
    after: dict[int, list[str]] = {}  # line index -> the captions to put after it
    for anchor, caption in found:
        if story_ends is not False and anchor < story_ends:
            after.setdefault(anchor, []).append(caption)
    return _inserted_after(lines, after) if after else text


def _inserted_after(lines: list[str], after: dict[int, list[str]]) -> str:
    """The lines as text, with the lines ``after`` an index put after the line at that index."""
    return "\n".join(line for index, text_line in enumerate(lines)
                     for line in (text_line, *after.get(index, ())))


# Elements that are part of a line of text, not a block of their own.
INLINE = frozenset({"a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "font", "i",
                    "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u",
                    "var", "wbr"})
# Controls and pictures: what they hold is no text a reader reads ("Expand" on a toggle's button).
NOT_TEXT = frozenset({"button", "select", "option", "input", "textarea", "label", "svg", "img", "picture", "video",
                      "audio", "iframe", "object", "canvas", "math"})
# Where loose text is the page's, not the story's: its menus, header and footer, forms, side
# boxes, pictures and link cards (<figure>), tables (which trafilatura reads itself).
NOT_STORY = frozenset({"nav", "header", "footer", "form", "aside", "figure", "table", "dialog", "menu"})
# (a word of a class, "kg-signup-card", "gh-share", "footer-cta": a box of the page's, wherever it stands)
NOT_STORY_WORDS = frozenset({"share", "sharing", "social", "subscribe", "subscription", "signup", "newsletter", "cta",
                             "related", "ad", "ads", "advert", "advertisement", "promo", "byline", "meta", "author",
                             "date", "time", "timestamp"})


def _with_loose_text(text: str, tree, outside: set) -> str:
    """The text with the story's loose text put back: words standing in a block that is no
    paragraph (a blog's callout box, "<div class="kg-callout-text">The council meets again on
    <b>March 14</b></div>", a <details>'s <summary>), which trafilatura drops, losing the
    story's words. Each run of such words between two of the story's paragraphs in the
    <article> (or <main>) holding them is a paragraph, after the one it follows; not an
    ornament alone (a callout's emoji), not the words of links alone (a link card, a row of
    share buttons), not what the page hides, nor the page's furniture (see NOT_STORY) or its
    comments (``outside``); not words the text holds already."""
    if tree is None:
        return text
    lines = text.split("\n")
    at_line = _lines_at(text)
    story = _story_container(tree, at_line)
    if story is None:
        return text
    held = "".join(text.split())
    found: list[tuple[int, str]] = []  # (the line it goes after, its words)
    last_line = None  # that of the story's paragraph read last
    for kind, words in _blocks_and_loose_text(story, outside):
        if words in at_line:  # (a paragraph, or loose words trafilatura kept as one)
            last_line = at_line[words]
        elif kind == "loose" and last_line is not None and "".join(words.split()) not in held:
            found.append((last_line, words))
    after: dict[int, list[str]] = {}  # line index -> the runs of words to put after it
    for anchor, loose in found:
        if anchor < last_line:  # (after the story's last paragraph stand the page's boxes)
            after.setdefault(anchor, []).append(loose)
    return _inserted_after(lines, after) if after else text


def _blocks_and_loose_text(element, outside: set) -> Iterator[tuple[str, str]]:
    """In the page's order, ("block", words) for each paragraph (an element of BLOCKS) and
    ("loose", words) for each run of words standing outside any (see _with_loose_text)."""
    run: list[str] = []  # the words of the run being read
    borrowed: list[str] = []  # those of its words that are a link's or a <time>'s

    def finish() -> Iterator[tuple[str, str]]:
        words = own = " ".join("".join(run).split())
        for part in borrowed:
            own = own.replace(part, " ", 1)
        # (an emoji, a bullet, links alone, a live blog's time: no words of the story's own)
        if any(c.isalnum() for c in own):
            yield "loose", words
        run.clear()
        borrowed.clear()

    run.append(element.text or "")
    for child in element:
        if not isinstance(child.tag, str) or child.tag in NOT_TEXT:
            pass
        elif child.tag == "br":
            yield from finish()  # (the reader sees a line of its own, as trafilatura gives one kept)
        elif _is_inline(child):
            shown = _shown_text(child)
            run.append(shown)
            borrowed.extend(_shown_text(e) for e in child.iter("a", "time"))
        else:
            yield from finish()
            if child.tag in BLOCKS:
                yield "block", _text(child)
            elif not _hidden(child) and child not in outside and child.tag not in NOT_STORY \
                    and not NOT_STORY_WORDS & _class_words(child) and not _has_class(child, CAPTION_ENDINGS):
                yield from _blocks_and_loose_text(child, outside)
        run.append(child.tail or "")
    yield from finish()


def _is_inline(element) -> bool:
    """Whether the element is part of a line of text: an inline tag holding no block (a link
    around a card's <div>s is a block)."""
    return element.tag in INLINE and all(e.tag in INLINE or e.tag in NOT_TEXT for e in _elements(element)
                                         if not any(a.tag in NOT_TEXT for a in e.iterancestors()))


def _shown_text(element) -> str:
    """The element's words as the reader sees them: not a control's or a picture's, nor hidden ones."""
    if element.tag in NOT_TEXT or _hidden(element):
        return ""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            parts.append(" " if child.tag == "br" else _shown_text(child))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())  # (no space added: "Kowal<b>czyk</b>" is one word)


def _class_words(element) -> set[str]:
    """The words of the element's classes ("kg-signup-card": "kg", "signup", "card")."""
    return set(re.split(r"[\s_-]+", (element.get("class") or "").lower())) - {""}


def _hidden(element) -> bool:
    return element.get("hidden") is not None or (element.get("aria-hidden") or "").lower() == "true" \
        or "display:none" in "".join((element.get("style") or "").lower().split())


# How a caption is classed when it is no <figcaption>: WordPress's older "wp-caption-text" under
# the picture in a <div class="wp-caption">, a theme's "image-caption" or "photo-caption".
CAPTION_ENDINGS = ("caption-text", "image-caption", "photo-caption", "img-caption")


def _is_caption(element) -> bool:
    """A picture's caption: a <figcaption>, or an element classed as one with no caption inside it."""
    return element.tag == "figcaption" or _has_class(element, CAPTION_ENDINGS) and not any(
        e.tag == "figcaption" or _has_class(e, CAPTION_ENDINGS) for e in _elements(element))


# Where a caption's credit may start: after its sentence ("... on Sunday. Photo: Ann Lee"), or
# at a bracket or a bar ("... on Sunday (Ann Lee/Valley Post)", "... on Sunday | Ann Lee/Valley Post").
CREDIT_START = re.compile(r"(?<=[.!?”])\s+|\s+(?=[(|])")


def _without_credit(caption: str) -> tuple[str, ...]:
    """The caption, its credit a line of its own after it when it ends with one: a caption
    ending with its credit is chrome as a whole in a text capture, where it may be wrapped
    over lines with the story's, but the page tells where the caption starts, so its words
    stay in the body and the credit alone is dropped (and listed in the report)."""
    rules = generic_rules()
    if not is_chrome(rules, caption):
        return (caption,)
    for start in CREDIT_START.finditer(caption):
        words, credit = caption[:start.start()], caption[start.end():]
        if is_chrome(rules, credit) and not is_chrome(rules, words):
            return words, credit
    return (caption,)


# How a story's standfirst is classed: the sentence or two under the headline that sums it up.
STANDFIRST_ENDINGS = ("standfirst", "dek", "deck", "subheadline", "sub-headline", "subhead", "strapline",
                      "chapo", "chapeau", "teaser", "leadtext", "lead-text", "intro", "article-summary",
                      "summary", "subtitle", "excerpt", "desc", "description")
MIN_STANDFIRST_WORDS = 4
MAX_STANDFIRST_WORDS = 80
STANDFIRST_OPENING = 6  # words


def _with_standfirst(text: str, tree, title: str | None) -> str:
    """The text with the story's standfirst put back under its headline: when the page marks its
    body (schema.org's articleBody, a content <div>), trafilatura takes that alone, and the
    standfirst over it ("Judge says the firm ignored alarms for eleven hours") is lost. It is the
    element classed as one ("standfirst", "dek", "chapo", "article-summary"...) between the page's
    one <h1> and the story's first paragraph, in the <article> (or <main>) holding the <h1>: a
    few words at least, no list or heading (a box of key points), and none of its paragraphs
    opening as a line of the text does (trafilatura kept it, perhaps a little changed)."""
    if tree is None or not text.strip():
        return text
    headlines = tree.xpath("//h1")
    if len(headlines) != 1:
        return text
    h1 = headlines[0]
    container = next((a for a in h1.iterancestors() if a.tag in ("article", "main")), None)
    if container is None:
        return text
    lines = text.split("\n")
    kept = {" ".join(line.split()) for line in lines}
    flat = " ".join(text.split())
    standfirst, passed = None, False
    for element in container.iter():
        if element is h1:
            passed = True
            continue
        if not passed or not isinstance(element.tag, str):
            continue
        if element.tag in BLOCKS and _text(element) in kept and _text(element) != title:
            break  # the story's first paragraph: nothing above it was left out
        if element.tag in ("figure", "figcaption", "aside", "nav", "time") or not _has_class(element, STANDFIRST_ENDINGS):
            continue
        if any(a.tag in ("figure", "aside", "nav") or _has_class(a, STANDFIRST_ENDINGS) for a in element.iterancestors()):
            continue
        if element.xpath(".//ul | .//ol | .//h2 | .//h3 | .//h4 | .//table"):
            continue
        blocks = [b for b in ([_text(e) for e in _elements(element) if e.tag in BLOCKS] or [_text(element)]) if b]
        if MIN_STANDFIRST_WORDS <= len(" ".join(blocks).split()) <= MAX_STANDFIRST_WORDS \
                and not any(" ".join(b.split()[:STANDFIRST_OPENING]) in flat for b in blocks):
            standfirst = blocks
            break
    if standfirst is None:
        return text
    at = next((index + 1 for index, line in enumerate(lines[:MAX_KICKERS + 1]) if title and line.strip() == title), 0)
    return "\n".join(lines[:at] + standfirst + lines[at:])


# How a page classes the list of its notes (WordPress's block "wp-block-footnotes", a
# converter's "footnotes"), and the link back to a note's marker at an item's end.
FOOTNOTES_ENDINGS = ("footnotes", "footnote-list")
BACKLINK = re.compile(r"\s*(?:[↩↑^]\ufe0e?\s*)+$")


def _with_footnotes(text: str, tree) -> str:
    """The text with the story's notes: trafilatura drops the list of them (<ol class="footnotes">)
    and runs each marker on with the word before it ("every increase.1"). A marker (a <sup>
    of a number linking to its note) is set in brackets ("every increase.[1]"), and the
    notes follow the story, numbered, without their links back ("↩")."""
    if tree is None:
        return text
    lines = text.split("\n")
    at_line = _lines_at(text)
    for block in tree.iter("p", "li", "td", "dd"):
        sups = [sup for sup in block.iter("sup") if _marker(sup)]
        if sups and _text(block) in at_line:
            marked = copy.deepcopy(block)
            for sup in (sup for sup in marked.iter("sup") if _marker(sup)):
                number, tail = _text(sup).strip("[]"), sup.tail
                sup.clear()
                sup.text, sup.tail = f"[{number}]", tail
            lines[at_line[_text(block)]] = _text(marked)
    notes = next((e for e in tree.iter() if isinstance(e.tag, str) and (_has_class(e, FOOTNOTES_ENDINGS)
                  or (e.get("id") or "").lower() == "footnotes")), None)
    items = [BACKLINK.sub("", _text(li)) for li in notes.iter("li")] if notes is not None else []
    if not items or any(item in at_line for item in items):
        return "\n".join(lines)
    return "\n".join(lines + [f"{number}. {item}" for number, item in enumerate(items, 1) if item])


def _marker(sup) -> bool:
    """A note's marker: a <sup> of a number ("1", "[2]") linking to the note on the page (not a
    power's, "km<sup>2</sup>")."""
    links = [*sup.iter("a"), *(a for a in sup.iterancestors("a"))]
    return re.fullmatch(r"\[?\d{1,3}\]?", _text(sup)) is not None \
        and any((a.get("href") or "").startswith("#") for a in links)


def _with_times_in_paragraphs(text: str, tree) -> str:
    """The text with the <time>s of its paragraphs put back: trafilatura leaves a <time> out of
    the paragraph around it too, and left "Published" alone on a line for "Published <time>Jan.
    31, 2025 11:30 p.m. PT</time>" (a stamp the import reads as a date line), or "Posted at by
    Ann Lee"."""
    if tree is None:
        return text
    lines = text.split("\n")
    at_line = _lines_at(text)
    for time in tree.iter("time"):
        block = next((a for a in time.iterancestors() if a.tag in BLOCKS), None)
        shown = _text(time)
        if block is None or not shown:
            continue
        whole = _text(block)
        without = " ".join(whole.replace(shown, " ", 1).split())
        if whole not in at_line and without in at_line:
            lines[at_line[without]] = whole
    return "\n".join(lines)


MAX_ENTRY_TIME_WORDS = 5  # "03:12", "4.10pm BST", "Tue 6 May, 09:12"


def _with_entry_times(text: str, tree) -> str:
    """The text with a live blog's entry times put back, each a line of its own over its entry:
    trafilatura drops a <time> standing outside a paragraph ("03:12" over "Result declared"),
    and with it when each entry was written; and the entry's heading under it, which it drops
    with the entry's <header> ("Ferry sailings cancelled"). An entry is the smallest element around a <time>
    holding one of the text's paragraphs after it; the page's entries are two or more, each
    with one <time> before its text (not a byline's date over the whole story)."""
    if tree is None:
        return text
    lines = text.split("\n")
    at_line = _lines_at(text)
    before: dict[int, tuple[str, ...]] = {}  # line index -> the time (and heading) to put over it
    entries = set()
    for time in tree.iter("time"):
        shown = _text(time)
        if not shown or shown in at_line or len(shown.split()) > MAX_ENTRY_TIME_WORDS:
            continue
        if any(a.tag in BLOCKS and _text(a) != shown for a in time.iterancestors()):
            continue  # (in a sentence, "Posted at 03:12 by ...": kept or dropped with it)
        entry = next((a for a in time.iterancestors()
                      if any(e.tag in BLOCKS and _text(e) in at_line for e in _elements(a))), None)
        if entry is None or entry.tag in ("body", "html") or entry in entries \
                or sum(1 for _ in entry.iter("time")) != 1:
            continue
        following, passed, heading = None, False, ()
        for element in entry.iter():
            if element is time:
                passed = True
            elif element.tag in HEADINGS and _text(element) and _text(element) not in at_line:
                heading = (_text(element),)  # (the entry's own, in a <header> with its time)
            elif passed and element.tag in BLOCKS and _text(element) in at_line:
                following = at_line[_text(element)]
                break
        if following is None or following in before:
            continue
        entries.add(entry)
        before[following] = (shown, *heading)
    if len(before) < 2:
        return text
    return "\n".join(line for index, text_line in enumerate(lines)
                     for line in before.get(index, ()) + (text_line,))


MAX_KICKERS = 2  # short lines over a saved page's headline
KICKER_WORDS = 6


def _paragraph_lines(text: str, skip_first: str | None = None, anywhere: bool = False) -> tuple[str, ...]:
    """trafilatura gives one paragraph a line: separate them by blank lines, as pages read;
    but not the rows of a table, nor the items of a list ("- "), which go on one another."""
    paragraphs = [p.strip() for p in text.splitlines() if p.strip()]
    if skip_first:
        # The headline, which the front matter holds; also under a kicker or two, the short
        # lines a page sets over it ("Bad Werrenbrück", "Local news"), which stay.
        headline = skip_first.strip()
        at = None
        for index, paragraph in enumerate(paragraphs[:MAX_KICKERS + 1]):
            if paragraph == headline:
                at = index
                break
            if len(paragraph.split()) > KICKER_WORDS or paragraph.endswith((".", "!", "?")):
                break
        # (the page's <h1>, wherever trafilatura put it: after a live blog's first entry when
        # the page sets its newest entry above the headline)
        if at is None and anywhere:
            at = next((index for index, paragraph in enumerate(paragraphs) if paragraph == headline), None)
        if at is not None:
            del paragraphs[at]
    lines: list[str] = []
    for paragraph in paragraphs:
        if lines and _same_block(lines[-2], paragraph):
            lines.pop()
            if _header_row_alone(lines) and not TABLE_RULE.fullmatch(paragraph):
                # (a table without a header row, <th>, as trafilatura writes it: its first row
                # is read as its header, for Markdown draws no table without one)
                lines.append("|" + "---|" * _cell_count(lines[-1]))
        lines.extend([paragraph, ""])
    return tuple(lines[:-1])


def _is_h1(title: str | None, tree) -> bool:
    """Whether the headline is the text of one of the page's <h1>s (not only its metadata's
    title, which a paragraph of the story may repeat)."""
    return bool(title) and tree is not None and any(_text(h1) == title for h1 in tree.iter("h1"))


def _header_row_alone(lines: list[str]) -> bool:
    """The last line is a table's first row, with no rule under it yet."""
    return (TABLE_ROW.fullmatch(lines[-1]) is not None and TABLE_RULE.fullmatch(lines[-1]) is None
            and (len(lines) < 2 or TABLE_ROW.fullmatch(lines[-2]) is None))


def _cell_count(row: str) -> int:
    return len(re.split(r"(?<!\\)\|", row.strip().strip("|")))


def _same_block(above: str, line: str) -> bool:
    return (TABLE_ROW.fullmatch(above) is not None and TABLE_ROW.fullmatch(line) is not None
            or _list_item(above) is not None and _list_item(above) == _list_item(line))


def _list_item(line: str) -> str | None:
    """The kind of list the line is an item of ("- ", "1. "), if it is one."""
    return "- " if line.startswith("- ") else "1. " if NUMBER_MARKER.match(line) else None


def _clean(value) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


# Where a page declares when its story was published, to the second: Open Graph's article
# property, schema.org's as microdata or JSON-LD, and the story's own <time>.
PUBLISHED_XPATH = ("//meta[@property='article:published_time' or @itemprop='datePublished' or @name='pubdate'"
                   " or @name='publish-date' or @name='sailthru.date']/@content"
                   " | //*[@itemprop='datePublished' and not(self::meta)]/@datetime"
                   " | //time[@pubdate]/@datetime")


def _with_time(day: str | None, tree, markup: bytes) -> str | None:
    """The page's date (``day``, as trafilatura read it) with the time of day it was published,
    when the page declares one for that day ("2016-11-08T21:30-05:00"). Not a time on another
    day (a page's zone may put it there: the day is trafilatura's, read by its own rules), nor
    midnight exactly, which sites write when they know the day only. (The JSON-LD is read
    from the page as written: ``tree`` has no scripts.) When the page declares none, the <time>
    in the story's header dates it (see _header_time)."""
    if tree is None:
        return day
    declared = False
    for value in itertools.chain(tree.xpath(PUBLISHED_XPATH), _json_ld_published(markup)):
        try:
            date = PartialDate.parse(str(value))
        except ValueError:
            continue
        declared = True
        if date.day_iso() == day and date.hour is not None and (date.hour, date.minute) != (0, 0):
            return date.iso()
    # (what the page's metadata declares wins over what its header shows)
    shown = None if declared else _header_time(tree)
    if shown is None:
        return day
    return shown.day_iso() if shown.hour is None or (shown.hour, shown.minute) == (0, 0) else shown.iso()


# A <time> of when the story was changed, not published: its class or property ("dateModified",
# "timestamp-updated"), or the word before it ("Updated <time>...</time>").
UPDATE_MARKS = ("modified", "updated", "update", "datemodified", "date-modified", "date-updated")
UPDATED_BEFORE = re.compile(r"\b(?:updated|modified)\W*$", re.IGNORECASE)
MIN_STORY_PARAGRAPH_WORDS = 15


def _header_time(tree) -> PartialDate | None:
    """When the story was published as the <time datetime> in its header shows it, its zone as
    written, for a page whose metadata does not say (an Arc XP site's "<time datetime=
    "2024-03-05T14:30:00-05:00">March 5, 2024 at 2:30 p.m. EST</time>" under the byline). The
    header is the <header> around the page's one <h1>, else what follows the <h1> before the
    story's first paragraph: not a related story's <time>, a comment's or the footer's (nor a
    live blog's entry's, an <article> of its own), nor an "Updated" stamp's."""
    headlines = tree.xpath("//h1")
    if len(headlines) != 1:
        return None
    h1 = headlines[0]
    article = next(h1.iterancestors("article"), None)
    header = next(h1.iterancestors("header"), None)
    times = list(header.iter("time")) if header is not None else []
    for element in () if times else h1.itersiblings():
        if element.tag == "p" and len(_text(element).split()) >= MIN_STORY_PARAGRAPH_WORDS:
            break  # (the story's first paragraph: its header is above it)
        times += element.iter("time") if isinstance(element.tag, str) else ()
    for time in times:
        if next(time.iterancestors("article"), None) is not article or _an_update(time) \
                or any(a.tag in ("aside", "nav", "footer", "figure") for a in time.iterancestors()):
            continue
        try:
            return PartialDate.parse(time.get("datetime") or "")
        except ValueError:
            continue
    return None


def _an_update(time) -> bool:
    """Whether the <time> says when the story was updated: it or the element around it is classed
    or marked so, or "Updated" stands right before it there."""
    around = time.getparent()
    marked = [element for element in (time, around) if element is not None]
    return any(_has_class(e, UPDATE_MARKS) or (e.get("itemprop") or "").lower() == "datemodified" for e in marked) \
        or around is not None and UPDATED_BEFORE.search(_text_before(time, around)) is not None


def _json_ld_published(markup: bytes) -> Iterator[str]:
    """Every ``datePublished`` of the page's JSON-LD, in the order they come."""
    tree = _parse(markup, strip=False)
    for script in tree.xpath("//script[@type='application/ld+json']/text()") if tree is not None else ():
        try:
            data = json.loads(script)
        except ValueError:
            continue  # (a page's broken JSON-LD is no reason to stop its import)
        yield from _dates_published(data)


def _dates_published(node) -> Iterator[str]:
    """The ``datePublished`` values in a JSON-LD document, however deep (an ``@graph``'s items)."""
    if isinstance(node, dict):
        if isinstance(node.get("datePublished"), str):
            yield node["datePublished"]
        children = node.values()
    elif isinstance(node, list):
        children = node
    else:
        return
    for child in children:
        yield from _dates_published(child)


def _iso_date(value) -> str | None:
    try:
        return datetime.date.fromisoformat(str(value)[:10]).isoformat() if value else None
    except ValueError:
        return None
