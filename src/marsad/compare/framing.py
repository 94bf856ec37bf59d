"""Framing vocabulary: the stance-marking words an outlet uses in its own voice, and words that set outlets apart.

`find_framing` matches the lexicon in `framing_lexicon.tsv` over the normalised article text (proclitics و ف ب ل ك
ال لل allowed, whole words only, the longest term wins) and keeps what the outlet says itself. Not its own voice:
text inside quotation marks or a direct `Quote`, a name that merely contains a term (حركة ...، جبهة ... ضد ...),
a label the text attributes to someone (وصفها بأنها ...، ما يسميه ...), and a term dated as a past event's name
(انقلاب يوليو 1952). A short quotation that is exactly a scare-quotable term (“إسرائيل”) is framing itself.

`contrast_terms` goes beyond the lexicon: within one event, the words next to a shared entity's mentions that one
outlet uses far more than the others (log-odds with an informative Dirichlet prior).
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import chain
from pathlib import Path

from marsad.cluster.terms import STOPWORDS as CLUSTER_STOPWORDS
from marsad.compare.numbers import DUAL_SCALES, FRACTIONS, HUNDREDS, SCALES, TENS, UNITS
from marsad.extract.quotes.marks import QuotedSpan, quoted_spans
from marsad.extract.time.lexicon import GREGORIAN_MONTHS, PARTS_OF_DAY, WEEKDAYS
from marsad.resources import MODELS_DIR, column, fields
from marsad.rules import RuleSet
from marsad.text.normalize import Normalized, match_key, normalize, normalize_with_map
from marsad.types import ContrastTerm, Framing, FramingTerm, Mention, Quote

COMPARE_MODELS = MODELS_DIR / "compare"
RULES = RuleSet("framing")
LEXICON_PATH = COMPARE_MODELS / "framing_lexicon.tsv"
LEARNED_PATH = COMPARE_MODELS / "framing_learned.tsv"  # evaluative words learnt from SaudiNewsNet, kept by hand
NEUTRAL = "neutral"
SCARE_QUOTES = "scare-quotes"

_TOKEN = re.compile(r"\w+|[^\w\s]")
_WORD_RUN = re.compile(r"\w+")
_CLAUSE_BREAK = frozenset(".,;:!?()[]\"'-")
_ONE_CLITIC = re.compile(r"^[وفبل](?=\w{3})")
_CLITIC_BEFORE_ARTICLE = re.compile(r"^[وف]?[بكل]?(?=ال)")
CUES_PATH = COMPARE_MODELS / "framing_cues.tsv"


def _cues(role: str) -> list[str]:
    """The cues of one role of `framing_cues.tsv`, in file order."""
    return [cue for cue, row_role in fields(CUES_PATH) if row_role == role]


# A head noun right before a term makes the term part of a name: حركة المقاومة الإسلامية, لجان المقاومة.
_NAME_HEADS = frozenset(map(normalize, _cues("name-head")))
# Opposition before a term names the position of the term's opponents (جبهة ... ضد التطبيع), not the outlet's.
_OPPOSITION = re.compile(rf"^[وفبل]?(?:{'|'.join(_cues('opposition'))})$")
_OPPOSITION_WINDOW = 3
# Labels of those fought or of what is suffered rather than of a position opposed: after ضد or رفض they are still the
# outlet's words (معارك ضد إسلاميين متشددين وجهاديين، حرب ضد الجماعات الإرهابية، رفض المملكة للعدوان الحوثي، رفضا
# للاحتلال).
_FOUGHT_LABELS = frozenset({"terrorism-label", "religious-political-label", "demonising", "occupation-naming",
                            "blame", "tragedy-label"})
# A naming or labelling verb before a term attributes the label to someone else (وصفه منتقدوه بأنه انقلاب).
_ATTRIBUTION = re.compile(rf"^[وف]?(?:ما)?(?:{'|'.join(_cues('attribution'))})$")
_ATTRIBUTION_WINDOW = 4
_ACCUSATION = re.compile(rf"^[وف]?[بل]?(?:{'|'.join(_cues('accusation'))})$")  # لاتهامه، باتهام: its verbal noun too
_CHARGE = re.compile(r"^[وف]?ب")  # بـ before the charge: اتهمه بالانقلاب، يتهمونه بأنه
# Gregorian month names (the first word of كانون الثاني): a term before one names a past event (انقلاب يوليو).
_MONTHS = frozenset(name.split()[0] for name in GREGORIAN_MONTHS)
_DATE_LEADS = frozenset(map(normalize, _cues("date-lead")))
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_DAY = re.compile(r"^\d{1,2}$")
_SCARE_MAX_WORDS = 2


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One row of the framing lexicon."""

    term: str
    category: str  # what the term does (delegitimising-label, martyrdom, ...), whatever it names
    label: str
    note: str
    bare: bool = False  # matched only without the article: a construct's first noun (متمردو), made by `construct`


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int  # normalised offsets
    end: int
    written: str  # original text, clitics off
    key: str  # normalised written form
    entry: LexiconEntry


