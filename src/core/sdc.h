/*
 * sdc.h - statistical disclosure control: the rules that stop a result
 * from picking out a person, as plain functions (no database, no session,
 * no result document).
 *
 * THE RULES
 * A profile is a row of data (lt_sdc_profiles[]), chosen by a dataset's
 * metadata and tightened, never loosened, by a deployment's configuration
 * (lt_sdc_tighten). Its fields:
 *   hide_below	a count of 1 .. hide_below-1 people is hidden ("small").
 *		A count of 0 is shown: a true zero names nobody, and hiding
 *		zeros would hide most of a sparse table for no gain. The
 *		cost: shown zeros tell how many groups are not empty, which
 *		with the total can give small counts away (nine groups of 1
 *		person, total 9); rule 5 below withholds such tables.
 *   round_to	every count that is shown is rounded to the nearest multiple
 *		(5), ties away from zero (lt_sdc_round); 0 = not rounded.
 *   star	hidden counts are drawn as "*" (NHS style) rather than the
 *		usual hidden marker; it changes the look, not what is hidden.
 *   stat_min	a mean, SD, median, quantile ... of a group of fewer than
 *		stat_min people is hidden (lt_sdc_stat_hidden).
 *   no_extremes no minimum or maximum of individual values: each is one
 *		person's own value. Show rounded or top-coded values.
 *   flag_all_or_none a 0% or 100% cell, which says something about every
 *		person in its group, is flagged (lt_sdc_all_or_none).
 *   rows_ok	row-level records may be shown and exported. (A synthetic
 *		dataset may show rows whatever its profile: that is the
 *		caller's decision from the dataset's metadata.)
 *   secondary	secondary suppression: when a hidden count could be worked
 *		out by subtraction from totals, more cells are hidden.
 *
 * SECONDARY SUPPRESSION: WHICH APPROACH AND WHY
 * There are two ways to stop "total minus the shown cells = the hidden
 * cell": recompute the total from the protected cells, or hide more cells.
 * lantern hides more cells, for every profile that has secondary set, and
 * keeps totals true (then rounded). Recomputed totals fail as soon as the
 * true total appears anywhere else - the dataset card's row count, a
 * describe, another freq over the same people - and in one session it
 * always does; the difference between the two totals is then the hidden
 * cell. Hiding more cells also keeps percentages honest (a denominator
 * that silently drops the hidden people is wrong), and it is the only
 * defence for a profile that does not round (ten), where subtraction is
 * exact. (DESIGN.md's "totals recomputed from protected cells" for
 * opensafely is replaced by this.)
 *
 * How cells are chosen: the standard heuristic of "at least two
 * suppressions in every line" (a line = a row or column with its total),
 * made stricter, then checked by an audit:
 *  1. What an attacker knows: every shown number exactly (the worst case:
 *     rounding only helps), the grand total (lantern shows it elsewhere:
 *     the rows a filter kept), and the reasons. A small cell is
 *     1..hide_below-1; a cell hidden to protect another is at least
 *     hide_below (zeros are never hidden, so that stays true).
 *  2. Protected means: a hidden small count (or one hidden for
 *     differencing) could still be any of at least half the values its
 *     reason allows - 4 of 1..7, 5 of 1..9 - and no other hidden number
 *     is pinned to one value. Not "any of 1..7": two small cells whose
 *     small total is hidden already tell each other that each is at most
 *     6, and nothing can be hidden to undo that. Not just "not exactly
 *     known" either: "7, 8 or 9" says nearly as much. The plain "two per
 *     line" rule fails even the weak test: two small cells of 1 and 1 in
 *     a line whose total is shown add up to 2, so both are 1.
 *  3. A line is unsafe when its own equation leaves a hidden number
 *     unprotected. It hides the smallest shown cell that makes it safe on
 *     its own, else the smallest shown cell, and tries again. Zeros are
 *     never chosen; cells come before row and column totals; the grand
 *     total is never hidden to protect a cell (it is known anyway).
 *  4. Lines are fixed until none changes, then an audit propagates bounds
 *     through all the equations together (interval constraint
 *     propagation: each line narrows each hidden number's range from the
 *     ranges of the others, repeated until nothing moves), then, when
 *     that finds nothing, an exact audit: a table with its totals is a
 *     transportation network, so "could this small cell be 5?" is a
 *     max-flow question, answered exactly (for whole counts, the same
 *     answer as an attacker solving the integer programme). A small
 *     count exposed there is exposed by several lines at once (in a 2 x 2
 *     table a cell hidden to protect another is worked out from its own
 *     column, then the small one from its row); the smallest shown cell
 *     near it is hidden and everything is checked again.
 *  5. When nothing is left to hide and a small count is still exposed,
 *     the reasons themselves give it away ({1, 10} with total 11 under
 *     ten: 1..9 plus at least 10 makes 11). Then the table is
 *     withheld: every cell and row and column total hidden with one
 *     reason (LT_SDC_WITHHELD), zeros too, leaving the grand total.
 * Choosing cells is a heuristic, not the optimal (fewest-cells) solution,
 * which is an integer linear programme; it may hide more than needed. The
 * audit is exact for one table. What it does not stop, and the callers
 * must remember:
 *  - Rounding: the checks use the true counts, the worst case. Rounded
 *    cells do not add up to rounded totals; that is expected and is no
 *    leak. With rounding, an attacker knows the sum of hidden cells only
 *    to within a few people per shown cell.
 *  - Knowledge of the algorithm itself (e.g. "it hid the smallest cell
 *    that was enough, so the one before it was not").
 *  - Other tables: a hidden cell here may be shown in another result
 *    over the same people (a freq is the margin of a crosstab; the two
 *    may choose different cells to hide). The differencing guard
 *    (lt_sdc_diff) covers tables over the same categories.
 *
 * CONTRACT FOR THE COMMANDS THAT USE THIS
 *  - Pass TRUE counts (frequency-weighted sums, whole or not; finite and
 *    not negative). Everything shown comes back protected: use value only
 *    when state is LT_SDC_SHOWN; a hidden value is NAN and why says why.
 *  - Compute percentages, rates and statistics from the protected counts,
 *    never from the true ones, and hide a percentage whose count or
 *    whose denominator is hidden (with the same why): a shown count over
 *    a shown percentage gives the denominator back.
 *  - Treat every total as published even if you do not print it: the
 *    protection assumes an attacker knows it.
 *  - why is the plain reason without the word "hidden" (the renderers
 *    print "hidden: fewer than 8 people"); copy it into lt_table_hide().
 *  - A total that comes back hidden must be hidden everywhere else in the
 *    result it would appear (the "rows used" note, a denominator).
 *  - Statistics of a group: lt_sdc_stat_hidden(); minimum and maximum:
 *    p->no_extremes; 0% / 100%: lt_sdc_all_or_none(); row browsing and
 *    row exports: p->rows_ok (or the dataset is synthetic).
 *  - Differencing: the session keeps the TRUE counts of what it released,
 *    keyed by category label (include the total as a label of its own),
 *    calls lt_sdc_diff() with the new table's true counts, and passes the
 *    flags as force to lt_sdc_protect_vec / lt_sdc_protect_tab so the
 *    cells it hides are protected from subtraction too.
 */
