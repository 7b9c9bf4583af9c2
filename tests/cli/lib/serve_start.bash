# Shared by the serve tests (sourced, not run): start_server SITE starts `firefly serve`
# on a free port of 127.0.0.1 with its output in $work/server.log, a watchdog that kills
# it after 120 s whatever happens to the test, and waits until it answers. It needs
# $FIREFLY, $work and a `fail` function; it sets port, base and server_pid.
status() { curl -s --max-time 5 -o /dev/null -w '%{http_code}' "$@"; }

start_server() {
  port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  base="http://127.0.0.1:$port"
  "$FIREFLY" serve --site "$1" --port "$port" >"$work/server.log" 2>&1 &
  server_pid=$!
  (timeout 120 tail --pid="$server_pid" -f /dev/null || kill -KILL "$server_pid") 2>/dev/null &
  for _ in $(seq 1 100); do
    [ "$(status "$base/")" = 200 ] && return 0
    kill -0 "$server_pid" 2>/dev/null || fail "the server exited early"
    sleep 0.1
  done
  fail "the server did not answer within 10 s"
}
