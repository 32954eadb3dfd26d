"""Atom feeds, sitemap.xml and robots.txt: built for real, read back with a feed parser and xml.etree."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

from conftest import article, build, page, run_sitegen, write_files
import sitegen.render.feeds
from sitegen.render.feeds import sitemap_files
from sitegen.render.urls import Urls

BASE = "https://news.example/archive/"
FIXTURE = {
    "sitegen.yaml": f"title: Feed Test\nbase_url: {BASE}\n",
    "content/people/ada-lovelace.yaml": "name: Ada Lovelace\naliases: [Lovelace]\ndescription: Mathematician.\n",
    "content/topics/computing.yaml": "name: Computing\n",
    "content/articles/engine-notes/index.md": article(
        "Notes on the Engine", "Lovelace wrote about the *engine*.",
        date="1843-09-05", reporters="[Pat Reporter]", people="[Ada Lovelace]", topics="[computing]",
        summary="An account of the engine.", source='{name: The Gazette, url: "https://gazette.example/engine"}',
    ),
    "content/articles/later-report/index.md": article(
        "A Later Report", "Babbage again.", date="1850-02", people="[Charles Babbage]", topics="[computing]"),
    "content/articles/year-only/index.md": article(
        "'Tom & Jerry <b>not bold</b>'", "A form\x0cfeed and a bell\x07 in the body.", date="1850"),
    "content/articles/no-date/index.md": article("An Undated Clipping", "Ada again.", people="[Ada Lovelace]"),
    "content/articles/draft-piece/index.md": article("A Draft", "Unfinished.", draft="true", people="[Ada Lovelace]"),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = write_files(tmp_path_factory.mktemp("feeds"), FIXTURE)
    result = build(root)
    assert result.exit_code == 0, result.output
    return root / "public"


def parse_feed(path: Path):
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def slugs(feed) -> list[str]:
    return [entry.link.removeprefix(BASE + "articles/").rstrip("/") for entry in feed.entries]


def test_site_feed_lists_articles_newest_first_with_undated_last(built):
    feed = parse_feed(built / "feed.xml")
    assert feed.version == "atom10"
    assert feed.feed.title == "Feed Test"
    assert slugs(feed) == ["later-report", "year-only", "engine-notes", "no-date"]
    # Deterministic: the feed's date is its newest article's (1850-02, padded), not the build time.
    assert feed.feed.updated == "1850-02-01T00:00:00Z"
    links = {link.rel: link.href for link in feed.feed.links}
    assert links == {"self": BASE + "feed.xml", "alternate": BASE}


def test_entries_carry_ids_dates_authors_and_content(built):
    entries = {e.title: e for e in parse_feed(built / "feed.xml").entries}
    notes = entries["Notes on the Engine"]
    assert notes.id == notes.link == BASE + "articles/engine-notes/"
    assert notes.published == notes.updated == "1843-09-05T00:00:00Z"
    assert [a.name for a in notes.authors] == ["Pat Reporter"]
    assert notes.authors[0].href == BASE + "people/pat-reporter/"
    assert [t.term for t in notes.tags] == ["computing"]
    assert notes.summary == "An account of the engine."
    via = [link.href for link in notes.links if link.rel == "via"]
    assert via == ["https://gazette.example/engine"]
    content = BeautifulSoup(notes.content[0].value, "html.parser")
    assert notes.content[0].type == "text/html"
    assert content.find("em").get_text() == "engine"
    assert "Lovelace wrote about the" in content.get_text()
    assert entries["Tom & Jerry <b>not bold</b>"].published == "1850-01-01T00:00:00Z"  # a year, padded


def test_undated_article_gets_no_invented_date(built):
    feed = parse_feed(built / "feed.xml")
    undated = next(e for e in feed.entries if e.title == "An Undated Clipping")
    assert "published" not in undated
    assert undated.updated == feed.feed.updated


def test_titles_and_control_characters_survive_as_text(built):
    """A title with markup stays text; control characters XML forbids are dropped, not fatal."""
    raw = (built / "feed.xml").read_bytes()
    ET.fromstring(raw)  # well-formed XML
    entry = next(e for e in parse_feed(built / "feed.xml").entries if "Jerry" in e.title)
    assert entry.title_detail.type == "text/plain"
    assert entry.title == "Tom & Jerry <b>not bold</b>"
    assert "form" in entry.content[0].value and "\x07" not in entry.content[0].value


def test_the_characters_dropped_are_those_xml_forbids():
    """feeds._NOT_XML names the characters outside XML 1.0's Char production, every one."""
    allowed = ((0x9, 0x9), (0xA, 0xA), (0xD, 0xD), (0x20, 0xD7FF), (0xE000, 0xFFFD), (0x10000, 0x10FFFF))
    forbidden = set(range(0x110000)).difference(*(range(low, high + 1) for low, high in allowed))
    every_character = "".join(map(chr, range(0x110000)))
    assert {ord(c) for c in sitegen.render.feeds._NOT_XML.findall(every_character)} == forbidden


