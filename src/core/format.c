/*
 * format.c - rendering result documents as text for people, CSV or JSON.
 *
 * All three renderers are deterministic: the same document and options give
 * the same bytes, so golden transcripts can compare them. Text output is safe
 * to send to a terminal: strings from user data are sanitised so they cannot
 * carry escape sequences. JSON keeps every number at full precision.
 */
#include "config.h"

#include <jansson.h>
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "chart.h"
#include "format.h"
#include "result.h"

#define DEFAULT_DIGITS	4
#define DEFAULT_WIDTH	80
#define MIN_WIDTH	20
#define MAX_CELL_COLS	40	/* text cells longer than this are cut */
#define COL_GAP		"  "	/* between table columns */

#define REPLACEMENT_UTF8	"\xef\xbf\xbd"	/* U+FFFD */
#define RULE_UTF8		"\xe2\x94\x80"	/* U+2500 box drawing */
#define ELLIPSIS_UTF8		"\xe2\x80\xa6"	/* U+2026 */

const lt_format_entry lt_formats[] = {
	{ "text", "for people: headline, key numbers, aligned tables, caveats "
	    "and method", LT_FMT_TEXT },
	{ "csv", "the tables as CSV (RFC 4180), for spreadsheets, R or Python",
	    LT_FMT_CSV },
	{ "json", "the whole result as JSON, every number at full precision",
	    LT_FMT_JSON },
};
const size_t lt_nformats = sizeof lt_formats / sizeof lt_formats[0];

/* The format called name ("text", "csv", "json"), or -1. */
int
lt_format_parse(const char *name)
{
	if (name == NULL)
		return -1;
	for (size_t i = 0; i < lt_nformats; i++)
		if (strcasecmp(name, lt_formats[i].name) == 0)
			return lt_formats[i].format;
	return -1;
}

/* The name of a format, or NULL when there is no such format. */
const char *
lt_format_name(int format)
{
	for (size_t i = 0; i < lt_nformats; i++)
		if (lt_formats[i].format == format)
			return lt_formats[i].name;
	return NULL;
}

/*
 * UTF-8 and sanitising.
 */

/* Decode one UTF-8 sequence from s (n bytes); its length, or 0 if invalid. */
static size_t
utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	uint32_t c;
	size_t len;

	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2;
		c = s[0] & 0x1f;
	} else if ((s[0] & 0xf0) == 0xe0) {
		len = 3;
		c = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		c = s[0] & 0x07;
	} else
		return 0;
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

/* Is cp a control or direction-changing code point unsafe on a terminal? */
static int
unsafe_codepoint(uint32_t cp)
{
	if (cp < 0x20 || cp == 0x7f)
		return 1;
	if (cp >= 0x80 && cp <= 0x9f)		/* C1 controls, e.g. CSI */
		return 1;
	if (cp == 0x2028 || cp == 0x2029)	/* line/paragraph separator */
		return 1;
	if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069))
		return 1;			/* bidirectional overrides */
	return 0;
}

/*
 * Append s to out made safe for a terminal: newlines, carriage returns and
 * tabs become spaces; other control characters, invalid UTF-8 and (when
 * utf8 is 0) every non-ASCII character become U+FFFD or "?". The result is
 * valid UTF-8 (pure ASCII when utf8 is 0) with no control characters.
 */
static void
sanitize(lt_buf *out, const char *s, int utf8)
{
	const unsigned char *p = (const unsigned char *)s;
	const char *repl = utf8 ? REPLACEMENT_UTF8 : "?";
	size_t left, len;
	uint32_t cp;

	if (s == NULL)
		return;
	left = strlen(s);
	while (left > 0) {
		len = utf8_decode(p, left, &cp);
		if (len == 0) {
			lt_buf_puts(out, repl);
			len = 1;
		} else if (cp == '\n' || cp == '\r' || cp == '\t')
			lt_buf_putc(out, ' ');
		else if (unsafe_codepoint(cp) || (cp >= 0x80 && !utf8))
			lt_buf_puts(out, repl);
		else
			lt_buf_add(out, (const char *)p, len);
		p += len;
		left -= len;
	}
}

void
lt_text_sanitize(lt_buf *out, const char *s, int utf8)
{
	sanitize(out, s, utf8);
}

