/*
 * explain.c - plain-language helpers for the analyses' result layers.
 */
#include "config.h"

#include "explain.h"
#include "format.h"
#include "session_int.h"

void
lt_explain_num(lt_session *s, lt_buf *b, double v)
{
	int digits = lt_session_digits(s);

	lt_format_number(b, lt_session_round(s, v), digits < 3 ? digits : 3);
}

void
lt_explain_likely(lt_session *s, lt_buf *b, const char *what, double lo, double hi)
{
	lt_buf_printf(b, " The true %s is likely between ", what);
	lt_explain_num(s, b, lo);
	lt_buf_puts(b, " and ");
	lt_explain_num(s, b, hi);
	lt_buf_puts(b, ".");
}

void
lt_explain_headline(lt_result *r, lt_buf *b)
{
	if (b->len > 0 && b->s[0] >= 'a' && b->s[0] <= 'z')
		b->s[0] = (char)(b->s[0] - 'a' + 'A');
	lt_result_headline(r, "%s", lt_buf_str(b));
}

char *
lt_explain_label(const lt_var *v)
{
	char *s = lt_strdup(v->label);

	if (s[0] >= 'A' && s[0] <= 'Z' && !(s[1] >= 'A' && s[1] <= 'Z'))
		s[0] = (char)(s[0] - 'A' + 'a');
	return s;
}

void
lt_explain_tests(lt_session *s, lt_result *r, int ntests)
{
	s->ntests += ntests;
	if (s->ntests < 5)
		return;
	lt_result_caveat(r, "This is test number %d in this session. Even if nothing real were "
	    "going on, about 1 test in 20 would come out \"significant\" (p < 0.05) by chance: "
	    "about %.1f of these %d.", s->ntests, s->ntests / 20.0, s->ntests);
}
