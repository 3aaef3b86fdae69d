#!/usr/bin/env bash
# The whole test suite: installs what it needs (Chromium, CJK fonts, PostgreSQL), starts a private
# PostgreSQL on loopback, runs every test project, and prints "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
ARTIFACTS="$ROOT/artifacts"
rm -rf "$ARTIFACTS/test-results"; mkdir -p "$ARTIFACTS"

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

# A private PostgreSQL cluster on a free loopback port, owned by the postgres user, removed afterwards.
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGPORT=${COUNTYHEALTH_PG_PORT:-55432}
PGDIR=$(mktemp -d /tmp/countyhealth-pg.XXXXXX)
chown postgres "$PGDIR" 2>/dev/null || true
run_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
run_pg "$PGBIN/initdb -D $PGDIR/data -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null"
run_pg "$PGBIN/pg_ctl -D $PGDIR/data -o '-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300' -l $PGDIR/log -w start >/dev/null"
cleanup() { run_pg "$PGBIN/pg_ctl -D $PGDIR/data -m immediate stop >/dev/null 2>&1"; rm -rf "$PGDIR"; }
trap cleanup EXIT
export COUNTYHEALTH_TEST_PG="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Pooling=true;Maximum Pool Size=50"
export COUNTYHEALTH_ARTIFACTS="$ARTIFACTS"

dotnet build CountyHealth.slnx -c Release -nologo -v q 2>&1 | tail -3
status=0
for proj in tests/CountyHealth.Tests tests/CountyHealth.BrowserTests; do
  name=$(basename "$proj")
  dotnet test "$proj" -c Release --no-build --logger "trx;LogFileName=$name.trx" --results-directory "$ARTIFACTS/test-results" 2>&1 | tee "$ARTIFACTS/$name.log" | grep -E "^(Passed!|Failed!)|^\s+Failed |error" || true
  [ "${PIPESTATUS[0]}" -ne 0 ] && status=1
done

passed=0; failed=0
for trx in "$ARTIFACTS"/test-results/*.trx; do
  [ -f "$trx" ] || continue
  p=$(grep -o '<Counters [^>]*' "$trx" | grep -o 'passed="[0-9]*"' | grep -o '[0-9]*')
  f=$(grep -o '<Counters [^>]*' "$trx" | grep -o 'failed="[0-9]*"' | grep -o '[0-9]*')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ] && [ "$status" -eq 0 ]
