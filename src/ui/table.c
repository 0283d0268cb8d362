/*
 * table.c - the table browser: the open dataset's rows, a screen at a time.
 *
 * Only the rows on screen (and half a screen either side) are held: a page
 * cache filled by lt_session_page, which costs the same wherever the page
 * is, so PgDn, End and Home are as quick on five million rows as on twenty
 * thousand. The header row and the first column stay put while the rest
 * scrolls; the cursor is one cell. Sorting, filtering and inspecting a
 * column are commands run through the session (the key table below); moving
 * about and jumping to a column by name are the view's own actions.
 *
 * Rows of real people's data are not shown (the session refuses them; see
 * lt_session_page): the view then says why in place of the rows, and the
 * header, drawn from the dataset's dictionary, keeps a cursor column, so
 * columns can still be chosen, described and charted.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "format.h"
#include "ui.h"

#define COL_CAP		30	/* widest a column grows from its values */
#define NAME_CAP	40	/* widest a column grows from its name */
#define COL_GAP		2	/* blanks between columns */
#define FROZEN_GAP	3	/* " | " after the first column */

enum {
	A_UP = 1, A_DOWN, A_PGUP, A_PGDN, A_HOME, A_END,
	A_LEFT, A_RIGHT, A_FIRST_COL, A_LAST_COL,
	A_INSPECT, A_FILTER, A_JUMP
};

typedef struct table_view {
	ui_view v;
	/* What is shown, kept to notice when the session changes it. */
	char *ds;		/* the dataset's name, or NULL when none is open */
	char **names;		/* its columns, ncols of them */
	size_t ncols;
	int *width;		/* each column's width: name, labels, widest value seen */
	char *filter;		/* the filter and sort the rows were read with */
	char *sort;
	int desc;
	/* The page cache: rows cache_first .. cache_first + nrows - 1. */
	lt_result *cache;	/* its one table holds the rows */
	long long cache_first;
	long long total;	/* rows the filter selects; -1 until known */
	char *error;		/* why the rows could not be read, or NULL */
	int refused;		/* error says why rows are not shown (privacy) */
	/* The cursor cell and the window. */
	long long row, top;	/* cursor row, first row on screen */
	size_t col, left;	/* cursor column, first scrolling column on screen */
	int vis;		/* data rows on screen at the last draw */
	/* Jumping to a column by typing part of its name. */
	int jumping;
	lt_buf jump;
	size_t jump_col, jump_left;	/* where the cursor was, for Esc */
} table_view;

/* The keys; the last field is the label of the few in the key bar. */
static const ui_key table_keys[] = {
	{ UI_KEY_ENTER, "Enter", "inspect column (describe it and draw its chart)", NULL,
	    A_INSPECT, "inspect" },
	{ 's', "s", "sort rows by this column, smallest first", "sort {column}", 0, "sort" },
	{ 'S', "S", "sort rows by this column, largest first", "sort {column} desc", 0, NULL },
	{ 'o', "o", "put the rows back in their original order", "sort off", 0, NULL },
	{ 'f', "f", "filter rows with an expression, such as age >= 65", NULL, A_FILTER, "filter" },
	{ 'F', "F", "turn the filter off and see every row", "filter off", 0, NULL },
	{ '/', "/", "find column by typing part of its name (Enter stays there, Esc goes "
	    "back)", NULL, A_JUMP, NULL },
	{ 'd', "d", "describe this column", "describe {column}", 0, NULL },
	{ UI_KEY_DOWN, "Down", "move down a row (a dim dot in a cell means the value is "
	    "missing)", NULL, A_DOWN, NULL },
	{ UI_KEY_UP, "Up", "move up a row", NULL, A_UP, NULL },
	{ 'j', "j", "move down a row", NULL, A_DOWN, NULL },
	{ 'k', "k", "move up a row", NULL, A_UP, NULL },
	{ UI_KEY_PGDN, "PgDn", "show the next screen of rows", NULL, A_PGDN, NULL },
	{ UI_KEY_PGUP, "PgUp", "show the previous screen of rows", NULL, A_PGUP, NULL },
	{ UI_KEY_HOME, "Home", "go to the first row", NULL, A_HOME, NULL },
	{ UI_KEY_END, "End", "go to the last row", NULL, A_END, NULL },
	{ 'G', "G", "go to the last row", NULL, A_END, NULL },
	{ UI_KEY_RIGHT, "Right", "move to the next column", NULL, A_RIGHT, NULL },
	{ UI_KEY_LEFT, "Left", "move to the previous column", NULL, A_LEFT, NULL },
	{ UI_KEY_TAB, "Tab", "move to the next column", NULL, A_RIGHT, NULL },
	{ UI_KEY_BTAB, "Shift-Tab", "move to the previous column", NULL, A_LEFT, NULL },
	{ '<', "<", "go to the first column", NULL, A_FIRST_COL, NULL },
	{ '>', ">", "go to the last column", NULL, A_LAST_COL, NULL },
	{ 0, NULL, NULL, NULL, 0, NULL }
};

