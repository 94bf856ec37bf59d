"""Cross-document entity linking: every mention of one real-world entity, in every outlet, under one Entity.

Two passes. Within an article, shorter forms join the full name they abbreviate (a surname alone, a name
without its 'state of' or 'movement' head). Across articles, the per-article groups are merged when their names
are variants (`variants.py`): the same name, the same person written differently, or a surname that only one
known person carries. Two people who merely share a surname are never merged by the surname alone.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from marsad.extract.quotes import speaker_mentions
from marsad.link.variants import name_tokens, same_full_name, same_surname, skeleton
from marsad.types import Entity, Mention, Quote

# Generic heads that can open a name without changing what it names (دولة إسرائيل = إسرائيل, حركة النهضة = النهضة).
GENERIC_HEADS = frozenset(name_tokens("دولة جمهورية المملكة مملكة سلطنة امارة حركة حزب جبهة جماعة تنظيم منظمة"))
PLACE_TYPES = frozenset({"GPE", "LOC"})


@dataclass(slots=True)
class _Group:
    """The mentions of one name (and its short forms) in one article."""

    article: str
    tokens: tuple[str, ...]
    mentions: list[Mention] = field(default_factory=list)

    @property
    def type(self) -> str:
        return Counter(m.type for m in self.mentions).most_common(1)[0][0]


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


KnownName = Callable[[str, str], str | None]


def link_entities(mentions: Sequence[Mention], latin: Callable[[str, str], str],
                  known: KnownName | None = None) -> list[Entity]:
    """One Entity per real-world entity, ids in order of first mention; `latin(name, type)` gives its Latin name.

    `known(name, type)`, when given, names entities a gazetteer knows (المغرب and المملكة المغربية are both
    Morocco): groups it gives the same name are one entity.
    """
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_article[mention.article].append(mention)
    groups = [g for ms in by_article.values() for g in _article_groups(ms)]
    sets = _UnionFind(len(groups))
    _merge_across_articles(groups, sets)
    if known is not None:
        _merge_known(groups, sets, known)
    members: dict[int, list[_Group]] = defaultdict(list)
    for i, group in enumerate(groups):
        members[sets.find(i)].append(group)
    entities = []
    for n, root in enumerate(sorted(members), 1):
        entities.append(_entity(f"e{n}", members[root], latin))
    return entities


def _article_groups(mentions: list[Mention]) -> list[_Group]:
    """Group one article's mentions: identical names together, then short forms under the full name."""
    exact: dict[tuple[str, ...], _Group] = {}
    for m in mentions:
        tokens = tuple(name_tokens(m.text))
        if tokens:
            exact.setdefault(tokens, _Group(m.article, tokens)).mentions.append(m)
    longest_first = sorted(exact.values(), key=lambda g: -len(g.tokens))
    kept: list[_Group] = []
    for group in longest_first:
        home = [k for k in kept if _abbreviates(group, k)]
        if len(home) == 1:
            home[0].mentions.extend(group.mentions)
        else:
            kept.append(group)
    return kept


def _abbreviates(short: _Group, full: _Group) -> bool:
    """Whether `short` is a shorter way of naming `full` within one article."""
    if len(short.tokens) >= len(full.tokens):
        return False
    if short.type == "PER" and full.type == "PER":
        return len(short.tokens) == 1 and same_surname(short.tokens[0], full.tokens[-1])
    if short.type != full.type and not {short.type, full.type} <= PLACE_TYPES:
        return False
    return full.tokens[0] in GENERIC_HEADS and _contains(full.tokens[1:], short.tokens)


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


