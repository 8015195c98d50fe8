import { ActionIcon, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconLanguage, IconPlus, IconTextPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '@shared/locales.js';
import type { ReportSection, ReportSectionKind } from '@shared/schemas/report-templates.js';
import { LANGUAGE_NAMES } from '../../components/LanguageMenu.js';
import { addSection, moveSection, removeSection, SECTION_KINDS, translationCount, translationPatch, updateSection } from './sections.js';

/**
 * The ordered sections of a template. Each can be moved with its up and down buttons (focus stays
 * on the button pressed, and the new position is announced), renamed, switched off, given fixed
 * text, or removed; new sections are added at the end by kind.
 */
export function SectionList({
  sections,
  onChange,
  readOnly,
  errors,
}: {
  sections: ReportSection[];
  onChange: (next: ReportSection[]) => void;
  readOnly: boolean;
  /** Problems by field path within the sections, e.g. `2.title`. */
  errors: Record<string, string>;
}) {
  const { t } = useTranslation('reportTemplates');
  const listRef = useRef<HTMLDivElement>(null);
  const [announcement, setAnnouncement] = useState('');
  const [focusAfterMove, setFocusAfterMove] = useState<{ key: string; direction: 'up' | 'down' } | null>(null);
  const [kindToAdd, setKindToAdd] = useState<ReportSectionKind>('fixed_text');

  // Keeps focus on the pressed button after the card moved; at the top or bottom, the other arrow takes it.
  useEffect(() => {
    if (!focusAfterMove || !listRef.current) return;
    const find = (direction: string) => listRef.current!.querySelector<HTMLButtonElement>(`[data-move="${focusAfterMove.key}:${direction}"]:not([disabled])`);
    (find(focusAfterMove.direction) ?? find(focusAfterMove.direction === 'up' ? 'down' : 'up'))?.focus();
    setFocusAfterMove(null);
  }, [focusAfterMove, sections]);

  const move = (index: number, direction: 'up' | 'down') => {
    const next = moveSection(sections, index, direction === 'up' ? -1 : 1);
    const section = sections[index]!;
    onChange(next);
    setAnnouncement(t('section.moved', { title: section.title, n: next.findIndex((s) => s.key === section.key) + 1, count: next.length }));
    setFocusAfterMove({ key: section.key, direction });
  };

  return (
    <Stack gap="sm" ref={listRef}>
      <VisuallyHidden aria-live="polite" role="status">{announcement}</VisuallyHidden>
      {sections.map((section, index) => (
        <SectionCard
          key={section.key}
          section={section}
          index={index}
          count={sections.length}
          readOnly={readOnly}
          errors={errors}
          onMove={(direction) => move(index, direction)}
          onPatch={(patch) => onChange(updateSection(sections, section.key, patch))}
          onRemove={() => {
            onChange(removeSection(sections, section.key));
            setAnnouncement(t('section.removed', { title: section.title }));
          }}
        />
      ))}
      {!readOnly && (
        <Group align="flex-end" gap="sm">
          <Select
            label={t('section.kindToAdd')}
            data={SECTION_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
            value={kindToAdd}
            onChange={(v) => v && setKindToAdd(v as ReportSectionKind)}
            allowDeselect={false}
            w={{ base: '100%', sm: 300 }}
            data-testid="section-kind-to-add"
          />
          <Button
            variant="light"
            leftSection={<IconPlus size={16} />}
            disabled={sections.length >= 40}
            onClick={() => {
              onChange(addSection(sections, kindToAdd, t(`kinds.${kindToAdd}`)));
              setAnnouncement(t('section.added', { title: t(`kinds.${kindToAdd}`) }));
            }}
            data-testid="add-section"
          >
            {t('section.add')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function SectionCard({
  section,
  index,
  count,
  readOnly,
  errors,
  onMove,
  onPatch,
  onRemove,
}: {
  section: ReportSection;
  index: number;
  count: number;
  readOnly: boolean;
  errors: Record<string, string>;
  onMove: (direction: 'up' | 'down') => void;
  onPatch: (patch: Partial<Pick<ReportSection, 'title' | 'enabled' | 'text' | 'titles' | 'texts'>>) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation('reportTemplates');
  const isText = section.kind === 'fixed_text';
  // Open when the section has fixed text in any language, so none of it is hidden yet printed.
  const [showText, setShowText] = useState(isText || section.text.length > 0 || Object.keys(section.texts ?? {}).length > 0);
  const [showLanguages, setShowLanguages] = useState(false);
  const translated = translationCount(section);
  const label = section.title || t(`kinds.${section.kind}`);
  return (
    <Card withBorder padding="sm" data-testid={`section-${section.key}`} opacity={section.enabled ? 1 : 0.75} aria-label={t('section.position', { n: index + 1, title: label })} component="section">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Badge variant="light" color="gray" radius="sm">{index + 1}</Badge>
            <Badge variant="light" radius="sm">{t(`kinds.${section.kind}`)}</Badge>
            {!section.enabled && <Badge variant="outline" color="gray" radius="sm">{t('section.off')}</Badge>}
          </Group>
          <TextInput
            label={t('section.title')}
            value={section.title}
            onChange={(e) => onPatch({ title: e.currentTarget.value })}
            readOnly={readOnly}
            error={errors[`${index}.title`]}
            maxLength={200}
            required
            dir="auto"
          />
          <Text size="xs" c="dimmed">{t(`kindHelp.${section.kind}`)}</Text>
          {showText && (
            <Textarea
              label={isText ? t('section.text') : t('section.fixedText')}
              description={isText ? undefined : t('section.fixedTextHelp')}
              value={section.text}
              onChange={(e) => onPatch({ text: e.currentTarget.value })}
              readOnly={readOnly}
              error={errors[`${index}.text`]}
              autosize
              minRows={2}
              maxRows={10}
              maxLength={20_000}
              dir="auto"
            />
          )}
          {(!readOnly || translated > 0) && (
            <Group gap="xs">
              <Button
                variant="subtle"
                size="compact-sm"
                leftSection={<IconLanguage size={14} />}
                onClick={() => setShowLanguages((v) => !v)}
                aria-expanded={showLanguages}
                data-testid={`section-languages-${section.key}`}
              >
                {t('section.languages', { count: translated })}
              </Button>
            </Group>
          )}
          {showLanguages && (
            <Stack gap="xs" p="xs" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-sm)' }}>
              <Text size="xs" c="dimmed">
                {t('section.languagesHelp')}
              </Text>
              {LOCALES.map((locale) => (
                <SimpleGrid key={locale} cols={{ base: 1, sm: showText ? 2 : 1 }} spacing="xs">
                  <TextInput
                    size="xs"
                    label={t('section.titleIn', { language: LANGUAGE_NAMES[locale] })}
                    placeholder={locale === 'ar' ? undefined : section.title}
                    value={section.titles?.[locale] ?? ''}
                    onChange={(e) => onPatch(translationPatch(section, 'titles', locale, e.currentTarget.value))}
                    readOnly={readOnly}
                    error={errors[`${index}.titles.${locale}`]}
                    maxLength={200}
                    lang={locale}
                    dir={locale === 'ar' ? 'rtl' : 'ltr'}
                    data-testid={`section-title-${section.key}-${locale}`}
                  />
                  {showText && (
                    <Textarea
                      size="xs"
                      label={t('section.textIn', { language: LANGUAGE_NAMES[locale] })}
                      value={section.texts?.[locale] ?? ''}
                      onChange={(e) => onPatch(translationPatch(section, 'texts', locale, e.currentTarget.value))}
                      readOnly={readOnly}
                      error={errors[`${index}.texts.${locale}`]}
                      autosize
                      minRows={1}
                      maxRows={6}
                      maxLength={20_000}
                      lang={locale}
                      dir={locale === 'ar' ? 'rtl' : 'ltr'}
                      data-testid={`section-text-${section.key}-${locale}`}
                    />
                  )}
                </SimpleGrid>
              ))}
            </Stack>
          )}
        </Stack>
        <Stack gap={6} align="flex-end">
          <Switch
            label={t('section.enabled')}
            checked={section.enabled}
            onChange={(e) => onPatch({ enabled: e.currentTarget.checked })}
            disabled={readOnly}
            labelPosition="left"
            data-testid={`section-enabled-${section.key}`}
          />
          {!readOnly && (
            <Group gap={4} wrap="nowrap">
              <Tooltip label={t('section.moveUp', { title: label })}>
                <ActionIcon variant="default" onClick={() => onMove('up')} disabled={index === 0} aria-label={t('section.moveUp', { title: label })} data-move={`${section.key}:up`}>
                  <IconArrowUp size={16} />
                </ActionIcon>
              </Tooltip>
              <Tooltip label={t('section.moveDown', { title: label })}>
                <ActionIcon variant="default" onClick={() => onMove('down')} disabled={index === count - 1} aria-label={t('section.moveDown', { title: label })} data-move={`${section.key}:down`}>
                  <IconArrowDown size={16} />
                </ActionIcon>
              </Tooltip>
              {!showText && (
                <Tooltip label={t('section.addFixedText')}>
                  <ActionIcon variant="default" onClick={() => setShowText(true)} aria-label={t('section.addFixedTextTo', { title: label })}>
                    <IconTextPlus size={16} />
                  </ActionIcon>
                </Tooltip>
              )}
              <Tooltip label={t('section.remove', { title: label })}>
                <ActionIcon variant="default" color="red" onClick={onRemove} disabled={count <= 1} aria-label={t('section.remove', { title: label })}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            </Group>
          )}
        </Stack>
      </Group>
    </Card>
  );
}
