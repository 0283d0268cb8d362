/*
 * cmd_data.c - commands that find, open, describe and bring in datasets:
 * datasets, open, info, import, drop, generate.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "csv.h"
#include "format.h"
#include "gen.h"
#include "session_int.h"

extern const lt_cmd_entry lt_cmd_import_entry, lt_cmd_generate_entry;

/* "synthetic individual-level" etc., for people. */
static char *
kind_text(const lt_dataset *d)
{
	return lt_sprintf("%s%s", d->synthetic ? "synthetic " : "",
	    d->kind != NULL ? d->kind : "unknown");
}

/*
 * A licence for a list: the first one, without its link, and by its short
 * identifier when it has one ("... (CC0-1.0) <https://...>" -> "CC0-1.0").
 */
static char *
licence_short(const char *s)
{
	size_t n;
	const char *open;

	if (s == NULL)
		return NULL;
	n = strcspn(s, "\n");
	for (const char *p = s; p < s + n; p++)
		if (p[0] == ' ' && p[1] == '<') {
			n = (size_t)(p - s);
			break;
		}
	if (n > 2 && s[n - 1] == ')') {
		for (open = s + n - 1; open > s && *open != '('; open--)
			;
		if (*open == '(' && memchr(open, ' ', (size_t)(s + n - open)) == NULL)
			return lt_strndup(open + 1, (size_t)(s + n - open - 2));
	}
	return lt_strndup(s, n);
}

/* Records in a CSV file after its header, or -1 when it cannot be read. */
static long long
count_records(const char *path, char delimiter)
{
	FILE *f = fopen(path, "rb");
	lt_csv *c;
	lt_csv_row row;
	lt_error err;
	long long n = -1;
	int r;

	if (f == NULL)
		return -1;
	if ((c = lt_csv_open(f, path, delimiter, &err)) != NULL) {
		while ((r = lt_csv_next(c, &row, &err)) == 1)
			n++;
		if (r < 0)
			n = -1;
		lt_csv_close(c);
	}
	fclose(f);
	return n;
}

static int
datasets_exec(lt_session *s, const lt_args *a, lt_result *r, lt_error *err)
{
	lt_dataset **v;
	size_t n;
	lt_table *t;
	int rc;

	/*
	 * A bundled dataset not opened yet has no row count in the catalog:
	 * count its CSV's records instead of importing it, so listing never
	 * writes.
	 */
	if ((rc = lt_catalog_list(s->cat, &v, &n, err)) != 0)
		return rc;
	for (size_t i = 0; i < n; i++)
		if (v[i]->rows < 0)
			v[i]->rows = count_records(v[i]->csv_path, v[i]->delimiter);
	static const lt_coldef cols[] = {
		{ "name", "Name", LT_RC_TEXT }, { "title", "Title", LT_RC_TEXT },
		{ "kind", "Kind", LT_RC_TEXT }, { "rows", "Rows", LT_RC_COUNT },
		{ "licence", "Licence", LT_RC_TEXT }, { NULL, NULL, 0 }
	};

	t = lt_result_table_with(r, "datasets", NULL, cols);
	for (size_t i = 0; i < n; i++) {
		size_t row = lt_table_row(t);
		char *kind = kind_text(v[i]), *lic = licence_short(v[i]->licence);

		lt_table_text(t, row, 0, v[i]->name);
		lt_table_text(t, row, 1, v[i]->title);
		lt_table_text(t, row, 2, kind);
		if (v[i]->rows >= 0)
			lt_table_num(t, row, 3, (double)v[i]->rows);
		lt_table_text(t, row, 4, lic);
		free(kind);
		free(lic);
	}
	if (n == 0)
		lt_result_headline(r, "There are no datasets yet; bring one in with \"import FILE.csv\".");
	else
		lt_result_headline(r, "%zu dataset%s to explore; open one with \"open NAME\".",
		    n, n == 1 ? "" : "s");
	lt_result_note(r, "Catalog: %s", lt_catalog_path(s->cat));
	{
		const char *dir = lt_catalog_bundled_dir(s->cat);
		struct stat sb;

		if (dir != NULL && stat(dir, &sb) != 0)
			lt_result_caveat(r, "The datasets that come with lantern were not found in %s; "
			    "point LANTERN_DATASETS (or --datasets) at them.", dir);
	}
	lt_catalog_list_free(v, n);
	return 0;
}

