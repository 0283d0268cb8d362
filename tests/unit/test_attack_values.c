/*
 * test_attack_values.c - attacks on people's own values rather than on
 * counts: a freq that names values nobody may count, sums of a few
 * people (rate, plot line), two sums that differ by one person, and the
 * outer edges of a histogram (the smallest and largest values). Each test
 * runs the exact attack a red-team review found (issue 5) and fails when
 * it still works.
 *
 * The data: tests/fixtures/sdc/people.csv, imported as in test_attack.c
 * (no --profile: individual-level, so the opensafely rules apply). The
 * true values are read from the CSV file, so the tests know what must
 * stay hidden.
 */
#include "attack_common.h"

#include <math.h>
#include <stdlib.h>

#include "format.h"
#include "sdc.h"

/* ------------------------------------------------------------ the truth */


static const person *
person_with_id(int id)
{
	for (size_t i = 0; i < npeople; i++)
		if (people[i].id == id)
			return &people[i];
	fail();
	return NULL;
}


/* The table of r called name, or NULL (a withheld result has none). */
static const lt_table *
table(const lt_result *r, const char *name)
{
	for (size_t i = 0; i < r->ntables; i++)
		if (strcmp(r->tables[i]->name, name) == 0)
			return r->tables[i];
	return NULL;
}

/* 1 when a text cell of t's first column reads as the number v. */
static int
names_value(const lt_table *t, int v)
{
	char want[32];

	snprintf(want, sizeof want, "%d", v);
	return row_of(t, want) != (size_t)-1;
}

/* 1 when any shown number of r (tables and key numbers) equals v. */
static int
shows_number(const lt_result *r, double v)
{
	for (size_t t = 0; t < r->ntables; t++) {
		const lt_table *tb = r->tables[t];

		for (size_t i = 0; i < tb->nrows; i++)
			for (size_t c = 0; c < tb->ncols; c++) {
				const lt_cell *cell = lt_table_cell(tb, i, c);

				if (cell->kind == LT_CELL_NUMBER && cell->num == v)
					return 1;
			}
	}
	for (size_t i = 0; i < r->nitems; i++)
		if (!r->items[i].hidden && !r->items[i].is_text && r->items[i].num == v)
			return 1;
	return 0;
}

/* The frequency or bar table of r: every value it names has a shown count. */
static void
check_named_shown(const lt_result *r, const char *name, const char *count)
{
	const lt_table *t = table(r, name);
	size_t c;

	if (t == NULL)
		return;
	c = column(t, count);
	for (size_t i = 0; i < t->nrows; i++) {
		const lt_cell *label = lt_table_cell(t, i, 0);

		if (label->kind != LT_CELL_TEXT || strcmp(label->text, "other values") == 0 ||
		    strcmp(label->text, "(missing)") == 0)
			continue;
		if (lt_table_cell(t, i, c)->kind == LT_CELL_HIDDEN)
			print_error("%s names %s with a hidden count\n", r->command, label->text);
		assert_int_not_equal(lt_table_cell(t, i, c)->kind, LT_CELL_HIDDEN);
	}
}

/* ------------------------------------------------------------ attacks */

/* filter sbp > 174; freq sbp listed 175 .. 181: the largest value. */
static void
test_freq_names_top_values(void **state)
{
	run a = attack("filter sbp > 174; freq sbp; plot bar sbp");

	(void)state;
	assert_int_equal(a.rc, 0);
	assert_int_equal(a.n, 3);
	for (size_t i = 0; i < npeople; i++) {
		const lt_table *f = table(a.r[1], "frequencies");
		const lt_table *b = table(a.r[2], "counts");

		if (people[i].sbp <= 174)
			continue;
		assert_false(f != NULL && names_value(f, people[i].sbp));
		assert_false(b != NULL && names_value(b, people[i].sbp));
	}
	check_named_shown(a.r[1], "frequencies", "count");
	check_named_shown(a.r[2], "counts", "count");
	run_free(&a);
}

