/*
 * tutorial.c - the tutorial panel: a lesson (src/core/tutorial.h) followed
 * in a panel docked beside the workbench on wide terminals, or along its
 * bottom on small ones. The panel shows the step's text (with *emphasis*
 * and `commands` drawn in their own styles), the step number and the keys
 * that work now. The learner acts freely in the views; after every command
 * the app asks the engine whether the step's task is done
 * (ui_tutorial_ran), and the panel praises and waits for Enter.
 *
 * The panel's keys are global keys that work only while a tutorial runs,
 * so they work whichever view is on top; none of them is a key of a view.
 * Enter belongs to the panel only while the panel waits for it (to go on,
 * to type an answer, to save the summary); otherwise it is the view's.
 * Progress is saved after every step and every answer.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "format.h"
#include "tutorial.h"
#include "ui.h"

#define PANEL_MIN	8	/* rows of the panel below the views */
#define SIDE_MIN	36	/* columns of the panel beside them */

enum { T_NEXT = 1, T_HINT, T_SHOW, T_SKIP, T_STOP, T_CHOOSE };

const ui_key ui_tutorial_keys[] = {
	{ UI_KEY_ENTER, "Enter", "go on when the tutorial says so, type your answer to a "
	  "question, or save your summary at the end (at other times Enter is the screen's "
	  "own key)", NULL, T_NEXT, NULL },
	{ 'h', "h", "show a hint for this step (press it again for the next hint)", NULL,
	  T_HINT, NULL },
	{ UI_KEY_F1, "F1", "show a hint, like h", NULL, T_HINT, NULL },
	{ 'm', "m", "show me: do this step for me, so I can see how it is done", NULL,
	  T_SHOW, NULL },
	{ 'n', "n", "skip this step (a task is done for you, so the next steps work)", NULL,
	  T_SKIP, NULL },
	{ '1', "1-9", "choose an answer to a question", NULL, T_CHOOSE, NULL },
	{ 'x', "x", "stop the tutorial and close its panel (your place is kept)", NULL,
	  T_STOP, NULL },
	{ 0, NULL, NULL, NULL, 0, NULL }
};

/* Said when a task is done and the step has no praise of its own. */
static const char *const stock_praise[] = {
	"Well done!", "Nice work!", "That's it!", "Great, you did it!", "Good job!"
};

struct ui_tutorial {
	ui_app *app;
	lt_tutor *tu;
	int done;		/* the step's task is done or its question answered */
	char *note;		/* praise or an answer's feedback, or NULL */
	int note_good;
	const char *hint;	/* the hint shown (the tutorial's), or NULL */
	int shown;		/* "show me" did this step */
	char *saved;		/* the finish summary was saved there */
	unsigned praised;	/* stock praise given so far */
	char choose[32];	/* "1-3", for the keys line */
	/* The finish step's summary scrolls (Up, Down): the first line shown,
	   and the lines and rows of the last drawing. */
	int top, nlines, rows;
};

static unsigned generation;

unsigned
ui_tutorial_generation(void)
{
	return generation;
}

const char *
ui_tutorial_dir(void)
{
	const char *d = getenv("LANTERN_TUTORIALS");

	return d != NULL && *d != '\0' ? d : LT_PKGDATADIR "/tutorials";
}

static const lt_step *
step(const ui_tutorial *t)
{
	return lt_tutorial_step(lt_tutor_tutorial(t->tu), lt_tutor_current(t->tu));
}

static void
set_note(ui_tutorial *t, const char *s, int good)
{
	free(t->note);
	t->note = lt_strdup(s);
	t->note_good = good;
}

/* Show the current step afresh. */
static void
enter_step(ui_tutorial *t)
{
	t->done = 0;
	t->shown = 0;
	t->top = 0;
	t->hint = NULL;
	free(t->note);
	t->note = NULL;
	lt_tutor_begin_step(t->tu);
}

