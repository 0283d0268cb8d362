/*
 * privacy.c - the session's side of disclosure control: which profile is
 * in force (the dataset's, tightened by the deployment's configuration),
 * whether rows may be shown, and the memory of released counts that the
 * differencing guard compares new results with.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "session_int.h"


/* One released table: its key and the true counts, by label. */
struct lt_release {
	char *key;
	char **labels;
	double *counts;
	size_t n;
};

char *
lt_config_value(const char *key)
{
	const char *path = getenv("LANTERN_CONFIG");
	char line[4096], *found = NULL;
	FILE *f;

	if (path == NULL || *path == '\0')
		path = LT_SDC_SYSTEM_CONFIG;
	if ((f = fopen(path, "r")) == NULL)
		return NULL;
	while (fgets(line, sizeof line, f) != NULL) {
		char *k = line, *v, *end;

		while (isspace((unsigned char)*k))
			k++;
		if (*k == '#' || (v = strchr(k, '=')) == NULL)
			continue;
		*v++ = '\0';
		for (end = v + strlen(v); end > v && isspace((unsigned char)end[-1]); )
			*--end = '\0';
		while (isspace((unsigned char)*v))
			v++;
		for (end = k + strlen(k); end > k && isspace((unsigned char)end[-1]); )
			*--end = '\0';
		if (strcmp(k, key) == 0 && *v != '\0') {
			free(found);
			found = lt_strdup(v);
		}
	}
	fclose(f);
	return found;
}

/* The deployment's profile: its "profile = NAME", or NULL. */
static const lt_sdc_profile *
deployment_profile(void)
{
	char *name = lt_config_value("profile");
	const lt_sdc_profile *p = lt_sdc_find(name);

	free(name);
	return p;
}

const lt_sdc_profile *
lt_sdc_own_profile(const lt_dataset *d)
{
	const lt_sdc_profile *p = lt_sdc_find(d->profile != NULL ? d->profile : LT_SDC_DEFAULT);

	return p != NULL ? p : lt_sdc_find(LT_SDC_DEFAULT);
}

/* The rules in force for d: its own, tightened by the deployment's. */
static void
profile_for(const lt_dataset *d, lt_sdc_profile *out)
{
	const lt_sdc_profile *own = lt_sdc_own_profile(d), *dep = deployment_profile();

	if (dep != NULL)
		lt_sdc_tighten(out, own, dep);
	else
		*out = *own;
}

void
lt_session_profile_reset(lt_session *s)
{
	memset(&s->profile, 0, sizeof s->profile);
	if (s->ds != NULL)
		profile_for(s->ds, &s->profile);
}

void
lt_session_profile_of(lt_session *s, const lt_dataset *d, lt_sdc_profile *out)
{
	const lt_sdc_profile *p;

	if (d != NULL && d != s->ds) {
		profile_for(d, out);
		return;
	}
	if ((p = lt_session_profile(s)) != NULL)
		*out = *p;
	else
		memset(out, 0, sizeof *out);
}

const lt_sdc_profile *
lt_session_profile(lt_session *s)
{
	if (s->ds == NULL)
		return NULL;
	if (s->profile.name == NULL)
		lt_session_profile_reset(s);
	s->profile.hide_zero = s->filter != NULL && s->profile.hide_below > 0;
	return &s->profile;
}

int
lt_session_digits(lt_session *s)
{
	const lt_sdc_profile *p = lt_session_profile(s);
	int digits = lt_session_int(s, "digits");

	if (p != NULL && p->stat_digits > 0 && p->stat_digits < digits)
		return p->stat_digits;
	return digits;
}

double
lt_session_round(lt_session *s, double v)
{
	const lt_sdc_profile *p = lt_session_profile(s);

	return p != NULL ? lt_sdc_round_sig(v, p->stat_digits) : v;
}

int
lt_session_filter_state(lt_session *s, long long n, double *shown)
{
	const lt_sdc_profile *p = lt_session_profile(s);
	int state = lt_sdc_count(s, "filter\x1fnumbers\x1frows", (double)n, shown);

	if (p == NULL || p->hide_below <= 0)
		return state;
	/* none and a few read the same, so that trying values tells nothing */
	if (n < p->hide_below)
		return LT_SDC_SMALL;
	/*
	 * A filter that leaves out only a few ("not (age >= 89 and region
	 * = ...)") would give their number as the whole dataset's less this.
	 */
	if (state == LT_SDC_SHOWN && s->ds != NULL && s->ds->rows > n &&
	    s->ds->rows - n < p->hide_below)
		return LT_SDC_DIFF;
	return state;
}

int
lt_session_rows_ok(lt_session *s)
{
	const lt_sdc_profile *p = lt_session_profile(s);

	return p != NULL && (s->ds->synthetic || p->rows_ok);
}