/*
 * Append s to out with each invalid UTF-8 byte, and each C1 control
 * (U+0080-U+009F: U+009B starts an escape sequence on some terminals,
 * and JSON does not escape it), replaced by U+FFFD.
 */
static void
fix_utf8(lt_buf *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t left = strlen(s), len;
	uint32_t cp;

	while (left > 0) {
		len = utf8_decode(p, left, &cp);
		if (len == 0 || (cp >= 0x80 && cp <= 0x9f)) {
			lt_buf_puts(out, REPLACEMENT_UTF8);
			len = len == 0 ? 1 : len;
		} else
			lt_buf_add(out, (const char *)p, len);
		p += len;
		left -= len;
	}
}

/* Display columns of n bytes of valid UTF-8: one per code point. */
static size_t
display_width_n(const char *s, size_t n)
{
	size_t w = 0;

	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			w++;
	return w;
}

/* Display columns of a NUL-terminated valid UTF-8 string. */
static size_t
display_width(const char *s)
{
	return display_width_n(s, strlen(s));
}

/* Cut b (valid UTF-8) to at most max columns, ending with an ellipsis. */
static void
truncate_cols(lt_buf *b, size_t max, int utf8)
{
	const char *ell = utf8 ? ELLIPSIS_UTF8 : "...";
	size_t keep, i, cols;

	if (b->len == 0 || display_width(b->s) <= max)
		return;
	keep = max - display_width(ell);
	for (i = 0, cols = 0; i < b->len; i++) {
		if (((unsigned char)b->s[i] & 0xc0) != 0x80) {
			if (cols == keep)
				break;
			cols++;
		}
	}
	while (i > 0 && b->s[i - 1] == ' ')
		i--;
	b->len = i;
	b->s[i] = '\0';
	lt_buf_puts(b, ell);
}

/*
 * Numbers.
 */

/* Replace the locale's decimal point in s by ".", so output never depends
 * on LC_NUMERIC. */
static void
c_decimal_point(char *s)
{
	const char *dp = localeconv()->decimal_point;
	size_t n;
	char *p;

	if (dp == NULL || *dp == '\0' || strcmp(dp, ".") == 0)
		return;
	n = strlen(dp);
	if ((p = strstr(s, dp)) != NULL) {
		*p = '.';
		memmove(p + 1, p + n, strlen(p + n) + 1);
	}
}

/* Append the number in s (C locale) with commas between groups of three
 * digits of its whole part; exponent forms are copied unchanged. */
static void
put_grouped(lt_buf *out, const char *s)
{
	size_t start = 0, end;

	if (strpbrk(s, "eE") != NULL) {
		lt_buf_puts(out, s);
		return;
	}
	if (s[0] == '-' || s[0] == '+')
		lt_buf_putc(out, s[start++]);
	for (end = start; s[end] >= '0' && s[end] <= '9'; end++)
		;
	for (size_t i = start; i < end; i++) {
		if (i > start && (end - i) % 3 == 0)
			lt_buf_putc(out, ',');
		lt_buf_putc(out, s[i]);
	}
	lt_buf_puts(out, s + end);
}

/* Remove trailing zeros after a decimal point, and the point if bare. */
static void
strip_zeros(char *s)
{
	char *dot = strchr(s, '.');
	size_t n;

	if (dot == NULL)
		return;
	n = strlen(s);
	while (n > 0 && s[n - 1] == '0')
		s[--n] = '\0';
	if (n > 0 && s[n - 1] == '.')
		s[--n] = '\0';
}

/* Append v rounded to a whole number, with thousands separators. */
static void
put_whole(lt_buf *out, double v)
{
	char tmp[512];

	snprintf(tmp, sizeof tmp, "%.0f", v);
	if (strcmp(tmp, "-0") == 0)
		strcpy(tmp, "0");
	put_grouped(out, tmp);
}

/* Format a number for people with digits significant digits ("27.31",
   "20,000" for whole numbers, "1.2e-07" for tiny ones). */
