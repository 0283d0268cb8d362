/*
 * cmd_findings.c - the commands of the findings store: "post" shares the
 * last result as an observation, "findings" lists, shows, re-runs,
 * reviews, withdraws, revises and exports them, checks the store and
 * manages reviewers and pseudonyms.
 *
 * What is shared is what the session remembered of its last result
 * (lt_session_remember, called by run_one after the disclosure pass): the
 * result document as JSON and its layers as text, both after disclosure
 * control, and the recipe that makes it again ("open", the filter, the
 * command). Results with rows in them are never remembered, so never
 * posted.
 *
 * The store is opened on first use (lt_session_store): --findings or
 * $LANTERN_FINDINGS, else "findings = PATH" in the deployment's
 * configuration (a shared store), else findings.db beside the catalog.
 */
#include "config.h"

#include <jansson.h>
#include <math.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "findings.h"
#include "format.h"
#include "lantern.h"
#include "session_int.h"

#define DIFF_MAX	20	/* differences listed by a re-run */

/* ------------------------------------------------------------ the session's part */

const char *
lt_session_login(lt_session *s)
{
	if (s->login == NULL) {
		const struct passwd *pw = getpwuid(getuid());

		s->login = pw != NULL && pw->pw_name != NULL && *pw->pw_name != '\0' ?
		    lt_strdup(pw->pw_name) : lt_sprintf("uid%ld", (long)getuid());
	}
	return s->login;
}

/* The store's path and whether it is the per-user one (folders may be made). */
static char *
store_path(lt_session *s, int *own)
{
	const char *env = getenv("LANTERN_FINDINGS");
	char *conf, *dir, *slash;

	*own = 0;
	if (s->o.findings_path != NULL && *s->o.findings_path != '\0')
		return lt_strdup(s->o.findings_path);
	if (env != NULL && *env != '\0')
		return lt_strdup(env);
	if ((conf = lt_config_value("findings")) != NULL)
		return conf;
	*own = 1;
	dir = lt_strdup(s->o.catalog_path);
	slash = strrchr(dir, '/');
	if (slash != NULL)
		slash[1] = '\0';
	else
		dir[0] = '\0';
	conf = lt_sprintf("%sfindings.db", dir);
	free(dir);
	return conf;
}

lt_findings *
lt_session_store(lt_session *s, lt_error *err)
{
	int own;
	char *path;

	if (s->store != NULL)
		return s->store;
	path = store_path(s, &own);
	s->store = lt_findings_open(path, own, err);
	free(path);
	return s->store;
}

void
lt_session_forget(lt_session *s)
{
	free(s->last_json);
	free(s->last_layers);
	free(s->last_recipe);
	free(s->last_dataset);
	free(s->last_hash);
	s->last_json = s->last_layers = s->last_recipe = NULL;
	s->last_dataset = s->last_hash = NULL;
}

/*
 * Keep r, made by command e on dataset (with filter, content hash), as
 * what "post" shares; or say in err why it cannot be posted.
 */
static int
remember_result(lt_session *s, const lt_cmd_entry *e, const lt_result *r,
    const char *dataset, const char *filter, const char *hash, lt_error *err)
{
	lt_buf json = LT_BUF_INIT, text = LT_BUF_INIT, recipe = LT_BUF_INIT;
	lt_render_opts ro;

	if (e == NULL || dataset == NULL || !(e->flags & LT_CMD_NEEDS_DATASET) ||
	    (e->flags & LT_CMD_STATE) || strcmp(e->name, "info") == 0 || r->quiet)
		return lt_err(err, LT_EINVAL, "only the result of an analysis (such as "
		    "\"describe\" or \"crosstab\") can be posted");
	/* rows are never shared, whoever may see them */
	if (strcmp(e->name, "show") == 0)
		return lt_err(err, LT_EPRIVACY, "rows are never posted, only summaries; "
		    "post a result such as \"describe\" instead");
	for (size_t i = 0; i < r->ntables; i++)
		if (r->tables[i]->row_level && r->tables[i]->nrows > 0)
			return lt_err(err, LT_EPRIVACY, "rows are never posted, only summaries; "
			    "post a result such as \"describe\" instead");
	lt_session_forget(s);
	memset(&ro, 0, sizeof ro);
	ro.digits = 4;
	ro.width = 78;
	ro.utf8 = 1;
	lt_render(r, LT_FMT_JSON, NULL, &json);
	lt_render(r, LT_FMT_TEXT, &ro, &text);
	lt_buf_printf(&recipe, "open %s\n", dataset);
	if (filter != NULL)
		lt_buf_printf(&recipe, "filter %s\n", filter);
	lt_buf_printf(&recipe, "%s\n", r->command);
	s->last_json = lt_buf_take(&json);
	s->last_layers = lt_buf_take(&text);
	s->last_recipe = lt_buf_take(&recipe);
	s->last_dataset = lt_strdup(dataset);
	s->last_hash = lt_strdup(hash);
	return 0;
}

void
lt_session_remember(lt_session *s, const lt_cmd_entry *e, const lt_result *r)
{
	lt_error ignored;

	if (strcmp(e->name, "show") == 0) {
		/* what is on screen now cannot be posted: nor can what came before */
		lt_session_forget(s);
		return;
	}
	/* anything else that cannot be posted leaves the last result as it was */
	if (s->ds != NULL)
		remember_result(s, e, r, s->ds->name, s->filter, s->ds->hash, &ignored);
}

int
lt_session_choose(lt_session *s, const lt_result *r, lt_error *err)
{
	const lt_cmd_entry *e = NULL;
	lt_dataset *d = NULL;
	const char *hash = NULL;
	char name[64];
	int rc;

	/* before anyone writes a title for a store that cannot be used */
	if (lt_session_store(s, err) == NULL)
		return err->code;
	if (r->command != NULL && sscanf(r->command, "%63s", name) == 1)
		e = lt_cmd_find(name);
	if (r->dataset != NULL && s->ds != NULL && strcmp(r->dataset, s->ds->name) == 0)
		hash = s->ds->hash;
	else if (r->dataset != NULL && e != NULL) {
		if ((rc = lt_catalog_get(s->cat, r->dataset, NULL, NULL, &d, err)) != 0)
			return rc;
		hash = d->hash;
	}
	rc = remember_result(s, e, r, r->dataset, r->filter, hash, err);
	lt_dataset_free(d);
	return rc;
}

