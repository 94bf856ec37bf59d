"""marsad (مرصد): Arabic news from many outlets turned into verified stories.

The public surface: `analyze` runs the pipeline over files and folders into a store; the types are the
artifacts that flow between stages.
"""
from marsad.pipeline import analyze
from marsad.store import SQLiteStore
from marsad.types import Analysis, Article, Entity, Event, Mention, Quote, RawDocument, Rejected, Story, Timex

__all__ = ["Analysis", "Article", "Entity", "Event", "Mention", "Quote", "RawDocument", "Rejected", "SQLiteStore",
           "Story", "Timex", "analyze"]
