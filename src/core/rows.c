/*
 * rows.c - paging through the rows of the open dataset, in the active
 * filter's selection and sort order, for "show" and the table browser.
 *
 * A page is found by position, never by skipping rows: with no filter and
 * no sort, rows of data_<name> have rowids 1..N in file order (import.c
 * inserts them into a new table in one transaction and nothing deletes
 * them), so rows first+1..first+count are a rowid range. With a filter or
 * a sort, the rowids of the selected rows are written once, in order, into
 * the temporary table temp.lt_order, whose own rowid is then the position;
 * pages join it to the data by rowid. Temporary tables live in SQLite's
 * temp database, so this works on catalogs opened read-only too. The order
 * is made again only after lt_session_changed.
 *
 * Rows are shown only when lt_session_rows_ok allows it (synthetic data, or
 * a profile such as none): for other individual-level data lt_session_page
 * refuses with LT_EPRIVACY, so "show", its CSV and JSON output and the
 * table browser all refuse through this one place.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "catalog_int.h"
#include "session_int.h"

/* How many SQLite steps between two looks at the cancel flag. */
#define CANCEL_STEPS	10000

void
lt_session_changed(lt_session *s)
{
	s->gen++;
}

const char *
lt_session_sort(const lt_session *s, int *desc)
{
	if (desc != NULL)
		*desc = s->sort != NULL && s->sort_desc;
	return s->sort;
}

/*
 * " ORDER BY ..." for the active sort: missing values last, ties (and
 * everything, when there is no sort) in file order. "NULLS LAST" orders
 * as "col IS NULL, col" would, with one sort key fewer (a sixth faster).
 */
static char *
order_by(const lt_session *s)
{
	lt_buf b = LT_BUF_INIT;

	if (s->sort == NULL)
		return lt_strdup(" ORDER BY rowid");
	lt_buf_puts(&b, " ORDER BY ");
	lt_sql_ident(&b, s->sort);
	lt_buf_puts(&b, s->sort_desc ? " DESC NULLS LAST, rowid" : " ASC NULLS LAST, rowid");
	return lt_buf_take(&b);
}

/* SQLite's progress handler: non-zero stops the statement (Ctrl-C). */
static int
stop_requested(void *ud)
{
	const lt_session *s = ud;

	return s->o.cancel != NULL && *s->o.cancel != 0;
}

/* Whether the rowids of the open dataset's table run 1..rows. */
static int
rowids_contiguous(lt_session *s, int *yes, lt_error *err)
{
	sqlite3 *db = lt_catalog_db(s->cat);
	char *tab = lt_dataset_table(s->ds);
	/* Two subqueries, so each is one look at the end of the b-tree. */
	char *sql = lt_sprintf("SELECT (SELECT min(rowid) FROM %s), (SELECT max(rowid) FROM %s)",
	    tab, tab);
	sqlite3_stmt *st;
	int rc;

	free(tab);
	rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	free(sql);
	if (rc != SQLITE_OK)
		return lt_db_error(db, err, "reading the rows");
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return lt_db_error(db, err, "reading the rows");
	}
	if (sqlite3_column_type(st, 0) == SQLITE_NULL)
		*yes = s->ds->rows == 0;
	else
		*yes = sqlite3_column_int64(st, 0) == 1 &&
		    sqlite3_column_int64(st, 1) == s->ds->rows;
	sqlite3_finalize(st);
	return 0;
}

/* Write the rowids of the selected rows, in order, into temp.lt_order. */
static int
build_order(lt_session *s, lt_error *err)
{
	sqlite3 *db = lt_catalog_db(s->cat);
	char *tab = lt_dataset_table(s->ds), *ord = order_by(s), *sql;
	sqlite3_stmt *st;
	int rc;

	if (lt_db_exec(db, "DROP TABLE IF EXISTS temp.lt_order; "
	    "CREATE TEMP TABLE lt_order(r INTEGER NOT NULL)", err) != 0) {
		free(tab);
		free(ord);
		return err->code;
	}
	sql = lt_sprintf("INSERT INTO temp.lt_order(r) SELECT rowid FROM %s%s%s%s", tab,
	    s->filter != NULL ? " WHERE " : "", s->filter != NULL ? lt_session_where(s) : "",
	    ord);
	free(tab);
	free(ord);
	rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	free(sql);
	if (rc != SQLITE_OK)
		return lt_db_error(db, err, "putting the rows in order");
	lt_session_bind_filter(s, st, 1);
	sqlite3_progress_handler(db, CANCEL_STEPS, stop_requested, s);
	rc = sqlite3_step(st);
	sqlite3_progress_handler(db, 0, NULL, NULL);
	sqlite3_finalize(st);
	if (rc == SQLITE_INTERRUPT)
		return lt_err(err, LT_EINTR, "putting the rows in order was stopped; run the "
		    "command again to finish it");
	if (rc != SQLITE_DONE)
		return lt_db_error(db, err, "putting the rows in order");
	/* A new table filled in order: its rowids are the positions 1..n. */
	s->order_rows = sqlite3_changes(db);
	s->order_temp = 1;
	return 0;
}

