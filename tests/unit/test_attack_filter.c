/*
 * test_attack_filter.c - attacks through the filter on disclosure control
 * (issue 5, red-team review): a filter that selects one person, then
 * "0" against "hidden" across counts to rebuild their record; the
 * filter's own count as an oracle (none against a few); and statistics
 * of a group whose size is hidden, which give the size back (a
 * regression's confidence interval and SE give its degrees of freedom).
 * Each test runs the attack and fails when it works.
 *
 * The data: tests/fixtures/sdc/people.csv, 300 made-up people imported as
 * a user's own file would be (no --profile: individual-level, not
 * synthetic, so the opensafely rules apply). Person 263 is 84, has an
 * sbp of 171 and lives in Whitby, a town of 3.
 */
#include "attack_common.h"

#include <ctype.h>

#include "format.h"

#define SMALL_WHY	"fewer than 8 people"

/* ------------------------------------------------------------ fixture */

/* The key number of r called key, or fail. */
/* The result's JSON. Caller frees. */
static char *
json_of(const lt_result *r)
{
	lt_buf b = LT_BUF_INIT;

	lt_render(r, LT_FMT_JSON, NULL, &b);
	return lt_buf_take(&b);
}

/*
 * Nothing in r describes the rows: no table rows, numbers or charts; with
 * own (the filter selects person 263), none of their values anywhere.
 */
static void
check_withheld(const lt_result *r, int own)
{
	char *json = json_of(r);

	for (size_t t = 0; t < r->ntables; t++) {
		if (r->tables[t]->nrows != 0)
			print_error("%s: table %s has %zu rows\n", r->command,
			    r->tables[t]->name, r->tables[t]->nrows);
		assert_int_equal(r->tables[t]->nrows, 0);
	}
	assert_int_equal(r->ncharts, 0);
	for (size_t i = 0; i < r->nitems; i++)
		assert_true(r->items[i].is_text || r->items[i].hidden);
	assert_non_null(r->headline);
	assert_non_null(strstr(r->headline, "too few people"));
	/* person 263's own values appear nowhere */
	if (own) {
		assert_null(strstr(json, "Whitby"));
		assert_null(strstr(json, "\"84\""));
		assert_null(strstr(json, "171"));
	}
	free(json);
}

/* ------------------------------------------------------------ attacks */

/*
 * One person selected: which value of each column is "hidden" rather
 * than 0 in a frequency table is their value. Nothing is shown, and none
 * selected reads exactly the same as one.
 */
static void
test_one_person_record(void **state)
{
	run a = attack("filter id = 263; freq age; freq sbp; freq town; describe sbp; "
	    "plot bar town");
	run b = attack("filter id = 263 and town = \"York\"; freq age; freq sbp; freq town; "
	    "describe sbp; plot bar town");

	(void)state;
	assert_int_equal(a.rc, 0);
	assert_int_equal(b.rc, 0);
	assert_int_equal(a.n, 6);
	assert_int_equal(b.n, a.n);
	for (size_t i = 1; i < a.n; i++) {
		check_withheld(a.r[i], 1);
		check_withheld(b.r[i], 1);
		/* one person and no one: the same result */
		assert_string_equal(a.r[i]->headline, b.r[i]->headline);
		assert_int_equal(a.r[i]->ntables, b.r[i]->ntables);
		assert_int_equal(a.r[i]->nitems, b.r[i]->nitems);
		assert_int_equal(a.r[i]->caveats.n, b.r[i]->caveats.n);
	}
	run_free(&a);
	run_free(&b);
	/* a few people (Whitby's 3) are withheld the same way */
	a = attack("filter town = \"Whitby\"; freq age; describe sbp by sex");
	assert_int_equal(a.rc, 0);
	for (size_t i = 1; i < a.n; i++)
		check_withheld(a.r[i], 0);
	run_free(&a);
	/*
	 * An error would be an oracle too ("sex has only one value here"):
	 * such commands do not even run, so one person and no one still read
	 * the same.
	 */
	a = attack("filter id = 263; crosstab sex by smoker");
	b = attack("filter id = 263 and town = \"York\"; crosstab sex by smoker");
	assert_int_equal(a.rc, 0);
	assert_int_equal(b.rc, 0);
	assert_int_equal(a.n, 2);
	assert_int_equal(b.n, 2);
	assert_string_equal(a.r[1]->headline, b.r[1]->headline);
	check_withheld(a.r[1], 1);
	run_free(&a);
	run_free(&b);
	/* commands that do not describe the rows still answer */
	a = attack("filter id = 263; privacy; filter");
	assert_int_equal(a.rc, 0);
	assert_int_equal(a.n, 3);
	assert_null(strstr(a.r[1]->headline, "too few people"));
	assert_null(strstr(a.r[2]->headline, "too few people"));
	run_free(&a);
}

