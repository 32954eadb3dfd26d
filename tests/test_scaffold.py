"""``sitegen init`` and ``sitegen new article``: what they write, that it builds, and what they refuse."""

from __future__ import annotations

import datetime
import hashlib
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from conftest import REPO, build, page, write_files
from sitegen.load.frontmatter import split_front_matter
from sitegen.markup.published import reject_all
from sitegen.render.theme import default_theme_dir
from sitegen.scaffold import (TEMPLATE_DIR, init_command, installed_requirement, new_command, requirement_from,
                              requirements_text, theme_command)

EXAMPLE = "council-keeps-library-open-on-sundays"


def invoke(command, *args: str):
    return CliRunner().invoke(command, list(args), catch_exceptions=False)


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    result = invoke(init_command, str(root))
    assert result.exit_code == 0, result.output
    return root


def test_init_writes_an_archive_that_builds(archive: Path):
    for name in ("sitegen.yaml", ".github/workflows/pages.yml", ".gitignore", "requirements.txt",
                 f"content/articles/{EXAMPLE}/index.md", f"content/articles/{EXAMPLE}/comments.yaml",
                 f"content/articles/{EXAMPLE}/original.txt", "content/people/maria-okafor.yaml",
                 "content/topics/libraries.yaml"):
        assert (archive / name).is_file(), name
    assert not any(p.name.startswith("dot-") for p in archive.rglob("*"))
    ignored = (archive / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "/public/" in ignored and "/.sitegen-cache/" in ignored  # built things stay out of git
    result = build(archive)
    assert result.exit_code == 0, result.output
    doc = page(archive / "public", f"articles/{EXAMPLE}/")
    assert doc.h1.get_text(strip=True) == "Council Keeps Riverton Library Open on Sundays"
    for person in ("maria-okafor", "dana-whitfield", "tom-brennan"):
        assert (archive / "public" / "people" / person / "index.html").is_file()


def test_init_writes_an_about_page_in_the_navigation(archive: Path):
    assert build(archive).exit_code == 0
    doc = page(archive / "public", "about/")
    assert doc.h1.get_text(strip=True) == "About this archive"
    assert doc.select_one(".page-body table") is not None  # (how to read the annotations)
    home = page(archive / "public", "")
    assert [a["href"] for a in home.select("header nav a")][-1] == "/about/"


def test_the_example_article_shows_every_kind_of_annotation(archive: Path):
    assert build(archive).exit_code == 0
    body = page(archive / "public", f"articles/{EXAMPLE}/").select_one(".article-body")
    found = {
        "anchored note": body.select(".annotated mark"),
        "note": body.select(".sidenote"),
        "correction": body.select("del.as-published"),
        "insertion": body.select("ins.editorial-insert"),
        "deletion": body.select("del.editorial-delete"),
        "person mention": body.select("a.mention-person"),
        "topic mention": body.select("a.mention-topic"),
        "quote": body.select(".quote"),
        "claim": body.select(".claim.claim-mostly-true"),
    }
    assert [kind for kind, elements in found.items() if not elements] == []
    comments = page(archive / "public", f"articles/{EXAMPLE}/").select("li.comment")
    assert len(comments) == 2


def test_the_example_capture_matches_its_checksum_and_the_published_text(archive: Path):
    folder = archive / "content" / "articles" / EXAMPLE
    doc = split_front_matter((folder / "index.md").read_text(encoding="utf-8"))
    original = (folder / "original.txt").read_bytes()
    assert doc.front.data["original"]["sha256"] == hashlib.sha256(original).hexdigest()
    # Rejecting every editorial mark gives back the wording the capture holds (docs/annotations.md).
    for paragraph in reject_all(doc.body).strip().split("\n\n"):
        assert paragraph in original.decode("utf-8")


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = invoke(init_command, str(tmp_path))
    assert result.exit_code == 2
    assert "not empty" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_init_refuses_a_file(tmp_path: Path):
    target = tmp_path / "file"
    target.write_text("x", encoding="utf-8")
    assert invoke(init_command, str(target)).exit_code == 2
    assert target.read_text(encoding="utf-8") == "x"


def test_init_accepts_an_empty_folder(tmp_path: Path):
    assert invoke(init_command, str(tmp_path)).exit_code == 0
    assert (tmp_path / "sitegen.yaml").is_file()


def test_init_accepts_a_fresh_clone_of_an_empty_repository(tmp_path: Path, monkeypatch):
    """GitHub's way: make the repository, clone it, start the archive in it (`sitegen init .`)."""
    (tmp_path / ".git" / "objects").mkdir(parents=True)
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke(init_command, ".")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "sitegen.yaml").is_file() and (tmp_path / ".git" / "HEAD").read_text() == "ref: refs/heads/main\n"
    assert result.output.splitlines()[-1] == "Next: sitegen serve"  # (not "cd . && ...")


