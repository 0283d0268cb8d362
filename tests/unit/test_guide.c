/*
 * test_guide.c - unit tests for guided explorations: the choice of
 * analysis for every goal and kind of column (small and big groups,
 * lopsided or not, yes/no outcomes, too few or too many groups, dates,
 * text, rates), the wizard's questions (on cohort, nightingale and a
 * dataset with nothing to pick), every "guide" command run once on cohort
 * with its result posted and re-run from its recipe, and the TUI's g key
 * driven through a headless app.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "guide.h"
#include "ui_common.h"

/* ------------------------------------------------------------ the choice */

#define N	LT_GK_NUMBER
#define C	LT_GK_CATEGORY
#define Y	LT_GK_YESNO
#define D	LT_GK_DATE
#define T	LT_GK_TEXT
#define NC	(LT_GK_NUMBER | 0x100)	/* a number that counts things */

/* A column for a case: name, kind (NC: a number that counts), levels, skewness. */
typedef struct cv {
	const char *name;
	int kind;
	size_t levels;
	double skew;
} cv;

typedef struct gcase {
	const char *what;	/* what the case checks */
	int goal;
	cv v[4];		/* ended by a NULL name */
	const char *per;
	double group_min, group_skew;
	int small_expected;
	double events;		/* of v[0] when yes/no; NaN: unknown */
	const char *analysis;	/* NULL: the guide refuses */
	const char *chart;	/* NULL: no chart */
	const char *says;	/* in a reason (or in the error) */
	int err_at;		/* the column the error is about (-1: none) */
} gcase;

#define U	NAN

