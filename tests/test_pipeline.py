"""The pipeline over the bundled examples: the store is the corpus and events grow incrementally."""
from __future__ import annotations

import gc
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from marsad.export.analysis import to_document
from marsad.pipeline import analyze, load_corpus
from marsad.store import SQLiteStore
from marsad.types import Analysis

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def partition(events: list) -> set[frozenset[str]]:
    return {frozenset(e.articles) for e in events}


def split_examples(tmp_path: Path) -> tuple[Path, Path]:
    """The examples in two folders (each with its part of the manifest): an earlier and a later delivery."""
    first, later = tmp_path / "first", tmp_path / "later"
    for folder in (first, later):
        folder.mkdir()
    lines = (EXAMPLES / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines):
        target = first if n % 2 == 0 else later
        shutil.copy(EXAMPLES / json.loads(line)["path"], target)
        with (target / "manifest.jsonl").open("a", encoding="utf-8") as fh:
            fh.write(line + "\n")
    shutil.copy(EXAMPLES / "feed.xml", later)
    return first, later


def test_examples_form_two_stories_of_several_outlets(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "m.db") as store:
        result = analyze([EXAMPLES], store)
    sizes = sorted(len(e.articles) for e in result.events)
    assert len(result.stories) == 2 and sizes[-2] >= 4
    assert all(e.story in {s.id for s in result.stories} for e in result.events)


def early_grown_once(tmp_path: Path) -> tuple[Analysis, Analysis, Analysis]:
    """The examples analysed in two deliveries into one store (after each), and at once into another."""
    first, later = split_examples(tmp_path)
    with SQLiteStore(tmp_path / "inc.db") as store:
        early = analyze([first], store)
        grown = analyze([later], store)
    with SQLiteStore(tmp_path / "once.db") as store:
        once = analyze([first, later], store)
    return early, grown, once


def test_a_later_delivery_joins_existing_events(tmp_path: Path) -> None:
    early, grown, once = early_grown_once(tmp_path)
    assert grown.from_inputs == len(once.articles) - len(early.articles)
    assert len(grown.articles) == len(once.articles)
    # earlier events keep their ids and members, new articles join them rather than starting over
    for event in early.events:
        assert set(event.articles) <= set(next(e for e in grown.events if e.id == event.id).articles)
    assert len(grown.events) <= len(early.events) + 1
    assert partition(grown.events) == partition(once.events)


def test_same_input_order_same_result(tmp_path: Path) -> None:
    docs = []
    for n in range(2):
        with SQLiteStore(tmp_path / f"{n}.db") as store:
            result = analyze([EXAMPLES], store)
        docs.append([(e.id, e.articles, e.date, e.title) for e in result.events])
    assert docs[0] == docs[1]


def test_a_clustering_state_of_an_older_shape_is_replaced_not_trusted(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "once.db") as store:
        once = analyze([EXAMPLES], store)
    with SQLiteStore(tmp_path / "old.db") as store:
        store.put_state("events", {"an": "older state"})
        rerun = analyze([EXAMPLES], store)
    assert partition(rerun.events) == partition(once.events)


def test_each_corpus_stage_is_announced_as_it_starts(tmp_path: Path) -> None:
    from marsad.pipeline import CORPUS_STAGES

    stages: list[str] = []
    with SQLiteStore(tmp_path / "m.db") as store:
        analyze([EXAMPLES], store, on_stage=stages.append)
    assert stages == ["loading the stored corpus", *(name for name, _ in CORPUS_STAGES)]


def test_each_story_carries_a_dated_timeline_cited_to_its_articles(tmp_path: Path) -> None:
    from marsad.export.analysis import to_document

    with SQLiteStore(tmp_path / "m.db") as store:
        document = to_document(analyze([EXAMPLES], store))
    summaries = {s["event"]: s["sentences"][0] for s in document["summaries"] if s["sentences"]}
    for story in document["stories"]:
        timeline = story["timeline"]
        assert [line["event"] for line in timeline] and {line["event"] for line in timeline} == set(story["events"])
        assert [line["date"] or "" for line in timeline] == sorted(line["date"] or "" for line in timeline)
        for line in timeline:
            first = summaries.get(line["event"])
            assert (line["text"], line["article"]) == ((first["text"], first["article"]) if first else (None, None))


