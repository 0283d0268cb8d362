/*
 * test_attack.c - the attack suite: tries to learn what disclosure control
 * hides, the way someone who wanted to pick a person out would, and fails
 * the test when any attempt works.
 *
 * The data: tests/fixtures/sdc/people.csv, 300 made-up people imported as
 * a user's own file would be (no --profile: individual-level, not
 * synthetic, so the opensafely rules apply and rows may not be shown).
 * Whitby has only 3 people. The true answers are worked out here from the
 * CSV file itself, so the tests know what must stay hidden.
 *
 * Every result of every attack is also checked as a whole (check_safe):
 * no count of 1-7 people, every shown count a multiple of 5, no
 * statistic of fewer than 8 people, no minimum or maximum, no row of a
 * person; and its JSON and CSV carry the hidden marks, never the numbers.
 */
#include "attack_common.h"

#include <math.h>

#include "format.h"

#define SMALL	8	/* opensafely: counts 1..7 hidden */
#define ROUND	5

/* ------------------------------------------------------------ the truth */


/* How many people match: age at least min_age (or any), in town (or any). */
static int
how_many(int min_age, const char *sex, const char *town)
{
	int n = 0;

	for (size_t i = 0; i < npeople; i++)
		n += people[i].age >= min_age && (sex == NULL || strcmp(people[i].sex, sex) == 0) &&
		    (town == NULL || strcmp(people[i].town, town) == 0);
	return n;
}


/* ------------------------------------------------------------ checks */

/* A column whose name says it holds the smallest or largest value. */
static int
extreme_name(const char *name)
{
	return strcmp(name, "min") == 0 || strcmp(name, "max") == 0 ||
	    strcmp(name, "smallest") == 0 || strcmp(name, "largest") == 0;
}

/* An item that counts people. */
static int
count_key(const char *key)
{
	return strcmp(key, "n") == 0 || strcmp(key, "missing") == 0 ||
	    strcmp(key, "people") == 0 || strcmp(key, "rows") == 0;
}

/* The row's group is hidden because it is small (not to protect another). */
static int
is_small_group(const lt_table *t, size_t i, size_t ncol)
{
	const lt_cell *c = lt_table_cell(t, i, ncol);

	return c->kind == LT_CELL_HIDDEN && c->why != NULL && strstr(c->why, "fewer") != NULL;
}

/* Nothing in r breaks the opensafely rules, in the document or its renderings. */
static void
check_safe(const lt_result *r)
{
	size_t hidden = 0;
	lt_buf json = LT_BUF_INIT;

	for (size_t t = 0; t < r->ntables; t++) {
		const lt_table *tb = r->tables[t];
		size_t ncol = tb->ncols;

		if (tb->row_level)
			assert_int_equal(tb->nrows, 0);
		/* the row's people: its first count column */
		for (size_t c = 0; c < tb->ncols && ncol == tb->ncols; c++)
			if (tb->cols[c].type == LT_RC_COUNT)
				ncol = c;
		for (size_t i = 0; i < tb->nrows; i++)
			for (size_t c = 0; c < tb->ncols; c++) {
				const lt_cell *cell = lt_table_cell(tb, i, c);

				if (cell->kind == LT_CELL_HIDDEN) {
					assert_non_null(cell->why);
					assert_true(cell->why[0] != '\0');
					hidden++;
					continue;
				}
				if (cell->kind != LT_CELL_NUMBER)
					continue;
				/* a statistic of a group whose size is hidden */
				if (ncol < tb->ncols && is_small_group(tb, i, ncol) &&
				    (tb->cols[c].type == LT_RC_NUMBER ||
				    tb->cols[c].type == LT_RC_PERCENT)) {
					print_error("%s: table %s row %zu shows %s = %g for a small "
					    "group\n", r->command, tb->name, i, tb->cols[c].name,
					    cell->num);
					fail();
				}
				if (tb->cols[c].type == LT_RC_COUNT) {
					if (cell->num != 0 && (cell->num < SMALL ||
					    fmod(cell->num, ROUND) != 0))
						print_error("%s: table %s column %s row %zu shows %g\n",
						    r->command, tb->name, tb->cols[c].name, i, cell->num);
					assert_true(cell->num == 0 ||
					    (cell->num >= SMALL && fmod(cell->num, ROUND) == 0));
				}
				if (extreme_name(tb->cols[c].name)) {
					print_error("%s: %s shows an extreme %g\n", r->command,
					    tb->cols[c].name, cell->num);
					fail();
				}
			}
	}
	for (size_t i = 0; i < r->nitems; i++) {
		const lt_item *it = &r->items[i];

		if (it->hidden) {
			hidden++;
			continue;
		}
		if (it->is_text)
			continue;
		if (count_key(it->key))
			assert_true(it->num == 0 || (it->num >= SMALL && fmod(it->num, ROUND) == 0));
		if (extreme_name(it->key)) {
			print_error("%s: item %s shows %g\n", r->command, it->key, it->num);
			fail();
		}
	}
	/* JSON marks each hidden value, and never prints a number for it. */
	lt_render(r, LT_FMT_JSON, NULL, &json);
	if (hidden > 0)
		assert_true(tc_contains(lt_buf_str(&json), "\"hidden\": true"));
	lt_buf_free(&json);
}

