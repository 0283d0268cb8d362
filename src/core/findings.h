/*
 * findings.h - the findings store: observations that contributors post,
 * the reviews researchers give them, and the history of every change.
 *
 * The store is an interface; SQLite is the embedded back end (a per-user
 * file, or one file shared by everyone on a host). Everything the rest of
 * lantern needs goes through the functions below, so a server database can
 * stand behind them later without changing a caller.
 *
 * Guarantees of the SQLite back end:
 *  - the schema is versioned (PRAGMA user_version) and migrated on open; a
 *    store made by a newer lantern is refused and left untouched;
 *  - WAL mode and a busy timeout; every write is one transaction that takes
 *    the write lock up front (BEGIN IMMEDIATE) and is retried while another
 *    writer holds it, so concurrent contributors never see "database is
 *    locked" and lose nothing;
 *  - nothing is updated without a trace: each change of state appends a row
 *    to the history with its actor, time and reason;
 *  - SQL uses bound parameters only;
 *  - text from people (titles, observations, reasons, names) is cleaned on
 *    the way in: control characters and terminal escape sequences are
 *    removed (newlines and tabs kept), invalid UTF-8 becomes U+FFFD and
 *    over-long text is refused with a sentence saying the limit. Readers
 *    must still sanitise what they show (lt_text_sanitize): a shared file
 *    can be written by other programs.
 *
 * Roles: anyone who can open the store may post; only people listed as
 * reviewers (lt_findings_reviewer_add, an administrator's command) may
 * review. People are identified by their login name; a contributor may set
 * a pseudonym, which is what everyone else sees.
 */
#ifndef LT_FINDINGS_H
#define LT_FINDINGS_H

#include <stddef.h>

#include "buf.h"
#include "error.h"

typedef struct lt_findings lt_findings;

/* The states of an observation. */
enum lt_finding_state {
	LT_FS_SUBMITTED,	/* waiting for review */
	LT_FS_CHANGES,		/* a reviewer asked for changes */
	LT_FS_ACCEPTED,
	LT_FS_DECLINED,
	LT_FS_WITHDRAWN,	/* the author took it back */
	LT_FS_COUNT
};

/* "submitted", "changes", "accepted", "declined", "withdrawn"; -1 if unknown. */
const char *lt_finding_state_name(int state);
int lt_finding_state_parse(const char *name);

/* Limits on text from people, in bytes. */
#define LT_FINDING_TITLE_MAX	200
#define LT_FINDING_TEXT_MAX	20000	/* an observation or a reason */
#define LT_FINDING_NAME_MAX	64	/* a login name or a pseudonym */

typedef struct lt_finding {
	long long id;
	int state;		/* enum lt_finding_state */
	int revision;		/* 1 when posted; +1 on every resubmission */
	char *author;		/* the pseudonym if one is set, else the login name */
	char *title;
	char *body;		/* the observation in the contributor's words */
	char *created_at;	/* ISO 8601 UTC, "2026-11-22T14:05:09Z" */
	char *updated_at;
	char *dataset;		/* the dataset's name */
	char *dataset_hash;	/* its content hash when the result was made */
	char *version;		/* lantern's version that made the result */
	char *recipe;		/* the commands that make the result, one per line */
	char *result_json;	/* the result document after disclosure control */
	char *layers;		/* the plain-language layers, as text */
} lt_finding;

void lt_finding_clear(lt_finding *f);	/* free the strings, zero it */

/* One change in an observation's life. */
typedef struct lt_finding_event {
	long long finding;
	char *actor;		/* as shown: pseudonym or login */
	char *at;		/* ISO 8601 UTC */
	char *action;		/* "posted", "accepted", "changes", "declined",
				   "withdrawn", "resubmitted" */
	int state;		/* the state after it */
	char *reason;		/* may be NULL */
} lt_finding_event;

void lt_finding_events_free(lt_finding_event *e, size_t n);

/*
 * Open the store at path, making the file if missing. With make_dirs (the
 * per-user store) missing folders are made, mode 0700; without (a shared
 * store named by --findings or the configuration) a missing folder is an
 * error, as it is most likely a mistyped path. Fails with one sentence in err and changes
 * nothing for: a folder that cannot be made, a file that is not a lantern
 * findings store (or not a database), a store from a newer lantern, a file
 * that cannot be read. A store that can be read but not written opens read
 * only; writes then fail with a sentence saying so.
 */
