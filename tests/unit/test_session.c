/*
 * test_session.c - unit tests for running command text in a session:
 * results, settings, errors with positions, and tab completion. The numbers
 * are checked against values the test computes itself from cohort.csv.
 */
#include "config.h"

#include "test_common.h"

#include <math.h>

#include "catalog_int.h"
#include "cmd.h"
#include "format.h"
#include "session_int.h"
#include "sdc.h"

/* One emitted result, flattened to text so it outlives the emit call. */
typedef struct rec {
	char *command;
	char *headline;
	int format;
	int quit;
	char *dump;		/* "item KEY NUM", "fact KEY TEXT", "cell T R C TEXT" lines */
} rec;

typedef struct recorder {
	rec r[16];
	size_t n;
	int stop_after;		/* emit returns non-zero after this many (0: never) */
} recorder;

/* Flatten a result into a rec. */
static int
emit(void *ud, const lt_result *r, int format)
{
	recorder *rc = ud;
	rec *o;
	lt_buf b = LT_BUF_INIT;

	assert_true(rc->n < 16);
	o = &rc->r[rc->n++];
	o->command = lt_strdup(r->command);
	o->headline = lt_strdup(r->headline);
	o->format = format;
	o->quit = r->quit;
	for (size_t i = 0; i < r->nitems; i++) {
		if (r->items[i].hidden)		/* disclosure control */
			lt_buf_printf(&b, "item %s hidden\n", r->items[i].key);
		else if (r->items[i].is_text)
			lt_buf_printf(&b, "fact %s %s\n", r->items[i].key, r->items[i].text);
		else
			lt_buf_printf(&b, "item %s %.17g\n", r->items[i].key, r->items[i].num);
	}
	for (size_t t = 0; t < r->ntables; t++) {
		const lt_table *tb = r->tables[t];

		lt_buf_printf(&b, "table %zu %s\n", t, tb->name);
		for (size_t row = 0; row < tb->nrows; row++)
			for (size_t col = 0; col < tb->ncols; col++) {
				const lt_cell *c = lt_table_cell(tb, row, col);

				lt_buf_printf(&b, "cell %zu %zu %s ", t, row, tb->cols[col].name);
				if (c->kind == LT_CELL_NUMBER)
					lt_buf_printf(&b, "%.17g\n", c->num);
				else if (c->kind == LT_CELL_TEXT)
					lt_buf_printf(&b, "%s\n", c->text);
				else if (c->kind == LT_CELL_HIDDEN)
					lt_buf_printf(&b, "hidden\n");
				else
					lt_buf_printf(&b, "NA\n");
			}
	}
	o->dump = lt_buf_take(&b);
	return rc->stop_after > 0 && rc->n >= (size_t)rc->stop_after;
}

static void
recorder_clear(recorder *rc)
{
	for (size_t i = 0; i < rc->n; i++) {
		free(rc->r[i].command);
		free(rc->r[i].headline);
		free(rc->r[i].dump);
	}
	memset(rc, 0, sizeof *rc);
}

/* The number item key of a recorded result. */
static double
item(const rec *r, const char *key)
{
	char *pat = lt_sprintf("item %s ", key);
	const char *p = strstr(r->dump, pat);
	double v;

	if (p == NULL) {
		print_error("no item %s in:\n%s\n", key, r->dump);
		fail();
	}
	v = strtod(p + strlen(pat), NULL);
	free(pat);
	return v;
}

/* Cell (row, column name) of table t, as text ("NA" when missing). */
static char *
cell(const rec *r, size_t t, size_t row, const char *col)
{
	char *pat = lt_sprintf("cell %zu %zu %s ", t, row, col);
	const char *p = strstr(r->dump, pat);
	char *v;

	if (p == NULL) {
		print_error("no cell %s in:\n%s\n", pat, r->dump);
		fail();
	}
	p += strlen(pat);
	v = lt_strndup(p, strcspn(p, "\n"));
	free(pat);
	return v;
}

/* ------------------------------------------------------------ the data */

/* What the test itself reads from cohort.csv. */
typedef struct truth {
	size_t rows, bmi_n, old, old_bmi_n;
	double bmi_mean, bmi_sd, bmi_max, old_bmi_mean;
	int age0;
	char smoking0;
} truth;

