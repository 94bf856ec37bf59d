"""Cue tables for quote extraction: speech verbs in all their forms, source nouns, boundary words.

The language knowledge is data under `models/quotes/` (read with `marsad.resources`): `speech_verbs.tsv`, one row a
speech verb (lemma, past, present and participle stems, irregular forms, roles), and `words.tsv`, the word classes
(stop words, recipients, source and statement nouns, anonymity markers ...). Only the inflection affixes stay here.
Every entry is written in plain Arabic and compared after `fold` (`text.normalize.fold`: no diacritics or tatweel,
one alef, ي for ى, ه for ة), so a table never has to list spelling variants.
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from marsad.resources import MODELS_DIR, column, fields
from marsad.text.normalize import fold as text_fold

QUOTES_DIR = MODELS_DIR / "quotes"
VERBS_PATH = QUOTES_DIR / "speech_verbs.tsv"
WORDS_PATH = QUOTES_DIR / "words.tsv"
_NONE = "-"  # an empty cell of the verb table

_FOLDED: dict[str, str] = {}  # fold_all's memo, dropped when it outgrows _FOLDED_MAX
_FOLDED_MAX = 1 << 17
fold = lru_cache(maxsize=1 << 12)(text_fold)


def fold_all(words: list[str]) -> list[str]:
    """`fold` of each word of a text, memoised across texts."""
    if len(_FOLDED) > _FOLDED_MAX:
        _FOLDED.clear()
    _FOLDED.update({word: text_fold(word) for word in set(words).difference(_FOLDED)})
    return list(map(_FOLDED.__getitem__, words))


# ---------------------------------------------------------------- speech verbs

# Inflection affixes (grammar, not vocabulary): past endings, present prefixes and endings, participle endings,
# object pronouns.
_PAST = ("", "ت", "وا", "ا", "تا")
_PRESENT = ("ي", "ت")
_PRESENT_END = ("", "ون", "ان")
_PARTICIPLE = ("ا", "ه", "ين", "ون", "")
_OBJECT = ("", "ه", "ها", "هم", "هما")

# One row of speech_verbs.tsv: (lemma, past stem, present stem after ي/ت, participle stem, extra irregular forms,
# roles). An empty stem means the form is not used as a cue (e.g. مفيد "useful" is not "reporting").
Verb = tuple[str, str, str, str, tuple[str, ...], frozenset[str]]


def _cell(row: tuple[str, ...], i: int) -> str:
    value = row[i].strip() if i < len(row) else ""
    return "" if value == _NONE else value


def read_verbs() -> tuple[Verb, ...]:
    """The rows of the speech-verb table, in file order."""
    return tuple((_cell(row, 0), _cell(row, 1), _cell(row, 2), _cell(row, 3), tuple(_cell(row, 4).split()),
                  frozenset(_cell(row, 5).split())) for row in fields(VERBS_PATH))


_VERBS = read_verbs()


def _forms(past: str, present: str, participle: str, extra: tuple[str, ...]) -> dict[str, str]:
    """Every inflected form of one verb, folded, mapped to its grammatical kind."""
    out: dict[str, str] = {}
    out.update({fold(form): "finite" for form in extra})
    if past:
        out.update({fold(past + s): "finite" for s in _PAST})
    if present:
        out.update({fold(p + present + s): "finite" for p in _PRESENT for s in _PRESENT_END})
    if participle:
        out.update({fold(participle + s): "participle" for s in _PARTICIPLE})
    return out


def _build() -> dict[str, tuple[str, str]]:
    """Folded form (with an optional object pronoun) -> (lemma, finite|participle)."""
    table: dict[str, tuple[str, str]] = {}
    for lemma, past, present, participle, extra, _ in _VERBS:
        for form, kind in _forms(past, present, participle, extra).items():
            for obj in _OBJECT:
                table.setdefault(form + obj, (lemma, kind))
    return table


CUE_FORMS: dict[str, tuple[str, str]] = _build()


def _readings() -> dict[str, tuple[str, bool]]:
    """Folded word, bare or after و/ف -> (folded lemma, is participle); the bare reading wins."""
    bare = {form: (fold(lemma), kind == "participle") for form, (lemma, kind) in CUE_FORMS.items()}
    return {conj + form: reading for conj in "وف" for form, reading in bare.items()} | bare


CUE_READINGS: dict[str, tuple[str, bool]] = _readings()


def lemmas_with(role: str) -> frozenset[str]:
    """The folded lemmas of the verbs that have `role` in the table."""
    return frozenset(fold(lemma) for lemma, *_, roles in _VERBS if role in roles)


# Verbs that report content after إن/أن (the others only introduce a quotation in marks).
REPORTING = lemmas_with("reporting")
# Verbs that continue the previous speaker when they have no subject of their own.
CONTINUATION = lemmas_with("continuation")
# Weak verbs that also mean something else: a cue only when a complementizer or a quotation follows.
WEAK = lemmas_with("weak")
# نقل X عن Y: Y is the speaker.
SOURCE_AFTER_AN = lemmas_with("source_after_an")
# Prepositional frames: أشار إلى، أفاد بـ، تحدث عن، حث على report a noun phrase without إن/أن; بـ after أفاد ends
# its speaker.
CONTENT_AFTER_ILA = lemmas_with("content_after_ila")
CONTENT_AFTER_BI = lemmas_with("content_after_bi")
CONTENT_AFTER_AN = lemmas_with("content_after_an")
CONTENT_AFTER_ALA = lemmas_with("content_after_ala")
FRAMED = CONTENT_AFTER_ILA | CONTENT_AFTER_BI | CONTENT_AFTER_AN | CONTENT_AFTER_ALA


# ---------------------------------------------------------------- word classes


def _read_classes() -> dict[str, tuple[str, ...]]:
    """Class name -> its entries, folded, in file order."""
    out: dict[str, list[str]] = defaultdict(list)
    for name, word, *_ in fields(WORDS_PATH):
        out[name].append(fold(word))
    return {name: tuple(words) for name, words in out.items()}


WORD_CLASSES: dict[str, tuple[str, ...]] = _read_classes()


def words(name: str) -> frozenset[str]:
    """The folded entries of one word class of `words.tsv`."""
    return frozenset(WORD_CLASSES[name])


# "according to" attributions that introduce a source, not a verb.
ACCORDING_TO = words("according_to")
# "جاء في البيان أن": the statement is the speaker.
CAME_IN = words("came_in")
# Words that cannot start a subject: they open an adverbial or a recipient and end the speaker span.
STOP_WORDS = words("stop")
# Object pronouns that may sit between a verb and its subject (رحبت بها الجامعة، شدد فيه الطرفان).
PRONOUN_OBJECTS = words("pronoun_object")
# A preposition ل + these nouns is the recipient of the statement, not part of the speaker.
RECIPIENT_NOUNS = words("recipient")
# Words right before a quotation that make a verb some tokens back introduce it (دعا X إلى "...").
INTRO_WORDS = words("intro")
# Heads of institutions and media that "according to" may name without a personal name.
INSTITUTION_NOUNS = words("institution")
# Words that end a reported clause: a new clause with its own subject begins after them.
CLAUSE_BREAKS = words("clause_break")
# Words that block a complementizer reading of أن (بعد أن استقبل is not reported content).
NOT_COMPLEMENTIZER_BEFORE = words("not_complementizer_before")
# Relative words: a speech verb right after them describes, it does not report (التي يقول الاتحاد إنها).
RELATIVES = words("relative")
# Head nouns of unnamed sources; a speaker headed by one of them and carrying no name is anonymous.
SOURCE_NOUNS = words("source_noun")
# Quantifiers before a source noun: أحد المطلعين, بعض المسؤولين.
QUANTIFIERS = words("quantifier")
# Phrases that say the source asked not to be named.
ANONYMITY_MARKERS = WORD_CLASSES["anonymity_marker"]
# Verbs that open the request not to be named: the anonymous source's role ends before them.
ANONYMITY_VERBS = words("anonymity_verb")
# Vague collectives whose "opinion" is the writer's framing, not a quote (يرى مراقبون أن).
VAGUE_SOURCES = words("vague_source")
# Heads of a written statement; its issuer, when named, is the speaker.
STATEMENT_NOUNS = words("statement_noun")
# Heads that "according to" accepts as a source: people, statements and institutions, with or without ال.
SOURCE_HEADS = SOURCE_NOUNS | STATEMENT_NOUNS | INSTITUTION_NOUNS | frozenset(
    w[2:] for w in STATEMENT_NOUNS | INSTITUTION_NOUNS if w.startswith("ال"))
# Contrast words that end a speaker written before the verb (لكن، غير أن ...).
CONTRAST = words("contrast")
# Contrast words with a pronoun that open a new clause right before a speech verb (لكنه أضاف).
CONTRAST_PRONOUN = words("contrast_pronoun")
# Words that end a speaker written before the verb (أما X فقال، وكان X قد صرح).
SUBJECT_BEFORE_STOPS = words("subject_before_stop")
# Particles skipped between the verb and a speaker written before it (X قد صرح).
AUXILIARIES = words("auxiliary")
# Nouns of speech that end the speaker (نقل عن الوزير قوله).
SPEECH_NOUNS = words("speech_noun")
# صادر عن: the statement's issuer goes on after عن.
ISSUED = words("issued")
# Titles and organisation heads (shared with the entity stage, models/gazetteer/): a headline "وزير المالية: ..."
# or "هيئة الطيران: ..." names a speaker by them.
TITLES = frozenset(fold(row) for row in column(MODELS_DIR / "gazetteer" / "titles.txt"))
ORG_HEADS = frozenset(fold(row) for row in column(MODELS_DIR / "gazetteer" / "org_heads.txt"))
# Statements a speaker issues: one named alone (وأوضح البيان) is the previous speaker's.
ISSUED_STATEMENTS = words("issued_statement")
# Honorific pronouns standing for a subject named before (كتب سموه): the speaker is that subject.
HONORIFIC_PRONOUNS = words("honorific_pronoun")
# Relative words by the gender of the verb they ask for (التي رأت، الذي أشار).
RELATIVE_FEMININE = words("relative_feminine")
RELATIVE_MASCULINE = words("relative_masculine")
# Manner adverbs skipped between a verb and its subject or content (قال بصراحة إن).
ADVERBS = words("adverb")
