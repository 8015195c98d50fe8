import { Button, Card, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NARRATIVE_SECTIONS, type NarrativeSection } from '@shared/domain/submission-status.js';
import { isLocale, type Locale } from '@shared/locales.js';
import type { SubmissionDetail } from '@shared/schemas/index.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { currentLocale } from '../../../i18n/index.js';
import { formatDateTime } from '../../../lib/format.js';
import { languageOptions } from './languages.js';
import { currentText, type Drafts, draftsAfterSave, savedSections, sectionsToSave } from './narrative-drafts.js';
import { useNarratives, useSaveNarratives } from './queries.js';
import { newRequestKey } from './request-key.js';
import { TranslationPanel } from './TranslationPanel.js';

/**
 * The package's narrative: achievements, challenges, lessons learned and next steps, written in
 * one language the reporter names. Saved with the button and whenever a section loses focus;
 * each saved section can be translated beside its original.
 */
export function NarrativesPanel({ detail }: { detail: SubmissionDetail }) {
  const { t } = useTranslation('evidence');
  const submissionId = detail.submission.id;
  const narratives = useNarratives(submissionId);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="narratives-title" data-testid="narratives">
      <Title order={3} id="narratives-title" mb={4}>
        {t('narratives.title')}
      </Title>
      {detail.canEdit && (
        <Text size="sm" c="dimmed" mb="sm">
          {t('narratives.help')}
        </Text>
      )}
      {narratives.isPending ? (
        <PageLoader />
      ) : narratives.error ? (
        <ErrorAlert error={narratives.error} />
      ) : (
        <NarrativesForm detail={detail} list={narratives.data} />
      )}
    </Card>
  );
}

function NarrativesForm({ detail, list }: { detail: SubmissionDetail; list: NonNullable<ReturnType<typeof useNarratives>['data']> }) {
  const { t } = useTranslation('evidence');
  const submissionId = detail.submission.id;
  const save = useSaveNarratives(submissionId);
  const canEdit = list.canEdit && detail.canEdit;
  const saved = useMemo(() => savedSections(list.items), [list.items]);
  const savedLanguage = Object.values(saved)[0]?.language;
  const [drafts, setDrafts] = useState<Drafts>({});
  const [picked, setPicked] = useState<Locale | null>(null);
  const language: Locale = picked ?? savedLanguage ?? detail.submission.sourceLanguage ?? currentLocale();
  const changes = sectionsToSave(drafts, saved, language);
  const dirty = canEdit && changes.length > 0;
  // A blur while a save is on its way saves again when it is back, so nothing typed meanwhile waits for the button.
  const again = useRef(false);

  const run = () => {
    if (!canEdit) return;
    if (save.isPending) {
      again.current = true;
      return;
    }
    const sections = sectionsToSave(drafts, saved, language);
    if (!sections.length) return;
    save.mutate(
      { body: { language, sections }, key: newRequestKey() },
      {
        onSuccess: () => setDrafts((d) => draftsAfterSave(d, sections)),
        onSettled: () => {
          if (!again.current) return;
          again.current = false;
          runRef.current();
        },
      },
    );
  };
  const runRef = useRef(run);
  useEffect(() => {
    runRef.current = run;
  });

  const lastSaved = Object.values(saved).reduce<string | null>((max, n) => (!max || n.updatedAt > max ? n.updatedAt : max), null);

  return (
    <Stack gap="md">
      <Select
        label={t('narratives.language')}
        description={t('narratives.languageHelp')}
        data={languageOptions()}
        value={language}
        onChange={(v) => isLocale(v) && setPicked(v)}
        onBlur={() => run()}
        allowDeselect={false}
        readOnly={!canEdit}
        maw={420}
        data-testid="narrative-language"
      />
      {NARRATIVE_SECTIONS.map((section) => (
        <SectionField
          key={section}
          section={section}
          value={currentText(section, drafts, saved)}
          language={language}
          canEdit={canEdit}
          onChange={(text) => setDrafts((d) => ({ ...d, [section]: text }))}
          onBlur={run}
        >
          {saved[section] && saved[section].text.trim() !== '' && (
            <TranslationPanel narrative={saved[section]} list={list} detail={detail} />
          )}
        </SectionField>
      ))}
      {save.error && <ErrorAlert error={save.error} title={t('narratives.saveFailed')} />}
      {canEdit && (
        <Group justify="space-between" wrap="wrap">
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="narratives-state">
            {save.isPending
              ? t('narratives.saving')
              : dirty
                ? t('narratives.unsaved')
                : lastSaved
                  ? t('narratives.savedAt', { at: formatDateTime(lastSaved) })
                  : ''}
          </Text>
          <Button leftSection={<IconDeviceFloppy size={16} />} onClick={run} loading={save.isPending} disabled={!dirty && !save.isPending} data-testid="narratives-save">
            {t('narratives.save')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function SectionField(props: {
  section: NarrativeSection;
  value: string;
  language: Locale;
  canEdit: boolean;
  onChange: (text: string) => void;
  onBlur: () => void;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation('evidence');
  const { section, canEdit } = props;
  return (
    <Stack gap={6}>
      <Textarea
        label={t(`sections.${section}.label`)}
        description={t(`sections.${section}.help`)}
        placeholder={canEdit ? t(`sections.${section}.placeholder`) : t('narratives.empty')}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
        onBlur={props.onBlur}
        readOnly={!canEdit}
        variant={canEdit ? 'default' : 'filled'}
        autosize
        minRows={3}
        maxRows={14}
        maxLength={20_000}
        // The text's own direction: an Arabic narrative reads right to left in an English interface too.
        dir="auto"
        lang={props.language}
        data-testid={`narrative-${section}`}
      />
      {props.children}
    </Stack>
  );
}
