#!/usr/bin/python3
"""Wall time of coding a JSON Lines corpus with trigon.dask on a local Dask
cluster of 1, 2, ... worker processes, beside one process (trigon.code_jsonl)
and `trigon code --stdin`.

The corpus is data/sample (text files with their front matter as JSON
fields, plus noisy/feed.jsonl) repeated --repeat times with distinct ids.
Dictionaries are compiled once per worker before timing (client.run), so
the numbers are coding throughput; the one-off load is reported apart.

    PYTHONPATH=build-python/python /usr/bin/python3 bench/dask_scaling.py \
        --repeat 20 --workers 1 2 --trigon build-python/trigon
"""
import argparse
import json
import os
import pathlib
import platform
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]


def sample_records():
    records = []
    sample = ROOT / "data" / "sample"
    for path in sorted(sample.glob("*/*.txt")):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # the GBK/Big5/UTF-16 samples: JSON Lines is UTF-8
        head, _, body = text.partition("\n\n")
        fields = dict(line.split(":", 1) for line in head.splitlines() if ":" in line)
        fields = {k.strip(): v.strip() for k, v in fields.items()
                  if k.strip() in ("title", "date", "url", "source", "lang")}
        if not fields:
            body = text
        records.append({"id": str(path.relative_to(sample)), **fields, "text": body})
    for line in (sample / "noisy" / "feed.jsonl").read_text(encoding="utf-8").splitlines():
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError:
            pass
    return records


def write_corpus(path, repeat):
    records = sample_records()
    with open(path, "w", encoding="utf-8") as f:
        for k in range(repeat):
            for r in records:
                f.write(json.dumps({**r, "id": f"{r.get('id', '')}#{k}"}, ensure_ascii=False))
                f.write("\n")
    return len(records) * repeat


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--partitions-per-worker", type=int, default=4)
    ap.add_argument("--trigon", help="trigon binary, to time `trigon code --stdin` too")
    args = ap.parse_args()

    import distributed
    import trigon
    import trigon.dask as tdask

    cpu = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    print(f"machine: {platform.node()}, {os.cpu_count()} logical CPUs ({cpu}), "
          f"load average {os.getloadavg()[0]:.1f}; Python {platform.python_version()}")

    with tempfile.TemporaryDirectory() as tmp:
        corpus = pathlib.Path(tmp) / "corpus.jsonl"
        docs = write_corpus(corpus, args.repeat)
        lines = corpus.read_text(encoding="utf-8").splitlines()
        print(f"corpus: {docs} documents, {corpus.stat().st_size / 1e6:.1f} MB "
              f"(data/sample x {args.repeat})")

        started = time.monotonic()
        trigon.coder()
        print(f"dictionary load (once per process): {time.monotonic() - started:.2f} s")

        started = time.monotonic()
        single = trigon.code_jsonl(lines, source="corpus")
        t = time.monotonic() - started
        print(f"{'one process (code_jsonl)':<34} {t:7.2f} s  {docs / t:7.1f} docs/s  "
              f"{len(single)} events")

        if args.trigon:
            started = time.monotonic()
            with open(corpus, "rb") as f:
                subprocess.run([args.trigon, "code", "--stdin", "-q"], stdin=f,
                               stdout=subprocess.DEVNULL, check=False)
            t = time.monotonic() - started
            print(f"{'trigon code --stdin':<34} {t:7.2f} s  {docs / t:7.1f} docs/s")

        for n in args.workers:
            cluster = distributed.LocalCluster(n_workers=n, processes=True, threads_per_worker=1,
                                               dashboard_address=None)
            client = distributed.Client(cluster)
            try:
                client.run(trigon.coder)  # dictionaries compiled on every worker first
                started = time.monotonic()
                df = tdask.code_corpus(str(corpus), client=client,
                                       partitions=n * args.partitions_per_worker)
                t = time.monotonic() - started
            finally:
                client.close()
                cluster.close()
            same = len(df) == len(single) and df["doc"].tolist() == single["doc"].tolist()
            print(f"{f'dask, {n} worker process(es)':<34} {t:7.2f} s  {docs / t:7.1f} docs/s  "
                  f"{len(df)} events{'' if same else '  (DIFFERS from one process!)'}")
            if not same:
                sys.exit(1)


if __name__ == "__main__":
    main()
