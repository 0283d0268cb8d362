/*
 * main.c - lantern's entry point: options, then one command, a script, or
 * the shell. Exit status: 0 success, 1 a command failed, 2 bad usage.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#ifdef HAVE_MALLOC_H
#include <malloc.h>
#endif
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "cmd.h"
#include "format.h"
#include "lantern.h"
#include "ui.h"

#ifndef LT_PKGDATADIR
#define LT_PKGDATADIR "/usr/local/share/lantern"
#endif

volatile sig_atomic_t cli_interrupted;

static void
on_sigint(int sig)
{
	(void)sig;
	cli_interrupted = 1;
}

static void
usage(FILE *f)
{
	fputs(
"Usage: lantern [OPTION]... [COMMAND [ARGUMENT]...]\n"
"Explore health data safely: open a dataset, look at it, summarise it.\n"
"\n"
"  lantern [-d DATASET]         open the workbench: browse datasets full-screen\n"
"  lantern shell [DATASET]      the command shell (Tab completes, history kept)\n"
"  lantern tutorial NAME        follow a tutorial in the workbench\n"
"  lantern run FILE             run the commands in FILE (- reads standard input)\n"
"  lantern COMMAND [ARG]...     run one command, for example: lantern datasets\n"
"  lantern -c 'CMD; CMD'        run commands separated by ; then stop\n"
"\n"
"Options:\n"
"  -c, --command TEXT     run TEXT, then exit\n"
"  -d, --dataset NAME     open dataset NAME first\n"
"  -f, --format FORMAT    write results as text (for people), csv or json\n"
"      --home DIR         keep your catalog in DIR (default: $LANTERN_HOME,\n"
"                         else $XDG_DATA_HOME/lantern)\n"
"      --datasets DIR     where the bundled datasets are (default: $LANTERN_DATASETS,\n"
"                         else " LT_PKGDATADIR "/datasets)\n"
"      --findings FILE    the findings store to post to and review (default:\n"
"                         $LANTERN_FINDINGS, else the \"findings\" line of\n"
"                         /etc/lantern/lantern.conf, else findings.db in your home)\n"
"  -k, --keep-going       in scripts, go on after a command fails\n"
"  -q, --quiet            no progress bar\n"
"  -h, --help             show this help and exit\n"
"  -V, --version          show the version and exit\n"
"\n"
"Commands:\n", f);
	for (size_t i = 0; i < lt_cmd_count; i++)
		fprintf(f, "  %-12s %s\n", lt_cmd_table[i]->name, lt_cmd_table[i]->summary);
	fputs(
"\n"
"Type \"help COMMAND\" in lantern, or see man lantern, for each command's options.\n"
"Exit status: 0 success, 1 a command failed, 2 the command line was wrong.\n", f);
}

/* $VAR, else $HOME/fallback, joined with sub. */
static char *
xdg_dir(const char *var, const char *fallback, const char *sub)
{
	const char *v = getenv(var), *home = getenv("HOME");

	if (v != NULL && v[0] == '/')
		return lt_sprintf("%s/%s", v, sub);
	return lt_sprintf("%s/%s/%s", home != NULL ? home : ".", fallback, sub);
}

/* argv words joined into command text, quoted where needed. */
static char *
join_words(int argc, char **argv)
{
	lt_buf b = LT_BUF_INIT;

	for (int i = 0; i < argc; i++) {
		const char *w = argv[i];

		if (i > 0)
			lt_buf_putc(&b, ' ');
		if (*w != '\0' && strpbrk(w, " \t\n;#\"'\\") == NULL) {
			lt_buf_puts(&b, w);
			continue;
		}
		lt_buf_putc(&b, '"');
		for (; *w != '\0'; w++) {
			if (*w == '"' || *w == '\\')
				lt_buf_putc(&b, '\\');
			lt_buf_putc(&b, *w);
		}
		lt_buf_putc(&b, '"');
	}
	return lt_buf_take(&b);
}

/* Run command text from -c or argv. */
static int
run_text(cli *c, const char *text)
{
	lt_error err;

	if (lt_session_run(c->s, text, cli_emit, c, NULL, &err) != 0) {
		cli_error("lantern", text, &err);
		return 1;
	}
	return 0;
}

