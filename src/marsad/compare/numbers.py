"""Reading numbers in Arabic news: digits (ASCII and Arabic-Indic), number words, duals, approximate quantities.

`read_numbers` finds every quantity in a text with the noun it counts: "56 قتيلا" (56, قتيل), "خمسة أيام" (5, يوم),
"يومين" (2, يوم), "700 ألف شخص" (700000, شخص), "مليون ونصف" (1500000), "مئات الملايين" (≈ 100000000). Work is
done on the normalised text (`marsad.text.normalize`), so spelling variants agree; spans are mapped back to the
original offsets. Ordinals (الثالث، السابعة) are other words and are not read.
"""
from __future__ import annotations

import re
from collections.abc import Container
from fractions import Fraction
from functools import lru_cache
from typing import NamedTuple

from marsad.resources import MODELS_DIR, fields
from marsad.text.normalize import normalize, normalize_with_map


class NumberMention(NamedTuple):
    """A quantity: span in the original text, value, the noun it counts (normalised, singular) and a hedge flag."""

    start: int
    end: int
    value: float
    unit: str | None
    approximate: bool = False


NUMBER_WORDS_PATH = MODELS_DIR / "compare" / "number_words.tsv"
COUNTED_NOUNS_PATH = MODELS_DIR / "compare" / "counted_nouns.tsv"
CUES_PATH = MODELS_DIR / "compare" / "number_cues.tsv"


def _value(cell: str) -> float:
    """A value as the table writes it: an integer stays one (1, 100), else a float (1e3, 0.5, 1/3)."""
    return int(cell) if cell.isdigit() else float(Fraction(cell))


def _number_words(kind: str) -> dict[str, float]:
    """Normalised number word -> value, for the rows of one kind of `number_words.tsv`, in file order."""
    return {normalize(word): _value(value) for word, value, row_kind in fields(NUMBER_WORDS_PATH) if row_kind == kind}


def _cues(role: str) -> frozenset[str]:
    """The normalised words of one role of `number_cues.tsv`."""
    return frozenset(normalize(word) for word, row_role in fields(CUES_PATH) if row_role == role)


UNITS = _number_words("unit")
TEEN_HEADS = _number_words("teen-head")
TEN_WORDS = frozenset(word for word, value in UNITS.items() if value == 10)  # عشر، عشرة: they make the teens
TENS = _number_words("ten")
HUNDREDS = _number_words("hundred")
SCALES = _number_words("scale")
DUAL_SCALES = _number_words("dual-scale")
FRACTIONS = _number_words("fraction")
# Plurals that stand for a vague quantity: عشرات (tens), مئات (hundreds), آلاف, ملايين; بضعة (a few).
APPROXIMATE = _number_words("approximate")
# Dual nouns: يومين is two days.
DUAL_NOUNS = {normalize(form): normalize(single) for form, single, kind in fields(COUNTED_NOUNS_PATH) if kind == "dual"}
# Broken plurals of nouns that news counts, to their singular, so أيام and يوما compare.
SINGULAR = {normalize(form): normalize(single) for form, single, kind in fields(COUNTED_NOUNS_PATH)
            if kind == "plural"}
# Words skipped between a number and the noun it counts ("خمسة من لاعبيه").
_FILLERS = _cues("filler")
_DAY_OF = _cues("day-of")  # شهر، الشهر after a number and من: the number is a day of that month
_PERCENT = _cues("percent")
_PERCENT_PHRASES = frozenset(tuple(phrase.split()) for phrase in _cues("percent-phrase"))  # في المئة
_PERCENT_PHRASE_HEADS = frozenset(first for first, *_ in _PERCENT_PHRASES)
# Proclitic chains tried before a number word (و، ف، ب، ل، ك and the article); longest first.
_PREFIXES = ("وبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال", "وب", "ول", "وك", "فب", "فل", "و",
             "ف", "ب", "ل", "ك")
