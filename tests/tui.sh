#!/bin/sh
# tui.sh: drives the full-screen workbench in a real terminal (tmux, 80x24)
# the way a newcomer would: the home screen's dataset cards, opening a
# dataset, paging to the end of a large one and back, sorting, filtering,
# jumping to a column, inspecting a column (summary and chart), a command
# at the ":" prompt with Tab completion, an error in the status line, the
# result's layers, help, resizing (larger, too small, back), LANG=C and
# NO_COLOR, Ctrl-Z and fg, Ctrl-C, quitting with the terminal restored,
# and the findings store: posting with p, the home card, R on an observation;
# then tutorial 1, followed by what its panel says (80x24 and 120 wide).
#
# Environment as for shell.sh (see tmuxlib.sh). Exit 77 when tmux is
# missing. The last line printed is "N passed, M failed".

name=tui
. "$(cd "$(dirname "$0")" && pwd)/tmuxlib.sh"

# Start lantern with arguments $1 in an 80x24 session called lt, under
# environment settings $2; when lantern ends the pane says how, and stays.
start_tui()
{
	tmux -S "$sock" -f /dev/null new-session -d -s lt -x 80 -y 24 \
	    "$2 \"\$LANTERN\" $1; echo \"[lantern exited with status \$?]\"; exec sleep 600"
}

# The pane's state as tmux sees it: alternate screen on (1) or off (0).
alt_screen()
{
	tmux -S "$sock" display-message -p -t lt '#{alternate_on}'
}

stop()
{
	kill_lt
}

# A large dataset: 200,000 generated rows, imported once, described by the
# cohort's metadata as synthetic (rows of other imported data are not shown).
"$LANTERN" -q generate cohort --rows 200000 --output "$tmp/big.csv" &&
    "$LANTERN" -q --home "$tmp/big" import "$tmp/big.csv" --name big \
    --meta "$LANTERN_DATASETS/cohort/datapackage.json" >/dev/null
check $? "a 200,000-row dataset is generated and imported"

# ---------------------------------------------------------------- home
start_tui ""
wait_for "Datasets"
check $? "lantern with no arguments opens the home screen"
wait_for "Synthetic cohort"
check $? "the home screen shows the datasets as cards"
screen | grep -qF "no names or other"
check $? "the home screen says how the data is kept safe"
screen | tail -n 1 | grep -qF "Enter open"
check $? "the key bar shows Enter to open"
[ "$(alt_screen)" = 1 ]
check $? "the workbench uses the terminal's alternate screen"

# The last card, then past it: the tutorials and the findings inbox.
press End
wait_for "Findings"
check $? "End on the home screen shows the findings inbox"
press Escape
wait_for "press q to leave lantern"
check $? "Esc on the home screen says how to leave instead of leaving"
press Home

# Choose the cohort (the third card) and open it.
press Down Down
press Enter
wait_for "15 columns."
check $? "Enter on a card opens the dataset in the table browser"
screen | sed -n 2p | grep -qE '^age .*sex +region'
check $? "the header row names the columns"
screen | grep -qF "Yorkshire and The Humber"
check $? "the rows are shown"
screen | grep -qE ' (male|female) '
check $? "labelled values show their labels (male, not M)"

# Paging: End, then Home, then PgDn.
press End
wait_for "row 20,000 of 20,000"
check $? "End jumps to the last row"
press Home
wait_for "row 1 of 20,000"
check $? "Home goes back to the first row"
press PageDown
wait_gone "row 1 of 20,000"
check $? "PgDn moves a page down"
press Home

# Jump to a column by name, then sort by it, largest first.
press /
type_text "bmi"
press Enter
wait_for "column bmi"
check $? "/ and a name jump to that column"
press S
wait_for "sorted by bmi, largest first"
check $? "S sorts by the column, largest first"
press s
wait_for "sorted by bmi, smallest first"
check $? "s sorts smallest first"

# Filter with the expression language.
press f
wait_for ":filter"
check $? "f opens the prompt with \"filter\""
type_text "age >= 65"
press Enter
wait_for "filter: age >= 65"
check $? "the active filter is shown"
screen | grep -qE 'row 1 of [0-9,]+'
check $? "the row count follows the filter"
press F
wait_gone "filter: age >= 65"
check $? "F turns the filter off"

