"""Every template the plugin renders can be overridden from one folder, ``<custom_dir>/evidence/``,
by the plugin build and by the command line alike (docs/templates.md)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from mkdocs_evidence.cli import main
from mkdocs_evidence.core.project import Project
from mkdocs_evidence.render.environment import (
    OVERRIDE_FOLDER,
    TEMPLATES_DIR,
    is_template_override,
    legacy_override_files,
    overridable_templates,
)
from mkdocs_evidence.render.search_view import END, START

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "fixtures" / "content"
THEME = {"name": "material", "font": False, "custom_dir": "overrides"}
PAGES = {
    "index.md": "# Home\n\nAbout 60% of people get better.\n",
    "braces.md": "# Braces\n\nBraces help [@prenton2016]. See [see @aprile2005, p. 3].\n\n"
    "{rating: moderate | Braces -> walking speed | @prenton2016}\n",
}
# Only the CLI's standalone report uses these; only the site's report page uses the others.
CLI_ONLY = {"report/standalone.html.j2", "report/filter.js.j2"}
SITE_ONLY = {"report/fragment.html.j2", "report/noindex.html"}


def marker(name: str) -> str:
    return "ev-override-" + re.sub(r"[^a-z0-9]+", "-", name.lower())


def with_marker(name: str) -> str:
    """The package's template with a marker that reaches its output: at the top of the first
    macro of a macro file, else at the end (a comment in HTML and JavaScript, text in Markdown)."""
    text = (TEMPLATES_DIR / name).read_text(encoding="utf-8")
    mark = marker(name)
    if name.endswith(".js.j2"):
        shown = f"/* {mark} */"
    elif ".md" in name:
        shown = f"\n\n{mark}\n\n"
    else:
        shown = f"<!-- {mark} -->"
    if Path(name).name.startswith("_macros"):
        start = text.index("{% macro")
        end = text.index("%}", start) + 2
        return text[:end] + shown + text[end:]
    return text + shown


@pytest.fixture
def overridden_site(make_site):
    """A guide site with every overridable template overridden, each with its own marker."""
    files = {f"overrides/{OVERRIDE_FOLDER}/{name}": with_marker(name) for name in overridable_templates()}
    site = make_site(PAGES, options={"content": "content", "bibliography_page": "references.md"}, extra={"theme": THEME})
    for path, text in files.items():  # not through make_site: it dedents, and templates are exact
        target = site.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    shutil.copytree(FIXTURE, site.root / "content", dirs_exist_ok=True)
    return site


def _site_text(site_dir: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(site_dir.rglob("*.html")))


def test_every_template_is_overridable_in_the_build_and_the_cli_report(overridden_site, build_site, monkeypatch, capsys):
    templates = overridable_templates()
    assert {"citations/cite.html", "evidence/badge.html", "report/_body.html.j2", "guide/overview.md.j2"} <= set(templates)
    build_site(overridden_site)
    built = _site_text(overridden_site.site_dir)
    missing = [name for name in templates if name not in CLI_ONLY and marker(name) not in built]
    assert missing == [], f"overrides not used by the build: {missing}"
    monkeypatch.chdir(overridden_site.root)
    main(["report", "--output-dir", "cli-report"])
    capsys.readouterr()
    report = (overridden_site.root / "cli-report" / "report.html").read_text(encoding="utf-8")
    report_templates = [name for name in templates if name.startswith("report/") and name not in SITE_ONLY]
    assert [name for name in report_templates if marker(name) not in report] == []
    assert "ev-override-report-filter-js-j2" in report  # the script's digest is of the override


def test_the_cli_check_reads_the_same_guide_templates_as_the_build(overridden_site, monkeypatch):
    from mkdocs_evidence.cli import _settings, build_parser

    monkeypatch.chdir(overridden_site.root)
    settings = _settings(build_parser().parse_args(["check"]))[0]
    assert [d.resolve() for d in settings.template_dirs] == [overridden_site.root / "overrides" / OVERRIDE_FOLDER]
    text = "\n".join(page.markdown for page in Project(settings).generated_pages)
    assert marker("guide/overview.md.j2") in text and marker("guide/_macros.md.j2") in text


def test_override_files_are_read_not_published(overridden_site, build_site):
    build_site(overridden_site)
    assert not (overridden_site.site_dir / OVERRIDE_FOLDER).exists()
    assert (overridden_site.site_dir / "braces" / "index.html").is_file()


def test_the_old_places_still_work_and_the_override_folder_wins(make_site, build_site, caplog):
    badge = "{{ summary.label }}<!-- old-badge -->"
    site = make_site(
        {"index.md": "{rating: moderate | Braces -> walking speed | @prenton2016}\n\nBraces help [@prenton2016].\n"},
        extra={"theme": THEME},
        files={
            "overrides/evidence/badge.html": badge,  # 0.x: overrides/evidence/ held the badge
            "overrides/citations/cite.html": "<sup>old {{ items[0].number }}</sup>",
            "overrides/evidence/citations/cite.html": "<sup>new {{ items[0].number }}</sup>",
        },
    )
    with caplog.at_level("INFO"):
        build_site(site)
    assert "overrides/citations/cite.html: still read; template overrides now go in overrides/evidence/citations/cite.html" in caplog.text
    page = site.page("index.html")
    assert "<!-- old-badge -->" in page
    assert "<sup>new 1</sup>" in page and "<sup>old" not in page
    moves = {path.relative_to(site.root).as_posix(): to for path, to in legacy_override_files(site.root / "overrides")}
    assert moves == {
        "overrides/citations/cite.html": "evidence/citations/cite.html",
        "overrides/evidence/badge.html": "evidence/evidence/badge.html",
    }
    assert is_template_override(site.root / "overrides/evidence/citations/x.css", site.root / "overrides")
    assert not is_template_override(site.root / "overrides/partials/footer.html", site.root / "overrides")


def test_a_warm_build_reads_an_edited_guide_override(make_site, build_site):
    site = make_site({"index.md": "# Home\n"}, options={"content": "content", "cache": True}, extra={"theme": THEME})
    shutil.copytree(FIXTURE, site.root / "content", dirs_exist_ok=True)
    override = site.root / "overrides" / OVERRIDE_FOLDER / "guide" / "overview.md.j2"
    override.parent.mkdir(parents=True)
    original = (TEMPLATES_DIR / "guide" / "overview.md.j2").read_text(encoding="utf-8")
    override.write_text(original + "\n\nFirst override.\n", encoding="utf-8")
    build_site(site)
    assert "First override." in site.page("foot-drop/index.html")
    override.write_text(original + "\n\nSecond override.\n", encoding="utf-8")
    build_site(site)
    overview = site.page("foot-drop/index.html")
    assert "Second override." in overview and "First override." not in overview


def test_an_override_without_the_search_marks_still_builds_and_is_indexed(make_site, build_site):
    site = make_site(
        {"index.md": "Braces help [@prenton2016].\n"},
        extra={"theme": THEME},
        files={"overrides/evidence/citations/cite.html": '<sup class="plain">{{ items[0].number }}</sup>'},
    )
    build_site(site)
    assert '<sup class="plain">1</sup>' in site.page("index.html")
    assert "Braces help" in site.page("search/search_index.json")


@pytest.mark.parametrize("name", [n for n in overridable_templates() if n.endswith((".html", ".html.j2"))])
def test_package_templates_open_and_close_each_search_mark(name):
    """search_view.py hides what lies between the two marks; a mark left open would hide the
    rest of the page from the index."""
    marks = re.findall(f"{re.escape(START)}|{re.escape(END)}", (TEMPLATES_DIR / name).read_text(encoding="utf-8"))
    assert marks == [START, END] * (len(marks) // 2)


def test_the_templates_page_lists_every_overridable_template():
    doc = (REPO / "docs" / "templates.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `overrides/evidence/([^`]+)` \|", doc, re.MULTILINE))  # the table
    assert listed == set(overridable_templates())


def test_an_override_is_autoescaped_like_the_package_templates(tmp_path):
    from mkdocs_evidence.render.environment import make_environment, report_environment

    override = tmp_path / OVERRIDE_FOLDER / "citations" / "cite.html"
    override.parent.mkdir(parents=True)
    override.write_text("<sup>{{ items[0].key }}</sup>", encoding="utf-8")
    for env in (make_environment(tmp_path), report_environment(tmp_path)):
        html = env.get_template("citations/cite.html").render(items=[{"key": "<script>x</script>"}])
        assert html == "<sup>&lt;script&gt;x&lt;/script&gt;</sup>"


def test_the_cli_report_of_a_zensical_site_reads_the_extensions_templates_folder(tmp_path, monkeypatch, capsys, small_bib):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("About 40% of people get better.\n", encoding="utf-8")
    (tmp_path / "citations").mkdir()
    (tmp_path / "citations" / "refs.bib").write_text(small_bib, encoding="utf-8")
    (tmp_path / "zensical.toml").write_text(
        '[project]\nsite_name = "Test"\ndocs_dir = "docs"\n\n'
        '[project.markdown_extensions."mkdocs_evidence.markdown_ext"]\nbibliography = "citations"\ntemplates = "overrides"\n',
        encoding="utf-8",
    )
    body = tmp_path / "overrides" / OVERRIDE_FOLDER / "report" / "_body.html.j2"
    body.parent.mkdir(parents=True)
    body.write_text(with_marker("report/_body.html.j2"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["report", "--output-dir", "out"])
    capsys.readouterr()
    assert marker("report/_body.html.j2") in (tmp_path / "out" / "report.html").read_text(encoding="utf-8")


def test_the_template_command_lists_and_copies_templates_into_the_override_folder(make_site, monkeypatch, capsys):
    site = make_site({"index.md": "# Home\n"}, extra={"theme": THEME}, files={"overrides/citations/cite.html": "<sup>old</sup>"})
    monkeypatch.chdir(site.root)
    assert main(["template"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert len(listed) == len(overridable_templates())
    assert "citations/cite.html  (yours, in the old place: " in "\n".join(listed)
    assert main(["template", "evidence/badge.html", "guide/overview.md.j2"]) == 0
    copied = site.root / "overrides" / OVERRIDE_FOLDER / "evidence" / "badge.html"
    assert copied.read_text(encoding="utf-8") == (TEMPLATES_DIR / "evidence" / "badge.html").read_text(encoding="utf-8")
    assert (site.root / "overrides" / OVERRIDE_FOLDER / "guide" / "overview.md.j2").is_file()
    capsys.readouterr()
    assert main(["template", "evidence/badge.html"]) == 2
    assert "already there" in capsys.readouterr().err
    assert main(["template", "citations/cite.htm"]) == 2
    assert "did you mean citations/cite.html" in capsys.readouterr().err
    assert main(["template"]) == 0
    assert f"evidence/badge.html  (yours: {Path('overrides') / OVERRIDE_FOLDER / 'evidence' / 'badge.html'})" in capsys.readouterr().out


def test_the_template_command_asks_for_a_custom_dir(make_site, monkeypatch, capsys):
    site = make_site({"index.md": "# Home\n"})
    monkeypatch.chdir(site.root)
    assert main(["template", "citations/cite.html"]) == 2
    err = capsys.readouterr().err
    assert "mkdocs.yml: no theme.custom_dir" in err and "Traceback" not in err
