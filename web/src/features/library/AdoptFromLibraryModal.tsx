import { Alert, Badge, Button, Group, Modal, NumberInput, ScrollArea, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBooks, IconSearch } from '@tabler/icons-react';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdoptIndicatorBody, type Framework, type LibraryIndicator, type ResultNode } from '@shared/schemas/index.js';
import { FormProblems } from '../../components/FormProblems.js';
import { PageLoader } from '../../components/PageLoader.js';
import { apiProblems, type FieldProblem, placeOnFields, zodProblems } from '../results/form-problems.js';
import { levelName, nodeTitle } from '../results/labels.js';
import { ownerOf } from '../results/owner.js';
import { LibraryEntryOption } from './LibraryEntryOption.js';
import { useAdoptable, useAdoptIndicator } from './queries.js';

const FIELDS = ['libraryIndicatorId', 'code', 'baselineValue', 'baselineDate', 'lopTarget'] as const;

/** "Add from library" on a result: pick an entry the framework may adopt, give the project's own numbers, add it as a linked indicator. */
export function AdoptFromLibraryModal({ framework, node, onClose }: { framework: Framework; node: ResultNode | null; onClose: () => void }) {
  const { t } = useTranslation('library');
  const phone = useMediaQuery('(max-width: 48em)');
  return (
    <Modal opened={!!node} onClose={onClose} title={t('adopt.title')} size="xl" fullScreen={phone} closeOnClickOutside={false}>
      {node && <AdoptForm key={node.id} framework={framework} node={node} onDone={onClose} />}
    </Modal>
  );
}

/** Entries grouped by the organisation that keeps them, in the order the server sent them. */
function groupByOrganisation(items: LibraryIndicator[]): [string, LibraryIndicator[]][] {
  const groups = new Map<string, LibraryIndicator[]>();
  for (const i of items) groups.set(i.organisationName, [...(groups.get(i.organisationName) ?? []), i]);
  return [...groups.entries()];
}

const numberOrNull = (v: string | number) => (v === '' ? null : Number(v));

function AdoptForm({ framework, node, onDone }: { framework: Framework; node: ResultNode; onDone: () => void }) {
  const { t } = useTranslation(['library', 'results']);
  const owner = ownerOf(framework);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const list = useAdoptable(owner, q, true);
  const adopt = useAdoptIndicator();
  const [chosen, setChosen] = useState<LibraryIndicator | null>(null);
  const [code, setCode] = useState('');
  const [baselineValue, setBaselineValue] = useState<string | number>('');
  const [baselineDate, setBaselineDate] = useState('');
  const [lopTarget, setLopTarget] = useState<string | number>('');
  const [clientProblems, setClientProblems] = useState<FieldProblem[]>([]);
  const groups = useMemo(() => groupByOrganisation(list.data?.items ?? []), [list.data]);
  const adoptedHere = useMemo(() => new Set(framework.indicators.map((i) => i.libraryIndicatorId).filter(Boolean)), [framework.indicators]);
  const { byField, unplaced } = placeOnFields(clientProblems.length ? clientProblems : apiProblems(adopt.error), FIELDS);

  const choose = (entry: LibraryIndicator) => {
    setChosen(entry);
    // The library's code is the usual choice; a framework that already has it needs another.
    setCode(entry.code);
    setClientProblems([]);
    adopt.reset();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) {
      setClientProblems([{ field: 'libraryIndicatorId', message: t('adopt.chooseFirst') }]);
      return;
    }
    const parsed = AdoptIndicatorBody.safeParse({
      libraryIndicatorId: chosen.id,
      code: code.trim() || undefined,
      baselineValue: numberOrNull(baselineValue),
      baselineDate: baselineDate || null,
      lopTarget: numberOrNull(lopTarget),
    });
    const problems = parsed.success ? [] : zodProblems(parsed.error);
    setClientProblems(problems);
    if (!parsed.success || problems.length) return;
    adopt.mutate(
      { nodeId: node.id, body: parsed.data },
      {
        onSuccess: (indicator) => {
          notifications.show({ color: 'teal', message: t('adopt.done', { code: indicator.code }) });
          onDone();
        },
      },
    );
  };

  const percentage = chosen?.type === 'percentage';
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('results:indicatorForm.for', { level: levelName(framework.levels, node.level), code: node.code, title: nodeTitle(node) })}
        </Text>
        <FormProblems clientProblems={0} error={adopt.error} unplaced={unplaced} />
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder={t('searchPlaceholder')}
          aria-label={t('common:actions.search')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          data-autofocus
          data-testid="adopt-search"
        />
        {list.isPending && <PageLoader />}
        {list.data && list.data.items.length === 0 && (
          <Alert color="blue" variant="light" icon={<IconBooks size={18} />}>
            {q ? t('noMatchBody', { q }) : t('adopt.none')}
          </Alert>
        )}
        {groups.length > 0 && (
          <ScrollArea.Autosize mah={240} type="auto" offsetScrollbars data-testid="adopt-list">
            <Stack gap="sm" role="radiogroup" aria-label={t('adopt.listLabel')}>
              {groups.map(([organisation, entries]) => (
                <Stack key={organisation} gap={4}>
                  <Text size="xs" fw={700} c="dimmed" tt="uppercase">
                    {organisation}
                  </Text>
                  {entries.map((entry) => (
                    <LibraryEntryOption
                      key={entry.id}
                      entry={entry}
                      selected={chosen?.id === entry.id}
                      adoptedHere={adoptedHere.has(entry.id)}
                      onSelect={() => choose(entry)}
                    />
                  ))}
                </Stack>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
        {byField.libraryIndicatorId && (
          <Text size="sm" c="red" role="alert">
            {byField.libraryIndicatorId}
          </Text>
        )}
        {chosen && (
          <Stack gap="xs" data-testid="adopt-fields">
            <Group gap={6}>
              <Text size="sm" fw={600}>
                {t('adopt.projectValues')}
              </Text>
              <Badge variant="light" color="blue" tt="none">
                {chosen.code}
              </Badge>
            </Group>
            <SimpleGrid cols={{ base: 1, xs: 2, sm: 4 }}>
              <TextInput
                label={t('results:indicator.code')}
                description={t('adopt.codeHelp')}
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                error={byField.code}
                maxLength={40}
                dir="ltr"
                autoComplete="off"
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                data-testid="adopt-code"
              />
              <NumberInput
                label={t('results:indicatorForm.baselineValue')}
                value={baselineValue}
                onChange={setBaselineValue}
                error={byField.baselineValue}
                rightSection={percentage ? '%' : undefined}
                min={percentage ? 0 : undefined}
                max={percentage ? 100 : undefined}
                hideControls
              />
              <TextInput
                type="date"
                label={t('results:indicatorForm.baselineDate')}
                value={baselineDate}
                onChange={(e) => setBaselineDate(e.currentTarget.value)}
                error={byField.baselineDate}
              />
              <NumberInput
                label={t('results:indicator.lopTarget')}
                value={lopTarget}
                onChange={setLopTarget}
                error={byField.lopTarget}
                rightSection={percentage ? '%' : undefined}
                min={percentage ? 0 : undefined}
                max={percentage ? 100 : undefined}
                hideControls
                data-testid="adopt-lop"
              />
            </SimpleGrid>
            <Text size="xs" c="dimmed">
              {t('adopt.linkedHelp')}
            </Text>
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={adopt.isPending} disabled={!chosen} data-testid="adopt-submit">
            {t('adopt.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
