#!/usr/bin/env bash
# run.sh: lantern's peer benchmark (issue 8), run by "make bench".
#
# Generates synthetic cohorts with lantern's own generator, imports each
# once into a private catalog, then times every task as a whole process for
# lantern and for the peers (sqlite3, Miller, R with data.table or base R,
# csvkit, VisiData) on the same file, one after another, and writes the
# table of ratios (peer time / lantern time) to bench/RESULTS.md.
# bench/README.md explains the tasks, the settings and how to read it.
#
# Settings (environment):
#   BENCH_SIZES    rows per cohort (default "100000 1000000 5000000")
#   BENCH_RUNS     timed runs per command (default 5); BENCH_SIZES=100000
#                  BENCH_RUNS=1 is a quick try
#   BENCH_DIR      work directory (default ${TMPDIR:-/tmp}/lantern-bench);
#                  cohorts and catalogs there are reused when present
#   BENCH_SEED     the generator's seed (default 20261122)
#   BENCH_NICE     niceness for everything timed (default 10)
#   BENCH_INSTALL  "no" to never install peers (default: install as root)
#   BENCH_VD_MAX   largest cohort VisiData opens (default 1000000)
#   BENCH_CSVSTAT_MAX  largest cohort csvstat reads (default 100000)
#   BENCH_RESULTS  where to write the report (default bench/RESULTS.md)
#   LANTERN        the program (default: src/lantern next to this folder)

