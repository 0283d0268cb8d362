/*
 * import.c - streaming CSV import: reader -> type inference -> SQLite.
 *
 * One pass over the file, memory independent of its size. The first
 * PREFIX_ROWS records are held in memory to infer each column's type
 * (unless a datapackage declares it) before the row table is created with
 * matching column affinities; the rest stream straight into SQLite, read
 * and typed on a thread of their own while this one stores them (see
 * stream_rows). Numeric and date columns are also written as chunks for
 * statistics (lt_chunk_encode: whole numbers as narrow integers), and
 * categories as chunks of one-byte codes (a code is the order in which
 * the column's values were first seen; each level records its code).
 * Everything happens in one transaction, so a failed, refused or cancelled
 * import leaves the catalog exactly as it was.
 *
 * Direct identifiers are refused: by column name before any row is read,
 * by content after the first PREFIX_ROWS records.
 */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

#include "buf.h"
#include "catalog.h"
#include "catalog_int.h"
#include "csv.h"
#include "date.h"
#include "ident.h"

#define PREFIX_ROWS	10000
#define CHUNK_ROWS	65536
#define MAX_LEVELS	20

/* Classes of a single value. */
enum {
	C_INT = 1,
	C_REAL = 2,
	C_DATE = 4,
	C_TEXT = 8
};

typedef struct col {
	int src;			/* field index in the CSV record */
	const lt_var *declared;		/* from the datapackage, or NULL */
	int aff;			/* storage chosen for the row table */
	int untyped;			/* no value in the first rows: no affinity */
	unsigned seen;			/* classes seen (C_*) */
	char *distinct[MAX_LEVELS + 1];	/* distinct text values, while few */
	size_t ndistinct;
	int many;			/* more than MAX_LEVELS distinct */
	double *chunk;			/* numeric values not yet written */
	size_t nchunk;
	size_t chunkcap;		/* grows to CHUNK_ROWS as values come */
	int chunk_no;
	int chunking;			/* 0 once a value is not numeric */
	long long offset;		/* chunks hold value - offset (see centred) */
	int has_offset;
	unsigned char *code;		/* codes not yet written: index in distinct */
	size_t ncode;
	int code_no;
	int coding;			/* 0 once it is not a category of text */
	lt_ident *ident;
} col;

typedef struct importer {
	lt_catalog *cat;
	sqlite3 *db;
	const lt_import_opts *o;
	const lt_dataset *meta;
	char *name;
	col *cols;
	size_t ncols;
	size_t nfields;			/* fields per record, from the header */
	char **header;
	sqlite3_stmt *ins;		/* stores one row */
	sqlite3_stmt *ins_many;		/* stores MANY_ROWS rows at once */
	sqlite3_stmt *chunk_ins;
	long long rows;
	uint64_t hash;
	lt_error *err;
} importer;

/*
 * Rows on their way from the reader (CSV, types, chunks) to the writer
 * (SQLite), which run on two threads (see load_rows): a batch holds rows
 * of cells, their text, and the chunks that filled up meanwhile.
 */
enum { CELL_NULL, CELL_INT, CELL_REAL, CELL_TEXT };

typedef struct cell {
	int kind;
	size_t len;		/* CELL_TEXT: bytes at text + u.off */
	union {
		long long i;
		double d;
		size_t off;
	} u;
} cell;

typedef struct blob {
	int var, chunk, enc;
	size_t bytes;
	unsigned char *data;
} blob;

/* Rows stored by one INSERT statement (see store_batch). */
#define MANY_ROWS	32

/*
 * Rows in a batch of im's columns: 16,384, or fewer for files of more than
 * 15 columns so that a batch stays near 6 MB (but at least 64 rows).
 */
#define BATCH_CELLS	(16384 * 15)
#define BATCH_ROWS(im)	((im)->ncols <= 15 ? 16384 : \
	(im)->ncols < BATCH_CELLS / 64 ? BATCH_CELLS / (im)->ncols : 64)

typedef struct batch {
	cell *cells;		/* rows x ncols */
	size_t rows;
	char *text;
	size_t ntext, captext;
	blob *blobs;
	size_t nblobs, capblobs;
	uint64_t offset;	/* bytes of the file read when it was filled */
} batch;

static void
batch_reset(batch *b)
{
	for (size_t i = 0; i < b->nblobs; i++)
		free(b->blobs[i].data);
	b->rows = b->ntext = b->nblobs = 0;
}

static void
batch_free(batch *b)
{
	batch_reset(b);
	free(b->cells);
	free(b->text);
	free(b->blobs);
	memset(b, 0, sizeof *b);
}

/* Queue a chunk for the writer; it takes data. */
static void
batch_blob(batch *b, int var, int chunk, int enc, unsigned char *data, size_t bytes)
{
	blob *o;

	b->blobs = lt_grow(b->blobs, &b->capblobs, b->nblobs + 1, sizeof *b->blobs);
	o = &b->blobs[b->nblobs++];
	o->var = var;
	o->chunk = chunk;
	o->enc = enc;
	o->data = data;
	o->bytes = bytes;
}

/* FNV-1a over bytes, chained. */
static uint64_t
fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;

	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* Strip ASCII spaces around a value (for numbers only). */
static void
trim(const char **s, size_t *len)
{
	while (*len > 0 && **s == ' ') {
		(*s)++;
		(*len)--;
	}
	while (*len > 0 && (*s)[*len - 1] == ' ')
		(*len)--;
}

/*
 * Classify a non-missing value: C_INT (*iv), C_REAL (*dv), C_DATE (*dv =
 * days) or C_TEXT. Integers with leading zeros ("007") are codes: text.
 */
/* Powers of ten that doubles hold exactly. */
static const double p10[] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
	1e14, 1e15
};

/*
 * A plain decimal ("-12.75", ".5", "5.") of at most 15 digits, without
 * strtod: its digits as an integer divided by a power of ten, both exact
 * in a double, so the one rounding of the division gives what strtod
 * would (the nearest double). Half of a million-row import's number
 * parsing was strtod. 0 for anything else.
 */
static int
fast_decimal(const char *p, size_t n, double *out)
{
	size_t i = 0, digits = 0, frac = 0;
	int neg = 0, dot = 0;
	long long m = 0;

	if (n > 0 && (p[0] == '-' || p[0] == '+')) {
		neg = p[0] == '-';
		i = 1;
	}
	for (; i < n; i++) {
		if (p[i] >= '0' && p[i] <= '9') {
			if (++digits > 15)
				return 0;
			m = m * 10 + (p[i] - '0');
			frac += dot;
		} else if (p[i] == '.' && !dot) {
			dot = 1;
		} else {
			return 0;
		}
	}
	if (!dot || digits == 0)
		return 0;
	*out = (double)m / p10[frac];
	if (neg)
		*out = -*out;
	return 1;
}

