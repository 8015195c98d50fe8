import { Popover, Tooltip } from '@mantine/core';
import { IconAlertCircle, IconAlertTriangle, IconMessage, IconMessageExclamation, IconMessageFilled } from '@tabler/icons-react';
import { memo, type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmissionIndicator } from '@shared/schemas/index.js';
import { formatCell } from '../../results/targets/locale-number.js';
import { type CellContent, EMPTY_CONTENT, normalise, percentOf } from './grid-model.js';
import classes from './grid.module.css';
import { moveFocus, NumberField } from './NumberField.js';

export interface CellMarks {
  /** Reviewer comments on the cell not yet resolved. */
  openComments: number;
  /** Every reviewer comment on the cell. */
  comments: number;
  /** The outlier reason in words, for reviewers. */
  flag?: string;
}

export interface ValueCellProps {
  cellKey: string;
  type: SubmissionIndicator['type'];
  content: CellContent | undefined;
  /** "CODE, Place, Female · 0–4 years": names the cell for screen readers and the journeys. */
  label: string;
  readOnly: boolean;
  errors: string[] | undefined;
  marks: CellMarks | undefined;
  row: number;
  col: number;
  active: boolean;
  onChange: (key: string, content: CellContent) => void;
  onBadText: (key: string, bad: boolean) => void;
  onToggleDetails: (key: string | null) => void;
  /** The popover's content, rendered only for the active cell. */
  details: (key: string) => ReactNode;
}

const yesNoText = (v: number | null, t: (k: string) => string) => (v === null ? '' : v ? t('cell.yes') : t('cell.no'));

/**
 * One value in the grid: a number, a numerator and denominator with the computed percentage, a
 * yes/no choice or a text; with a button opening its comments and history. Read-only cells show the
 * value as text.
 */
