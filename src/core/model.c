/*
 * model.c - correlation, linear regression and logistic regression.
 *
 * The least-squares core (used by both regressions) is a Householder QR
 * computed in long double on columns scaled to unit length, one block of
 * rows at a time, so memory stays O(p^2) however long the columns are.
 * GSL supplies the distributions and the singular values used for the
 * condition number.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>

#include "buf.h"
#include "error.h"
#include "model.h"

/* Rows taken into each block of the QR (see lsq_fit). */
#define LSQ_BLOCK 256
/*
 * A column whose norm, after removing what the columns before it explain,
 * is below LSQ_TOL times its own norm counts as an exact combination of
 * them. Rounding leaves about 1e-19 of an exact combination of exactly
 * stored columns (0/1 dummies) and about 1e-16 of one built in double;
 * NIST's Filip (degree 10), the hardest full-rank test, leaves 5.2e-8 of
 * x^10, which R's lm (tolerance 1e-7) therefore drops. Between the two,
 * 1e-12 keeps every column whose coefficient still has some digits.
 */
#define LSQ_TOL 1e-12L

#define IRLS_MAXIT 50
#define IRLS_EPS 1e-10

/* The weight of row i: w[i] when usable (positive and finite), else 0. */
static double
row_weight(const double *w, size_t i)
{
	if (w == NULL)
		return 1;
	if (!(w[i] > 0) || isinf(w[i]))
		return 0;
	return w[i];
}

/* ------------------------------------------------------------------ */
/* correlation */

typedef struct obs {
	double v, w;
	size_t i;
} obs;

static int
cmp_obs(const void *a, const void *b)
{
	const obs *p = a, *q = b;

	return (p->v > q->v) - (p->v < q->v);
}

/*
 * Weighted mid-ranks of v[0..m-1] into rank[]: a run of tied values with
 * total weight W after cumulative weight C gets C + (W + 1) / 2, the mean
 * of the ranks C + 1 .. C + W its copies take in the expanded data.
 * Returns 1 when there were ties (a value with weight above 1 is tied
 * with its own copies).
 */
static int
midranks(const double *v, const double *wt, size_t m, double *rank)
{
	obs *o = lt_malloc(m * sizeof *o);
	double cum = 0;
	int ties = 0;
	size_t i, j;

	for (i = 0; i < m; i++) {
		o[i].v = v[i];
		o[i].w = wt[i];
		o[i].i = i;
	}
	qsort(o, m, sizeof *o, cmp_obs);
	for (i = 0; i < m; i = j) {
		double tw = 0, r;

		for (j = i; j < m && o[j].v == o[i].v; j++)
			tw += o[j].w;
		if (j - i > 1 || tw > 1)
			ties = 1;
		r = cum + (tw + 1) / 2;
		for (size_t k = i; k < j; k++)
			rank[o[k].i] = r;
		cum += tw;
	}
	free(o);
	return ties;
}

/*
 * Weighted Pearson correlation by the two-pass (centred) formula in long
 * double; *sxx and *syy get the centred sums of squares.
 */
static double
pearson(const double *x, const double *y, const double *wt, size_t m,
    long double *sxx, long double *syy)
{
	long double sw = 0, mx = 0, my = 0, xx = 0, yy = 0, xy = 0, r;
	size_t i;

	for (i = 0; i < m; i++) {
		sw += wt[i];
		mx += (long double)wt[i] * x[i];
		my += (long double)wt[i] * y[i];
	}
	mx /= sw;
	my /= sw;
	for (i = 0; i < m; i++) {
		long double dx = x[i] - mx, dy = y[i] - my;

		xx += wt[i] * dx * dx;
		yy += wt[i] * dy * dy;
		xy += wt[i] * dx * dy;
	}
	*sxx = xx;
	*syy = yy;
	r = xy / sqrtl(xx * yy);
	if (r > 1)
		r = 1;
	if (r < -1)
		r = -1;
	return (double)r;
}

/* Student's t for a correlation r on df degrees of freedom, and its p. */
static void
corr_test(double r, double df, double *t, double *p)
{
	if (fabs(r) == 1) {
		*t = r > 0 ? INFINITY : -INFINITY;
		*p = 0;
		return;
	}
	*t = r * sqrt(df / ((1 - r) * (1 + r)));
	*p = 2 * gsl_cdf_tdist_Q(fabs(*t), df);
	if (*p > 1)
		*p = 1;
}

/* A Fisher z interval tanh(atanh(r) -+ q se). */
static void
fisher_ci(double r, double se, double q, double *lo, double *hi)
{
	double z = atanh(r);

	*lo = tanh(z - q * se);
	*hi = tanh(z + q * se);
}

/* Whether v[0..m-1] are all the same value. */
static int
constant(const double *v, size_t m)
{
	for (size_t i = 1; i < m; i++)
		if (v[i] != v[0])
			return 0;
	return 1;
}

