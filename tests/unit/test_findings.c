/*
 * test_findings.c - the findings store (src/core/findings.c): posting,
 * reading, listing and history; the review rules; pseudonyms; hostile
 * text; bad store files; and the store's check.
 */
#include "test_common.h"

#include <sqlite3.h>
#include <sys/wait.h>

#include "findings.h"

/* A store in a fresh temporary folder. */
typedef struct fx {
	char *dir;
	char *path;
	lt_findings *st;
} fx;

static int
fx_setup(void **state)
{
	fx *f = lt_calloc(1, sizeof *f);
	lt_error err;

	f->dir = tc_tmpdir_new();
	f->path = tc_path(f->dir, "findings.db");
	f->st = lt_findings_open(f->path, 0, &err);
	if (f->st == NULL)
		print_error("%s\n", err.msg);
	assert_non_null(f->st);
	*state = f;
	return 0;
}

static int
fx_teardown(void **state)
{
	fx *f = *state;

	lt_findings_close(f->st);
	tc_tmpdir_free(f->dir);
	free(f->path);
	free(f);
	return 0;
}

/* A complete observation with the given title. */
static lt_finding
sample(const char *title)
{
	lt_finding f = { 0 };

	f.title = (char *)title;
	f.body = (char *)"BMI goes up with age in this cohort.";
	f.dataset = (char *)"cohort";
	f.dataset_hash = (char *)"sha256:abc";
	f.version = (char *)"0.1";
	f.recipe = (char *)"open cohort\ncorrelate age bmi";
	f.result_json = (char *)"{\"kind\":\"correlation\"}";
	f.layers = (char *)"What it says: older people have a higher BMI.";
	return f;
}

static long long
post(lt_findings *st, const char *login, const char *title, const char *dataset)
{
	lt_finding f = sample(title);
	lt_error err;
	long long id = 0;

	if (dataset != NULL)
		f.dataset = (char *)dataset;
	if (lt_findings_post(st, login, &f, &id, &err) != 0)
		print_error("%s\n", err.msg);
	assert_true(id > 0);
	return id;
}

static size_t
list_count(lt_findings *st, int state, const char *dataset, const char *login,
    const char *not_reviewed_by, long long *first)
{
	lt_findings_query q = { state, dataset, login, not_reviewed_by };
	lt_finding *v;
	size_t n;
	lt_error err;

	assert_int_equal(lt_findings_list(st, &q, &v, &n, &err), 0);
	if (first != NULL)
		*first = n > 0 ? v[0].id : 0;
	for (size_t i = 0; i < n; i++) {
		assert_null(v[i].result_json);
		assert_null(v[i].layers);
		lt_finding_clear(&v[i]);
	}
	free(v);
	return n;
}

static void
test_states(void **state)
{
	(void)state;
	for (int i = 0; i < LT_FS_COUNT; i++)
		assert_int_equal(lt_finding_state_parse(lt_finding_state_name(i)), i);
	assert_int_equal(lt_finding_state_parse("nonsense"), -1);
	assert_string_equal(lt_finding_state_name(LT_FS_CHANGES), "changes");
}

