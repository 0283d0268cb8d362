/*
 * ctab.c - counting statistics: intervals for proportions and rates,
 * chi-square and Fisher's exact test on r x c tables, 2 x 2 effect sizes.
 * See ctab.h for the contract; every method names its source.
 */
#include "config.h"

#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_sf_gamma.h>

#include "buf.h"
#include "ctab.h"

/* R's relative tolerance for "no more likely than the observed table". */
#define REL_ERR		1e-7
/* Largest count the exact methods accept (they index by unsigned int). */
#define EXACT_MAX	2e9
/*
 * Most ways to fill one column, and most partial tables kept in one stage
 * of the network (about 140 MB), for Fisher's r x c test.
 */
#define FISHER_COMP_MAX	2000000
#define FISHER_ENT_MAX	2000000
/* Largest total for Fisher's r x c test (its log-factorial table). */
#define FISHER_RXC_TOTAL	100000

/* ------------------------------------------------------------ helpers */

/*
 * Quantiles by inverting a CDF. GSL's own inverses (gsl_cdf_beta_Pinv,
 * gsl_cdf_chisq_Pinv) return NaN, wrong values or never finish for large
 * parameters (beta(5000, 5001), chi-square with 2e6 df), while its CDFs
 * are accurate there. So: bisection on the CDF, halving the bracket
 * geometrically while it spans more than a factor of 4 (small limits keep
 * their relative precision) and arithmetically after, until no double
 * lies between its ends (about 100 steps; at most 4000).
 * The GSL error handler, which aborts by default, is off meanwhile; a
 * failing CDF gives NaN.
 */
typedef double (*cdf_fn)(double x, double a, double b);

static double
invert(cdf_fn cdf, double a, double b, double target, double lo, double hi,
    int decreasing)
{
	gsl_error_handler_t *old = gsl_set_error_handler_off();
	double mid = NAN;

	for (int i = 0; i < 4000; i++) {
		double v;

		mid = lo > 0 && hi > 4 * lo ? sqrt(lo) * sqrt(hi) :
		    lo + (hi - lo) / 2;
		if (!(mid > lo && mid < hi))
			break;
		v = cdf(mid, a, b);
		if (isnan(v)) {
			mid = NAN;
			break;
		}
		if ((v < target) != (decreasing != 0))
			lo = mid;
		else
			hi = mid;
	}
	gsl_set_error_handler(old);
	return mid;
}

/* The p-quantile of beta(a, b), p a lower-tail probability. */
static double
beta_pinv(double p, double a, double b)
{
	return invert(gsl_cdf_beta_P, a, b, p, 0, 1, 0);
}

/* The x with upper-tail probability q under beta(a, b). */
static double
beta_qinv(double q, double a, double b)
{
	return invert(gsl_cdf_beta_Q, a, b, q, 0, 1, 1);
}

/* The x with upper-tail probability q under gamma(shape a, scale 1). */
static double
gamma_qinv(double q, double a)
{
	gsl_error_handler_t *old = gsl_set_error_handler_off();
	double hi = a + 1;

	/* Widen the bracket until the tail beyond it is below q. */
	while (gsl_cdf_gamma_Q(hi, a, 1) > q && hi < 1e300)
		hi = 2 * hi;
	gsl_set_error_handler(old);
	return invert(gsl_cdf_gamma_Q, a, 1, q, 0, hi, 1);
}

/*
 * The p-quantile of gamma(shape a >= 1, scale 1), p < 1/2: it is below
 * the median, which is below a.
 */
static double
gamma_pinv(double p, double a)
{
	return invert(gsl_cdf_gamma_P, a, 1, p, 0, a, 0);
}

/* The two-sided normal quantile z with P(|Z| > z) = 1 - level. */
static double
z_of(double level)
{
	return gsl_cdf_ugaussian_Qinv((1 - level) / 2);
}

/* Check a confidence level: strictly between 0 and 1. */
static int
check_level(double level, lt_error *err)
{
	if (!(level > 0 && level < 1))
		return lt_err(err, LT_EINVAL, "The confidence level must be "
		    "between 0 and 1, for example 0.95 for 95%%.");
	return 0;
}

/* Check a table of counts: finite and not negative. */
static int
check_counts(const double *counts, size_t n, lt_error *err)
{
	for (size_t i = 0; i < n; i++)
		if (!isfinite(counts[i]) || counts[i] < 0)
			return lt_err(err, LT_EINVAL, "Every count in the "
			    "table must be a number of 0 or more, but one "
			    "is %g.", counts[i]);
	return 0;
}

/* x rounded to the nearest whole number; *rounded = 1 if that changed it. */
static double
whole(double x, int *rounded)
{
	double r = floor(x + 0.5);

	if (r != x)
		*rounded = 1;
	return r;
}

/* log(n!) for a whole number n >= 0. */
static double
lnfact(double n)
{
	return gsl_sf_lnfact((unsigned int)n);
}

/* ------------------------------------------------------------ proportions */

/* Check k out of n for a proportion. */
static int
check_prop(double k, double n, double level, lt_error *err)
{
	if (check_level(level, err) != 0)
		return LT_EINVAL;
	if (!isfinite(n) || !(n > 0))
		return lt_err(err, LT_EINVAL, "A proportion needs a group of "
		    "at least one, but the group size is %g.", n);
	if (!isfinite(k) || k < 0 || k > n)
		return lt_err(err, LT_EINVAL, "A proportion needs a count "
		    "between 0 and the group size (%g), but the count is %g.",
		    n, k);
	return 0;
}

/* Check k of n and fill what every interval for a proportion reports. */
static int
prop_start(double k, double n, double level, lt_ctab_prop *out, lt_error *err)
{
	memset(out, 0, sizeof *out);
	out->lo = out->hi = out->p = NAN;
	if (check_prop(k, n, level, err) != 0)
		return LT_EINVAL;
	out->k = k;
	out->n = n;
	out->level = level;
	out->p = k / n;
	return 0;
}

/*
 * Wilson (1927) score interval, in Newcombe's (1998, method 3) form:
 * (2np + z^2 +- z sqrt(z^2 + 4npq)) / (2 (n + z^2)).
 */