#ifndef LT_SDC_H
#define LT_SDC_H

#include <stddef.h>

#include "buf.h"
#include "error.h"

/* The profile of individual-level data when nobody chose one. */
#define LT_SDC_DEFAULT	"opensafely"

/* ------------------------------------------------------------ profiles */

typedef struct lt_sdc_profile {
	const char *name;	/* "opensafely", "nhs", "ten", "none" */
	const char *summary;	/* one line for the dataset card */
	const char *explain;	/* a paragraph for students (privacy command) */
	int hide_below;		/* counts 1 .. hide_below-1 hidden; 0: none */
	int round_to;		/* shown counts rounded to a multiple; 0: not */
	int star;		/* hidden counts drawn as "*" */
	int stat_min;		/* statistics of groups smaller than this hidden */
	int no_extremes;	/* no minimum or maximum of individual values */
	int flag_all_or_none;	/* 0% and 100% cells flagged */
	int rows_ok;		/* row-level records may be shown */
	int secondary;		/* secondary suppression */
	int stat_digits;	/* statistics shown to this many significant
				   digits (lt_sdc_round_sig); 0: as computed */
	int hide_zero;		/* not a rule of its own: set while a filter
				   is on (lt_session_profile), when a count
				   of 0 is hidden like 1 .. hide_below-1 */
} lt_sdc_profile;

