/*
 * test_sdcpass.c - unit tests for the disclosure pass (sdc_pass.c), the
 * one choke point every result goes through: results built by hand with
 * counts, statistics, percentages, extremes and key numbers are passed
 * under each profile (a small made-up dataset imported with --profile),
 * and real commands on cohort are checked through their JSON. Also the
 * renderers' and charts' side: hidden key numbers and hidden bars.
 */
#include "test_common.h"

#include <math.h>

#include <jansson.h>

#include "chart.h"
#include "format.h"
#include "result.h"
#include "session_int.h"

static const char *const profiles[] = { "opensafely", "nhs", "ten", "none" };

/* ------------------------------------------------------------ fixture */

static int
setup(void **state)
{
	lt_session *s;
	char *csv = tc_src_path("tests/fixtures/sdc/people.csv");

	(void)state;
	tc_group_dir = tc_tmpdir_new();
	s = tc_group_session("open cohort", NULL);
	assert_non_null(s);
	for (size_t i = 0; i < 3; i++) {
		char *cmd = lt_sprintf("import \"%s\" --name p_%s --profile %s", csv,
		    profiles[i], profiles[i]);

		tc_run(s, cmd, NULL, NULL);
		free(cmd);
	}
	lt_session_free(s);
	free(csv);
	return 0;
}

/*
 * A session with the people data open under profile; for none (which
 * import keeps for public aggregated or synthetic data), the bundled
 * nightingale data, which is public and aggregated.
 */
static lt_session *
session_on(const char *profile)
{
	char *cmd = strcmp(profile, "none") == 0 ? lt_strdup("open nightingale") :
	    lt_sprintf("open p_%s", profile);
	lt_session *s = tc_group_session(cmd, NULL);

	free(cmd);
	assert_non_null(s);
	assert_string_equal(lt_session_profile(s)->name, profile);
	return s;
}

/* ------------------------------------------------------------ helpers */

enum { C_GROUP, C_N, C_MISSING, C_MEAN, C_PCT, C_MIN, C_MAX };

static const lt_coldef made_cols[] = {
	{ "group", "Group", LT_RC_TEXT }, { "n", "N", LT_RC_COUNT },
	{ "missing", "Missing", LT_RC_COUNT }, { "mean", "Mean", LT_RC_NUMBER },
	{ "pct", "%", LT_RC_PERCENT }, { "min", "Min", LT_RC_NUMBER },
	{ "max", "Max", LT_RC_NUMBER }, { NULL, NULL, 0 }
};

/* A result like "describe x by g": groups a (100, 3 missing), b (5), c (52, 10). */
static lt_result *
made_result(const char *command)
{
	lt_result *r = lt_result_new(command);
	lt_table *t = lt_result_table_with(r, "numbers", "Numbers", made_cols);
	static const double v[3][7] = {
		{ 0, 100, 3, 27.5, 50.1, 14, 51 },
		{ 0, 5, 0, 30.25, 2.4, 20, 44 },
		{ 0, 52, 10, 26.0, 26.0, 15, 39 },
	};
	static const char *const g[] = { "a", "b", "c" };

	for (size_t i = 0; i < 3; i++) {
		size_t row = lt_table_row(t);

		lt_table_text(t, row, C_GROUP, g[i]);
		for (size_t c = C_N; c <= C_MAX; c++)
			lt_table_num(t, row, c, v[i][c]);
	}
	lt_result_number(r, "n", "N", 157, NULL);
	lt_result_number(r, "missing", "Missing", 13, NULL);
	lt_result_number(r, "mean", "Mean", 27.1, "kg");
	lt_result_number(r, "min", "Smallest", 14, "kg");
	lt_result_number(r, "max", "Largest", 51, "kg");
	lt_result_fact(r, "licence", "Licence", "CC0");
	return r;
}

static const lt_cell *
cell(const lt_result *r, size_t row, size_t col)
{
	return lt_table_cell(r->tables[0], row, col);
}

