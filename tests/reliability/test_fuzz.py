"""Property-based fuzzing of every stage that reads text from the web: nothing escapes, offsets stay inside.

Each test is bounded (`max_examples` below, about 15 s in all; MARSAD_FUZZ_SCALE=20 multiplies it). The number of
cases each target ran is printed at the end of the session and written to tests/reliability/artifacts/
fuzz_cases.json. A coverage-guided harness over the ingestion and text targets is `fuzz_ingest.py` (atheris, not
run by pytest).
"""
from __future__ import annotations

import bz2
import gzip
import io
import json
import os
import zipfile
from collections import Counter
from collections.abc import Sequence

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.clean import clean, clean_text
from marsad.compare.claims import align_claims
from marsad.compare.contradictions import find_contradictions
from marsad.compare.framing import find_framing
from marsad.extract.ner.mentions import find_mentions
from marsad.extract.quotes.quotes import find_quotes
from marsad.extract.time.timexes import find_publication_date, find_timexes
from marsad.ingest import files
from marsad.ingest.files import read_bytes
from marsad.summarize.extractive import summarize_event
from marsad.text.normalize import match_key, normalize, normalize_with_map, to_western_digits
from marsad.text.sentences import split_sentences
from marsad.text.tokens import proclitic_readings, strip_proclitics, tokenize
from marsad.types import Article, Mention, RawDocument, Rejected

FAST, MEDIUM, SLOW = 300, 120, 25  # max_examples by cost of the target
SCALE = float(os.environ.get("MARSAD_FUZZ_SCALE", "1"))  # MARSAD_FUZZ_SCALE=20 for a long run


def budget(n: int) -> settings:
    """Hypothesis settings for a target worth `n` cases: no deadline (first calls load models), quiet checks."""
    return settings(max_examples=max(1, int(n * SCALE)), deadline=None, derandomize=False,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much])


# --- what the web sends: Arabic news vocabulary, marks, digits, quotes, controls, and plain noise -------------

WORDS = (
    "أمس اليوم غدا الخميس الأربعاء الجمعة الماضي المقبل الماضية المقبلة 12 ٢٠٢٥ ١٢ 2025 1446 31 0 آذار/مارس مارس "
    "يناير كانون الثاني شباط فبراير رمضان شوال هـ م الساعة 5:42 23:59 مساءً صباحا منذ يومين أسبوع أسابيع خلال بين "
    "من إلى حتى عام العام الموافق قال وقال أكد وأضاف أضاف إن أن وفقا لـ حسب نقلا عن الوزير المتحدث باسم وزارة "
    "الخارجية مصدر مطلع لرويترز ناصر بوريطة محمد بن سلمان الملك الرياض عمّان الرباط بغداد القاهرة قتيلا قتلى ثلاثة "
    "عشرات مليون دولار بالمئة % إرهابي الاحتلال شهيد الأمم المتحدة رئيس الوزراء وللرباط بالرياض والحكومة"
).split() + ["«", "»", "“", "”", '"', "'", "،", ".", "؟", "!", ":", "-", "—", "(", ")", "/", "…", "..", "\n",
             "\n\n", " ", "ـ", "َ", "ّ", "ٌ", "\u202e", "\u202b", "\u2066", "\u200f", "\u200b", "\ufeff", "\u00a0",
             "\t", "\r", "U.S.", "2.5", "٣٫٥", "A", "é"]
ARABIC = "ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإؤئىةًٌٍَُِّْـ٠١٢٣٤٥٦٧٨٩۰۱۲۳«»“”\n .،؛؟!:"
ALPHABET = st.characters(codec="utf-8") | st.sampled_from(ARABIC)
TEXT = st.one_of(
    st.text(ALPHABET, max_size=300),
    st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join),
    st.lists(st.sampled_from(WORDS) | st.text(ALPHABET, max_size=4), max_size=60).map("".join),
)
PUBLISHED = st.one_of(
    st.none(),
    st.dates().map(lambda d: d.isoformat()),
    st.datetimes().map(lambda d: d.isoformat()),
    st.sampled_from(["", "2025-02-30", "0000-00-00", "9999-12-31", "0001-01-01", "2025-13-01T25:61", "-1", "نشر",
                     "2025", "2025-03", "Thu, 13 Mar 2025 10:00:00 +0000", "1446-09-12"]),
    st.text(ALPHABET, max_size=20),
)


