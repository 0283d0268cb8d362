/*
 * repl.c - the interactive shell on GNU Readline: a prompt naming the open
 * dataset, history kept in $XDG_STATE_HOME/lantern/history, and tab
 * completion of commands, options, dataset names and column names (from the
 * command table, through lt_session_complete). ~/.inputrc is honoured;
 * its conditionals can test "$if lantern".
 */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <readline/readline.h>
#include <readline/history.h>

#include "buf.h"
#include "cli.h"
#include "lantern.h"

#define HISTORY_MAX 1000

static cli *shell_cli;
static sigjmp_buf prompt_jmp;
static volatile sig_atomic_t at_prompt;	/* Ctrl-C may jump out of readline */
static char **matches;		/* completion candidates being handed out */

/* Hand out the candidates one at a time, as readline asks. */
static char *
complete_next(const char *text, int state)
{
	static size_t i;

	(void)text;
	if (state == 0)
		i = 0;
	if (matches == NULL || matches[i] == NULL)
		return NULL;
	return strdup(matches[i++]);
}

static char **
complete(const char *text, int start, int end)
{
	char *line = lt_strndup(rl_line_buffer, (size_t)end);
	char **found;

	(void)text;
	(void)start;
	at_prompt = 0;	/* completion reads the catalog: no jumping out of it */
	lt_strv_free(matches);
	matches = lt_session_complete(shell_cli->s, line);
	free(line);
	at_prompt = 1;
	if (matches == NULL)
		return NULL;	/* readline completes file names */
	rl_attempted_completion_over = 1;
	found = rl_completion_matches(text, complete_next);
	return found;
}

/* Make every missing directory of path. */
static void
mkdirs(const char *path)
{
	char *d = lt_strdup(path);

	for (char *p = d + 1; *p != '\0'; p++)
		if (*p == '/') {
			*p = '\0';
			mkdir(d, 0700);
			*p = '/';
		}
	mkdir(d, 0700);
	free(d);
}

static char *
history_path(void)
{
	const char *state = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	char *dir, *path;

	if (getenv("LANTERN_HISTORY") != NULL)
		return lt_strdup(getenv("LANTERN_HISTORY"));
	if (state != NULL && state[0] == '/')
		dir = lt_sprintf("%s/lantern", state);
	else
		dir = lt_sprintf("%s/.local/state/lantern", home != NULL ? home : ".");
	mkdirs(dir);
	path = lt_sprintf("%s/history", dir);
	free(dir);
	return path;
}


/*
 * Ctrl-C: at the prompt, forget the line being typed and start a fresh one
 * (as psql does, by jumping out of readline); while a command runs, ask it
 * to stop.
 */
static void
on_sigint(int sig)
{
	(void)sig;
	cli_interrupted = 1;
	if (at_prompt) {
		at_prompt = 0;
		siglongjmp(prompt_jmp, 1);
	}
}

/* One line from readline; NULL at the end (Ctrl-D). */
static char *
read_line(const char *prompt)
{
	char *line;

	if (sigsetjmp(prompt_jmp, 1) != 0) {
		rl_free_line_state();
		rl_cleanup_after_signal();
		fputs("\n", stdout);
	}
	cli_interrupted = 0;
	at_prompt = 1;
	line = readline(prompt);
	at_prompt = 0;
	return line;
}

/* Drop trailing blanks (Tab completion leaves one) so history stays tidy. */
static void
chomp(char *line)
{
	size_t n = strlen(line);

	while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\t'))
		line[--n] = '\0';
}

int
cli_shell(cli *c)
{
	char *hist, *line;
	int quit = 0, status = 0;
	struct sigaction sa;

	if (!isatty(STDIN_FILENO))
		return cli_run_file(c, stdin, "stdin");
	hist = history_path();

	shell_cli = c;
	rl_readline_name = "lantern";
	rl_attempted_completion_function = complete;
	rl_completer_word_break_characters = " \t\n\"'(,;";
	rl_catch_signals = 0;	/* Ctrl-C is ours: see on_sigint */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sigint;
	sigaction(SIGINT, &sa, NULL);
	using_history();
	stifle_history(HISTORY_MAX);
	if (read_history(hist) != 0 && errno != ENOENT)
		fprintf(stderr, "lantern: cannot read the history in %s; it starts empty\n", hist);

	while (!quit) {
		const lt_dataset *d = lt_session_dataset(c->s);
		char *prompt = lt_sprintf("%s> ", d != NULL ? d->name : "lantern");
		lt_error err;

		line = read_line(prompt);
		free(prompt);
		if (line == NULL) {
			putchar('\n');
			break;
		}
		chomp(line);
		if (line[0] != '\0' && strspn(line, " \t") != strlen(line)) {
			HIST_ENTRY *last = history_get(history_base + history_length - 1);

			if (last == NULL || strcmp(last->line, line) != 0) {
				add_history(line);
				if (append_history(1, hist) != 0)
					write_history(hist);
				history_truncate_file(hist, HISTORY_MAX);
			}
			c->emitted = 0;
			if (lt_session_run(c->s, line, cli_emit, c, &quit, &err) != 0) {
				cli_error("error", line, &err);
				status = 1;
			}
		}
		free(line);
	}
	lt_strv_free(matches);
	matches = NULL;
	free(hist);
	(void)status;
	return 0;
}
