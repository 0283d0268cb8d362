/*
 * test_gen.c - unit tests for the synthetic data generators (src/core/gen.c):
 * determinism, the exact CSV layout, value ranges, missing values, the
 * built-in health effects, the counts table, and that the shipped files in
 * datasets/ are exactly what the generator makes.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "gen.h"

#define SEED	20261122UL
#define NROWS	20000L

static const char cohort_header[] = "age,sex,region,imd_quintile,ethnicity,"
    "smoking,bmi,sbp,cholesterol,diabetes,heart_attack,stroke,steps,"
    "alcohol,first_admission";
static const char counts_header[] =
    "region,age_band,sex,diabetes,heart_attack,stroke,count";

enum { AGE, SEX, REGION, IMD, ETHNIC, SMOKING, BMI, SBP, CHOL, DIABETES,
    MI, STROKE, STEPS, ALCOHOL, ADMIT, NCOL };

static const char *const regions[] = {
	"North East", "North West", "Yorkshire and The Humber",
	"East Midlands", "West Midlands", "East of England", "London",
	"South East", "South West"
};
static const char *const ethnics[] = {
	"White", "Asian", "Black", "Mixed", "Other"
};
static const char *const bands[] = {
	"18-34", "35-49", "50-64", "65-79", "80+"
};

/* A parsed CSV: header line, then rows of fields split at commas. */
struct table {
	char	 *text;		/* owned, cut into pieces */
	char	 *header;
	char	**field;	/* nrows * ncols pointers into text */
	long	  nrows;
	int	  ncols;
};

/* The 20,000-row cohort and its counts, made once for the group. */
static struct table cohort;
static struct table counts;

/* Run a generator into memory; returns the bytes (NUL-terminated). */
static char *
gen_mem(int (*fn)(FILE *, long, unsigned long, lt_error *), long rows,
    unsigned long seed, size_t *lenp)
{
	lt_error	 err;
	FILE		*f;
	char		*s = NULL;
	size_t		 len = 0;
	int		 rc;

	lt_err_clear(&err);
	f = open_memstream(&s, &len);
	assert_non_null(f);
	rc = fn(f, rows, seed, &err);
	assert_int_equal(fclose(f), 0);
	if (rc != 0)
		fail_msg("generator failed: %s", err.msg);
	if (lenp != NULL)
		*lenp = len;
	return s;
}

/* Cut text (taken over) into a table of ncols fields per row. */
static void
table_parse(struct table *t, char *text, int ncols)
{
	char	*line, *next, *p;
	long	 cap = 1024;
	int	 i;

	memset(t, 0, sizeof *t);
	t->text = text;
	t->ncols = ncols;
	t->field = malloc((size_t)cap * (size_t)ncols * sizeof *t->field);
	assert_non_null(t->field);
	line = text;
	next = strchr(line, '\n');
	assert_non_null(next);
	*next = '\0';
	t->header = line;
	for (line = next + 1; *line != '\0'; line = next + 1) {
		next = strchr(line, '\n');
		assert_non_null(next);	/* every line ends in a newline */
		*next = '\0';
		if (t->nrows == cap) {
			cap *= 2;
			t->field = realloc(t->field,
			    (size_t)cap * (size_t)ncols * sizeof *t->field);
			assert_non_null(t->field);
		}
		p = line;
		for (i = 0; i < ncols; i++) {
			t->field[t->nrows * ncols + i] = p;
			p = strchr(p, ',');
			if (i < ncols - 1) {
				if (p == NULL)
					fail_msg("row %ld has too few fields",
					    t->nrows + 1);
				*p++ = '\0';
			} else if (p != NULL)
				fail_msg("row %ld has too many fields",
				    t->nrows + 1);
		}
		t->nrows++;
	}
}

/* Free a table. */
static void
table_free(struct table *t)
{
	free(t->field);
	free(t->text);
	memset(t, 0, sizeof *t);
}

/* Field c of row r. */
static const char *
fld(const struct table *t, long r, int c)
{
	return t->field[r * t->ncols + c];
}

/* Parse an integer that must fill the whole field. */
static long
int_of(const char *s)
{
	char	*end;
	long	 v;

	if (*s == '\0')
		fail_msg("empty field where a whole number was expected");
	v = strtol(s, &end, 10);
	if (*end != '\0' || (s[0] == '0' && s[1] != '\0'))
		fail_msg("'%s' is not a plain whole number", s);
	return v;
}