int
lt_ctab_wilson(double k, double n, double level, lt_ctab_prop *out,
    lt_error *err)
{
	double z, z2, centre, half;

	if (prop_start(k, n, level, out, err) != 0)
		return LT_EINVAL;
	z = z_of(level);
	z2 = z * z;
	centre = (2 * k + z2) / (2 * (n + z2));
	half = z * sqrt(z2 + 4 * k * (1 - k / n)) / (2 * (n + z2));
	out->lo = k == 0 ? 0 : fmax(0, centre - half);
	out->hi = k == n ? 1 : fmin(1, centre + half);
	return 0;
}

/*
 * Paulson's (1942) approximation to the quantile of F(n1, n2) with upper
 * tail Q(z) (Johnson, Kotz and Balakrishnan, Continuous Univariate
 * Distributions vol. 2, 2nd ed., eq. 27.71): Wilson-Hilferty cube roots
 * for both chi-squares, solved as a quadratic in F^(1/3).
 */
static double
paulson_f(double z, double n1, double n2)
{
	double a = 2 / (9 * n1), b = 2 / (9 * n2), u;

	u = ((1 - a) * (1 - b) + z * sqrt((1 - a) * (1 - a) * b +
	    (1 - b) * (1 - b) * a - z * z * a * b)) /
	    ((1 - b) * (1 - b) - z * z * b);
	return u * u * u;
}

/* Past this many successes and failures Clopper-Pearson uses Paulson. */
#define CP_LARGE	1e6

/*
 * Clopper-Pearson (1934) exact limits for x out of m (whole numbers):
 * lower = B^-1(alpha/2; x, m - x + 1), upper = B^-1(1 - alpha/2; x + 1,
 * m - x), the upper one from the upper tail to keep its digits. GSL's
 * beta CDF fails (NaN) when both parameters pass a few million; there,
 * and whenever the inversion fails, the limits come from the F quantiles
 * they equal (lower = x / (x + (m - x + 1) F(2(m - x + 1), 2x)), upper =
 * (x + 1) F' / (m - x + (x + 1) F'), F' = F(2(x + 1), 2(m - x))) with
 * Paulson's approximation, within 4e-9 of the interval's width at 1e6.
 */
static void
clopper_pearson(double x, double m, double level, double *lo, double *hi)
{
	double a = (1 - level) / 2, z = z_of(level), f;

	if (x == 0)
		*lo = 0;
	else if (fmin(x, m - x + 1) >= CP_LARGE ||
	    isnan(*lo = beta_pinv(a, x, m - x + 1))) {
		f = paulson_f(z, 2 * (m - x + 1), 2 * x);
		*lo = x / (x + (m - x + 1) * f);
	}
	if (x == m)
		*hi = 1;
	else if (fmin(x + 1, m - x) >= CP_LARGE ||
	    isnan(*hi = beta_qinv(a, x + 1, m - x))) {
		f = paulson_f(z, 2 * (x + 1), 2 * (m - x));
		*hi = (x + 1) * f / (m - x + (x + 1) * f);
	}
}

int
lt_ctab_clopper_pearson(double k, double n, double level, lt_ctab_prop *out,
    lt_error *err)
{
	double x, m;

	if (prop_start(k, n, level, out, err) != 0)
		return LT_EINVAL;
	x = whole(k, &out->rounded);
	m = whole(n, &out->rounded);
	if (m < 1)
		return lt_err(err, LT_EINVAL, "An exact interval needs a group "
		    "of at least one whole person, but the group size is %g.", n);
	if (x > m)
		x = m;
	clopper_pearson(x, m, level, &out->lo, &out->hi);
	return 0;
}

/* ------------------------------------------------------------ r x c */

void
lt_ctab_chisq_free(lt_ctab_chisq *c)
{
	if (c == NULL)
		return;
	free(c->row_total);
	free(c->col_total);
	free(c->expected);
	c->row_total = c->col_total = c->expected = NULL;
}

/* Check the dimensions and counts of a table. */
static int
check_table(const double *counts, size_t rows, size_t cols, lt_error *err)
{
	if (rows == 0 || cols == 0)
		return lt_err(err, LT_EINVAL, "The table is empty: it needs "
		    "at least one row and one column.");
	if (rows > SIZE_MAX / cols / sizeof(double))
		return lt_err(err, LT_EINVAL, "The table is too big: use "
		    "fewer categories.");
	return check_counts(counts, rows * cols, err);
}

/*
 * Pearson's (1900) chi-square test of independence with expected counts
 * E = row total * column total / total and df = (r - 1)(c - 1) (Agresti
 * 2007, section 2.4); Yates's (1934) correction for 2 x 2 as R applies it;
 * Cramer's (1946) V; phi (Agresti 2007, section 2.4.5 ff.).
 */
