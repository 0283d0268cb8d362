/*
 * findings_stress.c - the findings store under load and under a crash
 * (run by tests/findings.sh).
 *
 *   findings_stress DIR
 *
 * Concurrency: 8 processes each post 200 observations into one fresh store
 * at the same time (all of them opening it while it is being made) while a
 * reviewer process reviews what is submitted; afterwards every post is
 * there exactly once, every review the reviewer reported is in the
 * history, no call failed and the store's check passes.
 *
 * Crash safety: a writer posting in a loop reports each acknowledged id
 * through a pipe and is killed with SIGKILL after about 100 of them; the
 * store still opens, its check passes and every acknowledged post is
 * there. Five times, at different moments.
 *
 * Prints what it does; exits 0 when all is well, 1 otherwise.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "findings.h"

#define NCHILD	8
#define NPOST	200
#define NCRASH	5

static int failures;

static void
fail(const char *what)
{
	printf("not ok - %s\n", what);
	failures++;
}

static void
ok(int cond, const char *what)
{
	if (cond)
		printf("ok - %s\n", what);
	else
		fail(what);
}

static double
seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static lt_finding
sample(const char *title)
{
	lt_finding f = { 0 };

	f.title = (char *)title;
	f.body = (char *)"An observation made under load.";
	f.dataset = (char *)"cohort";
	f.recipe = (char *)"open cohort\nsummary bmi";
	f.result_json = (char *)"{\"kind\":\"summary\"}";
	return f;
}

/* Block until the parent closes the start pipe. */
static void
wait_start(int fd)
{
	char c;

	while (read(fd, &c, 1) < 0 && errno == EINTR)
		;
	close(fd);
}

static void
child_post(const char *path, int c, int start_fd)
{
	lt_error err;
	lt_findings *st;
	char login[32], title[64];

	wait_start(start_fd);
	st = lt_findings_open(path, 0, &err);
	if (st == NULL) {
		fprintf(stderr, "child %d: open: %s\n", c, err.msg);
		_exit(2);
	}
	snprintf(login, sizeof login, "child%d", c);
	for (int i = 0; i < NPOST; i++) {
		lt_finding f;
		long long id;

		snprintf(title, sizeof title, "child %d post %d", c, i);
		f = sample(title);
		if (lt_findings_post(st, login, &f, &id, &err) != 0) {
			fprintf(stderr, "child %d post %d: %s\n", c, i, err.msg);
			_exit(3);
		}
	}
	lt_findings_close(st);
	_exit(0);
}

/*
 * The reviewer: reviews what is submitted and not yet reviewed by it,
 * writing "id verdict" for each review to out, until the parent closes
 * the done pipe; then one last sweep.
 */
static void
child_review(const char *path, int start_fd, int done_fd, FILE *out)
{
	lt_error err;
	lt_findings *st;
	lt_findings_query q = { LT_FS_SUBMITTED, NULL, NULL, "rev" };
	int last = 0, k = 0;

	double t0;

	wait_start(start_fd);
	t0 = seconds();
	st = lt_findings_open(path, 0, &err);
	if (st == NULL || lt_findings_reviewer_add(st, "rev", "admin", &err) != 0) {
		fprintf(stderr, "reviewer: %s\n", err.msg);
		_exit(2);
	}
	printf("# the reviewer was ready after %.2f s\n", seconds() - t0);
	for (;;) {
		lt_finding *v;
		size_t n;
		char c;

		if (!last && read(done_fd, &c, 1) == 0)
			last = 1;
		if (lt_findings_list(st, &q, &v, &n, &err) != 0) {
			fprintf(stderr, "reviewer: list: %s\n", err.msg);
			_exit(3);
		}
		for (size_t i = 0; i < n; i++) {
			int verdict = k % 3 == 0 ? LT_FS_CHANGES :
			    k % 3 == 1 ? LT_FS_ACCEPTED : LT_FS_DECLINED;

			k++;

			if (lt_findings_review(st, v[i].id, "rev", verdict,
			    verdict == LT_FS_ACCEPTED ? NULL : "a reason", &err) != 0) {
				fprintf(stderr, "reviewer: review %lld: %s\n", v[i].id, err.msg);
				_exit(4);
			}
			fprintf(out, "%lld %d %d\n", v[i].id, verdict, last);
			lt_finding_clear(&v[i]);
		}
		free(v);
		if (last && n == 0)
			break;
		if (n == 0)
			usleep(2000);
	}
	fclose(out);
	lt_findings_close(st);
	_exit(0);
}