def test_attribute_values_survive_quotes_ampersands_and_tabs(site):
    """Feeds are written as text: every attribute value must come back from a parser as it was."""
    root = site({
        "sitegen.yaml": f"base_url: {BASE}\n",
        "content/topics/q-and-a.yaml": 'name: "Q&A \\"live\\" <now>\\tand\\x07 later"\n',
        "content/articles/one/index.md": article(
            "One", "Text.", date="2016-12-18", topics="[q-and-a]",
            source='{name: Gazette, url: "https://gazette.example/find?q=a&page=2"}'),
    })
    assert build(root).exit_code == 0
    for path in ("feed.xml", "topics/q-and-a/feed.xml"):
        entry = ET.fromstring((root / "public" / path).read_bytes()).find("{http://www.w3.org/2005/Atom}entry")
        category = entry.find("{http://www.w3.org/2005/Atom}category")
        assert category.attrib == {"term": "q-and-a", "label": 'Q&A "live" <now>\tand later'}
        links = {l.get("rel"): l.get("href") for l in entry.findall("{http://www.w3.org/2005/Atom}link")}
        assert links["via"] == "https://gazette.example/find?q=a&page=2"


def test_attribute_values_are_translated_whenever_there_is_something_to_replace():
    """_attribute skips str.translate when a value has none of the characters it replaces."""
    feeds = sitegen.render.feeds
    assert feeds._ATTRIBUTE_SPECIAL == {chr(code) for code in feeds._ATTRIBUTE_ENTITIES}
    for value in ("plain", 'a "quote"', "tab\there", "line\nbreak", "cr\rhere", "&<>"):
        assert feeds._attribute(value) == feeds._escape(value).translate(feeds._ATTRIBUTE_ENTITIES)


def test_person_feed_has_exactly_that_persons_articles(built):
    assert slugs(parse_feed(built / "people/ada-lovelace/feed.xml")) == ["engine-notes", "no-date"]
    assert slugs(parse_feed(built / "people/charles-babbage/feed.xml")) == ["later-report"]
    # A reporter's feed holds what they reported.
    reporter = parse_feed(built / "people/pat-reporter/feed.xml")
    assert slugs(reporter) == ["engine-notes"]
    assert reporter.feed.title == "Pat Reporter · Feed Test"
    assert {l.rel: l.href for l in reporter.feed.links}["alternate"] == BASE + "people/pat-reporter/"


def test_topic_feed_has_exactly_that_topics_articles(built):
    feed = parse_feed(built / "topics/computing/feed.xml")
    assert slugs(feed) == ["later-report", "engine-notes"]
    assert feed.feed.updated == "1850-02-01T00:00:00Z"


def test_pages_link_to_their_feeds(built):
    def feed_links(doc) -> list[str]:
        return [l["href"] for l in doc.find_all("link", rel="alternate", type="application/atom+xml")]

    assert feed_links(page(built, "")) == ["/archive/feed.xml"]
    assert feed_links(page(built, "articles/engine-notes/")) == ["/archive/feed.xml"]
    assert feed_links(page(built, "people/ada-lovelace/")) == ["/archive/feed.xml", "/archive/people/ada-lovelace/feed.xml"]
    assert feed_links(page(built, "topics/computing/")) == ["/archive/feed.xml", "/archive/topics/computing/feed.xml"]
    for doc in (page(built, "people/ada-lovelace/"), page(built, "topics/computing/")):
        for href in feed_links(doc):
            assert (built / href.removeprefix("/archive/")).is_file()


def page_url(output: Path, html_file: Path) -> str:
    relative = html_file.relative_to(output).as_posix()
    return BASE + (relative.removesuffix("index.html") if relative.endswith("index.html") else relative)


