"""`mkdocs-evidence add`: against our own recorded responses on 127.0.0.1, never the network."""

from __future__ import annotations

import http.server
import threading
from pathlib import Path
from typing import ClassVar

import pytest
from mkdocs_evidence.cli import main
from mkdocs_evidence.core.bib.bibliography import BibliographyCache

RECORDED = Path(__file__).parent.parent / "fixtures" / "add"
DOI = "10.5555/TEST.2024.001"


class _Recorded(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self):
        type(self).requests.append(self.path)
        if self.path.lower() == "/works/" + DOI.lower():
            body, kind = (RECORDED / "crossref-works.json").read_bytes(), "application/json"
        elif self.path.startswith("/efetch.fcgi?") and "id=99999901" in self.path:
            body, kind = (RECORDED / "pubmed-efetch.xml").read_bytes(), "text/xml"
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture()
def server():
    httpd = http.server.HTTPServer(("127.0.0.1", 0), _Recorded)
    _Recorded.requests = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


def _add(tmp_path: Path, base: str, *ids: str) -> int:
    return main(
        [
            "add",
            *ids,
            "--bib",
            str(tmp_path / "refs.bib"),
            "--cache-dir",
            str(tmp_path / "cache"),
            "--crossref-url",
            base,
            "--eutils-url",
            base,
        ]
    )


def test_add_writes_a_clean_entry_with_the_inferred_design(tmp_path, server, capsys):
    assert _add(tmp_path, server, DOI, "99999901") == 0
    text = (tmp_path / "refs.bib").read_text(encoding="utf-8")
    assert "design inferred from the PubMed publication type 'Randomized Controlled Trial'" in text
    bib = BibliographyCache().load([tmp_path / "refs.bib"], tmp_path)
    assert not bib.problems
    ref = bib.references["quintero2024"]
    assert ref.design == "rct" and ref.fields["design_inferred"] == "yes"
    assert ref.doi == DOI.lower() and ref.pmid == "99999901" and ref.year == 2024
    assert ref.authors[0].startswith("Quintero") and ref.journal == "Journal of Invented Results"
    assert "Results: Forty invented people took part and 50% walked faster" in ref.fields["abstract"]
    assert "added @quintero2024" in capsys.readouterr().out


def test_add_refuses_a_doi_or_key_already_there(tmp_path, server, capsys):
    assert _add(tmp_path, server, DOI, "99999901") == 0
    assert _add(tmp_path, server, DOI) == 2
    assert "already there" in capsys.readouterr().err
    assert _add(tmp_path, server, "99999901") == 2  # same DOI, found through PubMed


def test_second_run_works_offline_from_the_cache(tmp_path, server, capsys):
    assert _add(tmp_path, server, DOI, "99999901") == 0
    (tmp_path / "refs.bib").unlink()
    offline = "http://127.0.0.1:9"  # nothing listens on the discard port
    assert (
        main(
            [
                "add",
                DOI,
                "99999901",
                "--bib",
                str(tmp_path / "refs.bib"),
                "--cache-dir",
                str(tmp_path / "cache"),
                "--crossref-url",
                server,
                "--eutils-url",
                server,
            ]
        )
        == 0
    )
    assert len(_Recorded.requests) == 2  # the second run read the cache
    assert (
        main(
            [
                "add",
                "10.5555/other",
                "--bib",
                str(tmp_path / "other.bib"),
                "--cache-dir",
                str(tmp_path / "cache"),
                "--crossref-url",
                offline,
            ]
        )
        == 2
    )
    err = capsys.readouterr().err
    assert err.count("error:") == 1 and "cannot reach 127.0.0.1:9" in err and "Traceback" not in err
