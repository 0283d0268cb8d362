/*
 * guide.c - the guide's view (g): asks what the person wants to find out
 * and which columns, as numbered lists picked with the arrow keys and
 * Enter, or by typing an answer's number (the wizard of
 * src/core/guide.h), then closes and runs the "guide ..."
 * command the answers made, saying it in the status line so people learn
 * the command.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "guide.h"
#include "ui.h"

#define MARGIN	2	/* blank columns left of the text */

enum { A_UP = 1, A_DOWN, A_PICK, A_HOME, A_END, A_NUMBER };

static const ui_key guide_keys[] = {
	{ UI_KEY_ENTER, "Enter", "pick the answer under the cursor", NULL, A_PICK, "pick" },
	{ UI_KEY_DOWN, "Down", "move to the next answer", NULL, A_DOWN, NULL },
	{ UI_KEY_UP, "Up", "move to the answer before", NULL, A_UP, NULL },
	{ 'j', "j", "move to the next answer", NULL, A_DOWN, NULL },
	{ 'k', "k", "move to the answer before", NULL, A_UP, NULL },
	{ UI_KEY_HOME, "Home", "go to the first answer", NULL, A_HOME, NULL },
	{ UI_KEY_END, "End", "go to the last answer", NULL, A_END, NULL },
	/*
	 * Every digit is taken by guide_key (after a tutorial's question, which
	 * has 1-9 first); this entry names them in the help.
	 */
	{ '0', "1-9, 0", "pick the answer with that number (type two digits for 10 "
	    "and up)", NULL, A_NUMBER, NULL },
	{ 0, NULL, NULL, NULL, 0, NULL }
};

typedef struct guide_view {
	ui_view v;
	lt_guide_wizard *w;
	int cur;		/* the answer under the cursor */
	int top;		/* the first answer shown */
	size_t step;		/* questions answered, for "Question N" */
	char *err;		/* why the last answer was refused, or NULL */
	int typed;		/* the first digit(s) of a longer number, or 0 */
} guide_view;

static void guide_draw(ui_view *, ui_canvas *, int, int);
static int guide_key(ui_view *, int);
static int guide_action(ui_view *, int, int);
static void guide_free(ui_view *);

const ui_view_class ui_guide_class = {
	"guide", guide_keys, guide_draw, guide_key, guide_action, NULL, NULL, guide_free
};

ui_view *
ui_guide_new(ui_app *a)
{
	guide_view *gv = lt_calloc(1, sizeof *gv);

	gv->v.cls = &ui_guide_class;
	gv->v.app = a;
	gv->v.title = lt_strdup("Guide");
	gv->w = lt_guide_wizard_session(ui_session(a));
	return &gv->v;
}

static void
guide_free(ui_view *v)
{
	guide_view *gv = (guide_view *)v;

	lt_guide_wizard_free(gv->w);
	free(gv->err);
	free(gv);
}

/* Answers in the list: the choices, then "none" when it may be skipped. */
static int
answers(const lt_guide_question *q)
{
	return (int)q->nchoices + (q->can_skip ? 1 : 0);
}

static void
guide_draw(ui_view *v, ui_canvas *c, int top, int height)
{
	guide_view *gv = (guide_view *)v;
	const lt_guide_question *q = lt_guide_wizard_question(gv->w);
	lt_buf b = LT_BUF_INIT;
	int y = top, n, rows, width = c->w - 2 * MARGIN;

	if (q == NULL || width < 10)
		return;
	y++;
	if (gv->typed > 0)
		ui_canvas_printf(c, y++, MARGIN, width, UI_DIM, "Question %zu. You typed %d: "
		    "press Enter to pick it, or type another digit.", gv->step + 1,
		    gv->typed);
	else
		ui_canvas_printf(c, y++, MARGIN, width, UI_DIM, "Question %zu. Type a number, "
		    "or use the arrow keys and press Enter; Esc goes back.", gv->step + 1);
	y++;
	lt_text_wrap(&b, q->text, (size_t)width, "", 0, ui_utf8(v->app));
	y += ui_canvas_lines(c, y, MARGIN, top + height - y, 0, UI_EMPH, lt_buf_str(&b));
	y++;
	n = answers(q);
	rows = top + height - y - (gv->err != NULL ? 2 : 0);
	if (rows < 1)
		rows = 1;
	if (gv->cur < gv->top)
		gv->top = gv->cur;
	if (gv->cur >= gv->top + rows)
		gv->top = gv->cur - rows + 1;
	for (int i = gv->top; i < n && y < top + height - (gv->err != NULL ? 2 : 0); i++) {
		const char *text = i < (int)q->nchoices ? q->choices[i] : q->skip;
		int role = i == gv->cur ? UI_CURSOR : UI_NORMAL;

		lt_buf_reset(&b);
		lt_buf_printf(&b, "%s %2d  %s", i == gv->cur ? ">" : " ",
		    i < (int)q->nchoices ? i + 1 : 0, text != NULL ? text : "none");
		if (i == gv->cur)
			ui_canvas_fill(c, y, MARGIN, width, role);
		ui_canvas_text(c, y++, MARGIN, width, role, lt_buf_str(&b));
	}
	if (gv->err != NULL)
		ui_canvas_text(c, top + height - 1, MARGIN, width, UI_ERROR, gv->err);
	lt_buf_free(&b);
}

