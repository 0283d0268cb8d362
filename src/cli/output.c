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
int cli_utf8;			/* the locale is UTF-8 (set by main) */

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
	o.digits = lt_session_digits(c->s);
	o.width = term_width();
	o.utf8 = c->utf8;
	o.layers = LT_LAYER_ALL;
	if (format == LT_FMT_TEXT && c->emitted > 0)
		lt_buf_putc(&b, '\n');
	lt_render(r, format, &o, &b);
	if (format == LT_FMT_CSV && isatty(STDOUT_FILENO)) {
		/* CSV is raw data; on a terminal its control characters are not safe. */
		lt_buf safe = LT_BUF_INIT;
		char *all = lt_buf_take(&b), *line, *save = NULL;

		for (line = strtok_r(all, "\n", &save); line != NULL;
		    line = strtok_r(NULL, "\n", &save)) {
			lt_text_sanitize(&safe, line, c->utf8);
			lt_buf_putc(&safe, '\n');
		}
		free(all);
		b = safe;
	}
	fwrite(b.s, 1, b.len, stdout);
	fflush(stdout);
	lt_buf_free(&b);
	c->emitted++;
	return 0;
}

void
cli_error(const char *where, const char *text, const lt_error *err)
{
	lt_buf msg = LT_BUF_INIT;
	int utf8 = cli_utf8;

	fflush(stdout);
	progress_clear();
	/*
	 * Messages quote what people typed and what files hold: never raw.
	 * A message of several lines (a list of problems) keeps its lines.
	 */
	for (const char *p = err->msg, *first = p; *p != '\0' || p == first; ) {
		size_t n = strcspn(p, "\n");
		char *line = lt_strndup(p, n);

		lt_buf_reset(&msg);
		lt_text_sanitize(&msg, line, utf8);
		free(line);
		if (p == first)
			fprintf(stderr, "%s: %s\n", where, lt_buf_str(&msg));
		else
			fprintf(stderr, "%s\n", lt_buf_str(&msg));
		p += n;
		if (*p == '\n')
			p++;
		if (*p == '\0')
			break;
	}
	if (text != NULL && err->pos >= 0 && (size_t)err->pos <= strlen(text)) {
		const char *start = text, *end;
		char *line, *before;
		int col = 0;

		/* Show the line of the text that holds the position. */
		for (const char *p = text; p < text + err->pos; p++)
			if (*p == '\n')
				start = p + 1;
		end = strchr(start, '\n');
		if (end == NULL)
			end = start + strlen(start);
		line = lt_strndup(start, (size_t)(end - start));
		before = lt_strndup(start, (size_t)(text + err->pos - start));
		lt_buf_reset(&msg);
		lt_text_sanitize(&msg, before, utf8);
		for (const char *p = lt_buf_str(&msg); *p != '\0'; p++)
			if ((*p & 0xc0) != 0x80)
				col++;
		lt_buf_reset(&msg);
		lt_text_sanitize(&msg, line, utf8);
		fprintf(stderr, "  %s\n  %*s^\n", lt_buf_str(&msg), col, "");
		free(line);
		free(before);
	}
	lt_buf_free(&msg);
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
