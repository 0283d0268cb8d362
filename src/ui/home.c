/*
 * home.c - the home screen: what lantern is for and how it keeps people
 * safe, the datasets as cards, the tutorials, and the findings card.
 * Up and Down choose a dataset; Enter opens it in the table browser.
 * Below the datasets, the installed tutorials (src/core/tutorial.h), each
 * with its length, audience and the learner's progress; Enter starts one.
 * Below the last dataset, the findings card counts the user's observations
 * (and, for a reviewer, the review queue) by running "findings list"
 * through the session; Enter on it opens that list.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "error.h"
#include "format.h"
#include "sdc.h"
#include "tutorial.h"
#include "ui.h"

enum { A_UP = 1, A_DOWN, A_FIRST, A_LAST };

static const ui_key home_keys[] = {
	{ UI_KEY_UP, "Up", "choose the dataset above", NULL, A_UP, NULL },
	{ UI_KEY_DOWN, "Down", "choose the dataset below (past the last: the findings card)",
	  NULL, A_DOWN, NULL },
	{ 'k', "k", "choose the dataset above", NULL, A_UP, NULL },
	{ 'j', "j", "choose the dataset below", NULL, A_DOWN, NULL },
	{ UI_KEY_HOME, "Home", "choose the first dataset", NULL, A_FIRST, NULL },
	{ UI_KEY_END, "End", "choose the last card (your observations) and show the end of "
	  "the screen", NULL, A_LAST, NULL },
	{ UI_KEY_ENTER, "Enter", "open the dataset to browse its rows (on a tutorial: start it; "
	  "on the findings card: list your observations, or a reviewer's queue)",
	  "open {dataset}", 0, "open" },
	{ 'i', "i", "about the dataset: its card and columns", "info {dataset}", 0, "about" },
	{ 0, NULL, NULL, NULL, 0, NULL }
};

/* An installed tutorial, as its card shows it. */
typedef struct tut_card {
	char *path, *title, *audience;
	int minutes;
	size_t at, nsteps;	/* the step the learner reached, of all */
} tut_card;

typedef struct home {
	ui_view v;
	lt_dataset **ds;
	lt_sdc_profile *prof;	/* the privacy rules in force for each, [n] */
	size_t n;
	size_t sel;	/* the chosen card: a dataset, n + a tutorial, or n + nt: findings */
	tut_card *tuts;	/* the tutorials */
	size_t nt;
	unsigned tgen;	/* ui_tutorial_generation() when they were read */
	int top;	/* first line shown */
	int show_end;	/* scrolled past the last card to the end */
	char *error;	/* why the list could not be read, or NULL */
	/* The findings card. */
	long long mine, changes;	/* the user's observations; needing changes */
	long long queue;		/* waiting for this reviewer, or -1: not one */
	char *ferror;			/* why the store could not be read, or NULL */
} home;

/*
 * The rows of a bundled file not opened yet: its lines after the header
 * (the bundled files have no line breaks inside values). -1 when it
 * cannot be read.
 */
static long long
count_lines(const char *path)
{
	char buf[65536];
	long long n = 0;
	size_t got;
	int last = '\n';
	FILE *f;

	if (path == NULL || (f = fopen(path, "r")) == NULL)
		return -1;
	while ((got = fread(buf, 1, sizeof buf, f)) > 0) {
		for (size_t i = 0; i < got; i++)
			n += buf[i] == '\n';
		last = buf[got - 1];
	}
	fclose(f);
	n += last != '\n';	/* a last line without its newline */
	return n > 0 ? n - 1 : 0;
}

/*
 * Run "findings list" with opts through the session: the number of
 * observations listed and (when changes is not NULL) how many of them
 * wait for changes, or -1 with err set.
 */
