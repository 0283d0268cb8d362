/*
 * test_catalog.c - unit tests for the catalog (catalog.c), Data Package
 * metadata (package.c) and CSV import (import.c).
 */
#include "config.h"

#include "test_common.h"

#include <dirent.h>
#include <math.h>
#include <signal.h>

#include <sqlite3.h>

#include "catalog.h"
#include "stats.h"
#include "ident.h"

/* A relative-error check that prints both numbers when it fails. */
#define assert_close(a, b, tol) do {					\
	double a_ = (a), b_ = (b);					\
	if (!(fabs(a_ - b_) <= (tol) * fmax(1.0, fabs(b_)))) {		\
		print_error("%.17g != %.17g\n", a_, b_);		\
		fail();							\
	}								\
} while (0)

/* Import csv text (written to dir/name.csv) as dataset name. */
static int
import_text(tc_cat *t, const char *name, const char *csv, lt_import_opts *base,
    lt_dataset **out, lt_error *err)
{
	lt_import_opts o = { 0 };
	char *file = lt_sprintf("%s.csv", name);
	char *path = tc_write_in(t->dir, file, csv);
	int rc;

	if (base != NULL)
		o = *base;
	o.path = path;
	o.name = name;
	rc = lt_import_csv(t->cat, &o, out, err);
	free(path);
	free(file);
	return rc;
}

/* Import and insist that it works. */
static lt_dataset *
import_ok(tc_cat *t, const char *name, const char *csv, lt_import_opts *base)
{
	lt_dataset *d = NULL;
	lt_error err;

	lt_err_clear(&err);
	if (import_text(t, name, csv, base, &d, &err) != 0) {
		print_error("import of %s failed: %s\n", name, err.msg);
		fail();
	}
	assert_non_null(d);
	return d;
}

/* The first column of the first row of sql, as an integer. */
static long long
sql_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	long long v;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		print_error("%s: %s\n", sql, sqlite3_errmsg(db));
		fail();
	}
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Every row of sql, its columns joined by '|', one row per line. */
static char *
sql_text(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	lt_buf b = LT_BUF_INIT;
	int rc;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		print_error("%s: %s\n", sql, sqlite3_errmsg(db));
		fail();
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < sqlite3_column_count(st); i++) {
			const unsigned char *s = sqlite3_column_text(st, i);

			lt_buf_printf(&b, "%s%s", i > 0 ? "|" : "", s != NULL ? (const char *)s : "NULL");
		}
		lt_buf_putc(&b, '\n');
	}
	assert_int_equal(rc, SQLITE_DONE);
	sqlite3_finalize(st);
	return lt_buf_take(&b);
}

/* The catalog as a string: every listed dataset and the SQLite schema. */
static char *
snapshot(lt_catalog *c)
{
	lt_dataset **v;
	size_t n;
	lt_error err;
	lt_buf b = LT_BUF_INIT;
	char *schema;

	assert_int_equal(lt_catalog_list(c, &v, &n, &err), 0);
	for (size_t i = 0; i < n; i++)
		lt_buf_printf(&b, "%s %s %lld %s\n", v[i]->name, v[i]->origin, v[i]->rows,
		    v[i]->hash != NULL ? v[i]->hash : "-");
	lt_catalog_list_free(v, n);
	schema = sql_text(lt_catalog_db(c),
	    "SELECT type, name FROM sqlite_master ORDER BY type, name");
	lt_buf_puts(&b, schema);
	free(schema);
	return lt_buf_take(&b);
}

/* Read column name of d through the chunks, with the offset added back. */
static double *
column(tc_cat *t, const lt_dataset *d, const char *name, size_t *n)
{
	double *v = NULL;
	lt_error err;
	int idx = lt_dataset_var_index(d, name);

	assert_true(idx >= 0);
	if (lt_catalog_column(t->cat, d, idx, &v, n, &err) != 0) {
		print_error("column %s: %s\n", name, err.msg);
		fail();
	}
	for (size_t i = 0; i < *n; i++)
		v[i] += d->vars[idx].offset;
	return v;
}

static const lt_var *
var(const lt_dataset *d, const char *name)
{
	const lt_var *v = lt_dataset_var(d, name);

	if (v == NULL) {
		print_error("no variable %s\n", name);
		fail();
	}
	return v;
}

/* ------------------------------------------------------------ opening */

static void
test_open_creates_schema(void **state)
{
	tc_cat *t = *state;
	sqlite3 *db = lt_catalog_db(t->cat);
	struct stat sb;
	char *tables;

	assert_int_equal(stat(t->db, &sb), 0);
	assert_true(S_ISREG(sb.st_mode));
	assert_string_equal(lt_catalog_path(t->cat), t->db);
	assert_int_equal(sql_int(db, "PRAGMA user_version"), 4);
	tables = sql_text(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
	assert_string_equal(tables, "lt_chunk\nlt_dataset\nlt_level\nlt_variable\n");
	free(tables);
}

static void
test_reopen_keeps_data(void **state)
{
	tc_cat *t = *state;
	lt_dataset *d = import_ok(t, "keep", "x,y\n1,a\n2,b\n3,a\n", NULL), *again;
	lt_error err;
	double *v;
	size_t n;

	lt_dataset_free(d);
	lt_catalog_close(t->cat);
	t->cat = lt_catalog_open(t->db, t->bundled, &err);
	assert_non_null(t->cat);
	assert_int_equal(sql_int(lt_catalog_db(t->cat), "PRAGMA user_version"), 4);
	assert_int_equal(lt_catalog_get(t->cat, "keep", NULL, NULL, &again, &err), 0);
	assert_int_equal(again->rows, 3);
	assert_string_equal(again->origin, "imported");
	assert_int_equal(again->nvars, 2);
	assert_int_equal(var(again, "y")->type, LT_VT_CATEGORY);
	assert_int_equal(var(again, "y")->nlevels, 2);
	v = column(t, again, "x", &n);
	assert_int_equal(n, 3);
	assert_true(v[0] == 1 && v[1] == 2 && v[2] == 3);
	free(v);
	lt_dataset_free(again);
}

static void
test_open_not_a_database(void **state)
{
	char *dir = tc_tmpdir_new(), *path = tc_path(dir, "lantern.db"), *after;
	unsigned char junk[4096];
	lt_catalog *c;
	lt_error err;
	size_t len;

	(void)state;
	for (size_t i = 0; i < sizeof junk; i++)
		junk[i] = (unsigned char)(i * 7 + 13);
	memcpy(junk, "this is not a database, it is a shopping list\n", 46);
	tc_write_bytes(path, junk, sizeof junk);
	c = lt_catalog_open(path, NULL, &err);
	assert_null(c);
	assert_int_equal(err.code, LT_EDB);
	assert_true(tc_contains(err.msg, "not a lantern database"));
	assert_true(tc_contains(err.msg, "move it aside"));
	after = tc_read_file(path, &len);
	assert_int_equal(len, sizeof junk);
	assert_memory_equal(after, junk, sizeof junk);
	free(after);
	free(path);
	tc_tmpdir_free(dir);
}

static void
test_open_newer_schema(void **state)
{
	char *dir = tc_tmpdir_new(), *path = tc_path(dir, "lantern.db");
	sqlite3 *db;
	lt_catalog *c;
	lt_error err;

	(void)state;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	c = lt_catalog_open(path, NULL, &err);
	assert_null(c);
	assert_int_equal(err.code, LT_EDB);
	assert_true(tc_contains(err.msg, "newer lantern"));
	/* Refused without touching it: the version is still 99. */
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sql_int(db, "PRAGMA user_version"), 99);
	assert_int_equal(sql_int(db, "SELECT count(*) FROM sqlite_master"), 0);
	sqlite3_close(db);
	free(path);
	tc_tmpdir_free(dir);
}

static void
test_open_two_at_once(void **state)
{
	char *dir = tc_tmpdir_new(), *path = tc_path(dir, "x/lantern.db");
	lt_catalog *a, *b;
	lt_error err;

	(void)state;
	a = lt_catalog_open(path, NULL, &err);
	assert_non_null(a);
	b = lt_catalog_open(path, NULL, &err);
	assert_non_null(b);
	assert_int_equal(sql_int(lt_catalog_db(b), "PRAGMA user_version"), 4);
	lt_catalog_close(a);
	lt_catalog_close(b);
	free(path);
	tc_tmpdir_free(dir);
}

/* ------------------------------------------------------------ packages */

static void
test_package_bundled(void **state)
{
	char *dir = tc_src_path("datasets");
	DIR *dp = opendir(dir);
	struct dirent *de;
	size_t loaded = 0;

	(void)state;
	assert_non_null(dp);
	while ((de = readdir(dp)) != NULL) {
		char *pkg = lt_sprintf("%s/%s/datapackage.json", dir, de->d_name);
		struct stat sb;
		lt_dataset *d;
		lt_error err;

		if (de->d_name[0] == '.' || stat(pkg, &sb) != 0) {
			free(pkg);
			continue;
		}
		if (lt_package_load(pkg, &d, &err) != 0) {
			print_error("%s: %s\n", pkg, err.msg);
			fail();
		}
		assert_string_equal(d->name, de->d_name);
		assert_true(lt_dataset_name_ok(d->name));
		assert_int_equal(d->rows, -1);
		assert_true(d->nvars > 0);
		assert_non_null(d->title);
		assert_non_null(d->licence);
		assert_int_equal(stat(d->csv_path, &sb), 0);
		for (size_t i = 0; i < d->nvars; i++) {
			assert_non_null(d->vars[i].name);
			assert_non_null(d->vars[i].label);
		}
		lt_dataset_free(d);
		free(pkg);
		loaded++;
	}
	closedir(dp);
	assert_true(loaded >= 7);
	free(dir);
}

