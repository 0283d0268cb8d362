/*
 * ident.c - placeholder until the module lands.
 */
#include "config.h"
#include "ident.h"
