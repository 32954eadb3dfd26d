"""An article's `date` with its time of day, as Hugo's front matter has it
(`2016-11-08T21:30:00-05:00`): read, shown, ordered by, and carried into the feeds, the
structured data, the sitemap and the citations, each in the form it takes."""

from __future__ import annotations

import datetime
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest

from conftest import article, build, page, write_files
from sitegen.model import PartialDate

SITE = {
    "sitegen.yaml": "title: Night desk\nbase_url: https://example.org/\n",
    "content/articles/zoned/index.md": article("Polls close", "Text.", date="2016-11-08T21:30:00-05:00"),
    "content/articles/local/index.md": article("Morning queues", "Text.", date="2016-11-08 09:15"),
    "content/articles/utc/index.md": article("Late count", "Text.", date="'2016-11-08T23:59Z'"),
    "content/articles/day/index.md": article("Election day", "Text.", date="2016-11-08"),
    "content/articles/next/index.md": article("The morning after", "Text.", date="2016-11-09T06:00+01:00"),
}


@pytest.fixture(scope="module")
def output(tmp_path_factory) -> Path:
    root = write_files(tmp_path_factory.mktemp("times"), SITE)
    result = build(root)
    assert result.exit_code == 0, result.output
    return root / "public"


def article_time(output: Path, slug: str):
    return page(output, f"/articles/{slug}/").select_one("article time")


def test_a_time_is_shown_with_its_zone_and_given_to_the_time_element(output):
    zoned = article_time(output, "zoned")
    assert (zoned["datetime"], zoned.get_text()) == ("2016-11-08T21:30-05:00", "8 November 2016, 21:30 (UTC-05:00)")
    utc = article_time(output, "utc")
    assert (utc["datetime"], utc.get_text()) == ("2016-11-08T23:59Z", "8 November 2016, 23:59 UTC")
    local = article_time(output, "local")
    assert (local["datetime"], local.get_text()) == ("2016-11-08T09:15", "8 November 2016, 09:15")
    day = article_time(output, "day")
    assert (day["datetime"], day.get_text()) == ("2016-11-08", "8 November 2016")


def test_articles_of_one_day_are_listed_newest_first_by_their_time(output):
    """Times as written, each in its own zone; an article of the day without its time last."""
    listed = [a["href"] for a in page(output, "/").select("main li a[href^='/articles/']")]
    assert listed == ["/articles/next/", "/articles/utc/", "/articles/zoned/", "/articles/local/", "/articles/day/"]


def test_feeds_and_structured_data_carry_the_time(output):
    feed = feedparser.parse((output / "feed.xml").read_bytes())
    assert not feed.bozo
    published = {entry.link.rstrip("/").rpartition("/")[2]: entry.published for entry in feed.entries}
    assert published == {
        "zoned": "2016-11-08T21:30:00-05:00",
        "local": "2016-11-08T09:15:00Z",  # (no zone given: UTC, as Atom must have one)
        "utc": "2016-11-08T23:59:00Z",
        "day": "2016-11-08T00:00:00Z",
        "next": "2016-11-09T06:00:00+01:00",
    }
    assert feed.feed.updated == "2016-11-09T06:00:00+01:00"
    ld = json.loads(page(output, "/articles/zoned/").select_one('script[type="application/ld+json"]').string)
    [news] = [node for node in ld["@graph"] if node["@type"] == "NewsArticle"]
    assert news["datePublished"] == "2016-11-08T21:30-05:00"
    meta = page(output, "/articles/zoned/").select_one('meta[property="article:published_time"]')
    assert meta["content"] == "2016-11-08T21:30-05:00"


def test_the_sitemap_takes_a_time_only_with_its_zone_and_citations_the_day(output):
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = ET.parse(output / "sitemap.xml").getroot().findall("s:url", namespace)
    lastmod = {u.find("s:loc", namespace).text: u.find("s:lastmod", namespace).text
               for u in urls if u.find("s:lastmod", namespace) is not None}
    assert lastmod["https://example.org/articles/zoned/"] == "2016-11-08T21:30-05:00"
    assert lastmod["https://example.org/articles/local/"] == "2016-11-08"
    bib = (output / "articles/zoned/cite.bib").read_text()
    assert "date = {2016-11-08}" in bib.replace("  ", " ")
    csl = json.loads((output / "articles/zoned/cite.json").read_text())
    [item] = csl if isinstance(csl, list) else [csl]
    assert item["issued"] == {"date-parts": [[2016, 11, 8]]}


@pytest.mark.parametrize("written,zone,shown", [
    ("2016-11-08T21:30", "", "8 November 2016, 21:30"),
    ("2016-11-08t21:30:45.250+0530", "+05:30", "8 November 2016, 21:30 (UTC+05:30)"),
    ("2016-11-08 21:30:00 +00:00", "Z", "8 November 2016, 21:30 UTC"),
    ("2016-11-08T21:30-00", "Z", "8 November 2016, 21:30 UTC"),
    ("2016-11-08T21:30+14:00", "+14:00", "8 November 2016, 21:30 (UTC+14:00)"),
])
def test_the_ways_a_time_is_written(written, zone, shown):
    date = PartialDate.parse(written)
    assert (date.hour, date.minute, date.zone, date.human()) == (21, 30, zone, shown)


