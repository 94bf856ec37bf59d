"""The `marsad` command line: analyze, watch, export, serve, outlets, schema, settings, train, eval."""
from __future__ import annotations

import json
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from marsad.engines import ENGINES, close_engine, collect_as_batch_job, make_engine
from marsad.errors import ConfigError, EngineError, StoreError
from marsad.export.analysis import document_sections, json_pieces, json_schema, stored_sections, to_document
from marsad.export.report import render_report
from marsad.ingest import read_inputs
from marsad.pipeline import REVISION, Engine, StrictModeError, analyze, publish
from marsad.rules import hit_counts
from marsad.settings import DEFAULTS, SettingsError, known_settings, load_settings, parse_assignments
from marsad.store import Store, check_readable, is_postgres, open_store
from marsad.store.warm import WarmStore
from marsad.types import Analysis, Rejected

EXIT_NOTHING_PROCESSED = 2
EXIT_BAD_STORE = 2
EXIT_INTERRUPTED = 130
EXIT_ENGINE_FAILED = 3
_err = Console(stderr=True, highlight=False, soft_wrap=True)


def engine_options(command: Callable[..., None]) -> Callable[..., None]:
    """The options that choose where the maps run (per-article stages, per-event comparison)."""
    command = click.option("--workers", type=click.IntRange(min=1),
                           help="Processes for the local engine (default: one per core; 1: this process).")(command)
    command = click.option("--scheduler", help="Dask scheduler address (with --engine dask; default: a local "
                                               "cluster).")(command)
    return click.option("--engine", "engine_name", type=click.Choice(ENGINES), default="local", show_default=True,
                        help="Where the per-article and per-event work runs: this machine's cores, or Dask.")(command)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="marsad")
def main() -> None:
    """marsad (مرصد): Arabic news from many outlets turned into verified stories."""


@main.command("analyze")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the marsad.analysis/v1 document here.")
@click.option("--html", "html_out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the self-contained HTML report here.")
@click.option("--db", default="marsad.db", show_default=True,
              help="The store: an SQLite file, or a postgresql:// DSN; re-running on the same input does only "
                   "what is left.")
@engine_options
@click.option("--settings", "settings_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A TOML file of stage settings, one table per stage ([events] threshold = 0.25).")
@click.option("--set", "assignments", multiple=True, metavar="STAGE.NAME=VALUE",
              help="Change one setting for this run (repeatable); `marsad settings` lists them.")
@click.option("--explain", is_flag=True,
              help="Run the per-article stages in this process and print how often each registered rule fired.")
