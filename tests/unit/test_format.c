/*
 * test_format.c - unit tests for the text, CSV and JSON renderers.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "format.h"
#include "result.h"

/* Render r and return the output (caller frees). */
static char *
render(const lt_result *r, int format, int digits, int width, int utf8)
{
	lt_render_opts o = { digits, width, utf8, 0 };
	lt_buf b = LT_BUF_INIT;

	lt_render(r, format, &o, &b);
	return lt_buf_take(&b);
}

/* Assert that v formats as want with digits significant digits. */
static void
check_number(double v, int digits, const char *want)
{
	lt_buf b = LT_BUF_INIT;

	lt_format_number(&b, v, digits);
	assert_string_equal(lt_buf_str(&b), want);
	lt_buf_free(&b);
}

/* The document used by the golden text tests. */
static lt_result *
sample_result(void)
{
	lt_result *r = lt_result_new("mean bmi by agegroup");
	lt_table *t;
	size_t row;

	lt_result_set_context(r, "hse", "sex == \"female\"");
	lt_result_headline(r, "In this sample of %s adults, people aged 65 and "
	    "over had the highest average body mass index.", "20,000");
	lt_result_number(r, "n", "People", 20000, NULL);
	lt_result_number(r, "mean_bmi", "Mean BMI", 27.3148, "kg/m\xc2\xb2");
	lt_result_fact(r, "licence", "Licence", "CC BY 4.0");

	t = lt_result_table(r, "by_age", "Mean BMI by age group");
	lt_table_column(t, "age", "Age group", LT_RC_TEXT);
	lt_table_column(t, "n", "People", LT_RC_COUNT);
	lt_table_column(t, "bmi", "BMI kg/m\xc2\xb2", LT_RC_NUMBER);
	lt_table_column(t, "share", "Share", LT_RC_PERCENT);
	row = lt_table_row(t);
	lt_table_text(t, row, 0, "16-24");
	lt_table_num(t, row, 1, 1234);
	lt_table_num(t, row, 2, 25.123);
	lt_table_num(t, row, 3, 12.34);
	row = lt_table_row(t);
	lt_table_text(t, row, 0, "65+");
	lt_table_hide(t, row, 1, "fewer than 8 people");
	lt_table_num(t, row, 2, 28.1);
	row = lt_table_row(t);
	lt_table_text(t, row, 0, "85+");
	lt_table_num(t, row, 1, 18766);
	lt_table_hide(t, row, 2, "fewer than 8 people");
	lt_table_hide(t, row, 3, "shares of small groups are withheld");

	lt_result_caveat(r, "Averages hide variation: in every group some "
	    "people are far above the average and some far below.");
	lt_result_method(r, "Mean of bmi, weighted by the count column.");
	lt_result_note(r, "dataset: hse (synthetic)");
	lt_result_note(r, "filter: sex == \"female\"");
	return r;
}

/* Format names parse both ways and unknown ones are refused. */
static void
test_format_table(void **state)
{
	(void)state;
	assert_int_equal(lt_nformats, 3);
	assert_int_equal(lt_format_parse("text"), LT_FMT_TEXT);
	assert_int_equal(lt_format_parse("csv"), LT_FMT_CSV);
	assert_int_equal(lt_format_parse("JSON"), LT_FMT_JSON);
	assert_int_equal(lt_format_parse("xml"), -1);
	assert_int_equal(lt_format_parse(NULL), -1);
	assert_string_equal(lt_format_name(LT_FMT_CSV), "csv");
	assert_string_equal(lt_format_name(LT_FMT_JSON), "json");
	assert_null(lt_format_name(42));
	for (size_t i = 0; i < lt_nformats; i++)
		assert_true(strlen(lt_formats[i].help) > 10);
}

/* Whole numbers print as integers with thousands separators. */
static void
test_number_whole(void **state)
{
	(void)state;
	check_number(20000, 4, "20,000");
	check_number(-1234, 4, "-1,234");
	check_number(0, 4, "0");
	check_number(-0.0, 4, "0");
	check_number(999, 4, "999");
	check_number(1234567, 0, "1,234,567");
	check_number(-100000, 4, "-100,000");
	check_number(999999999999999, 4, "999,999,999,999,999");
}

