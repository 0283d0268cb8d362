/*
 * test_sdc.c - unit tests for disclosure control (sdc.c): each profile's
 * rules, rounding with ties, suppression of count vectors and tables, and
 * the differencing check.
 *
 * The suppression tests do not trust the algorithm's own audit. An
 * independent attacker here (attack_run) enumerates every assignment of
 * whole numbers to the hidden cells that agrees with what was published:
 * the shown cells and totals (taken exactly, the worst case: rounding only
 * helps), and what each hidden cell's reason says (a small one is 1..7, one
 * hidden to protect it is 8 or more). A hidden small count is safe when
 * at least half the values its reason allows are still possible (4 of
 * 1..7; sdc.h says why). The attacker is itself tested on suppression
 * patterns known to leak.
 */
#include "config.h"

#include "test_common.h"

#include <math.h>

#include "sdc.h"

/* ------------------------------------------------------------ the attacker */

/* A published number that is not part of the layout being attacked. */
#define FREE	(-1)

/*
 * An attack on a table laid out with its margins: (rows + 1) x (cols + 1)
 * entries, row-major, row totals in the last column, column totals in the
 * last row, the grand total last. x: the true values; state: what was
 * published (enum lt_sdc_state, or FREE for a number that is not
 * published and so says nothing, e.g. the "row totals" of a vector laid
 * out as one column).
 */
typedef struct attack {
	size_t rows, cols, wd;
	const int *x;
	const int *state;
	int hb;			/* the profile's hide_below */
	int ub;			/* an upper bound on every count: the grand total
				   when shown, else what its reason allows */
	int *y;			/* the assignment being tried */
	size_t *last_row;	/* [rows]: the last hidden cell of each row */
	size_t *last_col;	/* [cols]: the last hidden cell of each column */
	int *fmin, *fmax;	/* per entry: smallest, largest feasible value */
	unsigned *seen;		/* per entry: bit v set when v (< 32) is feasible */
	long solutions;		/* assignments that agree with everything */
} attack;

static int
at_hidden(const attack *a, size_t e)
{
	return a->state[e] != LT_SDC_SHOWN;
}

/* What an entry's reason tells the attacker: [*lo, *hi]. */
static void
at_prior(const attack *a, size_t e, int *lo, int *hi)
{
	switch (a->state[e]) {
	case LT_SDC_SHOWN:
		*lo = *hi = a->x[e];
		break;
	case LT_SDC_SMALL:
		*lo = 1;
		*hi = a->hb - 1;
		break;
	case LT_SDC_SECONDARY:
		*lo = a->hb;
		*hi = a->ub;
		break;
	default:		/* LT_SDC_DIFF, FREE: anything */
		*lo = 0;
		*hi = a->ub;
		break;
	}
}

static int
at_fits(const attack *a, size_t e, int v)
{
	int lo, hi;

	at_prior(a, e, &lo, &hi);
	return v >= lo && v <= hi;
}

/* Record one assignment that agrees with everything published. */
static void
at_record(attack *a)
{
	size_t n = (a->rows + 1) * a->wd;

	a->solutions++;
	for (size_t e = 0; e < n; e++) {
		if (a->y[e] < a->fmin[e])
			a->fmin[e] = a->y[e];
		if (a->y[e] > a->fmax[e])
			a->fmax[e] = a->y[e];
		if (a->y[e] >= 0 && a->y[e] < 32)
			a->seen[e] |= 1u << a->y[e];
	}
}

/* All cells are set: compute the margins, check them, record. */
static void
at_leaf(attack *a)
{
	size_t r = a->rows, c = a->cols, wd = a->wd;
	int g = 0;

	for (size_t i = 0; i <= r; i++)
		a->y[i * wd + c] = 0;
	for (size_t j = 0; j <= c; j++)
		a->y[r * wd + j] = 0;
	for (size_t i = 0; i < r; i++)
		for (size_t j = 0; j < c; j++) {
			int v = a->y[i * wd + j];

			a->y[i * wd + c] += v;
			a->y[r * wd + j] += v;
			g += v;
		}
	a->y[r * wd + c] = g;
	for (size_t i = 0; i <= r; i++)
		if (!at_fits(a, i * wd + c, a->y[i * wd + c]))
			return;
	for (size_t j = 0; j < c; j++)
		if (!at_fits(a, r * wd + j, a->y[r * wd + j]))
			return;
	at_record(a);
}

/* The sum of n cells, step apart from cell first, other than number skip. */
static int
at_line_rest(const attack *a, size_t first, size_t step, size_t n, size_t skip)
{
	int s = 0;

	for (size_t k = 0; k < n; k++)
		if (k != skip)
			s += a->y[first + k * step];
	return s;
}

/* The sum of row i's cells other than column j (later hidden cells: 0). */
static int
at_row_rest(const attack *a, size_t i, size_t j)
{
	return at_line_rest(a, i * a->wd, 1, a->cols, j);
}

/* The sum of column j's cells other than row i (later hidden cells: 0). */
static int
at_col_rest(const attack *a, size_t i, size_t j)
{
	return at_line_rest(a, j, a->wd, a->rows, i);
}

static void at_cell(attack *a, size_t k);

/* The sum of all cells so far (later hidden cells: 0). */
static int
at_partial(const attack *a)
{
	int s = 0;

	for (size_t i = 0; i < a->rows; i++)
		for (size_t j = 0; j < a->cols; j++)
			s += a->y[i * a->wd + j];
	return s;
}

/*
 * Cell k is set: when it completes its row or column, that total must
 * fit what is known of it; then go on to the next cell.
 */
static void
at_next(attack *a, size_t k)
{
	size_t i = k / a->cols, j = k % a->cols;
	int lo, hi, s;

	if (j + 1 == a->cols) {
		s = at_row_rest(a, i, a->cols);
		at_prior(a, i * a->wd + a->cols, &lo, &hi);
		if (s < lo || s > hi)
			return;
	}
	if (i + 1 == a->rows) {
		s = at_col_rest(a, a->rows, j);
		at_prior(a, a->rows * a->wd + j, &lo, &hi);
		if (s < lo || s > hi)
			return;
	}
	at_cell(a, k + 1);
}

/* Cell number k (cell e) is fixed by its row or column total to v: go on. */
static void
at_fixed(attack *a, size_t k, size_t e, int v)
{
	a->y[e] = v;
	if (at_fits(a, e, a->y[e]))
		at_next(a, k);
	a->y[e] = 0;
}

/*
 * Try every value for cell number k (row-major) onwards. The last hidden
 * cell of a row whose total is shown is fixed by it (likewise a column);
 * other hidden cells run over what their reason allows, stopping when a
 * row, column or grand total's upper bound is passed.
 */
static void
at_cell(attack *a, size_t k)
{
	size_t i, j, e, rt, ct, gt;
	int lo, hi, rhi, chi, ghi, dummy;

	if (k == a->rows * a->cols) {
		at_leaf(a);
		return;
	}
	i = k / a->cols;
	j = k % a->cols;
	e = i * a->wd + j;
	rt = i * a->wd + a->cols;
	ct = a->rows * a->wd + j;
	gt = a->rows * a->wd + a->cols;
	if (!at_hidden(a, e)) {
		at_next(a, k);
		return;
	}
	if (a->last_row[i] == j && !at_hidden(a, rt)) {
		at_fixed(a, k, e, a->x[rt] - at_row_rest(a, i, j));
		return;
	}
	if (a->last_col[j] == i && !at_hidden(a, ct)) {
		at_fixed(a, k, e, a->x[ct] - at_col_rest(a, i, j));
		return;
	}
	at_prior(a, e, &lo, &hi);
	at_prior(a, rt, &dummy, &rhi);
	at_prior(a, ct, &dummy, &chi);
	at_prior(a, gt, &dummy, &ghi);
	for (int v = lo; v <= hi; v++) {
		a->y[e] = v;
		if (at_row_rest(a, i, a->cols) > rhi ||
		    at_col_rest(a, a->rows, j) > chi || at_partial(a) > ghi)
			break;
		at_next(a, k);
	}
	a->y[e] = 0;
}