def test_sitemap_lists_every_page_but_404_with_real_dates(built):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(built / "sitemap.xml").getroot()
    entries = {u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns) for u in root.findall("s:url", ns)}
    expected = {page_url(built, f) for f in built.rglob("*.html") if f.name != "404.html"}
    assert set(entries) == expected
    assert len(entries) == len(root.findall("s:url", ns))  # no duplicates
    dated = {loc: lastmod for loc, lastmod in entries.items() if lastmod}
    assert dated == {
        BASE + "articles/engine-notes/": "1843-09-05",
        BASE + "articles/later-report/": "1850-02",
        BASE + "articles/year-only/": "1850",
    }


def test_robots_points_at_the_sitemap(built):
    lines = (built / "robots.txt").read_text().splitlines()
    assert "User-agent: *" in lines
    assert [l.split(": ", 1)[1] for l in lines if l.startswith("Sitemap:")] == [BASE + "sitemap.xml"]


def test_without_a_host_there_is_no_sitemap_and_robots_names_none(site):
    """The sitemaps protocol takes whole addresses only (https://…): without a host in base_url
    the sitemap listed site paths ('<loc>/articles/one/</loc>', 'Sitemap: /sitemap.xml'),
    which search engines reject, without a word. Now there is none, robots.txt names none, and
    the build says why once, in its summary; given a host, both are there as before. A link
    checker finds no link to the missing file (nothing links to it), and check passes."""
    root = site({"content/articles/one/index.md": article("One", "Text.", date="2016-12-18")})
    built = build(root)
    assert built.exit_code == 0, built.output
    out = root / "public"
    assert not list(out.glob("sitemap*.xml"))
    robots = (out / "robots.txt").read_text().splitlines()
    assert "User-agent: *" in robots and not [line for line in robots if line.lower().startswith("sitemap:")]
    said = [line for line in built.output.splitlines() if "sitemap" in line]
    assert said == ["sitegen: no sitemap.xml: a sitemap lists whole addresses, and base_url gives no host; "
                    "build with --base-url https://<host>/<path>/ to publish one"], built.output
    assert ": warning: " not in built.output and build(root, "--strict").exit_code == 0
    assert run_sitegen("check", "--source", str(root), "--no-validate-html").exit_code == 0
    # (given a host, the sitemap and robots.txt's line are back, whole, and nothing is said)
    hosted = build(root, "--base-url", "https://news.example/")
    assert hosted.exit_code == 0 and "sitemap" not in hosted.output
    locs = [loc.text for loc in ET.parse(out / "sitemap.xml").getroot().iter(f"{SITEMAP_NS}loc")]
    assert "https://news.example/articles/one/" in locs and all(loc.startswith("https://news.example/") for loc in locs)
    assert "Sitemap: https://news.example/sitemap.xml" in (out / "robots.txt").read_text().splitlines()


def test_without_a_host_ids_are_tag_uris_and_links_site_paths(site):
    root = site({
        "content/people/ada-lovelace.yaml": "name: Ada Lovelace\n",
        "content/articles/one/index.md": article("One", "Ada.", date="2016-12-18", people="[Ada Lovelace]"),
        "content/articles/two/index.md": article("Two", "No date."),
    })
    assert build(root).exit_code == 0
    feed = parse_feed(root / "public/feed.xml")
    assert [e.id for e in feed.entries] == ["tag:sitegen.invalid,2000:/articles/one/", "tag:sitegen.invalid,2000:/articles/two/"]
    assert feed.feed.id == "tag:sitegen.invalid,2000:/"
    assert [e.link for e in feed.entries] == ["/articles/one/", "/articles/two/"]
    person = parse_feed(root / "public/people/ada-lovelace/feed.xml")
    assert person.feed.id == "tag:sitegen.invalid,2000:/people/ada-lovelace/"


def test_feed_of_only_undated_articles_uses_the_epoch(site):
    root = site({"content/articles/one/index.md": article("One", "No date.")})
    assert build(root).exit_code == 0
    feed = parse_feed(root / "public/feed.xml")
    assert feed.feed.updated == "1970-01-01T00:00:00Z"
    assert feed.entries[0].updated == "1970-01-01T00:00:00Z" and "published" not in feed.entries[0]


