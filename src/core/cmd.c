/*
 * cmd.c - the command table, splitting command text into words, and the
 * text generated from the table (usage lines, the man page's list).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "cmd.h"

extern const lt_cmd_entry lt_cmd_open_entry, lt_cmd_datasets_entry,
    lt_cmd_info_entry, lt_cmd_describe_entry, lt_cmd_show_entry,
    lt_cmd_filter_entry, lt_cmd_sort_entry, lt_cmd_import_entry,
    lt_cmd_drop_entry, lt_cmd_generate_entry, lt_cmd_set_entry,
    lt_cmd_help_entry, lt_cmd_quit_entry, lt_cmd_compare_entry,
    lt_cmd_correlate_entry, lt_cmd_regress_entry, lt_cmd_freq_entry,
    lt_cmd_crosstab_entry, lt_cmd_rate_entry, lt_cmd_plot_entry,
    lt_cmd_privacy_entry, lt_cmd_post_entry, lt_cmd_findings_entry;
extern const lt_cmd_entry lt_cmd_tutorial_entry;

extern const lt_cmd_entry lt_cmd_guide_entry;

/* In the order "help" lists them: finding data, looking at it, the rest. */
const lt_cmd_entry *const lt_cmd_table[] = {
	&lt_cmd_datasets_entry,
	&lt_cmd_open_entry,
	&lt_cmd_info_entry,
	&lt_cmd_privacy_entry,
	&lt_cmd_show_entry,
	&lt_cmd_filter_entry,
	&lt_cmd_sort_entry,
	&lt_cmd_describe_entry,
	&lt_cmd_freq_entry,
	&lt_cmd_crosstab_entry,
	&lt_cmd_compare_entry,
	&lt_cmd_correlate_entry,
	&lt_cmd_regress_entry,
	&lt_cmd_rate_entry,
	&lt_cmd_plot_entry,
	&lt_cmd_guide_entry,
	&lt_cmd_import_entry,
	&lt_cmd_drop_entry,
	&lt_cmd_generate_entry,
	&lt_cmd_post_entry,
	&lt_cmd_findings_entry,
	&lt_cmd_tutorial_entry,
	&lt_cmd_set_entry,
	&lt_cmd_help_entry,
	&lt_cmd_quit_entry,
};
const size_t lt_cmd_count = sizeof lt_cmd_table / sizeof lt_cmd_table[0];

const lt_cmd_entry *
lt_cmd_find(const char *name)
{
	const lt_cmd_entry *found = NULL;
	size_t n = strlen(name), matches = 0;

	for (size_t i = 0; i < lt_cmd_count; i++) {
		const lt_cmd_entry *e = lt_cmd_table[i];

		if (strcasecmp(e->name, name) == 0 ||
		    (e->alias != NULL && strcasecmp(e->alias, name) == 0))
			return e;
	}
	if (n < 2)
		return NULL;
	for (size_t i = 0; i < lt_cmd_count; i++)
		/* Commands that change the catalog run only by their full name. */
		if (!(lt_cmd_table[i]->flags & LT_CMD_WRITES) &&
		    strncasecmp(lt_cmd_table[i]->name, name, n) == 0) {
			found = lt_cmd_table[i];
			matches++;
		}
	return matches == 1 ? found : NULL;
}

static size_t
opt_index(const lt_cmd_entry *e, const char *name)
{
	size_t k;

	for (k = 0; e->opts != NULL && e->opts[k].name != NULL; k++)
		if (strcmp(e->opts[k].name, name) == 0)
			return k;
	return (size_t)-1;
}

char *const *
lt_args_optv(const lt_cmd_entry *e, const lt_args *a, const char *name)
{
	size_t k = opt_index(e, name);

	return k < a->nopts ? a->optv[k] : NULL;
}

const char *
lt_args_opt(const lt_cmd_entry *e, const lt_args *a, const char *name)
{
	char *const *v = lt_args_optv(e, a, name);

	return v != NULL ? v[0] : NULL;
}

char *
lt_cmd_usage(const lt_cmd_entry *e)
{
	lt_buf b = LT_BUF_INIT;

	lt_buf_puts(&b, e->name);
	if (e->args != NULL && *e->args != '\0')
		lt_buf_printf(&b, " %s", e->args);
	for (size_t k = 0; e->opts != NULL && e->opts[k].name != NULL; k++) {
		const lt_opt_spec *o = &e->opts[k];

		lt_buf_printf(&b, " [--%s%s%s]%s", o->name, o->arg ? " " : "",
		    o->arg ? o->arg : "", o->repeat ? "..." : "");
	}
	return lt_buf_take(&b);
}

/*
 * Append s with roff's special characters escaped. In the arguments of a
 * macro (macro non-zero) a double quote would end the argument, so it is
 * written as \(dq.
 */