def load_lexicon(path: Path = LEXICON_PATH) -> tuple[LexiconEntry, ...]:
    """Rows of the tab-separated lexicon (term, category, label, note)."""
    return tuple(LexiconEntry(*(cell.strip() for cell in row)) for row in fields(path))


# The endings a row's last word may take beyond its written form (see `word_forms`).
_PRONOUN_SUFFIXES = tuple(map(normalize, _cues("pronoun-suffix")))
_NISBA_SUFFIXES = tuple(map(normalize, _cues("nisba-suffix")))
_PLURAL_SWAP = tuple(map(normalize, _cues("plural-swap")))
_LONG_VOWELS = tuple(map(normalize, _cues("long-vowel")))
_ADJECTIVE_ENDINGS = tuple(_cues("adjective-ending"))
_ACCUSATIVE = tuple(map(normalize, _cues("accusative-ending")))
_DUAL = tuple(map(normalize, _cues("dual-ending")))
_PLURAL_ENDINGS = tuple(map(normalize, ("ون", "ين", "ات", "ان")))  # a word so ended takes no dual
_LONG_VOWEL_LETTERS = "اوي"  # the letters of a long vowel, written (ى is no middle letter)
_STEM_MIN = {1: 3, 2: 4}  # letters left once a one- or two-letter ending is off (البشعة: بشع; المشين is no plural)
_ADJECTIVE = "+"  # a row's last word ending in + is an adjective (see `adjective_forms`)
_NISBA_MIN = 4  # letters of an adjective of relation in ي, article off (عبري); shorter words in ي are no such adjective


def word_forms(written: str) -> tuple[str, ...]:
    """The normalised forms a lexicon row's last word matches: itself; with an attached pronoun (جرائمهم، قضيته: a ة
    of the row written ت before it; اغتالوه: the ا of a plural verb's وا dropped) and, but for a ة or a plural verb's
    ending, in the indefinite accusative (انقلابا، شهيدا), unless it has an article, a pronoun
    already (أمتنا: امتنانا is no form of it) or another long vowel at its end (المفدى، ادعى); an adjective of relation
    in ي with its feminine, dual and plural endings (الإرهابية، إرهابيين); a sound masculine plural in either case
    (المتمردون، المتمردين); a singular noun's dual (شهيدان، مجزرتين: `_DUAL`). A word ending in * (any suffix
    already) is kept as it is; one ending in + is an adjective and takes its other genders and numbers
    (`adjective_forms`)."""
    if written.endswith(_ADJECTIVE):
        return adjective_forms(written.removesuffix(_ADJECTIVE))
    word = normalize(written)
    if word.endswith("*"):
        return (word,)
    forms = {word}
    feminine, plural_verb = written.endswith("ة"), word.endswith("وا")
    pronoun_ended = not feminine and word.endswith(_PRONOUN_SUFFIXES)
    if not (word.startswith("ال") or pronoun_ended or (word.endswith(_LONG_VOWELS) and not plural_verb)):
        stem = word[:-1] + "ت" if feminine else word[:-1] if plural_verb else word
        forms.update(stem + suffix for suffix in _PRONOUN_SUFFIXES)
        if not (feminine or plural_verb):
            forms.update(word + ending for ending in _ACCUSATIVE)
    if not (pronoun_ended or plural_verb or word.endswith(_PLURAL_ENDINGS)
            or (word.endswith(_LONG_VOWELS) and not feminine)):
        forms.update((word[:-1] + "ت" if feminine else word) + ending for ending in _DUAL)
    if written.endswith("ي") and len(word.removeprefix("ال")) >= _NISBA_MIN:
        forms.update(word + suffix for suffix in _NISBA_SUFFIXES)
    for ending in _PLURAL_SWAP:
        if word.endswith(ending):
            forms.update(word[:-len(ending)] + other for other in _PLURAL_SWAP)
    return tuple(sorted(forms, key=lambda f: (-len(f), f)))


def adjective_forms(written: str) -> tuple[str, ...]:
    """The normalised forms of an adjective in both genders and both sound plurals, and its masculine's indefinite
    accusative (إرهابيا، وحشيا), from any one of them as written:
    its ending (ة، ون، ين، ات) off, where a stem of three letters (four before a plural ending) is left, gives the
    masculine singular, whose stem takes every ending; a hamza after a long vowel is written ء at the end and ئ
    before an ending (الدنيء، الدنيئة), after a consonant ئ (المتواطئ، المتواطئة)."""
    letters = len(written.removeprefix("ال"))
    stem = next((written[:-len(e)] for e in _ADJECTIVE_ENDINGS
                 if written.endswith(e) and letters - len(e) >= _STEM_MIN[len(e)]), written)
    masculine = stem[:-1] + "ء" if stem.endswith("ئ") and stem[-2:-1] in _LONG_VOWEL_LETTERS else stem
    stem = stem[:-1] + "ئ" if stem.endswith("ء") else stem
    forms = {normalize(masculine), *(normalize(stem + ending) for ending in (*_ADJECTIVE_ENDINGS, *_ACCUSATIVE))}
    return tuple(sorted(forms, key=lambda f: (-len(f), f)))


