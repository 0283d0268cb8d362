# plot draws charts as text; JSON and CSV carry the numbers behind them.

# A histogram: bars for bins with round edges, counts at the ends.
$ lantern -d cohort -c 'plot hist bmi'
A histogram of body mass index (kg/m2) for 19,575 people.

Body mass index (kg/m2)
below 15     │█ 10
15 to 17.5   │██ 140
17.5 to 20   │██████████ 705
20 to 22.5   │██████████████████████████████ 2,020
22.5 to 25   │███████████████████████████████████████████████████ 3,450
25 to 27.5   │████████████████████████████████████████████████████████████ 4,085
27.5 to 30   │██████████████████████████████████████████████████████ 3,685
30 to 32.5   │█████████████████████████████████████ 2,545
32.5 to 35   │██████████████████████ 1,510
35 to 37.5   │████████████ 790
37.5 to 40   │█████ 365
40 to 42.5   │██ 165
42.5 to 45   │█ 65
45 to 47.5   │█ 25
47.5 to 50   │█ 10
50 and above │█ 10
              People

Caveats:
  - 425 people with a missing value were left out.
  - Some numbers are hidden to protect people's privacy; type "privacy" to see
    the rules.

Method:
  - 18 bins of equal width with round edges, about as many as Sturges' or
    Freedman-Diaconis' rule suggests (at most 20); each bin holds values from
    its lower edge up to (not including) its upper edge, the last bin both
    edges.
  - Bin counts are protected like any count (disclosure control); a hidden bin
    is drawn as a gap.
  - The first bin has no lower edge and the last no upper edge, because those
    edges would show the smallest and largest values.
  - Then the first or last bins were joined with their neighbours until each
    held at least 8 people, so that no bin points at the smallest or largest
    value.

Notes:
  Dataset: cohort (Synthetic cohort of 20,000 adults in England)
? 0

# A bar chart of a category, with its labels.
$ lantern -d cohort -c 'plot bar smoking'
A bar chart of smoking status for 20,000 people.

Smoking status
never   │████████████████████████████████████████████████████████████████ 11,975
former  │███████████████████████████ 5,085
current │████████████████ 2,940
         People

Method:
  - Each bar's length is its count next to the largest count.
  - The counts are protected like freq's (disclosure control); a hidden bar is
    drawn as a gap.

Notes:
  Dataset: cohort (Synthetic cohort of 20,000 adults in England)
? 0

# Box plots of a number by group on a shared axis.
$ lantern -d cohort -c 'plot box sbp by smoking'
Box plots of systolic blood pressure (mmHg) by smoking status for 20,000 people.

never   |------------------[             |             ]------------------|
former        |-------------------[            |             ]-----------------|
current |------------------[             |            ]-----------------|
        97                                                                   160
        Systolic blood pressure (mmHg)

Method:
  - Each line shows a group: the box runs from the lower to the upper quartile
    (type 7), | inside it is the median, and the whiskers reach the 5th and 95th
    percentiles, not the smallest and largest values: each of those is one
    person's own value.
  - Disclosure control (profile opensafely): the number of people in each group
    is protected like any count, and a group of fewer than 8 people has no box.

Notes:
  Dataset: cohort (Synthetic cohort of 20,000 adults in England)
? 0

# A scatter plot in braille dots.
$ lantern -d cohort -c 'plot scatter bmi sbp'
A scatter plot of systolic blood pressure (mmHg) against body mass index (kg/m2)
for 19,575 people.