static int
classify(const char *s, size_t len, long long *iv, double *dv)
{
	const char *p = s;
	size_t n = len, i = 0, digits = 0;
	int neg = 0, real = 0;
	long days;

	trim(&p, &n);
	if (n == 0)
		return C_TEXT;
	if (p[0] == '-' || p[0] == '+') {
		neg = p[0] == '-';
		i = 1;
	}
	if (n - i >= 1 && n - i <= 18) {
		long long v = 0;
		size_t j;

		for (j = i; j < n && p[j] >= '0' && p[j] <= '9'; j++)
			v = v * 10 + (p[j] - '0');
		if (j == n && !(n - i > 1 && p[i] == '0')) {
			*iv = neg ? -v : v;
			*dv = (double)*iv;
			return C_INT;
		}
	}
	if (fast_decimal(p, n, dv))
		return C_REAL;
	for (size_t j = i; j < n; j++) {
		char ch = p[j];

		if (ch >= '0' && ch <= '9')
			digits++;
		else if (ch == '.' || ch == 'e' || ch == 'E' ||
		    ((ch == '-' || ch == '+') && (p[j - 1] == 'e' || p[j - 1] == 'E')))
			real = 1;
		else
			goto notnum;
	}
	if (digits > 0 && real) {
		char tmp[64], *end;

		if (n < sizeof tmp) {
			memcpy(tmp, p, n);
			tmp[n] = '\0';
			*dv = strtod(tmp, &end);
			if (*end == '\0' && isfinite(*dv))
				return C_REAL;
		}
	}
notnum:
	if (lt_date_parse(p, n, &days)) {
		*dv = (double)days;
		return C_DATE;
	}
	return C_TEXT;
}

/* Whether a value means "missing" for column c. */
static int
is_missing(const importer *im, const col *c, const char *s, size_t len)
{
	if (len == 0 || (len == 2 && s[0] == 'N' && s[1] == 'A'))
		return 1;
	if (im->meta != NULL)
		for (size_t i = 0; i < im->meta->nmissing; i++)
			if (strcmp(im->meta->missing[i], s) == 0)
				return 1;
	if (c->declared != NULL)
		for (size_t i = 0; i < c->declared->nmissing; i++)
			if (strcmp(c->declared->missing[i], s) == 0)
				return 1;
	return 0;
}

static void
flush_chunk(importer *im, col *c, batch *b)
{
	unsigned char *data;
	size_t bytes;
	int enc;

	if (c->nchunk == 0)
		return;
	/* Whole numbers go in 1, 2 or 4 bytes: less to write and to read. */
	data = lt_malloc(c->nchunk * sizeof(double));
	enc = lt_chunk_encode(c->chunk, c->nchunk, data, &bytes);
	batch_blob(b, (int)(c - im->cols), c->chunk_no++, enc, data, bytes);
	c->nchunk = 0;
}

static void
push_chunk(importer *im, col *c, double v, batch *b)
{
	if (!c->chunking)
		return;
	if (c->nchunk == c->chunkcap)
		c->chunk = lt_grow(c->chunk, &c->chunkcap, c->nchunk + 1, sizeof *c->chunk);
	c->chunk[c->nchunk++] = v;
	if (c->nchunk == CHUNK_ROWS)
		flush_chunk(im, c, b);
}

static void
flush_codes(importer *im, col *c, batch *b)
{
	if (c->ncode == 0)
		return;
	batch_blob(b, LT_CODE_VAR((int)(c - im->cols)), c->code_no++, LT_ENC_INT8, c->code,
	    c->ncode);
	c->code = NULL;
	c->ncode = 0;
}

/* Add a row's code (an index in c->distinct, or LT_CODE_MISSING). */
static void
push_code(importer *im, col *c, int code, batch *b)
{
	if (!c->coding)
		return;
	if (code < 0) {		/* too many values to be a category */
		c->coding = 0;
		return;
	}
	if (c->code == NULL)
		c->code = lt_malloc(CHUNK_ROWS);
	c->code[c->ncode++] = (unsigned char)code;
	if (c->ncode == CHUNK_ROWS)
		flush_codes(im, c, b);
}

/*
 * Note a text value among the distinct ones, while there are few: its
 * index there, or -1 once there are too many.
 */
static int
note_distinct(col *c, const char *s, size_t len)
{
	if (c->many)
		return -1;
	for (size_t i = 0; i < c->ndistinct; i++)
		if (strncmp(c->distinct[i], s, len) == 0 && c->distinct[i][len] == '\0')
			return (int)i;
	if (c->ndistinct == MAX_LEVELS) {
		c->many = 1;
		return -1;
	}
	c->distinct[c->ndistinct] = lt_strndup(s, len);
	return (int)c->ndistinct++;
}

/* Check a value against a declared type; 0 when it fits. */
static int
check_declared(importer *im, const col *c, int cls, const char *s, long line)
{
	const lt_var *v = c->declared;
	const char *want = NULL;

	switch (v->type) {
	case LT_VT_INTEGER:
		if (cls != C_INT)
			want = "a whole number";
		break;
	case LT_VT_NUMBER:
		if (cls != C_INT && cls != C_REAL)
			want = "a number";
		break;
	case LT_VT_DATE:
		if (cls != C_DATE)
			want = "a date written as YYYY-MM-DD";
		break;
	case LT_VT_CATEGORY:
		if (v->nlevels > 0 && lt_var_label_of(v, s) == NULL)
			return lt_err(im->err, LT_EFORMAT,
			    "line %ld, column \"%s\": the value is not one of those the metadata allows; fix the file or the metadata",
			    line, v->name);
		break;
	}
	if (want != NULL)
		return lt_err(im->err, LT_EFORMAT,
		    "line %ld, column \"%s\": the value is not %s; fix it or mark it as missing (empty or NA)",
		    line, v->name, want);
	return 0;
}

/*
 * The value of a number minus c->offset, subtracted in decimal before
 * rounding to binary: "10000000.2" with offset 10000000 gives exactly the
 * double nearest 0.2, where 10000000.2 - 10000000 in doubles would be off
 * by 7e-10. The first number of a column sets the offset to its integer
 * part, so data whose leading digits never change (NIST's NumAcc4, SmLs09)
 * keep every digit their spread depends on.
 */
