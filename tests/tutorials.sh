#!/bin/sh
# tutorials.sh: every bundled tutorial is a test. For each tutorials/*.yaml
# it runs "lantern tutorial check FILE" (the file is valid) and "lantern
# tutorial replay FILE" (every "show me" is run and every question is
# answered with its right answer, and every step must pass), each with a
# fresh LANTERN_HOME, so the catalog, the progress and the findings store
# start empty. Then it checks that replay really checks: a copy whose
# check does not match its "show" must fail, and a copy with a misspelt
# key must fail "check" with its line number.
#
# Replay answers each question with the answer written in the file, so it
# cannot notice when lantern's numbers change. So the number questions
# are checked here too: all of a tutorial's "show" commands are run in
# order in one session (as replay does), and each "number: N" with its
# "tolerance: T" must match a number lantern printed (commas ignored).
# This reads the simple layout the bundled tutorials use ("show: CMD" or
# "show:" and a list of "- CMD" lines, each on one line).
#
# It also checks the words: reading grade 9 or below (GNU style), and no
# hint that is the very command of its step's "show me".
#
# It prints the time the full replay of all tutorials took (the issue asks
# for it). Environment: LANTERN (default $top_builddir/src/lantern),
# LANTERN_DATASETS (default $top_srcdir/datasets). The last line printed
# is "N passed, M failed".
set -u
LANTERN=${LANTERN:-${top_builddir:-.}/src/lantern}
LANTERN_DATASETS=${LANTERN_DATASETS:-${top_srcdir:-.}/datasets}
src=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
LANTERN_TUTORIALS=${LANTERN_TUTORIALS:-$src/tutorials}
export LANTERN_DATASETS LANTERN_TUTORIALS
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# No site rules, no shared findings store: only what the tutorial makes.
: >"$tmp/lantern.conf"
LANTERN_CONFIG=$tmp/lantern.conf
export LANTERN_CONFIG
unset LANTERN_FINDINGS
npass=0
nfail=0
ok() { npass=$((npass + 1)); echo "ok - $1"; }
bad() { nfail=$((nfail + 1)); echo "not ok - $1"; }
# now: the time in milliseconds
now() { echo $(($(date +%s%N) / 1000000)); }
# fresh: a new, empty home for one run
fresh() { n=$((n + 1)); LANTERN_HOME=$tmp/home$n; export LANTERN_HOME; }
n=0

