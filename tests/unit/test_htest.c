/*
 * test_htest.c - unit tests for the group comparisons: NIST StRD one-way
 * ANOVA certified values, Student's sleep data for the t-tests, brute-force
 * enumeration for the exact Mann-Whitney p-value, Hollander & Wolfe's
 * example for Kruskal-Wallis, identities for Welch's ANOVA and Levene's
 * test, and frequency weights that must agree with the expanded data.
 */
#include "config.h"

#include "test_common.h"

#include <math.h>

#include <gsl/gsl_sf_gamma.h>

#include "htest.h"

/* |a - b| <= tol * |b|, printing both numbers when it fails. */
#define assert_rel(a, b, tol) do {					\
	double a_ = (a), b_ = (b);					\
	if (!(fabs(a_ - b_) <= (tol) * fabs(b_))) {			\
		print_error("%s: %.17g != %.17g (relative error %.3g)\n", \
		    #a, a_, b_, fabs(a_ - b_) / fabs(b_));		\
		fail();							\
	}								\
} while (0)

/* |a - b| <= tol. */
#define assert_abs(a, b, tol) do {					\
	double a_ = (a), b_ = (b);					\
	if (!(fabs(a_ - b_) <= (tol))) {				\
		print_error("%s: %.17g != %.17g (difference %.3g)\n",	\
		    #a, a_, b_, fabs(a_ - b_));				\
		fail();							\
	}								\
} while (0)

/* Relative error of a against b, the measure the NIST comments quote. */
static double
relerr(double a, double b)
{
	return fabs(a - b) / fabs(b);
}

/* --------------------------------------------------------------- NIST */

/*
 * tests/fixtures/nist/<name>.csv ("group,value", groups numbered from 1):
 * values into *y, 0-based group indices into *g, the number of groups into
 * *k.
 */
static size_t
nist_anova_data(const char *name, double **y, size_t **g, size_t *k)
{
	char *rel = lt_sprintf("tests/fixtures/nist/%s.csv", name);
	char *path = tc_src_path(rel), *text = tc_read_file(path, NULL), *p, *end;
	size_t n = 0, cy = 0, cg = 0;

	*y = NULL;
	*g = NULL;
	*k = 0;
	assert_memory_equal(text, "group,value\n", 12);
	for (p = text + 12; *p != '\0'; p = end) {
		unsigned long code;
		double v;

		while (*p == '\n' || *p == '\r')
			p++;
		if (*p == '\0')
			break;
		code = strtoul(p, &end, 10);
		assert_true(end != p && *end == ',' && code >= 1);
		p = end + 1;
		v = strtod(p, &end);
		assert_true(end != p);
		*y = lt_grow(*y, &cy, n + 1, sizeof **y);
		*g = lt_grow(*g, &cg, n + 1, sizeof **g);
		(*y)[n] = v;
		(*g)[n++] = code - 1;
		if (code > *k)
			*k = code;
	}
	free(text);
	free(path);
	free(rel);
	return n;
}

/*
 * NIST StRD one-way ANOVA certified values, as printed in the .dat files
 * (https://www.itl.nist.gov/div898/strd/anova/<Name>.dat; copied from
 * /work/shared/reference/nist/certified.json): between df, SS, MS, F,
 * within df, SS, MS, R^2 and residual SD.
 *
 * Required: relative error <= 1e-9 (9 significant digits) for every value.
 * Achieved with lantern's decimal centring (measured on x86-64, 80-bit long
 * double; the largest relative error over F, SSB, SSW, MSB, MSW, R^2 and
 * residual SD, printed by this test):
 *   SiRstv 8.7e-14   SmLs01 6.6e-16  SmLs02 6.6e-16  SmLs03 5.3e-16
 *   SmLs04 3.4e-16   SmLs05 2.2e-16  SmLs06 1.7e-16  SmLs07 3.4e-16
 *   SmLs08 2.2e-16   SmLs09 1.7e-16  AtmWtAg 3.2e-15
 * (SiRstv and SmLs01-03 take the plain binary path, as their spread is
 * more than 1/1024 of their size; SiRstv's 8.7e-14 is exactly what the
 * binary rounding of its data costs, the same in exact arithmetic.)
 * Without it the exact result of the doubles themselves (computed with
 * rational arithmetic on the parsed values) differs from the certified
 * values by up to 1.2e-4 on SmLs07-09 (SSB of SmLs09), 1.2e-10 on
 * SmLs04-06 and 7.0e-11 on AtmWtAg, because 1000000000000.4 and its like
 * are not exact in binary (error up to 6e-5 per value against deviations
 * of 0.1). No summation order can get those digits back from the doubles
 * taken as binary numbers.
 */
static const struct nist_anova {
	const char *name;
	size_t n;
	double dfb, ssb, msb, f, dfw, ssw, msw, r2, rsd;
} nist[] = {
	{ "SiRstv", 25, 4, 5.11462616000000E-02, 1.27865654000000E-02,
	  1.18046237440255E+00, 20, 2.16636560000000E-01, 1.08318280000000E-02,
	  1.90999039051129E-01, 1.04076068334656E-01 },
	{ "SmLs01", 189, 8, 1.68000000000000E+00, 2.10000000000000E-01,
	  2.10000000000000E+01, 180, 1.80000000000000E+00, 1.00000000000000E-02,
	  4.82758620689655E-01, 1.00000000000000E-01 },
	{ "SmLs02", 1809, 8, 1.60800000000000E+01, 2.01000000000000E+00,
	  2.01000000000000E+02, 1800, 1.80000000000000E+01, 1.00000000000000E-02,
	  4.71830985915493E-01, 1.00000000000000E-01 },
	{ "SmLs03", 18009, 8, 1.60080000000000E+02, 2.00100000000000E+01,
	  2.00100000000000E+03, 18000, 1.80000000000000E+02, 1.00000000000000E-02,
	  4.70712773465067E-01, 1.00000000000000E-01 },
	{ "SmLs04", 189, 8, 1.68000000000000E+00, 2.10000000000000E-01,
	  2.10000000000000E+01, 180, 1.80000000000000E+00, 1.00000000000000E-02,
	  4.82758620689655E-01, 1.00000000000000E-01 },
	{ "SmLs05", 1809, 8, 1.60800000000000E+01, 2.01000000000000E+00,
	  2.01000000000000E+02, 1800, 1.80000000000000E+01, 1.00000000000000E-02,
	  4.71830985915493E-01, 1.00000000000000E-01 },
	{ "SmLs06", 18009, 8, 1.60080000000000E+02, 2.00100000000000E+01,
	  2.00100000000000E+03, 18000, 1.80000000000000E+02, 1.00000000000000E-02,
	  4.70712773465067E-01, 1.00000000000000E-01 },
	{ "SmLs07", 189, 8, 1.68000000000000E+00, 2.10000000000000E-01,
	  2.10000000000000E+01, 180, 1.80000000000000E+00, 1.00000000000000E-02,
	  4.82758620689655E-01, 1.00000000000000E-01 },
	{ "SmLs08", 1809, 8, 1.60800000000000E+01, 2.01000000000000E+00,
	  2.01000000000000E+02, 1800, 1.80000000000000E+01, 1.00000000000000E-02,
	  4.71830985915493E-01, 1.00000000000000E-01 },
	{ "SmLs09", 18009, 8, 1.60080000000000E+02, 2.00100000000000E+01,
	  2.00100000000000E+03, 18000, 1.80000000000000E+02, 1.00000000000000E-02,
	  4.70712773465067E-01, 1.00000000000000E-01 },
	{ "AtmWtAg", 48, 1, 3.63834187500000E-09, 3.63834187500000E-09,
	  1.59467335677930E+01, 46, 1.04951729166667E-08, 2.28155932971014E-10,
	  2.57426544538321E-01, 1.51048314446410E-05 },
};

