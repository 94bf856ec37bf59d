"""Order contradictions: outlets that put the same actors in a different order.

One outlet lists who did a thing before its subject (… بعد الأردن ومصر وتونس); another names one of those actors
as a follower (وحذت تونس حذوها، ولحقت بها تونس، تلتها تونس) while its own list of predecessors shares an actor with
the first (so both speak of one sequence). The actor is then before in one account and after in the other. Actors
are linked entities, so spellings and name variants meet; cues are rows of `order_cues.tsv`.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from marsad.compare.contradictions import outlet_of
from marsad.resources import MODELS_DIR, fields
from marsad.rules import RuleSet
from marsad.text.normalize import normalize
from marsad.types import Article, Claim, Contradiction, Mention

RULES = RuleSet("order")
CUES_PATH = MODELS_DIR / "compare" / "order_cues.tsv"
_AFTER = frozenset(normalize(cue) for cue, role in fields(CUES_PATH) if role == "after")
_FOLLOWER = frozenset(normalize(cue) for cue, role in fields(CUES_PATH) if role == "follower")
# How an order contradiction reads: {actors} before in {first}, after in {second}.
_WORDING = next(cue for cue, role in fields(CUES_PATH) if role == "wording")
_WORD = re.compile(r"[^\W\d_]+")
_CLAUSE_END = re.compile(r"[.،,؛;:!?؟]")
LIST_REACH = 8  # words between an `after` cue and the first name of its list (بعد أسابيع من خطوة شبيهة اتخذها)
_LIST_GAP = re.compile(r"[\s،,«»\"']*(?:و\s*)?")  # what may stand between two names of a list, or before the first
_OBJECT = "ب"  # a name right after ب is the object of a follower verb (لحق الضرر بالكويت), not the one that followed
FOLLOWER_WINDOW = 12  # characters between a follower cue and the actor it names (وحذت تونس / لحقت بها تونس)


@dataclass(frozen=True, slots=True)
class _Account:
    """What one sentence says of the order: the actors before its subject, or the actors that followed."""

    article: str
    start: int  # the sentence in its article
    before: frozenset[str]
    followers: frozenset[str]


def order_contradictions(event_id: str, claims: Sequence[Claim], articles: Sequence[Article],
                         mentions: Sequence[tuple[str, Mention]]) -> list[Contradiction]:
    """Contradictions between outlets on who came first; `mentions` are (entity id, mention) of the event."""
    outlets = outlet_of(articles)
    if len(set(outlets.values())) < 2:  # one outlet never contradicts itself
        return []
    by_article: dict[str, list[tuple[str, Mention]]] = {}
    for entity, mention in mentions:
        by_article.setdefault(mention.article, []).append((entity, mention))
    names = {entity: mention.text for entity, mention in mentions}
    texts = {a.id: a.text for a in articles}
    accounts = [account for c in claims for s in c.support
                if (account := _account(texts[s.article], s.article, s.start, s.end, by_article.get(s.article, [])))]
    found: dict[tuple[str, ...], Contradiction] = {}
    claim_of = {(s.article, s.start): c.id for c in claims for s in c.support}
    listed = [a for a in accounts if a.before]
    for first in listed:
        for second in accounts:
            if outlets[first.article] == outlets[second.article] or not second.followers:
                continue
            same_sequence = any(first.before & other.before for other in listed if other.article == second.article)
            swapped = sorted(first.before & second.followers)
            if same_sequence and swapped:
                RULES.hit("before-and-after")
                key = (claim_of[(first.article, first.start)], claim_of[(second.article, second.start)])
                actors = "، ".join(names[e] for e in swapped)
                found.setdefault(key, Contradiction(event_id, "other", key, _WORDING.format(
                    actors=actors, first=outlets[first.article], second=outlets[second.article])))
    return list(found.values())


def _listed_after(text: str, at: int, mentions: Sequence[tuple[str, Mention]]) -> set[str]:
    """The actors listed after an `after` cue ending at `at`: the first name within `LIST_REACH` words of the cue in
    its clause (بعد الأردن، بعد أسابيع من خطوة شبيهة اتخذها الأردن), and the names joined to it only by و,
    commas and quotes (والبحرين والسودان); a name further on is no predecessor."""
    found: set[str] = set()
    for entity, mention in sorted(mentions, key=lambda item: item[1].start):
        if mention.start < at:
            continue
        gap = text[at:mention.start]
        if not (_LIST_GAP.fullmatch(gap) if found else len(_WORD.findall(gap)) <= LIST_REACH
                and not _CLAUSE_END.search(gap)):
            break
        found.add(entity)
        at = mention.end
    return found


def _account(text: str, article: str, start: int, end: int,
             mentions: Sequence[tuple[str, Mention]]) -> _Account | None:
    """The actors a sentence puts before its subject (listed right after an `after` cue) or as followers (right
    after a `follower` cue, not as the object of its preposition)."""
    inside = [(e, m) for e, m in mentions if start <= m.start and m.end <= end]
    if not inside:
        return None
    before: set[str] = set()
    followers: set[str] = set()
    for cue in _WORD.finditer(text, start, end):
        word = normalize(cue.group()).removeprefix("و").removeprefix("ف")
        if word in _AFTER:
            before |= _listed_after(text, cue.end(), inside)
        elif word in _FOLLOWER:
            followers |= {e for e, m in inside if cue.end() <= m.start <= cue.end() + FOLLOWER_WINDOW
                          and text[m.start - 1:m.start] != _OBJECT}  # لحق بالكويت: what befell it, no follower
    if before:
        RULES.hit("after-list")
    if followers:
        RULES.hit("follower")
    return _Account(article, start, frozenset(before), frozenset(followers)) if before or followers else None
