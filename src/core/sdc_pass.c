/*
 * sdc_pass.c - the one choke point of disclosure control: a pass over every
 * result document before it leaves the core (run_one in session.c calls
 * it before a result is emitted or collected), so that nothing the
 * profile forbids is shown, whatever the command did.
 *
 * Commands protect their own counts where they know the table's shape
 * (lt_session_protect_vec / _tab, then lt_table.protected = 1). This pass
 * is the backstop, with generic rules:
 *  - counts: every LT_RC_COUNT cell of 1 .. hide_below-1 is hidden, every
 *    other one rounded; a table no command protected gets secondary
 *    suppression and the differencing guard here, its count columns taken
 *    as one matrix (or, with one count column, one vector);
 *  - statistics: a row whose "n" (its first count column) is under
 *    stat_min, or hidden as small or different, has its numbers and
 *    percentages hidden; key numbers likewise, after the "n" among them,
 *    and all of them when any group's statistics were hidden;
 *  - extremes: minimum and maximum (and earliest and latest) values hidden
 *    when the profile says no extremes;
 *  - row-level tables, when the dataset's rows may not be shown: a
 *    scatter plot's points become a density grid of protected counts
 *    (LT_CHART_DENSITY), any other such table is emptied;
 *  - a filter that selects fewer people than a statistic may describe
 *    (none too): nothing about them is shown, only a headline saying why;
 *  - a group size ("n", "rows", "people") hidden for any reason: every
 *    number and percentage of the result hidden with it, since the others
 *    give it back (SD and SE give n; a CI and an SE give the degrees of
 *    freedom), and the words around hidden statistics (headline, caveats,
 *    method lines with "= 0.24") dropped;
 *  - one caveat saying that numbers were hidden and where to read why.
 * Key numbers that count people ("n", "rows", ...) go through the
 * differencing guard one by one, keyed by the command without its filter
 * (result_key); lt_sdc_count does the same for a count in a note.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "chart.h"
#include "cmd.h"
#include "protect.h"
#include "session_int.h"

#define ALL_CAVEAT	"In at least one group everyone has the same answer (a 0% or " \
	"100% cell): that tells you something about every person in that " \
	"group, so think before you share it."
#define PRIVACY_CAVEAT	"Some numbers are hidden to protect people's privacy; " \
	"type \"privacy\" to see the rules."
#define ROWS_CAVEAT	"Single rows of this data are not shown, because it is " \
	"about real people; look at counts and summaries instead."
#define POINTS_CAVEAT	"Single points are not shown for real people's data; " \
	"try \"plot hist\" to see how the values spread."
#define DENSITY_CAVEAT	"Single points are not shown for real people's data, so " \
	"the chart counts the people in each square; squares with few people are hidden."
#define FEW_HEADLINE	"This result is not shown to protect privacy: the filter " \
	"selects too few people (fewer than %d) to show anything about them; widen it."
#define FEW_DATA_HEADLINE	"This result is not shown to protect privacy: the " \
	"dataset has too few people (fewer than %d) to show anything about them."
#define FEW_LEFT_HEADLINE	"This result is not shown to protect privacy: the filter " \
	"leaves out only a few people (fewer than %d), who could be worked out by " \
	"comparing with everyone; make it leave out more, or turn it off."
#define FEW_CAVEAT	"Nothing is shown about fewer than %d people, so that " \
	"nobody can be picked out; type \"privacy\" to see the rules."
#define SIZE_HEADLINE	"The numbers are hidden, because the number of people " \
	"they describe is hidden (%s)."
#define STAT_HEADLINE	"Some numbers are hidden, because they come from groups " \
	"too small to show; the rest are below."

/* Key numbers that count people (or rows): the count rule applies. */
static const char *const count_keys[] = {
	"n", "missing", "rows", "people", "events", "population", NULL
};
/* Key numbers that are neither counts of people nor statistics of them. */
static const char *const plain_keys[] = { "levels", "columns", NULL };
/* Key numbers that give the size of the group the statistics describe. */
static const char *const size_keys[] = { "n", "people", "rows", NULL };
/* Names of extremes: one person's own value. */
static const char *const extreme_names[] = {
	"min", "max", "minimum", "maximum", "smallest", "largest", "earliest",
	"latest", NULL
};
/* Text columns that hold a statistic of the row's group, not a label. */
static const char *const text_stats[] = {
	"mean", "median", "earliest", "latest", "most_common", NULL
};
/* Number columns that are not statistics of people: bin edges. */
static const char *const not_stats[] = {
	"from", "to", "x_from", "x_to", "y_from", "y_to", NULL
};
/* Count columns that do not count people: how many different values. */
static const char *const not_people[] = { "levels", NULL };
/* Commands whose results are not about the open dataset's people. */
static const char *const exempt_cmds[] = {
	"datasets", "help", "set", "quit", "privacy", "post", "findings", "tutorial", NULL
};
/*
 * Commands whose results do not describe the rows a filter selects: they
 * are shown when the filter selects too few people (the filter's own
 * count is protected as a count, in cmd_view.c).
 */
