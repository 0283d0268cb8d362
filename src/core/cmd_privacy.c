/*
 * cmd_privacy.c - the "privacy" command: the disclosure profile in force
 * for the open dataset, explained for students in layers (the rules as
 * plain sentences, why small numbers are hidden, what a differencing
 * attack is, whether rows may be browsed, whether the deployment made the
 * rules stricter). With no dataset open it lists the profiles. Also the
 * profile of any dataset, open or not, for the dataset cards.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "session_int.h"

/* 1 when p hides nothing at all. */
static int
hides_nothing(const lt_sdc_profile *p)
{
	return p->hide_below <= 1 && p->stat_min <= 1 && !p->no_extremes &&
	    p->round_to <= 1;
}

static const lt_coldef profile_cols[] = {
	{ "profile", "Profile", LT_RC_TEXT }, { "summary", "What it does", LT_RC_TEXT },
	{ NULL, NULL, 0 }
};
/*
 * The rules of p as plain sentences in one paragraph, for dataset d (or
 * for no dataset, when NULL): a synthetic dataset shows rows whatever p
 * says, and the paragraph says so.
 */
#define ROWS_OK	"You may look at single rows."

static void
rules_fact(lt_result *r, const lt_sdc_profile *p, const lt_dataset *d)
{
	lt_buf b = LT_BUF_INIT, out = LT_BUF_INIT;
	lt_sdc_profile q = *p;
	const char *line;

	if (d != NULL && d->synthetic)
		q.rows_ok = 1;
	lt_sdc_rules(&b, &q);
	for (line = lt_buf_str(&b); *line != '\0'; ) {
		size_t n = strcspn(line, "\n");

		if (out.len > 0)
			lt_buf_putc(&out, ' ');
		/* rows of made-up data are shown for that reason alone: say so */
		if (d != NULL && d->synthetic && !p->rows_ok && n == strlen(ROWS_OK) &&
		    strncmp(line, ROWS_OK, n) == 0)
			lt_buf_printf(&out, "You may look at single rows, because %s is made "
			    "up.", d->name);
		else
			lt_buf_add(&out, line, n);
		line += n;
		if (*line == '\n')
			line++;
	}
	lt_result_fact(r, "rules", "The rules", lt_buf_str(&out));
	lt_buf_free(&b);
	lt_buf_free(&out);
}

/* No dataset open: the four profiles, each with its summary. */
static void
list_profiles(lt_result *r)
{
	lt_table *t = lt_result_table_with(r, "profiles", "The profiles", profile_cols);

	for (size_t i = 0; i < lt_sdc_nprofiles; i++) {
		size_t row = lt_table_row(t);

		lt_table_text(t, row, 0, lt_sdc_profiles[i].name);
		lt_table_text(t, row, 1, lt_sdc_profiles[i].summary);
	}
	lt_result_headline(r, "lantern has four sets of privacy rules; each dataset says "
	    "which one it follows.");
	lt_result_fact(r, "next", "Try", "open cohort; privacy");
	lt_result_note(r, "A dataset you import follows the %s rules unless you choose "
	    "others with \"import FILE --profile NAME\".", LT_SDC_DEFAULT);
	lt_result_note(r, "Where lantern is installed, the rules can be made stricter, never "
	    "looser: see \"man lantern\", section PRIVACY.");
}

/* Why small numbers are hidden, and what a differencing attack is. */
static void
why_facts(lt_result *r, const lt_sdc_profile *p)
{
	int none = hides_nothing(p);
	lt_buf b = LT_BUF_INIT;

	lt_buf_puts(&b, "A small count can point to one person. Say a table shows that 1 "
	    "girl in your class has asthma, and you know who took an inhaler to PE: now "
	    "you know something private about her. A count of a few people is almost a "
	    "name");
	if (none)
		lt_buf_printf(&b, ". In data about real people lantern hides it. The %s rules "
		    "are only for public counts and made-up data, where no count is about "
		    "real people one by one.", p->name);
	else if (p->round_to > 1)
		lt_buf_puts(&b, ", so it is hidden. Rounding the other counts makes it hard "
		    "to work out a hidden one from the rest.");
	else
		lt_buf_puts(&b, ", so it is hidden.");
	lt_result_fact(r, "why_small", "Why small numbers", lt_buf_str(&b));
	lt_buf_reset(&b);
	lt_buf_puts(&b, "Two results can be safe on their own and still give a secret "
	    "away together. Say 40 people aged 65 and over smoke, and 39 people aged 66 "
	    "and over smoke. Take one from the other: 1 person aged exactly 65 smokes. "
	    "That trick is a differencing attack. ");
	if (none)
		lt_buf_puts(&b, "With data about real people, lantern remembers what it has "
		    "shown you and hides such small differences.");
	else
		lt_buf_printf(&b, "lantern remembers what it has shown you in this session. "
		    "It hides a number that differs from an earlier one by %d people or "
		    "fewer, and says why.", p->hide_below > 1 ? p->hide_below - 1 : 7);
	lt_result_fact(r, "differencing", "Differencing attack", lt_buf_str(&b));
	lt_buf_free(&b);
}

