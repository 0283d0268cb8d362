# The catalog: datasets and info.
# See tests/golden.sh for the format; regenerate with tests/golden.sh --update.

# The bundled datasets, as text for people.
$ lantern datasets
7 datasets to explore; open one with "open NAME".

Name           Title                                     Kind                          Rows  Licence
─────────────  ────────────────────────────────────────  ──────────────────────────  ──────  ───────────────────────────────────────────────────────────────────
anscombe       Anscombe's quartet                        aggregated                      44  BSD-3-Clause
burtin         Will Burtin's antibiotics table, 1951     aggregated                      16  BSD-3-Clause
cohort         Synthetic cohort of 20,000 adults in En…  synthetic individual-level  20,000  CC0-1.0
cohort-counts  Synthetic cohort counted by region, age…  synthetic aggregated           479  CC0-1.0
gapminder      Gapminder: life expectancy, population…   aggregated                     682  CC-BY-4.0
nightingale    Florence Nightingale's Crimean War mort…  aggregated                      24  Harvard Library - Digitized Content Copyright & Viewer Terms of Use
obesity        Adult obesity in the US states, 1995      aggregated                      50  U.S. Government Dataset

Notes:
  Catalog: $LANTERN_HOME/lantern.db
? 0

# As CSV: one header line, numbers without separators.
$ lantern --format csv datasets
name,title,kind,rows,licence
anscombe,Anscombe's quartet,aggregated,44,BSD-3-Clause
burtin,"Will Burtin's antibiotics table, 1951",aggregated,16,BSD-3-Clause
cohort,"Synthetic cohort of 20,000 adults in England",synthetic individual-level,20000,CC0-1.0
cohort-counts,"Synthetic cohort counted by region, age band, sex and conditions",synthetic aggregated,479,CC0-1.0
gapminder,"Gapminder: life expectancy, population and fertility, 1955-2005",aggregated,682,CC-BY-4.0
nightingale,"Florence Nightingale's Crimean War mortality, 1854-56",aggregated,24,Harvard Library - Digitized Content Copyright & Viewer Terms of Use
obesity,"Adult obesity in the US states, 1995",aggregated,50,U.S. Government Dataset
? 0

# As JSON: the whole result document.
$ lantern --format json datasets
{
  "command": "datasets",
  "dataset": null,
  "filter": null,
  "headline": "7 datasets to explore; open one with \"open NAME\".",
  "numbers": [],
  "tables": [
    {
      "name": "datasets",
      "title": null,
      "row_level": false,
      "columns": [
        {
          "name": "name",
          "label": "Name",
          "type": "text"
        },
        {
          "name": "title",
          "label": "Title",
          "type": "text"
        },
        {
          "name": "kind",
          "label": "Kind",
          "type": "text"
        },
        {
          "name": "rows",
          "label": "Rows",
          "type": "count"
        },
        {
          "name": "licence",
          "label": "Licence",
          "type": "text"
        }
      ],
      "rows": [
        [
          "anscombe",
          "Anscombe's quartet",
          "aggregated",
          44,
          "BSD-3-Clause"
        ],
        [
          "burtin",
          "Will Burtin's antibiotics table, 1951",
          "aggregated",
          16,
          "BSD-3-Clause"
        ],
        [
          "cohort",
          "Synthetic cohort of 20,000 adults in England",
          "synthetic individual-level",
          20000,
          "CC0-1.0"
        ],
        [
          "cohort-counts",
          "Synthetic cohort counted by region, age band, sex and conditions",
          "synthetic aggregated",
          479,
          "CC0-1.0"
        ],
        [
          "gapminder",
          "Gapminder: life expectancy, population and fertility, 1955-2005",
          "aggregated",
          682,
          "CC-BY-4.0"
        ],
        [
          "nightingale",
          "Florence Nightingale's Crimean War mortality, 1854-56",
          "aggregated",
          24,
          "Harvard Library - Digitized Content Copyright & Viewer Terms of Use"
        ],
        [
          "obesity",
          "Adult obesity in the US states, 1995",
          "aggregated",
          50,
          "U.S. Government Dataset"
        ]
      ]
    }
  ],
  "charts": [],
  "caveats": [],
  "method": [],
  "notes": [
    "Catalog: $LANTERN_HOME/lantern.db"
  ]
}
? 0

