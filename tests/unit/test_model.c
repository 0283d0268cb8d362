/*
 * test_model.c - unit tests for correlation, linear regression and
 * logistic regression: NIST StRD certified values, published results, and
 * identities checked by an independent computation in the test.
 */
#include "config.h"

#include "test_common.h"

#include <math.h>

#include "model.h"

/* |a - b| <= tol * |b|, printing both numbers when it fails. */
#define assert_rel(a, b, tol) do {					\
	double a_ = (a), b_ = (b);					\
	if (!(fabs(a_ - b_) <= (tol) * fabs(b_))) {			\
		print_error("%s: %.17g != %.17g (relative error %.3g)\n", \
		    #a, a_, b_, fabs(a_ - b_) / fabs(b_));		\
		fail();							\
	}								\
} while (0)

/* |a - b| <= tol, printing both numbers when it fails. */
#define assert_abs(a, b, tol) do {					\
	double a_ = (a), b_ = (b);					\
	if (!(fabs(a_ - b_) <= (tol))) {				\
		print_error("%s: %.17g != %.17g (difference %.3g)\n",	\
		    #a, a_, b_, fabs(a_ - b_));				\
		fail();							\
	}								\
} while (0)

/* Relative error of a against b (absolute when b is 0). */
static double
relerr(double a, double b)
{
	return b == 0 ? fabs(a) : fabs(a - b) / fabs(b);
}

/*
 * tests/fixtures/nist/<name>.csv: a header line, then rows of numbers.
 * Returns them row by row; *ncol gets the number of columns.
 */
static double *
nist_table(const char *name, size_t *nrow, size_t *ncol)
{
	char *rel = lt_sprintf("tests/fixtures/nist/%s.csv", name);
	char *path = tc_src_path(rel), *text = tc_read_file(path, NULL), *p, *end;
	double *v = NULL;
	size_t cap = 0, k = 0;

	*ncol = 1;
	for (p = text; *p != '\n' && *p != '\0'; p++)
		if (*p == ',')
			(*ncol)++;
	assert_true(*p == '\n');
	for (p++; *p != '\0'; p = end) {
		while (*p == '\n' || *p == '\r' || *p == ',')
			p++;
		if (*p == '\0')
			break;
		v = lt_grow(v, &cap, k + 1, sizeof *v);
		v[k++] = strtod(p, &end);
		assert_true(end != p);
	}
	assert_int_equal(k % *ncol, 0);
	*nrow = k / *ncol;
	free(text);
	free(path);
	free(rel);
	return v;
}

/*
 * Measured on x86-64 (80-bit long double), as the worst relative error
 * over the coefficients, their SEs, the residual SD, R^2, the two sums of
 * squares and F, against NIST's certified values:
 *   Norris 2.1e-14, Pontius 3.1e-14, NoInt1 2.1e-15, NoInt2 1.2e-15,
 *   Longley 2.4e-15, Wampler1 7.5e-14, Wampler2 6.3e-14, Wampler3
 *   7.5e-14, Wampler4 8.6e-12, Wampler5 8.6e-10, Filip 1.3e-8
 * (test_nist_lls prints them).
 * Filip's 1.3e-8 is the data, not the solver: its x values (10 decimal
 * digits) and their powers are rounded to doubles, and the exact least-
 * squares fit of those rounded numbers is itself 1.2e-8 from the
 * certified values (see test_nist_filip_solver). The tolerances below
 * leave about one digit of room over what was measured; the task's
 * floor is 1e-9 (Filip and Wampler5: 1e-6).
 */
#define TOL_NORRIS	1e-12
#define TOL_PONTIUS	1e-12
#define TOL_NOINT1	1e-13
#define TOL_NOINT2	1e-13
#define TOL_LONGLEY	1e-13
#define TOL_WAMPLER1	1e-12
#define TOL_WAMPLER2	1e-12
#define TOL_WAMPLER3	1e-12
#define TOL_WAMPLER4	1e-10
#define TOL_WAMPLER5	1e-8
#define TOL_FILIP	1e-7

/*
 * NIST StRD linear regression, certified values exactly as NIST prints
 * them (the certified_text strings of /work/shared/reference/nist/
 * certified.json, from https://www.itl.nist.gov/div898/strd/lls/). A
 * certified SE or residual SD of 0 (Wampler1, Wampler2: exact fits) is
 * compared absolutely, as is a residual SS of 0; F "Infinity" must come
 * out above 1e30 (our residual SS is rounding, not 0).
 */
