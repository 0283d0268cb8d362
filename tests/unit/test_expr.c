/*
 * test_expr.c - tests for the filter expression compiler: the SQL text, the
 * parameters, every error with its position, and the rows each compiled
 * WHERE clause selects from a real in-memory SQLite table.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "buf.h"
#include "dict.h"
#include "error.h"
#include "expr.h"

#define NVARS 10

static lt_var vars[NVARS];
static sqlite3 *db;

/* Fill one dictionary entry. */
static lt_var *
add_var(int i, const char *name, int type, int storage)
{
	lt_var *v = &vars[i];

	memset(v, 0, sizeof *v);
	v->name = lt_strdup(name);
	v->label = lt_strdup(name);
	v->type = type;
	v->storage = storage;
	return v;
}

/* Run SQL that must succeed. */
static void
exec_sql(const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		print_error("sqlite: %s\n", msg);
		sqlite3_free(msg);
		fail();
	}
}

/* Build the dictionary and a table of six people. */
static int
setup(void **state)
{
	lt_var *v;

	(void)state;
	add_var(0, "age", LT_VT_INTEGER, LT_ST_INT);
	add_var(1, "bmi", LT_VT_NUMBER, LT_ST_REAL);
	v = add_var(2, "smoker", LT_VT_CATEGORY, LT_ST_INT);
	lt_var_add_level(v, "0", "never");
	lt_var_add_level(v, "1", "former");
	lt_var_add_level(v, "2", "current");
	v = add_var(3, "region", LT_VT_CATEGORY, LT_ST_TEXT);
	lt_var_add_level(v, "London", NULL);
	lt_var_add_level(v, "North East", NULL);
	v = add_var(4, "sex", LT_VT_CATEGORY, LT_ST_TEXT);
	lt_var_add_level(v, "F", "female");
	lt_var_add_level(v, "M", "male");
	v = add_var(5, "diabetes", LT_VT_CATEGORY, LT_ST_INT);
	lt_var_add_level(v, "0", "no");
	lt_var_add_level(v, "1", "yes");
	add_var(6, "first_admission", LT_VT_DATE, LT_ST_TEXT);
	add_var(7, "note", LT_VT_TEXT, LT_ST_TEXT);
	add_var(8, "blood pressure", LT_VT_NUMBER, LT_ST_REAL);
	add_var(9, "odd\"name", LT_VT_INTEGER, LT_ST_INT);

	if (sqlite3_open(":memory:", &db) != SQLITE_OK)
		return -1;
	exec_sql("CREATE TABLE t (id INTEGER, age INTEGER, bmi REAL,"
	    " smoker INTEGER, region TEXT, sex TEXT, diabetes INTEGER,"
	    " first_admission TEXT, note TEXT, \"blood pressure\" REAL,"
	    " \"odd\"\"name\" INTEGER);"
	    "INSERT INTO t VALUES"
	    " (1, 70, 31.5, 2, 'London', 'F', 1, '2019-03-04', 'fine',"
	    "  140, 1),"
	    " (2, 45, 22.0, 0, 'North East', 'M', 0, '2021-11-30',"
	    "  'it''s \"ok\"', 120, 0),"
	    " (3, 65, NULL, 1, 'London', 'M', NULL, NULL, NULL, 135, NULL),"
	    " (4, NULL, 27.2, NULL, NULL, 'F', 1, '2020-01-31', 'x',"
	    "  NULL, 2),"
	    " (5, 18, 19.9, 2, 'North East', NULL, 0, '2020-02-29', 'DROP',"
	    "  110, 0),"
	    " (6, 30, 25.0, 0, 'London', 'F', 0, '2020-01-30', '',"
	    "  125, 0);");
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	for (int i = 0; i < NVARS; i++)
		lt_var_clear(&vars[i]);
	sqlite3_close(db);
	return 0;
}

/* Compile text, which must succeed. */
static void
compile(const char *text, lt_sql *out)
{
	lt_error err;
	int rc;

	lt_err_clear(&err);
	rc = lt_expr_compile(text, vars, NVARS, out, &err);
	if (rc != 0)
		print_error("filter [%s] failed at %d: %s\n", text, err.pos,
		    err.msg);
	assert_int_equal(rc, 0);
	assert_int_equal(err.code, LT_OK);
}

/* Compile text and check the WHERE text; the caller clears out. */
static void
compile_ok(const char *text, const char *where, lt_sql *out)
{
	compile(text, out);
	assert_string_equal(lt_buf_str(&out->where), where);
}

