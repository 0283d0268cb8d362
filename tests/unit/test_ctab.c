/*
 * test_ctab.c - unit tests for the counting statistics: published values
 * (Newcombe 1998, Agresti 2007 through R's documented examples, Garwood's
 * Poisson limits, Nightingale's own rates), each also recomputed here by a
 * different method: another form of the formula, bisection on a CDF summed
 * term by term, or enumeration of every table with the same margins.
 */
#include "config.h"

#include "test_common.h"

#include <math.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>

#include "ctab.h"

/* |a - b| <= tol, printing both numbers when it fails. */
#define assert_near(a, b, tol) do {					\
	double a_ = (a), b_ = (b);					\
	if (!(fabs(a_ - b_) <= (tol))) {				\
		print_error("%.17g != %.17g (difference %.3g)\n",	\
		    a_, b_, fabs(a_ - b_));				\
		fail();							\
	}								\
} while (0)

/* |a - b| <= tol * |b|. */
#define assert_rel(a, b, tol) do {					\
	double a_ = (a), b_ = (b);					\
	if (!(fabs(a_ - b_) <= (tol) * fabs(b_))) {			\
		print_error("%.17g != %.17g (relative error %.3g)\n",	\
		    a_, b_, fabs(a_ - b_) / fabs(b_));			\
		fail();							\
	}								\
} while (0)

#define assert_nan(a) assert_true(isnan(a))

/* z for 95%: qnorm(0.975), to 17 digits. */
#define Z95 1.959963984540054

/* ------------------------------------------------------------ references */

/* Binomial P(X <= k), X ~ binomial(n, p), summed term by term (libm only). */
static double
binom_cdf(int k, int n, double p)
{
	double s = 0;

	for (int i = 0; i <= k; i++)
		s += exp(lgamma(n + 1.0) - lgamma(i + 1.0) - lgamma(n - i + 1.0) +
		    (i ? i * log(p) : 0) + (n - i ? (n - i) * log1p(-p) : 0));
	return s;
}

/* Poisson P(X <= k), X ~ Poisson(mu), summed term by term. */
static double
pois_cdf(int k, double mu)
{
	double s = 0, t = exp(-mu);

	for (int i = 0; i <= k; i++) {
		s += t;
		t *= mu / (i + 1);
	}
	return s;
}

/* The x in (lo, hi) where f(x) = target, f increasing (inc) or decreasing. */
static double
bisect(double (*f)(double, const int *), const int *arg, double lo, double hi,
    double target, int inc)
{
	for (int i = 0; i < 200; i++) {
		double mid = (lo + hi) / 2, v = f(mid, arg);

		if ((v < target) == (inc != 0))
			lo = mid;
		else
			hi = mid;
	}
	return (lo + hi) / 2;
}

/* P(X >= k) for binomial(n, p); arg = { k, n }. */
static double
binom_upper(double p, const int *arg)
{
	return 1 - binom_cdf(arg[0] - 1, arg[1], p);
}

/* P(X <= k) for binomial(n, p). */
static double
binom_lower(double p, const int *arg)
{
	return binom_cdf(arg[0], arg[1], p);
}

/* P(X >= k) for Poisson(mu); arg = { k }. */
static double
pois_upper(double mu, const int *arg)
{
	return 1 - pois_cdf(arg[0] - 1, mu);
}

/* P(X <= k) for Poisson(mu). */
static double
pois_lower(double mu, const int *arg)
{
	return pois_cdf(arg[0], mu);
}

/* Clopper-Pearson limits by definition: P(X >= k | lo) = P(X <= k | hi) = 0.025. */
static void
cp_by_bisection(int k, int n, double *lo, double *hi)
{
	int arg[2] = { k, n };

	*lo = k == 0 ? 0 : bisect(binom_upper, arg, 0, 1, 0.025, 1);
	*hi = k == n ? 1 : bisect(binom_lower, arg, 0, 1, 0.025, 0);
}

/*
 * Every table with the margins of t (r x c, whole numbers), enumerated
 * cell by cell: the total probability, the two-sided p (tables with P <=
 * (1 + 1e-7) P(observed), R's rule) and how many tables there are.
 */
typedef struct brute {
	int r, c;
	int *row, *col;		/* remaining margins */
	double lp_obs;		/* log P of the observed table (no constant) */
	double total, p, tables;
	double K;
} brute;

static void
brute_fill(brute *b, int cell, double lp)
{
	int i, j, lo, hi;

	if (cell == b->r * b->c) {
		double pr = exp(b->K + lp);

		b->total += pr;
		b->tables++;
		if (pr <= exp(b->K + b->lp_obs) * (1 + 1e-7))
			b->p += pr;
		return;
	}
	i = cell / b->c;
	j = cell % b->c;
	lo = 0;
	hi = b->row[i] < b->col[j] ? b->row[i] : b->col[j];
	if (j == b->c - 1 || i == b->r - 1) {
		/* The last cell of a row or a column is forced. */
		lo = j == b->c - 1 ? b->row[i] : b->col[j];
		if (lo > hi)
			return;
		hi = lo;
	}
	for (int x = lo; x <= hi; x++) {
		b->row[i] -= x;
		b->col[j] -= x;
		brute_fill(b, cell + 1, lp - lgamma(x + 1.0));
		b->row[i] += x;
		b->col[j] += x;
	}
}

/* Fisher's two-sided p by enumerating every table; *tables gets how many. */
static double
brute_fisher(const double *t, int r, int c, double *tables)
{
	brute b;
	double n = 0;

	memset(&b, 0, sizeof b);
	b.r = r;
	b.c = c;
	b.row = calloc((size_t)r, sizeof *b.row);
	b.col = calloc((size_t)c, sizeof *b.col);
	for (int i = 0; i < r; i++)
		for (int j = 0; j < c; j++) {
			int x = (int)t[i * c + j];

			b.row[i] += x;
			b.col[j] += x;
			b.lp_obs -= lgamma(x + 1.0);
			n += x;
		}
	for (int i = 0; i < r; i++)
		b.K += lgamma(b.row[i] + 1.0);
	for (int j = 0; j < c; j++)
		b.K += lgamma(b.col[j] + 1.0);
	b.K -= lgamma(n + 1);
	brute_fill(&b, 0, 0);
	free(b.row);
	free(b.col);
	assert_near(b.total, 1, 1e-9);	/* the enumeration is complete */
	if (tables != NULL)
		*tables = b.tables;
	return b.p;
}

/* ------------------------------------------------------------ proportions */

