-- newsgraph store, version 4: analyst decisions and the audit log.
-- Decisions are appended, never edited (an undo is a later row's timestamp on the same decision),
-- and name actor keys and report ids, which re-ingesting never changes; the resolver applies the
-- active ones every time it runs, so a later ingest cannot undo an analyst's correction.

CREATE TABLE decisions (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('merge', 'split', 'reject')),
    keys       TEXT NOT NULL CHECK (json_valid(keys)),  -- merge: [[keys of A], [keys of B], ...]; split: [keys moved out]; reject: [report ids]
    target     TEXT NOT NULL,                           -- the entity or event id the analyst acted on
    who        TEXT NOT NULL,
    at         TEXT NOT NULL,
    note       TEXT,
    undone_at  TEXT,
    undone_by  TEXT
) STRICT;
CREATE INDEX decisions_active ON decisions(kind, undone_at);

CREATE TABLE audit_log (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,
    who     TEXT NOT NULL,
    action  TEXT NOT NULL,       -- ingest, merge, split, reject, undo
    target  TEXT,
    detail  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
) STRICT;

ALTER TABLE events ADD COLUMN rejected INTEGER NOT NULL DEFAULT 0 CHECK (rejected IN (0, 1));
