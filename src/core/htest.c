/*
 * htest.c - tests that compare groups (t, Mann-Whitney, ANOVA, Welch's
 * ANOVA, Kruskal-Wallis, Levene) on a value column and a group column.
 *
 * Every test starts from the same preparation: rows with a missing value,
 * group or weight are dropped, the rest are put in group order, and each
 * value is centred on the first kept value (see centre() for how this is
 * made exact for decimal data). Sums run in long double with a corrected
 * two-pass algorithm (Chan, Golub & LeVeque 1983), so sums of squares
 * keep their digits even when the values share many leading digits.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sf_gamma.h>

#include "buf.h"
#include "error.h"
#include "htest.h"
#include "stats.h"

/* The kept rows of a grouped column, in group order. */
typedef struct prep {
	size_t k;		/* groups (indices 0..k-1) */
	size_t m;		/* rows kept */
	int unit;		/* 1 when every kept weight is 1 (or none were given) */
	double offset;		/* the value everything is centred on */
	double *y;		/* values as given */
	double *d;		/* y - offset, see centre() */
	double *w;		/* weights (1 when none were given) */
	size_t *start;		/* group j is rows start[j] .. start[j+1]-1 */
} prep;

/* Sums for one group: weight, mean and sum of squared deviations. */
typedef struct moments {
	long double n, mean, ss;
} moments;

/* A value, its weight and its group, for sorting. */
typedef struct item {
	double y, w;
	size_t g;
} item;

/* Powers of ten that doubles hold exactly. */
static const double p10[] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
};

/*
 * x as the decimal m * 10^e with 15 significant digits (|m| < 10^15), when
 * that decimal reads back as x. Any decimal of at most 15 significant
 * digits survives the trip to a double and back this way (IEEE 754
 * doubles carry 15.95 decimal digits), so this recovers what was typed.
 */
static int
decimal15(double x, int64_t *m, int *e)
{
	char s[40], *p;
	int64_t v = 0;
	int neg = 0;

	snprintf(s, sizeof s, "%.14e", x);
	if (strtod(s, NULL) != x)
		return -1;
	p = s;
	if (*p == '-') {
		neg = 1;
		p++;
	}
	for (; *p != '\0' && *p != 'e'; p++)
		if (isdigit((unsigned char)*p))
			v = v * 10 + (*p - '0');
	if (*p != 'e')
		return -1;
	*m = neg ? -v : v;
	*e = atoi(p + 1) - 14;
	return 0;
}

/*
 * x - c, where c is the decimal mc * 10^ec. Data such as 1000000000000.4
 * are not exact in binary (the nearest double is 1000000000000.4000244),
 * and the error of each value, up to 6e-5 here, is kept whole by binary
 * subtraction: deviations of 0.1 become wrong in the 4th digit and the
 * NIST SmLs07-09 sums of squares are off by 1e-4 even in exact
 * arithmetic on the doubles. Subtracting the 15-digit decimals instead
 * gives the exact decimal difference, rounded once. Falls back to binary
 * subtraction when x has no such decimal or the exponents are too far
 * apart (then there is no cancellation to worry about).
 */
static double
centre(double x, double c, int64_t mc, int ec)
{
	int64_t mx, dm;
	int ex, e;

	if (decimal15(x, &mx, &ex) != 0)
		return x - c;
	e = ex < ec ? ex : ec;
	if (ex - e > 3 || ec - e > 3 || e < -22 || e > 22)
		return x - c;
	dm = mx * (int64_t)p10[ex - e] - mc * (int64_t)p10[ec - e];
	if (dm > ((int64_t)1 << 53) || dm < -((int64_t)1 << 53))
		return x - c;
	/* Both operands are exact, so the result is rounded once. */
	return e < 0 ? (double)dm / p10[-e] : (double)dm * p10[e];
}

/* Whether row i takes part: a finite value, a group below k, a usable weight. */
static int
keep(const double *y, const size_t *g, const double *w, size_t i, size_t k)
{
	return isfinite(y[i]) && g[i] < k &&
	    (w == NULL || (isfinite(w[i]) && w[i] > 0));
}