/* The headline with the filter's text taken out. Caller frees. */
static char *
without(const char *headline, const char *filter)
{
	const char *at = strstr(headline, filter);

	assert_non_null(at);
	return lt_sprintf("%.*s%s", (int)(at - headline), headline, at + strlen(filter));
}

/*
 * The filter's own count: a person who matches and no one who does must
 * read the same, and "small" must win over "differs from an earlier
 * result", or sbp = 170, 171 and 172 would tell person 263's sbp.
 */
static void
test_filter_count_oracle(void **state)
{
	static const char *const filters[] = {
		"id = 263", "id = 263 and sbp = 170", "id = 263 and sbp = 171",
		"id = 263 and sbp = 172", "id = 263 and town = \"York\"",
	};
	const size_t nf = sizeof filters / sizeof filters[0];
	lt_buf text = LT_BUF_INIT;
	char *first = NULL;
	run a;

	(void)state;
	for (size_t i = 0; i < nf; i++)
		lt_buf_printf(&text, "%sfilter %s; filter", i > 0 ? "; " : "", filters[i]);
	a = attack(lt_buf_str(&text));
	assert_int_equal(a.rc, 0);
	assert_int_equal(a.n, 2 * nf);
	for (size_t i = 0; i < a.n; i++) {
		const lt_result *r = a.r[i];
		const char *f = filters[i / 2];
		char *h = without(r->headline, f);

		/* filter EXPR: its "rows that match" hidden as small */
		if (i % 2 == 0) {
			const lt_item *it = item(r, "rows");

			assert_true(it->hidden);
			assert_string_equal(it->why, SMALL_WHY);
			if (first == NULL)
				first = lt_strdup(h);
			else
				assert_string_equal(h, first);
		}
		assert_non_null(strstr(r->headline, SMALL_WHY));
		assert_null(strstr(r->headline, "differs"));
		for (size_t k = 0; k < r->caveats.n; k++)
			assert_null(strstr(r->caveats.v[k], "No rows match"));
		for (size_t k = 0; k < r->notes.n; k++)
			if (strncmp(r->notes.v[k], "Filter:", 7) == 0)
				assert_non_null(strstr(r->notes.v[k], "is hidden"));
		free(h);
	}
	free(first);
	lt_buf_free(&text);
	run_free(&a);
}

/* Does s hold a digit? */
static int
has_digit(const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		if (isdigit((unsigned char)*s))
			return 1;
	return 0;
}

/* Every number and percentage of r hidden, its headline without numbers. */
static void
check_all_numbers_hidden(const lt_result *r)
{
	for (size_t t = 0; t < r->ntables; t++) {
		const lt_table *tb = r->tables[t];

		for (size_t c = 0; c < tb->ncols; c++) {
			if (tb->cols[c].type != LT_RC_NUMBER && tb->cols[c].type != LT_RC_PERCENT)
				continue;
			for (size_t i = 0; i < tb->nrows; i++) {
				const lt_cell *cell = lt_table_cell(tb, i, c);

				if (cell->kind == LT_CELL_NUMBER)
					print_error("%s: table %s shows %s = %g\n", r->command,
					    tb->name, tb->cols[c].name, cell->num);
				assert_int_not_equal(cell->kind, LT_CELL_NUMBER);
			}
		}
	}
	for (size_t i = 0; i < r->nitems; i++)
		assert_true(r->items[i].is_text || r->items[i].hidden);
	assert_false(has_digit(r->headline));
}

