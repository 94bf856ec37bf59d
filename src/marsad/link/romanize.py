"""Rule-based romanisation of Arabic names, the readable way English-language newspapers print them.

A word becomes a row of units, consonants and long vowels; short vowels, which Arabic does not write, are guessed
by a few rules (a vowel after the first consonant of a word-initial cluster, u in the participle mu-CaaCiC, one
inside any run of three consonants or after a doubled one, `e` between two final consonants after a long vowel:
خالد Khaled, سلمان Salman, جعفر Jaafar, شمّري Shammari, مساعد Musaed; the quadriliteral diminutive fu-CaiCiC:
الشميمري Shumaimri, الدغيثر Dughaither). Name parts found in the given- and
family-name tables keep their usual spelling; names that start with a foreign given name, or that read as
transcribed from a European language (no known Arabic part, a foreign ending: رونالدو), are romanised without the
Arabic vowel guesses (بلينكن Blinken, not Balinkan; Ronaldo, not Rounaldou), a final ي as y (كيربي Kirby).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from marsad.link.latin_attested import AttestedNames
from marsad.link.latin_foreign import ForeignDetector, foreign_detector, foreign_speller, plain_latin
from marsad.link.latin_tables import LATIN_DIR, LatinTables, key, strip_article
from marsad.resources import MODELS_DIR, fields
from marsad.rules import RuleSet
from marsad.text.normalize import DIACRITICS, INVISIBLE, TATWEEL

SHADDA = "\u0651"
LINK_MODELS = MODELS_DIR / "link"
LETTERS_PATH = LINK_MODELS / "romanization.tsv"
PARTICLES_PATH = LINK_MODELS / "name_particles.tsv"
COMPOUNDS_PATH = LINK_MODELS / "name_compounds.tsv"
FOREIGN_ENDINGS_PATH = LINK_MODELS / "foreign_endings.tsv"


def _letters(kind: str, column: int) -> dict[str, str]:
    """Letter -> Latin from one column of `romanization.tsv`, for the letters of one kind that fill it."""
    return {row[0]: row[column] for row in fields(LETTERS_PATH) if row[1] == kind and len(row) > column and row[column]}


CONSONANTS = _letters("C", 2)
FOREIGN_CONSONANTS = _letters("C", 3)
MAGHREBI_CONSONANTS = _letters("C", 4)
# How a name is spelled: by Arabic rules, as a foreign name, or the French-influenced Maghrebi way.
ARABIC, FOREIGN, MAGHREBI = "arabic", "foreign", "maghrebi"
SON = tuple(key(word) for word, role in fields(PARTICLES_PATH) if role == "son")
IBN = frozenset(key(word) for word, role in fields(PARTICLES_PATH) if role == "ibn")  # ابن starting a name: Ibn
FAMILY_PREFIXES = tuple(key(word) for word, role in fields(PARTICLES_PATH) if role == "family-prefix")  # بو
BERBER_PREFIXES = tuple(key(word) for word, role in fields(PARTICLES_PATH) if role == "berber-prefix")  # أو
SUN_LETTERS = frozenset(row[0] for row in fields(LETTERS_PATH) if len(row) > 5 and row[5] == "yes")
ALEFS = _letters("V", 2)
VOWEL_LETTERS = frozenset(ALEFS)
# Two-word name parts spelled as one word: head (عبد + a definite word) and tail (... الدين، ... الله) -> Latin.
COMPOUND_HEADS = {key(part): latin for part, position, latin, _ in fields(COMPOUNDS_PATH) if position == "head"}
COMPOUND_TAILS = {key(part): latin for part, position, latin, _ in fields(COMPOUNDS_PATH) if position == "tail"}
# The parts outlets also glue to the other word (عبدالله، نصرالله): such a word is cut there.
SPLIT_HEADS = tuple(key(part) for part, position, _, split in fields(COMPOUNDS_PATH)
                    if position == "head" and split == "yes")
SPLIT_TAILS = tuple(key(part) for part, position, _, split in fields(COMPOUNDS_PATH)
                    if position == "tail" and split == "yes")
# Endings of names transcribed from European and Latin-American languages (رونالدو، باولو).
FOREIGN_ENDINGS = tuple(key(ending) for ending, _ in fields(FOREIGN_ENDINGS_PATH))
# The names of Latin letters (بي B, إف F), read in acronyms; the first row of a name wins.
LETTER_NAMES: dict[str, str] = {}
for _name, _letter in fields(LATIN_DIR / "letter_names.tsv"):
    LETTER_NAMES.setdefault(key(_name), _letter)
AYN, HAMZA = "ع", "ء"
ARTICLE = "ال"  # as written: a foreign name that starts so has a hamza (ألبرتو)
# Outlets of these countries print their people's names the French way (Mustapha, Ouhammad, Chebbi).
MAGHREB_COUNTRIES = frozenset({"DZ", "MA", "TN", "MR"})
# ...and these print بن inside a name as `bin`, whatever the father's name.
GULF_COUNTRIES = frozenset({"SA", "AE", "QA", "KW", "BH", "OM", "YE"})
_ARABIC = re.compile(r"[\u0600-\u06FF]")
DETECTED_MIN_LETTERS = 3  # shorter words say too little to the detector
WORD_MIN_LETTERS, WORD_FOREIGN_ODDS = 5, 2.0  # ...and for one word of a name not transcribed as a whole
FOREIGN_ODDS = 1.0  # the detector's mean log-odds per letter over which an unknown name reads as transcribed
RULES = RuleSet("latin")
RULES.register("transcribed-ending", "transcribed-detected", "transcribed-listed", "foreign-word", "foreign-spelled",
               "maghrebi-article-glued", "amazigh-ou", "one-compound", "derived-verbal-noun", "acronym", "gulf-bin",
               "diminutive-fuaiil", "initial-long-vowel", "amazigh-son-of", "ibn-first", "family-compound",
               "final-wa", "european-attested", "transcribed-lexicon")


@dataclass(slots=True)
class Unit:
    """One sound: `kind` is C (consonant), V (vowel), A (ayn) or H (hamza); `short` marks a guessed vowel."""

    kind: str
    text: str
    short: bool = False

    @property
    def consonant(self) -> bool:
        return self.kind != "V"


def has_arabic(text: str) -> bool:
    """True when `text` holds at least one Arabic letter."""
    return bool(_ARABIC.search(text))


def clean_word(word: str) -> str:
    """The letters of `word`: short vowels, tatweel and invisible marks removed, shadda kept (it doubles)."""
    return "".join(ch for ch in word if ch == SHADDA or not (ch in DIACRITICS or ch == TATWEEL or ch in INVISIBLE))


def _waw_or_ya(letters: str, i: int) -> bool:
    """True when و or ي at `i` is a consonant: word start, before a vowel letter, or after alef."""
    nxt = letters[i + 1] if i + 1 < len(letters) else ""
    prev = letters[i - 1] if i else ""
    return i == 0 or bool(nxt) and nxt in "اأآإىٱوي" or bool(prev) and prev in VOWEL_LETTERS


def _final_ha(letters: str, i: int) -> Unit:
    """Word-final ه: a ta marbuta written plainly after a consonant (حمزه Hamza), a real h after a vowel."""
    return Unit("C", "h") if letters[i - 1] in "اويى" else Unit("V", "a")


def family_prefix(word_key: str) -> bool:
    """A word (matching form) that starts with the Maghrebi بو before a consonant (بوعزيزي Bouazizi; in البواردي
    the و is a consonant, Bawardi)."""
    return any(word_key.startswith(p) and word_key[len(p):len(p) + 1] not in VOWEL_LETTERS | {"و", "ي", ""}
               for p in FAMILY_PREFIXES)


def berber_prefix(word_key: str) -> bool:
    """A word (matching form) that starts with the Amazigh أو before a consonant (أوحماد Ouhammad)."""
    return len(word_key) >= 4 and word_key.startswith(BERBER_PREFIXES) and word_key[2] not in VOWEL_LETTERS | {"و", "ي"}


def _initial_long_vowel(letters: str, style: str) -> tuple[str, int] | None:
    """A word that starts with a long vowel before a consonant: (its Latin, letters used) for إ and ي (إيهاب Ihab,
    إيغيل Ighil), and in a Maghrebi name a bare و (وجدة Oujda), which the Maghrebi press writes `Ou` with no vowel
    after it; else None."""
    if letters[:1] == "إ" and letters[1:2] == "ي":
        found = ("i", 2)
    elif style == MAGHREBI and letters[:1] == "و":
        found = ("ou", 1)
    else:
        return None
    n = found[1]
    if len(letters) <= n + 1 or letters[n] in VOWEL_LETTERS | {"و", "ي", SHADDA}:
        return None
    RULES.hit("initial-long-vowel")
    return found


def units(word: str, style: str = ARABIC) -> list[Unit]:
    """The sounds of one Arabic word, before short vowels are guessed; a Maghrebi word's Amazigh أو is `ou`."""
    foreign = style == FOREIGN
    spelled = {FOREIGN: FOREIGN_CONSONANTS, MAGHREBI: MAGHREBI_CONSONANTS}.get(style, {})
    letters = clean_word(word).replace("تش", "چ")
    out: list[Unit] = []
    if style == MAGHREBI and berber_prefix(key(letters)):
        RULES.hit("amazigh-ou")
        out.append(Unit("V", "ou"))
        letters = letters[2:]
    elif style != FOREIGN and (initial := _initial_long_vowel(letters, style)):
        out.append(Unit("V", initial[0]))
        letters = letters[initial[1]:]
    for i, ch in enumerate(letters):
        last = i == len(letters) - 1
        if ch == SHADDA:
            if len(out) > 1 and out[-1].kind == "C" and len(out[-1].text) == 1:
                out[-1].text *= 2
        elif ch in ALEFS:
            out.append(Unit("V", ALEFS[ch]))
        elif ch == "ي" and letters[i + 1:] == "ي" and i and letters[i - 1] not in "اويى":
            out += [Unit("V", "i"), Unit("C", "y")]  # the nisba of a name ending in ي: لوديي Loudiyi
        elif ch == "و" and style == ARABIC and letters[i + 1:] == "ة" and i and letters[i - 1] not in "اويى":
            RULES.hit("final-wa")  # a consonant و before a final ة: الربوة Rabwa, مروة Marwa, ثروة Tharwa
            out.append(Unit("C", "w"))
        elif ch in "وي" and _waw_or_ya(letters, i):
            out.append(Unit("C", ("ou" if style == MAGHREBI else "w") if ch == "و" else "y"))  # Ouarzazate
        elif ch == "و":
            out.append(Unit("V", "o" if foreign else "ou"))
        elif ch == "ي":
            out.append(Unit("V", "y" if foreign and last and letters[i - 1] not in "اويى" else "i"))
        elif ch == "ة":
            out.append(Unit("C", "t") if i and letters[i - 1] == "ا" else Unit("V", "a"))
        elif ch == "ه" and last and i:
            out.append(_final_ha(letters, i))
        elif ch in "ئؤ":
            out.append(Unit("V", "e" if ch == "ئ" else "ou"))
        elif ch == AYN:
            out.append(Unit("A", ""))
        elif ch == HAMZA:
            out.append(Unit("H", ""))
        elif ch in CONSONANTS:
            out.append(Unit("C", spelled.get(ch, CONSONANTS[ch])))
    return out


