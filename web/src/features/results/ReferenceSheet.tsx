import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Framework, Indicator } from '@shared/schemas/index.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDate } from '../../lib/format.js';
import { Fact, Facts } from '../projects/Facts.js';
import { LibraryEntryName } from './IndicatorLinkFields.js';
import { ownerOf } from './owner.js';
import { categoryName, DirectionArrow, formatValue, indicatorName, localised, optionLabel, TypeBadge } from './labels.js';
import { TRANSLATION_LOCALES } from './TranslationsInput.js';

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md" component="section">
      <Title order={4} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

const Empty = () => (
  <Text span size="sm" c="dimmed">
    —
  </Text>
);

/** A text field of the sheet; multi-line texts keep their line breaks. */
function Long({ text }: { text: string }) {
  return text ? (
    <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {text}
    </Text>
  ) : (
    <Empty />
  );
}

/** The other languages a text exists in, besides the one shown. */
function OtherLanguages({ original, translations }: { original: string; translations: Record<string, string> }) {
  const { t } = useTranslation('results');
  const locale = currentLocale();
  const shown = localised(original, translations);
  const others = [
    ...(shown !== original ? [{ key: 'original', label: '', text: original }] : []),
    ...TRANSLATION_LOCALES.filter((l) => l !== locale && translations[l]?.trim()).map((l) => ({ key: l, label: t(`languages.${l}`), text: translations[l]! })),
  ];
  if (others.length === 0) return null;
  return (
    <Stack gap={2} mt={4}>
      {others.map((o) => (
        <Text key={o.key} size="xs" c="dimmed" dir="auto" lang={o.key === 'original' ? undefined : o.key}>
          {o.label && <strong>{o.label}: </strong>}
          {o.text}
        </Text>
      ))}
    </Stack>
  );
}

/** The indicator's reference sheet, read-only; `framework` (once loaded) names its categories and its programme indicator. */
export function ReferenceSheet({ indicator: i, framework }: { indicator: Indicator; framework: Framework | undefined }) {
  const { t } = useTranslation('results');
  const yesNo = { yes: t('sheet.yes'), no: t('sheet.no') };
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="reference-sheet">
      <Section title={t('indicatorForm.sections.identity')}>
        <Facts>
          <Fact label={t('fields.code')}>
            <Text span size="sm" ff="monospace" dir="ltr">
              {i.code}
            </Text>
          </Fact>
          <Fact label={t('fields.name')}>
            <Long text={indicatorName(i)} />
            <OtherLanguages original={i.name} translations={i.names} />
          </Fact>
          <Fact label={t('fields.definition')}>
            <Long text={localised(i.definition, i.definitions)} />
            {i.definition && <OtherLanguages original={i.definition} translations={i.definitions} />}
          </Fact>
          <Fact label={t('fields.unit')}>{i.unit || <Empty />}</Fact>
        </Facts>
      </Section>
      <Section title={t('indicatorForm.sections.measurement')}>
        <Facts>
          <Fact label={t('fields.type')}>
            <Stack gap={4}>
              <TypeBadge type={i.type} />
              <Text size="xs" c="dimmed">
                {t(`typeHelp.${i.type}`)}
              </Text>
            </Stack>
          </Fact>
          <Fact label={t('fields.direction')}>
            <Group gap={6} wrap="nowrap">
              <DirectionArrow direction={i.direction} />
              <Text span size="sm">
                {t(`directions.${i.direction}`)}
              </Text>
            </Group>
          </Fact>
          <Fact label={t('fields.timeAggregation')}>
            <Text size="sm">{t(`timeAggregations.${i.timeAggregation}`)}</Text>
            <Text size="xs" c="dimmed">
              {t(`timeHelp.${i.timeAggregation}`)}
            </Text>
          </Fact>
          <Fact label={t('fields.locationAggregation')}>
            <Text size="sm">{t(`locationAggregations.${i.locationAggregation}`)}</Text>
            <Text size="xs" c="dimmed">
              {t(`locationHelp.${i.locationAggregation}`)}
            </Text>
          </Fact>
          <Fact label={t('fields.cumulative')}>{i.cumulative ? t('sheet.yes') : t('sheet.no')}</Fact>
          <Fact label={t('fields.categoryIds')}>
            <Categories indicator={i} framework={framework} />
          </Fact>
          <Links indicator={i} framework={framework} />
        </Facts>
      </Section>
      <Section title={`${t('indicatorForm.sections.baseline')} · ${t('indicatorForm.sections.target')}`}>
        <Facts>
          <Fact label={t('fields.baselineValue')}>
            <Text span size="sm" data-testid="sheet-baseline">
              {formatValue(i.baselineValue, i.type, yesNo)}
            </Text>
          </Fact>
          <Fact label={t('fields.baselineDate')}>{formatDate(i.baselineDate, 'long')}</Fact>
          <Fact label={t('fields.lopTarget')}>
            <Text span size="sm" fw={600} data-testid="sheet-lop-target">
              {formatValue(i.lopTarget, i.type, yesNo)}
            </Text>
            <Text size="xs" c="dimmed">
              {t('indicatorForm.lopTargetHelp')}
            </Text>
          </Fact>
        </Facts>
      </Section>
      <Section title={t('indicatorForm.sections.data')}>
        <Facts>
          <Fact label={t('fields.meansOfVerification')}>
            <Long text={i.meansOfVerification} />
          </Fact>
          <Fact label={t('fields.dataSource')}>
            <Long text={i.dataSource} />
          </Fact>
          <Fact label={t('fields.collectionMethod')}>
            <Long text={i.collectionMethod} />
          </Fact>
          <Fact label={t('fields.frequency')}>{t(`frequencies.${i.frequency}`)}</Fact>
          <Fact label={t('fields.responsible')}>
            <Long text={i.responsible} />
          </Fact>
        </Facts>
      </Section>
    </SimpleGrid>
  );
}


