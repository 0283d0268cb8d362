/*
 * test_tutorial.c - unit tests for tutorials (tutorial.c, cmd_tutorial.c):
 * reading good and bad lesson files (each problem with its line), every
 * check passing and failing against a real session on cohort, several
 * paths to the same state, answers, hints, progress saved and resumed,
 * and the tutorial command (list, check, replay, restart).
 */
#include "config.h"

#include "test_common.h"

#include "session.h"
#include "session_int.h"
#include "tutorial.h"

/* A lesson with one step of every kind and every form of question. */
static const char good_yaml[] =
	"# a comment\n"					/* 1 */
	"title: Old and young\n"			/* 2 */
	"audience: Students aged 14 to 18\n"		/* 3 */
	"minutes: 10\n"					/* 4 */
	"dataset: cohort\n"				/* 5 */
	"steps:\n"					/* 6 */
	"  - say: >-\n"					/* 7 */
	"      Hello *there*,\n"			/* 8 */
	"      learner.\n"				/* 9 */
	"  - do: Open cohort.\n"			/* 10 */
	"    check:\n"					/* 11 */
	"      - dataset: cohort\n"			/* 12 */
	"    hints:\n"					/* 13 */
	"      - First hint.\n"				/* 14 */
	"      - Second hint.\n"			/* 15 */
	"    show: open cohort\n"			/* 16 */
	"    praise: Well done.\n"			/* 17 */
	"  - do: Pick out older people and sort them.\n"	/* 18 */
	"    check:\n"					/* 19 */
	"      - filter: age >= 65\n"			/* 20 */
	"      - sort: bmi desc\n"			/* 21 */
	"    show:\n"					/* 22 */
	"      - filter age >= 65\n"			/* 23 */
	"      - sort bmi desc\n"			/* 24 */
	"  - ask: Which is right?\n"			/* 25 */
	"    choices:\n"				/* 26 */
	"      - Red\n"					/* 27 */
	"      - Green\n"				/* 28 */
	"      - Blue\n"				/* 29 */
	"    answer: Green\n"				/* 30 */
	"  - ask: How many?\n"				/* 31 */
	"    number: 1000\n"				/* 32 */
	"    tolerance: 5\n"				/* 33 */
	"    praise: Yes!\n"				/* 34 */
	"  - ask: What do you think?\n"			/* 35 */
	"    reflect: true\n"				/* 36 */
	"  - finish: You did it.\n";			/* 37 */

/* Every problem on a line of its own, to find each with its line. */
static const char bad_yaml[] =
	"titel: Oops\n"					/* 1: unknown key */
	"audience: Everyone\n"				/* 2 */
	"minutes: ten\n"				/* 3: not a number */
	"dataset: cohort\n"				/* 4 */
	"steps:\n"					/* 5 */
	"  - do: Something.\n"				/* 6: no check */
	"    show: describe bmi\n"			/* 7 */
	"  - do: Something else.\n"			/* 8 */
	"    check:\n"					/* 9 */
	"      - rna: describe bmi\n"			/* 10: unknown check */
	"      - ran: crostab smoking heart_attack\n"	/* 11: unknown command */
	"      - ran: plot pie bmi\n"			/* 12: unknown plot */
	"    show: frobnicate\n"			/* 13: not a command */
	"  - ask: Which?\n"				/* 14 */
	"    choices:\n"				/* 15 */
	"      - A\n"					/* 16 */
	"      - B\n"					/* 17 */
	"    answer: C\n"				/* 18: not a choice */
	"  - ask: How many?\n"				/* 19 */
	"    number: lots\n"				/* 20: not a number */
	"  - say: Hi\n"					/* 21 */
	"    hint: no such key\n"			/* 22: not for a say step */
	"  - do: Press here.\n"			/* 23 */
	"    check:\n"					/* 24 */
	"      - sort: bmi upwards\n"			/* 25: bad sort */
	"    hints:\n"					/* 26 */
	"      - Press : to open the prompt.\n"		/* 27: a map, not text */
	"    show: sort bmi\n";				/* 28: last step is not finish */

