-- newsgraph store, version 9: the merge a long ingest owes, written down.
-- An ingest stores its batches unmerged and merges their reports once, at its end. What is still to
-- merge lived in memory only, so a run that died between batches left those reports as events of
-- their own for good (a second run skips the stored documents). Each batch now records its
-- documents and re-pointed keys in its own transaction; the merge step reads and clears them in
-- its own, so whichever run comes next (or this one, at its end) finishes the work.
CREATE TABLE pending_merge_documents (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
CREATE TABLE pending_merge_keys (
    key TEXT PRIMARY KEY
) STRICT, WITHOUT ROWID;
