/*
 * catalog.c - the catalog of datasets in the workbench database.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <dirent.h>
#include <unistd.h>

#include "buf.h"
#include "catalog.h"
#include "catalog_int.h"


struct lt_catalog {
	sqlite3 *db;
	char *path;
	char *bundled_dir;
};

static const char schema_sql[] =
	"CREATE TABLE lt_dataset("
	" name TEXT PRIMARY KEY, title TEXT, description TEXT, source TEXT,"
	" licence TEXT, kind TEXT, synthetic INTEGER, profile TEXT, weight TEXT,"
	" why TEXT, effects TEXT, origin TEXT, csv_path TEXT, rows INTEGER,"
	" hash TEXT, file_size INTEGER, file_mtime INTEGER, imported_at TEXT);"
	"CREATE TABLE lt_variable("
	" dataset TEXT, idx INTEGER, name TEXT, label TEXT, description TEXT,"
	" unit TEXT, type TEXT, storage INTEGER, missing TEXT,"
	" PRIMARY KEY(dataset, idx));"
	"CREATE TABLE lt_level("
	" dataset TEXT, var INTEGER, idx INTEGER, value TEXT, label TEXT,"
	" PRIMARY KEY(dataset, var, idx));"
	"CREATE TABLE lt_chunk("
	" dataset TEXT, var INTEGER, chunk INTEGER, data BLOB,"
	" PRIMARY KEY(dataset, var, chunk)) WITHOUT ROWID;";

/*
 * Migrations: migrations[i] takes the schema from version i to i + 1
 * (PRAGMA user_version). Add to the end; never change one that shipped.
 */
static const char *const migrations[] = {
	schema_sql,
	/* 2: chunks of a numeric column hold value - offset (exact centring) */
	"ALTER TABLE lt_variable ADD COLUMN offset REAL NOT NULL DEFAULT 0",
	/*
	 * 3: a category's values as one-byte codes, in chunks of their own
	 * (var = LT_CODE_VAR(var)); a level's code says which byte is it.
	 * Datasets imported before have none and are read through SQL.
	 */
	"ALTER TABLE lt_level ADD COLUMN code INTEGER",
	/*
	 * 4: a chunk of whole numbers may be stored narrow (enc: 1, 2, 3 for
	 * 8-, 16- and 32-bit integers, the smallest of each meaning missing;
	 * 0 for doubles, as before).
	 */
	"ALTER TABLE lt_chunk ADD COLUMN enc INTEGER NOT NULL DEFAULT 0",
};
#define SCHEMA_VERSION ((int)(sizeof migrations / sizeof migrations[0]))

int
lt_mkdirs_for(const char *path, char **failed)
{
	char *d = lt_strdup(path);

	*failed = NULL;
	for (char *p = d + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(d, 0700) != 0 && errno != EEXIST) {
			int e = errno;

			*failed = d;
			return e;
		}
		*p = '/';
	}
	free(d);
	return 0;
}

/* Make every missing directory in path's parent, or say why not. */
static int
mkdirs_for(const char *path, lt_error *err)
{
	char *d;
	int e = lt_mkdirs_for(path, &d), rc;

	if (e == 0)
		return 0;
	rc = lt_err(err, LT_EIO,
	    "cannot create the folder %s (%s); check its permissions or set LANTERN_HOME",
	    d, strerror(e));
	free(d);
	return rc;
}

int
lt_db_error(sqlite3 *db, lt_error *err, const char *what)
{
	int code = sqlite3_extended_errcode(db) & 0xff;
	const char *file = sqlite3_db_filename(db, "main");

	if (file == NULL || *file == '\0')
		file = "in memory";
	switch (code) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return lt_err(err, LT_EDB,
		    "the catalog is busy (another lantern is writing to it); wait a moment and try again");
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return lt_err(err, LT_EDB,
		    "the catalog file %s is damaged or is not a lantern database; move it aside and lantern will make a new one",
		    file);
	case SQLITE_FULL:
		return lt_err(err, LT_EDB, "the disk is full; free some space and try again");
	case SQLITE_READONLY:
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
		return lt_err(err, LT_EDB,
		    "cannot write to the catalog file %s; check its permissions or set LANTERN_HOME",
		    file);
	}
	return lt_err(err, LT_EDB, "%s failed: %s", what, sqlite3_errmsg(db));
}

