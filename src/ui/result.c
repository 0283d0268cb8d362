/*
 * result.c - the result view: one or more result documents read in
 * layers. The headline sentence and the charts come first; + (or Enter)
 * adds the numbers and tables, then the caveats, method and notes; -
 * takes them away again. Reference results with nothing to hold back
 * (help, lists, settings) open with their tables showing. The text comes
 * from the core's text renderer (lt_render), cached per width and level,
 * and scrolls both ways.
 *
 * The findings store, through its commands: p posts the analysis shown
 * (two questions, then "post --preview", a view of its own where y posts
 * and Esc cancels); on "findings show N", R re-runs the recipe and a, c,
 * d and w open the prompt with the review or withdrawal written out.
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "format.h"
#include "ui.h"

#define MARGIN		1	/* blank columns left and right of the text */
#define HSTEP		8	/* columns moved by Left and Right */
#define MAX_LEVEL	3

enum {
	A_MORE = 1, A_LESS, A_UP, A_DOWN, A_PGUP, A_PGDN, A_HOME, A_END,
	A_LEFT, A_RIGHT, A_POST, A_RERUN, A_ACCEPT, A_CHANGES, A_DECLINE, A_WITHDRAW,
	A_CONFIRM, A_CANCEL
};

/* Reading and scrolling, on every kind of result. */
#define READ_KEYS(more, less) \
	{ '+', "+", "show more (the numbers and tables, then the caveats and method)", \
	  NULL, A_MORE, more }, \
	{ UI_KEY_ENTER, "Enter", "show more, like +", NULL, A_MORE, NULL }, \
	{ '-', "-", "show less", NULL, A_LESS, less }, \
	{ UI_KEY_DOWN, "Down", "scroll down a line", NULL, A_DOWN, NULL }, \
	{ UI_KEY_UP, "Up", "scroll up a line", NULL, A_UP, NULL }, \
	{ UI_KEY_PGDN, "PgDn", "next page", NULL, A_PGDN, "scroll" }, \
	{ UI_KEY_PGUP, "PgUp", "previous page", NULL, A_PGUP, NULL }, \
	{ UI_KEY_HOME, "Home", "go to the top", NULL, A_HOME, NULL }, \
	{ UI_KEY_END, "End", "go to the bottom", NULL, A_END, NULL }, \
	{ UI_KEY_RIGHT, "Right", "scroll right, for wide tables", NULL, A_RIGHT, NULL }, \
	{ UI_KEY_LEFT, "Left", "scroll left", NULL, A_LEFT, NULL }

static const ui_key result_keys[] = {
	READ_KEYS("more", "less"),
	{ 'p', "p", "post this result as an observation for researchers: asks a title and "
	  "your own words, then shows exactly what will be shared", NULL, A_POST, "post" },
	{ 0, NULL, NULL, NULL, 0, NULL }
};

/* An observation (findings show N): re-run it, review it, withdraw it. */
static const ui_key finding_keys[] = {
	{ 'R', "R", "run its recipe again and say whether the result reproduces", NULL,
	  A_RERUN, "re-run" },
	{ 'a', "a", "accept it (opens the prompt, for a reason if you want one)",
	  NULL, A_ACCEPT, "accept" },
	{ 'c', "c", "ask its author for changes, saying which", NULL, A_CHANGES, "changes" },
	{ 'd', "d", "decline it, saying why", NULL, A_DECLINE, "decline" },
	{ 'w', "w", "your own observation: withdraw it (opens the prompt)",
	  NULL, A_WITHDRAW, NULL },
	READ_KEYS(NULL, NULL),
	{ 0, NULL, NULL, NULL, 0, NULL }
};

