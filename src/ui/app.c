/*
 * app.c - the workbench without the terminal: the stack of views, the
 * title bar, the key bar and status line, the ":" prompt, and running
 * commands through the session. term.c feeds it keys and copies its
 * canvas to the screen; unit tests do the same without a terminal.
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "format.h"
#include "prompt.h"
#include "ui.h"

#define MIN_H	24
#define MIN_W	80

/* Actions of the global keys. */
enum { G_PROMPT = 1, G_HELP, G_BACK, G_ESC, G_QUIT, G_REDRAW, G_INTR, G_GUIDE };

const ui_key ui_global_keys[] = {
	{ ':', ":", "type a command (Tab completes, Up recalls earlier ones)", NULL, G_PROMPT, NULL },
	{ '?', "?", "show the keys of this screen", NULL, G_HELP, "help" },
	{ 'q', "q", "go back to the screen before; on the home screen, leave lantern",
	  NULL, G_BACK, "back" },
	{ 'g', "g", "ask the guide: say what you want to find out, pick the columns, and "
	  "it chooses the analysis", NULL, G_GUIDE, "guide" },
	{ UI_KEY_ESC, "Esc", "go back to the screen before (on the home screen, nothing)",
	  NULL, G_ESC, NULL },
	{ 'Q', "Q", "leave lantern from any screen", NULL, G_QUIT, NULL },
	{ 12, "Ctrl-L", "draw the screen again", NULL, G_REDRAW, NULL },
	{ 3, "Ctrl-C", "stop the command that is running, or close the prompt", NULL, G_INTR,
	  NULL },
	{ 0, NULL, NULL, NULL, 0, NULL }
};

struct ui_app {
	ui_opts o;
	ui_canvas *cv;
	ui_view **stack;
	size_t n, cap;
	char *msg;		/* the status line, until the next key */
	int msg_error;
	ui_prompt *prompt;
	ui_answer_fn ask_fn;	/* the prompt asks a question (ui_ask) */
	void *ask_ud;
	int quit;
	ui_tutorial *tut;	/* the tutorial running, or NULL (tutorial.c) */
	ui_canvas *side;	/* the views' canvas when the tutorial is beside them */
};

lt_session *
ui_session(ui_app *a)
{
	return a->o.s;
}

int
ui_utf8(const ui_app *a)
{
	return a->o.utf8;
}

int
ui_digits(const ui_app *a)
{
	return lt_session_digits(a->o.s);
}

ui_app *
ui_app_new(const ui_opts *o, int h, int w)
{
	ui_app *a = lt_calloc(1, sizeof *a);

	a->o = *o;
	a->cv = ui_canvas_new(h, w, o->utf8);
	a->prompt = ui_prompt_new(o->s, o->utf8);
	ui_push(a, ui_home_new(a));
	if (o->open != NULL)
		ui_run(a, o->open);
	if (o->tutorial != NULL)
		ui_tutorial_start(a, o->tutorial);
	return a;
}

static void
view_free(ui_view *v)
{
	char *title = v->title;

	v->cls->free(v);
	free(title);
}

void
ui_app_free(ui_app *a)
{
	if (a == NULL)
		return;
	while (a->n > 0)
		view_free(a->stack[--a->n]);
	free(a->stack);
	free(a->ask_ud);
	ui_tutorial_free(a->tut);
	ui_canvas_free(a->side);
	ui_prompt_free(a->prompt);
	ui_canvas_free(a->cv);
	free(a->msg);
	free(a);
}

ui_tutorial *
ui_app_tutorial(ui_app *a)
{
	return a->tut;
}

void
ui_app_set_tutorial(ui_app *a, ui_tutorial *t)
{
	if (a->tut != t)
		ui_tutorial_free(a->tut);
	a->tut = t;
}

void
ui_app_resize(ui_app *a, int h, int w)
{
	ui_canvas_resize(a->cv, h, w);
}