/* Other numbers keep digits significant digits, without trailing zeros. */
static void
test_number_significant(void **state)
{
	(void)state;
	check_number(27.3148, 4, "27.31");
	check_number(27.3148, 0, "27.31");
	check_number(0.000123456, 4, "0.0001235");
	check_number(0.5, 4, "0.5");
	check_number(-0.25, 4, "-0.25");
	check_number(2.5001, 3, "2.5");
	check_number(3.14159265, 6, "3.14159");
	check_number(1234.5678, 6, "1,234.57");
	check_number(9.99996, 4, "10");
	check_number(0.0001, 4, "0.0001");
	check_number(0.000099996, 4, "0.0001");
	check_number(-0.00012345, 2, "-0.00012");
}

/* Non-integers at or above 10^digits round to whole numbers. */
static void
test_number_large(void **state)
{
	(void)state;
	check_number(123456.789, 4, "123,457");
	check_number(9999.7, 4, "10,000");
	check_number(-98765.4, 4, "-98,765");
	check_number(12345.6, 6, "12,345.6");
	check_number(1.5e15, 4, "1.5e+15");
	check_number(2.5e20, 4, "2.5e+20");
}

/* Tiny numbers use exponent form; NaN and infinities have names. */
static void
test_number_tiny_special(void **state)
{
	(void)state;
	check_number(1.2e-07, 4, "1.2e-07");
	check_number(-3.456789e-12, 3, "-3.46e-12");
	check_number(NAN, 4, "NA");
	check_number(INFINITY, 4, "inf");
	check_number(-INFINITY, 4, "-inf");
}

/* The full text rendering of a document, byte for byte (UTF-8). */
static void
test_text_golden_utf8(void **state)
{
	lt_result *r = sample_result();
	char *s;
	const char *want =
	    "In this sample of 20,000 adults, people aged 65 and over had\n"
	    "the highest average body mass index.\n"
	    "\n"
	    "People    20,000\n"
	    "Mean BMI  27.31 kg/m\xc2\xb2\n"
	    "Licence   CC BY 4.0\n"
	    "\n"
	    "Mean BMI by age group\n"
	    "Age group  People  BMI kg/m\xc2\xb2  Share\n"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80  "
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
	    "\xe2\x94\x80  "
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80  "
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\n"
	    "16-24       1,234      25.12  12.3%\n"
	    "65+             *       28.1     NA\n"
	    "85+        18,766          *      *\n"
	    "  * hidden: fewer than 8 people\n"
	    "  * hidden: shares of small groups are withheld\n"
	    "\n"
	    "Caveats:\n"
	    "  - Averages hide variation: in every group some people are\n"
	    "    far above the average and some far below.\n"
	    "\n"
	    "Method:\n"
	    "  - Mean of bmi, weighted by the count column.\n"
	    "\n"
	    "Notes:\n"
	    "  dataset: hse (synthetic)\n"
	    "  filter: sex == \"female\"\n";

	(void)state;
	s = render(r, LT_FMT_TEXT, 4, 60, 1);
	assert_string_equal(s, want);
	free(s);
	lt_result_free(r);
}

/* Without UTF-8 the rule is "-" and the output is pure ASCII. */
static void
test_text_ascii(void **state)
{
	lt_result *r = lt_result_new("t");
	lt_table *t = lt_result_table(r, "t", NULL);
	size_t row;
	char *s;

	(void)state;
	lt_table_column(t, "w", "kg/m\xc2\xb2", LT_RC_NUMBER);
	lt_table_column(t, "name", "Name", LT_RC_TEXT);
	row = lt_table_row(t);
	lt_table_num(t, row, 0, 1.5);
	lt_table_text(t, row, 1, "caf\xc3\xa9");
	s = render(r, LT_FMT_TEXT, 0, 0, 0);
	assert_string_equal(s,
	    "kg/m?  Name\n"
	    "-----  ----\n"
	    "  1.5  caf?\n");
	free(s);
	s = render(r, LT_FMT_TEXT, 0, 0, 1);
	assert_string_equal(s,
	    "kg/m\xc2\xb2  Name\n"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80  "
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\n"
	    "  1.5  caf\xc3\xa9\n");
	free(s);
	lt_result_free(r);
}