_PREFIX_SET = frozenset(_PREFIXES)
_PREFIX_LENGTHS = tuple(sorted({len(p) for p in _PREFIXES}, reverse=True))
_NO_ARTICLE = _cues("no-article")
_FRACTION_NAMES = _cues("fraction-name")
_RANGE_LINKS = _cues("range-link")  # و، إلى، حتى between the two ends of a range
# rdec: a decimal written the wire's way, fraction first: 63ر54 is 54.63 (an Arabic ر for the decimal point)
_TOKEN = re.compile(r"(?P<clock>\d{1,2}:\d{2})|(?P<rdec>\d+ر\d+)|(?P<num>\d+(?:[.,]\d+)*)|(?P<word>[^\W\d_]+)"
                    r"|(?P<sign>[%٪])")
_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+$")
_DOTTED_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")  # 194.792: a dot may group thousands, as a comma does
_DECIMAL_COMMA = re.compile(r"^\d+,\d{1,2}$")
_DIGIT = re.compile(r"\d")
_LETTERS = re.compile(r"[^\W\d_]+")  # a word token of _TOKEN


class _Tok(NamedTuple):
    start: int
    end: int
    text: str
    kind: str  # num | word | sign | clock


def read_numbers(text: str) -> list[NumberMention]:
    """Every quantity in `text`, in order, with the noun it counts where one follows."""
    if not _may_have_numbers(text):
        return []
    norm = normalize_with_map(text)
    toks = [_Tok(m.start(), m.end(), m.group(), m.lastgroup or "") for m in _TOKEN.finditer(norm.text)]
    found: list[NumberMention] = []
    after = 0  # the token after the last phrase read
    for i in _phrase_starts(toks):
        if i < after:
            continue
        phrase = _read_phrase(toks, i)
        if phrase is None:
            continue
        end_i, value, unit, approximate = phrase
        if value == 1 and "أ" in text[slice(*norm.to_original(toks[i].start, toks[i].end))]:
            continue  # وأحد is "and one of", not واحد
        if unit is None and value == 1 and end_i == i + 1 and _after_noun(toks, i):
            unit = noun_form(toks[i - 1].text)  # عائلة واحدة، قتيل واحد: "one" after the noun it counts
        elif unit is None:
            unit, end_i = _counted_noun(norm.text, toks, end_i)
        if end_i == i + 1 and _thousands_dotted(toks[i].text, unit):
            value = float(toks[i].text.replace(".", ""))
        start, _ = norm.to_original(toks[i].start + _proclitic_length(toks[i]), toks[i].end)
        _, end = norm.to_original(toks[end_i - 1].start, toks[end_i - 1].end)
        found.append(NumberMention(start, end, value, unit, approximate))
        after = end_i
    return found


def _thousands_dotted(digits: str, unit: str | None) -> bool:
    """Whether dots group the thousands of a figure (194.792 كرتونا، 1.250.000): groups of three digits after a dot,
    and either several dots or a counted noun of whole things (no unit of measure, money or percent, of which a
    fraction is told: 584.376 طنا، 2.500 كيلومتر; no function word: 98.088 في المعاملات is an index)."""
    if not _DOTTED_THOUSANDS.match(digits):
        return False
    return digits.count(".") > 1 or (unit is not None and len(unit) > 2 and unit_key(unit) not in _MEASURES)


def _after_noun(toks: list[_Tok], i: int) -> bool:
    """Whether the number word at i follows a noun right before it, with no number word or punctuation between."""
    return (i > 0 and toks[i].kind == "word" and toks[i - 1].kind == "word" and not _number_like(toks[i - 1].text)
            and toks[i - 1].end + 1 >= toks[i].start)


def _may_have_numbers(text: str) -> bool:
    """Whether a text has a digit or a word that could be a number word (a quick test first; normalising keeps
    digits digits and spaces spaces, so each piece between spaces is normalised on its own, once)."""
    return _DIGIT.search(text) is not None or any(map(_piece_may_count, text.split()))


