/*
 * gen.c - placeholder until the module lands.
 */
#include "config.h"
#include "gen.h"
