"""Fast CRF decoding: the crfsuite model's weights summed per word type, then an exact, batched numpy Viterbi.

crfsuite needs every attribute string of every token (about 25 µs a token with the conversion); a linear-chain
CRF's score is a sum, so each word type's own and neighbour contributions are summed once into label vectors
and kept in tables indexed by a word-type id. A batch of sentences then costs a few array gathers: neighbour
vectors, bigram attributes found by integer codes of the two words, gazetteer phrase marks at the few words
that can open a listed phrase, and one Viterbi over all sentences at once. The labels agree with
`pycrfsuite.Tagger.tag` (checked by the tests).
"""
from __future__ import annotations

from itertools import repeat
from operator import itemgetter
from pathlib import Path

import numpy as np

from marsad.extract.ner.features import RUN_DOMAIN, Featurizer, split_domain
from marsad.text.normalize import fold

_SLOTS = ("own", "m2", "m1", "p1", "p2")  # WordFeatures fields: at the token, and as its neighbour at -2 .. +2
_OFFSETS = np.array([0, -2, -1, 1, 2])  # where, from a token, the word giving each slot is
_BOUNDARY = "\x00<s>"  # the padding word's cache entry, not a possible token
_BIGRAMS = ("bg-=", "bg+=")  # attributes of (previous, this) word and (this, next) word
_KEY_BITS = 31  # a bigram code is left id << _KEY_BITS | right id


def _split_pair(pair: str) -> list[tuple[str, str]]:
    """Every (left, right) whose bigram attribute reads 'left|right' (keys may be "" or "|" themselves)."""
    return [(pair[:i], pair[i + 1:]) for i, ch in enumerate(pair) if ch == "|"]


