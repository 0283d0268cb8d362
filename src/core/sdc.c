/*
 * sdc.c - disclosure control: the profiles, rounding, small-count and
 * secondary suppression of count vectors and tables, and the pure part of
 * the differencing guard. See sdc.h for the rules and the contract.
 *
 * Inside, a vector or table is a list of "entries" (cells and totals) and
 * "lines": equations that say some entries add up to another (a row and
 * its total). Suppression marks entries hidden; the checks ask what an
 * attacker can learn about each hidden entry from the lines, knowing the
 * shown entries exactly (the worst case: rounding only helps) and what
 * each hidden entry's reason says about it.
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "sdc.h"

/* ------------------------------------------------------------ profiles */

/*
 * The texts are for students: short sentences, grade 9 or below (checked
 * with GNU style), saying what is hidden and why, and that no rule makes
 * data risk-free.
 */
const lt_sdc_profile lt_sdc_profiles[] = {
	{
		"opensafely",
		"counts of 1 to 7 hidden, others rounded to 5; statistics of small groups hidden",
		"This data is about real people. So lantern hides any number "
		"that could point to one person. Counts from 1 to 7 are hidden. "
		"All other counts are rounded to the nearest 5. Averages and "
		"other figures for groups of 7 or fewer people are hidden too. "
		"Other averages are rounded to 3 significant figures, so that "
		"they cannot be added up to find a hidden one. "
		"You will not see the smallest or largest single value, because "
		"each belongs to one person. If everyone in a group has the same "
		"answer, lantern warns you. Sometimes a larger count is hidden as "
		"well, so that a small one cannot be worked out by subtraction. "
		"These rules lower the risk a lot, but no rule makes data "
		"risk-free. Think before you share what you find.",
		8, 5, 0, 8, 1, 1, 0, 1, 3, 0
	},
	{
		/*
		 * The table names only counts for nhs. A mean of one
		 * person is that person's value, so statistics of groups whose
		 * count would be hidden are hidden too, and so are extremes.
		 */
		"nhs",
		"counts of 1 to 7 shown as *, others rounded to 5",
		"These rules are like the ones the NHS uses when it publishes "
		"health counts. Counts from 1 to 7 are shown as a star (*). All "
		"other counts are rounded to the nearest 5. Averages and other "
		"figures for groups of 7 or fewer people are hidden. Other averages "
		"are rounded to 3 significant figures. You will not "
		"see the smallest or largest single value, because each belongs "
		"to one person. Sometimes a larger count is hidden as well, so "
		"that a small one cannot be worked out by subtraction. These rules "
		"lower the risk a lot, but no rule makes data risk-free.",
		8, 5, 1, 8, 1, 0, 0, 1, 3, 0
	},
	{
		/* "Any cell or statistic from fewer than 10 people": a
		   minimum or maximum comes from one person. */
		"ten",
		"anything from fewer than 10 people hidden",
		"Any number that comes from fewer than 10 people is hidden. That "
		"means counts, and also averages and other figures for small "
		"groups. Counts of 10 or more are shown exactly, with no "
		"rounding, and averages to 3 significant figures. You will not see the smallest or largest single value, "
		"because each belongs to one person. Sometimes a larger count is "
		"hidden as well, so that a small one cannot be worked out by "
		"subtraction. These rules lower the risk a lot, but no rule makes "
		"data risk-free.",
		10, 0, 0, 10, 1, 0, 0, 1, 3, 0
	},
	{
		"none",
		"nothing hidden: the data is public counts or made up",
		"Nothing is hidden. This is only for data that is already public "
		"and already added up into counts, or for made-up (synthetic) "
		"data. Such data does not describe real people one by one, so "
		"every number is shown as it is. You may also look at single "
		"rows. Even so, take care with what you share.",
		0, 0, 0, 0, 0, 0, 1, 0, 0, 0
	},
};
const size_t lt_sdc_nprofiles = sizeof lt_sdc_profiles / sizeof lt_sdc_profiles[0];

/* The name and texts of a profile that is none of the built-in ones. */
static const char combined_name[] = "combined";
static const char combined_summary[] = "the stricter of two sets of rules";
static const char combined_explain[] =
	"This data follows two sets of rules at once: the ones that came "
	"with the dataset and the ones set where lantern is installed. For "
	"each rule, the stricter one wins. No rule makes data risk-free.";

const lt_sdc_profile *
lt_sdc_find(const char *name)
{
	if (name == NULL)
		return NULL;
	for (size_t i = 0; i < lt_sdc_nprofiles; i++)
		if (strcasecmp(lt_sdc_profiles[i].name, name) == 0)
			return &lt_sdc_profiles[i];
	return NULL;
}

static int
max_int(int a, int b)
{
	return a > b ? a : b;
}

static int
gcd_int(int a, int b)
{
	while (b != 0) {
		int t = a % b;

		a = b;
		b = t;
	}
	return a;
}

/* The coarser of two roundings: a multiple of both (0 and 1: none). */
static int
coarser_rounding(int a, int b)
{
	if (a <= 1)
		return b > 1 ? b : 0;
	if (b <= 1)
		return a;
	return a / gcd_int(a, b) * b;
}

/* 1 when a and b have the same rules (names and texts aside). */
int
lt_sdc_same_rules(const lt_sdc_profile *a, const lt_sdc_profile *b)
{
	return a->hide_below == b->hide_below && a->round_to == b->round_to &&
	    a->star == b->star && a->stat_min == b->stat_min &&
	    a->no_extremes == b->no_extremes &&
	    a->flag_all_or_none == b->flag_all_or_none &&
	    a->rows_ok == b->rows_ok && a->secondary == b->secondary &&
	    a->stat_digits == b->stat_digits;
}

