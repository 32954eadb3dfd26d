"""Bad input: every problem is reported with file and line, the build exits 1, nothing is lost."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

import sitegen.build

from conftest import article, build, page, run_sitegen, write_files

GOOD = {"content/articles/good/index.md": article("A Good Article", "Fine text.", date="2016-12-18")}


def build_twice(site, broken: dict):
    """Build a good site, then break it and build again: returns (result, root)."""
    root = site(GOOD)
    first = build(root)
    assert first.exit_code == 0, first.output
    for name, data in broken.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data) if isinstance(data, bytes) else path.write_text(data, encoding="utf-8")
    return build(root), root


def assert_public_untouched(root: Path):
    doc = page(root / "public", "articles/good/")
    assert doc.find("h1").get_text(strip=True) == "A Good Article"
    assert not list(root.parent.glob(".public.staging-*")) and not list(root.glob(".public.staging-*"))


CASES = [
    ("malformed YAML", {"content/articles/bad/index.md": "---\ntitle: [unclosed\ndate: 2016\n---\nBody\n"},
     # (at the bracket left open, not where the parser gave up)
     "content/articles/bad/index.md:2: invalid YAML: in the list opened here: did not find expected ',' or ']' "
     "(line 3)"),
    ("a quotation mark left open", {"content/articles/bad/index.md": "---\ntitle: T\nsummary: \"Open\ndate: 2016\n---\nB\n"},
     "content/articles/bad/index.md:3: invalid YAML: in the quoted text opened here: found unexpected end of stream"),
    ("missing title", {"content/articles/bad/index.md": "---\ndate: 2016-12-18\n---\nBody\n"},
     "content/articles/bad/index.md:1: missing required key 'title'"),
    # (a key 'title' in other letters, as Pelican writes them: the error is at its line and says so)
    ("title in capitals", {"content/articles/bad/index.md": "---\ndate: 2016-12-18\nTitle: Vigil\n---\nBody\n"},
     "content/articles/bad/index.md:3: missing required key 'title': keys are written in lower case here ('Title' "
     "is another key): write title:"),
    ("impossible date", {"content/articles/bad/index.md": "---\ntitle: T\ndate: 2016-13-45\n---\nBody\n"},
     "content/articles/bad/index.md:3: date: '2016-13-45' is not a valid date"),
    ("impossible day", {"content/articles/bad/index.md": "---\ntitle: T\ndate: 2017-02-29\n---\nBody\n"},
     "content/articles/bad/index.md:3: date: '2017-02-29' is not a valid date (February 2017 has no day 29)"),
    # YAML reads these as numbers (02016 is octal 1038, 0x7E0 is 2016) or as true: the message said
    # '0' and 'True', which the line does not, and 02016 was published as the year 1038
    ("a year YAML reads as octal", {"content/articles/bad/index.md": "---\ntitle: T\ndate: 02016 # a year\n---\nBody\n"},
     "content/articles/bad/index.md:3: date: '02016' is not a valid date (expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM[+HH:MM])"),
    ("a year YAML reads as hexadecimal", {"content/articles/bad/index.md": "---\ntitle: T\ndate: 0x7E0\n---\nBody\n"},
     "content/articles/bad/index.md:3: date: '0x7E0' is not a valid date (expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM[+HH:MM])"),
    ("a date YAML reads as true", {"content/articles/bad/index.md": "---\ntitle: T\ndate: yes\n---\nBody\n"},
     "content/articles/bad/index.md:3: date: 'yes' is not a valid date (expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM[+HH:MM])"),
    ("the year 0000", {"content/articles/bad/index.md": "---\ntitle: T\ndate: 0000\n---\nBody\n"},
     "content/articles/bad/index.md:3: date: '0000' is not a valid date (the year must be 0001 or later)"),
    ("a number in a flow mapping", {"content/articles/bad/index.md": "---\n{title: T, date: 0x10}\n---\nBody\n"},
     "content/articles/bad/index.md:2: date: YAML reads this as the number 16, not a date: write it as YYYY, "
     "YYYY-MM or YYYY-MM-DD"),
    ("duplicate slug", {"content/articles/2016/good/index.md": article("Same slug elsewhere")},
     "duplicate slug 'good'"),
    ("slug escaping the output", {"content/articles/Bad Name/index.md": article("T")},
     "article folder name 'Bad Name' must be lower-case letters"),
    ("people entry without name", {"content/articles/bad/index.md": "---\ntitle: T\npeople:\n  - Ada\n  - {role: Witness}\n---\nBody\n"},
     "content/articles/bad/index.md:5: people: item 2: needs a name"),
    ("registry id misspelt", {"content/people/ada-lovelace.yaml": "name: Ada Lovelace\n",
                              "content/articles/bad/index.md": "---\ntitle: T\npeople:\n  - {id: ada-lovelase}\n---\nBody\n"},
     "content/articles/bad/index.md:4: id 'ada-lovelase': not in the registry (did you mean 'ada-lovelace'?)"),
    ("related topic unknown", {"content/topics/ferries.yaml": "name: Ferries\nrelated:\n  - harbours\n  - bridgs\n",
                               "content/topics/bridges.yaml": "name: Bridges\n",
                               "content/topics/harbours.yaml": "name: Harbours\n"},
     "content/topics/ferries.yaml:4: related: no topic 'bridgs' (did you mean 'bridges'?)"),
    ("related topic unknown, inline", {"content/topics/ferries.yaml": "name: Ferries\nrelated: [bridgs]\n",
                                       "content/topics/bridges.yaml": "name: Bridges\n"},
     "content/topics/ferries.yaml:2: related: no topic 'bridgs'"),
    ("registry entry without name", {"content/people/ada.yaml": "aliases: [A]\n"},
     "content/people/ada.yaml:1: missing 'name:'"),
    ("non-UTF-8 file", {"content/articles/bad/index.md": b"---\ntitle: caf\xe9\n---\n"},
     "content/articles/bad/index.md:2: not UTF-8 text"),
    ("no front matter", {"content/articles/bad/index.md": "Just text\n"},
     "content/articles/bad/index.md:1: expected front matter"),
    # Hugo's TOML front matter was "expected front matter", as if there were none.
    ("TOML front matter", {"content/articles/bad/index.md": "+++\ntitle = \"T\"\n+++\nBody\n"},
     "content/articles/bad/index.md:1: front matter in TOML ('+++' lines, as Hugo writes it) is not read: write it "
     "as YAML between two '---' lines"),
    # Pelican's metadata lines were "expected front matter", as if there were none.
    ("Pelican's metadata lines", {"content/articles/bad/index.md": "Title: T\nDate: 2016-11-08 21:30\n\nBody\n"},
     "content/articles/bad/index.md:1: metadata lines ('Title: …', as Pelican writes them) are front matter here: put "
     "a line '---' before them and one after, and write the keys in lower case (title:, date:)"),
    # Pelican's "Status: draft" and Jekyll's "published: false" were unknown keys, and the
    # article or page they were to keep unpublished was published.
    ("Pelican's draft status", {"content/articles/bad/index.md": "---\ntitle: T\nStatus: draft\n---\nBody\n"},
     "content/articles/bad/index.md:3: Status: 'draft' is Pelican's way to keep it unpublished, which is not read "
     "here (it would be published): write 'draft: true' instead"),
    ("Jekyll's published: false", {"content/pages/about.md": "---\ntitle: T\npublished: false\n---\nBody\n"},
     "content/pages/about.md:3: published: 'false' is Jekyll's way to keep it unpublished, which is not read "
     "here (it would be published): write 'draft: true' instead"),
    ("bad comments", {"content/articles/good/comments.yaml": "comments:\n  - id: c1\n    text: ok\n  - id: c1\n    text: again\n"},
     "content/articles/good/comments.yaml:4: duplicate comment id 'c1'"),
    ("comment without an id", {"content/articles/good/comments.yaml": "comments:\n  - id: c1\n    text: ok\n  - text: who\n"},
     "content/articles/good/comments.yaml:4: comment without an id"),
    ("comment not a mapping", {"content/articles/good/comments.yaml": "comments:\n  - id: c1\n    text: ok\n  - just words\n"},
     "content/articles/good/comments.yaml:4: expected a comment"),
    ("unknown setting", {"sitegen.yaml": "titel: x\n"},
     "sitegen.yaml:1: unknown setting 'titel' (did you mean 'title'?)"),
    # Without its scheme, the host would become the first folder of every link of the site.
    ("base_url without https://", {"sitegen.yaml": "title: x\nbase_url: user.github.io/repo/\n"},
     "sitegen.yaml:2: base_url: 'user.github.io/repo/' is neither a web address nor a path starting with '/' "
     "(did you mean 'https://user.github.io/repo/'?)"),
    # A page file with no extension would be served as a download, its bundle's files beside it.
    ("permalink without an ending", {"sitegen.yaml": "permalink: '{year}/{slug}'\n"},
     "sitegen.yaml:1: permalink: '{year}/{slug}' must end in '/' (a folder for each article, as in '{year}/{slug}/') "
     "or in a file name with an extension (as in '{year}/{slug}.html')"),
    ("base_url with another scheme", {"sitegen.yaml": "base_url: htps://user.github.io/repo/\n"},
     "sitegen.yaml:1: base_url: 'htps://user.github.io/repo/' is not a web address"),
    # PyYAML keeps a repeated key's last value without a word: the article was silently redated.
    ("a key given twice", {"content/articles/bad/index.md": "---\ntitle: T\ndate: 2016-11-14\nsummary: S\ndate: 2023-01-01\n---\nB\n"},
     "content/articles/bad/index.md:5: 'date' is given twice (first on line 3): keep one"),
    ("a key given twice in a list's item", {"content/articles/bad/index.md":
                                            "---\ntitle: T\npeople:\n  - name: Ada\n    role: a\n    role: b\n---\nB\n"},
     "content/articles/bad/index.md:6: 'role' is given twice (first on line 5): keep one"),
    ("a registry key given twice", {"content/people/ada.yaml": "name: Ada Lovelace\naliases: [Ada]\nname: Ada King\n"},
     "content/people/ada.yaml:3: 'name' is given twice (first on line 1): keep one"),
    ("a comment's key given twice", {"content/articles/good/comments.yaml":
                                     "comments:\n  - id: c1\n    text: ok\n    author: A\n    text: again\n"},
     "content/articles/good/comments.yaml:5: 'text' is given twice (first on line 3): keep one"),
    # The capture is published beside its checksum as the text the article was made from.
    ("a capture changed since its checksum", {
        "content/articles/bad/index.md": "---\ntitle: T\noriginal:\n  file: original.txt\n"
                                         f"  sha256: {hashlib.sha256(b'As printed.').hexdigest()}\n---\nB\n",
        "content/articles/bad/original.txt": "As printed, and then edited.\n"},
     "content/articles/bad/index.md:5: original: original.txt does not match this sha256: the file has "
     f"{hashlib.sha256(b'As printed, and then edited.' + bytes([10])).hexdigest()[:12]}…, recorded "
     f"{hashlib.sha256(b'As printed.').hexdigest()[:12]}… (the capture was changed since it was recorded"),
    ("a checksum that is none", {
        "content/articles/bad/index.md": "---\ntitle: T\noriginal: {file: original.txt, sha256: abc}\n---\nB\n",
        "content/articles/bad/original.txt": "As printed.\n"},
     "content/articles/bad/index.md:3: original: sha256 'abc' is not 64 hexadecimal digits"),
    ("a setting given twice", {"sitegen.yaml": "title: A\nlanguage: en\ntitle: B\n"},
     "sitegen.yaml:3: 'title' is given twice (first on line 1): keep one"),
    # (keys compared by what YAML reads, named as written)
    ("one key written two ways", {"content/people/ada.yaml": "name: Ada Lovelace\nlinks:\n  yes: a\n  on: b\n"},
     "content/people/ada.yaml:4: 'on' is the same key as 'yes' on line 3 (YAML reads both as true): keep one"),
    # Standalone pages (content/pages/): their front matter, names and addresses.
    ("a page's menu weight that is no number", {"content/pages/about.md": "---\ntitle: About\ndescription: D.\nmenu: first\n---\nA.\n"},
     "content/pages/about.md:4: menu: expected a whole number, got 'first': the page's place in the navigation, 1 before 2"),
    ("Hugo's menu name", {"content/pages/about.md": "---\ntitle: About\nmenu: main\n---\nA.\n"},
     "content/pages/about.md:3: menu: expected a whole number, got 'main': the page's place in the navigation, 1 before 2"
     " (Hugo's 'menu: main' and its weight are one number here: menu: 1)"),
    ("Hugo's menu with its weight", {"content/pages/about.md": "---\ntitle: About\nmenu:\n  main:\n    weight: 2\n---\nA.\n"},
     "content/pages/about.md:3: menu: expected a whole number, got a mapping: the page's place in the navigation, 1 "
     "before 2 (Hugo's 'menu: main' and its weight are one number here: menu: 1)"),
    ("a page's menu weight that is true", {"content/pages/about.md": "---\ntitle: About\nmenu: yes\n---\nA.\n"},
     "content/pages/about.md:3: menu: expected a whole number, got true: the page's place in the navigation, 1 before 2"),
    ("a page without a title", {"content/pages/about.md": "---\nmenu: 1\n---\nA.\n"},
     "content/pages/about.md:1: missing required key 'title'"),
    ("a page's title in capitals", {"content/pages/about.md": "---\nTITLE: About\n---\nA.\n"},
     "content/pages/about.md:2: missing required key 'title': keys are written in lower case here ('TITLE' is "
     "another key): write title:"),
    ("a page with malformed YAML", {"content/pages/about.md": "---\ntitle: [About\n---\nA.\n"},
     "content/pages/about.md:2: invalid YAML"),
    ("an error in a page's body", {"content/pages/about.md": "---\ntitle: About\n---\n\nText {>>never closed.\n"},
     "content/pages/about.md:5: unclosed CriticMarkup note '{>>' (expected '<<}')"),
    ("a page with an error where the site's search page is", {"content/pages/search.md": "---\ntitle: S\nmenu: x\n---\nA.\n"},
     "content/pages/search.md: page 'search': its address /search/ is taken by the search page (rename the file)"),
    ("a page where the site's search page is", {"content/pages/search.md": "---\ntitle: Search us\n---\nA.\n"},
     "content/pages/search.md: page 'search': its address /search/ is taken by the search page (rename the file)"),
    ("a page where the articles are", {"content/pages/articles/index.md": "---\ntitle: Articles\n---\nA.\n"},
     "content/pages/articles/index.md: page 'articles': its address /articles/ is taken by the articles "
     "(permalink 'articles/{slug}/') (rename its folder)"),
    ("two pages of one name", {"content/pages/about.md": "---\ntitle: About\n---\nA.\n",
                               "content/pages/about/index.md": "---\ntitle: About too\n---\nA.\n"},
     "content/pages/about.md: page 'about' is given twice: also content/pages/about/index.md (keep one)"),
    ("nested pages", {"content/pages/legal/privacy.md": "---\ntitle: Privacy\n---\nA.\n"},
     "content/pages/legal: a folder without an index.md: pages are not nested (a page is content/pages/<name>.md, "
     "or content/pages/<name>/index.md with its files beside it)"),
    ("a page name that is no slug", {"content/pages/About.md": "---\ntitle: About\n---\nA.\n"},
     "content/pages/About.md: page name 'About' must be lower-case letters, digits and single hyphens (try 'about')"),
]


@pytest.mark.parametrize("name,broken,message", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_located_and_leaves_public_untouched(site, monkeypatch, name, broken, message):
    root = site(GOOD)
    monkeypatch.chdir(root)  # messages name files relative to where the user stands
    result, root = build_twice(lambda files: root, broken)
    assert result.exit_code == 1, result.output
    assert message in result.stderr, result.stderr
    assert "output folder was left unchanged" in result.stderr
    assert_public_untouched(root)


THEME = "themes/default/templates/article.html"
TEMPLATE_CASES = [
    ("error while rendering", '{% extends "base.html" %}\n{% block main %}\n<h1>{{ article.title }}</h1>\n<p>{{ article.title.boom() }}</p>\n{% endblock %}\n',
     f"{THEME}:4: template error: 'str object' has no attribute 'boom' (rendering article good)"),
    ("syntax error", '{% extends "base.html" %}\n{% block main %}\n{% if %}\n{% endblock %}\n',
     f"{THEME}:3: template error: Expected an expression"),
    ("a loop over a value of another shape", '{% extends "base.html" %}\n{% block main %}\n{% for a, b in article.title %}{% endfor %}\n{% endblock %}\n',
     f"{THEME}:3: template error: ValueError: not enough values to unpack"),
    ("missing include", '{% extends "base.html" %}\n{% block main %}\n{% include "nowhere.html" %}\n{% endblock %}\n',
     f"{THEME}:3: template error: no template 'nowhere.html' in the theme's templates/ folders"),
]


@pytest.mark.parametrize("name,template,message", TEMPLATE_CASES, ids=[c[0] for c in TEMPLATE_CASES])
def test_template_errors_are_located_like_content_errors(site, monkeypatch, name, template, message):
    """A theme is input too: a mistake in a template names its file and line, no traceback."""
    root = site(GOOD)
    monkeypatch.chdir(root)
    result, root = build_twice(lambda files: root, {THEME: template})
    assert result.exit_code == 1, result.output
    assert message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and "output folder was left unchanged" in result.stderr
    assert_public_untouched(root)
    # Once more, now that the templates that did compile come from the cache's compiled copies.
    again = build(root)
    assert again.exit_code == 1 and message in again.stderr, again.stderr


def test_template_error_in_a_worker_process_is_located_too(site, monkeypatch):
    """Enough pages for a pool of forked workers: the error crosses back to the parent whole."""
    many = {f"content/articles/a{n:02d}/index.md": article(f"Article {n}", date="2016-12-18") for n in range(70)}
    root = site({**GOOD, **many})
    monkeypatch.chdir(root)
    (root / THEME).parent.mkdir(parents=True)
    (root / THEME).write_text(TEMPLATE_CASES[0][1], encoding="utf-8")
    result = build(root, "--jobs", "2")
    assert result.exit_code == 1, result.output
    assert f"{THEME}:4: template error: 'str object' has no attribute 'boom'" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("mode", ["clean", "new tree", "in place"])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_two_pages_wanting_one_file_fail_without_touching_the_live_site(site, monkeypatch, jobs, mode):
    """Regression: the new tree hard-links unchanged files from the live site, and the second
    of two files for one path used to be written through that link into the live site."""
    filler = {f"content/articles/f{n:02d}/index.md": article(f"Filler {n}", date="2020-06-01") for n in range(70)}
    root = site({"sitegen.yaml": "title: T\npermalink: '{slug}/'\n", **filler})
    assert build(root, "--jobs", jobs).exit_code == 0
    # The search page is kept as it was, so (without --clean) the clash is between a new file
    # and a reused one, found whether the output is made anew or updated in place (forced
    # here: see build._small_change).
    write_files(root, {"content/articles/search/index.md": article("Search Party", date="2020-12-01")})
    if mode == "in place":
        monkeypatch.setattr(sitegen.build, "_small_change", lambda todo, units, manifest: True)
    result = build(root, "--jobs", jobs, *(["--clean"] if mode == "clean" else []))
    # An error of the content, at the file that causes it, naming the other.
    assert result.exit_code == 1, result.output
    assert ("content/articles/search/index.md: the page of article 'search' would be written to search/index.html, "
            "as would a file of the site's own") in result.stderr
    assert page(root / "public", "search/").find("h1").get_text(strip=True) == "Search"
    assert not [p for p in root.iterdir() if ".staging-" in p.name]


@pytest.mark.parametrize("slug,taken", [("search", "search/index.html"), ("people", "people/index.html")])
def test_an_article_where_a_page_of_the_site_goes_is_a_located_error(site, monkeypatch, slug, taken):
    """permalink '{slug}/' puts articles at the top of the site, beside its own sections."""
    root = site({"sitegen.yaml": "permalink: '{slug}/'\n", **GOOD})
    monkeypatch.chdir(root)
    assert build(root).exit_code == 0
    write_files(root, {f"content/articles/{slug}/index.md": article("A Party", date="2016-12-19")})
    result = build(root)
    assert result.exit_code == 1, result.output
    assert (f"content/articles/{slug}/index.md: the page of article '{slug}' would be written to {taken}, as would "
            "a file of the site's own (rename the article's folder, or start permalink with a folder of the "
            "articles' own, as in 'articles/{slug}/')") in result.stderr
    assert "sitegen: 1 error(s); the output folder was left unchanged" in result.stderr
    assert page(root / "public", f"{slug}/").find("h1").get_text(strip=True) != "A Party"
    assert page(root / "public", "good/").find("h1").get_text(strip=True) == "A Good Article"


def test_a_page_where_an_article_is_is_a_located_error(site, monkeypatch):
    """permalink '{slug}/' puts articles at the top of the site, where pages are too."""
    root = site({"sitegen.yaml": "permalink: '{slug}/'\n", **GOOD})
    monkeypatch.chdir(root)
    assert build(root).exit_code == 0
    write_files(root, {"content/pages/good.md": "---\ntitle: Good page\n---\nA.\n"})
    result = build(root)
    assert result.exit_code == 1, result.output
    assert ("content/pages/good.md: page 'good': its address /good/ is taken by article 'good' "
            "(content/articles/good/index.md) (rename the file)") in result.stderr
    assert page(root / "public", "good/").find("h1").get_text(strip=True) == "A Good Article"


@pytest.mark.parametrize("command", ["build", "check"])
def test_a_base_url_option_without_its_scheme_is_a_usage_error(site, command):
    root = site(GOOD)
    assert build(root).exit_code == 0
    result = build(root, "--base-url", "user.github.io/repo/") if command == "build" else \
        run_sitegen("check", "--source", str(root), "--base-url", "user.github.io/repo/", "--no-validate-html")
    assert result.exit_code == 2, result.output
    assert "'user.github.io/repo/' is neither a web address nor a path starting with '/'" in result.stderr
    assert_public_untouched(root)
    assert page(root / "public", "articles/good/").select_one('link[rel="stylesheet"]')["href"] == "/static/style.css"


def content_errors(result) -> list[str]:
    """The build's messages about content files, in the order printed."""
    return [line for line in result.stderr.splitlines() if line.startswith("content/")]