def test_entities_keep_their_ids_when_the_store_grows(tmp_path: Path) -> None:
    early, grown, once = early_grown_once(tmp_path)
    by_id = {e.id: e for e in grown.entities}
    kept = [e for e in early.entities if e.id in by_id and e.name in {by_id[e.id].name, *by_id[e.id].aliases}]
    assert len(kept) >= 0.95 * len(early.entities)
    assert len({e.id for e in grown.entities}) == len(grown.entities)
    assert sorted(len(e.mentions) for e in grown.entities) == sorted(len(e.mentions) for e in once.entities)


def test_stories_and_claims_keep_their_ids_when_the_store_grows(tmp_path: Path) -> None:
    early, grown, once = early_grown_once(tmp_path)
    for story in early.stories:  # the story now holding most of its events holds its id
        holder = max(grown.stories, key=lambda s: (len(set(s.events) & set(story.events)), s.id == story.id))
        assert holder.id == story.id
    assert {e.story for e in grown.events} == {s.id for s in grown.stories}
    assert sorted(map(partition_of, grown.stories)) == sorted(map(partition_of, once.stories))
    # a later report adds a sentence to the first event: only that event's claims are numbered again
    first = once.events[0]
    text = next(a.text for a in once.articles if a.id == first.articles[0])
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "update.txt").write_text(f"{text}\nوقال مسؤول محلي إن الأضرار طالت عشرات المباني المجاورة.",
                                                 encoding="utf-8")
    with SQLiteStore(tmp_path / "once.db") as store:
        again = analyze([tmp_path / "more"], store)
    assert first.id in {e.id for e in again.events if "update" in e.articles}
    kept = {(c.id, c.text) for c in once.claims if c.event != first.id}
    assert kept and kept <= {(c.id, c.text) for c in again.claims}
    assert {(s.id, s.events) for s in once.stories if first.id not in s.events} <= \
        {(s.id, s.events) for s in again.stories}


def two_deliveries(tmp_path: Path, between: Callable[[], None]) -> tuple[Analysis, Analysis, set[str]]:
    """The examples analysed in two runs into one store, `between` called between them: both analyses and the
    events the later run's articles joined."""
    first, later = split_examples(tmp_path)
    with SQLiteStore(tmp_path / "inc.db") as store:
        early = analyze([first], store)
        between()
        grown = analyze([later], store)
    new_articles = {a.id for a in grown.articles} - {a.id for a in early.articles}
    return early, grown, {e.id for e in grown.events if new_articles & set(e.articles)}