/* Control characters and escapes in data cannot reach the terminal. */
static void
test_text_control_chars(void **state)
{
	lt_result *r = lt_result_new("t");
	lt_table *t;
	size_t row;
	char *s;

	(void)state;
	lt_result_headline(r, "evil\x1b[2Jhead\x07line\x7f end");
	lt_result_fact(r, "k", "La\x9b" "bel", "two\nlines\there");
	t = lt_result_table(r, "t", NULL);
	lt_table_column(t, "x", "X", LT_RC_TEXT);
	row = lt_table_row(t);
	lt_table_text(t, row, 0, "a\x1b]0;title\x07" "b\r\nc");
	row = lt_table_row(t);
	lt_table_text(t, row, 0, "c1\xc2\x9b" "31m bidi\xe2\x80\xae" "x");

	s = render(r, LT_FMT_TEXT, 0, 0, 1);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		assert_true(*p >= 0x20 || *p == '\n');
		assert_int_not_equal(*p, 0x7f);
	}
	assert_string_equal(s,
	    "evil\xef\xbf\xbd[2Jhead\xef\xbf\xbdline\xef\xbf\xbd end\n"
	    "\n"
	    "La\xef\xbf\xbd" "bel  two lines here\n"
	    "\n"
	    "X\n"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
	    "\xe2\x94\x80\n"
	    "a\xef\xbf\xbd]0;title\xef\xbf\xbd" "b  c\n"
	    "c1\xef\xbf\xbd" "31m bidi\xef\xbf\xbd" "x\n");
	free(s);

	s = render(r, LT_FMT_TEXT, 0, 0, 0);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		assert_true((*p >= 0x20 && *p < 0x7f) || *p == '\n');
	assert_non_null(strstr(s, "evil?[2Jhead?line? end\n"));
	assert_non_null(strstr(s, "a?]0;title?b  c\n"));
	free(s);
	lt_result_free(r);
}

/* Long text cells are cut at 40 columns with an ellipsis, except in the last column. */
static void
test_text_truncate(void **state)
{
	lt_result *r = lt_result_new("t");
	lt_table *t = lt_result_table(r, "t", NULL);
	const char *longtext = "\xc3\xa9" "123456789012345678901234567890123456789012345";
	size_t row;
	char *s;

	(void)state;
	lt_table_column(t, "x", "X", LT_RC_TEXT);
	lt_table_column(t, "y", "Y", LT_RC_TEXT);
	row = lt_table_row(t);
	lt_table_text(t, row, 0, longtext);
	lt_table_text(t, row, 1, longtext);
	s = render(r, LT_FMT_TEXT, 0, 0, 1);
	assert_non_null(strstr(s, "\n\xc3\xa9"
	    "12345678901234567890123456789012345678\xe2\x80\xa6  "
	    "\xc3\xa9" "123456789012345678901234567890123456789012345\n"));
	free(s);
	s = render(r, LT_FMT_TEXT, 0, 0, 0);
	assert_non_null(strstr(s,
	    "\n?123456789012345678901234567890123456...  "
	    "?123456789012345678901234567890123456789012345\n"));
	free(s);
	lt_result_free(r);
}

/* Empty sections print nothing; an empty table says so. */
static void
test_text_sections(void **state)
{
	lt_result *r = lt_result_new("t");
	lt_table *t;
	char *s;

	(void)state;
	s = render(r, LT_FMT_TEXT, 0, 0, 1);
	assert_string_equal(s, "");
	free(s);
	lt_result_headline(r, "Nothing matched.");
	s = render(r, LT_FMT_TEXT, 0, 0, 1);
	assert_string_equal(s, "Nothing matched.\n");
	free(s);
	t = lt_result_table(r, "t", "Rows");
	lt_table_column(t, "n", "N", LT_RC_COUNT);
	lt_result_method(r, "Counted.");
	s = render(r, LT_FMT_TEXT, 0, 0, 0);
	assert_string_equal(s,
	    "Nothing matched.\n"
	    "\n"
	    "Rows\n"
	    "N\n"
	    "-\n"
	    "(no rows)\n"
	    "\n"
	    "Method:\n"
	    "  - Counted.\n");
	free(s);
	lt_result_free(r);
}

/* A word longer than the width stays whole on its own line. */
static void
test_text_wrap_long_word(void **state)
{
	lt_result *r = lt_result_new("t");
	char *s;

	(void)state;
	lt_result_headline(r, "see   https://example.org/a/very/long/path/"
	    "that/cannot/be/broken now");
	s = render(r, LT_FMT_TEXT, 0, 20, 1);
	assert_string_equal(s,
	    "see\n"
	    "https://example.org/a/very/long/path/that/cannot/be/broken\n"
	    "now\n");
	free(s);
	lt_result_free(r);
}