def assert_span(text: str, start: int, end: int, shown: str | None = None) -> None:
    """A span lies inside the text, in order, and (when given) its shown string is the text it covers."""
    assert 0 <= start <= end <= len(text), (start, end, len(text))
    if shown is not None:
        assert text[start:end] == shown, (text[start:end], shown)


# --- text layer --------------------------------------------------------------------------------------------------

@budget(FAST)
@given(text=TEXT)
def test_normaliser_keeps_a_map_back(cases: Counter[str], text: str) -> None:
    cases["normalize_with_map"] += 1
    norm = normalize_with_map(text)
    assert norm.text == normalize(text) and len(norm.offsets) == len(norm.text)
    assert all(a < b for a, b in zip(norm.offsets, norm.offsets[1:], strict=False))
    assert all(0 <= o < len(text) for o in norm.offsets)
    for start in range(0, len(norm.text) + 1, 7):
        assert_span(text, *norm.to_original(start, min(len(norm.text), start + 5)))
    assert normalize(norm.text) == norm.text  # idempotent
    assert len(to_western_digits(text)) == len(text)
    assert match_key(text) == match_key(match_key(text))


@budget(FAST)
@given(text=TEXT)
def test_sentences_are_ordered_trimmed_spans(cases: Counter[str], text: str) -> None:
    cases["split_sentences"] += 1
    end = 0
    for s in split_sentences(text):
        assert_span(text, s.start, s.end)
        assert s.start >= end and s.end > s.start
        piece = text[s.start:s.end]
        assert piece == piece.strip() and "\n" not in piece
        end = s.end


@budget(FAST)
@given(text=TEXT, known=st.sets(st.sampled_from(WORDS), max_size=20))
def test_tokens_and_clitics(cases: Counter[str], text: str, known: set[str]) -> None:
    cases["tokenize+clitics"] += 1
    end = 0
    for tok in tokenize(text):
        assert_span(text, tok.start, tok.end, tok.text)
        assert tok.start >= end
        end = tok.end
        cut, bare = strip_proclitics(tok.text, known.__contains__)
        assert 0 <= cut <= len(tok.text) and bare
        assert all(0 < n <= len(tok.text) for n, _ in proclitic_readings(tok.text))


# --- cleaning ----------------------------------------------------------------------------------------------------

@budget(FAST)
@given(body=TEXT)
def test_clean_text_never_fails(cases: Counter[str], body: str) -> None:
    cases["clean_text"] += 1
    text = clean_text(body)
    assert all(line and line == line.strip() for line in text.split("\n")) or text == ""
    assert "\u202e" not in text and "\ufeff" not in text


HTML_BITS = st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<script>", "</script>", "<!--", "-->", "<br/>",
                             "<![CDATA[", "]]>", "&amp;", "&#0;", "&#x110000;", "&lol;", "<title>", "</title>",
                             "<article>", "<meta name='date' content='2025-03-12'>", "<html>", "<body>",
                             "<svg onload=x>", "<a href='javascript:x'>", "</a>", "<table><tr><td>",
                             "<?xml version='1.0'?>"])


@budget(MEDIUM)
@given(body=st.lists(HTML_BITS | st.sampled_from(WORDS), max_size=120).map(" ".join) | TEXT,
       fmt=st.sampled_from(["text", "html"]), published=PUBLISHED)
