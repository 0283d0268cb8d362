# show and sort: paging through rows.
# See tests/golden.sh for the format; regenerate with tests/golden.sh --update.

# The first page of a small dataset.
$ lantern -c 'open nightingale; show'
Opened nightingale: Florence Nightingale's Crimean War mortality, 1854-56, 24
rows and 5 columns.

Why it matters  It is the classic case of data changing public health:
                preventable disease, not battle, killed most of the soldiers.
Try             "info" for its columns, "show" for rows, "describe COLUMN" for a
                summary

Rows 1-20 of 24.

month       wounds  other  disease  army_size
──────────  ──────  ─────  ───────  ─────────
1854-04-01       0      5        1       8571
1854-05-01       0      9       12      23333
1854-06-01       0      6       11      28333
1854-07-01       0     23      359      28722
1854-08-01       1     30      828      30246
1854-09-01      81     70      788      30290
1854-10-01     132    128      503      30643
1854-11-01     287    106      844      29736
1854-12-01     114    131     1725      32779
1855-01-01      83    324     2761      32393
1855-02-01      42    361     2120      30919
1855-03-01      32    172     1205      30107
1855-04-01      48     57      477      32252
1855-05-01      49     37      508      35473
1855-06-01     209     31      802      38863
1855-07-01     134     33      382      42647
1855-08-01     164     25      483      44614
1855-09-01     276     20      189      47751
1855-10-01      53     18      128      46852
1855-11-01      33     32      178      37853

