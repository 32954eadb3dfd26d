"""Hostile input: XSS vectors in every user-controlled field, and paths that try to leave the site.

Every vector of ``xss_vectors.txt`` goes into every field a user controls (front matter,
registries, comments, annotations, body links, ``sitegen.yaml``); the site is built for real
and every output page is parsed with html5lib, the way a browser parses it, and searched for
anything executable. Then ``..``, absolute paths and symlinks try to make the build read or
write outside the site folder.
"""

from __future__ import annotations

import builtins
import hashlib
import codecs
import io
import json
import multiprocessing
import os
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import article, build, write_files
from sitegen.markup import BodyContext, create_markdown, render_body
from sitegen.slugs import slugify

CORPUS = Path(__file__).with_name("xss_vectors.txt")


def load_vectors() -> list[str]:
    vectors = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("## "):
            continue
        vectors.append(codecs.decode(line[3:], "unicode_escape") if line.startswith("%% ") else line)
    return vectors


VECTORS = load_vectors()

# --- What "executable" means, checked on an html5lib tree -------------------------------------

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data", "background", "lowsrc", "dynsrc",
                  "cite", "ping", "manifest", "codebase", "longdesc", "icon", "srcdoc", "xlink:href", "to", "values"}
FORBIDDEN_ELEMENTS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "form", "style",
                      "svg", "math", "plaintext", "xmp"}
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")
CSS_DANGER = re.compile(r"expression\s*\(|javascript:|vbscript:|url\s*\(|behaviou?r\s*:|-moz-binding", re.I)
COMMENT_REL = {"nofollow", "ugc", "noopener"}


def browser_url(value: str) -> str:
    """A URL as a browser reads it: C0 controls and spaces trimmed, tabs and newlines removed."""
    value = value.strip("".join(chr(c) for c in range(0x21)))
    return re.sub(r"[\t\n\r]", "", value).lower()


def url_values(name: str, value: str) -> list[str]:
    if name == "srcset":
        return [c.split()[0] for c in value.split(",") if c.split()]
    return [value] if name in URL_ATTRIBUTES or name.endswith(":href") else []


def violations(doc: BeautifulSoup, static_prefix: str) -> list[str]:
    """Everything on the page that could run code or send the reader elsewhere by itself."""
    found = []
    for tag in doc.find_all(True):
        name = tag.name.lower()
        if name == "script":
            found += _script_problems(tag, static_prefix)
        if name in FORBIDDEN_ELEMENTS and not _theme_search_form(tag, static_prefix):
            found.append(f"<{name}> element: {str(tag)[:80]}")
        if name == "meta" and str(tag.get("http-equiv", "")).strip().lower() == "refresh":
            found.append(f"meta refresh: {tag}")
        for attr, value in tag.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            if attr.lower().startswith("on"):
                found.append(f"event handler {attr}= on <{name}>")
            if attr.lower() == "style" and CSS_DANGER.search(value):
                found.append(f"style attribute {value[:60]!r} on <{name}>")
            for url in url_values(attr.lower(), value):
                if browser_url(url).startswith(DANGEROUS_SCHEMES):
                    found.append(f"{attr}={url[:60]!r} on <{name}>")
    return found


def _theme_search_form(tag, static_prefix: str) -> bool:
    """The theme's search box: a GET form to a page of the site (content can make no form at all)."""
    site_root = static_prefix[: -len("static/")]
    action = str(tag.get("action", ""))
    return (tag.name == "form" and action.startswith(site_root) and not action.startswith("//")
            and str(tag.get("method", "get")).lower() == "get")


def _script_problems(tag, static_prefix: str) -> list[str]:
    kind = str(tag.get("type", "")).strip().lower()
    code = tag.string or ""
    if kind == "application/ld+json":
        if "</script" in code.lower():
            return [f"JSON-LD containing '</script': {code[:80]}"]
        try:
            json.loads(code)
        except json.JSONDecodeError as exc:
            return [f"JSON-LD that does not parse ({exc}): {code[:80]}"]
        return []
    # The theme's own scripts (static/*.js, allowed by the CSP's script-src 'self') carry no inline code.
    src = str(tag.get("src", ""))
    if src.startswith(static_prefix) and ".." not in src and not code.strip() and kind in ("", "module", "text/javascript"):
        return []
    return [f"<script>: {str(tag)[:80]}"]


