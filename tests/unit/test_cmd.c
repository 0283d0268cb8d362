/*
 * test_cmd.c - unit tests for the command table, command lookup, the
 * splitting of command text into words, usage lines and the man page text.
 */
#include "config.h"

#include "test_common.h"

#include <ctype.h>
#include <strings.h>

#include "cmd.h"

/* Split text completely; returns the number of commands or the error. */
typedef struct split {
	size_t n;
	lt_words cmds[8];
} split;

static int
split_all(const char *text, split *sp, lt_error *err)
{
	size_t off = 0;
	int r;

	memset(sp, 0, sizeof *sp);
	while ((r = lt_words_next(text, &off, &sp->cmds[sp->n], err)) == 1) {
		assert_true(sp->n < 7);
		sp->n++;
	}
	if (r < 0)
		return r;
	assert_int_equal(off, strlen(text));
	return (int)sp->n;
}

static void
split_free(split *sp)
{
	for (size_t i = 0; i < sp->n; i++)
		lt_words_clear(&sp->cmds[i]);
}

/* ------------------------------------------------------------ lexer */

static void
test_words_simple(void **state)
{
	const char *text = "  \topen  cohort  ";
	split sp;
	lt_error err;
	lt_words *w = &sp.cmds[0];

	(void)state;
	assert_int_equal(split_all(text, &sp, &err), 1);
	assert_int_equal(w->n, 2);
	assert_string_equal(w->w[0], "open");
	assert_string_equal(w->w[1], "cohort");
	assert_int_equal(w->pos[0], 3);
	assert_int_equal(w->pos[1], 9);
	assert_int_equal(w->quoted[0], 0);
	assert_int_equal(w->start, 3);
	assert_int_equal(w->end, 15);
	split_free(&sp);
}

static void
test_words_quotes(void **state)
{
	const char *text = "filter name = \"a b;c\" x='it\\s' \"say \\\"hi\\\" \\\\ now\" ab\"cd\"ef \"\"";
	split sp;
	lt_error err;
	lt_words *w = &sp.cmds[0];

	(void)state;
	assert_int_equal(split_all(text, &sp, &err), 1);
	assert_int_equal(w->n, 8);
	assert_string_equal(w->w[3], "a b;c");
	assert_int_equal(w->quoted[3], 1);
	assert_int_equal(w->pos[3], 14);
	assert_int_equal(text[w->pos[3]], '"');
	assert_string_equal(w->w[4], "x=it\\s");	/* no escapes in single quotes */
	assert_int_equal(w->quoted[4], 1);
	assert_string_equal(w->w[5], "say \"hi\" \\ now");
	assert_string_equal(w->w[6], "abcdef");
	assert_int_equal(w->quoted[6], 1);
	assert_string_equal(w->w[7], "");
	assert_int_equal(w->quoted[7], 1);
	assert_int_equal(w->quoted[0], 0);
	assert_int_equal(w->quoted[2], 0);
	assert_int_equal(w->end, (int)strlen(text));
	split_free(&sp);

	/* A backslash outside quotes, or before another letter, is kept. */
	assert_int_equal(split_all("a\\b \"c\\d\"", &sp, &err), 1);
	assert_string_equal(sp.cmds[0].w[0], "a\\b");
	assert_string_equal(sp.cmds[0].w[1], "c\\d");
	split_free(&sp);
}

static void
test_words_commands(void **state)
{
	const char *text = "open cohort; describe bmi\n\n  show 1 3 ;;\r\nfilter x = \"1;2\"";
	split sp;
	lt_error err;

	(void)state;
	assert_int_equal(split_all(text, &sp, &err), 4);
	assert_int_equal(sp.cmds[0].n, 2);
	assert_int_equal(sp.cmds[0].start, 0);
	assert_int_equal(sp.cmds[0].end, 11);
	assert_string_equal(sp.cmds[1].w[0], "describe");
	assert_int_equal(sp.cmds[1].start, 13);
	assert_int_equal(sp.cmds[1].pos[1], 22);
	assert_int_equal(sp.cmds[1].end, 25);
	assert_int_equal(sp.cmds[2].n, 3);
	assert_string_equal(sp.cmds[2].w[2], "3");
	assert_int_equal(sp.cmds[2].start, 29);
	assert_int_equal(sp.cmds[2].end, 37);
	assert_int_equal(sp.cmds[3].n, 4);
	assert_string_equal(sp.cmds[3].w[3], "1;2");
	split_free(&sp);

	assert_int_equal(split_all("", &sp, &err), 0);
	assert_int_equal(split_all(" ;; \n\t\n ; ", &sp, &err), 0);
}