class LinearCrf:
    """Label set, attribute weights (attribute -> row of a matrix over labels), transitions and bigram tables.

    A two-domain model's news attributes (`features.with_domain`) are added into their general attribute's row,
    so tagging costs what it costs with one domain; the other domains' attributes are left out.
    """

    def __init__(self, model: Path) -> None:
        import pycrfsuite

        tagger = pycrfsuite.Tagger()
        tagger.open(str(model))
        info = tagger.info()
        self.labels: list[str] = tagger.labels()
        index = {lab: i for i, lab in enumerate(self.labels)}
        n = len(self.labels)
        weights = [(plain, lab, w) for (attr, lab), w in info.state_features.items()
                   for domain, plain in [split_domain(attr)] if domain in (None, RUN_DOMAIN)]
        attrs = sorted({a for a, _, _ in weights})
        self.row = {a: i + 1 for i, a in enumerate(attrs)}  # row 0 is all zeros: unknown attributes
        self.matrix = np.zeros((len(attrs) + 1, n))
        for attr, lab, w in weights:
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
    """Per-word-type emission tables and a batched Viterbi over many sentences.

    A word type is a folded form (features see nothing else); each token string is mapped to its type's id on
    first sight. `folded` holds the type's form and `cuts`, `bare` its `Lexicon.bare` reading by id, so a
    document looks each token up once.
    """

    def __init__(self, crf: LinearCrf, features: Featurizer) -> None:
        self.crf = crf
        self.features = features
        self.gaz = features.lex.gaz
        self._ids: dict[str, int] = {}  # token -> type id
        self._by_form: dict[str, int] = {}  # folded form -> type id
        self._keys: list[str] = []
        self.folded: list[str] = []
        self.cuts: list[int] = []
        self.bare: list[str] = []
        cap, n = 1024, len(crf.labels)
        self._table = np.zeros((cap, len(_SLOTS), n))  # type id, slot -> summed weights
        self._pair_id = np.full(cap, -1, dtype=np.int64)  # id of the word's key among bigram keys, or -1
        self._opens = np.zeros(cap, dtype=bool)  # the word's key can open a listed phrase
        self._pad = self.type_ids([_BOUNDARY])[0]
        self.into = np.ascontiguousarray(crf.trans.T)  # (label, previous label) transition weights

    def type_ids(self, tokens: list[str]) -> list[int]:
        """Word-type ids of `tokens`, one type per folded form; new types are featurized in one batch."""
        ids: list[int | None] = list(map(self._ids.get, tokens))
        if None in ids:
            self._add_types(tokens, ids)
        return ids  # type: ignore[return-value]

    def _add_types(self, tokens: list[str], ids: list[int | None]) -> None:
        """Fill the missing ids: a token that folds to a known form takes its id; new forms are stored."""
        by_form, new = self._by_form, []
        for k in [k for k, i in enumerate(ids) if i is None]:
            t = tokens[k]
            i = self._ids.get(t)
            if i is None:
                w = fold(t)
                i = by_form.get(w)
                if i is None:
                    i = by_form[w] = len(by_form)
                    new.append(w)
                self._ids[t] = i
            ids[k] = i
        if new:
            self._store(new)

    def _store(self, new: list[str]) -> None:
        """Featurize new folded forms (ids len(folded) ...) and write their summed weight vectors."""
        first, row = len(self.folded), self.crf.row
        end = first + len(new)
        while end > len(self._pair_id):
            self._table = np.concatenate([self._table, np.zeros_like(self._table)])
            self._pair_id = np.concatenate([self._pair_id, np.full_like(self._pair_id, -1)])
            self._opens = np.concatenate([self._opens, np.zeros_like(self._opens)])
        self.folded += new
        readings = list(map(self.features.lex.bare, new))
        self.cuts += map(itemgetter(0), readings)
        self.bare += map(itemgetter(1), readings)
        features = [self.features.boundary if w == _BOUNDARY else self.features.compute_folded(w) for w in new]
        attrs: list[str] = []
        cuts: list[int] = []
        for wf in features:
            for group in (wf.own, wf.m2, wf.m1, wf.p1, wf.p2):  # the order of _SLOTS
                cuts.append(len(attrs))
                attrs += group
                attrs.append("")  # no slot is empty for reduceat; an unknown attribute adds nothing
        rows = np.fromiter(map(row.get, attrs, repeat(0)), dtype=np.intp, count=len(attrs))
        sums = np.add.reduceat(self.crf.matrix[rows], cuts, axis=0)
        self._table[first:end] = sums.reshape(len(new), len(_SLOTS), -1)
        keys = [wf.key for wf in features]
        self._keys += keys
        pair_keys, starts = self.crf.pair_keys, self.gaz.starts
        self._pair_id[first:end] = [pair_keys.get(k, -1) for k in keys]
        self._opens[first:end] = [k in starts for k in keys]

    def emissions(self, sentences: list[list[str]]) -> np.ndarray:
        """(total tokens, labels) state scores of the sentences' tokens, concatenated."""
        return self.scores(self.type_ids([t for s in sentences for t in s]), [len(s) for s in sentences])

    def scores(self, token_ids: list[int], lengths: list[int]) -> np.ndarray:
        """`emissions` of the sentences of the given lengths, their tokens' type ids concatenated."""
        at = np.arange(len(token_ids)) + np.repeat(np.arange(2, 2 * len(lengths) + 1, 2), lengths)
        ids = np.full(len(token_ids) + 2 * len(lengths) + 2, self._pad, dtype=np.int64)  # two pads around each
        ids[at] = token_ids
        near = self._table[ids[at[:, None] + _OFFSETS], np.arange(len(_SLOTS))]  # (token, slot, label)
        e = near[:, 0] + near[:, 1]
        for k in range(2, len(_SLOTS)):  # summed in slot order, as the attributes of one token would be
            e += near[:, k]
        pair = self._pair_id[ids]
        for (codes, rows), shift in zip(self.crf.bigrams, (-1, 1), strict=True):
            if not len(codes):
                continue
            left, right = (pair[at - 1], pair[at]) if shift < 0 else (pair[at], pair[at + 1])
            code = left << _KEY_BITS | right
            k = np.minimum(np.searchsorted(codes, code), len(codes) - 1)
            hit = np.flatnonzero((left >= 0) & (right >= 0) & (codes[k] == code))
            e[hit] += self.crf.matrix[rows[k[hit]]]
        self._phrase_marks(e, at, ids)
        return e

    def _phrase_marks(self, e: np.ndarray, at: np.ndarray, ids: np.ndarray) -> None:
        """Add the 'gp=B-GPE' style weights where a multi-word gazetteer entry covers tokens (as `phrase_marks`)."""
        gaz, keys, row, matrix = self.gaz, self._keys, self.crf.row, self.crf.matrix
        opening = np.flatnonzero(self._opens[ids[at]]).tolist()
        padded = ids.tolist() if opening else []
        free = 0
        for p in opening:
            if p < free:
                continue
            q = int(at[p])
            hit = gaz.match([keys[i] for i in padded[q:q + gaz.max_len]], 0)
            if hit:
                n, kind = hit
                e[p] += matrix[row.get("gp=B-" + kind, 0)]
                e[p + 1:p + n] += matrix[row.get("gp=I-" + kind, 0)]
                free = p + n

    def best_labels(self, token_ids: list[int], lengths: list[int]) -> np.ndarray:
        """Index into `crf.labels` of every token of the sentences of the given lengths (type ids concatenated)."""
        if not token_ids:
            return np.zeros(0, dtype=np.int64)
        return viterbi(self.scores(token_ids, lengths), np.array(lengths, dtype=np.int64), self.into)


