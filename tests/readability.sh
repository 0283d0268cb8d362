#!/bin/sh
# readability.sh: the headlines of lantern's analyses, as a 14-year-old
# reads them. Runs one analysis of each kind on the bundled datasets,
# collects the headlines, and checks that
#   - none claims "no effect" / "no difference" (the data cannot tell), and
#   - their Flesch-Kincaid grade, measured by GNU style (Debian package
#     diction), is 9 or below.
# Skips (77) when style is not installed.
set -u
LANTERN=${LANTERN:-${top_builddir:-.}/src/lantern}
if ! command -v style >/dev/null 2>&1; then
	echo "GNU style is not installed (apt-get install diction): skipped"
	exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
LANTERN_HOME=$tmp/home
export LANTERN_HOME
npass=0
nfail=0
ok() { npass=$((npass + 1)); echo "ok - $1"; }
bad() { nfail=$((nfail + 1)); echo "not ok - $1"; }

# One analysis of each kind, on the datasets a learner meets first.
while IFS='|' read -r ds cmd; do
	"$LANTERN" -q -d "$ds" -f json -c "$cmd" >"$tmp/out.json" 2>"$tmp/err" ||
		{ bad "$ds: $cmd failed: $(cat "$tmp/err")"; continue; }
	sed -n 's/^  "headline": "\(.*\)",$/\1/p' "$tmp/out.json" | sed 's/\\"/"/g' >>"$tmp/headlines"
done <<'LIST'
cohort|describe bmi
cohort|describe bmi by region
cohort|describe smoking
cohort|describe first_admission
cohort|compare sbp by sex
cohort|compare bmi by smoking
cohort|compare cholesterol by region
cohort|correlate bmi with sbp
cohort|correlate alcohol with cholesterol
cohort|regress sbp on age bmi sex
cohort|regress heart_attack on smoking age sex
cohort|regress steps on ethnicity
cohort-counts|regress heart_attack on sex
nightingale|correlate disease with army_size
gapminder|correlate fertility with life_expect
anscombe|correlate X with Y
cohort|freq smoking
cohort|crosstab smoking by heart_attack
cohort|crosstab diabetes by stroke
cohort|crosstab sex by region
nightingale|rate disease per army_size per 1000 --yearly 12
nightingale|rate disease per army_size by month per 1000 --yearly 12
cohort|plot hist bmi
cohort|plot box sbp by smoking
nightingale|plot line disease over month
LIST

n=$(wc -l <"$tmp/headlines")
[ "$n" -ge 25 ] && ok "$n headlines collected" || bad "only $n headlines collected"
if grep -inE 'no (effect|difference|link|association)' "$tmp/headlines"; then
	bad "a headline claims there is no effect"
else
	ok "no headline claims there is no effect"
fi
grade=$(style "$tmp/headlines" | sed -n 's/^ *Kincaid: *//p')
echo "Flesch-Kincaid grade of all headlines: $grade"
if awk -v g="$grade" 'BEGIN { exit !(g != "" && g <= 9) }'; then
	ok "headlines read at grade 9 or below ($grade)"
else
	bad "headlines read above grade 9 ($grade)"
	cat "$tmp/headlines"
fi
echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
