# Shared by the tests that allow a sanitizer build more (sourced, not run):
# sanitizer_build PROGRAM succeeds when PROGRAM links AddressSanitizer (libasan). ldd's list
# is read whole before grep looks at it: `ldd | grep -q` under pipefail fails when grep
# leaves before ldd's last line (ldd then dies of SIGPIPE).
sanitizer_build() {
  local libs
  libs=$(ldd "$1" 2>/dev/null || true)
  grep -q libasan <<<"$libs"
}
