import { Alert, Anchor, Badge, Button, Group, List, Loader, Modal, Select, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertCircle, IconAlertTriangle, IconCircleCheck, IconFileCode } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Locale, LOCALES } from '@shared/locales.js';
import type { IatiProblem, IatiProjectCheck } from '@shared/schemas/iati.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useCurrentUser } from '../../auth/session.js';
import { downloadFromApi } from '../../framework-excel/download.js';
import { canFix, fixPath, iatiQueries, iatiXmlPath } from './queries.js';

export interface IatiExportDialogProps {
  projectIds: string[];
  /** Shown in the title when there is one project. */
  projectCode?: string;
  onClose: () => void;
}

/**
 * IATI XML export: first the server's check (what IATI needs and each project lacks, with a link to
 * where it is fixed), then the download once nothing blocks. Warnings do not block.
 */
export default function IatiExportDialog({ projectIds, projectCode, onClose }: IatiExportDialogProps) {
  const { t } = useTranslation('iati');
  const check = useQuery(iatiQueries.check(projectIds));
  const [language, setLanguage] = useState<Locale>('en');
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>(null);

  const download = () => {
    setDownloading(true);
    setDownloadError(null);
    downloadFromApi(iatiXmlPath(projectIds, language), 'iati-activities.xml')
      .then(onClose)
      .catch((err: unknown) => {
        setDownloadError(err);
        void check.refetch();
      })
      .finally(() => setDownloading(false));
  };

  const title = projectCode ? t('dialog.titleOne', { code: projectCode }) : t('dialog.titleMany', { count: projectIds.length });
  return (
    <Modal opened onClose={onClose} title={title} size="lg" data-testid="iati-dialog">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('dialog.intro')}
        </Text>
        {check.isPending && (
          <Group gap="xs">
            <Loader size="sm" />
            <Text size="sm">{t('dialog.checking')}</Text>
          </Group>
        )}
        {check.error && <ErrorAlert error={check.error} />}
        {check.data?.projects.map((p) => <ProjectCheck key={p.projectId} project={p} onNavigate={onClose} />)}
        {check.data?.ready && (
          <Select
            label={t('dialog.language')}
            description={t('dialog.languageHelp')}
            data={LOCALES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
            value={language}
            onChange={(v) => v && setLanguage(v as Locale)}
            allowDeselect={false}
            w={260}
            data-testid="iati-language"
          />
        )}
        {downloadError !== null && <ErrorAlert error={downloadError} title={t('dialog.downloadFailed')} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.close')}
          </Button>
          {check.data && !check.data.ready && (
            <Button variant="light" onClick={() => void check.refetch()} loading={check.isFetching}>
              {t('dialog.checkAgain')}
            </Button>
          )}
          <Button leftSection={<IconFileCode size={16} />} onClick={download} disabled={!check.data?.ready} loading={downloading} data-testid="iati-download">
            {t('dialog.download')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ProjectCheck({ project: p, onNavigate }: { project: IatiProjectCheck; onNavigate: () => void }) {
  const { t } = useTranslation('iati');
  const errors = p.problems.filter((x) => x.severity === 'error');
  const warnings = p.problems.filter((x) => x.severity === 'warning');
  return (
    <Stack gap="xs" data-testid="iati-project-check">
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Text fw={600} size="sm" style={{ flex: 1 }}>
          {p.code} — <span dir="auto">{p.title}</span>
        </Text>
        <Badge color={p.ready ? 'teal' : 'red'} variant="light" tt="none">
          {p.ready ? t('check.ready') : t('check.toFix', { count: errors.length })}
        </Badge>
      </Group>
      {p.iatiIdentifier && (
        <Text size="xs" c="dimmed">
          {t('check.identifier')}{' '}
          <Text span size="xs" ff="monospace" dir="ltr">
            {p.iatiIdentifier}
          </Text>
        </Text>
      )}
      {errors.length > 0 && (
        <Alert color="red" icon={<IconAlertCircle size={18} />} title={t('check.errorsTitle')} p="sm">
          <ProblemList problems={errors} onNavigate={onNavigate} />
        </Alert>
      )}
      {warnings.length > 0 && (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title={t('check.warningsTitle')} p="sm">
          <ProblemList problems={warnings} onNavigate={onNavigate} />
        </Alert>
      )}
      {p.problems.length === 0 && (
        <Group gap="xs">
          <ThemeIcon color="teal" variant="light" size="sm">
            <IconCircleCheck size={14} />
          </ThemeIcon>
          <Text size="sm">{t('check.complete')}</Text>
        </Group>
      )}
    </Stack>
  );
}

function ProblemList({ problems, onNavigate }: { problems: IatiProblem[]; onNavigate: () => void }) {
  const { t } = useTranslation('iati');
  const user = useCurrentUser();
  return (
    <List size="sm" spacing={4}>
      {problems.map((x) => (
        <List.Item key={`${x.reason}:${x.field}`} data-testid="iati-problem">
          {x.message}{' '}
          {canFix(user, x.fix) ? (
            <Anchor component={Link} to={fixPath(x.fix)} size="sm" onClick={onNavigate}>
              {t(`fix.${x.fix.kind}`)}
            </Anchor>
          ) : (
            <Text span size="sm" c="dimmed">
              {t(x.fix.kind === 'organisation' ? 'fix.askAdmin' : 'fix.askManager')}
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}