int
lt_db_exec(sqlite3 *db, const char *sql, lt_error *err)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return lt_db_error(db, err, "a catalog update");
	return 0;
}

/* Read the schema version into *version. */
static int
schema_version(lt_catalog *c, int *version, lt_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(c->db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
		return lt_db_error(c->db, err, "opening the catalog");
	rc = sqlite3_step(st);
	*version = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return lt_db_error(c->db, err, "opening the catalog");
	return 0;
}

/* Check the schema version and create the schema in a new catalog. */
/* The schema version of c, refusing a catalog made by a newer lantern. */
static int
known_version(lt_catalog *c, int *version, lt_error *err)
{
	if (schema_version(c, version, err) != 0)
		return err->code;
	if (*version > SCHEMA_VERSION)
		return lt_err(err, LT_EDB,
		    "the catalog %s was made by a newer lantern; upgrade lantern or set LANTERN_HOME to another folder",
		    c->path);
	return 0;
}

/*
 * Read the file through a memory mapping rather than a read() per page: a
 * column of a million numbers is 2,000 pages, and the system calls and
 * copies were a third of the time it took to reach the statistics
 * (bench/RESULTS.md). Only reads are mapped; SQLite still writes.
 */
static void
read_by_mapping(lt_catalog *c)
{
	sqlite3_exec(c->db, "PRAGMA mmap_size=4294967296", NULL, NULL, NULL);
}

static int
catalog_init(lt_catalog *c, lt_error *err)
{
	int version;

	sqlite3_busy_timeout(c->db, 5000);
	if (known_version(c, &version, err) != 0)
		return err->code;
	/*
	 * Pages of 64 KB, not 4: a million-row import writes 2,500 pages,
	 * not 40,000 (15% faster), and a stored column is 8 pages, not 128.
	 * This only takes effect in a new, empty file.
	 */
	if (version == 0 && lt_db_exec(c->db, "PRAGMA page_size=65536", err) != 0)
		return err->code;
	if (lt_db_exec(c->db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL", err) != 0)
		return err->code;
	read_by_mapping(c);
	if (version == SCHEMA_VERSION)
		return 0;
	if (lt_db_exec(c->db, "BEGIN IMMEDIATE", err) != 0)
		return err->code;
	/* Another lantern may have made the schema while we waited for the lock. */
	if (schema_version(c, &version, err) != 0) {
		sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
		return err->code;
	}
	if (version == SCHEMA_VERSION)
		return lt_db_exec(c->db, "COMMIT", err);
	for (; version < SCHEMA_VERSION; version++) {
		char pragma[64];

		snprintf(pragma, sizeof pragma, "PRAGMA user_version=%d", version + 1);
		if (lt_db_exec(c->db, migrations[version], err) != 0 ||
		    lt_db_exec(c->db, pragma, err) != 0) {
			sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
			return err->code;
		}
	}
	return lt_db_exec(c->db, "COMMIT", err);
}

/* Whether the catalog exists but neither it nor its folder may be written. */
static int
read_only_place(const char *path)
{
	char *dir = lt_strdup(path), *slash = strrchr(dir, '/');
	int ro;

	if (slash != NULL)
		*slash = '\0';
	ro = access(path, R_OK) == 0 &&
	    (access(path, W_OK) != 0 || access(slash != NULL ? dir : ".", W_OK) != 0);
	free(dir);
	return ro;
}

/*
 * Open a catalog we may not write (a shared copy, a read-only folder):
 * SQLite's immutable mode reads it without the WAL's side files. Commands
 * that read work; writing says the file cannot be written.
 */
static int
open_read_only(lt_catalog *c, lt_error *err)
{
	lt_buf uri = LT_BUF_INIT;
	int version, rc;

	lt_buf_puts(&uri, "file:");
	for (const unsigned char *p = (const unsigned char *)c->path; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/._-", *p) != NULL)
			lt_buf_putc(&uri, (char)*p);
		else
			lt_buf_printf(&uri, "%%%02X", *p);
	}
	lt_buf_puts(&uri, "?immutable=1");
	rc = sqlite3_open_v2(lt_buf_str(&uri), &c->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI |
	    SQLITE_OPEN_NOMUTEX, NULL);
	lt_buf_free(&uri);
	if (rc != SQLITE_OK)
		return lt_err(err, LT_EDB, "cannot read the catalog %s; check its permissions",
		    c->path);
	sqlite3_extended_result_codes(c->db, 1);
	if (known_version(c, &version, err) != 0)
		return err->code;
	if (version != SCHEMA_VERSION)
		return lt_err(err, LT_EDB, "the catalog %s cannot be written, and it needs an "
		    "update first; ask its owner to open it once with this lantern", c->path);
	read_by_mapping(c);
	return 0;
}

lt_catalog *
lt_catalog_open(const char *db_path, const char *bundled_dir, lt_error *err)
{
	lt_catalog *c = lt_calloc(1, sizeof *c);

	c->path = lt_strdup(db_path);
	c->bundled_dir = lt_strdup(bundled_dir);
	if (strcmp(db_path, ":memory:") != 0 && read_only_place(db_path)) {
		if (open_read_only(c, err) != 0)
			goto fail;
		return c;
	}
	if (strcmp(db_path, ":memory:") != 0 && mkdirs_for(db_path, err) != 0)
		goto fail;
	/* One thread uses a catalog: SQLite need not lock for each call. */
	if (sqlite3_open_v2(db_path, &c->db,
	    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
	    NULL) != SQLITE_OK) {
		lt_err(err, LT_EDB, "cannot open the catalog %s: %s; check the folder's permissions "
		    "or set LANTERN_HOME to a folder you can write",
		    db_path, c->db != NULL ? sqlite3_errmsg(c->db) : "out of memory");
		goto fail;
	}
	sqlite3_extended_result_codes(c->db, 1);
	/*
	 * A double-quoted name that is not a column must be an error, not the
	 * string it spells (SQLite's legacy leniency): otherwise a stale column
	 * name would quietly compare as text.
	 */
	sqlite3_db_config(c->db, SQLITE_DBCONFIG_DQS_DML, 0, (int *)NULL);
	sqlite3_db_config(c->db, SQLITE_DBCONFIG_DQS_DDL, 0, (int *)NULL);
	if (catalog_init(c, err) != 0)
		goto fail;
	return c;
fail:
	lt_catalog_close(c);
	return NULL;
}

void
lt_catalog_close(lt_catalog *c)
{
	if (c == NULL)
		return;
	sqlite3_close(c->db);
	free(c->path);
	free(c->bundled_dir);
	free(c);
}

sqlite3 *
lt_catalog_db(lt_catalog *c)
{
	return c->db;
}

const char *
lt_catalog_path(const lt_catalog *c)
{
	return c->path;
}

const char *
lt_catalog_bundled_dir(const lt_catalog *c)
{
	return c->bundled_dir;
}

void
lt_strv_free(char **v)
{
	if (v == NULL)
		return;
	for (char **p = v; *p != NULL; p++)
		free(*p);
	free(v);
}

static void
free_strs(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void
lt_dataset_free(lt_dataset *d)
{
	if (d == NULL)
		return;
	free(d->name);
	free(d->title);
	free(d->description);
	free(d->source);
	free(d->licence);
	free(d->kind);
	free(d->profile);
	free(d->weight);
	free(d->why);
	free_strs(d->effects, d->neffects);
	free(d->origin);
	free(d->csv_path);
	free_strs(d->missing, d->nmissing);
	free(d->hash);
	free(d->imported_at);
	for (size_t i = 0; i < d->nvars; i++)
		lt_var_clear(&d->vars[i]);
	free(d->vars);
	free(d);
}

const lt_var *
lt_dataset_var(const lt_dataset *d, const char *name)
{
	return lt_vars_find(d->vars, d->nvars, name);
}

int
lt_dataset_var_index(const lt_dataset *d, const char *name)
{
	const lt_var *v = lt_dataset_var(d, name);

	return v == NULL ? -1 : (int)(v - d->vars);
}

int
lt_dataset_name_ok(const char *name)
{
	size_t n = strlen(name);

	if (n == 0 || n > 64)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char ch = name[i];

		if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
		    (i > 0 && (ch == '-' || ch == '_'))))
			return 0;
	}
	return 1;
}

char *
lt_dataset_table(const lt_dataset *d)
{
	return lt_sprintf("\"data_%s\"", d->name);
}

/* Split s on newlines into a fresh array. */
static void
split_lines(const char *s, char ***v, size_t *n)
{
	*v = NULL;
	*n = 0;
	if (s == NULL || *s == '\0')
		return;
	for (const char *p = s;;) {
		const char *e = strchr(p, '\n');
		size_t len = e != NULL ? (size_t)(e - p) : strlen(p);

		*v = lt_realloc(*v, (*n + 1) * sizeof **v);
		(*v)[(*n)++] = lt_strndup(p, len);
		if (e == NULL)
			break;
		p = e + 1;
	}
}

char *
lt_join_lines(char *const *v, size_t n)
{
	lt_buf b = LT_BUF_INIT;

	if (n == 0)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			lt_buf_putc(&b, '\n');
		lt_buf_puts(&b, v[i]);
	}
	return lt_buf_take(&b);
}

