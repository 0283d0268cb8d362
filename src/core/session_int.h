/*
 * session_int.h - the session's insides, shared by session.c and the
 * cmd_*.c files that implement commands. Nothing outside src/core sees it.
 */
#ifndef LT_SESSION_INT_H
#define LT_SESSION_INT_H

#include "catalog.h"
#include "cmd.h"
#include "expr.h"
#include "sdc.h"
#include "session.h"

/* A setting: name, help, default, and what values it takes. */
typedef struct lt_setting {
	const char *name;
	const char *help;
	const char *def;
	const char *choices;	/* "text|csv|json", or NULL for a number */
	int min, max;		/* for numbers */
} lt_setting;

extern const lt_setting lt_settings[];
extern const size_t lt_nsettings;

struct lt_session {
	lt_catalog *cat;
	lt_session_opts o;	/* its paths point to own_paths */
	char *own_paths[3];
	lt_dataset *ds;		/* the open dataset, or NULL */
	char *filter;		/* the active filter's text, or NULL */
	lt_sql where;		/* and its compiled form */
	long long filtered_rows;	/* rows the filter selects (-1: unknown) */
	char *sort;		/* column to sort rows by, or NULL */
	int sort_desc;
	long long show_next;	/* first row of the next "show" (0-based) */
	unsigned long gen;	/* counts changes of dataset, filter or sort */
	unsigned long order_gen;	/* the gen the row order was made for (0: none) */
	int order_temp;		/* pages go through temp.lt_order, not by rowid */
	size_t *sel;		/* rows the filter selects, 0-based (lt_session_selection) */
	size_t nsel;
	unsigned long sel_gen;	/* the gen they were found for (0: none) */
	long long order_rows;	/* rows in that order */
	int ntests;		/* hypothesis tests run in this session */
	lt_sdc_profile profile;	/* the open dataset's, tightened by the deployment */
	struct lt_release *released;	/* true counts released, for differencing */
	size_t nreleased, capreleased;
	char **values;		/* settings, parallel to lt_settings */
	struct lt_findings *store;	/* the findings store, once opened */
	char *login;		/* who runs this session (lt_session_login) */
	/* the last result, as "post" shares it (lt_session_remember) */
	char *last_json, *last_layers, *last_recipe, *last_dataset, *last_hash;
	struct lt_log_entry *log;	/* the command log (tutorial.c), a ring */
	unsigned long nlogged;	/* commands logged so far */
};

/*
 * Say that the dataset, filter or sort changed: the row order pages are
 * read in (rows.c) is made again when next needed. Call it after every
 * such change.
 */
void lt_session_changed(lt_session *s);
/* Put the rows in the order of the filter and sort now (it is otherwise
   done by the first lt_session_page); may be stopped with Ctrl-C. */
int lt_session_order(lt_session *s, lt_error *err);
/* Bind the active filter's parameters to st, starting at index first. */
void lt_session_bind_filter(lt_session *s, sqlite3_stmt *st, int first);
/* " WHERE ..." for the active filter, or "". */
const char *lt_session_where(const lt_session *s);
/* An integer setting. */
int lt_session_int(const lt_session *s, const char *name);
/* Count the rows the active filter selects. */
int lt_session_count(lt_session *s, long long *n, lt_error *err);
/* Add the dataset and filter notes every data result carries. */
void lt_session_context(lt_session *s, lt_result *r);
/*
 * The stored values of numeric or date column idx of the open dataset, for
 * the rows the filter selects, in row order: *x gets value - offset (see
 * lt_catalog_column; NaN = missing, dates as days since 1970-01-01) and *w
 * the frequency weights as they are (not centred), or NULL when the dataset
 * has none. Caller frees.
 */
int lt_session_numeric(lt_session *s, int idx, double **x, double **w, size_t *n,
    lt_error *err);
/*
 * The group each row belongs to, for the rows the filter selects (in the
 * order of lt_session_numeric): codes[i] is a group index, or LT_NO_GROUP
 * where the group column is missing. *labels gets the groups' labels (in
 * the order of the column's labelled values, else sorted), NULL-terminated.
 * Refuses columns with more than LT_MAX_GROUPS groups. Caller frees both.
 */
#define LT_NO_GROUP	((size_t)-1)
#define LT_MAX_GROUPS	50
int lt_session_groups(lt_session *s, int gidx, int pos, size_t **codes, char ***labels,
    size_t *ngroups, size_t *n, lt_error *err);
/* The variable called name in the open dataset, or an error naming it. */
int lt_session_var(lt_session *s, const char *name, int pos, int *idx, lt_error *err);

/*
 * Disclosure control (privacy.c).
 *
 * The profile in force for the open dataset: its metadata's profile
 * tightened, field by field, by the deployment's (the "profile" line of
 * $LANTERN_CONFIG, else /etc/lantern/lantern.conf), so a deployment can
 * only make protection stricter. NULL when no dataset is open.
 */
const lt_sdc_profile *lt_session_profile(lt_session *s);


/*
 * The value of "key = value" in the deployment's configuration
 * ($LANTERN_CONFIG, else LT_SDC_SYSTEM_CONFIG), the last one if repeated;
 * NULL when there is none. Caller frees.
 */
char *lt_config_value(const char *key);

/*
 * The disclosure state of n, the number of rows the active filter
 * selects (LT_SDC_SHOWN with *shown its protected value, else why it is
 * hidden): protected as the filter's "rows that match" with the
 * differencing guard; none and 1 .. hide_below-1 are small; and so is
 * what it leaves out, when that is a few people.
 */