def warnings_of(result) -> list[list[str]]:
    """The build's warnings, in the order printed, each as [where, what]."""
    return [line.split(": warning: ") for line in result.stderr.splitlines() if ": warning: " in line]


def build_a_body(site, monkeypatch, body: str) -> tuple[Path, list[list[str]]]:
    """A site with one article of this body, built (successfully) from its folder: the site's
    folder and the build's warnings (see warnings_of)."""
    root = site({"content/articles/a/index.md": f"---\ntitle: A\n---\n{body}"})
    monkeypatch.chdir(root)
    result = build(root)
    assert result.exit_code == 0, result.output
    return root, warnings_of(result)


def test_a_capture_changed_after_a_build_fails_the_next_one(site, monkeypatch):
    """Only the capture changed: the article is read again (its bundle changed), and checked."""
    captured = b"As printed.\n"
    root = site({**GOOD, "content/articles/good/original.txt": captured.decode(),
                 "content/articles/good/index.md": article("A Good Article", "Fine text.", date="2016-12-18",
                                                           original=f"{{file: original.txt, sha256: {hashlib.sha256(captured).hexdigest()}}}")})
    monkeypatch.chdir(root)
    assert build(root).exit_code == 0
    (root / "content/articles/good/original.txt").write_text("As printed, then changed.\n", encoding="utf-8")
    result = build(root)
    assert result.exit_code == 1
    assert "content/articles/good/index.md:4: original: original.txt does not match this sha256" in result.output
    assert (root / "public/articles/good/original.txt").read_bytes() == captured