export const ValueCell = memo(function ValueCell(p: ValueCellProps) {
  const { t } = useTranslation('submission');
  const problemId = useId();
  const c = p.content ?? EMPTY_CONTENT;
  const problems = p.errors?.length ? p.errors : null;
  const change = (patch: Partial<CellContent>) => p.onChange(p.cellKey, normalise({ ...c, ...patch }, p.type));
  const bad = (b: boolean) => p.onBadText(p.cellKey, b);
  const describedBy = problems ? problemId : undefined;

  let field: ReactNode;
  if (p.readOnly) {
    const text =
      p.type === 'yes_no'
        ? yesNoText(c.value, t)
        : p.type === 'qualitative'
          ? (c.text ?? '')
          : p.type === 'percentage'
            ? c.value === null
              ? ''
              : `${formatCell(Math.round(c.value * 10) / 10)} %${c.numerator !== null && c.denominator !== null ? ` (${formatCell(c.numerator)}/${formatCell(c.denominator)})` : ''}`
            : c.value === null
              ? ''
              : formatCell(c.value);
    field = (
      <span className={classes.readValue} dir={p.type === 'qualitative' ? undefined : 'ltr'} aria-label={`${t('cell.value', { cell: p.label })}: ${text || t('cell.empty')}`} role="text">
        {text || '·'}
      </span>
    );
  } else if (p.type === 'percentage') {
    const pct = percentOf(c.numerator, c.denominator) ?? (c.numerator === null && c.denominator === null ? c.value : null);
    field = (
      <div className={classes.ratio}>
        <NumberField value={c.numerator} label={t('cell.numerator', { cell: p.label })} placeholder={t('cell.numeratorShort')} row={p.row} col={p.col} sub={0} small invalid={!!problems} describedBy={describedBy} onValue={(n) => change({ numerator: n })} onBadText={bad} />
        <NumberField value={c.denominator} label={t('cell.denominator', { cell: p.label })} placeholder={t('cell.denominatorShort')} row={p.row} col={p.col} sub={1} small invalid={!!problems} describedBy={describedBy} onValue={(n) => change({ denominator: n })} onBadText={bad} />
        <span className={classes.percent} dir="ltr" aria-live="polite">
          {pct === null ? '– %' : `${formatCell(Math.round(pct * 10) / 10)} %`}
        </span>
      </div>
    );
  } else if (p.type === 'yes_no') {
    field = (
      <select
        className={`${classes.select} ${problems ? classes.invalid : ''}`}
        aria-label={t('cell.value', { cell: p.label })}
        aria-invalid={!!problems || undefined}
        aria-describedby={describedBy}
        data-row={p.row}
        data-col={p.col}
        data-sub={0}
        value={c.value === null ? '' : String(c.value ? 1 : 0)}
        onChange={(e) => change({ value: e.currentTarget.value === '' ? null : Number(e.currentTarget.value) })}
        onKeyDown={moveFocus}
      >
        <option value="">—</option>
        <option value="1">{t('cell.yes')}</option>
        <option value="0">{t('cell.no')}</option>
      </select>
    );
  } else if (p.type === 'qualitative') {
    field = (
      <textarea
        className={`${classes.textarea} ${problems ? classes.invalid : ''}`}
        aria-label={t('cell.text', { cell: p.label })}
        aria-invalid={!!problems || undefined}
        aria-describedby={describedBy}
        data-row={p.row}
        data-col={p.col}
        data-sub={0}
        maxLength={5000}
        value={c.text ?? ''}
        onChange={(e) => change({ text: e.currentTarget.value })}
      />
    );
  } else {
    field = <NumberField value={c.value} label={t('cell.value', { cell: p.label })} row={p.row} col={p.col} invalid={!!problems} describedBy={describedBy} onValue={(n) => change({ value: n })} onBadText={bad} />;
  }

  const m = p.marks;
  const hasNote = c.comment !== '';
  const Icon = m?.openComments ? IconMessageExclamation : hasNote || m?.comments ? IconMessageFilled : IconMessage;
  const state = [m?.openComments ? t('cell.openComments', { count: m.openComments }) : null, hasNote ? t('cell.hasNote') : null].filter(Boolean).join(', ');
  const button = (
    <button
      type="button"
      className={`${classes.iconButton} ${hasNote || m?.comments ? classes.withComment : ''} ${m?.openComments ? classes.open : ''}`}
      aria-label={`${t('cell.details', { cell: p.label })}${state ? ` (${state})` : ''}`}
      aria-expanded={p.active}
      onClick={() => p.onToggleDetails(p.active ? null : p.cellKey)}
      data-testid="cell-details"
    >
      <Icon size={14} />
    </button>
  );

  return (
    <div className={classes.cell}>
      {/* The field stays the first child whatever happens around it, so it keeps focus while its problems come and go. */}
      {field}
      {problems && (
        <Tooltip label={problems.join(' ')} withArrow color="red" multiline maw={300} events={{ hover: true, focus: true, touch: true }}>
          <IconAlertCircle size={14} color="var(--mantine-color-red-7)" aria-hidden style={{ flexShrink: 0 }} data-testid="cell-problem" />
        </Tooltip>
      )}
      {/* Read out with the field, and shown under it while it has focus (the tooltip needs a pointer). */}
      {problems && (
        <span id={problemId} className={classes.problemText}>
          {problems.join(' ')}
        </span>
      )}
      {m?.flag && (
        <Tooltip label={m.flag} withArrow multiline maw={280}>
          <IconAlertTriangle size={14} color="var(--mantine-color-yellow-8)" role="img" aria-label={m.flag} tabIndex={0} style={{ flexShrink: 0 }} />
        </Tooltip>
      )}
      {p.active ? (
        <Popover opened onChange={(o) => !o && p.onToggleDetails(null)} width={360} position="bottom" withArrow shadow="md" trapFocus={false} returnFocus closeOnEscape>
          <Popover.Target>{button}</Popover.Target>
          <Popover.Dropdown>{p.details(p.cellKey)}</Popover.Dropdown>
        </Popover>
      ) : (
        button
      )}
    </div>
  );
});