/*
 * Newcombe RG (1998). Two-sided confidence intervals for the single
 * proportion: comparison of seven methods. Stat Med 17:857-872, Table II
 * (the four examples): method 3 (Wilson score) and method 5 (exact,
 * Clopper-Pearson), printed to 4 decimals; tolerance 5e-5.
 */
static const struct newcombe {
	double k, n;
	double wlo, whi;	/* method 3 */
	double elo, ehi;	/* method 5 */
} newcombe[] = {
	{ 81, 263, 0.2553, 0.3662, 0.2527, 0.3676 },
	{ 15, 148, 0.0624, 0.1605, 0.0578, 0.1617 },
	{ 0, 20, 0, 0.1611, 0, 0.1684 },
	{ 1, 29, 0.0061, 0.1718, 0.0009, 0.1776 },
};

static void
test_wilson_newcombe(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof newcombe / sizeof newcombe[0]; i++) {
		const struct newcombe *c = &newcombe[i];
		lt_ctab_prop p;
		lt_error err;
		double ph, z2 = Z95 * Z95, mid, half;

		assert_int_equal(lt_ctab_wilson(c->k, c->n, 0.95, &p, &err), 0);
		assert_near(p.lo, c->wlo, 5e-5);
		assert_near(p.hi, c->whi, 5e-5);
		assert_true(p.p == c->k / c->n);
		assert_int_equal(p.rounded, 0);
		/*
		 * The same interval in Wilson's other textbook form
		 * (Agresti 2007, eq. 1.15 ff.): (ph + z^2/2n +- z sqrt(ph(1-ph)/n
		 * + z^2/4n^2)) / (1 + z^2/n).
		 */
		ph = c->k / c->n;
		mid = (ph + z2 / (2 * c->n)) / (1 + z2 / c->n);
		half = Z95 * sqrt(ph * (1 - ph) / c->n + z2 / (4 * c->n * c->n)) /
		    (1 + z2 / c->n);
		assert_near(p.lo, c->k == 0 ? 0 : mid - half, 1e-14);
		assert_near(p.hi, mid + half, 1e-14);
	}
}

static void
test_wilson_edges(void **state)
{
	lt_ctab_prop p;
	lt_error err;

	(void)state;
	/* k = n: the upper limit is exactly 1, the lower one mirrors 0/20. */
	assert_int_equal(lt_ctab_wilson(20, 20, 0.95, &p, &err), 0);
	assert_true(p.hi == 1);
	assert_near(p.lo, 1 - 0.1611, 5e-5);
	/* Weighted, non-integer counts are used as they are. */
	assert_int_equal(lt_ctab_wilson(2.5, 10.5, 0.95, &p, &err), 0);
	assert_int_equal(p.rounded, 0);
	assert_true(p.lo > 0 && p.lo < 2.5 / 10.5 && p.hi < 1);
	/* 90% is narrower than 95%. */
	{
		lt_ctab_prop q;

		assert_int_equal(lt_ctab_wilson(81, 263, 0.90, &q, &err), 0);
		assert_true(q.lo > 0.2553 && q.hi < 0.3662);
	}
	assert_int_equal(lt_ctab_wilson(5, 4, 0.95, &p, &err), LT_EINVAL);
	assert_true(tc_contains(err.msg, "between 0 and the group size"));
	assert_int_equal(lt_ctab_wilson(1, 0, 0.95, &p, &err), LT_EINVAL);
	assert_int_equal(lt_ctab_wilson(-1, 4, 0.95, &p, &err), LT_EINVAL);
	assert_int_equal(lt_ctab_wilson(NAN, 4, 0.95, &p, &err), LT_EINVAL);
	assert_int_equal(lt_ctab_wilson(1, 4, 95, &p, &err), LT_EINVAL);
	assert_true(tc_contains(err.msg, "confidence level"));
	assert_nan(p.lo);
}

static void
test_clopper_pearson(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof newcombe / sizeof newcombe[0]; i++) {
		const struct newcombe *c = &newcombe[i];
		lt_ctab_prop p;
		lt_error err;
		double lo, hi;

		assert_int_equal(lt_ctab_clopper_pearson(c->k, c->n, 0.95, &p,
		    &err), 0);
		/* Newcombe (1998) Table II, method 5. */
		assert_near(p.lo, c->elo, 5e-5);
		assert_near(p.hi, c->ehi, 5e-5);
		/* By definition, bisection on the binomial CDF summed here. */
		cp_by_bisection((int)c->k, (int)c->n, &lo, &hi);
		assert_near(p.lo, lo, 1e-10);
		assert_near(p.hi, hi, 1e-10);
		assert_int_equal(p.rounded, 0);
	}
}

static void
test_clopper_pearson_rounding(void **state)
{
	lt_ctab_prop p, q;
	lt_error err;

	(void)state;
	/* 0.6 and 28.7 round to 1 and 29: the interval of 1/29, flagged. */
	assert_int_equal(lt_ctab_clopper_pearson(0.6, 28.7, 0.95, &p, &err), 0);
	assert_int_equal(lt_ctab_clopper_pearson(1, 29, 0.95, &q, &err), 0);
	assert_int_equal(p.rounded, 1);
	assert_int_equal(q.rounded, 0);
	assert_true(p.lo == q.lo && p.hi == q.hi);
	assert_true(p.p == 0.6 / 28.7);
	/* Less than half a person rounds to nobody: refused. */
	assert_int_equal(lt_ctab_clopper_pearson(0, 0.4, 0.95, &p, &err),
	    LT_EINVAL);
	assert_true(tc_contains(err.msg, "at least one whole person"));
}

/* ------------------------------------------------------------ chi-square */

/*
 * Agresti (2007), An Introduction to Categorical Data Analysis, 2nd ed.,
 * p.39: party identification by gender, as in R's ?chisq.test example
 * M <- as.table(rbind(c(762, 327, 468), c(484, 239, 477))), whose printed
 * output is X-squared = 30.07, df = 2, p-value = 2.954e-07 and
 * Xsq$expected 703.6714 319.6453 533.6834 / 542.3286 246.3547 411.3166.
 * (matrix(c(762, 327, 468, 484, 239, 477), nrow = 2) would fill by column:
 * a different table.)
 */
