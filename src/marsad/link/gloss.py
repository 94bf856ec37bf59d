"""English glosses of descriptive names, word by word (قوات الدعم السريع -> Rapid Support Forces).

An Arabic noun phrase puts its head first and its modifiers after it; English does the reverse. So each stretch
between prepositions is read as units (a glossed word, a known place or person, a run of unknown words kept as one
romanised name) and printed in reverse order, the prepositions staying where they are: المجلس الأعلى للأمن القومي
-> Supreme Council of National Security. A compass noun binds to the unit after it (شمال دارفور North Darfur). An
idafa whose head English names with a preposition keeps that order (مجلس الوزراء Council of Ministers).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from marsad.link.latin_tables import LATIN_DIR, LatinTables, key, strip_article
from marsad.link.romanize import PARTICLES_PATH, SON
from marsad.resources import MODELS_DIR, column, fields
from marsad.rules import RuleSet

# Attached proclitics tried when a word is not known as written: (prefix, English prepositions, letters restored).
PROCLITICS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("ولل", ("and", "of"), "ال"), ("لل", ("of",), "ال"), ("وب", ("and", "in"), ""), ("ول", ("and", "of"), ""),
    ("و", ("and",), ""), ("ل", ("of",), ""), ("ب", ("in",), ""),
)
LINK_MODELS = MODELS_DIR / "link"
PREPOSITIONS = {key(word): english for word, english in fields(LINK_MODELS / "prepositions.tsv")}
COMPASS = frozenset(map(key, column(LINK_MODELS / "compass.tsv")))
# Nouns printed as a prefix bound to the unit after them, like a compass noun (مكافحة الفساد Anti-Corruption).
PREFIX_NOUNS = {key(arabic): f"{prefix}-" for arabic, prefix in fields(LATIN_DIR / "prefix_nouns.tsv")}
# Heads that English names with a preposition before their complement when the Arabic is an idafa, an indefinite
# head before a definite noun (مجلس الوزراء Council of Ministers, مركز دراسات الصحراء Center for Desert
# Studies); other heads stay compounds (وكالة الأنباء News Agency).
OF_HEADS = {row[0]: row[2] for row in fields(LINK_MODELS / "english_idafa.tsv") if row[1] == "of-head"}
# Complements printed with `the` after the preposition (رئاسة الجمهورية Presidency of the Republic).
THE_NOUNS = frozenset(row[0] for row in fields(LINK_MODELS / "english_idafa.tsv") if row[1] == "the-noun")
# Facilities named after someone or something, their common complements, and titles (`name_heads.tsv`).
NAME_HEADS: dict[str, dict[str, str]] = {"head": {}, "complement": {}, "title": {}, "owned": {}}
for _arabic, _latin, _role in fields(LINK_MODELS / "name_heads.tsv"):
    NAME_HEADS[_role][key(_arabic)] = _latin
# Adjectives of kind English compounds with the head, after the proper name (`kind_adjectives.tsv`: الإقليمي Regional).
KIND_ADJECTIVES = frozenset(key(arabic) for arabic, _ in fields(LINK_MODELS / "kind_adjectives.tsv"))
NISBA_ENDINGS = ("يه", "ي")  # a nisba adjective, feminine or masculine, in matching form
FEMININE_ENDINGS = ("ه", "ات")  # ة in matching form, and the sound feminine plural
KUNYA = frozenset(key(word) for word, role in fields(PARTICLES_PATH) if role == "kunya")  # أبو، أبي
HOUSE = next(key(word) for word, role in fields(PARTICLES_PATH) if role == "house")  # آل
NISBA_PLURALS = ("يين", "يون")  # a nisba's plurals of people (الفلسطينيين), in matching form
RULES = RuleSet("latin-gloss")
RULES.register("nisba-inside-name", "name-before-kind", "owned-head", "prefix-noun", "patronymic-in-name")
# Hamza seats as Egyptian print writes them, with the standard seat the glossary's words have (شئون شؤون).
HAMZA_SPELLINGS = tuple(fields(LINK_MODELS / "hamza_spellings.tsv"))
MAX_PHRASE = 6
FOLD_UNITS = 2  # the longest `of` phrase still printed before its head


@dataclass(frozen=True, slots=True)
class Unit:
    """A piece of the name: an English `text` (or Arabic words still to romanise), or a preposition."""

    text: str
    kind: str  # word | name | prep
    compass: bool = False
    definite: bool = False  # the Arabic starts with the article ال
    named: bool = False  # a well-known place, body or person rather than a glossary word
    owner: bool = False  # a nationality adjective (الإسرائيلية Israeli)
    kind_of: bool = False  # an adjective of kind or domain (الإقليمي Regional, الوطني National: `KIND_ADJECTIVES`)
    feminine: bool = False  # the Arabic's last word ends in ة or ات (a head or adjective that agrees so)
    title: bool = False  # a title that goes with the name after it (الملك King)


def word_forms(word_key: str) -> list[str]:
    """Forms to look a word up under: as written, without ال, then feminine and plural endings removed."""
    bare = strip_article(word_key)
    forms = [word_key, bare]
    if bare.endswith("ه"):
        forms.append(bare[:-1])
    if bare.endswith(NISBA_PLURALS):
        forms.append(bare[:-2])
    if bare.endswith("ات"):
        forms += [bare[:-2] + "ه", bare[:-2]]
    return forms


def standard_hamza(word: str) -> str:
    """A word with the hamza seats of Egyptian print made standard (`hamza_spellings.tsv`: شئون شؤون)."""
    for written, standard in HAMZA_SPELLINGS:
        word = word.replace(written, standard)
    return word


class Glosser:
    """Glosses a name with the news glossary and the tables of well-known names."""

    def __init__(self, tables: LatinTables, romanize: Callable[[str], str],
                 person: Callable[[str, str | None], str] | None = None) -> None:
        self.tables = tables
        self.romanize = romanize
        self.person = person  # romanises a person's name in an outlet of a country (`patronymic`)
        self.named = (tables.places, tables.organizations, tables.people)

    def phrase(self, keys: list[str], inside: bool = False) -> Unit | None:
        """The unit for a run of words (matching forms): a well-known name, else a glossary entry; `inside` a
        name (not its first word) a nisba adjective is read as one before a place of that spelling (الهيئة
        السعودية Saudi, not Saudi Arabia; ألمانيا الغربية West Germany, not the Gharbia governorate)."""
        joined = " ".join(keys)
        definite, compass = keys[0].startswith("ال"), strip_article(keys[0]) in COMPASS
        if joined in NAME_HEADS["title"]:
            return Unit(NAME_HEADS["title"][joined], "word", definite=definite, title=True)
        if joined in NAME_HEADS["complement"] and not any(f in self.tables.glossary for f in word_forms(joined)):
            return Unit(NAME_HEADS["complement"][joined], "word", definite=definite)
        adjective = inside and len(keys) == 1 and keys[0].endswith(NISBA_ENDINGS) and self.glossed(keys) is not None
        if adjective:
            RULES.hit("nisba-inside-name")
        for table in () if adjective else self.named:
            if joined in table:
                return Unit(table[joined], "word", compass, definite, named=True)
        found = self.glossed(keys)
        if found is None:
            return None
        owner = found in self.tables.nationalities
        kind = len(keys) == 1 and any(f in KIND_ADJECTIVES for f in word_forms(keys[0]))
        return Unit(self.tables.glossary[found], "word", compass, definite, owner=owner, kind_of=kind,
                    feminine=keys[-1].endswith(FEMININE_ENDINGS))

    def glossed(self, keys: list[str]) -> str | None:
        """The glossary key a run of words is found under (see `word_forms`), or None."""
        forms = word_forms(keys[0]) if len(keys) == 1 else [" ".join(strip_article(k) for k in keys)]
        return next((f for f in forms if f in self.tables.glossary), None)

    def longest(self, keys: list[str], i: int) -> tuple[Unit, int] | None:
        """The longest known phrase starting at `i`: (its unit, number of words); a prefix noun and the glossary
        word after it are one unit (`prefix_nouns`)."""
        prefixed = self.prefixed(keys, i)
        if prefixed:
            return prefixed
        for n in range(min(MAX_PHRASE, len(keys) - i), 0, -1):
            unit = self.phrase(keys[i:i + n], inside=i > 0)
            if unit:
                return unit, n
        return None

    def prefixed(self, keys: list[str], i: int) -> tuple[Unit, int] | None:
        """A prefix noun (`prefix_nouns.tsv`) and the glossary word or phrase after it as one unit, the prefix
        bound to it (مكافحة الفساد Anti-Corruption); None when no glossary word follows (a name after it keeps the
        glossary's noun: مكافحة X, X Combating)."""
        prefix = PREFIX_NOUNS.get(strip_article(keys[i]))
        after = self.longest(keys, i + 1) if prefix is not None and i + 1 < len(keys) else None
        if after is None or after[0].named:
            return None
        RULES.hit("prefix-noun")
        return Unit(f"{prefix}{after[0].text}", "word", definite=keys[i].startswith("ال")), after[1] + 1

    def match_at(self, keys: list[str], i: int) -> tuple[list[Unit], int] | None:
        """Units for the known phrase at `i`, trying the word as written, then without an attached proclitic."""
        if keys[i] in PREPOSITIONS:
            return [Unit(PREPOSITIONS[keys[i]], "prep")], 1
        found = self.longest(keys, i)
        if found:
            return [found[0]], found[1]
        for prefix, preps, restored in PROCLITICS:
            stem = keys[i][len(prefix):]
            if keys[i].startswith(prefix) and stem in PREPOSITIONS:
                return [*(Unit(p, "prep") for p in preps), Unit(PREPOSITIONS[stem], "prep")], 1
            if keys[i].startswith(prefix) and len(stem) >= 2:
                found = self.longest([restored + stem, *keys[i + 1:]], 0)
                if found:
                    return [*(Unit(p, "prep") for p in preps), found[0]], found[1]
        return None

    def patronymic(self, keys: list[str], i: int) -> int:
        """How many words from `i` (not the first: the head) are a person's name of a chain of fathers, a name and
        بن or ابن and a father's name, a kunya's أبو/أبي with its name (عمر بن الخطاب، عثمان بن علي بن أبي طالب),
        and the house's آل and name after them (زايد بن سلطان آل نهيان), which a school, mosque, street or foundation
        is named after; 0 when none starts there."""
        if i == 0 or self.person is None or keys[i] in SON:
            return 0
        end = i  # the chain's last word so far
        while end + 2 < len(keys) and keys[end + 1] in SON:
            end += 2
            if keys[end] in KUNYA and end + 1 < len(keys):
                end += 1
        if end > i and end + 2 < len(keys) and keys[end + 1] == HOUSE:
            end += 2
        return end + 1 - i if end > i else 0

    def named_person(self, words: list[str], country: str | None) -> tuple[list[Unit], int]:
        """A person's name (`patronymic`) as one unit, romanised as printed in an outlet of `country`."""
        assert self.person is not None  # `patronymic` finds none without it
        RULES.hit("patronymic-in-name")
        return [Unit(self.person(" ".join(words), country), "word", named=True)], len(words)

    def units(self, words: list[str], country: str | None = None) -> list[Unit]:
        """The name as units; runs of unknown words become one `name` unit (Arabic, romanised later); a person's
        name of a chain of fathers (`patronymic`) is romanised as one, as printed in an outlet of `country` (rule
        patronymic-in-name: مسجد عمر بن الخطاب Omar bin al-Khattab Mosque, not Omar Ben Al-Khatab Mosque; شارع علي
        بن أبي طالب, whose علي is no preposition)."""
        keys = [key(standard_hamza(w)) for w in words]
        out: list[Unit] = []
        unknown: list[str] = []
        i = 0
        while i < len(words):
            chain = self.patronymic(keys, i)
            found = self.named_person(words[i:i + chain], country) if chain else self.match_at(keys, i)
            if found is None:
                unknown.append(words[i])
                i += 1
                continue
            if unknown:
                out.append(Unit(" ".join(unknown), "name"))
                unknown = []
            out += found[0]
            i += found[1]
        if unknown:
            out.append(Unit(" ".join(unknown), "name"))
        return out

    def gloss(self, name: str, country: str | None = None) -> str | None:
        """English for a descriptive name of two words or more whose first word is known, else None; `country`, of
        the outlet, for the names of people in it (`units`)."""
        words = name.split()
        if len(words) < 2:
            return None
        facility = self.facility(words)
        if facility:
            return facility
        units = self.owned(words, self.units(words, country))
        if units[0].kind != "word":
            return None
        stretches = self.stretches(units)
        return self.folded(stretches) or " ".join(self.render_stretch(s) if isinstance(s, list) else s
                                                  for s in stretches)

    def owned(self, words: list[str], units: list[Unit]) -> list[Unit]:
        """The units, the head named otherwise when a nationality adjective that agrees with it in gender follows
        it (`name_heads.tsv`, owned: الاتحاد البرازيلي Brazilian Federation, not Union; not اتحاد الصحافة
        الخليجية, whose adjective is the press's)."""
        word = strip_article(key(words[0]))
        english, head = NAME_HEADS["owned"].get(word), units[0]
        agreeing = any(u.owner and u.feminine == head.feminine for u in units[1:])
        if english is None or head.text != self.tables.glossary.get(word) or not agreeing:
            return units
        RULES.hit("owned-head")
        return [replace(head, text=english), *units[1:]]

    def nationality(self, word_key: str) -> bool:
        """Whether a word (matching form) is a nationality adjective, in any of its forms."""
        return any(f in self.tables.nationalities for f in word_forms(word_key))

    def facility(self, words: list[str]) -> str | None:
        """A facility head and one definite complement (`name_heads.tsv`): a common complement translated before
        the head (مستشفى الأطفال Children's Hospital); any other, unless a well-known name or a nationality, is
        the facility's proper name, romanised (مستشفى الأمل Al-Amal Hospital, not Hope Hospital); else None."""
        if len(words) != 2:
            return None
        head = NAME_HEADS["head"].get(key(words[0]))
        complement = key(words[1])
        if head is None or not complement.startswith("ال"):
            return None
        if complement in NAME_HEADS["complement"]:
            return f"{NAME_HEADS['complement'][complement]} {head}"
        bare = strip_article(complement)
        if any(k in table for table in self.named for k in (complement, bare)) or self.nationality(complement):
            return None
        return f"{self.romanize(words[1])} {head}"

    def idafa(self, units: list[Unit]) -> str | None:
        """A stretch whose head takes a preposition in English (OF_HEADS) before a definite complement: owner
        adjectives first, then head, preposition and complement (وزارة الدفاع الإسرائيلية Israeli Ministry of
        Defense); None for other shapes. A complement of one well-known name stays a compound (Cairo University)."""
        head = units[0]
        prep = OF_HEADS.get(head.text)
        end = next((j for j, u in enumerate(units) if u.definite), 0)
        if prep is None or head.kind != "word" or head.named or head.definite or end == 0:
            return None
        if any(u.kind != "word" or u.owner for u in units[1:end + 1]) or any(u.named for u in units[1:end]) \
                or end == 1 and units[1].named:
            return None
        owners = len(units)
        while owners > end + 1 and units[owners - 1].owner:
            owners -= 1
        complement = units[1:owners]
        inner = self.idafa(complement) or self.conjuncts(complement)
        the = "the " if len(complement) == 1 and complement[0].text in THE_NOUNS else ""
        return " ".join([*(self.text(u) for u in reversed(units[owners:])), head.text, f"{prep} {the}{inner}"])

    def conjuncts(self, units: list[Unit]) -> str:
        """Noun phrases joined by `and`, each with its modifiers before its head (التعليم العالي والبحث العلمي
        Higher Education and Scientific Research)."""
        parts: list[list[Unit]] = [[]]
        for u in self.bind_compass(units):
            if u.kind == "prep":
                parts.append([])
            else:
                parts[-1].append(u)
        return " and ".join(" ".join(self.text(u) for u in reversed(p)) for p in parts if p)

    def folded(self, stretches: list[list[Unit] | str]) -> str | None:
        """A head with one short `of` phrase read as an English compound, the phrase before the head
        (المجلس الأعلى للأمن القومي Supreme National Security Council); None for other shapes."""
        if len(stretches) != 3 or stretches[1] != "of":
            return None
        first, last = stretches[0], stretches[2]
        assert isinstance(first, list) and isinstance(last, list)
        if len(last) > FOLD_UNITS or any(u.kind == "prep" for u in first + last) or self.idafa(first):
            return None
        head, *modifiers = self.bind_compass(first)
        return " ".join([*(self.text(u) for u in reversed(modifiers)), self.render_stretch(last), self.text(head)])

    def stretches(self, units: list[Unit]) -> list[list[Unit] | str]:
        """Units split at prepositions other than `and`, which joins the units around it."""
        out: list[list[Unit] | str] = [[]]
        for u in units:
            if u.kind == "prep" and u.text != "and":
                out += [u.text, []]
            else:
                current = out[-1]
                assert isinstance(current, list)
                current.append(u)
        return [s for s in out if s]

    def text(self, unit: Unit) -> str:
        """The printed form of a unit."""
        return self.romanize(unit.text) if unit.kind == "name" else unit.text

    def render_stretch(self, units: list[Unit]) -> str:
        """An idafa (see `idafa`), else modifiers before the head: each conjunct of a stretch reversed, the head
        (first unit) last; a stretch that starts with a lone noun and `and` is nouns joined by `and`."""
        idafa = self.idafa(units)
        if idafa:
            return idafa
        bound = self.bind_compass(units)
        parts: list[list[Unit]] = [[]]
        for u in bound:
            if u.kind == "prep":
                parts.append([])
            else:
                parts[-1].append(u)
        if len(parts) == 1:
            head, *modifiers = parts[0]
            titled = [u for u in modifiers if u.title]  # a titled name first: King Faisal Specialist Hospital
            rest = [u for u in modifiers if not u.title]
            return " ".join(self.text(u) for u in [*titled, *self.name_first(head, rest), head])
        if len(parts[0]) == 1:  # nouns joined by `and` (للغذاء والدواء of Food and Drug), no head before them
            return self.conjuncts(units)
        head, *first = parts[0] or [Unit("", "word")]
        conjuncts = [" ".join(self.text(u) for u in reversed(p)) for p in (first, *parts[1:]) if p]
        return " ".join(x for x in (" and ".join(conjuncts), self.text(head)) if x)

    def name_first(self, head: Unit, modifiers: list[Unit]) -> list[Unit]:
        """Modifiers in English order, reversed; beside a proper name (a well-known one, or romanised) the
        adjectives of kind that agree with the head in gender (so qualify it, not a noun inside the name) go
        between the name and the head, as English compounds them (مطار الأحساء الإقليمي Al-Ahsa Regional Airport,
        not Regional Al-Ahsa Airport); a nationality or another adjective stays in front (قناة السويس الجديدة New
        Suez Canal)."""
        kinds = [u for u in modifiers if u.kind_of and u.feminine == head.feminine]
        if not kinds or not any(u.named or u.kind == "name" for u in modifiers):
            return modifiers[::-1]
        RULES.hit("name-before-kind")
        return [*(u for u in reversed(modifiers) if u not in kinds), *reversed(kinds)]

    def bind_compass(self, units: list[Unit]) -> list[Unit]:
        """A compass noun or a title and the unit after it printed together, in that order (شمال دارفور North
        Darfur, الملك سعود King Saud)."""
        out: list[Unit] = []
        i = 0
        while i < len(units):
            u = units[i]
            if (u.compass or u.title) and i + 1 < len(units) and units[i + 1].kind != "prep":
                out.append(Unit(f"{u.text} {self.text(units[i + 1])}", "word", named=u.title, title=u.title))
                i += 2
            else:
                out.append(u)
                i += 1
        return out
