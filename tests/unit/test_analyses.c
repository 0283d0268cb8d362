/*
 * test_analyses.c - the analysis commands end to end on the bundled cohort:
 * they find the effects its generator built in (datasets/cohort/
 * datapackage.json, "effects"), their headlines give an interval and never
 * claim "no difference", and weights, filters and errors behave.
 */
#include "config.h"

#include "test_common.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "session.h"

/* The last result emitted, and a session per test keeping it (test_common.h). */
typedef tc_seen seen;
typedef tc_fix fixture;

static const lt_emit_fn emit = tc_seen_emit;

/* The number called key in the last result. */
static double
val(const seen *s, const char *key)
{
	for (size_t i = 0; i < s->nitems; i++)
		if (strcmp(s->keys[i], key) == 0)
			return s->vals[i];
	print_error("no number \"%s\" in the result\n", key);
	fail();
	return NAN;
}

/* Whether the last result has a number called key (shown or hidden). */
static int
has(const seen *s, const char *key)
{
	for (size_t i = 0; i < s->nitems; i++)
		if (strcmp(s->keys[i], key) == 0)
			return 1;
	return 0;
}

/* Run text; fail the test with its message if it does not succeed. */
static void
run(fixture *f, const char *text)
{
	tc_fix_run(f, text);
}

/* Phrases a headline must never use (DESIGN.md: the data cannot tell). */
static void
honest(const char *headline)
{
	static const char *const banned[] = {
		"no effect", "no difference", "no link", "no association", "proves", "caused"
	};

	for (size_t i = 0; i < sizeof banned / sizeof banned[0]; i++)
		if (strstr(headline, banned[i]) != NULL) {
			print_error("headline says \"%s\": %s\n", banned[i], headline);
			fail();
		}
}

/*
 * Built in: smoking raises heart-attack risk (adjusted odds about 2.7 for
 * current smokers), partly confounded by age (the simple odds ratio is
 * smaller, about 2).
 */
static void
test_smoking_heart_attack(void **state)
{
	fixture *f = *state;
	double crude, adjusted;

	run(f, "open cohort; regress heart_attack on smoking");
	assert_true(val(&f->last, "n") == 20000);
	assert_non_null(strstr(f->last.headline, "current"));
	assert_non_null(strstr(f->last.headline, "times the odds"));
	assert_non_null(strstr(f->last.headline, "likely between"));
	honest(f->last.headline);
	/* The headline gives the odds ratio of current smokers ("had 1.93 times"). */
	crude = strtod(strstr(f->last.headline, "had ") + 4, NULL);
	run(f, "regress heart_attack on smoking age sex");
	adjusted = strtod(strstr(f->last.headline, "had ") + 4, NULL);
	assert_true(crude > 1.5 && crude < 2.5);
	assert_true(adjusted > 2.2 && adjusted < 3.3);
	assert_true(adjusted > crude);	/* age confounds: adjusting raises it */
	assert_non_null(strstr(f->last.headline, "holds the other columns fixed"));
}

/* Built in: blood pressure rises with age and BMI; men slightly higher. */
static void
test_blood_pressure(void **state)
{
	fixture *f = *state;

	run(f, "open cohort; correlate bmi with sbp");
	assert_true(val(&f->last, "r") > 0.2);
	assert_true(val(&f->last, "r_low") > 0);
	assert_true(val(&f->last, "r_low") < val(&f->last, "r"));
	assert_true(val(&f->last, "r_high") > val(&f->last, "r"));
	honest(f->last.headline);
	run(f, "compare sbp by sex");
	assert_true(val(&f->last, "diff") < 0);	/* female minus male */
	assert_true(val(&f->last, "diff_high") < 0);
	assert_true(val(&f->last, "p") < 0.001);
	assert_non_null(strstr(f->last.headline, "lower for female than for male"));
	honest(f->last.headline);
	run(f, "regress sbp on age bmi");
	assert_true(val(&f->last, "r_squared") > 0.2);
	assert_non_null(strstr(f->last.headline, "higher systolic blood pressure"));
}

/* Built in: region has no direct effect; the headline must not claim none. */
static void
test_cannot_tell(void **state)
{
	fixture *f = *state;

	run(f, "open cohort; correlate alcohol with cholesterol");
	assert_true(val(&f->last, "r_low") < 0 && val(&f->last, "r_high") > 0);
	assert_non_null(strstr(f->last.headline, "The data cannot tell"));
	honest(f->last.headline);
	run(f, "compare cholesterol by region");
	honest(f->last.headline);
	assert_true(val(&f->last, "eta_squared") < 0.01);
}

/* The same analysis on the aggregated counts matches the person-level data. */
static void
test_weights(void **state)
{
	fixture *f = *state;
	double a, b;

	run(f, "open cohort; regress heart_attack on sex");
	a = strtod(strstr(f->last.headline, "had ") + 4, NULL);
	run(f, "open cohort-counts; regress heart_attack on sex");
	b = strtod(strstr(f->last.headline, "had ") + 4, NULL);
	assert_true(fabs(a - b) < 1e-9 * a + 0.006);	/* three digits in headlines */
	assert_true(val(&f->last, "n") == 20000);
}