int lt_session_filter_state(lt_session *s, long long n, double *shown);

/*
 * v as the profile lets a statistic be shown (lt_sdc_round_sig to its
 * stat_digits), for numbers written into words: lt_format_number prints
 * 7662.3 as "7,662" whatever the digits.
 */
double lt_session_round(lt_session *s, double v);

/* Findings (cmd_findings.c). */
/* The login name of the person running lantern. */
const char *lt_session_login(lt_session *s);
/* The findings store, opened on first use; NULL with err set. */
struct lt_findings *lt_session_store(lt_session *s, lt_error *err);
/* Keep r (after disclosure control) as the result "post" would share. */
void lt_session_remember(lt_session *s, const lt_cmd_entry *e, const lt_result *r);
void lt_session_forget(lt_session *s);
/* 1 when row-level records of the open dataset may be shown: it is
   synthetic, or its profile allows rows. */
int lt_session_rows_ok(lt_session *s);
/* A dataset's own profile (its metadata's, or the default), before the
   deployment tightens it. */
const lt_sdc_profile *lt_sdc_own_profile(const lt_dataset *d);
/* Work out the profile again (after open, import or drop). */
void lt_session_profile_reset(lt_session *s);

/*
 * Protect counts for release, with the differencing guard: key names what
 * is counted, without the filter ("freq smoking", "crosstab smoking
 * heart_attack"); labels name the categories. Cells that differ by 1-7
 * people from any earlier release under the same key (with another
 * filter, say) are hidden too, and protected from subtraction; the true
 * counts are remembered for later releases. Free out as sdc.h says.
 */
int lt_session_protect_vec(lt_session *s, const char *key, const char *const *labels,
    const double *counts, size_t n, lt_sdc_vec *out, lt_error *err);
/* The same for a rows x cols table (labels for its rows and columns). */
int lt_session_protect_tab(lt_session *s, const char *key, const char *const *rlabels,
    const char *const *clabels, const double *counts, size_t rows, size_t cols,
    lt_sdc_tab *out, lt_error *err);
/* Forget what was released (lt_session_free). */
void lt_session_release_clear(lt_session *s);
/*
 * The disclosure pass (sdc_pass.c): make r safe to release under the open
 * dataset's profile, whatever the command did. run_one calls it on every
 * result before it is emitted or collected.
 */
void lt_sdc_result(lt_session *s, lt_result *r);
/*
 * One count of people for a note or headline, protected like a key
 * number of the pass (with the differencing guard under key, which names
 * what is counted without the filter): returns LT_SDC_SHOWN with *shown
 * the rounded count, else the reason it is hidden (enum lt_sdc_state).
 */
int lt_sdc_count(lt_session *s, const char *key, double v, double *shown);
/*
 * 1 when command cmd must not even run: the filter selects too few people
 * of a dataset whose rows may not be shown, and running it could fail
 * with an error that says something about them ("sex has only one value
 * here"). run_one then hands the pass an empty result to withhold.
 */
int lt_sdc_blocks(lt_session *s, const char *cmd);
/*
 * 1 when the disclosure pass withholds everything a result says about the
 * rows selected: a filter (or a dataset) of too few people, or a filter
 * that leaves out only a few.
 */
int lt_sdc_withholds(lt_session *s);

/*
 * The command log tutorials check (tutorial.c): the last LT_LOG_MAX
 * commands that worked, numbered 1, 2, ... in the order they ran.
 */
#define LT_LOG_MAX	200
typedef struct lt_log_entry {
	unsigned long seq;
	char *name;		/* the entry's name; "plot hist" and the like for plot */
	char **columns;		/* the columns of the open dataset its words name */
	int posted;		/* it posted an observation */
	int inner;		/* ran inside the command before it (a guide's
				   analysis): on screen with it */
} lt_log_entry;
/* Log a command that worked (run_one, after it ran). */
void lt_session_log(lt_session *s, const lt_cmd_entry *e, const lt_args *a,
    const lt_words *w);
/* Free the log (lt_session_free). */
void lt_session_log_clear(lt_session *s);
/*
 * Parse one command's words (from text) into a for entry e, as run_one
 * does: options, positions, raw text. Free with lt_args_clear, also when
 * it fails.
 */
int lt_args_parse(const lt_cmd_entry *e, const lt_words *w, const char *text, lt_args *a,
    lt_error *err);
void lt_args_clear(lt_args *a);
/* Log command text that ran inside another (what "guide" chose). */
void lt_session_log_text(lt_session *s, const char *text);
/* The entry numbered seq, or NULL when it is not (or no longer) in the log. */
const lt_log_entry *lt_session_log_get(const lt_session *s, unsigned long seq);
/*
 * Check what a tutorial names against the data (tutorial.c): its dataset,
 * and the columns, filters and sorts of its checks, in the datasets it
 * opens. Problems are appended to problems; returns how many.
 */
struct lt_tutorial;
size_t lt_tutorial_check_data(const struct lt_tutorial *t, lt_session *s, lt_buf *problems);
/* The step a learner's saved progress in tutorial name reached: 1 with
   *step set, 0 when there is none. */
int lt_tutorial_progress(lt_session *s, const char *name, long *step);
/* Whether a tutor's current step is done (lt_tutor_done); when not, why says
   which check does not hold, for teachers. */
struct lt_tutor;
int lt_tutor_why(struct lt_tutor *tu, lt_buf *why);

#endif
