/*
 * htest.h - tests that compare groups, for "compare Y by GROUP": Welch's
 * and Student's t, Hedges' g, Mann-Whitney U, one-way ANOVA (classic and
 * Welch's), Kruskal-Wallis, Levene / Brown-Forsythe, and the per-group
 * numbers used to check the assumptions behind them.
 *
 * Every function takes the two columns a table gives, one row per element:
 *
 *   y[i]  the value of row i; NaN means missing and the row is skipped;
 *   g[i]  the row's group as an index 0..k-1 (the caller maps its group
 *         codes to indices); a row whose index is k or more (for example
 *         SIZE_MAX for a missing group code) is skipped;
 *   w     NULL, or frequency weights: row i stands for w[i] identical
 *         observations (aggregated data); rows whose weight is NaN,
 *         infinite, zero or negative are skipped. Rank methods treat a
 *         weight as a count of tied copies; nothing is expanded in memory;
 *   n     the number of rows.
 *
 * The two-group functions compare group 0 ("A") with group 1 ("B"), k = 2,
 * and report every difference as A minus B. The k-group functions ignore
 * groups that end up with no values (they are not counted in "groups").
 *
 * Values are centred before sums of squares are formed. When the values
 * share many leading digits (1000000000000.4, 1000000000000.3, ...), each
 * deviation from the first value is formed from the decimal numbers the
 * values print as with 15 significant digits (when that decimal reads back
 * as the same double, i.e. the value was typed with at most 15 digits), so
 * binary rounding of the data does not swamp the differences; see
 * htest.c. This is what lets the NIST StRD ANOVA datasets SmLs07-09 reach
 * their certified values.
 *
 * Functions return 0, or LT_EINVAL with a message in *err when the data
 * cannot support the test (too few values); results that exist but cannot
 * be computed (for example F when every group has zero spread) are NaN.
 * On error every number in *out is NaN (counts are still filled in).
 */
#ifndef LT_HTEST_H
#define LT_HTEST_H

#include <stddef.h>

#include "error.h"

/* Per-group numbers for checking assumptions (normality, spread, outliers). */
typedef struct lt_htest_group {
	double n;		/* values in the group (sum of weights) */
	double mean;
	double sd;		/* sample SD, denominator n - 1; NaN when n <= 1 */
	/*
	 * Skewness: the adjusted Fisher-Pearson coefficient G1 that SPSS,
	 * Excel's SKEW and SAS report: G1 = g1 * sqrt(n (n - 1)) / (n - 2),
	 * g1 = m3 / m2^(3/2), m_r = sum (x - mean)^r / n (Joanes & Gill
	 * 1998, "b1" is g1 and "G1" this). NaN when n < 3 or the SD is 0.
	 * Positive: a long tail towards high values.
	 */
	double skewness;
	double min, q1, median, q3, max;	/* quartiles: type 7 (R's default) */
	/* Values (sum of weights) below q1 - 1.5 IQR or above q3 + 1.5 IQR. */
	double outliers;
	/*
	 * Mean rank of the group's values when all groups' values are
	 * ranked together (ties get the average rank): what the
	 * Kruskal-Wallis and Mann-Whitney tests compare.
	 */
	double mean_rank;
} lt_htest_group;

/*
 * Describe each group: out must have k elements. Groups without values get
 * n = 0 and NaN elsewhere. Returns LT_EINVAL only when k is 0.
 */
int lt_htest_groups(const double *y, const size_t *g, const double *w,
    size_t n, size_t k, lt_htest_group *out, lt_error *err);

/* One version of the t-test for the difference of means A - B. */
typedef struct lt_htest_t {
	double t;		/* diff / se */
	double df;		/* degrees of freedom (not a whole number for Welch) */
	double p;		/* two-sided p-value: P(|T| >= |t|) */
	double se;		/* standard error of diff */
	double lo, hi;		/* confidence interval for diff at the level asked */
} lt_htest_t;