void
lt_format_number(lt_buf *out, double v, int digits)
{
	char tmp[512];
	int x;

	if (isnan(v)) {
		lt_buf_puts(out, "NA");
		return;
	}
	if (isinf(v)) {
		lt_buf_puts(out, v < 0 ? "-inf" : "inf");
		return;
	}
	if (digits <= 0)
		digits = DEFAULT_DIGITS;
	if (digits > 17)
		digits = 17;
	if (v == 0)
		v = 0;		/* -0 prints as 0 */
	if (fabs(v) < 1e15 && v == trunc(v)) {
		put_whole(out, v);
		return;
	}
	/* The decimal exponent after rounding to digits significant digits. */
	snprintf(tmp, sizeof tmp, "%.*e", digits - 1, v);
	x = atoi(strpbrk(tmp, "eE") + 1);
	if (fabs(v) < 1e15 && x >= digits) {
		put_whole(out, v);
		return;
	}
	if (x < -4 || fabs(v) >= 1e15) {
		snprintf(tmp, sizeof tmp, "%.*g", digits, v);
		c_decimal_point(tmp);
		lt_buf_puts(out, tmp);
		return;
	}
	snprintf(tmp, sizeof tmp, "%.*f", digits - 1 - x, v);
	c_decimal_point(tmp);
	strip_zeros(tmp);
	if (strcmp(tmp, "-0") == 0)
		strcpy(tmp, "0");
	put_grouped(out, tmp);
}

/* Append a percentage with one decimal and a "%" sign ("12.5%"). */
static void
format_percent(lt_buf *out, double v, int digits)
{
	char tmp[512];

	if (!isfinite(v) || fabs(v) >= 1e15) {
		lt_format_number(out, v, digits);
		if (isfinite(v))
			lt_buf_putc(out, '%');
		return;
	}
	snprintf(tmp, sizeof tmp, "%.1f", v);
	c_decimal_point(tmp);
	if (strcmp(tmp, "-0.0") == 0)
		strcpy(tmp, "0.0");
	put_grouped(out, tmp);
	lt_buf_putc(out, '%');
}

/* Append v exactly: %.17g, or a plain integer for whole counts. */
static void
put_exact(lt_buf *out, double v, int whole)
{
	char tmp[512];

	if (v == 0)
		v = 0;
	if (whole && isfinite(v) && v == trunc(v)) {
		snprintf(tmp, sizeof tmp, "%.0f", v);
	} else {
		/* The shortest form that reads back as the same double. */
		for (int prec = 15; prec <= 17; prec++) {
			snprintf(tmp, sizeof tmp, "%.*g", prec, v);
			if (strtod(tmp, NULL) == v || !isfinite(v))
				break;
		}
	}
	c_decimal_point(tmp);
	lt_buf_puts(out, tmp);
}

/*
 * Text for people.
 */

typedef struct text_ctx {
	lt_buf *out;
	int digits;
	size_t width;
	int utf8;
	int sections;	/* sections printed so far */
} text_ctx;

/* Start a section: a blank line separates it from the one before. */
static void
section(text_ctx *t)
{
	if (t->sections++ > 0)
		lt_buf_putc(t->out, '\n');
}

/* End a line: drop trailing spaces, add a newline. */
static void
end_line(lt_buf *out)
{
	while (out->len > 0 && out->s[out->len - 1] == ' ')
		out->s[--out->len] = '\0';
	lt_buf_putc(out, '\n');
}

size_t
lt_text_width(const char *s)
{
	return display_width(s);
}

void
lt_text_cut(lt_buf *b, size_t max, int utf8)
{
	truncate_cols(b, max, utf8);
}

void
lt_text_end_line(lt_buf *out)
{
	end_line(out);
}

/*
 * Append s (already sanitised) word-wrapped to width columns: the first line
 * starts with prefix, later lines with indent spaces. Words longer than a
 * line are kept whole.
 */
static void
wrap(lt_buf *out, const char *s, size_t width, const char *prefix,
    size_t indent)
{
	size_t col, ww, n;
	int words = 0;

	lt_buf_puts(out, prefix);
	col = display_width(prefix);
	while (*s != '\0') {
		while (*s == ' ')
			s++;
		if (*s == '\0')
			break;
		n = strcspn(s, " ");
		ww = display_width_n(s, n);
		if (words > 0 && col + 1 + ww > width) {
			end_line(out);
			lt_buf_pad(out, ' ', indent);
			col = indent;
			words = 0;
		}
		if (words > 0) {
			lt_buf_putc(out, ' ');
			col++;
		}
		lt_buf_add(out, s, n);
		col += ww;
		words++;
		s += n;
	}
	end_line(out);
}

