/*
 * findings.c - the findings store's SQLite back end: observations people
 * post, the reviews they get and an append-only history of every change
 * (see findings.h for the interface and its guarantees).
 *
 * Schema (version 1; PRAGMA user_version, PRAGMA application_id LT_APP_ID):
 *
 *   meta(key PRIMARY KEY, value)	"application" = "lantern findings store"
 *					marks the file as ours.
 *   findings(id, state, revision, login, title, body, created_at,
 *	updated_at, dataset, dataset_hash, version, recipe, result_json,
 *	layers)			one row per observation; state is the
 *				state's name ("submitted", ...); login is
 *				the author's login name. Rows are never
 *				deleted (a trigger refuses it).
 *   history(id, finding, revision, login, at, action, state, reason,
 *	old_title, old_body, old_recipe, old_result_json, old_dataset,
 *	old_dataset_hash, old_version, old_layers)
 *				append-only (triggers refuse UPDATE and
 *				DELETE): one row per change, with the
 *				actor's login, the time, the action, the
 *				state after it and the reason. A
 *				"resubmitted" row keeps the text it
 *				replaced in old_*, so nothing is lost.
 *   reviewers(login, added_by, added_at)	who may review.
 *   roles(id, login, actor, at, action)	append-only log of reviewers
 *				added and removed.
 *   people(login, pseudonym UNIQUE)	the name a person is shown by.
 *
 * Every write goes through write_begin: BEGIN IMMEDIATE, retried while
 * another writer holds the lock (SQLite's busy timeout waits first), for
 * up to WRITE_PATIENCE_MS in all, so that "database is locked" never
 * reaches a person under ordinary load. WAL with synchronous=FULL: an
 * acknowledged post survives a killed process and a power cut.
 *
 * The findings store's errors are its own (fdb_error): they name "the
 * findings store", not the catalog.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "buf.h"
#include "catalog.h"
#include "findings.h"

/* PRAGMA application_id: "LtFs". */
#define LT_APP_ID		0x4c744673
#define LT_APP_MARKER		"lantern findings store"
/* How long a write waits for another writer in all, in milliseconds. */
#define WRITE_PATIENCE_MS	30000
/* Limits on what lantern itself makes (recipes, result documents, layers). */
#define DOC_MAX			(4u << 20)

struct lt_findings {
	sqlite3 *db;
	char *path;
	int read_only;
	int busy;	/* the last error was another writer holding a lock */
};

static const char schema_v1[] =
	"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
	"INSERT INTO meta(key, value) VALUES('application', '" LT_APP_MARKER "');"
	"CREATE TABLE findings("
	" id INTEGER PRIMARY KEY AUTOINCREMENT,"
	" state TEXT NOT NULL CHECK(state IN"
	"  ('submitted', 'changes', 'accepted', 'declined', 'withdrawn')),"
	" revision INTEGER NOT NULL DEFAULT 1,"
	" login TEXT NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL,"
	" created_at TEXT NOT NULL, updated_at TEXT NOT NULL,"
	" dataset TEXT, dataset_hash TEXT, version TEXT,"
	" recipe TEXT NOT NULL, result_json TEXT NOT NULL, layers TEXT);"
	"CREATE INDEX findings_state ON findings(state, id);"
	"CREATE INDEX findings_login ON findings(login, id);"
	"CREATE INDEX findings_dataset ON findings(dataset, id);"
	"CREATE TABLE history("
	" id INTEGER PRIMARY KEY AUTOINCREMENT,"
	" finding INTEGER NOT NULL REFERENCES findings(id),"
	" revision INTEGER NOT NULL,"
	" login TEXT NOT NULL, at TEXT NOT NULL, action TEXT NOT NULL,"
	" state TEXT NOT NULL, reason TEXT,"
	" old_title TEXT, old_body TEXT, old_recipe TEXT, old_result_json TEXT,"
	" old_dataset TEXT, old_dataset_hash TEXT, old_version TEXT, old_layers TEXT);"
	"CREATE INDEX history_finding ON history(finding, id);"
	"CREATE INDEX history_login ON history(login, finding);"
	"CREATE TRIGGER history_no_update BEFORE UPDATE ON history BEGIN"
	" SELECT RAISE(ABORT, 'the history of the findings store cannot be changed');"
	" END;"
	"CREATE TRIGGER history_no_delete BEFORE DELETE ON history BEGIN"
	" SELECT RAISE(ABORT, 'the history of the findings store cannot be changed');"
	" END;"
	"CREATE TRIGGER findings_no_delete BEFORE DELETE ON findings BEGIN"
	" SELECT RAISE(ABORT, 'observations cannot be deleted; withdraw them instead');"
	" END;"
	"CREATE TABLE reviewers(login TEXT PRIMARY KEY, added_by TEXT NOT NULL,"
	" added_at TEXT NOT NULL);"
	"CREATE TABLE roles(id INTEGER PRIMARY KEY AUTOINCREMENT, login TEXT NOT NULL,"
	" actor TEXT NOT NULL, at TEXT NOT NULL, action TEXT NOT NULL);"
	"CREATE TRIGGER roles_no_update BEFORE UPDATE ON roles BEGIN"
	" SELECT RAISE(ABORT, 'the history of the findings store cannot be changed');"
	" END;"
	"CREATE TRIGGER roles_no_delete BEFORE DELETE ON roles BEGIN"
	" SELECT RAISE(ABORT, 'the history of the findings store cannot be changed');"
	" END;"
	"CREATE TABLE people(login TEXT PRIMARY KEY,"
	" pseudonym TEXT UNIQUE COLLATE NOCASE);";

/*
 * Migrations: migrations[i] takes the schema from version i to i + 1.
 * Add to the end; never change one that shipped.
 */
static const char *const migrations[] = {
	schema_v1,
};
#define SCHEMA_VERSION ((int)(sizeof migrations / sizeof migrations[0]))

/* The triggers that keep the history append-only (checked by lt_findings_check). */
static const char *const guard_triggers[] = {
	"history_no_update", "history_no_delete", "findings_no_delete",
	"roles_no_update", "roles_no_delete",
};

static const char *const state_names[LT_FS_COUNT] = {
	"submitted", "changes", "accepted", "declined", "withdrawn",
};

const char *
lt_finding_state_name(int state)
{
	if (state < 0 || state >= LT_FS_COUNT)
		return "unknown";
	return state_names[state];
}

int
lt_finding_state_parse(const char *name)
{
	if (name == NULL)
		return -1;
	for (int i = 0; i < LT_FS_COUNT; i++)
		if (strcmp(name, state_names[i]) == 0)
			return i;
	return -1;
}

void
lt_finding_clear(lt_finding *f)
{
	if (f == NULL)
		return;
	free(f->author);
	free(f->title);
	free(f->body);
	free(f->created_at);
	free(f->updated_at);
	free(f->dataset);
	free(f->dataset_hash);
	free(f->version);
	free(f->recipe);
	free(f->result_json);
	free(f->layers);
	memset(f, 0, sizeof *f);
}

void
lt_finding_events_free(lt_finding_event *e, size_t n)
{
	if (e == NULL)
		return;
	for (size_t i = 0; i < n; i++) {
		free(e[i].actor);
		free(e[i].at);
		free(e[i].action);
		free(e[i].reason);
	}
	free(e);
}