/* Compile text and check only the WHERE text. */
static void
check_where(const char *text, const char *where)
{
	lt_sql out;

	compile_ok(text, where, &out);
	lt_sql_clear(&out);
}

/* Compile text, which must fail at pos with msg and leave out cleared. */
static void
check_error(const char *text, int pos, const char *msg)
{
	lt_sql out;
	lt_error err;
	int rc;

	memset(&out, 0x5a, sizeof out);
	lt_err_clear(&err);
	rc = lt_expr_compile(text, vars, NVARS, &out, &err);
	if (rc != LT_EINVAL)
		print_error("filter [%s] compiled to [%s]\n", text,
		    rc == 0 ? lt_buf_str(&out.where) : "?");
	assert_int_equal(rc, LT_EINVAL);
	assert_int_equal(err.code, LT_EINVAL);
	assert_string_equal(err.msg, msg);
	if (err.pos != pos)
		print_error("filter [%s]: %s\n", text, err.msg);
	assert_int_equal(err.pos, pos);
	assert_null(out.where.s);
	assert_int_equal(out.where.len, 0);
	assert_null(out.params);
	assert_int_equal(out.nparams, 0);
	assert_int_equal(out.cap, 0);
}

/* Bind the parameters of s to st. */
static void
bind_params(sqlite3_stmt *st, const lt_sql *s)
{
	for (size_t i = 0; i < s->nparams; i++) {
		const lt_param *pm = &s->params[i];
		int col = (int)i + 1, rc;

		switch (pm->storage) {
		case LT_ST_INT:
			rc = sqlite3_bind_int64(st, col, pm->i);
			break;
		case LT_ST_REAL:
			rc = sqlite3_bind_double(st, col, pm->d);
			break;
		default:
			rc = sqlite3_bind_text(st, col, pm->s, -1,
			    SQLITE_TRANSIENT);
			break;
		}
		assert_int_equal(rc, SQLITE_OK);
	}
	assert_int_equal(sqlite3_bind_parameter_count(st), (int)s->nparams);
}

/* The ids of the rows of t that text selects, as "1,3,5" ("" for none). */
static const char *
rows(const char *text)
{
	static char ids[128];
	sqlite3_stmt *st = NULL;
	lt_sql out;
	char *sql;
	size_t n = 0;
	int rc;

	compile(text, &out);
	sql = lt_sprintf("SELECT id FROM t WHERE %s ORDER BY id",
	    lt_buf_str(&out.where));
	rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		print_error("[%s]: %s\n", sql, sqlite3_errmsg(db));
	assert_int_equal(rc, SQLITE_OK);
	bind_params(st, &out);
	ids[0] = '\0';
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		n += (size_t)snprintf(ids + n, sizeof ids - n, "%s%d",
		    n > 0 ? "," : "", sqlite3_column_int(st, 0));
	assert_int_equal(rc, SQLITE_DONE);
	sqlite3_finalize(st);
	free(sql);
	lt_sql_clear(&out);
	return ids;
}

/* Check that param i of s is an integer with value x. */
static void
assert_int_param(const lt_sql *s, size_t i, long long x)
{
	assert_true(i < s->nparams);
	assert_int_equal(s->params[i].storage, LT_ST_INT);
	assert_int_equal(s->params[i].i, x);
	assert_null(s->params[i].s);
}

/* Check that param i of s is a real with value x. */
static void
assert_real_param(const lt_sql *s, size_t i, double x)
{
	assert_true(i < s->nparams);
	assert_int_equal(s->params[i].storage, LT_ST_REAL);
	assert_true(s->params[i].d == x);
	assert_null(s->params[i].s);
}

/* Check that param i of s is text equal to x. */
static void
assert_text_param(const lt_sql *s, size_t i, const char *x)
{
	assert_true(i < s->nparams);
	assert_int_equal(s->params[i].storage, LT_ST_TEXT);
	assert_non_null(s->params[i].s);
	assert_string_equal(s->params[i].s, x);
}

/* The example from the header, with the exact SQL shape. */
static void
test_and_shape(void **state)
{
	lt_sql out;

	(void)state;
	compile_ok("age >= 65 and smoker = \"current\"",
	    "((\"age\" >= ?) AND (\"smoker\" = ?))", &out);
	assert_int_equal(out.nparams, 2);
	assert_int_param(&out, 0, 65);
	assert_int_param(&out, 1, 2);
	lt_sql_clear(&out);
	assert_null(out.where.s);
	assert_null(out.params);
	assert_int_equal(out.nparams, 0);
}

