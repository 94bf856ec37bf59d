"""Contradictions: the same slot of an event given different values by different outlets.

A slot is a kind of quantity (people killed, people injured, a duration in days, the hours of a curfew, a count of
some noun) plus the words around it (its anchors: المحادثات، الزيارة، حظر التجول). Values come from numbers
(`numbers.read_numbers`) and from time expressions (durations, date intervals counted in days, clock times).
Sentences are compared across articles, not only inside a claim, since two outlets may word them too differently
to align. What is not a contradiction: values that overlap (ranges, hedges: نحو، أكثر من، تجاوز، عشرات), a toll
given on a different day (it grows), different counted nouns, years and ordinals (never read as quantities), an
outlet that also gives the other outlet's value, a syndicated copy against its original (nor an outlet's copy
against the outlet), a span counted from a moment (بعد يومين من الهجوم), a figure forecast or planned (توقع، من
المقرر), a figure of another month or day than the one its sentence gives the other, and another incident's figure:
given for another place, far from the other toll, in a sentence that turns to another happening (من جهة أخرى), of
a happening the event followed (بعد ساعات من), or placed nowhere in an article that places its tolls in two places;
a part of a toll (ستة من الشهداء، those carried or seen off), another owner's measure (طوله against طولها), and a
running total up to a moment (حتى الساعة ...) against one of another day; a count whose noun is qualified apart (42
مشروعا ذات أولوية against 40 projects, tanks another holder has), a figure of some areas only (في بعض المناطق), two
values a report lists side by side (a deadline of 30 days for some, 60 for others), the steps of a toll one
outlet tells rising over one day, a figure of another happening named before it (زلزال آخر، الهجوم السابق), and a
span in weeks against one within half a week of it (three weeks, a 20-day camp). Martyrs (استشهاد، شهداء) are the
dead.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from marsad.compare.claims import MARKS, STOPWORDS, ByStart, EventSentence, numbered_sentences, stem
from marsad.compare.incidents import Incident, incident_near
from marsad.compare.numbers import SCALES, NumberMention, digits_value, noun_form, unit_key
from marsad.compare.tense import future_verb
from marsad.extract.quotes.cues import ACCORDING_TO, CONTINUATION, CUE_READINGS
from marsad.extract.time.timexes import find_timexes
from marsad.resources import MODELS_DIR, column, fields
from marsad.rules import RuleSet
from marsad.settings import DEFAULTS, ContradictionSettings
from marsad.text.normalize import fold, normalize, normalize_word
from marsad.types import Article, Claim, Contradiction, Mention, Timex

Words = list[tuple[int, int, str]]  # (start, end, normalised word), offsets relative to the sentence


RULES = RuleSet("contradictions")
CUES_PATH = MODELS_DIR / "compare" / "quantity_cues.tsv"
SLOTS_PATH = MODELS_DIR / "compare" / "slots.tsv"


def _cues(role: str) -> list[str]:
    """The normalised phrases of one role of `quantity_cues.tsv`, in file order."""
    return [normalize(phrase) for phrase, row_role in fields(CUES_PATH) if row_role == role]


# Tolls: the people a happening killed, injured, left missing or displaced, or who were arrested; a figure next to
# one of their words is that toll.
CASUALTIES = ("killed", "injured", "missing", "displaced", "arrested")
_TOLL_WORDS = {role: frozenset(_cues(role)) for role in CASUALTIES}
# Nouns that leave a casualty figure about people in general (مقتل 185 شخصا), not about a group (موظفيه).
_CHANGING = frozenset(unit_key(noun_form(w)) for w in _cues("changing"))  # money, prices, market readings
_SUM_WINDOW = 8  # words back from a sum, in its clause, where the transaction it is the amount of is named
_TALLY = frozenset(_cues("tally"))  # عدد، حصيلة: "the number of" before the counted noun
TALLY_WINDOW = 8  # words before a figure where a tally and its noun may stand
CHANGE_WINDOW = 15  # words before a percentage (after the figure before it) where a word of rise or fall makes it
# a rate of change; a share's name may run long between them: صعود سهم الشركة ثاني أكبر مشغل للاتصالات في البلاد 2%
_ANY_PEOPLE = frozenset(unit_key(w) for w in _cues("people"))
_ANYONE = frozenset(normalize(w) for w in _cues("anyone"))  # persons of no group (شخصين): no side for others
_TOLL_ANCHORS = frozenset(CASUALTIES)  # the anchors casualty words fold to
PERCENT = "%"  # the slot of a percentage: `read_numbers` gives "%" as its counted noun
# Rival sources in one sentence: a verb of estimating (besides the speech verbs of the quote extractor) and a
# contrast between two sources' figures (أما، بينما، في حين).
_ESTIMATE = frozenset(fold(w) for w in _cues("estimate"))
_CHANGE = frozenset(stem(w) for w in _cues("change"))  # ارتفاع، تراجع: a percentage after them is a rate of change
_RIVAL = re.compile(r"(?<!\w)[وف]?(?:" + "|".join(map(re.escape, _cues("rival"))) + r")(?!\w)")
_SOURCE_CLITICS = re.compile(r"^[وف]")
_CLAUSE_END = re.compile(r"[.،,؛;:!?؟]")
# A bare figure joined by و to a counted one, in its clause, counts the same noun: a part of a breakdown (34 عنصرا من
# هؤلاء و17 من أولئك)
_ELLIPSIS = re.compile(r"[^.،,؛;:!?؟\d]*\sو\s?")
# A percentage right after a figure and أو restates that figure's change (انخفض 31 سنتا أو 0.64 في المائة)
_FIGURE_BEFORE = re.compile(r"\d[\d.,]*\s+[^\W\d_]+")
_RESTATED = re.compile(r"\s+او(?:\s+[^\W\d_]+){0,2}\s*")  # أو، أو ما نسبته، أو بنسبة
RIVAL_REACH = 6  # words after a contrast where its own source stands
SPEAKER_REACH = 10  # words after a speech verb where what it says may open: a speaker's title and name stand between
# (قال نائب رئيس هيئة الطوارئ في الحكومة المحلية فلان الفلاني إن)
_COMPLEMENTIZERS = frozenset(fold(w) for w in _cues("complementizer"))  # أن، إن، عن: what a speech verb says
TOPICS_PATH = MODELS_DIR / "compare" / "topic_synonyms.tsv"


def _topic_synonyms(path: Path = TOPICS_PATH) -> dict[str, str]:
    """Stem -> the word that stands for its group: the toll (killed, injured...) for casualty words, else the first
    word of its topic in `topic_synonyms.tsv` (shown in a contradiction's label)."""
    groups: dict[str, Iterable[str]] = {}
    for _, written in fields(path):
        words = written.split()
        groups[words[0]] = [normalize(w) for w in words]
    groups |= _TOLL_WORDS  # a toll's words over a topic's: اعتقال 20 شخصا is a count of the arrested
    # a word and its definite form: the stemmer reads a leading و as the conjunction (وفيات) unless ال follows it
    return {stem(form): canon for canon, words in groups.items() for w in words
            for form in (w, w if w.startswith("ال") else "ال" + w)}


_SYNONYMS = _topic_synonyms()


def _noun_synonyms(path: Path = TOPICS_PATH) -> dict[str, str]:
    """A counted noun's key (`unit_key` of its `noun_form`) -> the key of its topic's first word in
    `topic_synonyms.tsv`: ships and vessels (سفينة، باخرة), a budget (ميزانية، موازنة) are one slot, one sum."""
    folded: dict[str, str] = {}
    for _, written in fields(path):
        words = [normalize(w) for w in written.split()]
        keys = [unit_key(noun_form(form)) or form for w in words for form in (w, stem(w))]  # a slot's, a sum's
        folded |= {key: keys[0] for key in keys}
    return folded


_NOUNS = _noun_synonyms()
# The words that stand for a kind of happening (a visit, talks, a strike): what a duration can be the length of.
_HAPPENINGS = frozenset(line.split()[0] for _, line in fields(TOPICS_PATH))
_DURATIONS = frozenset(("D", "W", "M", "Y", "H", "MIN"))
# Spans counted from a moment (the time since an attack, the days left before a visit, the past sixty days): they
# grow from report to report, so they are no length of a happening to compare.
_ELAPSED_BEFORE = frozenset(_cues("elapsed-before"))
_LATER_BEFORE = frozenset(_cues("later-before"))
_ELAPSED_LINK = frozenset(_cues("elapsed-link"))
_RELATIVE_AFTER = frozenset(_cues("relative-after"))
_INSTANTS = frozenset(stem(w) for w in _cues("instant"))
_LASTING = frozenset(h for h in _HAPPENINGS if stem(normalize(h)) not in _INSTANTS)  # what has a length
# A sentence opened by one of these turns to another happening: its figures are not the event's to compare.
_TOPIC_SHIFT = re.compile(r"^\W*[وف]?(?:" + "|".join(map(re.escape, _cues("topic-shift"))) + r")(?!\w)")
# A toll that is one step of a count still rising (a preliminary, earlier or so-far figure, or one a sentence that
# looks back gives) is of another time than the other reports': a toll that only rises never clashes with it.
_STEP = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, _cues("step"))) + r")(?!\w)")
_BACKGROUND = re.compile(r"^\W*[وف]?(?:" + "|".join(map(re.escape, _cues("background-opener"))) + r")(?!\w)")
_INDEX_BEFORE = frozenset(_cues("index-before"))  # الدقيقة 32، المادة 5: a label, not a count
_MOVED = frozenset(_cues("moved-before"))  # نقل، أجلى، استقبل، انتشال: people carried, not a toll
_RESCUED = frozenset(_cues("rescued-before"))  # إنقاذ، أنقذت: those rescued, a count of their own
MOVED_REACH = 16  # words before a count where such a verb may govern it (أجلت طائرتان مساء أمس جثامين تسعة، و27 مصابا)
_REMAINING = frozenset(_cues("remaining-after"))  # ما زالوا، لم يغادروا: those still in hospital, a part
REMAINING_REACH = 8  # words after a count where such a word may stand (7 مصابين من الأشقاء وذويهم الذين لم يغادروا)
_SELECTORS = frozenset(_cues("selector-before"))  # أفضل ثمانية منتخبات: the best eight, a part of a whole
_PART_BEFORE = frozenset(_cues("part-before"))  # ضمنهم، من بينهم: 15 شخصا ضمنهم 12 من رجال الأمن, 12 is a part
_PART_OF = tuple(_cues("part-after"))  # من أصل، من بين: 20 مباراة من أصل 26 is a part, the whole follows
AMONG_REACH = 4  # words after a count of the injured where a part of it may be named, and after that the dead
PART_REACH = 5  # words after a count (its noun and a qualifier: 24 مباراة فقط في الدوري من أصل 38) where its whole may
# be named
_RISE = frozenset(_cues("rise-before"))  # ارتفع، وصل: ارتفع عدد المضربين إلى 148 is a step of a rising count
_RISE_LINK = frozenset(_cues("rise-link"))  # إلى: what a rising figure reaches
_REACH = frozenset(_cues("reach-before"))  # بلغ، تجاوز: right before a figure, the tally before it names it
_SPAN = frozenset(_cues("span-before"))  # على مدى، طوال: a duration after them is the length of its clause's happening
_OVER = frozenset(_cues("over-before"))  # خلال، في غضون: a count after the span they open is a total over it
_UNIT_DAYS = {"D": 1.0, "W": 7.0, "M": 30.0, "Y": 365.0, "H": 1 / 24}
OVER_SLACK = 1.5  # spans this close are one (اليومين الماضيين counted as 2 or 3 days; a week or seven days)
_NOW = frozenset(_cues("rise-now"))  # الآن: باتت الحصيلة الآن ثلاثة قتلى, the figure as it stands now
RISE_REACH = 12  # words before a count, in its clause, where the verb of its rise may stand (ارتفع عدد الأسرى
# المضربين عن الطعام في سجون الاحتلال إلى 148)
_FLOW = frozenset(_cues("flow"))  # عبرت، الواردة، زوار: a count of what passed or arrived in some time
_PER_DAY = frozenset(_cues("per-day"))  # يوميا: a count of each day, never one figure across days
PER_DAY_REACH = 4  # words either side of a count, in its clause, where such a word (or a word of passing) stands
_EXPECTED = frozenset(_cues("expected-before"))  # توقع، المتوقع، من المقرر: a figure forecast or planned
_EXPLAINS = frozenset(_cues("explains-opener"))  # حيث، إذ: a clause explaining the one before, in its tense
EXPECT_REACH = 16  # words before a count, in its clause, where such a word may govern it (توقع اقتصاديون استطلعت
# رويترز آراءهم ارتفاع معدل التوظيف في يوليو بـ223 ألف وظيفة)
_ABOUT_AFTER = frozenset(_cues("about-after"))  # تقريبا: 30 شخصا تقريبا is an estimate
ABOUT_AFTER_REACH = 3  # words after a figure (its noun and a qualifier) where such a word may stand
_TO_DATE = tuple(_cues("to-date"))  # إجمالي، منذ بداية العام، حتى الآن: a running total, compared within a day
TO_DATE_REACH = 6  # words either side of a count, in its clause, where such a phrase may stand
_OWNER_SUFFIXES = tuple(sorted(_cues("owner-suffix"), key=len, reverse=True))  # هما before ها before ه
_UNTIL = frozenset(_cues("until-before"))  # حتى، لغاية before a time: a count after it runs up to that moment
UNTIL_REACH = 6  # words between such a time and the figure after it (أمس الخميس، بلغ 363 ألفا)
_QUALIFIER_HEADS = frozenset(_cues("qualifier-head"))  # ذات، التي، التابعة: what follows qualifies the counted noun
QUALIFIER_REACH = 5  # words after a counted noun (its coordinated nouns: الدبابات والمدرعات وعربات الجنود) where such a
# word may open its qualifier
QUALIFIER_WORDS = 2  # words after such a word that say what qualifies the noun (ذات أولوية، التي قدمتها دول التحالف)
_LOCAL = re.compile(r"(?<!\w)[وفب]?(?:" + "|".join(map(re.escape, _cues("local-place"))) + r")(?!\w)")
# أنحاء البلاد، جميع المحافظات: a figure of the whole country or region, not of one of its places
_WHOLE = re.compile(r"(?<!\w)[وفب]?(?:" + "|".join(re.escape(normalize(c)) for c in _cues("whole-place")) + r")(?!\w)")
LOCAL_REACH = 8  # words either side of a figure, in its sentence, where a part of a place may be named (وصلت الحرارة
# إلى 47 درجة مئوية تحت الشمس في بعض المناطق)
_AMONG = frozenset(_cues("counted-among"))  # في عداد: 12 شخصا في عداد المفقودين are counted among the missing
_ANOTHER = frozenset(_cues("another-after"))  # آخر، سابق after a happening's word: زلزال آخر is not the event's
_PLACE_HEADS = frozenset(_cues("place-head"))  # مدينة، منطقة، جبهة: the word after names a place
_DEFINITE_HEADS = frozenset(_cues("place-head-definite"))  # معسكر: a place when the article opens its name
_HEAD_CLITICS = ("ب", "و", "ل")  # بمنطقة، وجبهة، لمدينة
_FEMININE = "ه"  # the feminine ending of a singular noun, once normalised (ة)
_RELATION_ENDINGS = ("ي", "يه")  # the endings of an adjective of relation (عسكري، الانتحارية), once normalised
_OTHERS = frozenset(_cues("others-after"))  # وخمسة آخرين: those beside someone just named
_JOINED = re.compile(r"(?:^|\W)و\s?$")  # و right before a number: وخمسة، و 5
_EARLIER = re.compile(r"(?<!\w)[وف]?(?:" + "|".join(map(re.escape, _cues("earlier-incident"))) + r")(?!\w)")
# Lengths: a distance locates a place (على بعد 25 كيلومترا شمال بغداد), so two are one fact only at one place.
_DISTANCES = frozenset(unit_key(noun_form(w)) for w in _cues("distance"))
_AREA_AFTER = frozenset(_cues("area-after"))  # متر مربع، متر مكعب: an area or a volume, no distance
_FROM = normalize("من")
POSSESSOR_REACH = 3  # words after a number where its counted noun may stand (4 من مسلحي: a filler between)
SIDE_REACH, SIDE_WORDS = 3, 2  # words after a toll where من may name its side, and the words after من that name it
_PLURAL_VERB = "وا"  # the ending of a past verb in the plural (قتلوا، أصيبوا)
TOLL_REACH = 3  # words before a count where a casualty word makes it a toll (قتل 13 مسلحا حوثيا)
_ROUNDED = frozenset(("M", "Y"))  # spans in months or years are counted roughly: one unit more or less is the same
WEEK_SLACK = 3.0  # days either side of a span told in weeks: to the nearest week (three weeks is an 18 to 24-day camp)
# Words that sit next to any quantity and say nothing about what is measured.
_GENERIC = frozenset(_cues("generic"))
_NOT_A_SLOT = frozenset(noun_form(w) for w in _cues("not-a-slot"))  # an age or a count of years
_LOWER_BOUND_BEFORE = tuple(_cues("lower-bound-before"))
_UPPER_BOUND_BEFORE = tuple(_cues("upper-bound-before"))
_ABOUT_BEFORE = tuple(_cues("about-before"))
_ABOUT = 0.1  # "about 30,000" allows 27,000 to 33,000: not "more than 35,000"
_PLAIN = ("", "rounded")  # hedges of a figure told as it is (no bound, no estimate)
_ROUNDED_SHARE = 0.05  # a round figure stands for values this close to it at most (100 for 104, 300 for 302)
_LEADING_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_FRACTION_WRITTEN = re.compile(r"\d[.,]\d")
_UNIT_ROUNDING = 0.01  # a figure told to the unit stands for one with a fraction this close to it at most
_LOWER_BOUND_AFTER = tuple(_cues("lower-bound-after"))
WORDED_ALIKE_RATIO = 1.5  # two counts told plainly (exact or round, not shares) with a word next to both and enough
# words around them shared: 160 or 220 migrants aboard, one figure the outlets disagree on, not two things counted
NEAR_BEFORE, NEAR_AFTER = 5, 3  # content words either side of a value that name what it measures
_DURATION = re.compile(r"^P(?:T)?(\d+(?:\.\d+)?)([YMWDH])$")
_PROCLITICS = re.compile(r"\w*$")  # the letters of a word before a number read inside it (للربع: لل)
_ARTICLES = ("ال", "لل")  # the article, alone or after ل: a fraction with it names a part (الربع الثاني، النصف الأول)
_DEFINITE_NUMBER = re.compile(r"(?:^|\W)[وفبلك]{0,2}ال\u0640*$")  # the article on a number: الـ37، الثلاثين
_RANGE_LINKS = frozenset(normalize(w) for w, role in fields(MODELS_DIR / "compare" / "number_cues.tsv")
                         if role == "range-link")
