"""What kind of happening an article reports, and who speaks when it is a statement: read from its headline.

A condemnation and the attack it condemns, a funeral and the shooting, a phone call and a visit share their
actors and much of their vocabulary, yet are different happenings. The headline (the title, else the first
sentence) names the happening first; its first trigger word (`models/cluster/event_types.tsv`) gives the set of
kinds it can report. Two reports conflict when their sets share no kind; an article whose headline holds no
trigger (a quote, a feature title) has no kind and conflicts with none.

When the kind is a statement (a condemnation, a welcome, an appeal, a message), who makes it is part of the
happening: the words before the trigger (`المملكة تدين`, `منظمة التعاون الإسلامي ترحب`) are the speaker, and
two governments condemning one attack are two events. When the kind is serial, a happening every outlet reports
in the same words again and again (an execution, a market session, a phone call, the weather, a match), the rest
of the headline holds its slots (who, where: `القتل تعزيرا لمهرب هيروين بثادق`), and a report that fills them
otherwise is another happening.

A headline that quotes a person (`وزير الخارجية: ...`, `السيسي: ...`) reports that person's statement, not the
incident the quote speaks of: an ambassador's words on a crash or a minister's on an attack are their own event
(in the incident's story). It may have been said at a meeting, a visit or on a call, so it conflicts only with
incidents, and being of no one kind it does not vote on its event's kinds.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from marsad.cluster.terms import MIN_STEM, without_article
from marsad.resources import MODELS_DIR, column, read_rows
from marsad.text.normalize import DIGITS, match_key
from marsad.text.sentences import split_sentences
from marsad.text.tokens import proclitic_readings

Kinds = frozenset[str]
NO_KIND: Kinds = frozenset()
SPOKEN = frozenset({"condemn", "welcome", "appeal", "congratulation", "condolence", "statement"})
SERIAL = frozenset({"execution", "market", "weather", "economy", "match", "call", "congratulation", "condolence",
                    "meeting", "funeral", "wedding"})
ENCOUNTER = frozenset({"call", "meeting", "visit"})  # happenings between parties: who took part tells them apart
FIGURED = frozenset({"market", "economy"})  # serial happenings told apart by their figures (a session, a month)
MAX_SPEAKER_WORDS = 4  # a subject before the verb: a name with its title, an institution
MIN_TITLE_WORDS = 3  # a shorter "title" is an outlet name or a section label, not a headline
LEAD_PREDICATE_WORDS = 16  # a lead opens with its verb and subject, a leader's full title running to a dozen words
PREDICATE_WORDS = 7  # a headline states its happening first; a trigger further on is in a clause added to it
# A number, its decimals after a point or a comma. Some outlets store a decimal in visual order with a
# right-to-left mark after the point (`5.\u200f7` for 7.5): its parts are read the other way round.
FIGURE = re.compile(r"(?<![0-9.,٫])([0-9]+)(?:[.,٫](\u200f|\u200e)?([0-9]+))?")
ASCII_DIGITS = str.maketrans(DIGITS)
YEAR_PREFIXES = ("14", "19", "20")  # a four-digit number opening so is a year (Hijri or Gregorian), not a figure
# What a person's quoted words cannot be: a quote is no attack, accident, death, storm, figure or arrest. It is a
# statement, which may be made at a meeting, a visit, a ceremony or on a call, but is another happening than the
# incident it is about (a minister calling an attack terrorism, an ambassador following up a crash).
INCIDENTS = frozenset({"attack", "accident", "disaster", "death", "weather", "market", "economy", "execution",
                       "arrest"})
# A quoted name in a headline (`«عاصفة الحزم» تدمر ...`, `"تفجير المتحف" يكلف السياحة`): an operation, a campaign,
# a case, a work's title. It names the topic the headline's own predicate is about, not the happening.
QUOTED = re.compile(r'[«"“„]([^«»"“”„]*)[»"”]')
HEADLINE_CHARS = 400  # the first sentence of a text without a headline lies in its first lines


@lru_cache(maxsize=1)
def _triggers() -> tuple[dict[tuple[str, ...], Kinds], int]:
    """Trigger phrases (tuples of matching-form words, the article ال off the first) and the longest length."""
    kinds: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for row in read_rows(MODELS_DIR / "cluster" / "event_types.tsv"):
        trigger, types = row.fields
        words = tuple(match_key(trigger).split())
        kinds[(without_article(words[0]), *words[1:])].update(types.split())
    return {k: frozenset(v) for k, v in kinds.items()}, max(map(len, kinds))


@lru_cache(maxsize=1)
def _quoted_kinds() -> Kinds:
    """The kinds a person's quoted words can report: a statement, or what is said at a gathering."""
    return frozenset().union(*_triggers()[0].values()) - INCIDENTS


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    """Person titles in matching form, the article off (`ملك`, `وزير`, `سفير`): `models/gazetteer/titles.txt`."""
    titles = column(MODELS_DIR / "gazetteer" / "titles.txt")
    return frozenset(without_article(match_key(t).split()[0]) for t in titles)


