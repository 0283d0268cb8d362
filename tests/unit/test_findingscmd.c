/*
 * test_findingscmd.c - the "post" and "findings" commands through a real
 * session: what is shared (the protected result, its recipe, never rows),
 * previews that store nothing, re-running a recipe (it reproduces; after
 * the data changes it does not, and says why), and the review rules as two
 * people meet them. The store itself is tested in test_findings.c.
 */
#include "test_common.h"

#include <sqlite3.h>

#include "findings.h"
#include "format.h"
#include "lantern.h"
#include "session_int.h"

/* Each test: a fresh catalog, and so a fresh per-user store beside it. */
static int
setup(void **state)
{
	/* no shared store from the machine running the tests */
	setenv("LANTERN_CONFIG", "/nonexistent/lantern.conf", 1);
	unsetenv("LANTERN_FINDINGS");
	return tc_fix_setup(state);
}

/* Run text; return its error code (0 when it worked), the message in err. */
static int
try_run(tc_fix *f, const char *text, lt_error *err)
{
	return lt_session_run(f->s, text, tc_seen_emit, &f->last, NULL, err);
}

/* Become login (the two people of a review). */
static void
be(tc_fix *f, const char *login)
{
	free(f->s->login);
	f->s->login = lt_strdup(login);
}

/* The table called name of the last result, or fail. */
static const tc_table *
seen_table(const tc_fix *f, const char *name)
{
	for (size_t i = 0; i < f->last.nt; i++)
		if (strcmp(f->last.t[i].name, name) == 0)
			return &f->last.t[i];
	print_error("no table %s after \"%s\"\n", name, f->last.headline);
	fail();
	return NULL;
}

static double
seen_item(const tc_fix *f, const char *key)
{
	for (size_t i = 0; i < f->last.nitems; i++)
		if (strcmp(f->last.keys[i], key) == 0)
			return f->last.vals[i];
	print_error("no key number %s\n", key);
	fail();
	return NAN;
}

/* The stored observation id (fails when there is none). */
static void
get(tc_fix *f, long long id, lt_finding *out)
{
	lt_error err;

	memset(out, 0, sizeof *out);
	assert_int_equal(lt_findings_get(lt_session_store(f->s, &err), id, out, &err), 0);
}

static void
test_post_shares_protected_result_and_recipe(void **state)
{
	tc_fix *f = *state;
	lt_finding o;
	lt_buf json = LT_BUF_INIT;

	tc_fix_run(f, "open cohort; filter age >= 65; describe bmi by sex");
	tc_fix_run(f, "post \"BMI of older people\" \"Men and women look alike.\"");
	assert_true(tc_contains(f->last.headline, "Posted observation 1"));
	get(f, 1, &o);
	assert_string_equal(o.title, "BMI of older people");
	assert_string_equal(o.recipe, "open cohort\nfilter age >= 65\ndescribe bmi by sex\n");
	assert_string_equal(o.dataset, "cohort");
	assert_non_null(o.dataset_hash);
	assert_string_equal(o.version, lt_version());
	assert_int_equal(o.state, LT_FS_SUBMITTED);
	/* the stored result is the protected one: 3 significant figures */
	assert_true(tc_contains(o.result_json, "\"command\": \"describe bmi by sex\""));
	assert_true(tc_contains(o.layers, "Body mass index"));
	{
		lt_result **rs;
		size_t n;
		lt_error err;

		assert_int_equal(lt_session_collect(f->s, "describe bmi by sex", &rs, &n, NULL,
		    &err), 0);
		lt_render(rs[0], LT_FMT_JSON, NULL, &json);
		/* what was shown is what was stored */
		assert_string_equal(lt_buf_str(&json), o.result_json);
		lt_result_free(rs[0]);
		free(rs);
	}
	lt_buf_free(&json);
	lt_finding_clear(&o);
	/* show: the recipe and the result as posted, line by line */
	tc_fix_run(f, "findings show 1");
	assert_int_equal(seen_table(f, "recipe")->nrows, 3);
	assert_true(seen_table(f, "result")->nrows > 5);
	assert_int_equal(seen_table(f, "history")->nrows, 1);
	assert_int_equal(seen_table(f, "checklist")->nrows, 5);
}

