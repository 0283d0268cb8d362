/*
 * prompt.c - the workbench's ":" prompt on GNU Readline's callback
 * interface. The app reads keys (term.c) and hands them here one at a time;
 * each becomes the bytes a terminal would have sent, queued for readline's
 * getc hook, and rl_callback_read_char runs until they are used up. Readline
 * never reads or writes the terminal: its getc, input-available, redisplay
 * and terminal set-up hooks are ours, its output goes to /dev/null, it
 * catches no signals, and the line is drawn from rl_line_buffer into a
 * canvas by ui_prompt_draw. Completion lists are kept for drawing instead
 * of printed.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <readline/readline.h>
#include <readline/history.h>

#include "buf.h"
#include "edit.h"
#include "format.h"
#include "prompt.h"
#include "ui.h"

#define CTRL_C	3
#define CTRL_V	0x16

struct ui_prompt {
	int utf8;
	int active;		/* the callback handler is installed */
	int state;		/* UI_PROMPT_*: how the last line ended */
	char *line;		/* the line Enter gave, until handed out */
	char *prompt;		/* as given to ui_prompt_open */
	char *warning;		/* from ui_edit_init, or NULL */
	int last_key;
	int question;		/* ui_prompt_question: no history, no completion */
	int scroll;		/* columns of the line scrolled off the left */

	unsigned char in[16];	/* bytes waiting for readline's getc */
	size_t in_pos, in_len;

	char **shown;		/* completions listed by the last Tab */
	size_t nshown;

	FILE *devnull;		/* readline's output (the bell) goes here */

	/* Readline as it was before ui_prompt_new. */
	rl_getc_func_t *old_getc;
	rl_hook_func_t *old_avail;
	rl_voidfunc_t *old_redisplay;
	rl_vintfunc_t *old_prep;
	rl_voidfunc_t *old_deprep;
	rl_compdisp_func_t *old_display;
	FILE *old_out;
	int old_catch_signals, old_catch_sigwinch, old_change_environment;
};

/* The prompt readline's hooks serve (readline is global; so is this). */
static ui_prompt *current;

/* ------------------------------------------------------------ hooks */

/* The next queued byte. Readline asks only when the hook below said there
   is one; should it ask anyway, it gets a key bound to nothing harmful. */
static int
hook_getc(FILE *f)
{
	ui_prompt *p = current;

	(void)f;
	if (p == NULL || p->in_pos >= p->in_len)
		return 0;
	return p->in[p->in_pos++];
}

/* Readline uses this to tell Esc alone from the start of "\033[A". */
static int
hook_avail(void)
{
	return current != NULL && current->in_pos < current->in_len;
}

/* The app redraws after every key (ui_prompt_draw): nothing to do here. */
static void
hook_redisplay(void)
{
}

/* The terminal belongs to curses: readline must not change its modes. */
static void
hook_prep(int meta)
{
	(void)meta;
}

static void
hook_deprep(void)
{
}

static void
clear_shown(ui_prompt *p)
{
	for (size_t i = 0; i < p->nshown; i++)
		free(p->shown[i]);
	free(p->shown);
	p->shown = NULL;
	p->nshown = 0;
}

/* Keep the list Tab would have printed; file names without their directory,
   as readline shows them. */
static void
hook_display(char **m, int n, int maxlen)
{
	ui_prompt *p = current;

	(void)maxlen;
	if (p == NULL || n <= 0)
		return;
	clear_shown(p);
	p->shown = lt_calloc((size_t)n, sizeof *p->shown);
	for (int i = 1; i <= n; i++) {
		const char *s = m[i], *slash;
		size_t len = strlen(s);

		if (rl_filename_completion_desired) {
			size_t end = len > 1 && s[len - 1] == '/' ? len - 1 : len;

			for (slash = s + end; slash > s && slash[-1] != '/'; slash--)
				;
			s = slash;
		}
		p->shown[p->nshown++] = lt_strdup(s);
	}
}

