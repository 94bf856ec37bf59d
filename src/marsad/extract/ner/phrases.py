"""Phrase rules of the NER document pass: multi-word names the CRF misses, found from their grammar.

- **Head + chain**: a head noun (`models/gazetteer/name_heads.txt`: وزارة، القوات، مطار، جمهورية، اتفاق ...)
  followed by a genitive/adjective chain — definite nouns, adjectives (nisba السوداني، العامة ...), لل-phrases
  (للقوات المسلحة), names already found or listed — up to a stop (a verb or particle, a preposition, punctuation,
  a number, و + a word that does not continue the name). An indefinite head takes up to two indefinite nouns in
  construct before its definite or proper element (مجلس نواب الشعب، رابطة معلمي الإقليم الوطنية); a definite head
  (القوات، المتحف) needs an adjective or a لل-phrase (القوات المسلحة، المتحف الوطني). Maximal span.
- **Listed public names**: the full name of a public figure or organisation of the Latin-name tables
  (`gazetteer.public_names`) where the CRF found nothing of it or only parts.
- **Person after a title**: the one to three name-like words after a title (and its complement: وزير الدفاع
  الأردني، قائد القوات المسلحة) where the CRF found nothing.
- **Latin-script names** inside Arabic text: ORG, MISC after برنامج/نظام/تطبيق/منظومة.

Only rules: the word classes, head nouns and titles they read are data (`marsad.extract.ner.words`), and no name
of any particular entity is written here. Every rule is named in the rule set `ner.phrases` (`marsad.rules`) and
counted each time it fires: a rule that proposes a name counts the names it proposes, `chain_*` count the words a
chain takes by them.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import compress, count

from marsad.extract.ner.gazetteer import Gazetteer, public_names
from marsad.extract.ner.in_names import everyday_words
from marsad.extract.ner.words import Head, heads_with, load_heads, words, written_as_head
from marsad.rules import RuleSet
from marsad.text.tokens import proclitic_readings

__all__ = ["Head", "MEDIA", "NAME_LINKS", "PeopleAndLatin", "PhraseRules", "RARE", "RULES", "STOP", "TAIL_ALIAS_HEADS",
           "head_of", "is_adjective", "is_arabic", "load_heads", "positions", "verb_like"]

MAX_CHAIN = 9  # words after the head
MAX_CONSTRUCT = 2  # indefinite nouns in construct before the definite/proper element
RARE = 60  # a word seen fewer times in 9M words of news is name-like
NAME_CONT = 400  # a word after a given name or a rare name continues it when seen fewer times than this

# The word classes (`models/ner/words.tsv`) and head roles (`models/gazetteer/name_heads.txt`), folded.
STOP = words("stop")  # function words, time words, and adjectives that follow a name without being part of it
LIL_STOP = words("lil_stop")  # ل + these is a purpose, a time or a recipient, not a لل-phrase of a name
ADJECTIVES = words("adjective")  # adjectives that continue a name besides the nisba ones (-ي، -ية)
NAME_LINKS = words("name_link")  # بن، أبو، عبد ...: they join the parts of a person's name
LATIN_MISC_BEFORE = words("latin_misc_before")  # a following Latin name is a product or system (MISC)
MEDIA = words("media")  # an outlet is named without them (قناة X is listed as X), so they end a chain
DIRECTIONS = words("direction")  # شمال، جنوب ...: a state head takes one before its place
WEAK_HEADS = heads_with("weak")  # heads that make a name only with two or more words after them
DEFINITE_OK = heads_with("definite")  # definite heads that open a name with an adjective (القوات المسلحة)
TAIL_ALIAS_HEADS = heads_with("alias")  # heads whose name without the head is also used alone (حركة X -> X)
COORD_HEADS = heads_with("coord") | heads_with("definite_coord")  # heads that take a second member with و
LED_BY = heads_with("led_by")  # ب + the head is "led by" (بقيادة), not a name
APPOSITIVE_HEADS = heads_with("appositive")  # a proper name right after them is the name alone (وكالة رويترز)
SYSTEM_HEADS = heads_with("system")  # MISC heads of systems: they take a definite noun, not only a place
CLASSING_NOUNS = words("loc_head") | words("unit_head") | words("media")  # a name after them is classed as one
PLACE_HEADS = words("loc_head") & words("unit_head")  # region and range heads a place name follows (جبال، منطقة)
KNOWN_AS = words("known_as")  # المعروف، الملقب ...: a person's nickname follows them
AMBIGUOUS_PLACES = words("ambiguous_place")  # one-word places that are also everyday words (مشهد، صور، الخبر)
PLACE_ADJECTIVES = words("place_adjective")  # size and direction adjectives of a place's name (القوقاز الكبير)
RANK_NOUNS = words("rank_noun")  # المركز، المرتبة: with an ordinal alone after them, a place in a ranking
ORDINALS = words("ordinal")  # الأول، الثانية ...
CLASSING_HEADS = heads_with("classing")  # an organisation's name after them is the name alone (نادي + a club)
EPONYM_HEADS = heads_with("eponym")  # a title and a person's name after them are the place's (جامعة الملك سعود)
NAMED_HEADS = heads_with("named")  # heads whose definite element is a name or a rare word, not a common noun
# MISC heads only take a place or a proper name (اتفاق + a city), or, for systems, a definite noun + adjective.
PLACE_ONLY = {"GPE", "MISC"}
_DEFINITE = "ال"
# Grammatical particles the rules name: في، من between a title and its organisation (القيادي في حزب ...), and
# باسم inside a title (المتحدث باسم ...).
_IN_OF = ("في", "من")
_IN_NAME_OF = "باسم"
_PRONOUN = "ه"  # the folded ending of a noun with the pronoun "his" (تذوقه)
_ALIF_MAQSURA = "\u0649"  # ى: a word written with it is the particle (على), not the name it folds like (علي)
_OPENING_MARKS = "\"'«»“”‘’(["  # quotes (either way round, as Arabic print writes them) and brackets that open a name
_BY = "ب"  # the preposition of المعروف بـ X, written apart (بـ) or on the name

RULES = RuleSet("ner.phrases")
# Rules counted at a branch with RULES.hit (the others are registered by @RULES.rule below; mentions.py registers
# those of the propagation), registered now so that `hit_counts` lists them before they fire.
_BRANCH_RULES = (
    "longer_listed_place",  # a listed place longer than the CRF's span over it (القدس -> القدس الشرقية)
    "longer_listed_org",  # a listed organisation longer than the CRF's spans in it (مجلس التعاون لدول الخليج العربية)
    "place_adjective",  # a place the tagger found takes the size or direction adjective after it (القوقاز الكبير)
    "homograph_as_noun",  # a place that is also an everyday noun, read as the noun when a genitive, an indefinite
    #   adjective or a verb follows it, which no proper name takes (في مشهد يؤكد، مشهد الحفر، مشهد آخر)
    "description_not_name",  # a nationality adjective alone (يوغوسلافية "Yugoslav") is a description, not a name
    "rank_not_name",  # a rank noun with an ordinal alone (احتل المركز الثاني) is a place in a ranking, no name
    "everyday_phrase",  # a span of everyday words only (`in_names`: الزائر، مصلحة المؤسسات) is no name
    "chain_over_crf_name",  # a head the CRF tagged as a name's first word: the chain goes on after that name
    "chain_lil_phrase",  # a لل-phrase continues a chain (مركز الشرق للأبحاث ...)
    "chain_name_link",  # a link and a proper name continue a chain (... بن X)
    "chain_titled_person",  # a title and a person's name after an eponym head (جامعة الملك سعود) continue it
    "organisation_after_classing_head",  # a head that classes the organisation named after it (نادي + a club's
    #   name the CRF found): no chain, the name is the organisation's
    "chain_coordination",  # a second member with و, after a head that takes one (هيئة الرقابة المالية والإدارية)
    "chain_lil_construct",  # after a definite head and its adjective, ل + an indefinite noun in construct continues
    #   the chain (الاتحاد المصري لكرة القدم); after an indefinite head it is mostly a purpose (وزارة X لتعزيز ...)
    "chain_lil_coordination",  # a لل-phrase takes further members with و (... للتربية والعلم والثقافة)
    "appositive_name",  # a proper name after an appositive head is the name without it (وكالة رويترز -> رويترز)
    "nickname",  # a person's nickname after المعروف بـ، الملقب بـ ... is a name of the person (... المعروف بـ"X")
    "latin_org",  # a Latin-script name inside Arabic text: ORG
    "latin_misc",  # a Latin-script name after برنامج، تطبيق، نظام ...: MISC
)
for _name in _BRANCH_RULES:
    RULES.hit(_name, 0)

_HEADS_OF: dict[str, tuple[int, str, Head] | None] = {}  # `head_of` by folded word


def head_positions(words: list[str]) -> list[int]:
    """Indices of the folded words that are head nouns (`head_of`), looking each word type up once."""
    for f in set(words).difference(_HEADS_OF):
        _HEADS_OF[f] = head_of(f)
    return positions(words, _HEADS_OF.__getitem__)


def head_of(f: str) -> tuple[int, str, Head] | None:
    """(proclitic length, head word, Head) when a folded word is a head noun, whole or with proclitics off."""
    heads = load_heads()
    hd = heads.get(f)
    if hd is not None:
        return 0, f, hd
    for cut, r in sorted(proclitic_readings(f), key=lambda x: x[0]):
        hd = heads.get(r)
        if hd is not None:
            if r in LED_BY and f[0] == "ب":  # بقيادة: "led by"
                return None
            return cut, r, hd
    return None


def positions(words: Iterable[str], test: Callable[[str], object]) -> list[int]:
    """Indices of the words that pass `test` (the loop runs in C: these scans cover every token of an article)."""
    return list(compress(count(), map(test, words)))


def is_arabic(word: str) -> bool:
    return bool(word) and all("\u0621" <= ch <= "\u064a" for ch in word)


def is_adjective(word: str, prev: str = "") -> bool:
    """A definite folded word that reads as an adjective continuing a name (nisba or listed)."""
    if word in ADJECTIVES:
        return True
    if not word.startswith("ال") or len(word) < 5 or word in STOP:
        return False
    if word.endswith(("ي", "يه")):
        return True
    return word.endswith(("يين", "يون")) and prev.endswith(("ين", "ون"))


_LATIN_CAPITAL = re.compile("[A-Z]")


def is_latin_name(word: str) -> bool:
    return word.isascii() and word[:1].isupper() and word.isalpha()


# Word classes returned by `PhraseRules.classify`.
STOP_C, SPAN, LIL, DEF, ADJ, COORD, PROPER, INDEF = range(8)

# States of a chain (`_Chain.state`): after an indefinite head, nouns in construct allowed; after a definite head,
# before its adjective; after a definite element; after a proper name.
_AFTER_HEAD, _AFTER_DEFINITE_HEAD, _AFTER_ELEMENT, _AFTER_PROPER = "A", "B0", "B", "P"

Span = tuple[int, int, str, int]  # (first, last, type, proclitic length of the first word) of a name a rule finds


@dataclass(slots=True)
class _Chain:
    """A name being read from its head: where the reading is (`j`, `state`) and what it has taken so far."""

    head: int  # token index of the head
    hf: str  # the head word, folded, proclitics off
    kind: str  # the type of the name
    place_only: bool  # a head that takes only a place or a proper name (PLACE_ONLY)
    state: str
    j: int  # the next token to read
    prev: str  # the folded word before it
    last: int | None = None  # the last token of the name so far
    construct: int = 0  # indefinite nouns taken in construct (or a direction before a place)
    elements: int = 0  # words and names taken after the head
    has_lil: bool = False  # a لل-phrase was taken
    definite: bool = False  # the head is definite (الاتحاد المصري ...)


class PhraseRules:
    """The rules over one document (`entities._Document`): `heads_pass`, then `PeopleAndLatin`."""

    def __init__(self, doc) -> None:  # noqa: ANN001 - entities._Document
        self.doc = doc
        self.heads = load_heads()
        self.gaz = doc.lex.gaz
        self.count = doc.lex.count
        self.n = len(doc.words)
        self.titles = self.gaz.rule_titles  # one-word titles after which a name comes
        # words of the people the CRF found: a facility may carry them, an organisation head stops there
        self.person_words = {doc.folded[i] for s in doc.spans if s.type == "PER" for i in range(s.first, s.last + 1)}

    # --- word classes ---
    def place(self, word: str) -> bool:
        return self.gaz.single(word) in ("GPE", "LOC")

    def title(self, word: str) -> bool:
        return word in self.titles

    def nisba_of_common(self, word: str) -> bool:
        """An indefinite adjective: -ية, or -ي on a frequent stem (دفاعي، انفصالية)."""
        if word.endswith("يه"):
            return True
        return word.endswith("ي") and (self.count(word[:-1]) >= 50 or self.place(word[:-1])
                                        or self.place("ال" + word[:-1]))

    def place_nisba(self, word: str) -> bool:
        """A nationality adjective: a listed place + ي/ية (إيراني، الإيرانية)."""
        for end in ("يه", "ي"):
            if word.endswith(end):
                stem = word[:-len(end)]
                if self.place(stem) or self.place("ال" + stem) or (stem.startswith("ال") and self.place(stem[2:])):
                    return True
        return False

    def proper(self, word: str, strict: bool = False) -> bool:
        """An indefinite folded word that reads as a name: a listed place or given name, or a rare word."""
        if self.place(word) or word in self.gaz.given:
            return True
        return len(word) > 2 and self.count(word) < (RARE // 6 if strict else RARE) and not self.nisba_of_common(word)

    def classify(self, j: int, prev: str) -> int:
        doc = self.doc
        text = doc.words[j]
        if not text[0].isalnum() or text[0].isdigit():
            return STOP_C
        if doc.owner.get(j) is not None:
            return SPAN
        f = doc.folded[j]
        if f in STOP or j in doc.owned or not is_arabic(f):
            return STOP_C
        cut, b = doc.cuts[j], doc.bare[j]
        if f.startswith("لل") and len(f) > 4:
            ok = f not in LIL_STOP and not self.place(b) and not self.title(b)
            return LIL if ok else STOP_C
        if f.startswith("ال"):
            if self.title(f):
                return STOP_C
            return ADJ if is_adjective(f, prev) else DEF
        if f.startswith("وال") and len(f) > 5 and f[1:] not in STOP:
            return COORD
        if cut and b != f:
            return STOP_C
        if self.title(f) or f in self.heads or f in MEDIA:
            return STOP_C
        return PROPER if self.proper(f) else INDEF

    # --- rule 1: head + chain ---
    @RULES.rule("head_chain")
    def head_name(self, i: int) -> Span | None:
        """The name opened by the head noun at token i, or None."""
        cut, hf, head = _HEADS_OF[self.doc.folded[i]]
        if hf in APPOSITIVE_HEADS and i + 1 < self.n:
            after = self.classify(i + 1, hf)
            if after == SPAN:  # the tagger's name stands alone
                return None
            if after == PROPER:
                last = self.chain(i, hf, head)
                if last is not None:
                    RULES.hit("appositive_name")
                    return i + 1, last, head.kind, self.doc.cuts[i + 1]
        last = self.chain(i, hf, head)
        return None if last is None else (i, last, head.kind, cut)

    def chain(self, h: int, hf: str, head: Head) -> int | None:
        """Index of the last word of the name opened by the head at h, or None when no chain follows.

        The words after the head are read one at a time (`_read`) until one does not continue the name."""
        if head.definite and hf not in DEFINITE_OK:
            return None
        ch = self._open(h, hf, head)
        n = self.n
        while ch.j < n and ch.j - h <= MAX_CHAIN:
            if not self._read(ch):
                break
        if ch.last is None or (hf in WEAK_HEADS and ch.elements < 2):
            return None
        return ch.last

    def _open(self, h: int, hf: str, head: Head) -> _Chain:
        """The chain of the head at h before its first word; after the name the CRF found there, if any."""
        state = _AFTER_DEFINITE_HEAD if head.definite else _AFTER_HEAD
        ch = _Chain(h, hf, head.kind, head.kind in PLACE_ONLY, state, h + 1, hf, definite=head.definite)
        own = self.doc.owner.get(h)
        if own is not None and own.last > h:  # a name the CRF found: extend it
            ch.last, ch.j, ch.state, ch.prev = own.last, own.last + 1, _AFTER_ELEMENT, self.doc.folded[own.last]
            ch.elements = 2
            RULES.hit("chain_over_crf_name")
        return ch

    def _read(self, ch: _Chain) -> bool:
        """Take the word at `ch.j` into the chain and move on; False when it ends the chain."""
        j = ch.j
        if j == ch.head + 1 and ch.hf in EPONYM_HEADS and self._titled_person(j):
            return self._take_titled_person(ch)
        c = self.classify(j, ch.prev)
        if c == SPAN:
            return self._take_name(ch, self.doc.owner[j])
        f = self.doc.folded[j]
        if c == PROPER and ch.kind != "LOC" and f in self.person_words:
            return False
        if ch.state == _AFTER_HEAD:
            taken = self._after_place_head(ch, c, f) if ch.place_only else self._in_construct(ch, c, f)
        elif ch.state == _AFTER_DEFINITE_HEAD:
            taken = self._after_definite_head(ch, c)
        else:
            taken = self._after_element(ch, c, f)
        if not taken:
            return False
        ch.elements += ch.last == ch.j
        ch.prev = f
        ch.j += 1
        return True

    def _titled_person(self, j: int) -> bool:
        """Whether a title at j is followed by a person's name the tagger found (الملك | سعود)."""
        doc = self.doc
        person = doc.owner.get(j + 1)
        return (person is not None and person.type == "PER" and not doc.cuts[j]
                and (self.title(doc.bare[j]) or (doc.bare[j],) in self.gaz.titles))

    def _take_titled_person(self, ch: _Chain) -> bool:
        """An indefinite eponym head (`eponym`) followed right away by a title and a person's name: the place or
        institution named after that person (جامعة الملك سعود، مطار الملك عبدالعزيز الدولي، مركز الملك سلمان
        للإغاثة), not the person; the chain goes on after the name (an adjective, a لل-phrase)."""
        person = self.doc.owner[ch.j + 1]
        ch.last, ch.j, ch.state, ch.prev = person.last, person.last + 1, _AFTER_ELEMENT, self.doc.folded[person.last]
        ch.elements += 2
        RULES.hit("chain_titled_person")
        return True

    def _take_name(self, ch: _Chain, s) -> bool:  # noqa: ANN001 - mentions._Span
        """A name found earlier continues the chain when its type fits the head; the chain goes on after it."""
        doc = self.doc
        j = ch.j
        f, cut, b = doc.folded[j], doc.cuts[j], doc.bare[j]
        if (not self._name_fits(ch, s) or ch.state == _AFTER_DEFINITE_HEAD or not is_arabic(f)
                or (cut and not f.startswith("لل")) or (b in self.heads and not b.startswith("ال"))):
            return False
        ch.last, ch.j, ch.state, ch.prev = s.last, s.last + 1, _AFTER_ELEMENT, doc.folded[s.last]
        ch.elements += 1
        return True

    def _name_fits(self, ch: _Chain, s) -> bool:  # noqa: ANN001 - mentions._Span
        """Whether a name of type `s.type` can be the genitive of the head (مطار + a city, وزارة + ...)."""
        if ch.place_only:
            return s.type in ("LOC", "GPE") and ch.state == _AFTER_HEAD
        if s.type == "PER":  # a facility named after a person, or an organisation of one: مؤسسة X للتنمية
            after = s.last + 1  # after the head's own element it is a person (نادي الهلال | فهد المفرج)
            opens = ch.state == _AFTER_HEAD or self.title(ch.prev) or (ch.prev,) in self.gaz.titles \
                or ch.prev in NAME_LINKS  # جامعة الملك | سعود، قلعة أم | ناصر
            return opens and (ch.kind == "LOC" or ch.kind == "ORG" and after < self.n
                              and self.classify(after, "") == LIL)
        if s.type == "ORG" and ch.hf in CLASSING_HEADS:
            RULES.hit("organisation_after_classing_head")
            return False
        return s.type in ("LOC", "GPE", "ORG") or (s.type == "MISC" and ch.state == _AFTER_HEAD)

    def _after_place_head(self, ch: _Chain, c: int, f: str) -> bool:
        """After a GPE or MISC head: a place (a direction before it for a state), or a system's definite noun."""
        j = ch.j
        if c in (DEF, ADJ, PROPER) and self.place(self.doc.bare[j]):
            ch.last, ch.state = j, _AFTER_ELEMENT
        elif ch.kind == "MISC" and ch.hf in SYSTEM_HEADS and c == DEF:
            ch.last, ch.state = j, _AFTER_ELEMENT
        elif ch.kind == "GPE" and f in DIRECTIONS and ch.construct == 0:
            ch.construct += 1
        else:
            return False
        return True

    def _in_construct(self, ch: _Chain, c: int, f: str) -> bool:
        """After an indefinite head: a definite or proper element, or up to two indefinite nouns before one."""
        j = ch.j
        if c in (DEF, ADJ) and ch.hf in NAMED_HEADS and self.count(f) >= RARE:
            return False
        elif c in (DEF, ADJ):
            ch.last, ch.state = j, (_AFTER_PROPER if f in self.gaz.given else _AFTER_ELEMENT)
        elif c == PROPER:
            ch.last, ch.state = j, _AFTER_PROPER
        elif c == INDEF and ch.construct < MAX_CONSTRUCT and not verb_like(f) and not self.nisba_of_common(f):
            ch.construct += 1
        else:
            return False
        return True

    def _after_definite_head(self, ch: _Chain, c: int) -> bool:
        """After a definite head (القوات، المتحف): only an adjective (a place-only head: a GPE's)."""
        if c == ADJ and (not ch.place_only or ch.kind == "GPE"):
            ch.last, ch.state = ch.j, _AFTER_ELEMENT
            return True
        return False

    def _after_element(self, ch: _Chain, c: int, f: str) -> bool:
        """After a definite or proper element: an adjective, a لل-phrase, the rest of a proper name, or a second
        member with و."""
        j = ch.j
        if c == ADJ and not (f.endswith(("يين", "يون")) and not ch.has_lil):
            ch.last = j
        elif c == LIL and not ch.place_only:
            ch.last, ch.has_lil, ch.state = j, True, _AFTER_ELEMENT
            RULES.hit("chain_lil_phrase")
        elif c in (INDEF, PROPER, STOP_C) and ch.definite and not ch.place_only and self._lil_construct(j, f):
            ch.last, ch.has_lil, ch.state = j + 1, True, _AFTER_ELEMENT
            ch.j = j + 1
            RULES.hit("chain_lil_construct")
        elif c == PROPER and ch.state == _AFTER_PROPER and not ch.place_only and self.proper(f, strict=True):
            ch.last = j
        elif f in NAME_LINKS and self._links_proper(ch, f):
            ch.last = ch.j = j + 1
            RULES.hit("chain_name_link")
        elif c == COORD and ch.state == _AFTER_ELEMENT and self._second_member(ch.hf, f):
            ch.last = j
            RULES.hit("chain_coordination")
        elif c == COORD and ch.last == j - 1 and ch.prev.startswith(("لل", "وال")) and ch.has_lil and self._free(f[1:]):
            ch.last = j
            RULES.hit("chain_lil_coordination")
        else:
            return False
        return True

    def _links_proper(self, ch: _Chain, link: str) -> bool:
        """After a proper name, a link (بن، أبو ...) at `ch.j` with a proper name after it continues the name."""
        k = ch.j + 1
        return ch.state == _AFTER_PROPER and k < self.n and self.classify(k, link) == PROPER

    def _lil_construct(self, j: int, f: str) -> bool:
        """ل + an indefinite noun + a definite word continues a name as a لل-phrase does (... لكرة القدم، ... لدول
        الخليج العربية): not a purpose, time or recipient (`LIL_STOP`), a verb, a place or a title."""
        stem, doc = f[1:], self.doc
        if (not f.startswith("ل") or f.startswith("لل") or len(stem) < 3 or f in STOP or not is_arabic(f)
                or j in doc.owned or j + 1 >= self.n or "ل" + f in LIL_STOP or verb_like(stem)
                or not self._free(stem)):
            return False
        return self.classify(j + 1, stem) in (DEF, ADJ) and not self.title(self.doc.folded[j + 1])

    def _free(self, word: str) -> bool:
        """A word that is no head, place or title of its own, so it can go on inside a name."""
        return word not in self.heads and not self.place(word) and not self.title(word)

    def _second_member(self, hf: str, f: str) -> bool:
        """و + a definite word (f) is the head's second member (... والبحث العلمي) when the head takes one and the
        word is no head, place or title of its own."""
        return hf in COORD_HEADS and self._free(f[1:])

    def heads_pass(self) -> list[Span]:
        """(first, last, type, proclitic length of the head) of each head + chain name."""
        doc = self.doc
        found = []
        free = 0  # the next token not inside a name found here
        for i in head_positions(doc.folded):
            if i < free or i in doc.owned or not written_as_head(doc.words[i], _HEADS_OF[doc.folded[i]][1]):
                continue
            name = self.head_name(i)
            if name is not None:
                found.append(name)
                free = name[1] + 1
        return found

    def common_homographs(self) -> list[Span]:
        """The one-word spans of an indefinite place name that is also an everyday noun (`ambiguous_place`: مشهد
        "scene", صور "pictures") followed by what only the common noun takes: a definite noun in construct, an
        indefinite word (adjective or verb) with no proclitic. A name is followed by punctuation, a particle, a
        preposition, a word with a proclitic or و, a number or an adjective of its own (مشهد الإيرانية). A definite
        one (الخبر، الشام) is left: the subject may follow it (انطلقت في الخبر فعاليات ...)."""
        doc, found = self.doc, []
        for s in doc.spans:
            j = s.last + 1
            b = doc.bare[s.first]
            if s.first != s.last or b not in AMBIGUOUS_PLACES or b.startswith(_DEFINITE) or j >= self.n:
                continue
            f = doc.folded[j]
            if is_arabic(f) and not doc.cuts[j] and f[0] != "و" and f not in STOP and not is_adjective(f):
                found.append(s)
                RULES.hit("homograph_as_noun")
        return found

    def descriptions(self) -> list[Span]:
        """The one-word spans that are an indefinite nationality adjective (يوغوسلافية "Yugoslav"), and the
        organisations that are a head with an indefinite nisba adjective alone (منظمة أممية "a UN body", حزب
        تونسي "a Tunisian party", مركز تجاري "a shopping centre"): descriptions, not names."""
        doc, found = self.doc, []
        for s in doc.spans:
            f = doc.folded[s.last]
            if f.startswith(_DEFINITE) or not is_arabic(f) or f in self.gaz.given:
                continue
            if s.first == s.last and self.place_nisba(f) or (
                    s.type == "ORG" and s.last == s.first + 1 and doc.folded[s.first] in self.heads
                    and self.nisba_of_common(f) and not self.place(f)):
                found.append(s)
                RULES.hit("description_not_name")
        return found

    def rank_positions(self) -> list[Span]:
        """The spans that are a rank noun (its proclitics off) and an ordinal alone (في المركز الثالث، المرتبة
        الأولى): a position in a ranking or a race, not the name of an organisation or a place."""
        doc, found = self.doc, []
        for s in doc.spans:
            if s.last == s.first + 1 and doc.bare[s.first] in RANK_NOUNS and doc.folded[s.last] in ORDINALS:
                found.append(s)
                RULES.hit("rank_not_name")
        return found

    def everyday_phrases(self) -> list[Span]:
        """The spans of a person, an organisation or a place made only of words that real news writes inside a
        name in few of their occurrences (`in_names.everyday_words`: هناك، الزائر، أهل الخير): everyday words, not
        a name, unless one of them is listed (a place, a given name, a title, a head: القوات البريطانية) or the
        whole is, or the text marks it as a name (`_marked_as_name`). A work's title (MISC) stays."""
        doc, found, everyday, gaz = self.doc, [], everyday_words(), self.gaz
        places = {s.last for s in doc.spans if s.type in ("GPE", "LOC")}
        surnames = {doc.folded[s.last] for s in doc.spans  # of people named in full: محمد الطويل ... الطويل
                    if s.type == "PER" and s.last > s.first and doc.bare[s.first] in gaz.given}
        for s in doc.spans:
            words = doc.bare[s.first:s.last + 1]
            if (s.type != "MISC" and all(w in everyday and not gaz.known(w) for w in words)
                    and not gaz.phrases.get(doc.key(s.first, s.last))
                    and not self._marked_as_name(s.first, s.type, places)
                    and not (s.type == "PER" and s.first == s.last and words[0] in surnames)):
                found.append(s)
                RULES.hit("everyday_phrase")
        return found

    def _marked_as_name(self, i: int, kind: str, places: set[int]) -> bool:
        """Whether the text marks the name of type `kind` opening at token i as one: an opening quote or bracket
        (حركة "فتح"، نظام “سداد”), a head, a unit or a media noun right before it (مدينة تربة، حي الشفاء، مجلة
        البيان), or, for a place, a place before it in a list (صعدة والجوف وحجة)."""
        if i == 0:
            return False
        before = self.doc.words[i - 1]
        if not before[-1].isalnum():
            return before[-1] in _OPENING_MARKS or kind in ("GPE", "LOC") and i - 2 in places
        b = self.doc.bare[i - 1]
        return b in self.heads or b in CLASSING_NOUNS or kind in ("GPE", "LOC") and i - 1 in places

    def place_adjectives(self) -> list[Span]:
        """Each place span followed by a size or direction adjective, with it (`with_place_adjective`)."""
        doc, found = self.doc, []
        for s in doc.spans:
            if s.type in ("LOC", "GPE") and self.with_place_adjective(s.first, s.last) > s.last:
                found.append((s.first, s.last + 1, s.type, doc.cuts[s.first]))
        return found

    def with_place_adjective(self, first: int, last: int) -> int:
        """The last token of the place at first..last with the size or direction adjective after it
        (`place_adjective`: القوقاز الكبير، بيروت الشرقية), or `last`. Not after a noun in construct with the
        place, whose adjective it may be (ريف دمشق الغربي "the western countryside of Damascus"), unless it is a
        region or range head (جبال القوقاز الكبرى), or the place opens with one."""
        doc, j = self.doc, last + 1
        if (j < self.n and doc.folded[j] in PLACE_ADJECTIVES and doc.owner.get(j) is None and j not in doc.owned
                and not doc.taken[j] and (doc.bare[first] in PLACE_HEADS or not self._in_construct_after(first))):
            RULES.hit("place_adjective")
            return j
        return last

    def _in_construct_after(self, i: int) -> bool:
        """Whether the word before token i is an indefinite noun in construct with it (no proclitic on i, no
        function word or head before it)."""
        doc = self.doc
        if i == 0 or doc.cuts[i]:
            return False
        f = doc.folded[i - 1]
        return is_arabic(f) and not f.startswith(_DEFINITE) and f not in STOP and f not in PLACE_HEADS

    def head_left_out(self, word: str) -> bool:
        """Whether an organisation's name opened by this word is found without it: the head is appositive
        (وكالة رويترز), the name is used alone as an alias (حركة X), or it is a media noun (قناة الجزيرة)."""
        return word in APPOSITIVE_HEADS or word in TAIL_ALIAS_HEADS or word in MEDIA

    def gazetteer_pass(self) -> list[Span]:
        """List names longer than the CRF's span over them (القدس -> القدس الشرقية، مجلس التعاون لدول الخليج
        العربية), but for an organisation whose head is left out in apposition, as an alias or as a media noun
        (وكالة رويترز، قناة الجزيرة)."""
        doc, gaz = self.doc, self.gaz
        found = []
        free = 0
        for i in positions(doc.bare, gaz.starts.__contains__):
            if i < free or i in doc.owned:
                continue
            m = gaz.match([doc.bare[i]] + doc.folded[i + 1:i + gaz.max_len], 0)
            if m is None or m[0] < 2 or m[1] not in ("GPE", "LOC", "ORG") or m[1] == "ORG" and self.head_left_out(
                    doc.bare[i]):
                continue
            last = i + m[0] - 1
            inside = [doc.owner[k] for k in range(i, last + 1) if k in doc.owner]
            if inside and all(s.last <= last for s in inside):
                if not any(s.first == i and s.last == last for s in inside):
                    kind = "ORG" if m[1] == "ORG" else "LOC"
                    found.append((i, last, kind, doc.cuts[i]))
                    RULES.hit("longer_listed_org" if kind == "ORG" else "longer_listed_place")
            if inside:
                free = last + 1
        return found