const lt_cmd_entry lt_cmd_datasets_entry = {
	.name = "datasets",
	.args = "",
	.summary = "list the datasets you can open",
	.help = "Lists the bundled datasets and the ones you imported: name, title, "
	    "kind (synthetic, aggregated or individual-level), number of rows and licence.",
	.example = "datasets",
	.max_args = 0,
	.exec = datasets_exec,
};

/* Add "did you mean" to a dataset-not-found error when a name is close. */
static void
suggest_dataset(lt_session *s, const char *name, lt_error *err)
{
	char **names = lt_catalog_names(s->cat);
	size_t n = 0;
	const char *best;

	while (names[n] != NULL)
		n++;
	best = lt_suggest(name, (const char *const *)names, n);
	if (best != NULL)
		snprintf(err->msg, sizeof err->msg,
		    "there is no dataset called \"%s\" (did you mean \"%s\"?)", name, best);
	lt_strv_free(names);
}

/* Replace the open dataset; the filter and sort belong to the old one. */
static void
set_dataset(lt_session *s, lt_dataset *d)
{
	lt_dataset_free(s->ds);
	s->ds = d;
	free(s->filter);
	s->filter = NULL;
	lt_sql_clear(&s->where);
	free(s->sort);
	s->sort = NULL;
	s->sort_desc = 0;
	s->show_next = 0;
	s->filtered_rows = -1;
	lt_session_changed(s);
	lt_session_profile_reset(s);
}

/* The card of dataset d: facts, the dictionary and the caveats. */
static void
dataset_card(lt_session *s, lt_result *r, const lt_dataset *d)
{
	lt_table *t;
	char *kind = kind_text(d), *prof;
	lt_sdc_profile p;

	lt_result_fact(r, "title", "Title", d->title);
	if (d->description != NULL)
		lt_result_fact(r, "description", "About", d->description);
	if (d->why != NULL)
		lt_result_fact(r, "why", "Why it matters", d->why);
	lt_result_fact(r, "kind", "Kind", kind);
	lt_result_number(r, "rows", "Rows", (double)d->rows, NULL);
	lt_result_number(r, "columns", "Columns", (double)d->nvars, NULL);
	/* the rules in force: the dataset's, made stricter by the deployment's */
	lt_session_profile_of(s, d, &p);
	prof = lt_sprintf("%s: %s", p.name, p.summary);
	lt_result_fact(r, "profile", "Disclosure profile", prof);
	free(prof);
	if (d->weight != NULL)
		lt_result_fact(r, "weight", "Weight column", d->weight);
	lt_result_fact(r, "source", "Source", d->source != NULL ? d->source : "unknown");
	lt_result_fact(r, "licence", "Licence", d->licence != NULL ? d->licence : "unknown");
	if (d->hash != NULL)
		lt_result_fact(r, "hash", "Content hash", d->hash);
	free(kind);

	static const lt_coldef cols[] = {
		{ "name", "Column", LT_RC_TEXT }, { "label", "Label", LT_RC_TEXT },
		{ "type", "Type", LT_RC_TEXT }, { "unit", "Unit", LT_RC_TEXT },
		{ "values", "Values", LT_RC_TEXT }, { NULL, NULL, 0 }
	};

	t = lt_result_table_with(r, "variables", "Variables", cols);
	for (size_t i = 0; i < d->nvars; i++) {
		const lt_var *v = &d->vars[i];
		size_t row = lt_table_row(t);
		lt_buf vals = LT_BUF_INIT;

		lt_table_text(t, row, 0, v->name);
		lt_table_text(t, row, 1, v->label);
		lt_table_text(t, row, 2, lt_vtype_name(v->type));
		lt_table_text(t, row, 3, v->unit != NULL ? v->unit : "");
		for (size_t k = 0; k < v->nlevels; k++) {
			if (k > 0)
				lt_buf_puts(&vals, ", ");
			if (strcmp(v->levels[k].value, v->levels[k].label) == 0)
				lt_buf_puts(&vals, v->levels[k].label);
			else
				lt_buf_printf(&vals, "%s=%s", v->levels[k].value,
				    v->levels[k].label);
		}
		lt_table_text(t, row, 4, lt_buf_str(&vals));
		lt_buf_free(&vals);
	}
	if (d->synthetic)
		lt_result_caveat(r, "This data is synthetic: a computer made it up, so no real person is in it. "
		    "It was built to behave like real health data, so what you find is practice, not news.");
	else if (d->kind != NULL && strcmp(d->kind, LT_KIND_AGGREGATED) == 0)
		lt_result_caveat(r, "This data is aggregated or published: no row is a record "
		    "about one identifiable person.");
	for (size_t i = 0; i < d->neffects; i++)
		lt_result_method(r, "Built-in effect: %s", d->effects[i]);
	if (d->weight != NULL)
		lt_result_method(r, "Each row stands for \"%s\" people; statistics count people, not rows.",
		    d->weight);
}

