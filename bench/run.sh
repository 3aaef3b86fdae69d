#!/usr/bin/env bash
# The benchmark suite, one command:  bash bench/run.sh [--residents N] [--seconds S] [--providers "Postgres Sqlite"]
# For each provider: generate the synthetic county (default: seed 001's 1,845,400 residents, five years of visits),
# start the server on it (Release, 127.0.0.1 only), run the outpatient day at 16 and 64 concurrent users and the
# resident search alone and under the 64-user load, each with its same-run baseline, the 64-user day with insurance
# settlement, the indicators (rebuild against
# hand-written GROUP BY scans, the catalogue of a year, the dashboard, the summary), and append everything to bench/results/<date>-<host>.md.
# Bounded: every load phase stops after --seconds (default 60) and at most 100,000 visits.
set -euo pipefail
cd "$(dirname "$0")/.."
RESIDENTS=1845400; SECONDS_PER_PHASE=60; PROVIDERS="Postgres Sqlite"
while [ $# -gt 0 ]; do
  case $1 in
    --residents) RESIDENTS=$2; shift 2 ;;
    --seconds) SECONDS_PER_PHASE=$2; shift 2 ;;
    --providers) PROVIDERS=$2; shift 2 ;;
    *) echo "unknown option $1"; exit 2 ;;
  esac
done
. scripts/lib/postgres.sh
install_missing postgresql
dotnet build src/CountyHealth.Server -c Release -nologo -v q | tail -1
dotnet build bench/CountyHealth.Bench -c Release -nologo -v q | tail -1
SERVER=src/CountyHealth.Server/bin/Release/net10.0/CountyHealth.Server.dll
BENCH=bench/CountyHealth.Bench/bin/Release/net10.0/CountyHealth.Bench.dll
OUT="bench/results/$(date -u +%Y-%m-%d)-$(hostname -s).md"
{
  echo "# Benchmark run $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "- command: \`bash bench/run.sh --residents $RESIDENTS --seconds $SECONDS_PER_PHASE --providers \"$PROVIDERS\"\`"
  echo "- commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "- machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(uname -sr), .NET $(dotnet --version)"
} >> "$OUT"
start_private_postgres 55450 -c shared_buffers=2GB -c max_wal_size=8GB
PORT=5095; URL="http://127.0.0.1:$PORT"

for provider in $PROVIDERS; do
  if [ "$provider" = Postgres ]; then
    run_pg "$PGBIN/psql -h 127.0.0.1 -p $PGPORT -U postgres -qc 'CREATE DATABASE county'"
    # The server pools as it does by default (eight connections a core); the raw baseline opens one per user.
    CS="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=county"
    DBARGS=(--Database:Provider=Postgres "--ConnectionStrings:CountyHealth=$CS")
    BENCH_DB="$PG_SERVER;Database=county"
  else
    DATA=$(mktemp -d /tmp/countyhealth-bench.XXXXXX)
    DBARGS=(--Database:Provider=Sqlite "--Database:DataFolder=$DATA")
    BENCH_DB="Data Source=$DATA/countyhealth.db"
  fi
  echo; echo "== $provider: generating $RESIDENTS residents"
  { echo; echo "## $provider"; echo; echo '```'; } >> "$OUT"
  dotnet "$SERVER" generate --residents "$RESIDENTS" "${DBARGS[@]}" --Serilog:MinimumLevel:Default=Warning | tee -a "$OUT" | tail -3
  echo '```' >> "$OUT"
  # The indicators' monthly tables rebuilt from scratch (timed by the verb), before any load changes the records.
  REBUILD=$(dotnet "$SERVER" rebuild-aggregates "${DBARGS[@]}" --Serilog:MinimumLevel:Default=Warning | tee -a "$OUT" | sed -n 's/.* in \([0-9.,]*\) s$/\1/p' | tr -d ,)
  dotnet "$SERVER" --urls "$URL" "${DBARGS[@]}" --Serilog:MinimumLevel:Default=Warning > "/tmp/countyhealth-bench-server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 120); do curl -sf "$URL/health" >/dev/null && break; sleep 1; done
  dotnet "$BENCH" indicators --url "$URL" --provider "$provider" --db "$BENCH_DB" --year $(( $(date -u +%Y) - 1 )) --rebuild-seconds "${REBUILD:-0}" --label "$provider" --out "$OUT" | tail -18
  for users in 16 64; do
    dotnet "$BENCH" outpatient --url "$URL" --users $users --seconds "$SECONDS_PER_PHASE" --label "$provider" --out "$OUT" | tail -14
    dotnet "$BENCH" baseline-write --provider "$provider" --db "$BENCH_DB" --users $users --seconds "$SECONDS_PER_PHASE" --label "$provider" --out "$OUT" | tail -3
  done
  # The same day with nine in ten patients insured: each visit settled (即时结报) before the patient's share is paid.
  dotnet "$BENCH" outpatient --url "$URL" --users 64 --insured 90 --seconds "$SECONDS_PER_PHASE" --label "$provider" --out "$OUT" | tail -16
  dotnet "$BENCH" search --url "$URL" --provider "$provider" --db "$BENCH_DB" --queries 300 --label "$provider" --out "$OUT" | tail -8
  # The same search while 64 users run the outpatient day (their figures are not kept: the search disturbs them).
  dotnet "$BENCH" outpatient --url "$URL" --users 64 --seconds $((SECONDS_PER_PHASE * 3)) --label load > /dev/null &
  LOAD_PID=$!
  sleep 15
  dotnet "$BENCH" search --url "$URL" --provider "$provider" --db "$BENCH_DB" --queries 100 --label "$provider, under the 64-user outpatient load" --out "$OUT" | tail -8
  kill "$LOAD_PID" 2>/dev/null; wait "$LOAD_PID" 2>/dev/null || true
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  [ "$provider" = Sqlite ] && rm -rf "$DATA"
done
echo; echo "Results appended to $OUT"
