/*
 * test_dict.c - unit tests for the data dictionary helpers: type names,
 * levels and labels, finding variables and "did you mean" suggestions.
 */
#include "config.h"

#include "test_common.h"

#include "date.h"
#include "dict.h"

/* Three variables like the cohort's: age, smoking (labelled) and bmi. */
static void
make_vars(lt_var v[3])
{
	memset(v, 0, 3 * sizeof *v);
	v[0].name = lt_strdup("age");
	v[0].label = lt_strdup("Age");
	v[0].type = LT_VT_INTEGER;
	v[1].name = lt_strdup("smoking");
	v[1].label = lt_strdup("Smoking status");
	v[1].type = LT_VT_CATEGORY;
	v[1].storage = LT_ST_INT;
	lt_var_add_level(&v[1], "0", "never");
	lt_var_add_level(&v[1], "1", "former");
	lt_var_add_level(&v[1], "2", "Current");
	lt_var_add_level(&v[1], "9", NULL);
	v[2].name = lt_strdup("BMI_value");
	v[2].label = lt_strdup("Body mass index");
	v[2].unit = lt_strdup("kg/m2");
	v[2].type = LT_VT_NUMBER;
	v[2].missing = lt_calloc(2, sizeof *v[2].missing);
	v[2].missing[0] = lt_strdup("-9");
	v[2].missing[1] = lt_strdup("-8");
	v[2].nmissing = 2;
}

static void
free_vars(lt_var v[3])
{
	for (int i = 0; i < 3; i++)
		lt_var_clear(&v[i]);
}

static void
test_vtype_names(void **state)
{
	(void)state;
	for (int t = LT_VT_INTEGER; t <= LT_VT_TEXT; t++)
		assert_int_equal(lt_vtype_parse(lt_vtype_name(t)), t);
	assert_string_equal(lt_vtype_name(LT_VT_CATEGORY), "category");
	assert_int_equal(lt_vtype_parse("DATE"), LT_VT_DATE);
	assert_int_equal(lt_vtype_parse("string"), -1);
	assert_int_equal(lt_vtype_parse(""), -1);
	assert_int_equal(lt_vtype_parse(NULL), -1);
	assert_string_equal(lt_vtype_name(-1), "unknown");
	assert_string_equal(lt_vtype_name(99), "unknown");
}

static void
test_levels(void **state)
{
	lt_var v[3];
	const lt_level *l;

	(void)state;
	make_vars(v);
	assert_int_equal(v[1].nlevels, 4);
	assert_string_equal(v[1].levels[3].label, "9");	/* no label: the value */
	assert_string_equal(lt_var_label_of(&v[1], "0"), "never");
	assert_string_equal(lt_var_label_of(&v[1], "2"), "Current");
	assert_null(lt_var_label_of(&v[1], "3"));
	assert_null(lt_var_label_of(&v[1], "never"));	/* values only */
	l = lt_var_find_level(&v[1], "current");	/* labels, any case */
	assert_non_null(l);
	assert_string_equal(l->value, "2");
	l = lt_var_find_level(&v[1], "1");	/* or values */
	assert_non_null(l);
	assert_string_equal(l->label, "former");
	assert_null(lt_var_find_level(&v[1], "sometimes"));
	assert_null(lt_var_find_level(&v[0], "1"));
	free_vars(v);
}

static void
test_find_and_suggest(void **state)
{
	lt_var v[3];

	(void)state;
	make_vars(v);
	assert_ptr_equal(lt_vars_find(v, 3, "age"), &v[0]);
	assert_ptr_equal(lt_vars_find(v, 3, "AGE"), &v[0]);
	assert_ptr_equal(lt_vars_find(v, 3, "bmi_value"), &v[2]);
	assert_null(lt_vars_find(v, 3, "ag"));
	assert_null(lt_vars_find(v, 0, "age"));
	assert_string_equal(lt_vars_suggest(v, 3, "smokng"), "smoking");
	assert_string_equal(lt_vars_suggest(v, 3, "SMOKING_"), "smoking");
	assert_string_equal(lt_vars_suggest(v, 3, "bmi_valeu"), "BMI_value");
	assert_string_equal(lt_vars_suggest(v, 3, "agge"), "age");
	assert_null(lt_vars_suggest(v, 3, "cholesterol"));
	assert_null(lt_vars_suggest(v, 3, "x"));
	assert_null(lt_vars_suggest(v, 0, "age"));
	free_vars(v);
}

static void
test_copy_and_clear(void **state)
{
	lt_var v[3], c;

	(void)state;
	make_vars(v);
	lt_var_copy(&c, &v[2]);
	assert_true(c.name != v[2].name);
	assert_string_equal(c.name, "BMI_value");
	assert_string_equal(c.unit, "kg/m2");
	assert_int_equal(c.type, LT_VT_NUMBER);
	assert_int_equal(c.nmissing, 2);
	assert_string_equal(c.missing[1], "-8");
	lt_var_clear(&c);
	assert_null(c.name);
	assert_int_equal(c.nmissing, 0);
	lt_var_copy(&c, &v[1]);
	assert_int_equal(c.nlevels, 4);
	assert_true(c.levels != v[1].levels);
	assert_string_equal(c.levels[2].label, "Current");
	assert_null(c.description);
	lt_var_clear(&c);
	lt_var_clear(NULL);
	free_vars(v);
}

/* Dates: known day numbers (checked with Python's datetime), leap years, every day round-trips, bad ones refused. */
static void
test_dates(void **state)
{
	long days;
	lt_buf b = LT_BUF_INIT;

	(void)state;
	assert_true(lt_date_parse("1970-01-01", 10, &days) && days == 0);
	assert_true(lt_date_parse("2020-01-01", 10, &days) && days == 18262);
	assert_true(lt_date_parse("1854-04-01", 10, &days) && days == -42278);
	assert_true(lt_date_parse("2000-02-29", 10, &days));
	assert_false(lt_date_parse("1900-02-29", 10, &days));
	assert_false(lt_date_parse("2021-02-29", 10, &days));
	assert_false(lt_date_parse("2021-13-01", 10, &days));
	assert_false(lt_date_parse("2021-04-31", 10, &days));
	assert_false(lt_date_parse("21-04-01", 8, &days));
	assert_false(lt_date_parse("2021/04/01", 10, &days));
	for (long d = -80000; d <= 80000; d += 7) {
		long back;

		lt_buf_reset(&b);
		lt_date_format(&b, d);
		assert_int_equal(b.len, 10);
		assert_true(lt_date_parse(b.s, b.len, &back));
		assert_int_equal(back, d);
	}
	lt_buf_reset(&b);
	lt_date_format(&b, 18262);
	assert_string_equal(lt_buf_str(&b), "2020-01-01");
	lt_buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_vtype_names),
		cmocka_unit_test(test_levels),
		cmocka_unit_test(test_find_and_suggest),
		cmocka_unit_test(test_copy_and_clear),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
