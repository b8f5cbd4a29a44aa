"""The HTML report (`trigon report`, docs/report.md) in headless Chromium.

Each case builds a report from a database and checks the rendered page
against counts taken from the CLI (`triangle`/`series --format json`,
`summary`), clicks through the evidence drill-down, checks that the page
logs no errors and fetches nothing, and saves screenshots of each view.
"""

import re
from dataclasses import dataclass, field

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

import event_store

# `trigon report`'s default --max-evidence: rows shown per dyad and period.
MAX_EVIDENCE = 20
# Hover titles list at most this many top events (docs/report.md, #series).
TOP_EVENTS = 3
SECTIONS = ("summary", "triangles", "series", "var", "evidence", "quality")
# circle.pt:hover fill in the report's stylesheet (#1f5fbf).
HOVER_FILL = "rgb(31, 95, 191)"
# One top event in a hover title: "<date> <code> (<Goldstein>) <excerpt>".
# Imported WEIS events have no CAMEO code, hence an empty code.
TOP_EVENT = re.compile(r"(?m)^(\d{4}-\d{2}-\d{2}) (\d*) \((-?[\d.]+)\) ")


@dataclass
class ReportCase:
    name: str
    db: str
    period: str
    extra_args: tuple
    path: str = ""
    url: str = ""
    triangle: dict = field(default_factory=dict)
    series: dict = field(default_factory=dict)
    summary: dict = field(default_factory=dict)

    @property
    def periods(self):
        return [p["period"] for p in self.triangle["periods"]]

    @property
    def dyads(self):
        rows = self.series["rows"]
        return [c["dyad"] for c in rows[0]["cells"]] if rows else []

    def cells(self):
        """(period, dyad, cell) for every cell of the CLI series."""
        for row in self.series["rows"]:
            for cell in row["cells"]:
                yield row["period"], cell["dyad"], cell


CASES = {
    "sample-year": ("sample_db", "year", ()),
    "sample-month": ("sample_db", "month", ("--scenario", "reverse-nixon")),
    "weis-year": ("weis_db", "year", ()),
}


@pytest.fixture(scope="module", params=sorted(CASES))
def case(request, trigon, work_dir):
    db_fixture, period, extra = CASES[request.param]
    db = request.getfixturevalue(db_fixture)
    c = ReportCase(request.param, db, period, extra)
    c.path = trigon.report(db, period, str(work_dir / f"report-{c.name}.html"), *extra)
    c.url = "file://" + c.path
    c.triangle = trigon.triangle(db, period)
    c.series = trigon.series(db, period)
    c.summary = trigon.summary(db)
    # The cases are only worth running on data that fills the page.
    assert c.periods, f"{c.name}: the CLI reports no periods"
    assert [r["period"] for r in c.series["rows"]] == c.periods
    return c


def texts(elements):
    return [e.get_attribute("textContent") for e in elements]


def close_enough(shown, expected):
    """`shown` is `expected` as the report rounds it (report::FormatNumber:
    0 to 3 decimals, fewer for larger magnitudes)."""
    return abs(shown - expected) <= max(0.0005, 0.005 * abs(expected)) + 1e-9


def test_page_has_every_section_and_only_its_own_script(browser, case):
    browser.show(case.url)
    d = browser.driver
    for section in SECTIONS:
        assert d.find_elements(By.CSS_SELECTOR, f"section#{section}"), f"#{section} missing"
    scripts = d.find_elements(By.TAG_NAME, "script")
    assert [s.get_attribute("id") for s in scripts] == ["trigon-report-js"]
    rows = {k: v for k, v in (texts(r.find_elements(By.TAG_NAME, "td"))
                              for r in d.find_elements(By.CSS_SELECTOR, "#summary tr"))}
    assert rows["period"] == case.period
    assert rows["periods"] == str(len(case.periods))
    # Every dated event among the actors falls in exactly one cell.
    series_events = sum(cell["events"] for _, _, cell in case.cells())
    assert rows["events"].startswith(f"{series_events} in the series"), rows["events"]


