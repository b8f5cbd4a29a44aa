"""Headless Chromium through Selenium, set up for reproducible offline runs.

Flags (docs/browser-tests.md says why each is there):
  --headless=new           the full browser engine without a display
  --no-sandbox             CI runs as root, where Chromium's sandbox refuses to start
  --disable-gpu            no GPU on CI machines; software rendering only
  --disable-dev-shm-usage  containers often have a tiny /dev/shm; use /tmp instead
  --disable-background-networking --disable-component-update --disable-sync
                           no requests of Chromium's own, so the network check
                           sees only what the page asks for
  --no-first-run --disable-extensions
                           no welcome page, no extension traffic
  --user-data-dir=<fresh temp dir>, --window-size=<fixed>
                           no state from earlier runs; screenshots of one size
"""

import importlib.util
import json
import os
import shutil
import tempfile

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
WINDOW_WIDTH = 1400
WINDOW_HEIGHT = 1000
# Selenium's own waits (page load, scripts) are capped so a hang fails fast.
PAGE_LOAD_TIMEOUT_SECONDS = 30

CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-extensions",
    f"--window-size={WINDOW_WIDTH},{WINDOW_HEIGHT}",
)


def missing_prerequisites():
    """Why the browser tests cannot run here, or None when they can."""
    missing = []
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.access(path, os.X_OK):
            missing.append(f"{path} not found (Debian packages chromium, chromium-driver)")
    if importlib.util.find_spec("selenium") is None:
        missing.append("python3 module selenium not found (Debian package python3-selenium)")
    return "; ".join(missing) or None


class Browser:
    """One Chromium session; `close()` always removes its profile directory."""

    def __init__(self):
        # Selenium Manager would try to download a driver when none is given;
        # the explicit Service path and SE_OFFLINE keep it from ever running.
        os.environ.setdefault("SE_OFFLINE", "true")
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        self.profile_dir = tempfile.mkdtemp(prefix="trigon-chromium-")
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for flag in CHROMIUM_FLAGS:
            options.add_argument(flag)
        options.add_argument(f"--user-data-dir={self.profile_dir}")
        # Console messages for the error check, DevTools network events for
        # the no-network check.
        options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
        try:
            self.driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER),
                                           options=options)
        except Exception:
            shutil.rmtree(self.profile_dir, ignore_errors=True)
            raise
        self.driver.set_page_load_timeout(PAGE_LOAD_TIMEOUT_SECONDS)

    def close(self):
        try:
            self.driver.quit()
        finally:
            shutil.rmtree(self.profile_dir, ignore_errors=True)

    def open(self, url):
        """Loads `url` with the console and network logs emptied first, so
        later checks see this page's messages only."""
        self.drain_logs()
        self.driver.get(url)

    def show(self, url):
        """Loads `url` unless it is already showing (tests that only read
        the page share one load; the logs are not drained)."""
        if self.driver.current_url != url:
            self.open(url)

    def drain_logs(self):
        self.driver.get_log("browser")
        self.driver.get_log("performance")

    def console_errors(self):
        """SEVERE console entries (script errors, CSP violations, failed loads)."""
        return [e for e in self.driver.get_log("browser") if e.get("level") == "SEVERE"]

    def requested_urls(self):
        """Every URL the page requested since `open`, from DevTools events."""
        urls = []
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.requestWillBeSent":
                urls.append(message["params"]["request"]["url"])
        return urls

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)

    def screenshot(self, directory, name):
        """Saves the viewport as <directory>/<name>.png and prints the path."""
        os.makedirs(directory, exist_ok=True)
        path = os.path.join(directory, f"{name}.png")
        if not self.driver.save_screenshot(path):
            raise AssertionError(f"could not save screenshot {path}")
        print(f"screenshot: {path}")
        return path

    def hover_each(self, elements):
        """Moves the mouse over each element in turn, in one WebDriver call."""
        from selenium.webdriver.common.action_chains import ActionChains
        if not elements:
            return
        # duration 0: Selenium's default glides 250 ms per move.
        chain = ActionChains(self.driver, duration=0)
        for e in elements:
            chain.move_to_element(e)
        chain.perform()

    def scroll_to(self, element):
        self.js("arguments[0].scrollIntoView({block: 'start'});", element)
