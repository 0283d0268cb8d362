/*
 * tutorial.c - tutorials: reading and checking a lesson file (YAML, with
 * libyaml's document API; the format is lantern-tutorial(5)), the engine
 * that follows a learner through its steps and checks what happened in
 * the session (its command log, filter, sort and dataset), and the
 * learner's progress, kept per user in the catalog's database.
 *
 * The command log itself (lt_session_log) lives here too: run_one hands
 * every command that worked to it.
 */
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>
#include <yaml.h>

#include "buf.h"
#include "catalog_int.h"
#include "expr.h"
#include "format.h"
#include "session_int.h"
#include "tutorial.h"

/* ------------------------------------------------------------ the log */

/* Words in a check or a command that join columns rather than name them. */
static const char *const joining_words[] = {
	"by", "with", "on", "over", "per", "and", "vs", "versus", NULL
};

static int
is_joining(const char *w)
{
	char *end;

	for (size_t i = 0; joining_words[i] != NULL; i++)
		if (strcasecmp(w, joining_words[i]) == 0)
			return 1;
	if (*w != '\0') {
		(void)strtod(w, &end);
		if (*end == '\0')
			return 1;	/* a number, as in "per 1000" */
	}
	return 0;
}

static void
log_entry_clear(lt_log_entry *l)
{
	free(l->name);
	lt_strv_free(l->columns);
	memset(l, 0, sizeof *l);
}

void
lt_session_log(lt_session *s, const lt_cmd_entry *e, const lt_args *a,
    const lt_words *w)
{
	lt_log_entry *l;
	size_t n = 0;

	if (s->log == NULL)
		s->log = lt_calloc(LT_LOG_MAX, sizeof *s->log);
	s->nlogged++;
	l = &s->log[(s->nlogged - 1) % LT_LOG_MAX];
	log_entry_clear(l);
	l->seq = s->nlogged;
	if (strcmp(e->name, "plot") == 0 && a->argc > 0) {
		l->name = lt_sprintf("plot %s", a->argv[0]);
		for (char *p = l->name; *p != '\0'; p++)
			*p = (char)tolower((unsigned char)*p);
	} else {
		l->name = lt_strdup(e->name);
	}
	l->posted = strcmp(e->name, "post") == 0 && lt_args_opt(e, a, "preview") == NULL;
	l->columns = lt_calloc(w->n + 1, sizeof *l->columns);
	for (size_t i = 1; s->ds != NULL && i < w->n; i++) {
		const lt_var *v = lt_vars_find(s->ds->vars, s->ds->nvars, w->w[i]);
		size_t k;

		if (v == NULL)
			continue;
		for (k = 0; k < n && strcmp(l->columns[k], v->name) != 0; k++)
			;
		if (k == n)
			l->columns[n++] = lt_strdup(v->name);
	}
}

void
lt_session_log_text(lt_session *s, const char *text)
{
	const lt_cmd_entry *e;
	size_t off = 0;
	lt_words w;
	lt_args a;
	lt_error err;

	if (text == NULL || lt_words_next(text, &off, &w, &err) != 1)
		return;
	if ((e = lt_cmd_find(w.w[0])) != NULL) {
		if (lt_args_parse(e, &w, text, &a, &err) == 0) {
			lt_session_log(s, e, &a, &w);
			s->log[(s->nlogged - 1) % LT_LOG_MAX].inner = 1;
		}
		lt_args_clear(&a);
	}
	lt_words_clear(&w);
}

void
lt_session_log_clear(lt_session *s)
{
	if (s->log == NULL)
		return;
	for (size_t i = 0; i < LT_LOG_MAX; i++)
		log_entry_clear(&s->log[i]);
	free(s->log);
	s->log = NULL;
}

const lt_log_entry *
lt_session_log_get(const lt_session *s, unsigned long seq)
{
	const lt_log_entry *l;

	if (s->log == NULL || seq == 0 || seq > s->nlogged)
		return NULL;
	l = &s->log[(seq - 1) % LT_LOG_MAX];
	return l->seq == seq ? l : NULL;
}

/* ------------------------------------------------------------ the lesson */

enum pred_kind { P_DATASET, P_FILTER, P_SORT, P_RAN, P_RESULT, P_POSTED, P_ANY };

static const char *const pred_names[] = {
	"dataset", "filter", "sort", "ran", "result", "posted", "any", NULL
};

/* One check of a "do" step. */
typedef struct pred {
	int kind;		/* enum pred_kind */
	int line;
	char *arg;		/* dataset name, filter text, sort column, command name */
	char *text;		/* the check as written, for messages */
	int off;		/* filter: off, sort: off */
	int desc;		/* sort: 1 largest first, 0 smallest first, -1 either */
	char **cols;		/* ran, result: the columns, NULL-terminated */
	struct pred *sub;	/* any: the choices */
	size_t nsub;
} pred;

typedef struct tstep {
	lt_step pub;
	pred *checks;
	size_t nchecks;
} tstep;

struct lt_tutorial {
	char *path, *name, *title, *audience, *dataset;
	int dataset_line;
	int minutes;
	tstep *steps;
	size_t nsteps;
};

static void
pred_clear(pred *p)
{
	free(p->arg);
	free(p->text);
	lt_strv_free(p->cols);
	for (size_t i = 0; i < p->nsub; i++)
		pred_clear(&p->sub[i]);
	free(p->sub);
}

void
lt_tutorial_free(lt_tutorial *t)
{
	if (t == NULL)
		return;
	for (size_t i = 0; i < t->nsteps; i++) {
		tstep *st = &t->steps[i];

		free((char *)st->pub.text);
		lt_strv_free((char **)st->pub.hints);
		free((char *)st->pub.show);
		lt_strv_free((char **)st->pub.choices);
		free((char *)st->pub.answer);
		free((char *)st->pub.praise);
		for (size_t k = 0; k < st->nchecks; k++)
			pred_clear(&st->checks[k]);
		free(st->checks);
	}
	free(t->steps);
	free(t->path);
	free(t->name);
	free(t->title);
	free(t->audience);
	free(t->dataset);
	free(t);
}

const char *
lt_tutorial_name(const lt_tutorial *t)
{
	return t->name;
}

const char *
lt_tutorial_title(const lt_tutorial *t)
{
	return t->title;
}

const char *
lt_tutorial_audience(const lt_tutorial *t)
{
	return t->audience;
}

int
lt_tutorial_minutes(const lt_tutorial *t)
{
	return t->minutes;
}

const char *
lt_tutorial_dataset(const lt_tutorial *t)
{
	return t->dataset;
}

size_t
lt_tutorial_nsteps(const lt_tutorial *t)
{
	return t->nsteps;
}

const lt_step *
lt_tutorial_step(const lt_tutorial *t, size_t i)
{
	return i < t->nsteps ? &t->steps[i].pub : NULL;
}

/* ------------------------------------------------------------ reading YAML */

/* Where problems go while a file is read. */
typedef struct ctx {
	const char *path;
	yaml_document_t *doc;
	lt_buf *problems;
	lt_error *err;
	size_t nproblems;
} ctx;