/* Good YAML, but its checks name columns cohort does not have. */
static const char data_yaml[] =
	"title: Columns\n"				/* 1 */
	"audience: Everyone\n"				/* 2 */
	"minutes: 5\n"					/* 3 */
	"dataset: cohort\n"				/* 4 */
	"steps:\n"					/* 5 */
	"  - do: Describe.\n"				/* 6 */
	"    check:\n"					/* 7 */
	"      - ran: describe bmj\n"			/* 8: did you mean bmi */
	"      - filter: agee > 3\n"			/* 9: unknown column */
	"      - sort: height\n"			/* 10: no such column */
	"    show: open cohort\n"			/* 11 */
	"  - do: Other data.\n"				/* 12 */
	"    check:\n"					/* 13 */
	"      - ran: describe deaths\n"		/* 14: fine in nightingale? no */
	"      - dataset: nosuchdata\n"			/* 15: no dataset */
	"    show: open anscombe\n"			/* 16 */
	"  - finish: Done.\n";				/* 17 */

/* Every check, one step each, for walking through with a session. */
static const char checks_yaml[] =
	"title: Checks\n"
	"audience: Tests\n"
	"minutes: 5\n"
	"dataset: cohort\n"
	"steps:\n"
	"  - do: Open.\n"				/* 0 */
	"    check: [ {dataset: cohort} ]\n"
	"    show: open cohort\n"
	"  - do: Filter.\n"				/* 1 */
	"    check: [ {filter: age >= 65} ]\n"
	"    show: filter age >= 65\n"
	"  - do: No filter.\n"				/* 2 */
	"    check: [ {filter: off} ]\n"
	"    show: filter off\n"
	"  - do: Sort.\n"				/* 3 */
	"    check: [ {sort: bmi desc} ]\n"
	"    show: sort bmi desc\n"
	"  - do: Sort either way.\n"			/* 4 */
	"    check: [ {sort: sbp} ]\n"
	"    show: sort sbp\n"
	"  - do: Crosstab.\n"				/* 5 */
	"    check: [ {ran: crosstab smoking heart_attack} ]\n"
	"    show: crosstab smoking by heart_attack\n"
	"  - do: Histogram.\n"				/* 6 */
	"    check: [ {result: plot hist bmi} ]\n"
	"    show: plot hist bmi\n"
	"  - do: Post.\n"				/* 7 */
	"    check: [ {posted: true} ]\n"
	"    show: describe bmi; post \"BMI\" \"Most people are near 27.\"\n"
	"  - do: Any.\n"				/* 8 */
	"    check:\n"
	"      - any:\n"
	"          - ran: describe bmi by sex\n"
	"          - ran: compare bmi by sex\n"
	"    show: compare bmi by sex\n"
	"  - do: No sort.\n"				/* 9 */
	"    check: [ {sort: off} ]\n"
	"    show: sort off\n"
	"  - do: Any plot.\n"				/* 10 */
	"    check: [ {ran: plot} ]\n"
	"    show: plot bar smoking\n"
	"  - finish: Done.\n";				/* 11 */

static char *dir;

static int
group_setup(void **state)
{
	if (tc_group_setup(state) != 0)
		return -1;
	dir = tc_tmpdir_new();
	return 0;
}

static int
group_teardown(void **state)
{
	tc_tmpdir_free(dir);
	dir = NULL;
	return tc_group_teardown(state);
}

/* Load text written to name in the test folder; problems into pb. */
static lt_tutorial *
load_text(const char *name, const char *text, lt_buf *pb, lt_error *err)
{
	char *path = tc_write_in(dir, name, text);
	lt_tutorial *t = lt_tutorial_load(path, pb, err);

	free(path);
	return t;
}

/* Whether problems holds "NAME:LINE: ...what...". */
static int
has_problem(const char *problems, const char *name, int line, const char *what)
{
	char *want = lt_sprintf("%s/%s:%d: ", dir, name, line);
	const char *p = problems;
	int found = 0;

	while ((p = strstr(p, want)) != NULL && !found) {
		const char *eol = strchr(p, '\n');
		char *l = lt_strndup(p, eol != NULL ? (size_t)(eol - p) : strlen(p));

		found = strstr(l, what) != NULL;
		free(l);
		p++;
	}
	if (!found)
		print_error("no problem \"%s...%s\" in:\n%s\n", want, what, problems);
	free(want);
	return found;
}