static truth cohort;

/* Field k of a comma-separated line (no quotes in cohort.csv). */
static const char *
field(const char *line, int k, size_t *len)
{
	for (; k > 0; k--)
		line = strchr(line, ',') + 1;
	*len = strcspn(line, ",\n");
	return line;
}

/* Read cohort.csv the simple way, with long double sums. */
static void
read_truth(void)
{
	char *path = tc_src_path("datasets/cohort/cohort.csv");
	char *text = tc_read_file(path, NULL), *line;
	long double sum = 0, ss = 0, osum = 0;
	double *bmi = NULL;
	size_t cap = 0;

	memset(&cohort, 0, sizeof cohort);
	assert_memory_equal(text, "age,sex,region,imd_quintile,ethnicity,smoking,bmi,", 50);
	for (line = strchr(text, '\n') + 1; *line != '\0'; line = strchr(line, '\n') + 1) {
		size_t len;
		const char *f;
		int age = atoi(field(line, 0, &len));

		if (cohort.rows == 0) {
			cohort.age0 = age;
			cohort.smoking0 = *field(line, 5, &len);
		}
		cohort.rows++;
		if (age >= 65)
			cohort.old++;
		f = field(line, 6, &len);
		if (len > 0) {
			double v = strtod(f, NULL);

			bmi = lt_grow(bmi, &cap, cohort.bmi_n + 1, sizeof *bmi);
			bmi[cohort.bmi_n++] = v;
			sum += v;
			if (v > cohort.bmi_max)
				cohort.bmi_max = v;
			if (age >= 65) {
				osum += v;
				cohort.old_bmi_n++;
			}
		}
	}
	cohort.bmi_mean = (double)(sum / cohort.bmi_n);
	for (size_t i = 0; i < cohort.bmi_n; i++)
		ss += ((long double)bmi[i] - sum / cohort.bmi_n) * ((long double)bmi[i] - sum / cohort.bmi_n);
	cohort.bmi_sd = (double)sqrtl(ss / (cohort.bmi_n - 1));
	cohort.old_bmi_mean = (double)(osum / cohort.old_bmi_n);
	free(bmi);
	free(text);
	free(path);
}

/* ------------------------------------------------------------ fixtures */

typedef struct fix {
	lt_session *s;
	recorder rc;
} fix;

/* Once: a catalog with cohort imported, and the truth from its CSV. */
static int
group_setup(void **state)
{
	read_truth();
	return tc_group_setup(state);
}

/* A fresh session on the shared catalog. */
static int
setup(void **state)
{
	lt_session *s = tc_group_session(NULL, NULL);
	fix *f;

	if (s == NULL)
		return -1;
	f = lt_calloc(1, sizeof *f);
	f->s = s;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	fix *f = *state;

	lt_session_free(f->s);
	recorder_clear(&f->rc);
	free(f);
	return 0;
}

/* Run text and insist that it works. */
static void
run_ok(fix *f, const char *text)
{
	tc_run(f->s, text, emit, &f->rc);
}

/* Run text and return its error code, with *err filled. */
static int
run_err(fix *f, const char *text, lt_error *err)
{
	int quit = 0, rc = lt_session_run(f->s, text, emit, &f->rc, &quit, err);

	if (rc == 0)
		print_error("\"%s\" did not fail\n", text);
	return rc;
}

/* ------------------------------------------------------------ tests */

static void
test_open(void **state)
{
	fix *f = *state;
	const lt_dataset *d;

	assert_null(lt_session_dataset(f->s));
	run_ok(f, "open cohort");
	assert_int_equal(f->rc.n, 1);
	assert_string_equal(f->rc.r[0].command, "open cohort");
	assert_true(tc_contains(f->rc.r[0].headline, "Opened cohort"));
	assert_true(tc_contains(f->rc.r[0].headline, "20,000 rows"));
	assert_int_equal(f->rc.r[0].format, LT_FMT_TEXT);
	d = lt_session_dataset(f->s);
	assert_non_null(d);
	assert_string_equal(d->name, "cohort");
	assert_int_equal(d->rows, (long long)cohort.rows);
	assert_int_equal(cohort.rows, 20000);
}

