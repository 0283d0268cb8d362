/*
 * test_rows.c - unit tests for paging through rows (lt_session_page in
 * rows.c): first, middle, last and past-the-end pages, with and without a
 * filter and a sort, each checked against the plain LIMIT/OFFSET query; the
 * order made once and again after the filter or sort changes; Ctrl-C while
 * ordering; a catalog that may not be written; and "plot line DATE", which
 * counts rows per day, month or year.
 */
#include "config.h"

#include "test_common.h"

#include <grp.h>
#include <math.h>
#include <signal.h>
#include <sys/wait.h>

#include "date.h"
#include "session.h"

#define SMALL_ROWS	53

/*
 * small.csv: id 1..53; score (id * 7) % 10, so with ties, missing when id
 * is a multiple of 9; grp a, b or c; d a date: one a day from 2024-01-01
 * for ids 1..40, then every 200 days from 2024-03-15 for 41..50, then
 * 1990-06-01, 2000-06-01 and 2040-06-01.
 */
static char *
small_csv(void)
{
	lt_buf b = LT_BUF_INIT;
	long day0, day1, y0, y1, y2;

	assert_true(lt_date_parse("2024-01-01", 10, &day0));
	assert_true(lt_date_parse("2024-03-15", 10, &day1));
	assert_true(lt_date_parse("1990-06-01", 10, &y0));
	assert_true(lt_date_parse("2000-06-01", 10, &y1));
	assert_true(lt_date_parse("2040-06-01", 10, &y2));
	lt_buf_puts(&b, "id,score,grp,d\n");
	for (int id = 1; id <= SMALL_ROWS; id++) {
		long d = id <= 40 ? day0 + id - 1 : id <= 50 ? day1 + (id - 41) * 200 :
		    id == 51 ? y0 : id == 52 ? y1 : y2;

		lt_buf_printf(&b, "%d,", id);
		if (id % 9 != 0)
			lt_buf_printf(&b, "%d", (id * 7) % 10);
		lt_buf_printf(&b, ",%c,", "abc"[id % 3]);
		lt_date_format(&b, d);
		lt_buf_putc(&b, '\n');
	}
	return lt_buf_take(&b);
}

/*
 * Once: a catalog with cohort and small imported. small is made-up test
 * data, imported with the none profile so its rows may be shown (the
 * import command takes none only with a datapackage, the library as is);
 * test_privacy.c checks the rows of other imported data are refused.
 */
static int
group_setup(void **state)
{
	char *csv_text = small_csv(), *csv;
	int rc;

	(void)state;
	tc_group_dir = tc_tmpdir_new();
	csv = tc_write_in(tc_group_dir, "small.csv", csv_text);
	rc = tc_group_run("open cohort");
	if (rc == 0)
		rc = tc_group_import(csv, "small", "none");
	free(csv);
	free(csv_text);
	return rc;
}

typedef struct fix {
	lt_session *s;
	volatile sig_atomic_t cancel;
} fix;

static int
setup(void **state)
{
	fix *f = lt_calloc(1, sizeof *f);

	f->s = tc_group_session(NULL, &f->cancel);
	if (f->s == NULL) {
		free(f);
		return -1;
	}
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	fix *f = *state;

	lt_session_free(f->s);
	free(f);
	return 0;
}

/* Run commands that must work. */
static void
run(fix *f, const char *text)
{
	tc_run(f->s, text, NULL, NULL);
}

/* A page as a new table (caller frees with page_free). */
static lt_table *
page(fix *f, long long first, size_t count, long long *total)
{
	lt_table *t = lt_calloc(1, sizeof *t);
	lt_error err;

	if (lt_session_page(f->s, first, count, t, total, &err) != 0) {
		print_error("page %lld %zu: %s\n", first, count, err.msg);
		fail();
	}
	return t;
}

/* Free what a page holds, but not the table itself. */
static void
page_clear(lt_table *t)
{
	for (size_t i = 0; i < t->nrows * t->ncols; i++) {
		free(t->cells[i].text);
		free(t->cells[i].why);
	}
	for (size_t i = 0; i < t->ncols; i++) {
		free(t->cols[i].name);
		free(t->cols[i].label);
	}
	free(t->cells);
	free(t->cols);
	free(t->name);
	free(t->title);
}

