import type { CellInput } from '@shared/domain/submission-checks.js';
import type { DetailInput } from '../../../lib/errors.js';
import type { ReadColumn } from './columns.js';
import { type DecimalMark, parseNumber } from './numbers.js';
import type { FrameIndicator, FrameLocation, PackageFrame } from './package-frame.js';

/** A cell as read from the file: text, a number, empty, or a reason it cannot be read (an Excel error). */
export type FileCell = string | number | null | { unreadable: string };

export interface ParsedRow {
  input: CellInput;
  indicator: FrameIndicator;
  /** Index of the indicator and place in the frame, for the compact duplicate key. */
  indicatorIndex: number;
  locationIndex: number;
}

const TEXT_MAX = 5_000;
const COMMENT_MAX = 2_000;

/** Undo csv-safe.ts: the export prefixes text starting with = + - @ with an apostrophe. */
const unneutralise = (text: string) => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);

const asText = (cell: FileCell): string => (cell === null || typeof cell === 'object' ? '' : typeof cell === 'number' ? String(cell) : cell.trim());

/**
 * Turns one row of the file into a change for the entry checks: codes resolved to the package's
 * indicators, places and options, numbers read in the file's decimal style. Problems name the row and column.
 */
export class RowParser {
  private readonly indicators: Map<string, number>;
  private readonly locations: Map<string, number>;
  /** Per indicator, disaggregation codes already resolved (a file repeats the same few thousand times). */
  private readonly disaggregations = new Map<string, { optionIds: string[] } | DetailInput>();

  constructor(
    private readonly frame: PackageFrame,
    private readonly decimal: DecimalMark,
    private readonly sheet: string | undefined,
  ) {
    this.indicators = new Map(frame.indicators.map((i, n) => [i.code.toLowerCase(), n]));
    this.locations = new Map(frame.locations.map((l, n) => [l.pcode.toLowerCase(), n]));
  }

  private problem(row: number, column: ReadColumn, reason: string, params?: Record<string, string | number>): DetailInput {
    return { ...(this.sheet && { sheet: this.sheet }), row, column, reason, ...(params && { params }) };
  }

  /** The change of a row, or its problems; null for a row with nothing in it. */
  parse(row: number, get: (column: ReadColumn) => FileCell): ParsedRow | DetailInput[] | null {
    const problems: DetailInput[] = [];
    const read = (column: ReadColumn): FileCell => {
      const cell = get(column);
      if (cell !== null && typeof cell === 'object') {
        problems.push(this.problem(row, column, cell.unreadable));
        return null;
      }
      return cell;
    };
    const code = asText(read('indicator_code'));
    const pcode = asText(read('location_pcode'));
    const codes = asText(read('disaggregation_codes'));
    const numbers = { value: null as number | null, numerator: null as number | null, denominator: null as number | null };
    for (const column of ['value', 'numerator', 'denominator'] as const) {
      const raw = read(column);
      const n = parseNumber(raw as string | number | null, this.decimal);
      if (n === undefined) problems.push(this.problem(row, column, 'not_a_number', { value: String(raw) }));
      else numbers[column] = n;
    }
    const text = unneutralise(asText(read('text')));
    const comment = unneutralise(asText(read('comment')));
    if (!code && !pcode && !codes && !text && !comment && numbers.value === null && numbers.numerator === null && numbers.denominator === null && problems.length === 0) return null;
    if (text.length > TEXT_MAX) problems.push(this.problem(row, 'text', 'too_long', { maximum: TEXT_MAX }));
    if (comment.length > COMMENT_MAX) problems.push(this.problem(row, 'comment', 'too_long', { maximum: COMMENT_MAX }));

    if (!code) return [...problems, this.problem(row, 'indicator_code', 'required')];
    const indicatorIndex = this.indicators.get(code.toLowerCase());
    if (indicatorIndex === undefined) return [...problems, this.problem(row, 'indicator_code', 'unknown_code', { code })];
    const indicator = this.frame.indicators[indicatorIndex]!;

    let location: FrameLocation | null = null;
    let locationIndex = 0;
    if (this.frame.locations.length === 0) {
      if (pcode) problems.push(this.problem(row, 'location_pcode', 'location_not_in_package', { code: pcode }));
    } else if (!pcode) {
      problems.push(this.problem(row, 'location_pcode', 'required'));
    } else {
      const n = this.locations.get(pcode.toLowerCase());
      if (n === undefined) problems.push(this.problem(row, 'location_pcode', 'location_not_in_package', { code: pcode }));
      else {
        location = this.frame.locations[n]!;
        locationIndex = n + 1;
      }
    }
    const options = this.options(indicator, codes, row);
    if (!('optionIds' in options)) problems.push(options);
    if (problems.length) return problems;
    return {
      input: {
        indicatorId: indicator.id, locationId: location?.id ?? null, optionIds: (options as { optionIds: string[] }).optionIds,
        ...numbers, text: text === '' ? null : text, comment,
      },
      indicator,
      indicatorIndex,
      locationIndex,
    };
  }

  /** `sex=female|age=0-4` → option ids (the entry checks put them in category order and refuse two of one category). */
  private options(indicator: FrameIndicator, codes: string, row: number): { optionIds: string[] } | DetailInput {
    const memo = `${indicator.id}\u0000${codes}`;
    const known = this.disaggregations.get(memo);
    if (known) return 'optionIds' in known ? known : { ...known, row };
    const result = this.resolve(indicator, codes, row);
    if (this.disaggregations.size < 100_000) this.disaggregations.set(memo, result);
    return result;
  }

  private resolve(indicator: FrameIndicator, codes: string, row: number): { optionIds: string[] } | DetailInput {
    const optionIds: string[] = [];
    for (const pair of codes === '' ? [] : codes.split('|')) {
      const [categoryCode = '', optionCode, ...rest] = pair.split('=').map((p) => p.trim());
      if (!categoryCode || optionCode === undefined || rest.length) return this.problem(row, 'disaggregation_codes', 'bad_disaggregation', { value: pair });
      const category = indicator.categories.find((c) => c.code.toLowerCase() === categoryCode.toLowerCase());
      if (!category) return this.problem(row, 'disaggregation_codes', 'category_not_on_indicator', { code: categoryCode });
      const option = category.options.find((o) => o.code.toLowerCase() === optionCode.toLowerCase());
      if (!option) return this.problem(row, 'disaggregation_codes', 'unknown_option_code', { category: category.code, option: optionCode });
      optionIds.push(option.id);
    }
    return { optionIds };
  }
}
