#!/usr/bin/env bash
# tui.sh: times a full-screen program in a private tmux server for the
# benchmark (issue 8, task 6). One run; prints one line:
#
#   FIRST_MS END_MS QUIT_MS PEAK_KB
#
# FIRST_MS: from pressing Enter on the command (the program starts) until
#           the pane shows its first screen (the first marker);
# END_MS:   from sending the End key until the pane shows the last row;
# QUIT_MS:  from the quit keys until the program has exited;
# PEAK_KB:  the program's peak memory (resident set, /usr/bin/time %M).
#
# Usage:
#   tui.sh lantern LANTERN DATASET NROWS   lantern -d DATASET, End, q q
#   tui.sh visidata CSV NROWS              vd CSV; END_MS is until all rows
#                                          are loaded ("NROWS rows"), from start
#   tui.sh floor                           the harness alone (sh printing a line)
#
# The pane is polled with "tmux capture-pane" as fast as it answers; each
# tmux call takes about 10 ms on a busy 2-core machine, so these times are
# late by 20-40 ms ("tui.sh floor" measures that overhead). run.sh uses this
# script to check what the screens show and to time VisiData (seconds);
# lantern's milliseconds are timed by tui.py, which reads the program's
# output through a pseudo-terminal without tmux in between.
# A time of -1 means the marker never appeared (timeout).

set -u
mode=${1:?usage: tui.sh lantern|visidata|floor ...}
timeout_s=${BENCH_TUI_TIMEOUT:-120}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lantern-bench-tui.XXXXXX") || exit 1
sock=$tmp/tmux.sock
mem=$tmp/mem
cleanup()
{
	tmux -S "$sock" kill-server >/dev/null 2>&1
	rm -rf "$tmp"
}
trap cleanup EXIT
unset TMUX TMUX_PANE COLUMNS LINES
export TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8

# microseconds since the epoch, without a fork
now()
{
	printf -v "$1" '%s' "${EPOCHREALTIME/[.,]/}"
}

# 1234567 -> 1,234,567 (lantern's status line)
commas()
{
	local n=$1 out=""
	while [ ${#n} -gt 3 ]; do
		out=",${n: -3}$out"
		n=${n:0:${#n}-3}
	done
	printf '%s%s' "$n" "$out"
}

# wait_for EXTENDED-REGEX: poll the pane until a line matches
wait_for()
{
	local start t
	now start
	while :; do
		if tmux -S "$sock" capture-pane -p -t b 2>/dev/null | grep -Eq -- "$1"; then
			return 0
		fi
		now t
		if [ $(( (t - start) / 1000000 )) -ge "$timeout_s" ]; then
			return 1
		fi
	done
}

# wait_gone: poll until the session has ended
wait_gone()
{
	local start t
	now start
	while tmux -S "$sock" has-session -t b 2>/dev/null; do
		now t
		if [ $(( (t - start) / 1000000 )) -ge "$timeout_s" ]; then
			return 1
		fi
	done
	return 0
}

# start COMMAND...: a pane that runs COMMAND under /usr/bin/time once
# Enter is pressed, so the tmux server's own start is not timed
start()
{
	local q
	q=$(printf '%q ' "$@")
	tmux -S "$sock" new-session -d -s b -x 120 -y 40 \
	    "read _; exec /usr/bin/time -f %M -o $mem $q" || exit 1
	sleep 0.3
}

ms()
{
	if [ "$2" = fail ]; then
		echo -1
	else
		echo $(( ($2 - $1) / 1000 ))
	fi
}

t0=0 t1=fail t2=0 t3=fail t4=0 t5=fail
case $mode in
lantern)
	lantern=$2 ds=$3 n=$(commas "$4")
	start "$lantern" -d "$ds"
	now t0
	tmux -S "$sock" send-keys -t b Enter
	wait_for "row 1 of $n" && now t1
	now t2
	tmux -S "$sock" send-keys -t b End
	wait_for "row $n of $n" && now t3
	now t4
	tmux -S "$sock" send-keys -t b q
	wait_for "Enter open" >/dev/null
	tmux -S "$sock" send-keys -t b q
	wait_gone && now t5
	;;
visidata)
	csv=$2 n=$3
	mkdir -p "$tmp/home"
	# the first row's first two values, as VisiData lays them out
	first=$(sed -n 2p "$csv" | awk -F, '{ print $1 " *│ " $2 " " }')
	HOME=$tmp/home start vd -f csv "$csv"
	now t0
	tmux -S "$sock" send-keys -t b Enter
	wait_for "^ $first" && now t1
	t2=$t0
	wait_for " $n rows" && now t3
	now t4
	tmux -S "$sock" send-keys -t b g q
	wait_gone && now t5
	;;
floor)
	start sh -c 'echo first-screen; read _; echo last-row; read _'
	now t0
	tmux -S "$sock" send-keys -t b Enter
	wait_for first-screen && now t1
	now t2
	tmux -S "$sock" send-keys -t b Enter
	wait_for last-row && now t3
	now t4
	tmux -S "$sock" send-keys -t b Enter
	wait_gone && now t5
	;;
*)
	echo "tui.sh: unknown mode $mode" >&2
	exit 2
	;;
esac
sleep 0.1
peak=$(tail -n 1 "$mem" 2>/dev/null)
echo "$(ms $t0 $t1) $(ms $t2 $t3) $(ms $t4 $t5) ${peak:-0}"