static long long
list_count(home *h, const char *opts, long long *changes, lt_error *err)
{
	lt_result **rs = NULL;
	size_t n = 0;
	long long count = -1;
	char *text = lt_sprintf("findings list %s", opts);

	if (lt_session_collect(ui_session(h->v.app), text, &rs, &n, NULL, err) == 0 && n > 0) {
		const lt_result *r = rs[n - 1];

		for (size_t i = 0; i < r->ntables && count < 0; i++) {
			const lt_table *t = r->tables[i];

			if (t->name == NULL || strcmp(t->name, "findings") != 0)
				continue;
			count = (long long)t->nrows;
			for (size_t c = 0; changes != NULL && c < t->ncols; c++) {
				if (strcmp(t->cols[c].name, "state") != 0)
					continue;
				for (size_t row = 0; row < t->nrows; row++) {
					const lt_cell *cell = lt_table_cell(t, row, c);

					*changes += cell->text != NULL &&
					    strcmp(cell->text, "changes") == 0;
				}
			}
		}
		if (count < 0)
			lt_err(err, LT_EFORMAT, "\"%s\" gave no list", text);
	}
	for (size_t i = 0; i < n; i++)
		lt_result_free(rs[i]);
	free(rs);
	free(text);
	return count;
}

static void
free_tutorials(home *h)
{
	for (size_t i = 0; i < h->nt; i++) {
		free(h->tuts[i].path);
		free(h->tuts[i].title);
		free(h->tuts[i].audience);
	}
	free(h->tuts);
	h->tuts = NULL;
	h->nt = 0;
}

/* The installed tutorials and how far the learner got in each (one that
   does not load is left out: "lantern tutorial check" says why). */
static void
load_tutorials(home *h)
{
	char **paths = lt_tutorial_list(ui_tutorial_dir());
	size_t n = 0;

	free_tutorials(h);
	h->tgen = ui_tutorial_generation();
	while (paths != NULL && paths[n] != NULL)
		n++;
	h->tuts = lt_calloc(n + 1, sizeof *h->tuts);
	for (size_t i = 0; i < n; i++) {
		lt_error err;
		lt_tutorial *t = lt_tutorial_load(paths[i], NULL, &err);
		lt_tutor *tu;
		tut_card *c = &h->tuts[h->nt];

		if (t == NULL)
			continue;
		c->path = lt_strdup(paths[i]);
		c->title = lt_strdup(lt_tutorial_title(t));
		c->audience = lt_strdup(lt_tutorial_audience(t));
		c->minutes = lt_tutorial_minutes(t);
		c->nsteps = lt_tutorial_nsteps(t);
		tu = lt_tutor_new(ui_session(h->v.app), t);
		if (lt_tutor_resume(tu, &err) == 0)
			c->at = lt_tutor_current(tu);
		lt_tutor_free(tu);
		h->nt++;
	}
	lt_strv_free(paths);
}

/* The findings card's numbers; an error says what is wrong with the store. */
static void
load_findings(home *h)
{
	lt_error err;

	free(h->ferror);
	h->ferror = NULL;
	h->changes = 0;
	h->queue = -1;
	if ((h->mine = list_count(h, "--mine", &h->changes, &err)) < 0) {
		h->ferror = lt_strdup(err.msg);
		return;
	}
	/* only a reviewer has a queue; for anyone else --todo says no */
	h->queue = list_count(h, "--todo", NULL, &err);
}

static void
load(home *h)
{
	lt_error err;

	lt_catalog_list_free(h->ds, h->n);
	h->ds = NULL;
	h->n = 0;
	free(h->error);
	h->error = NULL;
	free(h->prof);
	h->prof = NULL;
	if (lt_catalog_list(lt_session_catalog(ui_session(h->v.app)), &h->ds, &h->n, &err) != 0)
		h->error = lt_strdup(err.msg);
	/* read here, not at each drawing */
	h->prof = lt_calloc(h->n + 1, sizeof *h->prof);
	for (size_t i = 0; i < h->n; i++) {
		lt_session_profile_of(ui_session(h->v.app), h->ds[i], &h->prof[i]);
		/* a bundled file not opened yet: its rows, counted once here */
		if (h->ds[i]->rows < 0)
			h->ds[i]->rows = count_lines(h->ds[i]->csv_path);
	}
	load_tutorials(h);
	if (h->sel > h->n + h->nt)
		h->sel = h->n + h->nt;
	load_findings(h);
}

/* The first line of s (licences and sources are one per line). */
static char *
first_line(const char *s)
{
	return s != NULL ? lt_strndup(s, strcspn(s, "\n")) : lt_strdup("");
}


