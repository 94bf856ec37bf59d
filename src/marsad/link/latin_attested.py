"""Attested Latin spellings of Arabic personal names, from `arabic-name-romanizer` (MIT; its index of about 60,000
spellings comes from Wikidata, CC0, and two Algerian name corpora, CC0 and MIT; see its THIRD_PARTY_NOTICES.md).

Its index (SQLite, read through its `NameIndex`) gives a whole name when Wikidata labels someone with that very
name (خالد العناني Khaled El-Enany), else the spellings attested for one name part, ranked for the country hint
when one is given (Algeria's French-style spellings for an Algerian outlet). Parts nobody spelled go to its small
ONNX model only when the caller asks for it: the model spells about 30 names a second on one core here, the index
about 3,000.
"""
from __future__ import annotations

import re
from functools import lru_cache

from arabic_name_romanizer import Transliterator
from arabic_name_romanizer.normalize import full_key, lookup_key

from marsad.resources import MODELS_DIR, fields

# Latin words of a spelling that are particles, not name parts: a whole-name spelling may have more name parts
# than the Arabic only through them (عبد الفتاح البرهان Abdel Fattah al-Burhan, not a fuller Wikidata label).
_PARTICLES = frozenset({"al", "el", "bin", "ben", "ibn", "abu", "abou", "bou", "ould", "da", "de"})
_SPLIT = re.compile(r"[\s\-']+")
_ARTICLE = re.compile(r"(?i)(al|el)(?![aeiouy])")  # Al-, El, Elm...: a Latin spelling that starts with an article
_GLUED = re.compile(r"(?i)(al|el)(?![aeiouyl])\w+")  # a name part with the article glued on (Elmsmari)
_ARTICLE_LETTERS = ("ا", "أ", "إ", "آ", "ع")  # ...which a name part that starts with one of these may spell so
_FRENCH = re.compile(r"(?i)dj")  # ج as the French-influenced Maghreb writes it, never the Mashriq press
DJ_COUNTRY = "DZ"  # ...and of the Maghreb, Algeria's press above all (Djamel; Jamal in Morocco and Tunisia)
_FRENCH_W = re.compile(r"ou[aeiy]")
_FRENCH_GH = re.compile(r"gu[eiy]")
_BEN = re.compile(r"(?i)\bben\b")
_SON = frozenset(word for word, role in fields(MODELS_DIR / "link" / "name_particles.tsv") if role == "son")
# An article assimilated to a sun letter and hyphened (At-Turki, Ash-Shaikh): a scholar's transliteration that no
# newspaper prints (the Maghrebi press glues it: Essebsi).
_ASSIMILATED = re.compile(r"(?i)\ba(?:[dnrstz]|dh|sh|th)-\w")
CANDIDATES = 3  # spellings of a part weighed against ours
PART_MIN_COUNT = 2  # a spelling seen once may be one person's own, or a misaligned label
COMMON_PART_COUNT = 5  # a name part this often attested is an Arabic name (Johnson, seen twice, is not)


def _plain(latin: str) -> str:
    """A spelling compared without case, hyphens, apostrophes and spaces."""
    return _SPLIT.sub("", latin).casefold()


def _french_label(latin: str, arabic: str) -> bool:
    """A spelling in the French convention of the Maghreb: `dj` for ج, `ch` for ش, `ou` for a consonant و, `gu`
    for غ before e or i, `-ane` for a final ان (Djabri, Chir, Aisaoui, Guir, Sofiane), `Ben` for the بن of a chain of
    fathers (`_patronymic`), which the Mashriq press writes `bin` (فهد بن عبدالعزيز آل سعود Fahd bin Abdulaziz)."""
    lower = latin.casefold()
    return bool(_FRENCH.search(lower)) \
        or _patronymic(arabic) and bool(_BEN.search(lower)) \
        or "ش" in arabic and "ch" in lower and "sh" not in lower \
        or "و" in arabic and bool(_FRENCH_W.search(lower)) \
        or "غ" in arabic and bool(_FRENCH_GH.search(lower)) \
        or arabic.endswith("ان") and lower.endswith("ane")


def _patronymic(arabic: str) -> bool:
    """A name with بن before a father's name and more after it (عبدالله بن عبدالمحسن التركي), not a family name of بن
    (كوثر بن هنية Kaouther Ben Hania, a Maghrebi name the Mashriq press keeps)."""
    words = arabic.split()
    return any(w in _SON and 0 < i < len(words) - 2 for i, w in enumerate(words))


def _by_convention(found: list[str], arabic: str, french: bool | None, country: str | None = None) -> str | None:
    """The first spelling that fits the convention: `french` True (a Maghrebi name or outlet) takes any, False (an
    outlet of the Mashriq) none in the French convention (جابري Djabri), None (not known) prefers one that is not
    (محمود درويش Darwish before Darwich) but takes a French one when there is no other (a Maghrebi person). `dj`
    for ج is Algerian: an outlet of another known country takes none (our rule's `j` instead), nor does a name not
    known to be Maghrebi in an outlet of unknown country."""
    if country != DJ_COUNTRY and (country is not None or not french):
        found = [text for text in found if not _FRENCH.search(text)]
    fitting = (text for text in found if french or not _french_label(text, arabic))
    return next(fitting, found[0] if found and french is None else None)