/* Parse a number with exactly one decimal ("27.5"). */
static double
tenths_of(const char *s)
{
	const char	*dot = strchr(s, '.');
	char		*end;
	double		 v;

	if (dot == NULL || dot == s || dot[1] < '0' || dot[1] > '9' ||
	    dot[2] != '\0')
		fail_msg("'%s' does not have exactly one decimal", s);
	v = strtod(s, &end);
	if (*end != '\0')
		fail_msg("'%s' is not a number", s);
	return v;
}

/* Is s one of the n strings in list? */
static int
in_list(const char *s, const char *const *list, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (strcmp(s, list[i]) == 0)
			return 1;
	}
	return 0;
}

/* Make the 20,000-row cohort and counts once for all tests. */
static int
group_setup(void **state)
{
	(void)state;
	table_parse(&cohort, gen_mem(lt_gen_cohort, NROWS, SEED, NULL), NCOL);
	table_parse(&counts, gen_mem(lt_gen_cohort_counts, NROWS, SEED, NULL),
	    7);
	return 0;
}

/* Free the shared tables. */
static int
group_teardown(void **state)
{
	(void)state;
	table_free(&cohort);
	table_free(&counts);
	return 0;
}

/* Same rows and seed give the same bytes; another seed gives others. */
static void
test_deterministic(void **state)
{
	char	*a, *b, *c;
	size_t	 la, lb, lc;

	(void)state;
	a = gen_mem(lt_gen_cohort, 2000, 7, &la);
	b = gen_mem(lt_gen_cohort, 2000, 7, &lb);
	c = gen_mem(lt_gen_cohort, 2000, 8, &lc);
	assert_int_equal(la, lb);
	assert_memory_equal(a, b, la);
	assert_true(la != lc || memcmp(a, c, la) != 0);
	free(a);
	free(b);
	free(c);

	a = gen_mem(lt_gen_cohort_counts, 2000, 7, &la);
	b = gen_mem(lt_gen_cohort_counts, 2000, 7, &lb);
	c = gen_mem(lt_gen_cohort_counts, 2000, 8, &lc);
	assert_int_equal(la, lb);
	assert_memory_equal(a, b, la);
	assert_true(la != lc || memcmp(a, c, la) != 0);
	free(a);
	free(b);
	free(c);
}

/* The first rows of a longer cohort are the rows of a shorter one. */
static void
test_prefix(void **state)
{
	char	*a, *b;
	size_t	 la, lb;

	(void)state;
	a = gen_mem(lt_gen_cohort, 100, SEED, &la);
	b = gen_mem(lt_gen_cohort, 300, SEED, &lb);
	assert_true(lb > la);
	assert_memory_equal(a, b, la);
	free(a);
	free(b);
}

/* Header lines are exact and there is one line per person. */
static void
test_header_and_rows(void **state)
{
	struct table	 t;

	(void)state;
	assert_string_equal(cohort.header, cohort_header);
	assert_string_equal(counts.header, counts_header);
	assert_int_equal(cohort.nrows, NROWS);

	table_parse(&t, gen_mem(lt_gen_cohort, 1, 99, NULL), NCOL);
	assert_string_equal(t.header, cohort_header);
	assert_int_equal(t.nrows, 1);
	table_free(&t);

	table_parse(&t, gen_mem(lt_gen_cohort, 1234, 99, NULL), NCOL);
	assert_int_equal(t.nrows, 1234);
	table_free(&t);
}

/* Row counts outside 1..50,000,000 are refused and nothing is written. */
static void
test_bad_rows(void **state)
{
	static const long bad[] = { 0, -1, -5000, 50000001L };
	lt_error	 err;
	FILE		*f;
	char		*s = NULL;
	size_t		 len = 0, i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		f = open_memstream(&s, &len);
		assert_non_null(f);
		lt_err_clear(&err);
		assert_int_equal(lt_gen_cohort(f, bad[i], 1, &err), LT_EINVAL);
		assert_int_equal(err.code, LT_EINVAL);
		assert_non_null(strstr(err.msg, "50000000"));
		lt_err_clear(&err);
		assert_int_equal(lt_gen_cohort_counts(f, bad[i], 1, &err),
		    LT_EINVAL);
		assert_int_equal(err.code, LT_EINVAL);
		assert_int_equal(lt_gen_cohort(f, bad[i], 1, NULL), LT_EINVAL);
		fclose(f);
		assert_int_equal(len, 0);
		free(s);
		s = NULL;
	}
}