/* The built-in profiles, in the order the privacy command lists them. */
extern const lt_sdc_profile lt_sdc_profiles[];
extern const size_t lt_sdc_nprofiles;

/* Where a deployment's configuration is, unless $LANTERN_CONFIG says. */
#define LT_SDC_SYSTEM_CONFIG	"/etc/lantern/lantern.conf"

/* 1 when a and b have the same rules, whatever their names. */
int lt_sdc_same_rules(const lt_sdc_profile *a, const lt_sdc_profile *b);

/* The profile called name (any case), or NULL. */
const lt_sdc_profile *lt_sdc_find(const char *name);

/*
 * *out = the stricter of a and b, field by field (a deployment's profile
 * can only tighten a dataset's). Field by field, because profiles are not
 * ordered: nhs rounds to 5 and hides 1-7, ten hides 1-9 and does not
 * round, so neither is stricter; together they hide 1-9 and round to 5.
 * Counts and group sizes take the larger; rounding the coarser (the least
 * common multiple); flags the "on" (rows_ok the "off"); star is only
 * looks, so either asking for it gives it. out keeps a's or b's name and
 * texts when it equals that profile, else is named "combined" with a
 * general text (describe its rules with lt_sdc_rules). out may be a or b.
 */
void lt_sdc_tighten(lt_sdc_profile *out, const lt_sdc_profile *a,
    const lt_sdc_profile *b);

/*
 * Append p's rules to out, one short plain sentence each, made from its
 * fields (for the privacy command, and for a "combined" profile).
 */
void lt_sdc_rules(lt_buf *out, const lt_sdc_profile *p);

/* ------------------------------------------------------------ single rules */

/*
 * v rounded to the nearest multiple of to; a tie (possible with weighted
 * counts: 12.5 to 5) goes away from zero (12.5 -> 15, -12.5 -> -15),
 * like C's round(). to <= 0 returns v as it is; NaN stays NaN.
 */
double lt_sdc_round(double v, int to);

/*
 * v to digits significant digits (as printf's %.*e rounds the double's
 * exact value); digits <= 0, zero or a
 * value that is not finite: v. Statistics of protected data are shown no
 * more exactly than this, so that exact means and spreads of the groups
 * shown cannot be added up to rebuild a hidden group's (an exact mean of
 * whole numbers also gives away the group's size as its denominator).
 */
double lt_sdc_round_sig(double v, int digits);

/* 1 when a count of v people is hidden: 0 < v < hide_below. */
int lt_sdc_count_hidden(const lt_sdc_profile *p, double v);
/* 1 when a statistic of a group of n people is hidden: n < stat_min. */
int lt_sdc_stat_hidden(const lt_sdc_profile *p, double n);
/*
 * 1 when k of a group of n (0 < n) is 0% or 100% and p flags such cells:
 * it says the same thing about every person in the group.
 */
int lt_sdc_all_or_none(const lt_sdc_profile *p, double k, double n);