static void
test_nist_anova(void **state)
{
	(void)state;
	for (size_t c = 0; c < sizeof nist / sizeof nist[0]; c++) {
		const struct nist_anova *t = &nist[c];
		double *y, worst = 0;
		size_t *g, k, n = nist_anova_data(t->name, &y, &g, &k);
		lt_anova a;
		lt_error err;

		assert_int_equal(n, t->n);
		assert_int_equal(lt_htest_anova(y, g, NULL, n, k, &a, &err), 0);
		assert_int_equal(a.groups, (size_t)t->dfb + 1);
		assert_true(a.df_between == t->dfb);
		assert_true(a.df_within == t->dfw);
		worst = fmax(worst, relerr(a.ss_between, t->ssb));
		worst = fmax(worst, relerr(a.ms_between, t->msb));
		worst = fmax(worst, relerr(a.f, t->f));
		worst = fmax(worst, relerr(a.ss_within, t->ssw));
		worst = fmax(worst, relerr(a.ms_within, t->msw));
		worst = fmax(worst, relerr(a.r_squared, t->r2));
		worst = fmax(worst, relerr(a.residual_sd, t->rsd));
		print_message("%-8s n=%-6zu largest relative error %.2g\n",
		    t->name, n, worst);
		/* The requirement: 9 significant digits. */
		assert_rel(a.ss_between, t->ssb, 1e-9);
		assert_rel(a.ms_between, t->msb, 1e-9);
		assert_rel(a.f, t->f, 1e-9);
		assert_rel(a.ss_within, t->ssw, 1e-9);
		assert_rel(a.ms_within, t->msw, 1e-9);
		assert_rel(a.r_squared, t->r2, 1e-9);
		assert_rel(a.residual_sd, t->rsd, 1e-9);
		/* What is achieved (above), with room for other long double widths. */
		assert_true(worst <= 1e-12);
		/* NIST prints F to 15 digits; its p-value is tiny except for SiRstv. */
		assert_true(a.p >= 0 && a.p < 0.5);
		free(y);
		free(g);
	}
}

/*
 * The SmLs09 data in reverse order with missing values, missing groups and
 * out-of-range groups mixed in: the same certified values (the centring
 * offset is then a different value).
 */
static void
test_nist_anova_order_and_missing(void **state)
{
	double *y, *y2;
	size_t *g, *g2, k, n = nist_anova_data("SmLs09", &y, &g, &k), m = 0;
	lt_anova a;

	(void)state;
	y2 = lt_malloc(3 * n * sizeof *y2);
	g2 = lt_malloc(3 * n * sizeof *g2);
	for (size_t i = 0; i < n; i++) {
		y2[m] = NAN;
		g2[m++] = g[i];
		y2[m] = y[n - 1 - i];
		g2[m++] = g[n - 1 - i];
		y2[m] = 5;
		g2[m++] = i % 2 ? SIZE_MAX : k;
	}
	assert_int_equal(lt_htest_anova(y2, g2, NULL, m, k, &a, NULL), 0);
	assert_true(a.n == 18009);
	assert_rel(a.f, 2.00100000000000E+03, 1e-9);
	assert_rel(a.ss_between, 1.60080000000000E+02, 1e-9);
	assert_rel(a.ss_within, 1.80000000000000E+02, 1e-9);
	assert_rel(a.grand_mean, 1000000000000.4, 1e-15);
	free(y);
	free(g);
	free(y2);
	free(g2);
}

/*
 * Why the decimal centring is there: SmLs07 centred in binary (x - first
 * value, exact here by Sterbenz's lemma) and summed in long double misses
 * the certified SSW by about 5e-5, as the rational-arithmetic measurement
 * above says; lantern's result is within 1e-14.
 */
static void
test_nist_binary_limit(void **state)
{
	double *y;
	size_t *g, k, n = nist_anova_data("SmLs07", &y, &g, &k);
	long double s[9] = { 0 }, c[9] = { 0 }, ssw = 0;
	lt_anova a;

	(void)state;
	for (size_t i = 0; i < n; i++) {
		s[g[i]] += y[i] - y[0];
		c[g[i]]++;
	}
	for (size_t i = 0; i < n; i++) {
		long double d = (y[i] - y[0]) - s[g[i]] / c[g[i]];

		ssw += d * d;
	}
	assert_int_equal(lt_htest_anova(y, g, NULL, n, k, &a, NULL), 0);
	print_message("SmLs07 SSW relative error: binary %.2g, lantern %.2g\n",
	    relerr((double)ssw, 1.8), relerr(a.ss_within, 1.8));
	assert_true(relerr((double)ssw, 1.8) > 1e-5);
	assert_true(relerr(a.ss_within, 1.8) < 1e-14);
	free(y);
	free(g);
}

/* -------------------------------------------------------- t-tests */

/*
 * Student's (1908) sleep data, R's `sleep` dataset: extra hours of sleep
 * with drug 1 (group A) and drug 2 (group B), ten patients each.
 */
static const double sleep_y[] = {
	0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0,
	1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4
};
static const size_t sleep_g[] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1
};

/* Two-sided p of t on df degrees of freedom through the incomplete beta: I_{df/(df+t^2)}(df/2, 1/2). */
static double
t_p_beta(double t, double df)
{
	return gsl_sf_beta_inc(df / 2, 0.5, df / (df + t * t));
}