static void
test_load_good(void **state)
{
	lt_buf pb = LT_BUF_INIT;
	lt_error err;
	lt_tutorial *t = load_text("old-and-young.yaml", good_yaml, &pb, &err);
	const lt_step *s;

	(void)state;
	if (t == NULL)
		print_error("%s\n", lt_buf_str(&pb));
	assert_non_null(t);
	assert_int_equal(pb.len, 0);
	assert_string_equal(lt_tutorial_name(t), "old-and-young");
	assert_string_equal(lt_tutorial_title(t), "Old and young");
	assert_string_equal(lt_tutorial_audience(t), "Students aged 14 to 18");
	assert_int_equal(lt_tutorial_minutes(t), 10);
	assert_string_equal(lt_tutorial_dataset(t), "cohort");
	assert_int_equal(lt_tutorial_nsteps(t), 7);
	s = lt_tutorial_step(t, 0);
	assert_int_equal(s->kind, LT_STEP_SAY);
	assert_int_equal(s->line, 7);
	assert_string_equal(s->text, "Hello *there*, learner.");
	assert_null(s->hints[0]);
	s = lt_tutorial_step(t, 1);
	assert_int_equal(s->kind, LT_STEP_DO);
	assert_int_equal(s->line, 10);
	assert_string_equal(s->hints[0], "First hint.");
	assert_string_equal(s->hints[1], "Second hint.");
	assert_null(s->hints[2]);
	assert_string_equal(s->show, "open cohort");
	assert_string_equal(s->praise, "Well done.");
	s = lt_tutorial_step(t, 2);
	assert_string_equal(s->show, "filter age >= 65\nsort bmi desc");
	assert_null(s->praise);
	s = lt_tutorial_step(t, 3);
	assert_int_equal(s->kind, LT_STEP_ASK);
	assert_int_equal(s->ask, LT_ASK_CHOICE);
	assert_string_equal(s->choices[2], "Blue");
	assert_null(s->choices[3]);
	assert_string_equal(s->answer, "Green");
	s = lt_tutorial_step(t, 4);
	assert_int_equal(s->ask, LT_ASK_NUMBER);
	assert_true(s->number == 1000 && s->tolerance == 5);
	assert_string_equal(s->answer, "1000");
	s = lt_tutorial_step(t, 5);
	assert_int_equal(s->ask, LT_ASK_REFLECT);
	s = lt_tutorial_step(t, 6);
	assert_int_equal(s->kind, LT_STEP_FINISH);
	assert_int_equal(s->line, 37);
	assert_null(lt_tutorial_step(t, 7));
	lt_tutorial_free(t);
	lt_buf_free(&pb);
}

static void
test_load_bad(void **state)
{
	lt_buf pb = LT_BUF_INIT;
	lt_error err;
	const char *p;
	lt_tutorial *t = load_text("bad.yaml", bad_yaml, &pb, &err);

	(void)state;
	assert_null(t);
	p = lt_buf_str(&pb);
	assert_true(has_problem(p, "bad.yaml", 1, "\"titel\" is not a key a tutorial can have "
	    "(did you mean \"title\"?)"));
	assert_true(has_problem(p, "bad.yaml", 1, "needs a \"title\""));
	assert_true(has_problem(p, "bad.yaml", 3, "\"minutes\" should be a whole number"));
	assert_true(has_problem(p, "bad.yaml", 6, "a \"do\" step needs a \"check\""));
	assert_true(has_problem(p, "bad.yaml", 10, "\"rna\" is not a kind of check (did you "
	    "mean \"ran\"?)"));
	assert_true(has_problem(p, "bad.yaml", 11, "\"crostab\" is not a command (did you "
	    "mean \"crosstab\"?)"));
	assert_true(has_problem(p, "bad.yaml", 12, "\"pie\" is not a kind of plot"));
	assert_true(has_problem(p, "bad.yaml", 13, "\"frobnicate\", which is not a command"));
	assert_true(has_problem(p, "bad.yaml", 18, "the answer \"C\" is not one of the choices"));
	assert_true(has_problem(p, "bad.yaml", 20, "\"number\" should be a number"));
	assert_true(has_problem(p, "bad.yaml", 22, "\"hint\" is not a key a \"say\" step can "
	    "have"));
	assert_true(has_problem(p, "bad.yaml", 25, "write a sort check as"));
	assert_true(has_problem(p, "bad.yaml", 27, "needs quotes"));
	assert_true(has_problem(p, "bad.yaml", 23, "the last step should be a \"finish\""));
	/* err has the first */
	assert_int_equal(err.code, LT_EFORMAT);
	assert_true(tc_contains(err.msg, "bad.yaml:1: \"titel\""));
	lt_buf_free(&pb);

	/* not YAML at all: the line of the problem */
	t = load_text("broken.yaml", "title: x\nsteps:\n  - say: [unclosed\n", &pb, &err);
	assert_null(t);
	assert_true(tc_contains(err.msg, "broken.yaml:"));
	assert_true(tc_contains(err.msg, "not valid YAML"));
	lt_buf_free(&pb);

	/* empty, and a list instead of a map */
	t = load_text("empty.yaml", "", &pb, &err);
	assert_null(t);
	assert_true(tc_contains(err.msg, "empty.yaml:1: the file is empty"));
	lt_buf_free(&pb);
	t = load_text("list.yaml", "- a\n- b\n", NULL, &err);
	assert_null(t);
	assert_true(tc_contains(err.msg, "list.yaml:1: a tutorial is a map"));

	/* a file that is not there */
	t = lt_tutorial_load("/nonexistent/x.yaml", NULL, &err);
	assert_null(t);
	assert_int_equal(err.code, LT_ENOENT);
}

