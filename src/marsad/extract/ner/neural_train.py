"""Train the neural tagger (`neural.NeuralScorer`) with torch and export it to ONNX (torch is a training extra).

Data: the CoNLL files of `train.training_files` (ANERcorp train + dev, AQMAR train; AQMAR's MIS is MISC, as for
the CRF), each sentence once. Every `HOLD_OUT`-th sentence of each file is held out: the epoch whose held-out
entity F1 is best is the one kept (AQMAR dev, ANERcorp test and the development corpora are never read). With a
tuning domain (AQMAR's, for the encyclopedic tagger), each network then goes on training on that domain's
sentences alone at a lower rate, the epoch best on that domain's held-out sentences kept. One network is trained
per seed and the exported model averages their probabilities. One core (`torch.set_num_threads(1)`); 10-30 s an
epoch.
"""
from __future__ import annotations

import math
import random
import time
import warnings
from collections import Counter
from pathlib import Path

import numpy as np

from marsad.extract.ner.features import default_lexicon
from marsad.extract.ner.neural import (
    MAX_CHARS,
    N_FEATURES,
    NeuralMeta,
    bio_constraints,
    char_ids,
    phrase_features,
    reverse_index,
    word_features,
)
from marsad.extract.ner.train import Sentence, TrainingFile, read_conll, score_spans, spans
from marsad.extract.ner.vectors import WordVectors, load_vectors
from marsad.text.normalize import fold

LABELS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]
HOLD_OUT = 10
SIZES = {"char_dim": 24, "char_filters": 64, "hidden": 96}
EPOCHS = 25
SEEDS = (0, 1, 2)
LEARNING_RATE = 2e-3
TUNE_EPOCHS = 6
TUNE_RATE = 5e-4  # training on the tuning domain alone, after training on every file
BATCH = 32
WORD_DROPOUT = 0.1  # training tokens whose word vector is hidden, so the characters and lists learn too

Encoded = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]  # vectors, chars, features, labels of a sentence