/* Pearson's r and Spearman's rho of the complete pairs, with tests. */
int
lt_model_correlate(const double *x, const double *y, const double *w,
    size_t n, double level, lt_corr *out, lt_error *err)
{
	double *xs, *ys, *ws, *rx, *ry, q, sw = 0;
	long double sxx, syy;
	size_t m = 0, i;
	int ties;

	memset(out, 0, sizeof *out);
	out->r = out->r_t = out->r_p = out->r_lo = out->r_hi = NAN;
	out->rho = out->rho_t = out->rho_p = out->rho_lo = out->rho_hi = NAN;
	out->df = NAN;
	out->level = level;
	if (!(level > 0 && level < 1))
		return lt_err(err, LT_EINVAL, "the confidence level must be between 0 and 1, for example 0.95.");
	xs = lt_malloc((n ? n : 1) * sizeof *xs);
	ys = lt_malloc((n ? n : 1) * sizeof *ys);
	ws = lt_malloc((n ? n : 1) * sizeof *ws);
	for (i = 0; i < n; i++) {
		double wi = row_weight(w, i);

		if (wi == 0)
			continue;
		if (isnan(x[i]) || isnan(y[i])) {
			out->missing += wi;
			continue;
		}
		if (isinf(x[i]) || isinf(y[i])) {
			free(xs);
			free(ys);
			free(ws);
			return lt_err(err, LT_EINVAL, "row %zu has an infinite value, so the correlation cannot be worked out; remove it or mark it missing.", i + 1);
		}
		xs[m] = x[i];
		ys[m] = y[i];
		ws[m++] = wi;
		sw += wi;
	}
	out->n = sw;
	if (sw < 3) {
		free(xs);
		free(ys);
		free(ws);
		return lt_err(err, LT_EINVAL, "a correlation needs at least three pairs where both values are present; there are only %g.", sw);
	}
	if (constant(xs, m) || constant(ys, m)) {
		int first = constant(xs, m);

		free(xs);
		free(ys);
		free(ws);
		return lt_err(err, LT_EINVAL, "the %s variable has the same value in every pair, so it cannot be correlated with anything.",
		    first ? "first" : "second");
	}
	/* Pearson (1896); t test and Fisher (1921) z interval. */
	out->r = pearson(xs, ys, ws, m, &sxx, &syy);
	out->df = sw - 2;
	corr_test(out->r, out->df, &out->r_t, &out->r_p);
	q = gsl_cdf_ugaussian_Qinv((1 - level) / 2);
	if (sw > 3)
		fisher_ci(out->r, 1 / sqrt(sw - 3), q, &out->r_lo, &out->r_hi);

	/*
	 * Spearman (1904): Pearson's r of the mid-ranks. p from the t
	 * approximation; interval from Fisher's z with the variance
	 * (1 + rho^2 / 2) / (n - 3) of Bonett & Wright, Psychometrika 65
	 * (2000) 23-28.
	 */
	rx = lt_malloc(m * sizeof *rx);
	ry = lt_malloc(m * sizeof *ry);
	ties = midranks(xs, ws, m, rx);
	ties |= midranks(ys, ws, m, ry);
	out->ties = ties;
	out->rho = pearson(rx, ry, ws, m, &sxx, &syy);
	corr_test(out->rho, out->df, &out->rho_t, &out->rho_p);
	if (sw > 3)
		fisher_ci(out->rho, sqrt((1 + out->rho * out->rho / 2) / (sw - 3)), q,
		    &out->rho_lo, &out->rho_hi);
	free(rx);
	free(ry);
	free(xs);
	free(ys);
	free(ws);
	return 0;
}

/* ------------------------------------------------------------------ */
/* least squares */

/*
 * A weighted least-squares problem min sum rw_i (z_i - x_i'b)^2 and its
 * solution. The columns are scaled, A_j = sqrt(rw) X_j / scale_j, so that
 * each has length 1; r is the triangular factor of A for the kept columns
 * in the order perm[0..rank-1].
 */
typedef struct lsq {
	size_t n, p, rank;
	long double *scale;	/* p column lengths (1 for a zero column) */
	size_t *perm;		/* p: kept columns first, aliased ones after */
	long double *r;		/* p x p upper triangle (column-major) */
	long double *beta;	/* p estimates on the original scale */
	long double *cinv;	/* p x p (X'WX)^-1 on the original scale */
	int *aliased;		/* p flags */
} lsq;

static void
lsq_init(lsq *ls, size_t n, size_t p)
{
	memset(ls, 0, sizeof *ls);
	ls->n = n;
	ls->p = p;
	ls->scale = lt_calloc(p, sizeof *ls->scale);
	ls->perm = lt_calloc(p, sizeof *ls->perm);
	ls->r = lt_calloc(p * p, sizeof *ls->r);
	ls->beta = lt_calloc(p, sizeof *ls->beta);
	ls->cinv = lt_calloc(p * p, sizeof *ls->cinv);
	ls->aliased = lt_calloc(p, sizeof *ls->aliased);
}