def viterbi(e: np.ndarray, lengths: np.ndarray, into: np.ndarray) -> np.ndarray:
    """Best label index of every token, decoding all sentences (longest first) in one time-stepped loop.

    `e` holds the (token, label) state scores of the sentences of `lengths`, concatenated; `into` the (label,
    previous label) transition scores. A step adds the transitions to each running sentence's previous scores as a
    (sentence, label, previous label) array and takes the first maximum along its last axis (argmax there is
    numpy's fast path), keeping it as a back-pointer. The backward pass follows the pointers in plain Python: a few
    hundred list look-ups cost less than a numpy call per step.
    """
    n = e.shape[1]
    order = np.argsort(-lengths, kind="stable")
    lens = lengths[order]
    lens = lens[lens > 0]
    b, m = len(lens), int(lens[0])
    starts = (np.cumsum(lengths) - lengths)[order[:b]]
    steps = np.arange(m)
    valid = steps[:, None] < lens[None, :]  # (m, b)
    pos = np.where(valid, starts[None, :] + steps[:, None], len(e))
    score = np.concatenate([e, np.zeros((1, n))])[pos]  # (m, b, labels); padding scores nothing
    back = np.zeros(score.shape, dtype=np.int64)  # (step, sentence, label) -> best previous label
    cells = np.arange(b * n).reshape(b, n) * n  # where each (sentence, label) row starts in a step's candidates
    active = valid.sum(axis=1).tolist()  # sentences still running at each step: a prefix, longest first
    for t in range(1, m):
        k = active[t]
        cand = score[t - 1, :k, None, :] + into  # (sentence, label, previous label)
        best = back[t, :k] = cand.argmax(axis=2)
        score[t, :k] += cand.ravel()[cells[:k] + best]
    last = score[lens - 1, np.arange(b)].argmax(axis=1).tolist()
    return np.array(_backtrack(back, starts.tolist(), lens.tolist(), last, len(e)), dtype=np.int64)


def _backtrack(back: np.ndarray, starts: list[int], lengths: list[int], last: list[int], size: int) -> list[int]:
    """Labels of `size` tokens from `_viterbi`'s back-pointers (step, sentence, label) and each sentence's start
    (token position), length and final label."""
    _, b, n = back.shape
    pointers = back.ravel().tolist()
    labels = [0] * size
    for j, (start, length, y) in enumerate(zip(starts, lengths, last, strict=True)):
        for t in range(length - 1, 0, -1):
            labels[start + t] = y
            y = pointers[(t * b + j) * n + y]
        labels[start] = y
    return labels