static const gcase cases[] = {
	/* describe */
	{ "a number", LT_GOAL_DESCRIBE, { { "bmi", N, 0, 0.5 } }, NULL, U, U, 0, U,
	  "describe bmi", "plot hist bmi", "should be close", -1 },
	{ "a lopsided number", LT_GOAL_DESCRIBE, { { "steps", N, 0, 1.8 } }, NULL, U, U, 0, U,
	  "describe steps", "plot hist steps", "median is a better guide", -1 },
	{ "a category", LT_GOAL_DESCRIBE, { { "smoking", C, 3, U } }, NULL, U, U, 0, U,
	  "freq smoking", "plot bar smoking", "counts the people in each", -1 },
	{ "a yes/no", LT_GOAL_DESCRIBE, { { "diabetes", Y, 2, U } }, NULL, U, U, 0, U,
	  "freq diabetes", "plot bar diabetes", "bar chart", -1 },
	{ "a date", LT_GOAL_DESCRIBE, { { "first_admission", D, 0, U } }, NULL, U, U, 0, U,
	  "describe first_admission", "plot line first_admission", "earliest and latest",
	  -1 },
	{ "text", LT_GOAL_DESCRIBE, { { "country", T, 0, U } }, NULL, U, U, 0, U,
	  NULL, NULL, "does not analyse", 0 },
	{ "two columns", LT_GOAL_DESCRIBE, { { "bmi", N, 0, U }, { "sbp", N, 0, U } }, NULL,
	  U, U, 0, U, NULL, NULL, "guide link", 1 },
	{ "a rate", LT_GOAL_DESCRIBE, { { "disease", N, 0, U } }, "army_size", U, U, 0, U,
	  "rate disease per army_size per 1000", NULL, "exact", -1 },
	{ "a rate of a category", LT_GOAL_DESCRIBE, { { "sex", C, 2, U } }, "count", U, U, 0,
	  U, NULL, NULL, "not a number", 0 },
	/* compare */
	{ "two big even groups", LT_GOAL_COMPARE, { { "sbp", N, 0, 0.2 }, { "sex", Y, 2, U } },
	  NULL, 9000, 0.3, 0, U, "compare sbp by sex", "plot box sbp by sex",
	  "fair summary", -1 },
	{ "two small lopsided groups", LT_GOAL_COMPARE, { { "steps", N, 0, 2 },
	  { "sex", Y, 2, U } }, NULL, 12, 1.9, 0, U, "compare steps by sex",
	  "plot box steps by sex", "rank test (Mann-Whitney) matters here", -1 },
	{ "two big lopsided groups", LT_GOAL_COMPARE, { { "steps", N, 0, 2 },
	  { "sex", Y, 2, U } }, NULL, 9000, 1.9, 0, U, "compare steps by sex",
	  "plot box steps by sex", "the groups are big", -1 },
	{ "two small even groups", LT_GOAL_COMPARE, { { "sbp", N, 0, 0 },
	  { "sex", Y, 2, U } }, NULL, 10, 0.1, 0, U, "compare sbp by sex",
	  "plot box sbp by sex", "Some groups are small", -1 },
	{ "a two-valued category", LT_GOAL_COMPARE, { { "sbp", N, 0, 0 },
	  { "grp", C, 2, U } }, NULL, 500, 0.1, 0, U, "compare sbp by grp",
	  "plot box sbp by grp", "Welch's t-test", -1 },
	{ "several groups", LT_GOAL_COMPARE, { { "sbp", N, 0, 0 }, { "smoking", C, 3, U } },
	  NULL, 2000, 0.2, 0, U, "compare sbp by smoking", "plot box sbp by smoking",
	  "Welch's ANOVA", -1 },
	{ "several small lopsided groups", LT_GOAL_COMPARE, { { "steps", N, 0, 2 },
	  { "region", C, 9, U } }, NULL, 5, 2.5, 0, U, "compare steps by region",
	  "plot box steps by region", "rank test (Kruskal-Wallis) matters here", -1 },
	{ "the groups first", LT_GOAL_COMPARE, { { "sex", Y, 2, U }, { "sbp", N, 0, 0 } },
	  NULL, 9000, 0.2, 0, U, "compare sbp by sex", "plot box sbp by sex",
	  "sbp is the number here", -1 },
	{ "a yes/no between groups", LT_GOAL_COMPARE, { { "heart_attack", Y, 2, U },
	  { "smoking", C, 3, U } }, NULL, U, U, 0, U, "crosstab smoking by heart_attack",
	  NULL, "risk ratio", -1 },
	{ "small expected counts", LT_GOAL_COMPARE, { { "stroke", Y, 2, U },
	  { "region", C, 9, U } }, NULL, U, U, 1, U, "crosstab region by stroke", NULL,
	  "Fisher's exact test instead", -1 },
	{ "a table of two by two", LT_GOAL_COMPARE, { { "stroke", Y, 2, U },
	  { "sex", Y, 2, U } }, NULL, U, U, 0, U, "crosstab sex by stroke", NULL,
	  "two rows and two columns", -1 },
	{ "two numbers", LT_GOAL_COMPARE, { { "bmi", N, 0, 0 }, { "age", N, 0, 0 } }, NULL,
	  U, U, 0, U, "correlate bmi with age", "plot scatter bmi age",
	  "not a set of groups", -1 },
	{ "one group", LT_GOAL_COMPARE, { { "sbp", N, 0, 0 }, { "sex", Y, 1, U } }, NULL,
	  U, U, 0, U, NULL, NULL, "only one value", 1 },
	{ "too many groups", LT_GOAL_COMPARE, { { "sbp", N, 0, 0 }, { "town", C, 300, U } },
	  NULL, U, U, 0, U, NULL, NULL, "too many groups", 1 },
	{ "a date", LT_GOAL_COMPARE, { { "bmi", N, 0, 0 }, { "first_admission", D, 0, U } },
	  NULL, U, U, 0, U, NULL, NULL, "guide time first_admission", 1 },
	{ "one column", LT_GOAL_COMPARE, { { "sbp", N, 0, 0 } }, NULL, U, U, 0, U,
	  NULL, NULL, "two columns", -1 },
	{ "rates by group", LT_GOAL_COMPARE, { { "deaths", N, 0, U }, { "region", C, 9, U } },
	  "people", U, U, 0, U, "rate deaths per people by region per 1000", NULL,
	  "each group of region", -1 },
	{ "rates by a number", LT_GOAL_COMPARE, { { "deaths", N, 0, U }, { "age", N, 0, U } },
	  "people", U, U, 0, U, NULL, NULL, "not a set of groups", 1 },
	/* link */
	{ "two even numbers", LT_GOAL_LINK, { { "bmi", N, 0, 0.4 }, { "sbp", N, 0, 0.1 } },
	  NULL, U, U, 0, U, "correlate bmi with sbp", "plot scatter bmi sbp",
	  "Pearson's r is a fair measure", -1 },
	{ "a lopsided number", LT_GOAL_LINK, { { "bmi", N, 0, 0.4 }, { "steps", N, 0, 1.5 } },
	  NULL, U, U, 0, U, "correlate bmi with steps", "plot scatter bmi steps",
	  "steps is lopsided", -1 },
	{ "two categories", LT_GOAL_LINK, { { "heart_attack", Y, 2, U },
	  { "smoking", C, 3, U } }, NULL, U, U, 0, U, "crosstab smoking by heart_attack",
	  NULL, "chi-square", -1 },
	{ "a number and groups", LT_GOAL_LINK, { { "bmi", N, 0, 0 }, { "region", C, 9, U } },
	  NULL, 500, 0.2, 0, U, "compare bmi by region", "plot box bmi by region",
	  "difference between the groups", -1 },
	{ "groups and a number", LT_GOAL_LINK, { { "sex", Y, 2, U }, { "bmi", N, 0, 0 } },
	  NULL, 500, 0.2, 0, U, "compare bmi by sex", "plot box bmi by sex",
	  "difference between the groups", -1 },
	{ "a date", LT_GOAL_LINK, { { "first_admission", D, 0, U }, { "bmi", N, 0, 0 } },
	  NULL, U, U, 0, U, NULL, NULL, "guide time", 0 },
	{ "the same twice", LT_GOAL_LINK, { { "bmi", N, 0, 0 }, { "bmi", N, 0, 0 } },
	  NULL, U, U, 0, U, NULL, NULL, "named twice", 1 },
	/* time */
	{ "a date", LT_GOAL_TIME, { { "first_admission", D, 0, U } }, NULL, U, U, 0, U,
	  "plot line first_admission", NULL, "joins the counts", -1 },
	{ "a number alone", LT_GOAL_TIME, { { "bmi", N, 0, U } }, NULL, U, U, 0, U,
	  NULL, NULL, "is not a date", 0 },
	{ "a count over dates", LT_GOAL_TIME, { { "disease", NC, 0, U },
	  { "month", D, 24, U } }, NULL, U, U, 0, U, "plot line disease over month", NULL,
	  "adds up disease", -1 },
	{ "a count over years", LT_GOAL_TIME, { { "pop", NC, 0, U },
	  { "year", N, 11, U } }, NULL, U, U, 0, U, "plot line pop over year", NULL,
	  "joins the totals", -1 },
	/* a measurement is averaged, never added up */
	{ "a measurement over years", LT_GOAL_TIME, { { "life_expect", N, 0, U },
	  { "year", N, 11, U } }, NULL, U, U, 0, U, "describe life_expect by year", NULL,
	  "average for each year", -1 },
	{ "a measurement over dates", LT_GOAL_TIME, { { "weight", N, 0, U },
	  { "month", D, 24, U } }, NULL, U, U, 0, U, "describe weight by month", NULL,
	  "not a count", -1 },
	/* too many dates to follow one by one: count the people per period */
	{ "a measurement over many dates", LT_GOAL_TIME, { { "bmi", N, 0, U },
	  { "first_admission", D, 51, U } }, NULL, U, U, 0, U, "plot line first_admission",
	  NULL, "cannot yet take the average of bmi", -1 },
	{ "a count over many dates", LT_GOAL_TIME, { { "cases", NC, 0, U },
	  { "day", D, 51, U } }, NULL, U, U, 0, U, "plot line day", NULL,
	  "counts the people with a day", -1 },
	{ "a rate over many dates", LT_GOAL_TIME, { { "cases", NC, 0, U },
	  { "day", D, 51, U } }, "people", U, U, 0, U, "rate cases per people per 1000",
	  "plot line day", "in each day, month or year", -1 },
	/* too many values of a number: no time line, but a link */
	{ "a measurement over an age", LT_GOAL_TIME, { { "bmi", N, 0, U },
	  { "age", N, 51, U } }, NULL, U, U, 0, U, "correlate age with bmi",
	  "plot scatter age bmi", "too many to follow one by one", -1 },
	{ "a rate over an age", LT_GOAL_TIME, { { "deaths", NC, 0, U },
	  { "age", N, 51, U } }, "people", U, U, 0, U, NULL, NULL, "pick a date", 1 },
	{ "a rate over dates", LT_GOAL_TIME, { { "disease", NC, 0, U },
	  { "month", D, 24, U } }, "army_size", U, U, 0, U,
	  "rate disease per army_size per 1000", "plot line disease over month",
	  "rate per 1,000", -1 },
	{ "groups over dates", LT_GOAL_TIME, { { "sex", Y, 2, U }, { "month", D, 0, U } },
	  NULL, U, U, 0, U, NULL, NULL, "not a number", 0 },
	{ "a number over groups", LT_GOAL_TIME, { { "bmi", N, 0, U }, { "sex", Y, 2, U } },
	  NULL, U, U, 0, U, NULL, NULL, "not a date or a year", 1 },
	{ "three columns", LT_GOAL_TIME, { { "bmi", N, 0, U }, { "sbp", N, 0, U },
	  { "month", D, 0, U } }, NULL, U, U, 0, U, NULL, NULL, "over", 2 },
	/* predict */
	{ "a yes/no from numbers", LT_GOAL_PREDICT, { { "heart_attack", Y, 2, U },
	  { "age", N, 0, U }, { "smoking", C, 3, U } }, NULL, U, U, 0, 1000,
	  "regress heart_attack on age smoking", "plot box age by heart_attack",
	  "logistic regression", -1 },
	{ "a rare yes/no", LT_GOAL_PREDICT, { { "stroke", Y, 2, U }, { "age", N, 0, U },
	  { "region", C, 9, U } }, NULL, U, U, 0, 40, "regress stroke on age region",
	  "plot box age by stroke", "Few people have the outcome", -1 },
	{ "a yes/no from groups", LT_GOAL_PREDICT, { { "heart_attack", Y, 2, U },
	  { "smoking", C, 3, U } }, NULL, U, U, 0, 1000, "regress heart_attack on smoking",
	  NULL, "odds ratio", -1 },
	{ "a number from numbers", LT_GOAL_PREDICT, { { "sbp", N, 0, 0.1 },
	  { "age", N, 0, U }, { "bmi", N, 0, U } }, NULL, U, U, 0, U,
	  "regress sbp on age bmi", "plot scatter age sbp", "linear regression", -1 },
	{ "a number from groups", LT_GOAL_PREDICT, { { "sbp", N, 0, 0.1 },
	  { "sex", Y, 2, U } }, NULL, U, U, 0, U, "regress sbp on sex",
	  "plot box sbp by sex", "held fixed", -1 },
	{ "a lopsided number", LT_GOAL_PREDICT, { { "steps", N, 0, 2 }, { "age", N, 0, U } },
	  NULL, U, U, 0, U, "regress steps on age", "plot scatter age steps",
	  "steps is lopsided", -1 },
	{ "a category", LT_GOAL_PREDICT, { { "smoking", C, 3, U }, { "age", N, 0, U } }, NULL,
	  U, U, 0, U, NULL, NULL, "more than two values", 0 },
	{ "no columns to explain it", LT_GOAL_PREDICT, { { "sbp", N, 0, U } }, NULL, U, U, 0,
	  U, NULL, NULL, "explain it", -1 },
	{ "a date to explain it", LT_GOAL_PREDICT, { { "sbp", N, 0, U },
	  { "first_admission", D, 0, U } }, NULL, U, U, 0, U, NULL, NULL, "is a date", 1 },
	{ "text to explain it", LT_GOAL_PREDICT, { { "life", N, 0, U },
	  { "country", T, 0, U } }, NULL, U, U, 0, U, NULL, NULL, "text", 1 },
	{ "too many groups to explain it", LT_GOAL_PREDICT, { { "sbp", N, 0, U },
	  { "town", C, 300, U } }, NULL, U, U, 0, U, NULL, NULL, "too many groups", 1 },
	/* no goal */
	{ "no such goal", LT_GOAL_COUNT, { { "bmi", N, 0, U } }, NULL, U, U, 0, U,
	  NULL, NULL, "no such goal", -1 },
	{ "no columns", LT_GOAL_DESCRIBE, { { NULL, 0, 0, 0 } }, NULL, U, U, 0, U,
	  NULL, NULL, "which columns", -1 },
};