def _insert(seq: list[Unit], at: int, vowel: str) -> None:
    seq.insert(at, Unit("V", vowel, short=True))


def _doubled(unit: Unit) -> bool:
    return unit.kind == "C" and len(unit.text) == 2 and unit.text[0] == unit.text[1]


def _needs_vowel_after(seq: list[Unit], i: int) -> int | None:
    """Where a short vowel goes near `i`: after a doubled consonant, or inside a run of three consonants."""
    if not seq[i + 1].consonant:
        return None
    if _doubled(seq[i]):
        return i + 1
    if i + 2 < len(seq) and seq[i].consonant and seq[i + 2].consonant:
        return i + 2
    return None


def _final_cluster_after_long_vowel(seq: list[Unit]) -> bool:
    """Two final consonants after a written long vowel (خالد Khal-d), which take an e between them."""
    return len(seq) > 2 and seq[-1].consonant and seq[-2].consonant and not seq[-3].consonant and not seq[-3].short


def _participle(seq: list[Unit]) -> bool:
    """The active participle of a derived verb, mu-CaaCiC (مساعد Musaed, مجاهد Mujahed)."""
    return len(seq) == 5 and seq[0].text == "m" and seq[2].text == "a" and all(seq[j].consonant for j in (1, 3, 4))


SUFFIX_CONSONANTS = ("k", "t")  # a word's last consonant that is a suffix's: ك `your`, the ة of a noun before ي `my`


