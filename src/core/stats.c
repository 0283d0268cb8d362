/*
 * stats.c - descriptive statistics.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <stddef.h>
#include <gsl/gsl_statistics_double.h>

#include "buf.h"
#include "stats.h"

/*
 * Interpolate between the order statistics a (at floor(h)) and b (at
 * ceil(h)) as R's quantile type 7 does; equal neighbours give the value
 * itself, so weighted and expanded data agree to the last bit.
 */
static double
interpolate(double a, double b, double frac)
{
	if (a == b || frac == 0)
		return a;
	return (1 - frac) * a + frac * b;
}

/*
 * The moments-based numbers of a summary whose n, mean, sd and quartiles
 * are set: standard error, t-based 95% CI of the mean, skewness G1 and
 * excess kurtosis G2 (Joanes & Gill 1998, "type 2", as SPSS and Excel),
 * from frequency-weighted central moments m_k = sum w (x - mean)^k / n.
 */
static void
finish(lt_summary *out, double m2, double m3, double m4)
{
	double N = out->n;

	out->iqr = out->q3 - out->q1;
	out->se = out->ci_lo = out->ci_hi = out->skew = out->kurt = NAN;
	if (N < 2)
		return;
	out->se = out->sd / sqrt(N);
	out->ci_lo = out->mean - gsl_cdf_tdist_Qinv(0.025, N - 1) * out->se;
	out->ci_hi = out->mean + gsl_cdf_tdist_Qinv(0.025, N - 1) * out->se;
	if (!(m2 > 0))
		return;
	if (N > 2)
		out->skew = m3 / pow(m2, 1.5) * sqrt(N * (N - 1)) / (N - 2);
	if (N > 3)
		out->kurt = ((N + 1) * (m4 / (m2 * m2) - 3) + 6) * (N - 1) / ((N - 2) * (N - 3));
}

void
lt_stats_group_summary(const double *x, const double *w, size_t n, const size_t *codes,
    size_t g, lt_summary *out)
{
	double *gx = lt_malloc((n ? n : 1) * sizeof *gx);
	double *gw = w != NULL ? lt_malloc((n ? n : 1) * sizeof *gw) : NULL;
	size_t m = 0;

	for (size_t i = 0; i < n; i++)
		if (codes[i] == g) {
			gx[m] = x[i];
			if (gw != NULL)
				gw[m] = w[i];
			m++;
		}
	lt_stats_summary(gx, gw, m, out);
	free(gx);
	free(gw);
}

void
lt_summary_shift(lt_summary *s, double offset)
{
	s->mean += offset;
	s->ci_lo += offset;
	s->ci_hi += offset;
	s->min += offset;
	s->q1 += offset;
	s->median += offset;
	s->q3 += offset;
	s->max += offset;
}

double
lt_stats_quantile_sorted(const double *x, const double *w, size_t n, double p)
{
	double total = 0, h, lo, hi, cum = 0;
	size_t i;

	if (n == 0 || !(p >= 0 && p <= 1))
		return NAN;
	if (w == NULL) {
		size_t k;

		h = (double)(n - 1) * p;
		k = (size_t)floor(h);
		if (k >= n - 1)
			return x[n - 1];
		return interpolate(x[k], x[k + 1], h - floor(h));
	}
	/*
	 * Frequency weights: the type 7 quantile of the data expanded so that
	 * x[i] appears w[i] times. h is the 0-based position in that data.
	 */
	for (i = 0; i < n; i++)
		total += w[i];
	if (!(total > 0))
		return NAN;
	h = (total - 1) * p;
	if (h < 0)
		h = 0;
	lo = hi = x[n - 1];
	for (i = 0; i < n; i++) {
		cum += w[i];
		if (cum > floor(h)) {
			lo = x[i];
			break;
		}
	}
	for (i = 0, cum = 0; i < n; i++) {
		cum += w[i];
		if (cum > ceil(h)) {
			hi = x[i];
			break;
		}
	}
	return interpolate(lo, hi, h - floor(h));
}

/* finish() for frequency-weighted values. */
static void
weighted_moments(lt_summary *out, const double *x, const double *w, size_t n)
{
	double N = out->n, m2 = 0, m3 = 0, m4 = 0;

	for (size_t i = 0; i < n; i++) {
		double wi = w[i], d, d2;

		if (isnan(x[i]) || isnan(wi) || wi <= 0 || isinf(wi))
			continue;
		d = x[i] - out->mean;
		d2 = d * d;
		m2 += wi * d2;
		m3 += wi * d2 * d;
		m4 += wi * d2 * d2;
	}
	finish(out, m2 / N, m3 / N, m4 / N);
}

typedef struct pair {
	double x, w;
} pair;

static int
cmp_pair(const void *a, const void *b)
{
	const pair *p = a, *q = b;

	return (p->x > q->x) - (p->x < q->x);
}

/*
 * Put the k-th smallest of v[lo..hi) at v[k], smaller ones before it and
 * larger ones after (quickselect, Hoare's partition around a median of
 * three): a quartile in O(n), where sorting a million values cost most of
 * "describe".
 */
