# privacy: the disclosure profile in force, explained; rows of data about
# real people refused.
# See tests/golden.sh for the format; regenerate with tests/golden.sh --update.

# With no dataset open: the four profiles and what each does.
$ lantern privacy
lantern has four sets of privacy rules; each dataset says which one it follows.

Try  open cohort; privacy

The profiles
Profile     What it does
──────────  ────────────────────────────────────────────────────────────────────
opensafely  counts of 1 to 7 hidden, others rounded to 5; statistics of small groups hidden
nhs         counts of 1 to 7 shown as *, others rounded to 5
ten         anything from fewer than 10 people hidden
none        nothing hidden: the data is public counts or made up

Notes:
  A dataset you import follows the opensafely rules unless you choose others
  with "import FILE --profile NAME".
  Where lantern is installed, the rules can be made stricter, never looser: see
  "man lantern", section PRIVACY.
? 0

# One profile by name, in general.
$ lantern privacy nhs
The nhs rules: counts of 1 to 7 shown as *, others rounded to 5.

Profile              nhs
What it means        These rules are like the ones the NHS uses when it
                     publishes health counts. Counts from 1 to 7 are shown as a
                     star (*). All other counts are rounded to the nearest 5.
                     Averages and other figures for groups of 7 or fewer people
                     are hidden. Other averages are rounded to 3 significant
                     figures. You will not see the smallest or largest single
                     value, because each belongs to one person. Sometimes a
                     larger count is hidden as well, so that a small one cannot
                     be worked out by subtraction. These rules lower the risk a
                     lot, but no rule makes data risk-free.
The rules            Counts from 1 to 7 are shown as a star (*). Other counts
                     are rounded to the nearest 5. Averages and other figures
                     for groups of fewer than 8 people are hidden. When a filter
                     is on, a count of 0 is hidden too, so that trying filters
                     one by one tells nothing. Averages and other figures are
                     rounded to 3 significant figures. You will not see the
                     smallest or largest single value. A larger count may be
                     hidden too, so that a small one cannot be worked out by
                     subtraction. Single rows about real people are never shown.
Why small numbers    A small count can point to one person. Say a table shows
                     that 1 girl in your class has asthma, and you know who took
                     an inhaler to PE: now you know something private about her.
                     A count of a few people is almost a name, so it is hidden.
                     Rounding the other counts makes it hard to work out a
                     hidden one from the rest.
Differencing attack  Two results can be safe on their own and still give a
                     secret away together. Say 40 people aged 65 and over smoke,
                     and 39 people aged 66 and over smoke. Take one from the
                     other: 1 person aged exactly 65 smokes. That trick is a
                     differencing attack. lantern remembers what it has shown
                     you in this session. It hides a number that differs from an
                     earlier one by 7 people or fewer, and says why.

Caveats:
  - No rule makes data completely risk-free. Think before you share what you
    find, and never try to work out who someone is.
? 0

# A name that is not a profile.
$ lantern privacy strict
! lantern: there are no privacy rules called "strict"; they are opensafely, nhs, ten and none
!   privacy strict
!           ^
? 1

# The synthetic cohort follows opensafely; its rows may be browsed because it
# is made up.
$ lantern -d cohort -c privacy
cohort is protected by the opensafely rules: counts of 1 to 7 hidden, others
rounded to 5; statistics of small groups hidden.

Profile              opensafely
The rules            Counts from 1 to 7 are hidden. Other counts are rounded to
                     the nearest 5. Averages and other figures for groups of
                     fewer than 8 people are hidden. When a filter is on, a
                     count of 0 is hidden too, so that trying filters one by one
                     tells nothing. Averages and other figures are rounded to 3
                     significant figures. You will not see the smallest or
                     largest single value. If everyone in a group has the same
                     answer, you are warned. A larger count may be hidden too,
                     so that a small one cannot be worked out by subtraction.
                     You may look at single rows, because cohort is made up.
Why small numbers    A small count can point to one person. Say a table shows
                     that 1 girl in your class has asthma, and you know who took
                     an inhaler to PE: now you know something private about her.
                     A count of a few people is almost a name, so it is hidden.
                     Rounding the other counts makes it hard to work out a
                     hidden one from the rest.
Differencing attack  Two results can be safe on their own and still give a
                     secret away together. Say 40 people aged 65 and over smoke,
                     and 39 people aged 66 and over smoke. Take one from the
                     other: 1 person aged exactly 65 smokes. That trick is a
                     differencing attack. lantern remembers what it has shown
                     you in this session. It hides a number that differs from an
                     earlier one by 7 people or fewer, and says why.
