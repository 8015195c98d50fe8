import { Badge, Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function Value({ value, missing }: { value: unknown; missing: boolean }) {
  if (missing) return <Text span c="dimmed" size="sm">—</Text>;
  if (value === null) return <Text span c="dimmed" size="sm" ff="monospace">null</Text>;
  if (typeof value === 'object') {
    return (
      <Code block dir="ltr" fz="xs" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', maxHeight: 240, overflow: 'auto' }}>
        {JSON.stringify(value, null, 2)}
      </Code>
    );
  }
  return (
    <Text span size="sm" dir="auto" style={{ wordBreak: 'break-word' }}>
      {String(value)}
    </Text>
  );
}

/**
 * Before and after of one audit entry as a table of fields: changed fields are highlighted and
 * marked, nested values are shown as indented JSON. Creations have only "after", deletions only "before".
 */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation('admin');
  if (before == null && after == null) return <Text size="sm" c="dimmed">{t('audit.noDetails')}</Text>;

  if (!(isRecord(before) || before == null) || !(isRecord(after) || after == null)) {
    // Not objects on both sides (a list, a single value): show them side by side.
    return (
      <Table withTableBorder layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.before')}</Table.Th>
            <Table.Th>{t('audit.after')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Td><Value value={before} missing={before == null} /></Table.Td>
            <Table.Td><Value value={after} missing={after == null} /></Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    );
  }

  const b = before ?? {};
  const a = after ?? {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const changedCount = keys.filter((k) => !same(b[k], a[k])).length;
  const onlyOneSide = before == null || after == null;

  return (
    <div>
      {!onlyOneSide && (
        <Text size="xs" c="dimmed" mb={6}>
          {t('audit.changedFields', { count: changedCount })}
        </Text>
      )}
      <Table.ScrollContainer minWidth={520} type="native">
        <Table withTableBorder layout="fixed" verticalSpacing={6} data-testid="audit-diff">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="22%">{t('audit.field')}</Table.Th>
              <Table.Th>{t('audit.before')}</Table.Th>
              <Table.Th>{t('audit.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {keys.map((k) => {
              const inBefore = k in b;
              const inAfter = k in a;
              const changed = !onlyOneSide && !same(b[k], a[k]);
              const mark = !onlyOneSide && changed ? (!inBefore ? 'added' : !inAfter ? 'removed' : 'changed') : null;
              return (
                <Table.Tr key={k} bg={changed ? 'var(--mantine-color-yellow-light)' : undefined} data-changed={changed || undefined}>
                  <Table.Td>
                    <Code dir="ltr">{k}</Code>
                    {mark && (
                      <Badge size="xs" ms={6} color={mark === 'added' ? 'green' : mark === 'removed' ? 'red' : 'yellow'} variant="filled">
                        {t(`audit.${mark}`)}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td c={changed ? 'red.9' : undefined}>
                    <Value value={b[k]} missing={!inBefore} />
                  </Table.Td>
                  <Table.Td c={changed ? 'green.9' : undefined} fw={changed ? 600 : undefined}>
                    <Value value={a[k]} missing={!inAfter} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </div>
  );
}
