/*
 * catalog_int.h - helpers shared inside the core (catalog, import and the
 * commands that read data): never by front ends.
 */
#ifndef LT_CATALOG_INT_H
#define LT_CATALOG_INT_H

#include <sqlite3.h>

#include "catalog.h"

/* Turn the last SQLite error on db into one sentence for people. */
int lt_db_error(sqlite3 *db, lt_error *err, const char *what);
/* Run SQL with no results. */
int lt_db_exec(sqlite3 *db, const char *sql, lt_error *err);
/* Delete every trace of a dataset (inside the caller's transaction). */
int lt_catalog_remove(lt_catalog *c, const char *name, lt_error *err);
/*
 * How a chunk of a numeric column is stored (lt_chunk.enc): doubles, or
 * whole numbers in 8, 16 or 32 bits, the smallest of each meaning missing.
 */
enum { LT_ENC_DOUBLE, LT_ENC_INT8, LT_ENC_INT16, LT_ENC_INT32 };
/*
 * Encode n values (NaN = missing) in the narrowest way that keeps them
 * exactly: out needs room for 8n bytes; *bytes gets the length used.
 * Returns the encoding.
 */
int lt_chunk_encode(const double *v, size_t n, void *out, size_t *bytes);
/* Join strings with newlines (NULL when n is 0). */
char *lt_join_lines(char *const *v, size_t n);

#endif