static void
test_package_cohort(void **state)
{
	char *path = tc_src_path("datasets/cohort/datapackage.json");
	lt_dataset *d;
	lt_error err;
	const lt_var *v;

	(void)state;
	assert_int_equal(lt_package_load(path, &d, &err), 0);
	assert_string_equal(d->name, "cohort");
	assert_int_equal(d->nvars, 15);
	assert_true(d->synthetic);
	assert_string_equal(d->kind, LT_KIND_INDIVIDUAL);
	assert_string_equal(d->profile, "opensafely");
	assert_null(d->weight);
	assert_true(d->neffects > 5);
	assert_true(tc_contains(d->csv_path, "datasets/cohort/cohort.csv"));
	v = var(d, "age");
	assert_string_equal(v->label, "Age");
	assert_string_equal(v->unit, "years");
	assert_int_equal(v->type, LT_VT_INTEGER);
	assert_int_equal(v->storage, LT_ST_INT);
	v = var(d, "bmi");
	assert_string_equal(v->unit, "kg/m2");
	assert_int_equal(v->type, LT_VT_NUMBER);
	assert_int_equal(v->storage, LT_ST_REAL);
	v = var(d, "smoking");
	assert_int_equal(v->type, LT_VT_CATEGORY);
	assert_int_equal(v->storage, LT_ST_INT);
	assert_int_equal(v->nlevels, 3);
	assert_string_equal(lt_var_label_of(v, "0"), "never");
	assert_string_equal(lt_var_label_of(v, "2"), "current");
	v = var(d, "sex");
	assert_int_equal(v->storage, LT_ST_TEXT);
	assert_string_equal(lt_var_label_of(v, "F"), "female");
	assert_int_equal(var(d, "first_admission")->type, LT_VT_DATE);
	lt_dataset_free(d);
	free(path);
}

static void
test_package_counts_weight(void **state)
{
	char *path = tc_src_path("datasets/cohort-counts/datapackage.json");
	lt_dataset *d;
	lt_error err;

	(void)state;
	assert_int_equal(lt_package_load(path, &d, &err), 0);
	assert_string_equal(d->weight, "count");
	assert_string_equal(d->kind, LT_KIND_AGGREGATED);
	assert_int_equal(var(d, "count")->type, LT_VT_INTEGER);
	lt_dataset_free(d);
	free(path);
}

/* Load a package written from text; returns the code, message in *err. */
static int
load_pkg(const char *json, lt_error *err)
{
	char *dir = tc_tmpdir_new(), *path = tc_write_in(dir, "datapackage.json", json);
	lt_dataset *d = (lt_dataset *)1;
	int rc;

	lt_err_clear(err);
	rc = lt_package_load(path, &d, err);
	if (rc == 0)
		lt_dataset_free(d);
	else
		assert_null(d);
	free(path);
	tc_tmpdir_free(dir);
	return rc;
}

#define PKG_HEAD "{\"name\": \"p\", \"resources\": [{\"path\": \"p.csv\", \"schema\": {\"fields\": ["
#define PKG_TAIL "]}}]}"

static void
test_package_broken(void **state)
{
	lt_error err;

	(void)state;
	assert_int_equal(load_pkg("{\n  \"name\": \"p\",\n  oops\n}\n", &err), LT_EFORMAT);
	assert_true(tc_contains(err.msg, "line 3"));
	assert_true(tc_contains(err.msg, "fix the JSON"));

	assert_int_equal(load_pkg("{\"name\": \"p\"}", &err), LT_EFORMAT);
	assert_true(tc_contains(err.msg, "one resource that has a path"));
	assert_int_equal(load_pkg("[1, 2]", &err), LT_EFORMAT);
	assert_int_equal(load_pkg("{\"name\": \"p\", \"resources\": [{\"schema\": "
	    "{\"fields\": []}}]}", &err), LT_EFORMAT);
	assert_int_equal(load_pkg("{\"name\": \"p\", \"resources\": [{\"path\": \"p.csv\"}]}",
	    &err), LT_EFORMAT);

	assert_int_equal(load_pkg(PKG_HEAD "{\"type\": \"integer\"}" PKG_TAIL, &err), LT_EFORMAT);
	assert_true(tc_contains(err.msg, "field 1 of the schema has no name"));
	assert_int_equal(load_pkg(PKG_HEAD "{\"name\": \"a\", \"type\": \"complex\"}" PKG_TAIL,
	    &err), LT_EFORMAT);
	assert_true(tc_contains(err.msg, "\"complex\""));
	assert_int_equal(load_pkg(PKG_HEAD "{\"name\": \"a\", \"type\": \"complex\", "
	    "\"categories\": [1, 2]}" PKG_TAIL, &err), LT_EFORMAT);
	assert_true(tc_contains(err.msg, "\"complex\""));
	assert_int_equal(load_pkg(PKG_HEAD "{\"name\": \"a\", \"categories\": [{\"label\": "
	    "\"x\"}]}" PKG_TAIL, &err), LT_EFORMAT);
	assert_true(tc_contains(err.msg, "category 1 has no value"));
	assert_int_equal(load_pkg(PKG_HEAD "{\"name\": \"a\"}, {\"name\": \"a\"}" PKG_TAIL,
	    &err), LT_EFORMAT);
	assert_true(tc_contains(err.msg, "two fields are called \"a\""));

	assert_int_equal(load_pkg("{\"name\": \"Bad Name\", \"resources\": [{\"path\": \"p.csv\", "
	    "\"schema\": {\"fields\": [{\"name\": \"a\"}]}}]}", &err), LT_EFORMAT);
	assert_true(tc_contains(err.msg, "lowercase letters"));
	assert_int_equal(load_pkg("{\"resources\": [{\"path\": \"p.csv\", "
	    "\"schema\": {\"fields\": [{\"name\": \"a\"}]}}]}", &err), LT_EFORMAT);

	assert_int_equal(load_pkg("{\"name\": \"p\", \"lantern\": {\"weight\": \"n\"}, "
	    "\"resources\": [{\"path\": \"p.csv\", \"schema\": {\"fields\": "
	    "[{\"name\": \"a\", \"type\": \"integer\"}]}}]}", &err), LT_EFORMAT);
	assert_true(tc_contains(err.msg, "weight column \"n\" is not a field"));
	assert_int_equal(load_pkg("{\"name\": \"p\", \"lantern\": {\"weight\": \"a\"}, "
	    "\"resources\": [{\"path\": \"p.csv\", \"schema\": {\"fields\": "
	    "[{\"name\": \"a\", \"type\": \"string\"}]}}]}", &err), LT_EFORMAT);
	assert_true(tc_contains(err.msg, "integer or number"));

	/* And a good one, with the optional parts. */
	assert_int_equal(load_pkg("{\"name\": \"p\", \"lantern\": {\"weight\": \"a\"}, "
	    "\"resources\": [{\"path\": \"p.csv\", \"dialect\": {\"delimiter\": \";\"}, "
	    "\"schema\": {\"fields\": [{\"name\": \"a\", \"type\": \"integer\"}, "
	    "{\"name\": \"y\", \"type\": \"year\"}, {\"name\": \"b\", \"type\": \"boolean\"}]}}]}",
	    &err), 0);
}

static void
test_package_details(void **state)
{
	char *dir = tc_tmpdir_new(), *path;
	lt_dataset *d;
	lt_error err;

	(void)state;
	path = tc_write_in(dir, "datapackage.json",
	    "{\"name\": \"p\", \"title\": \"P\", \"licenses\": [{\"name\": \"CC0-1.0\", "
	    "\"title\": \"Zero\", \"path\": \"https://x\"}], "
	    "\"resources\": [{\"path\": \"data/p.csv\", \"dialect\": {\"delimiter\": \";\"}, "
	    "\"schema\": {\"missingValues\": [\"\", \"-8\"], \"fields\": ["
	    "{\"name\": \"y\", \"type\": \"year\"}, {\"name\": \"b\", \"type\": \"boolean\"}, "
	    "{\"name\": \"n\", \"type\": \"number\", \"missingValues\": [\"-9\", -99]}]}}]}");
	assert_int_equal(lt_package_load(path, &d, &err), 0);
	assert_string_equal(d->title, "P");
	assert_string_equal(d->licence, "Zero (CC0-1.0) <https://x>");
	assert_int_equal(d->delimiter, ';');
	assert_int_equal(d->nmissing, 2);
	assert_string_equal(d->missing[1], "-8");
	assert_true(tc_contains(d->csv_path, "/data/p.csv"));
	assert_int_equal(var(d, "y")->type, LT_VT_INTEGER);
	assert_int_equal(var(d, "y")->storage, LT_ST_INT);
	assert_int_equal(var(d, "b")->type, LT_VT_CATEGORY);
	assert_string_equal(lt_var_label_of(var(d, "b"), "true"), "yes");
	assert_int_equal(var(d, "n")->nmissing, 2);
	assert_string_equal(var(d, "n")->missing[1], "-99");
	lt_dataset_free(d);
	free(path);

	path = tc_path(dir, "nothing.json");
	assert_int_equal(lt_package_load(path, &d, &err), LT_ENOENT);
	assert_null(d);
	assert_true(tc_contains(err.msg, "nothing.json"));
	free(path);
	tc_tmpdir_free(dir);
}