/* Drop unusable rows, sort the rest by group (stably) and centre them. */
static void
prep_init(prep *p, const double *y, const size_t *g, const double *w,
    size_t n, size_t k)
{
	size_t *fill, i, j;
	double big = 0, spread = 0;

	memset(p, 0, sizeof *p);
	p->k = k;
	p->unit = 1;
	p->start = lt_calloc(k + 1, sizeof *p->start);
	for (i = 0; i < n; i++)
		if (keep(y, g, w, i, k)) {
			p->start[g[i] + 1]++;
			p->m++;
		}
	for (j = 0; j < k; j++)
		p->start[j + 1] += p->start[j];
	p->y = lt_malloc((p->m ? p->m : 1) * sizeof *p->y);
	p->d = lt_malloc((p->m ? p->m : 1) * sizeof *p->d);
	p->w = lt_malloc((p->m ? p->m : 1) * sizeof *p->w);
	fill = lt_malloc((k ? k : 1) * sizeof *fill);
	memcpy(fill, p->start, k * sizeof *fill);
	for (i = 0; i < n; i++) {
		if (!keep(y, g, w, i, k))
			continue;
		j = fill[g[i]]++;
		p->y[j] = y[i];
		p->w[j] = w != NULL ? w[i] : 1;
		if (p->w[j] != 1)
			p->unit = 0;
	}
	free(fill);
	if (p->m == 0)
		return;
	/*
	 * Centre on the first kept value. Decimal centring is used only
	 * when the values agree in their leading digits (largest magnitude
	 * over 1024 times the largest deviation), where binary rounding
	 * of the data would cost digits; elsewhere it changes nothing but
	 * time.
	 */
	p->offset = p->y[0];
	for (i = 0; i < p->m; i++) {
		if (fabs(p->y[i]) > big)
			big = fabs(p->y[i]);
		if (fabs(p->y[i] - p->offset) > spread)
			spread = fabs(p->y[i] - p->offset);
	}
	{
		int64_t mc;
		int ec;
		int dec = spread > 0 && big > 1024 * spread &&
		    decimal15(p->offset, &mc, &ec) == 0;

		for (i = 0; i < p->m; i++) {
			if (!dec)
				p->d[i] = p->y[i] - p->offset;
			else if (i > 0 && p->y[i] == p->y[i - 1])
				p->d[i] = p->d[i - 1];	/* repeats are common: skip the printing */
			else
				p->d[i] = centre(p->y[i], p->offset, mc, ec);
		}
	}
}

/* Free what prep_init allocated. */
static void
prep_free(prep *p)
{
	free(p->y);
	free(p->d);
	free(p->w);
	free(p->start);
}

/*
 * Weight, mean and sum of squares of v over group j, by the corrected
 * two-pass algorithm: the second pass adds back the rounding error of
 * the first-pass mean (Chan, Golub & LeVeque 1983, eq. 1.7).
 */
static void
group_moments(const prep *p, const double *v, size_t j, moments *mo)
{
	long double n = 0, s = 0, mean, c = 0, ss = 0;
	size_t i;

	for (i = p->start[j]; i < p->start[j + 1]; i++) {
		n += p->w[i];
		s += (long double)p->w[i] * v[i];
	}
	mo->n = n;
	mo->mean = mo->ss = 0;
	if (n == 0)
		return;
	mean = s / n;
	for (i = p->start[j]; i < p->start[j + 1]; i++) {
		long double dv = v[i] - mean;

		c += p->w[i] * dv;
		ss += p->w[i] * dv * dv;
	}
	mo->mean = mean + c / n;
	mo->ss = ss - c * c / n;
	if (mo->ss < 0)
		mo->ss = 0;
}

/* A double's bits, mapped so that unsigned order is numeric order. */
static uint64_t
order_key(double y)
{
	uint64_t u;

	y += 0.0;	/* -0 sorts with 0 */
	memcpy(&u, &y, sizeof u);
	return (u & UINT64_C(0x8000000000000000)) ? ~u : u ^ UINT64_C(0x8000000000000000);
}

/*
 * Sort items by value (no NaN among them): a radix sort on the values'
 * bits, 16 at a time, which is stable and linear. The rank tests sort a
 * million values; qsort with a comparison function spent most of
 * "compare" doing it.
 */