def test_triangle_per_period_matches_cli(browser, case):
    browser.show(case.url)
    # One script call reads what the page shows; a WebDriver round trip per
    # element would cost seconds on the WEIS report.
    shown = browser.js("""
      const title = (e) => e.querySelector(':scope > title').textContent;
      return {
        triangles: Array.from(document.querySelectorAll('#triangle-multiples svg.triangle'))
          .map(t => ({period: t.dataset.period, configuration: t.dataset.configuration,
                      nodes: t.querySelectorAll('g.node').length,
                      pivots: Array.from(t.querySelectorAll('g.node.pivot')).map(n => n.dataset.actor),
                      edges: Array.from(t.querySelectorAll('g.edge'))
                        .map(e => ({status: e.dataset.status, title: title(e)}))})),
        cells: Array.from(document.querySelectorAll('svg#timeline rect.cell'))
          .map(c => ({period: c.dataset.period, classes: c.getAttribute('class').split(' '),
                      title: title(c)}))};""")
    triangles = shown["triangles"]
    assert [t["period"] for t in triangles] == case.periods
    assert [t["configuration"] for t in triangles] == \
        [p["configuration"] for p in case.triangle["periods"]]
    for t, p in zip(triangles, case.triangle["periods"]):
        # Three edges, three nodes, and a pivot ring only where the CLI names one.
        assert [e["status"] for e in t["edges"]] == [dy["status"] for dy in p["dyads"]], t
        assert t["nodes"] == 3
        assert t["pivots"] == ([p["pivot"]] if p["pivot"] else [])
        for edge, dyad in zip(t["edges"], p["dyads"]):
            assert edge["title"].startswith(f"{dyad['pair']}: {dyad['status']} "), edge
            assert edge["title"].endswith(f", {dyad['events']} events)"), edge
    assert [c["period"] for c in shown["cells"]] == case.periods
    for c, p in zip(shown["cells"], case.triangle["periods"]):
        assert f"cfg-{p['configuration']}" in c["classes"]
        assert c["title"] == f"{p['period']}: {p['configuration']}"


def test_six_dyad_series_with_hover_details(browser, case):
    browser.show(case.url)
    d = browser.driver
    charts = d.find_elements(By.CSS_SELECTOR, "#series svg.series-chart")
    assert len(charts) == 6
    assert [c.get_attribute("id") for c in charts] == [f"series-chart-{i}" for i in range(6)]
    figure_dyads = [f.get_attribute("data-dyad")
                    for f in d.find_elements(By.CSS_SELECTOR, "#series figure[data-dyad]")]
    assert figure_dyads == case.dyads
    by_key = {(p, dy): cell for p, dy, cell in case.cells()}
    for chart, dyad in zip(charts, case.dyads):
        assert len(chart.find_elements(By.CSS_SELECTOR, "polyline")) == 3
        points = chart.find_elements(By.CSS_SELECTOR, "circle.pt")
        assert len(points) == len(case.periods), dyad
        titles = browser.js(
            "return Array.from(arguments[0].querySelectorAll('circle.pt > title'))"
            ".map(t => t.textContent);", chart)
        for period, title in zip(case.periods, titles):
            cell = by_key[(period, dyad)]
            head = title.partition("\n")[0]
            m = re.fullmatch(rf"{re.escape(period)} {re.escape(dyad)}: Goldstein sum (\S+), "
                             r"cooperation (\S+), conflict (\S+), (\d+) events", head)
            assert m, head
            assert int(m.group(4)) == cell["events"]
            assert close_enough(float(m.group(1)), cell["goldstein_sum"]), (head, cell)
            assert close_enough(float(m.group(2)), cell["cooperation_sum"]), (head, cell)
            assert close_enough(float(m.group(3)), cell["conflict_sum"]), (head, cell)
            # The top events: date, code and Goldstein of the cell's events
            # with the largest |Goldstein| (sentences may span lines).
            top = TOP_EVENT.findall(title.partition("\n")[2])
            assert len(top) == min(TOP_EVENTS, len(cell["event_ids"])), title
            stored = event_store.events_by_id(case.db, cell["event_ids"])
            strongest = sorted((abs(g) for _, _, g in stored.values()), reverse=True)
            for (date, code, goldstein), expected in zip(top, strongest):
                assert any((date, code) == (d_, c_) for d_, c_, _ in stored.values()), (date, code)
                assert close_enough(abs(float(goldstein)), expected), title


def test_hovering_a_point_highlights_it(browser, case):
    browser.show(case.url)
    d = browser.driver
    # The busiest cell, so the hovered point has events behind it.
    period, dyad, _ = max(case.cells(), key=lambda c: c[2]["events"])
    chart = d.find_element(By.ID, f"series-chart-{case.dyads.index(dyad)}")
    point = chart.find_elements(By.CSS_SELECTOR, "circle.pt")[case.periods.index(period)]
    browser.scroll_to(chart)
    before = point.value_of_css_property("fill")
    ActionChains(d, duration=0).move_to_element(point).perform()
    assert point.value_of_css_property("fill") == HOVER_FILL != before
    title = point.find_element(By.TAG_NAME, "title").get_attribute("textContent")
    assert title.startswith(f"{period} {dyad}:")


