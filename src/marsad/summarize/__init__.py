"""Extractive summaries with citations."""
from marsad.summarize.extractive import summarize_event, summarize_story

__all__ = ["summarize_event", "summarize_story"]