static void
sort_items(item *it, size_t m)
{
	item *tmp;
	size_t *count;

	if (m < 64) {
		/* insertion sort: small groups */
		for (size_t i = 1; i < m; i++) {
			item x = it[i];
			size_t j = i;

			for (; j > 0 && it[j - 1].y > x.y; j--)
				it[j] = it[j - 1];
			it[j] = x;
		}
		return;
	}
	tmp = lt_malloc(m * sizeof *tmp);
	count = lt_malloc(65536 * sizeof *count);
	for (int pass = 0; pass < 4; pass++) {
		int shift = 16 * pass;
		item *from = pass % 2 == 0 ? it : tmp, *to = pass % 2 == 0 ? tmp : it;
		size_t sum = 0;

		memset(count, 0, 65536 * sizeof *count);
		for (size_t i = 0; i < m; i++)
			count[(order_key(from[i].y) >> shift) & 0xffff]++;
		for (size_t d = 0; d < 65536; d++) {
			size_t c = count[d];

			count[d] = sum;
			sum += c;
		}
		for (size_t i = 0; i < m; i++)
			to[count[(order_key(from[i].y) >> shift) & 0xffff]++] = from[i];
	}
	/* four passes: the sorted items are back in it */
	free(count);
	free(tmp);
}

/*
 * rank_groups for whole numbers in a short range: the ranks a value's ties
 * share follow from how much weight lies below it, so counting replaces
 * sorting. 0 (nothing done) for other values.
 */
static int
rank_whole(const prep *p, long double *rsum, long double *tie, int *ties)
{
	double lo;
	size_t range;
	long double *t, cum = 0;

	if (!lt_whole_span(p->y, p->m, &lo, &range))
		return 0;
	/* t[v]: the weight at value lo + v; then the mid-rank it gets */
	t = lt_calloc(range, sizeof *t);
	for (size_t i = 0; i < p->m; i++)
		t[(size_t)(p->y[i] - lo)] += p->w[i];
	*tie = 0;
	*ties = 0;
	for (size_t v = 0; v < range; v++) {
		long double tv = t[v];

		if (tv == 0)
			continue;
		if (tv != 1) {
			*tie += tv * tv * tv - tv;
			if (tv > 1)
				*ties = 1;
		}
		t[v] = cum + (tv + 1) / 2;
		cum += tv;
	}
	for (size_t j = 0; j < p->k; j++) {
		rsum[j] = 0;
		for (size_t i = p->start[j]; i < p->start[j + 1]; i++)
			rsum[j] += p->w[i] * t[(size_t)(p->y[i] - lo)];
	}
	free(t);
	return 1;
}

/*
 * Rank all kept values together (ties share the average of the ranks
 * they occupy; a weight w occupies w ranks). Fills rsum[j] (sum of the
 * ranks in group j, weighted), *tie (sum of t^3 - t over tied blocks of
 * total weight t) and *ties (whether any block has t > 1).
 */
static void
rank_groups(const prep *p, long double *rsum, long double *tie, int *ties)
{
	item *it;
	long double cum = 0;
	size_t i, j, a, b;

	if (rank_whole(p, rsum, tie, ties))
		return;
	it = lt_malloc((p->m ? p->m : 1) * sizeof *it);

	for (j = 0; j < p->k; j++)
		for (i = p->start[j]; i < p->start[j + 1]; i++) {
			it[i].y = p->y[i];
			it[i].w = p->w[i];
			it[i].g = j;
		}
	sort_items(it, p->m);
	for (j = 0; j < p->k; j++)
		rsum[j] = 0;
	*tie = 0;
	*ties = 0;
	for (a = 0; a < p->m; a = b) {
		long double t = 0, r;

		for (b = a; b < p->m && it[b].y == it[a].y; b++)
			t += it[b].w;
		r = cum + (t + 1) / 2;
		for (i = a; i < b; i++)
			rsum[it[i].g] += it[i].w * r;
		if (t != 1) {
			*tie += t * t * t - t;
			if (t > 1)
				*ties = 1;
		}
		cum += t;
	}
	free(it);
}

/*
 * Sort m whole numbers in a short range into out by counting them and
 * writing each value as often as it occurs; 0 (nothing done) otherwise.
 */
static int
sort_whole(const double *v, size_t m, double *out)
{
	double lo;
	size_t range, *count, o = 0;

	if (!lt_whole_span(v, m, &lo, &range))
		return 0;
	count = lt_calloc(range, sizeof *count);
	for (size_t i = 0; i < m; i++)
		count[(size_t)(v[i] - lo)]++;
	for (size_t d = 0; d < range; d++)
		for (size_t c = count[d]; c > 0; c--)
			out[o++] = lo + (double)d;
	free(count);
	return 1;
}

