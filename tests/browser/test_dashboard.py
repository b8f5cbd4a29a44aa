"""The dashboard (`trigon serve`, docs/dashboard.md) in headless Chromium.

Each case starts `trigon serve --port 0` on a database and checks the page
against the CLI (`triangle`/`series --format json`, `summary`), the JSON
API and direct SQL counts over the (read-only) database: the overview,
the drill-down from a chart point and a period to the events, from an
event to its document with the evidence highlighted, the search filters,
and error handling for malformed input.
"""

import json
import re
import urllib.parse
from dataclasses import dataclass, field

import pytest
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

import event_store
from dashboard_server import DashboardServer

# The dashboard's defaults (docs/dashboard.md): month periods, 50 rows a page.
PERIOD = "month"
PAGE_ROWS = 50
WAIT_SECONDS = 20


@dataclass
class DashboardCase:
    name: str
    db: str
    server: DashboardServer = None
    triangle: dict = field(default_factory=dict)
    series: dict = field(default_factory=dict)
    summary: dict = field(default_factory=dict)

    @property
    def url(self):
        return self.server.url

    @property
    def imported(self):
        return self.name.startswith("weis")

    def cells(self):
        for row in self.series["rows"]:
            for cell in row["cells"]:
                yield row["period"], cell["dyad"], cell

    def busiest_cell(self):
        return max(self.cells(), key=lambda c: c[2]["events"])

    def sql(self, query, *args):
        """One value from the database (read-only), or None without rows."""
        rows = event_store.query(self.db, query, *args)
        return rows[0][0] if rows else None


CASES = {"sample": "sample_db", "weis": "weis_db"}


@pytest.fixture(scope="module", params=sorted(CASES))
def dash(request, trigon):
    if "serve" not in trigon.verbs():
        pytest.skip("dashboard not built: no `serve` verb in `trigon --help`")
    db = request.getfixturevalue(CASES[request.param])
    c = DashboardCase(request.param, db)
    c.triangle = trigon.triangle(db, PERIOD)
    c.series = trigon.series(db, PERIOD)
    c.summary = trigon.summary(db)
    c.server = DashboardServer(trigon.binary, db)
    try:
        yield c
    finally:
        code = c.server.stop()
    # Documented: SIGTERM finishes the requests in flight and exits 0.
    assert code == 0, f"trigon serve exited {code} on SIGTERM; stderr: {c.server.stderr_lines}"


def wait_for(browser, condition, what):
    """Waits for `condition(driver)`; on timeout names what the page shows."""
    try:
        return WebDriverWait(browser.driver, WAIT_SECONDS).until(condition)
    except TimeoutException:
        state = browser.js("""return {
            status: document.getElementById('status') && document.getElementById('status').textContent,
            error: document.getElementById('error') && document.getElementById('error').textContent,
            results: document.getElementById('results-count') &&
                     document.getElementById('results-count').textContent};""")
        raise AssertionError(f"timed out waiting for {what}; page shows {state}")


def open_dashboard(browser, dash):
    browser.open(dash.url + "/")
    wait_for(browser, lambda d: d.find_element(By.ID, "status").get_attribute("data-state")
             in ("ready", "error"), "the view to load")
    assert browser.driver.find_element(By.ID, "status").get_attribute("data-state") == "ready", \
        browser.driver.find_element(By.ID, "error").text
    wait_results(browser, "the initial event list")


def ensure_dashboard(browser, dash):
    """Reuses the loaded dashboard when it is showing; loads it otherwise."""
    on_page = browser.driver.current_url == dash.url + "/" and browser.js(
        "const s = document.getElementById('status'); return s && s.dataset.state === 'ready';")
    if not on_page:
        open_dashboard(browser, dash)


def mark_results_stale(browser):
    """Before an action that reloads the results: the page sets
    data-state="ready" only after its new search, so a wait cannot be
    satisfied by the old results."""
    browser.js("document.getElementById('results').setAttribute('data-state', 'stale');")


def wait_results(browser, what, total=None):
    """Waits until #results is ready (and shows `total` events, if given)."""
    def ready(d):
        if d.find_element(By.ID, "results").get_attribute("data-state") != "ready":
            return False
        return total is None or \
            d.find_element(By.ID, "results-count").get_attribute("data-total") == str(total)
    wait_for(browser, ready, what)


