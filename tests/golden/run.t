# Scripts: lantern run FILE, run -, and commands piped on standard input.
# See tests/golden.sh for the format; regenerate with tests/golden.sh --update.

# A script with comments, blank lines and several commands.
$ cat script.lt
# A lantern script: comments start with #, one command a line.
open nightingale

# How many soldiers died of preventable disease?
describe disease wounds
# From 1855 on, largest first:
filter month >= "1855-01-01"
sort disease desc
show 1 3
? 0

$ lantern run script.lt
Opened nightingale: Florence Nightingale's Crimean War mortality, 1854-56, 24
rows and 5 columns.

Why it matters  It is the classic case of data changing public health:
                preventable disease, not battle, killed most of the soldiers.
Try             "info" for its columns, "show" for rows, "describe COLUMN" for a
                summary

A summary of 2 columns of nightingale, over 24 rows.

Numbers
Column   Group   N  Missing   Mean     SD  Min  Median    Max  Unit
───────  ─────  ──  ───────  ─────  ─────  ───  ──────  ─────  ──────
disease  all    24        0  603.2  716.8    1   429.5  2,761  deaths
wounds   all    24        0  73.25  86.95    0      45    287  deaths

Caveats:
  - Fewer than 30 values in disease, wounds: with so few, the numbers could
    easily come out differently in another sample.

