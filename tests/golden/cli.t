# Golden transcripts of lantern's command line: options, exit statuses.
# See tests/golden.sh for the format; regenerate with tests/golden.sh --update.

# --version prints one line and exits 0.
$ lantern --version
lantern 0.1.0
? 0

# -V is the short form.
$ lantern -V
lantern 0.1.0
? 0

# --help lists the ways to run lantern, the options and the commands.
$ lantern --help
Usage: lantern [OPTION]... [COMMAND [ARGUMENT]...]
Explore health data safely: open a dataset, look at it, summarise it.

  lantern [-d DATASET]         open the workbench: browse datasets full-screen
  lantern shell [DATASET]      the command shell (Tab completes, history kept)
  lantern tutorial NAME        follow a tutorial in the workbench
  lantern run FILE             run the commands in FILE (- reads standard input)
  lantern COMMAND [ARG]...     run one command, for example: lantern datasets
  lantern -c 'CMD; CMD'        run commands separated by ; then stop

Options:
  -c, --command TEXT     run TEXT, then exit
  -d, --dataset NAME     open dataset NAME first
  -f, --format FORMAT    write results as text (for people), csv or json
      --home DIR         keep your catalog in DIR (default: $LANTERN_HOME,
                         else $XDG_DATA_HOME/lantern)
      --datasets DIR     where the bundled datasets are (default: $LANTERN_DATASETS,
                         else $PKGDATADIR/datasets)
      --findings FILE    the findings store to post to and review (default:
                         $LANTERN_FINDINGS, else the "findings" line of
                         /etc/lantern/lantern.conf, else findings.db in your home)
  -k, --keep-going       in scripts, go on after a command fails
  -q, --quiet            no progress bar
  -h, --help             show this help and exit
  -V, --version          show the version and exit

Commands:
  datasets     list the datasets you can open
  open         open a dataset to work on
  info         show a dataset's card: source, licence, kind and columns
  privacy      explain how the privacy rules keep people safe
  show         show rows of the open dataset, a page at a time
  filter       choose which rows to look at
  sort         put rows in order of a column
  describe     summarise columns: counts, averages, spread
  freq         count each value of a column
  crosstab     count two columns against each other and test the link
  compare      compare the average of a number between groups
  correlate    measure how two numbers go up and down together
  regress      explain a number or a yes/no outcome by several columns
  rate         events per person, per 1,000 or per year, with exact intervals
  plot         draw a chart: hist, bar, box, scatter or line
  guide        pick and run the right analysis for a question, and say why
  import       bring a CSV file into your catalog
  drop         remove an imported dataset from your catalog
  generate     make synthetic data with lantern's own generators
  post         share the last result as an observation for researchers to review
  findings     read, re-run and review the observations people posted
  tutorial     list, check, replay or restart tutorials
  set          show or change settings
  help         list the commands, or explain one
  quit         leave lantern

Type "help COMMAND" in lantern, or see man lantern, for each command's options.
Exit status: 0 success, 1 a command failed, 2 the command line was wrong.
? 0

# An unknown option is a command-line error: exit status 2.
$ lantern --bogus
! lantern: there is no option --bogus
! Try "lantern --help" for the options.
? 2

# An unknown short option too.
$ lantern -z datasets
! lantern: there is no option -z
! Try "lantern --help" for the options.
? 2

# --format takes only text, csv or json.
$ lantern --format bogus datasets
! lantern: --format takes text, csv or json, not "bogus"
? 2

# --format needs a value.
$ lantern datasets --format
! lantern: --format needs a value: text, csv or json
!   datasets --format
!            ^
? 1

# An empty -c does nothing and succeeds.
$ lantern -c ''
? 0

# An unknown command gives "did you mean" and exit status 1.
$ lantern descrbe bmi
! lantern: there is no command "descrbe" (did you mean "describe"?); type "help" to see them all
!   descrbe bmi
!   ^
? 1

# An unknown command inside -c shows where it is.
$ lantern -c 'opne cohort'
! lantern: there is no command "opne" (did you mean "open"?); type "help" to see them all
!   opne cohort
!   ^
? 1

# A command that needs a dataset, with none open.
$ lantern describe bmi
! lantern: describe works on an open dataset; open one first, for example "open cohort"
!   describe bmi
!   ^
? 1

# show without a dataset.
$ lantern show
! lantern: show works on an open dataset; open one first, for example "open cohort"
!   show
!   ^
? 1

