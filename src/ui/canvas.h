/*
 * canvas.h - an off-screen grid of character cells that every view draws
 * into. One function (ui_term_flush in term.c) copies it to the terminal;
 * ui_canvas_dump turns it into plain text, so unit tests can assert on
 * whole screens without a terminal (tmux's screen model, htop's RichString).
 *
 * Each cell holds one character (one code point, UTF-8 encoded; every code
 * point is taken to be one column wide) and a role saying how it looks.
 * Text from data or users is sanitised on the way in (lt_text_sanitize):
 * control characters and escape sequences never reach the terminal, and
 * when the canvas is not UTF-8 everything is ASCII.
 */
#ifndef UI_CANVAS_H
#define UI_CANVAS_H

#include "buf.h"

/* How a cell looks; term.c maps each role to colours or, without colour,
   to bold/reverse/underline (NO_COLOR and monochrome terminals). */
enum ui_role {
	UI_NORMAL,
	UI_TITLE,	/* the top bar */
	UI_BAR,		/* the bottom key bar */
	UI_BAR_KEY,	/* a key's name in the key bar */
	UI_HEADER,	/* a table's frozen header row */
	UI_CURSOR,	/* the cell or card under the cursor */
	UI_CURSOR_ROW,	/* the rest of the cursor's row */
	UI_MISSING,	/* a missing value */
	UI_DIM,		/* secondary text */
	UI_EMPH,	/* headings, headlines */
	UI_ERROR,	/* an error in the status line */
	UI_HIDDEN,	/* a value withheld by disclosure control */
	UI_CODE,	/* a command in a tutorial's text */
	UI_NROLES
};

typedef struct ui_cell {
	char ch[5];		/* one code point, NUL-terminated; "" = blank */
	unsigned char role;	/* enum ui_role */
} ui_cell;

typedef struct ui_canvas {
	int h, w;
	int utf8;		/* 1 when UTF-8 may be drawn */
	int cur_y, cur_x;	/* where the terminal cursor goes; -1 = hidden */
	ui_cell *cells;		/* h * w, row-major */
} ui_canvas;

ui_canvas *ui_canvas_new(int h, int w, int utf8);
void ui_canvas_free(ui_canvas *c);
/* Change the size; the contents are cleared. */
void ui_canvas_resize(ui_canvas *c, int h, int w);
/* Blank every cell (UI_NORMAL) and hide the cursor. */
void ui_canvas_clear(ui_canvas *c);
/*
 * Write s at row y, column x, in at most maxw columns (maxw < 0: up to
 * the right edge), cut with an ellipsis when it does not fit. s is any
 * text (sanitised here; newlines and tabs become spaces). Returns the
 * number of columns written. Off-canvas positions write nothing.
 */
int ui_canvas_text(ui_canvas *c, int y, int x, int maxw, int role, const char *s);
/* Like ui_canvas_text, formatted. */
int ui_canvas_printf(ui_canvas *c, int y, int x, int maxw, int role, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* Set the role of w cells from (y, x) without changing their characters;
   w < 0 means to the right edge. */
void ui_canvas_paint(ui_canvas *c, int y, int x, int w, int role);
/* Fill w cells from (y, x) with blanks in role (w < 0: to the right edge). */
void ui_canvas_fill(ui_canvas *c, int y, int x, int w, int role);
/*
 * Write s, a text of several lines (as the renderers and lt_chart_draw
 * make them), from row y down, each line starting at column x and cut at
 * the right edge; lines before skip are left out and at most maxh lines are
 * written. Returns the number of lines s has in all.
 */
int ui_canvas_lines(ui_canvas *c, int y, int x, int maxh, int skip, int role,
    const char *s);
/* Append the canvas as text: one line per row, trailing blanks dropped. */
void ui_canvas_dump(const ui_canvas *c, lt_buf *out);
/* The cell at (y, x), or NULL off the canvas. */
ui_cell *ui_canvas_cell(ui_canvas *c, int y, int x);

#endif
