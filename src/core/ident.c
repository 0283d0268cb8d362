/*
 * ident.c - spotting direct identifiers at import.
 *
 * A column is judged twice: once by its name (normalised to lowercase
 * letters and digits, matched exactly against a list of identifier names)
 * and once by its content. Content is judged by counting, over the first
 * IDENT_CAP values fed, how many match each identifier pattern; each value
 * costs O(min(len, SCAN_MAX)) and no allocation. No regex library is used:
 * every pattern is a small hand-written recogniser.
 *
 * Verdicts are fixed strings: they never quote the data, which could leak
 * the very identifiers we refuse.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "ident.h"

/* Only this many values are looked at; later feeds return at once. */
#define IDENT_CAP	10000
/* A content pattern needs at least this many matching values. */
#define MIN_MATCHES	5
/* Longest normalised column name we try to match. */
#define NAME_MAX_LEN	64
/* Longest value worth scanning for emails and addresses. */
#define SCAN_MAX	256

enum kind {
	K_NONE = -1,
	K_NAME,
	K_NHS,
	K_DOB,
	K_POSTCODE,
	K_ADDRESS,
	K_EMAIL,
	K_PHONE,
	K_NINO
};

struct lt_ident {
	int	 namekind;	/* kind the name matched, or K_NONE */
	size_t	 seen;		/* non-empty values counted, up to IDENT_CAP */
	size_t	 ten;		/* values shaped like 10 digits */
	size_t	 nhs;		/* ... of which valid NHS numbers */
	size_t	 email;
	size_t	 postcode;
	size_t	 phone;
	size_t	 address;
};

static const char *const name_verdicts[] = {
	[K_NAME] = "is named like a person's name",
	[K_NHS] = "is named like an NHS number",
	[K_DOB] = "is named like a date of birth",
	[K_POSTCODE] = "is named like a postcode",
	[K_ADDRESS] = "is named like an address",
	[K_EMAIL] = "is named like an email address",
	[K_PHONE] = "is named like a phone number",
	[K_NINO] = "is named like a National Insurance number",
};

static const struct {
	const char	*name;
	int		 kind;
} ident_names[] = {
	{ "name", K_NAME },
	{ "fullname", K_NAME },
	{ "firstname", K_NAME },
	{ "firstnames", K_NAME },
	{ "forename", K_NAME },
	{ "forenames", K_NAME },
	{ "givenname", K_NAME },
	{ "givennames", K_NAME },
	{ "christianname", K_NAME },
	{ "surname", K_NAME },
	{ "lastname", K_NAME },
	{ "familyname", K_NAME },
	{ "middlename", K_NAME },
	{ "middlenames", K_NAME },
	{ "patientname", K_NAME },
	{ "maidenname", K_NAME },

	{ "nhsnumber", K_NHS },
	{ "nhsno", K_NHS },
	{ "nhsnum", K_NHS },
	{ "nhs", K_NHS },
	{ "chinumber", K_NHS },
	{ "chino", K_NHS },
	{ "chi", K_NHS },

	{ "dob", K_DOB },
	{ "dateofbirth", K_DOB },
	{ "birthdate", K_DOB },
	{ "birthday", K_DOB },
	{ "bdate", K_DOB },

	{ "postcode", K_POSTCODE },
	{ "fullpostcode", K_POSTCODE },
	{ "zipcode", K_POSTCODE },
	{ "zip", K_POSTCODE },
	{ "postalcode", K_POSTCODE },

	{ "address", K_ADDRESS },
	{ "addressline", K_ADDRESS },
	{ "homeaddress", K_ADDRESS },
	{ "street", K_ADDRESS },
	{ "streetaddress", K_ADDRESS },
	{ "houseno", K_ADDRESS },
	{ "housenumber", K_ADDRESS },

	{ "email", K_EMAIL },
	{ "emailaddress", K_EMAIL },
	{ "mail", K_EMAIL },

	{ "phone", K_PHONE },
	{ "phoneno", K_PHONE },
	{ "phonenumber", K_PHONE },
	{ "telephone", K_PHONE },
	{ "telephoneno", K_PHONE },
	{ "telephonenumber", K_PHONE },
	{ "tel", K_PHONE },
	{ "telno", K_PHONE },
	{ "mobile", K_PHONE },
	{ "mobileno", K_PHONE },
	{ "mobilenumber", K_PHONE },
	{ "cellphone", K_PHONE },
	{ "homephone", K_PHONE },

	{ "ninumber", K_NINO },
	{ "nino", K_NINO },
	{ "nationalinsurancenumber", K_NINO },
	{ "nationalinsuranceno", K_NINO },
};