/* ------------------------------------------------------------ import */

/* A CSV with one column of each kind the inference knows. */
static char *
types_csv(void)
{
	lt_buf b = LT_BUF_INIT;

	lt_buf_puts(&b, "i,r,d,c,t,m,na,code,mix,it,neg\n");
	for (int k = 0; k < 30; k++) {
		lt_buf_printf(&b, "%d,%d.5,2020-01-%02d,%s,word%d,,%s,%03d,%s,%s,%d\n",
		    k, k, k % 28 + 1, k % 3 == 0 ? "red" : k % 3 == 1 ? "green" : "blue", k,
		    k == 3 ? "NA" : k == 4 ? "" : "7", k % 5 + 1,
		    k % 2 == 0 ? "1" : "2.25", k == 7 ? "n/a" : "1", -k);
	}
	return lt_buf_take(&b);
}

static void
test_import_inference(void **state)
{
	tc_cat *t = *state;
	char *csv = types_csv();
	lt_dataset *d = import_ok(t, "types", csv, NULL);
	const lt_var *v;
	double *x;
	size_t n;

	assert_int_equal(d->rows, 30);
	assert_int_equal(d->nvars, 11);
	assert_string_equal(d->origin, "imported");
	assert_string_equal(d->profile, "opensafely");
	assert_true(tc_contains(d->hash, "fnv1a64:"));
	assert_int_equal(var(d, "i")->type, LT_VT_INTEGER);
	assert_int_equal(var(d, "i")->storage, LT_ST_INT);
	assert_int_equal(var(d, "r")->type, LT_VT_NUMBER);
	assert_int_equal(var(d, "r")->storage, LT_ST_REAL);
	assert_int_equal(var(d, "d")->type, LT_VT_DATE);
	v = var(d, "c");
	assert_int_equal(v->type, LT_VT_CATEGORY);
	assert_int_equal(v->nlevels, 3);
	assert_string_equal(v->levels[0].value, "blue");	/* sorted */
	assert_string_equal(v->levels[2].value, "red");
	assert_int_equal(var(d, "t")->type, LT_VT_TEXT);	/* 30 > 20 values */
	assert_int_equal(var(d, "t")->nlevels, 0);
	assert_int_equal(var(d, "m")->type, LT_VT_TEXT);	/* all missing */
	assert_int_equal(var(d, "na")->type, LT_VT_INTEGER);
	v = var(d, "code");	/* 001..005: codes, not numbers */
	assert_int_equal(v->type, LT_VT_CATEGORY);
	assert_int_equal(v->storage, LT_ST_TEXT);
	assert_string_equal(v->levels[0].value, "001");
	assert_int_equal(var(d, "mix")->type, LT_VT_NUMBER);
	v = var(d, "it");	/* 1 and "n/a": a category of text */
	assert_int_equal(v->type, LT_VT_CATEGORY);
	assert_int_equal(v->storage, LT_ST_TEXT);
	assert_int_equal(v->nlevels, 2);
	assert_int_equal(var(d, "neg")->type, LT_VT_INTEGER);

	x = column(t, d, "i", &n);
	assert_int_equal(n, 30);
	for (size_t k = 0; k < n; k++)
		assert_true(x[k] == (double)k);
	free(x);
	x = column(t, d, "r", &n);
	assert_true(x[0] == 0.5 && x[29] == 29.5);
	free(x);
	x = column(t, d, "d", &n);
	assert_true(x[0] == 18262);	/* 2020-01-01 */
	assert_true(x[27] == 18262 + 27);
	assert_true(x[28] == 18262);
	free(x);
	x = column(t, d, "na", &n);
	assert_true(isnan(x[3]) && isnan(x[4]));
	assert_true(x[0] == 7 && x[5] == 7);
	free(x);
	x = column(t, d, "mix", &n);
	assert_true(x[0] == 1 && x[1] == 2.25);
	free(x);
	x = column(t, d, "neg", &n);
	assert_true(x[29] == -29);
	free(x);
	lt_dataset_free(d);
	free(csv);
}

static void
test_import_sql_types(void **state)
{
	tc_cat *t = *state;
	char *csv = types_csv(), *s;
	lt_dataset *d = import_ok(t, "types", csv, NULL);
	sqlite3 *db = lt_catalog_db(t->cat);
	double *x = NULL;
	size_t n;
	lt_error err;

	/* Numbers are stored as numbers, so SQL compares them as numbers. */
	s = sql_text(db, "SELECT DISTINCT typeof(i), typeof(r), typeof(neg) FROM data_types");
	assert_string_equal(s, "integer|real|integer\n");
	free(s);
	assert_int_equal(sql_int(db, "SELECT count(*) FROM data_types WHERE i >= 10"), 20);
	assert_int_equal(sql_int(db, "SELECT count(*) FROM data_types WHERE r > 9"), 21);
	assert_int_equal(sql_int(db, "SELECT max(i) FROM data_types"), 29);
	s = sql_text(db, "SELECT code, d FROM data_types WHERE rowid = 1");
	assert_string_equal(s, "001|2020-01-01\n");
	free(s);
	/* Text columns have no chunks, and say so. */
	assert_int_equal(sql_int(db, "SELECT count(*) FROM lt_chunk WHERE dataset = 'types'"
	    " AND var = 4"), 0);
	assert_int_equal(lt_catalog_column(t->cat, d, lt_dataset_var_index(d, "t"), &x, &n, &err),
	    LT_EINVAL);
	assert_null(x);
	assert_true(tc_contains(err.msg, "\"t\""));
	lt_dataset_free(d);
	free(csv);
}

/* Write a datapackage for dir/name.csv and load it. */
static lt_dataset *
meta_for(tc_cat *t, const char *fields)
{
	char *json = lt_sprintf("{\"name\": \"m\", \"resources\": [{\"path\": \"m.csv\", "
	    "\"schema\": {\"missingValues\": [\"\", \"NA\", \"-8\"], \"fields\": [%s]}}]}", fields);
	char *path = tc_write_in(t->dir, "datapackage.json", json);
	lt_dataset *m;
	lt_error err;

	if (lt_package_load(path, &m, &err) != 0) {
		print_error("%s\n", err.msg);
		fail();
	}
	free(path);
	free(json);
	return m;
}

#define META_FIELDS \
	"{\"name\": \"n\", \"type\": \"integer\", \"missingValues\": [\"-9\"]}," \
	"{\"name\": \"x\", \"type\": \"number\", \"unit\": \"kg\", \"title\": \"Weight\"}," \
	"{\"name\": \"s\", \"type\": \"integer\", \"categories\": [{\"value\": 1, \"label\": \"one\"}," \
	" {\"value\": 2, \"label\": \"two\"}]}," \
	"{\"name\": \"when\", \"type\": \"date\"}"

static void
test_import_meta(void **state)
{
	tc_cat *t = *state;
	lt_dataset *m = meta_for(t, META_FIELDS), *d;
	lt_import_opts o = { 0 };
	double *x;
	size_t n;
	char *s;

	o.meta = m;
	d = import_ok(t, "m", "n,x,s,when\n1,2,1,2020-01-01\n-9,2.5,2,1970-01-02\n-8,NA,1,\n", &o);
	assert_int_equal(d->rows, 3);
	assert_string_equal(var(d, "x")->label, "Weight");
	assert_string_equal(var(d, "x")->unit, "kg");
	assert_int_equal(var(d, "s")->type, LT_VT_CATEGORY);
	x = column(t, d, "n", &n);
	assert_true(x[0] == 1 && isnan(x[1]) && isnan(x[2]));
	free(x);
	x = column(t, d, "x", &n);
	assert_true(x[0] == 2 && x[1] == 2.5 && isnan(x[2]));
	free(x);
	x = column(t, d, "s", &n);	/* integer categories keep their chunks */
	assert_true(x[0] == 1 && x[1] == 2);
	free(x);
	x = column(t, d, "when", &n);
	assert_true(x[0] == 18262 && x[1] == 1 && isnan(x[2]));
	free(x);
	s = sql_text(lt_catalog_db(t->cat), "SELECT typeof(n), typeof(x), typeof(s) FROM data_m");
	assert_string_equal(s, "integer|real|integer\nnull|real|integer\nnull|null|integer\n");
	free(s);
	lt_dataset_free(d);
	lt_dataset_free(m);
}

