/*
 * test_common.h - what the unit tests share: the cmocka include order,
 * where the source tree is, a private temporary directory per test, small
 * file helpers, a fixture holding a catalog in that directory, sessions on
 * the bundled datasets, a copy of the last result a session gave, a
 * session of its own for each test, and a catalog shared by a group of
 * tests (with data imported into it under a given profile).
 *
 * Everything is static inline so a test file uses only what it needs.
 */
#ifndef LT_TEST_COMMON_H
#define LT_TEST_COMMON_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "catalog.h"
#include "session.h"

/* The top of the source tree ($top_srcdir, "." when unset). */
static inline const char *
tc_srcdir(void)
{
	const char *s = getenv("top_srcdir");

	return s != NULL && *s != '\0' ? s : ".";
}

/* A path under the source tree (caller frees). */
static inline char *
tc_src_path(const char *rel)
{
	return lt_sprintf("%s/%s", tc_srcdir(), rel);
}

/* dir/name (caller frees). */
static inline char *
tc_path(const char *dir, const char *name)
{
	return lt_sprintf("%s/%s", dir, name);
}

/* A new empty directory under $TMPDIR or /tmp (caller frees the name). */
static inline char *
tc_tmpdir_new(void)
{
	const char *base = getenv("TMPDIR");
	char *d = lt_sprintf("%s/lt-test-XXXXXX", base != NULL && *base != '\0' ? base : "/tmp");

	assert_non_null(mkdtemp(d));
	return d;
}

/* Remove path and, when it is a directory, everything in it. */
static inline void
tc_rm_tree(const char *path)
{
	struct stat sb;
	DIR *dir;
	struct dirent *de;

	if (lstat(path, &sb) != 0)
		return;
	if (S_ISDIR(sb.st_mode) && (dir = opendir(path)) != NULL) {
		while ((de = readdir(dir)) != NULL) {
			char *sub;

			if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
				continue;
			sub = lt_sprintf("%s/%s", path, de->d_name);
			tc_rm_tree(sub);
			free(sub);
		}
		closedir(dir);
	}
	remove(path);
}

/* Remove a directory tree made by tc_tmpdir_new, and free its name. */
static inline void
tc_tmpdir_free(char *dir)
{
	if (dir == NULL)
		return;
	tc_rm_tree(dir);
	free(dir);
}

/* Write n bytes to path, replacing it. */
static inline void
tc_write_bytes(const char *path, const void *p, size_t n)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(p, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

/* Write a string to path, replacing it. */
static inline void
tc_write_file(const char *path, const char *text)
{
	tc_write_bytes(path, text, strlen(text));
}

/* Write a string to dir/name; returns the path (caller frees). */
static inline char *
tc_write_in(const char *dir, const char *name, const char *text)
{
	char *p = tc_path(dir, name);

	tc_write_file(p, text);
	return p;
}

/* The whole contents of path (NUL-terminated; *len gets the size). */
static inline char *
tc_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	lt_buf b = LT_BUF_INIT;
	char chunk[65536];
	size_t n;

	assert_non_null(f);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		lt_buf_add(&b, chunk, n);
	fclose(f);
	if (len != NULL)
		*len = b.len;
	return lt_buf_take(&b);
}

/* Whether haystack contains needle; prints both when it does not. */
static inline int
tc_contains(const char *haystack, const char *needle)
{
	if (haystack != NULL && strstr(haystack, needle) != NULL)
		return 1;
	print_error("\"%s\" does not contain \"%s\"\n", haystack ? haystack : "(null)", needle);
	return 0;
}

/* ------------------------------------------------------------ sessions */

/*
 * A session on the catalog at db with the bundled datasets (cancel may be
 * NULL); NULL, with the reason printed, when the catalog will not open.
 */
static inline lt_session *
tc_session_new(const char *db, volatile sig_atomic_t *cancel)
{
	lt_session_opts o = { 0 };
	char *bundled = tc_src_path("datasets");
	lt_session *s;
	lt_error err;

	o.catalog_path = db;
	o.bundled_dir = bundled;
	o.cancel = cancel;
	s = lt_session_new(&o, &err);
	if (s == NULL)
		print_error("%s\n", err.msg);
	free(bundled);
	return s;
}

/*
 * Run text in s, handing each result to emit (which may be NULL); the test
 * fails, naming text and the reason, when it does not work.
 */
static inline void
tc_run(lt_session *s, const char *text, lt_emit_fn emit, void *ud)
{
	lt_error err;

	if (lt_session_run(s, text, emit, ud, NULL, &err) != 0) {
		print_error("\"%s\" failed: %s\n", text, err.msg);
		fail();
	}
}

