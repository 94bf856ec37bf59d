"""Direct and reported quotes with their speakers, as spans over the clean article text.

Three readings run over the text, first the clauses, then the quotation marks:

1. speech cues (قال، أكد، أشار إلى، نقل عن، مضيفا ...) find a speaker (after the verb, before it, or the
   previous speaker when there is none) and, when إن/أن follows, the reported content up to the end of the clause;
2. quotation marks (quote_marks) give direct quotes; a quote inside reported content belongs to it, a quote
   elsewhere takes the nearest cue of its sentence, the attribution right after it, or the previous speaker;
3. "according to" phrases (بحسب، وفقا لـ) attribute a sentence that has no cue of its own.

Speakers are kept as written; `anonymous` marks unnamed sources (مصدر مطلع، مسؤول طلب عدم نشر اسمه).
`speaker_mention` maps a quote's speaker to an entity mention for linking.

The words come from the tables of `cues` (data under `models/quotes/`); each way a quote or a speaker is found, or a
candidate turned down, is a named rule of `RULES` (`marsad.rules`) whose counter goes up when it fires.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from itertools import accumulate
from operator import itemgetter

from marsad.extract.quotes.cues import (
    ACCORDING_TO,
    ADVERBS,
    ANONYMITY_MARKERS,
    ANONYMITY_VERBS,
    AUXILIARIES,
    CAME_IN,
    CLAUSE_BREAKS,
    CONTENT_AFTER_ALA,
    CONTENT_AFTER_AN,
    CONTENT_AFTER_BI,
    CONTENT_AFTER_ILA,
    CONTINUATION,
    CONTRAST,
    CONTRAST_PRONOUN,
    CUE_FORMS,
    CUE_READINGS,
    FRAMED,
    HONORIFIC_PRONOUNS,
    INSTITUTION_NOUNS,
    INTRO_WORDS,
    ISSUED,
    ISSUED_STATEMENTS,
    NOT_COMPLEMENTIZER_BEFORE,
    ORG_HEADS,
    PRONOUN_OBJECTS,
    QUANTIFIERS,
    RECIPIENT_NOUNS,
    RELATIVE_FEMININE,
    RELATIVE_MASCULINE,
    RELATIVES,
    REPORTING,
    SOURCE_AFTER_AN,
    SOURCE_HEADS,
    SOURCE_NOUNS,
    SPEECH_NOUNS,
    STATEMENT_NOUNS,
    STOP_WORDS,
    SUBJECT_BEFORE_STOPS,
    TITLES,
    VAGUE_SOURCES,
    WEAK,
    fold,
    fold_all,
)
from marsad.extract.quotes.marks import QuotedSpan, quoted_spans
from marsad.rules import RuleSet
from marsad.settings import DEFAULTS, QuoteSettings
from marsad.text.sentences import split_sentences
from marsad.text.tokens import token_lists
from marsad.types import Mention, Quote

RULES = RuleSet("quotes")

_SUBJECT_MAX = 12
_SCAN_MAX = 25
_ASIDE_WORDS = 3  # words after a mid-sentence "according to" source that make it an aside of the whole sentence
_HEADLINE_WORDS = 20  # a first line longer than this, or ending in a full stop, is a paragraph (as clean/ reads it)
_HEADLINE_SPEAKER_WORDS = 6  # words before a headline's colon that can name who speaks
_HEADLINE_PARTS = re.compile(r"\.\.+|…")  # a headline's parts (X: ..، Y: ...)
_FRAME_GAP = 6  # tokens from the speaker to the preposition of a verb's frame (object, adverbial, aside)
# Grammatical particles the rules name (closed-class words; the vocabulary is in models/quotes/), folded.
# إن، أن، بأن، أنه، بأنها ...
_COMPLEMENTIZERS = frozenset(prep + "ان" + pronoun for prep in ("", "ب")
                             for pronoun in ("", "ه", "ها", "هم", "هما", "هن", "نا", "ني", "ك", "كم"))
_OBJECT_PRONOUNS = ("ها", "هما", "هم", "ه")  # suffixed to a verb: أعلنتها، نقلها
_LAM = ("لـ", "ل")  # the preposition ل written alone: لـ"الإخبارية"، وفقا لـ الوزارة
_FI = fold("في")  # جاء في البيان
_AN = fold("عن")  # نقل X عن Y، صادر عن
_ILA = fold("إلى")  # أشار إلى
_ALSO = fold("أيضا")  # أشار أيضا إلى
_ALA = "علي"  # حث على (folded)
_WHAT = "ما"  # بحسب ما نشرته
_CAME_IN = fold("جاء")  # the lemma of a جاء في cue
_VERB_STARTS = CUE_READINGS.keys() | CAME_IN  # folded words that can open a cue
# A sentence ends at . ! ? ؟ or a line break; a point between two digits is a decimal point (6.8, 2.5), not an end.
_SENTENCE_END = re.compile(r"(?:(?<!\d)\.|\.(?!\d)|[!?؟])+|\n\s*\n|\n")
_WRAPPED_LINE = 40  # a line this long that ends in a letter and goes on with a letter was wrapped, not ended
_PUNCT_STOP = set("،,:؛;.!?؟()[]")
_LINK_TYPES = ("PER", "ORG", "GPE")
_HEAD_NOUNS = SOURCE_NOUNS | STATEMENT_NOUNS  # heads whose و is a conjunction, not a letter (ومصدر -> مصدر)

# Rules counted at a branch with RULES.hit (the others are registered by @RULES.rule below), registered now so
# that `hit_counts` lists them before they fire.
_BRANCH_RULES = (
    "speech_verb",  # a speech verb read as a cue (قال، أكد، مضيفا ...)
    "came_in_statement",  # جاء في البيان أن: the statement is the speaker
    "relative_clause",  # turned down: a speech verb after التي/الذي describes, it does not report
    "weak_verb_without_content",  # turned down: ذكر، كتب ... with no إن/أن, colon or quotation after them
    "vague_collective",  # turned down: يرى مراقبون أن is the writer's framing
    "cue_inside_quotation",  # turned down: a verb inside a quotation that does not close it
    "subject_after_verb",  # قال الوزير: the speaker written after the verb
    "source_after_an",  # نقلت الوكالة عن الوزير: the speaker after عن
    "name_after_title",  # الناطق باسم ... فلان: the speaker reaches forward to the name its title was cut from
    "recipient_not_speaker",  # قال لوكالة ...، للصحفيين: the recipient ends the speaker
    "anonymous_marker",  # طلب عدم نشر اسمه: the source asked not to be named
    "anonymous_source_noun",  # مصدر مطلع، مسؤول: a source noun without a personal name
    "reported_clause",  # قال إن ...: reported content up to the end of its clause
    "direct_paragraph_start",  # a quotation opening a paragraph with no cue: the previous speaker's
    "quoted_name",  # turned down: a title or name in marks (موقع "..." الإخباري), no quote
    "overlapping_quote",  # a quote inside a longer one is part of it
    "according_to",  # بحسب X / وفقا لـ X: the rest of the sentence, attributed to X
    "inherited_speaker",  # وأضاف أن، a paragraph-initial quotation: the previous speaker
    "anaphor_same_head",  # البيان after بيان للحكومة: the anonymity of the speaker it points back to
    "anaphor_continuation",  # وأضاف المسؤول: the previous speaker, whatever its head
)
for _name in _BRANCH_RULES:
    RULES.hit(_name, 0)


@dataclass(frozen=True, slots=True)
class _Speaker:
    text: str | None
    start: int
    end: int
    anonymous: bool = False



_NO_SPEAKER = _Speaker(None, -1, -1)
_INHERIT = -2  # speaker_start of a quote whose speaker is the previous one, filled by _resolve_speakers


@dataclass(frozen=True, slots=True)
class _Cue:
    """A speech verb in the text, its speaker and what it introduces."""

    index: int  # token index of the verb
    lemma: str
    participle: bool
    speaker: _Speaker | None  # None: no subject of its own (inherit)
    intro: int  # token index where content or a quotation begins, -1 when nothing follows
    content: int  # character offset of reported content after إن/أن, -1 when none


class _Doc:
    """The article text with its tokens (parallel lists of texts, starts, ends), folded forms, sentences and
    quoted spans, computed once."""

    def __init__(self, article_id: str, text: str, mentions: Sequence[Mention], settings: QuoteSettings) -> None:
        self.article = article_id
        self.text = text
        self.min_direct_words = settings.min_direct_words
        self.near_cue = settings.near_cue
        self.texts, self.starts, self.ends = token_lists(text)
        self.n = len(self.texts)
        self.folded = fold_all(self.texts)
        self.words_before = list(accumulate(map(str.isalnum, map(itemgetter(0), self.texts)), initial=0))
        self.spans = quoted_spans(text)
        self.headline_end = _headline_end(text)
        self.span_starts = [s.outer_start for s in self.spans]
        self.mentions = sorted((m for m in mentions if m.type in _LINK_TYPES), key=lambda m: m.start)
        self.sentence_of = self._sentence_index()
        self.span_at = self._span_index()

    def _sentence_index(self) -> list[int]:
        """Sentence number of each token, from the shared splitter (`text.sentences`: decimal points and
        abbreviations do not end a sentence); a sentence never ends inside a quotation or at a wrapped line."""
        ends = [s.end for s in split_sentences(self.text)
                if not self._quoted(s.end - 1) and not self._wrapped(self._line_break_after(s.end))]
        return list(map(partial(bisect_right, ends), self.starts))

    def _line_break_after(self, i: int) -> int:
        """The position of the line break that ends the sentence ending at i, else i."""
        rest = len(self.text[i:]) - len(self.text[i:].lstrip(" \t"))
        return i + rest if self.text[i + rest:i + rest + 1] == "\n" else i

    def _quoted(self, i: int) -> bool:
        """True between a quotation's opening mark and the end of its content. Spans open and end in increasing
        order, so the last one opened before i is the only one that can still be open."""
        k = bisect_left(self.span_starts, i) - 1
        return k >= 0 and i < self.spans[k].end

    def _wrapped(self, i: int) -> bool:
        """True at a single line break inside a sentence (hard-wrapped text)."""
        text = self.text
        if text[i:i + 1] != "\n" or text[i + 1:i + 2] == "\n" or i == self.headline_end:
            return False  # a headline never runs on into the first paragraph
        line = text[text.rfind("\n", 0, i) + 1:i].rstrip()
        return len(line) >= _WRAPPED_LINE and (line[-1].isalpha() or line[-1] in "،,") \
            and text[i + 1:i + 2].strip()[:1].isalpha()

    def _span_index(self) -> list[QuotedSpan | None]:
        """For each token, the quoted span it lies in (marks included), else None: the first span that ends after
        the token starts, when it has begun (spans end in increasing order)."""
        out: list[QuotedSpan | None] = [None] * self.n
        previous_end = 0
        for span in self.spans:
            first, last = self.tokens_in(max(span.outer_start, previous_end), span.outer_end)
            out[first:last] = [span] * (last - first)
            previous_end = span.outer_end
        return out

    def tokens_in(self, start: int, end: int) -> tuple[int, int]:
        """(first, last + 1): the tokens that start in [start, end)."""
        return bisect_left(self.starts, start), bisect_left(self.starts, end)

    def word(self, i: int) -> str:
        return self.folded[i] if 0 <= i < self.n else ""

    def is_punct(self, i: int) -> bool:
        """A punctuation token, not the point of a one-letter abbreviation (د. before a name)."""
        return 0 <= i < self.n and self.texts[i] in _PUNCT_STOP and not (
            self.texts[i] == "." and i > 0 and len(self.texts[i - 1]) == 1 and self.texts[i - 1].isalpha())

    def same_sentence(self, i: int, j: int) -> bool:
        return 0 <= i < self.n and 0 <= j < self.n and self.sentence_of[i] == self.sentence_of[j]

    def sentence_stop(self, i: int) -> int:
        """The token after the last one of token i's sentence."""
        return bisect_right(self.sentence_of, self.sentence_of[i])

    def words_in(self, start: int, end: int) -> int:
        """The number of word tokens (not punctuation) within [start, end)."""
        first, last = bisect_left(self.starts, start), bisect_right(self.ends, end)
        return max(0, self.words_before[last] - self.words_before[first])

    def span_opening_at(self, i: int) -> QuotedSpan | None:
        span = self.span_at[i] if 0 <= i < self.n else None
        return span if span is not None and self.starts[i] == span.outer_start else None