/* Several tables each get their own section and footnotes. */
static void
test_text_two_tables(void **state)
{
	lt_result *r = lt_result_new("t");
	lt_table *t;
	size_t row;
	char *s;

	(void)state;
	t = lt_result_table(r, "a", NULL);
	lt_table_column(t, "n", "n", LT_RC_COUNT);
	row = lt_table_row(t);
	lt_table_hide(t, row, 0, NULL);
	t = lt_result_table(r, "b", NULL);
	lt_table_column(t, "p", "pct", LT_RC_PERCENT);
	row = lt_table_row(t);
	lt_table_num(t, row, 0, -0.04);
	row = lt_table_row(t);
	lt_table_num(t, row, 0, 100);
	s = render(r, LT_FMT_TEXT, 0, 0, 0);
	assert_string_equal(s,
	    "n\n"
	    "-\n"
	    "*\n"
	    "  * hidden\n"
	    "\n"
	    "   pct\n"
	    "------\n"
	    "  0.0%\n"
	    "100.0%\n");
	free(s);
	lt_result_free(r);
}

/* One table: names as header, exact numbers, RFC 4180 quoting. */
static void
test_csv_single(void **state)
{
	lt_result *r = sample_result();
	lt_table *t = r->tables[0];
	size_t row;
	char *s;

	(void)state;
	row = lt_table_row(t);
	lt_table_text(t, row, 0, "a, \"b\"\nc");
	lt_table_num(t, row, 2, 0.1);
	lt_table_num(t, row, 3, NAN);
	s = render(r, LT_FMT_CSV, 0, 0, 1);
	assert_string_equal(s,
	    "age,n,bmi,share\n"
	    "16-24,1234,25.123,12.34\n"
	    "65+,,28.1,\n"
	    "85+,18766,,\n"
	    "\"a, \"\"b\"\"\nc\",,0.1,\n");
	free(s);
	lt_result_free(r);
}

/* A last column longer than the screen runs on; its rule stops at the edge. */
static void
test_text_long_last_column(void **state)
{
	lt_result *r = lt_result_new("t");
	lt_table *t = lt_result_table(r, "t", NULL);
	size_t row;
	char *s;

	(void)state;
	lt_table_column(t, "name", "Name", LT_RC_TEXT);
	lt_table_column(t, "help", "Help", LT_RC_TEXT);
	row = lt_table_row(t);
	lt_table_text(t, row, 0, "format");
	lt_table_text(t, row, 1, "how results are written: text for people, csv or json");
	s = render(r, LT_FMT_TEXT, 0, 30, 0);
	assert_string_equal(s,
	    "Name    Help\n"
	    "------  ----------------------\n"
	    "format  how results are written: text for people, csv or json\n");
	free(s);
	lt_result_free(r);
}

/* CSV numbers are the shortest text that reads back as the same double. */
static void
test_csv_roundtrip(void **state)
{
	const double vals[] = { 0.1, 1.0 / 3.0, 1e-300, 123456789.123456789,
	    5e-324, 2.0 / 3.0 * 1e17, -27.1, 100.0 / 7.0 };
	size_t n = sizeof vals / sizeof vals[0];
	lt_result *r = lt_result_new("t");
	lt_table *t = lt_result_table(r, "t", NULL);
	char *s, *line, *save = NULL;
	size_t i = 0;

	(void)state;
	lt_table_column(t, "x", "X", LT_RC_NUMBER);
	for (size_t k = 0; k < n; k++)
		lt_table_num(t, lt_table_row(t), 0, vals[k]);
	s = render(r, LT_FMT_CSV, 0, 0, 1);
	for (line = strtok_r(s, "\n", &save); line != NULL; line = strtok_r(NULL, "\n", &save)) {
		if (strcmp(line, "x") == 0)
			continue;
		assert_true(i < n);
		assert_true(strtod(line, NULL) == vals[i]);
		assert_true(strlen(line) <= 24);
		i++;
	}
	assert_int_equal(i, n);
	free(s);
	s = render(r, LT_FMT_CSV, 0, 0, 1);
	assert_non_null(strstr(s, "\n0.1\n0.3333333333333333\n1e-300\n"));
	free(s);
	lt_result_free(r);
}

