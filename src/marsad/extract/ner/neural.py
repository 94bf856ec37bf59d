"""A neural tagger's label probabilities, run with onnxruntime: a BiLSTM over word vectors, characters and
word-list features (trained offline by `neural_train`, torch only there).

Each token is its word type's vector (`vectors.WordVectors`, from SaudiNewsNet), the characters of its folded
form, and a few binary features: shape, proclitic cut, frequency, the gazetteer's one-word type and its multi-word
phrase marks, given name, title, organisation head. The model reads the sentences forward and, with a second
LSTM, backward: the backward LSTM reads each sentence reversed within its own length (the `rev` input), so padding
at the end of a batch never changes a score. Its output is (token, label) log-probabilities.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from marsad.extract.ner.features import Lexicon, word_shape
from marsad.extract.ner.vectors import WordVectors
from marsad.resources import MODELS_DIR

NEURAL_FILE = MODELS_DIR / "ner_neural.onnx"
SHAPES = ("D", "L", "P", "M", "A", "X")
LIST_KINDS = ("PER", "ORG", "GPE", "LOC", "MISC")
MAX_CHARS = 14  # a longer word is read as its first and last MAX_CHARS // 2 characters
_FREQ_BUCKETS = 7  # digits of the word's SaudiNewsNet count, 0 .. 6+
WORD_FEATURES = len(SHAPES) + 6 + _FREQ_BUCKETS + len(LIST_KINDS)
PHRASE_FEATURES = 2 * len(LIST_KINDS)  # B- and I- marks of a multi-word list entry
N_FEATURES = WORD_FEATURES + PHRASE_FEATURES
BATCH = 64  # sentences at most per onnxruntime call
FILL = 0.75  # a call's sentences are at least this fraction of its longest one: padding costs time


def word_features(lex: Lexicon, folded: str, cut: int, bare: str) -> np.ndarray:
    """The binary features of one word type (folded form, `Lexicon.bare` reading)."""
    gaz = lex.gaz
    f = np.zeros(WORD_FEATURES, dtype=np.float32)
    f[SHAPES.index(word_shape(folded))] = 1
    k = len(SHAPES)
    count = lex.count(bare) or lex.count(folded)
    f[k:k + 6] = (cut > 0, bare.startswith("ال"), count == 0, bare in gaz.given, (bare,) in gaz.titles,
                  bare in gaz.org_heads)
    k += 6
    f[k + min(len(str(count)) if count else 0, _FREQ_BUCKETS - 1)] = 1
    k += _FREQ_BUCKETS
    kind = gaz.single(bare)
    if kind in LIST_KINDS:
        f[k + LIST_KINDS.index(kind)] = 1
    return f


def phrase_features(lex: Lexicon, keys: list[str]) -> np.ndarray:
    """(token, PHRASE_FEATURES) marks where a multi-word gazetteer entry covers a sentence of bare words."""
    gaz = lex.gaz
    out = np.zeros((len(keys), PHRASE_FEATURES), dtype=np.float32)
    i = 0
    while i < len(keys):
        hit = gaz.match(keys, i) if keys[i] in gaz.starts else None
        if hit and hit[0] > 1 and hit[1] in LIST_KINDS:
            n, k = hit[0], LIST_KINDS.index(hit[1])
            out[i, k] = 1
            out[i + 1:i + n, len(LIST_KINDS) + k] = 1
            i += n
        else:
            i += 1
    return out


def char_ids(folded: str, chars: dict[str, int]) -> list[int]:
    """MAX_CHARS character ids of a folded word (0 pads, 1 is an unknown character)."""
    if len(folded) > MAX_CHARS:
        folded = folded[:MAX_CHARS // 2] + folded[-(MAX_CHARS // 2):]
    ids = [chars.get(ch, 1) for ch in folded]
    return ids + [0] * (MAX_CHARS - len(ids))


def reverse_index(lengths: list[int], width: int) -> np.ndarray:
    """(sentence, position) -> the position read at that step by a reader going backward within the sentence."""
    pos = np.arange(width)[None, :].repeat(len(lengths), axis=0)
    n = np.array(lengths)[:, None]
    return np.where(pos < n, n - 1 - pos, pos).astype(np.int64)


def length_groups(lengths: list[int]) -> list[list[int]]:
    """Indexes of the non-empty sentences in groups of similar length (longest first), each group at most BATCH
    sentences whose lengths are at least FILL times the group's longest."""
    order = sorted((s for s, n in enumerate(lengths) if n), key=lengths.__getitem__, reverse=True)
    groups: list[list[int]] = []
    for s in order:
        if groups and len(groups[-1]) < BATCH and lengths[s] >= FILL * lengths[groups[-1][0]]:
            groups[-1].append(s)
        else:
            groups.append([s])
    return groups