@click.option("--strict", is_flag=True, help="Stop at the first input problem (exit 2).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary.")
def analyze_command(paths: tuple[Path, ...], json_out: Path | None, html_out: Path | None, db: str,
                    engine_name: str, scheduler: str | None, workers: int | None, settings_file: Path | None,
                    assignments: tuple[str, ...], explain: bool, strict: bool, quiet: bool) -> None:
    """Analyse articles in PATHS (files and folders: .txt .html .json .jsonl .xml/.rss/.atom .zip .gz)."""
    def report(problem: Rejected) -> None:
        _err.print(f"marsad: skipped {problem.path}: {problem.reason}", markup=False)

    try:
        settings = load_settings(settings_file, parse_assignments(assignments))
    except SettingsError as exc:
        raise click.UsageError(str(exc)) from exc
    if explain:
        engine_name, workers = "local", 1  # rule counters are per process: count them all here
    show_progress = not quiet and sys.stderr.isatty()
    new_store = not is_postgres(db) and not Path(db).exists()
    with _engine(engine_name, scheduler, workers) as engine, _store(db) as store, \
            _progress(show_progress) as progress:
        task = progress.add_task("reading and analysing articles", total=None)
        if show_progress:
            _count_inputs(paths, lambda total: progress.update(task, total=total))
        try:
            result = analyze(paths, store, engine=engine, settings=settings, strict=strict, on_problem=report,
                             on_article=lambda: progress.advance(task),
                             on_stage=lambda name: progress.update(task, description=f"across the corpus: {name}"))
        except StrictModeError as exc:
            _err.print(f"marsad: {exc} (--strict: stopping)", markup=False)
            sys.exit(EXIT_NOTHING_PROCESSED)
        except EngineError as exc:
            _err.print(f"marsad: {exc}", markup=False)
            sys.exit(EXIT_ENGINE_FAILED)
        except KeyboardInterrupt:
            progress.stop()
            _err.print(f"marsad: interrupted; the {store.count()} articles stored in {db} are kept: run the same "
                       "command again to go on from there", markup=False)
            sys.exit(EXIT_INTERRUPTED)
        if not result.unchanged and (result.from_inputs or result.articles):
            progress.update(task, description="storing the analysis")
            publish(store, result)
        if result.unchanged or result.from_inputs or result.articles:
            rejected = [{"path": r.path, "reason": r.reason} for r in result.rejected]
            if json_out:  # an item at a time: the analysis is never held whole as JSON
                _write_pieces(json_out, json_pieces(_stored_document(store, rejected) if result.unchanged
                                                    else document_sections(result)))
            if html_out:
                document = {**(store.get_analysis() or {}), "rejected": rejected} if result.unchanged \
                    else to_document(result)
    if not result.from_inputs and not result.totals()["articles"]:
        if new_store:
            _remove_sqlite(db)  # a run that processed nothing leaves no empty store behind
        _err.print("marsad: no article could be processed", markup=False)
        sys.exit(EXIT_NOTHING_PROCESSED)
    if html_out:
        _write(html_out, render_report(document, settings.report))
    if not quiet:
        _err.print(closing_summary(result, db, [p for p in (json_out, html_out) if p]), markup=False)
    if explain:
        _print_rule_hits()
    if not result.from_inputs:
        _err.print("marsad: no article could be processed", markup=False)
        sys.exit(EXIT_NOTHING_PROCESSED)


def _stored_document(store: Store, rejected: list[dict[str, str]]) -> Iterator[tuple[str, Any]]:
    """The stored analysis's sections in order, each read as it is written, with this run's rejected inputs."""
    names, values, read = stored_sections(store)
    return ((name, rejected if name == "rejected" else values[name] if name in values else read(name))
            for name in names)


def closing_summary(result: Analysis, db: str, written: list[Path]) -> str:
    """What a run did, in one line: articles read, reused, skipped; the corpus's events, stories and
    contradictions (unchanged: the stored analysis still holds); where the outputs went."""
    totals = result.totals()
    counts = [plural(result.from_inputs, "article") + f" read ({result.reused} already stored)",
              f"{len(result.rejected)} skipped", f"{totals['articles']} in the store {db}",
              plural(totals["events"], "event"), plural(totals["stories"], "story", "stories"),
              plural(totals["contradictions"], "contradiction")]
    unchanged = " (nothing new: the stored analysis is current)" if result.unchanged else ""
    wrote = f"; wrote {', '.join(map(str, written))}" if written else ""
    return "marsad: " + ", ".join(counts) + unchanged + wrote


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


@contextmanager
def _store(db: str) -> Iterator[Store]:
    """The store at `db`; one line and exit status 2 when it cannot be opened (a folder, another kind of file, a
    server out of reach), never a traceback."""
    try:
        store = open_store(db)
    except StoreError as exc:
        _err.print(f"marsad: cannot open the store {exc}", markup=False)
        sys.exit(EXIT_BAD_STORE)
    with store:
        yield store


def _remove_sqlite(path: str) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(path + suffix).unlink(missing_ok=True)


def _print_rule_hits() -> None:
    """Each registered rule and how often it fired in this run, by stage (to stdout)."""
    for name, count in sorted(hit_counts().items()):
        click.echo(f"{count:>8}  {name}")


@main.command("settings")
def settings_command() -> None:
    """List every stage setting with its default value (change them with --set or --settings)."""
    for name, value in known_settings().items():
        click.echo(f"{name} = {value!r}")


