/*
 * cmd_tutorial.c - the "tutorial" command: list the installed tutorials,
 * check a lesson file, replay one (its "show me" steps and right answers,
 * checking that every step passes: each tutorial is a test), and start
 * one again from the beginning.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "session_int.h"
#include "tutorial.h"

static const lt_coldef list_cols[] = {
	{ "name", "Name", LT_RC_TEXT }, { "title", "Title", LT_RC_TEXT },
	{ "minutes", "Minutes", LT_RC_TEXT }, { "audience", "For", LT_RC_TEXT },
	{ "progress", "Progress", LT_RC_TEXT }, { NULL, NULL, 0 }
};
static const lt_coldef replay_cols[] = {
	{ "step", "Step", LT_RC_TEXT }, { "line", "Line", LT_RC_TEXT },
	{ "kind", "Kind", LT_RC_TEXT }, { "state", "Result", LT_RC_TEXT },
	{ NULL, NULL, 0 }
};

static const char *const kind_names[] = { "say", "do", "ask", "finish" };

/*
 * Numbers about a tutorial go in as text: they say nothing about the
 * people in any dataset, so disclosure control has nothing to round.
 */
static void
put_int(lt_table *t, size_t row, size_t col, long v)
{
	char b[32];

	snprintf(b, sizeof b, "%ld", v);
	lt_table_text(t, row, col, b);
}

static void
put_fact(lt_result *r, const char *key, const char *label, long v)
{
	char b[32];

	snprintf(b, sizeof b, "%ld", v);
	lt_result_fact(r, key, label, b);
}

/* Where the installed tutorials are. */
static const char *
tutorials_dir(void)
{
	const char *env = getenv("LANTERN_TUTORIALS");

	return env != NULL && *env != '\0' ? env : LT_PKGDATADIR "/tutorials";
}

/* A tutorial's file: NAME in the tutorials folder, or a path. Caller frees. */
static char *
tutorial_path(const char *what)
{
	struct stat sb;

	if (strchr(what, '/') != NULL || stat(what, &sb) == 0)
		return lt_strdup(what);
	if (strlen(what) > 5 && strcmp(what + strlen(what) - 5, ".yaml") == 0)
		return lt_sprintf("%s/%s", tutorials_dir(), what);
	return lt_sprintf("%s/%s.yaml", tutorials_dir(), what);
}

/* Load a tutorial named by the user; the error names what to do. */
static lt_tutorial *
load_named(const char *what, int pos, lt_error *err)
{
	char *path = tutorial_path(what);
	lt_tutorial *t = lt_tutorial_load(path, NULL, err);

	if (t == NULL && err->code == LT_ENOENT && strchr(what, '/') == NULL)
		lt_err_at(err, LT_ENOENT, pos, "there is no tutorial called \"%s\"; "
		    "\"tutorial list\" shows them all", what);
	else if (t == NULL)
		err->pos = pos;
	free(path);
	return t;
}

static int
list_tutorials(lt_session *s, lt_result *r)
{
	char **paths = lt_tutorial_list(tutorials_dir());
	lt_table *t = lt_result_table_with(r, "tutorials", NULL, list_cols);
	size_t n = 0, bad = 0;

	for (char **p = paths; *p != NULL; p++) {
		lt_error e;
		lt_tutorial *tu = lt_tutorial_load(*p, NULL, &e);
		size_t row = lt_table_row(t);
		long step;

		if (tu == NULL) {
			const char *b = strrchr(*p, '/');

			bad++;
			lt_table_text(t, row, 0, b != NULL ? b + 1 : *p);
			lt_table_text(t, row, 1, "(this file has problems: run \"tutorial check\" "
			    "on it)");
			continue;
		}
		n++;
		lt_table_text(t, row, 0, lt_tutorial_name(tu));
		lt_table_text(t, row, 1, lt_tutorial_title(tu));
		put_int(t, row, 2, lt_tutorial_minutes(tu));
		lt_table_text(t, row, 3, lt_tutorial_audience(tu));
		if (!lt_tutorial_progress(s, lt_tutorial_name(tu), &step)) {
			lt_table_text(t, row, 4, "not started");
		} else if (step + 1 >= (long)lt_tutorial_nsteps(tu)) {
			lt_table_text(t, row, 4, "finished");
		} else {
			char *prog = lt_sprintf("step %ld of %zu", step + 1, lt_tutorial_nsteps(tu));

			lt_table_text(t, row, 4, prog);
			free(prog);
		}
		lt_tutorial_free(tu);
	}
	lt_strv_free(paths);
	if (n == 0 && bad == 0)
		lt_result_headline(r, "No tutorials are installed in %s.", tutorials_dir());
	else if (bad > 0)
		lt_result_headline(r, "%zu tutorial%s ready, and %zu with problems: run "
		    "\"tutorial check FILE\" on %s.", n, n == 1 ? " is" : "s are", bad,
		    bad == 1 ? "it" : "each");
	else
		lt_result_headline(r, "%zu tutorial%s. Start one with \"lantern tutorial NAME\".",
		    n, n == 1 ? "" : "s");
	return 0;
}