static void
test_post_get_list_history(void **state)
{
	fx *f = *state;
	lt_finding got;
	lt_finding_event *ev;
	size_t n;
	lt_error err;
	long long a, b, c, first;

	a = post(f->st, "ann", "first", "cohort");
	b = post(f->st, "bob", "second", "gapminder");
	c = post(f->st, "ann", "third", "cohort");
	assert_true(a < b && b < c);

	assert_int_equal(lt_findings_get(f->st, a, &got, &err), 0);
	assert_int_equal(got.id, a);
	assert_int_equal(got.state, LT_FS_SUBMITTED);
	assert_int_equal(got.revision, 1);
	assert_string_equal(got.author, "ann");
	assert_string_equal(got.title, "first");
	assert_string_equal(got.body, "BMI goes up with age in this cohort.");
	assert_string_equal(got.dataset, "cohort");
	assert_string_equal(got.dataset_hash, "sha256:abc");
	assert_string_equal(got.version, "0.1");
	assert_string_equal(got.recipe, "open cohort\ncorrelate age bmi");
	assert_string_equal(got.result_json, "{\"kind\":\"correlation\"}");
	assert_string_equal(got.layers, "What it says: older people have a higher BMI.");
	/* ISO 8601 UTC with seconds. */
	assert_int_equal(strlen(got.created_at), 20);
	assert_int_equal(got.created_at[10], 'T');
	assert_int_equal(got.created_at[19], 'Z');
	assert_string_equal(got.created_at, got.updated_at);
	lt_finding_clear(&got);

	assert_int_equal(lt_findings_get(f->st, 999, &got, &err), LT_ENOENT);
	assert_true(tc_contains(err.msg, "no observation number 999"));

	/* Required fields. */
	{
		lt_finding s = sample("x");
		long long id = 0;

		s.recipe = NULL;
		assert_int_equal(lt_findings_post(f->st, "ann", &s, &id, &err), LT_EINVAL);
		assert_true(tc_contains(err.msg, "the recipe is empty"));
		s = sample("   ");
		assert_int_equal(lt_findings_post(f->st, "ann", &s, &id, &err), LT_EINVAL);
		assert_true(tc_contains(err.msg, "the title is empty"));
		s = sample("x");
		assert_int_equal(lt_findings_post(f->st, "", &s, &id, &err), LT_EINVAL);
	}

	/* Every filter, newest first. */
	assert_int_equal(list_count(f->st, -1, NULL, NULL, NULL, &first), 3);
	assert_int_equal(first, c);
	assert_int_equal(list_count(f->st, -1, "cohort", NULL, NULL, &first), 2);
	assert_int_equal(first, c);
	assert_int_equal(list_count(f->st, -1, "nope", NULL, NULL, NULL), 0);
	assert_int_equal(list_count(f->st, -1, NULL, "bob", NULL, &first), 1);
	assert_int_equal(first, b);
	assert_int_equal(list_count(f->st, LT_FS_SUBMITTED, NULL, NULL, NULL, NULL), 3);
	assert_int_equal(list_count(f->st, LT_FS_ACCEPTED, NULL, NULL, NULL, NULL), 0);
	assert_int_equal(lt_findings_reviewer_add(f->st, "rita", "admin", &err), 0);
	assert_int_equal(lt_findings_review(f->st, b, "rita", LT_FS_ACCEPTED, NULL, &err), 0);
	assert_int_equal(list_count(f->st, LT_FS_ACCEPTED, NULL, NULL, NULL, &first), 1);
	assert_int_equal(first, b);
	assert_int_equal(list_count(f->st, -1, NULL, NULL, "rita", NULL), 2);
	assert_int_equal(list_count(f->st, LT_FS_SUBMITTED, "cohort", "ann", "rita", NULL), 2);
	assert_int_equal(lt_findings_review(f->st, c, "rita", LT_FS_CHANGES, "add the caveats",
	    &err), 0);
	assert_int_equal(list_count(f->st, -1, NULL, NULL, "rita", &first), 1);
	assert_int_equal(first, a);
	/* Once revised, the reviewer who asked for changes sees it again. */
	{
		lt_finding r = { 0 };

		r.body = (char *)"Now with caveats.";
		assert_int_equal(lt_findings_revise(f->st, c, "ann", &r, &err), 0);
	}
	assert_int_equal(list_count(f->st, LT_FS_SUBMITTED, NULL, NULL, "rita", NULL), 2);

	assert_int_equal(lt_findings_history(f->st, c, &ev, &n, &err), 0);
	assert_int_equal(n, 3);
	assert_string_equal(ev[0].action, "posted");
	assert_string_equal(ev[0].actor, "ann");
	assert_int_equal(ev[0].state, LT_FS_SUBMITTED);
	assert_null(ev[0].reason);
	assert_int_equal(ev[0].finding, c);
	assert_string_equal(ev[1].action, "changes");
	assert_string_equal(ev[1].actor, "rita");
	assert_int_equal(ev[1].state, LT_FS_CHANGES);
	assert_string_equal(ev[1].reason, "add the caveats");
	assert_string_equal(ev[2].action, "resubmitted");
	assert_int_equal(ev[2].state, LT_FS_SUBMITTED);
	assert_int_equal(strlen(ev[2].at), 20);
	lt_finding_events_free(ev, n);
	assert_int_equal(lt_findings_history(f->st, 12345, &ev, &n, &err), LT_ENOENT);
}