@main.command("watch")
@click.argument("sources", nargs=-1, required=True)
@click.option("--db", default="marsad.db", show_default=True, help="The store: an SQLite file, or a postgresql:// DSN.")
@click.option("--every", default="10m", show_default=True, help="Time between polls: 90, 30s, 10m, 1h.")
@click.option("--rounds", type=click.IntRange(min=1), help="Stop after this many polls (default: until interrupted).")
@engine_options
def watch_command(sources: tuple[str, ...], db: str, every: str, rounds: int | None, engine_name: str,
                  scheduler: str | None, workers: int | None) -> None:
    """Poll SOURCES (RSS/Atom feed URLs, folders) and analyse only what is new into the existing events."""
    from marsad.watch import parse_interval, watch

    try:
        seconds = parse_interval(every)
    except ConfigError as exc:
        raise click.BadParameter(str(exc), param_hint="--every") from exc
    def say(message: str) -> None:
        _err.print(f"marsad: {message}", markup=False)

    with _engine(engine_name, scheduler, workers) as engine, _store(db) as stored:
        store = WarmStore(stored, REVISION)  # rounds read only what changed since the last one

        def round_done(number: int, result: Analysis | None) -> None:
            if result is not None and not result.unchanged:
                publish(store, result)
                say(f"round {number}: {result.from_inputs - result.reused} new articles, "
                    f"{len(result.articles)} in the store, {len(result.events)} events")

        try:
            watch(list(sources), store, seconds, rounds, engine=engine, report=say, on_round=round_done)
        except KeyboardInterrupt:
            say("stopped")


@main.command("serve")
@click.option("--db", required=True,
              help="The store written by `marsad analyze`: an SQLite file, or a postgresql:// DSN.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; anything beyond loopback needs --token.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--token", envvar="MARSAD_TOKEN", help="Access token every request must carry (env MARSAD_TOKEN).")
@click.option("--rate-limit", default="120/10", show_default=True,
              help="Requests per seconds from one client (429 beyond), or 'off'; loopback is exempt by default.")
@click.option("--limit-loopback", is_flag=True, help="Apply the rate limit to loopback clients too.")
def serve_command(db: str, host: str, port: int, token: str | None, rate_limit: str, limit_loopback: bool) -> None:
    """Serve the latest analysis in DB as a read-only web app and JSON API (needs the `web` extra)."""
    from marsad.web.bind import BindError, check_bind, serve
    from marsad.web.limits import RateLimit

    try:
        check_bind(host, token)
        limit = RateLimit.parse(rate_limit, limit_loopback=limit_loopback)
    except (BindError, ValueError) as exc:
        raise click.UsageError(str(exc)) from exc
    try:
        check_readable(db)
    except StoreError as exc:
        _err.print(f"marsad: cannot serve {exc} (write a store with `marsad analyze --db`)", markup=False)
        sys.exit(EXIT_BAD_STORE)
    serve(db, host, port, token, limit)


