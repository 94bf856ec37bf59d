"""Coverage-guided fuzzing (atheris) of ingestion, cleaning and the text stages; not collected by pytest.

    pip install atheris
    python tests/reliability/fuzz_ingest.py -atheris_runs=200000 -max_len=4096 [corpus_dir]

The first input byte picks the file type; the rest is the file. Every document read is cleaned and, when an
article is left, run through normalisation, sentences, tokens, time expressions and quotes, checking the same
invariants as test_fuzz.py: nothing but a document or a reason comes out, and every span lies inside the text.
"""
from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["marsad"]):
    from marsad.clean import clean
    from marsad.extract.quotes.quotes import find_quotes
    from marsad.extract.time.timexes import find_timexes
    from marsad.ingest.files import read_bytes
    from marsad.text.normalize import normalize_with_map
    from marsad.text.sentences import split_sentences
    from marsad.text.tokens import tokenize
    from marsad.types import Article, RawDocument, Rejected

NAMES = ("a.txt", "a.html", "a.json", "a.jsonl", "a.rss", "a.atom", "a.xml", "a.zip", "a.gz", "a.jsonl.gz")
PUBLISHED = (None, "2025-03-12", "0001-01-01", "9999-12-31", "2024-02-29T23:59:59")


def _inside(text: str, start: int, end: int) -> None:
    if not 0 <= start <= end <= len(text):
        raise AssertionError(f"span {start}:{end} outside a text of {len(text)}")


def check_article(article: Article, published: str | None) -> None:
    """The per-article text stages on one clean article: every span inside the text, cut from it."""
    text = article.text
    norm = normalize_with_map(text)
    if len(norm.offsets) != len(norm.text):
        raise AssertionError("offset map length")
    for s in split_sentences(text):
        _inside(text, s.start, s.end)
    for t in tokenize(text):
        _inside(text, t.start, t.end)
    for x in find_timexes(article.id, text, published):
        _inside(text, x.start, x.end)
        if text[x.start:x.end] != x.text:
            raise AssertionError("timex text")
    for q in find_quotes(article.id, text, ()):
        _inside(text, q.start, q.end)


def test_one_input(data: bytes) -> None:
    if len(data) < 2:
        return
    name, published = NAMES[data[0] % len(NAMES)], PUBLISHED[data[1] % len(PUBLISHED)]
    for item in read_bytes(data[2:], name, name):
        if isinstance(item, Rejected):
            continue
        if not isinstance(item, RawDocument):
            raise AssertionError(f"read_bytes gave {type(item).__name__}")
        article = clean(item)
        if isinstance(article, Article):
            check_article(article, published)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
