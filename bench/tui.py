#!/usr/bin/env python3
# tui.py: times lantern's workbench on a dataset for the benchmark (issue 8,
# task 6) without tmux in between: it runs "lantern -d DATASET" in a
# pseudo-terminal of 40 x 120 and reads every byte the program writes.
#
#   first screen: from starting the program until the last byte of the first
#                 burst of output that contains "of N" (the status line
#                 "row 1 of N"), a burst ending after QUIET ms of silence;
#   jump to end:  from sending the End key until the last byte of the burst
#                 that answers it;
#   quit:         from sending "q" (back home) and "q" (leave) until exit;
#   peak memory:  the program's maximum resident set (wait4's ru_maxrss).
#
# Times are to the nearest fraction of a millisecond; the pause of QUIET ms
# is not counted. tui.sh checks, in tmux, that the screens really show
# row 1 and the last row. Output: one line per run,
#   FIRST_MS END_MS QUIT_MS PEAK_KB
# Usage: tui.py LANTERN DATASET NROWS [RUNS]   (stdlib only)

import curses
import os
import pty
import select
import signal
import struct
import sys
import time
import fcntl
import termios

QUIET = 0.3
TIMEOUT = 120.0


def burst(fd, until=None, buf=None):
	"""Read until QUIET s of silence after some output (and after `until`
	appeared, if given). Returns the time of the last byte, or None."""
	last = None
	seen = until is None
	deadline = time.monotonic() + TIMEOUT
	while time.monotonic() < deadline:
		wait = QUIET if last is not None and seen else 1.0
		r, _, _ = select.select([fd], [], [], wait)
		if not r:
			if last is not None and seen:
				return last
			continue
		try:
			data = os.read(fd, 65536)
		except OSError:
			return last
		if not data:
			return last
		last = time.monotonic()
		if buf is not None:
			buf.extend(data)
			if not seen and until in buf:
				seen = True
	return None


def one(lantern, ds, nrows, kend):
	marker = ("of " + format(nrows, ",")).encode()
	env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8",
	    LC_ALL="C.UTF-8", COLUMNS="120", LINES="40")
	t0 = time.monotonic()
	pid, fd = pty.fork()
	if pid == 0:
		os.execve(lantern, [lantern, "-d", ds], env)
	fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
	buf = bytearray()
	t1 = burst(fd, marker, buf)
	first = (t1 - t0) * 1000 if t1 else -1
	t2 = time.monotonic()
	os.write(fd, kend)
	t3 = burst(fd)
	end = (t3 - t2) * 1000 if t3 else -1
	t4 = time.monotonic()
	os.write(fd, b"q")
	burst(fd)
	os.write(fd, b"q")
	while True:
		try:
			if not os.read(fd, 65536):
				break
		except OSError:
			break
	_, status, ru = os.wait4(pid, 0)
	t5 = time.monotonic()
	quit_ms = (t5 - t4) * 1000 - QUIET * 1000
	os.close(fd)
	return first, end, quit_ms, ru.ru_maxrss


def main():
	if len(sys.argv) < 4:
		sys.stderr.write("usage: tui.py LANTERN DATASET NROWS [RUNS]\n")
		return 2
	lantern, ds, nrows = sys.argv[1], sys.argv[2], int(sys.argv[3])
	runs = int(sys.argv[4]) if len(sys.argv) > 4 else 1
	curses.setupterm("xterm-256color", sys.stderr.fileno())
	kend = curses.tigetstr("kend") or b"\x1bOF"
	for _ in range(runs):
		f, e, q, m = one(lantern, ds, nrows, kend)
		print("%.1f %.1f %.1f %d" % (f, e, q, m), flush=True)
	return 0


if __name__ == "__main__":
	sys.exit(main())