def csp_problems(doc: BeautifulSoup) -> list[str]:
    metas = [m for m in doc.find_all("meta") if str(m.get("http-equiv", "")).lower() == "content-security-policy"]
    if len(metas) != 1 or metas[0].parent.name != "head":
        return [f"{len(metas)} Content-Security-Policy meta tags in <head>"]
    directives = {}
    for part in str(metas[0].get("content", "")).split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = words[1:]
    script = directives.get("script-src", directives.get("default-src"))
    problems = []
    if script is None or {"'unsafe-inline'", "'unsafe-eval'", "*", "data:"} & set(script):
        problems.append(f"script-src allows inline or foreign code: {script}")
    if directives.get("object-src") != ["'none'"]:
        problems.append(f"object-src is not 'none': {directives.get('object-src')}")
    if "base-uri" not in directives:
        problems.append("no base-uri directive")
    return problems


def parse(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html5lib")


# --- The hostile site ---------------------------------------------------------------------

def _yaml(data) -> str:
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=False, width=10**6)
    assert yaml.safe_load(text) == data  # the vector reaches the loader exactly as written
    return text


def web_address(vector: str) -> str:
    """A vector inside an http(s) URL, for fields that (rightly) accept only web addresses."""
    return "https://example.com/?q=" + vector


def body_placements(vector: str, i: int) -> list[str]:
    v = vector
    return [
        v,
        f"[{v}]({v})",
        f"[link](<{v}>)",
        f"<{v}>",
        f"![{v}]({v})",
        f"[ref link][r{i}]\n\n[r{i}]: {v}",
        f"A point note.{{>>{v}<<}}",
        f"{{==anchored==}}{{>>see [source]({v}) and {v}<<}}",
        f"{{~~{v}~>fixed~~}} then {{++{v}++}} then {{--{v}--}}",
        f"[{v}]{{.quote by=reg-{GROUP_OF[i]:03d}}}",
        f"[a claim]{{.claim rating=false}}{{>>[evidence]({v}) {v}<<}}",
        f"[mention of {v}]{{person=reg-{GROUP_OF[i]:03d}}}",
        f"`{v}`",
        # The info string: a language name Pygments does not know costs a slow plugin lookup
        # (~15 ms), so most vectors follow a known one.
        f"```{v}\n{v}\n```" if i % 4 == 0 else f"```python {v}\n{v}\n```",
        f"| a | b |\n|---|---|\n| {v} | x |",
        f"Footnoted.[^f{i}]\n\n[^f{i}]: {v}",
    ]


def _context(i: int) -> BodyContext:
    return BodyContext(person_url=lambda s: f"/people/{s}/", topic_url=lambda s: f"/topics/{s}/",
                       person_names={f"reg-{GROUP_OF[i]:03d}": "X"}, topic_names={})


def split_placements(md, vector: str, i: int) -> tuple[list[str], list[str]]:
    """(placements that render cleanly together, placements the renderer reports as problems)."""
    def clean(placements: list[str]) -> bool:
        return not render_body(md, "\n\n".join(placements), _context(i)).problems

    placements = body_placements(vector, i)
    if clean(placements):
        return placements, []
    accepted, rejected = [], []
    for placement in placements:
        (accepted if clean([placement]) else rejected).append(placement)
    together: list[str] = []  # rare: two placements that are fine alone clash (an unclosed fence)
    for placement in accepted:
        (together if clean(together + [placement]) else rejected).append(placement)
    return together, rejected


# Every person and topic name makes a page of its own, and html5lib reads about a megabyte a
# second: names hold GROUP vectors each (a vector that escaped would still show in the tests
# below, as markup or as a name that is not shown as typed).
GROUP = 3
SLUG_ROOM = 100  # a page's folder is its slug, and slugs are limited (see test_long_name_...)


def name_groups(vectors: list[str]) -> list[list[int]]:
    """Consecutive vector indexes, up to GROUP a name, keeping the name's slug short enough."""
    groups: list[list[int]] = [[]]
    for i, v in enumerate(vectors):
        trial = groups[-1] + [i]
        if groups[-1] and (len(trial) > GROUP or len(slugify(" ".join(vectors[j] for j in trial))) > SLUG_ROOM):
            groups.append([i])
        else:
            groups[-1] = trial
    return groups


GROUPS = name_groups(VECTORS)
GROUP_OF = {i: g for g, members in enumerate(GROUPS) for i in members}


def group_name(vectors: list[str], g: int) -> str:
    return " ".join(vectors[i] for i in GROUPS[g])


def too_long(name: str) -> bool:
    return len(slugify(name)) > SLUG_ROOM