static void
save(ui_tutorial *t)
{
	lt_error err;

	if (lt_tutor_save(t->tu, &err) != 0)
		ui_error_message(t->app, "Your place in the tutorial could not be saved: %s",
		    err.msg);
	generation++;
}

void
ui_tutorial_free(ui_tutorial *t)
{
	if (t == NULL)
		return;
	lt_tutor_free(t->tu);
	free(t->note);
	free(t->saved);
	free(t);
}

/* The file a name stands for, as the "tutorial" command reads it: a path
   (or a file here) as it is, else NAME or NAME.yaml in the folder. */
static char *
resolve(const char *name)
{
	size_t n = strlen(name);

	if (strchr(name, '/') != NULL || access(name, F_OK) == 0)
		return lt_strdup(name);
	if (n > 5 && strcmp(name + n - 5, ".yaml") == 0)
		return lt_sprintf("%s/%s", ui_tutorial_dir(), name);
	return lt_sprintf("%s/%s.yaml", ui_tutorial_dir(), name);
}

/*
 * Whether a "do" step from step at on opens the tutorial's dataset in its
 * "show me": the learner is to open it, from the home screen.
 */
static int
learner_opens(const lt_tutorial *tut, size_t at)
{
	const char *ds = lt_tutorial_dataset(tut);

	for (size_t i = at; ds != NULL && i < lt_tutorial_nsteps(tut); i++) {
		const lt_step *st = lt_tutorial_step(tut, i);
		const char *p = st->show;

		while (st->kind == LT_STEP_DO && p != NULL && *p != '\0') {
			size_t len = strcspn(p, "\n"), n = strlen(ds);
			const char *w = p + strspn(p, " \t");

			if (strncmp(w, "open ", 5) == 0) {
				w += 5 + strspn(w + 5, " \t\"");
				if (strncmp(w, ds, n) == 0 && strchr(" \t\"\n", w[n]) != NULL)
					return 1;
			}
			p += len;
			p += *p == '\n';
		}
	}
	return 0;
}

/* Close every view but the home screen. */
static void
go_home(ui_app *a)
{
	ui_view *v;

	while ((v = ui_app_top(a)) != NULL && v->cls != &ui_home_class)
		ui_close(a, v);
}

int
ui_tutorial_start(ui_app *a, const char *name)
{
	lt_session *s = ui_session(a);
	const lt_dataset *open = lt_session_dataset(s);
	char *path = resolve(name);
	lt_tutorial *tut;
	ui_tutorial *t;
	const char *ds;
	size_t n, at;
	int restarted = 0;
	lt_error err;

	tut = lt_tutorial_load(path, NULL, &err);
	if (tut == NULL) {
		if (access(path, R_OK) != 0)
			ui_error_message(a, "There is no tutorial called \"%s\": the home screen "
			    "lists them.", name);
		else
			ui_error_message(a, "The tutorial cannot be read: %s", err.msg);
		free(path);
		return 1;
	}
	free(path);
	ui_app_set_tutorial(a, NULL);	/* one tutorial at a time */
	t = lt_calloc(1, sizeof *t);
	t->app = a;
	t->tu = lt_tutor_new(s, tut);
	n = lt_tutorial_nsteps(tut);
	if (lt_tutor_resume(t->tu, &err) != 0)
		ui_error_message(a, "Your place in the tutorial could not be read, so it starts "
		    "at the top: %s", err.msg);
	at = lt_tutor_current(t->tu);
	if (n > 1 && at + 1 >= n) {
		lt_tutor_restart(t->tu);
		at = 0;
		restarted = 1;
	}
	/*
	 * Its dataset, before the panel is up, so opening it is not taken for
	 * the learner's work; a tutorial that teaches opening it starts on the
	 * home screen instead.
	 */
	ds = lt_tutorial_dataset(tut);
	if (learner_opens(tut, at)) {
		go_home(a);
	} else if (ds != NULL && *ds != '\0' &&
	    (open == NULL || strcmp(open->name, ds) != 0)) {
		lt_buf cmd = LT_BUF_INIT;

		lt_buf_puts(&cmd, "open ");
		ui_quote(&cmd, ds);
		ui_run(a, lt_buf_str(&cmd));
		lt_buf_free(&cmd);
	}
	if (restarted)
		ui_message(a, "You finished this tutorial before, so it starts again from the "
		    "top.");
	else if (at > 0)
		ui_message(a, "Welcome back! You are at step %zu of %zu.", at + 1, n);
	ui_app_set_tutorial(a, t);
	enter_step(t);
	save(t);
	return 0;
}