static void
test_describe(void **state)
{
	fix *f = *state;
	const rec *r;

	run_ok(f, "open cohort; describe bmi");
	assert_int_equal(f->rc.n, 2);
	r = &f->rc.r[1];
	assert_string_equal(r->command, "describe bmi");
	assert_true(item(r, "n") + item(r, "missing") == 20000);
	assert_true(item(r, "n") == (double)cohort.bmi_n);
	/* opensafely: statistics to 3 significant figures */
	assert_true(item(r, "mean") == lt_sdc_round_sig(cohort.bmi_mean, 3));
	assert_true(item(r, "sd") == lt_sdc_round_sig(cohort.bmi_sd, 3));
	/* opensafely: no one person's own value (cohort.bmi_max) */
	{
		char *max = lt_sprintf("item max %.17g\n", cohort.bmi_max);

		assert_null(strstr(r->dump, max));
		free(max);
	}
	assert_true(tc_contains(r->headline, "Body mass index (kg/m2)"));
}

static void
test_filter_describe(void **state)
{
	fix *f = *state;
	const rec *r;

	run_ok(f, "open cohort\nfilter age >= 65 # the older people\ndescribe bmi");
	assert_int_equal(f->rc.n, 3);
	assert_string_equal(lt_session_filter(f->s), "age >= 65");
	assert_string_equal(f->rc.r[1].command, "filter age >= 65");
	/* counts are rounded to 5 (opensafely) */
	assert_true(fabs(item(&f->rc.r[1], "rows") - (double)cohort.old) <= 2.5);
	r = &f->rc.r[2];
	assert_true(fabs(item(r, "n") + item(r, "missing") - (double)cohort.old) <= 5);
	assert_true(fabs(item(r, "n") - (double)cohort.old_bmi_n) <= 2.5);
	assert_true(item(r, "mean") == lt_sdc_round_sig(cohort.old_bmi_mean, 3));

	run_ok(f, "filter off; describe bmi");
	assert_null(lt_session_filter(f->s));
	assert_true(tc_contains(f->rc.r[3].headline, "Filter off"));
	assert_true(item(&f->rc.r[4], "n") + item(&f->rc.r[4], "missing") == 20000);
}

static void
test_sort_show(void **state)
{
	fix *f = *state;
	const rec *r;
	double prev = INFINITY;
	char *v;

	run_ok(f, "open cohort; show 1 2");
	r = &f->rc.r[1];
	v = cell(r, 0, 0, "age");
	assert_int_equal(atoi(v), cohort.age0);
	free(v);
	/* Labels, not codes. */
	v = cell(r, 0, 0, "smoking");
	assert_string_equal(v, cohort.smoking0 == '0' ? "never" : cohort.smoking0 == '1' ?
	    "former" : "current");
	free(v);
	v = cell(r, 0, 0, "sex");
	assert_true(strcmp(v, "male") == 0 || strcmp(v, "female") == 0);
	free(v);
	assert_null(strstr(r->dump, "cell 0 2 "));	/* two rows only */

	run_ok(f, "sort bmi desc; show 1 3");
	r = &f->rc.r[3];
	assert_true(tc_contains(r->headline, "Rows 1-3"));
	for (size_t row = 0; row < 3; row++) {
		double x;

		v = cell(r, 0, row, "bmi");
		x = strtod(v, NULL);
		assert_true(x <= prev);
		if (row == 0)
			assert_true(x == cohort.bmi_max);
		prev = x;
		free(v);
	}
	assert_null(strstr(r->dump, "cell 0 3 "));
}

