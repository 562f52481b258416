"""``mkdocs-evidence init``: a working standalone site that never overwrites a file."""

from __future__ import annotations

import json
import os

import pytest
import yaml
from mkdocs_evidence.cli import main

EXPECTED = [
    "mkdocs.yml",
    "docs/index.md",
    ".github/workflows/site.yml",
    "citations/refs.bib",
    "citations/README.md",
    "content/waivers.yml",
    ".gitignore",
    "content/carpal-tunnel-syndrome/guide.yml",
    "content/carpal-tunnel-syndrome/treatments/example-treatment.yml",
]


def _init(tmp_path, capsys, *extra: str) -> tuple[int, str, str]:
    code = main(["init", str(tmp_path / "clinic"), "--condition", "Carpal tunnel syndrome", *extra])
    out, err = capsys.readouterr()
    return code, out, err


def test_init_writes_a_standalone_site_and_prints_next_steps(tmp_path, capsys):
    code, out, _ = _init(tmp_path, capsys, "--clinic", "Riverside Hand Clinic")
    assert code == 0
    root = tmp_path / "clinic"
    assert sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()) == sorted(EXPECTED)
    assert "mkdocs serve" in out and "mkdocs build" in out and "check --production" in out
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["extra"]["clinic"]["name"] == "Riverside Hand Clinic"
    assert config["theme"] == {**config["theme"], "name": "material", "font": False}
    assert "watch" not in config and "custom_dir" not in config["theme"]
    workflow = yaml.safe_load((root / ".github/workflows/site.yml").read_text(encoding="utf-8"))
    steps = " ".join(step.get("run", "") for step in workflow["jobs"]["build"]["steps"])
    assert "mkdocs-evidence check --production" in steps and "mkdocs build" in steps
    assert "site/" in (root / ".gitignore").read_text(encoding="utf-8")


def test_init_refuses_to_overwrite_and_names_the_file(tmp_path, capsys):
    root = tmp_path / "clinic"
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("our own home page", encoding="utf-8")
    code, _, err = _init(tmp_path, capsys)
    assert code == 2
    assert f"{root / 'docs' / 'index.md'} already exists" in err and "Traceback" not in err
    assert (root / "docs" / "index.md").read_text(encoding="utf-8") == "our own home page"
    assert sorted(p.name for p in root.rglob("*")) == ["docs", "index.md"]  # nothing else written


def test_the_untouched_scaffold_builds_as_a_draft_and_fails_check_production(
    tmp_path, capsys, build_site, site_at, monkeypatch
):
    assert _init(tmp_path, capsys, "--clinic", "Riverside Hand Clinic")[0] == 0
    root = tmp_path / "clinic"
    site = site_at(root)
    build_site(site)  # a plain build: placeholders are warnings, so a draft can be previewed
    data = json.loads(site.page("editor/report/report.json"))
    kinds = {f["kind"] for f in data["findings"] if f["severity"] == "warning"}
    assert "placeholder-text" in kinds
    assert [f for f in data["findings"] if f["severity"] == "error"] == []
    about = site.page("carpal-tunnel-syndrome/index.html")
    assert "No clinician has checked this guide yet." in about
    assert "Last updated" in about and "Last reviewed" not in about
    assert "!!!" not in site.page("carpal-tunnel-syndrome/when-to-get-help/index.html")

    monkeypatch.chdir(root)
    assert main(["check", "--summary-only"]) == 0
    capsys.readouterr()
    assert main(["check", "--production"]) == 1
    out = capsys.readouterr().out
    assert "content/carpal-tunnel-syndrome/guide.yml:" in out and "[placeholder-text]" in out
    assert "docs/index.md:7:1: error: placeholder text" in out


def test_a_guide_with_every_placeholder_replaced_has_no_placeholder_findings(tmp_path, capsys, monkeypatch):
    assert _init(tmp_path, capsys)[0] == 0
    root = tmp_path / "clinic"
    for path in [*root.rglob("*.yml"), *root.rglob("*.md")]:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("Replace this with", "Here is"), encoding="utf-8")
    monkeypatch.chdir(root)
    main(["check", "--production", "--format", "json", "--output", os.fspath(tmp_path / "out.json")])
    findings = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["findings"]
    assert not [f for f in findings if f["kind"] == "placeholder-text"]


@pytest.mark.parametrize("condition", [" -- ", ""])
def test_init_refuses_a_condition_without_letters(tmp_path, capsys, condition):
    assert main(["init", str(tmp_path / "x"), "--condition", condition]) == 2
    assert "folder name" in capsys.readouterr().err


def test_check_reports_a_wrong_clinic_setting_as_one_message(tmp_path, capsys, monkeypatch):
    assert _init(tmp_path, capsys, "--clinic", "Riverside")[0] == 0
    root = tmp_path / "clinic"
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("    disclaimer:", "    disclamer:"), encoding="utf-8")
    monkeypatch.chdir(root)
    assert main(["check"]) == 2
    err = capsys.readouterr().err
    assert "mkdocs.yml: extra.clinic.disclamer: unknown setting; did you mean 'disclaimer'?" in err