static void
test_preview_and_nothing_to_post(void **state)
{
	tc_fix *f = *state;
	lt_error err;

	/* nothing run yet */
	assert_int_equal(try_run(f, "open cohort; post \"T\" \"O\"", &err), LT_EINVAL);
	assert_true(tc_contains(err.msg, "no result to post"));
	/* rows are never posted, and a show forgets what came before it */
	tc_fix_run(f, "describe bmi; show");
	assert_int_equal(try_run(f, "post \"T\" \"O\"", &err), LT_EINVAL);
	/* a preview shows what would be shared and stores nothing */
	tc_fix_run(f, "freq smoking; post --preview \"Smoking\" \"Most never smoked.\"");
	assert_true(tc_contains(f->last.headline, "nothing has been posted"));
	assert_int_equal(seen_table(f, "recipe")->nrows, 2);
	tc_fix_run(f, "findings list");
	assert_int_equal(seen_table(f, "findings")->nrows, 0);
	/* an empty title or observation is refused */
	assert_int_equal(try_run(f, "post \"  \" \"O\"", &err), LT_EINVAL);
	assert_true(tc_contains(err.msg, "title"));
}

static void
test_rerun_reproduces(void **state)
{
	tc_fix *f = *state;

	tc_fix_run(f, "open cohort; filter sex = \"female\"; crosstab smoking by heart_attack");
	tc_fix_run(f, "post \"Smoking\" \"A link, not a cause.\"");
	/* this session's filter and memory must not matter to the re-run */
	tc_fix_run(f, "filter off; open nightingale");
	tc_fix_run(f, "findings rerun 1");
	assert_true(tc_contains(f->last.headline, "reproduces"));
	assert_true(seen_item(f, "reproduces") == 1);
	assert_true(seen_item(f, "differences") == 0);
}

static void
test_rerun_after_data_change(void **state)
{
	tc_fix *f = *state;
	char *csv = tc_path(f->dir, "mine.csv"), *cmd;
	lt_buf b = LT_BUF_INIT;

	lt_buf_puts(&b, "x,g\n");
	for (int i = 0; i < 60; i++)
		lt_buf_printf(&b, "%d,%s\n", i % 17, i % 2 ? "a" : "b");
	tc_write_file(csv, lt_buf_str(&b));
	cmd = lt_sprintf("import \"%s\" --name mine; open mine; describe x", csv);
	tc_fix_run(f, cmd);
	free(cmd);
	tc_fix_run(f, "post \"x\" \"Spread out.\"");
	/* the data change: every value doubled */
	lt_buf_reset(&b);
	lt_buf_puts(&b, "x,g\n");
	for (int i = 0; i < 60; i++)
		lt_buf_printf(&b, "%d,%s\n", 2 * (i % 17), i % 2 ? "a" : "b");
	tc_write_file(csv, lt_buf_str(&b));
	cmd = lt_sprintf("import \"%s\" --name mine --replace", csv);
	tc_fix_run(f, cmd);
	free(cmd);
	tc_fix_run(f, "findings rerun 1");
	assert_true(tc_contains(f->last.headline, "does not reproduce"));
	assert_true(seen_item(f, "reproduces") == 0);
	assert_true(seen_item(f, "differences") > 0);
	assert_true(seen_table(f, "differences")->nrows > 0);
	assert_true(tc_contains(f->last.caveats, "changed since this was posted"));
	lt_buf_free(&b);
	free(csv);
}

