# tmuxlib.sh: sourced by the terminal tests (shell.sh, tui.sh). It sets up
# a private tmux server whose socket is in a temporary directory (killed on
# exit), a clean HOME and XDG directories, and gives the tests their verbs:
# screen (the pane as text), check, wait_for / wait_gone / wait_last
# (polling up to $SHELL_TEST_TIMEOUT seconds in 0.1 s steps instead of
# sleeping for fixed times), type_text and press. Sanitizer reports go to
# files under $tmp; sanitizer_check fails the test on any.
#
# The sourcing script sets $name first (for messages).

here=$(cd "$(dirname "$0")" && pwd)
: "${top_srcdir:=$(dirname "$here")}"
: "${top_builddir:=$top_srcdir}"
: "${LANTERN:=$top_builddir/src/lantern}"
: "${LANTERN_DATASETS:=$top_srcdir/datasets}"
: "${SHELL_TEST_TIMEOUT:=10}"

if ! command -v tmux >/dev/null 2>&1; then
	echo "$name: tmux is not installed; skipping the terminal tests"
	exit 77
fi
case $LANTERN in
/*) ;;
*) LANTERN=$(pwd)/$LANTERN ;;
esac
case $LANTERN_DATASETS in
/*) ;;
*) LANTERN_DATASETS=$(pwd)/$LANTERN_DATASETS ;;
esac
if [ ! -x "$LANTERN" ]; then
	echo "$name: $LANTERN is not built; run make first"
	echo "0 passed, 1 failed"
	exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lantern-$name.XXXXXX") || exit 1
sock=$tmp/tmux.sock
cleanup()
{
	tmux -S "$sock" kill-server >/dev/null 2>&1
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

mkdir -p "$tmp/home" "$tmp/state" "$tmp/config" "$tmp/data" "$tmp/catalog"
unset TMUX TMUX_PANE COLUMNS LINES INPUTRC LANTERN_FINDINGS
# no deployment configuration of the machine (profile, shared findings store)
LANTERN_CONFIG=$tmp/config/lantern.conf
export LANTERN_CONFIG
HOME=$tmp/home
XDG_STATE_HOME=$tmp/state
XDG_CONFIG_HOME=$tmp/config
XDG_DATA_HOME=$tmp/data
LANTERN_HOME=$tmp/catalog
TERM=xterm-256color
LANG=C.UTF-8
LC_ALL=C.UTF-8
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}log_path=$tmp/asan"
UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}log_path=$tmp/ubsan"
export HOME XDG_STATE_HOME XDG_CONFIG_HOME XDG_DATA_HOME LANTERN_HOME TERM \
    LANG LC_ALL LANTERN LANTERN_DATASETS ASAN_OPTIONS UBSAN_OPTIONS
history=$XDG_STATE_HOME/lantern/history

npass=0
nfail=0
version=$("$LANTERN" --version | head -n 1)

# End the session lt. The server leaves with its last session; wait until
# it has gone, so that the next new-session starts a server of its own
# instead of racing the old one's exit ("server exited unexpectedly" on a
# loaded machine).
kill_lt()
{
	tmux -S "$sock" kill-session -t lt >/dev/null 2>&1
	i=0
	while tmux -S "$sock" has-session >/dev/null 2>&1 && [ $i -lt 100 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	sleep 0.2
}

# The pane's text, without the blank lines below the last written one.
screen()
{
	tmux -S "$sock" capture-pane -p -t lt 2>/dev/null |
	    sed 's/[[:space:]]*$//' |
	    awk 'NF { last = NR } { l[NR] = $0 }
		END { for (i = 1; i <= last; i++) print l[i] }'
}

# The last non-blank line of the pane: where the cursor's prompt is.
lastline()
{
	screen | tail -n 1
}

# Record one check: $1 is 0 for success, $2 says what was checked.
check()
{
	if [ "$1" -eq 0 ]; then
		npass=$((npass + 1))
		echo "ok - $2"
	else
		nfail=$((nfail + 1))
		echo "not ok - $2"
		echo "  the screen was:"
		screen | sed 's/^/  | /'
	fi
}

# Wait until the fixed string $1 is somewhere on the screen.
wait_for()
{
	i=0
	limit=$((SHELL_TEST_TIMEOUT * 10))
	while [ $i -lt $limit ]; do
		if screen | grep -qF -- "$1"; then
			return 0
		fi
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# Wait until the last non-blank line of the screen is exactly $1.
wait_last()
{
	i=0
	limit=$((SHELL_TEST_TIMEOUT * 10))
	while [ $i -lt $limit ]; do
		if [ "$(lastline)" = "$1" ]; then
			return 0
		fi
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# Type text literally, or press keys by name.
type_text()
{
	tmux -S "$sock" send-keys -t lt -l -- "$1"
}
press()
{
	tmux -S "$sock" send-keys -t lt "$@"
}


# Wait until the fixed string $1 is nowhere on the screen.
wait_gone()
{
	i=0
	limit=$((SHELL_TEST_TIMEOUT * 10))
	while [ $i -lt $limit ]; do
		if ! screen | grep -qF -- "$1"; then
			return 0
		fi
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# Fail on any sanitizer report, showing it.
sanitizer_check()
{
	reports=$(ls "$tmp"/asan.* "$tmp"/ubsan.* 2>/dev/null)
	if [ -n "$reports" ]; then
		for f in $reports; do
			sed 's/^/  /' "$f"
		done
	fi
	[ -z "$reports" ]
	check $? "no sanitizer reports"
}