def result_rows(browser):
    return browser.js("""
      return Array.from(document.querySelectorAll('#results tr.event')).map(r => {
        const o = {id: Number(r.dataset.eventId)};
        for (const td of r.cells) o[td.className] = td.textContent;
        return o;});""")


def click_busiest_point(browser, dash):
    """Clicks the chart point of the busiest cell a user can click, and
    returns (period, dyad, CLI cell).  Points of different dyads in one
    period can lie on top of each other; only the topmost one takes the
    click, so candidates are those the browser hit-tests to themselves."""
    d = browser.driver
    browser.js("arguments[0].scrollIntoView({block: 'center'});",
               d.find_element(By.ID, "series-chart"))
    reachable = browser.js("""
      return Array.from(document.querySelectorAll('#series-chart circle.point')).filter(c => {
        const r = c.getBoundingClientRect();
        return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === c;
      }).map(c => c.dataset.dyad + ' ' + c.dataset.period);""")
    candidates = [c for c in dash.cells() if f"{c[1]} {c[0]}" in reachable]
    assert candidates, "no chart point can be clicked"
    period, dyad, cell = max(candidates, key=lambda c: c[2]["events"])
    point = d.find_element(
        By.CSS_SELECTOR, f'#series-chart circle.point[data-dyad="{dyad}"][data-period="{period}"]')
    mark_results_stale(browser)
    ActionChains(d, duration=0).move_to_element(point).click().perform()
    wait_results(browser, f"the events of {dyad} {period}", total=cell["events"])
    return period, dyad, cell


def test_overview_matches_api_and_cli(browser, dash, screenshot_dir):
    open_dashboard(browser, dash)
    d = browser.driver
    api = dash.server.api("/api/summary")
    stored_events = dash.sql("SELECT count(*) FROM events")
    assert int(d.find_element(By.ID, "summary-documents").text) == \
        api["documents"] == dash.summary["documents"]
    assert int(d.find_element(By.ID, "summary-events").text) == api["events"] == stored_events

    # One script call reads the page: a WebDriver round trip per element
    # costs seconds with WEIS's 324 months.
    shown = browser.js("""return {
      periods: Array.from(document.querySelectorAll('#triangle-periods .period')).map(p => ({
        period: p.dataset.period, configuration: p.dataset.configuration,
        pivot: p.dataset.pivot || null,
        pairs: Array.from(p.querySelectorAll('.pair')).map(x => [x.dataset.pair, x.dataset.status])})),
      lines: Array.from(document.querySelectorAll('#series-chart polyline.line')).map(x => x.dataset.dyad),
      legend: Array.from(document.querySelectorAll('#series-legend .legend-item')).map(x => x.dataset.dyad),
      points: Array.from(document.querySelectorAll('#series-chart circle.point'))
        .map(c => [c.dataset.dyad, c.dataset.period, Number(c.dataset.events)])};""")
    expected = [{"period": p["period"], "configuration": p["configuration"], "pivot": p["pivot"],
                 "pairs": [[dy["pair"], dy["status"]] for dy in p["dyads"]]}
                for p in dash.triangle["periods"]]
    assert len(shown["periods"]) == len(expected)
    for got, want in zip(shown["periods"], expected):
        assert got == want
    dyads = [c["dyad"] for c in dash.series["rows"][0]["cells"]]
    assert shown["lines"] == dyads
    assert shown["legend"] == dyads
    assert sorted(map(tuple, shown["points"])) == \
        sorted((dy, p, c["events"]) for p, dy, c in dash.cells() if c["events"])
    # The unfiltered search lists every stored event, all modalities.
    assert d.find_element(By.ID, "results-count").get_attribute("data-total") == str(stored_events)
    assert len(result_rows(browser)) == min(PAGE_ROWS, stored_events)
    browser.screenshot(screenshot_dir, f"dashboard-{dash.name}-overview")
    browser.scroll_to(d.find_element(By.ID, "series-chart"))
    browser.screenshot(screenshot_dir, f"dashboard-{dash.name}-series-chart")


