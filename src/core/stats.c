/*
 * stats.c - descriptive statistics.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
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
 * The moments-based numbers of a summary whose n, mean and sd are set:
 * standard error, t-based 95% CI of the mean, skewness G1 and excess
 * kurtosis G2 (Joanes & Gill 1998, "type 2", as SPSS and Excel), from
 * frequency-weighted central moments m_k = sum w (x - mean)^k / n.
 */
static void
moments(lt_summary *out, const double *x, const double *w, size_t n)
{
	double N = out->n, m2 = 0, m3 = 0, m4 = 0;

	out->iqr = out->q3 - out->q1;
	out->se = out->ci_lo = out->ci_hi = out->skew = out->kurt = NAN;
	if (N < 2)
		return;
	out->se = out->sd / sqrt(N);
	out->ci_lo = out->mean - gsl_cdf_tdist_Qinv(0.025, N - 1) * out->se;
	out->ci_hi = out->mean + gsl_cdf_tdist_Qinv(0.025, N - 1) * out->se;
	for (size_t i = 0; i < n; i++) {
		double wi = w != NULL ? w[i] : 1, d, d2;

		if (isnan(x[i]) || isnan(wi) || wi <= 0 || isinf(wi))
			continue;
		d = x[i] - out->mean;
		d2 = d * d;
		m2 += wi * d2;
		m3 += wi * d2 * d;
		m4 += wi * d2 * d2;
	}
	m2 /= N;
	m3 /= N;
	m4 /= N;
	if (m2 <= 0)
		return;
	if (N > 2)
		out->skew = m3 / pow(m2, 1.5) * sqrt(N * (N - 1)) / (N - 2);
	if (N > 3)
		out->kurt = ((N + 1) * (m4 / (m2 * m2) - 3) + 6) * (N - 1) / ((N - 2) * (N - 3));
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
 * The type 7 quantile p of v[0..m), partly ordered by earlier calls so
 * that everything before *from is no larger than anything after it; p must
 * not be below the earlier calls' p. Reorders v.
 */
static double
select_quantile(double *v, size_t m, size_t *from, double p)
{
	double h = (double)(m - 1) * p, b;
	size_t k = (size_t)floor(h);

	if (k >= m - 1) {
		nth(v, (ptrdiff_t)*from, (ptrdiff_t)m, (ptrdiff_t)m - 1);
		return v[m - 1];
	}
	nth(v, (ptrdiff_t)*from, (ptrdiff_t)m, (ptrdiff_t)k);
	b = v[k + 1];
	for (size_t i = k + 2; i < m; i++)
		if (v[i] < b)
			b = v[i];
	*from = k;
	return interpolate(v[k], b, h - floor(h));
}

void
lt_stats_summary(const double *x, const double *w, size_t n, lt_summary *out)
{
	size_t m = 0;

	out->n = out->missing = 0;
	out->mean = out->sd = out->min = out->q1 = NAN;
	out->median = out->q3 = out->max = NAN;
	if (w == NULL) {
		double *v = lt_malloc((n ? n : 1) * sizeof *v);

		for (size_t i = 0; i < n; i++)
			if (!isnan(x[i]))
				v[m++] = x[i];
		out->n = (double)m;
		out->missing = (double)(n - m);
		if (m > 0) {
			size_t from = 0;

			out->mean = gsl_stats_mean(v, 1, m);
			out->sd = m > 1 ? gsl_stats_sd_m(v, 1, m, out->mean) : NAN;
			out->min = out->max = v[0];
			for (size_t i = 1; i < m; i++) {
				if (v[i] < out->min)
					out->min = v[i];
				if (v[i] > out->max)
					out->max = v[i];
			}
			out->q1 = select_quantile(v, m, &from, 0.25);
			out->median = select_quantile(v, m, &from, 0.5);
			out->q3 = select_quantile(v, m, &from, 0.75);
		}
		free(v);
		moments(out, x, NULL, n);
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
		moments(out, x, w, n);
	}
}