static const char *const not_rows_cmds[] = {
	"filter", "info", "open", "import", "drop", "generate", "sort", NULL
};

/* What the pass needs to hand around. */
typedef struct pass {
	lt_session *s;
	const lt_sdc_profile *p;
	lt_result *r;
	char *key;		/* what the result counts, without the filter */
	int hidden;		/* something is hidden in the result */
	int stat_rows;		/* a group's statistics were hidden */
	int stat_items;		/* the key numbers' statistics were hidden */
} pass;

static int
in_list(const char *const *list, const char *s)
{
	if (s == NULL)
		return 0;
	for (; *list != NULL; list++)
		if (strcasecmp(*list, s) == 0)
			return 1;
	return 0;
}

/* Hide a table cell with the reason for state. */
static void
hide_cell(pass *ps, lt_table *t, size_t row, size_t col, int state)
{
	char *why = lt_sdc_why(ps->p, state);

	lt_table_hide(t, row, col, why);
	free(why);
	ps->hidden = 1;
}

/* Hide key number i with the reason for state. */
static void
hide_item(pass *ps, size_t i, int state)
{
	char *why = lt_sdc_why(ps->p, state);

	lt_result_hide_item(ps->r, i, why);
	free(why);
	ps->hidden = 1;
}

/*
 * The key of what r counts, without the filter: the command's own name
 * and its words that are not options (nor option values), so that
 * "describe bmi by sex" under two filters, or with "--format json", share
 * it. A command that takes its text raw (filter EXPR) is keyed by its
 * name alone: the text is the filter.
 */
static char *
result_key(const lt_result *r)
{
	const lt_cmd_entry *e;
	lt_buf b = LT_BUF_INIT;
	lt_error err;
	lt_words w;
	size_t off = 0;

	lt_err_clear(&err);
	if (r->command == NULL || lt_words_next(r->command, &off, &w, &err) != 1)
		return lt_strdup(r->command != NULL ? r->command : "");
	e = w.n > 0 ? lt_cmd_find(w.w[0]) : NULL;
	lt_buf_puts(&b, e != NULL ? e->name : w.n > 0 ? w.w[0] : "");
	for (size_t i = 1; e != NULL && !(e->flags & LT_CMD_RAW) && i < w.n; i++) {
		const char *word = w.w[i], *eq;
		size_t nlen;
		int takes = 0;

		if (w.quoted[i] || strncmp(word, "--", 2) != 0 || word[2] == '\0') {
			lt_buf_putc(&b, ' ');
			lt_buf_puts(&b, word);
			continue;
		}
		if ((eq = strchr(word, '=')) != NULL)
			continue;
		nlen = strlen(word + 2);
		if (strcmp(word + 2, "format") == 0)
			takes = 1;
		for (size_t k = 0; e->opts != NULL && e->opts[k].name != NULL; k++)
			if (strlen(e->opts[k].name) == nlen &&
			    strcmp(e->opts[k].name, word + 2) == 0)
				takes = e->opts[k].arg != NULL;
		if (takes)
			i++;
	}
	lt_words_clear(&w);
	return lt_buf_take(&b);
}

/* The label of row i for the differencing guard: its text cells. */
static char *
row_label(const lt_table *t, size_t i)
{
	lt_buf b = LT_BUF_INIT;

	for (size_t c = 0; c < t->ncols; c++) {
		const lt_cell *cell = lt_table_cell(t, i, c);
		int type = t->cols[c].type;

		if (!(type == LT_RC_TEXT || type == LT_RC_VALUE ||
		    in_list(not_stats, t->cols[c].name)))
			continue;
		lt_buf_putc(&b, '\x1f');
		if (cell->kind == LT_CELL_TEXT)
			lt_buf_puts(&b, cell->text);
		else if (cell->kind == LT_CELL_NUMBER)
			lt_buf_printf(&b, "%.17g", cell->num);
	}
	/* no labels: the row's place (the same table keeps its order) */
	if (strspn(lt_buf_str(&b), "\x1f") == strlen(lt_buf_str(&b)))
		lt_buf_printf(&b, "#%zu", i);
	return lt_buf_take(&b);
}

/* Is column c a count of people? */
static int
people_col(const lt_table *t, size_t c)
{
	return t->cols[c].type == LT_RC_COUNT && !in_list(not_people, t->cols[c].name);
}

