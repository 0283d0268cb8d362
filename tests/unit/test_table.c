/*
 * test_table.c - unit tests for the TUI's table browser, driven through a
 * headless app on the bundled cohort dataset (20,000 rows): the frozen
 * header and first column, paging to the last row and back, sorting and
 * filtering through the session, labels for labelled values, the mark for
 * missing values, jumping to a column by typing its name, inspecting a
 * column, and drawing on a narrow screen. Screens are checked as text.
 */
#include "config.h"

#include "ui_common.h"

#include "format.h"

#define H	24
#define W	80
#define BODY	(H - 4)		/* data rows: title, header, info line, key bar */

typedef uc_fix fix;

/* ------------------------------------------------------------ fixtures */

/* A session with cohort open, a headless app on it, and the table on top. */
static fix *
fix_new(int utf8)
{
	fix *f = uc_fix_new(utf8, H, W);

	ui_push(f->app, ui_table_new(f->app));
	assert_string_equal(ui_app_top(f->app)->cls->name, "table");
	return f;
}

static int
setup(void **state)
{
	*state = fix_new(0);
	return 0;
}

static int
setup_utf8(void **state)
{
	*state = fix_new(1);
	return 0;
}

/* ------------------------------------------------------------ helpers */

static void
keys(fix *f, const char *s)
{
	for (; *s != '\0'; s++)
		assert_int_equal(ui_app_key(f->app, (unsigned char)*s), 0);
}

static void
key_n(fix *f, int k, int n)
{
	for (int i = 0; i < n; i++)
		assert_int_equal(ui_app_key(f->app, k), 0);
}

/* The info line, the last line of the table's area. */
#define INFO	(H - 2)
#define HEADER	1
#define ROW1	2

/* The column where word w starts in line y, or -1. */
static int
col_of(fix *f, int y, const char *w)
{
	char *l = uc_line(f, y), *p = strstr(l, w);
	int x = p != NULL ? (int)(p - l) : -1;

	free(l);
	return x;
}

/* ------------------------------------------------------------ tests */

/* The header names the columns; rows show values and labels. */
static void
test_first_screen(void **state)
{
	fix *f = *state;
	char *l;

	uc_line_has(f, 0, "cohort", 1);
	uc_line_has(f, HEADER, "age", 1);
	uc_line_has(f, HEADER, "sex", 1);
	uc_line_has(f, HEADER, "region", 1);
	/* The first row of cohort.csv: 56, M, Yorkshire and The Humber, 5, Asian. */
	l = uc_line(f, ROW1);
	assert_memory_equal(l, " 56", 3);	/* numbers are right-aligned */
	free(l);
	uc_line_has(f, ROW1, "male", 1);		/* sex M by its label */
	uc_line_has(f, ROW1, "Yorkshire and The Humber", 1);
	uc_line_has(f, ROW1, "5 (least deprived)", 1);	/* imd_quintile 5 */
	uc_line_has(f, HEADER, "bmi", 0);			/* too far right for 80 columns */
	uc_line_has(f, ROW1 + 1, "East of England", 1);
	uc_line_has(f, INFO, "row 1 of 20,000", 1);
	uc_line_has(f, INFO, "column age: Age (years), integer", 1);
	/* The key bar lists the view's keys first. */
	uc_line_has(f, H - 1, "Enter inspect", 1);
	uc_line_has(f, H - 1, "s sort", 1);
	uc_line_has(f, H - 1, "f filter", 1);
	uc_line_has(f, H - 1, "? help", 1);	/* 3-5 keys: "/" is in the help */
}

