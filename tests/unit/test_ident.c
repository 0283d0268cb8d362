/*
 * test_ident.c - tests for spotting direct identifiers (src/core/ident.c).
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "ident.h"

/* Feed a NULL-terminated list of values to a new column called name. */
static lt_ident *
judge(const char *name, const char *const *values)
{
	lt_ident	*id = lt_ident_new(name);

	for (; *values != NULL; values++)
		lt_ident_feed(id, *values, strlen(*values));
	return id;
}

/* The verdict for a list of values under a harmless column name. */
static int
flagged(const char *const *values, const char *expect)
{
	lt_ident	*id = judge("value", values);
	const char	*v = lt_ident_verdict(id);
	int		 ok;

	if (expect == NULL)
		ok = v == NULL;
	else
		ok = v != NULL && strcmp(v, expect) == 0;
	if (!ok)
		print_message("verdict: %s\n", v == NULL ? "(none)" : v);
	lt_ident_free(id);
	return ok;
}

/*
 * Whether every value on its own, repeated to make a column of five,
 * gets the verdict expect (NULL: none).
 */
static int
each_flagged(const char *const *values, const char *expect)
{
	const char	*col[6];
	int		 i, ok = 1;

	for (; *values != NULL; values++) {
		for (i = 0; i < 5; i++)
			col[i] = *values;
		col[5] = NULL;
		if (!flagged(col, expect)) {
			print_message("value: %s\n", *values);
			ok = 0;
		}
	}
	return ok;
}

#define V_NHS	"looks like NHS numbers (10 digits with a valid check " \
		"digit)"
#define V_EMAIL	"looks like email addresses"
#define V_POST	"looks like full postcodes (such as \"SW1A 1AA\"; the " \
		"district alone, \"SW1A\", would be fine)"
#define V_PHONE	"looks like phone numbers"
#define V_ADDR	"looks like street addresses"

/* A small fixed-seed generator so runs repeat exactly. */
static uint64_t
lcg(uint64_t *state)
{
	*state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
	return *state >> 33;
}

static void
test_nhs_valid(void **state)
{
	(void)state;
	assert_true(lt_ident_is_nhs_number("9434765919", 10));
	assert_true(lt_ident_is_nhs_number("9434765870", 10));
	/* check digit 11 -> 0: 943476587 sums to 308, a multiple of 11 */
	assert_true(lt_ident_is_nhs_number("943 476 5870", 12));
	assert_true(lt_ident_is_nhs_number("943 476 5919", 12));
	assert_true(lt_ident_is_nhs_number("943-476-5919", 12));
	assert_true(lt_ident_is_nhs_number(" 9434765919\r\n", 13));
	/* len is honoured: trailing bytes beyond it are ignored */
	assert_true(lt_ident_is_nhs_number("9434765919999", 10));
}

static void
test_nhs_invalid(void **state)
{
	(void)state;
	assert_false(lt_ident_is_nhs_number("9434765918", 10));
	assert_false(lt_ident_is_nhs_number("9434765871", 10));
	assert_false(lt_ident_is_nhs_number("943476591", 9));
	assert_false(lt_ident_is_nhs_number("94347659190", 11));
	assert_false(lt_ident_is_nhs_number("94 3476 5919", 12));
	assert_false(lt_ident_is_nhs_number("943  4765919", 12));
	assert_false(lt_ident_is_nhs_number("943476591a", 10));
	assert_false(lt_ident_is_nhs_number("", 0));
	assert_false(lt_ident_is_nhs_number(NULL, 0));
	/* 1000000109: sum 10 + 1*3 = 13, 13 mod 11 = 2, check 9: valid */
	assert_true(lt_ident_is_nhs_number("1000000109", 10));
	assert_false(lt_ident_is_nhs_number("1000000100", 10));
	/* 1200000000: sum 28, 28 mod 11 = 6, check 5, so 0 is wrong */
	assert_false(lt_ident_is_nhs_number("1200000000", 10));
	/* 100000001x: sum 12, 12 mod 11 = 1, check 10: no digit will do */
	for (char c = '0'; c <= '9'; c++) {
		char num[] = "100000001x";

		num[9] = c;
		assert_false(lt_ident_is_nhs_number(num, 10));
	}
	/* repeated digits pass the arithmetic but are placeholders */
	assert_false(lt_ident_is_nhs_number("0000000000", 10));
	assert_false(lt_ident_is_nhs_number("9999999999", 10));
}