void
lt_sdc_tighten(lt_sdc_profile *out, const lt_sdc_profile *a,
    const lt_sdc_profile *b)
{
	lt_sdc_profile t;

	t.hide_below = max_int(a->hide_below, b->hide_below);
	t.round_to = coarser_rounding(a->round_to, b->round_to);
	t.star = a->star || b->star;
	t.stat_min = max_int(a->stat_min, b->stat_min);
	t.no_extremes = a->no_extremes || b->no_extremes;
	t.flag_all_or_none = a->flag_all_or_none || b->flag_all_or_none;
	t.rows_ok = a->rows_ok && b->rows_ok;
	t.secondary = a->secondary || b->secondary;
	t.hide_zero = a->hide_zero || b->hide_zero;
	/* fewer digits is stricter; 0 (as computed) is the loosest */
	t.stat_digits = a->stat_digits == 0 ? b->stat_digits :
	    b->stat_digits == 0 ? a->stat_digits :
	    a->stat_digits < b->stat_digits ? a->stat_digits : b->stat_digits;
	if (lt_sdc_same_rules(&t, a)) {
		t.name = a->name;
		t.summary = a->summary;
		t.explain = a->explain;
	} else if (lt_sdc_same_rules(&t, b)) {
		t.name = b->name;
		t.summary = b->summary;
		t.explain = b->explain;
	} else {
		t.name = combined_name;
		t.summary = combined_summary;
		t.explain = combined_explain;
	}
	*out = t;
}

void
lt_sdc_rules(lt_buf *out, const lt_sdc_profile *p)
{
	const char *how = p->star ? "shown as a star (*)" : "hidden";

	if (p->hide_below > 2)
		lt_buf_printf(out, "Counts from 1 to %d are %s.\n",
		    p->hide_below - 1, how);
	else if (p->hide_below == 2)
		lt_buf_printf(out, "Counts of 1 are %s.\n", how);
	else
		lt_buf_puts(out, "No count is hidden for being small.\n");
	if (p->round_to > 1)
		lt_buf_printf(out, "%s counts are rounded to the nearest %d.\n",
		    p->hide_below > 1 ? "Other" : "All", p->round_to);
	else
		lt_buf_printf(out, "%s counts are shown exactly.\n",
		    p->hide_below > 1 ? "Other" : "All");
	if (p->stat_min > 1)
		lt_buf_printf(out, "Averages and other figures for groups of "
		    "fewer than %d people are hidden.\n", p->stat_min);
	if (p->hide_below > 1)
		lt_buf_puts(out, "When a filter is on, a count of 0 is hidden too, "
		    "so that trying filters one by one tells nothing.\n");
	if (p->stat_digits > 0)
		lt_buf_printf(out, "Averages and other figures are rounded to "
		    "%d significant figures.\n", p->stat_digits);
	if (p->no_extremes)
		lt_buf_puts(out, "You will not see the smallest or largest "
		    "single value.\n");
	if (p->flag_all_or_none)
		lt_buf_puts(out, "If everyone in a group has the same answer, "
		    "you are warned.\n");
	if (p->secondary)
		lt_buf_puts(out, "A larger count may be hidden too, so that a "
		    "small one cannot be worked out by subtraction.\n");
	lt_buf_puts(out, p->rows_ok ? "You may look at single rows.\n" :
	    "Single rows about real people are never shown.\n");
}

/* ------------------------------------------------------------ single rules */

double
lt_sdc_round_sig(double v, int digits)
{
	char tmp[64];

	if (digits <= 0 || !isfinite(v) || v == 0)
		return v;
	/* through decimal text: the nearest double to the rounded decimal */
	snprintf(tmp, sizeof tmp, "%.*e", digits - 1, v);
	return strtod(tmp, NULL);
}

double
lt_sdc_round(double v, int to)
{
	if (to <= 0 || !isfinite(v))
		return v;
	/*
	 * A tie is v = (k + 1/2) * to, and v / to = k + 1/2 is then exact
	 * (the division is correctly rounded and the quotient representable),
	 * so round()'s half-away-from-zero sees it as a tie.
	 */
	return round(v / to) * to;
}

int
lt_sdc_count_hidden(const lt_sdc_profile *p, double v)
{
	/*
	 * Under a filter the person chose, "0" beside a hidden count says
	 * whether anyone matches: "filter sbp = 123" then "freq town" would
	 * tell, value by value, which blood pressures the 3 people of a small
	 * town have. So there a 0 is hidden too.
	 */
	return (v > 0 || (p->hide_zero && v == 0)) && v < p->hide_below;
}

int
lt_sdc_stat_hidden(const lt_sdc_profile *p, double n)
{
	return n < p->stat_min;
}

int
lt_sdc_all_or_none(const lt_sdc_profile *p, double k, double n)
{
	return p->flag_all_or_none && n > 0 && (k == 0 || k == n);
}

char *
lt_sdc_why(const lt_sdc_profile *p, int state)
{
	switch (state) {
	case LT_SDC_SMALL:
		return lt_sprintf("fewer than %d people", p->hide_below);
	case LT_SDC_SECONDARY:
		return lt_strdup("so that another hidden number cannot be "
		    "worked out from the totals");
	case LT_SDC_DIFF:
		return lt_sprintf("it differs from an earlier result by fewer "
		    "than %d people", p->hide_below);
	case LT_SDC_STAT:
		return lt_sprintf("it comes from fewer than %d people",
		    p->stat_min);
	case LT_SDC_EXTREME:
		return lt_strdup("it would show one person's own value");
	case LT_SDC_WITHHELD:
		return lt_strdup("the table has too few people to show its "
		    "parts safely");
	default:
		return NULL;
	}
}

/* ------------------------------------------------------------ the work */