static void
test_ttest_sleep(void **state)
{
	lt_ttest r;
	lt_error err;
	double va = 0, vb = 0, ma = 0, mb = 0, se, df, sp, j, gg;

	(void)state;
	assert_int_equal(lt_htest_ttest(sleep_y, sleep_g, NULL, 20, 0.95, &r,
	    &err), 0);
	/*
	 * R: t.test(extra ~ group, data = sleep) prints (Welch)
	 *   t = -1.8608, df = 17.776, p-value = 0.07939
	 *   95 percent confidence interval: -3.3654832 0.2054832
	 *   mean in group 1 0.75, mean in group 2 2.33
	 * and with var.equal = TRUE
	 *   t = -1.8608, df = 18, p-value = 0.07919
	 *   95 percent confidence interval: -3.363874 0.203874
	 * (to R's printed digits, hence the tolerances).
	 */
	assert_rel(r.mean[0], 0.75, 1e-14);
	assert_rel(r.mean[1], 2.33, 1e-14);
	assert_rel(r.diff, -1.58, 1e-14);
	assert_abs(r.welch.t, -1.8608, 5e-5);
	assert_abs(r.welch.df, 17.776, 5e-4);
	assert_abs(r.welch.p, 0.07939, 5e-6);
	assert_abs(r.welch.lo, -3.3654832, 5e-8);
	assert_abs(r.welch.hi, 0.2054832, 5e-8);
	assert_abs(r.student.t, -1.8608, 5e-5);
	assert_true(r.student.df == 18);
	assert_abs(r.student.p, 0.07919, 5e-6);
	assert_abs(r.student.lo, -3.363874, 5e-7);
	assert_abs(r.student.hi, 0.203874, 5e-7);

	/* The same numbers computed here from the definitions. */
	for (int i = 0; i < 10; i++) {
		ma += sleep_y[i] / 10;
		mb += sleep_y[10 + i] / 10;
	}
	for (int i = 0; i < 10; i++) {
		va += (sleep_y[i] - ma) * (sleep_y[i] - ma) / 9;
		vb += (sleep_y[10 + i] - mb) * (sleep_y[10 + i] - mb) / 9;
	}
	/* var(A) = 3.200556, var(B) = 4.009 (R: tapply(extra, group, var)). */
	assert_rel(va, 3.2005555555555556, 1e-13);
	assert_rel(vb, 4.009, 1e-13);
	assert_rel(r.sd[0], sqrt(va), 1e-13);
	assert_rel(r.sd[1], sqrt(vb), 1e-13);
	se = sqrt(va / 10 + vb / 10);
	df = pow(va / 10 + vb / 10, 2) /
	    (pow(va / 10, 2) / 9 + pow(vb / 10, 2) / 9);
	assert_rel(r.welch.se, se, 1e-13);
	assert_rel(r.welch.t, (ma - mb) / se, 1e-13);
	assert_rel(r.welch.df, df, 1e-13);
	assert_rel(r.welch.p, t_p_beta(r.welch.t, df), 1e-10);
	sp = sqrt((9 * va + 9 * vb) / 18);
	assert_rel(r.sd_pooled, sp, 1e-13);
	assert_rel(r.student.t, (ma - mb) / (sp * sqrt(0.2)), 1e-13);
	assert_rel(r.student.p, t_p_beta(r.student.t, 18), 1e-10);
	/* The interval is where |t| would reach the critical value. */
	assert_rel(t_p_beta((r.welch.hi - r.diff) / se, df), 0.05, 1e-9);

	/*
	 * Hedges' g: J(18) = G(9) / (sqrt(9) G(8.5)) = 0.95764642702371810
	 * (exact; the approximation 1 - 3/(4*18 - 1) = 0.95774647...),
	 * g = J (0.75 - 2.33) / sp = -0.79693523919112075, and
	 * SE = sqrt(20/100 + g^2/40) = 0.46462634921688979 (all computed with
	 * 30-digit arithmetic in mpmath); here again with libm's lgamma.
	 */
	j = exp(lgamma(9) - lgamma(8.5)) / 3;
	assert_rel(j, 0.95764642702371810, 1e-14);
	gg = j * (ma - mb) / sp;
	assert_rel(r.g, gg, 1e-13);
	assert_rel(r.g, -0.79693523919112075, 1e-13);
	assert_rel(r.g_se, 0.46462634921688979, 1e-13);
	assert_rel(r.g_lo, gg - 1.959963984540054 * r.g_se, 1e-13);
	assert_rel(r.g_hi, gg + 1.959963984540054 * r.g_se, 1e-13);

	/* A 90% interval is narrower; the level is kept. */
	assert_int_equal(lt_htest_ttest(sleep_y, sleep_g, NULL, 20, 0.90, &r,
	    &err), 0);
	assert_true(r.level == 0.90);
	assert_true(r.welch.lo > -3.3654832 && r.welch.hi < 0.2054832);
	assert_rel(t_p_beta((r.welch.hi - r.diff) / se, df), 0.10, 1e-9);
	assert_rel(r.g_hi - r.g, 1.6448536269514722 * r.g_se, 1e-13);
}

static void
test_ttest_errors(void **state)
{
	const double y[] = { 1, 2, 3, NAN, 5 };
	const size_t g[] = { 0, 0, 1, 1, 2 };
	const double c[] = { 4, 4, 4, 4 };
	const size_t gc[] = { 0, 0, 1, 1 };
	lt_ttest r;
	lt_error err;

	(void)state;
	/* Group B has one usable value (NaN skipped, index 2 ignored). */
	assert_int_equal(lt_htest_ttest(y, g, NULL, 5, 0.95, &r, &err),
	    LT_EINVAL);
	assert_string_equal(err.msg,
	    "A t-test needs at least two values in each group.");
	assert_true(r.n[0] == 2 && r.n[1] == 1);
	assert_true(isnan(r.welch.t) && isnan(r.g) && isnan(r.diff));
	assert_int_equal(lt_htest_ttest(sleep_y, sleep_g, NULL, 20, 1.0, &r,
	    &err), LT_EINVAL);
	assert_int_equal(lt_htest_ttest(sleep_y, sleep_g, NULL, 20, NAN, &r,
	    &err), LT_EINVAL);
	/* Constant groups: no spread, so t and g cannot be computed. */
	assert_int_equal(lt_htest_ttest(c, gc, NULL, 4, 0.95, &r, &err), 0);
	assert_true(r.diff == 0 && r.sd[0] == 0 && r.sd_pooled == 0);
	assert_true(isnan(r.welch.t) && isnan(r.welch.p));
	assert_true(isnan(r.student.t) && isnan(r.g));
}

/* --------------------------------------------------- Mann-Whitney */

/*
 * The exact two-sided p-value by enumerating every way of choosing which
 * na of the pooled values belong to A (R's rule: the tail on U's side of
 * na nb / 2, doubled, at most 1).
 */
