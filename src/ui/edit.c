/*
 * edit.c - the GNU Readline set-up shared by the shell and the workbench's
 * ":" prompt: the readline name, Tab completion through the session's
 * command table, the word-break characters, and the history file both
 * read and append to.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <readline/readline.h>
#include <readline/history.h>

#include "buf.h"
#include "catalog.h"
#include "edit.h"

/* Characters that end a word for completion: blanks, quotes, "(", ",", ";". */
static char word_breaks[] = " \t\n\"'(,;";

static lt_session *edit_session;
static char *hist_path;
static char **matches;		/* candidates being handed to readline */

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
	return lt_strdup(matches[i++]);
}

char **
ui_edit_complete(const char *text, int start, int end)
{
	char *line;

	(void)start;
	if (edit_session == NULL)
		return NULL;
	line = lt_strndup(rl_line_buffer, (size_t)end);
	lt_strv_free(matches);
	matches = lt_session_complete(edit_session, line);
	free(line);
	if (matches == NULL)
		return NULL;	/* readline completes file names */
	rl_attempted_completion_over = 1;
	return rl_completion_matches(text, complete_next);
}

/* Make every missing directory of path, private to the user. */
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

char *
ui_edit_history_path(void)
{
	const char *state = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	const char *env = getenv("LANTERN_HISTORY");
	char *dir, *path;

	if (env != NULL && env[0] != '\0')
		return lt_strdup(env);
	if (state != NULL && state[0] == '/')
		dir = lt_sprintf("%s/lantern", state);
	else
		dir = lt_sprintf("%s/.local/state/lantern",
		    home != NULL && home[0] != '\0' ? home : ".");
	mkdirs(dir);
	path = lt_sprintf("%s/history", dir);
	free(dir);
	return path;
}

char *
ui_edit_init(lt_session *s)
{
	char *warning = NULL;
	int e;

	edit_session = s;
	rl_readline_name = "lantern";
	rl_attempted_completion_function = ui_edit_complete;
	rl_basic_word_break_characters = word_breaks;
	rl_completer_word_break_characters = word_breaks;

	free(hist_path);
	hist_path = ui_edit_history_path();
	using_history();
	clear_history();
	stifle_history(UI_EDIT_HISTORY_MAX);
	e = read_history(hist_path);
	if (e != 0 && e != ENOENT)
		warning = lt_sprintf("Cannot read the command history in %s, so it "
		    "starts empty; check that the file is yours and readable.", hist_path);
	return warning;
}

void
ui_edit_done(void)
{
	lt_strv_free(matches);
	matches = NULL;
	free(hist_path);
	hist_path = NULL;
	clear_history();
	edit_session = NULL;
}

void
ui_edit_remember(const char *line)
{
	HIST_ENTRY *last;

	if (line == NULL || line[strspn(line, " \t")] == '\0')
		return;
	last = history_get(history_base + history_length - 1);
	if (last != NULL && strcmp(last->line, line) == 0)
		return;
	add_history(line);
	if (hist_path == NULL)
		return;
	if (append_history(1, hist_path) != 0)
		write_history(hist_path);
	history_truncate_file(hist_path, UI_EDIT_HISTORY_MAX);
}

void
ui_edit_chomp(char *line)
{
	size_t n = strlen(line);

	while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\t'))
		line[--n] = '\0';
}