def evidence_tables(browser):
    return browser.js("""
      return Array.from(document.querySelectorAll('details.evidence')).map(d => ({
        dyad: d.dataset.dyad, period: d.dataset.period,
        parentDyad: d.closest('div.evidence-dyad').dataset.dyad,
        total: Number(d.dataset.total), shown: Number(d.dataset.shown),
        ids: Array.from(d.querySelectorAll('tr.ev-row')).map(r => Number(r.dataset.eventId)),
        dates: Array.from(d.querySelectorAll('tr.ev-row td:first-child')).map(t => t.textContent),
        sentences: Array.from(d.querySelectorAll('tr.ev-row td.sentence')).map(t => t.textContent),
        more: d.querySelector('p.more') ? d.querySelector('p.more').textContent : null}));""")


def test_evidence_tables_match_cli_cells(browser, case):
    browser.show(case.url)
    tables = {(t["dyad"], t["period"]): t for t in evidence_tables(browser)}
    expected = {(dy, p): cell["event_ids"] for p, dy, cell in case.cells() if cell["event_ids"]}
    assert expected, "no cell has events"
    assert set(tables) == set(expected)
    for key, ids in expected.items():
        t = tables[key]
        assert t["parentDyad"] == t["dyad"]
        assert t["total"] == len(ids), key
        assert len(t["ids"]) == t["shown"] == min(len(ids), MAX_EVIDENCE), key
        assert set(t["ids"]) <= set(ids), key
        assert t["dates"] == sorted(t["dates"]), f"{key}: rows not oldest first"
        more = len(ids) - MAX_EVIDENCE
        assert t["more"] == (f"{more} more" if more > 0 else None), key
        if case.name.startswith("sample"):
            # Coded events cite their sentence; imported ones have none.
            assert all(s.strip() for s in t["sentences"]), key


def test_evidence_drill_down(browser, case, screenshot_dir):
    browser.open(case.url)  # fresh: every cell starts closed
    d = browser.driver
    state = """return Array.from(document.querySelectorAll('details.evidence')).map(x => ({
        open: x.open,
        rowsVisible: Array.from(x.querySelectorAll('tr.ev-row')).map(r => r.checkVisibility())}));"""
    # checkVisibility(): Selenium's is_displayed() does not see the content
    # of a closed <details> as hidden.
    before = browser.js(state)
    assert before and not any(x["open"] for x in before)
    assert not any(any(x["rowsVisible"]) for x in before)
    summary = d.find_element(By.CSS_SELECTOR, "details.evidence > summary")
    browser.scroll_to(summary)
    summary.click()
    after = browser.js(state)
    assert after[0]["open"] and all(after[0]["rowsVisible"]) and after[0]["rowsVisible"]
    assert not any(x["open"] for x in after[1:])
    browser.screenshot(screenshot_dir, f"report-{case.name}-evidence-one-cell-open")

    toggle = d.find_element(By.ID, "toggle-evidence")
    assert toggle.text == "Expand all"
    browser.scroll_to(toggle)
    toggle.click()
    assert toggle.text == "Collapse all"
    expanded = browser.js(state)
    assert all(x["open"] and all(x["rowsVisible"]) for x in expanded)
    browser.scroll_to(d.find_element(By.ID, "evidence"))
    browser.screenshot(screenshot_dir, f"report-{case.name}-evidence-expanded")
    toggle.click()
    assert toggle.text == "Expand all"
    assert not any(x["open"] for x in browser.js(state))


def test_var_section_is_either_estimated_or_explained(browser, case):
    browser.show(case.url)
    d = browser.driver
    unavailable = d.find_elements(By.ID, "var-unavailable")
    rows = d.find_elements(By.CSS_SELECTOR, "#var tr.var-row")
    irfs = d.find_elements(By.CSS_SELECTOR, "#var svg.irf-chart")
    if unavailable:
        assert not rows and not irfs
        assert unavailable[0].text.startswith("The VAR was not estimated: ")
        assert len(unavailable[0].text) > len("The VAR was not estimated: ")
    else:
        assert [r.get_attribute("data-dyad") for r in rows] == case.dyads
        assert len(irfs) == 36
    if "--scenario" in case.extra_args:
        assert d.find_elements(By.CSS_SELECTOR, "section#scenario")
        charts = d.find_elements(By.CSS_SELECTOR, "#scenario svg.scenario-chart")
        if d.find_elements(By.ID, "scenario-unavailable"):
            assert not charts
        else:
            assert len(charts) == 2
            assert len(d.find_elements(By.CSS_SELECTOR, "#scenario-config tr")) == 4
    else:
        assert not d.find_elements(By.CSS_SELECTOR, "section#scenario")


