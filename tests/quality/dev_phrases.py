"""Rare phrases of the development corpora that reappear in the project's own files.

A phrase of three Arabic words that occurs in a development corpus (the seeds, `eval/*/corpus` and their answer
keys) and nowhere in SaudiNewsNet is a trace of that corpus: a rule, row or test written from one of its sentences.
This module lists such phrases found in the given folders; `test_dev_phrases.py` fails on any that is not in the
reviewed allow list (`dev_phrases_allowed.tsv`: famous names and institutions, broad public knowledge).

Run it to see the list:  .venv/bin/python -m tests.quality.dev_phrases src tests
"""
from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.quality.corpora import ROOT, SHARED, development_corpora, saudinewsnet_records

from marsad.text.normalize import normalize

N = 3
ALLOW_FILE = Path(__file__).with_name("dev_phrases_allowed.tsv")
_ARABIC_WORD = re.compile("[\u0621-\u064a\u0671-\u06d3]{2,}")  # a letter alone is a clitic named in a comment
_BREAK = re.compile(r"[^\u0621-\u064a\u0671-\u06d3\s]+")  # anything but Arabic letters and spaces ends a phrase
_TEXT_SUFFIXES = {".py", ".tsv", ".txt", ".j2", ".json", ".jsonl", ".md", ".html", ".css", ".toml", ".cfg"}


def phrases(text: str) -> Iterator[str]:
    """Every run of N consecutive Arabic words (normalised) that punctuation or a one-letter word does not break."""
    for stretch in _BREAK.split(normalize(text)):
        run: list[str] = []
        for word in [*stretch.split(), ""]:
            if _ARABIC_WORD.fullmatch(word):
                run.append(word)
                continue
            yield from (" ".join(run[i:i + N]) for i in range(len(run) - N + 1))
            run = []


def dev_corpus_files(shared: Path) -> list[Path]:
    """The texts and answer keys of every development corpus in `shared`."""
    return [p for corpus, gold in development_corpora(shared).values()
            for p in [*sorted(q for q in corpus.rglob("*") if q.is_file()), gold]]


def saudinewsnet_texts(folder: Path) -> Iterator[str]:
    """Title and content of every SaudiNewsNet article."""
    for article in saudinewsnet_records(folder):
        yield f"{article.get('title') or ''}\n{article.get('content') or ''}"


def own_files(folders: Iterable[Path]) -> Iterator[Path]:
    """The project's text files under `folders` (code, comments, tables, templates), this lint's own excepted."""
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in _TEXT_SUFFIXES and path.parent != ALLOW_FILE.parent:
                yield path


@dataclass(frozen=True)
class Hit:
    """A rare development phrase and where it occurs in the project."""

    phrase: str
    path: Path


def rare_dev_phrases_in(folders: Iterable[Path], shared: Path = SHARED) -> list[Hit]:
    """Phrases of the development corpora that are absent from SaudiNewsNet and occur in files under `folders`."""
    dev: set[str] = set()
    for path in dev_corpus_files(shared):
        dev.update(phrases(path.read_text(encoding="utf-8", errors="ignore")))
    found: dict[str, set[Path]] = {}
    for path in own_files(folders):
        for phrase in set(phrases(path.read_text(encoding="utf-8", errors="ignore"))) & dev:
            found.setdefault(phrase, set()).add(path)
    if not found:
        return []
    common = set()
    for text in saudinewsnet_texts(shared / "data" / "saudinewsnet"):
        common.update(p for p in phrases(text) if p in found)
        if len(common) == len(found):
            break
    return [Hit(p, path) for p in sorted(found.keys() - common) for path in sorted(found[p])]


def allowed_phrases(path: Path = ALLOW_FILE) -> set[str]:
    """The reviewed allow list: one normalised phrase a row, with the reason it is broad public knowledge."""
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines())
    return {normalize(row[0]).strip() for row in rows if row[0] and not row[0].startswith("#")}


def main(argv: list[str]) -> None:
    folders = [ROOT / a for a in argv] or [ROOT / "src"]
    allowed = allowed_phrases()
    for hit in rare_dev_phrases_in(folders):
        mark = "allowed" if hit.phrase in allowed else "RARE"
        print(f"{mark}\t{hit.phrase}\t{hit.path.relative_to(ROOT)}")


if __name__ == "__main__":
    main(sys.argv[1:])
