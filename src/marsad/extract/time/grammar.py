"""A small grammar over time tokens: each rule reads a phrase at a token and returns its resolved ISO value.

Rules are tried at every token that can start a phrase (a number or a word of the time lexicon) and the longest
phrase wins (one span for "مساء أمس الأحد 25 جويلية 2021").
A phrase whose value cannot be resolved (a weekday without a publication date) is not emitted.

Every rule is registered by name in the `time` rule set (`marsad.rules`); the parser counts a hit each time a rule
reads a phrase at a token it is tried at (`marsad analyze --explain` prints the counts). The words come from the
tables of `lexicon`; only a few particles (من، بين، و، هذا، كل) are written here.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from marsad.extract.time import lexicon as lx
from marsad.extract.time import resolve as rs
from marsad.extract.time.tokens import KNOWN, Tokens, is_future_verb
from marsad.rules import RuleSet

_MOD_DIRECTION = {-1: "before", 0: "current", 1: "after"}
_UNIT_ISO = {"D": "P{}D", "W": "P{}W", "M": "P{}M", "Y": "P{}Y", "H": "PT{}H", "MIN": "PT{}M"}
_PART_ADVERB = {"MO": "AM", "AF": "NOON", "EV": "PM", "NI": "NIGHT"}
_MONTH_FIRST = frozenset(name.split()[0] for name in [*lx.GREGORIAN_MONTHS, *lx.HIJRI_MONTHS])
_NUMBERS = lx.CARDINAL_UNITS.keys() | lx.CARDINAL_TENS.keys()
_UNITS = lx.UNIT_FORMS.keys() | {"ال" + w for w, (_, form) in lx.UNIT_FORMS.items() if form == "dual"}
_HOUR_FIRST = lx.HOUR_NOUNS | lx.HOUR_ORDINALS.keys()
_DAY_RANGE_LEADS = lx.DAY_PAIR | lx.DAYS_NOUNS | {"بين"}
_REL_DAY_FIRST = frozenset(w.split()[0] for w in lx.REL_DAYS)
_COUNTED_UNITS = frozenset("ال" + w for w, (_, form) in lx.UNIT_FORMS.items() if form in ("dual", "plural"))
_DAY_WORDS = frozenset(w for w in lx.REL_DAYS if lx.REL_DAYS[w] == 0) | lx.TONIGHT  # اليوم، الليلة
_PART_FIRST = frozenset(w.split()[0] for w in lx.PARTS_OF_DAY)
# Hours a part of the day can hold (a clock time is not anchored to a day phrase of another part).
_PART_HOURS = {"MO": range(3, 13), "AF": range(11, 19), "EV": range(15, 24), "NI": (*range(18, 24), *range(0, 6))}
_WINDOW_JOINERS = lx.DATE_CONNECTORS | {"و"}
_CLOCK_DAY_GAP = 4  # tokens between a clock time and the day phrase after it that dates it (بتوقيت مكة يوم)


@dataclass(frozen=True, slots=True)
class Hit:
    """A phrase over tokens [i, j) with its value; `grain` is day, month, year, time or other."""

    i: int
    j: int
    value: str
    kind: str
    grain: str = "other"
    hijri: bool = False


@dataclass(frozen=True, slots=True)
class _Date:
    """A date as read, before resolution: any field may be missing."""

    day: int | None = None
    month: int | None = None
    year: int | None = None
    hijri: bool = False
    mod: int | None = None  # -1 الماضي, 0 الجاري, 1 المقبل


@dataclass(frozen=True, slots=True)
class _Clock:
    j: int
    hour: int
    minute: int
    adverb: str | None
    cued: bool  # الساعة before it, an adverb after it, or H:MM


RULES = RuleSet("time")
Rule = Callable[["Grammar", int], Hit | None]
_FIRST_WORDS: dict[Rule, frozenset[str]] = {}
_NAMES: dict[Rule, str] = {}
_NOT_AT_NUMBERS: set[Rule] = set()


def register(name: str) -> str:
    """Register `name` in the `time` rule set, so that `hit_counts()` lists it before it first fires."""
    if name in RULES.names:
        raise ValueError(f"rule {name!r} registered twice in {RULES.stage!r}")
    RULES.hit(name, 0)
    return name


def _rule(name: str, *words: Iterable[str], numbers: bool = True) -> Callable[[Rule], Rule]:
    """Register a grammar rule as `name` and declare the words that its phrase can begin with, and whether a number
    can begin it too: `Grammar` tries it only there, and counts a hit each time it reads a phrase (one increment
    per firing, no wrapper around the rule)."""
    def mark(rule: Rule) -> Rule:
        _NAMES[rule] = register(name)
        _FIRST_WORDS[rule] = frozenset().union(*words)
        if not numbers:
            _NOT_AT_NUMBERS.add(rule)
        return rule
    return mark


_BARE_PART_OF_DAY = register("bare_part_of_day")
_PRESENT_CLAUSE = register("present_clause_weekday")
_CLOCK_ANCHORED = register("clock_anchored")
_WEEKDAY_YEAR = register("weekday_fixes_year")
_NIGHT_PAIR = register("night_of_two_days")
_HIJRI_MONTH = register("hijri_month_of_the_year")
_CENTURY = 100


class Grammar:
    """The rules, bound to one article's tokens and publication date."""

    def __init__(self, toks: Tokens, anchor: date | None) -> None:
        self.t = toks
        self.words = toks.words
        self.n = len(toks)
        self.anchor = anchor
        self.last_month: tuple[int, int] | None = None
        self.last_day: date | None = None  # the date the narrative last gave, for اليوم التالي and clock times

    # ---- token access
    def w(self, i: int) -> str:
        return self.words[i] if 0 <= i < self.n else ""

    def num(self, i: int, digits: int = 2) -> int | None:
        word = self.w(i)
        return int(word) if word.isdecimal() and len(word) <= digits else None

    def glued(self, i: int) -> bool:
        """Token i follows the previous one with no space (2023م، و17)."""
        return 0 < i < self.n and not self.t.spaced(i)

    # ---- driver
    def parse(self) -> list[Hit]:
        """Longest phrase at each token, left to right."""
        hits: list[Hit] = []
        end = 0
        for i in self.starts():
            if i < end:
                continue
            found: list[Hit] = []
            for rule in self.rules_at(i):
                if h := rule(self, i):
                    found.append(h)
                    RULES.hit(_NAMES[rule])
            if not found:
                continue
            best = max(found, key=lambda h: h.j)
            hits.append(best)
            if best.grain in ("day", "month") and self.names_month(best):
                self.last_month = (int(best.value[:4]), int(best.value[5:7]))
            if best.grain == "day":
                self.last_day = date.fromisoformat(best.value[:10])
            end = best.j
        return self.bare_parts_of_day(hits)

    def starts(self) -> list[int]:
        """The tokens a phrase can start at: numbers and the first words of rules."""
        return [i for i, word in enumerate(self.words) if word in _RULES_BY_WORD or word[:1].isdecimal()]

    def rules_at(self, i: int) -> tuple[Rule, ...]:
        """The rules that can read a phrase at token i: those that can start with a number at a number (digits,
        H:MM), else those that start with its word (a lexicon word: a cue, month, unit, يوم، من…)."""
        word = self.words[i]
        return _NUMBER_RULES if word[:1].isdecimal() else _RULES_BY_WORD.get(word, ())

    def names_month(self, hit: Hit) -> bool:
        """The phrase spells its month (so that a later منه can refer to it)."""
        return any(self.w(x) in lx.GREGORIAN_MONTHS or self.w(x) == "/" for x in range(hit.i, hit.j))

    # ---- pieces
    def month_name(self, i: int) -> tuple[int, int, bool] | None:
        """(end, month, hijri) for a month name, with the same month in another set after / ( - (أيلول/سبتمبر)."""
        hijri = self.named_in(i, lx.HIJRI_MONTHS)
        if hijri:
            return hijri[0], hijri[1], True
        got = self.named_in(i, lx.GREGORIAN_MONTHS)
        if not got:
            return None
        j, month = got
        k = j + 1 if self.w(j) in lx.MONTH_ALTERNATION else j
        alt = self.named_in(k, lx.GREGORIAN_MONTHS)
        if alt and alt[1] == month and (k > j or self.w(j - 1) != self.w(k)):
            j = alt[0] + (self.w(alt[0]) == ")")
        return j, month, False

    def named_in(self, i: int, table: dict[str, int]) -> tuple[int, int] | None:
        """(end, number) for a one- or two-word name from `table` at i."""
        two = f"{self.w(i)} {self.w(i + 1)}"
        if two in table:
            return i + 2, table[two]
        if self.w(i) in table:
            return i + 1, table[self.w(i)]
        return None

    def year_at(self, i: int, lo: int = 1000) -> tuple[int, int, str] | None:
        """(end, year, calendar mark م/ه or "") for a four-digit year."""
        word = self.w(i)
        if not (word.isdecimal() and len(word) == 4 and lo <= int(word) <= 2100):
            return None
        j = i + 1
        mark = self.w(j) if self.w(j) in lx.CALENDAR_MARKS else ""
        return j + bool(mark), int(word), mark

    def year_part(self, i: int) -> tuple[int, int, str] | None:
        """A year after a month: optional comma, optional لعام/عام/من عام/سنة, the year."""
        k = i + 1 if self.w(i) in ("،", ",") else i
        if f"{self.w(k)} {self.w(k + 1)}" in lx.YEAR_LINKS:
            k += 2
        elif self.w(k) in lx.YEAR_LINKS:
            k += 1
        return self.year_at(k)

    def day_ordinal(self, i: int) -> tuple[int, int] | None:
        """(end, day) for الأول ... الحادي والثلاثين."""
        day = lx.DAY_ORDINALS.get(self.w(i))
        if day is None:
            return None
        nxt = self.w(i + 1)
        if day < 10 and nxt in lx.TEENS:
            return i + 2, day + 10
        if day < 10 and nxt in lx.ORDINAL_TENS and self.t.clitic(i + 1) == "و":
            total = day + lx.DAY_ORDINALS[nxt]
            return (i + 2, total) if total <= 31 else None
        return None if self.w(i) in lx.COMPOUND_ORDINALS else (i + 1, day)

    def day_at(self, i: int) -> tuple[int, int] | None:
        day = self.num(i)
        if day is not None:
            return (i + 1, day) if 1 <= day <= 31 and not self.glued_number(i) else None
        return self.day_ordinal(i)

    def glued_number(self, i: int) -> bool:
        """A digit group that is part of a larger number (1.5، 3,000، 12:30)."""
        before = self.glued(i) and self.w(i - 1) in (".", ",", ":") and self.num(i - 2, 9) is not None
        return before or self.continues_number(i + 1, (".", ",", ":"))

    def continues_number(self, k: int, seps: tuple[str, ...] = ("/", "-", ".")) -> bool:
        """Token k glues one more number group on (2021/11/25/3، 3,000): what comes before is not whole."""
        return self.glued(k) and self.w(k) in seps and self.glued(k + 1) and self.num(k + 1, 9) is not None

    def date_core(self, i: int) -> tuple[int, _Date] | None:
        """The longest date at i: day + month (+ year | mod), ordinal من month, numeric d/m/y, month + year/mod."""
        return self.numeric_date(i) or self.day_month(i) or self.month_only(i)

    def day_month(self, i: int) -> tuple[int, _Date] | None:
        k = i + 1 if self.w(i) in lx.DAY_NOUNS else i
        got = self.day_at(k)
        if not got:
            return None
        k, day = got
        if self.w(k) == "منه" and self.last_month:
            return k + 1, _Date(day, self.last_month[1], self.last_month[0])
        k += self.w(k) == "من"
        this_month = self.month_of_anchor(k)
        if this_month:
            return this_month[0], _Date(day, this_month[2], this_month[1])
        named = self.month_name(k)
        if not named:
            return None
        k, month, hijri = named
        return self.year_or_mod(k, _Date(day, month, hijri=hijri))

    def month_of_anchor(self, k: int) -> tuple[int, int, int] | None:
        """(end, year, month) for a month named by the anchor: الجاري، الشهر الماضي، هذا الشهر."""
        if self.anchor is None:
            return None
        if lx.REL_MODS.get(self.w(k)) == 0:
            return k + 1, self.anchor.year, self.anchor.month
        if lx.REL_UNITS.get(self.w(k)) == "M" and self.w(k + 1) in lx.REL_MODS:
            end, shift = k + 2, lx.REL_MODS[self.w(k + 1)]
        elif self.w(k) == "هذا" and lx.REL_UNITS.get(self.w(k + 1)) == "M":
            end, shift = k + 2, 0
        else:
            return None
        return end, *rs.shift_month(self.anchor.year, self.anchor.month, shift)

    def month_only(self, i: int) -> tuple[int, _Date] | None:
        noun = self.w(i) in lx.MONTH_NOUNS
        got = self.month_name(i + noun)
        if not got:
            return None
        k, month, hijri = got
        got = self.year_or_mod(k, _Date(None, month, hijri=hijri))
        if got and (got[1].year or got[1].mod is not None):
            return got
        cue = self.w(i - 1) in lx.MONTH_CUES or noun
        ambiguous = self.w(k - 1) in lx.AMBIGUOUS_MONTHS and not noun
        return (k, _Date(None, month, hijri=hijri)) if cue and not ambiguous else None

    def year_or_mod(self, k: int, d: _Date) -> tuple[int, _Date]:
        got = self.year_part(k)
        if got:
            end, year, mark = got
            return end, replace(d, year=year, hijri=d.hijri or mark in lx.HIJRI_MARKS)
        if self.w(k) in lx.REL_MODS:
            return k + 1, replace(d, mod=lx.REL_MODS[self.w(k)])
        return k, d

    def numeric_date(self, i: int) -> tuple[int, _Date] | None:
        """25/11/2021، 2021-11-25، ٢٢ / ١ / ١٤٢٢هـ."""
        seps = ("/", "-", ".")
        if self.w(i + 1) not in seps or self.w(i + 3) != self.w(i + 1):
            return None
        first, second = self.num(i, 4), self.num(i + 2)
        if first is None or second is None:
            return None
        if len(self.w(i)) == 4:
            third = self.num(i + 4)
            if third is None or self.continues_number(i + 5):
                return None
            year, month, day, end, mark = first, second, third, i + 5, ""
        else:
            got = self.year_at(i + 4)
            if not got or self.continues_number(got[0]):
                return None
            end, year, mark = got
            day, month = first, second
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        return end, _Date(day, month, year, hijri=mark in lx.HIJRI_MARKS or 1300 <= year <= 1500)

    # ---- resolution
    def direction(self, i: int) -> str:
        """Past by default; the nearest tense cue in the words before i decides otherwise."""
        for k in range(i - 1, max(-2, i - 9), -1):
            if k < 0 or self.t.brk(k + 1):  # the sentence starts at k + 1
                return "near" if self.present_clause(k + 1) else "past"
            word = self.w(k)
            if word in lx.FUTURE_CUES or is_future_verb(word):
                return "future"
            if word in lx.NEAR_CUES and i - k <= 3:
                return "near"
            if word in lx.PAST_CUES:
                return "past"
        return "past"

    def present_clause(self, k: int) -> bool:
        """A sentence opened by a present-tense verb (ويلتقي الفريقان، يصل الوفد) speaks of days around the anchor:
        a weekday in it is the nearest one, ahead or behind."""
        word = self.w(k)
        word = word[1:] if word[:1] in "وف" and len(word) > 4 else word
        if len(word) >= 4 and word[0] == "ي" and word not in KNOWN:
            RULES.hit(_PRESENT_CLAUSE)
            return True
        return False


    def resolve(self, d: _Date, i: int) -> tuple[str, str] | None:
        """(value, grain) of a read date, or None when it needs an anchor that is missing."""
        if d.hijri:
            return self.resolve_hijri(d, i)
        if d.month is None:
            return None
        if d.year is not None:
            if d.day is None:
                return rs.iso_month(d.year, d.month), "month"
            day = rs.valid_date(d.year, d.month, d.day)
            return (day.isoformat(), "day") if day else None
        if self.anchor is None:
            return None
        direction = _MOD_DIRECTION[d.mod] if d.mod is not None else self.direction(i)
        if d.day is None:
            return rs.iso_month(rs.month_year(self.anchor, d.month, direction), d.month), "month"
        day = rs.day_month_date(self.anchor, d.month, d.day, direction)
        return (day.isoformat(), "day") if day else None

    def resolve_hijri(self, d: _Date, i: int) -> tuple[str, str] | None:
        if d.year is None and d.day is None and d.month is not None and self.anchor is not None:
            return self.hijri_month_near(d, i)
        year = d.year
        if year is None and self.anchor is not None and d.day is not None:
            year = rs.hijri_year_of(self.anchor)
        if year is None or d.month is None:
            return None
        if d.day is None:
            value = rs.hijri_month_interval(year, d.month)
            return (value, "other") if value else None
        g = rs.hijri_to_gregorian(year, d.month, d.day)
        if g and d.year is None and self.anchor and g > self.anchor:
            g = rs.hijri_to_gregorian(year - 1, d.month, d.day)
        return (g.isoformat(), "day") if g else None

    def hijri_month_near(self, d: _Date, i: int) -> tuple[str, str] | None:
        """شهر رمضان، شوال الجاري، ذي الحجة الماضي: a Hijri month named without its year is the one of the year
        around the anchor that the modifier or the tense points to (the latest begun by default)."""
        year = rs.hijri_year_of(self.anchor)
        if year is None or d.month is None:
            return None
        months = [(value, date.fromisoformat(value[:10]), date.fromisoformat(value[11:]))
                  for y in (year - 1, year, year + 1) if (value := rs.hijri_month_interval(y, d.month))]
        direction = _MOD_DIRECTION[d.mod] if d.mod is not None else self.direction(i)
        if direction == "current":
            pick = [m for m in months if m[1] <= self.anchor <= m[2]] or [m for m in months if m[1].year
                                                                          == self.anchor.year]
        elif direction in ("future", "after"):
            pick = [m for m in months if m[2] >= self.anchor and (direction == "future" or m[1] > self.anchor)]
        elif direction == "near":
            pick = sorted(months, key=lambda m: abs((m[1] - self.anchor).days))
        else:
            pick = [m for m in months if m[1] <= self.anchor and (direction == "past" or m[2] < self.anchor)][-1:]
        if not pick:
            return None
        RULES.hit(_HIJRI_MONTH)
        return pick[0][0], "other"

    # ---- rules
    @_rule("date_phrase", lx.SPAN_MODIFIERS, lx.DAY_NOUNS, lx.MONTH_NOUNS, lx.DAY_ORDINALS, _MONTH_FIRST)
    def date_phrase(self, i: int) -> Hit | None:
        """An absolute or partly given date, with a narrowing word before it (أواخر ديسمبر 2020)."""
        k = i + 1 if self.w(i) in lx.SPAN_MODIFIERS else i
        got = self.date_core(k)
        if not got or (k > i and got[1].day is not None):
            return None
        res = self.resolve(got[1], i)
        if not res:
            return None
        return Hit(i, got[0], res[0], "interval" if "/" in res[0] else "date", res[1], got[1].hijri)

    @_rule("day_phrase", {w.split()[0] for w in lx.PARTS_OF_DAY}, lx.DAY_NOUNS, lx.TONIGHT, _REL_DAY_FIRST,
           lx.WEEKDAYS, numbers=False)
    def day_phrase(self, i: int) -> Hit | None:
        """Part of day, يوم, أمس/اليوم/غدا, weekday, and an explicit date after them, as one phrase."""
        k, part = self.part_of_day(i)
        k += self.w(k) in lx.DAY_NOUNS
        rel, k = self.relative_day(k, bool(part) or self.w(k - 1) in lx.DAY_NOUNS)
        weekday = lx.WEEKDAYS.get(self.w(k))
        wmod = None
        if weekday is not None:
            if self.w(k + 1) in lx.TEENS or self.w(i - 1) == "كل":
                return None
            k += 1
            if self.w(k) in lx.REL_MODS:
                wmod, k = lx.REL_MODS[self.w(k)], k + 1
        if rel is None and weekday is None and not part and self.w(i) not in lx.DAY_NOUNS:
            return None
        explicit = self.explicit_after(k, weekday)
        if explicit:
            return replace(explicit, i=i)
        if (rel is None and weekday is None) or self.anchor is None:
            return None
        if rel == 0 and weekday is None and not part and not self.is_today(i, k):
            return None
        if rel is not None:
            day = self.anchor + timedelta(days=rel)
        elif weekday is not None:
            direction = _MOD_DIRECTION[wmod] if wmod is not None else self.direction(i)
            day = rs.weekday_date(self.anchor, weekday, "past" if direction == "current" else direction)
            if wmod is None and self.w(k) in ("-", "/") and lx.WEEKDAYS.get(self.w(k + 1)) == (weekday + 1) % 7:
                RULES.hit(_NIGHT_PAIR)  # ليل الأحد - الاثنين: the night between two days
                return Hit(i, k + 2, f"{day.isoformat()}/{(day + timedelta(days=1)).isoformat()}", "interval")
        return Hit(i, k, day.isoformat(), "date", "day")

    def part_of_day(self, i: int) -> tuple[int, str | None]:
        two = f"{self.w(i)} {self.w(i + 1)}"
        if two in lx.PARTS_OF_DAY:
            return i + 2, lx.PARTS_OF_DAY[two]
        if self.w(i) in lx.PARTS_OF_DAY:
            return i + 1, lx.PARTS_OF_DAY[self.w(i)]
        return i, None

    def relative_day(self, k: int, after_noun: bool) -> tuple[int | None, int]:
        """(days from the anchor, end) for الليلة (الماضية), and the longest relative day at k: أمس، أول أمس، اليوم،
        غدا، بعد غد; غد only after a noun (صباح غد)."""
        word = self.w(k)
        if word in lx.TONIGHT:
            return (-1, k + 2) if lx.REL_MODS.get(self.w(k + 1)) == -1 else (0, k + 1)
        if word not in _REL_DAY_FIRST or (word in lx.AFTER_NOUN_ONLY and not after_noun):
            return None, k
        for size in range(min(lx.REL_DAY_WORDS, self.n - k), 0, -1):
            rel = lx.REL_DAYS.get(" ".join(self.words[k:k + size]))
            if rel is not None:
                return rel, k + size
        return None, k

    def is_today(self, i: int, j: int) -> bool:
        """اليوم as today, not a named day (اليوم العالمي) or part of a name (روسيا اليوم)."""
        return self.w(j) not in lx.NOT_TODAY_AFTER and self.w(i - 1) not in lx.NOT_TODAY_BEFORE \
            and not self.w(j).isdecimal()  # a name such as "اليوم 24"

    def explicit_after(self, k: int, weekday: int | None = None) -> Hit | None:
        """A full date right after a weekday or day word: الأحد 25 جويلية 2021، ليلة 25 جويلية. A day and month
        without a year take the year in which they fall on the weekday written beside them."""
        k2 = k + 1 if self.w(k) == "," else k
        got = self.numeric_date(k2) or self.day_month(k2)
        if got and weekday is not None and got[1].year is None and not got[1].hijri and got[1].mod is None:
            year = self.weekday_year(got[1], weekday)
            if year is not None:
                RULES.hit(_WEEKDAY_YEAR)
                got = (got[0], replace(got[1], year=year))
        res = self.resolve(got[1], k2) if got else None
        return Hit(k2, got[0], res[0], "date", "day", got[1].hijri) if got and res and res[1] == "day" else None

    def weekday_year(self, d: _Date, weekday: int) -> int | None:
        """The year, next to the anchor's, in which the day and month fall on the weekday (nearest the anchor)."""
        if self.anchor is None or d.month is None or d.day is None:
            return None
        days = [x for y in (self.anchor.year - 1, self.anchor.year, self.anchor.year + 1)
                if (x := rs.valid_date(y, d.month, d.day)) and x.weekday() == weekday]
        return min(days, key=lambda x: abs((x - self.anchor).days)).year if days else None

    @_rule("offset_date", lx.OFFSETS, numbers=False)
    def offset_date(self, i: int) -> Hit | None:
        """قبل عام، بعد ثلاثة أشهر: a counted unit after a direction word is a date that far from the publication
        date, at the unit's grain; an offset from an event (بعد عامين من الحرب), بعد outside a future clause
        (the narrative's "later") and hours stay durations."""
        span = self.duration(i + 1)
        if span is None or self.anchor is None or span.value.startswith("PT") or self.defined_after(span.j):
            return None
        if lx.OFFSETS[self.w(i)] > 0 and self.direction(i) != "future":
            return None  # أعيد تعيينه بعد ثمانية أشهر: later than the event told, not than the publication
        n, unit = int(span.value[1:-1]), span.value[-1]
        shift = n * lx.OFFSETS[self.w(i)]
        if unit == "Y":
            return Hit(i, span.j, f"{self.anchor.year + shift:04d}", "date", "year")
        if unit == "M":
            return Hit(i, span.j, rs.iso_month(*rs.shift_month(self.anchor.year, self.anchor.month, shift)),
                       "date", "month")
        day = self.anchor + timedelta(days=shift * (7 if unit == "W" else 1))
        return Hit(i, span.j, day.isoformat(), "date", "day")

    @_rule("counted_period", _COUNTED_UNITS, {"ال"}, numbers=False)
    def counted_period(self, i: int) -> Hit | None:
        """اليومين التاليين، الأسابيع الثلاثة المقبلة، الـ48 ساعة الماضية: counted units with a direction word are an
        interval: from the publication date on (coming), up to it (past), or from the day after the date the
        narrative last gave (following), up to the day before it (preceding). Hours and minutes stay durations."""
        got = self.counted_units(i)
        if got is None:
            return None
        k, n, unit = got
        word = self.w(k)
        if word in lx.REL_MODS and lx.REL_MODS[word] != 0:
            step, base, start_gap = lx.REL_MODS[word], self.anchor, 0
        elif word in lx.ANAPHORIC_MODS and lx.ANAPHORIC_MODS[word] != 0:
            step, base, start_gap = lx.ANAPHORIC_MODS[word], self.last_day, 1
        else:
            return None
        if base is None or unit not in ("D", "W", "M", "Y"):
            return None
        near = base + timedelta(days=step * start_gap)
        far = rs.shift_date(base, unit, step * n)
        first, last = sorted((near, far))
        return Hit(i, k + 1, f"{first.isoformat()}/{last.isoformat()}", "interval")

    def defined_after(self, j: int) -> bool:
        """A word within the next few tokens defines the unit itself (بعد شهر فقط من تعيينه، اليوم نفسه الذي)."""
        ahead = range(j, min(j + 3, self.n))
        return any(self.w(k) in lx.DEFINED_BY for k in ahead) and not any(self.t.brk(k) for k in ahead)

    def counted_units(self, i: int) -> tuple[int, int, str] | None:
        """(end, count, unit) for اليومين، الأيام الثلاثة، الساعات الـ24، الـ48 ساعة, before their modifier."""
        word = self.w(i)
        if word == "ال":
            n, k = self.count(i + 1)
            unit = self.unit_at(k) if n is not None else None
            return (k + 1, n, unit[0]) if unit and n is not None else None
        unit, form = lx.UNIT_FORMS.get(word[2:], ("", ""))
        if form == "dual":
            return i + 1, 2, unit
        k = i + 1 + (self.w(i + 1) == "ال")
        n, k = self.count(k)
        return (k, n, unit) if n is not None and form == "plural" else None

    @_rule("anaphoric_day", _DAY_WORDS, lx.REL_UNITS, lx.SAME_BEFORE, _PART_FIRST, numbers=False)
    def anaphoric_day(self, i: int) -> Hit | None:
        """اليوم نفسه، في اليوم التالي، صباح اليوم السابق، نفس الشهر، العام التالي: the day, week, month or year of
        the date the narrative last gave, or the one before or after it; nothing when the text gave no date (the
        publication date is no narrative's "same day")."""
        k, _part = self.part_of_day(i)
        same_before = self.w(k) in lx.SAME_BEFORE
        k += same_before
        word = self.w(k)
        unit = "D" if word in _DAY_WORDS else lx.REL_UNITS.get(word)
        shift = 0 if same_before else lx.ANAPHORIC_MODS.get(self.w(k + 1))
        base = self.last_day
        if unit is None or shift is None or base is None:
            return None
        end = k + 1 if same_before else k + 2
        if self.w(end) in lx.DEFINED_BY:
            return None  # اليوم نفسه الذي وقع فيه الهجوم، الشهر نفسه من العام الماضي
        moved = rs.shift_date(base, unit, shift)
        if unit == "D":
            return Hit(i, end, moved.isoformat(), "date", "day")
        if unit == "W":
            return Hit(i, end, rs.relative_unit(moved, "W", 0), "interval")
        grain = {"M": "month", "Y": "year"}[unit]
        return Hit(i, end, rs.relative_unit(moved, unit, 0), "date", grain)

    @_rule("decade_or_century", lx.SPAN_MODIFIERS, lx.DECADES, lx.CENTURY_NOUNS, numbers=False)
    def era(self, i: int) -> Hit | None:
        """الستينيات، تسعينات القرن الماضي، القرن التاسع عشر، أواخر القرن الماضي: a decade or a century as the
        interval of its years. A decade without its century is the latest one begun by the publication date; a
        decade of a life (في الستينيات من عمره) is an age."""
        k = i + 1 if self.w(i) in lx.SPAN_MODIFIERS else i
        decade = lx.DECADES.get(self.w(k))
        if decade is None:
            got = self.century_at(k)
            return Hit(i, got[0], f"{got[1]:04d}/{got[1] + _CENTURY - 1:04d}", "interval") if got else None
        if any(self.w(x) in lx.AGE_WORDS for x in range(k + 1, k + 4)):
            return None
        got = self.century_at(k + 1)
        if got:
            end, start = got[0], got[1] + decade
        elif self.anchor is not None:
            start = self.anchor.year // _CENTURY * _CENTURY + decade
            end, start = k + 1, start if start <= self.anchor.year else start - _CENTURY
        else:
            return None
        return Hit(i, end, f"{start:04d}/{start + 9:04d}", "interval")

    def century_at(self, k: int) -> tuple[int, int] | None:
        """(end, first year) for القرن الماضي/الحالي، القرن العشرين، القرن الـ19، من القرن الماضي."""
        k += self.w(k) == "من"
        if self.w(k) not in lx.CENTURY_NOUNS:
            return None
        word = self.w(k + 1)
        if word in lx.REL_MODS and self.anchor is not None:
            return k + 2, (self.anchor.year // _CENTURY + lx.REL_MODS[word]) * _CENTURY
        n_at = k + 2 if word == "ال" else k + 1
        number = self.num(n_at)
        got = (n_at + 1, number) if number else self.day_ordinal(k + 1)
        return (got[0], (got[1] - 1) * _CENTURY) if got and 0 < got[1] <= 21 else None

    @_rule("holiday", {name.split()[0] for name in lx.HOLIDAYS}, numbers=False)
    def holiday(self, i: int) -> Hit | None:
        """عيد الفطر، عيد الأضحى المقبل، يوم عرفة: a holiday on a fixed day of its calendar, named without a year, is
        its occurrence nearest the publication date, or the one a modifier or a future tense points to."""
        size = next((n for n in range(min(lx.HOLIDAY_WORDS, self.n - i), 0, -1)
                     if " ".join(self.words[i:i + n]) in lx.HOLIDAYS), 0)
        if not size or self.anchor is None:
            return None
        hijri, month, day = lx.HOLIDAYS[" ".join(self.words[i:i + size])]
        k = i + size
        mod = lx.REL_MODS.get(self.w(k))
        k += mod is not None
        if hijri:
            year = rs.hijri_year_of(self.anchor)
            options = [d for y in (year - 1, year, year + 1) if (d := rs.hijri_to_gregorian(y, month, day))] \
                if year else []
        else:
            options = [d for y in (self.anchor.year - 1, self.anchor.year, self.anchor.year + 1)
                       if (d := rs.valid_date(y, month, day))]
        tense = self.direction(i)
        direction = _MOD_DIRECTION[mod] if mod else "near" if mod == 0 or tense == "past" else tense
        found = rs.pick_date(self.anchor, options, direction)
        return Hit(i, k, found.isoformat(), "date", "day", hijri) if found else None

    @_rule("relative_unit", lx.SPAN_MODIFIERS, {"هذا", "هذه"}, lx.REL_UNITS, numbers=False)
    def relative_unit(self, i: int) -> Hit | None:
        """الأسبوع/الشهر/العام + الماضي/الجاري/المقبل, هذا العام, with أواخر/مطلع before it."""
        k = i + 1 if self.w(i) in lx.SPAN_MODIFIERS else i
        if self.w(k) in ("هذا", "هذه") and self.w(k + 1) in lx.REL_UNITS:
            unit, shift, end = lx.REL_UNITS[self.w(k + 1)], 0, k + 2
        elif self.w(k) in lx.REL_UNITS and self.w(k + 1) in lx.REL_MODS:
            unit, shift, end = lx.REL_UNITS[self.w(k)], lx.REL_MODS[self.w(k + 1)], k + 2
        else:
            return None
        if self.anchor is None:
            return None
        grain = {"Y": "year", "M": "month", "W": "other"}[unit]
        kind = "interval" if unit == "W" else "date"
        return Hit(i, end, rs.relative_unit(self.anchor, unit, shift), kind, grain)

    @_rule("year_pair", lx.SPAN_MODIFIERS, {w.split()[0] for w in lx.YEAR_PAIRS}, numbers=False)
    def year_pair(self, i: int) -> Hit | None:
        """عامي 2021 و2022، بين عامي 2015 و2017: two years as an interval (the span starts at عامي)."""
        k = i + 1 if self.w(i) in lx.SPAN_MODIFIERS else i
        if f"{self.w(k)} {self.w(k + 1)}" in lx.YEAR_PAIRS:
            k += 2
        elif self.w(k) in lx.YEAR_PAIRS:
            k += 1
        else:
            return None
        first, second = self.year_at(k), None
        if first and self.w(first[0]) == "و":
            second = self.year_at(first[0] + 1)
        if first and second and first[1] < second[1]:
            return Hit(k - 1, second[0], f"{first[1]:04d}/{second[1]:04d}", "interval", "other")
        return None

    @_rule("year_phrase", lx.SPAN_MODIFIERS, lx.YEAR_NOUNS)
    def year_phrase(self, i: int) -> Hit | None:
        """عام 2000، العام 2020، في 2020، 1444هـ, 1990 إلى 1998, and a bare year where context allows."""
        k = i + 1 if self.w(i) in lx.SPAN_MODIFIERS else i
        lead = self.w(k) in lx.YEAR_NOUNS
        k += lead
        got = self.year_at(k)
        if not got:
            return None
        end, year, mark = got
        if self.glued_number(k) or (not lead and not self.bare_year_ok(i, k, end, year, mark)):
            return None
        if mark in lx.HIJRI_MARKS:
            value = rs.hijri_year_interval(year)
            return Hit(i, end, value, "interval", "other") if value else None
        to = self.w(end) in lx.DATE_CONNECTORS or self.w(end) == "/" or (self.w(end) == "و" and self.w(i - 1) == "بين")
        second = self.year_at(end + 1) if to else None
        if second and year < second[1] <= year + 100:
            return Hit(i, second[0], f"{year:04d}/{second[1]:04d}", "interval", "other")
        return Hit(i, end, f"{year:04d}", "date", "year")

    def bare_year_ok(self, i: int, k: int, end: int, year: int, mark: str) -> bool:
        """A four-digit number is a year after a cue word (في، منذ), with م, or in 1900-2099 where no counted
        noun follows it (انقلاب 2021 الذي ...) and no identifier word precedes it (القرار 2254)."""
        nxt = self.w(end)
        counted = nxt[:1].isalpha() and nxt not in lx.AFTER_YEAR_OK and not nxt.startswith("ال")
        before = self.w(k - 1)
        if mark or before in lx.TIME_PREPOSITIONS:
            return True
        if before in lx.YEAR_CUES:
            return not counted
        return 1900 <= year <= 2099 and before not in lx.NOT_YEAR_BEFORE and not counted

    @_rule("duration", lx.APPROX, _NUMBERS, {"ال" + w for w in _NUMBERS}, _UNITS)
    def duration(self, i: int) -> Hit | None:
        """A number and a unit (ثلاثة أيام، 30 يوما), a dual (يومين), or one unit where a cue says so."""
        k = i + 1 if self.w(i) in lx.APPROX else i
        n, k = self.count(k)
        unit_form = self.unit_at(k)
        if not unit_form or any(self.w(x) in lx.AGE_WORDS for x in range(i - 3, i)):
            return None
        unit, form = unit_form
        k += 1
        if n is None:
            n, k = self.implicit_count(i, k, unit, form)
            if n is None:
                return None
        if not 0 < n < 10000:
            return None
        if unit == "DEC":
            unit, n = "Y", n * 10
        return Hit(i, k, _UNIT_ISO[unit].format(n), "duration")

    def count(self, k: int) -> tuple[int | None, int]:
        """(number, end) for digits or number words before a unit; (None, k) when there is none."""
        if self.w(k).isdecimal() and len(self.w(k)) <= 4 and not self.glued_number(k):
            return int(self.w(k)), k + 1
        word = self.w(k)
        word = word[2:] if word.startswith("ال") and word[2:] in (lx.CARDINAL_UNITS | lx.CARDINAL_TENS) else word
        if word in lx.CARDINAL_TENS:
            return lx.CARDINAL_TENS[word], k + 1
        if word not in lx.CARDINAL_UNITS:
            return None, k
        n, k = lx.CARDINAL_UNITS[word], k + 1
        tens = self.w(k)
        tens = tens[2:] if tens.startswith("ال") else tens
        if n < 10 and self.w(k) in lx.TEENS:
            return n + 10, k + 1
        if k < self.n and self.t.clitic(k) == "و" and lx.CARDINAL_TENS.get(tens, 100) < 100:
            return n + lx.CARDINAL_TENS[tens], k + 1
        return n, k

    def unit_at(self, k: int) -> tuple[str, str] | None:
        word = self.w(k)
        if word in lx.UNIT_FORMS:
            return lx.UNIT_FORMS[word]
        if word.startswith("ال") and lx.UNIT_FORMS.get(word[2:], ("", ""))[1] == "dual":
            return lx.UNIT_FORMS[word[2:]]
        return None

    def implicit_count(self, i: int, k: int, unit: str, form: str) -> tuple[int | None, int]:
        """The count a unit word carries alone: a dual is 2; one unit needs واحد or a cue (لمدة شهر، نحو عام)."""
        if form == "dual":
            return 2, k
        if form not in ("one", "acc"):
            return None, k
        if self.w(k) in lx.ONE:
            return 1, k + 1
        if self.w(k).isdecimal() or self.month_name(k):
            return None, k
        before = self.w(i - 1)
        cued = (self.w(i) in lx.APPROX or before in lx.DURATION_CUES
                or (before == "من" and self.w(i - 2) in lx.MORE_OR_LESS))
        if unit == "W" or (form == "acc" and unit != "D") or (cued and unit != "D"):
            return 1, k
        return None, k

    def clock(self, i: int) -> _Clock | None:
        """An hour: H:MM, الساعة 10, الرابعة والنصف, with صباحا/مساء after it."""
        k = i + 1 if self.w(i) in lx.HOUR_NOUNS else i
        cued = k > i
        word = self.w(k)
        if ":" in word and word[0].isdecimal():
            hour, minute = (int(x) for x in word.split(":"))
            cued, k = True, k + 1
        elif word.isdecimal() and len(word) <= 2 and not self.glued_number(k):
            hour, minute, k = int(word), 0, k + 1
        elif word in lx.HOUR_ORDINALS:
            hour, k = lx.HOUR_ORDINALS[word], k + 1
            if hour in (1, 2) and self.w(k) in lx.TEENS:
                hour, k = hour + 10, k + 1
            minute = 0
            if self.w(k) in lx.MINUTE_FRACTIONS and k < self.n and self.t.clitic(k) == "و":
                minute, k = lx.MINUTE_FRACTIONS[self.w(k)], k + 1
        else:
            return None
        adverb = None
        two = f"{self.w(k)} {self.w(k + 1)}"
        if two in lx.HOUR_ADVERBS:
            adverb, k = lx.HOUR_ADVERBS[two], k + 2
        elif self.w(k) in lx.HOUR_ADVERBS and (len(self.w(k)) > 1 or ":" in self.w(k - 1) or self.w(k - 1).isdecimal()):
            adverb, k = lx.HOUR_ADVERBS[self.w(k)], k + 1
        if hour > 24 or minute > 59 or (adverb and hour > 12):
            return None
        return _Clock(k, _apply_adverb(hour, adverb), minute, adverb, cued or adverb is not None)

    def clock_day(self, k: int) -> tuple[int, str, str | None] | None:
        """(end, day, part of day) for the day an hour is on: اليوم، من مساء أمس، الأحد، 25 نوفمبر 2021."""
        k += self.w(k) == "من"
        part = lx.PARTS_OF_DAY.get(self.w(k))
        hit = self.day_phrase(k)
        return (hit.j, hit.value, part) if hit else None

    @_rule("clock_phrase", _HOUR_FIRST)
    def clock_phrase(self, i: int) -> Hit | None:
        c = self.clock(i)
        day = self.clock_day(c.j) if c else None
        if c and not c.adverb and day and day[2]:
            c = replace(c, hour=_apply_adverb(c.hour, _PART_ADVERB[day[2]]), cued=True)
        if not c or not c.cued:
            return None
        if day:
            return Hit(i, day[0], f"{day[1]}T{c.hour:02d}:{c.minute:02d}", "time", "time")
        return Hit(i, c.j, f"T{c.hour:02d}:{c.minute:02d}", "time", "time")

    @_rule("time_range", {"من"}, _HOUR_FIRST)
    def time_range(self, i: int) -> Hit | None:
        """من الثانية حتى الخامسة مساء الغد: two hours on one named day."""
        k = i + 1 if self.w(i) == "من" else i
        first = self.clock(k)
        if not first or self.w(first.j) not in lx.DATE_CONNECTORS:
            return None
        second = self.clock(first.j + 1)
        day = self.clock_day(second.j) if second else None
        if not second or not day or not (second.cued or day[2]):
            return None
        if not second.adverb and day[2]:
            second = replace(second, hour=_apply_adverb(second.hour, _PART_ADVERB[day[2]]), adverb=_PART_ADVERB[day[2]])
        hour = first.hour if first.adverb else _apply_adverb(first.hour, second.adverb)
        value = f"{day[1]}T{hour:02d}:{first.minute:02d}/{day[1]}T{second.hour:02d}:{second.minute:02d}"
        return Hit(k, day[0], value, "interval", "other")

    @_rule("day_range", _DAY_RANGE_LEADS, lx.DAY_ORDINALS)
    def day_range(self, i: int) -> Hit | None:
        """من 23 إلى 25 نوفمبر، يومي 16 و17 يناير، بين 5 و7 مايو، 30 نوفمبر - 2 ديسمبر 2021."""
        k = i + 1 if self.w(i) in _DAY_RANGE_LEADS else i
        first = self.day_at(k)
        if not first:
            return None
        start_month = self.day_month(k)
        end1 = start_month[0] if start_month else first[0]
        joiners = {"و"} if self.w(i) == "بين" else lx.DATE_CONNECTORS | {"و"}
        if self.w(end1) not in joiners:
            return None
        second = self.day_month(end1 + 1)
        if not second:
            return None
        end, last = second
        head = start_month[1] if start_month else _Date(first[1])
        head = replace(last, day=head.day, month=head.month or last.month,
                       year=head.year or last.year, mod=last.mod if head.year is None else None)
        a, b = self.resolve(head, i), self.resolve(last, i)
        if not a or not b or a[1] != "day" or b[1] != "day" or a[0] >= b[0]:
            return None
        start = i if self.w(i) in lx.DAY_PAIR else k
        return Hit(start, end, f"{a[0]}/{b[0]}", "interval", "other")

    @_rule("month_range", {"من", "بين"}, _MONTH_FIRST, numbers=False)
    def month_range(self, i: int) -> Hit | None:
        """من يناير إلى مارس 2023، بين تموز وأيلول الماضيين: two months, the year given once."""
        k = i + 1 if self.w(i) in ("من", "بين") else i
        first = self.month_name(k)
        if not first or first[2] or self.w(first[0]) not in lx.DATE_CONNECTORS | {"و"}:
            return None
        second = self.month_only(first[0] + 1)
        if not second or second[1].day is not None or (second[1].year is None and second[1].mod is None):
            return None
        end = self.resolve(second[1], i)
        if not end or end[1] != "month":
            return None
        year, month = int(end[0][:4]), int(end[0][5:7])
        start_year = year if first[1] < month else year - 1
        return Hit(k, second[0], f"{rs.iso_month(start_year, first[1])}/{end[0]}", "interval", "other")

    # ---- after the pass
    def anchor_clocks(self, hits: list[Hit]) -> list[Hit]:
        """A clock time without its day (عند الساعة 23:11) is on the day phrase right after it, else on the nearest
        day phrase before it whose part of the day can hold the hour; with neither (a timetable: تفتح المراكز
        الساعة الثامنة) it stays a time of no day, as do two times joined as a window (من الحادية عشرة ليلا حتى
        الرابعة فجرا)."""
        out = list(hits)
        for n, h in enumerate(hits):
            if not h.value.startswith("T") or "/" in h.value or self.daily_window(hits, n):
                continue
            day = self.day_after(hits, n) or self.day_before(out, n, int(h.value[1:3]))
            if day:
                RULES.hit(_CLOCK_ANCHORED)
                out[n] = replace(h, value=day + h.value)
        return out

    def daily_window(self, hits: list[Hit], n: int) -> bool:
        bare = [m for m in (n - 1, n + 1) if 0 <= m < len(hits) and hits[m].value.startswith("T")]
        return any(all(w in _WINDOW_JOINERS for w in self.words[min(hits[m].j, hits[n].j):max(hits[m].i, hits[n].i)])
                   for m in bare)

    def day_after(self, hits: list[Hit], n: int) -> str | None:
        """The date of a day phrase a few tokens after hit n, in the same sentence."""
        nxt = hits[n + 1] if n + 1 < len(hits) else None
        if nxt is None or nxt.grain != "day" or nxt.i - hits[n].j > _CLOCK_DAY_GAP:
            return None
        return None if any(self.t.brk(x) for x in range(hits[n].j, nxt.i + 1)) else nxt.value[:10]

    def day_before(self, hits: list[Hit], n: int, hour: int) -> str | None:
        """The date of the nearest earlier day phrase (or dated time) whose part of the day holds the hour."""
        for h in reversed(hits[:n]):
            if h.grain not in ("day", "time") or not h.value[:1].isdecimal():
                continue
            two = f"{self.w(h.i)} {self.w(h.i + 1)}"
            part = lx.PARTS_OF_DAY.get(two) or lx.PARTS_OF_DAY.get(self.w(h.i))
            if part is None or hour in _PART_HOURS[part]:
                return h.value[:10]
        return None

    def bare_parts_of_day(self, hits: list[Hit]) -> list[Hit]:
        """مساء/صباحا alone, after a dated phrase in the same sentence, is that day."""
        covered = {k for h in hits for k in range(h.i, h.j)}
        out = list(hits)
        for k, word in enumerate(self.words):
            if word not in lx.BARE_ADVERBS or k in covered:
                continue
            before = [h for h in hits if h.j <= k and h.grain == "day"]
            if before and not any(self.t.brk(x) for x in range(before[-1].j, k + 1)):
                out.append(Hit(k, k + 1, before[-1].value[:10], "date", "day"))
                RULES.hit(_BARE_PART_OF_DAY)
        return sorted(out, key=lambda h: h.i)


_RULES: tuple[Rule, ...] = (
    Grammar.day_range, Grammar.month_range, Grammar.time_range, Grammar.day_phrase, Grammar.date_phrase,
    Grammar.clock_phrase, Grammar.relative_unit, Grammar.year_pair, Grammar.year_phrase, Grammar.duration,
    Grammar.offset_date, Grammar.counted_period, Grammar.anaphoric_day, Grammar.era, Grammar.holiday,
)
_NUMBER_RULES = tuple(r for r in _RULES if r not in _NOT_AT_NUMBERS)
# Only lexicon words start a phrase; each is tried with its rules, in the order above (first longest wins).
_RULES_BY_WORD: dict[str, tuple[Rule, ...]] = {
    word: rules for word in KNOWN if (rules := tuple(r for r in _RULES if word in _FIRST_WORDS[r]))
}


def _apply_adverb(hour: int, adverb: str | None) -> int:
    """A 12-hour clock read with its part of day: السابعة مساء is 19, الواحدة ليلا is 1."""
    if adverb in ("PM", "NOON") and hour < 12 and not (adverb == "NOON" and hour > 4):
        return hour + 12
    if adverb == "NIGHT" and 6 <= hour < 12:
        return hour + 12
    if adverb == "AM" and hour == 12:
        return 0
    return hour
