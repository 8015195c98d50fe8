import type { DetailInput } from '../../lib/errors.js';
import type { DataSheet } from './framework-template.js';
import type { RawRow } from './workbook-reader.js';
import type { Plain } from './xlsx-cells.js';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const YES = new Set(['yes', 'y', 'true', '1', 'oui', 'sí', 'si', 'نعم']);
const NO = new Set(['no', 'n', 'false', '0', 'non', 'لا']);

/**
 * Reads typed values out of one row and records a problem (sheet, row, column, reason) for each
 * cell that does not fit. Every getter returns undefined when the file has no such column, so an
 * update can leave the field as it is; `ok` turns false after the first problem.
 */
export class RowReader {
  ok = true;
  constructor(
    private readonly sheet: DataSheet,
    readonly raw: RawRow,
    private readonly problems: DetailInput[],
  ) {}

  get row() {
    return this.raw.row;
  }

  fail(column: string, reason: string, params?: Record<string, string | number>) {
    this.ok = false;
    this.problems.push({ sheet: this.sheet, row: this.raw.row, column, reason, ...(params && { params }) });
  }

  has(key: string) {
    return this.raw.cells[key] !== undefined;
  }

  /** The cell as text: numbers keep their digits (a code typed as 1.1), dates become YYYY-MM-DD. */
  private asText(v: Plain): string {
    if (v === null) return '';
    if (v instanceof Date) return isoDay(v);
    return String(v).trim();
  }

  text(key: string, max: number, required = false): string | undefined {
    if (!this.has(key)) return undefined;
    const s = this.asText(this.raw.cells[key]!);
    if (required && !s) this.fail(key, 'required');
    else if (s.length > max) this.fail(key, 'too_long', { maximum: max });
    return s;
  }

  /** A code from a closed list, matched without regard to case; empty gives the fallback (undefined = required). */
  choice<T extends string>(key: string, values: readonly T[], fallback?: T): T | undefined {
    if (!this.has(key)) return undefined;
    const s = this.asText(this.raw.cells[key]!).toLowerCase();
    if (!s) {
      if (fallback === undefined) this.fail(key, 'required');
      return fallback;
    }
    const hit = values.find((v) => v === s);
    if (!hit) this.fail(key, 'not_in_list', { value: s, allowed: values.join(', ') });
    return hit;
  }

  number(key: string, required = false): number | null | undefined {
    if (!this.has(key)) return undefined;
    const v = this.raw.cells[key]!;
    if (v === null) {
      if (required) this.fail(key, 'required');
      return null;
    }
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?(\d+\.?\d*|\.\d+)$/.test(v.replace(/\s/g, '')) ? Number(v.replace(/\s/g, '')) : NaN;
    if (!Number.isFinite(n)) {
      this.fail(key, 'not_a_number', { value: this.asText(v) });
      return null;
    }
    return n;
  }

  /** YYYY-MM-DD text or an Excel date cell. */
  date(key: string): string | null | undefined {
    if (!this.has(key)) return undefined;
    const v = this.raw.cells[key]!;
    if (v === null) return null;
    const s = v instanceof Date ? isoDay(v) : this.asText(v);
    const probe = /^\d{4}-\d{2}-\d{2}$/.test(s) ? new Date(`${s}T00:00:00Z`) : null;
    if (!probe || Number.isNaN(probe.getTime()) || isoDay(probe) !== s) {
      this.fail(key, 'invalid_date');
      return null;
    }
    return s;
  }

  /** yes/no (also true/false, 1/0, an Excel TRUE/FALSE, and yes/no in the interface languages); empty = no. */
  yesNo(key: string): boolean | undefined {
    if (!this.has(key)) return undefined;
    const v = this.raw.cells[key]!;
    if (v === null) return false;
    if (typeof v === 'boolean') return v;
    const s = this.asText(v).toLowerCase();
    if (YES.has(s)) return true;
    if (NO.has(s)) return false;
    this.fail(key, 'not_yes_no', { value: s });
    return undefined;
  }
}