/* Join the problems into one message that fits an error. */
static int
problems_error(const char *problems, size_t count, lt_error *err)
{
	lt_buf b = LT_BUF_INIT;
	const char *p = problems;
	size_t shown = 0;
	int rc;

	/* one problem a line, as compilers list them, for a teacher to work down */
	lt_buf_printf(&b, "%zu problem%s:", count, count == 1 ? "" : "s");
	while (*p != '\0') {
		size_t k = strcspn(p, "\n");

		if (b.len + k + 40 > LT_ERROR_MSG_MAX)
			break;
		shown++;
		lt_buf_puts(&b, "\n  ");
		lt_buf_add(&b, p, k);
		p += k + (p[k] == '\n');
	}
	if (shown < count)
		lt_buf_printf(&b, "\n  and %zu more; mend these and check again", count - shown);
	rc = lt_err(err, LT_EFORMAT, "%s", lt_buf_str(&b));
	lt_buf_free(&b);
	return rc;
}

static int
check_tutorial(lt_session *s, const lt_args *a, lt_result *r, lt_error *err)
{
	lt_buf problems = LT_BUF_INIT;
	char *path;
	lt_tutorial *t;
	size_t count = 0;
	int rc = 0;

	if (a->argc < 2)
		return lt_err_at(err, LT_EINVAL, -1, "say which file to check, as in "
		    "\"tutorial check my-lesson.yaml\"");
	path = tutorial_path(a->argv[1]);
	t = lt_tutorial_load(path, &problems, err);
	if (t == NULL && err->code != LT_EFORMAT) {
		/* not there, or not readable: the reason alone */
		err->pos = a->argpos[1];
		lt_buf_free(&problems);
		free(path);
		return err->code;
	}
	if (t != NULL)
		count = lt_tutorial_check_data(t, s, &problems);
	else
		for (const char *p = lt_buf_str(&problems); *p != '\0'; p++)
			count += *p == '\n';
	if (t == NULL || count > 0) {
		rc = problems_error(lt_buf_str(&problems), count, err);
		err->pos = a->argpos[1];
	} else {
		lt_result_headline(r, "%s has no problems: %zu steps, about %d minutes.", path,
		    lt_tutorial_nsteps(t), lt_tutorial_minutes(t));
		lt_result_fact(r, "title", "Title", lt_tutorial_title(t));
		put_fact(r, "steps", "Steps", (long)lt_tutorial_nsteps(t));
		lt_result_note(r, "\"tutorial replay %s\" runs it as a test.", path);
	}
	lt_tutorial_free(t);
	lt_buf_free(&problems);
	free(path);
	return rc;
}

/* Sample words for a reflection, so a replay can pass it. */
#define SAMPLE_REFLECTION "A sample answer written by the replay."