/* Enter (line) or Ctrl-D on an empty line (NULL). The line is ours. */
static void
on_line(char *line)
{
	ui_prompt *p = current;

	rl_callback_handler_remove();
	if (p == NULL) {
		free(line);
		return;
	}
	p->active = 0;
	free(p->line);
	p->line = line;
	p->state = line != NULL ? UI_PROMPT_DONE : UI_PROMPT_CANCELLED;
}

/* ------------------------------------------------------------ set-up */

ui_prompt *
ui_prompt_new(lt_session *s, int utf8)
{
	ui_prompt *p = lt_calloc(1, sizeof *p);
	Keymap maps[3];

	p->utf8 = utf8;
	p->state = UI_PROMPT_CANCELLED;
	p->warning = ui_edit_init(s);

	/* Before readline first initialises: the terminal is curses'. */
	p->old_catch_signals = rl_catch_signals;
	p->old_catch_sigwinch = rl_catch_sigwinch;
	p->old_change_environment = rl_change_environment;
	rl_catch_signals = 0;
	rl_catch_sigwinch = 0;
	rl_change_environment = 0;

	p->old_getc = rl_getc_function;
	p->old_avail = rl_input_available_hook;
	p->old_redisplay = rl_redisplay_function;
	p->old_prep = rl_prep_term_function;
	p->old_deprep = rl_deprep_term_function;
	p->old_display = rl_completion_display_matches_hook;
	p->old_out = rl_outstream;

	rl_getc_function = hook_getc;
	rl_input_available_hook = hook_avail;
	rl_redisplay_function = hook_redisplay;
	rl_prep_term_function = hook_prep;
	rl_deprep_term_function = hook_deprep;
	rl_completion_display_matches_hook = hook_display;
	if ((p->devnull = fopen("/dev/null", "w")) != NULL)
		rl_outstream = p->devnull;
	current = p;

	/* Reads ~/.inputrc; then Delete, unless the user bound it already. */
	rl_initialize();
	maps[0] = rl_get_keymap_by_name("emacs");
	maps[1] = rl_get_keymap_by_name("vi-insert");
	maps[2] = rl_get_keymap_by_name("vi-command");
	for (size_t i = 0; i < 3; i++)
		if (maps[i] != NULL)
			rl_bind_keyseq_if_unbound_in_map("\033[3~", rl_delete, maps[i]);
	return p;
}

void
ui_prompt_free(ui_prompt *p)
{
	if (p == NULL)
		return;
	ui_prompt_cancel(p);
	rl_getc_function = p->old_getc;
	rl_input_available_hook = p->old_avail;
	rl_redisplay_function = p->old_redisplay;
	rl_prep_term_function = p->old_prep;
	rl_deprep_term_function = p->old_deprep;
	rl_completion_display_matches_hook = p->old_display;
	rl_outstream = p->old_out;
	rl_catch_signals = p->old_catch_signals;
	rl_catch_sigwinch = p->old_catch_sigwinch;
	rl_change_environment = p->old_change_environment;
	if (p->devnull != NULL)
		fclose(p->devnull);
	if (current == p)
		current = NULL;
	ui_edit_done();
	clear_shown(p);
	free(p->line);
	free(p->prompt);
	free(p->warning);
	free(p);
}

const char *
ui_prompt_warning(const ui_prompt *p)
{
	return p->warning;
}

void
ui_prompt_open(ui_prompt *p, const char *prompt, const char *initial)
{
	if (p->active)
		ui_prompt_cancel(p);
	clear_shown(p);
	free(p->line);
	p->line = NULL;
	free(p->prompt);
	p->prompt = lt_strdup(prompt != NULL ? prompt : ":");
	p->state = UI_PROMPT_EDITING;
	p->scroll = 0;
	p->last_key = 0;
	p->question = 0;
	p->in_pos = p->in_len = 0;
	current = p;
	p->active = 1;
	rl_callback_handler_install(p->prompt, on_line);
	if (initial != NULL && initial[0] != '\0') {
		rl_insert_text(initial);
		rl_point = rl_end;
	}
}