/* filter town = "Whitby"; freq sbp listed each Whitby person's sbp. */
static void
test_freq_names_small_group(void **state)
{
	run a = attack("filter town = \"Whitby\"; freq sbp");
	run b = attack("filter sbp > 150; freq sbp; plot bar sbp; filter age >= 60; freq age");

	(void)state;
	assert_int_equal(a.rc, 0);
	for (size_t i = 0; i < npeople; i++) {
		const lt_table *f = table(a.r[a.n - 1], "frequencies");

		if (strcmp(people[i].town, "Whitby") == 0)
			assert_false(f != NULL && names_value(f, people[i].sbp));
	}
	/* With a wider filter: no value is named with a hidden count. */
	assert_int_equal(b.rc, 0);
	assert_int_equal(b.n, 5);
	check_named_shown(b.r[1], "frequencies", "count");
	check_named_shown(b.r[2], "counts", "count");
	check_named_shown(b.r[4], "frequencies", "count");
	/* ... and the rare ones are on a row of their own, its count hidden. */
	{
		const lt_table *f = table(b.r[1], "frequencies");
		size_t other;

		assert_non_null(f);
		other = row_of(f, "other values");
		assert_true(other != (size_t)-1);
		assert_int_equal(lt_table_cell(f, other, column(f, "count"))->kind,
		    LT_CELL_HIDDEN);
		assert_int_equal(lt_table_cell(f, other, column(f, "percent"))->kind,
		    LT_CELL_HIDDEN);
	}
	/* Declared levels are still listed, hidden or not. */
	run_free(&a);
	a = attack("freq town");
	assert_int_equal(a.rc, 0);
	assert_true(row_of(table(a.r[0], "frequencies"), "Whitby") != (size_t)-1);
	run_free(&a);
	run_free(&b);
}

/*
 * filter age >= 60; crosstab age by sex listed every age, each row's cells
 * hidden: "61" still said someone over 60 is 61. Now an age is named only
 * when at least 8 people have it; the rest share one "other values" row.
 */
static void
test_crosstab_names_rare_values(void **state)
{
	run a = attack("filter age >= 60; crosstab age by sex; crosstab sex by age");
	size_t held[200] = { 0 }, others = 0;

	(void)state;
	assert_int_equal(a.rc, 0);
	assert_int_equal(a.n, 3);
	for (size_t i = 0; i < npeople; i++)
		if (people[i].age >= 60 && people[i].age < 200)
			held[people[i].age]++;
	/* rows of the first, columns of the second */
	{
		const lt_table *t = table(a.r[1], "counts");

		assert_non_null(t);
		for (size_t i = 0; i < t->nrows; i++) {
			const char *label = lt_table_cell(t, i, 0)->text;

			if (strcmp(label, "other values") == 0) {
				others++;
				continue;
			}
			if (held[atoi(label)] < 8)
				print_error("crosstab names age %s, held by %zu\n", label,
				    held[atoi(label)]);
			assert_true(held[atoi(label)] >= 8);
		}
		t = table(a.r[2], "counts");
		assert_non_null(t);
		for (size_t c = 1; c < t->ncols; c++) {
			if (strcmp(t->cols[c].label, "other values") == 0) {
				others++;
				continue;
			}
			assert_true(held[atoi(t->cols[c].label)] >= 8);
		}
	}
	/* the fixture has rare ages over 60, so both tables have the row */
	assert_int_equal(others, 2);
	run_free(&a);
	/* a column no value of which 8 people share is not crossed at all */
	a = attack("filter age < 40; crosstab sbp by sex");
	assert_int_equal(a.rc, LT_EPRIVACY);
	assert_int_equal(a.n, 1);
	run_free(&a);
}

/*
 * rate sbp per age, then the same without Whitby, each in a fresh session:
 * sums of measurements were rounded to 5 as if they were counts, so
 * Whitby's total sbp came out within 5. Now they are statistics, to 3
 * significant figures: the difference leaves a wide range.
 */
static void
test_rate_sums_differencing(void **state)
{
	run a = attack("rate sbp per age");
	run b = attack("filter town != \"Whitby\"; rate sbp per age");
	double ea, eb, ha, hb, truth = 0;

	(void)state;
	/* leaving out only Whitby's 3 is a small selection: nothing is shown */
	assert_int_equal(b.rc, 0);
	assert_int_equal(b.r[1]->nitems, 0);
	assert_non_null(strstr(b.r[1]->headline, "leaves out only a few"));
	run_free(&b);
	/* leaving out a whole town: its total is known only roughly */
	b = attack("filter town != \"Hull\"; rate sbp per age");
	assert_int_equal(a.rc, 0);
	assert_int_equal(b.rc, 0);
	ea = item(a.r[0], "events")->num;
	eb = item(b.r[1], "events")->num;
	/* each is known to half a unit of its third digit */
	ha = 0.5 * pow(10, floor(log10(ea)) - 2);
	hb = 0.5 * pow(10, floor(log10(eb)) - 2);
	for (size_t i = 0; i < npeople; i++)
		if (strcmp(people[i].town, "Hull") == 0)
			truth += people[i].sbp;
	print_message("Hull's sbp total is %.0f; the attack says %.0f to %.0f\n", truth,
	    ea - eb - ha - hb, ea - eb + ha + hb);
	assert_true(ea - eb - ha - hb <= truth && truth <= ea - eb + ha + hb);
	/* far wider than any one person's value */
	assert_true(2 * (ha + hb) >= 150);
	run_free(&a);
	run_free(&b);
}