def scan(candidates: Iterable[int], taken: Callable[[int], bool], find: Callable[[int], Span | None]) -> list[Span]:
    """The names `find` gives at the candidate tokens, left to right, skipping tokens `taken` and those inside the
    name found before."""
    found: list[Span] = []
    free = 0
    for i in candidates:
        if i < free or taken(i):
            continue
        name = find(i)
        if name is not None:
            found.append(name)
            free = name[1] + 1
    return found


def verb_like(word: str) -> bool:
    """An indefinite word that is probably a verb in the imperfect (يضم، تعمل، سيدافع)."""
    return (word[0] in "يت" and len(word) <= 4) or (word[0] == "ي" and len(word) <= 6) or word.startswith(("سي", "ست"))


class PeopleAndLatin:
    """Rules 2 and 3 over one document: names after titles, and Latin-script names."""

    def __init__(self, rules: PhraseRules) -> None:
        self.r = rules
        self.doc = rules.doc
        self.titles = rules.gaz.titles  # the titles of one or more words
        self.one_word_titles = rules.gaz.rule_titles
        self.title_words = rules.gaz.rule_title_starts  # the words a title can start with

    def listed_public_names(self) -> list[Span]:
        """Public figures and organisations by their full name (`gazetteer.public_names`) where the CRF found
        nothing of the name or only parts of it: the whole name, of its listed type."""
        doc, listed = self.doc, public_names()
        return scan(positions(doc.bare, listed.starts.__contains__), doc.owned.__contains__,
                    lambda i: self.listed_public_name(i, listed))

    @RULES.rule("listed_public_name")
    def listed_public_name(self, i: int, listed: Gazetteer) -> Span | None:
        """The listed name that starts at token i, or None: when the CRF found it whole, a name that runs out of
        it, or, inside a person's name, a name of another type. A first word written as a particle it folds like
        (على, not علي) is the particle. An organisation is named without a head the news leaves out
        (`gazetteer_pass`: وكالة رويترز -> رويترز), and two everyday words are a designation (سلطات الاحتلال،
        اليوم السابع "the seventh day") before they are the listed name."""
        doc = self.doc
        m = listed.match([doc.bare[i], *doc.folded[i + 1:i + listed.max_len]], 0)
        if m is None or doc.bare[i] in STOP and doc.words[i].endswith(_ALIF_MAQSURA):
            return None
        last, kind = i + m[0] - 1, m[1]
        if kind == "ORG" and (self.r.head_left_out(doc.bare[i]) or last == i + 1 and all(
                self.r.count(w) >= RARE and not self.r.place_nisba(w) and not self.r.place(w)
                for w in (doc.bare[i], doc.folded[last]))):
            return None
        inside = [doc.owner[k] for k in range(i, last + 1) if k in doc.owner]
        if any(s.last > last or (s.first, s.last) == (i, last) or kind == "PER" and s.type != "PER" for s in inside):
            return None
        return i, last, kind, doc.cuts[i]

    def extend_people(self) -> list[Span]:
        """A person the CRF found by a given name alone takes the name-like word after it (إبراهيم + surname);
        one found by a surname alone takes the given name before it (`given_name_before`)."""
        doc, given = self.doc, self.r.gaz.given
        found = []
        for s in list(doc.spans):
            if s.type == "PER" and s.last - s.first <= 1:
                name = self.surname_after(s) if doc.folded[s.last] in given else self.given_name_before(s)
                if name is not None:
                    found.append(name)
        return found

    @RULES.rule("given_name_before")
    def given_name_before(self, s) -> Span | None:  # noqa: ANN001 - mentions._Span
        """The person `s` (a surname) with the given name before it (علي + a surname the tagger found alone), or
        None. A given name that folds like a particle counts only when written as the name (علي, not على); باسم
        ("in the name of") and a definite given name (العربي، the adjective) do not count."""
        doc, i = self.doc, s.first - 1
        if i < 0 or doc.cuts[s.first] or doc.folded[s.first] in self.r.gaz.given or doc.owner.get(i) is not None \
                or i in doc.owned:
            return None
        f, raw = doc.folded[i], doc.words[i]
        if (f not in self.r.gaz.given or f == _IN_NAME_OF or f.startswith(_DEFINITE)
                or (f in STOP and raw.endswith(_ALIF_MAQSURA))):
            return None
        return i, s.last, "PER", doc.cuts[i]

    @RULES.rule("given_name_surname")
    def surname_after(self, s) -> Span | None:  # noqa: ANN001 - mentions._Span
        """The person `s` (a given name) with the name-like word after it, or None."""
        doc = self.doc
        j = s.last + 1
        if self.name_word(j, False) and not verb_like(doc.folded[j]):
            return s.first, j, "PER", doc.cuts[s.first]
        return None

    def nicknames(self) -> list[Span]:
        """The nickname after each person the CRF or the rules found, introduced by a `known_as` word and ب or
        باسم (الملقب بحميدتي، المعروف بـ"أبو X"): one to three words, in quotes, or one rare word without."""
        doc, n, found = self.doc, self.r.n, []
        for s in doc.spans:
            j = s.last + 1
            if s.type != "PER" or j + 1 >= n or doc.folded[j] not in KNOWN_AS:
                continue
            k, cut = j + 1, 0
            if doc.folded[k] in (_BY, _IN_NAME_OF):
                k += 1
            elif doc.folded[k].startswith(_BY) and len(doc.folded[k]) > 3:
                cut = 1
            else:
                continue
            quoted = k < n and not doc.words[k][0].isalnum()
            k += quoted
            last = self._nickname_end(k, cut, quoted)
            if last is not None:
                found.append((k, last, "PER", cut))
                RULES.hit("nickname")
        return found

    def _nickname_end(self, k: int, cut: int, quoted: bool) -> int | None:
        """Last token of a nickname opening at k (`cut` proclitic characters on it): up to the closing quote, at
        most three Arabic words, or the name the tagger found there; without quotes a word rare in news with no
        pronoun suffix (المعروف بتذوقه "known for his taste" is no nickname), and the adjectives after it (الملقب
        بالبرق الأبيض)."""
        doc, n = self.doc, self.r.n
        if k >= n or k in doc.owned:
            return None
        own = doc.owner.get(k)
        if own is not None:  # the tagger read it as a name of another type
            return own.last if own.type != "PER" else None
        first = doc.folded[k][cut:]
        if not is_arabic(first) or first in STOP:
            return None
        if not quoted:
            if self.r.count(first) >= NAME_CONT or first.endswith(_PRONOUN):
                return None
            while k + 1 < n and is_adjective(doc.folded[k + 1]):
                k += 1
            return k
        last = k
        while last + 1 < n and last - k < 2 and is_arabic(doc.folded[last + 1]):
            last += 1
        return last if last + 1 < n and not doc.words[last + 1][0].isalnum() else None

    def is_title(self, i: int) -> int:
        """Length of the title starting at token i (0 when none)."""
        doc = self.doc
        b = doc.bare[i]
        if b not in self.title_words:
            return 0
        if i + 1 < self.r.n and (b, doc.folded[i + 1]) in self.titles:
            return 2
        return 1 if b in self.one_word_titles else 0

    def name_word(self, j: int, first: bool) -> bool:
        doc = self.doc
        if j >= self.r.n or doc.owner.get(j) is not None or j in doc.owned:
            return False
        text, f = doc.words[j], doc.folded[j]
        if is_latin_name(text):
            return True
        if not is_arabic(f) or f in STOP or f in self.r.heads or f in self.one_word_titles:
            return False
        if self.r.place(f) or is_adjective(f) and self.r.count(f) >= RARE:
            return False
        if f in self.r.gaz.given:
            return True
        if first:
            cut, b = doc.cuts[j], doc.bare[j]
            if f[0] in "وف" or self.r.place(b) or f.startswith("ال") or verb_like(f):
                return False
            if cut and self.r.count(b) >= 100:  # a preposition on a common word (بدأب)
                return False
            return self.r.count(f) < RARE and not self.r.nisba_of_common(f)
        if (f[0] == "و" or f.startswith(("بال", "لل", "فال", "كال")) or f.endswith("يه") or verb_like(f)
                or self.r.count(f) >= NAME_CONT or self.r.place_nisba(f)):
            return False
        raw = doc.words[j]
        return not (raw.endswith("ه") and len(f) >= 3 and self.r.count(f[:-1]) >= 20)  # a pronoun suffix

    def name_at(self, j: int) -> int | None:
        """Last index of a 1-3 word name starting at j, or None."""
        doc = self.doc
        if not self.name_word(j, True):
            return None
        last = j
        k = j + 1
        while k < self.r.n and k - j < 4:
            f = doc.folded[k]
            if f in NAME_LINKS and self.name_word(k + 1, False):
                last = k = k + 1
            elif self.name_word(k, False):
                last = k
            else:
                break
            k += 1
        s = doc.owner.get(last + 1)
        if s is not None and s.type == "PER":  # the CRF found the rest of the name (given name + known surname)
            return s.last
        f0 = doc.folded[j]
        if last == j and self.r.count(f0) >= RARE // 3:  # one word alone: only a rare one
            return None
        return last

    def people(self) -> list[Span]:
        doc = self.doc
        return scan(positions(doc.bare, self.title_words.__contains__),
                    lambda i: doc.owner.get(i) is not None or i in doc.owned, self.after_title)

    def after_title(self, i: int) -> Span | None:
        """The person named after a title at token i, or None (no title there, or no name after it)."""
        t = self.is_title(i)
        return self.person_after_title(i, t) if t else None

    @RULES.rule("person_after_title")
    def person_after_title(self, i: int, t: int) -> Span | None:
        """The person named after the title of t words at token i (and its complement), or None."""
        j = self.after_complement(i, t)
        last = self.name_at(j) if j < self.r.n else None
        return None if last is None else (j, last, "PER", 0)

    def after_complement(self, i: int, t: int) -> int:
        """The token after the complement of the title of t words at i: وزير المالية الكويتي، المتحدث باسم الجيش،
        قائد القوات المسلحة, names found there included; a person's name ends it."""
        doc, n = self.doc, self.r.n
        j = i + t
        prev = doc.folded[j - 1]
        while j < n and j - i <= 8:
            s = doc.owner.get(j)
            if s is not None:
                if s.type == "PER":
                    break
                j = s.last + 1
                continue
            c = self.r.classify(j, prev)
            f = doc.folded[j]
            nxt = doc.owner.get(j + 1)
            if f in _IN_OF and nxt is not None and nxt.type != "PER":  # القيادي في حزب ...
                j = nxt.last + 1
                continue
            if c in (DEF, ADJ, LIL) and f not in self.r.gaz.given or f == _IN_NAME_OF or self.is_title(j):
                prev = f
                j += 1
                continue
            break
        return j

    def latin(self) -> list[Span]:
        doc = self.doc
        found: list[Span] = []
        if not _LATIN_CAPITAL.search(doc.text):
            return found
        i = 0
        n = self.r.n
        while i < n:
            if doc.owner.get(i) is not None or i in doc.owned or not is_latin_name(doc.words[i]):
                i += 1
                continue
            last = i
            while last + 1 < n and is_latin_name(doc.words[last + 1]) and doc.owner.get(last + 1) is None:
                last += 1
            before = doc.words[i - 1] if i else ""
            if before not in ("(", "[") and len(doc.words[i]) > 1:
                if i and doc.bare[i - 1] in LATIN_MISC_BEFORE:
                    found.append((i, last, "MISC", 0))
                    RULES.hit("latin_misc")
                else:
                    found.append((i, last, "ORG", 0))
                    RULES.hit("latin_org")
            i = last + 1
        return found
