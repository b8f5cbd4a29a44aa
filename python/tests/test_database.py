"""trigon.open: events, documents and summary of a database coded by the
CLI, checked against the CLI's output and the SQLite file itself."""
import json
import sqlite3

import pytest

pd = pytest.importorskip("pandas")
import trigon  # noqa: E402

from conftest import SAMPLE_DIR, frame_records, run_trigon, sort_key  # noqa: E402

TRIAD = ["USA", "RUS", "CHN"]


def test_open_errors(tmp_path):
    with pytest.raises(FileNotFoundError, match="missing.db"):
        trigon.open(tmp_path / "missing.db")
    junk = tmp_path / "junk.db"
    junk.write_text("this is not a database\n" * 100)
    with pytest.raises(OSError, match="cannot open database .*junk.db.*not a database"):
        trigon.open(junk)


def test_events_match_the_cli_code_output(sample_db, tmp_path):
    # `trigon code` on a fresh copy prints every stored event of the
    # documents it codes, named by document id, as JSON Lines.
    copy = tmp_path / "copy.db"
    copy.write_bytes(sample_db.read_bytes())
    with sqlite3.connect(copy) as conn:
        conn.execute("DELETE FROM coded_documents")
    conn.close()
    cli = [json.loads(line) for line in
           run_trigon("code", "--db", copy, "-q", check=False).stdout.splitlines()]
    events = trigon.open(copy).events(modality=None, with_evidence=True)
    assert len(events) == len(cli) > 100
    ours = frame_records(events.to_pandas())
    fields = list(cli[0].keys())
    assert fields == trigon.EVENT_COLUMNS
    ours = [{k: e[k] for k in fields} for e in ours]
    assert sorted(ours, key=sort_key) == sorted(cli, key=sort_key)


def test_event_filters_agree_with_sqlite(sample_db):
    db = trigon.open(sample_db)
    df = db.events(actors=TRIAD).to_pandas()
    with sqlite3.connect(sample_db) as conn:
        (expected,) = conn.execute(
            "SELECT COUNT(*) FROM events WHERE source_country IN ('USA','RUS','CHN') "
            "AND target_country IN ('USA','RUS','CHN') AND modality = 'asserted'").fetchone()
        (all_count,) = conn.execute("SELECT COUNT(*) FROM events").fetchone()
    conn.close()
    assert len(df) == expected > 0
    assert set(df.source_country) <= set(TRIAD) and set(df.target_country) <= set(TRIAD)
    assert set(df.modality) == {"asserted"}
    assert "evidence" not in df.columns
    assert {"id", "doc_id", "import_file"} <= set(df.columns)
    assert len(db.events(modality=None)) == all_count
    dated = df[df.date.notna() & (df.date.str.len() == 10)]
    start, end = sorted(dated.date)[len(dated) // 3], sorted(dated.date)[2 * len(dated) // 3]
    window = db.events(actors="USA,RUS,CHN", start=start, end=end).to_pandas()
    assert len(window) > 0
    assert window.date.between(start, end).all()
    assert len(db.events(origin="icews")) == 0
    assert len(db.events(actors=TRIAD, limit=5)) == 5


def test_iteration_and_evidence_lead_back_to_the_file(sample_db):
    db = trigon.open(sample_db)
    events = db.events(actors=TRIAD, with_evidence=True)
    rows = list(events)
    assert len(rows) == len(events)
    assert rows[0].keys() == frame_records(events.to_pandas())[0].keys()
    docs = db.documents().set_index("id")
    checked = 0
    for e in rows:
        path = docs.loc[e["doc_id"], "source_path"]
        if "/en/" not in path:
            continue  # UTF-8 English files: file bytes equal the text bytes
        raw = open(path, "rb").read()
        for ev in e["evidence"]:
            assert raw[ev["file_begin"]:ev["file_end"]].decode("utf-8") == ev["text"]
            checked += 1
        assert e["text"] in raw.decode("utf-8")
    assert checked > 50


def test_documents_and_summary(sample_db):
    db = trigon.open(sample_db)
    docs = db.documents()
    cli = [json.loads(line) for line in
           run_trigon("docs", "--db", sample_db, "--format", "jsonl").stdout.splitlines()]
    assert len(docs) == len(cli) > 100
    assert set(docs.id) == {d["id"] for d in cli}
    assert docs.source_path.str.startswith(str(SAMPLE_DIR)).all()
    summary = db.summary()
    assert summary["documents"] == len(docs)
    assert summary["sentences"] == docs.sentences.sum()
    # The same counts as `trigon summary`.
    printed = {}
    for line in run_trigon("summary", "--db", sample_db).stdout.splitlines():
        key, _, value = line.strip().rpartition(" ")
        if value.isdigit():
            printed[key.strip()] = int(value)
    assert printed["documents"] == summary["documents"]
    assert printed["sentences"] == summary["sentences"]
    assert printed["skipped inputs"] == summary["skipped"]
    for lang, n in summary["sentences_by_lang"].items():
        assert printed[lang] == n
    assert set(summary["sentences_by_lang"]) >= {"en", "zh-Hans", "zh-Hant"}