static void
test_chisq_agresti(void **state)
{
	const double m[] = { 762, 327, 468, 484, 239, 477 };
	const double ex[] = { 703.6714, 319.6453, 533.6834,
	    542.3286, 246.3547, 411.3166 };
	lt_ctab_chisq c;
	lt_error err;

	(void)state;
	assert_int_equal(lt_ctab_chisq_test(m, 2, 3, &c, &err), 0);
	assert_near(c.chisq, 30.07, 0.005);
	assert_true(c.df == 2);
	assert_rel(c.p, 2.954e-07, 2e-4);
	/* With 2 df the chi-square upper tail is exp(-x/2) exactly. */
	assert_rel(c.p, exp(-c.chisq / 2), 1e-12);
	for (int i = 0; i < 6; i++)
		assert_near(c.expected[i], ex[i], 5e-5);
	assert_true(c.total == 2757);
	assert_true(c.row_total[0] == 1557 && c.row_total[1] == 1200);
	assert_true(c.col_total[0] == 1246 && c.col_total[2] == 945);
	assert_int_equal(c.rows_used, 2);
	assert_int_equal(c.cols_used, 3);
	assert_near(c.min_expected, 246.3547, 5e-5);
	assert_int_equal(c.cells_small, 0);
	assert_int_equal(c.small, 0);
	/* Cramer's V = sqrt(X^2 / (n (min(r, c) - 1))). */
	assert_rel(c.cramer_v, sqrt(c.chisq / 2757), 1e-14);
	assert_nan(c.yates_chisq);
	assert_nan(c.phi);
	lt_ctab_chisq_free(&c);
	assert_null(c.expected);
}

/*
 * A 2 x 2 worked by hand: exposed 20 with the event, 80 without; not
 * exposed 10 and 90. Row totals 100, 100; column totals 30, 170; n = 200.
 * Expected counts 15, 85, 15, 85, so |O - E| = 5 in every cell:
 *   X^2 = 25 (2/15 + 2/85) = 200/51 = 3.9215686...
 *   Yates: 4.5^2 (2/15 + 2/85) = 162/51 = 3.1764706...
 *   phi = (20*90 - 80*10) / sqrt(100*100*30*170) = 1000/sqrt(51e6)
 * and a 1-df p-value is erfc(sqrt(x/2)).
 */
static void
test_chisq_2x2(void **state)
{
	const double t[] = { 20, 80, 10, 90 };
	const double flat[] = { 5, 5, 5, 5 };
	lt_ctab_chisq c;
	lt_error err;

	(void)state;
	assert_int_equal(lt_ctab_chisq_test(t, 2, 2, &c, &err), 0);
	assert_rel(c.chisq, 200.0 / 51, 1e-14);
	assert_rel(c.yates_chisq, 162.0 / 51, 1e-14);
	assert_rel(c.p, erfc(sqrt(100.0 / 51)), 1e-12);
	assert_rel(c.yates_p, erfc(sqrt(81.0 / 51)), 1e-12);
	assert_rel(c.phi, 1000 / sqrt(51e6), 1e-14);
	assert_rel(c.cramer_v, 1000 / sqrt(51e6), 1e-14);
	assert_true(c.df == 1);
	assert_int_equal(c.small, 0);
	lt_ctab_chisq_free(&c);
	/* The reverse association gives a negative phi. */
	{
		const double u[] = { 10, 90, 20, 80 };

		assert_int_equal(lt_ctab_chisq_test(u, 2, 2, &c, &err), 0);
		assert_rel(c.phi, -1000 / sqrt(51e6), 1e-14);
		lt_ctab_chisq_free(&c);
	}
	/*
	 * No association at all: R's correction is min(0.5, |O - E|) = 0,
	 * so the corrected X^2 is 0 too (not (0 - 0.5)^2 / E).
	 */
	assert_int_equal(lt_ctab_chisq_test(flat, 2, 2, &c, &err), 0);
	assert_true(c.chisq == 0 && c.yates_chisq == 0);
	assert_true(c.p == 1 && c.yates_p == 1);
	assert_true(c.phi == 0);
	lt_ctab_chisq_free(&c);
}

/* Empty rows and columns are dropped, and the rest is a 2 x 2. */
static void
test_chisq_empty_margins(void **state)
{
	const double t[] = { 3, 0, 2, 0, 0, 0, 1, 0, 4 };
	const double sub[] = { 3, 2, 1, 4 };
	const double one_row[] = { 3, 4, 5 };
	const double zeros[] = { 0, 0, 0, 0 };
	const double bad[] = { 1, -2, 3, 4 };
	const double nan[] = { 1, NAN, 3, 4 };
	lt_ctab_chisq c, d;
	lt_error err;

	(void)state;
	assert_int_equal(lt_ctab_chisq_test(t, 3, 3, &c, &err), 0);
	assert_int_equal(lt_ctab_chisq_test(sub, 2, 2, &d, &err), 0);
	assert_int_equal(c.rows_used, 2);
	assert_int_equal(c.cols_used, 2);
	assert_true(c.row_total[1] == 0 && c.col_total[1] == 0);
	assert_nan(c.expected[1]);
	assert_nan(c.expected[3]);
	assert_true(c.expected[0] == d.expected[0]);
	assert_true(c.chisq == d.chisq && c.df == 1 && c.p == d.p);
	assert_true(c.yates_chisq == d.yates_chisq && c.phi == d.phi);
	/*
	 * Rows 5, 5 and columns 4, 6 of n = 10: expected 2, 3, 2, 3, so all
	 * four cells are below 5 and Cochran's rule fails.
	 */
	assert_true(c.min_expected == 2);
	assert_int_equal(c.cells_small, 4);
	assert_true(c.share_small == 1);
	assert_int_equal(c.small, 1);
	lt_ctab_chisq_free(&c);
	lt_ctab_chisq_free(&d);
	/* One row: totals and expected counts, but nothing to test. */
	assert_int_equal(lt_ctab_chisq_test(one_row, 1, 3, &c, &err), 0);
	assert_int_equal(c.rows_used, 1);
	assert_true(c.total == 12 && c.expected[2] == 5);
	assert_nan(c.chisq);
	assert_nan(c.p);
	assert_nan(c.cramer_v);
	lt_ctab_chisq_free(&c);
	assert_int_equal(lt_ctab_chisq_test(zeros, 2, 2, &c, &err), LT_EINVAL);
	assert_true(tc_contains(err.msg, "no counts"));
	assert_null(c.expected);
	assert_int_equal(lt_ctab_chisq_test(bad, 2, 2, &c, &err), LT_EINVAL);
	assert_true(tc_contains(err.msg, "0 or more"));
	assert_int_equal(lt_ctab_chisq_test(nan, 2, 2, &c, &err), LT_EINVAL);
	assert_int_equal(lt_ctab_chisq_test(t, 0, 3, &c, &err), LT_EINVAL);
	lt_ctab_chisq_free(&c);
}