/* Every comparison operator, with == as = and != as <>. */
static void
test_operators(void **state)
{
	(void)state;
	check_where("age = 1", "(\"age\" = ?)");
	check_where("age == 1", "(\"age\" = ?)");
	check_where("age != 1", "(\"age\" <> ?)");
	check_where("age <> 1", "(\"age\" <> ?)");
	check_where("age < 1", "(\"age\" < ?)");
	check_where("age <= 1", "(\"age\" <= ?)");
	check_where("age > 1", "(\"age\" > ?)");
	check_where("age >= 1", "(\"age\" >= ?)");
	check_where("age>=1", "(\"age\" >= ?)");
	check_where("age<>1", "(\"age\" <> ?)");
	check_where("  age\t=\n1  ", "(\"age\" = ?)");
	assert_string_equal(rows("age = 65"), "3");
	assert_string_equal(rows("age == 65"), "3");
	assert_string_equal(rows("age != 65"), "1,2,5,6");
	assert_string_equal(rows("age <> 65"), "1,2,5,6");
	assert_string_equal(rows("age < 45"), "5,6");
	assert_string_equal(rows("age <= 45"), "2,5,6");
	assert_string_equal(rows("age > 45"), "1,3");
	assert_string_equal(rows("age >= 45"), "1,2,3");
}

/* "and" binds tighter than "or"; groups are parenthesised. */
static void
test_precedence(void **state)
{
	(void)state;
	check_where("age < 50 or age > 60 and smoker = current",
	    "((\"age\" < ?) OR ((\"age\" > ?) AND (\"smoker\" = ?)))");
	check_where("age < 50 and age > 10 or smoker = current",
	    "(((\"age\" < ?) AND (\"age\" > ?)) OR (\"smoker\" = ?))");
	check_where("(age < 50 or age > 60) and smoker = current",
	    "(((\"age\" < ?) OR (\"age\" > ?)) AND (\"smoker\" = ?))");
	check_where("age = 1 and age = 2 and age = 3",
	    "((\"age\" = ?) AND (\"age\" = ?) AND (\"age\" = ?))");
	check_where("age = 1 or age = 2 or age = 3",
	    "((\"age\" = ?) OR (\"age\" = ?) OR (\"age\" = ?))");
	check_where("(age = 1)", "(\"age\" = ?)");
	check_where("((age = 1 or age = 2))",
	    "((\"age\" = ?) OR (\"age\" = ?))");
	assert_string_equal(rows("age < 50 or age > 60 and smoker = current"),
	    "1,2,5,6");
	assert_string_equal(
	    rows("(age < 50 or age > 60) and smoker = current"), "1,5");
	assert_string_equal(rows("age > 40 and (smoker = never or smoker = 2)"),
	    "1,2");
}

/* "not" applies to the test or group right after it. */
static void
test_not(void **state)
{
	(void)state;
	check_where("not age = 1", "(NOT (\"age\" = ?))");
	check_where("not age = 1 and bmi > 2",
	    "((NOT (\"age\" = ?)) AND (\"bmi\" > ?))");
	check_where("not (age = 1 and bmi > 2)",
	    "(NOT ((\"age\" = ?) AND (\"bmi\" > ?)))");
	check_where("NOT not diabetes", "(NOT (NOT (\"diabetes\" IS NOT NULL"
	    " AND \"diabetes\" <> 0)))");
	/* A comparison with a missing value is neither true nor false. */
	assert_string_equal(rows("not age >= 65"), "2,5,6");
	assert_string_equal(rows("not (age >= 65 or smoker = current)"),
	    "2,6");
}

/* in and not in, with labels, values and quoted labels. */
static void
test_in(void **state)
{
	lt_sql out;

	(void)state;
	compile_ok("region in (\"London\", 'North East')",
	    "(\"region\" IN (?, ?))", &out);
	assert_int_equal(out.nparams, 2);
	assert_text_param(&out, 0, "London");
	assert_text_param(&out, 1, "North East");
	lt_sql_clear(&out);
	compile_ok("smoker not in (never,2)", "(\"smoker\" NOT IN (?, ?))",
	    &out);
	assert_int_param(&out, 0, 0);
	assert_int_param(&out, 1, 2);
	lt_sql_clear(&out);
	check_where("age IN (1)", "(\"age\" IN (?))");
	check_where("age Not In (1, 2, 3)", "(\"age\" NOT IN (?, ?, ?))");
	check_where("note in (\"a\", b)", "(\"note\" IN (?, ?))");
	assert_string_equal(rows("region in (\"London\", \"North East\")"),
	    "1,2,3,5,6");
	assert_string_equal(rows("region not in (london)"), "2,5");
	assert_string_equal(rows("smoker in (former, current)"), "1,3,5");
	assert_string_equal(rows("smoker not in (former, current)"), "2,6");
	assert_string_equal(rows("age in (18, 65, 99)"), "3,5");
}