ui_view *
ui_app_top(ui_app *a)
{
	return a->n > 0 ? a->stack[a->n - 1] : NULL;
}

void
ui_push(ui_app *a, ui_view *v)
{
	if (v == NULL)
		return;
	v->app = a;
	a->stack = lt_grow(a->stack, &a->cap, a->n + 1, sizeof *a->stack);
	a->stack[a->n++] = v;
}

/* Close the top view (never the home screen). */
static void
pop(ui_app *a)
{
	if (a->n > 1)
		view_free(a->stack[--a->n]);
}

void
ui_close(ui_app *a, ui_view *v)
{
	for (size_t i = 1; i < a->n; i++)
		if (a->stack[i] == v) {
			memmove(&a->stack[i], &a->stack[i + 1], (a->n - i - 1) * sizeof *a->stack);
			a->n--;
			view_free(v);
			return;
		}
}

static void
set_message(ui_app *a, int error, const char *fmt, va_list ap)
{
	lt_buf b = LT_BUF_INIT;

	lt_buf_vprintf(&b, fmt, ap);
	free(a->msg);
	a->msg = lt_buf_take(&b);
	a->msg_error = error;
}

void
ui_message(ui_app *a, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_message(a, 0, fmt, ap);
	va_end(ap);
}

void
ui_error_message(ui_app *a, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_message(a, 1, fmt, ap);
	va_end(ap);
}

void
ui_prompt_start(ui_app *a, const char *initial)
{
	ui_prompt_open(a->prompt, ":", initial);
}

void
ui_prompt_start_at(ui_app *a, const char *initial, int back)
{
	ui_prompt_open(a->prompt, ":", initial);
	ui_prompt_back(a->prompt, back);
}

void
ui_ask(ui_app *a, const char *question, ui_answer_fn fn, void *ud)
{
	free(a->ask_ud);
	a->ask_fn = fn;
	a->ask_ud = ud;
	ui_prompt_question(a->prompt, question, NULL);
}

/* Hand the answer (NULL: cancelled) to the question's function. */
static void
answer(ui_app *a, const char *line)
{
	ui_answer_fn fn = a->ask_fn;
	void *ud = a->ask_ud;

	a->ask_fn = NULL;
	a->ask_ud = NULL;
	fn(a, line, ud);
	free(ud);
}

/* The command entry a result came from, by its command text. */
static const lt_cmd_entry *
entry_of(const lt_result *r)
{
	size_t off = 0;
	lt_words w;
	lt_error err;
	const lt_cmd_entry *e = NULL;

	if (r->command == NULL || lt_words_next(r->command, &off, &w, &err) != 1)
		return NULL;
	if (w.n > 0)
		e = lt_cmd_find(w.w[0]);
	lt_words_clear(&w);
	return e;
}

/* The session changed: a new dataset starts a fresh table; others reload. */
static void
refresh_all(ui_app *a, int opened)
{
	if (opened) {
		while (a->n > 1)
			pop(a);
		if (a->stack[0]->cls->refresh != NULL)
			a->stack[0]->cls->refresh(a->stack[0]);
		if (lt_session_dataset(a->o.s) != NULL)
			ui_push(a, ui_table_new(a));
		return;
	}
	for (size_t i = 0; i < a->n; i++)
		if (a->stack[i]->cls->refresh != NULL)
			a->stack[i]->cls->refresh(a->stack[i]);
}

