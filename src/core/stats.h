/*
 * stats.h - statistics on columns of doubles (GSL underneath).
 *
 * Columns arrive as arrays with NaN for missing values and, for aggregated
 * data, an optional parallel array of frequency weights (a row with weight
 * w stands for w people).
 */
#ifndef LT_STATS_H
#define LT_STATS_H

#include <stddef.h>

typedef struct lt_summary {
	double n;		/* non-missing count (sum of weights) */
	double missing;		/* missing count (sum of weights) */
	double mean;
	double sd;		/* sample standard deviation (n - 1) */
	double min;
	double q1;		/* quartiles: type 7, R's default */
	double median;
	double q3;
	double max;
	double se;		/* standard error of the mean, sd / sqrt(n) */
	double ci_lo, ci_hi;	/* 95% CI of the mean, mean -/+ t(0.975, n-1) se */
	double iqr;		/* q3 - q1 */
	double skew;		/* adjusted Fisher-Pearson skewness G1 (as SPSS, Excel) */
	double kurt;		/* excess kurtosis G2 (as SPSS, Excel); 0 for a normal */
} lt_summary;

/*
 * Summarise x[0..n-1]; w is NULL or frequency weights (rows whose weight
 * is missing or not positive are left out). Statistics that cannot be
 * computed (no values; SD of one value) are NaN.
 */
void lt_stats_summary(const double *x, const double *w, size_t n, lt_summary *out);
/* The summary of the rows of x (and w) whose codes[i] is g. */
void lt_stats_group_summary(const double *x, const double *w, size_t n,
    const size_t *codes, size_t g, lt_summary *out);
/* Add offset to the location statistics of a summary of centred values. */
void lt_summary_shift(lt_summary *s, double offset);
/*
 * Whole numbers in a short range (ages, blood pressures, 0/1 flags: most
 * health measures) are counted rather than sorted. lt_whole: y is a whole
 * number a double holds exactly. lt_countable: m such numbers from lo to
 * hi span few enough values to count (*range gets hi - lo + 1).
 */
int lt_whole(double y);
int lt_countable(double lo, double hi, size_t m, size_t *range);
/* Both for v[0..m), m > 0, no NaN: *lo gets the smallest. */
int lt_whole_span(const double *v, size_t m, double *lo, size_t *range);
/* The p-quantile (0..1) of sorted data (type 7), frequency-weighted if w. */
double lt_stats_quantile_sorted(const double *x, const double *w, size_t n, double p);

#endif
