"""Cross-document entity linking: one Entity per real-world entity, name variants, Latin names."""
