#!/bin/sh
# The layers stay apart (DESIGN.md, "Layering of the code"):
# - src/core has no user-interface code: no curses, no readline;
# - curses is included by src/ui/term.c alone (views draw into a canvas);
# - readline is included only where lines are edited: src/ui/edit.c (the
#   set-up the shell and the workbench share), src/ui/prompt.c (the ":"
#   prompt) and src/cli/repl.c (the shell).
set -u
top=${top_srcdir:-.}
curses='^[[:space:]]*#[[:space:]]*include[[:space:]]*([<"](n?cursesw?\.h|ncursesw?/)|<term\.h>)'
readline='^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](readline/|editline/)'
npass=0
nfail=0

# Check that only the files listed in $3 (paths under $top) include $2.
# $1 names the library in messages.
only_in()
{
	what=$1 pattern=$2 allowed=$3
	bad=
	for f in "$top"/src/*/*.c "$top"/src/*/*.h; do
		[ -f "$f" ] || continue
		rel=${f#"$top"/}
		grep -qE "$pattern" "$f" || continue
		case " $allowed " in
		*" $rel "*) ;;
		*) bad="$bad $rel" ;;
		esac
	done
	if [ -n "$bad" ]; then
		echo "only $allowed may include $what headers, but these do too:"
		for f in $bad; do
			echo "  $f"
		done
		nfail=$((nfail + 1))
	else
		echo "$what headers are included only by $allowed"
		npass=$((npass + 1))
	fi
}

only_in curses "$curses" "src/ui/term.c"
only_in readline "$readline" "src/ui/edit.c src/ui/prompt.c src/cli/repl.c"

n=$(ls "$top"/src/*/*.c "$top"/src/*/*.h | wc -l)
ncore=$(ls "$top"/src/core/*.c "$top"/src/core/*.h | wc -l)
echo "checked $n files in src ($ncore in src/core: no curses, no readline)"
echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