/* The tutorial is over (or stopped): close the panel. t is freed. */
static void
close_panel(ui_tutorial *t, int finished)
{
	ui_app *a = t->app;
	char *title = lt_strdup(lt_tutorial_title(lt_tutor_tutorial(t->tu)));

	save(t);
	if (finished)
		ui_message(a, "You finished \"%s\". Well done! The home screen lists more "
		    "tutorials.", title);
	else
		ui_message(a, "The tutorial is closed. Your place is kept: start it again from "
		    "the home screen.");
	free(title);
	ui_app_set_tutorial(a, NULL);
}

/* Go to the next step, or finish. */
static void
go_next(ui_tutorial *t)
{
	if (!lt_tutor_next(t->tu)) {
		close_panel(t, 1);
		return;
	}
	enter_step(t);
	save(t);
}

void
ui_tutorial_ran(ui_tutorial *t)
{
	const lt_step *st = step(t);

	if (st == NULL || st->kind != LT_STEP_DO || t->done || !lt_tutor_done(t->tu))
		return;
	t->done = 1;
	t->hint = NULL;
	if (t->shown)
		set_note(t, "That is how it is done. Try it yourself some time!", 1);
	else if (st->praise != NULL && *st->praise != '\0')
		set_note(t, st->praise, 1);
	else
		set_note(t, stock_praise[t->praised++ %
		    (sizeof stock_praise / sizeof stock_praise[0])], 1);
}

/* Check an answer, typed or chosen, and say whether it is right. */
static void
give_answer(ui_tutorial *t, const char *answer)
{
	char *fb = NULL;
	int right = lt_tutor_answer(t->tu, answer, &fb);

	set_note(t, fb != NULL ? fb : right ? "Right!" : "Not quite. Try again.", right);
	free(fb);
	if (right) {
		t->done = 1;
		t->hint = NULL;
	}
	save(t);
}

/* An answer typed in the prompt line (NULL: Esc). */
static void
on_answer(ui_app *a, const char *answer, void *ud)
{
	ui_tutorial *t = ui_app_tutorial(a);
	const lt_step *st;

	(void)ud;
	if (t == NULL || answer == NULL || (st = step(t)) == NULL || st->kind != LT_STEP_ASK)
		return;
	give_answer(t, answer);
}

static void
choose(ui_tutorial *t, const lt_step *st, size_t i)
{
	give_answer(t, st->choices[i]);
}

/* ~/ at the start of a path is the home folder. */
static char *
expand_home(const char *p)
{
	const char *home = getenv("HOME");

	if (p[0] == '~' && (p[1] == '/' || p[1] == '\0') && home != NULL)
		return lt_sprintf("%s%s", home, p + 1);
	return lt_strdup(p);
}

static char *
default_path(const ui_tutorial *t)
{
	return lt_sprintf("~/lantern-%s.txt", lt_tutorial_name(lt_tutor_tutorial(t->tu)));
}

/* The text saved at the end: the title, what was learned, the answers. */
static void
summary_text(const ui_tutorial *t, lt_buf *b)
{
	const lt_tutorial *tut = lt_tutor_tutorial(t->tu);
	const lt_step *st = step(t);

	lt_buf_printf(b, "%s\n\n", lt_tutorial_title(tut));
	if (st != NULL && st->kind == LT_STEP_FINISH && st->text != NULL)
		lt_buf_printf(b, "%s\n\n", st->text);
	lt_tutor_summary(t->tu, b);
	if (b->len > 0 && b->s[b->len - 1] != '\n')
		lt_buf_putc(b, '\n');
}