/*
 * Secondary suppression and the differencing guard for a table no command
 * protected: its count columns as a matrix (a vector when there is one),
 * protected from the true counts; the protected values are written back.
 * Returns 1 when it was done, 0 when the table cannot be treated so (a
 * count is already hidden, negative or not finite): the primary rules
 * then apply alone.
 */
static int
protect_table(pass *ps, lt_table *t, int *states)
{
	size_t *cc = lt_calloc(t->ncols + 1, sizeof *cc), k = 0, rows = t->nrows;
	double *counts;
	char **rl, **cl, *key;
	lt_error err;
	int ok = 1, rc;

	for (size_t c = 0; c < t->ncols; c++)
		if (people_col(t, c))
			cc[k++] = c;
	if (k == 0 || rows == 0) {
		free(cc);
		return 1;
	}
	counts = lt_calloc(rows * k, sizeof *counts);
	for (size_t i = 0; i < rows && ok; i++)
		for (size_t j = 0; j < k; j++) {
			const lt_cell *cell = lt_table_cell(t, i, cc[j]);

			if (cell->kind == LT_CELL_HIDDEN ||
			    (cell->kind == LT_CELL_NUMBER && !(isfinite(cell->num) && cell->num >= 0)))
				ok = 0;
			counts[i * k + j] = cell->kind == LT_CELL_NUMBER ? cell->num : 0;
		}
	if (!ok) {
		free(cc);
		free(counts);
		return 0;
	}
	rl = lt_calloc(rows + 1, sizeof *rl);
	cl = lt_calloc(k + 1, sizeof *cl);
	for (size_t i = 0; i < rows; i++)
		rl[i] = row_label(t, i);
	for (size_t j = 0; j < k; j++)
		cl[j] = t->cols[cc[j]].name;
	key = lt_sprintf("%s\x1f%s", ps->key, t->name != NULL ? t->name : "");
	lt_err_clear(&err);
	if (k == 1) {
		lt_sdc_vec v;

		if ((rc = lt_session_protect_vec(ps->s, key, (const char *const *)rl, counts,
		    rows, &v, &err)) == 0) {
			for (size_t i = 0; i < rows; i++) {
				const lt_cell *cell = lt_table_cell(t, i, cc[0]);

				states[i * t->ncols + cc[0]] = v.cells[i].state;
				if (v.cells[i].state != LT_SDC_SHOWN)
					hide_cell(ps, t, i, cc[0], v.cells[i].state);
				else if (cell->kind == LT_CELL_NUMBER)
					lt_table_num(t, i, cc[0], v.cells[i].value);
			}
			lt_sdc_vec_free(&v);
		}
	} else {
		lt_sdc_tab tab;

		if ((rc = lt_session_protect_tab(ps->s, key, (const char *const *)rl,
		    (const char *const *)cl, counts, rows, k, &tab, &err)) == 0) {
			for (size_t i = 0; i < rows; i++)
				for (size_t j = 0; j < k; j++) {
					const lt_sdc_cell *sc = &tab.cells[i * k + j];
					const lt_cell *cell = lt_table_cell(t, i, cc[j]);

					states[i * t->ncols + cc[j]] = sc->state;
					if (sc->state != LT_SDC_SHOWN)
						hide_cell(ps, t, i, cc[j], sc->state);
					else if (cell->kind == LT_CELL_NUMBER)
						lt_table_num(t, i, cc[j], sc->value);
				}
			lt_sdc_tab_free(&tab);
		}
	}
	for (size_t i = 0; i < rows; i++)
		free(rl[i]);
	free(rl);
	free(cl);
	free(key);
	free(cc);
	free(counts);
	t->protected = rc == 0;
	return rc == 0;
}

/* The primary rules alone on the count cells of t: small hidden, others rounded. */
static void
primary(pass *ps, lt_table *t, int *states)
{
	for (size_t i = 0; i < t->nrows; i++)
		for (size_t c = 0; c < t->ncols; c++) {
			const lt_cell *cell = lt_table_cell(t, i, c);

			if (!people_col(t, c) || cell->kind != LT_CELL_NUMBER)
				continue;
			if (lt_sdc_count_hidden(ps->p, cell->num)) {
				states[i * t->ncols + c] = LT_SDC_SMALL;
				hide_cell(ps, t, i, c, LT_SDC_SMALL);
			} else if (ps->p->round_to > 0 &&
			    fmod(cell->num, ps->p->round_to) != 0) {
				lt_table_num(t, i, c, lt_sdc_round(cell->num, ps->p->round_to));
			}
		}
}

/* Does a hidden cell's reason allow the row's statistics to be shown? */
static int
hidden_only_secondary(pass *ps, const lt_cell *cell, int state)
{
	char *sec;
	int yes;

	if (state >= 0)
		return state == LT_SDC_SECONDARY;
	sec = lt_sdc_why(ps->p, LT_SDC_SECONDARY);
	yes = cell->why != NULL && strcmp(cell->why, sec) == 0;
	free(sec);
	return yes;
}