def _parts(latin: str) -> int:
    """How many name parts a Latin spelling has, particles left out."""
    return sum(1 for w in _SPLIT.split(latin) if w and w.lower() not in _PARTICLES)


class AttestedNames:
    """Spellings of Arabic names as people with those names are spelled on Wikidata; one answer per (name, country)
    is kept, so each distinct name costs one look-up per process. `use_model` adds the package's ONNX model for
    parts nobody spelled (about 30 ms a name on one core)."""

    def __init__(self, use_model: bool = False) -> None:
        self.use_model = use_model
        self._names = Transliterator(auto_load_model=use_model, use_rules_fallback=False)

    def whole(self, name: str, french: bool | None = None) -> str | None:
        """The spelling of a whole name of two words or more that the index holds as a person's name (a Wikidata
        label), else None; the most frequent first, without a country hint: the person's own spelling wins over
        the outlet's habits. Refused: a spelling with more name parts than the Arabic has words (a fuller label),
        with an article glued to a name (Elmsmari) or assimilated and hyphened (`_ASSIMILATED`: At-Turki), or a
        ruler's title (Khalid of Saudi Arabia). `french` is the convention (see `_by_convention`)."""
        words = name.split()
        if len(words) < 2 or self._names.index is None:
            return None
        found = [v.latin for v in self._names.index.lookup_full(full_key(name))
                 if _parts(v.latin) <= len(words) and not _ASSIMILATED.search(v.latin) and " of " not in v.latin
                 and not any(_GLUED.fullmatch(w) for w in _SPLIT.split(v.latin))]
        return _by_convention(found, name, french)

    def part(self, part: str, country: str | None = None, ours: str | None = None,
             french: bool | None = None) -> str | None:
        """The attested spelling of one name part: `ours` (our rule's spelling) when it is one of the few best
        (it follows the English press), else the best; with the model on, its guess for a part nobody spelled;
        else None. `country` ranks the spellings for that country's press; `french` is the convention (see
        `_by_convention`)."""
        found = self._spellings(part, country)
        same = next((text for text in found if ours and _plain(text) == _plain(ours)), None)
        conventional = _by_convention(list(found), part, french, country)
        return same or conventional or (None if found else self._guess(part, country))

    def known(self, part: str) -> bool:
        """Whether people are attested with this name part (an Arabic name, not a transcribed foreign one)."""
        return bool(self._spellings(part, None))

    def common_parts(self, min_count: int = COMMON_PART_COUNT) -> tuple[str, ...]:
        """The name parts (in the index's matching form) attested at least `min_count` times: Arabic names for the
        foreign-name detector to learn from."""
        index = self._names.index
        if index is None:
            return ()
        rows = index.conn.execute("SELECT arabic_key FROM units GROUP BY arabic_key HAVING SUM(count) >= ?",
                                  (min_count,))
        return tuple(sorted(k for (k,) in rows))

    @lru_cache(maxsize=65536)  # noqa: B019 - one instance per process, kept for the process's life
    def _spellings(self, part: str, country: str | None) -> tuple[str, ...]:
        """The best few spellings of a name part, most frequent first (ranked for `country`), counting people
        labelled by this one word (حموشي Hammouchi) and the part's spellings in people's names. Passed over: a
        spelling seen once, one of several name parts (a label filed under a part), one that starts with an
        article the Arabic does not have (مسماري Elmsmari)."""
        index = self._names.index
        if index is None:
            return ()
        counts: dict[str, int] = {}
        for variant in index.lookup_full(full_key(part), country) + index.lookup_unit(lookup_key(part), country):
            counts[variant.latin] = counts.get(variant.latin, 0) + variant.count
        found: dict[str, str] = {}
        for text in sorted(counts, key=lambda t: -counts[t]):
            stray_article = bool(_ARTICLE.match(text)) and not part.startswith(_ARTICLE_LETTERS)
            if counts[text] >= PART_MIN_COUNT and _parts(text) <= len(part.split()) and not stray_article:
                found.setdefault(_plain(text), text[:1].upper() + text[1:])
        return tuple(found.values())[:CANDIDATES]

    def _guess(self, part: str, country: str | None) -> str | None:
        """The package's model's spelling of a part nobody spelled, when the model is on."""
        if not self.use_model:
            return None
        found = self._names.transliterate(part, top_k=CANDIDATES, country=country)
        return next((c.text for c in found if c.source == "model"), None)


@lru_cache(maxsize=2)
def attested_names(use_model: bool = False) -> AttestedNames:
    """The process's one reader of the attested spellings (the index opens once)."""
    return AttestedNames(use_model)
