/*
 * test_csv.c - tests for the streaming CSV reader (src/core/csv.c).
 *
 * csv.c is included directly so the tests can shrink its block size and
 * make records and UTF-8 characters straddle the buffer's refills.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "csv.c"

/* A temporary file holding the n bytes at s, positioned at the start. */
static FILE *
memfile(const char *s, size_t n)
{
	FILE	*f = tmpfile();

	assert_non_null(f);
	if (n > 0)
		assert_int_equal(fwrite(s, 1, n, f), n);
	rewind(f);
	return f;
}

/*
 * Read all records of the n bytes at s as "LINE:field|field\n" lines into
 * *out. Returns what the last lt_csv_next returned (0 or -1); *err holds
 * the error. *delim (if not NULL) gets the delimiter in use.
 */
static int
parse(const char *s, size_t n, char delimiter, lt_buf *out, lt_error *err,
    char *delim)
{
	FILE		*f = memfile(s, n);
	lt_csv		*c;
	lt_csv_row	 row;
	size_t		 i;
	int		 r;

	lt_err_clear(err);
	lt_buf_reset(out);
	c = lt_csv_open(f, "test.csv", delimiter, err);
	assert_non_null(c);
	if (delim != NULL)
		*delim = lt_csv_delimiter(c);
	while ((r = lt_csv_next(c, &row, err)) == 1) {
		lt_buf_printf(out, "%ld:", row.line);
		for (i = 0; i < row.nfields; i++) {
			assert_int_equal(row.lens[i], strlen(row.fields[i]));
			if (i > 0)
				lt_buf_putc(out, '|');
			lt_buf_add(out, row.fields[i], row.lens[i]);
		}
		lt_buf_putc(out, '\n');
	}
	if (r == 0)
		assert_int_equal(lt_csv_offset(c), n);
	lt_csv_close(c);
	fclose(f);
	return r;
}

/* parse() of a C string, checking the records and that it ends well. */
static void
expect_records(const char *s, char delimiter, const char *want)
{
	lt_buf	out = LT_BUF_INIT;
	lt_error err;

	if (parse(s, strlen(s), delimiter, &out, &err, NULL) != 0)
		fail_msg("unexpected error: %s", err.msg);
	assert_string_equal(lt_buf_str(&out), want);
	lt_buf_free(&out);
}

/* parse() of n bytes that must fail with a message starting with want. */
static void
expect_error(const char *s, size_t n, const char *want_records,
    const char *want_msg)
{
	lt_buf	out = LT_BUF_INIT;
	lt_error err;

	assert_int_equal(parse(s, n, ',', &out, &err, NULL), -1);
	assert_int_equal(err.code, LT_EFORMAT);
	assert_string_equal(lt_buf_str(&out), want_records);
	if (strncmp(err.msg, want_msg, strlen(want_msg)) != 0)
		fail_msg("message \"%s\" does not start with \"%s\"", err.msg,
		    want_msg);
	lt_buf_free(&out);
}

/* Open a file under top_srcdir; fails the test if it is not there. */
static FILE *
open_srcfile(const char *rel)
{
	const char	*top = getenv("top_srcdir");
	char		 path[4096];
	FILE		*f;

	snprintf(path, sizeof path, "%s/%s", top != NULL ? top : ".", rel);
	if ((f = fopen(path, "rb")) == NULL)
		fail_msg("cannot open %s (set top_srcdir)", path);
	return f;
}