static void table_draw(ui_view *, ui_canvas *, int, int);
static int table_key(ui_view *, int);
static int table_action(ui_view *, int, int);
static char *table_expand(ui_view *, const char *);
static void table_refresh(ui_view *);
static void table_free(ui_view *);

const ui_view_class ui_table_class = {
	"table", table_keys, table_draw, table_key, table_action, table_expand,
	table_refresh, table_free
};

/* ------------------------------------------------------------ state */

static const lt_dataset *
dataset(table_view *tv)
{
	return lt_session_dataset(ui_session(tv->v.app));
}

static int
streq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* Does s contain sub, ignoring case (ASCII)? */
static int
contains(const char *s, const char *sub)
{
	size_t n = strlen(sub);

	for (; *s != '\0'; s++)
		if (strncasecmp(s, sub, n) == 0)
			return 1;
	return n == 0;
}

static void
drop_cache(table_view *tv)
{
	lt_result_free(tv->cache);
	tv->cache = NULL;
	tv->cache_first = 0;
	free(tv->error);
	tv->error = NULL;
	tv->refused = 0;
}

/* Is the dataset, filter or sort different from what the view shows? */
static int
changed(table_view *tv)
{
	lt_session *s = ui_session(tv->v.app);
	const lt_dataset *d = lt_session_dataset(s);
	const char *sort;
	int desc = 0;

	if (d == NULL || tv->ds == NULL)
		return d != NULL || tv->ds != NULL;
	if (strcmp(d->name, tv->ds) != 0 || d->nvars != tv->ncols)
		return 1;
	for (size_t i = 0; i < tv->ncols; i++)
		if (strcmp(d->vars[i].name, tv->names[i]) != 0)
			return 1;
	sort = lt_session_sort(s, &desc);
	return !streq(lt_session_filter(s), tv->filter) || !streq(sort, tv->sort) ||
	    (sort != NULL && desc != tv->desc);
}

/* A column's starting width: its name and the labels of its values. */
static int
first_width(const lt_var *v)
{
	size_t w = lt_text_width(v->name), vals = 0;

	if (w > NAME_CAP)
		w = NAME_CAP;
	for (size_t i = 0; i < v->nlevels; i++) {
		size_t lw = lt_text_width(v->levels[i].label);

		if (lw > vals)
			vals = lw;
	}
	if (v->type == LT_VT_DATE && vals < 10)
		vals = 10;
	if (vals > COL_CAP)
		vals = COL_CAP;
	if (vals > w)
		w = vals;
	return w > 0 ? (int)w : 1;
}

/*
 * Take in the session's dataset, filter and sort: back to the first row,
 * on the same column when the dataset still has it.
 */
static void
reload(table_view *tv)
{
	lt_session *s = ui_session(tv->v.app);
	const lt_dataset *d = lt_session_dataset(s);
	const char *sort;
	char *colname = NULL;
	int same = d != NULL && tv->ds != NULL && strcmp(d->name, tv->ds) == 0 &&
	    d->nvars == tv->ncols;
	size_t i;

	for (i = 0; same && i < tv->ncols; i++)
		if (strcmp(d->vars[i].name, tv->names[i]) != 0)
			same = 0;
	if (tv->col < tv->ncols)
		colname = lt_strdup(tv->names[tv->col]);
	if (!same) {
		for (i = 0; i < tv->ncols; i++)
			free(tv->names[i]);
		free(tv->names);
		free(tv->width);
		free(tv->ds);
		tv->names = NULL;
		tv->width = NULL;
		tv->ds = NULL;
		tv->ncols = 0;
		tv->col = 0;
		tv->left = 1;
		if (d != NULL) {
			tv->ds = lt_strdup(d->name);
			tv->ncols = d->nvars;
			tv->names = lt_calloc(d->nvars + 1, sizeof *tv->names);
			tv->width = lt_calloc(d->nvars + 1, sizeof *tv->width);
			for (i = 0; i < d->nvars; i++) {
				tv->names[i] = lt_strdup(d->vars[i].name);
				tv->width[i] = first_width(&d->vars[i]);
				if (colname != NULL && strcmp(colname, d->vars[i].name) == 0)
					tv->col = i;
			}
		}
		free(tv->v.title);
		tv->v.title = lt_strdup(d != NULL ? d->name : "table");
	}
	free(colname);
	free(tv->filter);
	free(tv->sort);
	tv->filter = lt_strdup(lt_session_filter(s));
	tv->desc = 0;
	sort = lt_session_sort(s, &tv->desc);
	tv->sort = lt_strdup(sort);
	drop_cache(tv);
	tv->total = -1;
	tv->row = tv->top = 0;
	tv->jumping = 0;
	lt_buf_reset(&tv->jump);
}