static void
page_free(lt_table *t)
{
	page_clear(t);
	free(t);
}

/* The number in row, column name of t (NaN when missing). */
static double
num(const lt_table *t, size_t row, const char *name)
{
	for (size_t c = 0; c < t->ncols; c++)
		if (strcmp(t->cols[c].name, name) == 0) {
			const lt_cell *cell = lt_table_cell(t, row, c);

			return cell->kind == LT_CELL_NUMBER ? cell->num : NAN;
		}
	fail_msg("no column %s", name);
	return NAN;
}

/* How many rows SQLite has inserted, updated or deleted on the session's catalog. */
static int
db_changes(fix *f)
{
	return sqlite3_total_changes(lt_catalog_db(lt_session_catalog(f->s)));
}

/*
 * t must hold exactly what "SELECT * FROM data_<ds> [WHERE where] ORDER BY
 * order LIMIT count OFFSET first" gives, with labels for labelled values.
 */
static void
assert_as_query(fix *f, const char *where, const char *order, long long first,
    size_t count, const lt_table *t)
{
	const lt_dataset *d = lt_session_dataset(f->s);
	sqlite3 *db = lt_catalog_db(lt_session_catalog(f->s));
	char *sql = lt_sprintf("SELECT * FROM \"data_%s\"%s%s ORDER BY %s LIMIT %zu OFFSET %lld",
	    d->name, where != NULL ? " WHERE " : "", where != NULL ? where : "", order, count,
	    first);
	sqlite3_stmt *st;
	size_t row = 0;

	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(t->ncols, d->nvars);
	while (sqlite3_step(st) == SQLITE_ROW) {
		assert_true(row < t->nrows);
		for (size_t c = 0; c < d->nvars; c++) {
			const lt_cell *cell = lt_table_cell(t, row, c);
			const char *txt = (const char *)sqlite3_column_text(st, (int)c), *label;

			if (sqlite3_column_type(st, (int)c) == SQLITE_NULL) {
				assert_int_equal(cell->kind, LT_CELL_MISSING);
			} else if (cell->kind == LT_CELL_NUMBER) {
				assert_int_equal(t->cols[c].type, LT_RC_VALUE);
				assert_true(cell->num == sqlite3_column_double(st, (int)c));
			} else {
				assert_int_equal(cell->kind, LT_CELL_TEXT);
				label = lt_var_label_of(&d->vars[c], txt);
				assert_string_equal(cell->text, label != NULL ? label : txt);
			}
		}
		row++;
	}
	assert_int_equal(sqlite3_finalize(st), SQLITE_OK);
	assert_int_equal(row, t->nrows);
	free(sql);
}

/* Every page of size count, checked against the query. */
static void
assert_all_pages(fix *f, const char *where, const char *order, long long want_total,
    size_t count)
{
	long long total = -1;

	for (long long first = 0; first <= want_total; first += (long long)count) {
		lt_table *t = page(f, first, count, &total);

		assert_int_equal(total, want_total);
		assert_int_equal(t->nrows, first + (long long)count <= want_total ? count :
		    (size_t)(want_total - first));
		assert_as_query(f, where, order, first, count, t);
		page_free(t);
	}
}

