"""Name variants: when two spellings can be one name.

Outlets transcribe foreign names differently (جانتس / غانتس, شمخاني / شامخاني, دقلو / دجالو): the g sound is
written ج غ ك or ق, long vowels come and go, and compound names are written with or without a space
(عبد اللطيف / عبداللطيف، بن عبد العزيز / بن عبدالعزيز). A name's *skeleton* folds those differences away;
given names that are one name in different forms (بنيامين / بيني) come from a table. Two different given names
of the gazetteer's list that share a skeleton (سلمان / سليمان) are two people before one patronymic, and two
patronymics (بن سلمان / بن سليمان) are never one.
"""
from __future__ import annotations

from functools import lru_cache

from marsad.resources import MODELS_DIR, column, fields
from marsad.text.normalize import match_key

VARIANTS_FILE = MODELS_DIR / "given_name_variants.tsv"
GIVEN_NAMES_FILE = MODELS_DIR / "gazetteer" / "given_names.txt"

# Letters that stand for one foreign sound (after normalisation: hamza forms, ى, ة already unified).
SOUND_CLASSES = str.maketrans({"ج": "g", "غ": "g", "ك": "g", "ق": "g", "ط": "ت", "ص": "س", "ض": "د", "ظ": "ز",
                               "ذ": "ز", "ث": "س"})
LONG_VOWELS = frozenset("اوي")


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """A word's consonant skeleton: sound classes folded, long vowels dropped after the first letter, no doubling."""
    folded = match_key(word).replace(" ", "").translate(SOUND_CLASSES)
    if not folded:
        return ""
    out = [folded[0]]
    for ch in folded[1:]:
        if ch in LONG_VOWELS or ch == out[-1]:
            continue
        out.append(ch)
    return "".join(out)


# Name particles written with or without a space before the next word (عبد، أبو، بن، آل: `name_particles.tsv`).
GLUED_TO_NEXT = frozenset(match_key(word) for word, role in fields(MODELS_DIR / "link" / "name_particles.tsv")
                          if role == "glued")


def name_tokens(name: str) -> list[str]:
    """The words of a name with compound parts glued: عبد الله -> عبدالله, أبو بكر -> ابوبكر, بن فرحان -> بنفرحان."""
    return list(name_tuple(name))


@lru_cache(maxsize=1 << 18)
def name_tuple(name: str) -> tuple[str, ...]:
    """`name_tokens` as a tuple, cached: a corpus names the same people and bodies thousands of times, and the
    groups of one name share its tuple. Particles chain (بن عبد العزيز -> بنعبدالعزيز, as بن عبدالعزيز)."""
    words = match_key(name).split()
    out: list[str] = []
    glue = False  # the word before is a particle
    for word in words:
        if glue:
            out[-1] += word
        else:
            out.append(word)
        glue = word in GLUED_TO_NEXT
    return tuple(out)


@lru_cache(maxsize=1)
def given_name_groups() -> dict[str, int]:
    """Normalised given name -> the id of its group of equivalent forms (from `models/given_name_variants.tsv`)."""
    groups: dict[str, int] = {}
    for number, forms in enumerate(fields(VARIANTS_FILE)):
        for form in forms:
            groups["".join(name_tokens(form))] = number
    return groups


@lru_cache(maxsize=1)
def listed_given_names() -> frozenset[str]:
    """The given names of the gazetteer (`models/gazetteer/given_names.txt`), as name tokens."""
    return frozenset("".join(name_tokens(name)) for name in column(GIVEN_NAMES_FILE))


def _listed_name(token: str) -> str | None:
    """The listed given name a token is, alone or after a glued particle (بنسلمان -> سلمان), or None."""
    listed = listed_given_names()
    if token in listed:
        return token
    for particle in GLUED_TO_NEXT:
        if token.startswith(particle) and token[len(particle):] in listed:
            return token[len(particle):]
    return None


def distinct_listed_names(a: str, b: str) -> bool:
    """Whether two name tokens are two different listed given names (سلمان / سليمان، بن سلمان / بن سليمان) that
    the variants table does not pair."""
    x, y = _listed_name(a), _listed_name(b)
    if x is None or y is None or x == y:
        return False
    groups = given_name_groups()
    return not (x in groups and groups.get(y) == groups[x])


def same_given_name(a: str, b: str) -> bool:
    """Whether two given names can be one name: a listed variant pair, the same skeleton, or a short form of it."""
    if a == b:
        return True
    groups = given_name_groups()
    if a in groups and groups.get(b) == groups[a]:
        return True
    if skeleton(a) == skeleton(b):
        return True
    short, long = sorted((skeleton(a), skeleton(b)), key=len)
    return len(short) >= 2 and long.startswith(short) and not (a in groups and b in groups)


def given_name_keys(name: str) -> tuple[tuple[str, object], ...]:
    """Keys such that two given names `same_given_name` pairs share one: the first two letters of the skeleton
    (equal skeletons, or one the start of the other, at least two letters long) and the variant group."""
    group = given_name_groups().get(name)
    return (("skeleton", skeleton(name)[:2]),) + ((("group", group),) if group is not None else ())


# Glued particles that open with an alef outlets often drop (ابن / بن, أبو / بو: Maghrebi family names written
# بوشعيب for أبو شعيب); the two-letter آل is not one of them.
ALEF = "ا"
ALEF_PARTICLES = frozenset(p for p in GLUED_TO_NEXT if p.startswith(ALEF) and len(p) > 2)


def surname_key(word: str) -> str:
    """The skeleton of a family name without its article (المشيشي = مشيشي)."""
    bare = word[2:] if word.startswith("ال") and len(word) > 4 else word
    return skeleton(bare)


def without_particle_alef(word: str) -> str:
    """A name part without the alef of its opening particle (ابوشعيب -> بوشعيب), for comparing parts of two full
    names; a surname alone keeps it (ابن خلدون is not every بن خلدون)."""
    if any(word.startswith(p) and len(word) > len(p) + 1 for p in ALEF_PARTICLES):
        return word[1:]
    return word


def same_surname(a: str, b: str) -> bool:
    """Whether two later parts of names are one: the same, or spellings of one (never two listed given names)."""
    if a == b:
        return True
    return len(surname_key(a)) >= 2 and surname_key(a) == surname_key(b) and not distinct_listed_names(a, b)


PATRONYMIC = frozenset(match_key(word) for word, role in fields(MODELS_DIR / "link" / "name_particles.tsv")
                      if role == "son")


def same_full_name(a: list[str], b: list[str]) -> bool:
    """Two multi-word person names are one when their given names are variants and one name's later parts are
    the start of the other's (فيصل بن فرحان = فيصل بن فرحان بن عبدالله; بيني غانتس = بنيامين جانتس). Two listed
    given names before one patronymic are two people (سلمان / سليمان بن عبدالعزيز); before a family name they
    can be one person's name misspelt (راشد / رشيد + the same rare surname)."""
    if len(a) < 2 or len(b) < 2 or not same_given_name(a[0], b[0]):
        return False
    if a[1].startswith(tuple(PATRONYMIC)) and distinct_listed_names(a[0], b[0]):
        return False
    shorter, longer = sorted((a[1:], b[1:]), key=len)
    return all(same_surname(without_particle_alef(x), without_particle_alef(y))
               for x, y in zip(shorter, longer, strict=False))
