"""Cross-document entity linking: every mention of one real-world entity, in every outlet, under one Entity.

Two passes. Within an article, shorter forms join the full name they abbreviate (a surname alone, a name
without its 'state of' or 'movement' head). Across articles, the per-article groups are merged when their names
are variants (`variants.py`): the same name, the same person written differently, or a surname that only one
known person carries. Two people who merely share a surname are never merged by the surname alone.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import chain
from operator import attrgetter

from marsad.extract.ner.gazetteer import load_gazetteer
from marsad.extract.quotes.quotes import speaker_mentions
from marsad.link.aliases import nickname_pairs
from marsad.link.places import facility_kind, variant_key
from marsad.link.variants import (
    given_name_keys,
    name_tokens,
    name_tuple,
    same_full_name,
    same_surname,
    surname_key,
    without_particle_alef,
)
from marsad.resources import MODELS_DIR, column, fields
from marsad.rules import RuleSet
from marsad.text.normalize import fold, match_key
from marsad.types import Entity, Mention, Quote

# Generic heads that can open a name without changing what it names (دولة إسرائيل = إسرائيل, حركة النهضة = النهضة,
# قوات الدعم السريع = ميليشيا الدعم السريع = الدعم السريع).
GENERIC_HEADS = frozenset(token for word in column(MODELS_DIR / "link" / "generic_heads.tsv")
                          for token in name_tokens(word))
PLACE_TYPES = frozenset({"GPE", "LOC"})
RULES = RuleSet("link")
RULES.register("place_variant", "facility_synonym", "nickname_alias", "ambiguous_short_name")


@dataclass(slots=True)
class Group:
    """The mentions of one name (and its short forms) in one article."""

    article: str
    tokens: tuple[str, ...]
    mentions: list[Mention] = field(default_factory=list)
    _type: str | None = None  # the most common type of the mentions, kept until they change

    @property
    def type(self) -> str:
        if self._type is None:
            first = self.mentions[0].type
            same = all(m.type == first for m in self.mentions)  # nearly always: no count needed
            self._type = first if same else Counter(m.type for m in self.mentions).most_common(1)[0][0]
        return self._type

    def add(self, mentions: Sequence[Mention]) -> None:
        self.mentions.extend(mentions)
        self._type = None


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
Span = tuple[str, int, int]  # a mention's article, start and end


def link_entities(mentions: Sequence[Mention], latin: Callable[[str, str], str],
                  known: KnownName | None = None, texts: Mapping[str, str] | None = None) -> list[Entity]:
    """One Entity per real-world entity, ids in order of first mention; `latin(name, type)` gives its Latin name.

    `known(name, type)`, when given, names entities a gazetteer knows (المغرب and المملكة المغربية are both
    Morocco): groups it gives the same name are one entity. `texts` (article id -> text), when given, let a
    nickname introduced after a person's name join that person (`aliases.py`).
    """
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_article[mention.article].append(mention)
    groups = [g for ms in by_article.values() for g in article_groups(ms)]
    pairs = list(nickname_pairs(mentions, texts)) if texts else []
    return [build_entity(f"e{n}", members, latin, known)
            for n, members in enumerate(link_groups(groups, known, pairs), 1)]


def link_groups(groups: list[Group], known: KnownName | None, nicknames: Sequence[tuple[Mention, Mention]],
                alone: Collection[str] = ()) -> list[list[Group]]:
    """The groups (articles' names, `article_groups`, in the order of the corpus) of each entity, in order of
    first group. `nicknames`: (person, nickname) mentions (`aliases.nickname_pairs`); `alone`: surname keys whose
    carriers, some not among `groups`, are several people (a surname alone of them joins no one)."""
    sets = _UnionFind(len(groups))
    _merge_across_articles(groups, sets, alone)
    if nicknames:
        _merge_nicknames(nicknames, groups, sets)
    if known is not None:
        _merge_known(groups, sets, known)
    members: dict[int, list[Group]] = defaultdict(list)
    for i, group in enumerate(groups):
        members[sets.find(i)].append(group)
    return [members[root] for root in sorted(members)]


def article_groups(mentions: Sequence[Mention]) -> list[Group]:
    """Group one article's mentions: identical names together, then short forms under the full name."""
    exact: dict[tuple[str, ...], Group] = {}
    for m in mentions:
        tokens = name_tuple(m.text)
        if tokens:
            if tokens not in exact:
                exact[tokens] = Group(m.article, tokens)
            exact[tokens].add((m,))
    longest_first = sorted(exact.values(), key=lambda g: -len(g.tokens))
    kept: list[Group] = []
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)  # what a shorter form can share with a kept one
    for group in longest_first:
        candidates = sorted({k for key in _short_form_keys(group.tokens) for k in by_key.get(key, ())})
        home = [kept[k] for k in candidates if _abbreviates(group, kept[k])]
        if len(home) == 1:
            home[0].add(group.mentions)
        else:
            for key in _full_form_keys(group.tokens):
                by_key[key].append(len(kept))
            kept.append(group)
    return kept