static void
lsq_free(lsq *ls)
{
	free(ls->scale);
	free(ls->perm);
	free(ls->r);
	free(ls->beta);
	free(ls->cinv);
	free(ls->aliased);
}

/*
 * Apply a Householder reflection to rows {k} and idx[0..m-1] of the
 * ld-row column-major matrix a, annihilating those rows of column k and
 * updating columns k+1..ncol-1 (Golub & Van Loan, Matrix Computations,
 * 4th ed., algorithms 5.1.1 and 5.2.1). Returns the new a[k,k].
 */
static long double
householder(long double *a, size_t ld, size_t k, const size_t *idx, size_t m,
    size_t ncol)
{
	long double *col = a + k * ld, alpha = col[k], tail = 0, nrm, beta, div, tau;
	size_t i, j;

	for (i = 0; i < m; i++)
		tail += col[idx[i]] * col[idx[i]];
	if (tail == 0)
		return alpha;
	nrm = sqrtl(alpha * alpha + tail);
	beta = alpha > 0 ? -nrm : nrm;
	div = alpha - beta;
	tau = (beta - alpha) / beta;
	for (i = 0; i < m; i++)
		col[idx[i]] /= div;	/* v = (1, col[idx] / div) */
	for (j = k + 1; j < ncol; j++) {
		long double *cj = a + j * ld, s = cj[k];

		for (i = 0; i < m; i++)
			s += col[idx[i]] * cj[idx[i]];
		s *= tau;
		cj[k] -= s;
		for (i = 0; i < m; i++)
			cj[idx[i]] -= s * col[idx[i]];
	}
	for (i = 0; i < m; i++)
		col[idx[i]] = 0;
	col[k] = beta;
	return beta;
}

/*
 * Fit min sum rw_i (z_i - x_i'b)^2 over rows with rw_i > 0. X is n x p
 * column-major. When fixed is 0, columns are aliased as described at
 * LSQ_TOL (ls->aliased is set); when fixed is 1, ls->aliased is taken as
 * given. Returns 0, or -1 when a kept column turned out to be zero.
 */
