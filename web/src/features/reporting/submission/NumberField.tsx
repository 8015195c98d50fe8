import { type KeyboardEvent, useState } from 'react';
import { formatCell, parseLocaleNumber } from '../../results/targets/locale-number.js';
import classes from './grid.module.css';

/**
 * Moves between cells like a spreadsheet: Enter and ↓ to the cell below (Shift+Enter and ↑ above);
 * ← and → to the neighbouring cell when the caret is at the edge of the text, in reading order (so in
 * Arabic ← goes forward). Tab works as usual. Cells carry `data-grid` (their block), `data-row`,
 * `data-col` and `data-sub` (numerator 0, denominator 1).
 */
export function moveFocus(e: KeyboardEvent<HTMLElement>) {
  const el = e.currentTarget;
  const row = Number(el.dataset.row);
  const col = Number(el.dataset.col);
  const sub = el.dataset.sub ?? '0';
  let dr = 0;
  let dc = 0;
  if (e.key === 'ArrowDown' || (e.key === 'Enter' && !e.shiftKey)) dr = 1;
  else if (e.key === 'ArrowUp' || (e.key === 'Enter' && e.shiftKey)) dr = -1;
  else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
    if (!(el instanceof HTMLInputElement)) return;
    const rtl = getComputedStyle(el.closest('table') ?? el).direction === 'rtl';
    const forward = (e.key === 'ArrowRight') !== rtl;
    const all = el.selectionStart === 0 && el.selectionEnd === el.value.length;
    const atEdge = all || (forward ? el.selectionEnd === el.value.length : el.selectionStart === 0);
    if (!atEdge) return;
    dc = forward ? 1 : -1;
  } else return;
  if (el instanceof HTMLSelectElement && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) return;
  const table = el.closest('table');
  const find = (r: number, c: number) => table?.querySelector<HTMLElement>(`[data-row="${r}"][data-col="${c}"][data-sub="${sub}"]`) ?? table?.querySelector<HTMLElement>(`[data-row="${r}"][data-col="${c}"]`);
  const next = find(row + dr, col + dc);
  if (!next) return;
  e.preventDefault();
  next.focus();
  if (next instanceof HTMLInputElement) next.select();
}

export interface NumberFieldProps {
  value: number | null;
  label: string;
  row: number;
  col: number;
  sub?: number;
  small?: boolean;
  /** Problems with the cell: the field is marked and described by them. */
  invalid: boolean;
  describedBy?: string;
  /** The typed number (null when emptied); called only with numbers, text that is not one stays in the field, marked. */
  onValue: (value: number | null) => void;
  onBadText: (bad: boolean) => void;
  placeholder?: string;
}

/** A figure typed the user's way ("2 350,5" in French), shown grouped at rest, read left to right in every language. */
export function NumberField({ value, label, row, col, sub = 0, small, invalid, describedBy, onValue, onBadText, placeholder }: NumberFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [bad, setBad] = useState<string | null>(null);
  const shown = draft ?? bad ?? (value === null ? '' : formatCell(value));
  return (
    <input
      className={`${classes.input} ${small ? classes.small : ''} ${bad !== null || invalid ? classes.invalid : ''}`}
      aria-label={label}
      aria-invalid={bad !== null || invalid || undefined}
      aria-describedby={describedBy}
      data-row={row}
      data-col={col}
      data-sub={sub}
      inputMode="decimal"
      dir="ltr"
      autoComplete="off"
      placeholder={placeholder}
      value={shown}
      onFocus={(e) => {
        setDraft(e.currentTarget.value);
        e.currentTarget.select();
      }}
      onBlur={() => setDraft(null)}
      onChange={(e) => {
        const text = e.currentTarget.value;
        setDraft(text);
        const n = parseLocaleNumber(text);
        if (n !== null && Number.isNaN(n)) {
          setBad(text);
          onBadText(true);
          return;
        }
        if (bad !== null) {
          setBad(null);
          onBadText(false);
        }
        onValue(n);
      }}
      onKeyDown={moveFocus}
    />
  );
}
