/*
 * test_chart.c - charts drawn as text (chart.c) and histogram bins.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "chart.h"
#include "format.h"
#include "result.h"

/* Draw chart 0 of r at width; caller frees. */
static char *
draw(const lt_result *r, int width, int utf8)
{
	lt_buf b = LT_BUF_INIT;

	lt_chart_draw(r, &r->charts[0], width, utf8, &b);
	return lt_buf_take(&b);
}

/* Display columns of the widest line of s. */
static size_t
widest(const char *s)
{
	size_t w = 0, max = 0;

	for (; *s != '\0'; s++) {
		if (*s == '\n') {
			w = 0;
			continue;
		}
		if (((unsigned char)*s & 0xc0) != 0x80 && ++w > max)
			max = w;
	}
	return max;
}

/* The line of s starting with prefix, copied; NULL if none. */
static char *
line_with(const char *s, const char *prefix)
{
	size_t n = strlen(prefix);

	for (const char *p = s; *p != '\0'; p = strchr(p, '\n') + 1) {
		if (strncmp(p, prefix, n) == 0)
			return lt_strndup(p, strcspn(p, "\n"));
		if (strchr(p, '\n') == NULL)
			break;
	}
	return NULL;
}

/* A bar chart of two values, 10 and 5. */
static lt_result *
bar_result(void)
{
	static const lt_coldef cols[] = { { "value", "Value", LT_RC_TEXT | LT_RC_DETAIL },
	    { "count", "Count", LT_RC_COUNT | LT_RC_DETAIL }, { NULL, NULL, 0 } };
	lt_result *r = lt_result_new("plot bar x");
	lt_table *t = lt_result_table_with(r, "counts", NULL, cols);
	size_t row;

	row = lt_table_row(t);
	lt_table_text(t, row, 0, "never");
	lt_table_num(t, row, 1, 10);
	row = lt_table_row(t);
	lt_table_text(t, row, 0, "current");
	lt_table_num(t, row, 1, 5);
	lt_result_chart(r, LT_CHART_BAR, NULL, "Smoking", "People", 0);
	return r;
}

/* A scatter of the given points. */
static lt_result *
scatter_result(const double *x, const double *y, size_t n)
{
	static const lt_coldef cols[] = { { "x", "X", LT_RC_NUMBER | LT_RC_DETAIL },
	    { "y", "Y", LT_RC_NUMBER | LT_RC_DETAIL }, { NULL, NULL, 0 } };
	lt_result *r = lt_result_new("plot scatter x y");
	lt_table *t = lt_result_table_with(r, "points", NULL, cols);

	for (size_t i = 0; i < n; i++) {
		size_t row = lt_table_row(t);

		lt_table_num(t, row, 0, x[i]);
		lt_table_num(t, row, 1, y[i]);
	}
	lt_result_chart(r, LT_CHART_SCATTER, NULL, "Body mass index (kg/m2)",
	    "Systolic blood pressure (mmHg)", 0);
	return r;
}

/* Bins have nice edges covering the data, and every value finds its bin. */
static void
test_bin_edges(void **state)
{
	double x[] = { 0.3, 1.7, 2.2, 9.9, NAN }, e[LT_CHART_MAX_BINS + 2];
	size_t k;

	(void)state;
	k = lt_chart_bins(x, 5, 5, e);
	assert_int_equal(k, 5);
	assert_true(e[0] == 0);
	assert_true(e[1] == 2);
	assert_true(e[5] == 10);
	assert_int_equal(lt_chart_bin_of(e, k, 0.3), 0);
	assert_int_equal(lt_chart_bin_of(e, k, 2.0), 1);
	assert_int_equal(lt_chart_bin_of(e, k, 9.9), 4);
	assert_int_equal(lt_chart_bin_of(e, k, 10), 4);	/* last bin closed */
	/* Decimal steps are exact: 0.1 * 3 is 0.3, not 0.30000000000000004. */
	{
		double y[] = { 0, 1 };

		k = lt_chart_bins(y, 2, 10, e);
		assert_int_equal(k, 10);
		assert_true(e[3] == 0.3);
		assert_true(e[10] == 1);
	}
}

