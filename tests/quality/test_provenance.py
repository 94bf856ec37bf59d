"""Every table, lexicon and word list shipped in the package says where each of its rows comes from.

Tables and word lists (`.tsv`, `.txt`) carry a `# provenance:` header or a provenance column (`marsad.resources`);
binary models are listed in `models/PROVENANCE.md`. Any other file under `src/marsad` that is not code, a template
or listed in NOT_DATA fails the test until it is one of those.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from marsad.resources import MODELS_DIR, PACKAGE_DIR, is_allowed, problems

TABLE_SUFFIXES = {".tsv", ".txt"}
BINARY = {"models/ner.crfsuite", "models/background.tsv.gz", "models/ner_vectors.npz",
          "models/ner_neural.onnx"}  # documented in models/PROVENANCE.md
NOT_DATA = {"models/PROVENANCE.md", "export/analysis.schema.json"}  # documentation; the export format's schema
PROVENANCE_DOC = MODELS_DIR / "PROVENANCE.md"
_DOC_ROW = re.compile(r"^\|\s*`([^`]+)`\s*\|\s*([^|]*?)\s*\|", re.MULTILINE)


def shipped_files() -> list[str]:
    """Every file under src/marsad except code, caches and templates, relative to the package."""
    out = []
    for path in sorted(PACKAGE_DIR.rglob("*")):
        rel = path.relative_to(PACKAGE_DIR)
        if path.is_dir() or path.suffix in (".py", ".pyc") or "__pycache__" in rel.parts or "templates" in rel.parts:
            continue
        out.append(rel.as_posix())
    return out


def tables() -> list[str]:
    return [f for f in shipped_files() if Path(f).suffix in TABLE_SUFFIXES and f not in BINARY | NOT_DATA]


def documented() -> dict[str, str]:
    """file (relative to models/) -> provenance, from the table in PROVENANCE.md."""
    return dict(_DOC_ROW.findall(PROVENANCE_DOC.read_text(encoding="utf-8")))


def test_every_shipped_file_is_a_table_or_documented() -> None:
    unknown = [f for f in shipped_files() if f not in BINARY | NOT_DATA and Path(f).suffix not in TABLE_SUFFIXES]
    assert not unknown, f"data files with no provenance header and not listed in {PROVENANCE_DOC.name}: {unknown}"
    assert "models/compare/framing_lexicon.tsv" in tables() and "models/ner_clusters.tsv" in tables()


@pytest.mark.parametrize("name", tables())
def test_table_rows_have_provenance(name: str) -> None:
    found = problems(PACKAGE_DIR / name)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("name", sorted(BINARY))
def test_binary_models_are_documented(name: str) -> None:
    assert (PACKAGE_DIR / name).exists(), f"{name} is listed but not shipped"
    value = documented().get(name.removeprefix("models/"))
    assert value is not None, f"{name} has no row in {PROVENANCE_DOC}"
    assert is_allowed(value), f"{PROVENANCE_DOC}: {name}: provenance {value!r} is not allowed"


# The checker itself: it passes sound files and names the file and line of every unsound one.
@pytest.mark.parametrize(("text", "bad_lines"), [
    ("# provenance: general knowledge\nالرباط\nفاس\n", []),
    ("# A list.\n# provenance: cldr\n\n# a section\nالرباط\tGPE\n", []),
    ("# provenance: source: Wikipedia, List of capitals\nالرباط\n", []),
    ("# columns: word\tprovenance\nالرباط\tcldr\nفاس\tgeneral knowledge\n", []),
    ("# provenance: cldr\n# columns: word provenance\nالرباط\t\nفاس\tanercorp\n", []),  # an empty cell: the default
    ("# provenance: saudinewsnet\n#\t375\t1\n", []),  # the word # is a row, not a comment
    ("الرباط\nفاس\n", [1, 2]),  # no provenance at all
    ("# Cities.\nالرباط\n", [2]),
    ("", [1]),
    ("# provenance: my notes\nالرباط\n", [1]),  # not an allowed value
    ("# provenance:\nالرباط\n", [2]),  # empty: as good as none
    ("# provenance: source:\nالرباط\n", [1]),  # a source with no name
    ("# columns: word provenance\nالرباط\tcldr\nفاس\t\nطنجة\n", [3, 4]),  # rows without their own and no default
    ("# columns: word provenance\nالرباط\tdev1 corpus\n", [2]),
    ("# provenance: cldr\nالرباط\n# provenance: general knowledge\nفاس\n", [3]),  # a header line after the rows
    ("# provenance: cldr\n# provenance: general knowledge\nفاس\n", [2]),  # said twice
])
def test_checker(tmp_path: Path, text: str, bad_lines: list[int]) -> None:
    path = tmp_path / "list.tsv"
    path.write_text(text, encoding="utf-8")
    found = problems(path)
    assert sorted(int(p.split(":")[1]) for p in found) == bad_lines, found
    assert all(p.startswith(f"{path}:") for p in found)