/* ------------------------------------------------------------ results */

/* One cell of a copied table. */
typedef struct tc_cell {
	int kind;
	double num;
	char *why;
} tc_cell;

/* A copy of a result's table. */
typedef struct tc_table {
	char *name;
	char **cols;
	size_t ncols, nrows;
	tc_cell *cells;
	int protected;
} tc_table;

/* A copy of the last result emitted: headline, caveats, tables and items. */
typedef struct tc_seen {
	char *headline;
	char *caveats;		/* all caveats, one per line */
	tc_table *t;
	size_t nt;
	char **keys;		/* the items' keys, */
	int *hidden;		/* whether each is hidden, */
	double *vals;		/* and its number (NaN for text) */
	size_t nitems;
} tc_seen;

/* Free what s holds and empty it. */
static inline void
tc_seen_clear(tc_seen *s)
{
	free(s->headline);
	free(s->caveats);
	for (size_t i = 0; i < s->nt; i++) {
		for (size_t c = 0; c < s->t[i].ncols; c++)
			free(s->t[i].cols[c]);
		for (size_t c = 0; c < s->t[i].ncols * s->t[i].nrows; c++)
			free(s->t[i].cells[c].why);
		free(s->t[i].cols);
		free(s->t[i].cells);
		free(s->t[i].name);
	}
	free(s->t);
	for (size_t i = 0; i < s->nitems; i++)
		free(s->keys[i]);
	free(s->keys);
	free(s->hidden);
	free(s->vals);
	memset(s, 0, sizeof *s);
}

/* An lt_emit_fn copying each result into the tc_seen ud (the last one stays). */
static inline int
tc_seen_emit(void *ud, const lt_result *r, int format)
{
	tc_seen *s = ud;
	lt_buf c = LT_BUF_INIT;

	(void)format;
	tc_seen_clear(s);
	s->headline = lt_strdup(r->headline != NULL ? r->headline : "");
	for (size_t i = 0; i < r->caveats.n; i++)
		lt_buf_printf(&c, "%s\n", r->caveats.v[i]);
	s->caveats = lt_buf_take(&c);
	s->nt = r->ntables;
	s->t = lt_calloc(r->ntables + 1, sizeof *s->t);
	for (size_t i = 0; i < r->ntables; i++) {
		const lt_table *t = r->tables[i];
		tc_table *o = &s->t[i];

		o->name = lt_strdup(t->name);
		o->ncols = t->ncols;
		o->nrows = t->nrows;
		o->protected = t->protected;
		o->cols = lt_calloc(t->ncols + 1, sizeof *o->cols);
		for (size_t k = 0; k < t->ncols; k++)
			o->cols[k] = lt_strdup(t->cols[k].name);
		o->cells = lt_calloc(t->ncols * t->nrows + 1, sizeof *o->cells);
		for (size_t k = 0; k < t->ncols * t->nrows; k++) {
			o->cells[k].kind = t->cells[k].kind;
			o->cells[k].num = t->cells[k].num;
			o->cells[k].why = t->cells[k].why != NULL ? lt_strdup(t->cells[k].why) :
			    NULL;
		}
	}
	s->nitems = r->nitems;
	s->keys = lt_calloc(r->nitems + 1, sizeof *s->keys);
	s->hidden = lt_calloc(r->nitems + 1, sizeof *s->hidden);
	s->vals = lt_calloc(r->nitems + 1, sizeof *s->vals);
	for (size_t i = 0; i < r->nitems; i++) {
		s->keys[i] = lt_strdup(r->items[i].key);
		s->hidden[i] = r->items[i].hidden;
		s->vals[i] = r->items[i].is_text ? (double)NAN : r->items[i].num;
	}
	return 0;
}

/* ------------------------------------------------- a session per test */

/*
 * A session of its own for each test, on a new catalog in a private
 * temporary directory, with the bundled datasets; last is a copy of the
 * last result its commands gave.
 */
typedef struct tc_fix {
	char *dir;
	lt_session *s;
	tc_seen last;
} tc_fix;

/* cmocka setup: a tc_fix in *state. */
static inline int
tc_fix_setup(void **state)
{
	tc_fix *f = lt_calloc(1, sizeof *f);
	char *db;

	f->dir = tc_tmpdir_new();
	db = tc_path(f->dir, "lantern.db");
	f->s = tc_session_new(db, NULL);
	free(db);
	assert_non_null(f->s);
	*state = f;
	return 0;
}

