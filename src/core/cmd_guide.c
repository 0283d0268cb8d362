/*
 * cmd_guide.c - the guide command: "guide compare sbp by sex" reads what
 * it needs to know about the columns from the session (their types, how
 * many groups, how big, how lopsided), lets guide.c choose the analysis,
 * runs it and its chart, and returns one result whose method layer says
 * why. The wizards of the shell and the TUI build this command, so a
 * recipe that replays it makes the same choice again.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "chart.h"
#include "guide.h"
#include "protect.h"
#include "session_int.h"
#include "stats.h"

#if LT_GUIDE_MAX_TIMES != LT_MAX_GROUPS
#error "a time line follows as many values as lantern makes groups"
#endif


/* The words between columns: "compare sbp by sex", "predict y from a b". */
static const char *const joins[] = { "by", "with", "and", "over", "from", "on", "vs",
	NULL };

static int
is_join(const char *w)
{
	for (size_t i = 0; joins[i] != NULL; i++)
		if (strcasecmp(joins[i], w) == 0)
			return 1;
	return 0;
}

/* Whether a number column holds only 0 and 1 (a yes/no kept as numbers). */
static int
zero_one(const double *x, size_t n, double offset)
{
	size_t seen = 0;

	for (size_t i = 0; i < n; i++) {
		double v;

		if (isnan(x[i]))
			continue;
		v = x[i] + offset;
		if (v != 0 && v != 1)
			return 0;
		seen++;
	}
	return seen > 0;
}

/*
 * How many different values column idx has under the filter (*values;
 * more than LT_GUIDE_MAX_TIMES: one more), and how many rows have one.
 */
static int
count_values(lt_session *s, int idx, size_t *values, size_t *rows, lt_error *err)
{
	size_t *codes = NULL, k = 0, n = 0;
	char **labels = NULL;
	int rc;

	*values = *rows = 0;
	if ((rc = lt_session_groups(s, idx, -1, &codes, &labels, &k, &n, err)) != 0) {
		if (rc != LT_EINVAL)
			return rc;
		*values = LT_GUIDE_MAX_TIMES + 1;	/* too many to count one by one */
		return 0;
	}
	{
		size_t *seen = lt_calloc(k + 1, sizeof *seen);

		for (size_t i = 0; i < n; i++)
			if (codes[i] != LT_NO_GROUP) {
				(*rows)++;
				if (seen[codes[i]]++ == 0)
					(*values)++;
			}
		free(seen);
	}
	free(codes);
	lt_strv_free(labels);
	return 0;
}

/* The wizard's question to the session: see lt_guide_values_fn. */
static int
wizard_values(void *arg, size_t var, size_t *values, size_t *rows)
{
	lt_error err;

	lt_err_clear(&err);
	return count_values(arg, (int)var, values, rows, &err) == 0 ? 0 : -1;
}

lt_guide_wizard *
lt_guide_wizard_session(lt_session *s)
{
	lt_guide_wizard *w = lt_guide_wizard_new(s->ds);

	lt_guide_wizard_set_values(w, wizard_values, s);
	return w;
}

