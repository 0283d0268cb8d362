/*
 * gen.c - deterministic generators of synthetic data.
 *
 * The synthetic cohort is a made-up group of adults living in England, one
 * person per row, drawn with GSL's mt19937 from a seed so that the same rows
 * and seed give the same bytes on every machine. Health effects are built in
 * on purpose (see the "effects" list in datasets/cohort/datapackage.json) so
 * that tutorials find real relationships and tests can check them.
 *
 * Determinism: every person is drawn by one function, person_draw, in a fixed
 * order of random draws; values are rounded to whole numbers or tenths held
 * in integers before anything else uses them, and output is formatted by hand
 * from those integers, so the locale and printf play no part.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "buf.h"
#include "gen.h"

#define GEN_ROWS_MAX	50000000L
#define GEN_OUTBUF	(1 << 20)	/* bytes gathered before each fwrite */
#define GEN_LINE_MAX	256		/* more than the longest cohort line */

#define NREGION		9
#define REGION_LONDON	6		/* index into regions[] */
#define NETHNIC		5
#define ETHNIC_ASIAN	1		/* index into ethnics[] */
#define NAGEBAND	5

/* Admission dates run from 2015-01-01 for this many days (to 2024-12-31). */
#define ADMIT_DAYS	3653

/* Bits in person.missing: values written as empty fields. */
#define MISS_BMI	0x1
#define MISS_CHOL	0x2
#define MISS_ALCOHOL	0x4
#define MISS_STEPS	0x8

static const char *const regions[NREGION] = {
	"North East", "North West", "Yorkshire and The Humber",
	"East Midlands", "West Midlands", "East of England", "London",
	"South East", "South West"
};

/* Adult population of each region (England, Census 2021, millions). */
static const double region_w[NREGION] = {
	2.65, 7.42, 5.48, 4.88, 5.95, 6.33, 8.80, 9.28, 5.70
};

/* Share of each region's people in IMD quintiles 1 (most deprived) to 5. */
static const double imd_w[NREGION][5] = {
	{ 0.32, 0.21, 0.18, 0.16, 0.13 },	/* North East */
	{ 0.30, 0.19, 0.18, 0.17, 0.16 },	/* North West */
	{ 0.28, 0.19, 0.18, 0.18, 0.17 },	/* Yorkshire and The Humber */
	{ 0.18, 0.20, 0.21, 0.21, 0.20 },	/* East Midlands */
	{ 0.27, 0.21, 0.18, 0.17, 0.17 },	/* West Midlands */
	{ 0.11, 0.17, 0.22, 0.24, 0.26 },	/* East of England */
	{ 0.23, 0.30, 0.22, 0.15, 0.10 },	/* London */
	{ 0.09, 0.15, 0.21, 0.26, 0.29 },	/* South East */
	{ 0.11, 0.19, 0.24, 0.25, 0.21 }	/* South West */
};

static const char *const ethnics[NETHNIC] = {
	"White", "Asian", "Black", "Mixed", "Other"
};

/* Ethnic group shares (Census 2021): London, then the rest of England. */
static const double eth_london[NETHNIC] = { 0.538, 0.207, 0.135, 0.057, 0.063 };
static const double eth_other[NETHNIC] = { 0.855, 0.080, 0.025, 0.026, 0.014 };

/*
 * Adults by age band (England, mid-2021, thousands); band i holds ages
 * age_lo[i] to age_lo[i + 1] - 1.
 */
static const double age_w[] = {
	1290, 3430, 3690, 3830, 3700, 3500, 3560, 3930, 3860, 3330, 2860, 2880,
	2100, 1420, 1000
};
static const int age_lo[] = {
	18, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 91
};
#define NAGEW	((int)(sizeof age_w / sizeof age_w[0]))

/* Current smoking by IMD quintile before the age and sex factors. */
static const double smoke_imd[5] = { 0.25, 0.18, 0.13, 0.10, 0.08 };