def test_clicking_a_chart_point_lists_that_cells_events_cleanly(browser, dash, screenshot_dir):
    # Reuses the overview's page load when the tests run in order; the
    # console and network logs then hold that load too.
    ensure_dashboard(browser, dash)
    d = browser.driver
    period, dyad, cell = click_busiest_point(browser, dash)
    api = dash.server.api("/api/events?" + urllib.parse.urlencode({"dyad": dyad, "period": period}))
    assert api["total"] == cell["events"] == len(cell["event_ids"])
    rows = result_rows(browser)
    assert [r["id"] for r in rows] == [e["id"] for e in api["events"]]
    assert len(rows) == min(PAGE_ROWS, cell["events"])
    assert {r["id"] for r in rows} <= set(cell["event_ids"])
    form = d.find_element(By.ID, "search-form")
    assert form.find_element(By.NAME, "dyad").get_attribute("value") == dyad
    assert form.find_element(By.NAME, "period").get_attribute("value") == period
    if dash.imported:
        # Imported events have no document: the row cites file:line instead.
        assert not d.find_elements(By.CSS_SELECTOR, "#results a.doc-link")
        assert all(re.fullmatch(r"\S+\.csv:\d+ \(csv\)", r["document"]) for r in rows), rows[:3]
    browser.screenshot(screenshot_dir, f"dashboard-{dash.name}-drill-down-point")
    # Loading and drilling down logged no error and asked only this server.
    assert browser.console_errors() == []
    urls = browser.requested_urls()
    foreign = [u for u in urls if not u.startswith(dash.url + "/")]
    assert not foreign, foreign
    paths = {urllib.parse.urlsplit(u).path for u in urls}
    assert {"/", "/dashboard.js", "/api/summary", "/api/triangle", "/api/series",
            "/api/events"} <= paths, paths


def test_clicking_a_period_lists_its_six_cells(browser, dash):
    ensure_dashboard(browser, dash)
    d = browser.driver
    period, _, _ = dash.busiest_cell()
    expected = sum(c["events"] for p, _, c in dash.cells() if p == period)
    element = d.find_element(By.CSS_SELECTOR, f'#triangle-periods .period[data-period="{period}"]')
    browser.scroll_to(element)
    mark_results_stale(browser)
    element.click()
    wait_results(browser, f"the events of period {period}", total=expected)
    assert dash.server.api(f"/api/events?period={period}")["total"] == expected


def test_switching_the_view_to_years_matches_cli(browser, trigon, dash, screenshot_dir):
    ensure_dashboard(browser, dash)
    d = browser.driver
    expected = trigon.triangle(dash.db, "year")["periods"]
    Select(d.find_element(By.CSS_SELECTOR, "#view-form select[name=period]")).select_by_value("year")
    d.find_element(By.ID, "view-apply").click()
    wait_for(browser, lambda dr: dr.find_element(By.ID, "status").get_attribute("data-state")
             == "ready" and dr.find_element(By.ID, "status").text.endswith("(year)"),
             "the yearly view")
    shown = browser.js("""return Array.from(document.querySelectorAll('#triangle-periods .period'))
        .map(p => [p.dataset.period, p.dataset.configuration]);""")
    assert shown == [[p["period"], p["configuration"]] for p in expected]
    browser.screenshot(screenshot_dir, f"dashboard-{dash.name}-yearly-view")
    # Back to the default view for the tests that follow.
    open_dashboard(browser, dash)


