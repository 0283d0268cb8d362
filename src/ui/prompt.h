/*
 * prompt.h - the workbench's ":" prompt: a line editor on GNU Readline's
 * callback interface that takes keys from the app (term.c reads them) and
 * draws into a canvas, so readline never touches the terminal curses owns.
 * Editing, Tab completion, ~/.inputrc and the history file are those of
 * the plain shell (edit.h).
 *
 * Keys (ui.h codes):
 * - characters go to readline as UTF-8 (or the locale's bytes);
 * - arrows, Home, End, PgUp, PgDn, Backspace, Delete and Shift-Tab become
 *   the escape sequences readline binds ("\033[D", "\033[H", "\033[3~"...),
 *   so Up and Down walk the history and ~/.inputrc bindings apply;
 * - a lone Esc cancels the prompt, as in vim and VisiData. Readline's own
 *   Esc still works where it means something: it ends a Ctrl-R search, it
 *   leaves vi insert mode (Esc in vi command mode cancels), and it follows
 *   Ctrl-V. Meta (Alt) keys need the terminal to send Esc before the key;
 *   term.c delivers such a pair, when it comes within its Esc delay, as
 *   UI_KEY_META | key, and readline gets Esc and then the key;
 * - Ctrl-C (key 3) cancels, as does Ctrl-D on an empty line.
 *
 * Readline is one global editor: have one ui_prompt at a time.
 */
#ifndef UI_PROMPT_H
#define UI_PROMPT_H

#include "canvas.h"
#include "session.h"

typedef struct ui_prompt ui_prompt;

/* Set readline up (edit.h) for keys from the app; utf8: the terminal's
   locale is UTF-8. */
ui_prompt *ui_prompt_new(lt_session *s, int utf8);
/* A sentence to show when the history file could not be read, or NULL
   (owned by p). */
const char *ui_prompt_warning(const ui_prompt *p);
/* Remove the callback handler and put readline back as it was. */
void ui_prompt_free(ui_prompt *p);
/* Start editing: prompt text (":"), initial line (may be NULL, e.g.
   "filter "), the cursor at its end. */
void ui_prompt_open(ui_prompt *p, const char *prompt, const char *initial);
int ui_prompt_active(const ui_prompt *p);
/*
 * Ask a question instead of taking a command: like ui_prompt_open with
 * label as the prompt ("Title: "), but the answer is not added to the
 * history and Tab inserts nothing (there is nothing to complete).
 */
void ui_prompt_question(ui_prompt *p, const char *label, const char *initial);
/* Move the cursor n characters back from the end of the line (after
   ui_prompt_open, to land inside a pair of quotes). */
void ui_prompt_back(ui_prompt *p, int n);

enum { UI_PROMPT_EDITING, UI_PROMPT_DONE, UI_PROMPT_CANCELLED };

/*
 * Feed one key as read by term.c (a code point or UI_KEY_*). Returns
 * UI_PROMPT_DONE with *line set to the line (trailing blanks dropped;
 * caller frees; already in the history unless blank) when Enter was
 * pressed; UI_PROMPT_CANCELLED on Esc, Ctrl-C or Ctrl-D (see above);
 * otherwise UI_PROMPT_EDITING. The prompt is closed after DONE or
 * CANCELLED. A key when the prompt is not open returns CANCELLED.
 */
int ui_prompt_key(ui_prompt *p, int key, char **line);
/* Close the prompt, forgetting the line (Ctrl-C). */
void ui_prompt_cancel(ui_prompt *p);
/*
 * Draw the prompt line at row y of c (full width, scrolled sideways so the
 * cursor shows; c->cur_y and c->cur_x are set to the cursor) and, after a
 * Tab listed several completions, a box of them in the rows just above y
 * (at most rows_above rows, ending "and N more" when they do not fit).
 * Draws nothing when the prompt is not open.
 */
void ui_prompt_draw(ui_prompt *p, ui_canvas *c, int y, int rows_above);

#endif
