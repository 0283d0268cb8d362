/*
 * expr.c - the filter expression language, compiled to SQL.
 *
 * A hand-written lexer and recursive-descent parser turn a filter such as
 * "age >= 65 and smoker = current" straight into the text of a WHERE clause
 * with "?" placeholders, checking every column against the dictionary and
 * every value against its column's type. Column names reach the SQL only as
 * quoted identifiers taken from the dictionary; values only as parameters.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "dict.h"
#include "error.h"
#include "date.h"
#include "expr.h"

#define EXPR_MAX_DEPTH	100	/* nested "(" and "not" allowed */
#define EXPR_MAX_PARAMS	999	/* SQLite's smallest default limit */
#define SHOW_MAX	40	/* bytes of a name or value in a message */
#define SHOW_LEVELS	8	/* labels listed when a value is unknown */

enum tok_type {
	T_END,
	T_LPAREN,
	T_RPAREN,
	T_COMMA,
	T_OP,		/* = == != <> < <= > >= */
	T_NUMBER,	/* 12, -3.5, 1e6 */
	T_STRING,	/* "text" or 'text' */
	T_WORD		/* a bareword: a column, a keyword or a label */
};

enum op { OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE };

static const char *const op_sql[] = {
	[OP_EQ] = "=", [OP_NE] = "<>", [OP_LT] = "<",
	[OP_LE] = "<=", [OP_GT] = ">", [OP_GE] = ">="
};

/* Where a token sits in the text. */
struct span {
	int type;
	size_t pos;
	size_t len;
};

/* A value as written, before it is checked against its column. */
struct value {
	int type;	/* T_NUMBER, T_STRING or T_WORD */
	size_t pos;
	char *s;	/* the text, without quotes or escapes */
};

struct parser {
	const char *text;
	size_t len;
	const lt_var *vars;
	size_t nvars;
	lt_sql *out;
	lt_error *err;

	struct span tok;	/* the current token */
	int op;			/* its operator, for T_OP */
	lt_buf str;		/* its unescaped text, for T_STRING */
	struct span prev;	/* the token before it, for "after" messages */
	int depth;
};

static int parse_or(struct parser *);

/* Clamp a byte offset into the int that lt_error carries. */
static int
posint(size_t pos)
{
	return pos > INT_MAX ? INT_MAX : (int)pos;
}

/*
 * Copy at most SHOW_MAX bytes of s into dst (which holds SHOW_MAX + 4),
 * replacing control characters so a message cannot drive a terminal.
 */
static const char *
show(char *dst, const char *s, size_t n)
{
	size_t i, cut = n;

	if (cut > SHOW_MAX) {
		cut = SHOW_MAX;
		while (cut > 0 && ((unsigned char)s[cut] & 0xc0) == 0x80)
			cut--;
	}
	for (i = 0; i < cut; i++) {
		unsigned char c = (unsigned char)s[i];

		dst[i] = (c < 0x20 || c == 0x7f) ? '?' : (char)c;
	}
	if (cut < n) {
		memcpy(dst + i, "...", 3);
		i += 3;
	}
	dst[i] = '\0';
	return dst;
}

/* Describe the current token for a message: its text without quotes. */
static const char *
show_tok(struct parser *p, char *dst)
{
	if (p->tok.type == T_STRING)
		return show(dst, lt_buf_str(&p->str), p->str.len);
	return show(dst, p->text + p->tok.pos, p->tok.len);
}

/* The ", but found "x"" ending of a message, or "" at the end of input. */
static const char *
found(struct parser *p, char *dst, size_t size)
{
	char t[SHOW_MAX + 4];

	if (p->tok.type == T_END)
		dst[0] = '\0';
	else
		snprintf(dst, size, ", but found \"%s\"", show_tok(p, t));
	return dst;
}

