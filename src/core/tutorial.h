/*
 * tutorial.h - interactive tutorials: a lesson file (YAML, read with
 * libyaml; the format is lantern-tutorial(5)), and an engine that follows
 * a learner through its steps and checks what they actually did in the
 * session, not what they typed.
 *
 * A tutorial has a title, an audience, the minutes it takes, the dataset
 * it uses, and steps of five kinds:
 *   say     text to read (simple emphasis: *words* and `commands`);
 *   do      a task in the real workbench, checked by predicates on what
 *           happened (below); hints that cycle; "show" performs it;
 *   ask     a question: multiple choice, a number with a tolerance, or a
 *           free-text reflection that is kept;
 *   finish  a short summary of what was learned, which can be saved.
 *
 * Predicates of a "do" step (all listed must hold; "any" holds when one
 * of its list does). "Ran since the step began" means a command that
 * worked, run after the step was shown:
 *   dataset: NAME                the open dataset is NAME
 *   filter: EXPR                 the active filter selects exactly the rows
 *                                EXPR selects ("age > 64" passes for
 *                                "age >= 65"); "filter: off" - no filter
 *   sort: COLUMN [desc|asc]      the rows are sorted so
 *   ran: COMMAND [COLUMN...]     a COMMAND (its name, or "plot hist" and
 *                                the like) ran since the step began on
 *                                these columns, in any order
 *   result: COMMAND [COLUMN...]  the same, and it is the last result (on
 *                                screen now)
 *   posted: true                 an observation was posted since
 *   any: [PREDICATE, ...]        one of these holds
 *
 * The engine keeps a learner's progress (step reached, answers,
 * reflections) per user in the catalog's database, so a tutorial resumes
 * where it was left; restart and skip are allowed.
 */
#ifndef LT_TUTORIAL_H
#define LT_TUTORIAL_H

#include <stddef.h>

#include "buf.h"
#include "error.h"

struct lt_session;

typedef struct lt_tutorial lt_tutorial;

enum lt_step_kind { LT_STEP_SAY, LT_STEP_DO, LT_STEP_ASK, LT_STEP_FINISH };
enum lt_ask_kind { LT_ASK_CHOICE, LT_ASK_NUMBER, LT_ASK_REFLECT };

/* One step, as the front ends show it. Owned by its tutorial. */
typedef struct lt_step {
	int kind;		/* enum lt_step_kind */
	int line;		/* where it starts in the file */
	const char *text;	/* say/finish: the text; do: the task; ask: the question */
	const char *const *hints;	/* NULL-terminated; may be empty */
	const char *show;	/* do: the commands "show me" runs (one per line) */
	int ask;		/* ask: enum lt_ask_kind */
	const char *const *choices;	/* ask choice: NULL-terminated */
	const char *answer;	/* ask choice: the right choice; number: as text */
	double number, tolerance;	/* ask number */
	const char *praise;	/* said when the step is done; may be NULL */
} lt_step;

/*
 * Load and check a tutorial. Errors say the file and line ("intro.yaml:12:
 * a "do" step needs a "check"") in err. Every problem is found, not only
 * the first: all of them are appended to problems (one per line) when it
 * is not NULL, and err has the first.
 */
lt_tutorial *lt_tutorial_load(const char *path, lt_buf *problems, lt_error *err);
void lt_tutorial_free(lt_tutorial *t);

const char *lt_tutorial_name(const lt_tutorial *t);	/* the file's base name, no .yaml */
const char *lt_tutorial_title(const lt_tutorial *t);
const char *lt_tutorial_audience(const lt_tutorial *t);
int lt_tutorial_minutes(const lt_tutorial *t);
const char *lt_tutorial_dataset(const lt_tutorial *t);
size_t lt_tutorial_nsteps(const lt_tutorial *t);
const lt_step *lt_tutorial_step(const lt_tutorial *t, size_t i);

/*
 * Following a tutorial in a session. lt_tutor_begin_step marks where the
 * session's command log stands, so "ran" and "posted" only count what the
 * learner did from then on.
 */
typedef struct lt_tutor lt_tutor;

lt_tutor *lt_tutor_new(struct lt_session *s, lt_tutorial *t);	/* takes t */
void lt_tutor_free(lt_tutor *tu);
const lt_tutorial *lt_tutor_tutorial(const lt_tutor *tu);
size_t lt_tutor_current(const lt_tutor *tu);	/* the step shown now */
void lt_tutor_begin_step(lt_tutor *tu);

/*
 * Whether the current "do" step's checks hold now (1) or not (0); a say
 * step is always done. For a front end to call after every command.
 */
int lt_tutor_done(lt_tutor *tu);

/*
 * Answer the current "ask" step. Returns 1 when right (or, for a
 * reflection, when not empty; it is kept), 0 when not, with a sentence in
 * *feedback (caller frees) either way.
 */
int lt_tutor_answer(lt_tutor *tu, const char *answer, char **feedback);

/* The next hint of the current step, cycling; NULL when it has none. */
const char *lt_tutor_hint(lt_tutor *tu);

/* "Show me": run the current do step's commands in the session. */
int lt_tutor_show(lt_tutor *tu, struct lt_session *s, lt_error *err);

/* Go to the next step (after done, or to skip); 0 at the end. */
int lt_tutor_next(lt_tutor *tu);
void lt_tutor_restart(lt_tutor *tu);

/* Progress, per user, in the session's catalog: save and resume. */
int lt_tutor_save(lt_tutor *tu, lt_error *err);
int lt_tutor_resume(lt_tutor *tu, lt_error *err);	/* to the saved step, if any */

/* The learner's reflections and answers so far, as text (the finish summary). */
void lt_tutor_summary(const lt_tutor *tu, lt_buf *out);

/*
 * The tutorials installed: *.yaml in dir (the bundled ones are in
 * LT_PKGDATADIR/tutorials, or $LANTERN_TUTORIALS). Paths, sorted by name,
 * NULL-terminated; caller frees with lt_strv_free.
 */
char **lt_tutorial_list(const char *dir);

#endif
