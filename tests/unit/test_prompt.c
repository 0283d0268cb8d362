/*
 * test_prompt.c - unit tests for the workbench's ":" prompt (src/ui/prompt.c)
 * on readline's callback interface: keys go in as the app reads them, the
 * line comes out of a canvas. Tab completion against a session with cohort
 * open, editing in the middle, Enter, the shared history file and Up, Esc,
 * Meta keys, sanitised drawing, UTF-8 cursor columns and sideways scrolling.
 */
#include "config.h"

#include "ui_common.h"

#include <locale.h>

#include "edit.h"
#include "prompt.h"

static char *inputrc;		/* $INPUTRC: empty, or vi mode for test_vi */

typedef struct fix {
	char *hist;
	lt_session *s;
	ui_prompt *p;
	ui_canvas *c;
} fix;

/* Once: a catalog with cohort imported, and an empty inputrc. */
static int
group_setup(void **state)
{
	int rc = tc_group_setup(state);

	inputrc = tc_write_in(tc_group_dir, "inputrc", "");
	setenv("INPUTRC", inputrc, 1);
	return rc;
}

static int
group_teardown(void **state)
{
	free(inputrc);
	return tc_group_teardown(state);
}

/* A session with cohort open, a fresh history file, a prompt, a canvas. */
static int
setup(void **state)
{
	static int n;
	fix *f = lt_calloc(1, sizeof *f);

	f->hist = lt_sprintf("%s/history-%d", tc_group_dir, ++n);
	setenv("LANTERN_HISTORY", f->hist, 1);
	f->s = tc_group_session("open cohort", NULL);
	if (f->s == NULL)
		return -1;
	f->p = ui_prompt_new(f->s, 1);
	f->c = ui_canvas_new(8, 40, 1);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	fix *f = *state;

	ui_prompt_free(f->p);
	ui_canvas_free(f->c);
	lt_session_free(f->s);
	free(f->hist);
	free(f);
	return 0;
}

/* Feed one key; the prompt must still be editing. */
static void
key(fix *f, int k)
{
	char *line = NULL;

	assert_int_equal(ui_prompt_key(f->p, k, &line), UI_PROMPT_EDITING);
	assert_null(line);
}

/* Type UTF-8 text a code point at a time, as term.c would hand it over. */
static void
type(fix *f, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	while (*u != '\0') {
		int cp, extra;

		if (*u < 0x80) {
			cp = *u;
			extra = 0;
		} else if (*u < 0xe0) {
			cp = *u & 0x1f;
			extra = 1;
		} else if (*u < 0xf0) {
			cp = *u & 0x0f;
			extra = 2;
		} else {
			cp = *u & 0x07;
			extra = 3;
		}
		u++;
		while (extra-- > 0 && *u != '\0')
			cp = cp << 6 | (*u++ & 0x3f);
		key(f, cp);
	}
}

/* Press Enter and return the line (caller frees). */
static char *
enter(fix *f)
{
	char *line = NULL;

	assert_int_equal(ui_prompt_key(f->p, UI_KEY_ENTER, &line), UI_PROMPT_DONE);
	assert_non_null(line);
	assert_false(ui_prompt_active(f->p));
	return line;
}

/* Row y of the canvas after drawing the prompt at the bottom row, with up
   to rows_above rows of completions (caller frees). */
static char *
row(fix *f, int y, int rows_above)
{
	char *all, *r;

	ui_canvas_clear(f->c);
	ui_prompt_draw(f->p, f->c, f->c->h - 1, rows_above);
	all = uc_canvas_text(f->c);
	r = uc_text_line(all, y);
	free(all);
	return r;
}

/* The prompt line as drawn, and the cursor column, must be these. */
#define assert_drawn(f, want, col) do {					\
	char *got_ = row((f), (f)->c->h - 1, 0);			\
	assert_string_equal(got_, (want));				\
	free(got_);							\
	assert_int_equal((f)->c->cur_y, (f)->c->h - 1);			\
	assert_int_equal((f)->c->cur_x, (col));				\
} while (0)

/* ------------------------------------------------------------ tests */

static void
test_complete_command(void **state)
{
	fix *f = *state;
	char *line;

	ui_prompt_open(f->p, ":", NULL);
	assert_true(ui_prompt_active(f->p));
	assert_drawn(f, ":", 1);
	type(f, "des");
	key(f, UI_KEY_TAB);
	assert_drawn(f, ":describe", 10);	/* "describe " */
	type(f, "bm");
	key(f, UI_KEY_TAB);
	assert_drawn(f, ":describe bmi", 14);
	line = enter(f);
	assert_string_equal(line, "describe bmi");	/* the blank is dropped */
	free(line);
}