static const struct nist_lls {
	const char *name;
	size_t n;
	int degree;		/* polynomial in x; 0 = Longley's x1..x6 */
	int intercept;
	size_t p;
	double tol;
	struct { const char *est, *se; } b[11];
	const char *residual_sd, *r_squared;
	const char *reg_ss, *res_ss, *f;
} nist[] = {
	{ "Norris", 36, 1, 1, 2, TOL_NORRIS, {
	    { "-0.262323073774029", "0.232818234301152" },
	    { "1.00211681802045", "0.429796848199937E-03" },
	  }, "0.884796396144373", "0.999993745883712",
	  "4255954.13232369", "26.6173985294224", "5436385.54079785" },
	{ "Pontius", 40, 2, 1, 3, TOL_PONTIUS, {
	    { "0.673565789473684E-03", "0.107938612033077E-03" },
	    { "0.732059160401003E-06", "0.157817399981659E-09" },
	    { "-0.316081871345029E-14", "0.486652849992036E-16" },
	  }, "0.205177424076185E-03", "0.999999900178537",
	  "15.6040343244198", "0.155761768796992E-05", "185330865.995752" },
	{ "NoInt1", 11, 1, 0, 1, TOL_NOINT1, {
	    { "2.07438016528926", "0.165289256198347E-01" },
	  }, "3.56753034006338", "0.999365492298663",
	  "200457.727272727", "127.272727272727", "15750.2500000000" },
	{ "NoInt2", 3, 1, 0, 1, TOL_NOINT2, {
	    { "0.727272727272727", "0.420827318078432E-01" },
	  }, "0.369274472937998", "0.993348115299335",
	  "40.7272727272727", "0.272727272727273", "298.6666666666667" },
	{ "Longley", 16, 0, 1, 7, TOL_LONGLEY, {
	    { "-3482258.63459582", "890420.383607373" },
	    { "15.0618722713733", "84.9149257747669" },
	    { "-0.358191792925910E-01", "0.334910077722432E-01" },
	    { "-2.02022980381683", "0.488399681651699" },
	    { "-1.03322686717359", "0.214274163161675" },
	    { "-0.511041056535807E-01", "0.226073200069370" },
	    { "1829.15146461355", "455.478499142212" },
	  }, "304.854073561965", "0.995479004577296",
	  "184172401.944494", "836424.055505915", "330.285339234588" },
	{ "Wampler1", 21, 5, 1, 6, TOL_WAMPLER1, {
	    { "1.00000000000000", "0.000000000000000" },
	    { "1.00000000000000", "0.000000000000000" },
	    { "1.00000000000000", "0.000000000000000" },
	    { "1.00000000000000", "0.000000000000000" },
	    { "1.00000000000000", "0.000000000000000" },
	    { "1.00000000000000", "0.000000000000000" },
	  }, "0.000000000000000", "1.00000000000000",
	  "18814317208116.7", "0.000000000000000", "Infinity" },
	{ "Wampler2", 21, 5, 1, 6, TOL_WAMPLER2, {
	    { "1.00000000000000", "0.000000000000000" },
	    { "0.100000000000000", "0.000000000000000" },
	    { "0.100000000000000E-01", "0.000000000000000" },
	    { "0.100000000000000E-02", "0.000000000000000" },
	    { "0.100000000000000E-03", "0.000000000000000" },
	    { "0.100000000000000E-04", "0.000000000000000" },
	  }, "0.000000000000000", "1.00000000000000",
	  "6602.91858365167", "0.000000000000000", "Infinity" },
	{ "Wampler3", 21, 5, 1, 6, TOL_WAMPLER3, {
	    { "1.00000000000000", "2152.32624678170" },
	    { "1.00000000000000", "2363.55173469681" },
	    { "1.00000000000000", "779.343524331583" },
	    { "1.00000000000000", "101.475507550350" },
	    { "1.00000000000000", "5.64566512170752" },
	    { "1.00000000000000", "0.112324854679312" },
	  }, "2360.14502379268", "0.999995559025820",
	  "18814317208116.7", "83554268.0000000", "675524.458240122" },
	{ "Wampler4", 21, 5, 1, 6, TOL_WAMPLER4, {
	    { "1.00000000000000", "215232.624678170" },
	    { "1.00000000000000", "236355.173469681" },
	    { "1.00000000000000", "77934.3524331583" },
	    { "1.00000000000000", "10147.5507550350" },
	    { "1.00000000000000", "564.566512170752" },
	    { "1.00000000000000", "11.2324854679312" },
	  }, "236014.502379268", "0.957478440825662",
	  "18814317208116.7", "835542680000.000", "67.5524458240122" },
	{ "Filip", 82, 10, 1, 11, TOL_FILIP, {
	    { "-1467.48961422980", "298.084530995537" },
	    { "-2772.17959193342", "559.779865474950" },
	    { "-2316.37108160893", "466.477572127796" },
	    { "-1127.97394098372", "227.204274477751" },
	    { "-354.478233703349", "71.6478660875927" },
	    { "-75.1242017393757", "15.2897178747400" },
	    { "-10.8753180355343", "2.23691159816033" },
	    { "-1.06221498588947", "0.221624321934227" },
	    { "-0.670191154593408E-01", "0.142363763154724E-01" },
	    { "-0.246781078275479E-02", "0.535617408889821E-03" },
	    { "-0.402962525080404E-04", "0.896632837373868E-05" },
	  }, "0.334801051324544E-02", "0.996727416185620",
	  "0.242391619837339", "0.795851382172941E-03", "2162.43954511489" },
	{ "Wampler5", 21, 5, 1, 6, TOL_WAMPLER5, {
	    { "1.00000000000000", "21523262.4678170" },
	    { "1.00000000000000", "23635517.3469681" },
	    { "1.00000000000000", "7793435.24331583" },
	    { "1.00000000000000", "1014755.07550350" },
	    { "1.00000000000000", "56456.6512170752" },
	    { "1.00000000000000", "1123.24854679312" },
	  }, "23601450.2379268", "0.224668921574940E-02",
	  "18814317208116.7", "0.835542680000000E+16", "6.7552445824012241E-03" },
};

/* The design matrix of a NIST case: [1] x x^2 ... (powers by repeated
   multiplication in double) or Longley's [1] x1 .. x6; column-major. */
static void
nist_design(const struct nist_lls *c, const double *tab, size_t n, size_t ncol,
    double *y, double *X)
{
	for (size_t i = 0; i < n; i++) {
		size_t j = 0;

		y[i] = tab[i * ncol];
		if (c->intercept)
			X[j++ * n + i] = 1;
		if (c->degree == 0) {
			for (size_t k = 1; k < ncol; k++)
				X[j++ * n + i] = tab[i * ncol + k];
		} else {
			double v = 1;

			for (int d = 1; d <= c->degree; d++) {
				v *= tab[i * ncol + 1];
				X[j++ * n + i] = v;
			}
		}
		assert_int_equal(j, c->p);
	}
}

/* Fit a NIST case; the caller frees *m. */
static void
nist_fit(const struct nist_lls *c, lt_ols *m, double **yp, double **Xp)
{
	size_t n, ncol;
	double *tab = nist_table(c->name, &n, &ncol), *y, *X;
	lt_error err;

	assert_int_equal(n, c->n);
	y = lt_malloc(n * sizeof *y);
	X = lt_malloc(n * c->p * sizeof *X);
	nist_design(c, tab, n, ncol, y, X);
	free(tab);
	if (lt_model_ols(y, X, NULL, n, c->p, c->intercept, m, &err) != 0) {
		print_error("%s: %s\n", c->name, err.msg);
		fail();
	}
	if (yp != NULL)
		*yp = y;
	else
		free(y);
	if (Xp != NULL)
		*Xp = X;
	else
		free(X);
}

static void
test_nist_lls(void **state)
{
	(void)state;
	for (size_t k = 0; k < sizeof nist / sizeof nist[0]; k++) {
		const struct nist_lls *c = &nist[k];
		double *y, worst = 0, cert, ymax = 0;
		lt_ols m;

		nist_fit(c, &m, &y, NULL);
		for (size_t i = 0; i < c->n; i++)
			ymax = fmax(ymax, fabs(y[i]));
		assert_int_equal(m.rank, c->p);
		assert_int_equal(m.rank_deficient, 0);
		assert_true(m.n == (double)c->n);
		assert_true(m.df_resid == (double)(c->n - c->p));
		assert_true(m.df_model == (double)(c->p - (size_t)c->intercept));
		for (size_t j = 0; j < c->p; j++) {
			assert_int_equal(m.aliased[j], 0);
			worst = fmax(worst, relerr(m.coef[j], strtod(c->b[j].est, NULL)));
			assert_rel(m.coef[j], strtod(c->b[j].est, NULL), c->tol);
			cert = strtod(c->b[j].se, NULL);
			if (cert == 0) {
				/* Exact fit: the SE is rounding, tiny beside b_j. */
				assert_true(m.se[j] <= 1e-11 * fabs(m.coef[j]));
			} else {
				worst = fmax(worst, relerr(m.se[j], cert));
				assert_rel(m.se[j], cert, c->tol);
			}
		}
		cert = strtod(c->residual_sd, NULL);
		if (cert == 0)
			assert_true(m.sigma <= 1e-15 * ymax);
		else {
			worst = fmax(worst, relerr(m.sigma, cert));
			assert_rel(m.sigma, cert, c->tol);
		}
		worst = fmax(worst, relerr(m.r2, strtod(c->r_squared, NULL)));
		assert_rel(m.r2, strtod(c->r_squared, NULL), c->tol);
		worst = fmax(worst, relerr(m.ess, strtod(c->reg_ss, NULL)));
		assert_rel(m.ess, strtod(c->reg_ss, NULL), c->tol);
		cert = strtod(c->res_ss, NULL);
		if (cert == 0)
			assert_true(m.rss <= 1e-30 * ymax * ymax * (double)c->n);
		else {
			worst = fmax(worst, relerr(m.rss, cert));
			assert_rel(m.rss, cert, c->tol);
		}
		cert = strtod(c->f, NULL);
		if (isinf(cert))
			assert_true(m.f > 1e30);
		else {
			worst = fmax(worst, relerr(m.f, cert));
			assert_rel(m.f, cert, c->tol);
		}
		assert_true(m.tss > 0);
		print_message("%-9s worst relative error %.2g (%.1f digits), tolerance %.0g\n",
		    c->name, worst, worst > 0 ? -log10(worst) : 17.0, c->tol);
		lt_model_ols_free(&m);
		free(y);
	}
}

