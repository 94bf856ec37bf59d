"""The neural tagger: its inputs, its ONNX export and the mixing of its scores with the CRF's."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from marsad.extract.ner.features import default_lexicon
from marsad.extract.ner.neural import (
    MAX_CHARS,
    bio_constraints,
    char_ids,
    phrase_features,
    reverse_index,
)
from marsad.extract.ner.vectors import WordVectors, load_vectors, save_vectors
from marsad.text.normalize import fold


def test_reverse_index_reads_each_sentence_backward_within_its_length() -> None:
    rev = reverse_index([3, 1, 4], 4)
    assert rev.tolist() == [[2, 1, 0, 3], [0, 1, 2, 3], [3, 2, 1, 0]]


def test_bio_constraints_forbid_an_inside_label_after_another_type_or_outside() -> None:
    labels = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG"]
    into = bio_constraints(labels)
    allowed = {(a, b) for a in range(5) for b in range(5) if into[a, b] == 0}
    assert (2, 1) in allowed and (2, 2) in allowed and (4, 3) in allowed
    assert (2, 0) not in allowed and (2, 3) not in allowed and (4, 2) not in allowed
    assert all((a, b) in allowed for a in (0, 1, 3) for b in range(5))


def test_char_ids_keep_both_ends_of_a_long_word() -> None:
    chars = {ch: i + 2 for i, ch in enumerate("ابتثجحخدذرزسشصضطظعغفقكلمنهوي")}
    short = char_ids("سلمان", chars)
    assert len(short) == MAX_CHARS and short[5:] == [0] * (MAX_CHARS - 5) and 1 not in short
    long = char_ids("ا" * 10 + "ب" * 10, chars)
    assert long == [chars["ا"]] * (MAX_CHARS // 2) + [chars["ب"]] * (MAX_CHARS // 2)
    assert char_ids("x", chars)[0] == 1


def test_phrase_features_mark_a_listed_multi_word_place() -> None:
    lex = default_lexicon()
    words = [lex.bare(fold(w))[1] for w in ("زار", "الولايات", "المتحدة", "أمس")]
    marks = phrase_features(lex, words)
    assert marks[0].sum() == 0 and marks[3].sum() == 0
    assert marks[1].sum() == 1 and marks[2].sum() == 1 and marks[1].argmax() != marks[2].argmax()


def test_word_vectors_give_unknown_words_the_zero_row(tmp_path: Path) -> None:
    path = tmp_path / "v.npz"
    save_vectors(path, ["قال", "الرياض"], np.ones((2, 3), dtype=np.float16))
    v = load_vectors(path)
    assert v.row("الرياض") == 2 and v.row("جدة") == 0
    assert not v.matrix[0].any() and v.matrix[2].tolist() == [1, 1, 1]
    bad = tmp_path / "bad.npz"
    bad.write_text("not numpy")
    with pytest.raises(ValueError, match="bad.npz"):
        load_vectors(bad)


def _tiny_vectors(path: Path, words: list[str]) -> None:
    rng = np.random.default_rng(0)
    save_vectors(path, words, rng.normal(size=(len(words), 8)).astype(np.float16))


def test_trained_network_exports_to_onnx_and_scores_sentences_alike_in_any_batch(tmp_path: Path) -> None:
    """A network trained for one epoch on a tiny corpus is exported with its labels and characters; onnxruntime
    gives each sentence the same scores alone or padded in a batch with longer ones, and the mixed tagger with
    the CRF weight 0 decodes exactly the constrained best path of the network's scores."""
    pytest.importorskip("torch")
    pytest.importorskip("onnx")
    from marsad.extract.ner.decode import viterbi
    from marsad.extract.ner.mentions import NerTagger
    from marsad.extract.ner.neural import NeuralScorer
    from marsad.extract.ner.neural_train import train_neural
    from marsad.extract.ner.train import MODEL_FILE

    conll = tmp_path / "news.txt"
    conll.write_text("زار O\nبيروت B-LOC\nأمس O\n\nقال O\nسمير B-PERS\nخليل I-PERS\n\nبيروت B-LOC\n\n" * 6,
                     encoding="utf-8")
    vectors = tmp_path / "v.npz"
    _tiny_vectors(vectors, ["زار", "بيروت", "قال"])
    model = tmp_path / "m.onnx"
    summary = train_neural([(conll, None)], model, vectors, epochs=1, log=lambda _: None)
    assert summary["train_sentences"] > 0 and summary["held_out"] > 0
    lex = default_lexicon()
    tagger = NerTagger(MODEL_FILE, lex, NeuralScorer(model, lex, load_vectors(vectors)), crf_weight=0.0)
    assert tagger.neural.labels[0] == "O" and "ب" in tagger.neural.meta.chars
    sents = [["قال", "سمير", "خليل", "في", "بيروت"], ["بيروت"], ["زار", "سمير", "بيروت", "أمس"]]
    ids, folded, cuts, bare = tagger.word_types([w for s in sents for w in s])
    fast = tagger._fast
    together = tagger.neural.log_probs(ids, [len(s) for s in sents], fast.folded, fast.cuts, fast.bare)
    at, alone = 0, []
    for s in sents:
        alone.append(tagger.neural.log_probs(ids[at:at + len(s)], [len(s)], fast.folded, fast.cuts, fast.bare))
        at += len(s)
    assert np.allclose(together, np.concatenate(alone), atol=1e-5)
    assert np.allclose(np.exp(together).sum(axis=1), 1, atol=1e-4)
    names = fast.crf.labels
    e = together[:, [tagger.neural.labels.index(lab) for lab in names]]
    best = viterbi(e, np.array([len(s) for s in sents]), bio_constraints(names))
    assert tagger.best_labels(ids, [len(s) for s in sents]).tolist() == best.tolist()