/* Compare one csv-spectrum case with its JSON, field by field. */
static void
check_spectrum(const char *name)
{
	char		 rel[256];
	FILE		*f;
	json_t		*doc, *obj, *v;
	json_error_t	 jerr;
	lt_csv		*c;
	lt_csv_row	 row;
	lt_error	 err;
	char		**head;
	size_t		 nhead, i, nrec = 0;
	int		 r;

	snprintf(rel, sizeof rel, "tests/fixtures/csv-spectrum/json/%s.json",
	    name);
	f = open_srcfile(rel);
	doc = json_loadf(f, 0, &jerr);
	fclose(f);
	if (doc == NULL)
		fail_msg("%s: %s", rel, jerr.text);
	if (json_is_object(doc)) {	/* location_coordinates.json */
		obj = doc;
		doc = json_array();
		json_array_append_new(doc, obj);
	}
	assert_true(json_is_array(doc));

	snprintf(rel, sizeof rel, "tests/fixtures/csv-spectrum/csvs/%s.csv",
	    name);
	f = open_srcfile(rel);
	c = lt_csv_open(f, rel, 0, &err);
	assert_non_null(c);
	assert_int_equal(lt_csv_delimiter(c), ',');

	assert_int_equal(lt_csv_next(c, &row, &err), 1);
	assert_int_equal(row.line, 1);
	nhead = row.nfields;
	head = calloc(nhead, sizeof *head);
	assert_non_null(head);
	for (i = 0; i < nhead; i++)
		head[i] = strdup(row.fields[i]);

	while ((r = lt_csv_next(c, &row, &err)) == 1) {
		obj = json_array_get(doc, nrec);
		if (obj == NULL)
			fail_msg("%s: more records than the JSON has", name);
		assert_int_equal(row.nfields, nhead);
		assert_int_equal(json_object_size(obj), nhead);
		for (i = 0; i < nhead; i++) {
			v = json_object_get(obj, head[i]);
			if (!json_is_string(v))
				fail_msg("%s: no \"%s\" in record %zu", name,
				    head[i], nrec);
			/* The upstream JSON has a made-up phone number. */
			if (strcmp(name, "location_coordinates") == 0 &&
			    strcmp(head[i], "Contact Phone Number") == 0) {
				assert_string_equal(row.fields[i],
				    "2095257564");
				continue;
			}
			assert_int_equal(row.lens[i], json_string_length(v));
			assert_memory_equal(row.fields[i], json_string_value(v),
			    row.lens[i]);
		}
		nrec++;
	}
	if (r != 0)
		fail_msg("%s: %s", name, err.msg);
	assert_int_equal(nrec, json_array_size(doc));

	for (i = 0; i < nhead; i++)
		free(head[i]);
	free(head);
	lt_csv_close(c);
	fclose(f);
	json_decref(doc);
}

/* The csv-spectrum conformance suite. */
static void
test_spectrum(void **state)
{
	static const char *const cases[] = {
		"comma_in_quotes", "empty", "empty_crlf", "escaped_quotes",
		"json", "location_coordinates", "newlines", "newlines_crlf",
		"quotes_and_newlines", "simple", "simple_crlf", "utf8"
	};
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		check_spectrum(cases[i]);
}

/* CRLF line ends are removed; CRLF inside quotes is kept. */
static void
test_crlf(void **state)
{
	(void)state;
	expect_records("a,b\r\n1,2\r\n\"x\r\ny\",3\r\n", ',',
	    "1:a|b\n2:1|2\n3:x\r\ny|3\n");
	/* A lone CR is text inside a field, but a line end at the end. */
	expect_records("a\rb,c\r\nd,e\r", ',', "1:a\rb|c\n2:d|e\n");
	expect_records("\"a\",\"b\"\r", ',', "1:a|b\n");
}

/* A UTF-8 byte-order mark is skipped but still counted in the offset. */
static void
test_bom(void **state)
{
	lt_buf	out = LT_BUF_INIT;
	lt_error err;
	char	delim;
	const char *s = "\xef\xbb\xbfname;age\nann;3\n";

	(void)state;
	assert_int_equal(parse(s, strlen(s), 0, &out, &err, &delim), 0);
	assert_int_equal(delim, ';');
	assert_string_equal(lt_buf_str(&out), "1:name|age\n2:ann|3\n");
	/* A file of only a BOM has no records. */
	assert_int_equal(parse("\xef\xbb\xbf", 3, 0, &out, &err, NULL), 0);
	assert_string_equal(lt_buf_str(&out), "");
	lt_buf_free(&out);
}