static void problem(ctx *c, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
problem(ctx *c, int line, const char *fmt, ...)
{
	va_list ap;
	lt_buf b = LT_BUF_INIT;

	va_start(ap, fmt);
	lt_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	if (c->nproblems++ == 0)
		lt_err(c->err, LT_EFORMAT, "%s:%d: %s", c->path, line, lt_buf_str(&b));
	if (c->problems != NULL)
		lt_buf_printf(c->problems, "%s:%d: %s\n", c->path, line, lt_buf_str(&b));
	lt_buf_free(&b);
}

static int
line_of(const yaml_node_t *n)
{
	return n != NULL ? (int)n->start_mark.line + 1 : 1;
}

static yaml_node_t *
node_at(ctx *c, int i)
{
	return yaml_document_get_node(c->doc, i);
}

/* A scalar's text, or NULL (with a problem) when n is not a scalar. */
static const char *
scalar(ctx *c, yaml_node_t *n, const char *what)
{
	if (n != NULL && n->type == YAML_SCALAR_NODE)
		return (const char *)n->data.scalar.value;
	if (n != NULL && n->type == YAML_MAPPING_NODE)
		problem(c, line_of(n), "%s should be text, not a map; text with \": \" in it "
		    "needs quotes around it", what);
	else
		problem(c, line_of(n), "%s should be text, not a list", what);
	return NULL;
}

/* A copy of s without blanks at either end. */
static char *
trimmed(const char *s)
{
	size_t n;

	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	n = strlen(s);
	while (n > 0 && strchr(" \t\n\r", s[n - 1]) != NULL)
		n--;
	return lt_strndup(s, n);
}

/* Text that must not be empty; NULL (with a problem) otherwise. */
static char *
text_of(ctx *c, yaml_node_t *n, const char *what)
{
	const char *s = scalar(c, n, what);
	char *t;

	if (s == NULL)
		return NULL;
	t = trimmed(s);
	if (*t == '\0') {
		problem(c, line_of(n), "%s is empty", what);
		free(t);
		return NULL;
	}
	return t;
}

/*
 * Text or a list of texts, as a NULL-terminated array (never NULL; empty
 * when there is a problem).
 */
static char **
texts_of(ctx *c, yaml_node_t *n, const char *what)
{
	char **v;
	size_t k = 0;

	if (n != NULL && n->type == YAML_SEQUENCE_NODE) {
		size_t count = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);

		v = lt_calloc(count + 1, sizeof *v);
		for (yaml_node_item_t *it = n->data.sequence.items.start;
		    it < n->data.sequence.items.top; it++) {
			char *t = text_of(c, node_at(c, *it), what);

			if (t != NULL)
				v[k++] = t;
		}
		return v;
	}
	v = lt_calloc(2, sizeof *v);
	v[0] = text_of(c, n, what);
	return v;
}

/* Check a mapping's keys against the ones allowed; also duplicates. */
static void
check_keys(ctx *c, yaml_node_t *map, const char *const *allowed, const char *where)
{
	size_t nallowed = 0;

	while (allowed[nallowed] != NULL)
		nallowed++;
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start;
	    p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = node_at(c, p->key);
		const char *name, *hint;
		size_t i;

		if (k == NULL || k->type != YAML_SCALAR_NODE) {
			problem(c, line_of(k), "a key should be a word, such as \"%s\"", allowed[0]);
			continue;
		}
		name = (const char *)k->data.scalar.value;
		for (i = 0; i < nallowed && strcmp(allowed[i], name) != 0; i++)
			;
		if (i == nallowed) {
			hint = lt_suggest(name, allowed, nallowed);
			if (hint != NULL)
				problem(c, line_of(k), "\"%s\" is not a key %s can have (did you mean "
				    "\"%s\"?)", name, where, hint);
			else
				problem(c, line_of(k), "\"%s\" is not a key %s can have", name, where);
			continue;
		}
		for (yaml_node_pair_t *q = map->data.mapping.pairs.start; q < p; q++) {
			yaml_node_t *k2 = node_at(c, q->key);

			if (k2 != NULL && k2->type == YAML_SCALAR_NODE &&
			    strcmp((const char *)k2->data.scalar.value, name) == 0) {
				problem(c, line_of(k), "\"%s\" is given twice in %s", name, where);
				break;
			}
		}
	}
}

/* The value of key in a mapping, or NULL. */
static yaml_node_t *
get(ctx *c, yaml_node_t *map, const char *key)
{
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start;
	    p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = node_at(c, p->key);

		if (k != NULL && k->type == YAML_SCALAR_NODE &&
		    strcmp((const char *)k->data.scalar.value, key) == 0)
			return node_at(c, p->value);
	}
	return NULL;
}

/* Split text into words at blanks (caller frees with lt_strv_free). */
static char **
split_words(const char *text)
{
	char **v = lt_calloc(strlen(text) / 2 + 2, sizeof *v);
	size_t n = 0;
	const char *p = text;

	for (;;) {
		size_t k;

		p += strspn(p, " \t\n\r");
		if (*p == '\0')
			break;
		k = strcspn(p, " \t\n\r");
		v[n++] = lt_strndup(p, k);
		p += k;
	}
	return v;
}

static const char *const plot_kinds[] = { "hist", "bar", "box", "scatter", "line", NULL };

/*
 * "crosstab smoking heart_attack" -> name "crosstab", columns; NULL with a
 * problem when the command is not one lantern has.
 */
static int
parse_command_check(ctx *c, int line, const char *text, pred *p)
{
	char **w = split_words(text);
	const lt_cmd_entry *e;
	size_t i = 1, n = 0;

	if (w[0] == NULL) {
		problem(c, line, "this check needs a command, as in \"ran: describe bmi\"");
		lt_strv_free(w);
		return -1;
	}
	if ((e = lt_cmd_find(w[0])) == NULL) {
		const char *names[64];
		size_t nn = 0;
		const char *hint;

		for (size_t k = 0; k < lt_cmd_count && nn < 64; k++)
			names[nn++] = lt_cmd_table[k]->name;
		hint = lt_suggest(w[0], names, nn);
		if (hint != NULL)
			problem(c, line, "\"%s\" is not a command (did you mean \"%s\"?)", w[0], hint);
		else
			problem(c, line, "\"%s\" is not a command; \"lantern help\" lists them", w[0]);
		lt_strv_free(w);
		return -1;
	}
	if (strcmp(e->name, "plot") == 0 && w[1] != NULL) {
		size_t k;

		for (k = 0; plot_kinds[k] != NULL && strcasecmp(plot_kinds[k], w[1]) != 0; k++)
			;
		if (plot_kinds[k] == NULL) {
			problem(c, line, "\"%s\" is not a kind of plot; use hist, bar, box, scatter "
			    "or line", w[1]);
			lt_strv_free(w);
			return -1;
		}
		p->arg = lt_sprintf("plot %s", plot_kinds[k]);
		i = 2;
	} else {
		p->arg = lt_strdup(e->name);
	}
	p->cols = lt_calloc(strlen(text) / 2 + 2, sizeof *p->cols);
	for (; w[i] != NULL; i++)
		if (!is_joining(w[i]))
			p->cols[n++] = lt_strdup(w[i]);
	lt_strv_free(w);
	return 0;
}

static int parse_pred(ctx *c, yaml_node_t *n, pred *p);

