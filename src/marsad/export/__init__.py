"""Exports: the `marsad.analysis/v1` JSON document and the static HTML report."""
