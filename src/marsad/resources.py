"""Shipped tables, lexicons and word lists: one reader, one cache, and the provenance of every row.

Every data file under `marsad/` (`.txt` word lists, `.tsv` tables) has one format, UTF-8:

- A line that is `#` or starts with `# ` is a comment. (A row's first cell may itself start with `#`: the word
  `#` of the cluster table is the row `#<TAB>375<TAB>...`.) Blank lines are skipped.
- Every other line is a row: its cells are separated by tabs and kept as written (only the end of the line is
  trimmed: trailing spaces and tabs are no part of a row).
- Two comments of the header, the comment lines above the first row, say where the rows come from:
  `# provenance: VALUE` gives the provenance of every row of the file;
  `# columns: NAME NAME ...` names the columns (separated by tabs or spaces). A column named `provenance` holds
  a row's own provenance, which overrides the file's when the cell is not empty; it is not one of the row's
  fields. A file needs one of the two for every row (`problems` reports the rows that have neither).

Allowed provenance values (`ALLOWED`): `cldr` (Unicode CLDR via Babel), `anercorp`, `aqmar`, `saudinewsnet`
(statistics or lists drawn from that corpus), `general knowledge` (broad public knowledge, written by hand),
or `source: NAME` for another named public source (`source: Wikipedia, List of ...`).
Binary and generated models (`models/*.crfsuite`, `*.gz`) are documented in `models/PROVENANCE.md` instead.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
MODELS_DIR = PACKAGE_DIR / "models"
ALLOWED = frozenset({"cldr", "anercorp", "aqmar", "saudinewsnet", "general knowledge"})
SOURCE_PREFIX = "source: "
PROVENANCE_KEY = "# provenance:"
COLUMNS_KEY = "# columns:"
PROVENANCE_COLUMN = "provenance"

Fields = tuple[str, ...]


def is_allowed(value: str | None) -> bool:
    """Whether `value` is an allowed provenance: one of `ALLOWED` or `source: ` and a name."""
    if not value:
        return False
    return value in ALLOWED or (value.startswith(SOURCE_PREFIX) and bool(value[len(SOURCE_PREFIX):].strip()))


def is_comment(line: str) -> bool:
    """A comment line: `#` alone or `# ` and text."""
    return line.startswith("# ") or line.rstrip() == "#"


@dataclass(frozen=True, slots=True)
class Row:
    """One row of a data file: its cells (the provenance column left out), where it comes from, its line number."""

    fields: Fields
    provenance: str | None
    line: int


@dataclass(frozen=True, slots=True)
class Header:
    """What the header comments of a file say: the file's provenance and its column names (None when unsaid)."""

    provenance: str | None = None
    columns: Fields | None = None

    @property
    def provenance_index(self) -> int | None:
        """The position of the `provenance` column, or None."""
        if self.columns is None or PROVENANCE_COLUMN not in self.columns:
            return None
        return self.columns.index(PROVENANCE_COLUMN)


def _read_header(lines: Iterator[str]) -> tuple[Header, int, str | None]:
    """Take the header lines off `lines`: the header, the number of the first row's line, that line (None when the
    file has no row)."""
    provenance: str | None = None
    columns: Fields | None = None
    number = 0
    for line in lines:
        number += 1
        if line.strip() and not is_comment(line):
            return Header(provenance, columns), number, line
        if line.startswith(PROVENANCE_KEY):
            provenance = line[len(PROVENANCE_KEY):].strip() or None
        elif line.startswith(COLUMNS_KEY):
            columns = tuple(line[len(COLUMNS_KEY):].split())
    return Header(provenance, columns), number + 1, None


def read_header(path: Path) -> Header:
    """The header of the data file at `path`."""
    with path.open(encoding="utf-8") as f:
        return _read_header(f)[0]


def read_rows(path: Path) -> list[Row]:
    """Every row of the data file at `path`, with its provenance (the row's own, else the file's, else None)."""
    with path.open(encoding="utf-8") as f:
        header, number, first = _read_header(f)
        if first is None:
            return []
        at = header.provenance_index
        rows: list[Row] = []
        for n, line in enumerate(chain((first,), f), number):
            line = line.rstrip()
            if not line or is_comment(line):
                continue
            cells = line.split("\t")
            provenance = header.provenance
            if at is not None and at < len(cells):
                provenance = cells.pop(at).strip() or provenance
            rows.append(Row(tuple(cells), provenance, n))
        return rows


def iter_fields(path: Path) -> Iterator[list[str]]:
    """The cells of every row of the data file at `path` (without any provenance column), read as they come.

    For one pass over a big table (the 120,000-row cluster table) whose caller keeps its own structure; `fields`
    keeps what it reads."""
    with path.open(encoding="utf-8") as f:
        header, _, first = _read_header(f)
        if first is None:
            return
        if header.provenance_index is not None:
            yield from (list(row.fields) for row in read_rows(path))
            return
        yield first.rstrip().split("\t")
        for line in f:
            line = line.rstrip()
            # the cheap test first: a call of `is_comment` for every row costs the cluster table a tenth more
            if line and (line[0] != "#" or not is_comment(line)):
                yield line.split("\t")


@lru_cache(maxsize=128)
def fields(path: Path) -> tuple[Fields, ...]:
    """The cells of every row of the data file at `path` (`iter_fields`), read once per process and path."""
    return tuple(map(tuple, iter_fields(path)))


def column(path: Path, index: int = 0) -> list[str]:
    """One cell of every row (the first by default): the entries of a word list."""
    return [row[index] for row in fields(path)]


def problems(path: Path) -> list[str]:
    """`path:line: message` for every row without an allowed provenance, and for header lines out of place or
    repeated. Empty when the file is sound."""
    lines = path.read_text(encoding="utf-8").split("\n")
    header, start, _ = _read_header(iter(lines))
    said = [n for n, line in enumerate(lines[:start - 1], 1) if line.startswith(PROVENANCE_KEY)]
    found = [f"{path}:{n}: a second '{PROVENANCE_KEY}' line" for n in said[1:]]
    if header.provenance is not None and not is_allowed(header.provenance):
        found.append(f"{path}:{said[-1]}: provenance {header.provenance!r} is not one of {sorted(ALLOWED)} or "
                     f"'{SOURCE_PREFIX}NAME'")
    for number, line in enumerate(lines[start - 1:], start):
        if line.startswith((PROVENANCE_KEY, COLUMNS_KEY)):
            found.append(f"{path}:{number}: '{line.split(':')[0]}:' after the first row (it belongs in the header)")
    rows = read_rows(path)
    if not rows and header.provenance is None:
        found.append(f"{path}:1: no '{PROVENANCE_KEY} VALUE' header")
    for row in rows:
        if row.provenance is None:
            found.append(f"{path}:{row.line}: no provenance (no '{PROVENANCE_KEY}' header, no provenance cell)")
        elif row.provenance != header.provenance and not is_allowed(row.provenance):
            found.append(f"{path}:{row.line}: provenance {row.provenance!r} is not allowed")
    return found
