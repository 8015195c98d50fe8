import { NativeSelect, Text, TextInput, Tooltip, VisuallyHidden } from '@mantine/core';
import { type KeyboardEvent, memo, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '@shared/schemas/index.js';
import { formatCell } from './locale-number.js';

export interface TargetCellProps {
  cell: string;
  value: number | undefined;
  /** Text the user typed that is not a number: shown as typed, marked wrong. */
  invalidText?: string;
  error?: string;
  type: Indicator['type'];
  label: string;
  readOnly: boolean;
  row: number;
  col: number;
  onCommit: (cell: string, text: string) => void;
}

/**
 * Moves between cells like a spreadsheet: Enter and ↓ go to the cell below, ↑ to the cell above
 * (Tab and the arrows inside the text work as usual).
 */
function moveFocus(e: KeyboardEvent<HTMLElement>, row: number, col: number) {
  const by = e.key === 'ArrowUp' ? -1 : e.key === 'ArrowDown' || (e.key === 'Enter' && !e.shiftKey) ? 1 : e.key === 'Enter' ? -1 : 0;
  if (!by) return;
  const table = e.currentTarget.closest('table');
  const next = table?.querySelector<HTMLElement>(`[data-cell-row="${row + by}"][data-cell-col="${col}"]`);
  if (!next) return;
  e.preventDefault();
  next.focus();
  if (next instanceof HTMLInputElement) next.select();
}

/** One target in the table: a number (with % for percentages), a yes/no choice, or read-only text. */
export const TargetCell = memo(function TargetCell({ cell, value, invalidText, error, type, label, readOnly, row, col, onCommit }: TargetCellProps) {
  const { t } = useTranslation('results');
  const errorId = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const percent = type === 'percentage';

  if (readOnly) {
    const text = value === undefined ? '' : type === 'yes_no' ? (value ? t('sheet.yes') : t('sheet.no')) : `${formatCell(value)}${percent ? ' %' : ''}`;
    return (
      <Text size="sm" ta="end" aria-label={text ? `${label}: ${text}` : undefined} c={text ? undefined : 'dimmed'}>
        {text || '·'}
      </Text>
    );
  }

  const message = error ?? (invalidText !== undefined ? t('targets.notANumber') : undefined);
  const common = {
    'aria-label': label,
    'data-cell-row': row,
    'data-cell-col': col,
    'aria-describedby': message ? errorId : undefined,
    error: !!error || invalidText !== undefined,
    size: 'xs' as const,
    onKeyDown: (e: KeyboardEvent<HTMLElement>) => moveFocus(e, row, col),
  };
  const input =
    type === 'yes_no' ? (
      <NativeSelect
        {...common}
        data={[
          { value: '', label: '—' },
          { value: '1', label: t('targets.yes') },
          { value: '0', label: t('targets.no') },
        ]}
        value={value === undefined ? '' : String(value ? 1 : 0)}
        onChange={(e) => onCommit(cell, e.currentTarget.value)}
        miw={84}
      />
    ) : (
      <TextInput
        {...common}
        value={draft ?? invalidText ?? (value === undefined ? '' : formatCell(value))}
        onFocus={(e) => {
          // The text as shown (grouping and all: the parser reads it back), so the selection survives the focus.
          setDraft(e.currentTarget.value);
          e.currentTarget.select();
        }}
        onBlur={() => setDraft(null)}
        onChange={(e) => {
          setDraft(e.currentTarget.value);
          onCommit(cell, e.currentTarget.value);
        }}
        inputMode="decimal"
        // Figures read left to right in Arabic too, as in the spreadsheets they come from.
        dir="ltr"
        autoComplete="off"
        rightSection={percent ? <Text size="xs" c="dimmed">%</Text> : undefined}
        rightSectionWidth={percent ? 22 : undefined}
        miw={percent ? 80 : 70}
        styles={{ input: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' } }}
      />
    );
  return (
    <>
      <Tooltip label={message} disabled={!message} withArrow color="red" multiline maw={280} events={{ hover: true, focus: true, touch: true }}>
        <div>{input}</div>
      </Tooltip>
      {message && (
        <VisuallyHidden id={errorId}>
          {message}
        </VisuallyHidden>
      )}
    </>
  );
});