/* Without a wish the count is Sturges' or Freedman-Diaconis', at most 20. */
static void
test_bin_auto(void **state)
{
	double *x = malloc(1000 * sizeof *x), e[LT_CHART_MAX_BINS + 2];
	size_t k;

	(void)state;
	for (size_t i = 0; i < 1000; i++)
		x[i] = (double)i / 10;
	k = lt_chart_bins(x, 1000, 0, e);
	assert_true(k >= 5 && k <= LT_CHART_MAX_BINS);
	assert_true(e[1] - e[0] == 10);
	assert_true(e[0] <= 0 && e[k] >= 99.9);
	free(x);
	assert_int_equal(lt_chart_bins(e, 0, 0, e), 0);
	{
		double one[] = { 7, 7 };

		k = lt_chart_bins(one, 2, 0, e);
		assert_int_equal(k, 1);
		assert_true(e[0] <= 7 && e[1] > 7);
	}
}

/* Bars are as long as their count next to the largest, count at the end. */
static void
test_bar_scaling(void **state)
{
	lt_result *r = bar_result();
	char *s = draw(r, 40, 0), *never, *current;

	(void)state;
	never = line_with(s, "never");
	current = line_with(s, "current");
	assert_non_null(never);
	assert_non_null(current);
	/* label 7 + " |" + bar + " " + count: bar 40 - 7 - 2 - 3 = 28 */
	assert_string_equal(never, "never   |############################ 10");
	assert_string_equal(current, "current |############## 5");
	assert_non_null(strstr(s, "Smoking\n"));
	assert_non_null(strstr(s, "People\n"));
	free(never);
	free(current);
	free(s);
	lt_result_free(r);
}

/* Known points set known braille dots: corners of the plot area. */
static void
test_braille_bits(void **state)
{
	double x[] = { 0, 1 }, y[] = { 1, 0 };
	lt_result *r = scatter_result(x, y, 2);
	char *s = draw(r, 40, 1);

	(void)state;
	/* Top left dot (row 0, column 0) is bit 0x01: U+2801. */
	assert_non_null(strstr(s, "1\xe2\x94\x82\xe2\xa0\x81\n"));
	/* Bottom right dot (row 3, column 1) is bit 0x80: U+2880, at the end. */
	assert_non_null(strstr(s, "\xe2\xa2\x80\n"));
	free(s);
	lt_result_free(r);
}

/* Without UTF-8 the scatter is plain ASCII, marks by density. */
static void
test_ascii_fallback(void **state)
{
	double x[] = { 0, 0, 0, 1 }, y[] = { 0, 0, 0, 1 };
	lt_result *r = scatter_result(x, y, 4);
	char *s = draw(r, 40, 0);

	(void)state;
	for (const char *p = s; *p != '\0'; p++)
		assert_true((unsigned char)*p < 0x80);
	assert_non_null(strstr(s, "|O"));	/* three points in one place */
	assert_non_null(strstr(s, ".\n"));	/* one point, top right */
	free(s);
	lt_result_free(r);
}

/* Axis labels carry the units; the ends carry the values. */
static void
test_axis_labels(void **state)
{
	double x[] = { 18.5, 40 }, y[] = { 90, 180 };
	lt_result *r = scatter_result(x, y, 2);
	char *s = draw(r, 60, 0);

	(void)state;
	assert_non_null(strstr(s, "(kg/m2)"));
	assert_non_null(strstr(s, "Systolic blood pressure (mmHg)\n"));
	assert_non_null(strstr(s, "180|"));
	assert_non_null(strstr(s, " 90|"));
	assert_non_null(strstr(s, "18.5"));
	assert_non_null(strstr(s, "40\n"));
	free(s);
	lt_result_free(r);
}