/* between, whose "and" is not the boolean and. */
static void
test_between(void **state)
{
	lt_sql out;

	(void)state;
	compile_ok("bmi between 20 and 30", "(\"bmi\" BETWEEN ? AND ?)",
	    &out);
	assert_int_equal(out.nparams, 2);
	assert_real_param(&out, 0, 20);
	assert_real_param(&out, 1, 30);
	lt_sql_clear(&out);
	check_where("age BETWEEN 1 AND 5 and bmi > 2",
	    "((\"age\" BETWEEN ? AND ?) AND (\"bmi\" > ?))");
	check_where("bmi > 2 and age between 1 and 5 or age = 9",
	    "(((\"bmi\" > ?) AND (\"age\" BETWEEN ? AND ?)) OR "
	    "(\"age\" = ?))");
	assert_string_equal(rows("bmi between 20 and 30"), "2,4,6");
	assert_string_equal(rows("bmi between 20 and 30 and age < 40"), "6");
	assert_string_equal(rows("smoker between never and former"), "2,3,6");
	assert_string_equal(
	    rows("first_admission between 2020-01-01 and '2020-12-31'"),
	    "4,5,6");
}

/* is missing and is not missing. */
static void
test_missing(void **state)
{
	(void)state;
	check_where("age is missing", "(\"age\" IS NULL)");
	check_where("age IS NOT MISSING", "(\"age\" IS NOT NULL)");
	check_where("note is missing", "(\"note\" IS NULL)");
	assert_string_equal(rows("age is missing"), "4");
	assert_string_equal(rows("age is not missing"), "1,2,3,5,6");
	assert_string_equal(rows("bmi is missing or diabetes is missing"),
	    "3");
	assert_string_equal(rows("note is not missing and sex is missing"),
	    "5");
}

/* A yes/no column on its own. */
static void
test_bare_column(void **state)
{
	(void)state;
	check_where("diabetes",
	    "(\"diabetes\" IS NOT NULL AND \"diabetes\" <> 0)");
	check_where("age and diabetes", "((\"age\" IS NOT NULL AND "
	    "\"age\" <> 0) AND (\"diabetes\" IS NOT NULL AND "
	    "\"diabetes\" <> 0))");
	check_where("(diabetes)",
	    "(\"diabetes\" IS NOT NULL AND \"diabetes\" <> 0)");
	assert_string_equal(rows("diabetes"), "1,4");
	/* Missing counts as "not known to have it". */
	assert_string_equal(rows("not diabetes"), "2,3,5,6");
	assert_string_equal(rows("region in (\"London\", \"North East\") or "
	    "not diabetes"), "1,2,3,5,6");
}

/* Labels match by label or by value, in any case, and bind the value. */
static void
test_labels(void **state)
{
	lt_sql out;

	(void)state;
	compile_ok("smoker = Current or smoker = 1 or smoker = \"NEVER\"",
	    "((\"smoker\" = ?) OR (\"smoker\" = ?) OR (\"smoker\" = ?))",
	    &out);
	assert_int_param(&out, 0, 2);
	assert_int_param(&out, 1, 1);
	assert_int_param(&out, 2, 0);
	lt_sql_clear(&out);
	compile_ok("sex = female or sex = m", "((\"sex\" = ?) OR "
	    "(\"sex\" = ?))", &out);
	assert_text_param(&out, 0, "F");
	assert_text_param(&out, 1, "M");
	lt_sql_clear(&out);
	compile_ok("region = 'north east'", "(\"region\" = ?)", &out);
	assert_text_param(&out, 0, "North East");
	lt_sql_clear(&out);
	compile_ok("diabetes = YES", "(\"diabetes\" = ?)", &out);
	assert_int_param(&out, 0, 1);
	lt_sql_clear(&out);
	assert_string_equal(rows("sex = female"), "1,4,6");
	assert_string_equal(rows("sex = m"), "2,3");
	assert_string_equal(rows("sex = \"MALE\""), "2,3");
	assert_string_equal(rows("smoker = CURRENT"), "1,5");
	assert_string_equal(rows("smoker > former"), "1,5");
	assert_string_equal(rows("smoker <= 1"), "2,3,6");
	assert_string_equal(rows("region = \"north east\""), "2,5");
	assert_string_equal(rows("diabetes = no"), "2,5,6");
}