static void
on_save(ui_app *a, const char *answer, void *ud)
{
	ui_tutorial *t = ui_app_tutorial(a);
	char *want, *path;
	lt_buf b = LT_BUF_INIT;
	FILE *f;

	(void)ud;
	if (t == NULL)
		return;
	if (answer == NULL) {
		set_note(t, "Your summary was not saved. Press Enter to try again.", 0);
		return;
	}
	want = *answer != '\0' ? lt_strdup(answer) : default_path(t);
	path = expand_home(want);
	summary_text(t, &b);
	if ((f = fopen(path, "w")) == NULL || fwrite(b.s, 1, b.len, f) != b.len ||
	    fclose(f) != 0) {
		ui_error_message(a, "The summary could not be saved in %s: %s. Press Enter to "
		    "try another name.", want, strerror(errno));
		if (f != NULL)
			fclose(f);
	} else {
		char *note = lt_sprintf("Your summary is saved in %s. Press Enter to close the "
		    "tutorial.", want);

		free(t->saved);
		t->saved = lt_strdup(want);
		set_note(t, note, 1);
		t->top = INT_MAX / 2;
		free(note);
	}
	lt_buf_free(&b);
	free(want);
	free(path);
}

static void
show_me(ui_tutorial *t, const lt_step *st)
{
	const char *p;

	if (st->kind != LT_STEP_DO) {
		ui_message(t->app, "There is nothing to show on this step.");
		return;
	}
	if (st->show == NULL || *st->show == '\0') {
		ui_message(t->app, "This step has no \"show me\": press h for a hint.");
		return;
	}
	t->shown = 1;
	/* line by line through the app, so the screen shows what happened */
	for (p = st->show; *p != '\0';) {
		size_t len = strcspn(p, "\n");
		char *line = lt_strndup(p, len);
		int failed = line[strspn(line, " \t")] != '\0' && ui_run(t->app, line) != 0;

		free(line);
		if (failed)
			return;
		p += len;
		if (*p == '\n')
			p++;
	}
	/* the app may have closed the tutorial meanwhile (it never does now) */
}

