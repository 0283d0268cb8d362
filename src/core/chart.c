/*
 * chart.c - drawing charts as text, and choosing histogram bins.
 *
 * A chart is drawn from the table that holds its data (result.h), within a
 * given width and about 20 lines: horizontal bars for histograms and
 * counts, one line per group for box plots on a shared axis, a grid of
 * braille cells (2 x 4 dots each) for scatter plots and line charts when
 * the terminal takes UTF-8, and plain ASCII otherwise. Axis ends carry
 * their values (lt_format_number) and the axes their labels.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "chart.h"
#include "format.h"
#include "result.h"

#define DIGITS		4	/* significant digits of axis values */
#define GRID_ROWS	16	/* rows of a scatter or line grid */
#define MIN_PLOT	4	/* the narrowest plot area, in columns */

#define BLOCK_UTF8	"\xe2\x96\x88"	/* U+2588 full block */
#define VLINE_UTF8	"\xe2\x94\x82"	/* U+2502 */
#define HLINE_UTF8	"\xe2\x94\x80"	/* U+2500 */
#define CORNER_UTF8	"\xe2\x94\x94"	/* U+2514 */

/*
 * Text helpers.
 */

/* s sanitised and cut to max columns, in b (reset first). */
static const char *
label(lt_buf *b, const char *s, size_t max, int utf8)
{
	lt_buf_reset(b);
	lt_text_sanitize(b, s != NULL ? s : "", utf8);
	lt_text_cut(b, max, utf8);
	return lt_buf_str(b);
}

/* A number for an axis, in b (reset first). */
static const char *
number(lt_buf *b, double v)
{
	lt_buf_reset(b);
	lt_format_number(b, v, DIGITS);
	return lt_buf_str(b);
}

/* Append s padded with spaces to w columns (right-aligned if right). */
static void
pad(lt_buf *out, const char *s, size_t w, int right)
{
	size_t n = lt_text_width(s), gap = n < w ? w - n : 0;

	if (right)
		lt_buf_pad(out, ' ', gap);
	lt_buf_puts(out, s);
	if (!right)
		lt_buf_pad(out, ' ', gap);
}

/* Append s repeated n times. */
static void
repeat(lt_buf *out, const char *s, size_t n)
{
	while (n-- > 0)
		lt_buf_puts(out, s);
}

/* A line holding text s cut to width. */
static void
line(lt_buf *out, const char *s, size_t width, int utf8)
{
	lt_buf b = LT_BUF_INIT;

	lt_buf_puts(out, label(&b, s, width, utf8));
	lt_text_end_line(out);
	lt_buf_free(&b);
}

/* The number in a cell, or NaN. */
static double
cell_num(const lt_table *t, size_t row, size_t col)
{
	const lt_cell *c;

	if (col >= t->ncols)
		return NAN;
	c = lt_table_cell(t, row, col);
	return c->kind == LT_CELL_NUMBER ? c->num : NAN;
}

/* The text of a cell (a number is formatted), in b. */
static const char *
cell_text(lt_buf *b, const lt_table *t, size_t row, size_t col)
{
	const lt_cell *c = lt_table_cell(t, row, col);

	lt_buf_reset(b);
	if (c->kind == LT_CELL_TEXT)
		lt_buf_puts(b, c->text);
	else if (c->kind == LT_CELL_NUMBER)
		lt_format_number(b, c->num, DIGITS);
	else if (c->kind == LT_CELL_HIDDEN)
		lt_buf_puts(b, "*");
	else
		lt_buf_puts(b, "NA");
	return lt_buf_str(b);
}

/*
 * Bars: histograms and counts.
 */

/*
 * "18.5 to 20" for bin row of a histogram table, in b. An outer edge
 * hidden by disclosure control (it would be the smallest or largest
 * value) makes the bin open: "below 20", "175 and above".
 */