static void
test_name_positive(void **state)
{
	static const char *const names[] = {
		"name", "First Name", "first_name", "FIRSTNAME", "Surname",
		"last-name", "Family Name", "forename", "given_name",
		"middle_name", "full name", "patient_name", "maiden name",
		"patient_surname", "PersonName", "mother's maiden name",
		"NHS Number", "nhs_no", "NHS", "chi_number", "CHI",
		"DOB", "date_of_birth", "Date of Birth", "birth_date",
		"birthday", "bdate", "patient_dob", "mother_dob",
		"postcode", "Post Code", "zip", "zip_code", "postal_code",
		"address", "address1", "address_2", "Address Line 1",
		"street", "street_address", "house_no", "house number",
		"email", "E-mail", "email_address", "mail", "phone",
		"phone_number", "telephone", "tel", "mobile",
		"mobile_number", "cell phone", "ni_number", "NINO",
		"father_phone", NULL
	};
	lt_ident	*id;
	size_t		 i;

	(void)state;
	for (i = 0; names[i] != NULL; i++) {
		id = lt_ident_new(names[i]);
		if (lt_ident_verdict(id) == NULL)
			print_message("not flagged: %s\n", names[i]);
		assert_non_null(lt_ident_verdict(id));
		assert_non_null(strstr(lt_ident_verdict(id), "is named like"));
		lt_ident_free(id);
	}
}

static void
test_name_kind(void **state)
{
	static const struct {
		const char *name, *verdict;
	} cases[] = {
		{ "Date of Birth", "is named like a date of birth" },
		{ "first_name", "is named like a person's name" },
		{ "nhs_number", "is named like an NHS number" },
		{ "postcode", "is named like a postcode" },
		{ "address_line_1", "is named like an address" },
		{ "email", "is named like an email address" },
		{ "mobile", "is named like a phone number" },
		{ "nino", "is named like a National Insurance number" },
	};
	lt_ident	*id;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		id = lt_ident_new(cases[i].name);
		assert_string_equal(lt_ident_verdict(id), cases[i].verdict);
		lt_ident_free(id);
	}
}

static void
test_name_negative(void **state)
{
	static const char *const names[] = {
		"dataset_name", "region_name", "drug_name", "hospital_name",
		"name_of_trust", "surname_count", "age", "bmi", "region",
		"postcode_district", "Postcode Area", "postcode_sector",
		"outcode", "lsoa", "year", "date", "admission_date",
		"steps", "chi2", "chisq", "patient_id", "person_count",
		"mother_age", "emailed", "phoneme", "zipf", "addressed",
		"telomere", "", "---", "patient", NULL
	};
	lt_ident	*id;
	size_t		 i;

	(void)state;
	for (i = 0; names[i] != NULL; i++) {
		id = lt_ident_new(names[i]);
		if (lt_ident_verdict(id) != NULL)
			print_message("flagged: %s\n", names[i]);
		assert_null(lt_ident_verdict(id));
		lt_ident_free(id);
	}
	id = lt_ident_new(NULL);
	assert_null(lt_ident_verdict(id));
	lt_ident_free(id);
}

static void
test_content_nhs(void **state)
{
	static const char *const yes[] = {
		"9434765919", "943 476 5870", "4010232137", "9434765919",
		"943-476-5919", "4010232137", NULL
	};
	static const char *const invalid[] = {
		"9434765918", "9434765871", "4010232138", "9434765917",
		"9434765916", "4010232139", NULL
	};

	(void)state;
	assert_true(lt_ident_is_nhs_number("4010232137", 10));
	assert_true(each_flagged(yes, V_NHS));
	assert_true(each_flagged(invalid, NULL));
}

static void
test_content_random_ten_digits(void **state)
{
	char		 buf[16];
	uint64_t	 seed = 20240601;
	lt_ident	*id = lt_ident_new("steps");
	int		 i, valid = 0;

	(void)state;
	for (i = 0; i < 5000; i++) {
		uint64_t v = 1000000000ULL + (lcg(&seed) * 7919 +
		    lcg(&seed)) % 9000000000ULL;

		snprintf(buf, sizeof buf, "%llu", (unsigned long long)v);
		assert_int_equal(strlen(buf), 10);
		valid += lt_ident_is_nhs_number(buf, 10);
		lt_ident_feed(id, buf, strlen(buf));
	}
	/* about one in eleven pass the check by chance, far below 90% */
	assert_in_range(valid, 250, 750);
	assert_null(lt_ident_verdict(id));
	lt_ident_free(id);
}