/*
 * Cochran's rule at its edges: more than 20% of cells below 5, or any
 * cell below 1. A column of total 6 split evenly between two equal rows
 * has two expected counts of 3.
 */
static void
test_chisq_cochran(void **state)
{
	/* 2 x 5: 2 cells of 10 below 5 = 20%, not more: fine. */
	const double t25[] = { 50, 50, 50, 50, 3, 50, 50, 50, 50, 3 };
	/* 2 x 4: 2 cells of 8 = 25%: small. */
	const double t24[] = { 50, 50, 50, 3, 50, 50, 50, 3 };
	/* 2 x 10 with a column of total 1: 2 of 20 cells (10%), but E = 0.5. */
	double t2x10[20];
	lt_ctab_chisq c;
	lt_error err;

	(void)state;
	assert_int_equal(lt_ctab_chisq_test(t25, 2, 5, &c, &err), 0);
	assert_int_equal(c.cells_small, 2);
	assert_true(c.share_small == 0.2);
	assert_true(c.min_expected == 3);
	assert_int_equal(c.small, 0);
	lt_ctab_chisq_free(&c);
	assert_int_equal(lt_ctab_chisq_test(t24, 2, 4, &c, &err), 0);
	assert_true(c.share_small == 0.25);
	assert_int_equal(c.small, 1);
	lt_ctab_chisq_free(&c);
	for (int i = 0; i < 20; i++)
		t2x10[i] = 50;
	t2x10[9] = 1;
	t2x10[19] = 0;
	assert_int_equal(lt_ctab_chisq_test(t2x10, 2, 10, &c, &err), 0);
	assert_true(c.share_small == 0.1);
	assert_true(c.min_expected < 1);
	assert_int_equal(c.small, 1);
	lt_ctab_chisq_free(&c);
}

static void
test_percent(void **state)
{
	const double t[] = { 1, 3, 0, 0, 2, 2 };
	double out[6];
	lt_error err;

	(void)state;
	assert_int_equal(lt_ctab_percent(t, 3, 2, LT_CTAB_ROW, out, &err), 0);
	assert_true(out[0] == 25 && out[1] == 75);
	assert_nan(out[2]);	/* empty row */
	assert_nan(out[3]);
	assert_true(out[4] == 50 && out[5] == 50);
	assert_int_equal(lt_ctab_percent(t, 3, 2, LT_CTAB_COL, out, &err), 0);
	assert_rel(out[0], 100.0 / 3, 1e-15);
	assert_rel(out[4], 200.0 / 3, 1e-15);
	assert_true(out[1] == 60 && out[5] == 40 && out[2] == 0);
	assert_int_equal(lt_ctab_percent(t, 3, 2, LT_CTAB_ALL, out, &err), 0);
	assert_true(out[0] == 12.5 && out[1] == 37.5 && out[4] == 25);
	assert_int_equal(lt_ctab_percent(t, 3, 2, (enum lt_ctab_margin)7, out,
	    &err), LT_EINVAL);
}

/* ------------------------------------------------------------ Fisher */

/*
 * R's ?fisher.test: TeaTasting <- matrix(c(3, 1, 1, 3), nrow = 2);
 * fisher.test(TeaTasting, alternative = "greater") prints p-value = 0.2429,
 * and two-sided the p-value is 0.4857. By hand: the top-left cell is
 * hypergeometric with probabilities 1, 16, 36, 16, 1 (/70) for 0..4, so
 * two-sided = (1 + 16 + 16 + 1)/70, greater = 17/70, less = 69/70.
 * Fisher (1935), The Design of Experiments, section 2: the lady got all
 * four right, { 4, 0, 0, 4 }, one-sided p = 1/70.
 */
static void
test_fisher_tea(void **state)
{
	const double tea[] = { 3, 1, 1, 3 };
	const double lady[] = { 4, 0, 0, 4 };
	lt_ctab_fisher f;
	lt_error err;

	(void)state;
	assert_int_equal(lt_ctab_fisher_test(tea, 2, 2, &f, &err), 0);
	assert_near(f.p, 0.4857, 5e-5);
	assert_near(f.p_greater, 0.2429, 5e-5);
	assert_rel(f.p, 34.0 / 70, 1e-12);
	assert_rel(f.p_greater, 17.0 / 70, 1e-12);
	assert_rel(f.p_less, 69.0 / 70, 1e-12);
	assert_rel(f.p, brute_fisher(tea, 2, 2, NULL), 1e-12);
	assert_int_equal(f.rounded, 0);
	assert_int_equal(lt_ctab_fisher_test(lady, 2, 2, &f, &err), 0);
	assert_rel(f.p_greater, 1.0 / 70, 1e-12);
	assert_rel(f.p, 2.0 / 70, 1e-12);
	assert_true(f.p_less == 1);
}

/*
 * R's ?fisher.test: Convictions <- matrix(c(2, 10, 15, 3), nrow = 2) (twins
 * of criminals, Fisher 1962); fisher.test(Convictions, alternative =
 * "less") prints p-value = 0.0004652. By rows: { 2, 15, 10, 3 }.
 */
static void
test_fisher_convictions(void **state)
{
	const double conv[] = { 2, 15, 10, 3 };
	lt_ctab_fisher f;
	lt_error err;

	(void)state;
	assert_int_equal(lt_ctab_fisher_test(conv, 2, 2, &f, &err), 0);
	assert_near(f.p_less, 0.0004652, 5e-8);
	assert_rel(f.p, brute_fisher(conv, 2, 2, NULL), 1e-10);
	assert_true(f.p > f.p_less && f.p < 2 * f.p_less);
}

