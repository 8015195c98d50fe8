import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './common.js';

/**
 * Budget versus actual (shared/src/domain/budget-analysis.ts computes it). Every `*Minor` figure is
 * an integer of the minor unit of the response's `currency` (the budget's); percentages have one
 * decimal and are null where their divisor is zero.
 */
export const BudgetAnalysisQuery = z.strictObject({
  /** Defaults to today (UTC). */
  asOf: IsoDateSchema.optional(),
});

const money = z.number().int();
const pct = z.number().nullable();

const BudgetAnalysisFiguresSchema = z.object({
  budgetMinor: money,
  originalMinor: money,
  plannedToDateMinor: money,
  actualMinor: money,
  pendingMinor: money,
  varianceMinor: money,
  variancePct: pct,
  remainingMinor: money,
  burnPct: pct,
  timeElapsedPct: pct,
  forecastMinor: money.nullable(),
  forecastVarianceMinor: money.nullable(),
  overBudget: z.boolean(),
  overThreshold: z.boolean(),
});
export type BudgetAnalysisFigures = z.infer<typeof BudgetAnalysisFiguresSchema>;

export const BudgetAnalysisLineSchema = BudgetAnalysisFiguresSchema.extend({
  lineId: IdSchema,
  code: z.string(),
  category: z.string(),
  description: z.string(),
  resultNodeId: IdSchema.nullable(),
  activityId: IdSchema.nullable(),
});
export type BudgetAnalysisLine = z.infer<typeof BudgetAnalysisLineSchema>;

export const BudgetAnalysisCostSchema = z.object({
  indicatorId: IdSchema,
  indicatorCode: z.string(),
  indicatorName: z.string(),
  unit: z.string(),
  /** The indicator's approved life-of-project actual (from the IPTT). */
  indicatorActual: z.number(),
  /** Actual spending of the lines linked to the result, in minor units. */
  costMinor: money,
  /** costMinor ÷ indicatorActual, rounded half away from zero to a minor unit. */
  costPerUnitMinor: money.nullable(),
});
export type BudgetAnalysisCost = z.infer<typeof BudgetAnalysisCostSchema>;

export const BudgetAnalysisResultSchema = BudgetAnalysisFiguresSchema.extend({
  resultNodeId: IdSchema.nullable(),
  code: z.string().nullable(),
  title: z.string().nullable(),
  lineCodes: z.array(z.string()),
  costPerOutput: z.array(BudgetAnalysisCostSchema),
});
export type BudgetAnalysisResult = z.infer<typeof BudgetAnalysisResultSchema>;

export const BudgetAnalysisPeriodSchema = z.object({
  key: z.string(),
  /** The period as the reader's language says it (`Q2 2026`, `T2 2026`, `mars 2026`). */
  label: z.string(),
  start: IsoDateSchema,
  end: IsoDateSchema,
  budgetMinor: money,
  plannedToDateMinor: money,
  actualMinor: money,
  pendingMinor: money,
  varianceMinor: money,
  state: z.enum(['ended', 'current', 'future']),
});

export const BudgetAnalysisRateSchema = z.object({
  currency: z.string(),
  rate: z.string(),
  source: z.string(),
  rateDate: IsoDateSchema.nullable(),
  count: z.number().int(),
  /** In the currency paid (its minor unit). */
  amountPaidMinor: money,
  /** In the budget currency. */
  amountBudgetMinor: money,
});
export type BudgetAnalysisRate = z.infer<typeof BudgetAnalysisRateSchema>;

export const BudgetAnalysisSchema = z.object({
  budget: z.object({
    id: IdSchema,
    projectId: IdSchema,
    title: z.string(),
    currency: z.string(),
    startDate: IsoDateSchema,
    endDate: IsoDateSchema,
    periodType: z.string(),
    varianceThresholdPct: z.number(),
    /** The version in force (null: no approved version yet, every figure is empty). */
    versionNumber: z.number().int().nullable(),
  }),
  asOf: IsoDateSchema,
  daysElapsed: z.number().int(),
  totalDays: z.number().int(),
  timeElapsedPct: pct,
  total: BudgetAnalysisFiguresSchema,
  lines: z.array(BudgetAnalysisLineSchema),
  categories: z.array(BudgetAnalysisFiguresSchema.extend({ category: z.string(), lineCount: z.number().int() })),
  results: z.array(BudgetAnalysisResultSchema),
  periods: z.array(BudgetAnalysisPeriodSchema),
  rates: z.array(BudgetAnalysisRateSchema),
});
export type BudgetAnalysis = z.infer<typeof BudgetAnalysisSchema>;

/** The project dashboard's card: each budget in force, headline figures only. */
export const BudgetAnalysisSummarySchema = z.object({
  asOf: IsoDateSchema,
  budgets: z.array(
    z.object({
      id: IdSchema,
      title: z.string(),
      currency: z.string(),
      budgetMinor: money,
      actualMinor: money,
      pendingMinor: money,
      burnPct: pct,
      timeElapsedPct: pct,
      forecastMinor: money.nullable(),
      overBudget: z.boolean(),
      linesOverThreshold: z.number().int(),
      linesOverBudget: z.number().int(),
    }),
  ),
});
export type BudgetAnalysisSummary = z.infer<typeof BudgetAnalysisSummarySchema>;
