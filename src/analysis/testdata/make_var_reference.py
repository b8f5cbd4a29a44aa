#!/usr/bin/python3
"""Writes statsmodels VAR results for a CSV series, for var_reference_test.

Usage: make_var_reference.py INPUT.csv OUTPUT.txt LAGS MAXLAGS HORIZON

INPUT has a header row of series names and one row per period.  OUTPUT has
one array per line: NAME NDIM DIM... VALUE... (C order, repr precision).
Run at test time by the C++ test; its output is not committed.
"""
import sys

import numpy as np
import pandas as pd
from statsmodels.tsa.api import VAR


def emit(out, name, value):
    a = np.atleast_1d(np.asarray(value, dtype=float))
    fields = [name, str(a.ndim)] + [str(d) for d in a.shape]
    fields += [repr(float(v)) for v in a.ravel(order="C")]
    out.write(" ".join(fields) + "\n")


def main():
    src, dst, lags, maxlags, horizon = sys.argv[1:6]
    lags, maxlags, horizon = int(lags), int(maxlags), int(horizon)
    df = pd.read_csv(src)
    k = df.shape[1]
    model = VAR(df)
    res = model.fit(lags, trend="c")
    with open(dst, "w") as out:
        emit(out, "params", res.params.values)
        emit(out, "stderr", res.stderr.values)
        emit(out, "tvalues", res.tvalues.values)
        emit(out, "pvalues", res.pvalues.values)
        emit(out, "sigma_u", res.sigma_u.values)
        emit(out, "sigma_u_mle", res.sigma_u_mle)
        emit(out, "resid", res.resid.values)
        ic = res.info_criteria
        emit(out, "ic", [ic["aic"], ic["bic"], ic["hqic"], ic["fpe"]])
        moduli = np.sort(np.abs(np.linalg.eigvals(companion(res))))[::-1]
        emit(out, "moduli", moduli)
        emit(out, "is_stable", [1.0 if res.is_stable() else 0.0])
        sel = model.select_order(maxlags)
        for name in ("aic", "bic", "hqic", "fpe"):
            emit(out, "select_" + name, sel.ics[name])
            emit(out, "selected_" + name, [sel.selected_orders[name]])
        for i in range(k):
            for j in range(k):
                t = res.test_causality(i, [j], kind="f")
                emit(out, "granger_%d_%d" % (i, j),
                     [t.test_statistic, t.df[0], t.df[1], t.pvalue])
        joint = [(list(range(2)), [k - 1]), ([0], list(range(1, k)))]
        for n, (caused, causing) in enumerate(joint):
            t = res.test_causality(caused, causing, kind="f")
            emit(out, "joint_%d" % n,
                 [t.test_statistic, t.df[0], t.df[1], t.pvalue])
        for i in range(k):
            t = res.test_inst_causality([i])
            emit(out, "inst_%d" % i, [t.test_statistic, t.df, t.pvalue])
        irf = res.irf(horizon)
        emit(out, "irfs", irf.irfs)
        emit(out, "orth_irfs", irf.orth_irfs)
        emit(out, "cum_effects", irf.cum_effects)
        emit(out, "fevd", res.fevd(horizon).decomp)


def companion(res):
    k, p = res.neqs, res.k_ar
    c = np.zeros((k * p, k * p))
    c[:k, :] = np.hstack(list(res.coefs))
    if p > 1:
        c[k:, :-k] = np.eye(k * (p - 1))
    return c


if __name__ == "__main__":
    main()