static const ui_key preview_keys[] = {
	{ 'y', "y", "post it: share exactly what this screen shows", NULL, A_CONFIRM,
	  "post it" },
	{ UI_KEY_ESC, "Esc", "go back without posting anything", NULL, A_CANCEL, "cancel" },
	READ_KEYS(NULL, NULL),
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

/* ------------------------------------------------------------ findings */

/* The words of r's command (lt_words_clear them); 0 when it has none. */
static int
words_of(const lt_result *r, lt_words *w)
{
	size_t off = 0;
	lt_error err;

	memset(w, 0, sizeof *w);
	if (r->command == NULL || lt_words_next(r->command, &off, w, &err) != 1)
		return 0;
	if (w->n == 0) {
		lt_words_clear(w);
		return 0;
	}
	return 1;
}

/* r is a result of "post --preview". */
static int
is_preview(const lt_result *r)
{
	lt_words w;
	int yes = 0;

	if (!words_of(r, &w))
		return 0;
	if (strcmp(w.w[0], "post") == 0)
		for (size_t i = 1; i < w.n; i++)
			if (!w.quoted[i] && strcmp(w.w[i], "--preview") == 0)
				yes = 1;
	lt_words_clear(&w);
	return yes;
}

/* r is an analysis of the open dataset (what "post" can share). */
static int
is_analysis(const lt_result *r)
{
	lt_words w;
	const lt_cmd_entry *e;
	int yes;

	if (!words_of(r, &w))
		return 0;
	e = lt_cmd_find(w.w[0]);
	yes = e != NULL && (e->flags & LT_CMD_NEEDS_DATASET) && !(e->flags & LT_CMD_STATE);
	lt_words_clear(&w);
	return yes;
}

/* The observation a result of "findings show N" is about, or 0. */
static long long
finding_of(const result_view *rv)
{
	long long id = 0;

	for (size_t i = rv->n; i-- > 0 && id == 0; ) {
		lt_words w;
		char *end;

		if (!words_of(rv->rs[i], &w))
			continue;
		if (w.n == 3 && strcmp(w.w[0], "findings") == 0 && strcmp(w.w[1], "show") == 0) {
			id = strtoll(w.w[2], &end, 10);
			if (*end != '\0' || id < 0)
				id = 0;
		}
		lt_words_clear(&w);
	}
	return id;
}

/* Run text through the session showing nothing; its last result (caller
   frees), or NULL with err set. */
static lt_result *
run_quiet(ui_app *a, const char *text, lt_error *err)
{
	lt_result **rs = NULL, *last = NULL;
	size_t n = 0;
	int quit = 0, rc;

	lt_err_clear(err);
	rc = lt_session_collect(ui_session(a), text, &rs, &n, &quit, err);
	for (size_t i = 0; i < n; i++)
		if (rc == 0 && i + 1 == n)
			last = rs[i];
		else
			lt_result_free(rs[i]);
	free(rs);
	if (rc == 0 && last == NULL)
		lt_err(err, LT_EINVAL, "\"%s\" gave no result", text);
	return last;
}

/* The cells of r's table called name, a row per line, or NULL. */
static char *
table_text(const lt_result *r, const char *name)
{
	lt_buf b = LT_BUF_INIT;

	for (size_t i = 0; i < r->ntables; i++) {
		const lt_table *t = r->tables[i];

		if (t->name == NULL || strcmp(t->name, name) != 0)
			continue;
		for (size_t row = 0; row < t->nrows; row++) {
			for (size_t col = 0; col < t->ncols; col++) {
				const lt_cell *c = &t->cells[row * t->ncols + col];

				if (col > 0)
					lt_buf_putc(&b, '\t');
				if (c->text != NULL)
					lt_buf_puts(&b, c->text);
			}
			lt_buf_putc(&b, '\n');
		}
		return lt_buf_take(&b);
	}
	return NULL;
}

static int
blank(const char *s)
{
	return s[strspn(s, " \t")] == '\0';
}

/* The second answer: show exactly what will be shared. ud is the title. */
static void
on_observation(ui_app *a, const char *answer, void *ud)
{
	lt_buf cmd = LT_BUF_INIT;

	if (answer == NULL) {
		ui_message(a, "Nothing was posted.");
		return;
	}
	if (blank(answer)) {
		ui_message(a, "Nothing was posted: an observation needs some words of your own; "
		    "press p to start again.");
		return;
	}
	lt_buf_puts(&cmd, "post --preview ");
	ui_quote(&cmd, ud);
	lt_buf_putc(&cmd, ' ');
	ui_quote(&cmd, answer);
	ui_run(a, lt_buf_str(&cmd));
	lt_buf_free(&cmd);
}

/* The first answer: the title. */
static void
on_title(ui_app *a, const char *answer, void *ud)
{
	(void)ud;
	if (answer == NULL) {
		ui_message(a, "Nothing was posted.");
		return;
	}
	if (blank(answer)) {
		ui_message(a, "Nothing was posted: an observation needs a title; press p to "
		    "start again.");
		return;
	}
	ui_ask(a, "Your observation (in your own words): ", on_observation, lt_strdup(answer));
}

/*
 * p: post the analysis this view shows (the latest one, when it holds
 * several): the core is told to share that one (lt_session_choose), not
 * merely the last one run, then two questions lead to the preview.
 */
static void
post_start(result_view *rv)
{
	ui_app *a = rv->v.app;
	const lt_result *t = NULL;
	lt_error err;

	for (size_t i = rv->n; i-- > 0 && t == NULL; )
		if (is_analysis(rv->rs[i]))
			t = rv->rs[i];
	if (t == NULL) {
		ui_error_message(a, "Only the result of an analysis can be posted, and this is "
		    "not one; run one (for example \"describe bmi\") and press p on it.");
		return;
	}
	if (lt_session_choose(ui_session(a), t, &err) != 0) {
		ui_error_message(a, "%s", err.msg);
		return;
	}
	ui_ask(a, "Title: ", on_title, NULL);
}

/* The preview's command without --preview: what y runs. */
static char *
post_command(const lt_result *r)
{
	lt_buf b = LT_BUF_INIT;
	lt_words w;

	if (!words_of(r, &w))
		return NULL;
	for (size_t i = 0; i < w.n; i++) {
		if (!w.quoted[i] && strcmp(w.w[i], "--preview") == 0)
			continue;
		if (b.len > 0)
			lt_buf_putc(&b, ' ');
		ui_quote(&b, w.w[i]);	/* quotes what needs it, "-" words too */
	}
	lt_words_clear(&w);
	return lt_buf_take(&b);
}

/*
 * y on a preview: post it, unless what "post" would share has changed
 * since (a newer analysis ran). The preview then closes, so that going
 * back cannot post it twice. Returns 1 when the view was closed.
 */
static int
post_confirm(result_view *rv)
{
	ui_app *a = rv->v.app;
	const lt_result *r = rv->rs[0];
	lt_result *now;
	lt_error err;
	char *cmd, *was, *is, *was_res, *is_res;
	int same_thing, rc;

	if ((now = run_quiet(a, r->command, &err)) == NULL) {
		ui_error_message(a, "%s", err.msg);
		return 0;
	}
	was = table_text(r, "recipe");
	is = table_text(now, "recipe");
	was_res = table_text(r, "result");
	is_res = table_text(now, "result");
	same_thing = was != NULL && is != NULL && strcmp(was, is) == 0 &&
	    was_res != NULL && is_res != NULL && strcmp(was_res, is_res) == 0;
	free(was);
	free(is);
	free(was_res);
	free(is_res);
	lt_result_free(now);
	if (!same_thing) {
		ui_error_message(a, "Nothing was posted: another result was run since this "
		    "preview; press Esc, then p on the result you want to post.");
		return 0;
	}
	if ((cmd = post_command(r)) == NULL)
		return 0;
	rc = ui_run(a, cmd);
	free(cmd);
	if (rc != 0)
		return 0;
	ui_close(a, &rv->v);
	return 1;
}

/* R, a, c, d and w on a result of "findings show N"; elsewhere, what they are for. */
static void
review_key(result_view *rv, int action)
{
	static const struct {
		int action;
		const char *cmd;	/* the command, before the observation's number */
		const char *tail;	/* and after it */
		int back;		/* cursor this far back from the end */
		const char *what;
	} keys[] = {
		{ A_RERUN, "findings rerun", "", -1, "R re-runs an observation" },
		{ A_ACCEPT, "findings review", " accept \"\"", 1, "a accepts an observation" },
		{ A_CHANGES, "findings review", " changes \"\"", 1,
		  "c asks for changes to an observation" },
		{ A_DECLINE, "findings review", " decline \"\"", 1, "d declines an observation" },
		{ A_WITHDRAW, "findings withdraw", "", 0, "w withdraws an observation" },
	};
	ui_app *a = rv->v.app;
	long long id = finding_of(rv);

	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		char *cmd;

		if (keys[i].action != action)
			continue;
		if (id == 0) {
			ui_message(a, "%s: open one with findings show N (\"findings list\" "
			    "shows their numbers).", keys[i].what);
			return;
		}
		cmd = lt_sprintf("%s %lld%s", keys[i].cmd, id, keys[i].tail);
		if (keys[i].back < 0)
			ui_run(a, cmd);
		else
			ui_prompt_start_at(a, cmd, keys[i].back);
		free(cmd);
		return;
	}
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
	case A_POST:
		post_start(rv);
		return UI_HANDLED;
	case A_RERUN:
	case A_ACCEPT:
	case A_CHANGES:
	case A_DECLINE:
	case A_WITHDRAW:
		review_key(rv, action);
		return UI_HANDLED;
	case A_CONFIRM:
		post_confirm(rv);
		return UI_HANDLED;	/* rv may be gone */
	case A_CANCEL:
		ui_message(v->app, "Nothing was posted.");
		return UI_CLOSE;
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

const ui_view_class ui_finding_class = {
	.name = "finding",
	.keys = finding_keys,
	.draw = result_draw,
	.action = result_action,
	.refresh = result_refresh,
	.free = result_free,
};

const ui_view_class ui_preview_class = {
	.name = "preview",
	.keys = preview_keys,
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

	rv->v.app = a;
	rv->rs = rs;
	rv->n = n;
	rv->v.cls = n == 1 && is_preview(rs[0]) ? &ui_preview_class :
	    n == 1 && finding_of(rv) != 0 ? &ui_finding_class : &ui_result_class;
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
