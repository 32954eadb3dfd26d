""""Cite this article": an APA-like reference, CSL-JSON and BibTeX for each article.

A citation names the original publication first (reporters, date, headline, publisher,
original URL) and the archive's copy second, so a reader can find either. Nothing is
invented: an undated article is cited "n.d." and gets no ``issued``/``year``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..config import Config
from ..model import MONTH_NAMES, Article, PartialDate, Site
from ..slugs import ascii_letters
from .structured import compact_json
from .urls import Urls

CSL_FILE, BIBTEX_FILE = "cite.json", "cite.bib"
BIBTEX_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
    "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}
_BIBTEX_SPECIAL_RE = re.compile("|".join(re.escape(c) for c in _BIBTEX_SPECIAL))


@dataclass(frozen=True, slots=True)
class Citation:
    """The parts of the reference; ``segments()`` is what the page shows, ``text()`` the same as plain text."""

    authors: str  # APA style: "Hopper, B., & Pell, C."; "" when the article names no reporter
    date: str  # "2016, December 18", "2016" or "n.d."
    title: str
    container: str  # the publisher (italic)
    url: str  # the original
    archive_url: str  # the archive's page
    json_url: str  # the downloads, as site paths
    bib_url: str

    def segments(self) -> list[tuple[str, str]]:
        """(kind, text) pairs; kind is ``text``, ``title`` (the article's own words, which may
        be in another language than the site's), ``italic`` or ``url``."""
        title = self.title if self.title.endswith((".", "?", "!")) else self.title + "."
        if self.authors:
            authors = self.authors if self.authors.endswith(".") else self.authors + "."
            parts = [("text", f"{authors} ({self.date}). "), ("title", title)]
        else:
            parts = [("title", title), ("text", f" ({self.date}).")]
        if self.container:
            parts += [("text", " "), ("italic", self.container), ("text", ".")]
        if self.url:
            parts += [("text", " "), (_link_kind(self.url), self.url)]
        parts += [("text", " Archived copy at "), (_link_kind(self.archive_url), self.archive_url)]
        return parts

    def text(self) -> str:
        return "".join(text for _, text in self.segments())


def _link_kind(url: str) -> str:
    """Only web addresses and site paths become links; anything else is shown as text."""
    return "url" if url.lower().startswith(("https://", "http://", "/")) and not url.startswith("//") else "text"


def citation(article: Article, site: Site, urls: Urls) -> Citation:
    page = urls.article(article)
    json_url, bib_url = citation_urls(page)
    return Citation(
        authors=apa_authors(reporter_names(article, site)),
        date=apa_date(article.date),
        title=article.title,
        container=container_title(article),
        url=article.source.url,
        archive_url=urls.absolute(page),
        json_url=json_url,
        bib_url=bib_url,
    )


def citation_urls(page_url: str) -> tuple[str, str]:
    """Next to the page: ``/a/x/`` -> ``/a/x/cite.json``; ``/a/x.html`` -> ``/a/x.cite.json``."""
    if page_url.endswith("/"):
        return page_url + CSL_FILE, page_url + BIBTEX_FILE
    stem = page_url.rsplit(".", 1)[0] if "." in page_url.rsplit("/", 1)[-1] else page_url
    return f"{stem}.{CSL_FILE}", f"{stem}.{BIBTEX_FILE}"


def reporter_names(article: Article, site: Site) -> list[str]:
    return [site.people[r.slug].name if r.slug in site.people else r.slug for r in article.reporters]


def container_title(article: Article) -> str:
    return article.source.name or article.source.site


def split_name(name: str) -> tuple[str, str]:
    """(family, given): the last word is the family name; one word is a family name alone."""
    words = name.split()
    return (words[-1], " ".join(words[:-1])) if len(words) > 1 else (name.strip(), "")


def apa_authors(names: list[str]) -> str:
    """APA 7: "Family, G. G." each; the last one after "&"; a comma before "&" from two on."""
    formatted = []
    for name in names:
        family, given = split_name(name)
        initials = " ".join("-".join(part[0] + "." for part in word.split("-") if part) for word in given.split())
        formatted.append(f"{family}, {initials}" if initials else family)
    if len(formatted) <= 1:
        return "".join(formatted)
    return ", ".join(formatted[:-1]) + ", & " + formatted[-1]


def apa_date(date: PartialDate | None) -> str:
    if date is None:
        return "n.d."
    text = str(date.year)
    if date.month:
        text += f", {MONTH_NAMES[date.month - 1]}" + (f" {date.day}" if date.day else "")
    return text


def csl_json(article: Article, site: Site, config: Config, urls: Urls) -> bytes:
    """A CSL-JSON file (a list of one item), as Zotero, Pandoc and citeproc read it."""
    archive_url = urls.absolute(urls.article(article))
    item: dict = {"id": article.slug, "type": "article-newspaper", "title": article.title}
    names = reporter_names(article, site)
    if names:
        item["author"] = [_csl_name(name) for name in names]
    if article.date:
        item["issued"] = {"date-parts": [[p for p in (article.date.year, article.date.month, article.date.day) if p]]}
    if container := container_title(article):
        item["container-title"] = container
        item["publisher"] = container
    if article.dateline:
        item["publisher-place"] = article.dateline
    if article.summary:
        item["abstract"] = article.summary
    item["URL"] = article.source.url or archive_url
    item["archive"] = config.title
    item["archive_location"] = archive_url
    item["note"] = f"Archived copy at {archive_url}"
    item["language"] = article.language or config.language
    return (compact_json([item]) + "\n").encode("utf-8")


def _csl_name(name: str) -> dict:
    family, given = split_name(name)
    return {"family": family, "given": given} if given else {"literal": family}


def bibtex(article: Article, site: Site, urls: Urls) -> bytes:
    """One BibTeX entry: ``@article`` when the publisher and date are known, else ``@misc``."""
    archive_url = urls.absolute(urls.article(article))
    container = container_title(article)
    names = reporter_names(article, site)
    fields: list[tuple[str, str]] = []
    if names:
        fields.append(("author", "{" + " and ".join(_bibtex_name(n) for n in names) + "}"))
    # Double braces keep the headline's capitals: BibTeX styles lower-case titles otherwise.
    fields.append(("title", "{{" + bibtex_escape(article.title) + "}}"))
    if container:
        fields.append(("journal" if article.date else "howpublished", "{" + bibtex_escape(container) + "}"))
    if article.date:
        fields.append(("year", "{" + str(article.date.year) + "}"))
        if article.date.month:
            fields.append(("month", BIBTEX_MONTHS[article.date.month - 1]))
        fields.append(("date", "{" + article.date.day_iso() + "}"))
    if article.source.url:
        fields.append(("url", "{" + bibtex_url(article.source.url) + "}"))
    fields.append(("note", "{Archived copy at \\url{" + bibtex_url(archive_url) + "}}"))
    kind = "article" if container and article.date else "misc"
    body = "".join(f"  {name} = {value},\n" for name, value in fields)
    return f"@{kind}{{{cite_key(article, names)},\n{body}}}\n".encode("utf-8")


def _bibtex_name(name: str) -> str:
    family, given = split_name(name)
    family = bibtex_escape(family)
    return f"{family}, {bibtex_escape(given)}" if given else "{" + family + "}"


def bibtex_escape(text: str) -> str:
    """Text safe inside a braced BibTeX field: LaTeX specials escaped, braces always balanced."""
    return _BIBTEX_SPECIAL_RE.sub(lambda m: _BIBTEX_SPECIAL[m.group()], " ".join(text.split()))


def bibtex_url(url: str) -> str:
    """URLs are read verbatim by ``\\url`` and biblatex; only braces, backslashes and spaces need encoding."""
    return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D").replace(" ", "%20")


def cite_key(article: Article, names: list[str]) -> str:
    """``hopper2016vigil``: first reporter, year, first word of the title (ASCII); else the slug."""
    def ascii_word(text: str) -> str:
        return re.sub(r"[^a-z0-9]", "", ascii_letters(text).lower())

    # Only the first word that counts is used: fold the title's words one at a time until it.
    words = (ascii_word(w) for w in article.title.split())
    word = next((w for w in words if w and w not in ("a", "an", "the")), "")
    author = ascii_word(split_name(names[0])[0]) if names else ""
    year = str(article.date.year) if article.date else "nd"
    key = f"{author}{year}{word}"
    return key if author or word else article.slug
