/*
 * term.c - the terminal: curses set-up and tear-down, colours (or plain
 * bold and reverse under NO_COLOR and on monochrome terminals), reading
 * keys, copying the app's canvas to the screen, resizing, Ctrl-C, Ctrl-Z.
 * The only file of lantern that talks to curses.
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define NCURSES_WIDECHAR 1
#include <curses.h>

#include "ui.h"

static volatile sig_atomic_t got_intr, got_term;
static volatile sig_atomic_t *session_cancel;
static attr_t role_attr[UI_NROLES];
static int curses_up;

static void
on_intr(int sig)
{
	(void)sig;
	got_intr = 1;
	if (session_cancel != NULL)
		*session_cancel = 1;
}

static void
on_term(int sig)
{
	(void)sig;
	got_term = 1;
}

/* Leave the terminal as we found it, whatever the way out. */
static void
restore(void)
{
	if (curses_up) {
		curses_up = 0;
		curs_set(1);
		endwin();
	}
}

/* How each role looks: colour pairs where wanted and possible, else
   attributes alone. */
static void
set_roles(int color)
{
	static const struct {
		int role;
		short fg, bg;
		attr_t color_attr, mono_attr;
	} map[] = {
		{ UI_NORMAL, -1, -1, A_NORMAL, A_NORMAL },
		{ UI_TITLE, COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE },
		{ UI_BAR, -1, -1, A_REVERSE, A_REVERSE },
		{ UI_BAR_KEY, COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_BOLD },
		{ UI_HEADER, COLOR_CYAN, -1, A_BOLD, A_BOLD | A_UNDERLINE },
		{ UI_CURSOR, COLOR_BLACK, COLOR_YELLOW, A_NORMAL, A_REVERSE },
		{ UI_CURSOR_ROW, -1, -1, A_BOLD, A_BOLD },
		{ UI_MISSING, COLOR_MAGENTA, -1, A_NORMAL, A_DIM },
		{ UI_DIM, -1, -1, A_DIM, A_DIM },
		{ UI_EMPH, -1, -1, A_BOLD, A_BOLD },
		{ UI_ERROR, COLOR_WHITE, COLOR_RED, A_BOLD, A_BOLD | A_REVERSE },
		{ UI_HIDDEN, COLOR_YELLOW, -1, A_NORMAL, A_UNDERLINE },
		{ UI_CODE, COLOR_GREEN, -1, A_BOLD, A_UNDERLINE },
	};
	int use = color && has_colors() && start_color() == OK;

	if (use)
		use_default_colors();
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
		attr_t a = use ? map[i].color_attr : map[i].mono_attr;

		if (use && (map[i].fg >= 0 || map[i].bg >= 0) &&
		    init_pair((short)(i + 1), map[i].fg, map[i].bg) == OK)
			a |= COLOR_PAIR((int)(i + 1));
		role_attr[map[i].role] = a;
	}
}

/* Copy the canvas to the screen and put the cursor where it belongs. */
static void
flush(const ui_canvas *c)
{
	erase();	/* cells the canvas does not reach (the last one) are blank */
	for (int y = 0; y < c->h && y < LINES; y++) {
		move(y, 0);
		for (int x = 0; x < c->w && x < COLS; x++) {
			const ui_cell *cell = &c->cells[(size_t)y * (size_t)c->w + (size_t)x];

			attrset(role_attr[cell->role < UI_NROLES ? cell->role : 0]);
			/* the bottom-right cell would scroll the screen; skip it */
			if (y == LINES - 1 && x == COLS - 1)
				break;
			addstr(cell->ch[0] != '\0' ? cell->ch : " ");
		}
	}
	attrset(A_NORMAL);
	if (c->cur_y >= 0 && c->cur_x >= 0) {
		curs_set(1);
		move(c->cur_y, c->cur_x);
	} else {
		curs_set(0);
	}
	refresh();
}

