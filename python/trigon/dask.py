"""Coding a JSON Lines corpus on a Dask cluster (docs/python.md).

    from distributed import Client, LocalCluster
    import trigon.dask
    client = Client(LocalCluster(n_workers=2, threads_per_worker=1))
    df = trigon.dask.code_corpus("corpus/*.jsonl", client=client, out="events.jsonl")

The corpus is cut into line-aligned byte ranges of its files; each range
is one task, coded on a worker by the Python module (the dictionaries are
compiled once per worker process and cached, see trigon.coder).  The
events come back in corpus order -- file by file, line by line -- so the
result equals a single-process trigon.code_jsonl (and `trigon code --stdin`)
run over the same lines.  Documents without an "id" are named
"<file stem>:<line>", as `trigon code FILE.jsonl` names them.
"""

import glob as _glob
import json
import os
import sqlite3

import trigon

__all__ = ["partition_corpus", "code_range", "code_corpus", "write_events"]

# Tables of a Trigon database (docs/formats/schema.md): never overwritten.
_TRIGON_TABLES = {
    "coded_documents", "document_links", "document_sources", "documents", "event_evidence",
    "events", "ingest_runs", "paragraphs", "removed_spans", "sentences", "skipped_inputs",
}


def _paths(paths_or_glob):
    if isinstance(paths_or_glob, (str, os.PathLike)):
        pattern = os.fspath(paths_or_glob)
        paths = sorted(_glob.glob(pattern)) if _glob.has_magic(pattern) else [pattern]
    else:
        paths = [os.fspath(p) for p in paths_or_glob]
    if not paths:
        raise FileNotFoundError(f"no JSON Lines files match {paths_or_glob!r}")
    for p in paths:
        if not os.path.isfile(p):
            raise FileNotFoundError(f"{p}: no such file")
    return paths


