/*
 * csv.c - placeholder until the module lands.
 */
#include "config.h"
#include "csv.h"