/** Each category with its options, in the indicator's order. */
function Categories({ indicator: i, framework }: { indicator: Indicator; framework: Framework | undefined }) {
  const { t } = useTranslation('results');
  if (i.categoryIds.length === 0) return <Text size="sm">{t('categories.notDisaggregated')}</Text>;
  return (
    <Stack gap={4} data-testid="sheet-categories">
      {i.categoryIds.map((id) => {
        const c = framework?.categories.find((x) => x.id === id);
        return (
          <div key={id}>
            <Text size="sm" fw={500}>
              {c ? categoryName(c) : '…'}
            </Text>
            {c && (
              <Text size="xs" c="dimmed">
                {c.options.map(optionLabel).join(' · ')}
              </Text>
            )}
          </div>
        );
      })}
    </Stack>
  );
}

/** The library entry it follows and the programme indicator it rolls up into, when there are. */
function Links({ indicator: i, framework }: { indicator: Indicator; framework: Framework | undefined }) {
  const { t } = useTranslation('results');
  const target = i.contributesToId ? framework?.programmeIndicators.find((p) => p.id === i.contributesToId) : undefined;
  return (
    <>
      {i.libraryIndicatorId && (
        <Fact label={t('fields.libraryIndicatorId')}>
          <Text size="sm">{t('library.linked')}</Text>
          <LibraryEntryName id={i.libraryIndicatorId} owner={ownerOf(i)} />
          <Text size="xs" c="dimmed">
            {t('library.locked')}
          </Text>
        </Fact>
      )}
      {i.projectId && (
        <Fact label={t('fields.contributesToId')}>
          {i.contributesToId ? (
            <Group gap={6} wrap="wrap" data-testid="sheet-contributes-to">
              <Anchor component={Link} to={`/indicators/${i.contributesToId}`} size="sm" ff="monospace" dir="ltr">
                {target?.code ?? '…'}
              </Anchor>
              {target && (
                <Text size="sm" dir="auto">
                  {target.name}
                </Text>
              )}
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {t('rollUp.none')}
            </Text>
          )}
        </Fact>
      )}
    </>
  );
}
