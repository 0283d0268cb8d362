# filter: choosing rows, and its error messages with carets.
# See tests/golden.sh for the format; regenerate with tests/golden.sh --update.

# A filter with "and" and a labelled value, then a summary of the rows.
$ lantern -c 'open cohort; filter age >= 65 and smoking = "current"; describe bmi'
Opened cohort: Synthetic cohort of 20,000 adults in England, 20,000 rows and 15
columns.

Why it matters  Heart attacks, strokes and diabetes are among the biggest causes
                of illness in England, and smoking, weight, blood pressure and
                deprivation drive much of them.
Try             "info" for its columns, "show" for rows, "describe COLUMN" for a
                summary

Caveats:
  - This data is synthetic: no real person is in it.

Filter on: 380 of 20,000 rows match age >= 65 and smoking = "current".

Rows that match  380

Method:
  - Rows with a missing value in a compared column do not match; use "is
    missing" to find them.

Notes:
  Dataset: cohort (Synthetic cohort of 20,000 adults in England)
  Filter: age >= 65 and smoking = "current" (380 rows match)

Body mass index (kg/m2): the average is 28.2, from 370 people. The true average
is likely between 27.7 and 28.8. Half the values are below 27.9.

N                         370
Missing                   10
Mean                      28.2 kg/m2
95% CI of the mean, from  27.7 kg/m2
95% CI of the mean, to    28.8 kg/m2
Standard deviation        5 kg/m2
Standard error            0.26 kg/m2
Smallest                  hidden: it would show one person's own value
Lower quartile (Q1)       24.7 kg/m2
Median                    27.9 kg/m2
Upper quartile (Q3)       31.4 kg/m2
Largest                   hidden: it would show one person's own value
Interquartile range       6.73 kg/m2
Skewness                  0.634
Excess kurtosis           2

Caveats:
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
  Dataset: cohort (Synthetic cohort of 20,000 adults in England)
  Filter: age >= 65 and smoking = "current" (380 rows match)
? 0

# A category can be compared by its stored code too.
$ lantern -d cohort -c 'filter smoking = 2; describe smoking'
Filter on: 2,940 of 20,000 rows match smoking = 2.

Rows that match  2,940

Method:
  - Rows with a missing value in a compared column do not match; use "is
    missing" to find them.

Notes:
  Dataset: cohort (Synthetic cohort of 20,000 adults in England)
  Filter: smoking = 2 (2,940 rows match)

Too few people have each value of smoking here to show the most common one.

Categories and text
Column   N  Missing  Values  Most common  %
───────  ─  ───────  ──────  ───────────  ─
smoking  *        *       1  *            *
  * hidden: fewer than 8 people
  * hidden: it comes from fewer than 8 people

Caveats:
  - Some numbers are hidden to protect people's privacy; type "privacy" to see
    the rules.

Method:
  - Disclosure control (profile opensafely): counts are protected first, and
    percentages and statistics are computed from the protected counts.
  - The smallest and largest values are not shown: each is one person's own
    value.

Notes:
  Dataset: cohort (Synthetic cohort of 20,000 adults in England)
  Filter: smoking = 2 (2,940 rows match)
? 0

# between, not and parentheses.
$ lantern -d cohort -c 'filter age between 20 and 30 and not (sex = "F")'
Filter on: 1,690 of 20,000 rows match age between 20 and 30 and not (sex = "F").

Rows that match  1,690

Method:
  - Rows with a missing value in a compared column do not match; use "is
    missing" to find them.

Notes:
  Dataset: cohort (Synthetic cohort of 20,000 adults in England)
  Filter: age between 20 and 30 and not (sex = "F") (1,690 rows match)
? 0

# in (...) with labels.
$ lantern -d cohort -c 'filter smoking in ("never", "former")'
Filter on: 17,060 of 20,000 rows match smoking in ("never", "former").

Rows that match  17,060

Method:
  - Rows with a missing value in a compared column do not match; use "is
    missing" to find them.

Notes:
  Dataset: cohort (Synthetic cohort of 20,000 adults in England)
  Filter: smoking in ("never", "former") (17,060 rows match)
? 0

# is missing finds the gaps.
$ lantern -d cohort -c 'filter bmi is missing; show 1 2'
Filter on: 425 of 20,000 rows match bmi is missing.

Rows that match  425

Method:
  - Rows with a missing value in a compared column do not match; use "is
    missing" to find them.

Notes:
  Dataset: cohort (Synthetic cohort of 20,000 adults in England)
  Filter: bmi is missing (425 rows match)

Rows 1-2 of 425 that match the filter.