int
lt_ctab_chisq_test(const double *counts, size_t rows, size_t cols,
    lt_ctab_chisq *out, lt_error *err)
{
	size_t i, j, ncell;
	size_t ur[2], uc[2];	/* the used rows and columns of a 2 x 2 */
	double x2 = 0, minexp = INFINITY, k;

	memset(out, 0, sizeof *out);
	out->chisq = out->df = out->p = out->min_expected = NAN;
	out->share_small = out->yates_chisq = out->yates_p = NAN;
	out->cramer_v = out->phi = NAN;
	if (check_table(counts, rows, cols, err) != 0)
		return LT_EINVAL;
	out->rows = rows;
	out->cols = cols;
	out->row_total = lt_calloc(rows, sizeof *out->row_total);
	out->col_total = lt_calloc(cols, sizeof *out->col_total);
	out->expected = lt_malloc(rows * cols * sizeof *out->expected);
	for (i = 0; i < rows; i++)
		for (j = 0; j < cols; j++) {
			out->row_total[i] += counts[i * cols + j];
			out->col_total[j] += counts[i * cols + j];
		}
	for (i = 0; i < rows; i++)
		out->total += out->row_total[i];
	if (!(out->total > 0)) {
		lt_ctab_chisq_free(out);
		return lt_err(err, LT_EINVAL, "The table has no counts in it, "
		    "so there is nothing to test.");
	}
	for (i = 0; i < rows; i++)
		if (out->row_total[i] > 0) {
			if (out->rows_used < 2)
				ur[out->rows_used] = i;
			out->rows_used++;
		}
	for (j = 0; j < cols; j++)
		if (out->col_total[j] > 0) {
			if (out->cols_used < 2)
				uc[out->cols_used] = j;
			out->cols_used++;
		}
	for (i = 0; i < rows; i++)
		for (j = 0; j < cols; j++) {
			double e, o = counts[i * cols + j];

			if (!(out->row_total[i] > 0 && out->col_total[j] > 0)) {
				out->expected[i * cols + j] = NAN;
				continue;
			}
			e = out->row_total[i] * out->col_total[j] / out->total;
			out->expected[i * cols + j] = e;
			x2 += (o - e) * (o - e) / e;
			if (e < minexp)
				minexp = e;
			if (e < LT_CTAB_SMALL_EXPECTED)
				out->cells_small++;
		}
	ncell = out->rows_used * out->cols_used;
	out->min_expected = minexp;
	out->share_small = (double)out->cells_small / (double)ncell;
	if (out->rows_used < 2 || out->cols_used < 2)
		return 0;	/* one row or column: nothing to test */
	out->small = minexp < 1 || out->share_small > LT_CTAB_SMALL_SHARE;
	out->chisq = x2;
	out->df = (double)(out->rows_used - 1) * (double)(out->cols_used - 1);
	out->p = gsl_cdf_chisq_Q(x2, out->df);
	k = (double)(out->rows_used < out->cols_used ? out->rows_used :
	    out->cols_used);
	out->cramer_v = sqrt(x2 / (out->total * (k - 1)));
	if (out->rows_used == 2 && out->cols_used == 2) {
		double a = counts[ur[0] * cols + uc[0]];
		double b = counts[ur[0] * cols + uc[1]];
		double c = counts[ur[1] * cols + uc[0]];
		double d = counts[ur[1] * cols + uc[1]];
		double yates = INFINITY, y2 = 0;

		out->phi = (a * d - b * c) / sqrt(out->row_total[ur[0]] *
		    out->row_total[ur[1]] * out->col_total[uc[0]] *
		    out->col_total[uc[1]]);
		/* R: YATES <- min(0.5, abs(x - E)) over all cells. */
		for (i = 0; i < 2; i++)
			for (j = 0; j < 2; j++) {
				size_t at = ur[i] * cols + uc[j];

				yates = fmin(yates, fabs(counts[at] -
				    out->expected[at]));
			}
		yates = fmin(0.5, yates);
		for (i = 0; i < 2; i++)
			for (j = 0; j < 2; j++) {
				size_t at = ur[i] * cols + uc[j];
				double dev = fabs(counts[at] - out->expected[at]) -
				    yates;

				y2 += dev * dev / out->expected[at];
			}
		out->yates_chisq = y2;
		out->yates_p = gsl_cdf_chisq_Q(y2, 1);
	}
	return 0;
}

int
lt_ctab_percent(const double *counts, size_t rows, size_t cols,
    enum lt_ctab_margin margin, double *out, lt_error *err)
{
	double *rt, *ct, all = 0;
	size_t i, j;

	if (check_table(counts, rows, cols, err) != 0)
		return LT_EINVAL;
	if (margin != LT_CTAB_ROW && margin != LT_CTAB_COL &&
	    margin != LT_CTAB_ALL)
		return lt_err(err, LT_EINVAL, "Percentages can be of the row, "
		    "the column or the whole table; pick one of those.");
	rt = lt_calloc(rows, sizeof *rt);
	ct = lt_calloc(cols, sizeof *ct);
	for (i = 0; i < rows; i++)
		for (j = 0; j < cols; j++) {
			rt[i] += counts[i * cols + j];
			ct[j] += counts[i * cols + j];
			all += counts[i * cols + j];
		}
	for (i = 0; i < rows; i++)
		for (j = 0; j < cols; j++) {
			double t = margin == LT_CTAB_ROW ? rt[i] :
			    margin == LT_CTAB_COL ? ct[j] : all;

			out[i * cols + j] = t > 0 ? 100 * counts[i * cols + j] /
			    t : NAN;
		}
	free(rt);
	free(ct);
	return 0;
}

/* ------------------------------------------------------------ Fisher 2 x 2 */

/* log P(X = x) up to a constant, X hypergeometric with these margins. */
static double
hyper_logd(double x, double r1, double r2, double c1)
{
	return -lnfact(x) - lnfact(r1 - x) - lnfact(c1 - x) -
	    lnfact(r2 - c1 + x);
}

/*
 * Fisher's exact test for a 2 x 2 table (Fisher 1935; Agresti 2007,
 * section 2.6): the top-left cell is hypergeometric given the margins.
 * Terms are summed outwards from the mode until they underflow (below
 * e^-745 of the largest), so huge tables cost O(sqrt(n)), not O(n); the
 * two-sided p is as R's fisher.test: the sum of the probabilities that are
 * at most (1 + 1e-7) times the observed one.
 */
static void
fisher_2x2(double a, double b, double c, double d, lt_ctab_fisher *out)
{
	double r1 = a + b, r2 = c + d, c1 = a + c, n = r1 + r2;
	double lo = fmax(0, c1 - r2), hi = fmin(r1, c1), mode, dmax, dobs;
	double total = 0, less = 0, greater = 0, two = 0, x;
	int dir;

	mode = floor((r1 + 1) * (c1 + 1) / (n + 2));
	mode = fmin(hi, fmax(lo, mode));
	dmax = hyper_logd(mode, r1, r2, c1);
	dobs = hyper_logd(a, r1, r2, c1) + log1p(REL_ERR);
	for (dir = -1; dir <= 1; dir += 2) {
		for (x = dir < 0 ? mode : mode + 1; x >= lo && x <= hi; x += dir) {
			double ld = hyper_logd(x, r1, r2, c1), t;

			if (ld - dmax < -745)
				break;
			t = exp(ld - dmax);
			total += t;
			if (x <= a)
				less += t;
			if (x >= a)
				greater += t;
			if (ld <= dobs)
				two += t;
		}
	}
	out->p = fmin(1, two / total);
	out->p_less = fmin(1, less / total);
	out->p_greater = fmin(1, greater / total);
}