static const char *const ageband_names[NAGEBAND] = {
	"18-34", "35-49", "50-64", "65-79", "80+"
};

/* One made-up person. Reals are kept as tenths in integers. */
struct person {
	int	age;
	int	male;
	int	region;
	int	imd;		/* 1 (most deprived) to 5 */
	int	ethnic;
	int	smoking;	/* 0 never, 1 former, 2 current */
	int	bmi10;		/* kg/m2 x 10 */
	int	sbp;		/* mmHg */
	int	chol10;		/* mmol/L x 10 */
	int	diabetes;
	int	mi;		/* heart attack */
	int	stroke;
	int	steps;		/* per day */
	int	alcohol10;	/* units/week x 10 */
	int	admit;		/* days after 2015-01-01, or -1 */
	unsigned missing;	/* MISS_* */
};

const lt_gen_entry lt_gen_table[] = {
	{ "cohort", "a synthetic cohort of adults in England, one person per "
	    "row, with health effects built in", lt_gen_cohort },
	{ "cohort-counts", "the synthetic cohort counted by region, age band, "
	    "sex and conditions (a frequency-weighted table)",
	    lt_gen_cohort_counts }
};
const size_t lt_gen_count = sizeof lt_gen_table / sizeof lt_gen_table[0];

/* Pick an index 0..n-1 with probability proportional to w[i]. */
static int
pick(gsl_rng *r, const double *w, int n)
{
	double	total = 0, u;
	int	i;

	for (i = 0; i < n; i++)
		total += w[i];
	u = gsl_rng_uniform(r) * total;
	for (i = 0; i < n - 1; i++) {
		if (u < w[i])
			return i;
		u -= w[i];
	}
	return n - 1;
}

/* The logistic function: a probability from log-odds. */
static double
expit(double x)
{
	return 1.0 / (1.0 + exp(-x));
}

/* x rounded to the nearest whole number and clamped to [lo, hi]. */
static int
round_clamp(double x, int lo, int hi)
{
	double	f = floor(x + 0.5);

	if (f < lo)
		return lo;
	if (f > hi)
		return hi;
	return (int)f;
}