int
ui_run(ui_app *a, const char *text)
{
	lt_result **rs = NULL, **show;
	size_t n = 0, nshow = 0;
	lt_error err;
	int rc, quit = 0, changed = 0, opened = 0, findings = 0;

	if (a->o.busy != NULL)
		a->o.busy(a->o.busy_ud, text);
	if (a->o.interrupted != NULL)
		*a->o.interrupted = 0;
	rc = lt_session_collect(a->o.s, text, &rs, &n, &quit, &err);
	show = lt_calloc(n + 1, sizeof *show);
	for (size_t i = 0; i < n; i++) {
		const lt_cmd_entry *e = entry_of(rs[i]);

		if (e != NULL && (strcmp(e->name, "post") == 0 || strcmp(e->name, "findings") == 0))
			findings = 1;
		if (e != NULL && (e->flags & LT_CMD_STATE) && rs[i]->ntables == 0) {
			changed = 1;
			if (strcmp(e->name, "open") == 0)
				opened = 1;
			if (rs[i]->headline != NULL)
				ui_message(a, "%s", rs[i]->headline);
			lt_result_free(rs[i]);
		} else if (rs[i]->quiet) {
			lt_result_free(rs[i]);
		} else {
			show[nshow++] = rs[i];
		}
	}
	free(rs);
	if (changed)
		refresh_all(a, opened);
	else if (findings && a->stack[0]->cls->refresh != NULL)
		a->stack[0]->cls->refresh(a->stack[0]);	/* the home screen's findings card */
	if (nshow > 0)
		ui_push(a, ui_result_new(a, show, nshow));
	else
		free(show);
	if (quit)
		a->quit = 1;
	if (a->tut != NULL)
		ui_tutorial_ran(a->tut);	/* did that do the tutorial's task? */
	if (rc != 0) {
		if (err.pos > 0 && (size_t)err.pos < strlen(text))
			ui_error_message(a, "At \"%.20s\": %s", text + err.pos, err.msg);
		else
			ui_error_message(a, "%s", err.msg);
		return 1;
	}
	return 0;
}

void
ui_quote(lt_buf *b, const char *s)
{
	if (*s != '\0' && *s != '-' && strpbrk(s, " \t;#\"'\\") == NULL) {
		lt_buf_puts(b, s);
		return;
	}
	lt_buf_putc(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			lt_buf_putc(b, '\\');
		lt_buf_putc(b, *s);
	}
	lt_buf_putc(b, '"');
}

/* The value of each "{name}" in tmpl from v, quoted as one word. */
char *
ui_expand(ui_view *v, const char *tmpl)
{
	lt_buf b = LT_BUF_INIT;
	const char *p = tmpl;

	while (*p != '\0') {
		const char *open = strchr(p, '{'), *close;
		char *name, *val;

		if (open == NULL || (close = strchr(open, '}')) == NULL) {
			lt_buf_puts(&b, p);
			break;
		}
		lt_buf_add(&b, p, (size_t)(open - p));
		name = lt_strndup(open + 1, (size_t)(close - open - 1));
		val = v->cls->expand != NULL ? v->cls->expand(v, name) : NULL;
		free(name);
		if (val == NULL) {
			lt_buf_free(&b);
			return NULL;
		}
		ui_quote(&b, val);
		free(val);
		p = close + 1;
	}
	return lt_buf_take(&b);
}

/* The row of keys for k in table, or NULL. */
static const ui_key *
find_key(const ui_key *keys, int k)
{
	for (; keys != NULL && keys->name != NULL; keys++)
		if (keys->key == k)
			return keys;
	return NULL;
}

static int
global_action(ui_app *a, int action)
{
	switch (action) {
	case G_PROMPT:
		ui_prompt_start(a, NULL);
		break;
	case G_HELP:
		ui_push(a, ui_help_new(a, ui_app_top(a)));
		break;
	case G_BACK:
		if (a->n > 1)
			pop(a);
		else
			a->quit = 1;
		break;
	case G_ESC:
		if (a->n > 1)
			pop(a);
		else
			ui_message(a, "This is the home screen: press q to leave lantern.");
		break;
	case G_INTR:
		/* Ctrl-C is for stopping things; leaving by accident loses work */
		ui_message(a, "Nothing is running to stop. To leave lantern, press Q.");
		break;
	case G_QUIT:
		a->quit = 1;
		break;
	case G_GUIDE:
		if (ui_app_top(a)->cls == &ui_guide_class)
			ui_message(a, "The guide is open: pick an answer, or press Esc to stop.");
		else if (lt_session_dataset(a->o.s) == NULL)
			ui_message(a, "The guide works on a dataset: open one first, then press g.");
		else
			ui_push(a, ui_guide_new(a));
		break;
	default:
		break;
	}
	return a->quit ? UI_QUIT : 0;
}