static int
lsq_fit(lsq *ls, const double *X, const double *rw, const double *z, int fixed)
{
	size_t n = ls->n, p = ls->p, ld = p + LSQ_BLOCK, i, j, k, m;
	long double *a = lt_calloc(ld * (p + 1), sizeof *a), *t, *qty;
	size_t *idx = lt_malloc((LSQ_BLOCK + p) * sizeof *idx);
	size_t last, rank;
	int rc = 0;

	/* Column lengths of sqrt(rw) X. */
	for (j = 0; j < p; j++) {
		long double s = 0;

		for (i = 0; i < n; i++)
			if (rw[i] > 0)
				s += (long double)rw[i] * X[j * n + i] * X[j * n + i];
		ls->scale[j] = s > 0 ? sqrtl(s) : 1;
		if (!fixed)
			ls->aliased[j] = !(s > 0);
	}

	/*
	 * Sequential blocked QR: rows 0..p-1 of a hold R and Q'z so far; each
	 * block of rows is appended below them and reduced to zero. This is
	 * a Householder QR of the whole matrix with the rows taken in blocks.
	 */
	for (k = 0; k < LSQ_BLOCK; k++)
		idx[k] = p + k;
	for (i = 0; i < n; ) {
		for (m = 0; i < n && m < LSQ_BLOCK; i++) {
			long double sw;

			if (!(rw[i] > 0))
				continue;
			sw = sqrtl((long double)rw[i]);
			for (j = 0; j < p; j++)
				a[j * ld + p + m] = sw * X[j * n + i] / ls->scale[j];
			a[p * ld + p + m] = sw * z[i];
			m++;
		}
		if (m == 0)
			break;
		for (k = 0; k < p; k++)
			householder(a, ld, k, idx, m, p + 1);
	}

	/*
	 * Rank: R's "limited pivoting" (LINPACK dqrdc2 as used by lm): take
	 * the columns in order and move one to the end when what is left of
	 * it is below LSQ_TOL of its length; re-triangularise the rest.
	 */
	t = lt_calloc(p * (p + 1), sizeof *t);
	for (j = 0; j <= p; j++)
		for (k = 0; k < p && k <= j; k++)
			t[j * p + k] = a[j * ld + k];
	qty = t + p * p;
	/* Aliased columns (given or zero) go to the end first. */
	for (k = 0, rank = 0; k < p; k++)
		if (!ls->aliased[k])
			ls->perm[rank++] = k;
	for (k = 0, j = rank; k < p; k++)
		if (ls->aliased[k])
			ls->perm[j++] = k;
	last = rank;
	{
		/* Work on a copy whose columns follow perm. */
		long double *b = lt_calloc(p * (p + 1), sizeof *b);
		size_t *rows = lt_malloc((p ? p : 1) * sizeof *rows);

		for (j = 0; j < p; j++)
			memcpy(b + j * p, t + ls->perm[j] * p, p * sizeof *b);
		memcpy(b + p * p, qty, p * sizeof *b);
		k = 0;
		while (k < last) {
			long double rem = 0, tot = 0;

			for (i = 0; i < p; i++)
				tot += b[k * p + i] * b[k * p + i];
			for (i = k; i < p; i++)
				rem += b[k * p + i] * b[k * p + i];
			if (!fixed && !(sqrtl(rem) > LSQ_TOL * sqrtl(tot))) {
				/* Rotate column k (and its perm entry) to the end. */
				long double *save = lt_malloc(p * sizeof *save);
				size_t pk = ls->perm[k];

				memcpy(save, b + k * p, p * sizeof *save);
				memmove(b + k * p, b + (k + 1) * p, (p - k - 1) * p * sizeof *b);
				memcpy(b + (p - 1) * p, save, p * sizeof *save);
				memmove(ls->perm + k, ls->perm + k + 1, (p - k - 1) * sizeof *ls->perm);
				ls->perm[p - 1] = pk;
				ls->aliased[pk] = 1;
				free(save);
				last--;
				continue;
			}
			if (rem == 0) {
				rc = -1;
				break;
			}
			/* Columns past k, aliased ones included, and Q'z. */
			for (i = k + 1; i < p; i++)
				rows[i - k - 1] = i;
			householder(b, p, k, rows, p - k - 1, p + 1);
			k++;
		}
		rank = last;
		ls->rank = rank;
		for (j = 0; j < p; j++)
			for (i = 0; i < p; i++)
				ls->r[j * p + i] = i <= j && j < rank ? b[j * p + i] : 0;
		memcpy(qty, b + p * p, p * sizeof *qty);
		free(b);
		free(rows);
	}

	for (j = 0; j < p; j++)
		ls->beta[j] = NAN;
	for (j = 0; j < p * p; j++)
		ls->cinv[j] = NAN;
	if (rc == 0 && rank > 0) {
		long double *g = lt_calloc(rank, sizeof *g);
		long double *ri = lt_calloc(rank * rank, sizeof *ri);

		/* Back substitution R g = (Q'z)[0..rank-1]. */
		for (k = rank; k-- > 0; ) {
			long double s = qty[k];

			for (j = k + 1; j < rank; j++)
				s -= ls->r[j * p + k] * g[j];
			g[k] = s / ls->r[k * p + k];
		}
		for (k = 0; k < rank; k++)
			ls->beta[ls->perm[k]] = g[k] / ls->scale[ls->perm[k]];
		/* R^-1 column by column, then (A'A)^-1 = R^-1 R^-T, unscaled. */
		for (j = 0; j < rank; j++) {
			ri[j * rank + j] = 1 / ls->r[j * p + j];
			for (k = j; k-- > 0; ) {
				long double s = 0;

				for (i = k + 1; i <= j; i++)
					s += ls->r[i * p + k] * ri[j * rank + i];
				ri[j * rank + k] = -s / ls->r[k * p + k];
			}
		}
		for (j = 0; j < rank; j++)
			for (k = 0; k <= j; k++) {
				long double s = 0;

				for (i = j; i < rank; i++)
					s += ri[i * rank + j] * ri[i * rank + k];
				s /= ls->scale[ls->perm[j]] * ls->scale[ls->perm[k]];
				ls->cinv[ls->perm[j] * p + ls->perm[k]] = s;
				ls->cinv[ls->perm[k] * p + ls->perm[j]] = s;
			}
		free(g);
		free(ri);
	}
	free(t);
	free(a);
	free(idx);
	return rc;
}

/*
 * The condition number of the kept, unit-length columns: the ratio of the
 * extreme singular values of R (those of the scaled X itself, as Q is
 * orthogonal), from GSL's one-sided Jacobi SVD, which keeps the small
 * singular values of a well-scaled matrix to high relative accuracy.
 */
static double
lsq_cond(const lsq *ls)
{
	size_t k = ls->rank, i, j;
	gsl_matrix *a;
	gsl_matrix *v;
	gsl_vector *s;
	double c;

	if (k == 0)
		return NAN;
	a = gsl_matrix_calloc(k, k);
	v = gsl_matrix_alloc(k, k);
	s = gsl_vector_alloc(k);
	for (j = 0; j < k; j++)
		for (i = 0; i <= j; i++)
			gsl_matrix_set(a, i, j, (double)ls->r[j * ls->p + i]);
	if (gsl_linalg_SV_decomp_jacobi(a, v, s) != 0)
		c = NAN;
	else if (gsl_vector_min(s) > 0)
		c = gsl_vector_max(s) / gsl_vector_min(s);
	else
		c = INFINITY;
	gsl_matrix_free(a);
	gsl_matrix_free(v);
	gsl_vector_free(s);
	return c;
}

/*
 * Check y, X and w for a regression: every used value finite, at least
 * one usable row, an intercept column when one is claimed. Fills rw (the
 * row weights), *rows, *sumw and *icol.
 */