static const char *
bin_label(lt_buf *b, const lt_table *t, size_t row)
{
	int lo = lt_table_cell(t, row, 0)->kind != LT_CELL_HIDDEN;
	int hi = lt_table_cell(t, row, 1)->kind != LT_CELL_HIDDEN;

	lt_buf_reset(b);
	if (!lo && !hi) {
		lt_buf_puts(b, "all values");
	} else if (!lo) {
		lt_buf_puts(b, "below ");
		lt_format_number(b, cell_num(t, row, 1), DIGITS);
	} else {
		lt_format_number(b, cell_num(t, row, 0), DIGITS);
		if (!hi) {
			lt_buf_puts(b, " and above");
		} else {
			lt_buf_puts(b, " to ");
			lt_format_number(b, cell_num(t, row, 1), DIGITS);
		}
	}
	return lt_buf_str(b);
}

/* Is the cell hidden by disclosure control? */
static int
cell_hidden(const lt_table *t, size_t row, size_t col)
{
	return col < t->ncols && lt_table_cell(t, row, col)->kind == LT_CELL_HIDDEN;
}

/*
 * Horizontal bars, one per row: its label, then a bar as long as its count
 * against the largest, then the count. A hidden count draws no bar, only
 * the word "hidden": never its true length.
 */
static void
draw_bars(const lt_chart *c, const lt_table *t, size_t width, int utf8, lt_buf *out)
{
	size_t cc = c->kind == LT_CHART_HIST ? 2 : 1, lw = 0, nw = 1, bw;
	lt_buf b = LT_BUF_INIT, l = LT_BUF_INIT;
	double max = 0;

	for (size_t i = 0; i < t->nrows; i++) {
		double v = cell_num(t, i, cc);

		if (c->kind == LT_CHART_HIST)
			bin_label(&b, t, i);
		else
			cell_text(&b, t, i, 0);
		label(&l, lt_buf_str(&b), width / 3, utf8);
		if (lt_text_width(lt_buf_str(&l)) > lw)
			lw = lt_text_width(lt_buf_str(&l));
		if (cell_hidden(t, i, cc)) {
			lt_buf_reset(&b);
			lt_buf_puts(&b, "hidden");
		} else
			cell_text(&b, t, i, cc);
		if (lt_text_width(lt_buf_str(&b)) > nw)
			nw = lt_text_width(lt_buf_str(&b));
		if (isfinite(v) && v > max)
			max = v;
	}
	if (c->x_label != NULL)
		line(out, c->x_label, width, utf8);
	/* label, " ", axis, bar, " ", count */
	bw = width > lw + nw + 3 + MIN_PLOT ? width - lw - nw - 3 : MIN_PLOT;
	for (size_t i = 0; i < t->nrows; i++) {
		double v = cell_num(t, i, cc);
		size_t len = 0;

		if (c->kind == LT_CHART_HIST)
			bin_label(&b, t, i);
		else
			cell_text(&b, t, i, 0);
		pad(out, label(&l, lt_buf_str(&b), lw, utf8), lw, 0);
		lt_buf_puts(out, utf8 ? " " VLINE_UTF8 : " |");
		if (isfinite(v) && v > 0 && max > 0) {
			len = (size_t)floor(v / max * (double)bw + 0.5);
			if (len == 0)
				len = 1;	/* something is there */
		}
		repeat(out, utf8 ? BLOCK_UTF8 : "#", len);
		lt_buf_putc(out, ' ');
		lt_buf_puts(out, cell_hidden(t, i, cc) ? "hidden" : cell_text(&b, t, i, cc));
		lt_text_end_line(out);
	}
	if (t->nrows == 0)
		lt_buf_puts(out, "(no values to draw)\n");
	else if (c->y_label != NULL) {
		lt_buf_pad(out, ' ', lw + 2);
		lt_buf_puts(out, label(&l, c->y_label, width > lw + 2 ? width - lw - 2 : 1,
		    utf8));
		lt_text_end_line(out);
	}
	lt_buf_free(&b);
	lt_buf_free(&l);
}

/*
 * Box plots.
 */