int
ui_tutorial_key(ui_tutorial *t, int k)
{
	const lt_step *st = step(t);
	const ui_key *key = NULL;

	if (st == NULL)
		return UI_IGNORED;
	if (st->kind == LT_STEP_FINISH && t->nlines > t->rows) {
		int page = t->rows > 2 ? t->rows - 1 : 1;

		switch (k) {
		case UI_KEY_DOWN: t->top++; break;
		case UI_KEY_UP: t->top--; break;
		case UI_KEY_PGDN: t->top += page; break;
		case UI_KEY_PGUP: t->top -= page; break;
		default: page = 0; break;
		}
		if (page != 0) {
			if (t->top > t->nlines - t->rows)
				t->top = t->nlines - t->rows;
			if (t->top < 0)
				t->top = 0;
			return UI_HANDLED;
		}
	}
	if (k >= '1' && k <= '9') {
		size_t n = 0;

		if (st->kind != LT_STEP_ASK || st->ask != LT_ASK_CHOICE || t->done)
			return UI_IGNORED;
		while (st->choices != NULL && st->choices[n] != NULL)
			n++;
		if ((size_t)(k - '1') >= n) {
			ui_message(t->app, "Choose a number from 1 to %zu.", n);
			return UI_HANDLED;
		}
		choose(t, st, (size_t)(k - '1'));
		return UI_HANDLED;
	}
	for (const ui_key *p = ui_tutorial_keys; p->name != NULL; p++)
		if (p->key == k)
			key = p;
	if (key == NULL)
		return UI_IGNORED;
	switch (key->action) {
	case T_HINT: {
		const char *h = lt_tutor_hint(t->tu);

		if (h == NULL)
			ui_message(t->app, "This step has no hints.");
		t->hint = h;
		break;
	}
	case T_SHOW:
		show_me(t, st);
		break;
	case T_SKIP:
		if (st->kind == LT_STEP_FINISH) {
			ui_message(t->app, "This is the last step: press x to close the tutorial.");
			break;
		}
		/* as swirl's skip(): the task is done for the learner, so the
		   steps after it still make sense */
		if (st->kind == LT_STEP_DO && !t->done && st->show != NULL &&
		    *st->show != '\0') {
			show_me(t, st);
			ui_message(t->app, "Skipped: lantern did that step for you.");
		}
		if (ui_app_tutorial(t->app) == t)
			go_next(t);
		break;
	case T_STOP:
		if (st->kind == LT_STEP_FINISH)
			lt_tutor_next(t->tu);	/* past the end: finished */
		close_panel(t, st->kind == LT_STEP_FINISH);
		break;
	case T_NEXT:
		if (st->kind == LT_STEP_SAY || t->done) {
			go_next(t);
		} else if (st->kind == LT_STEP_ASK && st->ask != LT_ASK_CHOICE) {
			ui_ask(t->app, st->ask == LT_ASK_NUMBER ? "Your answer (a number): " :
			    "Your answer: ", on_answer, NULL);
		} else if (st->kind == LT_STEP_FINISH) {
			char *q, *d;

			if (t->saved != NULL) {
				lt_tutor_next(t->tu);	/* past the end: finished */
				close_panel(t, 1);
				break;
			}
			d = default_path(t);
			q = lt_sprintf("Type a file name for your summary below, or just press "
			    "Enter to save it in %s.", d);
			set_note(t, q, 1);
			t->top = INT_MAX / 2;	/* show the note */
			ui_ask(t->app, "Save in: ", on_save, NULL);
			free(q);
			free(d);
		} else {
			return UI_IGNORED;	/* the view's Enter */
		}
		break;
	default:
		return UI_IGNORED;
	}
	return UI_HANDLED;
}

/* ------------------------------------------------------------ drawing */

/* A line of the panel: its text and the role of each byte. */
typedef struct pline {
	lt_buf s;
	unsigned char *roles;
	size_t cap;
} pline;

typedef struct panel {
	pline *v;
	size_t n, cap;
	size_t width;
	int utf8;
} panel;

static pline *
new_line(panel *p)
{
	pline *l;

	p->v = lt_grow(p->v, &p->cap, p->n + 1, sizeof *p->v);
	l = &p->v[p->n++];
	memset(l, 0, sizeof *l);
	return l;
}

static void
put(pline *l, const char *s, size_t n, const unsigned char *roles)
{
	l->roles = lt_grow(l->roles, &l->cap, l->s.len + n + 1, 1);
	memcpy(l->roles + l->s.len, roles, n);
	lt_buf_add(&l->s, s, n);
}

static size_t
cols(const char *s, size_t n)
{
	size_t w = 0;

	for (size_t i = 0; i < n; i++)
		w += ((unsigned char)s[i] & 0xc0) != 0x80;
	return w;
}

/* Wrap one line of sanitised text s (roles r) to the panel's width. */
static void
wrap(panel *p, const char *s, const unsigned char *r, size_t len)
{
	pline *l = new_line(p);
	size_t col = 0, i = 0;

	while (i < len) {
		size_t j, w;

		while (i < len && s[i] == ' ')
			i++;
		if (i >= len)
			break;
		for (j = i; j < len && s[j] != ' '; j++)
			;
		w = cols(s + i, j - i);
		if (col > 0 && col + 1 + w > p->width) {
			l = new_line(p);
			col = 0;
		} else if (col > 0) {
			put(l, " ", 1, &r[i - 1]);
			col++;
		}
		/* a word wider than the panel is cut where it must be */
		while (i < j) {
			size_t n = 1;

			while (i + n < j && ((unsigned char)s[i + n] & 0xc0) == 0x80)
				n++;
			if (col >= p->width) {
				l = new_line(p);
				col = 0;
			}
			put(l, s + i, n, r + i);
			col++;
			i += n;
		}
	}
}