def _diminutive(seq: list[Unit]) -> bool:
    """The quadriliteral diminutive fuCayCiC, a written ي between two consonants and two more, alone or before the
    nisba ي (الشميمري Shumaimri, الدغيثر Dughaither, المطيرفي Mutairfi): no other Arabic pattern writes a ي after
    two consonants and before two, so the word cannot be a faCiiC adjective (سعيد) whose vowels are a-ee, but for a
    noun with a suffix: the fourth is then the k of `your` (طبيبك) or the t of a feminine before `my` (حبيبتي)."""
    core = seq[:-1] if len(seq) == 6 and seq[-1].kind == "V" and seq[-1].text == "i" else seq
    return len(core) == 5 and core[2].kind == "V" and core[2].text == "i" and core[4].text not in SUFFIX_CONSONANTS \
        and all(core[j].consonant for j in (0, 1, 3, 4)) and core[0].kind == "C"


GUTTURALS = ("h", "gh")  # ح ه غ, written so; with ع (kind A) they keep a short vowel `a` (المهدية Mahdia)


def _maghrebi_vowel(seq: list[Unit], at: int) -> str:
    """The short vowel a Maghrebi word takes at `at`: `e`, but `a` next to ع ح ه غ (زغوان Zaghouan, بن عروس Ben
    Arous), and none before a consonant `ou`, read as a vowel (البويرة Bouira)."""
    near = seq[at - 1:at + 1]
    if any(u.kind == "A" or u.text in GUTTURALS for u in near):
        return "a"
    return "" if seq[at].text == "ou" else "e"