static void
test_review_between_two_people(void **state)
{
	tc_fix *f = *state;
	lt_error err;
	lt_finding o;

	be(f, "sam");
	tc_fix_run(f, "open cohort; describe steps; findings name Lamplighter");
	tc_fix_run(f, "post \"Steps\" \"Most people walk a lot, which causes good health.\"");
	/* the checklist spots the causal word */
	tc_fix_run(f, "findings show 1");
	assert_true(tc_contains(f->last.headline, "submitted"));
	be(f, "ada");
	/* not a reviewer yet: refused, and said why */
	assert_int_not_equal(try_run(f, "findings review 1 accept", &err), 0);
	assert_true(tc_contains(err.msg, "reviewer"));
	assert_int_equal(try_run(f, "findings list --todo", &err), LT_EINVAL);
	tc_fix_run(f, "findings reviewer add ada");
	tc_fix_run(f, "findings list --todo");
	assert_int_equal(seen_table(f, "findings")->nrows, 1);
	/* changes need a reason */
	assert_int_equal(try_run(f, "findings review 1 changes", &err), LT_EINVAL);
	tc_fix_run(f, "findings review 1 changes \"Say it is a link, not a cause.\"");
	assert_true(tc_contains(f->last.headline, "changes"));
	/* the author sees the reason, and revises */
	be(f, "sam");
	tc_fix_run(f, "findings show 1");
	assert_true(tc_contains(f->last.headline, "changes"));
	tc_fix_run(f, "findings list --mine");
	assert_int_equal(seen_table(f, "findings")->nrows, 1);
	assert_string_equal(seen_table(f, "findings")->cols[6], "reply");
	{
		lt_buf out = LT_BUF_INIT;
		lt_result **rs;
		size_t n;

		/* the reason is on the author's own list */
		assert_int_equal(lt_session_collect(f->s, "findings list --mine", &rs, &n, NULL,
		    &err), 0);
		lt_render(rs[0], LT_FMT_CSV, NULL, &out);
		assert_true(tc_contains(lt_buf_str(&out), "ada: Say it is a link, not a cause."));
		lt_result_free(rs[0]);
		free(rs);
		lt_buf_free(&out);
	}
	tc_fix_run(f, "describe steps by sex; findings revise 1 \"Steps by sex\" "
	    "\"Men and women walk about the same; this is a link, not a cause.\"");
	get(f, 1, &o);
	assert_int_equal(o.state, LT_FS_SUBMITTED);
	assert_int_equal(o.revision, 2);
	assert_string_equal(o.author, "Lamplighter");
	assert_true(tc_contains(o.recipe, "describe steps by sex"));
	lt_finding_clear(&o);
	/* sam cannot review their own, even as a reviewer */
	tc_fix_run(f, "findings reviewer add sam");
	assert_int_equal(try_run(f, "findings review 1 accept", &err), LT_EINVAL);
	be(f, "ada");
	tc_fix_run(f, "findings review 1 accept");
	get(f, 1, &o);
	assert_int_equal(o.state, LT_FS_ACCEPTED);
	lt_finding_clear(&o);
	/* export: the accepted one, with its recipe */
	{
		char *out = tc_path(f->dir, "accepted.md"), *cmd, *text;

		cmd = lt_sprintf("findings export --output \"%s\"", out);
		tc_fix_run(f, cmd);
		text = tc_read_file(out, NULL);
		assert_true(tc_contains(text, "## Steps by sex"));
		assert_true(tc_contains(text, "describe steps by sex"));
		assert_true(tc_contains(text, "Lamplighter"));
		free(text);
		free(cmd);
		free(out);
	}
	tc_fix_run(f, "findings check");
	assert_true(tc_contains(f->last.headline, "good order"));
}

/* A front end keeps results on screen: p on an older one posts that one. */
static void
test_choose_a_kept_result(void **state)
{
	tc_fix *f = *state;
	lt_result **rs = NULL;
	size_t n = 0;
	lt_error err;
	lt_finding o;

	assert_int_equal(lt_session_collect(f->s, "open cohort; filter age >= 65; "
	    "describe bmi; filter off; freq smoking; show; help", &rs, &n, NULL, &err), 0);
	assert_int_equal(n, 7);
	/* the describe, made under the filter that is now off */
	assert_int_equal(lt_session_choose(f->s, rs[2], &err), 0);
	tc_fix_run(f, "post \"BMI over 65\" \"About 28.\"");
	get(f, 1, &o);
	assert_string_equal(o.recipe, "open cohort\nfilter age >= 65\ndescribe bmi\n");
	assert_true(tc_contains(o.result_json, "\"command\": \"describe bmi\""));
	lt_finding_clear(&o);
	/* rows, help and a filter cannot be chosen, and say why */
	assert_int_equal(lt_session_choose(f->s, rs[5], &err), LT_EPRIVACY);
	assert_true(tc_contains(err.msg, "rows are never posted"));
	assert_int_equal(lt_session_choose(f->s, rs[6], &err), LT_EINVAL);
	assert_true(tc_contains(err.msg, "only the result of an analysis"));
	assert_int_equal(lt_session_choose(f->s, rs[1], &err), LT_EINVAL);
	for (size_t i = 0; i < n; i++)
		lt_result_free(rs[i]);
	free(rs);
}

