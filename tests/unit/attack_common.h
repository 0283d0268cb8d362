/*
 * attack_common.h - the fixture of the attack suites (test_attack*.c):
 * tests/fixtures/sdc/people.csv (300 made-up people; Whitby has 3)
 * imported into the group's catalog as a user's own file would be, with
 * no --profile, so the opensafely rules apply and rows may not be shown;
 * and attack(), which runs command text in a fresh session and keeps
 * every result for the checks.
 */
#ifndef LT_ATTACK_COMMON_H
#define LT_ATTACK_COMMON_H

#include "test_common.h"

/* The truth: the people of the fixture, read from the file itself. */
typedef struct person {
	int id, age, sbp;
	char sex[2], town[16], smoker[4];
} person;

static person people[400];
static size_t npeople;

/* Read the fixture: id,age,sex,town,smoker,sbp. */
static inline void
read_people(void)
{
	char *path = tc_src_path("tests/fixtures/sdc/people.csv");
	FILE *f = fopen(path, "r");
	char line[256];

	assert_non_null(f);
	assert_non_null(fgets(line, sizeof line, f));	/* the header */
	npeople = 0;
	while (fgets(line, sizeof line, f) != NULL && npeople < 400) {
		person *p = &people[npeople];

		if (sscanf(line, "%d,%d,%1[^,],%15[^,],%3[^,],%d", &p->id, &p->age, p->sex,
		    p->town, p->smoker, &p->sbp) == 6)
			npeople++;
	}
	fclose(f);
	free(path);
	assert_int_equal(npeople, 300);
}

/* Read the people and make the group's catalog with them imported (a
   group setup). */
static inline int
attack_setup(void **state)
{
	lt_session *s;
	lt_error err;
	char *csv, *cmd;

	read_people();
	tc_group_dir = tc_tmpdir_new();
	s = tc_group_session(NULL, NULL);
	assert_non_null(s);
	csv = tc_src_path("tests/fixtures/sdc/people.csv");
	cmd = lt_sprintf("import \"%s\" --name people", csv);
	if (lt_session_run(s, cmd, NULL, NULL, NULL, &err) != 0)
		print_error("import: %s\n", err.msg);
	free(cmd);
	free(csv);
	lt_session_free(s);
	*state = NULL;
	return 0;
}

/* The results of one attack. */
typedef struct run {
	lt_result **r;
	size_t n;
	int rc;
	lt_error err;
} run;

/* Run text in a fresh session with people open; keep every result. */
static inline run
attack(const char *text)
{
	lt_session *s = tc_group_session("open people", NULL);
	run a;

	assert_non_null(s);
	memset(&a, 0, sizeof a);
	a.rc = lt_session_collect(s, text, &a.r, &a.n, NULL, &a.err);
	lt_session_free(s);
	return a;
}

static inline void
run_free(run *a)
{
	for (size_t i = 0; i < a->n; i++)
		lt_result_free(a->r[i]);
	free(a->r);
}

/* The column called name, or fail. */
static inline size_t
column(const lt_table *t, const char *name)
{
	for (size_t c = 0; c < t->ncols; c++)
		if (strcmp(t->cols[c].name, name) == 0)
			return c;
	print_error("table %s has no column %s\n", t->name, name);
	fail();
	return 0;
}

/* The key number of r called key, or fail. */
static inline const lt_item *
item(const lt_result *r, const char *key)
{
	for (size_t i = 0; i < r->nitems; i++)
		if (strcmp(r->items[i].key, key) == 0)
			return &r->items[i];
	print_error("%s has no key number %s\n", r->command, key);
	fail();
	return NULL;
}

/* The row whose first cell is label, or (size_t)-1. */
static inline size_t
row_of(const lt_table *t, const char *label)
{
	for (size_t i = 0; i < t->nrows; i++) {
		const lt_cell *c = lt_table_cell(t, i, 0);

		if (c->kind == LT_CELL_TEXT && strcmp(c->text, label) == 0)
			return i;
	}
	return (size_t)-1;
}

#endif