/*
 * Add text wrapped, in role; with markup, *words* are emphasised and
 * `words` drawn as commands (an unmatched mark is kept as it is).
 */
static void
add_text(panel *p, const char *text, int role, int markup)
{
	while (text != NULL) {
		size_t len = strcspn(text, "\n");
		char *raw = lt_strndup(text, len);
		lt_buf clean = LT_BUF_INIT, out = LT_BUF_INIT;
		unsigned char *roles;
		int emph = 0, code = 0;

		lt_text_sanitize(&clean, raw, p->utf8);
		roles = lt_malloc(clean.len + 1);
		for (size_t i = 0; i < clean.len; i++) {
			char c = clean.s[i];

			if (markup && c == '`' && (code || strchr(clean.s + i + 1, '`') != NULL)) {
				code = !code;
				continue;
			}
			if (markup && !code && c == '*' && (emph ||
			    (clean.s[i + 1] != ' ' && clean.s[i + 1] != '\0' &&
			    strchr(clean.s + i + 1, '*') != NULL))) {
				emph = !emph;
				continue;
			}
			roles[out.len] = (unsigned char)(code ? UI_CODE : emph ? UI_EMPH : role);
			lt_buf_putc(&out, c);
		}
		wrap(p, lt_buf_str(&out), roles, out.len);
		free(roles);
		lt_buf_free(&out);
		lt_buf_free(&clean);
		free(raw);
		/* a last newline ends the text, it starts no empty line */
		text = text[len] == '\n' && text[len + 1] != '\0' ? text + len + 1 : NULL;
	}
}

static void
blank(panel *p)
{
	if (p->n > 0)
		new_line(p);
}

static void
panel_free(panel *p)
{
	for (size_t i = 0; i < p->n; i++) {
		lt_buf_free(&p->v[i].s);
		free(p->v[i].roles);
	}
	free(p->v);
}

/* The body of the panel: the step's text, choices, hint, feedback. */
static void
body(const ui_tutorial *t, panel *p)
{
	const lt_step *st = step(t);

	if (st == NULL)
		return;
	add_text(p, st->text != NULL ? st->text : "", UI_NORMAL, 1);
	if (st->kind == LT_STEP_ASK && st->ask == LT_ASK_CHOICE && st->choices != NULL) {
		blank(p);
		for (size_t i = 0; st->choices[i] != NULL; i++) {
			char *c = lt_sprintf("*%zu* %s", i + 1, st->choices[i]);

			add_text(p, c, UI_NORMAL, 1);
			free(c);
		}
	}
	if (t->hint != NULL) {
		char *h = lt_sprintf("*Hint:* %s", t->hint);

		blank(p);
		add_text(p, h, UI_NORMAL, 1);
		free(h);
	}
	if (t->note != NULL && st->kind != LT_STEP_FINISH) {
		blank(p);
		add_text(p, t->note, t->note_good ? UI_EMPH : UI_NORMAL, 0);
	}
	if (st->kind == LT_STEP_FINISH) {
		lt_buf b = LT_BUF_INIT;

		lt_tutor_summary(t->tu, &b);
		if (b.len > 0) {
			/* its first line is the title, which the panel shows */
			const char *rest = lt_buf_str(&b) + strcspn(lt_buf_str(&b), "\n");

			rest += strspn(rest, "\n");
			blank(p);
			add_text(p, "*Your answers and notes*", UI_NORMAL, 1);
			add_text(p, rest, UI_NORMAL, 0);
		}
		if (t->note != NULL) {	/* about saving it, at the end */
			blank(p);
			add_text(p, t->note, UI_EMPH, 0);
		}
		lt_buf_free(&b);
	}
}