def hostile_site(vectors: list[str]) -> tuple[dict, dict]:
    """The site's files, and per vector index the body placements left out (they are errors)."""
    md = create_markdown()
    files: dict[str, str | bytes] = {}
    for g in range(len(GROUPS)):
        name = group_name(vectors, g)
        # A lone vector too long for a page address of its own reaches the page through an alias.
        person_aliases = [f"{name} alias"] + [f"{name} r{g}"] * too_long(f"{name} r{g}")
        topic_aliases = [f"{name} alias"] + [f"{name} t{g}"] * too_long(f"{name} t{g}")
        files[f"content/people/reg-{g:03d}.yaml"] = _yaml({
            "name": name, "aliases": person_aliases, "description": name,
            "links": [{"title": name, "url": web_address(name)}]})
        files[f"content/topics/topic-{g:03d}.yaml"] = _yaml({
            "name": name, "aliases": topic_aliases, "keywords": [name], "description": name})
    rejected_bodies = {}
    for i, v in enumerate(vectors):
        g = GROUP_OF[i]
        name, slug = group_name(vectors, g), f"v{i:03d}"
        original = f"{v}\n".encode("utf-8")
        front = {
            "title": v, "summary": v, "dateline": v,
            "source": {"name": v, "site": v, "url": web_address(v)},
            "reporters": [{"name": f"{name} r{g}", "station": v}],
            "people": [{"name": f"{name} r{g}", "role": v}, {"id": f"reg-{g:03d}", "role": v}],
            "topics": [f"{name} t{g}", f"topic-{g:03d}"],
            "original": {"file": "original.txt", "sha256": hashlib.sha256(original).hexdigest()},
        }
        if i % 3:
            front["date"] = f"2016-{i % 12 + 1:02d}"
        accepted, rejected_bodies[i] = split_placements(md, v, i)
        files[f"content/articles/{slug}/index.md"] = "---\n" + _yaml(front) + "---\n" + "\n\n".join(accepted) + "\n"
        files[f"content/articles/{slug}/original.txt"] = original
        files[f"content/articles/{slug}/comments.yaml"] = _yaml({"reported_count": 9, "comments": [
            {"id": "c1", "author": v, "text": v,
             "replies": [{"id": "c1-1", "author": None, "text": f"see https://example.com/?q={v} and http://x.example/{v}"}]},
            {"id": f"x{v}", "author": f"{v} ", "text": f"{v}\n\nhttps://example.com/{v}\n{v}"},
            {"id": "q1", "author": "Quoter", "text": f"> {v} wrote:\n> {v} https://example.com/{v}\n\nReply {v}"},
        ]})
    return files, rejected_bodies


def scan_pages(output: Path, rels: list[str]) -> dict:
    """Findings for some pages of a built site (run in worker processes: html5lib is slow)."""
    findings: dict[str, list[str]] = {"executable": [], "csp": [], "comment_rel": []}
    headings, comment_links = {}, 0
    for rel in rels:
        doc = parse((output / rel).read_text(encoding="utf-8"))
        findings["executable"] += [f"{rel}: {v}" for v in violations(doc, "/static/")]
        findings["csp"] += [f"{rel}: {p}" for p in csp_problems(doc)]
        for link in doc.select("section.comments a[href]"):
            comment_links += 1
            if not COMMENT_REL <= set(link.get("rel") or []):
                findings["comment_rel"].append(f"{rel}: {link} has rel={link.get('rel')}")
        h1 = doc.find("h1")
        headings[rel] = h1.get_text() if h1 else ""
        if rel == "index.html":
            headings["<site-title>"] = doc.select_one(".site-title").get_text()
            headings["<title>"] = doc.find("title").get_text()
    return {"findings": findings, "headings": headings, "comment_links": comment_links}


def scan_site(output: Path) -> dict:
    rels = sorted(p.relative_to(output).as_posix() for p in output.rglob("*.html"))
    workers = max(1, min(4, os.cpu_count() or 1))
    chunks = [rels[n::workers] for n in range(workers)]
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        parts = list(pool.map(scan_pages, [output] * workers, chunks))
    merged = {"findings": {k: [] for k in parts[0]["findings"]}, "headings": {}, "comment_links": 0}
    for part in parts:
        for key, items in part["findings"].items():
            merged["findings"][key] += items
        merged["headings"].update(part["headings"])
        merged["comment_links"] += part["comment_links"]
    return merged