/*
 * Filip's coefficients against the EXACT least-squares solution of the
 * same double-rounded design (x^k by repeated multiplication in double,
 * as nist_design builds it), computed with rational arithmetic (Python
 * fractions: normal equations of the exact binary values solved exactly,
 * then rounded to double). This isolates the solver's own error, which
 * was measured at 6e-12 on x86-64.
 */
static void
test_nist_filip_solver(void **state)
{
	static const double exact[11] = {
		-1467.4896313887714, -2772.1796242619316, -2316.371108609359,
		-1127.9739541497518, -354.4782378552308, -75.12420262435174,
		-10.875318164699452, -1.0622149986404843, -0.06701911627445624,
		-0.002467810813235648, -4.029625301456807e-05,
	};
	const struct nist_lls *c = NULL;
	lt_ols m;

	(void)state;
	for (size_t k = 0; k < sizeof nist / sizeof nist[0]; k++)
		if (strcmp(nist[k].name, "Filip") == 0)
			c = &nist[k];
	assert_non_null(c);
	nist_fit(c, &m, NULL, NULL);
	for (size_t j = 0; j < 11; j++)
		assert_rel(m.coef[j], exact[j], 1e-10);
	/* Same computation: the exact residual SD is 0.0033480105018462085. */
	assert_rel(m.sigma, 0.0033480105018462085, 1e-10);
	/* cond of the unit-length columns, and the huge VIFs of powers. */
	assert_true(m.cond > 1e9 && m.cond < 1e10);
	assert_true(m.vif[5] > 1e17);
	lt_model_ols_free(&m);
}

/* The design [1 x] of Norris with weights w (NULL for none). */
static void
norris(double **y, double **x, double **X, size_t *n)
{
	size_t ncol;
	double *tab = nist_table("Norris", n, &ncol);

	*y = lt_malloc(*n * sizeof **y);
	*x = lt_malloc(*n * sizeof **x);
	*X = lt_malloc(2 * *n * sizeof **X);
	for (size_t i = 0; i < *n; i++) {
		(*y)[i] = tab[i * ncol];
		(*x)[i] = tab[i * ncol + 1];
		(*X)[i] = 1;
		(*X)[*n + i] = (*x)[i];
	}
	free(tab);
}

/*
 * Condition number and VIFs by independent routes: for [1 x] scaled to
 * unit columns the Gram matrix is [[1 c] [c 1]], c = sum x / (sqrt(n)
 * |x|), so cond = sqrt((1 + |c|) / (1 - |c|)); and Longley's VIFs equal
 * 1 / (1 - R_j^2) from regressing each x_j on the other five (the
 * textbook definition; here the auxiliary R^2 comes from lt_model_ols,
 * a different quantity from the (X'X)^-1 diagonal the VIF uses).
 */
static void
test_collinearity_diagnostics(void **state)
{
	double *y, *x, *X, sx = 0, sxx = 0, c;
	size_t n, ncol;
	lt_ols m;
	lt_error err;

	(void)state;
	norris(&y, &x, &X, &n);
	for (size_t i = 0; i < n; i++) {
		sx += x[i];
		sxx += x[i] * x[i];
	}
	c = sx / sqrt((double)n * sxx);
	assert_int_equal(lt_model_ols(y, X, NULL, n, 2, 1, &m, &err), 0);
	assert_rel(m.cond, sqrt((1 + fabs(c)) / (1 - fabs(c))), 1e-12);
	assert_rel(m.vif[1], 1, 1e-14);		/* one predictor: VIF 1 */
	assert_true(isnan(m.vif[0]));
	assert_rel(m.cases_per_predictor, 36, 1e-15);
	lt_model_ols_free(&m);
	free(y);
	free(x);
	free(X);

	{
		double *tab = nist_table("Longley", &n, &ncol), *Xl, *Xa, *ya;
		lt_ols full, aux;

		Xl = lt_malloc(7 * n * sizeof *Xl);
		ya = lt_malloc(n * sizeof *ya);
		Xa = lt_malloc(6 * n * sizeof *Xa);
		y = lt_malloc(n * sizeof *y);
		for (size_t i = 0; i < n; i++) {
			y[i] = tab[i * ncol];
			Xl[i] = 1;
			for (size_t j = 1; j < 7; j++)
				Xl[j * n + i] = tab[i * ncol + j];
		}
		assert_int_equal(lt_model_ols(y, Xl, NULL, n, 7, 1, &full, &err), 0);
		assert_rel(full.cases_per_predictor, 16.0 / 6, 1e-15);
		for (size_t j = 1; j < 7; j++) {
			size_t q = 1;

			for (size_t i = 0; i < n; i++)
				Xa[i] = 1;
			for (size_t k = 1; k < 7; k++)
				if (k != j)
					memcpy(Xa + q++ * n, Xl + k * n, n * sizeof *Xa);
			memcpy(ya, Xl + j * n, n * sizeof *ya);
			assert_int_equal(lt_model_ols(ya, Xa, NULL, n, 6, 1, &aux, &err), 0);
			assert_rel(full.vif[j], 1 / (1 - aux.r2), 1e-9);
			lt_model_ols_free(&aux);
		}
		assert_true(full.cond > 1e4);
		lt_model_ols_free(&full);
		free(tab);
		free(Xl);
		free(Xa);
		free(ya);
		free(y);
	}
}

/*
 * An exact combination of earlier columns is reported, not fatal: Longley
 * plus x7 = x1 + x2 (and a zero column) gives rank 7, the two extra
 * columns aliased with NaN coefficients and infinite VIFs, and the rest
 * of the fit identical to Longley's own.
 */