/* Every case: the commands chosen (or the refusal) and a reason. */
static void
test_choose(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const gcase *c = &cases[i];
		lt_guide_in in;
		lt_guide_plan p;
		lt_error err;
		int rc, found = 0;

		memset(&in, 0, sizeof in);
		in.goal = c->goal;
		for (size_t j = 0; j < 4 && c->v[j].name != NULL; j++) {
			in.v[j].name = c->v[j].name;
			in.v[j].kind = c->v[j].kind & 0xff;
			in.v[j].levels = c->v[j].levels;
			in.v[j].skew = c->v[j].skew;
			in.v[j].count = (c->v[j].kind & 0x100) != 0;
			in.v[j].n = 1000;
			in.v[j].events = j == 0 ? c->events : NAN;
			in.nv++;
		}
		in.per = c->per;
		in.group_min = c->group_min;
		in.group_skew = c->group_skew;
		in.small_expected = c->small_expected;
		lt_err_clear(&err);
		rc = lt_guide_choose(&in, &p, &err);
		if ((rc == 0) != (c->analysis != NULL)) {
			print_error("%s of %s: %s\n", lt_guide_goal_name(c->goal), c->what,
			    rc == 0 ? p.analysis : err.msg);
			fail();
		}
		if (rc != 0) {
			if (!tc_contains(err.msg, c->says))
				fail_msg("%s of %s", lt_guide_goal_name(c->goal), c->what);
			if (err.pos != c->err_at)
				fail_msg("%s of %s: the error is about column %d, not %d",
				    lt_guide_goal_name(c->goal), c->what, err.pos, c->err_at);
			continue;
		}
		assert_string_equal(p.analysis, c->analysis);
		if (c->chart == NULL && p.chart != NULL)
			fail_msg("%s of %s: a chart \"%s\"", lt_guide_goal_name(c->goal), c->what,
			    p.chart);
		if (c->chart != NULL)
			assert_string_equal(p.chart != NULL ? p.chart : "(none)", c->chart);
		/* the averages of "describe Y by X" are drawn as a line */
		assert_int_equal(p.line_of_means, strncmp(p.analysis, "describe ", 9) == 0 &&
		    strstr(p.analysis, " by ") != NULL);
		assert_non_null(p.what);
		assert_true(p.why.n > 0);
		for (size_t k = 0; k < p.why.n; k++)
			found |= strstr(p.why.v[k], c->says) != NULL;
		if (!found) {
			for (size_t k = 0; k < p.why.n; k++)
				print_error("  %s\n", p.why.v[k]);
			fail_msg("%s of %s: no reason says \"%s\"", lt_guide_goal_name(c->goal),
			    c->what, c->says);
		}
		lt_guide_plan_clear(&p);
	}
}