def write_site(root: Path, files: dict) -> Path:
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data) if isinstance(data, bytes) else path.write_text(data, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """Build the hostile site once and scan every page once (keeping findings, not trees)."""
    files, rejected = hostile_site(VECTORS)
    root = write_site(tmp_path_factory.mktemp("hostile") / "site", files)
    result = build(root)
    assert result.exit_code == 0, result.stderr[-3000:]
    return {"output": root / "public", "rejected": rejected, **scan_site(root / "public")}


@pytest.fixture(scope="module")
def hostile_config(tmp_path_factory):
    """sitegen.yaml's title and description are on every page: one small site holds them all."""
    root = write_site(tmp_path_factory.mktemp("hostile-config") / "site", {
        "sitegen.yaml": _yaml({"title": " ".join(VECTORS), "description": " ".join(reversed(VECTORS))}),
        "content/articles/a/index.md": article("A", "Text.", people="[Ada]", topics="[Computing]"),
    })
    result = build(root)
    assert result.exit_code == 0, result.stderr[-3000:]
    return scan_site(root / "public")


def test_corpus_is_broad():
    assert len(VECTORS) >= 150 and len(set(VECTORS)) == len(VECTORS)
    for marker in ("<script", "onerror", "javascript:", "vbscript:", "data:", "&#", "<svg", "<math", "expression(",
                   "</script", "{{", "{%", "](javascript", "<javascript:", "\t", "\x01", "<iframe", "http-equiv"):
        assert any(marker.lower() in v.lower() for v in VECTORS), marker


def test_no_executable_content_on_any_page(hostile, hostile_config):
    pages = len(hostile["headings"])
    assert pages > len(VECTORS) + 2 * len(GROUPS)  # an article per vector, a registry person and topic per group
    assert hostile["findings"]["executable"] == []
    assert len(hostile_config["headings"]) > 5 and hostile_config["findings"]["executable"] == []


def test_every_page_has_the_content_security_policy(hostile, hostile_config):
    assert hostile["findings"]["csp"] == [] and hostile_config["findings"]["csp"] == []


def test_every_comment_link_is_nofollow_ugc_noopener(hostile):
    assert hostile["comment_links"] >= 2 * len(VECTORS)
    assert hostile["findings"]["comment_rel"] == []


def _shown(text: str) -> str:
    # html5lib drops U+0000 in text, as browsers do; everything else must come through as typed.
    return text.replace("\x00", "").replace("\ufffd", "").strip()


def test_titles_and_names_are_shown_as_text(hostile):
    """Escaped, not dropped or evaluated: ``{{ 7*7 }}`` shows as typed, never as 49."""
    headings, wrong = hostile["headings"], []
    expected = {f"articles/v{i:03d}/index.html": v for i, v in enumerate(VECTORS)}
    for g in range(len(GROUPS)):
        name = group_name(VECTORS, g)
        expected[f"people/reg-{g:03d}/index.html"] = expected[f"topics/topic-{g:03d}/index.html"] = name
        for kind, suffix in (("people", f" r{g}"), ("topics", f" t{g}")):
            if not too_long(name + suffix):
                expected[f"{kind}/{slugify(name + suffix)}/index.html"] = name + suffix
    for rel, text in expected.items():
        if _shown(headings.get(rel, "<missing page>")) != _shown(text):
            wrong.append((rel, text, headings.get(rel)))
    assert wrong == []


def test_site_title_from_sitegen_yaml_is_text(hostile_config):
    headings = hostile_config["headings"]
    assert _shown(headings["<site-title>"]) == _shown(" ".join(VECTORS))
    assert _shown(headings["<title>"]).endswith(_shown(" ".join(VECTORS)))


def test_most_body_placements_are_in_the_build(hostile):
    """The hostile build is only as good as what is in it: few placements may be left out."""
    left_out = sum(len(r) for r in hostile["rejected"].values())
    assert left_out < 0.1 * len(VECTORS) * len(body_placements("x", 0))


def test_body_placements_left_out_are_located_errors_and_still_safe(hostile):
    md = create_markdown()
    for i, placements in hostile["rejected"].items():
        for placement in placements:
            body = render_body(md, placement, _context(i))
            assert body.problems and all(isinstance(line, int) and message for line, message in body.problems)
            assert violations(parse(body.html), "/static/") == [], (VECTORS[i], placement)


def test_comment_text_link_keeps_only_the_web_address():
    from sitegen.render.comments import render_comment_text

    doc = parse(str(render_comment_text('see https://example.com/"onmouseover="alert(1) now')))
    [link] = doc.find_all("a")
    assert link["href"] == "https://example.com/" and link.attrs.keys() == {"href", "rel"}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("ab <>&'\"\n\t>:/.") + ["https://x.example/"])).map("".join))
