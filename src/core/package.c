/*
 * package.c - reading dataset metadata from a Frictionless Data Package.
 *
 * lantern reads the parts of datapackage.json it needs: the package's
 * title, description, sources and licences; one CSV resource with its
 * dialect and Table Schema (fields with name, title, type, description,
 * unit, categories with labels, missingValues); and lantern's own keys in a
 * "lantern" object (kind, synthetic, profile, weight, why, effects).
 * jansson does the JSON, so no hand-written parser sits on this path.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "buf.h"
#include "catalog.h"

/* The string at key, or NULL. */
static const char *
jstr(const json_t *o, const char *key)
{
	const json_t *v = json_object_get(o, key);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* A JSON scalar as text (numbers as integers where whole). */
static char *
jscalar(const json_t *v)
{
	if (json_is_string(v))
		return lt_strdup(json_string_value(v));
	if (json_is_integer(v))
		return lt_sprintf("%lld", (long long)json_integer_value(v));
	if (json_is_real(v))
		return lt_sprintf("%.17g", json_real_value(v));
	if (json_is_true(v))
		return lt_strdup("true");
	if (json_is_false(v))
		return lt_strdup("false");
	return NULL;
}

/* "title <path>" lines from an array of {title, path, name} objects. */
static char *
jlist(const json_t *arr)
{
	lt_buf b = LT_BUF_INIT;
	size_t i;
	json_t *e;

	if (!json_is_array(arr))
		return NULL;
	json_array_foreach(arr, i, e) {
		const char *t = jstr(e, "title"), *n = jstr(e, "name");
		const char *p = jstr(e, "path");

		if (b.len > 0)
			lt_buf_putc(&b, '\n');
		lt_buf_puts(&b, t != NULL ? t : n != NULL ? n : "");
		if (t != NULL && n != NULL && strcmp(t, n) != 0)
			lt_buf_printf(&b, " (%s)", n);
		if (p != NULL)
			lt_buf_printf(&b, " <%s>", p);
	}
	return b.len > 0 ? lt_buf_take(&b) : (lt_buf_free(&b), NULL);
}

/* Copy an array of strings into *v, *n. */
static void
jstrings(const json_t *arr, char ***v, size_t *n)
{
	size_t i;
	json_t *e;

	*v = NULL;
	*n = 0;
	if (!json_is_array(arr))
		return;
	*v = lt_calloc(json_array_size(arr) + 1, sizeof **v);
	json_array_foreach(arr, i, e) {
		char *s = jscalar(e);

		if (s != NULL)
			(*v)[(*n)++] = s;
	}
}

/* Map a Table Schema type to lantern's. */
static int
field_type(const char *t, int has_categories)
{
	if (t != NULL && has_categories && field_type(t, 0) < 0)
		return -1;
	if (has_categories)
		return LT_VT_CATEGORY;
	if (t == NULL || strcmp(t, "string") == 0 || strcmp(t, "any") == 0)
		return LT_VT_TEXT;
	if (strcmp(t, "integer") == 0 || strcmp(t, "year") == 0)
		return LT_VT_INTEGER;
	if (strcmp(t, "number") == 0)
		return LT_VT_NUMBER;
	if (strcmp(t, "date") == 0)
		return LT_VT_DATE;
	if (strcmp(t, "boolean") == 0)
		return LT_VT_CATEGORY;
	return -1;
}

static int
load_field(const json_t *f, size_t idx, lt_var *v, lt_error *err)
{
	const char *name = jstr(f, "name"), *type = jstr(f, "type");
	const json_t *cats = json_object_get(f, "categories");
	size_t i;
	json_t *e;
	int t;

	if (name == NULL || *name == '\0')
		return lt_err(err, LT_EFORMAT, "field %zu of the schema has no name", idx + 1);
	t = field_type(type, json_is_array(cats) && json_array_size(cats) > 0);
	if (t < 0)
		return lt_err(err, LT_EFORMAT,
		    "field \"%s\" has type \"%s\", which lantern does not know; use integer, number, string, date, boolean, year or any",
		    name, type);
	v->name = lt_strdup(name);
	v->label = lt_strdup(jstr(f, "title") != NULL ? jstr(f, "title") : name);
	v->description = lt_strdup(jstr(f, "description"));
	v->unit = lt_strdup(jstr(f, "unit"));
	v->type = t;
	if (type != NULL && (strcmp(type, "integer") == 0 || strcmp(type, "year") == 0))
		v->storage = LT_ST_INT;
	else if (type != NULL && strcmp(type, "number") == 0)
		v->storage = LT_ST_REAL;
	else
		v->storage = LT_ST_TEXT;
	if (type != NULL && strcmp(type, "boolean") == 0 && !json_is_array(cats)) {
		lt_var_add_level(v, "true", "yes");
		lt_var_add_level(v, "false", "no");
	}
	json_array_foreach(cats, i, e) {
		char *val = json_is_object(e) ? jscalar(json_object_get(e, "value")) : jscalar(e);
		const char *lab = json_is_object(e) ? jstr(e, "label") : NULL;

		if (val == NULL)
			return lt_err(err, LT_EFORMAT,
			    "field \"%s\": category %zu has no value", name, i + 1);
		lt_var_add_level(v, val, lab);
		free(val);
	}
	jstrings(json_object_get(f, "missingValues"), &v->missing, &v->nmissing);
	return 0;
}

int
lt_package_load(const char *path, lt_dataset **out, lt_error *err)
{
	json_error_t jerr;
	FILE *fp;
	json_t *root, *res, *schema, *fields, *lt, *f;
	lt_dataset *d;
	const lt_var *wv = NULL;
	const char *csv, *slash, *delim;
	size_t i;
	int rc = 0;

	*out = NULL;
	if ((fp = fopen(path, "rb")) == NULL)
		return lt_err(err, errno == ENOENT ? LT_ENOENT : LT_EIO,
		    "cannot read %s (%s); check the path of the datapackage.json", path,
		    strerror(errno));
	root = json_loadf(fp, 0, &jerr);
	fclose(fp);
	if (root == NULL)
		return lt_err(err, LT_EFORMAT, "%s, line %d: %s; fix the JSON and try again",
		    path, jerr.line, jerr.text);
	res = json_array_get(json_object_get(root, "resources"), 0);
	schema = json_object_get(res, "schema");
	fields = json_object_get(schema, "fields");
	csv = jstr(res, "path");
	if (!json_is_object(root) || csv == NULL || !json_is_array(fields)) {
		json_decref(root);
		return lt_err(err, LT_EFORMAT,
		    "%s: expected a data package with one resource that has a path and a schema with fields",
		    path);
	}
	d = lt_calloc(1, sizeof *d);
	d->rows = -1;
	d->name = lt_strdup(jstr(root, "name") != NULL ? jstr(root, "name") : jstr(res, "name"));
	d->title = lt_strdup(jstr(root, "title") != NULL ? jstr(root, "title") : d->name);
	d->description = lt_strdup(jstr(root, "description"));
	d->source = jlist(json_object_get(root, "sources"));
	d->licence = jlist(json_object_get(root, "licenses"));
	slash = strrchr(path, '/');
	if (csv[0] == '/' || slash == NULL)
		d->csv_path = lt_strdup(csv);
	else
		d->csv_path = lt_sprintf("%.*s/%s", (int)(slash - path), path, csv);
	delim = jstr(json_object_get(res, "dialect"), "delimiter");
	d->delimiter = delim != NULL && strlen(delim) == 1 ? delim[0] : 0;
	jstrings(json_object_get(schema, "missingValues"), &d->missing, &d->nmissing);

	lt = json_object_get(root, "lantern");
	d->kind = lt_strdup(jstr(lt, "kind") != NULL ? jstr(lt, "kind") : LT_KIND_INDIVIDUAL);
	d->synthetic = json_is_true(json_object_get(lt, "synthetic"));
	d->profile = lt_strdup(jstr(lt, "profile"));
	d->weight = lt_strdup(jstr(lt, "weight"));
	d->why = lt_strdup(jstr(lt, "why"));
	jstrings(json_object_get(lt, "effects"), &d->effects, &d->neffects);

	d->vars = lt_calloc(json_array_size(fields) + 1, sizeof *d->vars);
	json_array_foreach(fields, i, f) {
		rc = load_field(f, i, &d->vars[i], err);
		d->nvars = i + 1;
		if (rc != 0)
			break;
		for (size_t j = 0; j < i; j++)
			if (strcmp(d->vars[j].name, d->vars[i].name) == 0) {
				rc = lt_err(err, LT_EFORMAT,
				    "%s: two fields are called \"%s\"; rename one of them",
				    path, d->vars[i].name);
				break;
			}
		if (rc != 0)
			break;
	}
	json_decref(root);
	if (rc == 0 && (d->name == NULL || !lt_dataset_name_ok(d->name)))
		rc = lt_err(err, LT_EFORMAT,
		    "%s: the package needs a \"name\" of lowercase letters, digits, - and _", path);
	if (rc == 0 && d->weight != NULL && (wv = lt_dataset_var(d, d->weight)) == NULL)
		rc = lt_err(err, LT_EFORMAT,
		    "%s: the weight column \"%s\" is not a field; name one of the fields in \"weight\"",
		    path, d->weight);
	else if (rc == 0 && wv != NULL && wv->type != LT_VT_INTEGER && wv->type != LT_VT_NUMBER)
		rc = lt_err(err, LT_EFORMAT,
		    "%s: the weight column \"%s\" must be an integer or number field without categories",
		    path, d->weight);
	if (rc != 0) {
		lt_dataset_free(d);
		return rc;
	}
	*out = d;
	return 0;
}
