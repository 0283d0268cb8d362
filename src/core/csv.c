/*
 * csv.c - a streaming RFC 4180 reader.
 *
 * The input is read with fread in large blocks into one buffer, and each
 * record is parsed in place: a field's text is unquoted where it lies and
 * NUL-terminated there, so the fields point into the buffer and nothing is
 * copied except the tail of a quoted field after a doubled quote. When a
 * record runs off the end of the buffer, what was read of it moves to the
 * front and more input is read behind it; the buffer grows only when one
 * record does not fit, so memory is bounded by the longest record. A NUL
 * byte is kept after the data as a sentinel, which lets the scanning loops
 * test one lookup table per byte and no bounds. Bytes of 0x80 and above stop
 * the scan and are checked as UTF-8; ASCII costs nothing extra.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "csv.h"

/* Bytes read at a time (and the initial buffer size); tests shrink it. */
static size_t csv_block = 1024 * 1024;

/* Lines looked at to guess the delimiter. */
#define SNIFF_LINES 10

struct lt_csv {
	FILE		*f;
	char		 delim;
	unsigned char	*b;		/* cap bytes, then a NUL sentinel */
	size_t		 cap;
	size_t		 pos;		/* start of the unread input */
	size_t		 end;		/* end of the data; b[end] == 0 */
	uint64_t	 base;		/* file offset of b[0] */
	int		 eof;		/* fread has reached the end */
	long		 line;		/* line number at pos */

	size_t		*foff;		/* field starts from record start */
	size_t		*flen;
	char		**fields;
	size_t		 fcap;

	unsigned char	 ustop[256];	/* bytes ending an unquoted run */
	unsigned char	 qstop[256];	/* bytes ending a quoted run */

	int		 failed;	/* an error stopped reading */
	lt_error	 saved;
};

#define CSV_RECORD_MAX	(64 << 20)	/* bytes in one record, at most */

/*
 * Move the unread input (from pos) to the front of the buffer, grow the
 * buffer if that input fills it, and read more. Returns 1 when bytes were
 * added, 0 at the end of the file, or -1 on a read error.
 */
static int
fill(lt_csv *c, long line, lt_error *err)
{
	size_t n, want;

	if (c->eof)
		return 0;
	if (c->pos > 0) {
		memmove(c->b, c->b + c->pos, c->end - c->pos);
		c->end -= c->pos;
		c->base += c->pos;
		c->pos = 0;
	}
	if (c->end == c->cap) {
		/* One record may not eat the memory: 64 MiB is far past any real row. */
		if (c->cap >= CSV_RECORD_MAX) {
			lt_err(err, LT_EFORMAT, "line %ld: one record is longer than %d MiB, "
			    "which usually means a quote that is never closed; check the quotes "
			    "from this line on", line, CSV_RECORD_MAX >> 20);
			return -1;
		}
		c->cap *= 2;
		c->b = lt_realloc(c->b, c->cap + 1);
	}
	want = c->cap - c->end;
	n = fread(c->b + c->end, 1, want, c->f);
	c->end += n;
	c->b[c->end] = '\0';
	if (n < want) {
		if (ferror(c->f)) {
			lt_err(err, LT_EIO, "line %ld: the file could not be "
			    "read (%s); check that it is still there and try "
			    "again", line, strerror(errno));
			return -1;
		}
		c->eof = 1;
	}
	return n > 0;
}

/*
 * Check the UTF-8 sequence starting at p (a byte of 0x80 or more). Returns
 * its length, 0 when it runs into e before the end of the file (read more
 * and ask again), or -1 when it is not valid UTF-8.
 */
static int
utf8_len(const unsigned char *p, const unsigned char *e, int eof)
{
	unsigned char lo = 0x80, hi = 0xbf;
	int i, n;

	if (p[0] < 0xc2)
		return -1;		/* continuation byte or overlong */
	else if (p[0] < 0xe0)
		n = 2;
	else if (p[0] < 0xf0) {
		n = 3;
		if (p[0] == 0xe0)
			lo = 0xa0;	/* overlong */
		else if (p[0] == 0xed)
			hi = 0x9f;	/* surrogates */
	} else if (p[0] < 0xf5) {
		n = 4;
		if (p[0] == 0xf0)
			lo = 0x90;	/* overlong */
		else if (p[0] == 0xf4)
			hi = 0x8f;	/* above U+10FFFF */
	} else
		return -1;
	for (i = 1; i < n; i++) {
		if (p + i == e)
			return eof ? -1 : 0;
		if (p[i] < lo || p[i] > hi)
			return -1;
		lo = 0x80;
		hi = 0xbf;
	}
	return n;
}