/* Draw one person; the order of the draws is part of the output format. */
static void
person_draw(gsl_rng *r, struct person *p)
{
	double	 pcur, pform, pnone, u, x, mean, bmi;
	int	 band, agec;

	memset(p, 0, sizeof *p);

	/* Who: age, sex, where they live, deprivation, ethnic group. */
	band = pick(r, age_w, NAGEW);
	p->age = age_lo[band] + (int)gsl_rng_uniform_int(r,
	    (unsigned long)(age_lo[band + 1] - age_lo[band]));
	p->male = gsl_ran_bernoulli(r,
	    p->age < 65 ? 0.49 : p->age < 80 ? 0.46 : 0.40);
	p->region = pick(r, region_w, NREGION);
	p->imd = 1 + pick(r, imd_w[p->region], 5);
	p->ethnic = pick(r, p->region == REGION_LONDON ? eth_london : eth_other,
	    NETHNIC);

	/* Smoking: deprivation raises current smoking strongly. */
	pcur = smoke_imd[p->imd - 1];
	pcur *= p->age < 50 ? 1.2 : p->age < 65 ? 1.05 : p->age < 80 ? 0.6 :
	    0.35;
	pcur *= p->male ? 1.15 : 0.9;
	if (p->ethnic == ETHNIC_ASIAN)
		pcur *= 0.6;
	pform = 0.08 + 0.0055 * (p->age - 18);
	u = gsl_rng_uniform(r);
	p->smoking = u < pcur ? 2 : u < pcur + pform ? 1 : 0;

	/* BMI: right-skewed; rises with age to 60 and with deprivation. */
	agec = p->age < 60 ? p->age : 60;
	mean = 24.2 + 0.085 * (agec - 18) + 0.55 * (5 - p->imd);
	if (p->age > 70)
		mean -= 0.08 * (p->age - 70);
	if (p->smoking == 2)
		mean -= 0.6;
	bmi = gsl_ran_lognormal(r, log(mean) - 0.5 * 0.17 * 0.17, 0.17);
	p->bmi10 = round_clamp(bmi * 10, 140, 750);
	bmi = p->bmi10 / 10.0;

	/* Systolic blood pressure: rises with age and BMI; higher in men. */
	x = 108 + 0.5 * (p->age - 18) + 0.9 * (bmi - 25) + (p->male ? 4 : 0) +
	    gsl_ran_gaussian(r, 14);
	p->sbp = round_clamp(x, 80, 230);

	/* Total cholesterol: rises to age 60, then falls. */
	x = 4.6 + 0.02 * (agec - 18) - 0.015 * (p->age > 60 ? p->age - 60 : 0) +
	    0.03 * (bmi - 27) + gsl_ran_gaussian(r, 1.0);
	p->chol10 = round_clamp(x * 10, 20, 120);

	/* Diabetes: logistic in age and BMI, plus deprivation and Asian. */
	x = -3.15 + 0.045 * (p->age - 50) + 0.16 * (bmi - 27.5) +
	    0.12 * (3 - p->imd) + (p->ethnic == ETHNIC_ASIAN ? 0.8 : 0);
	p->diabetes = gsl_ran_bernoulli(r, expit(x));

	/* Heart attack: smoking, blood pressure, age, diabetes, male sex. */
	x = -3.95 + 0.065 * (p->age - 55) + 0.018 * (p->sbp - 130) +
	    (p->smoking == 2 ? 1.0 : p->smoking == 1 ? 0.25 : 0) +
	    (p->diabetes ? 0.6 : 0) + (p->male ? 0.65 : 0) +
	    0.12 * (p->chol10 / 10.0 - 5.2);
	p->mi = gsl_ran_bernoulli(r, expit(x));

	/* Stroke: age and blood pressure, a little diabetes. */
	x = -4.1 + 0.07 * (p->age - 55) + 0.022 * (p->sbp - 130) +
	    (p->diabetes ? 0.3 : 0);
	p->stroke = gsl_ran_bernoulli(r, expit(x));

	/* Daily steps: right-skewed; fall with age and BMI. */
	mean = 9800 - 55.0 * (p->age - 18) - 160.0 * (bmi - 25);
	if (mean < 1500)
		mean = 1500;
	x = gsl_ran_gamma(r, 4.0, mean / 4.0);
	p->steps = round_clamp(x, 0, 60000);

	/* Alcohol: many people drink none; men drink more. */
	u = gsl_rng_uniform(r);
	x = gsl_ran_gamma(r, 1.1, (p->male ? 13.0 : 7.5) / 1.1);
	pnone = (p->ethnic == ETHNIC_ASIAN ? 0.55 : 0.2) +
	    (p->age >= 75 ? 0.1 : 0);
	if (u < pnone)
		x = 0;
	p->alcohol10 = round_clamp(x * 10, 0, 2000);

	/* First admission: everyone with an event, plus about 5% of others. */
	u = gsl_rng_uniform(r);
	p->admit = (int)gsl_rng_uniform_int(r, ADMIT_DAYS);
	if (!p->mi && !p->stroke && u >= 0.05)
		p->admit = -1;

	/* Missing values on purpose. */
	if (gsl_rng_uniform(r) < 0.02)
		p->missing |= MISS_BMI;
	if (gsl_rng_uniform(r) < 0.01)
		p->missing |= MISS_CHOL;
	if (gsl_rng_uniform(r) < 0.03)
		p->missing |= MISS_ALCOHOL;
	if (gsl_rng_uniform(r) < 0.01)
		p->missing |= MISS_STEPS;
}