/* ------------------------------------------------------------ Fisher r x c */

/*
 * The network algorithm of Mehta and Patel (1983, 1986), as in FEXACT:
 * columns are filled one at a time; a node is the multiset of remaining
 * row totals (sorted, since permuting rows changes nothing), and it holds
 * the "past" values v = -sum log n_ij! of the partial tables that reach
 * it, merged when equal (to 1e-9). For each node, bounds on the best and
 * worst completion decide for every past value whether all completions
 * count towards p (added in closed form: the completions of remaining
 * rows m and columns C sum to N'! / (prod m_i! prod C_k!)), none do
 * (dropped), or the node must be expanded one more column. The bounds
 * come from two relaxations (dropping the row or the column totals of the
 * remaining subtable) and are exact at the last column. Two columns from
 * the end the last column is forced, so such a node is finished at once:
 * its completion values are sorted and each past value needs one binary
 * search (finish()).
 */

typedef struct fnode {
	size_t key;		/* offset of the row totals in the key pool */
	uint64_t hash;
	size_t first;		/* first entry + 1 (0: none) */
} fnode;

typedef struct fentry {
	size_t node;
	int64_t vb;		/* v in units of 1e-9 */
	double v;		/* -sum log n_ij! of the columns so far */
	double w;		/* how many partial tables have this v */
	size_t next;		/* next entry of the node + 1 */
} fentry;

/* One stage of the network: the nodes after j columns. */
typedef struct fstage {
	int r;
	int *pool;
	size_t npool, cappool;
	fnode *node;
	size_t nnode, capnode;
	size_t *nslot;		/* node index + 1, open addressing */
	size_t nslots;
	fentry *ent;
	size_t nent, capent;
	size_t *eslot;
	size_t eslots;
} fstage;

/* Mix a 64-bit value (splitmix64's finaliser). */
static uint64_t
mix64(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	x ^= x >> 31;
	return x;
}

static uint64_t
hash_key(const int *m, int r)
{
	uint64_t h = 0x9e3779b97f4a7c15ULL;

	for (int i = 0; i < r; i++)
		h = mix64(h ^ (uint64_t)(unsigned int)m[i]);
	return h;
}

static void
stage_init(fstage *s, int r)
{
	memset(s, 0, sizeof *s);
	s->r = r;
	s->nslots = s->eslots = 64;
	s->nslot = lt_calloc(s->nslots, sizeof *s->nslot);
	s->eslot = lt_calloc(s->eslots, sizeof *s->eslot);
}

static void
stage_free(fstage *s)
{
	free(s->pool);
	free(s->node);
	free(s->nslot);
	free(s->ent);
	free(s->eslot);
	memset(s, 0, sizeof *s);
}

/* Double an open-addressing table of indices + 1, re-placing each by hash. */
static size_t *
rehash(size_t *slot, size_t *nslots, size_t count, const fstage *s, int nodes)
{
	size_t n = *nslots * 2, *ns = lt_calloc(n, sizeof *ns);

	for (size_t i = 0; i < count; i++) {
		uint64_t h = nodes ? s->node[i].hash :
		    mix64((uint64_t)s->ent[i].node * 0x9e3779b97f4a7c15ULL ^
		    (uint64_t)s->ent[i].vb);
		size_t at = (size_t)h & (n - 1);

		while (ns[at] != 0)
			at = (at + 1) & (n - 1);
		ns[at] = i + 1;
	}
	free(slot);
	*nslots = n;
	return ns;
}

/* The node with row totals m (sorted), made if new. */
static size_t
stage_node(fstage *s, const int *m)
{
	uint64_t h = hash_key(m, s->r);
	size_t at = (size_t)h & (s->nslots - 1), i;

	while (s->nslot[at] != 0) {
		i = s->nslot[at] - 1;
		if (s->node[i].hash == h && memcmp(s->pool + s->node[i].key, m,
		    (size_t)s->r * sizeof *m) == 0)
			return i;
		at = (at + 1) & (s->nslots - 1);
	}
	s->pool = lt_grow(s->pool, &s->cappool, s->npool + (size_t)s->r,
	    sizeof *s->pool);
	memcpy(s->pool + s->npool, m, (size_t)s->r * sizeof *m);
	s->node = lt_grow(s->node, &s->capnode, s->nnode + 1, sizeof *s->node);
	i = s->nnode++;
	s->node[i].key = s->npool;
	s->node[i].hash = h;
	s->node[i].first = 0;
	s->npool += (size_t)s->r;
	s->nslot[at] = i + 1;
	if (s->nnode * 2 > s->nslots)
		s->nslot = rehash(s->nslot, &s->nslots, s->nnode, s, 1);
	return i;
}

/* Add w partial tables with past value v to node nd. */
static void
stage_add(fstage *s, size_t nd, double v, double w)
{
	int64_t vb = (int64_t)llround(v * 1e9);
	uint64_t h = mix64((uint64_t)nd * 0x9e3779b97f4a7c15ULL ^ (uint64_t)vb);
	size_t at = (size_t)h & (s->eslots - 1), i;

	while (s->eslot[at] != 0) {
		i = s->eslot[at] - 1;
		if (s->ent[i].node == nd && s->ent[i].vb == vb) {
			s->ent[i].w += w;
			return;
		}
		at = (at + 1) & (s->eslots - 1);
	}
	s->ent = lt_grow(s->ent, &s->capent, s->nent + 1, sizeof *s->ent);
	i = s->nent++;
	s->ent[i].node = nd;
	s->ent[i].vb = vb;
	s->ent[i].v = v;
	s->ent[i].w = w;
	s->ent[i].next = s->node[nd].first;
	s->node[nd].first = i + 1;
	s->eslot[at] = i + 1;
	if (s->nent * 2 > s->eslots)
		s->eslot = rehash(s->eslot, &s->eslots, s->nent, s, 0);
}

/*
 * Smallest sum of lf[n_i] over whole n_i with sum t and 0 <= n_i <= u_i
 * (u ascending): spread t as evenly as the caps allow (lf is convex).
 */