/* The scatter plot drawn from table ti, or NULL. */
static lt_chart *
scatter_of(lt_result *r, size_t ti)
{
	for (size_t i = 0; i < r->ncharts; i++)
		if (r->charts[i].table == ti && r->charts[i].kind == LT_CHART_SCATTER)
			return &r->charts[i];
	return NULL;
}

/* Empty t: no columns, no rows. */
static void
table_clear(lt_table *t)
{
	for (size_t i = 0; i < t->nrows * t->ncols; i++) {
		free(t->cells[i].why);
		free(t->cells[i].text);
	}
	for (size_t c = 0; c < t->ncols; c++) {
		free(t->cols[c].name);
		free(t->cols[c].label);
	}
	free(t->cells);
	free(t->cols);
	t->cells = NULL;
	t->cols = NULL;
	t->nrows = t->ncols = t->cap = 0;
}

/*
 * A scatter plot of people who may not be shown one by one becomes a
 * density grid (LT_CHART_DENSITY): the points counted in squares, the
 * counts protected as a table (rows of squares by columns of squares,
 * with the differencing guard), the points themselves dropped. Returns
 * 0 when there is nothing to count (the caller then empties the table).
 */
static int
to_density(pass *ps, lt_table *t, lt_chart *ch)
{
	double *x, *y;
	size_t n = 0;
	char *key;
	lt_density d;
	lt_error err;
	int rc;

	if (t->ncols < 2)
		return 0;
	x = lt_calloc(t->nrows + 1, sizeof *x);
	y = lt_calloc(t->nrows + 1, sizeof *y);
	for (size_t i = 0; i < t->nrows; i++) {
		const lt_cell *a = lt_table_cell(t, i, 0), *b = lt_table_cell(t, i, 1);

		if (a->kind == LT_CELL_NUMBER && b->kind == LT_CELL_NUMBER &&
		    isfinite(a->num) && isfinite(b->num)) {
			x[n] = a->num;
			y[n++] = b->num;
		}
	}
	key = lt_sprintf("%s\x1f" "density", ps->key);
	lt_err_clear(&err);
	rc = lt_protect_density(ps->s, key, x, y, n, &d, &err);
	free(key);
	free(x);
	free(y);
	if (rc != 1)
		return 0;
	table_clear(t);
	lt_density_table(t, &d);
	for (size_t i = 0; i < t->nrows; i++)
		if (lt_table_cell(t, i, 4)->kind == LT_CELL_HIDDEN)
			ps->hidden = 1;
	lt_density_free(&d);
	free(t->name);
	t->name = lt_strdup("density");
	t->row_level = 0;
	ch->kind = LT_CHART_DENSITY;
	return 1;
}