static void
test_import_meta_enforced(void **state)
{
	tc_cat *t = *state;
	lt_dataset *m = meta_for(t, META_FIELDS), *d = NULL;
	lt_import_opts o = { 0 };
	lt_error err;
	char *before = snapshot(t->cat), *after;

	o.meta = m;
	assert_int_equal(import_text(t, "m", "n,x,s,when\n1,2,1,\n2.5,2,1,\n", &o, &d, &err),
	    LT_EFORMAT);
	assert_true(tc_contains(err.msg, "line 3, column \"n\""));
	assert_true(tc_contains(err.msg, "whole number"));
	assert_int_equal(import_text(t, "m", "n,x,s,when\n1,2,1,\n2,heavy,1,\n", &o, &d, &err),
	    LT_EFORMAT);
	assert_true(tc_contains(err.msg, "line 3, column \"x\""));
	assert_int_equal(import_text(t, "m", "n,x,s,when\n1,2,1,\n2,2,1,01/02/2020\n", &o, &d, &err),
	    LT_EFORMAT);
	assert_true(tc_contains(err.msg, "line 3, column \"when\""));
	assert_true(tc_contains(err.msg, "YYYY-MM-DD"));
	assert_int_equal(import_text(t, "m", "n,x,s,when\n1,2,1,\n2,2,3,\n", &o, &d, &err),
	    LT_EFORMAT);
	assert_true(tc_contains(err.msg, "line 3, column \"s\""));
	assert_true(tc_contains(err.msg, "not one of those the metadata allows"));
	/* Columns and fields must agree. */
	assert_int_equal(import_text(t, "m", "n,x,s,when,extra\n1,2,1,,1\n", &o, &d, &err),
	    LT_EFORMAT);
	assert_true(tc_contains(err.msg, "\"extra\" is not described"));
	assert_int_equal(import_text(t, "m", "n,x,s\n1,2,1\n", &o, &d, &err), LT_EFORMAT);
	assert_true(tc_contains(err.msg, "\"when\""));
	assert_null(d);
	after = snapshot(t->cat);
	assert_string_equal(before, after);
	free(before);
	free(after);
	lt_dataset_free(m);
}

static void
test_import_bad_files(void **state)
{
	tc_cat *t = *state;
	lt_dataset *d = NULL;
	lt_error err;
	lt_import_opts o = { 0 };
	char *before = snapshot(t->cat), *after;

	assert_int_equal(import_text(t, "bad", "a,b,c\n1,2,3\n4,5\n", NULL, &d, &err), LT_EFORMAT);
	assert_true(tc_contains(err.msg, "line 3: 2 fields, expected 3"));
	assert_int_equal(import_text(t, "bad", "a,b,c\n1,2,3\n4,5,6,7\n", NULL, &d, &err),
	    LT_EFORMAT);
	assert_true(tc_contains(err.msg, "line 3: 4 fields, expected 3"));
	assert_int_equal(import_text(t, "bad", "a,b,a\n1,2,3\n", NULL, &d, &err), LT_EFORMAT);
	assert_true(tc_contains(err.msg, "two columns are called \"a\""));
	assert_int_equal(import_text(t, "bad", "a,,c\n1,2,3\n", NULL, &d, &err), LT_EFORMAT);
	assert_true(tc_contains(err.msg, "column 2 has no name"));
	assert_int_equal(import_text(t, "bad", "", NULL, &d, &err), LT_EFORMAT);
	assert_true(tc_contains(err.msg, "empty"));
	assert_int_equal(import_text(t, "bad", "a,b\n", NULL, &d, &err), LT_EFORMAT);
	assert_true(tc_contains(err.msg, "no rows"));
	assert_int_equal(import_text(t, "Bad Name", "a\n1\n", NULL, &d, &err), LT_EINVAL);
	assert_true(tc_contains(err.msg, "cannot be a dataset name"));
	o.path = "/nonexistent/file.csv";
	assert_int_equal(lt_import_csv(t->cat, &o, &d, &err), LT_ENOENT);
	assert_null(d);
	after = snapshot(t->cat);
	assert_string_equal(before, after);
	free(before);
	free(after);
}

static void
test_import_name_from_path(void **state)
{
	tc_cat *t = *state;
	char *path = tc_write_in(t->dir, "My Survey 2024.csv", "a\n1\n");
	lt_import_opts o = { 0 };
	lt_dataset *d;
	lt_error err;

	o.path = path;
	assert_int_equal(lt_import_csv(t->cat, &o, &d, &err), 0);
	assert_string_equal(d->name, "my-survey-2024");
	assert_true(tc_contains(d->source, "My Survey 2024.csv"));
	lt_dataset_free(d);
	free(path);
}

static void
test_import_drop(void **state)
{
	tc_cat *t = *state;
	const char *drop[] = { "b" }, *unknown[] = { "nope" };
	lt_import_opts o = { 0 };
	lt_dataset *d;
	lt_error err;
	char *s;

	o.drop = drop;
	o.ndrop = 1;
	d = import_ok(t, "dropped", "a,b,c\n1,x,3\n4,y,6\n", &o);
	assert_int_equal(d->nvars, 2);
	assert_string_equal(d->vars[0].name, "a");
	assert_string_equal(d->vars[1].name, "c");
	assert_null(lt_dataset_var(d, "b"));
	s = sql_text(lt_catalog_db(t->cat), "SELECT * FROM data_dropped");
	assert_string_equal(s, "1|3\n4|6\n");
	free(s);
	lt_dataset_free(d);

	o.drop = unknown;
	d = NULL;
	assert_int_equal(import_text(t, "dropped2", "a,b\n1,2\n", &o, &d, &err), LT_ENOENT);
	assert_true(tc_contains(err.msg, "cannot drop \"nope\""));
	assert_null(d);
}

/* n valid NHS numbers (10 digits, modulus 11 check digit). */
static void
nhs_numbers(char out[][11], size_t n)
{
	unsigned seed = 12345;
	size_t k = 0;

	while (k < n) {
		int d[9], sum = 0, check;

		for (int i = 0; i < 9; i++) {
			seed = seed * 1103515245u + 12345u;
			d[i] = (int)((seed >> 16) % 10);
			sum += d[i] * (10 - i);
		}
		check = 11 - sum % 11;
		if (check == 11)
			check = 0;
		if (check == 10)
			continue;
		for (int i = 0; i < 9; i++)
			out[k][i] = (char)('0' + d[i]);
		out[k][9] = (char)('0' + check);
		out[k][10] = '\0';
		assert_true(lt_ident_is_nhs_number(out[k], 10));
		k++;
	}
}

static void
test_import_identifiers(void **state)
{
	tc_cat *t = *state;
	char nhs[40][11];
	lt_buf csv = LT_BUF_INIT;
	lt_dataset *keep = import_ok(t, "keep", "a\n1\n", NULL), *d = NULL;
	lt_error err;
	char *before = snapshot(t->cat), *after;
	const char *drop[] = { "ref" };
	lt_import_opts o = { 0 };

	lt_dataset_free(keep);
	/* By name. */
	assert_int_equal(import_text(t, "people", "age,email\n34,ann@example.org\n"
	    "51,bob@example.com\n", NULL, &d, &err), LT_EPRIVACY);
	assert_true(tc_contains(err.msg, "\"email\""));
	assert_true(tc_contains(err.msg, "--drop"));
	assert_null(d);
	/* By content: a column with an innocent name full of NHS numbers. */
	nhs_numbers(nhs, 40);
	lt_buf_puts(&csv, "age,ref\n");
	for (int k = 0; k < 40; k++)
		lt_buf_printf(&csv, "%d,%s\n", 20 + k, nhs[k]);
	assert_int_equal(import_text(t, "people", lt_buf_str(&csv), NULL, &d, &err), LT_EPRIVACY);
	assert_true(tc_contains(err.msg, "\"ref\""));
	assert_true(tc_contains(err.msg, "NHS"));
	after = snapshot(t->cat);
	assert_string_equal(before, after);
	assert_int_equal(sql_int(lt_catalog_db(t->cat),
	    "SELECT count(*) FROM sqlite_master WHERE name = 'data_people'"), 0);
	free(after);
	/* Leaving it out works. */
	o.drop = drop;
	o.ndrop = 1;
	d = import_ok(t, "people", lt_buf_str(&csv), &o);
	assert_int_equal(d->rows, 40);
	assert_int_equal(d->nvars, 1);
	lt_dataset_free(d);
	lt_buf_free(&csv);
	free(before);
}

static void
test_import_declared_dob_refused(void **state)
{
	tc_cat *t = *state;
	lt_dataset *m = meta_for(t, "{\"name\": \"dob\", \"type\": \"date\"}, "
	    "{\"name\": \"n\", \"type\": \"integer\"}"), *d = NULL;
	lt_import_opts o = { 0 };
	lt_error err;

	o.meta = m;
	assert_int_equal(import_text(t, "m", "dob,n\n1980-02-03,1\n1975-11-30,2\n", &o, &d, &err),
	    LT_EPRIVACY);
	assert_true(tc_contains(err.msg, "date of birth"));
	lt_dataset_free(m);
}