/* Several tables: each after a "# name" line, blank lines between. */
static void
test_csv_multi(void **state)
{
	lt_result *r = lt_result_new("t");
	lt_table *t;
	size_t row;
	char *s;

	(void)state;
	t = lt_result_table(r, "first", NULL);
	lt_table_column(t, "n", "N", LT_RC_COUNT);
	row = lt_table_row(t);
	lt_table_num(t, row, 0, 20000);
	t = lt_result_table(r, "second", "Second");
	lt_table_column(t, "x", "X", LT_RC_NUMBER);
	lt_table_column(t, "y,z", "Y", LT_RC_TEXT);
	row = lt_table_row(t);
	lt_table_num(t, row, 0, -2.5);
	lt_table_text(t, row, 1, "q");
	s = render(r, LT_FMT_CSV, 0, 0, 1);
	assert_string_equal(s,
	    "# first\n"
	    "n\n"
	    "20000\n"
	    "\n"
	    "# second\n"
	    "x,\"y,z\"\n"
	    "-2.5,q\n");
	free(s);
	lt_result_free(r);
}

/* Without tables CSV lists the key numbers, or else the headline. */
static void
test_csv_items_headline(void **state)
{
	lt_result *r = lt_result_new("t");
	char *s;

	(void)state;
	s = render(r, LT_FMT_CSV, 0, 0, 1);
	assert_string_equal(s, "");
	free(s);
	lt_result_headline(r, "Done, \"all\" good.");
	s = render(r, LT_FMT_CSV, 0, 0, 1);
	assert_string_equal(s, "message\n\"Done, \"\"all\"\" good.\"\n");
	free(s);
	lt_result_number(r, "mean", "Mean", 1.0 / 3.0, "kg");
	lt_result_number(r, "n", "N", 20000, NULL);
	lt_result_fact(r, "licence", "Licence", "CC BY, 4.0");
	s = render(r, LT_FMT_CSV, 0, 0, 1);
	assert_string_equal(s,
	    "key,value\n"
	    "mean,0.3333333333333333\n"
	    "n,20000\n"
	    "licence,\"CC BY, 4.0\"\n");
	free(s);
	lt_result_free(r);
}

/* Parse s as JSON, failing the test if it does not parse. */
static json_t *
parse(const char *s)
{
	json_error_t e;
	json_t *j = json_loads(s, 0, &e);

	if (j == NULL)
		fail_msg("JSON does not parse: %s at line %d", e.text, e.line);
	return j;
}

/* The JSON document has every key, in order, with the right types. */
static void
test_json_shape(void **state)
{
	static const char *const keys[] = { "command", "dataset", "filter",
	    "headline", "numbers", "tables", "charts", "caveats", "method",
	    "notes" };
	lt_result *r = sample_result();
	json_t *j, *v, *tb, *rows, *cell;
	void *it;
	size_t i = 0;
	char *s;

	(void)state;
	s = render(r, LT_FMT_JSON, 0, 0, 1);
	assert_int_equal(s[strlen(s) - 1], '\n');
	j = parse(s);
	for (it = json_object_iter(j); it != NULL;
	    it = json_object_iter_next(j, it)) {
		assert_true(i < 10);
		assert_string_equal(json_object_iter_key(it), keys[i]);
		i++;
	}
	assert_int_equal(i, 10);
	assert_string_equal(json_string_value(json_object_get(j, "command")),
	    "mean bmi by agegroup");
	assert_string_equal(json_string_value(json_object_get(j, "filter")),
	    "sex == \"female\"");

	v = json_object_get(j, "numbers");
	assert_int_equal(json_array_size(v), 3);
	assert_true(json_is_integer(json_object_get(json_array_get(v, 0),
	    "value")));
	assert_true(json_is_null(json_object_get(json_array_get(v, 0),
	    "unit")));
	assert_string_equal(json_string_value(json_object_get(
	    json_array_get(v, 1), "unit")), "kg/m\xc2\xb2");
	assert_true(json_is_real(json_object_get(json_array_get(v, 1),
	    "value")));
	assert_string_equal(json_string_value(json_object_get(
	    json_array_get(v, 2), "value")), "CC BY 4.0");

	tb = json_array_get(json_object_get(j, "tables"), 0);
	assert_string_equal(json_string_value(json_object_get(tb, "name")),
	    "by_age");
	assert_true(json_is_false(json_object_get(tb, "row_level")));
	v = json_object_get(tb, "columns");
	assert_int_equal(json_array_size(v), 4);
	assert_string_equal(json_string_value(json_object_get(
	    json_array_get(v, 1), "type")), "count");
	assert_string_equal(json_string_value(json_object_get(
	    json_array_get(v, 3), "type")), "percent");
	rows = json_object_get(tb, "rows");
	assert_int_equal(json_array_size(rows), 3);
	assert_string_equal(json_string_value(json_array_get(
	    json_array_get(rows, 0), 0)), "16-24");
	assert_true(json_is_integer(json_array_get(json_array_get(rows, 0),
	    1)));
	assert_int_equal(json_integer_value(json_array_get(
	    json_array_get(rows, 0), 1)), 1234);
	assert_true(json_is_real(json_array_get(json_array_get(rows, 0), 2)));
	cell = json_array_get(json_array_get(rows, 1), 1);
	assert_true(json_is_true(json_object_get(cell, "hidden")));
	assert_string_equal(json_string_value(json_object_get(cell, "reason")),
	    "fewer than 8 people");
	assert_true(json_is_null(json_array_get(json_array_get(rows, 1), 3)));

	assert_int_equal(json_array_size(json_object_get(j, "caveats")), 1);
	assert_int_equal(json_array_size(json_object_get(j, "method")), 1);
	assert_int_equal(json_array_size(json_object_get(j, "notes")), 2);
	json_decref(j);
	free(s);
	lt_result_free(r);
}