def test_comment_text_is_escaped_line_by_line(text):
    """comments._escape_lines escapes the whole text at once: the same as line by line."""
    from html import escape

    from sitegen.render.comments import _escape_lines, render_comment_text

    assert _escape_lines(text) == "<br>\n".join(escape(line, quote=True) for line in text.split("\n"))
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    assert render_comment_text(text).count("<p>") == len(paragraphs)


@pytest.mark.parametrize("field", ["source", "person link"])
def test_non_web_addresses_in_url_fields_are_refused(site, monkeypatch, field):
    """Every vector that a browser would not read as an http(s) address is an error at its line."""
    files = {}
    for i, v in enumerate(VECTORS):
        if field == "source":
            files[f"content/articles/v{i:03d}/index.md"] = "---\n" + _yaml({"title": "T", "source": {"url": v}}) + "---\nx\n"
        else:
            files[f"content/people/p{i:03d}.yaml"] = _yaml({"name": "N", "links": [{"title": "t", "url": v}]})
    root = site(files)
    monkeypatch.chdir(root)
    result = build(root)
    assert result.exit_code == 1
    errors = {line.split(":")[0]: line for line in result.stderr.splitlines() if re.match(r"^content/.+:\d+: ", line)}
    for i, v in enumerate(VECTORS):
        path = f"content/articles/v{i:03d}/index.md" if field == "source" else f"content/people/p{i:03d}.yaml"
        if not browser_url(v).startswith(("http://", "https://")):
            assert path in errors, v
            assert "expected an http(s) address" in errors[path]
            # source: the line of 'url:'; links: the line of the list item.
            assert errors[path].startswith(f"{path}:{4 if field == 'source' else 3}: "), errors[path]


def test_bad_source_url_is_reported_at_its_own_line(site, monkeypatch):
    """Regression: a bad source.url used to be reported at the line of 'source:'."""
    root = site({"content/articles/a/index.md": "---\ntitle: T\nsource:\n  name: N\n  url: javascript:alert(1)\n---\nx\n"})
    monkeypatch.chdir(root)
    result = build(root)
    assert "content/articles/a/index.md:5: source: url: expected an http(s) address" in result.stderr


# --- Paths that try to leave the site ------------------------------------------------------

GOOD = {"content/articles/good/index.md": article("Good", "Fine.")}


@pytest.fixture
def reads(monkeypatch):
    """Every file the build opens in this process, as resolved paths: through ``open`` and
    through ``os.open``, with which sitegen's fileio reads content files. (Processes the build
    forks are not seen. The one that looks at the bundles ahead reads only the cache's records
    and the bundles' names and times; tiny sites start no worker pool.)"""
    opened: list[Path] = []
    real_open, real_os_open = io.open, os.open

    def recording_open(file, *args, **kwargs):
        if isinstance(file, (str, Path)):
            opened.append(Path(file).resolve())
        return real_open(file, *args, **kwargs)

    def recording_os_open(path, flags, *args, **kwargs):
        if isinstance(path, (str, Path)) and kwargs.get("dir_fd") is None:
            opened.append(Path(path).resolve())
        return real_os_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(io, "open", recording_open)
    monkeypatch.setattr(builtins, "open", recording_open)
    monkeypatch.setattr(os, "open", recording_os_open)
    return opened


def test_the_reads_fixture_sees_the_content_files_a_build_reads(tmp_path, reads):
    """The tests below say what a build did not read: only as good as what ``reads`` sees."""
    root = write_files(tmp_path / "site", {**GOOD, "content/articles/good/comments.yaml": "comments: []\n",
                                           "content/people/ann.yaml": "name: Ann\n"})
    reads.clear()
    result = build(root)
    assert result.exit_code == 0, result.output
    for name in ("content/articles/good/index.md", "content/articles/good/comments.yaml", "content/people/ann.yaml"):
        assert (root / name).resolve() in reads, name


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def located(path: str, line: int | None, text: str) -> str:
    """A pattern for ``path:line: text``; line None: the line may be missing (a file-level problem)."""
    return f"^{re.escape(path)}{':' + str(line) if line else '(:[0-9]+)?'}: {re.escape(text)}"