/* Goals by name and prefix; kinds from a dictionary. */
static void
test_goals_kinds(void **state)
{
	lt_session *s = tc_group_session("open cohort", NULL);
	const lt_dataset *d;

	(void)state;
	assert_int_equal(lt_guide_goal_parse("compare"), LT_GOAL_COMPARE);
	assert_int_equal(lt_guide_goal_parse("PRED"), LT_GOAL_PREDICT);
	assert_int_equal(lt_guide_goal_parse("x"), -1);
	assert_int_equal(lt_guide_goal_parse(""), -1);
	assert_null(lt_guide_goal_name(LT_GOAL_COUNT));
	assert_non_null(s);
	d = lt_session_dataset(s);
	assert_int_equal(lt_guide_kind_of(d, (size_t)lt_dataset_var_index(d, "bmi")), N);
	assert_int_equal(lt_guide_kind_of(d, (size_t)lt_dataset_var_index(d, "sex")), Y);
	assert_int_equal(lt_guide_kind_of(d, (size_t)lt_dataset_var_index(d, "region")), C);
	assert_int_equal(lt_guide_kind_of(d,
	    (size_t)lt_dataset_var_index(d, "first_admission")), D);
	lt_session_free(s);
}

/* ------------------------------------------------------------ the wizard */

/* Answer the wizard's question with the choice starting "name " (or "name"). */
static void
answer(lt_guide_wizard *w, const char *name)
{
	const lt_guide_question *q = lt_guide_wizard_question(w);
	size_t n = strlen(name);
	lt_error err;

	assert_non_null(q);
	for (size_t i = 0; i < q->nchoices; i++)
		if (strncmp(q->choices[i], name, n) == 0 &&
		    (q->choices[i][n] == ' ' || q->choices[i][n] == '\0')) {
			assert_int_equal(lt_guide_wizard_answer(w, (int)i, &err), 0);
			return;
		}
	fail_msg("\"%s\" is not a choice of \"%s\"", name, q->text);
}

static void
skip_q(lt_guide_wizard *w)
{
	lt_error err;

	assert_true(lt_guide_wizard_question(w)->can_skip);
	assert_int_equal(lt_guide_wizard_answer(w, -1, &err), 0);
}

/* Does the question offer name? */
static int
offers(lt_guide_wizard *w, const char *name)
{
	const lt_guide_question *q = lt_guide_wizard_question(w);

	for (size_t i = 0; i < q->nchoices; i++)
		if (strncmp(q->choices[i], name, strlen(name)) == 0)
			return 1;
	return 0;
}

static void
test_wizard_cohort(void **state)
{
	lt_session *s = tc_group_session("open cohort", NULL);
	const lt_dataset *d;
	const lt_guide_question *q;
	lt_guide_wizard *w;
	lt_error err;

	(void)state;
	assert_non_null(s);
	d = lt_session_dataset(s);
	/* compare: the labels and units are shown; only groups make groups */
	w = lt_guide_wizard_new(d);
	q = lt_guide_wizard_question(w);
	assert_string_equal(q->text, "What do you want to find out?");
	assert_int_equal(q->nchoices, LT_GOAL_COUNT);
	assert_false(q->can_skip);
	assert_int_equal(lt_guide_wizard_answer(w, -1, &err), LT_EINVAL);
	assert_int_equal(lt_guide_wizard_answer(w, 9, &err), LT_EINVAL);
	assert_int_equal(lt_guide_wizard_answer(w, LT_GOAL_COMPARE, &err), 0);
	assert_true(offers(w, "sbp - Systolic blood pressure (mmHg)"));
	assert_false(offers(w, "first_admission"));
	answer(w, "sbp");
	assert_false(offers(w, "bmi"));
	assert_false(offers(w, "sbp"));
	answer(w, "sex");
	assert_null(lt_guide_wizard_question(w));
	assert_string_equal(lt_guide_wizard_command(w), "guide compare sbp by sex");
	assert_int_equal(lt_guide_wizard_answer(w, 0, &err), LT_EINVAL);
	lt_guide_wizard_free(w);
	/* predict: columns until "no more" */
	w = lt_guide_wizard_new(d);
	assert_int_equal(lt_guide_wizard_answer(w, LT_GOAL_PREDICT, &err), 0);
	assert_false(offers(w, "smoking"));	/* three values: not an outcome */
	answer(w, "heart_attack");
	assert_false(lt_guide_wizard_question(w)->can_skip);
	answer(w, "age");
	answer(w, "smoking");
	answer(w, "sex");
	skip_q(w);
	assert_string_equal(lt_guide_wizard_command(w),
	    "guide predict heart_attack from age smoking sex");
	lt_guide_wizard_free(w);
	/* time: a date alone counts people */
	w = lt_guide_wizard_new(d);
	assert_int_equal(lt_guide_wizard_answer(w, LT_GOAL_TIME, &err), 0);
	answer(w, "first_admission");
	skip_q(w);
	assert_string_equal(lt_guide_wizard_command(w), "guide time first_admission");
	lt_guide_wizard_free(w);
	/* describe and link; no rate question on data about people */
	w = lt_guide_wizard_new(d);
	assert_int_equal(lt_guide_wizard_answer(w, LT_GOAL_DESCRIBE, &err), 0);
	answer(w, "steps");
	assert_string_equal(lt_guide_wizard_command(w), "guide describe steps");
	lt_guide_wizard_free(w);
	w = lt_guide_wizard_new(d);
	assert_int_equal(lt_guide_wizard_answer(w, LT_GOAL_LINK, &err), 0);
	answer(w, "bmi");
	answer(w, "sbp");
	assert_string_equal(lt_guide_wizard_command(w), "guide link bmi sbp");
	lt_guide_wizard_free(w);
	lt_session_free(s);
}