static void
test_content_email(void **state)
{
	static const char *const yes[] = {
		"a.b@example.org", "x_y+z@mail.example.co.uk", "Q@EXAMPLE.COM",
		"first.last@nhs.net", "abc123@uni.ac.uk", NULL
	};
	static const char *const no[] = {
		"a@@example.org", "@example.org",
		"a@example", "a@example.", "a@.org", "a@b..org",
		"a@example.c1", "name at example dot org", "a@b@c.org", NULL
	};

	(void)state;
	assert_true(each_flagged(yes, V_EMAIL));
	assert_true(each_flagged(no, NULL));
}

static void
test_content_postcode(void **state)
{
	static const char *const yes[] = {
		"SW1A 1AA", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT",
		"w1a 0ax", "EC1A1BB", "GIR 0AA", NULL
	};
	static const char *const districts[] = {
		"SW1A", "M1", "B33", "CR2", "DN55", "W1A", "EC1A", "LS1", NULL
	};
	static const char *const lsoa[] = {
		"E01000001", "E01000002", "W01000003", "E01033768",
		"E01000005", "E02000001", NULL
	};
	static const char *const no[] = {
		"SW1A 1A", "1AA SW1", "SWA1 1AA", "SW1A 1AAA", "S 1AA",
		"ABCDE 1AA", "SW1A-1AA", NULL
	};

	(void)state;
	assert_true(each_flagged(yes, V_POST));
	assert_true(each_flagged(districts, NULL));
	assert_true(each_flagged(lsoa, NULL));
	assert_true(each_flagged(no, NULL));
}

static void
test_content_phone(void **state)
{
	static const char *const yes[] = {
		"020 7946 0958", "+44 7700 900123", "07700900123",
		"(0161) 496 0000", "0113-496-0000", "+1 555 010 0199",
		"44 20 7946 0958", NULL
	};
	static const char *const integers[] = {
		"4412345678", "1234567890", "5551234567", "4420794609",
		"2079460958", "7700900123", NULL
	};
	static const char *const no[] = {
		"0000012345", "0000000001", "020 7946", "0.12345678901",
		"-0123456789", "01234567890123456", "0207 946 095x", NULL
	};

	(void)state;
	assert_true(each_flagged(yes, V_PHONE));
	assert_true(each_flagged(integers, NULL));
	assert_true(each_flagged(no, NULL));
}

static void
test_content_address(void **state)
{
	static const char *const yes[] = {
		"12 High Street", "3a Mill Lane, Leeds", "221B Baker St.",
		"Flat 2, 10 Park Road", "7 Elm Close", "1-3 Station Rd",
		"45 Queen's Avenue, London SW1A 1AA", NULL
	};
	static const char *const no[] = {
		"High Street", "12 Street", "15 minutes drive",
		"5 min walk", "2 way", "12th Avenue", "10 mg daily",
		"3 days a week", "Main Road 12", NULL
	};

	(void)state;
	assert_true(each_flagged(yes, V_ADDR));
	assert_true(each_flagged(no, NULL));
}

static void
test_content_ordinary(void **state)
{
	static const char *const ages[] = {
		"34", "56", "71", "18", "90", "45", "23", NULL
	};
	static const char *const dates[] = {
		"2021-03-04", "2020-11-30", "1999-01-01", "2022-07-15",
		"2019-05-05", "04/03/2021", NULL
	};
	static const char *const words[] = {
		"North West", "London", "Wales", "Scotland", "East",
		"Yorkshire and the Humber", NULL
	};
	static const char *const bmi[] = {
		"23.4", "31.0", "19.8", "27.5", "40.1", "22.2", NULL
	};

	(void)state;
	assert_true(each_flagged(ages, NULL));
	assert_true(each_flagged(dates, NULL));
	assert_true(each_flagged(words, NULL));
	assert_true(each_flagged(bmi, NULL));
}