static void
test_errors(void **state)
{
	fix *f = *state;
	lt_error err;

	/* No dataset yet. */
	assert_int_equal(run_err(f, "describe bmi", &err), LT_EINVAL);
	assert_true(tc_contains(err.msg, "open one first"));
	assert_int_equal(err.pos, 0);

	assert_int_equal(run_err(f, "open cohort; descrbe bmi", &err), LT_EINVAL);
	assert_int_equal(err.pos, 13);
	assert_true(tc_contains(err.msg, "there is no command \"descrbe\""));
	assert_true(tc_contains(err.msg, "did you mean \"describe\""));
	assert_int_equal(run_err(f, "frobnicate", &err), LT_EINVAL);
	assert_true(tc_contains(err.msg, "type \"help\""));

	assert_int_equal(run_err(f, "describe age bmii", &err), LT_ENOENT);
	assert_int_equal(err.pos, 13);
	assert_true(tc_contains(err.msg, "\"bmii\""));
	assert_true(tc_contains(err.msg, "did you mean \"bmi\""));
	assert_int_equal(run_err(f, "sort zzzzzz", &err), LT_ENOENT);
	assert_int_equal(err.pos, 5);

	assert_int_equal(run_err(f, "describe bmi --colour red", &err), LT_EINVAL);
	assert_int_equal(err.pos, 13);
	assert_true(tc_contains(err.msg, "--colour"));
	assert_int_equal(run_err(f, "open cohort extra", &err), LT_EINVAL);
	assert_int_equal(err.pos, 12);
	assert_true(tc_contains(err.msg, "has too many words"));
	assert_int_equal(run_err(f, "open", &err), LT_EINVAL);
	assert_true(tc_contains(err.msg, "open needs more words, as in \"open cohort\""));
	assert_int_equal(run_err(f, "open nonesuch", &err), LT_ENOENT);
	assert_int_equal(err.pos, 5);
	assert_int_equal(run_err(f, "filter sex = \"F", &err), LT_EINVAL);
	assert_int_equal(err.pos, 13);
	assert_true(run_err(f, "filter agee > 3", &err) != 0);
	assert_int_equal(err.pos, 7);
	assert_true(tc_contains(err.msg, "agee"));
	assert_int_equal(run_err(f, "show 0", &err), LT_EINVAL);
	assert_int_equal(err.pos, 5);

	/* An error stops the commands after it. */
	recorder_clear(&f->rc);
	assert_int_equal(run_err(f, "set digits 6; describe bmii; set digits 7", &err), LT_ENOENT);
	assert_int_equal(f->rc.n, 1);
	assert_string_equal(lt_session_get(f->s, "digits"), "6");
	/* The session survives its errors. */
	run_ok(f, "describe bmi");
}

static void
test_settings(void **state)
{
	fix *f = *state;
	lt_error err;

	assert_string_equal(lt_session_get(f->s, "format"), "text");
	assert_string_equal(lt_session_get(f->s, "digits"), "4");
	assert_string_equal(lt_session_get(f->s, "page"), "20");
	assert_null(lt_session_get(f->s, "colour"));
	run_ok(f, "set format json; set digits 6; set page 5; set");
	assert_string_equal(lt_session_get(f->s, "format"), "json");
	assert_string_equal(lt_session_get(f->s, "digits"), "6");
	assert_string_equal(lt_session_get(f->s, "page"), "5");
	assert_int_equal(f->rc.r[3].format, LT_FMT_JSON);
	assert_true(tc_contains(f->rc.r[3].dump, "cell 0 0 name format"));

	assert_int_equal(run_err(f, "set format yaml", &err), LT_EINVAL);
	assert_int_equal(err.pos, 11);
	assert_true(tc_contains(err.msg, "text|csv|json"));
	assert_int_equal(run_err(f, "set digits 0", &err), LT_EINVAL);
	assert_true(tc_contains(err.msg, "from 1 to 17"));
	assert_int_equal(run_err(f, "set digits 18", &err), LT_EINVAL);
	assert_int_equal(run_err(f, "set digits 6x", &err), LT_EINVAL);
	assert_int_equal(run_err(f, "set page 1001", &err), LT_EINVAL);
	assert_int_equal(run_err(f, "set page ''", &err), LT_EINVAL);
	assert_int_equal(run_err(f, "set colour red", &err), LT_ENOENT);
	assert_int_equal(err.pos, 4);
	/* Refused values change nothing. */
	assert_string_equal(lt_session_get(f->s, "format"), "json");
	assert_string_equal(lt_session_get(f->s, "digits"), "6");
	assert_string_equal(lt_session_get(f->s, "page"), "5");

	assert_int_equal(lt_session_set(f->s, "digits", "17", &err), 0);
	assert_int_equal(lt_session_set(f->s, "format", "jso", &err), LT_EINVAL);
	assert_int_equal(lt_session_set(f->s, "format", "csv", &err), 0);
	assert_string_equal(lt_session_get(f->s, "format"), "csv");

	/* The page setting is what "show" shows. */
	recorder_clear(&f->rc);
	run_ok(f, "open cohort; show");
	assert_non_null(strstr(f->rc.r[1].dump, "cell 0 4 age"));
	assert_null(strstr(f->rc.r[1].dump, "cell 0 5 age"));
	assert_int_equal(f->rc.r[1].format, LT_FMT_CSV);
}