static int
check_design(const double *y, const double *X, const double *w, size_t n,
    size_t p, int intercept, const char *what, double *rw, size_t *rows,
    double *sumw, size_t *icol, lt_error *err)
{
	size_t i, j;

	*rows = 0;
	*sumw = 0;
	*icol = p;
	if (p == 0)
		return lt_err(err, LT_EINVAL, "the %s has no columns to fit; add at least one predictor or an intercept.", what);
	for (i = 0; i < n; i++) {
		rw[i] = row_weight(w, i);
		if (rw[i] == 0)
			continue;
		if (!isfinite(y[i]))
			return lt_err(err, LT_EINVAL, "row %zu has %s outcome, so the %s cannot use it; leave out rows with missing values first.",
			    i + 1, isnan(y[i]) ? "a missing" : "an infinite", what);
		for (j = 0; j < p; j++)
			if (!isfinite(X[j * n + i]))
				return lt_err(err, LT_EINVAL, "row %zu has %s value in predictor column %zu, so the %s cannot use it; leave out rows with missing values first.",
				    i + 1, isnan(X[j * n + i]) ? "a missing" : "an infinite", j + 1, what);
		(*rows)++;
		*sumw += rw[i];
	}
	if (*rows == 0)
		return lt_err(err, LT_EINVAL, "there are no rows to fit the %s to; check the data and any weights.", what);
	if (intercept) {
		for (j = 0; j < p && *icol == p; j++) {
			for (i = 0; i < n; i++)
				if (rw[i] > 0 && X[j * n + i] != 1)
					break;
			if (i == n)
				*icol = j;
		}
		if (*icol == p)
			return lt_err(err, LT_EINVAL, "the %s was told to include an intercept but no column is all ones; add a column of ones.", what);
	}
	return 0;
}

/* x_i'b over the non-aliased columns, in long double. */
static long double
linear_predictor(const double *X, size_t n, size_t p, const lsq *ls,
    const long double *b, size_t i)
{
	long double s = 0;

	for (size_t j = 0; j < p; j++)
		if (!ls->aliased[j])
			s += X[j * n + i] * b[j];
	return s;
}

static double *
nan_array(size_t k)
{
	double *v = lt_malloc((k ? k : 1) * sizeof *v);

	for (size_t i = 0; i < k; i++)
		v[i] = NAN;
	return v;
}

/* Release what lt_model_ols allocated; *m is zeroed. */
void
lt_model_ols_free(lt_ols *m)
{
	if (m == NULL)
		return;
	free(m->aliased);
	free(m->coef);
	free(m->se);
	free(m->t);
	free(m->pval);
	free(m->lo);
	free(m->hi);
	free(m->vif);
	free(m->cov);
	free(m->fitted);
	free(m->resid);
	memset(m, 0, sizeof *m);
}

