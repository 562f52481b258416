"""Issue 17: a cache restored from shared storage can never run code; a corrupt one only costs time.

Every cache file is data (tagged JSON, core/io/datacodec.py). A crafted pickle written where the old
caches lived, or under the new names, never executes; truncated, garbage and foreign files of
each kind are rebuilt and the build reports the same findings.
"""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

import pytest
from hardening_helpers import PROJECT_THEME, SENTINEL, copy_fixture_guide, has_message, mkdocs, run, write_base_site
from mkdocs_evidence.core.findings import Severity, make_finding
from mkdocs_evidence.core.io.datacodec import CacheFormatError, decode, dumps, encode, loads
from mkdocs_evidence.core.io.diskcache import RecordStore, load_blob, load_cache, save_cache


class _Boom:
    """Unpickling this writes a marker file: proof that code ran."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def _crafted(marker: Path) -> bytes:
    return pickle.dumps(_Boom(str(marker)))


def test_records_survive_the_round_trip():
    finding = make_finding("uncited-statistic", path="a.md", line=1, column=1, end_line=1, end_column=4, text="23%", sentence="23% x", message="m")
    value = {("a.md", 3): (finding, Severity.ERROR, frozenset({"x"}), Path("a/b"), [1.5, None, True])}
    header, back = loads(dumps(value, ("v", 1)))
    assert header == ("v", 1) and back == value and hash(next(iter(back))) == hash(("a.md", 3))


@pytest.mark.parametrize(
    "document",
    [
        ["D", "os:system", "x", 1],  # a function outside the package
        ["D", "subprocess:Popen"],
        ["E", "builtins:eval", "1"],
        ["D", "mkdocs_evidence.core.findings:make_finding"],  # a function, not a record
        ["B", "pydantic:BaseModel", [], ["M"]],
        ["D", "mkdocs_evidence.core.findings:Finding", "path", "a"],  # half a record
        ["Q", 1],
        {"a": 1},
    ],
)
def test_only_the_package_records_are_ever_rebuilt(document):
    with pytest.raises(CacheFormatError):
        decode(document)


def test_values_that_are_not_data_are_never_cached(tmp_path: Path):
    with pytest.raises(TypeError):
        encode(object())
    target = tmp_path / "x.json"
    save_cache(target, {"f": print})
    assert not target.exists()


def test_a_crafted_pickle_does_not_execute_in_any_store(tmp_path: Path):
    marker = tmp_path / "ran"
    for name in ("pages.json", "pages.pickle", "bib-0.json"):
        target = tmp_path / name
        target.write_bytes(_crafted(marker))
        assert load_cache(target, {}) == {}
        assert RecordStore(target).records == {}
    assert not marker.exists()


@pytest.mark.parametrize("damage", ["truncated", "garbage", "pickle", "foreign-version", "wrong-type", "deep", "empty"])
def test_every_kind_of_corrupt_file_only_costs_time(tmp_path: Path, damage: str):
    target = tmp_path / "store.json"
    save_cache(target, {"k": ("a", 1)})
    whole = target.read_bytes()
    broken = {
        "truncated": whole[: len(whole) // 2],
        "garbage": os.urandom(300),
        "pickle": _crafted(tmp_path / "ran"),
        "foreign-version": json.dumps([["T", -1, "other"], ["M", "k", 1]]).encode(),
        "wrong-type": dumps(["a list"], loads(whole)[0]),
        "deep": b"[" * 100_000,
        "empty": b"",
    }[damage]
    target.write_bytes(broken)
    assert load_cache(target, {}) == {}
    assert not (tmp_path / "ran").exists()


def test_a_build_with_crafted_and_broken_caches_runs_no_code_and_reports_the_same(tmp_path: Path):
    root = write_base_site(tmp_path, theme=dict(PROJECT_THEME), plugin={"cache": True})
    copy_fixture_guide(root, "foot-drop")
    first = run(mkdocs("build", "-d", str(root / "site")), root)
    assert first.returncode == 0 and has_message(first, *SENTINEL), first.output
    cache = root / ".cache" / "plugin" / "evidence"
    files = sorted(cache.glob("*.json"))
    assert {"pages.json", "markdown.json", "sources.json", "report.json", "references.json"} <= {p.name for p in files}
    assert any(p.name.startswith("bib-") for p in files)
    assert not list(cache.rglob("*.pickle")) and not (cache / "jinja").exists()  # no code on disk
    marker = tmp_path / "ran"
    for index, path in enumerate(files):
        path.write_bytes(_crafted(marker) if index % 2 == 0 else path.read_bytes()[:7])
    (cache / "pages.pickle").write_bytes(_crafted(marker))  # where an old version kept its pages
    (cache / "jinja").mkdir()
    (cache / "jinja" / "__jinja2_x.cache").write_bytes(b"j2\x00truncated")
    again = run(mkdocs("build", "-d", str(root / "site")), root)
    assert not marker.exists()
    assert again.returncode == 0 and "Traceback" not in again.output
    assert has_message(again, *SENTINEL)
    assert not (cache / "pages.pickle").exists() and not (cache / "jinja").exists()
    third = run(mkdocs("build", "-d", str(root / "site")), root)  # and the caches were rebuilt
    assert third.returncode == 0 and has_message(third, *SENTINEL)
    assert all(load_blob(p) if p.name.startswith("bib-") else loads(p.read_bytes()) for p in cache.glob("*.json"))