static void
test_complete_list(void **state)
{
	fix *f = *state;
	char *r;

	ui_prompt_open(f->p, ":", "open coh");
	key(f, UI_KEY_TAB);
	assert_drawn(f, ":open cohort", 12);
	/* As in the shell, two more Tabs list the choices (the first only rings
	   the bell, as nothing more could be completed). */
	key(f, UI_KEY_TAB);
	key(f, UI_KEY_TAB);
	/* The two choices are listed in the row above the prompt. */
	r = row(f, f->c->h - 2, 3);
	assert_true(tc_contains(r, "cohort"));
	assert_true(tc_contains(r, "cohort-counts"));
	free(r);
	r = row(f, f->c->h - 3, 3);
	assert_string_equal(r, "");
	free(r);
	/* Typing a key takes the list away. */
	type(f, "-");
	r = row(f, f->c->h - 2, 3);
	assert_string_equal(r, "");
	free(r);
	ui_prompt_cancel(f->p);
	assert_false(ui_prompt_active(f->p));

	/* Every command does not fit in two rows: "and N more". */
	ui_prompt_open(f->p, ":", NULL);
	key(f, UI_KEY_TAB);
	key(f, UI_KEY_TAB);
	r = row(f, f->c->h - 2, 2);
	assert_true(tc_contains(r, "and "));
	assert_true(tc_contains(r, " more"));
	free(r);
	r = row(f, f->c->h - 3, 2);
	assert_true(tc_contains(r, "compare"));	/* the first, alphabetically */
	free(r);
	r = row(f, f->c->h - 4, 2);
	assert_string_equal(r, "");
	free(r);
}

static void
test_edit_middle(void **state)
{
	fix *f = *state;
	char *line;

	ui_prompt_open(f->p, ":", NULL);
	type(f, "sort ag desc");
	for (int i = 0; i < 5; i++)
		key(f, UI_KEY_LEFT);
	assert_drawn(f, ":sort ag desc", 8);
	type(f, "e");
	assert_drawn(f, ":sort age desc", 9);
	key(f, UI_KEY_HOME);
	assert_drawn(f, ":sort age desc", 1);
	key(f, UI_KEY_DELETE);
	key(f, UI_KEY_RIGHT);
	key(f, UI_KEY_BACKSPACE);
	assert_drawn(f, ":rt age desc", 1);
	key(f, UI_KEY_END);
	assert_drawn(f, ":rt age desc", 12);
	key(f, UI_KEY_META | 'b');	/* Alt-b: back a word */
	assert_drawn(f, ":rt age desc", 8);
	key(f, 1);	/* Ctrl-A */
	type(f, "so");
	line = enter(f);
	assert_string_equal(line, "sort age desc");
	free(line);
}

static void
test_history(void **state)
{
	fix *f = *state;
	char *line, *text;

	ui_prompt_open(f->p, ":", NULL);
	type(f, "describe age");
	free(enter(f));
	ui_prompt_open(f->p, ":", NULL);
	type(f, "show 1 2  ");
	line = enter(f);
	assert_string_equal(line, "show 1 2");
	free(line);
	ui_prompt_open(f->p, ":", NULL);
	type(f, "show 1 2");	/* the same again: remembered once */
	free(enter(f));
	ui_prompt_open(f->p, ":", NULL);
	type(f, "   ");		/* blank: not remembered */
	line = enter(f);
	assert_string_equal(line, "");
	free(line);

	ui_prompt_open(f->p, ":", NULL);
	key(f, UI_KEY_UP);
	assert_drawn(f, ":show 1 2", 9);
	key(f, UI_KEY_UP);
	assert_drawn(f, ":describe age", 13);
	key(f, UI_KEY_DOWN);
	assert_drawn(f, ":show 1 2", 9);
	key(f, UI_KEY_DOWN);
	assert_drawn(f, ":", 1);
	ui_prompt_cancel(f->p);

	text = tc_read_file(f->hist, NULL);
	assert_string_equal(text, "describe age\nshow 1 2\n");
	free(text);

	/* A new prompt (as in the next run, or the shell) reads the file. */
	ui_prompt_free(f->p);
	f->p = ui_prompt_new(f->s, 1);
	assert_null(ui_prompt_warning(f->p));
	ui_prompt_open(f->p, ":", NULL);
	key(f, UI_KEY_UP);
	assert_drawn(f, ":show 1 2", 9);
	line = enter(f);
	assert_string_equal(line, "show 1 2");
	free(line);
}