@lru_cache(maxsize=1 << 16)  # pieces between spaces: the frequent ones
def _piece_may_count(piece: str) -> bool:
    """Whether a piece of text between spaces has a word that could be a number word."""
    return any(map(_number_like, _LETTERS.findall(normalize(piece))))


def _phrase_starts(toks: list[_Tok]) -> list[int]:
    """The tokens a number phrase can start at: digits and words that could be number words."""
    return [k for k, tok in enumerate(toks)
            if tok.kind in ("num", "rdec") or (tok.kind == "word" and _number_like(tok.text))]


def _proclitic_length(tok: _Tok) -> int:
    """How many leading characters of a number word are proclitics (و، ب، ل، ال), kept out of its span."""
    if tok.kind != "word":
        return 0
    bare = _bare(tok.text, _NUMBER_LIKE)
    return len(tok.text) - len(bare[0]) if bare else 0


def _bare(word: str, table_has: Container[str]) -> tuple[str, bool] | None:
    """The word without proclitics if the rest is in the table: (bare word, had the conjunction و)."""
    if word in table_has:
        return word, False
    for length in _PREFIX_LENGTHS:  # longest first, as in _PREFIXES; one prefix of each length can match
        prefix, rest = word[:length], word[length:]
        if prefix in _PREFIX_SET and len(rest) >= 2 and rest in table_has:
            if prefix.endswith(("ال", "لل")) and rest in _NO_ARTICLE:
                return None
            return rest, prefix.startswith("و")
    return None


_NUMBER_WORDS: dict[str, float] = {**UNITS, **TENS, **HUNDREDS, **SCALES, **DUAL_SCALES, **FRACTIONS, **APPROXIMATE}
_NUMBER_LIKE = frozenset(_NUMBER_WORDS.keys() | DUAL_NOUNS.keys() | TEEN_HEADS.keys())  # proclitics come off these
_TEEN_PARTS: dict[str, float] = {**TEEN_HEADS, **UNITS}
_SMALL_PARTS = frozenset(UNITS.keys() | TENS.keys() | HUNDREDS.keys())


def _word_value(tok: _Tok) -> tuple[str, float, bool] | None:
    """(bare word, value, joined by و) for a number word, None otherwise."""
    if tok.kind != "word":
        return None
    bare = _bare(tok.text, _NUMBER_WORDS)
    if bare is None:
        return None
    return bare[0], _NUMBER_WORDS[bare[0]], bare[1]


def digits_value(text: str) -> float:
    """A digit string as a number: 1,000 and 1.5 (the comma groups thousands only in groups of three); 6,8 with one
    or two digits after the comma is a decimal comma (6.8), as the Maghrebi press writes it."""
    if _THOUSANDS.match(text):
        return float(text.replace(",", ""))
    if _DECIMAL_COMMA.match(text):
        return float(text.replace(",", "."))
    head = text.split(",")[0]
    return float(head) if head.count(".") <= 1 else float(head.split(".")[0])


def _read_phrase(toks: list[_Tok], i: int) -> tuple[int, float, str | None, bool] | None:
    """A number phrase starting at token i: (index after it, value, unit if the phrase is a dual noun, approx)."""
    tok = toks[i]
    if tok.kind == "rdec":
        fraction, whole = tok.text.split("ر")
        return _continue_phrase(toks, i + 1, float(f"{whole}.{fraction}"), False)
    if tok.kind == "num":
        read = _continue_phrase(toks, i + 1, digits_value(tok.text), False)
        return read if read[0] > i + 1 else (read[0], read[1] * _range_scale(toks, i), None, False)
    if tok.kind != "word" or not _number_like(tok.text):
        return None
    dual = _bare(tok.text, DUAL_NOUNS)
    if dual is not None and not dual[1]:
        return i + 1, 2.0, DUAL_NOUNS[dual[0]], False
    teen = _teen(toks, i)
    if teen is not None:
        return _continue_phrase(toks, i + 2, teen, False)
    word = _word_value(tok)
    if word is None:
        return None
    bare, value, _ = word
    if bare in FRACTIONS and i + 1 < len(toks) and toks[i + 1].text in _FRACTION_NAMES:
        return None  # ربع النهائي: the quarter-final, a name and no quantity
    if bare in APPROXIMATE:
        return _approximate(toks, i, value)
    scale = value if bare in SCALES else value / 2 if bare in DUAL_SCALES else 1.0
    return _continue_phrase(toks, i + 1, value, False, scale)