static void
assert_hidden(const lt_cell *c, const lt_sdc_profile *p, int state)
{
	char *why = lt_sdc_why(p, state);

	assert_int_equal(c->kind, LT_CELL_HIDDEN);
	assert_non_null(c->why);
	assert_string_equal(c->why, why);
	free(why);
}

static void
assert_shown(const lt_cell *c, double v)
{
	assert_int_equal(c->kind, LT_CELL_NUMBER);
	assert_true(fabs(c->num - v) < 1e-9);
}

static const lt_item *
item(const lt_result *r, const char *key)
{
	for (size_t i = 0; i < r->nitems; i++)
		if (strcmp(r->items[i].key, key) == 0)
			return &r->items[i];
	fail_msg("no key number %s", key);
	return NULL;
}

static int
has_caveat(const lt_result *r, const char *part)
{
	for (size_t i = 0; i < r->caveats.n; i++)
		if (strstr(r->caveats.v[i], part) != NULL)
			return 1;
	return 0;
}

/* ------------------------------------------------------------ the rules */

/* opensafely and nhs: 1-7 hidden, the rest rounded, small groups' statistics hidden. */
static void
check_rounding_profile(const char *name)
{
	lt_session *s = session_on(name);
	const lt_sdc_profile *p = lt_session_profile(s);
	lt_result *r = made_result("describe x by g");

	lt_sdc_result(s, r);
	/* counts: a's 3 missing hidden, and its n, from which with the
	   (known) number of rows they could be worked out */
	assert_hidden(cell(r, 0, C_MISSING), p, LT_SDC_SMALL);
	assert_hidden(cell(r, 0, C_N), p, LT_SDC_SECONDARY);
	assert_shown(cell(r, 0, C_MEAN), 27.5);	/* a group of 100 */
	assert_hidden(cell(r, 1, C_N), p, LT_SDC_SMALL);
	assert_int_equal(cell(r, 1, C_MISSING)->kind, LT_CELL_NUMBER);	/* a zero */
	assert_true(cell(r, 2, C_N)->kind == LT_CELL_HIDDEN ||
	    fmod(cell(r, 2, C_N)->num, 5) == 0);
	for (size_t i = 0; i < 3; i++)
		for (size_t c = C_N; c <= C_MISSING; c++)
			if (cell(r, i, c)->kind == LT_CELL_NUMBER) {
				double v = cell(r, i, c)->num;

				assert_true(v == 0 || v >= 8);
				assert_true(fmod(v, 5) == 0);
			}
	/* a is protected from "total minus the others": more than one hidden */
	{
		size_t hidden = 0;

		for (size_t c = C_N; c <= C_MISSING; c++)
			hidden += cell(r, 0, c)->kind == LT_CELL_HIDDEN;
		assert_true(hidden >= 2 || r->tables[0]->protected);
	}
	/* statistics of group b (5 people) hidden, of a and c shown */
	assert_hidden(cell(r, 1, C_MEAN), p, LT_SDC_STAT);
	assert_hidden(cell(r, 1, C_PCT), p, LT_SDC_STAT);
	assert_shown(cell(r, 2, C_MEAN), 26.0);
	/* extremes */
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(cell(r, i, C_MIN)->kind, LT_CELL_HIDDEN);
		assert_int_equal(cell(r, i, C_MAX)->kind, LT_CELL_HIDDEN);
	}
	assert_hidden(cell(r, 0, C_MIN), p, LT_SDC_EXTREME);
	/* key numbers: counts rounded, statistics kept but their hidden group
	   makes them hidden, extremes hidden, facts kept */
	assert_int_equal(item(r, "n")->hidden, 0);
	assert_true(item(r, "n")->num == 155);
	assert_true(item(r, "missing")->hidden == 0 && item(r, "missing")->num == 15);
	assert_true(item(r, "mean")->hidden);
	assert_true(item(r, "min")->hidden);
	assert_non_null(item(r, "max")->why);
	assert_false(item(r, "licence")->hidden);
	assert_string_equal(item(r, "licence")->text, "CC0");
	assert_true(has_caveat(r, "privacy"));
	lt_result_free(r);
	lt_session_free(s);
}

