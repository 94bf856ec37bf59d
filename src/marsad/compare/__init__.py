"""Source comparison: claims and their outlets, contradictions, framing vocabulary."""