static double
spread_min(long t, const int *u, int k, const double *lf)
{
	double s = 0;
	int i;

	for (i = 0; i < k; i++) {
		long cnt = k - i;

		if ((long)u[i] * cnt > t)
			break;
		s += lf[u[i]];
		t -= u[i];
	}
	if (i < k) {
		long cnt = k - i, q = t / cnt, rem = t % cnt;

		s += (double)rem * lf[q + 1] + (double)(cnt - rem) * lf[q];
	}
	return s;
}

/* Largest sum of lf[n_i] under the same constraints: fill the largest caps first. */
static double
pile_max(long t, const int *u, int k, const double *lf)
{
	double s = 0;

	for (int i = k - 1; i >= 0 && t > 0; i--) {
		long x = t < u[i] ? t : u[i];

		s += lf[x];
		t -= x;
	}
	return s;
}

/* Sort a few ints ascending (insertion sort: r is small). */
static void
sort_ints(int *a, int n)
{
	for (int i = 1; i < n; i++) {
		int x = a[i], j = i;

		for (; j > 0 && a[j - 1] > x; j--)
			a[j] = a[j - 1];
		a[j] = x;
	}
}

/* The compositions of one column total into the remaining row totals. */
typedef struct fcomp {
	int r;
	const int *cap;		/* remaining row totals, ascending */
	int *suffix;		/* suffix[i] = sum of cap[i..r-1] */
	int *cur;
	const double *lf;
	int *keys;		/* the new remaining totals, r per composition */
	double *dv;		/* -sum log n_i! per composition */
	size_t n, capk, capd;
	size_t limit;		/* most compositions to list */
	int over;		/* 1: there were more than limit */
} fcomp;

static void
compose(fcomp *fc, int i, int left, double dv)
{
	int lo, hi;

	if (i == fc->r - 1) {
		int *k;

		if (left > fc->cap[i])
			return;
		if (fc->n >= fc->limit) {
			fc->over = 1;
			return;
		}
		fc->cur[i] = left;
		fc->keys = lt_grow(fc->keys, &fc->capk, (fc->n + 1) *
		    (size_t)fc->r, sizeof *fc->keys);
		fc->dv = lt_grow(fc->dv, &fc->capd, fc->n + 1, sizeof *fc->dv);
		k = fc->keys + fc->n * (size_t)fc->r;
		for (int j = 0; j < fc->r; j++)
			k[j] = fc->cap[j] - fc->cur[j];
		sort_ints(k, fc->r);
		fc->dv[fc->n++] = dv - fc->lf[left];
		return;
	}
	lo = left - fc->suffix[i + 1];
	if (lo < 0)
		lo = 0;
	hi = left < fc->cap[i] ? left : fc->cap[i];
	for (int x = lo; x <= hi && !fc->over; x++) {
		fc->cur[i] = x;
		compose(fc, i + 1, left - x, dv - fc->lf[x]);
	}
}

/* Order column totals from largest to smallest. */
static int
cmp_desc(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x < y) - (x > y);
}