def partition_corpus(paths_or_glob, partitions=None):
    """Cuts the files into about `partitions` byte ranges (path, begin, end)
    of similar size, at least one per non-empty file (default: one per
    file).  A range holds the lines that start inside it."""
    paths = _paths(paths_or_glob)
    sizes = [os.path.getsize(p) for p in paths]
    total = sum(sizes)
    if partitions is None:
        partitions = len(paths)
    if partitions < 1:
        raise ValueError(f"partitions: at least 1, got {partitions}")
    target = max(1, -(-total // partitions))  # ceiling division
    ranges = []
    for path, size in zip(paths, sizes):
        pieces = max(1, -(-size // target))
        step = -(-size // pieces) if size else 0
        for begin in range(0, size, step) if size else []:
            ranges.append((path, begin, min(size, begin + step)))
    return ranges


def _lines_in_range(path, begin, end):
    """(number of the first line, the lines that start in [begin, end))."""
    with open(path, "rb") as f:
        first = begin
        if begin > 0:
            # A line starting before `begin` belongs to the previous range.
            f.seek(begin - 1)
            if f.read(1) != b"\n":
                f.readline()
            first = f.tell()
        # Line numbers need the newlines before the range: count them.
        f.seek(0)
        newlines, remaining = 0, first
        while remaining > 0:
            chunk = f.read(min(remaining, 1 << 20))
            if not chunk:
                break
            newlines += chunk.count(b"\n")
            remaining -= len(chunk)
        f.seek(first)
        lines, position = [], first
        while position < end:
            line = f.readline()
            if not line:
                break
            position += len(line)
            lines.append(line)
    return newlines + 1, lines


def code_range(part, dict_dir=None):
    """Codes one range (path, begin, end) on this process: a DataFrame of
    events, with the skipped lines' messages in attrs["skipped"]."""
    path, begin, end = part
    first_line, raw = _lines_in_range(path, begin, end)
    source = os.path.splitext(os.path.basename(path))[0]
    lines, bad = [], []
    for i, b in enumerate(raw):
        try:
            lines.append(b.decode("utf-8"))
        except UnicodeDecodeError as e:
            # Kept as a blank line so the numbering stays right; reported
            # the way the reader reports invalid UTF-8.
            lines.append("")
            bad.append(f"{source}:{first_line + i}: invalid UTF-8 (byte {e.start})")
    df = trigon.code_jsonl(lines, dict_dir=dict_dir, source=source, first_line=first_line,
                           errors="skip")
    df.attrs["skipped"] = bad + df.attrs["skipped"]
    return df


def code_corpus(paths_or_glob, client=None, partitions=None, out=None, table="trigon_events",
                dict_dir=None):
    """Codes a JSON Lines corpus (a glob, a path or a list of paths) in
    parallel and gathers the events into one DataFrame in corpus order.

    client: a distributed.Client (default: Dask's current scheduler);
    partitions: how many ranges to cut (default: two per worker thread of
    the client, else one per file); out: where to write the events as well
    -- "*.jsonl", "*.parquet" (needs pyarrow or fastparquet) or
    "*.db"/"*.sqlite" (a SQLite table named `table`); dict_dir: the
    dictionaries (default trigon.default_dict_dir()).  Lines that cannot be
    read are left out and listed in df.attrs["skipped"]."""
    import dask  # imported here: trigon itself does not need Dask

    if dict_dir is None:
        dict_dir = trigon.default_dict_dir()
    if partitions is None and client is not None:
        partitions = 2 * max(1, sum(client.nthreads().values()))
    ranges = partition_corpus(paths_or_glob, partitions)
    tasks = [dask.delayed(code_range, pure=False)(r, dict_dir) for r in ranges]
    if client is not None:
        frames = client.gather(client.compute(tasks))
    else:
        frames = list(dask.compute(*tasks))
    df = _concat(frames)
    if out is not None:
        write_events(df, out, table=table)
    return df


def _concat(frames):
    pd = trigon._pandas()
    skipped = [m for f in frames for m in f.attrs.get("skipped", [])]
    non_empty = [f for f in frames if len(f)]
    if non_empty:
        df = pd.concat(non_empty, ignore_index=True)
    else:
        df = frames[0].iloc[0:0] if frames else pd.DataFrame(columns=trigon.EVENT_COLUMNS)
    df.attrs = {"skipped": skipped}
    return df


def _jsonable(value):
    # numpy scalars and NaN for missing values become plain JSON values.
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value != value:
        return None
    return value


def write_events(df, out, table="trigon_events"):
    """Writes events to `out` by its extension: .jsonl (the JSON Lines
    event format), .parquet, or .db/.sqlite/.sqlite3 (table `table`,
    replaced; evidence as JSON text)."""
    out = os.fspath(out)
    ext = os.path.splitext(out)[1].lower()
    if ext in (".jsonl", ".ndjson"):
        with open(out, "w", encoding="utf-8") as f:
            for row in df.itertuples(index=False):
                record = {k: _jsonable(v) for k, v in zip(df.columns, row)}
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif ext == ".parquet":
        engine = _parquet_engine()
        if engine is None:
            raise RuntimeError(
                "writing Parquet needs pyarrow or fastparquet, and neither is installed "
                "(Debian 12 packages neither); write .jsonl or .db instead")
        df.to_parquet(out, engine=engine, index=False)
    elif ext in (".db", ".sqlite", ".sqlite3"):
        if table in _TRIGON_TABLES:
            raise ValueError(f"table {table!r} is part of Trigon's schema; choose another name")
        flat = df.copy()
        if "evidence" in flat.columns:
            flat["evidence"] = [json.dumps(e, ensure_ascii=False) for e in flat["evidence"]]
        with sqlite3.connect(out) as conn:
            flat.to_sql(table, conn, if_exists="replace", index=False)
        conn.close()
    else:
        raise ValueError(f"{out}: unknown output type; use .jsonl, .parquet, .db or .sqlite")


def _parquet_engine():
    for engine in ("pyarrow", "fastparquet"):
        try:
            __import__(engine)
            return engine
        except ImportError:
            pass
    return None
