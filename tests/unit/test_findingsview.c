/*
 * test_findingsview.c - unit tests for the findings store in the TUI,
 * driven through a headless app with a fresh store per test
 * ($LANTERN_FINDINGS in a temporary folder): p on a result asks a title
 * and an observation, shows the preview, and y posts it (checked with
 * "findings list" through the session); Esc cancels at every step; p
 * where nothing can be posted says why; the home screen's findings card
 * counts observations and the review queue, opens them with Enter and
 * shows a broken store as one line; R, c and w on "findings show N"; and
 * hostile titles never put a control character on the canvas.
 */
#include "config.h"

#include <pwd.h>
#include <stdlib.h>
#include <unistd.h>

#include "ui_common.h"

#define H	24
#define W	80

/* A uc_fix with the folder of its findings store. */
typedef struct fix {
	uc_fix *u;
	char *dir;
} fix;

/* ------------------------------------------------------------ fixtures */

static fix *
fix_new(const char *store)
{
	fix *f = lt_calloc(1, sizeof *f);
	char *path;

	f->dir = tc_tmpdir_new();
	path = store != NULL ? lt_strdup(store) : lt_sprintf("%s/findings.db", f->dir);
	setenv("LANTERN_FINDINGS", path, 1);
	free(path);
	f->u = uc_fix_new(1, H, W);
	return f;
}

static int
setup(void **state)
{
	*state = fix_new(NULL);
	return 0;
}

static int
teardown(void **state)
{
	fix *f = *state;

	uc_fix_free(f->u);
	tc_tmpdir_free(f->dir);
	unsetenv("LANTERN_FINDINGS");
	free(f);
	return 0;
}

/* ------------------------------------------------------------ helpers */

static void
key(fix *f, int k)
{
	ui_app_key(f->u->app, k);
}

/* Type ASCII text key by key. */
static void
type(fix *f, const char *s)
{
	for (; *s != '\0'; s++)
		key(f, (unsigned char)*s);
}

static int
shows(fix *f, const char *s)
{
	return uc_shows(f->u, s);
}

/* Fail, showing the screen, unless it shows s. */
static void
must_show(fix *f, const char *s)
{
	if (!shows(f, s)) {
		char *all = uc_screen(f->u);

		print_error("the screen lacks \"%s\":\n%s\n", s, all);
		free(all);
		fail();
	}
}

static const char *
top_class(fix *f)
{
	return ui_app_top(f->u->app)->cls->name;
}

static const char *
top_title(fix *f)
{
	const char *t = ui_app_top(f->u->app)->title;

	return t != NULL ? t : "";
}

/* Run text as the app does (a result view opens), and fail on an error. */
static void
run(fix *f, const char *text)
{
	if (ui_run(f->u->app, text) != 0) {
		char *all = uc_screen(f->u);

		print_error("\"%s\" failed:\n%s\n", text, all);
		free(all);
		fail();
	}
}

/*
 * The observations "findings list" shows, through the session: how many,
 * and (when title is not NULL) the title of the first (caller frees).
 */
static size_t
listed(fix *f, char **title)
{
	lt_result **rs = NULL;
	size_t n = 0, rows = 0;
	lt_error err;
	int quit = 0;

	if (title != NULL)
		*title = NULL;
	if (lt_session_collect(f->u->s, "findings list", &rs, &n, &quit, &err) != 0) {
		print_error("findings list failed: %s\n", err.msg);
		fail();
	}
	assert_int_equal(n, 1);
	assert_true(rs[0]->ntables > 0);
	rows = rs[0]->tables[0]->nrows;
	if (title != NULL && rows > 0)
		*title = lt_strdup(lt_table_cell(rs[0]->tables[0], 0, 2)->text);
	lt_result_free(rs[0]);
	free(rs);
	return rows;
}

/* p, then the two answers (NULL: stop before that question). */
static void
post_keys(fix *f, const char *title, const char *text)
{
	key(f, 'p');
	uc_line_has(f->u, H - 1, "Title:", 1);
	if (title == NULL)
		return;
	type(f, title);
	key(f, UI_KEY_ENTER);
	uc_line_has(f->u, H - 1, "Your observation (in your own words):", 1);
	if (text == NULL)
		return;
	type(f, text);
	key(f, UI_KEY_ENTER);
}

/* No cell of the canvas holds a control character (C0, DEL or C1). */
static void
no_controls(fix *f)
{
	ui_canvas *c = ui_app_draw(f->u->app);

	for (int y = 0; y < c->h; y++)
		for (int x = 0; x < c->w; x++) {
			const unsigned char *p = (const unsigned char *)
			    ui_canvas_cell(c, y, x)->ch;

			for (size_t i = 0; p[i] != '\0'; i++)
				if (p[i] < 0x20 || p[i] == 0x7f ||
				    (p[i] == 0xc2 && p[i + 1] >= 0x80 && p[i + 1] <= 0x9f)) {
					print_error("a control character at %d,%d\n", y, x);
					fail();
				}
		}
}

