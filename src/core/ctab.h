/*
 * ctab.h - counting statistics behind freq, crosstab and rate: confidence
 * intervals for proportions, chi-square and Fisher's exact test on r x c
 * tables, 2 x 2 effect sizes (odds ratio, risk ratio, risk difference),
 * and rates with exact Poisson intervals.
 *
 * Every function takes counts already tallied (a SQL GROUP BY that sums
 * frequency weights), as doubles. Weighted counts may be non-integer:
 *  - large-sample methods (Wilson, chi-square, Woolf, Katz, Wald,
 *    Newcombe) use the counts as given;
 *  - exact methods (Clopper-Pearson, Fisher, Garwood, the exact rate
 *    ratio) need whole numbers: they round each count to the nearest
 *    integer and set the result's "rounded" field to 1 when that changed
 *    anything, so the caller can say so.
 * Counts must be finite and not negative (no NaN: a missing cell is 0).
 * Tables are row-major: counts[i * cols + j] is row i, column j.
 * Functions return 0 or LT_EINVAL (with a message in *err) when the input
 * cannot be used; statistics that cannot be computed are NaN.
 */
#ifndef LT_CTAB_H
#define LT_CTAB_H

#include <stddef.h>

#include "error.h"

/* ------------------------------------------------------------ proportions */

/* A proportion k / n with a confidence interval. */
typedef struct lt_ctab_prop {
	double k;		/* number with the characteristic, as given */
	double n;		/* number in the group, as given */
	double p;		/* the proportion k / n */
	double level;		/* confidence level, e.g. 0.95 */
	double lo;		/* lower confidence limit (0..1) */
	double hi;		/* upper confidence limit (0..1) */
	int rounded;		/* 1: an exact method rounded k or n to whole numbers */
} lt_ctab_prop;

/*
 * Wilson score interval (Wilson 1927; Newcombe 1998, method 3): good for
 * every n, never outside 0..1, 0 when k = 0 and 1 when k = n. Needs
 * 0 <= k <= n, n > 0 and 0 < level < 1.
 */
int lt_ctab_wilson(double k, double n, double level, lt_ctab_prop *out,
    lt_error *err);
/*
 * Exact (Clopper-Pearson 1934) interval from beta quantiles: guaranteed
 * coverage, conservative (wider than Wilson); k and n are rounded. With
 * over a million successes and failures the beta quantiles come from
 * Paulson's approximation to the equal F quantiles (within 4e-9 of the
 * interval's width): GSL cannot compute them there.
 */
int lt_ctab_clopper_pearson(double k, double n, double level,
    lt_ctab_prop *out, lt_error *err);

/* ------------------------------------------------------------ r x c tables */

/*
 * Cochran's rule (Cochran 1954): the chi-square approximation is doubtful
 * when any expected count is below 1 or more than 20% of the cells have
 * expected counts below 5. In a 2 x 2 table one cell below 5 is already
 * 25%, so there it means "any expected count below 5".
 */
#define LT_CTAB_SMALL_EXPECTED	5.0
#define LT_CTAB_SMALL_SHARE	0.2

/* Pearson's chi-square test of independence and what goes with it. */
typedef struct lt_ctab_chisq {
	size_t rows, cols;	/* dimensions as given */
	size_t rows_used;	/* rows whose total is above 0 (the others are dropped) */
	size_t cols_used;	/* columns whose total is above 0 */
	double total;		/* sum of all counts */
	double *row_total;	/* [rows]: sum of each row (0 marks a dropped row) */
	double *col_total;	/* [cols]: sum of each column */
	double *expected;	/* [rows * cols] row-major: row_total * col_total /
				   total; NaN in dropped rows and columns */
	double chisq;		/* X^2 = sum over used cells of (O - E)^2 / E */
	double df;		/* (rows_used - 1) * (cols_used - 1) */
	double p;		/* upper tail of chi-square(df) at chisq */
	double min_expected;	/* smallest expected count among used cells */
	size_t cells_small;	/* used cells with expected count below 5 */
	double share_small;	/* cells_small / (rows_used * cols_used) */
	int small;		/* 1: Cochran's rule fails (min_expected < 1 or
				   share_small > 0.2): say the p-value is
				   unreliable and prefer Fisher's exact test */
	double yates_chisq;	/* used table 2 x 2 only: X^2 with Yates's
				   continuity correction as in R's chisq.test,
				   sum (|O - E| - min(0.5, |O - E|))^2 / E */
	double yates_p;		/* its p-value (1 df); NaN unless 2 x 2 */
	double cramer_v;	/* sqrt(X^2 / (total * (min(rows_used,
				   cols_used) - 1))), 0..1 */
	double phi;		/* used table 2 x 2 only: (ad - bc) /
				   sqrt(r1 r2 c1 c2), -1..1, positive when the
				   first row leans to the first column; |phi|
				   equals Cramer's V */
} lt_ctab_chisq;