/* Fail with "expected WHAT[ after "PREV"][, but found "TOK"]". */
static int
expected(struct parser *p, const char *what, int after)
{
	char prev[SHOW_MAX + 4], fnd[SHOW_MAX + 32], aft[SHOW_MAX + 16];

	aft[0] = '\0';
	if (after && p->prev.type == T_STRING)
		snprintf(aft, sizeof aft, " after \"%s\"",
		    show(prev, p->text + p->prev.pos + 1, p->prev.len - 2));
	else if (after && p->prev.type != T_END)
		snprintf(aft, sizeof aft, " after \"%s\"",
		    show(prev, p->text + p->prev.pos, p->prev.len));
	return lt_err_at(p->err, LT_EINVAL, posint(p->tok.pos),
	    "expected %s%s%s", what, aft, found(p, fnd, sizeof fnd));
}

/* Is c a character that ends a bareword or number? */
static int
is_break(char c)
{
	return c == '\0' || strchr(" \t\n\r\f\v()=,!<>\"'", c) != NULL;
}

/* Is s[0..n) a decimal number? Sets *whole when it has no point or exponent. */
static int
is_number(const char *s, size_t n, int *whole)
{
	size_t i = 0, digits = 0;

	*whole = 1;
	if (i < n && (s[i] == '-' || s[i] == '+'))
		i++;
	while (i < n && s[i] >= '0' && s[i] <= '9') {
		i++;
		digits++;
	}
	if (i < n && s[i] == '.') {
		*whole = 0;
		i++;
		while (i < n && s[i] >= '0' && s[i] <= '9') {
			i++;
			digits++;
		}
	}
	if (digits == 0)
		return 0;
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		*whole = 0;
		i++;
		if (i < n && (s[i] == '-' || s[i] == '+'))
			i++;
		if (i >= n || s[i] < '0' || s[i] > '9')
			return 0;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
	}
	return i == n;
}

/* Read a quoted string starting at the quote; unescape it into p->str. */
static int
lex_string(struct parser *p, size_t start)
{
	char q = p->text[start];
	size_t i = start + 1;

	lt_buf_reset(&p->str);
	lt_buf_add(&p->str, "", 0);
	while (i < p->len && p->text[i] != q) {
		char c = p->text[i];

		if (c == '\\' && i + 1 < p->len &&
		    (p->text[i + 1] == '"' || p->text[i + 1] == '\'' ||
		    p->text[i + 1] == '\\')) {
			c = p->text[i + 1];
			i++;
		}
		lt_buf_putc(&p->str, c);
		i++;
	}
	if (i >= p->len)
		return lt_err_at(p->err, LT_EINVAL, posint(start),
		    "the text in quotes that starts here has no closing %c, "
		    "so add one", q);
	p->tok.type = T_STRING;
	p->tok.len = i + 1 - start;
	return 0;
}

/* Move to the next token. */
static int
next(struct parser *p)
{
	const char *t = p->text;
	size_t i = p->tok.pos + p->tok.len;
	int whole;

	p->prev = p->tok;
	while (i < p->len && strchr(" \t\n\r\f\v", t[i]) != NULL)
		i++;
	p->tok.pos = i;
	p->tok.len = 1;
	if (i >= p->len) {
		p->tok.type = T_END;
		p->tok.len = 0;
		return 0;
	}
	switch (t[i]) {
	case '(':
		p->tok.type = T_LPAREN;
		return 0;
	case ')':
		p->tok.type = T_RPAREN;
		return 0;
	case ',':
		p->tok.type = T_COMMA;
		return 0;
	case '"':
	case '\'':
		return lex_string(p, i);
	case '=':
		p->tok.type = T_OP;
		p->op = OP_EQ;
		if (t[i + 1] == '=')
			p->tok.len = 2;
		return 0;
	case '!':
		if (t[i + 1] != '=')
			return lt_err_at(p->err, LT_EINVAL, posint(i),
			    "write \"not\" instead of \"!\"");
		p->tok.type = T_OP;
		p->op = OP_NE;
		p->tok.len = 2;
		return 0;
	case '<':
		p->tok.type = T_OP;
		p->op = OP_LT;
		if (t[i + 1] == '=') {
			p->op = OP_LE;
			p->tok.len = 2;
		} else if (t[i + 1] == '>') {
			p->op = OP_NE;
			p->tok.len = 2;
		}
		return 0;
	case '>':
		p->tok.type = T_OP;
		p->op = OP_GT;
		if (t[i + 1] == '=') {
			p->op = OP_GE;
			p->tok.len = 2;
		}
		return 0;
	}
	while (i + p->tok.len < p->len && !is_break(t[i + p->tok.len]))
		p->tok.len++;
	p->tok.type = is_number(t + i, p->tok.len, &whole) ? T_NUMBER : T_WORD;
	return 0;
}

