"""Per-article named-entity recognition: PER, ORG, GPE, LOC, MISC mentions as spans over the clean text.

A CRF (`models/ner.crfsuite`, trained on ANERcorp by `ner_train.train_ner`) tags each sentence of news; a text
that reads as encyclopedic prose (`register.is_encyclopedic`: rare in news) is tagged by the neural tagger made
for that register (`encyclopedic_tagger`, with its span rules). Then a document pass makes the article
consistent: proclitics come off each mention (وللرباط -> الرباط), titles are left out of person names, a name
found once is found at every occurrence (surname alone included), list places the model missed are added, and LOC
is split into GPE (states, cities) and LOC (regions, seas, sites).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import compress
from operator import not_
from pathlib import Path

import numpy as np

from marsad.derived import built
from marsad.extract.ner.decode import FastTagger, LinearCrf, viterbi
from marsad.extract.ner.encyclopedic import coordination_split, head_joined, propagated
from marsad.extract.ner.features import Featurizer, Lexicon, default_lexicon
from marsad.extract.ner.gazetteer import latin_table_places
from marsad.extract.ner.name_rates import common_word
from marsad.extract.ner.neural import NEURAL_FILE, NeuralScorer, bio_constraints
from marsad.extract.ner.phrases import (
    NAME_CONT,
    NAME_LINKS,
    PLACE_ADJECTIVES,
    RARE,
    RULES,
    STOP,
    TAIL_ALIAS_HEADS,
    PeopleAndLatin,
    PhraseRules,
    is_adjective,
    is_arabic,
    load_heads,
    positions,
    verb_like,
)
from marsad.extract.ner.register import is_encyclopedic, windows
from marsad.extract.ner.train import MODEL_FILE
from marsad.extract.ner.vectors import load_vectors
from marsad.extract.ner.words import month_names, words, written_as_head
from marsad.text.normalize import fold
from marsad.text.tokens import proclitic_readings, token_lists
from marsad.types import Mention

__all__ = ["encyclopedic_tagger", "find_mentions", "load_tagger", "NerTagger", "routed_tags", "tagged_document"]

_SENTENCE_END = {".", "!", "?", "؟", "؛", ";"}
_AND, _AT, _DEFINITE = "و", "ب", "ال"  # a conjunction and a preposition that end a name (`_coordinated`), the article
_PLACE_TYPES = ("LOC", "GPE")
_LIST_COMMAS = ("،", ",")  # the commas between the members of a list
_LIKE = "ك"  # the preposition "like", which the lexicon may read on a name's first letter (كوفي -> ك + وفي)
_NEWLINE = re.compile("\n+")
# Word classes of `models/ner/words.tsv`, folded.
_LOC_HEADS = words("loc_head")  # head words that make an unknown place a LOC (منطقة ...، جبل ...، نهر ...)
_NOT_SURNAME = words("not_surname")  # words that end a person's name but are no surname (محمد السادس، ... بن ...)
_NOT_NAMES = words("not_name")  # alone, no entity: the name of God, currency units (ريال، دولار)
_AMBIGUOUS_PLACES = words("ambiguous_place")  # one-word list places that are also everyday words (صور، العين)
_KNOWN_AS = words("known_as")  # the words before a nickname (المعروف، الملقب): no part of the name before them
# ...and the participles that open a relative clause after a name (القاضية، الرامية): neither ends a name
_CLAUSE_PARTICIPLES = words("clause_participle")
_AFTER_NAME = _KNOWN_AS | _CLAUSE_PARTICIPLES
_ENGLISH_ARTICLE = words("english_article")  # ذا (The) before a foreign outlet's name: part of the name
_HOST_EVENTS = words("host_event")  # events named after their host place (مونديال X)
_SHORT_PLACE_NAMES = words("short_place_name")  # المدينة: the place alone only beside its full name
_UNIT_HEADS = words("unit_head")  # heads the name of an administrative unit is written without (جماعة X -> X)
_FEMININE = "ه"  # the folded ending of a feminine noun or adjective (ة)
_OBJECT_PRONOUNS = ("ه", "ها", "هم", "هما")  # suffixes of a verb with its object (يليه، يرافقها)
# The CRF's share in the encyclopedic tagger (the network's is 1): none, chosen on held-out AQMAR train sentences.
ENCYCLOPEDIC_CRF_WEIGHT = 0.0

# Rules of the propagation, counted at their branch in the rule set of the document pass (`phrases.RULES`).
_BRANCH_RULES = (
    "title_off_person",  # a person's name drops the titles before it (الرئيس، وزير الدفاع ...)
    "surname_alias",  # a person's surname alone is the person (... فيلدنبرغ -> فيلدنبرغ)
    "tail_alias",  # an organisation's name without its head is the organisation (حركة X -> X)
    "known_name_again",  # a name found once is found at its other occurrences
    "listed_name",  # a listed place or organisation the model missed
    "loc_by_place_head",  # a place named with منطقة، جبل، نهر ... is a LOC, not a GPE
    "loc_by_name_head",  # a place named with a LOC head noun (مطار، ميناء ...) is a LOC
    "place_list_conjunction",  # a place with و after another place is the next member of a list (X وY)
    "place_list_listed",  # a place of the Latin-name tables written with و after a place is the next member
    "place_list_between",  # so is a rare word with و between two places (X وY وZ)
    "english_article_kept",  # ذا (The) before a foreign name is part of an outlet's name (ذا غارديان)
    "not_a_name",  # a name of God or a currency unit alone is no entity
    "month_not_name",  # a month name alone is no entity (نيسان is April before it is a carmaker)
    "short_name_alone",  # a place's short name that is an everyday noun (المدينة "the city") alone is the noun,
    #   unless the article writes the place's full name (المدينة المنورة)
    "coordinated_names_split",  # a person's or a place's span that runs over و + a word is two names, over ب + a
    #   definite or listed word it ends there (طنجة وفاس، خالد بتبوك), unless the span is listed
    "common_word_kept_apart",  # an everyday word (`name_rates.common_word`) spreads only when the tagger said so
    #   at half of its occurrences in the article
    "unit_head_off",  # an administrative unit is named without its head (جماعة X، حي X، جبال X -> X)
    "verb_off_person",  # a person's span opened by a verb with its object pronoun drops it (يليه X -> X)
    "listed_type_of_misc",  # a MISC span (or a PER span of 2+ words) that is a listed place or organisation takes
    #   the listed type
    "place_in_misc",  # a MISC span of an event noun and a listed place is the place (مونديال المكسيك)
    "like_kept_in_name",  # a person's first word keeps a ك the lexicon read as "like" (كوفي عنان)
    "person_after_org",  # an organisation's span that ends in a person's name is two names (منظمة ... + X Y)
    "head_kept_whole",  # a head noun read as a proclitic + a word keeps its first letter (وادي X, not ادي X)
    "encyclopedic_register",  # a text that reads as encyclopedic prose is tagged by the encyclopedic tagger
)
for _name in _BRANCH_RULES:
    RULES.hit(_name, 0)


_FORMS: dict[str, tuple[str, ...]] = {}


def _forms(word: str) -> tuple[str, ...]:
    """A folded word, then the bare words of its proclitic readings: every form its bare form can take, memoised."""
    r = _FORMS.get(word)
    if r is None:
        r = _FORMS[word] = (word, *(bare for _, bare in proclitic_readings(word)))
    return r


def _opening(words: set[str], firsts: set[str]) -> set[str]:
    """The folded words one of whose forms (`_forms`) is in `firsts`."""
    for w in words.difference(_FORMS):
        _forms(w)
    order = list(words)
    return set(compress(order, map(not_, map(firsts.isdisjoint, map(_FORMS.__getitem__, order)))))


@dataclass(frozen=True, slots=True)
class _Span:
    first: int  # token index
    last: int  # token index, inclusive
    type: str  # PER ORG LOC MISC (model) or GPE


class NerTagger:
    """The CRF with its per-word-type caches, alone or mixed with a neural scorer; one per process (`load_tagger`).

    With a `NeuralScorer`, a token's label scores are `crf_weight` times the CRF's plus `neural_weight` times the
    network's log-probabilities, decoded with the CRF's transitions (times `crf_weight`) and the BIO constraints;
    `crf_weight` 0 is the network alone. With `span_rules` (the encyclopedic tagger), the network's labels then go
    through the span rules of `encyclopedic` (head nouns, و between names, names found again).
    """

    def __init__(self, model: Path, lexicon: Lexicon, neural: NeuralScorer | None = None,
                 crf_weight: float = 1.0, neural_weight: float = 1.0, span_rules: bool = False) -> None:
        self.lex = lexicon
        self.span_rules = span_rules
        self.features = Featurizer(lexicon)
        self._fast = FastTagger(built("crf-tables", partial(LinearCrf, model), [model]), self.features)
        names = self._fast.crf.labels
        self.labels = [(lab[:1], lab[2:]) for lab in names]  # (B|I|O, type) by label index
        self._names = np.array(names, dtype=object)
        self._index = {name: i for i, name in enumerate(names)}
        self.neural = neural
        self.weights = (crf_weight, neural_weight)
        if neural is not None:
            missing = set(names) - set(neural.labels)
            if missing:
                raise ValueError(f"neural NER model lacks the CRF's labels {sorted(missing)}")
            self._columns = [neural.labels.index(lab) for lab in names]  # network columns in the CRF's order
            self._into = crf_weight * self._fast.into + bio_constraints(names)

    def word_types(self, words: list[str]) -> tuple[list[int], list[str], list[int], list[str]]:
        """Type ids, folded forms, and the characters cut and bare words of `Lexicon.bare`, of token strings."""
        fast = self._fast
        ids = fast.type_ids(words)
        return ids, *(list(map(table.__getitem__, ids)) for table in (fast.folded, fast.cuts, fast.bare))

    def best_labels(self, ids: list[int], lengths: list[int]) -> np.ndarray:
        """Label index (into `labels`) of each token of consecutive sentences of the given lengths."""
        fast = self._fast
        if self.neural is None or not ids:
            return fast.best_labels(ids, lengths)
        crf_weight, neural_weight = self.weights
        lp = self.neural.log_probs(ids, lengths, fast.folded, fast.cuts, fast.bare)[:, self._columns]
        e = neural_weight * lp
        if crf_weight:
            e += crf_weight * fast.scores(ids, lengths)
        best = viterbi(e, np.array(lengths, dtype=np.int64), self._into)
        return self._apply_span_rules(best, lp, ids, lengths) if self.span_rules else best

    def _apply_span_rules(self, best: np.ndarray, lp: np.ndarray, ids: list[int], lengths: list[int]) -> np.ndarray:
        """`best` after the encyclopedic tagger's span rules (`encyclopedic`); `lp` is the network's (token, label)
        log-probabilities."""
        fast = self._fast
        tags = self._names[best].tolist()
        starts = set(np.cumsum([0, *lengths[:-1]]).tolist())
        bare = [fast.bare[i] for i in ids]
        tags = head_joined(tags, bare, starts)
        tags = coordination_split(tags, [fast.folded[i] for i in ids], [fast.cuts[i] for i in ids])
        labels = np.fromiter(map(self._index.__getitem__, tags), dtype=np.int64, count=len(tags))
        confidence = np.exp(lp[np.arange(len(tags)), labels]).tolist()
        tags = propagated(tags, confidence, bare, starts)
        return np.fromiter(map(self._index.__getitem__, tags), dtype=np.int64, count=len(tags))

    def tag_tokens(self, words: list[str]) -> list[str]:
        """BIO labels (PER ORG LOC MISC) for one sentence of token strings."""
        return self.tag_sentences([words])[0]

    def tag_sentences(self, sentences: list[list[str]]) -> list[list[str]]:
        """BIO labels for many sentences at once (faster than one by one)."""
        lengths = [len(s) for s in sentences]
        flat = self._names[self.best_labels(self._fast.type_ids([t for s in sentences for t in s]), lengths)]
        bounds = np.concatenate([[0], np.cumsum(lengths)]).tolist()
        return [flat[bounds[k]:bounds[k + 1]].tolist() for k in range(len(sentences))]


@lru_cache(maxsize=4)
def load_tagger(model: Path = MODEL_FILE, neural: Path | None = None, crf_weight: float = 1.0,
                neural_weight: float = 1.0, span_rules: bool = False) -> NerTagger:
    """The tagger for `model` (and a neural model mixed in with the given weights, and the encyclopedic span
    rules if `span_rules`), opened once per process."""
    lex = default_lexicon()
    scorer = NeuralScorer(neural, lex, load_vectors()) if neural else None
    return NerTagger(model, lex, scorer, crf_weight, neural_weight, span_rules)


def encyclopedic_tagger() -> NerTagger:
    """The tagger of encyclopedic text: the neural tagger (`NEURAL_FILE`), the CRF's scores mixed in at
    `ENCYCLOPEDIC_CRF_WEIGHT`, its labels corrected by the span rules of `encyclopedic`."""
    return load_tagger(MODEL_FILE, NEURAL_FILE, ENCYCLOPEDIC_CRF_WEIGHT, span_rules=True)


def routed_tags(sentences: list[list[str]]) -> list[list[str]]:
    """BIO labels of consecutive sentences, tagged as `find_mentions` tags an article: each window of sentences
    (`register.windows`) that reads as encyclopedic by the encyclopedic tagger, the others by the CRF."""
    groups: list[list[int]] = [[], []]  # sentence indexes of news and of encyclopedic windows
    for r in windows([len(s) for s in sentences]):
        groups[is_encyclopedic(fold(w) for i in r for w in sentences[i])].extend(r)
    out: list[list[str]] = [[] for _ in sentences]
    for indexes, tagger in zip(groups, (load_tagger, encyclopedic_tagger), strict=True):
        if indexes:
            for i, tags in zip(indexes, tagger().tag_sentences([sentences[i] for i in indexes]), strict=True):
                out[i] = tags
    return out


def sentence_ranges(text: str, words: list[str], ends: list[int]) -> list[tuple[int, int]]:
    """Token index ranges [a, b) of sentences (split after end punctuation and at line breaks), from parallel token
    lists: the token strings and their end offsets."""
    cuts = set(positions(words, _SENTENCE_END.__contains__))
    if "\n" in text:
        cuts.update(bisect_right(ends, m.start()) - 1 for m in _NEWLINE.finditer(text))  # the token before it
        cuts.discard(-1)
    out: list[tuple[int, int]] = []
    a = 0
    for i in sorted(cuts):
        out.append((a, i + 1))
        a = i + 1
    if a < len(words):
        out.append((a, len(words)))
    return out


def _label_spans(labels: list[tuple[str, str]], best: np.ndarray, starts: set[int]) -> Iterator[tuple[int, int, str]]:
    """(first, last, type) of the entities in a BIO labelling, by token index (conlleval's reading, as `spans`):
    a stray I- opens an entity and none runs across a sentence start. `best` is each token's label index."""
    first, last, kind = -1, -1, ""
    tags = best.tolist()
    for i in np.flatnonzero(best).tolist():  # label 0 is O
        bio, k = labels[tags[i]]
        if i == last + 1 and bio == "I" and k == kind and i not in starts:
            last = i
            continue
        if first >= 0:
            yield first, last, kind
        first, last, kind = i, i, k
    if first >= 0:
        yield first, last, kind


class _Document:
    """One article's tokens with folded and bare forms (`Lexicon.bare`: `cuts` characters off, leaving `bare`),
    and the mention spans found so far."""

    def __init__(self, tagger: NerTagger, text: str) -> None:
        self.text = text
        self.lex = tagger.lex
        self.words, self.starts, self.ends = token_lists(text)
        ids, self.folded, self.cuts, self.bare = tagger.word_types(self.words)
        if is_encyclopedic(self.folded):
            RULES.hit("encyclopedic_register")
            tagger = encyclopedic_tagger()
            ids = tagger.word_types(self.words)[0]
        self._keep_whole_heads()
        self.taken = [False] * len(self.words)
        self.spans: list[_Span] = []
        self.sites: set[tuple[str, ...]] = set()  # keys of places named after a LOC unit head (حي X): LOC, not GPE
        self._firsts: set[str] = set()
        self.owner: dict[int, _Span] = {}  # first token -> span
        self.owned: set[int] = set()  # the other tokens of spans
        self.rules: PhraseRules | None = None  # the phrase rules, once `apply_rules` has run
        self.people: PeopleAndLatin | None = None  # and the rules of people
        self._occurrences: Counter[str] | None = None  # bare word -> its occurrences, counted when first needed
        self._tag(tagger, ids)

    def _keep_whole_heads(self) -> None:
        """A head noun whose first letter the lexicon read as a proclitic keeps it (وادي is no و + ادي "led to",
        بورصة no ب + a word): a name opened by a head is written with the whole head."""
        for i in positions(self.cuts, bool):
            if self._whole_head(i):
                self.cuts[i], self.bare[i] = 0, self.folded[i]
                RULES.hit("head_kept_whole")

    def _whole_head(self, i: int) -> bool:
        """Whether the word at i, proclitics and all, is a head noun as written (`written_as_head`)."""
        f = self.folded[i]
        return f in load_heads() and written_as_head(self.words[i], f)

    def _tag(self, tagger: NerTagger, ids: list[int]) -> None:
        ranges = sentence_ranges(self.text, self.words, self.ends)
        best = tagger.best_labels(ids, [b - a for a, b in ranges])
        for first, last, kind in _label_spans(tagger.labels, best, {a for a, _ in ranges}):
            first, kind = self._listed_type(first, last, kind)
            for start, end, k in self._org_then_person(first, last, kind):
                for a, b in self._coordinated(start, end, k):
                    self._add(a, b, k)
        self.tagged_alone = Counter(self.bare[s.first] for s in self.spans if s.first == s.last)

    def _coordinated(self, first: int, last: int, kind: str) -> list[tuple[int, int]]:
        """A person's or a place's span holds no conjunction or preposition: cut before an inner word with و (two
        names side by side: طنجة وفاس ومكناس), and end it before an inner ب + a definite or listed
        word (خالد بتبوك: the place after it is the gazetteer pass's to find). Organisations (الصليب الأحمر
        والهلال الأحمر) and listed names (ترينيداد وتوباغو) stay whole."""
        if kind not in ("PER", "LOC") or self.lex.gaz.phrases.get(self.key(first, last)):
            return [(first, last)]
        pieces, start = [], first
        for i in range(first + 1, last + 1):
            if not self.cuts[i]:
                continue
            clitic = self.folded[i][0]
            if clitic == _AND:
                pieces.append((start, i - 1))
                start = i
            elif clitic == _AT and self._place_or_definite(i):
                break
        else:
            i = last + 1
        pieces.append((start, i - 1))
        if len(pieces) > 1 or i <= last:
            RULES.hit("coordinated_names_split")
        return pieces

    def _listed_type(self, first: int, last: int, kind: str) -> tuple[int, str]:
        """(first token, type) of a MISC span that is a listed place or organisation, or a PER span of two or more
        words that is a listed region, or a listed state or city after a particle (في خميس مشيط; not الروماني سان
        مارتن, a player): the listed type of the whole span (البيت الأبيض، المكسيك: the tagger knows the name,
        the list knows what it names), or, for MISC, the place
        after an event noun that opens it (`host_event`: مونديال المكسيك "the World Cup in Mexico": the event is
        no name of ours, Mexico is; فجر ليبيا, a name of its own, stays)."""
        if kind != "MISC" and (kind != "PER" or first == last):
            return first, kind
        phrases = self.lex.gaz.phrases
        listed = phrases.get(self.key(first, last))
        if kind == "PER" and not (listed == "LOC" or listed == "GPE" and self._after_particle(first)):
            return first, kind
        if listed in ("GPE", "LOC", "ORG"):
            RULES.hit("listed_type_of_misc")
            return first, "ORG" if listed == "ORG" else "LOC"
        if (kind == "MISC" and first < last and self.bare[first] in _HOST_EVENTS and not self.cuts[first + 1]
                and phrases.get(tuple(self.folded[first + 1:last + 1])) in ("GPE", "LOC")):
            RULES.hit("place_in_misc")
            return first + 1, "LOC"
        return first, kind

    def _after_particle(self, i: int) -> bool:
        """Whether the word at i has a proclitic or follows a function word (a preposition: في، إلى ...)."""
        return bool(self.cuts[i]) or i > 0 and self.folded[i - 1] in STOP

    def _org_then_person(self, first: int, last: int, kind: str) -> list[tuple[int, int, str]]:
        """An organisation's span that runs into name-like indefinite words after a complete name is the
        organisation and then a person: after a head noun's definite adjective, two or more words (منظمة الأرصاد
        العالمية + her head's name: the name goes on after its adjective only with a لل-phrase, a coordination or
        a definite word); after a listed organisation named by a definite noun, one or more (عضو الكنيست + a
        member's name; not a brand's product, أبل ميوزيك); and wherever a given name opens a person's name inside
        it (`_person_opens`: رئيس الاتحاد | فهد الحريشي)."""
        if kind != "ORG" or last == first:
            return [(first, last, kind)]
        k = next((k for k in range(first + 1, last) if self._person_opens(k)), None)
        if k is not None:
            RULES.hit("person_after_org")
            return [(first, k - 1, kind), (k, last, "PER")]
        gaz = self.lex.gaz
        listed = gaz.match([self.bare[first], *self.folded[first + 1:last + 1]], 0)
        if listed is not None and listed[1] == "ORG" and first + listed[0] <= last and self.bare[first].startswith(
                _DEFINITE):
            k = first + listed[0]
            if all(self._name_like(i) and not verb_like(self.folded[i]) and self.folded[i][0] != _AND
                   for i in range(k, last + 1)):
                RULES.hit("person_after_org")
                return [(first, k - 1, kind), (k, last, "PER")]
        if last - first < 3 or self.bare[first] not in load_heads():
            return [(first, last, kind)]
        k = last - 1
        while k > first + 1 and self._name_like(k - 1):
            k -= 1
        if not (self._name_like(k) and self._name_like(last) and is_adjective(self.folded[k - 1])):
            return [(first, last, kind)]
        RULES.hit("person_after_org")
        return [(first, k - 1, kind), (k, last, "PER")]

    def _person_opens(self, k: int) -> bool:
        """Whether a given name at k, with a given name or a word rarer than `NAME_CONT` after it, opens a person's
        name inside an organisation's span: written with و (الاتحاد وفيصل الخراع: a second name), or after a
        definite word that is no title (جامعة الحديدة فيصل الزبيدي، اللجنة أحمد الهادي). After a title or a head
        it is the organisation's own (جامعة الملك سعود، مؤسسة محمد بن راشد)."""
        gaz, before, after = self.lex.gaz, self.bare[k - 1], self.folded[k + 1]
        name = self.bare[k]  # a given name with the article is also an adjective (الاتحاد العربي لعلوم الفضاء)
        if name not in gaz.given or name.startswith(_DEFINITE) or not is_arabic(after):
            return False
        if after not in gaz.given and self.lex.count(after) >= NAME_CONT:
            return False
        if self.cuts[k] and self.folded[k][0] == _AND:
            return True
        return before.startswith(_DEFINITE) and (before,) not in gaz.titles and before not in gaz.rule_titles

    def _name_like(self, i: int) -> bool:
        """An Arabic word with no article or proclitic that is a given name or rare in news."""
        f = self.folded[i]
        return (is_arabic(f) and not self.cuts[i] and not f.startswith(_DEFINITE)
                and (f in self.lex.gaz.given or self.lex.count(f) < RARE))

    def _place_like(self, i: int) -> bool:
        """A name-like word (`_name_like`) that is no verb or feminine adjective agreeing with the head before it
        (جماعة تزعم "a group that claims", جماعة محظورة "a banned group")."""
        f = self.folded[i]
        return self._name_like(i) and not verb_like(f) and not f.endswith(_FEMININE)

    def _place_or_definite(self, i: int) -> bool:
        """Whether the bare word at i is definite or opens a listed name, and is not the name of God (regnal and
        given names end in بالله)."""
        b = self.bare[i]
        if b in _NOT_NAMES:
            return False
        gaz = self.lex.gaz
        return b.startswith(_DEFINITE) or gaz.match([b, *self.folded[i + 1:i + gaz.max_len]], 0) is not None

    def _add(self, first: int, last: int, kind: str) -> None:
        first, last = self._trim(first, last, kind)
        if first > last or any(self.taken[first:last + 1]):
            return
        if kind == "PER" and self.cuts[first] and self.folded[first][:self.cuts[first]] == _LIKE:
            self._keep_like(first)
        if first < last and self.bare[first] in _UNIT_HEADS:
            first, kind = self._without_unit_head(first, last, kind)
        self.spans.append(_Span(first, last, kind))
        for i in range(first, last + 1):
            self.taken[i] = True

    def _keep_like(self, i: int) -> None:
        """A person's first word read as ك "like" + a word keeps its ك unless the rest is a given name or a name
        link (كوفي عنان، كميل، كولو are names; كسعود الفيصل، كابن تيمية are "like X"): ك before a person's name
        is rare in news, foreign names opening with ك are not."""
        b = self.bare[i]
        if b not in self.lex.gaz.given and b not in NAME_LINKS:
            self.cuts[i], self.bare[i] = 0, self.folded[i]
            RULES.hit("like_kept_in_name")

    def _without_unit_head(self, first: int, last: int, kind: str) -> tuple[int, str]:
        """(first token, type) of a span opened by an administrative head (`unit_head`): the name after the head,
        a LOC (kept as one in `sites`) after a region or district head, else a GPE. A span of another type is a
        unit only when a proper name follows the head and nothing else (جماعة + a place name, not جماعة الإخوان
        or جماعة X الزراعية). A district or
        region named after a listed state or city is another place and keeps its head (a district named after a
        capital is not the capital)."""
        head, f = self.bare[first], self.folded[first + 1]
        if f in self.lex.gaz.given or kind not in ("LOC", "GPE") and not all(
                map(self._place_like, range(first + 1, last + 1))):
            return first, kind
        if head in _LOC_HEADS and self.lex.gaz.phrases.get(self.key(first + 1, last)) == "GPE":
            return first, kind
        RULES.hit("unit_head_off")
        if head in _LOC_HEADS:
            self.sites.add(self.key(first + 1, last))
            return first + 1, "LOC"
        return first + 1, "GPE"

    def _index(self) -> None:
        self.owner = {s.first: s for s in self.spans}
        self.owned = {i for s in self.spans for i in range(s.first + 1, s.last + 1)}

    def _replace(self, first: int, last: int, kind: str) -> None:
        """Put a rule's span in, replacing the spans it contains; nothing when it cuts across one."""
        inside = [s for s in self.spans if s.last >= first and s.first <= last]
        if any(s.first < first or s.last > last for s in inside):
            return
        for s in inside:
            self._remove(s)
        self._add(first, last, kind)

    def _remove(self, s: _Span) -> None:
        self.spans.remove(s)
        for i in range(s.first, s.last + 1):
            self.taken[i] = False

    def apply_rules(self) -> None:
        """Phrase rules (`ner_phrases`): listed names longer than the CRF's span, head + chain names, people
        after titles and given names and their nicknames, Latin-script names; then nationality adjectives alone
        (يوغوسلافية), homographs read as common nouns (في مشهد يؤكد) and places in a ranking (المركز الثاني)
        out. Each rule sees the spans the earlier ones left."""
        rules = self.rules = PhraseRules(self)
        extra = self.people = PeopleAndLatin(rules)
        for rule in (rules.gazetteer_pass, extra.listed_public_names, rules.place_adjectives, rules.heads_pass,
                     extra.extend_people, extra.people, extra.nicknames, extra.latin):
            self._index()
            for first, last, kind, cut in rule():
                if cut != self.cuts[first]:
                    self.cuts[first], self.bare[first] = cut, proclitic_bare(self.folded[first], cut)
                self._replace(first, last, kind)
        for s in rules.descriptions() + rules.common_homographs() + rules.rank_positions() + rules.everyday_phrases():
            self._remove(s)

    def _trim(self, first: int, last: int, kind: str) -> tuple[int, int]:
        """Drop punctuation at the edges, a nickname's introducing word or, but for a person (named القاضي too), a
        clause's participle at the end and, for people, leading titles (الرئيس، وزير الدفاع ...; those only the
        rules read too, unless a given name: أمين)."""
        while first <= last and not self.words[first][0].isalnum():
            first += 1
        clause = False
        ends_name = _KNOWN_AS if kind == "PER" else _AFTER_NAME
        while last >= first and (not self.words[last][-1].isalnum() or last > first
                                 and self.folded[last] in ends_name):
            clause = clause or self.folded[last] in _CLAUSE_PARTICIPLES
            last -= 1
        if clause and first == last and self.lex.count(self.bare[first]) >= RARE:
            return first, first - 1  # what a participle leaves is an everyday word (الأمانة الرامية إلى ...)
        if kind == "PER":
            gaz = self.lex.gaz
            titles = gaz.titles
            start = first
            while first < last:
                b = self.bare[first]
                if (b,) in titles or b in gaz.rule_titles and b not in gaz.given:
                    first += 1
                elif first + 1 < last and (self.bare[first], self.folded[first + 1]) in titles:
                    first += 2
                elif first > start and is_adjective(self.folded[first]) and self.folded[first + 1] in gaz.given:
                    first += 1  # the title's adjective (الشاعر السوري + a given name)
                else:
                    break
            if first > start:
                RULES.hit("title_off_person")
            if first < last and self._verb_with_object(first):
                first += 1
                RULES.hit("verb_off_person")
        return first, last

    def _verb_with_object(self, i: int) -> bool:
        """Whether the word at i is an imperfect verb with an object pronoun before a given name (يليه X)."""
        f = self.folded[i]
        return (verb_like(f) and f.endswith(_OBJECT_PRONOUNS) and f not in self.lex.gaz.given
                and self.folded[i + 1] in self.lex.gaz.given)

    def key(self, first: int, last: int) -> tuple[str, ...]:
        """Folded words of a span with the first word's proclitics off: the name as a look-up key."""
        return (self.bare[first],) + tuple(self.folded[first + 1:last + 1])

    def propagate(self) -> None:
        """Find every known name at every occurrence; add surnames of people and unambiguous list places."""
        votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
        for s in self.spans:
            k = self.key(s.first, s.last)
            votes[k][s.type] += 1
            if (s.type == "PER" and len(k) >= 2 and k[-1] not in _NOT_SURNAME and k[-1] not in STOP and len(k[-1]) > 2
                    and self._spreads(k[-1])):
                votes[(k[-1],)]["PER-surname"] += 1
                RULES.hit("surname_alias")
            if s.type == "ORG" and len(k) >= 2 and k[0] in TAIL_ALIAS_HEADS and self._alias_tail(k[1:]):
                votes[k[1:]]["ORG"] += 1
                RULES.hit("tail_alias")
        names: dict[tuple[str, ...], str] = {}
        for k, c in votes.items():
            kind = c.most_common(1)[0][0]
            names[k] = "PER" if kind == "PER-surname" else kind
        max_len = max((len(k) for k in names), default=0)
        self._firsts = {k[0] for k in names}
        gaz, firsts = self.lex.gaz, self._firsts
        known = _opening(set(self.folded), firsts)  # words that may open a name
        listed = positions(self.bare, gaz.starts.__contains__)
        for i in sorted({*positions(self.folded, known.__contains__), *listed}):
            if self.taken[i]:
                continue
            if self.folded[i] in known:
                hit = self._lookup(names, i, max_len)
                if hit and hit[0] == 1 and not self._spreads(self.bare[i]):
                    RULES.hit("common_word_kept_apart")
                elif hit:
                    self._add(i, i + hit[0] - 1, hit[1])
                    RULES.hit("known_name_again")
                    continue
            if self.bare[i] not in gaz.starts:
                continue
            m = gaz.match([self.bare[i]] + self.folded[i + 1:i + gaz.max_len], 0)
            if m and m[1] in ("GPE", "LOC", "ORG") and (m[0] > 1 or m[1] != "ORG"):
                n, kind = m
                if n == 1 and (self.bare[i] in _AMBIGUOUS_PLACES or not self._spreads(self.bare[i])):
                    continue
                if kind in ("GPE", "LOC") and self.rules is not None:
                    self._add(i, self.rules.with_place_adjective(i, i + n - 1), "LOC")
                else:
                    self._add(i, i + n - 1, "LOC" if kind in ("GPE", "LOC") else kind)
                RULES.hit("listed_name")
        self._list_members()
        self._english_article()
        self._given_names_before()
        if self.rules is not None:
            for s in self.rules.everyday_phrases():  # again: the document pass found some at other occurrences
                self._remove(s)

    def _list_members(self) -> None:
        """Places the model missed in a list of places, each written with و after a place (X وY), a name of one
        word (`_alone`), left to right so that a list grows member by member: a place of the Latin-name tables
        (`latin_table_places`: نابل والحمامات), or a rare word (`_rare_name`) before another place
        written with و, found or listed (درنة وY والبيضاء)."""
        ends = {s.last for s in self.spans if s.type in _PLACE_TYPES}
        firsts = {s.first for s in self.spans if s.type in _PLACE_TYPES}
        for i in range(1, len(self.words)):
            if i - 1 not in ends or self.taken[i] or not self._alone(i + 1):
                continue
            if self._listed_with_and(i):
                RULES.hit("place_list_listed")
            elif (i + 1 in firsts or self._listed_with_and(i + 1)) and self.folded[i + 1].startswith(_AND) \
                    and self.folded[i].startswith(_AND) and self._rare_name(self.folded[i][1:]):
                RULES.hit("place_list_between")
            else:
                continue
            self.cuts[i], self.bare[i] = 1, self.folded[i][1:]
            self._add(i, i, "LOC")
            ends.add(i)

    def _english_article(self) -> None:
        """A name of no person written right after ذا, the English article (ذا غارديان The Guardian), is a foreign
        outlet's name with its article: an organisation, ذا and all."""
        for s in [s for s in self.spans if s.type != "PER" and s.first > 0]:
            i = s.first - 1
            if self.folded[i] in _ENGLISH_ARTICLE and not self.taken[i] and not self.cuts[s.first]:
                self._remove(s)
                self._add(i, s.last, "ORG")
                RULES.hit("english_article_kept")

    def _listed_with_and(self, i: int) -> bool:
        """Whether the word at i is و + a place of the Latin-name tables (`latin_table_places`)."""
        f = self.folded[i] if i < len(self.words) else ""
        return f.startswith(_AND) and (f[1:],) in latin_table_places()

    def _alone(self, j: int) -> bool:
        """Whether the word at j leaves the word before it a name of one word: no word of its phrase (a definite
        adjective or noun, معسكر الصليف; a word rarer than `NAME_CONT`, the rest of a name or a camp's) but the
        end, punctuation, a word with و, a function word or a common indefinite one."""
        if j >= len(self.words) or not is_arabic(self.folded[j]):
            return True
        f = self.folded[j]
        return f.startswith(_AND) or f in STOP or not f.startswith(_DEFINITE) and self.lex.count(f) >= NAME_CONT

    def _rare_name(self, word: str) -> bool:
        """Whether a folded word after its و is a rare Arabic word (`RARE`, and rare with the و too: وزارة is no
        و + زارة) that is no function word, verb or everyday word."""
        if len(word) < 3 or not is_arabic(word) or word in STOP or verb_like(word) or common_word(word):
            return False
        return self.lex.count(word) < RARE and self.lex.count(_AND + word) < RARE

    def _given_names_before(self) -> None:
        """A surname found again alone takes the given name written before it there (`given_name_before`)."""
        if self.people is None:
            return
        self._index()
        for s in [s for s in self.spans if s.type == "PER" and s.first == s.last]:
            name = self.people.given_name_before(s)
            if name is not None:
                self._replace(name[0], name[1], "PER")

    def _spreads(self, word: str) -> bool:
        """Whether a one-word name may be found at other occurrences (propagated, or added from a list): always,
        unless it is an everyday word (`common_word`) that the tagger read as a name in under half of its
        occurrences in this article (على beside علي، المدينة "the city" beside the city of that name)."""
        if not common_word(word):
            return True
        if self._occurrences is None:
            self._occurrences = Counter(self.bare)
        return self.tagged_alone[word] * 2 >= self._occurrences[word]

    def _alias_tail(self, tail: tuple[str, ...]) -> bool:
        """True when a name without its head (حركة X -> X) is distinctive enough to stand alone."""
        if self.lex.gaz.phrases.get(tail) or tail[0] in _NOT_SURNAME:
            return False
        return len(tail) >= 2 or self.lex.count(tail[0]) < 500

    def _lookup(self, names: dict[tuple[str, ...], str], i: int, max_len: int) -> tuple[int, str] | None:
        """Longest known name at token i, trying the word whole and with each proclitic reading off."""
        firsts = self._firsts
        heads = [h for h in (self.bare[i], *_forms(self.folded[i])) if h in firsts]
        for n in range(min(max_len, len(self.words) - i), 0, -1):
            if any(self.taken[i:i + n]):
                continue
            rest = tuple(self.folded[i + 1:i + n])
            for h in heads:
                kind = names.get((h,) + rest)
                if kind:
                    return n, kind
        return None

    def mention_start(self, first: int, known: set[str]) -> tuple[int, str]:
        """(offset where the name starts, its first word as written with ال restored) for token `first`."""
        cut, bare = self.cuts[first], self.bare[first]
        if not cut and not self._whole_head(first):  # a head is whole (`_keep_whole_heads`)
            starts = self.lex.gaz.starts
            for c, r in proclitic_readings(self.folded[first]):
                if r in known or r in starts:
                    cut, bare = c, r
                    break
        word, start = self.words[first], self.starts[first]
        if not cut:
            return start, word
        head = word[cut:]
        if bare.startswith("ال") and not fold(head).startswith("ال"):
            head = "ال" + head
        return start + cut, head

    def place_type(self, s: _Span) -> str:
        """GPE or LOC for a place span: the gazetteer first, then its head word, then the word's cluster; a name
        ending in a size or direction adjective (القوقاز الكبير) has the type of the place without it."""
        k = self.key(s.first, s.last)
        if k in self.sites:
            return "LOC"
        if len(k) > 1 and k[-1] in PLACE_ADJECTIVES and not self.lex.gaz.phrases.get(k):
            k = k[:-1]
        kind = self.lex.gaz.phrases.get(k)
        if kind in ("GPE", "LOC"):
            return kind
        if k[0] in _LOC_HEADS or (k[0].startswith("ال") and k[0][2:] in _LOC_HEADS):
            RULES.hit("loc_by_place_head")
            return "LOC"
        head = load_heads().get(k[0])
        if head is not None and head.kind == "LOC" and len(k) > 1:
            RULES.hit("loc_by_name_head")
            return "LOC"
        return "GPE"

    def _month(self, text: str, s: _Span) -> bool:
        """A month name alone (نيسان، أيلول، رمضان) is no entity; a person named after one keeps a given name."""
        f = fold(text)
        return f in month_names() and not (s.type == "PER" and f in self.lex.gaz.given)

    def _short_name_alone(self, s: _Span, longer: set[str]) -> bool:
        """Whether a one-word place is a short name that is an everyday noun (`short_place_name`: المدينة "the
        city") in an article that writes no longer name opened by it (المدينة المنورة), and no member of a list of
        places (جدة ومكة والمدينة)."""
        i = s.first
        if s.last != i or s.type not in _PLACE_TYPES or self.bare[i] not in _SHORT_PLACE_NAMES:
            return False
        listed = self.folded[i].startswith(_AND) and any(p.last == i - 1 and p.type in _PLACE_TYPES
                                                          for p in self.spans)
        return self.bare[i] not in longer and not listed

    def _listed_after_place(self) -> None:
        """A place written with و after another place (الحوز وشيشاوة، مراكش, وشيشاوة) is the next member of a list
        of places: the و is the conjunction, whatever the lexicon said of a word it has not seen (a listed name
        that starts with و, واشنطن, keeps it)."""
        ends = {s.last for s in self.spans if s.type in _PLACE_TYPES}
        for s in self.spans:
            f, p = self.folded[s.first], s.first - 1
            if (s.type in _PLACE_TYPES and not self.cuts[s.first] and f.startswith(_AND) and len(f) > 3
                    and not self.lex.gaz.known(f) and (p in ends or p - 1 in ends and self.words[p] in _LIST_COMMAS)):
                self.cuts[s.first], self.bare[s.first] = 1, f[1:]
                RULES.hit("place_list_conjunction")

    def mentions(self, article_id: str) -> list[Mention]:
        self._listed_after_place()
        known = {w for s in self.spans for w in self.key(s.first, s.last)[1:]}
        known |= {self.key(s.first, s.last)[0] for s in self.spans if not self.cuts[s.first]}
        longer = {self.bare[s.first] for s in self.spans if s.last > s.first}  # first words of longer names
        out = []
        for s in sorted(self.spans, key=lambda x: x.first):
            start, head = self.mention_start(s.first, known)
            end = self.ends[s.last]
            text = head + self.text[self.ends[s.first]:end]
            if fold(text) in _NOT_NAMES:
                RULES.hit("not_a_name")
                continue
            if self._month(text, s):
                RULES.hit("month_not_name")
                continue
            if self._short_name_alone(s, longer):
                RULES.hit("short_name_alone")
                continue
            kind = self.place_type(s) if s.type == "LOC" else s.type
            out.append(Mention(article_id, start, end, text, kind))
        return out


def proclitic_bare(word: str, cut: int) -> str:
    """The bare word of `word` with `cut` proclitic characters off (لل keeps its ال: للقوات -> القوات)."""
    if not cut:
        return word
    return "ال" + word[cut:] if word[:cut].endswith("لل") else word[cut:]


def tagged_document(text: str) -> _Document:
    """The article with the tagger's spans only (no phrase rules, no propagation): what its context alone says."""
    return _Document(load_tagger(), text)


def find_mentions(article_id: str, text: str) -> list[Mention]:
    """Every PER/ORG/GPE/LOC/MISC mention in `text` (offsets into it), clitics off, `ال` kept."""
    doc = tagged_document(text)
    doc.apply_rules()
    doc.propagate()
    return doc.mentions(article_id)