/* The column of v on an axis of w columns from lo to hi. */
static size_t
at(double v, double lo, double hi, size_t w)
{
	double f;

	if (w <= 1 || !(hi > lo))
		return 0;
	f = (v - lo) / (hi - lo);
	if (!(f > 0))
		return 0;
	if (f >= 1)
		return w - 1;
	return (size_t)floor(f * (double)(w - 1) + 0.5);
}

/* Below a plot area starting at column off: lo at its left, hi at its right. */
static void
axis_ends(lt_buf *out, size_t off, size_t w, const char *lo, const char *hi)
{
	size_t nl = lt_text_width(lo), nh = lt_text_width(hi);
	lt_buf b = LT_BUF_INIT;

	lt_buf_puts(&b, lo);
	if (w > nl + nh)
		lt_buf_pad(&b, ' ', w - nl - nh);
	else
		lt_buf_putc(&b, ' ');
	lt_buf_puts(&b, hi);
	lt_text_cut(&b, w, 0);		/* numbers are ASCII */
	lt_buf_pad(out, ' ', off);
	lt_buf_puts(out, lt_buf_str(&b));
	lt_text_end_line(out);
	lt_buf_free(&b);
}

/*
 * The end of a box plot's whisker in row i: column col, or when that is
 * hidden (no extremes of individual values), the quartile in column q.
 */
static double
box_end(const lt_table *t, size_t i, size_t col, size_t q)
{
	return cell_hidden(t, i, col) ? cell_num(t, i, q) : cell_num(t, i, col);
}

/*
 * One line per group: |---[  |  ]---| from min to max on a shared axis;
 * without them (hidden), [  |  ] from quartile to quartile.
 */
static void
draw_box(const lt_chart *c, const lt_table *t, size_t width, int utf8, lt_buf *out)
{
	lt_buf b = LT_BUF_INIT, l = LT_BUF_INIT, lo_s = LT_BUF_INIT, hi_s = LT_BUF_INIT;
	double lo = INFINITY, hi = -INFINITY;
	size_t lw = 0, pw;
	char *row;

	for (size_t i = 0; i < t->nrows; i++) {
		/* a hidden minimum or maximum: the whisker stops at the quartile */
		double mn = box_end(t, i, 2, 3), mx = box_end(t, i, 6, 5);

		label(&l, cell_text(&b, t, i, 0), width / 3, utf8);
		if (lt_text_width(lt_buf_str(&l)) > lw)
			lw = lt_text_width(lt_buf_str(&l));
		if (isfinite(mn) && mn < lo)
			lo = mn;
		if (isfinite(mx) && mx > hi)
			hi = mx;
	}
	if (!(hi >= lo)) {
		lt_buf_puts(out, "(no values to draw)\n");
		goto out;
	}
	number(&lo_s, lo);
	number(&hi_s, hi);
	pw = width > lw + 1 + MIN_PLOT ? width - lw - 1 : MIN_PLOT;
	row = lt_malloc(pw + 1);
	for (size_t i = 0; i < t->nrows; i++) {
		double v[5];
		size_t p[5];
		int ok = 1;

		for (size_t k = 0; k < 5; k++) {
			v[k] = k == 0 ? box_end(t, i, 2, 3) : k == 4 ? box_end(t, i, 6, 5) :
			    cell_num(t, i, 2 + k);
			ok &= isfinite(v[k]);
			p[k] = at(v[k], lo, hi, pw);
		}
		pad(out, label(&l, cell_text(&b, t, i, 0), lw, utf8), lw, 0);
		lt_buf_putc(out, ' ');
		if (!ok && (cell_hidden(t, i, 3) || cell_hidden(t, i, 4) || cell_hidden(t, i, 5)))
			lt_buf_puts(out, "hidden");
		if (ok) {
			memset(row, ' ', pw);
			for (size_t k = p[0]; k <= p[4]; k++)
				row[k] = '-';
			for (size_t k = p[1]; k <= p[3]; k++)
				row[k] = ' ';
			if (!cell_hidden(t, i, 2))
				row[p[0]] = '|';
			if (!cell_hidden(t, i, 6))
				row[p[4]] = '|';
			row[p[1]] = '[';
			row[p[3]] = ']';
			row[p[2]] = '|';
			lt_buf_add(out, row, pw);
		}
		lt_text_end_line(out);
	}
	free(row);
	axis_ends(out, lw + 1, pw, lt_buf_str(&lo_s), lt_buf_str(&hi_s));
	if (c->x_label != NULL) {
		lt_buf_pad(out, ' ', lw + 1);
		lt_buf_puts(out, label(&l, c->x_label, pw, utf8));
		lt_text_end_line(out);
	}
out:
	lt_buf_free(&b);
	lt_buf_free(&l);
	lt_buf_free(&lo_s);
	lt_buf_free(&hi_s);
}