static void
test_content_dates_not_dob(void **state)
{
	static const char *const dates[] = {
		"1950-02-11", "1987-12-30", "1962-06-01", "2001-09-09",
		"1944-04-04", "1971-10-10", NULL
	};
	lt_ident	*id;

	(void)state;
	assert_true(each_flagged(dates, NULL));
	id = judge("date_of_birth", dates);
	assert_string_equal(lt_ident_verdict(id),
	    "is named like a date of birth");
	lt_ident_free(id);
}

static void
test_content_needs_five(void **state)
{
	static const char *const four[] = {
		"a@example.org", "b@example.org", "c@example.org",
		"d@example.org", NULL
	};
	static const char *const five[] = {
		"a@example.org", "b@example.org", "c@example.org",
		"d@example.org", "e@example.org", NULL
	};

	static const char *const one[] = { "someone", "a@example.org", "other", NULL };
	static const char *const prose[] = {
		"fine", "no change", "write to jo.bloggs@example.org, or call", "ok", NULL
	};
	static const char *const not_email[] = {
		"fine", "meet @ 5pm", "rate 5@10", "a@b", "x @example.org", NULL
	};

	/* An email address identifies someone on its own: one is enough. */
	(void)state;
	assert_true(flagged(four, V_EMAIL));
	assert_true(flagged(five, V_EMAIL));
	assert_true(flagged(one, V_EMAIL));
	/* Inside free text too, but not every @. */
	assert_true(flagged(prose, V_EMAIL));
	assert_true(flagged(not_email, NULL));
	/* Only the first 256 bytes of a value are read, whatever they hold. */
	{
		lt_buf a = LT_BUF_INIT, b = LT_BUF_INIT;
		lt_ident *x = lt_ident_new("notes"), *y = lt_ident_new("notes");

		for (int i = 0; i < 60; i++)
			lt_buf_puts(&a, "word ");
		lt_buf_puts(&a, "write to jo@example.org");
		lt_buf_puts(&b, "@ ");
		lt_buf_add(&b, a.s, a.len);
		for (int i = 0; i < 10; i++) {
			lt_ident_feed(x, a.s, a.len);
			lt_ident_feed(y, b.s, b.len);
		}
		assert_null(lt_ident_verdict(x));
		assert_null(lt_ident_verdict(y));
		lt_ident_free(x);
		lt_ident_free(y);
		lt_buf_free(&a);
		lt_buf_free(&b);
	}
}

static void
test_content_mixed(void **state)
{
	/* 5 emails in 11 values: under half */
	static const char *const under[] = {
		"a@example.org", "b@example.org", "c@example.org",
		"d@example.org", "e@example.org", "none", "n/a", "refused",
		"unknown", "other", "later", NULL
	};
	/* 5 emails in 10 values: exactly half */
	static const char *const half[] = {
		"a@example.org", "b@example.org", "c@example.org",
		"d@example.org", "e@example.org", "none", "n/a", "refused",
		"unknown", "other", NULL
	};
	/* NHS numbers among many invalid 10-digit values: under 90% */
	static const char *const nhs_mixed[] = {
		"9434765919", "9434765870", "4010232137", "9434765919",
		"9434765870", "4010232137", "9434765919", "9434765870",
		"9434765918", "1234567890", NULL
	};

	static const char *const two_nhs[] = { "9434765919", "9434765870", NULL };

	(void)state;
	assert_true(flagged(under, V_EMAIL));
	assert_true(flagged(half, V_EMAIL));
	assert_true(flagged(nhs_mixed, NULL));
	/* Two valid NHS numbers and nothing else: flagged (chance: 1 in 121). */
	assert_true(flagged(two_nhs, V_NHS));
}

static void
test_empty_values_ignored(void **state)
{
	static const char *const vals[] = {
		"a@example.org", "", "  ", "b@example.org", "\t",
		"c@example.org", "", "d@example.org", " e@example.org ",
		"", "", "", NULL
	};
	lt_ident	*id;

	(void)state;
	assert_true(flagged(vals, V_EMAIL));
	id = lt_ident_new("value");
	lt_ident_feed(id, NULL, 0);
	assert_null(lt_ident_verdict(id));
	lt_ident_free(id);
	lt_ident_feed(NULL, "x", 1);
	assert_null(lt_ident_verdict(NULL));
	lt_ident_free(NULL);
}

