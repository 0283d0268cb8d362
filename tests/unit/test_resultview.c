/*
 * test_resultview.c - unit tests for the TUI's result view and help view,
 * driven through a headless app: results of real commands on the bundled
 * cohort dataset are read in layers (headline first, + for more), scroll
 * both ways and re-flow on resize; ? lists the keys of the screen below
 * and the global keys. Screens are checked as text (ui_canvas_dump).
 */
#include "config.h"

#include "ui_common.h"

#include "format.h"

#define H	24
#define W	80
#define BODY	(H - 3)		/* text lines between title, indicator and key bar */

typedef uc_fix fix;

/* ------------------------------------------------------------ fixtures */

static int
setup(void **state)
{
	*state = uc_fix_new(0, H, W);
	return 0;
}

/* ------------------------------------------------------------ helpers */

/* Run text in the session and open its results in a result view. */
static void
push_results(fix *f, const char *text)
{
	lt_result **rs = NULL;
	size_t n = 0;
	lt_error err;
	int quit = 0;

	if (lt_session_collect(f->s, text, &rs, &n, &quit, &err) != 0) {
		print_error("\"%s\" failed: %s\n", text, err.msg);
		fail();
	}
	assert_true(n > 0);
	ui_push(f->app, ui_result_new(f->app, rs, n));
	assert_string_equal(ui_app_top(f->app)->cls->name, "result");
}

/* The scroll indicator "lines a-b of n" on the view's last row. */
static void
indicator(fix *f, int *a, int *b, int *n)
{
	char *r = uc_line(f, H - 2);

	if (sscanf(r, " lines %d-%d of %d", a, b, n) != 3) {
		print_error("no scroll position in \"%s\"\n", r);
		fail();
	}
	free(r);
}

/* Does any page of the view show s? Leaves the view at its top. */
static int
shows_anywhere(fix *f, const char *s)
{
	int a, b, n, found = 0;

	ui_app_key(f->app, UI_KEY_HOME);
	for (int i = 0; i < 100 && !found; i++) {
		found = uc_shows(f, s);
		indicator(f, &a, &b, &n);
		if (b >= n)
			break;
		ui_app_key(f->app, UI_KEY_PGDN);
	}
	ui_app_key(f->app, UI_KEY_HOME);
	return found;
}

/* The headline of command text's first result (caller frees). */
static char *
headline_of(fix *f, const char *text)
{
	lt_result **rs = NULL;
	size_t n = 0;
	lt_error err;
	int quit = 0;
	char *h;

	assert_int_equal(lt_session_collect(f->s, text, &rs, &n, &quit, &err), 0);
	assert_true(n > 0);
	assert_non_null(rs[0]->headline);
	h = lt_strdup(rs[0]->headline);
	for (size_t i = 0; i < n; i++)
		lt_result_free(rs[i]);
	free(rs);
	return h;
}

/* ------------------------------------------------------------ layers */

/* Level 1: the headline first, in its role, then what more there is. */
static void
test_headline_first(void **state)
{
	fix *f = *state;
	char *head = headline_of(f, "describe bmi"), *r;
	ui_cell *cell;

	push_results(f, "describe bmi");
	r = uc_line(f, 0);
	assert_non_null(strstr(r, "describe bmi"));
	free(r);
	r = uc_line(f, 1);
	assert_memory_equal(r, " ", 1);
	assert_memory_equal(r + 1, head, 30);
	free(r);
	cell = ui_canvas_cell(ui_app_draw(f->app), 1, 1);
	assert_non_null(cell);
	assert_int_equal(cell->role, UI_EMPH);

	assert_true(uc_shows(f, "More: the numbers"));
	assert_true(uc_shows(f, "the method"));
	assert_true(uc_shows(f, "press + to show them"));
	assert_false(shows_anywhere(f, "Method:"));
	assert_false(shows_anywhere(f, "Standard deviation"));
	free(head);
}