static void
test_format_option(void **state)
{
	fix *f = *state;
	lt_error err;

	run_ok(f, "open cohort; describe bmi --format json; describe bmi; info --format=csv");
	assert_int_equal(f->rc.r[0].format, LT_FMT_TEXT);
	assert_int_equal(f->rc.r[1].format, LT_FMT_JSON);
	assert_int_equal(f->rc.r[2].format, LT_FMT_TEXT);
	assert_int_equal(f->rc.r[3].format, LT_FMT_CSV);
	assert_string_equal(lt_session_get(f->s, "format"), "text");
	assert_int_equal(run_err(f, "describe bmi --format yaml", &err), LT_EINVAL);
	assert_true(tc_contains(err.msg, "--format takes text, csv or json"));
	assert_int_equal(run_err(f, "describe bmi --format", &err), LT_EINVAL);
}

static void
test_quit(void **state)
{
	fix *f = *state;
	lt_error err;
	int quit = 0;

	assert_int_equal(lt_session_run(f->s, "set digits 5; quit; set digits 9", emit, &f->rc,
	    &quit, &err), 0);
	assert_int_equal(quit, 1);
	assert_string_equal(lt_session_get(f->s, "digits"), "5");
	assert_int_equal(f->rc.n, 2);
	assert_int_equal(f->rc.r[1].quit, 1);
	/* The alias, and a fresh run starts with *quit cleared. */
	assert_int_equal(lt_session_run(f->s, "set digits 6", emit, &f->rc, &quit, &err), 0);
	assert_int_equal(quit, 0);
	assert_int_equal(lt_session_run(f->s, "exit\nset digits 9", emit, &f->rc, &quit, &err), 0);
	assert_int_equal(quit, 1);
	assert_string_equal(lt_session_get(f->s, "digits"), "6");
}

static void
test_emit_stops(void **state)
{
	fix *f = *state;
	lt_error err;
	int quit = 0;

	f->rc.stop_after = 1;
	assert_int_equal(lt_session_run(f->s, "set digits 5; set digits 7", emit, &f->rc,
	    &quit, &err), 0);
	assert_int_equal(f->rc.n, 1);
	assert_string_equal(lt_session_get(f->s, "digits"), "5");
	/* Without an emit function commands still run. */
	assert_int_equal(lt_session_run(f->s, "set digits 8", NULL, NULL, NULL, &err), 0);
	assert_string_equal(lt_session_get(f->s, "digits"), "8");
}

static void
test_imported(void **state)
{
	fix *f = *state;
	char *csv = tc_write_in(tc_group_dir, "ages.csv", "age,group\n5,a\n10,b\n70,a\n64,b\n65,a\n");
	char *cmd = lt_sprintf("import %s --replace; open ages; filter age >= 65; describe age",
	    csv);
	lt_error err;

	/* Numbers compare as numbers, not as text ("70" >= "65" but "5" >= "65" too). */
	run_ok(f, cmd);
	assert_true(tc_contains(f->rc.r[0].headline, "Imported 5 rows"));
	/* 2 of 5 rows: too few people to show (opensafely, the default) */
	assert_true(tc_contains(f->rc.r[2].dump, "item rows hidden"));
	assert_null(strstr(f->rc.r[3].dump, "item n 2\n"));
	assert_null(strstr(f->rc.r[3].dump, "67.5"));
	/* Its rows are not shown (imported without --profile: see test_privacy.c). */
	assert_int_equal(run_err(f, "filter off; sort age desc; show 1 2", &err), LT_EPRIVACY);
	assert_true(tc_contains(err.msg, "ages may hold records about real people"));
	run_ok(f, "drop ages");
	assert_null(lt_session_dataset(f->s));
	free(cmd);
	free(csv);
}