# Only coded events have documents (WEIS rows are checked above).
@pytest.mark.parametrize("dash", ["sample"], indirect=True)
def test_clicking_an_event_shows_its_sentence_with_evidence(browser, dash, screenshot_dir):
    ensure_dashboard(browser, dash)
    d = browser.driver
    click_busiest_point(browser, dash)
    row = d.find_element(By.CSS_SELECTOR, "#results tr.event")
    event_id = int(row.get_attribute("data-event-id"))
    event = dash.server.api(f"/api/events/{event_id}")
    assert event["sentence"] and event["evidence"]
    link = row.find_element(By.CSS_SELECTOR, "a.doc-link")
    browser.scroll_to(link)
    browser.drain_logs()
    link.click()
    wait_for(browser, lambda dr: dr.find_elements(By.ID, "document"), "the document view")
    assert urllib.parse.urlsplit(d.current_url).path == f"/doc/{event['doc_id']}"
    assert browser.console_errors() == []
    assert all(u.startswith(dash.url + "/") for u in browser.requested_urls())
    assert d.find_element(By.ID, "document").get_attribute("data-doc-id") == event["doc_id"]
    # The text as the page shows it, piece by piece, and where the marks are
    # in bytes (the API's evidence offsets are bytes into the document text).
    pieces = browser.js("""return Array.from(document.getElementById('document-text').childNodes)
        .map(n => [n.nodeName === 'MARK' && n.classList.contains('evidence'),
                   n.nodeName === 'MARK' ? n.dataset.eventIds : '', n.textContent]);""")
    text = "".join(t for _, _, t in pieces).encode("utf-8")
    marked, at = [], 0
    for is_mark, event_ids, t in pieces:
        size = len(t.encode("utf-8"))
        if is_mark:
            assert str(event_id) in event_ids.split(), (t, event_ids)
            marked.append((at, at + size))
        at += size
    assert marked, "no evidence highlighted"
    for e in event["evidence"]:
        assert text[e["begin"]:e["end"]].decode("utf-8") == e["text"], e
    # Overlapping spans (a trigger containing the target) become adjacent marks.
    assert merge(marked) == merge((e["begin"], e["end"]) for e in event["evidence"])
    sentence = event["sentence"].encode("utf-8")
    starts = [i for i in range(len(text)) if text.startswith(sentence, i)]
    assert any(all(s_ <= b_ and e_ <= s_ + len(sentence) for b_, e_ in marked) for s_ in starts), \
        "the highlights are not inside the event's sentence"
    marks = d.find_elements(By.CSS_SELECTOR, "#document-text mark.evidence")
    assert d.find_elements(By.CSS_SELECTOR, f'#document-events tr.event[data-event-id="{event_id}"]')
    browser.scroll_to(marks[0])
    browser.screenshot(screenshot_dir, f"dashboard-{dash.name}-document-evidence")


def merge(ranges):
    """Sorted ranges with overlapping and touching ones joined."""
    out = []
    for begin, end in sorted(ranges):
        if out and begin <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((begin, end))
    return out


def search(browser, fields):
    """Fills the search form (after Clear) and submits it."""
    d = browser.driver
    mark_results_stale(browser)
    d.find_element(By.ID, "search-reset").click()
    wait_results(browser, "the cleared search")
    form = d.find_element(By.ID, "search-form")
    for name, value in fields.items():
        box = form.find_element(By.NAME, name)
        box.clear()
        box.send_keys(value)
    mark_results_stale(browser)
    d.find_element(By.ID, "search-submit").click()


def most_common(dash, column):
    """The commonest non-empty value of an events column, or None."""
    return dash.sql(f"SELECT {column} FROM events WHERE {column} IS NOT NULL AND {column} != '' "
                    f"GROUP BY {column} ORDER BY count(*) DESC, {column} LIMIT 1")


def middle_year(dash):
    return dash.sql("SELECT substr(date, 1, 4) FROM events WHERE length(date) = 10 "
                    "ORDER BY date LIMIT 1 OFFSET (SELECT count(*) / 2 FROM events "
                    "WHERE length(date) = 10)")


@dataclass
class Filter:
    fields: dict      # the search form's fields
    count_sql: tuple  # (query, args...) whose count the result must equal; () = API only
    row_ok: object    # a check every listed row must pass


