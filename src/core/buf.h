/*
 * buf.h - checked allocation and a growable byte string.
 *
 * Allocation failure calls the OOM hook a front end installed (to restore the
 * terminal) and then aborts: the core has no other way to fail on OOM.
 */
#ifndef LT_BUF_H
#define LT_BUF_H

#include <stdarg.h>
#include <stddef.h>

/* Install a function called before abort() when memory runs out. */
void lt_set_oom_hook(void (*hook)(void));
void *lt_malloc(size_t n);
void *lt_calloc(size_t n, size_t size);
void *lt_realloc(void *p, size_t n);
/* Grow an array: *cap doubles until it holds need elements of size each. */
void *lt_grow(void *p, size_t *cap, size_t need, size_t size);
char *lt_strdup(const char *s);		/* NULL stays NULL */
char *lt_strndup(const char *s, size_t n);	/* at most n bytes, as strndup */
char *lt_sprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * A growable string. Always NUL-terminated once anything was appended;
 * s may be NULL while len is 0. Initialise with LT_BUF_INIT or zeroes.
 */
typedef struct lt_buf {
	char *s;
	size_t len;
	size_t cap;
} lt_buf;

#define LT_BUF_INIT { NULL, 0, 0 }

void lt_buf_add(lt_buf *b, const char *s, size_t n);
void lt_buf_puts(lt_buf *b, const char *s);
void lt_buf_putc(lt_buf *b, char c);
void lt_buf_printf(lt_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void lt_buf_vprintf(lt_buf *b, const char *fmt, va_list ap);
/* Append n copies of c. */
void lt_buf_pad(lt_buf *b, char c, size_t n);
/* The contents as a C string ("" when empty); owned by b. */
const char *lt_buf_str(const lt_buf *b);
/* Empty b but keep its memory. */
void lt_buf_reset(lt_buf *b);
/* Hand the string to the caller (never NULL) and empty b. */
char *lt_buf_take(lt_buf *b);
void lt_buf_free(lt_buf *b);

#endif