def _network(n_chars: int, dim: int, n_labels: int, char_dim: int, char_filters: int, hidden: int):
    """The torch module (built in a function: torch is imported only when training)."""
    import torch
    from torch import nn

    class Tagger(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.char_emb = nn.Embedding(n_chars, char_dim, padding_idx=0)
            self.conv = nn.Conv1d(char_dim, char_filters, 3, padding=1)
            self.drop = nn.Dropout(0.3)
            width = dim + char_filters + N_FEATURES
            self.fwd = nn.LSTM(width, hidden, batch_first=True)
            self.bwd = nn.LSTM(width, hidden, batch_first=True)
            self.out = nn.Linear(2 * hidden, n_labels)

        def forward(self, vec, chars, feats, rev):
            b, t, length = chars.shape
            c = self.char_emb(chars.reshape(b * t, length)).transpose(1, 2)
            c = torch.relu(self.conv(c)).max(dim=2).values.reshape(b, t, -1)
            x = self.drop(torch.cat([vec, c, feats], dim=-1))
            h0 = x.new_zeros(1, b, hidden)  # explicit: the exported graph then takes any batch size
            hf, _ = self.fwd(x, (h0, h0))
            hb, _ = self.bwd(torch.gather(x, 1, rev.unsqueeze(-1).expand(-1, -1, x.shape[-1])), (h0, h0))
            hb = torch.gather(hb, 1, rev.unsqueeze(-1).expand(-1, -1, hb.shape[-1]))
            return torch.log_softmax(self.out(self.drop(torch.cat([hf, hb], dim=-1))), dim=-1)

    return Tagger()


def _char_vocab(sentences: list[list[str]]) -> dict[str, int]:
    """Characters of the folded training words seen at least twice -> ids from 2 (0 pads, 1 is unknown)."""
    counts = Counter(ch for words in sentences for w in words for ch in fold(w))
    return {ch: i + 2 for i, ch in enumerate(sorted(ch for ch, c in counts.items() if c >= 2))}


def encode(words: list[str], tags: list[str], vectors: WordVectors, chars: dict[str, int]) -> Encoded:
    """The network's inputs for one sentence and its gold label ids."""
    lex = default_lexicon()
    folded = [fold(w) for w in words]
    readings = [lex.bare(w) for w in folded]
    vec = np.stack([vectors.matrix[vectors.row(b) or vectors.row(w)] for w, (_, b) in zip(folded, readings,
                                                                                           strict=True)])
    ch = np.array([char_ids(w, chars) for w in folded], dtype=np.int64)
    feats = np.concatenate([np.stack([word_features(lex, w, cut, b) for w, (cut, b) in zip(folded, readings,
                                                                                           strict=True)]),
                            phrase_features(lex, [b for _, b in readings])], axis=1)
    return vec.astype(np.float32), ch, feats, np.array([LABELS.index(t) for t in tags], dtype=np.int64)


def _batch(items: list[Encoded], rng: random.Random | None):
    """Padded torch tensors of a batch; with `rng`, WORD_DROPOUT of the word vectors are zeroed."""
    import torch

    lens = [len(it[3]) for it in items]
    width = max(lens)
    dim = items[0][0].shape[1]
    vec = np.zeros((len(items), width, dim), dtype=np.float32)
    ch = np.zeros((len(items), width, MAX_CHARS), dtype=np.int64)
    ft = np.zeros((len(items), width, N_FEATURES), dtype=np.float32)
    y = np.full((len(items), width), -100, dtype=np.int64)
    for j, (v, c, f, lab) in enumerate(items):
        n = len(lab)
        vec[j, :n], ch[j, :n], ft[j, :n], y[j, :n] = v, c, f, lab
        if rng is not None:
            vec[j, :n][[rng.random() < WORD_DROPOUT for _ in range(n)]] = 0
    rev = reverse_index(lens, width)
    return (torch.from_numpy(vec), torch.from_numpy(ch), torch.from_numpy(ft), torch.from_numpy(rev)), \
        torch.from_numpy(y), lens


def _batches(data: list[Encoded], rng: random.Random) -> list[list[Encoded]]:
    """Batches of sentences of similar length, in random order."""
    order = sorted(range(len(data)), key=lambda i: (len(data[i][3]), rng.random()))
    groups = [[data[i] for i in order[k:k + BATCH]] for k in range(0, len(order), BATCH)]
    rng.shuffle(groups)
    return groups


def held_out_f1(net, data: list[Encoded]) -> float:
    """Entity F1 (exact span and type) on `data`, decoded with the BIO constraints."""
    import torch

    from marsad.extract.ner.decode import viterbi

    net.eval()
    into = bio_constraints(LABELS)
    gold, pred = [], []
    with torch.no_grad():
        for k in range(0, len(data), 64):
            items = data[k:k + 64]
            inputs, _, lens = _batch(items, None)
            lp = net(*inputs).numpy()
            flat = np.concatenate([lp[j, :n] for j, n in enumerate(lens)])
            best = viterbi(flat, np.array(lens, dtype=np.int64), into).tolist()
            at = 0
            for it, n in zip(items, lens, strict=True):
                gold.append(spans([LABELS[i] for i in it[3]]))
                pred.append(spans([LABELS[i] for i in best[at:at + n]]))
                at += n
    net.train()
    return score_spans(gold, pred)["micro"]["f1"]


def _fit(net, train: list[Encoded], held: list[Encoded], epochs: int, lr: float, rng: random.Random,
         log) -> tuple[float, int]:
    """Train `net` for `epochs` on `train` and leave it at the epoch best on `held`: (that F1, that epoch)."""
    import torch

    opt = torch.optim.Adam(net.parameters(), lr=lr)
    loss_fn = torch.nn.NLLLoss(ignore_index=-100)
    best, best_state, best_epoch = held_out_f1(net, held), None, 0
    for epoch in range(1, epochs + 1):
        t0 = time.time()
        for items in _batches(train, rng):
            inputs, y, _ = _batch(items, rng)
            opt.zero_grad()
            loss = loss_fn(net(*inputs).reshape(-1, len(LABELS)), y.reshape(-1))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
        f1 = held_out_f1(net, held)
        log(f"epoch {epoch}: held-out F1 {f1:.4f} ({time.time() - t0:.0f} s)")
        if f1 > best:
            best, best_epoch = f1, epoch
            best_state = {k: v.clone() for k, v in net.state_dict().items()}
    if best_state is not None:
        net.load_state_dict(best_state)
    return best, best_epoch


def _split(files: list[TrainingFile], domain: str | None) -> tuple[list[Sentence], list[Sentence]]:
    """(training, held-out) sentences of the distinct `files` (of `domain` only, unless None): every
    `HOLD_OUT`-th sentence of a file is held out."""
    train: list[Sentence] = []
    held: list[Sentence] = []
    for path, d in dict.fromkeys(files):
        if domain is None or d == domain:
            for i, s in enumerate(read_conll(path)):
                (train if i % HOLD_OUT else held).append(s)
    return train, held


def train_neural(files: list[TrainingFile], out: Path, vectors_path: Path | None = None, epochs: int = EPOCHS,
                 seeds: tuple[int, ...] = SEEDS, tune_domain: str | None = None, tune_epochs: int = TUNE_EPOCHS,
                 log=print) -> dict:
    """Train one network per seed on `files` (each left at the epoch best on the held-out sentences); with
    `tune_domain`, go on training each on that domain's sentences alone at a lower rate (the epoch best on that
    domain's held-out sentences kept). Export the networks as one ONNX model averaging their log-probabilities
    to `out`; returns a summary."""
    import torch

    torch.set_num_threads(1)
    vectors = load_vectors(vectors_path) if vectors_path else load_vectors()
    chars = _char_vocab([w for path, _ in dict.fromkeys(files) for w, _ in read_conll(path)])

    def encoded(sents: list[Sentence]) -> list[Encoded]:
        return [encode(w, t, vectors, chars) for w, t in sents]

    train, held = map(encoded, _split(files, None))
    tune_train, tune_held = map(encoded, _split(files, tune_domain)) if tune_domain else ([], [])
    nets, summary = [], {"train_sentences": len(train), "held_out": len(held), "seeds": []}
    for seed in seeds:
        torch.manual_seed(seed)
        rng = random.Random(seed)
        net = _network(len(chars) + 2, vectors.matrix.shape[1], len(LABELS), **SIZES)
        f1, epoch = _fit(net, train, held, epochs, LEARNING_RATE, rng, log)
        run = {"seed": seed, "held_out_f1": f1, "epoch": epoch}
        if tune_train:
            run["tuned_f1"], run["tuned_epoch"] = _fit(net, tune_train, tune_held, tune_epochs, TUNE_RATE, rng, log)
        summary["seeds"].append(run)
        nets.append(net)
    export_onnx(_average(nets), NeuralMeta(LABELS, chars), vectors.matrix.shape[1], out)
    summary["held_out_f1"] = held_out_f1(_average(nets), held)
    if tune_held:
        summary["tuned_f1"] = held_out_f1(_average(nets), tune_held)
    return summary


def _average(nets: list):
    """One module whose output is the log of the networks' mean probabilities (the network itself if alone)."""
    import torch
    from torch import nn

    if len(nets) == 1:
        return nets[0]

    class Mean(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.nets = nn.ModuleList(nets)

        def forward(self, vec, chars, feats, rev):
            both = torch.stack([n(vec, chars, feats, rev) for n in self.nets])
            return torch.logsumexp(both, dim=0) - math.log(len(self.nets))

    return Mean()


def export_onnx(net, meta: NeuralMeta, dim: int, out: Path) -> None:
    """Write the network as ONNX with its labels and character vocabulary in the metadata (key `marsad`)."""
    import onnx
    import torch

    net.eval()
    example = (torch.zeros(2, 3, dim), torch.zeros(2, 3, MAX_CHARS, dtype=torch.int64),
               torch.zeros(2, 3, N_FEATURES), torch.from_numpy(reverse_index([3, 2], 3)))
    names = ["vec", "chars", "feats", "rev"]
    axes = {n: {0: "batch", 1: "tokens"} for n in names} | {"logp": {0: "batch", 1: "tokens"}}
    out.parent.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():  # the tracer's notes on the LSTM's shape checks, which the inputs keep true
        warnings.simplefilter("ignore")
        torch.onnx.export(net, example, str(out), input_names=names, output_names=["logp"], dynamic_axes=axes,
                          dynamo=False, opset_version=17)
    model = onnx.load(str(out))
    entry = model.metadata_props.add()
    entry.key, entry.value = "marsad", meta.to_json()
    onnx.save(model, str(out))