static void
test_history_truncated(void **state)
{
	fix *f = *state;
	lt_buf b = LT_BUF_INIT;
	char *text;
	size_t lines = 0;

	for (int i = 0; i < UI_EDIT_HISTORY_MAX + 5; i++)
		lt_buf_printf(&b, "show %d\n", i);
	tc_write_file(f->hist, lt_buf_str(&b));
	lt_buf_free(&b);
	ui_prompt_free(f->p);
	f->p = ui_prompt_new(f->s, 1);
	ui_prompt_open(f->p, ":", NULL);
	type(f, "info");
	free(enter(f));
	text = tc_read_file(f->hist, NULL);
	for (const char *s = text; *s != '\0'; s++)
		lines += *s == '\n';
	assert_int_equal(lines, UI_EDIT_HISTORY_MAX);
	assert_true(tc_contains(text, "\ninfo\n"));
	assert_null(strstr(text, "show 5\n"));
	free(text);
}

static void
test_cancel(void **state)
{
	fix *f = *state;
	char *line = (char *)"x", *text;

	ui_prompt_open(f->p, ":", NULL);
	type(f, "abandoned");
	assert_int_equal(ui_prompt_key(f->p, UI_KEY_ESC, &line), UI_PROMPT_CANCELLED);
	assert_null(line);
	assert_false(ui_prompt_active(f->p));
	/* Nothing is drawn when the prompt is closed. */
	text = row(f, f->c->h - 1, 0);
	assert_string_equal(text, "");
	free(text);
	assert_int_equal(f->c->cur_y, -1);

	/* A new prompt starts empty; Ctrl-C and Ctrl-D on an empty line cancel. */
	ui_prompt_open(f->p, ":", NULL);
	assert_drawn(f, ":", 1);
	type(f, "abandoned too");
	assert_int_equal(ui_prompt_key(f->p, 3, &line), UI_PROMPT_CANCELLED);
	ui_prompt_open(f->p, ":", NULL);
	assert_int_equal(ui_prompt_key(f->p, 4, &line), UI_PROMPT_CANCELLED);
	assert_int_equal(ui_prompt_key(f->p, 'a', &line), UI_PROMPT_CANCELLED);

	/* Esc ends a Ctrl-R search and keeps the line found. */
	ui_prompt_open(f->p, ":", NULL);
	type(f, "describe sbp");
	free(enter(f));
	ui_prompt_open(f->p, ":", NULL);
	key(f, 18);	/* Ctrl-R */
	type(f, "sb");
	key(f, UI_KEY_ESC);
	assert_drawn(f, ":describe sbp", 10);
	ui_prompt_cancel(f->p);

	/* Ctrl-V Esc puts an Esc in the line (drawn sanitised). */
	ui_prompt_open(f->p, ":", NULL);
	key(f, 0x16);
	key(f, UI_KEY_ESC);
	assert_drawn(f, ":\xef\xbf\xbd", 2);
	ui_prompt_cancel(f->p);

	text = tc_read_file(f->hist, NULL);
	assert_null(strstr(text, "abandoned"));
	free(text);
}

static void
test_sanitised(void **state)
{
	fix *f = *state;
	char *r;

	ui_prompt_open(f->p, ":", "a\033[2Jb\007c\td");
	r = row(f, f->c->h - 1, 0);
	assert_null(strchr(r, '\033'));
	assert_null(strchr(r, '\007'));
	assert_null(strchr(r, '\t'));
	assert_true(tc_contains(r, ":a\xef\xbf\xbd[2Jb\xef\xbf\xbd" "c d"));
	free(r);
	assert_int_equal(f->c->cur_x, 11);
	ui_prompt_cancel(f->p);

	/* Not UTF-8: everything drawn is ASCII. */
	f->c->utf8 = 0;
	ui_prompt_open(f->p, ":", "caf\xc3\xa9 \033");
	assert_drawn(f, ":caf? ?", 7);
	ui_prompt_cancel(f->p);
}

static void
test_utf8_cursor(void **state)
{
	fix *f = *state;
	ui_cell *cell;
	char *line;

	ui_prompt_open(f->p, ":", NULL);
	type(f, "\xc3\xa9x");	/* "éx" */
	assert_drawn(f, ":\xc3\xa9x", 3);
	cell = ui_canvas_cell(f->c, f->c->h - 1, 1);
	assert_string_equal(cell->ch, "\xc3\xa9");
	key(f, UI_KEY_LEFT);
	assert_drawn(f, ":\xc3\xa9x", 2);
	key(f, UI_KEY_LEFT);
	assert_drawn(f, ":\xc3\xa9x", 1);
	type(f, "\xe2\x86\x92");	/* "→" */
	assert_drawn(f, ":\xe2\x86\x92\xc3\xa9x", 2);
	key(f, UI_KEY_DELETE);
	assert_drawn(f, ":\xe2\x86\x92x", 2);
	line = enter(f);
	assert_string_equal(line, "\xe2\x86\x92x");
	free(line);
}

