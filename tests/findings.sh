#!/bin/sh
# findings.sh: the findings store under load (8 writers and a reviewer at
# once) and under SIGKILL (every acknowledged post survives); see
# tests/findings_stress.c.
set -u
STRESS=${top_builddir:-.}/tests/findings_stress
if [ ! -x "$STRESS" ]; then
	echo "$STRESS is not built: run make check"
	exit 99
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$STRESS" "$tmp"