def find_quotes(article_id: str, text: str, mentions: Sequence[Mention] = (),
                settings: QuoteSettings = DEFAULTS.quotes) -> list[Quote]:
    """Direct and reported quotes of one article, in text order, with speakers as written."""
    doc = _Doc(article_id, text, mentions, settings)
    cues = _find_cues(doc)
    quotes = _reported(doc, cues) + _direct(doc, cues)
    quotes = _drop_contained(text, quotes)
    quotes += _headline(doc, quotes)
    quotes += _according_to(doc, quotes)
    return _resolve_speakers(doc, sorted(quotes, key=lambda q: (q.start, q.end)))


# ---------------------------------------------------------------- cues


def _cue_form(doc: _Doc, i: int) -> tuple[str, bool] | None:
    """(lemma, is participle) when token i is a speech verb, with or without و/ف in front."""
    return CUE_READINGS.get(doc.word(i))


def _find_cues(doc: _Doc) -> list[_Cue]:
    """Every speech verb that introduces content, a quotation or a speaker, left to right.

    Inside a long quotation only a cue that ends it counts: the attribution of a quote whose mark was misplaced."""
    cues: list[_Cue] = []
    verbs = [i for i, word in enumerate(doc.folded) if word in _VERB_STARTS]
    for i in verbs:
        form = _cue_form(doc, i)
        if doc.word(i - 1) in RELATIVES:
            cue = _relative_attribution(doc, i, form) if form is not None else None
            if cue is None:
                RULES.hit("relative_clause")
                continue
        elif _describes_noun(doc, i):
            RULES.hit("verb_describes_noun")
            continue
        elif form is not None:
            cue = _read_cue(doc, i, form[0], form[1], cues)
        elif doc.word(i) in CAME_IN and doc.word(i + 1) == _FI:
            cue = _read_cue(doc, i + 1, _CAME_IN, False, cues)  # جاء في البيان أن
        else:
            continue
        if cue is None:
            continue
        if _outside_quotation(doc, cue):
            RULES.hit("came_in_statement" if cue.lemma == _CAME_IN else "speech_verb")
            cues.append(cue)
        else:
            RULES.hit("cue_inside_quotation")
    return cues