/*
 * Grids: scatter plots and line charts.
 */

/* A grid of w x h cells; with braille each cell holds 2 x 4 dots. */
typedef struct grid {
	size_t w, h;
	int braille;
	unsigned *cell;		/* braille: dot bits; else a count or a mark */
} grid;

/* Braille dot bits by [row 0..3][column 0..1] inside a cell (U+2800 + bits). */
static const unsigned dot_bit[4][2] = {
	{ 0x01, 0x08 }, { 0x02, 0x10 }, { 0x04, 0x20 }, { 0x40, 0x80 }
};

/* Dots across and down: 2 and 4 per braille cell, else 1. */
static size_t
dots_x(const grid *g)
{
	return g->braille ? g->w * 2 : g->w;
}

static size_t
dots_y(const grid *g)
{
	return g->braille ? g->h * 4 : g->h;
}

/* Set the dot at (x, y), y counted from the top; mark for ASCII cells. */
static void
grid_dot(grid *g, size_t x, size_t y, unsigned mark)
{
	unsigned *c;

	if (x >= dots_x(g) || y >= dots_y(g))
		return;
	if (g->braille) {
		g->cell[(y / 4) * g->w + x / 2] |= dot_bit[y % 4][x % 2];
		return;
	}
	c = &g->cell[y * g->w + x];
	if (mark == 0)
		(*c)++;		/* a scatter counts points */
	else if (*c < mark)
		*c = mark;	/* a line: a point outranks a join */
}

/* The dot for the value pair (x, y) on the grid's ranges. */
static void
grid_point(const grid *g, double x, double y, double xlo, double xhi, double ylo,
    double yhi, size_t *dx, size_t *dy)
{
	*dx = at(x, xlo, xhi, dots_x(g));
	*dy = dots_y(g) - 1 - at(y, ylo, yhi, dots_y(g));
}

/* Join two dots with a straight line (Bresenham). */
static void
grid_join(grid *g, size_t x0, size_t y0, size_t x1, size_t y1, unsigned mark)
{
	long x = (long)x0, y = (long)y0, ex = (long)x1, ey = (long)y1;
	long dx = labs(ex - x), dy = -labs(ey - y), sx = x < ex ? 1 : -1,
	    sy = y < ey ? 1 : -1, e = dx + dy, e2;

	for (;;) {
		grid_dot(g, (size_t)x, (size_t)y, mark);
		if (x == ex && y == ey)
			break;
		e2 = 2 * e;
		if (e2 >= dy) {
			e += dy;
			x += sx;
		}
		if (e2 <= dx) {
			e += dx;
			y += sy;
		}
	}
}

/* Append one cell of the grid. */
static void
grid_cell(lt_buf *out, const grid *g, unsigned v, unsigned max, int scatter)
{
	if (g->braille) {
		if (v == 0) {
			lt_buf_putc(out, ' ');
			return;
		}
		/* U+2800 + v in UTF-8: E2 A0+(v>>6) 80+(v&63). */
		lt_buf_putc(out, (char)0xe2);
		lt_buf_putc(out, (char)(0xa0 + (v >> 6)));
		lt_buf_putc(out, (char)(0x80 + (v & 0x3f)));
	} else if (v == 0)
		lt_buf_putc(out, ' ');
	else if (!scatter)
		lt_buf_putc(out, v >= 2 ? '*' : '.');
	else if (v * 3 <= max)
		lt_buf_putc(out, '.');
	else if (v * 3 <= max * 2)
		lt_buf_putc(out, 'o');
	else
		lt_buf_putc(out, 'O');
}

