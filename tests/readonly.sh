#!/bin/sh
# readonly.sh: a catalog that may not be written (a shared copy, a folder
# of someone else's) can still be read: open, describe and datasets work,
# and writing says what is wrong in one sentence. Runs the reading side as
# an unprivileged user with setpriv, so it needs root; skips (77) otherwise.
set -u
LANTERN=${LANTERN:-${top_builddir:-.}/src/lantern}
if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null 2>&1; then
	echo "needs root and setpriv to read as another user: skipped"
	exit 77
fi
# The other user must be able to run the program where it was built.
if ! setpriv --reuid=65534 --regid=65534 --clear-groups "$LANTERN" --version >/dev/null 2>&1; then
	echo "another user cannot run $LANTERN from here (folder permissions): skipped"
	exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
npass=0
nfail=0
check() { if [ "$1" -eq 0 ]; then npass=$((npass + 1)); echo "ok - $2"; else nfail=$((nfail + 1)); echo "not ok - $2"; fi; }

mkdir -p "$tmp/home"
# A copy of the program and the datasets where the other user can reach them.
cp "$LANTERN" "$tmp/lantern" && cp -R "$LANTERN_DATASETS" "$tmp/datasets"
chmod -R a+rX "$tmp/lantern" "$tmp/datasets"
printf 'a,b\n1,2\n3,4\n' >"$tmp/x.csv"
LANTERN_DATASETS=$tmp/datasets LANTERN_HOME=$tmp/home "$LANTERN" -q -c 'open cohort' >/dev/null &&
    LANTERN_HOME=$tmp/home "$LANTERN" -q import "$tmp/x.csv" --name mine >/dev/null
check $? "the owner imports into the catalog"
chmod 755 "$tmp" "$tmp/home"
chmod 644 "$tmp/home"/*
before=$(cksum <"$tmp/home/lantern.db")
as_other() { setpriv --reuid=65534 --regid=65534 --clear-groups env HOME="$tmp" \
    LANTERN_HOME="$tmp/home" LANTERN_DATASETS="$tmp/datasets" "$tmp/lantern" "$@"; }

out=$(as_other -f csv -c 'open mine; describe a' 2>&1)
printf '%s\n' "$out" | grep -q 'the dataset has too few people'
check $? "another user reads an imported dataset (of 2 rows: nothing about them is shown)"
as_other -q -c 'open cohort; describe bmi' >/dev/null 2>&1
check $? "another user opens the bundled cohort the owner opened"
as_other datasets >/dev/null 2>&1
check $? "another user lists the datasets"
err=$(as_other -q import "$tmp/x.csv" --name other 2>&1)
[ $? -eq 1 ] && printf '%s\n' "$err" | grep -q "cannot write to the catalog file"
check $? "importing says the catalog cannot be written"
[ "$(cksum <"$tmp/home/lantern.db")" = "$before" ]
check $? "the catalog file is unchanged"
echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