void
lt_text_wrap(lt_buf *out, const char *s, size_t width, const char *prefix,
    size_t indent, int utf8)
{
	lt_buf b = LT_BUF_INIT;

	sanitize(&b, s, utf8);
	wrap(out, lt_buf_str(&b), width, prefix, indent);
	lt_buf_free(&b);
}

/* Wrap user text s after sanitising it. */
static void
wrap_raw(text_ctx *t, const char *s, const char *prefix, size_t indent)
{
	lt_text_wrap(t->out, s, t->width, prefix, indent, t->utf8);
}

/* The numbers section: "label  value unit", labels padded to the longest. */
static void
text_numbers(text_ctx *t, const lt_result *r)
{
	lt_buf label = LT_BUF_INIT, value = LT_BUF_INIT;
	size_t maxw = 0, w;

	if (r->nitems == 0)
		return;
	section(t);
	for (size_t i = 0; i < r->nitems; i++) {
		lt_buf_reset(&label);
		sanitize(&label, r->items[i].label, t->utf8);
		if ((w = display_width(lt_buf_str(&label))) > maxw)
			maxw = w;
	}
	for (size_t i = 0; i < r->nitems; i++) {
		const lt_item *it = &r->items[i];

		lt_buf_reset(&label);
		lt_buf_reset(&value);
		sanitize(&label, it->label, t->utf8);
		lt_buf_pad(&label, ' ',
		    maxw - display_width(lt_buf_str(&label)) + 2);
		if (it->hidden) {
			/* withheld: the reason, never a number */
			lt_buf_puts(&value, "hidden");
			if (it->why != NULL && *it->why != '\0') {
				lt_buf_puts(&value, ": ");
				sanitize(&value, it->why, t->utf8);
			}
		} else if (it->is_text)
			sanitize(&value, it->text, t->utf8);
		else
			lt_format_number(&value, it->num, t->digits);
		if (!it->hidden && it->unit != NULL && *it->unit != '\0' &&
		    (it->is_text || !isnan(it->num))) {
			lt_buf_putc(&value, ' ');
			sanitize(&value, it->unit, t->utf8);
		}
		wrap(t->out, lt_buf_str(&value), t->width, lt_buf_str(&label),
		    maxw + 2);
	}
	lt_buf_free(&label);
	lt_buf_free(&value);
}

/* Is a column of this type aligned to the right? */
static int
right_aligned(int type)
{
	return type == LT_RC_COUNT || type == LT_RC_NUMBER ||
	    type == LT_RC_PERCENT || type == LT_RC_VALUE;
}

/* Format one table cell for people into b. */
static void
text_cell(text_ctx *t, const lt_cell *c, int type, lt_buf *b, int cut)
{
	switch (c->kind) {
	case LT_CELL_NUMBER:
		if (type == LT_RC_PERCENT)
			format_percent(b, c->num, t->digits);
		else if (type == LT_RC_VALUE)
			lt_buf_printf(b, "%.15g", c->num);
		else
			lt_format_number(b, c->num, t->digits);
		break;
	case LT_CELL_TEXT:
		sanitize(b, c->text, t->utf8);
		if (cut)
			truncate_cols(b, MAX_CELL_COLS, t->utf8);
		break;
	case LT_CELL_HIDDEN:
		lt_buf_putc(b, '*');
		break;
	default:
		lt_buf_puts(b, "NA");
		break;
	}
}

/* Append one aligned cell; the last left-aligned cell is not padded. */
static void
put_cell(lt_buf *out, const char *s, size_t width, int right, int first)
{
	size_t w = display_width(s), pad = w < width ? width - w : 0;

	if (!first)
		lt_buf_puts(out, COL_GAP);
	if (right)
		lt_buf_pad(out, ' ', pad);
	lt_buf_puts(out, s);
	if (!right)
		lt_buf_pad(out, ' ', pad);
}

