/*
 * ui.h - the ncurses workbench: a stack of views (home, table browser,
 * result, help), a title bar, a key bar and the ":" prompt.
 *
 * Views are objects with a class (htop's Panel, tmux's window modes): they
 * draw into a canvas (canvas.h) and never call curses themselves. Every key
 * a view understands is a row in its key table; a key either runs a command
 * (a template such as "sort {column} desc", run through the session exactly
 * as if typed at the prompt) or calls the view's action function. The help
 * screen and the key bar are generated from the same tables, so a key that
 * works is a key that is documented.
 *
 * Only term.c includes curses; only edit.c and prompt.c (and the shell's
 * src/cli/repl.c) include readline.
 */
#ifndef UI_UI_H
#define UI_UI_H

#include "canvas.h"
#include "session.h"

typedef struct ui_app ui_app;
typedef struct ui_view ui_view;

/* Key codes: characters are their Unicode code points; these match curses' KEY_* values
   through term.c (so views need no curses header). */
enum ui_keycode {
	UI_KEY_ENTER = '\n',
	UI_KEY_ESC = 27,
	UI_KEY_TAB = '\t',
	UI_KEY_UP = 0x200000,	/* above every Unicode code point */
	 UI_KEY_DOWN, UI_KEY_LEFT, UI_KEY_RIGHT,
	UI_KEY_PGUP, UI_KEY_PGDN, UI_KEY_HOME, UI_KEY_END,
	UI_KEY_BACKSPACE, UI_KEY_BTAB, UI_KEY_RESIZE,
	UI_KEY_DELETE,
	UI_KEY_F1,
	/* A flag added to a key that came right after Esc (within term.c's
	   Esc delay): Alt+key on terminals that send Esc first. */
	UI_KEY_META = 0x40000000
};

/* What a key handler did (bit flags). */
enum {
	UI_IGNORED = 0,
	UI_HANDLED = 1,	/* the key was used */
	UI_CLOSE = 2,	/* close this view (go back) */
	UI_QUIT = 4	/* leave lantern */
};

/*
 * One key of a view. command, when not NULL, is a command template: each
 * "{name}" is replaced by the view's expand(name), quoted as one word;
 * otherwise the key calls the view's action(action). bar, for the 3-5 keys
 * shown in the bottom bar, is the word or two shown there ("sort"). The
 * list ends with a zeroed entry.
 */
typedef struct ui_key {
	int key;		/* a character or UI_KEY_* */
	const char *name;	/* as people type it: "Enter", "PgDn", "s" */
	const char *help;	/* what it does, lower case: "sort by this column" */
	const char *command;	/* command template, or NULL */
	int action;		/* for action(), when command is NULL */
	const char *bar;	/* its label in the key bar, or NULL */
} ui_key;

typedef struct ui_view_class {
	const char *name;	/* "home", "table", "result", "help" */
	const ui_key *keys;
	/* Draw into rows top .. top+height-1 of c (full width). */
	void (*draw)(ui_view *v, ui_canvas *c, int top, int height);
	/* Sees every key first (for modes such as typing a column name);
	   returns UI_IGNORED to let the key table have it. May be NULL. */
	int (*key)(ui_view *v, int k);
	/* Do action (from the key table) for key k; returns UI_* flags. */
	int (*action)(ui_view *v, int action, int k);
	/* The value of "{name}" in a command template, or NULL when the view
	   has none (the key then does nothing and says why). Caller frees. */
	char *(*expand)(ui_view *v, const char *name);
	/* The session changed (dataset, filter, sort): reload. May be NULL. */
	void (*refresh)(ui_view *v);
	void (*free)(ui_view *v);
} ui_view_class;

/* Every view starts with this. */
struct ui_view {
	const ui_view_class *cls;
	ui_app *app;
	char *title;		/* for the title bar; owned */
};

/* The global keys (":" "?" "q" Esc ...), for help and the key bar. */
extern const ui_key ui_global_keys[];

/* Views. Each returns a new view; the app owns it once pushed. */
ui_view *ui_home_new(ui_app *a);
ui_view *ui_table_new(ui_app *a);		/* the open dataset's rows */
/* Results to read in layers; takes ownership of rs[0..n-1] (and rs). */
ui_view *ui_result_new(ui_app *a, lt_result **rs, size_t n);
ui_view *ui_help_new(ui_app *a, const ui_view *about);
/* The guide's questions (guide.c); needs an open dataset. */
ui_view *ui_guide_new(ui_app *a);

/* The classes of the views, for the man page's list of keys. */
extern const ui_view_class ui_home_class, ui_table_class, ui_result_class, ui_help_class;
/* A result of "post --preview": y posts it, Esc cancels (result.c). */
extern const ui_view_class ui_preview_class;
extern const ui_view_class ui_finding_class;	/* a result of "findings show N" */
extern const ui_view_class ui_guide_class;	/* the guide's questions (g) */
/* The KEYS section of the man page, in roff, from the key tables. */
char *ui_keys_roff(void);

