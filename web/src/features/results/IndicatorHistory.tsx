import { Badge, Button, Card, Collapse, Group, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DisaggregationCategory, type Framework, type Indicator, LOP_PERIOD_KEY } from '@shared/schemas/index.js';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.js';
import { categoryName, formatValue, optionLabel } from './labels.js';
import type { IndicatorHistory as History } from './queries.js';

const ENUM_FIELDS: Record<string, string> = {
  type: 'types',
  direction: 'directions',
  timeAggregation: 'timeAggregations',
  locationAggregation: 'locationAggregations',
  frequency: 'frequencies',
};

/** Figures in the indicator's own type: a percentage target reads "80 %", as on the sheet and in the targets table. */
const FIGURE_FIELDS = new Set(['baselineValue', 'lopTarget']);
const isTargetField = (field: string) => /^targets?[\s.:]/i.test(field);

/** What names a target cell in words: the indicator's places (from its targets, once loaded) and categories. */
export interface TargetNaming {
  locations: { pcode: string; name: string }[];
  categories: DisaggregationCategory[];
}

/**
 * A field's name in words. Target changes come cell by cell as `target <period> · <P-code> · <option codes>`
 * (`target 2026-Q1 · CD7201 · female/12-17`, codes because they do not change with the reader's
 * language). Here they read "Target 2026-Q1 · Kolwezi (CD7201) · Female / 12–17 years"; a code this page
 * cannot name (a place or an option since removed) is shown as written.
 */
export function useHistoryField(naming: TargetNaming) {
  const { t } = useTranslation('results');
  const places = new Map(naming.locations.map((l) => [l.pcode, `${l.name} (${l.pcode})`]));
  const options = new Map<string, string>();
  for (const c of naming.categories) for (const o of c.options) if (!options.has(o.code)) options.set(o.code, optionLabel(o));
  return (field: string): string => {
    if (!isTargetField(field)) return t(`fields.${field}`, { defaultValue: field });
    const [period = '', ...rest] = field.replace(/^targets?[\s.:]+/i, '').split(' · ');
    const parts = rest.map((p) => places.get(p) ?? (p.includes('/') || options.has(p) ? p.split('/').map((code) => options.get(code) ?? code).join(', ') : p));
    return [`${t('history.target')} ${period === LOP_PERIOD_KEY ? t('targets.lifeOfProject') : period}`, ...parts].join(' · ');
  };
}

/** A value from the history in words: enums translated, booleans as yes/no, translations per language, ids as names. */
function useHistoryValue(framework: Framework | undefined, type: Indicator['type']) {
  const { t } = useTranslation('results');
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('history.empty');
    if (typeof value === 'number' && (FIGURE_FIELDS.has(field) || isTargetField(field))) {
      return type === 'yes_no' && isTargetField(field) ? (value ? t('sheet.yes') : t('sheet.no')) : formatValue(value, type);
    }
    if (typeof value === 'boolean') return value ? t('sheet.yes') : t('sheet.no');
    if (typeof value === 'string' && ENUM_FIELDS[field]) return t(`${ENUM_FIELDS[field]}.${value}`, { defaultValue: value });
    if (typeof value === 'string' && field === 'resultNodeId') return framework?.nodes.find((n) => n.id === value)?.code ?? value;
    if (typeof value === 'string' && field === 'contributesToId') return framework?.programmeIndicators.find((p) => p.id === value)?.code ?? value;
    if (typeof value === 'string' && field === 'libraryIndicatorId') return t('library.linked');
    if (typeof value === 'string' && field === 'baselineDate') return formatDate(value, 'long');
    if (Array.isArray(value) && field === 'categoryIds') {
      if (value.length === 0) return t('categories.notDisaggregated');
      // The history keeps category codes (readable after a category is deleted); ids are named too.
      return value
        .map((v) => {
          const c = framework?.categories.find((x) => x.id === v || x.code === v);
          return c ? categoryName(c) : String(v);
        })
        .join(' × ');
    }
    if (typeof value === 'number') return formatNumber(value, { maximumFractionDigits: 4 });
    if (typeof value === 'object' && !Array.isArray(value)) {
      const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== '' && v != null);
      if (entries.length === 0) return t('history.empty');
      return entries.map(([k, v]) => `${t(`languages.${k}`, { defaultValue: k })}: ${String(v)}`).join(' · ');
    }
    return Array.isArray(value) ? value.map(String).join(', ') : String(value);
  };
}

