"""Attribution profile of one article: how many quoted sources are named, how many anonymous, and whose voices."""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from marsad.text.normalize import match_key
from marsad.types import Attribution, Quote, Voice


def attribution_profile(article_id: str, quotes: Sequence[Quote]) -> Attribution:
    """Counts of named and anonymous quotes, direct and reported, and each voice with how often it is quoted."""
    own = [q for q in quotes if q.article == article_id]
    named = [q for q in own if not _is_anonymous(q)]
    voices: Counter[tuple[str | None, str]] = Counter((q.speaker, _voice_text(q)) for q in named)
    anonymous: Counter[str] = Counter(_voice_text(q) for q in own if _is_anonymous(q))
    return Attribution(
        article_id, len(own), len(named), len(own) - len(named), sum(q.kind == "direct" for q in own),
        sum(q.kind != "direct" for q in own),
        tuple(Voice(speaker, text, n) for (speaker, text), n in voices.most_common()),
        tuple(anonymous.most_common()),
    )


def _is_anonymous(quote: Quote) -> bool:
    """Anonymous when the extractor says so or no speaker was found at all."""
    return quote.anonymous or not (quote.speaker or quote.speaker_text)


def _voice_text(quote: Quote) -> str:
    """The speaker as written, spacing and punctuation normalised so one voice counts once."""
    text = quote.speaker_text or ""
    return " ".join(text.split()) if match_key(text) else "?"