static void
test_rank_deficient(void **state)
{
	size_t n, ncol;
	double *tab = nist_table("Longley", &n, &ncol), *X, *y;
	lt_ols a, b;
	lt_error err;

	(void)state;
	X = lt_malloc(9 * n * sizeof *X);
	y = lt_malloc(n * sizeof *y);
	for (size_t i = 0; i < n; i++) {
		y[i] = tab[i * ncol];
		X[i] = 1;
		for (size_t j = 1; j < 7; j++)
			X[j * n + i] = tab[i * ncol + j];
		X[7 * n + i] = tab[i * ncol + 1] + tab[i * ncol + 2];
		X[8 * n + i] = 0;
	}
	assert_int_equal(lt_model_ols(y, X, NULL, n, 7, 1, &a, &err), 0);
	assert_int_equal(lt_model_ols(y, X, NULL, n, 9, 1, &b, &err), 0);
	assert_int_equal(b.rank, 7);
	assert_int_equal(b.rank_deficient, 1);
	assert_int_equal(b.aliased[7], 1);
	assert_int_equal(b.aliased[8], 1);
	assert_true(isnan(b.coef[7]) && isnan(b.se[7]) && isnan(b.pval[7]));
	assert_true(isinf(b.vif[7]) && isinf(b.vif[8]));
	assert_true(isnan(b.cov[7 * 9 + 0]) && isnan(b.cov[0 * 9 + 7]));
	assert_true(b.df_resid == a.df_resid && b.df_model == a.df_model);
	for (size_t j = 0; j < 7; j++) {
		assert_int_equal(b.aliased[j], 0);
		assert_rel(b.coef[j], a.coef[j], 1e-12);
		assert_rel(b.se[j], a.se[j], 1e-12);
		assert_rel(b.cov[j * 9 + j], a.cov[j * 7 + j], 1e-12);
	}
	assert_rel(b.r2, a.r2, 1e-14);
	assert_rel(b.f, a.f, 1e-12);
	lt_model_ols_free(&a);
	lt_model_ols_free(&b);

	/* The dummy trap: an intercept and a 0/1 column for every level of a
	   three-level factor. The last dummy is the one left out. */
	{
		const double g[] = { 0, 0, 1, 1, 2, 2, 0, 1, 2, 0 };
		const double yy[] = { 1, 2, 4, 5, 9, 8, 1.5, 4.5, 8.5, 2 };
		double D[40];

		for (size_t i = 0; i < 10; i++) {
			D[i] = 1;
			for (size_t k = 0; k < 3; k++)
				D[(k + 1) * 10 + i] = g[i] == (double)k;
		}
		assert_int_equal(lt_model_ols(yy, D, NULL, 10, 4, 1, &a, &err), 0);
		assert_int_equal(a.rank, 3);
		assert_int_equal(a.aliased[3], 1);
		/* Level 2 is now the reference: b0 = mean(level 2) = 8.5,
		   b1 = mean(level 0) - 8.5 = 1.625 - 8.5, b2 = 4.5 - 8.5. */
		assert_rel(a.coef[0], 8.5, 1e-14);
		assert_rel(a.coef[1], 1.625 - 8.5, 1e-14);
		assert_rel(a.coef[2], 4.5 - 8.5, 1e-14);
		lt_model_ols_free(&a);
	}
	free(tab);
	free(X);
	free(y);
}

/*
 * Frequency weights: a row with weight k is k copies of the row. Norris
 * with weights 1, 2, 3, 1, 2, 3, ... must fit exactly as the expanded data,
 * degrees of freedom included; rows with weight 0, NaN or -1 are left out
 * whatever their values.
 */
static void
test_ols_weights(void **state)
{
	double *y, *x, *X, *w, *ye, *Xe;
	size_t n, ne = 0, k = 0;
	lt_ols a, b;
	lt_error err;

	(void)state;
	norris(&y, &x, &X, &n);
	w = lt_malloc((n + 3) * sizeof *w);
	for (size_t i = 0; i < n; i++)
		ne += (size_t)(w[i] = (double)(i % 3 + 1));
	ye = lt_malloc(ne * sizeof *ye);
	Xe = lt_malloc(2 * ne * sizeof *Xe);
	for (size_t i = 0; i < n; i++)
		for (size_t r = 0; r < (size_t)w[i]; r++, k++) {
			ye[k] = y[i];
			Xe[k] = 1;
			Xe[ne + k] = x[i];
		}
	assert_int_equal(lt_model_ols(ye, Xe, NULL, ne, 2, 1, &a, &err), 0);
	/* Three extra rows that must be ignored (NaN y is fine there). */
	{
		double *y2 = lt_malloc((n + 3) * sizeof *y2);
		double *X2 = lt_malloc(2 * (n + 3) * sizeof *X2);

		for (size_t i = 0; i < n + 3; i++) {
			y2[i] = i < n ? y[i] : NAN;
			X2[i] = 1;
			X2[n + 3 + i] = i < n ? x[i] : 1e300;
		}
		w[n] = 0;
		w[n + 1] = NAN;
		w[n + 2] = -1;
		assert_int_equal(lt_model_ols(y2, X2, w, n + 3, 2, 1, &b, &err), 0);
		free(y2);
		free(X2);
	}
	assert_true(b.n == (double)ne);
	assert_int_equal(b.rows, n);
	assert_true(b.df_resid == a.df_resid);
	for (size_t j = 0; j < 2; j++) {
		assert_rel(b.coef[j], a.coef[j], 1e-12);
		assert_rel(b.se[j], a.se[j], 1e-12);
		assert_rel(b.lo[j], a.lo[j], 1e-12);
		assert_rel(b.pval[j], a.pval[j], 1e-9);
	}
	assert_rel(b.sigma, a.sigma, 1e-12);
	assert_rel(b.r2, a.r2, 1e-14);
	assert_rel(b.adj_r2, a.adj_r2, 1e-14);
	assert_rel(b.f, a.f, 1e-11);
	assert_rel(b.rss, a.rss, 1e-12);
	assert_true(isnan(b.resid[n]) && isnan(b.fitted[n + 2]));
	assert_rel(b.resid[0], y[0] - b.fitted[0], 1e-12);
	lt_model_ols_free(&a);
	lt_model_ols_free(&b);
	free(y);
	free(x);
	free(X);
	free(w);
	free(ye);
	free(Xe);
}

/*
 * Inference of a small fit worked by hand: y = 1, 3, 2, 5, 4 on x = 1..5.
 * b1 = Sxy / Sxx = 8 / 10, b0 = 3 - 0.8 * 3 = 0.6, RSS = Syy - b1 Sxy =
 * 10 - 6.4 = 3.6, sigma^2 = 1.2, SE(b1) = sqrt(1.2 / 10), R^2 = 6.4 / 10,
 * adjusted R^2 = 1 - 0.36 * 4 / 3 = 0.52, F = 6.4 / 1.2. The two-sided p
 * of t = 0.8 / sqrt(0.12) on 3 df is 0.104088038661827858 (the same t as
 * r = 0.8 with n = 5; evaluated with mpmath as the regularised incomplete
 * beta I_{3/(3+t^2)}(3/2, 1/2)); the F test's p equals it.
 */