/*
 * "town is York or sbp is V" then "freq town", V by V, each in a fresh
 * session: Whitby's cell read 0 or hidden, so the three sbp values of
 * Whitby's people came out one by one (a red-team finding). Under a
 * filter a 0 is hidden like 1-7: Whitby's row reads the same whatever V.
 */
static void
test_zero_oracle(void **state)
{
	char *first = NULL;
	int whitby_values = 0;

	(void)state;
	for (int v = 110; v <= 180; v++) {
		char *cmd = lt_sprintf("filter town == \"York\" or sbp == %d; freq town", v);
		run a = attack(cmd);
		const lt_table *t;
		size_t row, c;
		char *cell;

		assert_int_equal(a.rc, 0);
		t = table(a.r[1], "frequencies");
		assert_non_null(t);
		row = row_of(t, "Whitby");
		assert_true(row != (size_t)-1);
		c = column(t, "count");
		cell = lt_sprintf("%d %g", lt_table_cell(t, row, c)->kind,
		    lt_table_cell(t, row, c)->num);
		if (first == NULL)
			first = lt_strdup(cell);
		if (strcmp(first, cell) != 0)
			print_error("sbp %d: Whitby reads %s, at 110 it read %s\n", v, cell, first);
		assert_string_equal(first, cell);
		free(cell);
		free(cmd);
		run_free(&a);
	}
	for (size_t i = 0; i < npeople; i++)
		whitby_values += strcmp(people[i].town, "Whitby") == 0 &&
		    people[i].sbp >= 110 && people[i].sbp <= 180;
	/* the fixture has Whitby people in the range tried, so it could have leaked */
	assert_true(whitby_values > 0);
	free(first);
}

/* rate sbp per age by town showed Whitby's sums; one person's values. */
static void
test_rate_small_group(void **state)
{
	run a = attack("rate sbp per age by town");
	const person *p = person_with_id(263);
	double wsbp = 0, wage = 0;
	const lt_table *t;
	size_t w;

	(void)state;
	for (size_t i = 0; i < npeople; i++)
		if (strcmp(people[i].town, "Whitby") == 0) {
			wsbp += people[i].sbp;
			wage += people[i].age;
		}
	assert_int_equal(a.rc, 0);
	t = table(a.r[0], "rates");
	assert_non_null(t);
	w = row_of(t, "Whitby");
	assert_true(w != (size_t)-1);
	for (size_t c = 1; c < t->ncols; c++)
		assert_int_equal(lt_table_cell(t, w, c)->kind, LT_CELL_HIDDEN);
	assert_false(shows_number(a.r[0], wsbp));
	assert_false(shows_number(a.r[0], wage));
	assert_false(shows_number(a.r[0], lt_sdc_round(wsbp, 5)));
	run_free(&a);

	a = attack("filter id = 263; rate sbp per age per 1");
	assert_int_equal(a.rc, 0);
	assert_false(shows_number(a.r[a.n - 1], p->sbp));
	assert_false(shows_number(a.r[a.n - 1], p->age));
	assert_false(shows_number(a.r[a.n - 1], lt_sdc_round(p->sbp, 5)));
	assert_false(shows_number(a.r[a.n - 1], (double)p->sbp / p->age));
	run_free(&a);

	/* Differencing the whole: everyone, then everyone but one. */
	a = attack("rate sbp per age; filter id != 263; rate sbp per age");
	assert_int_equal(a.rc, 0);
	{
		const lt_table *t1 = table(a.r[0], "rates"), *t2 = table(a.r[a.n - 1], "rates");
		size_t ev;

		assert_non_null(t1);
		if (t2 != NULL) {
			const lt_cell *c1, *c2;

			ev = column(t1, "events");
			c1 = lt_table_cell(t1, 0, ev);
			c2 = lt_table_cell(t2, 0, ev);
			assert_false(c1->kind == LT_CELL_NUMBER && c2->kind == LT_CELL_NUMBER &&
			    c1->num != c2->num);
		}
	}
	run_free(&a);
}

