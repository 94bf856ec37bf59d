"""Formal acts in a summary: who acted, and what follows.

A news summary nearly always says how the parties answered the happening: an announcement, a decision, an order, a
call, a protest, an investigation, a suspension, a pledge, or what a party will do next. A sentence whose opening
words hold such a verb (`models/summarize/act_verbs.tsv`, conjugated by `marsad.compare.framing.verb_forms`; a
leading و or ف allowed) or a verb in the future tense (`marsad.compare.tense`), with a named actor beside it (a
person, organisation or country the entity stage found within a few words: "ونددت الخارجية بالهجوم ..."، "الحكومة
تعلن ..."، "وستعقد اللجنة ..."), reports a party's act rather than a scene's colour or a match's
play-by-play, so it ranks a little higher among sentences of the same worth. A sentence that opens looking back
(the compare layer's background openers: "وكان ... قد"، "سبق أن") tells what had been done before the news.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from marsad.compare.framing import verb_forms
from marsad.compare.tense import future_verb
from marsad.resources import MODELS_DIR, fields
from marsad.summarize.background import opens_with
from marsad.summarize.candidates import Candidate
from marsad.summarize.connectives import CONJUNCTION
from marsad.summarize.rules import RULES
from marsad.text.normalize import match_key, normalize
from marsad.types import Article, Mention

OPENING_WORDS = 5  # the verb of a sentence's main clause stands within its first words (after و، قد، كان ...)
ACTOR_WORDS = 3  # its actor is named this close to it, after it (أعلنت الوزارة) or before it (كانت الحكومة قد قررت)
ACTORS = frozenset({"PER", "ORG", "GPE"})
DUAL = "ا"  # the past dual (أعلنا) is rare in news and written like an adverbial participle (طالبا، قائلا)
_NONE = "-"
_WORD = re.compile(r"\S+")

RULES.register("act.formal")


def act_forms() -> frozenset[str]:
    """Every normalised form of the act verbs, bare and after و or ف."""
    forms: set[str] = set()
    for past, present, written, _ in fields(MODELS_DIR / "summarize" / "act_verbs.tsv"):
        forms.update(set(verb_forms(past, present)) - {normalize(past + DUAL)})
        forms.update(normalize(form) for form in written.split() if form != _NONE)
    return frozenset(forms | {conj + form for conj in (CONJUNCTION, "ف") for form in forms})


FORMS = act_forms()
LOOKING_BACK = frozenset(match_key(phrase) for phrase, role in fields(MODELS_DIR / "compare" / "quantity_cues.tsv")
                         if role == "background-opener")  # وكان ... قد، سبق أن، في مطلع الشهر: what had been


def reports_act(sentence: str, actors: Sequence[int]) -> bool:
    """Whether one of the sentence's opening words is a form of an act verb or a verb in the future tense, with an
    actor named within ACTOR_WORDS words of it (`actors`: where the sentence's actor mentions begin, in characters
    from its start); a sentence that opens looking back ("وكان البرلمان قد أقال ..."، "سبق أن ...") tells what had
    been done before the news, its background, not what follows."""
    if not actors:
        return False
    words = [(w.start(), w.end(), w.group()) for _, w in zip(range(OPENING_WORDS + ACTOR_WORDS),
                                                              _WORD.finditer(sentence), strict=False)]
    for k, (start, end, word) in enumerate(words[:OPENING_WORDS]):
        if act_word(word):
            before = words[max(k - ACTOR_WORDS, 0)][0]
            after = words[min(k + ACTOR_WORDS, len(words) - 1)][1]
            if any(before <= a < start or end <= a < after for a in actors):
                return not opens_with(sentence, LOOKING_BACK)
    return False


@lru_cache(maxsize=1 << 14)
def act_word(word: str) -> bool:
    """Whether a word as written is a form of an act verb or a verb in the future tense."""
    normal = normalize(word)
    return normal in FORMS or future_verb(normal)


def formal_acts(pool: Sequence[Candidate], articles: Sequence[Article],
                mentions: Mapping[str, Sequence[Mention]]) -> list[float]:
    """1 for each sentence of the pool that reports a named actor's formal act, 0 for the others (a sentence of
    unknown place in its article names no actor)."""
    marks = []
    for candidate in pool:
        found = mentions.get(articles[candidate.article].id, ()) if candidate.start >= 0 else ()
        end = candidate.start + len(candidate.text)
        actors = [m.start - candidate.start for m in found if m.type in ACTORS and candidate.start <= m.start < end]
        marks.append(float(reports_act(candidate.text, actors)))
    RULES.hit("act.formal", int(sum(marks)))
    return marks