_PRONOUNS = tuple(_cues("pronoun-suffix"))
# The pronouns as few word endings: those sharing a first letter as that letter and any letters after (ه*: ه، ها،
# هم، هما، هن), the rest as they are; a noun so ended is no bare noun in a construct (رئيس الهيئة الشرعية).
_PRONOUN_HEADS = tuple(sorted({p if sum(q[0] == p[0] for q in _PRONOUNS) == 1 else p[0] + "*" for p in _PRONOUNS}))


def possessed(entry: LexiconEntry) -> tuple[LexiconEntry, ...]:
    """A row of a definite noun and its definite adjective or complement (القيادة الرشيدة، الانقلاب على الشرعية) with
    the noun's article given up for an attached pronoun (قيادتها الرشيدة، انقلابهم على الشرعية), one entry for each of
    `_PRONOUN_HEADS`; none for a row of one word, a scare term, or a noun whose stem is short or ends in a long
    vowel."""
    first, *rest = entry.term.split()
    stem = first.removeprefix("ال")
    if (not rest or entry.label == SCARE_QUOTES or stem == first or not rest[-1].startswith("ال")
            or len(stem) < _STEM_MIN[1] or stem.endswith((*_LONG_VOWEL_LETTERS, "ى", "*", _ADJECTIVE))):
        return ()
    stem = stem[:-1] + "ت" if stem.endswith("ة") else stem
    return tuple(LexiconEntry(" ".join((stem + head, *rest)), entry.category, entry.label, entry.note)
                 for head in _PRONOUN_HEADS)


_CONSTRUCT_ENDINGS = tuple(_cues("construct-ending"))
_PLURAL_SWAP_WRITTEN = tuple(_cues("plural-swap"))


def construct(entry: LexiconEntry) -> tuple[LexiconEntry, ...]:
    """A one-word row written as a sound masculine plural (المتمردين، الإرهابيين+) as the first noun of a construct,
    which drops the article and the plural's ن (متمردو الحوثي، إرهابيي داعش), matched only without the article
    (المعتدي is a singular, the assailant of police news); none for other rows, nor for kinship words, whose construct
    reads as "my" (شقيقي)."""
    bare = entry.term.removesuffix(_ADJECTIVE).removeprefix("ال")
    if (" " in bare or entry.label == SCARE_QUOTES or entry.category == "kinship-rhetoric"
            or not bare.endswith(_PLURAL_SWAP_WRITTEN) or len(bare) - 2 < _STEM_MIN[2]):
        return ()
    return tuple(LexiconEntry(bare[:-2] + ending, entry.category, entry.label, entry.note, bare=True)
                 for ending in _CONSTRUCT_ENDINGS)


def _indefinite(entry: LexiconEntry) -> bool:
    """A row that matches without its article too: a one-word adjective (جماعات إرهابية، هجوم دموي), and a neutral
    noun with its adjectives, all with the article, which shields them as well without it (خلايا دموية)."""
    words = entry.term.split()
    if entry.label == NEUTRAL:
        return len(words) > 1 and all(normalize(w).startswith("ال") for w in words)
    return len(words) == 1 and entry.term.endswith(_ADJECTIVE)


VERBS_PATH = COMPARE_MODELS / "framing_verbs.tsv"
_PAST_SUFFIXES = tuple(map(normalize, _cues("past-suffix")))
_PRESENT_PREFIXES = tuple(map(normalize, _cues("present-prefix")))
_PRESENT_SUFFIXES = tuple(map(normalize, _cues("present-suffix")))


def verb_forms(past: str, present: str) -> tuple[str, ...]:
    """The normalised conjugated forms of a verb from its past and present third person masculine singular (see
    `framing_verbs.tsv`); a verb whose last radical is weak (ى) keeps its two written forms."""
    past, present = normalize(past), normalize(present)
    if past.endswith("ي"):
        return past, present
    stem = present[1:]
    return (past, *(past + suffix for suffix in _PAST_SUFFIXES),
            *(prefix + stem + suffix for prefix in _PRESENT_PREFIXES for suffix in ("", *_PRESENT_SUFFIXES)))


_MARKS = re.compile("[\u064b-\u0652\u0640]")


MEASURES_PATH = COMPARE_MODELS / "framing_measures.tsv"


@cache
def _measures() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    return tuple((re.compile(pattern), noun, participle) for pattern, noun, participle, _ in fields(MEASURES_PATH))


def verb_nouns(past: str) -> tuple[str, ...]:
    """The verbal noun and the active participle (with the article) of a loaded verb, by its measure read off its
    past as written (`framing_measures.tsv`: تخاذل gives تخاذل، المتخاذل; ماطل gives مماطلة، المماطل); none for a
    past no measure row matches (three letters, measure IV, a weak last radical)."""
    p = _MARKS.sub("", past)
    for pattern, noun, participle in _measures():
        if m := pattern.match(p):
            return m.expand(noun), "ال" + m.expand(participle)
    return ()