/* Counts of events in aggregated data: the wizard offers a rate. */
static void
test_wizard_rates(void **state)
{
	lt_session *s = tc_group_session("open nightingale", NULL);
	lt_guide_wizard *w;
	lt_error err;

	(void)state;
	assert_non_null(s);
	w = lt_guide_wizard_new(lt_session_dataset(s));
	assert_int_equal(lt_guide_wizard_answer(w, LT_GOAL_DESCRIBE, &err), 0);
	answer(w, "disease");
	assert_true(offers(w, "army_size"));
	answer(w, "army_size");
	assert_string_equal(lt_guide_wizard_command(w), "guide describe disease per army_size");
	lt_guide_wizard_free(w);
	w = lt_guide_wizard_new(lt_session_dataset(s));
	assert_int_equal(lt_guide_wizard_answer(w, LT_GOAL_TIME, &err), 0);
	answer(w, "month");
	assert_false(lt_guide_wizard_question(w)->can_skip == 0);
	answer(w, "disease");
	skip_q(w);
	assert_string_equal(lt_guide_wizard_command(w), "guide time disease over month");
	lt_guide_wizard_free(w);
	w = lt_guide_wizard_new(lt_session_dataset(s));
	assert_int_equal(lt_guide_wizard_answer(w, LT_GOAL_TIME, &err), 0);
	answer(w, "month");
	answer(w, "disease");
	answer(w, "army_size");
	assert_string_equal(lt_guide_wizard_command(w),
	    "guide time disease over month per army_size");
	lt_guide_wizard_free(w);
	lt_session_free(s);
}

/* A dataset with nothing to analyse: every goal says so and stays. */
static void
test_wizard_nothing(void **state)
{
	lt_var v[2];
	lt_dataset d;
	lt_guide_wizard *w;
	lt_error err;

	(void)state;
	memset(v, 0, sizeof v);
	memset(&d, 0, sizeof d);
	v[0].name = v[0].label = (char *)"name";
	v[0].type = LT_VT_TEXT;
	v[1].name = (char *)"the day";
	v[1].label = (char *)"Day";
	v[1].type = LT_VT_DATE;
	d.vars = v;
	d.nvars = 2;
	d.kind = (char *)LT_KIND_INDIVIDUAL;
	w = lt_guide_wizard_new(&d);
	for (int g = 0; g < LT_GOAL_COUNT; g++) {
		if (g == LT_GOAL_DESCRIBE || g == LT_GOAL_TIME)
			continue;
		assert_int_equal(lt_guide_wizard_answer(w, g, &err), LT_EINVAL);
		assert_true(tc_contains(err.msg, "no column"));
		assert_string_equal(lt_guide_wizard_question(w)->text,
		    "What do you want to find out?");
	}
	/* a name with a space is quoted in the command */
	assert_int_equal(lt_guide_wizard_answer(w, LT_GOAL_TIME, &err), 0);
	assert_false(offers(w, "name"));
	answer(w, "the day - Day");
	/* nothing to follow over time: the question that may be skipped is */
	assert_string_equal(lt_guide_wizard_command(w), "guide time \"the day\"");
	lt_guide_wizard_free(w);
}

/* Does the question offer the column called name (as "name" or "name - ...")? */
static int
offers_col(lt_guide_wizard *w, const char *name)
{
	const lt_guide_question *q = lt_guide_wizard_question(w);
	size_t n = strlen(name);

	for (size_t i = 0; i < q->nchoices; i++)
		if (strncmp(q->choices[i], name, n) == 0 &&
		    (q->choices[i][n] == ' ' || q->choices[i][n] == '\0'))
			return 1;
	return 0;
}

/*
 * Over time, the wizard offers as "when" only dates and numbers with a few
 * values that repeat (a year); after a date with too many dates, only the
 * count of people, and it says why.
 */
static void
test_wizard_time(void **state)
{
	lt_session *s = tc_group_session("open cohort", NULL);
	const lt_guide_question *q;
	lt_guide_wizard *w;
	lt_error err;

	(void)state;
	assert_non_null(s);
	w = lt_guide_wizard_session(s);
	assert_int_equal(lt_guide_wizard_answer(w, LT_GOAL_TIME, &err), 0);
	assert_true(offers_col(w, "first_admission"));
	assert_false(offers_col(w, "age"));
	assert_false(offers_col(w, "bmi"));
	assert_false(offers_col(w, "sbp"));
	assert_false(offers_col(w, "steps"));
	answer(w, "first_admission");
	q = lt_guide_wizard_question(w);
	assert_non_null(q);
	assert_int_equal(q->nchoices, 0);
	assert_true(q->can_skip);
	assert_true(tc_contains(q->text, "more than 50 different dates"));
	assert_true(tc_contains(q->skip, "count the people"));
	/* bmi was 2 before: now the only answer is the count, and it says so */
	assert_int_equal(lt_guide_wizard_answer(w, 1, &err), LT_EINVAL);
	assert_true(tc_contains(err.msg, "only answer here is 0"));
	skip_q(w);
	assert_string_equal(lt_guide_wizard_command(w), "guide time first_admission");
	lt_guide_wizard_free(w);
	lt_session_free(s);

	s = tc_group_session("open gapminder", NULL);
	assert_non_null(s);
	w = lt_guide_wizard_session(s);
	assert_int_equal(lt_guide_wizard_answer(w, LT_GOAL_TIME, &err), 0);
	assert_true(offers_col(w, "year"));
	assert_false(offers_col(w, "pop"));
	assert_false(offers_col(w, "life_expect"));
	assert_false(offers_col(w, "fertility"));
	answer(w, "year");
	assert_false(lt_guide_wizard_question(w)->can_skip);
	assert_true(offers_col(w, "life_expect"));
	answer(w, "life_expect");
	assert_string_equal(lt_guide_wizard_command(w), "guide time life_expect over year");
	lt_guide_wizard_free(w);
	lt_session_free(s);

	/* a death count hardly repeats: it does not say when */
	s = tc_group_session("open nightingale", NULL);
	assert_non_null(s);
	w = lt_guide_wizard_session(s);
	assert_int_equal(lt_guide_wizard_answer(w, LT_GOAL_TIME, &err), 0);
	assert_true(offers_col(w, "month"));
	assert_false(offers_col(w, "wounds"));
	assert_false(offers_col(w, "disease"));
	lt_guide_wizard_free(w);
	lt_session_free(s);
}