@RULES.rule("relative_attribution")
def _relative_attribution(doc: _Doc, i: int, form: tuple[str, bool]) -> _Cue | None:
    """المعارضة، التي رأت أن ...، المكتب، الذي أشار إلى أن ...: a speech verb right after a relative word that
    agrees with it and has no subject of its own (its content follows at once) reports for the noun before the
    relative. A verb with its own subject (التي يقول الاتحاد إنها) only describes."""
    lemma, participle = form
    relative, verb = doc.word(i - 1), doc.word(i)
    if participle or relative in RELATIVE_FEMININE and not _feminine(verb) \
            or relative in RELATIVE_MASCULINE and (_feminine(verb) or verb.endswith("وا")):
        return None
    k = i + 1
    while doc.word(k) in ADVERBS or doc.word(k) == _ALSO:
        k += 1
    direct = _is_complementizer(doc, k) or doc.word(k) == _ILA and _is_complementizer(doc, k + 1)
    speaker = _antecedent_before(doc, i - 1) if direct else None
    if speaker is None:
        return None
    intro, content = _introducer(doc, k, i, lemma)
    return _Cue(i, lemma, participle, speaker, intro, content) if intro >= 0 else None


def _feminine(verb: str) -> bool:
    """A verb form that agrees with a feminine subject: past in ت, present in ت."""
    return verb.endswith("ت") or verb.startswith("ت")


def _antecedent_before(doc: _Doc, relative: int) -> _Speaker | None:
    """The noun phrase before a relative word (past a comma), back to punctuation, a preposition or an
    "according to" word: the speaker of a relative attribution."""
    last = relative - 1
    if doc.texts[last:last + 1] and last >= 0 and doc.texts[last] in "،,":
        last -= 1
    j = last
    while j >= 0 and last - j < _SUBJECT_MAX and doc.same_sentence(j, relative):
        word = doc.word(j)
        if doc.is_punct(j) or word in STOP_WORDS or word in ACCORDING_TO or _is_complementizer(doc, j) \
                or _cue_form(doc, j) is not None or doc.span_at[j] is not None:
            break
        j -= 1
    if j + 1 > last:
        return None
    start, end = _fit_to_mentions(doc, doc.starts[j + 1], doc.ends[last], relative)
    return _speaker_at(doc, start, end)


def _describes_noun(doc: _Doc, i: int) -> bool:
    """حصيلة أعلنتها الوزارة: a speech verb carrying an object pronoun right after a noun opens a relative clause
    that describes the noun; it neither reports nor ends the clause it sits in."""
    word = doc.word(i)
    if word[:1] in "وف" or not doc.word(i - 1).isalpha() or doc.word(i - 1) in STOP_WORDS \
            or doc.word(i - 1) in AUXILIARIES or _cue_form(doc, i - 1) is not None:
        return False
    raw = doc.texts[i]  # the pronoun written with ه, not the ة that folds to it (إضافة، مؤكدة are no verbs)
    return any(raw.endswith(p) and CUE_FORMS.get(word[:-len(p)], ("", ""))[1] == "finite" for p in _OBJECT_PRONOUNS)


def _outside_quotation(doc: _Doc, cue: _Cue) -> bool:
    """A cue is read outside quotations, or at the very end of one (its speaker closes the quotation)."""
    span = doc.span_at[cue.index]
    if span is None or doc.words_in(span.start, span.end) < doc.min_direct_words:
        return True
    if cue.content >= 0 or cue.lemma not in REPORTING or cue.speaker is None or cue.speaker.start < 0:
        return False
    tail = doc.text[max(cue.speaker.end, doc.ends[cue.index]):span.end]
    return not _SENTENCE_END.search(tail.rstrip()) and doc.words_in(span.end - len(tail), span.end) <= 3


def _read_cue(doc: _Doc, i: int, lemma: str, participle: bool, earlier: list[_Cue]) -> _Cue | None:
    if _anonymity_aside(doc, i):
        return None  # مسؤول تحدث شريطة عدم الكشف عن هويته: part of the source's description
    speaker, after = (None, i + 1) if participle else _subject_after(doc, i, lemma)
    intro, content = _introducer(doc, after, i, lemma)
    if (lemma in WEAK or participle) and intro < 0:
        RULES.hit("weak_verb_without_content")
        return None
    if speaker is not None and speaker.text and fold(speaker.text.split()[0]) in HONORIFIC_PRONOUNS:
        RULES.hit("honorific_subject")  # كتب سموه: the person named before
        speaker = _sentence_subject(doc, i, earlier)
    elif speaker is None and not participle and doc.word(i + 1) not in PRONOUN_OBJECTS:
        speaker = _subject_before(doc, i)  # not for حذر فيها من أن: a relative clause on the noun before the verb
    if speaker is None:
        speaker = _sentence_subject(doc, i, earlier)
    if speaker is not None and speaker.text and _head(speaker.text) in VAGUE_SOURCES:
        RULES.hit("vague_collective")
        return None
    index = i - 1 if lemma == _CAME_IN else i
    return _Cue(index, lemma, participle, speaker, intro, content)


def _subject_after(doc: _Doc, i: int, lemma: str) -> tuple[_Speaker | None, int]:
    """The speaker written after the verb (stopping at adverbials and recipients), and where the scan stopped."""
    j = i + 1
    if lemma in SOURCE_AFTER_AN:  # نقل X عن Y: Y is the speaker
        j = _source_after_an(doc, i)
    while doc.word(j) in PRONOUN_OBJECTS or doc.word(j) in ADVERBS:
        j += 1
    first, last = j, j - 1
    stop = min(first + _SUBJECT_MAX, doc.sentence_stop(i))
    while j < stop:
        if _ends_subject(doc, j, lemma):
            break
        span = doc.span_opening_at(j)
        if span is not None:
            if not _quoted_name(doc, span):
                break
            while j < doc.n and doc.starts[j] < span.outer_end:
                j += 1
            last = j - 1
            continue
        if doc.word(j) in ISSUED and doc.word(j + 1) == _AN:
            j += 1
        last = j
        j += 1
    if last < first:
        return None, j
    start, end = _fit_to_mentions(doc, doc.starts[first], doc.ends[last], j)
    RULES.hit("subject_after_verb")
    return _speaker_at(doc, start, _apposed_name_end(doc, start, end, last)), j


def _source_after_an(doc: _Doc, i: int) -> int:
    """نقلت الوكالة عن الوزير: the token after عن in the verb's sentence, else the token after the verb."""
    for k in range(i + 1, min(i + 1 + _SUBJECT_MAX, doc.n)):
        if doc.word(k) == _AN and doc.same_sentence(i, k):
            RULES.hit("source_after_an")
            return k + 1
    return i + 1