static void
test_ols_by_hand(void **state)
{
	const double y[] = { 1, 3, 2, 5, 4 };
	const double X[] = { 1, 1, 1, 1, 1, 1, 2, 3, 4, 5 };
	lt_ols m;
	lt_error err;

	(void)state;
	assert_int_equal(lt_model_ols(y, X, NULL, 5, 2, 1, &m, &err), 0);
	assert_int_equal(m.icol, 0);
	assert_rel(m.coef[1], 0.8, 1e-15);
	assert_rel(m.coef[0], 0.6, 1e-14);
	assert_rel(m.rss, 3.6, 1e-15);
	assert_rel(m.ess, 6.4, 1e-15);
	assert_rel(m.tss, 10, 1e-15);
	assert_rel(m.se[1], sqrt(0.12), 1e-15);
	assert_rel(m.t[1], 0.8 / sqrt(0.12), 1e-15);
	assert_rel(m.pval[1], 0.104088038661827858, 1e-12);
	assert_rel(m.f_p, 0.104088038661827858, 1e-12);
	assert_rel(m.r2, 0.64, 1e-15);
	assert_rel(m.adj_r2, 0.52, 1e-14);
	assert_rel(m.f, 6.4 / 1.2, 1e-14);
	/* 95% interval: t(0.975, 3) = 3.18244630528370959, solved with
	   mpmath from the same incomplete beta (tables print 3.182). */
	assert_rel(m.hi[1] - m.coef[1], 3.18244630528371 * sqrt(0.12), 1e-12);
	assert_rel(m.cov[1 * 2 + 1], 0.12, 1e-15);
	assert_rel(m.cov[0 * 2 + 1], m.cov[1 * 2 + 0], 1e-15);
	lt_model_ols_free(&m);
}

/* Input the regression must refuse, each with a message naming the cause. */
static void
test_ols_refuses(void **state)
{
	const double y[] = { 1, 3, NAN, 5 };
	const double X[] = { 1, 1, 1, 1, 1, 2, 3, 4 };
	const double y4[] = { 1, 3, 2, 5 };
	const double Xinf[] = { 1, 1, 1, 1, 1, INFINITY, 3, 4 };
	const double Xz[] = { 0, 0, 0, 0 };
	const double X2[] = { 1, 1, 1, 2 };
	lt_ols m;
	lt_error err;

	(void)state;
	assert_int_equal(lt_model_ols(y, X, NULL, 4, 2, 1, &m, &err), LT_EINVAL);
	assert_true(tc_contains(err.msg, "row 3 has a missing outcome"));
	assert_null(m.coef);
	assert_int_equal(lt_model_ols(y4, Xinf, NULL, 4, 2, 1, &m, &err), LT_EINVAL);
	assert_true(tc_contains(err.msg, "row 2 has an infinite value in predictor column 2"));
	assert_int_equal(lt_model_ols(y4, X + 4, NULL, 4, 1, 1, &m, &err), LT_EINVAL);
	assert_true(tc_contains(err.msg, "no column is all ones"));
	assert_int_equal(lt_model_ols(y4, X2, NULL, 2, 2, 1, &m, &err), LT_EINVAL);
	assert_true(tc_contains(err.msg, "needs more than 2 observations"));
	assert_int_equal(lt_model_ols(y4, Xz, NULL, 4, 1, 0, &m, &err), LT_EINVAL);
	assert_true(tc_contains(err.msg, "every predictor column is zero"));
	/* A constant outcome fits exactly: no R^2 or F, but no failure. */
	{
		const double yc[] = { 2, 2, 2, 2 };

		assert_int_equal(lt_model_ols(yc, X, NULL, 4, 2, 1, &m, &err), 0);
		assert_true(isnan(m.r2) && isnan(m.f) && isnan(m.f_p));
		assert_rel(m.coef[0], 2, 1e-15);
		assert_true(m.rss < 1e-28);
		lt_model_ols_free(&m);
	}
	assert_int_equal(lt_model_ols(y4, X, NULL, 4, 0, 0, &m, &err), LT_EINVAL);
	assert_true(tc_contains(err.msg, "no columns"));
	lt_model_ols_free(&m);		/* harmless on a zeroed result */
}

/*
 * Pearson's r on Norris: for a straight line with an intercept r^2 = R^2,
 * so r = sqrt(0.999993745883712) = 0.999996872936966738 (NIST certified
 * R^2; the slope is positive), and the t of r = 0 is the certified slope
 * over its SE, 1.00211681802045 / 0.429796848199937E-03 =
 * 2331.60578589044407 (square root and ratio taken with mpmath).
 */
static void
test_correlate_norris(void **state)
{
	double *y, *x, *X;
	size_t n;
	lt_corr c;
	lt_ols m;
	lt_error err;

	(void)state;
	norris(&y, &x, &X, &n);
	assert_int_equal(lt_model_correlate(x, y, NULL, n, 0.95, &c, &err), 0);
	assert_true(c.n == 36 && c.missing == 0 && c.df == 34);
	assert_rel(c.r, 0.999996872936966738, 1e-14);
	assert_rel(c.r_t, 2331.60578589044407, 1e-9);
	/* Its p is the slope's p from the regression. */
	assert_int_equal(lt_model_ols(y, X, NULL, n, 2, 1, &m, &err), 0);
	assert_rel(c.r_p, m.pval[1], 1e-8);
	assert_true(c.r_lo < c.r && c.r < c.r_hi && c.r_hi < 1);
	assert_true(c.rho > 0.99 && c.rho <= 1);
	lt_model_ols_free(&m);
	free(y);
	free(x);
	free(X);
}

/*
 * x = 1..5, y = 2, 1, 4, 3, 5: Sxy = 8, Sxx = Syy = 10, so r = 0.8, and
 * with no ties rho = r. Expected values evaluated with mpmath 1.3.0 at 30
 * digits, independently of GSL: t = 0.8 sqrt(3 / 0.36) =
 * 2.30940107675850306, p = I_{3/(3+t^2)}(3/2, 1/2) = 0.104088038661827859;
 * Fisher's 95% interval tanh(ln 3 -+ 1.95996398454005424 / sqrt 2) =
 * (-0.279640041969355066, 0.986196193301271417); the 90% one
 * (-0.0643856724673841610, 0.978528854583393013); rho's 95% interval with
 * the Bonett-Wright SE sqrt((1 + 0.32) / 2) = (-0.457124388805296634,
 * 0.990842947877804274).
 */
static void
test_correlate_small(void **state)
{
	const double x[] = { 1, 2, 3, 4, 5 };
	const double y[] = { 2, 1, 4, 3, 5 };
	lt_corr c;
	lt_error err;

	(void)state;
	assert_int_equal(lt_model_correlate(x, y, NULL, 5, 0.95, &c, &err), 0);
	assert_rel(c.r, 0.8, 1e-15);
	assert_rel(c.rho, 0.8, 1e-15);
	assert_int_equal(c.ties, 0);
	assert_rel(c.r_t, 2.30940107675850306, 1e-14);
	assert_rel(c.r_p, 0.104088038661827859, 1e-12);
	assert_rel(c.rho_p, 0.104088038661827859, 1e-12);
	assert_rel(c.r_lo, -0.279640041969355066, 1e-13);
	assert_rel(c.r_hi, 0.986196193301271417, 1e-14);
	assert_rel(c.rho_lo, -0.457124388805296634, 1e-13);
	assert_rel(c.rho_hi, 0.990842947877804274, 1e-14);
	assert_int_equal(lt_model_correlate(x, y, NULL, 5, 0.90, &c, &err), 0);
	assert_rel(c.r_lo, -0.0643856724673841610, 1e-12);
	assert_rel(c.r_hi, 0.978528854583393013, 1e-14);
	assert_true(c.level == 0.90);
}