/* Numbers bind as integers or reals by storage and form. */
static void
test_number_params(void **state)
{
	lt_sql out;

	(void)state;
	compile_ok("age = 65.0 or age = 65.5 or age = -3 or age = 1e2 or "
	    "age = \"42\" or age = +7",
	    "((\"age\" = ?) OR (\"age\" = ?) OR (\"age\" = ?) OR "
	    "(\"age\" = ?) OR (\"age\" = ?) OR (\"age\" = ?))", &out);
	assert_int_equal(out.nparams, 6);
	assert_int_param(&out, 0, 65);
	assert_real_param(&out, 1, 65.5);
	assert_int_param(&out, 2, -3);
	assert_int_param(&out, 3, 100);
	assert_int_param(&out, 4, 42);
	assert_int_param(&out, 5, 7);
	lt_sql_clear(&out);
	compile_ok("bmi < 25 and bmi > 2.5e1 and bmi >= .5 and bmi <= -1.25E-1",
	    "((\"bmi\" < ?) AND (\"bmi\" > ?) AND (\"bmi\" >= ?) AND "
	    "(\"bmi\" <= ?))", &out);
	assert_real_param(&out, 0, 25);
	assert_real_param(&out, 1, 25);
	assert_real_param(&out, 2, 0.5);
	assert_real_param(&out, 3, -0.125);
	lt_sql_clear(&out);
	compile_ok("age > 9223372036854775807", "(\"age\" > ?)", &out);
	assert_int_param(&out, 0, 9223372036854775807LL);
	lt_sql_clear(&out);
	compile_ok("age > 99999999999999999999", "(\"age\" > ?)", &out);
	assert_real_param(&out, 0, 1e20);
	lt_sql_clear(&out);
	assert_string_equal(rows("bmi = 22"), "2");
	assert_string_equal(rows("age = 65.0"), "3");
	assert_string_equal(rows("bmi > 27.2"), "1");
}

/* Dates are checked and bound as ISO text; text columns bind text. */
static void
test_dates_and_text(void **state)
{
	lt_sql out;

	(void)state;
	compile_ok("first_admission >= '2020-02-29' and note = \"a\\\"b\\\\\"",
	    "((\"first_admission\" >= ?) AND (\"note\" = ?))", &out);
	assert_text_param(&out, 0, "2020-02-29");
	assert_text_param(&out, 1, "a\"b\\");
	lt_sql_clear(&out);
	compile_ok("note != 42", "(\"note\" <> ?)", &out);
	assert_text_param(&out, 0, "42");
	lt_sql_clear(&out);
	check_where("first_admission = 2000-02-29",
	    "(\"first_admission\" = ?)");
	assert_string_equal(rows("first_admission >= \"2020-01-31\""),
	    "2,4,5");
	assert_string_equal(rows("first_admission < 2020-01-01"), "1");
	assert_string_equal(rows("note = 'it\\'s \"ok\"'"), "2");
	assert_string_equal(rows("note = \"it's \\\"ok\\\"\""), "2");
	assert_string_equal(rows("note = DROP"), "5");
	assert_string_equal(rows("note = \"\""), "6");
	assert_string_equal(rows("note != fine"), "2,4,5,6");
}

/* Column names are matched in any case and emitted quoted. */
static void
test_columns(void **state)
{
	(void)state;
	check_where("AGE = 1", "(\"age\" = ?)");
	check_where("\"age\" = 1", "(\"age\" = ?)");
	check_where("\"blood pressure\" > 130", "(\"blood pressure\" > ?)");
	check_where("\"odd\\\"name\" = 2", "(\"odd\"\"name\" = ?)");
	check_where("'age' = 1", "(\"age\" = ?)");
	assert_string_equal(rows("\"blood pressure\" > 130"), "1,3");
	assert_string_equal(rows("\"Blood Pressure\" between 115 and 130"),
	    "2,6");
	assert_string_equal(rows("\"odd\\\"name\" = 2"), "4");
	assert_string_equal(rows("\"odd\\\"name\""), "1,4");
}