def test_data_quality_panel_matches_summary(browser, case):
    browser.show(case.url)
    d = browser.driver
    intro = d.find_element(By.CSS_SELECTOR, "#quality > p").text
    m = re.match(r"(\d+) documents, (\d+) sentences;", intro)
    assert m, intro
    assert int(m.group(1)) == case.summary["documents"]
    assert int(m.group(2)) == case.summary["sentences"]
    languages = {}
    for row in d.find_elements(By.CSS_SELECTOR, "#q-languages tr"):
        cells = texts(row.find_elements(By.TAG_NAME, "td"))
        if len(cells) == 2:
            languages[cells[0]] = int(cells[1])
    assert languages == case.summary["languages"]
    # Sparse: indeterminate because a pair had too few events.
    sparse = [p["period"] for p in case.triangle["periods"]
              if p["configuration"] == "indeterminate"
              and any(dy["status"] == "insufficient" for dy in p["dyads"])]
    count = d.find_element(By.ID, "sparse-count")
    assert count.get_attribute("data-count") == str(len(sparse))
    assert [r.get_attribute("data-period")
            for r in d.find_elements(By.CSS_SELECTOR, "tr.sparse-row")] == sparse


def test_no_console_errors_and_no_network(browser, case):
    browser.open(case.url)
    d = browser.driver
    # Exercise the page's script and hover targets before reading the logs.
    d.find_element(By.ID, "toggle-evidence").click()
    browser.hover_each(d.find_elements(By.CSS_SELECTOR, "#series-chart-0 circle.pt")[:5])
    assert browser.console_errors() == []
    assert browser.requested_urls() == [case.url]
    assert browser.js("return performance.getEntriesByType('resource').length;") == 0


def test_screenshots_of_each_view(browser, case, screenshot_dir):
    browser.show(case.url)
    d = browser.driver
    views = [("summary-and-triangles", "summary"), ("triangle-multiples", "triangle-multiples"),
             ("series", "series"), ("var", "var"), ("quality", "quality")]
    if "--scenario" in case.extra_args:
        views.append(("scenario", "scenario"))
    for name, element_id in views:
        browser.scroll_to(d.find_element(By.ID, element_id))
        browser.screenshot(screenshot_dir, f"report-{case.name}-{name}")


def test_untrusted_text_is_shown_never_run(browser, trigon, hostile_db, work_dir, screenshot_dir):
    path = trigon.report(hostile_db, "month", str(work_dir / "report-hostile.html"))
    browser.open("file://" + path)
    d = browser.driver
    rows = d.find_elements(By.CSS_SELECTOR, "tr.ev-row")
    assert rows, "the hostile document coded to no event; the payload never reached the tables"
    # Poke everything a payload could hook: hover points and edges, open cells.
    d.find_element(By.ID, "toggle-evidence").click()
    browser.hover_each(browser.js(
        "return Array.from(document.querySelectorAll('circle.pt, g.edge, g.node, tr.ev-row td'))"
        ".filter(e => e.checkVisibility());"))
    assert browser.js("return typeof window.__pwned;") == "undefined"
    injected = browser.js("""return {
        handlers: document.querySelectorAll('[onmouseover],[onerror],[onclick],[onload]').length,
        scripts: Array.from(document.scripts).map(s => s.id),
        images: document.images.length,
        jsLinks: document.querySelectorAll('a[href^="javascript:"]').length};""")
    assert injected == {"handlers": 0, "scripts": ["trigon-report-js"], "images": 0, "jsLinks": 0}
    # The payload is on the page as text, so the check above is not vacuous.
    page_text = d.find_element(By.ID, "evidence").get_attribute("textContent")
    assert "<script>window.__pwned=1</script>" in page_text
    assert '"onmouseover="window.__pwned=' in page_text
    assert "javascript:window.__pwned=3" not in [a.get_attribute("href")
                                                 for a in d.find_elements(By.TAG_NAME, "a")]
    assert browser.console_errors() == []
    browser.scroll_to(d.find_element(By.ID, "evidence"))
    browser.screenshot(screenshot_dir, "report-hostile-text-escaped-evidence")
