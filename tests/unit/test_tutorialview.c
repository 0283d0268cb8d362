/*
 * test_tutorialview.c - unit tests for the tutorial panel in the TUI,
 * driven through a headless app on a catalog of its own per test, with a
 * small tutorial written by the test: a say step (emphasis and commands
 * drawn in their styles), a do step the learner does in the table browser
 * (the panel praises and moves on with Enter), hints that cycle, "show me"
 * passing a step, a choice answered wrong then right, a number and a
 * reflection typed in the prompt line, the finish step's summary saved to
 * a file; progress resumed after the app restarts; the home screen's list
 * of tutorials; the panel beside the views on a wide screen and below them
 * at 80x24; and the panel's keys clashing with no view's keys.
 */
#include "config.h"

#include <stdlib.h>
#include <unistd.h>

#include "ui_common.h"

#define H	24
#define W	80

static const char lesson[] =
	"title: Test lesson\n"
	"audience: testers\n"
	"minutes: 5\n"
	"dataset: cohort\n"
	"steps:\n"
	"  - say: Hello *there*. Soon you run `describe bmi` yourself.\n"
	"  - do: Sort the rows by *age*.\n"
	"    check:\n"
	"      - sort: age\n"
	"    hints:\n"
	"      - First hint.\n"
	"      - Second hint.\n"
	"    show: sort age\n"
	"    praise: Sorted well.\n"
	"  - do: Describe bmi.\n"
	"    check:\n"
	"      - ran: describe bmi\n"
	"    show: describe bmi\n"
	"  - ask: Which is a colour?\n"
	"    choices:\n"
	"      - Dog\n"
	"      - Red\n"
	"    answer: Red\n"
	"  - ask: How many rows does cohort have?\n"
	"    number: 20000\n"
	"    tolerance: 0\n"
	"  - ask: What did you learn?\n"
	"    reflect: true\n"
	"  - finish: |\n"
	"      You learned to sort.\n"
	"      You learned to describe a column.\n"
	"      You answered questions in three ways.\n"
	"      You saved what you wrote.\n"
	"      You can take it again from the home screen.\n"
	"      Well done.\n";

typedef struct fix {
	char *dir;
	lt_session *s;
	ui_app *app;
} fix;

/* A new app on f's session, h x w, starting tutorial (may be NULL). */
static void
app_new(fix *f, int h, int w, const char *tutorial)
{
	ui_opts uo;

	memset(&uo, 0, sizeof uo);
	uo.s = f->s;
	uo.utf8 = 1;
	uo.tutorial = tutorial;
	f->app = ui_app_new(&uo, h, w);
}

static int
setup(void **state)
{
	fix *f = lt_calloc(1, sizeof *f);
	char *db, *path;

	f->dir = tc_tmpdir_new();
	db = tc_path(f->dir, "lantern.db");
	f->s = tc_session_new(db, NULL);
	free(db);
	assert_non_null(f->s);
	path = tc_write_in(f->dir, "t.yaml", lesson);
	free(path);
	setenv("LANTERN_TUTORIALS", f->dir, 1);
	setenv("HOME", f->dir, 1);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	fix *f = *state;

	ui_app_free(f->app);
	lt_session_free(f->s);
	tc_tmpdir_free(f->dir);
	free(f);
	return 0;
}

static void
key(fix *f, int k)
{
	ui_app_key(f->app, k);
}

static void
type(fix *f, const char *s)
{
	for (; *s != '\0'; s++)
		key(f, (unsigned char)*s);
}

static int
shows(fix *f, const char *s)
{
	lt_buf b = LT_BUF_INIT;
	int yes;

	ui_canvas_dump(ui_app_draw(f->app), &b);
	yes = strstr(lt_buf_str(&b), s) != NULL;
	if (!yes)
		print_message("the screen lacks \"%s\":\n%s\n", s, lt_buf_str(&b));
	lt_buf_free(&b);
	return yes;
}

#define must_show(f, s)	assert_true(shows((f), (s)))

static int
lacks(fix *f, const char *s)
{
	lt_buf b = LT_BUF_INIT;
	int no;

	ui_canvas_dump(ui_app_draw(f->app), &b);
	no = strstr(lt_buf_str(&b), s) == NULL;
	if (!no)
		print_message("the screen has \"%s\":\n%s\n", s, lt_buf_str(&b));
	lt_buf_free(&b);
	return no;
}