/* Add why to the list of distinct reasons for hidden cells. */
static void
add_reason(lt_strv *v, const char *why)
{
	if (why == NULL)
		why = "";
	for (size_t i = 0; i < v->n; i++)
		if (strcmp(v->v[i], why) == 0)
			return;
	v->v = lt_realloc(v->v, (v->n + 1) * sizeof *v->v);
	v->v[v->n++] = lt_strdup(why);
}

/* One table: title, header, rule, rows, and a footnote per hidden reason. */
static void
text_table_all(text_ctx *t, const lt_table *tb)
{
	lt_buf b = LT_BUF_INIT, *out = t->out;
	lt_strv reasons = { NULL, 0 };
	char **heads, **cells;
	size_t *widths, ncells = tb->nrows * tb->ncols, w;

	if (tb->ncols == 0)
		return;
	section(t);
	if (tb->title != NULL && *tb->title != '\0')
		wrap_raw(t, tb->title, "", 0);

	heads = lt_calloc(tb->ncols, sizeof *heads);
	widths = lt_calloc(tb->ncols, sizeof *widths);
	cells = lt_calloc(ncells, sizeof *cells);
	for (size_t c = 0; c < tb->ncols; c++) {
		sanitize(&b, tb->cols[c].label, t->utf8);
		heads[c] = lt_buf_take(&b);
		widths[c] = display_width(heads[c]);
	}
	for (size_t i = 0; i < ncells; i++) {
		size_t c = i % tb->ncols;

		/* The last column is not cut: nothing to its right needs the room. */
		text_cell(t, &tb->cells[i], tb->cols[c].type, &b, c + 1 < tb->ncols);
		if (tb->cells[i].kind == LT_CELL_HIDDEN)
			add_reason(&reasons, tb->cells[i].why);
		cells[i] = lt_buf_take(&b);
		if ((w = display_width(cells[i])) > widths[c])
			widths[c] = w;
	}
	/* A long last column runs on, but its rule stops at the screen's edge. */
	if (tb->ncols > 1 && !right_aligned(tb->cols[tb->ncols - 1].type)) {
		size_t used = 0, last = tb->ncols - 1, head = display_width(heads[last]);

		for (size_t c = 0; c < last; c++)
			used += widths[c] + strlen(COL_GAP);
		if (used < t->width && widths[last] > t->width - used)
			widths[last] = t->width - used > head ? t->width - used : head;
	}

	for (size_t c = 0; c < tb->ncols; c++)
		put_cell(out, heads[c], widths[c],
		    right_aligned(tb->cols[c].type), c == 0);
	end_line(out);
	for (size_t c = 0; c < tb->ncols; c++) {
		if (c > 0)
			lt_buf_puts(out, COL_GAP);
		for (size_t k = 0; k < widths[c]; k++)
			lt_buf_puts(out, t->utf8 ? RULE_UTF8 : "-");
	}
	end_line(out);
	for (size_t i = 0; i < ncells; i++) {
		size_t c = i % tb->ncols;

		put_cell(out, cells[i], widths[c],
		    right_aligned(tb->cols[c].type), c == 0);
		if (c == tb->ncols - 1)
			end_line(out);
	}
	if (tb->nrows == 0)
		lt_buf_puts(out, "(no rows)\n");
	for (size_t i = 0; i < reasons.n; i++) {
		if (*reasons.v[i] == '\0')
			lt_buf_puts(out, "  * hidden\n");
		else
			wrap_raw(t, reasons.v[i], "  * hidden: ", 4);
	}

	for (size_t c = 0; c < tb->ncols; c++)
		free(heads[c]);
	for (size_t i = 0; i < ncells; i++)
		free(cells[i]);
	for (size_t i = 0; i < reasons.n; i++)
		free(reasons.v[i]);
	free(reasons.v);
	free(heads);
	free(cells);
	free(widths);
}

/*
 * A table for people: its detail columns (lt_column.detail) are left out,
 * as the text layer shows the main numbers; JSON and CSV carry them all.
 */