def vocalise(seq: list[Unit], foreign: bool = False, maghrebi: bool = False) -> list[Unit]:
    """Guess the unwritten short vowels of a word (see the module docstring); a Maghrebi word's are mostly `e`,
    the French spelling of the Maghreb's reduced vowels (`_maghrebi_vowel`: تطوان Tetouan, خنيفرة Khenifra), with no
    `e` between two final consonants after a consonant `ou` (تافراوت Tafraout)."""
    seq = list(seq)
    if not foreign and _diminutive(seq):
        RULES.hit("diminutive-fuaiil")
        seq[2] = Unit("V", "ai")
        if not seq[1].text.startswith(tuple("aeiou")):  # a Maghrebi consonant و, `ou`, has one (الزويهري Zouaihri)
            _insert(seq, 1, "u")
    elif not foreign and len(seq) > 1 and seq[0].consonant and seq[1].consonant:
        _insert(seq, 1, "u" if _participle(seq) else _maghrebi_vowel(seq, 1) if maghrebi else "a")
    i = 0
    while i + 1 < len(seq):
        at = _needs_vowel_after(seq, i)
        if at is not None:
            _insert(seq, at, "e" if foreign else _maghrebi_vowel(seq, at) if maghrebi else "a")
        i += 1
    if not foreign and _final_cluster_after_long_vowel(seq) and not (maghrebi and seq[-2].text == "ou"):
        _insert(seq, len(seq) - 1, "e")
    return seq


def _render_ayn_or_hamza(seq: list[Unit], i: int) -> str:
    """ع and ء lengthen a preceding a (سعد Saad, علاء Alaa) and are otherwise silent."""
    prev = seq[i - 1].text if i else ""
    nxt = seq[i + 1] if i + 1 < len(seq) else None
    if seq[i].kind == "A":
        return "a" if i and (nxt is None and prev == "a" or nxt is not None and nxt.consonant) else ""
    return "a" if nxt is None and prev == "a" else ""


def render(seq: list[Unit]) -> str:
    """The Latin letters of a vocalised word, capitalised."""
    text = "".join(u.text if u.kind in "CV" else _render_ayn_or_hamza(seq, i) for i, u in enumerate(seq))
    text = re.sub(r"([aeiou])\1\1+", r"\1\1", text)
    return text[:1].upper() + text[1:]


BARE_ALEFS = ("ا", "إ")  # the alef of a derived verbal noun: never أ, which starts an af'al plural (أنصار)
INFIX_TA = ("ت", "ط", "د")  # the t of form VIII, and its assimilated forms (اصطفاف, ازدهار)