/* Where s starts on the screen: its row and column (-1 when absent). */
static void
find(fix *f, const char *s, int *y, int *x)
{
	ui_canvas *c = ui_app_draw(f->app);
	lt_buf b = LT_BUF_INIT;

	*y = *x = -1;
	for (int r = 0; r < c->h && *y < 0; r++) {
		const char *p;

		lt_buf_reset(&b);
		for (int col = 0; col < c->w; col++) {
			const ui_cell *cell = ui_canvas_cell(c, r, col);

			lt_buf_puts(&b, cell->ch[0] != '\0' ? cell->ch : " ");
		}
		if ((p = strstr(lt_buf_str(&b), s)) != NULL) {
			*y = r;
			*x = 0;
			for (const char *q = lt_buf_str(&b); q < p; q++)
				*x += ((unsigned char)*q & 0xc0) != 0x80;
		}
	}
	lt_buf_free(&b);
}

/* The role of the cell where s starts on the screen. */
static int
role_at(fix *f, const char *s)
{
	int y, x;

	find(f, s, &y, &x);
	assert_true(y >= 0);
	return ui_canvas_cell(ui_app_draw(f->app), y, x)->role;
}

/* The last line of the screen (the key bar or the prompt), as text. */
static char *
bar(fix *f)
{
	ui_canvas *c = ui_app_draw(f->app);
	lt_buf b = LT_BUF_INIT;

	for (int col = 0; col < c->w; col++) {
		const ui_cell *cell = ui_canvas_cell(c, c->h - 1, col);

		lt_buf_puts(&b, cell->ch[0] != '\0' ? cell->ch : " ");
	}
	return lt_buf_take(&b);
}

static void
bar_has(fix *f, const char *s)
{
	char *l = bar(f);

	if (strstr(l, s) == NULL) {
		print_error("the key bar \"%s\" lacks \"%s\"\n", l, s);
		free(l);
		fail();
	}
	free(l);
}

/* ------------------------------------------------------------ the flow */