/* The app, as views see it. */
lt_session *ui_session(ui_app *a);
int ui_utf8(const ui_app *a);
/* Settings the renderers need (digits). */
int ui_digits(const ui_app *a);
/*
 * Run command text as if typed at the prompt. Results that change what is
 * on screen (open, filter, sort, set) are said in the status line and
 * every view refreshes; other results open a result view. An error is
 * shown in the status line (with its position) and 1 is returned.
 */
int ui_run(ui_app *a, const char *text);
void ui_push(ui_app *a, ui_view *v);
/* Say something in the status line until the next key. */
void ui_message(ui_app *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ui_error_message(ui_app *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Open the ":" prompt with initial text (may be NULL). */
void ui_prompt_start(ui_app *a, const char *initial);
/* The same with the cursor back characters before the end of initial
   (inside the quotes of "findings review 3 changes \"\""). */
void ui_prompt_start_at(ui_app *a, const char *initial, int back);
/*
 * Ask a question in the prompt line ("Title: "). fn gets the answer
 * (trailing blanks dropped; possibly empty), or NULL when the user
 * cancelled with Esc or Ctrl-C; then the app frees ud with free(). fn may
 * ask the next question. Answers are not added to the command history.
 */
typedef void (*ui_answer_fn)(ui_app *a, const char *answer, void *ud);
void ui_ask(ui_app *a, const char *question, ui_answer_fn fn, void *ud);
/* Close view v wherever it is in the stack (never the home screen). */
void ui_close(ui_app *a, ui_view *v);

/*
 * Tutorials (tutorial.c): a lesson followed in a panel docked beside the
 * views (terminals of UI_TUTORIAL_WIDE columns or more) or below them.
 * Its keys work whichever view is on top while a tutorial runs; Enter is
 * the panel's only while it waits for Enter.
 */
#define UI_TUTORIAL_WIDE	110
typedef struct ui_tutorial ui_tutorial;
extern const ui_key ui_tutorial_keys[];
/* The installed tutorials' folder: $LANTERN_TUTORIALS or LT_PKGDATADIR/tutorials. */
const char *ui_tutorial_dir(void);
/* Start a tutorial (a name in that folder, or a file), open its dataset and
   go to where the learner left it; 1, said in the status line, when it
   cannot be read. */
int ui_tutorial_start(ui_app *a, const char *name);
/* The tutorial running, or NULL; setting one frees the one before. */
ui_tutorial *ui_app_tutorial(ui_app *a);
void ui_app_set_tutorial(ui_app *a, ui_tutorial *t);
/* For the app: after every command; a key (before the view's key table;
   may close the tutorial); the panel's columns beside the views (0: it
   goes below) and its rows below them; drawing it in h x w from (y, x). */
void ui_tutorial_ran(ui_tutorial *t);
int ui_tutorial_key(ui_tutorial *t, int k);
/* Key k's label in the key bar now (Enter's when the panel has it), or NULL. */
const char *ui_tutorial_label(ui_tutorial *t, int k);
int ui_tutorial_side(int w);
int ui_tutorial_rows(ui_tutorial *t, int h, int w);
void ui_tutorial_draw(ui_tutorial *t, ui_canvas *c, int y, int x, int h, int w);
void ui_tutorial_free(ui_tutorial *t);
/* Changes whenever a tutorial's saved progress does (for the home screen). */
unsigned ui_tutorial_generation(void);

/* Options from the command line. */
typedef struct ui_opts {
	lt_session *s;
	int utf8;		/* the locale is UTF-8 */
	int color;		/* 0 when NO_COLOR is set */
	const char *open;	/* command text to run first ("open cohort"), or NULL */
	const char *tutorial;	/* a tutorial to start ("01-getting-around"), or NULL */
	volatile sig_atomic_t *interrupted;	/* the session's cancel flag */
	/* Say that something slow is running (term.c draws it at once); may be NULL. */
	void (*busy)(void *ud, const char *what);
	void *busy_ud;
} ui_opts;

/* Run the workbench in the terminal until the user quits (term.c).
   Returns the exit status. */
int ui_main(const ui_opts *o);

/*
 * The app without a terminal (app.c has no curses): ui_main drives it, and
 * so do unit tests, which feed keys and read the screen as text.
 */
ui_app *ui_app_new(const ui_opts *o, int h, int w);
void ui_app_free(ui_app *a);
/* Handle one key; returns UI_QUIT when the user leaves, else 0. */
int ui_app_key(ui_app *a, int key);
void ui_app_resize(ui_app *a, int h, int w);
/* Draw everything into the app's canvas and return it. */
ui_canvas *ui_app_draw(ui_app *a);
/* The view on top of the stack. */
ui_view *ui_app_top(ui_app *a);

/* Helpers shared by views. */
/* "{column}" templates expanded through v; NULL when a name has no value. */
char *ui_expand(ui_view *v, const char *tmpl);
/* Append s to b as one word of the command language: as it is when it
   can be, else in double quotes with " and \ escaped as \" and \\. */
void ui_quote(lt_buf *b, const char *s);

#endif