/* A list of checks (or one map of them) into *out. */
static void
parse_preds(ctx *c, yaml_node_t *n, pred **out, size_t *nout, const char *what)
{
	size_t cap = 0;

	*out = NULL;
	*nout = 0;
	if (n->type == YAML_SEQUENCE_NODE) {
		for (yaml_node_item_t *it = n->data.sequence.items.start;
		    it < n->data.sequence.items.top; it++) {
			pred p;

			memset(&p, 0, sizeof p);
			if (parse_pred(c, node_at(c, *it), &p) != 0) {
				pred_clear(&p);
				continue;
			}
			*out = lt_grow(*out, &cap, *nout + 1, sizeof **out);
			(*out)[(*nout)++] = p;
		}
	} else if (n->type == YAML_MAPPING_NODE) {
		pred p;

		memset(&p, 0, sizeof p);
		if (parse_pred(c, n, &p) == 0) {
			*out = lt_calloc(1, sizeof **out);
			(*out)[(*nout)++] = p;
		} else {
			pred_clear(&p);
		}
	} else {
		problem(c, line_of(n), "%s should be a list of checks, such as "
		    "\"- ran: describe bmi\"", what);
		return;
	}
	if (*nout == 0 && c->nproblems == 0)
		problem(c, line_of(n), "%s has no checks", what);
}

static int
parse_pred(ctx *c, yaml_node_t *n, pred *p)
{
	yaml_node_t *k, *v;
	const char *name, *hint, *val;
	size_t i;

	p->line = line_of(n);
	if (n == NULL || n->type != YAML_MAPPING_NODE ||
	    n->data.mapping.pairs.top - n->data.mapping.pairs.start != 1) {
		problem(c, p->line, "write each check as one \"kind: value\", as in "
		    "\"- ran: describe bmi\"");
		return -1;
	}
	k = node_at(c, n->data.mapping.pairs.start->key);
	v = node_at(c, n->data.mapping.pairs.start->value);
	if (k == NULL || k->type != YAML_SCALAR_NODE) {
		problem(c, p->line, "a check starts with its kind, such as \"ran\"");
		return -1;
	}
	name = (const char *)k->data.scalar.value;
	for (i = 0; pred_names[i] != NULL && strcmp(pred_names[i], name) != 0; i++)
		;
	if (pred_names[i] == NULL) {
		hint = lt_suggest(name, pred_names, sizeof pred_names / sizeof pred_names[0] - 1);
		if (hint != NULL)
			problem(c, p->line, "\"%s\" is not a kind of check (did you mean \"%s\"?)",
			    name, hint);
		else
			problem(c, p->line, "\"%s\" is not a kind of check; use dataset, filter, "
			    "sort, ran, result, posted or any", name);
		return -1;
	}
	p->kind = (int)i;
	if (p->kind == P_ANY) {
		if (v == NULL || v->type != YAML_SEQUENCE_NODE) {
			problem(c, line_of(v), "\"any\" takes a list of checks, one of which must "
			    "hold");
			return -1;
		}
		parse_preds(c, v, &p->sub, &p->nsub, "\"any\"");
		p->text = lt_strdup("any of these");
		return p->nsub > 0 ? 0 : -1;
	}
	if ((val = scalar(c, v, name)) == NULL)
		return -1;
	p->text = lt_sprintf("%s: %s", name, val);
	{
		char *t = trimmed(val);

		if (*t == '\0') {
			problem(c, line_of(v), "the check \"%s\" needs a value", name);
			free(t);
			return -1;
		}
		val = NULL;
		p->arg = t;
	}
	switch (p->kind) {
	case P_DATASET:
		if (!lt_dataset_name_ok(p->arg)) {
			problem(c, line_of(v), "\"%s\" is not a dataset name", p->arg);
			return -1;
		}
		break;
	case P_FILTER:
		p->off = strcasecmp(p->arg, "off") == 0;
		break;
	case P_SORT: {
		char **w = split_words(p->arg);
		int rc = 0;

		p->desc = -1;
		if (strcasecmp(w[0], "off") == 0 && w[1] == NULL) {
			p->off = 1;
		} else if (w[1] != NULL && (w[2] != NULL || (strcasecmp(w[1], "desc") != 0 &&
		    strcasecmp(w[1], "asc") != 0))) {
			problem(c, line_of(v), "write a sort check as \"sort: COLUMN\", with desc or "
			    "asc after it if the order matters");
			rc = -1;
		} else {
			if (w[1] != NULL)
				p->desc = strcasecmp(w[1], "desc") == 0;
			free(p->arg);
			p->arg = lt_strdup(w[0]);
		}
		lt_strv_free(w);
		return rc;
	}
	case P_RAN:
	case P_RESULT: {
		char *t = p->arg;
		int rc;

		p->arg = NULL;
		rc = parse_command_check(c, line_of(v), t, p);
		free(t);
		return rc;
	}
	case P_POSTED:
		if (strcmp(p->arg, "true") != 0 && strcmp(p->arg, "yes") != 0) {
			problem(c, line_of(v), "\"posted\" takes only \"true\"");
			return -1;
		}
		break;
	}
	return 0;
}

/* Check each command of a "show" names a command lantern has. */
static void
check_show(ctx *c, yaml_node_t *n, const char *show)
{
	size_t off = 0;
	lt_words w;
	lt_error e;
	int r;

	while ((r = lt_words_next(show, &off, &w, &e)) > 0) {
		if (w.n > 0 && lt_cmd_find(w.w[0]) == NULL)
			problem(c, line_of(n), "\"show\" runs \"%s\", which is not a command",
			    w.w[0]);
		lt_words_clear(&w);
	}
	if (r < 0)
		problem(c, line_of(n), "\"show\" has a quote that is not closed");
}

static const char *const top_keys[] = {
	"title", "audience", "minutes", "dataset", "steps", NULL
};
static const char *const say_keys[] = { "say", NULL };
static const char *const finish_keys[] = { "finish", NULL };
static const char *const do_keys[] = { "do", "check", "hints", "show", "praise", NULL };
static const char *const ask_keys[] = {
	"ask", "choices", "answer", "number", "tolerance", "reflect", "hints", "praise", NULL
};
static const char *const kind_keys[] = { "say", "do", "ask", "finish", NULL };

static int
parse_number(const char *s, double *out)
{
	char *end;

	if (s == NULL || *s == '\0')
		return -1;
	errno = 0;
	*out = strtod(s, &end);
	return *end == '\0' && errno == 0 && isfinite(*out) ? 0 : -1;
}

