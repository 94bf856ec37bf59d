"""Leading discourse connectives: "من جهته، قال الوزير ..." read alone in a summary is "قال الوزير ...".

A news sentence often opens with a connective and a comma that ties it to the sentence before it in its article
(إلى ذلك، من جانبه، في غضون ذلك، with or without a leading و). In a summary that sentence stands among others'
sentences, so the tie points at nothing; the rest of it is still a verbatim, contiguous piece of the article, so
its citation holds. The connectives are data (`models/summarize/connectives.tsv`), compared by `match_key`;
causal and contrastive ones are not listed, since they carry part of the claim.
"""
from __future__ import annotations

import re

from marsad.resources import MODELS_DIR, column
from marsad.summarize.rules import RULES
from marsad.text.normalize import match_key

CONNECTIVES = frozenset(map(match_key, column(MODELS_DIR / "summarize" / "connectives.tsv")))
LONGEST = max(len(c.split()) for c in CONNECTIVES)
CONJUNCTION = "و"  # an attached "and" before the connective
_COMMA = re.compile(r"\s*[،,]\s*")

RULES.register("connective.leading")


def without_connective(sentence: str) -> str:
    """The sentence after a leading listed connective and its comma, if it opens with one."""
    comma = _COMMA.search(sentence)
    if comma is None or len(sentence[:comma.start()].split()) > LONGEST:
        return sentence
    key = match_key(sentence[:comma.start()])
    if key in CONNECTIVES or (key.startswith(CONJUNCTION) and key[len(CONJUNCTION):] in CONNECTIVES):
        RULES.hit("connective.leading")
        return sentence[comma.end():]
    return sentence
