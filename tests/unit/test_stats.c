/*
 * test_stats.c - unit tests for the descriptive statistics: NIST StRD
 * certified values, R's type 7 quartiles, and frequency weights that must
 * agree with the expanded data.
 */
#include "config.h"

#include "test_common.h"

#include <math.h>

#include "stats.h"

/* |a - b| <= tol * |b|, printing both numbers when it fails. */
#define assert_rel(a, b, tol) do {					\
	double a_ = (a), b_ = (b);					\
	if (!(fabs(a_ - b_) <= (tol) * fabs(b_))) {			\
		print_error("%.17g != %.17g (relative error %.3g)\n",	\
		    a_, b_, fabs(a_ - b_) / fabs(b_));			\
		fail();							\
	}								\
} while (0)

/* Bit-for-bit the same double (NaN equals NaN). */
#define assert_same(a, b) do {						\
	double a_ = (a), b_ = (b);					\
	if (!(a_ == b_ || (isnan(a_) && isnan(b_)))) {			\
		print_error("%.17g != %.17g\n", a_, b_);		\
		fail();							\
	}								\
} while (0)

/* The values of tests/fixtures/nist/<name>.csv. */
static double *
nist_data(const char *name, size_t *n)
{
	char *rel = lt_sprintf("tests/fixtures/nist/%s.csv", name);
	char *path = tc_src_path(rel), *text = tc_read_file(path, NULL), *p, *end;
	double *v = NULL;
	size_t cap = 0;

	*n = 0;
	p = strchr(text, '\n');
	assert_non_null(p);
	assert_memory_equal(text, "y\n", 2);
	for (p++; *p != '\0'; p = end) {
		double x;

		while (*p == '\n' || *p == '\r')
			p++;
		if (*p == '\0')
			break;
		x = strtod(p, &end);
		assert_true(end != p);
		v = lt_grow(v, &cap, *n + 1, sizeof *v);
		v[(*n)++] = x;
	}
	free(text);
	free(path);
	free(rel);
	return v;
}

/*
 * NIST's certified values as printed. NumAcc3 and NumAcc4 cannot match them
 * to 12 digits in binary floating point: their data (1000000.2 +- 0.1 and
 * 10000000.2 +- 0.1) are not representable, and the SD is a difference of
 * nearly equal numbers. "binary_sd" is the exact SD of the doubles the CSV
 * parses to (computed with rational arithmetic); lantern must match that
 * to 1e-14, and the certified value as closely as the input allows.
 */
static const struct nist_case {
	const char *name;
	size_t n;
	const char *mean, *sd;
	double tol;		/* relative tolerance against the certified values */
	double binary_sd;	/* exact SD of the parsed data, or 0 when it rounds to sd */
} nist[] = {
	{ "PiDigits", 5000, "4.53480000000000", "2.86733906028871", 1e-12, 0 },
	{ "Lottery", 218, "518.958715596330", "291.699727470969", 1e-12, 0 },
	{ "Lew", 200, "-177.435000000000", "277.332168044316", 1e-12, 0 },
	{ "Mavro", 50, "2.00185600000000", "0.000429123454003053", 1e-12, 0 },
	{ "Michelso", 100, "299.852400000000", "0.0790105478190518", 1e-12, 0 },
	{ "NumAcc1", 3, "10000002", "1", 1e-12, 0 },
	{ "NumAcc2", 1001, "1.2", "0.1", 1e-12, 0 },
	{ "NumAcc3", 1001, "1000000.2", "0.1", 1e-9, 0.10000000003492459655 },
	{ "NumAcc4", 1001, "10000000.2", "0.1", 1e-8, 0.10000000055879354477 },
};