def test_several_errors_reported_in_one_run(site, monkeypatch):
    root = site(GOOD)
    monkeypatch.chdir(root)
    result, _ = build_twice(lambda files: root, {
        "content/articles/a/index.md": "---\ntitle: A\ndate: 2016-13-01\n---\n",
        "content/articles/b/index.md": "---\ndate: 2016\n---\n",
        "content/people/x.yaml": "name: [1, 2]\n",
    })
    assert result.exit_code == 1
    errors = content_errors(result)
    assert len(errors) == 3, result.stderr
    assert "sitegen: 3 error(s)" in result.stderr


def test_every_bad_item_of_a_list_is_reported_at_its_line(site, monkeypatch):
    """A list with several bad items has each reported in the same run (it was the first only:
    fix it, build, and meet the next), in front matter and in registry files alike."""
    root = site(GOOD)
    monkeypatch.chdir(root)
    result, _ = build_twice(lambda files: root, {
        "content/articles/bad/index.md": "---\ntitle: T\npeople:\n  - {role: Witness}\n  - Ada\n"
                                         "  - {name: Grace, rank: Admiral}\n---\nBody\n",
        "content/people/ada.yaml": "name: Ada\nlinks:\n  - {title: Home, url: 'ftp://ada.example'}\n"
                                   "  - https://ada.example/ok\n  - {title: No address}\n",
        "content/topics/ferries.yaml": "name: Ferries\naliases:\n  - ''\n  - Boats\n  - [x]\n",
    })
    assert result.exit_code == 1
    errors = content_errors(result)
    assert errors == [
        "content/articles/bad/index.md:4: people: item 1: needs a name (or an id from the registry)",
        "content/articles/bad/index.md:6: people: item 3: unknown key 'rank' (expected id, name, role)",
        "content/people/ada.yaml:3: links: item 1: expected an http(s) address, got 'ftp://ada.example'",
        "content/people/ada.yaml:5: links: item 3: expected {title: ..., url: ...}",
        "content/topics/ferries.yaml:3: aliases: item 1: must not be empty",
        "content/topics/ferries.yaml:5: aliases: item 3: expected text, got a list",
    ], result.stderr
    assert_public_untouched(root)