/* Sort pairs (v, w) of group j by v into xs, ws (each start[j+1]-start[j] long). */
static void
sorted_group(const prep *p, const double *v, size_t j, double *xs, double *ws)
{
	size_t m = p->start[j + 1] - p->start[j], i;
	item *it;

	/* Every weight 1: only the values need sorting. */
	if (p->unit && sort_whole(v + p->start[j], m, xs)) {
		for (i = 0; i < m; i++)
			ws[i] = 1;
		return;
	}
	it = lt_malloc((m ? m : 1) * sizeof *it);

	for (i = 0; i < m; i++) {
		it[i].y = v[p->start[j] + i];
		it[i].w = p->w[p->start[j] + i];
		it[i].g = j;
	}
	sort_items(it, m);
	for (i = 0; i < m; i++) {
		xs[i] = it[i].y;
		ws[i] = it[i].w;
	}
	free(it);
}

/* n, mean, SD, skewness, quartiles, outliers and mean rank of each group. */
int
lt_htest_groups(const double *y, const size_t *g, const double *w,
    size_t n, size_t k, lt_htest_group *out, lt_error *err)
{
	prep p;
	long double *rsum, tie;
	double *xs, *ws;
	int ties;

	if (k == 0)
		return lt_err(err, LT_EINVAL,
		    "There are no groups to describe, so give a column that divides the rows into groups.");
	prep_init(&p, y, g, w, n, k);
	rsum = lt_malloc(k * sizeof *rsum);
	rank_groups(&p, rsum, &tie, &ties);
	xs = lt_malloc((p.m ? p.m : 1) * sizeof *xs);
	ws = lt_malloc((p.m ? p.m : 1) * sizeof *ws);
	for (size_t j = 0; j < k; j++) {
		lt_htest_group *o = &out[j];
		size_t m = p.start[j + 1] - p.start[j];
		moments mo;
		long double m3 = 0;
		double iqr, lo, hi;

		group_moments(&p, p.d, j, &mo);
		o->n = (double)mo.n;
		o->mean = o->sd = o->skewness = NAN;
		o->min = o->q1 = o->median = o->q3 = o->max = NAN;
		o->outliers = o->mean_rank = NAN;
		if (m == 0)
			continue;
		o->mean = (double)(p.offset + mo.mean);
		o->mean_rank = (double)(rsum[j] / mo.n);
		if (mo.n > 1)
			o->sd = (double)sqrtl(mo.ss / (mo.n - 1));
		for (size_t i = p.start[j]; i < p.start[j + 1]; i++) {
			long double dv = p.d[i] - mo.mean;

			m3 += p.w[i] * dv * dv * dv;
		}
		/* Joanes & Gill (1998): g1 = m3 / m2^1.5, G1 = g1 sqrt(n(n-1)) / (n-2). */
		if (mo.n > 2 && mo.ss > 0) {
			long double m2 = mo.ss / mo.n, g1;

			g1 = (m3 / mo.n) / (m2 * sqrtl(m2));
			o->skewness = (double)(g1 * sqrtl(mo.n * (mo.n - 1)) /
			    (mo.n - 2));
		}
		sorted_group(&p, p.y, j, xs, ws);
		o->min = xs[0];
		o->max = xs[m - 1];
		o->q1 = lt_stats_quantile_sorted(xs, p.unit ? NULL : ws, m, 0.25);
		o->median = lt_stats_quantile_sorted(xs, p.unit ? NULL : ws, m, 0.5);
		o->q3 = lt_stats_quantile_sorted(xs, p.unit ? NULL : ws, m, 0.75);
		iqr = o->q3 - o->q1;
		lo = o->q1 - 1.5 * iqr;
		hi = o->q3 + 1.5 * iqr;
		o->outliers = 0;
		for (size_t i = 0; i < m; i++)
			if (xs[i] < lo || xs[i] > hi)
				o->outliers += ws[i];
	}
	free(xs);
	free(ws);
	free(rsum);
	prep_free(&p);
	return 0;
}

/* Set every number of a t-test result to NaN (after the counts). */
static void
ttest_nan(lt_ttest *o)
{
	o->mean[0] = o->mean[1] = o->sd[0] = o->sd[1] = NAN;
	o->diff = o->sd_pooled = NAN;
	o->welch.t = o->welch.df = o->welch.p = NAN;
	o->welch.se = o->welch.lo = o->welch.hi = NAN;
	o->student = o->welch;
	o->g = o->g_se = o->g_lo = o->g_hi = NAN;
}