/* Passes of the audit's bound propagation before it gives up moving. */
#define AUDIT_PASSES	200
/* Slack for comparing sums of doubles that should be exact. */
#define EPS		1e-9

/*
 * Preference when more must be hidden: cells, then row and column totals.
 * The grand total (a vector's total) is never hidden to protect a cell:
 * it is the number of people the command looked at, which lantern shows
 * elsewhere (the rows a filter kept, the dataset card).
 */
enum { RANK_CELL, RANK_MARGIN, RANK_GRAND };

/* A line: members start + k * stride (k < count) add up to total. */
typedef struct sdc_line {
	size_t start, stride, count;
	size_t total;
} sdc_line;

typedef struct sdc_work {
	const lt_sdc_profile *p;
	double hb;		/* hide_below */
	int whole;		/* every value is a whole number */
	size_t n;		/* entries */
	double *x;		/* their true values */
	int *state;		/* enum lt_sdc_state */
	int *rank;		/* RANK_* */
	double *plo, *phi;	/* what an entry's state tells an attacker */
	double *lo, *hi;	/* the audit's ranges */
	sdc_line *lines;
	size_t nlines;
	size_t (*in)[2];	/* the lines each entry is in (SIZE_MAX: none) */
	unsigned char *safe;	/* the exact audit found this entry protected */
	size_t rows, cols;	/* a table's shape */
	int vec;		/* a vector: n cells and their total, one line */
	int withheld;		/* nothing was left to hide: see withhold() */
} sdc_work;

static size_t
line_len(const sdc_line *l)
{
	return l->count + 1;
}

/* Entry k of a line: its members, then its total. */
static size_t
line_at(const sdc_line *l, size_t k)
{
	return k < l->count ? l->start + k * l->stride : l->total;
}

/* In "sum of coef * entry = 0" members count +1 and the total -1. */
static int
line_coef(const sdc_line *l, size_t k)
{
	return k < l->count ? 1 : -1;
}

static int
hidden(const sdc_work *w, size_t e)
{
	return w->state[e] != LT_SDC_SHOWN;
}

/*
 * Set an entry's state and what that tells an attacker about it: a shown
 * entry is known exactly; a small one is 1 .. hide_below-1 (zeros are
 * never hidden; with weighted counts that are not whole, 0 .. hide_below);
 * one hidden to protect another is nonzero and not small, so at least
 * hide_below; one hidden for differencing could be anything.
 */
static void
set_state(sdc_work *w, size_t e, int state)
{
	w->state[e] = state;
	switch (state) {
	case LT_SDC_SMALL:
		w->plo[e] = w->whole ? 1 : 0;
		w->phi[e] = w->whole ? w->hb - 1 : w->hb;
		break;
	case LT_SDC_SECONDARY:
		w->plo[e] = w->hb;
		w->phi[e] = INFINITY;
		break;
	case LT_SDC_DIFF:
	case LT_SDC_WITHHELD:
		w->plo[e] = 0;
		w->phi[e] = INFINITY;
		break;
	default:
		w->plo[e] = w->phi[e] = w->x[e];
		break;
	}
}

/*
 * The range of a sum of terms coef * entry, each entry in [lo, hi]: the
 * finite parts and how many terms are infinite, so that one term can be
 * taken out again without computing infinity minus infinity.
 */
typedef struct span {
	double lo, hi;
	size_t nlo, nhi;	/* terms that make lo -inf, hi +inf */
} span;

/* Add (sign 1) or take out (sign -1) coef * [lo, hi]. */
static void
span_add(span *s, int sign, int coef, double lo, double hi)
{
	double tlo = coef > 0 ? lo : -hi, thi = coef > 0 ? hi : -lo;

	if (!isinf(tlo))
		s->lo += sign * tlo;
	else if (sign > 0)
		s->nlo++;
	else
		s->nlo--;
	if (!isinf(thi))
		s->hi += sign * thi;
	else if (sign > 0)
		s->nhi++;
	else
		s->nhi--;
}

/* The range of a whole line's sum under ranges lo, hi. */
static span
line_span(const sdc_work *w, const sdc_line *l, const double *lo,
    const double *hi)
{
	span s = { 0, 0, 0, 0 };

	for (size_t k = 0; k < line_len(l); k++) {
		size_t e = line_at(l, k);

		span_add(&s, 1, line_coef(l, k), lo[e], hi[e]);
	}
	return s;
}

/*
 * What line l says about its k-th entry, given the ranges of the others
 * (s: the whole line's span under lo, hi): coef * y = - (sum of the
 * others), so y is in [*blo, *bhi].
 */
static void
line_bound(const sdc_line *l, span s, size_t k, const double *lo,
    const double *hi, double *blo, double *bhi)
{
	size_t e = line_at(l, k);
	int coef = line_coef(l, k);
	double olo, ohi;

	span_add(&s, -1, coef, lo[e], hi[e]);
	olo = s.nlo > 0 ? -INFINITY : s.lo;
	ohi = s.nhi > 0 ? INFINITY : s.hi;
	if (coef > 0) {
		*blo = -ohi;
		*bhi = -olo;
	} else {
		*blo = olo;
		*bhi = ohi;
	}
}

/*
 * How wide the range of a small or differencing count must stay: it must
 * still hold at least half of the hide_below - 1 values its reason allows
 * (4 of 1..7, 5 of 1..9), so a width of hide_below / 2 - 1.
 */
static double
need_width(const sdc_work *w)
{
	int k = w->p->hide_below / 2;

	return k > 1 ? k - 1 : 0;
}

/*
 * Is a hidden entry still protected when all anyone can know is that it
 * lies in [lo, hi] (and in what its reason says)? A small or differencing
 * count: the range is still need_width() wide. Any other: not pinned.
 */