@pytest.mark.parametrize("written,reason", [
    ("2016-11-08T24:00", "a day has no 24:00"),
    ("2016-11-08T21:60Z", "a day has no 21:60"),
    ("2016-11-08T21:30+15:00", "no time zone is +15:00 from UTC"),
    ("2016-11T21:30", "expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM[+HH:MM]"),
    ("2016-11-08T9:3", "expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM[+HH:MM]"),
])
def test_a_bad_time_is_an_error_at_its_line(tmp_path, written, reason):
    root = write_files(tmp_path, {**SITE, "content/articles/day/index.md": article("Election day", "Text.",
                                                                                    date=f"'{written}'")})
    result = build(root)
    assert result.exit_code == 1
    where = Path("content/articles/day/index.md")
    assert f"{root / where}:3: date: '{written}' is not a valid date ({reason})" in result.stderr, result.stderr


@pytest.mark.parametrize("written,datetime,shown", [
    ("2016-11-08 21:30:00 +1", "2016-11-08T21:30+01:00", "8 November 2016, 21:30 (UTC+01:00)"),
    ("2016-11-08 21:30:00.10 -5", "2016-11-08T21:30-05:00", "8 November 2016, 21:30 (UTC-05:00)"),
    ("2016-11-08\t21:30:00", "2016-11-08T21:30", "8 November 2016, 21:30"),
    ("2016-11-08  21:30:00 \tZ", "2016-11-08T21:30Z", "8 November 2016, 21:30 UTC"),
    ("2016-11-08T21:30:00.000Z", "2016-11-08T21:30Z", "8 November 2016, 21:30 UTC"),
    ("2016-11-08 21:30:00.123456+00:00", "2016-11-08T21:30Z", "8 November 2016, 21:30 UTC"),
    # an hour of one digit, as YAML's timestamps allow (it was an error)
    ("2016-11-08 9:30:00", "2016-11-08T09:30", "8 November 2016, 09:30"),
])
def test_a_timestamp_as_yaml_and_other_tools_write_it(tmp_path, written, datetime, shown):
    """YAML's own timestamps (its specification's example is '2001-12-14 21:59:43.10 -5'),
    unquoted: a zone of one digit, tabs or several spaces before the time or the zone. They
    stopped the build as no date at all; JavaScript's toISOString() and Python's str() of a
    datetime were read already."""
    root = write_files(tmp_path, {**SITE, "content/articles/day/index.md": article("Election day", "Text.",
                                                                                    date=written)})
    result = build(root)
    assert result.exit_code == 0, result.output
    time = article_time(root / "public", "day")
    assert (time["datetime"], time.get_text()) == (datetime, shown)


def test_a_date_after_tomorrow_is_a_warning_at_its_line_at_every_build(tmp_path):
    """An article's date is when its source published it: 2204 for 2024 is a typo, which put
    the article at the top of every list without a word. Tomorrow is allowed (the source's
    zone may be ahead of the machine's); the warning comes again from the cache, and with
    --strict it stops the build."""
    today = datetime.date.today()
    ahead, tomorrow = today + datetime.timedelta(days=2), today + datetime.timedelta(days=1)
    root = write_files(tmp_path, {
        "sitegen.yaml": "title: Desk\n",
        "content/articles/typo/index.md": article("Council vote", "Text.", summary="A vote.",
                                                  date=f"{ahead.isoformat()}T09:30"),
        "content/articles/tomorrow/index.md": article("Early edition", "Text.", date=tomorrow.isoformat()),
        "content/articles/year/index.md": article("Next year", "Text.", date=str(today.year + 1)),
    })
    for _ in range(2):  # (the second from the cache)
        result = build(root)
        assert result.exit_code == 0, result.output
        warned = sorted("content/" + line.split("/content/", 1)[1] for line in result.output.splitlines()
                        if "is after today" in line)
        assert warned == [
            f"content/articles/typo/index.md:4: warning: date: {ahead.isoformat()} is after today "
            f"({today.isoformat()}): an article's date is when its source published it (a typo?)",
            f"content/articles/year/index.md:3: warning: date: {today.year + 1} is after today "
            f"({today.isoformat()}): an article's date is when its source published it (a typo?)"]
    assert build(root, "--strict").exit_code == 1


def test_a_feeds_updated_is_its_latest_instant_whatever_the_zones(tmp_path):
    """Lists order a day's articles by their times as written; a feed's <updated> must not be
    before any entry's. (It was the 23:59 UTC article's, three hours before the other one.)"""
    root = write_files(tmp_path, {
        "sitegen.yaml": "title: Night desk\nbase_url: https://example.org/\n",
        "content/articles/utc/index.md": article("Late count", "Text.", date="'2016-11-08T23:59Z'"),
        "content/articles/zoned/index.md": article("Polls close", "Text.", date="2016-11-08T21:30:00-05:00"),
    })
    assert build(root).exit_code == 0
    feed = feedparser.parse((root / "public" / "feed.xml").read_bytes())
    assert not feed.bozo
    entries = [entry.updated_parsed for entry in feed.entries]
    assert feed.feed.updated == "2016-11-08T21:30:00-05:00" and feed.feed.updated_parsed == max(entries)