/*
 * Run the attack. y starts with the shown cells filled in and hidden
 * ones 0, so partial sums count only what is fixed so far.
 */
static void
attack_run(attack *a, size_t rows, size_t cols, const int *x,
    const int *state, int hb)
{
	size_t n = (rows + 1) * (cols + 1);

	a->rows = rows;
	a->cols = cols;
	a->wd = cols + 1;
	a->x = x;
	a->state = state;
	a->hb = hb;
	/* The grand total when it is shown; when small, at most hb - 1;
	   else (differencing) a generous bound, twice the truth. */
	a->ub = state[n - 1] == LT_SDC_SHOWN ? x[n - 1] :
	    state[n - 1] == LT_SDC_SMALL ? hb - 1 : 2 * x[n - 1] + 2 * hb;
	a->y = calloc(n, sizeof *a->y);
	a->fmin = calloc(n, sizeof *a->fmin);
	a->fmax = calloc(n, sizeof *a->fmax);
	a->seen = calloc(n, sizeof *a->seen);
	a->last_row = calloc(rows, sizeof *a->last_row);
	a->last_col = calloc(cols, sizeof *a->last_col);
	a->solutions = 0;
	for (size_t e = 0; e < n; e++) {
		a->fmin[e] = INT32_MAX;
		a->fmax[e] = -1;
	}
	for (size_t i = 0; i < rows; i++)
		a->last_row[i] = SIZE_MAX;
	for (size_t j = 0; j < cols; j++)
		a->last_col[j] = SIZE_MAX;
	for (size_t i = 0; i < rows; i++)
		for (size_t j = 0; j < cols; j++) {
			size_t e = i * a->wd + j;

			if (at_hidden(a, e)) {
				a->last_row[i] = j;
				a->last_col[j] = i;
			} else
				a->y[e] = x[e];
		}
	at_cell(a, 0);
}

static void
attack_free(attack *a)
{
	free(a->y);
	free(a->fmin);
	free(a->fmax);
	free(a->seen);
	free(a->last_row);
	free(a->last_col);
}

/* How many whole values 1..hb-1 entry e could still be. */
static int
at_small_left(const attack *a, size_t e)
{
	int n = 0;

	for (int v = 1; v < a->hb; v++)
		n += (a->seen[e] >> v) & 1;
	return n;
}

/* 1 when the attacker pins entry e to one value. */
static int
at_recovered(const attack *a, size_t e)
{
	return a->fmin[e] == a->fmax[e];
}

/* Print the layout: true values, "S" small, "s" secondary, "d", "w". */
static void
at_dump(const attack *a)
{
	const char *mark = " Ssd..w";

	for (size_t i = 0; i <= a->rows; i++) {
		for (size_t j = 0; j <= a->cols; j++) {
			size_t e = i * a->wd + j;
			int st = a->state[e];

			print_error("%5d%c", a->x[e], st == FREE ? 'f' : mark[st]);
		}
		print_error("\n");
	}
}

/* Half the values 1..hb-1, rounded down: 4 for hb 8, 5 for hb 10. */
static int
at_need(const attack *a)
{
	return a->hb / 2 > 1 ? a->hb / 2 : 1;
}

/*
 * After an attack: the truth is among the solutions (else the attacker
 * is wrong), and each hidden small count could still be any of at least
 * at_need() values; so could a differencing one. A withheld one is not
 * recovered.
 */
static void
assert_attack_fails(const attack *a)
{
	size_t n = (a->rows + 1) * a->wd;

	assert_true(a->solutions >= 1);
	for (size_t e = 0; e < n; e++) {
		if (a->state[e] == LT_SDC_SMALL) {
			if (at_small_left(a, e) < at_need(a))
			{
				print_error("entry %zu (true %d): values %d..%d, "
				    "%d of 1..%d possible\n", e, a->x[e],
				    a->fmin[e], a->fmax[e],
				    at_small_left(a, e), a->hb - 1);
				at_dump(a);
			}
			assert_true(at_small_left(a, e) >= at_need(a));
		} else if (a->state[e] == LT_SDC_DIFF) {
			if (a->fmax[e] - a->fmin[e] + 1 < at_need(a)) {
				print_error("entry %zu (true %d): values %d..%d\n",
				    e, a->x[e], a->fmin[e], a->fmax[e]);
				at_dump(a);
			}
			assert_true(a->fmax[e] - a->fmin[e] + 1 >= at_need(a));
		}
		else if (a->state[e] == LT_SDC_WITHHELD)
			assert_false(at_recovered(a, e));
	}
}

/* ------------------------------------------------------------ layouts */

/* A protected table's true values and states, laid out for the attacker. */
static void
tab_layout(const lt_sdc_tab *t, const int *counts, int *x, int *state)
{
	size_t r = t->rows, c = t->cols, wd = c + 1;

	memset(x, 0, (r + 1) * wd * sizeof *x);
	for (size_t i = 0; i < r; i++)
		for (size_t j = 0; j < c; j++) {
			int v = counts[i * c + j];

			x[i * wd + j] = v;
			x[i * wd + c] += v;
			x[r * wd + j] += v;
			x[r * wd + c] += v;
			state[i * wd + j] = t->cells[i * c + j].state;
		}
	for (size_t i = 0; i < r; i++)
		state[i * wd + c] = t->row_total[i].state;
	for (size_t j = 0; j < c; j++)
		state[r * wd + j] = t->col_total[j].state;
	state[r * wd + c] = t->total.state;
}

/*
 * A vector as one column of an n x 1 layout: the cells, their total at
 * the foot. The "row totals" would repeat each cell and are not
 * published: FREE. The grand total is the same number as the column
 * total and is given that state.
 */
static void
vec_layout(const lt_sdc_vec *v, const int *counts, int *x, int *state)
{
	size_t n = v->n;
	int sum = 0;

	for (size_t i = 0; i < n; i++) {
		x[i * 2] = x[i * 2 + 1] = counts[i];
		state[i * 2] = v->cells[i].state;
		state[i * 2 + 1] = FREE;
		sum += counts[i];
	}
	x[n * 2] = x[n * 2 + 1] = sum;
	state[n * 2] = state[n * 2 + 1] = v->total.state;
}

/*
 * A withheld table leaves the attacker only its grand total: every cell
 * and every row and column total must say so (then there is nothing to
 * enumerate, and with two or more cells nothing to recover).
 */
static void
assert_withheld(const int *state, size_t n)
{
	for (size_t e = 0; e + 1 < n; e++)
		if (state[e] != FREE)
			assert_int_equal(state[e], LT_SDC_WITHHELD);
	assert_int_not_equal(state[n - 1], LT_SDC_WITHHELD);
}

/*
 * The attack on a protected layout of rows x cols counts (x and state,
 * nstate numbers, freed here): withheld, every number is hidden with one
 * reason; otherwise the attacker recovers no small count.
 */
static void
layout_check(const lt_sdc_profile *p, int withheld, size_t rows, size_t cols,
    int *x, int *state, size_t nstate)
{
	attack a;

	if (withheld) {
		assert_withheld(state, nstate);
	} else {
		attack_run(&a, rows, cols, x, state, p->hide_below);
		assert_attack_fails(&a);
		attack_free(&a);
	}
	free(x);
	free(state);
}