set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
LANTERN=${LANTERN:-$top/src/lantern}
case $LANTERN in /*) ;; *) LANTERN=$(pwd)/$LANTERN ;; esac
WORK=${BENCH_DIR:-${TMPDIR:-/tmp}/lantern-bench}
SIZES=${BENCH_SIZES:-100000 1000000 5000000}
RUNS=${BENCH_RUNS:-5}
SEED=${BENCH_SEED:-20261122}
NICE=${BENCH_NICE:-10}
VD_MAX=${BENCH_VD_MAX:-1000000}
CSVSTAT_MAX=${BENCH_CSVSTAT_MAX:-100000}
RESULTS=${BENCH_RESULTS:-$here/RESULTS.md}

say() { printf 'bench: %s\n' "$*" >&2; }

if [ ! -x "$LANTERN" ]; then
	say "lantern is not built at $LANTERN; run make first."
	exit 1
fi
mkdir -p "$WORK" || exit 1
WORK=$(cd "$WORK" && pwd)
# a copy, so a rebuild during the run does not change what is measured
cp "$LANTERN" "$WORK/lantern.bin" || exit 1
LANTERN=$WORK/lantern.bin

# A private catalog, configuration and home: nothing of the user's is read
# or changed.
export LANTERN_HOME=$WORK/home
export LANTERN_CONFIG=$WORK/none.conf
export LANTERN_DATASETS=$WORK/no-bundled
export LANTERN_FINDINGS=$WORK/findings.db
export HOME=$WORK/userhome XDG_STATE_HOME=$WORK/userhome/state
export XDG_CONFIG_HOME=$WORK/userhome/config XDG_DATA_HOME=$WORK/userhome/data
export LC_ALL=C.UTF-8 LANG=C.UTF-8
mkdir -p "$LANTERN_HOME" "$LANTERN_DATASETS" "$HOME" "$XDG_STATE_HOME" \
    "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"
unset TMUX TMUX_PANE

# ------------------------------------------------------------ peers
peers="sqlite3 miller r-base-core csvkit visidata hyperfine tmux"
if [ "${BENCH_INSTALL:-yes}" != no ] && [ "$(id -u)" = 0 ] &&
    command -v apt-get >/dev/null 2>&1; then
	missing=""
	for p in $peers r-cran-data.table; do
		dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
	done
	if [ -n "$missing" ]; then
		say "installing the peers:$missing"
		apt-get update -qq >&2
		want=""
		for p in $missing; do
			if apt-cache policy "$p" 2>/dev/null | grep -q 'Candidate: [0-9]'; then
				want="$want $p"
			else
				say "$p is not packaged here; going on without it."
			fi
		done
		[ -n "$want" ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $want >&2
	fi
elif [ "$(id -u)" != 0 ]; then
	say "not root, so no peers are installed; missing ones are skipped."
fi

have() { command -v "$1" >/dev/null 2>&1; }
HAVE_DT=no
if have Rscript && Rscript -e 'quit(status = !requireNamespace("data.table", quietly = TRUE))' \
    >/dev/null 2>&1; then
	HAVE_DT=yes
fi
for t in sqlite3 mlr Rscript csvstat vd hyperfine tmux python3; do
	have "$t" || say "$t is not installed: its measurements are skipped."
done
[ "$HAVE_DT" = yes ] || say "R's data.table is missing: R reads with base read.csv (slower)."

# ------------------------------------------------------------ baseline
CPARSE=$WORK/cparse
if [ ! -x "$CPARSE" ] || [ "$here/cparse.c" -nt "$CPARSE" ]; then
	${CC:-cc} -O2 -o "$CPARSE" "$here/cparse.c" 2>/dev/null || CPARSE=""
fi

# ------------------------------------------------------------ R scripts
# Each script reads the CSV (as a user of R must) and does one task.
rdir=$WORK/r
mkdir -p "$rdir"
if [ "$HAVE_DT" = yes ]; then
	rread='suppressMessages(library(data.table)); f <- commandArgs(TRUE)[1]; d <- fread(f)'
	rread1='suppressMessages(library(data.table)); f <- commandArgs(TRUE)[1]; d <- fread(f, select = "bmi")'
	RNAME="R (data.table)"
else
	rread='f <- commandArgs(TRUE)[1]; d <- read.csv(f)'
	rread1='f <- commandArgs(TRUE)[1]; d <- read.csv(f)[, "bmi", drop = FALSE]'
	RNAME="R (base)"
fi
printf '%s\n' "$rread" 'invisible(capture.output(print(summary(d))))' > "$rdir/describe.R"
printf '%s\n' "$rread" 'invisible(capture.output(print(table(d$region))))' > "$rdir/freq.R"
printf '%s\n' "$rread" 'invisible(capture.output(print(chisq.test(table(d$region, d$diabetes)))))' > "$rdir/crosstab.R"
printf '%s\n' "$rread" 'invisible(capture.output(print(tapply(d$sbp, d$region, mean))))' > "$rdir/groupmean.R"
printf '%s\n' "$rread" 'invisible(capture.output(print(t.test(sbp ~ sex, data = d))))' > "$rdir/ttest.R"
printf '%s\n' "$rread" 'invisible(capture.output(print(summary(lm(sbp ~ age + bmi + smoking, data = d)))))' > "$rdir/regress.R"
printf '%s\n' "$rread1" 'invisible(capture.output(print(summary(d$bmi))))' > "$rdir/describe1.R"

# ------------------------------------------------------------ sqlite3 SQL
NUMCOLS="age imd_quintile smoking bmi sbp cholesterol diabetes heart_attack stroke steps alcohol"
ALLCOLS="age sex region imd_quintile ethnicity smoking bmi sbp cholesterol diabetes heart_attack stroke steps alcohol first_admission"
sqldir=$WORK/sql
mkdir -p "$sqldir"
{
	printf 'SELECT count(*)'
	for c in $ALLCOLS; do
		case " $NUMCOLS " in
		*" $c "*) printf ', count(%s), avg(%s), min(%s), max(%s)' "$c" "$c" "$c" "$c" ;;
		*) printf ', count(%s), count(DISTINCT %s), min(%s), max(%s)' "$c" "$c" "$c" "$c" ;;
		esac
	done
	printf ' FROM t;\n'
} > "$sqldir/describe.sql"
echo 'SELECT region, count(*) FROM t GROUP BY region;' > "$sqldir/freq.sql"
echo 'SELECT region, diabetes, count(*) FROM t GROUP BY region, diabetes;' > "$sqldir/crosstab.sql"
echo 'SELECT region, avg(sbp) FROM t GROUP BY region;' > "$sqldir/groupmean.sql"
echo "SELECT count(bmi), avg(bmi), min(bmi), max(bmi) FROM t WHERE bmi <> '';" > "$sqldir/describe1.sql"

# ------------------------------------------------------------ timing
# One line per measurement in $tsv:
#   SIZE TASK TOOL MEDIAN_S MIN_S MAX_S PEAK_KB NOTE
tsv=$WORK/results.tsv
: > "$tsv"
errlog=$WORK/errors.txt
: > "$errlog"

# measure SIZE TASK TOOL RUNS PREPARE -- COMMAND...
# PREPARE is a command line run before each run ("" for none). The first
# run (after PREPARE) checks the command works, warms the cache and records
# the peak memory; then hyperfine (or a plain loop) times RUNS runs.
measure()
{
	local size=$1 task=$2 tool=$3 runs=$4 prep=$5
	shift 6
	local cmd med mn mx peak
	cmd=$(printf '%q ' "$@")
	say "$size rows, $task: $tool"
	[ -n "$prep" ] && eval "$prep"
	if ! nice -n "$NICE" /usr/bin/time -f %M -o "$WORK/peak" "$@" \
	    > /dev/null 2> "$WORK/err"; then
		say "  failed: $(grep -v 'Command exited' "$WORK/err" | head -n 3)"
		{ echo "== $size $task $tool: $cmd"; head -n 20 "$WORK/err"; } >> "$errlog"
		printf '%s\t%s\t%s\t-\t-\t-\t-\tfailed\n' "$size" "$task" "$tool" >> "$tsv"
		return 1
	fi
	peak=$(tail -n 1 "$WORK/peak")
	if have hyperfine; then
		local hprep=()
		[ -n "$prep" ] && hprep=(--prepare "$prep")
		nice -n "$NICE" hyperfine -N --style none --runs "$runs" "${hprep[@]}" \
		    --export-csv "$WORK/h.csv" -- "$cmd" > /dev/null 2>&1 || {
			say "  hyperfine failed"
			printf '%s\t%s\t%s\t-\t-\t-\t%s\tfailed\n' "$size" "$task" "$tool" "$peak" >> "$tsv"
			return 1
		}
		# command,mean,stddev,median,user,system,min,max (the command may hold commas)
		read -r med mn mx < <(tail -n 1 "$WORK/h.csv" | awk -F, '{ print $(NF-4), $(NF-1), $NF }')
	else
		local i t0 t1 ts=()
		for ((i = 0; i < runs; i++)); do
			[ -n "$prep" ] && eval "$prep"
			t0=$EPOCHREALTIME
			nice -n "$NICE" "$@" > /dev/null 2>&1
			t1=$EPOCHREALTIME
			ts+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", b - a }')")
		done
		read -r med mn mx < <(printf '%s\n' "${ts[@]}" | sort -g |
		    awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
			print m, v[1], v[NR] }')
	fi
	printf '%s\t%s\t%s\t%.4f\t%.4f\t%.4f\t%s\t\n' "$size" "$task" "$tool" "$med" "$mn" "$mx" "$peak" >> "$tsv"
	say "  median $(printf '%.3f' "$med") s (min $(printf '%.3f' "$mn"), max $(printf '%.3f' "$mx")), peak $((peak / 1024)) MB"
}

# record SIZE TASK TOOL MEDIAN MIN MAX PEAK NOTE: a measurement made elsewhere
record()
{
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >> "$tsv"
}

# stats over a column of numbers on stdin: "median min max"
mmm()
{
	sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "- - -"; exit }
	    m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print m, v[1], v[NR] }'
}

# the harness's own delay in tmux, to read the tmux times against
TMUX_FLOOR="-"
if have tmux; then
	TMUX_FLOOR=$(for i in 1 2 3; do "$here/tui.sh" floor; done | awk '{ print $1 }' | mmm | awk '{ print $1 }')
fi

LTV=$("$LANTERN" --version | head -n 1)
start_date=$(date -u '+%Y-%m-%d %H:%M UTC')
for n in $SIZES; do
	csv=$WORK/cohort-$n.csv
	ds=c$n
	if [ ! -s "$csv" ]; then
		say "generating $n rows (seed $SEED) into $csv"
		"$LANTERN" -q generate cohort --rows "$n" --seed "$SEED" --output "$csv.tmp" >/dev/null &&
		    mv "$csv.tmp" "$csv" || { say "the generator failed for $n rows"; continue; }
	fi
	if [ ! -e "$LANTERN_HOME/.imported-$ds" ]; then
		say "importing $ds into the benchmark's catalog (once)"
		"$LANTERN" -q import "$csv" --name "$ds" --replace > /dev/null &&
		    touch "$LANTERN_HOME/.imported-$ds" || say "import of $ds failed"
	fi
	# a copy marked synthetic, so the workbench shows its rows
	if [ ! -e "$LANTERN_HOME/.imported-${ds}s" ]; then
		printf '{"name":"%s","title":"bench cohort %s","lantern":{"synthetic":true},"resources":[{"path":"%s","schema":{"fields":[%s]}}]}\n' \
		    "${ds}s" "$n" "$csv" \
		    "$(for c in $ALLCOLS; do
			case " $NUMCOLS " in *" $c "*) t=number ;; *) t=string ;; esac
			[ "$c" = first_admission ] && t=date
			printf '{"name":"%s","type":"%s"},' "$c" "$t"; done | sed 's/,$//')" \
		    > "$WORK/synthetic-$n.json"
		"$LANTERN" -q import "$csv" --meta "$WORK/synthetic-$n.json" --name "${ds}s" --replace \
		    > /dev/null 2>> "$errlog" && touch "$LANTERN_HOME/.imported-${ds}s" ||
		    say "import of ${ds}s (marked synthetic) failed; see $errlog"
	fi
	db=$WORK/sqlite-$n.db
	if have sqlite3 && [ ! -s "$db" ]; then
		sqlite3 "$db.tmp" '.mode csv' ".import $csv t" && mv "$db.tmp" "$db"
	fi
	runs=$RUNS

	# 1. import
	[ -n "$CPARSE" ] && measure "$n" import "C parse" "$runs" "" -- "$CPARSE" "$csv"
	measure "$n" import lantern "$runs" "rm -rf $WORK/imp-home" -- \
	    "$LANTERN" -q --home "$WORK/imp-home" import "$csv" --name x
	have sqlite3 && measure "$n" import sqlite3 "$runs" "rm -f $WORK/imp.db" -- \
	    sqlite3 "$WORK/imp.db" '.mode csv' ".import $csv t"
	have Rscript && measure "$n" import "$RNAME read" "$runs" "" -- \
	    Rscript -e "$rread" "$csv"

	# 2. describe every column
	measure "$n" describe lantern "$runs" "" -- "$LANTERN" -q -c "open $ds; describe"
	have sqlite3 && measure "$n" describe sqlite3 "$runs" "" -- sqlite3 "$db" ".read $sqldir/describe.sql"
	have Rscript && measure "$n" describe "$RNAME" "$runs" "" -- Rscript "$rdir/describe.R" "$csv"
	have mlr && measure "$n" describe mlr "$runs" "" -- mlr --icsv --opprint stats1 \
	    -a count,mean,stddev,min,p25,median,p75,max -f "$(echo $NUMCOLS | tr ' ' ,)" "$csv"
	if have csvstat && [ "$n" -le "$CSVSTAT_MAX" ]; then
		measure "$n" describe csvstat 1 "" -- csvstat "$csv"
	fi

	# 3. frequency table, crosstab with chi-square
	measure "$n" freq lantern "$runs" "" -- "$LANTERN" -q -c "open $ds; freq region"
	have sqlite3 && measure "$n" freq sqlite3 "$runs" "" -- sqlite3 "$db" ".read $sqldir/freq.sql"
	have Rscript && measure "$n" freq "$RNAME" "$runs" "" -- Rscript "$rdir/freq.R" "$csv"
	have mlr && measure "$n" freq mlr "$runs" "" -- mlr --icsv --opprint count-distinct -f region "$csv"
	measure "$n" crosstab lantern "$runs" "" -- "$LANTERN" -q -c "open $ds; crosstab region by diabetes"
	have sqlite3 && measure "$n" crosstab sqlite3 "$runs" "" -- sqlite3 "$db" ".read $sqldir/crosstab.sql"
	have Rscript && measure "$n" crosstab "$RNAME" "$runs" "" -- Rscript "$rdir/crosstab.R" "$csv"
	have mlr && measure "$n" crosstab mlr "$runs" "" -- mlr --icsv --opprint count-distinct -f region,diabetes "$csv"

	# 4. mean by group
	measure "$n" groupmean lantern "$runs" "" -- "$LANTERN" -q -c "open $ds; describe sbp by region"
	have sqlite3 && measure "$n" groupmean sqlite3 "$runs" "" -- sqlite3 "$db" ".read $sqldir/groupmean.sql"
	have Rscript && measure "$n" groupmean "$RNAME" "$runs" "" -- Rscript "$rdir/groupmean.R" "$csv"
	have mlr && measure "$n" groupmean mlr "$runs" "" -- mlr --icsv --opprint stats1 -a mean -f sbp -g region "$csv"

	# 5. Welch t-test, regression with three predictors
	measure "$n" ttest lantern "$runs" "" -- "$LANTERN" -q -c "open $ds; compare sbp by sex"
	have Rscript && measure "$n" ttest "$RNAME" "$runs" "" -- Rscript "$rdir/ttest.R" "$csv"
	measure "$n" regress lantern "$runs" "" -- "$LANTERN" -q -c "open $ds; regress sbp on age bmi smoking"
	have Rscript && measure "$n" regress "$RNAME" "$runs" "" -- Rscript "$rdir/regress.R" "$csv"

	# 7. open an imported dataset and describe one column
	measure "$n" describe1 lantern "$runs" "" -- "$LANTERN" -q -c "open $ds; describe bmi"
	have sqlite3 && measure "$n" describe1 sqlite3 "$runs" "" -- sqlite3 "$db" ".read $sqldir/describe1.sql"
	have Rscript && measure "$n" describe1 "$RNAME" "$runs" "" -- Rscript "$rdir/describe1.R" "$csv"
	have mlr && measure "$n" describe1 mlr "$runs" "" -- mlr --icsv --opprint stats1 \
	    -a count,mean,min,median,max -f bmi "$csv"

	# 6. the workbench: first screen, jump to the last row, quit
	if [ -e "$LANTERN_HOME/.imported-${ds}s" ] && have python3; then
		say "$n rows, tui: lantern (pseudo-terminal, $runs runs)"
		nice -n "$NICE" python3 "$here/tui.py" "$LANTERN" "${ds}s" "$n" "$runs" > "$WORK/tui.out" 2>> "$errlog"
		for k in 1 2 3; do
			name=$(echo "tui-first tui-end tui-quit" | cut -d' ' -f$k)
			st=$(awk -v k=$k '$k >= 0 { printf "%.4f\n", $k / 1000 }' "$WORK/tui.out" | mmm)
			peak=$(awk '{ print $4 }' "$WORK/tui.out" | sort -n | tail -n 1)
			if [ "$st" = "- - -" ]; then
				record "$n" "$name" lantern - - - "${peak:--}" failed
			else
				record "$n" "$name" lantern $st "${peak:--}" ""
			fi
		done
		cat "$WORK/tui.out" | sed 's/^/bench:   first, end, quit (ms), peak (KB): /' >&2
		if have tmux; then
			# the same in tmux: are row 1 and the last row really on screen?
			read -r f e q p < <(nice -n "$NICE" "$here/tui.sh" lantern "$LANTERN" "${ds}s" "$n")
			fs=$(awk -v v="$f" 'BEGIN { print v / 1000 }')
			record "$n" tui-check lantern "$fs" "$fs" "$fs" "$p" \
			    "(first screen; jump to end $e ms; $([ "$f" -ge 0 ] && [ "$e" -ge 0 ] &&
				echo "both screens seen" || echo "**a screen never appeared**"))"
			say "  tmux check: first $f ms, end $e ms (tmux floor $TMUX_FLOOR ms)"
		fi
	fi
	if have vd && have tmux && [ "$n" -le "$VD_MAX" ]; then
		say "$n rows, tui: VisiData (tmux, $runs runs)"
		: > "$WORK/vd.out"
		for ((i = 0; i < runs; i++)); do
			nice -n "$NICE" "$here/tui.sh" visidata "$csv" "$n" >> "$WORK/vd.out"
		done
		peak=$(awk '{ print $4 }' "$WORK/vd.out" | sort -n | tail -n 1)
		st=$(awk '$1 >= 0 { printf "%.4f\n", $1 / 1000 }' "$WORK/vd.out" | mmm)
		record "$n" tui-first VisiData $st "$peak" ""
		st=$(awk '$2 >= 0 { printf "%.4f\n", $2 / 1000 }' "$WORK/vd.out" | mmm)
		record "$n" tui-allrows VisiData $st "$peak" ""
	fi
done

"$here/report.sh" "$tsv" "$RESULTS" "$LANTERN" "$RNAME" "$TMUX_FLOOR" "$start_date" "$RUNS" "$SEED" "$errlog"
say "results written to $RESULTS"