def load_verbs(path: Path = VERBS_PATH) -> tuple[LexiconEntry, ...]:
    """Lexicon entries for every conjugated form of the loaded verbs (past, present, category, label, note), and for
    their verbal nouns and participles (`verb_nouns`)."""
    rows = fields(path)
    forms = [LexiconEntry(form, category, label, note)
             for past, present, category, label, note in rows for form in verb_forms(past, present)]
    nouns = [LexiconEntry(noun + _ADJECTIVE if noun.startswith("ال") else noun, category, label, note)
             for past, _, category, label, note in rows for noun in verb_nouns(past)]
    return tuple(forms + nouns)


def _row_words(entry: LexiconEntry) -> list[tuple[str, ...]]:
    """Each word of a row as the forms it matches, the article off the first (the pattern's clitics match it), the
    others' optional in a row matched without it (`_indefinite`): only the last word inflects."""
    written = entry.term.split()
    words = [(normalize(w),) for w in written[:-1]] + [word_forms(written[-1])]
    if words[0][0].startswith("ال"):
        words[0] = tuple(f[2:] for f in words[0])
    if len(words) > 1 and _indefinite(entry):
        words[1:] = [(*forms, *(f[2:] for f in forms)) for forms in words[1:]]
    return words


# An adjective of relation with the article may stand between a row's words where the next has the article too
# (القيادة الرشيدة: القيادة البحرينية الرشيدة): adjectives of one noun follow it in a row.
_NISBA_BETWEEN = r"(?:\s+ال\w{2,}ي(?:ه|ين|ون)?)?"


def _core_pattern(words: list[tuple[str, ...]]) -> str:
    """Words separated by any whitespace, each one of its forms; a trailing * lets a word take any suffix."""
    parts = [re.escape(w[0][:-1]) + r"\w*" if w[0].endswith("*") else "(?:" + "|".join(map(re.escape, w)) + ")"
             for w in words]
    return parts[0] + "".join((_NISBA_BETWEEN if w[0].startswith("ال") else "") + r"\s+" + part
                              for w, part in zip(words[1:], parts[1:], strict=True))


def _entry_pattern(entry: LexiconEntry) -> re.Pattern[str]:
    """Whole-word pattern over normalised text with proclitics; `art` or `art2` (the second ل of لل) mark an article."""
    words = _row_words(entry)
    if normalize(entry.term).startswith("ال") and not _indefinite(entry):
        clitics = r"(?:[وف]?[بك]?(?P<art>ال)|[وف]?ل(?P<art2>ل))"
    elif entry.bare:  # the article's groups never match
        clitics = r"(?:(?P<art>(?!))(?P<art2>(?!))|[وف]?[بلك]?)"
    else:
        clitics = r"(?:[وف]?[بك]?(?P<art>ال)|[وف]?ل(?P<art2>ل)|[وف]?[بلك]?)"
    return re.compile(rf"(?<!\w){clitics}(?P<core>{_core_pattern(words)})(?!\w)")


@dataclass(frozen=True, slots=True)
class _FirstWordIndex:
    """Which own-voice patterns can match at a word: by the first word of their core (clitics off).

    Only entries whose core's first word is plain word characters are indexed; the rest are searched in full.
    """

    whole: dict[str, tuple[int, ...]]  # first word -> pattern indices
    prefix: dict[str, tuple[int, ...]]  # first word ending in * (any suffix) -> pattern indices
    prefix_lengths: tuple[int, ...]
    unindexed: tuple[int, ...]
    starts: re.Pattern[str]  # the words that may hold an indexed first word (a superset, found in one scan)

    def candidates(self, word: str) -> set[int]:
        """Patterns that may match at a word of the normalised text (a superset; each is then tried)."""
        found: set[int] = set()
        for cut in range(min(_MAX_CLITICS, len(word)) + 1):
            rest = word[cut:]
            found.update(self.whole.get(rest, ()))
            for length in self.prefix_lengths:
                found.update(self.prefix.get(rest[:length], ()) if len(rest) >= length else ())
        return found


_MAX_CLITICS = 4  # وبال، فكال: the longest proclitic chain an entry pattern allows
_CLITIC_LETTERS = "وفبكلا"  # the letters of those chains


def _trie_pattern(words: set[str]) -> str:
    """A regex matching text that begins with any of `words`, shared beginnings factored out (one pass, where a
    long alternation would be tried word after word at every position)."""
    heads: dict[str, set[str]] = defaultdict(set)
    for word in words:
        heads[word[0]].add(word[1:])
    parts = [re.escape(head) + ("" if "" in tails else _trie_pattern(tails)) for head, tails in sorted(heads.items())]
    return f"(?:{'|'.join(parts)})"


@cache
def _compiled() -> tuple[tuple[LexiconEntry, ...], dict[str, LexiconEntry]]:
    """The own-voice entries (neutral rows included, to shield what they contain), each matched by its `_pattern`, and
    the scare terms."""
    rows = load_lexicon() + load_lexicon(LEARNED_PATH)
    lexicon = rows + tuple(chain.from_iterable(map(possessed, rows))) + tuple(chain.from_iterable(map(construct, rows)))
    lexicon += load_verbs()
    entries = tuple(e for e in lexicon if e.label != SCARE_QUOTES)
    scare = {_squash(e.term): e for e in lexicon if e.label == SCARE_QUOTES}
    return entries, scare


