"""CRF features for NER, computed once per word type and reused (feature extraction is the tagging bottleneck).

A token's features are its own cached list plus short cached lists of its neighbours (±2), a bigram pair,
and gazetteer phrase marks found over the sentence. Word features use the folded form and the form with
its proclitics off (وللرباط -> الرباط), decided by `Lexicon.bare`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from pathlib import Path

from marsad.extract.ner.gazetteer import Gazetteer, load_gazetteer
from marsad.resources import MODELS_DIR, iter_fields
from marsad.text.normalize import fold
from marsad.text.tokens import proclitic_readings

CLUSTER_FILE = MODELS_DIR / "ner_clusters.tsv"
RUN_DOMAIN = "news"  # the domain whose attributes fire when tagging (`with_domain`)

ClusterRow = tuple[int, str, str, str]


def load_clusters(path: Path = CLUSTER_FILE) -> dict[str, ClusterRow]:
    """word -> (count, coarse, mid, fine cluster ids) from the shipped table (read afresh: the caller caches)."""
    return {w: (int(c), a, b, d) for w, c, a, b, d in iter_fields(path)}


class Lexicon:
    """Word counts, clusters and gazetteers behind one object, with the proclitic decision."""

    def __init__(self, gazetteer: Gazetteer, clusters: dict[str, ClusterRow]) -> None:
        self.gaz = gazetteer
        self.clusters = clusters
        self._bare: dict[str, tuple[int, str]] = {}

    def count(self, word: str) -> int:
        row = self.clusters.get(word)
        return row[0] if row else 0

    def bare(self, word: str) -> tuple[int, str]:
        """(characters cut, bare folded word) for a folded word: strip proclitics only where the rest is attested.

        A list entry or a given name stays whole (لبنان, كمال). Otherwise a reading wins when its remainder is in
        a list, or is a frequent word clearly more frequent than the whole (وإسرائيل -> إسرائيل; لوديي stays).
        """
        hit = self._bare.get(word)
        if hit is not None:
            return hit
        result = (0, word)
        readings = proclitic_readings(word, min_stem=2)
        if readings and not self.gaz.known(word) and len(word) > 2:
            whole = self.count(word)
            for cut, rest in readings:
                article = rest.startswith("ال") and cut > 0 and word[cut - 1] in "ل" and not word.startswith("ال")
                if self.gaz.known(rest) and len(rest) >= 3:
                    result = (cut, rest)
                    break
                c = self.count(rest)
                if (article or len(rest) >= 3) and c >= 5 and c >= 2 * whole:
                    result = (cut, rest)
                    break
        self._bare[word] = result
        return result


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The shipped gazetteer and cluster table, loaded once per process."""
    return Lexicon(load_gazetteer(), load_clusters())


_ARABIC = re.compile("[\u0600-\u06ff]+")
_LEN = [f"len={k}" for k in range(9)]
_FREQ = [f"freq={k}" for k in range(7)]
_AFFIX = [(f"p{k}=", f"s{k}=") for k in range(5)]


def word_shape(word: str) -> str:
    if word.isdigit():
        return "D"
    if word.isascii():
        return "L" if word.isalpha() else ("P" if not word.isalnum() else "M")
    if _ARABIC.fullmatch(word):
        return "A"
    return "P" if not any(ch.isalnum() for ch in word) else "X"


@dataclass(slots=True)
class WordFeatures:
    """Cached features of one word type: its own, and what it contributes as a neighbour at -2, -1, +1, +2."""

    key: str
    own: list[str]
    m2: list[str]
    m1: list[str]
    p1: list[str]
    p2: list[str]