/* counts as doubles, for the protect functions (caller frees). */
static double *
counts_double(const int *counts, size_t n)
{
	double *d = calloc(n + 1, sizeof *d);

	for (size_t i = 0; i < n; i++)
		d[i] = counts[i];
	return d;
}

/* Protect a vector of whole counts and attack it. */
static void
vec_check(const lt_sdc_profile *p, const int *counts, size_t n,
    const unsigned char *force, lt_sdc_vec *v)
{
	double *d = counts_double(counts, n);
	int *x = calloc((n + 1) * 2, sizeof *x);
	int *state = calloc((n + 1) * 2, sizeof *state);

	assert_int_equal(lt_sdc_protect_vec(p, d, n, force, v, NULL), 0);
	free(d);
	vec_layout(v, counts, x, state);
	/* Withheld: the column total and the grand total are the same number. */
	layout_check(p, v->withheld, n, 1, x, state, (n + 1) * 2 - 1);
}

/* Protect a table of whole counts and attack it. */
static void
tab_check(const lt_sdc_profile *p, const int *counts, size_t rows,
    size_t cols, const unsigned char *force, lt_sdc_tab *t)
{
	size_t n = (rows + 1) * (cols + 1);
	double *d = counts_double(counts, rows * cols);
	int *x = calloc(n, sizeof *x);
	int *state = calloc(n, sizeof *state);

	assert_int_equal(lt_sdc_protect_tab(p, d, rows, cols, force, t, NULL), 0);
	free(d);
	tab_layout(t, counts, x, state);
	layout_check(p, t->withheld, rows, cols, x, state, n);
}

/*
 * What every protected number must look like: shown ones rounded as the
 * profile says and never a small count; hidden ones NaN with a reason.
 */
static void
assert_cell_ok(const lt_sdc_profile *p, const lt_sdc_cell *c, double truth)
{
	if (c->state == LT_SDC_SHOWN) {
		assert_null(c->why);
		assert_false(lt_sdc_count_hidden(p, truth));
		assert_true(c->value == lt_sdc_round(truth, p->round_to));
	} else {
		assert_true(isnan(c->value));
		assert_non_null(c->why);
		assert_true(strlen(c->why) > 0);
		/* Zeros are hidden only when the whole table is withheld
		   or when differencing asks. */
		if (c->state != LT_SDC_WITHHELD && c->state != LT_SDC_DIFF)
			assert_true(truth > 0);
	}
}

static void
assert_tab_ok(const lt_sdc_profile *p, const lt_sdc_tab *t, const int *counts)
{
	double g = 0;

	for (size_t i = 0; i < t->rows; i++) {
		double r = 0;

		for (size_t j = 0; j < t->cols; j++) {
			assert_cell_ok(p, &t->cells[i * t->cols + j],
			    counts[i * t->cols + j]);
			r += counts[i * t->cols + j];
		}
		assert_cell_ok(p, &t->row_total[i], r);
		g += r;
	}
	for (size_t j = 0; j < t->cols; j++) {
		double c = 0;

		for (size_t i = 0; i < t->rows; i++)
			c += counts[i * t->cols + j];
		assert_cell_ok(p, &t->col_total[j], c);
	}
	assert_cell_ok(p, &t->total, g);
}

/*
 * The standard rule, which our stricter rule implies: in every row and
 * column (with its total) there is not exactly one hidden number.
 */
static void
assert_two_per_line(const lt_sdc_tab *t)
{
	size_t r = t->rows, c = t->cols;

	for (size_t i = 0; i < r; i++) {
		int h = t->row_total[i].state != LT_SDC_SHOWN;

		for (size_t j = 0; j < c; j++)
			h += t->cells[i * c + j].state != LT_SDC_SHOWN;
		assert_int_not_equal(h, 1);
	}
	for (size_t j = 0; j < c; j++) {
		int h = t->col_total[j].state != LT_SDC_SHOWN;

		for (size_t i = 0; i < r; i++)
			h += t->cells[i * c + j].state != LT_SDC_SHOWN;
		assert_int_not_equal(h, 1);
	}
}

static const lt_sdc_profile *
profile(const char *name)
{
	const lt_sdc_profile *p = lt_sdc_find(name);

	assert_non_null(p);
	return p;
}

/* ------------------------------------------------------------ profiles */

/* Each profile's rules, read off the table. */
static void
test_profile_rules(void **state)
{
	const lt_sdc_profile *os = profile("opensafely"), *nhs = profile("nhs");
	const lt_sdc_profile *ten = profile("ten"), *none = profile("none");

	(void)state;
	assert_int_equal(lt_sdc_nprofiles, 4);
	assert_ptr_equal(lt_sdc_find(LT_SDC_DEFAULT), os);
	assert_ptr_equal(lt_sdc_find("OpenSAFELY"), os);
	assert_null(lt_sdc_find("nope"));
	assert_null(lt_sdc_find(NULL));

	/* opensafely: counts 1-7 hidden, 0 and 8 shown; rounded to 5;
	   statistics of 7 or fewer hidden; no extremes; 0/100% flagged. */
	assert_false(lt_sdc_count_hidden(os, 0));
	assert_true(lt_sdc_count_hidden(os, 1));
	assert_true(lt_sdc_count_hidden(os, 7));
	assert_false(lt_sdc_count_hidden(os, 8));
	assert_int_equal(os->round_to, 5);
	assert_true(lt_sdc_stat_hidden(os, 7));
	assert_false(lt_sdc_stat_hidden(os, 8));
	assert_true(os->no_extremes);
	assert_true(os->flag_all_or_none);
	assert_false(os->rows_ok);
	assert_true(os->secondary);
	assert_false(os->star);

	/* nhs: 1-7 shown as "*", others rounded to 5. */
	assert_true(lt_sdc_count_hidden(nhs, 7));
	assert_false(lt_sdc_count_hidden(nhs, 8));
	assert_true(nhs->star);
	assert_int_equal(nhs->round_to, 5);
	assert_false(nhs->rows_ok);

	/* ten: anything from fewer than 10 hidden; no rounding. */
	assert_true(lt_sdc_count_hidden(ten, 9));
	assert_false(lt_sdc_count_hidden(ten, 10));
	assert_true(lt_sdc_stat_hidden(ten, 9));
	assert_false(lt_sdc_stat_hidden(ten, 10));
	assert_int_equal(ten->round_to, 0);
	assert_true(ten->secondary);

	/* none: nothing hidden, nothing rounded, rows may be shown. */
	assert_false(lt_sdc_count_hidden(none, 1));
	assert_false(lt_sdc_stat_hidden(none, 1));
	assert_int_equal(none->round_to, 0);
	assert_false(none->no_extremes);
	assert_true(none->rows_ok);
	assert_false(none->secondary);
}

/* Count the words of s and its sentences (ending in ". "). */
static void
words_sentences(const char *s, int *words, int *sentences, int *longest)
{
	int w = 0, in = 0, cur = 0;

	*words = *sentences = *longest = 0;
	for (; *s != '\0'; s++) {
		if (*s == ' ') {
			in = 0;
			continue;
		}
		if (!in) {
			w++;
			cur++;
			in = 1;
		}
		if (*s == '.' && (s[1] == ' ' || s[1] == '\0')) {
			(*sentences)++;
			if (cur > *longest)
				*longest = cur;
			cur = 0;
		}
	}
	*words = w;
}