static void
parse_step(ctx *c, yaml_node_t *n, tstep *st)
{
	lt_step *s = &st->pub;
	yaml_node_t *v;
	int kinds = 0;

	s->line = line_of(n);
	s->hints = (const char *const *)lt_calloc(1, sizeof(char *));
	s->choices = (const char *const *)lt_calloc(1, sizeof(char *));
	if (n == NULL || n->type != YAML_MAPPING_NODE) {
		problem(c, s->line, "a step should be a map, such as \"- say: Hello\"");
		return;
	}
	for (size_t k = 0; kind_keys[k] != NULL; k++)
		if (get(c, n, kind_keys[k]) != NULL) {
			if (kinds++ == 0)
				s->kind = (int)k;
		}
	if (kinds == 0) {
		check_keys(c, n, kind_keys, "a step");
		problem(c, s->line, "a step needs one of say, do, ask or finish");
		return;
	}
	if (kinds > 1) {
		problem(c, s->line, "a step has only one of say, do, ask or finish; split it "
		    "into two steps");
		return;
	}
	switch (s->kind) {
	case LT_STEP_SAY:
		check_keys(c, n, say_keys, "a \"say\" step");
		s->text = text_of(c, get(c, n, "say"), "\"say\"");
		break;
	case LT_STEP_FINISH:
		check_keys(c, n, finish_keys, "a \"finish\" step");
		s->text = text_of(c, get(c, n, "finish"), "\"finish\"");
		break;
	case LT_STEP_DO:
		check_keys(c, n, do_keys, "a \"do\" step");
		s->text = text_of(c, get(c, n, "do"), "\"do\"");
		if ((v = get(c, n, "check")) == NULL)
			problem(c, s->line, "a \"do\" step needs a \"check\": what must have "
			    "happened for it to pass");
		else
			parse_preds(c, v, &st->checks, &st->nchecks, "\"check\"");
		if ((v = get(c, n, "show")) == NULL) {
			problem(c, s->line, "a \"do\" step needs a \"show\": the commands that "
			    "\"show me\" runs");
		} else {
			char **cmds = texts_of(c, v, "\"show\"");
			size_t nc = 0;

			while (cmds[nc] != NULL)
				nc++;
			if (nc > 0) {
				s->show = lt_join_lines(cmds, nc);
				check_show(c, v, s->show);
			}
			lt_strv_free(cmds);
		}
		break;
	case LT_STEP_ASK: {
		yaml_node_t *ch = get(c, n, "choices"), *num = get(c, n, "number");
		yaml_node_t *refl = get(c, n, "reflect"), *ans = get(c, n, "answer");
		yaml_node_t *tol = get(c, n, "tolerance");
		int forms = (ch != NULL) + (num != NULL) + (refl != NULL);

		check_keys(c, n, ask_keys, "an \"ask\" step");
		s->text = text_of(c, get(c, n, "ask"), "\"ask\"");
		if (forms != 1) {
			problem(c, s->line, "an \"ask\" step needs exactly one of \"choices\", "
			    "\"number\" or \"reflect: true\"");
			break;
		}
		if (ch != NULL) {
			size_t nc = 0, k;

			s->ask = LT_ASK_CHOICE;
			lt_strv_free((char **)s->choices);
			s->choices = (const char *const *)texts_of(c, ch, "a choice");
			while (s->choices[nc] != NULL)
				nc++;
			if (ch->type != YAML_SEQUENCE_NODE || nc < 2)
				problem(c, line_of(ch), "\"choices\" should be a list of at least "
				    "two answers");
			if (tol != NULL)
				problem(c, line_of(tol), "\"tolerance\" goes with \"number\", not "
				    "\"choices\"");
			if (ans == NULL) {
				problem(c, s->line, "a question with choices needs an \"answer\": "
				    "the right choice");
				break;
			}
			if ((s->answer = text_of(c, ans, "\"answer\"")) == NULL)
				break;
			for (k = 0; k < nc && strcmp(s->choices[k], s->answer) != 0; k++)
				;
			if (k == nc && nc > 0)
				problem(c, line_of(ans), "the answer \"%s\" is not one of the choices; "
				    "copy it exactly", s->answer);
		} else if (num != NULL) {
			const char *t;

			s->ask = LT_ASK_NUMBER;
			if (ans != NULL)
				problem(c, line_of(ans), "a number question has its answer in "
				    "\"number\", not \"answer\"");
			if ((t = scalar(c, num, "\"number\"")) == NULL)
				break;
			if (parse_number(t, &s->number) != 0) {
				problem(c, line_of(num), "\"number\" should be a number, such as 27.5, "
				    "not \"%s\"", t);
				break;
			}
			s->answer = lt_sprintf("%.15g", s->number);
			if (tol != NULL) {
				if ((t = scalar(c, tol, "\"tolerance\"")) == NULL)
					break;
				if (parse_number(t, &s->tolerance) != 0 || s->tolerance < 0)
					problem(c, line_of(tol), "\"tolerance\" should be a number of "
					    "0 or more, such as 0.5, not \"%s\"", t);
			}
		} else {
			const char *t;

			s->ask = LT_ASK_REFLECT;
			if ((t = scalar(c, refl, "\"reflect\"")) != NULL && strcmp(t, "true") != 0)
				problem(c, line_of(refl), "\"reflect\" takes only \"true\"");
			if (ans != NULL)
				problem(c, line_of(ans), "a reflection has no right answer; take out "
				    "\"answer\"");
			if (tol != NULL)
				problem(c, line_of(tol), "\"tolerance\" goes with \"number\"");
		}
		break;
	}
	}
	if ((v = get(c, n, "hints")) != NULL) {
		lt_strv_free((char **)s->hints);
		s->hints = (const char *const *)texts_of(c, v, "a hint");
	}
	if ((v = get(c, n, "praise")) != NULL)
		s->praise = text_of(c, v, "\"praise\"");
}

/* The file's base name without ".yaml". */
static char *
base_name(const char *path)
{
	const char *b = strrchr(path, '/');
	size_t n;

	b = b != NULL ? b + 1 : path;
	n = strlen(b);
	if (n > 5 && strcmp(b + n - 5, ".yaml") == 0)
		n -= 5;
	else if (n > 4 && strcmp(b + n - 4, ".yml") == 0)
		n -= 4;
	return lt_strndup(b, n);
}

static void
parse_top(ctx *c, yaml_node_t *root, lt_tutorial *t)
{
	yaml_node_t *v;
	const char *s;

	if (root == NULL) {
		problem(c, 1, "the file is empty; a tutorial starts with \"title:\"");
		return;
	}
	if (root->type != YAML_MAPPING_NODE) {
		problem(c, line_of(root), "a tutorial is a map of keys, starting with "
		    "\"title:\"");
		return;
	}
	check_keys(c, root, top_keys, "a tutorial");
	if ((v = get(c, root, "title")) == NULL)
		problem(c, 1, "the tutorial needs a \"title\"");
	else
		t->title = text_of(c, v, "\"title\"");
	if ((v = get(c, root, "audience")) == NULL)
		problem(c, 1, "the tutorial needs an \"audience\": who it is for");
	else
		t->audience = text_of(c, v, "\"audience\"");
	if ((v = get(c, root, "minutes")) == NULL) {
		problem(c, 1, "the tutorial needs \"minutes\": about how long it takes");
	} else if ((s = scalar(c, v, "\"minutes\"")) != NULL) {
		char *end;
		long m = strtol(s, &end, 10);

		if (*s == '\0' || *end != '\0' || m < 1 || m > 600)
			problem(c, line_of(v), "\"minutes\" should be a whole number from 1 to 600, "
			    "not \"%s\"", s);
		else
			t->minutes = (int)m;
	}
	if ((v = get(c, root, "dataset")) == NULL) {
		problem(c, 1, "the tutorial needs a \"dataset\": the one it uses");
	} else if ((t->dataset = text_of(c, v, "\"dataset\"")) != NULL) {
		t->dataset_line = line_of(v);
		if (!lt_dataset_name_ok(t->dataset))
			problem(c, line_of(v), "\"%s\" is not a dataset name", t->dataset);
	}
	if ((v = get(c, root, "steps")) == NULL) {
		problem(c, 1, "the tutorial needs \"steps\"");
		return;
	}
	if (v->type != YAML_SEQUENCE_NODE || v->data.sequence.items.top ==
	    v->data.sequence.items.start) {
		problem(c, line_of(v), "\"steps\" should be a list of steps, each starting "
		    "with \"- \"");
		return;
	}
	t->nsteps = (size_t)(v->data.sequence.items.top - v->data.sequence.items.start);
	t->steps = lt_calloc(t->nsteps, sizeof *t->steps);
	for (size_t i = 0; i < t->nsteps; i++)
		parse_step(c, node_at(c, v->data.sequence.items.start[i]), &t->steps[i]);
	for (size_t i = 0; i < t->nsteps; i++)
		if (t->steps[i].pub.kind == LT_STEP_FINISH && i + 1 < t->nsteps)
			problem(c, t->steps[i].pub.line, "\"finish\" must be the last step");
	if (t->steps[t->nsteps - 1].pub.kind != LT_STEP_FINISH)
		problem(c, t->steps[t->nsteps - 1].pub.line, "the last step should be a "
		    "\"finish\" step that sums up what was learned");
}

