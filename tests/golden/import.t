# import and drop: bringing CSV files into the catalog.
# The fixtures are in tests/fixtures/cli; each case starts with an empty
# catalog, so sequences of steps are written as one shell command line.
# See tests/golden.sh for the format; regenerate with tests/golden.sh --update.

# A semicolon-separated file with a UTF-8 byte order mark: the delimiter is
# found, the BOM is not part of the first column's name, types are guessed.
$ lantern import sleep.csv
Imported 8 rows and 6 columns as "sleep"; open it with "open sleep".

Rows                8
Columns             6
Disclosure profile  opensafely

Columns found
Column       Type      Values
───────────  ────────  ───────────
school       category  3 different
year_group   integer
sleep_hours  number
screen_time  number
breakfast    category  2 different
bedtime      date

Caveats:
  - Types were guessed from the data; describe the columns in a datapackage.json
    (--meta) to give them titles, units and labels.

Method:
  - Values "" and "NA" count as missing; a column with up to 20 different text
    values is treated as a category.
? 0

# The imported dataset is listed, opened and summarised.
$ lantern -q import sleep.csv >/dev/null && lantern datasets && lantern -c 'open sleep; info; describe'
8 datasets to explore; open one with "open NAME".

Name           Title                                     Kind                          Rows  Licence
─────────────  ────────────────────────────────────────  ──────────────────────────  ──────  ───────────────────────────────────────────────────────────────────
anscombe       Anscombe's quartet                        aggregated                      44  BSD-3-Clause
burtin         Will Burtin's antibiotics table, 1951     aggregated                      16  BSD-3-Clause
cohort         Synthetic cohort of 20,000 adults in En…  synthetic individual-level  20,000  CC0-1.0
cohort-counts  Synthetic cohort counted by region, age…  synthetic aggregated           479  CC0-1.0
gapminder      Gapminder: life expectancy, population…   aggregated                     682  CC-BY-4.0
nightingale    Florence Nightingale's Crimean War mort…  aggregated                      24  Harvard Library - Digitized Content Copyright & Viewer Terms of Use
obesity        Adult obesity in the US states, 1995      aggregated                      50  U.S. Government Dataset
sleep          sleep                                     individual-level                 8  unknown (imported by you)

Notes:
  Catalog: $LANTERN_HOME/lantern.db
Opened sleep: 8 rows and 6 columns.

Try  "info" for its columns, "describe COLUMN" for a summary, "privacy" for why
     its rows are not shown

sleep: a dataset you imported.

Title               sleep
Kind                individual-level
Rows                10
Columns             6
Disclosure profile  opensafely: counts of 1 to 7 hidden, others rounded to 5;
                    statistics of small groups hidden
Source              imported from sleep.csv
Licence             unknown (imported by you)
Content hash        fnv1a64:88dfc3f105b78c4b

Variables
Column       Label        Type      Unit  Values
───────────  ───────────  ────────  ────  ───────────────────────────────
school       school       category        Hillside, Northfield, Riverside
year_group   year_group   integer
sleep_hours  sleep_hours  number
screen_time  screen_time  number
breakfast    breakfast    category        no, yes
bedtime      bedtime      date

A summary of 6 columns of sleep, over 10 rows.

Categories and text
Column      N  Missing  Values  Most common  %
─────────  ──  ───────  ──────  ───────────  ─
school     10        0       3
breakfast  10        0       2

Numbers
Column       Group   N  Missing  Mean     SD  Min  Median  Max  Unit
───────────  ─────  ──  ───────  ────  ─────  ───  ──────  ───  ────
year_group   all    10        0  10.9  0.835    *      11    *
sleep_hours  all     *        *     *      *    *       *    *
screen_time  all     *        *     *      *    *       *    *
  * hidden: it would show one person's own value
  * hidden: fewer than 8 people
  * hidden: it comes from fewer than 8 people

Dates
Column    N  Missing  Earliest  Median      Latest
───────  ──  ───────  ────────  ──────────  ──────
bedtime  10        0  *         2024-03-02  *
  * hidden: it would show one person's own value

