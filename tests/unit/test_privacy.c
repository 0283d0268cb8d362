/*
 * test_privacy.c - unit tests for which privacy rules (disclosure profile)
 * are in force and what they allow: a CSV imported without --profile gets
 * opensafely and its rows are refused (lt_session_page, "show" in every
 * format); synthetic data and the none profile show rows; a deployment's
 * LANTERN_CONFIG "profile = ten" tightens a none dataset field by field
 * (and a synthetic one, whose rows stay allowed); a bad or missing
 * configuration file changes nothing; the "privacy" command and the
 * profile line of the dataset card.
 *
 * The data is tests/fixtures/sdc/people.csv: 300 made-up people.
 */
#include "config.h"

#include "test_common.h"

#include "sdc.h"
#include "session.h"

/*
 * Once: a catalog with people imported twice, as "people" with no profile
 * (so opensafely) and as "open_people" with the none profile (through the
 * library: the import command asks for a datapackage before it accepts
 * none).
 */
static int
group_setup(void **state)
{
	char *csv = tc_src_path("tests/fixtures/sdc/people.csv"), *cmd;
	int rc;

	(void)state;
	tc_group_dir = tc_tmpdir_new();
	unsetenv("LANTERN_CONFIG");
	cmd = lt_sprintf("import %s --name people; open cohort", csv);
	rc = tc_group_run(cmd);
	free(cmd);
	if (rc == 0)
		rc = tc_group_import(csv, "open_people", "none");
	free(csv);
	return rc;
}

static int
setup(void **state)
{
	lt_session *s;

	unsetenv("LANTERN_CONFIG");
	if ((s = tc_group_session(NULL, NULL)) == NULL)
		return -1;
	*state = s;
	return 0;
}

static int
teardown(void **state)
{
	lt_session_free(*state);
	unsetenv("LANTERN_CONFIG");
	return 0;
}

/* Run commands that must work. */
static void
run(lt_session *s, const char *text)
{
	tc_run(s, text, NULL, NULL);
}

/*
 * lt_session_page for rows 1-5: returns its code; *nrows gets how many
 * rows came, msg (at least LT_ERROR_MSG_MAX) the error's sentence.
 */
static int
page(lt_session *s, size_t *nrows, char *msg)
{
	lt_result *r = lt_result_new("page");
	lt_table *t = lt_result_table(r, "rows", NULL);
	long long total = -42;
	lt_error err;
	int rc;

	lt_err_clear(&err);
	rc = lt_session_page(s, 0, 5, t, &total, &err);
	*nrows = t->nrows;
	if (rc != 0)
		assert_int_equal(total, -42);	/* not even the count is told */
	strcpy(msg, err.msg);
	lt_result_free(r);
	return rc;
}

/* Whether "show" (in each output format) is refused, with a reason. */
static void
assert_show_refused(lt_session *s, const char *name)
{
	static const char *const cmds[] = { "show", "show 1 3", "show --format csv",
	    "show --format json" };
	lt_error err;

	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
		assert_int_equal(lt_session_run(s, cmds[i], NULL, NULL, NULL, &err),
		    LT_EPRIVACY);
		assert_true(tc_contains(err.msg, name));
		assert_true(tc_contains(err.msg, "not show its rows"));
		assert_true(tc_contains(err.msg, "describe"));
	}
}

/* The results of text, which must work (free with results_free). */
static lt_result **
results(lt_session *s, const char *text, size_t *n)
{
	lt_result **rs = NULL;
	lt_error err;

	if (lt_session_collect(s, text, &rs, n, NULL, &err) != 0) {
		print_error("\"%s\" failed: %s\n", text, err.msg);
		fail();
	}
	return rs;
}

static void
results_free(lt_result **rs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		lt_result_free(rs[i]);
	free(rs);
}