def test_front_matter_and_body_errors_of_one_file_come_in_one_run(site, monkeypatch):
    """As the README shows: a bad date (line 3) does not hide the body's errors (lines 6 and 8)."""
    root = site(GOOD)
    monkeypatch.chdir(root)
    result, _ = build_twice(lambda files: root, {
        "content/people/jessica-levinson.yaml": "name: Jessica Levinson\n",
        "content/articles/vigil/index.md": "---\ntitle: Vigil\ndate: '2016-13-01'\n---\n"
                                           "Text {>>never closed.\n\n[“Hi”]{.quote by=jessica-levison} she said.\n",
        # A broken list of people: the body's mention of one of them cannot be checked, so is not.
        "content/articles/names/index.md": "---\ntitle: Names\npeople: {name: [Ada Lovelace]}\n---\n"
                                           "[Ada]{person=ada-lovelace} spoke.\n",
    })
    assert result.exit_code == 1
    errors = content_errors(result)
    assert errors == [
        "content/articles/names/index.md:3: people: expected a list",
        "content/articles/vigil/index.md:3: date: '2016-13-01' is not a valid date (month must be 01 to 12)",
        "content/articles/vigil/index.md:5: unclosed CriticMarkup note '{>>' (expected '<<}')",
        "content/articles/vigil/index.md:7: quote by 'jessica-levison': no such person (did you mean 'jessica-levinson'?)",
    ], result.stderr
    assert_public_untouched(root)
    assert not (root / "public/articles/vigil").exists()
    # Once the date is fixed, the body's errors are all that is left (the cache hides none).
    vigil = root / "content/articles/vigil/index.md"
    vigil.write_text(vigil.read_text(encoding="utf-8").replace("2016-13-01", "2016-12-01"), encoding="utf-8")
    again = build(root)
    assert [line for line in again.stderr.splitlines() if line.startswith("content/articles/vigil")] == errors[2:]


def test_front_matter_and_body_errors_of_one_page_come_in_one_run(site, monkeypatch):
    root = site(GOOD)
    monkeypatch.chdir(root)
    result, _ = build_twice(lambda files: root, {
        "content/pages/about.md": "---\ntitle: About\nmenu: first\n---\nText {>>never closed.\n"})
    assert result.exit_code == 1
    assert content_errors(result) == [
        "content/pages/about.md:3: menu: expected a whole number, got 'first': the page's place in the navigation, 1 before 2"
        " (Hugo's 'menu: main' and its weight are one number here: menu: 1)",
        "content/pages/about.md:5: unclosed CriticMarkup note '{>>' (expected '<<}')",
    ], result.stderr
    assert_public_untouched(root)


@pytest.mark.parametrize("command", [["build"], ["check", "--no-validate-html"], ["serve", "--port", "0"],
                                     ["new", "article", "A title"], ["import", "capture.txt"]])
@pytest.mark.parametrize("below", ["content", "content/articles/one"])
def test_a_command_run_below_the_site_folder_says_where_the_site_is(tmp_path, monkeypatch, command, below):
    """Run in content/ or an article's folder, sitegen names the site's folder. The import
    started a second site there (content/articles/content/articles/<slug>/, without the
    site's registries, never built), and serve served an error page while watching the
    wrong folder."""
    root = write_files(tmp_path / "site", {"sitegen.yaml": "title: T\n", "content/articles/one/index.md": article("One")})
    (root / below / "capture.txt").write_text("A headline\n\nA story of three words.\n", encoding="utf-8")
    before = sorted(p.relative_to(root) for p in root.rglob("*"))
    monkeypatch.chdir(root / below)
    result = run_sitegen(*command)
    up = "/".join([".."] * len(below.split("/")))
    assert result.exit_code in (1, 2), result.output
    assert f"(run sitegen in {up}, the site's folder, or pass --source {up})" in result.output
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == before


