"""Every input format and encoding, manifests, archives, and bad input that must be reported, not raised."""
from __future__ import annotations

import gzip
import json
import unicodedata
import zipfile
from pathlib import Path

import pytest

from marsad.ingest import read_inputs
from marsad.ingest.decode import decode_bytes
from marsad.types import RawDocument, Rejected

BODY = "وقع البلدان اتفاقا للتعاون في مجال المياه يوم الأربعاء في العاصمة."


def docs(*paths: Path) -> list[RawDocument]:
    return [d for d in read_inputs(paths) if isinstance(d, RawDocument)]


def problems(*paths: Path) -> list[Rejected]:
    return [d for d in read_inputs(paths) if isinstance(d, Rejected)]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1256", "iso8859_6"])
def test_text_in_every_encoding(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes((BODY + "\n" + BODY).encode(encoding))
    [doc] = docs(path)
    assert doc.body.startswith(BODY) and doc.id == "story" and doc.format == "text"


def test_text_is_read_in_nfc_line_by_line_as_a_whole_text_would_be() -> None:
    """Decomposed letters (alef + combining hamza, e + acute) on some lines, composed ones on others, a combining
    mark at the start of a line: the same text as normalising the whole at once."""
    text = "قال \u0627\u0654حمد\r\nسطر مركب أحمد\n\u0654بداية بعلامة\nCafe\u0301 ا\u0653خر\n"
    read = decode_bytes(text.encode("utf-8"))
    assert read == unicodedata.normalize("NFC", text.replace("\r\n", "\n"))
    assert "أحمد" in read.splitlines()[0] and "آخر" in read.splitlines()[3]


def test_html_page_is_marked_for_extraction(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(f"<html><body><p>{BODY}</p></body></html>", encoding="utf-8")
    [doc] = docs(tmp_path)
    assert doc.format == "html" and doc.id == "page"


def test_json_array_and_field_names(tmp_path: Path) -> None:
    records = [{"id": "x1", "content": BODY, "title": "عنوان", "source": "Outlet", "date_extracted": "2015-07-21"},
               {"body": BODY, "url": "https://example.org/a", "published": "2020-01-02", "author": "كاتب"}]
    (tmp_path / "batch.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    first, second = docs(tmp_path)
    assert (first.id, first.source, first.published, first.title) == ("x1", "Outlet", "2015-07-21", "عنوان")
    assert (second.id, second.url, second.published, second.author) == ("batch-1", "https://example.org/a",
                                                                         "2020-01-02", "كاتب")


def test_jsonl_bad_line_is_reported_and_others_kept(tmp_path: Path) -> None:
    path = tmp_path / "lines.jsonl"
    path.write_text(json.dumps({"text": BODY}) + "\n{broken\n" + json.dumps({"text": BODY, "id": "k"}) + "\n",
                    encoding="utf-8")
    assert [d.id for d in docs(path)] == ["lines-1", "k"]
    [problem] = problems(path)
    assert problem.path.endswith("lines.jsonl:2") and "malformed JSON" in problem.reason


def test_record_without_text_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    path.write_text(json.dumps([{"title": "no body"}]), encoding="utf-8")
    [problem] = problems(path)
    assert "no text" in problem.reason


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example Outlet</title>
<item><title>خبر أول</title><link>https://example.org/1</link><guid>item-1</guid>
<pubDate>Wed, 12 Mar 2025 10:00:00 GMT</pubDate>
<description><![CDATA[<p>{body}</p><p>فقرة ثانية.</p>]]></description></item>
<item><title>خبر ثان</title><link>https://example.org/2</link><guid>item-2</guid>
<description>{body}</description></item>
</channel></rss>"""


def test_rss_items(tmp_path: Path) -> None:
    (tmp_path / "feed.xml").write_text(RSS.format(body=BODY), encoding="utf-8")
    first, second = docs(tmp_path)
    assert (first.id, first.title, first.source) == ("item-1", "خبر أول", "Example Outlet")
    assert first.published == "2025-03-12"
    assert first.body == BODY + "\nفقرة ثانية."
    assert second.url == "https://example.org/2"


def test_atom_feed(tmp_path: Path) -> None:
    atom = f"""<?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Outlet</title>
    <entry><id>urn:a1</id><title>خبر</title><updated>2024-05-01T08:00:00Z</updated>
    <content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content></entry></feed>"""
    (tmp_path / "f.atom").write_text(atom, encoding="utf-8")
    [doc] = docs(tmp_path)
    assert (doc.id, doc.body, doc.published) == ("urn:a1", BODY, "2024-05-01")


def test_zip_and_gz_archives(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "batch.zip", "w") as archive:
        archive.writestr("inner/a.txt", BODY)
        archive.writestr("b.jsonl", json.dumps({"text": BODY, "id": "b1"}))
        archive.writestr("notes.pdf", b"%PDF")
    (tmp_path / "c.txt.gz").write_bytes(gzip.compress(BODY.encode("cp1256")))
    assert sorted(d.id for d in docs(tmp_path)) == ["a", "b1", "c"]


def test_manifest_supplies_and_overrides_metadata(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "manifest.jsonl").write_text(
        json.dumps({"id": "m1", "path": "one.txt", "source": "Outlet", "published": "2021-11-24", "title": "T"}) + "\n"
        + json.dumps({"id": "m2", "path": "missing.txt"}) + "\n", encoding="utf-8")
    [doc] = docs(tmp_path)
    assert (doc.id, doc.source, doc.published, doc.title) == ("m1", "Outlet", "2021-11-24", "T")
    [problem] = problems(tmp_path)
    assert problem.path.endswith("missing.txt") and "missing" in problem.reason


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n ", "empty"),
    ("binary.txt", bytes(range(256)) * 8, "binary"),
    ("broken.json", b"[{\"text\": ", "malformed JSON"),
    ("broken.xml", b"<rss><channel><item><title>x</ti", "feed"),
    ("broken.zip", b"PK\x03\x04garbage", "zip"),
    ("broken.gz", b"\x1f\x8bgarbage", "gzip"),
])
def test_bad_files_are_reported_with_a_reason(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    (tmp_path / name).write_bytes(content)
    (tmp_path / "good.txt").write_text(BODY, encoding="utf-8")
    assert [d.id for d in docs(tmp_path)] == ["good"]
    [problem] = problems(tmp_path)
    assert name in problem.path and reason in problem.reason


def test_oversized_article_is_refused_without_reading(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    [problem] = problems(big)
    assert "too large" in problem.reason


def test_missing_path(tmp_path: Path) -> None:
    [problem] = problems(tmp_path / "nope")
    assert "no such file" in problem.reason