/* Is the current token the keyword kw (any case)? */
static int
is_kw(const struct parser *p, const char *kw)
{
	size_t n = strlen(kw);

	return p->tok.type == T_WORD && p->tok.len == n &&
	    strncasecmp(p->text + p->tok.pos, kw, n) == 0;
}

/* Is the current token one of the words with a meaning in the grammar? */
static int
is_reserved(const struct parser *p)
{
	return is_kw(p, "and") || is_kw(p, "or") || is_kw(p, "not") ||
	    is_kw(p, "in") || is_kw(p, "is") || is_kw(p, "between");
}

/* Insert c at offset at of b. */
static void
buf_insert(lt_buf *b, size_t at, char c)
{
	lt_buf_putc(b, c);
	memmove(b->s + at + 1, b->s + at, b->len - 1 - at);
	b->s[at] = c;
}

/* Append a parameter; s is copied. */
static int
add_param(struct parser *p, size_t pos, int storage, long long i, double d,
    const char *s)
{
	lt_sql *o = p->out;
	lt_param *pm;

	if (o->nparams >= EXPR_MAX_PARAMS)
		return lt_err_at(p->err, LT_EINVAL, posint(pos),
		    "the filter uses more than %d values, so make it shorter",
		    EXPR_MAX_PARAMS);
	o->params = lt_grow(o->params, &o->cap, o->nparams + 1,
	    sizeof *o->params);
	pm = &o->params[o->nparams++];
	memset(pm, 0, sizeof *pm);
	pm->storage = storage;
	pm->i = i;
	pm->d = d;
	if (storage == LT_ST_TEXT)
		pm->s = lt_strdup(s);
	return 0;
}

/*
 * Bind a number written as s: an integer when the column stores integers
 * and the number is whole, otherwise a real. Returns -1 when s is no number.
 */
static int
bind_number(struct parser *p, size_t pos, int storage, const char *s)
{
	char *end;
	double d;
	int whole;

	if (!is_number(s, strlen(s), &whole))
		return -1;
	if (storage == LT_ST_INT && whole) {
		long long i;

		errno = 0;
		i = strtoll(s, &end, 10);
		if (errno == 0 && *end == '\0')
			return add_param(p, pos, LT_ST_INT, i, 0, NULL);
	}
	d = strtod(s, &end);
	if (!isfinite(d)) {
		char t[SHOW_MAX + 4];

		return lt_err_at(p->err, LT_EINVAL, posint(pos),
		    "the number %s is too big, so use a smaller one",
		    show(t, s, strlen(s)));
	}
	if (storage == LT_ST_INT && d >= -9.2e18 && d <= 9.2e18 &&
	    d == (double)(long long)d)
		return add_param(p, pos, LT_ST_INT, (long long)d, 0, NULL);
	return add_param(p, pos, LT_ST_REAL, 0, d, NULL);
}

/* Bind a level's stored value with the column's storage. */
static int
bind_stored(struct parser *p, size_t pos, int storage, const char *s)
{
	char *end;

	if (storage == LT_ST_INT) {
		long long i;

		errno = 0;
		i = strtoll(s, &end, 10);
		if (errno == 0 && *s != '\0' && *end == '\0')
			return add_param(p, pos, LT_ST_INT, i, 0, NULL);
	}
	if (storage == LT_ST_INT || storage == LT_ST_REAL) {
		double d = strtod(s, &end);

		if (*s != '\0' && *end == '\0')
			return add_param(p, pos, LT_ST_REAL, 0, d, NULL);
	}
	return add_param(p, pos, LT_ST_TEXT, 0, 0, s);
}

/* Fail with a hint when a bare word "missing" was meant as "is missing". */
static int
missing_hint(struct parser *p, const lt_var *v, const struct value *val)
{
	char n[SHOW_MAX + 4];

	if (val->type != T_WORD || strcasecmp(val->s, "missing") != 0)
		return 0;
	show(n, v->name, strlen(v->name));
	return lt_err_at(p->err, LT_EINVAL, posint(val->pos),
	    "to find rows where %s has no value, write %s is missing", n, n);
}