static void
test_cap(void **state)
{
	lt_ident	*id;
	int		 i;

	(void)state;
	/* emails after the first 10,000 values are never looked at */
	id = lt_ident_new("value");
	for (i = 0; i < 10000; i++)
		lt_ident_feed(id, "plain", 5);
	for (i = 0; i < 30000; i++)
		lt_ident_feed(id, "a@example.org", 13);
	assert_null(lt_ident_verdict(id));
	lt_ident_free(id);

	/* and a column of emails stays flagged whatever follows */
	id = lt_ident_new("value");
	for (i = 0; i < 5000; i++)
		lt_ident_feed(id, "a@example.org", 13);
	for (i = 0; i < 30000; i++)
		lt_ident_feed(id, "plain", 5);
	assert_string_equal(lt_ident_verdict(id), V_EMAIL);
	lt_ident_free(id);

	/* values 9,991 to 10,000 count, the ones after do not */
	id = lt_ident_new("value");
	for (i = 0; i < 9990; i++)
		lt_ident_feed(id, "plain", 5);
	for (i = 0; i < 10; i++)
		lt_ident_feed(id, "020 7946 0958", 13);
	for (i = 0; i < 30000; i++)
		lt_ident_feed(id, "020 7946 0959", 13);
	assert_null(lt_ident_verdict(id));
	lt_ident_free(id);
}

/* Whether the verdict for values quotes any of them. */
static int
verdict_leaks(const char *const *values)
{
	lt_ident	*id = judge("value", values);
	const char	*v = lt_ident_verdict(id);
	const char	*const *p;
	int		 leak = 0;

	assert_non_null(v);
	for (p = values; *p != NULL; p++)
		if (strstr(v, *p) != NULL)
			leak = 1;
	lt_ident_free(id);
	return leak;
}

static void
test_verdict_no_values(void **state)
{
	static const char *const nhs[] = {
		"9434765919", "9434765870", "4010232137", "9434765919",
		"9434765870", NULL
	};
	static const char *const email[] = {
		"zed@example.org", "zed@example.org", "zed@example.org",
		"zed@example.org", "zed@example.org", NULL
	};
	/* the generic example "SW1A 1AA" may appear, real values may not */
	static const char *const post[] = {
		"ZE1 0QW", "ZE1 0QW", "KW1 4YT", "KW1 4YT", "KW1 4YT", NULL
	};
	static const char *const post_districts[] = {
		"ZE1", "KW1", NULL
	};
	static const char *const phone[] = {
		"01632 960123", "01632 960123", "01632 960123",
		"01632 960123", "01632 960123", NULL
	};
	static const char *const addr[] = {
		"9 Quixote Lane", "9 Quixote Lane", "9 Quixote Lane",
		"9 Quixote Lane", "9 Quixote Lane", NULL
	};
	lt_ident	*id;

	(void)state;
	assert_false(verdict_leaks(nhs));
	assert_false(verdict_leaks(email));
	assert_false(verdict_leaks(post));
	id = judge("value", post);
	assert_null(strstr(lt_ident_verdict(id), post_districts[0]));
	assert_null(strstr(lt_ident_verdict(id), post_districts[1]));
	lt_ident_free(id);
	assert_false(verdict_leaks(phone));
	assert_false(verdict_leaks(addr));
	assert_null(strstr(V_ADDR, "Quixote"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nhs_valid),
		cmocka_unit_test(test_nhs_invalid),
		cmocka_unit_test(test_name_positive),
		cmocka_unit_test(test_name_kind),
		cmocka_unit_test(test_name_negative),
		cmocka_unit_test(test_content_nhs),
		cmocka_unit_test(test_content_random_ten_digits),
		cmocka_unit_test(test_content_email),
		cmocka_unit_test(test_content_postcode),
		cmocka_unit_test(test_content_phone),
		cmocka_unit_test(test_content_address),
		cmocka_unit_test(test_content_ordinary),
		cmocka_unit_test(test_content_dates_not_dob),
		cmocka_unit_test(test_content_needs_five),
		cmocka_unit_test(test_content_mixed),
		cmocka_unit_test(test_empty_values_ignored),
		cmocka_unit_test(test_cap),
		cmocka_unit_test(test_verdict_no_values),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
