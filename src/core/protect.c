/*
 * protect.c - helpers the analysis commands share to protect their own
 * counts and statistics before the disclosure pass sees them (protect.h).
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "protect.h"

const lt_sdc_profile *
lt_protect_active(lt_session *s)
{
	const lt_sdc_profile *p = lt_session_profile(s);

	if (p == NULL || (p->hide_below == 0 && p->round_to == 0 && p->stat_min == 0))
		return NULL;
	return p;
}

/* A shown cell holding v. */
static void
shown(lt_sdc_cell *c, double v)
{
	c->value = v;
	c->state = LT_SDC_SHOWN;
	c->why = NULL;
}

int
lt_protect_vec(lt_session *s, const char *key, const char *const *labels,
    const double *counts, size_t n, lt_sdc_vec *out, lt_error *err)
{
	double total = 0;

	if (lt_protect_active(s) != NULL)
		return lt_session_protect_vec(s, key, labels, counts, n, out, err);
	memset(out, 0, sizeof *out);
	out->n = n;
	out->cells = lt_calloc(n + 1, sizeof *out->cells);
	for (size_t i = 0; i < n; i++) {
		shown(&out->cells[i], counts[i]);
		total += counts[i];
	}
	shown(&out->total, total);
	return 0;
}

int
lt_protect_tab(lt_session *s, const char *key, const char *const *rlabels,
    const char *const *clabels, const double *counts, size_t rows, size_t cols,
    lt_sdc_tab *out, lt_error *err)
{
	double total = 0;

	if (lt_protect_active(s) != NULL)
		return lt_session_protect_tab(s, key, rlabels, clabels, counts, rows, cols,
		    out, err);
	memset(out, 0, sizeof *out);
	out->rows = rows;
	out->cols = cols;
	out->cells = lt_calloc(rows * cols + 1, sizeof *out->cells);
	out->row_total = lt_calloc(rows + 1, sizeof *out->row_total);
	out->col_total = lt_calloc(cols + 1, sizeof *out->col_total);
	for (size_t i = 0; i < rows; i++)
		shown(&out->row_total[i], 0);
	for (size_t j = 0; j < cols; j++)
		shown(&out->col_total[j], 0);
	for (size_t i = 0; i < rows; i++)
		for (size_t j = 0; j < cols; j++) {
			double v = counts[i * cols + j];

			shown(&out->cells[i * cols + j], v);
			out->row_total[i].value += v;
			out->col_total[j].value += v;
			total += v;
		}
	shown(&out->total, total);
	return 0;
}

void
lt_protect_put(lt_table *t, size_t row, size_t col, const lt_sdc_cell *c)
{
	if (LT_SHOWN(c))
		lt_table_num(t, row, col, c->value);
	else
		lt_table_hide(t, row, col, c->why);
}

int
lt_protect_one(lt_session *s, const char *key, double count, double *v, lt_error *err)
{
	static const char *const label[] = { "n" };
	lt_sdc_vec out;
	int rc;

	if ((rc = lt_protect_vec(s, key, label, &count, 1, &out, err)) != 0)
		return rc;
	*v = LT_SHOWN(&out.cells[0]) ? out.cells[0].value : NAN;
	lt_sdc_vec_free(&out);
	return 0;
}

char *
lt_protect_stat_why(lt_session *s, double n)
{
	const lt_sdc_profile *p = lt_protect_active(s);

	if (p == NULL || !lt_sdc_stat_hidden(p, n))
		return NULL;
	return lt_sdc_why(p, LT_SDC_STAT);
}

void
lt_protect_num(lt_table *t, size_t row, size_t col, double v, const char *why)
{
	if (why != NULL)
		lt_table_hide(t, row, col, why);
	else if (!isnan(v))
		lt_table_num(t, row, col, v);
}

void
lt_protect_number(lt_result *r, const char *key, const char *label, double v,
    const char *unit, const char *why)
{
	lt_result_number(r, key, label, why != NULL ? NAN : v, unit);
	if (why != NULL)
		lt_result_hide_item(r, r->nitems - 1, why);
}

void
lt_protect_count(lt_result *r, const char *key, const char *label, const lt_sdc_cell *c)
{
	lt_protect_number(r, key, label, c->value, NULL, c->why);
}

void
lt_protect_method(lt_session *s, lt_result *r)
{
	const lt_sdc_profile *p = lt_protect_active(s);

	if (p == NULL)
		return;
	lt_result_method(r, "Disclosure control (profile %s): counts are protected first, and "
	    "percentages and statistics are computed from the protected counts.", p->name);
}

int
lt_protect_unnamed(lt_session *s, const lt_var *v)
{
	return lt_protect_active(s) != NULL && v->nlevels == 0;
}

char *
lt_protect_other_why(lt_session *s, const lt_sdc_cell *cells, size_t n)
{
	const lt_sdc_profile *p = lt_session_profile(s);
	int small = 1;

	for (size_t i = 0; i < n; i++)
		if (!LT_SHOWN(&cells[i]) && cells[i].state != LT_SDC_SMALL)
			small = 0;
	if (small && p != NULL && p->hide_below > 0)
		return lt_sprintf("values held by fewer than %d people are not listed",
		    p->hide_below);
	return lt_strdup("values whose counts are hidden are not listed");
}

