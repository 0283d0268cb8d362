/*
 * error.c - filling lt_error values.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "error.h"

static int
err_vset(lt_error *e, int code, int pos, const char *fmt, va_list ap)
{
	if (e == NULL)
		return code;
	e->code = code;
	e->pos = pos;
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	return code;
}

int
lt_err(lt_error *e, int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	err_vset(e, code, -1, fmt, ap);
	va_end(ap);
	return code;
}

int
lt_err_at(lt_error *e, int code, int pos, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	err_vset(e, code, pos, fmt, ap);
	va_end(ap);
	return code;
}

void
lt_err_clear(lt_error *e)
{
	if (e == NULL)
		return;
	e->code = LT_OK;
	e->pos = -1;
	e->msg[0] = '\0';
}

const char *
lt_code_name(int code)
{
	switch (code) {
	case LT_OK:		return "ok";
	case LT_EINVAL:		return "invalid input";
	case LT_ENOENT:		return "not found";
	case LT_EIO:		return "input/output error";
	case LT_EDB:		return "database error";
	case LT_EFORMAT:	return "malformed file";
	case LT_EPRIVACY:	return "refused to protect privacy";
	case LT_EINTR:		return "interrupted";
	case LT_ENOMEM:		return "out of memory";
	}
	return "error";
}