Systolic blood pressure (mmHg)
199│                                ⠐⠈       ⡀
   │              ⠄        ⠄   ⠠      ⡀ ⠂  ⠁ ⣀⢐    ⢀⠂          ⠁            ⠂  ⢀
   │          ⡀  ⡀     ⢀⠄⠁ ⠂ ⢀   ⠐ ⠠⣀⢀⠠⡀⠬⣤ ⠄⢀ ⠅ ⢀⠠   ⢀  ⠄  ⠠
   │         ⠈   ⠁  ⡠⡢⣀⣀⢀⢇⣐⢀⠌⣔⡃⣥⡓⢞⡪⢔⡨⠊⣁⣂⣘⡦⢙⡠⢡⠔⣁⡅⠈⢅⡐ ⡀    ⢀⠈    ⠠ ⠐  ⠈
   │           ⢀⢐⣀⢐⣙⢻⠂⣞⣔⡷⣞⣿⣛⣕⣿⣖⣚⣿⣞⣾⣓⣟⣟⣚⣖⣋⣹⡊⢚⣝⣂⢜⣂⣘⡑⠁⣳⠒⠁⡆⢕ ⠉⠂⠁  ⢀⢈ ⢀ ⡀ ⠠  ⠠   ⠁
   │    ⠄⠂ ⢐⠁⢀⢂⢘⣻⣫⣻⣕⣳⣶⣿⣧⣿⣷⣿⣿⣿⣷⣿⣿⣿⣭⣿⣿⣿⣿⣿⣧⣿⣿⣯⣿⣾⡿⣰⣿⣻⠏⣆⣥⠥⢳⢘⡆ ⢀ ⣑⠄⢀⠠ ⠈⠄  ⡀ ⠄
   │    ⠌⠁⠆⢌⠨⠨⠶⢿⣮⢧⣿⣿⣿⡿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⡿⣳⣗⢟⡿⡱⢽⢜⣌⠩⠣⡀⠒⢘⠈ ⠪ ⠠ ⠁   ⠠
   │⡀ ⡀ ⠑ ⢠⢪⠗⣸⣿⣟⣿⣷⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣽⣿⣿⣾⣿⣶⣗⣎ ⢼⠋⠕⢒⡨⠠⠊⠉ ⠄⡀    ⡀  ⠄⠄
   │  ⠐ ⢣⠠⡀⢪⣚⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣻⢾⢿⣻⢭⢹⢾⣍⠺⠘⠖⢨⢒⠈⢁⠊  ⠐
   │ ⠂ ⠈⢂⣠⣥⠺⣽⣺⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣷⣿⢿⢿⣷⣎⡟⠶⢔⢗⢯⠂⢀⠄⠄ ⡂⠂⠐⢀   ⠠⠐
   │⠠⡠ ⠨⡜⢽⡿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣻⣿⢼⣫⣱⡏⠌⢞⠋⡏ ⠁⠘ ⠠⠆       ⠄ ⠂
   │⠅ ⠔⢘⢈⣬⣿⣼⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣯⣿⣿⣿⣿⣿⣾⣗⡪⡝⢩⢋⡦⠊⡐ ⠁⠜⠄ ⠁  ⠈⡀
   │⠄ ⠄⡐⡬⣒⢟⣽⣿⣿⣿⣾⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿⢿⡟⣿⡷⣲⠟⢾⠤⢛⠌⠄⠁⡭⢡⠃⠉⠈    ⠁
   │⡄⠂⠐⢨⢙⠹⡾⢻⢿⣷⣟⣽⣿⣯⣿⣿⣿⣿⣿⣟⣿⣿⣿⣿⣿⣿⣿⣟⣿⢓⣻⡕⢘⡊⠹⠉⢇⡓⡸⢁⡀⠊ ⠈⠈  ⠈⠂
   │ ⡀⠒⠁⠊⠉⠨⠝⢹⢺⠿⣻⣿⣿⣿⣿⣿⣿⣿⣻⣻⣷⡽⡯⢚⣟⠿⡷⠟⡤⡋⡝⡹⡀⢝⡀⢩⢀⡈    ⠂
 80│   ⠰  ⣈⡀⢍⢡⡑⣟⡞⣠⣕⣸⣩⡗⣛⣉⣗⣳⣷⢐⢉⠗⡺⠄⢂⡢    ⠐⡀⠈
   └────────────────────────────────────────────────────────────────────────────
    14                                                                      55.6
    Body mass index (kg/m2)

Caveats:
  - Each dot is a person (made up: this dataset is synthetic, so dots may be
    shown).
  - 425 people with a missing value were left out.

Method:
  - One dot per row with both values; in text, dots that fall in the same place
    are drawn once (or denser marks without UTF-8).

Notes:
  Dataset: cohort (Synthetic cohort of 20,000 adults in England)
? 0

# Without UTF-8 the scatter plot is ASCII, marked by density.
$ LC_ALL=C lantern -d cohort -c 'plot scatter bmi sbp'
A scatter plot of systolic blood pressure (mmHg) against body mass index (kg/m2)
for 19,575 people.

Systolic blood pressure (mmHg)
199|                                ..
   |              .        .   .        .  . ..     .          .           .
   |                    .. .     . .  . .. . ..  . .    .  .                   .
   |         ..  .  .. . . ........................  .    .    . .  .
   |            ........................................ ...   .     .  .   .
   |    .. .. .......................................... . .... .. . .
   |    ..................oo.o.oooo.o......................... ..   ..
   |. . .............ooooooOoOoOOoooooooo....................... .   .   .
   |   ...........oooOoOOOOOOOOOOoooooo.oo...................  .
   | . ...........ooOOOOOOOOOOOOOoOoooo.................. .....   ..
   |............ooooOOOOOOOOOOOoOoooo.................  . ..      . .
   |. ..........oooooOoooOOooOoooo.....................  . ..
   |. ............oooooooooo.o......................
   |................................... ...... .    .
   | .  . .................................
 80|    . .................. .....    ..
   +----------------------------------------------------------------------------
    14                                                                      55.6
    Body mass index (kg/m2)

