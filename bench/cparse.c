/*
 * cparse.c: the benchmark's baseline (issue 8). A plain C loop that reads
 * a CSV file and parses every field (a number with strtod, else the text is
 * skipped), so the import can be compared with the least work a reader of
 * the same file must do. Simple quoting only (the generated cohorts have
 * no quoted fields). Prints the row count and a checksum so the work is
 * not optimised away.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
main(int argc, char **argv)
{
	static char line[65536];
	FILE *f;
	long rows = 0, fields = 0;
	double sum = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: cparse FILE.csv\n");
		return 2;
	}
	if ((f = fopen(argv[1], "r")) == NULL) {
		perror(argv[1]);
		return 1;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		char *p = line;

		for (;;) {
			char *end;
			double v = strtod(p, &end);

			if (end != p)
				sum += v;
			p = end;
			while (*p != ',' && *p != '\n' && *p != '\0')
				p++;
			fields++;
			if (*p != ',')
				break;
			p++;
		}
		rows++;
	}
	fclose(f);
	printf("%ld rows, %ld fields, sum %g\n", rows, fields, sum);
	return 0;
}