def test_site_feed_keeps_the_newest_fifty(site):
    files = {"sitegen.yaml": "pagination: 100\n"}
    for day in range(1, 56):
        files[f"content/articles/day-{day:02d}/index.md"] = article(f"Day {day}", "Text.", date=f"2001-01-{day:02d}" if day <= 31 else f"2001-02-{day - 31:02d}")
    files["content/articles/undated/index.md"] = article("Undated", "Text.")
    root = site(files)
    assert build(root).exit_code == 0
    feed = parse_feed(root / "public/feed.xml")
    assert len(feed.entries) == 50
    assert feed.entries[0].title == "Day 55" and feed.entries[-1].title == "Day 6"
    assert "Undated" not in [e.title for e in feed.entries]


SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_locs(data: bytes) -> list[str]:
    return [loc.text for loc in ET.fromstring(data).iter(f"{SITEMAP_NS}loc")]


@pytest.mark.parametrize("count", [0, 999, 1000, 2500, 50_000])
def test_a_sitemap_within_the_limits_is_one_file(count):
    """Every page, once, in order, one a line; up to 50,000 pages in sitemap.xml alone."""
    urls = Urls(base_path="/archive/", permalink="articles/{slug}/", origin="https://example.org")
    pages = [f"/archive/p{n:05d}/" for n in range(count)]
    [(name, data)] = sitemap_files(pages, urls, {pages[0]: "2016-11-08"} if pages else {})
    assert name == "sitemap.xml" and ET.fromstring(data).tag == f"{SITEMAP_NS}urlset"
    assert sitemap_locs(data) == [f"https://example.org{p}" for p in pages]
    text = data.decode("utf-8")
    assert len(text.splitlines()) == count + 3 and text.endswith("</urlset>\n")


@pytest.mark.parametrize("max_urls, max_bytes, parts", [(50_000, 50 * 1024 * 1024, 3), (1000, 10**9, 101),
                                                        (10**9, 100_000, None), (7, 10**9, 14_286)])
def test_a_sitemap_beyond_the_limits_is_an_index_of_parts_within_them(monkeypatch, max_urls, max_bytes, parts):
    """The protocol allows 50,000 URLs and 50 MiB a file; more pages make sitemap.xml an
    index of sitemap-1.xml, sitemap-2.xml, ... that together list every page, in order."""
    monkeypatch.setattr(sitegen.render.feeds, "SITEMAP_MAX_URLS", max_urls)
    monkeypatch.setattr(sitegen.render.feeds, "SITEMAP_MAX_BYTES", max_bytes)
    urls = Urls(base_path="/archive/", permalink="articles/{slug}/", origin="https://example.org")
    pages = [f"/archive/p{n:06d}/" for n in range(100_001)]
    lastmod = {pages[0]: "2016-11-08", pages[-1]: "2017"}
    files = dict(sitemap_files(pages, urls, lastmod))
    index = ET.fromstring(files.pop("sitemap.xml"))
    assert index.tag == f"{SITEMAP_NS}sitemapindex"
    names = [f"sitemap-{n}.xml" for n in range(1, len(files) + 1)]
    assert sitemap_locs(ET.tostring(index)) == [f"https://example.org/archive/{name}" for name in names]
    assert list(files) == names and len(names) == (parts or len(names)) > 1
    contents = list(files.values())
    for data, following in zip(contents, contents[1:] + [None]):
        assert len(sitemap_locs(data)) <= max_urls and len(data) <= max_bytes
        assert ET.fromstring(data).tag == f"{SITEMAP_NS}urlset"
        if following:  # as full as the limits let it be
            next_line = following.decode().splitlines()[2]
            assert len(sitemap_locs(data)) == max_urls or len(data) + len(next_line) + 1 > max_bytes
    assert [loc for data in files.values() for loc in sitemap_locs(data)] == [f"https://example.org{p}" for p in pages]
    dates = {u.findtext(f"{SITEMAP_NS}loc"): u.findtext(f"{SITEMAP_NS}lastmod")
             for data in files.values() for u in ET.fromstring(data) if u.find(f"{SITEMAP_NS}lastmod") is not None}
    assert dates == {"https://example.org/archive/p000000/": "2016-11-08", "https://example.org/archive/p100000/": "2017"}