static void
text_table(text_ctx *t, const lt_table *tb)
{
	lt_table view = *tb;
	size_t keep = 0;

	for (size_t c = 0; c < tb->ncols; c++)
		keep += !tb->cols[c].detail;
	if (keep == tb->ncols) {
		text_table_all(t, tb);
		return;
	}
	view.cols = lt_calloc(keep ? keep : 1, sizeof *view.cols);
	view.cells = lt_calloc(keep * tb->nrows + 1, sizeof *view.cells);
	view.ncols = 0;
	for (size_t c = 0; c < tb->ncols; c++)
		if (!tb->cols[c].detail)
			view.cols[view.ncols++] = tb->cols[c];
	for (size_t r = 0, k = 0; r < tb->nrows; r++)
		for (size_t c = 0; c < tb->ncols; c++)
			if (!tb->cols[c].detail)
				view.cells[k++] = *lt_table_cell(tb, r, c);
	text_table_all(t, &view);
	free(view.cols);
	free(view.cells);
}

/* A titled list: "Caveats:" then one wrapped line per entry. */
static void
text_list(text_ctx *t, const char *title, const lt_strv *v,
    const char *bullet)
{
	if (v->n == 0)
		return;
	section(t);
	lt_buf_puts(t->out, title);
	lt_buf_putc(t->out, '\n');
	for (size_t i = 0; i < v->n; i++)
		wrap_raw(t, v->v[i], bullet, strlen(bullet));
}

/* The whole document for people, layer by layer. */
static void
render_text(const lt_result *r, const lt_render_opts *o, lt_buf *out)
{
	text_ctx t;
	int layers;

	t.out = out;
	t.digits = o->digits > 0 ? o->digits : DEFAULT_DIGITS;
	t.width = o->width > 0 ? (size_t)o->width : DEFAULT_WIDTH;
	if (t.width < MIN_WIDTH)
		t.width = MIN_WIDTH;
	t.utf8 = o->utf8;
	t.sections = 0;

	layers = o->layers != 0 ? o->layers : LT_LAYER_ALL;
	if ((layers & LT_LAYER_HEADLINE) && r->headline != NULL && *r->headline != '\0') {
		section(&t);
		wrap_raw(&t, r->headline, "", 0);
	}
	if (layers & LT_LAYER_NUMBERS)
		text_numbers(&t, r);
	for (size_t i = 0; (layers & LT_LAYER_CHARTS) && i < r->ncharts; i++) {
		section(&t);
		lt_chart_draw(r, &r->charts[i], (int)t.width, t.utf8, out);
	}
	for (size_t i = 0; (layers & LT_LAYER_TABLES) && i < r->ntables; i++)
		text_table(&t, r->tables[i]);
	if (layers & LT_LAYER_CAVEATS)
		text_list(&t, "Caveats:", &r->caveats, "  - ");
	if (layers & LT_LAYER_METHOD)
		text_list(&t, "Method:", &r->method, "  - ");
	if (layers & LT_LAYER_NOTES)
		text_list(&t, "Notes:", &r->notes, "  ");
}

/*
 * CSV.
 */

/* Append one RFC 4180 field, quoted when it holds , " CR or LF. */
static void
csv_field(lt_buf *out, const char *s)
{
	if (s == NULL)
		return;
	if (strpbrk(s, ",\"\r\n") == NULL) {
		lt_buf_puts(out, s);
		return;
	}
	lt_buf_putc(out, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"')
			lt_buf_putc(out, '"');
		lt_buf_putc(out, *s);
	}
	lt_buf_putc(out, '"');
}

/* Append a number for CSV: exact, empty when not a number. */
static void
csv_number(lt_buf *out, double v, int whole)
{
	if (!isnan(v))
		put_exact(out, v, whole);
}

/* One table as CSV: a header row of column names, then the rows. */
static void
csv_table(const lt_table *tb, lt_buf *out)
{
	if (tb->ncols == 0)
		return;
	for (size_t c = 0; c < tb->ncols; c++) {
		if (c > 0)
			lt_buf_putc(out, ',');
		csv_field(out, tb->cols[c].name);
	}
	lt_buf_putc(out, '\n');
	for (size_t r = 0; r < tb->nrows; r++) {
		for (size_t c = 0; c < tb->ncols; c++) {
			const lt_cell *cell = lt_table_cell(tb, r, c);

			if (c > 0)
				lt_buf_putc(out, ',');
			if (cell->kind == LT_CELL_NUMBER)
				csv_number(out, cell->num,
				    tb->cols[c].type == LT_RC_COUNT ||
				    tb->cols[c].type == LT_RC_VALUE);
			else if (cell->kind == LT_CELL_TEXT)
				csv_field(out, cell->text);
		}
		lt_buf_putc(out, '\n');
	}
}