static int
protected(const sdc_work *w, size_t e, double lo, double hi)
{
	if (lo < w->plo[e])
		lo = w->plo[e];
	if (hi > w->phi[e])
		hi = w->phi[e];
	switch (w->state[e]) {
	case LT_SDC_SMALL:
	case LT_SDC_DIFF:
		return hi - lo >= need_width(w) - EPS;
	default:
		return hi - lo > EPS;
	}
}

/* ------------------------------------------------------------ fixing lines */

/* 1 when no hidden entry of l can be narrowed by l alone. */
static int
line_safe(const sdc_work *w, const sdc_line *l)
{
	span s = line_span(w, l, w->plo, w->phi);

	for (size_t k = 0; k < line_len(l); k++) {
		size_t e = line_at(l, k);
		double blo, bhi;

		if (!hidden(w, e))
			continue;
		line_bound(l, s, k, w->plo, w->phi, &blo, &bhi);
		if (!protected(w, e, blo, bhi))
			return 0;
	}
	return 1;
}

/* 1 when entry a should be hidden before entry b: lower rank, then smaller. */
static int
before(const sdc_work *w, size_t a, size_t b)
{
	if (w->rank[a] != w->rank[b])
		return w->rank[a] < w->rank[b];
	if (w->x[a] != w->x[b])
		return w->x[a] < w->x[b];
	return a < b;
}

/*
 * An entry that may be hidden to protect others: shown, not zero (a
 * hidden zero would be given away by its reason, which implies "at least
 * hide_below"), and not the grand total.
 */
static int
candidate(const sdc_work *w, size_t e)
{
	return !hidden(w, e) && w->x[e] > 0 && w->rank[e] != RANK_GRAND;
}

/*
 * The line's candidates in the order to hide them (cand has room for
 * line_len(l)); returns how many. Insertion sort: lines are short.
 */
static size_t
line_candidates(const sdc_work *w, const sdc_line *l, size_t *cand)
{
	size_t n = 0;

	for (size_t k = 0; k < line_len(l); k++) {
		size_t e = line_at(l, k), i;

		if (!candidate(w, e))
			continue;
		for (i = n; i > 0 && before(w, e, cand[i - 1]); i--)
			cand[i] = cand[i - 1];
		cand[i] = e;
		n++;
	}
	return n;
}

/* 1 when hiding e would make line l safe on its own. */
static int
would_fix(sdc_work *w, const sdc_line *l, size_t e)
{
	int ok;

	set_state(w, e, LT_SDC_SECONDARY);
	ok = line_safe(w, l);
	set_state(w, e, LT_SDC_SHOWN);
	return ok;
}

/*
 * The entry to hide next in an unsafe line: the first candidate (cells
 * before totals, smallest first) that makes it safe by itself; else the
 * first candidate. SIZE_MAX when there is none.
 */
static size_t
pick_in_line(sdc_work *w, const sdc_line *l, size_t *cand)
{
	size_t n = line_candidates(w, l, cand);

	for (size_t i = 0; i < n; i++)
		if (would_fix(w, l, cand[i]))
			return cand[i];
	return n > 0 ? cand[0] : SIZE_MAX;
}

/* Hide entries of l until it is safe or nothing is left; returns how many. */
static size_t
fix_line(sdc_work *w, const sdc_line *l, size_t *cand)
{
	size_t n = 0, e;

	while (!line_safe(w, l)) {
		if ((e = pick_in_line(w, l, cand)) == SIZE_MAX)
			break;
		set_state(w, e, LT_SDC_SECONDARY);
		n++;
	}
	return n;
}

/* ------------------------------------------------------------ the audit */

/* Snap a range to whole numbers when every count is whole. */
static void
snap(const sdc_work *w, double *lo, double *hi)
{
	if (!w->whole)
		return;
	if (isfinite(*lo))
		*lo = ceil(*lo - EPS);
	if (isfinite(*hi))
		*hi = floor(*hi + EPS);
}

/* One pass of propagation over line l; returns 1 when a range moved. */
static int
propagate_line(sdc_work *w, const sdc_line *l)
{
	span s = line_span(w, l, w->lo, w->hi);
	int moved = 0;

	for (size_t k = 0; k < line_len(l); k++) {
		size_t e = line_at(l, k);
		double blo, bhi, nlo, nhi;

		if (!hidden(w, e))
			continue;
		line_bound(l, s, k, w->lo, w->hi, &blo, &bhi);
		nlo = fmax(w->lo[e], blo);
		nhi = fmin(w->hi[e], bhi);
		snap(w, &nlo, &nhi);
		if (nlo <= w->lo[e] + EPS && nhi >= w->hi[e] - EPS)
			continue;
		/* Keep the span in step with the narrowed range. */
		span_add(&s, -1, line_coef(l, k), w->lo[e], w->hi[e]);
		w->lo[e] = fmax(w->lo[e], nlo);
		w->hi[e] = fmin(w->hi[e], nhi);
		span_add(&s, 1, line_coef(l, k), w->lo[e], w->hi[e]);
		moved = 1;
	}
	return moved;
}

/* Narrow every hidden entry's range through all the lines together. */
static void
propagate(sdc_work *w)
{
	memcpy(w->lo, w->plo, w->n * sizeof *w->lo);
	memcpy(w->hi, w->phi, w->n * sizeof *w->hi);
	for (int pass = 0; pass < AUDIT_PASSES; pass++) {
		int moved = 0;

		for (size_t i = 0; i < w->nlines; i++)
			moved |= propagate_line(w, &w->lines[i]);
		if (!moved)
			break;
	}
}

