"""Per-article extraction: entity mentions, time expressions and quotes as spans over the clean text."""