lt_tutorial *
lt_tutorial_load(const char *path, lt_buf *problems, lt_error *err)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	lt_tutorial *t;
	ctx c;
	FILE *f;

	lt_err_clear(err);
	if ((f = fopen(path, "rb")) == NULL) {
		int rc = lt_err(err, errno == ENOENT ? LT_ENOENT : LT_EIO,
		    "cannot read %s (%s); check the name", path, strerror(errno));

		if (problems != NULL)
			lt_buf_printf(problems, "%s\n", err != NULL ? err->msg : path);
		(void)rc;
		return NULL;
	}
	memset(&c, 0, sizeof c);
	c.path = path;
	c.problems = problems;
	c.err = err;
	c.doc = &doc;
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_file(&parser, f);
	if (!yaml_parser_load(&parser, &doc)) {
		int line = (int)parser.problem_mark.line + 1;

		if (parser.context != NULL)
			problem(&c, line, "this is not valid YAML: %s %s (look at the indenting "
			    "and the quotes)", parser.problem != NULL ? parser.problem : "an error",
			    parser.context);
		else
			problem(&c, line, "this is not valid YAML: %s (look at the indenting and "
			    "the quotes)", parser.problem != NULL ? parser.problem : "an error");
		yaml_parser_delete(&parser);
		fclose(f);
		return NULL;
	}
	t = lt_calloc(1, sizeof *t);
	t->path = lt_strdup(path);
	t->name = base_name(path);
	parse_top(&c, yaml_document_get_root_node(&doc), t);
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	fclose(f);
	if (c.nproblems > 0) {
		lt_tutorial_free(t);
		return NULL;
	}
	return t;
}

/* ------------------------------------------------------------ checking data */

static const lt_dataset *
find_dataset(lt_dataset **v, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i]->name, name) == 0)
			return v[i];
	return NULL;
}

/* The catalog's list of datasets, with the dictionary of each (the list
   leaves it out for imported ones). */
static int
datasets_with_columns(lt_session *s, lt_dataset ***v, size_t *n)
{
	lt_error e;

	if (lt_catalog_list(s->cat, v, n, &e) != 0)
		return -1;
	for (size_t i = 0; i < *n; i++) {
		lt_dataset *d;

		if ((*v)[i]->nvars > 0 || (*v)[i]->rows < 0)
			continue;
		if (lt_catalog_get(s->cat, (*v)[i]->name, NULL, NULL, &d, &e) == 0 && d != NULL) {
			lt_dataset_free((*v)[i]);
			(*v)[i] = d;
		}
	}
	return 0;
}