/* Catch changes made behind the view's back (refresh not called yet). */
static void
sync(table_view *tv)
{
	if (changed(tv))
		reload(tv);
}

/* ------------------------------------------------------------ the rows */

static const lt_table *
cache_table(const table_view *tv)
{
	return tv->cache != NULL && tv->cache->ntables > 0 ? tv->cache->tables[0] : NULL;
}

/* Does the cache hold rows first .. first+n-1 (or all of them there are)? */
static int
cached(const table_view *tv, long long first, long long n)
{
	const lt_table *t = cache_table(tv);
	long long end;

	if (t == NULL || first < tv->cache_first)
		return 0;
	end = tv->cache_first + (long long)t->nrows;
	return first + n <= end || (tv->total >= 0 && end >= tv->total);
}

/* Read count rows from first into the cache; 0, or 1 with tv->error set. */
static int
fetch(table_view *tv, long long first, long long count)
{
	lt_result *r = lt_result_new("page");
	lt_table *t = lt_result_table(r, "rows", NULL);
	long long total = -1;
	lt_error err;
	int rc;

	lt_err_clear(&err);
	if (first < 0)
		first = 0;
	if (count < 1)
		count = 1;
	if ((rc = lt_session_page(ui_session(tv->v.app), first, (size_t)count, t, &total,
	    &err)) != 0) {
		lt_result_free(r);
		drop_cache(tv);
		tv->error = lt_strdup(err.msg[0] != '\0' ? err.msg :
		    "The rows could not be read; press Ctrl-L to try again.");
		tv->refused = rc == LT_EPRIVACY;
		return 1;
	}
	drop_cache(tv);
	tv->cache = r;
	tv->cache_first = first;
	tv->total = total;
	return 0;
}

/* A cell as text, sanitised, into b; *missing is set for a missing value. */
static void
cell_text(const table_view *tv, const lt_table *t, size_t row, size_t col, lt_buf *b,
    int *missing)
{
	const lt_cell *c = lt_table_cell(t, row, col);
	int utf8 = ui_utf8(tv->v.app);

	*missing = 0;
	switch (c->kind) {
	case LT_CELL_NUMBER:
		lt_buf_printf(b, "%.15g", c->num);
		break;
	case LT_CELL_TEXT:
		lt_text_sanitize(b, c->text, utf8);
		break;
	case LT_CELL_HIDDEN:
		lt_buf_putc(b, '*');
		break;
	default:
		*missing = 1;
		lt_buf_puts(b, utf8 ? "\xc2\xb7" : ".");
		break;
	}
}

/* Widen columns to the values just read (up to COL_CAP). */
static void
widen(table_view *tv)
{
	const lt_table *t = cache_table(tv);
	lt_buf b = LT_BUF_INIT;

	if (t == NULL)
		return;
	for (size_t c = 0; c < t->ncols && c < tv->ncols; c++)
		for (size_t r = 0; r < t->nrows; r++) {
			size_t w;
			int missing;

			lt_buf_reset(&b);
			cell_text(tv, t, r, c, &b, &missing);
			w = lt_text_width(lt_buf_str(&b));
			if (w > COL_CAP)
				w = COL_CAP;
			if ((int)w > tv->width[c])
				tv->width[c] = (int)w;
		}
	lt_buf_free(&b);
}