/*
 * The explanations are for students. Their Flesch-Kincaid grade is
 * measured with GNU style while writing them (all under 9); here, a
 * guard that needs no tool: short sentences (at most 20 words, 15 on
 * average), and honesty that the rules do not make data risk-free.
 */
static void
test_profile_texts(void **state)
{
	(void)state;
	for (size_t i = 0; i < lt_sdc_nprofiles; i++) {
		const lt_sdc_profile *p = &lt_sdc_profiles[i];
		int w, s, longest;

		assert_non_null(p->summary);
		assert_non_null(p->explain);
		words_sentences(p->explain, &w, &s, &longest);
		assert_true(s >= 3);
		assert_true(longest <= 20);
		assert_true(w <= 15 * s);
		if (p->hide_below > 0)
			assert_non_null(strstr(p->explain, "no rule makes data risk-free"));
	}
}

static int
same_fields(const lt_sdc_profile *a, const lt_sdc_profile *b)
{
	return a->hide_below == b->hide_below && a->round_to == b->round_to &&
	    a->star == b->star && a->stat_min == b->stat_min &&
	    a->no_extremes == b->no_extremes &&
	    a->flag_all_or_none == b->flag_all_or_none &&
	    a->rows_ok == b->rows_ok && a->secondary == b->secondary;
}

/*
 * Tightening: field by field the stricter, whatever the order; nhs and
 * ten are not ordered, so their combination is stricter than both.
 */
static void
test_profile_tighten(void **state)
{
	const lt_sdc_profile *nhs = profile("nhs"), *ten = profile("ten");
	lt_sdc_profile t, u;
	lt_buf b = LT_BUF_INIT;

	(void)state;
	lt_sdc_tighten(&t, nhs, ten);
	lt_sdc_tighten(&u, ten, nhs);
	assert_int_equal(t.hide_below, 10);
	assert_int_equal(t.round_to, 5);
	assert_int_equal(t.stat_min, 10);
	assert_true(t.star);
	assert_string_equal(t.name, "combined");
	assert_string_equal(u.name, "combined");
	assert_true(same_fields(&t, &u));
	/* The combined rules say both: 1 to 9, and rounding to 5. */
	lt_sdc_rules(&b, &t);
	assert_non_null(strstr(lt_buf_str(&b), "1 to 9"));
	assert_non_null(strstr(lt_buf_str(&b), "nearest 5"));
	lt_buf_free(&b);

	/* Every pair: never looser than either; the same profile twice, or
	   one with none, gives that profile back by name. */
	for (size_t i = 0; i < lt_sdc_nprofiles; i++)
		for (size_t j = 0; j < lt_sdc_nprofiles; j++) {
			const lt_sdc_profile *a = &lt_sdc_profiles[i];
			const lt_sdc_profile *c = &lt_sdc_profiles[j];

			lt_sdc_tighten(&t, a, c);
			assert_true(t.hide_below >= a->hide_below);
			assert_true(t.hide_below >= c->hide_below);
			assert_true(t.stat_min >= a->stat_min);
			assert_true(t.stat_min >= c->stat_min);
			if (a->round_to > 1)
				assert_int_equal(t.round_to % a->round_to, 0);
			if (c->round_to > 1)
				assert_int_equal(t.round_to % c->round_to, 0);
			assert_true(t.no_extremes >= a->no_extremes);
			assert_true(t.flag_all_or_none >= c->flag_all_or_none);
			assert_true(t.secondary >= a->secondary);
			assert_true(t.rows_ok <= a->rows_ok && t.rows_ok <= c->rows_ok);
			if (i == j || strcmp(c->name, "none") == 0)
				assert_string_equal(t.name, a->name);
		}
	/* In place, and rounding 5 with 2 coarsens to 10. */
	t = *nhs;
	u = *nhs;
	u.round_to = 2;
	lt_sdc_tighten(&t, &t, &u);
	assert_int_equal(t.round_to, 10);
}

/* The reasons, as the renderers will print them after "hidden: ". */
static void
test_why(void **state)
{
	const lt_sdc_profile *os = profile("opensafely"), *ten = profile("ten");
	char *s;

	(void)state;
	assert_null(lt_sdc_why(os, LT_SDC_SHOWN));
	s = lt_sdc_why(os, LT_SDC_SMALL);
	assert_string_equal(s, "fewer than 8 people");
	free(s);
	s = lt_sdc_why(ten, LT_SDC_SMALL);
	assert_string_equal(s, "fewer than 10 people");
	free(s);
	s = lt_sdc_why(os, LT_SDC_DIFF);
	assert_string_equal(s, "it differs from an earlier result by fewer than 8 people");
	free(s);
	s = lt_sdc_why(ten, LT_SDC_STAT);
	assert_string_equal(s, "it comes from fewer than 10 people");
	free(s);
	s = lt_sdc_why(os, LT_SDC_SECONDARY);
	assert_non_null(strstr(s, "worked out"));
	free(s);
	s = lt_sdc_why(os, LT_SDC_EXTREME);
	assert_non_null(strstr(s, "one person"));
	free(s);
}

/* 0% and 100% flagged where the profile says so; empty groups are not. */
static void
test_all_or_none(void **state)
{
	const lt_sdc_profile *os = profile("opensafely"), *ten = profile("ten");

	(void)state;
	assert_true(lt_sdc_all_or_none(os, 0, 20));
	assert_true(lt_sdc_all_or_none(os, 20, 20));
	assert_false(lt_sdc_all_or_none(os, 19, 20));
	assert_false(lt_sdc_all_or_none(os, 0, 0));
	assert_false(lt_sdc_all_or_none(ten, 20, 20));
}

/* ------------------------------------------------------------ rounding */

/*
 * Nearest multiple; a tie goes away from zero. 12.5 and 7.5 are ties
 * between multiples of 5 (weighted counts can be halves); negatives
 * mirror positives (differences can be negative).
 */
static void
test_round(void **state)
{
	(void)state;
	assert_true(lt_sdc_round(12, 5) == 10);
	assert_true(lt_sdc_round(13, 5) == 15);
	assert_true(lt_sdc_round(12.5, 5) == 15);
	assert_true(lt_sdc_round(7.5, 5) == 10);
	assert_true(lt_sdc_round(2.5, 5) == 5);
	assert_true(lt_sdc_round(2.4999, 5) == 0);
	assert_true(lt_sdc_round(-12.5, 5) == -15);
	assert_true(lt_sdc_round(-12.4, 5) == -10);
	assert_true(lt_sdc_round(-2.5, 5) == -5);
	assert_true(lt_sdc_round(0, 5) == 0);
	assert_true(lt_sdc_round(8, 5) == 10);
	assert_true(lt_sdc_round(1e12 + 2.5, 5) == 1e12 + 5);
	/* 0.5 to 1: away from zero, not to even. */
	assert_true(lt_sdc_round(0.5, 1) == 1);
	assert_true(lt_sdc_round(2.5, 1) == 3);
	assert_true(lt_sdc_round(15, 10) == 20);
	/* No rounding, and NaN passes through. */
	assert_true(lt_sdc_round(12.5, 0) == 12.5);
	assert_true(isnan(lt_sdc_round(NAN, 5)));
	/* Every tie k*5 + 2.5 for k = -1000..1000 goes away from zero. */
	for (int k = -1000; k <= 1000; k++) {
		double v = k * 5 + 2.5, r = lt_sdc_round(v, 5);

		assert_true(fabs(r - v) == 2.5);
		assert_true(fabs(r) > fabs(v));
	}
}

/* ------------------------------------------------------------ vectors */

