#!/usr/bin/env node
// convert-vega.mjs - turn five tables of the vega-datasets npm package into
// lantern's bundled datasets: one directory each under datasets/, holding
// the table as CSV and a Frictionless Data Package (datapackage.json).
//
// Usage: node datasets/tools/convert-vega.mjs /path/to/vega-datasets
//
// The argument is the unpacked package directory (the one holding
// package.json, datapackage.json and data/). Descriptions and sources of
// the data come from the package's own datapackage.json; titles, units,
// category labels and the plain-language descriptions are written here.
// Plain Node.js (18 or later), no dependencies. Run once; the output is
// committed, so lantern never needs Node.js or the network.

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const VEGA_VERSION = '3.2.1';
const VIA_SOURCE = {
  title: `via the vega-datasets npm package ${VEGA_VERSION}, BSD-3-Clause`,
  path: `https://www.npmjs.com/package/vega-datasets/v/${VEGA_VERSION}`,
};
const VIA_LICENSE = {
  name: 'BSD-3-Clause',
  title: `The 3-Clause BSD License (covers the vega-datasets ${VEGA_VERSION} ` +
    'packaging only; the terms of the data itself are listed first)',
  path: 'https://opensource.org/license/bsd-3-clause',
};
// SPDX names for licences the vega metadata gives only as a title.
const LICENSE_NAMES = {
  'Creative Commons Attribution 4.0 International': 'CC-BY-4.0',
  'BSD License (via Protovis)': 'BSD-3-Clause',
};

const STATES = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas',
  CA: 'California', CO: 'Colorado', CT: 'Connecticut', DE: 'Delaware',
  FL: 'Florida', GA: 'Georgia', HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois',
  IN: 'Indiana', IA: 'Iowa', KS: 'Kansas', KY: 'Kentucky', LA: 'Louisiana',
  ME: 'Maine', MD: 'Maryland', MA: 'Massachusetts', MI: 'Michigan',
  MN: 'Minnesota', MS: 'Mississippi', MO: 'Missouri', MT: 'Montana',
  NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire', NJ: 'New Jersey',
  NM: 'New Mexico', NY: 'New York', NC: 'North Carolina',
  ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma', OR: 'Oregon',
  PA: 'Pennsylvania', RI: 'Rhode Island', SC: 'South Carolina',
  SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas', UT: 'Utah',
  VT: 'Vermont', VA: 'Virginia', WA: 'Washington', WV: 'West Virginia',
  WI: 'Wisconsin', WY: 'Wyoming',
};

const MIC = (drug) => ({
  name: drug, title: `${drug}: minimum inhibitory concentration`,
  type: 'number', unit: 'micrograms/mL',
  description: `The smallest amount of ${drug.toLowerCase()} that stops ` +
    'the bacterium growing in the lab. Smaller means the drug works better.',
});