/* A count from SQL on the catalog. */
static long long
sql_count(fix *f, const char *sql)
{
	sqlite3 *db = lt_catalog_db(lt_session_catalog(f->s));
	sqlite3_stmt *st;
	long long n;

	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* ------------------------------------------------------------ tests */

static void
test_plain(void **state)
{
	fix *f = *state;
	long long total = -1;
	lt_table *t;
	int before;
	int desc = 7;

	run(f, "open small");
	assert_null(lt_session_sort(f->s, &desc));
	assert_int_equal(desc, 0);
	before = db_changes(f);
	/* The first page: the columns come with it. */
	t = page(f, 0, 10, &total);
	assert_int_equal(total, SMALL_ROWS);
	assert_int_equal(t->ncols, 4);
	assert_int_equal(t->row_level, 1);
	assert_int_equal(t->cols[0].type, LT_RC_VALUE);
	assert_int_equal(t->cols[2].type, LT_RC_TEXT);
	assert_int_equal(t->nrows, 10);
	for (size_t i = 0; i < 10; i++)
		assert_true(num(t, i, "id") == (double)(i + 1));
	assert_true(isnan(num(t, 8, "score")));		/* id 9: missing */
	assert_as_query(f, NULL, "rowid", 0, 10, t);
	/* A second page appends to the same table. */
	{
		lt_error err;

		assert_int_equal(lt_session_page(f->s, 10, 5, t, NULL, &err), 0);
		assert_int_equal(t->nrows, 15);
		assert_true(num(t, 14, "id") == 15);
	}
	page_free(t);
	/* A middle page. */
	t = page(f, 20, 10, NULL);
	assert_int_equal(t->nrows, 10);
	assert_true(num(t, 0, "id") == 21);
	assert_as_query(f, NULL, "rowid", 20, 10, t);
	page_free(t);
	/* The last page is partial. */
	t = page(f, 50, 10, &total);
	assert_int_equal(t->nrows, 3);
	assert_true(num(t, 2, "id") == SMALL_ROWS);
	page_free(t);
	/* Past the end, and no rows asked for: nothing, but the total. */
	t = page(f, SMALL_ROWS, 10, &total);
	assert_int_equal(t->nrows, 0);
	assert_int_equal(total, SMALL_ROWS);
	page_free(t);
	t = page(f, 1000000, 10, NULL);
	assert_int_equal(t->nrows, 0);
	page_free(t);
	t = page(f, 0, 0, &total);
	assert_int_equal(t->nrows, 0);
	assert_int_equal(total, SMALL_ROWS);
	page_free(t);
	/* Rows in file order are read by rowid: nothing was written. */
	assert_int_equal(db_changes(f), before);
	assert_all_pages(f, NULL, "rowid", SMALL_ROWS, 7);
}

static void
test_filter(void **state)
{
	fix *f = *state;
	long long want;

	run(f, "open small; filter score >= 5");
	want = sql_count(f, "SELECT count(*) FROM data_small WHERE score >= 5");
	assert_true(want > 10 && want < SMALL_ROWS);
	assert_all_pages(f, "score >= 5", "rowid", want, 7);
	assert_all_pages(f, "score >= 5", "rowid", want, 1);
	assert_all_pages(f, "score >= 5", "rowid", want, 1000);
	/* A filter nothing matches. */
	run(f, "filter score > 100");
	assert_all_pages(f, "score > 100", "rowid", 0, 5);
}

static void
test_sort(void **state)
{
	fix *f = *state;
	long long total;
	lt_table *t;
	int desc = 0;

	run(f, "open small; sort score");
	assert_string_equal(lt_session_sort(f->s, &desc), "score");
	assert_int_equal(desc, 0);
	assert_all_pages(f, NULL, "score IS NULL, score ASC, rowid", SMALL_ROWS, 6);
	/* Missing values last; ties in file order. */
	t = page(f, 0, SMALL_ROWS, &total);
	assert_int_equal(t->nrows, SMALL_ROWS);
	for (size_t i = 1; i < SMALL_ROWS; i++) {
		double a = num(t, i - 1, "score"), b = num(t, i, "score");

		if (isnan(a))
			assert_true(isnan(b));
		else if (!isnan(b))
			assert_true(a < b || (a == b && num(t, i - 1, "id") < num(t, i, "id")));
	}
	assert_true(isnan(num(t, SMALL_ROWS - 1, "score")));
	assert_false(isnan(num(t, SMALL_ROWS - SMALL_ROWS / 9 - 1, "score")));
	page_free(t);

	run(f, "sort score desc");
	assert_string_equal(lt_session_sort(f->s, &desc), "score");
	assert_int_equal(desc, 1);
	assert_all_pages(f, NULL, "score IS NULL, score DESC, rowid", SMALL_ROWS, 6);
	t = page(f, 0, 1, NULL);
	assert_true(num(t, 0, "score") == 9);
	page_free(t);
	t = page(f, SMALL_ROWS - 1, 5, NULL);
	assert_int_equal(t->nrows, 1);
	assert_true(isnan(num(t, 0, "score")));
	page_free(t);
	/* Sorting by a category sorts its stored values. */
	run(f, "sort grp desc");
	assert_all_pages(f, NULL, "grp IS NULL, grp DESC, rowid", SMALL_ROWS, 10);
}

static void
test_filter_sort(void **state)
{
	fix *f = *state;
	long long want;

	run(f, "open small; filter grp = \"a\" or score is missing; sort score desc");
	want = sql_count(f, "SELECT count(*) FROM data_small WHERE grp = 'a' OR score IS NULL");
	assert_all_pages(f, "grp = 'a' OR score IS NULL", "score IS NULL, score DESC, rowid",
	    want, 4);
}

/* The bundled cohort: labels shown, and pages of 20,000 rows. */
static void
test_labels(void **state)
{
	fix *f = *state;
	const char *where = "age >= 65";
	const char *order = "bmi IS NULL, bmi DESC, rowid";
	long long want, total;
	lt_table *t;
	size_t smoking = 0;

	run(f, "open cohort; filter age >= 65; sort bmi desc");
	want = sql_count(f, "SELECT count(*) FROM data_cohort WHERE age >= 65");
	assert_true(want > 100);
	t = page(f, 0, 20, &total);
	assert_int_equal(total, want);
	assert_as_query(f, where, order, 0, 20, t);
	while (strcmp(t->cols[smoking].name, "smoking") != 0)
		smoking++;
	for (size_t i = 0; i < t->nrows; i++) {
		const lt_cell *c = lt_table_cell(t, i, smoking);

		assert_int_equal(c->kind, LT_CELL_TEXT);
		assert_true(strcmp(c->text, "never") == 0 || strcmp(c->text, "former") == 0 ||
		    strcmp(c->text, "current") == 0);
	}
	page_free(t);
	t = page(f, want / 2, 20, NULL);
	assert_as_query(f, where, order, want / 2, 20, t);
	page_free(t);
	t = page(f, want - 7, 20, NULL);
	assert_int_equal(t->nrows, 7);
	assert_as_query(f, where, order, want - 7, 20, t);
	assert_true(isnan(num(t, 6, "bmi")));		/* missing BMI last */
	page_free(t);
}

/* The order is made once, and again whenever the filter or sort changes. */
static void
test_invalidate(void **state)
{
	fix *f = *state;
	long long total;
	lt_table *t;
	int c0, c1;

	run(f, "open small");
	c0 = db_changes(f);
	run(f, "sort score");		/* sort puts the rows in order at once */
	c1 = db_changes(f);
	assert_int_equal(c1 - c0, SMALL_ROWS);		/* the order, written once */
	page_free(page(f, 0, 5, NULL));
	page_free(page(f, 40, 5, NULL));
	page_free(page(f, 0, 5, NULL));
	assert_int_equal(db_changes(f), c1);		/* and kept */

	run(f, "sort score desc");
	t = page(f, 0, 1, NULL);
	assert_true(num(t, 0, "score") == 9);
	page_free(t);
	assert_int_equal(db_changes(f) - c1, SMALL_ROWS);

	run(f, "filter grp = \"b\"");
	t = page(f, 0, SMALL_ROWS, &total);
	assert_int_equal(total, sql_count(f, "SELECT count(*) FROM data_small WHERE grp = 'b'"));
	assert_as_query(f, "grp = 'b'", "score IS NULL, score DESC, rowid", 0, SMALL_ROWS, t);
	page_free(t);

	run(f, "filter off");
	t = page(f, 0, 1, &total);
	assert_int_equal(total, SMALL_ROWS);
	assert_true(num(t, 0, "score") == 9);
	page_free(t);

	run(f, "sort off");
	t = page(f, 0, 3, &total);
	assert_true(num(t, 0, "id") == 1 && num(t, 2, "id") == 3);
	page_free(t);
	assert_null(lt_session_sort(f->s, NULL));

	/* Another dataset, then back: each gets its own order. */
	run(f, "sort score desc; open cohort");
	assert_null(lt_session_sort(f->s, NULL));
	t = page(f, 0, 2, &total);
	assert_int_equal(total, 20000);
	assert_as_query(f, NULL, "rowid", 0, 2, t);
	page_free(t);
	run(f, "sort age; open small");
	t = page(f, 0, 2, &total);
	assert_int_equal(total, SMALL_ROWS);
	assert_true(num(t, 0, "id") == 1);
	page_free(t);

	/* "show" pages the same way. */
	run(f, "sort score desc; show 1 2; show");
}

/*
 * Ctrl-C while the rows are put in order stops the sort or filter, and the
 * order and filter that were there before stay, so the screen never says
 * "sorted" over rows that are not.
 */
static void
test_cancel(void **state)
{
	fix *f = *state;
	lt_table *t = lt_calloc(1, sizeof *t);
	lt_error err;
	int desc = 0;

	run(f, "open cohort; sort age desc");
	f->cancel = 1;
	assert_int_equal(lt_session_run(f->s, "sort bmi", NULL, NULL, NULL, &err), LT_EINTR);
	assert_true(tc_contains(err.msg, "stopped"));
	assert_string_equal(lt_session_sort(f->s, &desc), "age");
	assert_int_equal(desc, 1);
	assert_int_equal(lt_session_run(f->s, "filter age >= 65", NULL, NULL, NULL, &err),
	    LT_EINTR);
	assert_null(lt_session_filter(f->s));
	f->cancel = 0;
	/* the kept order still pages */
	assert_int_equal(lt_session_page(f->s, 0, 10, t, NULL, &err), 0);
	assert_as_query(f, NULL, "age IS NULL, age DESC, rowid", 0, 10, t);
	page_free(t);
	t = lt_calloc(1, sizeof *t);
	run(f, "sort bmi");
	assert_int_equal(lt_session_page(f->s, 0, 10, t, NULL, &err), 0);
	assert_int_equal(t->nrows, 10);
	assert_as_query(f, NULL, "bmi IS NULL, bmi ASC, rowid", 0, 10, t);
	page_free(t);
}

/* Pages through a sort and a filter on a catalog that may not be written. */
static int
read_only_pages(const char *db)
{
	lt_session *s = tc_session_new(db, NULL);
	lt_table t;
	long long total = 0;
	lt_error err;
	int rc = 1;

	if (s == NULL)
		return 2;
	memset(&t, 0, sizeof t);
	if (lt_session_run(s, "open small; filter grp != \"c\"; sort score desc", NULL, NULL,
	    NULL, &err) != 0)
		print_error("%s\n", err.msg);
	else if (lt_session_page(s, 30, 100, &t, &total, &err) != 0)
		print_error("%s\n", err.msg);
	else if (lt_session_run(s, "drop small", NULL, NULL, NULL, &err) == 0)
		print_error("the catalog could be written\n");
	else
		rc = t.nrows == (size_t)(total - 30) && total == 35 ? 0 : 3;
	page_clear(&t);
	lt_session_free(s);
	return rc;
}

static void
test_read_only(void **state)
{
	char *dir = tc_tmpdir_new(), *sub = tc_path(dir, "cat"), *db = tc_path(sub, "lantern.db");
	char *src = tc_group_db(), *bytes;
	size_t n;
	int status = -1;

	(void)state;
	assert_int_equal(mkdir(sub, 0755), 0);
	bytes = tc_read_file(src, &n);
	tc_write_bytes(db, bytes, n);
	free(bytes);
	chmod(db, 0444);
	chmod(sub, 0555);
	chmod(dir, 0755);
	if (geteuid() != 0) {
		status = read_only_pages(db);
	} else {
		/* Root may write anything: read as nobody instead. */
		pid_t pid = fork();

		assert_true(pid >= 0);
		if (pid == 0) {
			int rc = 4;

			if (setgroups(0, NULL) == 0 && setgid(65534) == 0 && setuid(65534) == 0)
				rc = read_only_pages(db);
			free(dir);
			free(sub);
			free(db);
			free(src);
			_exit(rc);
		}
		assert_int_equal(waitpid(pid, &status, 0), pid);
		assert_true(WIFEXITED(status));
		status = WEXITSTATUS(status);
	}
	assert_int_equal(status, 0);
	chmod(sub, 0755);
	tc_tmpdir_free(dir);
	free(sub);
	free(db);
	free(src);
}

/* What "plot line d" drew: the table's first column, rows, first and last x, sum. */
typedef struct drawn {
	char *per, *first, *last;
	size_t rows;
	double sum;
	int line;
} drawn;

static int
emit_plot(void *ud, const lt_result *r, int format)
{
	drawn *d = ud;
	const lt_table *t;

	(void)format;
	if (r->ncharts == 0)
		return 0;
	t = r->tables[r->charts[0].table];
	d->line = r->charts[0].kind == LT_CHART_LINE;
	d->per = lt_strdup(t->cols[0].name);
	d->rows = t->nrows;
	d->first = lt_strdup(lt_table_cell(t, 0, 0)->text);
	d->last = lt_strdup(lt_table_cell(t, t->nrows - 1, 0)->text);
	d->sum = 0;
	for (size_t i = 0; i < t->nrows; i++)
		d->sum += lt_table_cell(t, i, 1)->num;
	return 0;
}

static void
plot_check(fix *f, const char *cmd, const char *per, size_t rows, const char *first,
    const char *last, double sum)
{
	drawn d = { 0 };
	lt_error err;

	if (lt_session_run(f->s, cmd, emit_plot, &d, NULL, &err) != 0) {
		print_error("%s: %s\n", cmd, err.msg);
		fail();
	}
	assert_true(d.line);
	assert_string_equal(d.per, per);
	assert_int_equal(d.rows, rows);
	assert_string_equal(d.first, first);
	assert_string_equal(d.last, last);
	assert_true(d.sum == sum);
	free(d.per);
	free(d.first);
	free(d.last);
}

static void
test_plot_dates(void **state)
{
	fix *f = *state;
	lt_error err;

	run(f, "open small");
	/* 40 days in a row: one point a day. */
	plot_check(f, "filter id <= 40; plot line d", "day", 40, "2024-01-01", "2024-02-09", 40);
	/* 2024-01-01 to 2029-02-17: months, the empty ones too. */
	plot_check(f, "filter id <= 50; plot line d", "month", 62, "2024-01", "2029-02", 50);
	/* 1990 to 2040: years. */
	plot_check(f, "filter off; plot line d", "year", 51, "1990", "2040", SMALL_ROWS);
	plot_check(f, "filter id = 7; plot line d", "day", 1, "2024-01-07", "2024-01-07", 1);
	assert_int_equal(lt_session_run(f->s, "filter off; plot line score", NULL, NULL, NULL,
	    &err), LT_EINVAL);
	assert_true(tc_contains(err.msg, "not a date column"));
	assert_int_equal(lt_session_run(f->s, "filter id > 100; plot line d", NULL, NULL, NULL,
	    &err), LT_EINVAL);
	assert_true(tc_contains(err.msg, "nothing to draw"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_plain, setup, teardown),
		cmocka_unit_test_setup_teardown(test_filter, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sort, setup, teardown),
		cmocka_unit_test_setup_teardown(test_filter_sort, setup, teardown),
		cmocka_unit_test_setup_teardown(test_labels, setup, teardown),
		cmocka_unit_test_setup_teardown(test_invalidate, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cancel, setup, teardown),
		cmocka_unit_test(test_read_only),
		cmocka_unit_test_setup_teardown(test_plot_dates, setup, teardown),
	};

	return cmocka_run_group_tests(tests, group_setup, tc_group_teardown);
}