def _fit_to_mentions(doc: _Doc, start: int, end: int, j: int) -> tuple[int, int]:
    """With entity mentions: end the speaker at its last name (not at the object after it), or reach forward
    to the personal name that a title was cut from (الناطق باسم ... في وزارة الخارجية فلان الفلاني)."""
    inside = [m for m in doc.mentions if start <= m.start and m.end <= end]
    if any(m.type == "PER" for m in inside):
        return start, max(m.end for m in inside)
    limit = doc.ends[min(j + doc.near_cue, doc.n - 1)] if doc.n else end
    for k in range(j, min(j + doc.near_cue, doc.n)):
        if _is_complementizer(doc, k) or doc.span_opening_at(k) or doc.texts[k] in ":.":
            limit = doc.starts[k]
            break
    ahead = [m for m in doc.mentions if m.type == "PER" and end <= m.start and m.end <= limit]
    if ahead:
        RULES.hit("name_after_title")
        return start, ahead[0].end
    return (start, max(m.end for m in inside)) if inside else (start, end)


@RULES.rule("apposed_name")
def _apposed_name(doc: _Doc, last: int) -> Mention | None:
    """الناطق باسم الوزارة في الحكومة المؤقتة، فلان الفلاني، إن ...: a personal name set off by commas after the
    title the speaker phrase ended with, before the content begins."""
    for k in range(last + 1, min(last + 1 + _SUBJECT_MAX, doc.n - 1)):
        if not doc.same_sentence(last, k) or _is_complementizer(doc, k) or doc.span_opening_at(k) \
                or doc.texts[k] in ":.؛;" or _cue_form(doc, k) is not None:
            return None
        if doc.texts[k] in "،,":
            name = next((m for m in doc.mentions if m.type == "PER" and m.start == doc.starts[k + 1]), None)
            after = _token_at(doc, name.end) if name is not None else None
            if name is not None and (after is None or doc.texts[after] in "،,." or _is_complementizer(doc, after)):
                return name
            return None
    return None


def _apposed_name_end(doc: _Doc, start: int, end: int, last: int) -> int:
    """The end of the speaker: past an apposed personal name when the phrase names no person itself."""
    if any(m.type == "PER" and start <= m.start < end for m in doc.mentions):
        return end
    name = _apposed_name(doc, last)
    return name.end if name is not None else end


def _ends_subject(doc: _Doc, j: int, lemma: str) -> bool:
    """True at a token that cannot continue a speaker phrase."""
    word = doc.word(j)
    if doc.is_punct(j) or _is_complementizer(doc, j) or word in STOP_WORDS or word in SPEECH_NOUNS:
        return True
    if _cue_form(doc, j) is not None and not _anonymity_aside(doc, j) or word.startswith("بال") \
            or word in CLAUSE_BREAKS:
        return True
    if lemma in CONTENT_AFTER_BI and word.startswith("ب"):
        return True  # أفادت اللجنة بمقتل ...
    return _is_recipient(doc, j)


def _anonymity_aside(doc: _Doc, j: int) -> bool:
    """مسؤول تحدث شريطة عدم الكشف عن هويته، مصدر طلب عدم ذكر اسمه: a speech verb that opens the source's request
    for anonymity, or is a word of it, describes the source."""
    return any(" ".join(doc.folded[k:k + 6]).startswith(marker) for k in (j + 1, j - 1, j - 2) if k >= 0
               for marker in ANONYMITY_MARKERS)


def _is_recipient(doc: _Doc, j: int) -> bool:
    """لوكالة، للصحفيين، لـ"اسم الوسيلة" إن: the addressee of the statement."""
    word = doc.word(j)
    if word.startswith("لل") and "ال" + word[2:] in RECIPIENT_NOUNS or \
            word.startswith("ل") and word[1:] in RECIPIENT_NOUNS or word in _LAM and _names_medium(doc, j + 1):
        RULES.hit("recipient_not_speaker")
        return True
    return False


def _names_medium(doc: _Doc, j: int) -> bool:
    """لـ"الإخبارية" إن: a quotation at j that a complementizer or punctuation follows names the medium."""
    span = doc.span_opening_at(j)
    if span is None:
        return False
    k = _token_at(doc, span.outer_end)
    return k is None or doc.is_punct(k) or _is_complementizer(doc, k)


def _quoted_name(doc: _Doc, span: QuotedSpan | None) -> bool:
    """A quotation that names something rather than quoting someone: too short to be a quote, the name of
    a medium (لقناة "..."), or a short one inside a phrase that goes on (موقع "..." الإخباري)."""
    if span is None:
        return False
    words = doc.words_in(span.start, span.end)
    if words < doc.min_direct_words:
        return True
    if words > 4:
        return False
    first = _token_at(doc, span.outer_start)
    before = doc.word(first - 1) if first is not None else ""
    if before in _LAM or before in RECIPIENT_NOUNS or before[1:] in RECIPIENT_NOUNS:
        return True
    if before in INTRO_WORDS or before == ":" or before in _COMPLEMENTIZERS or _cue_form(doc, first - 1):
        return False
    nxt = _token_at(doc, span.outer_end)
    return nxt is not None and not doc.is_punct(nxt) and not _is_complementizer(doc, nxt) \
        and doc.word(nxt) not in STOP_WORDS and doc.span_opening_at(nxt) is None


@RULES.rule("subject_before_verb")
def _subject_before(doc: _Doc, i: int) -> _Speaker | None:
    """The speaker written before the verb: أما X فقال، غير أن سكانا أفادوا، وكان X، قد صرح."""
    j = i - 1
    if doc.word(j) in AUXILIARIES:
        j -= 1
        if j >= 0 and doc.texts[j] in "،,":
            j -= 1
    last = j
    while j >= 0 and doc.same_sentence(i, j) and last - j < 6:
        word = doc.word(j)
        if doc.is_punct(j) or word in _COMPLEMENTIZERS or word in CLAUSE_BREAKS or word in CONTRAST or \
                word in SUBJECT_BEFORE_STOPS:
            break
        if _cue_form(doc, j) is not None or doc.span_at[j] is not None:
            return None
        j -= 1
    first = j + 1
    if first > last or last < 0:
        return None
    start, end = _fit_to_mentions(doc, doc.starts[first], doc.ends[last], i)
    return _speaker_at(doc, start, end)


def _is_complementizer(doc: _Doc, j: int) -> bool:
    """إن، أن، بأن، أنه ... that open reported content (not بعد أن، قبل أن، يتوقع أن)."""
    if doc.word(j) not in _COMPLEMENTIZERS:
        return False
    before = doc.word(j - 1)
    present_verb = before[:1] in "يت" and len(before) >= 4 and _cue_form(doc, j - 1) is None
    return before not in NOT_COMPLEMENTIZER_BEFORE and not present_verb


