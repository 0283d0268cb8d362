# describe: the summary statistics of columns.
# See tests/golden.sh for the format; regenerate with tests/golden.sh --update.

# One numeric column, as text.
$ lantern -c 'open cohort; describe bmi'
Opened cohort: Synthetic cohort of 20,000 adults in England, 20,000 rows and 15
columns.

Why it matters  Heart attacks, strokes and diabetes are among the biggest causes
                of illness in England, and smoking, weight, blood pressure and
                deprivation drive much of them.
Try             "info" for its columns, "show" for rows, "describe COLUMN" for a
                summary

Caveats:
  - This data is synthetic: no real person is in it.

Body mass index (kg/m2): the average is 27.5, from 19,575 people. The true
average is likely between 27.4 and 27.5. Half the values are below 27.1.

N                         19,575
Missing                   425
Mean                      27.5 kg/m2
95% CI of the mean, from  27.4 kg/m2
95% CI of the mean, to    27.5 kg/m2
Standard deviation        4.91 kg/m2
Standard error            0.0351 kg/m2
Smallest                  hidden: it would show one person's own value
Lower quartile (Q1)       24 kg/m2
Median                    27.1 kg/m2
Upper quartile (Q3)       30.4 kg/m2
Largest                   hidden: it would show one person's own value
Interquartile range       6.4 kg/m2
Skewness                  0.557
Excess kurtosis           0.667

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
? 0