static void
test_flow(void **state)
{
	fix *f = *state;
	char *path, *text;

	app_new(f, H, W, "t");
	assert_non_null(ui_app_tutorial(f->app));
	/* the dataset is open and the panel is docked below the table */
	assert_string_equal(ui_app_top(f->app)->cls->name, "table");
	must_show(f, "Tutorial: Test lesson");
	must_show(f, "Step 1 of 7");
	must_show(f, "Hello there. Soon you run describe bmi yourself.");
	assert_int_equal(role_at(f, "there."), UI_EMPH);
	assert_int_equal(role_at(f, "describe bmi yourself"), UI_CODE);
	assert_int_equal(role_at(f, "Hello"), UI_NORMAL);
	must_show(f, "Opened cohort");
	key(f, 12);		/* Ctrl-L: the message goes, the key bar shows */
	bar_has(f, "Enter next");

	/* say: Enter goes on */
	key(f, UI_KEY_ENTER);
	must_show(f, "Step 2 of 7");
	must_show(f, "Sort the rows by age.");
	bar_has(f, "h hint");
	bar_has(f, "m show me");
	bar_has(f, "n skip");
	/* Enter is the table's again: it inspects the column */
	key(f, UI_KEY_ENTER);
	assert_string_equal(ui_app_top(f->app)->cls->name, "result");
	must_show(f, "Step 2 of 7");
	key(f, UI_KEY_ESC);
	assert_string_equal(ui_app_top(f->app)->cls->name, "table");

	/* hints cycle, F1 too */
	key(f, 'h');
	must_show(f, "Hint: First hint.");
	key(f, UI_KEY_F1);
	must_show(f, "Hint: Second hint.");
	assert_true(lacks(f, "First hint."));
	key(f, 'h');
	must_show(f, "Hint: First hint.");

	/* the learner does it in the table (s on the age column): praise */
	key(f, 's');
	must_show(f, "Sorted well.");
	assert_true(lacks(f, "Hint:"));
	must_show(f, "Rows are sorted by age");
	key(f, 12);
	bar_has(f, "Enter next");
	key(f, UI_KEY_ENTER);
	must_show(f, "Step 3 of 7");
	must_show(f, "Describe bmi.");

	/* another command does not pass it; show me does */
	type(f, ":sort off\n");
	must_show(f, "Step 3 of 7");
	assert_true(lacks(f, "Enter next"));
	key(f, 'h');
	must_show(f, "This step has no hints.");
	key(f, 'm');
	assert_string_equal(ui_app_top(f->app)->cls->name, "result");
	must_show(f, "That is how it is done.");
	/* Enter is the panel's now, even on a result */
	key(f, UI_KEY_ENTER);
	must_show(f, "Step 4 of 7");

	/* a choice: wrong, then right */
	must_show(f, "Which is a colour?");
	must_show(f, "1 Dog");
	must_show(f, "2 Red");
	bar_has(f, "? help");
	key(f, '3');
	must_show(f, "Choose a number from 1 to 2.");
	key(f, '1');
	must_show(f, "Not quite.");
	key(f, '2');
	must_show(f, "That's right.");
	key(f, UI_KEY_ENTER);
	must_show(f, "Step 5 of 7");

	/* a number, in the prompt line */
	bar_has(f, "Enter answer");
	key(f, UI_KEY_ENTER);
	must_show(f, "Your answer (a number):");
	type(f, "19999\n");
	must_show(f, "too low");
	key(f, UI_KEY_ENTER);
	type(f, "20,000\n");
	must_show(f, "That's right.");
	key(f, UI_KEY_ENTER);

	/* a reflection; Esc cancels the prompt and changes nothing */
	must_show(f, "Step 6 of 7");
	key(f, UI_KEY_ENTER);
	key(f, UI_KEY_ESC);
	must_show(f, "Step 6 of 7");
	assert_true(lacks(f, "Thank you"));
	key(f, UI_KEY_ENTER);
	type(f, "Sorting keeps the people\n");
	must_show(f, "Thank you.");
	key(f, UI_KEY_ENTER);

	/* the finish: the summary, saved where asked (the default here) */
	must_show(f, "Step 7 of 7");
	must_show(f, "You learned to sort.");
	must_show(f, "Your answers and notes");
	must_show(f, "Your answer: Red");
	/* the summary is longer than the panel here: Down scrolls it */
	must_show(f, "press Down to read on");
	must_show(f, "Up/Down scroll");
	for (int i = 0; i < 10; i++)
		key(f, UI_KEY_DOWN);
	must_show(f, "You wrote: Sorting keeps the people");
	assert_string_equal(ui_app_top(f->app)->cls->name, "result");
	bar_has(f, "Enter save");
	key(f, 'n');
	must_show(f, "This is the last step");
	key(f, UI_KEY_ENTER);
	must_show(f, "or just press Enter to save it in");
	must_show(f, "~/lantern-t.txt.");
	must_show(f, "Save in:");
	key(f, UI_KEY_ENTER);
	must_show(f, "Your summary is saved in ~/lantern-t.txt.");
	must_show(f, "Press Enter to close the tutorial.");
	path = tc_path(f->dir, "lantern-t.txt");
	text = tc_read_file(path, NULL);
	assert_true(tc_contains(text, "Test lesson"));
	assert_true(tc_contains(text, "You wrote: Sorting keeps the people"));
	assert_true(tc_contains(text, "Your answer: Red"));
	assert_true(tc_contains(text, "You learned to sort."));
	free(text);
	free(path);
	bar_has(f, "Enter close");
	key(f, UI_KEY_ENTER);
	assert_null(ui_app_tutorial(f->app));
	must_show(f, "You finished \"Test lesson\".");
	assert_true(lacks(f, "Tutorial:"));
	/* the panel's keys are gone with it */
	key(f, 'n');
	must_show(f, "That key does nothing here");
}

/* Progress is kept: a new app resumes where the learner left off. */
static void
test_resume(void **state)
{
	fix *f = *state;

	app_new(f, H, W, "t");
	key(f, UI_KEY_ENTER);
	key(f, 'n');		/* skip the sorting */
	must_show(f, "Step 3 of 7");
	ui_app_free(f->app);

	app_new(f, H, W, "t");
	must_show(f, "Step 3 of 7");
	must_show(f, "Welcome back! You are at step 3 of 7.");
	/* x stops it; the place is still kept */
	key(f, 'x');
	assert_null(ui_app_tutorial(f->app));
	must_show(f, "Your place is kept");
	ui_app_free(f->app);

	app_new(f, H, W, NULL);
	assert_null(ui_app_tutorial(f->app));
	assert_int_equal(ui_tutorial_start(f->app, "t"), 0);
	must_show(f, "Step 3 of 7");

	/* a finished tutorial starts again from the top */
	for (int i = 0; i < 4; i++)
		key(f, 'n');
	must_show(f, "Step 7 of 7");
	key(f, 'x');
	assert_null(ui_app_tutorial(f->app));
	ui_app_free(f->app);
	app_new(f, H, W, "t");
	must_show(f, "Step 1 of 7");
	must_show(f, "starts again from the top");
}

/* A name that is not installed, or a broken file, says so and starts nothing. */
static void
test_missing(void **state)
{
	fix *f = *state;
	char *bad = tc_write_in(f->dir, "bad.yaml", "title: [\n");

	app_new(f, H, W, "nope");
	assert_null(ui_app_tutorial(f->app));
	must_show(f, "There is no tutorial called \"nope\"");
	assert_int_equal(ui_tutorial_start(f->app, bad), 1);
	assert_null(ui_app_tutorial(f->app));
	must_show(f, "The tutorial cannot be read");
	free(bad);
}