static char *
col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	return s != NULL ? lt_strdup((const char *)s) : NULL;
}

/* Load the variables and levels of dataset d from the catalog. */
static int
load_vars(lt_catalog *c, lt_dataset *d, lt_error *err)
{
	sqlite3_stmt *st = NULL;
	size_t cap = 0;
	int rc;

	if (sqlite3_prepare_v2(c->db,
	    "SELECT name, label, description, unit, type, storage, missing, offset FROM lt_variable"
	    " WHERE dataset = ?1 ORDER BY idx", -1, &st, NULL) != SQLITE_OK)
		return lt_db_error(c->db, err, "reading the catalog");
	sqlite3_bind_text(st, 1, d->name, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		lt_var *v;
		char *miss;

		d->vars = lt_grow(d->vars, &cap, d->nvars + 1, sizeof *d->vars);
		v = &d->vars[d->nvars++];
		memset(v, 0, sizeof *v);
		v->name = col_text(st, 0);
		v->label = col_text(st, 1);
		v->description = col_text(st, 2);
		v->unit = col_text(st, 3);
		v->type = lt_vtype_parse((const char *)sqlite3_column_text(st, 4));
		v->storage = sqlite3_column_int(st, 5);
		miss = col_text(st, 6);
		split_lines(miss, &v->missing, &v->nmissing);
		free(miss);
		v->offset = sqlite3_column_double(st, 7);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return lt_db_error(c->db, err, "reading the catalog");
	if (sqlite3_prepare_v2(c->db,
	    "SELECT var, value, label, code FROM lt_level WHERE dataset = ?1 ORDER BY var, idx",
	    -1, &st, NULL) != SQLITE_OK)
		return lt_db_error(c->db, err, "reading the catalog");
	sqlite3_bind_text(st, 1, d->name, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int var = sqlite3_column_int(st, 0);

		if (var >= 0 && (size_t)var < d->nvars) {
			lt_var *v = &d->vars[var];

			lt_var_add_level(v, (const char *)sqlite3_column_text(st, 1),
			    (const char *)sqlite3_column_text(st, 2));
			if (sqlite3_column_type(st, 3) != SQLITE_NULL)
				v->levels[v->nlevels - 1].code = sqlite3_column_int(st, 3);
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return lt_db_error(c->db, err, "reading the catalog");
	return 0;
}

#define DATASET_COLS \
	"name, title, description, source, licence, kind, synthetic, profile," \
	" weight, why, effects, origin, csv_path, rows, hash, imported_at," \
	" file_size, file_mtime"

/* Build a dataset from a row selected with DATASET_COLS. */
static lt_dataset *
row_dataset(sqlite3_stmt *st)
{
	lt_dataset *d = lt_calloc(1, sizeof *d);
	char *effects;

	d->name = col_text(st, 0);
	d->title = col_text(st, 1);
	d->description = col_text(st, 2);
	d->source = col_text(st, 3);
	d->licence = col_text(st, 4);
	d->kind = col_text(st, 5);
	d->synthetic = sqlite3_column_int(st, 6);
	d->profile = col_text(st, 7);
	d->weight = col_text(st, 8);
	d->why = col_text(st, 9);
	effects = col_text(st, 10);
	split_lines(effects, &d->effects, &d->neffects);
	free(effects);
	d->origin = col_text(st, 11);
	d->csv_path = col_text(st, 12);
	d->rows = sqlite3_column_int64(st, 13);
	d->hash = col_text(st, 14);
	d->imported_at = col_text(st, 15);
	return d;
}

/*
 * The dataset called name from the catalog; *out NULL when absent.
 * If stamp is not NULL it gets the recorded file size and mtime.
 */
static int
load_imported(lt_catalog *c, const char *name, lt_dataset **out,
    long long stamp[2], lt_error *err)
{
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	if (sqlite3_prepare_v2(c->db, "SELECT " DATASET_COLS
	    " FROM lt_dataset WHERE name = ?1", -1, &st, NULL) != SQLITE_OK)
		return lt_db_error(c->db, err, "reading the catalog");
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out = row_dataset(st);
		if (stamp != NULL) {
			stamp[0] = sqlite3_column_int64(st, 16);
			stamp[1] = sqlite3_column_int64(st, 17);
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lt_db_error(c->db, err, "reading the catalog");
	if (*out != NULL && load_vars(c, *out, err) != 0) {
		lt_dataset_free(*out);
		*out = NULL;
		return err->code;
	}
	return 0;
}

/* The bundled package called name, or NULL (no error) when there is none. */
static int
load_bundled(lt_catalog *c, const char *name, lt_dataset **out, lt_error *err)
{
	char *path;
	struct stat sb;
	int rc = 0;

	*out = NULL;
	if (c->bundled_dir == NULL || !lt_dataset_name_ok(name))
		return 0;
	path = lt_sprintf("%s/%s/datapackage.json", c->bundled_dir, name);
	if (stat(path, &sb) == 0) {
		rc = lt_package_load(path, out, err);
		if (rc == 0 && strcmp((*out)->name, name) != 0) {
			rc = lt_err(err, LT_EFORMAT,
			    "%s: the package is called \"%s\" but its folder is \"%s\"; give them the same name",
			    path, (*out)->name, name);
			lt_dataset_free(*out);
			*out = NULL;
		} else if (rc == 0) {
			free((*out)->origin);
			(*out)->origin = lt_strdup("bundled");
		}
	}
	free(path);
	return rc;
}

static int
cmp_dataset(const void *a, const void *b)
{
	const lt_dataset *const *x = a, *const *y = b;

	return strcmp((*x)->name, (*y)->name);
}

int
lt_catalog_list(lt_catalog *c, lt_dataset ***out, size_t *n, lt_error *err)
{
	lt_dataset **v = NULL;
	size_t cap = 0, count = 0;
	sqlite3_stmt *st;
	DIR *dir;
	struct dirent *de;
	int rc;

	*out = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(c->db, "SELECT " DATASET_COLS " FROM lt_dataset",
	    -1, &st, NULL) != SQLITE_OK)
		return lt_db_error(c->db, err, "reading the catalog");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = lt_grow(v, &cap, count + 1, sizeof *v);
		v[count++] = row_dataset(st);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		lt_catalog_list_free(v, count);
		return lt_db_error(c->db, err, "reading the catalog");
	}
	dir = c->bundled_dir != NULL ? opendir(c->bundled_dir) : NULL;
	while (dir != NULL && (de = readdir(dir)) != NULL) {
		lt_dataset *d;
		size_t i;
		lt_error ignored;

		if (de->d_name[0] == '.' || !lt_dataset_name_ok(de->d_name))
			continue;
		for (i = 0; i < count; i++)
			if (strcmp(v[i]->name, de->d_name) == 0)
				break;
		if (i < count)
			continue;
		/* A broken bundled package is left out of the list; opening it says why. */
		if (load_bundled(c, de->d_name, &d, &ignored) != 0 || d == NULL)
			continue;
		v = lt_grow(v, &cap, count + 1, sizeof *v);
		v[count++] = d;
	}
	if (dir != NULL)
		closedir(dir);
	if (count > 0)
		qsort(v, count, sizeof *v, cmp_dataset);
	*out = v;
	*n = count;
	return 0;
}

void
lt_catalog_list_free(lt_dataset **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		lt_dataset_free(v[i]);
	free(v);
}

char **
lt_catalog_names(lt_catalog *c)
{
	lt_dataset **v;
	size_t n;
	char **names;
	lt_error err;

	if (lt_catalog_list(c, &v, &n, &err) != 0)
		return lt_calloc(1, sizeof(char *));
	names = lt_calloc(n + 1, sizeof *names);
	for (size_t i = 0; i < n; i++)
		names[i] = lt_strdup(v[i]->name);
	lt_catalog_list_free(v, n);
	return names;
}

int
lt_catalog_get(lt_catalog *c, const char *name, lt_progress_fn progress,
    void *progress_ud, lt_dataset **out, lt_error *err)
{
	lt_dataset *have = NULL, *pkg = NULL;
	long long stamp[2] = { 0, 0 };
	struct stat sb;
	int rc;

	*out = NULL;
	if ((rc = load_imported(c, name, &have, stamp, err)) != 0)
		return rc;
	if (have != NULL && strcmp(have->origin, "bundled") != 0) {
		*out = have;
		return 0;
	}
	if ((rc = load_bundled(c, name, &pkg, err)) != 0) {
		lt_dataset_free(have);
		return rc;
	}
	if (pkg == NULL) {
		lt_dataset_free(have);
		if (have != NULL)	/* bundled once, since removed: keep using it */
			return load_imported(c, name, out, NULL, err);
		return lt_err(err, LT_ENOENT,
		    "there is no dataset called \"%s\"; type \"datasets\" to see the ones you can open",
		    name);
	}
	if (have != NULL && stat(pkg->csv_path, &sb) == 0 &&
	    stamp[0] == (long long)sb.st_size && stamp[1] == (long long)sb.st_mtime) {
		lt_dataset_free(pkg);
		*out = have;
		return 0;
	}
	lt_dataset_free(have);
	{
		lt_import_opts o = { 0 };

		o.path = pkg->csv_path;
		o.name = pkg->name;
		o.meta = pkg;
		o.replace = 1;
		o.origin = "bundled";
		o.progress = progress;
		o.progress_ud = progress_ud;
		rc = lt_import_csv(c, &o, out, err);
	}
	lt_dataset_free(pkg);
	return rc;
}

int
lt_catalog_remove(lt_catalog *c, const char *name, lt_error *err)
{
	static const char *const sql[] = {
		"DELETE FROM lt_dataset WHERE name = ?1",
		"DELETE FROM lt_variable WHERE dataset = ?1",
		"DELETE FROM lt_level WHERE dataset = ?1",
		"DELETE FROM lt_chunk WHERE dataset = ?1",
	};
	char *drop = lt_sprintf("DROP TABLE IF EXISTS \"data_%s\"", name);
	int rc = lt_db_exec(c->db, drop, err);

	free(drop);
	for (size_t i = 0; rc == 0 && i < sizeof sql / sizeof sql[0]; i++) {
		sqlite3_stmt *st;

		if (sqlite3_prepare_v2(c->db, sql[i], -1, &st, NULL) != SQLITE_OK)
			return lt_db_error(c->db, err, "removing a dataset");
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = lt_db_error(c->db, err, "removing a dataset");
		sqlite3_finalize(st);
	}
	return rc;
}

int
lt_catalog_drop(lt_catalog *c, const char *name, lt_error *err)
{
	lt_dataset *d, *pkg = NULL;
	int rc, bundled;

	if ((rc = load_imported(c, name, &d, NULL, err)) != 0)
		return rc;
	bundled = d != NULL ? strcmp(d->origin, "bundled") == 0 :
	    load_bundled(c, name, &pkg, err) == 0 && pkg != NULL;
	lt_dataset_free(pkg);
	if (bundled) {
		lt_dataset_free(d);
		return lt_err(err, LT_EINVAL,
		    "%s comes with lantern, so it cannot be removed; drop removes datasets you imported",
		    name);
	}
	if (d == NULL)
		return lt_err(err, LT_ENOENT,
		    "there is no imported dataset called \"%s\"; type \"datasets\" to see them", name);
	lt_dataset_free(d);
	if (lt_db_exec(c->db, "BEGIN IMMEDIATE", err) != 0)
		return err->code;
	if ((rc = lt_catalog_remove(c, name, err)) != 0) {
		sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
		return rc;
	}
	return lt_db_exec(c->db, "COMMIT", err);
}

/* Bytes per value of a chunk encoding. */
static size_t
enc_width(int enc)
{
	return enc == LT_ENC_INT8 ? 1 : enc == LT_ENC_INT16 ? 2 : enc == LT_ENC_INT32 ? 4 : 8;
}

int
lt_chunk_encode(const double *v, size_t n, void *out, size_t *bytes)
{
	double lo = 0, hi = 0;
	int enc = LT_ENC_INT8;
	unsigned char *o = out;

	for (size_t i = 0; i < n; i++) {
		double x = v[i];

		if (isnan(x))
			continue;
		if (!(fabs(x) <= 2147483647.0 && (double)(long)x == x)) {
			enc = LT_ENC_DOUBLE;
			break;
		}
		if (x < lo)
			lo = x;
		if (x > hi)
			hi = x;
	}
	/* the smallest of each width is kept for "missing" */
	if (enc != LT_ENC_DOUBLE)
		enc = lo > INT8_MIN && hi <= INT8_MAX ? LT_ENC_INT8 :
		    lo > INT16_MIN && hi <= INT16_MAX ? LT_ENC_INT16 : LT_ENC_INT32;
	for (size_t i = 0; i < n; i++) {
		switch (enc) {
		case LT_ENC_DOUBLE:
			memcpy(o + 8 * i, &v[i], 8);
			break;
		case LT_ENC_INT8:
			o[i] = (unsigned char)(int8_t)(isnan(v[i]) ? INT8_MIN : v[i]);
			break;
		case LT_ENC_INT16: {
			int16_t x = isnan(v[i]) ? INT16_MIN : (int16_t)v[i];

			memcpy(o + 2 * i, &x, 2);
			break;
		}
		default: {
			int32_t x = isnan(v[i]) ? INT32_MIN : (int32_t)v[i];

			memcpy(o + 4 * i, &x, 4);
			break;
		}
		}
	}
	*bytes = n * enc_width(enc);
	return enc;
}

/* The n values of a chunk stored with encoding enc as doubles. */
static void
decode_chunk(const unsigned char *b, int enc, double *out, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		switch (enc) {
		case LT_ENC_INT8: {
			int8_t v = (int8_t)b[i];

			out[i] = v == INT8_MIN ? (double)NAN : (double)v;
			break;
		}
		case LT_ENC_INT16: {
			int16_t v;

			memcpy(&v, b + 2 * i, 2);
			out[i] = v == INT16_MIN ? (double)NAN : (double)v;
			break;
		}
		case LT_ENC_INT32: {
			int32_t v;

			memcpy(&v, b + 4 * i, 4);
			out[i] = v == INT32_MIN ? (double)NAN : (double)v;
			break;
		}
		default:
			memcpy(&out[i], b + 8 * i, 8);
			break;
		}
	}
}

/*
 * Read the chunks stored under variable number chunkvar into out, which
 * holds total items: doubles when size is sizeof(double) (decoded from
 * their encoding), else the bytes as stored (codes).
 */
static int
read_chunks(lt_catalog *c, const lt_dataset *d, int var, int chunkvar, size_t size,
    void *out, size_t total, lt_error *err)
{
	sqlite3_stmt *st;
	size_t got = 0;
	int rc;

	if (sqlite3_prepare_v2(c->db,
	    "SELECT data, enc FROM lt_chunk WHERE dataset = ?1 AND var = ?2 ORDER BY chunk",
	    -1, &st, NULL) != SQLITE_OK)
		return lt_db_error(c->db, err, "reading a column");
	sqlite3_bind_text(st, 1, d->name, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, chunkvar);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int enc = size == sizeof(double) ? sqlite3_column_int(st, 1) : LT_ENC_INT8;
		const unsigned char *b = sqlite3_column_blob(st, 0);
		size_t k = (size_t)sqlite3_column_bytes(st, 0) / enc_width(enc);

		if (enc < LT_ENC_DOUBLE || enc > LT_ENC_INT32)
			break;
		if (got + k > total)
			k = total - got;
		if (size == sizeof(double))
			decode_chunk(b, enc, (double *)out + got, k);
		else
			memcpy((unsigned char *)out + got, b, k);
		got += k;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return lt_db_error(c->db, err, "reading a column");
	if (rc == SQLITE_ROW || got != total)
		return lt_err(err, LT_EDB,
		    "the stored column \"%s\" of %s is incomplete; import the dataset again",
		    d->vars[var].name, d->name);
	return 0;
}

int
lt_catalog_column(lt_catalog *c, const lt_dataset *d, int var, double **vals,
    size_t *n, lt_error *err)
{
	double *v;
	size_t total;
	int rc, type;

	*vals = NULL;
	*n = 0;
	if (d->rows < 0 || var < 0 || (size_t)var >= d->nvars)
		return lt_err(err, LT_EINVAL, "that column has no stored values");
	type = d->vars[var].type;
	if (!(type == LT_VT_INTEGER || type == LT_VT_NUMBER || type == LT_VT_DATE ||
	    (type == LT_VT_CATEGORY && d->vars[var].storage != LT_ST_TEXT)))
		return lt_err(err, LT_EINVAL,
		    "\"%s\" holds %s, not numbers; count its values instead",
		    d->vars[var].name, d->vars[var].type == LT_VT_TEXT ? "text" : "categories");
	total = (size_t)d->rows;
	v = lt_malloc((total ? total : 1) * sizeof *v);
	if ((rc = read_chunks(c, d, var, var, sizeof *v, v, total, err)) != 0) {
		free(v);
		return rc;
	}
	*vals = v;
	*n = total;
	return 0;
}

int
lt_catalog_codes(lt_catalog *c, const lt_dataset *d, int var, unsigned char **codes,
    size_t *n, lt_error *err)
{
	unsigned char *v;
	size_t total;
	int rc;

	*codes = NULL;
	*n = 0;
	if (d->rows < 0 || var < 0 || (size_t)var >= d->nvars || !lt_var_coded(&d->vars[var]))
		return lt_err(err, LT_EINVAL, "that column has no stored codes");
	total = (size_t)d->rows;
	v = lt_malloc(total ? total : 1);
	if ((rc = read_chunks(c, d, var, LT_CODE_VAR(var), 1, v, total, err)) != 0) {
		free(v);
		return rc;
	}
	*codes = v;
	*n = total;
	return 0;
}
