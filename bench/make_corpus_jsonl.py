#!/usr/bin/python3
"""Writes the benchmark corpus as JSON Lines documents for `trigon code --stdin`.

The corpus is the one code_bench uses: data/sample/{en,zh-hans,zh-hant}
(UTF-8 text files with an optional "key: value" front matter ending at the
first blank line), data/sample/noisy/feed.jsonl, and when present
../shared/examples/*.txt and the `text` of every record of
../shared/data/validation/{tabari_validate,petr_unittest_records}.jsonl
(20 records to a document).  With --repeat N the whole corpus is written N
times (ids get a "#k" suffix), which is how the streaming memory check
makes a 10x larger input of the same kind.

    bench/make_corpus_jsonl.py [--repeat N] [--root DIR] > corpus.jsonl
"""
import argparse
import json
import pathlib
import re
import sys

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
FRONT_KEYS = {"title", "date", "lang", "source", "url", "id"}


def split_front_matter(text):
    """(fields, body) of a sample file; fields is {} without front matter."""
    head, sep, body = text.partition("\n\n")
    fields = {}
    for line in head.splitlines():
        key, colon, value = line.partition(":")
        if not colon or key.strip().lower() not in FRONT_KEYS:
            return {}, text
        fields[key.strip().lower()] = value.strip()
    return (fields, body) if sep else ({}, text)


def sample_documents(root):
    for script in ("en", "zh-hans", "zh-hant"):
        for path in sorted((root / "data" / "sample" / script).glob("*.txt")):
            fields, body = split_front_matter(path.read_text(encoding="utf-8"))
            doc = {"id": f"{script}/{path.name}", "text": body}
            for key in ("title", "lang", "source", "url"):
                if fields.get(key):
                    doc[key] = fields[key]
            if ISO_DATE.match(fields.get("date", "")):
                doc["date"] = fields["date"]
            yield doc
    feed = root / "data" / "sample" / "noisy" / "feed.jsonl"
    if feed.exists():
        for line in feed.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield json.loads(line)


def shared_documents(shared):
    for path in sorted((shared / "examples").glob("*.txt")):
        yield {"id": f"examples/{path.name}", "text": path.read_text(encoding="utf-8")}
    per_document = 20
    for name in ("tabari_validate.jsonl", "petr_unittest_records.jsonl"):
        path = shared / "data" / "validation" / name
        if not path.exists():
            continue
        texts = [json.loads(l).get("text") or "" for l in
                 path.read_text(encoding="utf-8").splitlines() if l.strip()]
        texts = [t for t in texts if t.strip()]
        for i in range(0, len(texts), per_document):
            yield {"id": f"{name}:{i}", "text": "\n\n".join(texts[i:i + per_document])}


def main():
    here = pathlib.Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="copies of the corpus")
    parser.add_argument("--root", type=pathlib.Path, default=here, help="the Trigon tree")
    parser.add_argument("--no-shared", action="store_true",
                        help="data/sample only, even when ../shared exists")
    args = parser.parse_args()
    docs = list(sample_documents(args.root))
    shared = args.root.parent / "shared"
    if not args.no_shared and shared.is_dir():
        docs += list(shared_documents(shared))
    out = sys.stdout
    for k in range(args.repeat):
        for doc in docs:
            d = dict(doc)
            if args.repeat > 1:
                d["id"] = f"{doc.get('id', '')}#{k}"
            out.write(json.dumps(d, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