static void
test_check_data(void **state)
{
	lt_session *s = tc_group_session(NULL, NULL);
	lt_buf pb = LT_BUF_INIT;
	lt_error err;
	lt_tutorial *t = load_text("data.yaml", data_yaml, NULL, &err);
	const char *p;
	char *cmd;

	(void)state;
	assert_non_null(s);
	if (t == NULL)
		print_error("%s\n", err.msg);
	assert_non_null(t);
	assert_int_equal(lt_tutorial_check_data(t, s, &pb), 5);
	p = lt_buf_str(&pb);
	assert_true(has_problem(p, "data.yaml", 8, "cohort has no column \"bmj\" (did you "
	    "mean \"bmi\"?)"));
	assert_true(has_problem(p, "data.yaml", 9, "the filter \"agee > 3\" does not work on "
	    "cohort"));
	assert_true(has_problem(p, "data.yaml", 10, "cohort has no column \"height\""));
	/* step 2 opens anscombe: its checks are about anscombe's columns */
	assert_true(has_problem(p, "data.yaml", 14, "anscombe has no column \"deaths\""));
	assert_true(has_problem(p, "data.yaml", 15, "no dataset called \"nosuchdata\""));
	lt_tutorial_free(t);
	lt_buf_free(&pb);

	/* the command: every problem in the error, and status */
	cmd = lt_sprintf("tutorial check %s/data.yaml", dir);
	assert_int_not_equal(lt_session_run(s, cmd, NULL, NULL, NULL, &err), 0);
	assert_int_equal(err.code, LT_EFORMAT);
	assert_true(tc_contains(err.msg, "5 problems"));
	assert_true(tc_contains(err.msg, "data.yaml:8:"));
	assert_true(tc_contains(err.msg, "data.yaml:15:"));
	free(cmd);
	cmd = lt_sprintf("tutorial check %s/old-and-young.yaml", dir);
	free(tc_write_in(dir, "old-and-young.yaml", good_yaml));
	tc_run(s, cmd, NULL, NULL);
	free(cmd);
	lt_session_free(s);
}

/* A tutor on checks_yaml in a new session on the group's catalog. */
static lt_tutor *
checks_tutor(lt_session **s)
{
	lt_error err;
	lt_tutorial *t = load_text("checks.yaml", checks_yaml, NULL, &err);

	if (t == NULL)
		print_error("%s\n", err.msg);
	assert_non_null(t);
	*s = tc_group_session(NULL, NULL);
	assert_non_null(*s);
	return lt_tutor_new(*s, t);
}

static void
run(lt_session *s, const char *text)
{
	tc_run(s, text, NULL, NULL);
}