export function IndicatorHistory({
  history,
  framework,
  type,
  naming,
}: {
  history: History;
  framework: Framework | undefined;
  type: Indicator['type'];
  naming: TargetNaming;
}) {
  const { t } = useTranslation('results');
  if (history.items.length === 0) return <Text size="sm" c="dimmed">{t('sheet.noHistory')}</Text>;
  return (
    <Stack gap="md" data-testid="indicator-history">
      {history.items.map((entry, k) => (
        <HistoryEntry key={`${entry.at}-${k}`} entry={entry} framework={framework} type={type} naming={naming} />
      ))}
    </Stack>
  );
}

const ACTION_COLORS: Record<string, string> = {
  'indicator.create': 'teal',
  'indicator.adopt': 'teal',
  'indicator.update': 'blue',
  'indicator.targets': 'indigo',
  'indicator.move': 'grape',
  'indicator.delete': 'red',
};

/** Beyond this many rows, a change (a whole targets table saved at once) shows its first rows and a button for the rest. */
const SHOWN_ROWS = 12;

function HistoryEntry({
  entry,
  framework,
  type,
  naming,
}: {
  entry: History['items'][number];
  framework: Framework | undefined;
  type: Indicator['type'];
  naming: TargetNaming;
}) {
  const { t } = useTranslation('results');
  const show = useHistoryValue(framework, type);
  const fieldName = useHistoryField(naming);
  const created = entry.action === 'indicator.create' || entry.action === 'indicator.adopt';
  // A creation lists every field with nothing before it: folded away, it would drown the real changes.
  const [open, { toggle }] = useDisclosure(!created);
  const [all, setAll] = useState(false);
  const changes = entry.changes.filter((c) => c.field !== 'position' || entry.action === 'indicator.move');
  const rows = all ? changes : changes.slice(0, SHOWN_ROWS);
  return (
    <Card withBorder padding="sm" radius="md" data-testid="history-entry" data-action={entry.action}>
      <Group gap="xs" wrap="wrap" mb={entry.reason || entry.note ? 4 : 0}>
        <Badge color={ACTION_COLORS[entry.action] ?? 'gray'} variant="light" tt="none">
          {t(`history.actions.${entry.action}`, { defaultValue: entry.action })}
        </Badge>
        <Text size="sm" fw={500}>
          {entry.actorName ?? t('history.unknownActor')}
        </Text>
        <Text size="sm" c="dimmed">
          {formatDateTime(entry.at)}
        </Text>
      </Group>
      {(entry.reason || entry.note) && (
        <Group gap="xs" wrap="wrap" align="baseline" mb={4}>
          {entry.reason && (
            <Badge variant="outline" color="yellow" tt="none" data-testid="history-reason">
              {t(`reasons.${entry.reason}`)}
            </Badge>
          )}
          {entry.note && (
            <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }} data-testid="history-note">
              {entry.note}
            </Text>
          )}
        </Group>
      )}
      {changes.length > 0 && (
        <>
          {created && (
            <UnstyledButton onClick={toggle} aria-expanded={open} mt={4}>
              <Group gap={4}>
                {open ? <IconChevronDown size={14} /> : document.documentElement.dir === 'rtl' ? <IconChevronLeft size={14} /> : <IconChevronRight size={14} />}
                <Text size="sm" c="blue">
                  {t('history.createdFields')}
                </Text>
              </Group>
            </UnstyledButton>
          )}
          <Collapse expanded={open}>
            <Table.ScrollContainer minWidth={420} mt="xs">
              <Table layout="fixed" withTableBorder fz="sm" verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w="34%">{t('history.field')}</Table.Th>
                    {!created && <Table.Th>{t('history.before')}</Table.Th>}
                    <Table.Th>{created ? '' : t('history.after')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((c) => (
                    <Table.Tr key={c.field} data-field={c.field}>
                      <Table.Td fw={500} style={{ overflowWrap: 'anywhere' }}>
                        {fieldName(c.field)}
                      </Table.Td>
                      {!created && (
                        <Table.Td c="dimmed" style={{ overflowWrap: 'anywhere' }} dir="auto">
                          {show(c.field, c.before)}
                        </Table.Td>
                      )}
                      <Table.Td style={{ overflowWrap: 'anywhere' }} dir="auto">
                        {show(c.field, c.after)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {changes.length > SHOWN_ROWS && (
              <Button variant="subtle" size="compact-sm" mt={4} onClick={() => setAll((a) => !a)} aria-expanded={all}>
                {all ? t('history.showFewer') : t('history.showAll', { count: changes.length })}
              </Button>
            )}
          </Collapse>
        </>
      )}
    </Card>
  );
}