/* Prefixes that keep a name an identifier: "patient_surname", "mother_dob". */
static const char *const name_prefixes[] = {
	"patient", "person", "mother", "father"
};

/* Words that make "<number> <words>" a street address. */
static const char *const street_words[] = {
	"street", "st", "road", "rd", "avenue", "ave", "lane", "ln",
	"close", "drive", "dr", "way", "court", "ct", "crescent", "cres",
	"place", "pl", "terrace", "tce", "gardens", "gdns", "grove",
	"square", "sq", "hill", "walk", "mews", "parade", "boulevard",
	"blvd", "highway", "wynd"
};

/* Units that make "<number> <unit> ..." a quantity, not an address. */
static const char *const unit_words[] = {
	"min", "mins", "minute", "minutes", "hour", "hours", "hr", "hrs",
	"day", "days", "week", "weeks", "month", "months", "year", "years",
	"mile", "miles", "km", "kms", "metre", "metres", "meter", "meters",
	"m", "yard", "yards", "mg", "ml", "times", "x"
};

/* Words before a flat number that stands in for the house number. */
static const char *const flat_words[] = {
	"flat", "apartment", "apt", "unit"
};

#define NITEMS(a)	(sizeof(a) / sizeof((a)[0]))

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int
is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
to_lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' ||
	    c == '\v' || c == '\f';
}

/* Whether s (n bytes) equals word, ignoring ASCII case. */
static int
word_eq(const char *s, size_t n, const char *word)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (word[i] == '\0' || to_lower((unsigned char)s[i]) != word[i])
			return 0;
	return word[n] == '\0';
}

/* Whether s (n bytes) is one of the nwords words, ignoring case. */
static int
word_in(const char *s, size_t n, const char *const *words, size_t nwords)
{
	size_t	i;

	for (i = 0; i < nwords; i++)
		if (word_eq(s, n, words[i]))
			return 1;
	return 0;
}

/* Trim ASCII white space from both ends of *s / *len. */
static void
trim(const char **s, size_t *len)
{
	while (*len > 0 && is_space((unsigned char)(*s)[0])) {
		(*s)++;
		(*len)--;
	}
	while (*len > 0 && is_space((unsigned char)(*s)[*len - 1]))
		(*len)--;
}

/* The kind a normalised name is listed as, or K_NONE. */
static int
lookup_name(const char *s, size_t n)
{
	size_t	i;

	for (i = 0; i < NITEMS(ident_names); i++)
		if (strlen(ident_names[i].name) == n &&
		    memcmp(ident_names[i].name, s, n) == 0)
			return ident_names[i].kind;
	return K_NONE;
}

/*
 * The kind of a normalised name: an exact match, or a match once trailing
 * digits are dropped ("address2", "phone1") when what is left is long
 * enough not to be ambiguous ("chi2" is a statistic, not a CHI number).
 */
static int
match_stem(const char *s, size_t n)
{
	int	kind;

	if ((kind = lookup_name(s, n)) != K_NONE)
		return kind;
	while (n > 0 && is_digit((unsigned char)s[n - 1]))
		n--;
	if (n >= 4)
		return lookup_name(s, n);
	return K_NONE;
}