static double
mw_brute(const double *pool, size_t na, size_t nn, double u_obs)
{
	size_t idx[32], total = 0, below = 0, above = 0;
	size_t nb = nn - na;
	double p;

	for (size_t i = 0; i < na; i++)
		idx[i] = i;
	for (;;) {
		char in_a[32] = { 0 };
		double u = 0;

		for (size_t i = 0; i < na; i++)
			in_a[idx[i]] = 1;
		for (size_t i = 0; i < nn; i++)
			for (size_t j = 0; j < nn; j++)
				if (in_a[i] && !in_a[j] && pool[i] > pool[j])
					u++;
		total++;
		below += u <= u_obs;
		above += u >= u_obs;
		/* Next combination in lexicographic order. */
		{
			size_t i = na;

			while (i > 0 && idx[i - 1] == nn - na + i - 1)
				i--;
			if (i == 0)
				break;
			idx[i - 1]++;
			for (size_t j = i; j < na; j++)
				idx[j] = idx[j - 1] + 1;
		}
	}
	p = 2.0 * (double)(u_obs > (double)(na * nb) / 2 ? above : below) /
	    (double)total;
	return p > 1 ? 1 : p;
}

static void
test_mannwhitney_exact_brute(void **state)
{
	/* 5 vs 6 and 9 vs 8 values without ties. */
	const double a5[] = { 1.1, 3.4, 2.2, 7.5, 0.3 };
	const double b6[] = { 4.1, 5.05, 2.9, 6.6, 8.2, 9.9 };
	const double a9[] = { 12, 3, 5, 22, 8, 1, 17, 9, 30 };
	const double b8[] = { 14, 25, 7, 19, 28, 31, 26, 15 };
	struct { const double *a, *b; size_t na, nb; } cases[] = {
		{ a5, b6, 5, 6 }, { b6, a5, 6, 5 }, { a9, b8, 9, 8 },
		{ b8, a9, 8, 9 }, { a5, b8, 5, 8 }, { a9, b6, 9, 6 },
	};

	(void)state;
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		double y[32];
		size_t g[32], nn = cases[c].na + cases[c].nb;
		lt_mannwhitney r;
		double u = 0, p;

		for (size_t i = 0; i < cases[c].na; i++) {
			y[i] = cases[c].a[i];
			g[i] = 0;
		}
		for (size_t i = 0; i < cases[c].nb; i++) {
			y[cases[c].na + i] = cases[c].b[i];
			g[cases[c].na + i] = 1;
		}
		for (size_t i = 0; i < cases[c].na; i++)
			for (size_t j = 0; j < cases[c].nb; j++)
				u += cases[c].a[i] > cases[c].b[j];
		assert_int_equal(lt_htest_mannwhitney(y, g, NULL, nn, &r, NULL), 0);
		assert_true(r.exact == 1 && r.ties == 0);
		assert_true(r.u == u);
		assert_rel(r.r, 2 * u / (double)(cases[c].na * cases[c].nb) - 1,
		    1e-15);
		p = mw_brute(y, cases[c].na, nn, u);
		/* Weights of 1 keep the exact test. */
		{
			double w1[32];
			lt_mannwhitney r1;

			for (size_t i = 0; i < nn; i++)
				w1[i] = 1;
			assert_int_equal(lt_htest_mannwhitney(y, g, w1, nn, &r1, NULL), 0);
			assert_true(r1.exact == 1 && r1.p == r.p);
		}
		print_message("%zu vs %zu: U = %g, exact p = %.10g\n",
		    cases[c].na, cases[c].nb, u, p);
		assert_rel(r.p, p, 1e-12);
	}
}

/*
 * The extreme case: every value of A below every value of B, 50 each.
 * Only the 1 arrangement of C(100, 50) gives U = 0, so the exact p is
 * 2 / C(100, 50) = 1.9823e-29: the recursion must keep the tail's digits.
 */
static void
test_mannwhitney_exact_tail(void **state)
{
	double y[100];
	size_t g[100];
	lt_mannwhitney r;

	(void)state;
	for (size_t i = 0; i < 100; i++) {
		y[i] = (double)i;
		g[i] = i < 50 ? 0 : 1;
	}
	assert_int_equal(lt_htest_mannwhitney(y, g, NULL, 100, &r, NULL), 0);
	assert_true(r.exact == 1 && r.u == 0 && r.r == -1);
	assert_rel(r.p, 2 / gsl_sf_choose(100, 50), 1e-12);
	/* 51 values in B: past the exact limit, so the normal approximation. */
	{
		double y2[101];
		size_t g2[101];

		memcpy(y2, y, sizeof y);
		memcpy(g2, g, sizeof g);
		y2[100] = 100;
		g2[100] = 1;
		assert_int_equal(lt_htest_mannwhitney(y2, g2, NULL, 101, &r, NULL), 0);
		assert_true(r.exact == 0);
		assert_true(r.u == 0);
	}
}

/*
 * The normal approximation with ties, worked by hand:
 * A = 1 2 2 3 5, B = 2 3 4 4 6 7. Pooled ranks: 1 -> 1; the three 2s share
 * ranks 2-4 -> 3; the two 3s share 5-6 -> 5.5; the two 4s 7-8 -> 7.5;
 * 5 -> 9; 6 -> 10; 7 -> 11. R_A = 1 + 3 + 3 + 5.5 + 9 = 21.5,
 * U = 21.5 - 5*6/2 = 6.5, nA nB / 2 = 15. Ties: (27-3) + (8-2) + (8-2) = 36,
 * sigma^2 = 30/12 (12 - 36/110) = 321/11. Continuity correction 0.5 towards
 * 15: z = (6.5 - 15 + 0.5) / sqrt(321/11) = -8 / sqrt(321/11) = -1.4809276,
 * two-sided p = erfc(|z| / sqrt 2) = 0.1386259.
 */
static void
test_mannwhitney_normal_ties(void **state)
{
	const double y[] = { 1, 2, 2, 3, 5, 2, 3, 4, 4, 6, 7 };
	const size_t g[] = { 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1 };
	lt_mannwhitney r;
	double z = -8 / sqrt(321.0 / 11.0);

	(void)state;
	assert_int_equal(lt_htest_mannwhitney(y, g, NULL, 11, &r, NULL), 0);
	assert_true(r.exact == 0 && r.ties == 1);
	assert_true(r.rank_sum[0] == 21.5 && r.rank_sum[1] == 66 - 21.5);
	assert_true(r.u == 6.5);
	assert_rel(r.z, z, 1e-14);
	assert_rel(r.z, -1.4809276, 1e-7);
	assert_rel(r.p, erfc(fabs(z) / sqrt(2)), 1e-12);
	assert_rel(r.p, 0.1386259, 1e-6);
	assert_rel(r.r, 2 * 6.5 / 30 - 1, 1e-15);	/* -0.5667: A lower */
}

