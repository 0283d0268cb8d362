/*
 * ui_common.h - what the TUI's unit tests share: a headless app on a
 * session with cohort open (on the group's catalog of test_common.h), and
 * the screen read back as text, whole or a line at a time.
 *
 * Everything is static inline so a test file uses only what it needs.
 */
#ifndef LT_UI_COMMON_H
#define LT_UI_COMMON_H

#include "test_common.h"

#include "canvas.h"
#include "ui.h"

/* A session with cohort open and a headless app on it. */
typedef struct uc_fix {
	lt_session *s;
	ui_app *app;
} uc_fix;

/*
 * A uc_fix with an app of h x w (UTF-8 drawing when utf8 is set) on the
 * group's catalog, made by tc_group_setup.
 */
static inline uc_fix *
uc_fix_new(int utf8, int h, int w)
{
	uc_fix *f = lt_calloc(1, sizeof *f);
	ui_opts uo;

	f->s = tc_group_session("open cohort", NULL);
	if (f->s == NULL)
		fail();
	memset(&uo, 0, sizeof uo);
	uo.s = f->s;
	uo.utf8 = utf8;
	f->app = ui_app_new(&uo, h, w);
	return f;
}

static inline void
uc_fix_free(uc_fix *f)
{
	ui_app_free(f->app);
	lt_session_free(f->s);
	free(f);
}

/* cmocka teardown for a uc_fix in *state. */
static inline int
uc_teardown(void **state)
{
	uc_fix_free(*state);
	return 0;
}

/* What canvas c shows, as text with a line per row (caller frees). */
static inline char *
uc_canvas_text(const ui_canvas *c)
{
	lt_buf b = LT_BUF_INIT;

	ui_canvas_dump(c, &b);
	return lt_buf_take(&b);
}

/* Line y of text (caller frees); the test fails when there is none. */
static inline char *
uc_text_line(const char *text, int y)
{
	const char *p = text;

	for (int i = 0; i < y && p != NULL; i++)
		if ((p = strchr(p, '\n')) != NULL)
			p++;
	assert_non_null(p);
	return lt_strndup(p, strcspn(p, "\n"));
}

/* The whole screen as text (caller frees). */
static inline char *
uc_screen(uc_fix *f)
{
	return uc_canvas_text(ui_app_draw(f->app));
}

/* Line y of the screen as text (caller frees). */
static inline char *
uc_line(uc_fix *f, int y)
{
	char *all = uc_screen(f), *l = uc_text_line(all, y);

	free(all);
	return l;
}

/* Does the screen show s? */
static inline int
uc_shows(uc_fix *f, const char *s)
{
	char *all = uc_screen(f);
	int yes = strstr(all, s) != NULL;

	free(all);
	return yes;
}

/* Assert that line y contains (or, when want is 0, lacks) s. */
static inline void
uc_line_has(uc_fix *f, int y, const char *s, int want)
{
	char *l = uc_line(f, y);

	if ((strstr(l, s) != NULL) != want) {
		char *all = uc_screen(f);

		print_error("line %d \"%s\" %s \"%s\"; the screen:\n%s\n", y, l,
		    want ? "lacks" : "has", s, all);
		free(all);
		fail();
	}
	free(l);
}

#endif