/* The terminal is big enough to draw in. */
static int
big_enough(const ui_app *a)
{
	return a->cv->h >= MIN_H && a->cv->w >= MIN_W;
}

int
ui_app_key(ui_app *a, int k)
{
	ui_view *v = ui_app_top(a);
	const ui_key *key;
	int flags;

	if (k == UI_KEY_RESIZE)
		return 0;
	free(a->msg);
	a->msg = NULL;
	if (ui_prompt_active(a->prompt)) {
		char *line = NULL;

		int st;

		if (k == 3) {
			ui_prompt_cancel(a->prompt);
			if (a->ask_fn != NULL)
				answer(a, NULL);
			return 0;
		}
		st = ui_prompt_key(a->prompt, k, &line);
		if (a->ask_fn != NULL && st != UI_PROMPT_EDITING)
			answer(a, st == UI_PROMPT_DONE && line != NULL ? line : NULL);
		else if (st == UI_PROMPT_DONE && line != NULL && line[strspn(line, " \t")] != '\0')
			ui_run(a, line);
		free(line);
		return a->quit ? UI_QUIT : 0;
	}
	if (k & UI_KEY_META) {
		/* Alt+key means something only at the prompt; elsewhere it is
		   Esc typed quickly before the key */
		if (ui_app_key(a, UI_KEY_ESC) == UI_QUIT)
			return UI_QUIT;
		return ui_app_key(a, k & ~UI_KEY_META);
	}
	if (!big_enough(a)) {
		if (k == 'q' || k == 'Q' || k == 3)
			a->quit = 1;
		return a->quit ? UI_QUIT : 0;
	}
	flags = v->cls->key != NULL ? v->cls->key(v, k) : UI_IGNORED;
	if (flags == UI_IGNORED && a->tut != NULL) {
		flags = ui_tutorial_key(a->tut, k);	/* may start views, or end */
		if (flags != UI_IGNORED)
			return a->quit ? UI_QUIT : 0;
	}
	if (flags == UI_IGNORED && (key = find_key(v->cls->keys, k)) != NULL) {
		if (key->command != NULL) {
			char *cmd = ui_expand(v, key->command);

			if (cmd == NULL)
				ui_error_message(a, "The key %s does nothing here.", key->name);
			else
				ui_run(a, cmd);
			free(cmd);
			flags = UI_HANDLED;
		} else {
			flags = v->cls->action(v, key->action, k) | UI_HANDLED;
		}
	} else if (flags == UI_IGNORED && (key = find_key(ui_global_keys, k)) != NULL) {
		flags = global_action(a, key->action) | UI_HANDLED;
	}
	if (flags & UI_CLOSE)
		pop(a);
	if (flags & UI_QUIT)
		a->quit = 1;
	if (flags == UI_IGNORED && k < 0x200000 && k >= ' ')
		ui_message(a, "That key does nothing here; press ? to see the keys.");
	return a->quit ? UI_QUIT : 0;
}

/* The key bar: the view's keys marked for it, then the global ones. */
static void
draw_bar(ui_app *a, const ui_view *v, int y)
{
	/* a tutorial's keys first: those that work now, Enter when it is theirs */
	const ui_key *tables[3] = { ui_tutorial_keys, v->cls->keys, ui_global_keys };
	int x = 0, t0 = a->tut != NULL ? 0 : 1;
	int enter = a->tut != NULL && ui_tutorial_label(a->tut, UI_KEY_ENTER) != NULL;

	ui_canvas_fill(a->cv, y, 0, -1, UI_BAR);
	for (int t = t0; t < 3; t++)
		for (const ui_key *k = tables[t]; k != NULL && k->name != NULL; k++) {
			const char *label = t == 0 ? ui_tutorial_label(a->tut, k->key) : k->bar;

			if (label == NULL || (t > 0 && enter && k->key == UI_KEY_ENTER))
				continue;
			if (k->key == 'q' && a->n <= 1)
				label = "quit";
			if (x + (int)(strlen(k->name) + strlen(label)) + 3 > a->cv->w)
				return;
			x += ui_canvas_text(a->cv, y, x + 1, -1, UI_BAR_KEY, k->name) + 1;
			x += ui_canvas_text(a->cv, y, x + 1, -1, UI_BAR, label) + 2;
		}
}