static void
test_nist(void **state)
{
	(void)state;
	for (size_t k = 0; k < sizeof nist / sizeof nist[0]; k++) {
		const struct nist_case *c = &nist[k];
		size_t n;
		double *x = nist_data(c->name, &n);
		lt_summary s;

		print_message("%-9s n=%-5zu", c->name, n);
		assert_int_equal(n, c->n);
		lt_stats_summary(x, NULL, n, &s);
		print_message(" mean rel. error %.2g, sd rel. error %.2g\n",
		    fabs(s.mean - strtod(c->mean, NULL)) / fabs(strtod(c->mean, NULL)),
		    fabs(s.sd - strtod(c->sd, NULL)) / strtod(c->sd, NULL));
		assert_true(s.n == (double)n);
		assert_true(s.missing == 0);
		assert_rel(s.mean, strtod(c->mean, NULL), 1e-12);
		assert_rel(s.sd, strtod(c->sd, NULL), c->tol);
		if (c->binary_sd != 0)
			assert_rel(s.sd, c->binary_sd, 1e-14);
		free(x);
	}
}

/* The same data in reverse order and with missing values mixed in. */
static void
test_nist_order_and_missing(void **state)
{
	size_t n;
	double *x = nist_data("Lottery", &n), *y = lt_malloc(2 * n * sizeof *y);
	lt_summary a, b;

	(void)state;
	for (size_t i = 0; i < n; i++) {
		y[2 * i] = x[n - 1 - i];
		y[2 * i + 1] = NAN;
	}
	lt_stats_summary(x, NULL, n, &a);
	lt_stats_summary(y, NULL, 2 * n, &b);
	assert_true(b.n == (double)n);
	assert_true(b.missing == (double)n);
	assert_rel(b.mean, 518.958715596330, 1e-12);
	assert_rel(b.sd, 291.699727470969, 1e-12);
	assert_same(a.median, b.median);
	assert_same(a.min, b.min);
	assert_same(a.max, b.max);
	free(x);
	free(y);
}

static void
check_quartiles(const double *x, size_t n, double q1, double med, double q3)
{
	lt_summary s;

	lt_stats_summary(x, NULL, n, &s);
	assert_same(s.q1, q1);
	assert_same(s.median, med);
	assert_same(s.q3, q3);
}

