#!/usr/bin/env bash
# The programme due lists as a village doctor sees them, on a running server: each list once to warm it, then ten times;
# prints status, rows, median and maximum in ms. Usage: URL=http://127.0.0.1:5097 bash bench/due-lists.sh USER PASSWORD
URL=${URL:-http://127.0.0.1:5097}
T=$(curl -s -X POST $URL/api/v1/auth/token -H 'Content-Type: application/json' -d "{\"userName\":\"$1\",\"password\":\"$2\"}" | python3 -c 'import sys,json;print(json.load(sys.stdin)["accessToken"])')
for path in "chronic?show=due" "child-health?show=due" "immunisation?show=due" "maternal?show=due" "elderly?show=due" "mental?show=due" "tb?show=due" "records?show=missing"; do
  curl -s -o /dev/null -H "Authorization: Bearer $T" "$URL/api/v1/public-health/$path"
  times=$(for i in $(seq 10); do curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $T" "$URL/api/v1/public-health/$path"; done | sort -n)
  code=$(curl -s -o /tmp/dl.json -w '%{http_code}' -H "Authorization: Bearer $T" "$URL/api/v1/public-health/$path")
  rows=$(python3 -c 'import json;d=json.load(open("/tmp/dl.json"));print(len(d.get("items",[])) if isinstance(d,dict) else "?")' 2>/dev/null)
  echo "$path  status $code  rows $rows  median $(echo "$times" | sed -n 5p | awk '{printf "%.0f", $1*1000}') ms  max $(echo "$times" | tail -1 | awk '{printf "%.0f", $1*1000}') ms"
done