# info without a dataset and without a name.
$ lantern info
! lantern: info needs a dataset: open one first, or name it, as in "info cohort"
? 1

# -d opens a dataset before the command.
$ lantern -d nightingale -c 'show 1 2'
Rows 1-2 of 24.

month       wounds  other  disease  army_size
──────────  ──────  ─────  ───────  ─────────
1854-04-01       0      5        1       8571
1854-05-01       0      9       12      23333

Notes:
  Dataset: nightingale (Florence Nightingale's Crimean War mortality, 1854-56)
? 0

# Empty commands between semicolons are skipped.
$ lantern -c ';; open nightingale;; show 1 1 ;'
Opened nightingale: Florence Nightingale's Crimean War mortality, 1854-56, 24
rows and 5 columns.

Why it matters  It is the classic case of data changing public health:
                preventable disease, not battle, killed most of the soldiers.
Try             "info" for its columns, "show" for rows, "describe COLUMN" for a
                summary

Rows 1-1 of 24.

month       wounds  other  disease  army_size
──────────  ──────  ─────  ───────  ─────────
1854-04-01       0      5        1       8571

Notes:
  Dataset: nightingale (Florence Nightingale's Crimean War mortality, 1854-56)
? 0

# quit stops a -c list as it stops a script (help quit).
$ lantern -c 'quit; bogus'
? 0

# With a locale that is not UTF-8, tables are drawn in ASCII.
$ LC_ALL=C lantern datasets
7 datasets to explore; open one with "open NAME".

Name           Title                                     Kind                          Rows  Licence
-------------  ----------------------------------------  --------------------------  ------  -------------------------------------------------------------------
anscombe       Anscombe's quartet                        aggregated                      44  BSD-3-Clause
burtin         Will Burtin's antibiotics table, 1951     aggregated                      16  BSD-3-Clause
cohort         Synthetic cohort of 20,000 adults in...   synthetic individual-level  20,000  CC0-1.0
cohort-counts  Synthetic cohort counted by region, a...  synthetic aggregated           479  CC0-1.0
gapminder      Gapminder: life expectancy, populatio...  aggregated                     682  CC-BY-4.0
nightingale    Florence Nightingale's Crimean War mo...  aggregated                      24  Harvard Library - Digitized Content Copyright & Viewer Terms of Use
obesity        Adult obesity in the US states, 1995      aggregated                      50  U.S. Government Dataset

Notes:
  Catalog: $LANTERN_HOME/lantern.db
? 0

# --home keeps the catalog in another directory.
$ mkdir elsewhere && lantern --home elsewhere -q import sleep.csv >/dev/null && ls elsewhere && lantern --home elsewhere -f csv datasets | grep '^sleep,'; lantern -f csv datasets | grep -q '^sleep,' || echo "not in LANTERN_HOME"
lantern.db
sleep,sleep,individual-level,8,unknown (imported by you)
not in LANTERN_HOME
? 0

# --datasets pointing nowhere: no bundled datasets.
$ lantern --datasets /nonexistent datasets
There are no datasets yet; bring one in with "import FILE.csv".

Name  Title  Kind  Rows  Licence
────  ─────  ────  ────  ───────
(no rows)

Caveats:
  - The datasets that come with lantern were not found in /nonexistent; point
    LANTERN_DATASETS (or --datasets) at them.

Notes:
  Catalog: $LANTERN_HOME/lantern.db
? 0

# A command's own --format applies to that command.
$ lantern -c 'open nightingale; describe wounds --format csv'
Opened nightingale: Florence Nightingale's Crimean War mortality, 1854-56, 24
rows and 5 columns.

Why it matters  It is the classic case of data changing public health:
                preventable disease, not battle, killed most of the soldiers.
Try             "info" for its columns, "show" for rows, "describe COLUMN" for a
                summary
key,value
n,24
missing,0
mean,73.25
ci_low,36.53343878175638
ci_high,109.96656121824361
sd,86.95188574598373
se,17.7489793542035
min,0
q1,0.75
median,45
q3,118.5
max,287
iqr,117.75
skewness,1.325744601272701
kurtosis,0.9660533422862471
? 0

# run and shell belong to the terminal, not to lantern's own commands.
$ lantern -c 'run x.lt'
! lantern: run works from your terminal, as "lantern run FILE"; here, type the commands themselves
!   run x.lt
!   ^
? 1

$ lantern -c 'shell'
! lantern: shell starts from your terminal, as "lantern shell"; inside it, type "help" to see the commands
!   shell
!   ^
? 1