/* The first small or differencing entry the audit could narrow, or SIZE_MAX. */
static size_t
exposed(const sdc_work *w)
{
	for (size_t e = 0; e < w->n; e++) {
		int st = w->state[e];

		if ((st == LT_SDC_SMALL || st == LT_SDC_DIFF) &&
		    !protected(w, e, w->lo[e], w->hi[e]))
			return e;
	}
	return SIZE_MAX;
}

/* 1 when line l, under the audit's ranges, narrows entry e by itself. */
static int
line_narrows(const sdc_work *w, const sdc_line *l, size_t e)
{
	span s = line_span(w, l, w->lo, w->hi);
	double blo, bhi;

	for (size_t k = 0; k < line_len(l); k++)
		if (line_at(l, k) == e) {
			line_bound(l, s, k, w->lo, w->hi, &blo, &bhi);
			return !protected(w, e, blo, bhi);
		}
	return 0;
}

/* Add line i to the next layer of the search unless it was seen. */
static void
queue_line(size_t i, unsigned char *seen, size_t *next, size_t *nnext)
{
	if (i == SIZE_MAX || seen[i])
		return;
	seen[i] = 1;
	next[(*nnext)++] = i;
}

/*
 * Hide one more entry near the exposed entry e: the first candidate (in
 * the line order) of the lines that narrow e; if they have none, of the
 * lines through the hidden entries of those, and so on outwards. Returns
 * 0 when nothing is left to hide.
 */
static int
fix_exposed(sdc_work *w, size_t e)
{
	unsigned char *seen = lt_calloc(w->nlines, 1);
	size_t *cur = lt_calloc(w->nlines, sizeof *cur);
	size_t *next = lt_calloc(w->nlines, sizeof *next);
	size_t ncur = 0, nnext = 0, best = SIZE_MAX;

	for (int j = 0; j < 2; j++)
		if (w->in[e][j] != SIZE_MAX &&
		    line_narrows(w, &w->lines[w->in[e][j]], e))
			queue_line(w->in[e][j], seen, cur, &ncur);
	for (int j = 0; j < 2 && ncur == 0; j++)
		queue_line(w->in[e][j], seen, cur, &ncur);
	while (ncur > 0 && best == SIZE_MAX) {
		nnext = 0;
		for (size_t i = 0; i < ncur; i++) {
			const sdc_line *l = &w->lines[cur[i]];

			for (size_t k = 0; k < line_len(l); k++) {
				size_t f = line_at(l, k);

				if (candidate(w, f) &&
				    (best == SIZE_MAX || before(w, f, best)))
					best = f;
				else if (hidden(w, f))
					for (int j = 0; j < 2; j++)
						queue_line(w->in[f][j], seen,
						    next, &nnext);
			}
		}
		memcpy(cur, next, nnext * sizeof *cur);
		ncur = nnext;
	}
	free(seen);
	free(cur);
	free(next);
	if (best == SIZE_MAX)
		return 0;
	set_state(w, best, LT_SDC_SECONDARY);
	return 1;
}

/* ------------------------------------------------------------ the exact audit */

/*
 * Interval propagation looks at one line at a time and can miss what
 * adding lines together shows (in a 3 x 3 table, two rows plus a column
 * can pin a small cell that no single line bounds; test_sdc.c has one).
 * But a table with its totals is a transportation network: rows and
 * columns are nodes, cells are edges from row to column, row totals
 * edges from a source, column totals edges to a sink, the grand total
 * the edge back. Every assignment that agrees with what was published is
 * a circulation whose flows stay within each entry's range, and "could
 * this small cell be v?" is "is there such a circulation with that edge
 * held at v?": a max-flow question (circulation with lower bounds). The
 * network matrix is totally unimodular, so with whole counts this answers
 * exactly what an attacker solving the integer programme would find
 * (Gusfield 1988, "A graph theoretic approach to statistical data
 * security", SIAM J. Comput. 17(3)). The cost is a few max-flows per
 * hidden small cell, each linear-ish in the table's size.
 */

/* A capacity that stands for "no upper bound". */
#define FLOW_BIG	1e12
#define FLOW_NONE	SIZE_MAX

typedef struct fedge {
	size_t to, next;	/* head of the edge; next edge out of its tail */
	double cap;		/* residual capacity */
} fedge;

/* A flow network for Dinic's algorithm; edge 2k's reverse is 2k + 1. */
typedef struct flow {
	size_t nv, ne;
	size_t *head;		/* [nv]: first edge out of each node */
	fedge *e;
	int *level;		/* [nv]: BFS depth from the source */
	size_t *it;		/* [nv]: next edge to try in this phase */
	size_t *queue;		/* [nv] */
} flow;

static void
flow_init(flow *f, size_t nv, size_t maxe)
{
	f->nv = nv;
	f->ne = 0;
	f->head = lt_malloc(nv * sizeof *f->head);
	f->e = lt_malloc(2 * maxe * sizeof *f->e);
	f->level = lt_malloc(nv * sizeof *f->level);
	f->it = lt_malloc(nv * sizeof *f->it);
	f->queue = lt_malloc(nv * sizeof *f->queue);
	for (size_t v = 0; v < nv; v++)
		f->head[v] = FLOW_NONE;
}

static void
flow_free(flow *f)
{
	free(f->head);
	free(f->e);
	free(f->level);
	free(f->it);
	free(f->queue);
}

static void
flow_edge(flow *f, size_t u, size_t v, double cap)
{
	f->e[f->ne] = (fedge){ v, f->head[u], cap };
	f->head[u] = f->ne++;
	f->e[f->ne] = (fedge){ u, f->head[v], 0 };
	f->head[v] = f->ne++;
}