/* Down, PgDn, End and Home move the cursor row and the window. */
static void
test_paging(void **state)
{
	fix *f = *state;
	char *l;

	key_n(f, UI_KEY_DOWN, 2);
	uc_line_has(f, INFO, "row 3 of 20,000", 1);
	key_n(f, UI_KEY_UP, 5);
	uc_line_has(f, INFO, "row 1 of 20,000", 1);
	key_n(f, UI_KEY_PGDN, 1);
	uc_line_has(f, INFO, "row 21 of 20,000", 1);
	key_n(f, UI_KEY_PGDN, 1);
	uc_line_has(f, INFO, "row 41 of 20,000", 1);
	key_n(f, UI_KEY_PGUP, 1);
	uc_line_has(f, INFO, "row 21 of 20,000", 1);
	/* End: the last row, at the bottom of a full screen. */
	key_n(f, UI_KEY_END, 1);
	uc_line_has(f, INFO, "row 20,000 of 20,000", 1);
	l = uc_line(f, ROW1 + BODY - 1);	/* the last line of cohort.csv: 25, F, London */
	assert_memory_equal(l, " 25", 3);
	free(l);
	uc_line_has(f, ROW1 + BODY - 1, "female", 1);
	uc_line_has(f, ROW1 + BODY - 1, "London", 1);
	uc_line_has(f, ROW1 + BODY - 2, "Yorkshire and The Humber", 1);
	key_n(f, UI_KEY_DOWN, 3);
	key_n(f, UI_KEY_PGDN, 2);
	uc_line_has(f, INFO, "row 20,000 of 20,000", 1);
	uc_line_has(f, ROW1 + BODY - 1, "London", 1);
	key_n(f, UI_KEY_HOME, 1);
	uc_line_has(f, INFO, "row 1 of 20,000", 1);
	uc_line_has(f, ROW1, "Yorkshire and The Humber", 1);
	keys(f, "G");
	uc_line_has(f, INFO, "row 20,000 of 20,000", 1);
	key_n(f, UI_KEY_HOME, 1);
	uc_line_has(f, INFO, "row 1 of 20,000", 1);
}

/* s and S sort by the cursor's column through the session; o undoes it. */
static void
test_sort(void **state)
{
	fix *f = *state;
	const char *col;
	int desc = 0;
	char *l;

	keys(f, "s");
	col = lt_session_sort(f->s, &desc);
	assert_non_null(col);
	assert_string_equal(col, "age");
	assert_int_equal(desc, 0);
	uc_line_has(f, HEADER, "age^", 1);
	uc_line_has(f, INFO, "sorted by age, smallest first", 1);
	l = uc_line(f, ROW1);
	assert_memory_equal(l, "  18", 4);
	free(l);
	keys(f, "S");
	uc_line_has(f, HEADER, "agev", 1);
	l = uc_line(f, ROW1);
	assert_memory_equal(l, "  90", 4);
	free(l);
	/* Sorting keeps the cursor's column and goes back to the first row. */
	key_n(f, UI_KEY_RIGHT, 6);
	key_n(f, UI_KEY_DOWN, 4);
	keys(f, "s");
	assert_string_equal(lt_session_sort(f->s, NULL), "bmi");
	uc_line_has(f, INFO, "row 1 of 20,000", 1);
	uc_line_has(f, INFO, "column bmi", 1);
	uc_line_has(f, HEADER, "bmi^", 1);
	uc_line_has(f, HEADER, "age^", 0);
	keys(f, "o");
	assert_null(lt_session_sort(f->s, NULL));
	uc_line_has(f, HEADER, "bmi^", 0);
	uc_line_has(f, INFO, "sorted", 0);
	uc_line_has(f, ROW1, " 56 |", 1);
	uc_line_has(f, ROW1, "25.1", 1);
}