/* ------------------------------------------------------------ post */


/*
 * Text of several lines (a recipe, a result's layers) as a table of one
 * column called label, a line per row, so that it keeps its shape.
 */
static void
lines_table(lt_result *r, const char *name, const char *label, const char *text)
{
	lt_table *t = lt_result_table(r, name, NULL);

	lt_table_column(t, "line", label, LT_RC_TEXT);
	for (const char *p = text; p != NULL && *p != '\0'; ) {
		size_t n = strcspn(p, "\n"), row = lt_table_row(t);
		char *line = lt_strndup(p, n);

		lt_table_text(t, row, 0, line);
		free(line);
		p += n;
		if (*p == '\n')
			p++;
	}
	t->protected = 1;
}

/* What will be (or was) shared, as the result's layers. */
static void
shared_layers(lt_session *s, lt_result *r, const lt_finding *f, const char *author)
{
	lt_result_fact(r, "title", "Title", f->title);
	lt_result_fact(r, "observation", "Observation", f->body);
	lt_result_fact(r, "author", "Shown as", author);
	lt_result_fact(r, "dataset", "Dataset", f->dataset);
	lt_result_fact(r, "hash", "Dataset content hash", f->dataset_hash);
	lt_result_fact(r, "version", "lantern version", f->version);
	lt_result_fact(r, "store", "Findings store", lt_findings_path(s->store));
	lines_table(r, "recipe", "Recipe: the commands that make the result", f->recipe);
	lines_table(r, "result", "The result, as it is shared", f->layers);
}

static int
post_exec(lt_session *s, const lt_args *a, lt_result *r, lt_error *err)
{
	const lt_cmd_entry *e = lt_cmd_find("post");
	int preview = lt_args_opt(e, a, "preview") != NULL;
	lt_buf title = LT_BUF_INIT, body = LT_BUF_INIT;
	lt_finding f;
	lt_findings *st;
	long long id;
	int rc;

	if (s->last_json == NULL)
		return lt_err(err, LT_EINVAL, "there is no result to post "
		    "(rows from \"show\" are never shared); run an analysis first, for "
		    "example \"describe bmi\", then post it");
	if ((st = lt_session_store(s, err)) == NULL)
		return err->code;
	/* exactly what will be stored: the cleaned text */
	if ((rc = lt_findings_clean(&title, a->argv[0], LT_FINDING_TITLE_MAX, "the title",
	    err)) != 0 ||
	    (rc = lt_findings_clean(&body, a->argv[1], LT_FINDING_TEXT_MAX, "the observation",
	    err)) != 0)
		goto out;
	if (lt_buf_str(&title)[strspn(lt_buf_str(&title), " \t\n")] == '\0' ||
	    lt_buf_str(&body)[strspn(lt_buf_str(&body), " \t\n")] == '\0') {
		rc = lt_err_at(err, LT_EINVAL, a->argpos[0], "an observation needs a title and "
		    "some words of your own, as in post \"Title\" \"What I noticed\"");
		goto out;
	}
	memset(&f, 0, sizeof f);
	f.title = (char *)lt_buf_str(&title);
	f.body = (char *)lt_buf_str(&body);
	f.dataset = s->last_dataset;
	f.dataset_hash = s->last_hash;
	f.version = (char *)lt_version();
	f.recipe = s->last_recipe;
	f.result_json = s->last_json;
	f.layers = s->last_layers;
	if (preview) {
		lt_result_headline(r, "This is exactly what will be shared when you post it; "
		    "nothing has been posted yet.");
		lt_result_method(r, "Nothing is posted until you say so: press y in the "
		    "workbench, type y in the shell, or in a script run post without --preview.");
	} else {
		if ((rc = lt_findings_post(st, lt_session_login(s), &f, &id, err)) != 0)
			goto out;
		lt_result_headline(r, "Posted observation %lld. A researcher will review it; "
		    "\"findings list --mine\" shows its state and any reply.", id);
		lt_result_number(r, "id", "Observation", (double)id, NULL);
	}
	{
		/* the name others see: the pseudonym when one is set */
		char *who = lt_findings_shown_as(st, lt_session_login(s));

		shared_layers(s, r, &f, who);
		if (strcmp(who, lt_session_login(s)) == 0)
			lt_result_note(r, "Others see your login name; to be shown by a made-up "
			    "name instead, type findings name, then the name in quotes.");
		free(who);
	}
	lt_result_caveat(r, "Only the result after disclosure control is shared, never rows; "
	    "reviewers and other contributors can read what you wrote.");
	rc = 0;
out:
	lt_buf_free(&title);
	lt_buf_free(&body);
	return rc;
}

static const lt_opt_spec post_opts[] = {
	{ "preview", NULL, LT_COMPLETE_NONE, 0,
	  "show exactly what would be shared, and post nothing" },
	{ NULL, NULL, 0, 0, NULL }
};

const lt_cmd_entry lt_cmd_post_entry = {
	.name = "post",
	.args = "TITLE OBSERVATION",
	.summary = "share the last result as an observation for researchers to review",
	.help = "Posts the last result (after disclosure control, never rows) to the findings "
	    "store with a title and your observation in your own words, and the recipe that "
	    "makes it again: the dataset, the filter and the command. \"--preview\" shows "
	    "exactly what will be shared and posts nothing. Others see your pseudonym if you "
	    "set one (\"findings name\"), else your login name.",
	.example = "post \"Smokers and heart attacks\" \"More smokers had heart attacks.\"",
	.min_args = 2,
	.max_args = 2,
	.complete = LT_COMPLETE_NONE,
	.opts = post_opts,
	.exec = post_exec,
};

/* ------------------------------------------------------------ findings */

