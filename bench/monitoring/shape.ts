// The shape of the monitoring benchmark's dataset (issue 5, "Scale"): how many of everything, and
// the rules that spread reported values over places, indicators and months. Pure: no database.

/** Bump when the generated data changes, so cached databases are rebuilt. */
export const GENERATOR_VERSION = 3;

/** BENCH_FACTS=1000000 makes a quick run; the benchmark proper is 10,000,000 approved values. */
export const FACTS_TARGET = Number(process.env.BENCH_FACTS ?? 10_000_000);

/** One country, then 10 regions → 100 districts → 389 communes → 1,500 sites: 2,000 places. */
export const LEVEL_COUNTS = { admin1: 10, admin2: 100, admin3: 389, site: 1_500 } as const;
export const ORGANISATIONS = 200;
/** 60 monthly rounds, January 2021 to December 2025. */
export const FIRST_YEAR = 2021;
export const MONTHS = 60;
export const HEAVY_INDICATORS = 40;
export const LIGHT_INDICATORS = 10;
export const SEXES = ['female', 'male'] as const;
export const AGES: readonly [number, number | null][] = [[0, 4], [5, 17], [18, 59], [60, null]];
/** Share of each option in the population, in per mille (the cells of one place and month split by them). */
export const SEX_SHARES = [510, 490];
export const AGE_SHARES = [170, 310, 430, 90];
/** Every heavy value comes as a total and its 2 × 4 sex × age cells. */
export const CELLS_PER_REPORT = 1 + SEXES.length * AGES.length;

/** Heavy indicators, 5 per sector: which are percentages, which is a stock (`latest`), which cumulative. */
export const SECTORS = ['Health', 'Nutrition', 'WASH', 'Education', 'Protection', 'Food security', 'Shelter', 'Livelihoods'];
export const isPercentage = (i: number) => i % 10 === 4;
export const isLatest = (i: number) => i === 9;
export const isCumulative = (i: number) => i % 5 === 0 && !isLatest(i);

export const monthIndexOf = (year: number, month: number) => year * 12 + month - 1;
export const FIRST_MONTH = monthIndexOf(FIRST_YEAR, 1);
export const LAST_MONTH = FIRST_MONTH + MONTHS - 1;
export const monthDate = (index: number, day = 1) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** Parent index of child `j` of `n` spread evenly over `parents` (contiguous runs, so neighbours share a parent). */
export const parentOf = (j: number, n: number, parents: number) => Math.floor((j * parents) / n);

/** The organisation reporting for site `s` (each covers 7 or 8 neighbouring sites). */
export const organisationOfSite = (s: number) => parentOf(s, LEVEL_COUNTS.site, ORGANISATIONS);

/**
 * Which heavy indicators each site reports, monthly, as (site, indicator) pairs. Their number is
 * chosen so that pairs × 60 months × 9 cells (+ the light indicators' values) reach FACTS_TARGET:
 * about 12 of the 40 indicators per site at 10 M, one or two at 1 M. A site reports a run of
 * consecutive indicators starting at its organisation's sector, so coverage differs by indicator.
 */
export function sitePairs(factsTarget = FACTS_TARGET): { site: number; indicator: number }[] {
  const heavyFacts = Math.max(0, factsTarget - LIGHT_INDICATORS * MONTHS);
  const pairs = Math.min(LEVEL_COUNTS.site * HEAVY_INDICATORS, Math.ceil(heavyFacts / (MONTHS * CELLS_PER_REPORT)));
  const per = Math.floor(pairs / LEVEL_COUNTS.site);
  const extra = pairs % LEVEL_COUNTS.site;
  const out: { site: number; indicator: number }[] = [];
  for (let s = 0; s < LEVEL_COUNTS.site; s++) {
    // 7919 is prime, so (s × 7919) mod 1,500 visits every site once: the extra indicators land on scattered sites.
    const count = per + ((s * 7919) % LEVEL_COUNTS.site < extra ? 1 : 0);
    const start = (organisationOfSite(s) * 11 + (s % 3) * 3) % HEAVY_INDICATORS;
    for (let k = 0; k < count; k++) out.push({ site: s, indicator: (start + k) % HEAVY_INDICATORS });
  }
  return out;
}

/** A site's size for an indicator: the per-cell count in an average month (8–67 people). */
export const siteBase = (site: number, indicator: number) => 8 + ((site * 7919 + indicator * 104_729) % 60);

/** Seasonality and growth over five years, in per cent (about 75–150). */
export function seasonOf(monthOffset: number): number {
  const season = 20 * Math.sin((2 * Math.PI * (monthOffset % 12)) / 12);
  const growth = (25 * monthOffset) / MONTHS;
  return Math.round(95 + season + growth);
}

export const expectedFacts = (factsTarget = FACTS_TARGET) => sitePairs(factsTarget).length * MONTHS * CELLS_PER_REPORT + LIGHT_INDICATORS * MONTHS;
