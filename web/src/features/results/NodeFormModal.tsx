import { Button, Group, List, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateResultNodeBody, type Framework, type ResultNode, UpdateResultNodeBody } from '@shared/schemas/index.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { apiProblems, type FieldProblem, placeOnFields, zodProblems } from './form-problems.js';
import { levelName, nodeTitle } from './labels.js';
import { useCreateNode, useUpdateNode } from './mutations.js';
import { ownerOf } from './owner.js';
import { cleanTranslations, TranslationsInput } from './TranslationsInput.js';

const FIELDS = ['code', 'title', 'titles', 'titles.fr', 'titles.es', 'titles.ar', 'description', 'parentId', 'level'] as const;

/** What the form is for: a new node at a level (under a parent or at the top), or an existing node. */
export type NodeFormTarget = { mode: 'create'; parent: ResultNode | null; level: number } | { mode: 'edit'; node: ResultNode };

export function NodeFormModal({ framework, target, onClose }: { framework: Framework; target: NodeFormTarget | null; onClose: () => void }) {
  const { t } = useTranslation('results');
  const phone = useMediaQuery('(max-width: 36em)');
  const level = target ? (target.mode === 'edit' ? target.node.level : target.level) : 0;
  const title = !target
    ? ''
    : target.mode === 'edit'
      ? t('nodeForm.editTitle', { level: levelName(framework.levels, level), code: target.node.code })
      : t('nodeForm.createTitle', { level: levelName(framework.levels, level) });
  return (
    <Modal opened={!!target} onClose={onClose} title={title} size="lg" fullScreen={phone}>
      {target && <NodeForm key={target.mode === 'edit' ? target.node.id : `new-${target.parent?.id ?? 'top'}`} framework={framework} target={target} onDone={onClose} />}
    </Modal>
  );
}

/** A code for a new node that follows its siblings: "1", "2" at the top; "1.1", "1.2" under "1". */
function suggestCode(framework: Framework, parent: ResultNode | null): string {
  const siblings = framework.nodes.filter((n) => n.parentId === (parent?.id ?? null));
  const taken = new Set(framework.nodes.map((n) => n.code));
  for (let i = siblings.length + 1; i < siblings.length + 100; i++) {
    const code = parent ? `${parent.code}.${i}` : String(i);
    if (!taken.has(code) && code.length <= 20) return code;
  }
  return '';
}

function NodeForm({ framework, target, onDone }: { framework: Framework; target: NodeFormTarget; onDone: () => void }) {
  const { t } = useTranslation('results');
  const node = target.mode === 'edit' ? target.node : null;
  const level = node ? node.level : target.mode === 'create' ? target.level : 0;
  const parent = target.mode === 'create' ? target.parent : (framework.nodes.find((n) => n.id === node?.parentId) ?? null);
  const create = useCreateNode(ownerOf(framework));
  const update = useUpdateNode(ownerOf(framework));
  const mutation = node ? update : create;
  const [form, setForm] = useState(() => ({
    code: node?.code ?? (target.mode === 'create' ? suggestCode(framework, target.parent) : ''),
    title: node?.title ?? '',
    titles: node?.titles ?? {},
    description: node?.description ?? '',
  }));
  const [clientProblems, setClientProblems] = useState<FieldProblem[]>([]);
  const { byField, unplaced } = placeOnFields(clientProblems.length ? clientProblems : apiProblems(mutation.error), FIELDS);
  const levelLabel = levelName(framework.levels, level);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const blank = (s: string) => (s.trim() === '' ? undefined : s);
    const fields = { code: blank(form.code), title: blank(form.title), titles: cleanTranslations(form.titles), description: form.description };
    const onSuccess = (saved: ResultNode) => {
      notifications.show({ color: 'teal', message: t(node ? 'nodeForm.saved' : 'nodeForm.created', { level: levelLabel, code: saved.code }) });
      onDone();
    };
    if (node) {
      const parsed = UpdateResultNodeBody.safeParse(fields);
      setClientProblems(parsed.success ? [] : zodProblems(parsed.error));
      if (parsed.success) update.mutate({ id: node.id, body: parsed.data }, { onSuccess });
    } else {
      const parsed = CreateResultNodeBody.safeParse({ ...fields, parentId: parent?.id ?? null, level });
      setClientProblems(parsed.success ? [] : zodProblems(parsed.error));
      if (parsed.success) create.mutate(parsed.data, { onSuccess });
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label={node ? t('nodeForm.editTitle', { level: levelLabel, code: node.code }) : t('nodeForm.createTitle', { level: levelLabel })}>
      <Stack>
        <Text size="sm" c="dimmed">
          {parent
            ? t('nodeForm.under', { level: levelName(framework.levels, parent.level), code: parent.code, title: nodeTitle(parent) })
            : t('nodeForm.top')}
        </Text>
        {mutation.error && !clientProblems.length && (
          <>
            <ErrorAlert error={mutation.error} />
            {unplaced.length > 0 && (
              <List size="sm" c="red">
                {unplaced.map((u) => (
                  <List.Item key={u}>{u}</List.Item>
                ))}
              </List>
            )}
          </>
        )}
        <TextInput
          label={t('nodeForm.code')}
          description={t('nodeForm.codeHelp')}
          value={form.code}
          onChange={(e) => setForm({ ...form, code: e.currentTarget.value })}
          error={byField.code}
          required
          maxLength={20}
          autoComplete="off"
          w={{ base: '100%', xs: 220 }}
          name="code"
        />
        <Textarea
          label={t('nodeForm.title')}
          description={t('nodeForm.titleHelp')}
          value={form.title}
          onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
          error={byField.title}
          required
          autosize
          minRows={2}
          maxRows={6}
          maxLength={1000}
          name="title"
          data-autofocus
        />
        <TranslationsInput
          label={t('nodeForm.translations')}
          field="titles"
          value={form.titles}
          onChange={(titles) => setForm({ ...form, titles })}
          errors={byField}
          multiline
        />
        <Textarea
          label={t('nodeForm.description')}
          value={form.description}
          onChange={(e) => setForm({ ...form, description: e.currentTarget.value })}
          error={byField.description}
          autosize
          minRows={2}
          maxRows={10}
          name="description"
        />
        {(byField.parentId || byField.level) && (
          <Text size="sm" c="red" role="alert">
            {byField.parentId ?? byField.level}
          </Text>
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {node ? t('common:actions.save') : t('common:actions.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