const char *
ui_tutorial_label(ui_tutorial *t, int k)
{
	const lt_step *st = step(t);
	int hints = st != NULL && st->hints != NULL && st->hints[0] != NULL;

	if (st == NULL)
		return NULL;
	switch (k) {
	case UI_KEY_ENTER:
		if (st->kind == LT_STEP_FINISH)
			return t->saved != NULL ? "close" : "save";
		if (st->kind == LT_STEP_SAY || t->done)
			return "next";
		if (st->kind == LT_STEP_ASK && st->ask != LT_ASK_CHOICE)
			return "answer";
		return NULL;
	case 'h':
		return !t->done && hints ? "hint" : NULL;
	case 'm':
		return !t->done && st->kind == LT_STEP_DO && st->show != NULL &&
		    *st->show != '\0' ? "show me" : NULL;
	case 'n':
		return !t->done && st->kind != LT_STEP_SAY && st->kind != LT_STEP_FINISH ?
		    "skip" : NULL;
	default:
		return NULL;
	}
}

/* The keys that work now, as pairs of name and label. */
static size_t
keys_now(ui_tutorial *t, const char **k, size_t max)
{
	const lt_step *st = step(t);
	size_t n = 0;
	int hints = st != NULL && st->hints != NULL && st->hints[0] != NULL;

#define KEY(name, label) do { if (n + 2 <= max) { k[n++] = name; k[n++] = label; } } while (0)
	if (st == NULL)
		return 0;
	if (st->kind == LT_STEP_FINISH) {
		KEY("Enter", t->saved != NULL ? "close" : "save your summary");
		if (t->nlines > t->rows)
			KEY("Up/Down", "scroll");
		if (t->saved == NULL)
			KEY("x", "close");
		return n;
	}
	if (st->kind == LT_STEP_SAY || t->done) {
		KEY("Enter", "next");
	} else if (st->kind == LT_STEP_ASK && st->ask == LT_ASK_CHOICE) {
		size_t c = 0;

		while (st->choices != NULL && st->choices[c] != NULL)
			c++;
		snprintf(t->choose, sizeof t->choose, "1-%zu", c);
		KEY(t->choose, "choose");
	} else if (st->kind == LT_STEP_ASK) {
		KEY("Enter", "type your answer");
	}
	if (!t->done && hints)
		KEY("h", "hint");
	if (!t->done && st->kind == LT_STEP_DO && st->show != NULL && *st->show != '\0')
		KEY("m", "show me");
	if (!t->done && st->kind != LT_STEP_SAY)
		KEY("n", "skip");
	KEY("x", "stop");
#undef KEY
	return n;
}

/* Lay the keys out in rows of width w: rows needed (drawn when c is set). */
static int
keys_rows(ui_tutorial *t, ui_canvas *c, int y, int x, int w)
{
	const char *k[16];
	size_t n = keys_now(t, k, 16);
	int rows = n > 0 ? 1 : 0, col = 0;

	for (size_t i = 0; i < n; i += 2) {
		int kw = (int)cols(k[i], strlen(k[i])), lw = (int)cols(k[i + 1], strlen(k[i + 1]));

		if (col > 0 && col + kw + 1 + lw > w) {
			rows++;
			col = 0;
		}
		if (c != NULL) {
			ui_canvas_text(c, y + rows - 1, x + col, kw, UI_BAR_KEY, k[i]);
			ui_canvas_text(c, y + rows - 1, x + col + kw + 1, w - col - kw - 1,
			    UI_NORMAL, k[i + 1]);
		}
		col += kw + 1 + lw + 3;
	}
	return rows;
}

static void
draw_line(ui_canvas *c, int y, int x, int w, const pline *l)
{
	size_t i = 0;
	int col = 0;

	while (i < l->s.len && col < w) {
		size_t j = i;
		char *run;

		while (j < l->s.len && l->roles[j] == l->roles[i])
			j++;
		run = lt_strndup(l->s.s + i, j - i);
		col += ui_canvas_text(c, y, x + col, w - col, l->roles[i], run);
		free(run);
		i = j;
	}
}

