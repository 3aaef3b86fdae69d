# Sourced by scripts/test.sh and bench/run.sh: a private PostgreSQL cluster on loopback under a temporary folder,
# owned by the postgres user, stopped and removed on exit. Sets PGBIN, PGPORT, PGDIR, PG_SERVER (a connection
# string without a database).
start_private_postgres() {
  local port=$1; shift
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  PGPORT=$port
  PGDIR=$(mktemp -d /tmp/countyhealth-pg.XXXXXX)
  chown postgres "$PGDIR" 2>/dev/null || true
  run_pg "$PGBIN/initdb -D $PGDIR/data -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null"
  run_pg "$PGBIN/pg_ctl -D $PGDIR/data -o '-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c max_connections=300 $*' -l $PGDIR/log -w start >/dev/null"
  PG_SERVER="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Pooling=true;Maximum Pool Size=100"
  trap stop_private_postgres EXIT
}

stop_private_postgres() {
  run_pg "$PGBIN/pg_ctl -D $PGDIR/data -m immediate stop >/dev/null 2>&1"
  rm -rf "$PGDIR"
}

run_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

install_missing() {
  local need=()
  for pkg in "$@"; do
    case $pkg in
      chromium) [ -x /usr/bin/chromium ] || need+=(chromium) ;;
      fonts-noto-cjk) fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk) ;;
      postgresql) ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql) ;;
    esac
  done
  if [ ${#need[@]} -gt 0 ]; then
    echo "Installing: ${need[*]}"
    local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
  fi
}