/*
 * Set up a grid with its y axis: the gutter holds the y values at the top
 * and bottom, the plot takes the rest of the width.
 */
static void
grid_init(grid *g, size_t width, size_t gw, int utf8)
{
	g->w = width > gw + 1 + MIN_PLOT ? width - gw - 1 : MIN_PLOT;
	g->h = GRID_ROWS;
	g->braille = utf8;
	g->cell = lt_calloc(g->w * g->h, sizeof *g->cell);
}

/* Draw the grid in its frame: y label, y values, axis, x values, x label. */
static void
grid_draw(lt_buf *out, const grid *g, size_t gw, const char *ytop, const char *ybot,
    const char *xlo, const char *xhi, const lt_chart *c, size_t width, int utf8,
    int scatter)
{
	lt_buf l = LT_BUF_INIT;
	unsigned max = 0;

	for (size_t i = 0; i < g->w * g->h; i++)
		if (g->cell[i] > max)
			max = g->cell[i];
	if (c->y_label != NULL)
		line(out, c->y_label, width, utf8);
	for (size_t r = 0; r < g->h; r++) {
		pad(out, r == 0 ? ytop : r + 1 == g->h ? ybot : "", gw, 1);
		lt_buf_puts(out, utf8 ? VLINE_UTF8 : "|");
		for (size_t k = 0; k < g->w; k++)
			grid_cell(out, g, g->cell[r * g->w + k], max, scatter);
		lt_text_end_line(out);
	}
	lt_buf_pad(out, ' ', gw);
	lt_buf_puts(out, utf8 ? CORNER_UTF8 : "+");
	repeat(out, utf8 ? HLINE_UTF8 : "-", g->w);
	lt_text_end_line(out);
	axis_ends(out, gw + 1, g->w, xlo, xhi);
	if (c->x_label != NULL) {
		lt_buf_pad(out, ' ', gw + 1);
		lt_buf_puts(out, label(&l, c->x_label, g->w, utf8));
		lt_text_end_line(out);
	}
	lt_buf_free(&l);
}

/* The range of the finite numbers in column col; 0 when there is none. */
static int
range(const lt_table *t, size_t col, double *lo, double *hi)
{
	*lo = INFINITY;
	*hi = -INFINITY;
	for (size_t i = 0; i < t->nrows; i++) {
		double v = cell_num(t, i, col);

		if (isfinite(v)) {
			if (v < *lo)
				*lo = v;
			if (v > *hi)
				*hi = v;
		}
	}
	return *hi >= *lo;
}

/* Width of the wider of two numbers, formatted into a and b. */
static size_t
gutter(lt_buf *a, lt_buf *b, double top, double bot, size_t width)
{
	size_t gw;

	number(a, top);
	number(b, bot);
	gw = lt_text_width(lt_buf_str(a)) > lt_text_width(lt_buf_str(b)) ? lt_text_width(lt_buf_str(a)) :
	    lt_text_width(lt_buf_str(b));
	if (gw > width / 3) {
		gw = width / 3;
		lt_text_cut(a, gw, 0);
		lt_text_cut(b, gw, 0);
	}
	return gw;
}