/* f opens the prompt with "filter "; a filter shows and counts its rows. */
static void
test_filter(void **state)
{
	fix *f = *state;
	int x;
	ui_canvas *c;

	keys(f, "f");
	uc_line_has(f, H - 1, ":filter", 1);
	keys(f, "bmi is missing\n");
	assert_non_null(lt_session_filter(f->s));
	assert_string_equal(ui_app_top(f->app)->cls->name, "table");
	uc_line_has(f, INFO, "row 1 of 425", 1);
	uc_line_has(f, INFO, "filter: bmi is missing", 1);
	/* Rows 145 and 148 of cohort.csv have no bmi. */
	uc_line_has(f, ROW1, "79", 1);
	uc_line_has(f, ROW1 + 1, "44", 1);
	/* A missing value is marked, in its own look. */
	key_n(f, UI_KEY_DOWN, 1);	/* move the cursor off the first row */
	keys(f, "/bmi\n");
	x = col_of(f, HEADER, "bmi");
	assert_true(x > 0);
	c = ui_app_draw(f->app);
	{
		int found = 0;

		for (int i = x - 2; i < x + 3; i++) {
			ui_cell *cell = ui_canvas_cell(c, ROW1, i);

			if (cell != NULL && strcmp(cell->ch, ".") == 0 &&
			    cell->role == UI_MISSING)
				found = 1;
		}
		assert_true(found);
	}
	/* F turns it off. */
	keys(f, "F");
	assert_null(lt_session_filter(f->s));
	uc_line_has(f, INFO, "row 1 of 20,000", 1);
	/* A filter nothing matches says so. */
	assert_int_equal(ui_run(f->app, "filter age > 200"), 0);
	uc_line_has(f, ROW1, "No rows match the filter", 1);
	uc_line_has(f, INFO, "no rows", 1);
	key_n(f, UI_KEY_END, 1);
	key_n(f, UI_KEY_DOWN, 1);
	uc_line_has(f, ROW1, "No rows match the filter", 1);
	/* A filter set behind the view's back is noticed too. */
	{
		lt_error err;
		int quit = 0;

		assert_int_equal(lt_session_run(f->s, "filter age >= 65", NULL, NULL, &quit,
		    &err), 0);
	}
	uc_line_has(f, INFO, "filter: age >= 65", 1);
	uc_line_has(f, INFO, "row 1 of", 1);
}

/* Right scrolls the columns; the first column stays on screen. */
static void
test_columns(void **state)
{
	fix *f = *state;

	key_n(f, UI_KEY_RIGHT, 30);
	uc_line_has(f, INFO, "column first_admission: Date of first admission, date", 1);
	uc_line_has(f, HEADER, "first_admission", 1);
	uc_line_has(f, HEADER, "region", 0);
	assert_int_equal(col_of(f, HEADER, "age"), 0);
	uc_line_has(f, ROW1, "56", 1);
	uc_line_has(f, ROW1, "|", 1);
	/* Labels of labelled numbers: smoking 0 is "never". */
	uc_line_has(f, HEADER, "smoking", 0);
	key_n(f, UI_KEY_LEFT, 9);
	uc_line_has(f, INFO, "column smoking: Smoking status, category", 1);
	uc_line_has(f, HEADER, "smoking", 1);
	uc_line_has(f, ROW1, "never", 1);
	uc_line_has(f, ROW1 + 2, "former", 1);
	keys(f, "<");
	uc_line_has(f, INFO, "column age", 1);
	uc_line_has(f, HEADER, "region", 1);
	keys(f, ">");
	uc_line_has(f, INFO, "column first_admission", 1);
	key_n(f, UI_KEY_BTAB, 1);
	uc_line_has(f, INFO, "column alcohol", 1);
	key_n(f, UI_KEY_TAB, 1);
	uc_line_has(f, INFO, "column first_admission", 1);
}

/* / then letters moves to the column whose name has them. */
static void
test_jump(void **state)
{
	fix *f = *state;

	keys(f, "/");
	uc_line_has(f, INFO, "column: _", 1);
	keys(f, "chol");
	uc_line_has(f, INFO, "column: chol_", 1);
	uc_line_has(f, HEADER, "cholesterol", 1);
	keys(f, "\n");
	uc_line_has(f, INFO, "column cholesterol: Total cholesterol (mmol/L), number", 1);
	/* Letters are part of the name, even q (which would go back) and s. */
	keys(f, "/qs");
	assert_string_equal(ui_app_top(f->app)->cls->name, "table");
	assert_null(lt_session_sort(f->s, NULL));
	uc_line_has(f, INFO, "no column name has \"qs\"", 1);
	key_n(f, UI_KEY_BACKSPACE, 2);
	keys(f, "reg");
	uc_line_has(f, INFO, "column: reg_", 1);
	key_n(f, UI_KEY_ESC, 1);	/* back where it was */
	assert_string_equal(ui_app_top(f->app)->cls->name, "table");
	uc_line_has(f, INFO, "column cholesterol", 1);
	/* Part of a name will do; another key ends the typing and works. */
	keys(f, "/attack");
	key_n(f, UI_KEY_DOWN, 1);
	uc_line_has(f, INFO, "row 2 of", 1);
	uc_line_has(f, INFO, "column heart_attack", 1);
	keys(f, "s");
	assert_string_equal(lt_session_sort(f->s, NULL), "heart_attack");
}