Caveats:
  - Each dot is a person (made up: this dataset is synthetic, so dots may be
    shown).
  - 425 people with a missing value were left out.

Method:
  - One dot per row with both values; in text, dots that fall in the same place
    are drawn once (or denser marks without UTF-8).

Notes:
  Dataset: cohort (Synthetic cohort of 20,000 adults in England)
? 0

# A line chart of monthly totals.
$ lantern -d nightingale -c 'plot line disease over month'
A line chart of deaths from preventable diseases (deaths), added up for each
month (24 values).

Deaths from preventable diseases (deaths)
2,761│                            ⢠⢣
     │                            ⡜ ⢇
     │                           ⢰⠁ ⠈⡆
     │                           ⡎   ⠘⡄
     │                          ⡸     ⢱
     │                         ⢀⠇     ⠈⡆
     │                         ⡜       ⢸
     │                        ⢠⠃        ⢇
     │                        ⡎         ⠸⡀
     │                       ⢸           ⢣
     │                      ⢀⠇            ⢣
     │            ⡰⠉⠑⠒⠢⡀   ⡠⠊              ⢇     ⢀⠔⢄
     │           ⡜     ⠘⢄⢀⠔⠁               ⠈⢆ ⣀⣀⠔⠁ ⠈⠢⡀
     │         ⢀⠎        ⠁                  ⠈⠉       ⠑⠤⠒⠊⠑⢄
     │        ⡠⠃                                           ⠑⢄⣀   ⣀⣀⡀
    0│⣀⣀⣀⣀⣀⣀⣀⠜                                                ⠉⠉⠉  ⠈⠉⠑⠒⠢⠤⠤⠤⠤⠤⠤⣀⣀
     └──────────────────────────────────────────────────────────────────────────
      1854-04-01                                                      1856-03-01
      Month

Method:
  - The values of disease are added up over the rows with the same month; the
    values of month are spaced evenly along the bottom, in order.

