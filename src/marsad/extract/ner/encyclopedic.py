"""Span rules of the encyclopedic tagger (`mentions.encyclopedic_tagger`), applied to its BIO labels.

Read from its errors on held-out folds of AQMAR train (three folds by position, so mostly by article, each tagged
by a network trained without it), constructions it gets wrong in a general way:
- a head noun left out of the name after it or tagged as a name of its own: an organisation's (`gazetteer/
  org_heads.txt`: منتخب | البرازيل, نادي | مانشستر يونايتد), a site's (the LOC heads of `gazetteer/name_heads.txt`:
  جامع | عمرو بن العاص, متحف ...), a compass point before a place (`ner/words.tsv`: جنوب | فرنسا). The head opens the
  name (`head_joined`): an organisation's makes it an organisation, a site's a place. AQMAR train writes the head
  inside the name at 111 of 129 organisation heads, 45 of 54 site heads and 25 of 26 compass points before a name
  (news corpora write a compass point outside: ANERcorp 6 of 148, so the CRF's path has no such rule);
- two people or places joined by و read as one name (جواو بينتو ولويس فيغو): the word with و opens a second name
  of the same type (the document pass splits an article's spans so too, `mentions._Document._coordinated`; the
  tagger's own labels are what `eval ner` scores);
- a constraint from the document: a name the network tags confidently (each word's label at `CONFIDENT`
  probability or more) labels its other occurrences in the text that it left untagged (`propagated`).
Entity F1 on PER/ORG/LOC over the three folds (one seed, 12 + 4 epochs, else trained as the shipped one): 0.599 -> 0.608
(organisation heads), 0.616 (site heads), 0.625 (compass points), 0.628 (و), 0.630 (the document); every step
raised every fold but و (0.649 -> 0.648 on one).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache

from marsad.extract.ner.features import default_lexicon
from marsad.extract.ner.phrases import RULES
from marsad.extract.ner.train import spans
from marsad.extract.ner.words import load_heads, words

_AND = "و"
_SPLIT_KINDS = ("PER", "LOC")
CONFIDENT = 0.8  # a tagged name's least word probability at which it labels its other occurrences (0.6-0.9 tried)
RULES.register("encyclopedic_head_joined", "encyclopedic_coordination_split", "encyclopedic_name_again")


@lru_cache(maxsize=1)
def joining_heads() -> dict[str, tuple[str, tuple[str, ...]]]:
    """bare head word -> (the type of the name it opens, "" for the name's own; the name types it joins)."""
    lex = default_lexicon()
    joins: dict[str, tuple[str, tuple[str, ...]]] = {w: ("", ("LOC",)) for w in words("compass")}
    joins.update({w: ("LOC", ("PER", "LOC")) for w, head in load_heads().items() if head.kind == "LOC"})
    joins.update({w: ("ORG", ("ORG", "LOC")) for w in lex.gaz.org_heads})
    return joins


def head_joined(tags: list[str], bare: list[str], starts: set[int]) -> list[str]:
    """BIO labels (of consecutive sentences starting at `starts`) where a head noun or a compass point
    (`joining_heads`), labelled O or as a one-word name, right before the first word of a name of a type it joins,
    opens that name: an organisation's head makes it an organisation, a site's head a place."""
    joins = joining_heads()
    out = list(tags)
    for i in range(len(out) - 1):
        nxt, join = out[i + 1], joins.get(bare[i])
        if (join is None or i + 1 in starts or nxt[:2] != "B-" or nxt[2:] not in join[1]
                or out[i][:2] == "I-"):
            continue
        kind = join[0] or nxt[2:]
        out[i], out[i + 1], j = "B-" + kind, "I-" + kind, i + 2
        while j < len(out) and out[j][:2] == "I-" and j not in starts:
            out[j] = "I-" + kind
            j += 1
        RULES.hit("encyclopedic_head_joined")
    return out


def coordination_split(tags: list[str], folded: list[str], cuts: list[int]) -> list[str]:
    """BIO labels where a word inside a person's or a place's name that carries the conjunction و (its proclitic
    cut, `Lexicon.bare`) opens a second name of that type."""
    out = list(tags)
    for i, tag in enumerate(out):
        if tag[:2] == "I-" and tag[2:] in _SPLIT_KINDS and cuts[i] and folded[i].startswith(_AND):
            out[i] = "B-" + tag[2:]
            RULES.hit("encyclopedic_coordination_split")
    return out


def _sentence_spans(tags: list[str], starts: set[int]) -> list[tuple[int, int, str]]:
    """(first, end, type) of the names of consecutive sentences, none across a sentence start."""
    bounds = sorted(starts | {0, len(tags)})
    return [(a + x, a + y, k) for a, b in zip(bounds, bounds[1:], strict=False) for x, y, k in spans(tags[a:b])]


def propagated(tags: list[str], confidence: list[float], bare: list[str], starts: set[int]) -> list[str]:
    """BIO labels where a name tagged with every word's label at `CONFIDENT` probability or more (`confidence`,
    by token) is tagged at its other occurrences (the same bare words, all labelled O), with the type it had most
    often."""
    votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for a, b, kind in _sentence_spans(tags, starts):
        if min(confidence[a:b]) >= CONFIDENT:
            votes[tuple(bare[a:b])][kind] += 1
    if not votes:
        return tags
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for key in sorted(votes, key=len, reverse=True):
        by_first[key[0]].append(key)
    out = list(tags)
    ends = sorted(starts | {len(tags)})
    i, end = 0, 0
    while i < len(out):
        while ends[end] <= i:
            end += 1
        hit = next((key for key in by_first.get(bare[i], ()) if i + len(key) <= ends[end]
                    and tuple(bare[i:i + len(key)]) == key and all(t == "O" for t in out[i:i + len(key)])
                    and (i + len(key) == len(out) or out[i + len(key)][:2] != "I-")), None)
        if hit is None:
            i += 1
            continue
        kind = votes[hit].most_common(1)[0][0]
        out[i:i + len(hit)] = ["B-" + kind] + ["I-" + kind] * (len(hit) - 1)
        RULES.hit("encyclopedic_name_again")
        i += len(hit)
    return out