/*
 * Nothing small: everything shown, rounded to 5 (43 -> 45, 243 -> 245);
 * under none nothing changes.
 */
static void
test_vec_plain(void **state)
{
	const int c[] = { 120, 80, 43 };
	lt_sdc_vec v;

	(void)state;
	vec_check(profile("opensafely"), c, 3, NULL, &v);
	for (size_t i = 0; i < 3; i++)
		assert_cell_ok(profile("opensafely"), &v.cells[i], c[i]);
	assert_true(v.cells[2].value == 45);
	assert_true(v.total.value == 245);
	lt_sdc_vec_free(&v);
	vec_check(profile("none"), c, 3, NULL, &v);
	assert_true(v.cells[2].value == 43);
	assert_true(v.total.value == 243);
	lt_sdc_vec_free(&v);
}

/*
 * One small cell with the total shown: 3 = 243 - 120 - 80 unless a
 * second cell is hidden. The next smallest (80) is hidden, so the sum of
 * the two is known (123) but not how it splits; the total stays.
 */
static void
test_vec_one_small(void **state)
{
	const int c[] = { 120, 80, 3 };
	const char *names[] = { "opensafely", "nhs", "ten" };
	lt_sdc_vec v;

	(void)state;
	for (size_t k = 0; k < 3; k++) {
		const lt_sdc_profile *p = profile(names[k]);

		vec_check(p, c, 3, NULL, &v);
		assert_int_equal(v.cells[2].state, LT_SDC_SMALL);
		assert_int_equal(v.cells[1].state, LT_SDC_SECONDARY);
		assert_int_equal(v.cells[0].state, LT_SDC_SHOWN);
		assert_int_equal(v.total.state, LT_SDC_SHOWN);
		for (size_t i = 0; i < 3; i++)
			assert_cell_ok(p, &v.cells[i], c[i]);
		lt_sdc_vec_free(&v);
	}
}

/*
 * Why hiding just "the next smallest" is not enough. In {1, 8, 100}
 * (total 109) hiding 1 and 8 publishes that they add up to 9; the 8 is
 * known to be 8 or more (else it would be small), so the 1 is 1. The
 * attacker finds it (which shows the attacker works); the algorithm
 * instead hides 100, and shows 8.
 */
static void
test_vec_next_smallest_leaks(void **state)
{
	const int c[] = { 1, 8, 100 };
	int x[8], st[8];
	attack a;
	lt_sdc_vec v;

	(void)state;
	/* The naive pattern: the layout of vec_layout, by hand. */
	x[0] = x[1] = 1;
	x[2] = x[3] = 8;
	x[4] = x[5] = 100;
	x[6] = x[7] = 109;
	st[0] = LT_SDC_SMALL;
	st[2] = LT_SDC_SECONDARY;
	st[4] = st[6] = st[7] = LT_SDC_SHOWN;
	st[1] = st[3] = st[5] = FREE;
	attack_run(&a, 3, 1, x, st, 8);
	assert_true(at_recovered(&a, 0));
	assert_int_equal(a.fmin[0], 1);
	attack_free(&a);

	vec_check(profile("opensafely"), c, 3, NULL, &v);
	assert_int_equal(v.cells[0].state, LT_SDC_SMALL);
	assert_int_equal(v.cells[1].state, LT_SDC_SHOWN);
	assert_int_equal(v.cells[2].state, LT_SDC_SECONDARY);
	lt_sdc_vec_free(&v);
}

/*
 * Two small cells are not enough by themselves: {1, 1, 50, 60} with its
 * total shown says the two add up to 2, so both are 1 (the plain "two
 * per line" rule would publish that). A third cell is hidden.
 */
static void
test_vec_two_small(void **state)
{
	const int c[] = { 1, 1, 50, 60 };
	int x[10], st[10];
	attack a;
	lt_sdc_vec v;

	(void)state;
	for (size_t i = 0; i < 4; i++) {
		x[i * 2] = x[i * 2 + 1] = c[i];
		st[i * 2] = i < 2 ? LT_SDC_SMALL : LT_SDC_SHOWN;
		st[i * 2 + 1] = FREE;
	}
	x[8] = x[9] = 112;
	st[8] = st[9] = LT_SDC_SHOWN;
	attack_run(&a, 4, 1, x, st, 8);
	assert_true(at_recovered(&a, 0));
	assert_true(at_recovered(&a, 2));
	attack_free(&a);

	vec_check(profile("opensafely"), c, 4, NULL, &v);
	assert_int_equal(v.cells[2].state, LT_SDC_SECONDARY);
	assert_int_equal(v.cells[3].state, LT_SDC_SHOWN);
	assert_int_equal(v.total.state, LT_SDC_SHOWN);
	lt_sdc_vec_free(&v);
}

/*
 * {0, 3, 0, 10}: zeros are shown and never hidden to protect others (a
 * hidden zero is given away by its reason, which implies "8 or more"),
 * and the total 13 is known. Hiding the 10 leaves 3 + 10 = 13 with the
 * 10 at least 8: the small one is 1..5, five values, more than half of
 * 1..7, so that is enough.
 */
static void
test_vec_zeros(void **state)
{
	const int c[] = { 0, 3, 0, 10 };
	lt_sdc_vec v;

	(void)state;
	vec_check(profile("opensafely"), c, 4, NULL, &v);
	assert_false(v.withheld);
	assert_int_equal(v.cells[0].state, LT_SDC_SHOWN);
	assert_true(v.cells[0].value == 0);
	assert_int_equal(v.cells[1].state, LT_SDC_SMALL);
	assert_int_equal(v.cells[2].state, LT_SDC_SHOWN);
	assert_int_equal(v.cells[3].state, LT_SDC_SECONDARY);
	assert_int_equal(v.total.state, LT_SDC_SHOWN);
	assert_true(v.total.value == 15);
	lt_sdc_vec_free(&v);
}

/*
 * The reasons alone can give a count away. Under ten, {1, 10} with total
 * 11: "fewer than 10" plus "hidden to protect it, so at least 10" adding
 * to 11 means 1 and 10. Nine groups of 1 with total 9: each hidden cell
 * is at least 1, so each is 1. Both are withheld: every cell hidden with
 * one reason, zeros too; the attacker (who knows the total) then learns
 * nothing about any group. {1, 19}: 20 - 10 leaves the 1 anything from
 * 1 to 9, so nothing is withheld.
 */
static void
test_vec_reasons_leak(void **state)
{
	const int c1[] = { 1, 10 }, c9[] = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 0 };
	const int c19[] = { 1, 19 };
	int x[6], st[6];
	attack a;
	lt_sdc_vec v;
	char *why;

	(void)state;
	/* Without withholding: the attacker pins the 1. */
	x[0] = x[1] = 1;
	x[2] = x[3] = 10;
	x[4] = x[5] = 11;
	st[0] = LT_SDC_SMALL;
	st[2] = LT_SDC_SECONDARY;
	st[1] = st[3] = FREE;
	st[4] = st[5] = LT_SDC_SHOWN;
	attack_run(&a, 2, 1, x, st, 10);
	assert_true(at_recovered(&a, 0));
	attack_free(&a);

	vec_check(profile("ten"), c1, 2, NULL, &v);
	assert_true(v.withheld);
	why = lt_sdc_why(profile("ten"), LT_SDC_WITHHELD);
	for (size_t i = 0; i < 2; i++) {
		assert_int_equal(v.cells[i].state, LT_SDC_WITHHELD);
		assert_string_equal(v.cells[i].why, why);
	}
	free(why);
	assert_int_equal(v.total.state, LT_SDC_SHOWN);
	assert_true(v.total.value == 11);
	lt_sdc_vec_free(&v);
	vec_check(profile("opensafely"), c9, 10, NULL, &v);
	assert_true(v.withheld);
	assert_int_equal(v.cells[9].state, LT_SDC_WITHHELD);
	assert_int_equal(v.total.state, LT_SDC_SHOWN);
	lt_sdc_vec_free(&v);
	vec_check(profile("ten"), c19, 2, NULL, &v);
	assert_false(v.withheld);
	assert_int_equal(v.cells[1].state, LT_SDC_SECONDARY);
	lt_sdc_vec_free(&v);
}

