"""series, triangle and var give the numbers `trigon series`, `trigon
triangle` and `trigon var` print (their JSON output)."""
import json
import math

import pytest

pd = pytest.importorskip("pandas")
import trigon  # noqa: E402

from conftest import run_trigon  # noqa: E402

TRIAD = ["USA", "RUS", "CHN"]


def cli_json(*args):
    return json.loads(run_trigon(*args, "--format", "json").stdout)


def close(a, b, rel=1e-5):
    """The CLI prints 6 (series) or 10 (var) significant digits."""
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=rel, abs_tol=1e-9)


def check_series(df, cli):
    rows = [(r["period"], r["start"], r["end"], cell) for r in cli["rows"] for cell in r["cells"]]
    assert len(df) == len(rows) > 0
    for got, (period, start, end, cell) in zip(df.to_dict(orient="records"), rows):
        assert (got["period"], got["start"], got["end"], got["dyad"]) == (
            period, start, end, cell["dyad"])
        assert got["events"] == cell["events"]
        assert got["event_ids"] == cell["event_ids"]
        for key in ("weight", "goldstein_sum", "goldstein_mean", "cooperation_sum",
                    "conflict_sum"):
            assert close(got[key], cell[key]), (key, got, cell)
        for q in range(4):
            assert close(got[f"quad{q + 1}"], cell["quad"][q])
    assert df.attrs["input"] == cli["input"]


@pytest.mark.parametrize("period,flags", [("month", ()), ("quarter", ("--normalize",)),
                                          ("year", ("--story-weighting", "--all-modalities"))])
def test_series_matches_cli(sample_db, period, flags):
    df = trigon.series(trigon.open(sample_db), actors=TRIAD, period=period,
                       normalize="--normalize" in flags,
                       story_weighting="--story-weighting" in flags,
                       all_modalities="--all-modalities" in flags)
    check_series(df, cli_json("series", "--db", sample_db, "--period", period, *flags))


def test_series_of_selected_events_equals_series_of_the_database(sample_db):
    db = trigon.open(sample_db)
    from_db = trigon.series(db, actors=TRIAD, period="quarter", story_weighting=True)
    from_events = trigon.series(db.events(actors=TRIAD), actors=TRIAD, period="quarter",
                                story_weighting=True)
    pd.testing.assert_frame_equal(from_db, from_events)
    window = trigon.series(db, actors="USA,RUS,CHN", period="month", start="2023-01-01",
                           end="2023-12-31")
    assert list(window.period.unique()) == [f"2023-{m:02d}" for m in range(1, 13)]
    check_series(window, cli_json("series", "--db", sample_db, "--from", "2023-01-01",
                                  "--to", "2023-12-31"))


def test_triangle_matches_cli(sample_db):
    df = trigon.triangle(trigon.open(sample_db), actors=TRIAD, period="year", band=0.5,
                         min_events=2)
    cli = cli_json("triangle", "--db", sample_db, "--period", "year", "--min-events", "2")
    assert len(df) == len(cli["periods"]) > 0
    for got, p in zip(df.to_dict(orient="records"), cli["periods"]):
        assert got["period"] == p["period"] and got["start"] == p["start"]
        assert got["configuration"] == p["configuration"]
        assert got["pivot"] == p["pivot"]
        assert got["reason"] == p["reason"]
        for actor, role in p["roles"].items():
            assert got[f"role_{actor}"] == role
        for d in p["dyads"]:
            for key in ("statistic", "mean", "weight", "confidence"):
                assert got[f"{d['pair']}_{key}"] == d[key]  # both shortest round-trip
            for key in ("sign", "status", "events"):
                assert got[f"{d['pair']}_{key}"] == d[key]
    positions = df.attrs["positions"]
    for got, p in zip(positions.to_dict(orient="records"), cli["positions"]):
        assert got["actor"] == p["actor"]
        assert close(got["mean_score"], p["mean_score"])
        assert got["scored_periods"] == p["scored_periods"]
    assert df.attrs["input"] == cli["input"]


def check_var(df, cli):
    assert df.attrs["lags"] == cli["lags"] and df.attrs["nobs"] == cli["nobs"]
    for key in ("aic", "bic", "hqic", "max_root_modulus"):
        assert close(df.attrs[key], cli[key], 1e-8), key
    assert df.attrs["stable"] == cli["stable"]
    assert len(df.attrs["periods"]) == cli["periods"]
    assert list(df.dyad) == [r["dyad"] for r in cli["reciprocity"]] == cli["series"]
    for got, r in zip(df.to_dict(orient="records"), cli["reciprocity"]):
        for test in ("routine", "reciprocity", "triangularity"):
            if r[test] is None:
                assert got[f"{test}_F"] is None or math.isnan(got[f"{test}_F"])
                continue
            assert close(got[f"{test}_F"], r[test]["F"], 1e-8)
            assert close(got[f"{test}_p"], r[test]["p"], 1e-8)
            assert [got[f"{test}_df_num"], got[f"{test}_df_den"]] == r[test]["df"]
        assert close(got["routine_sum"], r["routine_sum"], 1e-8)
        assert close(got["reciprocity_sum"], r["reciprocity_sum"], 1e-8)
    for name, matrix in (("granger_p", cli["granger_p"]), ("fevd", cli["fevd"])):
        frame = df.attrs[name]
        assert list(frame.index) == cli["series"]
        for i, row in enumerate(matrix):
            for j, value in enumerate(row):
                assert close(frame.iat[i, j], value, 1e-8), (name, i, j)


def test_var_matches_cli(synthetic_db):
    db = trigon.open(synthetic_db)
    df = trigon.var(db, actors=TRIAD, period="month", lags=2)
    check_var(df, cli_json("var", "--db", synthetic_db, "--period", "month", "--lags", "2"))
    assert df.attrs["selection"] is None
    selected = trigon.var(db, actors=TRIAD, period="month", lags=None, select="bic",
                          maxlags=4, horizon=6)
    check_var(selected, cli_json("var", "--db", synthetic_db, "--period", "month",
                                 "--select", "bic", "--maxlags", "4", "--horizon", "6"))
    sel = selected.attrs["selection"]
    assert len(sel["bic"]) == 5 and sel["bic_order"] == min(range(5), key=sel["bic"].__getitem__)
    # The same from the selected events.
    from_events = trigon.var(db.events(actors=TRIAD), actors=TRIAD, period="month", lags=2)
    pd.testing.assert_frame_equal(df, from_events)


def test_errors_carry_the_library_message(sample_db, synthetic_db):
    db = trigon.open(sample_db)
    with pytest.raises(ValueError, match="three different actor codes"):
        trigon.series(db, actors=["USA", "RUS"])
    with pytest.raises(ValueError, match="decade"):
        trigon.series(db, period="decade")
    with pytest.raises(ValueError, match="2023-02-30"):
        trigon.triangle(db, start="2023-02-30")
    with pytest.raises(ValueError, match="statistic"):
        trigon.triangle(db, statistic="median")
    with pytest.raises(ValueError, match="cannot estimate the VAR"):
        trigon.var(trigon.open(synthetic_db), period="year", lags=6)
    with pytest.raises(ValueError, match="lags or select"):
        trigon.var(db, lags=2, select="aic")
    with pytest.raises(TypeError, match="Database"):
        trigon.series("trigon.db")