def derived_noun(word: str, seq: list[Unit]) -> list[Unit] | None:
    """The vowels of the verbal noun of a derived verb, which starts with a bare alef (forms VII, VIII and X:
    انتصار Intisar, اجتماع Ijtimaa, اتحاد Ittihad, استقلال Istiqlal; a final ة: انتفاضة Intifada), or None for
    another word. Names of clubs, parties and people take it (الاتحاد Al-Ittihad, not Al-Athad)."""
    letters = clean_word(word).replace(SHADDA, "")
    stem = letters[:-1] if letters.endswith("ة") else letters
    if len(seq) != len(letters) or stem[:1] not in BARE_ALEFS or stem[-2:-1] != "ا" \
            or not all(u.consonant for i, u in enumerate(seq[1:len(stem)], 1) if i != len(stem) - 2):
        return None
    if len(stem) == 7 and stem[1:3] == "ست":  # X: istiCCaaC
        vowels = {0: "i", 3: "i"}
    elif len(stem) == 6 and (stem[1] == "ن" or stem[2] in INFIX_TA):  # VII infiCaaC, VIII iCtiCaaC
        vowels = {0: "i", 3: "i"}
    elif len(stem) == 5 and stem[1] == "ت":  # VIII of an assimilated root: ittiCaaC
        vowels = {0: "i", 2: "i"}
        seq = [*seq[:1], Unit("C", "tt"), *seq[2:]]
    else:
        return None
    RULES.hit("derived-verbal-noun")
    out = [Unit("V", vowels[0])]
    for i, u in enumerate(seq[1:], 1):
        if i in vowels:
            out.append(Unit("V", vowels[i], short=True))
        if u.kind != "A" or i > 1:  # an ayn after the first vowel is not written (اعتدال Itidal)
            out.append(u)
    return out


def romanize_word(word: str, style: str = ARABIC, country: str | None = None) -> str:
    """A word with no table entry, romanised by rule; a Maghrebi word in an outlet of the Maghreb (`country`) takes
    the French short vowels (`vocalise`)."""
    seq = units(word, style)
    if style != FOREIGN:
        french = style == MAGHREBI and country in MAGHREB_COUNTRIES
        return render(derived_noun(word, seq) or vocalise(seq, maghrebi=french))
    return render(vocalise(seq, foreign=True))