_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PERIOD = re.compile(r"^\d{4}(?:-\d{2})?$")  # a month or a year: the period a figure is given for
_TIME = re.compile(r"T(\d{2}):(\d{2})$")
_WORDS = re.compile(rf"(?:[^\W_]|[{MARKS}])+")  # a word as written, its marks in it (قُتل is one word)
PLACE_TYPES = frozenset(("GPE", "LOC"))  # the mentions that place a figure: a toll in Aleppo is not one in Idlib
# A country is too broad to place a figure (a visit to Morocco is one to Rabat): only the places inside one count.
_COUNTRIES = frozenset(normalize(name) for name in column(MODELS_DIR / "compare" / "countries.tsv"))
_SLOT_ROWS = fields(SLOTS_PATH)
_UNIT_NAMES = {row[0]: (row[2], row[3], row[4]) for row in _SLOT_ROWS if len(row) >= 5}  # one, two, three to ten
_SLOT_LABELS = {row[0]: row[1] for row in _SLOT_ROWS if row[0] not in ("*", "$")}
_OTHER_LABEL = next(row[1] for row in _SLOT_ROWS if row[0] == "*")  # {} stands for the counted noun
_SUM_LABEL = next(row[1] for row in _SLOT_ROWS if row[0] == "$")  # {} stands for the currency


@dataclass(frozen=True, slots=True)
class Quantity:
    """A value stated in a sentence: its slot, the range it allows, how to show it, and the words around it."""

    sentence: EventSentence
    slot: str
    low: float
    high: float
    shown: str
    anchors: frozenset[str]
    near: frozenset[str]  # the anchors next to the value: what it measures
    about: str  # count | number | date
    hedge: str = ""  # "about" for an estimate (نحو، قرابة): two estimates that differ disagree
    span: tuple[int, int] = (0, 0)  # where a number stands in its sentence
    periods: frozenset[str] = frozenset()  # the months and years its sentence names (أبريل 2014، العام الماضي)
    days: frozenset[str] = frozenset()  # the days its sentence names (أمس، الجمعة): a reading of that day
    listed: bool = False  # one of several values of its slot in its sentence: a list of different things
    places: frozenset[str] = frozenset()  # the places named within the window around the value
    named: frozenset[str] = frozenset()  # every place its sentence names
    toll: bool = False  # a casualty figure, or a count a casualty word stands next to: it changes with each clash
    aside: bool = False  # stated in a sentence that turns to another happening (من جهة أخرى، ...)
    step: bool = False  # a toll told as a preliminary, earlier or so-far figure (حصيلة أولية، وكانت الحصيلة، حتى الآن)
    side: frozenset[str] = frozenset()  # whose toll or share: the words after من right after it (14 من الحوثيين، 4 من
    # المقاومة، 35% من الشركات)
    rising: bool = False  # a count as it stands in its rise (ارتفع المضربون إلى 148): an earlier lower one is a step
    daily: bool = False  # a figure of each day (يعبر القناة يوميا 49 سفينة): compared only on one day
    flow: bool = False  # a count of what passed or arrived (عبرت 65 سفينة): a dated one is of its day
    expected: bool = False  # a figure forecast or planned (توقع اقتصاديون 223 ألف وظيفة): no figure told as it stands
    to_date: bool = False  # a running total (إجمالي المسجلين، منذ بداية العام): of its publication day only
    owner: str = ""  # the pronoun on the noun right before the figure (طوله 183، طولها 180): whose measure it is
    rescued: bool = False  # a count of those rescued (تم إنقاذ 6 أشخاص): not those present or struck
    qualifier: frozenset[str] = frozenset()  # what qualifies the counted noun (42 مشروعا ذات أولوية: أولوية): a subset
    local: bool = False  # a figure of a part of the place only (47 درجة في بعض المناطق): of no place to compare
    whole: bool = False  # a figure of a whole country or region (في أنحاء البلاد): a place's figure is a part of it
    noun: str = ""  # the counted noun as compared (`noun_form`: طالبه، طالب)
    sum_of: str = ""  # for money, the transaction it is the amount of (قرض بقيمة 250 مليون دولار: قرض), if named
    toll_word: str = ""  # the casualty a count of a group is told with (3 جنود قتلوا، مقتل 3 جنود: killed), if any
    incident: Incident = Incident()  # the incident the words near it name (`incidents.incident_near`)
    over: float = 0.0  # the days of the span it is a total over (خلال أسبوع شن التحالف 30 غارة: 7), 0 if none told
    joined: frozenset[str] = frozenset()  # the group its noun is joined to (أربعة من الحراس والمصلين: مصلين)


def find_contradictions(event_id: str, claims: Sequence[Claim], articles: Sequence[Article],
                        timexes: Mapping[str, Sequence[Timex]] | None = None,
                        settings: ContradictionSettings = DEFAULTS.contradictions,
                        quantities: Sequence[Quantity] | None = None) -> list[Contradiction]:
    """Contradictions between the event's outlets in their values (counts, numbers, durations, dates, clock
    times); each names the claims holding the contradicting sentences. A value is anchored by the content words
    within `settings.window` words of it; two values share a slot when they share `settings.shared_anchors`.
    `quantities`: the event's `stated_quantities`, when already read."""
    outlets = outlet_of(articles)
    if len(set(outlets.values())) < 2:
        return []  # one outlet and its copies: nothing to contradict
    claim_of = {(s.article, s.start): c.id for c in claims for s in c.support}
    if quantities is None:
        quantities = stated_quantities(claims, articles, timexes, settings.window)
    # an aside's toll too (its article tells of several happenings), not a past year's (the quake of 2004 recalled
    # beside this one's toll); a range is no value it opens with (عشرات is not 10)
    tolls: dict[tuple[str, str], set[tuple[float, float]]] = {}
    for q in quantities:
        if not (_past(q) or q.step):  # a preliminary toll and the one after it are one happening's
            tolls.setdefault((q.sentence.article.id, q.slot), set()).add((q.low, q.high))
    if any(q.aside for q in quantities):
        RULES.hit("topic-shift")  # من جهة أخرى، قتل 6 مدنيين: another happening's figure
        quantities = [q for q in quantities if not q.aside]
    if any(q.expected for q in quantities):
        RULES.hit("expected-figure")  # توقع اقتصاديون 223 ألف وظيفة: a forecast, not a figure to set against the count;
        quantities = [q for q in quantities if not q.expected or q.about == "date"]  # a length planned is set against
        # lengths planned only (`same_fact`): ستستمر القمة ثلاثة أيام against على مدى يومين of the summit next month

    roundups = _roundups(quantities)

    def sole_toll(q: Quantity) -> bool:
        """A casualty figure of an event whose every article gives one value of it at most: the toll of the event's
        one happening (an event whose articles give several is a roundup of several). A figure placed nowhere in an
        article that places its tolls in two places is of none of them in particular (1280 killed in Sinjar, 700 in
        Mosul, and 12 injured in the clashes: no toll of the blast another article gives 16 injured for)."""
        return q.slot in CASUALTIES and not (q.sentence.article.id in roundups and not q.places) and all(
            len(v) == 1 for (_, slot), v in tolls.items() if slot == q.slot)

    def same_fact(a: Quantity, b: Quantity) -> bool:
        """Values sharing `shared_anchors` words around them, or one that stands next to both; other than tolls,
        counts within `max_ratio` of each other (5 or 6 cars are one fact, 3 and 5 lorries two); in an event whose
        articles give one value of a toll each, two of them are the event's one toll whatever the words around
        them (قتل شخصين وأصاب سبعة آخرين، وأصيب تسعة آخرون برصاص مسلح); tolls within
        `toll_ratio` (56 or 83 dead are one toll, 6 and 43 two incidents'). Durations: a
        happening that lasts (a topic of `topic_synonyms.tsv`, not an instant such as an attack or an agreement)
        stands next to both, within `duration_ratio` (a visit of 2 or 3 days is one fact, spans of 7 and 60 days
        are two)."""
        if a.expected != b.expected:
            return False  # a length planned against one told as it happened: plans change
        shared = a.anchors & b.anchors
        if a.slot in _DURATIONS:  # the length of one happening, named next to both values (زيارة، محادثات)
            return bool(shared & a.near & b.near & _LASTING) and max(a.low, b.low) <= settings.duration_ratio * min(
                a.high, b.high)
        shared -= _TOLL_ANCHORS  # a toll's word (قتلى، إصابة) says nothing of which happening a figure is about
        beside_both = bool(shared & a.near & b.near)
        enough = len(shared) >= settings.shared_anchors
        if not enough and sole_toll(a) and sole_toll(b):
            RULES.hit("sole-toll")
            enough = True
        if not (beside_both and enough if a.slot == PERCENT else beside_both or enough):
            return False  # what is measured: a word next to both values, or enough of the sentence around them
            # (a share of what: both, since a percentage says nothing of what it is a share of)
        if _other_toll_words(a, b):
            RULES.hit("other-toll-word")  # 3 جنود قتلوا against أربعة جنود أصيبوا: the dead and the wounded of a group
            return False
        if a.rescued != b.rescued:
            RULES.hit("rescued-apart")  # إنقاذ 4 أجانب against five foreigners in the hotel: the rescued are a part
            return False
        if a.local or b.local:
            RULES.hit("local-figure")  # 47 degrees in some areas against 40 in the capital: figures of other places
            return False
        if a.whole != b.whole and (b if a.whole else a).places:  # the other is placed in a part of it
            RULES.hit("whole-and-part")  # 50 killed across the country against 20 in one province: a part of it
            return False
        if a.slot not in CASUALTIES and a.qualifier != b.qualifier and not a.qualifier & b.qualifier:
            RULES.hit("qualified-noun")  # 42 priority projects against 40 projects; the army's tanks against those
            return False  # a coalition supplied: a subset or another holder's, not the same things counted
        if _genders_apart(a.noun, b.noun):
            RULES.hit("genders-apart")  # 80 طالبة against 100 طالب: the girls and the boys, two groups counted
            return False
        if a.owner and b.owner and a.owner != b.owner:
            RULES.hit("other-owner")  # طولها 180 سم، طوله 183 سم: her height and his, two people's measures
            return False
        if a.joined != b.joined:
            RULES.hit("joined-group")  # four of the guards and worshippers against two of the guards: two groups
            return False
        if a.side and b.side and not a.side & b.side:
            RULES.hit("different-sides")  # 4 of the resistance killed, 17 of the rebels: two tolls; 35% of the
            return False  # firms, 60% of the workers: shares of two wholes
        if a.slot in CASUALTIES and not (sole_toll(a) and sole_toll(b)) and not (
                _same_place(a, b) or beside_both and enough and _one_scene(a, b)):
            RULES.hit("place-not-shared")  # a roundup's tolls: each of its own place, named or worded next to it (a
            return False  # toll placed in Marib is not one placed nowhere that shares the words of its sources)
        if a.slot in _DISTANCES and not _area(a) and not (a.places and b.places and not _unnamed(a.places, b.places)
                                                          and not _unnamed(b.places, a.places)):
            RULES.hit("distance-elsewhere")  # 25 km north of Baghdad for one town, 30 km for another
            return False
        if a.slot in CASUALTIES or _group_toll(a, b):
            ratio = settings.toll_ratio
        elif beside_both and enough and a.hedge in _PLAIN and b.hedge in _PLAIN and a.slot != PERCENT:
            ratio = max(settings.max_ratio, WORDED_ALIKE_RATIO)  # counts told plainly (8500 or 12 ألف هكتار),
            # worded alike: one figure
        else:
            ratio = settings.max_ratio
        return max(a.low, b.low) <= ratio * min(a.high, b.high)

    found: dict[tuple[str, frozenset[float]], Contradiction] = {}
    for component in _conflict_components(list(quantities), outlets, same_fact, settings):
        values = frozenset(q.low for q in component)
        if len(values) > settings.max_values:
            RULES.hit("too-many-values")
            continue  # several facts run together (the tolls of a war's many strikes), not one disputed figure
        found.setdefault((component[0].slot, values), _contradiction(event_id, component, claim_of, outlets))
    return list(found.values())  # one contradiction for one set of values (syndicated copies give it again)