static void
data_problem(lt_buf *problems, size_t *count, const lt_tutorial *t, int line,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void
data_problem(lt_buf *problems, size_t *count, const lt_tutorial *t, int line,
    const char *fmt, ...)
{
	va_list ap;

	(*count)++;
	if (problems == NULL)
		return;
	lt_buf_printf(problems, "%s:%d: ", t->path, line);
	va_start(ap, fmt);
	lt_buf_vprintf(problems, fmt, ap);
	va_end(ap);
	lt_buf_putc(problems, '\n');
}

static void
column_problem(lt_buf *pb, size_t *count, const lt_tutorial *t, int line,
    const lt_dataset *d, const char *col)
{
	const char *hint;

	if (lt_vars_find(d->vars, d->nvars, col) != NULL)
		return;
	hint = lt_vars_suggest(d->vars, d->nvars, col);
	if (hint != NULL)
		data_problem(pb, count, t, line, "%s has no column \"%s\" (did you mean \"%s\"?)",
		    d->name, col, hint);
	else
		data_problem(pb, count, t, line, "%s has no column \"%s\"", d->name, col);
}

static void
check_pred_data(const lt_tutorial *t, const pred *p, lt_dataset **v, size_t n,
    const lt_dataset *d, lt_buf *pb, size_t *count)
{
	switch (p->kind) {
	case P_DATASET:
		if (find_dataset(v, n, p->arg) == NULL)
			data_problem(pb, count, t, p->line, "there is no dataset called \"%s\"",
			    p->arg);
		break;
	case P_FILTER:
		if (!p->off && d != NULL) {
			lt_sql sql;
			lt_error e;

			memset(&sql, 0, sizeof sql);
			if (lt_expr_compile(p->arg, d->vars, d->nvars, &sql, &e) != 0)
				data_problem(pb, count, t, p->line, "the filter \"%s\" does not work "
				    "on %s: %s", p->arg, d->name, e.msg);
			lt_sql_clear(&sql);
		}
		break;
	case P_SORT:
		if (!p->off && d != NULL)
			column_problem(pb, count, t, p->line, d, p->arg);
		break;
	case P_RAN:
	case P_RESULT:
		for (size_t i = 0; d != NULL && p->cols[i] != NULL; i++)
			column_problem(pb, count, t, p->line, d, p->cols[i]);
		break;
	case P_ANY:
		for (size_t i = 0; i < p->nsub; i++)
			check_pred_data(t, &p->sub[i], v, n, d, pb, count);
		break;
	}
}

size_t
lt_tutorial_check_data(const lt_tutorial *t, lt_session *s, lt_buf *problems)
{
	lt_dataset **v;
	const lt_dataset *d;
	size_t n, count = 0;
	lt_error e;

	if (datasets_with_columns(s, &v, &n) != 0)
		return 0;
	d = find_dataset(v, n, t->dataset);
	if (d == NULL)
		data_problem(problems, &count, t, t->dataset_line, "there is no dataset called "
		    "\"%s\"; \"lantern datasets\" lists them", t->dataset);
	for (size_t i = 0; i < t->nsteps; i++) {
		const tstep *st = &t->steps[i];
		size_t off = 0;
		lt_words w;
		int r;

		if (st->pub.kind != LT_STEP_DO)
			continue;
		/* the checks apply after "show me" ran: follow the datasets it opens */
		while (st->pub.show != NULL && (r = lt_words_next(st->pub.show, &off, &w, &e)) > 0) {
			const lt_cmd_entry *ce = w.n > 0 ? lt_cmd_find(w.w[0]) : NULL;

			if (ce != NULL && strcmp(ce->name, "open") == 0 && w.n > 1) {
				const lt_dataset *o = find_dataset(v, n, w.w[1]);

				if (o == NULL)
					data_problem(problems, &count, t, st->pub.line, "\"show\" opens "
					    "\"%s\", but there is no dataset called that", w.w[1]);
				else
					d = o;
			}
			lt_words_clear(&w);
		}
		for (size_t k = 0; k < st->nchecks; k++)
			if (st->checks[k].kind == P_DATASET &&
			    find_dataset(v, n, st->checks[k].arg) != NULL)
				d = find_dataset(v, n, st->checks[k].arg);
		for (size_t k = 0; k < st->nchecks; k++)
			check_pred_data(t, &st->checks[k], v, n, d, problems, &count);
	}
	lt_catalog_list_free(v, n);
	return count;
}

/* ------------------------------------------------------------ the tutor */

struct lt_tutor {
	lt_session *s;
	lt_tutorial *t;
	size_t cur;
	unsigned long mark;	/* the log stood here when the step began */
	size_t hint;		/* the next hint to give */
	char **answers;		/* per step: the answer kept (right, or a reflection) */
	int *right;		/* per step: answered right */
};

lt_tutor *
lt_tutor_new(lt_session *s, lt_tutorial *t)
{
	lt_tutor *tu = lt_calloc(1, sizeof *tu);

	tu->s = s;
	tu->t = t;
	tu->answers = lt_calloc(t->nsteps + 1, sizeof *tu->answers);
	tu->right = lt_calloc(t->nsteps + 1, sizeof *tu->right);
	lt_tutor_begin_step(tu);
	return tu;
}

void
lt_tutor_free(lt_tutor *tu)
{
	if (tu == NULL)
		return;
	for (size_t i = 0; i < tu->t->nsteps; i++)
		free(tu->answers[i]);
	free(tu->answers);
	free(tu->right);
	lt_tutorial_free(tu->t);
	free(tu);
}

const lt_tutorial *
lt_tutor_tutorial(const lt_tutor *tu)
{
	return tu->t;
}

size_t
lt_tutor_current(const lt_tutor *tu)
{
	return tu->cur;
}

void
lt_tutor_begin_step(lt_tutor *tu)
{
	tu->mark = tu->s->nlogged;
	tu->hint = 0;
}

/* Whether log entry l is the command check p names. */
static int
entry_matches(const lt_log_entry *l, const pred *p)
{
	size_t n = strlen(p->arg);

	/* "ran: plot" holds for any kind of plot */
	if (l == NULL || strncmp(l->name, p->arg, n) != 0 ||
	    (l->name[n] != '\0' && l->name[n] != ' '))
		return 0;
	for (size_t i = 0; p->cols[i] != NULL; i++) {
		size_t k;

		for (k = 0; l->columns[k] != NULL && strcasecmp(l->columns[k], p->cols[i]) != 0;
		    k++)
			;
		if (l->columns[k] == NULL)
			return 0;
	}
	return 1;
}

static void
bind_params(sqlite3_stmt *st, const lt_sql *q, int first)
{
	for (size_t i = 0; i < q->nparams; i++) {
		const lt_param *p = &q->params[i];
		int k = first + (int)i;

		if (p->storage == LT_ST_INT)
			sqlite3_bind_int64(st, k, p->i);
		else if (p->storage == LT_ST_REAL)
			sqlite3_bind_double(st, k, p->d);
		else
			sqlite3_bind_text(st, k, p->s, -1, SQLITE_STATIC);
	}
}

/*
 * Whether the active filter selects exactly the rows text selects: the
 * rows each selects and the rows both select are counted, and equal
 * counts mean the same rows.
 */
static int
same_rows(lt_session *s, const char *text, lt_buf *why)
{
	lt_sql q;
	lt_error e;
	sqlite3_stmt *st;
	sqlite3 *db = lt_catalog_db(s->cat);
	const char *a = lt_session_where(s);
	char *tab, *sql;
	int na = (int)s->where.nparams, nb, ok = 0;

	memset(&q, 0, sizeof q);
	if (lt_expr_compile(text, s->ds->vars, s->ds->nvars, &q, &e) != 0) {
		lt_buf_printf(why, "the check's filter \"%s\" does not work on %s: %s", text,
		    s->ds->name, e.msg);
		lt_sql_clear(&q);
		return 0;
	}
	nb = (int)q.nparams;
	tab = lt_dataset_table(s->ds);
	sql = lt_sprintf("SELECT coalesce(sum(CASE WHEN (%s) THEN 1 ELSE 0 END), 0), "
	    "coalesce(sum(CASE WHEN (%s) THEN 1 ELSE 0 END), 0), "
	    "coalesce(sum(CASE WHEN (%s) AND (%s) THEN 1 ELSE 0 END), 0) FROM %s",
	    a, lt_buf_str(&q.where), a, lt_buf_str(&q.where), tab);
	free(tab);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		lt_buf_printf(why, "the rows could not be counted: %s", sqlite3_errmsg(db));
		free(sql);
		lt_sql_clear(&q);
		return 0;
	}
	free(sql);
	lt_session_bind_filter(s, st, 1);
	bind_params(st, &q, na + 1);
	lt_session_bind_filter(s, st, na + nb + 1);
	bind_params(st, &q, 2 * na + nb + 1);
	if (sqlite3_step(st) == SQLITE_ROW) {
		long long ca = sqlite3_column_int64(st, 0), cb = sqlite3_column_int64(st, 1);
		long long both = sqlite3_column_int64(st, 2);

		ok = ca == cb && cb == both;
		if (!ok)
			lt_buf_printf(why, "the filter \"%s\" selects other rows than \"%s\"",
			    s->filter, text);
	} else {
		lt_buf_printf(why, "the rows could not be counted: %s", sqlite3_errmsg(db));
	}
	sqlite3_finalize(st);
	lt_sql_clear(&q);
	return ok;
}

