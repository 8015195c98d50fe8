import { Alert, Anchor, Badge, Button, Card, Group, Select, Stack, Text, Textarea, TextInput, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArchive, IconArrowBack, IconDeviceFloppy, IconHistory, IconLock, IconRestore } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { type ReportSection, type ReportTemplate, ReportTemplateInputSchema } from '@shared/schemas/report-templates.js';
import { ApiError } from '../../api/client.js';
import { PageLoader } from '../../components/PageLoader.js';
import { ActionError, PageError } from '../admin/components/PageError.js';
import { useCurrentUser } from '../auth/session.js';
import { serverFieldErrors, zodFieldErrors } from '../admin/components/forms.js';
import { reportTemplateQueries, useCreateTemplate, useReportTemplate, useReportTemplates, useSaveTemplate } from './queries.js';
import { SectionList } from './SectionList.js';
import { sameDraft, type TemplateDraft } from './sections.js';
import { VersionsDrawer } from './VersionsDrawer.js';

/** `/report-templates/new` and `/report-templates/:id`: the template's name, description and ordered sections. */
export default function TemplateEditorPage() {
  const { id } = useParams();
  const template = useReportTemplate(id);
  if (!id) return <NewTemplate />;
  if (template.error) return <PageError error={template.error} />;
  if (!template.data) return <PageLoader />;
  return <ExistingTemplate template={template.data} />;
}

/** Save stays in reach below a long list of sections. */
const STICKY_BAR = {
  position: 'sticky',
  bottom: 0,
  zIndex: 5,
  padding: 'var(--mantine-spacing-sm) 0',
  background: 'var(--mantine-color-body)',
  borderTop: '1px solid var(--mantine-color-default-border)',
} as const;

const draftOf = (t: ReportTemplate): TemplateDraft => ({ name: t.name, description: t.description, sections: t.sections });

/** A new template starts from the sections most donor reports have. */
const starterSections = (t: TFunction): ReportSection[] =>
  (['cover', 'executive_summary', 'narrative_by_result', 'iptt', 'people_reached', 'annexes'] as const).map((kind) => ({
    key: kind.replace(/_/g, '-'),
    kind,
    title: t(`kinds.${kind}`),
    enabled: true,
    text: '',
  }));