static void
test_opensafely(void **state)
{
	(void)state;
	check_rounding_profile("opensafely");
}

static void
test_nhs(void **state)
{
	(void)state;
	check_rounding_profile("nhs");
}

/* ten: 1-9 hidden, nothing rounded. */
static void
test_ten(void **state)
{
	lt_session *s = session_on("ten");
	const lt_sdc_profile *p = lt_session_profile(s);
	lt_result *r = made_result("describe x by g");

	(void)state;
	lt_sdc_result(s, r);
	assert_hidden(cell(r, 0, C_MISSING), p, LT_SDC_SMALL);
	assert_hidden(cell(r, 1, C_N), p, LT_SDC_SMALL);
	assert_true(cell(r, 2, C_MISSING)->kind == LT_CELL_HIDDEN ||
	    cell(r, 2, C_MISSING)->num == 10);
	assert_true(cell(r, 2, C_N)->kind == LT_CELL_HIDDEN || cell(r, 2, C_N)->num == 52);
	assert_hidden(cell(r, 1, C_MEAN), p, LT_SDC_STAT);
	assert_true(item(r, "n")->num == 157);
	assert_true(item(r, "missing")->num == 13);
	assert_true(item(r, "min")->hidden);
	lt_result_free(r);
	lt_session_free(s);
}

/* none: nothing changes. */
static void
test_none(void **state)
{
	lt_session *s = session_on("none");
	lt_result *r = made_result("describe x by g");

	(void)state;
	lt_sdc_result(s, r);
	assert_shown(cell(r, 0, C_MISSING), 3);
	assert_shown(cell(r, 1, C_N), 5);
	assert_shown(cell(r, 2, C_N), 52);
	assert_shown(cell(r, 1, C_MIN), 20);
	assert_false(item(r, "min")->hidden);
	assert_true(item(r, "n")->num == 157);
	assert_int_equal(r->caveats.n, 0);
	lt_result_free(r);
	lt_session_free(s);
}

/* Key numbers of one small group: the counts and all statistics hidden. */
static void
test_small_items(void **state)
{
	lt_session *s = session_on("opensafely");
	const lt_sdc_profile *p = lt_session_profile(s);
	lt_result *r = lt_result_new("correlate a with b");
	char *why = lt_sdc_why(p, LT_SDC_STAT);

	(void)state;
	lt_result_number(r, "n", "Pairs used", 6, NULL);
	lt_result_number(r, "missing", "Pairs left out", 0, NULL);
	lt_result_number(r, "r", "Pearson's r", 0.5, NULL);
	lt_result_number(r, "r_p", "p", 0.2, NULL);
	lt_sdc_result(s, r);
	assert_true(item(r, "n")->hidden);
	assert_true(item(r, "missing")->hidden);	/* the size is hidden */
	assert_true(item(r, "r")->hidden);
	assert_string_equal(item(r, "r_p")->why, why);
	assert_true(item(r, "r")->num == 0);	/* the value is gone */
	free(why);
	lt_result_free(r);
	lt_session_free(s);
}

