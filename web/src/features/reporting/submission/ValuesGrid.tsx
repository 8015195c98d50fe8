import { Group, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmissionDetail } from '@shared/schemas/index.js';
import { formatNumber } from '../../../lib/format.js';
import { optionLabel } from '../../results/labels.js';
import { CellDetails } from './CellDetails.js';
import { type CellKey, EMPTY_CONTENT, groupByResult, keyOfCell, parseCellKey } from './grid-model.js';
import classes from './grid.module.css';
import { IndicatorBlock } from './IndicatorBlock.js';
import type { useSubmissionGrid } from './useSubmissionGrid.js';
import type { CellMarks } from './ValueCell.js';

type Grid = ReturnType<typeof useSubmissionGrid>;

/** Comment counts and outlier flags by cell, split by indicator (flags only for those who review). */
function useMarks(detail: SubmissionDetail, showFlags: boolean) {
  const { t } = useTranslation('submission');
  return useMemo(() => {
    const categories = new Map(detail.indicators.map((i) => [i.id, i.categories]));
    const out: Record<string, Record<CellKey, CellMarks>> = {};
    const at = (cell: { indicatorId: string; locationId: string | null; optionIds: string[] }) => {
      const key = keyOfCell(cell, categories.get(cell.indicatorId));
      return ((out[cell.indicatorId] ??= {})[key] ??= { openComments: 0, comments: 0 });
    };
    for (const c of detail.comments) {
      if (!c.cell) continue;
      const m = at(c.cell);
      m.comments++;
      if (!c.resolvedAt) m.openComments++;
    }
    if (showFlags) {
      for (const f of detail.flags) at(f).flag = t(`flags.${f.reason}`, { value: formatNumber(f.value, { maximumFractionDigits: 2 }), reference: formatNumber(f.reference, { maximumFractionDigits: 2 }) });
    }
    return out;
  }, [detail.comments, detail.flags, detail.indicators, showFlags, t]);
}

/** The package's indicators grouped by result, one block each. */
export function ValuesGrid({ detail, grid, activeCell, onActiveCell }: { detail: SubmissionDetail; grid: Grid; activeCell: CellKey | null; onActiveCell: (key: CellKey | null) => void }) {
  const { t } = useTranslation('submission');
  const groups = useMemo(() => groupByResult(detail.indicators), [detail.indicators]);
  const showFlags = detail.canReview || detail.canComment;
  const marks = useMarks(detail, showFlags);
  const readOnly = !detail.canEdit;

  // The popover reads the latest cells through refs, so the blocks do not render again for it.
  const latest = useRef({ detail, grid, marks });
  useEffect(() => {
    latest.current = { detail, grid, marks };
  });
  const details = useCallback((key: CellKey) => {
    const { detail: d, grid: g, marks: m } = latest.current;
    const { indicatorId, locationId, optionIds } = parseCellKey(key);
    const indicator = d.indicators.find((i) => i.id === indicatorId);
    if (!indicator) return null;
    const place = locationId === null ? t('grid.wholeProject') : (d.locations.find((l) => l.id === locationId)?.name ?? '?');
    const combination = optionIds.length ? optionIds.map((id, level) => indicator.categories[level]?.options.find((o) => o.id === id)).map((o) => (o ? optionLabel(o) : '?')).join(' · ') : t('grid.total');
    const categories = indicator.categories;
    return (
      <CellDetails
        submissionId={d.submission.id}
        cellKey={key}
        label={`${indicator.code}, ${place}, ${combination}`}
        type={indicator.type}
        content={g.cellsRef.current[indicatorId]?.[key]}
        categories={categories}
        flag={m[indicatorId]?.[key]?.flag}
        canEdit={d.canEdit}
        canComment={d.canComment}
        onNote={(note) => g.onChange(key, { ...(g.cellsRef.current[indicatorId]?.[key] ?? EMPTY_CONTENT), comment: note })}
      />
    );
  }, [t]);

  if (detail.indicators.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('grid.noIndicators')}
      </Text>
    );
  }

  return (
    <Stack gap="lg" data-testid="values-grid">
      {groups.map((g) => (
        <Stack key={g.node.id} gap="md" component="section" aria-labelledby={`result-${g.node.id}`}>
          <Group gap={8} wrap="nowrap" align="baseline" className={classes.groupTitle}>
            <Text ff="monospace" dir="ltr" fw={700} style={{ flexShrink: 0 }}>
              {g.node.code}
            </Text>
            <Title order={3} size="h5" id={`result-${g.node.id}`}>
              {g.node.title}
            </Title>
          </Group>
          {g.indicators.map((i) => (
            <IndicatorBlock
              key={i.id}
              indicator={i}
              locations={detail.locations}
              cells={grid.cells[i.id] ?? {}}
              errors={grid.errorsByIndicator[i.id]}
              marks={marks[i.id]}
              readOnly={readOnly}
              activeCell={activeCell && activeCell.startsWith(`${i.id}\t`) ? activeCell : null}
              onChange={grid.onChange}
              onBadText={grid.onBadText}
              onToggleDetails={onActiveCell}
              details={details}
            />
          ))}
        </Stack>
      ))}
    </Stack>
  );
}