age  sex   region                    imd_quintile       ethnicity  smoking  bmi  sbp  cholesterol  diabetes  heart_attack  stroke  steps  alcohol  first_admission
───  ────  ────────────────────────  ─────────────────  ─────────  ───────  ───  ───  ───────────  ────────  ────────────  ──────  ─────  ───────  ───────────────
 79  male  Yorkshire and The Humber  1 (most deprived)  White      never     NA  147          6.5  no        yes           no       3575     11.3  2024-10-04
 44  male  Yorkshire and The Humber  4                  White      former    NA  145          5.8  no        no            no      11584      0.3  NA

Notes:
  Dataset: cohort (Synthetic cohort of 20,000 adults in England)
  Filter: bmi is missing (425 rows match)
? 0

# A filter nothing matches.
$ lantern -d cohort -c 'filter age > 200; describe bmi'
Filter on: age > 200. How many rows match is hidden (fewer than 8 people).

Rows that match  hidden: fewer than 8 people

Caveats:
  - Some numbers are hidden to protect people's privacy; type "privacy" to see
    the rules.

Method:
  - Rows with a missing value in a compared column do not match; use "is
    missing" to find them.

Notes:
  Dataset: cohort (Synthetic cohort of 20,000 adults in England)
  Filter: age > 200 (how many rows match is hidden, to protect people's privacy)

This result is not shown to protect privacy: the filter selects too few people
(fewer than 8) to show anything about them; widen it.

Caveats:
  - Nothing is shown about fewer than 8 people, so that nobody can be picked
    out; type "privacy" to see the rules.

Method:
  - Disclosure control (profile opensafely): counts are protected first, and
    percentages and statistics are computed from the protected counts.
  - The smallest and largest values are not shown: each is one person's own
    value.

Notes:
  Dataset: cohort (Synthetic cohort of 20,000 adults in England)
  Filter: age > 200 (how many rows match is hidden, to protect people's privacy)
? 0

# "filter" with no expression says which filter is on.
$ lantern -d cohort -c 'filter'
No filter is on: every row is used.

Try  filter age >= 65 and smoking = "current"
? 0

$ lantern -d cohort -c 'filter age > 60; filter'
Filter on: 5,915 of 20,000 rows match age > 60.

Rows that match  5,915

Method:
  - Rows with a missing value in a compared column do not match; use "is
    missing" to find them.

Notes:
  Dataset: cohort (Synthetic cohort of 20,000 adults in England)
  Filter: age > 60 (5,915 rows match)

The filter age > 60 selects 5,915 rows.

Notes:
  Dataset: cohort (Synthetic cohort of 20,000 adults in England)
  Filter: age > 60 (5,915 rows match)
? 0

# filter off: every row again.
$ lantern -d cohort -c 'filter age > 60; filter off; describe age'
Filter on: 5,915 of 20,000 rows match age > 60.

Rows that match  5,915

Method:
  - Rows with a missing value in a compared column do not match; use "is
    missing" to find them.

Notes:
  Dataset: cohort (Synthetic cohort of 20,000 adults in England)
  Filter: age > 60 (5,915 rows match)

Filter off: every row is used again.

Notes:
  Dataset: cohort (Synthetic cohort of 20,000 adults in England)

Age (years): the average is 49, from 20,000 people. The true average is likely
between 48.8 and 49.3. Half the values are below 48.

N                         20,000
Missing                   0
Mean                      49 years
95% CI of the mean, from  48.8 years
95% CI of the mean, to    49.3 years
Standard deviation        18.6 years
Standard error            0.132 years
Smallest                  hidden: it would show one person's own value
Lower quartile (Q1)       33 years
Median                    48 years
Upper quartile (Q3)       64 years
Largest                   hidden: it would show one person's own value
Interquartile range       31 years
Skewness                  0.168
Excess kurtosis           -0.979

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
  Dataset: cohort (Synthetic cohort of 20,000 adults in England)
? 0

# An unknown column: the caret is under it.
$ lantern -c 'open cohort; filter agee > 3'
Opened cohort: Synthetic cohort of 20,000 adults in England, 20,000 rows and 15
columns.

Why it matters  Heart attacks, strokes and diabetes are among the biggest causes
                of illness in England, and smoking, weight, blood pressure and
                deprivation drive much of them.
Try             "info" for its columns, "show" for rows, "describe COLUMN" for a
                summary

Caveats:
  - This data is synthetic: no real person is in it.
! lantern: unknown column "agee" (did you mean "age"?)
!   open cohort; filter agee > 3
!                       ^
? 1

# A value label that does not exist: the caret is under the value.
$ lantern -c 'open cohort; filter smoking = "curent"'
Opened cohort: Synthetic cohort of 20,000 adults in England, 20,000 rows and 15
columns.

Why it matters  Heart attacks, strokes and diabetes are among the biggest causes
                of illness in England, and smoking, weight, blood pressure and
                deprivation drive much of them.
Try             "info" for its columns, "show" for rows, "describe COLUMN" for a
                summary

Caveats:
  - This data is synthetic: no real person is in it.
! lantern: smoking has no value "curent"; use one of: never, former, current
!   open cohort; filter smoking = "curent"
!                                 ^
? 1

# The same inside in (...).
$ lantern -c 'open cohort; filter smoking in ("never", "formr")'
Opened cohort: Synthetic cohort of 20,000 adults in England, 20,000 rows and 15
columns.

Why it matters  Heart attacks, strokes and diabetes are among the biggest causes
                of illness in England, and smoking, weight, blood pressure and
                deprivation drive much of them.
Try             "info" for its columns, "show" for rows, "describe COLUMN" for a
                summary

Caveats:
  - This data is synthetic: no real person is in it.
! lantern: smoking has no value "formr"; use one of: never, former, current
!   open cohort; filter smoking in ("never", "formr")
!                                            ^
? 1

# An operator with no value after it.
$ lantern -c 'open cohort; filter age >='
Opened cohort: Synthetic cohort of 20,000 adults in England, 20,000 rows and 15
columns.

Why it matters  Heart attacks, strokes and diabetes are among the biggest causes
                of illness in England, and smoking, weight, blood pressure and
                deprivation drive much of them.
Try             "info" for its columns, "show" for rows, "describe COLUMN" for a
                summary

Caveats:
  - This data is synthetic: no real person is in it.
! lantern: expected a value after ">="
!   open cohort; filter age >=
!                             ^
? 1

# An unclosed parenthesis.
$ lantern -c 'open cohort; filter (age > 3'
Opened cohort: Synthetic cohort of 20,000 adults in England, 20,000 rows and 15
columns.

Why it matters  Heart attacks, strokes and diabetes are among the biggest causes
                of illness in England, and smoking, weight, blood pressure and
                deprivation drive much of them.
Try             "info" for its columns, "show" for rows, "describe COLUMN" for a
                summary

Caveats:
  - This data is synthetic: no real person is in it.
! lantern: expected ")" to close the "(" you opened
!   open cohort; filter (age > 3
!                               ^
? 1

# A number column compared with text.
$ lantern -c 'open cohort; filter age > "old"'
Opened cohort: Synthetic cohort of 20,000 adults in England, 20,000 rows and 15
columns.

Why it matters  Heart attacks, strokes and diabetes are among the biggest causes
                of illness in England, and smoking, weight, blood pressure and
                deprivation drive much of them.
Try             "info" for its columns, "show" for rows, "describe COLUMN" for a
                summary

Caveats:
  - This data is synthetic: no real person is in it.
! lantern: age is a number, so compare it with a number such as 25, not "old"
!   open cohort; filter age > "old"
!                             ^
? 1

# A column alone, not a yes/no column.
$ lantern -c 'open cohort; filter sex'
Opened cohort: Synthetic cohort of 20,000 adults in England, 20,000 rows and 15
columns.

Why it matters  Heart attacks, strokes and diabetes are among the biggest causes
                of illness in England, and smoking, weight, blood pressure and
                deprivation drive much of them.
Try             "info" for its columns, "show" for rows, "describe COLUMN" for a
                summary

Caveats:
  - This data is synthetic: no real person is in it.
! lantern: sex is not a yes/no column, so write a comparison such as sex = "male"
!   open cohort; filter sex
!                       ^
? 1

# Two values in a row.
$ lantern -c 'open cohort; filter age = 5 5'
Opened cohort: Synthetic cohort of 20,000 adults in England, 20,000 rows and 15
columns.

Why it matters  Heart attacks, strokes and diabetes are among the biggest causes
                of illness in England, and smoking, weight, blood pressure and
                deprivation drive much of them.
Try             "info" for its columns, "show" for rows, "describe COLUMN" for a
                summary

Caveats:
  - This data is synthetic: no real person is in it.
! lantern: expected and, or, or the end of the filter, but found "5"
!   open cohort; filter age = 5 5
!                               ^
? 1

# A failed filter leaves the previous one on.
$ lantern -k -d cohort -c 'filter age > 80; filter agee > 3; filter'
Filter on: 985 of 20,000 rows match age > 80.

Rows that match  985

Method:
  - Rows with a missing value in a compared column do not match; use "is
    missing" to find them.

Notes:
  Dataset: cohort (Synthetic cohort of 20,000 adults in England)
  Filter: age > 80 (985 rows match)
! lantern: unknown column "agee" (did you mean "age"?)
!   filter age > 80; filter agee > 3; filter
!                           ^
? 1

# filter needs a dataset.
$ lantern filter 'age > 3'
! lantern: filter works on an open dataset; open one first, for example "open cohort"
!   filter "age > 3"
!   ^
? 1