/* The text of fact key in r, or NULL. */
static const char *
fact(const lt_result *r, const char *key)
{
	for (size_t i = 0; i < r->nitems; i++)
		if (r->items[i].is_text && strcmp(r->items[i].key, key) == 0)
			return r->items[i].text;
	return NULL;
}

/*
 * The rules in force for the open dataset, in *p: called name, hiding
 * counts below hide_below and statistics of fewer than stat_min people,
 * rounding to round_to.
 */
static void
assert_rules(lt_session *s, lt_sdc_profile *p, const char *name, int hide_below,
    int stat_min, int round_to)
{
	lt_session_profile_of(s, NULL, p);
	assert_string_equal(p->name, name);
	assert_int_equal(p->hide_below, hide_below);
	assert_int_equal(p->stat_min, stat_min);
	assert_int_equal(p->round_to, round_to);
}

/* Point LANTERN_CONFIG at a file in the group's directory holding text. */
static void
config(const char *text)
{
	char *path = tc_path(tc_group_dir, "lantern.conf");

	tc_write_file(path, text);
	setenv("LANTERN_CONFIG", path, 1);
	free(path);
}

/* ------------------------------------------------------------ the tests */

/* Imported without --profile: opensafely, and its rows are refused. */
static void
test_default_refused(void **state)
{
	lt_session *s = *state;
	char msg[LT_ERROR_MSG_MAX];
	lt_sdc_profile p;
	size_t n;

	run(s, "open people");
	assert_string_equal(lt_session_dataset(s)->profile, "opensafely");
	assert_false(lt_session_dataset(s)->synthetic);
	lt_session_profile_of(s, NULL, &p);
	assert_string_equal(p.name, "opensafely");
	assert_false(p.rows_ok);
	assert_int_equal(page(s, &n, msg), LT_EPRIVACY);
	assert_int_equal(n, 0);
	assert_true(tc_contains(msg, "people may hold records about real people"));
	assert_show_refused(s, "people");
	/* with a filter and a sort too */
	run(s, "filter town = \"Whitby\"; sort age");
	assert_int_equal(page(s, &n, msg), LT_EPRIVACY);
	assert_show_refused(s, "people");
	/* summaries still work */
	run(s, "filter off; describe age; freq sex");
}

/* Synthetic data shows rows, whatever its profile. */
static void
test_synthetic_allowed(void **state)
{
	lt_session *s = *state;
	char msg[LT_ERROR_MSG_MAX];
	lt_sdc_profile p;
	size_t n;

	run(s, "open cohort");
	assert_true(lt_session_dataset(s)->synthetic);
	lt_session_profile_of(s, NULL, &p);
	assert_string_equal(p.name, "opensafely");
	assert_false(p.rows_ok);
	assert_int_equal(page(s, &n, msg), 0);
	assert_int_equal(n, 5);
	run(s, "show 1 3; show --format json");
}

/* The none profile shows rows. */
static void
test_none_allowed(void **state)
{
	lt_session *s = *state;
	char msg[LT_ERROR_MSG_MAX];
	lt_sdc_profile p;
	size_t n;

	run(s, "open open_people");
	assert_string_equal(lt_session_dataset(s)->profile, "none");
	lt_session_profile_of(s, NULL, &p);
	assert_string_equal(p.name, "none");
	assert_true(p.rows_ok);
	assert_int_equal(p.hide_below, 0);
	assert_int_equal(page(s, &n, msg), 0);
	assert_int_equal(n, 5);
	run(s, "show 296; show --format csv");
}