void
lt_protect_whys_free(char **whys, size_t n)
{
	if (whys == NULL)
		return;
	for (size_t i = 0; i < n; i++)
		free(whys[i]);
	free(whys);
}

int
lt_protect_sums(lt_session *s, const char *key, const char *const *columns,
    size_t ncols, const char *const *labels, const double *people, size_t n,
    char ***whys, lt_error *err)
{
	char **w = lt_calloc(n + 1, sizeof *w);
	char *all_why = NULL;
	lt_sdc_vec pv = { 0 };
	double total = 0;
	int rc;

	*whys = w;
	if (lt_protect_active(s) == NULL)
		return 0;
	for (size_t j = 0; j < n; j++)
		total += people[j];
	/* All the groups together, under a key every command shares. */
	for (size_t c = 0; c < ncols && all_why == NULL; c++) {
		static const char *const all[] = { "all" };
		lt_sdc_vec one;
		char *k = lt_sprintf("sum %s", columns[c]);

		rc = lt_protect_vec(s, k, all, &total, 1, &one, err);
		free(k);
		if (rc != 0)
			return rc;
		if (!LT_SHOWN(&one.cells[0]))
			all_why = lt_strdup(one.cells[0].why);
		lt_sdc_vec_free(&one);
	}
	if ((rc = lt_protect_vec(s, key, labels, people, n, &pv, err)) != 0) {
		free(all_why);
		return rc;
	}
	for (size_t j = 0; j < n; j++) {
		if ((w[j] = lt_protect_stat_why(s, people[j])) != NULL)
			continue;
		if (all_why != NULL)
			w[j] = lt_strdup(all_why);
		else if (!LT_SHOWN(&pv.cells[j]) && people[j] > 0)
			w[j] = lt_strdup(pv.cells[j].why);
	}
	free(all_why);
	lt_sdc_vec_free(&pv);
	return 0;
}

int
lt_protect_density(lt_session *s, const char *key, const double *x, const double *y,
    size_t n, lt_density *d, lt_error *err)
{
	const lt_sdc_profile *p = lt_protect_active(s);
	double *counts;
	char **rl, **cl;
	int rc;

	memset(d, 0, sizeof *d);
	if (n == 0 || (p != NULL && lt_sdc_stat_hidden(p, (double)n)))
		return 0;
	d->nx = lt_chart_bins(x, n, LT_DENSITY_X, d->xe);
	d->ny = d->nx > 0 ? lt_chart_bins(y, n, LT_DENSITY_Y, d->ye) : 0;
	if (d->nx == 0 || d->ny == 0)
		return 0;
	counts = lt_calloc(d->nx * d->ny, sizeof *counts);
	for (size_t i = 0; i < n; i++)
		counts[lt_chart_bin_of(d->ye, d->ny, y[i]) * d->nx +
		    lt_chart_bin_of(d->xe, d->nx, x[i])] += 1;
	rl = lt_calloc(d->ny + 1, sizeof *rl);
	cl = lt_calloc(d->nx + 1, sizeof *cl);
	for (size_t j = 0; j < d->ny; j++)
		rl[j] = lt_sprintf("%.17g", d->ye[j]);
	for (size_t k = 0; k < d->nx; k++)
		cl[k] = lt_sprintf("%.17g", d->xe[k]);
	rc = lt_protect_tab(s, key, (const char *const *)rl, (const char *const *)cl, counts,
	    d->ny, d->nx, &d->tab, err);
	lt_strv_free(rl);
	lt_strv_free(cl);
	free(counts);
	if (rc != 0) {
		d->nx = d->ny = 0;
		return rc;
	}
	return 1;
}

void
lt_density_table(lt_table *t, const lt_density *d)
{
	static const char *const names[] = { "x_from", "x_to", "y_from", "y_to", "count" };
	static const char *const labels[] = { "X from", "X to", "Y from", "Y to", "People" };

	for (size_t c = 0; c < 5; c++) {
		lt_table_column(t, names[c], labels[c], c < 4 ? LT_RC_NUMBER : LT_RC_COUNT);
		t->cols[c].detail = 1;	/* the chart shows them */
	}
	for (size_t j = 0; j < d->ny; j++)
		for (size_t k = 0; k < d->nx; k++) {
			size_t row = lt_table_row(t);

			lt_table_num(t, row, 0, d->xe[k]);
			lt_table_num(t, row, 1, d->xe[k + 1]);
			lt_table_num(t, row, 2, d->ye[j]);
			lt_table_num(t, row, 3, d->ye[j + 1]);
			lt_protect_put(t, row, 4, &d->tab.cells[j * d->nx + k]);
		}
	t->protected = 1;
}

void
lt_density_free(lt_density *d)
{
	if (d->nx > 0 && d->ny > 0)
		lt_sdc_tab_free(&d->tab);
	memset(d, 0, sizeof *d);
}
