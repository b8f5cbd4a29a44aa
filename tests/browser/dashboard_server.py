"""Starts `trigon serve --port 0` and stops it again, whatever happens."""

import json
import re
import subprocess
import threading
import urllib.error
import urllib.request

# Startup includes opening the database; on a loaded CI machine that can
# take a few seconds.
START_TIMEOUT_SECONDS = 30
STOP_TIMEOUT_SECONDS = 10
LISTENING = re.compile(r"listening on (http://[^/\s]+)")


class DashboardServer:
    def __init__(self, binary, db):
        self.command = [binary, "serve", "--db", db, "--port", "0"]
        self.process = subprocess.Popen(self.command, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True)
        self.stdout_lines = []
        self.stderr_lines = []
        self._url_found = threading.Event()
        self.url = None
        # Pipes are drained on threads so a chatty server never blocks.
        threading.Thread(target=self._read_stdout, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()
        if not self._url_found.wait(START_TIMEOUT_SECONDS) or self.url is None:
            self.stop()
            raise AssertionError(
                f"{' '.join(self.command)} printed no 'listening on http://...' line within "
                f"{START_TIMEOUT_SECONDS} s (exit code {self.process.returncode})\n"
                f"stdout: {self.stdout_lines}\nstderr: {self.stderr_lines}")

    def _read_stdout(self):
        for line in self.process.stdout:
            self.stdout_lines.append(line.rstrip("\n"))
            m = LISTENING.search(line.strip())
            if m and self.url is None:
                self.url = m.group(1)
                self._url_found.set()
        self._url_found.set()  # exited without the line: stop waiting

    def _read_stderr(self):
        for line in self.process.stderr:
            self.stderr_lines.append(line.rstrip("\n"))

    def stop(self):
        """SIGTERM, then SIGKILL if it does not exit; returns the exit code."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(STOP_TIMEOUT_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                raise AssertionError(f"trigon serve ignored SIGTERM for {STOP_TIMEOUT_SECONDS} s")
        return self.process.returncode

    def alive(self):
        return self.process.poll() is None

    def get(self, path):
        """(status, content type, body text) of GET <url><path>."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=10) as r:
                return r.status, r.headers.get("Content-Type", ""), r.read().decode("utf-8")
        except urllib.error.HTTPError as e:
            return e.code, e.headers.get("Content-Type", ""), e.read().decode("utf-8")

    def api(self, path):
        status, _, body = self.get(path)
        if status != 200:
            raise AssertionError(f"GET {path}: HTTP {status}: {body[:500]}")
        return json.loads(body)