/* A scatter plot: a dot per row of (x, y). */
static void
draw_scatter(const lt_chart *c, const lt_table *t, size_t width, int utf8, lt_buf *out)
{
	lt_buf yt = LT_BUF_INIT, yb = LT_BUF_INIT, xl = LT_BUF_INIT, xh = LT_BUF_INIT;
	double xlo, xhi, ylo, yhi;
	size_t gw, dx, dy;
	grid g;

	if (!range(t, 0, &xlo, &xhi) || !range(t, 1, &ylo, &yhi)) {
		lt_buf_puts(out, "(no values to draw)\n");
		return;
	}
	gw = gutter(&yt, &yb, yhi, ylo, width);
	grid_init(&g, width, gw, utf8);
	for (size_t i = 0; i < t->nrows; i++) {
		double x = cell_num(t, i, 0), y = cell_num(t, i, 1);

		if (!isfinite(x) || !isfinite(y))
			continue;
		grid_point(&g, x, y, xlo, xhi, ylo, yhi, &dx, &dy);
		grid_dot(&g, dx, dy, 0);
	}
	number(&xl, xlo);
	number(&xh, xhi);
	grid_draw(out, &g, gw, lt_buf_str(&yt), lt_buf_str(&yb), lt_buf_str(&xl),
	    lt_buf_str(&xh), c, width, utf8, 1);
	free(g.cell);
	lt_buf_free(&yt);
	lt_buf_free(&yb);
	lt_buf_free(&xl);
	lt_buf_free(&xh);
}

/*
 * A line chart: rows are the x values in order, evenly spaced; each number
 * column after the first is a series, its points joined. The y axis starts
 * at 0 when every value is positive.
 */
static void
draw_line(const lt_chart *c, const lt_table *t, size_t width, int utf8, lt_buf *out)
{
	lt_buf yt = LT_BUF_INIT, yb = LT_BUF_INIT, xl = LT_BUF_INIT, xh = LT_BUF_INIT;
	double ylo = INFINITY, yhi = -INFINITY, lo, hi;
	size_t gw, n = t->nrows;
	grid g;

	for (size_t s = 1; s < t->ncols; s++)
		if (range(t, s, &lo, &hi)) {
			ylo = lo < ylo ? lo : ylo;
			yhi = hi > yhi ? hi : yhi;
		}
	if (n == 0 || !(yhi >= ylo)) {
		lt_buf_puts(out, "(no values to draw)\n");
		return;
	}
	if (ylo > 0)
		ylo = 0;
	gw = gutter(&yt, &yb, yhi, ylo, width);
	grid_init(&g, width, gw, utf8);
	for (size_t s = 1; s < t->ncols; s++) {
		size_t px = 0, py = 0;
		int have = 0;

		for (size_t i = 0; i < n; i++) {
			double y = cell_num(t, i, s);
			size_t dx, dy;

			if (!isfinite(y)) {
				have = 0;	/* a gap in the line */
				continue;
			}
			grid_point(&g, n > 1 ? (double)i : 0, y, 0, n > 1 ? (double)(n - 1) : 1,
			    ylo, yhi, &dx, &dy);
			if (have)
				grid_join(&g, px, py, dx, dy, 1);
			grid_dot(&g, dx, dy, 2);
			px = dx;
			py = dy;
			have = 1;
		}
	}
	label(&xl, cell_text(&xh, t, 0, 0), g.w / 2, utf8);
	cell_text(&yb, t, n - 1, 0);
	{
		lt_buf last = LT_BUF_INIT;

		label(&last, lt_buf_str(&yb), g.w / 2, utf8);
		number(&yb, ylo);
		grid_draw(out, &g, gw, lt_buf_str(&yt), lt_buf_str(&yb), lt_buf_str(&xl),
		    lt_buf_str(&last), c, width, utf8, 0);
		lt_buf_free(&last);
	}
	free(g.cell);
	lt_buf_free(&yt);
	lt_buf_free(&yb);
	lt_buf_free(&xl);
	lt_buf_free(&xh);
}

/*
 * A density grid: the scatter plot of real people's data, as counts of
 * people in squares (rows x_from, x_to, y_from, y_to, count, by y then x).
 * Each square is shaded by its count against the largest; a hidden count
 * is drawn as "*", never shaded by its true size.
 */
