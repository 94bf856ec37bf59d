"""Linking kept between the rounds of one process (`marsad watch`): a round links again only the names its new
articles touch, and gives what linking the whole corpus anew gives.

Every decision of `entities.link_groups` joins or parts groups (an article's mentions of one name) that share a
key: the same name, a given name and second name that variants share, a core, a place's variant key, a
gazetteer entry, a nickname; and a surname alone joins the one person who carries it. Groups joined by keys
they share form components that no decision crosses, so each component is linked apart, and a round links again
only the components its new groups fall in. Surnames are the exception: a given name such as سلمان is the
surname key of thousands of full names, and carrying it would make one component of them. So a surname alone
stays in its component, which is joined to its carriers' only when they all lie in one component (only then
can they be one person); when they lie in several, the surname alone is linked knowing it joins no one.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain
from operator import itemgetter

from marsad.ids import IdMemo, id_number
from marsad.link.aliases import nickname_pairs
from marsad.link.entities import (
    PLACE_TYPES,
    Group,
    KnownName,
    article_groups,
    article_speakers,
    build_entity,
    coarse_type,
    core,
    link_groups,
)
from marsad.link.ids import EntityIds, entity_spellings
from marsad.link.latin import latin_name
from marsad.link.places import variant_key
from marsad.link.variants import given_name_keys, name_tuple, surname_key, without_particle_alef
from marsad.types import Entity, Mention, Quote

Key = tuple[Hashable, ...]
UNNUMBERED = "e0"  # the id of an entity linked anew until `EntityIds` gives it one
Order = tuple[int, int]  # a group's article's place in the corpus, and its place among the article's groups


@dataclass(slots=True)
class _Placed:
    """A group with its place in the corpus and the keys it shares with the groups it may be linked to."""

    order: Order
    group: Group
    keys: tuple[Key, ...]


@dataclass(slots=True)
class _Article:
    position: int  # in the corpus
    mentions: list[Mention]  # as last linked (the same list object while the article is not stored again)
    groups: list[_Placed]
    nicknames: list[tuple[Mention, Mention]]
    quotes: list[Quote] | None = None  # with their speakers, as last assigned


@dataclass(slots=True)
class _Linked:
    """An entity of a component, with its spellings counted and its groups in corpus order."""

    entity: Entity
    spellings: Counter[str]
    groups: list[Group]


@dataclass(slots=True)
class _Component:
    groups: list[_Placed] = field(default_factory=list)
    entities: dict[Order, _Linked] = field(default_factory=dict)  # by the order of each entity's first group
    surnames: set[str] = field(default_factory=set)  # the surname keys of its surnames alone and their carriers


@dataclass(frozen=True, slots=True)
class Corpus:
    """What a round links: the articles in corpus order with their mentions, quotes, texts and outlet countries."""

    order: Sequence[str]
    mentions: Mapping[str, list[Mention]]
    quotes: Mapping[str, list[Quote]]
    texts: Mapping[str, str]
    countries: Mapping[str, str]


class Linker:
    """The linking of a corpus, kept so that the next round over it and its new articles links only those."""

    def __init__(self, known: KnownName | None) -> None:
        self._known = known
        self._articles: dict[str, _Article] = {}
        self._parent: dict[Key, Key] = {}
        self._components: dict[Key, _Component] = {}
        self._singles: dict[str, list[_Placed]] = defaultdict(list)  # surname key -> the surnames alone
        self._carriers: dict[str, list[_Placed]] = defaultdict(list)  # surname key -> full names carrying it
        self._alone: set[str] = set()  # surname keys whose carriers lie in several components
        self._surnames_moved: set[str] = set()  # surname keys whose surnames alone or carriers were added, taken
        # out or joined to another component since `_join_surnames` last looked (only they can join or part)
        self._countries: dict[str, Counter[str]] = defaultdict(Counter)  # a name as written -> its outlets' countries
        self._named: dict[Key, _Placed] = {}  # the name key of a group not of a person -> the first such group
        self._personal: set[Key] = set()  # the name keys of persons' groups (a full name's weight counts them all)
        self._written: dict[str, set[Key]] = defaultdict(set)  # a name as written -> a key of each group using it
        self._entity_of: dict[int, Order] = {}  # id of a group -> its entity (by the order of its first group)
        self._spoken: dict[int, Hashable] = {}  # id of a group -> what speakers read of its entity, as last linked
        self._final: dict[Order, Entity] = {}  # each entity by the order of its first group, with its id
        self.linked_again: set[str] = set()  # the articles whose names' entities the last round may have changed
        self._id_memo = IdMemo()  # what the last round's id assignment counted
        self._shared_keys: dict[tuple[Key, ...], tuple[Key, ...]] = {}  # each distinct keys of a group, held once

    @property
    def empty(self) -> bool:
        """Whether it has linked nothing yet."""
        return not self._articles

    def fits(self, order: Sequence[str]) -> bool:
        """Whether the corpus `order` holds every article linked so far, each in its place (new ones after)."""
        place = {article: n for n, article in enumerate(order)}
        return all(place.get(article) == record.position for article, record in self._articles.items())

    def link(self, corpus: Corpus, ids: EntityIds) -> tuple[list[Entity], list[Quote]]:
        """The corpus's entities (ids from `ids`, which is updated) and its quotes with their speakers; the corpus
        must `fit` what was linked before."""
        new = [(n, a) for n, a in enumerate(corpus.order) if a not in self._articles
               or self._articles[a].mentions is not corpus.mentions.get(a)
               and self._articles[a].mentions != corpus.mentions.get(a, [])]
        dirty: set[Key] = set()
        grown: list[tuple[_Placed, _Placed]] = []
        renamed = self._count_countries(corpus, [a for _, a in new])
        for position, article in new:
            if article in self._articles:
                dirty.update(self._remove(self._articles.pop(article)))
            dirty.update(self._add(article, position, corpus, grown))
        dirty.update(self._written_roots(renamed))
        dirty.update(self._join_surnames())
        redo = {self._find(root) for root in dirty}
        relinked = self._relink(redo) + self._grow([pair for pair in grown if self._find(pair[0].keys[0]) not in redo])
        placed = sorted(chain.from_iterable(c.entities.items() for c in self._components.values()),
                        key=itemgetter(0))  # by the order of each entity's first group
        entities = [linked.entity for _, linked in placed]
        assigned = ids.assign(entities, [linked.spellings for _, linked in placed], self._id_memo)
        self._keep_ids(assigned, placed)
        speakers = {a for _, a in new} | self._respoken(relinked, self._final)
        for entity, final in zip(entities, assigned, strict=True):
            if final is not entity and entity.id != UNNUMBERED:  # a kept entity given another id
                speakers.update(m.article for m in entity.mentions)
        self.linked_again = speakers
        return assigned, self._quotes(corpus, speakers, self._final)

    def _count_countries(self, corpus: Corpus, new: Sequence[str]) -> set[str]:
        """Count the outlets' countries of the new articles' names (an article stored again: in place of its
        earlier names); the names whose most frequent country changed."""
        before: dict[str, str | None] = {}
        for article in new:
            country = corpus.countries.get(article)
            if not country:
                continue
            earlier = self._articles[article].mentions if article in self._articles else []
            for mentions, step in ((earlier, -1), (corpus.mentions.get(article) or [], 1)):
                for mention in mentions:
                    counts = self._countries[mention.text]
                    if mention.text not in before:
                        before[mention.text] = _top(counts)
                    counts[country] += step
                    if not counts[country]:
                        del counts[country]
        return {text for text, top in before.items() if _top(self._countries[text]) != top}

    def _latin(self, name: str, entity_type: str) -> str:
        return latin_name(name, entity_type, _top(self._countries.get(name, Counter())))

    def _add(self, article: str, position: int, corpus: Corpus, grown: list[tuple[_Placed, _Placed]]) -> set[Key]:
        """Place an article's groups in their components; the roots of those to link again. A group of a name
        (not a person's) that an earlier group not of a person has, with the same keys, joins that group's entity
        whatever else the component holds (every bucket it is in holds the other too, and no count it changes
        decides a merge, unless a person's name is written the same): it is added to `grown` (the earlier group,
        the new one) instead."""
        mentions = corpus.mentions.get(article) or []
        nicknames = list(nickname_pairs(mentions, {article: corpus.texts.get(article, "")}))
        nicknamed = {(m.article, m.start): name_tuple(n.text) for person, n in nicknames for m in (person, n)}
        record = _Article(position, mentions, [], nicknames)
        roots = set()
        for number, group in enumerate(article_groups(mentions)):
            nicks = {nicknamed[(m.article, m.start)] for m in group.mentions if (m.article, m.start) in nicknamed}
            keys = self._keys(group, nicks)
            item = _Placed((position, number), group, keys)
            record.groups.append(item)
            for mention in group.mentions:
                self._written[mention.text].add(keys[0])
            if group.type == "PER":
                self._personal.add(keys[0])
            ordinary = group.type != "PER" and not nicks and keys[0] not in self._personal
            twin = self._named.get(keys[0]) if ordinary else None
            if twin is not None and twin.keys == keys:
                self._components[self._find(keys[0])].groups.append(item)
                grown.append((twin, item))
                continue
            if group.type != "PER":
                self._named.setdefault(keys[0], item)
            for key in keys:
                if key not in self._parent:
                    self._parent[key] = key
                    self._components[key] = _Component()
            root = self._union(keys)
            self._components[root].groups.append(item)
            roots.add(root)
            if group.type == "PER" and len(group.tokens) == 1:
                self._place_surname(self._singles, surname_key(group.tokens[0]), item, root)
            elif group.type == "PER":
                for token in group.tokens[1:]:
                    self._place_surname(self._carriers, surname_key(token), item, root)
        self._articles[article] = record
        return roots

    def _place_surname(self, table: dict[str, list[_Placed]], key: str, item: _Placed, root: Key) -> None:
        """Note a surname alone or a carrier (`table`) under its surname key, in the component of `root`."""
        table[key].append(item)
        self._components[root].surnames.add(key)
        self._surnames_moved.add(key)

    def _keys(self, group: Group, nicknames: set[tuple[str, ...]]) -> tuple[Key, ...]:
        """The keys of every decision of `link_groups` that may join or part this group and another."""
        tokens = group.tokens
        keys: list[Key] = [("name", "".join(tokens))]  # of any type: a full name's weight counts them all
        keys.extend(("name", "".join(nickname)) for nickname in nicknames)
        if group.type == "PER" and len(tokens) >= 2:
            second = surname_key(without_particle_alef(tokens[1]))
            keys.extend(("given", second, key) for key in given_name_keys(tokens[0]))
        elif group.type != "PER":
            keys.append(("core", coarse_type(group.type), core(tokens)[0]))
            if group.type in PLACE_TYPES:
                keys.append(("variant", variant_key(tokens)))
        if self._known is not None:
            entry = self._known(max((m.text for m in group.mentions), key=len), group.type)
            if entry:
                keys.append(("known", coarse_type(group.type), entry))
        found = tuple(keys)
        return self._shared_keys.setdefault(found, found)  # the groups of one name in every article share them

    def _find(self, key: Key) -> Key:
        parent = self._parent
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def _union(self, keys: Iterable[Key]) -> Key:
        """Join the components of `keys` (the larger keeps its root); the root of the joined component."""
        roots = {self._find(key) for key in keys}
        root = max(roots, key=lambda r: len(self._components[r].groups))
        for other in roots - {root}:
            self._parent[other] = root
            joined = self._components.pop(other)
            self._components[root].groups.extend(joined.groups)
            self._components[root].surnames |= joined.surnames
            self._surnames_moved |= joined.surnames  # their groups there now lie in another component
        return root

    def _remove(self, record: _Article) -> set[Key]:
        """Take an article's groups out; the roots of the components they were in."""
        gone = {id(item) for item in record.groups}
        for item in record.groups:
            if self._named.get(item.keys[0]) is item:
                del self._named[item.keys[0]]
        roots = {self._find(item.keys[0]) for item in record.groups}
        for root in roots:
            component = self._components[root]
            component.groups = [item for item in component.groups if id(item) not in gone]
        for table in (self._singles, self._carriers):
            for key, items in table.items():
                if any(id(item) in gone for item in items):
                    table[key] = [item for item in items if id(item) not in gone]
                    self._surnames_moved.add(key)
        return roots

    def _written_roots(self, texts: Iterable[str]) -> set[Key]:
        """The components of the groups using a name written so (whose Latin name may change with its outlets'
        country)."""
        return {self._find(key) for text in texts for key in self._written.get(text, ())}

    def _join_surnames(self) -> set[Key]:
        """Join each surname alone to its carriers' component when they all lie in one, until none is left to
        join; the components changed (joined, or whose surnames' carriers came to lie in several). Only the
        surname keys whose groups were added, taken out or joined to another component since the last round are
        looked at (`_surnames_moved`): components only ever join, so the others stand as they were; a join
        notes the keys of the component it joins, which are looked at in turn."""
        changed: set[Key] = set()
        before = set(self._alone)
        while self._surnames_moved:
            key = self._surnames_moved.pop()
            singles = self._singles.get(key)
            if singles is None:
                continue
            roots = {self._find(item.keys[0]) for item in self._carriers.get(key, ())}
            if len(roots) > 1:
                self._alone.add(key)
                continue
            self._alone.discard(key)
            if roots and any(self._find(item.keys[0]) not in roots for item in singles):
                changed.add(self._union([*roots, *(item.keys[0] for item in singles)]))
        for key in before ^ self._alone:
            changed.update(self._find(item.keys[0]) for item in self._singles.get(key, ()))
        return changed

    def _relink(self, roots: set[Key]) -> list[tuple[Order, list[Group]]]:
        """Link the groups of these components anew (together: no decision crosses two components); each entity
        made, as the order of its first group and its groups."""
        placed = sorted((item for root in roots for item in self._components[root].groups), key=lambda i: i.order)
        order = {id(item.group): item for item in placed}
        articles = {item.group.article for item in placed}
        nicknames = [pair for article in articles for pair in self._articles[article].nicknames]
        for root in roots:
            self._components[root].entities = {}
        made = []
        for members in link_groups([item.group for item in placed], self._known, nicknames, self._alone):
            entity = build_entity(UNNUMBERED, members, self._latin, self._known)
            head = order[id(members[0])]
            first = head.order
            self._components[self._find(head.keys[0])].entities[first] = _Linked(entity, entity_spellings(entity),
                                                                                   members)
            for group in members:
                self._entity_of[id(group)] = first
            made.append((first, members))
        return made

    def _grow(self, grown: Sequence[tuple[_Placed, _Placed]]) -> list[tuple[Order, list[Group]]]:
        """Add each new group to the entity of its earlier twin (`_add`) and make those entities again; each
        entity made, as the order of its first group and its groups."""
        joining: dict[Order, list[Group]] = defaultdict(list)
        root: dict[Order, Key] = {}
        for twin, item in grown:
            order = self._entity_of[id(twin.group)]
            joining[order].append(item.group)
            root[order] = self._find(twin.keys[0])
            self._entity_of[id(item.group)] = order
        made = []
        for order, groups in joining.items():
            linked = self._components[root[order]].entities[order]
            linked.groups.extend(groups)
            linked.entity = build_entity(UNNUMBERED, linked.groups, self._latin, self._known)
            linked.spellings = entity_spellings(linked.entity)
            made.append((order, linked.groups))
        return made

    def _keep_ids(self, assigned: Sequence[Entity], placed: Sequence[tuple[Order, _Linked]]) -> None:
        """Keep the entities (`placed`: every component's, by their order) with the ids they were given."""
        self._final = {order: entity for (order, _), entity in zip(placed, assigned, strict=True)}
        for (_, linked), entity in zip(placed, assigned, strict=True):
            linked.entity = entity

    def entity_mentions(self, article: str) -> list[tuple[int, str, Mention]]:
        """The article's linked mentions as (entity number, entity id, mention), as of the last round."""
        record = self._articles.get(article)
        if record is None:
            return []
        linked = [(self._final[self._entity_of[id(item.group)]], item.group.mentions) for item in record.groups]
        return [(id_number(entity.id), entity.id, mention) for entity, mentions in linked for mention in mentions]

    def _respoken(self, made: Sequence[tuple[Order, list[Group]]], entities: Mapping[Order, Entity]) -> set[str]:
        """The articles of the entities linked anew that changed in what the speakers of their quotes are found by
        (`article_speakers`: the entity's id, type and names, and its place)."""
        articles = set()
        for first, members in made:
            entity = entities[first]
            spoken = (entity.id, entity.type, frozenset(entity.aliases), first)
            for group in members:
                if self._spoken.get(id(group)) != spoken:
                    self._spoken[id(group)] = spoken
                    articles.add(group.article)
        return articles

    def _quotes(self, corpus: Corpus, articles: set[str], entities: Mapping[Order, Entity]) -> list[Quote]:
        """The corpus's quotes, those of `articles` with their speakers assigned again (`article_speakers` reads
        an article's mentions entity by entity, in the order of entities)."""
        quotes: list[Quote] = []
        for article in corpus.order:
            record = self._articles[article]
            if article in articles or record.quotes is None:
                found = corpus.quotes.get(article, [])
                linked = sorted((self._entity_of[id(item.group)], m.start, m) for item in record.groups
                                for m in item.group.mentions) if found else []
                entity_of = {(m.article, m.start, m.end): entities[order] for order, _, m in linked}
                record.quotes = _kept_where_equal(record.quotes, article_speakers(
                    found, [m for _, _, m in linked], entity_of, corpus.texts.get(article, "")) if found else [])
            quotes.extend(record.quotes)
        return quotes


def _kept_where_equal(before: list[Quote] | None, made: list[Quote]) -> list[Quote]:
    """The quotes made, each the very one kept before where it is equal (a quote whose speaker did not change is
    then told unchanged by identity when published and attributed)."""
    if before is None or len(before) != len(made):
        return made
    return [old if old == new else new for old, new in zip(before, made, strict=True)]


def _top(counts: Counter[str]) -> str | None:
    return counts.most_common(1)[0][0] if counts else None