Browsing rows        Yes. cohort is made up (synthetic), so no row is a real
                     person, and you may look at its rows with "show". Its
                     counts and statistics still follow the rules, so you
                     practise what researchers do with real data.
Made stricter here   No. These are the rules cohort asks for. The people who run
                     lantern can make the rules stricter, never looser, with a
                     "profile" line in /etc/lantern/lantern.conf (or the file
                     named by LANTERN_CONFIG).

Caveats:
  - cohort is made up, but lantern treats it as if it were about real people, so
    you meet the rules as researchers do.
  - No rule makes data completely risk-free. Think before you share what you
    find, and never try to work out who someone is.

Method:
  - A hidden number says why, as in "hidden: fewer than 8 people"; in JSON it is
    {"hidden": true, "reason": ...}, never a made-up number.
  - A dataset's metadata chooses its rules; a deployment can only make them
    stricter. "man lantern", section PRIVACY, has the details.
? 0

# The dataset card names the profile and says what it does.
$ lantern info cohort | grep -A 1 'Disclosure profile'; lantern info nightingale | grep 'Disclosure profile'
Disclosure profile  opensafely: counts of 1 to 7 hidden, others rounded to 5;
                    statistics of small groups hidden
Disclosure profile  none: nothing hidden: the data is public counts or made up
? 0

# A CSV imported without --profile gets opensafely: the card, the privacy
# command and "open" say so.
$ lantern -q import sleep.csv >/dev/null && lantern -c 'open sleep; privacy' && lantern info sleep | grep 'Disclosure profile'
Opened sleep: 8 rows and 6 columns.

Try  "info" for its columns, "describe COLUMN" for a summary, "privacy" for why
     its rows are not shown

sleep is protected by the opensafely rules: counts of 1 to 7 hidden, others
rounded to 5; statistics of small groups hidden.

Profile              opensafely
The rules            Counts from 1 to 7 are hidden. Other counts are rounded to
                     the nearest 5. Averages and other figures for groups of
                     fewer than 8 people are hidden. When a filter is on, a
                     count of 0 is hidden too, so that trying filters one by one
                     tells nothing. Averages and other figures are rounded to 3
                     significant figures. You will not see the smallest or
                     largest single value. If everyone in a group has the same
                     answer, you are warned. A larger count may be hidden too,
                     so that a small one cannot be worked out by subtraction.
                     Single rows about real people are never shown.
Why small numbers    A small count can point to one person. Say a table shows
                     that 1 girl in your class has asthma, and you know who took
                     an inhaler to PE: now you know something private about her.
                     A count of a few people is almost a name, so it is hidden.
                     Rounding the other counts makes it hard to work out a
                     hidden one from the rest.
Differencing attack  Two results can be safe on their own and still give a
                     secret away together. Say 40 people aged 65 and over smoke,
                     and 39 people aged 66 and over smoke. Take one from the
                     other: 1 person aged exactly 65 smokes. That trick is a
                     differencing attack. lantern remembers what it has shown
                     you in this session. It hides a number that differs from an
                     earlier one by 7 people or fewer, and says why.
Browsing rows        No. Each row of sleep may be one real person's record, and
                     a whole record can give away who someone is. So lantern
                     never shows or exports its rows. Summaries such as
                     "describe" and "freq" still work.
Made stricter here   No. These are the rules sleep asks for. The people who run
                     lantern can make the rules stricter, never looser, with a
                     "profile" line in /etc/lantern/lantern.conf (or the file
                     named by LANTERN_CONFIG).

Caveats:
  - No rule makes data completely risk-free. Think before you share what you
    find, and never try to work out who someone is.

Method:
  - A hidden number says why, as in "hidden: fewer than 8 people"; in JSON it is
    {"hidden": true, "reason": ...}, never a made-up number.
  - A dataset's metadata chooses its rules; a deployment can only make them
    stricter. "man lantern", section PRIVACY, has the details.
Disclosure profile  opensafely: counts of 1 to 7 hidden, others rounded to 5;
? 0

# ... and its rows are refused, by show and by its CSV and JSON output, with
# a reason; summaries still work.
$ lantern -q import sleep.csv >/dev/null; lantern -d sleep -c 'show'; echo "status $?"; lantern -d sleep -f csv -c 'show 1 3'; echo "status $?"; lantern -d sleep -f json -c 'show 2'; echo "status $?"; lantern -q -d sleep -c 'describe sleep_hours' >/dev/null; echo "status $?"
status 1
status 1
status 1
status 0
! lantern: sleep may hold records about real people, so lantern does not show its rows; use summaries such as "describe" and "freq" instead, and type "privacy" to see why
! lantern: sleep may hold records about real people, so lantern does not show its rows; use summaries such as "describe" and "freq" instead, and type "privacy" to see why
! lantern: sleep may hold records about real people, so lantern does not show its rows; use summaries such as "describe" and "freq" instead, and type "privacy" to see why
? 0