/*
 * Groups come from stored codes (categories of text) or the stored numbers
 * (whole numbers), not from the rows (session.c). Check both against the
 * row table, row by row: each row's group is its value's label, with and
 * without a filter.
 */
static void
test_groups_match_rows(void **state)
{
	fix *f = *state;
	static const char *const cols[] = { "region", "sex", "ethnicity", "smoking",
	    "imd_quintile", "diabetes" };
	static const char *const filters[] = { NULL, "age >= 65 and bmi > 30" };

	for (size_t fi = 0; fi < 2; fi++) {
		char *open = filters[fi] == NULL ? lt_strdup("open cohort") :
		    lt_sprintf("open cohort; filter %s", filters[fi]);

		run_ok(f, open);
		free(open);
		for (size_t c = 0; c < sizeof cols / sizeof cols[0]; c++) {
			const lt_dataset *d = lt_session_dataset(f->s);
			int idx = lt_dataset_var_index(d, cols[c]);
			const lt_var *v = &d->vars[idx];
			size_t *codes, k, n, i = 0;
			char **labels, *sql;
			sqlite3_stmt *st;
			lt_error err;

			assert_true(idx >= 0);
			if (v->storage == LT_ST_TEXT)
				assert_true(lt_var_coded(v));
			assert_int_equal(lt_session_groups(f->s, idx, 0, &codes, &labels, &k,
			    &n, &err), 0);
			sql = lt_sprintf("SELECT \"%s\" FROM data_cohort%s%s ORDER BY rowid",
			    cols[c], filters[fi] != NULL ? " WHERE " : "",
			    filters[fi] != NULL ? filters[fi] : "");
			assert_int_equal(sqlite3_prepare_v2(lt_catalog_db(f->s->cat), sql, -1,
			    &st, NULL), SQLITE_OK);
			while (sqlite3_step(st) == SQLITE_ROW) {
				const char *val = (const char *)sqlite3_column_text(st, 0);

				assert_true(i < n);
				if (val == NULL) {
					assert_true(codes[i] == LT_NO_GROUP);
				} else {
					const char *want = lt_var_label_of(v, val);

					assert_true(codes[i] < k);
					assert_string_equal(labels[codes[i]], want != NULL ? want : val);
				}
				i++;
			}
			assert_int_equal(i, n);
			sqlite3_finalize(st);
			free(sql);
			free(codes);
			lt_strv_free(labels);
		}
	}
}

/* The tables of a recorded result (its "cell" lines). */
static char *
cells(const rec *r)
{
	const char *p = strstr(r->dump, "table ");

	return lt_strdup(p != NULL ? p : "");
}

/*
 * A dataset imported before lantern stored codes has none: its categories
 * are counted through SQL, with the same results.
 */
static void
test_uncoded_dataset(void **state)
{
	fix *f = *state;
	static const char *const pets[] = { "cat", "dog", "cat", "", "fish", "cat", "dog" };
	lt_buf text = LT_BUF_INIT;
	char *csv, *cmd;
	static const char *const runs[] = { "freq pet", "describe pet", "describe n by pet",
	    "filter n > 40; freq pet" };
	lt_error err;

	lt_buf_puts(&text, "pet,n\n");
	for (int i = 0; i < 140; i++)
		lt_buf_printf(&text, "%s,%d\n", pets[i % 7], i);
	csv = tc_write_in(tc_group_dir, "pets.csv", lt_buf_str(&text));
	lt_buf_free(&text);
	cmd = lt_sprintf("import %s --name pets-new --replace; "
	    "import %s --name pets-old --replace", csv, csv);
	run_ok(f, cmd);
	assert_int_equal(lt_db_exec(lt_catalog_db(f->s->cat),
	    "UPDATE lt_level SET code = NULL WHERE dataset = 'pets-old'", &err), 0);
	for (size_t i = 0; i < sizeof runs / sizeof runs[0]; i++) {
		char *a = lt_sprintf("open pets-new; %s", runs[i]);
		char *b = lt_sprintf("open pets-old; %s", runs[i]);
		char *ca, *cb;

		recorder_clear(&f->rc);
		run_ok(f, a);
		assert_true(lt_var_coded(&lt_session_dataset(f->s)->vars[0]));
		ca = cells(&f->rc.r[f->rc.n - 1]);
		run_ok(f, b);
		assert_false(lt_var_coded(&lt_session_dataset(f->s)->vars[0]));
		cb = cells(&f->rc.r[f->rc.n - 1]);
		assert_true(strlen(ca) > 0);
		assert_string_equal(ca, cb);
		free(ca);
		free(cb);
		free(a);
		free(b);
	}
	run_ok(f, "drop pets-new; drop pets-old");
	free(cmd);
	free(csv);
}