/* cmocka teardown for tc_fix_setup. */
static inline int
tc_fix_teardown(void **state)
{
	tc_fix *f = *state;

	lt_session_free(f->s);
	tc_seen_clear(&f->last);
	tc_tmpdir_free(f->dir);
	free(f);
	return 0;
}

/* Run text in f's session, keeping its last result in f->last; it must work. */
static inline void
tc_fix_run(tc_fix *f, const char *text)
{
	tc_run(f->s, text, tc_seen_emit, &f->last);
}

/*
 * A catalog shared by the tests of a group, in the temporary directory
 * tc_group_dir: tc_group_setup makes it with cohort imported and
 * tc_group_teardown removes it (a group that needs more makes the
 * directory itself and fills the catalog with tc_group_run).
 */
static char *tc_group_dir;

/* Where the group's catalog is (caller frees). */
static inline char *
tc_group_db(void)
{
	return lt_sprintf("%s/cat/lantern.db", tc_group_dir);
}

/*
 * A session on the group's catalog that has run text (unless NULL), its
 * results unread; NULL, with the reason printed, when either fails.
 */
static inline lt_session *
tc_group_session(const char *text, volatile sig_atomic_t *cancel)
{
	char *db = tc_group_db();
	lt_session *s = tc_session_new(db, cancel);
	lt_error err;

	free(db);
	if (s != NULL && text != NULL && lt_session_run(s, text, NULL, NULL, NULL, &err) != 0) {
		print_error("\"%s\" failed: %s\n", text, err.msg);
		lt_session_free(s);
		s = NULL;
	}
	return s;
}

/* Fill the group's catalog by running text on it: 0, or -1 with the reason printed. */
static inline int
tc_group_run(const char *text)
{
	lt_session *s = tc_group_session(text, NULL);

	if (s == NULL)
		return -1;
	lt_session_free(s);
	return 0;
}

/* cmocka group setup: the group's catalog, with cohort imported. */
static inline int
tc_group_setup(void **state)
{
	(void)state;
	tc_group_dir = tc_tmpdir_new();
	return tc_group_run("open cohort");
}

/* cmocka group teardown: removes the group's directory. */
static inline int
tc_group_teardown(void **state)
{
	(void)state;
	tc_tmpdir_free(tc_group_dir);
	tc_group_dir = NULL;
	return 0;
}

/*
 * Import the CSV at path into the group's catalog as name under profile
 * (through the library: the import command takes the none profile only
 * with a datapackage): 0, or -1 with the reason printed.
 */
static inline int
tc_group_import(const char *path, const char *name, const char *profile)
{
	char *db = tc_group_db();
	lt_import_opts o = { 0 };
	lt_catalog *cat;
	lt_error err;
	int rc = 0;

	cat = lt_catalog_open(db, NULL, &err);
	free(db);
	if (cat == NULL) {
		print_error("%s\n", err.msg);
		return -1;
	}
	o.path = path;
	o.name = name;
	o.profile = profile;
	if (lt_import_csv(cat, &o, NULL, &err) != 0) {
		print_error("%s\n", err.msg);
		rc = -1;
	}
	lt_catalog_close(cat);
	return rc;
}

/* ------------------------------------------------------------ catalogs */

/* A catalog in a private temporary directory. */
typedef struct tc_cat {
	char *dir;		/* the temporary directory */
	char *db;		/* dir/home/lantern/lantern.db (not there before open) */
	char *bundled;		/* $top_srcdir/datasets */
	lt_catalog *cat;
} tc_cat;

/* cmocka setup: a fresh catalog with the real bundled datasets. */
static inline int
tc_cat_setup(void **state)
{
	tc_cat *t = lt_calloc(1, sizeof *t);
	lt_error err;

	t->dir = tc_tmpdir_new();
	t->db = lt_sprintf("%s/home/lantern/lantern.db", t->dir);
	t->bundled = tc_src_path("datasets");
	t->cat = lt_catalog_open(t->db, t->bundled, &err);
	if (t->cat == NULL) {
		print_error("cannot open a catalog in %s: %s\n", t->dir, err.msg);
		return -1;
	}
	*state = t;
	return 0;
}

/* cmocka teardown for tc_cat_setup. */
static inline int
tc_cat_teardown(void **state)
{
	tc_cat *t = *state;

	if (t == NULL)
		return 0;
	lt_catalog_close(t->cat);
	tc_tmpdir_free(t->dir);
	free(t->db);
	free(t->bundled);
	free(t);
	return 0;
}

#endif
