/*
 * result.c - the result view: one or more result documents read in
 * layers. The headline sentence and the charts come first; + (or Enter)
 * adds the numbers and tables, then the caveats, method and notes; -
 * takes them away again. Reference results with nothing to hold back
 * (help, lists, settings) open with their tables showing. The text comes
 * from the core's text renderer (lt_render), cached per width and level,
 * and scrolls both ways.
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "ui.h"

#define MARGIN		1	/* blank columns left and right of the text */
#define HSTEP		8	/* columns moved by Left and Right */
#define MAX_LEVEL	3

enum {
	A_MORE = 1, A_LESS, A_UP, A_DOWN, A_PGUP, A_PGDN, A_HOME, A_END,
	A_LEFT, A_RIGHT
};

static const ui_key result_keys[] = {
	{ '+', "+", "show more (the numbers and tables, then the caveats and method)",
	  NULL, A_MORE, "more" },
	{ UI_KEY_ENTER, "Enter", "show more, like +", NULL, A_MORE, NULL },
	{ '-', "-", "show less", NULL, A_LESS, "less" },
	{ UI_KEY_DOWN, "Down", "scroll down a line", NULL, A_DOWN, NULL },
	{ UI_KEY_UP, "Up", "scroll up a line", NULL, A_UP, NULL },
	{ UI_KEY_PGDN, "PgDn", "next page", NULL, A_PGDN, "scroll" },
	{ UI_KEY_PGUP, "PgUp", "previous page", NULL, A_PGUP, NULL },
	{ UI_KEY_HOME, "Home", "go to the top", NULL, A_HOME, NULL },
	{ UI_KEY_END, "End", "go to the bottom", NULL, A_END, NULL },
	{ UI_KEY_RIGHT, "Right", "scroll right, for wide tables", NULL, A_RIGHT, NULL },
	{ UI_KEY_LEFT, "Left", "scroll left", NULL, A_LEFT, NULL },
	{ 0, NULL, NULL, NULL, 0, NULL }
};

/* One line of rendered text and how it looks. */
typedef struct rv_line {
	char *s;
	int role;
} rv_line;

typedef struct result_view {
	ui_view v;
	lt_result **rs;
	size_t n;
	int level;		/* floor .. MAX_LEVEL */
	int floor;		/* the lowest level that shows something new */
	int top;		/* first line shown */
	int left;		/* columns scrolled to the right */
	int page;		/* lines in the last draw's text area */
	/* The rendered text, for the key below. */
	rv_line *lines;
	size_t nlines, cap;
	int maxw;		/* the widest line */
	int valid, cwidth, clevel, cutf8, cdigits;
} result_view;

/* The layers shown at a level. */
static int
level_layers(int level)
{
	int l = LT_LAYER_HEADLINE | LT_LAYER_CHARTS;

	if (level >= 2)
		l |= LT_LAYER_NUMBERS | LT_LAYER_TABLES;
	if (level >= 3)
		l = LT_LAYER_ALL;
	return l;
}

/*
 * The first level worth showing of r. Level 1 is the answer at a glance:
 * the headline and the charts. A result with no chart and no key number
 * to hold back (help, a list of datasets, a page of rows, the settings) is
 * reference, not an analysis: its facts and tables are the answer, so it
 * starts at level 2. So does a result with no headline.
 */
static int
min_level(const lt_result *r)
{
	int numeric = 0;

	if (r->ncharts > 0)
		return 1;
	for (size_t i = 0; i < r->nitems; i++)
		numeric |= !r->items[i].is_text;
	if (!numeric || r->headline == NULL || *r->headline == '\0')
		return 2;
	return 1;
}

/* s after its first n columns. */
static const char *
skip_cols(const char *s, int n)
{
	while (*s != '\0' && n > 0) {
		s++;
		while (((unsigned char)*s & 0xc0) == 0x80)
			s++;
		n--;
	}
	return s;
}

static void
add_line(result_view *rv, const char *s, size_t len, int role)
{
	rv_line *l;
	int w;

	rv->lines = lt_grow(rv->lines, &rv->cap, rv->nlines + 1, sizeof *rv->lines);
	l = &rv->lines[rv->nlines++];
	l->s = lt_strndup(s, len);
	l->role = role;
	if ((w = (int)lt_text_width(l->s)) > rv->maxw)
		rv->maxw = w;
}

/* Add each line of text; the first nfirst in role first, the rest in role. */
static void
add_text(result_view *rv, const char *text, size_t nfirst, int first, int role)
{
	size_t i = 0;

	while (*text != '\0') {
		size_t len = strcspn(text, "\n");

		add_line(rv, text, len, i++ < nfirst ? first : role);
		text += len;
		if (*text == '\n')
			text++;
	}
}

