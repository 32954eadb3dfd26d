"""Lists of annotations shown by article: the article named once, its annotations beneath.

A topic's fact-checks and notes, a person's quotes and the archive's fact-checks and
corrections are lists of ``AnnotationRef``s, newest article first and, within an article, in
its order, so each article's entries stand together. Shown one by one, every entry repeated
its article's title, date and link: at 10,000 articles that repetition was most of what the
topics' annotation pages weighed. Grouped, the article's heading links to it once and each
entry links to its own spot in it (``#claim-2``, ``#note-ref-1``).

Paginated lists are still cut every ``pagination`` entries, not at article boundaries (a page
holds as many entries as before, and an article with hundreds of notes cannot make a page of
hundreds), so an article's entries may begin on one page and go on to the next: the group on
the later page is marked ``continued``, as the people A to Z list marks a letter.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from ..index import AnnotationRef
from ..model import Annotation, Article


@dataclass(frozen=True, slots=True)
class ArticleGroup:
    article: Article
    annotations: tuple[Annotation, ...]  # in the order of the list (the article's order)
    continued: bool = False  # the article's entries began on an earlier page


def by_article(refs: tuple[AnnotationRef, ...], articles: dict[str, Article],
               previous: AnnotationRef | None = None) -> tuple[ArticleGroup, ...]:
    """``refs`` as runs of one article each. ``previous`` is the entry just before the first
    of ``refs`` in the whole list (the last of the page before), if any: when it is of the
    same article, the first group continues a group begun on that page."""
    groups: list[ArticleGroup] = []
    for slug, run in groupby(refs, key=lambda ref: ref.article):
        continued = not groups and previous is not None and previous.article == slug
        groups.append(ArticleGroup(articles[slug], tuple(ref.annotation for ref in run), continued))
    return tuple(groups)


def entry_before_page(refs: tuple, number: int, size: int):
    """The last entry of the page before page ``number`` (of ``size`` entries each), if any:
    whether a page's first group is "(continued)" depends on it (annotations, the archive)."""
    start = (number - 1) * size
    return refs[start - 1] if start else None
