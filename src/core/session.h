/*
 * session.h - a working session: the catalog, the open dataset, the active
 * filter and sort, the settings, and the command language that drives them.
 *
 * Every front end (the -c option, scripts, the shell, the TUI, tutorials,
 * recipes) hands command text to lt_session_run and renders the result
 * documents it gets back through its emit function.
 */
#ifndef LT_SESSION_H
#define LT_SESSION_H

#include <signal.h>
#include <stdio.h>

#include "catalog.h"
#include "error.h"
#include "result.h"

typedef struct lt_session lt_session;

typedef struct lt_session_opts {
	const char *catalog_path;	/* the workbench database */
	const char *bundled_dir;	/* bundled datasets, or NULL */
	FILE *data_out;			/* where "generate" writes without --output; may be NULL */
	lt_progress_fn progress;	/* long operations report here; may be NULL */
	void *progress_ud;
	volatile sig_atomic_t *cancel;	/* set by the front end on Ctrl-C */
	const char *findings_path;	/* the findings store (--findings), or NULL:
					   $LANTERN_FINDINGS, the configuration's
					   "findings", else findings.db beside the
					   catalog */
} lt_session_opts;

lt_session *lt_session_new(const lt_session_opts *o, lt_error *err);
void lt_session_free(lt_session *s);

/*
 * Receives each result in turn, with the output format asked for (a
 * command's --format, else the "format" setting). The result is freed after
 * emit returns. Return non-zero to stop running further commands.
 */
typedef int (*lt_emit_fn)(void *ud, const lt_result *r, int format);

/*
 * Run the commands in text (separated by ";" or newlines). Stops at the
 * first error: returns its code with *err filled (err->pos is the byte
 * offset in text, or -1). Returns 0 when all ran; *quit (if not NULL) is
 * set when a command asked to quit.
 */
int lt_session_run(lt_session *s, const char *text, lt_emit_fn emit, void *ud,
    int *quit, lt_error *err);

/*
 * Like lt_session_run, but the results are handed over instead of
 * emitted: *out gets the n results of the commands that ran (also when a
 * later one failed); the caller frees each with lt_result_free, then the
 * array. For front ends that keep results on screen (the TUI).
 */
int lt_session_collect(lt_session *s, const char *text, lt_result ***out, size_t *n,
    int *quit, lt_error *err);

/* The open dataset, or NULL. */
const lt_dataset *lt_session_dataset(const lt_session *s);
/* The active filter's text, or NULL. */
const char *lt_session_filter(const lt_session *s);
lt_catalog *lt_session_catalog(lt_session *s);
/* A setting's current value ("format", "digits", "page"). */
const char *lt_session_get(const lt_session *s, const char *name);
/* Change a setting; checks the value. */
int lt_session_set(lt_session *s, const char *name, const char *value, lt_error *err);

/*
 * Significant digits to show statistics with: the "digits" setting, but
 * no more than the open dataset's disclosure profile rounds them to, so
 * "set digits 17" cannot undo its rounding (nor show its binary noise).
 */
int lt_session_digits(lt_session *s);

/* The active sort's column (NULL when rows are in file order); *desc
   (if not NULL) is set to 1 for largest first. */
const char *lt_session_sort(const lt_session *s, int *desc);

/*
 * Rows first .. first+count-1 (0-based) of the rows the active filter
 * selects, in the active sort's order, appended to t: a table with no
 * columns first gets one per variable of the dataset (labelled values
 * shown by their labels, numbers as LT_RC_VALUE, missing values as
 * LT_CELL_MISSING), and t->row_level is set. *total (if not NULL) gets
 * how many rows the filter selects. Fewer rows are added near the end.
 *
 * Any page costs about the same, wherever it is: rows are looked up by
 * position (by rowid, or through a temporary table of rowids made once per
 * filter and sort), so the last page of five million rows comes as quickly
 * as the first. Memory is proportional to count.
 *
 * Rows are one person's records: unless the dataset is synthetic or its
 * disclosure profile allows rows (none), lt_session_page refuses with
 * LT_EPRIVACY and a sentence saying why, before reading or counting any.
 */
int lt_session_page(lt_session *s, long long first, size_t count, lt_table *t,
    long long *total, lt_error *err);

/*
 * Make r, a result this session gave (and the front end kept), the one
 * "post" shares next, instead of the last one run: its recipe is made from
 * r's own dataset, filter and command. Refuses, with a sentence, a result
 * that cannot be posted (not an analysis, or rows), and a findings store
 * that cannot be opened, so nobody writes an observation in vain.
 */
int lt_session_choose(lt_session *s, const lt_result *r, lt_error *err);

/*
 * Completion: the words that could stand at the end of line (the text
 * before the cursor; the word being completed is its last word, possibly
 * empty). Returns a NULL-terminated array (free with lt_strv_free), or NULL
 * when the front end should complete file names instead.
 */
char **lt_session_complete(lt_session *s, const char *line);

/*
 * The disclosure profile (sdc.h) in force for dataset d, open or not (NULL:
 * the open one): the profile its metadata asks for, made stricter, field by
 * field, by the deployment's configuration. For dataset cards.
 */
struct lt_sdc_profile;
void lt_session_profile_of(lt_session *s, const lt_dataset *d,
    struct lt_sdc_profile *out);

#endif