/*
 * Cleaning text from people.
 */

/* Decode one strict UTF-8 sequence; its length, or 0 when invalid. */
static size_t
u8_decode(const unsigned char *p, size_t left, uint32_t *cp)
{
	size_t len;
	uint32_t c, min;

	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		len = 2, c = p[0] & 0x1f, min = 0x80;
	} else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		len = 3, c = p[0] & 0x0f, min = 0x800;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		len = 4, c = p[0] & 0x07, min = 0x10000;
	} else
		return 0;
	if (left < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (p[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

/* Skip a control sequence's parameters and final byte (after ESC [ or CSI). */
static size_t
skip_csi(const unsigned char *p, size_t n, size_t i)
{
	while (i < n && p[i] >= 0x20 && p[i] <= 0x3f)
		i++;
	if (i < n && p[i] >= 0x40 && p[i] <= 0x7e)
		i++;
	return i;
}

/*
 * Skip a control string (OSC, DCS, SOS, PM, APC): up to BEL, ST (ESC \ or
 * U+009C), the next ESC, or a newline (kept), so an unterminated one does
 * not swallow the rest of the text.
 */
static size_t
skip_string(const unsigned char *p, size_t n, size_t i)
{
	while (i < n) {
		if (p[i] == 0x07)
			return i + 1;
		if (p[i] == 0x1b)
			return i + 1 < n && p[i + 1] == '\\' ? i + 2 : i;
		if (p[i] == 0xc2 && i + 1 < n && p[i + 1] == 0x9c)
			return i + 2;
		if (p[i] == '\n')
			return i;
		i++;
	}
	return i;
}

/* Skip an escape sequence starting at ESC (p[i]). */
static size_t
skip_escape(const unsigned char *p, size_t n, size_t i)
{
	i++;
	if (i >= n)
		return i;
	switch (p[i]) {
	case '[':
		return skip_csi(p, n, i + 1);
	case ']': case 'P': case 'X': case '^': case '_':
		return skip_string(p, n, i + 1);
	}
	while (i < n && p[i] >= 0x20 && p[i] <= 0x2f)
		i++;
	if (i < n && p[i] >= 0x30 && p[i] <= 0x7e)
		i++;
	return i;
}

/* Code points that reorder text on screen (bidirectional overrides). */
static int
is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) ||
	    cp == 0x200e || cp == 0x200f || cp == 0x061c;
}

/*
 * Append s cleaned to out: escape sequences and control characters go,
 * newlines and tabs stay (become spaces when oneline), invalid UTF-8
 * becomes U+FFFD.
 */
static void
clean_into(lt_buf *out, const char *s, int oneline)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), i = 0, len;
	uint32_t cp;

	while (i < n) {
		unsigned char c = p[i];

		if (c < 0x80) {
			if (c == 0x1b)
				i = skip_escape(p, n, i);
			else if (c == '\n' || c == '\t') {
				lt_buf_putc(out, oneline ? ' ' : (char)c);
				i++;
			} else if (c < 0x20 || c == 0x7f)
				i++;
			else {
				lt_buf_putc(out, (char)c);
				i++;
			}
			continue;
		}
		len = u8_decode(p + i, n - i, &cp);
		if (len == 0) {
			lt_buf_puts(out, "\xef\xbf\xbd");
			i++;
			continue;
		}
		if (cp <= 0x9f) {	/* C1 controls */
			if (cp == 0x9b)
				i = skip_csi(p, n, i + len);
			else if (cp == 0x9d || cp == 0x90 || cp == 0x98 || cp == 0x9e ||
			    cp == 0x9f)
				i = skip_string(p, n, i + len);
			else
				i += len;
			continue;
		}
		if (!is_bidi_control(cp))
			lt_buf_add(out, (const char *)p + i, len);
		i += len;
	}
}

/* Clean s into out with the limit max; oneline turns newlines into spaces. */
static int
clean_text(lt_buf *out, const char *s, size_t max, const char *what, int oneline,
    lt_error *err)
{
	size_t start = out->len, n;

	clean_into(out, s, oneline);
	n = out->len - start;
	if (n > max) {
		out->len = start;
		if (out->s != NULL)
			out->s[start] = '\0';
		return lt_err(err, LT_EINVAL,
		    "%s is too long (%zu bytes, and at most %zu are allowed); shorten it and try again",
		    what, n, max);
	}
	return 0;
}

int
lt_findings_clean(lt_buf *out, const char *s, size_t max, const char *what,
    lt_error *err)
{
	return clean_text(out, s != NULL ? s : "", max, what, 0, err);
}

/*
 * Clean s into a new string in *out. With required, empty (or only
 * spaces) is refused; without, NULL or empty gives NULL.
 */
static int
clean_field(char **out, const char *s, size_t max, const char *what, int oneline,
    int required, lt_error *err)
{
	lt_buf b = LT_BUF_INIT;
	const char *q;

	*out = NULL;
	if (s != NULL && clean_text(&b, s, max, what, oneline, err) != 0) {
		lt_buf_free(&b);
		return err->code;
	}
	for (q = lt_buf_str(&b); *q == ' ' || *q == '\n' || *q == '\t'; q++)
		;
	if (*q == '\0') {
		lt_buf_free(&b);
		if (required)
			return lt_err(err, LT_EINVAL, "%s is empty; write it and try again", what);
		return 0;
	}
	*out = lt_buf_take(&b);
	return 0;
}

/* A login name or pseudonym: one line, not empty, at most LT_FINDING_NAME_MAX. */
static int
clean_name(char **out, const char *s, const char *what, lt_error *err)
{
	return clean_field(out, s, LT_FINDING_NAME_MAX, what, 1, 1, err);
}

/*
 * SQLite plumbing.
 */

/* Turn the last SQLite error on st into one sentence for people. */
static int
fdb_error(lt_findings *st, lt_error *err, const char *what)
{
	int code = sqlite3_extended_errcode(st->db) & 0xff;

	st->busy = code == SQLITE_BUSY || code == SQLITE_LOCKED;
	switch (code) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return lt_err(err, LT_EDB,
		    "the findings store %s stayed busy for too long (many people are writing to it); wait a moment and try again",
		    st->path);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return lt_err(err, LT_EDB,
		    "the findings store %s is damaged or is not a lantern findings store; ask its administrator to restore it from a backup",
		    st->path);
	case SQLITE_FULL:
		return lt_err(err, LT_EDB, "the disk is full; free some space and try again");
	case SQLITE_READONLY:
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
		return lt_err(err, LT_EDB,
		    "cannot write to the findings store %s; check its permissions or ask its administrator",
		    st->path);
	case SQLITE_IOERR:
		return lt_err(err, LT_EDB,
		    "reading or writing the findings store %s failed (%s); check the disk and try again",
		    st->path, sqlite3_errmsg(st->db));
	}
	return lt_err(err, LT_EDB, "%s in the findings store failed: %s", what,
	    sqlite3_errmsg(st->db));
}

static int
fdb_exec(lt_findings *st, const char *sql, const char *what, lt_error *err)
{
	if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return fdb_error(st, err, what);
	return 0;
}

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* How long a store that looks like another program's is given to become ours. */
#define VERDICT_PATIENCE_MS	1500