/* The lines of the screen, each with its role; card i starts at line
   starts[i]. Lines are plain text, drawn from column 2. */
typedef struct line {
	char *text;
	int role;
	int card;	/* the dataset this line belongs to, or -1 */
} line;

static void
add(line **v, size_t *n, size_t *cap, const char *text, int role, int card)
{
	*v = lt_grow(*v, cap, *n + 1, sizeof **v);
	(*v)[*n].text = lt_strdup(text);
	(*v)[*n].role = role;
	(*v)[(*n)++].card = card;
}

/* What the privacy rules p do to numbers, in a few words for a card. */
static const char *
privacy_words(const lt_sdc_profile *p)
{
	if (p->hide_below > 1)
		return p->star ? "small numbers starred" : "small numbers hidden";
	if (p->stat_min > 1 || p->no_extremes)
		return "some numbers hidden";
	return "nothing hidden";
}

/* The card of one dataset: title, facts, description, why it matters. */
static void
card(home *h, size_t i, int width, line **v, size_t *n, size_t *cap)
{
	const lt_dataset *d = h->ds[i];
	const char *dot = ui_utf8(h->v.app) ? " \xc2\xb7 " : " - ";
	lt_buf b = LT_BUF_INIT, rows = LT_BUF_INIT;
	char *lic = first_line(d->licence);

	lt_buf_printf(&b, "%s (%s)", d->title != NULL ? d->title : d->name, d->name);
	add(v, n, cap, lt_buf_str(&b), UI_EMPH, (int)i);
	lt_buf_reset(&b);
	if (d->rows >= 0) {
		lt_format_number(&rows, (double)d->rows, 0);
		lt_buf_printf(&b, "%s rows", lt_buf_str(&rows));
	} else {
		lt_buf_puts(&b, "not opened yet");
	}
	lt_buf_printf(&b, "%s%s%s%s (%s)", dot, d->synthetic ? "synthetic (made up)" : d->kind,
	    dot, privacy_words(&h->prof[i]), h->prof[i].name);
	/* then the licence, cut to fit: the privacy rules matter more on a card */
	if (*lic != '\0' && lt_text_width(lt_buf_str(&b)) + 3 + 12 <= (size_t)width) {
		lt_buf_printf(&b, "%s%s", dot, lic);
		lt_text_cut(&b, (size_t)width, ui_utf8(h->v.app));
	}
	add(v, n, cap, lt_buf_str(&b), UI_DIM, (int)i);
	if (d->description != NULL) {
		lt_buf_reset(&b);
		lt_text_wrap(&b, d->description, (size_t)width, "", 0, ui_utf8(h->v.app));
		/* the first line of the description is enough for a card */
		lt_buf_reset(&rows);
		lt_buf_add(&rows, lt_buf_str(&b), strcspn(lt_buf_str(&b), "\n"));
		if (strchr(lt_buf_str(&b), '\n') != NULL &&
		    strchr(lt_buf_str(&b), '\n')[1] != '\0')
			lt_buf_puts(&rows, ui_utf8(h->v.app) ? "\xe2\x80\xa6" : "...");
		add(v, n, cap, lt_buf_str(&rows), UI_NORMAL, (int)i);
	}
	add(v, n, cap, "", UI_NORMAL, (int)i);
	free(lic);
	lt_buf_free(&b);
	lt_buf_free(&rows);
}

/* The findings card: the user's observations, a reviewer's queue. */
static void
findings_card(home *h, line **v, size_t *n, size_t *cap)
{
	int me = (int)(h->n + h->nt);
	lt_buf b = LT_BUF_INIT;

	if (h->ferror != NULL) {
		lt_buf_printf(&b, "The findings store cannot be read: %s", h->ferror);
		add(v, n, cap, lt_buf_str(&b), UI_ERROR, me);
		lt_buf_free(&b);
		return;
	}
	lt_buf_printf(&b, "Your observations: %lld", h->mine);
	if (h->mine == 0)
		lt_buf_puts(&b, " (press p on a result to post one)");
	else if (h->changes == 0)
		lt_buf_puts(&b, ", none need changes");
	else
		lt_buf_printf(&b, ", %lld need%s changes", h->changes, h->changes == 1 ? "s" : "");
	add(v, n, cap, lt_buf_str(&b), UI_EMPH, me);
	if (h->queue >= 0) {
		lt_buf_reset(&b);
		lt_buf_printf(&b, "Review queue: %lld waiting", h->queue);
		add(v, n, cap, lt_buf_str(&b), UI_NORMAL, me);
	}
	add(v, n, cap, h->queue >= 0 ? "Press Enter here to open the review queue." :
	    "Press Enter here to see them, with their state and every reply.", UI_DIM, me);
	lt_buf_free(&b);
}

