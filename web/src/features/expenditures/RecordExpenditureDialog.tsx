import { Alert, Button, FileInput, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowsExchange, IconPaperclip, IconUsersGroup } from '@tabler/icons-react';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@shared/i18n/error-messages.js';
import type { Expenditure, ExpenditureOptions, SavedExpenditure } from '@shared/schemas/index.js';
import { useCodelist } from '../../api/lookups.js';
import { FormProblems } from '../../components/FormProblems.js';
import { currentLocale } from '../../i18n/index.js';
import { apiProblems, type FieldProblem, placeProblems } from '../projects/form-errors.js';
import { amountForInput, amountToMinor, decimalForInput, formatMoney, previewConversion, rateLabel, rateOf } from './money.js';
import { useAttachReceipt, useRecordExpenditure, useUpdateExpenditure } from './queries.js';

const FIELDS = ['budgetId', 'budgetLineId', 'expenseDate', 'description', 'payee', 'invoiceRef', 'amountMinor', 'currency', 'exchangeRate', 'rateSource', 'rateDate', 'body'] as const;
const ACCEPT = 'application/pdf,image/png,image/jpeg,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,.pdf,.png,.jpg,.jpeg,.xlsx';

/** 8–100 of [A-Za-z0-9_-]: one per dialog, so a retried save records once. */
const newKey = () => `exp-${Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('')}`;

interface Form {
  budgetId: string;
  budgetLineId: string;
  expenseDate: string;
  description: string;
  payee: string;
  invoiceRef: string;
  amount: string;
  currency: string;
  rate: string;
  rateSource: string;
  rateDate: string;
}

/** The form as the expenditure was recorded, for correcting it. */
function formOf(e: Expenditure, today: string): Form {
  const foreign = e.amount.currency !== e.budget.currency;
  return {
    budgetId: e.budget.id,
    budgetLineId: e.line.id,
    expenseDate: e.expenseDate,
    description: e.description,
    payee: e.payee,
    invoiceRef: e.invoiceRef,
    amount: amountForInput(e.amount.amountMinor, e.amount.currency),
    currency: e.amount.currency,
    rate: foreign ? decimalForInput(e.exchangeRate) : '',
    rateSource: e.rateSource,
    rateDate: e.rateDate ?? today,
  };
}

/**
 * "Record expenditure": the line from the version in force (with what is left on it), the date,
 * the amount as paid in the user's number format, the currency (the budget's by default) and, when it
 * differs, the rate with its source and date; the converted amount is shown as it will be stored.
 * Given `editing`, the same form corrects the submitter's own expenditure before anyone approved
 * it (the receipt is replaced from the drawer, not here).
 */
