/*
 * expr.c - placeholder until the module lands.
 */
#include "config.h"
#include "expr.h"
