import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Locale, LOCALES } from '@shared/locales.js';
import { GenerateReportSchema, type ReportTemplateSummary } from '@shared/schemas/index.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { FormProblems } from '../../components/FormProblems.js';
import { LANGUAGE_NAMES } from '../../components/LanguageMenu.js';
import { formatDate } from '../../lib/format.js';
import { apiProblems, type FieldProblem, placeProblems, zodProblems } from '../projects/form-errors.js';
import { type AgreementOption, agreementLabel } from './agreements.js';
import { type GenerateReportInput, useGenerateReport } from './mutations.js';
import { initialPeriod, PERIOD_PRESETS, type PeriodPreset, periodProblem, presetPeriod } from './periods.js';
import { type ReportScopeRef, useProjectAgreements, useReportTemplates } from './queries.js';

const FIELDS = ['templateId', 'periodStart', 'periodEnd', 'language', 'agreementId'] as const;
const today = () => new Date().toISOString().slice(0, 10);

/** What the report calendar can put in the address to open the dialog on one agreement's period. */
export interface GeneratePrefill {
  agreementId?: string | null;
  periodStart?: string | null;
  periodEnd?: string | null;
}

interface DialogProps {
  opened: boolean;
  onClose: () => void;
  scope: ReportScopeRef;
  /** Owner of the templates offered (the project's or programme's organisation, or the reader's for a country). */
  organisationId: string | undefined;
  /** Month the organisation's fiscal year starts: last quarter and this year follow it. */
  fyStartMonth: number;
  /** The language reports are in unless an agreement says otherwise: the reader's. */
  defaultLanguage: Locale;
  /** The template of the newest report in this history: the one people here usually make. */
  lastTemplateId?: string | null;
  prefill: GeneratePrefill;
}

/**
 * "Generate a report": template, period, language and, for a project, the agreement whose number
 * goes on the cover. The report is queued; the history shows its progress.
 */
export function GenerateReportDialog(props: DialogProps) {
  const { t } = useTranslation('reports');
  const phone = useMediaQuery('(max-width: 48em)');
  const projectId = props.scope.type === 'project' ? props.scope.id : undefined;
  const templates = useReportTemplates(props.organisationId, props.opened);
  const agreements = useProjectAgreements(projectId, props.opened);
  // Agreements are optional: without them (none yet, or the list failed) a report can still be made.
  const agreementsReady = !projectId || !agreements.isPending;
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('generate.title')} size="lg" fullScreen={phone}>
      {templates.isPending || !agreementsReady ? (
        <Text c="dimmed">{t('common:common.loading')}</Text>
      ) : templates.error ? (
        <ErrorAlert error={templates.error} />
      ) : templates.data.length === 0 ? (
        <Stack>
          <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />} data-testid="no-templates">
            {t('generate.noTemplates')}
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common:actions.close')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <GenerateForm {...props} templates={templates.data} agreements={agreements.data?.items ?? []} agreementsError={agreements.error} />
      )}
    </Modal>
  );
}

interface FormState {
  templateId: string | null;
  preset: PeriodPreset;
  start: string;
  end: string;
  language: Locale;
  agreementId: string | null;
}

/** The agreement's template and report language when it names them, else the given ones (or the first template). */
function defaultsFor(agreement: AgreementOption | undefined, templates: ReportTemplateSummary[], fallbackLanguage: Locale, fallbackTemplateId?: string | null) {
  const template = templates.find((x) => x.id === agreement?.templateId) ?? templates.find((x) => x.id === fallbackTemplateId) ?? templates[0];
  const language = agreement && (LOCALES as readonly string[]).includes(agreement.reportLanguage) ? agreement.reportLanguage : fallbackLanguage;
  return { templateId: template?.id ?? null, language };
}

function initialForm(props: DialogProps, templates: ReportTemplateSummary[], agreements: AgreementOption[]): FormState {
  // The agreement the calendar named, or the project's only one (its number belongs on the cover).
  const agreement = agreements.find((a) => a.id === props.prefill.agreementId) ?? (agreements.length === 1 ? agreements[0] : undefined);
  const period = initialPeriod(props.prefill, today(), props.fyStartMonth);
  return { ...defaultsFor(agreement, templates, props.defaultLanguage, props.lastTemplateId), preset: period.preset, start: period.start, end: period.end, agreementId: agreement?.id ?? null };
}