static void
test_mannwhitney_errors(void **state)
{
	const double y[] = { 1, 2, NAN };
	const size_t g[] = { 0, 0, 1 };
	lt_mannwhitney r;
	lt_error err;

	(void)state;
	assert_int_equal(lt_htest_mannwhitney(y, g, NULL, 3, &r, &err), LT_EINVAL);
	assert_string_equal(err.msg,
	    "The Mann-Whitney test needs at least one value in each group.");
	assert_true(r.n[0] == 2 && r.n[1] == 0 && isnan(r.p));
}

/* --------------------------------------------------- Kruskal-Wallis */

static void
test_kruskal_hollander_wolfe(void **state)
{
	/*
	 * R's example(kruskal.test): Hollander & Wolfe (1973), p. 116,
	 * x <- c(2.9, 3.0, 2.5, 2.6, 3.2); y <- c(3.8, 2.7, 4.0, 2.4);
	 * z <- c(2.8, 3.4, 3.7, 2.2, 2.0); kruskal.test(list(x, y, z)) gives
	 * "Kruskal-Wallis chi-squared = 0.77143, df = 2, p-value = 0.68".
	 * By hand: rank sums 36, 36, 33 of N = 14, so
	 * H = 12/(14*15) (36^2/5 + 36^2/4 + 33^2/5) - 45 = 27/35 exactly, and
	 * with 2 df p = exp(-H/2) = 0.67996.
	 */
	const double y[] = { 2.9, 3.0, 2.5, 2.6, 3.2, 3.8, 2.7, 4.0, 2.4,
	    2.8, 3.4, 3.7, 2.2, 2.0 };
	const size_t g[] = { 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2 };
	lt_kruskal r;
	lt_htest_group d[3];

	(void)state;
	assert_int_equal(lt_htest_kruskal(y, g, NULL, 14, 3, &r, NULL), 0);
	assert_true(r.groups == 3 && r.n == 14 && r.df == 2);
	assert_abs(r.h, 0.77143, 5e-6);
	assert_rel(r.h, 27.0 / 35.0, 1e-14);
	assert_abs(r.p, 0.68, 5e-3);
	assert_rel(r.p, exp(-27.0 / 70.0), 1e-12);
	assert_rel(r.epsilon_squared, 27.0 / 35.0 / 13.0, 1e-14);
	/* The mean ranks that H compares: 36/5, 36/4, 33/5. */
	assert_int_equal(lt_htest_groups(y, g, NULL, 14, 3, d, NULL), 0);
	assert_rel(d[0].mean_rank, 7.2, 1e-15);
	assert_rel(d[1].mean_rank, 9.0, 1e-15);
	assert_rel(d[2].mean_rank, 6.6, 1e-15);
}

/*
 * With ties: H divided by 1 - sum(t^3 - t)/(N^3 - N). Groups {1, 2, 2},
 * {2, 3, 3}, {3, 4}: N = 8, ranks 1; 2,2,2 -> 3; 3,3,3 -> 6; 4 -> 8.
 * Rank sums 7, 15, 14; H0 = 12/72 (49/3 + 225/3 + 196/2) - 27 = 4.5556;
 * tie term (27-3)*2 = 48 of N^3 - N = 504, so H = H0 / (1 - 48/504).
 */
static void
test_kruskal_ties(void **state)
{
	const double y[] = { 1, 2, 2, 2, 3, 3, 3, 4 };
	const size_t g[] = { 0, 0, 0, 1, 1, 1, 2, 2 };
	lt_kruskal r;
	double h0 = 12.0 / 72.0 * (49.0 / 3 + 225.0 / 3 + 196.0 / 2) - 27;

	(void)state;
	assert_int_equal(lt_htest_kruskal(y, g, NULL, 8, 3, &r, NULL), 0);
	assert_rel(r.h, h0 / (1 - 48.0 / 504.0), 1e-14);
	assert_rel(r.p, exp(-r.h / 2), 1e-12);
	/* All values equal: no ranks to compare. */
	{
		const double c[] = { 5, 5, 5, 5 };
		const size_t gc[] = { 0, 1, 0, 1 };

		assert_int_equal(lt_htest_kruskal(c, gc, NULL, 4, 2, &r, NULL), 0);
		assert_true(isnan(r.h) && isnan(r.p));
	}
	/* One group only. */
	{
		lt_error err;

		assert_int_equal(lt_htest_kruskal(y, g, NULL, 3, 3, &r, &err),
		    LT_EINVAL);
		assert_string_equal(err.msg,
		    "The Kruskal-Wallis test needs values in at least two groups.");
	}
}

/* ---------------------------------------------------- Welch's ANOVA */

/* Three groups with clearly different spreads. */
static const double three_y[] = {
	4.2, 5.1, 3.9, 4.8, 5.5, 4.4,
	6.1, 8.3, 5.2, 9.9, 7.4,
	5.0, 5.2, 4.9, 5.1, 5.3, 5.0, 4.8
};
static const size_t three_g[] = {
	0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2
};