@main.command("export")
@click.option("--db", default="marsad.db", show_default=True, help="The store: an SQLite file, or a postgresql:// DSN.")
@click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=Path), help="Write the JSON here.")
@click.option("--html", "html_out", type=click.Path(dir_okay=False, path_type=Path), help="Write the HTML report here.")
@click.option("--story", "stories", multiple=True, help="Only this story (its id, e.g. s3; repeatable).")
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]), help="Only events reported on or after this day.")
def export_command(db: str, json_out: Path | None, html_out: Path | None, stories: tuple[str, ...],
                   since: datetime | None) -> None:
    """Write the stored analysis, or the part of it on some stories or since a day, as JSON and an HTML report.

    The JSON is written a section at a time from the store's rows (`store.rows`), never held whole; the report
    reads the store by id (`store.source`), a selection as the document cut from the rows."""
    from marsad.export.select import SelectionError, cut_sections
    from marsad.export.views import DocumentView
    from marsad.store.rows import current
    from marsad.store.source import StoreSource

    if not json_out and not html_out:
        raise click.UsageError("say what to write: --json FILE, --html FILE or both")
    if not is_postgres(db) and not Path(db).is_file():
        raise click.BadParameter(f"no store at {db}", param_hint="--db")
    counts: Counter[str] = Counter()
    with _store(db) as store:
        header = store.analysis_header()
        if not header:
            _err.print(f"marsad: {db} holds no analysis yet (run `marsad analyze --db {db}` first)", markup=False)
            sys.exit(EXIT_NOTHING_PROCESSED)
        names, values, read = stored_sections(store, header)
        try:
            cut = cut_sections(read, stories, since.date().isoformat() if since else None) if stories or since else {}
        except SelectionError as exc:
            raise click.BadParameter(str(exc), param_hint="--story") from exc

        def sections() -> Iterator[tuple[str, Any]]:
            for name in [*names, *(name for name in cut if name not in names)]:
                value = cut[name] if name in cut else values[name] if name in values else read(name)
                yield name, _counted(name, value, counts) if name not in values else value

        if json_out:
            _write_pieces(json_out, json_pieces(sections()))
        if html_out:
            by_id = not cut and current(header)  # a selection is cut from the rows: small, read as a document
            view = DocumentView(StoreSource(db) if by_id else {name: list(value) if name not in values else value
                                                               for name, value in sections()})
            _write(html_out, render_report(view, DEFAULTS.report))
            counts = Counter({"stories": len(view.stories), "events": len(view.events),
                              "articles": len(view.articles)})
    _err.print(f"marsad: {plural(counts['stories'], 'story', 'stories')}, "
               f"{plural(counts['events'], 'event')}, {plural(counts['articles'], 'article')}; "
               f"wrote {', '.join(str(p) for p in (json_out, html_out) if p)}", markup=False)


def _counted(name: str, items: Iterable[Any], counts: Counter[str]) -> Iterator[Any]:
    """The items, counted under `name` as they pass."""
    for item in items:
        counts[name] += 1
        yield item


@main.command("outlets")
@click.argument("outlet", required=False)
@click.option("--db", default="marsad.db", show_default=True, help="The store: an SQLite file, or a postgresql:// DSN.")
def outlets_command(outlet: str | None, db: str) -> None:
    """List the outlets in the store with the furniture learnt for each; with OUTLET, that outlet's learnt lines."""
    from marsad.clean.templates import STATE_NAME, OutletTemplates, outlet_key

    if not is_postgres(db) and not Path(db).is_file():
        raise click.BadParameter(f"no store at {db}", param_hint="--db")
    with _store(db) as store:
        templates: OutletTemplates = store.get_state(STATE_NAME) or OutletTemplates()
    settings = DEFAULTS.clean
    if outlet is None:
        click.echo(f"{'articles':>8}  {'lines':>5}  {'shapes':>6}  outlet")
        for counts in sorted(templates.outlets.values(), key=lambda c: (-c.articles, c.name)):
            learnt = counts.template(settings)
            click.echo(f"{counts.articles:>8}  {len(learnt.exact):>5}  {len(learnt.shape):>6}  {counts.name}")
        return
    counts = templates.outlets.get(outlet_key(outlet) or "")
    if counts is None:
        raise click.BadParameter(f"no outlet named {outlet!r} in {db}", param_hint="OUTLET")
    click.echo(f"{counts.name}: {counts.articles} articles")
    for rule, line in counts.furniture(settings):
        click.echo(f"{line.support:>8}  {rule:<12}  {line.example}")


@main.group("train")
def train_group() -> None:
    """Rebuild a shipped model from its training data."""