@cache
def _pattern(i: int) -> re.Pattern[str]:
    """The pattern of own-voice entry `i`, compiled when first tried: a run meets only some of the rows."""
    return _entry_pattern(_compiled()[0][i])


@cache
def _first_word_index() -> _FirstWordIndex:
    entries, _ = _compiled()
    whole: dict[str, list[int]] = defaultdict(list)
    prefix: dict[str, list[int]] = defaultdict(list)
    unindexed = []
    for i, entry in enumerate(entries):
        for first in _row_words(entry)[0]:
            literal = first.removesuffix("*")
            if not _WORD_RUN.fullmatch(literal):
                unindexed.append(i)
            elif first.endswith("*"):
                prefix[literal].append(i)
            else:
                whole[literal].append(i)
    starts = re.compile(rf"(?<!\w)[{_CLITIC_LETTERS}]{{0,{_MAX_CLITICS}}}{_trie_pattern({*whole, *prefix})}")
    return _FirstWordIndex({k: tuple(v) for k, v in whole.items()}, {k: tuple(v) for k, v in prefix.items()},
                           tuple(sorted({len(k) for k in prefix})), tuple(dict.fromkeys(unindexed)), starts)


@lru_cache(maxsize=1 << 16)
def _candidates(word: str) -> tuple[int, ...]:
    """The indexed patterns that may match at a word, in pattern order (words repeat: cached)."""
    return tuple(sorted(_first_word_index().candidates(word)))


def _squash(text: str) -> str:
    return " ".join(normalize(text).split())


def find_framing(article_id: str, text: str, quotes: Sequence[Quote] = (), mentions: Sequence[Mention] = (),
                 title: str = "") -> Framing:
    """The framing terms of one article in its own voice, with counts; empty `terms` when there are none.

    Only direct quotes are set aside: the wording of reported speech (قال إن ...) is the outlet's own. `mentions`
    (the article's named entities) let a label word frame the name after it: a government named after its leader
    (نظام + a person), a place's capture named its liberation (تحرير + a place). A `title` given apart from the text
    (a feed's headline field) is the outlet's voice too: its terms count, unless the text already holds it.
    """
    hits = _own_hits(text, quotes, mentions)
    if title and _squash(title) not in _squash(text):
        RULES.hit("headline")
        hits += _own_hits(title)
    return Framing(article_id, _tally(hits))


def _own_hits(text: str, quotes: Sequence[Quote] = (), mentions: Sequence[Mention] = ()) -> list[_Hit]:
    """The lexicon, label and scare-quote hits of a text in its own voice."""
    norm = normalize_with_map(text)
    spans = quoted_spans(text)
    quoted = [(s.outer_start, s.outer_end) for s in spans]
    quoted += [(q.start, q.end) for q in quotes if q.kind == "direct"]
    hits = [h for h in _lexicon_hits(text, norm) if _own_voice(h, norm, quoted)]
    hits += [h for h in _label_hits(text, norm, mentions) if _own_voice(h, norm, quoted, named_event=False)]
    hits += list(_scare_hits(text, norm, spans))
    return hits


_PUBLIC_FIGURES = frozenset(normalize(name) for name in column(MODELS_DIR / "latin" / "people.tsv"))
_LABEL_CLITICS = re.compile(r"^[وف]?[بلك]?")


@dataclass(frozen=True, slots=True)
class _NameLabel:
    """The label words of one `framing_cues.tsv` role, which frame the name right after them, and what they say."""

    role: str
    words: frozenset[str]
    category: str
    label: str
    note: str


def _name_label(role: str, category: str, label: str, note: str) -> _NameLabel:
    return _NameLabel(role, frozenset(map(normalize, _cues(role))), category, label, note)


# A government named after its leader (نظام فلان); a place's capture named its liberation (تحرير عدن).
_LEADER_LABEL = _name_label("leader-label", "delegitimising-label", "regime", "a government named for its leader")
_PLACE_LABEL = _name_label("place-label", "legitimising-label", "liberation", "a place's capture named a liberation")
_PLACE_TYPES = frozenset({"GPE", "LOC"})


def _labels_of(m: Mention) -> _NameLabel | None:
    """The label words that can frame a mention: a person's (public figures count whatever the tagger typed them) or a
    place's."""
    if m.type == "PER" or normalize(m.text) in _PUBLIC_FIGURES:
        return _LEADER_LABEL
    return _PLACE_LABEL if m.type in _PLACE_TYPES else None


def _label_hits(text: str, norm: Normalized, mentions: Sequence[Mention]) -> Iterator[_Hit]:
    """A label word right before a name of its kind: نظام before a person (a government named after its leader,
    نظام فلان), تحرير before a place (تحرير عدن: the outlet calls the capture a liberation)."""
    for m in mentions:
        label = _labels_of(m)
        if label is None:
            continue
        start = bisect_left(norm.offsets, m.start)
        before = _words_before(norm.text, start, 1)
        clitics = len(_LABEL_CLITICS.match(before[0]).group()) if before else 0  # type: ignore[union-attr]
        if not before or before[0][clitics:] not in label.words:
            continue
        RULES.hit(label.role)
        label_start = norm.text.rfind(before[0], 0, start) + clitics
        o_start = norm.to_original(label_start, label_start)[0]
        written = " ".join(text[o_start:m.end].split())
        entry = LexiconEntry(before[0][clitics:], label.category, label.label, label.note)
        yield _Hit(label_start, bisect_left(norm.offsets, m.end), written, _squash(written), entry)