/* Sleep a little, a different while in each process, before trying again. */
static void
nap(void)
{
	struct timespec ts = { 0, (5 + (long)(((unsigned)getpid() * 7919u +
	    (unsigned)now_ms()) % 20u)) * 1000000L };

	nanosleep(&ts, NULL);
}

static int
is_busy(sqlite3 *db)
{
	int code = sqlite3_extended_errcode(db) & 0xff;

	return code == SQLITE_BUSY || code == SQLITE_LOCKED;
}

/* Refuse a write to a store opened read only. */
static int
refuse_read_only(lt_findings *st, lt_error *err)
{
	return lt_err(err, LT_EDB,
	    "the findings store %s can only be read here, as you may not write to it; ask its administrator for write access",
	    st->path);
}

/* Start a write: take the write lock now, waiting for other writers. */
static int
write_begin(lt_findings *st, lt_error *err)
{
	long long deadline = now_ms() + WRITE_PATIENCE_MS;

	if (st->read_only)
		return refuse_read_only(st, err);
	for (;;) {
		if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK)
			return 0;
		if (!is_busy(st->db) || now_ms() >= deadline)
			return fdb_error(st, err, "starting a change");
		nap();
	}
}

/* Finish a write; on failure it is rolled back. */
static int
write_commit(lt_findings *st, lt_error *err)
{
	long long deadline = now_ms() + WRITE_PATIENCE_MS;

	for (;;) {
		if (sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK)
			return 0;
		if (!is_busy(st->db) || now_ms() >= deadline)
			break;
		nap();
	}
	fdb_error(st, err, "saving a change");
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return err->code;
}

static void
write_rollback(lt_findings *st)
{
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

/*
 * sqlite3_step for the first row of a read: retried while the store is
 * busy (a reader in WAL mode rarely is, but may be while a writer
 * recovers or checkpoints).
 */
static int
step_first(lt_findings *st, sqlite3_stmt *s)
{
	long long deadline = now_ms() + WRITE_PATIENCE_MS;
	int rc;

	while ((rc = sqlite3_step(s)) == SQLITE_BUSY || rc == SQLITE_LOCKED) {
		if (!sqlite3_get_autocommit(st->db) || now_ms() >= deadline)
			break;
		sqlite3_reset(s);
		nap();
	}
	return rc;
}

static int
prepare(lt_findings *st, const char *sql, sqlite3_stmt **s, lt_error *err)
{
	if (sqlite3_prepare_v2(st->db, sql, -1, s, NULL) != SQLITE_OK) {
		*s = NULL;
		return fdb_error(st, err, "reading");
	}
	return 0;
}

static void
bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
}

static char *
column_str(sqlite3_stmt *s, int i)
{
	const unsigned char *v = sqlite3_column_text(s, i);

	return v != NULL ? lt_strdup((const char *)v) : NULL;
}

/* The time now, ISO 8601 UTC to the second. */
static void
iso_now(char out[32])
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/*
 * Opening.
 */

/* Make every missing folder in path's parent, mode 0700. */
static int
make_parent_dirs(const char *path, lt_error *err)
{
	char *d;
	int e = lt_mkdirs_for(path, &d), rc;

	if (e == 0)
		return 0;
	rc = lt_err(err, LT_EIO,
	    "cannot create the folder %s for the findings store (%s); check its permissions",
	    d, strerror(e));
	free(d);
	return rc;
}

/* path's folder (caller frees). */
static char *
parent_dir(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return lt_strdup(".");
	if (slash == path)
		return lt_strdup("/");
	return lt_strndup(path, (size_t)(slash - path));
}

/* What a probe of an existing file found. */
struct probe {
	int app_id;
	int version;
	int objects;	/* rows in sqlite_schema */
	int marked;	/* meta says it is ours */
};

static int
pragma_int(sqlite3 *db, const char *sql, int *v)
{
	sqlite3_stmt *s;
	int rc;

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		return -1;
	rc = sqlite3_step(s);
	*v = rc == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 0 : -1;
}

/* Read what the file holds, without changing it. */
static int
probe_store(lt_findings *st, struct probe *pr, lt_error *err)
{
	sqlite3_stmt *s;
	long long deadline = now_ms() + WRITE_PATIENCE_MS;
	int rc;

	memset(pr, 0, sizeof *pr);
	for (;;) {
		rc = pragma_int(st->db, "SELECT count(*) FROM sqlite_master", &pr->objects);
		if (rc == 0 || !is_busy(st->db) || now_ms() >= deadline)
			break;
		nap();
	}
	if (rc != 0) {
		int code = sqlite3_extended_errcode(st->db) & 0xff;

		if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
			return lt_err(err, LT_EDB,
			    "%s is not a lantern findings store (it is not a database at all); check the path",
			    st->path);
		if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
			return fdb_error(st, err, "opening");
		return lt_err(err, LT_EDB, "cannot read the findings store %s (%s); check its permissions",
		    st->path, sqlite3_errmsg(st->db));
	}
	if (pragma_int(st->db, "PRAGMA application_id", &pr->app_id) != 0 ||
	    pragma_int(st->db, "PRAGMA user_version", &pr->version) != 0)
		return fdb_error(st, err, "opening");
	if (pr->objects == 0 || pr->app_id != LT_APP_ID)
		return 0;
	/*
	 * The marker. While other lanterns make the store at the same moment
	 * the read can be busy: that is not "no marker", so try again.
	 */
	for (;;) {
		int busy = 0;

		if (sqlite3_prepare_v2(st->db, "SELECT value FROM meta WHERE key = 'application'",
		    -1, &s, NULL) == SQLITE_OK) {
			rc = sqlite3_step(s);
			if (rc == SQLITE_ROW) {
				const unsigned char *v = sqlite3_column_text(s, 0);

				pr->marked = v != NULL &&
				    strcmp((const char *)v, LT_APP_MARKER) == 0;
			}
			busy = rc != SQLITE_ROW && rc != SQLITE_DONE && is_busy(st->db);
			sqlite3_finalize(s);
		} else {
			busy = is_busy(st->db);
		}
		if (!busy)
			return 0;
		if (now_ms() >= deadline)
			return fdb_error(st, err, "opening");
		nap();
	}
}

/* Refuse what is not ours, or is newer than we are. A new, empty file passes. */
static int
probe_verdict(lt_findings *st, const struct probe *pr, lt_error *err)
{
	if (pr->objects == 0 && pr->version == 0 && pr->app_id == 0)
		return 0;
	if (pr->app_id != LT_APP_ID)
		return lt_err(err, LT_EDB,
		    "%s is a database of another program, not a lantern findings store; check the path",
		    st->path);
	if (pr->version > SCHEMA_VERSION)
		return lt_err(err, LT_EDB,
		    "the findings store %s was made by a newer lantern; upgrade lantern to use it",
		    st->path);
	if (!pr->marked)
		return lt_err(err, LT_EDB,
		    "%s is not a lantern findings store (its marker is missing); check the path",
		    st->path);
	return 0;
}