# -f is the short form of --format.
$ lantern -f csv datasets
name,title,kind,rows,licence
anscombe,Anscombe's quartet,aggregated,44,BSD-3-Clause
burtin,"Will Burtin's antibiotics table, 1951",aggregated,16,BSD-3-Clause
cohort,"Synthetic cohort of 20,000 adults in England",synthetic individual-level,20000,CC0-1.0
cohort-counts,"Synthetic cohort counted by region, age band, sex and conditions",synthetic aggregated,479,CC0-1.0
gapminder,"Gapminder: life expectancy, population and fertility, 1955-2005",aggregated,682,CC-BY-4.0
nightingale,"Florence Nightingale's Crimean War mortality, 1854-56",aggregated,24,Harvard Library - Digitized Content Copyright & Viewer Terms of Use
obesity,"Adult obesity in the US states, 1995",aggregated,50,U.S. Government Dataset
? 0

# The card of the synthetic cohort: columns, labels, built-in effects.
$ lantern info cohort
cohort: Synthetic cohort of 20,000 adults in England.

Title               Synthetic cohort of 20,000 adults in England
About               A made-up group of 20,000 adults living in England, one
                    person per row: their age, sex, region, how deprived their
                    area is, ethnic group, smoking, body mass index, blood
                    pressure, cholesterol, daily steps and alcohol, and whether
                    they have had diabetes, a heart attack or a stroke. Nobody
                    in this table is real. The people were drawn by a computer
                    from a fixed recipe, so it is safe to explore freely, and
                    the links between smoking, weight, age and illness were
                    built in on purpose (listed under effects) so that you can
                    go looking for them and check what you find.
Why it matters      Heart attacks, strokes and diabetes are among the biggest
                    causes of illness in England, and smoking, weight, blood
                    pressure and deprivation drive much of them.
Kind                synthetic individual-level
Rows                20,000
Columns             15
Disclosure profile  opensafely: counts of 1 to 7 hidden, others rounded to 5;
                    statistics of small groups hidden
Source              Made up by lantern's synthetic cohort generator
                    (src/core/gen.c, GSL mt19937, seed 20261122); population
                    shares follow the Census 2021 and ONS mid-2021 estimates for
                    England <https://www.ons.gov.uk/census>
Licence             Creative Commons Zero v1.0 Universal (made by lantern; no
                    rights reserved) (CC0-1.0)
                    <https://creativecommons.org/publicdomain/zero/1.0/>
Content hash        fnv1a64:11f7813211be3787

Variables
Column           Label                       Type      Unit        Values
───────────────  ──────────────────────────  ────────  ──────────  ─────────────
age              Age                         integer   years
sex              Sex                         category              F=female, M=male
region           Region of England           category              North East, North West, Yorkshire and The Humber, East Midlands, West Midlands, East of England, London, South East, South West
imd_quintile     Deprivation (IMD quintile)  category              1=1 (most deprived), 2, 3, 4, 5=5 (least deprived)
ethnicity        Ethnic group                category              White, Asian=Asian or Asian British, Black=Black, Black British, Caribbean or African, Mixed=Mixed or multiple ethnic groups, Other=Other ethnic group
smoking          Smoking status              category              0=never, 1=former, 2=current
bmi              Body mass index             number    kg/m2
sbp              Systolic blood pressure     integer   mmHg
cholesterol      Total cholesterol           number    mmol/L
diabetes         Diabetes                    category              0=no, 1=yes
heart_attack     Heart attack                category              0=no, 1=yes
stroke           Stroke                      category              0=no, 1=yes
steps            Daily steps                 integer   steps/day
alcohol          Alcohol                     number    units/week
first_admission  Date of first admission     date

