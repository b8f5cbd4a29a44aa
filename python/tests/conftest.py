"""Shared fixtures: the trigon binary, a database of the sample corpus coded
by the CLI, a database of synthetic imported events for the VAR, and the
sample corpus as JSON Lines."""
import json
import os
import pathlib
import random
import subprocess

import pytest

SOURCE_DIR = pathlib.Path(os.environ.get("TRIGON_SOURCE_DIR")
                          or pathlib.Path(__file__).resolve().parents[2])
SAMPLE_DIR = SOURCE_DIR / "data" / "sample"


def _binary():
    path = os.environ.get("TRIGON_BINARY")
    if not path or not os.access(path, os.X_OK):
        pytest.skip("TRIGON_BINARY is not set to the trigon executable")
    return path


def run_trigon(*args, stdin=None, check=True):
    """Runs the CLI; returns the CompletedProcess (text mode)."""
    r = subprocess.run([_binary(), *map(str, args)], input=stdin, capture_output=True,
                       text=True, encoding="utf-8", timeout=120)
    if check and r.returncode != 0:
        raise AssertionError(f"trigon {' '.join(map(str, args))} exited {r.returncode}:\n"
                             f"{r.stderr}")
    return r


@pytest.fixture(scope="session")
def trigon_binary():
    return _binary()


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory, trigon_binary):
    """The sample corpus ingested and coded by the CLI."""
    db = tmp_path_factory.mktemp("sample") / "trigon.db"
    # Exit code 1 means some inputs were skipped (the noisy folder has a
    # few on purpose); anything else is a failure.
    for args in (("ingest", SAMPLE_DIR, "--db", db), ("code", "--db", db, "-q")):
        r = run_trigon(*args, check=False)
        assert r.returncode in (0, 1), r.stderr
    return db


@pytest.fixture(scope="session")
def synthetic_db(tmp_path_factory, trigon_binary):
    """Six years of random daily events among USA, RUS and CHN (and a few
    with GBR), imported from CSV: enough periods for a VAR."""
    d = tmp_path_factory.mktemp("synthetic")
    rng = random.Random(7)
    rows = ["date,source,target,goldstein"]
    actors = ["USA", "RUS", "CHN"]
    for day in range(0, 6 * 365, 2):
        y, rest = 2015 + day // 365, day % 365
        month, dom = 1 + rest // 31 % 12, 1 + rest % 28
        for _ in range(rng.randint(1, 4)):
            s, t = rng.sample(actors + (["GBR"] if rng.random() < 0.1 else []), 2)
            g = round(rng.uniform(-10, 10), 1)
            rows.append(f"{y:04d}-{month:02d}-{dom:02d},{s},{t},{g}")
    csv = d / "events.csv"
    csv.write_text("\n".join(rows) + "\n")
    db = d / "synthetic.db"
    run_trigon("import", csv, "--format", "csv", "--db", db)
    return db


def _front_matter_record(doc_id, text):
    """A text file with a `title:`/`date:`/`source:`/`lang:` header as a
    JSON Lines record."""
    record = {"id": doc_id}
    lines = text.split("\n")
    i = 0
    while i < len(lines) and ":" in lines[i] and lines[i].split(":", 1)[0] in (
            "title", "date", "url", "source", "lang"):
        key, value = lines[i].split(":", 1)
        record[key] = value.strip()
        i += 1
    record["text"] = "\n".join(lines[i:]).strip("\n")
    return record


def sample_records():
    """The sample corpus as JSON Lines records: every English and Chinese
    text file (id = its path below data/sample) plus the records of the
    sample feed.jsonl."""
    records = []
    for path in sorted(SAMPLE_DIR.glob("*/*.txt")):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # the encoding samples (GBK, Big5, UTF-16)
        records.append(_front_matter_record(str(path.relative_to(SAMPLE_DIR)), text))
    for line in (SAMPLE_DIR / "noisy" / "feed.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError:
                continue  # the feed has a malformed line on purpose
    return records


@pytest.fixture(scope="session")
def sample_jsonl(tmp_path_factory):
    """The sample records written as one JSON Lines file."""
    path = tmp_path_factory.mktemp("corpus") / "sample.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for r in sample_records():
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


def stdin_events(trigon_binary, jsonl_text):
    """Events of `trigon code --stdin` for the given JSON Lines text."""
    r = subprocess.run([trigon_binary, "code", "--stdin", "-q"], input=jsonl_text,
                       capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert r.returncode in (0, 1), r.stderr
    return [json.loads(line) for line in r.stdout.splitlines() if line.strip()]


def sort_key(e):
    return (e["doc"], e["sentence"], e["source"], e["target"], e["code"], e["modality"],
            str(e["date"]))


def frame_records(df):
    """A DataFrame of events as JSON-comparable dicts (numpy -> Python)."""
    out = []
    for row in df.to_dict(orient="records"):
        out.append({k: (v.item() if hasattr(v, "item") else v) for k, v in row.items()})
    return out
