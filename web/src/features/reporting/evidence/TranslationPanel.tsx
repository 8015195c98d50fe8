import { Button, Collapse, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconChecks, IconDeviceFloppy, IconLanguage, IconRobot } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLocale, type Locale, LOCALES } from '@shared/locales.js';
import type { Narrative, NarrativeList, SubmissionDetail, Translation } from '@shared/schemas/index.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { currentLocale } from '../../../i18n/index.js';
import { formatDateTime } from '../../../lib/format.js';
import { languageName } from './languages.js';
import { useTranslationAction } from './queries.js';
import { TranslationBadges } from './TranslationBadges.js';

/** The language to show first: the reader's own when it is translated, else one already translated, else the reader's, else the first other one. */
function defaultTarget(narrative: Narrative): Locale {
  const reader = currentLocale();
  const done = narrative.translations.map((x) => x.language);
  if (reader !== narrative.language && done.includes(reader)) return reader;
  if (done[0]) return done[0];
  if (reader !== narrative.language) return reader;
  return LOCALES.find((l) => l !== narrative.language) ?? 'en';
}

/**
 * One narrative section beside its translation into a language the reader picks. Translators
 * (`canTranslate`) ask the machine provider when one is configured, or write and correct the text
 * themselves; managers mark a translation reviewed.
 */
export function TranslationPanel({ narrative, list, detail }: { narrative: Narrative; list: NarrativeList; detail: SubmissionDetail }) {
  const { t } = useTranslation('evidence');
  const [target, setTarget] = useState<Locale>(() => defaultTarget(narrative));
  const [open, setOpen] = useState(narrative.translations.length > 0);
  const translation = narrative.translations.find((x) => x.language === target) ?? null;
  const sectionLabel = t(`sections.${narrative.section}.label`);
  const bodyId = `translation-${narrative.id}`;
  const toggle = (
    <Button
      variant="subtle"
      size="compact-sm"
      leftSection={<IconLanguage size={16} />}
      rightSection={open ? <IconChevronUp size={14} /> : <IconChevronDown size={14} />}
      onClick={() => setOpen((o) => !o)}
      aria-expanded={open}
      aria-controls={bodyId}
      aria-label={t('translation.toggle', { section: sectionLabel })}
      data-testid={`translation-toggle-${narrative.section}`}
    >
      {narrative.translations.length ? t('translation.title', { count: narrative.translations.length }) : t('translation.translate')}
    </Button>
  );
  return (
    <div data-testid={`translation-${narrative.section}`}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        {toggle}
        {!open && narrative.translations.some((x) => x.outdated) && (
          <Text size="xs" c="orange.8">
            {t('translation.someOutdated')}
          </Text>
        )}
      </Group>
      <Collapse expanded={open} id={bodyId}>
        <Paper withBorder radius="sm" p="sm" mt={4} bg="var(--mantine-color-gray-light)">
          <Stack gap="xs">
            <Group justify="space-between" align="flex-end" gap="xs" wrap="wrap">
              <Select
                label={t('translation.target')}
                data={LOCALES.filter((l) => l !== narrative.language).map((l) => ({ value: l, label: languageName(l) }))}
                value={target}
                onChange={(v) => isLocale(v) && setTarget(v)}
                allowDeselect={false}
                w={240}
                size="xs"
                aria-label={t('translation.targetFor', { section: sectionLabel })}
                data-testid="translation-target"
              />
              {translation && <TranslationBadges translation={translation} />}
            </Group>
            {/* Keyed by language and version: another language, or a new answer from the server, starts a fresh draft. */}
            <TranslationEditor
              key={`${target}:${translation?.updatedAt ?? ''}`}
              narrative={narrative}
              target={target}
              translation={translation}
              list={list}
              manager={list.canTranslate && (detail.canReview || detail.canComment)}
              submissionId={detail.submission.id}
            />
          </Stack>
        </Paper>
      </Collapse>
    </div>
  );
}