Caveats:
  - This data is synthetic: a computer made it up, so no real person is in it.
    It was built to behave like real health data, so what you find is practice,
    not news.

Method:
  - Built-in effect: Ages 18 to 90 follow the adult population of England in
    2021; women outnumber men at older ages.
  - Built-in effect: Region sizes follow the 2021 Census. Deprivation differs by
    region: the North East, North West, Yorkshire and The Humber, West Midlands
    and London have more people in the most deprived fifth (IMD quintile 1); the
    South East and East of England have fewer.
  - Built-in effect: Ethnic groups follow the 2021 Census, with London much more
    mixed than the rest of England.
  - Built-in effect: Current smoking is far more common in deprived areas: about
    24% in IMD quintile 1 against about 8% in quintile 5.
  - Built-in effect: Current smoking is a little more common in men and in
    people under 50, and less common in people over 65 and in Asian people;
    former smoking becomes more common with age.
  - Built-in effect: BMI is right-skewed (mean about 27.5 kg/m2). It rises with
    age up to 60, falls a little after 70, is about 2 kg/m2 higher in the most
    deprived fifth than in the least deprived, and is slightly lower in current
    smokers.
  - Built-in effect: Systolic blood pressure rises with age (about 5 mmHg every
    10 years) and with BMI (about 0.9 mmHg per kg/m2), and is about 4 mmHg
    higher in men.
  - Built-in effect: Cholesterol rises with age up to 60, then falls, and rises
    slightly with BMI.
  - Built-in effect: Diabetes risk rises strongly with age and BMI (logistic
    model: odds about 1.6 times higher every 10 years and 1.17 times higher per
    kg/m2), and is higher in more deprived areas and in Asian people (odds about
    2.2 times higher).
  - Built-in effect: Heart attack risk rises with age, systolic blood pressure,
    current smoking (odds about 2.7 times higher than never smokers, same age
    and everything else), former smoking (about 1.3), diabetes (about 1.8), male
    sex (about 1.9) and cholesterol.
  - Built-in effect: Smoking and heart attack are partly confounded by age:
    current smokers are younger than never smokers, so the simple odds ratio is
    smaller (about 2) than the adjusted one; former smokers are older, so they
    look worse than current smokers until you take age into account.
  - Built-in effect: Stroke risk rises with age (odds about 2 times higher every
    10 years) and systolic blood pressure, and a little with diabetes.
  - Built-in effect: Daily steps are right-skewed and fall with age (about 550
    fewer every 10 years) and with BMI (about 160 fewer per kg/m2).
  - Built-in effect: About a quarter of people drink no alcohol (more among
    Asian people and people over 75); men drink more than women.
  - Built-in effect: Everyone with a heart attack or stroke has a first
    admission date, and so do about 5% of other people; dates are spread evenly
    from 2015 to 2024.
  - Built-in effect: Missing values are completely at random: about 2% of BMI,
    1% of cholesterol, 3% of alcohol and 1% of steps are empty.
  - Built-in effect: Region and ethnicity have no direct effect on heart attack
    or stroke: any difference between groups comes through smoking, BMI, blood
    pressure and diabetes.
? 0

# The card of an aggregated historical table.
$ lantern info nightingale
nightingale: Florence Nightingale's Crimean War mortality, 1854-56.

Title               Florence Nightingale's Crimean War mortality, 1854-56
About               Every month from April 1854 to March 1856, how many British
                    soldiers died in the army hospitals of the Crimean War,
                    split into three causes: diseases that could have been
                    prevented (such as cholera and typhus), wounds from
                    fighting, and everything else. The army's average size that
                    month is given too, so deaths can be turned into rates.
                    Florence Nightingale and the statistician William Farr used
                    these numbers to show that far more soldiers died of disease
                    than of their wounds, and that cleaning up the hospitals
                    saved lives. Her famous 'rose' diagrams of this table helped
                    change how hospitals are run.
Why it matters      It is the classic case of data changing public health:
                    preventable disease, not battle, killed most of the
                    soldiers.