/* Keep the cursor row on screen: move the window, not the cursor. */
static void
scroll_rows(table_view *tv)
{
	if (tv->total >= 0) {
		long long last_top = tv->total - tv->vis;

		if (tv->row >= tv->total)
			tv->row = tv->total - 1;
		if (tv->top > last_top)
			tv->top = last_top;
	}
	if (tv->row < 0)
		tv->row = 0;
	if (tv->top < 0)
		tv->top = 0;
	if (tv->row < tv->top)
		tv->top = tv->row;
	if (tv->row >= tv->top + tv->vis)
		tv->top = tv->row - tv->vis + 1;
}

/*
 * Make sure the rows on screen are in the cache, reading half a screen
 * more on either side so moving a row at a time rarely reads again.
 */
static void
load_window(table_view *tv)
{
	for (int tries = 0; tries < 3; tries++) {
		scroll_rows(tv);
		if (tv->error != NULL || cached(tv, tv->top, tv->vis))
			return;
		if (fetch(tv, tv->top - tv->vis / 2, 2LL * tv->vis) != 0)
			return;
		widen(tv);
	}
	scroll_rows(tv);
}

/* ------------------------------------------------------------ columns */

/* The header text of column i (name and sort mark) into b. */
static void
header_text(const table_view *tv, size_t i, lt_buf *b)
{
	int utf8 = ui_utf8(tv->v.app);

	lt_text_sanitize(b, tv->names[i], utf8);
	if (tv->sort != NULL && strcmp(tv->sort, tv->names[i]) == 0)
		lt_buf_puts(b, tv->desc ? (utf8 ? "\xe2\x86\x93" : "v") :
		    (utf8 ? "\xe2\x86\x91" : "^"));
}

/* Column i's width on a screen w wide: room for its header and values. */
static int
col_width(const table_view *tv, size_t i, int w)
{
	lt_buf b = LT_BUF_INIT;
	int cw = tv->width[i];
	size_t hw;

	header_text(tv, i, &b);
	hw = lt_text_width(lt_buf_str(&b));
	lt_buf_free(&b);
	if (hw > NAME_CAP + 1)
		hw = NAME_CAP + 1;
	if ((int)hw > cw)
		cw = (int)hw;
	if (i == 0 && cw > w / 2)
		cw = w / 2;
	if (cw > w - 1)
		cw = w - 1;
	return cw > 1 ? cw : 1;
}

/* Where the scrolling columns start. */
static int
scroll_x(const table_view *tv, int w)
{
	return tv->ncols > 1 ? col_width(tv, 0, w) + FROZEN_GAP : w;
}

/* Keep the cursor column on screen (the first column always is). */
static void
scroll_cols(table_view *tv, int w)
{
	int x0 = scroll_x(tv, w);

	if (tv->left < 1)
		tv->left = 1;
	if (tv->left >= tv->ncols)
		tv->left = tv->ncols > 1 ? tv->ncols - 1 : 1;
	if (tv->col == 0)
		return;
	if (tv->col < tv->left)
		tv->left = tv->col;
	while (tv->left < tv->col) {
		int x = x0;

		for (size_t i = tv->left; i <= tv->col; i++)
			x += col_width(tv, i, w) + (i > tv->left ? COL_GAP : 0);
		if (x <= w)
			break;
		tv->left++;
	}
}

/* Is column i of the open dataset shown right-aligned (a plain number)? */
static int
right_aligned(const table_view *tv, size_t i)
{
	const lt_dataset *d = dataset((table_view *)tv);

	if (d == NULL || i >= d->nvars)
		return 0;
	return d->vars[i].nlevels == 0 &&
	    (d->vars[i].type == LT_VT_INTEGER || d->vars[i].type == LT_VT_NUMBER);
}

/* Write text s in a cell cw wide at (y, x), to the left or right. */
static void
put(ui_canvas *c, int y, int x, int cw, int right, int role, const char *s)
{
	size_t sw = lt_text_width(s);

	if (right && sw < (size_t)cw)
		x += cw - (int)sw;
	ui_canvas_text(c, y, x, cw, role, s);
}

/* ------------------------------------------------------------ drawing */

/* A column on screen: which, where and how wide. */
typedef struct span {
	size_t col;
	int x, w;
} span;

/* The columns on screen, the frozen first one first; returns how many. */
static size_t
layout(table_view *tv, int w, span *out, size_t max)
{
	size_t n = 0;
	int x;

	if (tv->ncols == 0 || max == 0)
		return 0;
	out[n].col = 0;
	out[n].x = 0;
	out[n].w = col_width(tv, 0, w);
	n++;
	x = scroll_x(tv, w);
	for (size_t i = tv->left; i < tv->ncols && n < max && x < w; i++) {
		int cw = col_width(tv, i, w);

		if (x + cw > w) {
			/* A cut column says there is more; too narrow a stub says nothing. */
			if (w - x < 4 && n > 1)
				break;
			cw = w - x;
		}
		out[n].col = i;
		out[n].x = x;
		out[n].w = cw;
		n++;
		x += cw + COL_GAP;
	}
	return n;
}