/* Level the nodes by distance from s over edges with room; 1 if t is reached. */
static int
flow_bfs(flow *f, size_t s, size_t t)
{
	size_t qh = 0, qt = 0;

	for (size_t v = 0; v < f->nv; v++)
		f->level[v] = -1;
	f->level[s] = 0;
	f->queue[qt++] = s;
	while (qh < qt) {
		size_t u = f->queue[qh++];

		for (size_t i = f->head[u]; i != FLOW_NONE; i = f->e[i].next)
			if (f->e[i].cap > EPS && f->level[f->e[i].to] < 0) {
				f->level[f->e[i].to] = f->level[u] + 1;
				f->queue[qt++] = f->e[i].to;
			}
	}
	return f->level[t] >= 0;
}

/* Push up to lim from u towards t along the levels; returns how much. */
static double
flow_push(flow *f, size_t u, size_t t, double lim)
{
	if (u == t)
		return lim;
	for (; f->it[u] != FLOW_NONE; f->it[u] = f->e[f->it[u]].next) {
		size_t i = f->it[u];
		double d;

		if (f->e[i].cap <= EPS || f->level[f->e[i].to] != f->level[u] + 1)
			continue;
		d = flow_push(f, f->e[i].to, t, fmin(lim, f->e[i].cap));
		if (d > EPS) {
			f->e[i].cap -= d;
			f->e[i ^ 1].cap += d;
			return d;
		}
	}
	return 0;
}

/* The maximum flow from s to t (Dinic: strongly polynomial, so exact
   enough with capacities that are not whole). */
static double
flow_max(flow *f, size_t s, size_t t)
{
	double total = 0, d;

	while (flow_bfs(f, s, t)) {
		memcpy(f->it, f->head, f->nv * sizeof *f->it);
		while ((d = flow_push(f, s, t, INFINITY)) > EPS)
			total += d;
	}
	return total;
}

/* Nodes: source, sink, rows, columns, then the two for lower bounds. */
enum { NODE_S, NODE_T, NODE_FIRST };

/* The edge that carries entry e of a table: from *u to *v. */
static void
entry_edge(const sdc_work *w, size_t e, size_t *u, size_t *v)
{
	size_t wd = w->cols + 1, i = e / wd, j = e % wd;

	if (i < w->rows && j < w->cols) {
		*u = NODE_FIRST + i;
		*v = NODE_FIRST + w->rows + j;
	} else if (i < w->rows) {
		*u = NODE_S;
		*v = NODE_FIRST + i;
	} else if (j < w->cols) {
		*u = NODE_FIRST + w->rows + j;
		*v = NODE_T;
	} else {
		*u = NODE_T;
		*v = NODE_S;
	}
}

/*
 * Add an edge u -> v whose flow must lie in [lo, hi]: capacity hi - lo,
 * and the forced lo recorded as excess at v and deficit at u. A shown
 * entry (lo = hi) needs no edge, only its excess: the network then holds
 * just the hidden entries, and most nodes balance out.
 */
static void
bounded_edge(flow *f, double *excess, size_t u, size_t v, double lo,
    double hi)
{
	if (hi > lo)
		flow_edge(f, u, v, isinf(hi) ? FLOW_BIG : hi - lo);
	excess[v] += lo;
	excess[u] -= lo;
}

/*
 * 1 when everything published about a table allows entry fixed to be
 * val: a circulation exists with every entry within what it is known to
 * be (shown: its value; hidden: its reason's range) and fixed at val.
 */
static int
feasible(const sdc_work *w, size_t fixed, double val)
{
	size_t nv = NODE_FIRST + w->rows + w->cols + 2;
	size_t ss = nv - 2, tt = nv - 1, u, v;
	double *excess = lt_calloc(nv, sizeof *excess), need = 0;
	flow f;
	int ok;

	if (val < w->plo[fixed] - EPS || val > w->phi[fixed] + EPS) {
		free(excess);
		return 0;
	}
	flow_init(&f, nv, w->n + nv);
	for (size_t e = 0; e < w->n; e++) {
		double lo = e == fixed ? val : w->plo[e];
		double hi = e == fixed ? val : w->phi[e];

		entry_edge(w, e, &u, &v);
		bounded_edge(&f, excess, u, v, lo, hi);
	}
	for (size_t x = 0; x < ss; x++) {
		if (excess[x] > EPS) {
			flow_edge(&f, ss, x, excess[x]);
			need += excess[x];
		} else if (excess[x] < -EPS)
			flow_edge(&f, x, tt, -excess[x]);
	}
	ok = flow_max(&f, ss, tt) >= need - 1e-7 * (1 + need);
	flow_free(&f);
	free(excess);
	return ok;
}

/*
 * How far entry e can move from its true value in direction dir (+1,
 * -1), up to need_width(): the feasible values form an interval holding
 * the true one, so bisect (on whole numbers when counts are).
 */