/*
 * Whitby left out: regress's n is hidden (it differs from the first by
 * 3), but its coefficient table gave SE and CI, so df = 295 and n = 297.
 */
static void
test_size_from_statistics(void **state)
{
	/* two filters that differ by Whitby's 3 (all over 30): the guard */
	run a = attack("filter age >= 30; regress sbp on age; "
	    "filter age >= 30 and town != \"Whitby\"; regress sbp on age");
	const lt_result *r;

	(void)state;
	assert_int_equal(a.rc, 0);
	assert_int_equal(a.n, 4);
	r = a.r[3];
	/* the first regression is shown */
	assert_false(item(a.r[1], "n")->hidden);
	/* the second tells nothing about the 3: its size is hidden, with every
	   number, or rounding makes it the same as the first's */
	if (item(r, "n")->hidden)
		check_all_numbers_hidden(r);
	else
		assert_true(item(r, "n")->num == item(a.r[1], "n")->num);
	run_free(&a);
	/* everyone but Whitby: a small selection, nothing shown at all */
	a = attack("regress sbp on age; filter town != \"Whitby\"; regress sbp on age");
	assert_int_equal(a.rc, 0);
	assert_int_equal(a.n, 3);
	assert_int_equal(a.r[2]->nitems, 0);
	assert_non_null(strstr(a.r[2]->headline, "leaves out only a few"));
	for (size_t t = 0; t < a.r[2]->ntables; t++)
		assert_int_equal(a.r[2]->tables[t]->nrows, 0);
	assert_false(item(a.r[0], "n")->hidden);
	run_free(&a);
	/* the same through describe and compare */
	a = attack("describe sbp; compare sbp by sex; filter town != \"Whitby\"; "
	    "describe sbp; compare sbp by sex");
	assert_int_equal(a.rc, 0);
	assert_int_equal(a.n, 5);
	for (size_t i = 3; i < a.n; i++) {
		int size_hidden = 0;

		for (size_t k = 0; k < a.r[i]->nitems; k++)
			if (a.r[i]->items[k].hidden && (strcmp(a.r[i]->items[k].key, "n") == 0 ||
			    strcmp(a.r[i]->items[k].key, "rows") == 0 ||
			    strcmp(a.r[i]->items[k].key, "people") == 0))
				size_hidden = 1;
		if (size_hidden)
			check_all_numbers_hidden(a.r[i]);
	}
	run_free(&a);
}

/* A freq the differencing guard hides says so, not "too few people". */
static void
test_freq_differencing_headline(void **state)
{
	run a = attack("filter age >= 30; freq smoker; filter age >= 31; freq smoker");

	(void)state;
	assert_int_equal(a.rc, 0);
	assert_int_equal(a.n, 4);
	assert_non_null(strstr(a.r[3]->headline, "differ from an earlier result"));
	run_free(&a);
}

/* A mistyped column under a tiny filter is named; a real one says nothing. */
static void
test_tiny_filter_typo(void **state)
{
	run a = attack("filter town = \"Whitby\"; describe nosuch");

	(void)state;
	assert_int_equal(a.rc, LT_ENOENT);
	assert_non_null(strstr(a.err.msg, "no column \"nosuch\""));
	run_free(&a);
	a = attack("filter town = \"Whitby\"; regress sbp on age; plot line age over sbp; "
	    "crosstab smoker by sex");
	assert_int_equal(a.rc, 0);
	assert_int_equal(a.n, 4);
	for (size_t i = 1; i < a.n; i++)
		assert_int_equal(a.r[i]->nitems, 0);
	run_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_person_record),
		cmocka_unit_test(test_filter_count_oracle),
		cmocka_unit_test(test_size_from_statistics),
		cmocka_unit_test(test_tiny_filter_typo),
		cmocka_unit_test(test_freq_differencing_headline),
	};

	return cmocka_run_group_tests(tests, attack_setup, tc_group_teardown);
}
