/*
 * lantern.h - what every part of lantern shares: the version and the
 * ownership rules of the core library.
 *
 * The core (src/core) is a library with no curses and no readline. It never
 * prints and never exits: functions return 0 on success or an LT_E* code and
 * fill an lt_error with one sentence for the user. Handles are opaque and come
 * in _open/_close or _new/_free pairs; every _free/_close accepts NULL.
 * Strings returned as "const char *" belong to the object that returned them;
 * "char *" results belong to the caller (free with free()).
 */
#ifndef LANTERN_H
#define LANTERN_H

#include "error.h"
#include "buf.h"

/* The version string, e.g. "0.1.0". */
const char *lt_version(void);

#endif
