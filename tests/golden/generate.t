# generate: synthetic data as CSV.
# See tests/golden.sh for the format; regenerate with tests/golden.sh --update.

# Five rows with seed 1 on standard output.
$ lantern generate cohort --rows 5 --seed 1
age,sex,region,imd_quintile,ethnicity,smoking,bmi,sbp,cholesterol,diabetes,heart_attack,stroke,steps,alcohol,first_admission
44,F,South West,1,White,1,27.3,106,3.5,0,0,0,10511,2.2,
53,F,West Midlands,2,White,1,25.4,135,4.6,0,0,0,14268,5.4,
43,F,West Midlands,3,White,0,22.2,124,5.5,0,0,0,4797,1.2,
22,M,South West,1,White,0,24.8,115,5.2,0,0,0,7875,10.4,
61,M,East of England,3,Black,0,27.4,127,5.6,1,0,0,9730,9.7,
? 0

# The same rows and seed give the same bytes, again and again.
$ lantern generate cohort --rows 200 --seed 42 > a.csv && lantern generate cohort --rows 200 --seed 42 > b.csv && cmp a.csv b.csv && echo same
same
? 0

# Another seed gives other rows.
$ lantern generate cohort --rows 200 --seed 43 > a.csv && lantern generate cohort --rows 200 --seed 42 > b.csv; cmp -s a.csv b.csv || echo different
different
? 0

# --output writes a file and says so.
$ lantern generate cohort --rows 3 --seed 1 --output out.csv && wc -l < out.csv
Wrote 3 rows of cohort (seed 1) to out.csv.
4
? 0

# The aggregated generator.
$ lantern generate cohort-counts --rows 500 --seed 1 | head -n 5
region,age_band,sex,diabetes,heart_attack,stroke,count
North East,18-34,F,0,0,0,1
North East,18-34,M,0,0,0,5
North East,35-49,F,0,0,0,2
North East,35-49,M,0,0,0,4
? 0

# A generator that does not exist.
$ lantern generate cohrt
! lantern: there is no generator called "cohrt"; choose one of: cohort, cohort-counts
!   generate cohrt
!            ^
? 1

# generate with no generator.
$ lantern generate
! lantern: generate needs more words, as in "generate cohort --rows 1000 --seed 7 --output small.csv"; type "help generate" for more
!   generate
!           ^
? 1

# A bad number of rows.
$ lantern generate cohort --rows lots
! lantern: --rows takes a whole number from 1 to 50000000, not "lots"
? 1
