/*
 * expr.h - the filter expression language, compiled to SQL.
 *
 * Users write filters such as
 *     age >= 65 and smoker = "current"
 *     region in ("London", "North East") or not diabetes
 *     bmi is missing
 * which compile to a WHERE clause with bound parameters: no user text is
 * ever pasted into SQL. Column names are checked against the dictionary and
 * quoted; labelled values are matched by label or value and bound as the
 * stored value with the column's storage type.
 *
 * Grammar (keywords are case-insensitive):
 *     expr    := and ("or" and)*
 *     and     := unary ("and" unary)*
 *     unary   := "not" unary | "(" expr ")" | test
 *     test    := COLUMN op value
 *              | COLUMN ["not"] "in" "(" value ("," value)* ")"
 *              | COLUMN "is" ["not"] "missing"
 *              | COLUMN "between" value "and" value
 *              | COLUMN                    (a yes/no column: true when not 0)
 *     op      := "=" | "==" | "!=" | "<>" | "<" | "<=" | ">" | ">="
 *     value   := NUMBER | "text" | 'text' | BAREWORD (a label without spaces)
 * COLUMN may be written in double quotes when it holds spaces; a quoted
 * word is a column when it names one on the left of an operator.
 */
#ifndef LT_EXPR_H
#define LT_EXPR_H

#include <stddef.h>

#include "buf.h"
#include "dict.h"
#include "error.h"

/* A value to bind to a "?" in the SQL, in order. */
typedef struct lt_param {
	int storage;		/* enum lt_storage: how to bind it */
	long long i;
	double d;
	char *s;
} lt_param;

typedef struct lt_sql {
	lt_buf where;		/* SQL text for a WHERE clause, "?" for values */
	lt_param *params;
	size_t nparams;
	size_t cap;
} lt_sql;

/*
 * Compile text against the variables. On success fills *out (initialise it
 * with zeroes; release with lt_sql_clear) and returns 0. On failure returns
 * LT_EINVAL with err->pos the byte offset in text of the problem and
 * err->msg saying what was expected: "expected a value after '>='",
 * "unknown column 'bmj' (did you mean 'bmi'?)",
 * "smoker has no value \"sometimes\"; use one of: never, former, current".
 */
int lt_expr_compile(const char *text, const lt_var *vars, size_t nvars,
    lt_sql *out, lt_error *err);
void lt_sql_clear(lt_sql *s);

#endif