def _introducer(doc: _Doc, j: int, verb: int, lemma: str) -> tuple[int, int]:
    """(token where content or a quotation starts, offset of reported content) after the speaker; (-1, -1) when
    nothing follows.

    A verb with a prepositional frame (أشار إلى، أفاد بـ، تحدث عن، دعا X إلى) also reports the phrase after its
    preposition, when the preposition comes before any إن/أن, colon or quotation."""
    found = _content_or_quotation(doc, j, verb)
    framed = _framed_content(doc, j, verb, lemma) if lemma in FRAMED else None
    if framed is not None and (found is None or framed[0] < found[0] and not (
            found[0] == framed[0] + 1 and (found[1] >= 0 or _ends_clause(doc, found[0])))):
        found = framed  # not إلى أن (the complementizer's content) nor إلى "..." alone (a direct quote)
    return (-1, -1) if found is None else found


def _content_or_quotation(doc: _Doc, j: int, verb: int) -> tuple[int, int] | None:
    """إن/أن (content after it), a colon or a quotation (no content offset) within the verb's sentence, before
    another speech verb."""
    for k in range(j, min(j + _SCAN_MAX, doc.sentence_stop(verb))):
        if k > verb + 1 and _cue_form(doc, k) and not doc.span_at[k] and not _describes_noun(doc, k):
            return None
        if _is_complementizer(doc, k):
            return k, doc.ends[k]
        span = doc.span_opening_at(k)
        if doc.texts[k] == ":" or span is not None and not _quoted_name(doc, span):
            return k, -1
    return None


def _ends_clause(doc: _Doc, k: int) -> bool:
    """The quotation opening at token k runs to the end of its clause (only punctuation after it)."""
    span = doc.span_opening_at(k)
    if span is None:
        return False
    after = _token_at(doc, span.outer_end)
    return after is None or not doc.same_sentence(k, after) or doc.is_punct(after) and (
        after + 1 >= doc.n or not doc.same_sentence(k, after + 1) or _opens_clause(doc, after + 1))


@RULES.rule("reported_prepositional_frame")
def _framed_content(doc: _Doc, j: int, verb: int, lemma: str) -> tuple[int, int] | None:
    """دعا الوزير المواطنين إلى ...، تعهد في وقت سابق بـ ...، تحدث أمس عن ...: the phrase after the verb's
    preposition, found within `_FRAME_GAP` tokens after the speaker (an object, an adverbial or an aside may come
    between), is the content. (intro token, content offset) as `_introducer` returns them."""
    if doc.word(j) == _ALSO:
        j += 1
    for k in range(j, min(j + _FRAME_GAP, doc.sentence_stop(verb))):
        word = doc.word(k)
        if k > verb + 1 and _cue_form(doc, k) and not _describes_noun(doc, k) or _is_complementizer(doc, k) \
                or doc.texts[k] in ":؛;":
            return None
        if lemma in CONTENT_AFTER_BI and word.startswith("ب") and word not in PRONOUN_OBJECTS and k + 1 < doc.n:
            return (k, doc.ends[k]) if word == "ب" else (k - 1, doc.starts[k])
        if word == _ILA and lemma in CONTENT_AFTER_ILA or word == _AN and lemma in CONTENT_AFTER_AN \
                or word == _ALA and lemma in CONTENT_AFTER_ALA:
            return (k, doc.ends[k]) if k + 1 < doc.n and doc.same_sentence(k, k + 1) else None
    return None


def _speaker_at(doc: _Doc, start: int, end: int) -> _Speaker:
    if doc.text.startswith("لـ", start):
        start += 2
    start = _issuer_start(doc, start, end) or start
    return _Speaker(doc.text[start:end], start, end, _is_anonymous(doc, start, end))


def _role(doc: _Doc, speaker: _Speaker) -> _Speaker:
    """The speaker as a quote names it: an unnamed source by its role (`_role_end`)."""
    if not speaker.anonymous or speaker.start < 0:
        return speaker
    end = _role_end(doc, speaker.start, speaker.end)
    return speaker if end is None else _Speaker(doc.text[speaker.start:end], speaker.start, end, True)


@RULES.rule("anonymous_role")
def _role_end(doc: _Doc, start: int, end: int) -> int | None:
    """مسؤول حكومي طلب عدم نشر اسمه -> مسؤول حكومي: an unnamed source is known by its role, which ends before the
    request not to be named (where it ends, None when nothing is cut)."""
    first, last = doc.tokens_in(start, end)
    for k in range(first + 1, last):
        if doc.word(k) in ANONYMITY_VERBS:
            return _trim(doc.text, start, doc.starts[k])[1]
    return None


@RULES.rule("statement_issuer")
def _issuer_start(doc: _Doc, start: int, end: int) -> int | None:
    """بيان للحكومة، رسالة لوزارة الخارجية: a statement speaks for its issuer, named after ل (where it starts)."""
    first, last = doc.tokens_in(start, end)
    if last - first < 2 or _head(doc.texts[first]) not in ISSUED_STATEMENTS:
        return None
    issuer = doc.word(first + 1)
    return doc.starts[first + 1] if issuer.startswith("ل") and len(issuer) > 3 else None


# ---------------------------------------------------------------- anonymity


@lru_cache(maxsize=1 << 14)
def _head(text: str) -> str:
    """The head noun of a speaker phrase, folded, without و/ال and after أحد/بعض."""
    words = [fold(w) for w in re.findall(r"\w+", text)]
    while len(words) > 1 and words[0] in QUANTIFIERS:
        words = words[1:]
    head = words[0] if words else ""
    if head.startswith("و") and head[1:] in _HEAD_NOUNS:
        head = head[1:]
    return head[2:] if head.startswith("ال") and len(head) > 4 else head


def _is_anonymous(doc: _Doc, start: int, end: int) -> bool:
    """An unnamed source: a source noun heading a phrase that carries no personal name."""
    text = doc.text[start:end]
    folded = fold(text)
    if any(marker in folded for marker in ANONYMITY_MARKERS):
        RULES.hit("anonymous_marker")
        return True
    if _head(text) not in SOURCE_NOUNS:
        return False
    if doc.mentions:
        anonymous = not any(m.type == "PER" and start <= m.start and m.end <= end for m in doc.mentions)
    else:
        anonymous = not _has_name_after_head(folded.split())
    if anonymous:
        RULES.hit("anonymous_source_noun")
    return anonymous


def _has_name_after_head(words: list[str]) -> bool:
    """After a definite head (المتحدث ...), a word without ال before any preposition is a name (فادي نصر)."""
    while len(words) > 1 and words[0] in QUANTIFIERS:
        words = words[1:]
    if not words or not words[0].lstrip("وف").startswith("ال"):
        return False
    for word in words[1:]:
        if word in STOP_WORDS or word in RELATIVES or word.startswith(("ب", "ل")):
            return False
        if not word.startswith("ال"):
            return True
    return False


# ---------------------------------------------------------------- reported speech


def _reported(doc: _Doc, cues: list[_Cue]) -> list[Quote]:
    """One reported quote per cue followed by إن/أن: the content up to the end of its clause."""
    out = []
    starts = {c.index for c in cues if c.content >= 0}
    for cue in cues:
        if cue.content < 0 or (cue.lemma not in REPORTING and cue.lemma not in FRAMED and cue.lemma != _CAME_IN):
            continue
        end = _clause_end(doc, cue.intro + 1, starts)
        start, end = _trim(doc.text, cue.content, end)
        if doc.words_in(start, end) < 2:
            continue
        RULES.hit("reported_clause")
        out.append(_quote(doc, cue, start, end, "reported"))
    return out


