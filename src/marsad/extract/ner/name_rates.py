"""How often real news reads a word as a name: the precision filter's statistics, learned from SaudiNewsNet.

For each word the tagger found alone as a name (a one-word span, by its bare form) and each listed one-word place
or organisation, `models/ner/name_rates.tsv` holds how often the word occurs outside a longer name the tagger
found (bare, proclitics off), how often the tagger read it, from its context, as a name by itself, and the same
two counts over its word cluster. A frequent word that the tagger, and its cluster, read as a name in a small
share of their occurrences (على folded as علي، ترك "left") is an everyday word: the document pass takes it as a
name only where the tagger did, unless the tagger did so at half its occurrences in the article; it is never
found again by a name found elsewhere in the article or by the gazetteer alone (`common_word`, `mentions`).
Longer names with it (زين العابدين بن علي) stay.

Rebuild with `python -m marsad.extract.ner.name_rates DIR [ARTICLES]` (DIR holding the SaudiNewsNet zips). The
table is built from the last days of the data set, so the first days stay free for measuring the filter.
"""
from __future__ import annotations

import json
import sys
import zipfile
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from marsad.resources import MODELS_DIR, fields

RATES_FILE = MODELS_DIR / "ner" / "name_rates.tsv"
MIN_NAMED = 3  # words found alone as a name fewer times are left out of the table, unless listed
MIN_OCCURRENCES = 30  # a word seen fewer times is never a common word: too few to say
MAX_NAME_RATE = 0.3  # a word the tagger reads as a name alone in fewer of its occurrences is a common word
HEADER = ("# provenance: saudinewsnet\n"
          "# One-word name rates learned from SaudiNewsNet (the last days, up to {n} articles) by\n"
          "# `python -m marsad.extract.ner.name_rates`: the bare word (folded), how often it occurs outside a longer\n"
          "# name, how often the tagger (the CRF alone, before the document pass) read it as a one-word name.\n"
          "# The same two counts summed over the word's cluster (`ner_clusters.tsv`, finest level): the words the\n"
          "# tagger does not know (a city among the cities) share the rate of those it knows. Statistics of\n"
          "# CC BY-NC-SA 4.0 text.\n"
          "# columns: word\toccurrences\tnamed\tcluster_occurrences\tcluster_named\n")


def latest_texts(folder: Path) -> Iterator[str]:
    """Article bodies from SaudiNewsNet-style zips, the last day first."""
    for path in sorted(folder.glob("*.zip"), reverse=True):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                yield from (a["content"] for a in json.loads(z.read(name)) if a.get("content"))


def count_names(texts: Iterator[str], limit: int) -> tuple[Counter[str], Counter[str], int]:
    """(occurrences of each bare word outside longer names, one-word names by bare word, articles read) over up to
    `limit` texts. A given name is mostly part of a longer name; alone it is a name."""
    from marsad.extract.ner.mentions import tagged_document

    seen: Counter[str] = Counter()
    named: Counter[str] = Counter()
    n = 0
    for n, text in enumerate(texts, 1):
        doc = tagged_document(text)
        inside = {i for s in doc.spans if s.last > s.first for i in range(s.first, s.last + 1)}
        seen.update(w for i, w in enumerate(doc.bare) if i not in inside)
        named.update(doc.bare[s.first] for s in doc.spans if s.first == s.last)
        if n >= limit:
            break
    return seen, named, n


def build_rates(folder: Path, out: Path, limit: int = 8000) -> None:
    """Write the name rates of up to `limit` articles of `folder` to `out`."""
    from marsad.extract.ner.features import default_lexicon

    seen, named, n = count_names(latest_texts(folder), limit)
    lex = default_lexicon()
    cluster = {w: row[3] for w in seen if (row := lex.clusters.get(w))}
    cluster_seen: Counter[str] = Counter()
    cluster_named: Counter[str] = Counter()
    for w, c in cluster.items():
        cluster_seen[c] += seen[w]
        cluster_named[c] += named[w]
    kept = {w for w, k in named.items() if k >= MIN_NAMED}
    kept |= {w for w, k in seen.items() if k >= MIN_OCCURRENCES and lex.gaz.single(w)}
    rows = sorted(kept, key=lambda w: (-seen[w], w))
    with out.open("w", encoding="utf-8") as f:
        f.write(HEADER.format(n=n))
        for w in rows:
            c = cluster.get(w)
            both = (cluster_seen[c], cluster_named[c]) if c else (seen[w], named[w])
            f.write(f"{w}\t{seen[w]}\t{named[w]}\t{both[0]}\t{both[1]}\n")


@lru_cache(maxsize=1)
def name_rates(path: Path = RATES_FILE) -> dict[str, tuple[int, int, int, int]]:
    """bare folded word -> (occurrences, times read alone as a name, the same two over its cluster)."""
    return {w: (int(occ), int(k), int(c_occ), int(c_k)) for w, occ, k, c_occ, c_k in fields(path)}


def common_word(word: str) -> bool:
    """Whether a bare folded word is an everyday word that real news seldom uses as a name by itself: the tagger
    reads it, and the words of its cluster, as a name alone in few of their occurrences."""
    rate = name_rates().get(word)
    return (rate is not None and rate[0] >= MIN_OCCURRENCES and rate[1] < MAX_NAME_RATE * rate[0]
            and rate[3] < MAX_NAME_RATE * rate[2])


if __name__ == "__main__":
    build_rates(Path(sys.argv[1]), RATES_FILE, int(sys.argv[2]) if len(sys.argv) > 2 else 8000)