/* The facts of one column: kind, values present, skewness, events. */
static int
var_facts(lt_session *s, int idx, int pos, lt_guide_var *v, lt_error *err)
{
	const lt_var *dv = &s->ds->vars[idx];
	double *x = NULL, *w = NULL;
	size_t n, nw, *codes = NULL, k = 0;
	char **labels = NULL;
	int rc = 0;

	v->name = dv->name;
	v->kind = lt_guide_kind_of(s->ds, (size_t)idx);
	v->n = v->skew = v->events = NAN;
	v->levels = 0;
	if (v->kind == LT_GK_NUMBER) {
		lt_summary sm;

		if ((rc = lt_session_numeric(s, idx, &x, &w, &n, err)) != 0)
			return rc;
		lt_stats_summary(x, w, n, &sm);
		v->n = sm.n;
		v->skew = sm.skew;
		/* whole numbers in rows that are groups count things: they add up */
		v->count = dv->type == LT_VT_INTEGER && s->ds->weight == NULL &&
		    s->ds->kind != NULL && strcmp(s->ds->kind, LT_KIND_AGGREGATED) == 0;
		if (dv->type == LT_VT_INTEGER && zero_one(x, n, dv->offset)) {
			v->kind = LT_GK_YESNO;
			v->levels = 2;
			v->events = 0;
			for (size_t i = 0; i < n; i++)
				if (!isnan(x[i]) && x[i] + dv->offset == 1)
					v->events += w != NULL ? (isfinite(w[i]) && w[i] > 0 ?
					    w[i] : 0) : 1;
		}
		free(x);
		free(w);
		return 0;
	}
	if (v->kind != LT_GK_CATEGORY && v->kind != LT_GK_YESNO)
		return 0;
	if ((rc = lt_session_groups(s, idx, pos, &codes, &labels, &k, &n, err)) != 0) {
		/* more groups than lantern counts: too many to compare */
		if (rc == LT_EINVAL) {
			v->levels = LT_MAX_GROUPS + 1;
			return 0;
		}
		return rc;
	}
	if (s->ds->weight != NULL)
		(void)lt_session_numeric(s, lt_dataset_var_index(s->ds, s->ds->weight), &x, &w,
		    &nw, err);
	{
		double *per = lt_calloc(k + 1, sizeof *per), tot = 0;
		int widx = s->ds->weight != NULL ? lt_dataset_var_index(s->ds, s->ds->weight) : -1;

		for (size_t i = 0; i < n; i++) {
			double wt = 1;

			if (codes[i] == LT_NO_GROUP)
				continue;
			if (x != NULL && i < nw) {
				wt = x[i] + s->ds->vars[widx].offset;
				if (!isfinite(wt) || wt <= 0)
					continue;
			}
			per[codes[i]] += wt;
			tot += wt;
		}
		for (size_t j = 0; j < k; j++)
			if (per[j] > 0)
				v->levels++;
		v->n = tot;
		if (k == 2)
			v->events = per[1];
		if (v->kind == LT_GK_YESNO && k > 2)
			v->kind = LT_GK_CATEGORY;
		free(per);
	}
	free(x);
	free(w);
	free(codes);
	lt_strv_free(labels);
	return 0;
}

/* A number (ni) in the groups of g (gi): the smallest group, the most lopsided. */
static int
group_facts(lt_session *s, int ni, int gi, int gpos, lt_guide_in *in, lt_error *err)
{
	double *x = NULL, *w = NULL;
	size_t n, ng, k, *codes = NULL;
	char **labels = NULL;
	int rc;

	if ((rc = lt_session_numeric(s, ni, &x, &w, &n, err)) != 0)
		return rc;
	if ((rc = lt_session_groups(s, gi, gpos, &codes, &labels, &k, &ng, err)) != 0) {
		free(x);
		free(w);
		return rc == LT_EINVAL ? 0 : rc;	/* too many groups: guide.c says so */
	}
	in->group_min = in->group_skew = NAN;
	for (size_t j = 0; j < k; j++) {
		lt_summary sm;

		lt_stats_group_summary(x, w, n < ng ? n : ng, codes, j, &sm);
		if (sm.n <= 0)
			continue;
		if (isnan(in->group_min) || sm.n < in->group_min)
			in->group_min = sm.n;
		if (!isnan(sm.skew) && (isnan(in->group_skew) || fabs(sm.skew) > in->group_skew))
			in->group_skew = fabs(sm.skew);
	}
	free(x);
	free(w);
	free(codes);
	lt_strv_free(labels);
	return 0;
}