/* The rules for table ti. */
static void
pass_table(pass *ps, size_t ti)
{
	lt_table *t = ps->r->tables[ti];
	size_t ncell = t->nrows * t->ncols, ncol = t->ncols;
	int *states;

	if (t->row_level) {
		lt_chart *ch = scatter_of(ps->r, ti);

		/* rows of real people: none leave the core (the backstop) */
		if (!lt_session_rows_ok(ps->s) && t->nrows > 0) {
			if (ch != NULL && to_density(ps, t, ch)) {
				lt_result_caveat(ps->r, "%s", DENSITY_CAVEAT);
				return;
			}
			for (size_t i = 0; i < ncell; i++) {
				free(t->cells[i].why);
				free(t->cells[i].text);
				memset(&t->cells[i], 0, sizeof t->cells[i]);
			}
			t->nrows = 0;
			lt_result_caveat(ps->r, "%s", ch != NULL ? POINTS_CAVEAT : ROWS_CAVEAT);
		}
		return;
	}
	states = lt_malloc((ncell ? ncell : 1) * sizeof *states);
	for (size_t i = 0; i < ncell; i++)
		states[i] = -1;
	{
		/* the row's size before anything is rounded or hidden */
		double *n = lt_malloc((t->nrows ? t->nrows : 1) * sizeof *n);
		size_t first = ncol;

		for (size_t c = 0; c < ncol && first == ncol; c++)
			if (people_col(t, c))
				first = c;
		for (size_t i = 0; i < t->nrows; i++) {
			const lt_cell *cell = first < ncol ? lt_table_cell(t, i, first) : NULL;

			n[i] = cell != NULL && cell->kind == LT_CELL_NUMBER ? cell->num : NAN;
		}
		if (ps->p->hide_below > 0 || ps->p->round_to > 0) {
			/* after protect_table, primary only checks */
			if (!t->protected && ps->p->secondary)
				protect_table(ps, t, states);
			primary(ps, t, states);
		}
		/* statistics of small groups */
		for (size_t i = 0; first < ncol && i < t->nrows; i++) {
			const lt_cell *nc = lt_table_cell(t, i, first);
			int st = states[i * ncol + first], hide = 0;

			if (!isnan(n[i]) && lt_sdc_stat_hidden(ps->p, n[i]))
				hide = 1;
			else if (nc->kind == LT_CELL_HIDDEN && !hidden_only_secondary(ps, nc, st))
				hide = 1;
			if (!hide)
				continue;
			for (size_t c = 0; c < ncol; c++) {
				const lt_cell *cell = lt_table_cell(t, i, c);
				int type = t->cols[c].type;

				if (cell->kind == LT_CELL_HIDDEN || cell->kind == LT_CELL_MISSING ||
				    in_list(not_stats, t->cols[c].name))
					continue;
				if (type == LT_RC_NUMBER || type == LT_RC_PERCENT ||
				    (type == LT_RC_TEXT && in_list(text_stats, t->cols[c].name))) {
					hide_cell(ps, t, i, c, LT_SDC_STAT);
					ps->stat_rows = 1;
				}
			}
		}
		free(n);
	}
	/* extremes: one person's own value */
	if (ps->p->no_extremes)
		for (size_t c = 0; c < ncol; c++) {
			if (!in_list(extreme_names, t->cols[c].name) &&
			    !in_list(extreme_names, t->cols[c].label))
				continue;
			for (size_t i = 0; i < t->nrows; i++) {
				const lt_cell *cell = lt_table_cell(t, i, c);

				if (cell->kind == LT_CELL_NUMBER || cell->kind == LT_CELL_TEXT)
					hide_cell(ps, t, i, c, LT_SDC_EXTREME);
			}
		}
	for (size_t i = 0; i < t->nrows * ncol; i++)
		if (t->cells[i].kind == LT_CELL_HIDDEN)
			ps->hidden = 1;
	free(states);
}

/* The rules for the key numbers. */
static void
pass_items(pass *ps)
{
	lt_result *r = ps->r;
	size_t nc = 0;
	double *counts;
	const char **labels;
	size_t *idx;
	int small_group = 0;

	/* counts among the key numbers, with the differencing guard */
	counts = lt_calloc(r->nitems + 1, sizeof *counts);
	labels = lt_calloc(r->nitems + 1, sizeof *labels);
	idx = lt_calloc(r->nitems + 1, sizeof *idx);
	for (size_t i = 0; i < r->nitems; i++) {
		const lt_item *it = &r->items[i];

		if (it->is_text || it->hidden || !in_list(count_keys, it->key) ||
		    !isfinite(it->num) || it->num < 0)
			continue;
		if (in_list(size_keys, it->key) && lt_sdc_stat_hidden(ps->p, it->num))
			small_group = 1;
		labels[nc] = it->key;
		counts[nc] = it->num;
		idx[nc++] = i;
	}
	if (nc > 0 && (ps->p->hide_below > 0 || ps->p->round_to > 0)) {
		char *key = lt_sprintf("%s\x1fnumbers", ps->key);

		for (size_t j = 0; j < nc; j++) {
			lt_sdc_vec v;
			lt_error err;
			char *k = lt_sprintf("%s\x1f%s", key, labels[j]);
			size_t i = idx[j];

			/* each on its own: key numbers need not add up */
			lt_err_clear(&err);
			if (lt_session_protect_vec(ps->s, k, &labels[j], &counts[j], 1, &v,
			    &err) == 0) {
				if (lt_sdc_count_hidden(ps->p, counts[j]))
					hide_item(ps, i, LT_SDC_SMALL);
				else if (v.cells[0].state != LT_SDC_SHOWN) {
					hide_item(ps, i, LT_SDC_DIFF);
					if (in_list(size_keys, r->items[i].key))
						small_group = 1;
				} else
					r->items[i].num = lt_sdc_round(counts[j],
					    ps->p->round_to);
				lt_sdc_vec_free(&v);
			}
			free(k);
		}
		free(key);
	}
	/* a group size hidden as small or different (not only to protect another) */
	for (size_t i = 0; i < r->nitems; i++) {
		const lt_item *it = &r->items[i];
		lt_cell c;

		memset(&c, 0, sizeof c);
		c.why = it->why;
		if (it->hidden && in_list(size_keys, it->key) && !hidden_only_secondary(ps, &c, -1))
			small_group = 1;
	}
	/* statistics of a small group, or of groups some of whose are hidden */
	if ((small_group && ps->p->stat_min > 0) || ps->stat_rows) {
		ps->stat_items = 1;
		for (size_t i = 0; i < r->nitems; i++) {
			const lt_item *it = &r->items[i];

			if (it->is_text || it->hidden || in_list(count_keys, it->key) ||
			    in_list(plain_keys, it->key) || isnan(it->num))
				continue;
			hide_item(ps, i, LT_SDC_STAT);
		}
	}
	if (ps->p->no_extremes)
		for (size_t i = 0; i < r->nitems; i++) {
			const lt_item *it = &r->items[i];

			if (!it->hidden && (in_list(extreme_names, it->key) ||
			    in_list(extreme_names, it->label)))
				hide_item(ps, i, LT_SDC_EXTREME);
		}
	for (size_t i = 0; i < r->nitems; i++)
		if (r->items[i].hidden)
			ps->hidden = 1;
	free(counts);
	free(labels);
	free(idx);
}