/* The error for a table the network algorithm cannot finish in time. */
static int
too_big(lt_error *err)
{
	return lt_err(err, LT_EINVAL, "This table is too big for an exact "
	    "test; use the chi-square test instead.");
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/*
 * The contribution to p of node nd two columns from the end, whose
 * compositions of the next column are in fc: each composition forces the
 * last column, so a table's value is v + f with f = dv - sum log m'_i!.
 * With the f sorted and their exponentials summed cumulatively, each past
 * value needs one binary search instead of a pass over the compositions.
 */
static double
finish(const fstage *s, size_t nd, const fcomp *fc, double thr, double qmax,
    double qmin, double K)
{
	double *f, *cum, fmaxv, p = 0;
	size_t q, e;

	if (fc->n == 0)
		return 0;
	f = lt_malloc(fc->n * sizeof *f);
	for (q = 0; q < fc->n; q++) {
		const int *k = fc->keys + q * (size_t)fc->r;

		f[q] = fc->dv[q];
		for (int i = 0; i < fc->r; i++)
			f[q] -= fc->lf[k[i]];
	}
	qsort(f, fc->n, sizeof *f, cmp_double);
	fmaxv = f[fc->n - 1];
	cum = lt_malloc((fc->n + 1) * sizeof *cum);
	cum[0] = 0;
	for (q = 0; q < fc->n; q++)
		cum[q + 1] = cum[q] + exp(f[q] - fmaxv);
	for (e = s->node[nd].first; e != 0; e = s->ent[e - 1].next) {
		const fentry *en = &s->ent[e - 1];
		size_t lo = 0, hi = fc->n;

		if (en->v + qmax <= thr || en->v + qmin > thr)
			continue;	/* already counted or dropped */
		while (lo < hi) {	/* how many f <= thr - v */
			size_t mid = lo + (hi - lo) / 2;

			if (en->v + f[mid] <= thr)
				lo = mid + 1;
			else
				hi = mid;
		}
		p += en->w * exp(K + en->v + fmaxv) * cum[lo];
	}
	free(f);
	free(cum);
	return p;
}

/*
 * Two-sided p for an r x c table of whole numbers n[i * c + j] whose row
 * and column totals are all positive. Returns 0, or LT_EINVAL when the
 * work would pass LT_CTAB_FISHER_WORK or the memory FISHER_*_MAX.
 */
static int
fisher_rxc(const int *cells, int rows, int cols, double *pval, lt_error *err)
{
	int r, c, *rt, *ct, *m, *csort;
	long total = 0;
	double *lf, K = 0, thr = 0, p = 0, work = 0;
	fstage cur, next;
	fcomp fc;
	int transpose = rows > cols, i, j, rc = 0;

	/* Rows are the shorter side: fewer compositions per column. */
	r = transpose ? cols : rows;
	c = transpose ? rows : cols;
	rt = lt_calloc((size_t)r, sizeof *rt);
	ct = lt_calloc((size_t)c, sizeof *ct);
	for (i = 0; i < rows; i++)
		for (j = 0; j < cols; j++) {
			int x = cells[i * cols + j];

			rt[transpose ? j : i] += x;
			ct[transpose ? i : j] += x;
			total += x;
		}
	lf = lt_malloc(((size_t)total + 2) * sizeof *lf);
	for (long t = 0; t <= total + 1; t++)
		lf[t] = lnfact((double)t);
	for (i = 0; i < rows * cols; i++)
		thr -= lf[cells[i]];
	thr += log1p(REL_ERR);
	for (i = 0; i < r; i++)
		K += lf[rt[i]];
	for (j = 0; j < c; j++)
		K += lf[ct[j]];
	K -= lf[total];
	qsort(ct, (size_t)c, sizeof *ct, cmp_desc);
	csort = lt_malloc((size_t)c * sizeof *csort);
	m = lt_malloc((size_t)r * sizeof *m);
	memset(&fc, 0, sizeof fc);
	fc.r = r;
	fc.lf = lf;
	fc.suffix = lt_calloc((size_t)r + 1, sizeof *fc.suffix);
	fc.cur = lt_calloc((size_t)r, sizeof *fc.cur);
	fc.limit = FISHER_COMP_MAX;

	stage_init(&cur, r);
	memcpy(m, rt, (size_t)r * sizeof *m);
	sort_ints(m, r);
	stage_add(&cur, stage_node(&cur, m), 0, 1);
	for (j = 0; j < c && rc == 0; j++) {
		int nc = c - j;
		double lfc = 0;

		/* The remaining column totals, ascending, for the row relaxation. */
		memcpy(csort, ct + j, (size_t)nc * sizeof *csort);
		sort_ints(csort, nc);
		for (int k = 0; k < nc; k++)
			lfc += lf[csort[k]];
		stage_init(&next, r);
		for (size_t nd = 0; nd < cur.nnode && rc == 0; nd++) {
			const int *key = cur.pool + cur.node[nd].key;
			double colmin = 0, colmax = 0, rowmin = 0, rowmax = 0;
			double qmax, qmin, mass;
			long left = 0;
			size_t e, nexp = 0;

			for (i = 0; i < r; i++)
				left += key[i];
			mass = lf[left] - lfc;
			for (i = 0; i < r; i++)
				mass -= lf[key[i]];
			if (nc == 1) {
				/* The last column is forced: exact. */
				qmax = qmin = 0;
				for (i = 0; i < r; i++)
					qmax -= lf[key[i]];
				qmin = qmax;
			} else {
				for (int k = 0; k < nc; k++) {
					colmin += spread_min(ct[j + k], key, r, lf);
					colmax += pile_max(ct[j + k], key, r, lf);
				}
				for (i = 0; i < r; i++) {
					rowmin += spread_min(key[i], csort, nc, lf);
					rowmax += pile_max(key[i], csort, nc, lf);
				}
				qmax = -fmax(colmin, rowmin);
				qmin = -fmin(colmax, rowmax);
			}
			for (e = cur.node[nd].first; e != 0; e = cur.ent[e - 1].next) {
				fentry *en = &cur.ent[e - 1];

				if (en->v + qmax <= thr)
					p += en->w * exp(K + en->v + mass);
				else if (en->v + qmin <= thr && nc > 1)
					nexp++;
			}
			if (nexp == 0)
				continue;
			/* Expand: every way to fill column j from these rows. */
			fc.cap = key;
			fc.n = 0;
			fc.suffix[r] = 0;
			for (i = r - 1; i >= 0; i--)
				fc.suffix[i] = fc.suffix[i + 1] + key[i];
			compose(&fc, 0, ct[j], 0);
			if (fc.over) {
				rc = too_big(err);
				break;
			}
			if (nc == 2) {
				/* The last column is then forced: finish here. */
				work += (double)fc.n + (double)nexp;
				p += finish(&cur, nd, &fc, thr, qmax, qmin, K);
				continue;
			}
			work += (double)fc.n * (double)nexp;
			if (work > LT_CTAB_FISHER_WORK) {
				rc = too_big(err);
				break;
			}
			for (size_t q = 0; q < fc.n; q++) {
				size_t to = stage_node(&next, fc.keys + q * (size_t)r);

				for (e = cur.node[nd].first; e != 0;
				    e = cur.ent[e - 1].next) {
					fentry *en = &cur.ent[e - 1];

					if (en->v + qmax <= thr || en->v + qmin > thr)
						continue;
					stage_add(&next, to, en->v + fc.dv[q], en->w);
				}
				if (next.nent > FISHER_ENT_MAX) {
					rc = too_big(err);
					break;
				}
			}
		}
		stage_free(&cur);
		cur = next;
	}
	stage_free(&cur);
	free(fc.keys);
	free(fc.dv);
	free(fc.suffix);
	free(fc.cur);
	free(m);
	free(csort);
	free(lf);
	free(rt);
	free(ct);
	if (rc == 0)
		*pval = fmin(1, p);
	return rc;
}

int
lt_ctab_fisher_test(const double *counts, size_t rows, size_t cols,
    lt_ctab_fisher *out, lt_error *err)
{
	double *rt, *ct, *w, total = 0;
	size_t i, j, nr = 0, nc = 0, *ur, *uc;
	int rc = 0;

	memset(out, 0, sizeof *out);
	out->p = out->p_less = out->p_greater = NAN;
	if (check_table(counts, rows, cols, err) != 0)
		return LT_EINVAL;
	w = lt_malloc(rows * cols * sizeof *w);
	for (i = 0; i < rows * cols; i++) {
		w[i] = whole(counts[i], &out->rounded);
		total += w[i];
	}
	if (total > EXACT_MAX) {
		free(w);
		return lt_err(err, LT_EINVAL, "The counts are too large for "
		    "an exact test; use the chi-square test instead.");
	}
	if (!(total > 0)) {
		free(w);
		return lt_err(err, LT_EINVAL, "The table has no counts in it, "
		    "so there is nothing to test.");
	}
	rt = lt_calloc(rows, sizeof *rt);
	ct = lt_calloc(cols, sizeof *ct);
	ur = lt_calloc(rows, sizeof *ur);
	uc = lt_calloc(cols, sizeof *uc);
	for (i = 0; i < rows; i++)
		for (j = 0; j < cols; j++) {
			rt[i] += w[i * cols + j];
			ct[j] += w[i * cols + j];
		}
	for (i = 0; i < rows; i++)
		if (rt[i] > 0)
			ur[nr++] = i;
	for (j = 0; j < cols; j++)
		if (ct[j] > 0)
			uc[nc++] = j;
	out->rows_used = nr;
	out->cols_used = nc;
	if (rows == 2 && cols == 2)
		fisher_2x2(w[0], w[1], w[2], w[3], out);
	else if (nr < 2 || nc < 2)
		out->p = 1;	/* the margins allow only this table */
	else if (nr == 2 && nc == 2)
		fisher_2x2(w[ur[0] * cols + uc[0]], w[ur[0] * cols + uc[1]],
		    w[ur[1] * cols + uc[0]], w[ur[1] * cols + uc[1]], out);
	else if (nr > INT_MAX / nc || total > FISHER_RXC_TOTAL)
		rc = too_big(err);
	else {
		int *cells = lt_malloc(nr * nc * sizeof *cells);

		for (i = 0; i < nr; i++)
			for (j = 0; j < nc; j++)
				cells[i * nc + j] = (int)w[ur[i] * cols + uc[j]];
		rc = fisher_rxc(cells, (int)nr, (int)nc, &out->p, err);
		free(cells);
	}
	if (!(rows == 2 && cols == 2))
		out->p_less = out->p_greater = NAN;
	free(w);
	free(rt);
	free(ct);
	free(ur);
	free(uc);
	return rc;
}

/* ------------------------------------------------------------ 2 x 2 */

int
lt_ctab_2x2_effects(const double *counts, double level, lt_ctab_2x2 *out,
    lt_error *err)
{
	double a, b, c, d, n1, n0, z, se;
	lt_ctab_prop w1, w0;

	memset(out, 0, sizeof *out);
	out->risk1 = out->risk0 = NAN;
	out->odds_ratio = out->or_lo = out->or_hi = NAN;
	out->risk_ratio = out->rr_lo = out->rr_hi = NAN;
	out->risk_diff = out->rd_lo = out->rd_hi = NAN;
	out->rd_wald_lo = out->rd_wald_hi = NAN;
	if (check_level(level, err) != 0 || check_counts(counts, 4, err) != 0)
		return LT_EINVAL;
	out->level = level;
	a = counts[0];
	b = counts[1];
	c = counts[2];
	d = counts[3];
	n1 = a + b;
	n0 = c + d;
	if (!(n1 + n0 > 0))
		return lt_err(err, LT_EINVAL, "The table has no counts in it, "
		    "so there is nothing to compare.");
	z = z_of(level);

	/* Odds ratio: Woolf (1955); Haldane (1956) +0.5 for a zero cell. */
	if (n1 > 0 && n0 > 0 && a + c > 0 && b + d > 0) {
		double ca = a, cb = b, cc = c, cd = d;

		if (a == 0 || b == 0 || c == 0 || d == 0) {
			ca += 0.5;
			cb += 0.5;
			cc += 0.5;
			cd += 0.5;
			out->or_corrected = 1;
		}
		out->odds_ratio = ca * cd / (cb * cc);
		se = sqrt(1 / ca + 1 / cb + 1 / cc + 1 / cd);
		out->or_lo = exp(log(out->odds_ratio) - z * se);
		out->or_hi = exp(log(out->odds_ratio) + z * se);
	}
	if (!(n1 > 0 && n0 > 0))
		return 0;
	out->risk1 = a / n1;
	out->risk0 = c / n0;

	/* Risk ratio: Katz, Baptista, Azen and Pike (1978). */
	if (a + c > 0) {
		double ca = a, cc = c, m1 = n1, m0 = n0;

		if (a == 0 || c == 0) {
			ca += 0.5;
			cc += 0.5;
			m1 += 1;
			m0 += 1;
			out->rr_corrected = 1;
		}
		out->risk_ratio = (ca / m1) / (cc / m0);
		se = sqrt(fmax(0, 1 / ca - 1 / m1 + 1 / cc - 1 / m0));
		out->rr_lo = exp(log(out->risk_ratio) - z * se);
		out->rr_hi = exp(log(out->risk_ratio) + z * se);
	}

	/* Risk difference: Wald, and Newcombe (1998b) method 10. */
	out->risk_diff = out->risk1 - out->risk0;
	se = sqrt(out->risk1 * (1 - out->risk1) / n1 +
	    out->risk0 * (1 - out->risk0) / n0);
	out->rd_wald_lo = fmax(-1, out->risk_diff - z * se);
	out->rd_wald_hi = fmin(1, out->risk_diff + z * se);
	if (lt_ctab_wilson(a, n1, level, &w1, err) != 0 ||
	    lt_ctab_wilson(c, n0, level, &w0, err) != 0)
		return LT_EINVAL;	/* not reached: a <= n1, c <= n0 */
	out->rd_lo = out->risk_diff - sqrt((out->risk1 - w1.lo) *
	    (out->risk1 - w1.lo) + (w0.hi - out->risk0) * (w0.hi - out->risk0));
	out->rd_hi = out->risk_diff + sqrt((w1.hi - out->risk1) *
	    (w1.hi - out->risk1) + (out->risk0 - w0.lo) * (out->risk0 - w0.lo));
	return 0;
}

/* ------------------------------------------------------------ rates */

/* Past this many events the Poisson limits use Byar's approximation. */
#define POISSON_LARGE	1e5

int
lt_ctab_rate_ci(double events, double denom, double multiplier, double level,
    lt_ctab_rate *out, lt_error *err)
{
	double k, a, z, scale;

	memset(out, 0, sizeof *out);
	out->rate = out->lo = out->hi = NAN;
	if (check_level(level, err) != 0)
		return LT_EINVAL;
	if (!isfinite(events) || events < 0)
		return lt_err(err, LT_EINVAL, "A rate needs a number of events "
		    "of 0 or more, but it is %g.", events);
	if (!isfinite(denom) || !(denom > 0))
		return lt_err(err, LT_EINVAL, "A rate needs a population or "
		    "time at risk above 0, but it is %g.", denom);
	if (!isfinite(multiplier) || !(multiplier > 0))
		return lt_err(err, LT_EINVAL, "A rate must be per a number "
		    "above 0 (for example per 1000), but it is per %g.",
		    multiplier);
	if (events > EXACT_MAX)
		return lt_err(err, LT_EINVAL, "There are too many events for "
		    "an exact interval (more than 2 billion).");
	out->events = events;
	out->denom = denom;
	out->multiplier = multiplier;
	out->level = level;
	scale = multiplier / denom;
	out->rate = events * scale;
	/*
	 * Garwood (1936): exact limits for a Poisson count, chi2(alpha/2, 2k)
	 * / 2 and chi2(1 - alpha/2, 2k + 2) / 2, which are the quantiles of
	 * gamma(k) and gamma(k + 1) with scale 1.
	 */
	k = whole(events, &out->rounded);
	a = (1 - level) / 2;
	/*
	 * GSL's gamma CDF goes wrong past a few million; Byar's
	 * approximation (Rothman and Boice 1979), Wilson-Hilferty for these
	 * quantiles, is within 5e-10 of them from 1e5 on, and stands in if
	 * the inversion ever fails below.
	 */
	z = z_of(level);
	if (k == 0)
		out->lo = 0;
	else if (k >= POISSON_LARGE || isnan(out->lo = gamma_pinv(a, k)))
		out->lo = k * pow(1 - 1 / (9 * k) - z / (3 * sqrt(k)), 3);
	if (k >= POISSON_LARGE || isnan(out->hi = gamma_qinv(a, k + 1)))
		out->hi = (k + 1) * pow(1 - 1 / (9 * (k + 1)) + z /
		    (3 * sqrt(k + 1)), 3);
	out->lo *= scale;
	out->hi *= scale;
	return 0;
}

/*
 * P(X <= k) (dir -1) or P(X >= k) (dir +1), X binomial(n, pi), k on the
 * far side of the mode: the terms from k outwards, each from the last by
 * the ratio of neighbouring binomial terms, until they stop mattering.
 * GSL's binomial CDF goes through the beta CDF, which fails for n in the
 * millions; this needs only the pmf and about 40 standard deviations of
 * terms at most.
 */
static double
binom_tail(double k, double n, double pi, int dir)
{
	double t = gsl_ran_binomial_pdf((unsigned int)k, pi, (unsigned int)n);
	double odds = pi / (1 - pi), s = 0;

	for (double i = k; i >= 0 && i <= n && t > 0; i += dir) {
		s += t;
		if (t < s * 1e-17)
			break;
		if (dir < 0)
			t *= i / ((n - i + 1) * odds);
		else
			t *= (n - i) * odds / (i + 1);
	}
	return s;
}

/*
 * Two-sided exact binomial p for x out of n with probability pi, as R's
 * binom.test: the sum of P(X = i) over every i with P(X = i) <= (1 +
 * 1e-7) P(X = x). Those i form two tails; the one across the mode from x
 * is found by bisection (the pmf is monotone there).
 */
static double
binom_two_sided(unsigned int x, unsigned int n, double pi)
{
	double m = n * pi, lim, p;
	unsigned int lo, hi;

	if (n == 0 || (double)x == m)
		return 1;
	lim = gsl_ran_binomial_pdf(x, pi, n) * (1 + REL_ERR);
	if ((double)x < m) {
		/* The first i >= ceil(m) with pdf(i) <= lim (n + 1: none). */
		lo = (unsigned int)ceil(m);
		hi = n + 1;
		while (lo < hi) {
			unsigned int mid = lo + (hi - lo) / 2;

			if (gsl_ran_binomial_pdf(mid, pi, n) <= lim)
				hi = mid;
			else
				lo = mid + 1;
		}
		p = binom_tail(x, n, pi, -1) +
		    (hi <= n ? binom_tail(hi, n, pi, 1) : 0);
	} else {
		/* The first i <= floor(m) with pdf(i) > lim; tail below it. */
		lo = 0;
		hi = (unsigned int)floor(m) + 1;
		while (lo < hi) {
			unsigned int mid = lo + (hi - lo) / 2;

			if (gsl_ran_binomial_pdf(mid, pi, n) > lim)
				hi = mid;
			else
				lo = mid + 1;
		}
		p = (lo > 0 ? binom_tail(lo - 1, n, pi, -1) : 0) +
		    binom_tail(x, n, pi, 1);
	}
	return fmin(1, p);
}

int
lt_ctab_rate_compare(double e1, double d1, double e0, double d0, double level,
    lt_ctab_rate_ratio *out, lt_error *err)
{
	double k1, k0, pl, pu, z;

	memset(out, 0, sizeof *out);
	out->ratio = out->lo = out->hi = out->log_lo = out->log_hi = NAN;
	out->p = NAN;
	if (check_level(level, err) != 0)
		return LT_EINVAL;
	if (!isfinite(e1) || e1 < 0 || !isfinite(e0) || e0 < 0)
		return lt_err(err, LT_EINVAL, "Comparing rates needs numbers "
		    "of events of 0 or more in both groups.");
	if (!isfinite(d1) || !(d1 > 0) || !isfinite(d0) || !(d0 > 0))
		return lt_err(err, LT_EINVAL, "Comparing rates needs a "
		    "population or time at risk above 0 in both groups.");
	if (e1 + e0 > EXACT_MAX)
		return lt_err(err, LT_EINVAL, "There are too many events for "
		    "an exact comparison (more than 2 billion).");
	out->level = level;
	if (e1 > 0 || e0 > 0)
		out->ratio = (e1 / d1) / (e0 / d0);
	z = z_of(level);
	if (e1 > 0 && e0 > 0) {
		double se = sqrt(1 / e1 + 1 / e0);

		out->log_lo = exp(log(out->ratio) - z * se);
		out->log_hi = exp(log(out->ratio) + z * se);
	}
	/* Conditional on n = k1 + k0 events, k1 ~ binomial(n, pi). */
	k1 = whole(e1, &out->rounded);
	k0 = whole(e0, &out->rounded);
	clopper_pearson(k1, k1 + k0, level, &pl, &pu);
	out->lo = pl / (1 - pl) * d0 / d1;
	out->hi = pu >= 1 ? INFINITY : pu / (1 - pu) * d0 / d1;
	out->p = binom_two_sided((unsigned int)k1, (unsigned int)(k1 + k0),
	    d1 / (d1 + d0));
	return 0;
}