/* The kind a column name is named like, or K_NONE. */
static int
classify_name(const char *name)
{
	char	norm[NAME_MAX_LEN];
	size_t	n = 0, i, plen;
	int	kind;

	if (name == NULL)
		return K_NONE;
	for (; *name != '\0'; name++) {
		unsigned char c = (unsigned char)*name;

		if (!is_digit(c) && !is_alpha(c))
			continue;
		if (n == sizeof norm)
			return K_NONE;	/* too long to be on the list */
		norm[n++] = (char)to_lower(c);
	}
	if (n == 0)
		return K_NONE;
	if ((kind = match_stem(norm, n)) != K_NONE)
		return kind;
	for (i = 0; i < NITEMS(name_prefixes); i++) {
		plen = strlen(name_prefixes[i]);
		if (n <= plen || memcmp(norm, name_prefixes[i], plen) != 0)
			continue;
		if ((kind = match_stem(norm + plen, n - plen)) != K_NONE)
			return kind;
		/* "mother's maiden name" -> "mothersmaidenname" */
		if (norm[plen] != 's' || n == plen + 1)
			continue;
		kind = match_stem(norm + plen + 1, n - plen - 1);
		if (kind != K_NONE)
			return kind;
	}
	return K_NONE;
}

/*
 * Copy the ten digits of s into d when s is shaped like an NHS number:
 * ten digits, or 3-3-4 digits split by single spaces or dashes.
 */
static int
nhs_digits(const char *s, size_t len, int d[10])
{
	size_t	i;
	int	nd = 0;

	if (len != 10 && len != 12)
		return 0;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (is_digit(c)) {
			if (nd == 10)
				return 0;
			d[nd++] = c - '0';
		} else if (len == 12 && (i == 3 || i == 7) &&
		    (c == ' ' || c == '-'))
			continue;
		else
			return 0;
	}
	return nd == 10;
}

/*
 * Whether ten digits carry a valid modulus-11 check digit. Repeated
 * digits ("0000000000", "9999999999") pass the arithmetic but are
 * placeholders, not numbers given to people, so they are refused.
 */
static int
nhs_check(const int d[10])
{
	int	i, sum = 0, check, same = 1;

	for (i = 0; i < 9; i++) {
		sum += d[i] * (10 - i);
		if (d[i] != d[0])
			same = 0;
	}
	if (same && d[9] == d[0])
		return 0;
	check = 11 - sum % 11;
	if (check == 11)
		check = 0;
	if (check == 10)
		return 0;
	return check == d[9];
}

int
lt_ident_is_nhs_number(const char *s, size_t len)
{
	int	d[10];

	if (s == NULL)
		return 0;
	trim(&s, &len);
	return nhs_digits(s, len, d) && nhs_check(d);
}

/* Whether s looks like local@domain.tld with no spaces. */
static int
is_email(const char *s, size_t len)
{
	size_t	i, at = len, label = 0, dots = 0;
	int	alpha_label = 1;

	if (len < 6 || len > SCAN_MAX)
		return 0;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c <= ' ' || c == 0x7f || c == ',' || c == ';' ||
		    c == '<' || c == '>' || c == '"')
			return 0;
		if (c == '@') {
			if (at != len || i == 0)
				return 0;
			at = i;
			label = 0;
			alpha_label = 1;
			continue;
		}
		if (at == len)
			continue;
		/* In the domain: labels split by dots, none empty. */
		if (c == '.') {
			if (label == 0)
				return 0;
			dots++;
			label = 0;
			alpha_label = 1;
			continue;
		}
		label++;
		if (!is_alpha(c))
			alpha_label = 0;
	}
	/* The last label is the top-level domain: two letters or more. */
	return at != len && dots > 0 && label >= 2 && alpha_label;
}

/*
 * Whether free text holds an email address among its words ("write to
 * jo@example.org, or call"): each word with an @ is tried, without the
 * punctuation around it.
 */