# prose FILE: the words a learner reads (steps, hints, choices, praise),
# one paragraph each, for GNU style
prose() {
	awk '
	# prose: the words a learner reads, one paragraph per step part
	function flush() { if (buf != "") { if (buf !~ /[.?!]$/) buf = buf "."; print buf; print ""; } buf = "" }
	function add(t) { gsub(/^["\047]|["\047]$/, "", t); buf = buf == "" ? t : buf " " t }
	/^#/ || /^ *$/ { next }
	/^  - (say|do|ask|finish): *>-? *$/ { flush(); mode = "text"; next }
	/^  - (say|do|ask|finish): / { flush(); sub(/^  - [a-z]+: */, ""); add($0); mode = "text"; next }
	/^    (praise): / { flush(); sub(/^    [a-z]+: */, ""); add($0); mode = "text"; next }
	/^    (hints|choices): *$/ { flush(); mode = "list"; next }
	/^    [a-z]+:/ { flush(); mode = ""; next }
	mode == "list" && /^      - / { flush(); sub(/^      - */, ""); add($0); next }
	mode == "list" && /^        / { sub(/^ */, ""); add($0); next }
	mode == "text" && /^      / { sub(/^ */, ""); add($0); next }
	{ flush(); mode = "" }
	END { flush() }
	' "$1"
}
# giveaways FILE: hints that hold the very command their step's "show" runs
giveaways() {
	awk '
	/^  - / { step() }
	/^    [a-z]+:/ { inh = /^    hints:/; insh = /^    show: *$/ }
	/^    show: ./ { c = $0; sub(/^    show: */, "", c); gsub(/^\047|\047$/, "", c); shows[++ns] = c }
	insh && /^      - / { c = $0; sub(/^      - */, "", c); shows[++ns] = c }
	inh && /^      - / { h = $0; sub(/^      - */, "", h); hints[++nh] = h }
	inh && /^        / { h = $0; sub(/^ */, "", h); hints[nh] = hints[nh] " " h }
	function step(  i, j) {
		for (i = 1; i <= nh; i++)
			for (j = 1; j <= ns; j++)
				if (index(hints[i], shows[j]) > 0)
					print FILENAME ": a hint gives the answer: " hints[i]
		nh = ns = 0; inh = insh = 0
	}
	END { step() }
	' "$1"
}
# shows FILE: the commands of every "show", one per line, in order
shows() {
	awk '
	/^    [a-z]+:/ { inshow = 0 }
	/^    show: *$/ { inshow = 1; next }
	/^    show: / { sub(/^    show: */, ""); unq(); print; next }
	inshow && /^      - / { sub(/^      - */, ""); unq(); print; next }
	function unq() { if ($0 ~ /^\047.*\047$/) $0 = substr($0, 2, length($0) - 2) }
	' "$1"
}
# numbers FILE: "N T" for every number question (tolerance 0 when none)
numbers() {
	awk '
	/^  - / { if (num != "") print num, tol; num = ""; tol = 0 }
	/^    number: / { num = $2 }
	/^    tolerance: / { tol = $2 }
	END { if (num != "") print num, tol }
	' "$1"
}
for f in "$LANTERN_TUTORIALS"/*.yaml; do
	[ -f "$f" ] || continue
	name=$(basename "$f" .yaml)
	fresh
	shows "$f" | "$LANTERN" -q -k run - >"$tmp/out" 2>&1
	# every number lantern printed, one per line, commas dropped
	sed 's/\([0-9]\),\([0-9]\)/\1\2/g' "$tmp/out" | tr -c '0-9.\n-' ' ' |
	    tr ' ' '\n' | grep -E '^-?[0-9]+(\.[0-9]+)?$' >"$tmp/nums"
	numbers "$f" >"$tmp/asks"
	shown=0
	while read -r want tol; do
		if awk -v w="$want" -v t="$tol" '
		    { d = $1 - w; if (d < 0) d = -d; if (d <= t + 1e-9) found = 1 }
		    END { exit !found }' "$tmp/nums"; then
			ok "$name: lantern prints $want (within $tol), the answer of a question"
		else
			bad "$name: lantern no longer prints $want (within $tol), the answer of a question"
			shown=1
		fi
	done <"$tmp/asks"
	if [ "$shown" -eq 1 ]; then
		echo "    what the \"show\" commands of $name printed:"
		sed 's/^/    | /' "$tmp/out"
	fi
done

if ! "$LANTERN" -q -c 'help tutorial' >"$tmp/out" 2>&1; then
	bad "lantern has no \"tutorial\" command: $(cat "$tmp/out")"
	echo "$npass passed, $nfail failed"
	exit 1
fi

total=0
count=0
for f in "$LANTERN_TUTORIALS"/*.yaml; do
	[ -f "$f" ] || continue
	name=$(basename "$f" .yaml)
	count=$((count + 1))
	fresh
	if "$LANTERN" -q tutorial check "$f" >"$tmp/out" 2>&1; then
		ok "$name: tutorial check finds no problem"
	else
		bad "$name: tutorial check found problems:"
		sed 's/^/    /' "$tmp/out"
	fi
	fresh
	t0=$(now)
	"$LANTERN" -q tutorial replay "$f" >"$tmp/out" 2>&1
	rc=$?
	t1=$(now)
	total=$((total + t1 - t0))
	if [ "$rc" -eq 0 ]; then
		ok "$name: every step passes when replayed ($((t1 - t0)) ms)"
	else
		bad "$name: replay failed (status $rc):"
		sed 's/^/    /' "$tmp/out"
	fi
done
[ "$count" -ge 7 ] && ok "$count tutorials found" || bad "only $count tutorials found in $LANTERN_TUTORIALS"
printf 'The full replay of %d tutorials took %d.%03d s.\n' "$count" \
    $((total / 1000)) $((total % 1000))

# Replay must fail when a tutorial is wrong, or it tests nothing.
orig=$LANTERN_TUTORIALS/02-averages.yaml
if [ -f "$orig" ]; then
	sed 's/^      - ran: describe sbp$/      - ran: describe age/' "$orig" >"$tmp/wrong-check.yaml"
	if cmp -s "$orig" "$tmp/wrong-check.yaml"; then
		bad "could not make a copy with a wrong check (02-averages.yaml changed?)"
	else
		fresh
		"$LANTERN" -q tutorial replay "$tmp/wrong-check.yaml" >"$tmp/out" 2>&1 &&
		    bad "replay passes a step whose check does not match what it showed" ||
		    ok "replay fails a step whose check does not match what it showed"
	fi
	# a misspelt key on a known line
	line=$(grep -n '^    hints:' "$orig" | head -n 1 | cut -d: -f1)
	sed "${line}s/hints:/hint:/" "$orig" >"$tmp/typo.yaml"
	fresh
	if "$LANTERN" -q tutorial check "$tmp/typo.yaml" >"$tmp/out" 2>&1; then
		bad "tutorial check accepts a misspelt key (\"hint\" on line $line)"
	elif grep -q "typo.yaml:$line:" "$tmp/out"; then
		ok "tutorial check reports a misspelt key with its line ($line)"
	else
		bad "tutorial check does not give line $line for a misspelt key:"
		sed 's/^/    /' "$tmp/out"
	fi
else
	bad "02-averages.yaml is missing"
fi

# The words are for 14- to 18-year-olds: grade 9 or below (GNU style, from
# the Debian package diction; skipped when it is missing), and no hint may
# hold the command its "show me" runs (hints help, "show me" solves).
for f in "$LANTERN_TUTORIALS"/*.yaml; do
	[ -f "$f" ] || continue
	name=$(basename "$f" .yaml)
	giveaways "$f" >"$tmp/give"
	if [ -s "$tmp/give" ]; then
		bad "$name: a hint gives the answer away:"
		sed 's/^/    /' "$tmp/give"
	else
		ok "$name: no hint is the answer"
	fi
	command -v style >/dev/null 2>&1 || continue
	prose "$f" >"$tmp/prose"
	grade=$(style "$tmp/prose" | sed -n 's/^ *Kincaid: *//p')
	if awk -v g="$grade" 'BEGIN { exit !(g != "" && g <= 9) }'; then
		ok "$name: reads at grade $grade (9 or below)"
	else
		bad "$name: reads at grade $grade, above 9"
	fi
done
command -v style >/dev/null 2>&1 ||
    echo "ok - the reading grade was not measured: GNU style is not installed # SKIP"

echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
