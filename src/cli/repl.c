/*
 * repl.c - the interactive shell on GNU Readline: a prompt naming the open
 * dataset, Ctrl-C that abandons the line being typed, and the loop that
 * runs each line. History (in $XDG_STATE_HOME/lantern/history), tab
 * completion and the ~/.inputrc name "lantern" are set up by src/ui/edit.c,
 * shared with the workbench's ":" prompt.
 */
#include "config.h"

#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <readline/readline.h>
#include <readline/history.h>

#include "buf.h"
#include "cli.h"
#include "guide.h"
#include "lantern.h"
#include "edit.h"

static sigjmp_buf prompt_jmp;
static volatile sig_atomic_t at_prompt;	/* Ctrl-C may jump out of readline */

/* Completion reads the catalog: Ctrl-C must not jump out of the middle of it. */
static char **
complete(const char *text, int start, int end)
{
	char **found;

	at_prompt = 0;
	found = ui_edit_complete(text, start, end);
	at_prompt = 1;
	return found;
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

/*
 * "post" typed at the shell shows exactly what will be shared first (as
 * "post --preview") and posts only when the person says y. Returns 1 when
 * line was such a post (handled), 0 when it is not one.
 */
static int
confirm_post(cli *c, const char *line, int *status)
{
	const char *p = line + strspn(line, " \t");
	char *preview, *answer;
	lt_error err;
	int quit = 0;

	if (strncmp(p, "post", 4) != 0 || (p[4] != ' ' && p[4] != '\t') ||
	    strstr(p, "--preview") != NULL || strchr(p, ';') != NULL)
		return 0;
	preview = lt_sprintf("post --preview%s", p + 4);
	c->emitted = 0;
	if (lt_session_run(c->s, preview, cli_emit, c, &quit, &err) != 0) {
		cli_error("error", line, &err);
		*status = 1;
		free(preview);
		return 1;
	}
	free(preview);
	answer = read_line("Post this for researchers to see? Type y to post it: ");
	if (answer != NULL && (answer[0] == 'y' || answer[0] == 'Y')) {
		c->emitted = 0;
		if (lt_session_run(c->s, p, cli_emit, c, &quit, &err) != 0) {
			cli_error("error", line, &err);
			*status = 1;
		}
	} else {
		puts("Nothing was posted.");
	}
	free(answer);
	return 1;
}

/*
 * "guide" alone: ask what the person wants to find out and which columns,
 * as numbered lists (the wizard of guide.h), then print and run the
 * "guide ..." command the answers make, so people learn the command.
 * Enter alone gives the 0 answer where there is one ("no more: run it"),
 * and stops the guide where there is not; q stops it anywhere.
 * Returns 1 when line was a bare "guide" (handled), 0 otherwise.
 */
static int
guide_wizard(cli *c, const char *line, int *quit, int *status)
{
	const char *p = line + strspn(line, " \t");
	const lt_guide_question *q;
	lt_guide_wizard *w;
	lt_error err;

	if (strncmp(p, "guide", 5) != 0 || p[5 + strspn(p + 5, " \t")] != '\0')
		return 0;
	if (lt_session_dataset(c->s) == NULL) {
		puts("The guide works on an open dataset; open one first, for example "
		    "\"open cohort\".");
		return 1;
	}
	w = lt_guide_wizard_session(c->s);
	while ((q = lt_guide_wizard_question(w)) != NULL) {
		char *answer, *prompt, *end;
		const char *t;
		long n;

		printf("\n%s\n", q->text);
		for (size_t i = 0; i < q->nchoices; i++)
			printf("  %2zu  %s\n", i + 1, q->choices[i]);
		if (q->can_skip)
			printf("   0  %s\n", q->skip);
		/* Enter alone does what the prompt says: the 0 answer, or stop */
		if (q->can_skip)
			prompt = lt_sprintf("Type a number, or just Enter for 0 (%s); q stops "
			    "the guide: ", q->skip);
		else
			prompt = lt_strdup("Type a number, or just Enter to stop the guide: ");
		answer = read_line(prompt);
		free(prompt);
		t = answer != NULL ? answer + strspn(answer, " \t") : NULL;
		if (t == NULL || (*t == '\0' && !q->can_skip) ||
		    ((*t == 'q' || *t == 'Q') && t[1 + strspn(t + 1, " \t")] == '\0')) {
			if (answer == NULL)
				putchar('\n');
			puts("The guide stopped; nothing was run.");
			free(answer);
			lt_guide_wizard_free(w);
			return 1;
		}
		if (*t == '\0') {
			n = 0;
		} else {
			n = strtol(t, &end, 10);
			if (end == t || end[strspn(end, " \t")] != '\0')
				n = -2;
			else if (n > 100000)
				n = 100000;	/* refused as not listed, like 99 */
		}
		free(answer);
		if (lt_guide_wizard_answer(w, n >= 1 ? (int)(n - 1) : n == 0 ? -1 : -2,
		    &err) != 0)
			printf("%c%s.\n", err.msg[0] >= 'a' && err.msg[0] <= 'z' ?
			    err.msg[0] - 'a' + 'A' : err.msg[0], err.msg + 1);
	}
	printf("\nRunning: %s\n(next time you can type this yourself)\n\n",
	    lt_guide_wizard_command(w));
	ui_edit_remember(lt_guide_wizard_command(w));
	c->emitted = 0;
	if (lt_session_run(c->s, lt_guide_wizard_command(w), cli_emit, c, quit, &err) != 0) {
		cli_error("error", lt_guide_wizard_command(w), &err);
		*status = 1;
	}
	lt_guide_wizard_free(w);
	return 1;
}

int
cli_shell(cli *c)
{
	char *warning, *line;
	int quit = 0, status = 0;
	struct sigaction sa;

	if (!isatty(STDIN_FILENO))
		return cli_run_file(c, stdin, "stdin");
	warning = ui_edit_init(c->s);
	if (warning != NULL) {
		fprintf(stderr, "lantern: %s\n", warning);
		free(warning);
	}
	rl_attempted_completion_function = complete;
	rl_catch_signals = 0;	/* Ctrl-C is ours: see on_sigint */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sigint;
	sigaction(SIGINT, &sa, NULL);

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
		ui_edit_chomp(line);
		if (line[0] != '\0' && strspn(line, " \t") != strlen(line)) {
			ui_edit_remember(line);
			c->emitted = 0;
			if (guide_wizard(c, line, &quit, &status))
				;	/* asks its questions, then runs "guide ..." */
			else if (confirm_post(c, line, &status))
				;
			else if (lt_session_run(c->s, line, cli_emit, c, &quit, &err) != 0) {
				cli_error("error", line, &err);
				status = 1;
			}
		}
		free(line);
	}
	ui_edit_done();
	(void)status;
	return 0;
}