static void
test_import_replace(void **state)
{
	tc_cat *t = *state;
	lt_dataset *d = import_ok(t, "same", "a\n1\n2\n", NULL);
	lt_import_opts o = { 0 };
	lt_error err;
	char *before;
	double *x;
	size_t n;

	lt_dataset_free(d);
	before = snapshot(t->cat);
	d = NULL;
	assert_int_equal(import_text(t, "same", "a\n5\n6\n7\n", NULL, &d, &err), LT_EINVAL);
	assert_true(tc_contains(err.msg, "exists already"));
	assert_true(tc_contains(err.msg, "--replace"));
	assert_null(d);
	{
		char *after = snapshot(t->cat);

		assert_string_equal(before, after);
		free(after);
	}
	o.replace = 1;
	d = import_ok(t, "same", "a,b\n5,x\n6,y\n7,z\n", &o);
	assert_int_equal(d->rows, 3);
	assert_int_equal(d->nvars, 2);
	x = column(t, d, "a", &n);
	assert_int_equal(n, 3);
	assert_true(x[0] == 5 && x[2] == 7);
	free(x);
	assert_int_equal(sql_int(lt_catalog_db(t->cat), "SELECT count(*) FROM data_same"), 3);
	assert_int_equal(sql_int(lt_catalog_db(t->cat),
	    "SELECT count(*) FROM lt_variable WHERE dataset = 'same'"), 2);
	lt_dataset_free(d);
	free(before);
}

static void
test_import_cancel(void **state)
{
	tc_cat *t = *state;
	volatile sig_atomic_t stop = 1;
	lt_import_opts o = { 0 };
	lt_dataset *d = NULL;
	lt_error err;
	char *before = snapshot(t->cat), *after;

	o.cancel = &stop;
	assert_int_equal(import_text(t, "stopped", "a,b\n1,2\n3,4\n", &o, &d, &err), LT_EINTR);
	assert_true(tc_contains(err.msg, "cancelled"));
	assert_null(d);
	after = snapshot(t->cat);
	assert_string_equal(before, after);
	free(before);
	free(after);
}

typedef struct progress {
	int calls;
	uint64_t last_done, last_total;
} progress;

/* Cancel the import at its third progress report (the reader is running). */
static volatile sig_atomic_t stop_later;
static int stop_calls;

static void
stop_at_third(void *ud, uint64_t done, uint64_t total)
{
	(void)ud;
	(void)done;
	(void)total;
	if (++stop_calls == 3)
		stop_later = 1;
}

/*
 * Past the first rows the file is read on a thread of its own (import.c):
 * an error or a cancel there still leaves the catalog as it was, and names
 * the line.
 */
static void
test_import_stream_stops(void **state)
{
	tc_cat *t = *state;
	lt_buf csv = LT_BUF_INIT;
	lt_import_opts o = { 0 };
	lt_dataset *d = NULL;
	lt_error err;
	char *before = snapshot(t->cat), *after;

	lt_buf_puts(&csv, "a,b\n");
	for (int k = 0; k < 90000; k++)
		lt_buf_printf(&csv, k == 70000 ? "%d,2,3\n" : "%d,x%d\n", k, k % 3);
	assert_int_equal(import_text(t, "broken", lt_buf_str(&csv), NULL, &d, &err),
	    LT_EFORMAT);
	assert_true(tc_contains(err.msg, "line 70002: 3 fields"));
	assert_null(d);
	after = snapshot(t->cat);
	assert_string_equal(before, after);
	free(after);
	/* the same file without the bad line, cancelled half way */
	lt_buf_reset(&csv);
	lt_buf_puts(&csv, "a,b\n");
	for (int k = 0; k < 200000; k++)
		lt_buf_printf(&csv, "%d,x%d\n", k, k % 3);
	o.cancel = &stop_later;
	o.progress = stop_at_third;
	assert_int_equal(import_text(t, "stopped", lt_buf_str(&csv), &o, &d, &err), LT_EINTR);
	assert_true(stop_calls >= 3);
	assert_null(d);
	after = snapshot(t->cat);
	assert_string_equal(before, after);
	free(after);
	free(before);
	lt_buf_free(&csv);
}

static void
on_progress(void *ud, uint64_t done, uint64_t total)
{
	progress *p = ud;

	assert_true(done >= p->last_done);
	p->calls++;
	p->last_done = done;
	p->last_total = total;
}

static void
test_import_streaming(void **state)
{
	tc_cat *t = *state;
	lt_buf csv = LT_BUF_INIT;
	lt_import_opts o = { 0 };
	progress pr = { 0, 0, 0 };
	lt_dataset *d;
	sqlite3 *db = lt_catalog_db(t->cat);
	double *x, sum = 0;
	size_t n;
	char *s;

	/* "late" has no value in the first 10,000 rows, then numbers. */
	lt_buf_puts(&csv, "id,v,late,grp\n");
	for (int k = 0; k < 25000; k++)
		lt_buf_printf(&csv, "%d,%d.25,%s,%c\n", k, k % 100,
		    k < 20000 ? "" : k % 2 ? "5" : "100", 'a' + k % 4);
	o.progress = on_progress;
	o.progress_ud = &pr;
	d = import_ok(t, "big", lt_buf_str(&csv), &o);
	assert_int_equal(d->rows, 25000);
	assert_true(pr.calls >= 3);
	assert_int_equal(pr.last_done, csv.len);
	assert_int_equal(pr.last_total, csv.len);
	x = column(t, d, "id", &n);
	assert_int_equal(n, 25000);
	for (size_t k = 0; k < n; k++)
		sum += x[k];
	assert_true(sum == 25000.0 * 24999.0 / 2);
	assert_true(x[24999] == 24999);
	free(x);
	assert_int_equal(var(d, "grp")->type, LT_VT_CATEGORY);
	assert_int_equal(var(d, "grp")->nlevels, 4);
	assert_int_equal(var(d, "late")->type, LT_VT_INTEGER);
	x = column(t, d, "late", &n);
	assert_true(isnan(x[0]) && isnan(x[19999]) && x[20000] == 100 && x[20001] == 5);
	free(x);
	/* Stored as numbers although the first rows gave no hint. */
	s = sql_text(db, "SELECT DISTINCT typeof(late) FROM data_big ORDER BY 1");
	assert_string_equal(s, "integer\nnull\n");
	free(s);
	assert_int_equal(sql_int(db, "SELECT count(*) FROM data_big WHERE late > 9"), 2500);
	assert_int_equal(sql_int(db, "SELECT count(*) FROM data_big WHERE id >= 24990"), 10);
	lt_dataset_free(d);
	lt_buf_free(&csv);
}

/*
 * Categories of text are stored as codes, chunk by chunk, each row's code
 * naming its level; a column that turns out to have too many values to be
 * a category (after a chunk went in) keeps none.
 */
static void
test_import_codes(void **state)
{
	tc_cat *t = *state;
	lt_buf csv = LT_BUF_INIT;
	static const char *const grp[] = { "b", "a", "", "c" };
	lt_dataset *d;
	lt_error err;
	unsigned char *c;
	size_t n;
	const lt_var *g;

	/* "late" is a category for 70,000 rows (past the first chunk), then not */
	lt_buf_puts(&csv, "grp,late,x\n");
	for (int k = 0; k < 70100; k++)
		lt_buf_printf(&csv, "%s,%s%d,%d\n", grp[k % 4], k < 70000 ? "v" : "w",
		    k < 70000 ? k % 3 : k, k);
	d = import_ok(t, "coded", lt_buf_str(&csv), NULL);
	g = var(d, "grp");
	assert_int_equal(g->type, LT_VT_CATEGORY);
	assert_true(lt_var_coded(g));
	assert_false(lt_var_coded(var(d, "late")));
	assert_int_equal(var(d, "late")->type, LT_VT_TEXT);
	assert_int_equal(sql_int(lt_catalog_db(t->cat),
	    "SELECT count(*) FROM lt_chunk WHERE dataset = 'coded' AND var = -2"), 0);
	assert_int_equal(lt_catalog_codes(t->cat, d, 0, &c, &n, &err), 0);
	assert_int_equal(n, 70100);
	for (size_t k = 0; k < n; k++) {
		if (grp[k % 4][0] == '\0') {
			assert_int_equal(c[k], LT_CODE_MISSING);
			continue;
		}
		assert_true(c[k] != LT_CODE_MISSING);
		for (size_t j = 0; j < g->nlevels; j++)
			if (g->levels[j].code == c[k])
				assert_string_equal(g->levels[j].value, grp[k % 4]);
	}
	/* levels sorted for people, codes in the order first seen */
	assert_string_equal(g->levels[0].value, "a");
	assert_int_equal(g->levels[0].code, 1);
	free(c);
	assert_int_equal(lt_catalog_codes(t->cat, d, 1, &c, &n, &err), LT_EINVAL);
	assert_null(c);
	lt_dataset_free(d);
	lt_buf_free(&csv);
}

/*
 * Decimals are read without strtod where they are plain (import.c's
 * fast_decimal): the row table must hold exactly strtod's double, and the
 * chunks exactly the value less the offset, subtracted in decimal.
 */
