/*
 * help.c - the help view ("?"): the keys of the screen it was opened
 * from and the keys that work everywhere, made from the same key tables
 * that handle the keys, then where to find the commands.
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "ui.h"

#define MARGIN	1	/* blank columns left and right of the text */

enum { A_UP = 1, A_DOWN, A_PGUP, A_PGDN, A_HOME, A_END };

static const ui_key help_keys[] = {
	{ UI_KEY_DOWN, "Down", "scroll down a line", NULL, A_DOWN, NULL },
	{ UI_KEY_UP, "Up", "scroll up a line", NULL, A_UP, NULL },
	{ UI_KEY_PGDN, "PgDn", "next page", NULL, A_PGDN, "next page" },
	{ UI_KEY_PGUP, "PgUp", "previous page", NULL, A_PGUP, "page back" },
	{ UI_KEY_HOME, "Home", "go to the top", NULL, A_HOME, NULL },
	{ UI_KEY_END, "End", "go to the bottom", NULL, A_END, NULL },
	{ 0, NULL, NULL, NULL, 0, NULL }
};

typedef struct help_line {
	char *s;
	int role;
} help_line;

typedef struct help_view {
	ui_view v;
	const ui_key *keys;	/* the other view's keys (static tables) */
	int top;		/* first line shown */
	int page;		/* lines in the last draw's text area */
	help_line *lines;
	size_t nlines, cap;
	int cwidth;		/* the width lines were made for; 0 = none */
} help_view;

static void
add_line(help_view *hv, const char *s, size_t len, int role)
{
	help_line *l;

	hv->lines = lt_grow(hv->lines, &hv->cap, hv->nlines + 1, sizeof *hv->lines);
	l = &hv->lines[hv->nlines++];
	l->s = lt_strndup(s, len);
	l->role = role;
}

/* Add each line of text in role. */
static void
add_text(help_view *hv, const char *text, int role)
{
	while (*text != '\0') {
		size_t len = strcspn(text, "\n");

		add_line(hv, text, len, role);
		text += len;
		if (*text == '\n')
			text++;
	}
}

static void
clear_lines(help_view *hv)
{
	for (size_t i = 0; i < hv->nlines; i++)
		free(hv->lines[i].s);
	hv->nlines = 0;
	hv->cwidth = 0;
}

/* The widest key name in keys. */
static size_t
name_width(const ui_key *keys, size_t w)
{
	for (; keys != NULL && keys->name != NULL; keys++)
		if (strlen(keys->name) > w)
			w = strlen(keys->name);
	return w;
}

/* A heading, then one wrapped entry per key: "  s     sort by ... (runs: ...)". */
static void
add_keys(help_view *hv, const char *heading, const ui_key *keys, size_t namew,
    int width)
{
	int utf8 = ui_utf8(hv->v.app);
	lt_buf b = LT_BUF_INIT, prefix = LT_BUF_INIT, text = LT_BUF_INIT;

	add_line(hv, heading, strlen(heading), UI_EMPH);
	for (; keys != NULL && keys->name != NULL; keys++) {
		lt_buf_reset(&prefix);
		lt_buf_reset(&text);
		lt_buf_printf(&prefix, "  %-*s  ", (int)namew, keys->name);
		lt_buf_puts(&text, keys->help);
		if (keys->command == NULL) {
			lt_text_wrap(&b, lt_buf_str(&text), (size_t)width,
			    lt_buf_str(&prefix), namew + 4, utf8);
			continue;
		}
		/* "(runs: ...)" on the same line when it fits, else on its own. */
		lt_buf_printf(&text, " (runs: %s)", keys->command);
		if (namew + 4 + lt_text_width(lt_buf_str(&text)) <= (size_t)width) {
			lt_text_wrap(&b, lt_buf_str(&text), (size_t)width,
			    lt_buf_str(&prefix), namew + 4, utf8);
			continue;
		}
		lt_text_wrap(&b, keys->help, (size_t)width, lt_buf_str(&prefix),
		    namew + 4, utf8);
		lt_buf_pad(&b, ' ', namew + 4);
		lt_buf_reset(&text);
		lt_buf_printf(&text, "(runs: %s)", keys->command);
		lt_text_sanitize(&b, lt_buf_str(&text), utf8);
		lt_buf_putc(&b, '\n');
	}
	add_text(hv, lt_buf_str(&b), UI_NORMAL);
	lt_buf_free(&b);
	lt_buf_free(&prefix);
	lt_buf_free(&text);
}

