"""Quotes and their speakers: cue tables (`cues`), quotation marks (`marks`); `quotes.find_quotes` is the stage."""