/* + adds the numbers, then the caveats and method; - takes them away. */
static void
test_layers(void **state)
{
	fix *f = *state;

	push_results(f, "describe bmi");
	ui_app_key(f->app, '+');
	assert_true(shows_anywhere(f, "Standard deviation"));
	assert_false(shows_anywhere(f, "Method:"));
	/* the caveats: missing values, and (disclosure control) hidden numbers */
	assert_true(shows_anywhere(f, "caveat"));
	assert_true(shows_anywhere(f, "the method"));

	ui_app_key(f->app, UI_KEY_ENTER);
	assert_true(shows_anywhere(f, "Method:"));
	assert_true(shows_anywhere(f, "Caveats:"));
	assert_true(shows_anywhere(f, "Notes:"));
	assert_false(shows_anywhere(f, "More:"));

	ui_app_key(f->app, '+');
	assert_true(uc_shows(f, "Everything is shown"));

	ui_app_key(f->app, '-');
	assert_false(shows_anywhere(f, "Method:"));
	assert_true(shows_anywhere(f, "Standard deviation"));
	ui_app_key(f->app, '-');
	assert_false(shows_anywhere(f, "Standard deviation"));
	ui_app_key(f->app, '-');
	assert_true(uc_shows(f, "This is the shortest view"));
	assert_false(shows_anywhere(f, "Standard deviation"));
}

/* Up, Down, PgUp, PgDn, Home and End move the text; the indicator follows. */
static void
test_scroll(void **state)
{
	fix *f = *state;
	char *second, *first;
	int a, b, n, n0;

	push_results(f, "describe bmi");
	ui_app_key(f->app, '+');
	ui_app_key(f->app, '+');
	indicator(f, &a, &b, &n0);
	assert_int_equal(a, 1);
	assert_int_equal(b, BODY);
	assert_true(n0 > BODY);

	second = uc_line(f, 2);
	ui_app_key(f->app, UI_KEY_DOWN);
	first = uc_line(f, 1);
	assert_string_equal(first, second);
	free(first);
	free(second);
	indicator(f, &a, &b, &n);
	assert_int_equal(a, 2);
	assert_int_equal(b, BODY + 1);
	assert_int_equal(n, n0);

	ui_app_key(f->app, UI_KEY_UP);
	ui_app_key(f->app, UI_KEY_UP);
	indicator(f, &a, &b, &n);
	assert_int_equal(a, 1);

	ui_app_key(f->app, UI_KEY_PGDN);
	indicator(f, &a, &b, &n);
	assert_true(a > 1);
	assert_true(a <= BODY);
	ui_app_key(f->app, UI_KEY_PGUP);
	indicator(f, &a, &b, &n);
	assert_int_equal(a, 1);

	ui_app_key(f->app, UI_KEY_END);
	indicator(f, &a, &b, &n);
	assert_int_equal(b, n0);
	assert_int_equal(a, n0 - BODY + 1);
	/* Down at the bottom stays there, and Up moves at once. */
	ui_app_key(f->app, UI_KEY_DOWN);
	ui_app_key(f->app, UI_KEY_UP);
	indicator(f, &a, &b, &n);
	assert_int_equal(b, n0 - 1);

	ui_app_key(f->app, UI_KEY_HOME);
	indicator(f, &a, &b, &n);
	assert_int_equal(a, 1);
}

/* Several results, one after the other, each under its command; charts draw. */
static void
test_two_results(void **state)
{
	fix *f = *state;
	char *r;

	push_results(f, "describe bmi; plot hist bmi");
	r = uc_line(f, 0);
	assert_non_null(strstr(r, "describe bmi; plot hist bmi"));
	free(r);
	r = uc_line(f, 1);
	assert_string_equal(r, " :describe bmi");
	free(r);
	assert_true(uc_shows(f, ":plot hist bmi"));
	/* The chart stands for its table (detail columns only): not promised. */
	assert_false(shows_anywhere(f, "1 table"));
	assert_true(shows_anywhere(f, "More: "));
	/* The histogram's bars, in ASCII. */
	assert_true(shows_anywhere(f, "|####"));
	assert_false(shows_anywhere(f, "Method:"));
}