// One entry per dataset: where it comes from, how its columns map, and
// everything lantern shows people about it.
const DATASETS = [
  {
    name: 'nightingale',
    vega: 'crimea',
    title: "Florence Nightingale's Crimean War mortality, 1854-56",
    description:
      'Every month from April 1854 to March 1856, how many British ' +
      'soldiers died in the army hospitals of the Crimean War, split into ' +
      'three causes: diseases that could have been prevented (such as ' +
      'cholera and typhus), wounds from fighting, and everything else. The ' +
      "army's average size that month is given too, so deaths can be " +
      'turned into rates.\n\n' +
      'Florence Nightingale and the statistician William Farr used these ' +
      'numbers to show that far more soldiers died of disease than of ' +
      'their wounds, and that cleaning up the hospitals saved lives. Her ' +
      "famous 'rose' diagrams of this table helped change how hospitals " +
      'are run.',
    why: 'It is the classic case of data changing public health: ' +
      'preventable disease, not battle, killed most of the soldiers.',
    rename: { date: 'month' },
    fields: [
      { name: 'month', title: 'Month', type: 'date',
        description: 'The first day of the month the numbers are for.' },
      { name: 'wounds', title: 'Deaths from wounds and injuries',
        type: 'integer', unit: 'deaths' },
      { name: 'other', title: 'Deaths from other causes', type: 'integer',
        unit: 'deaths' },
      { name: 'disease', title: 'Deaths from preventable diseases',
        type: 'integer', unit: 'deaths',
        description: "Deaths from 'zymotic' diseases: infections such as " +
          'cholera, typhus and dysentery that better hygiene can prevent.' },
      { name: 'army_size', title: 'Average size of the army',
        type: 'integer', unit: 'soldiers',
        description: 'Estimated average number of soldiers that month.' },
    ],
  },
  {
    name: 'gapminder',
    vega: 'gapminder',
    title: 'Gapminder: life expectancy, population and fertility, 1955-2005',
    description:
      'For 62 countries, every five years from 1955 to 2005: how long a ' +
      'newborn baby could expect to live, how many people lived there, and ' +
      'how many babies women had on average. Each country is placed in one ' +
      'of six world regions.\n\n' +
      'The Gapminder Foundation fills gaps in old records with estimates ' +
      'and uses today\'s borders for the past, so read it as the big ' +
      'picture rather than exact figures.',
    why: 'It shows how health and family size changed around the world ' +
      'over fifty years, and how unevenly.',
    fields: [
      { name: 'year', title: 'Year', type: 'integer' },
      { name: 'country', title: 'Country', type: 'string' },
      { name: 'cluster', title: 'World region', type: 'integer',
        description: "Gapminder's six world regions.",
        categories: [
          { value: 0, label: 'South Asia' },
          { value: 1, label: 'Europe and Central Asia' },
          { value: 2, label: 'Sub-Saharan Africa' },
          { value: 3, label: 'America' },
          { value: 4, label: 'East Asia and Pacific' },
          { value: 5, label: 'Middle East and North Africa' },
        ] },
      { name: 'pop', title: 'Population', type: 'integer', unit: 'people' },
      { name: 'life_expect', title: 'Life expectancy at birth',
        type: 'number', unit: 'years' },
      { name: 'fertility', title: 'Fertility rate', type: 'number',
        unit: 'babies per woman',
        description: 'The average number of children a woman has.' },
    ],
  },
  {
    name: 'obesity',
    vega: 'obesity',
    title: 'Adult obesity in the US states, 1995',
    description:
      'The share of adults with obesity (a body mass index of 30 or more) ' +
      'in each of the 50 US states in 1995. The numbers come from the ' +
      'Behavioral Risk Factor Surveillance System, a telephone survey run ' +
      'by the US Centers for Disease Control and Prevention. A rate of ' +
      '0.187 means 18.7 per cent of adults.',
    why: 'Obesity raises the risk of diabetes, heart disease and some ' +
      'cancers, and it has risen in every state since 1995.',
    // Named in vega's description as the original source.
    moreSources: [{
      title: 'Behavioral Risk Factor Surveillance System (BRFSS), US ' +
        'Centers for Disease Control and Prevention',
      path: 'https://www.cdc.gov/brfss/index.html',
    }],
    fields: [
      { name: 'id', title: 'State FIPS code', type: 'integer',
        description: 'The number US statistics use for each state ' +
          '(FIPS code); it joins this table to maps.' },
      { name: 'rate', title: 'Adults with obesity', type: 'number',
        unit: 'proportion',
        description: 'Share of adults with a BMI of 30 or more, from 0 to 1.' },
      { name: 'state', title: 'State', type: 'string',
        categories: Object.keys(STATES).sort()
          .map((k) => ({ value: k, label: STATES[k] })) },
    ],
  },
  {
    name: 'burtin',
    vega: 'burtin',
    title: "Will Burtin's antibiotics table, 1951",
    description:
      'How well three antibiotics (penicillin, streptomycin and neomycin) ' +
      'stop 16 kinds of bacteria growing in the lab. Each number is the ' +
      'smallest amount of the drug that stops the bacteria growing, so a ' +
      'smaller number means the drug works better. The bacteria are also ' +
      'sorted by their Gram stain, a colour test that splits bacteria into ' +
      'two big groups that often need different drugs.\n\n' +
      'The designer Will Burtin turned this table into a famous chart for ' +
      'Scope magazine in 1951.',
    why: 'Choosing the right antibiotic for each infection saves lives and ' +
      'slows the rise of drug-resistant bacteria.',
    fields: [
      { name: 'Bacteria', title: 'Bacterium', type: 'string' },
      MIC('Penicillin'),
      MIC('Streptomycin'),
      MIC('Neomycin'),
      { name: 'Gram_Staining', title: 'Gram stain', type: 'string',
        categories: [
          { value: 'negative', label: 'Gram-negative' },
          { value: 'positive', label: 'Gram-positive' },
        ] },
      { name: 'Genus', title: 'Genus', type: 'string',
        description: 'The group of related bacteria; smaller groups are ' +
          "together as 'other'.",
        categories: [
          { value: 'Salmonella', label: 'Salmonella' },
          { value: 'Staphylococcus', label: 'Staphylococcus' },
          { value: 'Streptococcus', label: 'Streptococcus' },
          { value: 'other', label: 'other bacteria' },
        ] },
    ],
  },
  {
    name: 'anscombe',
    vega: 'anscombe',
    title: "Anscombe's quartet",
    description:
      'Four small sets of eleven (x, y) points, made up by the statistician ' +
      'Francis Anscombe in 1973. All four have the same averages, the same ' +
      'spread, the same correlation and the same best-fit straight line, ' +
      'yet they look completely different when you draw them: a cloud, a ' +
      'curve, a line with one odd point, and a column with one far-away ' +
      'point.',
    why: 'It shows why researchers must look at their data in a chart ' +
      'before trusting summary numbers.',
    fields: [
      { name: 'Series', title: 'Series', type: 'string',
        categories: ['I', 'II', 'III', 'IV']
          .map((v) => ({ value: v, label: `data set ${v}` })) },
      { name: 'X', title: 'x', type: 'integer' },
      { name: 'Y', title: 'y', type: 'number' },
    ],
  },
];

