/*
 * main.c - placeholder entry point while the command language lands.
 */
#include "config.h"

#include <stdio.h>

#include "lantern.h"

int
main(void)
{
	printf("lantern %s\n", lt_version());
	return 0;
}