export function RecordExpenditureDialog({
  projectId,
  options,
  editing,
  onClose,
  onRecorded,
}: {
  projectId: string;
  options: ExpenditureOptions;
  editing?: Expenditure;
  onClose: () => void;
  onRecorded: (id: string) => void;
}) {
  const { t } = useTranslation('expenditures');
  const phone = useMediaQuery('(max-width: 48em)');
  const currencies = useCodelist('currencies');
  const record = useRecordExpenditure(projectId);
  const update = useUpdateExpenditure();
  const attach = useAttachReceipt();
  const [key] = useState(newKey);
  const first = options.budgets.find((b) => b.id === editing?.budget.id) ?? options.budgets[0]!;
  const [form, setForm] = useState<Form>(() =>
    editing
      ? formOf(editing, options.today)
      : {
          budgetId: first.id,
          budgetLineId: '',
          expenseDate: options.today < first.endDate ? options.today : first.endDate,
          description: '',
          payee: '',
          invoiceRef: '',
          amount: '',
          currency: first.currency,
          rate: '',
          rateSource: '',
          rateDate: options.today,
        },
  );
  const saving = editing ? update : record;
  const [file, setFile] = useState<File | null>(null);
  const [clientProblems, setClientProblems] = useState<FieldProblem[]>([]);
  // Editing a field clears the complaint about it (the others stay until the next submit).
  const fieldOf: Partial<Record<keyof Form, string>> = { amount: 'amountMinor', rate: 'exchangeRate' };
  const set = <K extends keyof Form>(k: K, v: Form[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    const field = fieldOf[k] ?? k;
    setClientProblems((ps) => (ps.some((p) => p.field === field) ? ps.filter((p) => p.field !== field) : ps));
  };

  const budget = options.budgets.find((b) => b.id === form.budgetId) ?? first;
  const line = budget.lines.find((l) => l.id === form.budgetLineId);
  const foreign = form.currency !== budget.currency;
  const converted = previewConversion(form.amount, form.currency, form.rate, budget.currency);
  const needsTwo = converted !== null && budget.secondApprovalThresholdMinor !== null && converted >= budget.secondApprovalThresholdMinor;
  const maxDate = options.today < budget.endDate ? options.today : budget.endDate;

  const currencyChoices = useMemo(
    () => (currencies.data?.items ?? [{ code: budget.currency, name: budget.currency }]).map((c) => ({ value: c.code, label: `${c.code} · ${c.name}` })),
    [currencies.data, budget.currency],
  );
  const lineChoices = budget.lines.map((l) => ({
    value: l.id,
    label: `${l.code} · ${l.description} — ${t('record.remaining', { amount: formatMoney(l.remainingMinor, budget.currency) })}`,
  }));

  const { byField, unplaced } = placeProblems(clientProblems.length ? clientProblems : apiProblems(saving.error), FIELDS);
  const locale = currentLocale();

  const check = (): FieldProblem[] => {
    const required = (field: string) => ({ field, message: errorMessage('required', locale) });
    const problems: FieldProblem[] = [];
    if (!form.budgetLineId) problems.push(required('budgetLineId'));
    if (!form.expenseDate) problems.push(required('expenseDate'));
    if (!form.payee.trim()) problems.push(required('payee'));
    if (!form.description.trim()) problems.push(required('description'));
    if (!form.amount.trim()) problems.push(required('amountMinor'));
    else if (amountToMinor(form.amount, form.currency) === null) problems.push({ field: 'amountMinor', message: t('record.badAmount') });
    if (foreign) {
      if (!form.rate.trim()) problems.push(required('exchangeRate'));
      else if (!rateOf(form.rate)) problems.push({ field: 'exchangeRate', message: errorMessage('exchange_rate_invalid', locale) });
      if (!form.rateSource.trim()) problems.push({ field: 'rateSource', message: errorMessage('rate_source_required', locale) });
      if (!form.rateDate) problems.push({ field: 'rateDate', message: errorMessage('rate_date_required', locale) });
    }
    return problems;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems = check();
    setClientProblems(problems);
    if (problems.length) return;
    const body = {
      budgetId: budget.id,
      budgetLineId: form.budgetLineId,
      expenseDate: form.expenseDate,
      description: form.description.trim(),
      payee: form.payee.trim(),
      invoiceRef: form.invoiceRef.trim(),
      amountMinor: amountToMinor(form.amount, form.currency)!,
      currency: form.currency,
      exchangeRate: foreign ? rateOf(form.rate)! : '1',
      rateSource: foreign ? form.rateSource.trim() : '',
      rateDate: foreign ? form.rateDate : null,
    };
    const warn = (saved: SavedExpenditure) => {
      for (const w of saved.warnings) notifications.show({ color: 'yellow', title: t('record.warning'), message: w.message, autoClose: 12_000 });
    };
    if (editing) {
      update.mutate(
        { id: editing.id, body: { ...body, version: editing.version } },
        {
          onSuccess: (saved) => {
            warn(saved);
            notifications.show({ color: 'teal', message: t('record.corrected', { amount: formatMoney(saved.amountBudget.amountMinor, saved.amountBudget.currency) }) });
            onRecorded(saved.id);
            onClose();
          },
        },
      );
      return;
    }
    record.mutate(
      { key, file: null, body },
      {
        onSuccess: async (saved) => {
          warn(saved);
          if (file) {
            try {
              await attach.mutateAsync({ id: saved.id, file });
            } catch (err) {
              notifications.show({ color: 'red', title: t('record.fileFailed'), message: err instanceof Error ? err.message : '' });
            }
          }
          notifications.show({ color: 'teal', message: t('record.done', { amount: formatMoney(saved.amountBudget.amountMinor, saved.amountBudget.currency) }) });
          onRecorded(saved.id);
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={editing ? t('record.editTitle') : t('record.title')} size="lg" fullScreen={phone}>
      <form onSubmit={submit} noValidate data-testid="expenditure-form">
        <Stack gap="sm">
          <FormProblems clientProblems={clientProblems.length} error={saving.error} unplaced={unplaced} />
          {options.budgets.length > 1 && !editing && (
            <Select
              label={t('record.budget')}
              data={options.budgets.map((b) => ({ value: b.id, label: `${b.title} (${b.currency})` }))}
              value={form.budgetId}
              allowDeselect={false}
              onChange={(v) => v && setForm((f) => ({ ...f, budgetId: v, budgetLineId: '', currency: options.budgets.find((b) => b.id === v)?.currency ?? f.currency }))}
              error={byField.budgetId}
              data-testid="expenditure-budget"
            />
          )}
          <Select
            label={t('record.line')}
            description={t('record.lineHelp', { version: budget.versionNumber })}
            placeholder={t('record.linePlaceholder')}
            data={lineChoices}
            searchable
            required
            value={form.budgetLineId || null}
            onChange={(v) => set('budgetLineId', v ?? '')}
            error={byField.budgetLineId}
            data-testid="expenditure-line"
          />
          {line && (
            <Text size="xs" c={line.remainingMinor < 0 ? 'red' : 'dimmed'} data-testid="expenditure-line-remaining">
              {t('record.lineState', {
                total: formatMoney(line.totalMinor, budget.currency),
                actual: formatMoney(line.actualMinor, budget.currency),
                pending: formatMoney(line.pendingMinor, budget.currency),
                remaining: formatMoney(line.remainingMinor, budget.currency),
              })}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              label={t('record.date')}
              required
              min={budget.startDate}
              max={maxDate}
              value={form.expenseDate}
              onChange={(e) => set('expenseDate', e.currentTarget.value)}
              error={byField.expenseDate}
              data-testid="expenditure-date"
            />
            <TextInput label={t('record.invoiceRef')} value={form.invoiceRef} maxLength={100} onChange={(e) => set('invoiceRef', e.currentTarget.value)} error={byField.invoiceRef} data-testid="expenditure-invoice" />
          </SimpleGrid>
          <TextInput label={t('record.payee')} required maxLength={200} value={form.payee} onChange={(e) => set('payee', e.currentTarget.value)} error={byField.payee} data-testid="expenditure-payee" />
          <TextInput label={t('record.description')} required maxLength={500} value={form.description} onChange={(e) => set('description', e.currentTarget.value)} error={byField.description} data-testid="expenditure-description" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('record.amount')}
              required
              inputMode="decimal"
              autoComplete="off"
              value={form.amount}
              onChange={(e) => set('amount', e.currentTarget.value)}
              rightSection={<Text size="xs" c="dimmed">{form.currency}</Text>}
              rightSectionWidth={48}
              error={byField.amountMinor}
              data-testid="expenditure-amount"
              styles={{ input: { textAlign: 'end' } }}
              dir="ltr"
            />
            <Select
              label={t('record.currency')}
              data={currencyChoices}
              searchable
              allowDeselect={false}
              value={form.currency}
              onChange={(v) => v && set('currency', v)}
              error={byField.currency}
              data-testid="expenditure-currency"
            />
          </SimpleGrid>
          {foreign && (
            <Stack gap="xs" p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-sm)' }} data-testid="expenditure-rate-box">
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput
                  label={t('record.rate', { budget: budget.currency, currency: form.currency })}
                  required
                  inputMode="decimal"
                  autoComplete="off"
                  value={form.rate}
                  onChange={(e) => set('rate', e.currentTarget.value)}
                  error={byField.exchangeRate}
                  data-testid="expenditure-rate"
                  dir="ltr"
                />
                <TextInput label={t('record.rateSource')} placeholder={t('record.rateSourcePlaceholder')} required value={form.rateSource} onChange={(e) => set('rateSource', e.currentTarget.value)} error={byField.rateSource} data-testid="expenditure-rate-source" />
                <TextInput type="date" label={t('record.rateDate')} required max={options.today} value={form.rateDate} onChange={(e) => set('rateDate', e.currentTarget.value)} error={byField.rateDate} data-testid="expenditure-rate-date" />
              </SimpleGrid>
              {rateOf(form.rate) && (
                <Text size="xs" c="dimmed" dir="ltr" style={{ textAlign: 'start' }} data-testid="expenditure-rate-label">
                  {rateLabel(rateOf(form.rate)!, budget.currency, form.currency)}
                </Text>
              )}
            </Stack>
          )}
          <Alert variant="light" color={needsTwo ? 'orange' : 'gray'} icon={needsTwo ? <IconUsersGroup size={18} /> : <IconArrowsExchange size={18} />} p="xs">
            <Text size="sm" data-testid="expenditure-converted">
              {converted === null ? t('record.convertedPending', { currency: budget.currency }) : t('record.converted', { amount: formatMoney(converted, budget.currency) })}
            </Text>
            {needsTwo && (
              <Text size="xs" data-testid="expenditure-needs-two">
                {t('record.needsTwo', { threshold: formatMoney(budget.secondApprovalThresholdMinor!, budget.currency) })}
              </Text>
            )}
          </Alert>
          {!editing && (
            <FileInput
              label={t('record.receipt')}
              description={t('record.receiptHelp')}
              placeholder={t('record.receiptPlaceholder')}
              leftSection={<IconPaperclip size={16} />}
              accept={ACCEPT}
              clearable
              value={file}
              onChange={setFile}
              error={byField.body}
              data-testid="expenditure-file"
            />
          )}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('record.cancel')}
            </Button>
            <Button type="submit" loading={saving.isPending || attach.isPending} data-testid="expenditure-submit">
              {editing ? t('record.save') : t('record.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