/* Enter describes the column and charts it, in a result view. */
static void
test_inspect(void **state)
{
	fix *f = *state;
	char *all;

	keys(f, "/bmi\n\n");
	assert_string_equal(ui_app_top(f->app)->cls->name, "result");
	all = uc_screen(f);
	assert_true(tc_contains(all, "bmi"));
	free(all);
	keys(f, "q");
	assert_string_equal(ui_app_top(f->app)->cls->name, "table");
	keys(f, "/smok\n\n");
	assert_string_equal(ui_app_top(f->app)->cls->name, "result");
	keys(f, "q");
	keys(f, "/first_ad\n\n");
	assert_string_equal(ui_app_top(f->app)->cls->name, "result");
	uc_line_has(f, 0, "plot line first_admission", 1);
	keys(f, "q");
	keys(f, "d");
	assert_string_equal(ui_app_top(f->app)->cls->name, "result");
}

/* The view's own look in UTF-8: arrows for the sort, a dot for missing. */
static void
test_utf8(void **state)
{
	fix *f = *state;

	assert_int_equal(ui_run(f->app, "sort age desc"), 0);
	uc_line_has(f, HEADER, "age\xe2\x86\x93", 1);
	uc_line_has(f, HEADER, "\xe2\x94\x82", 1);
	uc_line_has(f, INFO, "row 1 of 20,000 \xc2\xb7 sorted by age, largest first", 1);
	assert_int_equal(ui_run(f->app, "sort bmi; filter bmi is missing"), 0);
	keys(f, "/bmi\n");
	uc_line_has(f, ROW1 + 1, "\xc2\xb7", 1);
}

/* Drawn into a narrow area, the view still fits and keeps the first column. */
static void
test_narrow(void **state)
{
	fix *f = *state;
	ui_view *v = ui_app_top(f->app);
	ui_canvas *c = ui_canvas_new(12, 60, 0);
	lt_buf b = LT_BUF_INIT;
	char *p;

	v->cls->draw(v, c, 0, 12);
	ui_canvas_dump(c, &b);
	p = b.s;
	assert_memory_equal(p, "age |", 5);
	assert_true(tc_contains(b.s, "row 1 of 20,000"));
	ui_canvas_free(c);
	lt_buf_reset(&b);
	/* The app needs 80 columns, so the keys go through it and the view
	   is drawn at 60 directly. */
	c = ui_canvas_new(10, 60, 0);
	for (int i = 0; i < 20; i++)
		ui_app_key(f->app, UI_KEY_RIGHT);
	v->cls->draw(v, c, 0, 10);
	lt_buf_free(&b);
	ui_canvas_dump(c, &b);
	assert_memory_equal(b.s, "age |", 5);
	assert_true(tc_contains(b.s, "first_admission"));
	assert_true(tc_contains(b.s, "column first_admission"));
	lt_buf_free(&b);
	ui_canvas_free(c);
	/* A tiny area: no crash, the header only. */
	c = ui_canvas_new(2, 20, 0);
	v->cls->draw(v, c, 0, 1);
	v->cls->draw(v, c, 1, 1);
	ui_canvas_free(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_first_screen, setup, uc_teardown),
		cmocka_unit_test_setup_teardown(test_paging, setup, uc_teardown),
		cmocka_unit_test_setup_teardown(test_sort, setup, uc_teardown),
		cmocka_unit_test_setup_teardown(test_filter, setup, uc_teardown),
		cmocka_unit_test_setup_teardown(test_columns, setup, uc_teardown),
		cmocka_unit_test_setup_teardown(test_jump, setup, uc_teardown),
		cmocka_unit_test_setup_teardown(test_inspect, setup, uc_teardown),
		cmocka_unit_test_setup_teardown(test_utf8, setup_utf8, uc_teardown),
		cmocka_unit_test_setup_teardown(test_narrow, setup, uc_teardown),
	};

	return cmocka_run_group_tests(tests, tc_group_setup, tc_group_teardown);
}