static void
test_welch_anova(void **state)
{
	lt_welch_anova r;
	lt_ttest t;
	double n[3] = { 0 }, m[3] = { 0 }, v[3] = { 0 }, wt[3], sw = 0;
	double mw = 0, a = 0, lam = 0, f, df2;

	(void)state;
	/*
	 * Two groups: Welch's F is the square of Welch's t and df2 its df.
	 * R: oneway.test(extra ~ group, data = sleep) prints
	 * "F = 3.4626, num df = 1.000, denom df = 17.776, p-value = 0.07939".
	 */
	assert_int_equal(lt_htest_welch_anova(sleep_y, sleep_g, NULL, 20, 2,
	    &r, NULL), 0);
	assert_int_equal(lt_htest_ttest(sleep_y, sleep_g, NULL, 20, 0.95, &t,
	    NULL), 0);
	assert_true(r.groups == 2 && r.df1 == 1);
	assert_rel(r.f, t.welch.t * t.welch.t, 1e-13);
	assert_rel(r.df2, t.welch.df, 1e-13);
	assert_rel(r.p, t.welch.p, 1e-11);
	assert_abs(r.f, 3.4626, 5e-5);

	/*
	 * Three groups, against Welch (1951) written out here directly:
	 * w_j = n_j / s_j^2, m_w = sum w_j m_j / sum w_j,
	 * F = [sum w_j (m_j - m_w)^2 / (k-1)] /
	 *     [1 + 2 (k-2)/(k^2-1) sum (1 - w_j/W)^2/(n_j - 1)],
	 * df2 = (k^2 - 1) / (3 sum (1 - w_j/W)^2/(n_j - 1)).
	 */
	assert_int_equal(lt_htest_welch_anova(three_y, three_g, NULL, 18, 3,
	    &r, NULL), 0);
	for (size_t i = 0; i < 18; i++) {
		n[three_g[i]]++;
		m[three_g[i]] += three_y[i];
	}
	for (int j = 0; j < 3; j++)
		m[j] /= n[j];
	for (size_t i = 0; i < 18; i++)
		v[three_g[i]] += pow(three_y[i] - m[three_g[i]], 2) /
		    (n[three_g[i]] - 1);
	for (int j = 0; j < 3; j++) {
		wt[j] = n[j] / v[j];
		sw += wt[j];
		mw += wt[j] * m[j];
	}
	mw /= sw;
	for (int j = 0; j < 3; j++) {
		a += wt[j] * pow(m[j] - mw, 2) / 2;
		lam += pow(1 - wt[j] / sw, 2) / (n[j] - 1);
	}
	f = a / (1 + 2.0 * 1 / 8 * lam);
	df2 = 8 / (3 * lam);
	assert_true(r.groups == 3 && r.df1 == 2);
	assert_rel(r.f, f, 1e-12);
	assert_rel(r.df2, df2, 1e-12);
	/* P(F(2, df2) >= f) = (1 + 2 f / df2)^(-df2/2): the F(2, v) tail in closed form. */
	assert_rel(r.p, pow(1 + 2 * f / df2, -df2 / 2), 1e-10);
	print_message("Welch ANOVA: F = %.6g, df = 2, %.6g, p = %.6g\n",
	    r.f, r.df2, r.p);

	/* A group of one value is not enough. */
	{
		const size_t g1[] = { 0, 0, 1 };
		const double y1[] = { 1, 2, 3 };
		lt_error err;

		assert_int_equal(lt_htest_welch_anova(y1, g1, NULL, 3, 2, &r, &err),
		    LT_EINVAL);
		assert_true(isnan(r.f));
	}
	/* A constant group: weight n/0, so no result. */
	{
		const size_t g2[] = { 0, 0, 1, 1 };
		const double y2[] = { 1, 2, 3, 3 };

		assert_int_equal(lt_htest_welch_anova(y2, g2, NULL, 4, 2, &r, NULL), 0);
		assert_true(isnan(r.f) && isnan(r.p) && r.df1 == 1);
	}
}

/* ------------------------------------------------ classic ANOVA etc. */

/* The F(2, v) upper tail is (1 + 2F/v)^(-v/2); checks the p of a 3-group ANOVA. */
static void
test_anova_small(void **state)
{
	lt_anova a;
	lt_error err;
	double gm = 0, ssb = 0, ssw = 0, m[3] = { 0 }, n[3] = { 0 };

	(void)state;
	assert_int_equal(lt_htest_anova(three_y, three_g, NULL, 18, 3, &a, &err), 0);
	for (size_t i = 0; i < 18; i++) {
		n[three_g[i]]++;
		m[three_g[i]] += three_y[i];
		gm += three_y[i] / 18;
	}
	for (int j = 0; j < 3; j++)
		m[j] /= n[j];
	for (int j = 0; j < 3; j++)
		ssb += n[j] * pow(m[j] - gm, 2);
	for (size_t i = 0; i < 18; i++)
		ssw += pow(three_y[i] - m[three_g[i]], 2);
	assert_rel(a.grand_mean, gm, 1e-14);
	assert_rel(a.ss_between, ssb, 1e-12);
	assert_rel(a.ss_within, ssw, 1e-12);
	assert_true(a.df_between == 2 && a.df_within == 15);
	assert_rel(a.p, pow(1 + 2 * a.f / 15, -7.5), 1e-10);
	/* Errors: one group; as many values as groups. */
	assert_int_equal(lt_htest_anova(three_y, three_g, NULL, 6, 3, &a, &err),
	    LT_EINVAL);
	assert_string_equal(err.msg,
	    "An analysis of variance needs values in at least two groups and more values than groups.");
	{
		const double y[] = { 1, 2 };
		const size_t g[] = { 0, 1 };

		assert_int_equal(lt_htest_anova(y, g, NULL, 2, 2, &a, &err),
		    LT_EINVAL);
		assert_true(a.groups == 2 && isnan(a.f));
	}
	/* No spread within groups: F cannot be computed. */
	{
		const double y[] = { 1, 1, 2, 2 };
		const size_t g[] = { 0, 0, 1, 1 };

		assert_int_equal(lt_htest_anova(y, g, NULL, 4, 2, &a, &err), 0);
		assert_true(a.ss_within == 0 && a.r_squared == 1 && isnan(a.f));
	}
}

/* Levene / Brown-Forsythe = one-way ANOVA of the absolute deviations. */
static void
test_levene_identity(void **state)
{
	double z[18], m[3] = { 0 }, n[3] = { 0 }, med[3];
	lt_anova lev, bf, ref;

	(void)state;
	for (size_t i = 0; i < 18; i++) {
		n[three_g[i]]++;
		m[three_g[i]] += three_y[i];
	}
	for (int j = 0; j < 3; j++)
		m[j] /= n[j];
	/* Medians (type 7) by hand: 4.2 3.9 4.8 5.1 5.5 4.4 -> (4.4+4.8)/2 = 4.6; 7.4; 5.0. */
	med[0] = 4.6;
	med[1] = 7.4;
	med[2] = 5.0;
	assert_int_equal(lt_htest_levene(three_y, three_g, NULL, 18, 3,
	    LT_LEVENE_MEAN, &lev, NULL), 0);
	for (size_t i = 0; i < 18; i++)
		z[i] = fabs(three_y[i] - m[three_g[i]]);
	assert_int_equal(lt_htest_anova(z, three_g, NULL, 18, 3, &ref, NULL), 0);
	assert_rel(lev.f, ref.f, 1e-12);
	assert_rel(lev.p, ref.p, 1e-11);
	assert_rel(lev.ss_between, ref.ss_between, 1e-12);
	assert_rel(lev.ss_within, ref.ss_within, 1e-12);
	assert_true(lev.df_between == 2 && lev.df_within == 15);

	assert_int_equal(lt_htest_levene(three_y, three_g, NULL, 18, 3,
	    LT_LEVENE_MEDIAN, &bf, NULL), 0);
	for (size_t i = 0; i < 18; i++)
		z[i] = fabs(three_y[i] - med[three_g[i]]);
	assert_int_equal(lt_htest_anova(z, three_g, NULL, 18, 3, &ref, NULL), 0);
	assert_rel(bf.f, ref.f, 1e-12);
	assert_rel(bf.p, ref.p, 1e-11);
	print_message("Levene F = %.6g (p %.3g), Brown-Forsythe F = %.6g (p %.3g)\n",
	    lev.f, lev.p, bf.f, bf.p);
	/* Group 2 is far more spread out: both should say so. */
	assert_true(lev.p < 0.01 && bf.p < 0.05);
	/* Equal spreads (shifted copies): F = 0 up to rounding. */
	{
		const double y[] = { 1, 2, 4, 11, 12, 14, 21, 22, 24 };
		const size_t g[] = { 0, 0, 0, 1, 1, 1, 2, 2, 2 };

		assert_int_equal(lt_htest_levene(y, g, NULL, 9, 3,
		    LT_LEVENE_MEDIAN, &bf, NULL), 0);
		assert_abs(bf.f, 0, 1e-12);
		assert_abs(bf.p, 1, 1e-9);
	}
}