static void
test_checks(void **state)
{
	lt_session *s;
	lt_tutor *tu = checks_tutor(&s);

	(void)state;
	/* dataset */
	assert_int_equal(lt_tutor_current(tu), 0);
	assert_false(lt_tutor_done(tu));
	run(s, "open anscombe");
	assert_false(lt_tutor_done(tu));
	run(s, "open cohort");
	assert_true(lt_tutor_done(tu));
	/* filter */
	assert_true(lt_tutor_next(tu));
	assert_false(lt_tutor_done(tu));
	run(s, "filter age >= 66");
	assert_false(lt_tutor_done(tu));
	run(s, "filter age >= 65 and sex = female");
	assert_false(lt_tutor_done(tu));
	run(s, "filter age >= 65");
	assert_true(lt_tutor_done(tu));
	/* filter: off */
	assert_true(lt_tutor_next(tu));
	assert_false(lt_tutor_done(tu));
	run(s, "filter off");
	assert_true(lt_tutor_done(tu));
	/* sort: bmi desc */
	assert_true(lt_tutor_next(tu));
	assert_false(lt_tutor_done(tu));
	run(s, "sort bmi");
	assert_false(lt_tutor_done(tu));
	run(s, "sort sbp desc");
	assert_false(lt_tutor_done(tu));
	run(s, "sort bmi desc");
	assert_true(lt_tutor_done(tu));
	/* sort: sbp, either way */
	assert_true(lt_tutor_next(tu));
	assert_false(lt_tutor_done(tu));
	run(s, "sort sbp desc");
	assert_true(lt_tutor_done(tu));
	run(s, "sort sbp");
	assert_true(lt_tutor_done(tu));
	/* ran: crosstab, only since the step began */
	run(s, "crosstab smoking by heart_attack");
	assert_true(lt_tutor_next(tu));
	assert_false(lt_tutor_done(tu));
	run(s, "crosstab smoking by diabetes");
	assert_false(lt_tutor_done(tu));
	run(s, "freq smoking");
	assert_false(lt_tutor_done(tu));
	run(s, "crosstab smoking by heart_attack");
	assert_true(lt_tutor_done(tu));
	run(s, "describe bmi");		/* ran still holds after something else */
	assert_true(lt_tutor_done(tu));
	/* result: plot hist bmi is the last result */
	assert_true(lt_tutor_next(tu));
	assert_false(lt_tutor_done(tu));
	run(s, "plot hist sbp");
	assert_false(lt_tutor_done(tu));
	run(s, "plot box bmi by sex");
	assert_false(lt_tutor_done(tu));
	run(s, "plot hist bmi");
	assert_true(lt_tutor_done(tu));
	run(s, "describe bmi");
	assert_false(lt_tutor_done(tu));
	run(s, "plot hist BMI");	/* columns are found whatever their case */
	assert_true(lt_tutor_done(tu));
	/* posted: a preview is not a post */
	assert_true(lt_tutor_next(tu));
	assert_false(lt_tutor_done(tu));
	run(s, "describe bmi; post \"BMI\" \"Most people are near 27.\" --preview");
	assert_false(lt_tutor_done(tu));
	run(s, "post \"BMI\" \"Most people are near 27.\"");
	assert_true(lt_tutor_done(tu));
	/* any */
	assert_true(lt_tutor_next(tu));
	assert_false(lt_tutor_done(tu));
	run(s, "describe bmi");
	assert_false(lt_tutor_done(tu));
	run(s, "compare bmi by sex");
	assert_true(lt_tutor_done(tu));
	/* sort: off */
	assert_true(lt_tutor_next(tu));
	assert_false(lt_tutor_done(tu));
	run(s, "sort off");
	assert_true(lt_tutor_done(tu));
	/* ran: plot, of any kind */
	assert_true(lt_tutor_next(tu));
	assert_false(lt_tutor_done(tu));
	run(s, "describe bmi");
	assert_false(lt_tutor_done(tu));
	run(s, "plot scatter bmi sbp");
	assert_true(lt_tutor_done(tu));
	/* finish: always done; no step after it */
	assert_true(lt_tutor_next(tu));
	assert_int_equal(lt_tutor_current(tu), 11);
	assert_true(lt_tutor_done(tu));
	assert_false(lt_tutor_next(tu));
	assert_int_equal(lt_tutor_current(tu), 11);
	lt_tutor_free(tu);
	lt_session_free(s);
}