static void
test_review_rules(void **state)
{
	fx *f = *state;
	lt_error err;
	lt_finding got, r = { 0 };
	long long a = post(f->st, "ann", "claim", NULL);
	long long b = post(f->st, "rita", "rita's own", NULL);
	sqlite3 *db;
	sqlite3_stmt *s;

	assert_false(lt_findings_is_reviewer(f->st, "rita"));
	/* Not a reviewer: refused, and the sentence says why. */
	assert_int_equal(lt_findings_review(f->st, a, "rita", LT_FS_ACCEPTED, NULL, &err),
	    LT_EINVAL);
	assert_true(tc_contains(err.msg, "not listed as a reviewer"));
	assert_int_equal(lt_findings_reviewer_add(f->st, "rita", "admin", &err), 0);
	assert_int_equal(lt_findings_reviewer_add(f->st, "rita", "admin", &err), 0);
	assert_true(lt_findings_is_reviewer(f->st, "rita"));
	/* A bad verdict. */
	assert_int_equal(lt_findings_review(f->st, a, "rita", LT_FS_WITHDRAWN, "x", &err),
	    LT_EINVAL);
	/* Changes and declines need a reason. */
	assert_int_equal(lt_findings_review(f->st, a, "rita", LT_FS_CHANGES, NULL, &err),
	    LT_EINVAL);
	assert_true(tc_contains(err.msg, "needs a reason"));
	assert_int_equal(lt_findings_review(f->st, a, "rita", LT_FS_DECLINED, " \n", &err),
	    LT_EINVAL);
	assert_true(tc_contains(err.msg, "needs a reason"));
	/* Not one's own. */
	assert_int_equal(lt_findings_review(f->st, b, "rita", LT_FS_ACCEPTED, NULL, &err),
	    LT_EINVAL);
	assert_true(tc_contains(err.msg, "your own observation"));
	/* Missing. */
	assert_int_equal(lt_findings_review(f->st, 999, "rita", LT_FS_ACCEPTED, NULL, &err),
	    LT_ENOENT);

	/* Withdraw only by the author. */
	assert_int_equal(lt_findings_withdraw(f->st, a, "bob", NULL, &err), LT_EINVAL);
	assert_true(tc_contains(err.msg, "only the author"));
	/* Revise only by the author, and only after changes were asked for. */
	r.title = (char *)"claim, revised";
	assert_int_equal(lt_findings_revise(f->st, a, "ann", &r, &err), LT_EINVAL);
	assert_true(tc_contains(err.msg, "only after a reviewer asks for changes"));

	assert_int_equal(lt_findings_review(f->st, a, "rita", LT_FS_CHANGES, "state the caveats",
	    &err), 0);
	/* Not waiting for review any more. */
	assert_int_equal(lt_findings_review(f->st, a, "rita", LT_FS_ACCEPTED, NULL, &err),
	    LT_EINVAL);
	assert_true(tc_contains(err.msg, "not waiting for review"));
	assert_int_equal(lt_findings_revise(f->st, a, "bob", &r, &err), LT_EINVAL);
	assert_true(tc_contains(err.msg, "only the author"));
	assert_int_equal(lt_findings_revise(f->st, a, "ann", &r, &err), 0);
	assert_int_equal(lt_findings_get(f->st, a, &got, &err), 0);
	assert_int_equal(got.state, LT_FS_SUBMITTED);
	assert_int_equal(got.revision, 2);
	assert_string_equal(got.title, "claim, revised");
	assert_string_equal(got.body, "BMI goes up with age in this cohort.");
	lt_finding_clear(&got);
	/* The old text is kept in the history. */
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT old_title, old_body, old_recipe,"
	    " old_result_json FROM history WHERE finding = ? AND action = 'resubmitted'", -1,
	    &s, NULL), SQLITE_OK);
	sqlite3_bind_int64(s, 1, a);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(s, 0), "claim");
	assert_string_equal((const char *)sqlite3_column_text(s, 1),
	    "BMI goes up with age in this cohort.");
	assert_string_equal((const char *)sqlite3_column_text(s, 2), "open cohort\ncorrelate age bmi");
	assert_string_equal((const char *)sqlite3_column_text(s, 3), "{\"kind\":\"correlation\"}");
	sqlite3_finalize(s);
	/* And the history cannot be changed. */
	assert_int_not_equal(sqlite3_exec(db, "UPDATE history SET reason = 'x'", NULL, NULL, NULL),
	    SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "DELETE FROM history", NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "DELETE FROM findings", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);

	assert_int_equal(lt_findings_review(f->st, a, "rita", LT_FS_DECLINED, "not shown by the data",
	    &err), 0);
	/* A declined one cannot be withdrawn. */
	assert_int_equal(lt_findings_withdraw(f->st, a, "ann", NULL, &err), LT_EINVAL);
	/* The author withdraws a submitted one. */
	assert_int_equal(lt_findings_withdraw(f->st, b, "rita", "I was wrong", &err), 0);
	assert_int_equal(lt_findings_get(f->st, b, &got, &err), 0);
	assert_int_equal(got.state, LT_FS_WITHDRAWN);
	lt_finding_clear(&got);

	/* Removing a reviewer. */
	assert_int_equal(lt_findings_reviewer_remove(f->st, "rita", "admin", &err), 0);
	assert_false(lt_findings_is_reviewer(f->st, "rita"));
	assert_int_equal(lt_findings_reviewer_remove(f->st, "rita", "admin", &err), LT_ENOENT);
	{
		lt_buf rep = LT_BUF_INIT;

		assert_int_equal(lt_findings_check(f->st, &rep, &err), 0);
		lt_buf_free(&rep);
	}
}

