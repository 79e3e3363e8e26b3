"""The resolve stage: across documents, actors become entities and reports become events.

``names`` holds the keys everything shares; ``entities`` clusters actor records into canonical
entities; ``events`` groups reports of one happening. All are pure functions over records: the
store reads the records a batch touches, calls them, and writes the result back.
"""

from newsgraph.resolve.names import entity_id, resolve_key

__all__ = ["entity_id", "resolve_key"]
