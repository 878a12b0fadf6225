#!/usr/bin/env bash
# quotient benchmark (not a test): loading ~100k quote records into SQLite
# and into PostgreSQL with `quotient analyze --db`.
#   bash tests/bench/db_bench.sh [QUOTES]     (default 100000; BIN=build/quotient)
# Generates a corpus of short news-like documents with 4 attributed quotes
# each, then times, each with -j2 and tone scoring:
#   analyze -f pb > /dev/null         the pipeline alone (baseline)
#   analyze --db FILE.sqlite          into a fresh SQLite file
#   analyze --db postgresql://...     into a fresh database on a PostgreSQL 15
#                                     server this script starts in a temporary
#                                     directory (default settings, fsync on)
# and prints quotes/s end to end, the load's own cost (seconds over the
# baseline, and quotes/s for that share) and the size of each database.
set -euo pipefail
cd "$(dirname "$0")/../.."
quotes=${1:-100000}
bin=${BIN:-build/quotient}
out=${OUT:-build/bench}
pg=${QUOTIENT_PG_BIN:-/usr/lib/postgresql/15/bin}
[ -x "$bin" ] || { echo "build first: bash setup.sh demo (or set BIN)" >&2; exit 2; }
mkdir -p "$out"
out=$(cd "$out" && pwd)
corpus=$out/db-corpus-$quotes.jsonl

python3 - "$corpus" "$quotes" <<'EOF'
import json, sys
path, quotes = sys.argv[1], int(sys.argv[2])
speakers = ["Ding Xuexiang", "David Lammy", "Keir Starmer", "James Cleverly", "Wang Yi"]
lines = ["we are willing to deepen win-win cooperation and build mutual trust",
         "we will not hesitate to protect British industry against unfair competition",
         "the talks were frank, and we raised our serious concerns about the sanctions",
         "practical steps were agreed on market access and regulatory issues",
         "this is a deeply irresponsible decision that undermines regional stability"]
with open(path, "w", encoding="utf-8") as f:
    for i in range((quotes + 3) // 4):
        parts = ["Officials met in London on Monday for talks on trade and investment."]
        for k in range(4):
            parts.append("\u201c%s,\u201d %s said. The meeting covered steel, finance and screening."
                         % (lines[(i * 7 + k) % 5], speakers[(i + k) % 5]))
        f.write(json.dumps({"id": "doc-%d" % i, "outlet": "Outlet %d" % (i % 7),
                            "date": "2024-%02d-%02d" % (1 + i % 12, 1 + i % 28),
                            "title": "Talks %d" % i, "text": "\n\n".join(parts)}) + "\n")
EOF

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u +%F)"
echo "corpus: $corpus ($(wc -l < "$corpus") documents, $(du -m "$corpus" | cut -f1) MB)"
seconds() { /usr/bin/time -f '%e' -o "$out/time.txt" "$@"; cat "$out/time.txt"; }

base=$(seconds "$bin" analyze -q -j2 -f pb -o /dev/null "$corpus")
n=$("$bin" analyze -q -j2 -f jsonl "$corpus" | wc -l)
printf '%-12s %9s %10s %12s %14s %10s\n' sink seconds quotes/s "load s" "load quotes/s" "size MB"
row() {  # row NAME SECONDS BYTES
  awk -v l="$1" -v s="$2" -v b="$base" -v n="$n" -v z="$3" 'BEGIN{
    ls = s - b; printf "%-12s %9.2f %10.0f %12.2f %14s %10.1f\n", l, s, n/s, ls,
      (ls > 0.01 ? sprintf("%.0f", n/ls) : "-"), z/1e6}'
}
row "none (pb)" "$base" 0

db=$out/bench.sqlite
rm -f "$db" "$db-wal" "$db-shm"
secs=$(seconds "$bin" analyze -q -j2 --db "$db" "$corpus")
[ "$(sqlite3 "$db" 'SELECT count(*) FROM quotes')" = "$n" ] || { echo "sqlite: wrong row count" >&2; exit 1; }
sqlite3 "$db" 'PRAGMA wal_checkpoint(TRUNCATE)' > /dev/null
row sqlite "$secs" "$(stat -c %s "$db")"

if [ ! -x "$pg/initdb" ]; then echo "postgresql: skipped (no $pg/initdb)"; exit 0; fi
tmp=$(mktemp -d /tmp/quotient-bench-pg-XXXXXX)
as=()
if [ "$(id -u)" -eq 0 ]; then chown postgres: "$tmp"; as=(runuser -u postgres --); fi
stop() { "${as[@]}" "$pg/pg_ctl" -D "$tmp/data" -m fast -w stop > /dev/null 2>&1 || true; rm -rf "$tmp"; }
trap stop EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"${as[@]}" "$pg/initdb" -D "$tmp/data" -U quotient -A trust -E UTF8 --locale=C > "$tmp/initdb.log" 2>&1
"${as[@]}" "$pg/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w \
  -o "-p $port -k $tmp -c listen_addresses=127.0.0.1" start > /dev/null
uri=postgresql://quotient@127.0.0.1:$port/postgres
secs=$(seconds "$bin" analyze -q -j2 --db "$uri" "$corpus")
sql() { "$pg/psql" -qAt "$uri" -c "$1"; }
[ "$(sql 'SELECT count(*) FROM quotes')" = "$n" ] || { echo "postgres: wrong row count" >&2; exit 1; }
sql 'VACUUM ANALYZE' > /dev/null
row postgresql "$secs" "$(sql "SELECT pg_total_relation_size('quotes') + pg_total_relation_size('documents')")"
echo "(postgresql size: tables quotes + documents with their indexes and TOAST; whole database $(sql "SELECT pg_size_pretty(pg_database_size('postgres'))"))"