Method:
  - Mean and standard deviation (dividing by n - 1); the median is the middle
    value and Q1, Q3 the quartiles (quantile type 7, as R's default).
  - The 95% confidence interval of the mean uses the t distribution; skewness
    and excess kurtosis are G1 and G2, as SPSS and Excel compute them (Joanes
    and Gill, 1998).

Notes:
  Dataset: nightingale (Florence Nightingale's Crimean War mortality, 1854-56)

Filter on: 15 of 24 rows match month >= "1855-01-01".

Rows that match  15

Method:
  - Rows with a missing value in a compared column do not match; use "is
    missing" to find them.

Notes:
  Dataset: nightingale (Florence Nightingale's Crimean War mortality, 1854-56)
  Filter: month >= "1855-01-01" (15 rows match)

Rows are sorted by disease, largest first; missing values come last.

Rows 1-3 of 15 that match the filter.

month       wounds  other  disease  army_size
──────────  ──────  ─────  ───────  ─────────
1855-01-01      83    324     2761      32393
1855-02-01      42    361     2120      30919
1855-03-01      32    172     1205      30107

Notes:
  Dataset: nightingale (Florence Nightingale's Crimean War mortality, 1854-56)
  Filter: month >= "1855-01-01" (15 rows match)
  Sorted by disease, largest first
? 0

# An error on line 3: "broken.lt:3: ..." with a caret, and status 1; the
# commands after it do not run.
$ lantern run broken.lt
Opened nightingale: Florence Nightingale's Crimean War mortality, 1854-56, 24
rows and 5 columns.

Why it matters  It is the classic case of data changing public health:
                preventable disease, not battle, killed most of the soldiers.
Try             "info" for its columns, "show" for rows, "describe COLUMN" for a
                summary
! broken.lt:3: nightingale has no column "diseese" (did you mean "disease"?)
!   describe diseese
!            ^
? 1

# --keep-going (-k) goes on after the error; the status is still 1.
$ lantern --keep-going run broken.lt
Opened nightingale: Florence Nightingale's Crimean War mortality, 1854-56, 24
rows and 5 columns.

Why it matters  It is the classic case of data changing public health:
                preventable disease, not battle, killed most of the soldiers.
Try             "info" for its columns, "show" for rows, "describe COLUMN" for a
                summary

Deaths from wounds and injuries (deaths): the average is 73.25, from 24 rows.
The true average is likely between 36.53 and 110. Half the values are below 45.

N                         24
Missing                   0
Mean                      73.25 deaths
95% CI of the mean, from  36.53 deaths
95% CI of the mean, to    110 deaths
Standard deviation        86.95 deaths
Standard error            17.75 deaths
Smallest                  0 deaths
Lower quartile (Q1)       0.75 deaths
Median                    45 deaths
Upper quartile (Q3)       118.5 deaths
Largest                   287 deaths
Interquartile range       117.8 deaths
Skewness                  1.326
Excess kurtosis           0.9661

Caveats:
  - The values are lopsided (skewness 1.3): a few very large values pull the
    mean up, so the median may describe a typical value better.
  - Fewer than 30 values in wounds: with so few, the numbers could easily come
    out differently in another sample.

Method:
  - Mean and standard deviation (dividing by n - 1); the median is the middle
    value and Q1, Q3 the quartiles (quantile type 7, as R's default).
  - The 95% confidence interval of the mean uses the t distribution; skewness
    and excess kurtosis are G1 and G2, as SPSS and Excel compute them (Joanes
    and Gill, 1998).

Notes:
  Dataset: nightingale (Florence Nightingale's Crimean War mortality, 1854-56)
! broken.lt:3: nightingale has no column "diseese" (did you mean "disease"?)
!   describe diseese
!            ^
? 1

$ lantern -k run broken.lt
Opened nightingale: Florence Nightingale's Crimean War mortality, 1854-56, 24
rows and 5 columns.

Why it matters  It is the classic case of data changing public health:
                preventable disease, not battle, killed most of the soldiers.
Try             "info" for its columns, "show" for rows, "describe COLUMN" for a
                summary

Deaths from wounds and injuries (deaths): the average is 73.25, from 24 rows.
The true average is likely between 36.53 and 110. Half the values are below 45.

N                         24
Missing                   0
Mean                      73.25 deaths
95% CI of the mean, from  36.53 deaths
95% CI of the mean, to    110 deaths
Standard deviation        86.95 deaths
Standard error            17.75 deaths
Smallest                  0 deaths
Lower quartile (Q1)       0.75 deaths
Median                    45 deaths
Upper quartile (Q3)       118.5 deaths
Largest                   287 deaths
Interquartile range       117.8 deaths
Skewness                  1.326
Excess kurtosis           0.9661

Caveats:
  - The values are lopsided (skewness 1.3): a few very large values pull the
    mean up, so the median may describe a typical value better.
  - Fewer than 30 values in wounds: with so few, the numbers could easily come
    out differently in another sample.

Method:
  - Mean and standard deviation (dividing by n - 1); the median is the middle
    value and Q1, Q3 the quartiles (quantile type 7, as R's default).
  - The 95% confidence interval of the mean uses the t distribution; skewness
    and excess kurtosis are G1 and G2, as SPSS and Excel compute them (Joanes
    and Gill, 1998).

Notes:
  Dataset: nightingale (Florence Nightingale's Crimean War mortality, 1854-56)
! broken.lt:3: nightingale has no column "diseese" (did you mean "disease"?)
!   describe diseese
!            ^
? 1

# --keep-going after "run" is taken as a second file name.
$ lantern run --keep-going broken.lt
Opened nightingale: Florence Nightingale's Crimean War mortality, 1854-56, 24
rows and 5 columns.

Why it matters  It is the classic case of data changing public health:
                preventable disease, not battle, killed most of the soldiers.
Try             "info" for its columns, "show" for rows, "describe COLUMN" for a
                summary

Deaths from wounds and injuries (deaths): the average is 73.25, from 24 rows.
The true average is likely between 36.53 and 110. Half the values are below 45.

N                         24
Missing                   0
Mean                      73.25 deaths
95% CI of the mean, from  36.53 deaths
95% CI of the mean, to    110 deaths
Standard deviation        86.95 deaths
Standard error            17.75 deaths
Smallest                  0 deaths
Lower quartile (Q1)       0.75 deaths
Median                    45 deaths
Upper quartile (Q3)       118.5 deaths
Largest                   287 deaths
Interquartile range       117.8 deaths
Skewness                  1.326
Excess kurtosis           0.9661

Caveats:
  - The values are lopsided (skewness 1.3): a few very large values pull the
    mean up, so the median may describe a typical value better.
  - Fewer than 30 values in wounds: with so few, the numbers could easily come
    out differently in another sample.

Method:
  - Mean and standard deviation (dividing by n - 1); the median is the middle
    value and Q1, Q3 the quartiles (quantile type 7, as R's default).
  - The 95% confidence interval of the mean uses the t distribution; skewness
    and excess kurtosis are G1 and G2, as SPSS and Excel compute them (Joanes
    and Gill, 1998).

Notes:
  Dataset: nightingale (Florence Nightingale's Crimean War mortality, 1854-56)
! broken.lt:3: nightingale has no column "diseese" (did you mean "disease"?)
!   describe diseese
!            ^
? 1

# run - reads the script from standard input.
$ lantern run - < script.lt
Opened nightingale: Florence Nightingale's Crimean War mortality, 1854-56, 24
rows and 5 columns.

Why it matters  It is the classic case of data changing public health:
                preventable disease, not battle, killed most of the soldiers.
Try             "info" for its columns, "show" for rows, "describe COLUMN" for a
                summary

A summary of 2 columns of nightingale, over 24 rows.

Numbers
Column   Group   N  Missing   Mean     SD  Min  Median    Max  Unit
───────  ─────  ──  ───────  ─────  ─────  ───  ──────  ─────  ──────
disease  all    24        0  603.2  716.8    1   429.5  2,761  deaths
wounds   all    24        0  73.25  86.95    0      45    287  deaths

Caveats:
  - Fewer than 30 values in disease, wounds: with so few, the numbers could
    easily come out differently in another sample.

Method:
  - Mean and standard deviation (dividing by n - 1); the median is the middle
    value and Q1, Q3 the quartiles (quantile type 7, as R's default).
  - The 95% confidence interval of the mean uses the t distribution; skewness
    and excess kurtosis are G1 and G2, as SPSS and Excel compute them (Joanes
    and Gill, 1998).

Notes:
  Dataset: nightingale (Florence Nightingale's Crimean War mortality, 1854-56)

Filter on: 15 of 24 rows match month >= "1855-01-01".

Rows that match  15

Method:
  - Rows with a missing value in a compared column do not match; use "is
    missing" to find them.

Notes:
  Dataset: nightingale (Florence Nightingale's Crimean War mortality, 1854-56)
  Filter: month >= "1855-01-01" (15 rows match)

Rows are sorted by disease, largest first; missing values come last.

Rows 1-3 of 15 that match the filter.

month       wounds  other  disease  army_size
──────────  ──────  ─────  ───────  ─────────
1855-01-01      83    324     2761      32393
1855-02-01      42    361     2120      30919
1855-03-01      32    172     1205      30107

Notes:
  Dataset: nightingale (Florence Nightingale's Crimean War mortality, 1854-56)
  Filter: month >= "1855-01-01" (15 rows match)
  Sorted by disease, largest first
? 0

# With no arguments and standard input not a terminal, lantern runs the
# commands it reads.
$ printf 'open nightingale\ndescribe wounds\n' | lantern
Opened nightingale: Florence Nightingale's Crimean War mortality, 1854-56, 24
rows and 5 columns.

Why it matters  It is the classic case of data changing public health:
                preventable disease, not battle, killed most of the soldiers.
Try             "info" for its columns, "show" for rows, "describe COLUMN" for a
                summary

Deaths from wounds and injuries (deaths): the average is 73.25, from 24 rows.
The true average is likely between 36.53 and 110. Half the values are below 45.

N                         24
Missing                   0
Mean                      73.25 deaths
95% CI of the mean, from  36.53 deaths
95% CI of the mean, to    110 deaths
Standard deviation        86.95 deaths
Standard error            17.75 deaths
Smallest                  0 deaths
Lower quartile (Q1)       0.75 deaths
Median                    45 deaths
Upper quartile (Q3)       118.5 deaths
Largest                   287 deaths
Interquartile range       117.8 deaths
Skewness                  1.326
Excess kurtosis           0.9661

Caveats:
  - The values are lopsided (skewness 1.3): a few very large values pull the
    mean up, so the median may describe a typical value better.
  - Fewer than 30 values in wounds: with so few, the numbers could easily come
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

# Errors on standard input are named "stdin".
$ lantern < broken.lt
Opened nightingale: Florence Nightingale's Crimean War mortality, 1854-56, 24
rows and 5 columns.

Why it matters  It is the classic case of data changing public health:
                preventable disease, not battle, killed most of the soldiers.
Try             "info" for its columns, "show" for rows, "describe COLUMN" for a
                summary
! stdin:3: nightingale has no column "diseese" (did you mean "disease"?)
!   describe diseese
!            ^
? 1

# A comment after a command on the same line.
$ printf 'open nightingale\nshow 1 2   # the first two months\n' | lantern
Opened nightingale: Florence Nightingale's Crimean War mortality, 1854-56, 24
rows and 5 columns.

Why it matters  It is the classic case of data changing public health:
                preventable disease, not battle, killed most of the soldiers.
Try             "info" for its columns, "show" for rows, "describe COLUMN" for a
                summary

Rows 1-2 of 24.

month       wounds  other  disease  army_size
──────────  ──────  ─────  ───────  ─────────
1854-04-01       0      5        1       8571
1854-05-01       0      9       12      23333

Notes:
  Dataset: nightingale (Florence Nightingale's Crimean War mortality, 1854-56)
? 0

# quit stops the script there.
$ printf 'open nightingale\nquit\nbogus\n' | lantern
Opened nightingale: Florence Nightingale's Crimean War mortality, 1854-56, 24
rows and 5 columns.

Why it matters  It is the classic case of data changing public health:
                preventable disease, not battle, killed most of the soldiers.
Try             "info" for its columns, "show" for rows, "describe COLUMN" for a
                summary
? 0

# A script that does not exist.
$ lantern run nothere.lt
! lantern: cannot open nothere.lt: No such file or directory
? 1

# run with no file.
$ lantern run
! lantern: run takes one file name (- for standard input)
? 2
