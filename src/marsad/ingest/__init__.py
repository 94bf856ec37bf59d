"""Ingestion: files, folders, archives, manifests, HTML, feeds and JSON lines -> RawDocument (or Rejected)."""
from marsad.ingest.files import read_inputs

__all__ = ["read_inputs"]
