"""The word lists of the boilerplate rules: every list of `models/clean/boilerplate.tsv` is one the rules read."""
from __future__ import annotations

from marsad.clean import rules

LISTS = {"social", "channel", "share", "share-object", "comment-count", "comment-invite", "comment-object",
         "comment-prompt", "comment-login", "follow", "read-also", "read-also-tail", "related-head", "related-tail",
         "copyright",
         "source", "byline", "credit-in-parentheses", "credit-label", "translation-label", "translation-line",
         "translation-subject", "translation-verb", "keywords", "end-mark", "credit-word", "caption-start",
         "date-filler", "not-in-place-name", "related-phrase", "most-read", "legal", "cookie", "consent",
         "disclaimer-verb", "disclaimer-hedge", "disclaimer-object", "disclaimer-owner", "agency",
         "share-via", "counter-label", "time-ago", "time-unit", "time-ago-after", "pager"}


def test_every_list_is_read() -> None:
    assert set(rules._LISTS) == LISTS
    assert all(rules._LISTS[name] for name in LISTS)


def test_rules_are_built_from_the_lists() -> None:
    assert rules.SOCIAL.pattern.startswith("(فيسبوك|فيس بوك|")
    assert rules.CREDIT_WORDS.search("(أ ف ب)") and rules.CREDIT_WORDS.search("(AP)")
    assert rules.CREDIT_WORDS.search("(apple)") is None  # ap\b: the word ends there
    assert rules.classify("حقوق الطبع محفوظة 2023", in_zone=True) == "copyright"
    assert "الخميس" in rules.DATE_FILLER and "قال" in rules.NOT_IN_PLACE_NAMES