/* Why a value is shown or hidden. */
enum lt_sdc_state {
	LT_SDC_SHOWN,		/* shown (rounded if the profile rounds) */
	LT_SDC_SMALL,		/* hidden: fewer than hide_below people */
	LT_SDC_SECONDARY,	/* hidden so another cannot be worked out */
	LT_SDC_DIFF,		/* hidden: differs from an earlier result */
	LT_SDC_STAT,		/* hidden: a statistic of too few people */
	LT_SDC_EXTREME,		/* hidden: one person's own value */
	LT_SDC_WITHHELD		/* hidden: the whole table is too small */
};

/*
 * The plain reason for state under p, without the word "hidden"
 * ("fewer than 8 people"); NULL for LT_SDC_SHOWN. Caller frees.
 */
char *lt_sdc_why(const lt_sdc_profile *p, int state);

/* ------------------------------------------------------------ counts */

/* One protected number. */
typedef struct lt_sdc_cell {
	double value;		/* rounded true value when shown; NAN when hidden */
	int state;		/* enum lt_sdc_state */
	char *why;		/* NULL when shown, else the reason (owned) */
} lt_sdc_cell;

/* A vector of counts and its total: freq, histogram bins, bars. */
typedef struct lt_sdc_vec {
	size_t n;
	lt_sdc_cell *cells;	/* [n] */
	lt_sdc_cell total;	/* the true sum, protected */
	int withheld;		/* 1: every cell withheld (rule 5 above) */
} lt_sdc_vec;

/*
 * Protect counts[0..n-1] and their total under p. force, when not NULL,
 * has n + 1 flags (force[n] is the total): a set flag hides that number
 * as LT_SDC_DIFF unless it is small anyway; lt_sdc_diff makes them.
 * Returns 0, or LT_EINVAL when a count is negative or not finite (out is
 * then empty). Free out with lt_sdc_vec_free.
 */
int lt_sdc_protect_vec(const lt_sdc_profile *p, const double *counts,
    size_t n, const unsigned char *force, lt_sdc_vec *out, lt_error *err);
void lt_sdc_vec_free(lt_sdc_vec *v);

/* An r x c table of counts with its row, column and grand totals. */
typedef struct lt_sdc_tab {
	size_t rows, cols;
	lt_sdc_cell *cells;	/* [rows * cols], row-major */
	lt_sdc_cell *row_total;	/* [rows] */
	lt_sdc_cell *col_total;	/* [cols] */
	lt_sdc_cell total;
	int withheld;		/* 1: cells and row/column totals withheld */
} lt_sdc_tab;

/*
 * Protect a row-major table counts[rows * cols] and its margins (computed
 * here from the true counts, then protected by the same rules). force,
 * when not NULL, covers the table with its margins: (rows + 1) x
 * (cols + 1) flags, row-major, row i's total at [i * (cols + 1) + cols],
 * column j's at [rows * (cols + 1) + j], the grand total last.
 * Returns 0 or LT_EINVAL as lt_sdc_protect_vec. Free with lt_sdc_tab_free.
 */
int lt_sdc_protect_tab(const lt_sdc_profile *p, const double *counts,
    size_t rows, size_t cols, const unsigned char *force, lt_sdc_tab *out,
    lt_error *err);
void lt_sdc_tab_free(lt_sdc_tab *t);

/* ------------------------------------------------------------ differencing */

/*
 * The differencing guard's pure part. old_* is an earlier released table,
 * new_* a new one over the same categories (the same freq with another
 * filter), both TRUE counts keyed by label (include the total as a label).
 * Sets hide[i] to 1 when new cell i differs from the earlier cell with the
 * same label by 1 .. hide_below-1 people, else 0; a label the earlier
 * table lacks counts as 0 there. Returns how many were set. The caller
 * hides them (why: lt_sdc_why(p, LT_SDC_DIFF)), best through force.
 */
size_t lt_sdc_diff(const lt_sdc_profile *p,
    const char *const *old_labels, const double *old_counts, size_t nold,
    const char *const *new_labels, const double *new_counts, size_t nnew,
    unsigned char *hide);

#endif
