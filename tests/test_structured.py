"""JSON-LD, Open Graph and Twitter meta: parsed out of built pages and checked against the content."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import REPO, article, build_fixture_site, page, soup
from sitegen.markup.semantic import RATINGS
from sitegen.render.structured import RATING_VALUES, compact_json, script_json

BASE = "https://news.example/"
TITLE = 'Engines </script><!-- & "Claims"'
CLAIMS_BODY = """
[The engine can weave algebra.]{.claim rating=true}{>>She wrote so in [Note G](https://example.org/g).<<}

[It was finished in 1843.]{.claim rating=false}{>>It was never built.<<}

[Nobody knows what she thought </script>.]{.claim rating=unverifiable}{>>No record survives.<<}

[“It weaves algebraic patterns”]{.quote by=charles-babbage}, said [Babbage]{person=charles-babbage}.
"""
FIXTURE = {
    "sitegen.yaml": f"title: LD Test\nbase_url: {BASE}\npagination: 1\n",
    "content/people/ada-lovelace.yaml": """
        name: Ada Lovelace
        aliases: [Lovelace, Countess of Lovelace]
        description: Mathematician.
        links:
          - {title: Biography, url: "https://example.org/ada"}
          - {title: Wikipedia, url: "https://en.wikipedia.org/wiki/Ada_Lovelace"}
    """,
    "content/people/charles-babbage.yaml": "name: Charles Babbage\n",
    "content/topics/computing.yaml": "name: Computing\n",
    "content/articles/claims/index.md": article(
        json.dumps(TITLE), CLAIMS_BODY, date="2016-12", dateline="London",
        reporters="[Pat Reporter, {name: Sam Writer, station: KXYZ}]", people="[Ada Lovelace]",
        topics="[computing, Steam Power]", summary="Three claims checked.",
        source='{name: The Gazette, site: gazette.example, url: "https://gazette.example/engine"}',
    ),
    "content/articles/undated-piece/index.md": article("An Undated Piece", "Ada again.", people="[Ada Lovelace]"),
    "content/articles/no-source/index.md": article("No Source", "[Steam is old.]{.claim rating=true}{>>Yes.<<}",
                                                   date="2016-11-30"),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return build_fixture_site(tmp_path_factory, FIXTURE, "ld")


def json_ld(doc) -> list[dict]:
    """Every JSON-LD item on the page, with ``@graph`` lists flattened."""
    items = []
    for script in doc.find_all("script", type="application/ld+json"):
        data = json.loads(script.string)
        items += data["@graph"] if "@graph" in data else [data]
    return items


def of_type(items: list[dict], kind: str) -> list[dict]:
    return [item for item in items if item["@type"] == kind]


def test_news_article_describes_the_article(built):
    doc = page(built, "articles/claims/")
    [news] = of_type(json_ld(doc), "NewsArticle")
    url = BASE + "articles/claims/"
    assert news["headline"] == TITLE == doc.find("h1").get_text()
    assert news["url"] == news["mainEntityOfPage"] == url == doc.find("link", rel="canonical")["href"]
    assert news["datePublished"] == "2016-12"  # a partial date stays partial
    assert news["description"] == "Three claims checked."
    assert news["dateline"] == "London"
    assert news["author"] == [
        {"@type": "Person", "name": "Pat Reporter", "url": BASE + "people/pat-reporter/"},
        {"@type": "Person", "name": "Sam Writer", "url": BASE + "people/sam-writer/"},
    ]
    assert news["publisher"] == {"@type": "Organization", "name": "The Gazette"}
    assert news["isBasedOn"] == "https://gazette.example/engine"
    assert [t["name"] for t in news["about"]] == ["Computing", "Steam Power"]
    assert [p["name"] for p in news["mentions"]] == ["Ada Lovelace", "Charles Babbage"]
    assert all(p["@type"] == "Person" for p in news["mentions"])


def test_undated_article_has_no_date_anywhere(built):
    doc = page(built, "articles/undated-piece/")
    [news] = of_type(json_ld(doc), "NewsArticle")
    assert "datePublished" not in news and "author" not in news and "isBasedOn" not in news
    assert doc.find("meta", property="article:published_time") is None
    assert not of_type(json_ld(doc), "ClaimReview")


def test_claim_reviews_match_the_claims_on_the_page(built):
    doc = page(built, "articles/claims/")
    reviews = of_type(json_ld(doc), "ClaimReview")
    spans = doc.select(".article-body .claim[id]")
    assert len(reviews) == len(spans) == 3
    for review, span in zip(reviews, spans):
        assert review["url"] == f"{BASE}articles/claims/#{span['id']}"
        assert review["claimReviewed"] == review["itemReviewed"]["text"] == span.get_text()
        assert review["itemReviewed"]["@type"] == "Claim"
        # Where the claim appeared: the original, by its URL; its headline, date and publisher
        # are the NewsArticle's, not repeated with each claim.
        assert review["itemReviewed"]["appearance"] == {"@type": "NewsArticle", "url": "https://gazette.example/engine"}
        assert review["author"] == {"@type": "Organization", "name": "LD Test", "url": BASE}
    ratings = [r["reviewRating"] for r in reviews]
    assert [r["alternateName"] for r in ratings] == [RATINGS["true"], RATINGS["false"], RATINGS["unverifiable"]]
    assert [r.get("ratingValue") for r in ratings] == [5, 1, None]
    assert ratings[0]["bestRating"] == 5 and ratings[0]["worstRating"] == 1
    assert reviews[1]["reviewBody"] == "It was never built."


def test_a_claim_in_an_article_without_an_original_url_appeared_in_the_archived_article(built):
    items = json_ld(page(built, "articles/no-source/"))
    [news] = of_type(items, "NewsArticle")
    [review] = of_type(items, "ClaimReview")
    assert "isBasedOn" not in news
    appearance = review["itemReviewed"]["appearance"]
    assert appearance == {"@type": "NewsArticle", "@id": news["@id"], "url": news["url"]}  # that node, by reference


def test_json_ld_is_compact(built):
    """No spaces after separators: the JSON is read by machines, and every article page has one."""
    for where in ("articles/claims/", "people/ada-lovelace/"):
        text = page(built, where).find("script", type="application/ld+json").string
        assert str(script_json(json.loads(text))) == text
        assert '", "' not in text and '": ' not in text


def test_script_in_title_and_claim_stays_inside_the_json(built):
    """A headline or claim containing ``</script>`` must not end the JSON-LD element early."""
    html = (built / "articles/claims/index.html").read_text(encoding="utf-8")
    doc = soup(built / "articles/claims/index.html")
    scripts = doc.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    assert html.count("</script>") == len(doc.find_all("script"))
    assert "<!--" not in scripts[0].string
    [news] = of_type(json_ld(doc), "NewsArticle")
    assert news["headline"] == TITLE
    assert of_type(json_ld(doc), "ClaimReview")[2]["claimReviewed"] == "Nobody knows what she thought </script>."


def test_script_json_escapes_markup_characters():
    text = str(script_json({"a": "</script><!-- & \u2028"}))
    assert not set("<>&\u2028") & set(text)
    assert json.loads(text) == {"a": "</script><!-- & \u2028"}


def test_every_rating_has_a_schema_value():
    assert set(RATING_VALUES) == set(RATINGS)
    numbers = [v for v in RATING_VALUES.values() if v is not None]
    assert all(1 <= v <= 5 for v in numbers)
    assert RATING_VALUES["true"] == 5 and RATING_VALUES["false"] == 1


def test_person_page_is_a_profile_page(built):
    [profile] = json_ld(page(built, "people/ada-lovelace/"))
    assert profile["@type"] == "ProfilePage"
    assert profile["url"] == BASE + "people/ada-lovelace/"
    person = profile["mainEntity"]
    assert person["@type"] == "Person" and person["name"] == "Ada Lovelace"
    assert person["alternateName"] == ["Lovelace", "Countess of Lovelace"]
    assert person["description"] == "Mathematician."
    assert person["sameAs"] == ["https://example.org/ada", "https://en.wikipedia.org/wiki/Ada_Lovelace"]
    # Page 2 of her listing is not a second profile.
    assert json_ld(page(built, "people/ada-lovelace/page/2/")) == []


def meta(doc, key: str) -> str | None:
    tag = doc.find("meta", property=key) or doc.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def test_every_page_has_open_graph_and_twitter_meta(built):
    pages = sorted(built.rglob("*.html"))
    assert len(pages) > 10
    for html_file in pages:
        doc = soup(html_file)
        where = html_file.relative_to(built).as_posix()
        assert meta(doc, "og:site_name") == "LD Test", where
        assert meta(doc, "og:title"), where
        assert meta(doc, "og:description") == meta(doc, "description").strip(), where
        # A summary card: X falls back to og:title and og:description, so they are not repeated.
        assert meta(doc, "twitter:title") is None and meta(doc, "twitter:description") is None, where
        assert meta(doc, "og:url") == doc.find("link", rel="canonical")["href"], where
        assert meta(doc, "og:url").startswith(BASE), where
        assert meta(doc, "twitter:card") == "summary", where
        expected = "article" if where.startswith("articles/") else "website"
        assert meta(doc, "og:type") == expected, where
    claims = page(built, "articles/claims/")
    assert meta(claims, "article:published_time") == "2016-12"
    assert meta(claims, "og:title") == TITLE
    assert meta(claims, "og:description") == "Three claims checked."


SEEDS = sorted(p.parent.name for p in (REPO / "content/articles").glob("*/index.md"))
CLAIM_MARK = re.compile(r"\]\{[^}]*\.claim\b[^}]*\}")


@pytest.mark.parametrize("slug", SEEDS)
def test_seed_pages_have_news_article_and_a_claim_review_per_claim(repo_site, slug):
    source = (REPO / "content/articles" / slug / "index.md").read_text(encoding="utf-8")
    doc = page(repo_site, f"articles/{slug}/")
    items = json_ld(doc)
    [news] = of_type(items, "NewsArticle")
    assert news["headline"] == doc.find("h1").get_text()
    reviews = of_type(items, "ClaimReview")
    assert reviews, "every seed article is fact-checked (issue 3)"
    assert len(reviews) == len(CLAIM_MARK.findall(source)) == len(doc.select(".article-body .claim[id]"))
    for review in reviews:
        anchor = review["url"].split("#", 1)[1]
        assert doc.find(id=anchor) is not None
        assert review["reviewRating"]["alternateName"] in RATINGS.values()
        assert review["reviewBody"]


def test_search_filters_name_the_article_s_people_and_topics_once(built):
    """The Pagefind filters of an article page (partials/search-filters.html, from
    structured.search_filters): its people as the front matter names them, then its reporters,
    then the people its body marks, each once and only if registered; its topics likewise."""
    doc = page(built, "articles/claims/")
    filters = [span["data-pagefind-filter"] for span in doc.select(".search-data [data-pagefind-filter]")]
    assert filters == ["person:Ada Lovelace", "person:Pat Reporter", "person:Sam Writer", "person:Charles Babbage",
                       "topic:Computing", "topic:Steam Power", "year:2016"]
    assert [span["data-pagefind-filter"] for span in page(built, "articles/undated-piece/").select(
        ".search-data [data-pagefind-filter]")] == ["person:Ada Lovelace", "year:Undated"]


def test_compact_json_is_json_dumps_without_spaces():
    """One encoder made once (without the check for data that holds itself) writes what
    json.dumps writes with the same settings."""
    data = [{"name": "Zoë “Z” <b>", "n": [1, 2.5, None, True], "nested": {"a": [], "b": {}}}, "\u2028", 3]
    assert compact_json(data) == json.dumps(data, ensure_ascii=False, separators=(",", ":"))