def _merge_across_articles(groups: list[_Group], sets: _UnionFind) -> None:
    """Union per-article groups that name the same entity."""
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    persons_by_surname: dict[str, list[int]] = defaultdict(list)
    for i, g in enumerate(groups):
        by_key[(_coarse(g.type), "".join(g.tokens))].append(i)
        if g.type == "PER" and len(g.tokens) >= 2:
            persons_by_surname[skeleton(g.tokens[-1])].append(i)
    for same in by_key.values():
        for i in same[1:]:
            sets.union(same[0], i)
    for candidates in persons_by_surname.values():
        for a, i in enumerate(candidates):
            for j in candidates[a + 1:]:
                if same_full_name(list(groups[i].tokens), list(groups[j].tokens)):
                    sets.union(i, j)
    for i, g in enumerate(groups):
        if g.type == "PER" and len(g.tokens) == 1:
            people = {sets.find(j) for j in persons_by_surname.get(skeleton(g.tokens[0]), [])}
            if len(people) == 1:
                sets.union(i, people.pop())
        elif g.type != "PER" and len(g.tokens) >= 2 and g.tokens[0] in GENERIC_HEADS:
            short = by_key.get((_coarse(g.type), "".join(g.tokens[1:])), [])
            if short:
                sets.union(i, short[0])


def _merge_known(groups: list[_Group], sets: _UnionFind, known: KnownName) -> None:
    """Union groups whose longest names the gazetteer resolves to one entry."""
    first: dict[tuple[str, str], int] = {}
    for i, g in enumerate(groups):
        name = max((m.text for m in g.mentions), key=len)
        entry = known(name, g.type)
        if entry:
            sets.union(first.setdefault((_coarse(g.type), entry), i), i)


def _coarse(entity_type: str) -> str:
    return "PLACE" if entity_type in PLACE_TYPES else entity_type


def _entity(entity_id: str, groups: list[_Group], latin: Callable[[str, str], str]) -> Entity:
    mentions = sorted((m for g in groups for m in g.mentions), key=lambda m: (m.article, m.start))
    entity_type = Counter(m.type for m in mentions).most_common(1)[0][0]
    forms = Counter(m.text for m in mentions)
    if entity_type == "PER":
        name = max(forms, key=lambda f: (len(f.split()) >= 2, forms[f], len(f)))
    else:
        name = max(forms, key=lambda f: (forms[f], -len(f)))
    aliases = tuple(sorted(forms, key=lambda f: (-forms[f], f)))
    return Entity(entity_id, entity_type, name, latin(name, entity_type), aliases, tuple(mentions))


def assign_speakers(quotes: Sequence[Quote], entities: Sequence[Entity]) -> list[Quote]:
    """Each named quote's speaker entity: the entity of the mention that names the speaker (back-references such
    as البيان follow the statement they refer to), else the entity one of whose aliases the speaker text is."""
    entity_of: dict[tuple[str, int, int], Entity] = {}
    mentions: dict[str, list[Mention]] = defaultdict(list)
    for entity in entities:
        for mention in entity.mentions:
            entity_of[(mention.article, mention.start, mention.end)] = entity
            mentions[mention.article].append(mention)
    by_article: dict[str, list[Quote]] = defaultdict(list)
    for q in quotes:
        by_article[q.article].append(q)
    speaker: dict[int, Entity | None] = {}
    for article, article_quotes in by_article.items():
        for q, named in zip(article_quotes, speaker_mentions(article_quotes, mentions[article]), strict=True):
            found = entity_of.get((named.article, named.start, named.end)) if named else None
            speaker[id(q)] = found or (None if q.anonymous else _by_alias(q, mentions[article], entity_of))
    return [replace(q, speaker=e.id if (e := speaker[id(q)]) else None) for q in quotes]


def _by_alias(quote: Quote, mentions: list[Mention], entity_of: dict[tuple[str, int, int], Entity]) -> Entity | None:
    """The article's entity that the speaker text names exactly (a surname alone, an organisation's short name)."""
    wanted = tuple(name_tokens(quote.speaker_text or ""))
    for m in mentions:
        entity = entity_of[(m.article, m.start, m.end)]
        if wanted and any(tuple(name_tokens(alias)) == wanted for alias in entity.aliases):
            return entity
    return None
