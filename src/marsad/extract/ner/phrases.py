"""Phrase rules of the NER document pass: multi-word names the CRF misses, found from their grammar.

- **Head + chain**: a head noun (`models/gazetteer/name_heads.txt`: وزارة، القوات، مطار، جمهورية، اتفاق ...)
  followed by a genitive/adjective chain — definite nouns, adjectives (nisba السوداني، العامة ...), لل-phrases
  (للقوات المسلحة), names already found or listed — up to a stop (a verb or particle, a preposition, punctuation,
  a number, و + a word that does not continue the name). An indefinite head takes up to two indefinite nouns in
  construct before its definite or proper element (مجلس نواب الشعب، رابطة معلمي الإقليم الوطنية); a definite head
  (القوات، المتحف) needs an adjective or a لل-phrase (القوات المسلحة، المتحف الوطني). Maximal span.
- **Person after a title**: the one to three name-like words after a title (and its complement: وزير الدفاع
  الأردني، قائد القوات المسلحة) where the CRF found nothing.
- **Latin-script names** inside Arabic text: ORG, MISC after برنامج/نظام/تطبيق/منظومة.

Only word classes and head lists: no name of any particular entity is written here.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count
from pathlib import Path

from marsad.extract.ner.gazetteer import GAZETTEER_DIR
from marsad.text.normalize import fold
from marsad.text.tokens import proclitic_readings

HEADS_FILE = "name_heads.txt"
MAX_CHAIN = 9  # words after the head
MAX_CONSTRUCT = 2  # indefinite nouns in construct before the definite/proper element
RARE = 60  # a word seen fewer times in 9M words of news is name-like
NAME_CONT = 400  # a word after a given name or a rare name continues it when seen fewer times than this
_F = fold

# Function words and everyday words that end a chain (folded).
STOP = {_F(w) for w in (
    "في", "من", "إلى", "الى", "على", "عن", "مع", "بين", "حول", "ضد", "عبر", "خلال", "منذ", "حتى", "لدى", "عند",
    "بعد", "قبل", "أمام", "وراء", "تحت", "فوق", "دون", "نحو", "إثر", "اثر", "عقب", "بشأن", "بحسب", "حسب", "وفق",
    "و", "أو", "او", "ثم", "لكن", "بل", "أم", "أن", "إن", "ان", "أنه", "انه", "أنها", "إنه", "إنها", "قد", "لقد", "لا",
    "لم", "لن", "ما", "ماذا", "كما", "كان", "كانت", "يكون", "تكون", "ليس", "ليست", "هذا", "هذه", "ذلك", "تلك",
    "هؤلاء", "هو", "هي", "هم", "هن", "نحن", "أنا", "انت", "أنت", "كل", "بعض", "غير", "سوى", "أي", "أيضا", "ايضا",
    "الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللواتي", "اللاتي", "اللائي", "عندما", "حين",
    "حيث", "إذ", "إذا", "لو", "لأن", "كي", "لكي", "منه", "منها", "عليه", "عليها", "فيه", "فيها", "له", "لها", "لهم",
    "به", "بها", "إليه", "اليه", "يوم", "أمس", "امس", "اليوم", "الآن", "الان", "غدا", "صباح", "مساء", "ليلة",
    "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الماضي", "الماضية",
    "المقبل", "المقبلة", "الحالي", "الحالية", "الجاري", "الجارية", "القادم", "القادمة", "الأخير", "الأخيرة",
    "السابق", "السابقة", "الأسبق", "الجديد", "الجديدة", "التالي", "التالية", "نفسه", "نفسها", "ذاته", "ذاتها",
    "أمس", "الأسبوع", "الشهر", "السنة", "الصباح", "المساء", "الليلة", "عاما", "عام", "شهر", "أسبوع", "قال", "قالت",
    "أكد", "أكدت", "أعلن", "أعلنت", "إنّ", "أنّ", "وقال", "وقالت", "بينما", "فيما", "كذلك", "أيضاً", "جدا",
    "الأولى", "المعنية", "المعني", "المختصة", "المختص", "المسؤولة", "المسؤول", "المختلفة", "المختلف", "الأخرى",
    "الآخر", "الاخرى", "كافة", "جميع", "معا", "وحدها", "وحده", "عدة", "عدد", "أكثر", "أقل", "نحو", "حوالي",
    # evaluative and descriptive adjectives that follow a name without being part of it
    "الإرهابي", "الإرهابية", "المتمرد", "المتمردة", "الانقلابي", "الانقلابية", "الموالي", "الموالية",
    "المدعوم", "المدعومة", "الرسمي", "الرسمية", "الشقيق", "الشقيقة", "المزعوم", "المزعومة", "المحظور",
    "المحظورة", "المنحل", "المنحلة", "الحاكم", "المعارض", "المتطرف", "المتطرفة", "الصديق", "الصديقة",
    "المذكور", "المذكورة", "المحلي", "المحلية", "الرئيسي", "الرئيسية",
)}
# ل + these verbal nouns is a purpose ("in order to"), not part of a name.
LIL_STOP = {_F(w) for w in (
    "للحصول", "للتفاوض", "للمشاركة", "للتعامل", "للرد", "للمطالبة", "للاحتجاج", "للتوصل", "للتباحث", "للتشاور",
    "للنظر", "للقاء", "للاجتماع", "للمساعدة", "للتحقيق", "للسيطرة", "للتعبير", "للإعلان",
    "لللقاء", "للمرة", "للعام", "للشهر", "لليوم", "للأسبوع", "للسنة", "للحديث", "للوقوف", "للضغط", "للتنديد",
    "للتصدي", "للحد", "للقيام", "للاطلاع", "للتأكد", "للإفراج", "للدعوة", "للرئيس", "للوزير",
    "للملك", "للأمير", "للأمين", "للمتحدث", "للسفير", "للمبعوث", "للمدير", "للقائد",
)}
# Adjectives that continue a name besides the nisba ones (-ي، -ية).
ADJECTIVES = {_F(w) for w in (
    "العام", "العامة", "الأعلى", "العليا", "الأكبر", "الكبرى", "الأعظم", "العظمى", "الأوسط", "الوسطى", "الأدنى",
    "الأقصى", "المتحد", "المتحدة", "الموحد", "الموحدة", "المسلح", "المسلحة", "المستقل", "المستقلة", "الحر", "الحرة",
    "الدائم", "الدائمة", "الخاص", "الخاصة", "السريع", "الكبير", "الشريف", "الشريفة", "الشريفين", "المقدس",
    "المقدسة", "المحتل", "المحتلة", "الأحمر", "الحمراء", "الأخضر", "الخضراء", "الأبيض", "البيضاء", "الأسود",
    "السوداء", "الأزرق", "الزرقاء", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع",
    "العاشر", "الموحّد", "العظيم", "المركزي", "الشعبي", "الأهلي", "الإسلامي", "المشتركة", "المشترك",
    "المؤقت", "المؤقتة", "المنتخب", "الاتحادي", "الاتحادية", "الفيدرالي", "الفيدرالية", "الملكي", "الملكية",
)}
# Title words after which a person's name comes (besides the gazetteer's titles).
EXTRA_TITLES = {_F(w) for w in (
    "زعيم", "الزعيم", "رئيسة", "أمين", "المفتش", "مفتش", "القيادي", "قيادي", "عضو", "العضو", "مستشار",
    "المستشار", "نائب", "قائد", "المدير", "المديرة", "مدير", "مديرة", "المتحدثة", "الناطقة", "الفنان", "المغني",
    "المغنية", "الروائي", "الشاعر", "الشاعرة", "الرئيس", "الرئيسة", "الوزير",
    "الوزيرة", "وزير", "وزيرة", "المبعوث", "السفير", "الملك", "الأمير", "الأميرة", "الشيخ", "الجنرال", "اللواء",
    "العميد", "العقيد", "المشير", "الفريق", "النائب", "النائبة", "الدكتور", "الدكتورة", "السيد", "السيدة",
    "سكرتير", "السكرتير", "المنسق", "منسق", "المندوب", "مندوب", "رئيس",
)}
NAME_LINKS = {_F(w) for w in ("بن", "ابن", "بنت", "أبو", "ابو", "أم", "عبد", "آل", "ولد", "دي", "دو", "فان", "فون")}
# Words that make a following Latin name a product or system (MISC) rather than a company (ORG).
LATIN_MISC_BEFORE = {_F(w) for w in ("برنامج", "نظام", "تطبيق", "منظومة", "برمجية", "صاروخ", "طائرة", "منصة",
                                     "أنظمة", "برامج", "تطبيقات")}
# Heads whose name without the head is also used alone (حركة X -> X), when X is not an everyday word.
# Heads that make a name only with two or more words after them (قوات الأمن is a designation).
WEAK_HEADS = {_F(w) for w in ("مكتب", "قوات", "مجموعة", "سلطة", "برنامج", "تنظيم")}
# Definite heads that open a name with an adjective (القوات المسلحة); others (الإدارة الأمريكية) are designations.
DEFINITE_OK = {_F(w) for w in (
    "القوات", "القيادة", "المجلس", "الاتحاد", "الحزب", "النقابة", "المدرسة", "الجامعة", "المتحف", "الجيش", "البنك",
    "الجبهة", "المنظمة", "الهيئة", "اللجنة", "المركز", "المعهد", "الأكاديمية", "المحكمة", "الصندوق",
    "المصرف", "المفوضية", "المملكة", "الجمهورية", "السلطنة", "الإمارة", "الوكالة", "الديوان", "الأمانة", "الحرس",
    "الجمعية", "الرابطة", "التحالف", "الائتلاف", "الكلية", "المسجد", "الجامع", "الكنيسة", "القصر", "الوزارة",
)}
TAIL_ALIAS_HEADS = {_F(w) for w in ("حركة", "حزب", "جبهة", "جماعة", "قوات", "ميليشيا", "ميليشيات", "مليشيا",
                                    "مليشيات", "تنظيم", "كتائب")}
# Heads that take a second member with و (وزارة التعليم العالي والبحث العلمي).
COORD_HEADS = {_F(w) for w in ("وزارة", "هيئة", "مفوضية", "لجنة", "الوزارة", "الهيئة")}
# Media nouns: an outlet is named without them (قناة X is listed as X), so they end a chain.
MEDIA = {_F(w) for w in ("قناة", "صحيفة", "جريدة", "مجلة", "موقع", "إذاعة", "تلفزيون", "شبكة", "حساب", "صفحة")}
DIRECTIONS = {_F(w) for w in ("شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي")}
# MISC heads only take a place or a proper name (اتفاق + a city), or, for systems, a definite noun + adjective.
PLACE_ONLY = {"GPE", "MISC"}


@dataclass(frozen=True, slots=True)
class Head:
    kind: str  # ORG LOC GPE MISC
    definite: bool


@lru_cache(maxsize=2)
def load_heads(folder: Path = GAZETTEER_DIR) -> dict[str, Head]:
    """folded head word -> Head (indefinite heads and their derived definite forms)."""
    from marsad.resources import fields  # the one loader of shipped tables

    heads: dict[str, Head] = {}
    for word, kind in fields(folder / HEADS_FILE):
        if word.startswith("="):
            heads[_F(word[1:])] = Head(kind, True)
            continue
        w = _F(word)
        heads.setdefault(w, Head(kind, False))
        heads.setdefault("ال" + w, Head(kind, True))
    return heads


_HEADS_OF: dict[str, tuple[int, str, Head] | None] = {}  # `head_of` by folded word


def head_positions(words: list[str]) -> list[int]:
    """Indices of the folded words that are head nouns (`head_of`), looking each word type up once."""
    for f in set(words).difference(_HEADS_OF):
        _HEADS_OF[f] = head_of(f)
    return positions(words, _HEADS_OF.__getitem__)


def head_of(f: str) -> tuple[int, str, Head] | None:
    """(proclitic length, head word, Head) when a folded word is a head noun, whole or with proclitics off."""
    heads = load_heads()
    hd = heads.get(f)
    if hd is not None:
        return 0, f, hd
    for cut, r in sorted(proclitic_readings(f), key=lambda x: x[0]):
        hd = heads.get(r)
        if hd is not None:
            if r in ("رياسه", "قياده") and f[0] == "ب":  # برئاسة، بقيادة: "headed by", "led by"
                return None
            return cut, r, hd
    return None


def positions(words: Iterable[str], test: Callable[[str], object]) -> list[int]:
    """Indices of the words that pass `test` (the loop runs in C: these scans cover every token of an article)."""
    return list(compress(count(), map(test, words)))


def is_arabic(word: str) -> bool:
    return bool(word) and all("\u0621" <= ch <= "\u064a" for ch in word)


def is_adjective(word: str, prev: str = "") -> bool:
    """A definite folded word that reads as an adjective continuing a name (nisba or listed)."""
    if word in ADJECTIVES:
        return True
    if not word.startswith("ال") or len(word) < 5 or word in STOP:
        return False
    if word.endswith(("ي", "يه")):
        return True
    return word.endswith(("يين", "يون")) and prev.endswith(("ين", "ون"))


_LATIN_CAPITAL = re.compile("[A-Z]")


def is_latin_name(word: str) -> bool:
    return word.isascii() and word[:1].isupper() and word.isalpha()


# Word classes returned by `PhraseRules.classify`.
STOP_C, SPAN, LIL, DEF, ADJ, COORD, PROPER, INDEF = range(8)


class PhraseRules:
    """The rules over one document (`entities._Document`): `heads_pass`, then `PeopleAndLatin`."""

    def __init__(self, doc) -> None:  # noqa: ANN001 - entities._Document
        self.doc = doc
        self.heads = load_heads()
        self.gaz = doc.lex.gaz
        self.count = doc.lex.count
        self.n = len(doc.words)
        self.titles = self.gaz.titles
        # words of the people the CRF found: a facility may carry them, an organisation head stops there
        self.person_words = {doc.folded[i] for s in doc.spans if s.type == "PER" for i in range(s.first, s.last + 1)}

    # --- word classes ---
    def place(self, word: str) -> bool:
        return self.gaz.single(word) in ("GPE", "LOC")

    def title(self, word: str) -> bool:
        return (word,) in self.titles or word in EXTRA_TITLES

    def nisba_of_common(self, word: str) -> bool:
        """An indefinite adjective: -ية, or -ي on a frequent stem (دفاعي، انفصالية)."""
        if word.endswith("يه"):
            return True
        return word.endswith("ي") and (self.count(word[:-1]) >= 50 or self.place(word[:-1])
                                        or self.place("ال" + word[:-1]))

    def place_nisba(self, word: str) -> bool:
        """A nationality adjective: a listed place + ي/ية (إيراني، الإيرانية)."""
        for end in ("يه", "ي"):
            if word.endswith(end):
                stem = word[:-len(end)]
                if self.place(stem) or self.place("ال" + stem) or (stem.startswith("ال") and self.place(stem[2:])):
                    return True
        return False

    def proper(self, word: str, strict: bool = False) -> bool:
        """An indefinite folded word that reads as a name: a listed place or given name, or a rare word."""
        if self.place(word) or word in self.gaz.given:
            return True
        return len(word) > 2 and self.count(word) < (RARE // 6 if strict else RARE) and not self.nisba_of_common(word)

    def classify(self, j: int, prev: str) -> int:
        doc = self.doc
        text = doc.words[j]
        if not text[0].isalnum() or text[0].isdigit():
            return STOP_C
        if doc.owner.get(j) is not None:
            return SPAN
        f = doc.folded[j]
        if f in STOP or j in doc.owned or not is_arabic(f):
            return STOP_C
        cut, b = doc.cuts[j], doc.bare[j]
        if f.startswith("لل") and len(f) > 4:
            ok = f not in LIL_STOP and not self.place(b) and not self.title(b)
            return LIL if ok else STOP_C
        if f.startswith("ال"):
            if self.title(f):
                return STOP_C
            return ADJ if is_adjective(f, prev) else DEF
        if f.startswith("وال") and len(f) > 5 and f[1:] not in STOP:
            return COORD
        if cut and b != f:
            return STOP_C
        if self.title(f) or f in self.heads or f in MEDIA:
            return STOP_C
        return PROPER if self.proper(f) else INDEF

    # --- rule 1: head + chain ---
    def chain(self, h: int, hf: str, head: Head) -> int | None:
        """Index of the last word of the name opened by the head at h, or None when no chain follows."""
        doc = self.doc
        kind = head.kind
        if head.definite and hf not in DEFINITE_OK:
            return None
        state = "B0" if head.definite else "A"
        last = None
        construct = 0
        elements = 0
        has_lil = False
        place_only = kind in PLACE_ONLY
        j = h + 1
        prev = hf
        own = doc.owner.get(h)
        if own is not None and own.last > h:  # a name the CRF found: extend it
            last, j, state, prev = own.last, own.last + 1, "B", doc.folded[own.last]
            elements = 2
        while j < self.n and j - h <= MAX_CHAIN:
            c = self.classify(j, prev)
            f = doc.folded[j]
            if c == SPAN:
                s = doc.owner[j]
                after = s.last + 1
                if s.type == "PER":
                    ok = kind == "LOC" or (kind == "ORG" and after < self.n and self.classify(after, "") == LIL)
                else:
                    ok = s.type in ("LOC", "GPE", "ORG") or (s.type == "MISC" and state == "A")
                if place_only:
                    ok = s.type in ("LOC", "GPE") and state == "A"
                cut, b = doc.cuts[j], doc.bare[j]
                if (not ok or state == "B0" or not is_arabic(f) or (cut and not f.startswith("لل"))
                        or (b in self.heads and not b.startswith("ال"))):
                    break
                last, j, state, prev = s.last, after, "B", doc.folded[s.last]
                elements += 1
                continue
            if c == PROPER and kind != "LOC" and f in self.person_words:
                break
            if state == "A":
                if place_only:
                    if c in (DEF, ADJ, PROPER) and self.place(doc.bare[j]):
                        last, state = j, "B"
                    elif kind == "MISC" and hf == "منظومه" and c == DEF:
                        last, state = j, "B"
                    elif kind == "GPE" and f in DIRECTIONS and construct == 0:
                        construct += 1
                    else:
                        break
                elif c in (DEF, ADJ):
                    last, state = j, ("P" if f in self.gaz.given else "B")
                elif c == PROPER:
                    last, state = j, "P"
                elif c == INDEF and construct < MAX_CONSTRUCT and not _verb_like(f) and not self.nisba_of_common(f):
                    construct += 1
                else:
                    break
            elif state == "B0":
                if c == ADJ and (not place_only or kind == "GPE"):
                    last, state = j, "B"
                else:
                    break
            else:
                if c == ADJ and not (f.endswith(("يين", "يون")) and not has_lil):
                    last = j
                elif c == LIL and not place_only:
                    last, has_lil, state = j, True, "B"
                elif c == PROPER and state == "P" and not place_only and self.proper(f, strict=True):
                    last = j
                elif f in NAME_LINKS and state == "P" and j + 1 < self.n and self.classify(j + 1, f) == PROPER:
                    last, j = j + 1, j + 1
                elif (c == COORD and state == "B" and hf in COORD_HEADS and f[1:] not in self.heads
                      and not self.place(f[1:]) and not self.title(f[1:])):
                    last = j
                else:
                    break
            elements += last == j
            prev = f
            j += 1
        if last is None or (hf in WEAK_HEADS and elements < 2):
            return None
        return last

    def heads_pass(self) -> list[tuple[int, int, str, int]]:
        """(first, last, type, proclitic length of the head) of each head + chain name."""
        doc = self.doc
        found = []
        free = 0  # the next token not inside a name found here
        for i in head_positions(doc.folded):
            if i < free or i in doc.owned:
                continue
            cut, hf, head = _HEADS_OF[doc.folded[i]]
            last = self.chain(i, hf, head)
            if last is not None:
                found.append((i, last, head.kind, cut))
                free = last + 1
        return found

    def gazetteer_pass(self) -> list[tuple[int, int, str, int]]:
        """List names longer than the CRF's span over them (القدس -> القدس الشرقية)."""
        doc, gaz = self.doc, self.gaz
        found = []
        free = 0
        for i in positions(doc.bare, gaz.starts.__contains__):
            if i < free or i in doc.owned:
                continue
            m = gaz.match([doc.bare[i]] + doc.folded[i + 1:i + gaz.max_len], 0)
            if m is None or m[0] < 2 or m[1] not in ("GPE", "LOC"):
                continue
            last = i + m[0] - 1
            inside = [doc.owner[k] for k in range(i, last + 1) if k in doc.owner]
            if inside and all(s.last <= last for s in inside):
                if not any(s.first == i and s.last == last for s in inside):
                    found.append((i, last, "LOC", doc.cuts[i]))
            if inside:
                free = last + 1
        return found


