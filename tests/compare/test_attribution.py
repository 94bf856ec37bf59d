"""Attribution profile: named and anonymous sources, and whose voices an article quotes."""
from __future__ import annotations

from marsad.compare.attribution import attribution_profile
from marsad.types import Quote


def _quote(speaker_text: str | None, *, anonymous: bool = False, kind: str = "direct", article: str = "a",
           speaker: str | None = None) -> Quote:
    return Quote(article, 0, 1, "نص", kind, speaker_text=speaker_text, anonymous=anonymous, speaker=speaker)


def test_counts_named_and_anonymous_voices() -> None:
    quotes = [_quote("الوزير سامر الخطيب", speaker="e1"), _quote("الوزير سامر الخطيب", speaker="e1", kind="reported"),
              _quote("مسؤول طلب عدم ذكر اسمه", anonymous=True), _quote("النقابة"), _quote("غيره", article="b")]
    profile = attribution_profile("a", quotes).to_dict()
    assert (profile["quotes"], profile["named"], profile["anonymous"]) == (4, 3, 1)
    assert (profile["direct"], profile["reported"]) == (3, 1)
    assert profile["voices"][0] == {"speaker": "e1", "text": "الوزير سامر الخطيب", "count": 2}
    assert profile["anonymous_voices"] == [{"text": "مسؤول طلب عدم ذكر اسمه", "count": 1}]


def test_a_quote_without_any_speaker_is_anonymous() -> None:
    profile = attribution_profile("a", [_quote(None)]).to_dict()
    assert profile["anonymous"] == 1 and profile["anonymous_share"] == 1.0


def test_an_article_without_quotes_has_an_empty_profile() -> None:
    profile = attribution_profile("a", []).to_dict()
    assert profile["quotes"] == 0 and profile["voices"] == [] and profile["anonymous_share"] == 0.0


def test_the_profile_is_typed() -> None:
    profile = attribution_profile("a", [_quote("الناطقة باسم البلدية", speaker="e7")])
    assert profile.named == 1 and profile.voices[0].speaker == "e7" and profile.voices[0].count == 1
