/*
 * date.h - calendar dates as lantern stores them: ISO 8601 text
 * (YYYY-MM-DD) in rows, days since 1970-01-01 in stored columns.
 */
#ifndef LT_DATE_H
#define LT_DATE_H

#include <stddef.h>

#include "buf.h"

/* 1 and *days when s[0..len) is a real calendar date YYYY-MM-DD; else 0. */
int lt_date_parse(const char *s, size_t len, long *days);
/* Append the date days after 1970-01-01 as YYYY-MM-DD. */
void lt_date_format(lt_buf *b, long days);

#endif