Kind                aggregated
Rows                24
Columns             5
Disclosure profile  none: nothing hidden: the data is public counts or made up
Source              Nightingale, Florence. A contribution to the sanitary
                    history of the British army during the late war with Russia.
                    London : John W. Parker and Son, 1859. Table II. Table
                    showing the Estimated Average Monthly Strength of the Army;
                    and the Deaths and Annual Rate of Mortality per 1,000 in
                    each month, from April 1854, to March 1856 (inclusive), in
                    the Hospitals of the Army in the East.
                    <https://nrs.lib.harvard.edu/urn-3:hms.count:1177146?n=21>
                    via the vega-datasets npm package 3.2.1, BSD-3-Clause
                    <https://www.npmjs.com/package/vega-datasets/v/3.2.1>
Licence             Harvard Library - Digitized Content Copyright & Viewer Terms
                    of Use
                    <https://library.harvard.edu/privacy-terms-use-copyright-information#digitizedcontent>
                    The 3-Clause BSD License (covers the vega-datasets 3.2.1
                    packaging only; the terms of the data itself are listed
                    first) (BSD-3-Clause)
                    <https://opensource.org/license/bsd-3-clause>
Content hash        fnv1a64:5a80be32dde481d7

Variables
Column     Label                             Type     Unit      Values
─────────  ────────────────────────────────  ───────  ────────  ──────
month      Month                             date
wounds     Deaths from wounds and injuries   integer  deaths
other      Deaths from other causes          integer  deaths
disease    Deaths from preventable diseases  integer  deaths
army_size  Average size of the army          integer  soldiers

Caveats:
  - This data is aggregated or published: no row is a record about one
    identifiable person.
? 0

# info on the open dataset.
$ lantern -c 'open anscombe; info'
Opened anscombe: Anscombe's quartet, 44 rows and 3 columns.

Why it matters  It shows why researchers must look at their data in a chart
                before trusting summary numbers.
Try             "info" for its columns, "show" for rows, "describe COLUMN" for a
                summary

anscombe: Anscombe's quartet.

Title               Anscombe's quartet
About               Four small sets of eleven (x, y) points, made up by the
                    statistician Francis Anscombe in 1973. All four have the
                    same averages, the same spread, the same correlation and the
                    same best-fit straight line, yet they look completely
                    different when you draw them: a cloud, a curve, a line with
                    one odd point, and a column with one far-away point.
Why it matters      It shows why researchers must look at their data in a chart
                    before trusting summary numbers.
Kind                aggregated
Rows                44
Columns             3
Disclosure profile  none: nothing hidden: the data is public counts or made up
Source              Anscombe's quartet (Wikipedia)
                    <https://en.wikipedia.org/wiki/Anscombe%27s_quartet#Data>
                    Anscombe, F. J. (1973). Graphs in Statistical Analysis. The
                    American Statistician, 27(1):17-21.
                    <https://www.jstor.org/stable/2682899> via the vega-datasets
                    npm package 3.2.1, BSD-3-Clause
                    <https://www.npmjs.com/package/vega-datasets/v/3.2.1>
Licence             The 3-Clause BSD License of the vega-datasets 3.2.1 package
                    (it lists no separate licence for this table) (BSD-3-Clause)
                    <https://opensource.org/license/bsd-3-clause>
Content hash        fnv1a64:f01c8b14b757cb96

Variables
Column  Label   Type      Unit  Values
──────  ──────  ────────  ────  ────────────────────────────────────────────────
Series  Series  category        I=data set I, II=data set II, III=data set III, IV=data set IV
X       x       integer
Y       y       number

Caveats:
  - This data is aggregated or published: no row is a record about one
    identifiable person.
? 0

# A dataset that does not exist.
$ lantern open cohrt
! lantern: there is no dataset called "cohrt" (did you mean "cohort"?)
!   open cohrt
!        ^
? 1

# info of a dataset that does not exist.
$ lantern info nosuch
! lantern: there is no dataset called "nosuch"; type "datasets" to see the ones you can open
!   info nosuch
!        ^
? 1
