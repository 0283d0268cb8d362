/*
 * output.c - results, errors and progress on the terminal or in pipes.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "format.h"

static int progress_shown;	/* a progress bar is on stderr's last line */

/* Remove a progress bar before anything else goes to the terminal. */
static void
progress_clear(void)
{
	if (progress_shown) {
		fputs("\r\033[K", stderr);
		progress_shown = 0;
	}
}

/* The width of stdout's terminal, else $COLUMNS, else 80. */
static int
term_width(void)
{
	struct winsize ws;
	const char *cols = getenv("COLUMNS");

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	if (cols != NULL && atoi(cols) > 20)
		return atoi(cols);
	return 80;
}

int
cli_emit(void *ud, const lt_result *r, int format)
{
	cli *c = ud;
	lt_render_opts o;
	lt_buf b = LT_BUF_INIT;

	if (r->quiet)
		return 0;
	progress_clear();
	if (c->format >= 0)
		format = c->format;
	o.digits = atoi(lt_session_get(c->s, "digits"));
	o.width = term_width();
	o.utf8 = c->utf8;
	if (format == LT_FMT_TEXT && c->emitted > 0)
		lt_buf_putc(&b, '\n');
	lt_render(r, format, &o, &b);
	fwrite(b.s, 1, b.len, stdout);
	fflush(stdout);
	lt_buf_free(&b);
	c->emitted++;
	return 0;
}

void
cli_error(const char *where, const char *text, const lt_error *err)
{
	fflush(stdout);
	progress_clear();
	fprintf(stderr, "%s: %s\n", where, err->msg);
	if (text != NULL && err->pos >= 0 && (size_t)err->pos <= strlen(text)) {
		const char *start = text, *end;
		int col = 0;

		/* Show the line of the text that holds the position. */
		for (const char *p = text; p < text + err->pos; p++)
			if (*p == '\n')
				start = p + 1;
		end = strchr(start, '\n');
		if (end == NULL)
			end = start + strlen(start);
		for (const char *p = start; p < text + err->pos; p++)
			if ((*p & 0xc0) != 0x80)
				col++;
		fprintf(stderr, "  %.*s\n  %*s^\n", (int)(end - start), start, col, "");
	}
}

void
cli_progress(void *ud, uint64_t done, uint64_t total)
{
	static int last = -1;
	cli *c = ud;
	int pct, width = 30, fill;

	if (c->quiet || !isatty(STDERR_FILENO) || total == 0)
		return;
	pct = (int)(done * 100 / total);
	if (pct == last)
		return;
	last = pct;
	if (done >= total) {
		progress_clear();
		last = -1;
		return;
	}
	progress_shown = 1;
	fill = pct * width / 100;
	fprintf(stderr, "\rImporting [");
	for (int i = 0; i < width; i++)
		fputc(i < fill ? '#' : '.', stderr);
	fprintf(stderr, "] %3d%%  (Ctrl-C cancels)", pct);
	fflush(stderr);
}