# The same file described by its datapackage.json as made up (synthetic):
# its rows may be shown.
$ lantern -q import sleep.csv --meta datapackage.json >/dev/null && lantern -d sleep -c 'show 1 2'
Rows 1-2 of 8.

school      year_group  sleep_hours  screen_time  breakfast      bedtime
──────────  ──────────  ───────────  ───────────  ─────────────  ──────────
Northfield          10          7.5          3.2  had breakfast  2024-03-01
Northfield          11            6          4.8  no breakfast   2024-03-01

Notes:
  Dataset: sleep (Sleep and screens in three schools)
? 0

# Where lantern is installed, LANTERN_CONFIG (or /etc/lantern/lantern.conf)
# can make the rules stricter: "ten" over the public nightingale table hides
# small numbers and its rows.
$ printf '# our school\nprofile = ten\n' >site.conf && LANTERN_CONFIG=$PWD/site.conf lantern -d nightingale -c 'privacy'; LANTERN_CONFIG=$PWD/site.conf lantern -d nightingale -c 'show 1 2'; echo "status $?"; LANTERN_CONFIG=$PWD/site.conf lantern info nightingale | grep 'Disclosure profile'
nightingale is protected by the ten rules: anything from fewer than 10 people
hidden.

Profile              ten
The rules            Counts from 1 to 9 are hidden. Other counts are shown
                     exactly. Averages and other figures for groups of fewer
                     than 10 people are hidden. When a filter is on, a count of
                     0 is hidden too, so that trying filters one by one tells
                     nothing. Averages and other figures are rounded to 3
                     significant figures. You will not see the smallest or
                     largest single value. A larger count may be hidden too, so
                     that a small one cannot be worked out by subtraction.
                     Single rows about real people are never shown.
Why small numbers    A small count can point to one person. Say a table shows
                     that 1 girl in your class has asthma, and you know who took
                     an inhaler to PE: now you know something private about her.
                     A count of a few people is almost a name, so it is hidden.
Differencing attack  Two results can be safe on their own and still give a
                     secret away together. Say 40 people aged 65 and over smoke,
                     and 39 people aged 66 and over smoke. Take one from the
                     other: 1 person aged exactly 65 smokes. That trick is a
                     differencing attack. lantern remembers what it has shown
                     you in this session. It hides a number that differs from an
                     earlier one by 9 people or fewer, and says why.
Browsing rows        No. Each row of nightingale is a group of people, but the
                     ten rules never show single rows. Summaries such as
                     "describe" and "freq" still work.
Made stricter here   Yes. nightingale asks for the none rules, and the people
                     who run lantern here made them stricter. For each rule, the
                     stricter one wins, and the result is the ten rules. Nobody
                     can make them looser.

Caveats:
  - No rule makes data completely risk-free. Think before you share what you
    find, and never try to work out who someone is.

Method:
  - A hidden number says why, as in "hidden: fewer than 10 people"; in JSON it
    is {"hidden": true, "reason": ...}, never a made-up number.
  - A dataset's metadata chooses its rules; a deployment can only make them
    stricter. "man lantern", section PRIVACY, has the details.
status 1
Disclosure profile  ten: anything from fewer than 10 people hidden
! lantern: the privacy rules here do not let lantern show the rows of nightingale; use summaries such as "describe" and "freq" instead, and type "privacy" to see why
? 0

# ... but never looser: "none" leaves the cohort's opensafely rules as they
# are, and a file naming no known profile, or a missing file, changes nothing.
$ printf 'profile = none\n' >loose.conf; printf 'profile = off\n' >bad.conf; for c in loose.conf bad.conf missing.conf; do LANTERN_CONFIG=$PWD/$c lantern info cohort | grep 'Disclosure profile'; done; LANTERN_CONFIG=$PWD/bad.conf lantern -d nightingale -c 'show 1 1' | tail -n 4
Disclosure profile  opensafely: counts of 1 to 7 hidden, others rounded to 5;
Disclosure profile  opensafely: counts of 1 to 7 hidden, others rounded to 5;
Disclosure profile  opensafely: counts of 1 to 7 hidden, others rounded to 5;
1854-04-01       0      5        1       8571

Notes:
  Dataset: nightingale (Florence Nightingale's Crimean War mortality, 1854-56)
? 0