/* Two categories: are some expected counts small (Cochran's rule)? */
static int
table_facts(lt_session *s, int ai, int apos, int bi, int bpos, lt_guide_in *in,
    lt_error *err)
{
	size_t *ca = NULL, *cb = NULL, ka, kb, na, nb;
	char **la = NULL, **lb = NULL;
	double *cnt, *rs, *cs, tot = 0, *x = NULL, *w = NULL;
	size_t small = 0, used = 0, n;
	double least = INFINITY;
	int rc, widx = -1;

	if ((rc = lt_session_groups(s, ai, apos, &ca, &la, &ka, &na, err)) != 0)
		return rc == LT_EINVAL ? 0 : rc;
	if ((rc = lt_session_groups(s, bi, bpos, &cb, &lb, &kb, &nb, err)) != 0) {
		free(ca);
		lt_strv_free(la);
		return rc == LT_EINVAL ? 0 : rc;
	}
	if (s->ds->weight != NULL &&
	    (widx = lt_dataset_var_index(s->ds, s->ds->weight)) >= 0)
		(void)lt_session_numeric(s, widx, &x, &w, &n, err);
	cnt = lt_calloc(ka * kb + 1, sizeof *cnt);
	rs = lt_calloc(ka + 1, sizeof *rs);
	cs = lt_calloc(kb + 1, sizeof *cs);
	for (size_t i = 0; i < na && i < nb; i++) {
		double wt = x != NULL ? x[i] + s->ds->vars[widx].offset : 1;

		if (ca[i] == LT_NO_GROUP || cb[i] == LT_NO_GROUP || !isfinite(wt) || wt <= 0)
			continue;
		cnt[ca[i] * kb + cb[i]] += wt;
		rs[ca[i]] += wt;
		cs[cb[i]] += wt;
		tot += wt;
	}
	for (size_t i = 0; i < ka && tot > 0; i++)
		for (size_t j = 0; j < kb; j++) {
			double e;

			if (rs[i] <= 0 || cs[j] <= 0)
				continue;
			e = rs[i] * cs[j] / tot;
			used++;
			if (e < 5)
				small++;
			if (e < least)
				least = e;
		}
	in->small_expected = used > 0 && (least < 1 || (double)small > 0.2 * (double)used);
	free(cnt);
	free(rs);
	free(cs);
	free(x);
	free(w);
	free(ca);
	free(cb);
	lt_strv_free(la);
	lt_strv_free(lb);
	return 0;
}

/* Run one command's exec into r, without the disclosure pass (run_one does
   that once, on the whole guide result). */
static int
run_sub(lt_session *s, const char *text, lt_result *r, lt_error *err)
{
	const lt_cmd_entry *e;
	size_t off = 0;
	lt_words w;
	lt_args a;
	int rc;

	if (lt_words_next(text, &off, &w, err) != 1)
		return lt_err(err, LT_EINVAL, "the guide made a command it cannot read: %s", text);
	if ((e = lt_cmd_find(w.w[0])) == NULL) {
		lt_words_clear(&w);
		return lt_err(err, LT_EINVAL, "the guide made a command it cannot run: %s", text);
	}
	if ((rc = lt_args_parse(e, &w, text, &a, err)) == 0)
		rc = e->exec(s, &a, r, err);
	if (rc != 0 && err != NULL)
		err->pos = -1;
	lt_args_clear(&a);
	lt_words_clear(&w);
	return rc;
}

/* Copy table t into r; returns its index there. */
static size_t
copy_table(lt_result *r, const lt_table *t)
{
	lt_table *c = lt_result_table(r, t->name, t->title);

	for (size_t j = 0; j < t->ncols; j++) {
		size_t k = lt_table_column(c, t->cols[j].name, t->cols[j].label, t->cols[j].type);

		c->cols[k].detail = t->cols[j].detail;
	}
	for (size_t i = 0; i < t->nrows; i++) {
		size_t row = lt_table_row(c);

		for (size_t j = 0; j < t->ncols; j++) {
			const lt_cell *x = lt_table_cell(t, i, j);

			if (x->kind == LT_CELL_NUMBER)
				lt_table_num(c, row, j, x->num);
			else if (x->kind == LT_CELL_TEXT)
				lt_table_text(c, row, j, x->text);
			else if (x->kind == LT_CELL_HIDDEN)
				lt_table_hide(c, row, j, x->why);
		}
	}
	c->row_level = t->row_level;
	c->protected = t->protected;
	return r->ntables - 1;
}