/* The tables (or the key numbers, or the headline) as CSV. */
static void
render_csv(const lt_result *r, lt_buf *out)
{
	if (r->ntables == 1) {
		csv_table(r->tables[0], out);
		return;
	}
	if (r->ntables > 1) {
		for (size_t i = 0; i < r->ntables; i++) {
			const lt_table *tb = r->tables[i];
			lt_buf name = LT_BUF_INIT;

			if (i > 0)
				lt_buf_putc(out, '\n');
			sanitize(&name, tb->name, 1);
			lt_buf_printf(out, "# %s\n", lt_buf_str(&name));
			lt_buf_free(&name);
			csv_table(tb, out);
		}
		return;
	}
	if (r->nitems > 0) {
		lt_buf_puts(out, "key,value\n");
		for (size_t i = 0; i < r->nitems; i++) {
			const lt_item *it = &r->items[i];

			csv_field(out, it->key);
			lt_buf_putc(out, ',');
			if (it->hidden)
				;	/* withheld: empty, as a hidden cell */
			else if (it->is_text)
				csv_field(out, it->text);
			else
				csv_number(out, it->num, 0);
			lt_buf_putc(out, '\n');
		}
		return;
	}
	if (r->headline != NULL) {
		lt_buf_puts(out, "message\n");
		csv_field(out, r->headline);
		lt_buf_putc(out, '\n');
	}
}

/*
 * JSON.
 */

/* A JSON string from s, invalid UTF-8 repaired; null when s is NULL. */
static json_t *
jstr(const char *s)
{
	lt_buf b = LT_BUF_INIT;
	json_t *j;

	if (s == NULL)
		return json_null();
	fix_utf8(&b, s);
	j = json_string(lt_buf_str(&b));
	lt_buf_free(&b);
	return j != NULL ? j : json_null();
}

/* A JSON number from v: an integer when whole is set and v is a whole
   number JSON can carry exactly, null for NaN and infinities. */
static json_t *
jnum(double v, int whole)
{
	if (!isfinite(v))
		return json_null();
	if (whole && v == trunc(v) && fabs(v) <= 9007199254740992.0)
		return json_integer((json_int_t)v);
	return json_real(v);
}

/* A list of strings as a JSON array. */
static json_t *
jstrv(const lt_strv *v)
{
	json_t *a = json_array();

	for (size_t i = 0; i < v->n; i++)
		json_array_append_new(a, jstr(v->v[i]));
	return a;
}

/* The machine name of a column type. */
static const char *
rc_type_name(int type)
{
	switch (type) {
	case LT_RC_COUNT:
		return "count";
	case LT_RC_NUMBER:
		return "number";
	case LT_RC_PERCENT:
		return "percent";
	case LT_RC_VALUE:
		return "value";
	default:
		return "text";
	}
}

/* One cell as JSON. */
static json_t *
jcell(const lt_cell *c, int type)
{
	json_t *h;

	switch (c->kind) {
	case LT_CELL_NUMBER:
		return jnum(c->num, type == LT_RC_COUNT || type == LT_RC_VALUE);
	case LT_CELL_TEXT:
		return jstr(c->text);
	case LT_CELL_HIDDEN:
		h = json_object();
		json_object_set_new(h, "hidden", json_true());
		json_object_set_new(h, "reason", jstr(c->why));
		return h;
	default:
		return json_null();
	}
}

/* One table as a JSON object. */
static json_t *
jtable(const lt_table *tb)
{
	json_t *o = json_object(), *cols = json_array(), *rows = json_array();

	json_object_set_new(o, "name", jstr(tb->name));
	json_object_set_new(o, "title", jstr(tb->title));
	json_object_set_new(o, "row_level", json_boolean(tb->row_level));
	for (size_t c = 0; c < tb->ncols; c++) {
		json_t *col = json_object();

		json_object_set_new(col, "name", jstr(tb->cols[c].name));
		json_object_set_new(col, "label", jstr(tb->cols[c].label));
		json_object_set_new(col, "type",
		    json_string(rc_type_name(tb->cols[c].type)));
		json_array_append_new(cols, col);
	}
	for (size_t r = 0; r < tb->nrows; r++) {
		json_t *row = json_array();

		for (size_t c = 0; c < tb->ncols; c++)
			json_array_append_new(row,
			    jcell(lt_table_cell(tb, r, c), tb->cols[c].type));
		json_array_append_new(rows, row);
	}
	json_object_set_new(o, "columns", cols);
	json_object_set_new(o, "rows", rows);
	return o;
}