def test_a_folder_without_content_is_not_built_as_an_empty_site(tmp_path, monkeypatch):
    """`sitegen build` run in the wrong folder: an error, not an empty public/ made there."""
    monkeypatch.chdir(tmp_path)
    result = run_sitegen("build")
    assert result.exit_code == 1
    assert result.stderr.startswith("content: no such folder: this is not a site's folder"), result.stderr
    assert list(tmp_path.iterdir()) == []
    # A site with a content/ folder and no article yet builds.
    (tmp_path / "content/people").mkdir(parents=True)
    built = run_sitegen("build")
    assert built.exit_code == 0, built.output
    assert page(tmp_path / "public", "/").find("h1").get_text(strip=True) == "News Archive"


@pytest.mark.parametrize("name, text, meant", [("content/articles/a/index.md", "sumary: typo", "summary"),
                                               ("content/pages/about.md", "menus: 1", "menu")])
def test_unknown_front_matter_key_is_a_warning_with_line(site, monkeypatch, name, text, meant):
    root = site({name: f"---\ntitle: A\n{text}\n---\nText\n"})
    monkeypatch.chdir(root)
    result = build(root)
    assert result.exit_code == 0
    key = text.split(":")[0]
    assert f"{name}:3: warning: unknown front matter key '{key}' (did you mean '{meant}'?)" in result.stderr


@pytest.mark.parametrize("text, hint", [
    ("tags: [roads]", "an article's topics are 'topics' here (topics: [topic-slug])"),
    ("author: Jane Roe", "who wrote an article is 'reporters' here (reporters: [Name])"),
    ("description: A sentence.", "a sentence or two for listings and feeds is 'summary' here"),
    ("slug: other-name", "an article's address is its folder's name: rename the folder (and list the old address in "
                         "'aliases')"),
    ("publishDate: 2016-11-08T21:30:00-05:00", "when the story was published is 'date' here"),
    # (Pelican writes its keys with a capital, and Jekyll has keys of its own: neither was told)
    ("Tags: roads, bridges", "an article's topics are 'topics' here (topics: [topic-slug])"),
    ("Authors: Jane Roe, John Doe", "who wrote an article is 'reporters' here (reporters: [Name])"),
    ("Status: published", "an article is kept out of the site by 'draft: true' here"),
    ("layout: post", "every article's page is made with the theme's article.html (docs/themes.md)"),
    ("permalink: /2016/11/old/", "an article's address is its folder's name: rename the folder (and list the old "
                                 "address in 'aliases')"),
    ("excerpt_separator: <!--more-->", "a sentence or two for listings and feeds is 'summary' here"),
    # (a date of publication, as other generators name it, was told only of 'draft: true')
    ("published: 2016-11-08", "when the story was published is 'date' here, and an article is kept out of the site "
                              "by 'draft: true'"),
    # (Hugo's other keys got a plain "unknown key")
    ("keywords: [roads, bridges]", "an article's topics are 'topics' here (topics: [topic-slug])"),
    ("series: [Election night]", "an article's topics are 'topics' here (topics: [topic-slug])"),
    ("type: post", "every article's page is made with the theme's article.html (docs/themes.md)"),
    ("images: [photo.jpg]", "a picture is a file in the article's folder, shown where the body puts it "
                            "(![caption](photo.jpg))"),
    ("weight: 3", "articles are listed by their date here"),
    ("toc: true", "no table of contents is made for an article here"),
    # (Hugo's expiry date, passed or not, is told what it did and what keeps an article out here: a
    # warning, as an error coming with the day would fail tomorrow a build that passes today)
    ("expiryDate: 2999-01-01T00:00:00Z", "Hugo takes a page down at its expiry date; an archive keeps its articles "
                                         "for good, and the date is not read here: to keep this one out of the site, "
                                         "write 'draft: true'"),
    ("expiryDate: 2016-11-30", "Hugo takes a page down at its expiry date; an archive keeps its articles for good, "
                               "and the date is not read here: to keep this one out of the site, write 'draft: true'"),
])
def test_a_key_of_hugos_or_pelicans_front_matter_is_told_what_says_the_same_here(site, monkeypatch, text, hint):
    """No spelling of theirs is near ours, so "did you mean" said nothing of them."""
    root = site({"content/articles/a/index.md": f"---\ntitle: A\n{text}\n---\nText\n"})
    monkeypatch.chdir(root)
    result = build(root)
    assert result.exit_code == 0
    key = text.split(":")[0]
    assert f"content/articles/a/index.md:3: warning: unknown front matter key '{key}': {hint}" in result.stderr


def test_hugos_shortcodes_and_summary_divider_in_a_body_are_warned_about_not_in_its_code(site, monkeypatch):
    """A body moved from Hugo shows its shortcodes and "<!--more-->" as typed, which sitegen
    does not read: each is said at its line. Shown as code, they are what the writer meant."""
    body = ('Intro.\n\n{{< figure src="/img/x.jpg" >}}\n\n<!--more-->\n\n'
            'See `{{< ref "x" >}}` and {{% note %}}this{{% /note %}}.\n\n```\n{{< tweet 1 >}}\n```\n')
    root, warned = build_a_body(site, monkeypatch, body)
    where = "content/articles/a/index.md"
    assert [(at, message.split(" is shown")[0]) for at, message in warned] == [
        (f"{where}:6", "Hugo's shortcode '{{< figure src=\"/img/x.jpg\" >}}'"),
        (f"{where}:8", "the summary divider <!--more--> (Hugo's, or Jekyll's excerpt_separator)"),
        (f"{where}:10", "Hugo's shortcode '{{% /note %}}'"),
        (f"{where}:10", "Hugo's shortcode '{{% note %}}'"),
    ]
    assert build(root, "--strict").exit_code == 1


def test_jekylls_liquid_and_pelicans_links_and_toc_in_a_body_are_warned_about_at_their_line(site, monkeypatch):
    """A body moved from Jekyll showed its Liquid as typed, a link written with it among the
    words ('[x]({% post_url ... %})'), without a word from the build or from check; Pelican's
    links to its own pages ('{filename}/x.md') were broken links that check found, not saying
    what to write, and its '[TOC]' was shown as typed. Each is now a warning at its line (not
    in code), saying what to write instead."""
    body = ("[TOC]\n\nSee [the recount]({filename}/recount.md) and\n![Boxes]({static}/images/boxes.png),\n"
            "more on [elections]({tag}elections).\n\n"
            "Read the [follow-up]({% post_url 2016-11-09-turnout %}) and\n"
            "![chart]({{ site.baseurl }}/assets/chart.png).\n\n"
            "{% highlight python %}\nx = 1\n{% endhighlight %}\n\n"
            "`{{ shown }}` as code, and\n\n```\n{% raw %}\n```\n")
    _, warned = build_a_body(site, monkeypatch, body)
    where = "content/articles/a/index.md"
    assert warned == [
        [f"{where}:4", "[TOC] (Python-Markdown's, as Pelican uses it) is shown as typed: sitegen makes no table of "
                       "contents; take it out, or link the headings yourself"],
        [f"{where}:6", "Pelican's link '{filename}/recount.md' leads nowhere here: link the article from the site's "
                       "root: /articles/<its folder>/"],
        [f"{where}:7", "Pelican's link '{static}/images/boxes.png' leads nowhere here: put the file beside index.md "
                       "and link it by its name alone"],
        [f"{where}:8", "Pelican's link '{tag}elections' leads nowhere here: a topic's page is /topics/<slug>/"],
        [f"{where}:10", "Jekyll's Liquid '{% post_url 2016-11-09-turnout %}' is shown as typed: sitegen reads none "
                        "in a body (link an article from the site's root, /articles/<its folder>/, and a file beside "
                        "index.md by its name: the base path is put before such a link)"],
        [f"{where}:11", "Jekyll's Liquid '{{ site.baseurl }}' is shown as typed: sitegen reads none in a body (link "
                        "an article from the site's root, /articles/<its folder>/, and a file beside index.md by its "
                        "name: the base path is put before such a link)"],
        [f"{where}:13", "Jekyll's Liquid '{% highlight python %}' is shown as typed: sitegen reads none in a body "
                        "(write a fenced code block: a line ```python before the code, ``` after it)"],
        [f"{where}:15", "Jekyll's Liquid '{% endhighlight %}' is shown as typed: sitegen reads none in a body "
                        "(write a fenced code block: a line ```python before the code, ``` after it)"],
    ]