@pytest.mark.parametrize("files,message", [
    ({"content/articles/a..b/index.md": article("T")},
     located("content/articles/a..b/index.md", None, "article folder name 'a..b' must be")),
    ({"content/people/x..y.yaml": "name: X\n"}, located("content/people/x..y.yaml", None, "file name 'x..y' must be")),
    ({"content/topics/..x.yaml": "name: X\n"}, None),  # a dot file: ignored, like .DS_Store
    ({"sitegen.yaml": "permalink: ../{slug}/\n"},
     located("sitegen.yaml", None, "permalink: must be a relative path inside the site")),
    ({"sitegen.yaml": "permalink: '{slug}/../../../x/'\n"},
     located("sitegen.yaml", None, "permalink: must be a relative path inside the site")),
    ({"sitegen.yaml": "permalink: /abs/{slug}/\n"},
     located("sitegen.yaml", None, "permalink: must be a relative path inside the site")),
    ({"content/articles/good/index.md": article("T", people="[{id: ../../../etc}]")},
     located("content/articles/good/index.md", 3, "id '../../../etc': not in the registry")),
    ({"content/articles/good/index.md": article("T", 'Said [x]{.quote by="../../x"}.')},
     located("content/articles/good/index.md", 4, "quote by '../../x': no such person")),
    ({"content/articles/good/index.md": article("T", 'See [x]{person="../x"}.')},
     located("content/articles/good/index.md", 4, "mention of person '../x': no such person")),
    ({"content/articles/good/index.md": article("T", original="{file: ../../../../../etc/hostname}")},
     located("content/articles/good/index.md", None, "original: file '../../../../../etc/hostname' not found in the article folder")),
    ({"content/articles/good/index.md": article("T", original="{file: /etc/hostname}")},
     located("content/articles/good/index.md", None, "original: file '/etc/hostname' not found in the article folder")),
], ids=["dotdot-article-folder", "dotdot-person-file", "dot-topic-file", "permalink-up", "permalink-up-inside",
        "permalink-absolute", "person-id", "quote-by", "mention", "original-dotdot", "original-absolute"])
def test_paths_out_of_the_site_are_refused(tmp_path, monkeypatch, reads, files, message):
    root = write_files(tmp_path / "site", GOOD)
    write_files(root, files)
    monkeypatch.chdir(root)
    before = tree(tmp_path)
    reads.clear()
    result = build(root)
    if message is None:
        assert result.exit_code == 0, result.output
    else:
        assert result.exit_code == 1, result.output
        assert re.search(message, result.stderr, re.M), result.stderr
        assert not (root / "public").exists()
    after = tree(tmp_path)
    written = {name for name in after if name not in before or after[name] != before[name]}
    # The build writes its output and its cache, nothing else.
    assert all(name.startswith(("site/public/", "site/.sitegen-cache/")) for name in written), written
    assert Path("/etc/hostname").resolve() not in reads


def test_permalink_error_is_reported_at_its_line(tmp_path, monkeypatch):
    """Regression: permalink errors in sitegen.yaml came without the line of permalink:."""
    root = write_files(tmp_path / "site", {**GOOD, "sitegen.yaml": "title: T\npermalink: ../{slug}/\n"})
    monkeypatch.chdir(root)
    assert "sitegen.yaml:2: permalink: must be a relative path inside the site" in build(root).stderr


def test_theme_outside_the_site_is_refused(tmp_path, monkeypatch):
    """Regression: 'theme: ../../x' made the build read and publish files from outside the site."""
    write_files(tmp_path / "outside/evil/static", {"style.css": "SECRET CSS\n"})
    root = write_files(tmp_path / "site", {**GOOD, "sitegen.yaml": "theme: ../../outside/evil\n",
                                           "themes/mine/static/extra.css": "/* mine */\n"})
    monkeypatch.chdir(root)
    result = build(root)
    assert result.exit_code == 1 and re.search(r"^sitegen.yaml(:1)?: theme: ", result.stderr, re.M), result.output


def test_original_outside_the_bundle_is_reported_at_its_line(tmp_path, monkeypatch):
    """Regression: 'original: file ... not found' used to come without the line of original:."""
    root = write_files(tmp_path / "site", {"content/articles/good/index.md": article("T", original="{file: /etc/hostname}")})
    monkeypatch.chdir(root)
    result = build(root)
    assert "content/articles/good/index.md:3: original: file '/etc/hostname' not found" in result.stderr