/*
 * A group whose size is hidden gives it back through its statistics (an
 * SD and an SE give n; a confidence interval and an SE give the degrees
 * of freedom): when a size key number ("n", "people", "rows") is hidden,
 * for any reason, every number and percentage in the result's tables and
 * every numeric key number is hidden too, with the same reason.
 */
static void
pass_size_hidden(pass *ps)
{
	lt_result *r = ps->r;
	char *why = NULL;

	for (size_t i = 0; i < r->nitems && why == NULL; i++)
		if (r->items[i].hidden && in_list(size_keys, r->items[i].key))
			why = lt_strdup(r->items[i].why != NULL ? r->items[i].why :
			    "too few people");
	if (why == NULL)
		return;
	for (size_t ti = 0; ti < r->ntables; ti++) {
		lt_table *t = r->tables[ti];

		for (size_t c = 0; c < t->ncols; c++) {
			int type = t->cols[c].type;

			if (!(type == LT_RC_NUMBER || type == LT_RC_PERCENT ||
			    (type == LT_RC_TEXT && in_list(text_stats, t->cols[c].name))))
				continue;
			for (size_t i = 0; i < t->nrows; i++) {
				const lt_cell *cell = lt_table_cell(t, i, c);

				if (cell->kind == LT_CELL_NUMBER ||
				    (cell->kind == LT_CELL_TEXT && type == LT_RC_TEXT))
					lt_table_hide(t, i, c, why);
			}
		}
	}
	for (size_t i = 0; i < r->nitems; i++)
		if (!r->items[i].is_text && !r->items[i].hidden && !isnan(r->items[i].num))
			lt_result_hide_item(r, i, why);
	/* a headline with numbers in it tells them too */
	if (r->headline != NULL && strpbrk(r->headline, "0123456789") != NULL)
		lt_result_headline(r, SIZE_HEADLINE, why);
	ps->stat_items = 1;
	ps->hidden = 1;
	free(why);
}

/*
 * Statistics no more exact than the profile allows (stat_digits
 * significant digits): the key numbers that are not counts, and the
 * numbers in tables (bin edges and data values aside). Percentages are
 * left as they are: they come from the protected counts, so they say no
 * more than those.
 */
static void
pass_precision(pass *ps)
{
	lt_result *r = ps->r;
	int d = ps->p->stat_digits;

	if (d <= 0)
		return;
	for (size_t i = 0; i < r->nitems; i++) {
		lt_item *it = &r->items[i];

		if (!it->is_text && !it->hidden && !in_list(count_keys, it->key) &&
		    !in_list(plain_keys, it->key))
			it->num = lt_sdc_round_sig(it->num, d);
	}
	for (size_t ti = 0; ti < r->ntables; ti++) {
		lt_table *t = r->tables[ti];

		if (t->row_level)
			continue;
		for (size_t c = 0; c < t->ncols; c++) {
			if (t->cols[c].type != LT_RC_NUMBER || in_list(not_stats, t->cols[c].name))
				continue;
			for (size_t i = 0; i < t->nrows; i++) {
				lt_cell *cell = lt_table_cell(t, i, c);

				if (cell->kind == LT_CELL_NUMBER)
					cell->num = lt_sdc_round_sig(cell->num, d);
			}
		}
	}
}

/* Does s give a statistic: "= 0.24", "< 0.001", "= -1.5"? */
static int
states_number(const char *s)
{
	for (; *s != '\0'; s++) {
		const char *t = s + 1;

		if (*s != '=' && *s != '<' && *s != '>')
			continue;
		while (*t == ' ')
			t++;
		if (*t == '-')
			t++;
		if (*t >= '0' && *t <= '9')
			return 1;
	}
	return 0;
}

/* Drop the lines of v that give a statistic. */
static void
strv_drop_numbers(lt_strv *v)
{
	size_t k = 0;

	for (size_t i = 0; i < v->n; i++) {
		if (states_number(v->v[i]))
			free(v->v[i]);
		else
			v->v[k++] = v->v[i];
	}
	v->n = k;
}