static const lt_coldef list_cols[] = {
	{ "id", "No.", LT_RC_VALUE }, { "state", "State", LT_RC_TEXT },
	{ "title", "Title", LT_RC_TEXT }, { "author", "By", LT_RC_TEXT },
	{ "dataset", "Dataset", LT_RC_TEXT }, { "updated", "Updated", LT_RC_TEXT },
	{ NULL, NULL, 0 }
};
static const lt_coldef history_cols[] = {
	{ "at", "When", LT_RC_TEXT }, { "who", "Who", LT_RC_TEXT },
	{ "action", "What", LT_RC_TEXT }, { "reason", "Reason", LT_RC_TEXT },
	{ NULL, NULL, 0 }
};
static const lt_coldef check_cols[] = {
	{ "check", "Check", LT_RC_TEXT }, { "answer", "Answer", LT_RC_TEXT },
	{ NULL, NULL, 0 }
};
static const lt_coldef diff_cols[] = {
	{ "where", "Where", LT_RC_TEXT }, { "posted", "Posted", LT_RC_TEXT },
	{ "now", "Now", LT_RC_TEXT }, { NULL, NULL, 0 }
};

/* argv[i] as an observation number, or an error at its position. */
static int
finding_id(const lt_args *a, size_t i, long long *id, lt_error *err)
{
	char *end;

	if (i >= a->argc)
		return lt_err_at(err, LT_EINVAL, a->argpos[0], "%s needs the number of an "
		    "observation, as in \"findings %s 12\"; \"findings list\" shows them",
		    a->argv[0], a->argv[0]);
	*id = strtoll(a->argv[i], &end, 10);
	if (*end != '\0' || *id <= 0)
		return lt_err_at(err, LT_EINVAL, a->argpos[i], "\"%s\" is not the number of an "
		    "observation; \"findings list\" shows them", a->argv[i]);
	return 0;
}

static int
list_exec(lt_session *s, lt_findings *st, const lt_cmd_entry *e, const lt_args *a,
    lt_result *r, lt_error *err)
{
	lt_findings_query q = { -1, NULL, NULL, NULL };
	const char *state = lt_args_opt(e, a, "state");
	lt_finding *f = NULL;
	size_t n = 0;
	lt_table *t;
	int rc;

	if (state != NULL && (q.state = lt_finding_state_parse(state)) < 0)
		return lt_err(err, LT_EINVAL, "--state can be submitted, changes, accepted, "
		    "declined or withdrawn, not \"%s\"", state);
	q.dataset = lt_args_opt(e, a, "dataset");
	if (lt_args_opt(e, a, "mine") != NULL)
		q.login = lt_session_login(s);
	if (lt_args_opt(e, a, "todo") != NULL) {
		if (!lt_findings_is_reviewer(st, lt_session_login(s)))
			return lt_err(err, LT_EINVAL, "--todo is the review queue, and %s is not "
			    "a reviewer of this store; ask its administrator to add you",
			    lt_session_login(s));
		q.not_reviewed_by = lt_session_login(s);
		if (q.state < 0)
			q.state = LT_FS_SUBMITTED;
	}
	if ((rc = lt_findings_list(st, &q, &f, &n, err)) != 0)
		return rc;
	if (n == 0)
		lt_result_headline(r, "No observations here yet%s.", q.login != NULL ?
		    " from you; run an analysis, then \"post\" it" : "");
	else
		lt_result_headline(r, "%zu observation%s; \"findings show NUMBER\" shows one.", n,
		    n == 1 ? "" : "s");
	t = lt_result_table_with(r, "findings", "Observations", list_cols);
	/* your own: with the latest reviewer's reason, so nobody misses a reply */
	if (q.login != NULL)
		lt_table_column(t, "reply", "Latest reply", LT_RC_TEXT);
	for (size_t i = 0; i < n; i++) {
		size_t row = lt_table_row(t);

		lt_table_num(t, row, 0, (double)f[i].id);
		lt_table_text(t, row, 1, lt_finding_state_name(f[i].state));
		lt_table_text(t, row, 2, f[i].title);
		lt_table_text(t, row, 3, f[i].author);
		lt_table_text(t, row, 4, f[i].dataset);
		lt_table_text(t, row, 5, f[i].updated_at);
		if (q.login != NULL) {
			lt_finding_event *ev = NULL;
			size_t nev = 0;
			lt_error ignored;
			const char *reply = "";

			if (lt_findings_history(st, f[i].id, &ev, &nev, &ignored) == 0)
				for (size_t k = nev; k-- > 0 && *reply == '\0'; )
					if (ev[k].reason != NULL && *ev[k].reason != '\0' &&
					    (strcmp(ev[k].action, "accepted") == 0 ||
					    strcmp(ev[k].action, "changes") == 0 ||
					    strcmp(ev[k].action, "declined") == 0)) {
						char *txt = lt_sprintf("%s: %s", ev[k].actor,
						    ev[k].reason);

						lt_table_text(t, row, 6, txt);
						free(txt);
						reply = "set";
					}
			if (*reply == '\0')
				lt_table_text(t, row, 6, "");
			lt_finding_events_free(ev, nev);
		}
		lt_finding_clear(&f[i]);
	}
	t->protected = 1;
	free(f);
	lt_result_note(r, "Findings store: %s", lt_findings_path(st));
	return 0;
}

/* Words that claim a cause, where a result can show only a link. */
static const char *
causal_word(const char *text)
{
	static const char *const words[] = { "causes", "caused", "cause ", "leads to",
	    "led to", "because of", "prevents", "makes people", "results in", "due to",
	    NULL };
	lt_buf low = LT_BUF_INIT;
	const char *hit = NULL;

	for (const char *p = text; *p != '\0'; p++)
		lt_buf_putc(&low, (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p));
	for (size_t i = 0; words[i] != NULL && hit == NULL; i++)
		if (strstr(lt_buf_str(&low), words[i]) != NULL)
			hit = words[i];
	lt_buf_free(&low);
	return hit;
}