/* Fail because val is not one of v's levels, listing the labels. */
static int
unknown_level(struct parser *p, const lt_var *v, const struct value *val)
{
	char n[SHOW_MAX + 4], s[SHOW_MAX + 4];
	lt_buf list = LT_BUF_INIT;
	int rc;

	for (size_t i = 0; i < v->nlevels && i < SHOW_LEVELS; i++) {
		const char *l = v->levels[i].label;
		const char *q = strpbrk(l, " ,") != NULL ? "\"" : "";

		lt_buf_printf(&list, "%s%s%s%s", i > 0 ? ", " : "", q,
		    show(s, l, strlen(l)), q);
	}
	if (v->nlevels > SHOW_LEVELS)
		lt_buf_printf(&list, " and %zu more", v->nlevels - SHOW_LEVELS);
	rc = lt_err_at(p->err, LT_EINVAL, posint(val->pos),
	    "%s has no value \"%s\"; use one of: %s",
	    show(n, v->name, strlen(v->name)),
	    show(s, val->s, strlen(val->s)), lt_buf_str(&list));
	lt_buf_free(&list);
	return rc;
}

/* Fail because a number column was compared with something else. */
static int
not_a_number(struct parser *p, const lt_var *v, const struct value *val)
{
	char n[SHOW_MAX + 4], s[SHOW_MAX + 4];

	return lt_err_at(p->err, LT_EINVAL, posint(val->pos),
	    "%s is a number, so compare it with a number such as 25, "
	    "not \"%s\"", show(n, v->name, strlen(v->name)),
	    show(s, val->s, strlen(val->s)));
}

/* Is s a real calendar date written YYYY-MM-DD? */
static int
is_iso_date(const char *s)
{
	long days;

	return lt_date_parse(s, strlen(s), &days);
}

/* Check val against column v and append it as a parameter. */
static int
bind_value(struct parser *p, const lt_var *v, const struct value *val)
{
	const lt_level *lv;
	int rc;

	switch (v->type) {
	case LT_VT_INTEGER:
	case LT_VT_NUMBER:
		if (val->type == T_WORD && (rc = missing_hint(p, v, val)) != 0)
			return rc;
		rc = bind_number(p, val->pos, v->storage, val->s);
		return rc == -1 ? not_a_number(p, v, val) : rc;
	case LT_VT_CATEGORY:
		if (v->nlevels > 0) {
			if ((lv = lt_var_find_level(v, val->s)) != NULL)
				return bind_stored(p, val->pos, v->storage,
				    lv->value);
			if ((rc = missing_hint(p, v, val)) != 0)
				return rc;
			return unknown_level(p, v, val);
		}
		if (v->storage == LT_ST_TEXT)
			return add_param(p, val->pos, LT_ST_TEXT, 0, 0, val->s);
		if ((rc = missing_hint(p, v, val)) != 0)
			return rc;
		rc = bind_number(p, val->pos, v->storage, val->s);
		return rc == -1 ? not_a_number(p, v, val) : rc;
	case LT_VT_DATE:
		if ((rc = missing_hint(p, v, val)) != 0)
			return rc;
		if (val->type == T_NUMBER || !is_iso_date(val->s)) {
			char n[SHOW_MAX + 4], s[SHOW_MAX + 4];

			return lt_err_at(p->err, LT_EINVAL, posint(val->pos),
			    "%s is a date, so compare it with a date written "
			    "like \"2020-01-31\", not \"%s\"",
			    show(n, v->name, strlen(v->name)),
			    show(s, val->s, strlen(val->s)));
		}
		return add_param(p, val->pos, LT_ST_TEXT, 0, 0, val->s);
	default:
		return add_param(p, val->pos, LT_ST_TEXT, 0, 0, val->s);
	}
}