@pytest.mark.parametrize("key", ["people", "reporters", "topics"])
def test_long_name_is_a_located_error_or_a_page(tmp_path, monkeypatch, key):
    """Regression: a name whose slug is longer than a file name may be crashed the write stage
    with OSError 'File name too long' (found by the hostile build)."""
    root = write_files(tmp_path / "site", {"content/articles/a/index.md": article("T", **{key: f"[{'Word ' * 60}]"})})
    monkeypatch.chdir(root)
    try:
        result = build(root)
    except OSError as exc:
        pytest.fail(f"traceback instead of a message: {exc!r}")
    assert result.exit_code in (0, 1), result.output
    assert result.exit_code == 0 or re.search(r"^content/articles/a/index.md:3: ", result.stderr, re.M), result.stderr


def _outside(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    write_files(outside, {
        "secret.txt": "SECRET TEXT\n",
        "secret.yaml": "name: SECRET PERSON\n",
        "index.md": article("SECRET TITLE", "SECRET BODY"),
        "comments.yaml": "comments:\n  - id: c1\n    author: SECRET\n    text: SECRET COMMENT\n",
        "folder/secret.txt": "SECRET IN A FOLDER\n",
        "articles/secret/index.md": article("SECRET ARTICLE"),
        "people/secret.yaml": "name: SECRET PERSON\n",
        "content/articles/secret/index.md": article("SECRET CONTENT"),
        "sitegen.yaml": "title: SECRET SITE\n",
    })
    return outside


def _link(root: Path, name: str, target: Path) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_dir() and not path.is_symlink():
        import shutil
        shutil.rmtree(path)
    path.symlink_to(target, target_is_directory=target.is_dir())


SYMLINKS = [
    pytest.param("content/articles/good/photo.txt", "secret.txt", id="asset-file"),
    pytest.param("content/articles/good/extra", "folder", id="asset-folder"),
    pytest.param("content/articles/evil", "articles/secret", id="article-folder"),
    pytest.param("content/articles/good/comments.yaml", "comments.yaml", id="comments-file"),
    pytest.param("content/articles/evil/index.md", "index.md", id="index-file"),
    pytest.param("content/people/secret.yaml", "secret.yaml", id="registry-file"),
    pytest.param("content/people", "people", id="registry-folder"),
    pytest.param("content/articles", "articles", id="articles-folder"),
    pytest.param("content", "content", id="content-folder"),
    pytest.param("sitegen.yaml", "sitegen.yaml", id="config-file"),
    pytest.param("themes/default/static/leak.txt", "secret.txt", id="theme-static-file"),
]


@pytest.mark.parametrize("name,target", SYMLINKS)
def test_symlinks_out_of_the_site_are_refused_unread(tmp_path, monkeypatch, reads, name, target):
    """Regression: symlinked comments.yaml, index.md, registry files and folders, content/ and
    content/articles/ were followed out of the site, read and published."""
    outside = _outside(tmp_path)
    root = write_files(tmp_path / "site", GOOD)
    _link(root, name, outside / target)
    monkeypatch.chdir(root)
    before = tree(outside)
    reads.clear()  # writing the files above is not the build reading them
    result = build(root)
    assert result.exit_code == 1, result.output
    assert re.search(r"(link|outside)", result.stderr), result.stderr
    assert [p for p in reads if p.is_relative_to(outside.resolve())] == []
    assert not (root / "public").exists()
    assert tree(outside) == before


def test_a_saved_page_is_published_as_text_never_as_a_page(tmp_path):
    """An HTML capture keeps its page, scripts and all, as original.html: opened from the
    archive's own address it would run there. It is published byte for byte as text."""
    page = b"<!doctype html><html><body><script>document.cookie</script><p>Story</p></body></html>"
    site = write_files(tmp_path, {
        "content/articles/saved/index.md": article(
            "Saved", "Story.", original="{file: original.html, sha256: %s}" % hashlib.sha256(page).hexdigest()),
        "content/articles/saved/original.html": page,
        "content/articles/saved/helper.js": b"alert(1)",
        "content/articles/saved/chart.png": b"\x89PNG",
    })
    assert build(site, "--base-url", "https://news.example/").exit_code == 0  # (with a host: a sitemap)
    folder = site / "public" / "articles" / "saved"
    assert sorted(p.name for p in folder.iterdir()) == [
        "chart.png", "cite.bib", "cite.json", "helper.js.txt", "index.html", "original.html.txt"]
    assert (folder / "original.html.txt").read_bytes() == page
    link = BeautifulSoup((folder / "index.html").read_text(encoding="utf-8"), "html.parser").find(
        "a", string="raw text as captured")
    assert link["href"] == "/articles/saved/original.html.txt"
    sitemap = (site / "public" / "sitemap.xml").read_text(encoding="utf-8")
    assert "original.html" not in sitemap


# SVG and XML files that could run script when opened directly (each a tiny drawing or data
# file); tests/browser/test_bundle_browser.py opens them in Chromium.
SCRIPTED_XML = {
    "script.svg": '<svg xmlns="http://www.w3.org/2000/svg">\n<script>window.ran = 1</script>\n</svg>',
    "onload.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="window.ran = 1"/>',
    "foreign.svg": '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject width="9" height="9">'
                   '<img xmlns="http://www.w3.org/1999/xhtml" src="x" onerror="window.ran = 1"/>'
                   '</foreignObject></svg>',
    "link.svg": '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
                '<a xlink:href=" jav&#x09;ascript:window.ran = 1"><text>x</text></a></svg>',
    "animate.svg": '<svg xmlns="http://www.w3.org/2000/svg"><a><animate attributeName="href" '
                   'values="https://example.org/;javascript:window.ran = 1"/><text>x</text></a></svg>',
    "entity.svg": '<!DOCTYPE svg [<!ENTITY run "&#60;script&#62;window.ran = 1&#60;/script&#62;">]>\n'
                  '<svg xmlns="http://www.w3.org/2000/svg">&run;</svg>',
    "broken.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script>window.ran = 1</script><g></svg>',
    "xhtml.xml": '<data xmlns:h="http://www.w3.org/1999/xhtml"><h:script>window.ran = 1</h:script></data>',
    "styled.xml": '<?xml-stylesheet type="text/xsl" href="style.xsl"?><data/>',
}
PLAIN_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" '
             'height="20"><?xml-stylesheet type="text/css" href="x.css"?><style>rect { fill: teal }</style>'
             '<rect width="40" height="20"/><a xlink:href="https://example.org/chart"><text y="15">40%</text></a></svg>')