static double
reach(const sdc_work *w, size_t e, int dir)
{
	double lo = 0, hi = need_width(w);

	if (hi <= 0 || feasible(w, e, w->x[e] + dir * hi))
		return hi > 0 ? hi : 0;
	for (int i = 0; i < 60 && hi - lo > (w->whole ? 1 : 1e-6); i++) {
		double mid = w->whole ? floor((lo + hi) / 2) : (lo + hi) / 2;

		if (feasible(w, e, w->x[e] + dir * mid))
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* 1 when the exact audit finds e protected (see protected()). */
static int
exact_protected(const sdc_work *w, size_t e)
{
	double up = reach(w, e, 1);

	return up >= need_width(w) - EPS ||
	    up + reach(w, e, -1) >= need_width(w) - EPS;
}

/*
 * The first small or differencing entry the exact audit exposes, or
 * SIZE_MAX. Hiding more only widens what is possible (a shown value
 * becomes a range around it), so an entry once found protected stays so
 * and is not checked again.
 */
static size_t
exposed_exact(sdc_work *w)
{
	for (size_t e = 0; e < w->n; e++) {
		int st = w->state[e];

		if ((st != LT_SDC_SMALL && st != LT_SDC_DIFF) || w->safe[e])
			continue;
		if (!exact_protected(w, e))
			return e;
		w->safe[e] = 1;
	}
	return SIZE_MAX;
}

/*
 * Nothing is left to hide and a small count is still exposed: the
 * reasons themselves give it away. {1, 10} with its total 11 under ten:
 * the 1 is "fewer than 10", the 10 is hidden to protect it and so at
 * least 10, and they add up to 11. Then every cell and every row and
 * column total is withheld with one reason (zeros too, or the number of
 * empty groups would tell), leaving the grand total.
 */
static void
withhold(sdc_work *w)
{
	w->withheld = 1;
	for (size_t e = 0; e < w->n; e++)
		if (w->rank[e] != RANK_GRAND)
			set_state(w, e, LT_SDC_WITHHELD);
}

/*
 * Secondary suppression: fix lines until none changes, then audit; hide
 * near what the audit exposes and start again. Every round hides at least
 * one more entry or stops, so it ends; when it stops with a small count
 * still exposed, the table is withheld.
 */
static void
suppress(sdc_work *w)
{
	size_t maxlen = 0, *cand, e;

	for (size_t i = 0; i < w->nlines; i++)
		if (line_len(&w->lines[i]) > maxlen)
			maxlen = line_len(&w->lines[i]);
	cand = lt_calloc(maxlen, sizeof *cand);
	for (;;) {
		size_t changed = 0;

		for (size_t i = 0; i < w->nlines; i++)
			changed += fix_line(w, &w->lines[i], cand);
		if (changed > 0)
			continue;
		/*
		 * The cheap audit first; the exact one when it finds nothing.
		 * A vector has one equation, and for one equation propagation
		 * is already exact.
		 */
		propagate(w);
		if ((e = exposed(w)) == SIZE_MAX &&
		    (w->vec || (e = exposed_exact(w)) == SIZE_MAX))
			break;
		if (!fix_exposed(w, e)) {
			withhold(w);
			break;
		}
	}
	free(cand);
}

/* ------------------------------------------------------------ entry points */

/* Check counts: finite and not negative. */
static int
check_counts(const double *x, size_t n, lt_error *err)
{
	for (size_t i = 0; i < n; i++)
		if (!isfinite(x[i]) || x[i] < 0)
			return lt_err(err, LT_EINVAL, "A count is negative or not a "
			    "number, so it cannot be protected; check the data.");
	return 0;
}

/* Set up w for n entries whose true values are in w->x (already owned). */
static void
work_init(sdc_work *w, const lt_sdc_profile *p, size_t n, size_t nlines)
{
	w->p = p;
	w->hb = p->hide_below;
	w->n = n;
	w->state = lt_calloc(n, sizeof *w->state);
	w->rank = lt_calloc(n, sizeof *w->rank);
	w->plo = lt_calloc(n, sizeof *w->plo);
	w->phi = lt_calloc(n, sizeof *w->phi);
	w->lo = lt_calloc(n, sizeof *w->lo);
	w->hi = lt_calloc(n, sizeof *w->hi);
	w->in = lt_calloc(n, sizeof *w->in);
	w->safe = lt_calloc(n, 1);
	w->lines = lt_calloc(nlines, sizeof *w->lines);
	w->nlines = nlines;
	w->withheld = 0;
	w->whole = 1;
	for (size_t e = 0; e < n; e++)
		if (w->x[e] != floor(w->x[e]))
			w->whole = 0;
}

/* Record which lines each entry is in, once the lines are set. */
static void
work_index(sdc_work *w)
{
	for (size_t e = 0; e < w->n; e++)
		w->in[e][0] = w->in[e][1] = SIZE_MAX;
	for (size_t i = 0; i < w->nlines; i++)
		for (size_t k = 0; k < line_len(&w->lines[i]); k++) {
			size_t e = line_at(&w->lines[i], k);

			w->in[e][w->in[e][0] == SIZE_MAX ? 0 : 1] = i;
		}
}

/*
 * Primary suppression, then secondary: small entries hidden, forced ones
 * hidden for differencing unless small anyway.
 */
static void
work_run(sdc_work *w, const unsigned char *force)
{
	int any = 0;

	for (size_t e = 0; e < w->n; e++) {
		int st = LT_SDC_SHOWN;

		if (lt_sdc_count_hidden(w->p, w->x[e]))
			st = LT_SDC_SMALL;
		else if (force != NULL && force[e])
			st = LT_SDC_DIFF;
		set_state(w, e, st);
		any |= st != LT_SDC_SHOWN;
	}
	if (any && w->p->secondary)
		suppress(w);
}

static void
work_free(sdc_work *w)
{
	free(w->x);
	free(w->state);
	free(w->rank);
	free(w->plo);
	free(w->phi);
	free(w->lo);
	free(w->hi);
	free(w->in);
	free(w->safe);
	free(w->lines);
}

/* The protected form of entry e. */
static void
put_cell(lt_sdc_cell *c, const sdc_work *w, size_t e)
{
	c->state = w->state[e];
	if (c->state == LT_SDC_SHOWN) {
		c->value = lt_sdc_round(w->x[e], w->p->round_to);
		c->why = NULL;
	} else {
		c->value = NAN;
		c->why = lt_sdc_why(w->p, c->state);
	}
}

int
lt_sdc_protect_vec(const lt_sdc_profile *p, const double *counts,
    size_t n, const unsigned char *force, lt_sdc_vec *out, lt_error *err)
{
	sdc_work w;
	double sum = 0;

	memset(out, 0, sizeof *out);
	if (check_counts(counts, n, err) != 0)
		return LT_EINVAL;
	/* Entries: the cells, then the total; one line. */
	w.x = lt_calloc(n + 1, sizeof *w.x);
	for (size_t i = 0; i < n; i++)
		sum += w.x[i] = counts[i];
	w.x[n] = sum;
	work_init(&w, p, n + 1, 1);
	w.rows = w.cols = 0;
	w.vec = 1;
	w.rank[n] = RANK_GRAND;
	w.lines[0] = (sdc_line){ 0, 1, n, n };
	work_index(&w);
	work_run(&w, force);

	out->n = n;
	out->cells = lt_calloc(n > 0 ? n : 1, sizeof *out->cells);
	for (size_t i = 0; i < n; i++)
		put_cell(&out->cells[i], &w, i);
	put_cell(&out->total, &w, n);
	out->withheld = w.withheld;
	work_free(&w);
	return 0;
}

void
lt_sdc_vec_free(lt_sdc_vec *v)
{
	if (v == NULL)
		return;
	for (size_t i = 0; i < v->n; i++)
		free(v->cells[i].why);
	free(v->cells);
	free(v->total.why);
	memset(v, 0, sizeof *v);
}

/*
 * The table with its margins as (rows + 1) x (cols + 1) entries, and its
 * lines: each row with its total (the last row: the column totals with
 * the grand total), each column with its total (the last column: the row
 * totals with the grand total).
 */
static void
tab_layout(sdc_work *w, const double *counts, size_t rows, size_t cols)
{
	size_t wd = cols + 1;

	for (size_t i = 0; i < rows; i++)
		for (size_t j = 0; j < cols; j++) {
			double v = counts[i * cols + j];

			w->x[i * wd + j] = v;
			w->x[i * wd + cols] += v;
			w->x[rows * wd + j] += v;
			w->x[rows * wd + cols] += v;
		}
}

static void
tab_lines(sdc_work *w, size_t rows, size_t cols)
{
	size_t wd = cols + 1;

	for (size_t i = 0; i <= rows; i++)
		for (size_t j = 0; j <= cols; j++)
			w->rank[i * wd + j] = (i == rows) + (j == cols);
	for (size_t i = 0; i <= rows; i++)
		w->lines[i] = (sdc_line){ i * wd, 1, cols, i * wd + cols };
	for (size_t j = 0; j <= cols; j++)
		w->lines[rows + 1 + j] = (sdc_line){ j, wd, rows, rows * wd + j };
	work_index(w);
}

int
lt_sdc_protect_tab(const lt_sdc_profile *p, const double *counts,
    size_t rows, size_t cols, const unsigned char *force, lt_sdc_tab *out,
    lt_error *err)
{
	sdc_work w;
	size_t wd = cols + 1, n;

	memset(out, 0, sizeof *out);
	if (rows >= SIZE_MAX / 2 / wd)
		return lt_err(err, LT_EINVAL, "The table is too big to protect.");
	if (check_counts(counts, rows * cols, err) != 0)
		return LT_EINVAL;
	n = (rows + 1) * wd;
	w.x = lt_calloc(n, sizeof *w.x);
	tab_layout(&w, counts, rows, cols);
	work_init(&w, p, n, rows + 1 + cols + 1);
	w.rows = rows;
	w.cols = cols;
	w.vec = 0;
	tab_lines(&w, rows, cols);
	work_run(&w, force);

	out->rows = rows;
	out->cols = cols;
	out->cells = lt_calloc(rows * cols > 0 ? rows * cols : 1, sizeof *out->cells);
	out->row_total = lt_calloc(rows > 0 ? rows : 1, sizeof *out->row_total);
	out->col_total = lt_calloc(cols > 0 ? cols : 1, sizeof *out->col_total);
	for (size_t i = 0; i < rows; i++) {
		for (size_t j = 0; j < cols; j++)
			put_cell(&out->cells[i * cols + j], &w, i * wd + j);
		put_cell(&out->row_total[i], &w, i * wd + cols);
	}
	for (size_t j = 0; j < cols; j++)
		put_cell(&out->col_total[j], &w, rows * wd + j);
	put_cell(&out->total, &w, rows * wd + cols);
	out->withheld = w.withheld;
	work_free(&w);
	return 0;
}

void
lt_sdc_tab_free(lt_sdc_tab *t)
{
	if (t == NULL)
		return;
	for (size_t i = 0; i < t->rows * t->cols; i++)
		free(t->cells[i].why);
	for (size_t i = 0; i < t->rows; i++)
		free(t->row_total[i].why);
	for (size_t j = 0; j < t->cols; j++)
		free(t->col_total[j].why);
	free(t->cells);
	free(t->row_total);
	free(t->col_total);
	free(t->total.why);
	memset(t, 0, sizeof *t);
}

/* ------------------------------------------------------------ differencing */

/* The earlier count for label, or 0 when the earlier table lacks it. */
static double
old_count(const char *label, const char *const *labels, const double *counts,
    size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (labels[i] != NULL && label != NULL &&
		    strcmp(labels[i], label) == 0)
			return counts[i];
	return 0;
}

size_t
lt_sdc_diff(const lt_sdc_profile *p,
    const char *const *old_labels, const double *old_counts, size_t nold,
    const char *const *new_labels, const double *new_counts, size_t nnew,
    unsigned char *hide)
{
	size_t nhide = 0;

	for (size_t i = 0; i < nnew; i++) {
		double d = fabs(new_counts[i] -
		    old_count(new_labels[i], old_labels, old_counts, nold));

		hide[i] = d > EPS && d < p->hide_below;
		nhide += hide[i];
	}
	return nhide;
}