/* The chart of a result that is a line: its points (NaN: hidden). */
static size_t
line_points(const lt_result *r, double *max)
{
	*max = -INFINITY;
	for (size_t c = 0; c < r->ncharts; c++) {
		const lt_table *t = r->tables[r->charts[c].table];

		if (r->charts[c].kind != LT_CHART_LINE)
			continue;
		for (size_t i = 0; i < t->nrows; i++) {
			const lt_cell *x = lt_table_cell(t, i, 1);

			if (x->kind == LT_CELL_NUMBER && x->num > *max)
				*max = x->num;
		}
		return t->nrows;
	}
	return 0;
}

/* Every "time" answer on its dataset works, and a measurement is averaged. */
static void
test_time_runs(void **state)
{
	static const struct {
		const char *cmd, *chose, *says;
		double most;	/* the line's highest point, at most */
	} tr[] = {
		{ "open gapminder; guide time life_expect over year",
		  "\"describe life_expect by year\"", "average", 100 },
		{ "open gapminder; guide time fertility over year",
		  "\"describe fertility by year\"", "average", 10 },
		{ "open gapminder; guide time pop over year", "\"plot line pop over year\"",
		  "adds up pop", INFINITY },
		{ "open nightingale; guide time disease over month",
		  "\"plot line disease over month\"", "adds up disease", INFINITY },
		{ "open cohort; guide time bmi over first_admission",
		  "\"plot line first_admission\"", "cannot yet take the average", INFINITY },
		{ "open cohort; guide time first_admission", "\"plot line first_admission\"",
		  "counts the people", INFINITY },
		{ "open cohort; guide time bmi over age", "\"correlate age with bmi\"",
		  "too many to follow one by one", INFINITY },
	};

	(void)state;
	for (size_t i = 0; i < sizeof tr / sizeof tr[0]; i++) {
		lt_session *s = tc_group_session(NULL, NULL);
		lt_result **rs = NULL;
		size_t n = 0;
		lt_error err;
		double most;
		int found = 0;

		if (lt_session_collect(s, tr[i].cmd, &rs, &n, NULL, &err) != 0)
			fail_msg("\"%s\" failed: %s", tr[i].cmd, err.msg);
		assert_int_equal(n, 2);
		if (!tc_contains(rs[1]->headline, tr[i].chose))
			fail_msg("\"%s\": %s", tr[i].cmd, rs[1]->headline);
		for (size_t k = 0; k < rs[1]->method.n; k++)
			found |= strstr(rs[1]->method.v[k], tr[i].says) != NULL;
		if (!found)
			fail_msg("\"%s\": no reason says \"%s\"", tr[i].cmd, tr[i].says);
		assert_true(rs[1]->ncharts > 0);
		if (isfinite(tr[i].most)) {
			/* averages, not totals over the countries */
			assert_true(line_points(rs[1], &most) >= 10);
			if (!(most > 0 && most <= tr[i].most))
				fail_msg("\"%s\": the line reaches %g", tr[i].cmd, most);
		}
		for (size_t k = 0; k < n; k++)
			lt_result_free(rs[k]);
		free(rs);
		lt_session_free(s);
	}
}

/* ------------------------------------------------------------ on cohort */

static const char *const runs[][2] = {
	{ "guide describe steps", "\"describe steps\"" },
	{ "guide describe smoking", "\"freq smoking\"" },
	{ "guide describe first_admission", "\"describe first_admission\"" },
	{ "guide compare sbp by sex", "\"compare sbp by sex\"" },
	{ "guide compare steps by region", "\"compare steps by region\"" },
	{ "guide compare heart_attack by smoking", "\"crosstab smoking by heart_attack\"" },
	{ "guide link bmi sbp", "\"correlate bmi with sbp\"" },
	{ "guide link bmi with sex", "\"compare bmi by sex\"" },
	{ "guide time first_admission", "\"plot line first_admission\"" },
	{ "guide predict heart_attack from age smoking sex",
	  "\"regress heart_attack on age smoking sex\"" },
	{ "guide predict sbp from age bmi", "\"regress sbp on age bmi\"" },
};

/* Every guide command on cohort: what was chosen, why, and a chart. */
static void
test_cohort_runs(void **state)
{
	lt_session *s = tc_group_session("open cohort", NULL);

	(void)state;
	assert_non_null(s);
	for (size_t i = 0; i < sizeof runs / sizeof runs[0]; i++) {
		lt_result **rs = NULL;
		size_t n = 0;
		lt_error err;
		int why = 0;

		if (lt_session_collect(s, runs[i][0], &rs, &n, NULL, &err) != 0)
			fail_msg("\"%s\" failed: %s", runs[i][0], err.msg);
		assert_int_equal(n, 1);
		assert_true(tc_contains(rs[0]->headline, "The guide chose"));
		assert_true(tc_contains(rs[0]->headline, runs[i][1]));
		for (size_t k = 0; k < rs[0]->method.n; k++)
			why |= strstr(rs[0]->method.v[k], "Why the guide chose this") != NULL;
		assert_true(why);
		/* no rows of people leave in a guide's result: it can be posted */
		for (size_t t = 0; t < rs[0]->ntables; t++)
			assert_false(rs[0]->tables[t]->row_level);
		/* every choice but a table of counts comes with a chart */
		if (strstr(runs[i][1], "crosstab") == NULL && rs[0]->ncharts == 0)
			fail_msg("\"%s\" has no chart", runs[i][0]);
		lt_result_free(rs[0]);
		free(rs);
	}
	lt_session_free(s);
}