function GenerateForm(props: DialogProps & { templates: ReportTemplateSummary[]; agreements: AgreementOption[]; agreementsError: unknown }) {
  const { t } = useTranslation('reports');
  const { templates, agreements, scope, fyStartMonth } = props;
  const generate = useGenerateReport(scope);
  // Four choices do not fit side by side on a phone, least of all in French or Arabic.
  const narrow = useMediaQuery('(max-width: 36em)');
  const [form, setForm] = useState<FormState>(() => initialForm(props, templates, agreements));
  const [clientProblems, setClientProblems] = useState<FieldProblem[]>([]);
  const { byField, unplaced } = placeProblems(clientProblems.length ? clientProblems : apiProblems(generate.error), FIELDS);
  const preset = form.preset === 'custom' ? null : presetPeriod(form.preset, today(), fyStartMonth);

  const choosePreset = (value: PeriodPreset) =>
    setForm((f) => (value === 'custom' ? { ...f, preset: value } : { ...f, ...presetPeriod(value, today(), fyStartMonth) }));
  const chooseAgreement = (agreementId: string | null) =>
    setForm((f) => ({ ...f, agreementId, ...(agreementId ? defaultsFor(agreements.find((a) => a.id === agreementId), templates, f.language, f.templateId) : {}) }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const start = preset?.start ?? form.start;
    const end = preset?.end ?? form.end;
    const period = periodProblem(start, end);
    if (period || !form.templateId) {
      setClientProblems([
        ...(form.templateId ? [] : [{ field: 'templateId', message: t('generate.problems.template') }]),
        ...(period ? [{ field: period.field, message: t(`generate.problems.${period.reason}`) }] : []),
      ]);
      return;
    }
    const body: GenerateReportInput = { scope, templateId: form.templateId, periodStart: start, periodEnd: end, language: form.language, agreementId: form.agreementId };
    const parsed = GenerateReportSchema.safeParse(body);
    setClientProblems(parsed.success ? [] : zodProblems(parsed.error));
    if (!parsed.success) return;
    generate.mutate(body, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('generate.queued') });
        props.onClose();
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('generate.title')} data-testid="generate-report-form">
      <Stack>
        <FormProblems clientProblems={clientProblems.length} error={generate.error} unplaced={unplaced} />
        <Select
          label={t('generate.template')}
          description={t('generate.templateHelp')}
          data={templates.map((x) => ({ value: x.id, label: `${x.name} (${t('generate.version', { version: x.version })})` }))}
          value={form.templateId}
          onChange={(templateId) => setForm((f) => ({ ...f, templateId }))}
          error={byField.templateId}
          required
          allowDeselect={false}
          searchable
          nothingFoundMessage={t('common:common.noResults')}
          comboboxProps={{ withinPortal: true }}
        />
        <Stack gap={6} role="group" aria-labelledby="report-period-label">
          <Text size="sm" fw={500} id="report-period-label">
            {t('generate.period')}
          </Text>
          <SegmentedControl
            aria-labelledby="report-period-label"
            data={PERIOD_PRESETS.map((p) => ({ value: p, label: t(`generate.presets.${p}`) }))}
            value={form.preset}
            onChange={(v) => choosePreset(v as PeriodPreset)}
            fullWidth
            orientation={narrow ? 'vertical' : 'horizontal'}
            data-testid="period-presets"
          />
          {preset ? (
            <Text size="sm" c="dimmed" data-testid="period-summary">
              <bdi dir="ltr">{preset.key}</bdi> · <bdi>{formatDate(preset.start)}</bdi> – <bdi>{formatDate(preset.end)}</bdi>
            </Text>
          ) : (
            <Group grow align="flex-start" wrap="wrap">
              <TextInput
                type="date"
                label={t('generate.from')}
                value={form.start}
                onChange={(e) => {
                  const start = e.currentTarget.value;
                  setForm((f) => ({ ...f, start }));
                }}
                error={byField.periodStart}
                required
                miw={160}
              />
              <TextInput
                type="date"
                label={t('generate.to')}
                value={form.end}
                min={form.start || undefined}
                onChange={(e) => {
                  const end = e.currentTarget.value;
                  setForm((f) => ({ ...f, end }));
                }}
                error={byField.periodEnd}
                required
                miw={160}
              />
            </Group>
          )}
          {preset && (byField.periodStart || byField.periodEnd) && (
            <Text size="xs" c="red" role="alert">
              {byField.periodStart ?? byField.periodEnd}
            </Text>
          )}
        </Stack>
        {scope.type === 'project' && (
          <Select
            label={t('generate.agreement')}
            description={props.agreementsError ? t('generate.agreementsFailed') : t('generate.agreementHelp')}
            placeholder={agreements.length ? t('generate.noAgreement') : t('generate.noAgreements')}
            data={agreements.map((a) => ({ value: a.id, label: agreementLabel(a) }))}
            renderOption={({ option }) => {
              const a = agreements.find((x) => x.id === option.value);
              return (
                <div>
                  <Text size="sm" dir="auto">
                    {option.label}
                  </Text>
                  {a?.title && (
                    <Text size="xs" c="dimmed" dir="auto">
                      {a.title}
                    </Text>
                  )}
                </div>
              );
            }}
            value={form.agreementId}
            onChange={chooseAgreement}
            error={byField.agreementId}
            disabled={agreements.length === 0}
            clearable
            comboboxProps={{ withinPortal: true }}
          />
        )}
        <Select
          label={t('generate.language')}
          description={t('generate.languageHelp')}
          data={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
          value={form.language}
          onChange={(v) => v && setForm((f) => ({ ...f, language: v as Locale }))}
          error={byField.language}
          allowDeselect={false}
          required
          comboboxProps={{ withinPortal: true }}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={props.onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={generate.isPending} data-testid="generate-submit">
            {t('generate.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
