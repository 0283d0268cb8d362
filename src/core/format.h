/*
 * format.h - rendering result documents as text, CSV or JSON.
 *
 * Output formats are a table (lt_formats), in the style of the SQLite
 * shell's output modes. Renderers append to an lt_buf and never print.
 */
#ifndef LT_FORMAT_H
#define LT_FORMAT_H

#include "buf.h"
#include "result.h"

enum lt_format {
	LT_FMT_TEXT,	/* for people: headline, numbers, tables, caveats, method */
	LT_FMT_CSV,	/* the tables (or the numbers) as RFC 4180 CSV */
	LT_FMT_JSON	/* everything, numbers at full precision (%.17g) */
};

typedef struct lt_format_entry {
	const char *name;
	const char *help;
	int format;
} lt_format_entry;

extern const lt_format_entry lt_formats[];
extern const size_t lt_nformats;

typedef struct lt_render_opts {
	int digits;	/* significant digits in text output (default 4) */
	int width;	/* terminal width for text; 0 = 80 */
	int utf8;	/* 1 when box-drawing and other UTF-8 may be used */
	int layers;	/* text: the LT_LAYER_* to show; 0 = all */
} lt_render_opts;

/* The layers of a result, for showing some of them (lt_render_opts). */
enum {
	LT_LAYER_HEADLINE = 1 << 0,
	LT_LAYER_NUMBERS = 1 << 1,
	LT_LAYER_CHARTS = 1 << 2,
	LT_LAYER_TABLES = 1 << 3,
	LT_LAYER_CAVEATS = 1 << 4,
	LT_LAYER_METHOD = 1 << 5,
	LT_LAYER_NOTES = 1 << 6,
	LT_LAYER_ALL = (1 << 7) - 1
};

/* The format called name ("text", "csv", "json"), or -1. */
int lt_format_parse(const char *name);
const char *lt_format_name(int format);
/* Append r rendered in format to out. */
void lt_render(const lt_result *r, int format, const lt_render_opts *opts,
    lt_buf *out);
/*
 * Append s made safe for a terminal: control characters and invalid UTF-8
 * become U+FFFD (or "?", and all non-ASCII too, when utf8 is 0); newlines,
 * carriage returns and tabs become spaces. For any text from data or users.
 */
void lt_text_sanitize(lt_buf *out, const char *s, int utf8);
/*
 * Append s sanitised (as lt_text_sanitize) and word-wrapped to width
 * columns: the first line starts with prefix, later ones with indent
 * spaces; every line ends in a newline. Longer words are kept whole.
 */
void lt_text_wrap(lt_buf *out, const char *s, size_t width, const char *prefix,
    size_t indent, int utf8);
/* Display columns of valid UTF-8 (one per code point). */
size_t lt_text_width(const char *s);
/* Cut b (valid UTF-8) to at most max columns, ending with an ellipsis. */
void lt_text_cut(lt_buf *b, size_t max, int utf8);
/* End a line of text output: drop trailing spaces, add a newline. */
void lt_text_end_line(lt_buf *out);
/* Format a number for people with digits significant digits ("27.31",
   "20,000" for whole numbers, "1.2e-07" for tiny ones). */
void lt_format_number(lt_buf *out, double v, int digits);

#endif