def test_python_markdowns_abbreviations_definition_lists_and_code_languages_are_warned_about_at_their_line(
        site, monkeypatch):
    """A body moved from Pelican showed Python-Markdown's abbreviations ('*[HTML]: ...'), definition
    lists (a term, then ':   its definition') and a code block's language (':::python' as its
    first line) as typed, without a word. Each is now a warning at its line saying what to write
    instead; not a line that opens with ': ' in a quote, a footnote, a note or wrapped prose, nor
    emphasis that opens with a bracket, nor any of them shown as code, nor '[TOC]' in a sentence
    (Python-Markdown reads it as a paragraph of its own only), nor an address in code that opens
    with colons ('::1', which was told to be a fenced block's language '1')."""
    body = ("The council heard what the HTML report said.\n\n"
            "Quorum\n:   The least number of members present for a vote.\n:   Or of electors.\n\n"
            "    :::python\n    print('x')\n\n"
            "Elector\n\n:   One who votes in the Electoral College.\n\n"
            "*[HTML]: Hyper Text Markup Language\n\n"
            "> Il a dit\n> : « non ».\n\n"
            "Le maire de la ville a déclaré devant le conseil municipal\n: « Nous ferons le pont », a-t-il dit.\n\n"
            "A vote[^1] and {>>a note that\n: goes on<<}.\n\n"
            "*[Correction]: an earlier version misspelt a name.*\n\n"
            "The [TOC] marker is Pelican's.\n\n"
            "```\n:::python\n*[HTML]: shown\n```\n\n"
            "    ::1\n    fe80::1\n\n"
            "[^1]: Short\n: more text.\n")
    root, warned = build_a_body(site, monkeypatch, body)
    where = "content/articles/a/index.md"
    assert warned == [
        [f"{where}:7", "a definition list (Python-Markdown's, as Pelican reads it: a term's line, then ':   ' and its "
                       "definition) is shown as typed: sitegen has none; write a list instead, a line '- **term**: "
                       "its definition' each"],
        [f"{where}:10", "Python-Markdown's ':::python' (a code block's language, as Pelican reads it) is shown as the "
                        "code's first line: write a fenced code block: a line ```python before the code, ``` after it"],
        [f"{where}:15", "a definition list (Python-Markdown's, as Pelican reads it: a term's line, then ':   ' and its "
                        "definition) is shown as typed: sitegen has none; write a list instead, a line '- **term**: "
                        "its definition' each"],
        [f"{where}:17", "Python-Markdown's abbreviation '*[HTML]: Hyper Text Markup Language' (as Pelican reads it) "
                        "is shown as typed: sitegen has none; write the words out where the abbreviation is first "
                        "used ('Hyper Text Markup Language (HTML)'), and take the line out"],
    ]
    assert build(root, "--strict").exit_code == 1


def test_python_markdowns_marks_cost_no_second_reading_of_an_ordinary_body():
    """The search every body pays for lets through none of the benchmark's bodies, nor prose with
    colons, emphasis and footnotes; a body with one of the marks, at its first line too, is read
    again."""
    from sitegen.markup.othergenerators import may_hold_other_generators_marks as may_hold
    assert not may_hold("He said: no.\n\n*Editor's note:* [Levinson]{person=x} said.\n\nA vote[^1].\n\n"
                        "[^1]: A note.\n\n| a | b |\n|:--|--:|\n")
    assert all(may_hold(text) for text in ("*[HTML]: Hyper Text\n", "Term\n:   its definition\n",
                                           "    :::python\n    x = 1\n", "[TOC]\n\nText.\n", "Text.\n\n[TOC]\n"))


def test_a_front_matter_name_one_letter_from_a_registered_one_is_said_to_be_a_new_page(site, monkeypatch):
    """A name no registry knows gets a page of its own, as it should; but one a letter away
    from a registered one is most likely a slip, which made a second page without a word
    (a misspelt name in the body is an error with "did you mean")."""
    root = site({"content/people/renata-quill.yaml": "name: Renata Quill\n",
                 "content/topics/transportation.yaml": "name: Transportation\n",
                 "content/articles/a/index.md": "---\ntitle: A\npeople: [Renata Quil]\ntopics: [transportaton]\n---\nText\n",
                 "content/articles/b/index.md": "---\ntitle: B\npeople: [Renata Quil, Ada Lovelace]\n---\nText\n"})
    monkeypatch.chdir(root)
    result = build(root)
    assert result.exit_code == 0
    assert [line for line in result.stderr.splitlines() if ": warning: " in line] == [
        "content/articles/a/index.md:3: warning: person 'Renata Quil' is in no registry and gets a page of its own "
        "(people/renata-quil/): did you mean 'Renata Quill'? If not, give it a registry file "
        "(content/people/renata-quil.yaml, with name: Renata Quil)",
        "content/articles/a/index.md:4: warning: topic 'transportaton' is in no registry and gets a page of its own "
        "(topics/transportaton/): did you mean 'Transportation'? If not, give it a registry file "
        "(content/topics/transportaton.yaml, with name: transportaton)",
    ]
    # Registered, it is another person: no warning.
    write_files(root, {"content/people/renata-quil.yaml": "name: Renata Quil\n"})
    assert "Renata Quil" not in build(root).stderr


def test_names_a_letter_apart_that_are_most_often_others_are_not_warned_about(site, monkeypatch):
    """Another given name (Jon, John), a short word (Wang Mei, Wang Wei), another year's topic,
    or two letters apart (Ann Smith, Dan Smith: one left out and one put in)."""
    registry = {f"content/people/{slug}.yaml": f"name: {name}\n" for slug, name in (
        ("john-smith", "John Smith"), ("wang-wei", "Wang Wei"), ("dan-smith", "Dan Smith"), ("maria-lopez", "Maria Lopez"))}
    root = site({**registry, "content/topics/budget-2023.yaml": "name: Budget 2023\n",
                 "content/articles/a/index.md": "---\ntitle: A\npeople: [Jon Smith, Wang Mei, Ann Smith, Aria Lopezs]\n"
                                                "topics: [budget-2024]\n---\nText\n"})
    monkeypatch.chdir(root)
    result = build(root)
    assert result.exit_code == 0 and ": warning: " not in result.stderr, result.stderr