static int
open_exec(lt_session *s, const lt_args *a, lt_result *r, lt_error *err)
{
	lt_dataset *d;
	lt_buf rows = LT_BUF_INIT;
	int rc;

	if ((rc = lt_catalog_get(s->cat, a->argv[0], s->o.progress, s->o.progress_ud,
	    &d, err)) != 0) {
		if (err->pos < 0)
			err->pos = a->argpos[0];
		if (rc == LT_ENOENT)
			suggest_dataset(s, a->argv[0], err);
		return rc;
	}
	set_dataset(s, d);
	lt_format_number(&rows, (double)d->rows, 0);
	if (strcmp(d->name, d->title) == 0)
		lt_result_headline(r, "Opened %s: %s row%s and %zu column%s.", d->name,
		    lt_buf_str(&rows), d->rows == 1 ? "" : "s", d->nvars, d->nvars == 1 ? "" : "s");
	else
		lt_result_headline(r, "Opened %s: %s, %s row%s and %zu column%s.", d->name,
		    d->title, lt_buf_str(&rows), d->rows == 1 ? "" : "s", d->nvars,
		    d->nvars == 1 ? "" : "s");
	lt_buf_free(&rows);
	lt_result_set_context(r, d->name, NULL);
	if (d->why != NULL)
		lt_result_fact(r, "why", "Why it matters", d->why);
	lt_result_fact(r, "next", "Try", lt_session_rows_ok(s) ?
	    "\"info\" for its columns, \"show\" for rows, \"describe COLUMN\" for a summary" :
	    "\"info\" for its columns, \"describe COLUMN\" for a summary, \"privacy\" for "
	    "why its rows are not shown");
	if (d->synthetic)
		lt_result_caveat(r, "This data is synthetic: no real person is in it.");
	return 0;
}

const lt_cmd_entry lt_cmd_open_entry = {
	.name = "open",
	.args = "DATASET",
	.summary = "open a dataset to work on",
	.help = "Opens a dataset by name; the commands that look at data work on it. "
	    "Opening clears the filter and sort of the dataset that was open before.",
	.example = "open cohort",
	.min_args = 1,
	.max_args = 1,
	.complete = LT_COMPLETE_DATASET,
	.flags = LT_CMD_STATE,
	.exec = open_exec,
};

static int
info_exec(lt_session *s, const lt_args *a, lt_result *r, lt_error *err)
{
	lt_dataset *d = NULL;
	const lt_dataset *show = s->ds;
	int rc;

	if (a->argc == 1) {
		if ((rc = lt_catalog_get(s->cat, a->argv[0], s->o.progress,
		    s->o.progress_ud, &d, err)) != 0) {
			if (err->pos < 0)
				err->pos = a->argpos[0];
			if (rc == LT_ENOENT)
				suggest_dataset(s, a->argv[0], err);
			return rc;
		}
		show = d;
	} else if (show == NULL) {
		return lt_err(err, LT_EINVAL,
		    "info needs a dataset: open one first, or name it, as in \"info cohort\"");
	}
	if (strcmp(show->name, show->title) == 0)
		lt_result_headline(r, "%s: a dataset you imported.", show->name);
	else
		lt_result_headline(r, "%s: %s.", show->name, show->title);
	lt_result_set_context(r, show->name, NULL);
	dataset_card(s, r, show);
	lt_dataset_free(d);
	return 0;
}