/* Set observation id's recipe straight in the store file, as another program could. */
static void
tamper(tc_fix *f, long long id, const char *recipe)
{
	char *path = tc_path(f->dir, "findings.db");
	sqlite3 *db;
	sqlite3_stmt *st;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "UPDATE findings SET recipe = ? WHERE id = ?",
	    -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, recipe, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	sqlite3_close(db);
	free(path);
}

/*
 * A recipe comes from a file others can write, and a re-run acts as the
 * reviewer: only open, filter and one analysis may run, or nothing does.
 */
static void
test_rerun_runs_only_a_recipe(void **state)
{
	static const char *const bad[] = {
		"open cohort\nfindings reviewer add mallory\ndescribe bmi\n",
		"open cohort\ndescribe bmi; findings review 1 accept\n",
		"open cohort\ndrop cohort\ndescribe bmi\n",
		"open cohort\ndescribe bmi\nfreq sex\n",
		"open cohort\nset format json\ndescribe bmi\n",
		"open cohort\nshow\n",
		"",
	};
	tc_fix *f = *state;
	lt_error err;

	be(f, "sam");
	tc_fix_run(f, "open cohort; describe bmi; post \"T\" \"Words\"");
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		tamper(f, 1, bad[i]);
		tc_fix_run(f, "findings rerun 1");
		if (!tc_contains(f->last.headline, "was not re-run"))
			print_error("recipe %zu ran: %s\n", i, f->last.headline);
		assert_true(tc_contains(f->last.headline, "was not re-run"));
		assert_true(seen_item(f, "reproduces") == 0);
	}
	/* nothing of the first one ran: mallory cannot review */
	be(f, "mallory");
	assert_int_not_equal(try_run(f, "findings list --todo", &err), 0);
	/* a recipe as post makes it still runs */
	tamper(f, 1, "open cohort\nfilter age >= 65\ndescribe bmi\n");
	tc_fix_run(f, "findings rerun 1");
	assert_true(tc_contains(f->last.headline, "does not reproduce"));
}

/* The checklist reads the stored result: no rows, and how much the rules hid. */
static void
test_checklist_reads_the_result(void **state)
{
	tc_fix *f = *state;
	lt_result **rs;
	size_t n;
	lt_error err;
	lt_buf out = LT_BUF_INIT;

	tc_fix_run(f, "open cohort; filter region = \"London\" and age > 85; "
	    "freq ethnicity; post \"T\" \"Words\"");
	assert_int_equal(lt_session_collect(f->s, "findings show 1", &rs, &n, NULL, &err), 0);
	lt_render(rs[0], LT_FMT_CSV, NULL, &out);
	assert_true(tc_contains(lt_buf_str(&out), "yes: no rows;"));
	assert_true(tc_contains(lt_buf_str(&out), "hidden by the rules"));
	lt_result_free(rs[0]);
	free(rs);
	lt_buf_free(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_post_shares_protected_result_and_recipe,
		    setup, tc_fix_teardown),
		cmocka_unit_test_setup_teardown(test_preview_and_nothing_to_post, setup,
		    tc_fix_teardown),
		cmocka_unit_test_setup_teardown(test_rerun_reproduces, setup, tc_fix_teardown),
		cmocka_unit_test_setup_teardown(test_rerun_after_data_change, setup,
		    tc_fix_teardown),
		cmocka_unit_test_setup_teardown(test_review_between_two_people, setup,
		    tc_fix_teardown),
		cmocka_unit_test_setup_teardown(test_choose_a_kept_result, setup,
		    tc_fix_teardown),
		cmocka_unit_test_setup_teardown(test_rerun_runs_only_a_recipe, setup,
		    tc_fix_teardown),
		cmocka_unit_test_setup_teardown(test_checklist_reads_the_result, setup,
		    tc_fix_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