/* Zero cells, empty margins and weighted counts. */
static void
test_fisher_zero_cells(void **state)
{
	const double z[] = { 0, 5, 6, 1 };
	const double zz[] = { 0, 9, 7, 0 };
	const double empty_row[] = { 0, 0, 3, 4 };
	const double w[] = { 3.2, 1, 1, 2.6 };
	lt_ctab_fisher f;
	lt_error err;
	double n;

	(void)state;
	assert_int_equal(lt_ctab_fisher_test(z, 2, 2, &f, &err), 0);
	assert_rel(f.p, brute_fisher(z, 2, 2, &n), 1e-12);
	/*
	 * Margins 5, 7 / 6, 6: the top-left cell runs 0..5 (6 tables); it is
	 * 0, the least likely end, so p_less = P(0) = C(6,0) C(6,5) / C(12,5)
	 * = 6/792.
	 */
	assert_true(n == 6);
	assert_rel(f.p_less, 6.0 / 792, 1e-12);
	assert_int_equal(lt_ctab_fisher_test(zz, 2, 2, &f, &err), 0);
	assert_rel(f.p, brute_fisher(zz, 2, 2, NULL), 1e-12);
	/* 7 and 9 in opposite corners: 1 / C(16, 7). */
	assert_rel(f.p_less, 1.0 / 11440, 1e-12);
	/* An empty row allows only the observed table. */
	assert_int_equal(lt_ctab_fisher_test(empty_row, 2, 2, &f, &err), 0);
	assert_true(f.p == 1 && f.p_less == 1 && f.p_greater == 1);
	assert_int_equal(f.rows_used, 1);
	/* Weighted counts are rounded, and that is said. */
	assert_int_equal(lt_ctab_fisher_test(w, 2, 2, &f, &err), 0);
	assert_int_equal(f.rounded, 1);
	assert_rel(f.p, 34.0 / 70, 1e-12);
}

/*
 * R's ?fisher.test: Job <- matrix(c(1,2,1,0, 3,3,6,1, 10,10,14,9,
 * 6,7,12,11), 4, 4) (job satisfaction by income, Agresti 2002, p.57);
 * fisher.test(Job) prints p-value = 0.7827. The network algorithm must
 * agree to the printed digits.
 */
static void
test_fisher_rxc_job(void **state)
{
	const double job[] = { 1, 3, 10, 6, 2, 3, 10, 7, 1, 6, 14, 12,
	    0, 1, 9, 11 };
	lt_ctab_fisher f;
	lt_error err;

	(void)state;
	assert_int_equal(lt_ctab_fisher_test(job, 4, 4, &f, &err), 0);
	assert_near(f.p, 0.7827, 5e-5);
	assert_nan(f.p_less);
	assert_nan(f.p_greater);
}

/* r x c tables against enumeration of every table with their margins. */
static void
test_fisher_rxc_brute(void **state)
{
	static const struct {
		int r, c;
		double t[12];
	} tabs[] = {
		{ 3, 3, { 3, 1, 0, 1, 4, 2, 0, 2, 5 } },
		{ 2, 3, { 5, 0, 2, 1, 6, 1 } },
		{ 3, 2, { 0, 4, 3, 3, 6, 1 } },
		{ 2, 4, { 2, 3, 0, 5, 4, 1, 3, 0 } },
		{ 3, 4, { 2, 1, 0, 3, 1, 2, 2, 0, 0, 1, 3, 2 } },
		{ 4, 3, { 4, 0, 1, 0, 3, 1, 1, 1, 2, 2, 0, 3 } },
		{ 2, 6, { 1, 2, 0, 3, 1, 2, 2, 0, 3, 1, 2, 1 } },
		{ 3, 3, { 6, 0, 0, 0, 6, 0, 0, 0, 6 } },
		{ 3, 3, { 2, 2, 2, 2, 2, 2, 2, 2, 2 } },
		{ 3, 4, { 3, 2, 1, 4, 2, 3, 4, 1, 1, 2, 3, 5 } },
		{ 4, 3, { 5, 1, 0, 2, 4, 1, 0, 3, 4, 1, 1, 6 } },
	};

	(void)state;
	for (size_t k = 0; k < sizeof tabs / sizeof tabs[0]; k++) {
		lt_ctab_fisher f;
		lt_error err;
		double n, want;

		assert_int_equal(lt_ctab_fisher_test(tabs[k].t, (size_t)tabs[k].r,
		    (size_t)tabs[k].c, &f, &err), 0);
		want = brute_fisher(tabs[k].t, tabs[k].r, tabs[k].c, &n);
		print_message("%dx%d: p = %.10g over %.0f tables\n", tabs[k].r,
		    tabs[k].c, want, n);
		assert_rel(f.p, want, 1e-9);
		assert_int_equal(f.rows_used, tabs[k].r);
	}
}

/* Empty rows and columns, a single used row, and a table too big. */
static void
test_fisher_rxc_edges(void **state)
{
	/* 3 x 3 with an empty middle row and column = the 2 x 2 { 3, 1, 1, 3 }. */
	const double t[] = { 3, 0, 1, 0, 0, 0, 1, 0, 3 };
	const double one[] = { 1, 2, 3, 0, 0, 0 };
	double big[36];
	lt_ctab_fisher f;
	lt_error err;

	(void)state;
	assert_int_equal(lt_ctab_fisher_test(t, 3, 3, &f, &err), 0);
	assert_rel(f.p, 34.0 / 70, 1e-12);
	assert_int_equal(f.rows_used, 2);
	assert_int_equal(f.cols_used, 2);
	assert_nan(f.p_less);
	assert_int_equal(lt_ctab_fisher_test(one, 2, 3, &f, &err), 0);
	assert_true(f.p == 1);
	for (int i = 0; i < 36; i++)
		big[i] = 10 + i % 5;
	assert_int_equal(lt_ctab_fisher_test(big, 6, 6, &f, &err), LT_EINVAL);
	assert_true(tc_contains(err.msg, "too big for an exact test"));
	assert_nan(f.p);
}

/* ------------------------------------------------------------ 2 x 2 */

/*
 * The 2 x 2 of test_chisq_2x2 by hand (z = 1.959964):
 *   OR = 20*90 / (80*10) = 2.25; SE(log OR) = sqrt(1/20 + 1/80 + 1/10 +
 *   1/90) = sqrt(0.1736111) = 0.4166667; CI 2.25 exp(-+0.816652) =
 *   0.99429 to 5.09155.
 *   RR = 0.2 / 0.1 = 2; SE(log RR) = sqrt(1/20 - 1/100 + 1/10 - 1/100) =
 *   sqrt(0.13); CI 2 exp(-+0.706683) = 0.98656 to 4.05448.
 *   RD = 0.1; Wald SE = sqrt(0.2*0.8/100 + 0.1*0.9/100) = 0.05; CI
 *   0.1 -+ 0.0979982 = 0.0020018 to 0.1979982.
 */
