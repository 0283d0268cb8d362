/*
 * test_result.c - unit tests for building result documents.
 */
#include "config.h"

#include "test_common.h"

#include <math.h>

#include "result.h"

static void
test_layers(void **state)
{
	lt_result *r = lt_result_new("describe bmi");

	(void)state;
	assert_string_equal(r->command, "describe bmi");
	assert_null(r->headline);
	lt_result_headline(r, "first %d", 1);
	lt_result_headline(r, "On average %s.", "27.5");
	assert_string_equal(r->headline, "On average 27.5.");
	lt_result_set_context(r, "cohort", NULL);
	assert_string_equal(r->dataset, "cohort");
	assert_null(r->filter);
	lt_result_set_context(r, "cohort", "age >= 65");
	assert_string_equal(r->filter, "age >= 65");
	lt_result_number(r, "mean", "Mean", 27.5, "kg/m2");
	lt_result_number(r, "n", NULL, 20000, NULL);
	lt_result_fact(r, "licence", "Licence", NULL);
	assert_int_equal(r->nitems, 3);
	assert_string_equal(r->items[0].unit, "kg/m2");
	assert_true(r->items[0].num == 27.5);
	assert_int_equal(r->items[0].is_text, 0);
	assert_string_equal(r->items[1].label, "n");	/* label defaults to the key */
	assert_null(r->items[1].unit);
	assert_int_equal(r->items[2].is_text, 1);
	assert_string_equal(r->items[2].text, "");
	lt_result_caveat(r, "only %d values", 3);
	lt_result_method(r, "type %d", 7);
	lt_result_note(r, "a");
	lt_result_note(r, "b");
	assert_int_equal(r->caveats.n, 1);
	assert_string_equal(r->caveats.v[0], "only 3 values");
	assert_string_equal(r->method.v[0], "type 7");
	assert_int_equal(r->notes.n, 2);
	assert_string_equal(r->notes.v[1], "b");
	lt_result_free(r);
	lt_result_free(NULL);
	r = lt_result_new(NULL);
	assert_string_equal(r->command, "");
	lt_result_free(r);
}

static void
test_tables(void **state)
{
	lt_result *r = lt_result_new("x");
	lt_table *t = lt_result_table(r, "rows", NULL), *u;
	lt_cell *c;

	(void)state;
	assert_int_equal(lt_table_column(t, "name", "Name", LT_RC_TEXT), 0);
	assert_int_equal(lt_table_column(t, "n", NULL, LT_RC_COUNT), 1);
	assert_string_equal(t->cols[1].label, "n");
	for (size_t i = 0; i < 50; i++) {
		size_t row = lt_table_row(t);

		assert_int_equal(row, i);
		c = lt_table_cell(t, row, 1);
		assert_int_equal(c->kind, LT_CELL_MISSING);	/* new rows are missing */
		lt_table_text(t, row, 0, "x");
		lt_table_num(t, row, 1, (double)i);
	}
	lt_table_text(t, 3, 0, "replaced");
	lt_table_hide(t, 4, 1, "fewer than 8 people");
	lt_table_num(t, 5, 0, 1.5);	/* a text cell can become a number */
	lt_table_text(t, 6, 0, NULL);	/* NULL text: missing */
	assert_int_equal(t->nrows, 50);
	assert_string_equal(lt_table_cell(t, 3, 0)->text, "replaced");
	c = lt_table_cell(t, 4, 1);
	assert_int_equal(c->kind, LT_CELL_HIDDEN);
	assert_string_equal(c->why, "fewer than 8 people");
	assert_int_equal(lt_table_cell(t, 5, 0)->kind, LT_CELL_NUMBER);
	assert_null(lt_table_cell(t, 5, 0)->text);
	assert_int_equal(lt_table_cell(t, 6, 0)->kind, LT_CELL_MISSING);
	assert_true(lt_table_cell(t, 49, 1)->num == 49);

	u = lt_result_table(r, "empty", "Nothing");
	assert_int_equal(r->ntables, 2);
	assert_ptr_equal(r->tables[1], u);
	assert_string_equal(u->title, "Nothing");
	assert_int_equal(lt_table_row(u), 0);	/* a table with no columns */
	assert_int_equal(u->nrows, 1);
	lt_result_free(r);
}

/* A table made from column definitions has those columns, in order. */
static void
test_table_with(void **state)
{
	static const lt_coldef defs[] = {
		{ "name", "Name", LT_RC_TEXT }, { "n", "N", LT_RC_COUNT },
		{ "pct", "%", LT_RC_PERCENT }, { NULL, NULL, 0 }
	};
	lt_result *r = lt_result_new("t");
	lt_table *t = lt_result_table_with(r, "x", "X", defs);

	(void)state;
	assert_int_equal(r->ntables, 1);
	assert_ptr_equal(r->tables[0], t);
	assert_int_equal(t->ncols, 3);
	assert_string_equal(t->cols[0].name, "name");
	assert_string_equal(t->cols[1].label, "N");
	assert_int_equal(t->cols[2].type, LT_RC_PERCENT);
	assert_string_equal(t->title, "X");
	lt_result_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layers),
		cmocka_unit_test(test_tables),
		cmocka_unit_test(test_table_with),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