static void
nth(double *v, ptrdiff_t lo, ptrdiff_t hi, ptrdiff_t k)
{
	while (hi - lo > 2) {
		ptrdiff_t mid = lo + (hi - lo) / 2, i = lo, j = hi - 1;
		double pivot, t;

		if (v[mid] < v[lo]) { t = v[mid]; v[mid] = v[lo]; v[lo] = t; }
		if (v[j] < v[lo]) { t = v[j]; v[j] = v[lo]; v[lo] = t; }
		if (v[j] < v[mid]) { t = v[j]; v[j] = v[mid]; v[mid] = t; }
		pivot = v[mid];
		while (i <= j) {
			while (v[i] < pivot)
				i++;
			while (v[j] > pivot)
				j--;
			if (i <= j) {
				t = v[i];
				v[i] = v[j];
				v[j] = t;
				i++;
				j--;
			}
		}
		/* now v[lo..j] <= pivot <= v[i..hi), and between them all equal it */
		if (k <= j)
			hi = j + 1;
		else if (k >= i)
			lo = i;
		else
			return;
	}
	if (hi - lo == 2 && v[lo + 1] < v[lo]) {
		double t = v[lo];

		v[lo] = v[lo + 1];
		v[lo + 1] = t;
	}
}

/*
 * The type 7 quantile of v[0..m) at h = (m - 1) p, looked for in v[lo..hi):
 * earlier calls have left everything before lo no larger, and everything
 * from hi on no smaller, than what is in it. Reorders v[lo..hi).
 */
static double
select_at(double *v, size_t m, size_t lo, size_t hi, double h)
{
	size_t k = (size_t)floor(h);
	double b;

	if (k >= m - 1) {
		nth(v, (ptrdiff_t)lo, (ptrdiff_t)hi, (ptrdiff_t)m - 1);
		return v[m - 1];
	}
	nth(v, (ptrdiff_t)lo, (ptrdiff_t)hi, (ptrdiff_t)k);
	b = k + 1 < hi ? v[k + 1] : v[hi];
	for (size_t i = k + 2; i < hi; i++)
		if (v[i] < b)
			b = v[i];
	return interpolate(v[k], b, h - floor(h));
}

/*
 * The quartiles of v[0..m), m > 0, by selection: the median over all of
 * it, then each outer quartile within its own half. Reorders v.
 */
static void
select_quartiles(double *v, size_t m, double q[3])
{
	double h1 = (double)(m - 1) * 0.25, h2 = (double)(m - 1) * 0.5;
	double h3 = (double)(m - 1) * 0.75;
	size_t k2 = (size_t)floor(h2);

	q[1] = select_at(v, m, 0, m, h2);
	q[0] = select_at(v, m, 0, k2 + 1 < m ? k2 + 1 : m, h1);
	q[2] = select_at(v, m, k2, m, h3);
}

int
lt_whole(double y)
{
	return fabs(y) < 4503599627370496.0 && (double)(long long)y == y;
}

int
lt_countable(double lo, double hi, size_t m, size_t *range)
{
	if (!(hi - lo < (double)m + 65536 && hi - lo < 16777216.0))
		return 0;
	*range = (size_t)(hi - lo) + 1;
	return 1;
}

int
lt_whole_span(const double *v, size_t m, double *lo, size_t *range)
{
	double hi;

	if (m == 0)
		return 0;
	*lo = hi = v[0];
	for (size_t i = 0; i < m; i++) {
		if (!lt_whole(v[i]))
			return 0;
		if (v[i] < *lo)
			*lo = v[i];
		if (v[i] > hi)
			hi = v[i];
	}
	return lt_countable(*lo, hi, m, range);
}

/*
 * The quartiles of the m values of x[0..n) that are not NaN, all whole
 * numbers from lo to hi, by counting how often each occurs: one pass, no
 * copy, where most health measures (ages, blood pressures, 0/1 flags) are
 * whole numbers in a short range. Returns 0 (and does nothing) when the
 * range is too wide for counting to pay.
 */
static int
count_quartiles(const double *x, size_t n, size_t m, double lo, double hi, double q[3])
{
	double h[3] = { (double)(m - 1) * 0.25, (double)(m - 1) * 0.5,
	    (double)(m - 1) * 0.75 };
	size_t rank[6], at = 0, range, cum = 0;
	double val[6] = { NAN, NAN, NAN, NAN, NAN, NAN };
	uint32_t *count;

	if (!lt_countable(lo, hi, m, &range) || m > UINT32_MAX)
		return 0;
	count = lt_calloc(range, sizeof *count);
	for (size_t i = 0; i < n; i++)
		if (!isnan(x[i]))
			count[(size_t)(x[i] - lo)]++;
	for (int j = 0; j < 3; j++) {
		rank[2 * j] = (size_t)floor(h[j]);
		rank[2 * j + 1] = rank[2 * j] + 1 < m ? rank[2 * j] + 1 : m - 1;
	}
	/* the value at each rank (ranks need not ascend: k1 + 1 may pass k2) */
	for (size_t v = 0; v < range && at < 6; v++) {
		cum += count[v];
		for (int j = 0; j < 6; j++)
			if (rank[j] < cum && isnan(val[j])) {
				val[j] = lo + (double)v;
				at++;
			}
	}
	free(count);
	for (int j = 0; j < 3; j++)
		q[j] = interpolate(val[2 * j], val[2 * j + 1], h[j] - floor(h[j]));
	return 1;
}