/*
 * Frequency weights whose first value is not 0 (so the stored column has an
 * offset): group A stands for 10 people at 1 and 30 at 2, mean 1.75 from 40.
 */
static void
test_weighted_numbers(void **state)
{
	fixture *f = *state;
	char *csv = lt_sprintf("%s/agg.csv", f->dir), *meta = lt_sprintf("%s/agg.json", f->dir);
	char *cmd = lt_sprintf("import %s --meta %s; open agg; describe x by g", csv, meta);
	FILE *out = fopen(csv, "w");

	fputs("g,x,count\nA,1,10\nA,2,30\nB,5,20\nB,6,25\n", out);
	fclose(out);
	out = fopen(meta, "w");
	fputs("{\"name\": \"agg\", \"title\": \"Aggregated test\", \"lantern\": {\"kind\": "
	    "\"aggregated\", \"synthetic\": true, \"profile\": \"none\", \"weight\": \"count\"}, \"resources\": "
	    "[{\"name\": \"agg\", \"path\": \"agg.csv\", \"schema\": {\"fields\": ["
	    "{\"name\": \"g\", \"type\": \"string\"}, {\"name\": \"x\", \"type\": "
	    "\"number\"}, {\"name\": \"count\", \"type\": \"integer\"}]}}]}", out);
	fclose(out);
	run(f, cmd);
	assert_non_null(strstr(f->last.headline, "highest for B (5.556)"));
	assert_non_null(strstr(f->last.headline, "lowest for A (1.75)"));
	run(f, "compare x by g");
	assert_true(fabs(val(&f->last, "mean_a") - 1.75) < 1e-12);
	assert_true(fabs(val(&f->last, "mean_b") - (20 * 5 + 25 * 6) / 45.0) < 1e-12);
	free(cmd);
	free(csv);
	free(meta);
}

/* A filter narrows every analysis; many tests bring the chance caveat. */
static void
test_filter_and_counter(void **state)
{
	fixture *f = *state;

	run(f, "open cohort; filter age >= 65; compare bmi by sex");
	assert_true(val(&f->last, "diff") == val(&f->last, "diff"));
	run(f, "correlate age with sbp; correlate bmi with sbp; correlate steps with age");
	assert_null(strstr(f->last.caveats, "test number"));
	run(f, "compare steps by sex");
	assert_non_null(strstr(f->last.caveats, "This is test number 5"));
}

/* freq: shares with Wilson intervals; missing values counted apart. */
static void
test_freq(void **state)
{
	fixture *f = *state;

	run(f, "open cohort; freq smoking");
	assert_true(val(&f->last, "n") + val(&f->last, "missing") == 20000);
	assert_non_null(strstr(f->last.headline, "The true share is likely between"));
	run(f, "freq imd_quintile");	/* numbers with few values too */
	assert_true(val(&f->last, "levels") == 5);
	{
		lt_error err;

		assert_int_equal(lt_session_run(f->s, "freq bmi", emit, &f->last, NULL, &err),
		    LT_EINVAL);
		assert_non_null(strstr(err.msg, "\"describe bmi\" summarises it"));
	}
}

/*
 * crosstab: smoking and heart attacks are linked (built in); the aggregated
 * counts give exactly the same chi-square as the people they count.
 */
static void
test_crosstab(void **state)
{
	fixture *f = *state;
	double people, counts;

	run(f, "open cohort; crosstab diabetes by heart_attack");
	people = val(&f->last, "chi_square");
	assert_true(val(&f->last, "p") < 0.001);
	assert_true(val(&f->last, "rr_low") > 1);
	assert_true(val(&f->last, "fisher_p") < 0.001);	/* 2 x 2: Fisher too */
	assert_non_null(strstr(f->last.headline, "times as often"));
	honest(f->last.headline);
	run(f, "open cohort-counts; crosstab diabetes by heart_attack");
	counts = val(&f->last, "chi_square");
	assert_true(fabs(people - counts) < 1e-9 * people);
	run(f, "open cohort; crosstab sex by region");
	honest(f->last.headline);
	/*
	 * A small corner. Before disclosure control its expected counts were
	 * small and Fisher's test was used; on cohort (opensafely) its cells
	 * of 1-7 are hidden, so no test is given: a test would need them.
	 */
	run(f, "filter region = \"London\" and age > 85; crosstab smoking by stroke");
	assert_non_null(strstr(f->last.caveats, "No test of the link is given"));
	assert_non_null(strstr(f->last.headline, "too small to show"));
	assert_false(has(&f->last, "fisher_p"));
	assert_false(has(&f->last, "chi_square"));
}

/*
 * rate: Florence Nightingale's annual death rate from disease in January
 * 1855 was 1,022.8 per 1,000 (deaths 2,761 x 12,000 / army 32,393; the
 * formula in her data's description).
 */