def trigger_words() -> frozenset[str]:
    """The one-word triggers (matching form, article off): words that name a kind of happening, not which one."""
    return frozenset(words[0] for words in _triggers()[0] if len(words) == 1)


def _readings(word: str) -> list[str]:
    """The word and its proclitic readings, each without its article."""
    bares = (bare for _cut, bare in proclitic_readings(word, min_stem=MIN_STEM))
    return [without_article(word), *map(without_article, bares)]


def headline(title: str | None, text: str) -> str:
    """The article's headline: its title when it is one, else its first sentence."""
    return title if title and len(title.split()) >= MIN_TITLE_WORDS else first_sentence(text)


def headline_kinds(title: str | None, text: str) -> Kinds:
    """The kinds of the headline's first trigger, with those of the first sentence's when there is a title."""
    return read_headline(title, text).kinds


class Reading(NamedTuple):
    """What a headline says of its happening, in matching-form words."""

    kinds: Kinds  # of its first trigger, with those of the first sentence's
    speaker: tuple[str, ...]  # the words before the trigger of a statement
    slots: tuple[str, ...]  # the words that are no trigger in the headline of a serial happening
    quoted: bool = False  # a person's quoted words: a statement, of any kind but an incident's


def read_headline(title: str | None, text: str, people: Sequence[str] = ()) -> Reading:
    """The kinds, speaker and slots of the article's headline (no speaker or slots where they do not apply). A
    headline that quotes a person (`السيسي: ...`, `وزير الخارجية: ...`: a title or one of `people` before a
    colon) reports that person's statement, unless the quote opens with the incident itself (`المتحدث الأمني:
    مقتل ...`: the person is the source of a report, not the maker of a statement)."""
    line = headline(title, text)
    speaker = quoted_person(line, people)
    if speaker:
        position, own = first_trigger(line.partition(":")[2])
        if not (position == 0 and own & INCIDENTS):
            return lead_encounter(text, line) or Reading(_quoted_kinds(), speaker, (), quoted=True)
    position, own = first_trigger(line)
    if not own:
        return lead_encounter(text, line) or Reading(NO_KIND, (), ())
    words = match_key(line).split()
    speaker = tuple(words[:position][-MAX_SPEAKER_WORDS:]) if own <= SPOKEN else ()
    slots = tuple(w for w in words if not _is_trigger(w)) if own <= SERIAL else ()
    return Reading(own | first_trigger(first_sentence(text, after=line))[1], speaker, slots)