/* Least squares with coefficients, tests, fit statistics and diagnostics. */
int
lt_model_ols(const double *y, const double *X, const double *w,
    size_t n, size_t p, int intercept, lt_ols *out, lt_error *err)
{
	double *rw = lt_malloc((n ? n : 1) * sizeof *rw), q;
	long double ybar = 0, rss = 0, ess = 0, tss = 0;
	size_t i, j;
	lsq ls;
	int rc;

	memset(out, 0, sizeof *out);
	out->p = p;
	out->intercept = intercept != 0;
	rc = check_design(y, X, w, n, p, intercept, "regression", rw, &out->rows,
	    &out->n, &out->icol, err);
	if (rc != 0) {
		free(rw);
		memset(out, 0, sizeof *out);
		return rc;
	}
	lsq_init(&ls, n, p);
	lsq_fit(&ls, X, rw, y, 0);
	if (ls.rank == 0) {
		lsq_free(&ls);
		free(rw);
		memset(out, 0, sizeof *out);
		return lt_err(err, LT_EINVAL, "every predictor column is zero in the rows used, so there is nothing to fit.");
	}
	if (!(out->n > (double)ls.rank)) {
		lt_err(err, LT_EINVAL, "a regression with %zu coefficients needs more than %zu observations, but there are only %g; use fewer predictors or more data.",
		    ls.rank, ls.rank, out->n);
		lsq_free(&ls);
		free(rw);
		memset(out, 0, sizeof *out);
		return LT_EINVAL;
	}
	out->rank = ls.rank;
	out->rank_deficient = ls.rank < p;
	out->aliased = lt_calloc(p, sizeof *out->aliased);
	memcpy(out->aliased, ls.aliased, p * sizeof *out->aliased);
	out->df_resid = out->n - (double)ls.rank;
	out->df_model = (double)ls.rank - (out->intercept ? 1 : 0);

	/* Residuals and sums of squares, in long double. */
	out->fitted = nan_array(n);
	out->resid = nan_array(n);
	if (out->intercept) {
		for (i = 0; i < n; i++)
			if (rw[i] > 0)
				ybar += rw[i] * (long double)y[i];
		ybar /= out->n;
	}
	for (i = 0; i < n; i++) {
		long double f, r;

		if (rw[i] == 0)
			continue;
		f = linear_predictor(X, n, p, &ls, ls.beta, i);
		r = y[i] - f;
		out->fitted[i] = (double)f;
		out->resid[i] = (double)r;
		rss += rw[i] * r * r;
		ess += rw[i] * (f - ybar) * (f - ybar);
		tss += rw[i] * (y[i] - ybar) * (y[i] - ybar);
	}
	out->rss = (double)rss;
	out->ess = (double)ess;
	out->tss = (double)tss;
	out->sigma = (double)sqrtl(rss / out->df_resid);
	/* R^2 = regression SS / total SS (Draper & Smith, Applied Regression
	   Analysis, 3rd ed., section 1.3 and, uncentred, section 2.2). */
	out->r2 = tss > 0 ? (double)(ess / tss) : NAN;
	out->adj_r2 = 1 - (1 - out->r2) * (out->n - (out->intercept ? 1 : 0)) / out->df_resid;
	if (out->df_model > 0) {
		if (rss == 0)
			out->f = ess > 0 ? INFINITY : NAN;
		else
			out->f = (double)((ess / out->df_model) / (rss / out->df_resid));
		out->f_p = isinf(out->f) ? 0 : isnan(out->f) ? NAN :
		    gsl_cdf_fdist_Q(out->f, out->df_model, out->df_resid);
	} else
		out->f = out->f_p = NAN;

	/* Coefficients, standard errors, t tests and intervals. */
	out->coef = nan_array(p);
	out->se = nan_array(p);
	out->t = nan_array(p);
	out->pval = nan_array(p);
	out->lo = nan_array(p);
	out->hi = nan_array(p);
	out->vif = nan_array(p);
	out->cov = nan_array(p * p);
	q = gsl_cdf_tdist_Qinv(0.025, out->df_resid);
	for (j = 0; j < p; j++) {
		if (ls.aliased[j]) {
			if (out->intercept && j != out->icol)
				out->vif[j] = INFINITY;
			continue;
		}
		for (size_t k = 0; k < p; k++)
			if (!ls.aliased[k])
				out->cov[k * p + j] = (double)(rss / out->df_resid * ls.cinv[k * p + j]);
		out->coef[j] = (double)ls.beta[j];
		out->se[j] = (double)sqrtl(rss / out->df_resid * ls.cinv[j * p + j]);
		out->t[j] = out->coef[j] / out->se[j];
		out->pval[j] = out->se[j] > 0 ? 2 * gsl_cdf_tdist_Q(fabs(out->t[j]), out->df_resid) :
		    (out->coef[j] != 0 ? 0 : NAN);
		out->lo[j] = out->coef[j] - q * out->se[j];
		out->hi[j] = out->coef[j] + q * out->se[j];
		/* VIF_j = ((X'WX)^-1)_jj * centred SS of column j (Belsley,
		   Kuh & Welsch, Regression Diagnostics, 1980, section 3.2). */
		if (out->intercept && j != out->icol) {
			long double mj = 0, ss = 0;

			for (i = 0; i < n; i++)
				if (rw[i] > 0)
					mj += rw[i] * (long double)X[j * n + i];
			mj /= out->n;
			for (i = 0; i < n; i++)
				if (rw[i] > 0)
					ss += rw[i] * (X[j * n + i] - mj) * (X[j * n + i] - mj);
			out->vif[j] = (double)(ls.cinv[j * p + j] * ss);
		}
	}
	out->cond = lsq_cond(&ls);
	out->cases_per_predictor = out->df_model > 0 ? out->n / out->df_model : NAN;
	lsq_free(&ls);
	free(rw);
	return 0;
}

/* ------------------------------------------------------------------ */
/* logistic regression */

/* log(1 + exp(t)) without overflow or loss for large |t|. */
static long double
softplus(long double t)
{
	return t > 0 ? t + log1pl(expl(-t)) : log1pl(expl(t));
}

/*
 * Deviance -2 log L = 2 sum rw_i log(1 + exp(-s_i eta_i)), s_i = 2 y_i - 1
 * (McCullagh & Nelder, Generalized Linear Models, 2nd ed., section 4.4.3).
 */
static long double
logit_deviance(const double *y, const double *rw, const long double *eta, size_t n)
{
	long double d = 0;

	for (size_t i = 0; i < n; i++)
		if (rw[i] > 0)
			d += rw[i] * softplus(y[i] > 0 ? -eta[i] : eta[i]);
	return 2 * d;
}

/* eta_i = x_i'b for every used row. */
static void
logit_eta(const double *X, size_t n, size_t p, const lsq *ls,
    const long double *b, const double *rw, long double *eta)
{
	for (size_t i = 0; i < n; i++)
		eta[i] = rw[i] > 0 ? linear_predictor(X, n, p, ls, b, i) : 0;
}

/*
 * The IRLS weights rw mu (1 - mu) and working response eta + (y - mu) /
 * (mu (1 - mu)) at eta (McCullagh & Nelder, section 2.5). eta is clamped
 * to +-36 here only, so the weights stay above about 2e-16.
 */
