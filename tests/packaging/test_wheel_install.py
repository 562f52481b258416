"""The package as a clinic gets it: sdist and wheel built from a clean copy of the tree, the
wheel installed into a fresh virtual environment outside the repository (no system site
packages; dependencies from the package index), then ``init`` and a plain ``mkdocs build``.

Slow (about a minute: building, and installing MkDocs and Material). It needs the package
index that ``pip`` is configured with, and skips when ``build`` is not installed.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUTF8": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
ENV.pop("VIRTUAL_ENV", None)
pytestmark = pytest.mark.skipif(importlib.util.find_spec("build") is None, reason="the build package is not installed")
# What a browser would load without a click: src/href of non-links, CSS url() and @import.
THIRD_PARTY = re.compile(r"""(?:src|href)=["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import""", re.I)


def _run(command: list, cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [str(c) for c in command],
        cwd=cwd,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, f"{command}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


def _clean_copy(target: Path) -> Path:
    """The files git knows about (tracked, or new and not ignored): no build/, site/ or .venv."""
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=REPO, capture_output=True, check=True
    ).stdout
    for name in filter(None, listed.decode().split("\0")):
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def _third_party(site: Path) -> list[str]:
    hits = []
    for path in [*site.rglob("*.html"), *site.rglob("*.css")]:
        text = re.sub(r"<a\b[^>]*>", "", path.read_text(encoding="utf-8", errors="replace"))
        hits.extend(f"{path.relative_to(site)}: {m.group(0)}" for m in THIRD_PARTY.finditer(text))
    return hits


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    source = _clean_copy(tmp_path_factory.mktemp("source"))
    dist = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", dist, "."], cwd=source)
    wheels = list(dist.glob("mkdocs_evidence-*.whl"))
    assert len(wheels) == 1 and list(dist.glob("mkdocs_evidence-*.tar.gz"))
    return wheels[0]


def test_the_wheel_carries_the_theme_templates_and_metadata(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = archive.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    for needed in (
        "theme/main.html",
        "theme/partials/copyright.html",
        "theme/assets/evidence-theme/clinic.css",
        "theme/assets/evidence-theme/md-base.js",
        "templates/init/mkdocs.yml.j2",
        "templates/guide/when-to-get-help.md.j2",
        "assets/site.css",
        "core/ratings/scales.yml",
        "py.typed",
    ):
        assert f"mkdocs_evidence/{needed}" in names, needed
    assert "License-Expression: MIT" in metadata and "Classifier: Framework :: MkDocs" in metadata
    assert "Project-URL: " in metadata and "Description-Content-Type: text/markdown" in metadata
    assert not [n for n in names if n.startswith(("tests/", "site/", "build/"))]


def test_a_clinic_site_from_the_wheel_alone(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True, system_site_packages=False)
    bin_dir = env_dir / "bin"
    _run([bin_dir / "python", "-m", "pip", "install", "--quiet", wheel], cwd=tmp_path, timeout=900)
    project = tmp_path / "clinic"
    project.mkdir()
    out = _run(
        [
            bin_dir / "mkdocs-evidence",
            "init",
            ".",
            "--condition",
            "Carpal tunnel syndrome",
            "--clinic",
            "Riverside Hand Clinic",
        ],
        cwd=project,
    ).stdout
    assert "mkdocs serve" in out
    build = _run([bin_dir / "mkdocs", "build"], cwd=project)
    assert "placeholder-text" in build.stderr and "Traceback" not in build.stderr
    site = project / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<span class="ev-header__clinic">Riverside Hand Clinic</span>' in home
    assert "does not replace, advice from your own doctor" in home
    assert "--ev-brand: #1f4e79;" in (site / "assets" / "evidence-theme" / "clinic.css").read_text(encoding="utf-8")
    help_page = (site / "carpal-tunnel-syndrome" / "when-to-get-help" / "index.html").read_text(encoding="utf-8")
    assert "!!!" not in help_page
    assert re.search(r'<div class="admonition danger">\s*<p class="admonition-title">Emergency', help_page)
    assert "About this information" in help_page and "No clinician has checked this guide yet." in help_page
    assert _third_party(site) == []
    # init a second time: refuses, names the file, exit 2
    again = subprocess.run(
        [bin_dir / "mkdocs-evidence", "init", ".", "--condition", "Carpal tunnel syndrome"],
        cwd=project,
        env=ENV,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert again.returncode == 2 and "mkdocs.yml already exists" in again.stderr
