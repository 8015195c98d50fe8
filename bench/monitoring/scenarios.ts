// The three scenarios of issue 5's scale requirement, each timed warm through the product and by a
// hand-written query on the same database, and checked number by number against each other.
import { type Agreement, compareFigures } from './compare.js';
import { type Figures, handDashboard, handIptt, handPivot, type PivotAsk } from './hand-sql.js';
import { type Timing, timed } from './measure.js';
import { type Client, dashboardFigures, dashboardRequests, ipttFigures, ipttUrl, openClient, pivotDefinition, pivotFigures } from './product.js';
import type { Iptt, PivotResult } from '@shared/schemas/monitoring.js';
import { LAST_MONTH } from './shape.js';
import type { BenchDatabase } from './store.js';
import type { World, WorldIndicator } from './world.js';

export interface Target {
  p50?: number;
  p95?: number;
}

export interface ScenarioResult {
  name: string;
  description: string;
  target: Target;
  product: Timing;
  hand: Timing;
  /** Product p50 ÷ hand-written p50. */
  ratio: number;
  agreement: Agreement;
  /** Response size on the wire (compressed) of one run. */
  bytes: number;
  withinTarget: boolean;
}

interface Scenario {
  name: string;
  description: string;
  target: Target;
  product: (c: Client) => Promise<{ figures: Figures; bytes: number }>;
  hand: () => Promise<Figures>;
  /** Only the product's keys are checked (the product answers a part of what the hand query computes). */
  productKeysOnly?: boolean;
}

const heavy = (w: World) => w.indicators.filter((i) => i.heavy !== null).sort((a, b) => a.heavy! - b.heavy!);

function scenarios(b: BenchDatabase): Scenario[] {
  const { world: w, handle } = b;
  const db = handle.db;
  // Four counts and a percentage, none cumulative, over the last 12 months.
  const pivotAsk: PivotAsk = { indicators: [1, 2, 3, 4, 6].map((k) => heavy(w)[k]!), fromMonth: LAST_MONTH - 11, toMonth: LAST_MONTH };
  // The dashboard's detail on the first heavy indicator (cumulative), as if picked on the page.
  const detail: WorldIndicator = heavy(w)[0]!;
  return [
    {
      name: 'pivot',
      description: '5 indicators × 12 months × admin2 × sex × age',
      target: { p50: 300, p95: 1500 },
      product: async (c) => {
        const r = await c.post<PivotResult>('/pivot', pivotDefinition(w, pivotAsk));
        return { figures: pivotFigures(r.body), bytes: r.bytes };
      },
      hand: () => handPivot(db, w, pivotAsk),
    },
    {
      name: 'iptt',
      description: `IPTT of the ${w.indicators.length}-indicator project, 5 years by quarter, every sex and age row`,
      target: { p50: 300 },
      product: async (c) => {
        const r = await c.get<Iptt>(ipttUrl(w));
        return { figures: ipttFigures(r.body), bytes: r.bytes };
      },
      hand: () => handIptt(db, w),
    },
    {
      name: 'dashboard',
      description: 'project dashboard: summary, then trend (quarterly) and admin1 areas of one indicator',
      target: { p95: 2000 },
      product: async (c) => {
        const r = await dashboardRequests(c, w, detail);
        return { figures: dashboardFigures(r), bytes: r.bytes };
      },
      hand: () => handDashboard(db, w, detail),
      productKeysOnly: true,
    },
  ];
}

export async function runScenarios(b: BenchDatabase, log: (line: string) => void, only: string[] = []): Promise<ScenarioResult[]> {
  const client = await openClient(b.handle, b.world);
  const results: ScenarioResult[] = [];
  try {
    for (const s of scenarios(b).filter((x) => !only.length || only.includes(x.name))) {
      log(`  ${s.name}: ${s.description}`);
      const product = await timed(() => s.product(client));
      const hand = await timed(s.hand);
      const agreement = compareFigures(product.last.figures, hand.last, s.productKeysOnly);
      const t = product.timing;
      const withinTarget = (s.target.p50 === undefined || t.p50 <= s.target.p50) && (s.target.p95 === undefined || t.p95 <= s.target.p95);
      results.push({ name: s.name, description: s.description, target: s.target, product: t, hand: hand.timing, ratio: t.p50 / hand.timing.p50, agreement, bytes: product.last.bytes, withinTarget });
      log(`    product p50 ${t.p50.toFixed(0)} ms, p95 ${t.p95.toFixed(0)} ms; hand-written SQL p50 ${hand.timing.p50.toFixed(0)} ms; ${agreement.compared.toLocaleString('en')} figures compared, ${agreement.mismatches.length} differ`);
      for (const m of agreement.mismatches.slice(0, 5)) log(`    !! MISMATCH ${m.key}: product ${m.product}, hand-written ${m.hand}`);
    }
  } finally {
    await client.close();
  }
  return results;
}