/* t, p and the interval for diff with standard error se on df degrees of freedom. */
static void
t_fill(lt_htest_t *r, double diff, double se, double df, double level)
{
	r->se = se;
	r->df = df;
	r->t = r->p = r->lo = r->hi = NAN;
	if (!(se > 0) || !(df > 0))
		return;
	r->t = diff / se;
	r->p = 2 * gsl_cdf_tdist_Q(fabs(r->t), df);
	if (r->p > 1)
		r->p = 1;
	{
		double q = gsl_cdf_tdist_Qinv((1 - level) / 2, df);

		r->lo = diff - q * se;
		r->hi = diff + q * se;
	}
}

/* Welch's and Student's t and Hedges' g for group 0 minus group 1. */
int
lt_htest_ttest(const double *y, const size_t *g, const double *w,
    size_t n, double level, lt_ttest *out, lt_error *err)
{
	prep p;
	moments a, b;
	long double va, vb, na, nb, m;
	double z;

	memset(out, 0, sizeof *out);
	ttest_nan(out);
	out->level = level;
	if (!(level > 0 && level < 1))
		return lt_err(err, LT_EINVAL,
		    "The confidence level must be between 0 and 1, for example 0.95.");
	prep_init(&p, y, g, w, n, 2);
	group_moments(&p, p.d, 0, &a);
	group_moments(&p, p.d, 1, &b);
	prep_free(&p);
	out->n[0] = (double)a.n;
	out->n[1] = (double)b.n;
	if (!(a.n > 1 && b.n > 1))
		return lt_err(err, LT_EINVAL,
		    "A t-test needs at least two values in each group.");
	na = a.n;
	nb = b.n;
	out->mean[0] = (double)(p.offset + a.mean);
	out->mean[1] = (double)(p.offset + b.mean);
	out->sd[0] = (double)sqrtl(a.ss / (na - 1));
	out->sd[1] = (double)sqrtl(b.ss / (nb - 1));
	out->diff = (double)(a.mean - b.mean);

	/* Welch (1947): se^2 = sA^2/nA + sB^2/nB, Welch-Satterthwaite df. */
	va = a.ss / (na - 1) / na;
	vb = b.ss / (nb - 1) / nb;
	t_fill(&out->welch, out->diff, (double)sqrtl(va + vb),
	    (double)((va + vb) * (va + vb) /
	    (va * va / (na - 1) + vb * vb / (nb - 1))), level);

	/* Student (1908): pooled variance on nA + nB - 2 df. */
	m = na + nb - 2;
	out->sd_pooled = (double)sqrtl((a.ss + b.ss) / m);
	t_fill(&out->student, out->diff,
	    (double)(out->sd_pooled * sqrtl(1 / na + 1 / nb)), (double)m, level);

	/* Hedges' g with the exact J (Hedges & Olkin 1985, p. 104). */
	if (out->sd_pooled > 0) {
		double md = (double)m, j, ntot = (double)(na + nb);

		j = exp(gsl_sf_lngamma(md / 2) - gsl_sf_lngamma((md - 1) / 2)) /
		    sqrt(md / 2);
		out->g = j * out->diff / out->sd_pooled;
		out->g_se = sqrt(ntot / (double)(na * nb) +
		    out->g * out->g / (2 * ntot));
		z = gsl_cdf_ugaussian_Qinv((1 - level) / 2);
		out->g_lo = out->g - z * out->g_se;
		out->g_hi = out->g + z * out->g_se;
	}
	return 0;
}

/*
 * P(U <= q) and P(U >= q) for U of A (nA values) against B (nB values),
 * no ties, all orderings equally likely. p(i, j, u), the probability that
 * U = u with i values in A and j in B, follows from where the largest
 * value lies: in A with probability i / (i + j) (it beats all j values of
 * B), else in B:
 *   p(i, j, u) = i/(i+j) p(i-1, j, u-j) + j/(i+j) p(i, j-1, u)
 * (Mann & Whitney 1947, eq. 2, written for probabilities instead of
 * counts so that nothing overflows and no term cancels). Row i keeps the
 * arrays for j = 0..nB back to back; O(nA nB^2) memory, O(nA^2 nB^2) time.
 */
