/*
 * error.h - error codes and the one-sentence message that travels with them.
 */
#ifndef LT_ERROR_H
#define LT_ERROR_H

#include <stddef.h>

enum lt_code {
	LT_OK = 0,
	LT_EINVAL,	/* bad input from the user: usage, values, expressions */
	LT_ENOENT,	/* something named does not exist: file, dataset, column */
	LT_EIO,		/* reading or writing a file failed */
	LT_EDB,		/* the database refused: locked, corrupt, full */
	LT_EFORMAT,	/* malformed input file: CSV, JSON, metadata */
	LT_EPRIVACY,	/* refused to protect people: identifiers, small numbers */
	LT_EINTR,	/* interrupted by the user (Ctrl-C) */
	LT_ENOMEM	/* out of memory */
};

#define LT_ERROR_MSG_MAX 2048	/* room for a list of problems, one a line */

/*
 * An error: a code, one sentence for the user (what happened and what to
 * do), and, for errors in command text, the byte offset of the problem so
 * front ends can draw a caret (-1 when there is none).
 */
typedef struct lt_error {
	int code;
	int pos;
	char msg[LT_ERROR_MSG_MAX];
} lt_error;

/* Set *e (if not NULL) and return code, so "return lt_err(e, ...);" works. */
int lt_err(lt_error *e, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Like lt_err, but also records the position of the problem in the input. */
int lt_err_at(lt_error *e, int code, int pos, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Reset *e to "no error". */
void lt_err_clear(lt_error *e);
/* A short name for a code ("invalid input", "not found", ...). */
const char *lt_code_name(int code);

#endif
