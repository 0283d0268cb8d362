/*
 * catalog.h - the user's catalog of datasets, kept in one SQLite file.
 *
 * The catalog file (the "workbench database", by default
 * $XDG_DATA_HOME/lantern/lantern.db) holds, for every dataset: its card
 * (title, source, licence, kind, disclosure profile), its dictionary, its
 * rows in a table of their own, and its columns again as typed chunks of
 * 65,536 values stored as BLOBs, so statistics read a column at memory
 * speed without walking rows: numbers as doubles, or whole numbers in 1, 2
 * or 4 bytes; categories of text as one-byte codes. The file is read
 * through a memory mapping.
 *
 * Bundled datasets live as CSV + datapackage.json in a directory
 * ($(pkgdatadir)/datasets); they are listed from there and imported into the
 * catalog the first time they are opened (and again if the file changed).
 */
#ifndef LT_CATALOG_H
#define LT_CATALOG_H

#include <signal.h>
#include <stdint.h>

#include <sqlite3.h>

#include "dict.h"
#include "error.h"

/* Dataset kinds. */
#define LT_KIND_INDIVIDUAL	"individual-level"
#define LT_KIND_AGGREGATED	"aggregated"

/* A dataset's card and dictionary. */
typedef struct lt_dataset {
	char *name;		/* [a-z0-9_-], unique in the catalog */
	char *title;
	char *description;
	char *source;		/* sources, one per line: "title <path>" */
	char *licence;		/* licences, one per line */
	char *kind;		/* LT_KIND_* */
	int synthetic;		/* made by a generator, not real people */
	char *profile;		/* disclosure profile: opensafely, nhs, ten, none */
	char *weight;		/* frequency-weight column, or NULL */
	char *why;		/* why this data matters, one sentence; may be NULL */
	char **effects;		/* built-in effects (synthetic data), may be empty */
	size_t neffects;
	char *origin;		/* "bundled" or "imported" */
	char *csv_path;		/* bundled: the CSV file; imported: the original path */
	char **missing;		/* dataset-wide missing codes (besides "" and "NA") */
	size_t nmissing;
	char delimiter;		/* 0 = sniff */
	long long rows;		/* -1 while a bundled dataset is not imported yet */
	char *hash;		/* content hash of the imported CSV (hex) */
	char *imported_at;	/* ISO 8601 UTC time of import, or NULL */
	lt_var *vars;
	size_t nvars;
} lt_dataset;

void lt_dataset_free(lt_dataset *d);
/* The variable called name, or NULL. */
const lt_var *lt_dataset_var(const lt_dataset *d, const char *name);
/* Index of the variable called name, or -1. */
int lt_dataset_var_index(const lt_dataset *d, const char *name);
/* 1 when name is a valid dataset name ([a-z0-9][a-z0-9_-]*, at most 64). */
int lt_dataset_name_ok(const char *name);
/* The SQL table holding the rows ("data_<name>"), quoted for SQL. */
char *lt_dataset_table(const lt_dataset *d);

/*
 * Read a Frictionless Data Package (datapackage.json) describing one CSV
 * resource. *out gets the card and dictionary; csv_path is resolved against
 * the package's directory; rows is -1.
 */
int lt_package_load(const char *path, lt_dataset **out, lt_error *err);

typedef struct lt_catalog lt_catalog;

/*
 * Open (creating if needed) the catalog at db_path; bundled_dir may be NULL
 * (no bundled datasets). The schema is versioned with PRAGMA user_version.
 */
lt_catalog *lt_catalog_open(const char *db_path, const char *bundled_dir,
    lt_error *err);
void lt_catalog_close(lt_catalog *c);
sqlite3 *lt_catalog_db(lt_catalog *c);
const char *lt_catalog_path(const lt_catalog *c);
/* The folder of bundled datasets, or NULL. */
const char *lt_catalog_bundled_dir(const lt_catalog *c);

/*
 * All datasets, bundled and imported, sorted by name. A bundled dataset
 * that was imported appears once, with its row count. Free with
 * lt_catalog_list_free.
 */
int lt_catalog_list(lt_catalog *c, lt_dataset ***out, size_t *n, lt_error *err);
void lt_catalog_list_free(lt_dataset **v, size_t n);
/* Names only (for completion); a NULL-terminated array the caller frees. */
char **lt_catalog_names(lt_catalog *c);
void lt_strv_free(char **v);

/*
 * Make every missing folder of path's parent (mode 0700). Returns 0, or
 * errno with *failed the folder that could not be made (caller frees).
 */
int lt_mkdirs_for(const char *path, char **failed);

/*
 * Get a dataset ready to use: imported ones from the catalog; bundled ones
 * imported first if they are not yet (or their CSV changed).
 */
typedef void (*lt_progress_fn)(void *ud, uint64_t done, uint64_t total);
int lt_catalog_get(lt_catalog *c, const char *name, lt_progress_fn progress,
    void *progress_ud, lt_dataset **out, lt_error *err);
/* Remove an imported dataset (bundled ones come back on next open). */
int lt_catalog_drop(lt_catalog *c, const char *name, lt_error *err);

/* Import options: see import.c. */
typedef struct lt_import_opts {
	const char *path;		/* the CSV file */
	const char *name;		/* dataset name; NULL = from the file name */
	const lt_dataset *meta;		/* metadata from a datapackage, or NULL */
	char delimiter;			/* 0 = from meta, else sniffed */
	const char *const *drop;	/* columns to leave out */
	size_t ndrop;
	const char *profile;		/* NULL = from meta, else opensafely */
	int replace;			/* replace a dataset of the same name */
	const char *origin;		/* "imported" (default) or "bundled" */
	lt_progress_fn progress;
	void *progress_ud;
	volatile sig_atomic_t *cancel;	/* set to non-zero to stop */
} lt_import_opts;

/*
 * Import a CSV file into the catalog in one transaction: a failed or
 * cancelled import leaves the catalog exactly as it was. On success *out
 * (if not NULL) gets the new dataset.
 */
int lt_import_csv(lt_catalog *c, const lt_import_opts *o, lt_dataset **out,
    lt_error *err);

/*
 * Read a numeric (integer, number or date) column of an imported dataset
 * from its chunks: *vals gets rows doubles (NaN = missing; dates as days
 * since 1970-01-01), caller frees. The values are stored centred: each is
 * the value minus d->vars[var].offset, which keeps the decimal digits of
 * data such as 10000000.2 exact; add the offset back to locations (mean,
 * quantiles), never to spreads.
 */
int lt_catalog_column(lt_catalog *c, const lt_dataset *d, int var,
    double **vals, size_t *n, lt_error *err);

/*
 * A category of text values is also stored as one byte a row: the code of
 * its level (lt_level.code), or LT_CODE_MISSING. Its chunks are kept under
 * the variable number LT_CODE_VAR(var). lt_var_coded says whether a
 * variable has them (datasets imported before lantern stored codes do
 * not).
 */
#define LT_CODE_MISSING	0xFF
#define LT_CODE_VAR(var)	(-1 - (var))
/* Read them: *codes gets rows bytes, caller frees. */
int lt_catalog_codes(lt_catalog *c, const lt_dataset *d, int var,
    unsigned char **codes, size_t *n, lt_error *err);

#endif
