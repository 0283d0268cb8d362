#!/usr/bin/env bash
# report.sh: turns the benchmark's measurements (results.tsv, written by
# run.sh) into bench/RESULTS.md: the machine, the tool versions, a table
# per cohort size with the ratios peer time / lantern time, and each target
# of issue 8 marked met or not met. The ratio tables also go to standard
# output.
#
# Usage: report.sh RESULTS.TSV OUT.md LANTERN RNAME TMUX_FLOOR_S DATE RUNS SEED ERRLOG

set -u
tsv=$1 out=$2 lantern=$3 rname=$4 floor=$5 date=$6 runs=$7 seed=$8 errlog=$9

ver()
{
	command -v "$1" >/dev/null 2>&1 || { echo "not installed"; return; }
	shift
	"$@" 2>&1 | head -n 1
}

cores=$(nproc 2>/dev/null || echo "?")
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null)
mem=$(awk '/^MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo 2>/dev/null)
os=$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME")
dtv=$(Rscript -e 'cat(if (requireNamespace("data.table", quietly = TRUE)) as.character(packageVersion("data.table")) else "not installed")' 2>/dev/null)

tables()
{
	awk -F'\t' -v rname="$rname" '
	function ratio(p, l) { return (p == "-" || l == "-" || l + 0 == 0) ? "-" : sprintf("%.2f", p / l) }
	function tm(s) { if (s == "-") return "-"; return s < 1 ? sprintf("%.0f ms", s * 1000) : sprintf("%.2f s", s) }
	function mb(k) { return k == "-" || k == "" ? "-" : sprintf("%.0f", k / 1024) }
	{
		key = $1 SUBSEP $2 SUBSEP $3
		med[key] = $4; mn[key] = $5; mx[key] = $6; pk[key] = $7; note[key] = $8
		if (!(($1) in seensize)) { seensize[$1] = 1; sizes[++ns] = $1 }
		if (!(($1 SUBSEP $2) in seentask)) { seentask[$1 SUBSEP $2] = 1; tasks[$1, ++nt[$1]] = $2 }
		tools[$1, $2, ++ntool[$1, $2]] = $3
	}
	END {
		title["import"] = "1. import the CSV"
		title["describe"] = "2. describe every column"
		title["freq"] = "3a. frequency table (region)"
		title["crosstab"] = "3b. crosstab with chi-square (region by diabetes)"
		title["groupmean"] = "4. mean by group (sbp by region)"
		title["ttest"] = "5a. Welch t-test (sbp by sex)"
		title["regress"] = "5b. regression, 3 predictors (sbp on age bmi smoking)"
		title["describe1"] = "7. open the imported dataset, describe one column"
		title["tui-first"] = "6a. workbench: first screen"
		title["tui-end"] = "6b. workbench: jump to the last row"
		title["tui-quit"] = "6c. workbench: quit"
		title["tui-allrows"] = "6d. VisiData: all rows loaded"
		title["tui-check"] = "6e. workbench in tmux (check; times include tmux)"
		for (s = 1; s <= ns; s++) {
			n = sizes[s]
			printf "\n### %s rows\n\n", n
			print "| Task | Tool | Median | Min-max | Peak MB | Peer / lantern |"
			print "| --- | --- | ---: | ---: | ---: | ---: |"
			for (t = 1; t <= nt[n]; t++) {
				task = tasks[n, t]
				lk = n SUBSEP task SUBSEP "lantern"
				l = (lk in med) ? med[lk] : "-"
				if (task == "tui-allrows") { lk = n SUBSEP "tui-first" SUBSEP "lantern"; l = (lk in med) ? med[lk] : "-" }
				for (k = 1; k <= ntool[n, task]; k++) {
					tool = tools[n, task, k]
					key = n SUBSEP task SUBSEP tool
					r = (tool == "lantern") ? "" : ratio(med[key], l)
					if (tool == "C parse" && r != "-") r = r " (lantern / C: " sprintf("%.1f", l / med[key]) ")"
					if (note[key] == "failed") r = "**failed**"
					else if (note[key] != "") r = r " " note[key]
					printf "| %s | %s | %s | %s-%s | %s | %s |\n", (k == 1 ? title[task] : ""), tool,
					    tm(med[key]), tm(mn[key]), tm(mx[key]), mb(pk[key]), r
				}
			}
		}
	}' "$tsv"
}

targets()
{
	awk -F'\t' -v rname="$rname" '
	{ key = $1 SUBSEP $2 SUBSEP $3; med[key] = $4; pk[key] = $7; if (!(($1) in ss)) { ss[$1] = 1; sizes[++ns] = $1 } }
	function get(n, task, tool) { k = n SUBSEP task SUBSEP tool; return (k in med) && med[k] != "-" ? med[k] : "" }
	function row(what, n, measured, ok, need) {
		printf "| %s | %s | %s | %s |\n", what, n, measured, ok == "" ? "not measured" : (ok ? "met" : "**not met**") (need ? "" : " (target is for 1M and 5M)")
	}
	function rt(what, n, task, peer, want) {
		l = get(n, task, "lantern"); p = get(n, task, peer)
		if (l == "" || p == "") { row(what, n, "-", "", need); return }
		r = p / l
		row(what, n, sprintf("%.2f× (%s %.3f s, lantern %.3f s)", r, peer, p, l), r >= want, need)
	}
	END {
		print "| Target | Rows | Measured | Result |"
		print "| --- | ---: | --- | --- |"
		for (s = 1; s <= ns; s++) {
			n = sizes[s]; need = (n >= 1000000)
			rt("import ≥ 3× faster than sqlite3 .import", n, "import", "sqlite3", 3)
			l = get(n, "import", "lantern"); c = get(n, "import", "C parse")
			if (l != "" && c != "") row("import within 3× of a plain C parse", n, sprintf("%.1f× the C parse (%.3f s)", l / c, c), l / c <= 3, need)
			rt("describe ≥ 5× faster than " rname, n, "describe", rname, 5)
			rt("frequency ≥ 3× faster than sqlite3", n, "freq", "sqlite3", 3)
			rt("crosstab ≥ 3× faster than sqlite3", n, "crosstab", "sqlite3", 3)
			rt("group means ≥ 3× faster than sqlite3", n, "groupmean", "sqlite3", 3)
			rt("Welch t-test ≥ 5× faster than " rname, n, "ttest", rname, 5)
			rt("regression ≥ 5× faster than " rname, n, "regress", rname, 5)
			f = get(n, "tui-first", "lantern"); e = get(n, "tui-end", "lantern")
			k = n SUBSEP "tui-first" SUBSEP "lantern"; p = (k in pk) ? pk[k] : ""
			if (f != "") row("workbench first screen < 50 ms", n, sprintf("%.1f ms", f * 1000), f < 0.05, need)
			if (e != "") row("workbench jump to end < 50 ms", n, sprintf("%.1f ms", e * 1000), e < 0.05, need)
			if (p != "" && p != "-") row("workbench peak memory < 50 MB", n, sprintf("%.0f MB", p / 1024), p < 51200, need)
		}
		split("import describe crosstab", st, " ")
		for (i = 1; i <= 3; i++) {
			a = get(1000000, st[i], "lantern"); b = get(5000000, st[i], "lantern")
			if (a != "" && b != "") row("5M ≤ 5.5× the 1M time: " st[i], "5M / 1M", sprintf("%.2f×", b / a), b / a <= 5.5, 1)
		}
	}' "$tsv"
}

{
	cat <<EOF
# lantern benchmark results

Written by \`make bench\` (bench/run.sh; bench/README.md explains the tasks).
Every time is a whole process, started afresh: the median of $runs runs, with
the smallest and largest; peak memory is the largest resident set of one run.
Ratios are peer time / lantern time: above 1, lantern is faster.

## Machine and tools

| | |
| --- | --- |
| Date | $date |
| CPU | $cores cores, ${cpu:-unknown} |
| Memory | ${mem:-unknown} |
| System | ${os:-unknown} |
| lantern | $("$lantern" --version | head -n 1) |
| sqlite3 | $(ver sqlite3 sqlite3 --version | cut -d' ' -f1-2) |
| Miller | $(ver mlr mlr --version) |
| R | $(ver Rscript Rscript --version) |
| data.table | ${dtv:-not installed} |
| csvkit | $(ver csvstat csvstat --version) |
| VisiData | $(ver vd vd --version) |
| hyperfine | $(ver hyperfine hyperfine --version) |
| tmux | $(ver tmux tmux -V) |

The cohorts come from \`lantern generate cohort --rows N --seed $seed\`. The
peers: sqlite3 imports with \`.mode csv\` + \`.import\` (every column TEXT) and
then queries its own table; R is $rname, which must read the CSV in every run
(that is how R is used); Miller reads the CSV; csvstat only reads the smallest
cohort. lantern reads its own catalog (imported once). The workbench times
come from a pseudo-terminal (bench/tui.py); the tmux check adds about
${floor} ms of harness delay (the delay measured for a shell printing a line).

## Targets
EOF
	echo
	targets
	echo
	echo "## Measurements"
	tables
	if [ -s "$errlog" ]; then
		echo
		echo "## Failures"
		echo
		echo '```'
		head -n 60 "$errlog"
		echo '```'
	fi
} > "$out"

tables