/* Lines in text (each ends in a newline). */
static size_t
count_lines(const char *text)
{
	size_t n = 0;

	for (; *text != '\0'; text++)
		n += *text == '\n';
	return n;
}

static void
clear_lines(result_view *rv)
{
	for (size_t i = 0; i < rv->nlines; i++)
		free(rv->lines[i].s);
	rv->nlines = 0;
	rv->maxw = 0;
	rv->valid = 0;
}

/* Add "N thing" or "N things" to the list of what more there is. */
static void
more_count(lt_strv *v, size_t n, const char *one, const char *many)
{
	if (n == 0)
		return;
	v->v = lt_realloc(v->v, (v->n + 1) * sizeof *v->v);
	v->v[v->n++] = n == 1 ? lt_sprintf("1 %s", one) : lt_sprintf("%zu %s", n, many);
}

static void
more_word(lt_strv *v, int present, const char *what)
{
	if (!present)
		return;
	v->v = lt_realloc(v->v, (v->n + 1) * sizeof *v->v);
	v->v[v->n++] = lt_strdup(what);
}

/*
 * The line saying what a higher level would add to r, or NULL when
 * nothing: "More: the numbers, 2 tables, 3 caveats and the method - press
 * + to show them".
 */
/* Tables the text shows: those with a column that is not a detail. */
static size_t
shown_tables(const lt_result *r)
{
	size_t n = 0;

	for (size_t i = 0; i < r->ntables; i++)
		for (size_t j = 0; j < r->tables[i]->ncols; j++)
			if (!r->tables[i]->cols[j].detail) {
				n++;
				break;
			}
	return n;
}

static char *
more_line(const lt_result *r, int level)
{
	lt_strv v = { NULL, 0 };
	lt_buf b = LT_BUF_INIT;
	int plural;

	if (level < 2) {
		more_word(&v, r->nitems > 0, "the numbers");
		more_count(&v, shown_tables(r), "table", "tables");
	}
	if (level < 3) {
		more_count(&v, r->caveats.n, "caveat", "caveats");
		more_word(&v, r->method.n > 0, "the method");
		more_count(&v, r->notes.n, "note", "notes");
	}
	if (v.n == 0)
		return NULL;
	plural = v.n > 1 || v.v[0][strlen(v.v[0]) - 1] == 's';
	lt_buf_puts(&b, "More: ");
	for (size_t i = 0; i < v.n; i++) {
		if (i > 0)
			lt_buf_puts(&b, i + 1 == v.n ? " and " : ", ");
		lt_buf_puts(&b, v.v[i]);
		free(v.v[i]);
	}
	free(v.v);
	lt_buf_printf(&b, " - press + to show %s.", plural ? "them" : "it");
	return lt_buf_take(&b);
}

/* Render every result at width w into rv->lines. */
static void
render(result_view *rv, int w)
{
	ui_app *a = rv->v.app;
	lt_render_opts o;
	lt_buf b = LT_BUF_INIT, head = LT_BUF_INIT;

	clear_lines(rv);
	memset(&o, 0, sizeof o);
	o.width = w;
	o.utf8 = ui_utf8(a);
	o.digits = ui_digits(a);
	for (size_t i = 0; i < rv->n; i++) {
		const lt_result *r = rv->rs[i];
		int level = rv->level > min_level(r) ? rv->level : min_level(r);
		size_t nhead = 0;
		char *more;

		/* A level with nothing to show for this result shows the next. */
		for (;;) {
			lt_buf_reset(&b);
			o.layers = level_layers(level);
			lt_render(r, LT_FMT_TEXT, &o, &b);
			if (b.len > 0 || level >= MAX_LEVEL)
				break;
			level++;
		}
		if (r->headline != NULL && *r->headline != '\0') {
			lt_buf_reset(&head);
			o.layers = LT_LAYER_HEADLINE;
			lt_render(r, LT_FMT_TEXT, &o, &head);
			nhead = count_lines(lt_buf_str(&head));
		}
		if (i > 0)
			add_line(rv, "", 0, UI_NORMAL);
		if (rv->n > 1) {
			char *c = lt_sprintf(":%s", r->command != NULL ? r->command : "");

			add_line(rv, c, strlen(c), UI_DIM);
			free(c);
		}
		add_text(rv, lt_buf_str(&b), nhead, UI_EMPH, UI_NORMAL);
		if ((more = more_line(r, level)) != NULL) {
			add_line(rv, "", 0, UI_NORMAL);
			add_line(rv, more, strlen(more), UI_DIM);
			free(more);
		}
	}
	lt_buf_free(&b);
	lt_buf_free(&head);
	rv->valid = 1;
	rv->cwidth = w;
	rv->clevel = rv->level;
	rv->cutf8 = o.utf8;
	rv->cdigits = o.digits;
}