/* All zero: nothing to hide, and a total of 0 is shown. Also no cells. */
static void
test_vec_all_zero(void **state)
{
	const int c[] = { 0, 0, 0 };
	lt_sdc_vec v;

	(void)state;
	vec_check(profile("opensafely"), c, 3, NULL, &v);
	for (size_t i = 0; i < 3; i++)
		assert_int_equal(v.cells[i].state, LT_SDC_SHOWN);
	assert_true(v.total.value == 0);
	assert_false(v.withheld);
	lt_sdc_vec_free(&v);
	assert_int_equal(lt_sdc_protect_vec(profile("ten"), NULL, 0, NULL, &v, NULL), 0);
	assert_int_equal(v.total.state, LT_SDC_SHOWN);
	lt_sdc_vec_free(&v);
}

/*
 * All small. {3, 2}: the total (5) is small too, so all is hidden; the
 * reasons say both are 1..7 adding up to at most 7, so each is at most
 * 6: six values, enough. {3, 4, 2}: the total 9 is shown; three hidden
 * small cells could still each be anything from 1 to 7.
 */
static void
test_vec_all_small(void **state)
{
	const int c2[] = { 3, 2 }, c3[] = { 3, 4, 2 };
	lt_sdc_vec v;

	(void)state;
	vec_check(profile("opensafely"), c2, 2, NULL, &v);
	assert_int_equal(v.cells[0].state, LT_SDC_SMALL);
	assert_int_equal(v.cells[1].state, LT_SDC_SMALL);
	assert_int_equal(v.total.state, LT_SDC_SMALL);
	assert_false(v.withheld);
	lt_sdc_vec_free(&v);
	vec_check(profile("opensafely"), c3, 3, NULL, &v);
	for (size_t i = 0; i < 3; i++)
		assert_int_equal(v.cells[i].state, LT_SDC_SMALL);
	assert_int_equal(v.total.state, LT_SDC_SHOWN);
	assert_true(v.total.value == 10);
	assert_false(v.withheld);
	lt_sdc_vec_free(&v);
}

/*
 * Weighted counts need not be whole. In {12.5, 7.5, 30, 40}, 7.5 is
 * fewer than 8 people, so hidden, and the smallest other cell (12.5)
 * protects it; the total 90 is shown. {30, 40}: nothing small, shown as
 * they are (multiples of 5). {12.5}: a tie between 10 and 15, rounded
 * away from zero to 15. Negative and NaN counts are refused.
 */
static void
test_vec_weighted_and_bad(void **state)
{
	const double w[] = { 12.5, 7.5, 30, 40 }, bad[] = { 3, -1 };
	const double nan_[] = { NAN };
	lt_error err;
	lt_sdc_vec v;

	(void)state;
	assert_int_equal(lt_sdc_protect_vec(profile("opensafely"), w, 4, NULL,
	    &v, NULL), 0);
	assert_int_equal(v.cells[1].state, LT_SDC_SMALL);
	assert_int_equal(v.cells[0].state, LT_SDC_SECONDARY);
	assert_true(v.total.value == 90);
	lt_sdc_vec_free(&v);
	assert_int_equal(lt_sdc_protect_vec(profile("opensafely"), w + 2, 2,
	    NULL, &v, NULL), 0);
	assert_true(v.cells[0].value == 30);
	lt_sdc_vec_free(&v);
	assert_int_equal(lt_sdc_protect_vec(profile("opensafely"), w, 1, NULL,
	    &v, NULL), 0);
	assert_true(v.cells[0].value == 15);
	assert_true(v.total.value == 15);
	lt_sdc_vec_free(&v);
	assert_int_equal(lt_sdc_protect_vec(profile("opensafely"), bad, 2,
	    NULL, &v, &err), LT_EINVAL);
	assert_int_equal(err.code, LT_EINVAL);
	assert_null(v.cells);
	assert_int_equal(lt_sdc_protect_vec(profile("opensafely"), nan_, 1,
	    NULL, &v, NULL), LT_EINVAL);
	lt_sdc_vec_free(&v);
}

/* ------------------------------------------------------------ tables */

/*
 * A 2 x 2 table with one small cell and every total shown: any hidden
 * cell of a 2 x 2 table is worked out from its row or its column unless
 * all four are hidden (hide 3 and 20: the column 20, 40 | 60 gives 20,
 * then the row gives 3). So all four cells go; every total stays.
 */
static void
test_tab_2x2(void **state)
{
	const int c[] = { 3, 20, 30, 40 };
	const char *names[] = { "opensafely", "nhs", "ten" };
	lt_sdc_tab t;

	(void)state;
	for (size_t k = 0; k < 3; k++) {
		const lt_sdc_profile *p = profile(names[k]);

		tab_check(p, c, 2, 2, NULL, &t);
		assert_tab_ok(p, &t, c);
		assert_two_per_line(&t);
		assert_int_equal(t.cells[0].state, LT_SDC_SMALL);
		for (size_t i = 1; i < 4; i++)
			assert_int_equal(t.cells[i].state, LT_SDC_SECONDARY);
		assert_int_equal(t.total.state, LT_SDC_SHOWN);
		for (size_t i = 0; i < 2; i++) {
			assert_int_equal(t.row_total[i].state, LT_SDC_SHOWN);
			assert_int_equal(t.col_total[i].state, LT_SDC_SHOWN);
		}
		lt_sdc_tab_free(&t);
	}
}

/*
 * The attacker must catch the 2 x 2 pattern above that hides only the
 * small cell and its row neighbour: the column of the neighbour gives it
 * away, then the row gives away the small one.
 */
static void
test_tab_2x2_naive_leaks(void **state)
{
	/* 3 20 | 23 / 30 40 | 70 / 33 60 | 93 */
	const int x[] = { 3, 20, 23, 30, 40, 70, 33, 60, 93 };
	const int st[] = {
		LT_SDC_SMALL, LT_SDC_SECONDARY, LT_SDC_SHOWN,
		LT_SDC_SHOWN, LT_SDC_SHOWN, LT_SDC_SHOWN,
		LT_SDC_SHOWN, LT_SDC_SHOWN, LT_SDC_SHOWN
	};
	attack a;

	(void)state;
	attack_run(&a, 2, 2, x, st, 8);
	assert_int_equal(a.solutions, 1);
	assert_true(at_recovered(&a, 0));
	attack_free(&a);
}

/*
 * A 3 x 3 table with one small cell: the attacker, who knows every shown
 * cell and total exactly, cannot narrow the small cell below "1 to 7".
 * The standard rule holds too, and everything that is shown is not small.
 */