/*
 * Spearman's rho: without ties it equals 1 - 6 sum d^2 / (n (n^2 - 1))
 * (Spearman 1904), computed here for a permutation; with ties it is
 * Pearson's r of mid-ranks: x = 1, 2, 2, 3 has ranks 1, 2.5, 2.5, 4 and
 * y = 1, 3, 2, 4 ranks 1, 3, 2, 4, giving Sxy = Sxx = 4.5, Syy = 5, rho =
 * 4.5 / sqrt(22.5) = 3 / sqrt(10) (by hand); its t-approximation p on 2
 * df is 0.0513167019494862004 (mpmath, as in test_correlate_small).
 */
static void
test_correlate_spearman(void **state)
{
	const double x[] = { 3, 1, 4, 10, 5, 9, 2, 6, 8, 7 };
	const double y[] = { 2, 7, 1, 8, 3, 9, 4, 6, 5, 10 };
	const double xt[] = { 1, 2, 2, 3 }, yt[] = { 1, 3, 2, 4 };
	const double xl[] = { 1, 10, 100, 1000, 1e4 }, yl[] = { 1, 2, 3, 4, 3.5 };
	double d2 = 0;
	lt_corr c;
	lt_error err;

	(void)state;
	for (size_t i = 0; i < 10; i++)
		d2 += (x[i] - y[i]) * (x[i] - y[i]);
	assert_int_equal(lt_model_correlate(x, y, NULL, 10, 0.95, &c, &err), 0);
	assert_rel(c.rho, 1 - 6 * d2 / (10 * 99), 1e-14);
	assert_int_equal(c.ties, 0);
	assert_int_equal(lt_model_correlate(xt, yt, NULL, 4, 0.95, &c, &err), 0);
	assert_rel(c.rho, 3 / sqrt(10), 1e-15);
	assert_rel(c.rho_p, 0.0513167019494862004, 1e-12);
	assert_int_equal(c.ties, 1);
	/* Ranks ignore the scale: y ranks 1, 2, 3, 5, 4, so d = 0, 0, 0,
	   -1, 1 and rho = 1 - 6 * 2 / 120 = 0.9. */
	assert_int_equal(lt_model_correlate(xl, yl, NULL, 5, 0.95, &c, &err), 0);
	assert_rel(c.rho, 0.9, 1e-15);
	assert_true(c.r < c.rho);
}

/*
 * Frequency weights equal the expanded data, for both coefficients, their
 * tests and intervals; pairs with a missing value and rows with an
 * unusable weight are left out and counted.
 */
static void
test_correlate_weights_missing(void **state)
{
	const double x[] = { 1, 2, 2, 3, 5, NAN, 7, 4 };
	const double y[] = { 2, 2, 1, 4, 3, 9, NAN, 8 };
	const double w[] = { 2, 1, 3, 1, 2, 4, 1, 0 };
	double xe[16], ye[16];
	size_t ne = 0;
	lt_corr a, b;
	lt_error err;

	(void)state;
	for (size_t i = 0; i < 8; i++)
		for (size_t k = 0; k < (size_t)w[i]; k++, ne++) {
			xe[ne] = x[i];
			ye[ne] = y[i];
		}
	assert_int_equal(lt_model_correlate(x, y, w, 8, 0.95, &a, &err), 0);
	assert_int_equal(lt_model_correlate(xe, ye, NULL, ne, 0.95, &b, &err), 0);
	assert_true(a.n == 9 && a.missing == 5);
	assert_true(b.n == 9 && b.missing == 5);
	assert_rel(a.r, b.r, 1e-15);
	assert_rel(a.r_p, b.r_p, 1e-13);
	assert_rel(a.r_lo, b.r_lo, 1e-13);
	assert_rel(a.rho, b.rho, 1e-15);
	assert_rel(a.rho_p, b.rho_p, 1e-13);
	assert_rel(a.rho_hi, b.rho_hi, 1e-14);
	assert_int_equal(a.ties, 1);
}

/* Perfect correlation, and input the correlation must refuse. */
static void
test_correlate_edges(void **state)
{
	const double x[] = { 1, 2, 3, 4 }, y[] = { 3, 5, 7, 9 };
	const double k[] = { 2, 2, 2, 2 }, m[] = { 1, NAN, 2, NAN };
	lt_corr c;
	lt_error err;

	(void)state;
	assert_int_equal(lt_model_correlate(x, y, NULL, 4, 0.95, &c, &err), 0);
	assert_true(c.r == 1 && isinf(c.r_t) && c.r_p == 0);
	assert_true(c.r_lo == 1 && c.r_hi == 1 && c.rho == 1);
	assert_int_equal(lt_model_correlate(x, k, NULL, 4, 0.95, &c, &err), LT_EINVAL);
	assert_true(tc_contains(err.msg, "second variable has the same value in every pair"));
	assert_int_equal(lt_model_correlate(x, m, NULL, 4, 0.95, &c, &err), LT_EINVAL);
	assert_true(tc_contains(err.msg, "at least three pairs"));
	assert_true(c.n == 2 && c.missing == 2);
	assert_int_equal(lt_model_correlate(x, y, NULL, 4, 1, &c, &err), LT_EINVAL);
	assert_true(tc_contains(err.msg, "between 0 and 1"));
	/* Three pairs: a test but no Fisher interval (needs n > 3). */
	assert_int_equal(lt_model_correlate(x, m + 1, NULL, 3, 0.95, &c, &err), LT_EINVAL);
	{
		const double x3[] = { 1, 2, 3 }, y3[] = { 1, 3, 2 };

		assert_int_equal(lt_model_correlate(x3, y3, NULL, 3, 0.95, &c, &err), 0);
		assert_rel(c.r, 0.5, 1e-15);
		assert_true(isnan(c.r_lo) && isnan(c.rho_hi) && c.df == 1);
	}
}

/*
 * Spector & Mazzeo (1980): grade improvement (GRADE) of 32 economics
 * students on GPA, TUCE score and the PSI teaching method. Columns: GPA,
 * TUCE, PSI, GRADE; two independent public copies of the data agree row
 * for row. Expected values: Stata 11's logit, as recorded in statsmodels,
 * statsmodels/discrete/tests/results/results_discrete.py, class Spector,
 * logit() (commit 041b5a5c03bc3f98ee5242e2e50d46a6b0351ff2): params, bse,
 * z, pvalues, conf_int, llf, llnull, llr, llr_pvalue, aic. Measured on the
 * float-rounded data (see spector_design): estimates and SEs within 2.3e-10
 * of Stata's 12 digits, the deviance equal to all 15 printed digits.
 */