@lru_cache(maxsize=1 << 18)
def _number_like(word: str) -> bool:
    """Whether the word, some proclitics off, could be in a number table (a quick test before the tables)."""
    return any(word[cut:] in _NUMBER_LIKE for cut in range(_PREFIX_LENGTHS[0] + 1))


def _teen(toks: list[_Tok], i: int) -> float | None:
    """أحد عشر … تسعة عشر: a unit followed by عشر/عشرة."""
    if i + 1 >= len(toks) or toks[i + 1].text not in TEN_WORDS:
        return None
    head = _bare(toks[i].text, _TEEN_PARTS)
    if head is None or head[0] in TEN_WORDS:
        return None
    return TEEN_HEADS.get(head[0], UNITS.get(head[0], 0)) + 10


def _approximate(toks: list[_Tok], i: int, value: float) -> tuple[int, float, str | None, bool]:
    """عشرات، مئات، آلاف, optionally followed by a definite scale: مئات الملايين, عشرات الآلاف; بضع before one of
    them multiplies it: بضع مئات (a few hundred), بضعة آلاف."""
    j = i + 1
    if value < 10 and j < len(toks) and (plural := _word_value(toks[j])) is not None and not plural[2] and (
            plural[0] in APPROXIMATE and plural[1] >= 10):
        value, j = value * plural[1], j + 1
    if j < len(toks) and toks[j].kind == "word" and toks[j].text.startswith("ال"):
        scale = SCALES.get(toks[j].text[2:])
        if scale is not None:
            return j + 1, value * scale, None, True
    return j, value, None, True


def _continue_phrase(toks: list[_Tok], j: int, value: float, approximate: bool,
                     last_scale: float = 1.0) -> tuple[int, float, str | None, bool]:
    """Extend a number by the words that compose with it: a scale, و + a smaller part, a fraction of a scale."""
    while j < len(toks) and toks[j].kind == "word":
        if last_scale > 1 and (joined_digits := _joined_digits(toks, j, last_scale)) is not None:
            j, part = joined_digits
            value += part
            break
        word = _word_value(toks[j])
        if word is None:
            break
        bare, part, joined = word
        if not joined and bare in SCALES and part > value:
            value, last_scale = value * part, part
        elif joined and bare in TENS and value < 10:
            value += part
        elif joined and bare in FRACTIONS and last_scale > 1:
            value += part * last_scale
        elif joined and bare in _SMALL_PARTS and part < _order(value) and value % _order(value) == 0:
            value += part
        else:
            break
        j += 1
    return j, value, None, approximate


def _range_scale(toks: list[_Tok], i: int) -> float:
    """The scale a bare number shares with the other end of its range: "بين 18 و20 ألفا" is 18000 to 20000, "5 إلى
    6 آلاف" 5000 to 6000; 1 when no larger number with a scale follows as the other end."""
    link, other = i + 1, i + 2
    if (other + 1 >= len(toks) or toks[link].text not in _RANGE_LINKS or toks[other].kind != "num"
            or digits_value(toks[i].text) >= 1000):
        return 1.0
    scale = SCALES.get(toks[other + 1].text)
    return scale if scale is not None and digits_value(toks[other].text) > digits_value(toks[i].text) else 1.0