static void
test_pseudonyms(void **state)
{
	fx *f = *state;
	lt_error err;
	lt_finding got;
	lt_finding_event *ev;
	size_t n;
	long long a;

	a = post(f->st, "ann", "claim", NULL);
	assert_int_equal(lt_findings_reviewer_add(f->st, "rita", "admin", &err), 0);
	assert_int_equal(lt_findings_review(f->st, a, "rita", LT_FS_ACCEPTED, NULL, &err), 0);
	assert_int_equal(lt_findings_set_pseudonym(f->st, "ann", "Owl", &err), 0);
	assert_int_equal(lt_findings_set_pseudonym(f->st, "rita", "Reviewer 7", &err), 0);
	assert_int_equal(lt_findings_get(f->st, a, &got, &err), 0);
	assert_string_equal(got.author, "Owl");
	lt_finding_clear(&got);
	assert_int_equal(lt_findings_history(f->st, a, &ev, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_string_equal(ev[0].actor, "Owl");
	assert_string_equal(ev[1].actor, "Reviewer 7");
	lt_finding_events_free(ev, n);
	/* Unique, in any case, and not someone else's login. */
	assert_int_equal(lt_findings_set_pseudonym(f->st, "bob", "owl", &err), LT_EINVAL);
	assert_true(tc_contains(err.msg, "already used"));
	assert_int_equal(lt_findings_set_pseudonym(f->st, "bob", "rita", &err), LT_EINVAL);
	assert_int_equal(lt_findings_set_pseudonym(f->st, "bob", "", &err), LT_EINVAL);
	/* One's own again is fine; changing it too. */
	assert_int_equal(lt_findings_set_pseudonym(f->st, "ann", "Owl", &err), 0);
	assert_int_equal(lt_findings_set_pseudonym(f->st, "ann", "Lark", &err), 0);
	assert_int_equal(lt_findings_set_pseudonym(f->st, "bob", "Owl", &err), 0);
	/* Cleared: the login shows again. */
	assert_int_equal(lt_findings_set_pseudonym(f->st, "ann", NULL, &err), 0);
	assert_int_equal(lt_findings_get(f->st, a, &got, &err), 0);
	assert_string_equal(got.author, "ann");
	lt_finding_clear(&got);
	/* The list shows it too. */
	assert_int_equal(lt_findings_set_pseudonym(f->st, "ann", "Lark", &err), 0);
	{
		lt_findings_query q = { -1, NULL, "ann", NULL };
		lt_finding *v;

		assert_int_equal(lt_findings_list(f->st, &q, &v, &n, &err), 0);
		assert_int_equal(n, 1);
		assert_string_equal(v[0].author, "Lark");
		lt_finding_clear(&v[0]);
		free(v);
	}
}

/* Whether s is harmless on a terminal: valid UTF-8, no controls but \n and \t. */
static int
harmless(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p != '\0') {
		if (*p < 0x80) {
			if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f)
				return 0;
			p++;
			continue;
		}
		if (*p >= 0xc2 && *p <= 0xdf && (p[1] & 0xc0) == 0x80) {
			if (*p == 0xc2 && p[1] <= 0x9f)	/* a C1 control */
				return 0;
			p += 2;
		} else if (*p >= 0xe0 && *p <= 0xef && (p[1] & 0xc0) == 0x80 &&
		    (p[2] & 0xc0) == 0x80)
			p += 3;
		else if (*p >= 0xf0 && *p <= 0xf4 && (p[1] & 0xc0) == 0x80 &&
		    (p[2] & 0xc0) == 0x80 && (p[3] & 0xc0) == 0x80)
			p += 4;
		else
			return 0;
	}
	return 1;
}