function NewTemplate() {
  const { t } = useTranslation(['reportTemplates', 'admin']);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const user = useCurrentUser();
  const list = useReportTemplates(false);
  const editable = list.data?.organisations.filter((o) => o.canEdit) ?? [];
  const [organisationId, setOrganisationId] = useState<string | null>(params.get('organisationId'));
  const [draft, setDraft] = useState<TemplateDraft>(() => ({ name: '', description: '', sections: starterSections(t) }));
  const create = useCreateTemplate();
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  // The reader's own organisation first, when they may add templates there.
  const chosen = organisationId ?? editable.find((o) => o.id === user.organisationId)?.id ?? editable[0]?.id ?? null;

  if (list.error) return <PageError error={list.error} />;
  if (list.isPending) return <PageLoader />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = ReportTemplateInputSchema.safeParse({ ...draft, organisationId: chosen ?? '' }, { reportInput: true });
    if (!parsed.success) return setLocalErrors(zodFieldErrors(parsed.error, t));
    setLocalErrors({});
    create.mutate(parsed.data, {
      onSuccess: (saved) => {
        notifications.show({ color: 'teal', message: t('editor.created', { name: saved.name }) });
        navigate(`/report-templates/${saved.id}`, { replace: true });
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <EditorHeader title={t('editor.newTitle')} />
        <Select
          label={t('editor.organisation')}
          data={editable.map((o) => ({ value: o.id, label: o.acronym ? `${o.name} (${o.acronym})` : o.name }))}
          value={chosen}
          onChange={setOrganisationId}
          allowDeselect={false}
          error={localErrors.organisationId}
          w={{ base: '100%', sm: 420 }}
          data-testid="template-organisation"
        />
        <DraftFields draft={draft} onChange={setDraft} readOnly={false} errors={{ ...serverFieldErrors(create.error), ...localErrors }} error={create.error} />
        <Group justify="flex-end" style={STICKY_BAR}>
          <Button variant="default" component={Link} to="/report-templates">{t('common:actions.cancel')}</Button>
          <Button type="submit" loading={create.isPending} leftSection={<IconDeviceFloppy size={16} />} data-testid="save-template">
            {t('common:actions.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ExistingTemplate({ template }: { template: ReportTemplate }) {
  const { t } = useTranslation(['reportTemplates', 'admin']);
  const qc = useQueryClient();
  const save = useSaveTemplate(template.id);
  // What was last loaded or saved; the draft is compared with it to know whether there is anything to save.
  const [saved, setSaved] = useState(template);
  const [draft, setDraft] = useState<TemplateDraft>(() => draftOf(template));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [staleNotice, setStaleNotice] = useState<number | null>(null);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const dirty = !sameDraft(draft, draftOf(saved));
  const readOnly = !saved.canEdit;

  const adopt = (next: ReportTemplate) => {
    setSaved(next);
    setDraft(draftOf(next));
  };

  const isStale = (err: unknown) => err instanceof ApiError && err.status === 409 && err.details.some((d) => d.reason === 'stale_version');

  /** Someone saved in between: say so and load their version (the server kept it, not ours). */
  const reloadAfterConflict = async () => {
    const fresh = await qc.fetchQuery({ ...reportTemplateQueries.one(template.id), staleTime: 0 });
    adopt(fresh);
    setStaleNotice(fresh.version);
    save.reset();
    window.scrollTo({ top: 0 });
    notifications.show({ color: 'orange', message: t('editor.staleShort', { current: fresh.version }) });
  };

  const send = (archived?: boolean) => {
    const body = archived === undefined ? draft : draftOf(saved);
    const parsed = ReportTemplateInputSchema.omit({ organisationId: true }).safeParse(body, { reportInput: true });
    if (!parsed.success) return setLocalErrors(zodFieldErrors(parsed.error, t));
    setLocalErrors({});
    setStaleNotice(null);
    save.mutate(
      { ...parsed.data, version: saved.version, ...(archived === undefined ? {} : { archived }) },
      {
        onSuccess: (next) => {
          adopt(next);
          const message = archived === undefined ? t('editor.saved', { version: next.version }) : t(archived ? 'editor.archivedDone' : 'editor.restoredDone');
          notifications.show({ color: 'teal', message });
        },
        onError: (err) => {
          if (isStale(err)) void reloadAfterConflict();
        },
      },
    );
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    send();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <EditorHeader
          title={saved.name}
          badges={
            <>
              <Badge variant="light">{t('editor.version', { version: saved.version })}</Badge>
              {saved.archived && <Badge color="gray">{t('list.archived')}</Badge>}
              {dirty && <Badge color="orange" variant="light">{t('editor.unsaved')}</Badge>}
            </>
          }
          actions={
            <>
              <Button variant="default" leftSection={<IconHistory size={16} />} onClick={() => setVersionsOpen(true)} data-testid="open-versions">
                {t('versions.title')}
              </Button>
              {!readOnly && (
                <Tooltip label={t('editor.saveFirst')} disabled={!dirty}>
                  <Button
                    variant="default"
                    leftSection={saved.archived ? <IconRestore size={16} /> : <IconArchive size={16} />}
                    disabled={dirty}
                    loading={save.isPending && save.variables?.archived !== undefined}
                    onClick={() => send(!saved.archived)}
                    data-testid="archive-template"
                  >
                    {saved.archived ? t('editor.restore') : t('editor.archive')}
                  </Button>
                </Tooltip>
              )}
            </>
          }
        />
        {staleNotice !== null && (
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('editor.staleTitle')} role="alert" data-testid="stale-notice" withCloseButton onClose={() => setStaleNotice(null)}>
            {t('editor.stale', { current: staleNotice })}
          </Alert>
        )}
        {readOnly && (
          <Alert color="gray" icon={<IconLock size={18} />}>{t('editor.readOnly')}</Alert>
        )}
        {saved.archived && <Alert color="gray" icon={<IconArchive size={18} />}>{t('editor.archivedNotice')}</Alert>}
        <DraftFields
          draft={draft}
          onChange={setDraft}
          readOnly={readOnly}
          errors={{ ...serverFieldErrors(save.error), ...localErrors }}
          error={isStale(save.error) ? null : save.error}
        />
        {!readOnly && (
          <Group justify="flex-end" style={STICKY_BAR}>
            <Button variant="default" disabled={!dirty} onClick={() => adopt(saved)}>{t('editor.undo')}</Button>
            <Button type="submit" disabled={!dirty} loading={save.isPending && save.variables?.archived === undefined} leftSection={<IconDeviceFloppy size={16} />} data-testid="save-template">
              {t('common:actions.save')}
            </Button>
          </Group>
        )}
      </Stack>
      <VersionsDrawer templateId={template.id} currentVersion={saved.version} opened={versionsOpen} onClose={() => setVersionsOpen(false)} />
    </form>
  );
}

function EditorHeader({ title, badges, actions }: { title: string; badges?: ReactNode; actions?: ReactNode }) {
  const { t } = useTranslation('reportTemplates');
  return (
    <Stack gap={4}>
      <Anchor component={Link} to="/report-templates" size="sm">
        <Group gap={4}>
          <IconArrowBack size={14} />
          {t('editor.back')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Group gap="sm" wrap="wrap">
          <Title order={2}>{title}</Title>
          {badges}
        </Group>
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>
    </Stack>
  );
}

const SECTIONS_PREFIX = /^sections\./;

function DraftFields({
  draft,
  onChange,
  readOnly,
  errors,
  error,
}: {
  draft: TemplateDraft;
  onChange: (d: TemplateDraft) => void;
  readOnly: boolean;
  errors: Record<string, string>;
  error: unknown;
}) {
  const { t } = useTranslation('reportTemplates');
  const sectionErrors = Object.fromEntries(Object.entries(errors).filter(([k]) => SECTIONS_PREFIX.test(k)).map(([k, v]) => [k.replace(SECTIONS_PREFIX, ''), v]));
  return (
    <Stack>
      <ActionError error={error} placed={['name', 'description', 'sections', ...Object.keys(errors)]} />
      <Card withBorder padding="md">
        <Stack gap="sm">
          <TextInput
            label={t('editor.name')}
            value={draft.name}
            onChange={(e) => onChange({ ...draft, name: e.currentTarget.value })}
            error={errors.name}
            readOnly={readOnly}
            required
            maxLength={200}
            dir="auto"
            data-testid="template-name"
          />
          <Textarea
            label={t('editor.description')}
            description={t('editor.descriptionHelp')}
            value={draft.description}
            onChange={(e) => onChange({ ...draft, description: e.currentTarget.value })}
            error={errors.description}
            readOnly={readOnly}
            autosize
            minRows={2}
            maxLength={2000}
            dir="auto"
          />
        </Stack>
      </Card>
      <div>
        <Title order={3} size="h4">{t('editor.sections')}</Title>
        <Text size="sm" c="dimmed" mb="sm">{t('editor.sectionsHelp')}</Text>
        {errors.sections && <Text c="red" size="sm" mb="xs" role="alert">{errors.sections}</Text>}
        <SectionList sections={draft.sections} onChange={(sections) => onChange({ ...draft, sections })} readOnly={readOnly} errors={sectionErrors} />
      </div>
    </Stack>
  );
}