/* Read a value token into *val (the caller frees val->s). */
static int
parse_value(struct parser *p, struct value *val)
{
	val->s = NULL;
	if (p->tok.type != T_NUMBER && p->tok.type != T_STRING &&
	    (p->tok.type != T_WORD || is_reserved(p)))
		return expected(p, "a value", 1);
	val->type = p->tok.type;
	val->pos = p->tok.pos;
	if (p->tok.type == T_STRING)
		val->s = lt_strdup(lt_buf_str(&p->str));
	else
		val->s = lt_strndup(p->text + p->tok.pos, p->tok.len);
	return next(p);
}

/* Read a value, check it against v and bind it. */
static int
parse_bind(struct parser *p, const lt_var *v)
{
	struct value val;
	int rc;

	if ((rc = parse_value(p, &val)) == 0)
		rc = bind_value(p, v, &val);
	free(val.s);
	return rc;
}

/* Refuse an ordering operator (< > between) on a column without an order. */
static int
check_order(struct parser *p, const lt_var *v)
{
	char n[SHOW_MAX + 4], t[SHOW_MAX + 4];
	const char *what;

	if (v->type == LT_VT_TEXT)
		what = "free text";
	else if (v->type == LT_VT_CATEGORY && v->storage == LT_ST_TEXT)
		what = "a category without an order";
	else
		return 0;
	return lt_err_at(p->err, LT_EINVAL, posint(p->tok.pos),
	    "%s is %s, so use =, != or in with it, not \"%s\"",
	    show(n, v->name, strlen(v->name)), what, show_tok(p, t));
}

/* A comparison that would make sense for v, for hints. */
static void
example(const lt_var *v, char *dst, size_t size)
{
	char n[SHOW_MAX + 4], l[SHOW_MAX + 4];

	show(n, v->name, strlen(v->name));
	if (v->type == LT_VT_CATEGORY && v->nlevels > 0) {
		const char *lab = v->levels[v->nlevels - 1].label;

		snprintf(dst, size, "%s = \"%s\"", n,
		    show(l, lab, strlen(lab)));
	} else if (v->type == LT_VT_DATE)
		snprintf(dst, size, "%s >= \"2020-01-31\"", n);
	else if (v->type == LT_VT_TEXT || v->storage == LT_ST_TEXT)
		snprintf(dst, size, "%s = \"some text\"", n);
	else
		snprintf(dst, size, "%s > 0", n);
}

/* Can v be used on its own as a yes/no test? */
static int
is_yes_no(const lt_var *v)
{
	if (v->storage != LT_ST_INT && v->storage != LT_ST_REAL)
		return 0;
	if (v->type == LT_VT_INTEGER)
		return 1;
	if (v->type != LT_VT_CATEGORY)
		return 0;
	if (v->nlevels == 0)
		return 1;
	if (v->nlevels != 2)
		return 0;
	for (size_t i = 0; i < 2; i++)
		if (strcmp(v->levels[i].value, "0") == 0 ||
		    strcasecmp(v->levels[i].label, "no") == 0)
			return 1;
	return 0;
}

/* COLUMN ["not"] "in" "(" value ("," value)* ")"; the current token is "in". */
static int
parse_in(struct parser *p, const lt_var *v, int negated)
{
	lt_buf *w = &p->out->where;
	size_t open;
	int rc;

	if ((rc = next(p)) != 0)
		return rc;
	if (p->tok.type != T_LPAREN)
		return expected(p, "\"(\"", 1);
	open = p->tok.pos;
	if ((rc = next(p)) != 0)
		return rc;
	lt_buf_puts(w, negated ? " NOT IN (" : " IN (");
	for (;;) {
		if ((rc = parse_bind(p, v)) != 0)
			return rc;
		lt_buf_putc(w, '?');
		if (p->tok.type == T_RPAREN)
			break;
		if (p->tok.type != T_COMMA) {
			char what[64];

			(void)open;
			snprintf(what, sizeof what,
			    "\",\" or \")\" to close the list");
			return expected(p, what, 0);
		}
		if ((rc = next(p)) != 0)
			return rc;
		lt_buf_puts(w, ", ");
	}
	lt_buf_puts(w, "))");
	return next(p);
}

