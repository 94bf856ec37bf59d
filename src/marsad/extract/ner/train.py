"""Train the NER CRF on CoNLL files of two domains and score it with entity-level precision, recall and F1.

`train_ner(training_files(ANERCORP_DIR, AQMAR_DIR), OUT)` trains on ANERcorp's train_data.txt + dev_data.txt
(news) and, when given, AQMAR's train.txt (Wikipedia; its dev.txt is the evaluation split, never read here).
With two domains each token also carries its domain's bias attribute (`features.with_domain`); the tagger uses
the news one.
`evaluate_conll(FILE)` tags FILE as articles are tagged (the CRF, or the encyclopedic tagger for windows of
sentences that read as encyclopedic) and compares exact spans and types (ANERcorp's PERS is our PER; GPE is
scored as LOC, the corpus does not split them; AQMAR's MIS is MISC).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from marsad.extract.ner.features import RUN_DOMAIN, Featurizer, default_lexicon, with_domain
from marsad.resources import MODELS_DIR

MODEL_FILE = MODELS_DIR / "ner.crfsuite"
TYPE_MAP = {"PERS": "PER", "PER": "PER", "LOC": "LOC", "GPE": "LOC", "ORG": "ORG", "MISC": "MISC", "MIS": "MISC"}
NAME_TYPES = ("PER", "ORG", "LOC")  # the types scored apart from MISC ("P/O/L": AQMAR's MISC is far wider than news')
TRAIN_FILES = ("train_data.txt", "dev_data.txt")  # ANERcorp's
AQMAR_TRAIN_FILES = ("train.txt",)  # AQMAR's; dev.txt is left for evaluation
ANERCORP_COPIES = 2  # with AQMAR, ANERcorp's sentences are read twice: the news domain weighs more than Wikipedia
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 200, "feature.possible_transitions": True}

WIKI_DOMAIN = "wiki"  # AQMAR's
Sentence = tuple[list[str], list[str]]
TrainingFile = tuple[Path, str | None]  # a CoNLL file and its domain (None: a one-domain model)


def _tag(label: str) -> str:
    """A corpus label in our BIO types (B-PERS -> B-PER)."""
    if label in ("O", "") or "-" not in label:
        return "O"
    bio, kind = label.split("-", 1)
    return f"{bio}-{TYPE_MAP.get(kind, 'MISC')}"


def read_conll(path: Path) -> list[Sentence]:
    """Sentences of (tokens, BIO labels) from a `token TAG` file with blank lines between sentences."""
    sents: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts or parts[0] == "-DOCSTART-":
            if words:
                sents.append((words, tags))
            words, tags = [], []
            continue
        if len(parts) < 2:
            continue
        words.append(parts[0])
        tags.append(_tag(parts[-1]))
    if words:
        sents.append((words, tags))
    return sents


def training_files(anercorp_dir: Path, aqmar_dir: Path | None) -> list[TrainingFile]:
    """The CoNLL files a model is trained on with their domains: ANERcorp's alone (no domain), or with `aqmar_dir`
    `ANERCORP_COPIES` of ANERcorp's as news and AQMAR's as wiki. A missing file is an error."""
    aner = [Path(anercorp_dir) / name for name in TRAIN_FILES]
    if aqmar_dir is None:
        files: list[TrainingFile] = [(path, None) for path in aner]
    else:
        files = [(path, RUN_DOMAIN) for path in aner] * ANERCORP_COPIES
        files += [(Path(aqmar_dir) / name, WIKI_DOMAIN) for name in AQMAR_TRAIN_FILES]
    for path, _ in files:
        if not path.is_file():
            raise FileNotFoundError(f"{path}: training file not found")
    return files


def train_ner(files: Iterable[TrainingFile], out: Path = MODEL_FILE, params: dict | None = None) -> None:
    """Train the CRF on the CoNLL `files` (`training_files` for the shipped model) and write it to `out`."""
    import pycrfsuite

    feat = Featurizer(default_lexicon())
    trainer = pycrfsuite.Trainer(verbose=False)
    for path, domain in files:
        for words, tags in read_conll(path):
            seq = feat.sequence(words)
            trainer.append(with_domain(seq, domain) if domain else seq, tags)
    trainer.set_params({**PARAMS, **(params or {})})
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Entity spans (start, end, type) from BIO tags; a stray I- opens a new entity (conlleval's rule)."""
    found: set[tuple[int, int, str]] = set()
    start, kind = -1, ""
    for i, t in enumerate(tags + ["O"]):
        bio, _, k = t.partition("-")
        if start >= 0 and (bio != "I" or k != kind):
            found.add((start, i, kind))
            start = -1
        if bio == "B" or (bio == "I" and start < 0):
            start, kind = i, k
    return found


def score_spans(gold: list[set], pred: list[set]) -> dict:
    """Micro and per-type precision, recall, F1 over exact (span, type) matches."""
    tp: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        for s in g:
            n_gold[s[2]] += 1
        for s in p:
            n_pred[s[2]] += 1
            tp[s[2]] += s in g

    def prf(t: int, np_: int, ng: int) -> dict:
        p = t / np_ if np_ else 0.0
        r = t / ng if ng else 0.0
        return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "support": ng}

    kinds = sorted(set(n_gold) | set(n_pred))
    return {"micro": prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values())),
            "types": {k: prf(tp[k], n_pred[k], n_gold[k]) for k in kinds}}


def evaluate_conll(path: Path, model: Path | None = None, neural: Path | None = None,
                   crf_weight: float = 1.0) -> dict:
    """Tag a CoNLL file and compare with its labels: entity-level P/R/F1 (exact span and type), micro and per type.
    With no `model`, the shipped taggers as articles are tagged (`mentions.routed_tags`: the register of each window
    of sentences picks the tagger); else the `model` CRF (and a neural one mixed in, `mentions.NerTagger`)."""
    from marsad.extract.ner.mentions import load_tagger, routed_tags

    sents = read_conll(Path(path))
    words = [w for w, _ in sents]
    tagged = routed_tags(words) if model is None else load_tagger(model, neural, crf_weight).tag_sentences(words)
    gold = [spans(tags) for _, tags in sents]
    pred = [spans(tags) for tags in tagged]
    report = score_spans(gold, pred)
    names = [[{x for x in s if x[2] in NAME_TYPES} for s in side] for side in (gold, pred)]
    report["per_org_loc"] = score_spans(*names)["micro"]
    report["sentences"] = len(sents)
    report["file"] = str(path)
    return report


def format_report(report: dict) -> str:
    """A small table: one row per type, the micro average, and the micro average over PER, ORG and LOC alone."""
    lines = [f"{'type':<6} {'prec':>6} {'rec':>6} {'f1':>6} {'gold':>6}"]
    rows = list(report["types"].items()) + [("micro", report["micro"])]
    if "per_org_loc" in report:
        rows.append(("P/O/L", report["per_org_loc"]))
    for name, r in rows:
        lines.append(f"{name:<6} {r['precision']:>6.3f} {r['recall']:>6.3f} {r['f1']:>6.3f} {r['support']:>6}")
    return "\n".join(lines)