/* The completions for line, joined by spaces ("(files)" for NULL). */
static char *
complete(fix *f, const char *line)
{
	char **v = lt_session_complete(f->s, line);
	lt_buf b = LT_BUF_INIT;

	if (v == NULL)
		return lt_strdup("(files)");
	for (char **p = v; *p != NULL; p++)
		lt_buf_printf(&b, "%s%s", p == v ? "" : " ", *p);
	lt_strv_free(v);
	return lt_buf_take(&b);
}

#define assert_completes(f, line, want) do {				\
	char *got_ = complete((f), (line));				\
	assert_string_equal(got_, (want));				\
	free(got_);							\
} while (0)

static void
test_complete(void **state)
{
	fix *f = *state;
	lt_buf all = LT_BUF_INIT;
	char *got;

	for (size_t i = 0; i < lt_cmd_count; i++)
		lt_buf_printf(&all, "%s%s", i > 0 ? " " : "", lt_cmd_table[i]->name);
	assert_completes(f, "", lt_buf_str(&all));
	assert_completes(f, "  ", lt_buf_str(&all));
	assert_completes(f, "de", "describe");
	assert_completes(f, "d", "datasets describe drop");
	assert_completes(f, "open cohort; desc", "describe");
	assert_completes(f, "xyzzy ", "");

	/* Columns need an open dataset. */
	assert_completes(f, "describe ", "");
	run_ok(f, "open cohort");
	got = complete(f, "describe ");
	assert_true(tc_contains(got, "age sex region imd_quintile ethnicity smoking bmi sbp"));
	assert_true(tc_contains(got, "first_admission"));
	free(got);
	assert_completes(f, "describe age b", "bmi");
	assert_completes(f, "sort s", "sex smoking sbp stroke steps");

	got = complete(f, "open ");
	assert_true(tc_contains(got, "anscombe"));
	assert_true(tc_contains(got, "cohort cohort-counts"));
	free(got);
	assert_completes(f, "open coh", "cohort cohort-counts");
	assert_completes(f, "set ", "format digits page");
	assert_completes(f, "help fi", "filter findings");
	assert_completes(f, "help fil", "filter");

	assert_completes(f, "import --", "--name --meta --delimiter --drop --profile --replace --format");
	assert_completes(f, "import --d", "--delimiter --drop");
	assert_completes(f, "describe --", "--format");
	assert_completes(f, "import ", "(files)");
	assert_completes(f, "import da", "(files)");
	lt_buf_free(&all);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_open, setup, teardown),
		cmocka_unit_test_setup_teardown(test_describe, setup, teardown),
		cmocka_unit_test_setup_teardown(test_filter_describe, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sort_show, setup, teardown),
		cmocka_unit_test_setup_teardown(test_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_settings, setup, teardown),
		cmocka_unit_test_setup_teardown(test_format_option, setup, teardown),
		cmocka_unit_test_setup_teardown(test_quit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_emit_stops, setup, teardown),
		cmocka_unit_test_setup_teardown(test_imported, setup, teardown),
		cmocka_unit_test_setup_teardown(test_groups_match_rows, setup, teardown),
		cmocka_unit_test_setup_teardown(test_uncoded_dataset, setup, teardown),
		cmocka_unit_test_setup_teardown(test_complete, setup, teardown),
	};

	return cmocka_run_group_tests(tests, group_setup, tc_group_teardown);
}