/*
 * Guess the delimiter from the lines in [p, e): the one of comma, semicolon
 * and tab found the same non-zero number of times (outside quotes) on every
 * line looked at, the most frequent if several are; else the most frequent
 * on the first line; else a comma.
 */
static char
sniff(const unsigned char *p, const unsigned char *e, int eof)
{
	static const char cand[3] = { ',', ';', '\t' };
	size_t count[SNIFF_LINES][3], cur[3] = { 0, 0, 0 };
	int nlines = 0, inq = 0, used = 0, best = -1, k, i;
	unsigned char prev = '\n';

	for (; p < e && nlines < SNIFF_LINES; prev = *p++) {
		if (inq) {
			if (*p == '"' && p + 1 < e && p[1] == '"')
				p++;
			else if (*p == '"')
				inq = 0;
			continue;
		}
		if (*p == '"' && (prev == '\n' || prev == ',' ||
		    prev == ';' || prev == '\t'))
			inq = 1;	/* only a field's first quote opens */
		if (*p == '\n') {
			if (used)
				memcpy(count[nlines++], cur, sizeof cur);
			memset(cur, 0, sizeof cur);
			used = 0;
		} else if (*p != '\r') {
			used = 1;
			for (k = 0; k < 3; k++)
				if (*p == (unsigned char)cand[k])
					cur[k]++;
		}
	}
	/* A last line without a newline, or a first line longer than e. */
	if (used && nlines < SNIFF_LINES && (eof || nlines == 0))
		memcpy(count[nlines++], cur, sizeof cur);
	if (nlines == 0)
		return ',';

	for (k = 0; k < 3; k++) {
		if (count[0][k] == 0)
			continue;
		for (i = 1; i < nlines; i++)
			if (count[i][k] != count[0][k])
				break;
		if (i == nlines && (best < 0 || count[0][k] > count[0][best]))
			best = k;
	}
	if (best >= 0)
		return cand[best];
	for (k = 0; k < 3; k++)
		if (count[0][k] > 0 &&
		    (best < 0 || count[0][k] > count[0][best]))
			best = k;
	return best >= 0 ? cand[best] : ',';
}

lt_csv *
lt_csv_open(FILE *f, const char *name, char delimiter, lt_error *err)
{
	lt_csv *c;
	int i;

	(void)name;		/* the caller names the file in messages */
	if (f == NULL) {
		lt_err(err, LT_EINVAL, "there is no file to read");
		return NULL;
	}
	if (delimiter != 0 && delimiter != ',' && delimiter != ';' &&
	    delimiter != '\t') {
		lt_err(err, LT_EINVAL, "the delimiter must be a comma, a "
		    "semicolon or a tab");
		return NULL;
	}

	c = lt_calloc(1, sizeof *c);
	c->f = f;
	c->cap = csv_block > 0 ? csv_block : 1;
	c->b = lt_malloc(c->cap + 1);
	c->b[0] = '\0';
	c->line = 1;
	do {
		if (fill(c, 1, err) < 0) {
			lt_csv_close(c);
			return NULL;
		}
	} while (c->end < 3 && !c->eof);	/* room to see a BOM */
	if (c->end >= 3 && memcmp(c->b, "\xef\xbb\xbf", 3) == 0)
		c->pos = 3;
	if (delimiter == 0)
		delimiter = sniff(c->b + c->pos, c->b + c->end, c->eof);
	c->delim = delimiter;

	for (i = 0x80; i < 256; i++)
		c->ustop[i] = c->qstop[i] = 1;
	c->ustop[0] = c->ustop['\n'] = c->ustop['\r'] = 1;
	c->ustop[(unsigned char)delimiter] = 1;
	c->qstop[0] = c->qstop['\n'] = c->qstop['"'] = 1;
	return c;
}