def test_a_later_run_makes_again_only_the_events_its_articles_joined(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from marsad.cluster import events as clustering
    from marsad.pipeline import BUILT_EVENTS

    made: list[str] = []
    build = clustering.build_event
    monkeypatch.setattr(clustering, "build_event", lambda cluster, *rest: made.append(f"v{cluster.number + 1}")
                        or build(cluster, *rest))
    early, grown, joined = two_deliveries(tmp_path, made.clear)
    assert set(made) == joined
    (tmp_path / "again").mkdir()
    first, later = split_examples(tmp_path / "again")
    with SQLiteStore(tmp_path / "again.db") as store:  # the same runs with every event made again
        analyze([first], store)
        store.put_states({BUILT_EVENTS: None})
        assert analyze([later], store).events == grown.events


def test_a_later_run_places_only_its_events_and_makes_again_only_their_stories(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from marsad.cluster import stories as story_pass

    placed: list[int] = []
    made: list[str] = []
    update, build = story_pass.StoryClusterer.update, story_pass.build_story
    monkeypatch.setattr(story_pass.StoryClusterer, "update",
                        lambda self, centroids, *rest: placed.extend(centroids) or update(self, centroids, *rest))
    monkeypatch.setattr(story_pass, "build_story", lambda number, *rest: made.append(f"s{number + 1}")
                        or build(number, *rest))
    early, grown, joined = two_deliveries(tmp_path, lambda: placed.clear() or made.clear())
    assert {f"v{n + 1}" for n in placed} == joined
    assert set(made) == {e.story for e in grown.events if e.id in joined}
    assert {e.id: e.story for e in early.events}.items() <= {e.id: e.story for e in grown.events}.items()


def test_a_store_without_a_story_pass_keeps_its_events_and_places_them_all(tmp_path: Path) -> None:
    from marsad.cluster.stories import STATE_NAME

    first, later = split_examples(tmp_path)
    with SQLiteStore(tmp_path / "m.db") as store:
        early = analyze([first], store)
        store.put_states({STATE_NAME: None})  # as a store written before stories streamed
        grown = analyze([later], store)
    with SQLiteStore(tmp_path / "once.db") as store:
        analyze([first], store)
        streamed = analyze([later], store)
    assert early.events and {e.id: e.articles for e in grown.events} == {e.id: e.articles for e in streamed.events}
    assert sorted(s.events for s in grown.stories) == sorted(s.events for s in streamed.stories)


def test_an_article_stored_again_with_other_content_makes_its_event_again(tmp_path: Path) -> None:
    folder = tmp_path / "feed"
    folder.mkdir()
    page = folder / "report.txt"

    def stop(stage: str) -> None:
        if stage != "loading the stored corpus":
            raise KeyboardInterrupt  # the run is stopped once the articles are stored

    with SQLiteStore(tmp_path / "m.db") as store:
        page.write_text("افتتح المحافظ صباح اليوم معرضا للكتاب في المدينة.\nويستمر المعرض أسبوعا.", encoding="utf-8")
        before = analyze([folder], store)
        page.write_text("أرجأت البلدية افتتاح معرض الكتاب إلى الشهر المقبل.\nولم تذكر السبب.", encoding="utf-8")
        with pytest.raises(KeyboardInterrupt):
            analyze([folder], store, on_stage=stop)
        after = analyze([folder], store)  # the article is stored as it is now: only the next run sees the change
    assert after.reused == 1 and [e.id for e in after.events] == [e.id for e in before.events]
    assert after.events[0].title.startswith("أرجأت البلدية") and before.events[0].title.startswith("افتتح")


def test_a_nickname_given_in_an_article_that_quotes_no_one_joins_its_person(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "arrest.txt").write_text('أعلنت الشرطة اليوم القبض على يونس الخطيب المعروف بـ"الذيب" بعد مطاردة '
                                       "استمرت أسابيع.\nوكان مطلوبا في قضايا سرقة.", encoding="utf-8")
    with SQLiteStore(tmp_path / "m.db") as store:
        result = analyze([folder], store)
    assert not result.quotes
    people = [sorted(m.text for m in e.mentions) for e in result.entities if e.type == "PER"]
    assert people == [["الذيب", "يونس الخطيب"]]


def stored_rows(store: SQLiteStore) -> list[tuple]:  # type: ignore[type-arg]
    return store._db.execute("SELECT section, key, position, digest, data FROM analysis_rows "
                             "ORDER BY section, position").fetchall()


def test_a_publish_keeps_the_rows_of_events_not_compared_and_articles_not_stored(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from marsad.pipeline import (
        ARTICLE_SECTIONS,
        EVENT_SECTIONS,
        LINKED,
        LINKED_SECTIONS,
        UNPUBLISHED,
        UNPUBLISHED_ARTICLES,
        publish,
    )
    from marsad.store import rows

    (tmp_path / "more").mkdir()
    (tmp_path / "most").mkdir()
    (tmp_path / "most" / "note.txt").write_text("أعلنت الحكومة اليوم عن خطة جديدة للنقل العام في العاصمة.",
                                              encoding="utf-8")
    written: list[dict] = []  # type: ignore[type-arg]
    encode = rows._json
    monkeypatch.setattr(rows, "_json", lambda item: written.append(item) or encode(item))
    kept, full = (SQLiteStore(tmp_path / f"{name}.db") for name in ("kept", "full"))
    for store in (kept, full):
        first = analyze([EXAMPLES], store)
        publish(store, first)
        grown = first.events[0]  # a later report adds a sentence to the first event ...
        text = next(a.text for a in first.articles if a.id == grown.articles[0])
        (tmp_path / "more" / "update.txt").write_text(f"{text}\nوقال مسؤول محلي إن الأضرار طالت عشرات المباني.",
                                                     encoding="utf-8")
        analyze([tmp_path / "more"], store)  # ... compared again but not published (a run stopped before) ...
        result = analyze([tmp_path / "most"], store)  # ... and the next run publishes
        if store is full:  # a store that cannot tell what was compared or stored: every row again
            store.put_states({UNPUBLISHED: None, UNPUBLISHED_ARTICLES: None, LINKED: None})
        written.clear()
        publish(store, result)
        if store is kept:
            encoded = list(written)
    untouched = {e.id for e in first.events} - {grown.id}
    published = {a.id for a in first.articles}
    doc = to_document(result)
    skipped = {section: [item for item in doc[section] if item[rows.OWNED_BY.get(section, "id")] in owners]
               for sections, owners in ((ARTICLE_SECTIONS, published), (EVENT_SECTIONS, untouched))
               for section in sections}
    skipped["claims"] = [claim for claim in doc["claims"] if claim["event"] in untouched]
    before = to_document(first)
    same_speakers = {a for a in published if spoken_by(before, a) == spoken_by(doc, a)}
    for section in LINKED_SECTIONS:
        skipped[section] = [item for item in doc[section] if item["article"] in same_speakers]
    skipped["entities"] = [e for e in doc["entities"] if e in before["entities"]
                           and {m["article"] for m in e["mentions"]} <= published]
    assert all(skipped[section] for section in ("articles", "timexes", "claims", "summaries", "quotes", "entities"))
    assert len(encoded) == len(written) - sum(map(len, skipped.values()))
    assert stored_rows(kept) == stored_rows(full)
    kept.close()
    full.close()


def spoken_by(document: dict, article: str) -> list[str | None]:  # type: ignore[type-arg]
    return [quote["speaker"] for quote in document["quotes"] if quote["article"] == article]


def test_a_publish_writes_again_the_rows_of_an_article_stored_again_since_the_last(tmp_path: Path) -> None:
    from marsad.pipeline import publish

    folder = tmp_path / "feed"
    folder.mkdir()
    page = folder / "report.txt"
    with SQLiteStore(tmp_path / "m.db") as store:
        page.write_text("افتتح المحافظ يوم 3 مارس 2024 معرضا للكتاب في المدينة.", encoding="utf-8")
        publish(store, analyze([folder], store))
        page.write_text("أرجأت البلدية يوم 5 أبريل 2024 افتتاح معرض الكتاب.", encoding="utf-8")
        analyze([folder], store)  # stored again, not published ...
        result = analyze([folder], store)  # ... and published by a run that stores nothing
        assert result.reused == 1
        publish(store, result)
        stored = store.get_analysis()
    assert stored["articles"][0]["text"].startswith("أرجأت البلدية")
    assert [t["value"] for t in stored["timexes"]] == ["2024-04-05"]


def test_other_duplicate_settings_publish_the_articles_rows_again(tmp_path: Path) -> None:
    from marsad.pipeline import publish
    from marsad.settings import load_settings

    folder = tmp_path / "feed"
    folder.mkdir()
    sentence = "أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في المدينة يضم مئتي سرير وقسما للطوارئ والعناية المركزة. "
    (folder / "a.txt").write_text(sentence * 6, encoding="utf-8")
    (folder / "b.txt").write_text(sentence * 6 + "وقال الوزير إن المستشفى سيخدم سكان المنطقة.", encoding="utf-8")
    with SQLiteStore(tmp_path / "m.db") as store:
        publish(store, analyze([folder], store))
        copies = [a["duplicate_of"] for a in store.get_analysis()["articles"]]
        strict = load_settings(None, {"duplicates.threshold": "0.999"})
        publish(store, analyze([folder], store, settings=strict))
        after = [a["duplicate_of"] for a in store.get_analysis()["articles"]]
    assert any(copies) and not any(after)


def partition_of(story) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    return tuple(sorted(story.events))


def test_a_later_run_resolves_only_the_latin_names_it_has_not_met(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from marsad.link import latin
    from marsad.pipeline import _known_latin_names

    first, later = split_examples(tmp_path)
    asked: list[tuple[str, str, str | None]] = []
    resolve = latin.LatinNamer.resolve
    monkeypatch.setattr(latin.LatinNamer, "resolve", lambda namer, *key: asked.append(key) or resolve(namer, *key))
    monkeypatch.setattr(latin, "_RESOLVED", {})  # a new process
    with SQLiteStore(tmp_path / "names.db") as store:
        analyze([first], store)
        remembered = _known_latin_names(store)[0]
        monkeypatch.setattr(latin, "_RESOLVED", {})  # the next run, in another new process
        asked.clear()
        grown = analyze([later], store)
    assert remembered
    assert asked and not set(asked) & set(remembered)  # only names the first run did not meet
    monkeypatch.setattr(latin, "_RESOLVED", {})
    with SQLiteStore(tmp_path / "once.db") as store:
        once = analyze([first, later], store)
    assert {(e.name, e.name_latin) for e in grown.entities} == {(e.name, e.name_latin) for e in once.entities}


def test_an_unchanged_rerun_keeps_the_published_analysis(tmp_path: Path) -> None:
    from marsad.pipeline import publish
    from marsad.settings import DEFAULTS, load_settings

    with SQLiteStore(tmp_path / "m.db") as store:
        publish(store, analyze([EXAMPLES], store))
        published = store.get_analysis() or {}
        stages: list[str] = []
        rerun = analyze([EXAMPLES], store, on_stage=stages.append)
        assert rerun.unchanged and not stages and rerun.reused == rerun.from_inputs
        assert rerun.totals() == {"articles": len(published["articles"]), "events": len(published["events"]),
                                  "stories": len(published["stories"]),
                                  "contradictions": len(published["contradictions"])}
        changed = analyze([EXAMPLES], store, settings=load_settings(None, {"events.threshold": "0.3"}),
                          on_stage=stages.append)
        assert not changed.unchanged and stages and changed.articles
        (tmp_path / "more").mkdir()
        (tmp_path / "more" / "new.txt").write_text("أعلنت الحكومة اليوم عن خطة جديدة للنقل العام في العاصمة.",
                                                  encoding="utf-8")
        grown = analyze([EXAMPLES, tmp_path / "more"], store, settings=DEFAULTS)
        assert not grown.unchanged and len(grown.articles) == len(published["articles"]) + 1


def test_events_are_compared_while_their_entities_are_linked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    import marsad.pipeline as pipeline

    comparing = threading.Event()
    waited: list[bool] = []
    link_corpus = pipeline.link_corpus

    def linking_until_compared(work, linker=None):  # type: ignore[no-untyped-def]
        waited.append(comparing.wait(timeout=20))  # the comparisons must begin while the linking is under way
        return link_corpus(work, linker)

    def engine(function, items):  # type: ignore[no-untyped-def]
        items = list(items)
        if function is pipeline.compare_event and items:
            comparing.set()
        return pipeline.local_engine(function, items)

    monkeypatch.setattr(pipeline, "link_corpus", linking_until_compared)
    with SQLiteStore(tmp_path / "overlap.db") as store:
        analysis = analyze([EXAMPLES], store, engine=engine)
    assert waited == [True] and analysis.summaries and analysis.entities


def test_a_later_run_compares_again_only_the_events_that_changed(tmp_path: Path) -> None:
    from marsad.export.analysis import to_document
    from marsad.pipeline import COMPARISON, compare_event, local_engine

    compared: list[str] = []

    def counting(function, items):  # type: ignore[no-untyped-def]
        items = list(items)
        if function is compare_event:
            compared.extend(work.event for work in items)
        return local_engine(function, items)

    first, later = split_examples(tmp_path)
    with SQLiteStore(tmp_path / "inc.db") as store:
        early = analyze([first], store, engine=counting)
        compared.clear()
        grown = analyze([later], store, engine=counting)
        new_articles = {a.id for a in grown.articles} - {a.id for a in early.articles}
        assert set(compared) == {e.id for e in grown.events if new_articles & set(e.articles)}
        compared.clear()
        assert not analyze([later], store, engine=counting).unchanged and not compared  # nothing new to compare
        store.put_states(dict.fromkeys(store.get_states(COMPARISON)))  # forget every comparison: all again
        full = analyze([later], store, engine=counting)
        assert set(compared) == {e.id for e in full.events}
    layers = ("claims", "contradictions", "summaries", "framing_contrasts", "figures")
    assert {k: to_document(grown)[k] for k in layers} == {k: to_document(full)[k] for k in layers}


def test_linking_goes_to_the_engine_only_when_many_names_are_new(tmp_path: Path) -> None:
    from marsad.pipeline import link_on_worker, local_engine

    sent: list[int] = []

    def counting(function, items):  # type: ignore[no-untyped-def]
        if function is link_on_worker:
            sent.append(1)
        return local_engine(function, items)

    first, _ = split_examples(tmp_path)
    more = tmp_path / "more"
    more.mkdir()
    report = next(path for path in sorted(first.glob("*.txt")))
    (more / "another_outlet.txt").write_text(report.read_text(encoding="utf-8") + "\nوتتابع الجهات المعنية الوضع.",
                                             encoding="utf-8")
    with SQLiteStore(tmp_path / "m.db") as store:
        analyze([first], store, engine=counting)  # a first run: every name is new
        assert sent == [1]
        grown = analyze([more], store, engine=counting)  # an article naming no one new: linked in this process
        assert sent == [1] and grown.entities
    with SQLiteStore(tmp_path / "once.db") as store:
        once = analyze([first, more], store)
    assert [(e.id, e.name, e.mentions) for e in grown.entities] == [(e.id, e.name, e.mentions) for e in once.entities]


def test_entities_linked_on_a_worker_are_made_of_the_corpus_s_own_mentions(tmp_path: Path) -> None:
    """Linking sent to a worker comes back by reference to the corpus this process holds (each entity's mentions
    by place, each quote by its speaker), not as a second copy of every mention and quote: the same analysis."""
    import pickle

    def worker(function, items):  # type: ignore[no-untyped-def]  # work and results cross as pickles
        return (pickle.loads(pickle.dumps(function(pickle.loads(pickle.dumps(item))))) for item in items)

    with SQLiteStore(tmp_path / "far.db") as store:
        far = analyze([EXAMPLES], store, engine=worker)
    with SQLiteStore(tmp_path / "here.db") as store:
        here = analyze([EXAMPLES], store)
    own = {id(m) for found in far.spans["mentions"].values() for m in found}
    assert far.entities and all(id(m) in own for e in far.entities for m in e.mentions)
    stated = {id(q.text) for found in far.spans["quotes"].values() for q in found}
    assert far.quotes and all(id(q.text) in stated for q in far.quotes)
    assert to_document(far) == to_document(here)


def test_an_event_s_keys_depend_on_its_values_not_on_which_strings_are_shared() -> None:
    from marsad.pipeline import content_key, entity_key
    from marsad.types import Mention

    shared = "".join(["a", "1"])
    apart = "".join(["a", "1"])  # the same id, another string object

    def places(article_id: str, entity: str = "e1") -> list[tuple[int, int, str, Mention]]:
        return [(1, 0, entity, Mention(article_id, 20, 26, "الرباط", "GPE"))]

    def key(article_id: str, digest: str = "h1", original: str | None = None, framed: bool = False) -> str:
        return content_key("v1", [(article_id, digest, original, framed)], "settings code")

    assert key(shared) == key(apart) and entity_key(places(shared)) == entity_key(places(apart))
    assert len({key(shared), key("a2"), key(shared, "h2"), key(shared, original="a0"), key(shared, framed=True),
                content_key("v1", [(shared, "h1", None, False)], "other settings")}) == 6
    assert entity_key(places(shared, "e2")) != entity_key(places(shared))


def test_publishing_each_delivery_stores_what_one_publish_of_the_last_stores(tmp_path: Path) -> None:
    """A watcher publishes after each delivery, writing only the rows and lookup rows that changed (positions kept
    by its connection); the store then holds what one publish of the same analysis writes into a fresh store."""
    from tests.store.test_rows import search_tables

    from marsad.pipeline import publish

    first, later = split_examples(tmp_path)
    with SQLiteStore(tmp_path / "each.db") as each, SQLiteStore(tmp_path / "last.db") as last:
        publish(each, analyze([first], each))
        analyze([first], last)
        for store in (each, last):
            publish(store, analyze([later], store))
        assert each.get_analysis() == last.get_analysis()
        assert search_tables(each) == search_tables(last) and each.mention_forms() == last.mention_forms()


def test_a_publish_keeps_the_lookup_rows_of_an_entity_named_again(tmp_path: Path) -> None:
    """An entity the later delivery names again keeps its earlier mention rows where they are (an entity named in
    thousands of articles is not written again whole for one more mention); only its new ones are added."""
    from marsad.pipeline import publish

    first, later = split_examples(tmp_path)
    with SQLiteStore(tmp_path / "m.db") as store:
        publish(store, analyze([first], store))
        before = dict(store._db.execute("SELECT article_id || ':' || start_at || ':' || entity_id, rowid "
                                        "FROM search_mentions"))
        publish(store, analyze([later], store))
        after = dict(store._db.execute("SELECT article_id || ':' || start_at || ':' || entity_id, rowid "
                                       "FROM search_mentions"))
    kept = before.keys() & after.keys()
    assert kept and len(after) > len(before)
    assert all(before[row] == after[row] for row in kept)


def test_events_closed_while_the_rest_are_clustered_are_compared_then_and_as_at_the_end(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import marsad.pipeline as pipeline

    clustering = False
    taken_while_clustering: list[str] = []
    events = pipeline._events

    def watched_events(*args):  # type: ignore[no-untyped-def]
        nonlocal clustering
        clustering = True
        try:
            return events(*args)
        finally:
            clustering = False

    def elsewhere(function, items):  # type: ignore[no-untyped-def]  # an engine that is not this process's
        for item in items:
            if function is pipeline.compare_event and clustering:
                taken_while_clustering.append(item.event)
            yield function(item)

    with SQLiteStore(tmp_path / "end.db") as store:
        at_the_end = to_document(analyze([EXAMPLES], store))
    monkeypatch.setattr(pipeline, "_events", watched_events)
    with SQLiteStore(tmp_path / "early.db") as store:
        early = analyze([EXAMPLES], store, engine=elsewhere)
    march = {e.id for e in early.events if (e.date or "").startswith("2025-03")}
    assert march and set(taken_while_clustering) == march  # closed when the December articles were placed
    assert to_document(early) == at_the_end


def test_the_stored_corpus_is_read_out_of_the_collectors_way(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "m.db") as store:
        analyze([EXAMPLES], store)
        gc.unfreeze()
        articles, spans = load_corpus(store)
        examined = {id(found) for found in gc.get_objects()}  # every object the collector's passes walk
    assert articles and gc.isenabled()
    assert not any(id(found) in examined for found in (*articles, *spans["mentions"].values()))