/* Errors point at the column at fault. */
static void
test_cohort_errors(void **state)
{
	lt_session *s = tc_group_session("open cohort", NULL);
	lt_error err;

	(void)state;
	assert_non_null(s);
	assert_int_equal(lt_session_run(s, "guide compare bmi by first_admission", NULL,
	    NULL, NULL, &err), LT_EINVAL);
	assert_int_equal(err.pos, (int)strlen("guide compare bmi by "));
	assert_int_equal(lt_session_run(s, "guide wonder bmi", NULL, NULL, NULL, &err),
	    LT_EINVAL);
	assert_int_equal(err.pos, (int)strlen("guide "));
	assert_int_equal(lt_session_run(s, "guide describe nosuch", NULL, NULL, NULL, &err),
	    LT_ENOENT);
	/* a filter leaves one sex: no groups to compare */
	assert_int_equal(lt_session_run(s, "filter sex = female; guide compare sbp by sex",
	    NULL, NULL, NULL, &err), LT_EINVAL);
	assert_true(tc_contains(err.msg, "only one value"));
	lt_session_free(s);
}

/*
 * A filter too small to show anything: the result says so and holds no
 * table or chart of the guide's, and no reasons read from those people.
 */
static void
test_too_few(void **state)
{
	lt_session *s = tc_group_session("open cohort", NULL);
	lt_result **rs = NULL;
	size_t n = 0;
	lt_error err;

	(void)state;
	assert_non_null(s);
	tc_run(s, "filter age = 89 and region = \"East Midlands\"", NULL, NULL);
	if (lt_session_collect(s, "guide compare alcohol by sex", &rs, &n, NULL, &err) != 0)
		fail_msg("the guide failed: %s", err.msg);
	assert_int_equal(n, 1);
	assert_true(tc_contains(rs[0]->headline, "not shown"));
	assert_int_equal(rs[0]->ntables, 0);
	assert_int_equal(rs[0]->ncharts, 0);
	for (size_t k = 0; k < rs[0]->method.n; k++)
		assert_null(strstr(rs[0]->method.v[k], "Why the guide chose"));
	lt_result_free(rs[0]);
	free(rs);
	/* a mistyped column is still named */
	assert_int_equal(lt_session_run(s, "guide compare alcohol by nosuch", NULL, NULL,
	    NULL, &err), LT_ENOENT);
	lt_session_free(s);
}

/* A guide result is posted with "guide ..." in its recipe, and re-runs. */
static void
test_post_rerun(void **state)
{
	char *dir = tc_tmpdir_new(), *path = lt_sprintf("%s/findings.db", dir);
	lt_session *s;
	tc_seen seen = { 0 };

	(void)state;
	setenv("LANTERN_FINDINGS", path, 1);
	s = tc_group_session("open cohort", NULL);
	assert_non_null(s);
	tc_run(s, "filter age >= 50; guide compare steps by sex", NULL, NULL);
	tc_run(s, "post \"Steps\" \"Men and women over 50 walk about the same.\"", NULL, NULL);
	tc_run(s, "findings show 1 --format text", tc_seen_emit, &seen);
	tc_run(s, "findings rerun 1", tc_seen_emit, &seen);
	assert_true(tc_contains(seen.headline, "reproduces"));
	assert_null(strstr(seen.headline, "not"));
	tc_seen_clear(&seen);
	lt_session_free(s);
	{
		/* the recipe itself */
		lt_result **rs = NULL;
		size_t n = 0;
		lt_error err;
		int found = 0;

		s = tc_group_session(NULL, NULL);
		assert_int_equal(lt_session_collect(s, "findings show 1", &rs, &n, NULL, &err), 0);
		for (size_t t = 0; t < rs[0]->ntables; t++)
			for (size_t r = 0; r < rs[0]->tables[t]->nrows; r++) {
				const lt_cell *c = lt_table_cell(rs[0]->tables[t], r, 0);

				found |= c->kind == LT_CELL_TEXT &&
				    strcmp(c->text, "guide compare steps by sex") == 0;
			}
		assert_true(found);
		lt_result_free(rs[0]);
		free(rs);
		lt_session_free(s);
	}
	unsetenv("LANTERN_FINDINGS");
	free(path);
	tc_tmpdir_free(dir);
}

/* ------------------------------------------------------------ the TUI */

#define H	30
#define W	100

/* Press Down until the answer under the cursor shows text, then Enter. */
static void
pick(uc_fix *f, const char *text)
{
	for (int i = 0; i < 40; i++) {
		char *all = uc_screen(f);
		int here = 0;

		for (char *l = all; l != NULL && *l != '\0'; ) {
			char *nl = strchr(l, '\n');

			if (nl != NULL)
				*nl = '\0';
			if (strncmp(l, "  > ", 4) == 0 && strstr(l, text) != NULL)
				here = 1;
			l = nl != NULL ? nl + 1 : NULL;
		}
		free(all);
		if (here) {
			ui_app_key(f->app, UI_KEY_ENTER);
			return;
		}
		ui_app_key(f->app, UI_KEY_DOWN);
	}
	fail_msg("no answer shows \"%s\"", text);
}

static void
test_tui(void **state)
{
	uc_fix *f = uc_fix_new(1, H, W);

	(void)state;
	ui_push(f->app, ui_table_new(f->app));
	ui_app_key(f->app, 'g');
	assert_string_equal(ui_app_top(f->app)->cls->name, "guide");
	assert_true(uc_shows(f, "What do you want to find out?"));
	assert_true(uc_shows(f, "Compare groups"));
	/* Esc goes back to the table */
	ui_app_key(f->app, UI_KEY_ESC);
	assert_string_equal(ui_app_top(f->app)->cls->name, "table");
	ui_app_key(f->app, 'g');
	pick(f, "Compare groups");
	assert_true(uc_shows(f, "What do you want to compare between the groups?"));
	assert_true(uc_shows(f, "sbp - Systolic blood pressure (mmHg)"));
	pick(f, "sbp - ");
	assert_true(uc_shows(f, "Which column makes the groups?"));
	pick(f, "sex - Sex");
	assert_string_equal(ui_app_top(f->app)->cls->name, "result");
	assert_true(uc_shows(f, "The guide chose \"compare sbp by sex\""));
	assert_true(uc_shows(f, "The guide ran: guide compare sbp by sex"));
	/* back: the guide's view is gone, the table is there */
	ui_app_key(f->app, UI_KEY_ESC);
	assert_string_equal(ui_app_top(f->app)->cls->name, "table");
	/* predict, skipping at the end; a refused answer is said */
	ui_app_key(f->app, 'g');
	pick(f, "Predict an outcome");
	pick(f, "heart_attack");
	pick(f, "age - Age");
	ui_app_key(f->app, UI_KEY_END);
	assert_true(uc_shows(f, ">  0  no more: run it"));
	ui_app_key(f->app, UI_KEY_ENTER);
	assert_string_equal(ui_app_top(f->app)->cls->name, "result");
	assert_true(uc_shows(f, "regress heart_attack on age"));
	uc_fix_free(f);
}