/* Hostile text is refused or bound, never pasted into SQL. */
static void
test_injection(void **state)
{
	lt_sql out;

	(void)state;
	check_error("age = 1; DROP TABLE x", 6, "age is a number, so compare "
	    "it with a number such as 25, not \"1;\"");
	check_error("\"age\"\" OR 1=1 --\" = 3", 5, "expected an operator "
	    "such as =, >= or in after \"age\", but found \" OR 1=1 --\"");
	check_error("\"age\\\" OR 1=1 --\" = 3", 0,
	    "unknown column \"age\" OR 1=1 --\"");
	check_error("age = 1 or 1=1", 11, "expected a column name after "
	    "\"or\", but found \"1\"");
	check_error("age = 1 -- comment", 8, "expected and, or, or the end "
	    "of the filter, but found \"--\"");
	compile_ok("note = \"x'); DROP TABLE t; --\"", "(\"note\" = ?)", &out);
	assert_text_param(&out, 0, "x'); DROP TABLE t; --");
	lt_sql_clear(&out);
	compile_ok("note in (\"') OR 1=1 --\")", "(\"note\" IN (?))", &out);
	assert_text_param(&out, 0, "') OR 1=1 --");
	lt_sql_clear(&out);
	assert_string_equal(rows("note = \"x'); DROP TABLE t; --\""), "");
	assert_string_equal(rows("note = \"' OR 1=1 --\" or age = 18"), "5");
	assert_string_equal(rows("age is not missing or age is missing"),
	    "1,2,3,4,5,6");
}

/* Empty filters. */
static void
test_error_empty(void **state)
{
	(void)state;
	check_error("", 0, "the filter is empty");
	check_error("   ", 3, "the filter is empty");
	check_error("()", 1, "expected a column name after \"(\", but found "
	    "\")\"");
}

/* A missing or misplaced value. */
static void
test_error_value(void **state)
{
	(void)state;
	check_error("age >=", 6, "expected a value after \">=\"");
	check_error("age >= )", 7, "expected a value after \">=\", but found "
	    "\")\"");
	check_error("age = and bmi > 1", 6, "expected a value after \"=\", "
	    "but found \"and\"");
	check_error("age => 3", 5, "expected a value after \"=\", but found "
	    "\">\"");
	check_error("age === 3", 6, "expected a value after \"==\", but found "
	    "\"=\"");
	check_error("age = missing", 6, "to find rows where age has no "
	    "value, write age is missing");
	check_error("smoker = missing", 9, "to find rows where smoker has no "
	    "value, write smoker is missing");
	check_error("age > 1e999", 6, "the number 1e999 is too big, so use "
	    "a smaller one");
}

/* Something other than and, or or the end after a complete test. */
static void
test_error_trailing(void **state)
{
	(void)state;
	check_error("age >= 65 bmi < 3", 10, "expected and, or, or the end of "
	    "the filter, but found \"bmi\"");
	check_error("age > 3)", 7, "there is a \")\" with no \"(\" before it, "
	    "so remove it");
	check_error("age > 1 && bmi < 3", 8, "write \"and\" instead of \"&&\"");
	check_error("age > 1 || bmi < 3", 8, "write \"or\" instead of \"||\"");
	check_error("!diabetes", 0, "write \"not\" instead of \"!\"");
	check_error("age ! 3", 4, "write \"not\" instead of \"!\"");
}

/* Unclosed parentheses and lists. */
static void
test_error_parens(void **state)
{
	(void)state;
	check_error("not (age > 3", 12, "expected \")\" to close the \"(\" you "
	    "opened");
	check_error("(age > 3 bmi", 9, "expected \")\" to close the \"(\" you "
	    "opened, but found \"bmi\"");
	check_error("age in (1, 2", 12, "expected \",\" or \")\" to close the "
	    "list");
	check_error("age in (1 2)", 10, "expected \",\" or \")\" to close the "
	    "list, but found \"2\"");
	check_error("age in ()", 8, "expected a value after \"(\", but found "
	    "\")\"");
	check_error("age in (1,)", 10, "expected a value after \",\", but "
	    "found \")\"");
	check_error("age in 3", 7, "expected \"(\" after \"in\", but found "
	    "\"3\"");
}

/* Keywords in the wrong place. */
static void
test_error_keywords(void **state)
{
	(void)state;
	check_error("age 65", 4, "expected an operator such as =, >= or in "
	    "after \"age\", but found \"65\"");
	check_error("age not 3", 8, "expected \"in\" after \"not\", but found "
	    "\"3\"");
	check_error("age is 3", 7, "expected \"missing\" after \"is\", but "
	    "found \"3\"");
	check_error("age is not", 10, "expected \"missing\" after \"not\"");
	check_error("age between 1 3", 14, "expected \"and\" between the two "
	    "values of \"between\", but found \"3\"");
	check_error("age between 1", 13, "expected \"and\" between the two "
	    "values of \"between\"");
	check_error("age between 1 and", 17, "expected a value after \"and\"");
	check_error("age > 1 and", 11, "expected a column name after "
	    "\"and\"");
	check_error("and age > 1", 0, "expected a column name, but found "
	    "\"and\"");
	check_error("not", 3, "expected a column name after \"not\"");
	check_error("65 < age", 0, "expected a column name, but found "
	    "\"65\"");
}