/*
 * Chi-square test on a rows x cols table of counts. Rows and columns whose
 * total is 0 are dropped (rows_used, cols_used say how many remain). When
 * fewer than 2 rows or 2 columns remain there is nothing to test: the
 * totals and expected counts are filled, the statistics are NaN, and 0 is
 * returned. An all-zero table is an error. Free with lt_ctab_chisq_free.
 */
int lt_ctab_chisq_test(const double *counts, size_t rows, size_t cols,
    lt_ctab_chisq *out, lt_error *err);
/* Free the arrays inside *c (not c itself); safe on a zeroed struct. */
void lt_ctab_chisq_free(lt_ctab_chisq *c);

/* What a percentage is a percentage of. */
enum lt_ctab_margin {
	LT_CTAB_ROW,		/* of the row total: each row adds to 100 */
	LT_CTAB_COL,		/* of the column total: each column adds to 100 */
	LT_CTAB_ALL		/* of the grand total: the table adds to 100 */
};

/*
 * out[i * cols + j] = 100 * counts[i * cols + j] / (its row, column or
 * grand total); NaN where that total is 0.
 */
int lt_ctab_percent(const double *counts, size_t rows, size_t cols,
    enum lt_ctab_margin margin, double *out, lt_error *err);

/* ------------------------------------------------------------ Fisher */

/* Largest number of steps the r x c exact test may take (about a second). */
#define LT_CTAB_FISHER_WORK	10000000.0

/* Fisher's exact test. */
typedef struct lt_ctab_fisher {
	double p;		/* two-sided: the total probability of all tables
				   with the same margins that are no more likely
				   than the observed one (relative tolerance 1e-7,
				   as R's fisher.test) */
	double p_less;		/* 2 x 2 only: P(top-left cell <= observed), the
				   one-sided p for "odds ratio below 1"; else NaN */
	double p_greater;	/* 2 x 2 only: P(top-left cell >= observed) */
	size_t rows_used;	/* rows and columns with a non-zero total */
	size_t cols_used;
	int rounded;		/* 1: counts were rounded to whole numbers */
} lt_ctab_fisher;

/*
 * Fisher's exact test of independence, conditional on the margins. 2 x 2
 * tables are always done (hypergeometric terms from log-factorials, summed
 * outwards from the mode). Larger tables use a network algorithm (Mehta
 * and Patel 1983) that gives up with LT_EINVAL and the message "This table
 * is too big for an exact test; use the chi-square test instead." when it
 * would take more than LT_CTAB_FISHER_WORK steps or about 150 MB (roughly:
 * fine up to 100 people in a 4 x 4 table or 200 in a 3 x 6 one, in well
 * under a second; it fails within a few seconds). Empty rows and columns
 * are dropped; a table with fewer than 2 used rows or columns has p = 1.
 * p-values below about 1e-300 come out as 0.
 */
int lt_ctab_fisher_test(const double *counts, size_t rows, size_t cols,
    lt_ctab_fisher *out, lt_error *err);

/* ------------------------------------------------------------ 2 x 2 */

/*
 * Effect sizes of a 2 x 2 table laid out as
 *
 *                 event   no event
 *   exposed         a        b
 *   not exposed     c        d
 *
 * counts = { a, b, c, d } (row-major). "Risk" is the proportion with the
 * event in a row. The lead decides which category is "exposed"/"event" and
 * orders the table so.
 */