def _other_toll_words(a: Quantity, b: Quantity) -> bool:
    """Two counts of a group (not a toll slot of their own) told with different casualties (`toll_word`): one
    group's dead against its wounded, two tolls."""
    return a.slot not in CASUALTIES and bool(a.toll_word) and bool(b.toll_word) and a.toll_word != b.toll_word


def _group_toll(a: Quantity, b: Quantity) -> bool:
    """Two counts of one group (a noun of its own, not people in general) with the same casualty word next to both:
    one toll told by two outlets (لقي 27 مهاجرا حتفهم، غرق 41 مهاجرا), which may differ as far as tolls do."""
    if a.toll and b.toll and a.near & b.near & _TOLL_ANCHORS:
        RULES.hit("group-toll")
        return True
    return False


def _roundups(quantities: Sequence[Quantity]) -> set[str]:
    """The articles that place their tolls in two places or more, neither naming the other (1280 killed in Sinjar,
    700 in Mosul): each tells of several happenings."""
    placed: dict[str, list[frozenset[str]]] = {}
    for q in quantities:
        if q.slot in CASUALTIES and q.places:
            placed.setdefault(q.sentence.article.id, []).append(q.places)
    found = {article for article, sets in placed.items()
             if any(_unnamed(a, b) and _unnamed(b, a) for a in sets for b in sets)}
    if found:
        RULES.hit("roundup-article", len(found))
    return found


def stated_quantities(claims: Sequence[Claim], articles: Sequence[Article],
                      timexes: Mapping[str, Sequence[Timex]] | None = None,
                      window: int = DEFAULTS.contradictions.window,
                      mentions: Mapping[str, Sequence[Mention]] | None = None) -> list[Quantity]:
    """Every value stated in the event's claim-bearing sentences (the others' articles were not aligned), with the
    places (`mentions` of type GPE or LOC, by article) named around it."""
    claimed = {(s.article, s.start) for c in claims for s in c.support}
    speaking = [a for a in articles if a.id in {article for article, _ in claimed}]
    if timexes is None:
        timexes = {a.id: find_timexes(a.id, a.text, a.published) for a in speaking}
    sentences = numbered_sentences(speaking, claimed)
    times = {a.id: ByStart(timexes.get(a.id, ())) for a in speaking}
    places = {a.id: ByStart([m for m in (mentions or {}).get(a.id, ()) if m.type in PLACE_TYPES]) for a in speaking}
    return [q for s in sentences
            for q in _placed(s, sentence_quantities(s, times[s.article.id].within(s.start, s.end), window),
                             places[s.article.id].within(s.start, s.end), window)]


def _placed(sentence: EventSentence, quantities: list[Quantity], places: Sequence[Mention],
            window: int) -> list[Quantity]:
    """The quantities of a sentence with the places named within `window` words of each and in the whole
    sentence: the place mentions, and the names after a place's head word (`_headed_places`)."""
    if not quantities:
        return quantities
    words = _words(sentence)
    named = [(m.start - sentence.start, m.end - sentence.start, text) for m in places
             if not _country(text := normalize(m.text))] + _headed_places(words)
    if not named:
        return quantities
    out = []
    for q in quantities:
        first = next((i for i, w in enumerate(words) if w[1] > q.span[0]), len(words))
        last = next((i for i in range(len(words) - 1, -1, -1) if words[i][0] < q.span[1]), -1)
        low = words[max(0, first - window)][0] if words else 0
        high = words[min(len(words) - 1, last + window)][1] if words else 0
        near = frozenset(text for start, end, text in named if start >= low and end <= high)
        out.append(replace(q, places=near, named=frozenset(text for _, _, text in named)))
    return out


def _headed_places(words: Words) -> Words:
    """The names after a place's head word without the article (`place-head` rows: مدينة إب، بمنطقة ميتم، بجبهة
    صرواح، بولاية وهران), which a tagger may not know: a function word, a number or an adjective of relation after
    the head is no name (منطقة عسكرية)."""
    found = [nxt for (_, _, word), nxt in zip(words, words[1:], strict=False)
             if (_place_head(word) in _PLACE_HEADS or _place_head(word) in _DEFINITE_HEADS and nxt[2].startswith("ال"))
             and nxt[2] not in STOPWORDS and not nxt[2][:1].isdigit() and not nxt[2].endswith(_RELATION_ENDINGS)]
    if found:
        RULES.hit("headed-place", len(found))
    return found


def _place_head(word: str) -> str:
    """A word without the clitic a place's head word may carry (بمنطقة، وجبهة، لمدينة)."""
    return word[1:] if word[:1] in _HEAD_CLITICS and word[1:] in _PLACE_HEADS | _DEFINITE_HEADS else word


def sentence_quantities(sentence: EventSentence, inside: Sequence[Timex],
                        window: int = DEFAULTS.contradictions.window) -> list[Quantity]:
    """Every comparable value of a sentence (`inside`: its timexes): durations, day intervals, clock ranges, counted
    nouns."""
    if not inside and not sentence.numbers:
        return []
    words = _words(sentence)
    found = [q for t in inside if (q := _time_quantity(sentence, t, words, window)) is not None]
    found += _clock_quantities(sentence, inside, words, window)
    taken = [(t.start - sentence.start, t.end - sentence.start) for t in inside]
    periods = [(t.start - sentence.start, t.end - sentence.start, t.value) for t in inside
               if t.kind == "date" and _PERIOD.match(t.value)]
    days = [(t.start - sentence.start, t.end - sentence.start, t.value) for t in inside
            if t.kind == "date" and _FULL_DATE.match(t.value)]
    numbers = [n for n in sentence.numbers if not any(a <= n.start < b for a, b in taken)]
    overs = [(t.start - sentence.start, t.end - sentence.start, length) for t in inside
             if (length := _over_days(sentence.text, t, sentence.start))]
    counts = [q for number, upper in _ranges(sentence.text, numbers)
              if (q := _count_quantity(sentence, number, words, window, upper)) is not None]
    per_slot = Counter((q.slot, q.sum_of) for q in counts)  # two transactions' sums (a budget, its deficit): no list
    aside = bool(_TOPIC_SHIFT.match(normalize(sentence.text)))
    untils = [t.end - sentence.start for t in inside if t.kind in ("time", "date")
              and _until(sentence.text, t.start - sentence.start)]
    counts = [replace(q, to_date=True) if not q.to_date and _counted_until(sentence.text, untils, q.span[0]) else q
              for q in counts]
    counts = _others_sides(_flow_loads(counts, words), sentence.text)
    spans = Counter(q.slot for q in {(q.slot, q.low, q.high): q for q in found}.values())
    if any(n > 1 for n in spans.values()):
        RULES.hit("listed-spans")  # مهلة 30 يوما لمن في الداخل و60 يوما لمن في الخارج: spans of two things
    untimed = _without_times(sentence.text, taken)
    return [replace(q, aside=aside, expected=_expected(sentence.text, q.span[0]), listed=spans[q.slot] > 1)
            for q in found] + [
        replace(q, periods=_nearest(periods, q.span), days=_nearest(days, q.span),
                listed=per_slot[q.slot, q.sum_of] > 1, aside=aside or q.aside, over=_over(sentence.text, overs, q.span),
                expected=_expected(untimed, q.span[0])) for q in counts]