static void
roff_puts(lt_buf *b, const char *s, int macro)
{
	const char *start = s;

	if (*s == '.' || *s == '\'')
		lt_buf_puts(b, "\\&");
	for (; *s != '\0'; s++) {
		if (*s == '\\')
			lt_buf_puts(b, "\\e");
		else if (*s == '-')
			lt_buf_puts(b, "\\-");
		else if (*s == '"' && macro)
			lt_buf_puts(b, "\\(dq");
		else if (!macro && s[0] == ' ' && s > start && s[-1] == '.' &&
		    s[1] >= 'A' && s[1] <= 'Z')
			lt_buf_putc(b, '\n');	/* roff wants each sentence on its own line */
		else
			lt_buf_putc(b, *s);
	}
}

char *
lt_cmd_roff(void)
{
	lt_buf b = LT_BUF_INIT;

	for (size_t i = 0; i < lt_cmd_count; i++) {
		const lt_cmd_entry *e = lt_cmd_table[i];
		char *usage = lt_cmd_usage(e);

		lt_buf_puts(&b, ".TP\n.B ");
		roff_puts(&b, usage, 1);
		lt_buf_putc(&b, '\n');
		roff_puts(&b, e->help, 0);
		lt_buf_putc(&b, '\n');
		if (e->alias != NULL) {
			lt_buf_puts(&b, "Also called\n.BR ");
			roff_puts(&b, e->alias, 1);
			lt_buf_puts(&b, " .\n");
		}
		for (size_t k = 0; e->opts != NULL && e->opts[k].name != NULL; k++) {
			const lt_opt_spec *o = &e->opts[k];

			lt_buf_puts(&b, ".RS\n.TP\n");
			if (o->arg != NULL) {
				lt_buf_puts(&b, ".BI \"\\-\\-");
				roff_puts(&b, o->name, 1);
				lt_buf_puts(&b, " \" ");
				roff_puts(&b, o->arg, 1);
			} else {
				lt_buf_puts(&b, ".B \\-\\-");
				roff_puts(&b, o->name, 1);
			}
			lt_buf_putc(&b, '\n');
			roff_puts(&b, o->help, 0);
			lt_buf_puts(&b, "\n.RE\n");
		}
		if (e->example != NULL) {
			lt_buf_puts(&b, ".RS\nExample:\n.B ");
			roff_puts(&b, e->example, 1);
			lt_buf_puts(&b, "\n.RE\n");
		}
		free(usage);
	}
	return lt_buf_take(&b);
}

void
lt_words_clear(lt_words *w)
{
	for (size_t i = 0; i < w->n; i++)
		free(w->w[i]);
	free(w->w);
	free(w->pos);
	free(w->quoted);
	memset(w, 0, sizeof *w);
}

static void
words_add(lt_words *w, lt_buf *word, int pos, int quoted)
{
	w->w = lt_realloc(w->w, (w->n + 1) * sizeof *w->w);
	w->pos = lt_realloc(w->pos, (w->n + 1) * sizeof *w->pos);
	w->quoted = lt_realloc(w->quoted, (w->n + 1) * sizeof *w->quoted);
	w->w[w->n] = lt_buf_take(word);
	w->pos[w->n] = pos;
	w->quoted[w->n] = quoted;
	w->n++;
}

int
lt_words_next(const char *text, size_t *off, lt_words *w, lt_error *err)
{
	size_t i = *off, lastlen = 0;
	lt_buf word = LT_BUF_INIT;

	memset(w, 0, sizeof *w);
	for (;;) {
		int pos, quoted = 0, inword = 0;

		while (text[i] == ' ' || text[i] == '\t' || text[i] == '\r')
			i++;
		if (text[i] == '#')
			while (text[i] != '\0' && text[i] != '\n')
				i++;
		if (text[i] == '\0' || text[i] == ';' || text[i] == '\n') {
			if (w->n > 0) {
				/* The span ends with the last word: no blanks, no comment. */
				w->end = w->pos[w->n - 1] + (int)lastlen;
				*off = text[i] != '\0' ? i + 1 : i;
				return 1;
			}
			if (text[i] == '\0') {
				*off = i;
				return 0;
			}
			i++;
			continue;
		}
		if (w->n == 0)
			w->start = (int)i;
		pos = (int)i;
		while (text[i] != '\0' && !strchr(" \t\r\n;", text[i])) {
			char q = text[i];

			if (q == '"' || q == '\'') {
				size_t open = i++;

				quoted = 1;
				while (text[i] != '\0' && text[i] != q) {
					if (q == '"' && text[i] == '\\' &&
					    (text[i + 1] == '"' || text[i + 1] == '\\'))
						i++;
					lt_buf_putc(&word, text[i++]);
				}
				if (text[i] != q) {
					lt_buf_free(&word);
					lt_words_clear(w);
					lt_err_at(err, LT_EINVAL, (int)open,
					    "this %s is never closed; add a matching %s",
					    q == '"' ? "double quote (\")" : "single quote (')",
					    q == '"' ? "\"" : "'");
					return -LT_EINVAL;
				}
				i++;
			} else {
				lt_buf_putc(&word, text[i++]);
			}
			inword = 1;
		}
		if (inword) {
			words_add(w, &word, pos, quoted);
			lastlen = i - (size_t)pos;
		}
	}
}