static const double spector[32][4] = {
	{ 2.66, 20, 0, 0 }, { 2.89, 22, 0, 0 }, { 3.28, 24, 0, 0 }, { 2.92, 12, 0, 0 },
	{ 4.00, 21, 0, 1 }, { 2.86, 17, 0, 0 }, { 2.76, 17, 0, 0 }, { 2.87, 21, 0, 0 },
	{ 3.03, 25, 0, 0 }, { 3.92, 29, 0, 1 }, { 2.63, 20, 0, 0 }, { 3.32, 23, 0, 0 },
	{ 3.57, 23, 0, 0 }, { 3.26, 25, 0, 1 }, { 3.53, 26, 0, 0 }, { 2.74, 19, 0, 0 },
	{ 2.75, 25, 0, 0 }, { 2.83, 19, 0, 0 }, { 3.12, 23, 1, 0 }, { 3.16, 25, 1, 1 },
	{ 2.06, 22, 1, 0 }, { 3.62, 28, 1, 1 }, { 2.89, 14, 1, 0 }, { 3.51, 26, 1, 0 },
	{ 3.54, 24, 1, 1 }, { 2.83, 27, 1, 1 }, { 3.39, 17, 1, 1 }, { 2.67, 24, 1, 0 },
	{ 3.65, 21, 1, 1 }, { 4.00, 23, 1, 1 }, { 3.10, 21, 1, 0 }, { 2.39, 19, 1, 1 },
};

/*
 * Spector's design [1 GPA TUCE PSI] and outcome. With stata set, the
 * predictors are rounded to 4-byte floats, Stata's default storage type
 * (GPA 2.66 becomes 2.6600000858...): Stata fitted those numbers, and with
 * the decimal values its estimates are 1e-7 away from ours while its log-
 * likelihood is lower, i.e. the difference is in the data, not the fit.
 */
static void
spector_design(double *y, double *X, int stata)
{
	for (size_t i = 0; i < 32; i++) {
		X[i] = 1;
		for (size_t j = 0; j < 3; j++)
			X[(j + 1) * 32 + i] = stata ? (double)(float)spector[i][j] :
			    spector[i][j];
		y[i] = spector[i][3];
	}
}

static void
test_logit_spector(void **state)
{
	/* Stata's order is GPA, TUCE, PSI, constant; ours is constant first. */
	static const double b[4] = { -13.0213483201, 2.82611297201, .0951576702557, 2.37868772835 };
	static const double se[4] = { 4.93132462871, 1.26294114526, .141554207662, 1.06456430165 };
	static const double z[4] = { -2.640537645, 2.237723415, 0.6722348408, 2.234423721 };
	static const double pv[4] = { .0082774596, .0252390974, .5014342039, .0254552063 };
	static const double lo[4] = { -22.68657, .3507938, -.1822835, .29218 };
	static const double hi[4] = { -3.35613, 5.301432, .3725988, 4.465195 };
	double y[32], X[128];
	lt_logit m;
	lt_error err;

	(void)state;
	spector_design(y, X, 1);
	assert_int_equal(lt_model_logit(y, X, NULL, 32, 4, 1, &m, &err), 0);
	assert_int_equal(m.converged, 1);
	assert_int_equal(m.separation, 0);
	assert_int_equal(m.rank, 4);
	assert_true(m.iterations >= 3 && m.iterations <= 10);
	print_message("Spector logit: %d iterations\n", m.iterations);
	for (size_t j = 0; j < 4; j++) {
		assert_rel(m.coef[j], b[j], 1e-9);
		assert_rel(m.se[j], se[j], 1e-9);
		assert_rel(m.z[j], z[j], 1e-8);
		assert_rel(m.pval[j], pv[j], 1e-7);
		/* Stata prints the interval to 7 digits. */
		assert_rel(log(m.or_lo[j]), lo[j], 1e-6);
		assert_rel(log(m.or_hi[j]), hi[j], 1e-6);
		assert_rel(log(m.or[j]), b[j], 1e-9);
	}
	/* Stata's covariance of GPA with the constant. */
	assert_rel(m.cov[1 * 4 + 0], -4.57347950298, 1e-9);
	assert_rel(m.deviance, -2 * -12.8896334653335, 1e-12);
	assert_rel(m.null_deviance, -2 * -20.5917296966173, 1e-12);
	assert_rel(m.lr_chi2, 15.4041924625676, 1e-11);
	assert_rel(m.lr_p, .00150187761112892, 1e-10);
	assert_rel(m.aic, 33.779266930667, 1e-12);
	assert_true(m.df_resid == 28 && m.df_null == 31 && m.lr_df == 3);
	assert_true(m.events == 11 && m.nonevents == 21);
	assert_rel(m.events_per_predictor, 11.0 / 3, 1e-15);
	/* Stata's fitted probability of the first student (stored by
	   Stata as a float, hence 7 digits). */
	assert_rel(m.fitted[0], .02657799236476, 1e-7);
	lt_model_logit_free(&m);
}

/*
 * At the maximum the score equations X'(y - p) = 0 hold (McCullagh &
 * Nelder, section 4.4), and the deviance is -2 sum [y log p + (1 - y)
 * log(1 - p)]; both recomputed here from the fitted probabilities.
 */
static void
test_logit_score_equations(void **state)
{
	double y[32], X[128], dev = 0;
	lt_logit m;
	lt_error err;

	(void)state;
	spector_design(y, X, 0);
	assert_int_equal(lt_model_logit(y, X, NULL, 32, 4, 1, &m, &err), 0);
	for (size_t j = 0; j < 4; j++) {
		double s = 0, scale = 0;

		for (size_t i = 0; i < 32; i++) {
			s += X[j * 32 + i] * (y[i] - m.fitted[i]);
			scale += fabs(X[j * 32 + i]);
		}
		assert_true(fabs(s) <= 1e-10 * scale);
	}
	for (size_t i = 0; i < 32; i++)
		dev += -2 * (y[i] == 1 ? log(m.fitted[i]) : log(1 - m.fitted[i]));
	assert_rel(m.deviance, dev, 1e-12);
	lt_model_logit_free(&m);
}

/*
 * A 2 x 2 table has a closed-form fit: with a events and b non-events
 * among the exposed, c and d among the unexposed, b1 = log(ad / bc), b0 =
 * log(c / d), SE(b1) = sqrt(1/a + 1/b + 1/c + 1/d) (Woolf, Ann Hum Genet
 * 19 (1955) 251-253). As 4 weighted rows it must equal the 200 expanded
 * rows, and the deviances follow from the cell proportions.
 */