static double
centred(col *c, int cls, const char *s, size_t len, long long iv, double dv)
{
	const char *p = s, *dot;
	size_t n = len, i = 0;
	long long ip = 0;
	int neg = 0;
	char frac[40] = "0";

	if (cls == C_DATE)
		return dv;
	if (cls == C_INT) {
		/* The first number fixes the offset for good (0 if it is huge). */
		if (!c->has_offset) {
			c->offset = iv > -(1LL << 53) && iv < (1LL << 53) ? iv : 0;
			c->has_offset = 1;
		}
		return (double)(iv - c->offset);
	}
	trim(&p, &n);
	if (n > 0 && (p[0] == '-' || p[0] == '+')) {
		neg = p[0] == '-';
		i = 1;
	}
	dot = memchr(p, '.', n);
	if (dot == NULL || memchr(p, 'e', n) != NULL || memchr(p, 'E', n) != NULL ||
	    (size_t)(dot - p) - i > 15 || (size_t)(p + n - dot) >= sizeof frac - 1) {
		if (!c->has_offset)
			c->has_offset = 1;	/* offset 0 from now on */
		return dv - (double)c->offset;
	}
	for (const char *q = p + i; q < dot; q++)
		ip = ip * 10 + (*q - '0');
	if (neg)
		ip = -ip;
	if (!c->has_offset) {
		c->offset = ip;
		c->has_offset = 1;
	}
	memcpy(frac + 1, dot, (size_t)(p + n - dot));
	frac[1 + (p + n - dot)] = '\0';
	if (!fast_decimal(frac, (size_t)(1 + (p + n - dot)), &dv))
		dv = strtod(frac, NULL);
	return (double)(ip - c->offset) + (neg ? -dv : dv);
}

/*
 * Type one record into batch b (the reader's half of storing it): its
 * cells, hash, categories, chunks and identifier checks.
 */
static int
classify_row(importer *im, char **fields, const size_t *lens, long line, batch *b)
{
	cell *row;

	if (b->cells == NULL)
		b->cells = lt_malloc(BATCH_ROWS(im) * im->ncols * sizeof *b->cells);
	row = &b->cells[b->rows * im->ncols];
	for (size_t i = 0; i < im->ncols; i++) {
		col *c = &im->cols[i];
		const char *s = fields[c->src];
		size_t len = lens[c->src];
		cell *o = &row[i];
		int cls, rc;
		long long iv = 0;
		double dv = NAN;

		im->hash = fnv(im->hash, s, len + 1);
		if (is_missing(im, c, s, len)) {
			o->kind = CELL_NULL;
			push_chunk(im, c, NAN, b);
			push_code(im, c, LT_CODE_MISSING, b);
			continue;
		}
		cls = classify(s, len, &iv, &dv);
		if (c->declared != NULL && (rc = check_declared(im, c, cls, s, line)) != 0)
			return rc;
		c->seen |= (unsigned)cls;
		push_code(im, c, note_distinct(c, s, len), b);
		if (c->aff != LT_ST_TEXT && cls == C_INT) {
			o->kind = CELL_INT;
			o->u.i = iv;
		} else if (c->aff != LT_ST_TEXT && cls == C_REAL) {
			o->kind = CELL_REAL;
			o->u.d = dv;
		} else {
			o->kind = CELL_TEXT;
			o->len = len;
			o->u.off = b->ntext;
			b->text = lt_grow(b->text, &b->captext, b->ntext + len + 1, 1);
			memcpy(b->text + b->ntext, s, len);
			b->ntext += len;
		}
		if (cls == C_TEXT)
			c->chunking = 0;
		else
			push_chunk(im, c, centred(c, cls, s, len, iv, dv), b);
		if (c->ident != NULL)
			lt_ident_feed(c->ident, s, len);
	}
	b->rows++;
	im->rows++;
	return 0;
}

/* Bind a row's cells to st from parameter first + 1 on. */
static void
bind_row(importer *im, const batch *b, const cell *row, sqlite3_stmt *st, int first)
{
	for (size_t i = 0; i < im->ncols; i++) {
		int p = first + (int)i + 1;

		switch (row[i].kind) {
		case CELL_NULL:
			sqlite3_bind_null(st, p);
			break;
		case CELL_INT:
			sqlite3_bind_int64(st, p, row[i].u.i);
			break;
		case CELL_REAL:
			sqlite3_bind_double(st, p, row[i].u.d);
			break;
		default:
			sqlite3_bind_text(st, p, b->text + row[i].u.off, (int)row[i].len,
			    SQLITE_STATIC);
			break;
		}
	}
}

/*
 * The writer's half: store a batch's rows and chunks (errors in err). Rows
 * go MANY_ROWS to a statement where they can: a step per row was a fifth
 * of storing them.
 */
static int
store_batch(importer *im, batch *b, lt_error *err)
{
	size_t r = 0;

	for (; im->ins_many != NULL && r + MANY_ROWS <= b->rows; r += MANY_ROWS) {
		for (int k = 0; k < MANY_ROWS; k++)
			bind_row(im, b, &b->cells[(r + (size_t)k) * im->ncols], im->ins_many,
			    k * (int)im->ncols);
		if (sqlite3_step(im->ins_many) != SQLITE_DONE)
			return lt_db_error(im->db, err, "storing a row");
		sqlite3_reset(im->ins_many);
	}
	for (; r < b->rows; r++) {
		bind_row(im, b, &b->cells[r * im->ncols], im->ins, 0);
		if (sqlite3_step(im->ins) != SQLITE_DONE)
			return lt_db_error(im->db, err, "storing a row");
		sqlite3_reset(im->ins);
	}
	for (size_t k = 0; k < b->nblobs; k++) {
		const blob *o = &b->blobs[k];

		sqlite3_bind_text(im->chunk_ins, 1, im->name, -1, SQLITE_STATIC);
		sqlite3_bind_int(im->chunk_ins, 2, o->var);
		sqlite3_bind_int(im->chunk_ins, 3, o->chunk);
		sqlite3_bind_blob(im->chunk_ins, 4, o->data, (int)o->bytes, SQLITE_STATIC);
		sqlite3_bind_int(im->chunk_ins, 5, o->enc);
		if (sqlite3_step(im->chunk_ins) != SQLITE_DONE)
			return lt_db_error(im->db, err, "storing a column");
		sqlite3_reset(im->chunk_ins);
	}
	return 0;
}

/* Refuse the import if any column looks like a direct identifier. */
static int
check_identifiers(importer *im)
{
	for (size_t i = 0; i < im->ncols; i++) {
		const char *why = im->cols[i].ident != NULL ?
		    lt_ident_verdict(im->cols[i].ident) : NULL;
		const char *name = im->header[im->cols[i].src];

		if (why != NULL)
			return lt_err(im->err, LT_EPRIVACY,
			    "column \"%s\" %s, and lantern never imports direct identifiers; leave it out with --drop \"%s\"",
			    name, why, name);
	}
	return 0;
}

/* The storage for a column from the classes seen in the first rows. */
static int
affinity(const col *c)
{
	if (c->declared != NULL)
		return c->declared->storage;
	if (c->seen & (C_TEXT | C_DATE))
		return LT_ST_TEXT;
	if (c->seen & C_REAL)
		return LT_ST_REAL;
	if (c->seen & C_INT)
		return LT_ST_INT;
	return LT_ST_TEXT;
}

