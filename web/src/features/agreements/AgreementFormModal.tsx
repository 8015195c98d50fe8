import { Alert, Anchor, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LOCALES } from '@shared/locales.js';
import { type Agreement, type AgreementList, REPORT_FREQUENCIES, type ReportFrequency } from '@shared/schemas/index.js';
import { FormProblems } from '../../components/FormProblems.js';
import { LANGUAGE_NAMES } from '../../components/LanguageMenu.js';
import { currentLocale } from '../../i18n/index.js';
import { apiProblems, type FieldProblem, placeProblems } from '../projects/form-errors.js';
import { organisationLabel } from '../projects/labels.js';
import { type AgreementForm, checkForm, FORM_FIELDS, initialForm, toBody } from './form.js';
import { useSaveAgreement } from './queries.js';

export interface AgreementDialogTarget {
  /** null: a new agreement. */
  agreement: Agreement | null;
}

interface Props {
  project: { id: string; startDate: string; endDate: string };
  options: AgreementList['options'];
  target: AgreementDialogTarget | null;
  onClose: () => void;
}

/** Add or change a funding agreement: donor, number, dates, report schedule, template and language. */
export function AgreementFormModal({ project, options, target, onClose }: Props) {
  const { t } = useTranslation('agreements');
  const phone = useMediaQuery('(max-width: 48em)');
  return (
    <Modal opened={!!target} onClose={onClose} title={target?.agreement ? t('form.editTitle') : t('form.addTitle')} size="lg" fullScreen={phone}>
      {target && <AgreementFormView key={target.agreement?.id ?? 'new'} project={project} options={options} agreement={target.agreement} onDone={onClose} />}
    </Modal>
  );
}

function AgreementFormView({ project, options, agreement, onDone }: { project: Props['project']; options: Props['options']; agreement: Agreement | null; onDone: () => void }) {
  const { t } = useTranslation('agreements');
  const save = useSaveAgreement(project.id, agreement?.id ?? null);
  const [form, setForm] = useState<AgreementForm>(() => initialForm(agreement, project, options.donors.map((d) => d.id), currentLocale()));
  const [clientProblems, setClientProblems] = useState<FieldProblem[]>([]);
  const { byField, unplaced } = placeProblems(clientProblems.length ? clientProblems : apiProblems(save.error), FORM_FIELDS);
  const set = <K extends keyof AgreementForm>(key: K, value: AgreementForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  // An agreement keeps its donor even after the donor left the project: still offered, so the form can be saved as it is.
  const donors = agreement && !options.donors.some((d) => d.id === agreement.donor.id) ? [...options.donors, agreement.donor] : options.donors;
  const templates = agreement?.templateId && !options.templates.some((x) => x.id === agreement.templateId)
    ? [...options.templates, { id: agreement.templateId, name: agreement.templateName ?? agreement.templateId }]
    : options.templates;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems = checkForm(form, currentLocale());
    setClientProblems(problems);
    if (problems.length) return;
    save.mutate(toBody(form), {
      onSuccess: (saved) => {
        notifications.show({ color: 'teal', message: t(agreement ? 'form.saved' : 'form.added', { number: saved.agreementNumber }) });
        onDone();
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={agreement ? t('form.editTitle') : t('form.addTitle')}>
      <Stack>
        <FormProblems clientProblems={clientProblems.length} error={save.error} unplaced={unplaced} />
        {donors.length === 0 && (
          <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} />} data-testid="no-donor">
            {t('form.noDonor')}{' '}
            <Anchor component={Link} to={`/projects/${project.id}/edit`} size="sm">
              {t('form.editProject')}
            </Anchor>
          </Alert>
        )}
        <Select
          label={t('fields.donor')}
          description={t('form.donorHelp')}
          data={donors.map((d) => ({ value: d.id, label: organisationLabel(d) }))}
          value={form.donorOrganisationId}
          onChange={(v) => set('donorOrganisationId', v)}
          error={byField.donorOrganisationId}
          required
          allowDeselect={false}
          data-testid="agreement-donor"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('fields.number')}
            description={t('form.numberHelp')}
            value={form.agreementNumber}
            onChange={(e) => set('agreementNumber', e.currentTarget.value)}
            error={byField.agreementNumber}
            required
            maxLength={100}
            dir="ltr"
            data-autofocus
            data-testid="agreement-number"
          />
          <TextInput label={t('fields.title')} value={form.title} onChange={(e) => set('title', e.currentTarget.value)} error={byField.title} maxLength={300} dir="auto" />
          <TextInput type="date" label={t('fields.startDate')} value={form.startDate} onChange={(e) => set('startDate', e.currentTarget.value)} error={byField.startDate} required />
          <TextInput type="date" label={t('fields.endDate')} value={form.endDate} onChange={(e) => set('endDate', e.currentTarget.value)} error={byField.endDate} required />
          <Select
            label={t('fields.frequency')}
            description={t('form.frequencyHelp')}
            data={REPORT_FREQUENCIES.map((f) => ({ value: f, label: t(`frequency.${f}`) }))}
            value={form.reportFrequency}
            onChange={(v) => v && set('reportFrequency', v as ReportFrequency)}
            error={byField.reportFrequency}
            required
            allowDeselect={false}
          />
          <NumberInput
            label={t('fields.dueDays')}
            description={t('form.dueDaysHelp')}
            value={form.reportDueDays}
            onChange={(v) => set('reportDueDays', v)}
            error={byField.reportDueDays}
            min={0}
            max={180}
            allowDecimal={false}
            allowNegative={false}
            required
          />
          <Select
            label={t('fields.template')}
            description={t('form.templateHelp')}
            placeholder={templates.length ? t('form.noTemplate') : t('form.noTemplates')}
            data={templates.map((x) => ({ value: x.id, label: x.name }))}
            value={form.templateId}
            onChange={(v) => set('templateId', v)}
            error={byField.templateId}
            clearable
          />
          <Select
            label={t('fields.language')}
            description={t('form.languageHelp')}
            data={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
            value={form.reportLanguage}
            onChange={(v) => v && set('reportLanguage', v as AgreementForm['reportLanguage'])}
            error={byField.reportLanguage}
            required
            allowDeselect={false}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="agreement-save">
            {t('common:actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