static int
has_email(const char *s, size_t len)
{
	const char *at;

	if (len > SCAN_MAX)
		len = SCAN_MAX;	/* the same bound as every other pattern */
	at = memchr(s, '@', len);

	while (at != NULL) {
		const char *b = at, *e = at;

		while (b > s && !strchr(" \t,;:<>()[]\"'", b[-1]))
			b--;
		while (e < s + len && !strchr(" \t,;:<>()[]\"'", *e))
			e++;
		while (e > at && (e[-1] == '.' || e[-1] == '!' || e[-1] == '?'))
			e--;
		if (is_email(b, (size_t)(e - b)))
			return 1;
		at = e < s + len ? memchr(e, '@', (size_t)(s + len - e)) : NULL;
	}
	return 0;
}

/* Whether s is a UK outward code: A9, A99, AA9, AA99, A9A or AA9A. */
static int
is_outward(const char *s, size_t n)
{
	char	shape[5];
	size_t	i;

	if (n < 2 || n > 4)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (is_alpha(c))
			shape[i] = 'A';
		else if (is_digit(c))
			shape[i] = '9';
		else
			return 0;
	}
	shape[n] = '\0';
	return strcmp(shape, "A9") == 0 || strcmp(shape, "A99") == 0 ||
	    strcmp(shape, "AA9") == 0 || strcmp(shape, "AA99") == 0 ||
	    strcmp(shape, "A9A") == 0 || strcmp(shape, "AA9A") == 0;
}

/* Whether s is a full UK postcode: outward code, optional space, 9AA. */
static int
is_postcode(const char *s, size_t len)
{
	size_t	n;

	if (len < 5 || len > 10)
		return 0;
	if (!is_digit((unsigned char)s[len - 3]) ||
	    !is_alpha((unsigned char)s[len - 2]) ||
	    !is_alpha((unsigned char)s[len - 1]))
		return 0;
	n = len - 3;
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (word_eq(s, n, "gir"))	/* GIR 0AA, the one odd one out */
		return 1;
	return is_outward(s, n);
}

/*
 * Whether s looks like a phone number: 10-13 digits once spaces, dashes
 * and parentheses are dropped, starting with '+', with 0 then a non-zero
 * digit, or with 44; and, so that columns of plain integers pass, written
 * with a '+', a leading 0 or separators.
 */
static int
is_phone(const char *s, size_t len)
{
	size_t	i = 0;
	int	plus = 0, sep = 0, nd = 0;
	int	first = -1, second = -1;

	if (len < 10 || len > 24)
		return 0;
	if (s[0] == '+') {
		plus = 1;
		i++;
	} else if (!is_digit((unsigned char)s[0]) && s[0] != '(')
		return 0;
	for (; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (is_digit(c)) {
			if (nd == 0)
				first = c - '0';
			else if (nd == 1)
				second = c - '0';
			nd++;
		} else if (c == ' ' || c == '-' || c == '(' || c == ')')
			sep = 1;
		else
			return 0;
	}
	if (nd < 10 || nd > 13)
		return 0;
	if (plus)
		return 1;
	if (first == 0)
		return second != 0;	/* "0000123456" is a padded id */
	return first == 4 && second == 4 && sep;
}

/*
 * Skip a house number at s: digits, an optional letter ("12a") and an
 * optional range ("12-14", "12/14"), then a space or comma. Returns the
 * length consumed, or 0 when there is none.
 */
static size_t
house_number(const char *s, size_t len)
{
	size_t	i = 0, nd = 0;

	while (i < len && is_digit((unsigned char)s[i]) && nd < 6) {
		i++;
		nd++;
	}
	if (nd == 0 || nd > 5)
		return 0;
	if (i < len && (s[i] == '-' || s[i] == '/') && i + 1 < len &&
	    is_digit((unsigned char)s[i + 1])) {
		i++;
		while (i < len && is_digit((unsigned char)s[i]))
			i++;
	}
	if (i < len && is_alpha((unsigned char)s[i]))
		i++;
	if (i >= len || (s[i] != ' ' && s[i] != ','))
		return 0;
	return i;
}