# Inspect a column: its summary and a chart.
press Enter
wait_for "Body mass index"
check $? "Enter on a column opens its summary"
screen | grep -qF "describe bmi"
check $? "the result view's title names the command"
screen | grep -qF "Method:"
[ $? -ne 0 ]
check $? "the first layer leaves the method for later"
press +
press +
press End
wait_for "Method:"
check $? "+ expands the layers down to the method"
press Escape
wait_for "row 1 of 20,000"
check $? "Esc goes back to the table"

# The prompt: Tab completion, then the command runs.
press :
type_text "describe ag"
press Tab
wait_for ":describe age"
check $? "Tab completes a column name at the prompt"
press Enter
wait_for "Age"
check $? "the completed command runs and its result opens"
press Escape
wait_for "row 1 of 20,000"

# Every analysis runs at the prompt and opens its headline.
analysis()
{
	press :
	type_text "$1"
	press Enter
	wait_for "$2"
	check $? "\":$1\" shows its headline"
	press Escape
	wait_for "row 1 of"
}
analysis "freq smoking" "The most common smoking status is never"
analysis "crosstab smoking by heart_attack" "times as"
analysis "compare sbp by sex" "3.62 mmHg lower for female"
analysis "correlate bmi with sbp" "tend to go up together"
analysis "regress heart_attack on smoking age sex" "times the odds of heart attack"
analysis "plot box sbp by smoking" "Systolic blood pressure"
analysis "plot scatter bmi sbp" "A scatter plot of systolic"

# An error appears in the status line with the position.
press :
type_text "describe bmj"
press Enter
wait_for 'did you mean "bmi"'
check $? "an error appears in the status line"
screen | tail -n 1 | grep -qF 'At "bmj"'
check $? "the error says where the mistake is"

# Help lists the keys of the view.
press ?
wait_for "sort rows by this column"
check $? "? lists the keys of the table browser"
wait_for "help COMMAND"
check $? "help says how to get the command list"
press Escape
wait_gone "Keys on this screen"

# Resize: larger, too small, then back.
tmux -S "$sock" resize-window -t lt -x 120 -y 40
wait_for "row 1 of 20,000"
screen | sed -n 2p | grep -qE 'smoking'
check $? "at 120x40 more columns fit"
tmux -S "$sock" resize-window -t lt -x 60 -y 20
wait_for "at least 80x24"
check $? "below 80x24 a message asks for a larger window"
tmux -S "$sock" resize-window -t lt -x 80 -y 24
wait_for "row 1 of 20,000"
check $? "back at 80x24 the table returns"

# Quit restores the terminal.
press q
wait_for "Datasets"
press q
wait_for "[lantern exited with status 0]"
check $? "q on the home screen leaves with status 0"
[ "$(alt_screen)" = 0 ]
check $? "the terminal is back on its normal screen"
stop

# The prompt's history is the shell's history file.
grep -qxF "describe age" "$history"
check $? "commands typed at the prompt are in the shell's history file"

# ---------------------------------------------------------------- large
start_tui "--home \"$tmp/big\" -d big"
wait_for "200,000 rows and 15"
check $? "-d opens a dataset straight into the table"
press End
wait_for "row 200,000 of 200,000"
check $? "End reaches the last of 200,000 rows"
press :
type_text "sort age desc"
press Enter
wait_for "sorted by age, largest first"
check $? "a sort of 200,000 rows from the prompt"
press End
wait_for "row 200,000 of 200,000"
check $? "End reaches the last sorted row"

# Ctrl-C with nothing running does not throw the session away: it says
# how to leave.
press C-c
wait_for "To leave lantern, press Q"
check $? "Ctrl-C with nothing running says how to leave"
press Q
wait_for "[lantern exited with status 0]"
check $? "Q leaves the workbench"
[ "$(alt_screen)" = 0 ]
check $? "the terminal is restored"
stop

# ---------------------------------------------------------------- ASCII
start_tui "-d cohort" "LANG=C LC_ALL=C NO_COLOR=1"
wait_for "15 columns."
press Enter
wait_for "Body mass index"
! screen | LC_ALL=C grep -q '[^ -~]'
check $? "with LANG=C the screen is plain ASCII"
press Q
wait_for "[lantern exited with status 0]"
check $? "Q leaves from any screen"
stop