/*
 * When the key numbers' statistics are hidden, the words around them must
 * not give them: a headline with numbers in it ("sbp was 3.72 higher")
 * is replaced, and caveats and method lines that give a statistic
 * ("Hedges' g = 0.24", "F = 0.034, p = 0.85") are dropped.
 */
static void
pass_words(pass *ps)
{
	lt_result *r = ps->r;

	if (!ps->stat_items)
		return;
	if (r->headline != NULL && strpbrk(r->headline, "0123456789") != NULL)
		lt_result_headline(r, "%s", STAT_HEADLINE);
	strv_drop_numbers(&r->caveats);
	strv_drop_numbers(&r->method);
}

/*
 * The number of rows the filter selects, or with no filter the rows of
 * the dataset (a tiny file of one's own is a small selection too); -1 when
 * it cannot be counted (then nothing is withheld here, the other rules
 * still apply) or when a weighted (aggregated) dataset has no filter: its
 * rows are groups, each count protected on its own. Rows, not people, on a
 * weighted dataset with a filter: fewer rows than people, so the stricter.
 */
static long long
filter_rows(lt_session *s)
{
	lt_error err;
	long long n;

	if (s->filter == NULL)
		return s->ds == NULL || s->ds->weight != NULL || s->ds->rows < 0 ? -1 :
		    s->ds->rows;
	if (s->filtered_rows >= 0)
		return s->filtered_rows;
	lt_err_clear(&err);
	if (lt_session_count(s, &n, &err) != 0)
		return -1;
	s->filtered_rows = n;
	return n;
}

/*
 * A filter that leaves out only a few people (1 .. least-1) is a small
 * selection too: every count under it, taken from the whole dataset's,
 * gives their number, and every statistic theirs.
 */
static int
few_left_out(lt_session *s, long long n, int least)
{
	return s->filter != NULL && s->ds != NULL && s->ds->weight == NULL &&
	    s->ds->rows > n && s->ds->rows - n < least;
}

int
lt_sdc_withholds(lt_session *s)
{
	const lt_sdc_profile *p = lt_session_profile(s);
	int least;
	long long n;

	if (p == NULL)
		return 0;
	least = p->stat_min > 0 ? p->stat_min : p->hide_below;
	return least > 0 && (n = filter_rows(s)) >= 0 && (n < least || few_left_out(s, n, least));
}

int
lt_sdc_blocks(lt_session *s, const char *cmd)
{
	/* show refuses these rows whatever they hold: its error tells nothing */
	if (lt_session_rows_ok(s) || in_list(exempt_cmds, cmd) ||
	    in_list(not_rows_cmds, cmd) || strcmp(cmd, "show") == 0)
		return 0;
	return lt_sdc_withholds(s);
}

/*
 * A filter that selects fewer people than any statistic may describe
 * (0 too: "0" against "hidden" across counts would rebuild a person's
 * record) withholds everything the result says about them: no table
 * rows, no key numbers, no charts, no caveats (they can describe the
 * rows too), one headline saying why. Returns 1 when it did.
 */
static int
withhold_few(pass *ps, const char *cmd)
{
	lt_result *r = ps->r;
	int least = ps->p->stat_min > 0 ? ps->p->stat_min : ps->p->hide_below;
	long long n = filter_rows(ps->s);

	if (in_list(not_rows_cmds, cmd) || !lt_sdc_withholds(ps->s))
		return 0;
	/* rows that may be shown one by one say no more than they show */
	if (lt_session_rows_ok(ps->s))
		for (size_t i = 0; i < r->ntables; i++)
			if (r->tables[i]->row_level)
				return 0;
	for (size_t i = 0; i < r->ntables; i++) {
		lt_table *t = r->tables[i];

		for (size_t k = 0; k < t->nrows * t->ncols; k++) {
			free(t->cells[k].why);
			free(t->cells[k].text);
			memset(&t->cells[k], 0, sizeof t->cells[k]);
		}
		t->nrows = 0;
		t->protected = 1;
	}
	for (size_t i = 0; i < r->ncharts; i++) {
		free(r->charts[i].title);
		free(r->charts[i].x_label);
		free(r->charts[i].y_label);
	}
	free(r->charts);
	r->charts = NULL;
	r->ncharts = 0;
	for (size_t i = 0; i < r->nitems; i++) {
		free(r->items[i].key);
		free(r->items[i].label);
		free(r->items[i].text);
		free(r->items[i].unit);
		free(r->items[i].why);
	}
	free(r->items);
	r->items = NULL;
	r->nitems = 0;
	for (size_t i = 0; i < r->caveats.n; i++)
		free(r->caveats.v[i]);
	free(r->caveats.v);
	r->caveats.v = NULL;
	r->caveats.n = 0;
	if (ps->s->filter != NULL && n >= least)
		lt_result_headline(r, FEW_LEFT_HEADLINE, least);
	else if (ps->s->filter != NULL)
		lt_result_headline(r, FEW_HEADLINE, least);
	else
		lt_result_headline(r, FEW_DATA_HEADLINE, least);
	lt_result_caveat(r, FEW_CAVEAT, least);
	return 1;
}