static void
mw_exact(size_t na, size_t nb, double q, double *below, double *above)
{
	double *prev, *cur, lo = 0, hi = 0;
	size_t i, j, u;

	/*
	 * In row i, the array for j (u = 0..i j) starts at
	 * sum_{j' < j} (i j' + 1) = i j (j - 1) / 2 + j.
	 */
	prev = lt_calloc(na * nb * (nb + 1) / 2 + nb + 1, sizeof *prev);
	cur = lt_calloc(na * nb * (nb + 1) / 2 + nb + 1, sizeof *cur);
	for (j = 0; j <= nb; j++)
		prev[j] = 1;		/* row 0: U is 0 whatever j is */
	for (i = 1; i <= na; i++) {
		for (j = 0; j <= nb; j++) {
			const double *pa, *cb;
			double *c, fa, fb;

			if (j == 0) {
				cur[0] = 1;
				continue;
			}
			pa = prev + (i - 1) * j * (j - 1) / 2 + j;
			c = cur + i * j * (j - 1) / 2 + j;
			cb = c - (i * (j - 1) + 1);	/* array j - 1 of row i */
			fa = (double)i / (double)(i + j);
			fb = (double)j / (double)(i + j);
			for (u = 0; u <= i * j; u++) {
				double v = 0;

				if (u >= j)
					v += fa * pa[u - j];
				if (u <= i * (j - 1))
					v += fb * cb[u];
				c[u] = v;
			}
		}
		{
			double *t = prev;

			prev = cur;
			cur = t;
		}
	}
	{
		const double *f = prev + na * nb * (nb - 1) / 2 + nb;

		for (u = 0; u <= na * nb; u++) {
			if ((double)u <= q)
				lo += f[u];
			if ((double)u >= q)
				hi += f[u];
		}
	}
	*below = lo;
	*above = hi;
	free(prev);
	free(cur);
}

/* U, z, p (exact or normal) and the rank-biserial r for group 0 against 1. */
int
lt_htest_mannwhitney(const double *y, const size_t *g, const double *w,
    size_t n, lt_mannwhitney *out, lt_error *err)
{
	prep p;
	long double rsum[2], tie, na, nb, nn, sigma2, dev;
	int ties;

	memset(out, 0, sizeof *out);
	out->rank_sum[0] = out->rank_sum[1] = NAN;
	out->u = out->z = out->p = out->r = NAN;
	prep_init(&p, y, g, w, n, 2);
	na = nb = 0;
	for (size_t i = 0; i < p.m; i++)
		if (i < p.start[1])
			na += p.w[i];
		else
			nb += p.w[i];
	out->n[0] = (double)na;
	out->n[1] = (double)nb;
	if (!(na > 0 && nb > 0)) {
		prep_free(&p);
		return lt_err(err, LT_EINVAL,
		    "The Mann-Whitney test needs at least one value in each group.");
	}
	rank_groups(&p, rsum, &tie, &ties);
	out->ties = ties;
	out->rank_sum[0] = (double)rsum[0];
	out->rank_sum[1] = (double)rsum[1];
	out->u = (double)(rsum[0] - na * (na + 1) / 2);
	out->r = (double)(2 * out->u / (na * nb) - 1);

	/* Normal approximation (as R's wilcox.test, correct = TRUE). */
	nn = na + nb;
	sigma2 = na * nb / 12 * ((nn + 1) - tie / (nn * (nn - 1)));
	dev = out->u - na * nb / 2;
	if (sigma2 > 0) {
		long double cc = dev > 0 ? 0.5L : dev < 0 ? -0.5L : 0;

		out->z = (double)((dev - cc) / sqrtl(sigma2));
		out->p = 2 * gsl_cdf_ugaussian_Q(fabs(out->z));
		if (out->p > 1)
			out->p = 1;
	}
	out->exact = !ties && p.unit && p.start[1] <= LT_HTEST_EXACT_MAX &&
	    p.m - p.start[1] <= LT_HTEST_EXACT_MAX;
	if (out->exact) {
		double below, above;

		mw_exact(p.start[1], p.m - p.start[1], out->u, &below, &above);
		/* R's rule: the tail on the side of U from nA nB / 2, doubled. */
		out->p = 2 * (out->u > (double)(na * nb) / 2 ? above : below);
		if (out->p > 1)
			out->p = 1;
	}
	prep_free(&p);
	return 0;
}

/* Set every number of an ANOVA result to NaN. */
static void
anova_nan(lt_anova *o)
{
	o->grand_mean = o->df_between = o->df_within = NAN;
	o->ss_between = o->ss_within = o->ms_between = o->ms_within = NAN;
	o->f = o->p = o->r_squared = o->residual_sd = NAN;
}