def _verb_like(word: str) -> bool:
    """An indefinite word that is probably a verb in the imperfect (يضم، تعمل، سيدافع)."""
    return (word[0] in "يت" and len(word) <= 4) or (word[0] == "ي" and len(word) <= 6) or word.startswith(("سي", "ست"))


class PeopleAndLatin:
    """Rules 2 and 3 over one document: names after titles, and Latin-script names."""

    def __init__(self, rules: PhraseRules) -> None:
        self.r = rules
        self.doc = rules.doc
        self.titles = rules.gaz.titles
        self.title_words = rules.gaz.title_starts | EXTRA_TITLES  # the words a title can start with

    def extend_people(self) -> list[tuple[int, int, str, int]]:
        """A person the CRF found by a given name alone takes the name-like word after it (إبراهيم + surname)."""
        doc = self.doc
        found = []
        for s in list(doc.spans):
            if s.type != "PER" or s.last - s.first > 1 or doc.folded[s.last] not in self.r.gaz.given:
                continue
            j = s.last + 1
            if self.name_word(j, False) and not _verb_like(doc.folded[j]):
                found.append((s.first, j, "PER", doc.cuts[s.first]))
        return found

    def is_title(self, i: int) -> int:
        """Length of the title starting at token i (0 when none)."""
        doc = self.doc
        b = doc.bare[i]
        if b not in self.title_words:
            return 0
        if i + 1 < self.r.n and (b, doc.folded[i + 1]) in self.titles:
            return 2
        return 1 if (b,) in self.titles or b in EXTRA_TITLES else 0

    def name_word(self, j: int, first: bool) -> bool:
        doc = self.doc
        if j >= self.r.n or doc.owner.get(j) is not None or j in doc.owned:
            return False
        text, f = doc.words[j], doc.folded[j]
        if is_latin_name(text):
            return True
        if not is_arabic(f) or f in STOP or f in self.r.heads or (f,) in self.titles or f in EXTRA_TITLES:
            return False
        if self.r.place(f) or is_adjective(f) and self.r.count(f) >= RARE:
            return False
        if f in self.r.gaz.given:
            return True
        if first:
            cut, b = doc.cuts[j], doc.bare[j]
            if f[0] in "وف" or self.r.place(b) or f.startswith("ال") or _verb_like(f):
                return False
            if cut and self.r.count(b) >= 100:  # a preposition on a common word (بدأب)
                return False
            return self.r.count(f) < RARE and not self.r.nisba_of_common(f)
        if (f[0] == "و" or f.startswith(("بال", "لل", "فال", "كال")) or f.endswith("يه") or _verb_like(f)
                or self.r.count(f) >= NAME_CONT or self.r.place_nisba(f)):
            return False
        raw = doc.words[j]
        return not (raw.endswith("ه") and len(f) >= 3 and self.r.count(f[:-1]) >= 20)  # a pronoun suffix

    def name_at(self, j: int) -> int | None:
        """Last index of a 1-3 word name starting at j, or None."""
        doc = self.doc
        if not self.name_word(j, True):
            return None
        last = j
        k = j + 1
        while k < self.r.n and k - j < 4:
            f = doc.folded[k]
            if f in NAME_LINKS and self.name_word(k + 1, False):
                last = k = k + 1
            elif self.name_word(k, False):
                last = k
            else:
                break
            k += 1
        s = doc.owner.get(last + 1)
        if s is not None and s.type == "PER":  # the CRF found the rest of the name (given name + known surname)
            return s.last
        f0 = doc.folded[j]
        if last == j and self.r.count(f0) >= RARE // 3:  # one word alone: only a rare one
            return None
        return last

    def people(self) -> list[tuple[int, int, str, int]]:
        doc = self.doc
        found = []
        n = self.r.n
        free = 0
        for i in positions(doc.bare, self.title_words.__contains__):
            t = self.is_title(i) if i >= free and doc.owner.get(i) is None and i not in doc.owned else 0
            if not t:
                continue
            j = i + t
            prev = doc.folded[j - 1]
            # the title's complement: وزير المالية الكويتي، المتحدث باسم الجيش، قائد القوات المسلحة
            while j < n and j - i <= 8:
                s = doc.owner.get(j)
                if s is not None:
                    if s.type == "PER":
                        break
                    j = s.last + 1
                    continue
                c = self.r.classify(j, prev)
                f = doc.folded[j]
                nxt = doc.owner.get(j + 1)
                if f in ("في", "من") and nxt is not None and nxt.type != "PER":  # القيادي في حزب ...
                    j = nxt.last + 1
                    continue
                if c in (DEF, ADJ, LIL) and f not in self.r.gaz.given or f == "باسم" or self.is_title(j):
                    prev = f
                    j += 1
                    continue
                break
            last = self.name_at(j) if j < n else None
            if last is not None:
                found.append((j, last, "PER", 0))
                free = last + 1
        return found

    def latin(self) -> list[tuple[int, int, str, int]]:
        doc = self.doc
        found: list[tuple[int, int, str, int]] = []
        if not _LATIN_CAPITAL.search(doc.text):
            return found
        i = 0
        n = self.r.n
        while i < n:
            if doc.owner.get(i) is not None or i in doc.owned or not is_latin_name(doc.words[i]):
                i += 1
                continue
            last = i
            while last + 1 < n and is_latin_name(doc.words[last + 1]) and doc.owner.get(last + 1) is None:
                last += 1
            before = doc.words[i - 1] if i else ""
            if before not in ("(", "[") and len(doc.words[i]) > 1:
                kind = "MISC" if i and doc.bare[i - 1] in LATIN_MISC_BEFORE else "ORG"
                found.append((i, last, kind, 0))
            i = last + 1
        return found