typedef struct lt_ttest {
	double n[2];		/* values in A and B (sums of weights) */
	double mean[2];
	double sd[2];		/* sample SDs, denominator n - 1 */
	double diff;		/* mean of A minus mean of B */
	double level;		/* confidence level of the intervals, e.g. 0.95 */
	/*
	 * Welch's test (the default: does not assume equal variances):
	 * se = sqrt(sA^2/nA + sB^2/nB), df by Welch-Satterthwaite
	 * (Welch 1947, Biometrika 34:28). Student's test pools the variances:
	 * se = sp sqrt(1/nA + 1/nB), df = nA + nB - 2.
	 */
	lt_htest_t welch;
	lt_htest_t student;
	double sd_pooled;	/* sp = sqrt(((nA-1) sA^2 + (nB-1) sB^2) / (nA + nB - 2)) */
	/*
	 * Hedges' g: the difference in pooled SDs, bias-corrected,
	 * g = J * diff / sp with the exact J = G(m/2) / (sqrt(m/2) G((m-1)/2)),
	 * m = nA + nB - 2 (Hedges 1981; Hedges & Olkin 1985, ch. 5, p. 104;
	 * G is the gamma function; the common 1 - 3 / (4 m - 1) approximates
	 * it). g_se is Hedges & Olkin's (1985, ch. 5) large-sample SE of the
	 * unbiased estimator: sqrt((nA + nB) / (nA nB) + g^2 / (2 (nA + nB)));
	 * [g_lo, g_hi] is g -+ z * g_se at the level asked (normal
	 * approximation).
	 */
	double g;
	double g_se;
	double g_lo, g_hi;
} lt_ttest;

/*
 * Welch's and Student's t-tests and Hedges' g comparing group 0 (A) with
 * group 1 (B); level is the confidence level (0 < level < 1, e.g. 0.95).
 * Needs more than one value in each group. Results that divide by a zero
 * standard error (both groups constant) are NaN.
 */
int lt_htest_ttest(const double *y, const size_t *g, const double *w,
    size_t n, double level, lt_ttest *out, lt_error *err);

/* Mann-Whitney U (Wilcoxon rank-sum) test of A against B. */
typedef struct lt_mannwhitney {
	double n[2];		/* values in A and B (sums of weights) */
	double rank_sum[2];	/* sums of the ranks (ties: average ranks) */
	/*
	 * U for A: the number of pairs (a from A, b from B) with a > b, plus
	 * half the tied pairs; U = rank_sum[0] - nA (nA + 1) / 2. U for B is
	 * nA nB - U.
	 */
	double u;
	/*
	 * z of the normal approximation, with the tie correction of the
	 * variance and a continuity correction of 0.5 towards the centre
	 * (as R's wilcox.test): z = (U - nA nB / 2 - 0.5 sign) / sigma,
	 * sigma^2 = nA nB / 12 ((N + 1) - sum (t^3 - t) / (N (N - 1))).
	 * Filled in even when the exact p-value is used.
	 */
	double z;
	double p;		/* two-sided p-value */
	int exact;		/* 1: p from the exact distribution of U; 0: normal approximation */
	int ties;		/* 1 when some values (in either group) are equal */
	/*
	 * Rank-biserial correlation r = 2 U / (nA nB) - 1 = P(a > b) - P(a < b)
	 * (= 1 - 2 U_B / (nA nB), Wendt 1972 with U of B; Kerby 2014). From -1
	 * to 1; positive when A tends to have the higher values, the same
	 * sign as diff and Hedges' g.
	 */
	double r;
} lt_mannwhitney;

/* Largest group size for which the exact p-value is used (both groups). */
#define LT_HTEST_EXACT_MAX 50

/*
 * Mann-Whitney U test of group 0 (A) against group 1 (B). The p-value is
 * exact when both groups have at most LT_HTEST_EXACT_MAX values, there are
 * no ties and every weight is 1; otherwise it comes from the normal
 * approximation above. Needs at least one value in each group.
 */