static void
make_panel(const ui_tutorial *t, panel *p, int width)
{
	memset(p, 0, sizeof *p);
	p->width = width > 1 ? (size_t)width : 1;
	p->utf8 = ui_utf8(t->app);
	body(t, p);
}

int
ui_tutorial_rows(ui_tutorial *t, int h, int w)
{
	panel p;
	const lt_step *st = step(t);
	int want, max = st != NULL && st->kind == LT_STEP_FINISH ? h - 6 : h / 2;

	make_panel(t, &p, w - 2);
	want = 1 + (int)p.n + keys_rows(t, NULL, 0, 0, w - 2);
	panel_free(&p);
	if (want > max)
		want = max;
	if (want < PANEL_MIN)
		want = PANEL_MIN;
	return want;
}

int
ui_tutorial_side(int w)
{
	if (w < UI_TUTORIAL_WIDE)
		return 0;
	return w / 3 > SIDE_MIN ? w / 3 : SIDE_MIN;
}

void
ui_tutorial_draw(ui_tutorial *t, ui_canvas *c, int y, int x, int h, int w)
{
	const lt_tutorial *tut = lt_tutor_tutorial(t->tu);
	int side = x > 0, tx = side ? x + 2 : x + 1, tw = side ? w - 3 : w - 2;
	int nkeys, top, rows;
	char *where = lt_sprintf("Step %zu of %zu", lt_tutor_current(t->tu) + 1,
	    lt_tutorial_nsteps(tut));
	char *title = lt_sprintf("Tutorial: %s", lt_tutorial_title(tut));
	const char *rule = ui_utf8(t->app) ? (side ? "\xe2\x94\x82" : "\xe2\x94\x80") :
	    (side ? "|" : "-");
	panel p;

	for (int i = 0; i < h; i++)
		ui_canvas_fill(c, y + i, x, w, UI_NORMAL);
	if (side) {
		for (int i = 0; i < h; i++)
			ui_canvas_text(c, y + i, x, 1, UI_DIM, rule);
		ui_canvas_text(c, y, tx, tw, UI_EMPH, title);
		ui_canvas_text(c, y + 1, tx, tw, UI_DIM, where);
		top = y + 3;
	} else {
		int ww = (int)cols(where, strlen(where));

		for (int i = 0; i < w; i++)
			ui_canvas_text(c, y, x + i, 1, UI_DIM, rule);
		ui_canvas_printf(c, y, tx, tw - ww - 4, UI_EMPH, " %s ", title);
		ui_canvas_printf(c, y, x + w - ww - 3, ww + 2, UI_DIM, " %s ", where);
		top = y + 1;
	}
	nkeys = keys_rows(t, NULL, 0, 0, tw);
	rows = y + h - nkeys - top;
	make_panel(t, &p, tw);
	t->nlines = (int)p.n;
	t->rows = rows;
	if (t->top > t->nlines - rows)
		t->top = t->nlines - rows > 0 ? t->nlines - rows : 0;
	for (int i = 0; i < rows && (size_t)(t->top + i) < p.n; i++) {
		const char *more = NULL;

		if (i == rows - 1 && (size_t)(t->top + i) + 1 < p.n)
			more = step(t)->kind == LT_STEP_FINISH ? "press Down to read on" :
			    "make the window bigger to read the rest";
		if (more != NULL) {
			ui_canvas_printf(c, top + i, tx, tw, UI_DIM, "%s (%s)",
			    ui_utf8(t->app) ? "\xe2\x80\xa6" : "...", more);
			break;
		}
		draw_line(c, top + i, tx, tw, &p.v[t->top + i]);
	}
	panel_free(&p);
	keys_rows(t, c, y + h - nkeys, tx, tw);
	free(where);
	free(title);
}