# ---------------------------------------------------------------- Ctrl-Z
tmux -S "$sock" -f /dev/null new-session -d -s lt -x 80 -y 24 "sh -i"
type_text "PS1='$ ' \"\$LANTERN\" -d cohort"
press Enter
wait_for "15 columns."
press C-z
wait_gone "15 columns."
check $? "Ctrl-Z suspends lantern and gives the shell back"
type_text "fg"
press Enter
wait_for "15 columns."
check $? "fg brings the table back"
press Q
wait_gone "row 1 of 20,000"
check $? "and Q then leaves"
stop

# ---------------------------------------------------------------- findings
# Post from a result: p asks a title, then the observation in your own
# words, shows exactly what will be shared, and y posts it into the
# per-user store (findings.db beside the catalog, new in $LANTERN_HOME).
# The home screen's findings card counts it; R on "findings show 1"
# re-runs its recipe. A title with a terminal's retitle sequence, posted
# from the command line, is listed without retitling the terminal.
start_tui "-d cohort"
wait_for "15 columns."
press :
type_text "describe bmi"
press Enter
wait_for "Body mass index"
press p
wait_for "Title:"
check $? "p on a result asks for a title"
type_text "Average BMI"
press Enter
wait_for "Your observation (in your own words):"
check $? "then for the observation in your own words"
type_text "Most adults here have a BMI near 27."
press Enter
wait_for 'This is exactly what will be shared when you post it'
check $? "the preview shows exactly what will be shared"
screen | grep -qF "Most adults here have a BMI near 27."
check $? "the preview shows the observation"
screen | tail -n 1 | grep -qF "y post it  Esc cancel"
check $? "the preview's key bar says y posts and Esc cancels"
press y
wait_for "Posted observation 1"
check $? "y posts the observation"
[ -f "$LANTERN_HOME/findings.db" ]
check $? "the per-user store is findings.db beside the catalog"
press q
wait_for "lines 1-4 of 4"
press q
wait_for "row 1 of 20,000"
press q
wait_for "Datasets"
press End
wait_for "Your observations: 1"
check $? "the home screen's findings card counts the observation"
press :
type_text "findings show 1"
press Enter
wait_for "Observation 1 (submitted): Average BMI"
check $? "findings show 1 opens the observation"
press R
wait_for "reproduces"
check $? "R on an observation re-runs its recipe, which reproduces"
"$LANTERN" -q -d cohort -c "describe bmi; post \"$(printf 'Evil \033]2;pwned\007 title')\" \"x\"" \
    >/dev/null 2>&1
press :
type_text "findings list"
press Enter
wait_for "Evil"
check $? "a title with escape sequences is listed"
[ "$(tmux -S "$sock" display-message -p -t lt '#{pane_title}')" != pwned ]
check $? "and it does not retitle the terminal"
press Q
wait_for "[lantern exited with status 0]"
check $? "Q leaves after posting"
stop

# ---------------------------------------------------------------- tutorial
# "lantern tutorial 01-getting-around", followed only by what the screen
# says: Enter while the panel says "Enter next", the keys its task names,
# the choice whose words answer the question.
LANTERN_TUTORIALS=$top_srcdir/tutorials
export LANTERN_TUTORIALS
rm -rf "$LANTERN_HOME"
mkdir -p "$LANTERN_HOME"

# The row of the screen holding the fixed string $1 (0 when none).
row_of()
{
	screen | grep -nF -- "$1" | head -n 1 | cut -d: -f1
}

# Press Enter while the panel's keys say "Enter next" (at most $1 times).
enter_while_next()
{
	n=0
	while [ $n -lt "$1" ] && screen | grep -qE '^ Enter next   '; do
		step=$(screen | grep -oE 'Step [0-9]+ of' | head -n 1)
		press Enter
		i=0
		while [ $i -lt 50 ] && screen | grep -qF "$step"; do
			sleep 0.1
			i=$((i + 1))
		done
		n=$((n + 1))
	done
}

# The panel fits: one rule line in the bottom half, its keys on the line
# above the key bar (the 23rd), nothing after the key bar.
panel_fits()
{
	rule=$(row_of "Tutorial: Getting around")
	[ "$(screen | grep -cF 'Tutorial: Getting around')" -eq 1 ] &&
	    [ "$rule" -ge 10 ] && [ "$rule" -le 16 ] && [ "$(screen | wc -l)" -eq 24 ] &&
	    screen | sed -n 23p | grep -qE '^ (Enter|h|1-[0-9]) [a-z]'
}