def test_a_built_site_with_more_pages_than_a_sitemap_holds_lists_them_all(site, monkeypatch):
    monkeypatch.setattr(sitegen.render.feeds, "SITEMAP_MAX_URLS", 2)
    root = site(FIXTURE)
    assert build(root).exit_code == 0
    built = root / "public"
    index = ET.parse(built / "sitemap.xml").getroot()
    assert index.tag == f"{SITEMAP_NS}sitemapindex"
    parts = sitemap_locs(ET.tostring(index))
    listed = []
    for number, url in enumerate(parts, start=1):
        assert url == f"{BASE}sitemap-{number}.xml"
        locs = sitemap_locs((built / url.removeprefix(BASE)).read_bytes())
        assert 1 <= len(locs) <= 2
        listed += locs
    assert len(listed) == len(set(listed))
    assert set(listed) == {page_url(built, f) for f in built.rglob("*.html") if f.name != "404.html"}
    assert sorted(p.name for p in built.glob("sitemap*.xml")) == sorted(["sitemap.xml"] + [u.removeprefix(BASE) for u in parts])
    robots = (built / "robots.txt").read_text().splitlines()
    assert [line for line in robots if line.startswith("Sitemap:")] == [f"Sitemap: {BASE}sitemap.xml"]


def test_an_undated_article_in_two_subject_feeds_takes_each_feeds_date(site):
    """Entries of person and topic feeds are remembered across feeds in a worker: an undated
    one, whose `updated` is its feed's, must not carry the first feed's date into the next."""
    root = site({
        "content/topics/old.yaml": "name: Old\n",
        "content/topics/new.yaml": "name: New\n",
        "content/articles/undated/index.md": article("Undated", "Text.", topics="[old, new]"),
        "content/articles/early/index.md": article("Early", "Text.", date="1901-02-03", topics="[old]"),
        "content/articles/late/index.md": article("Late", "Text.", date="2001-04-05", topics="[new]"),
    })
    assert build(root, "--jobs", "1").exit_code == 0
    for topic, updated in (("old", "1901-02-03T00:00:00Z"), ("new", "2001-04-05T00:00:00Z")):
        feed = parse_feed(root / f"public/topics/{topic}/feed.xml")
        assert feed.feed.updated == updated
        entry = next(e for e in feed.entries if e.title == "Undated")
        assert entry.updated == updated, topic
        dated = next(e for e in feed.entries if e.title != "Undated")
        assert dated.updated == dated.published


def test_an_article_in_many_subject_feeds_reads_the_same_in_each(site):
    files = {f"content/topics/t{n}.yaml": f"name: Topic {n}\n" for n in range(3)}
    files["content/articles/shared/index.md"] = article(
        "Shared & <Listed>", "Body.", date="2010-01-02", topics="[t0, t1, t2]", summary="'A summary'")
    root = site(files)
    assert build(root, "--jobs", "1").exit_code == 0
    entries = []
    for n in range(3):
        data = (root / f"public/topics/t{n}/feed.xml").read_text(encoding="utf-8")
        entries.append(data[data.index("<entry>"):data.index("</entry>")])
        [entry] = parse_feed(root / f"public/topics/t{n}/feed.xml").entries
        assert entry.title == "Shared & <Listed>" and entry.summary == "A summary"
    assert entries[0] == entries[1] == entries[2]


def test_feeds_read_the_same_with_a_memo_of_one_entry(site, tmp_path, monkeypatch):
    """The memo only spares work: with room for one entry, every feed is byte for byte what it
    is with room for all (undated entries, which take each feed's date, included)."""
    files = {f"content/topics/t{n}.yaml": f"name: Topic {n}\n" for n in range(4)}
    for n in range(6):
        date = {} if n % 3 == 0 else {"date": f"20{10 + n}-0{n}-1{n}"}
        files[f"content/articles/a{n}/index.md"] = article(
            f"Article {n}", "Body.", topics=f"[t{n % 4}, t{(n + 1) % 4}, t{(n + 3) % 4}]",
            people=f"[Person {n % 2}]", **date)
    root = site(files)
    assert build(root, "--jobs", "1", output=tmp_path / "roomy").exit_code == 0
    monkeypatch.setattr(sitegen.render.feeds, "ENTRY_MEMO_LIMIT", 1)
    assert build(root, "--jobs", "1", "--clean", output=tmp_path / "tight").exit_code == 0
    feeds = sorted(p.relative_to(tmp_path / "roomy") for p in (tmp_path / "roomy").rglob("feed.xml"))
    assert len(feeds) == 1 + 4 + 2
    for feed in feeds:
        assert (tmp_path / "tight" / feed).read_bytes() == (tmp_path / "roomy" / feed).read_bytes(), feed
        parse_feed(tmp_path / "tight" / feed)