static void
test_import_decimals(void **state)
{
	tc_cat *t = *state;
	lt_buf csv = LT_BUF_INIT;
	unsigned long long x = 88172645463325252ULL;
	char **text = lt_calloc(5001, sizeof *text);
	lt_dataset *d;
	sqlite3_stmt *st;
	double *v;
	size_t n, i = 0;

	lt_buf_puts(&csv, "v\n");
	for (int k = 0; k < 5000; k++) {
		int digits, point, neg;
		char buf[40], *q = buf;

		x ^= x << 13; x ^= x >> 7; x ^= x << 17;	/* xorshift */
		digits = 1 + (int)(x % 17);		/* 16 and 17: past the fast way */
		point = (int)((x >> 8) % (unsigned)(digits + 1));
		neg = (x >> 20) & 1;
		if (neg)
			*q++ = '-';
		for (int j = 0; j < digits; j++) {
			if (j == point)
				*q++ = '.';
			*q++ = (char)('0' + (x >> (24 + 2 * (j % 16))) % 10);
		}
		if (point == digits)
			*q++ = '.';
		*q = '\0';
		text[k] = lt_strdup(k == 0 ? "12.5" : buf);
		lt_buf_printf(&csv, "%s\n", text[k]);	/* the first sets the offset, 12 */
	}
	d = import_ok(t, "decimals", lt_buf_str(&csv), NULL);
	assert_int_equal(var(d, "v")->type, LT_VT_NUMBER);
	assert_int_equal(sqlite3_prepare_v2(lt_catalog_db(t->cat),
	    "SELECT v FROM data_decimals ORDER BY rowid", -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (sqlite3_column_double(st, 0) != strtod(text[i], NULL))
			print_error("%s stored as %.17g\n", text[i], sqlite3_column_double(st, 0));
		assert_true(sqlite3_column_double(st, 0) == strtod(text[i], NULL));
		i++;
	}
	sqlite3_finalize(st);
	assert_int_equal(i, 5000);
	assert_true(d->vars[0].offset == 12);
	assert_int_equal(lt_catalog_column(t->cat, d, 0, &v, &n, NULL), 0);
	for (i = 0; i < n; i++) {
		/* value - 12, in decimal: integer part less 12, plus the fraction */
		const char *s = text[i], *dot = strchr(s, '.');
		int neg = s[0] == '-';
		char frac[40] = "0";
		double ip = strtod(s + neg, NULL), want;

		ip = floor(ip);
		snprintf(frac + 1, sizeof frac - 1, "%s", dot);
		if (dot - s - neg > 15)		/* too long to split: in binary */
			want = strtod(s, NULL) - 12;
		else
			want = neg ? (-ip - 12) - strtod(frac, NULL) :
			    (ip - 12) + strtod(frac, NULL);
		if (v[i] != want)
			print_error("%s stored as %.17g, not %.17g\n", s, v[i], want);
		assert_true(v[i] == want);
	}
	free(v);
	for (i = 0; i < 5000; i++)
		free(text[i]);
	free(text);
	lt_dataset_free(d);
	lt_buf_free(&csv);
}

/*
 * Whole numbers are stored in 8, 16 or 32 bits when they fit, the smallest
 * of each width standing for "missing"; each chunk reads back exactly.
 */
static void
test_import_narrow(void **state)
{
	tc_cat *t = *state;
	static const struct {
		const char *values;	/* the column after its first value, 0 */
		int enc;
	} cases[] = {
		{ "1,-127,127,,5", 1 },
		{ "1,-128,127", 2 },
		{ "128,,-5", 2 },
		{ "-32767,32767,", 2 },
		{ "-32768,3", 3 },
		{ "32768,-2147483647,2147483646,", 3 },
		{ "2147483647,1", 3 },
		{ "2147483648,1", 0 },
		{ "-2147483648", 0 },
		{ "1.5,2", 0 },
		{ ",,", 1 },
	};

	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		lt_buf csv = LT_BUF_INIT;
		char *name = lt_sprintf("narrow%zu", c), *sql, *copy = lt_strdup(cases[c].values);
		double want[8], *v;
		size_t nwant = 1, n;
		lt_dataset *d;

		/* the first value, 0, fixes the offset at 0 */
		lt_buf_puts(&csv, "x,k\n0,1\n");
		want[0] = 0;
		for (char *p = copy, *q; p != NULL; p = q) {
			q = strchr(p, ',');
			if (q != NULL)
				*q++ = '\0';
			lt_buf_printf(&csv, "%s,1\n", p);
			want[nwant++] = *p == '\0' ? NAN : strtod(p, NULL);
		}
		d = import_ok(t, name, lt_buf_str(&csv), NULL);
		sql = lt_sprintf("SELECT enc FROM lt_chunk WHERE dataset = '%s' AND var = 0", name);
		assert_int_equal(sql_int(lt_catalog_db(t->cat), sql), cases[c].enc);
		v = column(t, d, "x", &n);
		assert_int_equal(n, nwant);
		for (size_t i = 0; i < n; i++) {
			if (isnan(want[i]) ? !isnan(v[i]) : v[i] != want[i])
				print_error("%s: value %zu is %.17g, not %.17g\n", cases[c].values,
				    i, v[i], want[i]);
			assert_true(isnan(want[i]) ? isnan(v[i]) : v[i] == want[i]);
		}
		free(v);
		free(sql);
		free(copy);
		free(name);
		lt_dataset_free(d);
		lt_buf_free(&csv);
	}
}

static void
test_import_chunks(void **state)
{
	tc_cat *t = *state;
	lt_buf csv = LT_BUF_INIT;
	lt_dataset *d;
	double *x;
	size_t n;
	char *s;

	lt_buf_puts(&csv, "k,half\n");
	for (int k = 0; k < 70000; k++) {
		if (k == 65535 || k == 65536)
			lt_buf_printf(&csv, "%d,\n", k);
		else
			lt_buf_printf(&csv, "%d,%d.5\n", k, k);
	}
	d = import_ok(t, "chunky", lt_buf_str(&csv), NULL);
	assert_int_equal(d->rows, 70000);
	/* k: whole numbers past 16 bits, in 32; half: doubles */
	s = sql_text(lt_catalog_db(t->cat), "SELECT var, chunk, enc, length(data) FROM lt_chunk"
	    " WHERE dataset = 'chunky' ORDER BY var, chunk");
	assert_string_equal(s, "0|0|3|262144\n0|1|3|17856\n1|0|0|524288\n1|1|0|35712\n");
	free(s);
	x = column(t, d, "k", &n);
	assert_int_equal(n, 70000);
	for (size_t k = 0; k < n; k++)
		if (x[k] != (double)k) {
			print_error("k[%zu] = %g\n", k, x[k]);
			fail();
		}
	free(x);
	x = column(t, d, "half", &n);
	assert_true(x[65534] == 65534.5);
	assert_true(isnan(x[65535]) && isnan(x[65536]));
	assert_true(x[65537] == 65537.5 && x[69999] == 69999.5);
	free(x);
	lt_dataset_free(d);
	lt_buf_free(&csv);
}

/* ------------------------------------------------------------ catalog */

static void
test_get_bundled(void **state)
{
	tc_cat *t = *state;
	lt_dataset *d, *again;
	lt_error err;
	double *x;
	size_t n;

	assert_int_equal(sql_int(lt_catalog_db(t->cat), "SELECT count(*) FROM lt_dataset"), 0);
	assert_int_equal(lt_catalog_get(t->cat, "cohort", NULL, NULL, &d, &err), 0);
	assert_string_equal(d->name, "cohort");
	assert_string_equal(d->origin, "bundled");
	assert_int_equal(d->rows, 20000);
	assert_int_equal(d->nvars, 15);
	assert_string_equal(var(d, "smoking")->levels[0].label, "never");
	x = column(t, d, "age", &n);
	assert_int_equal(n, 20000);
	assert_true(x[0] == 56 && x[1] == 39);	/* the first rows of cohort.csv */
	free(x);
	/* The second time it is not imported again. */
	assert_int_equal(lt_catalog_get(t->cat, "cohort", NULL, NULL, &again, &err), 0);
	assert_string_equal(again->hash, d->hash);
	assert_string_equal(again->imported_at, d->imported_at);
	assert_int_equal(sql_int(lt_catalog_db(t->cat), "SELECT count(*) FROM lt_dataset"), 1);
	lt_dataset_free(again);
	lt_dataset_free(d);
	assert_int_equal(lt_catalog_get(t->cat, "nonesuch", NULL, NULL, &d, &err), LT_ENOENT);
	assert_null(d);
	assert_true(tc_contains(err.msg, "\"nonesuch\""));
	assert_int_equal(lt_catalog_get(t->cat, "../etc", NULL, NULL, &d, &err), LT_ENOENT);
}

static void
test_get_every_bundled(void **state)
{
	tc_cat *t = *state;
	lt_dataset **v;
	size_t n, bundled = 0;
	lt_error err;

	assert_int_equal(lt_catalog_list(t->cat, &v, &n, &err), 0);
	for (size_t i = 0; i < n; i++) {
		lt_dataset *d;

		assert_string_equal(v[i]->origin, "bundled");
		assert_int_equal(v[i]->rows, -1);
		if (lt_catalog_get(t->cat, v[i]->name, NULL, NULL, &d, &err) != 0) {
			print_error("%s: %s\n", v[i]->name, err.msg);
			fail();
		}
		assert_true(d->rows > 0);
		assert_int_equal(d->nvars, v[i]->nvars);
		if (d->weight != NULL) {
			double *w;
			size_t m;

			w = column(t, d, d->weight, &m);
			assert_int_equal(m, d->rows);
			free(w);
		}
		lt_dataset_free(d);
		bundled++;
	}
	lt_catalog_list_free(v, n);
	assert_true(bundled >= 7);
	/* Now the list has their row counts. */
	assert_int_equal(lt_catalog_list(t->cat, &v, &n, &err), 0);
	assert_int_equal(n, bundled);
	for (size_t i = 0; i < n; i++)
		assert_true(v[i]->rows > 0);
	lt_catalog_list_free(v, n);
}