static void
test_rate(void **state)
{
	fixture *f = *state;

	run(f, "open nightingale; filter month = \"1855-01-01\"; "
	    "rate disease per army_size per 1000 --yearly 12");
	assert_true(fabs(val(&f->last, "rate") - 2761.0 * 12000 / 32393) < 1e-9);
	assert_true(val(&f->last, "ci_low") < val(&f->last, "rate"));
	assert_true(val(&f->last, "ci_high") > val(&f->last, "rate"));
	run(f, "filter off; rate disease per army_size by month per 1000 --yearly 12");
	assert_non_null(strstr(f->last.headline, "highest for 1855-01-01"));
}

/* Corners a reviewer found: emptied levels, non-yes/no columns, tiny groups. */
static void
test_corners(void **state)
{
	fixture *f = *state;

	/* A filter empties "never": the reference becomes "former", no NA. */
	run(f, "open cohort; filter smoking != \"never\"; crosstab smoking by stroke");
	assert_non_null(strstr(f->last.headline, "whose smoking status is former"));
	assert_null(strstr(f->last.headline, "NA"));
	run(f, "regress sbp on smoking");
	assert_non_null(strstr(f->last.headline, "than those whose smoking status is former"));
	/* Sex is not an event: no "times as often" about it. */
	run(f, "filter off; crosstab smoking by sex");
	assert_null(strstr(f->last.headline, "times as often"));
	/*
	 * Tiny groups: before disclosure control, a group with one value made
	 * Welch's ANOVA step aside; now groups of fewer than 8 people are left
	 * out (cohort is opensafely), and the command still answers.
	 */
	run(f, "filter region = \"London\" and age > 88; compare bmi by ethnicity");
	assert_non_null(strstr(f->last.caveats, "Groups of fewer than 8 people were left out"));
	/*
	 * Rates on aggregated data count people: 659 of 9,504 men, 410 of
	 * 10,496 women, protected (rounded to 5): 660 of 9,505 (69.4 per 1,000,
	 * was 69.3 from the exact counts) and 410 of 10,495.
	 */
	run(f, "open cohort-counts; rate heart_attack per count by sex per 1000");
	assert_non_null(strstr(f->last.headline, "highest for male (69.4 per 1,000)"));
	assert_non_null(strstr(f->last.headline, "lowest for female (39.1)"));
}

/* Misuse gets one clear sentence. */
static void
test_errors(void **state)
{
	fixture *f = *state;
	lt_error err;

	run(f, "open cohort");
	assert_int_equal(lt_session_run(f->s, "compare smoking by sex", emit, &f->last, NULL,
	    &err), LT_EINVAL);
	assert_non_null(strstr(err.msg, "not a number column"));
	assert_int_equal(lt_session_run(f->s, "compare bmi sex", emit, &f->last, NULL, &err),
	    LT_EINVAL);
	assert_non_null(strstr(err.msg, "as in \"compare sbp by smoking\""));
	assert_int_equal(lt_session_run(f->s, "regress region on age", emit, &f->last, NULL,
	    &err), LT_EINVAL);
	assert_non_null(strstr(err.msg, "yes/no"));
	assert_int_equal(lt_session_run(f->s, "regress sbp on sbp", emit, &f->last, NULL, &err),
	    LT_EINVAL);
	assert_int_equal(lt_session_run(f->s, "correlate bmi with nothing", emit, &f->last, NULL,
	    &err), LT_ENOENT);
	/* A filter that leaves nothing says so, not "only one value". */
	run(f, "filter age > 1000");
	assert_int_equal(lt_session_run(f->s, "crosstab smoking by sex", emit, &f->last, NULL,
	    &err), LT_EINVAL);
	assert_non_null(strstr(err.msg, "no rows with both values match the filter"));
	assert_int_equal(lt_session_run(f->s, "regress sbp on smoking", emit, &f->last, NULL,
	    &err), LT_EINVAL);
	assert_non_null(strstr(err.msg, "no rows with values match the filter"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_smoking_heart_attack, tc_fix_setup, tc_fix_teardown),
		cmocka_unit_test_setup_teardown(test_blood_pressure, tc_fix_setup, tc_fix_teardown),
		cmocka_unit_test_setup_teardown(test_cannot_tell, tc_fix_setup, tc_fix_teardown),
		cmocka_unit_test_setup_teardown(test_weights, tc_fix_setup, tc_fix_teardown),
		cmocka_unit_test_setup_teardown(test_weighted_numbers, tc_fix_setup, tc_fix_teardown),
		cmocka_unit_test_setup_teardown(test_filter_and_counter, tc_fix_setup, tc_fix_teardown),
		cmocka_unit_test_setup_teardown(test_freq, tc_fix_setup, tc_fix_teardown),
		cmocka_unit_test_setup_teardown(test_crosstab, tc_fix_setup, tc_fix_teardown),
		cmocka_unit_test_setup_teardown(test_rate, tc_fix_setup, tc_fix_teardown),
		cmocka_unit_test_setup_teardown(test_corners, tc_fix_setup, tc_fix_teardown),
		cmocka_unit_test_setup_teardown(test_errors, tc_fix_setup, tc_fix_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