/* Count the hidden values in a result document; -1 when it holds rows. */
static long
hidden_in(const json_t *j)
{
	long n = 0;

	if (json_is_object(j)) {
		const char *k;
		json_t *v;

		if (json_is_true(json_object_get(j, "row_level")) &&
		    json_array_size(json_object_get(j, "rows")) > 0)
			return -1;
		if (json_is_true(json_object_get(j, "hidden")))
			n++;
		json_object_foreach((json_t *)j, k, v) {
			long m = hidden_in(v);

			if (m < 0)
				return -1;
			n += m;
		}
	} else if (json_is_array(j)) {
		for (size_t i = 0; i < json_array_size(j); i++) {
			long m = hidden_in(json_array_get(j, i));

			if (m < 0)
				return -1;
			n += m;
		}
	}
	return n;
}

/* The checklist's answer on disclosure control, read from the stored result. */
static char *
disclosure_answer(const char *result_json)
{
	json_t *j = result_json != NULL ? json_loads(result_json, 0, NULL) : NULL;
	long hidden = j != NULL ? hidden_in(j) : 0;
	char *a;

	if (j == NULL)
		a = lt_strdup("cannot tell: the stored result cannot be read");
	else if (hidden < 0)
		a = lt_strdup("no: the stored result holds rows; decline it");
	else if (hidden == 0)
		a = lt_strdup("yes: no rows, and nothing needed hiding");
	else
		a = lt_sprintf("yes: no rows; %ld value%s hidden by the rules", hidden,
		    hidden == 1 ? "" : "s");
	json_decref(j);
	return a;
}

static void
checklist(lt_result *r, const lt_finding *f)
{
	lt_table *t = lt_result_table_with(r, "checklist", "Checklist for the reviewer",
	    check_cols);
	const char *cause = causal_word(f->body != NULL ? f->body : "");
	char *txt;
	size_t row;

	row = lt_table_row(t);
	lt_table_text(t, row, 0, "The recipe reproduces the result");
	lt_table_text(t, row, 1, "press R (or \"findings rerun\") to check");
	row = lt_table_row(t);
	lt_table_text(t, row, 0, "Disclosure control passed");
	txt = disclosure_answer(f->result_json);
	lt_table_text(t, row, 1, txt);
	free(txt);
	row = lt_table_row(t);
	lt_table_text(t, row, 0, "The claim matches the result");
	lt_table_text(t, row, 1, "you decide: read the observation beside the numbers");
	row = lt_table_row(t);
	lt_table_text(t, row, 0, "No causal language for a link");
	txt = cause != NULL ? lt_sprintf("check: it says \"%s\"", cause) :
	    lt_strdup("no causal words found");
	lt_table_text(t, row, 1, txt);
	free(txt);
	row = lt_table_row(t);
	lt_table_text(t, row, 0, "Caveats stated");
	lt_table_text(t, row, 1, "you decide: does it say what the data cannot show?");
	t->protected = 1;
}

static void
add_lines(lt_strv *v, const char *text)
{
	for (const char *p = text; p != NULL && *p != '\0'; ) {
		size_t n = strcspn(p, "\n");

		v->v = lt_realloc(v->v, (v->n + 1) * sizeof *v->v);
		v->v[v->n++] = lt_strndup(p, n);
		p += n;
		if (*p == '\n')
			p++;
	}
}

static int
show_exec(lt_session *s, lt_findings *st, const lt_args *a, lt_result *r, lt_error *err)
{
	lt_finding f;
	lt_finding_event *ev = NULL;
	size_t nev = 0;
	long long id;
	lt_table *t;
	char *v;
	int rc;

	(void)s;
	if ((rc = finding_id(a, 1, &id, err)) != 0)
		return rc;
	memset(&f, 0, sizeof f);
	if ((rc = lt_findings_get(st, id, &f, err)) != 0)
		return rc;
	if ((rc = lt_findings_history(st, id, &ev, &nev, err)) != 0) {
		lt_finding_clear(&f);
		return rc;
	}
	lt_result_headline(r, "Observation %lld (%s): %s", f.id, lt_finding_state_name(f.state),
	    f.title);
	lt_result_fact(r, "observation", "Observation", f.body);
	lt_result_fact(r, "author", "By", f.author);
	lt_result_fact(r, "state", "State", lt_finding_state_name(f.state));
	v = lt_sprintf("%d", f.revision);
	lt_result_fact(r, "revision", "Revision", v);
	free(v);
	lt_result_fact(r, "posted", "Posted", f.created_at);
	lt_result_fact(r, "dataset", "Dataset", f.dataset);
	lt_result_fact(r, "hash", "Dataset content hash", f.dataset_hash);
	lt_result_fact(r, "version", "lantern version", f.version);
	lines_table(r, "recipe", "Recipe: the commands that make the result", f.recipe);
	t = lt_result_table_with(r, "history", "History", history_cols);
	for (size_t i = 0; i < nev; i++) {
		size_t row = lt_table_row(t);

		lt_table_text(t, row, 0, ev[i].at);
		lt_table_text(t, row, 1, ev[i].actor);
		lt_table_text(t, row, 2, ev[i].action);
		lt_table_text(t, row, 3, ev[i].reason != NULL ? ev[i].reason : "");
	}
	t->protected = 1;
	checklist(r, &f);
	lines_table(r, "result", "The result, as it was posted", f.layers);
	lt_finding_events_free(ev, nev);
	lt_finding_clear(&f);
	return 0;
}

/* ------------------------------------------------------------ re-running */

typedef struct diff {
	lt_result *r;
	lt_table *t;		/* made at the first difference */
	size_t n;
} diff;

static void
diff_add(diff *d, const char *where, const json_t *old, const json_t *now)
{
	char *o, *n;
	size_t row;

	d->n++;
	if (d->n > DIFF_MAX)
		return;
	o = old != NULL ? json_dumps(old, JSON_ENCODE_ANY | JSON_COMPACT |
	    JSON_REAL_PRECISION(6)) : NULL;
	n = now != NULL ? json_dumps(now, JSON_ENCODE_ANY | JSON_COMPACT |
	    JSON_REAL_PRECISION(6)) : NULL;
	if (d->t == NULL) {
		d->t = lt_result_table_with(d->r, "differences", "What differs", diff_cols);
		d->t->protected = 1;
	}
	row = lt_table_row(d->t);
	lt_table_text(d->t, row, 0, where);
	lt_table_text(d->t, row, 1, o != NULL ? o : "(none)");
	lt_table_text(d->t, row, 2, n != NULL ? n : "(none)");
	free(o);
	free(n);
}