/* An empty document still has every key: nulls and empty arrays. */
static void
test_json_empty(void **state)
{
	lt_result *r = lt_result_new("help");
	json_t *j;
	char *s;

	(void)state;
	s = render(r, LT_FMT_JSON, 0, 0, 1);
	j = parse(s);
	assert_int_equal(json_object_size(j), 10);
	assert_true(json_is_null(json_object_get(j, "dataset")));
	assert_true(json_is_null(json_object_get(j, "headline")));
	assert_true(json_is_array(json_object_get(j, "numbers")));
	assert_int_equal(json_array_size(json_object_get(j, "tables")), 0);
	assert_int_equal(json_array_size(json_object_get(j, "charts")), 0);
	assert_int_equal(json_array_size(json_object_get(j, "notes")), 0);
	json_decref(j);
	free(s);
	lt_result_free(r);
}

/* Doubles survive the trip through JSON exactly; non-finite become null. */
static void
test_json_precision(void **state)
{
	const double vals[] = { 0.1, 1.0 / 3.0, 1e-300, 123456789.123456789,
	    -2.5e17, 5e-324, 1.7976931348623157e308 };
	const size_t n = sizeof vals / sizeof vals[0];
	lt_result *r = lt_result_new("t");
	lt_table *t = lt_result_table(r, "t", NULL);
	json_t *j, *nums, *rows;
	size_t row;
	char *s;

	(void)state;
	lt_table_column(t, "x", "x", LT_RC_NUMBER);
	lt_table_column(t, "n", "n", LT_RC_COUNT);
	for (size_t i = 0; i < n; i++) {
		lt_result_number(r, "k", "k", vals[i], NULL);
		row = lt_table_row(t);
		lt_table_num(t, row, 0, vals[i]);
		lt_table_num(t, row, 1, vals[i]);
	}
	lt_result_number(r, "nan", "nan", NAN, NULL);
	row = lt_table_row(t);
	lt_table_num(t, row, 0, INFINITY);
	lt_table_num(t, row, 1, -INFINITY);

	s = render(r, LT_FMT_JSON, 0, 0, 1);
	j = parse(s);
	nums = json_object_get(j, "numbers");
	rows = json_object_get(json_array_get(json_object_get(j, "tables"), 0),
	    "rows");
	for (size_t i = 0; i < n; i++) {
		json_t *cells = json_array_get(rows, i);

		assert_true(json_number_value(json_object_get(
		    json_array_get(nums, i), "value")) == vals[i]);
		assert_true(json_number_value(json_array_get(cells, 0)) ==
		    vals[i]);
		assert_true(json_number_value(json_array_get(cells, 1)) ==
		    vals[i]);
	}
	assert_true(json_is_null(json_object_get(json_array_get(nums, n),
	    "value")));
	assert_true(json_is_null(json_array_get(json_array_get(rows, n), 0)));
	assert_true(json_is_null(json_array_get(json_array_get(rows, n), 1)));
	json_decref(j);
	free(s);
	lt_result_free(r);
}

