import { Alert, Button, Card, Code, FileInput, Group, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconCheck, IconDownload, IconFileUpload, IconInfoCircle, IconListCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocationLevel } from '@shared/schemas/index.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { formatNumber } from '../../../lib/format.js';
import { CSV_COLUMNS, downloadBlob, exampleCsv, formatOf, geoJsonPropertyNames, guessProperties, type ImportFormat, readImportFile, type ReadFile } from './importFile.js';
import { levelOptions } from './levels.js';
import { useImportLocations } from './queries.js';

/** Files up to the server's 20 MB body limit; larger ones are refused here rather than after the upload. */
const MAX_BYTES = 20 * 1024 * 1024;

export function ImportPanel() {
  const { t } = useTranslation('admin');
  const importer = useImportLocations();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat>('csv');
  const [read, setRead] = useState<ReadFile | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [properties, setProperties] = useState<string[]>([]);
  const [level, setLevel] = useState<string>('');
  const [pcodeProperty, setPcodeProperty] = useState<string | null>(null);
  const [nameProperty, setNameProperty] = useState<string | null>(null);
  const [parentPcodeProperty, setParentPcodeProperty] = useState<string | null>(null);
  const [parentPcode, setParentPcode] = useState('');

  const load = async (f: File | null, fmt?: ImportFormat) => {
    importer.reset();
    setFile(f);
    setRead(null);
    setReadError(null);
    setProperties([]);
    if (!f) return;
    const chosen = fmt ?? formatOf(f.name);
    setFormat(chosen);
    if (f.size > MAX_BYTES) {
      setReadError(t('import.tooLarge', { size: formatNumber(f.size / 1024 / 1024, { maximumFractionDigits: 1 }) }));
      return;
    }
    try {
      const r = await readImportFile(f, chosen);
      setRead(r);
      if (chosen === 'geojson') {
        const names = geoJsonPropertyNames(r.text);
        setProperties(names);
        const guess = guessProperties(names);
        setPcodeProperty(guess.pcode);
        setNameProperty(guess.name);
        setParentPcodeProperty(guess.parent);
        if (names.length === 0) setReadError(t('import.noProperties'));
      }
    } catch {
      setReadError(t('import.readFailed'));
    }
  };

  const run = (dryRun: boolean) => {
    if (!read) return;
    importer.mutate({
      format,
      content: read.text,
      dryRun,
      ...(format === 'geojson' && {
        ...(level && { level: level as LocationLevel }),
        ...(pcodeProperty && { pcodeProperty }),
        ...(nameProperty && { nameProperty }),
        ...(parentPcodeProperty && { parentPcodeProperty }),
        ...(parentPcode.trim() && { parentPcode: parentPcode.trim() }),
      }),
    });
  };

  const propertyData = properties.map((p) => ({ value: p, label: p }));
  const result = importer.data;

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" style={{ alignItems: 'start' }}>
      <Card withBorder>
        <Stack>
          <Title order={4}>{t('import.title')}</Title>
          <Text size="sm" c="dimmed">{t('import.explain')}</Text>
          <FileInput
            label={t('import.file')}
            placeholder={t('import.choose')}
            accept=".csv,.txt,.geojson,.json,text/csv,application/geo+json,application/json"
            leftSection={<IconFileUpload size={16} />}
            value={file}
            onChange={(f) => void load(f)}
            clearable
            data-testid="import-file"
          />
          {file && (
            <Group gap="sm" align="center">
              <Text size="sm">{t('import.format')}</Text>
              <SegmentedControl
                size="xs"
                value={format}
                onChange={(v) => void load(file, v as ImportFormat)}
                data={[
                  { value: 'csv', label: 'CSV' },
                  { value: 'geojson', label: 'GeoJSON' },
                ]}
              />
              {read?.encoding === 'windows-1252' && (
                <Text size="xs" c="orange.8">{t('import.readAsWindows1252')}</Text>
              )}
            </Group>
          )}
          {readError && <Alert color="orange" icon={<IconInfoCircle size={18} />}>{readError}</Alert>}
          {format === 'geojson' && read && (
            <Stack gap="sm">
              <Text size="sm" fw={600}>{t('import.geojsonOptions')}</Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Select
                  label={t('import.level')}
                  description={t('import.levelHelp')}
                  data={[{ value: '', label: t('import.levelFromFile') }, ...levelOptions(t)]}
                  value={level}
                  onChange={(v) => setLevel(v ?? '')}
                  allowDeselect={false}
                />
                <Select
                  label={t('import.pcodeProperty')}
                  data={propertyData}
                  value={pcodeProperty}
                  onChange={setPcodeProperty}
                  searchable
                  clearable
                  placeholder="pcode"
                />
                <Select
                  label={t('import.nameProperty')}
                  data={propertyData}
                  value={nameProperty}
                  onChange={setNameProperty}
                  searchable
                  clearable
                  placeholder="name"
                />
                <Select
                  label={t('import.parentPcodeProperty')}
                  description={t('import.parentPcodePropertyHelp')}
                  data={propertyData}
                  value={parentPcodeProperty}
                  onChange={setParentPcodeProperty}
                  searchable
                  clearable
                  placeholder="parent_pcode"
                />
              </SimpleGrid>
              <TextInput
                label={t('import.fixedParent')}
                description={t('import.fixedParentHelp')}
                value={parentPcode}
                onChange={(e) => setParentPcode(e.currentTarget.value)}
                placeholder="MLI"
                maxLength={50}
                dir="ltr"
                maw={260}
              />
            </Stack>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" leftSection={<IconListCheck size={16} />} disabled={!read} loading={importer.isPending && importer.variables?.dryRun === true} onClick={() => run(true)} data-testid="import-check">
              {t('import.checkOnly')}
            </Button>
            <Button leftSection={<IconFileUpload size={16} />} disabled={!read} loading={importer.isPending && importer.variables?.dryRun === false} onClick={() => run(false)} data-testid="import-run">
              {t('import.run')}
            </Button>
          </Group>
          {result && (
            <Alert color="teal" icon={<IconCheck size={18} />} title={result.dryRun ? t('import.checkPassed') : t('import.done')} data-testid="import-result">
              <Text size="sm">
                {result.dryRun
                  ? t('import.wouldChange', { created: formatNumber(result.created), updated: formatNumber(result.updated), unchanged: formatNumber(result.unchanged) })
                  : t('import.changed', { created: formatNumber(result.created), updated: formatNumber(result.updated), unchanged: formatNumber(result.unchanged) })}
              </Text>
              <Group gap="lg" mt="xs">
                <Count label={t('import.created')} value={result.created} />
                <Count label={t('import.updated')} value={result.updated} />
                <Count label={t('import.unchanged')} value={result.unchanged} />
              </Group>
            </Alert>
          )}
          {importer.error && (
            <div data-testid="import-errors">
              <ErrorAlert error={importer.error} title={t('import.failedTitle')} />
              {importer.variables?.format === 'geojson' && <Text size="xs" c="dimmed" mt={4}>{t('import.geojsonRowNote')}</Text>}
            </div>
          )}
        </Stack>
      </Card>
      <CsvHelp />
    </SimpleGrid>
  );
}

function Count({ label, value }: { label: string; value: number }) {
  return (
    <div>
      <Text fz={22} fw={700} lh={1.1}>{formatNumber(value)}</Text>
      <Text size="xs" c="dimmed">{label}</Text>
    </div>
  );
}

function CsvHelp() {
  const { t } = useTranslation('admin');
  const required = new Set(['pcode', 'name', 'level']);
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={4}>{t('import.csvTitle')}</Title>
        <Text size="sm">{t('import.csvExplain')}</Text>
        <Table.ScrollContainer minWidth={300}>
          <Table verticalSpacing={6} withTableBorder data-testid="csv-columns">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('import.column')}</Table.Th>
                <Table.Th>{t('import.meaning')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {CSV_COLUMNS.map((c) => (
                <Table.Tr key={c}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Code dir="ltr">{c}</Code>
                    {required.has(c) && <Text span c="red" ms={4} aria-label={t('import.required')}>*</Text>}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`import.columns.${c}`)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Text size="xs" c="dimmed">{t('import.csvNotes')}</Text>
        <Group>
          <Button variant="light" leftSection={<IconDownload size={16} />} onClick={() => downloadBlob(exampleCsv(), 'fieldbook-locations-example.csv')} data-testid="example-csv">
            {t('import.downloadExample')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
