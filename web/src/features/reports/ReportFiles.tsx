import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileTypeDocx, IconFileTypePdf, IconFileTypeXls } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_FORMATS, type GeneratedReport, type ReportFormat } from '@shared/schemas/index.js';
import { ApiError } from '../../api/client.js';
import { formatNumber } from '../../lib/format.js';
import { downloadFromApi } from '../framework-excel/download.js';

const ICONS = { docx: IconFileTypeDocx, xlsx: IconFileTypeXls, pdf: IconFileTypePdf } as const;

/** `downloadUrl` is an address under /api; the download helper adds that prefix itself. */
const apiPath = (url: string) => url.replace(/^\/api(?=\/)/, '');

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${formatNumber(bytes / 1024 / 1024, { maximumFractionDigits: 1 })} MB` : `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`);

/**
 * DOCX, XLSX and PDF of a finished report, fetched with the session (never a bare link: a refusal
 * then shows as a message instead of replacing the page).
 */
export function ReportFiles({ report }: { report: GeneratedReport }) {
  const { t } = useTranslation('reports');
  const [busy, setBusy] = useState<ReportFormat | null>(null);
  // The server lists the files it stored; before it does (an older answer), every format is offered.
  const files = report.files.length
    ? REPORT_FORMATS.flatMap((format) => report.files.filter((f) => f.format === format))
    : REPORT_FORMATS.map((format) => ({ format, fileName: `${report.title}.${format}`, size: 0, downloadUrl: `/api/reports/${report.id}/files/${format}` }));

  const download = (file: (typeof files)[number]) => {
    setBusy(file.format);
    downloadFromApi(apiPath(file.downloadUrl), file.fileName)
      .catch((e: unknown) =>
        notifications.show({ color: 'red', title: t('files.failed'), message: e instanceof ApiError && e.message ? e.message : t('common:errors.unexpected') }),
      )
      .finally(() => setBusy(null));
  };

  return (
    <Group gap={6} wrap="nowrap" data-testid="report-files">
      {files.map((file) => {
        const Icon = ICONS[file.format];
        const label = file.format.toUpperCase();
        return (
          <Button
            key={file.format}
            size="compact-sm"
            variant="light"
            leftSection={<Icon size={16} />}
            loading={busy === file.format}
            onClick={() => download(file)}
            aria-label={t('files.downloadLabel', { format: label, title: report.title })}
            title={file.size ? `${file.fileName} · ${sizeText(file.size)}` : file.fileName}
            data-format={file.format}
          >
            {label}
          </Button>
        );
      })}
    </Group>
  );
}
