/*
 * canvas.c - the off-screen grid of cells views draw into (see canvas.h).
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "canvas.h"
#include "format.h"

ui_canvas *
ui_canvas_new(int h, int w, int utf8)
{
	ui_canvas *c = lt_malloc(sizeof *c);

	memset(c, 0, sizeof *c);
	c->utf8 = utf8;
	ui_canvas_resize(c, h, w);
	return c;
}

void
ui_canvas_free(ui_canvas *c)
{
	if (c == NULL)
		return;
	free(c->cells);
	free(c);
}

void
ui_canvas_resize(ui_canvas *c, int h, int w)
{
	free(c->cells);
	c->h = h > 0 ? h : 0;
	c->w = w > 0 ? w : 0;
	c->cells = lt_malloc(((size_t)c->h * (size_t)c->w + 1) * sizeof *c->cells);
	ui_canvas_clear(c);
}

void
ui_canvas_clear(ui_canvas *c)
{
	memset(c->cells, 0, (size_t)c->h * (size_t)c->w * sizeof *c->cells);
	c->cur_y = c->cur_x = -1;
}

ui_cell *
ui_canvas_cell(ui_canvas *c, int y, int x)
{
	if (y < 0 || x < 0 || y >= c->h || x >= c->w)
		return NULL;
	return &c->cells[(size_t)y * (size_t)c->w + (size_t)x];
}

/* Bytes in the UTF-8 sequence starting with byte b (sanitised text is valid). */
static size_t
seq_len(unsigned char b)
{
	if (b < 0x80)
		return 1;
	if ((b & 0xe0) == 0xc0)
		return 2;
	if ((b & 0xf0) == 0xe0)
		return 3;
	return 4;
}

int
ui_canvas_text(ui_canvas *c, int y, int x, int maxw, int role, const char *s)
{
	lt_buf b = LT_BUF_INIT;
	const char *p;
	int n = 0;

	if (y < 0 || y >= c->h || x >= c->w || s == NULL)
		return 0;
	if (maxw < 0 || x + maxw > c->w)
		maxw = c->w - x;
	if (maxw <= 0)
		return 0;
	lt_text_sanitize(&b, s, c->utf8);
	if (lt_text_width(lt_buf_str(&b)) > (size_t)maxw)
		lt_text_cut(&b, (size_t)maxw, c->utf8);
	for (p = lt_buf_str(&b); *p != '\0' && n < maxw; n++) {
		size_t len = seq_len((unsigned char)*p);
		ui_cell *cell = ui_canvas_cell(c, y, x + n);

		if (cell != NULL) {
			memcpy(cell->ch, p, len);
			cell->ch[len] = '\0';
			cell->role = (unsigned char)role;
		}
		p += len;
	}
	lt_buf_free(&b);
	return n;
}

int
ui_canvas_printf(ui_canvas *c, int y, int x, int maxw, int role, const char *fmt, ...)
{
	va_list ap;
	lt_buf b = LT_BUF_INIT;
	int n;

	va_start(ap, fmt);
	lt_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	n = ui_canvas_text(c, y, x, maxw, role, lt_buf_str(&b));
	lt_buf_free(&b);
	return n;
}

void
ui_canvas_paint(ui_canvas *c, int y, int x, int w, int role)
{
	ui_cell *cell;

	if (w < 0)
		w = c->w - x;
	for (int i = 0; i < w; i++)
		if ((cell = ui_canvas_cell(c, y, x + i)) != NULL)
			cell->role = (unsigned char)role;
}

void
ui_canvas_fill(ui_canvas *c, int y, int x, int w, int role)
{
	ui_cell *cell;

	if (w < 0)
		w = c->w - x;
	for (int i = 0; i < w; i++)
		if ((cell = ui_canvas_cell(c, y, x + i)) != NULL) {
			cell->ch[0] = '\0';
			cell->role = (unsigned char)role;
		}
}

int
ui_canvas_lines(ui_canvas *c, int y, int x, int maxh, int skip, int role,
    const char *s)
{
	int line = 0;

	while (*s != '\0') {
		size_t n = strcspn(s, "\n");

		if (line >= skip && line - skip < maxh) {
			char *one = lt_strndup(s, n);

			ui_canvas_text(c, y + line - skip, x, -1, role, one);
			free(one);
		}
		line++;
		s += n;
		if (*s == '\n')
			s++;
	}
	return line;
}

void
ui_canvas_dump(const ui_canvas *c, lt_buf *out)
{
	for (int y = 0; y < c->h; y++) {
		size_t start = out->len;

		for (int x = 0; x < c->w; x++) {
			const ui_cell *cell = &c->cells[(size_t)y * (size_t)c->w + (size_t)x];

			lt_buf_puts(out, cell->ch[0] != '\0' ? cell->ch : " ");
		}
		while (out->len > start && out->s[out->len - 1] == ' ')
			out->s[--out->len] = '\0';
		lt_buf_putc(out, '\n');
	}
}