/* Unknown columns, with and without a hint. */
static void
test_error_unknown_column(void **state)
{
	(void)state;
	check_error("bmj > 3", 0, "unknown column \"bmj\" (did you mean "
	    "\"bmi\"?)");
	check_error("age > 1 and smokr = current", 12, "unknown column "
	    "\"smokr\" (did you mean \"smoker\"?)");
	check_error("\"blood presure\" > 3", 0, "unknown column "
	    "\"blood presure\" (did you mean \"blood pressure\"?)");
	check_error("zzzzzz = 1", 0, "unknown column \"zzzzzz\"");
	/* Control characters never reach the message. */
	check_error("qq\x1b[31mqq = 1", 0, "unknown column \"qq?[31mqq\"");
	/* Long names are cut short. */
	check_error("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    " = 1", 0, "unknown column \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaaa...\"");
}

/* Values of the wrong kind for their column. */
static void
test_error_types(void **state)
{
	(void)state;
	check_error("bmi > high", 6, "bmi is a number, so compare it with a "
	    "number such as 25, not \"high\"");
	check_error("age = \"65 years\"", 6, "age is a number, so compare it "
	    "with a number such as 25, not \"65 years\"");
	check_error("smoker = sometimes", 9, "smoker has no value "
	    "\"sometimes\"; use one of: never, former, current");
	check_error("smoker in (never, Sometimes)", 18, "smoker has no value "
	    "\"Sometimes\"; use one of: never, former, current");
	check_error("region = Leeds", 9, "region has no value \"Leeds\"; use "
	    "one of: London, \"North East\"");
	check_error("smoker = 1.0", 9, "smoker has no value \"1.0\"; use one "
	    "of: never, former, current");
	check_error("region < London", 7, "region is a category without an "
	    "order, so use =, != or in with it, not \"<\"");
	check_error("sex between f and m", 4, "sex is a category without an "
	    "order, so use =, != or in with it, not \"between\"");
	check_error("note >= a", 5, "note is free text, so use =, != or in "
	    "with it, not \">=\"");
	check_error("note between a and b", 5, "note is free text, so use =, "
	    "!= or in with it, not \"between\"");
	check_error("first_admission = 2020-13-01", 18, "first_admission is "
	    "a date, so compare it with a date written like \"2020-01-31\", "
	    "not \"2020-13-01\"");
	check_error("first_admission = '2021-02-29'", 18, "first_admission is "
	    "a date, so compare it with a date written like \"2020-01-31\", "
	    "not \"2021-02-29\"");
	check_error("first_admission = 1900-02-29", 18, "first_admission is "
	    "a date, so compare it with a date written like \"2020-01-31\", "
	    "not \"1900-02-29\"");
	check_error("first_admission < 2020-04-31", 18, "first_admission is "
	    "a date, so compare it with a date written like \"2020-01-31\", "
	    "not \"2020-04-31\"");
	check_error("first_admission < 2020", 18, "first_admission is a date, "
	    "so compare it with a date written like \"2020-01-31\", not "
	    "\"2020\"");
	check_error("first_admission < \"2020-1-5\"", 18, "first_admission is "
	    "a date, so compare it with a date written like \"2020-01-31\", "
	    "not \"2020-1-5\"");
}

/* A column that is not yes/no used on its own. */
static void
test_error_bare_column(void **state)
{
	(void)state;
	check_error("bmi", 0, "bmi is not a yes/no column, so write a "
	    "comparison such as bmi > 0");
	check_error("age > 1 and smoker", 12, "smoker is not a yes/no column, "
	    "so write a comparison such as smoker = \"current\"");
	check_error("region or age > 1", 0, "region is not a yes/no column, "
	    "so write a comparison such as region = \"North East\"");
	check_error("(note)", 1, "note is not a yes/no column, so write a "
	    "comparison such as note = \"some text\"");
	check_error("first_admission", 0, "first_admission is not a yes/no "
	    "column, so write a comparison such as first_admission >= "
	    "\"2020-01-31\"");
}

