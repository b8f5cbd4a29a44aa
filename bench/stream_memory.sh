#!/bin/sh
# Peak memory and speed of the streaming path, `trigon code --stdin`, on the
# benchmark corpus (bench/make_corpus_jsonl.py) repeated R and 10*R times:
# peak RSS must stay flat as the input grows tenfold.
#
#   bench/stream_memory.sh TRIGON_BINARY [R [THREADS...]]
#     R        copies of the corpus for the small run (default 10)
#     THREADS  thread counts to run (default "1 2")
#
# Prints one row per run: copies, input MB, documents, events, wall s, user+sys
# CPU s, documents/s wall, peak RSS MB (/usr/bin/time -v, "Maximum resident
# set size").
set -eu
trigon=${1:?usage: stream_memory.sh TRIGON_BINARY [R [THREADS...]]}
copies=${2:-10}
shift $(( $# >= 2 ? 2 : 1 ))
threads=${*:-1 2}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

printf '%7s %8s %9s %9s %8s %8s %7s %9s %8s\n' copies MB documents events wall_s cpu_s threads docs/s rss_MB
for r in "$copies" $((copies * 10)); do
  /usr/bin/python3 "$here/make_corpus_jsonl.py" --repeat "$r" > "$tmp/in.jsonl"
  mb=$(du -m "$tmp/in.jsonl" | cut -f1)
  for t in $threads; do
    /usr/bin/time -v "$trigon" code --stdin --threads "$t" < "$tmp/in.jsonl" \
      > "$tmp/out.jsonl" 2> "$tmp/time.txt" || true
    docs=$(sed -n 's/^code: \([0-9]*\) documents from stdin.*/\1/p' "$tmp/time.txt")
    events=$(wc -l < "$tmp/out.jsonl")
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$tmp/time.txt" |
      awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
    user=$(sed -n 's/.*User time (seconds): //p' "$tmp/time.txt")
    sys=$(sed -n 's/.*System time (seconds): //p' "$tmp/time.txt")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tmp/time.txt")
    awk -v r="$r" -v mb="$mb" -v d="$docs" -v e="$events" -v w="$wall" -v u="$user" \
      -v s="$sys" -v t="$t" -v rss="$rss" 'BEGIN {
        printf "%7d %8d %9d %9d %8.2f %8.2f %7d %9.0f %8.1f\n",
               r, mb, d, e, w, u + s, t, (w > 0 ? d / w : 0), rss / 1024 }'
  done
done