/* Whether word is one of the "tutorial" command's own words, not a name. */
static int
tutorial_subcommand(const char *word)
{
	static const char *const words[] = { "list", "check", "replay", "restart", "help",
	    NULL };

	for (size_t i = 0; words[i] != NULL; i++)
		if (strcmp(word, words[i]) == 0)
			return 1;
	return 0;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "command", required_argument, NULL, 'c' },
		{ "dataset", required_argument, NULL, 'd' },
		{ "format", required_argument, NULL, 'f' },
		{ "home", required_argument, NULL, 'H' },
		{ "datasets", required_argument, NULL, 'D' },
		{ "findings", required_argument, NULL, 'F' },
		{ "keep-going", no_argument, NULL, 'k' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "roff-commands", no_argument, NULL, 'R' },
		{ "roff-keys", no_argument, NULL, 'K' },
		{ NULL, 0, NULL, 0 }
	};
	const char *command = NULL, *dataset = NULL, *bundled = NULL, *home_opt = NULL;
	const char *findings = NULL;
	char *home, *dbpath, *open_cmd;
	cli c;
	lt_session_opts so;
	lt_error err;
	struct sigaction sa;
	int ch, status = 0, shell, tui;
	const char *tutorial = NULL;

#ifdef M_MMAP_MAX
	/*
	 * A column of 5 million numbers is 40 MB, above the largest block
	 * glibc will keep for reuse (32 MB): each one would be mapped afresh,
	 * its pages faulted in, then unmapped on free. Taking every block
	 * from the heap, and giving back only what is over 256 MB, made
	 * describe at 5M rows 1.2 -> 0.8 s (bench/README.md).
	 */
	mallopt(M_MMAP_MAX, 0);
	mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
	setlocale(LC_ALL, "");
	/* Data files and filters write numbers with a point, whatever the locale. */
	setlocale(LC_NUMERIC, "C");
	memset(&c, 0, sizeof c);
	c.format = -1;
	c.utf8 = cli_utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	opterr = 0;	/* say it ourselves, as "lantern: ..." */
	while ((ch = getopt_long(argc, argv, "+c:d:f:kqhV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'c':
			command = optarg;
			break;
		case 'd':
			dataset = optarg;
			break;
		case 'f':
			if ((c.format = lt_format_parse(optarg)) < 0) {
				fprintf(stderr, "lantern: --format takes text, csv or json, not \"%s\"\n",
				    optarg);
				return 2;
			}
			break;
		case 'H':
			home_opt = optarg;
			break;
		case 'F':
			findings = optarg;
			break;
		case 'D':
			bundled = optarg;
			break;
		case 'k':
			c.keep_going = 1;
			break;
		case 'q':
			c.quiet = 1;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("lantern %s\n", lt_version());
			return 0;
		case 'K':
		case 'R': {
			char *roff = ch == 'K' ? ui_keys_roff() : lt_cmd_roff();

			fputs(roff, stdout);
			free(roff);
			return 0;
		}
		default:
			if (optopt != 0 && strchr("cdf", optopt) != NULL)
				fprintf(stderr, "lantern: -%c needs a value\n", optopt);
			else if (optopt != 0)
				fprintf(stderr, "lantern: there is no option -%c\n", optopt);
			else
				fprintf(stderr, "lantern: there is no option %s\n", argv[optind - 1]);
			fputs("Try \"lantern --help\" for the options.\n", stderr);
			return 2;
		}
	}
	if (home_opt != NULL)
		home = lt_strdup(home_opt);
	else if (getenv("LANTERN_HOME") != NULL && *getenv("LANTERN_HOME") != '\0')
		home = lt_strdup(getenv("LANTERN_HOME"));
	else
		home = xdg_dir("XDG_DATA_HOME", ".local/share", "lantern");
	if (bundled == NULL)
		bundled = getenv("LANTERN_DATASETS");
	if (bundled == NULL)
		bundled = LT_PKGDATADIR "/datasets";
	c.home = home;
	dbpath = lt_sprintf("%s/lantern.db", home);

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sigint;
	sigaction(SIGINT, &sa, NULL);

	/* No command and a terminal: the full-screen workbench. */
	tui = command == NULL && optind == argc && isatty(STDIN_FILENO) &&
	    isatty(STDOUT_FILENO);
	/* "tutorial NAME" on a terminal: the workbench with that tutorial (the
	   command "tutorial" lists, checks and replays them) */
	if (command == NULL && argc - optind == 2 && strcmp(argv[optind], "tutorial") == 0 &&
	    !tutorial_subcommand(argv[optind + 1]) &&
	    isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
		tutorial = argv[optind + 1];
		tui = 1;
	}
	memset(&so, 0, sizeof so);
	so.catalog_path = dbpath;
	so.bundled_dir = bundled;
	so.findings_path = findings;
	so.data_out = tui ? NULL : stdout;
	so.progress = tui ? NULL : cli_progress;
	so.progress_ud = &c;
	so.cancel = &cli_interrupted;
	c.s = lt_session_new(&so, &err);
	if (c.s == NULL) {
		fprintf(stderr, "lantern: %s\n", err.msg);
		free(dbpath);
		free(home);
		return 1;
	}

	open_cmd = dataset != NULL ? lt_sprintf("open \"%s\"", dataset) : NULL;
	if (tui) {
		ui_opts uo;
		const char *nc = getenv("NO_COLOR");

		memset(&uo, 0, sizeof uo);
		uo.s = c.s;
		uo.utf8 = c.utf8;
		uo.color = nc == NULL || *nc == '\0';
		uo.open = open_cmd;
		uo.tutorial = tutorial;
		uo.interrupted = &cli_interrupted;
		status = ui_main(&uo);
		goto out;
	}
	if (optind < argc && strcmp(argv[optind], "shell") == 0 && argc - optind == 2 &&
	    open_cmd == NULL)
		open_cmd = lt_sprintf("open \"%s\"", argv[optind + 1]);
	if (optind < argc && strcmp(argv[optind], "shell") == 0 && argc - optind > 2) {
		fputs("lantern: shell takes at most one dataset name\n", stderr);
		status = 2;
		goto out;
	}
	/* "run" takes -k/--keep-going after it too. */
	if (optind < argc && strcmp(argv[optind], "run") == 0) {
		for (int i = optind + 1; i < argc - 1; i++)
			if (strcmp(argv[i], "-k") == 0 || strcmp(argv[i], "--keep-going") == 0) {
				c.keep_going = 1;
				memmove(&argv[i], &argv[i + 1], (size_t)(argc - i - 1) * sizeof *argv);
				argc--;
				i--;
			}
	}
	if (optind < argc && strcmp(argv[optind], "run") == 0 && argc - optind != 2) {
		fputs("lantern: run takes one file name (- for standard input)\n", stderr);
		status = 2;
		goto out;
	}
	/*
	 * The shell shows what it opened; -d elsewhere opens quietly, so
	 * "-d cohort -f csv -c ..." writes just the CSV.
	 */
	shell = command == NULL && (optind < argc ? strcmp(argv[optind], "shell") == 0 :
	    isatty(STDIN_FILENO));
	if (shell && isatty(STDIN_FILENO))
		printf("lantern %s: explore health data safely.\n"
		    "Type \"help\" for the commands, Tab to complete, Ctrl-D to leave.\n\n",
		    lt_version());
	if (open_cmd != NULL) {
		lt_error oerr;

		if (lt_session_run(c.s, open_cmd, shell ? cli_emit : NULL, &c, NULL, &oerr) != 0) {
			cli_error("lantern", open_cmd, &oerr);
			status = 1;
			goto out;
		}
	}

	if (command != NULL) {
		status = run_text(&c, command);
	} else if (optind < argc && strcmp(argv[optind], "run") == 0) {
		const char *path = argv[optind + 1];
		FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");

		if (f == NULL) {
			fprintf(stderr, "lantern: cannot open %s: %s\n", path, strerror(errno));
			status = 1;
		} else {
			status = cli_run_file(&c, f, strcmp(path, "-") == 0 ? "stdin" : path);
			if (f != stdin)
				fclose(f);
		}
	} else if (optind < argc && strcmp(argv[optind], "shell") != 0) {
		char *text = join_words(argc - optind, argv + optind);

		status = run_text(&c, text);
		free(text);
	} else if (!isatty(STDIN_FILENO)) {
		status = cli_run_file(&c, stdin, "stdin");
	} else {
		status = cli_shell(&c);
	}
out:
	/* A full disk or a closed pipe must not look like success. */
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "lantern: cannot write the results: %s\n", strerror(errno));
		status = 1;
	}
	free(open_cmd);
	lt_session_free(c.s);
	free(dbpath);
	free(home);
	return status;
}