/* Invalid UTF-8 is repaired with U+FFFD; no field is dropped. */
static void
test_json_invalid_utf8(void **state)
{
	lt_result *r = lt_result_new("t \xff");
	lt_table *t;
	json_t *j, *tb;
	size_t row;
	char *s;

	(void)state;
	lt_result_headline(r, "caf\xe9 ok \xc3\xa9");
	lt_result_caveat(r, "bad \xed\xa0\x80 surrogate");
	/* U+009B, a C1 control that starts an escape sequence on some terminals */
	lt_result_note(r, "csi \xc2\x9b" "2J");
	t = lt_result_table(r, "t", NULL);
	lt_table_column(t, "x\xc0\xaf", "X", LT_RC_TEXT);
	row = lt_table_row(t);
	lt_table_text(t, row, 0, "trunc \xe2\x82");
	lt_table_hide(t, lt_table_row(t), 0, "why \x80");

	s = render(r, LT_FMT_JSON, 0, 0, 1);
	j = parse(s);
	assert_string_equal(json_string_value(json_object_get(j, "command")),
	    "t \xef\xbf\xbd");
	assert_string_equal(json_string_value(json_object_get(j, "headline")),
	    "caf\xef\xbf\xbd ok \xc3\xa9");
	assert_string_equal(json_string_value(json_array_get(
	    json_object_get(j, "caveats"), 0)),
	    "bad \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd surrogate");
	assert_string_equal(json_string_value(json_array_get(
	    json_object_get(j, "notes"), 0)), "csi \xef\xbf\xbd" "2J");
	tb = json_array_get(json_object_get(j, "tables"), 0);
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    json_object_get(tb, "columns"), 0), "name")),
	    "x\xef\xbf\xbd\xef\xbf\xbd");
	assert_string_equal(json_string_value(json_array_get(json_array_get(
	    json_object_get(tb, "rows"), 0), 0)),
	    "trunc \xef\xbf\xbd\xef\xbf\xbd");
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    json_array_get(json_object_get(tb, "rows"), 1), 0), "reason")),
	    "why \xef\xbf\xbd");
	json_decref(j);
	free(s);
	lt_result_free(r);
}

/* Rendering is deterministic and NULL options mean the defaults. */
static void
test_defaults_deterministic(void **state)
{
	lt_result *r = sample_result();
	lt_buf a = LT_BUF_INIT, b = LT_BUF_INIT;

	(void)state;
	for (int f = LT_FMT_TEXT; f <= LT_FMT_JSON; f++) {
		lt_buf_reset(&a);
		lt_buf_reset(&b);
		lt_render(r, f, NULL, &a);
		lt_render(r, f, NULL, &b);
		assert_true(a.len > 0);
		assert_string_equal(lt_buf_str(&a), lt_buf_str(&b));
	}
	lt_buf_reset(&a);
	lt_render(r, LT_FMT_TEXT, NULL, &a);
	assert_non_null(strstr(lt_buf_str(&a),
	    "\n---------  ------  ---------  -----\n"));
	assert_non_null(strstr(lt_buf_str(&a), "Mean BMI  27.31 kg/m?\n"));
	lt_buf_free(&a);
	lt_buf_free(&b);
	lt_result_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format_table),
		cmocka_unit_test(test_number_whole),
		cmocka_unit_test(test_number_significant),
		cmocka_unit_test(test_number_large),
		cmocka_unit_test(test_number_tiny_special),
		cmocka_unit_test(test_text_golden_utf8),
		cmocka_unit_test(test_text_ascii),
		cmocka_unit_test(test_text_control_chars),
		cmocka_unit_test(test_text_truncate),
		cmocka_unit_test(test_text_sections),
		cmocka_unit_test(test_text_wrap_long_word),
		cmocka_unit_test(test_text_two_tables),
		cmocka_unit_test(test_text_long_last_column),
		cmocka_unit_test(test_csv_single),
		cmocka_unit_test(test_csv_roundtrip),
		cmocka_unit_test(test_csv_multi),
		cmocka_unit_test(test_csv_items_headline),
		cmocka_unit_test(test_json_shape),
		cmocka_unit_test(test_json_empty),
		cmocka_unit_test(test_json_precision),
		cmocka_unit_test(test_json_invalid_utf8),
		cmocka_unit_test(test_defaults_deterministic),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