/* Delimiter sniffing: semicolon, tab, comma, and quotes ignored. */
static void
test_sniff(void **state)
{
	lt_buf	out = LT_BUF_INIT;
	lt_error err;
	char	delim;
	const char *semi = "a;b;c\n1,5;2,25;3\n4;5;6\n";
	const char *tab = "a\tb, c\tc\n1\t2\t3\n";
	const char *quoted = "\"a;b;c\",d\n\"x;y;z\",w\n";
	const char *single = "name\nbob\n";

	(void)state;
	assert_int_equal(parse(semi, strlen(semi), 0, &out, &err, &delim), 0);
	assert_int_equal(delim, ';');
	assert_string_equal(lt_buf_str(&out),
	    "1:a|b|c\n2:1,5|2,25|3\n3:4|5|6\n");
	assert_int_equal(parse(tab, strlen(tab), 0, &out, &err, &delim), 0);
	assert_int_equal(delim, '\t');
	assert_string_equal(lt_buf_str(&out), "1:a|b, c|c\n2:1|2|3\n");
	assert_int_equal(parse(quoted, strlen(quoted), 0, &out, &err, &delim),
	    0);
	assert_int_equal(delim, ',');
	assert_string_equal(lt_buf_str(&out), "1:a;b;c|d\n2:x;y;z|w\n");
	assert_int_equal(parse(single, strlen(single), 0, &out, &err, &delim),
	    0);
	assert_int_equal(delim, ',');
	assert_int_equal(parse("", 0, 0, &out, &err, &delim), 0);
	assert_int_equal(delim, ',');
	assert_string_equal(lt_buf_str(&out), "");
	lt_buf_free(&out);
}

/* A given delimiter is used as is; others are refused. */
static void
test_forced_delimiter(void **state)
{
	FILE	*f;
	lt_error err;

	(void)state;
	expect_records("a;b,c\n1;2,3\n", ',', "1:a;b|c\n2:1;2|3\n");
	expect_records("a;b,c\n1;2,3\n", ';', "1:a|b,c\n2:1|2,3\n");
	expect_records("a,b\tc\n", '\t', "1:a,b|c\n");
	f = memfile("a|b\n", 4);
	assert_null(lt_csv_open(f, "x.csv", '|', &err));
	assert_int_equal(err.code, LT_EINVAL);
	fclose(f);
}

/* Record line numbers count the lines inside quoted fields. */
static void
test_quoted_newline_lines(void **state)
{
	(void)state;
	expect_records("h,i\n\"a\nb\nc\",1\nnext,2\n\"x\r\n\",3\r\nlast,4\n",
	    ',', "1:h|i\n2:a\nb\nc|1\n5:next|2\n6:x\r\n|3\n8:last|4\n");
}

/* The last record needs no line end; a trailing delimiter is a field. */
static void
test_no_final_newline(void **state)
{
	(void)state;
	expect_records("a,b\n1,2", ',', "1:a|b\n2:1|2\n");
	expect_records("a,b\n\"1\",\"2\"", ',', "1:a|b\n2:1|2\n");
	expect_records("a,b\n1,", ',', "1:a|b\n2:1|\n");
	expect_records("x", ',', "1:x\n");
}

/* Blank lines (LF or CRLF) are skipped but counted. */
static void
test_blank_lines(void **state)
{
	(void)state;
	expect_records("\n\na,b\n\n\r\n1,2\n\n", ',', "3:a|b\n6:1|2\n");
	/* An empty quoted field is not a blank line. */
	expect_records("a\n\"\"\n\nb\n", ',', "1:a\n2:\n4:b\n");
}

/* Quotes: doubled, empty, and a stray one inside an unquoted field. */
static void
test_quotes(void **state)
{
	(void)state;
	expect_records("a,b\"c,d\n", ',', "1:a|b\"c|d\n");
	expect_records("\"\",\"\"\"\",\"a\"\"\"\"b\",\"\"\"x\"\"\"\n", ',',
	    "1:|\"|a\"\"b|\"x\"\n");
	expect_records("\"a,b\";\"c;d\"\n", ';', "1:a,b|c;d\n");
}

