/*
 * cmd.h - the command table: one entry per command, in the style of tmux's
 * cmd_entry. Help, the man page's command list and tab completion are all
 * generated from it, so a command documented anywhere is documented here.
 */
#ifndef LT_CMD_H
#define LT_CMD_H

#include <stddef.h>

#include "error.h"
#include "result.h"

struct lt_session;

/* What a word stands for, for tab completion. */
enum lt_complete {
	LT_COMPLETE_NONE,
	LT_COMPLETE_DATASET,
	LT_COMPLETE_COLUMN,
	LT_COMPLETE_FILE,
	LT_COMPLETE_COMMAND,
	LT_COMPLETE_SETTING,
	LT_COMPLETE_GENERATOR,
	LT_COMPLETE_EXPR	/* a filter: columns, keywords, labels */
};

/* An option such as --name NAME (arg NULL for a flag). */
typedef struct lt_opt_spec {
	const char *name;
	const char *arg;	/* metavariable, or NULL for a flag */
	int complete;		/* enum lt_complete for its value */
	int repeat;		/* may be given more than once */
	const char *help;
} lt_opt_spec;

#define LT_CMD_NEEDS_DATASET	0x1	/* runs on the open dataset */
#define LT_CMD_RAW		0x2	/* takes the rest of the line as one text */
#define LT_CMD_WRITES		0x4	/* changes the catalog */
#define LT_CMD_STATE		0x8	/* changes what is being looked at (the
					   dataset, filter, sort or settings): a
					   screen says the headline and redraws */

/* The parsed words of one command. */
typedef struct lt_args {
	size_t argc;
	char **argv;		/* positional arguments */
	int *argpos;		/* their byte offsets in the command text */
	char ***optv;		/* per option of the entry: its values, NULL-terminated */
	size_t nopts;
	const char *raw;	/* LT_CMD_RAW: the text after the command name */
	int rawpos;		/* its byte offset in the command text */
	int format;		/* --format, or -1 */
} lt_args;

typedef struct lt_cmd_entry {
	const char *name;
	const char *alias;	/* may be NULL */
	const char *args;	/* "COLUMN..." for usage lines */
	const char *summary;	/* one line, lower-case, no period */
	const char *help;	/* a paragraph for "help NAME" and the man page */
	const char *example;	/* one example command, or NULL */
	int min_args;
	int max_args;		/* -1: any number */
	int complete;		/* enum lt_complete for positional arguments */
	int flags;		/* LT_CMD_* */
	const lt_opt_spec *opts;	/* terminated by a zeroed entry, or NULL */
	int (*exec)(struct lt_session *s, const lt_args *a, lt_result *r, lt_error *err);
} lt_cmd_entry;

extern const lt_cmd_entry *const lt_cmd_table[];
extern const size_t lt_cmd_count;

/* The command called name (or its alias, or a unique prefix), or NULL. */
const lt_cmd_entry *lt_cmd_find(const char *name);
/* The first value of option name, or NULL. */
const char *lt_args_opt(const lt_cmd_entry *e, const lt_args *a, const char *name);
/* All values of option name (NULL-terminated; NULL when absent). */
char *const *lt_args_optv(const lt_cmd_entry *e, const lt_args *a, const char *name);
/* The usage line: "describe [COLUMN...] [--format FMT]". */
char *lt_cmd_usage(const lt_cmd_entry *e);
/* The man page's COMMANDS section, in roff, from the table. */
char *lt_cmd_roff(void);

/* One command as split from a line of text. */
typedef struct lt_words {
	size_t n;
	char **w;		/* unquoted words */
	int *pos;		/* byte offset of each word in the text */
	int *quoted;
	int start, end;		/* the command's span in the text */
} lt_words;

/*
 * Split the next command off text at *off: words separated by blanks,
 * "double" or 'single' quotes, commands ending at ";" or a newline, "#"
 * starting a comment. Returns 1 with *w filled, 0 when no command is left,
 * or LT_EINVAL (negative: -LT_EINVAL) on an unclosed quote.
 */
int lt_words_next(const char *text, size_t *off, lt_words *w, lt_error *err);
void lt_words_clear(lt_words *w);

#endif
