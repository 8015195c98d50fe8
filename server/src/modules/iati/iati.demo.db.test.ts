import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IatiCheck } from '@shared/schemas/iati.js';
import { seedDemo } from '../../db/seed/demo.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { readActivities } from './iati.test-reader.js';
import { validateIatiXml } from './iati.test-validator.js';

/** The demo workspace's projects, as its M&E officer would publish them. */
let t: TestApp;
let projectIds: string[];
let meOfficerId: string;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db, 'demo-password-for-tests');
  projectIds = (await t.db.selectFrom('projects').select('id').orderBy('code').execute()).map((p) => p.id);
  meOfficerId = (await t.db.selectFrom('users').select('id').where('email', '=', 'me@fieldbook.demo').executeTakeFirstOrThrow()).id;
}, 120_000);
afterAll(async () => t.close());

describe('the demo workspace as IATI open data', () => {
  it('has nothing blocking in any project', async () => {
    const res = await (await t.as(meOfficerId)).get(`/api/iati/check?projectIds=${projectIds.join(',')}`);
    expect(res.statusCode, res.body).toBe(200);
    const check = res.json() as IatiCheck;
    expect(check.projects.flatMap((p) => p.problems.filter((x) => x.severity === 'error').map((x) => `${p.code}: ${x.message}`))).toEqual([]);
    expect(check.ready).toBe(true);
  });

  it('exports every project in one file that the IATI 2.03 schema accepts', async () => {
    const res = await (await t.as(meOfficerId)).get(`/api/iati/activities.xml?projectIds=${projectIds.join(',')}`);
    expect(res.statusCode, res.body.slice(0, 2000)).toBe(200);
    const result = validateIatiXml(res.body);
    expect(result.errors).toBe('');
    expect(result.valid).toBe(true);
    const activities = readActivities(res.body);
    expect(activities).toHaveLength(projectIds.length);
    // The demo reports real figures: some activity carries results with approved actuals by disaggregation.
    const actuals = activities.flatMap((a) => a.results.flatMap((r) => r.indicators.flatMap((i) => i.periods.flatMap((p) => p.actuals))));
    expect(actuals.length).toBeGreaterThan(0);
    expect(actuals.some((v) => v.dimensions.length > 0)).toBe(true);
  });
});
