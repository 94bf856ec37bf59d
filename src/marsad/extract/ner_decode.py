"""Fast CRF decoding: the crfsuite model's weights summed per word type, then a batched numpy Viterbi.

crfsuite needs every attribute string of every token (about 25 µs a token with the conversion); a linear-chain
CRF's score is a sum, so each word type's own and neighbour contributions are summed once into label vectors
and cached. Decoding gives the same labels as `pycrfsuite.Tagger.tag` (checked by the tests).
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from marsad.extract.ner_features import Featurizer

_SLOTS = ("own", "m2", "m1", "p1", "p2")
_UNSEEN = object()


class LinearCrf:
    """Label set, attribute weights (attribute -> vector over labels) and the transition matrix of a model."""

    def __init__(self, model: Path) -> None:
        import pycrfsuite

        tagger = pycrfsuite.Tagger()
        tagger.open(str(model))
        info = tagger.info()
        self.labels: list[str] = tagger.labels()
        index = {lab: i for i, lab in enumerate(self.labels)}
        n = len(self.labels)
        self.weights: dict[str, np.ndarray] = {}
        for (attr, lab), w in info.state_features.items():
            vec = self.weights.get(attr)
            if vec is None:
                vec = self.weights[attr] = np.zeros(n)
            vec[index[lab]] += w
        self.trans = np.zeros((n, n))
        for (a, b), w in info.transitions.items():
            self.trans[index[a], index[b]] += w
        self._zero = np.zeros(n)

    def score(self, attrs: list[str]) -> np.ndarray:
        """Sum of the weight vectors of `attrs` (unknown attributes weigh nothing)."""
        out = self._zero.copy()
        for a in attrs:
            w = self.weights.get(a)
            if w is not None:
                out += w
        return out


class FastTagger:
    """Per-word-type cached emission vectors and batched Viterbi over many sentences."""

    def __init__(self, crf: LinearCrf, features: Featurizer) -> None:
        self.crf = crf
        self.features = features
        self._ids: dict[str, int] = {}
        n = len(crf.labels)
        self._rows: dict[str, list[np.ndarray]] = {s: [] for s in _SLOTS}
        self._tables: dict[str, np.ndarray] = {s: np.zeros((0, n)) for s in _SLOTS}
        self._pairs: dict[str, object] = {}
        self._new = 0
        bos = features.boundary
        self._pad = self._add("\x00<s>", bos)

    def _add(self, token: str, wf: object) -> int:
        crf = self.crf
        i = self._ids[token] = len(self._ids)
        for s in _SLOTS:
            self._rows[s].append(crf.score(getattr(wf, s)))
        self._new += 1
        return i

    def _id(self, token: str) -> int:
        i = self._ids.get(token)
        return i if i is not None else self._add(token, self.features.word(token))

    def _sync(self) -> None:
        if self._new:
            self._tables = {s: np.array(self._rows[s]) for s in _SLOTS}
            self._new = 0

    def emissions(self, words: list[str], ids: list[int]) -> np.ndarray:
        """(len(words), labels) state scores for one sentence whose word ids are in the synced tables."""
        t = self._tables
        pad = self._pad
        padded = np.array([pad, pad] + ids + [pad, pad])
        n = len(ids)
        e = t["own"][padded[2:n + 2]] + t["m1"][padded[1:n + 1]] + t["p1"][padded[3:n + 3]]
        e += t["m2"][padded[0:n]] + t["p2"][padded[4:n + 4]]
        feat = self.features
        keys = [feat.word(w).key for w in words]
        ext = ["<s>"] + keys + ["<s>"]
        pairs = self._pairs
        weights = self.crf.weights
        for i in range(n + 1):
            pk = ext[i] + "|" + ext[i + 1]
            vec = pairs.get(pk, _UNSEEN)
            if vec is _UNSEEN:
                a, b = weights.get("bg-=" + pk), weights.get("bg+=" + pk)
                vec = pairs[pk] = None if a is None and b is None else (a, b)
            if vec is not None:
                if i < n and vec[0] is not None:
                    e[i] += vec[0]
                if i > 0 and vec[1] is not None:
                    e[i - 1] += vec[1]
        for i, mark in enumerate(feat.phrase_marks(keys)):
            if mark and mark in weights:
                e[i] += weights[mark]
        return e

    def tag_many(self, sentences: list[list[str]]) -> list[list[str]]:
        """BIO labels for each sentence, decoded together (one Viterbi pass over a padded batch)."""
        keep = [(k, s) for k, s in enumerate(sentences) if s]
        out: list[list[str]] = [[] for _ in sentences]
        if not keep:
            return out
        ids = [[self._id(w) for w in s] for _, s in keep]
        self._sync()
        ems = [self.emissions(s, i) for (_, s), i in zip(keep, ids, strict=True)]
        lengths = np.array([len(e) for e in ems])
        b, m, n = len(ems), int(lengths.max()), len(self.crf.labels)
        em = np.zeros((b, m, n))
        for k, e in enumerate(ems):
            em[k, :len(e)] = e
        trans = self.crf.trans
        delta = em[:, 0].copy()
        back = np.zeros((b, m, n), dtype=np.int64)
        for t in range(1, m):
            cand = delta[:, :, None] + trans[None]
            best = cand.argmax(axis=1)
            new = np.take_along_axis(cand, best[:, None, :], axis=1)[:, 0] + em[:, t]
            live = (t < lengths)[:, None]
            delta = np.where(live, new, delta)
            back[:, t] = best
        labels = self.crf.labels
        for k, (pos, _) in enumerate(keep):
            length = lengths[k]
            y = int(delta[k].argmax())
            path = [y]
            for t in range(length - 1, 0, -1):
                y = int(back[k, t, y])
                path.append(y)
            out[pos] = [labels[j] for j in reversed(path)]
        return out