def test_a_file_that_is_no_onnx_model_is_a_clear_error(tmp_path: Path) -> None:
    pytest.importorskip("onnxruntime")
    from marsad.extract.ner.neural import NeuralScorer

    bad = tmp_path / "m.onnx"
    bad.write_bytes(b"nothing")
    with pytest.raises(ValueError, match="m.onnx"):
        NeuralScorer(bad, default_lexicon(), WordVectors(["قال"], np.ones((1, 4), dtype=np.float16)))


def test_networks_of_several_seeds_tuned_on_one_domain_export_as_one_averaged_model(tmp_path: Path) -> None:
    """Two seeds, each trained on both files and then on the wiki file alone, export as one model whose output is
    the log of the networks' mean probabilities (a distribution per token)."""
    pytest.importorskip("torch")
    pytest.importorskip("onnx")
    from marsad.extract.ner.mentions import NerTagger
    from marsad.extract.ner.neural import NeuralScorer
    from marsad.extract.ner.neural_train import train_neural
    from marsad.extract.ner.train import MODEL_FILE

    news, wiki = tmp_path / "news.txt", tmp_path / "wiki.txt"
    news.write_text("زار O\nبيروت B-LOC\nأمس O\n\nقال O\nسمير B-PERS\nخليل I-PERS\n\n" * 10, encoding="utf-8")
    wiki.write_text("تقع O\nبيروت B-LOC\nعلى O\nالبحر O\n\nولد O\nسمير B-PER\nفي O\nصور B-LOC\n\n" * 10,
                    encoding="utf-8")
    vectors = tmp_path / "v.npz"
    _tiny_vectors(vectors, ["زار", "بيروت", "قال", "ولد"])
    model = tmp_path / "m.onnx"
    summary = train_neural([(news, "news"), (wiki, "wiki")], model, vectors, epochs=1, seeds=(0, 1),
                           tune_domain="wiki", tune_epochs=1, log=lambda _: None)
    assert [r["seed"] for r in summary["seeds"]] == [0, 1]
    assert all("tuned_f1" in r for r in summary["seeds"]) and "tuned_f1" in summary
    lex = default_lexicon()
    scorer = NeuralScorer(model, lex, load_vectors(vectors))
    tagger = NerTagger(MODEL_FILE, lex, scorer, crf_weight=0.0)
    ids, *_ = tagger.word_types(["ولد", "سمير", "في", "بيروت"])
    fast = tagger._fast
    lp = scorer.log_probs(ids, [4], fast.folded, fast.cuts, fast.bare)
    assert lp.shape == (4, len(scorer.labels))
    assert np.allclose(np.exp(lp).sum(axis=1), 1, atol=1e-4)
