"""One router per resource; ``ALL`` is the order they are mounted in."""

from newsgraph.api.routers import audit, documents, entities, events, places, relations, search, stats

ALL = [stats.router, entities.router, events.router, relations.router, places.router, search.router,
       documents.router, audit.router]