static char *
login(void)
{
	const struct passwd *pw = getpwuid(getuid());

	return pw != NULL ? lt_strdup(pw->pw_name) : lt_sprintf("uid%ld", (long)getuid());
}

/* ------------------------------------------------------------ posting */

/* p, a title, an observation, the preview, y: the store has it. */
static void
test_post(void **state)
{
	fix *f = *state;
	char *title;

	run(f, "describe bmi");
	post_keys(f, "BMI \"average\" C:\\ here", "Most people are near 27.");
	assert_string_equal(top_class(f), "preview");
	must_show(f, "This is exactly what will be shared when you post it");
	must_show(f, "BMI \"average\" C:\\ here");
	must_show(f, "Most people are near 27.");
	must_show(f, "describe bmi");
	uc_line_has(f->u, H - 1, "y post it  Esc cancel", 1);
	assert_int_equal(listed(f, NULL), 0);

	key(f, 'y');
	assert_string_equal(top_class(f), "result");
	must_show(f, "Posted observation 1.");
	assert_int_equal(listed(f, &title), 1);
	assert_string_equal(title, "BMI \"average\" C:\\ here");
	free(title);

	/* the preview is gone: back is the analysis, and nothing posts twice */
	key(f, UI_KEY_ESC);
	assert_string_equal(top_title(f), "describe bmi");
	assert_int_equal(listed(f, NULL), 1);
}

/* Esc at either question or on the preview posts nothing, and says so. */
static void
test_post_cancel(void **state)
{
	fix *f = *state;

	run(f, "describe bmi");
	post_keys(f, NULL, NULL);
	key(f, UI_KEY_ESC);
	must_show(f, "Nothing was posted.");
	assert_string_equal(top_title(f), "describe bmi");

	post_keys(f, "A title", NULL);
	key(f, UI_KEY_ESC);
	must_show(f, "Nothing was posted.");

	post_keys(f, "A title", NULL);
	key(f, 3);	/* Ctrl-C */
	must_show(f, "Nothing was posted.");

	post_keys(f, "A title", "Words");
	assert_string_equal(top_class(f), "preview");
	key(f, UI_KEY_ESC);
	must_show(f, "Nothing was posted.");
	assert_string_equal(top_title(f), "describe bmi");

	/* a blank answer stops too */
	key(f, 'p');
	type(f, "   ");
	key(f, UI_KEY_ENTER);
	must_show(f, "needs a title");
	assert_int_equal(listed(f, NULL), 0);
}

/* p where nothing can be posted: the core's sentence, or why not this. */
static void
test_post_refused(void **state)
{
	fix *f = *state;

	run(f, "help describe");
	key(f, 'p');
	must_show(f, "Only the result of an analysis can be posted");
	uc_line_has(f->u, H - 1, "Title:", 0);
	key(f, UI_KEY_ESC);

	run(f, "describe bmi");
	run(f, "findings list");
	key(f, 'p');
	must_show(f, "Only the result of an analysis can be posted");
	assert_int_equal(listed(f, NULL), 0);
}

/* p on an older result posts that one, not the latest analysis. */
static void
test_post_older(void **state)
{
	fix *f = *state;

	run(f, "describe bmi");
	run(f, "freq smoking");
	key(f, UI_KEY_ESC);
	assert_string_equal(top_title(f), "describe bmi");
	post_keys(f, "BMI", "About 27.");
	assert_string_equal(top_class(f), "preview");
	key(f, UI_KEY_END);
	key(f, UI_KEY_HOME);
	must_show(f, "describe bmi");
	assert_false(shows(f, "freq smoking"));
	key(f, 'y');
	must_show(f, "Posted observation 1.");
}

/* ------------------------------------------------------------ home */

/* Go down to the findings card, past the datasets. */
static void
to_card(fix *f)
{
	for (int i = 0; i < 20; i++)
		key(f, UI_KEY_DOWN);
}

static void
test_home_card(void **state)
{
	fix *f = *state;
	char *me = login(), *cmd;

	to_card(f);
	must_show(f, "Your observations: 0");
	assert_false(shows(f, "Review queue"));

	run(f, "describe bmi");
	run(f, "post \"One\" \"Words\"");
	key(f, UI_KEY_ESC);
	key(f, UI_KEY_ESC);
	assert_string_equal(top_class(f), "home");
	to_card(f);
	must_show(f, "Your observations: 1, none need changes");
	key(f, UI_KEY_ENTER);
	assert_string_equal(top_title(f), "findings list --mine");
	must_show(f, "One");
	key(f, UI_KEY_ESC);

	/* a reviewer sees the queue, and Enter opens it */
	cmd = lt_sprintf("findings reviewer add %s", me);
	run(f, cmd);
	free(cmd);
	key(f, UI_KEY_ESC);
	to_card(f);
	must_show(f, "Review queue: ");
	key(f, UI_KEY_ENTER);
	assert_string_equal(top_title(f), "findings list --todo");
	free(me);
}