/* Compare two JSON values; numbers agree to 1 part in 10^9. */
static void
json_diff(diff *d, const char *where, const json_t *a, const json_t *b)
{
	if (a == NULL || b == NULL || json_typeof(a) != json_typeof(b)) {
		if (json_is_number(a) && json_is_number(b) &&
		    fabs(json_number_value(a) - json_number_value(b)) <=
		    1e-9 * fmax(1, fabs(json_number_value(a))))
			return;
		diff_add(d, where, a, b);
		return;
	}
	switch (json_typeof(a)) {
	case JSON_OBJECT: {
		const char *k;
		json_t *v;

		json_object_foreach((json_t *)a, k, v) {
			char *w = lt_sprintf("%s.%s", where, k);

			json_diff(d, w, v, json_object_get(b, k));
			free(w);
		}
		json_object_foreach((json_t *)b, k, v)
			if (json_object_get(a, k) == NULL) {
				char *w = lt_sprintf("%s.%s", where, k);

				diff_add(d, w, NULL, v);
				free(w);
			}
		break;
	}
	case JSON_ARRAY:
		for (size_t i = 0; i < json_array_size(a) || i < json_array_size(b); i++) {
			char *w = lt_sprintf("%s[%zu]", where, i);

			json_diff(d, w, json_array_get(a, i), json_array_get(b, i));
			free(w);
		}
		break;
	case JSON_REAL:
	case JSON_INTEGER:
		if (fabs(json_number_value(a) - json_number_value(b)) >
		    1e-9 * fmax(1, fabs(json_number_value(a))))
			diff_add(d, where, a, b);
		break;
	default:
		if (!json_equal((json_t *)a, (json_t *)b))
			diff_add(d, where, a, b);
	}
}

/*
 * A recipe may only open a dataset, set a filter and run one analysis,
 * last: it comes from a shared file that other people (and programs) can
 * write, and a re-run happens as the reviewer. Anything else - a review,
 * an export, a drop, a second command - is refused, and nothing runs.
 */
static int
recipe_ok(const char *recipe, lt_error *err)
{
	size_t off = 0;
	lt_words w;
	int r, analyses = 0, rc = 0;

	while (rc == 0 && (r = lt_words_next(recipe, &off, &w, err)) != 0) {
		const lt_cmd_entry *e;

		if (r < 0)
			return lt_err(err, LT_EFORMAT, "its recipe cannot be read (%s)", err->msg);
		e = lt_cmd_find(w.w[0]);
		if (e != NULL && strcmp(e->name, "open") == 0 && w.n == 2 && analyses == 0)
			;
		else if (e != NULL && strcmp(e->name, "filter") == 0 && analyses == 0)
			;
		else if (e != NULL && (e->flags & LT_CMD_NEEDS_DATASET) &&
		    !(e->flags & (LT_CMD_STATE | LT_CMD_WRITES)) && strcmp(e->name, "show") != 0 &&
		    strcmp(e->name, "info") != 0 && analyses++ == 0)
			;
		else
			rc = lt_err(err, LT_EPRIVACY, "its recipe holds \"%s\", which a recipe may "
			    "not: only open, filter and one analysis", w.w[0]);
		lt_words_clear(&w);
	}
	if (rc == 0 && analyses == 0)
		rc = lt_err(err, LT_EINVAL, "its recipe runs no analysis");
	return rc;
}

/* The parts of a result that make its claim: the numbers and the tables. */
static const char *const compared[] = { "headline", "numbers", "tables", NULL };

static int
rerun_exec(lt_session *s, lt_findings *st, const lt_args *a, lt_result *r, lt_error *err)
{
	lt_finding f;
	lt_session *again = NULL;
	lt_result **rs = NULL;
	size_t nrs = 0;
	long long id;
	json_t *old = NULL, *now = NULL;
	lt_buf nowj = LT_BUF_INIT;
	lt_error rerr;
	diff d = { r, NULL, 0 };
	int rc;
	char *hash = NULL;

	if ((rc = finding_id(a, 1, &id, err)) != 0)
		return rc;
	memset(&f, 0, sizeof f);
	if ((rc = lt_findings_get(st, id, &f, err)) != 0)
		return rc;
	lt_err_clear(&rerr);
	if (recipe_ok(f.recipe != NULL ? f.recipe : "", &rerr) != 0) {
		lt_result_headline(r, "Observation %lld was not re-run: %s.", id, rerr.msg);
		lines_table(r, "recipe", "Recipe", f.recipe);
		lt_result_number(r, "reproduces", "Reproduces (1 yes, 0 no)", 0, NULL);
		rc = 0;
		goto out;
	}
	/* a fresh session: nothing of this one (filter, memory) leaks in */
	{
		lt_session_opts o = s->o;

		o.data_out = NULL;
		o.progress = NULL;
		if ((again = lt_session_new(&o, err)) == NULL) {
			rc = err->code;
			goto out;
		}
	}
	lt_err_clear(&rerr);
	if (lt_session_collect(again, f.recipe, &rs, &nrs, NULL, &rerr) != 0 || nrs == 0) {
		if (rerr.msg[0] == '\0')
			lt_err(&rerr, LT_EINVAL, "it gave no result");
		lt_result_headline(r, "Observation %lld does not reproduce: its recipe fails "
		    "now (%s).", id, rerr.msg);
		lines_table(r, "recipe", "Recipe", f.recipe);
		lt_result_number(r, "reproduces", "Reproduces (1 yes, 0 no)", 0, NULL);
		rc = 0;
		goto out;
	}
	if (again->ds != NULL)
		hash = lt_strdup(again->ds->hash);
	lt_render(rs[nrs - 1], LT_FMT_JSON, NULL, &nowj);
	old = json_loads(f.result_json, 0, NULL);
	now = json_loads(lt_buf_str(&nowj), 0, NULL);
	if (old == NULL || now == NULL) {
		rc = lt_err(err, LT_EFORMAT, "observation %lld's stored result cannot be read; "
		    "run \"findings check\"", id);
		goto out;
	}
	for (size_t i = 0; compared[i] != NULL; i++)
		json_diff(&d, compared[i], json_object_get(old, compared[i]),
		    json_object_get(now, compared[i]));
	if (d.n == 0)
		lt_result_headline(r, "Observation %lld reproduces: running its recipe again "
		    "gives the same result.", id);
	else
		lt_result_headline(r, "Observation %lld does not reproduce: %zu value%s differ%s "
		    "from what was posted.", id, d.n, d.n == 1 ? "" : "s", d.n == 1 ? "s" : "");
	if (d.n > DIFF_MAX)
		lt_result_caveat(r, "Only the first %d differences are listed.", DIFF_MAX);
	lt_result_number(r, "reproduces", "Reproduces (1 yes, 0 no)", d.n == 0, NULL);
	lt_result_number(r, "differences", "Values that differ", (double)d.n, NULL);
	if (hash != NULL && f.dataset_hash != NULL && strcmp(hash, f.dataset_hash) != 0)
		lt_result_caveat(r, "The dataset has changed since this was posted (its content "
		    "hash was %s and is now %s), so differences may come from the data.",
		    f.dataset_hash, hash);
	lines_table(r, "recipe", "Recipe", f.recipe);
	rc = 0;
out:
	for (size_t i = 0; i < nrs; i++)
		lt_result_free(rs[i]);
	free(rs);
	if (again != NULL)
		lt_session_free(again);
	json_decref(old);
	json_decref(now);
	lt_buf_free(&nowj);
	free(hash);
	lt_finding_clear(&f);
	return rc;
}

