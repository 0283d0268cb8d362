#!/bin/sh
# golden.sh: end-to-end "golden transcript" tests of the lantern program,
# in the spirit of jq's tests/jq.test and tmux's regress/.
#
# Each tests/golden/*.t file holds cases.  A case is a command line, the
# standard output it must print, the standard error it must print and the
# exit status it must return:
#
#	# what this case checks (comments and blank lines between cases)
#	$ lantern -c 'open cohort; describe bmj'
#	> a second line of the same command (optional, for multi-line input)
#	<the expected standard output, line by line, exactly>
#	! lantern: cohort has no column "bmj" (did you mean "bmi"?)
#	!   open cohort; describe bmj
#	!                         ^
#	? 1
#
# - The command runs through "sh -c" so quoting, pipes, ";" and "<" work.
#   "lantern" anywhere in it is the program under test ($LANTERN): a link
#   named lantern comes first on PATH.
# - Standard input is /dev/null unless the command redirects it.
# - Every case runs in a fresh directory holding a copy of
#   tests/fixtures/cli (so "import sleep.csv" and "run script.lt" work and
#   files a case writes are gone afterwards), with a fresh, empty
#   LANTERN_HOME, HOME and XDG directories, LC_ALL=C.UTF-8 and no COLUMNS.
# - Lines of standard error start with "!" (then one space, unless the
#   line is empty); "? N" is the exit status and ends the case.
# - A standard output line that starts with ! ? | \ or > is written with
#   an extra "|" in front, which is removed before comparing.
# - "\ stdout has no final newline" (or stderr) after a stream's last line
#   says it does not end with a newline.
# - Machine-dependent text is replaced in the actual output before the
#   comparison: the configured $(pkgdatadir) by "$PKGDATADIR", the case's
#   LANTERN_HOME by "$LANTERN_HOME", its directory
#   by "$PWD", the temporary root by "$TMP" and the program's path by
#   "lantern".
#
# To add a case, write its comment, its "$" line and "? 0", run
# --update, and read what it wrote.
#
# Usage: tests/golden.sh [--update] [FILE.t]...
# With no FILE, runs every tests/golden/*.t.  A failing case prints its file,
# line, comment and command, then a unified diff from the expected transcript
# to the actual one.
#
# After a deliberate change of output, regenerate the expectations with
#	tests/golden.sh --update
# which rewrites the stdout, "!" and "?" parts of every case from what the
# program prints now (comments and commands are kept), then REVIEW THE DIFF
# of tests/golden/ before committing: a golden file only protects what a
# person has read and agreed with.
#
# Environment: LANTERN (the program; default $top_builddir/src/lantern),
# LANTERN_DATASETS (the bundled datasets; default $top_srcdir/datasets),
# LANTERN_PKGDATADIR (the configured $(pkgdatadir), written as $PKGDATADIR;
# "make check" sets it: when running --update by hand, set it too, e.g. to
# /usr/local/share/lantern for a default ./configure),
# top_srcdir and top_builddir (default: the directory above this script).
# The last line printed is "N passed, M failed"; the exit status is 1 when a
# case failed, 0 otherwise.

update=0
if [ "${1:-}" = "--update" ]; then
	update=1
	shift
	# Without it, --help's default folder would be recorded as a real path.
	if [ -z "${LANTERN_PKGDATADIR:-}" ]; then
		echo "golden.sh: set LANTERN_PKGDATADIR to the configured \$(pkgdatadir)" \
		    "(/usr/local/share/lantern by default) before --update" >&2
		exit 2
	fi
fi

here=$(cd "$(dirname "$0")" && pwd)
: "${top_srcdir:=$(dirname "$here")}"
: "${top_builddir:=$top_srcdir}"
: "${LANTERN:=$top_builddir/src/lantern}"
: "${LANTERN_DATASETS:=$top_srcdir/datasets}"
export LANTERN LANTERN_DATASETS