def lead_encounter(text: str, line: str) -> Reading | None:
    """The call, meeting or visit the lead reports, for a headline that names no happening or quotes a person
    (`خادم الحرمين والرئيس المصري يؤكدان ...`, `الملك: ...` over `أجرى خادم الحرمين ... اتصالا هاتفيا ...`): what
    two leaders stress or say is said on that encounter, which is the happening. None when the lead opens with no
    encounter (a quote's own kinds, or none, stand)."""
    kinds = first_trigger(first_sentence(text, after=line), LEAD_PREDICATE_WORDS)[1]
    return Reading(kinds, (), ()) if kinds & ENCOUNTER else None


def quoted_person(line: str, people: Sequence[str] = ()) -> tuple[str, ...]:
    """The matching-form words before the colon of a headline that quotes a person, else (): at most
    `MAX_SPEAKER_WORDS` words that open with a person's title or one of the `people`'s names (a place or a topic
    before the colon, `فيضانات المدينة: ...`, is no speaker, whatever names it holds)."""
    before, colon, _ = line.partition(":")
    words = match_key(before).split()
    if not colon or not 0 < len(words) <= MAX_SPEAKER_WORDS:
        return ()
    opening = " ".join(words)
    person = without_article(words[0]) in _titles() or any(
        name and opening.startswith(match_key(name)) for name in people)
    return tuple(words) if person else ()


def lead_figures(title: str | None, text: str) -> frozenset[str]:
    """The numbers of the headline and the sentence after it (`8821`, `13.41`; not a year), in ASCII digits: the
    figures that tell one market session or one month's indicator from another."""
    lead = lead_text(title, text).translate(ASCII_DIGITS)
    numbers = map(figure, FIGURE.finditer(lead))
    return frozenset(n for n in numbers if not (len(n) == 4 and n[:2] in YEAR_PREFIXES))


def lead_text(title: str | None, text: str) -> str:
    """The headline and the sentence after it: where a report says what happened, to whom and who took part."""
    line = headline(title, text)
    return f"{line} {first_sentence(text, after=line)}"


def figure(match: re.Match[str]) -> str:
    """A matched number as `units.decimals`, its parts swapped when a direction mark shows visual order."""
    whole, mark, decimals = match.groups()
    if not decimals:
        return whole
    return f"{decimals}.{whole}" if mark else f"{whole}.{decimals}"


def _is_trigger(word: str) -> bool:
    return any((reading,) in _triggers()[0] for reading in _readings(word))


def first_sentence(text: str, after: str = "") -> str:
    """The text's first sentence, or its second when the first is `after` (a text that repeats its title)."""
    sentences = [text[s.start:s.end] for s in split_sentences(text[:HEADLINE_CHARS])]
    if sentences and after and match_key(sentences[0]) == match_key(after):
        sentences = sentences[1:]
    return sentences[0] if sentences else ""


def first_trigger(line: str, within: int = PREDICATE_WORDS) -> tuple[int, Kinds]:
    """(word position, kinds) of the first trigger (the longest phrase at the first position that holds one)."""
    triggers, longest = _triggers()
    words = match_key(QUOTED.sub(_unquoted, line)).split()
    for i in range(min(len(words), within)):
        readings = _readings(words[i])
        for length in range(min(longest, len(words) - i), 0, -1):
            rest = tuple(words[i + 1:i + length])
            for first in readings:
                found = triggers.get((first, *rest))
                if found:
                    return i, found
    return 0, NO_KIND


def _unquoted(match: re.Match[str]) -> str:
    """A quoted name's words as as many placeholders between its marks (the words keep their positions); one
    quoted word is the outlet's reserve about the word itself (`تعلن «استشهاد» ...`), which stays."""
    words = match.group(1).split()
    if len(words) < 2:
        return match.group(0)
    return f"{match.group(0)[0]}{' '.join('_' * len(word) for word in words)}{match.group(0)[-1]}"


def conflict(a: Kinds, b: Kinds) -> bool:
    """Whether two reports are of different kinds (both known, no kind in common)."""
    return bool(a) and bool(b) and not a & b