/* Whether check p holds now; when not, why says so. */
static int
holds(lt_tutor *tu, const pred *p, lt_buf *why)
{
	lt_session *s = tu->s;

	switch (p->kind) {
	case P_DATASET:
		if (s->ds != NULL && strcmp(s->ds->name, p->arg) == 0)
			return 1;
		lt_buf_printf(why, "the open dataset is not %s", p->arg);
		return 0;
	case P_FILTER:
		if (p->off) {
			if (s->filter == NULL)
				return 1;
			lt_buf_printf(why, "a filter is still on (%s)", s->filter);
			return 0;
		}
		if (s->ds == NULL) {
			lt_buf_puts(why, "no dataset is open");
			return 0;
		}
		if (s->filter == NULL) {
			lt_buf_printf(why, "no filter is on; it should select %s", p->arg);
			return 0;
		}
		return same_rows(s, p->arg, why);
	case P_SORT: {
		int desc = 0;
		const char *col = lt_session_sort(s, &desc);

		if (p->off) {
			if (col == NULL)
				return 1;
			lt_buf_printf(why, "the rows are still sorted by %s", col);
			return 0;
		}
		if (col != NULL && strcasecmp(col, p->arg) == 0 && (p->desc < 0 || p->desc == desc))
			return 1;
		lt_buf_printf(why, "the rows are not sorted by %s%s", p->arg,
		    p->desc == 1 ? ", largest first" : p->desc == 0 ? ", smallest first" : "");
		return 0;
	}
	case P_RAN:
		for (unsigned long q = tu->mark + 1; q <= s->nlogged; q++)
			if (entry_matches(lt_session_log_get(s, q), p))
				return 1;
		lt_buf_printf(why, "no \"%s\" has run since the step began", p->text + 5);
		return 0;
	case P_RESULT:
		/* the last command, and what ran inside it: all on screen now */
		for (unsigned long q = s->nlogged; q > tu->mark; q--) {
			const lt_log_entry *l = lt_session_log_get(s, q);

			if (entry_matches(l, p))
				return 1;
			if (l == NULL || !l->inner)
				break;
		}
		lt_buf_printf(why, "the last result is not \"%s\"", p->text + 8);
		return 0;
	case P_POSTED:
		for (unsigned long q = tu->mark + 1; q <= s->nlogged; q++) {
			const lt_log_entry *l = lt_session_log_get(s, q);

			if (l != NULL && l->posted)
				return 1;
		}
		lt_buf_puts(why, "no observation was posted since the step began");
		return 0;
	case P_ANY: {
		lt_buf sub = LT_BUF_INIT;

		for (size_t i = 0; i < p->nsub; i++) {
			if (holds(tu, &p->sub[i], &sub)) {
				lt_buf_free(&sub);
				return 1;
			}
			lt_buf_puts(&sub, i + 2 < p->nsub ? "; " : i + 1 < p->nsub ? "; and " : "");
		}
		lt_buf_printf(why, "none of the choices held: %s", lt_buf_str(&sub));
		lt_buf_free(&sub);
		return 0;
	}
	}
	return 0;
}

/* Whether the current step is done; when not, why (if not NULL) says so. */
static int
step_done(lt_tutor *tu, lt_buf *why)
{
	const tstep *st;
	lt_buf b = LT_BUF_INIT;

	if (tu->cur >= tu->t->nsteps)
		return 1;
	st = &tu->t->steps[tu->cur];
	switch (st->pub.kind) {
	case LT_STEP_ASK:
		if (tu->right[tu->cur])
			return 1;
		if (why != NULL)
			lt_buf_puts(why, "the question is not answered yet");
		return 0;
	case LT_STEP_DO:
		for (size_t i = 0; i < st->nchecks; i++)
			if (!holds(tu, &st->checks[i], &b)) {
				if (why != NULL)
					lt_buf_printf(why, "line %d: %s", st->checks[i].line,
					    lt_buf_str(&b));
				lt_buf_free(&b);
				return 0;
			}
		lt_buf_free(&b);
		return 1;
	default:
		return 1;
	}
}

int
lt_tutor_done(lt_tutor *tu)
{
	return step_done(tu, NULL);
}

int
lt_tutor_why(lt_tutor *tu, lt_buf *why)
{
	return step_done(tu, why);
}

/* Lower-case s without blanks at the ends, in b. */
static const char *
folded(lt_buf *b, const char *s)
{
	char *t = trimmed(s);

	lt_buf_reset(b);
	for (char *p = t; *p != '\0'; p++)
		lt_buf_putc(b, (char)tolower((unsigned char)*p));
	free(t);
	return lt_buf_str(b);
}

/* A number as learners type it: "1,234", "27.5", "12%". */
static int
learner_number(const char *s, double *out)
{
	lt_buf b = LT_BUF_INIT;
	int rc;
	char *t = trimmed(s);

	for (char *p = t; *p != '\0'; p++)
		if (*p != ',' && *p != ' ')
			lt_buf_putc(&b, *p);
	if (b.len > 0 && b.s[b.len - 1] == '%')
		b.s[--b.len] = '\0';
	rc = parse_number(lt_buf_str(&b), out);
	lt_buf_free(&b);
	free(t);
	return rc;
}

int
lt_tutor_answer(lt_tutor *tu, const char *answer, char **feedback)
{
	const lt_step *s;
	lt_buf a = LT_BUF_INIT, c = LT_BUF_INIT;
	int right = 0;

	*feedback = NULL;
	if (tu->cur >= tu->t->nsteps || tu->t->steps[tu->cur].pub.kind != LT_STEP_ASK) {
		*feedback = lt_strdup("This step is not a question.");
		return 0;
	}
	s = &tu->t->steps[tu->cur].pub;
	if (answer == NULL)
		answer = "";
	switch (s->ask) {
	case LT_ASK_CHOICE: {
		size_t n = 0, pick = (size_t)-1;
		const char *f = folded(&a, answer);

		while (s->choices[n] != NULL)
			n++;
		for (size_t i = 0; i < n && pick == (size_t)-1; i++)
			if (strcmp(folded(&c, s->choices[i]), f) == 0)
				pick = i;
		/* "2" or "b" picks the second choice */
		if (pick == (size_t)-1 && f[0] != '\0' && f[1] == '\0' && f[0] >= 'a' &&
		    (size_t)(f[0] - 'a') < n)
			pick = (size_t)(f[0] - 'a');
		if (pick == (size_t)-1 && f[0] != '\0') {
			char *end;
			long k = strtol(f, &end, 10);

			if (*end == '\0' && k >= 1 && (size_t)k <= n)
				pick = (size_t)k - 1;
		}
		if (pick == (size_t)-1) {
			*feedback = lt_sprintf("Pick one of the %zu choices: type its number, from "
			    "1 to %zu.", n, n);
			break;
		}
		if (strcmp(s->choices[pick], s->answer) == 0) {
			right = 1;
			free(tu->answers[tu->cur]);
			tu->answers[tu->cur] = lt_strdup(s->choices[pick]);
		} else {
			*feedback = lt_strdup("Not quite. Read the question again and try another "
			    "choice.");
		}
		break;
	}
	case LT_ASK_NUMBER: {
		double v;

		if (learner_number(answer, &v) != 0) {
			*feedback = lt_strdup("Type a number, such as 27.5.");
			break;
		}
		if (fabs(v - s->number) <= s->tolerance + 1e-9 * fmax(1, fabs(s->number))) {
			right = 1;
			free(tu->answers[tu->cur]);
			tu->answers[tu->cur] = trimmed(answer);
		} else {
			char *t = trimmed(answer);

			*feedback = lt_sprintf("Not quite: %s is too %s. Look again and try "
			    "once more.", t, v > s->number ? "high" : "low");
			free(t);
		}
		break;
	}
	case LT_ASK_REFLECT: {
		char *t = trimmed(answer);

		if (*t == '\0') {
			*feedback = lt_strdup("Write a sentence or two in your own words first.");
			free(t);
			break;
		}
		right = 1;
		free(tu->answers[tu->cur]);
		tu->answers[tu->cur] = t;
		break;
	}
	}
	if (right) {
		tu->right[tu->cur] = 1;
		if (s->praise != NULL)
			*feedback = lt_strdup(s->praise);
		else if (s->ask == LT_ASK_REFLECT)
			*feedback = lt_strdup("Thank you. Your answer is kept with your notes.");
		else
			*feedback = lt_strdup("That's right.");
	}
	lt_buf_free(&a);
	lt_buf_free(&c);
	return right;
}

