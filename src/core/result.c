/*
 * result.c - building result documents.
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "result.h"

lt_result *
lt_result_new(const char *command)
{
	lt_result *r = lt_calloc(1, sizeof *r);

	r->command = lt_strdup(command != NULL ? command : "");
	return r;
}

static void
strv_free(lt_strv *v)
{
	for (size_t i = 0; i < v->n; i++)
		free(v->v[i]);
	free(v->v);
}

static void
strv_vadd(lt_strv *v, const char *fmt, va_list ap)
{
	lt_buf b = LT_BUF_INIT;

	lt_buf_vprintf(&b, fmt, ap);
	v->v = lt_realloc(v->v, (v->n + 1) * sizeof *v->v);
	v->v[v->n++] = lt_buf_take(&b);
}

static void
cell_clear(lt_cell *c)
{
	free(c->text);
	free(c->why);
	memset(c, 0, sizeof *c);
}

static void
table_free(lt_table *t)
{
	for (size_t i = 0; i < t->ncols; i++) {
		free(t->cols[i].name);
		free(t->cols[i].label);
	}
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		cell_clear(&t->cells[i]);
	free(t->cells);
	free(t->cols);
	free(t->name);
	free(t->title);
	free(t);
}

void
lt_result_free(lt_result *r)
{
	if (r == NULL)
		return;
	free(r->command);
	free(r->dataset);
	free(r->filter);
	free(r->headline);
	for (size_t i = 0; i < r->nitems; i++) {
		free(r->items[i].key);
		free(r->items[i].label);
		free(r->items[i].text);
		free(r->items[i].unit);
		free(r->items[i].why);
	}
	free(r->items);
	for (size_t i = 0; i < r->ntables; i++)
		table_free(r->tables[i]);
	free(r->tables);
	for (size_t i = 0; i < r->ncharts; i++) {
		free(r->charts[i].title);
		free(r->charts[i].x_label);
		free(r->charts[i].y_label);
	}
	free(r->charts);
	strv_free(&r->caveats);
	strv_free(&r->method);
	strv_free(&r->notes);
	free(r);
}

void
lt_result_set_context(lt_result *r, const char *dataset, const char *filter)
{
	free(r->dataset);
	free(r->filter);
	r->dataset = lt_strdup(dataset);
	r->filter = lt_strdup(filter);
}

void
lt_result_headline(lt_result *r, const char *fmt, ...)
{
	lt_buf b = LT_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	lt_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	free(r->headline);
	r->headline = lt_buf_take(&b);
}

static lt_item *
add_item(lt_result *r, const char *key, const char *label)
{
	lt_item *it;

	r->items = lt_realloc(r->items, (r->nitems + 1) * sizeof *r->items);
	it = &r->items[r->nitems++];
	memset(it, 0, sizeof *it);
	it->key = lt_strdup(key);
	it->label = lt_strdup(label != NULL ? label : key);
	return it;
}

void
lt_result_number(lt_result *r, const char *key, const char *label, double v,
    const char *unit)
{
	lt_item *it = add_item(r, key, label);

	it->num = v;
	it->unit = lt_strdup(unit);
}

void
lt_result_fact(lt_result *r, const char *key, const char *label, const char *text)
{
	lt_item *it = add_item(r, key, label);

	it->is_text = 1;
	it->text = lt_strdup(text != NULL ? text : "");
}

void
lt_result_hide_item(lt_result *r, size_t i, const char *why)
{
	lt_item *it = &r->items[i];

	free(it->why);
	it->hidden = 1;
	it->num = 0;
	it->why = lt_strdup(why != NULL ? why : "");
	if (it->is_text) {
		free(it->text);
		it->text = lt_strdup("");
	}
}

void
lt_result_caveat(lt_result *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	strv_vadd(&r->caveats, fmt, ap);
	va_end(ap);
}

void
lt_result_method(lt_result *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	strv_vadd(&r->method, fmt, ap);
	va_end(ap);
}

void
lt_result_note(lt_result *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	strv_vadd(&r->notes, fmt, ap);
	va_end(ap);
}

lt_table *
lt_result_table(lt_result *r, const char *name, const char *title)
{
	lt_table *t = lt_calloc(1, sizeof *t);

	t->name = lt_strdup(name);
	t->title = lt_strdup(title);
	r->tables = lt_realloc(r->tables, (r->ntables + 1) * sizeof *r->tables);
	r->tables[r->ntables++] = t;
	return t;
}

void
lt_result_chart(lt_result *r, int kind, const char *title, const char *x_label,
    const char *y_label, size_t table)
{
	lt_chart *c;

	r->charts = lt_realloc(r->charts, (r->ncharts + 1) * sizeof *r->charts);
	c = &r->charts[r->ncharts++];
	c->kind = kind;
	c->title = lt_strdup(title);
	c->x_label = lt_strdup(x_label);
	c->y_label = lt_strdup(y_label);
	c->table = table;
}

lt_table *
lt_result_table_with(lt_result *r, const char *name, const char *title,
    const lt_coldef *defs)
{
	lt_table *t = lt_result_table(r, name, title);

	for (; defs->name != NULL; defs++) {
		size_t c = lt_table_column(t, defs->name, defs->label,
		    defs->type & ~LT_RC_DETAIL);

		t->cols[c].detail = (defs->type & LT_RC_DETAIL) != 0;
	}
	return t;
}

size_t
lt_table_column(lt_table *t, const char *name, const char *label, int type)
{
	lt_column *c;

	t->cols = lt_realloc(t->cols, (t->ncols + 1) * sizeof *t->cols);
	c = &t->cols[t->ncols];
	c->name = lt_strdup(name);
	c->label = lt_strdup(label != NULL ? label : name);
	c->type = type;
	c->detail = 0;
	return t->ncols++;
}

size_t
lt_table_row(lt_table *t)
{
	size_t need = (t->nrows + 1) * t->ncols;

	if (t->ncols > 0) {
		t->cells = lt_grow(t->cells, &t->cap, need, sizeof *t->cells);
		memset(&t->cells[t->nrows * t->ncols], 0, t->ncols * sizeof *t->cells);
	}
	return t->nrows++;
}

lt_cell *
lt_table_cell(const lt_table *t, size_t row, size_t col)
{
	return &t->cells[row * t->ncols + col];
}

void
lt_table_num(lt_table *t, size_t row, size_t col, double v)
{
	lt_cell *c = lt_table_cell(t, row, col);

	cell_clear(c);
	c->kind = LT_CELL_NUMBER;
	c->num = v;
}

void
lt_table_text(lt_table *t, size_t row, size_t col, const char *s)
{
	lt_cell *c = lt_table_cell(t, row, col);

	cell_clear(c);
	if (s == NULL)
		return;
	c->kind = LT_CELL_TEXT;
	c->text = lt_strdup(s);
}

void
lt_table_hide(lt_table *t, size_t row, size_t col, const char *why)
{
	lt_cell *c = lt_table_cell(t, row, col);

	cell_clear(c);
	c->kind = LT_CELL_HIDDEN;
	c->why = lt_strdup(why);
}