/* With UTF-8 the chart uses block characters. */
static void
test_utf8_chart(void **state)
{
	fix *f = uc_fix_new(1, H, W);

	(void)state;
	push_results(f, "plot hist bmi");
	assert_true(uc_shows(f, "\xe2\x96\x88"));
	uc_fix_free(f);
}

/* A resize re-flows the text at the new width. */
static void
test_resize(void **state)
{
	fix *f = *state;
	char *r;

	push_results(f, "describe bmi");
	r = uc_line(f, 1);
	assert_true(strlen(r) <= W);
	free(r);
	ui_app_resize(f->app, 30, 120);
	r = uc_line(f, 1);
	assert_true(strlen(r) > W);
	free(r);
	assert_true(uc_shows(f, "More: the numbers"));
	ui_app_resize(f->app, H, W);
	r = uc_line(f, 1);
	assert_true(strlen(r) <= W);
	free(r);
}

/* A result of its own: a wide table scrolls sideways; a result with no
   headline or chart shows its table at once. */
static void
test_wide_table(void **state)
{
	static const lt_coldef defs[] = {
		{ "name", "Name", LT_RC_TEXT },
		{ "text", "Text", LT_RC_TEXT },
		{ NULL, NULL, 0 }
	};
	fix *f = *state;
	lt_result **rs = lt_calloc(2, sizeof *rs);
	lt_table *t;
	lt_buf wide = LT_BUF_INIT;
	int a, b, n;

	for (int i = 0; i < 30; i++)
		lt_buf_printf(&wide, "w%02d-", i);
	rs[0] = lt_result_new("wide");
	t = lt_result_table_with(rs[0], "t", "A wide table", defs);
	lt_table_row(t);
	lt_table_text(t, 0, 0, "one");
	lt_table_text(t, 0, 1, lt_buf_str(&wide));
	lt_result_method(rs[0], "Made by hand.");
	ui_push(f->app, ui_result_new(f->app, rs, 1));

	assert_true(uc_shows(f, "A wide table"));
	assert_true(uc_shows(f, "one"));
	assert_true(uc_shows(f, "w00-w01-"));
	assert_false(uc_shows(f, "w29-"));
	assert_true(uc_shows(f, "More: the method - press + to show it."));

	ui_app_key(f->app, UI_KEY_RIGHT);
	indicator(f, &a, &b, &n);
	assert_true(uc_shows(f, "from column 9"));
	assert_false(uc_shows(f, "w00-w01-"));
	for (int i = 0; i < 20; i++)
		ui_app_key(f->app, UI_KEY_RIGHT);
	assert_true(uc_shows(f, "w29-"));
	for (int i = 0; i < 30; i++)
		ui_app_key(f->app, UI_KEY_LEFT);
	assert_true(uc_shows(f, "w00-w01-"));
	assert_false(uc_shows(f, "from column"));
	lt_buf_free(&wide);
}

/* Reference results (help, a command's help) show their tables and facts
   at once: there is no answer to hold back. */
static void
test_reference(void **state)
{
	fix *f = *state;

	assert_int_equal(ui_run(f->app, "help"), 0);
	assert_string_equal(ui_app_top(f->app)->cls->name, "result");
	assert_true(uc_shows(f, "describe"));
	assert_true(uc_shows(f, "crosstab"));
	assert_true(shows_anywhere(f, "More: 2 notes"));
	ui_app_key(f->app, '-');
	assert_true(uc_shows(f, "This is the shortest view"));
	ui_app_key(f->app, UI_KEY_ESC);

	assert_int_equal(ui_run(f->app, "help describe"), 0);
	assert_true(uc_shows(f, "Usage"));
	assert_true(uc_shows(f, "Example"));

	/* With an analysis beside it, each result starts where it should. */
	push_results(f, "describe bmi; help describe");
	assert_true(shows_anywhere(f, "Usage"));
	assert_false(shows_anywhere(f, "Standard deviation"));
}