/* ------------------------------------------------------------ changes of state */

static int
review_exec(lt_session *s, lt_findings *st, const lt_args *a, lt_result *r, lt_error *err)
{
	static const char *const verdicts[] = { "accept", "changes", "decline", NULL };
	static const int states[] = { LT_FS_ACCEPTED, LT_FS_CHANGES, LT_FS_DECLINED };
	long long id;
	size_t v;
	int rc;

	if ((rc = finding_id(a, 1, &id, err)) != 0)
		return rc;
	for (v = 0; verdicts[v] != NULL && (a->argc < 3 ||
	    strcasecmp(verdicts[v], a->argv[2]) != 0); v++)
		;
	if (verdicts[v] == NULL)
		return lt_err_at(err, LT_EINVAL, a->argc >= 3 ? a->argpos[2] : a->argpos[0],
		    "a review is accept, changes or decline, then the reason in quotes, as in "
		    "findings review %lld changes \"Say how many people this is about.\"", id);
	if ((rc = lt_findings_review(st, id, lt_session_login(s), states[v],
	    a->argc >= 4 ? a->argv[3] : NULL, err)) != 0)
		return rc;
	{
		static const char *const done[] = { "accepted", "sent back for changes",
		    "declined" };

		lt_result_headline(r, "Observation %lld is %s%s.", id, done[v],
		    a->argc >= 4 ? "; its author sees your reason" : "");
	}
	return 0;
}

static int
withdraw_exec(lt_session *s, lt_findings *st, const lt_args *a, lt_result *r, lt_error *err)
{
	long long id;
	int rc;

	if ((rc = finding_id(a, 1, &id, err)) != 0 ||
	    (rc = lt_findings_withdraw(st, id, lt_session_login(s),
	    a->argc >= 3 ? a->argv[2] : NULL, err)) != 0)
		return rc;
	lt_result_headline(r, "Observation %lld is withdrawn; it stays in the history.", id);
	return 0;
}

static int
revise_exec(lt_session *s, lt_findings *st, const lt_args *a, lt_result *r, lt_error *err)
{
	lt_finding f;
	long long id;
	int rc;

	if ((rc = finding_id(a, 1, &id, err)) != 0)
		return rc;
	if (a->argc != 4)
		return lt_err_at(err, LT_EINVAL, a->argpos[0], "revise takes the number, a new "
		    "title and a new observation, as in findings revise %lld \"Title\" \"Text\"",
		    id);
	memset(&f, 0, sizeof f);
	f.title = a->argv[2];
	f.body = a->argv[3];
	/* the last result replaces the old one, when there is one */
	if (s->last_json != NULL) {
		f.result_json = s->last_json;
		f.layers = s->last_layers;
		f.recipe = s->last_recipe;
		f.dataset = s->last_dataset;
		f.dataset_hash = s->last_hash;
		f.version = (char *)lt_version();
	}
	if ((rc = lt_findings_revise(st, id, lt_session_login(s), &f, err)) != 0)
		return rc;
	lt_result_headline(r, "Observation %lld is revised and waits for review again%s.", id,
	    s->last_json != NULL ? ", with your last result and its recipe" : "");
	return 0;
}

/* ------------------------------------------------------------ export */

/*
 * s cleaned for a file someone will read in a terminal or an editor: each
 * line sanitised (no control characters or escape sequences; the store
 * cleaned them on the way in, but a shared file can be written by other
 * programs), the newlines kept.
 */
static void
md_text(lt_buf *b, const char *s)
{
	for (const char *p = s != NULL ? s : ""; *p != '\0'; ) {
		size_t n = strcspn(p, "\n");
		char *line = lt_strndup(p, n);

		lt_text_sanitize(b, line, 1);
		free(line);
		p += n;
		if (*p == '\n') {
			lt_buf_putc(b, '\n');
			p++;
		}
	}
}

/* A JSON string of s cleaned as md_text does. */
static json_t *
jclean(const char *s)
{
	lt_buf b = LT_BUF_INIT;
	json_t *j;

	md_text(&b, s);
	j = json_string(lt_buf_str(&b));
	lt_buf_free(&b);
	return j != NULL ? j : json_null();
}

