/*
 * ident.h - spotting direct identifiers at import.
 *
 * lantern refuses columns that would identify people: names, NHS numbers
 * (10 digits with a valid modulus-11 check digit), dates of birth, full UK
 * postcodes, addresses, email addresses and phone numbers. A column is
 * judged by its name and by its content: feed it every value (or a sample)
 * and ask for the verdict. Content rules look at the first 10,000
 * non-missing values: two valid NHS numbers (when nearly every 10-digit
 * value is one), any email address (also inside free text), or full postcodes, phone numbers or
 * street addresses in at least five values and half of them (postcodes:
 * two, and one value in ten).
 */
#ifndef LT_IDENT_H
#define LT_IDENT_H

#include <stddef.h>

typedef struct lt_ident lt_ident;

/* Start judging a column called name. */
lt_ident *lt_ident_new(const char *name);
/* Look at one non-missing value. */
void lt_ident_feed(lt_ident *id, const char *value, size_t len);
/*
 * NULL when the column looks safe; otherwise a reason that reads after the
 * column name: "looks like NHS numbers (10 digits with a valid check digit)",
 * "is named like a date of birth". Owned by id.
 */
const char *lt_ident_verdict(const lt_ident *id);
void lt_ident_free(lt_ident *id);
/* Whether s is a valid NHS number (10 digits, spaces allowed as 3-3-4). */
int lt_ident_is_nhs_number(const char *s, size_t len);

#endif