/*
 * The header row. Without rows to hold the cursor (rows refused), the
 * cursor is on the header: it shows which column Enter inspects.
 */
static void
draw_header(table_view *tv, ui_canvas *c, int y, const span *sp, size_t n)
{
	lt_buf b = LT_BUF_INIT;

	ui_canvas_fill(c, y, 0, -1, UI_HEADER);
	for (size_t k = 0; k < n; k++) {
		lt_buf_reset(&b);
		header_text(tv, sp[k].col, &b);
		put(c, y, sp[k].x, sp[k].w, right_aligned(tv, sp[k].col), UI_HEADER,
		    lt_buf_str(&b));
		if (tv->refused && sp[k].col == tv->col) {
			ui_canvas_paint(c, y, sp[k].x, sp[k].w, UI_CURSOR);
			c->cur_y = y;
			c->cur_x = sp[k].x;
		}
	}
	if (n > 1)
		ui_canvas_text(c, y, sp[0].w + 1, 1, UI_HEADER, ui_utf8(tv->v.app) ?
		    "\xe2\x94\x82" : "|");
	lt_buf_free(&b);
}

static void
draw_row(table_view *tv, ui_canvas *c, int y, long long rowno, const span *sp, size_t n)
{
	const lt_table *t = cache_table(tv);
	int cur = rowno == tv->row;
	lt_buf b = LT_BUF_INIT;
	size_t r;

	if (t == NULL || rowno < tv->cache_first ||
	    rowno - tv->cache_first >= (long long)t->nrows)
		return;
	r = (size_t)(rowno - tv->cache_first);
	if (cur)
		ui_canvas_fill(c, y, 0, -1, UI_CURSOR_ROW);
	for (size_t k = 0; k < n; k++) {
		int missing, role;

		if (sp[k].col >= t->ncols)
			continue;
		lt_buf_reset(&b);
		cell_text(tv, t, r, sp[k].col, &b, &missing);
		role = cur ? UI_CURSOR_ROW : missing ? UI_MISSING : UI_NORMAL;
		put(c, y, sp[k].x, sp[k].w, right_aligned(tv, sp[k].col), role,
		    lt_buf_str(&b));
		if (cur && sp[k].col == tv->col) {
			ui_canvas_paint(c, y, sp[k].x, sp[k].w, UI_CURSOR);
			c->cur_y = y;
			c->cur_x = sp[k].x;
		}
	}
	if (n > 1)
		ui_canvas_text(c, y, sp[0].w + 1, 1, cur ? UI_CURSOR_ROW : UI_DIM,
		    ui_utf8(tv->v.app) ? "\xe2\x94\x82" : "|");
	lt_buf_free(&b);
}

/* The dim line at the bottom: where the cursor is and what is in force. */
static void
draw_info(table_view *tv, ui_canvas *c, int y)
{
	const lt_dataset *d = dataset(tv);
	const char *sep = ui_utf8(tv->v.app) ? " \xc2\xb7 " : " | ";
	lt_buf b = LT_BUF_INIT;

	ui_canvas_fill(c, y, 0, -1, UI_DIM);
	if (tv->jumping) {
		lt_buf_puts(&b, "column: ");
		lt_buf_puts(&b, lt_buf_str(&tv->jump));
		lt_buf_putc(&b, '_');
		if (tv->jump.len > 0 && tv->col < tv->ncols &&
		    !contains(tv->names[tv->col], lt_buf_str(&tv->jump)))
			lt_buf_printf(&b, "%sno column name has \"%s\"", sep,
			    lt_buf_str(&tv->jump));
		lt_buf_printf(&b, "%sEnter to stay, Esc to go back", sep);
		ui_canvas_text(c, y, 0, -1, UI_EMPH, lt_buf_str(&b));
		lt_buf_free(&b);
		return;
	}
	if (tv->refused) {
		lt_buf_puts(&b, "rows not shown");
	} else if (tv->total == 0) {
		lt_buf_puts(&b, "no rows");
	} else {
		lt_buf_puts(&b, "row ");
		lt_format_number(&b, (double)(tv->row + 1), 0);
		if (tv->total > 0) {
			lt_buf_puts(&b, " of ");
			lt_format_number(&b, (double)tv->total, 0);
		}
	}
	if (tv->filter != NULL)
		lt_buf_printf(&b, "%sfilter: %s", sep, tv->filter);
	if (tv->sort != NULL)
		lt_buf_printf(&b, "%ssorted by %s, %s first", sep, tv->sort,
		    tv->desc ? "largest" : "smallest");
	if (d != NULL && tv->col < d->nvars) {
		const lt_var *v = &d->vars[tv->col];

		lt_buf_printf(&b, "%scolumn %s", sep, v->name);
		if (v->label != NULL && strcmp(v->label, v->name) != 0)
			lt_buf_printf(&b, ": %s", v->label);
		if (v->unit != NULL)
			lt_buf_printf(&b, " (%s)", v->unit);
		lt_buf_printf(&b, ", %s", lt_vtype_name(v->type));
		if (v->nlevels > 0 && v->type != LT_VT_CATEGORY)
			lt_buf_puts(&b, " with labels");
	}
	ui_canvas_text(c, y, 0, -1, UI_DIM, lt_buf_str(&b));
	lt_buf_free(&b);
}