/* Make or update the schema; the file was probed and found ours or new. */
static int
store_init(lt_findings *st, lt_error *err)
{
	struct probe pr;
	char pragma[64];

	/*
	 * A store another lantern is making this very moment can look half
	 * made to a probe without the lock; a file of another program looks
	 * the same every time. So a refusal is only believed when it lasts.
	 */
	for (long long deadline = now_ms() + VERDICT_PATIENCE_MS;;) {
		lt_err_clear(err);
		if (probe_store(st, &pr, err) == 0 && probe_verdict(st, &pr, err) == 0)
			break;
		if (now_ms() >= deadline)
			return err->code;
		nap();
	}
	if (pr.objects > 0 && pr.version == SCHEMA_VERSION)
		return fdb_exec(st, "PRAGMA synchronous=FULL", "opening", err);
	/*
	 * WAL first: it cannot change inside a transaction. The mode is
	 * stored in the file, so it only writes a new (or our own) file.
	 */
	if (fdb_exec(st, "PRAGMA journal_mode=WAL", "opening", err) != 0 ||
	    fdb_exec(st, "PRAGMA synchronous=FULL", "opening", err) != 0)
		return err->code;
	if (write_begin(st, err) != 0)
		return err->code;
	/* Another lantern may have made the schema while we waited for the lock. */
	if (probe_store(st, &pr, err) != 0 || probe_verdict(st, &pr, err) != 0)
		goto fail;
	for (int v = pr.version; v < SCHEMA_VERSION; v++) {
		snprintf(pragma, sizeof pragma, "PRAGMA user_version=%d", v + 1);
		if (fdb_exec(st, migrations[v], "making the schema", err) != 0 ||
		    fdb_exec(st, pragma, "making the schema", err) != 0)
			goto fail;
	}
	snprintf(pragma, sizeof pragma, "PRAGMA application_id=%d", LT_APP_ID);
	if (fdb_exec(st, pragma, "making the schema", err) != 0)
		goto fail;
	return write_commit(st, err);
fail:
	write_rollback(st);
	return err->code;
}

/* Whether path exists but neither it nor its folder may be written. */
static int
read_only_place(const char *path)
{
	char *dir = parent_dir(path);
	int ro;

	ro = access(path, F_OK) == 0 &&
	    (access(path, W_OK) != 0 || access(dir, W_OK) != 0);
	free(dir);
	return ro;
}

/* A file: URI for path with extra query parameters. */
static char *
file_uri(const char *path, const char *query)
{
	lt_buf uri = LT_BUF_INIT;

	lt_buf_puts(&uri, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/._-", *p) != NULL)
			lt_buf_putc(&uri, (char)*p);
		else
			lt_buf_printf(&uri, "%%%02X", *p);
	}
	lt_buf_printf(&uri, "?%s", query);
	return lt_buf_take(&uri);
}

/*
 * Open a store we may not write. A plain read-only connection sees what
 * writers did lately (it needs the WAL's shared-memory file); when that
 * cannot be had, immutable mode reads the main file alone.
 */
static int
open_read_only(lt_findings *st, lt_error *err)
{
	static const char *const modes[] = { "mode=ro", "immutable=1" };
	struct probe pr;

	st->read_only = 1;
	for (size_t m = 0; m < sizeof modes / sizeof modes[0]; m++) {
		char *uri = file_uri(st->path, modes[m]);
		int rc;

		rc = sqlite3_open_v2(uri, &st->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
		free(uri);
		if (rc == SQLITE_OK) {
			sqlite3_extended_result_codes(st->db, 1);
			sqlite3_busy_timeout(st->db, 5000);
			lt_err_clear(err);
			if (probe_store(st, &pr, err) == 0) {
				if (probe_verdict(st, &pr, err) != 0)
					return err->code;
				if (pr.version != SCHEMA_VERSION)
					return lt_err(err, LT_EDB,
					    "the findings store %s needs an update that you may not write; ask its administrator to open it once with this lantern",
					    st->path);
				return 0;
			}
			if (err->code != LT_EDB ||
			    strstr(err->msg, "not a database") != NULL)
				return err->code;
		}
		sqlite3_close(st->db);
		st->db = NULL;
	}
	if (err->code == LT_OK)
		lt_err(err, LT_EDB, "cannot read the findings store %s; check its permissions",
		    st->path);
	return err->code;
}

lt_findings *
lt_findings_open(const char *path, int make_dirs, lt_error *err)
{
	lt_findings *st;
	struct stat sb;
	char *dir;

	if (path == NULL || *path == '\0') {
		lt_err(err, LT_EINVAL, "no findings store was named; give the path of its file");
		return NULL;
	}
	st = lt_calloc(1, sizeof *st);
	st->path = lt_strdup(path);
	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		lt_err(err, LT_EINVAL,
		    "%s is a folder, not a findings store; give the path of the store's file",
		    path);
		goto fail;
	}
	dir = parent_dir(path);
	if (stat(dir, &sb) != 0) {
		if (!make_dirs) {
			lt_err(err, LT_ENOENT,
			    "the folder %s for the findings store does not exist; check the path for a typing mistake, or create the folder first",
			    dir);
			free(dir);
			goto fail;
		}
		if (make_parent_dirs(path, err) != 0) {
			free(dir);
			goto fail;
		}
	}
	free(dir);
	if (access(path, F_OK) == 0 && access(path, R_OK) != 0) {
		lt_err(err, LT_EDB, "cannot read the findings store %s; check its permissions",
		    path);
		goto fail;
	}
	if (read_only_place(path)) {
		if (open_read_only(st, err) != 0)
			goto fail;
		return st;
	}
	if (sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
	    NULL) != SQLITE_OK) {
		lt_err(err, LT_EDB,
		    "cannot open the findings store %s (%s); check the folder's permissions",
		    path, st->db != NULL ? sqlite3_errmsg(st->db) : "out of memory");
		goto fail;
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, 5000);
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_DQS_DML, 0, (int *)NULL);
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_DQS_DDL, 0, (int *)NULL);
	/*
	 * While several lanterns make a new store at once, switching it to
	 * WAL can meet a lock that SQLite does not wait for: start again.
	 */
	for (long long deadline = now_ms() + WRITE_PATIENCE_MS;;) {
		st->busy = 0;
		lt_err_clear(err);
		if (store_init(st, err) == 0)
			break;
		if (!st->busy || now_ms() >= deadline)
			goto fail;
		nap();
	}
	return st;
fail:
	lt_findings_close(st);
	return NULL;
}

void
lt_findings_close(lt_findings *st)
{
	if (st == NULL)
		return;
	sqlite3_close(st->db);
	free(st->path);
	free(st);
}

const char *
lt_findings_path(const lt_findings *st)
{
	return st->path;
}

/*
 * Writing.
 */

/* The fields a post or revision stores, cleaned. */
struct fields {
	char *title, *body, *dataset, *dataset_hash, *version, *recipe, *result_json,
	    *layers;
};

static void
fields_free(struct fields *c)
{
	free(c->title);
	free(c->body);
	free(c->dataset);
	free(c->dataset_hash);
	free(c->version);
	free(c->recipe);
	free(c->result_json);
	free(c->layers);
	memset(c, 0, sizeof *c);
}

/*
 * Clean f's fields into c. With required, the title, observation, recipe
 * and result must be there; without (a revision), a NULL field is left
 * NULL, meaning "keep the old one".
 */
