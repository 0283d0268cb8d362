# The analyses run from the command line exactly as in the shell; their text
# output gives the headline first, then numbers, tables, caveats and method.

# Two groups: Welch's t-test, Hedges' g, Mann-Whitney.
$ lantern -d cohort -c 'compare sbp by sex'
On average, systolic blood pressure was 3.62 mmHg lower for female than for
male. The true difference is likely between 3.12 and 4.11.

Average of the first group       126 mmHg
Average of the second group      130 mmHg
Difference (first minus second)  -3.62 mmHg
95% CI of the difference, from   -4.11 mmHg
95% CI of the difference, to     -3.12 mmHg
Welch's t                        -14.4
Degrees of freedom               19,900
p-value (t-test)                 1.46e-46
Hedges' g (difference in SDs)    -0.203
95% CI of g, from                -0.231
95% CI of g, to                  -0.175
Mann-Whitney U                   44,300,000
p-value (Mann-Whitney)           5.28e-43
Rank-biserial correlation        -0.112

Groups
Group        N  Mean    SD  Median
──────  ──────  ────  ────  ──────
female  10,495   126    18     126
male     9,505   130  17.6     129

Caveats:
  - The difference is small next to how much systolic blood pressure varies from
    person to person (Hedges' g = -0.20; 0.2 is usually called small, 0.8
    large).
  - This compares groups as they are: it shows a link with sex, not that sex
    causes the difference. Other things may differ between the groups too.
  - The groups differ in how spread out they are (Brown-Forsythe test, p <
    0.05); Welch's tests used here allow for that.

Method:
  - Welch's t-test of the difference in means (does not assume equal spread;
    Welch 1947); Hedges' g with its large-sample interval (Hedges and Olkin
    1985).
  - Mann-Whitney U test on ranks (normal approximation with tie and continuity
    corrections), with the rank-biserial correlation: a check that does not rely
    on averages.
  - Brown-Forsythe test of equal spread (Levene's test on distances from the
    median): F = 8.71, p = 0.0032.
  - Disclosure control (profile opensafely): counts are protected first, and
    percentages and statistics are computed from the protected counts.

Notes:
  Dataset: cohort (Synthetic cohort of 20,000 adults in England)
? 0

# Many groups, in a script with a filter.
$ printf 'open cohort\nfilter age >= 65\ncompare bmi by smoking\n' > s.lt && lantern run s.lt
Opened cohort: Synthetic cohort of 20,000 adults in England, 20,000 rows and 15
columns.

Why it matters  Heart attacks, strokes and diabetes are among the biggest causes
                of illness in England, and smoking, weight, blood pressure and
                deprivation drive much of them.
Try             "info" for its columns, "show" for rows, "describe COLUMN" for a
                summary

Caveats:
  - This data is synthetic: no real person is in it.

Filter on: 4,715 of 20,000 rows match age >= 65.

Rows that match  4,715

Method:
  - Rows with a missing value in a compared column do not match; use "is
    missing" to find them.

Notes:
  Dataset: cohort (Synthetic cohort of 20,000 adults in England)
  Filter: age >= 65 (4,715 rows match)

The data cannot tell if average body mass index differs between the 3 groups of
smoking status. It is highest for former (28.5) and lowest for current (28.2).
The groups explain less than 0.1% of the spread.

