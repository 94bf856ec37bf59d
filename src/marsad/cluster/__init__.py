"""Clustering: syndicated near-duplicates, events and stories."""