/* Several ways to the same state all pass. */
static void
test_paths(void **state)
{
	static const char *const filters[] = {
		"age > 64", "age >= 65", "not (age < 65)", "age between 65 and 200",
		"age >= 65 or age >= 70", NULL
	};
	lt_session *s;
	lt_tutor *tu = checks_tutor(&s);

	(void)state;
	run(s, "open cohort");
	assert_true(lt_tutor_next(tu));
	for (size_t i = 0; filters[i] != NULL; i++) {
		char *cmd = lt_sprintf("filter %s", filters[i]);

		run(s, cmd);
		if (!lt_tutor_done(tu))
			print_error("\"%s\" should pass for age >= 65\n", filters[i]);
		assert_true(lt_tutor_done(tu));
		free(cmd);
	}
	run(s, "filter age > 65");
	assert_false(lt_tutor_done(tu));
	run(s, "filter off");
	/* the crosstab either way round */
	while (lt_tutor_current(tu) < 5)
		assert_true(lt_tutor_next(tu));
	run(s, "crosstab heart_attack by smoking");
	assert_true(lt_tutor_done(tu));
	lt_tutor_begin_step(tu);
	assert_false(lt_tutor_done(tu));
	run(s, "crosstab smoking by heart_attack");
	assert_true(lt_tutor_done(tu));
	/* or through the guide, which chooses a crosstab for two categories */
	lt_tutor_begin_step(tu);
	run(s, "guide link smoking heart_attack");
	assert_true(lt_tutor_done(tu));
	/* a histogram on screen, when the guide describes a number */
	assert_true(lt_tutor_next(tu));
	run(s, "guide describe bmi");
	assert_true(lt_tutor_done(tu));
	lt_tutor_free(tu);
	lt_session_free(s);
}

/* "Show me" does each step; a say or ask step has nothing to show. */
static void
test_show(void **state)
{
	lt_session *s;
	lt_tutor *tu = checks_tutor(&s);
	lt_error err;

	(void)state;
	do {
		assert_int_equal(lt_tutor_show(tu, s, &err), 0);
		assert_true(lt_tutor_done(tu));
	} while (lt_tutor_next(tu) && lt_tutor_current(tu) < 11);
	assert_int_not_equal(lt_tutor_show(tu, s, &err), 0);
	assert_true(tc_contains(err.msg, "nothing to show"));
	lt_tutor_free(tu);
	lt_session_free(s);
}

/* A tutor on good_yaml at its first question. */
static lt_tutor *
good_tutor(lt_session **s)
{
	lt_error err;
	lt_tutorial *t = load_text("old-and-young.yaml", good_yaml, NULL, &err);
	lt_tutor *tu;

	assert_non_null(t);
	*s = tc_group_session(NULL, NULL);
	assert_non_null(*s);
	tu = lt_tutor_new(*s, t);
	return tu;
}

static void
test_answers(void **state)
{
	lt_session *s;
	lt_tutor *tu = good_tutor(&s);
	lt_buf sum = LT_BUF_INIT;
	char *fb;

	(void)state;
	/* not a question */
	assert_false(lt_tutor_answer(tu, "Green", &fb));
	assert_true(tc_contains(fb, "not a question"));
	free(fb);
	while (lt_tutor_current(tu) < 3)
		assert_true(lt_tutor_next(tu));
	/* a choice: by text, number or letter */
	assert_false(lt_tutor_done(tu));
	assert_false(lt_tutor_answer(tu, "Red", &fb));
	assert_true(tc_contains(fb, "Not quite"));
	free(fb);
	assert_false(lt_tutor_answer(tu, "Purple", &fb));
	assert_true(tc_contains(fb, "1 to 3"));
	free(fb);
	assert_false(lt_tutor_answer(tu, "c", &fb));
	free(fb);
	assert_false(lt_tutor_done(tu));
	assert_true(lt_tutor_answer(tu, "  green ", &fb));
	assert_string_equal(fb, "That's right.");
	free(fb);
	assert_true(lt_tutor_answer(tu, "2", &fb));
	free(fb);
	assert_true(lt_tutor_answer(tu, "B", &fb));
	free(fb);
	assert_true(lt_tutor_done(tu));
	/* a number within the tolerance, and outside it */
	assert_true(lt_tutor_next(tu));
	assert_false(lt_tutor_answer(tu, "1006", &fb));
	assert_true(tc_contains(fb, "too high"));
	free(fb);
	assert_false(lt_tutor_answer(tu, "994", &fb));
	assert_true(tc_contains(fb, "too low"));
	free(fb);
	assert_false(lt_tutor_answer(tu, "many", &fb));
	assert_true(tc_contains(fb, "Type a number"));
	free(fb);
	assert_false(lt_tutor_done(tu));
	assert_true(lt_tutor_answer(tu, "1,004", &fb));
	assert_string_equal(fb, "Yes!");	/* the step's praise */
	free(fb);
	assert_true(lt_tutor_answer(tu, "995", &fb));
	free(fb);
	assert_true(lt_tutor_done(tu));
	/* a reflection: empty is refused, words are kept */
	assert_true(lt_tutor_next(tu));
	assert_false(lt_tutor_answer(tu, "   ", &fb));
	assert_true(tc_contains(fb, "own words"));
	free(fb);
	assert_false(lt_tutor_done(tu));
	assert_true(lt_tutor_answer(tu, "Older people have stiffer arteries.", &fb));
	free(fb);
	assert_true(lt_tutor_done(tu));
	lt_tutor_summary(tu, &sum);
	assert_true(tc_contains(lt_buf_str(&sum), "Old and young"));
	assert_true(tc_contains(lt_buf_str(&sum), "You wrote: Older people have stiffer "
	    "arteries."));
	assert_true(tc_contains(lt_buf_str(&sum), "Your answer: Green"));
	assert_true(tc_contains(lt_buf_str(&sum), "Your answer: 995"));
	lt_buf_free(&sum);
	lt_tutor_free(tu);
	lt_session_free(s);
}