static void
test_words_comments(void **state)
{
	const char *text = "# a script\n  # indented comment\nshow 1 # the first row; not a command\n"
	    "filter a#b   # tag\n#last";
	split sp;
	lt_error err;

	(void)state;
	assert_int_equal(split_all(text, &sp, &err), 2);
	assert_int_equal(sp.cmds[0].n, 2);
	assert_string_equal(sp.cmds[0].w[1], "1");
	/* The span stops at the last word, not at the comment. */
	assert_int_equal(sp.cmds[0].end - sp.cmds[0].start, 6);
	assert_memory_equal(text + sp.cmds[0].start, "show 1", 6);
	assert_int_equal(sp.cmds[1].n, 2);
	assert_string_equal(sp.cmds[1].w[1], "a#b");	/* # inside a word is a letter */
	assert_memory_equal(text + sp.cmds[1].start, "filter a#b",
	    (size_t)(sp.cmds[1].end - sp.cmds[1].start));
	assert_int_equal(sp.cmds[1].end - sp.cmds[1].start, 10);
	split_free(&sp);

	assert_int_equal(split_all("# nothing but a comment", &sp, &err), 0);
}

static void
test_words_unclosed(void **state)
{
	split sp;
	lt_error err;

	(void)state;
	lt_err_clear(&err);
	assert_int_equal(split_all("show 1; filter name = \"Ann", &sp, &err), -LT_EINVAL);
	assert_int_equal(err.code, LT_EINVAL);
	assert_int_equal(err.pos, 22);
	assert_true(tc_contains(err.msg, "never closed"));
	assert_true(tc_contains(err.msg, "double quote"));
	split_free(&sp);	/* the first command was split fine */

	assert_int_equal(split_all("set x 'abc", &sp, &err), -LT_EINVAL);
	assert_int_equal(err.pos, 6);
	assert_true(tc_contains(err.msg, "single quote"));
	/* A quote does not end at a newline: the whole rest is quoted. */
	assert_int_equal(split_all("a \"b\nc", &sp, &err), -LT_EINVAL);
	assert_int_equal(err.pos, 2);
}

/* ------------------------------------------------------------ table */

static void
test_table_entries(void **state)
{
	(void)state;
	assert_true(lt_cmd_count >= 10);
	for (size_t i = 0; i < lt_cmd_count; i++) {
		const lt_cmd_entry *e = lt_cmd_table[i];
		char *usage;

		assert_non_null(e);
		assert_non_null(e->name);
		assert_true(e->name[0] != '\0');
		for (const char *p = e->name; *p != '\0'; p++)
			assert_true(islower((unsigned char)*p) || *p == '-');
		assert_non_null(e->summary);
		assert_true(strlen(e->summary) > 5);
		assert_true(islower((unsigned char)e->summary[0]));
		assert_true(e->summary[strlen(e->summary) - 1] != '.');
		assert_non_null(e->help);
		assert_true(strlen(e->help) > strlen(e->summary));
		assert_non_null(e->args);
		assert_non_null(e->exec);
		assert_true(e->min_args >= 0);
		assert_true(e->max_args == -1 || e->max_args >= e->min_args);
		assert_ptr_equal(lt_cmd_find(e->name), e);
		if (e->alias != NULL)
			assert_ptr_equal(lt_cmd_find(e->alias), e);
		for (size_t k = 0; e->opts != NULL && e->opts[k].name != NULL; k++) {
			assert_non_null(e->opts[k].help);
			assert_true(strcmp(e->opts[k].name, "format") != 0);
			for (size_t j = 0; j < k; j++)
				assert_string_not_equal(e->opts[j].name, e->opts[k].name);
		}
		usage = lt_cmd_usage(e);
		assert_non_null(usage);
		assert_memory_equal(usage, e->name, strlen(e->name));
		assert_true(usage[strlen(e->name)] == '\0' || usage[strlen(e->name)] == ' ');
		free(usage);
		/* Names and aliases are unique across the table. */
		for (size_t j = 0; j < i; j++) {
			const lt_cmd_entry *o = lt_cmd_table[j];

			assert_true(strcasecmp(o->name, e->name) != 0);
			if (e->alias != NULL) {
				assert_true(strcasecmp(o->name, e->alias) != 0);
				assert_true(o->alias == NULL || strcasecmp(o->alias, e->alias) != 0);
			}
			if (o->alias != NULL)
				assert_true(strcasecmp(o->alias, e->name) != 0);
		}
	}
}

