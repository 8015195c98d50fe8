import type { Locale } from '@shared/locales.js';

/**
 * A donor report as data, ready to render: report assembly (report-assembly.*) turns a template
 * version, a scope, a period and a language into one ReportDocument; the renderers
 * (render-docx.ts, render-xlsx.ts, render-pdf.ts) turn it into files and know nothing about the
 * database. Every string here is plain text as users typed it or as the app translated it: the
 * renderers escape it for their format (no markup, no formulas).
 */
export interface ReportDocument {
  language: Locale;
  /** Arabic is laid out right to left. */
  direction: 'ltr' | 'rtl';
  /** The report's title (also the file's title property). */
  title: string;
  /** The organisation that produced it (file author property, page footers). */
  organisationName: string;
  cover: ReportCover | null;
  sections: ReportDocSection[];
  /** Interface words the renderers print, already in the report's language. */
  labels: ReportLabels;
}

export interface ReportCover {
  title: string;
  /** e.g. the project's code and title, or the programme's name. */
  subtitle: string;
  /** Label and value lines: donor, agreement number, period, organisation, date generated. */
  lines: { label: string; value: string }[];
  /** The cover section's fixed text in the report's language, e.g. a donor's funding statement; empty when none. */
  statement?: string;
  logo: { mediaType: 'image/png' | 'image/jpeg'; content: Buffer; width: number; height: number } | null;
}

export interface ReportLabels {
  /** "Contents" */
  contents: string;
  /** "Page {n} of {total}": the renderers substitute {n} and {total}. */
  pageOf: string;
  /** Marks a table row whose figures include values not yet approved. */
  pendingMark: string;
  /** Heading of the note listing untranslated passages, when there are any. */
  untranslated: string;
}

export interface ReportDocSection {
  key: string;
  title: string;
  blocks: ReportBlock[];
}

export type ReportBlock = HeadingBlock | ParagraphBlock | BulletsBlock | TableBlock;

/** A heading under the section title (the section title itself is level 1). */
export interface HeadingBlock {
  type: 'heading';
  level: 2 | 3;
  text: string;
}

export interface ParagraphBlock {
  type: 'paragraph';
  /** Line breaks in the text are kept. */
  text: string;
  /**
   * normal; fixed (a template's fixed wording); note (small print, e.g. a source);
   * untranslated (a passage left in its original language, flagged as such).
   */
  style?: 'normal' | 'fixed' | 'note' | 'untranslated';
  /** The language of the text when it differs from the report's. */
  language?: Locale;
}

export interface BulletsBlock {
  type: 'bullets';
  items: string[];
}

/**
 * A table. In DOCX its header rows repeat on every page; in XLSX it is a sheet of its own (named
 * sheetName, made unique and cut to 31 characters by the renderer), with numbers stored as numbers.
 */
export interface TableBlock {
  type: 'table';
  sheetName: string;
  caption?: string;
  /** An optional first header row of groups spanning several columns (e.g. a period over target / actual / % met). */
  headerGroups?: { label: string; span: number }[];
  columns: TableColumn[];
  rows: TableRow[];
}

export interface TableColumn {
  label: string;
  /** text; number (shown with thousands separators, decimals only if it has some); percent (0–100, shown "85.3 %"). */
  kind: 'text' | 'number' | 'percent';
  /** For a number column: always exactly this many decimals (money in its currency's minor digits). */
  digits?: number;
  /** Relative width (default 1). */
  width?: number;
}

export type CellValue = string | number | null;

export interface TableRow {
  cells: CellValue[];
  /** level: a result-level row spanning the table (bold, shaded); total: bold; sub: indented (a disaggregation row). */
  emphasis?: 'level' | 'total' | 'sub';
  /** Some figure on the row includes values not yet approved (marked with labels.pendingMark). */
  pending?: boolean;
}