static void
test_2x2_worked(void **state)
{
	const double t[] = { 20, 80, 10, 90 };
	lt_ctab_2x2 e;
	lt_error err;

	(void)state;
	assert_int_equal(lt_ctab_2x2_effects(t, 0.95, &e, &err), 0);
	assert_true(e.risk1 == 0.2 && e.risk0 == 0.1);
	assert_rel(e.odds_ratio, 2.25, 1e-15);
	assert_rel(e.or_lo, 2.25 * exp(-Z95 * sqrt(1.0 / 20 + 1.0 / 80 +
	    1.0 / 10 + 1.0 / 90)), 1e-12);
	assert_rel(e.or_lo, 2.25 * exp(-Z95 * 0.41666666666666667), 1e-12);
	assert_rel(e.or_hi, 2.25 * exp(Z95 * 0.41666666666666667), 1e-12);
	assert_near(e.or_lo, 0.99429, 5e-6);
	assert_near(e.or_hi, 5.09155, 5e-6);
	assert_int_equal(e.or_corrected, 0);
	assert_rel(e.risk_ratio, 2, 1e-15);
	assert_rel(e.rr_lo, 2 * exp(-Z95 * sqrt(0.13)), 1e-12);
	assert_rel(e.rr_hi, 2 * exp(Z95 * sqrt(0.13)), 1e-12);
	assert_near(e.rr_lo, 0.98656, 5e-6);
	assert_near(e.rr_hi, 4.05448, 5e-6);
	assert_int_equal(e.rr_corrected, 0);
	assert_rel(e.risk_diff, 0.1, 1e-14);
	assert_rel(e.rd_wald_lo, 0.1 - Z95 * 0.05, 1e-12);
	assert_rel(e.rd_wald_hi, 0.1 + Z95 * 0.05, 1e-12);
	/* Newcombe's interval is inside [-1, 1] and around the estimate. */
	assert_true(e.rd_lo < 0.1 && e.rd_hi > 0.1);
}

/*
 * Newcombe RG (1998b). Interval estimation for the difference between
 * independent proportions: comparison of eleven methods. Stat Med
 * 17:873-890, Table II example (a), 56/70 - 48/80: method 1 (Wald) 0.0575
 * to 0.3425, method 10 (hybrid score) 0.0524 to 0.3339.
 */
static void
test_2x2_newcombe(void **state)
{
	const double t[] = { 56, 14, 48, 32 };
	lt_ctab_2x2 e;
	lt_ctab_prop w1, w0;
	lt_error err;

	(void)state;
	assert_int_equal(lt_ctab_2x2_effects(t, 0.95, &e, &err), 0);
	assert_rel(e.risk_diff, 0.2, 1e-14);
	assert_near(e.rd_wald_lo, 0.0575, 5e-5);
	assert_near(e.rd_wald_hi, 0.3425, 5e-5);
	assert_near(e.rd_lo, 0.0524, 5e-5);
	assert_near(e.rd_hi, 0.3339, 5e-5);
	/* Method 10 from the two Wilson intervals, as Newcombe writes it. */
	assert_int_equal(lt_ctab_wilson(56, 70, 0.95, &w1, &err), 0);
	assert_int_equal(lt_ctab_wilson(48, 80, 0.95, &w0, &err), 0);
	assert_rel(e.rd_lo, 0.2 - hypot(0.8 - w1.lo, w0.hi - 0.6), 1e-12);
	assert_rel(e.rd_hi, 0.2 + hypot(w1.hi - 0.8, 0.6 - w0.lo), 1e-12);
}

/*
 * A zero cell: exposed 0 with the event, 10 without; not exposed 5 and 5.
 * Haldane-Anscombe: 0.5 added to each cell, OR = 0.5*5.5 / (10.5*5.5) =
 * 1/21, SE = sqrt(1/0.5 + 1/10.5 + 1/5.5 + 1/5.5). Risk ratio with 0.5
 * added: (0.5/11) / (5.5/11) = 1/11, SE = sqrt(1/0.5 - 1/11 + 1/5.5 -
 * 1/11).
 */
static void
test_2x2_zero_cell(void **state)
{
	const double t[] = { 0, 10, 5, 5 };
	const double empty[] = { 0, 0, 3, 4 };
	const double none[] = { 0, 5, 0, 5 };
	lt_ctab_2x2 e;
	lt_error err;
	double se;

	(void)state;
	assert_int_equal(lt_ctab_2x2_effects(t, 0.95, &e, &err), 0);
	assert_int_equal(e.or_corrected, 1);
	assert_rel(e.odds_ratio, 1.0 / 21, 1e-14);
	se = sqrt(2 + 1 / 10.5 + 2 / 5.5);
	assert_rel(e.or_lo, exp(log(1.0 / 21) - Z95 * se), 1e-12);
	assert_rel(e.or_hi, exp(log(1.0 / 21) + Z95 * se), 1e-12);
	assert_int_equal(e.rr_corrected, 1);
	assert_rel(e.risk_ratio, 1.0 / 11, 1e-14);
	se = sqrt(2 - 1.0 / 11 + 1 / 5.5 - 1.0 / 11);
	assert_rel(e.rr_lo, exp(log(1.0 / 11) - Z95 * se), 1e-12);
	assert_rel(e.rr_hi, exp(log(1.0 / 11) + Z95 * se), 1e-12);
	/* The risks themselves are not corrected. */
	assert_true(e.risk1 == 0 && e.risk0 == 0.5 && e.risk_diff == -0.5);
	/* An empty row: nothing to compare, but not an error. */
	assert_int_equal(lt_ctab_2x2_effects(empty, 0.95, &e, &err), 0);
	assert_nan(e.odds_ratio);
	assert_nan(e.risk_ratio);
	assert_nan(e.risk_diff);
	/* Nobody had the event: risks 0 and 0, no ratio. */
	assert_int_equal(lt_ctab_2x2_effects(none, 0.95, &e, &err), 0);
	assert_nan(e.odds_ratio);
	assert_nan(e.risk_ratio);
	assert_true(e.risk_diff == 0);
	assert_int_equal(lt_ctab_2x2_effects(t, 0, &e, &err), LT_EINVAL);
}

/* ------------------------------------------------------------ rates */

/*
 * Exact Poisson limits (Garwood 1936) for 0, 1 and 10 events, the values
 * of the common published tables of 95% limits for a Poisson count:
 * 0 -> 0 to 3.689; 1 -> 0.0253 to 5.572; 10 -> 4.795 to 18.39 (tolerance
 * half a unit in the last printed digit). Checked to 1e-9 by bisection on
 * the Poisson CDF summed here: P(X >= k | lo) = P(X <= k | hi) = 0.025.
 */