/* Every result of a checked by check_safe. */
static void
check_all(const run *a)
{
	for (size_t i = 0; i < a->n; i++)
		check_safe(a->r[i]);
}

/* The table of r called name, or fail. */
static const lt_table *
table(const lt_result *r, const char *name)
{
	for (size_t i = 0; i < r->ntables; i++)
		if (strcmp(r->tables[i]->name, name) == 0)
			return r->tables[i];
	print_error("%s has no table %s\n", r->command, name);
	fail();
	return NULL;
}

/* The row whose first cell is label, or fail. */
static size_t
row(const lt_table *t, const char *label)
{
	size_t i = row_of(t, label);

	if (i == (size_t)-1) {
		print_error("table %s has no row %s\n", t->name, label);
		fail();
	}
	return i;
}

static int
is_hidden(const lt_table *t, size_t i, size_t c)
{
	return lt_table_cell(t, i, c)->kind == LT_CELL_HIDDEN;
}

/* ------------------------------------------------------------ attacks */

/* Subtracting: total minus the other towns' counts must not give Whitby. */
static void
test_subtract_from_total(void **state)
{
	run a = attack("freq town");
	const lt_table *t;
	size_t count, hidden = 0;

	(void)state;
	assert_int_equal(a.rc, 0);
	check_all(&a);
	t = table(a.r[0], "frequencies");
	count = column(t, "count");
	assert_true(is_hidden(t, row(t, "Whitby"), count));
	for (size_t i = 0; i < t->nrows; i++)
		hidden += is_hidden(t, i, count);
	/* one hidden cell beside a known total is one subtraction away */
	assert_true(hidden >= 2);
	run_free(&a);
}

/* Complementary filters: age >= 65, then age >= 66; the people aged 65. */
static void
test_complementary_filters(void **state)
{
	run a = attack("filter age >= 65; freq sex; filter age >= 66; freq sex");
	const char *sexes[] = { "F", "M" };
	const lt_table *t;
	size_t count;

	(void)state;
	assert_int_equal(a.rc, 0);
	check_all(&a);
	t = table(a.r[a.n - 1], "frequencies");
	count = column(t, "count");
	for (size_t k = 0; k < 2; k++) {
		int diff = how_many(65, sexes[k], NULL) - how_many(66, sexes[k], NULL);

		/* the fixture is made so that this attack has something to find */
		assert_true(diff > 0 && diff < SMALL);
		if (!is_hidden(t, row(t, sexes[k]), count))
			print_error("sex %s differs by %d between the filters and is shown\n",
			    sexes[k], diff);
		assert_true(is_hidden(t, row(t, sexes[k]), count));
	}
	run_free(&a);
}