/* Unterminated strings. */
static void
test_error_strings(void **state)
{
	(void)state;
	check_error("note = \"abc", 7, "the text in quotes that starts here "
	    "has no closing \", so add one");
	check_error("note = 'abc\\'", 7, "the text in quotes that starts here "
	    "has no closing ', so add one");
	check_error("note in (\"a\", 'b", 14, "the text in quotes that starts here "
	    "has no closing ', so add one");
	check_error("\"blood pressure > 3", 0, "the text in quotes that starts here "
	    "has no closing \", so add one");
}

/* Deep nesting is refused before it can exhaust the stack. */
static void
test_error_depth(void **state)
{
	lt_buf b = LT_BUF_INIT;

	(void)state;
	lt_buf_pad(&b, '(', 100);
	lt_buf_puts(&b, "age = 1");
	lt_buf_pad(&b, ')', 100);
	check_where(lt_buf_str(&b), "(\"age\" = ?)");
	lt_buf_reset(&b);
	lt_buf_pad(&b, '(', 101);
	lt_buf_puts(&b, "age = 1");
	lt_buf_pad(&b, ')', 101);
	check_error(lt_buf_str(&b), 100, "the filter is nested more than 100 "
	    "levels deep, so simplify it");
	lt_buf_reset(&b);
	for (int i = 0; i < 100000; i++)
		lt_buf_puts(&b, "not ");
	lt_buf_puts(&b, "diabetes");
	check_error(lt_buf_str(&b), 400, "the filter is nested more than 100 "
	    "levels deep, so simplify it");
	lt_buf_reset(&b);
	lt_buf_puts(&b, "age = 1");
	for (int i = 0; i < 500; i++)
		lt_buf_puts(&b, " or (not age = 1)");
	{
		lt_sql out;

		compile(lt_buf_str(&b), &out);
		assert_int_equal(out.nparams, 501);
		lt_sql_clear(&out);
	}
	lt_buf_free(&b);
}

/* More values than SQLite can bind are refused. */
static void
test_error_too_many_values(void **state)
{
	lt_buf b = LT_BUF_INIT;

	(void)state;
	lt_buf_puts(&b, "age in (0");
	for (int i = 1; i < 999; i++)
		lt_buf_printf(&b, ",%d", i);
	lt_buf_puts(&b, ")");
	assert_string_equal(rows(lt_buf_str(&b)), "1,2,3,5,6");
	b.len--;
	lt_buf_puts(&b, ",7)");
	check_error(lt_buf_str(&b), (int)b.len - 2, "the filter uses more "
	    "than 999 values, so make it shorter");
	lt_buf_free(&b);
}

/* No error struct and no text are handled; clearing is idempotent. */
static void
test_null_arguments(void **state)
{
	lt_sql out;

	(void)state;
	assert_int_equal(lt_expr_compile("bmj = 1", vars, NVARS, &out, NULL),
	    LT_EINVAL);
	assert_null(out.where.s);
	assert_int_equal(lt_expr_compile(NULL, vars, NVARS, &out, NULL),
	    LT_EINVAL);
	assert_int_equal(lt_expr_compile("age = 1", NULL, 0, &out, NULL),
	    LT_EINVAL);
	assert_int_equal(lt_expr_compile("age = 1", vars, NVARS, &out, NULL),
	    0);
	lt_sql_clear(&out);
	lt_sql_clear(&out);
	lt_sql_clear(NULL);
	assert_null(out.where.s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_and_shape),
		cmocka_unit_test(test_operators),
		cmocka_unit_test(test_precedence),
		cmocka_unit_test(test_not),
		cmocka_unit_test(test_in),
		cmocka_unit_test(test_between),
		cmocka_unit_test(test_missing),
		cmocka_unit_test(test_bare_column),
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_number_params),
		cmocka_unit_test(test_dates_and_text),
		cmocka_unit_test(test_columns),
		cmocka_unit_test(test_injection),
		cmocka_unit_test(test_error_empty),
		cmocka_unit_test(test_error_value),
		cmocka_unit_test(test_error_trailing),
		cmocka_unit_test(test_error_parens),
		cmocka_unit_test(test_error_keywords),
		cmocka_unit_test(test_error_unknown_column),
		cmocka_unit_test(test_error_types),
		cmocka_unit_test(test_error_bare_column),
		cmocka_unit_test(test_error_strings),
		cmocka_unit_test(test_error_depth),
		cmocka_unit_test(test_error_too_many_values),
		cmocka_unit_test(test_null_arguments),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