static void
test_logit_two_by_two(void **state)
{
	const double a = 30, b = 70, c = 10, d = 90;
	const double yw[] = { 1, 0, 1, 0 }, Xw[] = { 1, 1, 1, 1, 1, 1, 0, 0 };
	const double w[] = { a, b, c, d };
	double ye[200], Xe[400], dev, dev0;
	size_t k = 0;
	lt_logit m, e;
	lt_error err;

	(void)state;
	for (size_t r = 0; r < 4; r++)
		for (size_t i = 0; i < (size_t)w[r]; i++, k++) {
			ye[k] = yw[r];
			Xe[k] = 1;
			Xe[200 + k] = Xw[4 + r];
		}
	assert_int_equal(lt_model_logit(yw, Xw, w, 4, 2, 1, &m, &err), 0);
	assert_int_equal(lt_model_logit(ye, Xe, NULL, 200, 2, 1, &e, &err), 0);
	assert_rel(m.coef[1], log(a * d / (b * c)), 1e-12);
	assert_rel(m.coef[0], log(c / d), 1e-12);
	assert_rel(m.se[1], sqrt(1 / a + 1 / b + 1 / c + 1 / d), 1e-12);
	assert_rel(m.se[0], sqrt(1 / c + 1 / d), 1e-12);
	assert_rel(m.or[1], a * d / (b * c), 1e-12);
	dev = -2 * (a * log(a / (a + b)) + b * log(b / (a + b)) +
	    c * log(c / (c + d)) + d * log(d / (c + d)));
	dev0 = -2 * ((a + c) * log((a + c) / 200) + (b + d) * log((b + d) / 200));
	assert_rel(m.deviance, dev, 1e-12);
	assert_rel(m.null_deviance, dev0, 1e-12);
	assert_true(m.n == 200 && m.rows == 4 && m.df_resid == 198);
	for (size_t j = 0; j < 2; j++) {
		assert_rel(m.coef[j], e.coef[j], 1e-12);
		assert_rel(m.se[j], e.se[j], 1e-12);
		assert_rel(m.pval[j], e.pval[j], 1e-10);
		assert_rel(m.or_hi[j], e.or_hi[j], 1e-12);
	}
	assert_rel(m.deviance, e.deviance, 1e-12);
	assert_rel(m.aic, e.aic, 1e-12);
	lt_model_logit_free(&m);
	lt_model_logit_free(&e);
}

/*
 * Separation: the maximum likelihood estimate does not exist, so the fit
 * must stop and say so. Complete: y = 0 for x <= 3 and 1 above. Quasi-
 * complete: every row with the dummy set has y = 1, the others are mixed.
 * A hard but overlapping dataset must not be flagged.
 */
static void
test_logit_separation(void **state)
{
	const double yc[] = { 0, 0, 0, 1, 1, 1 };
	const double Xc[] = { 1, 1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 6 };
	const double yq[] = { 1, 1, 1, 0, 1, 0, 1, 0 };
	const double Xq[] = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0 };
	const double yo[] = { 0, 0, 0, 0, 1, 0, 1, 1, 1, 1 };
	const double Xo[] = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
	lt_logit m;
	lt_error err;

	(void)state;
	assert_int_equal(lt_model_logit(yc, Xc, NULL, 6, 2, 1, &m, &err), 0);
	print_message("complete separation: %d iterations, converged %d, b1 %g\n",
	    m.iterations, m.converged, m.coef[1]);
	assert_int_equal(m.separation, 1);
	assert_true(m.iterations <= 50);
	assert_true(m.deviance < 1e-6);
	lt_model_logit_free(&m);

	assert_int_equal(lt_model_logit(yq, Xq, NULL, 8, 2, 1, &m, &err), 0);
	print_message("quasi-complete separation: %d iterations, converged %d, b1 %g\n",
	    m.iterations, m.converged, m.coef[1]);
	assert_int_equal(m.separation, 1);
	assert_true(m.iterations <= 50);
	/* The unseparated group is still fitted: intercept = logit(2/5). */
	assert_rel(m.coef[0], log(2.0 / 3), 1e-6);
	lt_model_logit_free(&m);

	assert_int_equal(lt_model_logit(yo, Xo, NULL, 10, 2, 1, &m, &err), 0);
	assert_int_equal(m.separation, 0);
	assert_int_equal(m.converged, 1);
	lt_model_logit_free(&m);
}

/* An aliased column in a logistic regression, and refused input. */
static void
test_logit_aliased_and_refuses(void **state)
{
	double y[32], X[160];
	const double ybad[] = { 0, 1, 2, 1 }, yall[] = { 1, 1, 1, 1 };
	const double X4[] = { 1, 1, 1, 1, 1, 2, 3, 4 };
	const double ynan[] = { 0, 1, NAN, 1 };
	lt_logit m, r;
	lt_error err;

	(void)state;
	spector_design(y, X, 0);
	for (size_t i = 0; i < 32; i++)
		X[4 * 32 + i] = 2 * X[32 + i] - X[3 * 32 + i];	/* 2 GPA - PSI */
	assert_int_equal(lt_model_logit(y, X, NULL, 32, 5, 1, &m, &err), 0);
	assert_int_equal(lt_model_logit(y, X, NULL, 32, 4, 1, &r, &err), 0);
	assert_int_equal(m.rank, 4);
	assert_int_equal(m.aliased[4], 1);
	assert_true(isnan(m.coef[4]) && isnan(m.or[4]));
	for (size_t j = 0; j < 4; j++)
		assert_rel(m.coef[j], r.coef[j], 1e-10);
	assert_rel(m.aic, r.aic, 1e-12);
	lt_model_logit_free(&m);
	lt_model_logit_free(&r);

	assert_int_equal(lt_model_logit(ybad, X4, NULL, 4, 2, 1, &m, &err), LT_EINVAL);
	assert_true(tc_contains(err.msg, "row 3 has the outcome 2"));
	assert_int_equal(lt_model_logit(yall, X4, NULL, 4, 2, 1, &m, &err), LT_EINVAL);
	assert_true(tc_contains(err.msg, "needs both 0s and 1s"));
	assert_int_equal(lt_model_logit(ynan, X4, NULL, 4, 2, 1, &m, &err), LT_EINVAL);
	assert_true(tc_contains(err.msg, "row 3 has a missing outcome"));
	assert_null(m.coef);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nist_lls),
		cmocka_unit_test(test_nist_filip_solver),
		cmocka_unit_test(test_collinearity_diagnostics),
		cmocka_unit_test(test_rank_deficient),
		cmocka_unit_test(test_ols_weights),
		cmocka_unit_test(test_ols_by_hand),
		cmocka_unit_test(test_ols_refuses),
		cmocka_unit_test(test_correlate_norris),
		cmocka_unit_test(test_correlate_small),
		cmocka_unit_test(test_correlate_spearman),
		cmocka_unit_test(test_correlate_weights_missing),
		cmocka_unit_test(test_correlate_edges),
		cmocka_unit_test(test_logit_spector),
		cmocka_unit_test(test_logit_score_equations),
		cmocka_unit_test(test_logit_two_by_two),
		cmocka_unit_test(test_logit_separation),
		cmocka_unit_test(test_logit_aliased_and_refuses),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