static void
logit_working(const double *y, const double *rw, const long double *eta,
    size_t n, double *ww, double *z)
{
	for (size_t i = 0; i < n; i++) {
		long double e, mu, v;

		ww[i] = 0;
		z[i] = 0;
		if (!(rw[i] > 0))
			continue;
		e = eta[i] > 36 ? 36 : eta[i] < -36 ? -36 : eta[i];
		mu = 1 / (1 + expl(-e));
		v = expl(-fabsl(e)) / ((1 + expl(-fabsl(e))) * (1 + expl(-fabsl(e))));
		ww[i] = (double)(rw[i] * v);
		z[i] = (double)(e + (y[i] - mu) / v);
	}
}

/*
 * Whether the direction d separates the outcomes: s_i x_i'd >= 0 for
 * every row and > 0 for some, s_i = 2 y_i - 1, where "0" means within
 * 1e-8 of the largest |x_i'd| terms. Moving the estimates along such a d
 * never lowers the likelihood and raises it for the strict rows, so no
 * finite maximum exists (Albert & Anderson, Biometrika 71 (1984) 1-10).
 */
static int
separating(const double *X, const double *y, const double *rw, size_t n,
    size_t p, const lsq *ls, const long double *d)
{
	long double big = 0, tol;
	int strict = 0;
	size_t i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < p; j++)
			if (rw[i] > 0 && !ls->aliased[j] && fabsl(X[j * n + i] * d[j]) > big)
				big = fabsl(X[j * n + i] * d[j]);
	if (!(big > 0) || !isfinite(big))
		return 0;
	tol = 1e-8L * big;
	for (i = 0; i < n; i++) {
		long double s;

		if (!(rw[i] > 0))
			continue;
		s = linear_predictor(X, n, p, ls, d, i);
		if (y[i] == 0)
			s = -s;
		if (s < -tol)
			return 0;
		if (s > tol)
			strict = 1;
	}
	return strict;
}

/* Release what lt_model_logit allocated; *m is zeroed. */
void
lt_model_logit_free(lt_logit *m)
{
	if (m == NULL)
		return;
	free(m->aliased);
	free(m->coef);
	free(m->se);
	free(m->z);
	free(m->pval);
	free(m->or);
	free(m->or_lo);
	free(m->or_hi);
	free(m->cov);
	free(m->fitted);
	memset(m, 0, sizeof *m);
}