Welch's F                          0.598
Degrees of freedom (groups)        2
Degrees of freedom (within)        1,020
p-value (Welch's ANOVA)            0.55
F (classic one-way ANOVA)          0.599
p-value (classic ANOVA)            0.549
Eta squared (share of the spread)  0.00026
Kruskal-Wallis H                   1.19
p-value (Kruskal-Wallis)           0.552
Epsilon squared (ranks)            0.000258

Groups
Group        N  Mean    SD  Median
───────  ─────  ────  ────  ──────
never    2,455  28.5  5.02    28.2
former   1,795  28.5  4.94    28.2
current    370  28.2     5    27.9

Caveats:
  - This compares groups as they are: it shows a link with smoking status, not
    that smoking status causes the difference. Other things may differ between
    the groups too.
  - Some numbers are hidden to protect people's privacy; type "privacy" to see
    the rules.

Method:
  - Welch's one-way ANOVA (does not assume equal spread; Welch 1951), with the
    classic one-way ANOVA and eta squared beside it, and the Kruskal-Wallis rank
    test (Kruskal and Wallis 1952) as a check that does not rely on averages.
  - Brown-Forsythe test of equal spread (Levene's test on distances from the
    median): F = 0.0788, p = 0.92.
  - Disclosure control (profile opensafely): counts are protected first, and
    percentages and statistics are computed from the protected counts.

Notes:
  Dataset: cohort (Synthetic cohort of 20,000 adults in England)
  Filter: age >= 65 (4,715 rows match)
? 0

# A yes/no outcome gets logistic regression with odds ratios.
$ lantern -d cohort -c 'regress heart_attack on smoking age sex'
People whose smoking status is current had 2.62 times the odds of heart attack
(yes) of those whose smoking status is never. The true value is likely between
2.18 and 3.14. This holds the other columns fixed.

Rows used                   20,000
Rows with the event         1,070
Residual deviance           6,810
Null deviance               8,340
AIC                         6,820
p-value (likelihood ratio)  0

Odds ratios
Term              Odds ratio  95% CI from        to          p
────────────────  ──────────  ───────────  ────────  ─────────
(intercept)         0.000377     0.000268  0.000531          0
smoking: former         1.38         1.19       1.6   1.41e-05
smoking: current        2.62         2.18      3.14   4.14e-25
age                     1.08         1.07      1.08  3.49e-213
sex: male               2.17          1.9      2.49   4.64e-30

Caveats:
  - A regression shows links, not causes: other things not in the model may
    explain them.

Method:
  - Logistic regression (maximum likelihood by iteratively reweighted least
    squares) of heart_attack = yes; odds ratios with Wald 95% intervals.
  - Categories are compared with a reference group: smoking compared with never;
    sex compared with female.
  - Disclosure control (profile opensafely): counts are protected first, and
    percentages and statistics are computed from the protected counts.

Notes:
  Dataset: cohort (Synthetic cohort of 20,000 adults in England)
? 0

# Correlation, as JSON: every number at full precision.
$ lantern -d cohort -f json -c 'correlate bmi with sbp'
{
  "command": "correlate bmi with sbp",
  "dataset": "cohort",
  "filter": null,
  "headline": "Body mass index and systolic blood pressure tend to go up together. It is a moderate link: r = 0.35. The true r is likely between 0.34 and 0.37.",
  "numbers": [
    {
      "key": "n",
      "label": "Pairs used",
      "value": 19575,
      "unit": null
    },
    {
      "key": "missing",
      "label": "Pairs left out (a value missing)",
      "value": 425,
      "unit": null
    },
    {
      "key": "r",
      "label": "Pearson's r",
      "value": 0.35299999999999998,
      "unit": null
    },
    {
      "key": "r_low",
      "label": "95% CI of r, from",
      "value": 0.34100000000000003,
      "unit": null
    },
    {
      "key": "r_high",
      "label": "95% CI of r, to",
      "value": 0.36499999999999999,
      "unit": null
    },
    {
      "key": "r_p",
      "label": "p-value (r)",
      "value": 0,
      "unit": null
    },
    {
      "key": "rho",
      "label": "Spearman's rho",
      "value": 0.34399999999999997,
      "unit": null
    },
    {
      "key": "rho_low",
      "label": "95% CI of rho, from",
      "value": 0.33100000000000002,
      "unit": null
    },
    {
      "key": "rho_high",
      "label": "95% CI of rho, to",
      "value": 0.35599999999999998,
      "unit": null
    },
    {
      "key": "rho_p",
      "label": "p-value (rho)",
      "value": 0,
      "unit": null
    }
  ],
  "tables": [],
  "charts": [],
  "caveats": [
    "A link is not a cause: body mass index may not change systolic blood pressure at all; both may follow something else, such as age.",
    "425 pairs with a missing value were left out."
  ],
  "method": [
    "Pearson's correlation r with a Fisher z interval; Spearman's rho (Pearson on ranks) with a t-approximation p-value."
  ],
  "notes": [
    "Dataset: cohort (Synthetic cohort of 20,000 adults in England)"
  ]
}
? 0

# Counting: freq, crosstab (with Fisher's test for a 2 x 2), rates.
$ lantern -d cohort -c 'freq smoking; crosstab diabetes by heart_attack'
The most common smoking status is never: 59.9% of 20,000 people with a value.
The true share is likely between 59.2% and 60.6%.

With a value      20,000
Missing           0
Different values  3

Value     Count      %  Valid %  95% CI from     to
───────  ──────  ─────  ───────  ───────────  ─────
never    11,975  59.9%    59.9%        59.2%  60.6%
former    5,085  25.4%    25.4%        24.8%  26.0%
current   2,940  14.7%    14.7%        14.2%  15.2%

Method:
  - Percent is of every row, valid percent of the rows with a value; 95%
    intervals by Wilson's score method (Wilson 1927; Newcombe 1998).
  - Disclosure control (profile opensafely): counts are protected first, and
    percentages and statistics are computed from the protected counts.

Notes:
  Dataset: cohort (Synthetic cohort of 20,000 adults in England)

People whose diabetes is yes had heart attack (yes) 3.51 times as often as those
whose diabetes is no (15.7% against 4.47%). The true ratio is likely between
3.07 and 4.01.

Share with the event, highest row   0.157
Share with the event, first row     0.0447
Risk ratio                          3.51
95% CI of the risk ratio, from      3.07
95% CI of the risk ratio, to        4.01
Odds ratio                          3.98
95% CI of the odds ratio, from      3.41
95% CI of the odds ratio, to        4.64
Risk difference                     0.112
Rows counted                        20,000
Pearson chi-square                  353
Degrees of freedom                  1
p-value (chi-square)                1.13e-78
Chi-square with Yates's correction  350
p-value (Yates)                     3.45e-78
Cramer's V                          0.133
Smallest expected count             81.5
p-value (Fisher's exact test)       6.14e-56

Counts
diabetes      no  yes
────────  ──────  ───
no        17,640  825
yes        1,290  240

Percent of each row
diabetes     no    yes
────────  ─────  ─────
no        95.5%   4.5%
yes       84.3%  15.7%

Caveats:
  - A link between diabetes and heart_attack is not proof that one causes the
    other: something else, such as age, may drive both.

Method:
  - Risk ratio (Katz log interval) and odds ratio (Woolf log interval) compare
    diabetes = yes with the first row, diabetes = no.
  - Pearson's chi-square test of independence (and Yates's continuity
    correction), with Cramer's V as the size of the link; Fisher's exact test.
  - Disclosure control (profile opensafely): counts are protected first, and
    percentages and statistics are computed from the protected counts.

Notes:
  Dataset: cohort (Synthetic cohort of 20,000 adults in England)
? 0

$ lantern -d nightingale -c 'rate disease per army_size per 1000 --yearly 12'
The rate of deaths from preventable diseases was 207 per 1,000 per year. The
true rate is likely between 204 and 210.

Events                    14,476
Population                839,431
Rate                      206.9
95% CI of the rate, from  203.6
95% CI of the rate, to    210.3

Group  Events  Population   Rate  95% CI from     to
─────  ──────  ──────────  ─────  ───────────  ─────
all    14,476     839,431  206.9        203.6  210.3

Caveats:
  - A crude rate does not allow for differences between groups, such as age,
    that change how often events happen.

Method:
  - Rate = total disease / total army_size x 1000 x rows per year; exact Poisson
    95% intervals (Garwood 1936); rate ratios with exact conditional intervals.

Notes:
  Dataset: nightingale (Florence Nightingale's Crimean War mortality, 1854-56)
? 0

# Misuse: one sentence, with an example.
$ lantern -d cohort -c 'compare bmi sex'
! lantern: compare needs more words, as in "compare sbp by smoking"; type "help compare" for more
!   compare bmi sex
!                  ^
? 1

$ lantern -d cohort -c 'regress region on age'
! lantern: region has 9 different values; regress needs a number, or a yes/no column with exactly two
!   regress region on age
!           ^
? 1