static void
test_list_merges_and_sorts(void **state)
{
	tc_cat *t = *state;
	lt_dataset **v, *d;
	size_t n, cohort = 0;
	lt_error err;
	char **names;
	int mine = 0, zzz = 0;

	lt_dataset_free(import_ok(t, "zzz", "a\n1\n", NULL));
	lt_dataset_free(import_ok(t, "aaa-mine", "a\n1\n", NULL));
	assert_int_equal(lt_catalog_get(t->cat, "cohort", NULL, NULL, &d, &err), 0);
	lt_dataset_free(d);
	assert_int_equal(lt_catalog_list(t->cat, &v, &n, &err), 0);
	assert_true(n >= 9);
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			assert_true(strcmp(v[i - 1]->name, v[i]->name) < 0);
		if (strcmp(v[i]->name, "cohort") == 0) {
			cohort++;
			assert_int_equal(v[i]->rows, 20000);
			assert_string_equal(v[i]->origin, "bundled");
		} else if (strcmp(v[i]->name, "aaa-mine") == 0) {
			mine++;
			assert_string_equal(v[i]->origin, "imported");
			assert_int_equal(v[i]->rows, 1);
		} else if (strcmp(v[i]->name, "zzz") == 0) {
			zzz++;
		} else if (strcmp(v[i]->name, "gapminder") == 0) {
			assert_int_equal(v[i]->rows, -1);
		}
	}
	assert_int_equal(cohort, 1);
	assert_int_equal(mine, 1);
	assert_int_equal(zzz, 1);
	assert_string_equal(v[0]->name, "aaa-mine");
	assert_string_equal(v[n - 1]->name, "zzz");
	names = lt_catalog_names(t->cat);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(names[i], v[i]->name);
	assert_null(names[n]);
	lt_strv_free(names);
	lt_catalog_list_free(v, n);
}

static void
test_drop(void **state)
{
	tc_cat *t = *state;
	lt_dataset *d;
	lt_error err;
	sqlite3 *db = lt_catalog_db(t->cat);

	lt_dataset_free(import_ok(t, "gone", "a,b\n1,x\n2,y\n", NULL));
	lt_dataset_free(import_ok(t, "stays", "a\n1\n", NULL));
	assert_int_equal(lt_catalog_drop(t->cat, "gone", &err), 0);
	assert_int_equal(lt_catalog_get(t->cat, "gone", NULL, NULL, &d, &err), LT_ENOENT);
	assert_int_equal(sql_int(db, "SELECT count(*) FROM sqlite_master WHERE name = 'data_gone'"), 0);
	assert_int_equal(sql_int(db, "SELECT count(*) FROM lt_chunk WHERE dataset = 'gone'"), 0);
	assert_int_equal(sql_int(db, "SELECT count(*) FROM lt_variable WHERE dataset = 'gone'"), 0);
	assert_int_equal(sql_int(db, "SELECT count(*) FROM lt_level WHERE dataset = 'gone'"), 0);
	assert_int_equal(lt_catalog_get(t->cat, "stays", NULL, NULL, &d, &err), 0);
	lt_dataset_free(d);
	assert_int_equal(lt_catalog_drop(t->cat, "gone", &err), LT_ENOENT);
	assert_true(tc_contains(err.msg, "\"gone\""));
	/* A bundled dataset cannot be dropped, opened or not, and stays usable. */
	assert_int_equal(lt_catalog_drop(t->cat, "burtin", &err), LT_EINVAL);
	assert_true(tc_contains(err.msg, "comes with lantern"));
	assert_int_equal(lt_catalog_get(t->cat, "anscombe", NULL, NULL, &d, &err), 0);
	lt_dataset_free(d);
	assert_int_equal(lt_catalog_drop(t->cat, "anscombe", &err), LT_EINVAL);
	assert_int_equal(lt_catalog_get(t->cat, "anscombe", NULL, NULL, &d, &err), 0);
	assert_int_equal(d->rows, 44);
	lt_dataset_free(d);
}

static void
test_bundled_name_mismatch(void **state)
{
	char *dir = tc_tmpdir_new(), *sub = tc_path(dir, "foo"), *db = tc_path(dir, "c.db");
	char *pkg, *csv;
	lt_catalog *c;
	lt_dataset *d, **v;
	size_t n;
	lt_error err;

	(void)state;
	assert_int_equal(mkdir(sub, 0700), 0);
	csv = tc_write_in(sub, "bar.csv", "a\n1\n");
	pkg = tc_write_in(sub, "datapackage.json", "{\"name\": \"bar\", \"resources\": "
	    "[{\"path\": \"bar.csv\", \"schema\": {\"fields\": [{\"name\": \"a\", \"type\": \"integer\"}]}}]}");
	c = lt_catalog_open(db, dir, &err);
	assert_non_null(c);
	assert_int_equal(lt_catalog_get(c, "foo", NULL, NULL, &d, &err), LT_EFORMAT);
	assert_true(tc_contains(err.msg, "\"bar\""));
	assert_int_equal(lt_catalog_list(c, &v, &n, &err), 0);
	assert_int_equal(n, 0);
	lt_catalog_list_free(v, n);
	lt_catalog_close(c);
	free(pkg);
	free(csv);
	free(sub);
	free(db);
	tc_tmpdir_free(dir);
}

/*
 * NIST StRD univariate data imported as CSV: the mean and SD through the
 * stored (centred) column agree with the certified values to 12 significant
 * digits, NumAcc3 and NumAcc4 included. Certified values are NIST's, as
 * printed in /work/shared/reference/nist/certified.json (copied here).
 * Without decimal centring at import, NumAcc4's SD is off by 5.6e-9.
 */
static void
test_import_nist_univariate(void **state)
{
	static const struct {
		const char *name;
		double mean, sd;
	} cert[] = {
		{ "PiDigits", 4.53480000000000, 2.86733906028871 },
		{ "Lottery", 518.958715596330, 291.699727470969 },
		{ "Lew", -177.435000000000, 277.332168044316 },
		{ "Mavro", 2.00185600000000, 0.000429123454003053 },
		{ "Michelso", 299.852400000000, 0.0790105478190518 },
		{ "NumAcc1", 10000002, 1 },
		{ "NumAcc2", 1.2, 0.1 },
		{ "NumAcc3", 1000000.2, 0.1 },
		{ "NumAcc4", 10000000.2, 0.1 },
	};
	tc_cat *t = *state;

	for (size_t i = 0; i < sizeof cert / sizeof cert[0]; i++) {
		char *file = lt_sprintf("tests/fixtures/nist/%s.csv", cert[i].name);
		char *path = tc_src_path(file), *name = lt_sprintf("nist%zu", i);
		lt_import_opts o = { 0 };
		lt_dataset *d = NULL;
		lt_summary sm;
		lt_error err;
		double *x;
		size_t n;

		o.path = path;
		o.name = name;
		if (lt_import_csv(t->cat, &o, &d, &err) != 0) {
			print_error("%s: %s\n", cert[i].name, err.msg);
			fail();
		}
		assert_int_equal(lt_catalog_column(t->cat, d, 0, &x, &n, &err), 0);
		lt_stats_summary(x, NULL, n, &sm);
		lt_summary_shift(&sm, d->vars[0].offset);
		if (fabs(sm.mean - cert[i].mean) > 1e-12 * fabs(cert[i].mean) ||
		    fabs(sm.sd - cert[i].sd) > 1e-12 * cert[i].sd) {
			print_error("%s: mean %.17g sd %.17g\n", cert[i].name, sm.mean, sm.sd);
			fail();
		}
		free(x);
		lt_dataset_free(d);
		free(name);
		free(path);
		free(file);
	}
}

/*
 * Headers that would break storage or reach terminals are refused; values
 * in any number form keep their meaning through the centred columns.
 */
static void
test_import_names_and_forms(void **state)
{
	tc_cat *t = *state;
	lt_dataset *d;
	lt_error err;
	double *x;
	size_t n;

	assert_int_equal(import_text(t, "r1", "rowid,x\n3,10\n", NULL, &d, &err), LT_EFORMAT);
	assert_true(tc_contains(err.msg, "keeps the column name \"rowid\""));
	assert_int_equal(import_text(t, "r2", "Age,age\n1,2\n", NULL, &d, &err), LT_EFORMAT);
	assert_true(tc_contains(err.msg, "two columns are called"));
	assert_int_equal(import_text(t, "r3", "x\x1b[2Jname,y\n1,2\n", NULL, &d, &err),
	    LT_EFORMAT);
	assert_true(tc_contains(err.msg, "control character"));
	assert_false(tc_contains(err.msg, "\x1b"));
	/* A value the metadata refuses is named by line and column, never quoted. */
	d = import_ok(t, "forms", "v\n1e3\n5.5\n6.5\n", NULL);
	x = column(t, d, "v", &n);
	assert_int_equal(n, 3);
	assert_true(x[0] == 1000 && x[1] == 5.5 && x[2] == 6.5);
	free(x);
	lt_dataset_free(d);
	d = import_ok(t, "forms2", "v\n12345678901234567890\n2.5\n", NULL);
	lt_dataset_free(d);
	d = import_ok(t, "forms3", "v\n-7.25\n10000000.2\n3\n", NULL);
	x = column(t, d, "v", &n);
	assert_true(x[0] == -7.25 && fabs(x[1] - 10000000.2) < 1e-8 && x[2] == 3);
	free(x);
	lt_dataset_free(d);
}