/*
 * The dots of a scatter plot (table t of one point per row), counted in
 * squares as a density grid added to r: a result with one person's values
 * in it can never be posted, and these counts are protected like any
 * others. Returns 0 (also when there is nothing to count) or an error.
 */
static int
add_grid(lt_session *s, lt_result *r, const lt_chart *ch, const lt_table *t, lt_error *err)
{
	double *x, *y;
	size_t n = 0;
	lt_density d;
	int rc;

	x = lt_calloc(t->nrows + 1, sizeof *x);
	y = lt_calloc(t->nrows + 1, sizeof *y);
	for (size_t i = 0; i < t->nrows && t->ncols >= 2; i++) {
		const lt_cell *a = lt_table_cell(t, i, 0), *b = lt_table_cell(t, i, 1);

		if (a->kind == LT_CELL_NUMBER && b->kind == LT_CELL_NUMBER &&
		    isfinite(a->num) && isfinite(b->num)) {
			x[n] = a->num;
			y[n++] = b->num;
		}
	}
	rc = lt_protect_density(s, r->command, x, y, n, &d, err);
	free(x);
	free(y);
	if (rc != 1)
		return rc == 0 ? 0 : rc;
	lt_density_table(lt_result_table(r, "density", ch->title), &d);
	lt_density_free(&d);
	lt_result_chart(r, LT_CHART_DENSITY, ch->title, ch->x_label, ch->y_label,
	    r->ntables - 1);
	lt_result_method(r, "The chart counts the people in squares (darker means more), so "
	    "it can be posted without anyone's own values.");
	return 0;
}

static int
has_line(const lt_strv *v, const char *s)
{
	for (size_t i = 0; i < v->n; i++)
		if (strcmp(v->v[i], s) == 0)
			return 1;
	return 0;
}

/* Run the chart command and move its chart (and its caveats) into r. */
static int
add_chart(lt_session *s, lt_result *r, const char *cmd, lt_error *err)
{
	lt_result *c = lt_result_new(cmd);
	int rc;

	if ((rc = run_sub(s, cmd, c, err)) != 0) {
		lt_result_free(c);
		return rc;
	}
	for (size_t i = 0; i < c->ncharts; i++) {
		const lt_chart *ch = &c->charts[i];
		const lt_table *t = c->tables[ch->table];

		if (t->row_level) {
			if ((rc = add_grid(s, r, ch, t, err)) != 0)
				break;
			continue;
		}
		lt_result_chart(r, ch->kind, ch->title, ch->x_label, ch->y_label,
		    copy_table(r, t));
	}
	for (size_t i = 0; i < c->caveats.n; i++)
		/* the analysis says the same about dots and missing values */
		if (strncmp(c->caveats.v[i], "Each dot", 8) != 0 &&
		    strstr(c->caveats.v[i], "missing value") == NULL &&
		    !has_line(&r->caveats, c->caveats.v[i]))
			lt_result_caveat(r, "%s", c->caveats.v[i]);
	lt_result_free(c);
	return rc;
}

/*
 * The averages of "describe Y by X" (its numbers table, in r) as a line
 * over X: each point is the table's mean, hidden where the table hides it.
 */