/* Show at once that something slow is running (before the app returns). */
static void
busy(void *ud, const char *what)
{
	(void)ud;
	attrset(role_attr[UI_BAR]);
	move(LINES - 1, 0);
	clrtoeol();
	mvaddnstr(LINES - 1, 1, "Working (Ctrl-C stops it): ", COLS - 2);
	addnstr(what, COLS - 30 > 0 ? COLS - 30 : 0);
	attrset(A_NORMAL);
	refresh();
}

/* A key from curses as a ui key code; -1 for none. */
static int
read_key(void)
{
	wint_t ch;
	int rc = get_wch(&ch);

	if (rc == ERR)
		return -1;
	if (rc == KEY_CODE_YES) {
		switch (ch) {
		case KEY_UP: return UI_KEY_UP;
		case KEY_DOWN: return UI_KEY_DOWN;
		case KEY_LEFT: return UI_KEY_LEFT;
		case KEY_RIGHT: return UI_KEY_RIGHT;
		case KEY_PPAGE: return UI_KEY_PGUP;
		case KEY_NPAGE: return UI_KEY_PGDN;
		case KEY_HOME: return UI_KEY_HOME;
		case KEY_END: return UI_KEY_END;
		case KEY_BACKSPACE: return UI_KEY_BACKSPACE;
		case KEY_BTAB: return UI_KEY_BTAB;
		case KEY_ENTER: return UI_KEY_ENTER;
		case KEY_RESIZE: return UI_KEY_RESIZE;
		case KEY_DC: return UI_KEY_DELETE;
		case KEY_F(1): return UI_KEY_F1;
		default: return -1;
		}
	}
	if (ch == 27) {
		/* Alt+key comes as Esc and the key at once: one key, with Meta */
		int k;

		timeout(0);
		rc = get_wch(&ch);
		timeout(250);
		if (rc == ERR)
			return UI_KEY_ESC;
		if (rc == KEY_CODE_YES) {
			ungetch((int)ch);	/* Esc, then an arrow: both count */
			return UI_KEY_ESC;
		}
		k = ch == '\r' ? '\n' : (int)ch;
		return UI_KEY_META | k;
	}
	if (ch == '\r')
		return UI_KEY_ENTER;
	if (ch == 127 || ch == 8)
		return UI_KEY_BACKSPACE;
	return (int)ch;
}

int
ui_main(const ui_opts *o)
{
	struct sigaction sa, old_int, old_term, old_hup;
	ui_opts opts = *o;
	ui_app *a;
	int status = 0;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return 2;
	if (getenv("ESCDELAY") == NULL)
		set_escdelay(25);
	if (initscr() == NULL)
		return 1;
	curses_up = 1;
	atexit(restore);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	timeout(250);
	set_roles(o->color);

	session_cancel = o->interrupted;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_intr;
	sigaction(SIGINT, &sa, &old_int);
	sa.sa_handler = on_term;
	sigaction(SIGTERM, &sa, &old_term);
	sigaction(SIGHUP, &sa, &old_hup);

	opts.busy = busy;
	opts.busy_ud = NULL;
	a = ui_app_new(&opts, LINES, COLS);
	for (;;) {
		int k;

		flush(ui_app_draw(a));
		k = read_key();
		if (got_term)
			break;
		if (got_intr) {
			/* Ctrl-C between commands: close the prompt, or leave */
			got_intr = 0;
			if (o->interrupted != NULL)
				*o->interrupted = 0;
			k = 3;
		}
		if (k == UI_KEY_RESIZE) {
			ui_app_resize(a, LINES, COLS);
			clearok(curscr, TRUE);
			continue;
		}
		if (k == 12)
			clearok(curscr, TRUE);
		if (k >= 0 && ui_app_key(a, k) == UI_QUIT)
			break;
		/* a Ctrl-C while that key ran a command stopped the command */
		got_intr = 0;
	}
	ui_app_free(a);
	restore();
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sigaction(SIGHUP, &old_hup, NULL);
	session_cancel = NULL;
	if (got_term)
		status = 1;
	return status;
}
