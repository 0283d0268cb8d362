/*
 * version.c - the version string, from configure.
 */
#include "config.h"

#include "lantern.h"

const char *
lt_version(void)
{
	return PACKAGE_VERSION;
}