class Featurizer:
    """Turns token strings into CRF attribute lists, caching per word type."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self._cache: dict[str, WordFeatures] = {}
        self.boundary = WordFeatures("<s>", [], ["-2:BOS"], ["-1:BOS"], ["+1:EOS"], ["+2:EOS"])

    def word(self, token: str) -> WordFeatures:
        wf = self._cache.get(token)
        if wf is None:
            wf = self._cache[token] = self.compute(token)
        return wf

    def compute(self, token: str) -> WordFeatures:
        """The features of a word type, uncached (`word` caches them)."""
        return self.compute_folded(fold(token))

    def compute_folded(self, w: str) -> WordFeatures:
        """`compute` for a word already folded."""
        lex, gaz = self.lex, self.lex.gaz
        cut, b = lex.bare(w)
        al = b.startswith("ال")
        core = b[2:] if al and len(b) > 4 else b
        shape = word_shape(w)
        cl = lex.clusters.get(b) or lex.clusters.get(w)
        f = ["bias", "w=" + w, "b=" + b, "core=" + core, "sh=" + shape, _LEN[min(len(b), 8)]]
        if cut:
            f.append("clitic=" + w[:cut])
        if al:
            f.append("al")
        for k in range(1, min(len(core), 5)):
            p, s = _AFFIX[k]
            f += (p + core[:k], s + core[-k:])
        if cl:
            c2 = "c2=" + cl[2]
            f += ("c1=" + cl[1], c2, "c3=" + cl[3], _FREQ[min(len(str(cl[0])), 6)])
        else:
            c2 = "oov"
            f.append("oov")
        kind = gaz.single(b)
        given, title, head = b in gaz.given, (b,) in gaz.titles, b in gaz.org_heads
        listed = ["g=" + kind] if kind else []
        f += (*listed, *compress(("given", "title", "head"), (given, title, head)))
        # what a neighbour sees besides the word and its shape; the list type goes last there
        context = [c2, *compress(("title", "head", "given"), (title, head, given)), *listed]
        m1 = ["-1:b=" + b, "-1:sh=" + shape, *map("-1:".__add__, context)]
        p1 = ["+1:b=" + b, "+1:sh=" + shape, *map("+1:".__add__, context)]
        if len(core) > 2:
            m1.append("-1:s2=" + core[-2:])
            p1.append("+1:s2=" + core[-2:])
        m2 = ["-2:b=" + b, *map("-2:".__add__, context)]
        p2 = ["+2:b=" + b, *map("+2:".__add__, context)]
        return WordFeatures(b, f, m2, m1, p1, p2)

    def sequence(self, tokens: list[str]) -> list[list[str]]:
        """CRF attributes for each token of one sentence."""
        ws = [self.word(t) for t in tokens]
        n = len(ws)
        bos = self.boundary
        pad = [bos, bos] + ws + [bos, bos]
        keys = [w.key for w in ws]
        gaz_marks = self.phrase_marks(keys)
        out: list[list[str]] = []
        for i in range(n):
            j = i + 2
            cur = pad[j]
            feats = cur.own + pad[j - 1].m1 + pad[j + 1].p1 + pad[j - 2].m2 + pad[j + 2].p2
            feats.append("bg-=" + pad[j - 1].key + "|" + cur.key)
            feats.append("bg+=" + cur.key + "|" + pad[j + 1].key)
            mark = gaz_marks[i]
            if mark:
                feats.append(mark)
            out.append(feats)
        return out

    def phrase_marks(self, keys: list[str]) -> list[str | None]:
        """'gp=B-GPE' style marks where a multi-word gazetteer entry covers the sentence."""
        gaz = self.lex.gaz
        marks: list[str | None] = [None] * len(keys)
        i = 0
        while i < len(keys):
            hit = gaz.match(keys, i)
            if hit:
                n, kind = hit
                marks[i] = "gp=B-" + kind
                for k in range(i + 1, i + n):
                    marks[k] = "gp=I-" + kind
                i += n
            else:
                i += 1
        return marks


def domain_attribute(domain: str, attr: str) -> str:
    """An attribute's copy for one training domain ('@news:w=...'; no plain attribute starts with '@')."""
    return f"@{domain}:{attr}"


def split_domain(attr: str) -> tuple[str | None, str]:
    """(domain, plain attribute) of a model attribute; the domain is None for a general one."""
    if attr.startswith("@"):
        domain, _, plain = attr[1:].partition(":")
        return domain, plain
    return None, attr


def with_domain(seq: list[list[str]], domain: str) -> list[list[str]]:
    """Each token's attributes and its training domain's bias ('@news:bias'): the domain's own label priors (AQMAR's
    Wikipedia names far more MISC than news does), while every other weight is shared by the domains. Copying
    every attribute per domain (Daume 2007) did worse on held-out training data: news 0.807, Wikipedia 0.43."""
    return [[*f, domain_attribute(domain, "bias")] for f in seq]