def test_requirements_name_where_sitegen_came_from(archive: Path):
    lines = (archive / "requirements.txt").read_text(encoding="utf-8").splitlines()
    requirements = [line for line in lines if line.strip() and not line.startswith("#")]
    expected = installed_requirement()
    assert requirements == ([expected] if expected else [])


@pytest.mark.parametrize("direct_url, expected", [
    (None, "sitegen==1.2.0"),
    ({"url": "https://github.com/o/sitegen", "vcs_info": {"vcs": "git", "commit_id": "abc123"}},
     "sitegen @ git+https://github.com/o/sitegen@abc123"),
    ({"url": "https://example.org/sitegen-1.2.0.tar.gz", "archive_info": {}},
     "sitegen @ https://example.org/sitegen-1.2.0.tar.gz"),
    ({"url": "file:///home/me/sitegen", "dir_info": {"editable": True}}, None),
    ({"url": "file:///home/me/sitegen", "vcs_info": {"vcs": "git", "commit_id": "abc"}}, None),
])
def test_requirement_from_pips_record(direct_url, expected):
    assert requirement_from(direct_url, "1.2.0") == expected


def test_requirements_without_a_known_source_install_nothing_and_say_why():
    text = requirements_text(None)
    assert all(line.startswith("#") for line in text.splitlines())
    assert requirements_text("sitegen==1.0").splitlines()[1:] == ["sitegen==1.0"]


def _workflow(path: Path) -> dict:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["on"] = doc.pop(True, doc.get("on"))  # YAML 1.1 reads the key `on` as true
    return doc


