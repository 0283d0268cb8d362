/*
 * model.h - modelling statistics: correlation of two columns, linear
 * regression (least squares) and logistic regression.
 *
 * Pure numerical functions on arrays of doubles: no SQLite, no result
 * documents. They return 0, or LT_EINVAL with a one-sentence message in
 * the lt_error when the input cannot be used.
 *
 * Conventions shared by every function here:
 * - The design matrix X is COLUMN-MAJOR: column j of an n-row matrix is
 *   X[j * n .. j * n + n - 1], so a predictor's column can be copied in
 *   with one memcpy. The caller adds the intercept (a column of ones) and
 *   0/1 dummy columns for categorical predictors.
 * - w is NULL (every row counts once) or frequency weights: a row with
 *   weight w stands for w identical observations, and n (the number of
 *   observations, used in every degree of freedom) is the sum of the
 *   weights. Rows whose weight is missing (NaN), infinite, zero or
 *   negative are left out.
 * - Correlation skips pairs with a missing value (NaN). The regressions
 *   expect the caller to have dropped incomplete rows and refuse a NaN or
 *   an infinite value in y or X with a message naming the row.
 * - Anything that cannot be computed is NaN.
 */
#ifndef LT_MODEL_H
#define LT_MODEL_H

#include <stddef.h>

#include "error.h"

/*
 * Correlation of x and y. Pearson's r is the product-moment correlation;
 * Spearman's rho is Pearson's r of the mid-ranks (tied values get the
 * average of the ranks they span; frequency weights count as tied
 * copies). Both p-values are two-sided and come from Student's t with
 * n - 2 degrees of freedom, t = r sqrt((n - 2) / (1 - r^2)). For rho that
 * t is an APPROXIMATION (it is what R's cor.test uses when there are
 * ties or exact = FALSE); it is poor below about 10 pairs.
 */
typedef struct lt_corr {
	double n;		/* pairs used: sum of weights of complete pairs */
	double missing;		/* pairs left out: x or y missing (sum of weights) */
	double level;		/* confidence level of the intervals (e.g. 0.95) */
	double r;		/* Pearson's r */
	double r_t;		/* t = r sqrt((n-2)/(1-r^2)); +-INFINITY when |r| = 1 */
	double df;		/* n - 2, for both t statistics */
	double r_p;		/* two-sided p of r = 0 */
	double r_lo, r_hi;	/* Fisher z interval: tanh(atanh(r) -+ z/sqrt(n-3));
				   NaN when n <= 3 */
	double rho;		/* Spearman's rho */
	double rho_t;		/* t approximation for rho, as for r */
	double rho_p;		/* two-sided p of rho = 0 from rho_t (approximate) */
	double rho_lo, rho_hi;	/* Fisher z interval with the Bonett-Wright
				   variance (1 + rho^2/2)/(n-3); NaN when n <= 3 */
	int ties;		/* 1 when x or y has tied values (affects rho) */
} lt_corr;

/*
 * Correlate x[0..n-1] with y[0..n-1] (pairs with a NaN are skipped; w as
 * above). level is the confidence level of the intervals, 0 < level < 1.
 * Refuses fewer than 3 pairs and a column whose used values are all the
 * same.
 */
int lt_model_correlate(const double *x, const double *y, const double *w,
    size_t n, double level, lt_corr *out, lt_error *err);

/*
 * A least-squares fit y = X b + e. Arrays of p values are indexed like
 * the columns of X. Confidence intervals are 95%.
 */
typedef struct lt_ols {
	size_t p;		/* columns of X (coefficients asked for) */
	size_t rows;		/* rows used (those with a usable weight) */
	double n;		/* observations: sum of weights (= rows unweighted) */
	int intercept;		/* 1 when X holds a column of ones */
	size_t icol;		/* index of that column; p when there is none */
	size_t rank;		/* coefficients estimated: p minus aliased ones */
	int rank_deficient;	/* 1 when some column was aliased */
	int *aliased;		/* p flags: 1 = the column is (to rounding) an
				   exact combination of columns before it; it
				   was left out and its coefficient is NaN */
	double *coef;		/* estimates b_j */
	double *se;		/* standard errors: sigma sqrt(((X'WX)^-1)_jj) */
	double *t;		/* b_j / se_j */
	double *pval;		/* two-sided p of b_j = 0, t with df_resid */
	double *lo, *hi;	/* 95% intervals b_j -+ t(0.975, df_resid) se_j */
	double *vif;		/* variance inflation factors 1/(1 - R_j^2),
				   R_j^2 from regressing column j on the other
				   kept columns; NaN for the intercept column
				   and for every column of a model without an
				   intercept; INFINITY for aliased columns of a
				   model with one */
	double *cov;		/* p x p covariance of the estimates, column-
				   major, sigma^2 (X'WX)^-1; NaN rows/columns
				   for aliased columns */
	double *fitted;		/* n fitted values X b (NaN for left-out rows) */
	double *resid;		/* n residuals y - X b (NaN for left-out rows) */
	double df_model;	/* rank - 1 with an intercept, rank without */
	double df_resid;	/* n - rank */
	double rss;		/* residual SS: sum w (y - Xb)^2 */
	double ess;		/* regression SS: sum w (Xb - ybar)^2 with an
				   intercept, sum w (Xb)^2 without */
	double tss;		/* total SS: sum w (y - ybar)^2 with an intercept,
				   sum w y^2 (uncentred) without */
	double sigma;		/* residual SD sqrt(rss / df_resid) */
	double r2;		/* R^2 = ess / tss (uncentred without intercept) */
	double adj_r2;		/* 1 - (1 - R^2) (n - i) / df_resid, i = 1 with
				   an intercept and 0 without (R's definition) */
	double f;		/* (ess / df_model) / (rss / df_resid); INFINITY
				   when rss is 0 < ess; NaN when df_model is 0
				   or y is constant */
	double f_p;		/* upper tail p of f, F(df_model, df_resid) */
	double cond;		/* condition number (largest / smallest singular
				   value) of the kept columns of X after each is
				   scaled to unit length (Belsley, Kuh & Welsch):
				   above 30 suggests collinearity; 1e10 and more
				   means digits are being lost */
	double cases_per_predictor;	/* n / (rank - intercept); NaN when
				   there is no predictor besides the intercept.
				   Rules of thumb ask for 10 to 20 or more */
} lt_ols;

