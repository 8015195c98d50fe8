import ExcelJS from 'exceljs';
import { WORK_PLAN_SHEETS } from '@shared/schemas/workplans.js';
import type { Ctx } from '../../lib/context.js';
import { safeCell } from '../../lib/csv-safe.js';
import { styleHeader } from '../framework-io/xlsx-cells.js';
import * as repo from './workplans.repository.js';
import { loadPlan } from './workplans.service.js';
import { ACTIVITY_COLUMNS, MILESTONE_COLUMNS, type WorkbookColumn } from './workplans.workbook.js';

export interface Download {
  filename: string;
  content: Buffer;
}

/** A date as a date cell (midnight UTC) shown as YYYY-MM-DD. */
const asDate = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
/** Text as a plain string cell, with = + - @ at the start neutralised. */
const asText = (value: string | null) => (value ? safeCell(value) : null);

const DATE_KEYS = new Set(['planned_start', 'planned_end', 'actual_start', 'actual_end', 'due', 'done']);

function addSheet(wb: ExcelJS.Workbook, name: string, columns: readonly WorkbookColumn[], rows: Record<string, string | number | Date | null>[]) {
  const ws = wb.addWorksheet(name);
  ws.columns = columns.map((c) => ({ header: c.label, key: c.key, width: c.width ?? 16 }));
  for (const r of rows) {
    const row = ws.addRow([]);
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      // Values only: ExcelJS writes a formula only for a { formula } object, never for a string.
      cell.value = r[c.key] ?? null;
      if (DATE_KEYS.has(c.key)) cell.numFmt = 'yyyy-mm-dd';
    });
  }
  styleHeader(ws, 1, columns.length);
}

/** The plan's activities and milestones in the workbook the import reads back. Everyone who sees the project. */
export async function exportWorkPlan(ctx: Ctx, planId: string): Promise<Download> {
  const { plan, access } = await loadPlan(ctx, planId);
  const activities = await repo.activitiesOfPlan(ctx.db, planId);
  const milestones = await repo.milestonesOf(ctx.db, activities.map((a) => a.id));
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fieldbook';
  addSheet(
    wb,
    WORK_PLAN_SHEETS.activities,
    ACTIVITY_COLUMNS,
    activities.map((a) => ({
      code: asText(a.code),
      title: asText(a.title),
      result_code: asText(a.node_code),
      planned_start: asDate(a.planned_start),
      planned_end: asDate(a.planned_end),
      responsible: asText(a.responsible),
      team: asText(a.team),
      organisation: asText(a.organisation_name),
      location_pcode: asText(a.location_pcode),
      status: a.status,
      percent_complete: a.percent_complete,
      actual_start: asDate(a.actual_start),
      actual_end: asDate(a.actual_end),
      note: asText(a.status_note),
    })),
  );
  const codeOf = new Map(activities.map((a) => [a.id, a.code]));
  const byActivity = [...milestones].sort(
    (x, y) => activities.findIndex((a) => a.id === x.activity_id) - activities.findIndex((a) => a.id === y.activity_id) || x.position - y.position,
  );
  addSheet(
    wb,
    WORK_PLAN_SHEETS.milestones,
    MILESTONE_COLUMNS,
    byActivity.map((m) => ({
      activity_code: asText(codeOf.get(m.activity_id) ?? ''),
      kind: m.kind,
      title: asText(m.title),
      due: asDate(m.due_date),
      done: asDate(m.done_date),
    })),
  );
  const content = Buffer.from(await wb.xlsx.writeBuffer());
  const safeName = `${access.project.code}-work-plan-${plan.year}`.replace(/[^A-Za-z0-9._-]+/g, '_');
  return { filename: `${safeName}.xlsx`, content };
}