const lt_cmd_entry lt_cmd_info_entry = {
	.name = "info",
	.args = "[DATASET]",
	.summary = "show a dataset's card: source, licence, kind and columns",
	.help = "Shows the card of the open dataset (or the one named): its title, what it "
	    "is about and why it matters, its kind, disclosure profile, source and licence, "
	    "and every column with its label, type, unit and labelled values.",
	.example = "info cohort",
	.max_args = 1,
	.complete = LT_COMPLETE_DATASET,
	.exec = info_exec,
};

static const lt_opt_spec import_opts[] = {
	{ "name", "NAME", LT_COMPLETE_NONE, 0,
	  "the dataset's name (default: from the metadata, else the file name)" },
	{ "meta", "FILE", LT_COMPLETE_FILE, 0,
	  "a Data Package (datapackage.json) describing the columns: titles, types, units, labels" },
	{ "delimiter", "CHAR", LT_COMPLETE_NONE, 0,
	  "the field separator: comma, semicolon or tab (default: guessed from the file)" },
	{ "drop", "COLUMN", LT_COMPLETE_NONE, 1,
	  "leave a column out (may be given more than once)" },
	{ "profile", "PROFILE", LT_COMPLETE_NONE, 0,
	  "disclosure profile: opensafely (the default), nhs, ten or none" },
	{ "replace", NULL, LT_COMPLETE_NONE, 0,
	  "replace a dataset of the same name" },
	{ NULL, NULL, 0, 0, NULL }
};

static int
parse_delimiter(const char *s, char *out, lt_error *err)
{
	if (strcmp(s, ",") == 0 || strcmp(s, "comma") == 0)
		*out = ',';
	else if (strcmp(s, ";") == 0 || strcmp(s, "semicolon") == 0)
		*out = ';';
	else if (strcmp(s, "\t") == 0 || strcmp(s, "tab") == 0 || strcmp(s, "\\t") == 0)
		*out = '\t';
	else
		return lt_err(err, LT_EINVAL,
		    "--delimiter can be comma, semicolon or tab, not \"%s\"", s);
	return 0;
}

static const lt_coldef found_cols[] = {
	{ "name", "Column", LT_RC_TEXT }, { "type", "Type", LT_RC_TEXT },
	{ "levels", "Values", LT_RC_TEXT }, { NULL, NULL, 0 }
};