int lt_htest_mannwhitney(const double *y, const size_t *g, const double *w,
    size_t n, lt_mannwhitney *out, lt_error *err);

/* Classic one-way analysis of variance. */
typedef struct lt_anova {
	size_t groups;		/* groups with values */
	double n;		/* values (sum of weights) */
	double grand_mean;
	double df_between;	/* groups - 1 */
	double df_within;	/* n - groups */
	double ss_between;	/* sum over groups of n_j (mean_j - grand mean)^2 */
	double ss_within;	/* sum of (x - mean of its group)^2 */
	double ms_between;	/* ss_between / df_between */
	double ms_within;	/* ss_within / df_within */
	double f;		/* ms_between / ms_within */
	double p;		/* P(F(df_between, df_within) >= f) */
	double r_squared;	/* eta squared: ss_between / (ss_between + ss_within) */
	double residual_sd;	/* sqrt(ms_within) */
} lt_anova;

/*
 * One-way ANOVA of y across the k groups (Fisher; NIST StRD's definitions).
 * Needs values in at least two groups and more values than groups.
 */
int lt_htest_anova(const double *y, const size_t *g, const double *w,
    size_t n, size_t k, lt_anova *out, lt_error *err);

/* Welch's ANOVA: one-way comparison of means without equal variances. */
typedef struct lt_welch_anova {
	size_t groups;		/* groups with values */
	double f;		/* Welch's F (Welch 1951, Biometrika 38:330) */
	double df1;		/* groups - 1 */
	double df2;		/* (k^2 - 1) / (3 Lambda): not a whole number */
	double p;		/* P(F(df1, df2) >= f) */
} lt_welch_anova;

/*
 * Welch's ANOVA across the k groups. Needs at least two groups with values
 * and more than one value in each of them; NaN when a group's SD is 0.
 * With two groups F = t^2 and df2 = the Welch t-test's df.
 */
int lt_htest_welch_anova(const double *y, const size_t *g, const double *w,
    size_t n, size_t k, lt_welch_anova *out, lt_error *err);

/* Kruskal-Wallis rank test. */
typedef struct lt_kruskal {
	size_t groups;		/* groups with values */
	double n;		/* values (sum of weights) */
	/*
	 * H = 12 / (N (N + 1)) sum n_j (Rbar_j - (N + 1) / 2)^2, divided by
	 * the tie correction 1 - sum (t^3 - t) / (N^3 - N) (Kruskal & Wallis
	 * 1952; Hollander & Wolfe 1973, sec. 6.1).
	 */
	double h;
	double df;		/* groups - 1 */
	double p;		/* chi-square approximation: P(chi2(df) >= h) */
	/*
	 * Effect size epsilon squared E_R^2 = H / ((N^2 - 1) / (N + 1)),
	 * which is H / (N - 1) (Kelley 1935; Tomczak & Tomczak 2014). From 0
	 * (no difference between the groups' ranks) to 1.
	 */
	double epsilon_squared;
} lt_kruskal;

/*
 * Kruskal-Wallis test across the k groups. Needs values in at least two
 * groups; NaN when all values are equal.
 */
int lt_htest_kruskal(const double *y, const size_t *g, const double *w,
    size_t n, size_t k, lt_kruskal *out, lt_error *err);

/* What Levene's test measures spread around. */
enum lt_levene_centre {
	LT_LEVENE_MEAN,		/* Levene (1960): |x - group mean| */
	LT_LEVENE_MEDIAN	/* Brown & Forsythe (1974): |x - group median| (type 7) */
};

/*
 * Levene's test of equal spread: the one-way ANOVA (fields as lt_anova) of
 * the absolute deviations of the values from their group's mean or median.
 * A small p says the groups' spreads differ. Needs what lt_htest_anova needs.
 */
int lt_htest_levene(const double *y, const size_t *g, const double *w,
    size_t n, size_t k, enum lt_levene_centre centre, lt_anova *out,
    lt_error *err);

#endif