/*
 * In place of the rows: why they are not shown, wrapped, then (dim) what
 * still works, in the lines y .. y+lines-1.
 */
static void
draw_refused(table_view *tv, ui_canvas *c, int y, int lines)
{
	lt_buf b = LT_BUF_INIT;
	const char *p;
	size_t w = c->w > 4 ? (size_t)c->w - 2 : 1;
	int k = 0, role = UI_EMPH;

	lt_text_wrap(&b, tv->error, w, "", 0, ui_utf8(tv->v.app));
	lt_buf_putc(&b, '\n');
	lt_text_wrap(&b, "Choose a column with Left and Right, then press Enter to "
	    "describe it and draw its chart.", w, "", 0, ui_utf8(tv->v.app));
	for (p = lt_buf_str(&b); *p != '\0' && k < lines; k++) {
		size_t n = strcspn(p, "\n");
		char *line = lt_strndup(p, n);

		if (n == 0)
			role = UI_DIM;	/* the blank line before the hint */
		ui_canvas_text(c, y + k, 1, c->w - 1, role, line);	/* sanitised */
		free(line);
		p += n;
		if (*p == '\n')
			p++;
	}
	lt_buf_free(&b);
}

static void
table_draw(ui_view *v, ui_canvas *c, int top, int height)
{
	table_view *tv = (table_view *)v;
	span *sp;
	size_t n;
	int body;

	for (int y = top; y < top + height; y++)
		ui_canvas_fill(c, y, 0, -1, UI_NORMAL);
	if (height < 1 || c->w < 1)
		return;
	sync(tv);
	if (tv->ds == NULL) {
		ui_canvas_text(c, top, 0, -1, UI_NORMAL,
		    "No dataset is open: press : and type open cohort (or another name) "
		    "to open one.");
		return;
	}
	/* Header, rows, info line; a tiny area keeps the header and one row. */
	body = height - 2;
	if (body < 1)
		body = height > 1 ? height - 1 : 1;
	tv->vis = body;
	load_window(tv);
	scroll_cols(tv, c->w);
	sp = lt_calloc(tv->ncols + 1, sizeof *sp);
	n = layout(tv, c->w, sp, tv->ncols + 1);
	draw_header(tv, c, top, sp, n);
	if (height < 2) {
		/* only the header fits */
	} else if (tv->refused) {
		draw_refused(tv, c, top + 1, height - 1 - (height >= 3));
	} else if (tv->error != NULL) {
		ui_canvas_text(c, top + 1, 0, -1, UI_ERROR, tv->error);
	} else if (tv->total == 0) {
		ui_canvas_text(c, top + 1, 0, -1, UI_NORMAL, tv->filter != NULL ?
		    "No rows match the filter; press F to turn it off or f to change it." :
		    "This dataset has no rows.");
	} else {
		for (int k = 0; k < body && top + 1 + k < top + height; k++)
			draw_row(tv, c, top + 1 + k, tv->top + k, sp, n);
	}
	if (height >= 3)
		draw_info(tv, c, top + height - 1);
	free(sp);
}

/* ------------------------------------------------------------ keys */