start_tui "tutorial 01-getting-around"
wait_for "Tutorial: Getting around"
check $? "lantern tutorial NAME opens the workbench with the tutorial's panel"
screen | grep -qF "Step 1 of"
check $? "the panel says which step this is"
screen | grep -qF "Datasets"
check $? "a tutorial that teaches opening its dataset starts on the home screen"
panel_fits
check $? "at 80x24 the panel takes the bottom rows and fits"
screen | tail -n 1 | grep -qF "Enter next"
check $? "the key bar says Enter goes on"

enter_while_next 6
screen | grep -qF "(cohort)"
check $? "the panel's first task names the cohort card"
# "use the Up and Down keys to choose the line that ends in (cohort)"
n=0
while [ $n -lt 10 ] && ! screen | grep -qE '▸ .*\(cohort\)$'; do
	press Down
	sleep 0.1
	n=$((n + 1))
done
screen | grep -qE '▸ .*\(cohort\)$'
check $? "Down chooses the cohort card, as the panel says"
screen | grep -qF "press i"
check $? "the task says which key to press"
press i
wait_for "Enter next   x stop"
check $? "the panel praises the task done and waits for Enter"
screen | grep -qF "cohort: Synthetic cohort"
check $? "and the card is on screen above it"
press Enter
wait_for "Where did the people in cohort come from?"
check $? "Enter goes on to the question"
panel_fits
check $? "the question and its choices fit"
pick=$(screen | grep -E '^ [1-9] .*made them up' | sed 's/^ \([1-9]\).*/\1/')
wrong=$(screen | grep -E '^ [1-9] .*hospital' | sed 's/^ \([1-9]\).*/\1/')
press "$wrong"
wait_for "Not quite"
check $? "a wrong choice says to try again"
press "$pick"
wait_for "Enter next   x stop"
check $? "the right choice is taken"
press Enter
wait_for "press Enter"
check $? "the next task is to open cohort"
# "q to go back when you are done", then Enter on the card
press q
wait_for "Datasets"
press Enter
wait_for "row 1 of 20,000"
check $? "Enter on the card opens cohort in the table browser"
wait_for "You opened your first dataset."
check $? "and the panel praises it"
press Enter
panel_fits
check $? "the panel fits below the table"
[ "$(row_of "row 1 of 20,000")" -lt "$(row_of "Tutorial: Getting around")" ]
check $? "the table's status line is above the panel, not under it"
press Q
wait_for "[lantern exited with status 0]"
check $? "Q leaves in the middle of a tutorial"
stop

start_tui "tutorial 01-getting-around"
wait_for "Welcome back"
check $? "starting it again resumes where the learner left off"
screen | grep -qF "Step 7 of"
check $? "at the step reached"
press x
wait_for "Your place is kept"
check $? "x closes the panel and keeps the place"
[ "$(row_of "Tutorial: Getting around")" = "" ]
check $? "the panel is gone"
press q
wait_for "Datasets"
press Home
n=0
while [ $n -lt 12 ] && ! screen | grep -qF "▸ Getting around"; do
	press Down
	sleep 0.1
	n=$((n + 1))
done
screen | grep -qF "▸ Getting around"
check $? "the home screen lists the tutorials after the datasets"
screen | grep -qF "15 minutes · you are at step 7 of"
check $? "with their length and the learner's progress"
press Enter
wait_for "Step 7 of"
check $? "Enter on a tutorial starts it again where it was left"
press Q
stop

# Wide: the panel is beside the workbench.
tmux -S "$sock" -f /dev/null new-session -d -s lt -x 120 -y 30 \
    "\"\$LANTERN\" tutorial 01-getting-around; echo \"[lantern exited with status \$?]\"; exec sleep 600"
wait_for "Tutorial: Getting around"
screen | grep -qE '│ Tutorial: Getting around$'
check $? "at 120 columns the panel is docked beside the workbench"
screen | grep -qE '^ *row 1 of 20,000.*│'
check $? "the table draws left of it"
press Q
stop

sanitizer_check
echo "$npass passed, $nfail failed"
[ $nfail -eq 0 ]