int
lt_sdc_count(lt_session *s, const char *key, double v, double *shown)
{
	const lt_sdc_profile *p = lt_session_profile(s);
	/* the label is the key's last part, as the pass's key numbers have */
	const char *label = strrchr(key, '\x1f') != NULL ? strrchr(key, '\x1f') + 1 : key;
	lt_sdc_vec vec;
	lt_error err;
	int state = LT_SDC_SHOWN;

	*shown = v;
	if (p == NULL || (p->hide_below == 0 && p->round_to == 0) || !isfinite(v) || v < 0)
		return LT_SDC_SHOWN;
	lt_err_clear(&err);
	if (lt_session_protect_vec(s, key, &label, &v, 1, &vec, &err) != 0)
		return LT_SDC_WITHHELD;
	if (lt_sdc_count_hidden(p, v))
		state = LT_SDC_SMALL;
	else if (vec.cells[0].state != LT_SDC_SHOWN)
		state = LT_SDC_DIFF;
	else
		*shown = lt_sdc_round(v, p->round_to);
	lt_sdc_vec_free(&vec);
	return state;
}

/*
 * A shown percentage of exactly 0 or 100, or a row of counts where every
 * cell but one is a shown zero: it says the same thing about everyone in
 * the group (the profile's flag_all_or_none), so the result warns.
 */
static const char *const not_answers[] = { "total", "n", "missing", "rows", NULL };

static int
all_or_none(const lt_result *r)
{
	for (size_t t = 0; t < r->ntables; t++) {
		const lt_table *tb = r->tables[t];

		for (size_t i = 0; i < tb->nrows; i++) {
			/* a row of counts where only one cell is not a shown zero */
			size_t ncount = 0, some = 0;

			for (size_t c = 0; c < tb->ncols; c++) {
				const lt_cell *cell = lt_table_cell(tb, i, c);

				if (tb->cols[c].type == LT_RC_PERCENT && cell->kind == LT_CELL_NUMBER &&
				    (cell->num == 0 || cell->num == 100))
					return 1;
				/* the counts of the answers, not a group's size or gaps */
				if (tb->cols[c].type == LT_RC_COUNT &&
				    !in_list(not_answers, tb->cols[c].name)) {
					ncount++;
					some += cell->kind == LT_CELL_HIDDEN ||
					    (cell->kind == LT_CELL_NUMBER && cell->num != 0);
				}
			}
			if (ncount >= 2 && some == 1)
				return 1;
		}
	}
	return 0;
}

void
lt_sdc_result(lt_session *s, lt_result *r)
{
	const lt_sdc_profile *p;
	pass ps;
	int rows_cmd;

	if (r == NULL || (p = lt_session_profile(s)) == NULL)
		return;
	if (p->hide_below == 0 && p->stat_min == 0 && !p->no_extremes && p->rows_ok)
		return;
	memset(&ps, 0, sizeof ps);
	ps.s = s;
	ps.p = p;
	ps.r = r;
	ps.key = result_key(r);
	{
		char *sp = strchr(ps.key, ' ');
		int exempt, few;

		if (sp != NULL)
			*sp = '\0';
		exempt = in_list(exempt_cmds, ps.key);
		rows_cmd = !in_list(not_rows_cmds, ps.key);
		few = !exempt && withhold_few(&ps, ps.key);
		if (sp != NULL)
			*sp = ' ';
		if (exempt || few) {
			free(ps.key);
			return;
		}
	}
	for (size_t i = 0; i < r->ntables; i++)
		pass_table(&ps, i);
	pass_items(&ps);
	pass_precision(&ps);
	/* the filter's own count says nothing more, and its words are safe */
	if (rows_cmd) {
		pass_size_hidden(&ps);
		pass_words(&ps);
	}
	if (ps.hidden) {
		int have = 0;

		for (size_t i = 0; i < r->caveats.n && !have; i++)
			have = strstr(r->caveats.v[i], "privacy") != NULL;
		if (!have)
			lt_result_caveat(r, "%s", PRIVACY_CAVEAT);
	}
	if (ps.p->flag_all_or_none && all_or_none(r))
		lt_result_caveat(r, "%s", ALL_CAVEAT);
	free(ps.key);
}
