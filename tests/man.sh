#!/bin/sh
# The manual pages: both must be clean under mandoc's linter (or groff's
# warnings when mandoc is missing), and the generated lantern.1 must name
# every command and every long option that "lantern --help" lists.
# Exit 77 (skipped) when neither mandoc nor groff is installed.
set -u
srcdir=${top_srcdir:-.}
builddir=${top_builddir:-.}
lantern=${LANTERN:-$builddir/src/lantern}
page1=$builddir/man/lantern.1
page5=$srcdir/man/lantern-datapackage.5
pass=0
fail=0

ok() {
	pass=$((pass + 1))
}

bad() {
	echo "FAIL: $*"
	fail=$((fail + 1))
}

if command -v mandoc >/dev/null 2>&1; then
	linter=mandoc
elif command -v groff >/dev/null 2>&1; then
	linter=groff
else
	echo "neither mandoc nor groff is installed: skipped"
	exit 77
fi

# Lint one page; any warning or error fails it.
lint() {
	if [ ! -r "$1" ]; then
		bad "$1 is missing (run make first)"
		return
	fi
	if [ "$linter" = mandoc ]; then
		out=$(mandoc -T lint -W warning "$1" 2>&1)
	else
		out=$(groff -man -ww -z "$1" 2>&1)
	fi
	if [ -n "$out" ]; then
		bad "$linter finds problems in $1:"
		echo "$out"
	else
		ok
	fi
}

lint "$page1"
lint "$page5"
lint "$srcdir/man/lantern-tutorial.5"
[ -r "$page1" ] || { echo "$pass passed, $fail failed"; exit 1; }

help=$("$lantern" --help) || bad "lantern --help failed"

# The page with roff escapes and font changes taken out, for searching.
plain=$(sed -e 's/\\f[BIRP]//g' -e 's/\\-/-/g' -e 's/\\&//g' "$page1")

# Every command under "Commands:" in --help has a .TP entry in COMMANDS.
commands=$(printf '%s\n' "$help" |
    sed -n '/^Commands:/,/^$/p' | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p')
[ -n "$commands" ] || bad "lantern --help lists no commands"
for c in $commands; do
	if printf '%s\n' "$plain" | grep -qE "^\.B $c( |\$)"; then
		ok
	else
		bad "the manual does not document the command \"$c\""
	fi
done

# Every long option in --help appears in OPTIONS.
options=$(printf '%s\n' "$help" | sed -n '/^Options:/,/^$/p' |
    grep -o -- '--[a-z][a-z-]*' | sort -u)
[ -n "$options" ] || bad "lantern --help lists no options"
for o in $options; do
	if printf '%s\n' "$plain" | sed -n '/^\.SH OPTIONS/,/^\.SH /p' |
	    grep -qE -e "$o([^a-z-]|\$)"; then
		ok
	else
		bad "the manual does not document the option $o"
	fi
done

# Every key an analysis writes to JSON is documented under ANALYSES.
tmpd=$(mktemp -d)
analyses=$(printf '%s\n' "$plain" | sed -n '/^\.SH ANALYSES/,/^\.SH /p')
for cmd in "describe bmi" "describe bmi age by sex" "compare sbp by sex" \
    "compare bmi by region" "correlate bmi with sbp" "regress sbp on age sex" \
    "regress heart_attack on smoking age" "freq smoking" \
    "crosstab smoking by heart_attack" "crosstab sex by region" \
    "rate heart_attack per age by sex per 1000"; do
	LANTERN_HOME=$tmpd "$LANTERN" -q -d cohort -f json -c "$cmd" >"$tmpd/out" 2>&1 ||
	    { bad "\"$cmd\" failed: $(head -1 "$tmpd/out")"; continue; }
	# A crosstab's table columns are the values of the data: check its keys only.
	case $cmd in
	crosstab*) names='' ;;
	*) names='s/^          "name": "\(.*\)",$/\1/p' ;;
	esac
	for k in $(sed -n "s/^      \"key\": \"\(.*\)\",\$/\1/p; $names" "$tmpd/out"); do
		if printf '%s\n' "$analyses" | grep -qE "(^|[[ ,(])$k([] ,)]|\$)"; then
			ok
		else
			bad "ANALYSES does not document \"$k\" (from $cmd)"
		fi
	done
done
rm -rf "$tmpd"

# The build filled in the placeholders.
if grep -q '@[A-Za-z][A-Za-z]*@' "$page1"; then
	bad "$page1 still holds a placeholder: $(grep -o '@[A-Za-z][A-Za-z]*@' "$page1" | head -1)"
else
	ok
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