/* Keep the scroll position inside the text. */
static void
clamp(result_view *rv, int body, int textw)
{
	int last = (int)rv->nlines - body, right = rv->maxw - textw;

	if (rv->top > last)
		rv->top = last;
	if (rv->top < 0)
		rv->top = 0;
	if (rv->left > right)
		rv->left = right;
	if (rv->left < 0)
		rv->left = 0;
}

static void
result_draw(ui_view *v, ui_canvas *c, int y, int height)
{
	result_view *rv = (result_view *)v;
	int textw = c->w - 2 * MARGIN, body = height > 1 ? height - 1 : height;
	int first, last;

	if (textw < 1)
		textw = 1;
	if (!rv->valid || rv->cwidth != textw || rv->clevel != rv->level ||
	    rv->cutf8 != ui_utf8(v->app) || rv->cdigits != ui_digits(v->app))
		render(rv, textw);
	rv->page = body;
	clamp(rv, body, textw);
	for (int i = 0; i < body && (size_t)(rv->top + i) < rv->nlines; i++) {
		const rv_line *l = &rv->lines[rv->top + i];

		ui_canvas_text(c, y + i, MARGIN, textw, l->role, skip_cols(l->s, rv->left));
	}
	if (height <= 1)
		return;
	first = rv->nlines > 0 ? rv->top + 1 : 0;
	last = rv->top + body < (int)rv->nlines ? rv->top + body : (int)rv->nlines;
	if (rv->left > 0)
		ui_canvas_printf(c, y + height - 1, MARGIN, textw, UI_DIM,
		    "lines %d-%d of %zu, from column %d", first, last, rv->nlines,
		    rv->left + 1);
	else
		ui_canvas_printf(c, y + height - 1, MARGIN, textw, UI_DIM,
		    "lines %d-%d of %zu", first, last, rv->nlines);
}

static int
result_action(ui_view *v, int action, int k)
{
	result_view *rv = (result_view *)v;
	int page = rv->page > 1 ? rv->page - 1 : 1;

	(void)k;
	switch (action) {
	case A_MORE:
		if (rv->level >= MAX_LEVEL)
			ui_message(v->app, "Everything is shown; press - to show less.");
		else
			rv->level++;
		break;
	case A_LESS:
		if (rv->level <= rv->floor)
			ui_message(v->app, "This is the shortest view; press + to show more.");
		else
			rv->level--;
		break;
	case A_UP:
		rv->top--;
		break;
	case A_DOWN:
		rv->top++;
		break;
	case A_PGUP:
		rv->top -= page;
		break;
	case A_PGDN:
		rv->top += page;
		break;
	case A_HOME:
		rv->top = 0;
		rv->left = 0;
		break;
	case A_END:
		rv->top = INT_MAX / 2;
		break;
	case A_LEFT:
		rv->left -= HSTEP;
		break;
	case A_RIGHT:
		rv->left += HSTEP;
		break;
	default:
		return UI_IGNORED;
	}
	/* Until the next draw, stay within what was drawn last. */
	if (rv->valid)
		clamp(rv, rv->page > 0 ? rv->page : 1, rv->cwidth);
	return UI_HANDLED;
}

/* Settings such as digits may have changed: render again. */
static void
result_refresh(ui_view *v)
{
	((result_view *)v)->valid = 0;
}

static void
result_free(ui_view *v)
{
	result_view *rv = (result_view *)v;

	clear_lines(rv);
	free(rv->lines);
	for (size_t i = 0; i < rv->n; i++)
		lt_result_free(rv->rs[i]);
	free(rv->rs);
	free(rv);
}

const ui_view_class ui_result_class = {
	.name = "result",
	.keys = result_keys,
	.draw = result_draw,
	.action = result_action,
	.refresh = result_refresh,
	.free = result_free,
};

ui_view *
ui_result_new(ui_app *a, lt_result **rs, size_t n)
{
	result_view *rv = lt_calloc(1, sizeof *rv);
	lt_buf t = LT_BUF_INIT;

	rv->v.cls = &ui_result_class;
	rv->v.app = a;
	rv->rs = rs;
	rv->n = n;
	rv->floor = n > 0 ? MAX_LEVEL : 1;
	for (size_t i = 0; i < n; i++)
		if (min_level(rs[i]) < rv->floor)
			rv->floor = min_level(rs[i]);
	rv->level = rv->floor;
	for (size_t i = 0; i < n; i++) {
		if (rs[i]->command == NULL || *rs[i]->command == '\0')
			continue;
		if (t.len > 0)
			lt_buf_puts(&t, "; ");
		lt_buf_puts(&t, rs[i]->command);
	}
	rv->v.title = t.len > 0 ? lt_buf_take(&t) : lt_strdup("result");
	lt_buf_free(&t);
	return &rv->v;
}