/* A stream that cannot be written gives LT_EIO. */
static void
test_write_error(void **state)
{
	lt_error	 err;
	FILE		*f;

	(void)state;
	f = fopen("/dev/null", "r");
	if (f == NULL)
		skip();
	lt_err_clear(&err);
	assert_int_equal(lt_gen_cohort(f, 10, 1, &err), LT_EIO);
	assert_int_equal(err.code, LT_EIO);
	clearerr(f);
	lt_err_clear(&err);
	assert_int_equal(lt_gen_cohort_counts(f, 10, 1, &err), LT_EIO);
	assert_int_equal(err.code, LT_EIO);
	fclose(f);
}

/* Days in month m of year y. */
static int
month_days(int y, int m)
{
	static const int d[] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return d[m - 1];
}

/* Check an ISO date between 2015-01-01 and 2024-12-31. */
static void
check_date(const char *s)
{
	int	y = 0, m = 0, d = 0, n = 0;

	if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3
	    || n != 10 || s[4] != '-' || s[7] != '-')
		fail_msg("'%s' is not a YYYY-MM-DD date", s);
	assert_in_range(y, 2015, 2024);
	assert_in_range(m, 1, 12);
	assert_in_range(d, 1, month_days(y, m));
}

/* Every value is within its documented range and format. */
static void
test_ranges(void **state)
{
	long	r, v;
	double	x;
	int	c;

	(void)state;
	for (r = 0; r < cohort.nrows; r++) {
		assert_in_range(int_of(fld(&cohort, r, AGE)), 18, 90);
		assert_true(strcmp(fld(&cohort, r, SEX), "F") == 0 ||
		    strcmp(fld(&cohort, r, SEX), "M") == 0);
		assert_true(in_list(fld(&cohort, r, REGION), regions, 9));
		assert_in_range(int_of(fld(&cohort, r, IMD)), 1, 5);
		assert_true(in_list(fld(&cohort, r, ETHNIC), ethnics, 5));
		assert_in_range(int_of(fld(&cohort, r, SMOKING)), 0, 2);
		if (*fld(&cohort, r, BMI) != '\0') {
			x = tenths_of(fld(&cohort, r, BMI));
			assert_true(x >= 14.0 && x <= 75.0);
		}
		assert_in_range(int_of(fld(&cohort, r, SBP)), 80, 230);
		if (*fld(&cohort, r, CHOL) != '\0') {
			x = tenths_of(fld(&cohort, r, CHOL));
			assert_true(x >= 2.0 && x <= 12.0);
		}
		for (c = DIABETES; c <= STROKE; c++)
			assert_in_range(int_of(fld(&cohort, r, c)), 0, 1);
		if (*fld(&cohort, r, STEPS) != '\0')
			assert_in_range(int_of(fld(&cohort, r, STEPS)), 0,
			    60000);
		if (*fld(&cohort, r, ALCOHOL) != '\0') {
			x = tenths_of(fld(&cohort, r, ALCOHOL));
			assert_true(x >= 0.0 && x <= 200.0);
		}
		v = int_of(fld(&cohort, r, MI)) +
		    int_of(fld(&cohort, r, STROKE));
		if (*fld(&cohort, r, ADMIT) != '\0')
			check_date(fld(&cohort, r, ADMIT));
		else if (v > 0)
			fail_msg("row %ld: an event but no admission date", r);
	}
}

/* Empty fields appear only where documented, about as often as documented. */
static void
test_missing(void **state)
{
	long	n[NCOL] = { 0 }, r, none = 0, admitted = 0;
	int	c;

	(void)state;
	for (r = 0; r < cohort.nrows; r++) {
		for (c = 0; c < NCOL; c++) {
			if (*fld(&cohort, r, c) == '\0')
				n[c]++;
		}
		if (*fld(&cohort, r, MI) == '0' &&
		    *fld(&cohort, r, STROKE) == '0') {
			none++;
			if (*fld(&cohort, r, ADMIT) != '\0')
				admitted++;
		}
	}
	for (c = 0; c < NCOL; c++) {
		if (c != BMI && c != CHOL && c != STEPS && c != ALCOHOL &&
		    c != ADMIT)
			assert_int_equal(n[c], 0);
	}
	/* 2%, 1%, 1% and 3% of 20,000, give or take about 4 SDs. */
	assert_in_range(n[BMI], 320, 480);
	assert_in_range(n[CHOL], 140, 260);
	assert_in_range(n[STEPS], 140, 260);
	assert_in_range(n[ALCOHOL], 490, 710);
	/* About 5% of people without an event still have an admission. */
	assert_in_range(admitted * 1000 / none, 40, 60);
}