static int
fields_clean(const lt_finding *f, int required, struct fields *c, lt_error *err)
{
	memset(c, 0, sizeof *c);
	if ((f->title != NULL || required) &&
	    clean_field(&c->title, f->title, LT_FINDING_TITLE_MAX, "the title", 1, 1, err) != 0)
		goto fail;
	if ((f->body != NULL || required) &&
	    clean_field(&c->body, f->body, LT_FINDING_TEXT_MAX, "the observation", 0, 1, err) != 0)
		goto fail;
	if ((f->recipe != NULL || required) &&
	    clean_field(&c->recipe, f->recipe, DOC_MAX, "the recipe", 0, 1, err) != 0)
		goto fail;
	if ((f->result_json != NULL || required) &&
	    clean_field(&c->result_json, f->result_json, DOC_MAX, "the result", 0, 1, err) != 0)
		goto fail;
	if (clean_field(&c->dataset, f->dataset, LT_FINDING_TITLE_MAX, "the dataset's name",
	    1, 0, err) != 0 ||
	    clean_field(&c->dataset_hash, f->dataset_hash, LT_FINDING_TITLE_MAX,
	    "the dataset's hash", 1, 0, err) != 0 ||
	    clean_field(&c->version, f->version, LT_FINDING_TITLE_MAX, "the version", 1, 0,
	    err) != 0 ||
	    clean_field(&c->layers, f->layers, DOC_MAX, "the layers", 0, 0, err) != 0)
		goto fail;
	return 0;
fail:
	fields_free(c);
	return err->code;
}

/* Append a history row (inside the caller's transaction). */
static int
add_event(lt_findings *st, long long id, int revision, const char *login,
    const char *at, const char *action, int state, const char *reason,
    const lt_finding *old, lt_error *err)
{
	sqlite3_stmt *s;
	int rc;

	if (prepare(st, "INSERT INTO history(finding, revision, login, at, action, state,"
	    " reason, old_title, old_body, old_recipe, old_result_json, old_dataset,"
	    " old_dataset_hash, old_version, old_layers)"
	    " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", &s, err) != 0)
		return err->code;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, revision);
	bind_text(s, 3, login);
	bind_text(s, 4, at);
	bind_text(s, 5, action);
	bind_text(s, 6, state_names[state]);
	bind_text(s, 7, reason);
	if (old != NULL) {
		bind_text(s, 8, old->title);
		bind_text(s, 9, old->body);
		bind_text(s, 10, old->recipe);
		bind_text(s, 11, old->result_json);
		bind_text(s, 12, old->dataset);
		bind_text(s, 13, old->dataset_hash);
		bind_text(s, 14, old->version);
		bind_text(s, 15, old->layers);
	}
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return fdb_error(st, err, "recording the history");
	return 0;
}

int
lt_findings_post(lt_findings *st, const char *login, const lt_finding *f,
    long long *id, lt_error *err)
{
	struct fields c;
	char *who = NULL, at[32];
	sqlite3_stmt *s = NULL;
	int rc;

	lt_err_clear(err);
	if (clean_name(&who, login, "your login name", err) != 0)
		return err->code;
	if (fields_clean(f, 1, &c, err) != 0) {
		free(who);
		return err->code;
	}
	if (write_begin(st, err) != 0)
		goto out;
	iso_now(at);
	if (prepare(st, "INSERT INTO findings(state, revision, login, title, body,"
	    " created_at, updated_at, dataset, dataset_hash, version, recipe,"
	    " result_json, layers) VALUES('submitted', 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	    &s, err) != 0)
		goto fail;
	bind_text(s, 1, who);
	bind_text(s, 2, c.title);
	bind_text(s, 3, c.body);
	bind_text(s, 4, at);
	bind_text(s, 5, at);
	bind_text(s, 6, c.dataset);
	bind_text(s, 7, c.dataset_hash);
	bind_text(s, 8, c.version);
	bind_text(s, 9, c.recipe);
	bind_text(s, 10, c.result_json);
	bind_text(s, 11, c.layers);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		fdb_error(st, err, "posting");
		goto fail;
	}
	*id = sqlite3_last_insert_rowid(st->db);
	if (add_event(st, *id, 1, who, at, "posted", LT_FS_SUBMITTED, NULL, NULL, err) != 0)
		goto fail;
	write_commit(st, err);
	goto out;
fail:
	write_rollback(st);
out:
	free(who);
	fields_free(&c);
	return err != NULL && err->code != LT_OK ? err->code : 0;
}

/* The columns get and list read, in this order. */
#define FINDING_COLS \
	"f.id, f.state, f.revision, COALESCE(p.pseudonym, f.login), f.title, f.body," \
	" f.created_at, f.updated_at, f.dataset, f.dataset_hash, f.version, f.recipe"

static void
read_finding(sqlite3_stmt *s, lt_finding *f, int full)
{
	memset(f, 0, sizeof *f);
	f->id = sqlite3_column_int64(s, 0);
	f->state = lt_finding_state_parse((const char *)sqlite3_column_text(s, 1));
	f->revision = sqlite3_column_int(s, 2);
	f->author = column_str(s, 3);
	f->title = column_str(s, 4);
	f->body = column_str(s, 5);
	f->created_at = column_str(s, 6);
	f->updated_at = column_str(s, 7);
	f->dataset = column_str(s, 8);
	f->dataset_hash = column_str(s, 9);
	f->version = column_str(s, 10);
	f->recipe = column_str(s, 11);
	if (full) {
		f->result_json = column_str(s, 12);
		f->layers = column_str(s, 13);
	}
}

static int
no_such(long long id, lt_error *err)
{
	return lt_err(err, LT_ENOENT,
	    "there is no observation number %lld in the findings store; \"findings list\" shows the numbers", id);
}

int
lt_findings_get(lt_findings *st, long long id, lt_finding *out, lt_error *err)
{
	sqlite3_stmt *s;
	int rc;

	memset(out, 0, sizeof *out);
	if (prepare(st, "SELECT " FINDING_COLS ", f.result_json, f.layers FROM findings f"
	    " LEFT JOIN people p ON p.login = f.login WHERE f.id = ?", &s, err) != 0)
		return err->code;
	sqlite3_bind_int64(s, 1, id);
	rc = step_first(st, s);
	if (rc == SQLITE_ROW)
		read_finding(s, out, 1);
	else if (rc == SQLITE_DONE)
		no_such(id, err);
	else
		fdb_error(st, err, "reading an observation");
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 0 : err->code;
}

/*
 * "Not reviewed by" means no review of the current revision: a reviewer
 * who asked for changes sees the observation again once it is revised.
 */
int
lt_findings_list(lt_findings *st, const lt_findings_query *q, lt_finding **out,
    size_t *n, lt_error *err)
{
	lt_buf sql = LT_BUF_INIT;
	sqlite3_stmt *s;
	size_t cap = 0;
	int rc, k = 1;

	*out = NULL;
	*n = 0;
	lt_buf_puts(&sql, "SELECT " FINDING_COLS " FROM findings f"
	    " LEFT JOIN people p ON p.login = f.login WHERE 1");
	if (q != NULL && q->state >= 0)
		lt_buf_puts(&sql, " AND f.state = ?");
	if (q != NULL && q->dataset != NULL)
		lt_buf_puts(&sql, " AND f.dataset = ?");
	if (q != NULL && q->login != NULL)
		lt_buf_puts(&sql, " AND f.login = ?");
	if (q != NULL && q->not_reviewed_by != NULL)
		lt_buf_puts(&sql, " AND NOT EXISTS (SELECT 1 FROM history h"
		    " WHERE h.finding = f.id AND h.login = ? AND h.revision = f.revision"
		    " AND h.action IN ('accepted', 'changes', 'declined'))");
	lt_buf_puts(&sql, " ORDER BY f.id DESC");
	rc = prepare(st, lt_buf_str(&sql), &s, err);
	lt_buf_free(&sql);
	if (rc != 0)
		return err->code;
	if (q != NULL && q->state >= 0)
		bind_text(s, k++, lt_finding_state_name(q->state));
	if (q != NULL && q->dataset != NULL)
		bind_text(s, k++, q->dataset);
	if (q != NULL && q->login != NULL)
		bind_text(s, k++, q->login);
	if (q != NULL && q->not_reviewed_by != NULL)
		bind_text(s, k++, q->not_reviewed_by);
	for (rc = step_first(st, s); rc == SQLITE_ROW; rc = sqlite3_step(s)) {
		*out = lt_grow(*out, &cap, *n + 1, sizeof **out);
		read_finding(s, &(*out)[(*n)++], 0);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		for (size_t i = 0; i < *n; i++)
			lt_finding_clear(&(*out)[i]);
		free(*out);
		*out = NULL;
		*n = 0;
		return fdb_error(st, err, "listing observations");
	}
	return 0;
}

int
lt_findings_history(lt_findings *st, long long id, lt_finding_event **out,
    size_t *n, lt_error *err)
{
	sqlite3_stmt *s;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (prepare(st, "SELECT h.finding, COALESCE(p.pseudonym, h.login), h.at, h.action,"
	    " h.state, h.reason FROM history h LEFT JOIN people p ON p.login = h.login"
	    " WHERE h.finding = ? ORDER BY h.id", &s, err) != 0)
		return err->code;
	sqlite3_bind_int64(s, 1, id);
	for (rc = step_first(st, s); rc == SQLITE_ROW; rc = sqlite3_step(s)) {
		lt_finding_event *e;

		*out = lt_grow(*out, &cap, *n + 1, sizeof **out);
		e = &(*out)[(*n)++];
		e->finding = sqlite3_column_int64(s, 0);
		e->actor = column_str(s, 1);
		e->at = column_str(s, 2);
		e->action = column_str(s, 3);
		e->state = lt_finding_state_parse((const char *)sqlite3_column_text(s, 4));
		e->reason = column_str(s, 5);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		lt_finding_events_free(*out, *n);
		*out = NULL;
		*n = 0;
		return fdb_error(st, err, "reading the history");
	}
	if (*n == 0) {
		sqlite3_stmt *e;
		int found;

		if (prepare(st, "SELECT 1 FROM findings WHERE id = ?", &e, err) != 0)
			return err->code;
		sqlite3_bind_int64(e, 1, id);
		found = step_first(st, e) == SQLITE_ROW;
		sqlite3_finalize(e);
		if (!found)
			return no_such(id, err);
	}
	return 0;
}

/* Read observation id's author login, state and revision (inside a transaction). */
static int
load_state(lt_findings *st, long long id, lt_finding *old, char **login, lt_error *err)
{
	sqlite3_stmt *s;
	int rc;

	if (prepare(st, "SELECT f.id, f.state, f.revision, f.login, f.title, f.body,"
	    " f.created_at, f.updated_at, f.dataset, f.dataset_hash, f.version, f.recipe,"
	    " f.result_json, f.layers FROM findings f WHERE f.id = ?", &s, err) != 0)
		return err->code;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		read_finding(s, old, 1);
		*login = old->author;	/* the login here, not the shown name */
		old->author = NULL;
	} else if (rc == SQLITE_DONE)
		no_such(id, err);
	else
		fdb_error(st, err, "reading an observation");
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 0 : err->code;
}