static void
test_clean(void **state)
{
	lt_buf b = LT_BUF_INIT;
	lt_error err;

	(void)state;
	assert_int_equal(lt_findings_clean(&b, "a\x1b]0;pwned\x07" "b", 100, "the title", &err), 0);
	assert_string_equal(lt_buf_str(&b), "ab");
	lt_buf_reset(&b);
	assert_int_equal(lt_findings_clean(&b, "x\x1b[2Jy\x1b[31mz\x1b(B", 100, "t", &err), 0);
	assert_string_equal(lt_buf_str(&b), "xyz");
	lt_buf_reset(&b);
	assert_int_equal(lt_findings_clean(&b, "one\ntwo\tthree\r\x7f\x01", 100, "t", &err), 0);
	assert_string_equal(lt_buf_str(&b), "one\ntwo\tthree");
	lt_buf_reset(&b);
	/* A raw 0x9b byte is invalid UTF-8; an encoded CSI goes with its sequence. */
	assert_int_equal(lt_findings_clean(&b, "a\x9b" "2Jb\xc2\x9b" "2Jc\xc2\x9d" "0;t\x07" "d",
	    100, "t", &err), 0);
	assert_string_equal(lt_buf_str(&b), "a\xef\xbf\xbd" "2Jbcd");
	lt_buf_reset(&b);
	assert_int_equal(lt_findings_clean(&b, "\xff\xfe ok \xe2\x82 \xed\xa0\x80 \xc3\xa9", 100,
	    "t", &err), 0);
	assert_true(harmless(lt_buf_str(&b)));
	assert_true(tc_contains(lt_buf_str(&b), " ok "));
	assert_true(tc_contains(lt_buf_str(&b), "\xc3\xa9"));
	lt_buf_reset(&b);
	/* An unterminated OSC stops at the end of the line. */
	assert_int_equal(lt_findings_clean(&b, "a\x1b]0;x\nb", 100, "t", &err), 0);
	assert_string_equal(lt_buf_str(&b), "a\nb");
	lt_buf_reset(&b);
	/* Bidirectional overrides go. */
	assert_int_equal(lt_findings_clean(&b, "a\xe2\x80\xae" "b", 100, "t", &err), 0);
	assert_string_equal(lt_buf_str(&b), "ab");
	lt_buf_reset(&b);
	assert_int_equal(lt_findings_clean(&b, "abcdef", 5, "the title", &err), LT_EINVAL);
	assert_true(tc_contains(err.msg, "the title is too long"));
	assert_true(tc_contains(err.msg, "at most 5"));
	assert_int_equal(b.len, 0);
	lt_buf_free(&b);
}