/* The title bar: where you are, and what the session looks at. */
static void
draw_title(ui_app *a)
{
	const char *sep = a->o.utf8 ? " \xe2\x80\xba " : " > ";
	lt_buf b = LT_BUF_INIT;

	ui_canvas_fill(a->cv, 0, 0, -1, UI_TITLE);
	lt_buf_puts(&b, " lantern");
	for (size_t i = 1; i < a->n; i++)
		if (a->stack[i]->title != NULL) {
			lt_buf_puts(&b, sep);
			lt_buf_puts(&b, a->stack[i]->title);
		}
	ui_canvas_text(a->cv, 0, 0, -1, UI_TITLE, lt_buf_str(&b));
	lt_buf_free(&b);
}

static void
draw_small(ui_app *a)
{
	ui_canvas *c = a->cv;
	int y = c->h / 2 - 1;

	if (y < 0)
		y = 0;
	ui_canvas_printf(c, y, 1, -1, UI_EMPH, "lantern needs a window of at least %dx%d.",
	    MIN_W, MIN_H);
	ui_canvas_printf(c, y + 1, 1, -1, UI_NORMAL, "This one is %dx%d: make it larger,",
	    c->w, c->h);
	ui_canvas_text(c, y + 2, 1, -1, UI_NORMAL, "or press q to quit.");
}

/* The status message, wrapped onto as many lines above the bottom as it
   needs (at most MSG_LINES), so nothing is cut off. */
#define MSG_LINES	4
static int
msg_rows(ui_app *a)
{
	lt_buf b = LT_BUF_INIT;
	int n;

	if (a->msg == NULL || ui_prompt_active(a->prompt))
		return 0;
	lt_text_wrap(&b, a->msg, (size_t)a->cv->w - 2, "", 0, a->o.utf8);
	n = ui_canvas_lines(a->cv, 0, 0, 0, 0, UI_BAR, lt_buf_str(&b));	/* count */
	lt_buf_free(&b);
	return n > MSG_LINES ? MSG_LINES : n;
}

static void
draw_message(ui_app *a, int y)
{
	int role = a->msg_error ? UI_ERROR : UI_BAR;
	lt_buf b = LT_BUF_INIT;
	int n = msg_rows(a);

	lt_text_wrap(&b, a->msg, (size_t)a->cv->w - 2, "", 0, a->o.utf8);
	for (int i = 0; i < n; i++)
		ui_canvas_fill(a->cv, y - n + 1 + i, 0, -1, role);
	ui_canvas_lines(a->cv, y - n + 1, 1, n, 0, role, lt_buf_str(&b));
	lt_buf_free(&b);
}

/* The views and the tutorial's panel: beside them when the screen is wide,
   else below; the views draw in what is left, and a status message of
   several lines pushes the panel up rather than hiding its keys. */
