/*
 * explain.h - the plain-language layer shared by the analyses: numbers
 * written for sentences, labels in the middle of a sentence, intervals,
 * headlines, and the session's count of hypothesis tests.
 * (DESIGN.md, "Explaining results".)
 */
#ifndef LT_EXPLAIN_H
#define LT_EXPLAIN_H

#include "buf.h"
#include "dict.h"
#include "result.h"

struct lt_session;

/* Append v for a sentence: three significant digits (fewer if "digits" says). */
void lt_explain_num(struct lt_session *s, lt_buf *b, double v);
/* Append " The true WHAT is likely between LO and HI." */
void lt_explain_likely(struct lt_session *s, lt_buf *b, const char *what, double lo,
    double hi);
/* Set b as r's headline, its first letter a capital. */
void lt_explain_headline(lt_result *r, lt_buf *b);
/* v's label for the middle of a sentence ("systolic blood pressure"; "BMI"
   stays). Caller frees. */
char *lt_explain_label(const lt_var *v);
/*
 * Count ntests hypothesis tests in the session; from the fifth on, add a
 * caveat saying how many "significant" results chance alone would give.
 */
void lt_explain_tests(struct lt_session *s, lt_result *r, int ntests);

#endif
