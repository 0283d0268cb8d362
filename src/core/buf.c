/*
 * buf.c - checked allocation and growable strings.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef HAVE_SYS_MMAN_H
#include <sys/mman.h>
#endif

#include "buf.h"

static void (*oom_hook)(void);

void
lt_set_oom_hook(void (*hook)(void))
{
	oom_hook = hook;
}

static void
oom(void)
{
	if (oom_hook != NULL)
		oom_hook();
	fputs("lantern: out of memory\n", stderr);
	abort();
}

/*
 * Columns are arrays of millions of values. Touching a fresh one faults its
 * pages in one at a time, which on a virtual machine costs more than the
 * statistics (8 MB: 20 ms against 2 ms asked for at once, bench/README.md).
 * So blocks of a megabyte or more have their pages made up front; where the
 * kernel cannot (before Linux 5.14), nothing changes.
 */
#define BIG_BLOCK	((size_t)1 << 20)

static void
prefault(void *p, size_t from, size_t to)
{
#if defined(HAVE_SYS_MMAN_H) && defined(MADV_POPULATE_WRITE)
	static size_t page;
	uintptr_t lo, hi;

	if (to - from < BIG_BLOCK)
		return;
	if (page == 0)
		page = (size_t)sysconf(_SC_PAGESIZE);
	lo = ((uintptr_t)p + from + page - 1) & ~(uintptr_t)(page - 1);
	hi = ((uintptr_t)p + to) & ~(uintptr_t)(page - 1);
	if (hi > lo)
		(void)madvise((void *)lo, hi - lo, MADV_POPULATE_WRITE);
#else
	(void)p;
	(void)from;
	(void)to;
#endif
}

void *
lt_malloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		oom();
	prefault(p, 0, n);
	return p;
}

void *
lt_calloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		oom();
	if (size != 0 && n <= (size_t)-1 / size)
		prefault(p, 0, n * size);
	return p;
}

void *
lt_realloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		oom();
	prefault(q, 0, n);
	return q;
}

void *
lt_grow(void *p, size_t *cap, size_t need, size_t size)
{
	size_t c = *cap;

	if (need <= c)
		return p;
	if (c == 0)
		c = 8;
	while (c < need)
		c *= 2;
	if (c > (size_t)-1 / size)
		oom();
	p = lt_realloc(p, c * size);
	*cap = c;
	return p;
}

char *
lt_strdup(const char *s)
{
	return s == NULL ? NULL : lt_strndup(s, strlen(s));
}

char *
lt_strndup(const char *s, size_t n)
{
	char *d;

	n = strnlen(s, n);	/* as strndup: never read past the end of s */
	d = lt_malloc(n + 1);

	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *
lt_sprintf(const char *fmt, ...)
{
	lt_buf b = LT_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	lt_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	return lt_buf_take(&b);
}

static void
buf_reserve(lt_buf *b, size_t extra)
{
	b->s = lt_grow(b->s, &b->cap, b->len + extra + 1, 1);
}

void
lt_buf_add(lt_buf *b, const char *s, size_t n)
{
	buf_reserve(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
lt_buf_puts(lt_buf *b, const char *s)
{
	lt_buf_add(b, s, strlen(s));
}

void
lt_buf_putc(lt_buf *b, char c)
{
	buf_reserve(b, 1);
	b->s[b->len++] = c;
	b->s[b->len] = '\0';
}

void
lt_buf_pad(lt_buf *b, char c, size_t n)
{
	buf_reserve(b, n);
	memset(b->s + b->len, c, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
lt_buf_vprintf(lt_buf *b, const char *fmt, va_list ap)
{
	va_list aq;
	int n;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		return;
	buf_reserve(b, (size_t)n);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
lt_buf_printf(lt_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	lt_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

const char *
lt_buf_str(const lt_buf *b)
{
	return b->s != NULL ? b->s : "";
}

void
lt_buf_reset(lt_buf *b)
{
	b->len = 0;
	if (b->s != NULL)
		b->s[0] = '\0';
}

char *
lt_buf_take(lt_buf *b)
{
	char *s = b->s != NULL ? b->s : lt_strdup("");

	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

void
lt_buf_free(lt_buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}
