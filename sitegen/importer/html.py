"""Saved HTML pages: trafilatura finds the main text, metadata and comments; the text then goes
through the same recognisers as a plain-text capture."""

from __future__ import annotations

import datetime

from .analyse import Analysis, NoArticle, PageMeta, analyse_lines
from .registry import Registries
from .segment import MAX_HEADLINE_WORDS

HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def analyse_html(raw: bytes, url: str | None, registries: Registries) -> Analysis:
    """Analyse a saved page. Raises NoArticle when no main text can be found."""
    try:
        import trafilatura   # imported here: plain-text imports do not need it
    except ImportError as error:
        raise NoArticle(f"cannot read saved pages: trafilatura does not load ({error})") from None

    document = trafilatura.bare_extraction(
        raw, url=url, with_metadata=True, include_comments=True,
        # Only dates the page declares: an extensive search guesses from any date in the text.
        date_extraction_params={"extensive_search": False, "original_date": True})
    if document is None or not (document.text or "").strip():
        raise NoArticle("no article text found in the page")
    tree = _parse(raw)  # our own copy: trafilatura cleans the tree it is given
    page = PageMeta(title=_headline(tree) or _clean(document.title), date=_iso_date(document.date),
                    site=_clean(document.sitename), author=_clean(document.author))
    canonical = document.url if (document.url or "").startswith(("http://", "https://")) else None
    lines = _paragraph_lines(document.text, skip_first=page.title)
    comments = comment_lines(tree) or _paragraph_lines(document.comments or "")
    return analyse_lines(lines, url or canonical, registries, page, comments)


def _parse(raw: bytes):
    """The page as an lxml tree (trafilatura's own parser), or None when it cannot be parsed:
    then trafilatura's title and comments are used."""
    try:
        import lxml.html
        return lxml.html.document_fromstring(raw)
    except Exception:
        return None


def _headline(tree) -> str | None:
    """The page's one <h1>, the headline as readers see it: a page's <title> and og:title are
    often shortened for search and sharing ("Fernhollow lantern festival draws thousands" for
    "Thousands light lanterns as Fernhollow marks its 200th birthday"), or carry the site's name."""
    if tree is None:
        return None
    texts = [" ".join(h.text_content().split()) for h in tree.xpath("//h1")]
    texts = [t for t in texts if 2 <= len(t.split()) <= MAX_HEADLINE_WORDS]
    return texts[0] if len(texts) == 1 else None


# How comment markup is commonly classed (WordPress and most comment plugins): an item per
# comment, nested for replies; its author, date, text and buttons in elements of their own.
_ITEM = ("//*[contains(concat(' ', normalize-space(@class), ' '), ' comment ') "
         "or (self::li and starts-with(@id, 'comment-'))]")
_AUTHOR_CLASSES = frozenset({"fn", "comment-author", "author", "commenter", "username"})
_DATE_CLASSES = frozenset({"comment-date", "date", "timestamp"})
_TEXT_CLASSES = frozenset({"comment-text", "comment-content"})
_SKIP_CLASSES = frozenset({"comment-meta", "commentmetadata", "comment-actions", "comment-links", "comment-author",
                           "comment-date", "says", "reply"})


def comment_lines(tree) -> tuple[str, ...]:
    """The page's comments, from their markup, as lines the text reader knows: the heading, then
    per comment "Author says on <date>:" and its paragraphs, a reply indented under its parent.
    trafilatura keeps comments' text but not who wrote them or whom they answer. () when the
    page has no comment markup of that common shape."""
    if tree is None:
        return ()
    candidates = tree.xpath(_ITEM)
    found = set(candidates)
    # (a wrapper such as WordPress's <article class="comment-body"> inside <li class="comment">
    # has neither of its own: its parts belong to the item around it)
    ordered = [item for item in candidates
               if _own(item, found, _AUTHOR_CLASSES) is not None or _paragraphs(item, found)]
    if not ordered:
        return ()
    items = set(ordered)
    lines: list[str] = []
    heading = _comments_heading(ordered[0])
    if heading:
        lines += [heading, ""]
    for item in ordered:
        indent = "    " * sum(1 for ancestor in item.iterancestors() if ancestor in items)
        author_element = _own(item, items, _AUTHOR_CLASSES)
        author = "" if author_element is None else " ".join(author_element.text_content().split())
        author = author.removesuffix("says:").strip()  # WordPress: "<cite>Name</cite> says:"
        date = _date(item, items)
        lines.append(f"{indent}{author or 'Anonymous'} says" + (f" on {date}:" if date else ":"))
        lines += [indent + text for text in _paragraphs(item, items)] + [""]
    return tuple(lines[:-1])


def _date(item, items: set) -> str:
    """The comment's date: its <time>'s machine-readable date, else the text of its date element."""
    times = [t for t in item.iter("time") if _nearest_item(t, items) is item]
    if times:
        return times[0].get("datetime") or " ".join(times[0].text_content().split())
    element = _own(item, items, _DATE_CLASSES)
    return " ".join(element.text_content().split()) if element is not None else ""


def _nearest_item(element, items: set):
    return next((a for a in element.iterancestors() if a in items), None)


def _classes(element) -> set[str]:
    return set((element.get("class") or "").split())


def _own(item, items: set, classes: frozenset[str]):
    """The first element of ``item`` (not of a reply inside it) with one of these classes."""
    for element in item.iterdescendants():
        if _classes(element) & classes and _nearest_item(element, items) is item:
            return element
    return None


def _paragraphs(item, items: set) -> list[str]:
    """The comment's own text: its paragraphs, else its text block, without author, date, buttons."""
    paragraphs = [e for e in item.iter("p") if _is_own_text(e, item, items)]
    if not paragraphs:
        paragraphs = [e for e in item.iterdescendants()
                      if _is_own_text(e, item, items) and _classes(e) & _TEXT_CLASSES]
    texts = [" ".join(p.text_content().split()) for p in paragraphs]
    return [t for t in texts if t]


def _is_own_text(element, item, items: set) -> bool:
    """Text of this comment (not of a reply inside it), outside its author, date and buttons."""
    if _nearest_item(element, items) is not item:
        return False
    for node in (element, *element.iterancestors()):
        if node is item:
            return True
        if _classes(node) & _SKIP_CLASSES:
            return False
    return False


def _comments_heading(first_item) -> str | None:
    """The heading above the comments ("4 Comments"), in the section that holds them."""
    for ancestor in first_item.iterancestors():
        headings = ancestor.xpath(".//h1|.//h2|.//h3|.//h4")
        if headings:
            return " ".join(headings[0].text_content().split())
    return None


def _paragraph_lines(text: str, skip_first: str | None = None) -> tuple[str, ...]:
    """trafilatura gives one paragraph a line: separate them by blank lines, as pages read."""
    paragraphs = [p.strip() for p in text.splitlines() if p.strip()]
    if paragraphs and skip_first and paragraphs[0] == skip_first.strip():
        paragraphs = paragraphs[1:]
    lines: list[str] = []
    for paragraph in paragraphs:
        lines.extend([paragraph, ""])
    return tuple(lines[:-1])


def _clean(value) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _iso_date(value) -> str | None:
    try:
        return datetime.date.fromisoformat(str(value)[:10]).isoformat() if value else None
    except ValueError:
        return None