static int
create_table(importer *im)
{
	static const char *const aff_sql[] = { "INTEGER", "REAL", "TEXT" };
	lt_buf sql = LT_BUF_INIT, ins = LT_BUF_INIT, many = LT_BUF_INIT;
	size_t one;
	int rc = 0;

	lt_buf_printf(&sql, "CREATE TABLE \"data_%s\"(", im->name);
	lt_buf_printf(&ins, "INSERT INTO \"data_%s\" VALUES(", im->name);
	for (size_t i = 0; i < im->ncols; i++) {
		col *c = &im->cols[i];

		c->aff = affinity(c);
		/*
		 * A column with no value in the first rows gets no affinity, so
		 * numbers that come later can still be stored as numbers
		 * (fix_untyped); its values are bound as text meanwhile.
		 */
		c->untyped = c->declared == NULL && c->seen == 0;
		/* Text in the first rows: it may be a category; code it. */
		c->coding = c->aff == LT_ST_TEXT && (c->seen & C_TEXT) != 0;
		lt_buf_puts(&sql, i > 0 ? ", " : "");
		lt_sql_ident(&sql, im->header[c->src]);
		if (!c->untyped)
			lt_buf_printf(&sql, " %s", aff_sql[c->aff]);
		lt_buf_puts(&ins, i > 0 ? ",?" : "?");
	}
	lt_buf_puts(&sql, ")");
	lt_buf_puts(&ins, ")");
	one = ins.len - strlen("INSERT INTO \"data_\" VALUES") - strlen(im->name);
	lt_buf_reset(&many);
	lt_buf_puts(&many, lt_buf_str(&ins));
	for (int r = 1; r < MANY_ROWS; r++)
		lt_buf_printf(&many, ",%s", lt_buf_str(&ins) + ins.len - one);
	if (lt_db_exec(im->db, lt_buf_str(&sql), im->err) != 0)
		rc = im->err->code;
	else if (sqlite3_prepare_v2(im->db, lt_buf_str(&ins), -1, &im->ins, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(im->db,
	    "INSERT INTO lt_chunk(dataset, var, chunk, data, enc) VALUES(?1, ?2, ?3, ?4, ?5)",
	    -1, &im->chunk_ins, NULL) != SQLITE_OK)
		rc = lt_db_error(im->db, im->err, "preparing the import");
	/* Rows in bulk, where SQLite allows that many parameters; else one by one. */
	if (rc == 0 && im->ncols * MANY_ROWS <= 999 * 8 &&
	    sqlite3_prepare_v2(im->db, lt_buf_str(&many), -1, &im->ins_many, NULL) != SQLITE_OK)
		im->ins_many = NULL;
	lt_buf_free(&sql);
	lt_buf_free(&ins);
	lt_buf_free(&many);
	return rc;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Give each level of a category its code (its value's index in distinct),
 * or stop coding the column when a value it holds is not a level.
 */
static void
assign_codes(col *c, lt_var *v)
{
	if (!c->coding || v->type != LT_VT_CATEGORY || v->storage != LT_ST_TEXT ||
	    v->nlevels == 0) {
		c->coding = 0;
		return;
	}
	for (size_t k = 0; k < c->ndistinct; k++) {
		size_t j;

		for (j = 0; j < v->nlevels && strcmp(v->levels[j].value, c->distinct[k]) != 0; j++)
			;
		if (j == v->nlevels) {
			c->coding = 0;
			for (j = 0; j < v->nlevels; j++)
				v->levels[j].code = -1;
			return;
		}
		v->levels[j].code = (int)k;
	}
}

/* Decide the final dictionary entry for column c. */
static void
final_var(importer *im, col *c, lt_var *v)
{
	const char *name = im->header[c->src];

	if (c->declared != NULL) {
		lt_var_copy(v, c->declared);
		assign_codes(c, v);
		return;
	}
	memset(v, 0, sizeof *v);
	v->name = lt_strdup(name);
	v->label = lt_strdup(name);
	if ((c->seen & C_TEXT) || ((c->seen & C_DATE) && (c->seen & (C_INT | C_REAL))) ||
	    c->seen == 0) {
		v->type = !c->many && c->ndistinct > 0 ? LT_VT_CATEGORY : LT_VT_TEXT;
		v->storage = LT_ST_TEXT;
		if (v->type == LT_VT_CATEGORY) {
			/* levels sorted; distinct stays in first-seen order, the codes' */
			char **sorted = lt_calloc(c->ndistinct, sizeof *sorted);

			memcpy(sorted, c->distinct, c->ndistinct * sizeof *sorted);
			qsort(sorted, c->ndistinct, sizeof *sorted, cmp_str);
			for (size_t i = 0; i < c->ndistinct; i++)
				lt_var_add_level(v, sorted[i], NULL);
			free(sorted);
		}
	} else if (c->seen & C_DATE) {
		v->type = LT_VT_DATE;
		v->storage = LT_ST_TEXT;
	} else if (c->seen & C_REAL) {
		v->type = LT_VT_NUMBER;
		v->storage = LT_ST_REAL;
	} else {
		v->type = LT_VT_INTEGER;
		v->storage = LT_ST_INT;
	}
	assign_codes(c, v);
}

static int
bind_opt_text(sqlite3_stmt *st, int i, const char *s)
{
	return s != NULL ? sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT)
	    : sqlite3_bind_null(st, i);
}

/* Record the card and the dictionary. */
static int
write_metadata(importer *im, lt_dataset *d, const struct stat *sb)
{
	sqlite3_stmt *st = NULL;
	char *effects = lt_join_lines(d->effects, d->neffects);
	int rc = 0;

	if (sqlite3_prepare_v2(im->db,
	    "INSERT INTO lt_dataset(name, title, description, source, licence, kind,"
	    " synthetic, profile, weight, why, effects, origin, csv_path, rows, hash,"
	    " file_size, file_mtime, imported_at)"
	    " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18)",
	    -1, &st, NULL) != SQLITE_OK) {
		free(effects);
		return lt_db_error(im->db, im->err, "recording the dataset");
	}
	bind_opt_text(st, 1, d->name);
	bind_opt_text(st, 2, d->title);
	bind_opt_text(st, 3, d->description);
	bind_opt_text(st, 4, d->source);
	bind_opt_text(st, 5, d->licence);
	bind_opt_text(st, 6, d->kind);
	sqlite3_bind_int(st, 7, d->synthetic);
	bind_opt_text(st, 8, d->profile);
	bind_opt_text(st, 9, d->weight);
	bind_opt_text(st, 10, d->why);
	bind_opt_text(st, 11, effects);
	bind_opt_text(st, 12, d->origin);
	bind_opt_text(st, 13, d->csv_path);
	sqlite3_bind_int64(st, 14, d->rows);
	bind_opt_text(st, 15, d->hash);
	sqlite3_bind_int64(st, 16, (long long)sb->st_size);
	sqlite3_bind_int64(st, 17, (long long)sb->st_mtime);
	bind_opt_text(st, 18, d->imported_at);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = lt_db_error(im->db, im->err, "recording the dataset");
	sqlite3_finalize(st);
	free(effects);
	if (rc != 0)
		return rc;

	if (sqlite3_prepare_v2(im->db,
	    "INSERT INTO lt_variable(dataset, idx, name, label, description, unit, type,"
	    " storage, missing, offset) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)", -1, &st,
	    NULL) != SQLITE_OK)
		return lt_db_error(im->db, im->err, "recording the dictionary");
	for (size_t i = 0; i < d->nvars && rc == 0; i++) {
		const lt_var *v = &d->vars[i];
		char *miss = lt_join_lines(v->missing, v->nmissing);

		sqlite3_bind_text(st, 1, d->name, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 2, (int)i);
		bind_opt_text(st, 3, v->name);
		bind_opt_text(st, 4, v->label);
		bind_opt_text(st, 5, v->description);
		bind_opt_text(st, 6, v->unit);
		bind_opt_text(st, 7, lt_vtype_name(v->type));
		sqlite3_bind_int(st, 8, v->storage);
		bind_opt_text(st, 9, miss);
		sqlite3_bind_double(st, 10, im->cols[i].chunking ? (double)im->cols[i].offset : 0);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = lt_db_error(im->db, im->err, "recording the dictionary");
		sqlite3_reset(st);
		free(miss);
	}
	sqlite3_finalize(st);
	if (rc != 0)
		return rc;

	if (sqlite3_prepare_v2(im->db,
	    "INSERT INTO lt_level(dataset, var, idx, value, label, code)"
	    " VALUES(?1,?2,?3,?4,?5,?6)",
	    -1, &st, NULL) != SQLITE_OK)
		return lt_db_error(im->db, im->err, "recording the dictionary");
	for (size_t i = 0; i < d->nvars && rc == 0; i++)
		for (size_t j = 0; j < d->vars[i].nlevels && rc == 0; j++) {
			sqlite3_bind_text(st, 1, d->name, -1, SQLITE_STATIC);
			sqlite3_bind_int(st, 2, (int)i);
			sqlite3_bind_int(st, 3, (int)j);
			bind_opt_text(st, 4, d->vars[i].levels[j].value);
			bind_opt_text(st, 5, d->vars[i].levels[j].label);
			if (d->vars[i].levels[j].code >= 0)
				sqlite3_bind_int(st, 6, d->vars[i].levels[j].code);
			else
				sqlite3_bind_null(st, 6);
			if (sqlite3_step(st) != SQLITE_DONE)
				rc = lt_db_error(im->db, im->err, "recording the dictionary");
			sqlite3_reset(st);
		}
	sqlite3_finalize(st);
	return rc;
}

/* A dataset name from a file name: "My Data.csv" -> "my-data". */
static char *
name_from_path(const char *path)
{
	const char *base = strrchr(path, '/');
	const char *dot;
	lt_buf b = LT_BUF_INIT;

	base = base != NULL ? base + 1 : path;
	dot = strrchr(base, '.');
	for (const char *p = base; *p != '\0' && p != dot && b.len < 64; p++) {
		char ch = *p;

		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_')
			lt_buf_putc(&b, ch);
		else if (b.len > 0 && b.s[b.len - 1] != '-')
			lt_buf_putc(&b, '-');
	}
	while (b.len > 0 && b.s[b.len - 1] == '-')
		b.s[--b.len] = '\0';
	return lt_buf_take(&b);
}

/*
 * A kept column's name must be safe to show and to store: no control
 * characters (they would reach people's terminals), not a name SQLite keeps
 * for its own row ids, and not past SQLite's limit on columns.
 */
static int
check_name(importer *im, long line, size_t i)
{
	static const char *const reserved[] = { "rowid", "oid", "_rowid_" };
	const char *name = im->header[i];

	for (const unsigned char *p = (const unsigned char *)name; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f)
			return lt_err(im->err, LT_EFORMAT,
			    "line %ld: the name of column %zu has a control character; rename it in "
			    "the header line", line, i + 1);
	for (size_t k = 0; k < sizeof reserved / sizeof reserved[0]; k++)
		if (strcasecmp(name, reserved[k]) == 0)
			return lt_err(im->err, LT_EFORMAT,
			    "line %ld: lantern keeps the column name \"%s\" for itself; rename the "
			    "column, or leave it out with --drop %s", line, name, name);
	if (im->ncols >= 1999)
		return lt_err(im->err, LT_EFORMAT,
		    "the file has more than 1999 columns, more than lantern can store; leave some "
		    "out with --drop");
	return 0;
}

/* Set up the columns from the header line. */
static int
setup_columns(importer *im, lt_csv_row *hdr)
{
	int rc;

	const lt_import_opts *o = im->o;

	im->nfields = hdr->nfields;
	im->header = lt_calloc(hdr->nfields, sizeof *im->header);
	for (size_t i = 0; i < hdr->nfields; i++)
		im->header[i] = lt_strndup(hdr->fields[i], hdr->lens[i]);
	for (size_t k = 0; k < o->ndrop; k++) {
		size_t i;

		for (i = 0; i < hdr->nfields; i++)
			if (strcmp(im->header[i], o->drop[k]) == 0)
				break;
		if (i == hdr->nfields)
			return lt_err(im->err, LT_ENOENT,
			    "cannot drop \"%s\": the file has no column of that name", o->drop[k]);
	}
	im->cols = lt_calloc(hdr->nfields, sizeof *im->cols);
	for (size_t i = 0; i < hdr->nfields; i++) {
		col *c;
		int dropped = 0;

		if (im->header[i][0] == '\0')
			return lt_err(im->err, LT_EFORMAT,
			    "line %ld: column %zu has no name; every column needs a name in the header line",
			    hdr->line, i + 1);
		/* SQLite's column names ignore case, so "Age" and "age" clash. */
		for (size_t j = 0; j < i; j++)
			if (strcasecmp(im->header[j], im->header[i]) == 0)
				return lt_err(im->err, LT_EFORMAT,
				    "line %ld: two columns are called \"%s\"; rename one of them",
				    hdr->line, im->header[i]);
		for (size_t k = 0; k < o->ndrop; k++)
			if (strcmp(im->header[i], o->drop[k]) == 0)
				dropped = 1;
		if (dropped)
			continue;
		if ((rc = check_name(im, hdr->line, i)) != 0)
			return rc;
		c = &im->cols[im->ncols++];
		c->src = (int)i;
		c->chunking = 1;
		if (im->meta != NULL) {
			c->declared = lt_dataset_var(im->meta, im->header[i]);
			if (c->declared == NULL)
				return lt_err(im->err, LT_EFORMAT,
				    "column \"%s\" is not described in the metadata; add it to the datapackage's fields or drop it",
				    im->header[i]);
		}
		c->ident = lt_ident_new(im->header[i]);
	}
	if (im->ncols == 0)
		return lt_err(im->err, LT_EINVAL, "no columns are left to import");
	if (im->meta != NULL)
		for (size_t i = 0; i < im->meta->nvars; i++) {
			size_t j;

			for (j = 0; j < hdr->nfields; j++)
				if (strcmp(im->header[j], im->meta->vars[i].name) == 0)
					break;
			if (j == hdr->nfields)
				return lt_err(im->err, LT_EFORMAT,
				    "the metadata describes a column \"%s\" that the file does not have",
				    im->meta->vars[i].name);
		}
	return check_identifiers(im);
}

/* A copy of record row, for the rows held while types are inferred. */
typedef struct held {
	char *buf;
	size_t *offs;
	long line;
} held;

static void
hold_row(held *h, const lt_csv_row *row)
{
	size_t total = 0;

	for (size_t i = 0; i < row->nfields; i++)
		total += row->lens[i] + 1;
	h->buf = lt_malloc(total);
	h->offs = lt_malloc((row->nfields + 1) * sizeof *h->offs);
	total = 0;
	for (size_t i = 0; i < row->nfields; i++) {
		h->offs[i] = total;
		memcpy(h->buf + total, row->fields[i], row->lens[i] + 1);
		total += row->lens[i] + 1;
	}
	h->offs[row->nfields] = total;
	h->line = row->line;
}

static int
check_fields(importer *im, const lt_csv_row *row)
{
	if (row->nfields != im->nfields)
		return lt_err(im->err, LT_EFORMAT,
		    "line %ld: %zu field%s, expected %zu like the header; check for a missing quote or an extra delimiter",
		    row->line, row->nfields, row->nfields == 1 ? "" : "s", im->nfields);
	return 0;
}

static int
cancelled(const importer *im)
{
	if (im->o->cancel != NULL && *im->o->cancel)
		return lt_err(im->err, LT_EINTR, "import cancelled; nothing was changed");
	return 0;
}

/*
 * The reader's part: fill b with up to BATCH_ROWS(im) more records. *end is
 * set at the end of the file, where the last chunks go into b too.
 */
static int
fill_batch(importer *im, lt_csv *csv, batch *b, int *end)
{
	lt_csv_row row;
	int r, rc;

	*end = 0;
	while (b->rows < BATCH_ROWS(im)) {
		if ((r = lt_csv_next(csv, &row, im->err)) < 0)
			return im->err->code;
		if (r == 0) {
			*end = 1;
			for (size_t i = 0; i < im->ncols; i++) {
				if (im->cols[i].chunking)
					flush_chunk(im, &im->cols[i], b);
				if (im->cols[i].coding)
					flush_codes(im, &im->cols[i], b);
			}
			break;
		}
		if ((rc = check_fields(im, &row)) != 0 ||
		    (rc = classify_row(im, row.fields, row.lens, row.line, b)) != 0)
			return rc;
		if ((im->rows & 4095) == 0 && (rc = cancelled(im)) != 0)
			return rc;
	}
	b->offset = lt_csv_offset(csv);
	return 0;
}

/*
 * Reading and typing the CSV and storing it in SQLite take about as long
 * as each other, so they run at once: a reader thread fills two batches
 * in turn while this one stores them (SQLite stays on this thread). The
 * reader stops at the end, at an error, or when told the writer failed.
 */
typedef struct pipeline {
	importer *im;
	lt_csv *csv;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	batch b[2];
	int full[2];		/* batch i waits for the writer */
	int done;		/* the reader has stopped */
	int stop;		/* the writer failed */
	int rc;			/* the reader's result (its error in im->err) */
} pipeline;

static void *
reader(void *arg)
{
	pipeline *pl = arg;
	int i = 0, end = 0, rc = 0;

	while (!end && rc == 0) {
		pthread_mutex_lock(&pl->mu);
		while (pl->full[i] && !pl->stop)
			pthread_cond_wait(&pl->cv, &pl->mu);
		if (pl->stop) {
			pthread_mutex_unlock(&pl->mu);
			break;
		}
		pthread_mutex_unlock(&pl->mu);
		batch_reset(&pl->b[i]);
		rc = fill_batch(pl->im, pl->csv, &pl->b[i], &end);
		pthread_mutex_lock(&pl->mu);
		if (rc == 0)
			pl->full[i] = 1;
		pthread_cond_broadcast(&pl->cv);
		pthread_mutex_unlock(&pl->mu);
		i ^= 1;
	}
	pthread_mutex_lock(&pl->mu);
	pl->rc = rc;
	pl->done = 1;
	pthread_cond_broadcast(&pl->cv);
	pthread_mutex_unlock(&pl->mu);
	return NULL;
}

/* Stream the records after the first ones through the pipeline. */
static int
stream_rows(importer *im, lt_csv *csv, uint64_t size)
{
	pipeline pl;
	pthread_t th;
	lt_error werr;
	int j = 0, wrc = 0, threaded;

	memset(&pl, 0, sizeof pl);
	pl.im = im;
	pl.csv = csv;
	pthread_mutex_init(&pl.mu, NULL);
	pthread_cond_init(&pl.cv, NULL);
	threaded = pthread_create(&th, NULL, reader, &pl) == 0;
	for (;;) {
		if (!threaded) {
			/* no thread to be had: read, then write, in turn */
			int end;

			batch_reset(&pl.b[0]);
			if ((pl.rc = fill_batch(im, csv, &pl.b[0], &end)) != 0)
				break;
			if ((wrc = store_batch(im, &pl.b[0], &werr)) != 0 || end)
				break;
			if (im->o->progress != NULL)
				im->o->progress(im->o->progress_ud, pl.b[0].offset, size);
			continue;
		}
		pthread_mutex_lock(&pl.mu);
		while (!pl.full[j] && !pl.done)
			pthread_cond_wait(&pl.cv, &pl.mu);
		if (!pl.full[j]) {
			pthread_mutex_unlock(&pl.mu);
			break;
		}
		pthread_mutex_unlock(&pl.mu);
		wrc = store_batch(im, &pl.b[j], &werr);
		if (wrc == 0 && im->o->progress != NULL)
			im->o->progress(im->o->progress_ud, pl.b[j].offset, size);
		pthread_mutex_lock(&pl.mu);
		pl.full[j] = 0;
		if (wrc != 0)
			pl.stop = 1;
		pthread_cond_broadcast(&pl.cv);
		pthread_mutex_unlock(&pl.mu);
		if (wrc != 0)
			break;
		j ^= 1;
	}
	if (threaded)
		pthread_join(th, NULL);
	pthread_cond_destroy(&pl.cv);
	pthread_mutex_destroy(&pl.mu);
	batch_free(&pl.b[0]);
	batch_free(&pl.b[1]);
	if (wrc != 0) {
		*im->err = werr;
		return wrc;
	}
	return pl.rc;
}

/* Read all records and store them. */
static int
load_rows(importer *im, lt_csv *csv, uint64_t size)
{
	held *hold = lt_calloc(PREFIX_ROWS, sizeof *hold);
	size_t nheld = 0;
	lt_csv_row row;
	char **fields = lt_calloc(im->nfields + 1, sizeof *fields);
	size_t *lens = lt_calloc(im->nfields + 1, sizeof *lens);
	batch b;
	int r, rc = 0;

	memset(&b, 0, sizeof b);
	/* Phase 1: hold the first rows and learn the column types from them. */
	while (nheld < PREFIX_ROWS && (r = lt_csv_next(csv, &row, im->err)) == 1) {
		if ((rc = check_fields(im, &row)) != 0)
			goto out;
		for (size_t i = 0; i < im->ncols; i++) {
			col *c = &im->cols[i];
			const char *s = row.fields[c->src];
			size_t len = row.lens[c->src];
			long long iv;
			double dv;

			if (!is_missing(im, c, s, len))
				c->seen |= (unsigned)classify(s, len, &iv, &dv);
		}
		hold_row(&hold[nheld++], &row);
	}
	if (nheld < PREFIX_ROWS && r < 0) {
		rc = im->err->code;
		goto out;
	}
	/* The affinities come from what the first rows held... */
	if ((rc = create_table(im)) != 0)
		goto out;
	/* ...and the final types from every row, counted again as they are stored. */
	for (size_t i = 0; i < im->ncols; i++)
		im->cols[i].seen = 0;
	for (size_t k = 0; k < nheld; k++) {
		for (size_t i = 0; i < im->nfields; i++) {
			fields[i] = hold[k].buf + hold[k].offs[i];
			lens[i] = hold[k].offs[i + 1] - hold[k].offs[i] - 1;
		}
		if ((rc = classify_row(im, fields, lens, hold[k].line, &b)) != 0)
			goto out;
		if (b.rows == BATCH_ROWS(im) || k + 1 == nheld) {
			if (k + 1 == nheld && nheld < PREFIX_ROWS)	/* the whole file */
				for (size_t i = 0; i < im->ncols; i++) {
					if (im->cols[i].chunking)
						flush_chunk(im, &im->cols[i], &b);
					if (im->cols[i].coding)
						flush_codes(im, &im->cols[i], &b);
				}
			if ((rc = store_batch(im, &b, im->err)) != 0)
				goto out;
			batch_reset(&b);
		}
	}
	/* Refuse early when the first rows already show identifiers... */
	if ((rc = check_identifiers(im)) != 0 || (rc = cancelled(im)) != 0)
		goto out;
	if (im->o->progress != NULL)
		im->o->progress(im->o->progress_ud, lt_csv_offset(csv), size);

	/* Phase 2: stream the rest. */
	if (nheld == PREFIX_ROWS && (rc = stream_rows(im, csv, size)) != 0)
		goto out;
	/* ...and look again at the end: a column may only fill in later. */
	rc = check_identifiers(im);
out:
	for (size_t k = 0; k < nheld; k++) {
		free(hold[k].buf);
		free(hold[k].offs);
	}
	free(hold);
	free(fields);
	free(lens);
	batch_free(&b);
	return rc;
}

/* Fill the dataset record for the finished import. */
static lt_dataset *
make_dataset(importer *im)
{
	const lt_dataset *m = im->meta;
	const lt_import_opts *o = im->o;
	lt_dataset *d = lt_calloc(1, sizeof *d);
	char stamp[32];
	time_t now = time(NULL);
	struct tm tm;

	d->name = lt_strdup(im->name);
	if (m != NULL) {
		d->title = lt_strdup(m->title);
		d->description = lt_strdup(m->description);
		d->source = lt_strdup(m->source);
		d->licence = lt_strdup(m->licence);
		d->kind = lt_strdup(m->kind);
		d->synthetic = m->synthetic;
		d->weight = lt_strdup(m->weight);
		d->why = lt_strdup(m->why);
		d->neffects = m->neffects;
		d->effects = lt_calloc(m->neffects + 1, sizeof *d->effects);
		for (size_t i = 0; i < m->neffects; i++)
			d->effects[i] = lt_strdup(m->effects[i]);
	} else {
		const char *base = strrchr(o->path, '/');

		d->title = lt_strdup(im->name);
		d->source = lt_sprintf("imported from %s", base != NULL ? base + 1 : o->path);
		d->licence = lt_strdup("unknown (imported by you)");
		d->kind = lt_strdup(LT_KIND_INDIVIDUAL);
	}
	d->profile = lt_strdup(o->profile != NULL ? o->profile :
	    m != NULL && m->profile != NULL ? m->profile : "opensafely");
	d->origin = lt_strdup(o->origin != NULL ? o->origin : "imported");
	d->csv_path = lt_strdup(o->path);
	d->rows = im->rows;
	d->hash = lt_sprintf("fnv1a64:%016llx", (unsigned long long)im->hash);
	gmtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
	d->imported_at = lt_strdup(stamp);
	d->vars = lt_calloc(im->ncols, sizeof *d->vars);
	for (size_t i = 0; i < im->ncols; i++) {
		final_var(im, &im->cols[i], &d->vars[i]);
		d->vars[i].offset = im->cols[i].chunking ? (double)im->cols[i].offset : 0;
	}
	d->nvars = im->ncols;
	return d;
}

/*
 * Columns created without affinity (no value in the first rows) hold their
 * values as text; convert those that turned out numeric, so comparisons and
 * sorting in SQL are numeric.
 */
static int
fix_untyped(importer *im, const lt_dataset *d)
{
	int rc = 0;

	for (size_t i = 0; i < im->ncols && rc == 0; i++) {
		int st = d->vars[i].storage;
		lt_buf sql = LT_BUF_INIT;

		if (!im->cols[i].untyped || (st != LT_ST_INT && st != LT_ST_REAL))
			continue;
		lt_buf_printf(&sql, "UPDATE \"data_%s\" SET ", im->name);
		lt_sql_ident(&sql, d->vars[i].name);
		lt_buf_puts(&sql, " = CAST(");
		lt_sql_ident(&sql, d->vars[i].name);
		lt_buf_printf(&sql, " AS %s) WHERE ", st == LT_ST_INT ? "INTEGER" : "REAL");
		lt_sql_ident(&sql, d->vars[i].name);
		lt_buf_puts(&sql, " IS NOT NULL");
		rc = lt_db_exec(im->db, lt_buf_str(&sql), im->err);
		lt_buf_free(&sql);
	}
	return rc;
}

/* Drop chunks of columns that turned out not to be numeric, and codes of
   columns that turned out not to be categories. */
static int
drop_stale_chunks(importer *im, const lt_dataset *d)
{
	sqlite3_stmt *st;
	int rc = 0;

	if (sqlite3_prepare_v2(im->db,
	    "DELETE FROM lt_chunk WHERE dataset = ?1 AND var = ?2", -1, &st, NULL) != SQLITE_OK)
		return lt_db_error(im->db, im->err, "storing a column");
	for (size_t i = 0; i < d->nvars && rc == 0; i++) {
		int t = d->vars[i].type;

		if (!(im->cols[i].chunking && (t == LT_VT_INTEGER || t == LT_VT_NUMBER ||
		    t == LT_VT_DATE || (t == LT_VT_CATEGORY && d->vars[i].storage != LT_ST_TEXT)))) {
			sqlite3_bind_text(st, 1, im->name, -1, SQLITE_STATIC);
			sqlite3_bind_int(st, 2, (int)i);
			if (sqlite3_step(st) != SQLITE_DONE)
				rc = lt_db_error(im->db, im->err, "storing a column");
			sqlite3_reset(st);
		}
		if (rc == 0 && !im->cols[i].coding) {
			sqlite3_bind_text(st, 1, im->name, -1, SQLITE_STATIC);
			sqlite3_bind_int(st, 2, LT_CODE_VAR((int)i));
			if (sqlite3_step(st) != SQLITE_DONE)
				rc = lt_db_error(im->db, im->err, "storing a column");
			sqlite3_reset(st);
		}
	}
	sqlite3_finalize(st);
	return rc;
}

static void
importer_free(importer *im)
{
	for (size_t i = 0; i < im->ncols; i++) {
		col *c = &im->cols[i];

		for (size_t k = 0; k < c->ndistinct; k++)
			free(c->distinct[k]);
		free(c->chunk);
		free(c->code);
		lt_ident_free(c->ident);
	}
	free(im->cols);
	for (size_t i = 0; i < im->nfields; i++)
		free(im->header[i]);
	free(im->header);
	sqlite3_finalize(im->ins);
	sqlite3_finalize(im->ins_many);
	sqlite3_finalize(im->chunk_ins);
	free(im->name);
}

/* Whether the catalog already has a dataset called name. */
static int
exists(importer *im, const char *name)
{
	sqlite3_stmt *st;
	int found = 0;

	if (sqlite3_prepare_v2(im->db, "SELECT 1 FROM lt_dataset WHERE name = ?1", -1,
	    &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		found = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_finalize(st);
	}
	return found;
}

int
lt_import_csv(lt_catalog *cat, const lt_import_opts *o, lt_dataset **out,
    lt_error *err)
{
	importer im;
	FILE *f;
	lt_csv *csv = NULL;
	lt_csv_row hdr;
	lt_dataset *d = NULL;
	struct stat sb;
	int rc, r, began = 0;
	char delim;

	if (out != NULL)
		*out = NULL;
	memset(&im, 0, sizeof im);
	im.cat = cat;
	im.db = lt_catalog_db(cat);
	im.o = o;
	im.meta = o->meta;
	im.err = err;
	im.hash = 0xcbf29ce484222325ULL;
	im.name = o->name != NULL ? lt_strdup(o->name) : name_from_path(o->path);
	if (!lt_dataset_name_ok(im.name)) {
		rc = lt_err(err, LT_EINVAL,
		    "\"%s\" cannot be a dataset name; use lowercase letters, digits, - and _ (for example --name my-data)",
		    im.name);
		goto out;
	}
	if ((f = fopen(o->path, "rb")) == NULL) {
		rc = lt_err(err, errno == ENOENT ? LT_ENOENT : LT_EIO,
		    "cannot open %s: %s", o->path, strerror(errno));
		goto out;
	}
	if (fstat(fileno(f), &sb) != 0 || !S_ISREG(sb.st_mode)) {
		fclose(f);
		rc = lt_err(err, LT_EIO, "%s is not a regular file; give the path of a CSV file", o->path);
		goto out;
	}
	delim = o->delimiter != 0 ? o->delimiter : im.meta != NULL ? im.meta->delimiter : 0;
	if ((csv = lt_csv_open(f, o->path, delim, err)) == NULL) {
		fclose(f);
		rc = err->code;
		goto out;
	}
	r = lt_csv_next(csv, &hdr, err);
	if (r <= 0) {
		rc = r < 0 ? err->code : lt_err(err, LT_EFORMAT,
		    "%s is empty; a CSV file needs a header line naming its columns", o->path);
		goto close;
	}
	if ((rc = setup_columns(&im, &hdr)) != 0)
		goto close;
	/*
	 * A larger page cache while the rows go in: with SQLite's 2 MB the
	 * table's pages were written, dropped and read back. 16 MB is as
	 * fast as 64 MB now that pages are 64 KB, at half the memory. Back
	 * to the default after, so that browsing stays small.
	 */
	sqlite3_exec(im.db, "PRAGMA cache_size=-16384", NULL, NULL, NULL);
	if ((rc = lt_db_exec(im.db, "BEGIN IMMEDIATE", err)) != 0)
		goto close;
	began = 1;
	if (exists(&im, im.name)) {
		if (!o->replace) {
			rc = lt_err(err, LT_EINVAL,
			    "a dataset called \"%s\" exists already; choose another --name, or add --replace",
			    im.name);
			goto close;
		}
		if ((rc = lt_catalog_remove(cat, im.name, err)) != 0)
			goto close;
	}
	if ((rc = load_rows(&im, csv, (uint64_t)sb.st_size)) != 0)
		goto close;
	if (im.rows == 0) {
		rc = lt_err(err, LT_EFORMAT, "%s has a header but no rows of data", o->path);
		goto close;
	}
	d = make_dataset(&im);
	if ((rc = fix_untyped(&im, d)) != 0 ||
	    (rc = drop_stale_chunks(&im, d)) != 0 ||
	    (rc = write_metadata(&im, d, &sb)) != 0)
		goto close;
	rc = lt_db_exec(im.db, "COMMIT", err);
	if (rc == 0)
		began = 0;
	if (rc == 0 && o->progress != NULL)
		o->progress(o->progress_ud, (uint64_t)sb.st_size, (uint64_t)sb.st_size);
close:
	if (began) {
		sqlite3_finalize(im.ins);
		sqlite3_finalize(im.ins_many);
		sqlite3_finalize(im.chunk_ins);
		im.ins = im.ins_many = im.chunk_ins = NULL;
		sqlite3_exec(im.db, "ROLLBACK", NULL, NULL, NULL);
	}
	sqlite3_exec(im.db, "PRAGMA cache_size=-2000", NULL, NULL, NULL);
	lt_csv_close(csv);
	fclose(f);
out:
	importer_free(&im);
	if (rc == 0 && out != NULL)
		*out = d;
	else
		lt_dataset_free(d);
	/* "line 4: ..." becomes "survey.csv, line 4: ...": say which file. */
	if (rc != 0 && err != NULL && strncmp(err->msg, "line ", 5) == 0) {
		const char *base = strrchr(o->path, '/');
		char *msg = lt_sprintf("%s, %s", base != NULL ? base + 1 : o->path, err->msg);

		snprintf(err->msg, sizeof err->msg, "%s", msg);
		free(msg);
	}
	return rc;
}
