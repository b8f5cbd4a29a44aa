"""The trigon command line, as the browser tests use it.

Every expected count in these tests comes from here, i.e. from the CLI
verbs (`summary`, `triangle --format json`, `series --format json`), never
from the page under test.
"""

import json
import os
import re
import subprocess

# A hung verb should fail the test with its command line, not eat the CTest
# timeout.
COMMAND_TIMEOUT_SECONDS = 120


class TrigonError(AssertionError):
    """A trigon command failed; the message names the command and its stderr."""


class Trigon:
    def __init__(self, binary):
        self.binary = binary

    def run(self, *args, ok_codes=(0,)):
        command = [self.binary, *map(str, args)]
        done = subprocess.run(command, capture_output=True, text=True,
                              timeout=COMMAND_TIMEOUT_SECONDS)
        if done.returncode not in ok_codes:
            raise TrigonError(
                f"{' '.join(command)} exited {done.returncode}\n"
                f"stderr:\n{done.stderr[-4000:]}")
        return done.stdout

    def verbs(self):
        """The subcommands `trigon --help` lists."""
        text = self.run("--help")
        # CLI11 lists subcommands under "Subcommands:", one per line.
        _, _, tail = text.partition("Subcommands:")
        return {line.split()[0] for line in tail.splitlines() if line.strip()}

    # --- building databases -------------------------------------------------

    def ingest_and_code(self, inputs, db):
        # ingest exits 1 when some inputs were skipped; the tests' inputs are
        # all valid, so anything but 0 is a failure.
        self.run("ingest", inputs, "--db", db)
        self.run("code", "--db", db, "-q")

    def import_events(self, csv_path, db):
        self.run("import", csv_path, "--db", db)

    def report(self, db, period, out, *extra):
        self.run("report", "--db", db, "--period", period, "--out", out, *extra)
        return out

    # --- expectations ---------------------------------------------------------

    def summary(self, db):
        """`trigon summary` as {'documents': n, 'sentences': n, 'languages': {...}}."""
        text = self.run("summary", "--db", db)
        result = {"languages": {}}
        section = None
        for line in text.splitlines():
            if line[:1].strip():  # a top-level line starts a new section
                top = re.match(r"^(\S.*?)\s{2,}(\d+)\s*$", line)
                section = top.group(1) if top else line.split("  ")[0]
                if top:
                    result[section] = int(top.group(2))
                continue
            nested = re.match(r"^\s+(\S+)\s+(\d+)\s*$", line)
            if nested and section == "sentences":
                result["languages"][nested.group(1)] = int(nested.group(2))
        if "documents" not in result:
            raise TrigonError(f"no 'documents' line in trigon summary output:\n{text}")
        return result

    def triangle(self, db, period):
        return json.loads(self.run("triangle", "--db", db, "--period", period,
                                   "--format", "json"))

    def series(self, db, period):
        return json.loads(self.run("series", "--db", db, "--period", period,
                                   "--format", "json"))


def binary_from_environment():
    """TRIGON_BINARY, checked; None when unset."""
    path = os.environ.get("TRIGON_BINARY")
    if not path:
        return None
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        raise TrigonError(f"TRIGON_BINARY={path} is not an executable file")
    return path