/*
 * Whether s looks like a street address: a house (or flat) number, then a
 * word that is not a unit, then somewhere later a street word ("12 High
 * Street", "Flat 3, 7 Mill Lane").
 */
static int
is_address(const char *s, size_t len)
{
	size_t	i, start, wlen, nwords = 0, hn;

	if (len > SCAN_MAX)
		len = SCAN_MAX;
	i = 0;
	while (i < len && is_alpha((unsigned char)s[i]))
		i++;
	if (i > 0) {
		if (!word_in(s, i, flat_words, NITEMS(flat_words)))
			return 0;
		while (i < len && (s[i] == ' ' || s[i] == '.'))
			i++;
	}
	if ((hn = house_number(s + i, len - i)) == 0)
		return 0;
	i += hn;
	while (i < len) {
		while (i < len && !is_alpha((unsigned char)s[i]) &&
		    !is_digit((unsigned char)s[i]))
			i++;
		start = i;
		while (i < len && (is_alpha((unsigned char)s[i]) ||
		    is_digit((unsigned char)s[i]) || s[i] == '\''))
			i++;
		if ((wlen = i - start) == 0)
			break;
		if (nwords == 0) {
			/* A flat number may be followed by the house number. */
			if (is_digit((unsigned char)s[start]))
				continue;
			if (word_in(s + start, wlen, unit_words,
			    NITEMS(unit_words)))
				return 0;
		} else if (word_in(s + start, wlen, street_words,
		    NITEMS(street_words)))
			return 1;
		nwords++;
	}
	return 0;
}

lt_ident *
lt_ident_new(const char *name)
{
	lt_ident	*id;

	id = lt_calloc(1, sizeof *id);
	id->namekind = classify_name(name);
	return id;
}

void
lt_ident_feed(lt_ident *id, const char *value, size_t len)
{
	int	d[10];

	if (id == NULL || value == NULL || id->seen >= IDENT_CAP)
		return;
	trim(&value, &len);
	if (len == 0)
		return;
	id->seen++;
	if (nhs_digits(value, len, d)) {
		id->ten++;
		if (nhs_check(d))
			id->nhs++;
	}
	if (is_email(value, len) || has_email(value, len))
		id->email++;
	if (is_postcode(value, len))
		id->postcode++;
	if (is_phone(value, len))
		id->phone++;
	if (is_address(value, len))
		id->address++;
}

/* Whether n matching values are enough to flag the column. */
static int
enough(const lt_ident *id, size_t n)
{
	return n >= MIN_MATCHES && 2 * n >= id->seen;
}

const char *
lt_ident_verdict(const lt_ident *id)
{
	if (id == NULL)
		return NULL;
	if (id->namekind != K_NONE)
		return name_verdicts[id->namekind];
	/*
	 * About one random 10-digit number in eleven passes the check, so
	 * nearly all 10-digit values must pass before we call them NHS
	 * numbers.
	 */
	/*
	 * An NHS number or an email address identifies someone on its own,
	 * so a few are enough: two valid NHS numbers (when nearly every
	 * 10-digit value is one: chance passes 1 in 11), or any email address.
	 * Full postcodes: two, and at least one value in ten.
	 */
	if (id->nhs >= 2 && 10 * id->nhs >= 9 * id->ten)
		return "looks like NHS numbers (10 digits with a valid check "
		    "digit)";
	if (id->email >= 1)
		return "looks like email addresses";
	if (enough(id, id->postcode) || (id->postcode >= 2 && 10 * id->postcode >= id->seen))
		return "looks like full postcodes (such as \"SW1A 1AA\"; the "
		    "district alone, \"SW1A\", would be fine)";
	if (enough(id, id->phone))
		return "looks like phone numbers";
	if (enough(id, id->address))
		return "looks like street addresses";
	return NULL;
}

void
lt_ident_free(lt_ident *id)
{
	free(id);
}