/* One-way ANOVA of the centred values v (in p's order); offset is added back to the mean. */
static int
anova_core(const prep *p, const double *v, double offset, lt_anova *out,
    lt_error *err)
{
	moments *mo = lt_malloc(p->k * sizeof *mo);
	long double nn = 0, s = 0, grand, ssb = 0, ssw = 0;
	size_t groups = 0, j;

	memset(out, 0, sizeof *out);
	anova_nan(out);
	for (j = 0; j < p->k; j++) {
		group_moments(p, v, j, &mo[j]);
		if (mo[j].n > 0) {
			groups++;
			nn += mo[j].n;
			s += mo[j].n * mo[j].mean;
		}
	}
	out->groups = groups;
	out->n = (double)nn;
	if (groups < 2 || !(nn > groups)) {
		free(mo);
		return lt_err(err, LT_EINVAL,
		    "An analysis of variance needs values in at least two groups and more values than groups.");
	}
	grand = s / nn;
	for (j = 0; j < p->k; j++) {
		long double dm;

		if (mo[j].n == 0)
			continue;
		dm = mo[j].mean - grand;
		ssb += mo[j].n * dm * dm;
		ssw += mo[j].ss;
	}
	free(mo);
	out->grand_mean = (double)(offset + grand);
	out->df_between = (double)(groups - 1);
	out->df_within = (double)(nn - groups);
	out->ss_between = (double)ssb;
	out->ss_within = (double)ssw;
	out->ms_between = (double)(ssb / (groups - 1));
	out->ms_within = (double)(ssw / (nn - groups));
	out->residual_sd = (double)sqrtl(ssw / (nn - groups));
	if (ssb + ssw > 0)
		out->r_squared = (double)(ssb / (ssb + ssw));
	if (ssw > 0) {
		out->f = (double)((ssb / (groups - 1)) / (ssw / (nn - groups)));
		out->p = gsl_cdf_fdist_Q(out->f, out->df_between, out->df_within);
	}
	return 0;
}

/* Classic one-way ANOVA on the centred values. */
int
lt_htest_anova(const double *y, const size_t *g, const double *w,
    size_t n, size_t k, lt_anova *out, lt_error *err)
{
	prep p;
	int rc;

	prep_init(&p, y, g, w, n, k);
	rc = anova_core(&p, p.d, p.offset, out, err);
	prep_free(&p);
	return rc;
}

/* Welch's (1951) heteroscedastic one-way ANOVA. */
int
lt_htest_welch_anova(const double *y, const size_t *g, const double *w,
    size_t n, size_t k, lt_welch_anova *out, lt_error *err)
{
	prep p;
	moments *mo;
	long double sw = 0, swm = 0, mw, a = 0, lambda = 0, kk;
	size_t groups = 0, j;
	int zero = 0;

	out->groups = 0;
	out->f = out->df1 = out->df2 = out->p = NAN;
	prep_init(&p, y, g, w, n, k);
	mo = lt_malloc((k ? k : 1) * sizeof *mo);
	for (j = 0; j < k; j++) {
		group_moments(&p, p.d, j, &mo[j]);
		if (mo[j].n > 0)
			groups++;
	}
	prep_free(&p);
	out->groups = groups;
	for (j = 0; j < k; j++)
		if (mo[j].n > 0 && !(mo[j].n > 1))
			groups = 0;
	if (groups < 2) {
		free(mo);
		return lt_err(err, LT_EINVAL,
		    "Welch's analysis of variance needs at least two groups with at least two values in each.");
	}
	/*
	 * Welch (1951): w_j = n_j / s_j^2, weighted mean m_w,
	 * A = sum w_j (m_j - m_w)^2 / (k - 1),
	 * Lambda = sum (1 - w_j / W)^2 / (n_j - 1),
	 * F = A / (1 + 2 (k - 2) Lambda / (k^2 - 1)), df2 = (k^2 - 1) / (3 Lambda).
	 */
	for (j = 0; j < k; j++) {
		long double wj;

		if (mo[j].n == 0)
			continue;
		if (!(mo[j].ss > 0)) {
			zero = 1;
			break;
		}
		wj = mo[j].n / (mo[j].ss / (mo[j].n - 1));
		sw += wj;
		swm += wj * mo[j].mean;
	}
	kk = (long double)groups;
	out->df1 = (double)(kk - 1);
	if (!zero) {
		mw = swm / sw;
		for (j = 0; j < k; j++) {
			long double wj, dm, f;

			if (mo[j].n == 0)
				continue;
			wj = mo[j].n / (mo[j].ss / (mo[j].n - 1));
			dm = mo[j].mean - mw;
			a += wj * dm * dm;
			f = 1 - wj / sw;
			lambda += f * f / (mo[j].n - 1);
		}
		a /= kk - 1;
		out->f = (double)(a / (1 + 2 * (kk - 2) * lambda / (kk * kk - 1)));
		out->df2 = (double)((kk * kk - 1) / (3 * lambda));
		out->p = gsl_cdf_fdist_Q(out->f, out->df1, out->df2);
	}
	free(mo);
	return 0;
}