case $LANTERN in
/*) ;;
*) LANTERN=$(pwd)/$LANTERN ;;
esac
if [ ! -x "$LANTERN" ]; then
	echo "golden.sh: $LANTERN is not built; run make first" >&2
	echo "0 passed, 1 failed"
	exit 1
fi

fixtures=$top_srcdir/tests/fixtures/cli
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lantern-golden.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM HUP

mkdir "$tmp/bin"
ln -s "$LANTERN" "$tmp/bin/lantern"

if command -v timeout >/dev/null 2>&1; then
	limit="timeout 120"
else
	limit=
fi

# Encode one captured stream as transcript lines: $1 is the file, $2 the
# prefix ("" for stdout, "!" for stderr).  Paths are replaced first.
encode()
{
	R_HOME=$casehome R_PWD=$casedir R_TMP=$tmp R_PROG=$LANTERN \
	R_PKG=${LANTERN_PKGDATADIR:-} \
	awk -v pfx="$2" '
	function rep(s, from, to,    i, out) {
		if (from == "")
			return s
		out = ""
		while ((i = index(s, from)) > 0) {
			out = out substr(s, 1, i - 1) to
			s = substr(s, i + length(from))
		}
		return out s
	}
	{
		s = rep($0, ENVIRON["R_PROG"], "lantern")
		s = rep(s, ENVIRON["R_HOME"], "$LANTERN_HOME")
		s = rep(s, ENVIRON["R_PKG"], "$PKGDATADIR")
		s = rep(s, ENVIRON["R_PWD"], "$PWD")
		s = rep(s, ENVIRON["R_TMP"], "$TMP")
		if (pfx == "!")
			print (s == "" ? "!" : "! " s)
		else if (s ~ /^[!?|\\>]/)
			print "|" s
		else
			print s
	}' "$1"
	if [ -s "$1" ] && [ "$(tail -c 1 "$1" | wc -l)" -eq 0 ]; then
		if [ "$2" = "!" ]; then
			printf '%s\n' '\ stderr has no final newline'
		else
			printf '%s\n' '\ stdout has no final newline'
		fi
	fi
}

npass=0
nfail=0
ncase=0

# Run the case whose command is in $tmp/cmd and whose expected transcript
# is in $tmp/expected; $1 is the file, $2 the line of its "$".
run_case()
{
	ncase=$((ncase + 1))
	casedir=$tmp/case$ncase
	casehome=$tmp/home$ncase
	mkdir "$casedir" "$casehome" "$casehome/home" "$casehome/state" \
	    "$casehome/config" "$casehome/data"
	if [ -d "$fixtures" ]; then
		cp -R "$fixtures/." "$casedir/"
	fi
	(
		cd "$casedir" || exit 99
		unset COLUMNS LINES LANTERN_FORMAT LC_CTYPE LC_NUMERIC \
		    LC_MESSAGES NO_COLOR
		PATH=$tmp/bin:$PATH
		LANTERN_HOME=$casehome
		HOME=$casehome/home
		XDG_STATE_HOME=$casehome/state
		XDG_CONFIG_HOME=$casehome/config
		XDG_DATA_HOME=$casehome/data
		LANG=C.UTF-8
		LC_ALL=C.UTF-8
		TERM=dumb
		TZ=UTC
		export PATH LANTERN_HOME HOME XDG_STATE_HOME XDG_CONFIG_HOME \
		    XDG_DATA_HOME LANG LC_ALL TERM TZ
		$limit sh -c "$(cat "$tmp/cmd")"
	) <"/dev/null" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	{
		encode "$tmp/out" ""
		encode "$tmp/err" "!"
		echo "? $rc"
	} >"$tmp/actual"
	rm -rf "$casedir" "$casehome"

	if cmp -s "$tmp/expected" "$tmp/actual"; then
		npass=$((npass + 1))
		return
	fi
	if [ $update -eq 1 ]; then
		printf 'updated: %s:%s: %s\n' "$1" "$2" "$(head -n 1 "$tmp/cmd")"
		npass=$((npass + 1))
		return
	fi
	nfail=$((nfail + 1))
	echo "FAIL: $1:$2"
	if [ -s "$tmp/comment" ]; then
		sed 's/^/  /' "$tmp/comment"
	fi
	sed '1s/^/  $ /; 2,$s/^/  > /' "$tmp/cmd"
	diff -u --label expected --label actual "$tmp/expected" "$tmp/actual"
	echo
}

# Run (or, with --update, rewrite) the cases of one .t file.
run_file()
{
	file=$1
	lineno=0
	state=out		# out: between cases; cmd: after "$"; body
	caseline=0
	: >"$tmp/comment"
	: >"$tmp/newfile"
	while IFS= read -r line || [ -n "$line" ]; do
		lineno=$((lineno + 1))
		case $state in
		out)
			case $line in
			'$ '*)
				printf '%s\n' "${line#\$ }" >"$tmp/cmd"
				: >"$tmp/expected"
				caseline=$lineno
				state=cmd
				printf '%s\n' "$line" >>"$tmp/newfile"
				;;
			'#'*)
				printf '%s\n' "$line" >>"$tmp/comment"
				printf '%s\n' "$line" >>"$tmp/newfile"
				;;
			'')
				: >"$tmp/comment"
				echo >>"$tmp/newfile"
				;;
			*)
				echo "$file:$lineno: expected a \"\$ command\" line or a # comment" >&2
				nfail=$((nfail + 1))
				return
				;;
			esac
			continue
			;;
		cmd)
			case $line in
			'> '*|'>')
				printf '%s\n' "${line#>}" | sed 's/^ //' >>"$tmp/cmd"
				printf '%s\n' "$line" >>"$tmp/newfile"
				continue
				;;
			esac
			state=body
			;;
		esac
		# state is body: expected output until "? N".
		case $line in
		'? '*)
			printf '%s\n' "$line" >>"$tmp/expected"
			run_case "$file" "$caseline"
			cat "$tmp/actual" >>"$tmp/newfile"
			: >"$tmp/comment"
			state=out
			;;
		*)
			printf '%s\n' "$line" >>"$tmp/expected"
			;;
		esac
	done <"$file"
	if [ $state != out ]; then
		if [ $update -eq 1 ]; then
			run_case "$file" "$caseline"
			cat "$tmp/actual" >>"$tmp/newfile"
			state=out
		else
			echo "FAIL: $file:$caseline: the case has no \"? STATUS\" line" >&2
			nfail=$((nfail + 1))
		fi
	fi
	if [ $update -eq 1 ] && ! cmp -s "$file" "$tmp/newfile"; then
		cp "$tmp/newfile" "$file"
	fi
}

if [ $# -eq 0 ]; then
	set -- "$top_srcdir"/tests/golden/*.t
fi
for f in "$@"; do
	if [ ! -f "$f" ]; then
		echo "golden.sh: no such file: $f" >&2
		nfail=$((nfail + 1))
		continue
	fi
	run_file "$f"
done

echo "$npass passed, $nfail failed"
[ $nfail -eq 0 ]