typedef struct lt_ctab_2x2 {
	double level;		/* confidence level, e.g. 0.95 */
	double risk1;		/* a / (a + b): risk in the exposed */
	double risk0;		/* c / (c + d): risk in the not exposed */
	double odds_ratio;	/* ad / bc */
	double or_lo, or_hi;	/* Woolf (1955) log interval: exp(log OR +- z *
				   sqrt(1/a + 1/b + 1/c + 1/d)) */
	int or_corrected;	/* 1: a cell was 0, so 0.5 was added to every
				   cell for the estimate and its interval
				   (Haldane 1956; Anscombe 1956) */
	double risk_ratio;	/* risk1 / risk0 */
	double rr_lo, rr_hi;	/* Katz et al. (1978) log interval: exp(log RR
				   +- z * sqrt(1/a - 1/(a+b) + 1/c - 1/(c+d))) */
	int rr_corrected;	/* 1: a or c was 0, so 0.5 was added to every
				   cell for the risk ratio and its interval */
	double risk_diff;	/* risk1 - risk0 */
	double rd_lo, rd_hi;	/* Newcombe (1998b) method 10 hybrid score
				   interval, from the two Wilson intervals;
				   recommended */
	double rd_wald_lo;	/* Wald interval: rd +- z * sqrt(p1 (1 - p1) /
				   n1 + p0 (1 - p0) / n0); poor for small
				   counts or risks near 0 or 1 */
	double rd_wald_hi;
} lt_ctab_2x2;

/*
 * Odds ratio, risk ratio and risk difference with confidence intervals.
 * The odds ratio is NaN when a row or a column is empty; the risk ratio
 * and difference are NaN when a row is empty, and the risk ratio also when
 * nobody had the event (a = c = 0).
 */
int lt_ctab_2x2_effects(const double *counts, double level, lt_ctab_2x2 *out,
    lt_error *err);

/* ------------------------------------------------------------ rates */

/*
 * A rate: events / denominator * multiplier. The denominator is the
 * population at risk or person-time; the multiplier says what the rate is
 * "per": 1000 for "per 1000 people" (or per 1000 person-years when the
 * denominator is person-years). To turn monthly deaths in a standing
 * population (Nightingale's army) into "per 1000 per year", use
 * multiplier 12 * 1000 = 12000: 12 months make a year.
 */
typedef struct lt_ctab_rate {
	double events;		/* number of events, as given */
	double denom;		/* denominator (population or person-time) */
	double multiplier;	/* scale, e.g. 1000 or 12000 */
	double level;		/* confidence level */
	double rate;		/* events / denom * multiplier */
	double lo, hi;		/* exact Poisson interval (Garwood 1936) for the
				   rounded count k, [chi2(alpha/2, 2k) / 2,
				   chi2(1 - alpha/2, 2k + 2) / 2], scaled like
				   the rate; lo is 0 when k = 0. From 100000
				   events on, Byar's approximation (within
				   5e-10 of the exact limits) */
	int rounded;		/* 1: events was rounded to a whole number */
} lt_ctab_rate;

/* A rate with its exact interval; needs events >= 0, denom > 0, multiplier > 0. */
int lt_ctab_rate_ci(double events, double denom, double multiplier, double level,
    lt_ctab_rate *out, lt_error *err);

/* The ratio of the rates in two groups, group 1 over group 0. */
typedef struct lt_ctab_rate_ratio {
	double level;		/* confidence level */
	double ratio;		/* (e1 / d1) / (e0 / d0): Inf when e0 = 0, NaN
				   when e0 = e1 = 0 */
	double lo, hi;		/* exact conditional interval: given e1 + e0
				   = n events, e1 is binomial(n, pi) with pi =
				   R d1 / (R d1 + d0); Clopper-Pearson limits
				   for pi turned into limits for R (as R's
				   poisson.test) */
	double log_lo;		/* large-sample log interval: exp(log ratio +-
				   z * sqrt(1/e1 + 1/e0)); NaN if a count is 0 */
	double log_hi;
	double p;		/* exact two-sided p for ratio = 1: binomial
				   test of e1 out of e1 + e0 with pi = d1 /
				   (d1 + d0), two-sided as R's binom.test;
				   below about 1e-300 it is 0 */
	int rounded;		/* 1: e1 or e0 was rounded to a whole number */
} lt_ctab_rate_ratio;

/*
 * Compare two rates: e1 events over denominator d1 against e0 over d0
 * (the same units; the multiplier cancels). Needs e >= 0 and d > 0.
 */
int lt_ctab_rate_compare(double e1, double d1, double e0, double d0,
    double level, lt_ctab_rate_ratio *out, lt_error *err);

#endif
