import { combinations } from '@shared/domain/disaggregations.js';
import { periodsBetween } from '@shared/domain/periods.js';
import type { SubmissionDetail, ValueChange } from '@shared/schemas/reporting.js';
import { CreateRoundBody, SaveNarrativesBody, SaveValuesBody } from '@shared/schemas/reporting.js';
import type { Ctx } from '../../lib/context.js';
import { loadActor } from '../../modules/auth/auth.service.js';
import { saveNarratives } from '../../modules/reporting/narratives.service.js';
import { approveSubmission, returnSubmission, submitSubmission } from '../../modules/reporting/review.service.js';
import { createRound } from '../../modules/reporting/rounds.write.service.js';
import { getSubmission } from '../../modules/reporting/submissions.service.js';
import { saveValues } from '../../modules/reporting/values.service.js';
import { DEMO_REPORTING, type DemoReportingPlan } from './demo-reporting-plans.js';

/**
 * Reporting rounds for the demo workspace, made through the same services as the app (validated
 * and audited, each step by the person who would do it): past quarters approved, the last one
 * returned or waiting for review, the current one in draft. Rounds are placed relative to today so
 * the demo always has something due, whenever it is seeded. Values come from a seeded generator so
 * that the figures are the same on every run on the same day.
 */
export interface ReportingIds {
  project: (code: string) => string;
  organisation: (key: string) => string;
  user: (email: string) => string;
  location: (pcode: string) => string;
  fyStartMonth: (organisationKey: string) => number;
}

const TRANSLATE_CONFIG = { TRANSLATE_URL: undefined, TRANSLATE_API_KEY: undefined };