def search_filter(dash, name):
    """The filter called `name` for this database, or why it does not apply."""
    actor = "RUS"
    if name == "actor":
        return Filter({"actor": actor},
                      ("SELECT count(*) FROM events WHERE source LIKE ? OR target LIKE ?",
                       actor + "%", actor + "%"),
                      lambda r: r["source"].startswith(actor) or r["target"].startswith(actor))
    if name == "source and target":
        return Filter({"source": "CHN", "target": "USA"},
                      ("SELECT count(*) FROM events WHERE source LIKE 'CHN%' "
                       "AND target LIKE 'USA%'",),
                      lambda r: r["source"].startswith("CHN") and r["target"].startswith("USA"))
    if name == "code":
        code = most_common(dash, "code")
        if code is None:
            return "the events carry no CAMEO code"
        return Filter({"code": code}, ("SELECT count(*) FROM events WHERE code = ?", code),
                      lambda r: r["code"] == code)
    if name == "date":
        first, last = f"{middle_year(dash)}-01-01", f"{middle_year(dash)}-06-30"
        return Filter({"from": first, "to": last},
                      ("SELECT count(*) FROM events WHERE length(date) = 10 "
                       "AND date BETWEEN ? AND ?", first, last),
                      lambda r: first <= r["date"] <= last)
    if dash.imported:
        return "imported events have no sentence, hence no language or text"
    if name == "language":
        return Filter({"lang": "zh-Hant"},
                      ("SELECT count(*) FROM events WHERE lang = 'zh-Hant'",),
                      lambda r: r["lang"] == "zh-Hant")
    if name == "free text":
        # Case-insensitive: "Sanction" finds "sanctions".
        return Filter({"q": "Sanction"}, (),
                      lambda r: "sanction" in (r["sentence"] + r["document"]).lower())
    if name == "actor and language":
        return Filter({"actor": actor, "lang": "en"},
                      ("SELECT count(*) FROM events WHERE (source LIKE ? OR target LIKE ?) "
                       "AND lang = 'en'", actor + "%", actor + "%"),
                      lambda r: r["lang"] == "en" and
                      (r["source"].startswith(actor) or r["target"].startswith(actor)))
    raise ValueError(name)


FILTERS = ("actor", "source and target", "code", "date", "language", "free text",
           "actor and language")


@pytest.mark.parametrize("name", FILTERS)
def test_search_filters_narrow_the_results(browser, dash, name, screenshot_dir):
    f = search_filter(dash, name)
    if isinstance(f, str):
        pytest.skip(f"{dash.name}: {f}")
    everything = dash.sql("SELECT count(*) FROM events")
    api_total = dash.server.api("/api/events?" + urllib.parse.urlencode(f.fields))["total"]
    if f.count_sql:
        assert api_total == dash.sql(*f.count_sql), f"API count for {f.fields}"
    assert 0 < api_total < everything, f"{f.fields} does not narrow the {everything} events"
    ensure_dashboard(browser, dash)
    search(browser, f.fields)
    wait_results(browser, f"the search {f.fields}", total=api_total)
    rows = result_rows(browser)
    assert len(rows) == min(PAGE_ROWS, api_total)
    bad = [r for r in rows if not f.row_ok(r)]
    assert not bad, f"rows not matching {f.fields}: {bad[:3]}"
    browser.screenshot(screenshot_dir, f"dashboard-{dash.name}-search-{name.replace(' ', '-')}")


# Independent of the data: the sample database is enough.
@pytest.mark.parametrize("dash", ["sample"], indirect=True)
def test_paging_through_results(browser, dash):
    ensure_dashboard(browser, dash)
    d = browser.driver
    search(browser, {})  # every event, first page
    total = dash.sql("SELECT count(*) FROM events")
    wait_results(browser, "every event", total=total)
    pages = [dash.server.api(f"/api/events?offset={o}") for o in (0, PAGE_ROWS)]
    first = [r["id"] for r in result_rows(browser)]
    assert first == [e["id"] for e in pages[0]["events"]]
    assert d.find_element(By.ID, "prev-page").get_attribute("disabled") is not None
    d.find_element(By.ID, "next-page").click()
    wait_for(browser, lambda dr: [r["id"] for r in result_rows(browser)] not in ([], first),
             "the second page")
    second = [r["id"] for r in result_rows(browser)]
    assert second == [e["id"] for e in pages[1]["events"]]
    assert not set(first) & set(second)
    assert d.find_element(By.ID, "prev-page").get_attribute("disabled") is None
    d.find_element(By.ID, "prev-page").click()
    wait_for(browser, lambda dr: [r["id"] for r in result_rows(browser)] == first,
             "the first page again")


