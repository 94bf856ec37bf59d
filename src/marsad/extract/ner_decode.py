"""Fast CRF decoding: the crfsuite model's weights summed per word type, then an exact, pruned numpy Viterbi.

crfsuite needs every attribute string of every token (about 25 µs a token with the conversion); a linear-chain
CRF's score is a sum, so each word type's own and neighbour contributions are summed once into label vectors
and cached. A token whose `O` score beats every other label by more than transitions could make up is `O` on
the best path, so sentences split there into segments, decoded together in one batched Viterbi. The labels agree with
`pycrfsuite.Tagger.tag` (checked by the tests).
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from marsad.extract.ner_features import Featurizer

_SLOTS = ("own", "m2", "m1", "p1", "p2")
_UNSEEN = object()
# Optional cap on the margin at which a token is fixed as O before decoding; infinite keeps decoding exact
# (a cap of 5 fixes ~60% of tokens but changed 10 of 19,563 labels on the ANERcorp test split).
PRUNE_MARGIN = float("inf")


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
        attrs = sorted({a for a, _ in info.state_features})
        self.row = {a: i + 1 for i, a in enumerate(attrs)}  # row 0 is all zeros: unknown attributes
        self.matrix = np.zeros((len(attrs) + 1, n))
        for (attr, lab), w in info.state_features.items():
            self.matrix[self.row[attr], index[lab]] += w
        self.weights = {a: self.matrix[i] for a, i in self.row.items()}
        self.trans = np.zeros((n, n))
        for (a, b), w in info.transitions.items():
            self.trans[index[a], index[b]] += w
        self.o = index.get("O", 0)
        # How much transitions can favour label y over O at one position, from either side.
        gain = (self.trans - self.trans[:, [self.o]]).max(axis=0) + (self.trans - self.trans[[self.o], :]).max(axis=1)
        self.exact_margin = np.delete(gain, self.o)
        self.margin = np.minimum(self.exact_margin, PRUNE_MARGIN)

    def score(self, attrs: list[str]) -> np.ndarray:
        """Sum of the weight vectors of `attrs` (unknown attributes weigh nothing)."""
        row = self.row
        return self.matrix[[row.get(a, 0) for a in attrs]].sum(axis=0)


class FastTagger:
    """Per-word-type cached emission vectors and a batched, pruned Viterbi over many sentences."""

    def __init__(self, crf: LinearCrf, features: Featurizer) -> None:
        self.crf = crf
        self.features = features
        self._ids: dict[str, int] = {}
        self._keys: list[str] = []
        self._tables: dict[str, np.ndarray] = {s: np.zeros((1024, len(crf.labels))) for s in _SLOTS}
        self._pairs: dict[str, object] = {}
        self._pad = self._add("\x00<s>", features.boundary)

    def _add(self, token: str, wf: object) -> int:
        """Give a new word type an id and write its summed weight vectors into the tables (grown by doubling)."""
        i = self._ids[token] = len(self._ids)
        if i >= len(self._tables["own"]):
            self._tables = {s: np.concatenate([t, np.zeros_like(t)]) for s, t in self._tables.items()}
        groups = [getattr(wf, s) for s in _SLOTS]
        row = self.crf.row
        rows = [row.get(a, 0) for g in groups for a in g] + [0]
        cuts = np.cumsum([0] + [len(g) for g in groups[:-1]])
        sums = np.add.reduceat(self.crf.matrix[rows], cuts, axis=0)
        sums[[len(g) == 0 for g in groups]] = 0.0
        for k, s in enumerate(_SLOTS):
            self._tables[s][i] = sums[k]
        self._keys.append(wf.key)
        return i

    def _id(self, token: str) -> int:
        i = self._ids.get(token)
        return i if i is not None else self._add(token, self.features.word(token))

    def emissions(self, sentences: list[list[str]]) -> np.ndarray:
        """(total tokens, labels) state scores for the sentences, concatenated."""
        pad = self._pad
        flat = [pad, pad]
        pos: list[int] = []
        for s in sentences:
            for w in s:
                pos.append(len(flat))
                flat.append(self._id(w))
            flat += [pad, pad]
        ids = np.array(flat)
        at = np.array(pos, dtype=np.int64)
        t = self._tables
        e = (t["own"][ids[at]] + t["m1"][ids[at - 1]] + t["p1"][ids[at + 1]]
             + t["m2"][ids[at - 2]] + t["p2"][ids[at + 2]])
        keys = self._keys
        pairs = self._pairs
        weights = self.crf.weights
        k = 0
        for s in sentences:
            ks = [keys[i] for i in flat[pos[k]:pos[k] + len(s)]]
            ext = ["<s>"] + ks + ["<s>"]
            n = len(s)
            for i in range(n + 1):
                pk = ext[i] + "|" + ext[i + 1]
                vec = pairs.get(pk, _UNSEEN)
                if vec is _UNSEEN:
                    a, b = weights.get("bg-=" + pk), weights.get("bg+=" + pk)
                    vec = pairs[pk] = None if a is None and b is None else (a, b)
                if vec is not None:
                    a, b = vec  # type: ignore[misc]
                    if i < n and a is not None:
                        e[k + i] += a
                    if i > 0 and b is not None:
                        e[k + i - 1] += b
            for i, mark in enumerate(self.features.phrase_marks(ks)):
                if mark and mark in weights:
                    e[k + i] += weights[mark]
            k += n
        return e

    def tag_many(self, sentences: list[list[str]]) -> list[list[str]]:
        """BIO labels for each sentence."""
        lengths = [len(s) for s in sentences]
        if not sum(lengths):
            return [[] for _ in sentences]
        crf = self.crf
        e = self.emissions(sentences)
        o = crf.o
        sure_o = ((e[:, [o]] - np.delete(e, o, axis=1)) > crf.margin).all(axis=1)
        starts = np.zeros(len(e), dtype=bool)
        ends = np.zeros(len(e), dtype=bool)
        bounds = np.cumsum([0] + lengths)
        starts[bounds[:-1][np.array(lengths) > 0]] = True
        ends[bounds[1:][np.array(lengths) > 0] - 1] = True
        best = np.full(len(e), o, dtype=np.int64)
        need = ~sure_o
        seg_start = need & (starts | np.concatenate([[True], sure_o[:-1]]))
        seg_end = need & (ends | np.concatenate([sure_o[1:], [True]]))
        a_s, b_s = np.flatnonzero(seg_start), np.flatnonzero(seg_end) + 1
        if len(a_s):
            self._viterbi(e, a_s, b_s, starts, ends, best)
        labels = crf.labels
        flat = [labels[j] for j in best.tolist()]
        return [flat[bounds[k]:bounds[k + 1]] for k in range(len(sentences))]

    def _viterbi(self, e: np.ndarray, a_s: np.ndarray, b_s: np.ndarray, starts: np.ndarray, ends: np.ndarray,
                 best: np.ndarray) -> None:
        """Decode segments [a, b) together; a segment next to a sure-O token gets that transition's weight."""
        trans, o = self.crf.trans, self.crf.o
        seg_len = b_s - a_s
        b, m, n = len(a_s), int(seg_len.max()), e.shape[1]
        offs = np.arange(m)
        idx = np.minimum(a_s[:, None] + offs[None, :], len(e) - 1)
        em = e[idx]
        em[offs[None, :] >= seg_len[:, None]] = 0.0
        em[~starts[a_s], 0] += trans[o]
        last = (b_s - a_s - 1)
        em[np.flatnonzero(~ends[b_s - 1]), last[~ends[b_s - 1]]] += trans[:, o]
        delta = np.empty((b, m, n))
        back = np.zeros((b, m, n), dtype=np.int64)
        delta[:, 0] = em[:, 0]
        for t in range(1, m):
            cand = delta[:, t - 1, :, None] + trans
            back[:, t] = cand.argmax(axis=1)
            delta[:, t] = cand.max(axis=1) + em[:, t]
        y = delta[np.arange(b), last].argmax(axis=1)
        for t in range(m - 1, -1, -1):
            rows = np.flatnonzero(t <= last)
            best[a_s[rows] + t] = y[rows]
            if t > 0:
                y[rows] = back[rows, t, y[rows]]
