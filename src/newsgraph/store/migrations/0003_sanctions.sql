-- newsgraph store, version 3: sanctions lists and the entities matched to their parties.
-- Depends on nothing but SQLite: entity ids change when the resolver merges entities, so
-- sanction_matches.entity_id is a plain TEXT column (matching is re-run), not a foreign key.

CREATE TABLE listed_parties (
    id          INTEGER PRIMARY KEY,
    list_name   TEXT NOT NULL,             -- "OFAC SDN", or the datasets of a FollowTheMoney record
    party_id    TEXT NOT NULL,             -- the list's own id (ent_num, FtM entity id)
    kind        TEXT NOT NULL,             -- FollowTheMoney schema: Person, Company, Vessel, ...
    name        TEXT NOT NULL,
    aliases     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(aliases)),
    countries   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(countries)),   -- ISO alpha-3
    birth_dates TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(birth_dates)),
    programs    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(programs)),
    listed_on   TEXT,                      -- ISO prefix or NULL
    source_file TEXT NOT NULL,
    source_line INTEGER NOT NULL DEFAULT 0,
    loaded_at   TEXT NOT NULL,
    UNIQUE (list_name, party_id)
) STRICT;

CREATE TABLE sanction_matches (
    entity_id   TEXT NOT NULL,
    party       INTEGER NOT NULL REFERENCES listed_parties(id) ON DELETE CASCADE,
    score       REAL NOT NULL CHECK (score >= 0 AND score <= 1),
    explanation TEXT NOT NULL,
    PRIMARY KEY (entity_id, party)
) STRICT;
CREATE INDEX sanction_matches_party ON sanction_matches(party);