/* The home screen lists the tutorials; Enter on one starts it. */
static void
test_home(void **state)
{
	fix *f = *state;

	app_new(f, 60, W, NULL);
	must_show(f, "Tutorials");
	assert_true(lacks(f, "No tutorials are installed yet."));
	must_show(f, "Test lesson");
	must_show(f, "5 minutes \xc2\xb7 7 steps, not started \xc2\xb7 testers");
	/* down past the seven datasets to it */
	for (int i = 0; i < 7; i++)
		key(f, UI_KEY_DOWN);
	key(f, UI_KEY_ENTER);
	assert_non_null(ui_app_tutorial(f->app));
	must_show(f, "Step 1 of 7");
	key(f, UI_KEY_ENTER);
	key(f, 'q');		/* back to the home screen: its list says how far */
	assert_string_equal(ui_app_top(f->app)->cls->name, "home");
	must_show(f, "you are at step 2 of 7");
	/* the help lists the tutorial's keys while one runs */
	key(f, '?');
	must_show(f, "Keys of the tutorial");
	must_show(f, "show me: do this step for me");
}

/* Wide: the panel is beside the views, and they draw in what is left. */
static void
test_wide(void **state)
{
	fix *f = *state;
	int y, x, pw = ui_tutorial_side(120);
	ui_canvas *c;

	assert_int_equal(ui_tutorial_side(80), 0);
	assert_true(pw >= 36);
	app_new(f, 30, 120, "t");
	find(f, "Tutorial: Test lesson", &y, &x);
	assert_int_equal(y, 1);
	assert_int_equal(x, 120 - pw + 2);
	key(f, 12);
	find(f, "Step 1 of 7", &y, &x);
	assert_int_equal(y, 2);
	c = ui_app_draw(f->app);
	for (int r = 1; r < 29; r++)
		assert_string_equal(ui_canvas_cell(c, r, 120 - pw)->ch, "\xe2\x94\x82");
	/* the table's status line ends before the panel */
	find(f, "row 1 of 20,000", &y, &x);
	assert_int_equal(y, 28);
	assert_true(x < 120 - pw);
	bar_has(f, "Enter next");
}

/* At 80x24 the panel takes the bottom rows; nothing overlaps. */
static void
test_small(void **state)
{
	fix *f = *state;
	int y, x, ys, xs;

	app_new(f, H, W, "t");
	key(f, 12);
	find(f, "Tutorial: Test lesson", &y, &x);
	find(f, "row 1 of 20,000", &ys, &xs);
	assert_true(ys >= 0 && ys < y);
	assert_true(y >= H - 1 - 11 && y <= H - 1 - 8);
	find(f, "Enter next", &ys, &xs);
	assert_int_equal(ys, H - 2);	/* the panel's keys, above the key bar */
	/* a long message pushes the panel up, not over its keys */
	ui_message(f->app, "%s", "This message is long enough to need two lines at eighty "
	    "columns, so the panel must move up by one row to make room for it.");
	find(f, "Enter next", &ys, &xs);
	assert_int_equal(ys, H - 3);
}

/* No key of the panel is a key of a view, or a global key (Enter aside). */
static void
test_keys(void **state)
{
	const ui_view_class *views[] = {
		&ui_home_class, &ui_table_class, &ui_result_class, &ui_preview_class,
		&ui_finding_class, &ui_help_class, &ui_guide_class
	};

	(void)state;
	for (const ui_key *t = ui_tutorial_keys; t->name != NULL; t++) {
		if (t->key == UI_KEY_ENTER)
			continue;
		for (int d = 0; d < (t->key == '1' ? 9 : 1); d++) {
			int k = t->key + d;

			for (size_t v = 0; v < sizeof views / sizeof views[0]; v++)
				for (const ui_key *o = views[v]->keys; o->name != NULL; o++)
					if (o->key == k) {
						print_error("%s: %s is a key of %s\n", t->name, o->name,
						    views[v]->name);
						fail();
					}
			for (const ui_key *o = ui_global_keys; o->name != NULL; o++)
				assert_int_not_equal(o->key, k);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_flow, setup, teardown),
		cmocka_unit_test_setup_teardown(test_resume, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_home, setup, teardown),
		cmocka_unit_test_setup_teardown(test_wide, setup, teardown),
		cmocka_unit_test_setup_teardown(test_small, setup, teardown),
		cmocka_unit_test(test_keys),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
