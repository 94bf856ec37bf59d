"""The thresholds and switches of every stage, in one frozen record passed into `pipeline.analyze`.

Each stage has a section (a frozen dataclass) whose fields are its tunable values, with documented defaults: the
defaults are the ones the development corpora and SaudiNewsNet were measured with. A run changes them from the
command line (`marsad analyze --set events.threshold=0.25`) or from a TOML file (`--settings FILE`, one table per
section: `[events]` / `threshold = 0.25`). Values are type-checked against the defaults.
"""
from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class CleanSettings:
    """Cleaning: boilerplate lines and mastheads."""

    zone_lines: int = 6  # mastheads and datelines are looked for in this many first and last lines of a text
    template_support: int = 3  # articles of different stories a line must recur in to be its outlet's furniture
    template_max_words: int = 20  # longer lines are never learnt as an outlet's furniture
    template_group: int = 1000  # documents learnt from before they are cleaned (a bigger group: fewer leaks early)


@dataclass(frozen=True, slots=True)
class QuoteSettings:
    """Quotes and their speakers."""

    min_direct_words: int = 3  # shorter quotations are names, titles or scare quotes unless a cue introduces them
    near_cue: int = 6  # tokens allowed between a non-reporting cue (دعا، ندد) and the quotation it introduces


@dataclass(frozen=True, slots=True)
class DuplicateSettings:
    """Near-duplicates (syndicated copies) by MinHash over word 3-grams."""

    threshold: float = 0.7  # estimated Jaccard of word 3-gram sets at which one article is a copy of another
    candidate: float = 0.5  # the LSH bands catch pairs from here on, so a copy at `threshold` is (almost) never missed
    window_days: int = 30  # a copy is looked for among the articles published this many days before it (0: all)


@dataclass(frozen=True, slots=True)
class EventSettings:
    """Streaming event clustering: an article joins the most similar recent event or starts one."""

    threshold: float = 0.2  # decayed cosine with an event's centroid needed to join it
    window_days: int = 4  # an event is days long: no article joins one that started longer ago
    half_life_days: float = 5.0  # similarity halves for every this many days since the event was last reported
    max_candidates: int = 10  # events scored exactly per article, those sharing most looked-up terms
    core_threshold: float = 0.25  # cosine an article needs with one of an event's first members to join it
    other_happening_weight: float = 0.3  # similarity kept with an event whose headlines report another kind of
    # happening, a statement by another speaker or a serial happening with other slots
    other_counterpart_weight: float = 0.15  # kept with an event whose leads name other counterparts: a wording
    # shared by two calls or meetings of one actor (one agency text reporting both) must not join them
    slot_max_share: float = 0.03  # a headline word in fewer articles names who or where (a slot), not what


@dataclass(frozen=True, slots=True)
class StorySettings:
    """Stories: events joined into threads by their core terms."""

    threshold: float = 0.1  # cosine between an event's core and a story's
    core_threshold: float = 0.1  # cosine an event's core needs with one of a story's first events' cores
    max_share: float = 0.015  # a term in more than this share of articles is too common to link events


@dataclass(frozen=True, slots=True)
class ClaimSettings:
    """Claims: clauses of an event's articles grouped by what they state."""

    threshold: float = 0.22  # average-link similarity two groups of clauses need to merge
    max_articles: int = 50  # a larger event is compared on its most central articles


@dataclass(frozen=True, slots=True)
class ContradictionSettings:
    """Contradictions: one slot of an event given different values by different outlets."""

    window: int = 9  # words either side of a quantity that anchor it to what it measures
    shared_anchors: int = 3  # anchor words two values must share to be one slot (or one word next to both)
    max_ratio: float = 1.25  # counts further apart than this name different things (tolls excepted): two reports
    # of one figure differ by a slip, a rounding or a recount (5 or 6 cars, 130 or 150 events), not by half
    duration_ratio: float = 2.0  # durations more than this many times apart are of different happenings
    drift: float = 1.25  # across publication days, a steady figure (not a toll, not money) may differ this much
    cumulative: tuple[str, ...] = ("killed", "injured", "arrested")  # tolls that only rise: a later lower one clashes
    max_values: int = 3  # a conflict among more distinct values than this is several facts run together
    toll_ratio: float = 2.5  # tolls of one day further apart than this are of different incidents (6 and 43 dead),
    # not two counts of one: outlets' counts of one toll differ by a source or an hour (56 or 83, 595 or 1126)
    fall_ratio: float = 1.5  # a later toll lower than the earlier by more than this is another incident's toll, not
    # a revision (a recount lowers 5300 to 3840, not 43 to 6)


