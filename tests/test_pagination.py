"""Pagination: which pages a pager lists, and one page of a long listing taken alone."""

from __future__ import annotations

import pytest

from sitegen.render.pages import Pagination, page_of, paginate


def spelled_out(number: int, total: int) -> list:
    """The rule the pager follows, page by page over the whole listing: the first and last
    page and two either side of the current one; one gap mark where pages are left out."""
    entries = []
    for n in range(1, total + 1):
        if n in (1, total) or abs(n - number) <= 2:
            entries.append(n)
        elif not entries or entries[-1] != "gap":
            entries.append("gap")
    return entries


@pytest.mark.parametrize("total", range(1, 16))
def test_shown_pages_follow_the_rule_for_every_page(total):
    for number in range(1, total + 1):
        shown = Pagination(number, total, "/x/").shown()
        assert ["gap" if url is None else n for n, url in shown] == spelled_out(number, total)
        assert all(url == ("/x/" if n == 1 else f"/x/page/{n}/") for n, url in shown if url)


def test_a_far_page_of_a_long_listing():
    pagination = Pagination(3000, 6000, "/annotations/fact-checks/")
    assert [n if url else None for n, url in pagination.shown()] == [1, None, 2998, 2999, 3000, 3001, 3002, None, 6000]
    assert pagination.current_url == "/annotations/fact-checks/page/3000/"
    assert pagination.previous_url == "/annotations/fact-checks/page/2999/"
    assert pagination.next_url == "/annotations/fact-checks/page/3001/"
    assert len(pagination.urls) == 6000 and pagination.urls[0] == "/annotations/fact-checks/"


def test_one_page_alone_is_that_page_of_the_whole():
    items = tuple(range(23))
    whole = list(paginate(items, 5, "/a/"))
    assert [page_of(items, 5, "/a/", n) for n in range(1, 6)] == whole
    assert whole[-1] == ((20, 21, 22), Pagination(5, 5, "/a/"))
    assert list(paginate((), 5, "/a/")) == [((), Pagination(1, 1, "/a/"))]
    for number in (0, 6):
        with pytest.raises(ValueError):
            page_of(items, 5, "/a/", number)