/*
 * An unweighted summary in three passes: count, sum, extremes and whether
 * every value is whole; the moments about the first mean (corrected, as a
 * two-pass algorithm is); the quartiles by counting or by selection.
 */
static void
summary_plain(const double *x, size_t n, lt_summary *out)
{
	double sum = 0, lo = INFINITY, hi = -INFINITY, mean0, d1 = 0, c2 = 0, c3 = 0,
	    c4 = 0, dl, q[3];
	size_t m = 0;
	int whole = 1;

	for (size_t i = 0; i < n; i++) {
		double xi = x[i];

		if (isnan(xi))
			continue;
		m++;
		sum += xi;
		if (xi < lo)
			lo = xi;
		if (xi > hi)
			hi = xi;
		if (whole && !lt_whole(xi))
			whole = 0;
	}
	out->n = (double)m;
	out->missing = (double)(n - m);
	if (m == 0) {
		finish(out, NAN, NAN, NAN);
		return;
	}
	mean0 = sum / (double)m;
	for (size_t i = 0; i < n; i++) {
		double d = x[i] - mean0, d2;

		if (isnan(d))
			continue;
		d2 = d * d;
		d1 += d;
		c2 += d2;
		c3 += d2 * d;
		c4 += d2 * d2;
	}
	/* moments about the true mean, mean0 + dl, from those about mean0 */
	dl = d1 / (double)m;
	c2 /= (double)m;
	c3 /= (double)m;
	c4 /= (double)m;
	c4 = c4 - 4 * dl * c3 + 6 * dl * dl * c2 - 3 * dl * dl * dl * dl;
	c3 = c3 - 3 * dl * c2 + 2 * dl * dl * dl;
	c2 = c2 - dl * dl;
	out->mean = mean0 + dl;
	out->sd = m > 1 ? sqrt((c2 > 0 ? c2 : 0) * (double)m / (double)(m - 1)) : NAN;
	out->min = lo;
	out->max = hi;
	if (!whole || !count_quartiles(x, n, m, lo, hi, q)) {
		double *v = lt_malloc(m * sizeof *v);
		size_t k = 0;

		for (size_t i = 0; i < n; i++)
			if (!isnan(x[i]))
				v[k++] = x[i];
		select_quartiles(v, m, q);
		free(v);
	}
	out->q1 = q[0];
	out->median = q[1];
	out->q3 = q[2];
	finish(out, c2, c3, c4);
}

void
lt_stats_summary(const double *x, const double *w, size_t n, lt_summary *out)
{
	size_t m = 0;

	out->n = out->missing = 0;
	out->mean = out->sd = out->min = out->q1 = NAN;
	out->median = out->q3 = out->max = NAN;
	if (w == NULL) {
		summary_plain(x, n, out);
		return;
	}
	{
		pair *v = lt_malloc((n ? n : 1) * sizeof *v);
		double *xs, *ws, sw = 0, mean = 0, ss = 0;

		for (size_t i = 0; i < n; i++) {
			if (!(w[i] > 0) || isinf(w[i]))
				continue;
			if (isnan(x[i])) {
				out->missing += w[i];
				continue;
			}
			v[m].x = x[i];
			v[m++].w = w[i];
		}
		qsort(v, m, sizeof *v, cmp_pair);
		/* West's weighted running mean and sum of squares. */
		for (size_t i = 0; i < m; i++) {
			double d, r;

			sw += v[i].w;
			d = v[i].x - mean;
			r = d * v[i].w / sw;
			mean += r;
			ss += (sw - v[i].w) * d * r;
		}
		out->n = sw;
		if (m > 0) {
			xs = lt_malloc(m * sizeof *xs);
			ws = lt_malloc(m * sizeof *ws);
			for (size_t i = 0; i < m; i++) {
				xs[i] = v[i].x;
				ws[i] = v[i].w;
			}
			out->mean = mean;
			out->sd = sw > 1 ? sqrt(ss / (sw - 1)) : NAN;
			out->min = xs[0];
			out->max = xs[m - 1];
			out->q1 = lt_stats_quantile_sorted(xs, ws, m, 0.25);
			out->median = lt_stats_quantile_sorted(xs, ws, m, 0.5);
			out->q3 = lt_stats_quantile_sorted(xs, ws, m, 0.75);
			free(xs);
			free(ws);
		}
		free(v);
		weighted_moments(out, x, w, n);
	}
}
