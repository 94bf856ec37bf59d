"""Fast CRF decoding: the crfsuite model's weights summed per word type, then an exact, batched numpy Viterbi.

crfsuite needs every attribute string of every token (about 25 µs a token with the conversion); a linear-chain
CRF's score is a sum, so each word type's own and neighbour contributions are summed once into label vectors
and kept in tables indexed by a word-type id. A batch of sentences then costs a few array gathers: neighbour
vectors, bigram attributes found by integer codes of the two words, gazetteer phrase marks at the few words
that can open a listed phrase, and one Viterbi over all sentences at once. The labels agree with
`pycrfsuite.Tagger.tag` (checked by the tests).
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from marsad.extract.ner_features import Featurizer, WordFeatures

_SLOTS = ("own", "m2", "m1", "p1", "p2")  # WordFeatures fields: at the token, and as its neighbour at -2 .. +2
_OFFSET = {"own": 0, "m2": -2, "m1": -1, "p1": 1, "p2": 2}  # where, from a token, the word giving that slot is
_BOUNDARY = "\x00<s>"  # the padding word's cache entry, not a possible token
_BIGRAMS = ("bg-=", "bg+=")  # attributes of (previous, this) word and (this, next) word
_KEY_BITS = 31  # a bigram code is left id << _KEY_BITS | right id


def _split_pair(pair: str) -> list[tuple[str, str]]:
    """Every (left, right) whose bigram attribute reads 'left|right' (keys may be "" or "|" themselves)."""
    return [(pair[:i], pair[i + 1:]) for i, ch in enumerate(pair) if ch == "|"]


class LinearCrf:
    """Label set, attribute weights (attribute -> row of a matrix over labels), transitions and bigram tables."""

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
        self.trans = np.zeros((n, n))
        for (a, b), w in info.transitions.items():
            self.trans[index[a], index[b]] += w
        self.pair_keys: dict[str, int] = {}  # every word key that occurs in a bigram attribute
        self.bigrams = [self._bigram_table(prefix) for prefix in _BIGRAMS]

    def _bigram_table(self, prefix: str) -> tuple[np.ndarray, np.ndarray]:
        """(sorted integer codes of the model's `prefix` word pairs, the matrix row of each)."""
        found: dict[int, int] = {}
        keys = self.pair_keys
        for attr, r in self.row.items():
            if attr.startswith(prefix):
                for left, right in _split_pair(attr[len(prefix):]):
                    a = keys.setdefault(left, len(keys))
                    b = keys.setdefault(right, len(keys))
                    found[a << _KEY_BITS | b] = r
        codes = np.array(sorted(found), dtype=np.int64)
        return codes, np.array([found[c] for c in codes.tolist()], dtype=np.int64)


class FastTagger:
    """Per-word-type emission tables and a batched Viterbi over many sentences."""

    def __init__(self, crf: LinearCrf, features: Featurizer) -> None:
        self.crf = crf
        self.features = features
        self.gaz = features.lex.gaz
        self._ids: dict[str, int] = {}
        self._keys: list[str] = []
        cap, n = 1024, len(crf.labels)
        self._tables = {s: np.zeros((cap, n)) for s in _SLOTS}
        self._pair_id = np.full(cap, -1, dtype=np.int64)  # id of the word's key among bigram keys, or -1
        self._opens = np.zeros(cap, dtype=bool)  # the word's key can open a listed phrase
        self._pad = self._ids_of([_BOUNDARY])[0]
        self._label_names = np.array(crf.labels, dtype=object)

    def _ids_of(self, tokens: list[str]) -> list[int]:
        """Word-type ids of `tokens`; new types are featurized and their weights summed in one batch."""
        ids = self._ids
        out = []
        new: list[WordFeatures] = []
        for t in tokens:
            i = ids.get(t)
            if i is None:
                i = ids[t] = len(ids)
                new.append(self.features.boundary if t == _BOUNDARY else self.features.compute(t))
            out.append(i)
        if new:
            self._store(new)
        return out

    def _store(self, new: list[WordFeatures]) -> None:
        """Write the summed weight vectors of new word types (ids len(_keys) ...) into the tables."""
        first, row = len(self._keys), self.crf.row
        end = first + len(new)
        while end > len(self._pair_id):
            self._tables = {s: np.concatenate([t, np.zeros_like(t)]) for s, t in self._tables.items()}
            self._pair_id = np.concatenate([self._pair_id, np.full_like(self._pair_id, -1)])
            self._opens = np.concatenate([self._opens, np.zeros_like(self._opens)])
        attrs: list[str] = []
        cuts: list[int] = []
        for wf in new:
            for group in (wf.own, wf.m2, wf.m1, wf.p1, wf.p2):  # the order of _SLOTS
                cuts.append(len(attrs))
                attrs += group
                attrs.append("")  # no slot is empty for reduceat; an unknown attribute adds nothing
        rows = [row.get(a, 0) for a in attrs]
        sums = np.add.reduceat(self.crf.matrix[rows], cuts, axis=0).reshape(len(new), len(_SLOTS), -1)
        for k, s in enumerate(_SLOTS):
            self._tables[s][first:end] = sums[:, k]
        keys = [wf.key for wf in new]
        self._keys += keys
        pair_keys, starts = self.crf.pair_keys, self.gaz.starts
        self._pair_id[first:end] = [pair_keys.get(k, -1) for k in keys]
        self._opens[first:end] = [k in starts for k in keys]

    def emissions(self, sentences: list[list[str]]) -> np.ndarray:
        """(total tokens, labels) state scores of the sentences' tokens, concatenated."""
        flat: list[str] = [_BOUNDARY, _BOUNDARY]
        for s in sentences:
            flat += s
            flat += (_BOUNDARY, _BOUNDARY)
        id_list = self._ids_of(flat)
        ids = np.array(id_list, dtype=np.int64)
        at = np.flatnonzero(ids != self._pad)
        t = self._tables
        e = t["own"][ids[at]]
        for slot in _SLOTS[1:]:
            e += t[slot][ids[at + _OFFSET[slot]]]
        pair = self._pair_id[ids]
        for (codes, rows), shift in zip(self.crf.bigrams, (-1, 1), strict=True):
            if not len(codes):
                continue
            left, right = (pair[at - 1], pair[at]) if shift < 0 else (pair[at], pair[at + 1])
            code = left << _KEY_BITS | right
            k = np.minimum(np.searchsorted(codes, code), len(codes) - 1)
            hit = np.flatnonzero((left >= 0) & (right >= 0) & (codes[k] == code))
            e[hit] += self.crf.matrix[rows[k[hit]]]
        self._phrase_marks(e, at, ids, id_list)
        return e

    def _phrase_marks(self, e: np.ndarray, at: np.ndarray, ids: np.ndarray, id_list: list[int]) -> None:
        """Add the 'gp=B-GPE' style weights where a multi-word gazetteer entry covers tokens (as `phrase_marks`)."""
        gaz, keys, row, matrix = self.gaz, self._keys, self.crf.row, self.crf.matrix
        free = 0
        for p in np.flatnonzero(self._opens[ids[at]]).tolist():
            if p < free:
                continue
            q = int(at[p])
            hit = gaz.match([keys[i] for i in id_list[q:q + gaz.max_len]], 0)
            if hit:
                n, kind = hit
                e[p] += matrix[row.get("gp=B-" + kind, 0)]
                e[p + 1:p + n] += matrix[row.get("gp=I-" + kind, 0)]
                free = p + n

    def tag_many(self, sentences: list[list[str]]) -> list[list[str]]:
        """BIO labels for each sentence."""
        lengths = np.array([len(s) for s in sentences], dtype=np.int64)
        if not lengths.sum():
            return [[] for _ in sentences]
        e = self.emissions(sentences)
        best = self._viterbi(e, lengths)
        flat = self._label_names[best].tolist()
        bounds = np.concatenate([[0], np.cumsum(lengths)]).tolist()
        return [flat[bounds[k]:bounds[k + 1]] for k in range(len(sentences))]

    def _viterbi(self, e: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Best label index of every token, decoding all sentences (longest first) in one time-stepped loop.

        The forward pass keeps only the best scores; the backward pass recomputes each step's argmax for the label
        chosen after it (the same sums, so the same first maximum as storing back-pointers).
        """
        trans = self.crf.trans
        into = trans[:, None, :]  # (from, 1, to)
        back = np.ascontiguousarray(trans.T)  # (to, from)
        order = np.argsort(-lengths, kind="stable")
        lens = lengths[order]
        lens = lens[lens > 0]
        b, m = len(lens), int(lens[0])
        starts = (np.cumsum(lengths) - lengths)[order[:b]]
        steps = np.arange(m)
        valid = steps[:, None] < lens[None, :]  # (m, b)
        pos = np.where(valid, starts[None, :] + steps[:, None], len(e))
        score = np.concatenate([e, np.zeros((1, e.shape[1]))])[pos]  # (m, b, labels); padding scores nothing
        active = valid.sum(axis=1).tolist()  # sentences still running at each step: a prefix, longest first
        for t in range(1, m):
            k = active[t]
            score[t, :k] += np.maximum.reduce(score[t - 1, :k].T[:, :, None] + into, axis=0)
        cols = np.arange(b)
        y = score[lens - 1, cols].argmax(axis=1)
        path = np.empty((m, b), dtype=np.int64)
        path[lens - 1, cols] = y
        for t in range(m - 1, 0, -1):
            k = active[t]
            y[:k] = path[t - 1, :k] = (score[t - 1, :k] + back[y[:k]]).argmax(axis=1)
        best = np.empty(len(e), dtype=np.int64)
        best[pos[valid]] = path[valid]
        return best