static void
test_quartiles_type7(void **state)
{
	const double ten[] = { 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 };
	const double five[] = { 7, 1, 3, 9, 5 };
	const double seven[] = { 2, 4, 4, 5, 7, 9, 10 };
	const double four[] = { 1, 2, 3, 4 };
	const double two[] = { 0.1, 0.2 };
	double sorted[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
	lt_summary s;

	(void)state;
	/* R: quantile(1:10) is 1, 3.25, 5.5, 7.75, 10. */
	check_quartiles(ten, 10, 3.25, 5.5, 7.75);
	lt_stats_summary(ten, NULL, 10, &s);
	assert_same(s.min, 1);
	assert_same(s.max, 10);
	assert_same(s.mean, 5.5);
	assert_rel(s.sd, 3.0276503540974917, 1e-15);	/* sqrt(55 / 6) */
	/* R: quantile(c(7, 1, 3, 9, 5)) is 1, 3, 5, 7, 9. */
	check_quartiles(five, 5, 3, 5, 7);
	/* R: quantile(c(2, 4, 4, 5, 7, 9, 10)) is 2, 4, 5, 8, 10. */
	check_quartiles(seven, 7, 4, 5, 8);
	/* R: quantile(1:4) is 1, 1.75, 2.5, 3.25, 4. */
	check_quartiles(four, 4, 1.75, 2.5, 3.25);
	/* R: quantile(c(0.1, 0.2)) gives 0.125, 0.15, 0.175 (to print precision). */
	lt_stats_summary(two, NULL, 2, &s);
	assert_rel(s.q1, 0.125, 1e-15);
	assert_rel(s.median, 0.15, 1e-15);
	assert_rel(s.q3, 0.175, 1e-15);

	assert_same(lt_stats_quantile_sorted(sorted, NULL, 10, 0), 1);
	assert_same(lt_stats_quantile_sorted(sorted, NULL, 10, 1), 10);
	assert_rel(lt_stats_quantile_sorted(sorted, NULL, 10, 0.1), 1.9, 1e-15);
	assert_true(isnan(lt_stats_quantile_sorted(sorted, NULL, 10, -0.1)));
	assert_true(isnan(lt_stats_quantile_sorted(sorted, NULL, 10, 1.5)));
	assert_true(isnan(lt_stats_quantile_sorted(sorted, NULL, 10, NAN)));
	assert_true(isnan(lt_stats_quantile_sorted(sorted, NULL, 0, 0.5)));
}

static void
test_empty_and_single(void **state)
{
	const double nan3[] = { NAN, NAN, NAN };
	const double one[] = { 42.5 };
	const double w3[] = { 3 }, w1[] = { 1 }, w0[] = { 0 };
	lt_summary s;

	(void)state;
	lt_stats_summary(NULL, NULL, 0, &s);
	assert_true(s.n == 0 && s.missing == 0);
	assert_true(isnan(s.mean) && isnan(s.sd) && isnan(s.min) && isnan(s.max));
	assert_true(isnan(s.q1) && isnan(s.median) && isnan(s.q3));
	lt_stats_summary(nan3, NULL, 3, &s);
	assert_true(s.n == 0 && s.missing == 3);
	assert_true(isnan(s.mean) && isnan(s.median));

	lt_stats_summary(one, NULL, 1, &s);
	assert_true(s.n == 1 && s.missing == 0);
	assert_same(s.mean, 42.5);
	assert_true(isnan(s.sd));
	assert_same(s.min, 42.5);
	assert_same(s.q1, 42.5);
	assert_same(s.median, 42.5);
	assert_same(s.q3, 42.5);
	assert_same(s.max, 42.5);

	/* One row standing for three people: three equal values, SD 0. */
	lt_stats_summary(one, w3, 1, &s);
	assert_true(s.n == 3);
	assert_same(s.mean, 42.5);
	assert_same(s.sd, 0);
	assert_same(s.median, 42.5);
	/* ... for one person: SD undefined. */
	lt_stats_summary(one, w1, 1, &s);
	assert_true(s.n == 1);
	assert_true(isnan(s.sd));
	/* ... for nobody. */
	lt_stats_summary(one, w0, 1, &s);
	assert_true(s.n == 0 && s.missing == 0);
	assert_true(isnan(s.mean) && isnan(s.median));
}

static void
test_weights_ignored(void **state)
{
	const double x[] = { 1, 2, NAN, 3, 100, 200, 300, NAN, 4 };
	const double w[] = { 1, 2, 4, 1, 0, -3, NAN, NAN, INFINITY };
	const double plain[] = { 1, 2, 2, 3 };
	lt_summary a, b;

	(void)state;
	lt_stats_summary(x, w, 9, &a);
	lt_stats_summary(plain, NULL, 4, &b);
	assert_true(a.n == 4);
	assert_true(a.missing == 4);	/* the NaN value with weight 4 */
	assert_rel(a.mean, b.mean, 1e-15);
	assert_rel(a.sd, b.sd, 1e-15);
	assert_same(a.min, 1);
	assert_same(a.max, 3);
	assert_same(a.q1, b.q1);
	assert_same(a.median, b.median);
	assert_same(a.q3, b.q3);
}

/* A small deterministic generator (xorshift64*), so failures reproduce. */
static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;

static uint64_t
rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717ULL;
}

static unsigned
rng_below(unsigned n)
{
	return (unsigned)(rng() >> 33) % n;
}