/* One test on a column. */
static int
parse_test(struct parser *p)
{
	lt_buf *w = &p->out->where;
	const lt_var *v;
	char *name;
	int rc;

	if (p->tok.type == T_END && p->prev.type == T_END)
		return lt_err_at(p->err, LT_EINVAL, posint(p->tok.pos),
		    "the filter is empty");
	if (p->tok.type == T_STRING)
		name = lt_strdup(lt_buf_str(&p->str));
	else if (p->tok.type == T_WORD && !is_reserved(p))
		name = lt_strndup(p->text + p->tok.pos, p->tok.len);
	else
		return expected(p, "a column name", 1);
	if ((v = lt_vars_find(p->vars, p->nvars, name)) == NULL) {
		const char *hint = lt_vars_suggest(p->vars, p->nvars, name);
		char s[SHOW_MAX + 4], h[SHOW_MAX + 4];

		show(s, name, strlen(name));
		if (hint != NULL)
			rc = lt_err_at(p->err, LT_EINVAL, posint(p->tok.pos),
			    "unknown column \"%s\" (did you mean \"%s\"?)", s,
			    show(h, hint, strlen(hint)));
		else
			rc = lt_err_at(p->err, LT_EINVAL, posint(p->tok.pos),
			    "unknown column \"%s\"", s);
		free(name);
		return rc;
	}
	free(name);
	if ((rc = next(p)) != 0)
		return rc;

	lt_buf_putc(w, '(');
	lt_sql_ident(w, v->name);
	if (p->tok.type == T_OP) {
		int op = p->op;

		if (op != OP_EQ && op != OP_NE && (rc = check_order(p, v)) != 0)
			return rc;
		if ((rc = next(p)) != 0)
			return rc;
		lt_buf_printf(w, " %s ?)", op_sql[op]);
		return parse_bind(p, v);
	}
	if (is_kw(p, "in"))
		return parse_in(p, v, 0);
	if (is_kw(p, "not")) {
		if ((rc = next(p)) != 0)
			return rc;
		if (!is_kw(p, "in"))
			return expected(p, "\"in\"", 1);
		return parse_in(p, v, 1);
	}
	if (is_kw(p, "is")) {
		int negated = 0;

		if ((rc = next(p)) != 0)
			return rc;
		if (is_kw(p, "not")) {
			negated = 1;
			if ((rc = next(p)) != 0)
				return rc;
		}
		if (!is_kw(p, "missing"))
			return expected(p, "\"missing\"", 1);
		lt_buf_puts(w, negated ? " IS NOT NULL)" : " IS NULL)");
		return next(p);
	}
	if (is_kw(p, "between")) {
		if ((rc = check_order(p, v)) != 0)
			return rc;
		if ((rc = next(p)) != 0)
			return rc;
		if ((rc = parse_bind(p, v)) != 0)
			return rc;
		if (!is_kw(p, "and"))
			return expected(p, "\"and\" between the two values of "
			    "\"between\"", 0);
		if ((rc = next(p)) != 0)
			return rc;
		if ((rc = parse_bind(p, v)) != 0)
			return rc;
		lt_buf_puts(w, " BETWEEN ? AND ?)");
		return 0;
	}
	if (p->tok.type == T_END || p->tok.type == T_RPAREN ||
	    is_kw(p, "and") || is_kw(p, "or")) {
		char ex[2 * SHOW_MAX + 32], n[SHOW_MAX + 4];

		if (!is_yes_no(v)) {
			example(v, ex, sizeof ex);
			return lt_err_at(p->err, LT_EINVAL,
			    posint(p->prev.pos), "%s is not a yes/no column, "
			    "so write a comparison such as %s",
			    show(n, v->name, strlen(v->name)), ex);
		}
		lt_buf_puts(w, " IS NOT NULL AND ");
		lt_sql_ident(w, v->name);
		lt_buf_puts(w, " <> 0)");
		return 0;
	}
	return expected(p, "an operator such as =, >= or in", 1);
}

/* Refuse to nest deeper than EXPR_MAX_DEPTH. */
static int
enter(struct parser *p)
{
	if (++p->depth > EXPR_MAX_DEPTH)
		return lt_err_at(p->err, LT_EINVAL, posint(p->tok.pos),
		    "the filter is nested more than %d levels deep, so "
		    "simplify it", EXPR_MAX_DEPTH);
	return 0;
}