/* Make room for more fields in a record. */
static void
grow_fields(lt_csv *c)
{
	size_t cap = c->fcap;

	c->foff = lt_grow(c->foff, &cap, c->fcap + 1, sizeof *c->foff);
	cap = c->fcap;
	c->flen = lt_grow(c->flen, &cap, c->fcap + 1, sizeof *c->flen);
	c->fields = lt_grow(c->fields, &c->fcap, c->fcap + 1,
	    sizeof *c->fields);
}

/* Save a reading error so later calls report it again; returns -1. */
static int
stop(lt_csv *c, lt_error *err, const lt_error *e)
{
	c->failed = 1;
	c->saved = *e;
	if (err != NULL)
		*err = *e;
	return -1;
}

/* Offsets of p and w from the record start, kept across fill(). */
#define SAVE() do {							\
	po = (size_t)(p - b) - c->pos;					\
	wo = (size_t)(w - b) - c->pos;					\
} while (0)
#define RESTORE() do {							\
	b = c->b;							\
	e = b + c->end;							\
	p = b + c->pos + po;						\
	w = b + c->pos + wo;						\
} while (0)
#define REFILL() do {							\
	SAVE();								\
	if (fill(c, line, &e_) < 0)					\
		return stop(c, err, &e_);				\
	RESTORE();							\
} while (0)
#define ADDFIELD(len) do {						\
	c->foff[nf] = fo;						\
	c->flen[nf] = (len);						\
	nf++;								\
} while (0)