/* --------------------------------------------------- descriptives */

static void
test_groups_describe(void **state)
{
	/* Group 0: 1 2 3 10; group 1: 1 2 3 4 100; group 2 empty. */
	const double y[] = { 1, 2, 3, 10, 1, 2, 3, 4, 100, NAN };
	const size_t g[] = { 0, 0, 0, 0, 1, 1, 1, 1, 1, 1 };
	lt_htest_group d[3];
	double s, sk = 0;

	(void)state;
	assert_int_equal(lt_htest_groups(y, g, NULL, 10, 3, d, NULL), 0);
	assert_true(d[0].n == 4 && d[1].n == 5 && d[2].n == 0);
	assert_true(d[0].mean == 4);
	/* Excel's SKEW: n/((n-1)(n-2)) sum ((x - mean)/s)^3 = 1.7636... */
	s = sqrt(50.0 / 3.0);
	for (int i = 0; i < 4; i++)
		sk += pow((y[i] - 4) / s, 3);
	sk *= 4.0 / (3.0 * 2.0);
	assert_rel(d[0].skewness, sk, 1e-13);
	assert_rel(d[0].skewness, 1.763632, 1e-6);
	assert_rel(d[0].sd, s, 1e-14);
	/* R: quantile(c(1,2,3,10)) = 1 1.75 2.5 4.75 10: fence 4.75 + 4.5 = 9.25. */
	assert_true(d[0].q1 == 1.75 && d[0].median == 2.5 && d[0].q3 == 4.75);
	assert_true(d[0].min == 1 && d[0].max == 10);
	assert_true(d[0].outliers == 1);
	/* R: quantile(c(1,2,3,4,100)) = 1 2 3 4 100: fence 4 + 3 = 7. */
	assert_true(d[1].q1 == 2 && d[1].q3 == 4 && d[1].outliers == 1);
	assert_true(isnan(d[2].mean) && isnan(d[2].sd) && isnan(d[2].median));
	assert_true(isnan(d[2].outliers));
	/* Fewer than 3 values: no skewness; 1 value: no SD. */
	{
		const double y2[] = { 1, 2, 7 };
		const size_t g2[] = { 0, 0, 1 };

		assert_int_equal(lt_htest_groups(y2, g2, NULL, 3, 2, d, NULL), 0);
		assert_true(isnan(d[0].skewness) && d[0].sd > 0);
		assert_true(isnan(d[1].sd) && d[1].mean == 7 && d[1].median == 7);
		assert_true(d[1].outliers == 0);
	}
	assert_int_equal(lt_htest_groups(y, g, NULL, 10, 0, d, NULL), LT_EINVAL);
}

/* ---------------------------------------------------------- weights */

/* A small deterministic generator (xorshift64*), so failures reproduce. */
static uint64_t rng_state = 0x2545F4914F6CDD1DULL;

static unsigned
rng_below(unsigned n)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (unsigned)((rng_state * 2685821657736338717ULL) >> 33) % n;
}

/* a and b agree: both NaN, or within tol relative (or absolute near 0). */
static void
check_close(const char *what, double a, double b, double tol)
{
	if (isnan(a) && isnan(b))
		return;
	if (!(fabs(a - b) <= tol * fmax(fabs(b), 1e-3))) {
		print_error("%s: weighted %.17g, expanded %.17g\n", what, a, b);
		fail();
	}
}

static void
test_weights_equal_expanded(void **state)
{
	(void)state;
	for (int run = 0; run < 300; run++) {
		size_t m = 3 + rng_below(12), ne = 0, k = 2 + rng_below(3);
		double y[16], w[16], ye[128];
		size_t g[16], ge[128];
		int rc1, rc2;

		for (size_t i = 0; i < m; i++) {
			/* Decimal values with ties; some missing; odd weights. */
			y[i] = rng_below(12) == 0 ? NAN :
			    100 + (double)rng_below(30) / 10;
			g[i] = rng_below((unsigned)k);
			switch (rng_below(10)) {
			case 0:
				w[i] = 0;
				break;
			case 1:
				w[i] = -1;
				break;
			case 2:
				w[i] = NAN;
				break;
			default:
				w[i] = 1 + rng_below(5);
			}
			if (w[i] > 0)
				for (int c = 0; c < (int)w[i]; c++) {
					ye[ne] = y[i];
					ge[ne++] = g[i];
				}
		}
		{
			lt_anova a, b;

			rc1 = lt_htest_anova(y, g, w, m, k, &a, NULL);
			rc2 = lt_htest_anova(ye, ge, NULL, ne, k, &b, NULL);
			assert_int_equal(rc1, rc2);
			assert_true(a.groups == b.groups && a.n == b.n);
			check_close("anova F", a.f, b.f, 1e-9);
			check_close("anova SSW", a.ss_within, b.ss_within, 1e-9);
			check_close("anova SSB", a.ss_between, b.ss_between, 1e-9);
			check_close("anova p", a.p, b.p, 1e-9);
		}
		for (int c = 0; c < 2; c++) {
			lt_anova a, b;

			rc1 = lt_htest_levene(y, g, w, m, k, (enum lt_levene_centre)c, &a, NULL);
			rc2 = lt_htest_levene(ye, ge, NULL, ne, k, (enum lt_levene_centre)c, &b, NULL);
			assert_int_equal(rc1, rc2);
			check_close("levene F", a.f, b.f, 1e-9);
			check_close("levene p", a.p, b.p, 1e-9);
		}
		{
			lt_welch_anova a, b;

			rc1 = lt_htest_welch_anova(y, g, w, m, k, &a, NULL);
			rc2 = lt_htest_welch_anova(ye, ge, NULL, ne, k, &b, NULL);
			assert_int_equal(rc1, rc2);
			check_close("welch F", a.f, b.f, 1e-9);
			check_close("welch df2", a.df2, b.df2, 1e-9);
			check_close("welch p", a.p, b.p, 1e-9);
		}
		{
			lt_kruskal a, b;

			rc1 = lt_htest_kruskal(y, g, w, m, k, &a, NULL);
			rc2 = lt_htest_kruskal(ye, ge, NULL, ne, k, &b, NULL);
			assert_int_equal(rc1, rc2);
			check_close("kruskal H", a.h, b.h, 1e-11);
			check_close("kruskal p", a.p, b.p, 1e-10);
		}
		{
			lt_ttest a, b;

			rc1 = lt_htest_ttest(y, g, w, m, 0.95, &a, NULL);
			rc2 = lt_htest_ttest(ye, ge, NULL, ne, 0.95, &b, NULL);
			assert_int_equal(rc1, rc2);
			check_close("t welch", a.welch.t, b.welch.t, 1e-9);
			check_close("t welch df", a.welch.df, b.welch.df, 1e-9);
			check_close("t welch lo", a.welch.lo, b.welch.lo, 1e-9);
			check_close("t student p", a.student.p, b.student.p, 1e-9);
			check_close("hedges g", a.g, b.g, 1e-9);
			check_close("hedges lo", a.g_lo, b.g_lo, 1e-9);
		}
		{
			lt_mannwhitney a, b;

			rc1 = lt_htest_mannwhitney(y, g, w, m, &a, NULL);
			rc2 = lt_htest_mannwhitney(ye, ge, NULL, ne, &b, NULL);
			assert_int_equal(rc1, rc2);
			if (rc1 == 0)
				assert_int_equal(a.exact, b.exact);
			check_close("mw U", a.u, b.u, 1e-12);
			check_close("mw z", a.z, b.z, 1e-11);
			check_close("mw p", a.p, b.p, 1e-11);
		}
		{
			lt_htest_group a[4], b[4];

			assert_int_equal(lt_htest_groups(y, g, w, m, k, a, NULL), 0);
			assert_int_equal(lt_htest_groups(ye, ge, NULL, ne, k, b, NULL), 0);
			for (size_t j = 0; j < k; j++) {
				assert_true(a[j].n == b[j].n);
				check_close("mean", a[j].mean, b[j].mean, 1e-13);
				check_close("sd", a[j].sd, b[j].sd, 1e-9);
				check_close("skewness", a[j].skewness, b[j].skewness, 1e-7);
				check_close("q1", a[j].q1, b[j].q1, 0);
				check_close("median", a[j].median, b[j].median, 0);
				check_close("q3", a[j].q3, b[j].q3, 0);
				check_close("outliers", a[j].outliers, b[j].outliers, 0);
				check_close("mean rank", a[j].mean_rank, b[j].mean_rank, 1e-13);
			}
		}
	}
}

