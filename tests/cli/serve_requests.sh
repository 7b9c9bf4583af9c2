#!/usr/bin/env bash
# firefly serve bounds what a request may send before it is answered, and stays up. Its
# HTTP library (Debian's cpp-httplib 0.11.4) kept every header line of a request, however
# many (5 million took 515 MB), and a client sending a line every second held its
# connection, and a thread, for as long as it liked.
set -euo pipefail
work=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill -KILL "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
# shellcheck source=serve_start.bash
source "$(dirname "$0")/lib/serve_start.bash"
fail() { echo "FAIL: $*"; echo "--- server output:"; cat "$work/server.log" 2>/dev/null || true; exit 1; }

"$FIREFLY" init "$work/site" --lang en >/dev/null
start_server "$work/site"

# request KIND: what the server answered a request of that kind ("200", "400"), "closed"
# when it closed the connection without an answer, and the seconds that took.
request() {
  /usr/bin/python3 - "$port" "$1" <<'PY'
import select, socket, sys, time
port, kind = int(sys.argv[1]), sys.argv[2]
s = socket.create_connection(("127.0.0.1", port), timeout=30)
head = "GET / HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n" % port
start = time.monotonic()
try:
    if kind == "lines":  # 100 header lines are kept, 5,000 are not
        s.sendall((head + "X-A: b\r\n" * 5000 + "\r\n").encode())
    elif kind == "few":
        s.sendall((head + "X-A: b\r\n" * 90 + "\r\n").encode())
    elif kind == "bytes":  # lines of 8,000 bytes each (httplib's own bound is 8,192 a line)
        s.sendall((head + ("X-A: " + "b" * 8000 + "\r\n") * 20 + "\r\n").encode())
    elif kind == "slow":  # a header line a second, never the end of the head
        s.sendall(head.encode())
        for _ in range(20):
            if select.select([s], [], [], 1)[0]:
                break  # answered, or closed
            s.sendall(b"X-A: b\r\n")
    elif kind.startswith("range"):  # range:VALUE, the Range line sent in two parts
        line = "Range: " + kind[len("range:"):] + "\r\n"
        s.sendall((head + line[:9]).encode())
        time.sleep(0.2)
        s.sendall((line[9:] + "\r\n").encode())
    reply = s.recv(100).decode("latin-1")
    print(reply.split(" ")[1] if reply.startswith("HTTP/") else "closed", end=" ")
except (BrokenPipeError, ConnectionResetError):
    print("closed", end=" ")
print(round(time.monotonic() - start))
PY
}

read -r code _ <<<"$(request few)"
[ "$code" = 200 ] || fail "a request of 90 header lines was answered $code"
read -r code _ <<<"$(request lines)"
[ "$code" = 400 ] || [ "$code" = closed ] || fail "a request of 5,000 header lines was answered $code"
read -r code _ <<<"$(request bytes)"
[ "$code" = 400 ] || [ "$code" = closed ] || fail "a head of 160 KB was answered $code"
read -r code secs <<<"$(request slow)"
[ "$code" = 400 ] || [ "$code" = closed ] || fail "a head sent a line a second was answered $code"
[ "$secs" -le 13 ] || fail "a head sent a line a second held its connection for $secs s"
# A Range it cannot read is ignored (RFC 9110): the whole file, 200, where httplib said 416.
for bad in "bytes=abc" "bytes=9-0" "bytes=-" "pages=0-9" "bytes=0-9;x"; do
  read -r code _ <<<"$(request "range:$bad")"
  [ "$code" = 200 ] || fail "Range: $bad was answered $code"
done
read -r code _ <<<"$(request "range:bytes=0-9")"
[ "$code" = 206 ] || fail "Range: bytes=0-9 was answered $code"
read -r code _ <<<"$(request "range:bytes=999999999-")"
[ "$code" = 416 ] || fail "a range past the end was answered $code"
[ "$(status "$base/")" = 200 ] || fail "the server does not answer after these requests"
kill -0 "$server_pid" 2>/dev/null || fail "the server stopped"
echo "serve requests: ok"
