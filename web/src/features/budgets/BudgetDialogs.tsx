import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { BUDGET_PERIOD_TYPES, type BudgetDetail, type BudgetList, type BudgetPeriodType } from '@shared/schemas/index.js';
import { ApiError } from '../../api/client.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { amountText, formatMoney, parseAmount } from './grid.js';
import { useCreateBudget, useRequestBudgetChange, useUpdateBudget } from './queries.js';

const fieldError = (error: unknown, field: string) => (error instanceof ApiError ? error.fieldErrors()[field] : undefined);

/** A note or reason, then one action: submit, approve, reject or start a revision. */
export function ReasonDialog({
  opened,
  title,
  label,
  action,
  required,
  pending,
  error,
  onClose,
  onConfirm,
  testid,
  color,
}: {
  opened: boolean;
  title: string;
  label: string;
  action: string;
  required: boolean;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onConfirm: (text: string) => void;
  testid: string;
  color?: string;
}) {
  const { t } = useTranslation('budget');
  const [text, setText] = useState('');
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <Stack>
        {error !== null && <ErrorAlert error={error} />}
        <Textarea label={label} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={3} required={required} data-testid={`${testid}-text`} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button color={color} loading={pending} disabled={required && text.trim() === ''} onClick={() => onConfirm(text.trim())} data-testid={`${testid}-confirm`}>
            {action}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

interface SettingsValues {
  title: string;
  currency: string;
  startDate: string;
  endDate: string;
  periodType: BudgetPeriodType;
  agreementId: string | null;
  threshold: string;
  variance: number;
}

/** New budget (defaults from the project) or the settings of one: title, currency, dates, periods, agreement and thresholds. */
export function BudgetSettingsDialog({
  projectId,
  opened,
  onClose,
  list,
  detail,
  onCreated,
}: {
  projectId: string;
  opened: boolean;
  onClose: () => void;
  list: BudgetList;
  detail: BudgetDetail | null;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation('budget');
  const b = detail?.budget;
  const [v, setV] = useState<SettingsValues>(() => ({
    title: b?.title ?? '',
    currency: b?.currency ?? list.defaults.currency,
    startDate: b?.startDate ?? list.defaults.startDate,
    endDate: b?.endDate ?? list.defaults.endDate,
    periodType: b?.periodType ?? 'quarter',
    agreementId: b?.agreement?.id ?? null,
    threshold: b?.secondApprovalThresholdMinor ? amountText(b.secondApprovalThresholdMinor, b.currency) : '',
    variance: b?.varianceThresholdPct ?? 10,
  }));
  const create = useCreateBudget(projectId);
  const update = useUpdateBudget(b?.id ?? '');
  const mutation = b ? update : create;
  const structure = !detail || detail.canChangeStructure;
  const thresholdMinor = v.threshold.trim() === '' ? null : parseAmount(v.threshold, v.currency);
  const thresholdBad = v.threshold.trim() !== '' && thresholdMinor === null;

  const submit = () => {
    const common = {
      title: v.title,
      currency: v.currency.toUpperCase(),
      startDate: v.startDate,
      endDate: v.endDate,
      periodType: v.periodType,
      agreementId: v.agreementId,
      secondApprovalThresholdMinor: thresholdMinor,
      varianceThresholdPct: v.variance,
    };
    if (b) update.mutate({ ...common, version: b.version }, { onSuccess: onClose });
    else create.mutate(common, { onSuccess: (s) => onCreated(s.id) });
  };
  const e = (f: string) => fieldError(mutation.error, f);
  return (
    <Modal opened={opened} onClose={onClose} title={b ? t('settings.title') : t('settings.newTitle')} size="lg">
      <Stack>
        {mutation.error !== null && <ErrorAlert error={mutation.error} />}
        <TextInput label={t('settings.name')} value={v.title} onChange={(ev) => setV({ ...v, title: ev.currentTarget.value })} required error={e('title')} data-testid="budget-settings-title" />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('settings.currency')} dir="ltr" maxLength={3} value={v.currency} disabled={!structure} onChange={(ev) => setV({ ...v, currency: ev.currentTarget.value.toUpperCase() })} error={e('currency')} data-testid="budget-settings-currency" />
          <TextInput type="date" label={t('settings.start')} value={v.startDate} disabled={!structure} onChange={(ev) => setV({ ...v, startDate: ev.currentTarget.value })} error={e('startDate')} />
          <TextInput type="date" label={t('settings.end')} value={v.endDate} disabled={!structure} onChange={(ev) => setV({ ...v, endDate: ev.currentTarget.value })} error={e('endDate')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('settings.periodType')}
            data={BUDGET_PERIOD_TYPES.map((p) => ({ value: p, label: t(`periodType.${p}`) }))}
            value={v.periodType}
            allowDeselect={false}
            disabled={!structure}
            onChange={(p) => p && setV({ ...v, periodType: p as BudgetPeriodType })}
            error={e('periodType')}
            data-testid="budget-settings-period"
          />
          <Select
            label={t('settings.agreement')}
            clearable
            data={list.agreements.map((a) => ({ value: a.id, label: `${a.agreementNumber} ${a.title}` }))}
            value={v.agreementId}
            onChange={(a) => setV({ ...v, agreementId: a })}
            error={e('agreementId')}
          />
        </SimpleGrid>
        {!structure && (
          <Text size="sm" c="dimmed">
            {t('settings.structureLocked')}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('settings.threshold', { currency: v.currency })}
            description={t('settings.thresholdHelp')}
            dir="ltr"
            inputMode="decimal"
            value={v.threshold}
            onChange={(ev) => setV({ ...v, threshold: ev.currentTarget.value })}
            error={thresholdBad ? t('settings.thresholdBad') : e('secondApprovalThresholdMinor')}
            data-testid="budget-settings-threshold"
          />
          <NumberInput
            label={t('settings.variance')}
            description={t('settings.varianceHelp')}
            min={0}
            max={1000}
            suffix=" %"
            value={v.variance}
            onChange={(n) => setV({ ...v, variance: typeof n === 'number' ? n : 0 })}
            error={e('varianceThresholdPct')}
            data-testid="budget-settings-variance"
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button onClick={submit} loading={mutation.isPending} disabled={v.title.trim() === '' || thresholdBad} data-testid="budget-settings-save">
            {b ? t('settings.save') : t('settings.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** A draft revision sent for approval as a change request of kind budget; then the change requests page. */
export function RequestChangeDialog({ projectId, detail, opened, onClose }: { projectId: string; detail: BudgetDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('budget');
  const navigate = useNavigate();
  const request = useRequestBudgetChange(projectId);
  const before = detail.totals.currentTotalMinor;
  const after = detail.totals.totalMinor;
  const [title, setTitle] = useState(t('request.defaultTitle', { budget: detail.budget.title, number: detail.selected.number }));
  const [description, setDescription] = useState(detail.selected.reason);
  const [justification, setJustification] = useState('');
  const [impact, setImpact] = useState(
    before === null ? '' : t('request.defaultImpact', { before: formatMoney(before, detail.budget.currency), after: formatMoney(after, detail.budget.currency) }),
  );
  const e = (f: string) => fieldError(request.error, f);
  const send = () =>
    request.mutate(
      { title, description, justification, impact, budgetVersionId: detail.selected.id },
      { onSuccess: () => void navigate(`/projects/${projectId}/change-requests`) },
    );
  return (
    <Modal opened={opened} onClose={onClose} title={t('request.title')} size="lg">
      <Stack>
        {request.error !== null && <ErrorAlert error={request.error} />}
        <TextInput label={t('request.name')} value={title} onChange={(ev) => setTitle(ev.currentTarget.value)} required error={e('title')} data-testid="budget-request-title" />
        <Textarea label={t('request.what')} value={description} onChange={(ev) => setDescription(ev.currentTarget.value)} autosize minRows={2} required error={e('description')} data-testid="budget-request-description" />
        <Textarea label={t('request.why')} value={justification} onChange={(ev) => setJustification(ev.currentTarget.value)} autosize minRows={2} required error={e('justification')} data-testid="budget-request-justification" />
        <Textarea label={t('request.impact')} value={impact} onChange={(ev) => setImpact(ev.currentTarget.value)} autosize minRows={2} error={e('impact')} data-testid="budget-request-impact" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button loading={request.isPending} disabled={!title.trim() || !description.trim() || !justification.trim()} onClick={send} data-testid="budget-request-send">
            {t('request.send')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