/* Weights of 1 everywhere: the same as no weights, exact test included. */
static void
test_weights_unit(void **state)
{
	const double w[] = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	    1, 1, 1, 1 };
	lt_mannwhitney a, b;
	lt_ttest t, u;

	(void)state;
	assert_int_equal(lt_htest_mannwhitney(sleep_y, sleep_g, w, 20, &a, NULL), 0);
	assert_int_equal(lt_htest_mannwhitney(sleep_y, sleep_g, NULL, 20, &b, NULL), 0);
	/* The sleep data have ties (0.8, -0.1, 3.4 twice): normal approximation. */
	assert_true(a.exact == 0 && b.exact == 0 && a.ties == 1);
	assert_true(a.p == b.p && a.u == b.u);
	/*
	 * R: wilcox.test(extra ~ group, data = sleep) prints "W = 25.5,
	 * p-value = 0.06933" (with a warning that ties prevent the exact
	 * p-value); W is U of group 1. By hand: the ties (-0.1, 0.8 and 3.4
	 * twice each) give sum(t^3 - t) = 18, sigma^2 = 100/12 (21 - 18/380),
	 * z = (25.5 - 50 + 0.5) / sigma = -1.816279, p = erfc(|z| / sqrt 2).
	 */
	assert_true(a.u == 25.5);
	assert_abs(a.p, 0.06933, 5e-6);
	assert_rel(a.z, -24 / sqrt(100.0 / 12 * (21 - 18.0 / 380)), 1e-14);
	assert_rel(a.p, erfc(fabs(a.z) / sqrt(2)), 1e-12);
	assert_int_equal(lt_htest_ttest(sleep_y, sleep_g, w, 20, 0.95, &t, NULL), 0);
	assert_int_equal(lt_htest_ttest(sleep_y, sleep_g, NULL, 20, 0.95, &u, NULL), 0);
	assert_true(t.welch.t == u.welch.t && t.welch.p == u.welch.p);
}

/*
 * Large groups are sorted by a radix sort, small ones by insertion: the
 * mean ranks and quartiles must be the brute-force ones either way, with
 * ties, negative values and -0.
 */
static void
test_ranks_large(void **state)
{
	static const size_t sizes[] = { 10, 63, 64, 65, 2000 };

	(void)state;
	for (size_t z = 0; z < sizeof sizes / sizeof sizes[0]; z++) {
		size_t n = sizes[z], *g = malloc(n * sizeof *g);
		double *y = malloc(n * sizeof *y), rank[2] = { 0, 0 }, cnt[2] = { 0, 0 };
		lt_htest_group out[2];
		lt_error err;
		unsigned seed = 7;

		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			y[i] = (double)((int)((seed >> 8) % 41) - 20) / 4;	/* ties, negatives */
			if (y[i] == 0 && i % 2)
				y[i] = -0.0;
			g[i] = (seed >> 20) % 2;
		}
		for (size_t i = 0; i < n; i++) {
			double less = 0, same = 0;

			for (size_t j = 0; j < n; j++) {
				less += y[j] < y[i];
				same += y[j] == y[i];
			}
			rank[g[i]] += less + (same + 1) / 2;
			cnt[g[i]]++;
		}
		assert_int_equal(lt_htest_groups(y, g, NULL, n, 2, out, &err), 0);
		for (int j = 0; j < 2; j++)
			if (cnt[j] > 0)
				assert_true(fabs(out[j].mean_rank - rank[j] / cnt[j]) < 1e-9);
		free(g);
		free(y);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nist_anova),
		cmocka_unit_test(test_nist_anova_order_and_missing),
		cmocka_unit_test(test_nist_binary_limit),
		cmocka_unit_test(test_ttest_sleep),
		cmocka_unit_test(test_ttest_errors),
		cmocka_unit_test(test_mannwhitney_exact_brute),
		cmocka_unit_test(test_mannwhitney_exact_tail),
		cmocka_unit_test(test_mannwhitney_normal_ties),
		cmocka_unit_test(test_mannwhitney_errors),
		cmocka_unit_test(test_kruskal_hollander_wolfe),
		cmocka_unit_test(test_kruskal_ties),
		cmocka_unit_test(test_welch_anova),
		cmocka_unit_test(test_anova_small),
		cmocka_unit_test(test_levene_identity),
		cmocka_unit_test(test_groups_describe),
		cmocka_unit_test(test_weights_equal_expanded),
		cmocka_unit_test(test_weights_unit),
		cmocka_unit_test(test_ranks_large),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