/* The first column whose name starts with s, else contains it; or -1. */
static long
find_column(const table_view *tv, const char *s)
{
	size_t len = strlen(s);

	for (size_t i = 0; i < tv->ncols; i++)
		if (strncasecmp(tv->names[i], s, len) == 0)
			return (long)i;
	for (size_t i = 0; i < tv->ncols; i++)
		if (contains(tv->names[i], s))
			return (long)i;
	return -1;
}

static void
jump_update(table_view *tv)
{
	long i;

	if (tv->jump.len == 0) {
		tv->col = tv->jump_col;
		tv->left = tv->jump_left;
		return;
	}
	if ((i = find_column(tv, lt_buf_str(&tv->jump))) >= 0)
		tv->col = (size_t)i;
}

static void
jump_end(table_view *tv, int back)
{
	if (back) {
		tv->col = tv->jump_col;
		tv->left = tv->jump_left;
	}
	tv->jumping = 0;
	lt_buf_reset(&tv->jump);
}

/* Append code point k to b as UTF-8. */
static void
put_utf8(lt_buf *b, int k)
{
	unsigned int u = (unsigned int)k;

	if (u < 0x80) {
		lt_buf_putc(b, (char)u);
	} else if (u < 0x800) {
		lt_buf_putc(b, (char)(0xc0 | (u >> 6)));
		lt_buf_putc(b, (char)(0x80 | (u & 0x3f)));
	} else if (u < 0x10000) {
		lt_buf_putc(b, (char)(0xe0 | (u >> 12)));
		lt_buf_putc(b, (char)(0x80 | ((u >> 6) & 0x3f)));
		lt_buf_putc(b, (char)(0x80 | (u & 0x3f)));
	} else {
		lt_buf_putc(b, (char)(0xf0 | (u >> 18)));
		lt_buf_putc(b, (char)(0x80 | ((u >> 12) & 0x3f)));
		lt_buf_putc(b, (char)(0x80 | ((u >> 6) & 0x3f)));
		lt_buf_putc(b, (char)(0x80 | (u & 0x3f)));
	}
}

/*
 * Every key comes here first. While a column name is being typed, letters
 * (even q and s) are part of it; Enter keeps the column found, Esc and
 * Ctrl-C go back; any other key keeps it and does what it always does.
 */
static int
table_key(ui_view *v, int k)
{
	table_view *tv = (table_view *)v;

	if (!tv->jumping)
		return UI_IGNORED;
	switch (k) {
	case UI_KEY_ENTER:
	case '\r':
		jump_end(tv, 0);
		return UI_HANDLED;
	case UI_KEY_ESC:
	case 3:		/* Ctrl-C */
		jump_end(tv, 1);
		return UI_HANDLED;
	case UI_KEY_BACKSPACE:
	case 8:
	case 127:
		/* Take back one character (a whole UTF-8 sequence). */
		while (tv->jump.len > 0 &&
		    ((unsigned char)tv->jump.s[--tv->jump.len] & 0xc0) == 0x80)
			;
		if (tv->jump.s != NULL)
			tv->jump.s[tv->jump.len] = '\0';
		jump_update(tv);
		return UI_HANDLED;
	default:
		break;
	}
	if (k >= ' ' && k < UI_KEY_UP && k != 127) {
		if (tv->jump.len < 64) {
			put_utf8(&tv->jump, k);
			jump_update(tv);
		}
		return UI_HANDLED;
	}
	jump_end(tv, 0);
	return UI_IGNORED;
}

/* Learn how many rows there are (for End) without moving the window. */
static int
know_total(table_view *tv)
{
	if (tv->total >= 0)
		return 0;
	return fetch(tv, tv->top, tv->vis > 0 ? tv->vis : 1);
}

/* Describe the cursor's column and chart it: bars for labelled values,
   a histogram for numbers, counts over time for dates; text is only
   described. */
static void
inspect(table_view *tv)
{
	const lt_dataset *d = dataset(tv);
	char *cmd;

	if (d == NULL || tv->col >= d->nvars)
		return;
	cmd = ui_expand(&tv->v, d->vars[tv->col].type == LT_VT_TEXT &&
	    d->vars[tv->col].nlevels == 0 ? "describe {column}" :
	    "describe {column}; plot {chart} {column}");
	if (cmd != NULL)
		ui_run(tv->v.app, cmd);
	free(cmd);
}