/* Logistic regression by IRLS, with Wald tests, odds ratios and deviances. */
int
lt_model_logit(const double *y, const double *X, const double *w,
    size_t n, size_t p, int intercept, lt_logit *out, lt_error *err)
{
	double *rw, *ww, *z, q;
	long double *eta, *beta, *step, dev, devold;
	size_t i, j;
	lsq ls;
	int rc, it;

	memset(out, 0, sizeof *out);
	out->p = p;
	out->intercept = intercept != 0;
	rw = lt_malloc((n ? n : 1) * sizeof *rw);
	rc = check_design(y, X, w, n, p, intercept, "logistic regression", rw,
	    &out->rows, &out->n, &out->icol, err);
	if (rc != 0) {
		free(rw);
		memset(out, 0, sizeof *out);
		return rc;
	}
	for (i = 0; i < n; i++) {
		if (rw[i] == 0)
			continue;
		if (y[i] != 0 && y[i] != 1) {
			free(rw);
			memset(out, 0, sizeof *out);
			return lt_err(err, LT_EINVAL, "row %zu has the outcome %g, but logistic regression needs an outcome coded 0 (no) or 1 (yes).",
			    i + 1, y[i]);
		}
		if (y[i] == 1)
			out->events += rw[i];
	}
	out->nonevents = out->n - out->events;
	if (out->events == 0 || out->nonevents == 0) {
		double v = out->events == 0 ? 0 : 1;

		free(rw);
		memset(out, 0, sizeof *out);
		return lt_err(err, LT_EINVAL, "the outcome is %g in every row, so there is nothing to compare; logistic regression needs both 0s and 1s.", v);
	}

	ww = lt_malloc((n ? n : 1) * sizeof *ww);
	z = lt_malloc((n ? n : 1) * sizeof *z);
	eta = lt_calloc(n ? n : 1, sizeof *eta);
	beta = lt_calloc(p, sizeof *beta);
	step = lt_calloc(p, sizeof *step);
	lsq_init(&ls, n, p);

	/* Start from mu = (y + 1/2) / 2, as R's binomial family does. */
	for (i = 0; i < n; i++)
		eta[i] = y[i] > 0 ? logl(3) : -logl(3);
	devold = logit_deviance(y, rw, eta, n);
	out->converged = 0;
	for (it = 1; it <= IRLS_MAXIT; it++) {
		logit_working(y, rw, eta, n, ww, z);
		if (lsq_fit(&ls, X, ww, z, it > 1) != 0)
			break;
		if (it == 1 && ls.rank == 0) {
			lt_err(err, LT_EINVAL, "every predictor column is zero in the rows used, so there is nothing to fit.");
			rc = LT_EINVAL;
			goto done;
		}
		for (j = 0; j < p; j++)
			step[j] = ls.aliased[j] ? 0 : ls.beta[j] - beta[j];
		logit_eta(X, n, p, &ls, ls.beta, rw, eta);
		dev = logit_deviance(y, rw, eta, n);
		/* Step halving while the deviance goes up (never on step 1). */
		for (int h = 0; it > 1 && h < 30 && !(dev <= devold * (1 + 1e-12L)); h++) {
			for (j = 0; j < p; j++)
				step[j] /= 2;
			for (j = 0; j < p; j++)
				ls.beta[j] = beta[j] + step[j];
			logit_eta(X, n, p, &ls, ls.beta, rw, eta);
			dev = logit_deviance(y, rw, eta, n);
		}
		for (j = 0; j < p; j++)
			beta[j] = ls.aliased[j] ? 0 : ls.beta[j];
		out->iterations = it;
		if (fabsl(dev - devold) / (fabsl(dev) + 0.1L) < IRLS_EPS) {
			out->converged = 1;
			devold = dev;
			break;
		}
		devold = dev;
	}
	dev = devold;

	/*
	 * Information at the estimates: one more weighted QR at the final
	 * eta gives (X'WX)^-1 and, as a by-product, the next Newton step,
	 * whose direction certifies separation when it separates the data.
	 */
	logit_eta(X, n, p, &ls, beta, rw, eta);
	logit_working(y, rw, eta, n, ww, z);
	if (lsq_fit(&ls, X, ww, z, 1) == 0)
		for (j = 0; j < p; j++)
			step[j] = ls.aliased[j] ? 0 : ls.beta[j] - beta[j];
	out->separation = separating(X, y, rw, n, p, &ls, step) ||
	    separating(X, y, rw, n, p, &ls, beta);
	out->fitted = nan_array(n);
	for (i = 0; i < n; i++) {
		if (rw[i] == 0)
			continue;
		out->fitted[i] = (double)(1 / (1 + expl(-eta[i])));
		/* R's test for "fitted probabilities numerically 0 or 1". */
		if (out->fitted[i] < 10 * DBL_EPSILON || out->fitted[i] > 1 - 10 * DBL_EPSILON)
			out->separation = 1;
	}

	out->rank = ls.rank;
	out->rank_deficient = ls.rank < p;
	out->aliased = lt_calloc(p, sizeof *out->aliased);
	memcpy(out->aliased, ls.aliased, p * sizeof *out->aliased);
	out->deviance = (double)dev;
	if (out->intercept) {
		long double pi = (long double)out->events / out->n;

		out->null_deviance = (double)(-2 * (out->events * logl(pi) +
		    out->nonevents * log1pl(-pi)));
		out->df_null = out->n - 1;
	} else {
		out->null_deviance = (double)(2 * out->n * logl(2));
		out->df_null = out->n;
	}
	out->df_resid = out->n - (double)ls.rank;
	out->aic = out->deviance + 2 * (double)ls.rank;
	out->lr_chi2 = out->null_deviance - out->deviance;
	out->lr_df = (double)ls.rank - (out->intercept ? 1 : 0);
	out->lr_p = out->lr_df > 0 ? gsl_cdf_chisq_Q(out->lr_chi2 > 0 ? out->lr_chi2 : 0, out->lr_df) : NAN;
	out->events_per_predictor = out->lr_df > 0 ?
	    fmin(out->events, out->nonevents) / out->lr_df : NAN;

	out->coef = nan_array(p);
	out->se = nan_array(p);
	out->z = nan_array(p);
	out->pval = nan_array(p);
	out->or = nan_array(p);
	out->or_lo = nan_array(p);
	out->or_hi = nan_array(p);
	out->cov = nan_array(p * p);
	q = gsl_cdf_ugaussian_Qinv(0.025);
	for (j = 0; j < p; j++) {
		if (ls.aliased[j])
			continue;
		for (size_t k = 0; k < p; k++)
			if (!ls.aliased[k])
				out->cov[k * p + j] = (double)ls.cinv[k * p + j];
		out->coef[j] = (double)beta[j];
		out->se[j] = (double)sqrtl(ls.cinv[j * p + j]);
		out->z[j] = out->coef[j] / out->se[j];
		/* Wald test and interval (Hosmer & Lemeshow, Applied Logistic
		   Regression, 2nd ed., sections 1.3 and 1.4). */
		out->pval[j] = 2 * gsl_cdf_ugaussian_Q(fabs(out->z[j]));
		out->or[j] = exp(out->coef[j]);
		out->or_lo[j] = exp(out->coef[j] - q * out->se[j]);
		out->or_hi[j] = exp(out->coef[j] + q * out->se[j]);
	}
	rc = 0;
done:
	lsq_free(&ls);
	free(rw);
	free(ww);
	free(z);
	free(eta);
	free(beta);
	free(step);
	if (rc != 0) {
		lt_model_logit_free(out);
		memset(out, 0, sizeof *out);
	}
	return rc;
}