/* A store that cannot be opened is one line on the card, never a crash. */
static void
test_home_bad_store(void **state)
{
	fix *f = fix_new("/nonexistent-lantern-folder/x/findings.db");

	*state = f;
	to_card(f);
	must_show(f, "The findings store cannot be read");
	assert_false(shows(f, "Your observations"));
	key(f, UI_KEY_ENTER);
	assert_string_equal(top_class(f), "home");
	must_show(f, "for the findings store");
	run(f, "describe bmi");
	key(f, 'p');
	must_show(f, "for the findings store");
}

/* ------------------------------------------------------------ reviewing */

static void
test_review_keys(void **state)
{
	fix *f = *state;
	char *me = login(), *cmd = lt_sprintf("findings reviewer add %s", me);

	run(f, cmd);
	free(cmd);
	free(me);
	run(f, "describe bmi");
	run(f, "post \"One\" \"Words\"");
	run(f, "findings show 1");
	assert_string_equal(top_class(f), "finding");
	key(f, 'R');
	assert_string_equal(top_title(f), "findings rerun 1");
	must_show(f, "Observation 1 reproduces");
	key(f, UI_KEY_ESC);

	/* c: the verdict written out, the cursor inside the quotes */
	key(f, 'c');
	uc_line_has(f->u, H - 1, ":findings review 1 changes \"\"", 1);
	type(f, "More");
	uc_line_has(f->u, H - 1, ":findings review 1 changes \"More\"", 1);
	key(f, UI_KEY_ENTER);
	must_show(f, "cannot review your own observation");	/* the core's rule */

	key(f, 'w');
	uc_line_has(f->u, H - 1, ":findings withdraw 1", 1);
	key(f, UI_KEY_ENTER);
	must_show(f, "Observation 1 is withdrawn");
}

/* ------------------------------------------------------------ hostile text */

static void
test_canvas_controls(void **state)
{
	ui_canvas *c = ui_canvas_new(3, 40, 1);
	lt_buf b = LT_BUF_INIT;

	(void)state;
	ui_canvas_text(c, 0, 0, -1, UI_NORMAL, "A \033]0;pwned\007 title\033[2J\x9b\r\n");
	ui_canvas_dump(c, &b);
	for (size_t i = 0; i < b.len; i++)
		if (b.s[i] != '\n')
			assert_true((unsigned char)b.s[i] >= 0x20 && b.s[i] != 0x7f);
	assert_null(strchr(lt_buf_str(&b), '\033'));
	lt_buf_free(&b);
	ui_canvas_free(c);
}

/* A title with a terminal's retitle sequence, typed and posted, shown everywhere. */
static void
test_hostile_title(void **state)
{
	fix *f = *state;
	char *title;

	run(f, "describe bmi");
	key(f, 'p');
	type(f, "Evil ");
	key(f, 0x16);	/* Ctrl-V: the next key is taken as it is */
	key(f, UI_KEY_ESC);
	type(f, "]0;pwned");
	key(f, 0x16);
	key(f, 7);
	type(f, " end");
	no_controls(f);
	key(f, UI_KEY_ENTER);
	type(f, "Text");
	key(f, UI_KEY_ENTER);
	assert_string_equal(top_class(f), "preview");
	no_controls(f);
	key(f, 'y');
	must_show(f, "Posted observation 1.");
	no_controls(f);
	assert_int_equal(listed(f, &title), 1);
	assert_null(strchr(title, '\033'));
	assert_null(strchr(title, '\007'));
	free(title);

	/* and stored raw by someone else's program: shown harmlessly */
	run(f, "post \"Raw \033]0;pwned\007 title\" \"Text\"");
	run(f, "findings list");
	no_controls(f);
	run(f, "findings show 2");
	no_controls(f);
	key(f, UI_KEY_ESC);
	key(f, UI_KEY_ESC);
	key(f, UI_KEY_ESC);
	key(f, UI_KEY_ESC);
	key(f, UI_KEY_ESC);
	to_card(f);
	no_controls(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_post, setup, teardown),
		cmocka_unit_test_setup_teardown(test_post_cancel, setup, teardown),
		cmocka_unit_test_setup_teardown(test_post_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_post_older, setup, teardown),
		cmocka_unit_test_setup_teardown(test_home_card, setup, teardown),
		cmocka_unit_test_teardown(test_home_bad_store, teardown),
		cmocka_unit_test_setup_teardown(test_review_keys, setup, teardown),
		cmocka_unit_test(test_canvas_controls),
		cmocka_unit_test_setup_teardown(test_hostile_title, setup, teardown),
	};

	return cmocka_run_group_tests(tests, tc_group_setup, tc_group_teardown);
}