def test_svg_and_xml_files_holding_script_are_published_as_text_and_named(tmp_path):
    """A drawing is published as it is, to be shown in the article; one that holds anything
    a browser would run when it is opened directly is published as text, with a warning that
    names the file, the line and what was found."""
    files = {f"content/articles/drawn/{name}": text for name, text in SCRIPTED_XML.items()}
    site = write_files(tmp_path, {
        "content/articles/drawn/index.md": article("Drawn", "![Chart](chart.svg)"),
        "content/articles/drawn/chart.svg": PLAIN_SVG,
        "content/articles/drawn/data.xml": "<data><row n='1'/></data>",
        **files,
    })
    result = build(site)
    assert result.exit_code == 0, result.output
    folder = site / "public" / "articles" / "drawn"
    published = {p.name for p in folder.iterdir()}
    assert {"chart.svg", "data.xml"} <= published
    for name, text in SCRIPTED_XML.items():
        assert name not in published
        assert (folder / f"{name}.txt").read_text(encoding="utf-8") == text
        assert re.search(rf"content/articles/drawn/{re.escape(name)}:\d+: warning: .* published as text, as {re.escape(name)}\.txt",
                         result.stderr), (name, result.stderr)
    assert "content/articles/drawn/script.svg:2: warning: <script> element could run" in result.stderr
    assert "content/articles/drawn/onload.svg:1: warning: onload attribute on <svg> could run" in result.stderr
    assert "chart.svg:" not in result.stderr and "data.xml:" not in result.stderr
    image = BeautifulSoup((folder / "index.html").read_text(encoding="utf-8"), "html.parser").find("img")
    assert image["src"] == "chart.svg"


def test_two_bundle_files_published_under_one_name_are_an_error(tmp_path):
    """original.html is published as original.html.txt: a bundle holding both would lose one."""
    site = write_files(tmp_path, {
        "content/articles/twice/index.md": article("Twice", "Text."),
        "content/articles/twice/original.html": "<p>page</p>",
        "content/articles/twice/original.html.txt": "text",
    })
    (site / "public").mkdir()
    (site / "public" / "kept.html").write_text("before")
    result = build(site)
    assert result.exit_code == 1
    assert re.search(r"content/articles/twice/original\.html(\.txt)?: would be published as 'original\.html\.txt', "
                     r"like 'original\.html(\.txt)?': rename one of them", result.stderr), result.stderr
    assert (site / "public" / "kept.html").read_text() == "before"