/* The number the TUI shows for the answer that shows text, or -1. */
static int
number_of(uc_fix *f, const char *text)
{
	char *all = uc_screen(f);
	int n = -1;

	for (char *l = all; l != NULL && *l != '\0'; ) {
		char *nl = strchr(l, '\n');

		if (nl != NULL)
			*nl = '\0';
		if (strstr(l, text) != NULL && strlen(l) > 6)
			n = atoi(l + 3);
		l = nl != NULL ? nl + 1 : NULL;
	}
	free(all);
	return n;
}

/* Type the number of the answer that shows text, digit by digit. */
static void
type_number(uc_fix *f, const char *text)
{
	int n = number_of(f, text);
	char digits[16];

	if (n < 0)
		fail_msg("no answer shows \"%s\"", text);
	snprintf(digits, sizeof digits, "%d", n);
	for (const char *d = digits; *d != '\0'; d++)
		ui_app_key(f->app, *d);
}

/* The number keys pick the answers: at once, or after a second digit. */
static void
test_tui_numbers(void **state)
{
	uc_fix *f = uc_fix_new(1, H, W);

	(void)state;
	ui_push(f->app, ui_table_new(f->app));
	ui_app_key(f->app, 'g');
	assert_true(uc_shows(f, "Type a number"));
	/* not listed, or 0 where there is no "none": said, and asked again */
	ui_app_key(f->app, '9');
	assert_true(uc_shows(f, "Pick a number from 1 to 5."));
	assert_false(uc_shows(f, "does nothing here"));
	ui_app_key(f->app, '0');
	assert_true(uc_shows(f, "What do you want to find out?"));
	ui_app_key(f->app, '2');
	assert_true(uc_shows(f, "What do you want to compare between the groups?"));
	/* more than 9 answers: 1 waits for a second digit, then picks 1x */
	assert_true(number_of(f, "alcohol - ") >= 10);
	assert_true(number_of(f, "steps - ") >= 10);
	ui_app_key(f->app, '1');
	assert_true(uc_shows(f, "You typed 1: press Enter to pick it"));
	assert_true(uc_shows(f, ">  1  age"));
	ui_app_key(f->app, '0' + number_of(f, "steps - ") % 10);
	assert_true(uc_shows(f, "Which column makes the groups?"));
	assert_true(uc_shows(f, "Type a number"));
	/* a digit no longer number starts with picks at once */
	assert_true(number_of(f, "sex - Sex") < 10);
	type_number(f, "sex - Sex");
	assert_string_equal(ui_app_top(f->app)->cls->name, "result");
	assert_true(uc_shows(f, "The guide chose \"compare steps by sex\""));
	ui_app_key(f->app, UI_KEY_ESC);
	/* 1 and Enter picks 1 */
	ui_app_key(f->app, 'g');
	ui_app_key(f->app, '3');
	assert_true(uc_shows(f, "Pick the first thing."));
	ui_app_key(f->app, '1');
	ui_app_key(f->app, UI_KEY_ENTER);
	assert_true(uc_shows(f, "Pick the second thing."));
	assert_false(uc_shows(f, ">  1  age"));
	ui_app_key(f->app, UI_KEY_ESC);
	/* 0 is "none" where it is shown */
	ui_app_key(f->app, 'g');
	ui_app_key(f->app, '5');
	assert_true(uc_shows(f, "What outcome do you want to predict?"));
	type_number(f, "heart_attack");
	if (uc_shows(f, "You typed"))
		ui_app_key(f->app, UI_KEY_ENTER);
	type_number(f, "age - Age");
	if (uc_shows(f, "You typed"))
		ui_app_key(f->app, UI_KEY_ENTER);
	assert_true(uc_shows(f, "Add another column"));
	ui_app_key(f->app, '0');
	assert_string_equal(ui_app_top(f->app)->cls->name, "result");
	assert_true(uc_shows(f, "regress heart_attack on age"));
	uc_fix_free(f);
}

/* Without a dataset, g says to open one. */
static void
test_tui_no_dataset(void **state)
{
	lt_session *s = tc_group_session(NULL, NULL);
	ui_opts uo;
	ui_app *a;
	lt_buf b = LT_BUF_INIT;

	(void)state;
	memset(&uo, 0, sizeof uo);
	uo.s = s;
	uo.utf8 = 1;
	a = ui_app_new(&uo, H, W);
	ui_app_key(a, 'g');
	assert_string_not_equal(ui_app_top(a)->cls->name, "guide");
	ui_canvas_dump(ui_app_draw(a), &b);
	assert_true(tc_contains(lt_buf_str(&b), "open one first"));
	lt_buf_free(&b);
	ui_app_free(a);
	lt_session_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_choose),
		cmocka_unit_test(test_goals_kinds),
		cmocka_unit_test(test_wizard_cohort),
		cmocka_unit_test(test_wizard_rates),
		cmocka_unit_test(test_wizard_nothing),
		cmocka_unit_test(test_wizard_time),
		cmocka_unit_test(test_time_runs),
		cmocka_unit_test(test_too_few),
		cmocka_unit_test(test_cohort_runs),
		cmocka_unit_test(test_cohort_errors),
		cmocka_unit_test(test_post_rerun),
		cmocka_unit_test(test_tui),
		cmocka_unit_test(test_tui_numbers),
		cmocka_unit_test(test_tui_no_dataset),
	};

	return cmocka_run_group_tests(tests, tc_group_setup, tc_group_teardown);
}