/* Invalid UTF-8 names the line and the byte offset in the file. */
static void
test_invalid_utf8(void **state)
{
	lt_buf	out = LT_BUF_INIT;
	lt_error err;
	const char *s = "a,b\n1,2\nx,\xff\n";
	FILE	*f;
	lt_csv	*c;
	lt_csv_row row;

	(void)state;
	expect_error(s, strlen(s), "1:a|b\n2:1|2\n",
	    "line 3, byte 10: the file is not valid UTF-8");
	/* After a BOM, in a quoted field after a line break inside it. */
	expect_error("\xef\xbb\xbf" "a\n\"b\nc\xc3\x28\"\n", 13, "1:a\n",
	    "line 3, byte 9: the file is not valid UTF-8");
	/* Overlong, surrogate, above U+10FFFF, stray continuation byte. */
	expect_error("\xc0\xaf\n", 3, "", "line 1, byte 0: ");
	expect_error("ab\xed\xa0\x80\n", 6, "", "line 1, byte 2: ");
	expect_error("\xf4\x90\x80\x80\n", 5, "", "line 1, byte 0: ");
	expect_error("a\n\x80\n", 4, "1:a\n", "line 2, byte 2: ");
	/* Valid characters of 2, 3 and 4 bytes pass. */
	expect_records("\xc3\xa9,\xe2\x82\xac,\"\xf0\x9f\x98\x80\"\n", ',',
	    "1:\xc3\xa9|\xe2\x82\xac|\xf0\x9f\x98\x80\n");

	/* The error sticks: the next call reports it again. */
	f = memfile(s, strlen(s));
	c = lt_csv_open(f, "t.csv", 0, &err);
	assert_non_null(c);
	assert_int_equal(lt_csv_next(c, &row, &err), 1);
	assert_int_equal(lt_csv_next(c, &row, &err), 1);
	assert_int_equal(lt_csv_next(c, &row, &err), -1);
	memset(&err, 0, sizeof err);
	assert_int_equal(lt_csv_next(c, &row, &err), -1);
	assert_int_equal(strncmp(err.msg, "line 3, byte 10:", 16), 0);
	lt_csv_close(c);
	fclose(f);
	lt_buf_free(&out);
}

/* A multi-byte character cut short by the end of the file. */
static void
test_truncated_utf8(void **state)
{
	(void)state;
	expect_error("a\nb\xe2\x82", 5, "1:a\n",
	    "line 2, byte 3: the file is not valid UTF-8");
	expect_error("a\n\"\xf0\x9f\x98", 6, "1:a\n", "line 2, byte 3: ");
}

/* A zero byte means this is not a text file. */
static void
test_nul(void **state)
{
	(void)state;
	expect_error("a,b\n1,\0\n", 8, "1:a|b\n",
	    "line 2, byte 6: the file contains a zero byte");
	expect_error("a\n\"x\0\"\n", 7, "1:a\n", "line 2, byte 4: ");
}

/* A quoted field never closed names the line where it started. */
static void
test_unclosed_quote(void **state)
{
	const char *s = "a,b\n1,\"abc\ndef\nghi\n";

	(void)state;
	expect_error(s, strlen(s), "1:a|b\n",
	    "line 2: a quoted field that starts on this line is never closed");
	expect_error("\"", 1, "", "line 1: a quoted field");
}

/* Text after a closing quote names the line it is on. */
static void
test_junk_after_quote(void **state)
{
	const char *s = "a,b\n\"x\ny\"z,1\n";

	(void)state;
	expect_error("a,b\n\"ab\"c,d\n", 12, "1:a|b\n",
	    "line 2: there is text after the closing quote of a field");
	expect_error(s, strlen(s), "1:a|b\n", "line 3: there is text after");
	expect_error("\"a\" ,b\n", 7, "", "line 1: there is text after");
}

