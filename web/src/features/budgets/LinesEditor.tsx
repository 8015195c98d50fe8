import { ActionIcon, Alert, Button, Group, Select, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconArrowsSplit, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sumMinor } from '@shared/domain/money.js';
import { BUDGET_CATEGORIES, type BudgetCategory, type BudgetDetail } from '@shared/schemas/index.js';
import { ApiError } from '../../api/client.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { type DraftLine, draftTotal, emptyLine, formatAmount, lineErrors, nextCode, remaining, spreadEvenly, toDraft, toInput } from './grid.js';
import { periodLabel } from './labels.js';
import { useSaveLines } from './queries.js';

const num = { textAlign: 'end', whiteSpace: 'nowrap' } as const;

/**
 * The draft as a grid: one row per line (code, category, description, unit, quantity × unit cost
 * with its total computed as you type, an amount per period, what remains to allocate) and a second
 * row for its links and note. Saved as a whole; the server's problems sit on their cells.
 */
export function LinesEditor({ detail, onDone }: { detail: BudgetDetail; onDone: () => void }) {
  const { t } = useTranslation('budget');
  const currency = detail.budget.currency;
  const keys = useMemo(() => detail.periods.map((p) => p.key), [detail.periods]);
  const [lines, setLines] = useState<DraftLine[]>(() => detail.lines.map((l) => toDraft(l, currency)));
  const save = useSaveLines(detail.selected.id);
  const errors = save.error instanceof ApiError ? lineErrors(save.error.details) : {};
  const err = (i: number, field: string) => errors[`${i}.${field}`];

  const set = (i: number, patch: Partial<DraftLine>) => setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const setAmount = (i: number, key: string, value: string) => setLines((ls) => ls.map((l, j) => (j === i ? { ...l, amounts: { ...l.amounts, [key]: value } } : l)));
  const add = () => setLines((ls) => [...ls, emptyLine(nextCode(ls.map((l) => l.code)), ls[ls.length - 1]?.category)]);
  const remove = (i: number) => setLines((ls) => ls.filter((_, j) => j !== i));

  const categories = BUDGET_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }));
  const nodes = detail.options.resultNodes.map((n) => ({ value: n.id, label: `${n.code} ${n.title}` }));
  const activities = detail.options.activities.map((a) => ({ value: a.id, label: `${a.code} ${a.title}` }));
  const grand = lines.map((l) => draftTotal(l, currency));

  const submit = () => save.mutate({ version: detail.selected.version, lines: lines.map((l) => toInput(l, keys, currency)) }, { onSuccess: onDone });

  return (
    <Stack gap="sm">
      {save.error !== null && <ErrorAlert error={save.error} />}
      <Table.ScrollContainer minWidth={900 + keys.length * 120}>
        <Table verticalSpacing={4} withTableBorder data-testid="budget-editor">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={90}>{t('columns.code')}</Table.Th>
              <Table.Th w={160}>{t('columns.category')}</Table.Th>
              <Table.Th style={{ minWidth: 200 }}>{t('columns.description')}</Table.Th>
              <Table.Th w={100}>{t('columns.unit')}</Table.Th>
              <Table.Th w={90} style={num}>
                {t('columns.quantity')}
              </Table.Th>
              <Table.Th w={120} style={num}>
                {t('columns.unitCost')}
              </Table.Th>
              <Table.Th style={num}>{t('columns.total')}</Table.Th>
              {detail.periods.map((p) => (
                <Table.Th key={p.key} w={120} style={num}>
                  {periodLabel(p)}
                </Table.Th>
              ))}
              <Table.Th style={num}>{t('columns.remaining')}</Table.Th>
              <Table.Th w={80} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((l, i) => {
              const total = grand[i] ?? null;
              const left = remaining(l, keys, currency);
              const amountsError = err(i, 'amounts');
              return [
                <Table.Tr key={l.key} data-testid={`budget-edit-line-${i}`}>
                  <Table.Td>
                    <TextInput size="xs" dir="ltr" value={l.code} onChange={(e) => set(i, { code: e.currentTarget.value })} error={err(i, 'code')} aria-label={t('columns.code')} data-testid="line-code" />
                  </Table.Td>
                  <Table.Td>
                    <Select size="xs" data={categories} value={l.category} allowDeselect={false} onChange={(v) => v && set(i, { category: v as BudgetCategory })} error={err(i, 'category')} aria-label={t('columns.category')} data-testid="line-category" />
                  </Table.Td>
                  <Table.Td>
                    <TextInput size="xs" value={l.description} onChange={(e) => set(i, { description: e.currentTarget.value })} error={err(i, 'description')} aria-label={t('columns.description')} data-testid="line-description" />
                  </Table.Td>
                  <Table.Td>
                    <TextInput size="xs" value={l.unit} onChange={(e) => set(i, { unit: e.currentTarget.value })} aria-label={t('columns.unit')} data-testid="line-unit" />
                  </Table.Td>
                  <Table.Td>
                    <TextInput size="xs" dir="ltr" inputMode="decimal" styles={{ input: { textAlign: 'end' } }} value={l.quantity} onChange={(e) => set(i, { quantity: e.currentTarget.value })} error={err(i, 'quantity')} aria-label={t('columns.quantity')} data-testid="line-quantity" />
                  </Table.Td>
                  <Table.Td>
                    <TextInput size="xs" dir="ltr" inputMode="decimal" styles={{ input: { textAlign: 'end' } }} value={l.unitCost} onChange={(e) => set(i, { unitCost: e.currentTarget.value })} error={err(i, 'unitCostMinor')} aria-label={t('columns.unitCost')} data-testid="line-unit-cost" />
                  </Table.Td>
                  <Table.Td style={num} fw={600} data-testid="line-total">
                    {total === null ? '—' : formatAmount(total, currency)}
                  </Table.Td>
                  {keys.map((k) => (
                    <Table.Td key={k}>
                      <TextInput
                        size="xs"
                        dir="ltr"
                        inputMode="decimal"
                        styles={{ input: { textAlign: 'end' } }}
                        value={l.amounts[k] ?? ''}
                        onChange={(e) => setAmount(i, k, e.currentTarget.value)}
                        error={err(i, `amounts.${k}`)}
                        aria-label={`${l.code} ${k}`}
                        data-testid={`line-amount-${k}`}
                      />
                    </Table.Td>
                  ))}
                  <Table.Td style={num} data-testid="line-remaining">
                    <Text size="sm" c={left === null ? 'dimmed' : left === 0 ? 'green' : 'red'} fw={left === 0 ? undefined : 600}>
                      {left === null ? '—' : left === 0 ? '✓' : formatAmount(left, currency)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={2} wrap="nowrap">
                      <Tooltip label={t('editor.spread')}>
                        <ActionIcon variant="subtle" onClick={() => setLines((ls) => ls.map((x, j) => (j === i ? spreadEvenly(x, keys, currency) : x)))} aria-label={t('editor.spread')} data-testid="line-spread">
                          <IconArrowsSplit size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={l.expenditureCount > 0 ? t('editor.hasExpenditures', { count: l.expenditureCount }) : t('editor.remove')}>
                        <ActionIcon variant="subtle" color="red" disabled={l.expenditureCount > 0} onClick={() => remove(i)} aria-label={t('editor.remove')} data-testid="line-remove">
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Table.Td>
                </Table.Tr>,
                <Table.Tr key={`${l.key}-more`}>
                  <Table.Td />
                  <Table.Td colSpan={2}>
                    <Select size="xs" clearable searchable data={nodes} value={l.resultNodeId} onChange={(v) => set(i, { resultNodeId: v })} placeholder={t('editor.result')} error={err(i, 'resultNodeId')} aria-label={t('editor.result')} data-testid="line-result" />
                  </Table.Td>
                  <Table.Td colSpan={3}>
                    <Select size="xs" clearable searchable data={activities} value={l.activityId} onChange={(v) => set(i, { activityId: v })} placeholder={t('editor.activity')} error={err(i, 'activityId')} aria-label={t('editor.activity')} data-testid="line-activity" />
                  </Table.Td>
                  <Table.Td colSpan={keys.length + 3}>
                    <TextInput size="xs" value={l.note} onChange={(e) => set(i, { note: e.currentTarget.value })} placeholder={t('editor.note')} aria-label={t('editor.note')} data-testid="line-note" />
                    {amountsError && (
                      <Text size="xs" c="red" mt={2} data-testid="line-amounts-error">
                        {amountsError}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>,
              ];
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {save.error instanceof ApiError && save.error.details.some((d) => d.field === 'body.lines') && (
        <Alert color="red">{save.error.details.filter((d) => d.field === 'body.lines').map((d) => d.message).join(' ')}</Alert>
      )}
      <Group justify="space-between">
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={add} data-testid="budget-add-line">
          {t('editor.add')}
        </Button>
        <Group>
          <Text size="sm" c="dimmed">
            {t('editor.totalOf', { count: lines.length })}{' '}
            <strong>{grand.some((g) => g === null) ? '—' : formatAmount(sumMinor(grand.map((g) => g ?? 0)), currency)}</strong> {currency}
          </Text>
          <Button variant="default" onClick={onDone} data-testid="budget-cancel-edit">
            {t('editor.cancel')}
          </Button>
          <Button onClick={submit} loading={save.isPending} data-testid="budget-save-lines">
            {t('editor.save')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
