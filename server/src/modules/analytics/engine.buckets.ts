import { periodOf } from '@shared/domain/periods.js';
import type { Granularity } from '@shared/schemas/monitoring.js';

/**
 * Period buckets as integers, so the SQL groups by a number computed from `month_start` (months
 * since year 0) instead of by a text key: bucket = (month_start + offset) ÷ length, integer division.
 * The offset aligns buckets on the fiscal year's first month (and keeps the dividend positive).
 */
const LENGTH: Record<Granularity, number> = { month: 1, quarter: 3, semester: 6, year: 12 };

export interface Buckets {
  granularity: Granularity;
  fyStartMonth: number;
  length: number;
  offset: number;
}

export function bucketsOf(granularity: Granularity, fyStartMonth: number): Buckets {
  if (!Number.isInteger(fyStartMonth) || fyStartMonth < 1 || fyStartMonth > 12) throw new RangeError(`Fiscal year start month must be 1–12, got ${fyStartMonth}`);
  const length = LENGTH[granularity];
  return { granularity, fyStartMonth, length, offset: length === 1 ? 0 : 13 - fyStartMonth };
}

/** The bucket a month (months since year 0) falls in; the same arithmetic as the SQL. */
export const bucketOfMonth = (b: Buckets, month: number): number => Math.floor((month + b.offset) / b.length);

const dateOfMonth = (month: number) => `${String(Math.floor(month / 12)).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}-01`;

/** The reporting period (key, first and last day) of a bucket, named as shared/src/domain/periods.ts names it. */
export function periodOfBucket(b: Buckets, bucket: number): { key: string; start: string; end: string } {
  const { key, start, end } = periodOf(dateOfMonth(bucket * b.length - b.offset), b.granularity, b.fyStartMonth);
  return { key, start, end };
}