/* Set observation id's state (and time) inside the caller's transaction. */
static int
set_state(lt_findings *st, long long id, int state, const char *at, lt_error *err)
{
	sqlite3_stmt *s;
	int rc;

	if (prepare(st, "UPDATE findings SET state = ?, updated_at = ? WHERE id = ?", &s,
	    err) != 0)
		return err->code;
	bind_text(s, 1, state_names[state]);
	bind_text(s, 2, at);
	sqlite3_bind_int64(s, 3, id);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : fdb_error(st, err, "changing an observation");
}

static int
is_reviewer(lt_findings *st, const char *login)
{
	sqlite3_stmt *s;
	int yes;

	if (sqlite3_prepare_v2(st->db, "SELECT 1 FROM reviewers WHERE login = ?", -1, &s,
	    NULL) != SQLITE_OK)
		return 0;
	bind_text(s, 1, login);
	yes = step_first(st, s) == SQLITE_ROW;
	sqlite3_finalize(s);
	return yes;
}

int
lt_findings_is_reviewer(lt_findings *st, const char *login)
{
	return login != NULL && is_reviewer(st, login);
}

int
lt_findings_review(lt_findings *st, long long id, const char *login, int verdict,
    const char *reason, lt_error *err)
{
	lt_finding old = { 0 };
	char *who = NULL, *author = NULL, *why = NULL, at[32];

	lt_err_clear(err);
	if (verdict != LT_FS_ACCEPTED && verdict != LT_FS_CHANGES && verdict != LT_FS_DECLINED)
		return lt_err(err, LT_EINVAL,
		    "a review must accept, ask for changes or decline; choose one of those");
	if (clean_name(&who, login, "your login name", err) != 0)
		return err->code;
	if (clean_field(&why, reason, LT_FINDING_TEXT_MAX, "the reason", 0, 0, err) != 0)
		goto out;
	if (write_begin(st, err) != 0)
		goto out;
	if (!is_reviewer(st, who)) {
		lt_err(err, LT_EINVAL,
		    "%s is not listed as a reviewer in this findings store, so cannot review; ask its administrator to add you as a reviewer",
		    who);
		goto fail;
	}
	if (load_state(st, id, &old, &author, err) != 0)
		goto fail;
	if (strcmp(author, who) == 0) {
		lt_err(err, LT_EINVAL,
		    "you cannot review your own observation; another reviewer has to");
		goto fail;
	}
	if (old.state != LT_FS_SUBMITTED) {
		lt_err(err, LT_EINVAL,
		    "observation %lld is not waiting for review (it is %s); only submitted observations can be reviewed",
		    id, lt_finding_state_name(old.state));
		goto fail;
	}
	if (why == NULL && verdict != LT_FS_ACCEPTED) {
		lt_err(err, LT_EINVAL, "%s needs a reason the contributor can read; write one and try again",
		    verdict == LT_FS_CHANGES ? "asking for changes" : "declining");
		goto fail;
	}
	iso_now(at);
	if (set_state(st, id, verdict, at, err) != 0 ||
	    add_event(st, id, old.revision, who, at, state_names[verdict], verdict, why, NULL,
	    err) != 0)
		goto fail;
	write_commit(st, err);
	goto out;
fail:
	write_rollback(st);
out:
	lt_finding_clear(&old);
	free(who);
	free(author);
	free(why);
	return err != NULL && err->code != LT_OK ? err->code : 0;
}