// Quote a CSV field when it holds a comma, a quote or a line break.
function csvField(v) {
  if (v === null || v === undefined)
    return '';
  const s = typeof v === 'number' ? numberText(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

// Shortest decimal text of a number, never in exponent notation.
function numberText(n) {
  if (!Number.isFinite(n))
    throw new Error(`not a finite number: ${n}`);
  const s = String(n);
  if (/e/i.test(s))
    throw new Error(`number needs exponent notation: ${s}`);
  return s;
}

// Check a value against its field's declared type and categories.
function checkValue(ds, f, v) {
  const where = `${ds.name}.${f.name} = ${JSON.stringify(v)}`;
  if (v === null || v === undefined)
    throw new Error(`${where}: missing value`);
  if (f.type === 'integer' && !Number.isInteger(v))
    throw new Error(`${where}: not an integer`);
  if (f.type === 'number' && typeof v !== 'number')
    throw new Error(`${where}: not a number`);
  if (f.type === 'string' && typeof v !== 'string')
    throw new Error(`${where}: not a string`);
  if (f.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(v))
    throw new Error(`${where}: not a YYYY-MM-DD date`);
  if (f.categories && !f.categories.some((c) => c.value === v))
    throw new Error(`${where}: not one of the listed categories`);
}

// Licences as vega gives them, with an SPDX name where one fits.
function licenses(res) {
  const out = (res.licenses || []).map((l) => {
    const name = l.name || LICENSE_NAMES[l.title];
    return name ? { name, ...l } : { ...l };
  });
  if (out.length > 0)
    out.push(VIA_LICENSE);
  else
    out.push({ ...VIA_LICENSE, title: 'The 3-Clause BSD License of the ' +
      `vega-datasets ${VEGA_VERSION} package (it lists no separate ` +
      'licence for this table)' });
  return out;
}

// Write one dataset's CSV and datapackage.json; return its row count.
function convert(pkgdir, outroot, vegameta, ds) {
  const res = vegameta.resources.find((r) => r.name === ds.vega);
  if (!res)
    throw new Error(`${ds.vega}: not in the package's datapackage.json`);
  const rows = JSON.parse(readFileSync(join(pkgdir, 'data', res.path),
    'utf8'));
  const rename = ds.rename || {};
  const srcnames = Object.keys(rows[0]);
  const names = srcnames.map((k) => rename[k] || k);
  const want = ds.fields.map((f) => f.name);
  if (names.join() !== want.join())
    throw new Error(`${ds.name}: columns ${names} are not ${want}`);

  const lines = [names.join(',')];
  for (const row of rows) {
    if (Object.keys(row).join() !== srcnames.join())
      throw new Error(`${ds.name}: a row has other columns`);
    ds.fields.forEach((f, i) => checkValue(ds, f, row[srcnames[i]]));
    lines.push(srcnames.map((k) => csvField(row[k])).join(','));
  }

  const dir = join(outroot, ds.name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${ds.name}.csv`), lines.join('\n') + '\n');

  const pkg = {
    name: ds.name,
    title: ds.title,
    description: ds.description,
    sources: [...(ds.moreSources || []),
      ...(res.sources || []).map((s) => ({ ...s, title: s.title.trim() })),
      VIA_SOURCE],
    licenses: licenses(res),
    lantern: {
      kind: 'aggregated',
      synthetic: false,
      profile: 'none',
      why: ds.why,
    },
    resources: [{
      name: ds.name,
      path: `${ds.name}.csv`,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      schema: {
        missingValues: ['', 'NA'],
        fields: ds.fields,
      },
    }],
  };
  writeFileSync(join(dir, 'datapackage.json'),
    JSON.stringify(pkg, null, 2) + '\n');
  return rows.length;
}

// Convert every dataset in DATASETS.
function main() {
  const pkgdir = process.argv[2];
  if (!pkgdir) {
    console.error('usage: node convert-vega.mjs VEGA_DATASETS_DIR');
    process.exit(2);
  }
  const pkgjson = JSON.parse(readFileSync(join(pkgdir, 'package.json'),
    'utf8'));
  if (pkgjson.name !== 'vega-datasets' || pkgjson.version !== VEGA_VERSION) {
    console.error(`expected vega-datasets ${VEGA_VERSION}, found ` +
      `${pkgjson.name} ${pkgjson.version}`);
    process.exit(1);
  }
  const vegameta = JSON.parse(readFileSync(join(pkgdir, 'datapackage.json'),
    'utf8'));
  const outroot = dirname(dirname(fileURLToPath(import.meta.url)));
  for (const ds of DATASETS) {
    const n = convert(pkgdir, outroot, vegameta, ds);
    console.log(`${ds.name}: ${n} rows`);
  }
}

main();