/* A table a command protected: checked, rounded, but nothing more hidden. */
static void
test_protected(void **state)
{
	lt_session *s = session_on("opensafely");
	lt_result *r = lt_result_new("freq town");
	lt_table *t = lt_result_table(r, "freq", NULL);
	static const double v[] = { 3, 12, 40 };

	(void)state;
	lt_table_column(t, "value", "Value", LT_RC_TEXT);
	lt_table_column(t, "count", "Count", LT_RC_COUNT);
	for (size_t i = 0; i < 3; i++)
		lt_table_num(t, lt_table_row(t), 1, v[i]);
	t->protected = 1;
	lt_sdc_result(s, r);
	assert_int_equal(lt_table_cell(t, 0, 1)->kind, LT_CELL_HIDDEN);
	assert_shown(lt_table_cell(t, 1, 1), 10);
	assert_shown(lt_table_cell(t, 2, 1), 40);
	lt_result_free(r);

	/* the same not protected: secondary suppression hides a second cell */
	r = lt_result_new("freq town");
	t = lt_result_table(r, "freq", NULL);
	lt_table_column(t, "value", "Value", LT_RC_TEXT);
	lt_table_column(t, "count", "Count", LT_RC_COUNT);
	for (size_t i = 0; i < 3; i++)
		lt_table_num(t, lt_table_row(t), 1, v[i]);
	lt_sdc_result(s, r);
	assert_int_equal(lt_table_cell(t, 0, 1)->kind, LT_CELL_HIDDEN);
	assert_int_equal(lt_table_cell(t, 1, 1)->kind, LT_CELL_HIDDEN);
	assert_true(t->protected);
	lt_result_free(r);
	lt_session_free(s);
}

/* One count column: a result under two filters, or another --format, shares its key. */
static lt_result *
freq_result(const char *command, double a, double b)
{
	lt_result *r = lt_result_new(command);
	lt_table *t = lt_result_table(r, "freq", NULL);
	size_t row;

	lt_table_column(t, "value", "Value", LT_RC_TEXT);
	lt_table_column(t, "count", "Count", LT_RC_COUNT);
	row = lt_table_row(t);
	lt_table_text(t, row, 0, "yes");
	lt_table_num(t, row, 1, a);
	row = lt_table_row(t);
	lt_table_text(t, row, 0, "no");
	lt_table_num(t, row, 1, b);
	return r;
}

static void
test_differencing(void **state)
{
	lt_session *s = session_on("opensafely");
	const lt_sdc_profile *p = lt_session_profile(s);
	lt_result *r = freq_result("freq smoker", 100, 50);

	(void)state;
	lt_sdc_result(s, r);
	assert_shown(lt_table_cell(r->tables[0], 0, 1), 100);
	lt_result_free(r);
	/* 3 fewer "yes": someone could learn about those 3 people */
	r = freq_result("freq   smoker --format json", 97, 50);
	lt_sdc_result(s, r);
	assert_hidden(lt_table_cell(r->tables[0], 0, 1), p, LT_SDC_DIFF);
	lt_result_free(r);
	/* another column is another key */
	r = freq_result("freq sex", 97, 50);
	lt_sdc_result(s, r);
	assert_shown(lt_table_cell(r->tables[0], 0, 1), 95);
	lt_result_free(r);
	/* key numbers too: the rows a filter keeps */
	r = lt_result_new("filter age > 60");
	lt_result_number(r, "rows", "Rows that match", 120, NULL);
	lt_sdc_result(s, r);
	assert_false(item(r, "rows")->hidden);
	lt_result_free(r);
	r = lt_result_new("filter age > 61");
	lt_result_number(r, "rows", "Rows that match", 118, NULL);
	lt_sdc_result(s, r);
	assert_true(item(r, "rows")->hidden);
	lt_result_free(r);
	lt_session_free(s);
}

/* One count for a note (the filter's "rows match"): rounded, small hidden, differencing. */
static void
test_count(void **state)
{
	lt_session *s = session_on("opensafely");
	double v;

	(void)state;
	assert_int_equal(lt_sdc_count(s, "filter\x1fnumbers\x1frows", 122, &v), LT_SDC_SHOWN);
	assert_true(v == 120);
	assert_int_equal(lt_sdc_count(s, "filter\x1fnumbers\x1frows", 118, &v), LT_SDC_DIFF);
	assert_int_equal(lt_sdc_count(s, "other\x1frows", 5, &v), LT_SDC_SMALL);
	assert_int_equal(lt_sdc_count(s, "third\x1frows", 0, &v), LT_SDC_SHOWN);
	assert_true(v == 0);
	lt_session_free(s);
	s = session_on("none");
	assert_int_equal(lt_sdc_count(s, "filter\x1fnumbers\x1frows", 3, &v), LT_SDC_SHOWN);
	assert_true(v == 3);
	lt_session_free(s);
}