/* Make the lines for width columns. */
static void
build(help_view *hv, int width)
{
	size_t namew = name_width(ui_global_keys, name_width(hv->keys, 0));
	int tutorial = ui_app_tutorial(hv->v.app) != NULL;
	lt_buf b = LT_BUF_INIT;

	clear_lines(hv);
	lt_text_wrap(&b, "Every key runs a command you could type. Type : then help to list "
	    "every command; :help COMMAND explains one.", (size_t)width, "", 0,
	    ui_utf8(hv->v.app));
	add_text(hv, lt_buf_str(&b), UI_NORMAL);
	add_line(hv, "", 0, UI_NORMAL);
	if (hv->keys != NULL && hv->keys->name != NULL) {
		add_keys(hv, "Keys on this screen", hv->keys, namew, width);
		add_line(hv, "", 0, UI_NORMAL);
	}
	add_keys(hv, "Keys that work everywhere", ui_global_keys, namew, width);
	add_line(hv, "", 0, UI_NORMAL);
	if (tutorial) {
		add_keys(hv, "Keys of the tutorial", ui_tutorial_keys, namew, width);
		add_line(hv, "", 0, UI_NORMAL);
	}
	lt_buf_reset(&b);
	lt_text_wrap(&b, "The same keys are listed in the manual: type man lantern "
	    "in a terminal.", (size_t)width, "", 0, ui_utf8(hv->v.app));
	add_text(hv, lt_buf_str(&b), UI_NORMAL);
	lt_buf_free(&b);
	hv->cwidth = width;
}

static void
clamp(help_view *hv, int body)
{
	if (hv->top > (int)hv->nlines - body)
		hv->top = (int)hv->nlines - body;
	if (hv->top < 0)
		hv->top = 0;
}

static void
help_draw(ui_view *v, ui_canvas *c, int y, int height)
{
	help_view *hv = (help_view *)v;
	int textw = c->w - 2 * MARGIN, body = height > 1 ? height - 1 : height;
	int last;

	if (textw < 1)
		textw = 1;
	if (hv->cwidth != textw)
		build(hv, textw);
	hv->page = body;
	clamp(hv, body);
	for (int i = 0; i < body && (size_t)(hv->top + i) < hv->nlines; i++) {
		const help_line *l = &hv->lines[hv->top + i];

		ui_canvas_text(c, y + i, MARGIN, textw, l->role, l->s);
	}
	if (height <= 1)
		return;
	last = hv->top + body < (int)hv->nlines ? hv->top + body : (int)hv->nlines;
	ui_canvas_printf(c, y + height - 1, MARGIN, textw, UI_DIM,
	    "lines %d-%d of %zu", hv->top + 1, last, hv->nlines);
}

static int
help_action(ui_view *v, int action, int k)
{
	help_view *hv = (help_view *)v;
	int page = hv->page > 1 ? hv->page - 1 : 1;

	(void)k;
	switch (action) {
	case A_UP:
		hv->top--;
		break;
	case A_DOWN:
		hv->top++;
		break;
	case A_PGUP:
		hv->top -= page;
		break;
	case A_PGDN:
		hv->top += page;
		break;
	case A_HOME:
		hv->top = 0;
		break;
	case A_END:
		hv->top = INT_MAX / 2;
		break;
	default:
		return UI_IGNORED;
	}
	if (hv->cwidth > 0)
		clamp(hv, hv->page > 0 ? hv->page : 1);
	return UI_HANDLED;
}

static void
help_free(ui_view *v)
{
	help_view *hv = (help_view *)v;

	clear_lines(hv);
	free(hv->lines);
	free(hv);
}

const ui_view_class ui_help_class = {
	.name = "help",
	.keys = help_keys,
	.draw = help_draw,
	.action = help_action,
	.refresh = NULL,
	.free = help_free,
};

ui_view *
ui_help_new(ui_app *a, const ui_view *about)
{
	help_view *hv = lt_calloc(1, sizeof *hv);

	hv->v.cls = &ui_help_class;
	hv->v.app = a;
	hv->v.title = lt_strdup("help");
	/* Key tables are static, so they outlive the view they belong to. */
	hv->keys = about != NULL ? about->cls->keys : NULL;
	return &hv->v;
}
