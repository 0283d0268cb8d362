#!/bin/sh
# The core library must stay free of user-interface code: no curses, no
# readline in src/core (DESIGN.md, "Layering of the code").
set -u
src=${top_srcdir:-.}/src/core
bad=$(grep -lE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](n?curses|ncursesw/|curses|term\.h|readline/|editline/)' "$src"/*.c "$src"/*.h 2>/dev/null)
if [ -n "$bad" ]; then
	echo "src/core must not include curses or readline headers, but these do:"
	echo "$bad"
	echo "1 passed, 1 failed"
	exit 1
fi
n=$(ls "$src"/*.c "$src"/*.h | wc -l)
echo "checked $n files in src/core: no curses, no readline"
echo "1 passed, 0 failed"