static int
replay_tutorial(lt_session *s, const lt_args *a, lt_result *r, lt_error *err)
{
	lt_tutorial *t;
	lt_tutor *tu;
	lt_table *tab;
	size_t i, n;
	int rc = 0;
	char *tmp = NULL, *store = NULL;

	if (a->argc < 2)
		return lt_err_at(err, LT_EINVAL, -1, "say which tutorial to replay, as in "
		    "\"tutorial replay 01-getting-around\"");
	if ((t = load_named(a->argv[1], a->argpos[1], err)) == NULL)
		return err->code;
	/*
	 * A replay is a test: it runs in a session of its own (the learner's
	 * dataset and filter stay as they were) whose observations go to a
	 * throwaway store, never to the real, perhaps shared, one.
	 */
	{
		lt_session_opts o = s->o;

		if ((tmp = lt_strdup(P_tmpdir "/lantern-replay-XXXXXX")) == NULL ||
		    mkdtemp(tmp) == NULL) {
			lt_tutorial_free(t);
			free(tmp);
			return lt_err(err, LT_EIO, "cannot make a folder for the replay in %s; "
			    "check it can be written", P_tmpdir);
		}
		store = lt_sprintf("%s/findings.db", tmp);
		o.findings_path = store;
		o.data_out = NULL;
		o.progress = NULL;
		if ((s = lt_session_new(&o, err)) == NULL) {
			rc = err->code;
			lt_tutorial_free(t);
			goto cleanup;
		}
	}
	n = lt_tutorial_nsteps(t);
	tu = lt_tutor_new(s, t);
	tab = lt_result_table_with(r, "steps", NULL, replay_cols);
	for (i = 0; i < n; i++) {
		const lt_step *st = lt_tutorial_step(t, i);
		size_t row = lt_table_row(tab);
		lt_error e;

		put_int(tab, row, 0, (long)i + 1);
		put_int(tab, row, 1, st->line);
		lt_table_text(tab, row, 2, kind_names[st->kind]);
		if (st->kind == LT_STEP_DO) {
			if (lt_tutor_show(tu, s, &e) != 0) {
				rc = lt_err(err, e.code, "%s:%d: step %zu: \"show me\" failed: %s",
				    lt_tutorial_name(t), st->line, i + 1, e.msg);
				break;
			}
		} else if (st->kind == LT_STEP_ASK) {
			char *fb;
			int ok = lt_tutor_answer(tu, st->ask == LT_ASK_REFLECT ? SAMPLE_REFLECTION :
			    st->answer, &fb);

			if (!ok) {
				rc = lt_err(err, LT_EINVAL, "%s:%d: step %zu: the right answer was "
				    "not taken: %s", lt_tutorial_name(t), st->line, i + 1, fb);
				free(fb);
				break;
			}
			free(fb);
		}
		{
			/* why it is not done, for the teacher */
			lt_buf why = LT_BUF_INIT;

			if (!lt_tutor_why(tu, &why)) {
				rc = lt_err(err, LT_EINVAL, "%s:%d: step %zu does not pass after "
				    "\"show me\": %s", lt_tutorial_name(t), st->line, i + 1,
				    lt_buf_str(&why));
				lt_buf_free(&why);
				break;
			}
			lt_buf_free(&why);
		}
		lt_table_text(tab, row, 3, "passed");
		lt_tutor_next(tu);
	}
	if (rc == 0) {
		lt_result_headline(r, "All %zu steps of \"%s\" pass.", n, lt_tutorial_title(t));
		put_fact(r, "steps", "Steps", (long)n);
	}
	lt_tutor_free(tu);
	lt_session_free(s);
cleanup:
	for (size_t k = 0; k < 3; k++) {
		static const char *const ends[] = { "", "-wal", "-shm" };
		char *f = lt_sprintf("%s%s", store != NULL ? store : "", ends[k]);

		if (store != NULL)
			unlink(f);
		free(f);
	}
	rmdir(tmp);
	free(store);
	free(tmp);
	return rc;
}

static int
restart_tutorial(lt_session *s, const lt_args *a, lt_result *r, lt_error *err)
{
	lt_tutorial *t;
	lt_tutor *tu;
	int rc;

	if (a->argc < 2)
		return lt_err_at(err, LT_EINVAL, -1, "say which tutorial to start again, as in "
		    "\"tutorial restart 01-getting-around\"");
	if ((t = load_named(a->argv[1], a->argpos[1], err)) == NULL)
		return err->code;
	tu = lt_tutor_new(s, t);
	lt_tutor_restart(tu);
	if ((rc = lt_tutor_save(tu, err)) == 0)
		lt_result_headline(r, "\"%s\" will start again from the first step.",
		    lt_tutorial_title(t));
	lt_tutor_free(tu);
	return rc;
}

static int
tutorial_exec(lt_session *s, const lt_args *a, lt_result *r, lt_error *err)
{
	const char *what = a->argv[0];

	if (strcmp(what, "list") == 0 && a->argc == 1)
		return list_tutorials(s, r);
	if (strcmp(what, "check") == 0 && a->argc == 2)
		return check_tutorial(s, a, r, err);
	if (strcmp(what, "replay") == 0 && a->argc == 2)
		return replay_tutorial(s, a, r, err);
	if (strcmp(what, "restart") == 0 && a->argc == 2)
		return restart_tutorial(s, a, r, err);
	return lt_err_at(err, LT_EINVAL, a->argpos[0], "tutorial takes list, check FILE, "
	    "replay NAME or restart NAME; type \"help tutorial\" for more");
}

const lt_cmd_entry lt_cmd_tutorial_entry = {
	.name = "tutorial",
	.args = "list | check FILE | replay NAME | restart NAME",
	.summary = "list, check, replay or restart tutorials",
	.help = "Tutorials teach lantern step by step, and check what you really did. "
	    "\"tutorial list\" shows the tutorials and how far you got in each. "
	    "\"tutorial check FILE\" checks a tutorial file a teacher wrote and lists every "
	    "problem with its line (see lantern-tutorial(5)). \"tutorial replay NAME\" runs "
	    "every \"show me\" and gives every right answer, to test that each step "
	    "passes. \"tutorial restart NAME\" starts a tutorial again from the first step. "
	    "To follow a tutorial, run \"lantern tutorial NAME\" from your terminal.",
	.example = "tutorial list",
	.min_args = 1,
	.max_args = 2,
	.complete = LT_COMPLETE_FILE,
	.flags = LT_CMD_STATE,
	.exec = tutorial_exec,
};