static int
import_exec(lt_session *s, const lt_args *a, lt_result *r, lt_error *err)
{
	const lt_cmd_entry *e = &lt_cmd_import_entry;
	const char *meta_path = lt_args_opt(e, a, "meta");
	const char *delim = lt_args_opt(e, a, "delimiter");
	const char *profile = lt_args_opt(e, a, "profile");
	char *const *drop = lt_args_optv(e, a, "drop");
	lt_import_opts o = { 0 };
	lt_dataset *meta = NULL, *d = NULL;
	lt_buf num = LT_BUF_INIT;
	lt_table *t;
	int rc;

	o.path = a->argv[0];
	o.name = lt_args_opt(e, a, "name");
	o.replace = lt_args_opt(e, a, "replace") != NULL;
	o.progress = s->o.progress;
	o.progress_ud = s->o.progress_ud;
	o.cancel = s->o.cancel;
	if (delim != NULL && (rc = parse_delimiter(delim, &o.delimiter, err)) != 0)
		return rc;
	if (profile != NULL) {
		static const char *const profiles[] = { "opensafely", "nhs", "ten", "none" };
		size_t i;

		for (i = 0; i < 4 && strcmp(profiles[i], profile) != 0; i++)
			;
		if (i == 4)
			return lt_err(err, LT_EINVAL,
			    "--profile can be opensafely, nhs, ten or none, not \"%s\"", profile);
		o.profile = profile;
	}
	if (profile != NULL && strcmp(profile, "none") == 0 && meta_path == NULL)
		return lt_err(err, LT_EPRIVACY, "--profile none is only for data that is already "
		    "public and aggregated, or synthetic; say so in a datapackage.json (--meta) "
		    "with \"kind\": \"aggregated\" or \"synthetic\": true");
	while (drop != NULL && drop[o.ndrop] != NULL)
		o.ndrop++;
	o.drop = (const char *const *)drop;
	if (meta_path != NULL) {
		if ((rc = lt_package_load(meta_path, &meta, err)) != 0)
			return rc;
		if (profile != NULL && strcmp(profile, "none") == 0 && !meta->synthetic &&
		    strcmp(meta->kind, LT_KIND_AGGREGATED) != 0) {
			lt_dataset_free(meta);
			return lt_err(err, LT_EPRIVACY, "--profile none is only for data that is "
			    "already public and aggregated, or synthetic, and %s says this data is "
			    "neither", meta_path);
		}
		o.meta = meta;
		if (o.name == NULL)
			o.name = meta->name;
	}
	rc = lt_import_csv(s->cat, &o, &d, err);
	lt_dataset_free(meta);
	if (rc != 0)
		return rc;
	/* Replacing the open dataset: open the new one, so nothing refers to the old. */
	if (s->ds != NULL && strcmp(s->ds->name, d->name) == 0) {
		lt_dataset *fresh;

		if (lt_catalog_get(s->cat, d->name, NULL, NULL, &fresh, err) != 0)
			fresh = NULL;
		set_dataset(s, fresh);
		lt_result_note(r, "%s was open; it is open again with the new data, with no filter "
		    "or sort.", d->name);
	}
	lt_format_number(&num, (double)d->rows, 0);
	lt_result_headline(r, "Imported %s row%s and %zu column%s as \"%s\"; open it with "
	    "\"open %s\".", lt_buf_str(&num), d->rows == 1 ? "" : "s", d->nvars,
	    d->nvars == 1 ? "" : "s", d->name, d->name);
	lt_buf_free(&num);
	lt_result_set_context(r, d->name, NULL);
	lt_result_number(r, "rows", "Rows", (double)d->rows, NULL);
	lt_result_number(r, "columns", "Columns", (double)d->nvars, NULL);
	lt_result_fact(r, "profile", "Disclosure profile", d->profile);
	t = lt_result_table_with(r, "columns", "Columns found", found_cols);
	for (size_t i = 0; i < d->nvars; i++) {
		size_t row = lt_table_row(t);
		const lt_var *v = &d->vars[i];
		char *levels = v->nlevels > 0 ? lt_sprintf("%zu different", v->nlevels) : NULL;

		lt_table_text(t, row, 0, v->name);
		lt_table_text(t, row, 1, lt_vtype_name(v->type));
		lt_table_text(t, row, 2, levels != NULL ? levels : "");
		free(levels);
	}
	if (meta_path == NULL) {
		lt_result_caveat(r, "Types were guessed from the data; describe the columns in a "
		    "datapackage.json (--meta) to give them titles, units and labels.");
		lt_result_method(r, "Values \"\" and \"NA\" count as missing; a column with up to "
		    "20 different text values is treated as a category.");
	}
	lt_dataset_free(d);
	return 0;
}

const lt_cmd_entry lt_cmd_import_entry = {
	.name = "import",
	.args = "FILE",
	.summary = "bring a CSV file into your catalog",
	.help = "Reads a CSV file (comma, semicolon or tab separated; UTF-8) into your catalog "
	    "in one step: if anything is wrong, nothing is changed. Column types are guessed "
	    "unless --meta describes them. Columns that would identify people (names, NHS "
	    "numbers, dates of birth, postcodes, addresses, emails, phone numbers) are refused: "
	    "leave them out with --drop.",
	.example = "import survey.csv --name survey --drop postcode",
	.min_args = 1,
	.max_args = 1,
	.complete = LT_COMPLETE_FILE,
	.flags = LT_CMD_WRITES,
	.opts = import_opts,
	.exec = import_exec,
};

static int
drop_exec(lt_session *s, const lt_args *a, lt_result *r, lt_error *err)
{
	int rc;

	if ((rc = lt_catalog_drop(s->cat, a->argv[0], err)) != 0) {
		if (err->pos < 0)
			err->pos = a->argpos[0];
		return rc;
	}
	if (s->ds != NULL && strcmp(s->ds->name, a->argv[0]) == 0)
		set_dataset(s, NULL);
	lt_result_headline(r, "Removed \"%s\" from your catalog.", a->argv[0]);
	return 0;
}