static void
test_weights_equal_expanded(void **state)
{
	const double ps[] = { 0, 0.05, 0.1, 0.25, 0.33, 0.5, 0.6, 0.75, 0.9, 0.99, 1 };

	(void)state;
	for (int run = 0; run < 500; run++) {
		size_t m = 1 + rng_below(9), n = 0, ne = 0;
		double x[12], w[12], xe[200], xs[12], ws[12];
		lt_summary a, b;

		for (size_t i = 0; i < m; i++) {
			/* Values with ties and decimals; some missing, some unweighted. */
			x[i] = rng_below(10) == 0 ? NAN : (double)rng_below(40) / 4 - 3;
			w[i] = rng_below(8) == 0 ? 0 : 1 + rng_below(6);
			for (unsigned k = 0; k < (unsigned)w[i]; k++)
				xe[ne++] = x[i];
		}
		lt_stats_summary(x, w, m, &a);
		lt_stats_summary(xe, NULL, ne, &b);
		assert_same(a.n, b.n);
		assert_same(a.missing, b.missing);
		assert_same(a.min, b.min);
		assert_same(a.q1, b.q1);
		assert_same(a.median, b.median);
		assert_same(a.q3, b.q3);
		assert_same(a.max, b.max);
		if (isnan(b.mean)) {
			assert_true(isnan(a.mean));
		} else if (fabs(b.mean) < 1e-12) {
			/* a sum that should be 0 rounds differently in another order */
			assert_true(fabs(a.mean) <= 1e-12);
		} else {
			assert_rel(a.mean, b.mean, 1e-14);
		}
		if (isnan(b.sd))
			assert_true(isnan(a.sd));
		else if (b.sd == 0)
			assert_true(a.sd <= 1e-15);
		else
			assert_rel(a.sd, b.sd, 1e-13);

		/* Any p: sort the weighted rows and compare with the expanded data. */
		for (size_t i = 0; i < m; i++)
			if (!isnan(x[i]) && w[i] > 0) {
				size_t j = n++;

				while (j > 0 && xs[j - 1] > x[i]) {
					xs[j] = xs[j - 1];
					ws[j] = ws[j - 1];
					j--;
				}
				xs[j] = x[i];
				ws[j] = w[i];
			}
		ne = 0;
		for (size_t i = 0; i < n; i++)
			for (unsigned k = 0; k < (unsigned)ws[i]; k++)
				xe[ne++] = xs[i];
		for (size_t k = 0; k < sizeof ps / sizeof ps[0]; k++)
			assert_same(lt_stats_quantile_sorted(xs, ws, n, ps[k]),
			    lt_stats_quantile_sorted(xe, NULL, ne, ps[k]));
	}
}

static void
test_weights_unit_equal_unweighted(void **state)
{
	size_t n;
	double *x = nist_data("Michelso", &n), *w = lt_malloc(n * sizeof *w);
	lt_summary a, b;

	(void)state;
	for (size_t i = 0; i < n; i++)
		w[i] = 1;
	lt_stats_summary(x, w, n, &a);
	lt_stats_summary(x, NULL, n, &b);
	assert_rel(a.mean, 299.852400000000, 1e-12);
	assert_rel(a.sd, 0.0790105478190518, 1e-12);
	assert_same(a.median, b.median);
	assert_same(a.q1, b.q1);
	assert_same(a.q3, b.q3);
	free(x);
	free(w);
}

/*
 * Standard error, t-based CI, skewness G1 and excess kurtosis G2.
 * 1..10: mean 5.5, SD 3.0276504 (sqrt(55/6)), SE = SD/sqrt(10), t(0.975, 9) =
 * 2.2621572 (any t table), so the CI is 5.5 -/+ 2.1658...; G1 = 0 (symmetric);
 * G2 = -1.2 (Excel KURT(1,...,10) = -1.2). {1,2,3,4,10}: G1 = 1.6970563 by
 * SKEW's formula n/((n-1)(n-2)) sum(((x-mean)/s)^3), computed here too.
 */