static void
test_find(void **state)
{
	const lt_cmd_entry *describe = lt_cmd_find("describe");

	(void)state;
	assert_non_null(describe);
	assert_string_equal(describe->name, "describe");
	assert_ptr_equal(lt_cmd_find("DESCRIBE"), describe);
	assert_ptr_equal(lt_cmd_find("Desc"), describe);
	assert_ptr_equal(lt_cmd_find("de"), describe);
	assert_string_equal(lt_cmd_find("exit")->name, "quit");
	assert_string_equal(lt_cmd_find("EXIT")->name, "quit");
	assert_string_equal(lt_cmd_find("?")->name, "help");
	assert_string_equal(lt_cmd_find("sh")->name, "show");
	assert_string_equal(lt_cmd_find("so")->name, "sort");
	/* Ambiguous: datasets, describe, drop; show, sort, set. */
	assert_null(lt_cmd_find("d"));
	assert_null(lt_cmd_find("s"));
	/* One letter is never enough, even when only one command starts so. */
	assert_null(lt_cmd_find("q"));
	assert_null(lt_cmd_find(""));
	assert_null(lt_cmd_find("describes"));
	assert_null(lt_cmd_find("nonsense"));
	assert_null(lt_cmd_find("ex"));	/* prefixes of aliases do not count */

	/*
	 * Every prefix of two or more letters: a unique one finds its command,
	 * a shared one finds nothing, and commands that change the catalog
	 * (import, drop) are found only by their full names.
	 */
	for (size_t i = 0; i < lt_cmd_count; i++) {
		const char *name = lt_cmd_table[i]->name;

		for (size_t len = 2; len <= strlen(name); len++) {
			char *pre = lt_strndup(name, len);
			const lt_cmd_entry *exact = NULL, *only = NULL;
			size_t starts = 0;

			for (size_t j = 0; j < lt_cmd_count; j++) {
				if (strncmp(lt_cmd_table[j]->name, pre, len) == 0 &&
				    !(lt_cmd_table[j]->flags & LT_CMD_WRITES)) {
					starts++;
					only = lt_cmd_table[j];
				}
				if (strcmp(lt_cmd_table[j]->name, pre) == 0)
					exact = lt_cmd_table[j];
			}
			if (exact != NULL)
				assert_ptr_equal(lt_cmd_find(pre), exact);
			else if (starts == 1)
				assert_ptr_equal(lt_cmd_find(pre), only);
			else
				assert_null(lt_cmd_find(pre));
			free(pre);
		}
	}
	assert_null(lt_cmd_find("dro"));
	assert_null(lt_cmd_find("impor"));
}

static void
test_usage(void **state)
{
	char *u;

	(void)state;
	u = lt_cmd_usage(lt_cmd_find("datasets"));
	assert_string_equal(u, "datasets");
	free(u);
	u = lt_cmd_usage(lt_cmd_find("describe"));
	assert_string_equal(u, "describe [COLUMN...]");
	free(u);
	u = lt_cmd_usage(lt_cmd_find("import"));
	assert_string_equal(u, "import FILE [--name NAME] [--meta FILE] [--delimiter CHAR] "
	    "[--drop COLUMN]... [--profile PROFILE] [--replace]");
	free(u);
}

