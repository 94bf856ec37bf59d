"""Name lists for NER: places (GPE/LOC), organisations, titles, organisation head nouns, given names.

Hand-written lists live in `marsad/models/gazetteer/*.txt`; `cldr_places.tsv` is derived from Babel's CLDR
Arabic data (territories, regions, time-zone cities) and rebuilt by `build_cldr_places()`
(`python -m marsad.extract.gazetteer`). Every entry is stored folded (`ner_normal.fold`), as a tuple of words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from marsad.extract.ner_normal import fold

GAZETTEER_DIR = Path(__file__).resolve().parent.parent / "models" / "gazetteer"
CLDR_FILE = "cldr_places.tsv"

Phrase = tuple[str, ...]


def _words(name: str) -> Phrase:
    return tuple(fold(name).replace("،", " ").split())


def _read_list(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [x.strip() for x in lines if x.strip() and not x.startswith("#")]


def cldr_places() -> list[tuple[str, str]]:
    """(Arabic name, GPE|LOC) from CLDR: territories are GPE, world regions LOC, time-zone cities GPE."""
    from babel import Locale

    ar = Locale("ar")
    rows: list[tuple[str, str]] = []
    for code, name in sorted(ar.territories.items()):
        if code in ("001", "ZZ", "EZ", "UN", "QO"):
            continue
        kind = "LOC" if code.isdigit() or code in ("EU", "AQ") else "GPE"
        rows.append((name, kind))
    for _, names in sorted(ar.time_zones.items()):
        city = names.get("city")
        if city and "،" not in city and not re.search(r"[A-Za-z]", city):
            rows.append((city, "GPE"))
    seen: set[str] = set()
    return [r for r in rows if not (r[0] in seen or seen.add(r[0]))]  # type: ignore[func-returns-value]


def build_cldr_places(out_dir: Path = GAZETTEER_DIR) -> Path:
    """Regenerate `cldr_places.tsv` from the installed Babel; returns the file written."""
    path = out_dir / CLDR_FILE
    path.write_text("".join(f"{n}\t{t}\n" for n, t in cldr_places()), encoding="utf-8")
    return path


@dataclass
class Gazetteer:
    """Folded name lists; `phrases` maps a word tuple to its type for multi-word matching."""

    phrases: dict[Phrase, str] = field(default_factory=dict)
    titles: set[Phrase] = field(default_factory=set)
    title_starts: set[str] = field(default_factory=set)  # first words of titles
    org_heads: set[str] = field(default_factory=set)
    given: set[str] = field(default_factory=set)
    starts: set[str] = field(default_factory=set)
    max_len: int = 1

    def add(self, name: str, kind: str) -> None:
        words = _words(name)
        if words and words not in self.phrases:
            self.phrases[words] = kind
            self.starts.add(words[0])
            self.max_len = max(self.max_len, len(words))

    def single(self, word: str) -> str | None:
        """The type of a one-word entry (folded), or None."""
        return self.phrases.get((word,))

    def known(self, word: str) -> bool:
        """True when a folded word is a name, a given name, a title or a head noun in some list."""
        return (word,) in self.phrases or word in self.given or word in self.org_heads or (word,) in self.titles

    def match(self, words: list[str], i: int) -> tuple[int, str] | None:
        """Longest entry starting at words[i]: (length, type), or None."""
        if words[i] not in self.starts:
            return None
        for n in range(min(self.max_len, len(words) - i), 0, -1):
            kind = self.phrases.get(tuple(words[i:i + n]))
            if kind:
                return n, kind
        return None


@lru_cache(maxsize=2)
def load_gazetteer(folder: Path = GAZETTEER_DIR) -> Gazetteer:
    """Read every list in `folder` once per process."""
    g = Gazetteer()
    cldr = folder / CLDR_FILE
    for name in _read_list(folder / "cities.txt") + _read_list(folder / "countries_extra.txt"):
        g.add(name, "GPE")
    for name in _read_list(folder / "regions.txt"):
        g.add(name, "LOC")
    if cldr.exists():
        for line in _read_list(cldr):
            name, kind = line.split("\t")
            g.add(name, kind)
    for name in _read_list(folder / "organizations.txt"):
        g.add(name, "ORG")
    g.titles = {_words(t) for t in _read_list(folder / "titles.txt")}
    g.title_starts = {t[0] for t in g.titles}
    g.org_heads = {fold(w) for w in _read_list(folder / "org_heads.txt") if " " not in w}
    g.given = {w for n in _read_list(folder / "given_names.txt") for w in _words(n)[:1]}
    return g


if __name__ == "__main__":
    print(build_cldr_places())
