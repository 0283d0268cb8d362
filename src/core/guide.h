/*
 * guide.h - guided explorations: pick the analysis for people who do not
 * know the names of statistical tests.
 *
 * The person says what they want to find out (a goal) and which columns
 * it is about. lt_guide_choose, which is pure (no session, no I/O), picks
 * the lantern commands to run from the columns' types, group sizes and
 * distributions, and says why in plain sentences for the method layer.
 * The "guide" command (cmd_guide.c) reads those facts from the session,
 * runs the commands and hands back one result.
 *
 * The wizard (lt_guide_wizard) asks the questions that build a "guide"
 * command, for the shell and the TUI to show as numbered lists.
 */
#ifndef LT_GUIDE_H
#define LT_GUIDE_H

#include <stddef.h>

#include "error.h"
#include "result.h"

struct lt_dataset;

/* What the person wants to find out. */
enum lt_guide_goal {
	LT_GOAL_DESCRIBE,	/* describe one thing */
	LT_GOAL_COMPARE,	/* compare groups */
	LT_GOAL_LINK,		/* is there a link between two things */
	LT_GOAL_TIME,		/* how does something change over time */
	LT_GOAL_PREDICT,	/* predict an outcome */
	LT_GOAL_COUNT
};

/* The goal's word in a "guide" command ("describe"), and its question. */
const char *lt_guide_goal_name(int goal);
const char *lt_guide_goal_title(int goal);
/* The goal called name (or a unique prefix), or -1. */
int lt_guide_goal_parse(const char *name);

/* What kind of thing a column holds, as the guide sees it. */
enum lt_guide_kind {
	LT_GK_NUMBER,		/* a measurement or a count */
	LT_GK_CATEGORY,		/* groups: three or more values */
	LT_GK_YESNO,		/* exactly two values */
	LT_GK_DATE,
	LT_GK_TEXT		/* free text or names: not analysed */
};

/* Groups smaller than this are "small", and a skewness this large
   (either way) is "lopsided": the same rules "compare" uses. */
#define LT_GUIDE_SMALL	30
#define LT_GUIDE_SKEW	1.0
/* The most groups a comparison takes. */
#define LT_GUIDE_MAX_GROUPS	20
/* Columns a guide command takes, at most. */
#define LT_GUIDE_MAXVARS	8
/*
 * The most different values a time line follows one by one (lantern's
 * limit on groups). A time column with more has levels set to one more.
 */
#define LT_GUIDE_MAX_TIMES	50

/* One column, with the facts the choice reads. */
typedef struct lt_guide_var {
	const char *name;
	int kind;		/* enum lt_guide_kind */
	size_t levels;		/* categories: values present; the time column
				   of "time": its different values (more than
				   LT_GUIDE_MAX_TIMES: LT_GUIDE_MAX_TIMES + 1);
				   0: unknown */
	double n;		/* people with a value (NaN: unknown) */
	double skew;		/* numbers: skewness (NaN: unknown) */
	double events;		/* yes/no: people with the second value */
	int count;		/* numbers: 1 when it counts things (deaths,
				   people) that add up; 0: a measurement, whose
				   average is the summary */
} lt_guide_var;

/*
 * What the choice reads. The columns come in the order of the command:
 *   describe  COLUMN [per POPULATION]
 *   compare   COLUMN by GROUP [per POPULATION: COLUMN counts events]
 *   link      COLUMN COLUMN
 *   time      DATE, or COLUMN over DATE [per POPULATION]
 *   predict   OUTCOME from COLUMN...
 * The pair facts describe the first two columns together.
 */
typedef struct lt_guide_in {
	int goal;		/* enum lt_guide_goal */
	lt_guide_var v[LT_GUIDE_MAXVARS];
	size_t nv;
	const char *per;	/* the population column of a rate, or NULL */
	/* a number and a category: the number within the groups */
	double group_min;	/* people in the smallest group (NaN: unknown) */
	double group_skew;	/* the largest |skewness| in a group (NaN: unknown) */
	/* two categories */
	int small_expected;	/* 1: some expected counts are small (Cochran) */
} lt_guide_in;

/* The choice: commands to run and why. */
typedef struct lt_guide_plan {
	char *analysis;		/* the command that answers: "compare sbp by sex" */
	char *chart;		/* a command that draws it, or NULL */
	int line_of_means;	/* 1: the analysis is "describe Y by X", and the
				   guide draws its averages as a line */
	char *what;		/* the method in words: "a comparison of two groups" */
	lt_strv why;		/* sentences for the method layer */
} lt_guide_plan;

/*
 * Choose the analysis for in. Returns 0 with *out filled (free with
 * lt_guide_plan_clear), or LT_EINVAL with a sentence saying what to pick
 * instead (err->pos is -1; cmd_guide.c points it at the column).
 * err->pos holds the index of the column at fault in in->v, or -1.
 */
int lt_guide_choose(const lt_guide_in *in, lt_guide_plan *out, lt_error *err);
void lt_guide_plan_clear(lt_guide_plan *p);

/*
 * The kind of column v of dataset d, from its type and labelled values
 * alone: a number, a category (LT_GK_YESNO when it has two labelled
 * values), a date or text. Numbers holding only 0 and 1 are yes/no too,
 * but only the data can say so (cmd_guide.c looks).
 */
int lt_guide_kind_of(const struct lt_dataset *d, size_t var);

/* ------------------------------------------------------------ the wizard */

typedef struct lt_guide_wizard lt_guide_wizard;

/* One question of the wizard, as the front ends show it. */
typedef struct lt_guide_question {
	const char *text;	/* "What do you want to find out?" */
	const char *const *choices;	/* NULL-terminated, numbered from 1 */
	size_t nchoices;
	int can_skip;		/* 1: the answer may be "none" (0 in the shell) */
	const char *skip;	/* what "none" means: "no more columns" */
} lt_guide_question;

/* A wizard for the open dataset d (which it reads, never keeps). */
lt_guide_wizard *lt_guide_wizard_new(const struct lt_dataset *d);
/*
 * How the wizard learns how many different values column var has
 * (*values; more than LT_GUIDE_MAX_TIMES: LT_GUIDE_MAX_TIMES + 1) and how
 * many rows have a value (*rows). Returns 0, or -1 when it cannot say.
 * Without one, the wizard offers as time columns only dates and numbers
 * named like time (year, month, ...).
 */
typedef int (*lt_guide_values_fn)(void *arg, size_t var, size_t *values, size_t *rows);
void lt_guide_wizard_set_values(lt_guide_wizard *w, lt_guide_values_fn fn, void *arg);
/*
 * A wizard for the session's open dataset that asks it how many values a
 * column has, under the filter (cmd_guide.c). s must outlive the wizard.
 */
struct lt_session;
lt_guide_wizard *lt_guide_wizard_session(struct lt_session *s);
void lt_guide_wizard_free(lt_guide_wizard *w);
/*
 * The question to ask now, or NULL when the wizard is done (then
 * lt_guide_wizard_command gives the command). Valid until the next answer.
 */
const lt_guide_question *lt_guide_wizard_question(lt_guide_wizard *w);
/*
 * Answer the current question with choice i (0-based), or with -1 for
 * "none" where can_skip allows it. Returns 0, or LT_EINVAL when the answer
 * is not one of the choices (the question stays).
 */
int lt_guide_wizard_answer(lt_guide_wizard *w, int i, lt_error *err);
/* The "guide ..." command the answers make, or NULL while not done. */
const char *lt_guide_wizard_command(const lt_guide_wizard *w);

#endif