def test_clean_gives_an_article_or_a_reason(cases: Counter[str], body: str, fmt: str, published: str | None) -> None:
    cases["clean"] += 1
    result = clean(RawDocument(id="a", path="p", body=body, format=fmt, published=published))
    assert isinstance(result, Rejected) or result.text.strip()


# --- per-article extraction ------------------------------------------------------------------------------------

@budget(FAST)
@given(text=TEXT, published=PUBLISHED)
def test_time_expressions_are_spans_of_the_text(cases: Counter[str], text: str, published: str | None) -> None:
    cases["find_timexes"] += 1
    for t in find_timexes("a", text, published):
        assert_span(text, t.start, t.end, t.text)
        assert t.end > t.start and isinstance(t.value, str) and t.value
    found = find_publication_date(text)
    assert found is None or len(found) == 10


@st.composite
def text_with_mentions(draw: st.DrawFn) -> tuple[str, tuple[Mention, ...]]:
    """Text and well-formed mention spans over it (what the NER stage hands the quote finder)."""
    text = draw(TEXT)
    mentions = []
    for _ in range(draw(st.integers(0, 4))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 20)))
        if end > start:
            mentions.append(Mention("a", start, end, text[start:end], draw(st.sampled_from(["PER", "ORG", "GPE"]))))
    return text, tuple(sorted(mentions, key=lambda m: m.start))


@budget(FAST)
@given(given_text=text_with_mentions())
def test_quotes_are_spans_of_the_text(cases: Counter[str], given_text: tuple[str, tuple[Mention, ...]]) -> None:
    cases["find_quotes"] += 1
    text, mentions = given_text
    for q in find_quotes("a", text, mentions):
        assert_span(text, q.start, q.end, q.text)
        if q.speaker_start >= 0:
            assert_span(text, q.speaker_start, q.speaker_end)
    cases["find_framing"] += 1
    framing = find_framing("a", text, find_quotes("a", text, mentions))
    assert all(term.count >= 1 for term in framing.terms)


@budget(SLOW)
@given(text=TEXT)
def test_entity_mentions_are_spans_of_the_text(cases: Counter[str], text: str) -> None:
    cases["find_mentions"] += 1
    for m in find_mentions("a", text):
        assert_span(text, m.start, m.end)
        assert m.end > m.start
        # by design the name keeps its article where ل swallowed the alef: للرباط -> span رباط, text الرباط
        assert m.text in (text[m.start:m.end], "ال" + text[m.start:m.end]), (m, text[m.start:m.end])
    assert all(q.start <= q.end for q in find_quotes("a", text, find_mentions("a", text)))


# --- cross-document: claims, contradictions, summaries on random articles -------------------------------------

@budget(MEDIUM // 2)
@given(texts=st.lists(TEXT, min_size=1, max_size=3), published=st.lists(PUBLISHED, min_size=3, max_size=3))
def test_claims_cite_their_own_text(cases: Counter[str], texts: Sequence[str], published: list[str | None]) -> None:
    cases["claims+contradictions+summary"] += 1
    articles = [Article(id=f"a{i}", text=t, source=f"outlet{i}", published=published[i])
                for i, t in enumerate(texts) if t.strip()]
    timexes = {a.id: find_timexes(a.id, a.text, a.published) for a in articles}
    claims = align_claims("v1", articles, {}, timexes)
    by_id = {a.id: a for a in articles}
    for claim in claims:
        for support in claim.support:
            if support.start >= 0:
                assert_span(by_id[support.article].text, support.start, support.end, support.sentence)
    find_contradictions("v1", claims, articles, timexes)
    if articles:
        for sentence in summarize_event("v1", articles, claims).sentences:
            assert sentence.text in by_id[sentence.article].text


# --- ingestion: random bytes and structured hostile files ------------------------------------------------------

NAMES = ["a.txt", "a.html", "a.json", "a.jsonl", "a.xml", "a.rss", "a.atom", "a.zip", "a.gz", "a.txt.gz", "a.bin"]


def read_all(data: bytes, name: str) -> list[RawDocument | Rejected]:
    """Every item read from one file's bytes; each is a document or a reason."""
    items = list(read_bytes(data, name, name))
    assert all(isinstance(i, RawDocument | Rejected) for i in items)
    return items


@budget(FAST)
@given(data=st.binary(max_size=600) | TEXT.map(lambda t: t.encode("utf-8")), name=st.sampled_from(NAMES))
def test_random_bytes_are_read_or_rejected(cases: Counter[str], data: bytes, name: str) -> None:
    cases["read_bytes(random)"] += 1
    for item in read_all(data, name):
        if isinstance(item, RawDocument):
            assert isinstance(clean(item), Article | Rejected)


JSON_VALUE = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(ALPHABET, max_size=30),
                          lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
                              st.sampled_from(["id", "text", "body", "content", "title", "source", "url",
                                               "published", "date", "author", "x"]), inner, max_size=6),
                          max_leaves=20)