static void
draw_density(const lt_chart *c, const lt_table *t, size_t width, int utf8, lt_buf *out)
{
	static const char *const shade_utf8[] = { " ", "\xe2\x96\x91", "\xe2\x96\x92",
	    "\xe2\x96\x93", BLOCK_UTF8 };
	static const char *const shade_ascii[] = { " ", ".", ":", "o", "#" };
	lt_buf yt = LT_BUF_INIT, yb = LT_BUF_INIT, xl = LT_BUF_INIT, xh = LT_BUF_INIT;
	double xlo, xhi, ylo, yhi, max = 0;
	size_t nx = 0, ny, gw, cw, pw;
	int any_hidden = 0;

	if (t->ncols < 5 || t->nrows == 0) {
		lt_buf_puts(out, "(no values to draw)\n");
		return;
	}
	/* squares across: the rows until y_from changes */
	ylo = cell_num(t, 0, 2);
	while (nx < t->nrows && cell_num(t, nx, 2) == ylo)
		nx++;
	ny = t->nrows / nx;
	xlo = cell_num(t, 0, 0);
	xhi = cell_num(t, nx - 1, 1);
	yhi = cell_num(t, t->nrows - 1, 3);
	for (size_t i = 0; i < t->nrows; i++) {
		double v = cell_num(t, i, 4);

		if (isfinite(v) && v > max)
			max = v;
	}
	gw = gutter(&yt, &yb, yhi, ylo, width);
	pw = width > gw + 1 + MIN_PLOT ? width - gw - 1 : MIN_PLOT;
	cw = pw / nx > 0 ? pw / nx : 1;
	if (cw > 6)
		cw = 6;
	if (c->y_label != NULL)
		line(out, c->y_label, width, utf8);
	for (size_t r = ny; r-- > 0; ) {
		pad(out, r + 1 == ny ? lt_buf_str(&yt) : r == 0 ? lt_buf_str(&yb) : "", gw, 1);
		lt_buf_puts(out, utf8 ? VLINE_UTF8 : "|");
		for (size_t k = 0; k < nx && r * nx + k < t->nrows; k++) {
			size_t i = r * nx + k, lvl = 0;
			double v = cell_num(t, i, 4);

			if (cell_hidden(t, i, 4)) {
				lt_buf_putc(out, '*');
				lt_buf_pad(out, ' ', cw - 1);
				any_hidden = 1;
				continue;
			}
			if (isfinite(v) && v > 0 && max > 0)
				lvl = 1 + (size_t)floor(v / max * 3.999);
			repeat(out, utf8 ? shade_utf8[lvl] : shade_ascii[lvl], cw);
		}
		lt_text_end_line(out);
	}
	lt_buf_pad(out, ' ', gw);
	lt_buf_puts(out, utf8 ? CORNER_UTF8 : "+");
	repeat(out, utf8 ? HLINE_UTF8 : "-", cw * nx);
	lt_text_end_line(out);
	number(&xl, xlo);
	number(&xh, xhi);
	axis_ends(out, gw + 1, cw * nx, lt_buf_str(&xl), lt_buf_str(&xh));
	if (c->x_label != NULL) {
		lt_buf_pad(out, ' ', gw + 1);
		lt_buf_puts(out, label(&xl, c->x_label, cw * nx, utf8));
		lt_text_end_line(out);
	}
	lt_buf_pad(out, ' ', gw + 1);
	lt_buf_puts(out, any_hidden ? "Darker: more people. *: hidden." :
	    "Darker: more people.");
	lt_text_end_line(out);
	lt_buf_free(&yt);
	lt_buf_free(&yb);
	lt_buf_free(&xl);
	lt_buf_free(&xh);
}