void
ui_prompt_question(ui_prompt *p, const char *label, const char *initial)
{
	ui_prompt_open(p, label, initial);
	p->question = 1;
}

void
ui_prompt_back(ui_prompt *p, int n)
{
	if (p == NULL || !p->active)
		return;
	current = p;
	while (n-- > 0 && rl_point > 0) {
		rl_point--;
		while (rl_point > 0 && ((unsigned char)rl_line_buffer[rl_point] & 0xc0) == 0x80)
			rl_point--;
	}
}

int
ui_prompt_active(const ui_prompt *p)
{
	return p != NULL && p->active;
}

void
ui_prompt_cancel(ui_prompt *p)
{
	if (p == NULL || !p->active)
		return;
	current = p;
	rl_callback_sigcleanup();	/* a half-typed key sequence, a search */
	rl_free_line_state();
	rl_replace_line("", 1);
	rl_point = rl_end = 0;
	rl_callback_handler_remove();
	p->active = 0;
	p->state = UI_PROMPT_CANCELLED;
	p->in_pos = p->in_len = 0;
	clear_shown(p);
}

/* ------------------------------------------------------------ keys */

/* Put the bytes of code point cp at out (room for 4); returns how many, or
   0 when the terminal's character set has no such character. */
static size_t
encode(const ui_prompt *p, int cp, unsigned char *out)
{
	if (cp < 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	if (cp < 0x80) {
		out[0] = (unsigned char)cp;
		return 1;
	}
	if (p->utf8) {
		if (cp < 0x800) {
			out[0] = (unsigned char)(0xc0 | cp >> 6);
			out[1] = (unsigned char)(0x80 | (cp & 0x3f));
			return 2;
		}
		if (cp < 0x10000) {
			out[0] = (unsigned char)(0xe0 | cp >> 12);
			out[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
			out[2] = (unsigned char)(0x80 | (cp & 0x3f));
			return 3;
		}
		out[0] = (unsigned char)(0xf0 | cp >> 18);
		out[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3f));
		out[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
		out[3] = (unsigned char)(0x80 | (cp & 0x3f));
		return 4;
	} else {
		char mb[MB_LEN_MAX];
		mbstate_t st;
		size_t n;

		memset(&st, 0, sizeof st);
		n = wcrtomb(mb, (wchar_t)cp, &st);
		if (n == (size_t)-1 || n == 0 || n > 4)
			return 0;
		memcpy(out, mb, n);
		return n;
	}
}

/* The bytes a terminal sends for key, as readline binds them by default
   (its arrow-key bindings; Delete is bound in ui_prompt_new). */
static size_t
translate(const ui_prompt *p, int key, unsigned char *out)
{
	const char *seq;
	size_t n;

	if (key >= 0 && (key & UI_KEY_META)) {
		n = translate(p, key & ~UI_KEY_META, out + 1);
		if (n == 0)
			return 0;
		out[0] = ESC;
		return n + 1;
	}
	switch (key) {
	case UI_KEY_UP:		seq = "\033[A"; break;
	case UI_KEY_DOWN:	seq = "\033[B"; break;
	case UI_KEY_RIGHT:	seq = "\033[C"; break;
	case UI_KEY_LEFT:	seq = "\033[D"; break;
	case UI_KEY_HOME:	seq = "\033[H"; break;
	case UI_KEY_END:	seq = "\033[F"; break;
	case UI_KEY_PGUP:	seq = "\033[5~"; break;
	case UI_KEY_PGDN:	seq = "\033[6~"; break;
	case UI_KEY_DELETE:	seq = "\033[3~"; break;
	case UI_KEY_BTAB:	seq = "\033[Z"; break;
	case UI_KEY_BACKSPACE:	seq = "\177"; break;
	default:
		if (key >= UI_KEY_UP)
			return 0;	/* UI_KEY_RESIZE, and keys readline has no use for */
		return encode(p, key, out);
	}
	n = strlen(seq);
	memcpy(out, seq, n);
	return n;
}

/* Whether a lone Esc means something to readline just now: it ends a
   search, leaves vi insert mode, or is being quoted (Ctrl-V). Otherwise it
   cancels the prompt. */
static int
esc_for_readline(const ui_prompt *p)
{
	if (RL_ISSTATE(RL_STATE_ISEARCH | RL_STATE_NSEARCH))
		return 1;
	if (p->last_key == CTRL_V)
		return 1;
	return rl_get_keymap() == rl_get_keymap_by_name("vi-insert");
}

int
ui_prompt_key(ui_prompt *p, int key, char **line)
{
	unsigned char bytes[sizeof p->in];
	size_t n;

	if (line != NULL)
		*line = NULL;
	if (p == NULL || !p->active)
		return UI_PROMPT_CANCELLED;
	if (key == UI_KEY_RESIZE)
		return UI_PROMPT_EDITING;
	clear_shown(p);
	if (key == CTRL_C || (key == UI_KEY_ESC && !esc_for_readline(p))) {
		ui_prompt_cancel(p);
		return UI_PROMPT_CANCELLED;
	}
	if (p->question && key == UI_KEY_TAB)
		return UI_PROMPT_EDITING;	/* an answer has nothing to complete */
	n = translate(p, key, bytes);
	p->last_key = key;
	current = p;
	memcpy(p->in, bytes, n);
	p->in_pos = 0;
	p->in_len = n;
	while (p->active && p->in_pos < p->in_len)
		rl_callback_read_char();
	p->in_pos = p->in_len = 0;
	if (p->active)
		return UI_PROMPT_EDITING;
	if (p->state != UI_PROMPT_DONE)
		return UI_PROMPT_CANCELLED;
	ui_edit_chomp(p->line);
	if (!p->question)
		ui_edit_remember(p->line);	/* answers are not commands to recall */
	if (line != NULL)
		*line = p->line;
	else
		free(p->line);
	p->line = NULL;
	return UI_PROMPT_DONE;
}

/* ------------------------------------------------------------ drawing */

/* The code points of sanitised text, as offsets into it: starts[i] is where
   the i-th begins, starts[n] its end. Returns n; caller frees *starts. */
static size_t
split(const char *s, size_t **starts)
{
	size_t len = strlen(s), n = 0;
	size_t *v = lt_malloc((len + 1) * sizeof *v);

	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			v[n++] = i;
	v[n] = len;
	*starts = v;
	return n;
}

/* Put code points [from, to) of s (split as starts) at row y from column x. */
static void
put(ui_canvas *c, int y, int x, int role, const char *s, const size_t *starts,
    size_t from, size_t to)
{
	for (size_t i = from; i < to; i++, x++) {
		ui_cell *cell = ui_canvas_cell(c, y, x);
		size_t len = starts[i + 1] - starts[i];

		if (cell == NULL)
			break;
		if (len >= sizeof cell->ch)
			len = sizeof cell->ch - 1;
		memcpy(cell->ch, s + starts[i], len);
		cell->ch[len] = '\0';
		cell->role = (unsigned char)role;
	}
}

/* Columns of text once sanitised. */
static size_t
sanitised_width(const char *s, int utf8)
{
	lt_buf b = LT_BUF_INIT;
	size_t w;

	lt_text_sanitize(&b, s, utf8);
	w = lt_text_width(lt_buf_str(&b));
	lt_buf_free(&b);
	return w;
}

/* The completion list in the rows above y. */
static void
draw_shown(ui_prompt *p, ui_canvas *c, int y, int rows_above)
{
	size_t maxw = 0, colw, ncols, need, rows, item_rows, nitems;

	if (rows_above > y)
		rows_above = y;
	if (p->nshown == 0 || rows_above <= 0 || c->w < 4)
		return;
	for (size_t i = 0; i < p->nshown; i++) {
		size_t w = sanitised_width(p->shown[i], c->utf8);

		if (w > maxw)
			maxw = w;
	}
	colw = maxw + 2;
	if (colw > (size_t)c->w - 1)
		colw = (size_t)c->w - 1;
	ncols = ((size_t)c->w - 1) / colw;
	need = (p->nshown + ncols - 1) / ncols;
	if (need <= (size_t)rows_above) {
		rows = need;
		item_rows = need;
		nitems = p->nshown;
	} else {
		rows = (size_t)rows_above;
		item_rows = rows - 1;
		nitems = item_rows * ncols;
	}
	for (size_t r = 0; r < rows; r++) {
		int row = y - (int)rows + (int)r;

		ui_canvas_fill(c, row, 0, -1, UI_BAR);
		for (size_t k = 0; r < item_rows && k < ncols; k++) {
			size_t i = r * ncols + k;

			if (i >= nitems)
				break;
			ui_canvas_text(c, row, 1 + (int)(k * colw), (int)colw - 1,
			    UI_BAR, p->shown[i]);
		}
	}
	if (nitems < p->nshown) {
		int row = y - 1;

		if (nitems == 0)
			ui_canvas_printf(c, row, 1, -1, UI_BAR, "%zu choices; type more "
			    "letters to narrow them", p->nshown);
		else
			ui_canvas_printf(c, row, 1, -1, UI_BAR, "and %zu more",
			    p->nshown - nitems);
	}
}

void
ui_prompt_draw(ui_prompt *p, ui_canvas *c, int y, int rows_above)
{
	lt_buf pb = LT_BUF_INIT, lb = LT_BUF_INIT;
	const char *prompt;
	char *before;
	size_t *ps, *ls, np, nl, cur, avail, scroll;

	if (p == NULL || !p->active || c == NULL || y < 0 || y >= c->h || c->w <= 0)
		return;
	prompt = rl_display_prompt != NULL ? rl_display_prompt : p->prompt;
	lt_text_sanitize(&pb, prompt, c->utf8);
	lt_text_sanitize(&lb, rl_line_buffer != NULL ? rl_line_buffer : "", c->utf8);
	np = split(lt_buf_str(&pb), &ps);
	nl = split(lt_buf_str(&lb), &ls);
	/* The cursor's column: the width of the text before rl_point. */
	before = lt_strndup(rl_line_buffer != NULL ? rl_line_buffer : "",
	    rl_point > 0 ? (size_t)rl_point : 0);
	cur = sanitised_width(before, c->utf8);
	free(before);
	if (cur > nl)
		cur = nl;

	/* A long prompt (a Ctrl-R search) leaves at least half the row. */
	if (np > (size_t)c->w / 2)
		np = (size_t)c->w / 2;
	avail = (size_t)c->w - np;
	scroll = p->scroll > 0 ? (size_t)p->scroll : 0;
	if (cur < scroll)
		scroll = cur;
	if (cur - scroll >= avail)
		scroll = cur - avail + 1;
	if (nl + 1 > avail && scroll > nl + 1 - avail)
		scroll = nl + 1 - avail;	/* no blank space wasted on the right */
	else if (nl + 1 <= avail)
		scroll = 0;
	p->scroll = (int)scroll;

	ui_canvas_fill(c, y, 0, -1, UI_NORMAL);
	put(c, y, 0, UI_EMPH, lt_buf_str(&pb), ps, 0, np);
	put(c, y, (int)np, UI_NORMAL, lt_buf_str(&lb), ls, scroll,
	    nl < scroll + avail ? nl : scroll + avail);
	c->cur_y = y;
	c->cur_x = (int)(np + cur - scroll);

	draw_shown(p, c, y, rows_above);
	free(ps);
	free(ls);
	lt_buf_free(&pb);
	lt_buf_free(&lb);
}
