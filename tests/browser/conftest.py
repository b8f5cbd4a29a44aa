"""Fixtures shared by the browser tests: the trigon binary, the databases
(built once per session in a temp dir), and where screenshots go.

Environment (CTest sets all of it, tests/browser/CMakeLists.txt):
  TRIGON_BINARY          the trigon executable under test (required)
  TRIGON_SCREENSHOT_DIR  where screenshots go (default: a temp dir)
  TRIGON_SHARED_DIR      reference data (default: ../shared beside the source
                         tree); the WEIS cases skip when it is absent
"""

import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))

import browser as browser_module  # noqa: E402
import trigon_cli  # noqa: E402

# CTest maps this exit code to "skipped" (SKIP_RETURN_CODE).
SKIP_RETURN_CODE = 77
SOURCE_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
WEIS_RELATIVE = os.path.join("data", "eventdata", "weis_triangle_1966_1992.csv")

# A document whose title, URL and text carry script payloads.  Each payload
# sets window.__pwned if it ever runs; the sentence still codes to an event
# (USA -> CHN, a meeting) so the text reaches the evidence tables and the
# hover titles, not only the data-quality counts.
HOSTILE_DOCUMENT = """\
title: Talks <script>window.__pwned=1</script> "onmouseover="window.__pwned=2" x="
date: 2024-03-01
url: javascript:window.__pwned=3
source: hostile-fixture

President Biden met President Xi Jinping in Beijing on Friday <script>window.__pwned=4</script> "onmouseover="window.__pwned=5" to discuss trade.

Xi Jinping praised Biden for the talks <img src=x onerror="window.__pwned=6">.
"""


def pytest_sessionstart(session):
    missing = browser_module.missing_prerequisites()
    if missing:
        pytest.exit(f"browser tests skipped: {missing}", returncode=SKIP_RETURN_CODE)
    try:
        binary = trigon_cli.binary_from_environment()
    except trigon_cli.TrigonError as e:
        pytest.exit(str(e), returncode=pytest.ExitCode.USAGE_ERROR)
    if binary is None:
        pytest.exit("set TRIGON_BINARY to the trigon executable "
                    "(e.g. TRIGON_BINARY=build/trigon /usr/bin/python3 -m pytest -q tests/browser)",
                    returncode=pytest.ExitCode.USAGE_ERROR)


@pytest.fixture(scope="session")
def trigon():
    return trigon_cli.Trigon(trigon_cli.binary_from_environment())


@pytest.fixture(scope="session")
def work_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("trigon-browser")


@pytest.fixture(scope="session")
def screenshot_dir(work_dir):
    return os.environ.get("TRIGON_SCREENSHOT_DIR") or str(work_dir / "screenshots")


def shared_dir():
    """TRIGON_SHARED_DIR, else ../shared beside the source tree; None if absent."""
    path = os.environ.get("TRIGON_SHARED_DIR") or os.path.join(SOURCE_DIR, "..", "shared")
    return path if os.path.isdir(path) else None


@pytest.fixture(scope="session")
def sample_db(trigon, work_dir):
    db = str(work_dir / "sample.db")
    trigon.ingest_and_code(os.path.join(SOURCE_DIR, "data", "sample"), db)
    return db


@pytest.fixture(scope="session")
def weis_db(trigon, work_dir):
    shared = shared_dir()
    csv = shared and os.path.join(shared, WEIS_RELATIVE)
    if not csv or not os.path.isfile(csv):
        pytest.skip(f"shared data absent: {WEIS_RELATIVE} (set TRIGON_SHARED_DIR)")
    db = str(work_dir / "weis.db")
    trigon.import_events(csv, db)
    return db


@pytest.fixture(scope="session")
def hostile_db(trigon, work_dir):
    source = work_dir / "hostile"
    source.mkdir()
    (source / "hostile.txt").write_text(HOSTILE_DOCUMENT, encoding="utf-8")
    db = str(work_dir / "hostile.db")
    trigon.ingest_and_code(str(source), db)
    return db


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole run (starting one costs seconds), closed
    even when tests fail."""
    b = browser_module.Browser()
    try:
        yield b
    finally:
        b.close()
