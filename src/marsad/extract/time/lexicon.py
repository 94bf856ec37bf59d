"""Word tables for Arabic time expressions: months of every region, Hijri months, weekdays, numbers, units, cues.

The words are data, one table per kind of knowledge under `marsad/models/time/` (read with `marsad.resources`;
each file says where its rows come from). They are written as outlets spell them and normalised here with
`marsad.text.normalize.normalize`, so lookups run on the same form as the text (no hamza on alef, ه for ة, ي for ى,
ASCII digits, no diacritics). Only a handful of particles stay in the code (`PARTICLES`).
"""
from __future__ import annotations

from marsad.resources import MODELS_DIR, Fields, fields
from marsad.text.normalize import normalize

TABLES = MODELS_DIR / "time"


def _rows(name: str) -> tuple[Fields, ...]:
    return fields(TABLES / name)


def _words(name: str, kind: str) -> tuple[str, ...]:
    """The normalised last cells of the rows of table `name` whose first cell is `kind`, in order."""
    return tuple(normalize(row[-1]) for row in _rows(name) if row[0] == kind)


def _kinds(name: str, kinds: dict[str, int]) -> dict[str, int]:
    """Normalised last cell -> the number of its row's kind (first cell), for the rows of `kinds`."""
    return {normalize(row[-1]): kinds[row[0]] for row in _rows(name) if row[0] in kinds}


# Month names of every region and the Hijri calendar (months.tsv: calendar, month, name, region, ambiguous).
_MONTHS = _rows("months.tsv")
GREGORIAN_MONTHS: dict[str, int] = {normalize(row[2]): int(row[1]) for row in _MONTHS if row[0] == "gregorian"}
HIJRI_MONTHS: dict[str, int] = {normalize(row[2]): int(row[1]) for row in _MONTHS if row[0] == "hijri"}
# Month names that are also ordinary words (مارس "practised", آب "father", ...): never taken alone.
AMBIGUOUS_MONTHS = frozenset(normalize(row[2]) for row in _MONTHS if row[4] == "yes")
# Python weekday numbers: Monday is 0.
WEEKDAYS: dict[str, int] = {normalize(name): int(day) for day, name in _rows("weekdays.tsv")}

# Cardinals: 1-10 combine with عشر and with و and a ten; the tens, hundreds and ألف stand alone.
_NUMBERS = [(int(value), normalize(word)) for value, word in _rows("numbers.tsv")]
CARDINAL_UNITS: dict[str, int] = {word: value for value, word in _NUMBERS if value <= 10}
CARDINAL_TENS: dict[str, int] = {word: value for value, word in _NUMBERS if value > 10}
# Ordinals for days of the month (masculine: اليوم) and clock hours (feminine: الساعة).
DAY_ORDINALS: dict[str, int] = {normalize(w): int(v) for counts, v, w in _rows("ordinals.tsv") if counts == "day"}
DECADES: dict[str, int] = {normalize(w): int(v) for counts, v, w in _rows("ordinals.tsv") if counts == "decade"}
HOUR_ORDINALS: dict[str, int] = {normalize(w): int(v) for counts, v, w in _rows("ordinals.tsv") if counts == "hour"}
MINUTE_FRACTIONS: dict[str, int] = {normalize(word): int(minutes) for minutes, word in _rows("minutes.tsv")}

# Duration units: ISO designator and form (one, acc, plural, dual); with the article, before a modifier.
UNIT_FORMS: dict[str, tuple[str, str]] = {
    normalize(word): (unit, form) for unit, form, word in _rows("units.tsv") if form != "definite"
}
REL_UNITS: dict[str, str] = {normalize(word): unit for unit, form, word in _rows("units.tsv") if form == "definite"}

# Parts of the day: nouns that head a day phrase (صباح اليوم) and adverbs that follow an hour (السابعة مساء).
PARTS_OF_DAY: dict[str, str] = {normalize(word): part for use, part, word in _rows("day_parts.tsv") if use == "noun"}
HOUR_ADVERBS: dict[str, str] = {
    normalize(word): part for use, part, word in _rows("day_parts.tsv") if use in ("adverb", "bare-adverb")
}
# Adverbs that date themselves after a dated phrase of the same sentence (وغادرها مساء).
BARE_ADVERBS = frozenset(_words("day_parts.tsv", "bare-adverb"))

