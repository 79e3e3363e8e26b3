"""The embedded store: one SQLite file (WAL, FTS5), written in transactional batches."""

from newsgraph.store.reads import fts_query
from newsgraph.store.store import AddResult, Store, migrations

__all__ = ["AddResult", "Store", "fts_query", "migrations"]
