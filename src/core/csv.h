/*
 * csv.h - a streaming RFC 4180 reader.
 *
 * Reads records one at a time from a FILE with memory independent of the
 * file's size (bounded by the longest record). Handles quoted fields with
 * delimiters, doubled quotes and newlines; LF and CRLF line ends; a UTF-8
 * byte-order mark; comma, semicolon or tab as the delimiter (sniffed from the
 * start of the file unless given). Invalid UTF-8 is an error naming the line
 * and byte offset. The reader does not care how many fields a record has:
 * checking that against the header is the caller's job.
 */
#ifndef LT_CSV_H
#define LT_CSV_H

#include <stdint.h>
#include <stdio.h>

#include "error.h"

typedef struct lt_csv lt_csv;

/* One record. Valid until the next lt_csv_next or lt_csv_close call. */
typedef struct lt_csv_row {
	size_t nfields;
	char **fields;		/* NUL-terminated, unquoted field texts */
	size_t *lens;		/* their lengths in bytes */
	long line;		/* line number (1-based) where the record starts */
} lt_csv_row;

/*
 * Start reading f (not closed by lt_csv_close). name is used in messages
 * (the file name). delimiter is ',', ';' or '\t', or 0 to sniff it from the
 * first lines. Returns NULL and fills *err on failure.
 */
lt_csv *lt_csv_open(FILE *f, const char *name, char delimiter, lt_error *err);
/*
 * Read the next record into *row. Returns 1 when a record was read, 0 at the
 * end of the file, or -1 with *err filled ("line 12, byte 4031: invalid
 * UTF-8 ..."; "line 7: a quoted field is never closed ..."). Blank lines
 * are skipped.
 */
int lt_csv_next(lt_csv *c, lt_csv_row *row, lt_error *err);
/* The delimiter in use (after sniffing). */
char lt_csv_delimiter(const lt_csv *c);
/* Bytes consumed so far, for progress reports. */
uint64_t lt_csv_offset(const lt_csv *c);
void lt_csv_close(lt_csv *c);

#endif