# Days from the anchor: one word (أمس) or a phrase (أول من أمس، بعد غد).
REL_DAYS: dict[str, int] = {normalize(phrase): int(offset) for offset, phrase in _rows("relative_days.tsv")}
REL_DAY_WORDS = max(len(phrase.split()) for phrase in REL_DAYS)
REL_MODS: dict[str, int] = _kinds("modifiers.tsv", {"past": -1, "current": 0, "next": 1})
# The same, preceding and following unit of the date the narrative last gave (اليوم التالي، الشهر نفسه).
ANAPHORIC_MODS: dict[str, int] = _kinds("modifiers.tsv", {"preceding": -1, "same": 0, "following": 1})
SAME_BEFORE = frozenset(_words("modifiers.tsv", "same-before"))
# قبل/بعد before a counted unit: an offset from the publication date (قبل عامين).
OFFSETS: dict[str, int] = _kinds("modifiers.tsv", {"ago": -1, "later": 1})
# Words after a unit that define it themselves (الذي، من): the unit is then no offset or anaphor.
DEFINED_BY = frozenset(_words("modifiers.tsv", "defined"))
# Words that narrow a month or year (أواخر العام الماضي): kept in the span, the value stays the same.
SPAN_MODIFIERS = frozenset(_words("modifiers.tsv", "narrowing"))
APPROX = frozenset(_words("modifiers.tsv", "approximate"))

# Context (context.tsv): words before a bare month name that make it a date (في يناير), and before a bare year.
MONTH_CUES = frozenset(_words("context.tsv", "month"))
YEAR_CUES = MONTH_CUES | frozenset(_words("context.tsv", "year"))
# Prepositions after which a number is a year, whatever follows (في 2020، منذ 1993); إلى/من/بين may count things.
TIME_PREPOSITIONS = frozenset(_words("context.tsv", "time-preposition"))
DURATION_CUES = frozenset(_words("context.tsv", "duration"))
# Words before a number that make it an identifier, not a year (القرار 2254, المادة 1980).
NOT_YEAR_BEFORE = frozenset(_words("context.tsv", "not-year-before"))
# Function words that may follow a year (انقلاب 2021 الذي ...) where a counted noun would follow a quantity.
AFTER_YEAR_OK = frozenset(_words("context.tsv", "after-year"))
# Words around اليوم that make it a named day or part of a name, not today (اليوم العالمي، روسيا اليوم).
NOT_TODAY_AFTER = frozenset(_words("context.tsv", "not-today-after"))
NOT_TODAY_BEFORE = frozenset(_words("context.tsv", "not-today-before"))
AGE_WORDS = frozenset(_words("context.tsv", "age"))

# Tense cues in the words before a weekday or a bare month: where to look for the day.
FUTURE_CUES = frozenset(_words("tense.tsv", "future"))
PAST_CUES = frozenset(_words("tense.tsv", "past"))
NEAR_CUES = frozenset(_words("tense.tsv", "near"))
# Words spelled with a future prefix س that are not verbs (سياسة، سيارة، ستة ...).
NOT_FUTURE_PREFIXES = _words("tense.tsv", "not-future")

DATE_CONNECTORS = frozenset(_words("connectors.tsv", "range"))
MONTH_ALTERNATION = frozenset(form for joins, form in _rows("connectors.tsv") if joins == "alternation")

# The words the grammar reads one by one, by role (grammar.tsv).
_GRAMMAR = _rows("grammar.tsv")


def grammar_words(role: str) -> frozenset[str]:
    """The normalised phrases of grammar.tsv with this role (يوم for `day`, عشر and عشرة for `teen`)."""
    return frozenset(normalize(phrase) for r, phrase in _GRAMMAR if r == role)


DAY_NOUNS = grammar_words("day")
DAY_PAIR = grammar_words("day-pair")
DAYS_NOUNS = grammar_words("days")
MONTH_NOUNS = grammar_words("month")
HOUR_NOUNS = grammar_words("hour")
CENTURY_NOUNS = grammar_words("century")
# Holidays on a fixed day: name -> (hijri calendar, month, day).
HOLIDAYS: dict[str, tuple[bool, int, int]] = {normalize(name): (calendar == "hijri", int(month), int(day))
                                              for calendar, month, day, name in _rows("holidays.tsv")}
HOLIDAY_WORDS = max(len(name.split()) for name in HOLIDAYS)
YEAR_NOUNS = grammar_words("year")
YEAR_LINKS = YEAR_NOUNS | grammar_words("year-link")
YEAR_PAIRS = grammar_words("year-pair")
TONIGHT = grammar_words("tonight")
AFTER_NOUN_ONLY = grammar_words("after-noun")
TEENS = grammar_words("teen")
ORDINAL_TENS = grammar_words("ordinal-ten")
COMPOUND_ORDINALS = grammar_words("compound-ordinal")
ONE = grammar_words("one")
MORE_OR_LESS = grammar_words("more-or-less")
HIJRI_MARKS = grammar_words("hijri-mark")
CALENDAR_MARKS = HIJRI_MARKS | grammar_words("gregorian-mark")
GLOSSES = grammar_words("gloss")
# The particles the grammar tests inline, in the code: they are no knowledge to keep in a table.
PARTICLES = frozenset({"من", "منه", "و", "بين", "هذا", "هذه", "كل"})
# Words the grammar tests one by one (the tokenizer splits proclitics off them).
KEYWORDS = frozenset(word for _, phrase in _GRAMMAR for word in normalize(phrase).split()) | PARTICLES