def test_strict_stops_a_build_at_a_warning_and_leaves_the_output_as_it_was(site, monkeypatch):
    root = site({"content/articles/a/index.md": "---\ntitle: A\n---\nText\n"})
    monkeypatch.chdir(root)
    assert build(root, "--strict").exit_code == 0  # (no warning: built)
    before = (root / "public/articles/a/index.html").read_bytes()
    (root / "content/articles/a/index.md").write_text("---\ntitle: A\nsumary: typo\n---\nNew text\n")
    warning = "content/articles/a/index.md:3: warning: unknown front matter key 'sumary' (did you mean 'summary'?)"
    for attempt in range(2):  # (the second time the article's warnings come from the cache)
        result = build(root, "--strict")
        assert result.exit_code == 1
        said = [line for line in result.stderr.splitlines()  # (the build before may still be saving its cache)
                if not line.startswith("sitegen: another build is writing")]
        assert said == [warning, "sitegen: 1 warning(s) (--strict); the output folder was left unchanged"]
        assert (root / "public/articles/a/index.html").read_bytes() == before
    # Without --strict the same build warns and publishes; with an error too, both are counted.
    assert build(root).exit_code == 0
    assert (root / "public/articles/a/index.html").read_bytes() != before
    (root / "content/articles/a/index.md").write_text("---\ntitle: A\nsumary: typo\ndate: 2016-13-01\n---\nText\n")
    result = build(root, "--strict")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "sitegen: 1 error(s), 1 warning(s) (--strict); the output folder was left unchanged"
    assert result.stderr.count("'sumary'") == 1


def test_strict_and_quiet_show_a_warning_about_the_written_output(site, monkeypatch):
    """The output's size is known once it is written: --strict then exits 1 with the output
    written, and says why even with --quiet (which leaves out warnings, not errors)."""
    import sitegen.build

    root = site({"content/articles/a/index.md": "---\ntitle: A\n---\nText\n"})
    monkeypatch.chdir(root)
    monkeypatch.setattr(sitegen.build, "size_warning", lambda size: "the site is too big (a test)")
    result = build(root, "--strict", "--quiet")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-2:] == ["public: warning: the site is too big (a test)",
                                               "sitegen: 1 warning(s) (--strict) about the output, which was written"]
    assert (root / "public/articles/a/index.html").exists()


def test_annotation_marks_in_a_summary_are_taken_out_with_a_warning(site, monkeypatch):
    """The import copies the lede into the summary: marks made over both (a find-and-replace)
    were shown as typed in every list."""
    summary = "'Sold [more than 200,000 copies]{.claim rating=true}{>>The publisher says so.<<} of {~~tree~>three~~} books.'"
    root = site({"content/articles/a/index.md": article("A", "Text.", date="2020-01-01", summary=summary)})
    monkeypatch.chdir(root)
    for _ in range(2):  # (and again when the article's text is as it was)
        result = build(root)
        assert result.exit_code == 0
        assert ("content/articles/a/index.md:4: warning: summary: annotation marks are read only in the body; lists "
                "show it as 'Sold more than 200,000 copies of three books.' (the marks taken out)") in result.stderr
    item = page(root / "public", "").select_one(".article-item")
    assert "Sold more than 200,000 copies of three books." in item.get_text(" ", strip=True)
    assert "{" not in item.get_text()


def test_markdown_files_outside_a_bundle_are_said_to_be_left_out(site, monkeypatch):
    """Pelican keeps articles as files, Hugo a section's page as _index.md: here each would be
    left out of the site, so every build says so (but of a README, and of a bundle's own files)."""
    root = site({**GOOD,
                 "content/articles/Loose Story.md": article("Loose"),
                 "content/articles/hugo-style/_index.md": article("Hugo"),
                 "content/articles/2016/other.markdown": article("Other"),
                 "content/articles/index.md": article("Index"),
                 # (2016 groups articles: made an article itself, "other" would be its file)
                 "content/articles/2016/_index.md": article("Section"),
                 "content/articles/2016/inner/index.md": article("Inner", "Text.", date="2016-01-01"),
                 "content/articles/Notes.MD": "Notes.\n",
                 # (a folder with its pictures beside the page, as Hugo keeps a page bundle)
                 "content/articles/hugo-leaf/_index.md": article("Leaf"),
                 "content/articles/hugo-leaf/images/a.txt": "not a picture, but a file in a folder\n",
                 "content/articles/README.md": "What this folder holds.\n",
                 "content/articles/good/notes.md": "A file of the bundle, published beside its page.\n"})
    monkeypatch.chdir(root)
    for _ in range(2):
        result = build(root)
        assert result.exit_code == 0
        warnings = sorted(line for line in result.stderr.splitlines() if ": warning: " in line)
        assert warnings == [
            f"content/articles/2016/_index.md: warning: {LEFT_OUT} (move it to content/articles/2016/<slug>/index.md)",
            f"content/articles/2016/other.markdown: warning: {LEFT_OUT} (move it to content/articles/2016/other/index.md)",
            f"content/articles/Loose Story.md: warning: {LEFT_OUT} (move it to content/articles/loose-story/index.md)",
            f"content/articles/Notes.MD: warning: {LEFT_OUT} (move it to content/articles/notes/index.md)",
            f"content/articles/hugo-leaf/_index.md: warning: {LEFT_OUT} (move it to content/articles/hugo-leaf/index.md)",
            f"content/articles/hugo-style/_index.md: warning: {LEFT_OUT} (move it to content/articles/hugo-style/index.md)",
            f"content/articles/index.md: warning: {LEFT_OUT} (move it to content/articles/<slug>/index.md)",
        ]
    assert (root / "public/articles/good/notes.md").exists()


LEFT_OUT = "not an article, and left out of the site: an article is a folder holding an index.md"


def test_jekylls_dated_posts_and_saved_html_pages_are_told_where_they_go(site, monkeypatch):
    """A Jekyll post copied as it was named (2016-11-08-title.md) was told to move to a folder
    named with its date, where the date is read from no name; one in a folder of its name
    to a folder inside that folder; an index.html beside the bundles was left out without a
    word; and a bundle named with its date, with no date in its front matter, was undated."""
    root = site({**GOOD,
                 "content/articles/2016-11-08-polls-close.md": article("Polls"),
                 "content/articles/turnout/2016-11-09-turnout.markdown": article("Turnout"),
                 "content/articles/old-page/index.html": "<html><body><p>Old.</p></body></html>\n",
                 "content/articles/2016-11-10-later/index.md": "---\ntitle: Later\n---\nText.\n"})
    monkeypatch.chdir(root)
    result = build(root)
    assert result.exit_code == 0, result.output
    warnings = sorted(line for line in result.stderr.splitlines() if ": warning: " in line)
    assert warnings == [
        "content/articles/2016-11-08-polls-close.md: warning: " + LEFT_OUT
        + " (move it to content/articles/polls-close/index.md, with date: 2016-11-08 in its front matter)",
        "content/articles/2016-11-10-later/index.md:1: warning: no date: the folder's name starts with one, as a "
        "Jekyll post's does, but the date is read from the front matter alone (write date: 2016-11-10; the folder "
        "may then be named later, with its old address in 'aliases')",
        "content/articles/old-page/index.html: warning: " + LEFT_OUT
        + "; 'sitegen import' makes one of a saved page (move it out of content/, then import it)",
        "content/articles/turnout/2016-11-09-turnout.markdown: warning: " + LEFT_OUT
        + " (move it to content/articles/turnout/index.md, with date: 2016-11-09 in its front matter)",
    ]


def test_refuses_to_replace_a_folder_it_did_not_make(site, tmp_path):
    root = site(GOOD)
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.txt").write_text("years of work")
    result = build(root, output=precious)
    assert result.exit_code == 2
    assert "refusing to replace it" in result.stderr
    assert (precious / "thesis.txt").read_text() == "years of work"