def _lexicon_hits(text: str, norm: Normalized) -> list[_Hit]:
    """Every lexicon match, leftmost first and longest at a tie, then a row written as the text has it (an adjective's
    row of that gender and number before the row it is a form of), without overlaps; neutral rows dropped last."""
    entries, _ = _compiled()
    found = sorted(_matches(norm.text), key=lambda item: (item[1].start(), -item[1].end(),
                                                         not _written_as(entries[item[0]], item[1]), item[0]))
    hits: list[_Hit] = []
    taken = 0
    for i, m in found:
        if m.start() < taken:
            continue
        taken = m.end()
        entry = entries[i]
        if entry.label != NEUTRAL and not _folded_ending(entry, text, norm, m):
            hits.append(_hit(text, norm, m, entry))
    return hits


def _written_as(entry: LexiconEntry, m: re.Match[str]) -> bool:
    """The match is the row as written, not another of the forms it takes, with the article where the row has it and
    only there (a row غادر, the verb, is not written as الغادر)."""
    term = _squash(entry.term.removesuffix(_ADJECTIVE))
    definite = bool(m.group("art") or m.group("art2"))
    return term.endswith(m.group("core")) and term.startswith("ال") == definite


def _folded_ending(entry: LexiconEntry, text: str, norm: Normalized, m: re.Match[str]) -> bool:
    """A row word ending in the pronoun ه met by a word the text writes with ة, or an adjective's row met without the
    article by a word ending in ه: normalising folds the two letters, the spelling tells them apart (رحمه الله, may God
    have mercy on him, is not رحمة الله, God's mercy; جل جلاله, exalted be His majesty, not جلالة; وغادره, and left it,
    not غادرة, treacherous). With the article a word in ه is the adjective written so (الطريقة البشعه)."""
    o_start, o_end = norm.to_original(m.start("core"), m.end("core"))
    written = text[o_start:o_end].split()
    rows = entry.term.removesuffix(_ADJECTIVE).split()
    if any(row.endswith("ه") and word.endswith("ة") for row, word in zip(rows, written, strict=False)):
        return True
    bare = not (m.group("art") or m.group("art2"))
    return entry.term.endswith(_ADJECTIVE) and bare and written[-1].endswith("ه")


def _matches(norm_text: str) -> Iterator[tuple[int, re.Match[str]]]:
    """(entry index, match) for what each entry's pattern's `finditer` finds, trying a pattern only at the words
    where its first word can start (a match starts at a word: the patterns begin with (?<!\\w) and a letter)."""
    for i in _first_word_index().unindexed:
        yield from ((i, m) for m in _pattern(i).finditer(norm_text))
    free_from: dict[int, int] = {}  # pattern index -> end of its last match (finditer does not overlap)
    for start in _first_word_index().starts.finditer(norm_text):
        at = start.start()
        for i in _candidates(_WORD_RUN.match(norm_text, at).group()):
            m = _pattern(i).match(norm_text, at) if at >= free_from.get(i, 0) else None
            if m:
                free_from[i] = m.end()
                yield i, m


def _hit(text: str, norm: Normalized, m: re.Match[str], entry: LexiconEntry) -> _Hit:
    """A match with its written form: the original core, with ال when the term or the text has the article."""
    o_start, o_end = norm.to_original(m.start("core"), m.end("core"))
    definite = m.group("art") or m.group("art2") or (normalize(entry.term).startswith("ال")
                                                      and not _indefinite(entry))
    written = " ".join((("ال" if definite else "") + text[o_start:o_end]).split())
    return _Hit(m.start(), m.end(), written, _squash(written), entry)


def _own_voice(hit: _Hit, norm: Normalized, quoted: list[tuple[int, int]], named_event: bool = True) -> bool:
    """False inside a quotation, in a name, under opposition or attribution, or (`named_event`: a term that can
    name an event) as a dated event's name; a government named for its leader is no event (نظام فلان عام 2011)."""
    o_start, o_end = norm.to_original(hit.start, hit.end)
    if any(s < o_end and o_start < e for s, e in quoted):
        return False
    before = _words_before(norm.text, hit.start)
    after = _words_after(norm.text, hit.end)
    opposed = _opposed(before) and hit.entry.category not in _FOUGHT_LABELS
    return not (_in_name(before) or opposed or _attributed(before) or (named_event and _dated(after))
                or _charged(before, norm.text[hit.start:hit.end]))


def _words_before(text: str, start: int, limit: int = 6) -> list[str]:
    """Up to `limit` tokens before `start` in the same clause, nearest first."""
    out: list[str] = []
    for tok in reversed(_TOKEN.findall(text[max(0, start - 80):start])):
        if tok in _CLAUSE_BREAK or len(out) == limit:
            break
        out.append(tok)
    return out