static void
test_hints(void **state)
{
	lt_session *s;
	lt_tutor *tu = good_tutor(&s);

	(void)state;
	assert_null(lt_tutor_hint(tu));		/* a say step without hints */
	assert_true(lt_tutor_next(tu));
	assert_string_equal(lt_tutor_hint(tu), "First hint.");
	assert_string_equal(lt_tutor_hint(tu), "Second hint.");
	assert_string_equal(lt_tutor_hint(tu), "First hint.");
	/* a new step starts from its first hint */
	lt_tutor_begin_step(tu);
	assert_string_equal(lt_tutor_hint(tu), "First hint.");
	assert_true(lt_tutor_next(tu));
	assert_null(lt_tutor_hint(tu));
	lt_tutor_free(tu);
	lt_session_free(s);
}

static void
test_progress(void **state)
{
	lt_session *s;
	lt_tutor *tu = good_tutor(&s);
	lt_buf sum = LT_BUF_INIT;
	lt_error err;
	char *fb;
	long step;

	(void)state;
	/* nothing saved yet: resume stays at the start */
	assert_int_equal(lt_tutor_resume(tu, &err), 0);
	assert_int_equal(lt_tutor_current(tu), 0);
	while (lt_tutor_current(tu) < 3)
		assert_true(lt_tutor_next(tu));
	assert_true(lt_tutor_answer(tu, "Green", &fb));
	free(fb);
	assert_true(lt_tutor_next(tu));
	assert_true(lt_tutor_next(tu));
	assert_true(lt_tutor_answer(tu, "I think so.", &fb));
	free(fb);
	assert_int_equal(lt_tutor_save(tu, &err), 0);
	assert_int_equal(lt_tutorial_progress(s, "old-and-young", &step), 1);
	assert_int_equal(step, 5);
	lt_tutor_free(tu);
	lt_session_free(s);

	/* another session: resume at step 5 with the answers kept */
	tu = good_tutor(&s);
	assert_int_equal(lt_tutor_current(tu), 0);
	assert_int_equal(lt_tutor_resume(tu, &err), 0);
	assert_int_equal(lt_tutor_current(tu), 5);
	assert_true(lt_tutor_done(tu));		/* the reflection was answered */
	lt_tutor_summary(tu, &sum);
	assert_true(tc_contains(lt_buf_str(&sum), "You wrote: I think so."));
	assert_true(tc_contains(lt_buf_str(&sum), "Your answer: Green"));
	lt_buf_reset(&sum);
	/* restart: back to the first step, answers gone */
	lt_tutor_restart(tu);
	assert_int_equal(lt_tutor_current(tu), 0);
	lt_tutor_summary(tu, &sum);
	assert_true(tc_contains(lt_buf_str(&sum), "not answered any"));
	assert_int_equal(lt_tutor_save(tu, &err), 0);
	assert_int_equal(lt_tutorial_progress(s, "old-and-young", &step), 1);
	assert_int_equal(step, 0);
	lt_buf_free(&sum);
	lt_tutor_free(tu);
	lt_session_free(s);
}