static void
test_tab_3x3(void **state)
{
	const int c[] = { 3, 20, 30, 25, 40, 15, 10, 12, 50 };
	const char *names[] = { "opensafely", "nhs", "ten", "none" };
	lt_sdc_tab t;

	(void)state;
	for (size_t k = 0; k < 4; k++) {
		const lt_sdc_profile *p = profile(names[k]);
		int nh = 0;

		tab_check(p, c, 3, 3, NULL, &t);
		assert_tab_ok(p, &t, c);
		for (size_t i = 0; i < 9; i++)
			nh += t.cells[i].state != LT_SDC_SHOWN;
		if (p->hide_below == 0) {
			assert_int_equal(nh, 0);
		} else {
			assert_two_per_line(&t);
			/* The fewest that can work: a 2 x 2 block. */
			assert_true(nh >= 4);
			assert_int_equal(t.cells[0].state, LT_SDC_SMALL);
			assert_false(t.withheld);
		}
		lt_sdc_tab_free(&t);
	}
}

/*
 * One row: each column's total is its one cell, so a hidden cell's
 * column total must go too (the small one's is small anyway; the other
 * hidden cell's is hidden to protect it). One column: the same turned.
 */
static void
test_tab_one_line(void **state)
{
	const int c[] = { 3, 20, 30 };
	const lt_sdc_profile *p = profile("opensafely");
	lt_sdc_tab t;

	(void)state;
	tab_check(p, c, 1, 3, NULL, &t);
	assert_tab_ok(p, &t, c);
	assert_two_per_line(&t);
	assert_int_equal(t.cells[0].state, LT_SDC_SMALL);
	assert_int_equal(t.col_total[0].state, LT_SDC_SMALL);
	for (size_t j = 1; j < 3; j++)
		assert_int_equal(t.cells[j].state, t.col_total[j].state);
	lt_sdc_tab_free(&t);

	tab_check(p, c, 3, 1, NULL, &t);
	assert_tab_ok(p, &t, c);
	assert_two_per_line(&t);
	assert_int_equal(t.row_total[0].state, LT_SDC_SMALL);
	for (size_t i = 1; i < 3; i++)
		assert_int_equal(t.cells[i].state, t.row_total[i].state);
	lt_sdc_tab_free(&t);
}

/*
 * All zero: nothing hidden. All small: every cell and every total is
 * small, so all is hidden, and (checked by the attacker) each cell could
 * still be at least 4 of 1..7. With grand total 10 it is shown: the row
 * totals 5 and 5 then are 3..7 each (they add up to 10), still 5 values.
 */
static void
test_tab_zero_and_small(void **state)
{
	const int z[] = { 0, 0, 0, 0, 0, 0 };
	const int s1[] = { 1, 2, 3, 1 };	/* grand total 7 */
	const int s2[] = { 2, 3, 4, 1 };	/* grand total 10 */
	const lt_sdc_profile *p = profile("opensafely");
	lt_sdc_tab t;

	(void)state;
	tab_check(p, z, 2, 3, NULL, &t);
	assert_tab_ok(p, &t, z);
	for (size_t i = 0; i < 6; i++)
		assert_int_equal(t.cells[i].state, LT_SDC_SHOWN);
	assert_true(t.total.value == 0);
	assert_false(t.withheld);
	lt_sdc_tab_free(&t);

	tab_check(p, s1, 2, 2, NULL, &t);
	assert_tab_ok(p, &t, s1);
	assert_false(t.withheld);
	for (size_t i = 0; i < 4; i++)
		assert_int_equal(t.cells[i].state, LT_SDC_SMALL);
	assert_int_equal(t.total.state, LT_SDC_SMALL);
	lt_sdc_tab_free(&t);

	tab_check(p, s2, 2, 2, NULL, &t);
	assert_tab_ok(p, &t, s2);
	assert_false(t.withheld);
	for (size_t i = 0; i < 2; i++) {
		assert_int_equal(t.row_total[i].state, LT_SDC_SMALL);
		assert_int_equal(t.col_total[i].state, LT_SDC_SMALL);
	}
	assert_int_equal(t.total.state, LT_SDC_SHOWN);
	assert_true(t.total.value == 10);
	lt_sdc_tab_free(&t);
}

/*
 * A table the random test below found when the algorithm checked lines
 * only one at a time (interval propagation). Under ten it then hid
 *	10s  7S 17   | 34s
 *	 2S 36  29s  | 67
 *	 0  12s  1S  | 13s
 *	12s 55  47s  | 114
 * and no single line pins the 1, but adding lines does: row 0 plus row 2
 * is the grand total less row 1, 47 = 10s + 7S + 17 + 0 + 12s + 1S, and
 * column 1 says 7S + 12s = 19, so 10s + 1S = 11; the 10s is at least 10,
 * so the small one is 1. The exact audit (a max-flow check over the whole
 * table) catches this; the attacker confirms it is now safe.
 */
static void
test_tab_needs_exact_audit(void **state)
{
	const int c[] = { 10, 7, 17, 2, 36, 29, 0, 12, 1 };
	const lt_sdc_profile *p = profile("ten");
	lt_sdc_tab t;

	(void)state;
	tab_check(p, c, 3, 3, NULL, &t);
	assert_tab_ok(p, &t, c);
	assert_two_per_line(&t);
	assert_int_equal(t.cells[8].state, LT_SDC_SMALL);
	lt_sdc_tab_free(&t);
}