function TranslationEditor(props: {
  narrative: Narrative;
  target: Locale;
  translation: Translation | null;
  list: NarrativeList;
  manager: boolean;
  submissionId: string;
}) {
  const { t } = useTranslation('evidence');
  const { narrative, target, translation, list } = props;
  const action = useTranslationAction(props.submissionId);
  const [text, setText] = useState(translation?.text ?? '');
  const dirty = text.trim() !== '' && text.trim() !== (translation?.text ?? '').trim();
  const pending = action.isPending ? action.variables.kind : null;
  const base = { narrativeId: narrative.id, language: target };
  // A person's up-to-date translation is not replaced by the machine's.
  const machineOffered = list.machineTranslation && list.canTranslate && (!translation || translation.provenance === 'machine' || translation.outdated);
  const sectionLabel = t(`sections.${narrative.section}.label`);

  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('translation.original', { language: languageName(narrative.language) })}
          </Text>
          <Text
            size="sm"
            dir="auto"
            lang={narrative.language}
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
            p="xs"
            bg="var(--mantine-color-body)"
            bd="1px solid var(--mantine-color-default-border)"
            data-testid="translation-original"
          >
            {narrative.text}
          </Text>
        </Stack>
        <Textarea
          label={t('translation.in', { language: languageName(target) })}
          placeholder={list.canTranslate ? t('translation.placeholder') : t('translation.none')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          readOnly={!list.canTranslate || pending === 'machine'}
          variant={list.canTranslate ? 'default' : 'filled'}
          autosize
          minRows={3}
          maxRows={14}
          maxLength={20_000}
          dir="auto"
          lang={target}
          aria-label={t('translation.textFor', { section: sectionLabel, language: languageName(target) })}
          data-testid="translation-text"
        />
      </SimpleGrid>
      {translation && (
        <Text size="xs" c="dimmed">
          {t(translation.provenance === 'machine' ? 'translation.byMachine' : 'translation.byPerson', {
            name: translation.updatedBy.name,
            provider: translation.provider ?? '',
            at: formatDateTime(translation.updatedAt),
          })}
          {translation.reviewed && translation.reviewedBy ? ` · ${t('translation.reviewedBy', { name: translation.reviewedBy.name })}` : ''}
        </Text>
      )}
      {translation?.outdated && (
        <Text size="xs" c="orange.8">
          {t('translation.outdatedHelp')}
        </Text>
      )}
      {action.error && <ErrorAlert error={action.error} title={t('translation.failed')} />}
      {(list.canTranslate || props.manager) && (
        <Group gap="xs" justify="flex-end" wrap="wrap">
          {machineOffered && (
            <Button
              variant="light"
              size="xs"
              leftSection={<IconRobot size={16} />}
              loading={pending === 'machine'}
              disabled={pending !== null && pending !== 'machine'}
              onClick={() => action.mutate({ kind: 'machine', ...base })}
              data-testid="translation-machine"
            >
              {t('translation.machineTranslate')}
            </Button>
          )}
          {list.canTranslate && (
            <Button
              size="xs"
              leftSection={<IconDeviceFloppy size={16} />}
              loading={pending === 'write'}
              disabled={!dirty || (pending !== null && pending !== 'write')}
              onClick={() => action.mutate({ kind: 'write', ...base, text: text.trim() })}
              data-testid="translation-save"
            >
              {t('translation.save')}
            </Button>
          )}
          {props.manager && translation && (
            <Button
              variant={translation.reviewed ? 'default' : 'light'}
              color={translation.reviewed ? undefined : 'teal'}
              size="xs"
              leftSection={<IconChecks size={16} />}
              loading={pending === 'review'}
              disabled={dirty || (pending !== null && pending !== 'review')}
              onClick={() => action.mutate({ kind: 'review', ...base, reviewed: !translation.reviewed })}
              data-testid="translation-review"
            >
              {translation.reviewed ? t('translation.markNotReviewed') : t('translation.markReviewed')}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
