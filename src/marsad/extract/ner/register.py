"""Which register a text is written in: news, or encyclopedic prose (Wikipedia), told by its everyday words.

`models/ner/register.tsv` holds, for each Arabic word (letters only: punctuation and digits are cut and
written differently in each corpus) seen `MIN_NEWS` times in SaudiNewsNet (news) or `MIN_WIKI` times in AQMAR
train (Arabic Wikipedia), the log-ratio of its smoothed frequency in AQMAR train to its frequency in the news (a
naive-Bayes word score, clipped to ±`CLIP`): the words every text uses tell the register (قال، أمس، الوزير
against هو، يعتبر، القرن). A text's score is the mean over its words in the table; at `THRESHOLD` or above, with
at least `MIN_WORDS` such words, it is encyclopedic. Chosen by five-fold cross-validation on AQMAR train (400-token
windows of held-out folds: all read as encyclopedic) and the first 3,000 SaudiNewsNet articles (4 read so).

Rebuild with `python -m marsad.extract.ner.register NEWS_DIR AQMAR_DIR` (SaudiNewsNet zips, AQMAR's train.txt;
AQMAR's dev.txt is never read): the table is built from the last days of SaudiNewsNet, the first ones stay free for
measuring how often news is read as encyclopedic.
"""
from __future__ import annotations

import math
import sys
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from itertools import islice
from pathlib import Path

from marsad.extract.ner.phrases import is_arabic
from marsad.resources import MODELS_DIR, fields
from marsad.text.normalize import fold

REGISTER_FILE = MODELS_DIR / "ner" / "register.tsv"
THRESHOLD = 0.2  # mean word score at which a text is encyclopedic
MIN_WORDS = 40  # a text with fewer scored words is read as news: too little to tell
WINDOW = 400  # tokens of consecutive sentences read together when a text comes as sentences (`windows`)
MIN_NEWS = 20  # occurrences in the news sample that put a word in the table
MIN_WIKI = 3  # ... or in the encyclopedic sample
SMOOTHING = 0.5
CLIP = 3.0
HEADER = ("# provenance: source: SaudiNewsNet and AQMAR train word statistics\n"
          "# Register word scores by `python -m marsad.extract.ner.register`: for each folded Arabic word seen\n"
          "# {min_news}+ times in {n_news} SaudiNewsNet articles (the last days; CC BY-NC-SA 4.0) or {min_wiki}+\n"
          "# times in AQMAR train (Arabic Wikipedia, CC BY-SA 3.0; {n_wiki} tokens), the log of its smoothed\n"
          "# frequency there over its frequency in the news ({n_tokens} tokens), clipped to +-{clip}.\n"
          "# columns: word\tscore\n")


@lru_cache(maxsize=1)
def register_scores(path: Path = REGISTER_FILE) -> dict[str, float]:
    """folded word -> its register score (positive: encyclopedic)."""
    return {w: float(s) for w, s in fields(path)}


def register_score(folded: Iterable[str]) -> tuple[float, int]:
    """(mean score, number of scored words) of a text's folded words."""
    scores = register_scores()
    found = [s for w in folded if (s := scores.get(w)) is not None]
    return (sum(found) / len(found) if found else 0.0), len(found)


def is_encyclopedic(folded: Iterable[str]) -> bool:
    """Whether a text (its folded words) reads as encyclopedic prose rather than news."""
    mean, n = register_score(folded)
    return n >= MIN_WORDS and mean >= THRESHOLD


def windows(lengths: list[int], size: int = WINDOW) -> list[range]:
    """Consecutive sentences (by index) in groups of at least `size` tokens (the last group may be shorter: it
    joins the one before it when that leaves it under half of `size`)."""
    out: list[range] = []
    start, n = 0, 0
    for i, length in enumerate(lengths):
        n += length
        if n >= size:
            out.append(range(start, i + 1))
            start, n = i + 1, 0
    if start < len(lengths):
        if out and n < size // 2:
            out[-1] = range(out[-1].start, len(lengths))
        else:
            out.append(range(start, len(lengths)))
    return out


def word_scores(news: Counter[str], wiki: Counter[str]) -> dict[str, float]:
    """Register score of each Arabic word seen `MIN_NEWS` times in the `news` counts or `MIN_WIKI` times in the
    `wiki` counts."""
    vocab = sorted(w for w in news.keys() | wiki.keys()
                   if (news[w] >= MIN_NEWS or wiki[w] >= MIN_WIKI) and is_arabic(w))
    denom_n = sum(news.values()) + SMOOTHING * len(vocab)
    denom_w = sum(wiki.values()) + SMOOTHING * len(vocab)
    return {w: max(-CLIP, min(CLIP, math.log((wiki[w] + SMOOTHING) / denom_w)
                              - math.log((news[w] + SMOOTHING) / denom_n))) for w in vocab}


def news_counts(texts: Iterable[str], limit: int) -> tuple[Counter[str], int]:
    """(folded word counts, texts read) of up to `limit` news texts."""
    from marsad.text.tokens import token_lists

    counts: Counter[str] = Counter()
    n = 0
    for text in islice(texts, limit):
        counts.update(map(fold, token_lists(text)[0]))
        n += 1
    return counts, n


def build_register(news: Iterable[str], wiki: Iterable[str], limit: int, out: Path = REGISTER_FILE) -> None:
    """Write the word scores of up to `limit` news texts against the encyclopedic tokens `wiki`."""
    counts, n_news = news_counts(news, limit)
    wiki_counts = Counter(map(fold, wiki))
    with out.open("w", encoding="utf-8") as f:
        f.write(HEADER.format(min_news=MIN_NEWS, min_wiki=MIN_WIKI, n_news=n_news, n_wiki=sum(wiki_counts.values()),
                              n_tokens=sum(counts.values()), clip=CLIP))
        f.writelines(f"{w}\t{s:.3f}\n" for w, s in word_scores(counts, wiki_counts).items())


if __name__ == "__main__":
    from marsad.extract.ner.name_rates import latest_texts
    from marsad.extract.ner.train import AQMAR_TRAIN_FILES, read_conll

    wiki_tokens = [w for name in AQMAR_TRAIN_FILES for words, _ in read_conll(Path(sys.argv[2]) / name)
                   for w in words]
    build_register(latest_texts(Path(sys.argv[1])), wiki_tokens, int(sys.argv[3]) if len(sys.argv) > 3 else 8000)