/* Row-level tables: emptied for real people's data, kept for none. */
static lt_result *
points_result(size_t npoints)
{
	lt_result *r = lt_result_new("plot scatter age sbp");
	lt_table *t = lt_result_table(r, "points", NULL);

	lt_table_column(t, "x", "X", LT_RC_NUMBER);
	lt_table_column(t, "y", "Y", LT_RC_NUMBER);
	t->row_level = 1;
	for (size_t i = 0; i < npoints; i++) {
		size_t row = lt_table_row(t);

		/* with 40 points, 3 stand apart in a square of their own */
		lt_table_num(t, row, 0, i >= 37 ? 58 : 50 + (double)(i % 4));
		lt_table_num(t, row, 1, i >= 37 ? 128 : 120 + (double)(i % 4));
	}
	lt_result_chart(r, LT_CHART_SCATTER, NULL, NULL, NULL, 0);
	return r;
}

static void
test_row_level(void **state)
{
	lt_session *s = session_on("opensafely");
	lt_result *r = points_result(40);

	(void)state;
	assert_false(lt_session_rows_ok(s));
	lt_sdc_result(s, r);
	/* a scatter plot becomes a density grid of protected counts */
	assert_int_equal(r->charts[0].kind, LT_CHART_DENSITY);
	assert_false(r->tables[0]->row_level);
	assert_string_equal(r->tables[0]->name, "density");
	assert_int_equal(r->tables[0]->ncols, 5);
	assert_true(r->tables[0]->nrows > 0);
	for (size_t i = 0; i < r->tables[0]->nrows; i++) {
		const lt_cell *c = lt_table_cell(r->tables[0], i, 4);

		/* squares of 9 or 10 people shown, rounded; the one of 3 hidden */
		assert_true(c->kind == LT_CELL_HIDDEN || c->num == 0 || c->num == 10);
	}
	assert_true(has_caveat(r, "each square"));
	{
		lt_buf b = LT_BUF_INIT;

		lt_chart_draw(r, &r->charts[0], 60, 0, &b);
		assert_true(tc_contains(lt_buf_str(&b), "*: hidden"));
		lt_buf_free(&b);
	}
	lt_result_free(r);
	/* too few people for a grid: its edges would be their own values */
	r = points_result(4);
	lt_sdc_result(s, r);
	assert_int_equal(r->tables[0]->nrows, 0);
	lt_result_free(r);
	/* other row-level tables are emptied */
	r = points_result(40);
	r->charts[0].kind = LT_CHART_LINE;
	lt_sdc_result(s, r);
	assert_int_equal(r->tables[0]->nrows, 0);
	assert_true(has_caveat(r, "real people"));
	lt_result_free(r);
	lt_session_free(s);

	s = session_on("none");
	r = points_result(4);
	lt_sdc_result(s, r);
	assert_int_equal(r->tables[0]->nrows, 4);
	lt_result_free(r);
	lt_session_free(s);
}

/* ------------------------------------------------------------ rendering */

