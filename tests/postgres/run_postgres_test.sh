#!/usr/bin/env bash
# run_postgres_test.sh TRIGON SOURCE_DIR [STORE_TEST]
#
# Starts a throwaway PostgreSQL server (Debian's postgresql package) on
# 127.0.0.1 with a free port, runs ingest -> code -> series, triangle,
# summary and docs against it and against an SQLite file, and requires the
# outputs to be identical.  Then: a rerun must add nothing, a bad URL must
# fail with exit code 2, and STORE_TEST's server-backed cases (Postgres*)
# run against the server.  Exits 77 (CTest skip) without server binaries.
# The server and its temporary directory are removed on every exit path.
set -euo pipefail

readonly kSkip=77
trigon=$1
source_dir=$2
store_test=${3:-}

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [[ -z $bindir || ! -x $bindir/initdb || ! -x $bindir/pg_ctl || ! -x $bindir/psql ]]; then
  echo "SKIP: no PostgreSQL server binaries under /usr/lib/postgresql/*/bin"
  exit $kSkip
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/trigon-pg.XXXXXX")
as_server=()
# PostgreSQL refuses to run as root: run the server as the unprivileged
# user the Debian package creates.
if [[ $(id -u) == 0 ]]; then
  if ! id -u postgres >/dev/null 2>&1; then
    rm -rf "$work"
    echo "SKIP: running as root and there is no 'postgres' user to run the server"
    exit $kSkip
  fi
  if command -v runuser >/dev/null; then
    as_server=(runuser -u postgres --)
  else
    as_server=(setpriv --reuid=postgres --regid=postgres --init-groups --)
  fi
fi
data=$work/data
sockets=$work/sockets
out=$work/out
mkdir -p "$sockets" "$out"
[[ $(id -u) == 0 ]] && chown postgres: "$work" "$sockets"