/* Identifiers that only appear after the first 10,000 rows are refused too. */
static void
test_import_late_identifiers(void **state)
{
	tc_cat *t = *state;
	lt_buf csv = LT_BUF_INIT;
	lt_dataset *d = NULL;
	lt_error err;

	lt_buf_puts(&csv, "contact,x\n");
	for (int i = 0; i < 12000; i++)
		lt_buf_printf(&csv, ",%d\n", i);
	lt_buf_puts(&csv, "someone@example.org,1\n");
	assert_int_equal(import_text(t, "late", lt_buf_str(&csv), NULL, &d, &err), LT_EPRIVACY);
	assert_true(tc_contains(err.msg, "email"));
	assert_null(d);
	assert_int_equal(sql_int(lt_catalog_db(t->cat),
	    "SELECT count(*) FROM sqlite_master WHERE name = 'data_late'"), 0);
	lt_buf_free(&csv);
}

/* A catalog made by the first lantern (schema 1) is migrated, data kept. */
static void
test_migrate_v1(void **state)
{
	char *dir = tc_tmpdir_new(), *db = lt_sprintf("%s/old.db", dir);
	sqlite3 *h;
	lt_catalog *c;
	lt_dataset *d;
	double *v;
	size_t n;
	lt_error err;

	(void)state;
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h,
	    "CREATE TABLE lt_dataset(name TEXT PRIMARY KEY, title TEXT, description TEXT,"
	    " source TEXT, licence TEXT, kind TEXT, synthetic INTEGER, profile TEXT,"
	    " weight TEXT, why TEXT, effects TEXT, origin TEXT, csv_path TEXT, rows INTEGER,"
	    " hash TEXT, file_size INTEGER, file_mtime INTEGER, imported_at TEXT);"
	    "CREATE TABLE lt_variable(dataset TEXT, idx INTEGER, name TEXT, label TEXT,"
	    " description TEXT, unit TEXT, type TEXT, storage INTEGER, missing TEXT,"
	    " PRIMARY KEY(dataset, idx));"
	    "CREATE TABLE lt_level(dataset TEXT, var INTEGER, idx INTEGER, value TEXT,"
	    " label TEXT, PRIMARY KEY(dataset, var, idx));"
	    "CREATE TABLE lt_chunk(dataset TEXT, var INTEGER, chunk INTEGER, data BLOB,"
	    " PRIMARY KEY(dataset, var, chunk)) WITHOUT ROWID;"
	    "INSERT INTO lt_variable VALUES('old', 0, 'x', 'x', NULL, NULL, 'number', 1, NULL);"
	    "INSERT INTO lt_dataset(name, title, kind, profile, origin, rows)"
	    " VALUES('old', 'old', 'individual-level', 'opensafely', 'imported', 2);"
	    /* a chunk of two doubles, 1.5 and -2, as version 1 stored them */
	    "INSERT INTO lt_chunk VALUES('old', 0, 0, X'000000000000F83F00000000000000C0');"
	    "PRAGMA user_version = 1;", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	c = lt_catalog_open(db, NULL, &err);
	assert_non_null(c);
	assert_int_equal(sql_int(lt_catalog_db(c), "PRAGMA user_version"), 4);
	assert_int_equal(sql_int(lt_catalog_db(c),
	    "SELECT count(*) FROM lt_variable WHERE name = 'x' AND offset = 0"), 1);
	assert_int_equal(lt_catalog_get(c, "old", NULL, NULL, &d, &err), 0);
	assert_int_equal(lt_catalog_column(c, d, 0, &v, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_true(v[0] == 1.5 && v[1] == -2);
	assert_false(lt_var_coded(&d->vars[0]));
	free(v);
	lt_dataset_free(d);
	lt_catalog_close(c);
	free(db);
	tc_tmpdir_free(dir);
}

static void
test_busy(void **state)
{
	tc_cat *t = *state;
	sqlite3 *other;
	lt_dataset *d = NULL;
	lt_error err;
	char *before;

	lt_dataset_free(import_ok(t, "first", "a\n1\n2\n", NULL));
	before = snapshot(t->cat);
	assert_int_equal(sqlite3_open(t->db, &other), SQLITE_OK);
	assert_int_equal(sqlite3_exec(other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(import_text(t, "second", "a\n3\n", NULL, &d, &err), LT_EDB);
	assert_true(tc_contains(err.msg, "busy"));
	assert_null(d);
	assert_int_equal(sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(other);
	{
		char *after = snapshot(t->cat);

		assert_string_equal(before, after);
		free(after);
	}
	lt_dataset_free(import_ok(t, "second", "a\n3\n", NULL));
	assert_int_equal(lt_catalog_get(t->cat, "first", NULL, NULL, &d, &err), 0);
	assert_int_equal(d->rows, 2);
	lt_dataset_free(d);
	free(before);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_open_creates_schema, tc_cat_setup, tc_cat_teardown),
		cmocka_unit_test_setup_teardown(test_reopen_keeps_data, tc_cat_setup, tc_cat_teardown),
		cmocka_unit_test(test_open_not_a_database),
		cmocka_unit_test(test_open_newer_schema),
		cmocka_unit_test(test_open_two_at_once),
		cmocka_unit_test(test_migrate_v1),
		cmocka_unit_test_setup_teardown(test_import_late_identifiers, tc_cat_setup, tc_cat_teardown),
		cmocka_unit_test_setup_teardown(test_import_names_and_forms, tc_cat_setup, tc_cat_teardown),
		cmocka_unit_test_setup_teardown(test_import_nist_univariate, tc_cat_setup, tc_cat_teardown),
		cmocka_unit_test(test_package_bundled),
		cmocka_unit_test(test_package_cohort),
		cmocka_unit_test(test_package_counts_weight),
		cmocka_unit_test(test_package_broken),
		cmocka_unit_test(test_package_details),
		cmocka_unit_test_setup_teardown(test_import_inference, tc_cat_setup, tc_cat_teardown),
		cmocka_unit_test_setup_teardown(test_import_sql_types, tc_cat_setup, tc_cat_teardown),
		cmocka_unit_test_setup_teardown(test_import_meta, tc_cat_setup, tc_cat_teardown),
		cmocka_unit_test_setup_teardown(test_import_meta_enforced, tc_cat_setup, tc_cat_teardown),
		cmocka_unit_test_setup_teardown(test_import_bad_files, tc_cat_setup, tc_cat_teardown),
		cmocka_unit_test_setup_teardown(test_import_name_from_path, tc_cat_setup, tc_cat_teardown),
		cmocka_unit_test_setup_teardown(test_import_drop, tc_cat_setup, tc_cat_teardown),
		cmocka_unit_test_setup_teardown(test_import_identifiers, tc_cat_setup, tc_cat_teardown),
		cmocka_unit_test_setup_teardown(test_import_declared_dob_refused, tc_cat_setup, tc_cat_teardown),
		cmocka_unit_test_setup_teardown(test_import_replace, tc_cat_setup, tc_cat_teardown),
		cmocka_unit_test_setup_teardown(test_import_cancel, tc_cat_setup, tc_cat_teardown),
		cmocka_unit_test_setup_teardown(test_import_stream_stops, tc_cat_setup, tc_cat_teardown),
		cmocka_unit_test_setup_teardown(test_import_streaming, tc_cat_setup, tc_cat_teardown),
		cmocka_unit_test_setup_teardown(test_import_codes, tc_cat_setup, tc_cat_teardown),
		cmocka_unit_test_setup_teardown(test_import_decimals, tc_cat_setup, tc_cat_teardown),
		cmocka_unit_test_setup_teardown(test_import_narrow, tc_cat_setup, tc_cat_teardown),
		cmocka_unit_test_setup_teardown(test_import_chunks, tc_cat_setup, tc_cat_teardown),
		cmocka_unit_test_setup_teardown(test_get_bundled, tc_cat_setup, tc_cat_teardown),
		cmocka_unit_test_setup_teardown(test_get_every_bundled, tc_cat_setup, tc_cat_teardown),
		cmocka_unit_test_setup_teardown(test_list_merges_and_sorts, tc_cat_setup, tc_cat_teardown),
		cmocka_unit_test_setup_teardown(test_drop, tc_cat_setup, tc_cat_teardown),
		cmocka_unit_test(test_bundled_name_mismatch),
		cmocka_unit_test_setup_teardown(test_busy, tc_cat_setup, tc_cat_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