/* Esc and q go back to the screen before. */
static void
test_back(void **state)
{
	fix *f = *state;
	ui_view *home = ui_app_top(f->app);

	push_results(f, "describe bmi");
	ui_app_key(f->app, UI_KEY_ESC);
	assert_ptr_equal(ui_app_top(f->app), home);
	push_results(f, "describe age");
	ui_app_key(f->app, 'q');
	assert_ptr_equal(ui_app_top(f->app), home);
}

/* ------------------------------------------------------------ help */

/* Every key of keys is listed with its help, and what it runs. */
static void
check_keys_listed(fix *f, const ui_key *keys)
{
	for (; keys->name != NULL; keys++) {
		char *line = lt_sprintf("  %s ", keys->name);
		char *help = lt_strndup(keys->help, 25);

		if (!shows_anywhere(f, line) || !shows_anywhere(f, help)) {
			print_error("key %s (%s) is not in the help\n", keys->name, help);
			fail();
		}
		free(line);
		free(help);
		if (keys->command != NULL) {
			char *runs = lt_sprintf("(runs: %s)", keys->command);

			assert_true(shows_anywhere(f, runs));
			free(runs);
		}
	}
}

/* ? on a result lists its keys and the global keys; Esc goes back. */
static void
test_help_result(void **state)
{
	fix *f = *state;
	ui_view *rv;

	push_results(f, "describe bmi");
	rv = ui_app_top(f->app);
	ui_app_key(f->app, '?');
	assert_string_equal(ui_app_top(f->app)->cls->name, "help");
	assert_true(uc_shows(f, "Keys on this screen"));
	assert_true(uc_shows(f, "show more"));
	assert_true(shows_anywhere(f, "Keys that work everywhere"));
	assert_true(shows_anywhere(f, ":help COMMAND"));
	assert_true(shows_anywhere(f, "man lantern"));
	check_keys_listed(f, rv->cls->keys);
	check_keys_listed(f, ui_global_keys);
	ui_app_key(f->app, UI_KEY_ESC);
	assert_ptr_equal(ui_app_top(f->app), rv);
}

/* ? on the home screen: its keys, with the commands they run. */
static void
test_help_home(void **state)
{
	fix *f = *state;
	ui_view *home = ui_app_top(f->app);
	int a, b, n;

	ui_app_key(f->app, '?');
	assert_string_equal(ui_app_top(f->app)->cls->name, "help");
	check_keys_listed(f, home->cls->keys);
	check_keys_listed(f, ui_global_keys);
	ui_app_key(f->app, UI_KEY_END);
	indicator(f, &a, &b, &n);
	assert_int_equal(b, n);
	ui_app_key(f->app, 'q');
	assert_ptr_equal(ui_app_top(f->app), home);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_headline_first, setup, uc_teardown),
		cmocka_unit_test_setup_teardown(test_layers, setup, uc_teardown),
		cmocka_unit_test_setup_teardown(test_scroll, setup, uc_teardown),
		cmocka_unit_test_setup_teardown(test_two_results, setup, uc_teardown),
		cmocka_unit_test(test_utf8_chart),
		cmocka_unit_test_setup_teardown(test_resize, setup, uc_teardown),
		cmocka_unit_test_setup_teardown(test_wide_table, setup, uc_teardown),
		cmocka_unit_test_setup_teardown(test_reference, setup, uc_teardown),
		cmocka_unit_test_setup_teardown(test_back, setup, uc_teardown),
		cmocka_unit_test_setup_teardown(test_help_result, setup, uc_teardown),
		cmocka_unit_test_setup_teardown(test_help_home, setup, uc_teardown),
	};

	return cmocka_run_group_tests(tests, tc_group_setup, tc_group_teardown);
}
