/*
 * test_protect.c - the analysis commands protect their own counts on the
 * bundled cohort (profile opensafely): shown counts are multiples of 5 and
 * never 1 to 7, percentages agree with the protected counts, statistics of
 * a small group are hidden with a reason, minima and maxima are not shown,
 * a regression of too few people is withheld; on a dataset whose profile
 * is none, the counts are exact.
 */
#include "config.h"

#include "test_common.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "session.h"
#include "sdc.h"

/* The last result, copied, and a session per test keeping it (test_common.h). */
typedef tc_cell ccell;
typedef tc_table ctable;
typedef tc_seen seen;
typedef tc_fix fixture;

static int
setup(void **state)
{
	/* The deployment's configuration must not tighten the profiles here. */
	setenv("LANTERN_CONFIG", "/nonexistent", 1);
	return tc_fix_setup(state);
}

static void
run(fixture *f, const char *text)
{
	tc_fix_run(f, text);
}

/* The table called name in the last result. */
static const ctable *
table(const seen *s, const char *name)
{
	for (size_t i = 0; i < s->nt; i++)
		if (strcmp(s->t[i].name, name) == 0)
			return &s->t[i];
	print_error("no table \"%s\"\n", name);
	fail();
	return NULL;
}

static size_t
col(const ctable *t, const char *name)
{
	for (size_t c = 0; c < t->ncols; c++)
		if (strcmp(t->cols[c], name) == 0)
			return c;
	print_error("no column \"%s\" in %s\n", name, t->name);
	fail();
	return 0;
}

static const ccell *
at(const ctable *t, size_t row, size_t c)
{
	return &t->cells[row * t->ncols + c];
}

/* A protected count: hidden with a reason, or a multiple of 5 (so never 1-7). */
static void
protected_count(const ccell *c)
{
	if (c->kind == LT_CELL_HIDDEN) {
		assert_non_null(c->why);
		return;
	}
	assert_int_equal(c->kind, LT_CELL_NUMBER);
	assert_true(fmod(c->num, 5) == 0);
	assert_false(c->num > 0 && c->num < 8);
}

/* Every cell of column name is a protected count. */
static size_t
protected_column(const ctable *t, const char *name)
{
	size_t c = col(t, name), hidden = 0;

	for (size_t i = 0; i < t->nrows; i++) {
		protected_count(at(t, i, c));
		hidden += at(t, i, c)->kind == LT_CELL_HIDDEN;
	}
	return hidden;
}

/* freq: counts protected, percentages from them, hidden with their count. */
static void
test_freq(void **state)
{
	fixture *f = *state;
	const ctable *t;
	double total = 0;
	size_t cc, pc, hidden;

	run(f, "open cohort; filter region = \"London\" and age > 85; freq ethnicity");
	t = table(&f->last, "frequencies");
	assert_true(t->protected);
	hidden = protected_column(t, "count");
	assert_true(hidden > 0);	/* some ethnic groups have 1-7 people here */
	cc = col(t, "count");
	pc = col(t, "percent");
	for (size_t i = 0; i < t->nrows; i++)
		if (at(t, i, cc)->kind == LT_CELL_NUMBER)
			total += at(t, i, cc)->num;
	for (size_t i = 0; i < t->nrows; i++) {
		const ccell *n = at(t, i, cc), *p = at(t, i, pc);

		if (n->kind == LT_CELL_HIDDEN) {
			assert_int_equal(p->kind, LT_CELL_HIDDEN);
			assert_string_equal(p->why, n->why);
			assert_int_equal(at(t, i, col(t, "ci_low"))->kind, LT_CELL_HIDDEN);
		} else {
			/* 100 x count / the protected total, a multiple of 5 near 49 */
			double base = 100 * n->num / p->num;

			assert_true(fabs(base - 5 * round(base / 5)) < 1e-6);
		}
	}
	/* The headline never names a hidden number: its count is a shown one. */
	assert_non_null(strstr(f->last.headline, "of 50 people"));
	(void)total;
}

/* crosstab: protected cells, A by B and B by A hide the same cells. */
static void
test_crosstab(void **state)
{
	fixture *f = *state;
	const ctable *t;
	int ab[3][2], ba[2][3];

	run(f, "open cohort; crosstab smoking by heart_attack");
	t = table(&f->last, "counts");
	assert_true(t->protected);
	for (size_t j = 1; j < t->ncols; j++)
		protected_column(t, t->cols[j]);
	/* Row percentages: 100 x cell / the protected row total (a multiple of 5). */
	{
		const ctable *p = table(&f->last, "row_percent");

		for (size_t i = 0; i < t->nrows; i++)
			for (size_t j = 1; j < t->ncols; j++) {
				double base = 100 * at(t, i, j)->num / at(p, i, j)->num;

				assert_true(fabs(base - 5 * round(base / 5)) < 1e-6);
			}
	}
	run(f, "filter region = \"London\" and age > 80; crosstab smoking by stroke");
	t = table(&f->last, "counts");
	for (size_t i = 0; i < 3; i++)
		for (size_t j = 0; j < 2; j++) {
			protected_count(at(t, i, j + 1));
			ab[i][j] = at(t, i, j + 1)->kind == LT_CELL_HIDDEN;
			/* a hidden count hides its row percentage with the same reason */
			if (ab[i][j])
				assert_int_equal(at(table(&f->last, "row_percent"), i, j + 1)->kind,
				    LT_CELL_HIDDEN);
		}
	run(f, "crosstab stroke by smoking");
	t = table(&f->last, "counts");
	for (size_t i = 0; i < 2; i++)
		for (size_t j = 0; j < 3; j++)
			ba[i][j] = at(t, i, j + 1)->kind == LT_CELL_HIDDEN;
	for (size_t i = 0; i < 3; i++)
		for (size_t j = 0; j < 2; j++)
			assert_int_equal(ab[i][j], ba[j][i]);
}