static void
test_render_hidden(void **state)
{
	lt_session *s = session_on("opensafely");
	lt_result *r = made_result("describe x by g");
	lt_buf b = LT_BUF_INIT;
	json_t *doc, *nums;
	json_error_t je;

	(void)state;
	lt_sdc_result(s, r);
	lt_render(r, LT_FMT_TEXT, NULL, &b);
	assert_true(tc_contains(lt_buf_str(&b), "hidden: it would show one person's own value"));
	assert_true(tc_contains(lt_buf_str(&b), "hidden: fewer than 8 people"));
	assert_false(strstr(lt_buf_str(&b), "51 kg") != NULL);
	lt_buf_reset(&b);
	lt_render(r, LT_FMT_JSON, NULL, &b);
	doc = json_loads(lt_buf_str(&b), 0, &je);
	assert_non_null(doc);
	nums = json_object_get(doc, "numbers");
	for (size_t i = 0; i < json_array_size(nums); i++) {
		json_t *o = json_array_get(nums, i), *v = json_object_get(o, "value");
		const char *key = json_string_value(json_object_get(o, "key"));

		if (strcmp(key, "min") == 0 || strcmp(key, "mean") == 0) {
			assert_true(json_is_object(v));
			assert_true(json_is_true(json_object_get(v, "hidden")));
			assert_non_null(json_string_value(json_object_get(v, "reason")));
		}
	}
	json_decref(doc);
	/* CSV of the key numbers: a hidden one is empty */
	lt_buf_reset(&b);
	{
		lt_result *k = lt_result_new("x");

		lt_result_number(k, "min", "Smallest", 14, NULL);
		lt_result_hide_item(k, 0, "it would show one person's own value");
		lt_render(k, LT_FMT_CSV, NULL, &b);
		assert_string_equal(lt_buf_str(&b), "key,value\nmin,\n");
		lt_result_free(k);
	}
	lt_buf_free(&b);
	lt_result_free(r);
	lt_session_free(s);
}

/* Charts draw a hidden bar as a gap marked "hidden", and no whiskers to hidden extremes. */
static void
test_chart_hidden(void **state)
{
	lt_result *r = lt_result_new("plot bar x");
	lt_table *t = lt_result_table(r, "bars", NULL);
	lt_buf b = LT_BUF_INIT;
	const char *line;
	size_t row;

	(void)state;
	lt_table_column(t, "value", "Value", LT_RC_TEXT);
	lt_table_column(t, "count", "Count", LT_RC_COUNT);
	row = lt_table_row(t);
	lt_table_text(t, row, 0, "few");
	lt_table_hide(t, row, 1, "fewer than 8 people");
	row = lt_table_row(t);
	lt_table_text(t, row, 0, "many");
	lt_table_num(t, row, 1, 40);
	lt_result_chart(r, LT_CHART_BAR, NULL, NULL, NULL, 0);
	lt_chart_draw(r, &r->charts[0], 40, 0, &b);
	line = strstr(lt_buf_str(&b), "few");
	assert_non_null(line);
	assert_true(strncmp(line, "few  | hidden", 13) == 0);
	lt_buf_free(&b);
	lt_result_free(r);

	r = lt_result_new("plot box y");
	t = lt_result_table(r, "box", NULL);
	{
		static const char *const n[] = { "group", "n", "min", "q1", "median", "q3",
		    "max" };
		static const double v[] = { 0, 50, 10, 20, 25, 30, 40 };

		for (size_t c = 0; c < 7; c++)
			lt_table_column(t, n[c], n[c], c == 0 ? LT_RC_TEXT : c == 1 ?
			    LT_RC_COUNT : LT_RC_NUMBER);
		row = lt_table_row(t);
		lt_table_text(t, row, 0, "g");
		for (size_t c = 1; c < 7; c++)
			lt_table_num(t, row, c, v[c]);
		lt_table_hide(t, row, 2, "it would show one person's own value");
		lt_table_hide(t, row, 6, "it would show one person's own value");
	}
	lt_result_chart(r, LT_CHART_BOX, NULL, NULL, NULL, 0);
	b = (lt_buf)LT_BUF_INIT;
	lt_chart_draw(r, &r->charts[0], 40, 0, &b);
	line = lt_buf_str(&b);
	assert_true(tc_contains(line, "g ["));
	assert_true(tc_contains(line, "]"));
	assert_false(strstr(line, "-") != NULL && strstr(line, "|-") != NULL);
	assert_true(tc_contains(line, "20"));	/* the axis runs from Q1 */
	assert_false(strstr(line, "10 ") != NULL);
	lt_buf_free(&b);
	lt_result_free(r);
}