def _joined_digits(toks: list[_Tok], j: int, last_scale: float) -> tuple[int, float] | None:
    """و + digits after a scale, with the digits' own smaller scale if any: "59 ألفا و674" (+674), "3 ملايين و200
    ألف" (+200000), و apart from the digits too ("2 مليون و 300 ألف"); (index after it, the part) or None when the
    part is not smaller than the scale before."""
    if toks[j].text != "و" or j + 1 >= len(toks) or toks[j + 1].kind != "num" or toks[j + 1].start > toks[j].end + 1:
        return None
    part, end = digits_value(toks[j + 1].text), j + 2
    if end < len(toks) and toks[end].kind == "word" and (scale := SCALES.get(toks[end].text)) is not None:
        part, end = part * scale, end + 1
    return (end, part) if part < last_scale else None


def _order(value: float) -> float:
    """The place of the smallest non-zero part a following و-part must stay under (خمسمئة و + less than 100)."""
    for step in (1e9, 1e6, 1e3, 100, 10):
        if value >= step and value % step == 0:
            return step
    return 1.0 if value < 10 else 10.0


def _counted_noun(text: str, toks: list[_Tok], j: int) -> tuple[str | None, int]:
    """The noun after a number (skipping من، على الأقل) as a normalised singular; percent signs and words too; none
    for a day of a month (20 من شهر شوال)."""
    if j < len(toks) and text[toks[j - 1].end:toks[j].start].strip():
        return None, j  # punctuation between the number and the next word
    if j < len(toks) and (toks[j].kind == "sign" or toks[j].text in _PERCENT):
        return "%", j + 1
    if (j + 1 < len(toks) and toks[j].text in _PERCENT_PHRASE_HEADS
            and (toks[j].text, toks[j + 1].text) in _PERCENT_PHRASES):
        return "%", j + 2
    k = j
    while k < len(toks) and k < j + 2 and toks[k].text in _FILLERS:
        k += 1
    if k > j and k < len(toks) and toks[k].text in _DAY_OF:
        return None, j  # 20 من شهر شوال، 3 من الشهر الجاري: a day of a month, no count of months
    if (k < len(toks) and toks[k].kind == "word" and len(toks[k].text) > 1 and _word_value(toks[k]) is None
            and toks[k].text not in _RANGE_LINKS):
        return noun_form(toks[k].text), j
    return None, j


@lru_cache(maxsize=1 << 16)
def noun_form(word: str) -> str:
    """A counted noun as compared: normalised, article and tanween alef off, broken plurals to the singular."""
    word = normalize(word)
    if word.startswith("ال") and len(word) > 4:
        word = word[2:]
    if word in SINGULAR:
        return SINGULAR[word]
    if word.endswith("ا") and len(word) > 3:
        word = word[:-1]
    return SINGULAR.get(word, word)


# Nouns that count people; a toll in قتيلا and one in شخصا speak of the same slot.
PERSON_NOUNS = _cues("person")


def unit_class(unit: str | None) -> str | None:
    """The slot a counted noun fills for comparison: "person" for people, else its loose key."""
    key = unit_key(unit)
    if key is None:
        return None
    return "person" if key in PERSON_NOUNS or unit in PERSON_NOUNS else key


def unit_key(unit: str | None) -> str | None:
    """A looser key for a counted noun, so sound plurals meet their singular (مدنيين ~ مدني، ساعات ~ ساعة)."""
    if unit is None:
        return None
    for suffix in ("ات", "ين", "ون", "ه"):
        if unit.endswith(suffix) and len(unit) - len(suffix) >= 3:
            return unit[: -len(suffix)]
    return unit


# Units of measure, money and rates (طن، كيلومتر، درجة، ريال): a figure in one may have a fraction (584.376 طنا).
_MEASURES = frozenset(unit_key(noun_form(word)) for word in _cues("measure"))