/* describe by GROUP: a small group's statistics hidden; no minimum or maximum. */
static void
test_describe(void **state)
{
	fixture *f = *state;
	const ctable *t;
	size_t small = 0;

	run(f, "open cohort; filter region = \"London\" and age > 85; describe bmi by ethnicity");
	t = table(&f->last, "numbers");
	protected_column(t, "n");
	protected_column(t, "missing");
	for (size_t i = 0; i < t->nrows; i++) {
		const ccell *mean = at(t, i, col(t, "mean"));

		assert_int_equal(at(t, i, col(t, "min"))->kind, LT_CELL_HIDDEN);
		assert_int_equal(at(t, i, col(t, "max"))->kind, LT_CELL_HIDDEN);
		if (mean->kind == LT_CELL_HIDDEN) {
			assert_non_null(strstr(mean->why, "fewer than 8 people"));
			assert_int_equal(at(t, i, col(t, "sd"))->kind, LT_CELL_HIDDEN);
			small++;
		}
	}
	assert_true(small > 0);
	/* One column: its smallest and largest are withheld, not left out silently. */
	run(f, "filter off; describe bmi");
	for (size_t i = 0; i < f->last.nitems; i++)
		if (strcmp(f->last.keys[i], "min") == 0 || strcmp(f->last.keys[i], "max") == 0)
			assert_true(f->last.hidden[i]);
	assert_non_null(strstr(f->last.headline, "19,575 people"));
}

/* compare: a group of fewer than 8 is left out and its average hidden. */
static void
test_compare(void **state)
{
	fixture *f = *state;
	const ctable *t;
	int seen_small = 0;

	run(f, "open cohort; filter region = \"London\" and age > 85; compare bmi by smoking");
	assert_non_null(strstr(f->last.caveats, "were left out: current"));
	/* three groups or more: the small ones are listed, hidden */
	run(f, "filter region = \"London\" and age > 80; compare bmi by ethnicity");
	assert_non_null(strstr(f->last.caveats, "were left out"));
	t = table(&f->last, "groups");
	protected_column(t, "n");
	for (size_t i = 0; i < t->nrows; i++)
		if (at(t, i, col(t, "mean"))->kind == LT_CELL_HIDDEN)
			seen_small = 1;
	assert_true(seen_small);
}

/* plot: bins and bars protected; box plots have no minimum or maximum. */
static void
test_plot(void **state)
{
	fixture *f = *state;
	const ctable *t;

	run(f, "open cohort; filter region = \"London\" and age > 80; plot hist bmi");
	t = table(&f->last, "bins");
	assert_true(t->protected);
	assert_true(protected_column(t, "count") > 0);
	run(f, "plot bar ethnicity");
	protected_column(table(&f->last, "counts"), "count");
	run(f, "plot box sbp by smoking");
	t = table(&f->last, "groups");
	protected_column(t, "n");
	col(t, "p5");
	col(t, "p95");
	run(f, "filter off; plot line first_admission");
	protected_column(table(&f->last, "counts"), "people");
}

/* rate: events and population protected, rates from them. */
static void
test_rate(void **state)
{
	fixture *f = *state;
	const ctable *t;

	run(f, "open cohort-counts; rate stroke per count by region per 1000");
	t = table(&f->last, "rates");
	protected_column(t, "events");
	protected_column(t, "population");
	for (size_t i = 0; i < t->nrows; i++) {
		const ccell *e = at(t, i, 1), *p = at(t, i, 2), *r = at(t, i, 3);

		if (e->kind == LT_CELL_NUMBER && p->kind == LT_CELL_NUMBER)
			/* to 3 significant figures, as every statistic of the profile */
			assert_true(r->num == lt_sdc_round_sig(1000 * e->num / p->num, 3));
	}
}

/* regress: withheld (not an error) when a category has fewer than 8 people. */
static void
test_regress(void **state)
{
	fixture *f = *state;

	run(f, "open cohort; filter region = \"London\" and age > 85; regress sbp on smoking");
	assert_non_null(strstr(f->last.headline, "not shown to protect privacy"));
	assert_int_equal(f->last.nt, 0);
	run(f, "filter region = \"London\" and age > 85 and age < 87; regress sbp on age");
	assert_non_null(strstr(f->last.headline, "not shown to protect privacy"));
	run(f, "filter off; regress sbp on smoking");
	assert_null(strstr(f->last.headline, "not shown"));
}

/* A dataset whose profile is none keeps its exact counts. */
static void
test_none(void **state)
{
	fixture *f = *state;
	const ctable *t;
	int odd = 0;

	run(f, "open nightingale; plot hist disease");
	t = table(&f->last, "bins");
	for (size_t i = 0; i < t->nrows; i++)
		odd |= fmod(at(t, i, col(t, "count"))->num, 5) != 0;
	assert_true(odd);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_freq, setup, tc_fix_teardown),
		cmocka_unit_test_setup_teardown(test_crosstab, setup, tc_fix_teardown),
		cmocka_unit_test_setup_teardown(test_describe, setup, tc_fix_teardown),
		cmocka_unit_test_setup_teardown(test_compare, setup, tc_fix_teardown),
		cmocka_unit_test_setup_teardown(test_plot, setup, tc_fix_teardown),
		cmocka_unit_test_setup_teardown(test_rate, setup, tc_fix_teardown),
		cmocka_unit_test_setup_teardown(test_regress, setup, tc_fix_teardown),
		cmocka_unit_test_setup_teardown(test_none, setup, tc_fix_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
