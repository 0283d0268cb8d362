# set, help and command errors.
# See tests/golden.sh for the format; regenerate with tests/golden.sh --update.

# set with no words lists the settings.
$ lantern set
Change a setting with "set NAME VALUE".

Setting  Value  What it does
───────  ─────  ────────────────────────────────────────────────────────────────
format   text   how results are written: text for people, csv or json for programs
digits   4      significant digits shown for statistics in text output
page     20     rows shown by each "show"
? 0

# set format json: the next results are JSON.
$ lantern -c 'set format json; open nightingale; describe wounds'
{
  "command": "set format json",
  "dataset": null,
  "filter": null,
  "headline": "format is now json.",
  "numbers": [],
  "tables": [],
  "charts": [],
  "caveats": [],
  "method": [],
  "notes": []
}
{
  "command": "open nightingale",
  "dataset": "nightingale",
  "filter": null,
  "headline": "Opened nightingale: Florence Nightingale's Crimean War mortality, 1854-56, 24 rows and 5 columns.",
  "numbers": [
    {
      "key": "why",
      "label": "Why it matters",
      "value": "It is the classic case of data changing public health: preventable disease, not battle, killed most of the soldiers.",
      "unit": null
    },
    {
      "key": "next",
      "label": "Try",
      "value": "\"info\" for its columns, \"show\" for rows, \"describe COLUMN\" for a summary",
      "unit": null
    }
  ],
  "tables": [],
  "charts": [],
  "caveats": [],
  "method": [],
  "notes": []
}
{
  "command": "describe wounds",
  "dataset": "nightingale",
  "filter": null,
  "headline": "Deaths from wounds and injuries (deaths): the average is 73.25, from 24 rows. The true average is likely between 36.53 and 110. Half the values are below 45.",
  "numbers": [
    {
      "key": "n",
      "label": "N",
      "value": 24,
      "unit": null
    },
    {
      "key": "missing",
      "label": "Missing",
      "value": 0,
      "unit": null
    },
    {
      "key": "mean",
      "label": "Mean",
      "value": 73.25,
      "unit": "deaths"
    },
    {
      "key": "ci_low",
      "label": "95% CI of the mean, from",
      "value": 36.533438781756381,
      "unit": "deaths"
    },
    {
      "key": "ci_high",
      "label": "95% CI of the mean, to",
      "value": 109.96656121824361,
      "unit": "deaths"
    },
    {
      "key": "sd",
      "label": "Standard deviation",
      "value": 86.951885745983731,
      "unit": "deaths"
    },
    {
      "key": "se",
      "label": "Standard error",
      "value": 17.748979354203499,
      "unit": "deaths"
    },
    {
      "key": "min",
      "label": "Smallest",
      "value": 0,
      "unit": "deaths"
    },
    {
      "key": "q1",
      "label": "Lower quartile (Q1)",
      "value": 0.75,
      "unit": "deaths"
    },
    {
      "key": "median",
      "label": "Median",
      "value": 45,
      "unit": "deaths"
    },
    {
      "key": "q3",
      "label": "Upper quartile (Q3)",
      "value": 118.5,
      "unit": "deaths"
    },
    {
      "key": "max",
      "label": "Largest",
      "value": 287,
      "unit": "deaths"
    },
    {
      "key": "iqr",
      "label": "Interquartile range",
      "value": 117.75,
      "unit": "deaths"
    },
    {
      "key": "skewness",
      "label": "Skewness",
      "value": 1.325744601272701,
      "unit": null
    },
    {
      "key": "kurtosis",
      "label": "Excess kurtosis",
      "value": 0.96605334228624706,
      "unit": null
    }
  ],
  "tables": [],
  "charts": [],
  "caveats": [
    "The values are lopsided (skewness 1.3): a few very large values pull the mean up, so the median may describe a typical value better.",
    "Fewer than 30 values in wounds: with so few, the numbers could easily come out differently in another sample."
  ],
  "method": [
    "Mean and standard deviation (dividing by n - 1); the median is the middle value and Q1, Q3 the quartiles (quantile type 7, as R's default).",
    "The 95% confidence interval of the mean uses the t distribution; skewness and excess kurtosis are G1 and G2, as SPSS and Excel compute them (Joanes and Gill, 1998)."
  ],
  "notes": [
    "Dataset: nightingale (Florence Nightingale's Crimean War mortality, 1854-56)"
  ]
}
? 0

# set digits 6: more significant digits in text.
$ lantern -d nightingale -c 'set digits 6; describe disease'
digits is now 6.

Deaths from preventable diseases (deaths): the average is 603.167, from 24 rows.
The true average is likely between 300.489 and 905.844. Half the values are
below 429.5.

N                         24
Missing                   0
Mean                      603.167 deaths
95% CI of the mean, from  300.489 deaths
95% CI of the mean, to    905.844 deaths
Standard deviation        716.798 deaths
Standard error            146.316 deaths
Smallest                  1 deaths
Lower quartile (Q1)       78.75 deaths
Median                    429.5 deaths
Upper quartile (Q3)       808.5 deaths
Largest                   2,761 deaths
Interquartile range       729.75 deaths
Skewness                  1.7488
Excess kurtosis           2.89491

Caveats:
  - The values are lopsided (skewness 1.7): a few very large values pull the
    mean up, so the median may describe a typical value better.
  - Fewer than 30 values in disease: with so few, the numbers could easily come
    out differently in another sample.