# The same as CSV.
# Each command's result is its own CSV table, one after the other
# (use -d cohort to open quietly); numbers are the shortest text that
# reads back as the same double (27.1, not 27.100000000000001).
$ lantern --format csv -c 'open cohort; describe bmi'
key,value
why,"Heart attacks, strokes and diabetes are among the biggest causes of illness in England, and smoking, weight, blood pressure and deprivation drive much of them."
next,"""info"" for its columns, ""show"" for rows, ""describe COLUMN"" for a summary"
key,value
n,19575
missing,425
mean,27.5
ci_low,27.4
ci_high,27.5
sd,4.91
se,0.0351
min,
q1,24
median,27.1
q3,30.4
max,
iqr,6.4
skewness,0.557
kurtosis,0.667
? 0

# The same as JSON: numbers at full precision (the mean has 17 significant
# digits: 27.461558109833973).
$ lantern --format json -c 'open cohort; describe bmi'
{
  "command": "open cohort",
  "dataset": "cohort",
  "filter": null,
  "headline": "Opened cohort: Synthetic cohort of 20,000 adults in England, 20,000 rows and 15 columns.",
  "numbers": [
    {
      "key": "why",
      "label": "Why it matters",
      "value": "Heart attacks, strokes and diabetes are among the biggest causes of illness in England, and smoking, weight, blood pressure and deprivation drive much of them.",
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
  "caveats": [
    "This data is synthetic: no real person is in it."
  ],
  "method": [],
  "notes": []
}
{
  "command": "describe bmi",
  "dataset": "cohort",
  "filter": null,
  "headline": "Body mass index (kg/m2): the average is 27.5, from 19,575 people. The true average is likely between 27.4 and 27.5. Half the values are below 27.1.",
  "numbers": [
    {
      "key": "n",
      "label": "N",
      "value": 19575,
      "unit": null
    },
    {
      "key": "missing",
      "label": "Missing",
      "value": 425,
      "unit": null
    },
    {
      "key": "mean",
      "label": "Mean",
      "value": 27.5,
      "unit": "kg/m2"
    },
    {
      "key": "ci_low",
      "label": "95% CI of the mean, from",
      "value": 27.399999999999999,
      "unit": "kg/m2"
    },
    {
      "key": "ci_high",
      "label": "95% CI of the mean, to",
      "value": 27.5,
      "unit": "kg/m2"
    },
    {
      "key": "sd",
      "label": "Standard deviation",
      "value": 4.9100000000000001,
      "unit": "kg/m2"
    },
    {
      "key": "se",
      "label": "Standard error",
      "value": 0.035099999999999999,
      "unit": "kg/m2"
    },
    {
      "key": "min",
      "label": "Smallest",
      "value": {
        "hidden": true,
        "reason": "it would show one person's own value"
      },
      "unit": "kg/m2"
    },
    {
      "key": "q1",
      "label": "Lower quartile (Q1)",
      "value": 24,
      "unit": "kg/m2"
    },
    {
      "key": "median",
      "label": "Median",
      "value": 27.100000000000001,
      "unit": "kg/m2"
    },
    {
      "key": "q3",
      "label": "Upper quartile (Q3)",
      "value": 30.399999999999999,
      "unit": "kg/m2"
    },
    {
      "key": "max",
      "label": "Largest",
      "value": {
        "hidden": true,
        "reason": "it would show one person's own value"
      },
      "unit": "kg/m2"
    },
    {
      "key": "iqr",
      "label": "Interquartile range",
      "value": 6.4000000000000004,
      "unit": "kg/m2"
    },
    {
      "key": "skewness",
      "label": "Skewness",
      "value": 0.55700000000000005,
      "unit": null
    },
    {
      "key": "kurtosis",
      "label": "Excess kurtosis",
      "value": 0.66700000000000004,
      "unit": null
    }
  ],
  "tables": [],
  "charts": [],
  "caveats": [
    "Some values are missing; the statistics use only the rows that have a value, which can mislead if the gaps are not random.",
    "Some numbers are hidden to protect people's privacy; type \"privacy\" to see the rules."
  ],
  "method": [
    "Mean and standard deviation (dividing by n - 1); the median is the middle value and Q1, Q3 the quartiles (quantile type 7, as R's default).",
    "The 95% confidence interval of the mean uses the t distribution; skewness and excess kurtosis are G1 and G2, as SPSS and Excel compute them (Joanes and Gill, 1998).",
    "Disclosure control (profile opensafely): counts are protected first, and percentages and statistics are computed from the protected counts.",
    "The smallest and largest values are not shown: each is one person's own value."
  ],
  "notes": [
    "Dataset: cohort (Synthetic cohort of 20,000 adults in England)"
  ]
}
? 0

# --format on the command itself.
$ lantern -d cohort -q describe bmi --format json
{
  "command": "describe bmi --format json",
  "dataset": "cohort",
  "filter": null,
  "headline": "Body mass index (kg/m2): the average is 27.5, from 19,575 people. The true average is likely between 27.4 and 27.5. Half the values are below 27.1.",
  "numbers": [
    {
      "key": "n",
      "label": "N",
      "value": 19575,
      "unit": null
    },
    {
      "key": "missing",
      "label": "Missing",
      "value": 425,
      "unit": null
    },
    {
      "key": "mean",
      "label": "Mean",
      "value": 27.5,
      "unit": "kg/m2"
    },
    {
      "key": "ci_low",
      "label": "95% CI of the mean, from",
      "value": 27.399999999999999,
      "unit": "kg/m2"
    },
    {
      "key": "ci_high",
      "label": "95% CI of the mean, to",
      "value": 27.5,
      "unit": "kg/m2"
    },
    {
      "key": "sd",
      "label": "Standard deviation",
      "value": 4.9100000000000001,
      "unit": "kg/m2"
    },
    {
      "key": "se",
      "label": "Standard error",
      "value": 0.035099999999999999,
      "unit": "kg/m2"
    },
    {
      "key": "min",
      "label": "Smallest",
      "value": {
        "hidden": true,
        "reason": "it would show one person's own value"
      },
      "unit": "kg/m2"
    },
    {
      "key": "q1",
      "label": "Lower quartile (Q1)",
      "value": 24,
      "unit": "kg/m2"
    },
    {
      "key": "median",
      "label": "Median",
      "value": 27.100000000000001,
      "unit": "kg/m2"
    },
    {
      "key": "q3",
      "label": "Upper quartile (Q3)",
      "value": 30.399999999999999,
      "unit": "kg/m2"
    },
    {
      "key": "max",
      "label": "Largest",
      "value": {
        "hidden": true,
        "reason": "it would show one person's own value"
      },
      "unit": "kg/m2"
    },
    {
      "key": "iqr",
      "label": "Interquartile range",
      "value": 6.4000000000000004,
      "unit": "kg/m2"
    },
    {
      "key": "skewness",
      "label": "Skewness",
      "value": 0.55700000000000005,
      "unit": null
    },
    {
      "key": "kurtosis",
      "label": "Excess kurtosis",
      "value": 0.66700000000000004,
      "unit": null
    }
  ],
  "tables": [],
  "charts": [],
  "caveats": [
    "Some values are missing; the statistics use only the rows that have a value, which can mislead if the gaps are not random.",
    "Some numbers are hidden to protect people's privacy; type \"privacy\" to see the rules."
  ],
  "method": [
    "Mean and standard deviation (dividing by n - 1); the median is the middle value and Q1, Q3 the quartiles (quantile type 7, as R's default).",
    "The 95% confidence interval of the mean uses the t distribution; skewness and excess kurtosis are G1 and G2, as SPSS and Excel compute them (Joanes and Gill, 1998).",
    "Disclosure control (profile opensafely): counts are protected first, and percentages and statistics are computed from the protected counts.",
    "The smallest and largest values are not shown: each is one person's own value."
  ],
  "notes": [
    "Dataset: cohort (Synthetic cohort of 20,000 adults in England)"
  ]
}
? 0

# Several columns in one table.
$ lantern -c 'open cohort; describe bmi age sbp'
Opened cohort: Synthetic cohort of 20,000 adults in England, 20,000 rows and 15
columns.

Why it matters  Heart attacks, strokes and diabetes are among the biggest causes
                of illness in England, and smoking, weight, blood pressure and
                deprivation drive much of them.
Try             "info" for its columns, "show" for rows, "describe COLUMN" for a
                summary

Caveats:
  - This data is synthetic: no real person is in it.

A summary of 3 columns of cohort, over 20,000 rows.

Numbers
Column  Group       N  Missing  Mean    SD  Min  Median  Max  Unit
──────  ─────  ──────  ───────  ────  ────  ───  ──────  ───  ─────
bmi     all    19,575      425  27.5  4.91    *    27.1    *  kg/m2
age     all    20,000        0    49  18.6    *      48    *  years
sbp     all    20,000        0   128  17.9    *     128    *  mmHg
  * hidden: it would show one person's own value

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
? 0

# A category: the most common value, by its label.
$ lantern -c 'open cohort; describe smoking'
Opened cohort: Synthetic cohort of 20,000 adults in England, 20,000 rows and 15
columns.

Why it matters  Heart attacks, strokes and diabetes are among the biggest causes
                of illness in England, and smoking, weight, blood pressure and
                deprivation drive much of them.
Try             "info" for its columns, "show" for rows, "describe COLUMN" for a
                summary

Caveats:
  - This data is synthetic: no real person is in it.

Smoking status: the most common value is never (59.9% of 20,000).

Categories and text
Column        N  Missing  Values  Most common      %
───────  ──────  ───────  ──────  ───────────  ─────
smoking  20,000        0       3  never        59.9%

Method:
  - Disclosure control (profile opensafely): counts are protected first, and
    percentages and statistics are computed from the protected counts.
  - The smallest and largest values are not shown: each is one person's own
    value.

Notes:
  Dataset: cohort (Synthetic cohort of 20,000 adults in England)
? 0

# A date: earliest, median and latest.
$ lantern -c 'open cohort; describe first_admission'
Opened cohort: Synthetic cohort of 20,000 adults in England, 20,000 rows and 15
columns.

Why it matters  Heart attacks, strokes and diabetes are among the biggest causes
                of illness in England, and smoking, weight, blood pressure and
                deprivation drive much of them.
Try             "info" for its columns, "show" for rows, "describe COLUMN" for a
                summary

Caveats:
  - This data is synthetic: no real person is in it.

Date of first admission: half of the dates are before 2019-12-14 (2,485 values).

Dates
Column               N  Missing  Earliest  Median      Latest
───────────────  ─────  ───────  ────────  ──────────  ──────
first_admission  2,485   17,515  *         2019-12-14  *
  * hidden: it would show one person's own value

Caveats:
  - Some values are missing; the statistics use only the rows that have a value,
    which can mislead if the gaps are not random.
  - Some numbers are hidden to protect people's privacy; type "privacy" to see
    the rules.

Method:
  - Disclosure control (profile opensafely): counts are protected first, and
    percentages and statistics are computed from the protected counts.
  - The smallest and largest values are not shown: each is one person's own
    value.

Notes:
  Dataset: cohort (Synthetic cohort of 20,000 adults in England)
? 0

# Every column of a dataset.
$ lantern -c 'open cohort; describe'
Opened cohort: Synthetic cohort of 20,000 adults in England, 20,000 rows and 15
columns.

Why it matters  Heart attacks, strokes and diabetes are among the biggest causes
                of illness in England, and smoking, weight, blood pressure and
                deprivation drive much of them.
Try             "info" for its columns, "show" for rows, "describe COLUMN" for a
                summary

Caveats:
  - This data is synthetic: no real person is in it.

A summary of 15 columns of cohort, over 20,000 rows.

Numbers
Column       Group       N  Missing   Mean     SD  Min  Median  Max  Unit
───────────  ─────  ──────  ───────  ─────  ─────  ───  ──────  ───  ──────────
age          all    20,000        0     49   18.6    *      48    *  years
bmi          all    19,575      425   27.5   4.91    *    27.1    *  kg/m2
sbp          all    20,000        0    128   17.9    *     128    *  mmHg
cholesterol  all    19,800      200   5.11   1.05    *     5.1    *  mmol/L
steps        all    19,805      195  7,660  4,140    *   6,890    *  steps/day
alcohol      all    19,410      590   7.74   10.1    *     4.2    *  units/week
  * hidden: it would show one person's own value

Categories and text
Column             N  Missing  Values  Most common      %
────────────  ──────  ───────  ──────  ───────────  ─────
sex           20,000        0       2  female       52.5%
region        20,000        0       9  South East   16.4%
imd_quintile  20,000        0       5  3            20.6%
ethnicity     20,000        0       5  White        80.6%
smoking       20,000        0       3  never        59.9%
diabetes      20,000        0       2  no           92.3%
heart_attack  20,000        0       2  no           94.7%
stroke        20,000        0       2  no           97.2%

Dates
Column               N  Missing  Earliest  Median      Latest
───────────────  ─────  ───────  ────────  ──────────  ──────
first_admission  2,485   17,515  *         2019-12-14  *
  * hidden: it would show one person's own value

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
? 0

# An aggregated dataset with a count column: statistics are weighted.
$ lantern -c 'open cohort-counts; describe'
Opened cohort-counts: Synthetic cohort counted by region, age band, sex and
conditions, 479 rows and 7 columns.

Why it matters  Counts like these are how the NHS shares health data safely: you
                can study patterns in diabetes, heart attacks and strokes
                without seeing anyone's record.
Try             "info" for its columns, "show" for rows, "describe COLUMN" for a
                summary

Caveats:
  - This data is synthetic: no real person is in it.

A summary of 7 columns of cohort-counts, over 480 rows.

Categories and text
Column             N  Missing  Values  Most common         %
────────────  ──────  ───────  ──────  ──────────────  ─────
region        20,000        0       9  South East      16.4%
age_band      20,000        0       5  18 to 34 years  27.2%
sex           20,000        0       2  female          52.5%
diabetes      20,000        0       2  no              92.3%
heart_attack  20,000        0       2  no              94.7%
stroke        20,000        0       2  no              97.2%

Method:
  - Each row counts as "count" people (a frequency weight).
  - Disclosure control (profile opensafely): counts are protected first, and
    percentages and statistics are computed from the protected counts.
  - The smallest and largest values are not shown: each is one person's own
    value.

Notes:
  Dataset: cohort-counts (Synthetic cohort counted by region, age band, sex and
  conditions)
? 0

# A weighted category on its own.
$ lantern -c 'open cohort-counts; describe diabetes'
Opened cohort-counts: Synthetic cohort counted by region, age band, sex and
conditions, 479 rows and 7 columns.

Why it matters  Counts like these are how the NHS shares health data safely: you
                can study patterns in diabetes, heart attacks and strokes
                without seeing anyone's record.
Try             "info" for its columns, "show" for rows, "describe COLUMN" for a
                summary

Caveats:
  - This data is synthetic: no real person is in it.

Diabetes: the most common value is no (92.3% of 20,000).

Categories and text
Column         N  Missing  Values  Most common      %
────────  ──────  ───────  ──────  ───────────  ─────
diabetes  20,000        0       2  no           92.3%

Method:
  - Each row counts as "count" people (a frequency weight).
  - Disclosure control (profile opensafely): counts are protected first, and
    percentages and statistics are computed from the protected counts.
  - The smallest and largest values are not shown: each is one person's own
    value.

Notes:
  Dataset: cohort-counts (Synthetic cohort counted by region, age band, sex and
  conditions)
? 0

# A small dataset gets a caveat about its size.
$ lantern -c 'open nightingale; describe disease'
Opened nightingale: Florence Nightingale's Crimean War mortality, 1854-56, 24
rows and 5 columns.

Why it matters  It is the classic case of data changing public health:
                preventable disease, not battle, killed most of the soldiers.
Try             "info" for its columns, "show" for rows, "describe COLUMN" for a
                summary

Deaths from preventable diseases (deaths): the average is 603.2, from 24 rows.
The true average is likely between 300.5 and 905.8. Half the values are below
429.5.

N                         24
Missing                   0
Mean                      603.2 deaths
95% CI of the mean, from  300.5 deaths
95% CI of the mean, to    905.8 deaths
Standard deviation        716.8 deaths
Standard error            146.3 deaths
Smallest                  1 deaths
Lower quartile (Q1)       78.75 deaths
Median                    429.5 deaths
Upper quartile (Q3)       808.5 deaths
Largest                   2,761 deaths
Interquartile range       729.8 deaths
Skewness                  1.749
Excess kurtosis           2.895

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

# A column that does not exist, with "did you mean".
$ lantern -c 'open cohort; describe bmj'
Opened cohort: Synthetic cohort of 20,000 adults in England, 20,000 rows and 15
columns.

Why it matters  Heart attacks, strokes and diabetes are among the biggest causes
                of illness in England, and smoking, weight, blood pressure and
                deprivation drive much of them.
Try             "info" for its columns, "show" for rows, "describe COLUMN" for a
                summary

Caveats:
  - This data is synthetic: no real person is in it.
! lantern: cohort has no column "bmj" (did you mean "bmi"?)
!   open cohort; describe bmj
!                         ^
? 1

# The error names the wrong column when there are several.
$ lantern -c 'open cohort; describe age bmj sbp'
Opened cohort: Synthetic cohort of 20,000 adults in England, 20,000 rows and 15
columns.

Why it matters  Heart attacks, strokes and diabetes are among the biggest causes
                of illness in England, and smoking, weight, blood pressure and
                deprivation drive much of them.
Try             "info" for its columns, "show" for rows, "describe COLUMN" for a
                summary

Caveats:
  - This data is synthetic: no real person is in it.
! lantern: cohort has no column "bmj" (did you mean "bmi"?)
!   open cohort; describe age bmj sbp
!                             ^
? 1
