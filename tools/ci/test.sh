#!/usr/bin/env bash
# Runs every test of PerfusionGuard: installs what the tests need when it is missing (the mosquitto
# broker and clients from Debian's packages, for the MQTT integration tests), then `dotnet test` over
# nf.proj.sln, and ends with one line "N passed, N failed" read from the TRX results.
set -euo pipefail
cd "$(dirname "$0")/../.."

need_install=()
command -v mosquitto >/dev/null 2>&1 || [ -x /usr/sbin/mosquitto ] || need_install+=(mosquitto)
command -v mosquitto_sub >/dev/null 2>&1 || need_install+=(mosquitto-clients)
command -v openssl >/dev/null 2>&1 || need_install+=(openssl)
command -v socat >/dev/null 2>&1 || need_install+=(socat)
command -v picocom >/dev/null 2>&1 || need_install+=(picocom)
if [ ${#need_install[@]} -gt 0 ]; then
  echo "Installing test dependencies: ${need_install[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_install[@]}" >/dev/null
fi
# Debian's mosquitto package starts a system broker on port 1883; the tests start their own on free
# ports and never use it.

results="${PG_TEST_RESULTS:-$PWD/out/test-results}"
rm -rf "$results"
mkdir -p "$results"

set +e
dotnet test nf.proj.sln --nologo -v quiet --logger "trx" --logger "console;verbosity=minimal" \
  --results-directory "$results" "$@"
status=$?
set -e

passed=0; failed=0; skipped=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  x=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0}))
  skipped=$((skipped + ${t:-0} - ${x:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build or a test host failed before any test could report: count that as a failure.
  failed=1
fi
# Skipped tests are reported on their own line: CI recognises only "N passed, N failed" as the last line.
echo "$skipped skipped"
echo "$passed passed, $failed failed"
exit "$status"