class NameRomanizer:
    """Romanises a name word by word, using the given-name tables for known parts and compounds, then the spellings
    attested for Arabic name parts (`AttestedNames`), then rules."""

    def __init__(self, tables: LatinTables, attested: AttestedNames | None = None) -> None:
        self.tables = tables
        self.attested = attested

    def given(self, word_key: str, style: str) -> str | None:
        """The usual spelling of a known given name, name particle or family name."""
        t = self.tables
        order = {FOREIGN: (t.foreign, t.given), MAGHREBI: (t.maghrebi, t.given, t.foreign)}
        tables = (*order.get(style, (t.given, t.foreign)), t.family)
        return next((table[word_key] for table in tables if word_key in table), None)

    def spelled(self, word: str, style: str, person: bool, country: str | None, named: bool = False) -> str:
        """A word without a table entry: the rule's spelling, or for a person's Arabic or Maghrebi name a better
        attested one (`AttestedNames.part`); a foreign word's source spelling, a name of the Latin-name lexicon
        when it is a person's or `named` (a body or thing named after someone: هاري بوتر Harry Potter, فوربس
        Forbes, not a place: باردو Bardo, not Pardo)."""
        if style == FOREIGN:
            RULES.hit("foreign-spelled")
            return self.european(key(word)) \
                or foreign_speller().spell(word, romanize_word(word, FOREIGN), person or named)
        ours = romanize_word(word, style, country)
        if not person or self.attested is None:
            return ours
        return self.attested.part(clean_word(word), country, ours, french=_french(style, country)) or ours

    def word(self, word: str, style: str, inner: bool, person: bool = False, country: str | None = None,
             named: bool = False) -> str:
        """One name word: table spelling, else the article + the rest when it has the article (`al-`; Maghrebi
        `El`, none before a بو family name: البوعزيزي Bouazizi), else a foreign word's source spelling
        (`foreign_word`), else the attested spelling or the rule (`spelled`: `named`)."""
        k = key(word)
        known = self.given(k, style)
        if known:
            return known
        if style == MAGHREBI and berber_prefix(k) and not (self.attested and self.attested.known(k)):
            son = self.amazigh_son_of(word, person, country)
            if son is not None:
                return son
        bare = strip_article(k)
        if bare == k and person and style != FOREIGN and self.foreign_word(word):
            RULES.hit("foreign-word")
            return self.spelled(word, FOREIGN, person, country)
        if bare == k or style == FOREIGN:  # أليخاندرو Alejandro: no Arabic article in a foreign name
            return self.spelled(word, style, person, country, named)
        spelled = self.given(bare, style) or self.family_compound(bare, style) \
            or self.spelled(clean_word(word)[2:], style, person, country)
        if style == MAGHREBI:
            return spelled if bare.startswith(FAMILY_PREFIXES) else maghrebi_article(bare, spelled)
        return f"{'al' if inner else 'Al'}-{spelled}"

    def amazigh_son_of(self, word: str, person: bool, country: str | None) -> str | None:
        """A Maghrebi family name of the Amazigh أو ("son of") and a name, not attested as a whole: `Ou` and the name
        as spelled on its own (أوحماد Ouhammad, as حماد Hammad), when that starts with a consonant (else the whole
        word's rule: أوعمر Ouamer, not Ouomar)."""
        rest = self.word(clean_word(word)[2:], MAGHREBI, inner=True, person=person, country=country)
        if not rest or rest[0].lower() in "aeiou" or not rest.isalpha():
            return None
        RULES.hit("amazigh-son-of")
        return "Ou" + rest.lower()

    def family_compound(self, bare: str, style: str) -> str | None:
        """A family name of the article and a compound given name written as one word, the article's word cut off
        (`bare`: العبدالمحسن -> عبدالمحسن, Al-Abdulmohsen; العبدالكريم Al-Abdulkarim): the compound's spelling."""
        parts = split_compounds([bare])
        found = self.compound(parts, 0, style) if len(parts) == 2 else None
        if found is None:
            return None
        RULES.hit("family-compound")
        return found[0]

    def compound(self, words: list[str], i: int, style: str) -> tuple[str, int] | None:
        """Two-word name parts: table compounds (عبد الله), then `name_compounds.tsv`: عبد + ال..., ... الدين, ... الله;
        (text, words used)."""
        if i + 1 >= len(words):
            return None
        first, second = key(words[i]), key(words[i + 1])
        known = (self.tables.maghrebi if style == MAGHREBI else {}).get(f"{first} {second}") \
            or self.tables.given.get(f"{first} {second}")
        if known:
            return known, 2
        if first in COMPOUND_HEADS and second.startswith("ال"):
            return COMPOUND_HEADS[first] + romanize_word(words[i + 1][2:]).lower(), 2
        if second in COMPOUND_TAILS:
            return self.word(words[i], style, inner=False) + COMPOUND_TAILS[second], 2
        return None

    def acronym(self, words: list[str], i: int) -> tuple[str, int] | None:
        """Two or more names of Latin letters in a row, an acronym (بي بي سي BBC, إن بي آر NPR): (letters, words)."""
        n = 0
        while i + n < len(words) and key(words[i + n]) in LETTER_NAMES:
            n += 1
        if n < 2:
            return None
        RULES.hit("acronym")
        return "".join(LETTER_NAMES[key(w)] for w in words[i:i + n]), n

    def regnal(self, words: list[str], i: int) -> tuple[str, int] | None:
        """A ruler's ordinal after the first word (محمد السادس Mohammed VI)."""
        for n in (2, 1):
            if 0 < i and i + n <= len(words):
                numeral = self.tables.regnal.get(key(" ".join(words[i:i + n])))
                if numeral:
                    return numeral, n
        return None

    def son_of(self, words: list[str], i: int, country: str | None = None) -> str:
        """بن before a father's given name is `bin` (محمد بن سلمان), in a chain of fathers (فيصل بن فرحان بن
        عبد الله, both) and before a father's name and a family name with the article (سلطان بن عرار الدوسري); starting
        a family name, or after a woman's name, it is `Ben` (بن عاشور Ben Ashour), but ابن written with its alef
        starting a name is `Ibn` (ابن خلدون Ibn Khaldun). A compound's tail (عبد الله) is not a woman's name for its
        final ه."""
        if i == 0 and key(words[0]) in IBN:
            RULES.hit("ibn-first")
            return "Ibn"
        nxt = key(words[i + 1]) if i + 1 < len(words) else ""
        chain = any(key(w) in SON for w in words[1:i] + words[i + 2:])
        before = key(words[i - 1]) if i > 0 else ""
        feminine = before.endswith(("ه", "اء")) and before not in COMPOUND_TAILS
        family_after = i + 2 < len(words) and key(words[i + 2]).startswith("ال")
        father = nxt in self.tables.given or nxt in COMPOUND_HEADS or chain or family_after
        if i > 0 and country in GULF_COUNTRIES:
            RULES.hit("gulf-bin")  # the Gulf press: بن inside a name is always `bin` (سعيد بن محيا, أسامة بن زيد);
            return "bin"  # a woman is بنت there, so a name ending in ة before بن is a man's (Osama, Attiyah)
        return "bin" if i > 0 and father and not feminine else "Ben"

    def style(self, words: list[str], person: bool, country: str | None = None, place: bool = False) -> str:
        """FOREIGN for a name that starts with a foreign given name; MAGHREBI for a place or a person named in an
        outlet of the Maghreb (`country`) or a person whose name has a family name with بن (Ben Achour) or بو
        (Bouazizi) that the tables do not know; else ARABIC."""
        first = key(words[0]) if words else ""
        if first in self.tables.foreign and first not in self.tables.given:
            return FOREIGN
        if not person and place and country in MAGHREB_COUNTRIES:
            return MAGHREBI
        if self.transcribed(words, person):
            return FOREIGN
        if not person:
            return ARABIC
        bou = any(len(b := strip_article(key(w))) >= 5 and family_prefix(b)
                  and self.given(b, ARABIC) is None for w in words)
        ben = any(key(w) in SON and self.son_of(words, i, country) == "Ben" for i, w in enumerate(words[:-1]))
        return MAGHREBI if bou or ben or country in MAGHREB_COUNTRIES else ARABIC

    def transcribed(self, words: list[str], person: bool = False) -> bool:
        """A name transcribed from a foreign language: no word the Arabic name tables know or people are attested
        with, and one with a foreign ending (`foreign_endings.tsv`: رونالدو، باولو) or all of them reading as
        foreign to the detector (`ForeignDetector`: ليندغرين); a `person`'s name also when all of them lean foreign
        and each may be spelled as a name of the Latin-name lexicon (`ForeignSpeller.searched`: جابرييل جارسيا
        ماركيز Gabriel Garcia Marquez, whose ج the detector reads as Arabic)."""
        keys = [strip_article(key(w)) for w in words if has_arabic(w)]
        t = self.tables
        if not keys or any(k in t.given or k in t.family or k in t.maghrebi or k in SON for k in keys):
            return False
        if any(clean_word(w).startswith(ARTICLE) for w in words):  # a foreign name has no Arabic article
            return False
        if any(len(k) > 3 and k.endswith(FOREIGN_ENDINGS) for k in keys):
            RULES.hit("transcribed-ending")
            return True
        if any(k in t.foreign or k in foreign_speller().known for k in keys):
            RULES.hit("transcribed-listed")
            return True
        if self.attested is not None and any(self.attested.known(k) and not self.european(k) for k in keys):
            return False
        odds = [self.detector.log_odds(k) for k in keys]
        if min(len(k) for k in keys) < DETECTED_MIN_LETTERS or min(odds) <= 0:
            return False
        if sum(odds) / len(odds) > FOREIGN_ODDS:
            RULES.hit("transcribed-detected")
            return True
        if person and all(foreign_speller().searched(k)[1] for k in keys):
            RULES.hit("transcribed-lexicon")
            return True
        return False

    def european(self, word_key: str) -> str | None:
        """The attested spelling of a name part that is a European name (`ForeignSpeller.lexicon`) and not one of
        the Arabic name tables' (كيفن Kevin, جيفري Jeffrey): people with Arabic names are rarely given it, so it
        does not make the name Arabic (كيفن فولاند Kevin Volland); else None."""
        t = self.tables
        if self.attested is None or word_key in t.given or word_key in t.family or word_key in t.maghrebi:
            return None
        found = self.attested.part(word_key)
        if found is None or plain_latin(found) not in foreign_speller().lexicon:
            return None
        RULES.hit("european-attested")
        return found

    def foreign_word(self, word: str) -> bool:
        """One word of a name that is not transcribed as a whole (غريغور ليندغرين: the first is attested) reads
        as foreign on its own: long enough, known neither to the tables nor as attested, and over the stricter
        `WORD_FOREIGN_ODDS`."""
        k = key(word)
        return len(k) >= WORD_MIN_LETTERS and self.attested is not None and not self.attested.known(k) \
            and self.detector.log_odds(clean_word(word)) > WORD_FOREIGN_ODDS

    @cached_property
    def detector(self) -> ForeignDetector:
        """The foreign-name detector, learned against the Arabic name parts people are attested with (the parts are
        read from the attested index once: a query and a sort of thousands of rows)."""
        return foreign_detector(self.attested.common_parts() if self.attested is not None else ())

    def one_compound(self, words: list[str], style: str) -> bool:
        """Whether the words are one compound given name (عبد العزيز, عبدالله cut in two): not a whole name to look
        up among people's labels, where a one-word label may be anyone's own spelling (Abbdallah)."""
        if len(words) == 2 and self.compound(words, 0, style) is not None:
            RULES.hit("one-compound")
            return True
        return False

    def name(self, text: str, person: bool, country: str | None = None, place: bool = False) -> str:
        """A whole name romanised; `person` enables rulers' ordinals, `al-` in lower case inside, the Maghrebi
        spelling and the attested spellings, of the whole name first; `country` (ISO code of the outlet's country)
        ranks the attested spellings, and gives a `place` in the Maghreb its French-style spelling."""
        words = split_compounds(text.split())
        style = self.style(words, person, country, place)
        if person and style != FOREIGN and self.attested and not self.one_compound(words, style):
            whole = self.attested.whole(" ".join(words), french=_french(style, country))
            if whole:
                return whole
        out: list[str] = []
        i = 0
        while i < len(words):
            found = self.acronym(words, i) or (self.regnal(words, i) if person else None) \
                or self.compound(words, i, style)
            if found:
                out.append(found[0])
                i += found[1]
                continue
            if not has_arabic(words[i]):
                out.append(words[i])
            elif key(words[i]) in SON:
                out.append(self.son_of(words, i, country))
            else:
                out.append(self.word(words[i], style, inner=person and i > 0, person=person, country=country,
                                     named=not place))
            i += 1
        return " ".join(out)


