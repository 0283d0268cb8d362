/*
 * protect.h - small helpers the analysis commands share to protect their
 * own counts and statistics (sdc.h's CONTRACT FOR THE COMMANDS), so that
 * each command computes percentages and statistics from protected counts.
 *
 * When the profile in force hides nothing (none), the helpers hand the
 * true counts back as shown, so a command has one code path.
 */
#ifndef LT_PROTECT_H
#define LT_PROTECT_H

#include "chart.h"
#include "sdc.h"
#include "session_int.h"

/* The profile in force when it hides or rounds anything, else NULL. */
const lt_sdc_profile *lt_protect_active(lt_session *s);

/*
 * lt_session_protect_vec when a profile is active, else the true counts
 * as shown. Free out with lt_sdc_vec_free.
 */
int lt_protect_vec(lt_session *s, const char *key, const char *const *labels,
    const double *counts, size_t n, lt_sdc_vec *out, lt_error *err);
/* The same for a table (lt_session_protect_tab). Free with lt_sdc_tab_free. */
int lt_protect_tab(lt_session *s, const char *key, const char *const *rlabels,
    const char *const *clabels, const double *counts, size_t rows, size_t cols,
    lt_sdc_tab *out, lt_error *err);

/* 1 when c is shown. */
#define LT_SHOWN(c)	((c)->state == LT_SDC_SHOWN)

/* Put a protected number in a table: its value, or hidden with its why. */
void lt_protect_put(lt_table *t, size_t row, size_t col, const lt_sdc_cell *c);

/*
 * Protect one count of its own (a "rows left out" number) under key:
 * *v gets the value to show, or NAN when hidden. Returns 0 or an error.
 */
int lt_protect_one(lt_session *s, const char *key, double count, double *v,
    lt_error *err);

/*
 * The reason a statistic of a group of n people is hidden, or NULL when
 * it may be shown (no active profile, or n >= stat_min). Caller frees.
 */
char *lt_protect_stat_why(lt_session *s, double n);

/*
 * 1 when a value whose protected count is hidden must not be named: a
 * profile is active and v's values come from the data (no levels declared
 * in the dictionary), so naming one would say someone holds it (a number
 * such as a blood pressure, or the largest value). Such values are merged
 * into one row, LT_PROTECT_OTHER, with its count hidden.
 */
int lt_protect_unnamed(lt_session *s, const lt_var *v);
#define LT_PROTECT_OTHER	"other values"
/*
 * The why of the LT_PROTECT_OTHER row for the hidden cells among
 * cells[0..n-1]. Caller frees.
 */
char *lt_protect_other_why(lt_session *s, const lt_sdc_cell *cells, size_t n);

/*
 * Sums of the values of columns[0..ncols-1] over n groups (labels) of
 * people[j] people each. A sum tells about its people like a statistic,
 * and two sums over nearly the same people give a person's value away by
 * subtraction. So, when a profile is active: the group sizes are
 * protected like counts under key (the differencing guard included), the
 * size of all the groups together under "sum COLUMN" for each column (one
 * key shared by every command that adds that column up), and whys[j] gets
 * the reason group j's sums are hidden: its size is below stat_min or is
 * not shown. whys[j] is NULL when the sums may be shown (always, without
 * a profile). Free *whys with lt_protect_whys_free(*whys, n).
 */
int lt_protect_sums(lt_session *s, const char *key, const char *const *columns,
    size_t ncols, const char *const *labels, const double *people, size_t n,
    char ***whys, lt_error *err);
/* Free the whys of lt_protect_sums (n of them, some NULL). */
void lt_protect_whys_free(char **whys, size_t n);

/* Hide a number cell (v) with why when why is set, else set it (NaN: missing). */
void lt_protect_num(lt_table *t, size_t row, size_t col, double v, const char *why);

/* Add a key number, withheld with why when why is set. */
void lt_protect_number(lt_result *r, const char *key, const char *label, double v,
    const char *unit, const char *why);
/* Add a key number that is a protected count. */
void lt_protect_count(lt_result *r, const char *key, const char *label,
    const lt_sdc_cell *c);

/*
 * Add the method note that the numbers shown were protected under the
 * active profile, and that what is computed from counts uses the
 * protected counts. Does nothing when no profile is active.
 */
void lt_protect_method(lt_session *s, lt_result *r);

/*
 * Points of a scatter plot counted in squares (a density grid): one
 * person's values never leave the core, the counts are protected like
 * any others. The grid has at most LT_DENSITY_X squares across and
 * LT_DENSITY_Y down, edges xe[0..nx] and ye[0..ny], and tab holds the
 * protected counts, ny rows by nx columns.
 */
#define LT_DENSITY_X	12
#define LT_DENSITY_Y	8

typedef struct lt_density {
	size_t nx, ny;
	double xe[LT_CHART_MAX_BINS + 2], ye[LT_CHART_MAX_BINS + 2];
	lt_sdc_tab tab;
} lt_density;

/*
 * Count the points (x[i], y[i]), i < n, and protect the counts under key
 * (the differencing guard included). Returns 1 when d holds a grid (free
 * it with lt_density_free), 0 when there is nothing to count or too few
 * people for one (its edges would be their own values), or an error code
 * with err set.
 */
int lt_protect_density(lt_session *s, const char *key, const double *x, const double *y,
    size_t n, lt_density *d, lt_error *err);
/* Add d to t (which has no columns yet): x_from, x_to, y_from, y_to, count. */
void lt_density_table(lt_table *t, const lt_density *d);
void lt_density_free(lt_density *d);

#endif
