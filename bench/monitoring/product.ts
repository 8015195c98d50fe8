// The product's side of each scenario: the same HTTP requests the web pages send, through the real
// app (`app.inject`, routes, validation, access, services, the engine, serialisation and
// compression), signed in as an installation admin. Each answer is read back into the keyed
// figures hand-sql.ts produces, so the two can be compared number by number.
import zlib from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import type { DashboardSummary, Iptt, PivotDefinitionInput, PivotResult, AreaRanking, Trend } from '@shared/schemas/monitoring.js';
import { type App, buildApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import type { DatabaseHandle } from '../../server/src/db/database.js';
import { SESSION_COOKIE } from '../../server/src/plugins/auth.js';
import { sessionFor } from '../../server/src/test/factories.js';
import type { Figures, PivotAsk } from './hand-sql.js';
import { monthDate } from './shape.js';
import type { World, WorldIndicator } from './world.js';

export interface Reply<T> {
  body: T;
  /** Bytes on the wire (compressed as a browser asks). */
  bytes: number;
}

export interface Client {
  get<T>(url: string): Promise<Reply<T>>;
  post<T>(url: string, body: unknown): Promise<Reply<T>>;
  close(): Promise<void>;
}

function decode<T>(res: LightMyRequestResponse): Reply<T> {
  if (res.statusCode !== 200) throw new Error(`${res.statusCode} from the API: ${res.body.slice(0, 500)}`);
  const raw = res.rawPayload;
  const encoding = res.headers['content-encoding'];
  const text = encoding === 'br' ? zlib.brotliDecompressSync(raw) : encoding === 'gzip' ? zlib.gunzipSync(raw) : raw;
  return { body: JSON.parse(text.toString('utf8')) as T, bytes: raw.length };
}

/** The app on the benchmark database, and an admin's session on it. */
export async function openClient(handle: DatabaseHandle, w: World): Promise<Client> {
  const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: '/tmp/fieldbook-bench-monitoring', SEED_DEMO: 'false', LOG_LEVEL: 'silent' });
  // BENCH_LOG=1 logs the app's errors (a 500 otherwise says only its request id).
  const app: App = await buildApp({ config, database: handle, webRoot: null, logger: process.env.BENCH_LOG ? { level: 'error' } : false });
  await app.ready();
  const session = await sessionFor(handle.db, w.adminUserId);
  // What a browser sends: the session cookie, CSRF token on writes, and compression it accepts.
  const headers = { cookie: `${SESSION_COOKIE}=${session.token}`, 'accept-encoding': 'gzip, deflate, br', accept: 'application/json' };
  return {
    get: async <T>(url: string) => decode<T>(await app.inject({ method: 'GET', url: `/api${url}`, headers })),
    post: async <T>(url: string, body: unknown) =>
      decode<T>(await app.inject({ method: 'POST', url: `/api${url}`, headers: { ...headers, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' }, payload: JSON.stringify(body) })),
    close: () => app.close(),
  };
}

// ---------------------------------------------------------------------------------------------

export function pivotDefinition(w: World, ask: PivotAsk): PivotDefinitionInput {
  const last = new Date(Date.UTC(Math.floor(ask.toMonth / 12), (ask.toMonth % 12) + 1, 0)).toISOString().slice(0, 10);
  return {
    indicatorIds: ask.indicators.map((i) => i.id),
    rows: [{ type: 'indicator' }, { type: 'location', level: 'admin2' }, { type: 'category', categoryId: w.sexCategoryId }, { type: 'category', categoryId: w.ageCategoryId }],
    columns: [{ type: 'period', granularity: 'month' }],
    filters: { from: monthDate(ask.fromMonth), to: last, locationIds: [], organisationIds: [], options: {} },
    includePending: false,
  };
}

/** Cells keyed like handPivot: indicatorId|admin2Id|YYYY-MM|sexOptionId|ageOptionId. */
export function pivotFigures(r: PivotResult): Figures {
  const out: Figures = new Map();
  r.rowMembers.forEach((members, i) => {
    r.columnMembers.forEach((columns, j) => {
      const cell = r.cells[i]?.[j];
      if (cell) out.set(`${members[0]!.key}|${members[1]!.key}|${columns[0]!.key}|${members[2]!.key}|${members[3]!.key}`, cell.value);
    });
  });
  return out;
}

export const ipttUrl = (w: World) => `/iptt?scope=project&id=${w.projectId}&granularity=quarter&from=2021-01-01&to=2025-12-31`;

/** Cells keyed like handIptt: indicatorId|quarter or LOP|optionId ('' for the indicator's own row). */
export function ipttFigures(r: Iptt): Figures {
  const out: Figures = new Map();
  for (const row of r.rows) {
    if (row.kind !== 'indicator' && row.kind !== 'disaggregation') continue;
    const option = row.kind === 'disaggregation' ? row.optionId : '';
    row.periods.forEach((cell, i) => out.set(`${row.indicatorId}|${r.periods[i]!.key}|${option}`, cell.actual?.value ?? null));
    out.set(`${row.indicatorId}|LOP|${option}`, row.lop.actual?.value ?? null);
  }
  return out;
}

export interface DashboardReplies {
  summary: DashboardSummary;
  trend: Trend;
  areas: AreaRanking;
  bytes: number;
}

/** What the dashboard page asks: the summary first, then the chosen indicator's trend and areas side by side. */
export async function dashboardRequests(c: Client, w: World, ind: WorldIndicator): Promise<DashboardReplies> {
  const base = `/dashboards/project/${w.projectId}`;
  const summary = await c.get<DashboardSummary>(`${base}?includePending=false`);
  const [trend, areas] = await Promise.all([
    c.get<Trend>(`${base}/trend?indicatorId=${ind.id}&granularity=quarter&includePending=false`),
    c.get<AreaRanking>(`${base}/areas?indicatorId=${ind.id}&level=admin1&limit=5&includePending=false`),
  ]);
  return { summary: summary.body, trend: trend.body, areas: areas.body, bytes: summary.bytes + trend.bytes + areas.bytes };
}

/** Keyed like handDashboard (only the areas the ranking returns). */
export function dashboardFigures(d: DashboardReplies): Figures {
  const out: Figures = new Map();
  for (const p of d.summary.progress) out.set(`progress|${p.indicatorId}`, p.actual?.value ?? null);
  for (const c of d.summary.completeness) {
    out.set(`completeness|${c.periodKey}|submitted`, c.submitted);
    out.set(`completeness|${c.periodKey}|approved`, c.approved);
    out.set(`completeness|${c.periodKey}|onTime`, c.onTime);
  }
  for (const p of d.trend.points) out.set(`trend|${p.key}`, p.actual?.value ?? null);
  for (const a of [...d.areas.top, ...d.areas.bottom]) out.set(`area|${a.locationId}`, a.figure.value);
  return out;
}