/* "profile = ten" where lantern is installed tightens, field by field. */
static void
test_config_tightens(void **state)
{
	lt_session *s2;
	char msg[LT_ERROR_MSG_MAX];
	lt_sdc_profile p;
	lt_dataset *d;
	lt_result **rs;
	lt_error err;
	size_t n, nr;

	(void)state;
	config("# the school's lantern\n\n  profile   =  ten  \n");
	s2 = tc_group_session(NULL, NULL);
	assert_non_null(s2);
	/* none + ten = ten: rows are refused now */
	run(s2, "open open_people");
	assert_rules(s2, &p, "ten", 10, 10, 0);
	assert_true(p.no_extremes);
	assert_true(p.secondary);
	assert_false(p.rows_ok);
	assert_int_equal(page(s2, &n, msg), LT_EPRIVACY);
	assert_show_refused(s2, "open_people");
	rs = results(s2, "privacy", &nr);
	assert_true(tc_contains(rs[0]->headline, "protected by the ten rules"));
	assert_true(tc_contains(fact(rs[0], "deployment"), "Yes. open_people asks for the "
	    "none rules"));
	assert_true(tc_contains(fact(rs[0], "rows"), "No."));
	results_free(rs, nr);

	/* opensafely + ten: a mix, stricter than both; synthetic rows still show */
	run(s2, "open cohort");
	assert_rules(s2, &p, "combined", 10, 10, 5);
	assert_true(p.flag_all_or_none);
	assert_false(p.rows_ok);
	assert_int_equal(page(s2, &n, msg), 0);
	assert_int_equal(n, 5);

	/* a dataset that is not open: its own rules, tightened the same way */
	assert_int_equal(lt_catalog_get(lt_session_catalog(s2), "people", NULL, NULL, &d,
	    &err), 0);
	lt_session_profile_of(s2, d, &p);
	assert_string_equal(p.name, "combined");
	assert_int_equal(p.hide_below, 10);
	lt_dataset_free(d);
	/* ... and the open one is still what it was */
	lt_session_profile_of(s2, NULL, &p);
	assert_string_equal(p.name, "combined");
	assert_string_equal(lt_session_dataset(s2)->name, "cohort");

	/* the card says so */
	rs = results(s2, "info open_people", &nr);
	assert_true(tc_contains(fact(rs[0], "profile"), "ten: anything from fewer than 10 "
	    "people hidden"));
	results_free(rs, nr);
	lt_session_free(s2);

	/* a looser deployment cannot loosen: none over opensafely stays opensafely */
	config("profile = none\n");
	s2 = tc_group_session("open people", NULL);
	assert_non_null(s2);
	lt_session_profile_of(s2, NULL, &p);
	assert_string_equal(p.name, "opensafely");
	assert_int_equal(page(s2, &n, msg), LT_EPRIVACY);
	lt_session_free(s2);
}

/* A configuration file that is wrong or missing changes nothing. */
static void
test_bad_config(void **state)
{
	static const char *const bad[] = {
		"profile = bogus\n",
		"# profile = ten\n",
		"profiles = ten\nprofile ten\n",
		"\x01\x02 garbage \xff\n=\n==\nprofile =\n",
		"",
	};
	lt_session *s;
	char msg[LT_ERROR_MSG_MAX], *missing;
	lt_sdc_profile p;
	size_t n;

	(void)state;
	for (size_t i = 0; i <= sizeof bad / sizeof bad[0]; i++) {
		if (i < sizeof bad / sizeof bad[0]) {
			config(bad[i]);
		} else {
			missing = tc_path(tc_group_dir, "not-there.conf");
			setenv("LANTERN_CONFIG", missing, 1);
			free(missing);
		}
		s = tc_group_session("open open_people", NULL);
		assert_non_null(s);
		lt_session_profile_of(s, NULL, &p);
		assert_string_equal(p.name, "none");
		assert_true(p.rows_ok);
		assert_int_equal(page(s, &n, msg), 0);
		assert_int_equal(n, 5);
		run(s, "open people");
		lt_session_profile_of(s, NULL, &p);
		assert_string_equal(p.name, "opensafely");
		assert_int_equal(p.hide_below, 8);
		assert_int_equal(p.round_to, 5);
		assert_int_equal(page(s, &n, msg), LT_EPRIVACY);
		lt_session_free(s);
	}
}

