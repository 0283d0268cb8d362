/*
 * test_buf.c - unit tests for the checked allocators and the growable
 * string.
 */
#include "config.h"

#include "test_common.h"

#include "buf.h"

static void
test_buf_basics(void **state)
{
	lt_buf b = LT_BUF_INIT;
	char *s;

	(void)state;
	assert_string_equal(lt_buf_str(&b), "");
	lt_buf_puts(&b, "ab");
	lt_buf_putc(&b, 'c');
	lt_buf_add(&b, "defXX", 3);
	lt_buf_pad(&b, '-', 3);
	lt_buf_printf(&b, "%d|%s|%.2f", 42, "x", 1.5);
	assert_string_equal(lt_buf_str(&b), "abcdef---42|x|1.50");
	assert_int_equal(b.len, strlen("abcdef---42|x|1.50"));
	assert_true(b.cap > b.len);
	lt_buf_reset(&b);
	assert_int_equal(b.len, 0);
	assert_string_equal(lt_buf_str(&b), "");
	assert_non_null(b.s);	/* memory kept */
	lt_buf_puts(&b, "again");
	s = lt_buf_take(&b);
	assert_string_equal(s, "again");
	assert_null(b.s);
	assert_int_equal(b.len, 0);
	free(s);
	s = lt_buf_take(&b);	/* empty: never NULL */
	assert_string_equal(s, "");
	free(s);
	lt_buf_pad(&b, 'x', 0);
	assert_string_equal(lt_buf_str(&b), "");
	lt_buf_free(&b);
	lt_buf_free(&b);
}

static void
test_buf_grows(void **state)
{
	lt_buf b = LT_BUF_INIT;
	char big[5000];

	(void)state;
	memset(big, 'z', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	for (int i = 0; i < 1000; i++)
		lt_buf_printf(&b, "%04d,", i);
	assert_int_equal(b.len, 5000);
	assert_memory_equal(b.s + 4995, "0999,", 5);
	assert_int_equal(b.s[b.len], '\0');
	lt_buf_printf(&b, "%s", big);
	assert_int_equal(b.len, 5000 + sizeof big - 1);
	assert_int_equal(b.s[b.len - 1], 'z');
	lt_buf_free(&b);
}

static void
test_strings(void **state)
{
	char *s;

	(void)state;
	assert_null(lt_strdup(NULL));
	s = lt_strdup("hello");
	assert_string_equal(s, "hello");
	free(s);
	s = lt_strndup("hello", 3);
	assert_string_equal(s, "hel");
	free(s);
	s = lt_strndup("", 0);
	assert_string_equal(s, "");
	free(s);
	s = lt_sprintf("%s=%d", "n", 7);
	assert_string_equal(s, "n=7");
	free(s);
	s = lt_sprintf("%s", "");
	assert_string_equal(s, "");
	free(s);
}

static void
test_alloc(void **state)
{
	size_t cap = 0;
	int *v = NULL;
	void *p;

	(void)state;
	v = lt_grow(v, &cap, 1, sizeof *v);
	assert_int_equal(cap, 8);
	v = lt_grow(v, &cap, 8, sizeof *v);
	assert_int_equal(cap, 8);
	v = lt_grow(v, &cap, 9, sizeof *v);
	assert_int_equal(cap, 16);
	v = lt_grow(v, &cap, 100, sizeof *v);
	assert_int_equal(cap, 128);
	for (int i = 0; i < 100; i++)
		v[i] = i;
	assert_int_equal(v[99], 99);
	free(v);
	/* Zero-sized requests still give memory that can be freed. */
	p = lt_malloc(0);
	assert_non_null(p);
	free(p);
	p = lt_calloc(0, 0);
	assert_non_null(p);
	free(p);
	p = lt_realloc(NULL, 0);
	assert_non_null(p);
	free(p);
	v = lt_calloc(4, sizeof *v);
	assert_true(v[0] == 0 && v[3] == 0);
	free(v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf_basics),
		cmocka_unit_test(test_buf_grows),
		cmocka_unit_test(test_strings),
		cmocka_unit_test(test_alloc),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