/* The answer under the cursor is given; when the questions are over, the
   view closes and the command runs. */
static int
pick(guide_view *gv)
{
	const lt_guide_question *q = lt_guide_wizard_question(gv->w);
	ui_app *a = gv->v.app;
	lt_error err;
	char *cmd;

	if (q == NULL)
		return UI_HANDLED;
	free(gv->err);
	gv->err = NULL;
	gv->typed = 0;
	if (lt_guide_wizard_answer(gv->w, gv->cur < (int)q->nchoices ? gv->cur : -1,
	    &err) != 0) {
		gv->err = lt_sprintf("%c%s.", err.msg[0] >= 'a' && err.msg[0] <= 'z' ?
		    err.msg[0] - 'a' + 'A' : err.msg[0], err.msg + 1);
		gv->cur = gv->top = 0;
		return UI_HANDLED;
	}
	gv->step++;
	gv->cur = gv->top = 0;
	if (lt_guide_wizard_command(gv->w) == NULL)
		return UI_HANDLED;
	/* the view goes first, so the result opens where it was */
	cmd = lt_strdup(lt_guide_wizard_command(gv->w));
	ui_close(a, &gv->v);
	if (ui_run(a, cmd) == 0)
		ui_message(a, "The guide ran: %s (you can type it after : next time).", cmd);
	free(cmd);
	return UI_HANDLED;
}

/* Say why an answer was refused, under the list. */
static void
refuse(guide_view *gv, const lt_guide_question *q)
{
	free(gv->err);
	if (q->nchoices == 0)
		gv->err = lt_sprintf("The only answer here is 0 (%s).", q->skip);
	else if (q->can_skip)
		gv->err = lt_sprintf("Pick a number from 0 to %zu.", q->nchoices);
	else
		gv->err = lt_sprintf("Pick a number from 1 to %zu.", q->nchoices);
	gv->typed = 0;
}

/*
 * A digit picks the answer with that number: at once when no longer
 * number starts with it, else the cursor goes there and a second digit
 * (or Enter) settles it. 0 is the answer "none" where it is shown.
 */
static int
guide_key(ui_view *v, int k)
{
	guide_view *gv = (guide_view *)v;
	const lt_guide_question *q = lt_guide_wizard_question(gv->w);
	int n;

	if (q == NULL || k < '0' || k > '9') {
		if (k != UI_KEY_ENTER)
			gv->typed = 0;
		return UI_IGNORED;
	}
	/* a tutorial asking its own question takes 1-9, as its panel says */
	if (gv->typed == 0 && ui_app_tutorial(v->app) != NULL &&
	    ui_tutorial_key(ui_app_tutorial(v->app), k) != UI_IGNORED)
		return UI_HANDLED;
	n = gv->typed * 10 + (k - '0');
	if (gv->typed == 0 && n == 0) {
		if (!q->can_skip) {
			refuse(gv, q);
			return UI_HANDLED;
		}
		gv->cur = (int)q->nchoices;
		return pick(gv);
	}
	if (n < 1 || (size_t)n > q->nchoices) {
		refuse(gv, q);
		return UI_HANDLED;
	}
	gv->cur = n - 1;
	free(gv->err);
	gv->err = NULL;
	if ((size_t)n * 10 <= q->nchoices) {
		gv->typed = n;	/* 1 of 1 .. 15: wait for a second digit */
		return UI_HANDLED;
	}
	gv->typed = 0;
	return pick(gv);
}

static int
guide_action(ui_view *v, int action, int k)
{
	guide_view *gv = (guide_view *)v;
	const lt_guide_question *q = lt_guide_wizard_question(gv->w);
	int n = q != NULL ? answers(q) : 0;

	(void)k;
	switch (action) {
	case A_UP:
		if (gv->cur > 0)
			gv->cur--;
		break;
	case A_DOWN:
		if (gv->cur + 1 < n)
			gv->cur++;
		break;
	case A_HOME:
		gv->cur = 0;
		break;
	case A_END:
		gv->cur = n > 0 ? n - 1 : 0;
		break;
	case A_PICK:
		return pick(gv);
	default:
		break;
	}
	return UI_HANDLED;
}