def test_symlinked_article_folder_outside_the_site_is_refused(site, tmp_path):
    outside = tmp_path / "outside" / "secret"
    outside.mkdir(parents=True)
    (outside / "index.md").write_text(article("Secret"))
    root = site(GOOD)
    (root / "content/articles/secret").symlink_to(outside, target_is_directory=True)
    result = build(root)
    assert result.exit_code == 1
    assert "outside content/articles" in result.stderr


def test_the_command_exits_with_its_status_and_says_everything_through_a_pipe(site):
    """The console script leaves without the interpreter's teardown (see cli._leave): what it
    printed must still all arrive, and its exit status must still be the command's."""
    root = site(GOOD)
    command = [sys.executable, "-m", "sitegen", "build", "--source", str(root), "--verbose"]
    good = subprocess.run(command, capture_output=True, text=True)
    assert good.returncode == 0, good.stderr
    assert good.stdout.startswith("sitegen: built 1 article, ") and "render+write" in good.stdout
    (root / "content/articles/good/index.md").write_text("---\ntitle: Good\ndate: 2016-13-01\n---\nText.\n")
    bad = subprocess.run(command, capture_output=True, text=True)
    assert bad.returncode == 1
    assert "content/articles/good/index.md:3: date: '2016-13-01'" in bad.stderr, bad.stderr
    usage = subprocess.run(command + ["--no-such-option"], capture_output=True, text=True)
    assert usage.returncode == 2 and "No such option" in usage.stderr


def test_pelicans_link_in_a_reference_definition_is_warned_about_too(site, monkeypatch):
    """'[the recount][r]' with '[r]: {filename}/recount.md' below: the body holds no '({', and
    the search that decides whether a body may hold another generator's marks now looks for a
    reference definition's address too (it missed it)."""
    body = "See [the recount][r].\n\n[r]: {filename}/recount.md\n"
    _, warned = build_a_body(site, monkeypatch, body)
    assert warned == [["content/articles/a/index.md:4", "Pelican's link '{filename}/recount.md' leads nowhere "
                       "here: link the article from the site's root: /articles/<its folder>/"]]


@pytest.mark.parametrize("line, advice", [
    ("people: Jane Roe, Staff Writer", "people: 'Jane Roe, Staff Writer' is read as one name; a person's role in the "
                                       "article is written apart: [{name: Jane Roe, role: Staff Writer}]"),
    ("people: Ann Lee, Deputy Mayor", "people: 'Ann Lee, Deputy Mayor' is read as one name; a person's role in the "
                                      "article is written apart: [{name: Ann Lee, role: Deputy Mayor}]"),
    ("reporters: Jane Roe, Political Correspondent", "reporters: 'Jane Roe, Political Correspondent' is read as one "
                                                     "name; a writer's job is not kept here: write the name alone, "
                                                     "[Jane Roe]"),
])
def test_a_name_and_a_job_in_one_string_are_told_apart(site, monkeypatch, line, advice):
    """'Jane Roe, Staff Writer', as a byline gives it, is one person and a job: it was warned about
    as two names, with the advice to write [Jane Roe, Staff Writer], which makes a person of the
    job."""
    root = site({"content/articles/a/index.md": f"---\ntitle: A\n{line}\n---\nText.\n"})
    monkeypatch.chdir(root)
    result = build(root)
    assert result.exit_code == 0, result.output
    warned = warnings_of(result)
    assert warned == [["content/articles/a/index.md:3", advice]]


@pytest.mark.parametrize("lines, line_number, advice", [
    ("people: [Jane Roe, Staff Writer]", 3, "people: 'Staff Writer' reads as Jane Roe's job, not a name; a person's "
                                            "role in the article is written apart: [{name: Jane Roe, role: Staff Writer}]"),
    ("people:\n  - Ann Lee\n  - Deputy Mayor\n  - Tom Head", 5,
     "people: 'Deputy Mayor' reads as Ann Lee's job, not a name; a person's role in the article is written apart: "
     "[{name: Ann Lee, role: Deputy Mayor}]"),
    ("reporters: [Jane Roe, Senior Political Correspondent]", 3,
     "reporters: 'Senior Political Correspondent' reads as Jane Roe's job, not a name; a writer's job is not kept "
     "here: write the name alone, [Jane Roe]"),
])
def test_a_job_as_a_list_item_after_a_name_is_warned_about(site, monkeypatch, lines, line_number, advice):
    """'[Jane Roe, Staff Writer]', a byline put in brackets, made a person of the job without a
    word; a name that ends in a job's word ('Tom Head') is still a name."""
    root = site({"content/articles/a/index.md": f"---\ntitle: A\n{lines}\n---\nText.\n"})
    monkeypatch.chdir(root)
    result = build(root)
    assert result.exit_code == 0, result.output
    assert warnings_of(result) == [[f"content/articles/a/index.md:{line_number}", advice]]


def test_names_that_end_in_a_jobs_word_are_not_warned_about(site, monkeypatch):
    root = site({"content/articles/a/index.md": "---\ntitle: A\npeople: [Jane Roe, Tom Head, Ana Chief]\n"
                                                "reporters: [Staff Writer]\n---\nText.\n"})
    monkeypatch.chdir(root)
    result = build(root)
    assert result.exit_code == 0, result.output
    assert warnings_of(result) == []


def test_comma_separated_names_in_one_string_are_warned_about(site, monkeypatch):
    """Pelican's 'Tags: elections, county clerk' and 'Authors: Ana Ruiz, Ben Cole', moved as
    'topics:' and 'reporters:', made one topic 'elections-county-clerk' and one person
    'ana-ruiz-ben-cole' without a word. A name with a suffix after its comma is one name."""
    root = site({"content/articles/a/index.md": "---\ntitle: A\ntopics: elections, county clerk\n"
                                                "reporters: Ana Ruiz, Ben Cole\npeople: Martin Luther King, Jr.\n"
                                                "---\nText.\n",
                 # (a suffix written with its dots, or a British one, is one name too)
                 "content/articles/b/index.md": "---\ntitle: B\nreporters: Jane Roe, Ph.D.\npeople: Ann Lee, MP\n"
                                                "---\nText.\n"})
    monkeypatch.chdir(root)
    result = build(root)
    assert result.exit_code == 0, result.output
    warned = warnings_of(result)
    assert warned == [
        ["content/articles/a/index.md:3", "topics: 'elections, county clerk' is read as one name; several are "
                                          "written as a list: [elections, county clerk]"],
        ["content/articles/a/index.md:4", "reporters: 'Ana Ruiz, Ben Cole' is read as one name; several are written "
                                          "as a list: [Ana Ruiz, Ben Cole]"]]


@pytest.mark.parametrize("text", ["Status: draft", "published: false"])
def test_another_generators_unpublished_mark_beside_draft_true_is_a_warning(site, monkeypatch, text):
    """The error for a key that kept the article unpublished elsewhere asks for 'draft: true';
    with it written, the article is kept out, and the key is warned about only. (It was the same
    error still, and the build stopped.)"""
    root = site({"content/articles/a/index.md": f"---\ntitle: A\ndraft: true\n{text}\n---\nText\n"})
    monkeypatch.chdir(root)
    result = build(root)
    assert result.exit_code == 0, result.stderr
    assert f"content/articles/a/index.md:4: warning: unknown front matter key '{text.split(':')[0]}'" in result.stderr