def _clause_end(doc: _Doc, k: int, cue_starts: set[int]) -> int:
    """End offset of the clause starting at token k: the sentence end, a new clause or a new speech verb."""
    start = k
    while k < doc.n and doc.same_sentence(start, k):
        span = doc.span_at[k]
        if span is not None:
            while k < doc.n and doc.starts[k] < span.outer_end:
                k += 1
            continue
        if k > start and doc.texts[k - 1] in "،," and _opens_clause(doc, k):
            return doc.starts[k - 1]
        if k > start and k in cue_starts:
            return doc.ends[k - 1]
        k += 1
    return doc.ends[k - 1] if k > 0 else len(doc.text)


def _opens_clause(doc: _Doc, k: int) -> bool:
    word = doc.word(k)
    if word == _FI and doc.word(k + 1) in CLAUSE_BREAKS:  # في حين
        return True
    return word in CLAUSE_BREAKS or word in ACCORDING_TO or _cue_form(doc, k) is not None or (
        word in CONTRAST_PRONOUN and _cue_form(doc, k + 1) is not None)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past spaces and framing punctuation on both sides."""
    while start < end and (text[start].isspace() or text[start] in "،,:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "،,:;.؛"):
        end -= 1
    return start, end


def _quote(doc: _Doc, cue: _Cue | None, start: int, end: int, kind: str,
           speaker: _Speaker | None = None) -> Quote:
    """A Quote; one whose cue has no speaker of its own inherits the previous speaker later."""
    spk = speaker if speaker is not None else (cue.speaker if cue else None)
    if spk is None:
        spk = _Speaker(None, _INHERIT, _INHERIT) if cue is not None else _NO_SPEAKER
    spk = _role(doc, spk)
    cue_text = doc.texts[cue.index] if cue else None
    return Quote(doc.article, start, end, doc.text[start:end], kind, cue_text, spk.text, spk.start, spk.end,
                 spk.anonymous)


# ---------------------------------------------------------------- direct quotes


def _direct(doc: _Doc, cues: list[_Cue]) -> list[Quote]:
    """Quotations in marks that a cue, an attribution after them, or their place at a paragraph start makes quotes."""
    out: list[Quote] = []
    attached: list[tuple[int, _Cue]] = []  # (last token of an attached quotation, its cue)
    for span in doc.spans:
        start, end = _trim(doc.text, span.start, span.end)
        first = _token_at(doc, span.outer_start)
        if first is None or doc.words_in(start, end) == 0:
            continue
        inner = _trailing_attribution(doc, span, cues)
        if inner is not None:
            start, end = _trim(doc.text, start, doc.starts[inner.index])
            out.append(_quote(doc, inner, start, end, "direct"))
            continue
        if _quoted_name(doc, span):
            RULES.hit("quoted_name")
            continue
        cue = _cue_before(doc, first, cues) or _coordinated(doc, first, attached) or _cue_after(doc, span, cues)
        if cue is not None:
            out.append(_quote(doc, cue, start, end, "direct"))
            attached.append((_token_at(doc, span.outer_end) or doc.n, cue))
        elif _starts_paragraph(doc, span.outer_start):
            RULES.hit("direct_paragraph_start")
            out.append(Quote(doc.article, start, end, doc.text[start:end], "direct", None, None, _INHERIT, _INHERIT))
    return out


def _token_at(doc: _Doc, offset: int) -> int | None:
    """Index of the first token at or after offset."""
    k = bisect_left(doc.starts, offset)
    return k if k < doc.n else None


@RULES.rule("direct_cue_before")
def _cue_before(doc: _Doc, first: int, cues: list[_Cue]) -> _Cue | None:
    """The nearest cue before the quotation in its sentence; a verb that does not report (دعا، ندد، وصف)
    must introduce it: a few tokens after its speaker, or through إلى/على/بأنه right before it."""
    for cue in reversed(cues):
        if cue.index >= first or not doc.same_sentence(cue.index, first):
            continue
        if cue.lemma in REPORTING:
            return cue
        after = _token_at(doc, cue.speaker.end) if cue.speaker and cue.speaker.end > doc.starts[cue.index] \
            else cue.index + 1
        gap = first - (after if after is not None else first)
        before = doc.word(first - 1)
        return cue if gap <= 3 or before in INTRO_WORDS or before in _COMPLEMENTIZERS else None
    return None


@RULES.rule("direct_coordinated")
def _coordinated(doc: _Doc, first: int, attached: list[tuple[int, _Cue]]) -> _Cue | None:
    """The cue of the quotation just before, when only و or a comma separates them (إلى "..."، و"...")."""
    if not attached:
        return None
    last, cue = attached[-1]
    if not doc.same_sentence(last, first):
        return None
    return cue if all(doc.word(k) in ("و", "") for k in range(last, first) if not doc.is_punct(k)) else None


@RULES.rule("direct_cue_after")
def _cue_after(doc: _Doc, span: QuotedSpan, cues: list[_Cue]) -> _Cue | None:
    """"..."، قال X: a cue right after the quotation (past a comma) whose clause has nothing else to say."""
    nxt = _token_at(doc, span.outer_end)
    while nxt is not None and nxt < doc.n and doc.texts[nxt] in "،,":
        nxt += 1
    cue = next((c for c in cues if c.index == nxt), None)
    if cue is None or cue.content >= 0 or cue.participle:
        return None
    return cue


@RULES.rule("direct_trailing_attribution")
def _trailing_attribution(doc: _Doc, span: QuotedSpan, cues: list[_Cue]) -> _Cue | None:
    """A cue and speaker closing a quotation whose mark was misplaced ("... وقال المسؤول ")."""
    inside = [c for c in cues if span.start <= doc.starts[c.index] < span.end and c.content < 0]
    if not inside or doc.words_in(span.start, doc.starts[inside[-1].index]) < doc.min_direct_words:
        return None
    return inside[-1]


def _starts_paragraph(doc: _Doc, offset: int) -> bool:
    before = doc.text[:offset].rstrip(" \t")
    return not before or before.endswith("\n")


def _drop_contained(text: str, quotes: list[Quote]) -> list[Quote]:
    """Keep the longest of overlapping quotes (a quotation inside reported content is part of it)."""
    out: list[Quote] = []
    for q in sorted(quotes, key=lambda q: (q.start, -q.end)):
        if out and q.start < out[-1].end:
            RULES.hit("overlapping_quote")
            if q.end > out[-1].end and q.kind == "direct":
                out[-1] = replace(out[-1], end=q.end, text=text[out[-1].start:q.end])
            continue
        out.append(q)
    return out


# ---------------------------------------------------------------- headlines


@RULES.rule("headline_speaker_colon")
def _headline(doc: _Doc, quotes: list[Quote]) -> list[Quote]:
    """الوزير: لن نرفع الأسعار: a headline made of a speaker, a colon and what was said, one such part per
    segment (X: ... .. وY: ...). Before the colon only a named person or organisation, or a source or
    institution noun, speaks: a place (المغرب: ...), a date or a topic (اتفاق السلام: ...) is a label."""
    end = doc.headline_end
    line = doc.text[:end].rstrip()
    if end < 0 or not line:
        return []
    out = []
    starts = [0] + [m.end() for m in _HEADLINE_PARTS.finditer(line)]
    ends = [m.start() for m in _HEADLINE_PARTS.finditer(line)] + [len(line)]
    for seg_start, seg_end in zip(starts, ends, strict=True):
        colon = line.find(":", seg_start, seg_end)
        if colon < 0:
            continue
        who_start, who_end = _trim(line, seg_start, colon)
        who_start += line[who_start:who_end].startswith(("«", '"'))
        start, stop = _trim(line, colon + 1, seg_end)
        words = doc.words_in(who_start, who_end)
        if not 0 < words <= _HEADLINE_SPEAKER_WORDS or doc.words_in(start, stop) < doc.min_direct_words \
                or not _speaks(doc, who_start, who_end) or _overlaps([(q.start, q.end) for q in quotes], start, stop):
            continue
        speaker = _role(doc, _speaker_at(doc, who_start, who_end))
        out.append(Quote(doc.article, start, stop, doc.text[start:stop], "reported", ":", speaker.text,
                         speaker.start, speaker.end, speaker.anonymous))
    return out


def _headline_end(text: str) -> int:
    """Where the first line ends when it reads as a headline (short, no final full stop), else -1."""
    end = text.find("\n")
    line = text[:end].rstrip() if end >= 0 else ""
    words = len(re.findall(r"\w+", line))
    return end if 0 < words <= _HEADLINE_WORDS and (not line.endswith(".") or line.endswith("..")) else -1


def _speaks(doc: _Doc, start: int, end: int) -> bool:
    """A phrase that can be a speaker: it opens with a named person or organisation, or is headed by a source or
    institution noun (مصادر، وزارة)."""
    opening = [m for m in doc.mentions if start <= m.start <= start + 2 and m.end <= end + 2]
    if opening:
        return any(m.type in ("PER", "ORG") for m in opening)
    return _head(doc.text[start:end]) in _speaker_heads()


@lru_cache(maxsize=1)
def _speaker_heads() -> frozenset[str]:
    """Heads of a phrase that can speak: source and institution nouns, the first words of titles, organisation
    heads."""
    return SOURCE_NOUNS | INSTITUTION_NOUNS | frozenset(_head(row.split()[0]) for row in TITLES | ORG_HEADS)


# ---------------------------------------------------------------- according to


def _according_to(doc: _Doc, quotes: list[Quote]) -> list[Quote]:
    """بحسب X / وفقا لـ X outside other quotes: the part of the sentence it attributes (after it when it opens the
    sentence, the whole sentence when it is an aside, else before it), attributed to X."""
    out: list[Quote] = []
    spans = [(q.start, q.end) for q in quotes]
    for i in [i for i, word in enumerate(doc.folded) if word in ACCORDING_TO]:
        if doc.span_at[i] is not None or _overlaps(spans, doc.starts[i], doc.ends[i]):
            continue
        speaker, after = _source_after(doc, i)
        if speaker is None:
            continue
        start, end = _sentence_bounds(doc, i)
        tail = doc.words_in(doc.starts[after], end) if after < doc.n and doc.same_sentence(i, after) else 0
        if doc.starts[i] - start < 3:  # attribution first: the content follows it
            start = doc.starts[after] if after < doc.n else end
        elif tail >= _ASIDE_WORDS and doc.is_punct(i - 1) and not _overlaps(spans, doc.starts[after], end):
            RULES.hit("according_to_aside")  # X، بحسب Y، Z: the attribution is an aside, the sentence is the content
        else:
            end = doc.starts[i]
        start, end = _trim(doc.text, start, end)
        if doc.words_in(start, end) >= doc.min_direct_words and not _overlaps(spans, start, end):
            RULES.hit("according_to")
            speaker = _role(doc, speaker)
            out.append(Quote(doc.article, start, end, doc.text[start:end], "reported", doc.texts[i],
                             speaker.text, speaker.start, speaker.end, speaker.anonymous))
            spans.append((start, end))
    return out


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in spans)


def _source_after(doc: _Doc, i: int) -> tuple[_Speaker | None, int]:
    """The source after بحسب/وفقا لـ (skipping لـ and ما نشرته), when it looks like one: a statement, an
    institution, an unnamed source or a named entity (not وفق جدول معلن)."""
    j = i + 1
    if doc.word(j) in _LAM:
        j += 1
    if doc.word(j) == _WHAT and _cue_form(doc, j + 1) is not None:
        j += 2
        while doc.word(j) in PRONOUN_OBJECTS:
            j += 1  # بحسب ما صرح به موظفون
    first = j
    while j < doc.n and j - first < _SUBJECT_MAX and doc.same_sentence(i, j) and not doc.is_punct(j):
        if j > first and (_ends_subject(doc, j, "") or doc.span_opening_at(j)):
            break
        j += 1
    if j <= first:
        return None, j
    agent = _statement_agent(doc, j) if doc.same_sentence(i, j) else None
    if agent is not None:
        return agent
    start, end = doc.starts[first], doc.ends[j - 1]
    word = doc.word(first)
    if first == i + 1 and word.startswith("ل") and not word.startswith("لل") and word[1:] in SOURCE_HEADS:
        start += 1  # وفقا لمنظمة -> منظمة
    elif first == i + 1 and word.startswith("لل") and "ال" + word[2:] in SOURCE_HEADS:
        start += 1
    head = _head(doc.text[start:end])
    named = any(start <= m.start < end for m in doc.mentions)
    if not named and head not in SOURCE_HEADS or head in VAGUE_SOURCES:
        return None, j
    end = _apposed_name_end(doc, start, end, j - 1)
    return _Speaker(doc.text[start:end], start, end, _is_anonymous(doc, start, end)), j


@RULES.rule("statement_agent")
def _statement_agent(doc: _Doc, j: int) -> tuple[_Speaker, int] | None:
    """وفق حصيلة أعلنتها الوزارة: the subject of the speech verb that describes the source noun is the speaker."""
    form = _cue_form(doc, j) if _describes_noun(doc, j) else None
    if form is None:
        return None
    speaker, after = _subject_after(doc, j, form[0])
    return (speaker, after) if speaker is not None else None


def _sentence_bounds(doc: _Doc, i: int) -> tuple[int, int]:
    sentence = doc.sentence_of[i]
    first, last = bisect_left(doc.sentence_of, sentence), bisect_right(doc.sentence_of, sentence) - 1
    return doc.starts[first], doc.ends[last]


# ---------------------------------------------------------------- speakers across quotes


def _resolve_speakers(doc: _Doc, quotes: list[Quote]) -> list[Quote]:
    """Give quotes without a speaker of their own (وأضاف أن، a paragraph-initial quotation) the previous
    speaker, and definite descriptions (البيان، المسؤول) the anonymity of the speaker they point back to."""
    out: list[Quote] = []
    for q in quotes:
        if q.speaker_start == _INHERIT:
            q = _inherit(q, out)
        elif q.speaker_text and _is_anaphor(q.speaker_text):
            q = _follow_anaphor(q, out)
        out.append(q)
    return out


def _inherit(q: Quote, done: list[Quote]) -> Quote:
    """A quote without a speaker of its own takes the previous speaker (none at the start of the article)."""
    prev = _previous_speaker(done)
    if prev is None:
        return replace(q, speaker_text=None, speaker_start=-1, speaker_end=-1, anonymous=False)
    RULES.hit("inherited_speaker")
    return replace(q, speaker_text=prev.speaker_text, speaker_start=prev.speaker_start,
                   speaker_end=prev.speaker_end, anonymous=prev.anonymous)


def _follow_anaphor(q: Quote, done: list[Quote]) -> Quote:
    """A definite description takes the anonymity of the speaker it points back to."""
    ante = _same_head(q, done)
    if ante is not None:
        RULES.hit("anaphor_same_head")
    else:
        ante = _continued(q, done)
        if ante is None:
            return q
        RULES.hit("anaphor_continuation")
    return replace(q, anonymous=ante.anonymous)


def _previous_speaker(done: list[Quote]) -> Quote | None:
    return next((p for p in reversed(done) if p.speaker_text), None)


def _sentence_subject(doc: _Doc, i: int, earlier: list[_Cue]) -> _Speaker | None:
    """For a verb with no subject of its own inside a sentence (مضيفا، لكنه استدرك، نفته الوزارة وقالت):
    the speaker of an earlier cue of the sentence, else its first named entity; None at a sentence start."""
    found = _earlier_cue_speaker(doc, i, earlier)
    return found if found is not None else _sentence_first_name(doc, i)


@RULES.rule("earlier_cue_speaker")
def _earlier_cue_speaker(doc: _Doc, i: int, earlier: list[_Cue]) -> _Speaker | None:
    """The speaker of the latest earlier cue of the sentence that has one (قال الوزير ...، مضيفا أن)."""
    for cue in reversed(earlier):
        if not doc.same_sentence(cue.index, i):
            break
        if cue.speaker is not None:
            return cue.speaker
    return None


@RULES.rule("sentence_first_name")
def _sentence_first_name(doc: _Doc, i: int) -> _Speaker | None:
    """The first named entity (PER, then ORG, then GPE) of the sentence before the verb, when three words or more
    come before it (عقد المجلس لقاء ...، دعا في نهايته)."""
    first = i
    while first > 0 and doc.same_sentence(first - 1, i):
        first -= 1
    if sum(1 for j in range(first, i) if not doc.is_punct(j)) < 3:
        return None
    return _first_mention(doc, first, doc.starts[i])


def _first_mention(doc: _Doc, first: int, end: int) -> _Speaker | None:
    """The first named person, else organisation, of the text from token `first` to `end`; a place only where a
    subject stands, first or right after the verb that opens the sentence (وأعربت عمان عن ...، ودعت), never inside
    a phrase (غضب أهالي المدينة)."""
    inside = [m for m in doc.mentions if doc.starts[first] <= m.start and m.end <= end]
    subject_slots = {doc.starts[k] for k in (first, first + 1) if k < doc.n}
    for kind in _LINK_TYPES:
        m = next((m for m in inside if m.type == kind and (kind != "GPE" or m.start in subject_slots)), None)
        if m is not None:
            return _Speaker(m.text, m.start, m.end, False)
    return None


def _is_anaphor(speaker_text: str) -> bool:
    """A definite description such as البيان، المسؤول، الدبلوماسي الفرنسي that points back to a speaker."""
    words = speaker_text.split()
    return bool(words) and fold(words[0]).lstrip("وف").startswith("ال") and len(words) <= 4


def _antecedent(q: Quote, done: list[Quote]) -> Quote | None:
    """The speaker a definite description points back to, in order of rank: an earlier quote with the same speaker
    span (قال المدرب ...، مؤكدا), the latest whose speaker has the same head noun (البيان -> بيان للحكومة), for a
    continuation verb (وأضاف الدبلوماسي ...) the previous quote whatever its head, and for a statement (أوضح
    البيان) the previous speaker, its issuer."""
    same = next((p for p in reversed(done) if p.speaker_start == q.speaker_start), None)
    if same is not None:
        return same
    ante = _same_head(q, done) or _continued(q, done)
    if ante is None and _head(q.speaker_text or "") in ISSUED_STATEMENTS:
        RULES.hit("statement_of_previous_speaker")
        ante = _previous_speaker(done)
    return ante


def _same_head(q: Quote, done: list[Quote]) -> Quote | None:
    """The latest earlier quote with another speaker span whose head noun is the same (البيان -> بيان للحكومة)."""
    head = _head(q.speaker_text or "")
    for prev in reversed(done):
        if prev.speaker_text and prev.speaker_start != q.speaker_start and _head(prev.speaker_text) == head:
            return prev
    return None


def _continued(q: Quote, done: list[Quote]) -> Quote | None:
    """For a continuation verb (وأضاف الدبلوماسي ...), the previous quote with a speaker."""
    return _previous_speaker(done) if q.cue and _is_continuation(q.cue) else None


def _is_continuation(cue: str) -> bool:
    word = fold(cue)
    lemma = CUE_FORMS.get(word) or CUE_FORMS.get(word[1:])
    return lemma is not None and fold(lemma[0]) in CONTINUATION


def speaker_mention(quote: Quote, mentions: Sequence[Mention]) -> Mention | None:
    """The mention that names the quote's speaker: inside or overlapping the speaker span, PER first (an institution
    speaks through its spokesperson), then ORG, then GPE (only as the head: a place does not speak), the first
    named of each; None for anonymous speakers and speakers without a name."""
    if quote.anonymous or quote.speaker_start < 0:
        return None
    inside = sorted((m for m in mentions if m.article == quote.article and m.start < quote.speaker_end
                     and quote.speaker_start < m.end and m.type in _LINK_TYPES), key=lambda m: m.start)
    for kind in _LINK_TYPES:  # of a joint statement (X وY), the first party named
        found = [m for m in inside if m.type == kind and (kind != "GPE" or _heads(quote, m))]
        if found:
            return found[0]
    return None


def _heads(quote: Quote, mention: Mention) -> bool:
    """A place speaks only as the head of the speaker phrase (قالت باريس), not inside it (سكان في المدينة)."""
    return mention.start - quote.speaker_start <= 2


def speaker_mentions(quotes: Sequence[Quote], mentions: Sequence[Mention]) -> list[Mention | None]:
    """`speaker_mention` for each quote of one article, following definite descriptions back to the named
    speaker they refer to (البيان -> بيان لرئاسة الوزراء ..., وأضاف المسؤول -> the official named before)."""
    out: list[Mention | None] = []
    done: list[Quote] = []
    for q in quotes:
        m = speaker_mention(q, mentions)
        if m is None and not q.anonymous and q.speaker_text and _is_anaphor(q.speaker_text):
            ante = _antecedent(q, done)
            if ante is not None:
                m = out[done.index(ante)]
        out.append(m)
        done.append(q)
    return out