/* plot line sbp over sex, then without one person: the difference is his sbp. */
static void
test_line_differencing(void **state)
{
	run a = attack("plot line sbp over sex; filter id != 263; plot line sbp over sex");
	const person *p = person_with_id(263);
	const lt_table *t1, *t2;
	size_t r1, r2;

	(void)state;
	assert_int_equal(a.rc, 0);
	assert_int_equal(a.n, 3);
	t1 = table(a.r[0], "series");
	t2 = table(a.r[2], "series");
	assert_non_null(t1);
	if (t2 == NULL) {
		run_free(&a);
		return;
	}
	r1 = row_of(t1, p->sex);
	r2 = row_of(t2, p->sex);
	assert_true(r1 != (size_t)-1 && r2 != (size_t)-1);
	{
		const lt_cell *c1 = lt_table_cell(t1, r1, 1), *c2 = lt_table_cell(t2, r2, 1);

		/* the first total is a statistic of many people, and may be shown */
		assert_int_equal(c1->kind, LT_CELL_NUMBER);
		if (c2->kind == LT_CELL_NUMBER)
			print_error("plot line gave %g then %g: sbp %g\n", c1->num, c2->num,
			    c1->num - c2->num);
		assert_int_equal(c2->kind, LT_CELL_HIDDEN);
	}
	/* and no other group's totals give the whole away */
	for (size_t i = 0; i < t2->nrows; i++)
		assert_int_equal(lt_table_cell(t2, i, 1)->kind, LT_CELL_HIDDEN);
	run_free(&a);

	/* A group of 3 gets no total at all. */
	a = attack("plot line sbp over town");
	assert_int_equal(a.rc, 0);
	t1 = table(a.r[0], "series");
	assert_non_null(t1);
	r1 = row_of(t1, "Whitby");
	assert_true(r1 != (size_t)-1);
	assert_int_equal(lt_table_cell(t1, r1, 1)->kind, LT_CELL_HIDDEN);
	run_free(&a);
}

/* plot hist sbp --bins 100: the outer edges were the true minimum and maximum. */
static void
test_hist_edges(void **state)
{
	run a = attack("plot hist sbp --bins 100");
	int lo = 1000, hi = -1000;
	const lt_table *t;
	lt_buf text = LT_BUF_INIT;
	lt_render_opts o = { 4, 80, 0, 0 };	/* ASCII */

	(void)state;
	for (size_t i = 0; i < npeople; i++) {
		lo = people[i].sbp < lo ? people[i].sbp : lo;
		hi = people[i].sbp > hi ? people[i].sbp : hi;
	}
	assert_int_equal(a.rc, 0);
	t = table(a.r[0], "bins");
	assert_non_null(t);
	assert_true(t->nrows > 1);
	assert_int_equal(lt_table_cell(t, 0, 0)->kind, LT_CELL_HIDDEN);
	assert_non_null(lt_table_cell(t, 0, 0)->why);
	assert_int_equal(lt_table_cell(t, t->nrows - 1, 1)->kind, LT_CELL_HIDDEN);
	for (size_t i = 0; i < t->nrows; i++)
		for (size_t c = 0; c < 2; c++) {
			const lt_cell *e = lt_table_cell(t, i, c);

			if (e->kind == LT_CELL_NUMBER) {
				assert_true(e->num != lo);
				/* an upper edge of hi + 1 in a bin of width 1 says hi */
				assert_true(e->num != hi && e->num != hi + 1);
			}
		}
	/* The chart draws the end bins open, in ASCII too. */
	lt_render(a.r[0], LT_FMT_TEXT, &o, &text);
	assert_true(tc_contains(lt_buf_str(&text), "below "));
	assert_true(tc_contains(lt_buf_str(&text), " and above"));
	lt_buf_free(&text);
	run_free(&a);
}

/* A withheld regression does not name the small group (Whitby, 3 people). */
static void
test_regress_names_no_group(void **state)
{
	run a = attack("regress sbp on town age");

	(void)state;
	assert_int_equal(a.rc, 0);
	assert_int_equal(a.n, 1);
	assert_non_null(a.r[0]->headline);
	assert_null(strstr(a.r[0]->headline, "Whitby"));
	assert_true(tc_contains(a.r[0]->headline, "town"));
	for (size_t i = 0; i < a.r[0]->caveats.n; i++)
		assert_null(strstr(a.r[0]->caveats.v[i], "Whitby"));
	run_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_freq_names_top_values),
		cmocka_unit_test(test_freq_names_small_group),
		cmocka_unit_test(test_crosstab_names_rare_values),
		cmocka_unit_test(test_zero_oracle),
		cmocka_unit_test(test_rate_small_group),
		cmocka_unit_test(test_rate_sums_differencing),
		cmocka_unit_test(test_line_differencing),
		cmocka_unit_test(test_hist_edges),
		cmocka_unit_test(test_regress_names_no_group),
	};

	return cmocka_run_group_tests(tests, attack_setup, tc_group_teardown);
}