def maghrebi_article(bare: str, spelled: str) -> str:
    """The article the Maghrebi press's way: glued and assimilated before a sun letter spelled with one Latin letter
    (اللومي Elloumi, السبسي Essebsi), else `El` apart (الجابري El Jabri)."""
    first = spelled[:1].lower()
    if bare[:1] in SUN_LETTERS and first and spelled[1:2].lower() not in ("h", first):
        RULES.hit("maghrebi-article-glued")
        return f"E{first}{spelled.lower()}"
    return f"El {spelled}"


def _french(style: str, country: str | None) -> bool | None:
    """Whether a name takes the French-style spellings of the Maghreb: yes for a Maghrebi name, no in an outlet of
    another known country, None (either) when the outlet's country is not known."""
    if style == MAGHREBI:
        return True
    return None if country is None else False


def split_compounds(words: list[str]) -> list[str]:
    """Split name parts written as one word: عبدالله -> عبد الله, نصرالله -> نصر الله."""
    out: list[str] = []
    for w in words:
        cut = _split_point(key(w))
        if cut is None:
            out.append(w)
        else:
            out += [w[:cut], w[cut:]]
    return out


_HEAD_STARTS = tuple(head + "ال" for head in SPLIT_HEADS)  # عبدال: a head glued to a definite word


def _split_point(k: str) -> int | None:
    """Where a word in matching form is cut into two name parts (`SPLIT_HEADS`, `SPLIT_TAILS`), or None."""
    if k.startswith(_HEAD_STARTS):  # one C-level test first: most words glue nothing
        for head in SPLIT_HEADS:
            if k.startswith(head + "ال") and len(k) > len(head) + 2:
                return len(head)
    if k.endswith(SPLIT_TAILS) and not k.startswith("ال"):
        for tail in SPLIT_TAILS:
            if k.endswith(tail) and len(k) > len(tail) + 1:
                return -len(tail)
    return None