@budget(MEDIUM)
@given(records=st.lists(JSON_VALUE, max_size=5), name=st.sampled_from(["a.json", "a.jsonl"]))
def test_json_records_of_any_shape(cases: Counter[str], records: list[object], name: str) -> None:
    cases["read_bytes(json shapes)"] += 1
    if name.endswith(".jsonl"):
        data = "\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode("utf-8")
    else:
        data = json.dumps(records, ensure_ascii=False).encode("utf-8")
    for item in read_all(data, name):
        if isinstance(item, RawDocument):
            assert item.body.strip() and isinstance(item.id, str)


def _entity_bomb(root: str) -> bytes:
    """A billion-laughs document (10^9 'lol's if expanded) with `root` as its body; {} marks where &lol9; goes."""
    levels = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)]
    return ('<?xml version="1.0"?>\n<!DOCTYPE r [' + "".join(levels) + "]>\n" + root.format("&lol9;")).encode()


def _nested_zip(depth: int) -> bytes:
    data, name = "نص عربي قصير".encode(), "a.txt"
    for level in range(depth):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as archive:
            archive.writestr(name, data)
        data, name = buf.getvalue(), f"level{level}.zip"
    return data


def _nested_gz(depth: int) -> tuple[bytes, str]:
    data = "نص عربي قصير".encode()
    for _ in range(depth):
        data = gzip.compress(data, compresslevel=1)
    return data, "a.txt" + ".gz" * depth


RSS = ('<rss version="2.0"><channel><title>t</title><item><title>x</title><description>{}</description></item>'
       "</channel></rss>")
HOSTILE_FILES = {
    "deep JSON array": (b"[" * 100_000 + b"]" * 100_000, "a.json"),
    "deep JSON line": (b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "a.jsonl"),
    "huge integer": (b'{"id": ' + b"9" * 5000 + b', "text": "x"}', "a.json"),
    "huge integer line": (b'{"id": ' + b"9" * 5000 + b', "text": "x"}', "a.jsonl"),
    "huge float": (b'[{"id": 1e999999, "text": "x", "title": -1e999999}]', "a.json"),
    "invalid UTF-8": (b'{"text": "\xd9\x85\xff\xfe\xc0\xaf \xed\xa0\x80"}', "a.jsonl"),
    "lone surrogate escape": (b'{"id": "\\ud800", "text": "\\udfff x"}', "a.jsonl"),
    "NUL escape": (b'{"text": "a\\u0000b"}', "a.jsonl"),
    "billion laughs RSS": (_entity_bomb(RSS), "a.rss"),
    "billion laughs HTML": (_entity_bomb("<html><body><article><p>" + "نص عربي كاف ليكون مقالا. " * 20
                                         + "{}</p></article></body></html>"), "a.html"),
    "external entity RSS": (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                            + RSS.format("a &xxe; b").encode(), "a.rss"),
    "deep HTML": (b"<div>" * 50_000 + "نص عربي".encode() * 50 + b"</div>" * 50_000, "a.html"),
    "deep feed markup": (RSS.format("<div>" * 20_000 + "x y" + "</div>" * 20_000).encode(), "a.rss"),
    "nested zip (quine-like)": (_nested_zip(60), "top.zip"),
    "nested gz": _nested_gz(60),
    "encrypted zip member": (b"", "enc.zip"),  # filled in below
    "bzip2 named gz": (bz2.compress(b"x" * 1000), "a.gz"),
}