export async function seedReporting(ctx: Ctx, ids: ReportingIds, today = new Date().toISOString().slice(0, 10)): Promise<void> {
  for (const plan of DEMO_REPORTING) await seedPlan(ctx, ids, plan, today);
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function seedPlan(ctx: Ctx, ids: ReportingIds, plan: DemoReportingPlan, today: string) {
  const projectId = ids.project(plan.project);
  const project = await ctx.db.selectFrom('projects').select(['start_date', 'end_date']).where('id', '=', projectId).executeTakeFirstOrThrow();
  const periods = periodsBetween(project.start_date, project.end_date, plan.periodType, ids.fyStartMonth(plan.lead)).filter((p) => p.start <= today);
  const chosen = periods.slice(-plan.states.length);
  const as = async (email: string): Promise<Ctx> => ({ ...ctx, actor: await loadActor(ctx.db, ids.user(email)) });
  const manager = await as(plan.manager);
  const reporter = await as(plan.reporter);
  const reviewer = await as(plan.reviewer);

  for (const [i, period] of chosen.entries()) {
    const state = plan.states[plan.states.length - chosen.length + i]!;
    const current = i === chosen.length - 1;
    const dueDate = current ? [addDays(period.end, 20), addDays(today, 10)].sort().at(-1)! : addDays(period.end, 20);
    const round = await createRound(
      manager,
      projectId,
      CreateRoundBody.parse({
        periodType: plan.periodType,
        periodKey: period.key,
        dueDate,
        title: plan.title(period.key),
        reporters: [{ organisationId: ids.organisation(plan.organisation), locationIds: plan.locations.map(ids.location) }],
      }),
    );
    if (state === 'empty') continue;
    const submissionId = round.submissions[0]!.id;
    const detail = await getSubmission(reporter, submissionId);
    const step = chosen.length - 1 - i; // 0 = the current period, counting back.
    const changes = valuesFor(detail, plan, step, state === 'partial');
    const outlierId = findIndicator(detail, plan.outlier.indicator).id;
    const flagged = changes.find((c) => c.indicatorId === outlierId && c.locationId === ids.location(plan.outlier.location) && !c.optionIds?.length);
    // The returned package: one total entered three times too high, which the reviewer queries.
    if (state === 'returned' && typeof flagged?.value === 'number') flagged.value *= 3;
    await saveValues(reporter, submissionId, SaveValuesBody.parse({ changes }));
    if (state === 'partial') continue;
    await saveNarratives(reporter, submissionId, SaveNarrativesBody.parse({ language: plan.language, sections: plan.narratives(period.key) }), TRANSLATE_CONFIG);
    let version = (await getSubmission(reporter, submissionId)).submission.version;
    await submitSubmission(reporter, submissionId, { version });
    version += 1;
    const submittedOn = sentOn(dueDate, step, today);
    await backdate(ctx, submissionId, 'submit', submittedOn);
    if (state === 'submitted') continue;
    if (state === 'returned') {
      await returnSubmission(reviewer, submissionId, {
        version,
        comment: plan.outlier.packageComment,
        valueComments: [{ indicatorId: outlierId, locationId: ids.location(plan.outlier.location), optionIds: [], body: plan.outlier.valueComment }],
      });
      await backdate(ctx, submissionId, 'return', [addDays(submittedOn, 4), today].sort()[0]!);
      continue;
    }
    await approveSubmission(reviewer, submissionId, { version, comment: '' });
    await backdate(ctx, submissionId, 'approve', [addDays(submittedOn, 6), today].sort()[0]!);
  }
}

/**
 * When the partner would have sent a past package: a few days before the due date, except the
 * package three periods back, sent five days late — so the dashboards' timeliness has a story.
 */
function sentOn(dueDate: string, step: number, today: string): string {
  const day = step === 3 ? addDays(dueDate, 5) : addDays(dueDate, -2 - (step % 3));
  return [day, today].sort()[0]!;
}

/**
 * The seed runs today; a demo's history should not. Moves a review step (the package's own date
 * and its event) to the day it would have happened, for timeliness and the activity timeline.
 */
async function backdate(ctx: Ctx, submissionId: string, action: 'submit' | 'return' | 'approve', day: string): Promise<void> {
  const at = `${day}T09:30:00.000Z`;
  await ctx.db.updateTable('submission_events').set({ at }).where('submission_id', '=', submissionId).where('action', '=', action).execute();
  await ctx.db
    .updateTable('submissions')
    .set(action === 'submit' ? { submitted_at: at } : { decided_at: at })
    .where('id', '=', submissionId)
    .execute();
}

const findIndicator = (detail: SubmissionDetail, code: string) => {
  const found = detail.indicators.find((i) => i.code === code);
  if (!found) throw new Error(`Demo reporting: no indicator ${code}`);
  return found;
};

/** A small deterministic generator (mulberry32), seeded per cell, so demo figures never change between runs. */
function random(seed: string): () => number {
  let h = 1779033703;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 3432918353);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Plausible values for every cell of the package; older periods a little lower, as programmes ramp up. */
function valuesFor(detail: SubmissionDetail, plan: DemoReportingPlan, step: number, partial: boolean): ValueChange[] {
  const changes: ValueChange[] = [];
  const places = detail.locations.length ? detail.locations.map((l) => l.id) : [null];
  // Half filled: the higher-level results first (by level, then code), as field teams report outcomes before outputs.
  const byLevel = [...detail.indicators].sort((a, b) => a.resultNode.level - b.resultNode.level || a.code.localeCompare(b.code));
  const indicators = partial ? byLevel.slice(0, Math.ceil(byLevel.length / 2)) : detail.indicators;
  for (const indicator of indicators) {
    for (const locationId of places) {
      const rnd = random(`${plan.project}|${indicator.code}|${locationId}|${detail.round.periodKey}`);
      const scale = (plan.scale[indicator.code] ?? 60) * (1 - 0.06 * step);
      switch (indicator.type) {
        case 'qualitative':
          changes.push({ indicatorId: indicator.id, locationId, text: plan.qualitative });
          break;
        case 'yes_no':
          changes.push({ indicatorId: indicator.id, locationId, value: step > 2 ? 0 : 1 });
          break;
        case 'percentage': {
          const denominator = Math.round(scale * (0.8 + rnd() * 0.4));
          const [low, high] = plan.shares[indicator.code] ?? [0.55, 0.85];
          const numerator = Math.round(denominator * (low + rnd() * (high - low)));
          changes.push({ indicatorId: indicator.id, locationId, numerator, denominator });
          break;
        }
        default: {
          const combos = combinations(indicator.categories);
          if (combos.length > 1) {
            let total = 0;
            for (const optionIds of combos) {
              const value = Math.round((scale / combos.length) * (0.6 + rnd() * 0.8));
              total += value;
              changes.push({ indicatorId: indicator.id, locationId, optionIds, value });
            }
            changes.push({ indicatorId: indicator.id, locationId, value: total });
          } else {
            changes.push({ indicatorId: indicator.id, locationId, value: Math.round(scale * (0.7 + rnd() * 0.6)) });
          }
        }
      }
    }
  }
  return changes;
}