/* The machine name of a chart kind. */
static const char *
chart_kind_name(int kind)
{
	switch (kind) {
	case LT_CHART_HIST:
		return "hist";
	case LT_CHART_BAR:
		return "bar";
	case LT_CHART_BOX:
		return "box";
	case LT_CHART_SCATTER:
		return "scatter";
	case LT_CHART_DENSITY:
		return "density";
	default:
		return "line";
	}
}

/* The charts as a JSON array: kind, labels and the index of their table. */
static json_t *
jcharts(const lt_result *r)
{
	json_t *a = json_array();

	for (size_t i = 0; i < r->ncharts; i++) {
		const lt_chart *c = &r->charts[i];
		json_t *o = json_object();

		json_object_set_new(o, "kind", json_string(chart_kind_name(c->kind)));
		json_object_set_new(o, "title", jstr(c->title));
		json_object_set_new(o, "x_label", jstr(c->x_label));
		json_object_set_new(o, "y_label", jstr(c->y_label));
		json_object_set_new(o, "table", json_integer((json_int_t)c->table));
		json_array_append_new(a, o);
	}
	return a;
}

/* The whole document as JSON, every key always present. */
static void
render_json(const lt_result *r, lt_buf *out)
{
	json_t *doc = json_object(), *items = json_array(), *tables;
	char *s;

	json_object_set_new(doc, "command", jstr(r->command != NULL ?
	    r->command : ""));
	json_object_set_new(doc, "dataset", jstr(r->dataset));
	json_object_set_new(doc, "filter", jstr(r->filter));
	json_object_set_new(doc, "headline", jstr(r->headline));
	for (size_t i = 0; i < r->nitems; i++) {
		const lt_item *it = &r->items[i];
		json_t *o = json_object();

		json_object_set_new(o, "key", jstr(it->key));
		json_object_set_new(o, "label", jstr(it->label));
		if (it->hidden) {
			json_t *h = json_object();

			json_object_set_new(h, "hidden", json_true());
			json_object_set_new(h, "reason", jstr(it->why));
			json_object_set_new(o, "value", h);
		} else
			json_object_set_new(o, "value", it->is_text ?
			    jstr(it->text) : jnum(it->num, 1));
		json_object_set_new(o, "unit", jstr(it->unit));
		json_array_append_new(items, o);
	}
	json_object_set_new(doc, "numbers", items);
	tables = json_array();
	for (size_t i = 0; i < r->ntables; i++)
		json_array_append_new(tables, jtable(r->tables[i]));
	json_object_set_new(doc, "tables", tables);
	json_object_set_new(doc, "charts", jcharts(r));
	json_object_set_new(doc, "caveats", jstrv(&r->caveats));
	json_object_set_new(doc, "method", jstrv(&r->method));
	json_object_set_new(doc, "notes", jstrv(&r->notes));

	s = json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
	    JSON_REAL_PRECISION(17));
	json_decref(doc);
	if (s == NULL)
		return;
	lt_buf_puts(out, s);
	lt_buf_putc(out, '\n');
	free(s);
}

/* Append r rendered in format to out. */
void
lt_render(const lt_result *r, int format, const lt_render_opts *opts,
    lt_buf *out)
{
	static const lt_render_opts defaults = { DEFAULT_DIGITS,
	    DEFAULT_WIDTH, 0, LT_LAYER_ALL };

	if (r == NULL)
		return;
	if (opts == NULL)
		opts = &defaults;
	switch (format) {
	case LT_FMT_CSV:
		render_csv(r, out);
		break;
	case LT_FMT_JSON:
		render_json(r, out);
		break;
	default:
		render_text(r, opts, out);
		break;
	}
}
