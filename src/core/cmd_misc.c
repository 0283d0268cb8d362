/*
 * cmd_misc.c - commands about lantern itself: set, help, quit.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "session_int.h"

static const lt_coldef setting_cols[] = {
	{ "name", "Setting", LT_RC_TEXT }, { "value", "Value", LT_RC_TEXT },
	{ "help", "What it does", LT_RC_TEXT }, { NULL, NULL, 0 }
};
static const lt_coldef command_cols[] = {
	{ "command", "Command", LT_RC_TEXT }, { "summary", "What it does", LT_RC_TEXT },
	{ NULL, NULL, 0 }
};
static const lt_coldef option_cols[] = {
	{ "option", "Option", LT_RC_TEXT }, { "help", "What it does", LT_RC_TEXT },
	{ NULL, NULL, 0 }
};

static int
set_exec(lt_session *s, const lt_args *a, lt_result *r, lt_error *err)
{
	lt_table *t;
	int rc;

	if (a->argc == 2) {
		if ((rc = lt_session_set(s, a->argv[0], a->argv[1], err)) != 0) {
			err->pos = a->argpos[rc == LT_ENOENT ? 0 : 1];
			return rc;
		}
		lt_result_headline(r, "%s is now %s.", a->argv[0], a->argv[1]);
		return 0;
	}
	if (a->argc == 1 && lt_session_get(s, a->argv[0]) == NULL)
		return lt_err_at(err, LT_ENOENT, a->argpos[0],
		    "there is no setting called \"%s\"; type \"set\" to see them all", a->argv[0]);
	t = lt_result_table_with(r, "settings", NULL, setting_cols);
	for (size_t i = 0; i < lt_nsettings; i++) {
		size_t row;

		if (a->argc == 1 && strcmp(a->argv[0], lt_settings[i].name) != 0)
			continue;
		row = lt_table_row(t);
		lt_table_text(t, row, 0, lt_settings[i].name);
		lt_table_text(t, row, 1, s->values[i]);
		lt_table_text(t, row, 2, lt_settings[i].help);
	}
	lt_result_headline(r, "Change a setting with \"set NAME VALUE\".");
	return 0;
}

const lt_cmd_entry lt_cmd_set_entry = {
	.name = "set",
	.args = "[SETTING [VALUE]]",
	.summary = "show or change settings",
	.help = "With no words, lists the settings and their values. \"set format json\" "
	    "writes results as JSON; \"set digits 6\" shows more significant digits; "
	    "\"set page 50\" shows 50 rows at a time.",
	.example = "set digits 6",
	.max_args = 2,
	.complete = LT_COMPLETE_SETTING,
	.flags = LT_CMD_STATE,
	.exec = set_exec,
};

static int
help_exec(lt_session *s, const lt_args *a, lt_result *r, lt_error *err)
{
	const lt_cmd_entry *e;
	lt_table *t;
	char *usage;

	if (a->argc == 0) {
		t = lt_result_table_with(r, "commands", NULL, command_cols);
		for (size_t i = 0; i < lt_cmd_count; i++) {
			size_t row = lt_table_row(t);

			lt_table_text(t, row, 0, lt_cmd_table[i]->name);
			lt_table_text(t, row, 1, lt_cmd_table[i]->summary);
		}
		lt_result_headline(r, "Type a command and press Enter; \"help COMMAND\" tells more "
		    "about one, as in \"help filter\".");
		lt_result_note(r, "Start with \"datasets\", then \"open cohort\" and \"info\".");
		lt_result_note(r, "Every command also takes --format text, csv or json, as in "
		    "\"describe bmi --format json\".");
		return 0;
	}
	if ((e = lt_cmd_find(a->argv[0])) == NULL)
		return lt_err_at(err, LT_ENOENT, a->argpos[0],
		    "there is no command \"%s\"; type \"help\" to see them all", a->argv[0]);
	usage = lt_cmd_usage(e);
	lt_result_headline(r, "%s: %s.", e->name, e->summary);
	lt_result_fact(r, "usage", "Usage", usage);
	lt_result_fact(r, "help", "What it does", e->help);
	if (e->example != NULL)
		lt_result_fact(r, "example", "Example", e->example);
	free(usage);
	if (e->opts != NULL) {
		t = lt_result_table_with(r, "options", "Options", option_cols);
		for (size_t k = 0; e->opts[k].name != NULL; k++) {
			size_t row = lt_table_row(t);
			char *o = lt_sprintf("--%s%s%s", e->opts[k].name,
			    e->opts[k].arg ? " " : "", e->opts[k].arg ? e->opts[k].arg : "");

			lt_table_text(t, row, 0, o);
			lt_table_text(t, row, 1, e->opts[k].help);
			free(o);
		}
	}
	return 0;
}

const lt_cmd_entry lt_cmd_help_entry = {
	.name = "help",
	.alias = "?",
	.args = "[COMMAND]",
	.summary = "list the commands, or explain one",
	.help = "With no words, lists every command with a line about what it does. "
	    "\"help COMMAND\" shows how to use that command, its options and an example.",
	.example = "help describe",
	.max_args = 1,
	.complete = LT_COMPLETE_COMMAND,
	.exec = help_exec,
};

static int
quit_exec(lt_session *s, const lt_args *a, lt_result *r, lt_error *err)
{
	r->quit = 1;
	r->quiet = 1;
	return 0;
}

const lt_cmd_entry lt_cmd_quit_entry = {
	.name = "quit",
	.alias = "exit",
	.args = "",
	.summary = "leave lantern",
	.help = "Leaves the shell (Ctrl-D does the same); in a script, stops it there.",
	.max_args = 0,
	.exec = quit_exec,
};
