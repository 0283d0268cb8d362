#!/bin/sh
# shell.sh: drives "lantern shell" in a real terminal (a private tmux
# server whose socket is in the test's temporary directory, killed on exit)
# the way a person would: the banner and prompt, Tab completion of
# commands, columns and datasets, a command's output, an error with its
# caret, Ctrl-C at the prompt, Ctrl-D to leave, and the history file with
# Up-arrow recall in a new shell.
#
# It reads the screen with "tmux capture-pane -p" and polls for the text it
# expects (up to $SHELL_TEST_TIMEOUT seconds, default 10, in 0.1 s steps)
# instead of sleeping for fixed times.  Sanitizer reports are written to
# files (log_path) and any report fails the test.
#
# Environment: LANTERN (default $top_builddir/src/lantern), LANTERN_DATASETS
# (default $top_srcdir/datasets).  Exit 77 (skipped) when tmux is missing.
# The last line printed is "N passed, M failed".

here=$(cd "$(dirname "$0")" && pwd)
: "${top_srcdir:=$(dirname "$here")}"
: "${top_builddir:=$top_srcdir}"
: "${LANTERN:=$top_builddir/src/lantern}"
: "${LANTERN_DATASETS:=$top_srcdir/datasets}"
: "${SHELL_TEST_TIMEOUT:=10}"

if ! command -v tmux >/dev/null 2>&1; then
	echo "shell.sh: tmux is not installed; skipping the terminal tests"
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
	echo "shell.sh: $LANTERN is not built; run make first"
	echo "0 passed, 1 failed"
	exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lantern-shell.XXXXXX") || exit 1
sock=$tmp/tmux.sock
cleanup()
{
	tmux -S "$sock" kill-server >/dev/null 2>&1
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

mkdir -p "$tmp/home" "$tmp/state" "$tmp/config" "$tmp/data" "$tmp/catalog"
unset TMUX TMUX_PANE COLUMNS LINES INPUTRC
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

# Clear the pane and its scrollback, so old text cannot satisfy a wait.
clear_screen()
{
	tmux -S "$sock" clear-history -t lt
	press C-l
	wait_last "cohort>"
}

# Start "lantern shell cohort" in a new session called lt; when lantern
# ends, the pane says how, and stays.
start_shell()
{
	tmux -S "$sock" -f /dev/null new-session -d -s lt -x 100 -y 30 \
	    "\"\$LANTERN\" shell cohort; echo \"[lantern exited with status \$?]\"; exec sleep 600"
}

# ---------------------------------------------------------------- first shell
start_shell
wait_last "cohort>"
check $? "the prompt \"cohort> \" appears"
screen | grep -qF -- "$version: explore health data safely."
check $? "the banner names \"$version\""
screen | grep -qF 'Type "help" for the commands'
check $? "the banner says how to get help"
screen | grep -qF 'Opened cohort: Synthetic cohort of 20,000 adults in England'
check $? "the dataset named on the command line is opened"

# Tab completes a column name.
clear_screen
type_text "describe bm"
press Tab
wait_last "cohort> describe bmi"
check $? "\"describe bm\" + Tab completes to \"describe bmi\""

# Enter runs it; its output appears, then a new prompt.
press Enter
wait_for "Interquartile range"
check $? "describe bmi prints its summary"
wait_last "cohort>"
check $? "a new prompt follows the output"
screen | grep -qE '^Mean +27\.46 kg/m2$'
check $? "the summary shows the mean 27.46 kg/m2"

# Tab completes a command name.
clear_screen
type_text "desc"
press Tab
wait_last "cohort> describe"
check $? "\"desc\" + Tab completes the command to \"describe\""
press C-u
wait_last "cohort>"
check $? "Ctrl-U clears the line"

# Tab completes a dataset name after "open"; a second Tab lists the choices.
type_text "open coh"
press Tab
wait_last "cohort> open cohort"
check $? "\"open coh\" + Tab completes to \"open cohort\""
press Tab Tab
wait_for "cohort-counts"
check $? "two more Tabs list cohort and cohort-counts"
press C-u
wait_last "cohort>"

# An error shows the message and a caret under the mistake.
clear_screen
type_text "describe bmj"
press Enter
wait_for 'cohort has no column "bmj" (did you mean "bmi"?)'
check $? "an unknown column gives \"did you mean\""
wait_last "cohort>"
screen | grep -qxF '  describe bmj'
check $? "the error repeats the command"
screen | grep -qxF '           ^'
check $? "the caret is under \"bmj\""

# Ctrl-C at the prompt keeps the shell alive and abandons the line.
clear_screen
type_text "this line is abandoned"
press C-c
t=$SHELL_TEST_TIMEOUT
SHELL_TEST_TIMEOUT=2
wait_last "cohort>"
rc=$?
SHELL_TEST_TIMEOUT=$t
check $rc "Ctrl-C gives a fresh, empty prompt"
press C-u
type_text "show 1 2"
press Enter
wait_for "Rows 1-2 of 20,000"
check $? "the shell is still alive and runs commands after Ctrl-C"
wait_last "cohort>"

# Ctrl-D leaves with status 0.
press C-d
wait_for "[lantern exited with status 0]"
check $? "Ctrl-D leaves the shell with status 0"

# The history file holds the commands, not the abandoned line.
if [ -f "$history" ]; then
	ok=0
	for c in "describe bmi" "describe bmj" "show 1 2"; do
		sed 's/[[:space:]]*$//' "$history" | grep -qxF -- "$c" || ok=1
	done
	check $ok "the history file has describe bmi, describe bmj and show 1 2"
	! grep -qF "abandoned" "$history"
	check $? "the line abandoned with Ctrl-C is not in the history"
else
	check 1 "the history file $history exists"
fi
tmux -S "$sock" kill-session -t lt >/dev/null 2>&1

# ---------------------------------------------------------------- second shell
start_shell
wait_last "cohort>"
check $? "a second shell starts"
clear_screen
press Up
wait_last "cohort> show 1 2"
check $? "Up recalls the last command of the first shell"
press Up
wait_last "cohort> describe bmj"
check $? "Up again recalls the one before"
press Down
wait_last "cohort> show 1 2"
press Enter
wait_for "Rows 1-2 of 20,000"
check $? "the recalled command runs"
wait_last "cohort>"
type_text "quit"
press Enter
wait_for "[lantern exited with status 0]"
check $? "quit leaves the shell with status 0"

# ---------------------------------------------------------------- sanitizers
reports=$(ls "$tmp"/asan.* "$tmp"/ubsan.* 2>/dev/null)
if [ -n "$reports" ]; then
	for f in $reports; do
		sed 's/^/  /' "$f"
	done
fi
[ -z "$reports" ]
check $? "no sanitizer reports"

echo "$npass passed, $nfail failed"
[ $nfail -eq 0 ]