/* A small generator, so the random tables are the same on every run. */
static uint32_t
rnd(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

/* A random count: a sixth 0, a third small (1..7), the rest 8..40. */
static int
rnd_count(uint32_t *seed)
{
	uint32_t u = rnd(seed) % 6;

	if (u == 0)
		return 0;
	if (u < 3)
		return 1 + (int)(rnd(seed) % 7);
	return 8 + (int)(rnd(seed) % 33);
}

/*
 * Many random tables with small cells here and there, under opensafely
 * and ten, some with cells flagged by differencing: the attacker never
 * narrows a hidden small count below half its range, everything shown is
 * allowed, and the standard rule holds. Shapes stay small so that the
 * attacker's search stays quick.
 */
static void
test_tab_random(void **state)
{
	const char *names[] = { "opensafely", "ten" };
	const size_t shapes[][2] = {
		{ 2, 2 }, { 2, 3 }, { 3, 3 }, { 3, 2 }, { 2, 4 }, { 1, 4 },
		{ 4, 1 }, { 3, 4 }
	};
	const size_t nshapes = sizeof shapes / sizeof shapes[0];
	uint32_t seed = 2463534242u;
	int c[12], withheld = 0, tables = 0, hidden = 0, cells = 0;
	unsigned char force[20];
	lt_sdc_tab t;

	(void)state;
	for (int round = 0; round < 60; round++)
		for (size_t s = 0; s < nshapes; s++)
			for (size_t k = 0; k < 2; k++) {
				const lt_sdc_profile *p = profile(names[k]);
				size_t r = shapes[s][0], cl = shapes[s][1];
				int flag = round % 4 == 3;

				for (size_t i = 0; i < r * cl; i++)
					c[i] = rnd_count(&seed);
				/* Not the grand total: the attacker would have
				   to search without a bound on it. */
				for (size_t i = 0; i < (r + 1) * (cl + 1); i++)
					force[i] = flag && rnd(&seed) % 8 == 0 &&
					    i + 1 < (r + 1) * (cl + 1);
				tab_check(p, c, r, cl, flag ? force : NULL, &t);
				if (!flag)
					assert_tab_ok(p, &t, c);
				assert_two_per_line(&t);
				withheld += t.withheld;
				tables++;
				for (size_t i = 0; i < r * cl; i++)
					hidden += t.cells[i].state != LT_SDC_SHOWN;
				cells += (int)(r * cl);
				lt_sdc_tab_free(&t);
			}
	print_message("%d random tables, %d withheld; %d of %d cells hidden\n",
	    tables, withheld, hidden, cells);
}

/* The same for vectors (freq, histograms) of 1 to 8 counts. */
static void
test_vec_random(void **state)
{
	const char *names[] = { "opensafely", "nhs", "ten" };
	uint32_t seed = 88172645u;
	int c[8], withheld = 0;
	unsigned char force[9];
	lt_sdc_vec v;

	(void)state;
	for (int round = 0; round < 400; round++)
		for (size_t k = 0; k < 3; k++) {
			size_t n = 1 + rnd(&seed) % 8;
			int flag = round % 4 == 3;

			for (size_t i = 0; i < n; i++)
				c[i] = rnd_count(&seed);
			for (size_t i = 0; i < n; i++)
				force[i] = flag && rnd(&seed) % 6 == 0;
			force[n] = 0;
			vec_check(profile(names[k]), c, n, flag ? force : NULL,
			    &v);
			for (size_t i = 0; i < n && !flag; i++)
				assert_cell_ok(profile(names[k]), &v.cells[i], c[i]);
			withheld += v.withheld;
			lt_sdc_vec_free(&v);
		}
	print_message("1200 random vectors, %d withheld\n", withheld);
}

/* ------------------------------------------------------------ differencing */

/* A tiny cohort: age and smoking status, built so that 3 people are 65. */
typedef struct person {
	int age;
	const char *smoking;
} person;

/* freq smoking, filter age >= min_age: counts per label and the total. */
static void
freq_smoking(const person *pp, size_t n, int min_age, const char **labels,
    double *counts)
{
	for (size_t k = 0; k < 4; k++)
		counts[k] = 0;
	for (size_t i = 0; i < n; i++) {
		if (pp[i].age < min_age)
			continue;
		for (size_t k = 0; k < 3; k++)
			if (strcmp(labels[k], pp[i].smoking) == 0)
				counts[k]++;
		counts[3]++;
	}
}

/*
 * The example: "filter age >= 65" then "filter age >= 66". The
 * two freq tables differ by the people aged exactly 65 (here 3: two
 * current smokers, one former), so subtracting them would show the
 * 65-year-olds' smoking. The differing cells, and the total, are
 * flagged; "never" (no 65-year-old) is not. Passed as force, the flagged
 * cells are hidden, and the attacker cannot work them out.
 */
static void
test_diff_age(void **state)
{
	const char *labels[] = { "never", "former", "current", "Total" };
	const char *smk[] = { "never", "former", "current" };
	const lt_sdc_profile *p = profile("ten");
	person pp[400];
	size_t n = 0;
	double old[4], neu[4];
	unsigned char hide[4];
	int counts[3];
	lt_sdc_vec v;

	(void)state;
	for (int i = 0; i < 360; i++) {
		pp[n].age = 66 + i % 30;
		pp[n++].smoking = smk[i % 3];
	}
	pp[n].age = 65;
	pp[n++].smoking = "current";
	pp[n].age = 65;
	pp[n++].smoking = "current";
	pp[n].age = 65;
	pp[n++].smoking = "former";
	for (int i = 0; i < 20; i++) {
		pp[n].age = 40 + i;
		pp[n++].smoking = "never";
	}
	freq_smoking(pp, n, 65, smk, old);
	freq_smoking(pp, n, 66, smk, neu);
	assert_true(old[3] - neu[3] == 3);

	assert_int_equal(lt_sdc_diff(p, labels, old, 4, labels, neu, 4, hide), 3);
	assert_false(hide[0]);
	assert_true(hide[1]);
	assert_true(hide[2]);
	assert_true(hide[3]);

	/* The protected new table: cells 0-2 and the total (force[3]). */
	for (size_t k = 0; k < 3; k++)
		counts[k] = (int)neu[k];
	vec_check(p, counts, 3, hide, &v);
	assert_int_equal(v.cells[0].state, LT_SDC_SHOWN);
	assert_int_equal(v.cells[1].state, LT_SDC_DIFF);
	assert_int_equal(v.cells[2].state, LT_SDC_DIFF);
	assert_int_equal(v.total.state, LT_SDC_DIFF);
	assert_string_equal(v.cells[1].why,
	    "it differs from an earlier result by fewer than 10 people");
	lt_sdc_vec_free(&v);
}

/*
 * Only the cell that differs is flagged; with the total shown it could
 * be worked out (total - others), so a second cell is hidden to protect
 * it. Differences of 0 or of hide_below or more are not flagged; a label
 * missing from the earlier table counts as 0 there.
 */
static void
test_diff_rules(void **state)
{
	const char *ol[] = { "a", "b", "c" }, *nl[] = { "c", "b", "a", "d" };
	const double oc[] = { 100, 50, 30 }, nc[] = { 30, 42, 60, 5 };
	const int vc[] = { 100, 47, 30 };
	const double vo[] = { 100, 50, 30 };
	const char *vl[] = { "a", "b", "c" };
	unsigned char hide[4], force[4] = { 0 };
	lt_sdc_vec v;

	(void)state;
	/* c: same; b: 8 fewer (not small); a: 40 fewer; d: new, 5 > 0. */
	assert_int_equal(lt_sdc_diff(profile("opensafely"), ol, oc, 3, nl, nc,
	    4, hide), 1);
	assert_false(hide[0]);
	assert_false(hide[1]);
	assert_false(hide[2]);
	assert_true(hide[3]);
	/* With ten, 8 fewer is fewer than 10. */
	assert_int_equal(lt_sdc_diff(profile("ten"), ol, oc, 3, nl, nc, 4, hide), 2);
	assert_true(hide[1]);
	/* none never flags. */
	assert_int_equal(lt_sdc_diff(profile("none"), ol, oc, 3, nl, nc, 4, hide), 0);

	/* b went from 50 to 47. (The total is not compared here, so it
	   stays shown: what protects b is the cell hidden beside it.) */
	assert_int_equal(lt_sdc_diff(profile("ten"), vl, vo, 3, vl,
	    (const double[]){ 100, 47, 30 }, 3, force), 1);
	force[3] = 0;
	vec_check(profile("ten"), vc, 3, force, &v);
	assert_int_equal(v.cells[1].state, LT_SDC_DIFF);
	assert_int_equal(v.cells[2].state, LT_SDC_SECONDARY);
	assert_int_equal(v.total.state, LT_SDC_SHOWN);
	lt_sdc_vec_free(&v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_profile_rules),
		cmocka_unit_test(test_profile_texts),
		cmocka_unit_test(test_profile_tighten),
		cmocka_unit_test(test_why),
		cmocka_unit_test(test_all_or_none),
		cmocka_unit_test(test_round),
		cmocka_unit_test(test_vec_plain),
		cmocka_unit_test(test_vec_one_small),
		cmocka_unit_test(test_vec_next_smallest_leaks),
		cmocka_unit_test(test_vec_two_small),
		cmocka_unit_test(test_vec_zeros),
		cmocka_unit_test(test_vec_reasons_leak),
		cmocka_unit_test(test_vec_all_zero),
		cmocka_unit_test(test_vec_all_small),
		cmocka_unit_test(test_vec_weighted_and_bad),
		cmocka_unit_test(test_tab_2x2),
		cmocka_unit_test(test_tab_2x2_naive_leaks),
		cmocka_unit_test(test_tab_3x3),
		cmocka_unit_test(test_tab_one_line),
		cmocka_unit_test(test_tab_zero_and_small),
		cmocka_unit_test(test_tab_needs_exact_audit),
		cmocka_unit_test(test_tab_random),
		cmocka_unit_test(test_vec_random),
		cmocka_unit_test(test_diff_age),
		cmocka_unit_test(test_diff_rules),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