static void
test_args_opt(void **state)
{
	const lt_cmd_entry *e = lt_cmd_find("import");
	char *name[] = { "survey", NULL }, *drop[] = { "a", "b", NULL };
	char **optv[7] = { name, NULL, NULL, drop, NULL, NULL, NULL };
	lt_args a;

	(void)state;
	memset(&a, 0, sizeof a);
	a.optv = optv;
	a.nopts = 6;
	assert_string_equal(e->opts[0].name, "name");
	assert_string_equal(e->opts[3].name, "drop");
	assert_string_equal(lt_args_opt(e, &a, "name"), "survey");
	assert_null(lt_args_opt(e, &a, "meta"));
	assert_null(lt_args_opt(e, &a, "nonsense"));
	assert_ptr_equal(lt_args_optv(e, &a, "drop"), drop);
	assert_string_equal(lt_args_opt(e, &a, "drop"), "a");
	assert_null(lt_args_optv(lt_cmd_find("quit"), &a, "name"));
}

/* s as roff writes it: - as \-, \ as \e, and " as \(dq when macro. */
static char *
roff_escape(const char *s, int macro)
{
	lt_buf b = LT_BUF_INIT;

	for (; *s != '\0'; s++) {
		if (*s == '-')
			lt_buf_puts(&b, "\\-");
		else if (*s == '\\')
			lt_buf_puts(&b, "\\e");
		else if (*s == '"' && macro)
			lt_buf_puts(&b, "\\(dq");
		else
			lt_buf_putc(&b, *s);
	}
	return lt_buf_take(&b);
}

static void
test_roff(void **state)
{
	char *roff = lt_cmd_roff(), *line, *save = NULL, *copy, *flat;

	(void)state;
	assert_non_null(roff);
	/* Help text is broken into one sentence per line; compare it flattened. */
	flat = lt_strdup(roff);
	for (char *p = flat; *p != '\0'; p++)
		if (*p == '\n')
			*p = ' ';
	for (size_t i = 0; i < lt_cmd_count; i++) {
		const lt_cmd_entry *e = lt_cmd_table[i];
		char *u = lt_cmd_usage(e), *want = roff_escape(u, 1);
		char *bold = lt_sprintf(".B %s\n", want), *help = roff_escape(e->help, 0);

		assert_true(tc_contains(roff, bold));
		assert_true(tc_contains(flat, help));
		if (e->example != NULL) {
			char *ex = roff_escape(e->example, 1);

			assert_true(tc_contains(roff, ex));
			free(ex);
		}
		for (size_t k = 0; e->opts != NULL && e->opts[k].name != NULL; k++) {
			char *o = roff_escape(e->opts[k].name, 1);
			char *opt = e->opts[k].arg != NULL ?
			    lt_sprintf(".BI \"\\-\\-%s \" ", o) : lt_sprintf(".B \\-\\-%s\n", o);

			assert_true(tc_contains(roff, opt));
			free(opt);
			free(o);
		}
		free(help);
		free(bold);
		free(want);
		free(u);
	}
	/* Every hyphen is escaped, so man never breaks or mangles options. */
	for (const char *p = roff; *p != '\0'; p++)
		if (*p == '-')
			assert_true(p > roff && p[-1] == '\\');
	/* Lines that start with a dot are requests lantern means to make. */
	copy = lt_strdup(roff);
	for (line = strtok_r(copy, "\n", &save); line != NULL; line = strtok_r(NULL, "\n", &save)) {
		if (line[0] != '.' && line[0] != '\'')
			continue;
		assert_true(strcmp(line, ".TP") == 0 || strcmp(line, ".RS") == 0 ||
		    strcmp(line, ".RE") == 0 || strncmp(line, ".B ", 3) == 0 ||
		    strncmp(line, ".BR ", 4) == 0 || strncmp(line, ".BI ", 4) == 0 ||
	    strncmp(line, ".I ", 3) == 0);
		/* No bare double quote may end a macro argument early. */
		if (strncmp(line, ".B ", 3) == 0 && strstr(line, " \" \"") == NULL)
			assert_null(strchr(line, '"'));
	}
	free(copy);
	free(roff);
	free(flat);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words_simple),
		cmocka_unit_test(test_words_quotes),
		cmocka_unit_test(test_words_commands),
		cmocka_unit_test(test_words_comments),
		cmocka_unit_test(test_words_unclosed),
		cmocka_unit_test(test_table_entries),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_usage),
		cmocka_unit_test(test_args_opt),
		cmocka_unit_test(test_roff),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