/* Make sure the row order matches the dataset, filter and sort. */
int
lt_session_order(lt_session *s, lt_error *err)
{
	int plain = 0, rc;

	if (s->order_gen == s->gen && s->order_gen != 0)
		return 0;
	s->order_gen = 0;
	s->order_temp = 0;
	s->order_rows = 0;
	if (s->filter == NULL && s->sort == NULL) {
		if ((rc = rowids_contiguous(s, &plain, err)) != 0)
			return rc;
		if (plain) {
			/* An order made before is not needed: free its space. */
			if (lt_db_exec(lt_catalog_db(s->cat), "DROP TABLE IF EXISTS temp.lt_order",
			    err) != 0)
				return err->code;
			s->order_rows = s->ds->rows;
			s->order_gen = s->gen;
			return 0;
		}
	}
	if ((rc = build_order(s, err)) != 0)
		return rc;
	s->order_gen = s->gen;
	return 0;
}

/* One column per variable of the dataset, as "show" has them. */
static void
add_columns(const lt_dataset *d, lt_table *t)
{
	for (size_t i = 0; i < d->nvars; i++) {
		const lt_var *v = &d->vars[i];
		int numeric = v->nlevels == 0 &&
		    (v->type == LT_VT_INTEGER || v->type == LT_VT_NUMBER);

		lt_table_column(t, v->name, v->name, numeric ? LT_RC_VALUE : LT_RC_TEXT);
	}
	t->row_level = 1;
}

/* Append the row st is on to t. */
static void
add_row(const lt_dataset *d, sqlite3_stmt *st, lt_table *t)
{
	size_t row = lt_table_row(t);

	for (size_t i = 0; i < d->nvars; i++) {
		const lt_var *v = &d->vars[i];
		const char *txt = (const char *)sqlite3_column_text(st, (int)i);
		const char *label;

		if (sqlite3_column_type(st, (int)i) == SQLITE_NULL)
			continue;
		if (t->cols[i].type == LT_RC_VALUE &&
		    sqlite3_column_type(st, (int)i) != SQLITE_TEXT)
			lt_table_num(t, row, i, sqlite3_column_double(st, (int)i));
		else if ((label = lt_var_label_of(v, txt)) != NULL)
			lt_table_text(t, row, i, label);
		else
			lt_table_text(t, row, i, txt);
	}
}

int
lt_session_page(lt_session *s, long long first, size_t count, lt_table *t,
    long long *total, lt_error *err)
{
	const lt_dataset *d = s->ds;
	sqlite3 *db;
	sqlite3_stmt *st;
	long long last;
	char *tab, *sql;
	int rc;

	if (d == NULL)
		return lt_err(err, LT_EINVAL, "no dataset is open; open one first, for example "
		    "\"open cohort\"");
	/*
	 * Disclosure control: a row is one person's record. Only synthetic
	 * data and data whose profile allows it (none) show rows; the check
	 * comes first, so not even how many rows the filter keeps is told.
	 */
	if (!lt_session_rows_ok(s) && d->kind != NULL &&
	    strcmp(d->kind, LT_KIND_AGGREGATED) == 0)
		return lt_err(err, LT_EPRIVACY, "the privacy rules here do not let lantern "
		    "show the rows of %s; use summaries such as \"describe\" and \"freq\" "
		    "instead, and type \"privacy\" to see why", d->name);
	if (!lt_session_rows_ok(s))
		return lt_err(err, LT_EPRIVACY, "%s may hold records about real people, so "
		    "lantern does not show its rows; use summaries such as \"describe\" and "
		    "\"freq\" instead, and type \"privacy\" to see why", d->name);
	if (first < 0)
		return lt_err(err, LT_EINVAL, "rows are counted from 1, so there is no row %lld",
		    first + 1);
	if (t->ncols == 0)
		add_columns(d, t);
	else if (t->ncols != d->nvars)
		return lt_err(err, LT_EINVAL, "the table for rows of %s has %zu columns, not "
		    "the %zu the dataset has", d->name, t->ncols, d->nvars);
	if ((rc = lt_session_order(s, err)) != 0)
		return rc;
	if (s->filter != NULL)
		s->filtered_rows = s->order_rows;
	if (total != NULL)
		*total = s->order_rows;
	if (count == 0 || first >= s->order_rows)
		return 0;
	if ((unsigned long long)(s->order_rows - first) <= (unsigned long long)count)
		last = s->order_rows;
	else
		last = first + (long long)count;
	db = lt_catalog_db(s->cat);
	tab = lt_dataset_table(d);
	if (s->order_temp)
		sql = lt_sprintf("SELECT lt_d.* FROM temp.lt_order AS lt_o CROSS JOIN %s AS lt_d "
		    "ON lt_d.rowid = lt_o.r WHERE lt_o.rowid > ?1 AND lt_o.rowid <= ?2 "
		    "ORDER BY lt_o.rowid", tab);
	else
		sql = lt_sprintf("SELECT * FROM %s WHERE rowid > ?1 AND rowid <= ?2 "
		    "ORDER BY rowid", tab);
	free(tab);
	rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	free(sql);
	if (rc != SQLITE_OK)
		return lt_db_error(db, err, "reading the rows");
	sqlite3_bind_int64(st, 1, first);
	sqlite3_bind_int64(st, 2, last);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		add_row(d, st, t);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return lt_db_error(db, err, "reading the rows");
	return 0;
}