# Independent of the data: the sample database is enough.
@pytest.mark.parametrize("dash", ["sample"], indirect=True)
def test_malformed_input_shows_an_error_not_a_crash(browser, dash, screenshot_dir):
    open_dashboard(browser, dash)
    d = browser.driver
    # A date that does not exist, typed into the search form.
    search(browser, {"from": "2024-02-30"})
    wait_for(browser, lambda dr: dr.find_element(By.ID, "results").get_attribute("data-state")
             == "error", "the search error")
    error = d.find_element(By.ID, "error")
    assert error.is_displayed() and "from" in error.text and "2024-02-30" in error.text, error.text
    browser.screenshot(screenshot_dir, f"dashboard-{dash.name}-search-error")
    # A malformed view option (two actors).
    actors = d.find_element(By.CSS_SELECTOR, "#view-form input[name=actors]")
    actors.clear()
    actors.send_keys("USA,RUS")
    d.find_element(By.ID, "view-apply").click()
    wait_for(browser, lambda dr: dr.find_element(By.ID, "status").get_attribute("data-state")
             == "error", "the view error")
    assert "actors" in d.find_element(By.ID, "error").text
    # Then a good request works again: nothing was left broken.
    actors.clear()
    actors.send_keys("USA,RUS,CHN")
    d.find_element(By.ID, "view-apply").click()
    wait_for(browser, lambda dr: dr.find_element(By.ID, "status").get_attribute("data-state")
             == "ready", "the view after the error")
    assert not d.find_element(By.ID, "error").is_displayed()

    # Malformed URLs: the documented status and a message saying what is
    # wrong; the ones marked `shown` are also opened in the browser.
    for path, status, needle, shown in [
            ("/api/events?from=2024-13-45", 400, "from: expected a date", True),
            ("/api/events?limit=0", 400, "limit", False),
            ("/api/events?colour=red", 400, "unknown parameter 'colour'", False),
            ("/api/events?dyad=USA-%3ERUS", 400, "needs a period", False),
            ("/api/events/not-a-number", 400, "event id", False),
            ("/api/events/999999999", 404, "no event", False),
            ("/api/documents/zz", 400, "document id", False),
            ("/doc/%ZZ", 400, None, True),
            ("/doc/ffffffffffffffff", 404, None, False),
            ("/no/such/page", 404, None, True)]:
        code, _, body = dash.server.get(path)
        assert code == status, f"GET {path}: HTTP {code} {body[:200]}"
        if needle:
            assert needle in json.loads(body)["error"], f"GET {path}: {body[:300]}"
        if shown:
            browser.open(dash.url + path)
            text = d.find_element(By.TAG_NAME, "body").text
            assert (needle or str(status)) in text, f"GET {path} shows: {text[:300]}"
    browser.screenshot(screenshot_dir, f"dashboard-{dash.name}-not-found-page")
    assert dash.server.alive()
    open_dashboard(browser, dash)


def test_untrusted_text_is_shown_never_run(browser, trigon, hostile_db, screenshot_dir):
    if "serve" not in trigon.verbs():
        pytest.skip("dashboard not built: no `serve` verb in `trigon --help`")
    server = DashboardServer(trigon.binary, hostile_db)
    try:
        browser.open(server.url + "/")
        wait_results(browser, "the event list")
        d = browser.driver
        rows = result_rows(browser)
        assert rows, "the hostile document coded to no event"
        assert any("<script>window.__pwned=1</script>" in r["document"] for r in rows)
        for target in d.find_elements(By.CSS_SELECTOR, "#results td, #triangle-periods .period"):
            ActionChains(d, duration=0).move_to_element(target).perform()
        link = d.find_element(By.CSS_SELECTOR, "#results a.doc-link")
        link.click()
        wait_for(browser, lambda dr: dr.find_elements(By.ID, "document"), "the document view")
        assert browser.js("return typeof window.__pwned;") == "undefined"
        injected = browser.js("""return {
            handlers: document.querySelectorAll('[onmouseover],[onerror],[onclick]').length,
            scripts: document.querySelectorAll('script').length,
            images: document.images.length,
            jsLinks: document.querySelectorAll('a[href^="javascript:"]').length};""")
        assert injected == {"handlers": 0, "scripts": 0, "images": 0, "jsLinks": 0}
        assert "<script>window.__pwned=1</script>" in \
            d.find_element(By.ID, "document-title").get_attribute("textContent")
        browser.screenshot(screenshot_dir, "dashboard-hostile-document-escaped")
    finally:
        server.stop()