Notes:
  Dataset: nightingale (Florence Nightingale's Crimean War mortality, 1854-56)
? 0

# show; show pages on; at the end it starts again from the top.
$ lantern -d nightingale -c 'show; show; show'
Rows 1-20 of 24.

month       wounds  other  disease  army_size
──────────  ──────  ─────  ───────  ─────────
1854-04-01       0      5        1       8571
1854-05-01       0      9       12      23333
1854-06-01       0      6       11      28333
1854-07-01       0     23      359      28722
1854-08-01       1     30      828      30246
1854-09-01      81     70      788      30290
1854-10-01     132    128      503      30643
1854-11-01     287    106      844      29736
1854-12-01     114    131     1725      32779
1855-01-01      83    324     2761      32393
1855-02-01      42    361     2120      30919
1855-03-01      32    172     1205      30107
1855-04-01      48     57      477      32252
1855-05-01      49     37      508      35473
1855-06-01     209     31      802      38863
1855-07-01     134     33      382      42647
1855-08-01     164     25      483      44614
1855-09-01     276     20      189      47751
1855-10-01      53     18      128      46852
1855-11-01      33     32      178      37853

Notes:
  Dataset: nightingale (Florence Nightingale's Crimean War mortality, 1854-56)

Rows 21-24 of 24.

month       wounds  other  disease  army_size
──────────  ──────  ─────  ───────  ─────────
1855-12-01      18     28       91      43217
1856-01-01       2     48       42      44212
1856-02-01       0     19       24      43485
1856-03-01       0     35       15      46140

Notes:
  Dataset: nightingale (Florence Nightingale's Crimean War mortality, 1854-56)

Rows 1-20 of 24.

month       wounds  other  disease  army_size
──────────  ──────  ─────  ───────  ─────────
1854-04-01       0      5        1       8571
1854-05-01       0      9       12      23333
1854-06-01       0      6       11      28333
1854-07-01       0     23      359      28722
1854-08-01       1     30      828      30246
1854-09-01      81     70      788      30290
1854-10-01     132    128      503      30643
1854-11-01     287    106      844      29736
1854-12-01     114    131     1725      32779
1855-01-01      83    324     2761      32393
1855-02-01      42    361     2120      30919
1855-03-01      32    172     1205      30107
1855-04-01      48     57      477      32252
1855-05-01      49     37      508      35473
1855-06-01     209     31      802      38863
1855-07-01     134     33      382      42647
1855-08-01     164     25      483      44614
1855-09-01     276     20      189      47751
1855-10-01      53     18      128      46852
1855-11-01      33     32      178      37853

Notes:
  That was the last page, so this starts again at the first row.
  Dataset: nightingale (Florence Nightingale's Crimean War mortality, 1854-56)
? 0

# Labels are shown instead of codes, NA marks a missing value.
$ lantern -d cohort -c 'show 1 5'
Rows 1-5 of 20,000.

age  sex     region                    imd_quintile        ethnicity               smoking   bmi  sbp  cholesterol  diabetes  heart_attack  stroke  steps  alcohol  first_admission
───  ──────  ────────────────────────  ──────────────────  ──────────────────────  ───────  ────  ───  ───────────  ────────  ────────────  ──────  ─────  ───────  ───────────────
 56  male    Yorkshire and The Humber  5 (least deprived)  Asian or Asian British  never    25.1  120            5  no        no            no       9559        0  NA
 39  male    East of England           2                   White                   never    26.8  143          5.3  no        no            no      13440      1.1  NA
 40  male    East Midlands             4                   White                   former   23.1  143          5.7  no        no            no      10272        0  NA
 55  male    West Midlands             1 (most deprived)   White                   former   20.9  106            4  no        no            no       7147        0  NA
 40  female  South East                4                   White                   never    30.2  124            4  no        no            no      21425        0  NA

Notes:
  Dataset: cohort (Synthetic cohort of 20,000 adults in England)
? 0

# The last rows of the cohort.
$ lantern -d cohort -c 'show 19999'
Rows 19,999-20,000 of 20,000.

age  sex     region                    imd_quintile  ethnicity                                 smoking   bmi  sbp  cholesterol  diabetes  heart_attack  stroke  steps  alcohol  first_admission
───  ──────  ────────────────────────  ────────────  ────────────────────────────────────────  ───────  ────  ───  ───────────  ────────  ────────────  ──────  ─────  ───────  ───────────────
 20  male    Yorkshire and The Humber  4             White                                     current  17.6   93          4.6  no        no            no       9596      2.4  NA
 25  female  London                    2             Black, Black British, Caribbean or Afri…  current  23.8   84          5.7  no        no            no       7136      6.6  NA

Notes:
  Dataset: cohort (Synthetic cohort of 20,000 adults in England)
? 0

# Past the end.
$ lantern -d cohort -c 'show 30000'
! lantern: there are only 20,000 rows; the last page starts at "show 19981"
!   show 30000
!        ^
? 1

# Rows are numbered from 1.
$ lantern -d cohort -c 'show 0'
! lantern: show starts at a row number from 1, as in "show 100"
!   show 0
!        ^
? 1

$ lantern -d cohort -c 'show abc'
! lantern: show starts at a row number from 1, as in "show 100"
!   show abc
!        ^
? 1

# sort desc, then show.
$ lantern -c 'open nightingale; sort disease desc; show 1 5'
Opened nightingale: Florence Nightingale's Crimean War mortality, 1854-56, 24
rows and 5 columns.

Why it matters  It is the classic case of data changing public health:
                preventable disease, not battle, killed most of the soldiers.
Try             "info" for its columns, "show" for rows, "describe COLUMN" for a
                summary

Rows are sorted by disease, largest first; missing values come last.

Rows 1-5 of 24.

month       wounds  other  disease  army_size
──────────  ──────  ─────  ───────  ─────────
1855-01-01      83    324     2761      32393
1855-02-01      42    361     2120      30919
1854-12-01     114    131     1725      32779
1855-03-01      32    172     1205      30107
1854-11-01     287    106      844      29736

Notes:
  Dataset: nightingale (Florence Nightingale's Crimean War mortality, 1854-56)
  Sorted by disease, largest first
? 0

# sort asc (the default) with a filter on.
$ lantern -d nightingale -c 'filter wounds > 100; sort army_size; show'
Filter on: 7 of 24 rows match wounds > 100.

Rows that match  7

Method:
  - Rows with a missing value in a compared column do not match; use "is
    missing" to find them.

Notes:
  Dataset: nightingale (Florence Nightingale's Crimean War mortality, 1854-56)
  Filter: wounds > 100 (7 rows match)

Rows are sorted by army_size, smallest first; missing values come last.

Rows 1-7 of 7 that match the filter.

month       wounds  other  disease  army_size
──────────  ──────  ─────  ───────  ─────────
1854-11-01     287    106      844      29736
1854-10-01     132    128      503      30643
1854-12-01     114    131     1725      32779
1855-06-01     209     31      802      38863
1855-07-01     134     33      382      42647
1855-08-01     164     25      483      44614
1855-09-01     276     20      189      47751

Notes:
  Dataset: nightingale (Florence Nightingale's Crimean War mortality, 1854-56)
  Filter: wounds > 100 (7 rows match)
  Sorted by army_size, smallest first
? 0

# sort off goes back to the file's order.
$ lantern -d nightingale -c 'sort disease desc; sort off; show 1 3'
Rows are sorted by disease, largest first; missing values come last.

Rows are in their original order again.

Rows 1-3 of 24.

month       wounds  other  disease  army_size
──────────  ──────  ─────  ───────  ─────────
1854-04-01       0      5        1       8571
1854-05-01       0      9       12      23333
1854-06-01       0      6       11      28333

Notes:
  Dataset: nightingale (Florence Nightingale's Crimean War mortality, 1854-56)
? 0

# sort on a column that does not exist.
$ lantern -d cohort -c 'sort bmx'
! lantern: cohort has no column "bmx" (did you mean "bmi"?)
!   sort bmx
!        ^
? 1

# sort with a bad direction.
$ lantern -d cohort -c 'sort bmi sideways'
! lantern: sort takes asc (smallest first) or desc (largest first), not "sideways"
!   sort bmi sideways
!            ^
? 1

# show as CSV: labels, not codes.
$ lantern -d cohort -f csv -c 'show 1 3'
age,sex,region,imd_quintile,ethnicity,smoking,bmi,sbp,cholesterol,diabetes,heart_attack,stroke,steps,alcohol,first_admission
56,male,Yorkshire and The Humber,5 (least deprived),Asian or Asian British,never,25.1,120,5,no,no,no,9559,0,
39,male,East of England,2,White,never,26.8,143,5.3,no,no,no,13440,1.1,
40,male,East Midlands,4,White,former,23.1,143,5.7,no,no,no,10272,0,
? 0

# show as JSON.
$ lantern -d nightingale -f json -c 'show 1 2'
{
  "command": "show 1 2",
  "dataset": "nightingale",
  "filter": null,
  "headline": "Rows 1-2 of 24.",
  "numbers": [],
  "tables": [
    {
      "name": "rows",
      "title": null,
      "row_level": true,
      "columns": [
        {
          "name": "month",
          "label": "month",
          "type": "text"
        },
        {
          "name": "wounds",
          "label": "wounds",
          "type": "value"
        },
        {
          "name": "other",
          "label": "other",
          "type": "value"
        },
        {
          "name": "disease",
          "label": "disease",
          "type": "value"
        },
        {
          "name": "army_size",
          "label": "army_size",
          "type": "value"
        }
      ],
      "rows": [
        [
          "1854-04-01",
          0,
          5,
          1,
          8571
        ],
        [
          "1854-05-01",
          0,
          9,
          12,
          23333
        ]
      ]
    }
  ],
  "charts": [],
  "caveats": [],
  "method": [],
  "notes": [
    "Dataset: nightingale (Florence Nightingale's Crimean War mortality, 1854-56)"
  ]
}
? 0

# set page changes the page size.
$ lantern -d nightingale -c 'set page 3; show; show'
page is now 3.

Rows 1-3 of 24.

month       wounds  other  disease  army_size
──────────  ──────  ─────  ───────  ─────────
1854-04-01       0      5        1       8571
1854-05-01       0      9       12      23333
1854-06-01       0      6       11      28333

Notes:
  Dataset: nightingale (Florence Nightingale's Crimean War mortality, 1854-56)

Rows 4-6 of 24.

month       wounds  other  disease  army_size
──────────  ──────  ─────  ───────  ─────────
1854-07-01       0     23      359      28722
1854-08-01       1     30      828      30246
1854-09-01      81     70      788      30290

Notes:
  Dataset: nightingale (Florence Nightingale's Crimean War mortality, 1854-56)
? 0