def _words_after(text: str, end: int, limit: int = 3) -> list[str]:
    """Up to `limit` tokens after `end` in the same clause."""
    out: list[str] = []
    for tok in _TOKEN.findall(text[end:end + 40]):
        if tok in _CLAUSE_BREAK or len(out) == limit:
            break
        out.append(tok)
    return out


def _in_name(before: list[str]) -> bool:
    return bool(before) and (before[0] in _NAME_HEADS or _ONE_CLITIC.sub("", before[0]) in _NAME_HEADS)


def _opposed(before: list[str]) -> bool:
    return any(_OPPOSITION.match(w) for w in before[:_OPPOSITION_WINDOW])


def _charged(before: list[str], term: str) -> bool:
    """The term is the charge of an accusation (اتهمه بالانقلاب، يتهمونه بأنه انقلابي): an accusing verb before
    it, with بـ on the term or on a word between them; the accused, named right after the verb, is not."""
    for k, word in enumerate(before[:_ATTRIBUTION_WINDOW]):
        if _ACCUSATION.match(word):
            return bool(_CHARGE.match(term)) or any(_CHARGE.match(w) for w in before[:k])
    return False


def _attributed(before: list[str]) -> bool:
    return any(_ATTRIBUTION.match(w) for w in before[:_ATTRIBUTION_WINDOW])


def _is_date_word(word: str) -> bool:
    return bool(_YEAR.match(word)) or _ONE_CLITIC.sub("", word) in _MONTHS or word in _MONTHS


def _dated(after: list[str]) -> bool:
    """انقلاب مايو 1969، انقلاب عام 1952، انقلاب 14 يوليو: a past event named by its date."""
    if not after:
        return False
    if _is_date_word(after[0]):
        return True
    if len(after) > 1 and (after[0] in _DATE_LEADS or _DAY.match(after[0])):
        return _is_date_word(after[1])
    return False


def _scare_hits(text: str, norm: Normalized, spans: list[QuotedSpan]) -> Iterator[_Hit]:
    """Closed quotations of one or two words that are exactly a scare-quotable term, not introduced as a label."""
    _, scare = _compiled()
    for span in spans:
        content = _squash(text[span.start:span.end])
        entry = scare.get(content)
        if not span.closed or entry is None or len(content.split()) > _SCARE_MAX_WORDS:
            continue
        start = bisect_left(norm.offsets, span.outer_start)
        if _attributed(_words_before(norm.text, start)):
            continue
        end = bisect_left(norm.offsets, span.outer_end)
        yield _Hit(start, end, text[span.outer_start:span.outer_end], f'"{content}"', entry)


def _tally(hits: list[_Hit]) -> tuple[FramingTerm, ...]:
    """One term per written form (normalised), counted, most frequent first, then as first seen."""
    counts: Counter[tuple[str, str]] = Counter()
    first: dict[tuple[str, str], _Hit] = {}
    for h in hits:
        key = (h.key, h.entry.label)
        counts[key] += 1
        first.setdefault(key, h)
    order = sorted(counts, key=lambda k: -counts[k])
    return tuple(FramingTerm(first[k].written, k[0], counts[k], k[1], first[k].entry.category) for k in order)


# --- beyond the lexicon: distinctive words around shared entities, per outlet

_CONTEXT = 3  # tokens either side of a mention
_PRIOR = 10.0  # total weight of the Dirichlet prior: an event is small, a light prior lets its counts speak
_MIN_Z = 1.0  # a ranking cut, not a significance test: near one entity counts stay small
_MIN_COUNT = 2
_STOP = frozenset(map(normalize, column(COMPARE_MODELS / "contrast_stopwords.tsv")))
# Days, months and parts of the day say when, not how an outlet frames: مساء الأحد is no contrast.
_TIME_WORDS = frozenset(chain(WEEKDAYS, GREGORIAN_MONTHS, PARTS_OF_DAY, (f"ال{w}" for w in PARTS_OF_DAY)))
# Number words say how many, not how: ثلاثة مواقع، مليون is no contrast (with ال: الألف، المليون).
_NUMBER_WORDS = frozenset(chain.from_iterable(
    (w, f"ال{w}") for table in (UNITS, TENS, HUNDREDS, SCALES, DUAL_SCALES, FRACTIONS) for w in table))


def contrast_terms(texts_by_outlet: Mapping[str, Mapping[str, str]],
                   mentions: Mapping[str, Sequence[Mention]]) -> list[ContrastTerm]:
    """Within one event, the words each outlet places next to an entity that the other outlets do not.

    `texts_by_outlet` is outlet -> article id -> text; `mentions` is entity id -> its mentions (an `Entity`'s
    mentions). For every entity mentioned by two outlets or more, the unigrams and bigrams within three tokens of
    its mentions are counted per outlet (normalised, و ف ب ك ل off before ال, function words and entity names
    dropped, a window repeated in one outlet counted once) and each outlet is compared with the rest by the
    log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008), the prior being the
    counts near all mentions of the entity. Kept: z of 1.0 or more (counts near one entity are small, so this
    ranks rather than tests), used twice or more by that outlet; strongest first. "جيش الاحتلال" next to a
    minister's name where the others write "الجيش الإسرائيلي" surfaces this way without being in the lexicon.
    """
    event = _EventTexts({aid: (outlet, text) for outlet, texts in texts_by_outlet.items()
                         for aid, text in texts.items()},
                        {w for spans in mentions.values() for m in spans for w in _content_words(m.text)})
    found: list[ContrastTerm] = []
    for entity, spans in mentions.items():
        read = [m for m in spans if m.article in event.texts]
        if len({event.texts[m.article][0] for m in read}) >= 2:  # else no outlet has another to differ from
            found.extend(_distinctive(entity, _context_counts(event, read)))
    return sorted(found, key=lambda c: (-c.z, c.outlet, c.entity, c.term))