static void
add_means(lt_session *s, lt_result *r, int yi, int xi)
{
	const lt_var *y = &s->ds->vars[yi], *x = &s->ds->vars[xi];
	const lt_table *t = NULL;
	size_t gc = 0, mc = 0;
	lt_table *m;
	char *yl, *xl, *title;

	for (size_t i = 0; i < r->ntables && t == NULL; i++)
		if (r->tables[i]->name != NULL && strcmp(r->tables[i]->name, "numbers") == 0)
			t = r->tables[i];
	if (t == NULL || t->nrows == 0)
		return;
	for (size_t j = 0; j < t->ncols; j++) {
		if (strcmp(t->cols[j].name, "group") == 0)
			gc = j;
		else if (strcmp(t->cols[j].name, "mean") == 0)
			mc = j;
	}
	if (gc == mc)
		return;
	xl = x->unit != NULL && *x->unit != '\0' ? lt_sprintf("%s (%s)", x->label,
	    x->unit) : lt_strdup(x->label);
	yl = y->unit != NULL && *y->unit != '\0' ? lt_sprintf("Average %s (%s)", y->label,
	    y->unit) : lt_sprintf("Average %s", y->label);
	/* "Average life expectancy", but "Average BMI" */
	if (yl[8] >= 'A' && yl[8] <= 'Z' && !(yl[9] >= 'A' && yl[9] <= 'Z'))
		yl[8] = (char)(yl[8] - 'A' + 'a');
	title = lt_sprintf("The average of %s for each %s", y->name, x->name);
	m = lt_result_table(r, "means", title);
	lt_table_column(m, x->name, x->label, LT_RC_TEXT);
	lt_table_column(m, y->name, yl, LT_RC_NUMBER);
	m->cols[0].detail = m->cols[1].detail = 1;
	for (size_t i = 0; i < t->nrows; i++) {
		const lt_cell *g = lt_table_cell(t, i, gc), *v = lt_table_cell(t, i, mc);
		size_t row = lt_table_row(m);

		lt_table_text(m, row, 0, g->kind == LT_CELL_TEXT ? g->text : "");
		if (v->kind == LT_CELL_NUMBER)
			lt_table_num(m, row, 1, v->num);
		else if (v->kind == LT_CELL_HIDDEN)
			lt_table_hide(m, row, 1, v->why);
	}
	m->protected = 1;	/* the averages the table shows, no more */
	lt_result_chart(r, LT_CHART_LINE, title, xl, yl, r->ntables - 1);
	lt_result_method(r, "The line joins the averages of %s in the table, one for each "
	    "%s, spaced evenly along the bottom, in order.", y->name, x->name);
	free(title);
	free(xl);
	free(yl);
}

