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

name=shell
. "$(cd "$(dirname "$0")" && pwd)/tmuxlib.sh"

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
	tmux -S "$sock" -f /dev/null new-session -d -s lt -x 100 -y 50 \
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
screen | grep -qE '^Mean +27\.5 kg/m2$'
check $? "the summary shows the mean 27.5 kg/m2 (3 significant figures, as the profile says)"

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
kill_lt

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

# post shows what will be shared and asks first (the store is beside the catalog).
clear_screen
type_text "freq smoking"
press Enter
wait_last "cohort>"
type_text 'post "Smoking" "Most people never smoked."'
press Enter
wait_for "Post this for researchers to see? Type y to post it:"
check $? "post asks before sharing"
# the preview is longer than the pane: read the scrollback too
tmux -S "$sock" capture-pane -p -S -300 -t lt | grep -qF 'This is exactly what will be shared when you post it'
check $? "post shows exactly what will be shared first"
type_text "n"
press Enter
wait_for "Nothing was posted."
check $? "anything but y posts nothing"
wait_last "cohort>"
type_text 'post "Smoking" "Most people never smoked."'
press Enter
wait_for "Type y to post it:"
type_text "y"
press Enter
wait_for "Posted observation 1."
check $? "y posts it, as observation 1 (the one declined was not stored)"
wait_last "cohort>"
type_text "quit"
press Enter
wait_for "[lantern exited with status 0]"
check $? "quit leaves the shell with status 0"

# ---------------------------------------------------------------- sanitizers
sanitizer_check

echo "$npass passed, $nfail failed"
[ $nfail -eq 0 ]