void
lt_chart_draw(const lt_result *r, const lt_chart *c, int width, int utf8, lt_buf *out)
{
	size_t w = width > 0 ? (size_t)width : 80;
	const lt_table *t;

	if (w < 20)
		w = 20;
	if (c->title != NULL && *c->title != '\0')
		line(out, c->title, w, utf8);
	if (c->table >= r->ntables) {
		lt_buf_puts(out, "(no values to draw)\n");
		return;
	}
	t = r->tables[c->table];
	switch (c->kind) {
	case LT_CHART_HIST:
	case LT_CHART_BAR:
		draw_bars(c, t, w, utf8, out);
		break;
	case LT_CHART_BOX:
		draw_box(c, t, w, utf8, out);
		break;
	case LT_CHART_SCATTER:
		draw_scatter(c, t, w, utf8, out);
		break;
	case LT_CHART_DENSITY:
		draw_density(c, t, w, utf8, out);
		break;
	default:
		draw_line(c, t, w, utf8, out);
		break;
	}
}

/*
 * Histogram bins.
 */

static const double nice_m[] = { 1, 2, 2.5, 5 };

/* 10^e exactly for small e. */
static double
pow10i(int e)
{
	double p = 1;

	for (int i = 0; i < (e < 0 ? -e : e); i++)
		p *= 10;
	return p;
}

/* The edge number i of step nice_m[m] * 10^e: exact when the decimal is. */
static double
edge(double i, int m, int e)
{
	return e >= 0 ? i * nice_m[m] * pow10i(e) : i * nice_m[m] / pow10i(-e);
}

/* Sort helper for doubles. */
static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The number of bins Sturges' and Freedman-Diaconis' rules suggest. */
static size_t
auto_bins(const double *x, size_t n)
{
	double *v = lt_malloc((n ? n : 1) * sizeof *v), iqr, h;
	size_t m = 0, k;

	for (size_t i = 0; i < n; i++)
		if (isfinite(x[i]))
			v[m++] = x[i];
	k = (size_t)ceil(log2((double)m)) + 1;
	if (m >= 4) {
		qsort(v, m, sizeof *v, cmp_double);
		iqr = v[(3 * (m - 1)) / 4] - v[(m - 1) / 4];
		h = 2 * iqr / cbrt((double)m);
		if (h > 0 && (v[m - 1] - v[0]) / h > (double)k)
			k = (size_t)ceil((v[m - 1] - v[0]) / h);
	}
	free(v);
	return k < 1 ? 1 : k > LT_CHART_MAX_BINS ? LT_CHART_MAX_BINS : k;
}

size_t
lt_chart_bins(const double *x, size_t n, size_t want, double *edges)
{
	double lo = INFINITY, hi = -INFINITY, first, span;
	int m = 0, e;
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		if (isfinite(x[i])) {
			lo = x[i] < lo ? x[i] : lo;
			hi = x[i] > hi ? x[i] : hi;
		}
	if (!(hi >= lo))
		return 0;
	if (want == 0)
		want = auto_bins(x, n);
	span = hi > lo ? (hi - lo) / (double)want : (lo != 0 ? fabs(lo) / 10 : 1);
	/* The smallest nice step at least span. */
	e = (int)floor(log10(span));
	while (edge(1, m, e) < span * (1 - 1e-12)) {
		if (++m == 4) {
			m = 0;
			e++;
		}
	}
	for (;;) {
		double step = edge(1, m, e);

		first = floor(lo / step);
		if (edge(first, m, e) > lo)
			first--;
		if (edge(first + 1, m, e) <= lo)
			first++;
		k = (size_t)ceil((hi - edge(first, m, e)) / step);
		while (k > 1 && edge(first + (double)k - 1, m, e) >= hi &&
		    hi > edge(first, m, e))
			k--;
		while (edge(first + (double)k, m, e) < hi)
			k++;
		if (k < 1)
			k = 1;
		if (k <= want)
			break;
		if (++m == 4) {		/* one bin too many: the next nice step */
			m = 0;
			e++;
		}
	}
	for (size_t i = 0; i <= k; i++)
		edges[i] = edge(first + (double)i, m, e);
	return k;
}

size_t
lt_chart_bin_of(const double *edges, size_t k, double v)
{
	size_t lo = 0, hi = k;

	/* The last i with edges[i] <= v, at most k - 1. */
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;

		if (edges[mid] <= v)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}
