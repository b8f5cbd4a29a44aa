"""trigon.dask: a corpus coded on a local cluster of two worker processes
gives exactly the events of one process and of `trigon code --stdin`."""
import json
import sqlite3

import pytest

pd = pytest.importorskip("pandas")
pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
import trigon  # noqa: E402
import trigon.dask as tdask  # noqa: E402

from conftest import frame_records, sort_key, stdin_events  # noqa: E402


@pytest.fixture(scope="session")
def client():
    cluster = distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                       dashboard_address=None)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def test_cluster_run_equals_single_process_and_cli(client, sample_jsonl, trigon_binary, tmp_path):
    lines = sample_jsonl.read_text(encoding="utf-8").splitlines()
    out = tmp_path / "events.jsonl"
    df = tdask.code_corpus(str(sample_jsonl), client=client, partitions=6, out=out)
    assert len(client.scheduler_info()["workers"]) == 2
    single = trigon.code_jsonl(lines, source="sample")
    # Same events in the same (corpus) order.
    assert frame_records(df) == frame_records(single)
    cli = stdin_events(trigon_binary, "\n".join(lines) + "\n")
    assert sorted(frame_records(df), key=sort_key) == sorted(cli, key=sort_key)
    assert len(df) > 100 and df.attrs["skipped"] == []
    # The JSON Lines file holds the same records.
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert written == frame_records(df)


def test_lines_are_numbered_across_partitions(client, tmp_path):
    text = "China and Russia held joint naval exercises in the East China Sea."
    path = tmp_path / "feed.jsonl"
    # No ids: documents are named "<stem>:<line>"; a bad line and a blank
    # one sit in the middle.
    lines = [json.dumps({"text": f"{text} Day {i}.", "date": f"2024-03-{1 + i % 28:02d}"})
             for i in range(40)]
    lines[17] = '{"text": "truncated'
    lines[23] = ""
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    df = tdask.code_corpus(path, client=client, partitions=7)
    single = trigon.code_jsonl(lines, source="feed", errors="skip")
    assert frame_records(df) == frame_records(single)
    assert set(df.doc) == {f"feed:{i + 1}" for i in range(40) if i not in (17, 23)}
    assert len(df.attrs["skipped"]) == 1 and df.attrs["skipped"][0].startswith("feed:18: ")


def test_partitions_cover_every_line_once(tmp_path):
    path = tmp_path / "lines.jsonl"
    lines = [("x" * (i * 37 % 200)) + str(i) for i in range(500)]
    path.write_text("\n".join(lines) + "\n")
    for n in (1, 2, 3, 16, 500, 5000):
        ranges = tdask.partition_corpus(path, n)
        assert ranges[0][1] == 0 and ranges[-1][2] == path.stat().st_size
        assert all(a[2] == b[1] for a, b in zip(ranges, ranges[1:]))
        seen = []
        for r in ranges:
            first, got = tdask._lines_in_range(*r)
            if got:
                assert first == len(seen) + 1
            seen.extend(g.decode().rstrip("\n") for g in got)
        assert seen == lines, n
    with pytest.raises(FileNotFoundError):
        tdask.partition_corpus(tmp_path / "none-*.jsonl")
    with pytest.raises(ValueError):
        tdask.partition_corpus(path, 0)


def test_outputs(tmp_path):
    df = trigon.code_text("Russia and China signed an energy agreement in Beijing.",
                          date="2024-05-16")
    assert len(df) > 0
    db = tmp_path / "events.db"
    tdask.write_events(df, db, table="coded")
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT doc, code, evidence FROM coded").fetchall()
    conn.close()
    assert [(r[0], r[1]) for r in rows] == list(zip(df.doc, df.code))
    assert json.loads(rows[0][2]) == df.evidence[0]
    with pytest.raises(ValueError, match="Trigon's schema"):
        tdask.write_events(df, db, table="events")
    with pytest.raises(ValueError, match="unknown output type"):
        tdask.write_events(df, tmp_path / "events.xlsx")
    if tdask._parquet_engine() is None:
        with pytest.raises(RuntimeError, match="pyarrow or fastparquet"):
            tdask.write_events(df, tmp_path / "events.parquet")
    else:
        tdask.write_events(df, tmp_path / "events.parquet")
        assert len(pd.read_parquet(tmp_path / "events.parquet")) == len(df)