static int
check_store(lt_findings *st, const char *what)
{
	lt_buf rep = LT_BUF_INIT;
	lt_error err;
	int rc = lt_findings_check(st, &rep, &err);

	if (rc != 0)
		printf("# %s: %s\n%s", what, err.msg, lt_buf_str(&rep));
	lt_buf_free(&rep);
	return rc == 0;
}

static void
concurrency(const char *dir)
{
	char *path = lt_sprintf("%s/shared/findings.db", dir);
	char *revlog = lt_sprintf("%s/reviews.txt", dir);
	char *subdir = lt_sprintf("%s/shared", dir);
	int start[2], done[2], status, bad = 0;
	pid_t kids[NCHILD], rev;
	double t0;
	lt_findings *st;
	lt_error err;
	lt_finding *v;
	size_t n;
	static unsigned char seen[NCHILD][NPOST];
	int dups = 0, strays = 0, missing = 0, reviews = 0, lost = 0, early = 0;
	FILE *f;

	if (mkdir(subdir, 0755) != 0 || pipe(start) != 0 || pipe(done) != 0) {
		fail("setting up the concurrency test");
		return;
	}
	for (int c = 0; c < NCHILD; c++) {
		kids[c] = fork();
		if (kids[c] == 0) {
			close(start[1]);
			close(done[0]);
			close(done[1]);
			child_post(path, c, start[0]);
		}
	}
	rev = fork();
	if (rev == 0) {
		FILE *out = fopen(revlog, "w");

		close(start[1]);
		close(done[1]);
		if (out == NULL)
			_exit(5);
		fcntl(done[0], F_SETFL, fcntl(done[0], F_GETFL) | O_NONBLOCK);
		child_review(path, start[0], done[0], out);
	}
	close(start[0]);
	close(done[0]);
	t0 = seconds();
	close(start[1]);	/* go */
	for (int c = 0; c < NCHILD; c++) {
		if (waitpid(kids[c], &status, 0) != kids[c] || !WIFEXITED(status) ||
		    WEXITSTATUS(status) != 0)
			bad++;
	}
	printf("# 8 x 200 posts took %.2f s\n", seconds() - t0);
	close(done[1]);
	if (waitpid(rev, &status, 0) != rev || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		bad++;
	printf("# with the reviewer's last sweep: %.2f s\n", seconds() - t0);
	ok(bad == 0, "no writer and no reviewer met an error");

	st = lt_findings_open(path, 0, &err);
	if (st == NULL) {
		printf("# %s\n", err.msg);
		fail("the store opens after the load");
		goto out;
	}
	if (lt_findings_list(st, NULL, &v, &n, &err) != 0) {
		fail("listing after the load");
		lt_findings_close(st);
		goto out;
	}
	memset(seen, 0, sizeof seen);
	for (size_t i = 0; i < n; i++) {
		int c, k;

		if (sscanf(v[i].title, "child %d post %d", &c, &k) == 2 && c >= 0 &&
		    c < NCHILD && k >= 0 && k < NPOST) {
			if (seen[c][k]++)
				dups++;
		} else
			strays++;
		if (v[i].state == LT_FS_SUBMITTED)
			missing++;	/* the last sweep reviews everything */
		lt_finding_clear(&v[i]);
	}
	free(v);
	printf("# %zu observations\n", n);
	ok(n == NCHILD * NPOST && dups == 0 && strays == 0,
	    "exactly 1,600 observations, each post once");
	ok(missing == 0, "the reviewer reviewed every one");

	f = fopen(revlog, "r");
	if (f != NULL) {
		long long id;
		int verdict, late;

		while (fscanf(f, "%lld %d %d", &id, &verdict, &late) == 3) {
			lt_finding_event *ev;
			size_t ne;
			int found = 0;

			reviews++;
			early += !late;
			if (lt_findings_history(st, id, &ev, &ne, &err) == 0) {
				for (size_t i = 0; i < ne; i++)
					if (ev[i].state == verdict &&
					    strcmp(ev[i].action, lt_finding_state_name(verdict)) == 0)
						found = 1;
				lt_finding_events_free(ev, ne);
			}
			if (!found)
				lost++;
		}
		fclose(f);
	}
	printf("# %d reviews reported, %d of them while the writers were posting\n",
	    reviews, early);
	ok(reviews == NCHILD * NPOST && lost == 0, "every review reported is in the history");
	ok(check_store(st, "after the load"), "the check passes after the load");
	lt_findings_close(st);
out:
	free(path);
	free(revlog);
	free(subdir);
}

static void
crash_writer(const char *path, int fd)
{
	lt_error err;
	lt_findings *st = lt_findings_open(path, 0, &err);

	if (st == NULL) {
		fprintf(stderr, "crash writer: %s\n", err.msg);
		_exit(2);
	}
	for (int i = 0;; i++) {
		char title[64];
		lt_finding f;
		long long id;

		snprintf(title, sizeof title, "crash post %d", i);
		f = sample(title);
		if (lt_findings_post(st, "crasher", &f, &id, &err) != 0) {
			fprintf(stderr, "crash writer: %s\n", err.msg);
			_exit(3);
		}
		if (write(fd, &id, sizeof id) != (ssize_t)sizeof id)
			_exit(4);
	}
}

static void
crashes(const char *dir)
{
	char *path = lt_sprintf("%s/crash.db", dir);
	double t0 = seconds();

	for (int round = 0; round < NCRASH; round++) {
		int fds[2], status, absent = 0;
		long long *acked = NULL, id;
		size_t nacked = 0, cap = 0, want = 90 + (size_t)round * 7;
		pid_t pid;
		lt_findings *st;
		lt_error err;
		ssize_t r;
		char what[96];

		if (pipe(fds) != 0) {
			fail("a pipe");
			break;
		}
		pid = fork();
		if (pid == 0) {
			close(fds[0]);
			crash_writer(path, fds[1]);
		}
		close(fds[1]);
		while (nacked < want && (r = read(fds[0], &id, sizeof id)) == (ssize_t)sizeof id) {
			acked = lt_grow(acked, &cap, nacked + 1, sizeof *acked);
			acked[nacked++] = id;
		}
		/* A different moment each time: somewhere inside a post. */
		usleep((useconds_t)(round * 350));
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		/* Whatever it acknowledged before it died counts too. */
		while ((r = read(fds[0], &id, sizeof id)) == (ssize_t)sizeof id) {
			acked = lt_grow(acked, &cap, nacked + 1, sizeof *acked);
			acked[nacked++] = id;
		}
		close(fds[0]);
		st = lt_findings_open(path, 0, &err);
		snprintf(what, sizeof what, "crash %d: the store opens after SIGKILL (%zu posts acknowledged)",
		    round + 1, nacked);
		ok(st != NULL && WIFSIGNALED(status), what);
		if (st == NULL) {
			printf("# %s\n", err.msg);
			free(acked);
			continue;
		}
		snprintf(what, sizeof what, "crash %d: the check passes", round + 1);
		ok(check_store(st, "after a crash"), what);
		for (size_t i = 0; i < nacked; i++) {
			lt_finding f;

			if (lt_findings_get(st, acked[i], &f, &err) != 0)
				absent++;
			lt_finding_clear(&f);
		}
		snprintf(what, sizeof what, "crash %d: every acknowledged post is there", round + 1);
		ok(absent == 0 && nacked >= want, what);
		lt_findings_close(st);
		free(acked);
	}
	printf("# crash rounds took %.2f s\n", seconds() - t0);
	free(path);
}

int
main(int argc, char **argv)
{
	double t0 = seconds();

	if (argc != 2) {
		fprintf(stderr, "usage: findings_stress DIR\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	concurrency(argv[1]);
	crashes(argv[1]);
	printf("# all in %.2f s\n", seconds() - t0);
	return failures == 0 ? 0 : 1;
}