/* A crosstab by a near-unique column: Whitby's cells and their margin. */
static void
test_crosstab_rare(void **state)
{
	run a = attack("crosstab town by sex");
	int warned = 0;

	(void)state;
	assert_int_equal(a.rc, 0);
	check_all(&a);
	/* Whitby: 0 women, the men hidden, so everyone there is a man: warned */
	for (size_t i = 0; i < a.r[0]->caveats.n; i++)
		warned |= strstr(a.r[0]->caveats.v[i], "everyone has the same answer") != NULL;
	assert_true(warned);
	run_free(&a);
	a = attack("crosstab town by smoker");
	assert_int_equal(a.rc, 0);
	check_all(&a);
	run_free(&a);
}

/* Minimum and maximum, and sorting to find the oldest person. */
static void
test_extremes_and_sorting(void **state)
{
	run a = attack("describe age sbp");
	run b = attack("sort age desc; show 1 1");

	(void)state;
	assert_int_equal(a.rc, 0);
	check_all(&a);
	/* the rows of real people are not shown at all */
	assert_int_not_equal(b.rc, 0);
	for (size_t i = 0; i < b.n; i++)
		check_safe(b.r[i]);
	run_free(&a);
	run_free(&b);
}

/* A filter that selects one person, then any statistic. */
static void
test_one_person(void **state)
{
	static const char *const after[] = {
		"describe sbp", "freq sex", "describe sbp by sex", "compare sbp by sex",
		"plot hist sbp", "plot bar smoker", "plot box sbp by sex",
	};

	(void)state;
	for (size_t i = 0; i < sizeof after / sizeof after[0]; i++) {
		char *text = lt_sprintf("filter id = 123; %s", after[i]);
		run a = attack(text);

		/* refusing is fine; answering must reveal nothing */
		check_all(&a);
		run_free(&a);
		free(text);
		text = lt_sprintf("filter town = \"Whitby\" and smoker = \"no\"; %s", after[i]);
		a = attack(text);
		check_all(&a);
		run_free(&a);
		free(text);
	}
}

/* A chart of a tiny group draws nothing that counts its people. */
static void
test_tiny_chart(void **state)
{
	run a = attack("filter town = \"Whitby\"; plot hist age; plot scatter age sbp");

	(void)state;
	check_all(&a);
	run_free(&a);
	a = attack("plot bar town");
	assert_int_equal(a.rc, 0);
	check_all(&a);
	run_free(&a);
}

/* By group: a town of 3 gets no mean, SD or quantiles. */
static void
test_group_statistics(void **state)
{
	run a = attack("describe sbp by town");

	(void)state;
	assert_int_equal(a.rc, 0);
	check_all(&a);
	run_free(&a);
	assert_int_equal(how_many(0, NULL, "Whitby"), 3);
}

/*
 * A shown value v is known only to within half a unit of its last shown
 * digit: the interval [lo, hi] an attacker can be sure of. Values with
 * more digits than the profile's 3 (the old behaviour, %.17g) give an
 * interval of width 0.
 */
typedef struct span {
	double lo, hi;
} span;

static span
known(double v)
{
	double h;
	char tmp[64];

	/* the digits the value really has, up to 17 */
	for (int d = 1; d <= 17; d++) {
		snprintf(tmp, sizeof tmp, "%.*e", d - 1, v);
		if (strtod(tmp, NULL) == v) {
			h = 0.5 * pow(10, floor(log10(fabs(v))) - (d - 1));
			return (span){ v - h, v + h };
		}
	}
	return (span){ v, v };
}

static span
span_mul(span a, span b)
{
	double c[4] = { a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi };
	span r = { c[0], c[0] };

	for (int i = 1; i < 4; i++) {
		r.lo = fmin(r.lo, c[i]);
		r.hi = fmax(r.hi, c[i]);
	}
	return r;
}

/* A group's size from its shown SD and SE (n = (SD / SE)^2), met with its
   shown count (rounded to 5: within 2.5) when there is one. */
static span
size_of(double sd, double se, const lt_cell *n)
{
	span a = known(sd), b = known(se);
	span r = { pow(a.lo / b.hi, 2), pow(a.hi / b.lo, 2) };

	if (n != NULL && n->kind == LT_CELL_NUMBER) {
		r.lo = fmax(r.lo, n->num - 2.5);
		r.hi = fmin(r.hi, n->num + 2.5);
	}
	r.lo = ceil(r.lo - 1e-9);
	r.hi = floor(r.hi + 1e-9);
	return r;
}

