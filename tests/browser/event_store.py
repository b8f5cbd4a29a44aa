"""Read-only SQL over a trigon database (schema: docs/formats/schema.md),
for expectations that must not come from the page or the server under test."""

import sqlite3
import urllib.parse


def query(db, sql, *args):
    """All rows of `sql`, the database opened read-only."""
    con = sqlite3.connect("file:" + urllib.parse.quote(db) + "?mode=ro", uri=True)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def value(db, sql, *args):
    """The first column of the first row."""
    return query(db, sql, *args)[0][0]


def events_by_id(db, ids):
    """{id: (date, code, goldstein)} for the given event ids."""
    ids = list(ids)
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return {row[0]: row[1:] for row in
            query(db, f"SELECT id, date, code, goldstein FROM events WHERE id IN ({marks})", *ids)}