@train_group.command("ner")
@click.option("--data", "data_dir", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="A folder with ANERcorp's train_data.txt and dev_data.txt (CoNLL: token TAG per line).")
@click.option("--aqmar", "aqmar_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="A folder with AQMAR's train.txt (the shipped model is trained with it; dev.txt is not read).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where to write the model (default: the one the package ships).")
@click.option("--neural", is_flag=True,
              help="Train the neural tagger of encyclopedic text instead (three seeds, each tuned on AQMAR train "
                   "after training on both; needs torch and onnx: the `train` extra; writes ONNX).")
@click.option("--vectors", "vectors_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="With --neural: the word vectors (default: the shipped ner_vectors.npz).")
def train_ner_command(data_dir: Path, aqmar_dir: Path | None, out: Path | None, neural: bool,
                      vectors_path: Path | None) -> None:
    """Train the CRF entity tagger on ANERcorp train + dev and AQMAR train (or, with --neural, the BiLSTM)."""
    from marsad.extract.ner.train import MODEL_FILE, train_ner, training_files

    try:
        files = training_files(data_dir, aqmar_dir)
    except FileNotFoundError as e:
        raise click.ClickException(str(e)) from None
    if neural:
        from marsad.extract.ner.neural import NEURAL_FILE
        from marsad.extract.ner.neural_train import train_neural
        from marsad.extract.ner.train import WIKI_DOMAIN

        target = out or NEURAL_FILE
        summary = train_neural(files, target, vectors_path, tune_domain=WIKI_DOMAIN if aqmar_dir else None,
                               log=click.echo)
        click.echo(f"held-out F1 {summary['held_out_f1']:.3f}"
                   + (f", on AQMAR's held-out sentences {summary['tuned_f1']:.3f}" if "tuned_f1" in summary else ""))
    else:
        target = out or MODEL_FILE
        train_ner(files, target)
    click.echo(f"wrote {target}")


@main.group("eval")
def eval_group() -> None:
    """Measure a stage against labelled data."""


@eval_group.command("ner")
@click.option("--conll", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A CoNLL file (token TAG per line, BIO tags PERS/LOC/ORG/MISC), e.g. ANERcorp's test_data.txt.")
@click.option("--model", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="A CRF model (.crfsuite) to use alone instead of the shipped taggers (by default each window of "
                   "sentences is tagged as articles are: by the CRF, or by the encyclopedic tagger where it reads "
                   "as encyclopedic), or a neural one (.onnx) to use alone.")
@click.option("--crf-weight", type=float, default=0.0, show_default=True,
              help="With an .onnx model: the weight of the shipped CRF's scores mixed in (0: the network alone).")
def eval_ner_command(conll: Path, model: Path | None, crf_weight: float) -> None:
    """Entity-level precision, recall and F1 (exact span and type), micro and per type."""
    from marsad.extract.ner.train import MODEL_FILE, evaluate_conll, format_report

    if model is not None and model.suffix == ".onnx":
        try:
            report = evaluate_conll(conll, MODEL_FILE, neural=model, crf_weight=crf_weight)
        except ValueError as e:
            raise click.ClickException(str(e)) from None
    else:
        report = evaluate_conll(conll, model)
    click.echo(format_report(report))


@main.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the marsad.analysis/v1 document."""
    click.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


@contextmanager
def _engine(name: str, scheduler: str | None, workers: int | None) -> Iterator[Engine]:
    """The engine, a usage error when the options do not fit together; this process collects as a batch job."""
    collect_as_batch_job()
    try:
        engine = make_engine(name, scheduler, workers)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from exc
    try:
        yield engine
    finally:
        close_engine(engine)


def _write(path: Path, text: str) -> None:
    _write_pieces(path, [text])


def _write_pieces(path: Path, pieces: Iterable[str]) -> None:
    """Write text given a piece at a time; a file that cannot be written is a one-line error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8") as out:
            out.writelines(pieces)
    except OSError as exc:
        _err.print(f"marsad: cannot write {path}: {exc.strerror or exc}", markup=False)
        sys.exit(1)


def _progress(enabled: bool) -> Progress:
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=_err,
                    disable=not enabled, transient=True)


def _count_inputs(paths: tuple[Path, ...], on_total: Callable[[int], None]) -> None:
    """Count the documents in `paths` on a side thread (reading is cheap next to analysing) and report the total,
    so the progress bar can show N/total and the time left."""
    def count() -> None:
        on_total(sum(1 for item in read_inputs(paths) if not isinstance(item, Rejected)))

    threading.Thread(target=count, name="count-inputs", daemon=True).start()
