/*
 * test_privacyview.c - unit tests for the TUI and the privacy rules: the
 * table browser on a dataset whose rows are refused (people.csv imported
 * without --profile) says why in place of the rows, keeps the header and a
 * cursor column, moves between columns, ignores row keys with a message,
 * and inspects the column under the cursor; the home screen's cards name
 * each dataset's rules. Driven through a headless app, checked as text.
 */
#include "config.h"

#include "ui_common.h"

#define H	24
#define W	80
#define HEADER	1
#define ROW1	2
#define INFO	(H - 2)

/* Once: the group's catalog with cohort and people (opensafely) imported. */
static int
group_setup(void **state)
{
	char *csv = tc_src_path("tests/fixtures/sdc/people.csv");
	char *cmd = lt_sprintf("import %s --name people; open cohort", csv);
	int rc;

	(void)state;
	unsetenv("LANTERN_CONFIG");
	tc_group_dir = tc_tmpdir_new();
	rc = tc_group_run(cmd);
	free(cmd);
	free(csv);
	return rc;
}

/* The table browser on people. */
static int
setup(void **state)
{
	uc_fix *f = uc_fix_new(0, H, W);

	ui_push(f->app, ui_table_new(f->app));
	assert_int_equal(ui_run(f->app, "open people"), 0);
	*state = f;
	return 0;
}

static void
key(uc_fix *f, int k)
{
	assert_int_equal(ui_app_key(f->app, k), 0);
}

/* The sentence stands where the rows would be; the header stays. */
static void
test_refused_screen(void **state)
{
	uc_fix *f = *state;
	char *all;

	uc_line_has(f, 0, "people", 1);
	uc_line_has(f, HEADER, "id", 1);
	uc_line_has(f, HEADER, "age", 1);
	uc_line_has(f, HEADER, "town", 1);
	uc_line_has(f, ROW1, "people may hold records about real people", 1);
	uc_line_has(f, INFO, "rows not shown", 1);
	uc_line_has(f, INFO, "column id", 1);
	all = uc_screen(f);
	/* no row of the file is on screen: not its first, not Whitby's */
	assert_null(strstr(all, "Hull"));
	assert_null(strstr(all, "Whitby"));
	assert_null(strstr(all, "row 1"));
	assert_non_null(strstr(all, "press Enter to"));
	free(all);
}

/* Left and Right choose a column; row keys only say why nothing moves. */
static void
test_refused_keys(void **state)
{
	uc_fix *f = *state;

	key(f, UI_KEY_RIGHT);
	uc_line_has(f, INFO, "column age", 1);
	key(f, UI_KEY_RIGHT);
	key(f, UI_KEY_RIGHT);
	uc_line_has(f, INFO, "column town", 1);
	key(f, UI_KEY_DOWN);
	assert_true(uc_shows(f, "Left and Right choose a column"));
	key(f, UI_KEY_PGDN);
	key(f, UI_KEY_END);
	key(f, 'G');
	uc_line_has(f, INFO, "rows not shown", 1);
	uc_line_has(f, INFO, "column town", 1);
	uc_line_has(f, ROW1, "people may hold records", 1);
	key(f, '>');
	uc_line_has(f, INFO, "column sbp", 1);
	key(f, '<');
	uc_line_has(f, INFO, "column id", 1);
}

/* Enter inspects the column under the cursor. */
static void
test_refused_inspect(void **state)
{
	uc_fix *f = *state;
	char *all;

	key(f, UI_KEY_RIGHT);
	key(f, UI_KEY_ENTER);
	assert_string_equal(ui_app_top(f->app)->cls->name, "result");
	all = uc_screen(f);
	assert_non_null(strstr(all, "describe age"));
	free(all);
	key(f, UI_KEY_ESC);
	assert_string_equal(ui_app_top(f->app)->cls->name, "table");
	uc_line_has(f, ROW1, "people may hold records", 1);
	/* back to the cohort: synthetic, so its rows show again */
	assert_int_equal(ui_run(f->app, "open cohort"), 0);
	key(f, UI_KEY_HOME);	/* a key clears the status line */
	uc_line_has(f, INFO, "row 1 of 20,000", 1);
	uc_line_has(f, ROW1, "people may hold records", 0);
}

/* The home screen's cards name each dataset's privacy rules. */
static void
test_home_cards(void **state)
{
	uc_fix *f = uc_fix_new(0, 60, W);
	char *all;

	(void)state;
	ui_push(f->app, ui_home_new(f->app));
	all = uc_screen(f);
	assert_true(tc_contains(all, "synthetic (made up) - small numbers hidden (opensafely)"));
	assert_true(tc_contains(all, "aggregated - nothing hidden (none)"));
	assert_true(tc_contains(all, "300 rows - individual-level - small numbers hidden "
	    "(opensafely)"));
	free(all);
	uc_fix_free(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_refused_screen, setup, uc_teardown),
		cmocka_unit_test_setup_teardown(test_refused_keys, setup, uc_teardown),
		cmocka_unit_test_setup_teardown(test_refused_inspect, setup, uc_teardown),
		cmocka_unit_test(test_home_cards),
	};

	return cmocka_run_group_tests(tests, group_setup, tc_group_teardown);
}