/* Sums for the effects test. */
struct rate {
	long	n, k;
};

/* Count one person, with or without the outcome. */
static void
rate_add(struct rate *r, int yes)
{
	r->n++;
	r->k += yes != 0;
}

/* The proportion with the outcome; the group must not be tiny. */
static double
rate_of(const struct rate *r)
{
	assert_true(r->n > 100);
	return (double)r->k / (double)r->n;
}

/* The built-in health effects are clear at 20,000 people. */
static void
test_effects(void **state)
{
	struct rate	 dia_lo = { 0, 0 }, dia_hi = { 0, 0 };
	struct rate	 cur1 = { 0, 0 }, cur5 = { 0, 0 };
	struct rate	 mi_never = { 0, 0 }, mi_cur = { 0, 0 };
	struct rate	 all_dia = { 0, 0 }, all_mi = { 0, 0 };
	struct rate	 all_st = { 0, 0 };
	double		 sbp_young = 0, sbp_old = 0, bmi, odds;
	long		 n_young = 0, n_old = 0, r, age, imd, smk, dia, mi;

	(void)state;
	for (r = 0; r < cohort.nrows; r++) {
		age = int_of(fld(&cohort, r, AGE));
		imd = int_of(fld(&cohort, r, IMD));
		smk = int_of(fld(&cohort, r, SMOKING));
		dia = int_of(fld(&cohort, r, DIABETES));
		mi = int_of(fld(&cohort, r, MI));
		rate_add(&all_dia, dia);
		rate_add(&all_mi, mi);
		rate_add(&all_st, int_of(fld(&cohort, r, STROKE)));
		if (*fld(&cohort, r, BMI) != '\0') {
			bmi = tenths_of(fld(&cohort, r, BMI));
			if (bmi >= 30)
				rate_add(&dia_hi, dia);
			else if (bmi < 25)
				rate_add(&dia_lo, dia);
		}
		if (imd == 1)
			rate_add(&cur1, smk == 2);
		else if (imd == 5)
			rate_add(&cur5, smk == 2);
		if (smk == 0)
			rate_add(&mi_never, mi);
		else if (smk == 2)
			rate_add(&mi_cur, mi);
		if (age < 40) {
			n_young++;
			sbp_young += (double)int_of(fld(&cohort, r, SBP));
		} else if (age >= 70) {
			n_old++;
			sbp_old += (double)int_of(fld(&cohort, r, SBP));
		}
	}
	/* Prevalences near the documented ones. */
	assert_true(rate_of(&all_dia) > 0.06 && rate_of(&all_dia) < 0.10);
	assert_true(rate_of(&all_mi) > 0.04 && rate_of(&all_mi) < 0.065);
	assert_true(rate_of(&all_st) > 0.015 && rate_of(&all_st) < 0.035);
	/* Diabetes: obese people have several times the prevalence. */
	assert_true(rate_of(&dia_hi) > 3 * rate_of(&dia_lo));
	/* Current smoking: about 25% in quintile 1 against about 8% in 5. */
	assert_true(rate_of(&cur1) > 0.20 && rate_of(&cur5) < 0.11);
	assert_true(rate_of(&cur1) > 2 * rate_of(&cur5));
	/* Heart attack: unadjusted odds ratio of about 2 for smoking. */
	odds = (rate_of(&mi_cur) / (1 - rate_of(&mi_cur))) /
	    (rate_of(&mi_never) / (1 - rate_of(&mi_never)));
	assert_true(odds > 1.5 && odds < 2.7);
	/* Blood pressure: at least 15 mmHg higher at 70+ than under 40. */
	assert_true(n_young > 100 && n_old > 100);
	assert_true(sbp_old / n_old > sbp_young / n_young + 15);
}

/* The index of name in list, or fail. */
static int
index_of(const char *name, const char *const *list, int n)
{
	int	i;

	for (i = 0; i < n; i++) {
		if (strcmp(name, list[i]) == 0)
			return i;
	}
	fail_msg("unexpected value '%s'", name);
	return -1;
}

/* The age band of an age, as in the counts table. */
static int
band_of(long age)
{
	return age < 35 ? 0 : age < 50 ? 1 : age < 65 ? 2 : age < 80 ? 3 : 4;
}