lt_findings *lt_findings_open(const char *path, int make_dirs, lt_error *err);
void lt_findings_close(lt_findings *st);
const char *lt_findings_path(const lt_findings *st);

/*
 * Post an observation by login (its author). Uses f's title, body, dataset,
 * dataset_hash, version, recipe, result_json and layers (title, body,
 * recipe and result_json required); *id gets the new observation's number.
 */
int lt_findings_post(lt_findings *st, const char *login, const lt_finding *f,
    long long *id, lt_error *err);

/* Observation id, all fields. LT_ENOENT if there is none. */
int lt_findings_get(lt_findings *st, long long id, lt_finding *out, lt_error *err);

/* What to list; NULL / -1 fields do not filter. */
typedef struct lt_findings_query {
	int state;			/* enum lt_finding_state, or -1 */
	const char *dataset;
	const char *login;		/* posted by this login */
	const char *not_reviewed_by;	/* no review by this login yet */
} lt_findings_query;

/*
 * The observations q selects, newest first, into *out (*n of them; free
 * each with lt_finding_clear, then the array). result_json and layers are
 * left NULL in lists.
 */
int lt_findings_list(lt_findings *st, const lt_findings_query *q, lt_finding **out,
    size_t *n, lt_error *err);

/* Observation id's history, oldest first. */
int lt_findings_history(lt_findings *st, long long id, lt_finding_event **out,
    size_t *n, lt_error *err);

/*
 * A reviewer's verdict on a submitted observation: LT_FS_ACCEPTED,
 * LT_FS_CHANGES or LT_FS_DECLINED. Changes and declines need a reason
 * (the contributor sees it); an acceptance may have one. Refused, with a
 * sentence why, when login is not a reviewer, when the observation is not
 * waiting for review, or when a reviewer reviews their own observation.
 */
int lt_findings_review(lt_findings *st, long long id, const char *login, int verdict,
    const char *reason, lt_error *err);

/* The author takes a submitted or changes-requested observation back. */
int lt_findings_withdraw(lt_findings *st, long long id, const char *login,
    const char *reason, lt_error *err);

/*
 * The author revises an observation a reviewer asked changes for and sends
 * it back for review: the fields of f that are not NULL replace the old
 * ones (the old ones stay in the history), the revision goes up by one and
 * the state becomes submitted.
 */
int lt_findings_revise(lt_findings *st, long long id, const char *login,
    const lt_finding *f, lt_error *err);

/* Reviewers: add or remove login (by actor, recorded), ask whether login is one. */
int lt_findings_reviewer_add(lt_findings *st, const char *login, const char *actor,
    lt_error *err);
int lt_findings_reviewer_remove(lt_findings *st, const char *login, const char *actor,
    lt_error *err);
int lt_findings_is_reviewer(lt_findings *st, const char *login);

/* The name login is shown by: its pseudonym, else login itself. Caller frees. */
char *lt_findings_shown_as(lt_findings *st, const char *login);

/* Set (or with NULL, clear) the pseudonym login is shown by. Must be unique. */
int lt_findings_set_pseudonym(lt_findings *st, const char *login, const char *pseudonym,
    lt_error *err);

/*
 * Check the store: SQLite's integrity check, the schema version, and that
 * every observation's state agrees with its history. Appends a report of
 * plain lines to report. Returns 0 when all is well; otherwise LT_EDB with
 * one sentence in err saying what is wrong and what to do.
 */
int lt_findings_check(lt_findings *st, lt_buf *report, lt_error *err);

/*
 * Clean text from a person for storing (see the top of this file) into
 * out. Returns 0, or LT_EINVAL with a sentence naming what (e.g. "the
 * title") when it is longer than max bytes. Exported for tests and for
 * front ends that want to show a preview of exactly what will be stored.
 */
int lt_findings_clean(lt_buf *out, const char *s, size_t max, const char *what,
    lt_error *err);

#endif