static void
test_list(void **state)
{
	char *sub = tc_path(dir, "list");
	char **v;
	char *p;

	(void)state;
	assert_int_equal(mkdir(sub, 0700), 0);
	free(tc_write_in(sub, "b.yaml", good_yaml));
	free(tc_write_in(sub, "a.yaml", good_yaml));
	free(tc_write_in(sub, "notes.txt", "x"));
	free(tc_write_in(sub, ".hidden.yaml", "x"));
	v = lt_tutorial_list(sub);
	p = tc_path(sub, "a.yaml");
	assert_string_equal(v[0], p);
	free(p);
	p = tc_path(sub, "b.yaml");
	assert_string_equal(v[1], p);
	free(p);
	assert_null(v[2]);
	lt_strv_free(v);
	v = lt_tutorial_list("/nonexistent");
	assert_null(v[0]);
	lt_strv_free(v);
	free(sub);
}

/* The tutorial command: list, replay (passing and failing), restart. */
static void
test_command(void **state)
{
	lt_session *s = tc_group_session(NULL, NULL);
	char *sub = tc_path(dir, "cmd");
	char *cmd, *failing;
	lt_error err;
	tc_seen seen;
	long step;

	(void)state;
	memset(&seen, 0, sizeof seen);
	assert_int_equal(mkdir(sub, 0700), 0);
	free(tc_write_in(sub, "checks.yaml", checks_yaml));
	free(tc_write_in(sub, "broken.yaml", "title: [\n"));
	setenv("LANTERN_TUTORIALS", sub, 1);
	tc_run(s, "tutorial list", tc_seen_emit, &seen);
	assert_true(tc_contains(seen.headline, "1 tutorial is ready, and 1 with problems"));
	assert_int_equal(seen.t[0].nrows, 2);
	/* replay by name: every step passes */
	tc_run(s, "tutorial replay checks", tc_seen_emit, &seen);
	assert_true(tc_contains(seen.headline, "All 12 steps of \"Checks\" pass."));
	/* a step whose "show me" does not do what it checks */
	failing = lt_strdup(checks_yaml);
	memcpy(strstr(failing, "show: filter age >= 65"), "show: filter age >= 60", 22);
	free(tc_write_in(sub, "failing.yaml", failing));
	free(failing);
	assert_int_not_equal(lt_session_run(s, "tutorial replay failing", NULL, NULL, NULL,
	    &err), 0);
	assert_true(tc_contains(err.msg, "failing:9: step 2 does not pass"));
	assert_true(tc_contains(err.msg, "selects other rows than \"age >= 65\""));
	/* a path works too, and a missing name says what to do */
	cmd = lt_sprintf("tutorial replay %s/checks.yaml", sub);
	tc_run(s, cmd, NULL, NULL);
	free(cmd);
	assert_int_not_equal(lt_session_run(s, "tutorial replay nosuch", NULL, NULL, NULL,
	    &err), 0);
	assert_true(tc_contains(err.msg, "no tutorial called \"nosuch\""));
	assert_int_not_equal(lt_session_run(s, "tutorial frobnicate", NULL, NULL, NULL,
	    &err), 0);
	assert_true(tc_contains(err.msg, "tutorial takes list"));
	/* restart saves step 0; list shows it */
	tc_run(s, "tutorial restart checks", tc_seen_emit, &seen);
	assert_int_equal(lt_tutorial_progress(s, "checks", &step), 1);
	assert_int_equal(step, 0);
	unsetenv("LANTERN_TUTORIALS");
	tc_seen_clear(&seen);
	free(sub);
	lt_session_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_load_good),
		cmocka_unit_test(test_load_bad),
		cmocka_unit_test(test_check_data),
		cmocka_unit_test(test_checks),
		cmocka_unit_test(test_paths),
		cmocka_unit_test(test_show),
		cmocka_unit_test(test_answers),
		cmocka_unit_test(test_hints),
		cmocka_unit_test(test_progress),
		cmocka_unit_test(test_list),
		cmocka_unit_test(test_command),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
