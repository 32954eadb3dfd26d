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
    page = PageMeta(title=_headline(raw) or _clean(document.title), date=_iso_date(document.date),
                    site=_clean(document.sitename), author=_clean(document.author))
    canonical = document.url if (document.url or "").startswith(("http://", "https://")) else None
    lines = _paragraph_lines(document.text, skip_first=page.title)
    comments = _paragraph_lines(document.comments or "")
    return analyse_lines(lines, url or canonical, registries, page, comments)


def _headline(raw: bytes) -> str | None:
    """The page's one <h1>, the headline as readers see it: a page's <title> and og:title are
    often shortened for search and sharing ("Fernhollow lantern festival draws thousands" for
    "Thousands light lanterns as Fernhollow marks its 200th birthday"), or carry the site's name."""
    try:
        import lxml.html  # (trafilatura's own parser)
        headings = lxml.html.document_fromstring(raw).xpath("//h1")
    except Exception:  # an unparsable page: trafilatura's title it is
        return None
    texts = [" ".join(h.text_content().split()) for h in headings]
    texts = [t for t in texts if 2 <= len(t.split()) <= MAX_HEADLINE_WORDS]
    return texts[0] if len(texts) == 1 else None


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
