#!/usr/bin/env bash
# Regenerates the explicit <Compile Include> lists of the nanoFramework projects from the folders.
# Classic .nfproj projects have no globbing, so a portable .cs file added to the core must be listed
# here too; NanoProjectSyncTests fails when a list is stale and points back to this script.
#
#   firmware/PerfusionGuard.Core.Nano/PerfusionGuard.Core.Nano.nfproj  every .cs under firmware/PerfusionGuard.Core (linked)
#   firmware/PerfusionGuard.Device/PerfusionGuard.Device.nfproj    every .cs under firmware/PerfusionGuard.Device
#   tests/NFUnitTest/NFUnitTest.nfproj                             every .cs under tests/NFUnitTest
#
# Only the lines between "<!-- BEGIN generated Compile" and "<!-- END generated Compile -->" change.
# Usage: bash tools/nano/sync-nfproj.sh [--check]   (--check: change nothing, exit 1 when stale)
set -euo pipefail
cd "$(dirname "$0")/../.."
check=0
[ "${1:-}" = "--check" ] && check=1

# list_sources <source dir> <dir the .nfproj is in> <link: yes|no>
list_sources() {
  local src="$1" projdir="$2" link="$3" rel
  rel=$(realpath --relative-to="$projdir" "$src")
  (cd "$src" && find . -name '*.cs' -not -path '*/bin/*' -not -path '*/obj/*' -not -path './.artifacts/*' | sed 's|^\./||' | LC_ALL=C sort) |
  while IFS= read -r file; do
    local winfile="${file//\//\\}"
    if [ "$link" = yes ]; then
      local winrel="${rel//\//\\}"
      printf '    <Compile Include="%s\\%s">\n      <Link>%s</Link>\n    </Compile>\n' "$winrel" "$winfile" "$winfile"
    else
      printf '    <Compile Include="%s" />\n' "$winfile"
    fi
  done
}

# sync <project file> <source dir> <link>
sync() {
  local proj="$1" src="$2" link="$3" generated tmp
  generated=$(list_sources "$src" "$(dirname "$proj")" "$link")
  tmp=$(mktemp)
  # ENVIRON, not -v: awk -v would interpret the backslashes of Windows paths as escapes.
  GENERATED="$generated" awk '
    /<!-- BEGIN generated Compile/ { print; print ENVIRON["GENERATED"]; skipping = 1; next }
    /<!-- END generated Compile -->/ { skipping = 0 }
    !skipping { print }
  ' "$proj" > "$tmp"
  if cmp -s "$tmp" "$proj"; then
    rm -f "$tmp"
    echo "up to date: $proj"
  elif [ "$check" -eq 1 ]; then
    rm -f "$tmp"
    echo "STALE: $proj (run: bash tools/nano/sync-nfproj.sh)"
    stale=1
  else
    mv "$tmp" "$proj"
    echo "updated:    $proj"
  fi
}

stale=0
sync firmware/PerfusionGuard.Core.Nano/PerfusionGuard.Core.Nano.nfproj firmware/PerfusionGuard.Core yes
sync firmware/PerfusionGuard.Device/PerfusionGuard.Device.nfproj firmware/PerfusionGuard.Device no
sync tests/NFUnitTest/NFUnitTest.nfproj tests/NFUnitTest no
exit "$stale"