int
lt_findings_withdraw(lt_findings *st, long long id, const char *login,
    const char *reason, lt_error *err)
{
	lt_finding old = { 0 };
	char *who = NULL, *author = NULL, *why = NULL, at[32];

	lt_err_clear(err);
	if (clean_name(&who, login, "your login name", err) != 0)
		return err->code;
	if (clean_field(&why, reason, LT_FINDING_TEXT_MAX, "the reason", 0, 0, err) != 0)
		goto out;
	if (write_begin(st, err) != 0)
		goto out;
	if (load_state(st, id, &old, &author, err) != 0)
		goto fail;
	if (strcmp(author, who) != 0) {
		lt_err(err, LT_EINVAL,
		    "only the author of observation %lld can withdraw it", id);
		goto fail;
	}
	if (old.state != LT_FS_SUBMITTED && old.state != LT_FS_CHANGES) {
		lt_err(err, LT_EINVAL,
		    "observation %lld is %s, so it can no longer be withdrawn; only submitted observations and those with changes asked for can",
		    id, lt_finding_state_name(old.state));
		goto fail;
	}
	iso_now(at);
	if (set_state(st, id, LT_FS_WITHDRAWN, at, err) != 0 ||
	    add_event(st, id, old.revision, who, at, "withdrawn", LT_FS_WITHDRAWN, why, NULL,
	    err) != 0)
		goto fail;
	write_commit(st, err);
	goto out;
fail:
	write_rollback(st);
out:
	lt_finding_clear(&old);
	free(who);
	free(author);
	free(why);
	return err != NULL && err->code != LT_OK ? err->code : 0;
}

int
lt_findings_revise(lt_findings *st, long long id, const char *login,
    const lt_finding *f, lt_error *err)
{
	lt_finding old = { 0 };
	struct fields c = { 0 };
	char *who = NULL, *author = NULL, at[32];
	sqlite3_stmt *s;
	int rc;

	lt_err_clear(err);
	if (clean_name(&who, login, "your login name", err) != 0)
		return err->code;
	if (fields_clean(f, 0, &c, err) != 0)
		goto out;
	if (write_begin(st, err) != 0)
		goto out;
	if (load_state(st, id, &old, &author, err) != 0)
		goto fail;
	if (strcmp(author, who) != 0) {
		lt_err(err, LT_EINVAL, "only the author of observation %lld can revise it", id);
		goto fail;
	}
	if (old.state != LT_FS_CHANGES) {
		lt_err(err, LT_EINVAL,
		    "observation %lld is %s; it can be revised only after a reviewer asks for changes",
		    id, lt_finding_state_name(old.state));
		goto fail;
	}
	iso_now(at);
	if (prepare(st, "UPDATE findings SET state = 'submitted', revision = revision + 1,"
	    " updated_at = ?, title = COALESCE(?, title), body = COALESCE(?, body),"
	    " recipe = COALESCE(?, recipe), result_json = COALESCE(?, result_json),"
	    " dataset = COALESCE(?, dataset), dataset_hash = COALESCE(?, dataset_hash),"
	    " version = COALESCE(?, version), layers = COALESCE(?, layers) WHERE id = ?",
	    &s, err) != 0)
		goto fail;
	bind_text(s, 1, at);
	bind_text(s, 2, c.title);
	bind_text(s, 3, c.body);
	bind_text(s, 4, c.recipe);
	bind_text(s, 5, c.result_json);
	bind_text(s, 6, c.dataset);
	bind_text(s, 7, c.dataset_hash);
	bind_text(s, 8, c.version);
	bind_text(s, 9, c.layers);
	sqlite3_bind_int64(s, 10, id);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		fdb_error(st, err, "revising an observation");
		goto fail;
	}
	if (add_event(st, id, old.revision + 1, who, at, "resubmitted", LT_FS_SUBMITTED, NULL,
	    &old, err) != 0)
		goto fail;
	write_commit(st, err);
	goto out;
fail:
	write_rollback(st);
out:
	lt_finding_clear(&old);
	fields_free(&c);
	free(who);
	free(author);
	return err != NULL && err->code != LT_OK ? err->code : 0;
}

/* Run one statement with text parameters (NULL ends them); changed rows in *changes. */
static int
run(lt_findings *st, const char *sql, int *changes, lt_error *err, ...)
{
	sqlite3_stmt *s;
	va_list ap;
	const char *v;
	int rc, k = 1;

	if (prepare(st, sql, &s, err) != 0)
		return err->code;
	va_start(ap, err);
	while ((v = va_arg(ap, const char *)) != NULL)
		bind_text(s, k++, v);
	va_end(ap);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return fdb_error(st, err, "changing the store");
	if (changes != NULL)
		*changes = sqlite3_changes(st->db);
	return 0;
}

int
lt_findings_reviewer_add(lt_findings *st, const char *login, const char *actor,
    lt_error *err)
{
	char *who = NULL, *by = NULL, at[32];
	int changed = 0;

	lt_err_clear(err);
	if (clean_name(&who, login, "the reviewer's login name", err) != 0 ||
	    clean_name(&by, actor, "your login name", err) != 0)
		goto out;
	if (write_begin(st, err) != 0)
		goto out;
	iso_now(at);
	if (run(st, "INSERT OR IGNORE INTO reviewers(login, added_by, added_at)"
	    " VALUES(?, ?, ?)", &changed, err, who, by, at, (char *)NULL) != 0 ||
	    (changed > 0 && run(st, "INSERT INTO roles(login, actor, at, action)"
	    " VALUES(?, ?, ?, 'reviewer added')", NULL, err, who, by, at, (char *)NULL) != 0)) {
		write_rollback(st);
		goto out;
	}
	write_commit(st, err);
out:
	free(who);
	free(by);
	return err != NULL && err->code != LT_OK ? err->code : 0;
}

int
lt_findings_reviewer_remove(lt_findings *st, const char *login, const char *actor,
    lt_error *err)
{
	char *who = NULL, *by = NULL, at[32];
	int changed = 0;

	lt_err_clear(err);
	if (clean_name(&who, login, "the reviewer's login name", err) != 0 ||
	    clean_name(&by, actor, "your login name", err) != 0)
		goto out;
	if (write_begin(st, err) != 0)
		goto out;
	iso_now(at);
	if (run(st, "DELETE FROM reviewers WHERE login = ?", &changed, err, who,
	    (char *)NULL) != 0)
		goto fail;
	if (changed == 0) {
		lt_err(err, LT_ENOENT, "%s is not a reviewer in this findings store, so there is nothing to remove",
		    who);
		goto fail;
	}
	if (run(st, "INSERT INTO roles(login, actor, at, action)"
	    " VALUES(?, ?, ?, 'reviewer removed')", NULL, err, who, by, at, (char *)NULL) != 0)
		goto fail;
	write_commit(st, err);
	goto out;
fail:
	write_rollback(st);
out:
	free(who);
	free(by);
	return err != NULL && err->code != LT_OK ? err->code : 0;
}

/*
 * A pseudonym must not be another person's pseudonym (in any case) nor
 * the login name of anyone else the store knows, so nobody can pass for
 * someone else.
 */