/* ------------------------------------------------------------ real commands */

/* Every count in a JSON result: 0, or at least 8 and a multiple of 5. */
static void
check_counts(const char *text, json_t *doc)
{
	json_t *tables = json_object_get(doc, "tables"), *nums = json_object_get(doc, "numbers");

	for (size_t i = 0; i < json_array_size(tables); i++) {
		json_t *t = json_array_get(tables, i), *cols = json_object_get(t, "columns");
		json_t *rows = json_object_get(t, "rows");

		if (json_is_true(json_object_get(t, "row_level")))
			continue;
		for (size_t c = 0; c < json_array_size(cols); c++) {
			json_t *col = json_array_get(cols, c);

			if (strcmp(json_string_value(json_object_get(col, "type")), "count") != 0 ||
			    strcmp(json_string_value(json_object_get(col, "name")), "levels") == 0)
				continue;
			for (size_t r = 0; r < json_array_size(rows); r++) {
				json_t *v = json_array_get(json_array_get(rows, r), c);
				double x;

				if (!json_is_number(v))
					continue;
				x = json_number_value(v);
				if (!(x == 0 || (x >= 8 && fmod(x, 5) == 0)))
					fail_msg("\"%s\": table %zu column %s shows a count of %g",
					    text, i, json_string_value(json_object_get(col, "name")), x);
			}
		}
	}
	for (size_t i = 0; i < json_array_size(nums); i++) {
		json_t *o = json_array_get(nums, i), *v = json_object_get(o, "value");
		const char *key = json_string_value(json_object_get(o, "key"));
		double x;

		if (!json_is_number(v) || (strcmp(key, "n") != 0 && strcmp(key, "missing") != 0 &&
		    strcmp(key, "rows") != 0 && strcmp(key, "events") != 0))
			continue;
		x = json_number_value(v);
		if (!(x == 0 || (x >= 8 && fmod(x, 5) == 0)))
			fail_msg("\"%s\": key number %s is %g", text, key, x);
	}
}

static int
emit_check(void *ud, const lt_result *r, int format)
{
	lt_buf b = LT_BUF_INIT;
	json_error_t je;
	json_t *doc;

	(void)format;
	(void)ud;
	lt_render(r, LT_FMT_JSON, NULL, &b);
	doc = json_loads(lt_buf_str(&b), 0, &je);
	assert_non_null(doc);
	check_counts(r->command, doc);
	json_decref(doc);
	lt_buf_free(&b);
	return 0;
}

static void
test_cohort_commands(void **state)
{
	static const char *const cmds[] = {
		"describe bmi", "describe bmi by region", "describe", "freq smoking",
		"crosstab smoking by sex", "compare sbp by smoking", "correlate bmi with sbp",
		"plot hist bmi", "plot bar region", "plot box bmi by region",
		"filter age > 88", "describe sbp by region", "freq region",
		"plot hist sbp", "filter age > 89", "describe bmi", "freq smoking",
	};
	lt_session *s = tc_group_session("open cohort", NULL);

	(void)state;
	assert_non_null(s);
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
		lt_error err;

		if (lt_session_run(s, cmds[i], emit_check, NULL, NULL, &err) != 0)
			print_message("(\"%s\" did not run: %s)\n", cmds[i], err.msg);
	}
	lt_session_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_opensafely),
		cmocka_unit_test(test_nhs),
		cmocka_unit_test(test_ten),
		cmocka_unit_test(test_none),
		cmocka_unit_test(test_small_items),
		cmocka_unit_test(test_protected),
		cmocka_unit_test(test_differencing),
		cmocka_unit_test(test_count),
		cmocka_unit_test(test_row_level),
		cmocka_unit_test(test_render_hidden),
		cmocka_unit_test(test_chart_hidden),
		cmocka_unit_test(test_cohort_commands),
	};

	return cmocka_run_group_tests(tests, setup, tc_group_teardown);
}