/* Check rows and make the seeded generator in *rp. */
static int
gen_start(gsl_rng **rp, long rows, unsigned long seed, lt_error *err)
{
	*rp = NULL;
	if (rows < 1 || rows > GEN_ROWS_MAX)
		return lt_err(err, LT_EINVAL, "The number of rows must be "
		    "between 1 and %ld, but %ld was asked for: choose a number "
		    "in that range.", GEN_ROWS_MAX, rows);
	if ((*rp = gsl_rng_alloc(gsl_rng_mt19937)) == NULL)
		return lt_err(err, LT_ENOMEM, "There was not enough memory to "
		    "start the random number generator: close other programs "
		    "and try again.");
	gsl_rng_set(*rp, seed);
	return 0;
}

/* Append the decimal digits of v (may be negative) at s; return the end. */
static char *
put_int(char *s, long v)
{
	char	tmp[24];
	int	n = 0;

	if (v < 0) {
		*s++ = '-';
		v = -v;
	}
	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	while (n > 0)
		*s++ = tmp[--n];
	return s;
}

/* Append v/10 with one decimal ("27.5"); v is not negative. */
static char *
put_tenths(char *s, int v)
{
	s = put_int(s, v / 10);
	*s++ = '.';
	*s++ = (char)('0' + v % 10);
	return s;
}

/* Append a string and return the end. */
static char *
put_str(char *s, const char *t)
{
	size_t	n = strlen(t);

	memcpy(s, t, n);
	return s + n;
}

/* Append day (days after 2015-01-01) as YYYY-MM-DD. */
static char *
put_date(char *s, int day)
{
	long	z, era, doe, yoe, doy, mp, y, m, d;

	/* Howard Hinnant's civil_from_days; 16436 is 2015-01-01. */
	z = 16436L + day + 719468L;
	era = z / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	if (m <= 2)
		y++;
	s = put_int(s, y);
	*s++ = '-';
	*s++ = (char)('0' + m / 10);
	*s++ = (char)('0' + m % 10);
	*s++ = '-';
	*s++ = (char)('0' + d / 10);
	*s++ = (char)('0' + d % 10);
	return s;
}

/* Format one person as a CSV line ending in '\n'; return the end. */
static char *
person_line(char *s, const struct person *p)
{
	s = put_int(s, p->age);
	s = put_str(s, p->male ? ",M," : ",F,");
	s = put_str(s, regions[p->region]);
	*s++ = ',';
	s = put_int(s, p->imd);
	*s++ = ',';
	s = put_str(s, ethnics[p->ethnic]);
	*s++ = ',';
	s = put_int(s, p->smoking);
	*s++ = ',';
	if (!(p->missing & MISS_BMI))
		s = put_tenths(s, p->bmi10);
	*s++ = ',';
	s = put_int(s, p->sbp);
	*s++ = ',';
	if (!(p->missing & MISS_CHOL))
		s = put_tenths(s, p->chol10);
	*s++ = ',';
	*s++ = (char)('0' + p->diabetes);
	*s++ = ',';
	*s++ = (char)('0' + p->mi);
	*s++ = ',';
	*s++ = (char)('0' + p->stroke);
	*s++ = ',';
	if (!(p->missing & MISS_STEPS))
		s = put_int(s, p->steps);
	*s++ = ',';
	if (!(p->missing & MISS_ALCOHOL))
		s = put_tenths(s, p->alcohol10);
	*s++ = ',';
	if (p->admit >= 0)
		s = put_date(s, p->admit);
	*s++ = '\n';
	return s;
}

/* Write n bytes to out, or fill *err. */
static int
out_write(FILE *out, const char *s, size_t n, lt_error *err)
{
	if (n > 0 && fwrite(s, 1, n, out) != n)
		return lt_err(err, LT_EIO, "Writing the generated data failed "
		    "(is the disk full?): free some space or write somewhere "
		    "else.");
	return 0;
}