const lt_cmd_entry lt_cmd_drop_entry = {
	.name = "drop",
	.args = "DATASET",
	.summary = "remove an imported dataset from your catalog",
	.help = "Removes a dataset you imported, with its rows, from your catalog. "
	    "The CSV file it came from is not touched. Datasets that come with lantern "
	    "cannot be removed.",
	.example = "drop survey",
	.min_args = 1,
	.max_args = 1,
	.complete = LT_COMPLETE_DATASET,
	.flags = LT_CMD_WRITES,
	.exec = drop_exec,
};

static const lt_opt_spec generate_opts[] = {
	{ "rows", "N", LT_COMPLETE_NONE, 0, "how many rows (default 20000)" },
	{ "seed", "S", LT_COMPLETE_NONE, 0, "the random seed (default 20261122); the same seed gives the same rows" },
	{ "output", "FILE", LT_COMPLETE_FILE, 0, "write the CSV to FILE (default: standard output)" },
	{ NULL, NULL, 0, 0, NULL }
};

/* Parse a whole number option within [lo, hi]. */
static int
parse_count(const char *opt, const char *s, long lo, long hi, long *out, lt_error *err)
{
	char *end;

	errno = 0;
	*out = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || errno != 0 || *out < lo || *out > hi)
		return lt_err(err, LT_EINVAL, "--%s takes a whole number from %ld to %ld, not \"%s\"",
		    opt, lo, hi, s);
	return 0;
}

static int
generate_exec(lt_session *s, const lt_args *a, lt_result *r, lt_error *err)
{
	const lt_cmd_entry *e = &lt_cmd_generate_entry;
	const lt_gen_entry *g = lt_gen_find(a->argv[0]);
	const char *rows_s = lt_args_opt(e, a, "rows"), *seed_s = lt_args_opt(e, a, "seed");
	const char *output = lt_args_opt(e, a, "output");
	long rows = 20000, seed = 20261122;
	FILE *f;
	int rc;

	if (g == NULL) {
		lt_buf names = LT_BUF_INIT;

		for (size_t i = 0; i < lt_gen_count; i++)
			lt_buf_printf(&names, "%s%s", i > 0 ? ", " : "", lt_gen_table[i].name);
		lt_err_at(err, LT_EINVAL, a->argpos[0],
		    "there is no generator called \"%s\"; choose one of: %s", a->argv[0],
		    lt_buf_str(&names));
		lt_buf_free(&names);
		return LT_EINVAL;
	}
	if ((rows_s != NULL && (rc = parse_count("rows", rows_s, 1, 50000000, &rows, err)) != 0) ||
	    (seed_s != NULL && (rc = parse_count("seed", seed_s, 0, 2147483647L, &seed, err)) != 0))
		return rc;
	if (output == NULL || strcmp(output, "-") == 0) {
		if (s->o.data_out == NULL)
			return lt_err(err, LT_EINVAL, "say where to write the rows with --output FILE");
		f = s->o.data_out;
	} else if ((f = fopen(output, "w")) == NULL) {
		return lt_err(err, LT_EIO, "cannot write %s: %s", output, strerror(errno));
	}
	rc = g->write(f, rows, (unsigned long)seed, err);
	if (f != s->o.data_out) {
		if (fclose(f) != 0 && rc == 0)
			rc = lt_err(err, LT_EIO, "cannot write %s: %s", output, strerror(errno));
	} else if (fflush(f) != 0 && rc == 0) {
		rc = lt_err(err, LT_EIO, "cannot write the rows: %s", strerror(errno));
	}
	if (rc != 0)
		return rc;
	if (f != s->o.data_out)
		lt_result_headline(r, "Wrote %ld rows of %s (seed %ld) to %s.", rows, g->name,
		    seed, output);
	else
		r->quiet = 1;
	return 0;
}

const lt_cmd_entry lt_cmd_generate_entry = {
	.name = "generate",
	.args = "GENERATOR",
	.summary = "make synthetic data with lantern's own generators",
	.help = "Writes synthetic rows as CSV. \"cohort\" makes people with realistic links "
	    "between age, BMI, smoking, blood pressure, diabetes and heart attacks; "
	    "\"cohort-counts\" makes the aggregated table of the same people. The same "
	    "--rows and --seed always give the same file.",
	.example = "generate cohort --rows 1000 --seed 7 --output small.csv",
	.min_args = 1,
	.max_args = 1,
	.complete = LT_COMPLETE_GENERATOR,
	.opts = generate_opts,
	.exec = generate_exec,
};