@dataclass(frozen=True)
class NeuralMeta:
    """What the tagger needs besides the network: label names and the character vocabulary."""

    labels: list[str]
    chars: dict[str, int]

    def to_json(self) -> str:
        return json.dumps({"labels": self.labels, "chars": self.chars}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> NeuralMeta:
        d = json.loads(text)
        return cls(list(d["labels"]), dict(d["chars"]))


class NeuralScorer:
    """The ONNX network with per-word-type input tables, indexed by the CRF tagger's word-type ids."""

    def __init__(self, model: Path, lex: Lexicon, vectors: WordVectors) -> None:
        import onnxruntime as ort

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        try:
            self.session = ort.InferenceSession(str(model), opts, providers=["CPUExecutionProvider"])
            self.meta = NeuralMeta.from_json(self.session.get_modelmeta().custom_metadata_map["marsad"])
        except Exception as e:  # onnxruntime raises its own error types for a bad file
            raise ValueError(f"{model}: not a neural NER model ({e})") from e
        self.lex = lex
        self.vectors = vectors
        self.labels = self.meta.labels
        self._size = 0  # word types with input rows; the arrays below have room for more
        self._rows = np.zeros(1024, dtype=np.int64)  # type id -> vector row
        self._chars = np.zeros((1024, MAX_CHARS), dtype=np.int64)
        self._feats = np.zeros((1024, WORD_FEATURES), dtype=np.float32)
        self._keys: list[str] = []

    def _extend(self, folded: list[str], cuts: list[int], bare: list[str]) -> None:
        """Add the input rows of word types not seen yet (the tables of `FastTagger`, in type-id order)."""
        first, end = self._size, len(folded)
        if end == first:
            return
        while end > len(self._rows):
            self._rows = np.concatenate([self._rows, np.zeros_like(self._rows)])
            self._chars = np.concatenate([self._chars, np.zeros_like(self._chars)])
            self._feats = np.concatenate([self._feats, np.zeros_like(self._feats)])
        for k in range(first, end):
            w, b = folded[k], bare[k]
            self._rows[k] = self.vectors.row(b) or self.vectors.row(w)
            self._chars[k] = char_ids(w, self.meta.chars)
            self._feats[k] = word_features(self.lex, w, cuts[k], b)
        self._keys += bare[first:end]
        self._size = end

    def log_probs(self, ids: list[int], lengths: list[int], folded: list[str], cuts: list[int],
                  bare: list[str]) -> np.ndarray:
        """(token, label) log-probabilities of consecutive sentences of `lengths` (tokens as word-type ids into the
        type tables `folded`, `cuts`, `bare`)."""
        self._extend(folded, cuts, bare)
        out = np.zeros((len(ids), len(self.labels)), dtype=np.float32)
        starts = np.concatenate([[0], np.cumsum(lengths)]).astype(int).tolist()
        rows, chars, feats, matrix = self._rows, self._chars, self._feats, self.vectors.matrix
        for group in length_groups(lengths):
            lens = [lengths[s] for s in group]
            width = max(lens)
            tok = np.zeros((len(group), width), dtype=np.int64)
            phrase = np.zeros((len(group), width, PHRASE_FEATURES), dtype=np.float32)
            mask = np.zeros((len(group), width), dtype=bool)
            for j, s in enumerate(group):
                sent = ids[starts[s]:starts[s + 1]]
                tok[j, :len(sent)] = sent
                mask[j, :len(sent)] = True
                phrase[j, :len(sent)] = phrase_features(self.lex, [self._keys[i] for i in sent])
            vec = matrix[rows[tok]].astype(np.float32) * mask[..., None]
            ch = chars[tok] * mask[..., None]
            ft = np.concatenate([feats[tok] * mask[..., None], phrase], axis=-1)
            (lp,) = self.session.run(None, {"vec": vec, "chars": ch, "feats": ft.astype(np.float32),
                                            "rev": reverse_index(lens, width)})
            for j, s in enumerate(group):
                out[starts[s]:starts[s + 1]] = lp[j, :lengths[s]]
        return out


def bio_constraints(labels: list[str]) -> np.ndarray:
    """(label, previous label) transition scores that forbid I-X after anything but B-X or I-X."""
    into = np.zeros((len(labels), len(labels)))
    for a, lab in enumerate(labels):
        if lab.startswith("I-"):
            for b, prev in enumerate(labels):
                if prev[2:] != lab[2:] or prev == "O":
                    into[a, b] = -1e4
    return into
