/*
 * chart.h - charts drawn as text: horizontal bars for histograms and
 * counts, box plots on a shared axis, scatter plots in braille dots (or
 * ASCII by density) and line charts. A chart reads its data from a table
 * of the result (see enum lt_chart_kind in result.h), so JSON and CSV keep
 * the numbers while the text layer shows the picture.
 */
#ifndef LT_CHART_H
#define LT_CHART_H

#include <stddef.h>

#include "buf.h"
#include "result.h"

#define LT_CHART_MAX_BINS	20	/* a histogram fits about 20 lines */

/*
 * Append chart c of r drawn within width columns (UTF-8 braille and block
 * characters when utf8, else ASCII only), every line ending in a newline.
 * Text from the data is sanitised for the terminal.
 */
void lt_chart_draw(const lt_result *r, const lt_chart *c, int width, int utf8,
    lt_buf *out);

/*
 * Histogram bins for the n values x (NaN ignored): equal-width bins with
 * "nice" edges (1, 2, 2.5 or 5 times a power of ten). want > 0 asks for
 * about that many bins; 0 picks the larger of Sturges' and Freedman-
 * Diaconis' counts, at most LT_CHART_MAX_BINS. Fills edges[0..k] (the
 * caller gives room for LT_CHART_MAX_BINS + 1, or want + 1 if larger)
 * and returns k, the number of bins (0 when there is no value). Values go
 * in [edges[i], edges[i+1]), the last bin closed on the right.
 */
size_t lt_chart_bins(const double *x, size_t n, size_t want, double *edges);
/* The bin (0..k-1) of v for edges from lt_chart_bins. */
size_t lt_chart_bin_of(const double *edges, size_t k, double v);

#endif