int
lt_csv_next(lt_csv *c, lt_csv_row *row, lt_error *err)
{
	const unsigned char d = (unsigned char)c->delim;
	const unsigned char *ustop = c->ustop, *qstop = c->qstop;
	unsigned char *b, *e, *p, *w, *seg;
	size_t nf = 0, fo = 0, po, wo, i;
	long line, qline;
	lt_error e_;
	int n;

	if (c->failed) {
		if (err != NULL)
			*err = c->saved;
		return -1;
	}
	lt_err_clear(&e_);
	line = c->line;
	b = c->b;
	e = b + c->end;
	p = w = b + c->pos;

	/* Skip blank lines; the record starts where they end. */
blank:
	c->pos = (size_t)(p - b);
	if (p == e) {
		if (c->eof) {
			c->line = line;
			return 0;
		}
		w = p;
		REFILL();
		goto blank;
	}
	if (*p == '\n') {
		p++;
		line++;
		goto blank;
	}
	if (*p == '\r') {
		if (p + 1 == e && !c->eof) {
			w = p;
			REFILL();
			goto blank;
		}
		if (p + 1 == e) {
			p++;
			goto blank;
		}
		if (p[1] == '\n') {
			p += 2;
			line++;
			goto blank;
		}
	}
	row->line = line;

field:
	if (p == e && !c->eof) {
		w = p;
		REFILL();
		goto field;
	}
	if (nf == c->fcap)
		grow_fields(c);
	if (*p == '"')
		goto quoted;

	/* An unquoted field: ends at the delimiter, LF, CRLF or the end. */
	fo = (size_t)(p - b) - c->pos;
uscan:
	while (!ustop[*p])
		p++;
	if (*p == d) {
		*p = '\0';
		ADDFIELD((size_t)(p - b) - c->pos - fo);
		p++;
		goto field;
	}
	switch (*p) {
	case '\n':
		*p = '\0';
		ADDFIELD((size_t)(p - b) - c->pos - fo);
		p++;
		line++;
		goto done;
	case '\r':
		if (p + 1 == e && !c->eof) {
			w = p;
			REFILL();
			goto uscan;
		}
		if (p + 1 == e || p[1] == '\n') {
			*p = '\0';
			ADDFIELD((size_t)(p - b) - c->pos - fo);
			if (p + 1 < e)
				line++;
			p += p + 1 < e ? 2 : 1;
			goto done;
		}
		p++;		/* a CR inside a field is kept */
		goto uscan;
	case '\0':
		if (p == e) {
			if (!c->eof) {
				w = p;
				REFILL();
				goto uscan;
			}
			ADDFIELD((size_t)(p - b) - c->pos - fo);
			goto done;
		}
		goto nul;
	default:
		n = utf8_len(p, e, c->eof);
		if (n > 0) {
			p += n;
			goto uscan;
		}
		if (n < 0)
			goto badutf8;
		w = p;
		REFILL();
		goto uscan;
	}

	/*
	 * A quoted field: the text between the quotes, with "" read as one
	 * quote. w trails p once a doubled quote has been seen; runs of plain
	 * bytes [seg, p) are moved down to w in one go.
	 */
quoted:
	qline = line;
	p++;
	w = p;
	fo = (size_t)(p - b) - c->pos;
qscan:
	seg = p;
qloop:
	while (!qstop[*p])
		p++;
	if (*p == '\n') {
		p++;
		line++;
		goto qloop;
	}
	if (*p >= 0x80) {
		n = utf8_len(p, e, c->eof);
		if (n > 0) {
			p += n;
			goto qloop;
		}
		if (n < 0)
			goto badutf8;
	}
	if (w != seg)
		memmove(w, seg, (size_t)(p - seg));
	w += p - seg;
	if (*p == '\0' && p == e && c->eof) {
		lt_err(&e_, LT_EFORMAT, "line %ld: a quoted field that starts "
		    "on this line is never closed (add the missing closing "
		    "quote \" and try again)", qline);
		return stop(c, err, &e_);
	}
	if (*p == '\0' && p != e)
		goto nul;
	if (*p != '"' || (p + 1 == e && !c->eof)) {
		/* The end of the buffer, maybe inside a character or "". */
		REFILL();
		goto qscan;
	}
	if (p[1] == '"') {
		*w++ = '"';
		p += 2;
		goto qscan;
	}
	*w = '\0';		/* over the closing quote at the latest */
	ADDFIELD((size_t)(w - b) - c->pos - fo);
	p++;
	w = p;
after:
	if (*p == d) {
		p++;
		goto field;
	}
	switch (*p) {
	case '\n':
		p++;
		line++;
		goto done;
	case '\r':
		if (p + 1 == e && !c->eof) {
			REFILL();
			goto after;
		}
		if (p + 1 == e) {
			p++;
			goto done;
		}
		if (p[1] == '\n') {
			p += 2;
			line++;
			goto done;
		}
		break;
	case '\0':
		if (p == e) {
			if (!c->eof) {
				REFILL();
				goto after;
			}
			goto done;
		}
		goto nul;
	}
	lt_err(&e_, LT_EFORMAT, "line %ld: there is text after the closing "
	    "quote of a field (put the whole field in quotes and write each "
	    "quote inside it as two quotes \"\")", line);
	return stop(c, err, &e_);

done:
	for (i = 0; i < nf; i++)
		c->fields[i] = (char *)b + c->pos + c->foff[i];
	row->nfields = nf;
	row->fields = c->fields;
	row->lens = c->flen;
	c->pos = (size_t)(p - b);
	c->line = line;
	return 1;

nul:
	lt_err(&e_, LT_EFORMAT, "line %ld, byte %llu: the file contains a zero "
	    "byte, so it is probably not a text file (check that you chose the "
	    "right file, or save it again as CSV)", line,
	    (unsigned long long)(c->base + (uint64_t)(p - b)));
	return stop(c, err, &e_);
badutf8:
	lt_err(&e_, LT_EFORMAT, "line %ld, byte %llu: the file is not valid "
	    "UTF-8 (save it as CSV UTF-8 and try again)", line,
	    (unsigned long long)(c->base + (uint64_t)(p - b)));
	return stop(c, err, &e_);
}

char
lt_csv_delimiter(const lt_csv *c)
{
	return c->delim;
}

uint64_t
lt_csv_offset(const lt_csv *c)
{
	return c->base + c->pos;
}

void
lt_csv_close(lt_csv *c)
{
	if (c == NULL)
		return;
	free(c->b);
	free(c->foff);
	free(c->flen);
	free(c->fields);
	free(c);
}