/* The counts table adds up to the cohort, cell by cell, in sorted order. */
static void
test_counts(void **state)
{
	long	cell[9 * 5 * 2 * 2 * 2 * 2] = { 0 };
	long	r, k, prev = -1, total = 0, v;
	int	i;

	(void)state;
	for (r = 0; r < cohort.nrows; r++) {
		k = index_of(fld(&cohort, r, REGION), regions, 9);
		k = k * 5 + band_of(int_of(fld(&cohort, r, AGE)));
		k = k * 2 + (*fld(&cohort, r, SEX) == 'M');
		for (i = DIABETES; i <= STROKE; i++)
			k = k * 2 + int_of(fld(&cohort, r, i));
		cell[k]++;
	}
	assert_true(counts.nrows > 50);
	for (r = 0; r < counts.nrows; r++) {
		k = index_of(fld(&counts, r, 0), regions, 9);
		k = k * 5 + index_of(fld(&counts, r, 1), bands, 5);
		if (strcmp(fld(&counts, r, 2), "F") != 0 &&
		    strcmp(fld(&counts, r, 2), "M") != 0)
			fail_msg("bad sex '%s'", fld(&counts, r, 2));
		k = k * 2 + (*fld(&counts, r, 2) == 'M');
		for (i = 3; i <= 5; i++)
			k = k * 2 + int_of(fld(&counts, r, i));
		assert_true(k > prev);	/* sorted, no duplicates */
		prev = k;
		v = int_of(fld(&counts, r, 6));
		assert_true(v >= 1);
		assert_int_equal(v, cell[k]);
		cell[k] = 0;
		total += v;
	}
	assert_int_equal(total, NROWS);
	for (k = 0; k < (long)(sizeof cell / sizeof cell[0]); k++)
		assert_int_equal(cell[k], 0);	/* every cell was listed */
}

/* Generators are found by name. */
static void
test_find(void **state)
{
	const lt_gen_entry	*g;
	size_t			 i;

	(void)state;
	assert_int_equal(lt_gen_count, 2);
	g = lt_gen_find("cohort");
	assert_non_null(g);
	assert_ptr_equal(g->write, lt_gen_cohort);
	assert_string_equal(g->name, "cohort");
	g = lt_gen_find("cohort-counts");
	assert_non_null(g);
	assert_ptr_equal(g->write, lt_gen_cohort_counts);
	assert_null(lt_gen_find("Cohort"));
	assert_null(lt_gen_find("cohort-"));
	assert_null(lt_gen_find(""));
	assert_null(lt_gen_find(NULL));
	for (i = 0; i < lt_gen_count; i++) {
		assert_ptr_equal(lt_gen_find(lt_gen_table[i].name),
		    &lt_gen_table[i]);
		assert_true(strlen(lt_gen_table[i].help) > 10);
	}
}

/* Read a whole file from top_srcdir; NULL if it cannot be opened. */
static char *
read_srcfile(const char *rel, size_t *lenp)
{
	const char	*top = getenv("top_srcdir");
	char		 path[4096];
	FILE		*f;
	char		*s;
	long		 n;

	snprintf(path, sizeof path, "%s/%s", top != NULL ? top : ".", rel);
	if ((f = fopen(path, "rb")) == NULL)
		fail_msg("cannot open %s (set top_srcdir)", path);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n >= 0);
	rewind(f);
	s = malloc((size_t)n + 1);
	assert_non_null(s);
	assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*lenp = (size_t)n;
	return s;
}

/* The shipped dataset files are exactly the generator's output. */
static void
test_shipped_files(void **state)
{
	char	*file, *made;
	size_t	 lf, lm;

	(void)state;
	file = read_srcfile("datasets/cohort/cohort.csv", &lf);
	made = gen_mem(lt_gen_cohort, NROWS, SEED, &lm);
	assert_int_equal(lf, lm);
	assert_memory_equal(file, made, lm);
	free(file);
	free(made);

	file = read_srcfile("datasets/cohort-counts/cohort-counts.csv", &lf);
	made = gen_mem(lt_gen_cohort_counts, NROWS, SEED, &lm);
	assert_int_equal(lf, lm);
	assert_memory_equal(file, made, lm);
	free(file);
	free(made);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_prefix),
		cmocka_unit_test(test_header_and_rows),
		cmocka_unit_test(test_bad_rows),
		cmocka_unit_test(test_write_error),
		cmocka_unit_test(test_ranges),
		cmocka_unit_test(test_missing),
		cmocka_unit_test(test_effects),
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_shipped_files),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