static void
draw_tutorial(ui_app *a, ui_view *v)
{
	ui_canvas *c = a->cv;
	int pw = ui_tutorial_side(c->w), ph, up = msg_rows(a) - 1;

	if (up < 0)
		up = 0;
	if (pw == 0) {
		ph = ui_tutorial_rows(a->tut, c->h - 2, c->w);
		v->cls->draw(v, c, 1, c->h - 2 - ph - up);
		ui_tutorial_draw(a->tut, c, c->h - 1 - ph - up, 0, ph, c->w);
		return;
	}
	if (a->side == NULL)
		a->side = ui_canvas_new(c->h, c->w - pw, c->utf8);
	else if (a->side->h != c->h || a->side->w != c->w - pw)
		ui_canvas_resize(a->side, c->h, c->w - pw);
	ui_canvas_clear(a->side);
	v->cls->draw(v, a->side, 1, c->h - 2);
	for (int y = 1; y < c->h - 1; y++)
		memcpy(ui_canvas_cell(c, y, 0), ui_canvas_cell(a->side, y, 0),
		    (size_t)a->side->w * sizeof *c->cells);
	if (a->side->cur_y >= 0) {
		c->cur_y = a->side->cur_y;
		c->cur_x = a->side->cur_x;
	}
	ui_tutorial_draw(a->tut, c, 1, c->w - pw, c->h - 2 - up, pw);
}

ui_canvas *
ui_app_draw(ui_app *a)
{
	ui_canvas *c = a->cv;
	ui_view *v = ui_app_top(a);
	int y = c->h - 1;

	ui_canvas_clear(c);
	if (!big_enough(a)) {
		draw_small(a);
		return c;
	}
	draw_title(a);
	if (a->tut != NULL)
		draw_tutorial(a, v);
	else
		v->cls->draw(v, c, 1, c->h - 2);
	if (ui_prompt_active(a->prompt)) {
		ui_canvas_fill(c, y, 0, -1, UI_NORMAL);
		ui_prompt_draw(a->prompt, c, y, c->h - 3);
	} else if (a->msg != NULL) {
		draw_message(a, y);
	} else {
		draw_bar(a, v, y);
	}
	return c;
}

/* Append s escaped for roff: backslashes, minus signs, leading dots. */
static void
roff_text(lt_buf *b, const char *s)
{
	if (*s == '.' || *s == '\'')
		lt_buf_puts(b, "\\&");
	for (; *s != '\0'; s++) {
		if (*s == '\\')
			lt_buf_puts(b, "\\e");
		else if (*s == '-')
			lt_buf_puts(b, "\\-");
		else
			lt_buf_putc(b, *s);
	}
}

static void
roff_keys(lt_buf *b, const char *title, const ui_key *keys)
{
	if (b->len > 0)
		lt_buf_puts(b, ".PP\n");
	roff_text(b, title);
	lt_buf_puts(b, "\n");
	for (const ui_key *k = keys; k->name != NULL; k++) {
		lt_buf_puts(b, ".TP 10\n.B ");
		roff_text(b, k->name);
		lt_buf_puts(b, "\n");
		roff_text(b, k->help);
		if (k->command != NULL) {
			lt_buf_puts(b, " (runs\n.BR \"");
			roff_text(b, k->command);
			lt_buf_puts(b, "\" )");
		}
		lt_buf_puts(b, "\n");
	}
}

char *
ui_keys_roff(void)
{
	static const struct {
		const char *title;
		const ui_view_class *cls;
	} screens[] = {
		{ "The home screen:", &ui_home_class },
		{ "The table browser:", &ui_table_class },
		{ "A result:", &ui_result_class },
		{ "A preview of an observation, before it is posted:", &ui_preview_class },
		{ "An observation (findings show N):", &ui_finding_class },
		{ "The guide's questions (g):", &ui_guide_class },
		{ "The help screen:", &ui_help_class },
	};
	lt_buf b = LT_BUF_INIT;

	roff_keys(&b, "On every screen:", ui_global_keys);
	roff_keys(&b, "On every screen while a tutorial runs (lantern tutorial NAME, or "
	    "Enter on one on the home screen):", ui_tutorial_keys);
	for (size_t i = 0; i < sizeof screens / sizeof screens[0]; i++)
		roff_keys(&b, screens[i].title, screens[i].cls->keys);
	lt_buf_puts(&b, ".PP\nIn a key's command, {column} stands for the column under the "
	    "cursor and {dataset} for the chosen dataset.\n");
	return lt_buf_take(&b);
}