static void
test_moments(void **state)
{
	double x[10], y[] = { 1, 2, 3, 4, 10 }, want = 0, s2 = 0;
	lt_summary sm;

	(void)state;
	for (int i = 0; i < 10; i++)
		x[i] = i + 1;
	lt_stats_summary(x, NULL, 10, &sm);
	assert_true(fabs(sm.se - sqrt(55.0 / 6.0) / sqrt(10.0)) < 1e-14);
	assert_true(fabs(sm.ci_lo - (5.5 - 2.2621571627982 * sm.se)) < 1e-9);
	assert_true(fabs(sm.ci_hi - (5.5 + 2.2621571627982 * sm.se)) < 1e-9);
	assert_true(fabs(sm.skew) < 1e-14);
	assert_true(fabs(sm.kurt - (-1.2)) < 1e-12);
	assert_true(fabs(sm.iqr - (7.75 - 3.25)) < 1e-14);

	for (int i = 0; i < 5; i++)
		s2 += (y[i] - 4) * (y[i] - 4);
	s2 = sqrt(s2 / 4);
	for (int i = 0; i < 5; i++)
		want += pow((y[i] - 4) / s2, 3);
	want *= 5.0 / (4.0 * 3.0);
	lt_stats_summary(y, NULL, 5, &sm);
	assert_true(fabs(sm.skew - want) < 1e-12);
	assert_true(fabs(sm.skew - 1.6970563) < 1e-7);

	/* Frequency weights give the same moments as the expanded data. */
	{
		double v[] = { 1, 2, 10 }, w[] = { 1, 3, 1 };
		double e[] = { 1, 2, 2, 2, 10 };
		lt_summary a, b;

		lt_stats_summary(v, w, 3, &a);
		lt_stats_summary(e, NULL, 5, &b);
		assert_true(fabs(a.skew - b.skew) < 1e-12);
		assert_true(fabs(a.kurt - b.kurt) < 1e-12);
		assert_true(fabs(a.ci_lo - b.ci_lo) < 1e-12);
	}
	/* Too few values: NaN, not nonsense. */
	lt_stats_summary(y, NULL, 2, &sm);
	assert_true(isnan(sm.skew) && isnan(sm.kurt) && !isnan(sm.se));
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/*
 * The summary's quartiles come from selection, not a sort: they must be
 * exactly the sorted data's type 7 quantiles, for sizes 1 to 60 and a
 * large one, with many ties, sorted and reversed input.
 */
static void
test_quartiles_by_selection(void **state)
{
	(void)state;
	for (size_t m = 1; m <= 3000; m = m < 60 ? m + 1 : m * 50) {
		for (int kind = 0; kind < 4; kind++) {
			double *x = malloc(m * sizeof *x), *s = malloc(m * sizeof *s);
			lt_summary a;

			for (size_t i = 0; i < m; i++)
				x[i] = kind == 0 ? (double)rng_below(7) :	/* ties */
				    kind == 1 ? (double)i :			/* sorted */
				    kind == 2 ? (double)(m - i) :		/* reversed */
				    (double)rng_below(100000) / 7;
			memcpy(s, x, m * sizeof *s);
			qsort(s, m, sizeof *s, cmp_double);
			lt_stats_summary(x, NULL, m, &a);
			assert_true(a.min == s[0]);
			assert_true(a.max == s[m - 1]);
			assert_true(a.q1 == lt_stats_quantile_sorted(s, NULL, m, 0.25));
			assert_true(a.median == lt_stats_quantile_sorted(s, NULL, m, 0.5));
			assert_true(a.q3 == lt_stats_quantile_sorted(s, NULL, m, 0.75));
			free(x);
			free(s);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nist),
		cmocka_unit_test(test_nist_order_and_missing),
		cmocka_unit_test(test_quartiles_type7),
		cmocka_unit_test(test_moments),
		cmocka_unit_test(test_empty_and_single),
		cmocka_unit_test(test_weights_ignored),
		cmocka_unit_test(test_weights_equal_expanded),
		cmocka_unit_test(test_weights_unit_equal_unweighted),
		cmocka_unit_test(test_quartiles_by_selection),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