static void
test_hostile_text(void **state)
{
	fx *f = *state;
	lt_error err;
	lt_finding s, got;
	lt_finding_event *ev;
	size_t n;
	long long id;
	char *big;
	const char *sql = "'); DROP TABLE findings; --";

	s = sample("Hello \x1b]0;pwned\x07 \x1b[2J there \x9b" "31m \xc2\x9b" "31m \xff\xfe end");
	s.body = (char *)"line one\nline two\x1b[1A\x1b[2K overwritten?\r\n\x9d bad \xc0\xaf";
	s.dataset = (char *)sql;
	assert_int_equal(lt_findings_post(f->st, "mallory\x1b[2J", &s, &id, &err), 0);
	assert_int_equal(lt_findings_get(f->st, id, &got, &err), 0);
	assert_true(harmless(got.title));
	assert_true(harmless(got.body));
	assert_true(harmless(got.author));
	assert_string_equal(got.author, "mallory");
	assert_null(strstr(got.title, "pwned"));
	assert_true(tc_contains(got.title, "Hello"));
	assert_true(tc_contains(got.title, "end"));
	assert_true(tc_contains(got.body, "line one\nline two"));
	assert_string_equal(got.dataset, sql);
	lt_finding_clear(&got);

	/* SQL-looking text is only text, and the table is still there. */
	s = sample(sql);
	s.body = (char *)sql;
	s.dataset = (char *)sql;
	assert_int_equal(lt_findings_post(f->st, sql, &s, &id, &err), 0);
	assert_int_equal(lt_findings_get(f->st, id, &got, &err), 0);
	assert_string_equal(got.title, sql);
	assert_string_equal(got.body, sql);
	assert_string_equal(got.author, sql);
	lt_finding_clear(&got);
	assert_int_equal(list_count(f->st, -1, sql, NULL, NULL, NULL), 2);
	assert_int_equal(list_count(f->st, -1, NULL, sql, NULL, NULL), 1);

	/* A reason with escapes, too. */
	assert_int_equal(lt_findings_reviewer_add(f->st, "rita", "admin", &err), 0);
	assert_int_equal(lt_findings_review(f->st, id, "rita", LT_FS_DECLINED,
	    "no\x1b]0;pwned\x07 \x1b[2J", &err), 0);
	assert_int_equal(lt_findings_history(f->st, id, &ev, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_true(harmless(ev[1].reason));
	assert_null(strstr(ev[1].reason, "pwned"));
	lt_finding_events_free(ev, n);

	/* A 1 MB observation is refused with a sentence, and nothing is stored. */
	big = lt_malloc(1 << 20);
	memset(big, 'a', (1 << 20) - 1);
	big[(1 << 20) - 1] = '\0';
	s = sample("big");
	s.body = big;
	id = 0;
	assert_int_equal(lt_findings_post(f->st, "ann", &s, &id, &err), LT_EINVAL);
	assert_true(tc_contains(err.msg, "the observation is too long"));
	assert_true(tc_contains(err.msg, "20000"));
	assert_int_equal(id, 0);
	s = sample("x");
	big[LT_FINDING_TITLE_MAX + 1] = '\0';
	s.title = big;
	assert_int_equal(lt_findings_post(f->st, "ann", &s, &id, &err), LT_EINVAL);
	assert_true(tc_contains(err.msg, "the title is too long"));
	free(big);
	assert_int_equal(list_count(f->st, -1, NULL, NULL, NULL, NULL), 2);
}

/* --------------------------------------------------------- bad stores */

/* The bytes of path, or NULL when it does not exist. */
static char *
bytes_of(const char *path, size_t *len)
{
	if (access(path, F_OK) != 0) {
		*len = 0;
		return NULL;
	}
	return tc_read_file(path, len);
}

/* Opening path fails with one sentence containing want, and the file is unchanged. */
static void
open_refused(const char *path, int make_dirs, const char *want)
{
	size_t n0, n1;
	char *before = bytes_of(path, &n0), *after;
	lt_error err;
	lt_findings *st;

	st = lt_findings_open(path, make_dirs, &err);
	assert_null(st);
	assert_true(tc_contains(err.msg, want));
	/* One sentence: no newline, no second full stop before the end. */
	assert_null(strchr(err.msg, '\n'));
	assert_null(strstr(err.msg, ". "));
	after = bytes_of(path, &n1);
	assert_int_equal(n0, n1);
	if (before != NULL)
		assert_memory_equal(before, after, n0);
	else
		assert_null(after);
	free(before);
	free(after);
}

static void
test_bad_stores(void **state)
{
	char *dir = tc_tmpdir_new(), *p;
	sqlite3 *db;
	lt_findings *st;
	lt_error err;

	(void)state;
	/* A missing folder, without make_dirs: most likely a typing mistake. */
	p = tc_path(dir, "no/such/findings.db");
	open_refused(p, 0, "does not exist");
	assert_int_not_equal(access(dir, F_OK), -1);
	{
		char *sub = tc_path(dir, "no");

		assert_int_equal(access(sub, F_OK), -1);
		free(sub);
	}
	/* With make_dirs, it is made. */
	st = lt_findings_open(p, 1, &err);
	assert_non_null(st);
	lt_findings_close(st);
	free(p);

	/* A folder in place of the file. */
	open_refused(dir, 0, "is a folder");

	/* Not a database. */
	p = tc_write_in(dir, "notes.txt", "These are my notes, not a database at all.\n"
	    "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor"
	    " incididunt ut labore et dolore magna aliqua.\n");
	open_refused(p, 0, "not a lantern findings store");
	free(p);

	/* A database of another program. */
	p = tc_path(dir, "other.db");
	assert_int_equal(sqlite3_open(p, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE t(a); INSERT INTO t VALUES(1)", NULL,
	    NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	open_refused(p, 0, "another program");
	free(p);

	/* One that says it is ours (application id) but lost its marker. */
	p = tc_path(dir, "fake.db");
	assert_int_equal(sqlite3_open(p, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA application_id = 1282688627;"
	    " PRAGMA user_version = 1; CREATE TABLE t(a)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	open_refused(p, 0, "not a lantern findings store");
	free(p);

	/* A store from a newer lantern. */
	p = tc_path(dir, "newer.db");
	st = lt_findings_open(p, 0, &err);
	assert_non_null(st);
	post(st, "ann", "kept", NULL);
	lt_findings_close(st);
	assert_int_equal(sqlite3_open(p, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);
	open_refused(p, 0, "newer lantern");
	free(p);
	tc_tmpdir_free(dir);
}

/*
 * A store that may be read but not written opens read only; writing says
 * so in a sentence, and the file stays as it was. Root may write any
 * file, so as root this runs in a child that became nobody.
 */
static int
read_only_case(const char *path)
{
	lt_error err;
	lt_findings *st;
	lt_finding got, s = sample("nope");
	long long id = 0;
	int bad = 0;

	st = lt_findings_open(path, 0, &err);
	if (st == NULL) {
		fprintf(stderr, "read-only open failed: %s\n", err.msg);
		return 1;
	}
	if (lt_findings_get(st, 1, &got, &err) != 0 || strcmp(got.title, "kept") != 0)
		bad |= 2;
	lt_finding_clear(&got);
	if (lt_findings_post(st, "ann", &s, &id, &err) != LT_EDB ||
	    strstr(err.msg, "can only be read") == NULL)
		bad |= 4;
	if (lt_findings_reviewer_add(st, "x", "y", &err) != LT_EDB)
		bad |= 8;
	{
		lt_buf rep = LT_BUF_INIT;

		if (lt_findings_check(st, &rep, &err) != 0)
			bad |= 16;
		lt_buf_free(&rep);
	}
	lt_findings_close(st);
	if (bad)
		fprintf(stderr, "read-only case failed: %d (%s)\n", bad, err.msg);
	return bad;
}

static void
test_read_only(void **state)
{
	char *dir = tc_tmpdir_new(), *p = tc_path(dir, "findings.db");
	lt_findings *st;
	lt_error err;
	size_t n0, n1;
	char *before, *after;
	int status;

	(void)state;
	st = lt_findings_open(p, 0, &err);
	assert_non_null(st);
	post(st, "ann", "kept", NULL);
	lt_findings_close(st);
	assert_int_equal(chmod(p, 0444), 0);
	before = bytes_of(p, &n0);
	if (geteuid() != 0)
		assert_int_equal(read_only_case(p), 0);
	else {
		pid_t pid;

		assert_int_equal(chmod(dir, 0755), 0);
		pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			if (setgid(65534) != 0 || setuid(65534) != 0)
				_exit(100);
			_exit(read_only_case(p));
		}
		assert_int_equal(waitpid(pid, &status, 0), pid);
		assert_true(WIFEXITED(status));
		if (WEXITSTATUS(status) == 100)
			print_message("cannot become nobody to test a read-only store: skipped\n");
		else
			assert_int_equal(WEXITSTATUS(status), 0);
	}
	after = bytes_of(p, &n1);
	assert_int_equal(n0, n1);
	assert_memory_equal(before, after, n0);
	free(before);
	free(after);
	free(p);
	tc_tmpdir_free(dir);
}

/* ---------------------------------------------------------------- check */

static void
test_check(void **state)
{
	fx *f = *state;
	lt_buf rep = LT_BUF_INIT;
	lt_error err;
	sqlite3 *db;
	long long a;

	a = post(f->st, "ann", "one", NULL);
	post(f->st, "bob", "two", NULL);
	assert_int_equal(lt_findings_reviewer_add(f->st, "rita", "admin", &err), 0);
	assert_int_equal(lt_findings_review(f->st, a, "rita", LT_FS_ACCEPTED, "fine", &err), 0);
	assert_int_equal(lt_findings_check(f->st, &rep, &err), 0);
	assert_true(tc_contains(lt_buf_str(&rep), "result: ok"));
	assert_true(tc_contains(lt_buf_str(&rep), "observations: 2"));
	lt_buf_reset(&rep);

	/* Someone drops the guard and rewrites the history: found. */
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "DROP TRIGGER history_no_update;"
	    " UPDATE history SET state = 'declined', action = 'declined'"
	    " WHERE action = 'accepted'", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(lt_findings_check(f->st, &rep, &err), LT_EDB);
	assert_true(tc_contains(lt_buf_str(&rep), "result: failed"));
	assert_true(tc_contains(lt_buf_str(&rep), "history_no_update is missing"));
	assert_true(tc_contains(lt_buf_str(&rep), "disagree with their history: 1"));
	assert_true(tc_contains(err.msg, "failed its check"));
	assert_null(strchr(err.msg, '\n'));
	lt_buf_reset(&rep);

	/* Only the state edited, the guard put back: still found. */
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "UPDATE history SET state = 'accepted',"
	    " action = 'accepted' WHERE action = 'declined';"
	    " UPDATE findings SET state = 'withdrawn' WHERE title = 'two';"
	    " CREATE TRIGGER history_no_update BEFORE UPDATE ON history BEGIN"
	    " SELECT RAISE(ABORT, 'no'); END", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(lt_findings_check(f->st, &rep, &err), LT_EDB);
	assert_true(tc_contains(err.msg, "1 observation disagrees with the history"));
	lt_buf_free(&rep);
}

/* Two handles on one store see each other's writes; reopening keeps them. */
static void
test_reopen(void **state)
{
	fx *f = *state;
	lt_findings *b;
	lt_error err;
	lt_finding got;
	long long id;

	b = lt_findings_open(f->path, 0, &err);
	assert_non_null(b);
	assert_string_equal(lt_findings_path(b), f->path);
	id = post(b, "ann", "from b", NULL);
	assert_int_equal(lt_findings_get(f->st, id, &got, &err), 0);
	assert_string_equal(got.title, "from b");
	lt_finding_clear(&got);
	lt_findings_close(b);
	lt_findings_close(f->st);
	f->st = lt_findings_open(f->path, 0, &err);
	assert_non_null(f->st);
	assert_int_equal(list_count(f->st, -1, NULL, NULL, NULL, NULL), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_states),
		cmocka_unit_test(test_clean),
		cmocka_unit_test_setup_teardown(test_post_get_list_history, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_review_rules, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_pseudonyms, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_hostile_text, fx_setup, fx_teardown),
		cmocka_unit_test(test_bad_stores),
		cmocka_unit_test(test_read_only),
		cmocka_unit_test_setup_teardown(test_check, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_reopen, fx_setup, fx_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
