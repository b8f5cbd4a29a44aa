"""trigon.code_text / code_jsonl give the events of `trigon code --stdin`."""
import json
import threading
import time

import pytest

pd = pytest.importorskip("pandas")
import trigon  # noqa: E402

from conftest import frame_records, sample_records, sort_key, stdin_events  # noqa: E402

TEXT = ("Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow on "
        "Tuesday. The United States imposed sanctions on Russian banks.")


def test_code_text_matches_cli_stdin(trigon_binary):
    df = trigon.code_text(TEXT, date="2023-03-21", lang="en")
    assert list(df.columns) == trigon.EVENT_COLUMNS
    assert len(df) > 0
    line = json.dumps({"text": TEXT, "date": "2023-03-21", "lang": "en"})
    assert frame_records(df) == stdin_events(trigon_binary, line + "\n")
    # What the text says: a meeting between China and Russia, dated by the
    # document date since the sentence gives only a weekday.
    meetings = df[(df.source_country == "CHN") & (df.target_country == "RUS")]
    assert not meetings.empty
    assert set(df["origin"]) == {"trigon"}
    assert set(df["doc"]) == {"stdin:1"}


def test_code_jsonl_matches_cli_stdin_on_the_sample_corpus(trigon_binary):
    lines = [json.dumps(r, ensure_ascii=False) for r in sample_records()]
    df = trigon.code_jsonl(lines)
    cli = stdin_events(trigon_binary, "\n".join(lines) + "\n")
    assert len(df) == len(cli) > 100
    assert sorted(frame_records(df), key=sort_key) == sorted(cli, key=sort_key)
    # Evidence offsets point into the text of the sentence's document.
    for row in df.head(20).itertuples():
        for ev in row.evidence:
            assert ev["kind"] in ("trigger", "source", "target")
            assert ev["begin"] < ev["end"]


def test_bad_lines_raise_or_are_skipped():
    good = json.dumps({"id": "a", "text": TEXT, "date": "2023-03-21"})
    lines = [good, '{"id": "b", "text": ', good.replace('"a"', '"c"')]
    with pytest.raises(ValueError, match=r"^stdin:2: "):
        trigon.code_jsonl(lines)
    df = trigon.code_jsonl(lines, errors="skip", source="feed", first_line=10)
    assert set(df["doc"]) == {"a", "c"}
    assert len(df.attrs["skipped"]) == 1
    assert df.attrs["skipped"][0].startswith("feed:11: ")
    with pytest.raises(ValueError, match="errors"):
        trigon.code_jsonl(lines, errors="ignore")


def test_documents_without_id_are_named_by_source_and_line():
    lines = ["", json.dumps({"text": TEXT, "date": "2023-03-21"})]
    df = trigon.code_jsonl(lines, source="feed")
    assert set(df["doc"]) == {"feed:2"}  # the blank line 1 counts


def test_no_events_gives_empty_frame_with_the_columns():
    df = trigon.code_text("The weather was mild in Lisbon.", date="2024-05-01")
    assert df.empty
    assert list(df.columns) == trigon.EVENT_COLUMNS


def test_dictionary_errors(tmp_path, monkeypatch):
    with pytest.raises(FileNotFoundError, match="no dictionary folder"):
        trigon.code_text(TEXT, dict_dir=tmp_path / "missing")
    with pytest.raises(Exception) as e:
        trigon.code_text(TEXT, dict_dir=tmp_path)  # a folder without dictionaries
    assert str(tmp_path) in str(e.value)
    monkeypatch.setenv("TRIGON_DICT_DIR", str(tmp_path / "elsewhere"))
    assert trigon.default_dict_dir() == str(tmp_path / "elsewhere")
    with pytest.raises(TypeError):
        trigon.code_text(b"bytes are not text")


def test_coding_releases_the_gil():
    lines = [json.dumps(r, ensure_ascii=False) for r in sample_records()]
    c = trigon.coder()
    c.code_lines(lines[:5])  # warm up
    started = time.monotonic()
    c.code_lines(lines)
    single = time.monotonic() - started
    # About a second of coding, long enough to see the other thread run.
    lines = lines * max(1, min(20, round(1.0 / max(single, 0.01))))
    done = threading.Event()
    worker = threading.Thread(target=lambda: (c.code_lines(lines), done.set()))
    # While the worker codes, this thread keeps running Python: the largest
    # pause it sees is far shorter than the coding (it would be all of it
    # if the GIL were held).
    worker.start()
    last, largest, began = time.monotonic(), 0.0, time.monotonic()
    while not done.is_set():
        now = time.monotonic()
        largest, last = max(largest, now - last), now
    worker.join()
    elapsed = time.monotonic() - began
    assert largest < 0.5 * elapsed, (largest, elapsed)
