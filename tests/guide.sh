#!/bin/sh
# guide.sh: the guide's wizard in "lantern shell" in a real terminal (a
# private tmux server, see tmuxlib.sh): "guide" alone asks what you want to
# find out and which columns, as numbered lists with labels and units;
# wrong answers are said and asked again; Enter alone gives the 0 answer
# where there is one ("no more: run it") and stops the guide where there is
# not, as each prompt says; q stops it anywhere; "time" offers only columns
# that say when, and after a date of everyone's own offers the count; the answers
# make a "guide ..." command that is printed, run and kept in the history;
# and "post" after it posts a result whose recipe replays it.
#
# Environment: LANTERN, LANTERN_DATASETS (as tmuxlib.sh). Exit 77 (skipped)
# when tmux is missing. The last line printed is "N passed, M failed".

name=guide
. "$(cd "$(dirname "$0")" && pwd)/tmuxlib.sh"

LANTERN_FINDINGS=$tmp/findings.db
export LANTERN_FINDINGS

clear_screen()
{
	tmux -S "$sock" clear-history -t lt
	press C-l
	wait_last "cohort>"
}

# The number the wizard shows for the answer that contains $1.
number_of()
{
	screen | grep -F -- "$1" | tail -n 1 | awk '{ print $1 }'
}

tmux -S "$sock" -f /dev/null new-session -d -s lt -x 100 -y 200 \
    "\"\$LANTERN\" shell cohort; echo \"[lantern exited with status \$?]\"; exec sleep 600"
wait_last "cohort>"
check $? "the shell starts on cohort"

# ---------------------------------------------------------------- compare
clear_screen
type_text "guide"
press Enter
wait_for "What do you want to find out?"
check $? "\"guide\" alone asks what you want to find out"
screen | grep -qF "Compare groups"
check $? "the goals are listed"
type_text "9"
press Enter
wait_for "Pick a number from 1 to 5."
check $? "a number that is not listed is refused, and the question asked again"
type_text "2"
press Enter
wait_for "What do you want to compare between the groups?"
check $? "compare asks what to compare"
screen | grep -qF "sbp - Systolic blood pressure (mmHg)"
check $? "columns are listed with their labels and units"
type_text "$(number_of 'sbp - Systolic')"
press Enter
wait_for "Which column makes the groups?"
check $? "then the groups"
type_text "$(number_of 'sex - Sex')"
press Enter
wait_for "Running: guide compare sbp by sex"
check $? "the command the answers make is printed"
wait_for "The guide chose \"compare sbp by sex\""
check $? "and run, with a headline saying what was chosen"
wait_for "Why the guide chose this"
check $? "its reasons are in the method notes"
wait_last "cohort>"

# ---------------------------------------------------------------- post
type_text 'post "Blood pressure" "Men have higher blood pressure than women."'
press Enter
wait_for "Type y to post it:"
type_text "y"
press Enter
wait_for "Posted observation 1."
check $? "the guide's result can be posted"
wait_last "cohort>"
clear_screen
type_text "findings rerun 1"
press Enter
wait_for "Observation 1 reproduces"
check $? "its recipe replays the guide"
screen | grep -qF "guide compare sbp by sex"
check $? "the recipe holds the guide command"
wait_last "cohort>"

# ---------------------------------------------------------------- history
clear_screen
press Up Up Up
wait_last "cohort> guide compare sbp by sex"
check $? "the guide command is in the history, to run again or change"
press C-u

# ---------------------------------------------------------------- predict, stop
clear_screen
type_text "guide"
press Enter
wait_for "What do you want to find out?"
type_text "5"
press Enter
wait_for "What outcome do you want to predict?"
type_text "$(number_of 'heart_attack - Heart attack')"
press Enter
wait_for "Which column might explain it?"
type_text "$(number_of 'age - Age')"
press Enter
wait_for "Add another column that might explain it?"
screen | grep -qF "0  no more: run it"
check $? "a question that may be skipped offers 0"
type_text "0"
press Enter
wait_for "Running: guide predict heart_attack from age"
check $? "0 ends the list and runs it"
wait_for "logistic regression"
check $? "a yes/no outcome gets logistic regression"
wait_last "cohort>"
clear_screen
type_text "guide"
press Enter
wait_for "What do you want to find out?"
screen | grep -qF "Type a number, or just Enter to stop the guide:"
check $? "a question that needs an answer says Enter stops the guide"
press Enter
wait_for "The guide stopped; nothing was run."
check $? "Enter alone stops the guide there"
wait_last "cohort>"

# ---------------------------------------------------------------- Enter runs it
clear_screen
type_text "guide"
press Enter
wait_for "What do you want to find out?"
type_text "5"
press Enter
wait_for "What outcome do you want to predict?"
type_text "$(number_of 'heart_attack - Heart attack')"
press Enter
wait_for "Which column might explain it?"
type_text "$(number_of 'age - Age')"
press Enter
wait_for "Add another column that might explain it?"
wait_for "Type a number, or just Enter for 0 (no more: run it)"
check $? "a question with a 0 answer says Enter gives it"
press Enter
wait_for "Running: guide predict heart_attack from age"
check $? "Enter at \"add another column\" means no more: run it"
screen | grep -qF "The guide stopped"
[ $? -ne 0 ]
check $? "and does not stop the guide"
wait_last "cohort>"

# ---------------------------------------------------------------- q stops
clear_screen
type_text "guide"
press Enter
wait_for "What do you want to find out?"
type_text "5"
press Enter
wait_for "What outcome do you want to predict?"
type_text "$(number_of 'heart_attack - Heart attack')"
press Enter
wait_for "Which column might explain it?"
type_text "$(number_of 'age - Age')"
press Enter
wait_for "Add another column that might explain it?"
type_text "q"
press Enter
wait_for "The guide stopped; nothing was run."
check $? "q stops the guide where Enter would run it"
wait_last "cohort>"

# ---------------------------------------------------------------- time
clear_screen
type_text "guide"
press Enter
wait_for "What do you want to find out?"
type_text "4"
press Enter
wait_for "Which column says when"
screen | grep -qF "first_admission"
check $? "time offers the date"
screen | sed -n '/Which column says when/,$p' | grep -qE "^ +[0-9]+  (age|bmi|sbp) "
[ $? -ne 0 ]
check $? "but not an age or a measurement"
type_text "$(number_of 'first_admission')"
press Enter
wait_for "more than 50 different dates"
check $? "a date of everyone's own: the guide says a number cannot follow it"
screen | grep -qF "0  count the people in each day, month or year"
check $? "and offers the count"
press Enter
wait_for "Running: guide time first_admission"
check $? "Enter takes the count"
wait_for "The guide chose \"plot line first_admission\""
check $? "which runs"
wait_last "cohort>"

type_text "quit"
press Enter
wait_for "[lantern exited with status 0]"
check $? "quit leaves the shell"

sanitizer_check

echo "$npass passed, $nfail failed"
[ $nfail -eq 0 ]
