#!/bin/bash
# A/B of the outpatient day between commits on a small county: bash bench/ab.sh <commit> <label> (needs the dev PostgreSQL on port 55433; 64 users, 30 s, 20,000 residents)
# usage: ab.sh <commit> <label>
set -e
C=$1; L=$2; ROOT=$(git -C "$(dirname "$0")" rev-parse --show-toplevel); W=/tmp/ab-worktree-$L
rm -rf $W; git -C "$ROOT" worktree add -f --detach $W $C > /dev/null 2>&1
cd $W
dotnet build src/CountyHealth.Server -c Release -v q > /dev/null 2>&1
dotnet build bench/CountyHealth.Bench -c Release -v q > /dev/null 2>&1
psql -h 127.0.0.1 -p 55433 -U postgres -qc "DROP DATABASE IF EXISTS ab_$L" -c "CREATE DATABASE ab_$L" > /dev/null 2>&1
CS="Host=127.0.0.1;Port=55433;Username=postgres;Database=ab_$L"
dotnet src/CountyHealth.Server/bin/Release/net10.0/CountyHealth.Server.dll generate --residents 20000 --Database:Provider=Postgres "--ConnectionStrings:CountyHealth=$CS" --Serilog:MinimumLevel:Default=Warning > /dev/null 2>&1
dotnet src/CountyHealth.Server/bin/Release/net10.0/CountyHealth.Server.dll --urls http://127.0.0.1:5097 --Database:Provider=Postgres "--ConnectionStrings:CountyHealth=$CS" --Serilog:MinimumLevel:Default=Warning > /tmp/ab-$L.log 2>&1 &
SP=$!
for i in $(seq 1 60); do curl -sf http://127.0.0.1:5097/health >/dev/null && break; sleep 1; done
dotnet bench/CountyHealth.Bench/bin/Release/net10.0/CountyHealth.Bench.dll outpatient --url http://127.0.0.1:5097 --users 64 --seconds 30 --label $L --out /tmp/ab-$L.md > /dev/null 2>&1
kill $SP; wait $SP 2>/dev/null || true
echo "$L $C: $(grep -h 'complete visits' /tmp/ab-$L.md) $(grep -h 'Server cost' /tmp/ab-$L.md | sed 's/, 9.0 HTTP.*//')"
grep -h "^| pay\|^| dispense\|^| register resident" /tmp/ab-$L.md
