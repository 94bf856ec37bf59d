"""Knowledge as data (#18): the code of the stage packages (extract/, compare/, link/, clean/, cluster/,
summarize/ and text/tokens.py) keeps no Arabic word lists; every word list, lexicon and cue table is a data file
under `marsad/models/` read with `marsad.resources`. What code may still spell out: the proclitic particles
(و ف ب ك ل and the article ال, in chains), a handful of prepositions and demonstratives, affixes (pronoun
suffixes, plural and nisba endings) and letter classes."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from marsad.resources import PACKAGE_DIR

CODE = sorted([*(p for folder in ("extract", "compare", "link", "clean", "cluster", "summarize")
                 for p in (PACKAGE_DIR / folder).rglob("*.py")), PACKAGE_DIR / "text" / "tokens.py"])
_ARABIC_RUN = re.compile("[\u0621-\u064a\u0671-\u06d3]{2,}")
PARTICLE_LETTERS = frozenset("وفبكلا")  # و ف ب ك ل and ال, alone or chained (وبال، فلل)
ALLOWED = frozenset({
    "ما",  # the particle before a naming verb (ما يسميه)
    "في", "من", "منه", "إلى", "عن", "علي", "عند", "بين", "باسم", "لـ", "ان", "أيضا",  # prepositions, particles
    "هذا", "هذه", "جاء",  # demonstratives; جاء of "جاء في البيان", the one verb the quote reader tests by name
    "ست", "سي", "يت", "يتن", "تا", "ني", "هن",  # verb prefixes and suffixes
    "هما", "هم", "ها", "كم", "نا", "ات", "ين", "ون", "يين", "يون", "يه", "اء",  # suffixes and endings
    "اوي", "اويى", "وي", "اأآإىٱوي", "ئؤ", "تش",  # letter classes (long vowels, hamza seats, the digraph تش)
    "مقابل",  # "versus", the word that joins the values of a contradiction's line
})


def _strings(path: Path) -> list[str]:
    """The string constants of a module that are not docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {id(node.body[0].value) for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
            and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs]


@pytest.mark.parametrize("path", CODE, ids=lambda p: p.relative_to(PACKAGE_DIR).as_posix())
def test_no_inline_arabic_words(path: Path) -> None:
    words = {w for s in _strings(path) for w in _ARABIC_RUN.findall(s)}
    found = sorted(w for w in words if w not in ALLOWED and not set(w) <= PARTICLE_LETTERS)
    assert not found, f"{path.name} spells out Arabic words; move them to a table under marsad/models/: {found}"


def test_the_checker_sees_a_word_list(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text('"""Doc: قتيل."""\nA = ("وال", "هما")\nB = frozenset(("قتيل", "جريح"))\n', encoding="utf-8")
    words = {w for s in _strings(module) for w in _ARABIC_RUN.findall(s)}
    assert sorted(w for w in words if w not in ALLOWED and not set(w) <= PARTICLE_LETTERS) == ["جريح", "قتيل"]