/* The offset grows record by record up to the file's size. */
static void
test_offset(void **state)
{
	const char *s = "\xef\xbb\xbf" "a,b\r\n\n\"1\n\",2\n3,4";
	FILE	*f = memfile(s, strlen(s));
	lt_csv	*c;
	lt_csv_row row;
	lt_error err;

	(void)state;
	c = lt_csv_open(f, "t.csv", 0, &err);
	assert_non_null(c);
	assert_int_equal(lt_csv_offset(c), 3);
	assert_int_equal(lt_csv_next(c, &row, &err), 1);
	assert_int_equal(lt_csv_offset(c), 8);
	assert_int_equal(lt_csv_next(c, &row, &err), 1);
	assert_int_equal(row.line, 3);
	assert_int_equal(lt_csv_offset(c), 16);
	assert_int_equal(lt_csv_next(c, &row, &err), 1);
	assert_int_equal(row.line, 5);
	assert_int_equal(lt_csv_offset(c), 19);
	assert_int_equal(lt_csv_next(c, &row, &err), 0);
	assert_int_equal(lt_csv_next(c, &row, &err), 0);
	lt_csv_close(c);
	fclose(f);
}

/* A record of many fields grows the field arrays. */
static void
test_many_fields(void **state)
{
	lt_buf	in = LT_BUF_INIT, out = LT_BUF_INIT, want = LT_BUF_INIT;
	lt_error err;
	int	i;

	(void)state;
	lt_buf_puts(&want, "1:");
	for (i = 0; i < 5000; i++) {
		lt_buf_printf(&in, "%s%d", i ? "," : "", i);
		lt_buf_printf(&want, "%s%d", i ? "|" : "", i);
	}
	lt_buf_puts(&in, "\nz\n");
	lt_buf_puts(&want, "\n2:z\n");
	assert_int_equal(parse(in.s, in.len, 0, &out, &err, NULL), 0);
	assert_string_equal(lt_buf_str(&out), lt_buf_str(&want));
	lt_buf_free(&in);
	lt_buf_free(&out);
	lt_buf_free(&want);
}

/* Fields of 3 MB, larger than a block, plain and quoted with "". */
static void
test_long_record(void **state)
{
	const size_t big = 3 * 1024 * 1024;
	lt_buf	in = LT_BUF_INIT;
	FILE	*f;
	lt_csv	*c;
	lt_csv_row row;
	lt_error err;
	size_t	i;

	(void)state;
	assert_true(big > csv_block);
	lt_buf_puts(&in, "a,b\nx,");
	lt_buf_pad(&in, 'y', big);
	lt_buf_puts(&in, "\n\"");
	for (i = 0; i < big / 4; i++)
		lt_buf_puts(&in, "\xc3\xa9\"\"");	/* e-acute, "" */
	lt_buf_puts(&in, "\nz\",w\n");

	f = memfile(in.s, in.len);
	c = lt_csv_open(f, "t.csv", 0, &err);
	assert_non_null(c);
	assert_int_equal(lt_csv_next(c, &row, &err), 1);
	assert_int_equal(lt_csv_next(c, &row, &err), 1);
	assert_int_equal(row.line, 2);
	assert_int_equal(row.nfields, 2);
	assert_string_equal(row.fields[0], "x");
	assert_int_equal(row.lens[1], big);
	assert_int_equal(strspn(row.fields[1], "y"), big);
	assert_int_equal(lt_csv_next(c, &row, &err), 1);
	assert_int_equal(row.line, 3);
	assert_int_equal(row.nfields, 2);
	assert_int_equal(row.lens[0], big / 4 * 3 + 2);
	for (i = 0; i < big / 4; i++)
		if (memcmp(row.fields[0] + i * 3, "\xc3\xa9\"", 3) != 0)
			fail_msg("wrong text at %zu", i * 3);
	assert_string_equal(row.fields[0] + big / 4 * 3, "\nz");
	assert_string_equal(row.fields[1], "w");
	assert_int_equal(lt_csv_next(c, &row, &err), 0);
	assert_int_equal(lt_csv_offset(c), in.len);
	lt_csv_close(c);
	fclose(f);
	lt_buf_free(&in);
}

/*
 * Every block size from 1 to 40 bytes gives the same records as the
 * default, so multi-byte characters, "", CRLF and quoted newlines are cut
 * by refills at every possible place; errors keep their offsets too.
 */
