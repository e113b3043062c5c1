"""The store: coded documents in SQLite (a file any tool can open) or PostgreSQL, through one interface.

    from eventwire.store import open_store
    with open_store("eventwire.db") as store:          # or "postgresql://user@host/db"
        store.add(eventwire.code(text))                 # False when the text is stored already
        rows = store.events(type="ASSAULT", country="AF", since="2020-05")
"""
from .db import DEFAULT, Store, content_hash, database_url, open_store
from .filters import EventFilter
from .load import Ingested, ingest
from .migrations import StoreError

__all__ = ["DEFAULT", "EventFilter", "Ingested", "Store", "StoreError", "content_hash", "database_url",
           "ingest", "open_store"]