static void
test_rate_poisson(void **state)
{
	static const struct {
		int k;
		double lo, hi, tol;
	} g[] = {
		{ 0, 0, 3.689, 5e-4 },
		{ 1, 0.0253, 5.572, 5e-4 },
		{ 10, 4.795, 18.39, 5e-3 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof g / sizeof g[0]; i++) {
		lt_ctab_rate r;
		lt_error err;
		int arg[1] = { g[i].k };
		double lo, hi;

		assert_int_equal(lt_ctab_rate_ci(g[i].k, 1, 1, 0.95, &r, &err), 0);
		assert_true(r.rate == g[i].k);
		assert_near(r.lo, g[i].lo, g[i].tol);
		assert_near(r.hi, g[i].hi, g[i].tol);
		lo = g[i].k == 0 ? 0 : bisect(pois_upper, arg, 0, 100, 0.025, 1);
		hi = bisect(pois_lower, arg, 0, 100, 0.025, 0);
		assert_near(r.lo, lo, 1e-9);
		assert_near(r.hi, hi, 1e-9);
		/* The same count per 1000 of 5000 people: scaled by 0.2. */
		assert_int_equal(lt_ctab_rate_ci(g[i].k, 5000, 1000, 0.95, &r,
		    &err), 0);
		assert_rel(r.hi, hi * 0.2, 1e-9);
	}
}

/*
 * R's ?poisson.test example (SMR, Welsh nickel workers, from ISwR):
 * poisson.test(137, 24.19893) prints event rate 5.661407, 95 percent
 * confidence interval 4.753125 6.692709.
 */
static void
test_rate_smr(void **state)
{
	lt_ctab_rate r;
	lt_error err;
	int arg[1] = { 137 };

	(void)state;
	assert_int_equal(lt_ctab_rate_ci(137, 24.19893, 1, 0.95, &r, &err), 0);
	assert_near(r.rate, 5.661407, 5e-7);
	assert_near(r.lo, 4.753125, 5e-7);
	assert_near(r.hi, 6.692709, 5e-7);
	assert_rel(r.lo * 24.19893, bisect(pois_upper, arg, 50, 250, 0.025, 1),
	    1e-9);
	assert_int_equal(r.rounded, 0);
}

/*
 * Nightingale's own table (Notes on Matters Affecting the Health ... of
 * the British Army, 1858; HistData::Nightingale Disease.rate): January
 * 1855, 2761 deaths from zymotic disease in an army of 32393, an annual
 * rate of 1022.8 per 1000. Monthly deaths become "per 1000 per year" with
 * multiplier 12 * 1000.
 */
static void
test_rate_nightingale(void **state)
{
	lt_ctab_rate r;
	lt_error err;

	(void)state;
	assert_int_equal(lt_ctab_rate_ci(2761, 32393, 12000, 0.95, &r, &err), 0);
	assert_near(r.rate, 1022.8, 0.05);
	assert_true(r.lo < r.rate && r.rate < r.hi);
	/* Roughly the normal interval rate * (1 -+ 1.96 / sqrt(2761)). */
	assert_near(r.lo, r.rate * (1 - Z95 / sqrt(2761)), 1.5);
	assert_near(r.hi, r.rate * (1 + Z95 / sqrt(2761)), 1.5);
}

static void
test_rate_errors(void **state)
{
	lt_ctab_rate r;
	lt_error err;

	(void)state;
	/* 2.4 weighted events: the rate uses 2.4, the interval 2 events. */
	assert_int_equal(lt_ctab_rate_ci(2.4, 10, 1, 0.95, &r, &err), 0);
	assert_int_equal(r.rounded, 1);
	assert_true(r.rate == 0.24);
	{
		lt_ctab_rate q;

		assert_int_equal(lt_ctab_rate_ci(2, 10, 1, 0.95, &q, &err), 0);
		assert_true(r.lo == q.lo && r.hi == q.hi);
	}
	assert_int_equal(lt_ctab_rate_ci(3, 0, 1000, 0.95, &r, &err), LT_EINVAL);
	assert_true(tc_contains(err.msg, "time at risk"));
	assert_int_equal(lt_ctab_rate_ci(-1, 10, 1000, 0.95, &r, &err), LT_EINVAL);
	assert_int_equal(lt_ctab_rate_ci(1, 10, 0, 0.95, &r, &err), LT_EINVAL);
	assert_true(tc_contains(err.msg, "per 1000"));
	assert_nan(r.rate);
}

/* R's binom.test two-sided p by summing every term (libm only). */
static double
binom_two_sided_sum(int x, int n, double p)
{
	double d = binom_cdf(x, n, p) - (x ? binom_cdf(x - 1, n, p) : 0), s = 0;

	for (int i = 0; i <= n; i++) {
		double t = binom_cdf(i, n, p) - (i ? binom_cdf(i - 1, n, p) : 0);

		if (t <= d * (1 + 1e-7))
			s += t;
	}
	return s;
}

/*
 * R's ?poisson.test example: poisson.test(c(11, 6 + 8 + 7), c(800, 1083 +
 * 1050 + 878)) (lung cancer, Fredericia against three other cities, ISwR's
 * eba1977) prints rate ratio 1.971488, 95 percent confidence interval
 * 0.8584264 4.2772659, p-value = 0.07967. Checked also by bisection for
 * the binomial limits and by summing the binomial terms for p.
 */
static void
test_rate_compare(void **state)
{
	double d0 = 1083 + 1050 + 878, pl, pu;
	lt_ctab_rate_ratio rr;
	lt_error err;

	(void)state;
	assert_int_equal(lt_ctab_rate_compare(11, 800, 21, d0, 0.95, &rr, &err), 0);
	assert_near(rr.ratio, 1.971488, 5e-7);
	assert_near(rr.lo, 0.8584264, 5e-8);
	assert_near(rr.hi, 4.2772659, 5e-8);
	assert_near(rr.p, 0.07967, 5e-6);
	cp_by_bisection(11, 32, &pl, &pu);
	assert_rel(rr.lo, pl / (1 - pl) * d0 / 800, 1e-8);
	assert_rel(rr.hi, pu / (1 - pu) * d0 / 800, 1e-8);
	assert_rel(rr.p, binom_two_sided_sum(11, 32, 800 / (800 + d0)), 1e-10);
	/* The log interval: exp(log RR -+ z sqrt(1/11 + 1/21)). */
	assert_rel(rr.log_lo, rr.ratio * exp(-Z95 * sqrt(1.0 / 11 + 1.0 / 21)),
	    1e-12);
	assert_rel(rr.log_hi, rr.ratio * exp(Z95 * sqrt(1.0 / 11 + 1.0 / 21)),
	    1e-12);
	/* Equal rates: p = 1. */
	assert_int_equal(lt_ctab_rate_compare(10, 100, 20, 200, 0.95, &rr, &err), 0);
	assert_true(rr.ratio == 1);
	assert_rel(rr.p, binom_two_sided_sum(10, 30, 1.0 / 3), 1e-10);
	assert_true(rr.p == 1);
}

static void
test_rate_compare_zeros(void **state)
{
	lt_ctab_rate_ratio rr;
	lt_error err;

	(void)state;
	/* No events in group 0: the ratio and its upper limit are infinite. */
	assert_int_equal(lt_ctab_rate_compare(4, 100, 0, 100, 0.95, &rr, &err), 0);
	assert_true(isinf(rr.ratio) && isinf(rr.hi) && rr.lo > 0);
	assert_nan(rr.log_lo);
	/* 4 of 4 events in group 1 with equal time: p = 2 * 0.5^4. */
	assert_rel(rr.p, 0.125, 1e-12);
	/* No events at all: nothing to estimate, nothing against 1. */
	assert_int_equal(lt_ctab_rate_compare(0, 100, 0, 50, 0.95, &rr, &err), 0);
	assert_nan(rr.ratio);
	assert_true(rr.lo == 0 && isinf(rr.hi) && rr.p == 1);
	assert_int_equal(lt_ctab_rate_compare(1, 0, 1, 10, 0.95, &rr, &err),
	    LT_EINVAL);
	assert_int_equal(lt_ctab_rate_compare(1, 1, -1, 10, 0.95, &rr, &err),
	    LT_EINVAL);
}

/*
 * Counts in the millions, where GSL's own inverse CDFs return NaN or wrong
 * values: the limits must still satisfy their defining equations (checked
 * with GSL's CDFs where those still work, at 1e6) or agree with the normal
 * approximation, which is excellent there.
 */
static void
test_large_counts(void **state)
{
	const double big[] = { 500000, 500000, 500000, 501000 };
	lt_ctab_prop p;
	lt_ctab_rate r;
	lt_ctab_rate_ratio rr;
	lt_ctab_fisher f;
	lt_ctab_chisq c;
	lt_error err;
	double sd;
	gsl_error_handler_t *old = gsl_set_error_handler_off();

	(void)state;
	/* Clopper-Pearson by Paulson at 1e6 / 3e6: P(beta <= lo) = 0.025. */
	assert_int_equal(lt_ctab_clopper_pearson(1e6, 3e6, 0.95, &p, &err), 0);
	assert_near(gsl_cdf_beta_P(p.lo, 1e6, 2e6 + 1), 0.025, 1e-6);
	assert_near(gsl_cdf_beta_Q(p.hi, 1e6 + 1, 2e6), 0.025, 1e-6);
	/* Half of 1e9: the normal interval to 1e-9. */
	assert_int_equal(lt_ctab_clopper_pearson(5e8, 1e9, 0.95, &p, &err), 0);
	sd = sqrt(0.25 / 1e9);
	assert_near(p.lo, 0.5 - Z95 * sd, 1e-9);
	assert_near(p.hi, 0.5 + Z95 * sd, 1e-9);
	/* Garwood by Byar at 2e5: the gamma tails are 0.025. */
	assert_int_equal(lt_ctab_rate_ci(2e5, 1, 1, 0.95, &r, &err), 0);
	assert_near(gsl_cdf_gamma_P(r.lo, 2e5, 1), 0.025, 1e-7);
	assert_near(gsl_cdf_gamma_Q(r.hi, 2e5 + 1, 1), 0.025, 1e-7);
	/*
	 * 1e9 events: the Cornish-Fisher quantiles of gamma(a), a -+ z sqrt(a)
	 * + (z^2 - 1)/3 + O(1/sqrt(a)), with a = k below and k + 1 above.
	 */
	assert_int_equal(lt_ctab_rate_ci(1e9, 1, 1, 0.95, &r, &err), 0);
	assert_near(r.lo, 1e9 - Z95 * sqrt(1e9) + (Z95 * Z95 - 1) / 3, 0.01);
	assert_near(r.hi, 1e9 + 1 + Z95 * sqrt(1e9 + 1) + (Z95 * Z95 - 1) / 3,
	    0.01);
	/* 5e8 against 5e8 + 1e4 events: z = 1e4 / sqrt(1e9 + 1e4). */
	assert_int_equal(lt_ctab_rate_compare(5e8, 1, 5e8 + 1e4, 1, 0.95, &rr,
	    &err), 0);
	assert_near(rr.p, erfc(1e4 / sqrt(1e9 + 1e4) / sqrt(2)), 1e-4);
	/* The exact limits meet the log ones (half-width 1.2e-4) to 1e-7. */
	assert_near(rr.lo, rr.log_lo, 1e-7);
	assert_near(rr.hi, rr.log_hi, 1e-7);
	/* Fisher on 2 million: close to the Yates-corrected chi-square. */
	assert_int_equal(lt_ctab_fisher_test(big, 2, 2, &f, &err), 0);
	assert_int_equal(lt_ctab_chisq_test(big, 2, 2, &c, &err), 0);
	assert_near(f.p, c.yates_p, 1e-3);
	assert_near(f.p_greater, c.yates_p / 2, 1e-3);
	lt_ctab_chisq_free(&c);
	gsl_set_error_handler(old);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wilson_newcombe),
		cmocka_unit_test(test_wilson_edges),
		cmocka_unit_test(test_clopper_pearson),
		cmocka_unit_test(test_clopper_pearson_rounding),
		cmocka_unit_test(test_chisq_agresti),
		cmocka_unit_test(test_chisq_2x2),
		cmocka_unit_test(test_chisq_empty_margins),
		cmocka_unit_test(test_chisq_cochran),
		cmocka_unit_test(test_percent),
		cmocka_unit_test(test_fisher_tea),
		cmocka_unit_test(test_fisher_convictions),
		cmocka_unit_test(test_fisher_zero_cells),
		cmocka_unit_test(test_fisher_rxc_job),
		cmocka_unit_test(test_fisher_rxc_brute),
		cmocka_unit_test(test_fisher_rxc_edges),
		cmocka_unit_test(test_2x2_worked),
		cmocka_unit_test(test_2x2_newcombe),
		cmocka_unit_test(test_2x2_zero_cell),
		cmocka_unit_test(test_rate_poisson),
		cmocka_unit_test(test_rate_smr),
		cmocka_unit_test(test_rate_nightingale),
		cmocka_unit_test(test_rate_errors),
		cmocka_unit_test(test_rate_compare),
		cmocka_unit_test(test_rate_compare_zeros),
		cmocka_unit_test(test_large_counts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