/* md_text, ending with a newline (before a closing fence). */
static void
md_block(lt_buf *b, const char *s)
{
	md_text(b, s);
	if (b->len > 0 && b->s[b->len - 1] != '\n')
		lt_buf_putc(b, '\n');
}

static int
export_exec(lt_session *s, lt_findings *st, const lt_cmd_entry *e, const lt_args *a,
    lt_result *r, lt_error *err)
{
	const char *as = lt_args_opt(e, a, "as"), *path = lt_args_opt(e, a, "output");
	lt_findings_query q = { LT_FS_ACCEPTED, NULL, NULL, NULL };
	lt_finding *list = NULL;
	size_t n = 0;
	lt_buf out = LT_BUF_INIT;
	json_t *arr = NULL;
	int rc = 0, kind;
	FILE *f;

	if (as == NULL)
		as = "markdown";
	kind = strcmp(as, "markdown") == 0 ? 0 : strcmp(as, "csv") == 0 ? 1 :
	    strcmp(as, "json") == 0 ? 2 : -1;
	if (kind < 0)
		return lt_err(err, LT_EINVAL, "--as can be markdown, csv or json, not \"%s\"", as);
	q.dataset = lt_args_opt(e, a, "dataset");
	if ((rc = lt_findings_list(st, &q, &list, &n, err)) != 0)
		return rc;
	if (kind == 1)
		lt_buf_puts(&out, "id,title,author,dataset,dataset_hash,version,posted,observation,recipe\r\n");
	if (kind == 2)
		arr = json_array();
	for (size_t i = 0; i < n; i++) {
		lt_finding full;

		memset(&full, 0, sizeof full);
		if ((rc = lt_findings_get(st, list[i].id, &full, err)) != 0)
			break;
		if (kind == 0) {
			lt_buf_puts(&out, "## ");
			md_text(&out, full.title);
			lt_buf_printf(&out, "\n\nObservation %lld by ", full.id);
			md_text(&out, full.author);
			lt_buf_puts(&out, ", on ");
			md_text(&out, full.dataset);
			lt_buf_puts(&out, " (content hash ");
			md_text(&out, full.dataset_hash != NULL ? full.dataset_hash : "unknown");
			lt_buf_puts(&out, ", lantern ");
			md_text(&out, full.version != NULL ? full.version : "unknown");
			lt_buf_puts(&out, "), posted ");
			md_text(&out, full.created_at);
			lt_buf_puts(&out, ".\n\n");
			md_text(&out, full.body);
			lt_buf_puts(&out, "\n\nRecipe:\n\n```\n");
			md_block(&out, full.recipe);
			lt_buf_puts(&out, "```\n\nResult:\n\n```\n");
			md_block(&out, full.layers);
			lt_buf_puts(&out, "```\n\n");
		} else if (kind == 1) {
			const char *cells[9];
			char id[32];

			snprintf(id, sizeof id, "%lld", full.id);
			cells[0] = id;
			cells[1] = full.title;
			cells[2] = full.author;
			cells[3] = full.dataset;
			cells[4] = full.dataset_hash;
			cells[5] = full.version;
			cells[6] = full.created_at;
			cells[7] = full.body;
			cells[8] = full.recipe;
			for (size_t c = 0; c < 9; c++) {
				lt_buf clean = LT_BUF_INIT;

				md_text(&clean, cells[c]);
				if (c > 0)
					lt_buf_putc(&out, ',');
				lt_buf_putc(&out, '"');
				for (const char *p = lt_buf_str(&clean); *p != '\0'; p++) {
					if (*p == '"')
						lt_buf_putc(&out, '"');
					lt_buf_putc(&out, *p);
				}
				lt_buf_putc(&out, '"');
				lt_buf_free(&clean);
			}
			lt_buf_puts(&out, "\r\n");
		} else {
			json_t *o = json_object();
			json_t *res = json_loads(full.result_json, 0, NULL);

			json_object_set_new(o, "id", json_integer(full.id));
			json_object_set_new(o, "title", jclean(full.title));
			json_object_set_new(o, "author", jclean(full.author));
			json_object_set_new(o, "observation", jclean(full.body));
			json_object_set_new(o, "dataset", jclean(full.dataset));
			json_object_set_new(o, "dataset_hash", full.dataset_hash != NULL ?
			    jclean(full.dataset_hash) : json_null());
			json_object_set_new(o, "version", full.version != NULL ?
			    jclean(full.version) : json_null());
			json_object_set_new(o, "posted", jclean(full.created_at));
			json_object_set_new(o, "recipe", jclean(full.recipe));
			json_object_set_new(o, "result", res != NULL ? res : json_null());
			json_array_append_new(arr, o);
		}
		lt_finding_clear(&full);
	}
	if (kind == 2) {
		char *j = json_dumps(arr, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
		    JSON_REAL_PRECISION(17));

		lt_buf_puts(&out, j);
		lt_buf_putc(&out, '\n');
		free(j);
		json_decref(arr);
	}
	for (size_t i = 0; i < n; i++)
		lt_finding_clear(&list[i]);
	free(list);
	if (rc != 0)
		goto done;
	if (path != NULL) {
		if ((f = fopen(path, "w")) == NULL || fwrite(lt_buf_str(&out), 1, out.len, f) !=
		    out.len) {
			if (f != NULL)
				fclose(f);
			rc = lt_err(err, LT_EIO, "cannot write %s; check the folder exists and "
			    "that you may write there", path);
			goto done;
		}
		if (fclose(f) != 0) {
			rc = lt_err(err, LT_EIO, "cannot write %s; is the disk full?", path);
			goto done;
		}
		lt_result_headline(r, "Exported %zu accepted observation%s to %s (%s).", n,
		    n == 1 ? "" : "s", path, as);
	} else if (s->o.data_out != NULL) {
		fwrite(lt_buf_str(&out), 1, out.len, s->o.data_out);
		r->quiet = 1;
	} else {
		rc = lt_err(err, LT_EINVAL, "here, export needs a file to write: add --output FILE");
	}
done:
	lt_buf_free(&out);
	return rc;
}