@dataclass(frozen=True, slots=True)
class _EventTexts:
    """An event's articles: article id -> (outlet, text), each text normalised when first read; and the words of
    the event's entity names."""

    texts: Mapping[str, tuple[str, str]]
    names: set[str]
    read: dict[str, Normalized] = field(default_factory=dict)

    def normalized(self, article: str) -> Normalized:
        if article not in self.read:
            self.read[article] = normalize_with_map(self.texts[article][1])
        return self.read[article]


def _context_counts(event: _EventTexts, spans: Sequence[Mention]) -> dict[str, Counter[str]]:
    """Outlet -> counts of the n-grams around the given mentions (all in `event`); names and repeated windows
    count once."""
    windows: dict[str, set[tuple[tuple[str, ...], tuple[str, ...]]]] = defaultdict(set)
    for m in spans:
        norm = event.normalized(m.article)
        before = _context_words(norm, max(0, m.start - 120), m.start, event.names, from_end=True)
        after = _context_words(norm, m.end, m.end + 120, event.names, from_end=False)
        windows[event.texts[m.article][0]].add((before, after))
    return {outlet: Counter(chain.from_iterable(_ngrams(before) + _ngrams(after) for before, after in seen))
            for outlet, seen in windows.items()}


@lru_cache(maxsize=1 << 16)
def _content_words(text: str) -> tuple[str, ...]:
    """The normalised words of a text as counted (see `_content_word`); names repeat: cached."""
    return tuple(w for w in map(_content_word, _WORD_RUN.findall(normalize(text))) if w)


def _context_words(norm: Normalized, start: int, end: int, names: set[str], from_end: bool) -> tuple[str, ...]:
    """The first (or last, `from_end`) _CONTEXT `_content_words` of the original text's [start, end) that are
    not `names` (nor a name after و or ف), read off the whole text normalised once (normalisation maps each
    character to one or none)."""
    words = _WORD_RUN.findall(norm.text, bisect_left(norm.offsets, start), bisect_left(norm.offsets, end))
    kept: list[str] = []
    for word in map(_content_word, reversed(words) if from_end else words):
        if word and word not in names and not (word[0] in "وف" and word[1:] in names):  # وسوريا: a name
            kept.append(word)
            if len(kept) == _CONTEXT:
                break
    return tuple(kept[::-1] if from_end else kept)


@lru_cache(maxsize=1 << 16)
def _content_word(word: str) -> str | None:
    """A normalised word as counted, و ف ب ك ل off before ال; None for a number or a number word, a function word
    (the table's, or the clustering stage's with a proclitic و ف off), a clitic fragment (لل), or a day, month or
    time of day."""
    if word.isdigit():
        return None
    word = _CLITIC_BEFORE_ARTICLE.sub("", word)
    if len(word) <= 2 or word in _STOP or word in _TIME_WORDS or word in _NUMBER_WORDS:
        return None
    bare = word[1:] if word[0] in "وف" else word
    return None if bare in _STOP or match_key(bare) in CLUSTER_STOPWORDS else word


def _ngrams(words: tuple[str, ...]) -> list[str]:
    return [*words, *(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))]


def _distinctive(entity: str, counts: Mapping[str, Counter[str]]) -> Iterator[ContrastTerm]:
    """Log-odds z-scores of each outlet against the others for the n-grams near one entity."""
    total: Counter[str] = Counter()
    for c in counts.values():
        total.update(c)
    n_total = sum(total.values())
    for outlet, mine in counts.items():
        n_mine = sum(mine.values())
        for gram, y in mine.items():
            if y < _MIN_COUNT:
                continue
            alpha = _PRIOR * total[gram] / n_total
            others = total[gram] - y
            z = _log_odds_z(y, n_mine, others, n_total - n_mine, alpha)
            if z > _MIN_Z:
                yield ContrastTerm(outlet, entity, gram, y, others, z)


def _log_odds_z(y_i: int, n_i: int, y_j: int, n_j: int, alpha: float) -> float:
    """z-score of the log-odds ratio of a word in group i against group j, with prior weight alpha on the word."""
    delta = (math.log((y_i + alpha) / (n_i + _PRIOR - y_i - alpha))
             - math.log((y_j + alpha) / (n_j + _PRIOR - y_j - alpha)))
    return delta / math.sqrt(1 / (y_i + alpha) + 1 / (y_j + alpha))