/* A tutorial's card: its title, then its length, audience and progress. */
static void
tutorial_card(home *h, size_t i, int width, line **v, size_t *n, size_t *cap)
{
	const tut_card *t = &h->tuts[i];
	const char *dot = ui_utf8(h->v.app) ? " \xc2\xb7 " : " - ";
	lt_buf b = LT_BUF_INIT;

	add(v, n, cap, t->title != NULL ? t->title : "", UI_EMPH, (int)(h->n + i));
	if (t->minutes > 0)
		lt_buf_printf(&b, "%d minutes%s", t->minutes, dot);
	if (t->nsteps > 1 && t->at + 1 >= t->nsteps)
		lt_buf_puts(&b, "finished (Enter starts it again)");
	else if (t->at > 0)
		lt_buf_printf(&b, "you are at step %zu of %zu", t->at + 1, t->nsteps);
	else
		lt_buf_printf(&b, "%zu steps, not started", t->nsteps);
	if (t->audience != NULL && *t->audience != '\0')
		lt_buf_printf(&b, "%s%s", dot, t->audience);
	lt_text_cut(&b, (size_t)width, ui_utf8(h->v.app));
	add(v, n, cap, lt_buf_str(&b), UI_DIM, (int)(h->n + i));
	add(v, n, cap, "", UI_NORMAL, (int)(h->n + i));
	lt_buf_free(&b);
}

static line *
layout(home *h, int width, size_t *nlines)
{
	line *v = NULL;
	size_t n = 0, cap = 0;

	add(&v, &n, &cap, "Explore health data safely. These datasets hold no names or other",
	    UI_NORMAL, -1);
	add(&v, &n, &cap, "identifiers: they are made up (synthetic) or already grouped into counts.",
	    UI_NORMAL, -1);
	add(&v, &n, &cap, "Choose a dataset and press Enter. Press : to type a command, "
	    "? for help.", UI_DIM, -1);
	add(&v, &n, &cap, "", UI_NORMAL, -1);
	add(&v, &n, &cap, "Datasets", UI_HEADER, -1);
	if (h->error != NULL)
		add(&v, &n, &cap, h->error, UI_ERROR, -1);
	else if (h->n == 0)
		add(&v, &n, &cap, "No datasets yet: import a CSV file with :import FILE",
		    UI_NORMAL, -1);
	for (size_t i = 0; i < h->n; i++)
		card(h, i, width, &v, &n, &cap);
	add(&v, &n, &cap, "Tutorials", UI_HEADER, -1);
	if (h->nt == 0) {
		add(&v, &n, &cap, "No tutorials are installed yet.", UI_DIM, -1);
		add(&v, &n, &cap, "", UI_NORMAL, -1);
	}
	for (size_t i = 0; i < h->nt; i++)
		tutorial_card(h, i, width, &v, &n, &cap);
	add(&v, &n, &cap, "Findings", UI_HEADER, -1);
	findings_card(h, &v, &n, &cap);
	*nlines = n;
	return v;
}