/* Flush out and check it for errors. */
static int
out_finish(FILE *out, lt_error *err)
{
	if (fflush(out) != 0 || ferror(out))
		return lt_err(err, LT_EIO, "Writing the generated data failed "
		    "(is the disk full?): free some space or write somewhere "
		    "else.");
	return 0;
}

/* Write the cohort as CSV. */
int
lt_gen_cohort(FILE *out, long rows, unsigned long seed, lt_error *err)
{
	static const char header[] = "age,sex,region,imd_quintile,ethnicity,"
	    "smoking,bmi,sbp,cholesterol,diabetes,heart_attack,stroke,steps,"
	    "alcohol,first_admission\n";
	struct person	 p;
	gsl_rng		*r;
	char		*buf, *s;
	long		 i;
	int		 rc;

	if ((rc = gen_start(&r, rows, seed, err)) != 0)
		return rc;
	buf = lt_malloc(GEN_OUTBUF);
	s = buf;
	s = put_str(s, header);
	for (i = 0; i < rows; i++) {
		person_draw(r, &p);
		s = person_line(s, &p);
		if (s - buf > GEN_OUTBUF - GEN_LINE_MAX) {
			if ((rc = out_write(out, buf, (size_t)(s - buf),
			    err)) != 0)
				goto done;
			s = buf;
		}
	}
	if ((rc = out_write(out, buf, (size_t)(s - buf), err)) == 0)
		rc = out_finish(out, err);
done:
	free(buf);
	gsl_rng_free(r);
	return rc;
}

/* The age band (index into ageband_names) of an age. */
static int
age_band(int age)
{
	if (age < 35)
		return 0;
	if (age < 50)
		return 1;
	if (age < 65)
		return 2;
	if (age < 80)
		return 3;
	return 4;
}

/* Write the cohort counted by region x age band x sex x conditions. */
int
lt_gen_cohort_counts(FILE *out, long rows, unsigned long seed, lt_error *err)
{
	struct person	 p;
	gsl_rng		*r;
	lt_buf		 b = LT_BUF_INIT;
	long		*n;
	long		 i;
	int		 reg, band, sex, dia, mi, str, rc;

	if ((rc = gen_start(&r, rows, seed, err)) != 0)
		return rc;
	/* Cells in output order: region, age band, sex, diabetes, mi, stroke */
	n = lt_calloc(NREGION * NAGEBAND * 2 * 2 * 2 * 2, sizeof *n);
	for (i = 0; i < rows; i++) {
		person_draw(r, &p);
		n[((((p.region * NAGEBAND + age_band(p.age)) * 2 + p.male) *
		    2 + p.diabetes) * 2 + p.mi) * 2 + p.stroke]++;
	}
	gsl_rng_free(r);

	lt_buf_puts(&b, "region,age_band,sex,diabetes,heart_attack,stroke,"
	    "count\n");
	i = 0;
	for (reg = 0; reg < NREGION; reg++)
	for (band = 0; band < NAGEBAND; band++)
	for (sex = 0; sex < 2; sex++)
	for (dia = 0; dia < 2; dia++)
	for (mi = 0; mi < 2; mi++)
	for (str = 0; str < 2; str++, i++) {
		if (n[i] == 0)
			continue;
		lt_buf_printf(&b, "%s,%s,%s,%d,%d,%d,%ld\n", regions[reg],
		    ageband_names[band], sex ? "M" : "F", dia, mi, str, n[i]);
	}
	free(n);
	if ((rc = out_write(out, b.s, b.len, err)) == 0)
		rc = out_finish(out, err);
	lt_buf_free(&b);
	return rc;
}

/* The generator called name, or NULL. */
const lt_gen_entry *
lt_gen_find(const char *name)
{
	size_t	i;

	if (name == NULL)
		return NULL;
	for (i = 0; i < lt_gen_count; i++) {
		if (strcmp(lt_gen_table[i].name, name) == 0)
			return &lt_gen_table[i];
	}
	return NULL;
}
