"""Trigon from Python: code news into CAMEO events and analyse the
US-China-Russia strategic triangle, with pandas DataFrames.

    import trigon
    db = trigon.open("trigon.db")
    df = db.events(actors=["USA", "RUS", "CHN"]).to_pandas()
    trigon.series(db, actors=["USA", "RUS", "CHN"], period="quarter")
    trigon.code_text("Xi Jinping met Vladimir Putin in Moscow.", date="2023-03-21")

Event columns are the fields of `trigon code`'s JSON Lines output
(docs/formats/events.md); series, triangle and var give the numbers of
`trigon series`, `trigon triangle` and `trigon var`.  Errors raise
ValueError (bad arguments or input), FileNotFoundError, OSError or
RuntimeError with Trigon's message.  See docs/python.md.
"""

import json
import os
import threading
import warnings

from . import _trigon

__all__ = [
    "Database", "Events", "open", "code_text", "code_jsonl", "coder",
    "default_dict_dir", "series", "triangle", "var",
]

EVENT_COLUMNS = [
    "doc", "sentence", "text", "lang", "date", "date_basis", "source", "target",
    "source_country", "target_country", "code", "root", "quad", "goldstein",
    "modality", "mentions", "origin", "evidence",
]


def _pandas():
    # pandas is needed only for DataFrames; the rest works without it.
    try:
        import pandas
    except ImportError as e:  # pragma: no cover - Debian: python3-pandas
        raise ImportError("trigon needs pandas for DataFrames (Debian: python3-pandas)") from e
    return pandas


def _frame(columns, order=None):
    pd = _pandas()
    if order is not None:
        columns = {name: columns[name] for name in order if name in columns}
    return pd.DataFrame(columns)


class Events:
    """Events selected from a database: len(), iteration (one dict per
    event) and to_pandas()."""

    def __init__(self, native):
        self._native = native

    def __len__(self):
        return len(self._native)

    def __iter__(self):
        return iter(self._native.records())

    def to_pandas(self):
        return _frame(self._native.columns())

    def __repr__(self):
        return f"<trigon.Events: {len(self)} events>"


class Database:
    """A Trigon database (trigon ingest / code / import), opened read-only."""

    def __init__(self, path):
        self._native = _trigon.Database(os.fspath(path))

    @property
    def path(self):
        return self._native.path

    def events(self, actors=None, start=None, end=None, modality="asserted", origin=None,
               with_evidence=False, limit=0):
        """Stored events.  actors: country codes whose events among
        themselves are kept (source and target both in the list; None:
        all); start/end: YYYY-MM-DD inclusive; modality: a name, a list or
        None for all; origin: trigon, gdelt1, gdelt2, icews, csv (a name,
        a list or None); with_evidence: add the evidence column."""
        native = self._native.events(
            actors=_codes(actors, "actors"), start=start, end=end, modality=modality,
            origin=origin, with_evidence=with_evidence, limit=limit)
        return Events(native)

    def documents(self):
        """One row per stored document (as `trigon docs`)."""
        return _frame(self._native.document_columns())

    def summary(self):
        """Counts of documents, sentences by language, dates by basis,
        removed noise by reason, links and skipped inputs (as `trigon
        summary`), as a dict."""
        return self._native.summary()

    def __repr__(self):
        return f"<trigon.Database {self.path!r}>"


def open(path):  # noqa: A001 - the documented name, trigon.open(path)
    """Opens a Trigon database read-only.  FileNotFoundError/OSError when
    it cannot be opened."""
    if not os.path.exists(os.fspath(path)):
        raise FileNotFoundError(f"cannot open database {os.fspath(path)}: no such file")
    return Database(path)


# --- Coding -----------------------------------------------------------------

def default_dict_dir():
    """$TRIGON_DICT_DIR if set, else the repository's data/dict as it was at
    build time."""
    return os.environ.get("TRIGON_DICT_DIR") or _trigon.DEFAULT_DICT_DIR


_coders = {}
_coders_lock = threading.Lock()


def coder(dict_dir=None):
    """The compiled dictionaries of dict_dir (default: default_dict_dir()),
    loaded once per process and shared (coding is thread-safe)."""
    path = os.path.realpath(dict_dir or default_dict_dir())
    with _coders_lock:
        c = _coders.get(path)
        if c is None:
            if not os.path.isdir(path):
                raise FileNotFoundError(
                    f"no dictionary folder at {path}; pass dict_dir= or set TRIGON_DICT_DIR")
            c = _coders[path] = _trigon.Coder(path)
    return c


def code_jsonl(lines, dict_dir=None, source="stdin", first_line=1, errors="raise"):
    """Codes JSON Lines documents ({"id","url","date","title","text","lang",
    "source"}, one per line) as `trigon code --stdin` does, into a DataFrame
    of events.  lines: an iterable of strings (or an open file).  A document
    without "id" is named "<source>:<line>".  errors: "raise" (ValueError
    naming the line), or "skip" (bad lines are left out and listed in
    df.attrs["skipped"]).  Events over the coder's per-document limit are
    left out with a warnings.warn, as the CLI warns on stderr."""
    if errors not in ("raise", "skip"):
        raise ValueError(f"errors: 'raise' or 'skip', got {errors!r}")
    lines = [line.rstrip("\n") for line in lines]
    columns, skipped, notes = coder(dict_dir).code_lines(
        lines, source=source, first_line=first_line, skip_errors=(errors == "skip"))
    for note in notes:  # as the CLI's "warning" lines
        warnings.warn(note, stacklevel=2)
    df = _frame(columns, EVENT_COLUMNS)
    df.attrs["skipped"] = list(skipped)
    return df