cleanup() {
  if [[ -f $data/postmaster.pid ]]; then
    "${as_server[@]}" "$bindir/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

"${as_server[@]}" "$bindir/initdb" -D "$data" -U postgres --auth=trust \
  --encoding=UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 ||
  { cat "$work/initdb.log" >&2; fail "initdb"; }

# A free port: ask the kernel, then start; retry if another process took it.
started=false
for attempt in 1 2 3; do
  port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  if "${as_server[@]}" "$bindir/pg_ctl" -D "$data" -l "$work/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$sockets -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null 2>&1; then
    started=true
    break
  fi
done
$started || { cat "$work/server.log" >&2; fail "the server did not start"; }

server=postgresql://postgres@127.0.0.1:$port
psql() { "$bindir/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }
psql "$server/postgres" -c "CREATE DATABASE trigon_e2e" -c "CREATE DATABASE trigon_unit"
pg_url=$server/trigon_e2e
sqlite_db=$out/trigon.db
# Both runs read one snapshot of the inputs and dictionaries.
cp -r "$source_dir/data/sample" "$source_dir/data/dict" "$work/"
sample=$work/sample
dict=$work/dict

# Runs `trigon VERB ARGS...` on one backend; stdout, stderr and the exit
# code go to $out/BACKEND.NAME.{out,err,rc}.
run() {
  local backend=$1 name=$2 db
  shift 2
  [[ $backend == pg ]] && db=$pg_url || db=$sqlite_db
  local rc=0
  "$trigon" "$@" --db "$db" >"$out/$backend.$name.out" 2>"$out/$backend.$name.err" || rc=$?
  echo "$rc" >"$out/$backend.$name.rc"
}

# Two things legitimately differ between the runs, and only they are
# masked: ingest's timing ("in 0.42s (139 documents/s, 675 sentences/s)")
# and the database location it prints ("database <where>:").
normalise() {
  sed -E -e 's#in [0-9.]+s \([0-9]+ documents/s, [0-9]+ sentences/s\)#in <time>#' \
         -e "s#^database ($pg_url|$sqlite_db):\$#database <db>:#" "$1"
}

steps=(ingest code series triangle summary docs)
for backend in sqlite pg; do
  run "$backend" ingest ingest "$sample"
  run "$backend" code code --dict "$dict"
  run "$backend" series series --format csv
  run "$backend" triangle triangle
  run "$backend" summary summary
  run "$backend" docs docs
done

status=0
for step in "${steps[@]}"; do
  for stream in out err rc; do
    if ! diff -u <(normalise "$out/sqlite.$step.$stream") <(normalise "$out/pg.$step.$stream") \
        >"$out/diff.$step.$stream"; then
      echo "FAIL: trigon $step: $stream differs between SQLite and PostgreSQL:" >&2
      head -n 40 "$out/diff.$step.$stream" >&2
      status=1
    fi
  done
done
[[ $status == 0 ]] || exit 1
for step in ingest code series; do
  rc=$(cat "$out/pg.$step.rc")
  [[ $rc == 0 || $rc == 1 ]] || { cat "$out/pg.$step.err" >&2; fail "trigon $step exited $rc"; }
done
[[ -s $out/pg.series.out ]] || fail "series printed nothing"
events=$(psql -At "$pg_url" -c "SELECT COUNT(*) FROM events")
documents=$(psql -At "$pg_url" -c "SELECT COUNT(*) FROM documents")
(( events > 0 && documents > 0 )) || fail "expected documents and events, got $documents and $events"
echo "identical output on both backends: $documents documents, $events events"

# A rerun stores nothing new: every table but ingest_runs (one row per run)
# keeps its row count, and the analyses print the same.
counts() {
  psql -At "$pg_url" -c "SELECT 'documents', COUNT(*) FROM documents UNION ALL
    SELECT 'document_sources', COUNT(*) FROM document_sources UNION ALL
    SELECT 'sentences', COUNT(*) FROM sentences UNION ALL
    SELECT 'document_links', COUNT(*) FROM document_links UNION ALL
    SELECT 'skipped_inputs', COUNT(*) FROM skipped_inputs UNION ALL
    SELECT 'events', COUNT(*) FROM events UNION ALL
    SELECT 'event_evidence', COUNT(*) FROM event_evidence UNION ALL
    SELECT 'coded_documents', COUNT(*) FROM coded_documents UNION ALL
    SELECT 'schema_migrations', COUNT(*) FROM schema_migrations"
}
counts >"$out/counts.before"
run pg ingest2 ingest "$sample"
run pg code2 code --dict "$dict"
run pg series2 series --format csv
counts >"$out/counts.after"
diff -u "$out/counts.before" "$out/counts.after" || fail "a rerun changed the stored rows"
diff -u "$out/pg.series.out" "$out/pg.series2.out" || fail "series changed after a rerun"
grep -q " 0 documents stored" "$out/pg.ingest2.out" || fail "the rerun stored documents again"
echo "rerun: no new rows"

# An unreachable server: a clear message and exit code 2.
rc=0
"$trigon" summary --db postgresql://127.0.0.1:1/x >"$out/bad.out" 2>"$out/bad.err" || rc=$?
[[ $rc == 2 ]] || { cat "$out/bad.err" >&2; fail "bad URL: exit code $rc, expected 2"; }
grep -q "127.0.0.1" "$out/bad.err" && grep -qi "refused\|connect" "$out/bad.err" ||
  { cat "$out/bad.err" >&2; fail "bad URL: the message does not say what failed"; }
rc=0
"$trigon" ingest "$sample" --db postgresql://127.0.0.1:1/x >/dev/null 2>&1 || rc=$?
[[ $rc == 2 ]] || fail "ingest with a bad URL: exit code $rc, expected 2"
echo "bad URL: exit 2: $(head -n 1 "$out/bad.err")"

if [[ -n $store_test ]]; then
  TRIGON_TEST_POSTGRES_URL=$server/trigon_unit "$store_test" --gtest_filter='Postgres*' \
    --gtest_brief=1 || fail "store unit tests on PostgreSQL"
fi
echo "PASS"