/* Kruskal-Wallis H with the tie correction, its chi-square p and epsilon squared. */
int
lt_htest_kruskal(const double *y, const size_t *g, const double *w,
    size_t n, size_t k, lt_kruskal *out, lt_error *err)
{
	prep p;
	long double *rsum, *nj, tie, nn = 0, s = 0, c, denom;
	size_t groups = 0, j;
	int ties;

	out->groups = 0;
	out->n = 0;
	out->h = out->df = out->p = out->epsilon_squared = NAN;
	prep_init(&p, y, g, w, n, k);
	rsum = lt_malloc((k ? k : 1) * sizeof *rsum);
	nj = lt_calloc(k ? k : 1, sizeof *nj);
	for (j = 0; j < k; j++) {
		for (size_t i = p.start[j]; i < p.start[j + 1]; i++)
			nj[j] += p.w[i];
		if (nj[j] > 0)
			groups++;
		nn += nj[j];
	}
	out->groups = groups;
	out->n = (double)nn;
	if (groups < 2) {
		free(rsum);
		free(nj);
		prep_free(&p);
		return lt_err(err, LT_EINVAL,
		    "The Kruskal-Wallis test needs values in at least two groups.");
	}
	rank_groups(&p, rsum, &tie, &ties);
	prep_free(&p);
	/* H in its centred form: 12 / (N (N + 1)) sum n_j (Rbar_j - (N + 1) / 2)^2. */
	c = (nn + 1) / 2;
	for (j = 0; j < k; j++) {
		long double dm;

		if (nj[j] == 0)
			continue;
		dm = rsum[j] / nj[j] - c;
		s += nj[j] * dm * dm;
	}
	free(rsum);
	free(nj);
	out->df = (double)(groups - 1);
	denom = 1 - tie / (nn * nn * nn - nn);
	if (denom > 0 && nn > 1) {
		out->h = (double)(12 / (nn * (nn + 1)) * s / denom);
		out->p = gsl_cdf_chisq_Q(out->h, out->df);
		out->epsilon_squared = (double)(out->h / (nn - 1));
	}
	return 0;
}

/* Levene / Brown-Forsythe: ANOVA of |value - group mean or median|. */
int
lt_htest_levene(const double *y, const size_t *g, const double *w,
    size_t n, size_t k, enum lt_levene_centre centre_on, lt_anova *out,
    lt_error *err)
{
	prep p;
	double *z, *xs, *ws;
	int rc;

	prep_init(&p, y, g, w, n, k);
	z = lt_malloc((p.m ? p.m : 1) * sizeof *z);
	xs = lt_malloc((p.m ? p.m : 1) * sizeof *xs);
	ws = lt_malloc((p.m ? p.m : 1) * sizeof *ws);
	for (size_t j = 0; j < k; j++) {
		size_t m = p.start[j + 1] - p.start[j];
		double c;

		if (m == 0)
			continue;
		if (centre_on == LT_LEVENE_MEDIAN) {
			sorted_group(&p, p.d, j, xs, ws);
			c = lt_stats_quantile_sorted(xs, p.unit ? NULL : ws, m, 0.5);
			for (size_t i = p.start[j]; i < p.start[j + 1]; i++)
				z[i] = fabs(p.d[i] - c);
		} else {
			moments mo;

			group_moments(&p, p.d, j, &mo);
			for (size_t i = p.start[j]; i < p.start[j + 1]; i++)
				z[i] = (double)fabsl(p.d[i] - mo.mean);
		}
	}
	rc = anova_core(&p, z, 0, out, err);
	free(z);
	free(xs);
	free(ws);
	prep_free(&p);
	return rc;
}