static void
test_block_boundaries(void **state)
{
	static const char good[] =
	    "\xef\xbb\xbfnom;prix;note\r\n"
	    "caf\xc3\xa9;\"3,50 \xe2\x82\xac\";\"il a dit \"\"oui\"\"\"\r\n"
	    "\r\n"
	    "\"deux\r\nlignes \xf0\x9f\x98\x80\";;\xc3\xa9\r\n"
	    "a\rb;\"\";\"\"\"\"\r"
	    "\n\xe2\x82\xac;\xe2\x82\xac;\xe2\x82\xac";
	static const char bad[] = "a,b\n\xc3\xa9,\"x\n\xe2\x82\xac\xe2\x82\"\n";
	lt_buf	want = LT_BUF_INIT, out = LT_BUF_INIT;
	lt_error err;
	size_t	saved = csv_block, bs;
	char	delim;

	(void)state;
	assert_int_equal(parse(good, sizeof good - 1, 0, &want, &err, &delim),
	    0);
	assert_int_equal(delim, ';');
	assert_string_equal(lt_buf_str(&want),
	    "1:nom|prix|note\n"
	    "2:caf\xc3\xa9|3,50 \xe2\x82\xac|il a dit \"oui\"\n"
	    "4:deux\r\nlignes \xf0\x9f\x98\x80||\xc3\xa9\n"
	    "6:a\rb||\"\n"
	    "7:\xe2\x82\xac|\xe2\x82\xac|\xe2\x82\xac\n");
	for (bs = 1; bs <= 40; bs++) {
		csv_block = bs;
		if (parse(good, sizeof good - 1, ';', &out, &err, NULL) != 0)
			fail_msg("block %zu: %s", bs, err.msg);
		if (strcmp(lt_buf_str(&out), lt_buf_str(&want)) != 0)
			fail_msg("block %zu: got \"%s\"", bs, lt_buf_str(&out));
		assert_int_equal(parse(bad, sizeof bad - 1, ',', &out, &err,
		    NULL), -1);
		assert_string_equal(lt_buf_str(&out), "1:a|b\n");
		if (strncmp(err.msg, "line 3, byte 13: ", 17) != 0)
			fail_msg("block %zu: %s", bs, err.msg);
	}
	/* A 3-byte character straddling the first refill exactly. */
	csv_block = 8;
	expect_records("abcdefg\xe2\x82\xac,x\n", ',',
	    "1:abcdefg\xe2\x82\xac|x\n");
	csv_block = saved;
	lt_buf_free(&want);
	lt_buf_free(&out);
}

/* A record past CSV_RECORD_MAX (an unclosed quote) is an error, not a memory hog. */
static void
test_record_limit(void **state)
{
	lt_buf	in = LT_BUF_INIT;
	FILE	*f;
	lt_csv	*c;
	lt_csv_row row;
	lt_error err;

	(void)state;
	lt_buf_puts(&in, "a,b\nx,\"");
	lt_buf_pad(&in, 'y', CSV_RECORD_MAX + 1024);
	f = memfile(in.s, in.len);
	c = lt_csv_open(f, "t.csv", 0, &err);
	assert_non_null(c);
	assert_int_equal(lt_csv_next(c, &row, &err), 1);
	assert_int_equal(lt_csv_next(c, &row, &err), -1);
	assert_int_equal(err.code, LT_EFORMAT);
	assert_non_null(strstr(err.msg, "line 2"));
	assert_non_null(strstr(err.msg, "never closed"));
	lt_csv_close(c);
	fclose(f);
	lt_buf_free(&in);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_record_limit),
		cmocka_unit_test(test_spectrum),
		cmocka_unit_test(test_crlf),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_sniff),
		cmocka_unit_test(test_forced_delimiter),
		cmocka_unit_test(test_quoted_newline_lines),
		cmocka_unit_test(test_no_final_newline),
		cmocka_unit_test(test_blank_lines),
		cmocka_unit_test(test_quotes),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_truncated_utf8),
		cmocka_unit_test(test_nul),
		cmocka_unit_test(test_unclosed_quote),
		cmocka_unit_test(test_junk_after_quote),
		cmocka_unit_test(test_offset),
		cmocka_unit_test(test_many_fields),
		cmocka_unit_test(test_long_record),
		cmocka_unit_test(test_block_boundaries),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
