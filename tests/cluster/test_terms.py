"""The stopwords of the term vectors come from `models/cluster/stopwords.tsv`, in matching form."""
from __future__ import annotations

from marsad.cluster.terms import STOPWORDS, TermModel


def test_stopwords_in_matching_form() -> None:
    assert {"في", "الي", "اكد", "العام"} <= STOPWORDS  # إلى and أكد folded
    assert TermModel().term("وقال") == ""  # a function word: no term