static int
table_action(ui_view *v, int action, int k)
{
	table_view *tv = (table_view *)v;
	long long page = tv->vis > 1 ? tv->vis : 1;

	sync(tv);
	(void)k;
	if (tv->ds == NULL) {
		ui_message(v->app, "No dataset is open: press : and type open cohort to open one.");
		return UI_HANDLED;
	}
	if (tv->refused && action >= A_UP && action <= A_END) {
		ui_message(v->app, "The rows of this dataset are not shown; Left and Right "
		    "choose a column.");
		return UI_HANDLED;
	}
	if (!tv->refused) {
		free(tv->error);	/* moving is how to try again */
		tv->error = NULL;
	}
	switch (action) {
	case A_UP:
		tv->row--;
		break;
	case A_DOWN:
		if (tv->total < 0 || tv->row + 1 < tv->total)
			tv->row++;
		break;
	case A_PGUP:
		tv->row -= page;
		tv->top -= page;
		break;
	case A_PGDN:
		tv->row += page;
		tv->top += page;
		break;
	case A_HOME:
		tv->row = tv->top = 0;
		break;
	case A_END:
		if (know_total(tv) == 0 && tv->total > 0) {
			tv->row = tv->total - 1;
			tv->top = tv->total - page;
		}
		break;
	case A_LEFT:
		if (tv->col > 0)
			tv->col--;
		break;
	case A_RIGHT:
		if (tv->col + 1 < tv->ncols)
			tv->col++;
		break;
	case A_FIRST_COL:
		tv->col = 0;
		tv->left = 1;
		break;
	case A_LAST_COL:
		if (tv->ncols > 0)
			tv->col = tv->ncols - 1;
		break;
	case A_FILTER:
		/* a fresh expression: the one on now is in the line below the rows */
		ui_prompt_start(v->app, "filter ");
		break;
	case A_INSPECT:
		inspect(tv);
		break;
	case A_JUMP:
		tv->jumping = 1;
		tv->jump_col = tv->col;
		tv->jump_left = tv->left;
		lt_buf_reset(&tv->jump);
		break;
	default:
		return UI_IGNORED;
	}
	if (tv->row < 0)
		tv->row = 0;
	if (tv->top < 0)
		tv->top = 0;
	if (tv->total >= 0)
		scroll_rows(tv);
	return UI_HANDLED;
}

static char *
table_expand(ui_view *v, const char *name)
{
	table_view *tv = (table_view *)v;
	const lt_dataset *d;
	const lt_var *var;

	sync(tv);
	d = dataset(tv);
	if (d == NULL)
		return NULL;
	if (strcmp(name, "dataset") == 0)
		return lt_strdup(d->name);
	if (tv->col >= d->nvars)
		return NULL;
	var = &d->vars[tv->col];
	if (strcmp(name, "column") == 0)
		return lt_strdup(var->name);
	if (strcmp(name, "chart") == 0) {
		if (var->nlevels > 0 || var->type == LT_VT_CATEGORY)
			return lt_strdup("bar");
		if (var->type == LT_VT_INTEGER || var->type == LT_VT_NUMBER)
			return lt_strdup("hist");
		if (var->type == LT_VT_DATE)
			return lt_strdup("line");
		return NULL;	/* free text has no chart */
	}
	return NULL;
}

static void
table_refresh(ui_view *v)
{
	table_view *tv = (table_view *)v;

	if (changed(tv)) {
		reload(tv);
		/* Read the first screen now, while the app says the command is
		   running: a new sort of millions of rows takes seconds once. */
		if (tv->ds != NULL && fetch(tv, 0, 2LL * tv->vis) == 0)
			widen(tv);
	} else {
		/* Same rows, maybe new values (a re-import): read them again. */
		drop_cache(tv);
		tv->total = -1;
	}
}

static void
table_free(ui_view *v)
{
	table_view *tv = (table_view *)v;

	if (tv == NULL)
		return;
	drop_cache(tv);
	for (size_t i = 0; i < tv->ncols; i++)
		free(tv->names[i]);
	free(tv->names);
	free(tv->width);
	free(tv->ds);
	free(tv->filter);
	free(tv->sort);
	lt_buf_free(&tv->jump);
	free(tv);		/* the app frees the title */
}

ui_view *
ui_table_new(ui_app *a)
{
	table_view *tv = lt_calloc(1, sizeof *tv);

	tv->v.cls = &ui_table_class;
	tv->v.app = a;
	tv->total = -1;
	tv->left = 1;
	tv->vis = 20;
	reload(tv);
	return &tv->v;
}