@lru_cache(maxsize=1 << 16)
def _full_form_keys(tokens: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Keys under which a name can be found by its short forms: each later word's surname key, and its core."""
    return (*(("surname", surname_key(t)) for t in tokens[1:]), ("core", core(tokens)[0][0]))


@lru_cache(maxsize=1 << 16)
def _short_form_keys(tokens: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """The keys a name looks up to find what it may abbreviate (a superset of `_abbreviates`, which decides)."""
    return (*((("surname", surname_key(tokens[0])),) if len(tokens) == 1 else ()), ("core", core(tokens)[0][0]))


def _abbreviates(short: Group, full: Group) -> bool:
    """Whether `short` is a shorter way of naming `full` within one article."""
    if len(short.tokens) >= len(full.tokens):
        return False
    if short.type == "PER" and full.type == "PER":
        return len(short.tokens) == 1 and any(same_surname(short.tokens[0], t) for t in full.tokens[1:])
    if coarse_type(short.type) != coarse_type(full.type):
        return False
    return core(short.tokens)[0] == core(full.tokens)[0]


OWNER_WORDS_PATH = MODELS_DIR / "link" / "owner_words.tsv"
INTERNATIONAL = frozenset(token for word, kind in fields(OWNER_WORDS_PATH) if kind == "international"
                          for token in name_tokens(word))
# Company-form words that a firm's name is written with or without (NSO / NSO Group, Elbit / Elbit Systems).
CORPORATE_SUFFIXES = frozenset(word for word, kind in fields(OWNER_WORDS_PATH) if kind == "corporate")


@lru_cache(maxsize=1)
def _place_keys() -> frozenset[str]:
    """Every place in the gazetteer, in matching form."""
    return frozenset(match_key(" ".join(words)) for words, kind in load_gazetteer().phrases.items()
                     if kind in PLACE_TYPES)


def is_owner_adjective(token: str) -> bool:
    """An adjective saying whose an institution is (المغربية، الإسرائيلي: made from a known place), that it is
    international (الدولي), or a company-form word (Group); other words (الأعلى، القومي) are part of what it is."""
    if token in INTERNATIONAL or token in CORPORATE_SUFFIXES:
        return True
    if not token.startswith("ال"):
        return False
    stem = token[2:].removesuffix("يه").removesuffix("ي")
    return len(stem) >= 2 and (stem in _place_keys() or "ال" + stem in _place_keys())


@lru_cache(maxsize=1)
def _shared_variant_keys() -> frozenset[tuple[str, ...]]:
    """The variant keys (`places.variant_key`) of more than one place of the gazetteer."""
    seen: Counter[tuple[str, ...]] = Counter(variant_key(name_tuple(place)) for place in _place_keys())
    return frozenset(key for key, n in seen.items() if n > 1)


@lru_cache(maxsize=1 << 16)
def core(tokens: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the name without a generic head and trailing owner adjectives, those adjectives): قوات الدعم السريع ->
    الدعم السريع; رئاسة الجمهورية التونسية -> رئاسة الجمهورية + التونسية."""
    body = tokens[1:] if len(tokens) > 1 and tokens[0] in GENERIC_HEADS else tokens
    if body != tokens and body[0] in _place_keys():
        return body[:1], ()  # جمهورية إيران الإسلامية, دولة الإمارات العربية: a state's formal style
    end = len(body)
    while end > 1 and is_owner_adjective(body[end - 1]):
        end -= 1
    return body[:end], body[end:]


def _merge_across_articles(groups: list[Group], sets: _UnionFind, alone: Collection[str]) -> None:
    """Union per-article groups that name the same entity."""
    _union_buckets(sets, _bucket(groups, _exact_key))
    _merge_people(groups, sets, alone)
    _merge_cores([i for i, g in enumerate(groups) if g.type != "PER"], groups, sets)
    _merge_place_variants([i for i, g in enumerate(groups) if g.type in PLACE_TYPES], groups, sets)


def _exact_key(group: Group) -> tuple[str, str]:
    """Groups of one name (a person's, or another entity's) under this key are one entity."""
    return ("PER" if group.type == "PER" else "NAME", "".join(group.tokens))


def _bucket(groups: list[Group], key: Callable[[Group], object]) -> list[list[int]]:
    buckets: dict[object, list[int]] = defaultdict(list)
    for i, g in enumerate(groups):
        buckets[key(g)].append(i)
    return list(buckets.values())


def _union_buckets(sets: _UnionFind, buckets: list[list[int]]) -> None:
    for same in buckets:
        for i in same[1:]:
            sets.union(same[0], i)


def _merge_people(groups: list[Group], sets: _UnionFind, alone: Collection[str] = ()) -> None:
    """Full names that are variants of each other; a surname alone joins the one person who carries it.

    Groups with one name are already one set, so each distinct name is compared once, and only with the names
    sharing its second word's surname key (variants agree there: `same_full_name`)."""
    first_of: dict[tuple[str, ...], int] = {}  # a distinct full name -> its first group
    for i, g in enumerate(groups):
        if g.type == "PER" and len(g.tokens) >= 2:
            first_of.setdefault(g.tokens, i)
    by_second: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    carriers: dict[str, list[int]] = defaultdict(list)
    for tokens, i in first_of.items():
        by_second[surname_key(without_particle_alef(tokens[1]))].append(tokens)
        for token in tokens[1:]:
            carriers[surname_key(token)].append(i)
    variants = [(names[a], names[b]) for names in by_second.values() for a, b in _given_name_pairs(names)
                if same_full_name(list(names[a]), list(names[b]))]
    weight: Counter[tuple[str, ...]] = Counter()
    for g in groups:
        if g.tokens in first_of:
            weight[g.tokens] += len(g.mentions)
    homes = _short_name_homes(variants, weight)
    for x, y in variants:
        short, long = sorted((x, y), key=len)
        if len(x) != len(y) and short in homes and homes[short] != long:
            RULES.hit("ambiguous_short_name")
        else:
            sets.union(first_of[x], first_of[y])
    for i, g in enumerate(groups):
        if g.type == "PER" and len(g.tokens) == 1 and surname_key(g.tokens[0]) not in alone:
            people = {sets.find(j) for j in carriers.get(surname_key(g.tokens[0]), [])}
            if len(people) == 1:
                sets.union(i, people.pop())


def _given_name_pairs(names: list[tuple[str, ...]]) -> list[tuple[int, int]]:
    """The pairs (a < b, in order) of names whose given names may be variants (`given_name_keys`): the only
    pairs `same_full_name` can join, found without comparing every name with every other."""
    sharing: dict[tuple[str, object], list[int]] = defaultdict(list)
    for number, name in enumerate(names):
        for key in given_name_keys(name[0]):
            sharing[key].append(number)
    return sorted({(a, b) for numbers in sharing.values() for i, a in enumerate(numbers) for b in numbers[i + 1:]})


DOMINANT = 3  # times the mentions of the other people a short name may be, for it to name the one


def _short_name_homes(variants: list[tuple[tuple[str, ...], tuple[str, ...]]],
                      weight: Counter[tuple[str, ...]]) -> dict[tuple[str, ...], tuple[str, ...] | None]:
    """For each name that starts longer names of different people (عبدالله بن محمد of عبدالله بن محمد الحربي and
    of عبدالله بن محمد آل الشيخ), the one it may join: the person named `DOMINANT` times as often as the others
    together, else None (joining either would make the people one)."""
    longer: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for x, y in variants:
        if len(x) != len(y):
            short, long = sorted((x, y), key=len)
            longer[short].append(long)
    homes: dict[tuple[str, ...], tuple[str, ...] | None] = {}
    for short, longs in longer.items():
        if all(same_full_name(list(p), list(q)) for a, p in enumerate(longs) for q in longs[a + 1:]):
            continue
        top = max(longs, key=lambda name: weight[name])
        others = sum(weight[name] for name in longs if not same_full_name(list(name), list(top)))
        homes[short] = top if weight[top] >= DOMINANT * others else None
    return homes


def _merge_cores(indices: list[int], groups: list[Group], sets: _UnionFind) -> None:
    """Names with one core (قوات X / ميليشيا X / X; X / X + owner adjective) are one entity, unless the core is
    shared by two owners (وزارة الصحة الأردنية / اللبنانية): then only the bare form stays apart."""
    buckets: dict[tuple[str, tuple[str, ...]], list[int]] = defaultdict(list)
    for i in indices:
        buckets[(coarse_type(groups[i].type), core(groups[i].tokens)[0])].append(i)
    for members in buckets.values():
        owners = {core(groups[i].tokens)[1] for i in members} - {()}
        if len(owners) <= 1:
            _union_buckets(sets, [members])


def _merge_place_variants(indices: list[int], groups: list[Group], sets: _UnionFind) -> None:
    """Places and facilities whose names share a variant key (`places.variant_key`: إيموزار / إموزار, ملعب X / استاد
    X), unless the gazetteer has two places under that key (غانا / غينيا: its own variants it joins itself)."""
    buckets: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i in indices:
        buckets[variant_key(groups[i].tokens)].append(i)
    for key, members in buckets.items():
        if len({groups[i].tokens for i in members}) < 2 or key in _shared_variant_keys():
            continue
        for i in members[1:]:
            if sets.find(i) != sets.find(members[0]):
                first, other = groups[members[0]].tokens[0], groups[i].tokens[0]
                RULES.hit("facility_synonym" if first != other and facility_kind(first) else "place_variant")
                sets.union(members[0], i)


def _merge_nicknames(pairs: Sequence[tuple[Mention, Mention]], groups: list[Group], sets: _UnionFind) -> None:
    """A nickname joins the person it is introduced for, and so do its uses alone elsewhere, when every article
    that introduces it does so for one person."""
    group_of = {(m.article, m.start): i for i, g in enumerate(groups) for m in g.mentions}
    people: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for person, nickname in pairs:
        if (person.article, person.start) in group_of and (nickname.article, nickname.start) in group_of:
            people[name_tuple(nickname.text)].add(sets.find(group_of[(person.article, person.start)]))
    for i, g in enumerate(groups):
        found = people.get(g.tokens, set())
        if g.type == "PER" and len(found) == 1:
            root = next(iter(found))
            if sets.find(i) != sets.find(root):
                RULES.hit("nickname_alias")
                sets.union(i, root)


def _merge_known(groups: list[Group], sets: _UnionFind, known: KnownName) -> None:
    """Union groups whose longest names the gazetteer resolves to one entry."""
    first: dict[tuple[str, str], int] = {}
    for i, g in enumerate(groups):
        name = max((m.text for m in g.mentions), key=len)
        entry = known(name, g.type)
        if entry:
            sets.union(first.setdefault((coarse_type(g.type), entry), i), i)


def coarse_type(entity_type: str) -> str:
    return "PLACE" if entity_type in PLACE_TYPES else entity_type


def build_entity(entity_id: str, groups: list[Group], latin: Callable[[str, str], str],
            known: KnownName | None = None) -> Entity:
    mentions = sorted(chain.from_iterable(g.mentions for g in groups), key=attrgetter("article", "start"))
    entity_type = Counter(map(attrgetter("type"), mentions)).most_common(1)[0][0]
    forms = Counter(map(attrgetter("text"), mentions))
    if entity_type == "PER":
        name = max(forms, key=lambda f: (len(f.split()) >= 2, forms[f], len(f)))
    else:
        name = max(forms, key=lambda f: (forms[f], -len(f)))
    aliases = tuple(sorted(forms, key=lambda f: (-forms[f], f)))
    return Entity(entity_id, entity_type, name, latin(_latin_source(name, aliases, entity_type, known), entity_type),
                  aliases, tuple(mentions))


def _latin_source(name: str, aliases: tuple[str, ...], entity_type: str, known: KnownName | None) -> str:
    """The form the Latin name is made from: the name, or for a body or place that the tables do not know by it, the
    most frequent alias they do know, its official name (جيش الدفاع الإسرائيلي rather than a glossed variant)."""
    if known is None or entity_type == "PER" or known(name, entity_type):
        return name
    return next((alias for alias in aliases if known(alias, entity_type)), name)


def assign_speakers(quotes: Sequence[Quote], entities: Sequence[Entity],
                    texts: Mapping[str, str] | None = None) -> list[Quote]:
    """Each named quote's speaker entity (`article_speakers`, article by article)."""
    entity_of: dict[Span, Entity] = {}
    mentions: dict[str, list[Mention]] = defaultdict(list)
    for entity in entities:
        for mention in entity.mentions:
            entity_of[(mention.article, mention.start, mention.end)] = entity
            mentions[mention.article].append(mention)
    by_article: dict[str, list[Quote]] = defaultdict(list)
    for q in quotes:
        by_article[q.article].append(q)
    found = {id(q): assigned for article, article_quotes in by_article.items()
             for q, assigned in zip(article_quotes, article_speakers(article_quotes, mentions[article], entity_of,
                                                                     (texts or {}).get(article, "")), strict=True)}
    return [found[id(q)] for q in quotes]


def article_speakers(quotes: Sequence[Quote], mentions: list[Mention], entity_of: Mapping[Span, Entity],
                     text: str) -> list[Quote]:
    """One article's quotes with their speaker entities: a person named after the same title earlier in the
    article (المفتش العام ... X, then المفتش العام ... said), else the entity of the mention that names the speaker
    (back-references such as البيان follow the statement they refer to), else the entity one of whose aliases the
    speaker text is, else the one organisation of the article that a bare definite noun heads (الجيش -> الجيش
    السوداني). `mentions`: the article's linked mentions, entity by entity in the corpus's order of entities;
    `entity_of`: (article, start, end) of a mention -> its entity."""
    assigned = []
    for q, named in zip(quotes, speaker_mentions(quotes, mentions), strict=True):
        found = entity_of.get((named.article, named.start, named.end)) if named else None
        if found is None or found.type != "PER":
            found = _titled_person(q, text, mentions, entity_of) or found
        if found is None and not q.anonymous:
            found = _by_alias(q, mentions, entity_of) or _by_head(q, mentions, entity_of)
        assigned.append(replace(q, speaker=found.id if found else None))
    return assigned



NAME_GAP = 3  # characters between a title and the name after it (a space, a comma and a space)


def _titled_person(quote: Quote, text: str, mentions: list[Mention],
                   entity_of: Mapping[Span, Entity]) -> Entity | None:
    """The person a title-only speaker refers to: the one named right after the same title elsewhere in the text."""
    title = (quote.speaker_text or "").strip()
    if quote.anonymous or not text or not _starts_with_title(title):
        return None
    people = [m for m in mentions if m.type == "PER"]
    at = text.find(title)
    while at >= 0:
        after = at + len(title)
        named = [m for m in people if 0 <= m.start - after <= NAME_GAP and not text[after:m.start].strip(" ،,")]
        if named:
            return entity_of[(named[0].article, named[0].start, named[0].end)]
        at = text.find(title, after)
    return None


def _starts_with_title(phrase: str) -> bool:
    words = phrase.split()
    return bool(words) and (fold(words[0]),) in load_gazetteer().titles


def _by_alias(quote: Quote, mentions: list[Mention], entity_of: Mapping[Span, Entity]) -> Entity | None:
    """The article's entity that the speaker text names exactly (a surname alone, an organisation's short name)."""
    wanted = name_tuple(quote.speaker_text or "")
    for m in mentions:
        entity = entity_of[(m.article, m.start, m.end)]
        if wanted and wanted in _alias_tokens(entity.aliases):
            return entity
    return None


@lru_cache(maxsize=1 << 16)
def _alias_tokens(aliases: tuple[str, ...]) -> frozenset[tuple[str, ...]]:
    """The name tokens of each alias of an entity."""
    return frozenset(name_tuple(alias) for alias in aliases)


def _by_head(quote: Quote, mentions: list[Mention], entity_of: Mapping[Span, Entity]) -> Entity | None:
    """The article's only organisation whose name the speaker's one definite noun begins (الجيش -> الجيش السوداني,
    الوزارة -> وزارة الخارجية): a news text names a body in full once, then by its head noun."""
    words = name_tokens(quote.speaker_text or "")
    if len(words) != 1 or not words[0].startswith("ال"):
        return None
    head = words[0][2:]
    headed = {entity.id: entity for entity in (entity_of[(m.article, m.start, m.end)] for m in mentions)
              if entity.type == "ORG" and any(_head_noun(alias) == head for alias in entity.aliases)}
    return next(iter(headed.values())) if len(headed) == 1 else None


def _head_noun(name: str) -> str | None:
    """The first word of a name of two words or more, without its ال."""
    words = name_tokens(name)
    return words[0].removeprefix("ال") if len(words) > 1 else None