/*
 * Fit y (n values) on X (n x p, column-major) by least squares, weighted
 * by frequency weights w (NULL for none). intercept says that one column
 * of X is all ones (it need not be the first); the fit refuses the flag
 * when no such column exists. Method: Householder QR in long double on
 * columns scaled to unit length, with R's "limited pivoting": a column
 * whose remaining norm after the columns before it falls below 1e-12
 * times its own norm is aliased and left out. On success *out owns
 * memory: release it with lt_model_ols_free. On failure *out needs no
 * freeing.
 */
int lt_model_ols(const double *y, const double *X, const double *w,
    size_t n, size_t p, int intercept, lt_ols *out, lt_error *err);
void lt_model_ols_free(lt_ols *m);

/*
 * A logistic regression logit P(y = 1) = X b fitted by maximum likelihood
 * (iteratively reweighted least squares = Newton-Raphson). Intervals are
 * 95% Wald intervals.
 */
typedef struct lt_logit {
	size_t p;		/* columns of X */
	size_t rows;		/* rows used */
	double n;		/* observations: sum of weights */
	double events;		/* sum of weights of rows with y = 1 */
	double nonevents;	/* n - events */
	int intercept;		/* 1 when X holds a column of ones */
	size_t icol;		/* index of that column; p when there is none */
	size_t rank;		/* coefficients estimated */
	int rank_deficient;	/* 1 when some column was aliased */
	int *aliased;		/* p flags, as in lt_ols */
	int converged;		/* 1 when the deviance settled: |change| /
				   (|deviance| + 0.1) < 1e-10 */
	int iterations;		/* Newton steps taken (at most 50) */
	int separation;		/* 1 when the outcome is perfectly (or quasi-
				   perfectly) predicted: some fitted
				   probabilities are numerically 0 or 1 or the
				   estimates diverge along a separating
				   direction. The estimates, SEs and odds ratios
				   are then meaningless (infinite in theory) */
	double *coef;		/* log odds ratios b_j */
	double *se;		/* sqrt(((X'WX)^-1)_jj) at b, W = w mu (1 - mu) */
	double *z;		/* b_j / se_j */
	double *pval;		/* two-sided p from the standard normal */
	double *or;		/* odds ratios exp(b_j) */
	double *or_lo, *or_hi;	/* exp(b_j -+ 1.959964 se_j) */
	double *cov;		/* p x p covariance (X'WX)^-1, column-major;
				   NaN rows/columns for aliased columns */
	double *fitted;		/* n fitted probabilities (NaN for left-out rows) */
	double deviance;	/* residual deviance -2 log L */
	double null_deviance;	/* deviance of the model with only the intercept
				   (probability = events / n); without an
				   intercept, of probability 1/2: 2 n log 2 */
	double df_resid;	/* n - rank */
	double df_null;		/* n - 1 with an intercept, n without */
	double aic;		/* deviance + 2 rank */
	double lr_chi2;		/* null_deviance - deviance */
	double lr_df;		/* rank - 1 with an intercept, rank without */
	double lr_p;		/* upper tail p of lr_chi2 on lr_df */
	double events_per_predictor;	/* min(events, nonevents) / (rank -
				   intercept); NaN with no predictor. Rules of
				   thumb ask for 10 or more */
} lt_logit;

/*
 * Fit a logistic regression of y (n values, each 0 or 1) on X (n x p,
 * column-major) with frequency weights w (NULL for none). intercept as
 * for lt_model_ols. Refuses an outcome that is not 0/1 or that is the
 * same for every row. Separation is reported in out->separation, not as
 * an error. Release *out with lt_model_logit_free.
 */
int lt_model_logit(const double *y, const double *X, const double *w,
    size_t n, size_t p, int intercept, lt_logit *out, lt_error *err);
void lt_model_logit_free(lt_logit *m);

#endif