/* Whether rows may be browsed, and why. */
static void
rows_fact(lt_result *r, const lt_dataset *d, const lt_sdc_profile *p)
{
	char *text;

	if (d->synthetic)
		text = lt_sprintf("Yes. %s is made up (synthetic), so no row is a real "
		    "person, and you may look at its rows with \"show\". Its counts and "
		    "statistics still follow the rules, so you practise what researchers "
		    "do with real data.", d->name);
	else if (p->rows_ok && d->kind != NULL && strcmp(d->kind, LT_KIND_AGGREGATED) == 0)
		text = lt_sprintf("Yes. Each row of %s is a group of people or a "
		    "published figure, not one person's record, so you may look at the "
		    "rows with \"show\".", d->name);
	else if (p->rows_ok)
		text = lt_sprintf("Yes. The %s rules allow rows to be shown, so you may "
		    "look at them with \"show\".", p->name);
	else if (d->kind != NULL && strcmp(d->kind, LT_KIND_AGGREGATED) == 0)
		text = lt_sprintf("No. Each row of %s is a group of people, but the %s "
		    "rules never show single rows. Summaries such as \"describe\" and "
		    "\"freq\" still work.", d->name, p->name);
	else
		text = lt_sprintf("No. Each row of %s may be one real person's record, "
		    "and a whole record can give away who someone is. So lantern never "
		    "shows or exports its rows. Summaries such as \"describe\" and \"freq\" "
		    "still work.", d->name);
	lt_result_fact(r, "rows", "Browsing rows", text);
	free(text);
}

/* Whether the deployment made the dataset's rules stricter. */
static void
deployment_fact(lt_result *r, const lt_dataset *d, const lt_sdc_profile *p)
{
	const lt_sdc_profile *own = lt_sdc_own_profile(d);
	char *text;

	if (lt_sdc_same_rules(own, p))
		text = lt_sprintf("No. These are the rules %s asks for. The people who run "
		    "lantern can make the rules stricter, never looser, with a \"profile\" "
		    "line in %s (or the file named by LANTERN_CONFIG).", d->name,
		    LT_SDC_SYSTEM_CONFIG);
	else
		text = lt_sprintf("Yes. %s asks for the %s rules, and the people who run "
		    "lantern here made them stricter. For each rule, the stricter one wins, "
		    "and the result is the %s rules. Nobody can make them looser.",
		    d->name, own->name, p->name);
	lt_result_fact(r, "deployment", "Made stricter here", text);
	free(text);
}

/* "privacy PROFILE": one profile in general, with no dataset in mind. */
static void
explain_profile(lt_result *r, const lt_sdc_profile *p)
{
	if (hides_nothing(p))
		lt_result_headline(r, "The %s rules hide nothing: they are only for public "
		    "counts and made-up data.", p->name);
	else
		lt_result_headline(r, "The %s rules: %s.", p->name, p->summary);
	lt_result_fact(r, "profile", "Profile", p->name);
	lt_result_fact(r, "explain", "What it means", p->explain);
	rules_fact(r, p, NULL);
	why_facts(r, p);
	lt_result_caveat(r, "No rule makes data completely risk-free. Think before you "
	    "share what you find, and never try to work out who someone is.");
}

static int
privacy_exec(lt_session *s, const lt_args *a, lt_result *r, lt_error *err)
{
	const lt_dataset *d = s->ds;
	const lt_sdc_profile *p;

	if (a->argc == 1) {
		if ((p = lt_sdc_find(a->argv[0])) == NULL)
			return lt_err_at(err, LT_ENOENT, a->argpos[0], "there are no privacy "
			    "rules called \"%s\"; they are opensafely, nhs, ten and none",
			    a->argv[0]);
		explain_profile(r, p);
		return 0;
	}
	if (d == NULL) {
		list_profiles(r);
		return 0;
	}
	p = lt_session_profile(s);
	lt_result_set_context(r, d->name, NULL);
	if (hides_nothing(p))
		lt_result_headline(r, "%s follows the %s rules, so no number is hidden: it is "
		    "public counts or made-up data.", d->name, p->name);
	else
		lt_result_headline(r, "%s is protected by the %s rules: %s.", d->name, p->name,
		    p->summary);
	lt_result_fact(r, "profile", "Profile", p->name);
	rules_fact(r, p, d);
	why_facts(r, p);
	rows_fact(r, d, p);
	deployment_fact(r, d, p);
	if (d->synthetic && !hides_nothing(p))
		lt_result_caveat(r, "%s is made up, but lantern treats it as if it were about "
		    "real people, so you meet the rules as researchers do.", d->name);
	lt_result_caveat(r, "No rule makes data completely risk-free. Think before you "
	    "share what you find, and never try to work out who someone is.");
	if (!hides_nothing(p))
		lt_result_method(r, "A hidden number says why, as in \"hidden: fewer than %d "
		    "people\"; in JSON it is {\"hidden\": true, \"reason\": ...}, never a made-up "
		    "number.", p->hide_below > 1 ? p->hide_below : p->stat_min);
	lt_result_method(r, "A dataset's metadata chooses its rules; a deployment can only "
	    "make them stricter. \"man lantern\", section PRIVACY, has the details.");
	return 0;
}

const lt_cmd_entry lt_cmd_privacy_entry = {
	.name = "privacy",
	.args = "[PROFILE]",
	.summary = "explain how the privacy rules keep people safe",
	.help = "Explains the privacy rules (the disclosure profile) in force for the open "
	    "dataset: which numbers are hidden or rounded and why, what a differencing "
	    "attack is, whether rows may be browsed, and whether the place lantern is "
	    "installed made the rules stricter. With no dataset open, lists the four "
	    "profiles: opensafely, nhs, ten and none; \"privacy PROFILE\" explains one.",
	.example = "privacy",
	.max_args = 1,
	.exec = privacy_exec,
};
