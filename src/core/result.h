/*
 * result.h - the result document every command returns.
 *
 * Commands never print. They fill a result: a one-sentence headline, key
 * numbers, tables, caveats, method notes and plain notes. The disclosure
 * pass runs over it, then a renderer (format.h) or the TUI shows it, and the
 * findings store keeps it. The structures are public for reading; build
 * them only through the functions below.
 *
 * Layers, in the order people read them:
 *   headline  one sentence a 14-year-old can follow
 *   numbers   the key numbers, exact (JSON keeps full precision)
 *   charts    drawn as text from the tables that hold their data
 *   tables    the detail
 *   caveats   what could mislead: small samples, missing data, causation
 *   method    how it was computed
 *   notes     context: dataset, filter, rows used
 */
#ifndef LT_RESULT_H
#define LT_RESULT_H

#include <stddef.h>

/* What a table column holds; the disclosure pass treats each differently. */
enum lt_rc_type {
	LT_RC_TEXT,	/* labels, names, free text */
	LT_RC_COUNT,	/* counts of people or rows (whole numbers) */
	LT_RC_NUMBER,	/* statistics and measurements */
	LT_RC_PERCENT,	/* percentages, 0-100 */
	LT_RC_VALUE	/* a data value as recorded: shown in full, no separators */
};

enum lt_cell_kind {
	LT_CELL_MISSING,	/* no value (shown as "-" or "NA") */
	LT_CELL_NUMBER,
	LT_CELL_TEXT,
	LT_CELL_HIDDEN		/* withheld by disclosure control; see why */
};

typedef struct lt_cell {
	int kind;		/* enum lt_cell_kind */
	double num;
	char *text;
	char *why;		/* for LT_CELL_HIDDEN: "fewer than 8 people" */
} lt_cell;

typedef struct lt_column {
	char *name;		/* machine name, for CSV headers and JSON */
	char *label;		/* for people */
	int type;		/* enum lt_rc_type */
	int detail;		/* a detail layer: in JSON and CSV, not in text tables */
} lt_column;

typedef struct lt_table {
	char *name;
	char *title;		/* may be NULL */
	lt_column *cols;
	size_t ncols;
	lt_cell *cells;		/* nrows * ncols, row-major */
	size_t nrows;
	size_t cap;
	int row_level;		/* 1 when rows are individual records */
	int protected;		/* 1 when the command protected its counts
				   itself (lt_session_protect_vec/tab): the
				   disclosure pass then does no secondary
				   suppression of its own on this table */
} lt_table;

/* A key number (or, when is_text, a key fact such as a licence). */
typedef struct lt_item {
	char *key;
	char *label;
	int is_text;
	double num;
	char *text;
	char *unit;		/* may be NULL */
	int hidden;		/* withheld by disclosure control; see why */
	char *why;		/* when hidden: "fewer than 8 people" */
} lt_item;

/* What a chart draws; its data are in one of the result's tables. */
enum lt_chart_kind {
	LT_CHART_HIST,		/* table: from, to, count */
	LT_CHART_BAR,		/* table: value, count */
	LT_CHART_BOX,		/* table: group, n, min, q1, median, q3, max */
	LT_CHART_SCATTER,	/* table: x, y, one row per point (row_level) */
	LT_CHART_LINE,		/* table: x (text), then one number column per series */
	LT_CHART_DENSITY	/* table: x_from, x_to, y_from, y_to, count: a grid of
				   counts, rows by y then x (a scatter plot of real
				   people's data, drawn without single points) */
};

typedef struct lt_chart {
	int kind;		/* enum lt_chart_kind */
	char *title;		/* may be NULL */
	char *x_label;		/* may be NULL: "Body mass index (kg/m2)" */
	char *y_label;		/* may be NULL */
	size_t table;		/* index in lt_result.tables of its data */
} lt_chart;

typedef struct lt_strv {
	char **v;
	size_t n;
} lt_strv;

typedef struct lt_result {
	char *command;		/* the command text that produced it */
	char *dataset;		/* may be NULL */
	char *filter;		/* may be NULL */
	char *headline;		/* may be NULL */
	lt_item *items;
	size_t nitems;
	lt_table **tables;
	size_t ntables;
	lt_chart *charts;	/* drawn in text; JSON and CSV carry the tables */
	size_t ncharts;
	lt_strv caveats;
	lt_strv method;
	lt_strv notes;
	int quit;		/* the command asks the front end to stop */
	int quiet;		/* nothing to show: the command wrote its own data */
} lt_result;

lt_result *lt_result_new(const char *command);
void lt_result_free(lt_result *r);
void lt_result_set_context(lt_result *r, const char *dataset, const char *filter);
void lt_result_headline(lt_result *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void lt_result_number(lt_result *r, const char *key, const char *label,
    double v, const char *unit);
void lt_result_fact(lt_result *r, const char *key, const char *label,
    const char *text);
/*
 * Withhold key number i (disclosure control): its value is cleared and
 * renderers show "hidden: why" (JSON: {"hidden": true, "reason": why}).
 */
void lt_result_hide_item(lt_result *r, size_t i, const char *why);
void lt_result_caveat(lt_result *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void lt_result_method(lt_result *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void lt_result_note(lt_result *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Add a table (owned by r). title may be NULL. */
lt_table *lt_result_table(lt_result *r, const char *name, const char *title);

/*
 * Add a chart of the data in r->tables[table] (see enum lt_chart_kind for
 * the columns each kind reads). Any of the labels may be NULL.
 */
void lt_result_chart(lt_result *r, int kind, const char *title,
    const char *x_label, const char *y_label, size_t table);

/* A column to create: machine name, label for people, enum lt_rc_type. */
typedef struct lt_coldef {
	const char *name;
	const char *label;
	int type;		/* enum lt_rc_type, | LT_RC_DETAIL for a detail column */
} lt_coldef;

#define LT_RC_DETAIL	0x100

/* Add a table with the columns in defs (ended by a zeroed entry). */
lt_table *lt_result_table_with(lt_result *r, const char *name, const char *title,
    const lt_coldef *defs);
/* Add a column; returns its index. Add all columns before any row. */
size_t lt_table_column(lt_table *t, const char *name, const char *label, int type);
/* Append a row of missing cells; returns its index. */
size_t lt_table_row(lt_table *t);
lt_cell *lt_table_cell(const lt_table *t, size_t row, size_t col);
void lt_table_num(lt_table *t, size_t row, size_t col, double v);
void lt_table_text(lt_table *t, size_t row, size_t col, const char *s);
void lt_table_hide(lt_table *t, size_t row, size_t col, const char *why);

#endif