def code_text(text, date=None, lang=None, dict_dir=None, title=None, url=None, id=None):  # noqa: A002
    """Codes one text (date: YYYY-MM-DD publication date, which dates the
    events when the sentence gives none; lang: en, zh-Hans, zh-Hant or None
    to detect) into a DataFrame of events -- the events `trigon code
    --stdin` gives for the same JSON Lines record."""
    if not isinstance(text, str):
        raise TypeError("text: a str")
    record = {"text": text}
    for key, value in (("id", id), ("title", title), ("url", url), ("date", date),
                       ("lang", lang)):
        if value is not None:
            record[key] = value
    return code_jsonl([json.dumps(record, ensure_ascii=False)], dict_dir=dict_dir)


# --- Analytics --------------------------------------------------------------

def _codes(value, what):
    if value is None:
        return None
    if isinstance(value, str):
        return [c for c in value.split(",") if c]
    try:
        return [str(c) for c in value]
    except TypeError:
        raise TypeError(f"{what}: a comma-separated string or a list of codes, "
                        f"got {value!r}") from None


def _triad(actors):
    codes = _codes(actors, "actors")
    if not codes:
        raise ValueError("actors: three actor codes, e.g. ['USA', 'RUS', 'CHN']")
    return ",".join(codes)


def _source(db_or_events):
    if isinstance(db_or_events, (Database, Events)):
        return db_or_events._native
    raise TypeError("expected a trigon.Database or trigon.Events (from Database.events())")


def _selection(origin, all_modalities, start, end, story_weighting):
    return dict(origins=_codes(origin, "origin") or [], all_modalities=bool(all_modalities),
                start=start, end=end, story_weighting=bool(story_weighting))


def series(db_or_events, actors=("USA", "RUS", "CHN"), period="month", normalize=False,
           origin=None, all_modalities=False, start=None, end=None, story_weighting=False):
    """The six directed-dyad series of a triad per period, one row per
    (period, dyad) -- the numbers of `trigon series` (its CSV columns, plus
    volume, divisor and event_ids).  From a Database the events are
    selected as the CLI does (asserted only unless all_modalities; origin;
    start/end); from Events every event given is counted.
    df.attrs["input"] describes the input as the CLI's first line."""
    out = _trigon.series(_source(db_or_events), _triad(actors), period, bool(normalize),
                         **_selection(origin, all_modalities, start, end, story_weighting))
    df = _frame(out["columns"])
    df.attrs["input"] = out["input"]
    return df


def triangle(db_or_events, actors=("USA", "RUS", "CHN"), period="year", band=0.5,
             min_events=3, statistic="mean", normalize=False, origin=None,
             all_modalities=False, start=None, end=None, story_weighting=False):
    """Dittmer's configuration per period with each actor's role and each
    pair's statistic, sign, status, events, weight and confidence (columns
    "<A>-<B>_statistic" ...) -- the numbers of `trigon triangle`.
    df.attrs["positions"] holds Wu's position per actor (a DataFrame)."""
    out = _trigon.triangle(_source(db_or_events), _triad(actors), period, float(band),
                           float(min_events), statistic, bool(normalize),
                           **_selection(origin, all_modalities, start, end, story_weighting))
    df = _frame(out["columns"])
    df.attrs["positions"] = _frame(out["positions"])
    df.attrs["input"] = out["input"]
    return df


def var(db_or_events, actors=("USA", "RUS", "CHN"), period="month", lags=2, select=None,
        maxlags=8, horizon=8, origin=None, all_modalities=False, start=None, end=None,
        story_weighting=False):
    """The Goldstein-Freeman "Three-Way Street" VAR of the six directed-dyad
    Goldstein-sum series -- the numbers of `trigon var`.  lags=None selects
    the order by `select` (aic, bic, hqic; default aic).  Returns one row
    per dyad: routine, reciprocity and triangularity F tests (F, df, p) and
    coefficient sums.  df.attrs: lags, nobs, aic, bic, hqic, stable,
    max_root_modulus, periods, selection, and the DataFrames granger_p
    (row caused by column) and fevd (at `horizon`)."""
    if lags is not None and select is not None:
        raise ValueError("give lags or select, not both")
    out = _trigon.var(_source(db_or_events), _triad(actors), period,
                      -1 if lags is None else int(lags), select or "", int(maxlags), int(horizon),
                      **_selection(origin, all_modalities, start, end, story_weighting))
    pd = _pandas()
    df = _frame(out["reciprocity"])
    names = out["names"]
    for key in ("lags", "nobs", "aic", "bic", "hqic", "stable", "max_root_modulus",
                "raised_to_one_lag", "periods", "selection", "fevd_horizon", "input"):
        df.attrs[key] = out[key]
    df.attrs["granger_p"] = pd.DataFrame(out["granger_p"], index=names, columns=names)
    df.attrs["fevd"] = pd.DataFrame(out["fevd"], index=names, columns=names)
    return df