/* No chart line is wider than asked, at any width, in any mode. */
static void
test_width(void **state)
{
	static const lt_coldef box[] = { { "group", "Group", LT_RC_TEXT },
	    { "n", "N", LT_RC_COUNT }, { "min", "Min", LT_RC_NUMBER },
	    { "q1", "Q1", LT_RC_NUMBER }, { "median", "Median", LT_RC_NUMBER },
	    { "q3", "Q3", LT_RC_NUMBER }, { "max", "Max", LT_RC_NUMBER },
	    { NULL, NULL, 0 } };
	static const lt_coldef line[] = { { "month", "Month", LT_RC_TEXT },
	    { "deaths", "Deaths", LT_RC_NUMBER }, { NULL, NULL, 0 } };
	double x[] = { 123456.5, -98765.25, 3 }, y[] = { 1e9, 2, -3e-5 };
	const double q[] = { 10, 90, 100, 120, 130, 200 };

	(void)state;
	for (int kind = 0; kind < 4; kind++) {
		lt_result *r;

		if (kind == 0)
			r = bar_result();
		else if (kind == 1)
			r = scatter_result(x, y, 3);
		else {
			lt_table *t;

			r = lt_result_new("x");
			t = lt_result_table_with(r, "t", NULL, kind == 2 ? box : line);
			for (size_t i = 0; i < 3; i++) {
				size_t row = lt_table_row(t);

				lt_table_text(t, row, 0, "a rather long group label that goes on");
				for (size_t c = 1; c < t->ncols; c++)
					lt_table_num(t, row, c, q[c - 1] * (double)(i + 1));
			}
			lt_result_chart(r, kind == 2 ? LT_CHART_BOX : LT_CHART_LINE,
			    "A title far longer than the narrowest width we draw at",
			    "An x label with a unit (mmHg) that is long", "Deaths", 0);
		}
		for (int w = 20; w <= 100; w += 7)
			for (int u = 0; u < 2; u++) {
				char *s = draw(r, w, u);

				if (widest(s) > (size_t)w)
					fail_msg("kind %d width %d utf8 %d: a line of %zu columns:\n%s",
					    kind, w, u, widest(s), s);
				free(s);
			}
		lt_result_free(r);
	}
}

/* A chart with no data says so instead of drawing an empty frame. */
static void
test_empty(void **state)
{
	static const lt_coldef cols[] = { { "x", "X", LT_RC_NUMBER },
	    { "y", "Y", LT_RC_NUMBER }, { NULL, NULL, 0 } };
	lt_result *r = lt_result_new("x");
	char *s;

	(void)state;
	lt_result_table_with(r, "t", NULL, cols);
	for (int k = LT_CHART_HIST; k <= LT_CHART_LINE; k++) {
		r->ncharts = 0;
		free(r->charts);
		r->charts = NULL;
		lt_result_chart(r, k, NULL, NULL, NULL, 0);
		s = draw(r, 80, 1);
		assert_string_equal(s, "(no values to draw)\n");
		free(s);
		free(r->charts[0].title);
	}
	lt_result_free(r);
}

/* In text the chart replaces its detail table; JSON lists the chart. */
static void
test_render(void **state)
{
	lt_result *r = bar_result();
	lt_render_opts o = { 4, 40, 0, 0 };
	lt_buf b = LT_BUF_INIT;

	(void)state;
	lt_render(r, LT_FMT_TEXT, &o, &b);
	assert_non_null(strstr(lt_buf_str(&b), "never   |####"));
	assert_null(strstr(lt_buf_str(&b), "Count"));
	lt_buf_reset(&b);
	lt_render(r, LT_FMT_JSON, &o, &b);
	assert_non_null(strstr(lt_buf_str(&b), "\"charts\": [\n    {\n      \"kind\": \"bar\""));
	assert_non_null(strstr(lt_buf_str(&b), "\"x_label\": \"Smoking\""));
	assert_non_null(strstr(lt_buf_str(&b), "\"table\": 0"));
	lt_buf_free(&b);
	lt_result_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bin_edges),
		cmocka_unit_test(test_bin_auto),
		cmocka_unit_test(test_bar_scaling),
		cmocka_unit_test(test_braille_bits),
		cmocka_unit_test(test_ascii_fallback),
		cmocka_unit_test(test_axis_labels),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_render),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