static void
home_draw(ui_view *v, ui_canvas *c, int top, int height)
{
	home *h = (home *)v;
	size_t n, first = 0, last = 0;
	int found = 0;
	line *lines;

	if (h->tgen != ui_tutorial_generation())
		load_tutorials(h);	/* a tutorial's progress changed */
	lines = layout(h, c->w - 4, &n);

	/* keep the chosen card on screen */
	for (size_t i = 0; i < n; i++)
		if (lines[i].card == (int)h->sel) {
			if (!found)
				first = i;
			last = i;
			found = 1;
		}
	if (found && (int)first < h->top)
		h->top = (int)first > 4 ? (int)first : 0;
	if (found && h->sel + 1 == h->n && h->show_end)
		last = n - 1;	/* Down past the last card: the tutorials, the findings */
	if (found && (int)last >= h->top + height)
		h->top = (int)last - height + 1;
	if (found && (int)first < h->top)
		h->top = (int)first;
	if (h->top < 0)
		h->top = 0;
	for (int y = 0; y < height && (size_t)(h->top + y) < n; y++) {
		const line *l = &lines[h->top + y];
		int sel = l->card >= 0 && l->card == (int)h->sel;

		if (l->role == UI_HEADER) {
			ui_canvas_text(c, top + y, 1, -1, UI_EMPH, l->text);
			continue;
		}
		if (sel && l->text[0] != '\0') {
			ui_canvas_fill(c, top + y, 1, c->w - 2, UI_CURSOR_ROW);
			ui_canvas_text(c, top + y, 1, 1, UI_CURSOR_ROW,
			    l->role == UI_EMPH ? (ui_utf8(v->app) ? "\xe2\x96\xb8" : ">") : " ");
		}
		ui_canvas_text(c, top + y, l->card >= 0 ? 3 : 1, c->w - 5,
		    sel && l->text[0] != '\0' ? (l->role == UI_EMPH ? UI_CURSOR : UI_CURSOR_ROW) :
		    l->role, l->text);
	}
	for (size_t i = 0; i < n; i++)
		free(lines[i].text);
	free(lines);
}

static int
home_action(ui_view *v, int action, int k)
{
	home *h = (home *)v;

	(void)k;
	switch (action) {
	case A_UP:
		h->show_end = 0;
		if (h->sel > 0)
			h->sel--;
		else
			h->top = 0;
		break;
	case A_DOWN:
		if (h->sel < h->n + h->nt)
			h->sel++;	/* past the last dataset: tutorials, the findings card */
		else
			h->show_end = 1;
		break;
	case A_FIRST:
		h->sel = 0;
		h->top = 0;
		break;
	case A_LAST:
		h->sel = h->n + h->nt;	/* the findings card */
		h->show_end = 1;
		break;
	default:
		return UI_IGNORED;
	}
	return UI_HANDLED;
}

static char *
home_expand(ui_view *v, const char *name)
{
	home *h = (home *)v;

	if (strcmp(name, "dataset") == 0 && h->sel < h->n)
		return lt_strdup(h->ds[h->sel]->name);
	return NULL;
}

/* Enter on a tutorial starts it; on the findings card, opens the list it
   counts. */
static int
home_key(ui_view *v, int k)
{
	home *h = (home *)v;

	if (k == UI_KEY_ENTER && h->sel >= h->n && h->sel < h->n + h->nt) {
		char *path = lt_strdup(h->tuts[h->sel - h->n].path);

		ui_tutorial_start(v->app, path);	/* reloads this view */
		free(path);
		return UI_HANDLED;
	}
	if (k != UI_KEY_ENTER || h->sel != h->n + h->nt)
		return UI_IGNORED;
	if (h->ferror != NULL)
		ui_error_message(v->app, "The findings store cannot be read: %s", h->ferror);
	else
		ui_run(v->app, h->queue >= 0 ? "findings list --todo" : "findings list --mine");
	return UI_HANDLED;
}

/* Row counts change once a bundled dataset is first opened; the findings
   card changes with every post and review. */
static void
home_refresh(ui_view *v)
{
	load((home *)v);
}

static void
home_free(ui_view *v)
{
	home *h = (home *)v;

	lt_catalog_list_free(h->ds, h->n);
	free_tutorials(h);
	free(h->prof);
	free(h->error);
	free(h->ferror);
	free(h);
}

const ui_view_class ui_home_class = {
	.name = "home",
	.keys = home_keys,
	.draw = home_draw,
	.key = home_key,
	.action = home_action,
	.expand = home_expand,
	.refresh = home_refresh,
	.free = home_free,
};

ui_view *
ui_home_new(ui_app *a)
{
	home *h = lt_calloc(1, sizeof *h);

	h->v.cls = &ui_home_class;
	h->v.app = a;
	h->v.title = NULL;
	load(h);
	return &h->v;
}