@dataclass(frozen=True, slots=True)
class SummarySettings:
    """Cited extractive summaries of events."""

    target_words: int = 110  # the word budget: reference news summaries run 95-145 words
    duplicate_similarity: float = 0.3  # two chosen sentences this close say the same: the second is never taken
    restated_share: float = 0.5  # a sentence naming nothing new with this share of its content words said is skipped


@dataclass(frozen=True, slots=True)
class ReportSettings:
    """The static HTML report: what it shows in full, so it opens fast at any corpus size."""

    full_stories: int = 10  # stories shown in full, by current coverage; the rest are listed
    full_events: int = 15  # events shown in full (summary, claims, contradictions), in those stories' order
    full_articles: int = 45  # article texts shown, those the shown summaries cite first
    full_entities: int = 40  # entity cards, the most mentioned in the articles shown


@dataclass(frozen=True, slots=True)
class StoreSettings:
    """How results are written."""

    write_batch: int = 64  # articles per store transaction


@dataclass(frozen=True, slots=True)
class Settings:
    """Every section; `Settings()` is the default run."""

    clean: CleanSettings = field(default_factory=CleanSettings)
    quotes: QuoteSettings = field(default_factory=QuoteSettings)
    duplicates: DuplicateSettings = field(default_factory=DuplicateSettings)
    events: EventSettings = field(default_factory=EventSettings)
    stories: StorySettings = field(default_factory=StorySettings)
    claims: ClaimSettings = field(default_factory=ClaimSettings)
    contradictions: ContradictionSettings = field(default_factory=ContradictionSettings)
    summary: SummarySettings = field(default_factory=SummarySettings)
    report: ReportSettings = field(default_factory=ReportSettings)
    store: StoreSettings = field(default_factory=StoreSettings)

    def with_values(self, values: Mapping[str, Any]) -> Settings:
        """A copy with `section.name` -> value changed; unknown names and values of the wrong type are errors."""
        sections: dict[str, dict[str, Any]] = {}
        for dotted, value in values.items():
            section, _, name = dotted.partition(".")
            current = getattr(self, section, None) if section in _section_names() else None
            if current is None or name not in {f.name for f in fields(current)}:
                raise SettingsError(f"unknown setting {dotted!r} (known: {', '.join(known_settings())})")
            sections.setdefault(section, {})[name] = _typed(dotted, value, getattr(current, name))
        return replace(self, **{s: replace(getattr(self, s), **v) for s, v in sections.items()})


DEFAULTS = Settings()


class SettingsError(ValueError):
    """A setting that does not exist, or a value it cannot take."""


def _section_names() -> list[str]:
    return [f.name for f in fields(Settings)]


def known_settings(settings: Settings | None = None) -> dict[str, Any]:
    """`section.name` -> value of every setting (the defaults when `settings` is None)."""
    settings = settings or Settings()
    return {f"{s}.{f.name}": getattr(getattr(settings, s), f.name)
            for s in _section_names() for f in fields(getattr(settings, s))}


def _typed(name: str, value: Any, default: Any) -> Any:
    """`value` as the type of `default` (text from the command line is parsed; an int is accepted as a float)."""
    if isinstance(value, str) and not isinstance(default, str):
        try:
            value = type(default)(value)
        except ValueError:
            raise SettingsError(f"{name}: {value!r} is not a {type(default).__name__}") from None
    if isinstance(default, float) and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if type(value) is not type(default):
        raise SettingsError(f"{name}: {value!r} is not a {type(default).__name__}")
    return value


def parse_assignments(pairs: Iterable[str]) -> dict[str, str]:
    """`section.name=value` strings (the CLI's --set) as a mapping."""
    found = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or "." not in name:
            raise SettingsError(f"--set takes section.name=value, got {pair!r}")
        found[name.strip()] = value.strip()
    return found


def load_settings(path: Path | None = None, assignments: Mapping[str, Any] | None = None) -> Settings:
    """The defaults, changed by a TOML file (one table per section), then by `section.name` assignments."""
    values: dict[str, Any] = {}
    if path is not None:
        try:
            document = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise SettingsError(f"{path}: {exc}") from None
        for section, table in document.items():
            if not isinstance(table, dict):
                raise SettingsError(f"{path}: {section!r} must be a table ([{section}])")
            values.update({f"{section}.{name}": value for name, value in table.items()})
    values.update(assignments or {})
    return Settings().with_values(values)