static void
test_scroll(void **state)
{
	fix *f = *state;
	char *r;

	ui_canvas_resize(f->c, 3, 10);
	ui_prompt_open(f->p, ":", NULL);
	type(f, "abcdefghijklmnopqrst");
	/* The end of the line shows, the cursor after it in the last column. */
	r = row(f, 2, 0);
	assert_string_equal(r, ":mnopqrst");
	free(r);
	assert_int_equal(f->c->cur_x, 9);
	key(f, UI_KEY_HOME);
	r = row(f, 2, 0);
	assert_string_equal(r, ":abcdefghi");
	free(r);
	assert_int_equal(f->c->cur_x, 1);
	key(f, UI_KEY_END);
	key(f, UI_KEY_LEFT);
	r = row(f, 2, 0);
	assert_string_equal(r, ":lmnopqrst");
	free(r);
	assert_int_equal(f->c->cur_x, 9);
	/* Deleting brings text back in from the left. */
	for (int i = 0; i < 5; i++)
		key(f, UI_KEY_BACKSPACE);
	r = row(f, 2, 0);
	assert_string_equal(r, ":hijklmnt");
	free(r);
	assert_int_equal(f->c->cur_x, 8);
	ui_prompt_cancel(f->p);
}

/* Vi keys chosen in ~/.inputrc under "$if lantern" (read again with
   Ctrl-X Ctrl-R): Esc leaves insert mode, and cancels in command mode. */
static void
test_vi(void **state)
{
	fix *f = *state;
	char *line;

	tc_write_file(inputrc, "$if lantern\nset editing-mode vi\nset keymap vi-insert\n"
	    "\"\\C-x\\C-r\": re-read-init-file\n$endif\n");
	ui_prompt_open(f->p, ":", NULL);
	key(f, 0x18);	/* Ctrl-X Ctrl-R */
	key(f, 0x12);
	type(f, "abc");
	assert_drawn(f, ":abc", 4);
	key(f, UI_KEY_ESC);	/* to command mode: the cursor goes back one */
	assert_drawn(f, ":abc", 3);
	type(f, "0x");
	assert_drawn(f, ":bc", 1);
	type(f, "A");
	type(f, "d");
	key(f, UI_KEY_ESC);
	assert_int_equal(ui_prompt_key(f->p, UI_KEY_ESC, &line), UI_PROMPT_CANCELLED);
	assert_null(line);

	/* Enter in command mode; the next prompt starts in insert mode. */
	ui_prompt_open(f->p, ":", NULL);
	type(f, "info");
	key(f, UI_KEY_ESC);
	line = enter(f);
	assert_string_equal(line, "info");
	free(line);
	ui_prompt_open(f->p, ":", NULL);
	type(f, "ab");
	assert_drawn(f, ":ab", 3);

	/* Back to Emacs keys: Esc cancels at once. */
	tc_write_file(inputrc, "$if lantern\nset editing-mode emacs\n$endif\n");
	key(f, 0x18);
	key(f, 0x12);
	type(f, "c");
	assert_drawn(f, ":abc", 4);
	assert_int_equal(ui_prompt_key(f->p, UI_KEY_ESC, &line), UI_PROMPT_CANCELLED);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_complete_command, setup, teardown),
		cmocka_unit_test_setup_teardown(test_complete_list, setup, teardown),
		cmocka_unit_test_setup_teardown(test_edit_middle, setup, teardown),
		cmocka_unit_test_setup_teardown(test_history, setup, teardown),
		cmocka_unit_test_setup_teardown(test_history_truncated, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cancel, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sanitised, setup, teardown),
		cmocka_unit_test_setup_teardown(test_utf8_cursor, setup, teardown),
		cmocka_unit_test_setup_teardown(test_scroll, setup, teardown),
		cmocka_unit_test_setup_teardown(test_vi, setup, teardown),
	};

	/* Readline as a user with an empty ~/.inputrc on a plain terminal
	   sees it (group_setup sets INPUTRC). */
	setenv("TERM", "dumb", 1);
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "C.utf8");
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