def _encrypted_zip() -> bytes:
    """A zip whose member claims to be encrypted (flag bit 0): zipfile refuses to read it without a password."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("a.txt", "نص")
    data = bytearray(buf.getvalue())
    for sig, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(sig)
        data[at + flag_at] |= 1
    return bytes(data)


def _broken_zip(how: str) -> bytes:
    """A deflated zip with its member's data scrambled, or its compression method set to one zipfile lacks."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.txt", "نص عربي " * 200)
    data = bytearray(buf.getvalue())
    if how == "scrambled":
        at = data.find(b"PK\x03\x04") + 30 + len("a.txt")
        data[at:at + 20] = bytes(b ^ 0x5A for b in data[at:at + 20])
    else:
        for sig, method_at in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
            at = data.find(sig) + method_at
            data[at:at + 2] = b"\x63\x00"  # method 99 (AES): not supported
    return bytes(data)


HOSTILE_FILES["encrypted zip member"] = (_encrypted_zip(), "enc.zip")
HOSTILE_FILES["corrupt deflate member"] = (_broken_zip("scrambled"), "bad.zip")
HOSTILE_FILES["unsupported zip method"] = (_broken_zip("method"), "aes.zip")


@pytest.mark.parametrize("case", list(HOSTILE_FILES))
def test_hostile_files_are_read_or_rejected(cases: Counter[str], case: str) -> None:
    cases["read_bytes(hostile files)"] += 1
    data, name = HOSTILE_FILES[case]
    for item in read_all(data, name):
        if isinstance(item, RawDocument):
            assert "root:" not in item.body and item.body.count("lol") < 1000  # no file read, no entity expanded
            article = clean(item)
            assert isinstance(article, Rejected) or article.text.count("lol") < 1000


def test_a_gzip_bomb_is_refused_not_unpacked(monkeypatch: pytest.MonkeyPatch, cases: Counter[str]) -> None:
    cases["read_bytes(hostile files)"] += 1
    monkeypatch.setattr(files, "MAX_BATCH_BYTES", 1_000_000)
    bomb = gzip.compress(b"\0" * 20_000_000, compresslevel=9)  # 20 MB in about 20 KB
    [item] = read_all(bomb, "a.jsonl.gz")
    assert isinstance(item, Rejected) and "more than" in item.reason


def test_archives_nested_too_deep_are_rejected(cases: Counter[str]) -> None:
    cases["read_bytes(hostile files)"] += 2
    assert any(isinstance(i, Rejected) and "nested" in i.reason for i in read_all(_nested_zip(2000), "top.zip"))
    data, name = _nested_gz(2000)
    assert any(isinstance(i, Rejected) and "nested" in i.reason for i in read_all(data, name))
    assert [type(i) for i in read_all(*_nested_gz(3))] == [RawDocument]  # a sensible depth still reads


# --- regressions: crashes the fuzzing above found, kept as plain cases -----------------------------------------

@pytest.mark.parametrize(("text", "published"), [
    ("آمس", "0001-01-01"),                  # OverflowError: a day before the first representable date
    ("غدا", "9999-12-31"),
    ("الخميس الماضي", "0001-01-01"),
    ("الأسبوع المقبل", "9999-12-31"),
])
def test_relative_dates_at_the_ends_of_the_calendar(text: str, published: str) -> None:
    assert find_timexes("a", text, published) == []  # no usable anchor: relative dates are left out, not guessed