def _without_times(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """The sentence with its time expressions blanked (offsets kept): the word of a date (العام المقبل، الأسبوع
    القادم) says what period a count is for, not that it is forecast (موازنة العام المقبل بقيمة 61 مليارا); a length
    is read in the whole sentence, since a happening dated ahead is planned (القمة في 14 أكتوبر المقبل على مدى
    يومين)."""
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _over_days(text: str, timex: Timex, offset: int) -> float:
    """The days of a span a sentence's counts may be totals over: a duration or an interval of full dates right after
    an `over-before` word (خلال أسبوع، في غضون 24 ساعة، خلال اليومين الماضيين); 0 for any other time."""
    before = _WORDS.findall(text, 0, timex.start - offset)[-1:]
    if timex.kind not in ("duration", "interval") or not before or (
            _SOURCE_CLITICS.sub("", normalize_word(before[0])) not in _OVER and normalize_word(before[0]) not in _OVER):
        return 0.0
    if timex.kind == "duration" and (m := _DURATION.match(timex.value)):
        return float(m.group(1)) * _UNIT_DAYS[m.group(2)] / (60 if timex.value.startswith("PT") and m.group(2) == "M"
                                                                 else 1)
    return _interval_days(timex.value)


def _interval_days(value: str) -> float:
    """The days of an interval of full dates, both ends counted (2015-07-31/2015-08-02: 3); 0 for another value."""
    ends = value.split("/")
    if len(ends) != 2 or not all(_FULL_DATE.match(p) for p in ends):
        return 0.0
    first, last = (date.fromisoformat(p) for p in ends)
    return float((last - first).days + 1)


def _over(text: str, overs: Sequence[tuple[int, int, float]], span: tuple[int, int]) -> float:
    """The days of the span a count at `span` is a total over: the last span told before it in its sentence, or one
    right after it in its clause (قتل 50 شخصا خلال ثلاثة أيام); 0 if none."""
    before = [days for _, end, days in overs if end <= span[0]]
    after = [days for start, _, days in overs if start >= span[1] and not _CLAUSE_END.search(text, span[1], start)]
    found = (before or after[:1] or [0.0])[-1]
    if found:
        RULES.hit("count-over-span")
    return found


def _spans_apart(a: Quantity, b: Quantity) -> bool:
    """Whether two counts are totals over different spans: one over a span its sentence tells and the other over
    none or one far from it (30 raids within a week against 20 raids on one day)."""
    if a.over == b.over:
        return False
    return not (a.over and b.over and max(a.over, b.over) <= OVER_SLACK * min(a.over, b.over))


def _flow_loads(counts: list[Quantity], words: Words) -> list[Quantity]:
    """The counts of a sentence read as flows from the first flow on: a count of what passed or arrived
    (`Quantity.flow`), or a count of the noun a `flow` word follows anywhere before it in the sentence (بلغ عدد
    السيارات الواردة للسوق حتى صباح الجمعة، وفقا لفريق الإحصاء، 1800 سيارة); what the flow carried or weighed after
    it is of that one reading (محملة بـ236 ألف كرتون تزن 708 أطنان)."""
    flowing = {unit_key(noun_form(before)) for (_, _, before), (_, _, w) in zip(words, words[1:], strict=False)
               if w in _FLOW}
    first = min((q.span[0] for q in counts if q.flow or q.noun and unit_key(q.noun) in flowing), default=None)
    if first is None:
        return counts
    loads = [k for k, q in enumerate(counts) if q.span[0] > first and not q.flow]
    if loads:
        RULES.hit("flow-load", len(loads))
    return [replace(q, flow=True) if k in loads else q for k, q in enumerate(counts)]


def _until(text: str, start: int) -> bool:
    """Whether the time or day at `start` is the end of a count's run: an `until-before` row right before it (حتى،
    لغاية)."""
    before = _WORDS.findall(text[:start])[-1:]
    return bool(before) and normalize(before[0]) in _UNTIL


def _counted_until(text: str, untils: Sequence[int], start: int) -> bool:
    """Whether a figure at `start` is a running total at a moment: it follows, within `UNTIL_REACH` words, the end of
    a time or day a count runs up to (`untils`: بلغ عدد المستفيدين حتى الساعة الواحدة من ظهر أمس، 363 ألفا)."""
    found = any(end <= start and len(_WORDS.findall(text[end:start])) <= UNTIL_REACH for end in untils)
    if found:
        RULES.hit("count-until")
    return found


def _nearest(times: Sequence[tuple[int, int, str]], span: tuple[int, int]) -> frozenset[str]:
    """The months, years or days a value at `span` is told for, of those its sentence names (start, end, value): all
    when they are one; of two or more, the one written nearest to the value (زادت 215 ألف وظيفة في يوليو، after
    223 ألفا في يونيو: each month its own figure)."""
    if len({value for *_, value in times}) <= 1:
        return frozenset(value for *_, value in times)
    RULES.hit("nearest-period")
    gap = min(times, key=lambda t: (max(t[0] - span[1], span[0] - t[1]), t[0] > span[0]))
    return frozenset((gap[2],))


def _ranges(text: str, numbers: Sequence[NumberMention]) -> list[tuple[NumberMention, NumberMention | None]]:
    """Each number with the upper end of the range it opens, if any: ما بين 18 و20 ألفا، من 5 إلى 6 آلاف (a range
    link between two numbers, the lower one first); the upper end is then no figure of its own."""
    out: list[tuple[NumberMention, NumberMention | None]] = []
    skip = None
    for first, second in zip(numbers, [*numbers[1:], None], strict=False):
        if first is skip:
            continue
        link = normalize(text[first.end:second.start]).strip() if second else ""
        if second and link in _RANGE_LINKS and second.value > first.value:
            out.append((first, second))
            skip = second
        else:
            out.append((first, None))
    return out


def _words(sentence: EventSentence) -> Words:
    """(start, end, normalised word) of every word of the sentence, offsets relative to the sentence."""
    text = sentence.text
    norm = normalize(text)
    if len(norm) != len(text):  # marks dropped: the offsets differ, each word is normalised on its own
        return [(m.start(), m.end(), normalize_word(m.group())) for m in _WORDS.finditer(text)]
    return [(m.start(), m.end(), norm[m.start():m.end()]) for m in _WORDS.finditer(text)]


def _anchors(words: Words, start: int, end: int, window: int) -> tuple[frozenset[str], frozenset[str]]:
    """Content stems within `window` words of the value at [start, end), synonyms folded; and the nearest of them
    (NEAR_BEFORE before it, NEAR_AFTER after it): the words that name what the value measures (جولته التي دامت
    أسبوعا، ثلاثة أسابيع من المفاوضات)."""
    first = next((i for i, w in enumerate(words) if w[1] > start), len(words))
    last = next((i for i in range(len(words) - 1, -1, -1) if words[i][0] < end), -1)
    before = [s for w in reversed(words[max(0, first - window):first]) if w[0] < start and (s := _anchor(w[2]))]
    after = [s for w in words[last + 1:last + 1 + window] if (s := _anchor(w[2]))]
    return frozenset(before + after), frozenset(before[:NEAR_BEFORE] + after[:NEAR_AFTER])


def _group_anchor(word: str) -> str | None:
    """A group's word as an anchor, its number off: the plural a count of three to ten takes and the singular of
    eleven and more are one group (9 مسلحين، 21 مسلحا؛ من الحوثيين، من الحوثي)."""
    return _anchor(unit_key(noun_form(word)) or word)


@lru_cache(maxsize=1 << 16)
def _anchor(word: str) -> str | None:
    """A word's stem as an anchor (synonyms folded), None for a stopword, a generic word, a number or a stub."""
    if word in STOPWORDS or word in _GENERIC or word.isdigit():
        return None
    stemmed = stem(word)
    if stemmed in STOPWORDS or len(stemmed) <= 2:
        return None
    return _SYNONYMS.get(stemmed, stemmed)


def _time_quantity(sentence: EventSentence, timex: Timex, words: Words, window: int) -> Quantity | None:
    """A duration (P5D) or an interval of full dates (counted in days, both ends included)."""
    start, end = timex.start - sentence.start, timex.end - sentence.start
    if timex.kind in ("duration", "interval") and _relative_span(words, start, end):
        RULES.hit("relative-span")
        return None
    if timex.kind == "duration" and (m := _DURATION.match(timex.value)):
        n, unit = float(m.group(1)), m.group(2)
        if timex.value.startswith("PT") and unit == "M":
            unit = "MIN"  # PT45M is 45 minutes; P3M is three months
        weeks = unit == "W"
        if weeks:
            n, unit = n * 7, "D"
        low, high, _ = _hedged(sentence.text, start, end, n)
        if unit in _ROUNDED and low == high:
            RULES.hit("rounded-span")
            low, high = max(low - 1, 0.0), high + 1  # three months of war or four: the same span, told roughly
        elif weeks and low == high:
            RULES.hit("rounded-weeks")  # a camp of three weeks and one of 20 days: the same span, told to the week
            low, high = max(low - WEEK_SLACK, 0.0), high + WEEK_SLACK
    elif timex.kind == "interval" and not any(ch.isdigit() for ch in timex.text):
        RULES.hit("named-period")  # الأسبوع الماضي: a period named from the report's day, not a length told
        return None
    elif timex.kind == "interval" and (n := _interval_days(timex.value)):
        unit, low, high = "D", n, n
    else:
        return None
    shown = f"{_count_phrase(n, unit)} ({timex.text})"
    anchors, near = _anchors(words, start, end, window)
    held = _clause_happening(sentence.text, words, start) if timex.kind == "duration" else frozenset()
    return Quantity(sentence, unit, low, high, shown, anchors | held, near | held, "date", span=(start, end))


def _clause_happening(text: str, words: Words, start: int) -> frozenset[str]:
    """For a duration at `start` after a span word (على مدى، لمدة، طوال), the lasting happenings named anywhere
    before it in its clause: it tells their length, however far the verb's object stands (تستضيف العاصمة القمة
    العربية التنموية في الخريف المقبل على مدى يومين)."""
    clause = len(_CLAUSE_END.split(text[:start])[-1])
    before = [w for s, e, w in words if s >= start - clause and e <= start]
    if not before or _SOURCE_CLITICS.sub("", before[-1]) not in _SPAN:
        return frozenset()
    held = frozenset(a for w in before if (a := _anchor(w)) in _LASTING)
    if held:
        RULES.hit("clause-happening")
    return held


def _relative_span(words: Words, start: int, end: int) -> bool:
    """Whether the span at [start, end) is counted from a moment: after قبل or منذ; after بعد when على or an
    instant's noun follows (بعد يومين من الاعتداء, but بعد ثلاثة أيام من الاجتماعات is their length); or
    before a word that counts from the day of the report (الأيام الستين المقبلة)."""
    before = [w for _, e, w in words if e <= start][-1:]
    inside = [w for s, e, w in words if s >= start and e <= end]
    after = [w for s, _, w in words if s >= end][:2]
    previous = _SOURCE_CLITICS.sub("", before[0]) if before else ""
    if previous in _ELAPSED_BEFORE or any(w in _RELATIVE_AFTER for w in inside + after[:1]):
        return True
    return previous in _LATER_BEFORE and bool(after) and (
        after[0] in _ELAPSED_LINK or any(stem(w) in _INSTANTS for w in after))


def _clock_quantities(sentence: EventSentence, inside: Sequence[Timex], words: Words,
                      window: int) -> list[Quantity]:
    """A from-to pair of clock times in one sentence (a curfew from 19:00 to 06:00)."""
    times = [t for t in inside if t.kind in ("time", "interval") and _TIME.search(t.value.split("/")[0])]
    clocks = [(t, [_TIME.search(p) for p in t.value.split("/")]) for t in times]
    values = [f"{m.group(1)}:{m.group(2)}" for _, ms in clocks for m in ms if m]
    if len(values) != 2:
        return []
    start, end = times[0].start - sentence.start, times[-1].end - sentence.start
    code = float(int(values[0].replace(":", "")) * 10000 + int(values[1].replace(":", "")))
    return [Quantity(sentence, "clock", code, code, f"{values[0]}–{values[1]}", *_anchors(words, start, end, window),
                     "date", span=(start, end))]


def _count_quantity(sentence: EventSentence, number: NumberMention, words: Words,
                    window: int, upper: NumberMention | None = None) -> Quantity | None:
    """A number (up to `upper`, the top of its range) with the noun it counts; tolls (killed, injured, missing...)
    are told apart by the words around them."""
    last = upper or number
    if number.value < 1 and not any(ch.isdigit() for ch in sentence.text[number.start:number.end]) and not (
            _PROCLITICS.search(sentence.text, 0, number.start).group().endswith(_ARTICLES)):  # الربع الثاني: a period
        RULES.hit("fraction-share")  # نصف الملعب، ثلثا السكان: a share of a whole, compared as a percentage
        number = number._replace(value=number.value * 100, unit=PERCENT)
    if upper is not None and number.unit is None:
        number = number._replace(unit=upper.unit)  # بين 5 و6 آلاف شخص: the noun after the range counts both ends
    before = [n for n in sentence.numbers if n.end <= number.start]
    previous = before[-1].end if before else 0
    if before and before[-1].unit and _elided(sentence.text, previous, number):
        RULES.hit("elided-noun")  # مقتل 34 عنصرا من هذه القوات و17 من تلك: one part of a breakdown, not a total
        return None
    slot = _count_slot(sentence.text, number._replace(end=last.end), [w for w in words if w[0] >= previous])
    if slot is None or _DEFINITE_NUMBER.search(sentence.text, 0, number.start):
        return None  # الـ37، الثلاثين من يوليو: a definite number is a rank or a day, not a count
    if _indexed(words, number.start, _INDEX_BEFORE):
        RULES.hit("index-number")
        return None
    if _indexed(words, number.start, _SELECTORS):
        RULES.hit("selected-part")  # أفضل ثمانية منتخبات: a part of the whole, picked by rank
        return None
    rescued = _moved(words, number.start, _RESCUED)
    toll = slot in CASUALTIES or _beside_toll(words, number.start, _noun_end(words, last))
    if toll and (_moved(words, number.start) or rescued or _remaining(sentence.text, last.end)):
        RULES.hit("moved-part")  # نقلت طائرتان 27 مصابا، 7 مصابين ما زالوا في المستشفى، انتشلوا جثث 24 من عناصر
        return None  # المسلحين: a part of the toll (a group's too)
    if slot != PERCENT and (_part_of_whole(sentence.text, last.end) or _indexed(words, number.start, _PART_BEFORE)
                            or _whole_of_part(sentence.text, number.start)):
        RULES.hit("part-of-whole")  # 20 مباراة من أصل 26، 4 من 5 أجانب: a part, the whole named after it
        return None
    if _beside_named(sentence.text, number.start, last.end):
        RULES.hit("others-part")  # إصابة شرطي ثالث وخمسة آخرين: five beside the one named, six in all
        return None
    if slot == "injured" and _dead_among(sentence.text, last.end):
        RULES.hit("dead-among-injured")  # 50 مصابا منهم 9 وفيات: all those struck, not the wounded alone
        return None
    low, high, hedge = _number_range(sentence.text, number)
    if upper is not None:
        high, hedge = max(high, upper.value), "range"
    step = slot in CASUALTIES and bool(_STEP.search(norm := normalize(sentence.text)) or _BACKGROUND.match(norm))
    about = "count" if slot in CASUALTIES else "number"
    shown = sentence.text[number.start:last.end]
    anchors = _anchors(words, number.start, _noun_end(words, last), window)
    if toll and slot not in CASUALTIES:
        RULES.hit("side-toll")  # قتل 13 مسلحا: not compared across days as a steady figure
    side = _side(sentence.text, last.end) if slot in CASUALTIES or slot == PERCENT else _possessor(sentence.text,
                                                                                                   words, last)
    rising = _rising(sentence.text, number.start)
    if rising:
        RULES.hit("rising-count")  # ارتفع عدد المضربين إلى 148، باتت الحصيلة الآن ثلاثة: the figure at a step
    clause = _CLAUSE_END.split(sentence.text[:number.start])[-1]
    earlier = bool(_EARLIER.search(normalize(clause))) or _another(clause)
    if earlier:
        RULES.hit("earlier-incident")  # بعد ساعات من تفجير شاحنة أدى إلى مقتل 15: the toll of what came before
    return Quantity(sentence, slot, low, high, shown, *anchors, about, hedge, (number.start, last.end), toll=toll,
                    step=step, side=side, rising=rising, daily=_near(sentence.text, number.start, last.end, _PER_DAY),
                    flow=_near(sentence.text, number.start, last.end, _FLOW), aside=earlier,
                    to_date=_to_date(sentence.text, number.start, last.end), owner=_owner(sentence.text, number.start),
                    rescued=rescued, qualifier=_qualifier(sentence.text, _noun_end(words, last)),
                    local=_local(words, number.start, last.end), whole=_whole(words, number.start, last.end),
                    noun=number.unit or "",
                    sum_of=_sum_of(sentence.text, number.start) if slot in _CHANGING else "",
                    toll_word=_toll_word(words, number.start, _noun_end(words, last)) if toll else "",
                    incident=incident_near(sentence.text, number.start, last.end),
                    joined=_joined_group(sentence.text, words, last))


def _dead_among(text: str, end: int) -> bool:
    """Whether the dead are counted among a count of the injured ending at `end`: a word of a part (`part-before`
    rows: منهم، بينهم) within `AMONG_REACH` words after it in its clause, and a word of the dead within
    `AMONG_REACH` words after that (إصابة 50 شخصا بينهم 9 حالات وفاة، 50 مصابا منهم 9 وفيات): the
    count is of all those struck, the dead and the wounded."""
    _, after = _clause_words(text, end, end)
    at = next((k for k, w in enumerate(after[:AMONG_REACH]) if w in _PART_BEFORE), None)
    return at is not None and any(_SYNONYMS.get(stem(w)) == "killed" for w in after[at + 1:at + 1 + AMONG_REACH])


def _joined_group(text: str, words: Words, number: NumberMention) -> frozenset[str]:
    """The group a count's noun with the article (after من or not) is joined to by و right after it, nothing between
    (أربعة من الحراس والمصلين، 12 من الأطباء والممرضين: مصلين، ممرضين): the count is of both groups together. Empty
    when no such noun follows (a toll's word opens the next toll: مقتل 5 من الجنود والإصابات، no group)."""
    after = [w for w in words if w[0] >= number.end][:3]
    at = next((k for k, w in enumerate(after[:2]) if number.unit and noun_form(w[2]) == number.unit), None)
    if at is None or at + 1 >= len(after) or not after[at][2].startswith("ال"):
        return frozenset()
    joined = after[at + 1][2]
    if text[after[at][1]:after[at + 1][0]].strip() or not joined.startswith("وال") or joined in STOPWORDS or (
            _SYNONYMS.get(stem(joined)) in CASUALTIES):
        return frozenset()
    anchor = _group_anchor(joined[1:])
    return frozenset((anchor,)) if anchor else frozenset()


def _sum_of(text: str, start: int) -> str:
    """The transaction a sum is the amount of: the `sum-of` noun nearest before it in its clause, within
    `_SUM_WINDOW` words (منحة بقيمة 500 مليون دولار، مجموع التعهدات التي أعلنتها الدول 2.1 مليار دولار); "" if none
    (a price, a revenue, a market reading)."""
    before, _ = _clause_words(text, start, start)
    return next((key for key in map(_sum_key, reversed(before[-_SUM_WINDOW:])) if key in _SUMS), "")


@lru_cache(maxsize=1 << 12)
def _sum_key(word: str) -> str:
    key = unit_key(noun_form(stem(word))) or ""
    return _NOUNS.get(key, key)


_SUMS = frozenset(map(_sum_key, _cues("sum-of")))  # قرض، صفقة: a sum of one transaction


def _clause_words(text: str, start: int, end: int) -> tuple[list[str], list[str]]:
    """The normalised words of the clause around [start, end): those before it (nearest last) and those after it."""
    before = _CLAUSE_END.split(text[:start])[-1]
    after = _CLAUSE_END.split(text[end:], maxsplit=1)[0]
    return [normalize_word(w) for w in _WORDS.findall(before)], [normalize_word(w) for w in _WORDS.findall(after)]


def _part_of_whole(text: str, end: int) -> bool:
    """Whether a count ending at `end` is a part of a whole named after it, within `PART_REACH` words in its clause:
    من أصل، من بين، من مجموع and the whole (20 مباراة من أصل 26), or من and a figure right after the count or its
    noun (4 من 5 أجانب), or من and a toll's word with the article right after the count (ستة من القتلى، ثلاثة من
    الشهداء: some of the dead, a part of the toll). A percentage is a share already and is not asked."""
    _, after = _clause_words(text, end, end)
    if after[:1] == [_FROM] and _of_the_toll(after[1:2]):
        RULES.hit("part-of-toll")
        return True
    for k in range(min(PART_REACH, len(after))):
        if k <= 1 and after[k] == _FROM and after[k + 1:k + 2] and after[k + 1][0].isdigit():
            return True  # right after the count or its noun: not أصيب 57 فيما قتل أكثر من 100
        following = " ".join(after[k:k + 3]) + " "
        if any(following.startswith(cue + " ") for cue in _PART_OF):
            return True
    return False


def _owner(text: str, start: int) -> str:
    """The possessive pronoun (`owner-suffix` rows: ه، ها، هم) on the noun right before a figure at `start`, in its
    clause, as written (a final ة is no pronoun): the figure is that person's or thing's measure (بلغ طوله 183 سم،
    البالغ طولها 180 سم); "" when the word before has none or is a function word (منها، عليه)."""
    before = _WORDS.findall(_CLAUSE_END.split(text[:start])[-1])
    word = before[-1] if before else ""
    if not word or normalize_word(word) in STOPWORDS or _SOURCE_CLITICS.sub("", normalize_word(word)) in STOPWORDS:
        return ""
    return next((suffix for suffix in _OWNER_SUFFIXES if word.endswith(suffix) and len(word) - len(suffix) >= 3), "")


def _another(clause: str) -> bool:
    """Whether a happening's word (a topic of `topic_synonyms.tsv`) followed by a word of another one (`another-after`
    rows: آخر، سابق, with the article or not) stands in the clause before a figure (أقوى من زلزال آخر بلغت قوته 5.3،
    في الهجوم الانتحاري السابق قتل 12): the figure is of that other happening. Adjectives of relation (-ي، -ية) may
    stand between, and one is no happening itself (مصدر عسكري آخر is another source, not another soldier)."""
    words = [normalize_word(w) for w in _WORDS.findall(clause)]
    for k, word in enumerate(words):
        if word.removeprefix("ال") not in _ANOTHER:
            continue
        noun = next((w for w in reversed(words[:k]) if not w.endswith(_RELATION_ENDINGS)), "")
        if any(_SYNONYMS.get(stem(form)) in _HAPPENINGS for form in (noun, noun.removesuffix("ا"))):  # حريقا آخر
            RULES.hit("another-happening")
            return True
    return False


def _genders_apart(first: str, second: str) -> bool:
    """Whether two counted nouns (`noun_form`) are one noun in its feminine and its masculine singular (طالبه and
    طالب، معلمه and معلم): women and men counted, two groups. A plural in ات is not asked (مشروعات is the plural of
    a masculine noun)."""
    return bool(first and second) and _FEMININE in (first.removeprefix(second), second.removeprefix(first))


def _qualifier(text: str, end: int) -> frozenset[str]:
    """What qualifies the noun a figure counts, its noun ending at `end`: the anchors of the `QUALIFIER_WORDS` words
    after a `qualifier-head` row (ذات، التي، التابعة) right after the noun or after the nouns joined to it by و (each
    with a noun of its own after it: وعربات الجنود), within `QUALIFIER_REACH` words in its clause (42 مشروعا ذات
    أولوية: أولوية; عشرات الدبابات والمدرعات التي قدمتها دول التحالف: قدم، دول); empty when none stands there (a
    head after another word qualifies that word: 50 في المائة إلى المربع الذهبي للبطولة التي يحلم بها)."""
    _, after = _clause_words(text, end, end)
    joined = False  # the word before was a noun joined by و: one noun of its own may follow it
    for k, word in enumerate(after[:QUALIFIER_REACH]):
        if _SOURCE_CLITICS.sub("", word) in _QUALIFIER_HEADS or word in _QUALIFIER_HEADS:
            RULES.hit("noun-qualifier")
            return frozenset(a for w in after[k + 1:k + 1 + QUALIFIER_WORDS] if (a := _anchor(w)))
        if not (word.startswith("و") and word not in STOPWORDS or joined):
            break
        joined = word.startswith("و") and not joined
    return frozenset()


def _local(words: Words, start: int, end: int) -> bool:
    """Whether a part of a place is named within `LOCAL_REACH` words either side of a figure at [start, end) in its
    sentence (`local-place` rows: في بعض المناطق، أجزاء من): the figure holds there only."""
    return _place_scope(words, start, end, _LOCAL, "local-place")


def _whole(words: Words, start: int, end: int) -> bool:
    """Whether a whole country or region is named as a figure's scope within `LOCAL_REACH` words either side of it
    (`whole-place` rows: في أنحاء البلاد، في جميع المحافظات): the figure is the whole's, of which a province's or a
    town's figure is a part."""
    return _place_scope(words, start, end, _WHOLE, "whole-place")


def _place_scope(words: Words, start: int, end: int, cues: re.Pattern[str], rule: str) -> bool:
    """Whether `cues` match within `LOCAL_REACH` words either side of a figure at [start, end) in its sentence."""
    before = [w for _, e, w in words if e <= start][-LOCAL_REACH:]
    after = [w for s, _, w in words if s >= end][:LOCAL_REACH]
    found = bool(cues.search(" ".join(before)) or cues.search(" ".join(after)))
    if found:
        RULES.hit(rule)
    return found


def _of_the_toll(words: Sequence[str]) -> bool:
    """Whether the first of `words` is a toll's word with the article (القتلى، الشهداء، المصابين): the dead or the
    injured already counted, a whole."""
    return bool(words) and words[0].startswith("ال") and _SYNONYMS.get(stem(words[0])) in CASUALTIES


def _beside_named(text: str, start: int, end: int) -> bool:
    """Whether a count is of those beside someone just named: و right before it and a word of others (آخرين) right
    after it or its noun (إصابة شرطي ثالث وخمسة آخرين، مقتل الضابط و3 جنود آخرين). A toll word before و is no
    one named (مقتل شخصين وإصابة 7 آخرين: و is on إصابة, not on the count)."""
    if not _JOINED.search(text, max(0, start - 3), start):
        return False
    return _others_after(text, end)


def _others_after(text: str, end: int) -> bool:
    """Whether a word of others (آخرين، آخرون) stands right after a count ending at `end` or its noun."""
    return any(normalize_word(w) in _OTHERS for w in _WORDS.findall(_CLAUSE_END.split(text[end:], maxsplit=1)[0])[:2])


def _others_sides(counts: list[Quantity], text: str) -> list[Quantity]:
    """A toll of others (مقتل أربعة مدنيين وإصابة تسعة آخرين، جرح 30 مسلحا ... و7 آخرين) with no side of its own is of
    the group the count before it in its sentence counts: that count's side, or its noun unless persons of no group
    (مقتل شخصين وإصابة 7 آخرين tells no group)."""
    out: list[Quantity] = []
    for q in sorted(counts, key=lambda c: c.span):
        before = out[-1] if out else None
        if before is not None and q.slot in CASUALTIES and not q.side and _others_after(text, q.span[1]):
            group = before.side or _group(text, before.span)
            if group:
                RULES.hit("others-side")
                q = replace(q, side=group)
        out.append(q)
    return out


def _group(text: str, span: tuple[int, int]) -> frozenset[str]:
    """The anchor of the noun a count at `span` counts (the first content word after its number, within its span or
    right after it), unless a word for persons of no group (`anyone` rows: شخصين، أشخاص): empty then."""
    words = _WORDS.findall(text[span[0]:span[1]])[1:] + _WORDS.findall(text, span[1])[:1]
    for word in map(normalize, words):
        if word in _ANYONE:
            return frozenset()
        if anchor := _group_anchor(word):
            return frozenset((anchor,))
    return frozenset()


def _whole_of_part(text: str, start: int) -> bool:
    """Whether a count at `start` is the whole a part was just counted against: من أصل، من بين or من right before
    it, after a figure (174 نائبا من بين 217 نائبا، 4 من 5 أجانب); a whole of another kind than what the event
    counts (the seats of a house, not the votes)."""
    before, _ = _clause_words(text, start, start)
    tail = " ".join(before[-3:])
    if before[-1:] == [_FROM]:  # 4 من 5، 4 أجانب من 5: the part right before من (not أكثر من 33 ألفا)
        return any(w[:1].isdigit() for w in before[-3:-1])
    return any(tail.endswith(" " + cue) or tail == cue for cue in _PART_OF) and any(
        w[:1].isdigit() for w in before[-PART_REACH - 3:])


def _rising(text: str, start: int) -> bool:
    """Whether a count at `start` is a rising figure as it stands: a verb of rising or reaching within
    `RISE_REACH` words before it in its clause with إلى after the verb (ارتفع عدد الأسرى المضربين إلى 148،
    وصلت الحصيلة إلى 50 قتيلا), or الآن among those words (باتت الحصيلة الآن ثلاثة قتلى وأربعة جرحى)."""
    before, _ = _clause_words(text, start, start)
    near = [_SOURCE_CLITICS.sub("", w) if w not in _RISE else w for w in before[-RISE_REACH:]]
    if any(w in _NOW for w in near):
        return True
    verbs = [k for k, w in enumerate(near) if w in _RISE or w[1:] in _RISE]
    return bool(verbs) and any(w in _RISE_LINK for w in near[verbs[0] + 1:])


def _expected(text: str, start: int) -> bool:
    """Whether a count at `start` is forecast or planned: a word of expectation or plan, or a verb in the future
    tense, within `EXPECT_REACH` words before it in its clause (توقع اقتصاديون ... 223 ألف وظيفة، من المقرر أن يشارك
    40 فريقا، ستشارك 40 دولة), a conjunction off; or in the clause before, when the count's clause opens with an
    `explains-opener` (سيؤدي الفريق حركات استعراضية، حيث تتكون عروضه من 23 حركة)."""
    clauses = _CLAUSE_END.split(text[:start])
    words = [normalize_word(w) for w in _WORDS.findall(clauses[-1])]
    if len(clauses) > 1 and words and words[0] in _EXPLAINS:
        words = [normalize_word(w) for w in _WORDS.findall(clauses[-2])] + words
    if any(w in _EXPECTED or _SOURCE_CLITICS.sub("", w) in _EXPECTED for w in words[-EXPECT_REACH:]):
        return True
    if any(future_verb(w) for w in words[-EXPECT_REACH:]):
        RULES.hit("future-verb")
        return True
    return False


def _to_date(text: str, start: int, end: int) -> bool:
    """Whether a count is a running total: a phrase of one (`to-date` rows: إجمالي، منذ بداية العام، حتى الآن) within
    `TO_DATE_REACH` words either side of it, in its clause, a conjunction off."""
    before, after = _clause_words(text, start, end)
    near = " " + " ".join(_SOURCE_CLITICS.sub("", w) for w in before[-TO_DATE_REACH:] + after[:TO_DATE_REACH]) + " "
    found = any(f" {cue} " in near for cue in _TO_DATE)
    if found:
        RULES.hit("running-total")
    return found


def _near(text: str, start: int, end: int, cues: frozenset[str]) -> bool:
    """Whether one of `cues` stands within `PER_DAY_REACH` words either side of a count, in its clause (a word of
    each day: يوميا، اليومي; a word of passing or arriving: عبرت، الواردة), a conjunction off."""
    before, after = _clause_words(text, start, end)
    return any(w in cues or _SOURCE_CLITICS.sub("", w) in cues
               for w in before[-PER_DAY_REACH:] + after[:PER_DAY_REACH])


def _side(text: str, end: int) -> frozenset[str]:
    """Whose toll a figure ending at `end` is: the content stems of the `SIDE_WORDS` words after من when من stands
    within `SIDE_REACH` words after it in its clause (مقتل 14 من الحوثيين، قتل سبعة وجرح 42 من المقاومة)."""
    words = [normalize_word(w) for w in _WORDS.findall(_CLAUSE_END.split(text[end:], maxsplit=1)[0])]
    at = next((k for k, w in enumerate(words[:SIDE_REACH + 1]) if w == _FROM), None)
    if at is None:
        return frozenset()
    return frozenset(a for w in words[at + 1:at + 1 + SIDE_WORDS] if (a := _group_anchor(w)))


def _possessor(text: str, words: Words, number: NumberMention) -> frozenset[str]:
    """Whose group a count of a noun is: the stem of the word with the article right after its counted noun written
    without it, the noun's possessor (4 من مسلحي الميليشيات against 9 من مسلحي المقاومة: two sides' fighters);
    empty when the noun has the article or no such word follows it."""
    after = [w for w in words if w[0] >= number.end][:POSSESSOR_REACH]
    at = next((k for k, w in enumerate(after) if number.unit and noun_form(w[2]) == number.unit), None)
    if at is None or at + 1 >= len(after) or after[at][2].startswith("ال") or not after[at + 1][2].startswith("ال"):
        return frozenset()
    if text[after[at][1]:after[at + 1][0]].strip():
        return frozenset()  # 4 جنود، الأحد: punctuation between, no possessor
    anchor = _group_anchor(after[at + 1][2])
    if anchor:
        RULES.hit("possessor-side")
    return frozenset((anchor,)) if anchor else frozenset()


def _moved(words: Words, start: int, cues: frozenset[str] = _MOVED) -> bool:
    """Whether the people counted at `start` are those a verb carried, evacuated, received, treated or saw off
    (نقلت طائرتان 27 مصابا، استقبل المستشفى 30 جريحا، انتشال 15 جثة، ودعت الجمعية 27 مصابا): such a verb among the
    `MOVED_REACH` words before, a conjunction off or not (ودع is the verb, not و and دع), with no complementizer
    between it and the count (نقلت الوكالة عن مصدر أن 50 قتلوا reports, it carries none)."""
    written = [w for _, e, w in words if e <= start][-MOVED_REACH:]
    before = [_SOURCE_CLITICS.sub("", w) for w in written]
    verbs = [k for k, (w, bare) in enumerate(zip(written, before, strict=True)) if w in cues or bare in cues]
    return bool(verbs) and not any(w in _COMPLEMENTIZERS for w in before[verbs[-1] + 1:])


def _remaining(text: str, end: int) -> bool:
    """Whether the people counted before `end` are those still somewhere (7 مصابين لم يغادروا المستشفيات، 12 جريحا
    ما زالوا يتلقون العلاج): a word of remaining among the `REMAINING_REACH` words after the count, in its clause."""
    clause = _CLAUSE_END.split(text[end:], maxsplit=1)[0]
    return any(_SOURCE_CLITICS.sub("", normalize_word(w)) in _REMAINING
               for w in _WORDS.findall(clause)[:REMAINING_REACH])


def _indexed(words: Words, start: int, cues: frozenset[str]) -> bool:
    """Whether the word right before a number is one of `cues` (a conjunction off): a label's noun (الدقيقة 32،
    المادة 5) or a superlative that picks a part (أفضل ثمانية منتخبات، أول ثلاثة أيام)."""
    before = [w for _, e, w in words if e <= start][-1:]
    return bool(before) and (before[0] in cues or _SOURCE_CLITICS.sub("", before[0]) in cues)


def _beside_toll(words: Words, start: int, end: int) -> bool:
    """Whether a casualty word stands within `TOLL_REACH` words before the count at [start, end), or a casualty verb
    in the plural (-وا: its subject is the count) within twice that after it, with no tally before it (قتل 13 مسلحا
    حوثيا، كان 5 من المتمردين وحلفائهم قتلوا): the count of a side's dead or captured, which each clash changes; a
    tally before it names a total (حصيلة الضحايا المسجلة 410 حالات), and so does a noun after it (415 حالة وفاة)."""
    before = [w for _, e, w in words if e <= start][-TOLL_REACH:]
    after = [w for s, _, w in words if s >= end][:2 * TOLL_REACH]
    return not any(w in _TALLY for w in before) and any(
        _SYNONYMS.get(stem(w)) in CASUALTIES for w in before + [w for w in after if w.endswith(_PLURAL_VERB)])


def _toll_word(words: Words, start: int, end: int) -> str:
    """The casualty a count at [start, end) is told with: a casualty verb in the plural right after its noun (3 جنود
    قتلوا), else a casualty word right before it (مقتل 3 جنود); "" if neither. A second toll further on (وأصيب 31)
    is another count's."""
    after = [w for s, _, w in words if s >= end][:1]
    before = [w for _, e, w in words if e <= start][-1:]
    for word in [w for w in after if w.endswith(_PLURAL_VERB)] + before:
        if (casualty := _SYNONYMS.get(stem(word))) in CASUALTIES:
            return casualty
    return ""


def _elided(text: str, previous: int, number: NumberMention) -> bool:
    """Whether a figure joined by و to the figure ending at `previous`, in its clause, has no noun of its own: a
    function word (من، في) or nothing follows it."""
    if not _ELLIPSIS.fullmatch(text, previous, number.start):
        return False
    following = _WORDS.match(text[number.end:].lstrip())
    return following is None or normalize(following.group()) in STOPWORDS


def _noun_end(words: Words, number: NumberMention) -> int:
    """Where the counted noun right after a number ends (the number's end when none): the noun is the slot, not a
    word that tells two figures with the same noun apart (7 درجات، 18.5 كيلومترا)."""
    following = next((w for w in words if w[0] >= number.end), None)
    if number.unit is None or following is None or noun_form(following[2]) != number.unit:
        return number.end
    return following[1]


def _count_slot(text: str, number: NumberMention, words: Words) -> str | None:
    """The toll (killed, injured...) for casualty figures, else the counted noun's key; None for a bare number.
    `words` start after the figure before this one: a tally or a toll word before that figure names it, not this
    one (حصيلة الضحايا فاقت 40 قتيلا، ولا يزال 12 شخصا مفقودين)."""
    if number.unit in STOPWORDS or _next_clause(number.unit):  # بلغ 3166 حتى مساء الخميس، مقتل اثنين وإصابة ثلاثة
        number = number._replace(unit=None)  # a function word, or و opening the next toll, is no counted noun
    noun = unit_key(number.unit)
    canon = _SYNONYMS.get(stem(number.unit or ""))
    if canon in CASUALTIES:
        return canon
    before = [w for _, e, w in words if e <= number.start]
    following = [w for s, _, w in words if s >= number.end]
    after = following[1:3]  # the verb after the counted noun: 20 شخصا نزحوا
    among = next((len(p.split()) for p in _AMONG if " ".join(following[1:1 + len(p.split())]) == p), 0)
    if among:  # 12 شخصا في عداد المفقودين: the toll word after the phrase
        after = following[1 + among:2 + among]
    after = after[:next((k for k, w in enumerate(after) if _next_clause(w)), len(after))]  # not the next toll's word:
    # استشهاد 15 شخصا وإصابة آخرين counts the dead, the injured follow
    clause = len(_CLAUSE_END.split(text[:number.start])[-1])
    cue = next((_SYNONYMS.get(stem(w)) for w in reversed(before[-3:]) if _SYNONYMS.get(stem(w)) in CASUALTIES),
               None) or _tallied(before[-TALLY_WINDOW:]) or _reached_tally(
                   [w for s, e, w in words if s >= number.start - clause and e <= number.start])
    if cue and (number.unit is None or unit_key(number.unit) in _ANY_PEOPLE):
        return cue
    cue = next((_SYNONYMS.get(stem(w)) for w in after if _SYNONYMS.get(stem(w)) in CASUALTIES), None)
    if cue and number.unit is not None and unit_key(number.unit) in _ANY_PEOPLE:
        return cue
    if noun is None or number.unit in _NOT_A_SLOT:
        return None  # a bare number or an age/year count is too loose a slot
    if noun == PERCENT and any(map(_a_change, before[-CHANGE_WINDOW:])):
        return None  # ارتفع بنسبة 5%: a rate of change over a period the sentence names, not a share
    if noun == PERCENT and _restated(normalize(text[:number.start])):
        RULES.hit("restated-change")  # انخفض 31 سنتا أو 0.64%: the change just told, as a percentage
        return None
    return _NOUNS.get(noun, noun)  # a percentage is the slot "%": the words next to it say of what


def _restated(before: str) -> bool:
    """Whether the text before a percentage (normalised) ends with a figure, its noun and أو: the percentage says the
    same change again (31 سنتا أو 0.64 في المائة)."""
    found = list(_FIGURE_BEFORE.finditer(before))
    return bool(found) and _RESTATED.fullmatch(before, found[-1].end()) is not None


def _next_clause(unit: str | None) -> bool:
    """Whether the word read as a number's counted noun is و and a casualty word: the next toll's (مقتل اثنين
    وإصابة ثلاثة، استشهاد 15 وإصابة 33), not the noun the number counts."""
    return bool(unit) and unit.startswith("و") and _SYNONYMS.get(stem(unit[1:])) in CASUALTIES and not any(
        unit in words for words in _TOLL_WORDS.values())  # 15 وفاة: و is the noun's own letter


def _a_change(word: str) -> bool:
    """Whether a word names a rise or a fall, also as an adverbial accusative (ارتفاعاً بنسبة 11%: the alef of its
    tanween is no part of the stem)."""
    return stem(word) in _CHANGE or (word.endswith("ا") and len(word) > 4 and stem(word[:-1]) in _CHANGE)


def _reached_tally(clause: Sequence[str]) -> str | None:
    """The toll a tally names anywhere before its figure in the figure's clause (`clause`: its words up to the
    figure) when a verb of reaching stands right before the figure, or before إلى and the figure: the subject and
    its verb may stand far apart (عدد القتلى في انهيار المبنى بشرق المدينة اليوم الثلاثاء بلغ أربعة عشر)."""
    verb = [_SOURCE_CLITICS.sub("", w) for w in clause[-2:]]
    if verb[-1:] and verb[-1] in _REACH or len(verb) == 2 and verb[1] in _RISE_LINK and verb[0] in _REACH | _RISE:
        toll = _tallied(clause)
        if toll:
            RULES.hit("reached-tally")
        return toll
    return None


def _tallied(before: Sequence[str]) -> str | None:
    """The toll a tally names before its figure: عدد المفقودين جراء الفيضانات بلغ 10 آلاف (the counted noun first)."""
    for word, following in zip(before, before[1:], strict=False):
        toll = _SYNONYMS.get(stem(following))
        if word in _TALLY and toll in CASUALTIES:
            return toll
    return None


def _number_range(text: str, number: NumberMention) -> tuple[float, float, str]:
    """The values a number allows and its hedge: approximate plurals span their order, hedges and bounds widen
    it."""
    if number.approximate:
        return number.value, number.value * 10 - 1, "approximate"
    low, high, hedge = _hedged(text, number.start, number.end, number.value)
    below, above = _rounding(text[number.start:number.end], number.value)
    if hedge or not below:
        return low, high, hedge
    RULES.hit("rounded-figure")  # 97 مليونا is 97,039,330 told round, 300 is 302
    return number.value - below, number.value + above, "rounded"


def _rounding(written: str, value: float) -> tuple[float, float]:
    """How far below and above its value a figure written round may lie: half the unit it is rounded to (97 مليونا:
    half a million; 2.4 مليون: 50 thousand; 300: 50; ثلاثة آلاف: 500; 100 مليون: 50 million), at most
    `_ROUNDED_SHARE` of it (100 stands for 104, not for 140); 0 for a figure written to the unit (59 ألفا و674، 302،
    45). A compound figure is rounded to the scale of its last part (122 مليونا و334 ألفا: half a thousand). A
    decimal of a scale word may be cut rather than rounded, up to a whole unit above (5.9 مليون for 5,969,428; 1.3
    مليون for 1,372,500), a tenth of the figure at most."""
    cut = False
    written = normalize(written).strip("() ")
    digits = _LEADING_DIGITS.match(written)
    parts = list(_LEADING_DIGITS.finditer(written))
    if len(parts) > 1 and _JOINED.search(written, 0, parts[-1].start()):  # 122 مليونا و334 ألف: a compound
        # figure, to the unit of its last part (not 935ر6 مليون, a decimal written the wire's way)
        tail = written[parts[-1].start():].split()
        whole = parts[-1].group().replace(",", "")
        zeros = len(whole) - len(whole.rstrip("0")) if whole.isdigit() else 0
        unit = SCALES.get(tail[1], 0.0) * 10.0 ** (zeros if zeros >= 2 else 0) if len(tail) > 1 else 0.0
        if unit:
            RULES.hit("compound-rounded")
    elif digits is None:  # in words: ثلاثة آلاف، مليونان
        unit = 10.0 ** math.floor(math.log10(value)) if value >= 1000 else 0.0
        unit = unit if unit and value % unit == 0 else 0.0
    elif digits.end() == len(written):  # digits alone: 300، 5300
        whole = digits.group().replace(",", "")
        zeros = len(whole) - len(whole.rstrip("0")) if whole.isdigit() else 0
        unit = 10.0 ** zeros if zeros >= 2 else 0.0
    else:  # digits and a scale word: 97 مليونا، 2.4 مليون، (11,9) ملايين
        shown = digits_value(digits.group())
        scale = value / shown if shown else 0.0
        exact = scale >= 1000 and abs(math.log10(scale) - round(math.log10(scale))) < 1e-9
        decimals = len(re.split(r"[.,]", digits.group())[1]) if re.search(r"[.,]\d{1,2}$", digits.group()) else 0
        whole = digits.group().replace(",", "")
        zeros = len(whole) - len(whole.rstrip("0")) if whole.isdigit() else 0
        unit = round(scale) * 10.0 ** (-decimals if decimals else zeros if zeros >= 2 else 0) if exact else 0.0
        cut = bool(decimals)
    below = min(unit / 2, _ROUNDED_SHARE * value)
    if cut and below:
        RULES.hit("cut-decimal")
    above = min(unit, 2 * _ROUNDED_SHARE * value) if cut else below  # a decimal cut: up to its whole unit above,
    return below, above  # a tenth of the figure at most (0.5 مليون is not 599,999)


def _hedged(text: str, start: int, end: int, value: float) -> tuple[float, float, str]:
    """(lowest, highest, hedge) for a value and the words around it: أكثر من، أقل من، نحو، على الأقل; of two hedges
    written before it, the longer decides (لم يتجاوز 20 is at most 20, تجاوز 20 more than 20)."""
    before = normalize(text[max(0, start - 20):start]).strip()
    after = normalize(text[end:end + 25])
    if any(map(after.__contains__, _LOWER_BOUND_AFTER)):
        return value, float("inf"), "lower"
    following = _WORDS.findall(_CLAUSE_END.split(text[end:], maxsplit=1)[0])[:ABOUT_AFTER_REACH]
    if any(normalize_word(w) in _ABOUT_AFTER for w in following):
        RULES.hit("estimate-after")  # 30 شخصا تقريبا: an estimate, as نحو 30 شخصا
        return value * (1 - _ABOUT), value * (1 + _ABOUT), "about"
    hedges = [(len(cue), hedge) for hedge, cues in (("lower", _LOWER_BOUND_BEFORE), ("upper", _UPPER_BOUND_BEFORE),
                                                    ("about", _ABOUT_BEFORE)) for cue in cues if before.endswith(cue)]
    hedge = max(hedges)[1] if hedges else ""
    if hedge == "lower":
        return value, float("inf"), hedge
    if hedge == "upper":
        return 0.0, value, hedge
    if hedge == "about":
        return value * (1 - _ABOUT), value * (1 + _ABOUT), hedge
    return value, value, ""


def outlet_of(articles: Sequence[Article]) -> dict[str, str]:
    """The outlet of the article each one copies (itself when original): a copy never contradicts its original,
    and an outlet never contradicts itself (a later report of its own updates the earlier one)."""
    by_id = {a.id: a for a in articles}
    outlets = {}
    for a in articles:
        root = a
        while root.duplicate_of in by_id and root.duplicate_of != root.id:
            root = by_id[root.duplicate_of]  # type: ignore[index]
        outlets[a.id] = root.source or root.id
    return outlets


def _same_slot(a: Quantity, b: Quantity, same_fact: Callable[[Quantity, Quantity], bool],
               settings: ContradictionSettings, parts: bool = False) -> bool:
    """Same kind of value about the same fact (`same_fact`), comparable in time. An amount of money or a market reading
    (`changing`) is compared only as the amount of one transaction on one day (`_one_sum`): an event has many sums,
    and the words around one rarely tell it from the others. A toll or a percentage changes from day to day, so it is
    compared on one publication day (a toll that only rises, `settings.cumulative`, also across days: it must not
    fall); another figure (a magnitude, a population, a count of homes) also across days, when the values stay within
    `drift` of each other and no casualty word stands next to either (قتل 13 مسلحا: a side's dead, which each clash
    changes). `parts`: values listed beside others of their kind are taken too (an outlet that lists the other's value
    agrees with it)."""
    sums_apart = a.slot in _CHANGING and not _one_sum(a, b)  # money: only one transaction's amounts
    if a.slot != b.slot or sums_apart or (a.listed or b.listed) and not parts or not same_fact(a, b):
        return False  # a value listed beside others of its kind (قتل 34 من هؤلاء و17 من أولئك) is one part of many
    if a.periods and b.periods and not _overlap(a.periods, b.periods):
        RULES.hit("different-periods")
        return False  # sales in April against sales in the first half: figures of different periods
    if _past(a) and not b.periods or _past(b) and not a.periods:
        RULES.hit("past-period")
        return False  # 11.9 million passengers in the same months of last year against this year's 13 million
    if a.about == "date":
        return True
    if a.days and b.days and not a.days & b.days:
        RULES.hit("days-apart")  # 1467 cars came to the market yesterday, 1800 on Friday: each day's reading
        return False
    if _spans_apart(a, b):
        RULES.hit("spans-apart")  # قرابة 20 غارة on one day against خلال أسبوع 30 غارة: totals over other spans
        return False
    if a.toll and b.toll and a.incident.apart(b.incident):
        RULES.hit("incidents-apart")  # deaths by shelling and deaths by dengue fever, one ambush's dead and two
        return False  # ambushes': two incidents' tolls
    if (a.to_date or b.to_date) and not _same_day(a, b):
        RULES.hit("running-total-days")  # 40 cases so far on Monday, 46 on Tuesday: a total at two of its days
        return False
    if (a.daily or b.daily) and not a.days & b.days:
        RULES.hit("daily-figure")  # ألفا سيارة يوميا against 1755 cars on Tuesday: figures of different days
        return False
    if _same_day(a, b):
        return True
    if a.slot in settings.cumulative:
        return bool(a.sentence.article.published and b.sentence.article.published)
    if (a.flow or b.flow) and (a.days or b.days):
        RULES.hit("day-reading")  # 65 ships crossed today (one day), 63 in a report of the next: each day's own
        return False
    return (not (a.toll or b.toll) and a.slot != PERCENT
            and max(a.low, b.low) <= settings.drift * min(a.high, b.high))


def _past(q: Quantity) -> bool:
    """Whether a value is of a past period: every month or year its sentence names ended before the report's."""
    published = q.sentence.article.published or ""
    return bool(q.periods and published) and all(p < published[:len(p)] for p in q.periods)


def _country(name: str) -> bool:
    """Whether a place's name is a country's, or ends with one (دولة إسرائيل، جمهورية مصر)."""
    words = name.split()
    return any(" ".join(words[k:]) in _COUNTRIES for k in range(len(words)))


def _elsewhere(a: Quantity, b: Quantity) -> bool:
    """Whether two values are about different places: each names a place next to it that the other's sentence does
    not name (a name holding another counts as the same: سلطنة عمان، عمان); a province both name does not make
    two of its towns one place (رفح في شمال سيناء، الشيخ زويد في شمال سيناء). A count (not a span) is elsewhere
    too when its place is named nowhere in the other's sentence, which names places of its own (16 killed in
    Sanaa; 17 killed in clashes across the city of Taiz): a count is of the place it is given for, a span's place
    may be another's (talks in Beijing achieved what Washington could not)."""
    if _unnamed(a.places, b.named) and _unnamed(b.places, a.named):
        RULES.hit("places-apart")
        return True
    if a.about != "date" and any(x.places and y.named and _unnamed(x.places, y.named) == x.places
                                 for x, y in ((a, b), (b, a))):
        RULES.hit("place-unnamed")
        return True
    return False


def _area(q: Quantity) -> bool:
    """Whether a figure in a unit of length is an area or a volume: مربع or مكعب follows its noun (100 مليون متر
    مربع)."""
    following = _WORDS.findall(q.sentence.text, q.span[1])[:2]
    return any(normalize_word(w) in _AREA_AFTER for w in following)


def _same_place(a: Quantity, b: Quantity) -> bool:
    """Whether a place named next to one value is named next to the other (one name holding the other counts)."""
    return any(p in n or n in p for p in a.places for n in b.places)


def _one_scene(a: Quantity, b: Quantity) -> bool:
    """Whether two values may be of one place: neither sentence names one, or the places named next to each (those
    of its sentence when none is) meet (a toll in a sentence naming Marib is not one in a sentence naming none)."""
    first, second = a.places or a.named, b.places or b.named
    return not (first or second) or _same_place(replace(a, places=first), replace(b, places=second))


def _unnamed(places: frozenset[str], named: frozenset[str]) -> frozenset[str]:
    """The places that none of `named` names."""
    return frozenset(p for p in places if not any(p in n or n in p for n in named))


def _overlap(first: frozenset[str], second: frozenset[str]) -> bool:
    """Whether two sets of months and years share a period (2014 holds 2014-04)."""
    return any(p.startswith(q) or q.startswith(p) for p in first for q in second)


def _same_day(a: Quantity, b: Quantity) -> bool:
    """Whether two values were published on one day (a publication time, when given, is left aside)."""
    day = (a.sentence.article.published or "")[:10]
    return bool(day) and day == (b.sentence.article.published or "")[:10]


def _agree(a: Quantity, b: Quantity) -> bool:
    """Values that can be one figure: their ranges overlap, unless both are estimates (نحو) of different values; or
    one is the other told to the unit (44 كيلوغراما for 43.8)."""
    if a.hedge == b.hedge == "about" and a.low != b.low:
        return False
    return a.low <= b.high and b.low <= a.high or _to_the_unit(a, b) or _to_the_unit(b, a)


def _to_the_unit(whole: Quantity, precise: Quantity) -> bool:
    """Whether `whole`, a plain figure written without a fraction, is `precise` (a plain figure with one) rounded to
    the unit, where the unit is small beside the figure (`_UNIT_ROUNDING`): 44 and 43.8 kg are one weight, a
    magnitude of 7 and one of 6.8 are two readings."""
    if not (whole.hedge == precise.hedge == "" and whole.low == whole.high and precise.low == precise.high):
        return False
    if whole.low != int(whole.low) or precise.low == int(precise.low) or _FRACTION_WRITTEN.search(whole.shown):
        return False
    return abs(precise.low - whole.low) <= min(0.5, _UNIT_ROUNDING * whole.low)


def _clash(a: Quantity, b: Quantity, settings: ContradictionSettings) -> bool:
    """Comparable values that cannot both hold: on one day, values that do not agree; across days, a toll that only
    rises (`settings.cumulative`) given lower in the later report than the earlier one allows, within `fall_ratio`
    of it (a toll far lower is another incident's). A step of such a toll (a preliminary, earlier or so-far
    figure) is of another time than the other value and never clashes. Values placed in different places
    (`_elsewhere`) never clash."""
    if _agree(a, b):
        return False
    if _risen(a, b):
        RULES.hit("rising-step")
        return False  # ارتفع عدد المضربين إلى 148 against an earlier 120: a count at two steps of its rise
    if (a.step or b.step) and a.slot in settings.cumulative:
        RULES.hit("toll-step")
        return False  # an earlier step of a rising toll (حصيلة سابقة، وكانت الحصيلة): a figure of another time
    if _elsewhere(a, b):
        RULES.hit("different-places")
        return False  # 12 killed in Homs, 20 in Idlib: figures of different places (agreeing ones still agree)
    if a.about == "date" or a.slot not in settings.cumulative:
        return True
    if _same_day(a, b):  # reports of one day: ordered by the day each names (an undated one may be of the day
        # before, a daily's; so reports of two days are never moved onto one)
        if _told_day(a) == _told_day(b):
            return True
        RULES.hit("told-days-apart")  # 15 wounded in Friday's raids against 26 in a report of Sunday: two steps
    earlier, later = sorted((a, b), key=lambda q: (_told_day(q) if _same_day(a, b) else "",
                                                   q.sentence.article.published or ""))
    if later.high < earlier.low <= settings.fall_ratio * later.high:
        RULES.hit("toll-fell")
        return True
    return False


def _told_day(q: Quantity) -> str:
    """The day a value is told for: the earliest day its sentence names (أمس، مساء الجمعة), else its report's day."""
    return min(q.days) if q.days else (q.sentence.article.published or "")[:10]


def _risen(a: Quantity, b: Quantity) -> bool:
    """Whether one of two values is told as a count still rising (`Quantity.rising`) and the lower was published
    before the higher: the lower is an earlier step of the count. Reports of one time (or of no time) are not ordered
    and still clash."""
    lower, higher = sorted((a, b), key=lambda q: q.low)
    before = lower.sentence.article.published or ""
    return (a.rising or b.rising) and bool(before) and before < (higher.sentence.article.published or "")


def _rival_sources(a: Quantity, b: Quantity) -> bool:
    """Two values that rival sources give, in one sentence or in a sentence and the next: a contrast (أما، بينما،
    في حين) followed by a source of its own (قال، قدرت، بحسب) before the second value (قدّر المرصد قوة الهزة بـ5.9.
    أما المركز الأوروبي فقدرها بـ5.4), or before the first, with another source between the two (بينما تحدث الدفاع
    المدني عن 40 قتيلا، قال المستشفى إن العدد 52). A participle (مشيرا، لافتا) or a continuing verb (وأضاف) goes on
    with the same source and is none."""
    first, second = sorted((a, b), key=lambda q: (q.sentence.start, q.span))
    if (first.sentence.article.id, first.sentence.start) == (second.sentence.article.id, second.sentence.start):
        between = first.sentence.text[first.span[1]:second.span[0]]
    elif _next_sentence(first.sentence, second.sentence):
        between = first.sentence.text[first.span[1]:] + " . " + second.sentence.text[:second.span[0]]
    else:
        return False
    if _speaking_count(between):
        RULES.hit("counted-speakers")  # قال 44% ...، في حين قال 34%: the people counted speak, no rival sources
        return False
    if _contrast_then_source(between):
        return True
    return _contrast_then_source(first.sentence.text[:first.span[0]]) and _has_source(between)


def _speaking_count(between: str) -> bool:
    """Whether the second value stands right after a speech or estimating verb (في حين قال 34%، بينما أفاد 59٪): it
    counts the people who said it (a poll's answers), it is no figure a rival source gives."""
    words = _WORDS.findall(between)
    if not words or _has_source(" ".join(words[:-1])):
        return False
    verb = _SOURCE_CLITICS.sub("", fold(words[-1]))
    return verb in CUE_READINGS and verb not in _ESTIMATE and fold(words[-1]) not in _ESTIMATE


def _contrast_then_source(text: str) -> bool:
    """Whether a contrast in `text` opens a clause with a source of its own: a source cue within `RIVAL_REACH`
    words after it, in its clause (أما المركز الأوروبي للرصد فقدر، بينما قال، في حين أعلن)."""
    norm = normalize(text)
    for m in _RIVAL.finditer(norm):
        clause = _CLAUSE_END.split(norm[m.end():], maxsplit=1)[0]
        if _has_source(" ".join(_WORDS.findall(clause)[:RIVAL_REACH])):
            return True
    return False


def _has_source(text: str) -> bool:
    """Whether `text` names a source of its own: a finite speech verb that does not continue the last speaker and
    introduces what it says (أن، إن، عن within `SPEAKER_REACH` words: نقلت الإسعافات ثلاثة مصابين carries people, it
    reports nothing), a verb of estimating, or "according to"."""
    words = [_SOURCE_CLITICS.sub("", fold(word)) for word in _WORDS.findall(text)]
    for k, folded in enumerate(words):
        reading = CUE_READINGS.get(folded)
        if folded in _ESTIMATE or folded in ACCORDING_TO or (
                reading is not None and not reading[1] and reading[0] not in CONTINUATION
                and any(w in _COMPLEMENTIZERS for w in words[k + 1:k + 1 + SPEAKER_REACH])):
            return True
    return False


def _one_sum(a: Quantity, b: Quantity) -> bool:
    """Two sums of money given on one publication day as the amount of the same transaction (a loan, a deal, the
    pledges of a conference): one fact, which outlets may state differently. Other sums change (prices, market
    readings) or are too many in one event to tell apart by the words around them."""
    if a.sum_of and a.sum_of == b.sum_of and _same_day(a, b):
        RULES.hit("one-sum")
        return True
    return False


def _next_sentence(first: EventSentence, second: EventSentence) -> bool:
    """Whether `second` is the sentence right after `first` in one article."""
    return (first.article.id == second.article.id and first.end <= second.start
            and not first.article.text[first.end:second.start].strip())


def _disputes(quantities: Sequence[Quantity], by_slot: Mapping[str, Sequence[int]],
              max_ratio: float) -> list[tuple[int, int]]:
    """Pairs of values that rival sources give (`_rival_sources`) and that do not agree, percentages excepted; other
    than tolls, within `max_ratio` of each other (a magnitude of 7 or 6.8 is one figure, a distance of 70 km and a
    depth of 18.5 two)."""
    found = []
    for same in by_slot.values():
        for n, i in enumerate(same):
            for j in same[n + 1:]:
                a, b = quantities[i], quantities[j]
                if a.about == "date" or a.slot in _CHANGING or a.slot == PERCENT or _agree(a, b):
                    continue  # a poll's shares (قال 44%، في حين قال 34%) are answers, not rival sources' figures
                close = a.slot in CASUALTIES or max(a.low, b.low) <= max_ratio * min(a.high, b.high)
                if close and _rival_sources(a, b):
                    RULES.hit("rival-sources")
                    found.append((i, j))
    return found


def _conflict_components(quantities: list[Quantity], outlets: Mapping[str, str],
                         same_fact: Callable[[Quantity, Quantity], bool],
                         settings: ContradictionSettings) -> list[list[Quantity]]:
    """Groups of quantities linked by conflicts: values of different outlets that clash, an outlet that also states
    the other value excepted (unless it gives that value as one of rival sources' figures), and values that rival
    sources give in one sentence, with the other outlets' reports of the same values. A group of more than
    `max_values` values (a figure told over days by many outlets) is split into the conflicts of reports published
    one after the other, none between them."""
    article = [outlets[q.sentence.article.id] for q in quantities]
    source = [q.sentence.article.source or q.sentence.article.id for q in quantities]
    by_slot: dict[str, list[int]] = {}
    for k, q in enumerate(quantities):
        by_slot.setdefault(q.slot, []).append(k)
    related = sorted((i, j) for same in by_slot.values() for n, i in enumerate(same) for j in same[n + 1:]
                     if article[i] != article[j] and source[i] != source[j]
                     and _same_slot(quantities[i], quantities[j], same_fact, settings, parts=True))
    pairs = [(i, j) for i, j in related if not (quantities[i].listed or quantities[j].listed)]
    disputed = _disputes(quantities, by_slot, settings.max_ratio)
    rival = {k for pair in disputed for k in pair}
    agreed: set[tuple[int, str]] = set()
    for i, j in related:  # an outlet listing 100 judges of one court and 25 of another agrees with "100 judges"
        if _agree(quantities[i], quantities[j]):
            agreed |= {(i, article[j])} if j not in rival else set()
            agreed |= {(j, article[i])} if i not in rival else set()
    # another outlet giving one of the rival sources' values, to the unit, takes its side (a relief agency's 7420
    # dead in a wire that also gives a ministry's 2815, and in a daily that gives only 7420)
    backing = [(i, j) for same in by_slot.values() for n, i in enumerate(same) for j in same[n + 1:]
               if (i in rival) != (j in rival) and article[i] != article[j]
               and _same_value(quantities[i], quantities[j])]
    steps = _told_in_sequence(quantities, by_slot, article, rival, settings)
    apart = _listed_apart(quantities, by_slot, rival)
    conflicts = [(i, j) for i, j in pairs if _clash(quantities[i], quantities[j], settings)
                 and (i, article[j]) not in agreed and (j, article[i]) not in agreed
                 and not _told_both(quantities[i], quantities[j], steps, "told-in-sequence", one_day=True)
                 and not _told_both(quantities[i], quantities[j], apart, "listed-apart")] + disputed + backing
    groups = []
    for group in _linked(conflicts):
        if len({quantities[k].low for k in group}) <= settings.max_values:
            groups.append(group)
            continue
        RULES.hit("successive-reports")  # a toll told over days: each report against the one before it
        times = {k: quantities[k].sentence.article.published or "" for k in group}
        groups += _linked([(i, j) for i, j in conflicts if i in times and _successive(times, i, j)])
    return [[quantities[k] for k in group] for group in groups]


def _told_in_sequence(quantities: Sequence[Quantity], by_slot: Mapping[str, Sequence[int]], outlet: Sequence[str],
                      rival: set[int], settings: ContradictionSettings) -> list[tuple[Quantity, Quantity]]:
    """(lower, higher) values of a toll that only rises (`settings.cumulative`) that one outlet gives on one day as
    steps of its count, not as rival sources' figures: the lower told as an earlier, so-far or running figure (وكان
    المكتب قد أعلن توقيف 251 شخصا), the higher as a count still rising, or the lower in a report published before
    the higher's (251 at noon, 297 in the evening)."""
    found = []
    for i, j in ((i, j) for slot in settings.cumulative for i in by_slot.get(slot, ()) for j in by_slot[slot]):
        a, b = quantities[i], quantities[j]
        if i in rival or j in rival or outlet[i] != outlet[j] or a.high >= b.low or not _same_day(a, b):
            continue
        earlier = (a.sentence.article.published or "") < (b.sentence.article.published or "")
        if a.step or a.to_date or b.rising or earlier and a.sentence.article.id != b.sentence.article.id:
            found.append((a, b))
    return found


def _listed_apart(quantities: Sequence[Quantity], by_slot: Mapping[str, Sequence[int]],
                  rival: set[int]) -> list[tuple[Quantity, Quantity]]:
    """Values of one slot that a sentence lists side by side, not as rival sources' figures: two facts (مهلة 30 يوما
    لمن في الداخل و60 يوما لمن في الخارج، قتل 34 من هؤلاء و17 من أولئك)."""
    return [(quantities[i], quantities[j]) for same in by_slot.values() for n, i in enumerate(same)
            for j in same[n + 1:] if quantities[i].listed and quantities[j].listed and i not in rival
            and j not in rival and quantities[i].sentence is quantities[j].sentence
            and not _agree(quantities[i], quantities[j])]


def _told_both(a: Quantity, b: Quantity, told: Sequence[tuple[Quantity, Quantity]], rule: str,
               one_day: bool = False) -> bool:
    """Whether two values agree with the two values of one pair a report gives both of (`told`: the steps of a
    count rising over one day, `one_day`: both of that day; or two facts listed side by side): they are not one
    figure disputed."""
    for first, second in told:
        if first.slot == a.slot and not (one_day and not (_same_day(a, first) and _same_day(b, first))) and (
                _agree(a, first) and _agree(b, second) or _agree(b, first) and _agree(a, second)):
            RULES.hit(rule)
            return True
    return False


def _same_value(a: Quantity, b: Quantity) -> bool:
    """One exact figure, not a round one that many counts share: the same value, told plainly (or written round:
    11300 beside 11 ألفا و300), of at least two significant digits (7420, 2815; not 20 or 3000)."""
    value = (a.low + a.high) / 2
    digits = f"{value:.0f}".rstrip("0")
    return (a.hedge in _PLAIN and b.hedge in _PLAIN and value == (b.low + b.high) / 2 and value == int(value)
            and len(digits) >= 2)


def _linked(pairs: Sequence[tuple[int, int]]) -> list[list[int]]:
    """The groups of indices the pairs link, each in order of first appearance in the sorted pairs."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in pairs:
        parent[find(i)] = find(j)
    members: dict[int, list[int]] = {}
    for i, j in sorted(pairs):
        for k in (i, j):
            group = members.setdefault(find(k), [])
            if k not in group:
                group.append(k)
    return list(members.values())


def _successive(times: Mapping[int, str], i: int, j: int) -> bool:
    """Whether no other value of the group was published strictly between the two values' publication times."""
    first, last = sorted((times[i], times[j]))
    return not any(first < t < last for t in times.values())


def _contradiction(event_id: str, component: list[Quantity], claim_of: Mapping[tuple[str, int], str],
                   outlets: Mapping[str, str]) -> Contradiction:
    """One contradiction: the claims involved and a readable Arabic line, values grouped with their outlets."""
    by_value: dict[str, list[str]] = {}
    shown: dict[object, str] = {}  # one value written two ways (7420، 7 آلاف و420) is shown once
    claims: list[str] = []
    for q in sorted(component, key=lambda q: (q.low, q.high)):
        outlet = q.sentence.article.source or q.sentence.article.id
        value = (q.low + q.high) / 2 if q.hedge in _PLAIN else (q.low, q.high)
        written = shown.setdefault(value, q.shown if q.about != "date" else q.shown.split(" (")[0])
        outlets = by_value.setdefault(written, [])
        if outlet not in outlets:
            outlets.append(outlet)
        claim = claim_of[(q.sentence.article.id, q.sentence.start)]
        if claim not in claims:
            claims.append(claim)
    slot = component[0].slot
    label = _SUM_LABEL.format(slot) if component[0].sum_of else slot_label(slot)
    topic = sorted(set.intersection(*[set(q.anchors) for q in component]) - set(_SLOT_LABELS))
    if topic and slot not in CASUALTIES:
        label += f" ({'، '.join(topic[:2])})"
    values = " مقابل ".join(f"{value} ({'، '.join(outlets)})" for value, outlets in by_value.items())
    return Contradiction(event_id, component[0].about, tuple(claims), f"{label}: {values}")


def slot_label(slot: str) -> str:
    """How a slot is named in Arabic: عدد القتلى، المدة بالأيام، عدد مسكن."""
    return _SLOT_LABELS.get(slot) or _OTHER_LABEL.format(slot)


def _count_phrase(n: float, unit: str) -> str:
    """"3 أيام", "يومان", "10 أيام", "12 يوم" — the counted unit in a readable form."""
    single, dual, plural = _UNIT_NAMES.get(unit, (unit, unit, unit))
    if n == 1:
        return single
    if n == 2:
        return dual
    return f"{n:g} {plural if 3 <= n <= 10 else single}"