/* ------------------------------------------------------------ administration */

static int
check_exec(lt_findings *st, lt_result *r, lt_error *err)
{
	lt_buf report = LT_BUF_INIT;
	int rc = lt_findings_check(st, &report, err);

	if (rc == 0)
		lt_result_headline(r, "The findings store %s is in good order.",
		    lt_findings_path(st));
	add_lines(&r->method, lt_buf_str(&report));
	lt_buf_free(&report);
	return rc;
}

/* Only the store file's owner (or root) manages reviewers. */
static int
reviewer_exec(lt_session *s, lt_findings *st, const lt_args *a, lt_result *r, lt_error *err)
{
	struct stat sb;
	int add, rc;

	if (a->argc != 3 || (strcmp(a->argv[1], "add") != 0 && strcmp(a->argv[1], "remove") != 0))
		return lt_err_at(err, LT_EINVAL, a->argpos[0], "use \"findings reviewer add "
		    "LOGIN\" or \"findings reviewer remove LOGIN\"");
	add = strcmp(a->argv[1], "add") == 0;
	if (stat(lt_findings_path(st), &sb) == 0 && getuid() != 0 && sb.st_uid != getuid())
		return lt_err(err, LT_EINVAL, "only the owner of the findings store %s can "
		    "choose its reviewers; ask them", lt_findings_path(st));
	rc = add ? lt_findings_reviewer_add(st, a->argv[2], lt_session_login(s), err) :
	    lt_findings_reviewer_remove(st, a->argv[2], lt_session_login(s), err);
	if (rc != 0)
		return rc;
	lt_result_headline(r, "%s %s a reviewer of this store.", a->argv[2],
	    add ? "is now" : "is no longer");
	return 0;
}

static int
name_exec(lt_session *s, lt_findings *st, const lt_args *a, lt_result *r, lt_error *err)
{
	const char *name = a->argc >= 2 && *a->argv[1] != '\0' ? a->argv[1] : NULL;
	int rc;

	if ((rc = lt_findings_set_pseudonym(st, lt_session_login(s), name, err)) != 0)
		return rc;
	if (name != NULL)
		lt_result_headline(r, "Others now see you as \"%s\" on your observations.", name);
	else
		lt_result_headline(r, "Others now see your login name, %s.", lt_session_login(s));
	return 0;
}

static int
findings_exec(lt_session *s, const lt_args *a, lt_result *r, lt_error *err)
{
	const lt_cmd_entry *e = lt_cmd_find("findings");
	const char *what = a->argc > 0 ? a->argv[0] : "list";
	lt_findings *st;

	if ((st = lt_session_store(s, err)) == NULL)
		return err->code;
	if (strcmp(what, "list") == 0)
		return list_exec(s, st, e, a, r, err);
	if (strcmp(what, "show") == 0)
		return show_exec(s, st, a, r, err);
	if (strcmp(what, "rerun") == 0)
		return rerun_exec(s, st, a, r, err);
	if (strcmp(what, "review") == 0)
		return review_exec(s, st, a, r, err);
	if (strcmp(what, "withdraw") == 0)
		return withdraw_exec(s, st, a, r, err);
	if (strcmp(what, "revise") == 0)
		return revise_exec(s, st, a, r, err);
	if (strcmp(what, "export") == 0)
		return export_exec(s, st, e, a, r, err);
	if (strcmp(what, "check") == 0)
		return check_exec(st, r, err);
	if (strcmp(what, "reviewer") == 0)
		return reviewer_exec(s, st, a, r, err);
	if (strcmp(what, "name") == 0)
		return name_exec(s, st, a, r, err);
	return lt_err_at(err, LT_EINVAL, a->argpos[0], "findings can list, show, rerun, "
	    "review, withdraw, revise, export, check, reviewer or name, not \"%s\"", what);
}

static const lt_opt_spec findings_opts[] = {
	{ "state", "STATE", LT_COMPLETE_NONE, 0,
	  "list: only observations in STATE (submitted, changes, accepted, declined, withdrawn)" },
	{ "dataset", "NAME", LT_COMPLETE_DATASET, 0, "list, export: only about dataset NAME" },
	{ "mine", NULL, LT_COMPLETE_NONE, 0, "list: only your own observations" },
	{ "todo", NULL, LT_COMPLETE_NONE, 0,
	  "list: the review queue: submitted, not yet reviewed by you" },
	{ "as", "FORMAT", LT_COMPLETE_NONE, 0, "export: markdown (the default), csv or json" },
	{ "output", "FILE", LT_COMPLETE_FILE, 0, "export: write to FILE" },
	{ NULL, NULL, 0, 0, NULL }
};

const lt_cmd_entry lt_cmd_findings_entry = {
	.name = "findings",
	.args = "[list|show N|rerun N|review N VERDICT REASON|withdraw N|revise N TITLE TEXT|"
	    "export|check|reviewer add|remove LOGIN|name PSEUDONYM]",
	.summary = "read, re-run and review the observations people posted",
	.help = "\"findings list\" shows the observations (--mine: yours, with their state; "
	    "--todo: a reviewer's queue). \"findings show N\" shows one: the claim, the "
	    "recipe, the result as posted, its history and a checklist for reviewers. "
	    "\"findings rerun N\" runs its recipe again and says whether the result "
	    "reproduces, or what differs. Reviewers give a verdict with \"findings review N "
	    "accept|changes|decline REASON\" (a reason is needed for changes and declines; "
	    "the author sees it). Authors can \"withdraw N\", or \"revise N TITLE TEXT\" "
	    "after changes were asked for (with their last result, if any). \"export\" writes "
	    "accepted observations with their recipes (--as markdown, csv or json). \"check\" "
	    "verifies the store; \"reviewer add LOGIN\" (the store's owner only) and \"name "
	    "PSEUDONYM\" (how others see you) manage people.",
	.example = "findings list --mine",
	.min_args = 0,
	.max_args = 4,
	.complete = LT_COMPLETE_NONE,
	.opts = findings_opts,
	.exec = findings_exec,
};