@pytest.mark.parametrize("path, install", [
    (REPO / ".github" / "workflows" / "pages.yml", "pip install ."),
    (TEMPLATE_DIR / "dot-github" / "workflows" / "pages.yml", "pip install -r requirements.txt"),
])
def test_pages_workflow(path: Path, install: str):
    doc = _workflow(path)
    assert doc["on"]["push"]["branches"] == ["main"]
    assert doc["permissions"]["pages"] == "write" and doc["permissions"]["id-token"] == "write"
    assert doc["concurrency"]["group"] == "pages"
    steps = doc["jobs"]["build"]["steps"]
    uses = [step.get("uses", "").split("@")[0] for step in steps]
    runs = [step.get("run", "") for step in steps]
    order = ["actions/checkout", "actions/setup-python", install, "actions/configure-pages", "actions/cache",
             'sitegen build --search --base-url "${{ steps.pages.outputs.base_url }}/"',
             "sitegen check --no-validate-html --no-drafts", "actions/upload-pages-artifact"]
    where = [next(i for i, (u, r) in enumerate(zip(uses, runs)) if item in (u, r)) for item in order]
    assert where == sorted(where)
    by_action = {step["uses"].split("@")[0]: step for step in steps if "uses" in step}
    assert str(by_action["actions/setup-python"]["with"]["python-version"]) == "3.11"
    assert by_action["actions/configure-pages"]["id"] == "pages"
    assert by_action["actions/upload-pages-artifact"]["with"]["path"] == "public"
    # The last build's cache and output come back, so that a push rebuilds only what changed;
    # the newest cache of any earlier commit is taken (the key of this one is new).
    cache = by_action["actions/cache"]["with"]
    assert cache["path"].split() == [".sitegen-cache", "public"]
    assert cache["key"].endswith("${{ github.sha }}") and cache["key"].startswith(cache["restore-keys"])
    deploy = doc["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]


# sitegen new article

@pytest.fixture
def small_site(site) -> Path:
    return site({"sitegen.yaml": "title: Test\n", "content/people/.keep": ""})


def test_new_article_builds_with_its_title(small_site: Path):
    title = 'Breaking: "Quotes", #hashes & café — all kept'
    result = invoke(new_command, "article", title, "--no-draft", "--source", str(small_site))
    assert result.exit_code == 0, result.output
    index = small_site / "content" / "articles" / "breaking-quotes-hashes-cafe-all-kept" / "index.md"
    doc = split_front_matter(index.read_text(encoding="utf-8"))
    assert doc.front.data == {"title": title}  # no date: an article's date is never guessed
    assert build(small_site).exit_code == 0
    assert page(small_site / "public", "articles/breaking-quotes-hashes-cafe-all-kept/").h1.get_text() == title


@pytest.mark.parametrize("given, expected", [
    ("2016-12", "2016-12"),
    ("2016-12-18", "2016-12-18"),
    ("today", datetime.date.today().isoformat()),
])
def test_new_article_with_a_date(small_site: Path, given: str, expected: str):
    result = invoke(new_command, "article", "Dated", "--date", given, "--slug", "dated", "--no-draft",
                    "--source", str(small_site))
    assert result.exit_code == 0
    doc = split_front_matter((small_site / "content/articles/dated/index.md").read_text(encoding="utf-8"))
    assert doc.front.data["date"] == expected and doc.front.data["date_origin"] == "editor"
    assert build(small_site).exit_code == 0
    assert page(small_site / "public", "articles/dated/").find("time")["datetime"] == expected


def test_new_article_never_replaces_a_bundle(small_site: Path):
    write_files(small_site, {"content/articles/taken/index.md": "---\ntitle: Mine\n---\nMy text.\n"})
    before = (small_site / "content/articles/taken/index.md").read_bytes()
    result = invoke(new_command, "article", "Taken", "--source", str(small_site))
    assert result.exit_code == 2
    assert "already exists" in result.output
    assert (small_site / "content/articles/taken/index.md").read_bytes() == before


@pytest.mark.parametrize("args, message", [
    (["--date", "2016-13"], "--date"),
    (["--slug", "Bad Slug"], "slug 'Bad Slug'"),
    (["--slug", "../escape"], "slug '../escape'"),
])
def test_new_article_rejects_bad_options(small_site: Path, args: list[str], message: str):
    result = invoke(new_command, "article", "Title", "--source", str(small_site), *args)
    assert result.exit_code == 2
    assert message in result.output
    articles = small_site / "content" / "articles"
    assert not articles.exists() or not any(articles.iterdir())


def test_new_article_outside_a_site_folder(tmp_path: Path):
    result = invoke(new_command, "article", "Title", "--source", str(tmp_path))
    assert result.exit_code == 2
    assert "not a site folder" in result.output
    assert list(tmp_path.iterdir()) == []


def test_a_new_article_is_a_draft_left_out_of_the_build(small_site: Path):
    """As Hugo's new content is: its placeholder text was published by the next build."""
    result = invoke(new_command, "article", "Draft", "--source", str(small_site))
    assert result.exit_code == 0
    assert result.output.endswith("(a draft: delete its line 'draft: true' to publish it)\n")
    front = split_front_matter((small_site / "content/articles/draft/index.md").read_text(encoding="utf-8")).front
    assert front.data == {"title": "Draft", "draft": True}
    assert build(small_site).exit_code == 0
    assert not (small_site / "public" / "articles" / "draft").exists()
    assert build(small_site, "--drafts").exit_code == 0
    assert (small_site / "public" / "articles" / "draft" / "index.html").is_file()


def test_the_wheel_ships_the_template(tmp_path: Path):
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
               "-w", str(tmp_path), str(REPO)]
    subprocess.run(command, check=True, cwd=tmp_path)
    (wheel,) = tmp_path.glob("sitegen-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    template = {f"sitegen/scaffold_template/{p.relative_to(TEMPLATE_DIR).as_posix()}"
                for p in TEMPLATE_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    assert "sitegen/scaffold_template/dot-github/workflows/pages.yml" in template
    assert template <= names


# sitegen new page

def test_new_page_builds_at_its_address_and_in_the_navigation(small_site: Path):
    title = "Corrections: how we fix mistakes"
    result = invoke(new_command, "page", title, "--menu", "2", "--no-draft", "--source", str(small_site))
    assert result.exit_code == 0, result.output
    path = small_site / "content/pages/corrections-how-we-fix-mistakes.md"
    assert split_front_matter(path.read_text(encoding="utf-8")).front.data == {"title": title, "menu": 2}
    assert invoke(new_command, "page", "Draft notes", "--source", str(small_site)).exit_code == 0  # (a draft)
    assert build(small_site).exit_code == 0
    doc = page(small_site / "public", "corrections-how-we-fix-mistakes/")
    assert doc.h1.get_text() == title
    assert [a.get_text() for a in doc.select("nav a[aria-current]")] == [title]
    assert not (small_site / "public/draft-notes").exists()  # (a draft: built only with --drafts)


@pytest.mark.parametrize("args, message", [
    (["Search"], "/search/ is the site's own (the search page); choose another --slug"),
    (["Taken"], "content/pages/taken.md: already exists; choose another --slug"),
    (["Folder"], "content/pages/folder: already exists; choose another --slug"),
    (["  "], "the title is empty"),
])
def test_new_page_refuses_the_sites_own_addresses_and_never_replaces_a_page(small_site: Path, monkeypatch, args, message):
    write_files(small_site, {"content/pages/taken.md": "---\ntitle: Mine\n---\nMy text.\n",
                             "content/pages/folder/index.md": "---\ntitle: Mine\n---\nMy text.\n"})
    monkeypatch.chdir(small_site)
    result = invoke(new_command, "page", *args)
    assert result.exit_code == 2
    assert message in result.output
    assert (small_site / "content/pages/taken.md").read_text() == "---\ntitle: Mine\n---\nMy text.\n"


# sitegen theme

def test_a_theme_file_is_copied_into_the_site_to_be_changed_there(small_site: Path, monkeypatch):
    """Installed from a wheel, sitegen has no source folder to copy a template from."""
    monkeypatch.chdir(small_site)
    assert "templates/article.html" in invoke(theme_command, "list").output.splitlines()
    result = invoke(theme_command, "copy", "article.html", "style.css")
    assert result.exit_code == 0, result.output
    own = small_site / "themes/default/templates/article.html"
    assert own.read_bytes() == (default_theme_dir() / "templates/article.html").read_bytes()
    assert (small_site / "themes/default/static/style.css").is_file()
    assert "templates/article.html  (the site's own: themes/default/templates/article.html)" in invoke(
        theme_command, "list").output.splitlines()
    own.write_text(own.read_text(encoding="utf-8").replace("{% block main %}", "{% block main %}<p id=mine>Mine</p>"),
                   encoding="utf-8")
    write_files(small_site, {"content/articles/one/index.md": "---\ntitle: One\n---\nText.\n"})
    assert build(small_site).exit_code == 0
    assert page(small_site / "public", "articles/one/").find(id="mine").get_text() == "Mine"
    # Never over the site's own file; a name the theme has not copies nothing.
    edited = own.read_bytes()
    again = invoke(theme_command, "copy", "base.html", "article.html")
    assert again.exit_code == 2 and "already there; not replaced" in again.output
    assert own.read_bytes() == edited and not (small_site / "themes/default/templates/base.html").exists()
    assert "is no file of the built-in theme" in invoke(theme_command, "copy", "nothing.html").output
