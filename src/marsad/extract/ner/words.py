"""The language knowledge of the entity stage's document pass, read from data files: the rules keep none inline.

- `models/ner/words.tsv`: word classes (`class<TAB>word`): stop words that end a name chain, ل-words of purpose,
  adjectives that continue a name, the links of a person's name, place heads, media nouns ... (`words`).
- `models/gazetteer/name_heads.txt`: head nouns that open a multi-word name, their type and roles (`load_heads`,
  `heads_with`).
- `models/time/months.tsv`: month names, which are no names of ours alone (`month_names`).
- `models/gazetteer/titles.txt`: titles (`gazetteer.load_gazetteer`: `titles` for the CRF features, `rule_titles`
  for the document pass).

Every set holds folded words (`marsad.text.normalize.fold`). The CRF features read none of these files but the
titles (and the model was trained on them: `titles.txt` marks the titles only the rules read).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from marsad.extract.ner.gazetteer import GAZETTEER_DIR
from marsad.resources import MODELS_DIR, fields
from marsad.text.normalize import LETTER_VARIANTS, fold

WORDS_FILE = MODELS_DIR / "ner" / "words.tsv"
MONTHS_FILE = MODELS_DIR / "time" / "months.tsv"  # the one list of month names (the time stage's)
HEADS_FILE = "name_heads.txt"
HEAD_ROLES = frozenset({"weak", "alias", "coord", "definite", "definite_coord", "led_by", "system", "appositive",
                        "named", "classing", "eponym"})
_OF_DEFINITE_FORM = ("definite", "definite_coord")  # roles that name the head's ال form
_ALIF = fold("\u0622")  # the bare alif, which `fold` makes of its hamza and madda seats
_HAMZA_ALIFS = frozenset(c for c, plain in LETTER_VARIANTS.items() if plain == _ALIF)
_ALIFS = _HAMZA_ALIFS | {_ALIF}


@lru_cache(maxsize=2)
def word_classes(path: Path = WORDS_FILE) -> dict[str, frozenset[str]]:
    """class -> its folded words, from the `class<TAB>word` rows of `path`."""
    classes: dict[str, set[str]] = defaultdict(set)
    for name, word, *_ in fields(path):
        classes[name].add(fold(word))
    return {name: frozenset(found) for name, found in classes.items()}


def words(name: str) -> frozenset[str]:
    """The folded words of one class of `models/ner/words.tsv` (KeyError for a class the file does not have)."""
    return word_classes()[name]


@lru_cache(maxsize=1)
def month_names() -> frozenset[str]:
    """The folded month names of every calendar and region (نيسان، يناير، جانفي، رمضان ...)."""
    return frozenset(fold(row[2]) for row in fields(MONTHS_FILE))


@dataclass(frozen=True, slots=True)
class Head:
    kind: str  # ORG LOC GPE MISC
    definite: bool


def _head_rows(folder: Path) -> list[tuple[str, str, bool, tuple[str, ...]]]:
    """(folded head, type, definite, roles) of each row of the head file."""
    rows = []
    for word, kind, *rest in fields(folder / HEADS_FILE):
        roles = tuple(rest[0].split()) if rest else ()
        unknown = set(roles) - HEAD_ROLES
        if unknown:
            raise ValueError(f"{folder / HEADS_FILE}: {word}: unknown roles {sorted(unknown)}")
        definite = word.startswith("=")
        rows.append((fold(word[1:] if definite else word), kind, definite, roles))
    return rows


@lru_cache(maxsize=1)
def _head_alifs() -> dict[str, tuple[str, ...]]:
    """folded head (and its ال form) -> the alifs of each of its written forms, in order."""
    alifs: dict[str, tuple[str, ...]] = defaultdict(tuple)
    for word, *_ in fields(GAZETTEER_DIR / HEADS_FILE):
        written = word.removeprefix("=")
        seats = "".join(c for c in written if c in _ALIFS)
        alifs[fold(written)] += (seats,)
        if not word.startswith("="):
            alifs[fold("ال" + written)] += (_ALIF + seats,)
    return dict(alifs)


def written_as_head(word: str, head: str) -> bool:
    """Whether a written word folded like the folded head `head` is that head: not when it writes a hamza where
    every listed spelling of the head has a bare alif (وأدى "and led" folds like وادي "valley"); a hamza left out
    is only a spelling."""
    mine = [c for c in word if c in _ALIFS]
    return any(not any(w in _HAMZA_ALIFS and h == _ALIF for w, h in zip(reversed(mine), reversed(seats), strict=False))
               for seats in _head_alifs().get(head, ("",)))


@lru_cache(maxsize=2)
def load_heads(folder: Path = GAZETTEER_DIR) -> dict[str, Head]:
    """folded head word -> Head (indefinite heads and their derived definite forms)."""
    heads: dict[str, Head] = {}
    for w, kind, definite, _ in _head_rows(folder):
        if definite:
            heads[w] = Head(kind, True)
            continue
        heads.setdefault(w, Head(kind, False))
        heads.setdefault("ال" + w, Head(kind, True))
    return heads


@lru_cache(maxsize=16)
def heads_with(role: str, folder: Path = GAZETTEER_DIR) -> frozenset[str]:
    """The folded heads with `role` (`definite`, `definite_coord`: the head's ال form; a `=word` row: the word)."""
    if role not in HEAD_ROLES:
        raise ValueError(f"unknown head role {role!r}")
    return frozenset(w if definite or role not in _OF_DEFINITE_FORM else "ال" + w
                     for w, _, definite, roles in _head_rows(folder) if role in roles)