Caveats:
  - Fewer than 30 values in year_group, sleep_hours, screen_time, bedtime: with
    so few, the numbers could easily come out differently in another sample.
  - Some values are missing; the statistics use only the rows that have a value,
    which can mislead if the gaps are not random.
  - Some numbers are hidden to protect people's privacy; type "privacy" to see
    the rules.

Method:
  - Mean and standard deviation (dividing by n - 1); the median is the middle
    value and Q1, Q3 the quartiles (quantile type 7, as R's default).
  - The 95% confidence interval of the mean uses the t distribution; skewness
    and excess kurtosis are G1 and G2, as SPSS and Excel compute them (Joanes
    and Gill, 1998).
  - Disclosure control (profile opensafely): counts are protected first, and
    percentages and statistics are computed from the protected counts.
  - The smallest and largest values are not shown: each is one person's own
    value.

Notes:
  Dataset: sleep
? 0

# With --meta, the Data Package gives titles, units, categories and the kind.
# (school is plain text: the most common value of free text is not shown.)
$ lantern -q import sleep.csv --meta datapackage.json && lantern -c 'open sleep; info; describe; filter breakfast = "no breakfast"; show'
Imported 8 rows and 6 columns as "sleep"; open it with "open sleep".

Rows                8
Columns             6
Disclosure profile  none

Columns found
Column       Type      Values
───────────  ────────  ───────────
school       text
year_group   integer
sleep_hours  number
screen_time  number
breakfast    category  2 different
bedtime      date
Opened sleep: Sleep and screens in three schools, 8 rows and 6 columns.

Why it matters  Sleep matters for learning.
Try             "info" for its columns, "show" for rows, "describe COLUMN" for a
                summary

Caveats:
  - This data is synthetic: no real person is in it.

sleep: Sleep and screens in three schools.

Title               Sleep and screens in three schools
About               A tiny made-up survey for lantern's tests: how long pupils
                    slept and how long they looked at screens.
Why it matters      Sleep matters for learning.
Kind                synthetic individual-level
Rows                8
Columns             6
Disclosure profile  none: nothing hidden: the data is public counts or made up
Source              unknown
Licence             unknown
Content hash        fnv1a64:88dfc3f105b78c4b

Variables
Column       Label           Type      Unit       Values
───────────  ──────────────  ────────  ─────────  ──────────────────────────────
school       School          text
year_group   Year group      integer
sleep_hours  Hours of sleep  number    hours
screen_time  Screen time     number    hours/day
breakfast    Had breakfast   category             yes=had breakfast, no=no breakfast
bedtime      Survey date     date

Caveats:
  - This data is synthetic: a computer made it up, so no real person is in it.
    It was built to behave like real health data, so what you find is practice,
    not news.

A summary of 6 columns of sleep, over 8 rows.

Categories and text
Column     N  Missing  Values  Most common        %
─────────  ─  ───────  ──────  ─────────────  ─────
school     8        0       3
breakfast  8        0       2  had breakfast  62.5%

Numbers
Column       Group  N  Missing   Mean      SD  Min  Median  Max  Unit
───────────  ─────  ─  ───────  ─────  ──────  ───  ──────  ───  ─────────
year_group   all    8        0  10.88  0.8345   10      11   12
sleep_hours  all    7        1  7.429   1.028    6     7.5    9  hours
screen_time  all    7        1  3.214   1.455  1.5       3  5.5  hours/day

Dates
Column   N  Missing  Earliest    Median      Latest
───────  ─  ───────  ──────────  ──────────  ──────────
bedtime  8        0  2024-03-01  2024-03-02  2024-03-04

Caveats:
  - Fewer than 30 values in year_group, sleep_hours, screen_time, bedtime: with
    so few, the numbers could easily come out differently in another sample.
  - Some values are missing; the statistics use only the rows that have a value,
    which can mislead if the gaps are not random.

Method:
  - Mean and standard deviation (dividing by n - 1); the median is the middle
    value and Q1, Q3 the quartiles (quantile type 7, as R's default).
  - The 95% confidence interval of the mean uses the t distribution; skewness
    and excess kurtosis are G1 and G2, as SPSS and Excel compute them (Joanes
    and Gill, 1998).

Notes:
  Dataset: sleep (Sleep and screens in three schools)

Filter on: 3 of 8 rows match breakfast = "no breakfast".

Rows that match  3

Method:
  - Rows with a missing value in a compared column do not match; use "is
    missing" to find them.

Notes:
  Dataset: sleep (Sleep and screens in three schools)
  Filter: breakfast = "no breakfast" (3 rows match)

Rows 1-3 of 3 that match the filter.

school      year_group  sleep_hours  screen_time  breakfast     bedtime
──────────  ──────────  ───────────  ───────────  ────────────  ──────────
Northfield          11            6          4.8  no breakfast  2024-03-01
Hillside            11           NA          5.5  no breakfast  2024-03-02
Riverside           12          6.5           NA  no breakfast  2024-03-03

Notes:
  Dataset: sleep (Sleep and screens in three schools)
  Filter: breakfast = "no breakfast" (3 rows match)
? 0

# A Data Package that is not valid JSON: the error gives its line.
$ lantern import sleep.csv --meta badmeta.json
! lantern: badmeta.json, line 4: string or '}' expected near '}'; fix the JSON and try again
? 1

# A --meta file that does not exist.
$ lantern import sleep.csv --meta nothere.json
! lantern: cannot read nothere.json (No such file or directory); check the path of the datapackage.json
? 1

# --delimiter says what separates the fields.
$ lantern -q import sleep.csv --delimiter ';' --name sleep-semi
Imported 8 rows and 6 columns as "sleep-semi"; open it with "open sleep-semi".

Rows                8
Columns             6
Disclosure profile  opensafely

Columns found
Column       Type      Values
───────────  ────────  ───────────
school       category  3 different
year_group   integer
sleep_hours  number
screen_time  number
breakfast    category  2 different
bedtime      date

Caveats:
  - Types were guessed from the data; describe the columns in a datapackage.json
    (--meta) to give them titles, units and labels.

Method:
  - Values "" and "NA" count as missing; a column with up to 20 different text
    values is treated as a category.
? 0

# Importing twice without --replace is refused; with --replace it works.
$ lantern -q import sleep.csv >/dev/null; lantern import sleep.csv; echo "status $?"; lantern -q import sleep.csv --replace --meta datapackage.json >/dev/null; echo "status $?"; lantern info sleep | head -n 1
status 1
status 0
sleep: Sleep and screens in three schools.
! lantern: a dataset called "sleep" exists already; choose another --name, or add --replace
? 0

# A bad dataset name.
$ lantern import sleep.csv --name 'bad name'
! lantern: "bad name" cannot be a dataset name; use lowercase letters, digits, - and _ (for example --name my-data)
? 1

# Upper case is not allowed in names either.
$ lantern import sleep.csv --name Sleep2
! lantern: "Sleep2" cannot be a dataset name; use lowercase letters, digits, - and _ (for example --name my-data)
? 1

# A row with the wrong number of fields: the error names the line.
$ lantern import ragged.csv
! lantern: ragged.csv, line 4: 2 fields, expected 3 like the header; check for a missing quote or an extra delimiter
? 1

# Bytes that are not UTF-8: the error gives the line and the byte offset.
$ lantern import badutf8.csv
! lantern: badutf8.csv, line 5, byte 48: the file is not valid UTF-8 (save it as CSV UTF-8 and try again)
? 1

# A column named like an email address is refused ...
$ lantern import email.csv
! lantern: column "email" is named like an email address, and lantern never imports direct identifiers; leave it out with --drop "email"
? 1

# ... and nothing was imported.
$ lantern import email.csv; lantern -f csv datasets | grep -c '^email,'
0
! lantern: column "email" is named like an email address, and lantern never imports direct identifiers; leave it out with --drop "email"
? 1

# ... and --drop leaves it out.
$ lantern import email.csv --drop email && lantern -c 'open email; show'
Imported 3 rows and 2 columns as "email"; open it with "open email".

Rows                3
Columns             2
Disclosure profile  opensafely

Columns found
Column  Type     Values
──────  ───────  ──────
pupil   integer
score   integer

Caveats:
  - Types were guessed from the data; describe the columns in a datapackage.json
    (--meta) to give them titles, units and labels.

Method:
  - Values "" and "NA" count as missing; a column with up to 20 different text
    values is treated as a category.
Opened email: 3 rows and 2 columns.

Try  "info" for its columns, "describe COLUMN" for a summary, "privacy" for why
     its rows are not shown
! lantern: email may hold records about real people, so lantern does not show its rows; use summaries such as "describe" and "freq" instead, and type "privacy" to see why
? 1

# A file that does not exist.
$ lantern import nothere.csv
! lantern: cannot open nothere.csv: No such file or directory
? 1

# An option import does not have.
$ lantern import sleep.csv --quiet
! lantern: import has no option "--quiet"; type "help import" to see its options
!   import sleep.csv --quiet
!                    ^
? 1

# drop removes an imported dataset; datasets no longer lists it.
$ lantern -q import sleep.csv >/dev/null && lantern drop sleep && lantern -f csv datasets
Removed "sleep" from your catalog.
name,title,kind,rows,licence
anscombe,Anscombe's quartet,aggregated,44,BSD-3-Clause
burtin,"Will Burtin's antibiotics table, 1951",aggregated,16,BSD-3-Clause
cohort,"Synthetic cohort of 20,000 adults in England",synthetic individual-level,20000,CC0-1.0
cohort-counts,"Synthetic cohort counted by region, age band, sex and conditions",synthetic aggregated,479,CC0-1.0
gapminder,"Gapminder: life expectancy, population and fertility, 1955-2005",aggregated,682,CC-BY-4.0
nightingale,"Florence Nightingale's Crimean War mortality, 1854-56",aggregated,24,Harvard Library - Digitized Content Copyright & Viewer Terms of Use
obesity,"Adult obesity in the US states, 1995",aggregated,50,U.S. Government Dataset
? 0

# drop of a dataset that is not there.
$ lantern drop sleep
! lantern: there is no imported dataset called "sleep"; type "datasets" to see them
!   drop sleep
!        ^
? 1

# drop of a bundled dataset.
# Bundled datasets cannot be dropped.
$ lantern drop cohort
! lantern: cohort comes with lantern, so it cannot be removed; drop removes datasets you imported
!   drop cohort
!        ^
? 1

# A file made by generate can be imported.
$ lantern generate cohort --rows 50 --seed 3 --output small.csv && lantern -q import small.csv --name small >/dev/null && lantern -c 'open small; describe age sex'
Wrote 50 rows of cohort (seed 3) to small.csv.
Opened small: 50 rows and 15 columns.

Try  "info" for its columns, "describe COLUMN" for a summary, "privacy" for why
     its rows are not shown

A summary of 2 columns of small, over 50 rows.

Numbers
Column  Group   N  Missing  Mean    SD  Min  Median  Max  Unit
──────  ─────  ──  ───────  ────  ────  ───  ──────  ───  ────
age     all    50        0  48.8  17.7    *      48    *
  * hidden: it would show one person's own value

Categories and text
Column   N  Missing  Values  Most common      %
──────  ──  ───────  ──────  ───────────  ─────
sex     50        0       2  F            60.0%

Caveats:
  - Some numbers are hidden to protect people's privacy; type "privacy" to see
    the rules.

Method:
  - Mean and standard deviation (dividing by n - 1); the median is the middle
    value and Q1, Q3 the quartiles (quantile type 7, as R's default).
  - The 95% confidence interval of the mean uses the t distribution; skewness
    and excess kurtosis are G1 and G2, as SPSS and Excel compute them (Joanes
    and Gill, 1998).
  - Disclosure control (profile opensafely): counts are protected first, and
    percentages and statistics are computed from the protected counts.
  - The smallest and largest values are not shown: each is one person's own
    value.

Notes:
  Dataset: small
? 0