int
lt_findings_set_pseudonym(lt_findings *st, const char *login, const char *pseudonym,
    lt_error *err)
{
	char *who = NULL, *name = NULL;
	sqlite3_stmt *s;
	int taken;

	lt_err_clear(err);
	if (clean_name(&who, login, "your login name", err) != 0)
		return err->code;
	if (pseudonym != NULL && clean_name(&name, pseudonym, "the pseudonym", err) != 0)
		goto out;
	if (write_begin(st, err) != 0)
		goto out;
	if (name == NULL) {
		if (run(st, "DELETE FROM people WHERE login = ?", NULL, err, who,
		    (char *)NULL) != 0)
			goto fail;
		write_commit(st, err);
		goto out;
	}
	if (prepare(st, "SELECT 1 FROM people WHERE pseudonym = ?1 AND login <> ?2"
	    " UNION ALL SELECT 1 FROM findings WHERE login = ?1 COLLATE NOCASE AND login <> ?2"
	    " UNION ALL SELECT 1 FROM history WHERE login = ?1 COLLATE NOCASE AND login <> ?2"
	    " UNION ALL SELECT 1 FROM reviewers WHERE login = ?1 COLLATE NOCASE AND login <> ?2"
	    " UNION ALL SELECT 1 FROM people WHERE login = ?1 COLLATE NOCASE AND login <> ?2"
	    " LIMIT 1", &s, err) != 0)
		goto fail;
	bind_text(s, 1, name);
	bind_text(s, 2, who);
	taken = sqlite3_step(s) == SQLITE_ROW;
	sqlite3_finalize(s);
	if (taken) {
		lt_err(err, LT_EINVAL, "the name %s is already used by someone else; choose another pseudonym",
		    name);
		goto fail;
	}
	if (run(st, "INSERT INTO people(login, pseudonym) VALUES(?, ?)"
	    " ON CONFLICT(login) DO UPDATE SET pseudonym = excluded.pseudonym", NULL, err,
	    who, name, (char *)NULL) != 0)
		goto fail;
	write_commit(st, err);
	goto out;
fail:
	write_rollback(st);
out:
	free(who);
	free(name);
	return err != NULL && err->code != LT_OK ? err->code : 0;
}

char *
lt_findings_shown_as(lt_findings *st, const char *login)
{
	sqlite3_stmt *s;
	char *name = NULL;
	lt_error err;

	if (prepare(st, "SELECT pseudonym FROM people WHERE login = ?", &s, &err) == 0) {
		bind_text(s, 1, login);
		if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0) != NULL)
			name = lt_strdup((const char *)sqlite3_column_text(s, 0));
		sqlite3_finalize(s);
	}
	return name != NULL ? name : lt_strdup(login);
}

/*
 * Checking.
 */

/* Count the rows sql selects (one integer); -1 on error. */
static long long
count_of(lt_findings *st, const char *sql)
{
	sqlite3_stmt *s;
	long long v = -1;

	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return -1;
	if (step_first(st, s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

int
lt_findings_check(lt_findings *st, lt_buf *report, lt_error *err)
{
	struct probe pr;
	sqlite3_stmt *s;
	lt_buf problems = LT_BUF_INIT;
	long long nbad, nf, nh;
	int rc, ok = 1;

	lt_err_clear(err);
	lt_buf_printf(report, "findings store: %s\n", st->path);
	if (prepare(st, "PRAGMA integrity_check", &s, err) != 0)
		return err->code;
	rc = step_first(st, s);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(s);
		return fdb_error(st, err, "checking");
	}
	if (strcmp((const char *)sqlite3_column_text(s, 0), "ok") == 0)
		lt_buf_puts(report, "database integrity: ok\n");
	else {
		lt_buf_puts(report, "database integrity: damaged\n");
		lt_buf_puts(&problems, "the database is damaged");
		ok = 0;
	}
	sqlite3_finalize(s);

	if (probe_store(st, &pr, err) != 0)
		return err->code;
	if (pr.app_id != LT_APP_ID || !pr.marked || pr.version != SCHEMA_VERSION) {
		lt_buf_printf(report, "schema: version %d, expected %d%s\n", pr.version,
		    SCHEMA_VERSION, pr.marked && pr.app_id == LT_APP_ID ? "" : ", marker missing");
		if (problems.len == 0)
			lt_buf_puts(&problems, "its schema is not the one this lantern expects");
		ok = 0;
	} else
		lt_buf_printf(report, "schema: version %d, ok\n", pr.version);

	for (size_t i = 0; i < sizeof guard_triggers / sizeof guard_triggers[0]; i++) {
		int found = 0;

		if (prepare(st, "SELECT 1 FROM sqlite_master WHERE type = 'trigger'"
		    " AND name = ?", &s, err) != 0) {
			lt_buf_free(&problems);
			return err->code;
		}
		bind_text(s, 1, guard_triggers[i]);
		found = step_first(st, s) == SQLITE_ROW;
		sqlite3_finalize(s);
		if (!found) {
			lt_buf_printf(report, "protection of the history: %s is missing\n",
			    guard_triggers[i]);
			if (problems.len == 0)
				lt_buf_puts(&problems, "the protection of its history was removed");
			ok = 0;
		}
	}

	nf = count_of(st, "SELECT count(*) FROM findings");
	nh = count_of(st, "SELECT count(*) FROM history");
	/* Each observation's state and revision must be what its history says. */
	nbad = count_of(st, "SELECT count(*) FROM findings f WHERE"
	    " f.state IS NOT (SELECT h.state FROM history h WHERE h.finding = f.id"
	    "  ORDER BY h.id DESC LIMIT 1)"
	    " OR f.revision IS NOT 1 + (SELECT count(*) FROM history h WHERE h.finding = f.id"
	    "  AND h.action = 'resubmitted')"
	    " OR 'posted' IS NOT (SELECT h.action FROM history h WHERE h.finding = f.id"
	    "  ORDER BY h.id LIMIT 1)"
	    " OR f.login IS NOT (SELECT h.login FROM history h WHERE h.finding = f.id"
	    "  ORDER BY h.id LIMIT 1)");
	if (nf < 0 || nh < 0 || nbad < 0) {
		lt_buf_free(&problems);
		return fdb_error(st, err, "checking");
	}
	nbad += count_of(st, "SELECT count(*) FROM history h WHERE NOT EXISTS"
	    " (SELECT 1 FROM findings f WHERE f.id = h.finding)");
	lt_buf_printf(report, "observations: %lld\nhistory entries: %lld\n", nf, nh);
	if (nbad > 0) {
		lt_buf_printf(report, "observations that disagree with their history: %lld\n", nbad);
		if (problems.len == 0)
			lt_buf_printf(&problems, "%lld observation%s disagree%s with the history",
			    nbad, nbad == 1 ? "" : "s", nbad == 1 ? "s" : "");
		ok = 0;
	} else
		lt_buf_puts(report, "history: every observation agrees with it\n");

	if (ok) {
		lt_buf_puts(report, "result: ok\n");
		lt_buf_free(&problems);
		return 0;
	}
	lt_buf_puts(report, "result: failed\n");
	lt_err(err, LT_EDB,
	    "the findings store %s failed its check (%s); stop using it and ask its administrator to restore it from a backup",
	    st->path, lt_buf_str(&problems));
	lt_buf_free(&problems);
	return err->code;
}