/* Remember a release's true counts under key. */
static void
remember(lt_session *s, const char *key, const char *const *labels, const double *counts,
    size_t n)
{
	struct lt_release *r;

	s->released = lt_grow(s->released, &s->capreleased, s->nreleased + 1,
	    sizeof *s->released);
	r = &s->released[s->nreleased++];
	r->key = lt_strdup(key);
	r->labels = lt_calloc(n + 1, sizeof *r->labels);
	r->counts = lt_calloc(n + 1, sizeof *r->counts);
	r->n = n;
	for (size_t i = 0; i < n; i++) {
		r->labels[i] = lt_strdup(labels[i]);
		r->counts[i] = counts[i];
	}
}

/*
 * Flags (n of them) of the cells that differ by a few people from any
 * earlier release under key. The key is per dataset.
 */
static unsigned char *
differing(lt_session *s, const char *key, const char *const *labels, const double *counts,
    size_t n)
{
	unsigned char *hide = lt_calloc(n + 1, 1), *one = lt_calloc(n + 1, 1);

	for (size_t i = 0; i < s->nreleased; i++) {
		const struct lt_release *r = &s->released[i];

		if (strcmp(r->key, key) != 0)
			continue;
		lt_sdc_diff(&s->profile, (const char *const *)r->labels, r->counts, r->n,
		    labels, counts, n, one);
		for (size_t j = 0; j < n; j++)
			hide[j] |= one[j];
	}
	free(one);
	return hide;
}

/* "dataset\x1fkey": releases of one dataset are compared only with each other. */
static char *
full_key(lt_session *s, const char *key)
{
	return lt_sprintf("%s\x1f%s", s->ds != NULL ? s->ds->name : "", key);
}

#define TOTAL_LABEL	"\x1ftotal"

int
lt_session_protect_vec(lt_session *s, const char *key, const char *const *labels,
    const double *counts, size_t n, lt_sdc_vec *out, lt_error *err)
{
	const char **lab = lt_calloc(n + 2, sizeof *lab);
	double *cnt = lt_calloc(n + 2, sizeof *cnt), total = 0;
	char *k = full_key(s, key);
	unsigned char *force;
	int rc;

	/* the total is a released number too: it takes part as a label */
	for (size_t i = 0; i < n; i++) {
		lab[i] = labels[i];
		cnt[i] = counts[i];
		total += counts[i];
	}
	lab[n] = TOTAL_LABEL;
	cnt[n] = total;
	lt_session_profile(s);
	force = differing(s, k, lab, cnt, n + 1);
	rc = lt_sdc_protect_vec(&s->profile, counts, n, force, out, err);
	if (rc == 0)
		remember(s, k, lab, cnt, n + 1);
	free(force);
	free(k);
	free(lab);
	free(cnt);
	return rc;
}

int
lt_session_protect_tab(lt_session *s, const char *key, const char *const *rlabels,
    const char *const *clabels, const double *counts, size_t rows, size_t cols,
    lt_sdc_tab *out, lt_error *err)
{
	size_t w = cols + 1, n = (rows + 1) * w;
	char **lab = lt_calloc(n + 1, sizeof *lab);
	double *cnt = lt_calloc(n + 1, sizeof *cnt);
	char *k = full_key(s, key);
	unsigned char *force;
	int rc;

	/* the table with its margins, row-major, as lt_sdc_protect_tab's force */
	for (size_t i = 0; i < rows; i++)
		for (size_t j = 0; j < cols; j++) {
			double c = counts[i * cols + j];

			cnt[i * w + j] = c;
			cnt[i * w + cols] += c;
			cnt[rows * w + j] += c;
			cnt[rows * w + cols] += c;
		}
	for (size_t i = 0; i <= rows; i++)
		for (size_t j = 0; j <= cols; j++) {
			lab[i * w + j] = lt_sprintf("%s\x1f%s", i < rows ? rlabels[i] : TOTAL_LABEL,
			    j < cols ? clabels[j] : TOTAL_LABEL);
		}
	lt_session_profile(s);
	force = differing(s, k, (const char *const *)lab, cnt, n);
	rc = lt_sdc_protect_tab(&s->profile, counts, rows, cols, force, out, err);
	if (rc == 0)
		remember(s, k, (const char *const *)lab, cnt, n);
	for (size_t i = 0; i < n; i++)
		free(lab[i]);
	free(force);
	free(k);
	free(lab);
	free(cnt);
	return rc;
}

void
lt_session_release_clear(lt_session *s)
{
	for (size_t i = 0; i < s->nreleased; i++) {
		struct lt_release *r = &s->released[i];

		for (size_t j = 0; j < r->n; j++)
			free(r->labels[j]);
		free(r->labels);
		free(r->counts);
		free(r->key);
	}
	free(s->released);
	s->released = NULL;
	s->nreleased = s->capreleased = 0;
}
