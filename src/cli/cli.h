/*
 * cli.h - the command-line front end: output, batch scripts and the shell.
 */
#ifndef LT_CLI_H
#define LT_CLI_H

#include <signal.h>
#include <stdio.h>

#include "session.h"

/* How the command line wants things shown. */
typedef struct cli {
	lt_session *s;
	int format;		/* -f/--format, or -1 for the session's setting */
	int quiet;		/* no progress bar */
	int keep_going;		/* scripts go on after an error */
	int utf8;		/* the locale is UTF-8 */
	int emitted;		/* results written so far */
	const char *home;	/* where the catalog and history live */
} cli;

extern volatile sig_atomic_t cli_interrupted;
extern int cli_utf8;

/* Render one result to stdout (an lt_emit_fn). */
int cli_emit(void *ud, const lt_result *r, int format);
/*
 * Say what went wrong on stderr: "where: message", then the command text
 * with a caret under the problem when the error has a position.
 */
void cli_error(const char *where, const char *text, const lt_error *err);
/* A progress bar on stderr (an lt_progress_fn); ud is the cli. */
void cli_progress(void *ud, uint64_t done, uint64_t total);
/* Run a script, a line at a time; name is used in messages. 0, or 1 on error. */
int cli_run_file(cli *c, FILE *f, const char *name);
/* The interactive shell. Returns the exit status. */
int cli_shell(cli *c);

#endif
