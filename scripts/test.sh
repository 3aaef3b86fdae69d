#!/usr/bin/env bash
# The whole test suite: installs what it needs (Chromium, CJK fonts, PostgreSQL), starts a private
# PostgreSQL on loopback, runs every test project, and prints "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
ARTIFACTS="$ROOT/artifacts"
rm -rf "$ARTIFACTS/test-results" "$ARTIFACTS"/test-seed-*.txt; mkdir -p "$ARTIFACTS"

. scripts/lib/postgres.sh
install_missing chromium fonts-noto-cjk postgresql
start_private_postgres "${COUNTYHEALTH_PG_PORT:-55432}" -c fsync=off
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
if [ "$failed" -ne 0 ] || [ "$status" -ne 0 ]; then
  # The test data came from one random stream per test assembly; the same seed repeats it.
  cat "$ARTIFACTS"/test-seed-*.txt 2>/dev/null | sed 's/^/Test data seed: /'
  echo "Rerun with the same data: COUNTYHEALTH_TEST_SEED=<seed> bash scripts/test.sh"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ] && [ "$status" -eq 0 ]