/* unary := "not" unary | "(" expr ")" | test */
static int
parse_unary(struct parser *p)
{
	lt_buf *w = &p->out->where;
	size_t open;
	int rc;

	if (is_kw(p, "not")) {
		if ((rc = enter(p)) != 0 || (rc = next(p)) != 0)
			return rc;
		lt_buf_puts(w, "(NOT ");
		if ((rc = parse_unary(p)) != 0)
			return rc;
		lt_buf_putc(w, ')');
		p->depth--;
		return 0;
	}
	if (p->tok.type == T_LPAREN) {
		open = p->tok.pos;
		if ((rc = enter(p)) != 0 || (rc = next(p)) != 0)
			return rc;
		if ((rc = parse_or(p)) != 0)
			return rc;
		if (p->tok.type != T_RPAREN) {
			char what[64];

			(void)open;
			snprintf(what, sizeof what,
			    "\")\" to close the \"(\" you opened");
			return expected(p, what, 0);
		}
		p->depth--;
		return next(p);
	}
	return parse_test(p);
}

/* and := unary ("and" unary)*, wrapped in parentheses when there are two. */
static int
parse_and(struct parser *p)
{
	lt_buf *w = &p->out->where;
	size_t start = w->len;
	int rc, n = 1;

	if ((rc = parse_unary(p)) != 0)
		return rc;
	while (is_kw(p, "and")) {
		if ((rc = next(p)) != 0)
			return rc;
		if (n++ == 1)
			buf_insert(w, start, '(');
		lt_buf_puts(w, " AND ");
		if ((rc = parse_unary(p)) != 0)
			return rc;
	}
	if (n > 1)
		lt_buf_putc(w, ')');
	return 0;
}

/* expr := and ("or" and)*, wrapped in parentheses when there are two. */
static int
parse_or(struct parser *p)
{
	lt_buf *w = &p->out->where;
	size_t start = w->len;
	int rc, n = 1;

	if ((rc = parse_and(p)) != 0)
		return rc;
	while (is_kw(p, "or")) {
		if ((rc = next(p)) != 0)
			return rc;
		if (n++ == 1)
			buf_insert(w, start, '(');
		lt_buf_puts(w, " OR ");
		if ((rc = parse_and(p)) != 0)
			return rc;
	}
	if (n > 1)
		lt_buf_putc(w, ')');
	return 0;
}

/* The whole filter: an expression and then nothing. */
static int
parse_filter(struct parser *p)
{
	char t[SHOW_MAX + 4];
	int rc;

	if ((rc = next(p)) != 0 || (rc = parse_or(p)) != 0)
		return rc;
	if (p->tok.type == T_END)
		return 0;
	if (p->tok.type == T_RPAREN)
		return lt_err_at(p->err, LT_EINVAL, posint(p->tok.pos),
		    "there is a \")\" with no \"(\" before it, so remove it");
	if (is_kw(p, "&&") || is_kw(p, "||"))
		return lt_err_at(p->err, LT_EINVAL, posint(p->tok.pos),
		    "write \"%s\" instead of \"%s\"",
		    is_kw(p, "&&") ? "and" : "or", show_tok(p, t));
	return expected(p, "and, or, or the end of the filter", 0);
}

int
lt_expr_compile(const char *text, const lt_var *vars, size_t nvars,
    lt_sql *out, lt_error *err)
{
	struct parser p;
	int rc;

	memset(out, 0, sizeof *out);
	memset(&p, 0, sizeof p);
	p.text = text != NULL ? text : "";
	p.len = strlen(p.text);
	p.vars = vars;
	p.nvars = nvars;
	p.out = out;
	p.err = err;
	p.tok.type = p.prev.type = T_END;
	rc = parse_filter(&p);
	lt_buf_free(&p.str);
	if (rc != 0) {
		lt_sql_clear(out);
		return rc;
	}
	lt_buf_add(&out->where, "", 0);
	return 0;
}

void
lt_sql_clear(lt_sql *s)
{
	if (s == NULL)
		return;
	lt_buf_free(&s->where);
	for (size_t i = 0; i < s->nparams; i++)
		free(s->params[i].s);
	free(s->params);
	memset(s, 0, sizeof *s);
}