const char *
lt_tutor_hint(lt_tutor *tu)
{
	const char *const *h;
	size_t n = 0;

	if (tu->cur >= tu->t->nsteps)
		return NULL;
	h = tu->t->steps[tu->cur].pub.hints;
	while (h[n] != NULL)
		n++;
	if (n == 0)
		return NULL;
	return h[tu->hint++ % n];
}

int
lt_tutor_show(lt_tutor *tu, lt_session *s, lt_error *err)
{
	const lt_step *st;

	if (tu->cur >= tu->t->nsteps || (st = &tu->t->steps[tu->cur].pub)->show == NULL)
		return lt_err(err, LT_EINVAL, "this step has nothing to show; read it and "
		    "go on");
	return lt_session_run(s, st->show, NULL, NULL, NULL, err);
}

int
lt_tutor_next(lt_tutor *tu)
{
	if (tu->cur + 1 >= tu->t->nsteps)
		return 0;
	tu->cur++;
	lt_tutor_begin_step(tu);
	return 1;
}

void
lt_tutor_restart(lt_tutor *tu)
{
	for (size_t i = 0; i < tu->t->nsteps; i++) {
		free(tu->answers[i]);
		tu->answers[i] = NULL;
		tu->right[i] = 0;
	}
	tu->cur = 0;
	lt_tutor_begin_step(tu);
}

/* ------------------------------------------------------------ progress */

static const char progress_sql[] =
	"CREATE TABLE IF NOT EXISTS lt_tutorial_progress ("
	" user TEXT NOT NULL, tutorial TEXT NOT NULL, step INTEGER NOT NULL,"
	" answers TEXT NOT NULL DEFAULT '{}', updated TEXT NOT NULL,"
	" PRIMARY KEY(user, tutorial))";

int
lt_tutor_save(lt_tutor *tu, lt_error *err)
{
	sqlite3 *db = lt_catalog_db(tu->s->cat);
	sqlite3_stmt *st;
	json_t *o = json_object();
	char *text;
	int rc;

	for (size_t i = 0; i < tu->t->nsteps; i++)
		if (tu->answers[i] != NULL) {
			char key[32];

			snprintf(key, sizeof key, "%zu", i);
			json_object_set_new(o, key, json_string(tu->answers[i]));
		}
	text = json_dumps(o, JSON_SORT_KEYS | JSON_COMPACT);
	json_decref(o);
	if (lt_db_exec(db, progress_sql, err) != 0) {
		free(text);
		return lt_err(err, LT_EDB, "your progress in the tutorial could not be saved "
		    "(%s); you can carry on, but it will start from the beginning next time",
		    sqlite3_errmsg(db));
	}
	rc = sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO lt_tutorial_progress "
	    "(user, tutorial, step, answers, updated) VALUES (?, ?, ?, ?, "
	    "strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))", -1, &st, NULL);
	if (rc != SQLITE_OK) {
		free(text);
		return lt_db_error(db, err, "saving your progress");
	}
	sqlite3_bind_text(st, 1, lt_session_login(tu->s), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, tu->t->name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)tu->cur);
	sqlite3_bind_text(st, 4, text, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	free(text);
	if (rc != SQLITE_DONE)
		return lt_db_error(db, err, "saving your progress");
	return 0;
}

/* The saved step and answers of tutorial name: 1, 0 when none. */
static int
progress_read(lt_session *s, const char *name, long *step, char **answers)
{
	sqlite3 *db = lt_catalog_db(s->cat);
	sqlite3_stmt *st;
	int found = 0;

	if (answers != NULL)
		*answers = NULL;
	/* no table yet: nothing was saved (and a read-only catalog is not written) */
	if (sqlite3_prepare_v2(db, "SELECT step, answers FROM lt_tutorial_progress "
	    "WHERE user = ? AND tutorial = ?", -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(st, 1, lt_session_login(s), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW) {
		found = 1;
		*step = (long)sqlite3_column_int64(st, 0);
		if (answers != NULL)
			*answers = lt_strdup((const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	return found;
}

int
lt_tutorial_progress(lt_session *s, const char *name, long *step)
{
	return progress_read(s, name, step, NULL);
}

int
lt_tutor_resume(lt_tutor *tu, lt_error *err)
{
	long step = 0;
	char *answers = NULL;
	json_t *o;
	json_error_t je;

	lt_err_clear(err);
	if (!progress_read(tu->s, tu->t->name, &step, &answers))
		return 0;
	lt_tutor_restart(tu);
	if (step < 0)
		step = 0;
	tu->cur = (size_t)step < tu->t->nsteps ? (size_t)step : tu->t->nsteps - 1;
	if (answers != NULL && (o = json_loads(answers, 0, &je)) != NULL) {
		const char *key;
		json_t *v;

		json_object_foreach(o, key, v) {
			char *end;
			unsigned long i = strtoul(key, &end, 10);

			if (*end != '\0' || i >= tu->t->nsteps || !json_is_string(v) ||
			    tu->t->steps[i].pub.kind != LT_STEP_ASK)
				continue;
			free(tu->answers[i]);
			tu->answers[i] = lt_strdup(json_string_value(v));
			tu->right[i] = 1;
		}
		json_decref(o);
	}
	free(answers);
	lt_tutor_begin_step(tu);
	return 0;
}

void
lt_tutor_summary(const lt_tutor *tu, lt_buf *out)
{
	int any = 0;

	lt_buf_printf(out, "%s\n", tu->t->title);
	for (size_t i = 0; i < tu->t->nsteps; i++) {
		const lt_step *s = &tu->t->steps[i].pub;

		if (s->kind != LT_STEP_ASK || tu->answers[i] == NULL)
			continue;
		lt_buf_printf(out, "\n%s\n%s %s\n", s->text,
		    s->ask == LT_ASK_REFLECT ? "You wrote:" : "Your answer:", tu->answers[i]);
		any = 1;
	}
	if (!any)
		lt_buf_puts(out, "\nYou have not answered any questions yet.\n");
}

/* ------------------------------------------------------------ the list */

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **
lt_tutorial_list(const char *dir)
{
	char **v = NULL;
	size_t n = 0, cap = 0;
	DIR *d;
	struct dirent *de;

	if (dir == NULL) {
		const char *env = getenv("LANTERN_TUTORIALS");

		dir = env != NULL && *env != '\0' ? env : LT_PKGDATADIR "/tutorials";
	}
	v = lt_grow(v, &cap, 1, sizeof *v);
	if ((d = opendir(dir)) != NULL) {
		while ((de = readdir(d)) != NULL) {
			size_t k = strlen(de->d_name);

			if (de->d_name[0] == '.' || k <= 5 || strcmp(de->d_name + k - 5, ".yaml") != 0)
				continue;
			v = lt_grow(v, &cap, n + 2, sizeof *v);
			v[n++] = lt_sprintf("%s/%s", dir, de->d_name);
		}
		closedir(d);
	}
	v[n] = NULL;
	qsort(v, n, sizeof *v, cmp_str);
	return v;
}