Notes:
  Dataset: nightingale (Florence Nightingale's Crimean War mortality, 1854-56)
? 0

# A date column alone: how many people have a date in each month (by day
# when the dates span up to 60 days, by year past 10 years).
$ lantern -d cohort -c 'plot line first_admission'
A line chart of how many people have a date of first admission in each month,
from 2015-01 to 2024-12 (2,485 people).

People
35│                        ⢸
  │                        ⢸
  │         ⡆   ⢰  ⢰       ⣼ ⢰                      ⡆      ⡆
  │        ⢠⢣   ⣼  ⢸⡇      ⡟⡄⣼                     ⢸⡇      ⡇
  │ ⢠ ⡄    ⢸⢸ ⢠ ⡟⡄⣤⡸⢸⢠⠤⡄   ⡇⡇⡟⡄ ⡄   ⢠    ⢠⡄ ⡄⢠ ⢠ ⢠ ⡇⡇  ⡄⢠⡄⢀⢧   ⡄  ⢠   ⡄ ⡄⡄   ⢠
  │ ⣾ ⣷    ⡎⠈⡆⢸⢀⠇⣷⠹⡇⠸⡸ ⡇  ⢀⠇⣇⠇⡇⢀⢇   ⣸    ⢸⢇⢀⢇⢸⡀⡾⡀⣾ ⡇⢇ ⢀⡇⡸⢇⢸⢸  ⢀⢇  ⢸⡆ ⢰⢇⢰⢇⢇   ⢸
  │⣰⠹⡀⡏⣆ ⡀⢰⠁ ⢱⢸⣸ ⡏ ⡇ ⡇ ⢇⡀⢀⢸ ⣿ ⡇⢸⢸ ⣀⣀⡿⣀ ⣀ ⢸⢸⢸⢸⢸⣷⠁⣷⢹ ⡇⢸ ⣸⢇⡇⢸⣸⢸ ⡀⢸⢸⡀⢀⢸⢱⣀⡎⢸⡎⢸⢸⣀⣀⣀⢸⡀⣀
  │  ⣿ ⢸⢠⡇⢸  ⢸⡇⣿       ⢸⣧⢸⢸   ⡇⡜⢸⢠⠃  ⣿⡄⡟⡄⡇⢸⢸⢸⡇   ⢸⢸ ⢸⢠⠃⢸⡇  ⢸⢠⡇⢸ ⡇⣼⡇         ⢸⡇⣧⠃
  │  ⣿  ⡟⢸⡇   ⡇⡇       ⢸⠘⡇⡇   ⢸⠃ ⡟   ⡇⢻ ⢣⡇ ⡇ ⡇    ⣿ ⢸⡜ ⢸    ⡟⢸⡇ ⢸⠃⡇          ⡇⡟
  │  ⠉  ⠁⠈⠁   ⠁⠁       ⠈ ⠁⠁   ⠈  ⠁   ⠁⠈ ⠈⠁ ⠁ ⠁    ⣿ ⠈⠁ ⠈    ⠁⠈⠁ ⠈ ⠁          ⠁⠁
  │                                               ⡏
  │                                               ⠃
  │
  │
  │
 0│
  └─────────────────────────────────────────────────────────────────────────────
   2015-01                                                               2024-12
   Date of first admission

Caveats:
  - 17,515 people with a missing value were left out.

Method:
  - Each point counts the people whose first_admission falls in that month; a
    month with none counts 0. The months are spaced evenly along the bottom, in
    order.
  - The counts are protected like any count (disclosure control).
  - The chart starts at the first and ends at the last month with a count that
    can be shown, because the first and last dates belong to one person each.

Notes:
  Dataset: cohort (Synthetic cohort of 20,000 adults in England)
? 0

# Over a few weeks the count is per day, days with no one included; CSV
# gives the numbers behind the chart.
$ lantern -d cohort -f csv -c 'filter first_admission >= "2024-12-01"; plot line first_admission'
key,value
rows,20
day,people
? 0

# JSON gives the chart and the table of its data.
$ lantern -d cohort -f json -c 'plot bar smoking'
{
  "command": "plot bar smoking",
  "dataset": "cohort",
  "filter": null,
  "headline": "A bar chart of smoking status for 20,000 people.",
  "numbers": [],
  "tables": [
    {
      "name": "counts",
      "title": "Counts",
      "row_level": false,
      "columns": [
        {
          "name": "value",
          "label": "Value",
          "type": "text"
        },
        {
          "name": "count",
          "label": "Count",
          "type": "count"
        }
      ],
      "rows": [
        [
          "never",
          11975
        ],
        [
          "former",
          5085
        ],
        [
          "current",
          2940
        ]
      ]
    }
  ],
  "charts": [
    {
      "kind": "bar",
      "title": null,
      "x_label": "Smoking status",
      "y_label": "People",
      "table": 0
    }
  ],
  "caveats": [],
  "method": [
    "Each bar's length is its count next to the largest count.",
    "The counts are protected like freq's (disclosure control); a hidden bar is drawn as a gap."
  ],
  "notes": [
    "Dataset: cohort (Synthetic cohort of 20,000 adults in England)"
  ]
}
? 0

# A filter narrows the rows; --bins asks for about N bins.
$ lantern -d cohort -c 'filter sex == "F"; plot hist age --bins 5'
Filter on: 10,495 of 20,000 rows match sex == "F".

Rows that match  10,495

Method:
  - Rows with a missing value in a compared column do not match; use "is
    missing" to find them.

Notes:
  Dataset: cohort (Synthetic cohort of 20,000 adults in England)
  Filter: sex == "F" (10,495 rows match)

A histogram of age (years).

Age (years)
below 20     │ hidden
20 to 40     │█████████████████████████████████████████████████████████ 3,345
40 to 60     │███████████████████████████████████████████████████████████ 3,460
60 to 80     │██████████████████████████████████████████████ 2,715
80 and above │████████████ 690
              People

Caveats:
  - Any people with a missing value were left out; how many is hidden, to
    protect privacy.

Method:
  - 5 bins of equal width with round edges; each bin holds values from its lower
    edge up to (not including) its upper edge, the last bin both edges.
  - Bin counts are protected like any count (disclosure control); a hidden bin
    is drawn as a gap.
  - The first bin has no lower edge and the last no upper edge, because those
    edges would show the smallest and largest values.

Notes:
  Dataset: cohort (Synthetic cohort of 20,000 adults in England)
  Filter: sex == "F" (10,495 rows match)
? 0

# An unknown kind says what plot takes.
$ lantern -d cohort -c 'plot pie smoking'
! lantern: plot takes a kind and columns: "plot hist bmi", "plot bar smoking", "plot box sbp by smoking", "plot scatter bmi sbp" or "plot line disease over month"
!   plot pie smoking
!        ^
? 1
