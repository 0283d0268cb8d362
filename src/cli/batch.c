/*
 * batch.c - running scripts: one command (or several, with ;) per line,
 * "#" comments, errors reported as FILE:LINE with a caret.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "buf.h"
#include "cli.h"

int
cli_run_file(cli *c, FILE *f, const char *name)
{
	char *line = NULL;
	size_t cap = 0;
	long lineno = 0;
	int status = 0, quit = 0;

	while (!quit && getline(&line, &cap, f) != -1) {
		lt_error err;

		lineno++;
		if (lt_session_run(c->s, line, cli_emit, c, &quit, &err) != 0) {
			char *where = lt_sprintf("%s:%ld", name, lineno);

			cli_error(where, line, &err);
			free(where);
			status = 1;
			if (!c->keep_going)
				break;
		}
		if (cli_interrupted) {
			fprintf(stderr, "%s:%ld: interrupted; the rest of the script was not run\n",
			    name, lineno);
			status = 130;
			break;
		}
	}
	free(line);
	return status;
}