/* The privacy command, with and without a dataset, and the card's line. */
static void
test_privacy_command(void **state)
{
	lt_session *s = *state;
	lt_result **rs;
	lt_error err;
	size_t n;

	/* no dataset: the four profiles with their summaries */
	rs = results(s, "privacy", &n);
	assert_int_equal(n, 1);
	assert_int_equal(rs[0]->ntables, 1);
	assert_int_equal(rs[0]->tables[0]->nrows, lt_sdc_nprofiles);
	assert_int_equal(lt_sdc_nprofiles, 4);
	for (size_t i = 0; i < lt_sdc_nprofiles; i++) {
		assert_string_equal(lt_table_cell(rs[0]->tables[0], i, 0)->text,
		    lt_sdc_profiles[i].name);
		assert_string_equal(lt_table_cell(rs[0]->tables[0], i, 1)->text,
		    lt_sdc_profiles[i].summary);
	}
	results_free(rs, n);

	/* one profile by name */
	rs = results(s, "privacy ten", &n);
	assert_true(tc_contains(rs[0]->headline, "The ten rules"));
	assert_true(tc_contains(fact(rs[0], "rules"), "Counts from 1 to 9 are hidden."));
	results_free(rs, n);
	assert_int_equal(lt_session_run(s, "privacy strict", NULL, NULL, NULL, &err),
	    LT_ENOENT);
	assert_true(tc_contains(err.msg, "opensafely, nhs, ten and none"));

	/* the synthetic cohort: protected, rows allowed because it is made up */
	rs = results(s, "open cohort; privacy", &n);
	assert_int_equal(n, 2);
	assert_true(tc_contains(rs[1]->headline, "cohort is protected by the opensafely "
	    "rules: counts of 1 to 7 hidden"));
	assert_true(tc_contains(fact(rs[1], "rules"), "Counts from 1 to 7 are hidden."));
	assert_true(tc_contains(fact(rs[1], "rules"), "because cohort is made up"));
	assert_true(tc_contains(fact(rs[1], "why_small"), "point to one person"));
	assert_true(tc_contains(fact(rs[1], "differencing"), "by 7 people or fewer"));
	assert_true(tc_contains(fact(rs[1], "rows"), "Yes."));
	assert_true(tc_contains(fact(rs[1], "deployment"), "No."));
	assert_true(rs[1]->caveats.n >= 1);
	assert_true(tc_contains(rs[1]->caveats.v[rs[1]->caveats.n - 1], "risk-free"));
	results_free(rs, n);

	/* imported data: rows refused */
	rs = results(s, "open people; privacy", &n);
	assert_true(tc_contains(fact(rs[0], "next"), "privacy"));
	assert_true(tc_contains(fact(rs[1], "rows"), "No."));
	assert_true(tc_contains(fact(rs[1], "rules"), "Single rows about real people are "
	    "never shown."));
	results_free(rs, n);

	/* none: nothing hidden */
	rs = results(s, "open open_people; privacy", &n);
	assert_true(tc_contains(rs[1]->headline, "no number is hidden"));
	assert_true(tc_contains(fact(rs[1], "rows"), "Yes."));
	results_free(rs, n);

	/* the dataset card's profile line has the summary */
	rs = results(s, "info; info people", &n);
	assert_string_equal(fact(rs[0], "profile"),
	    "none: nothing hidden: the data is public counts or made up");
	assert_string_equal(fact(rs[1], "profile"), "opensafely: counts of 1 to 7 hidden, "
	    "others rounded to 5; statistics of small groups hidden");
	results_free(rs, n);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_default_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_synthetic_allowed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_none_allowed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_config_tightens, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_config, setup, teardown),
		cmocka_unit_test_setup_teardown(test_privacy_command, setup, teardown),
	};

	return cmocka_run_group_tests(tests, group_setup, tc_group_teardown);
}