Method:
  - Mean and standard deviation (dividing by n - 1); the median is the middle
    value and Q1, Q3 the quartiles (quantile type 7, as R's default).
  - The 95% confidence interval of the mean uses the t distribution; skewness
    and excess kurtosis are G1 and G2, as SPSS and Excel compute them (Joanes
    and Gill, 1998).

Notes:
  Dataset: nightingale (Florence Nightingale's Crimean War mortality, 1854-56)
? 0

# Bad values for settings.
$ lantern -c 'set digits 99'
! lantern: digits takes a whole number from 1 to 17, not "99"
!   set digits 99
!              ^
? 1

$ lantern -c 'set digits x'
! lantern: digits takes a whole number from 1 to 17, not "x"
!   set digits x
!              ^
? 1

$ lantern -c 'set format xml'
! lantern: format can be text|csv|json, not "xml"
!   set format xml
!              ^
? 1

$ lantern -c 'set colour on'
! lantern: there is no setting called "colour"; type "set" to see them all
!   set colour on
!       ^
? 1

# help lists the commands.
$ lantern help
Type a command and press Enter; "help COMMAND" tells more about one, as in "help
filter".

Command    What it does
─────────  ─────────────────────────────────────────────────────────────────
datasets   list the datasets you can open
open       open a dataset to work on
info       show a dataset's card: source, licence, kind and columns
privacy    explain how the privacy rules keep people safe
show       show rows of the open dataset, a page at a time
filter     choose which rows to look at
sort       put rows in order of a column
describe   summarise columns: counts, averages, spread
freq       count each value of a column
crosstab   count two columns against each other and test the link
compare    compare the average of a number between groups
correlate  measure how two numbers go up and down together
regress    explain a number or a yes/no outcome by several columns
rate       events per person, per 1,000 or per year, with exact intervals
plot       draw a chart: hist, bar, box, scatter or line
guide      pick and run the right analysis for a question, and say why
import     bring a CSV file into your catalog
drop       remove an imported dataset from your catalog
generate   make synthetic data with lantern's own generators
post       share the last result as an observation for researchers to review
findings   read, re-run and review the observations people posted
tutorial   list, check, replay or restart tutorials
set        show or change settings
help       list the commands, or explain one
quit       leave lantern

Notes:
  Start with "datasets", then "open cohort" and "info".
  Every command also takes --format text, csv or json, as in "describe bmi
  --format json".
? 0

# help COMMAND explains one.
$ lantern help filter
filter: choose which rows to look at.

Usage         filter [EXPRESSION | off]
What it does  Keeps only the rows that match EXPRESSION for every command that
              follows, until "filter off". Compare columns with = != < <= > >=,
              combine with and, or, not and parentheses, test lists with in
              (...), ranges with between A and B, and gaps with is missing.
              Labelled values can be named by their label, as in smoking =
              "current". With no expression, shows the filter that is on.
Example       filter age >= 65 and smoking = "current"
? 0

$ lantern help import
import: bring a CSV file into your catalog.

Usage         import FILE [--name NAME] [--meta FILE] [--delimiter CHAR] [--drop
              COLUMN]... [--profile PROFILE] [--replace]
What it does  Reads a CSV file (comma, semicolon or tab separated; UTF-8) into
              your catalog in one step: if anything is wrong, nothing is
              changed. Column types are guessed unless --meta describes them.
              Columns that would identify people (names, NHS numbers, dates of
              birth, postcodes, addresses, emails, phone numbers) are refused:
              leave them out with --drop.
Example       import survey.csv --name survey --drop postcode

Options
Option             What it does
─────────────────  ─────────────────────────────────────────────────────────────
--name NAME        the dataset's name (default: from the metadata, else the file name)
--meta FILE        a Data Package (datapackage.json) describing the columns: titles, types, units, labels
--delimiter CHAR   the field separator: comma, semicolon or tab (default: guessed from the file)
--drop COLUMN      leave a column out (may be given more than once)
--profile PROFILE  disclosure profile: opensafely (the default), nhs, ten or none
--replace          replace a dataset of the same name
? 0

$ lantern help show
show: show rows of the open dataset, a page at a time.

Usage         show [FROM [COUNT]]
What it does  Shows a page of rows (the "page" setting, 20 at first) that match
              the filter, in the current sort order. With no number it shows the
              next page; FROM starts at that row (1 is the first) and COUNT says
              how many rows to show. Labelled values are shown by their labels;
              NA marks a missing value.
Example       show 100 5
? 0

# help of something that is not a command.
$ lantern help nonsense
! lantern: there is no command "nonsense"; type "help" to see them all
!   help nonsense
!        ^
? 1

# help as JSON.
$ lantern -f json help sort
{
  "command": "help sort",
  "dataset": null,
  "filter": null,
  "headline": "sort: put rows in order of a column.",
  "numbers": [
    {
      "key": "usage",
      "label": "Usage",
      "value": "sort COLUMN [asc|desc] | off",
      "unit": null
    },
    {
      "key": "help",
      "label": "What it does",
      "value": "Orders the rows that \"show\" pages through by COLUMN, smallest first (asc) or largest first (desc). \"sort off\" goes back to the file's order.",
      "unit": null
    },
    {
      "key": "example",
      "label": "Example",
      "value": "sort bmi desc",
      "unit": null
    }
  ],
  "tables": [],
  "charts": [],
  "caveats": [],
  "method": [],
  "notes": []
}
? 0