/*
 * Adding up the groups' means: Whitby's sum = everyone's n x mean minus
 * each shown town's n x mean. With exact means, SDs and SEs this gave
 * Whitby's mean exactly (each n from (SD / SE)^2); with statistics
 * rounded to 3 significant figures the attacker is left with a wide
 * range, even knowing that Whitby has exactly 3 people.
 */
static void
test_sum_from_group_means(void **state)
{
	run a = attack("describe sbp; describe sbp by town");
	const lt_table *t;
	span n_all, sum_all, n_rest = { 0, 0 }, sum_rest = { 0, 0 }, whitby;
	span mean_other = { NAN, NAN };
	size_t cg, cn, cm, csd, cse, others = 0;
	double truth = 0;

	(void)state;
	assert_int_equal(a.rc, 0);
	assert_int_equal(a.n, 2);
	check_all(&a);
	n_all = size_of(item(a.r[0], "sd")->num, item(a.r[0], "se")->num, NULL);
	sum_all = span_mul(n_all, known(item(a.r[0], "mean")->num));
	t = table(a.r[1], "numbers");
	cg = column(t, "group");
	cn = column(t, "n");
	cm = column(t, "mean");
	csd = column(t, "sd");
	cse = column(t, "se");
	for (size_t i = 0; i < t->nrows; i++) {
		span n, part;

		if (strcmp(lt_table_cell(t, i, cg)->text, "Whitby") == 0) {
			assert_true(is_hidden(t, i, cm));
			continue;
		}
		assert_false(is_hidden(t, i, cm));
		if (is_hidden(t, i, csd) || is_hidden(t, i, cse)) {
			/* its size is what is left once Whitby's 3 are taken away */
			mean_other = known(lt_table_cell(t, i, cm)->num);
			others++;
			continue;
		}
		n = size_of(lt_table_cell(t, i, csd)->num, lt_table_cell(t, i, cse)->num,
		    lt_table_cell(t, i, cn));
		part = span_mul(n, known(lt_table_cell(t, i, cm)->num));
		n_rest.lo += n.lo;
		n_rest.hi += n.hi;
		sum_rest.lo += part.lo;
		sum_rest.hi += part.hi;
	}
	/* one town beside Whitby whose size is hidden: a second unknown, but
	   it is the rest of the people, so the attack still goes through */
	assert_true(others <= 1);
	if (others == 1) {
		span n = { n_all.lo - n_rest.hi - 3, n_all.hi - n_rest.lo - 3 };
		span part = span_mul(n, mean_other);

		sum_rest.lo += part.lo;
		sum_rest.hi += part.hi;
	}
	whitby.lo = (sum_all.lo - sum_rest.hi) / 3;
	whitby.hi = (sum_all.hi - sum_rest.lo) / 3;
	for (size_t i = 0; i < npeople; i++)
		if (strcmp(people[i].town, "Whitby") == 0)
			truth += people[i].sbp / 3.0;
	print_message("Whitby's mean sbp is %.1f; the attack can only say %.0f to %.0f\n",
	    truth, whitby.lo, whitby.hi);
	/* the range covers the truth (the arithmetic is right) and is wide:
	   wider than the whole range of blood pressures in the data */
	assert_true(whitby.lo <= truth && truth <= whitby.hi);
	assert_true(whitby.hi - whitby.lo > 100);
	run_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_subtract_from_total),
		cmocka_unit_test(test_complementary_filters),
		cmocka_unit_test(test_crosstab_rare),
		cmocka_unit_test(test_extremes_and_sorting),
		cmocka_unit_test(test_one_person),
		cmocka_unit_test(test_tiny_chart),
		cmocka_unit_test(test_group_statistics),
		cmocka_unit_test(test_sum_from_group_means),
	};

	return cmocka_run_group_tests(tests, attack_setup, tc_group_teardown);
}