static int
guide_exec(lt_session *s, const lt_args *a, lt_result *r, lt_error *err)
{
	lt_guide_in in;
	lt_guide_plan plan;
	int pos[LT_GUIDE_MAXVARS], idx[LT_GUIDE_MAXVARS], per = -1, rc;
	char *head;

	memset(&in, 0, sizeof in);
	in.group_min = in.group_skew = NAN;
	if ((in.goal = lt_guide_goal_parse(a->argv[0])) < 0)
		return lt_err_at(err, LT_EINVAL, a->argpos[0], "guide does not know \"%s\"; say "
		    "what you want to find out: describe, compare, link, time or predict",
		    a->argv[0]);
	for (size_t i = 1; i < a->argc; i++) {
		const char *word = a->argv[i];
		int k;

		if (strcasecmp(word, "per") == 0) {
			if (i + 1 >= a->argc)
				return lt_err_at(err, LT_EINVAL, a->argpos[i], "per needs the column "
				    "with the number of people, as in \"per army_size\"");
			i++;
			if ((rc = lt_session_var(s, a->argv[i], a->argpos[i], &per, err)) != 0)
				return rc;
			in.per = s->ds->vars[per].name;
			continue;
		}
		if (is_join(word) && lt_dataset_var(s->ds, word) == NULL)
			continue;
		if (in.nv >= LT_GUIDE_MAXVARS)
			return lt_err_at(err, LT_EINVAL, a->argpos[i], "the guide takes at most %d "
			    "columns", LT_GUIDE_MAXVARS);
		if ((rc = lt_session_var(s, word, a->argpos[i], &k, err)) != 0)
			return rc;
		idx[in.nv] = k;
		pos[in.nv] = a->argpos[i];
		in.v[in.nv].name = s->ds->vars[k].name;
		in.nv++;
	}
	/*
	 * On too few people the pass withholds the result: the guide adds
	 * nothing of its own, and reads nothing about them.
	 */
	if (in.nv > 0 && lt_sdc_withholds(s)) {
		lt_result_headline(r, "There are too few people here to show anything about "
		    "them, so the guide ran nothing; widen the filter.");
		return 0;
	}
	for (size_t i = 0; i < in.nv; i++)
		if ((rc = var_facts(s, idx[i], pos[i], &in.v[i], err)) != 0)
			return rc;
	/* over time: how many times the line would follow */
	if (in.goal == LT_GOAL_TIME && in.nv >= 2 &&
	    (in.v[in.nv - 1].kind == LT_GK_DATE || in.v[in.nv - 1].kind == LT_GK_NUMBER)) {
		size_t rows;

		if ((rc = count_values(s, idx[in.nv - 1], &in.v[in.nv - 1].levels, &rows,
		    err)) != 0)
			return rc;
	}
	if (in.nv >= 2) {
		const lt_guide_var *v0 = &in.v[0], *v1 = &in.v[1];
		int g0 = v0->kind == LT_GK_CATEGORY || v0->kind == LT_GK_YESNO;
		int g1 = v1->kind == LT_GK_CATEGORY || v1->kind == LT_GK_YESNO;

		if (v0->kind == LT_GK_NUMBER && g1)
			rc = group_facts(s, idx[0], idx[1], pos[1], &in, err);
		else if (v1->kind == LT_GK_NUMBER && g0)
			rc = group_facts(s, idx[1], idx[0], pos[0], &in, err);
		else if (g0 && g1)
			rc = table_facts(s, idx[0], pos[0], idx[1], pos[1], &in, err);
		if (rc != 0)
			return rc;
	}
	if ((rc = lt_guide_choose(&in, &plan, err)) != 0) {
		if (err != NULL)
			err->pos = err->pos >= 0 && (size_t)err->pos < in.nv ? pos[err->pos] :
			    a->argpos[0];
		return rc;
	}
	/* the facts that led here, then the reasons, before the analysis's own */
	lt_result_fact(r, "guide_analysis", "Analysis chosen", plan.analysis);
	if (plan.chart != NULL)
		lt_result_fact(r, "guide_chart", "Chart", plan.chart);
	for (size_t i = 0; i < plan.why.n; i++)
		lt_result_method(r, "%s%s", i == 0 ? "Why the guide chose this: " : "",
		    plan.why.v[i]);
	if ((rc = run_sub(s, plan.analysis, r, err)) == 0 && plan.chart != NULL)
		rc = add_chart(s, r, plan.chart, err);
	if (rc == 0 && plan.line_of_means)
		add_means(s, r, idx[0], idx[in.nv - 1]);
	if (rc == 0) {
		head = r->headline;
		r->headline = NULL;
		if (head != NULL)
			lt_result_headline(r, "The guide chose \"%s\": %s. %s", plan.analysis,
			    plan.what, head);
		else
			lt_result_headline(r, "The guide chose \"%s\": %s.", plan.analysis,
			    plan.what);
		free(head);
		lt_result_note(r, "To run it again yourself, type \"%s\"%s%s%s.", plan.analysis,
		    plan.chart != NULL ? " and \"" : "", plan.chart != NULL ? plan.chart : "",
		    plan.chart != NULL ? "\"" : "");
	}
	lt_guide_plan_clear(&plan);
	return rc;
}

const lt_cmd_entry lt_cmd_guide_entry = {
	.name = "guide",
	.args = "GOAL COLUMN...",
	.summary = "pick and run the right analysis for a question, and say why",
	.help = "For when you know your question but not the name of the test. GOAL "
	    "is what you want to find out: \"describe\" one column, \"compare\" a number "
	    "between groups (COLUMN by GROUP), \"link\" two columns, \"time\" to see a "
	    "date or a number over time (COLUMN over DATE or over a year: a measurement is "
	    "averaged for each time, a count added up), or \"predict\" an outcome "
	    "(OUTCOME from COLUMN...). Add \"per COLUMN\" for a rate out of a number of "
	    "people. The guide looks at the columns (numbers or groups, how many groups, "
	    "how big, how lopsided), picks the analysis and a chart, runs them, and "
	    "says why in the method notes. Type \"guide\" alone in the shell, or press g "
	    "on a screen, to be asked the questions.",
	.example = "guide compare sbp by sex",
	.min_args = 1,
	.max_args = -1,
	.complete = LT_COMPLETE_COLUMN,
	.flags = LT_CMD_NEEDS_DATASET,
	.opts = NULL,
	.exec = guide_exec,
};
