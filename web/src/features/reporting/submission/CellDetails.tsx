import { Alert, Badge, Button, Divider, Group, Loader, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { CategoryOptions } from '@shared/domain/disaggregations.js';
import { useTranslation } from 'react-i18next';
import type { SubmissionIndicator } from '@shared/schemas/index.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { formatDateTime } from '../../../lib/format.js';
import { formatCell } from '../../results/targets/locale-number.js';
import { reportingQueries } from '../queries.js';
import { type CellContent, EMPTY_CONTENT, keyOfCell, parseCellKey } from './grid-model.js';
import { useAddComment, useResolveComment, useValueHistory, type ValueHistory } from './submission-api.js';

export interface CellDetailsProps {
  submissionId: string;
  cellKey: string;
  label: string;
  type: SubmissionIndicator['type'];
  content: CellContent | undefined;
  /** The indicator's categories, to find the comments on this cell. */
  categories: CategoryOptions[];
  flag?: string;
  canEdit: boolean;
  canComment: boolean;
  onNote: (note: string) => void;
}

type Snapshot = ValueHistory['items'][number]['after'];

function snapshotText(s: Snapshot, type: SubmissionIndicator['type'], t: (k: string) => string): string {
  if (!s) return t('details.empty');
  if (type === 'qualitative') return s.text ?? t('details.empty');
  if (type === 'yes_no') return s.value === null ? t('details.empty') : s.value ? t('cell.yes') : t('cell.no');
  if (type === 'percentage' && s.numerator !== null && s.denominator !== null) return `${formatCell(s.numerator)}/${formatCell(s.denominator)} (${formatCell(Math.round((s.value ?? 0) * 10) / 10)} %)`;
  return s.value === null ? t('details.empty') : formatCell(s.value);
}

/**
 * A value's comments and history, opened from its cell: the reporter's note (kept with the value),
 * the reviewers' comments on it (added, resolved and reopened by reviewers), the outlier flag and who
 * changed the value when.
 */
export function CellDetails(p: CellDetailsProps) {
  const { t } = useTranslation('submission');
  const content = p.content ?? EMPTY_CONTENT;
  const [body, setBody] = useState('');
  const add = useAddComment(p.submissionId);
  const resolve = useResolveComment(p.submissionId);
  const history = useValueHistory(p.submissionId, p.cellKey);
  const { indicatorId, locationId, optionIds } = parseCellKey(p.cellKey);
  // From the cached package, so a comment added or resolved shows at once.
  const detail = useQuery(reportingQueries.submission(p.submissionId)).data;
  const comments = useMemo(() => (detail?.comments ?? []).filter((c) => c.cell && keyOfCell(c.cell, p.categories) === p.cellKey), [detail?.comments, p.categories, p.cellKey]);

  return (
    <Stack gap="xs" data-testid="cell-popover" role="dialog" aria-label={t('details.title', { cell: p.label })}>
      <Text size="sm" fw={700}>
        {p.label}
      </Text>
      {p.flag && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={16} />} p="xs">
          <Text size="xs">{p.flag}</Text>
        </Alert>
      )}

      {p.canEdit ? (
        <Textarea
          label={t('details.note')}
          description={t('details.noteHelp')}
          size="xs"
          autosize
          minRows={2}
          maxRows={6}
          maxLength={2000}
          defaultValue={content.comment}
          onChange={(e) => p.onNote(e.currentTarget.value)}
          data-autofocus
        />
      ) : (
        <div>
          <Text size="xs" fw={600}>
            {t('details.note')}
          </Text>
          <Text size="sm" c={content.comment ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }} dir="auto">
            {content.comment || t('details.noNote')}
          </Text>
        </div>
      )}

      <Divider label={t('details.reviewComments')} labelPosition="left" />
      {comments.length === 0 && (
        <Text size="xs" c="dimmed">
          {t('details.noComments')}
        </Text>
      )}
      {comments.map((c) => (
        <div key={c.id} data-testid="review-comment" data-resolved={c.resolvedAt ? 'true' : 'false'}>
          <Group gap={6} justify="space-between" wrap="nowrap">
            <Text size="xs" c="dimmed">
              {c.author.name} · {formatDateTime(c.createdAt)}
            </Text>
            {c.resolvedAt ? (
              <Badge size="xs" color="teal" variant="light" leftSection={<IconCheck size={10} />}>
                {t('details.resolved')}
              </Badge>
            ) : (
              <Badge size="xs" color="orange" variant="light">
                {t('details.open')}
              </Badge>
            )}
          </Group>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
            {c.body}
          </Text>
          {p.canComment && (
            <Button size="compact-xs" variant="subtle" loading={resolve.isPending && resolve.variables?.id === c.id} onClick={() => resolve.mutate({ id: c.id, resolved: !c.resolvedAt })}>
              {c.resolvedAt ? t('details.reopenComment') : t('details.resolve')}
            </Button>
          )}
        </div>
      ))}
      {resolve.error && <ErrorAlert error={resolve.error} />}
      {p.canComment && (
        <Stack gap={4}>
          <Textarea size="xs" label={t('details.addComment')} autosize minRows={2} maxRows={6} maxLength={2000} value={body} onChange={(e) => setBody(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button
              size="compact-sm"
              disabled={body.trim() === ''}
              loading={add.isPending}
              onClick={() => add.mutate({ cell: { indicatorId, locationId, optionIds }, body: body.trim() }, { onSuccess: () => setBody('') })}
            >
              {t('details.addCommentButton')}
            </Button>
          </Group>
          {add.error && <ErrorAlert error={add.error} />}
        </Stack>
      )}

      <Divider label={t('details.history')} labelPosition="left" />
      {history.isPending ? (
        <Loader size="xs" />
      ) : history.error ? (
        <ErrorAlert error={history.error} />
      ) : history.data.items.length === 0 ? (
        <Text size="xs" c="dimmed">
          {t('details.noHistory')}
        </Text>
      ) : (
        <Stack gap={4} mah={180} style={{ overflowY: 'auto' }} data-testid="value-history">
          {history.data.items.map((h, i) => (
            <div key={i}>
              <Text size="xs" c="dimmed">
                {h.user.name} · {formatDateTime(h.at)}
                {h.source === 'import' ? ` · ${t('details.imported')}` : ''}
              </Text>
              <Text size="sm" dir="auto">
                {snapshotText(h.before, p.type, t)} → {snapshotText(h.after, p.type, t)}
              </Text>
              {h.after && h.after.comment !== (h.before?.comment ?? '') && (
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                  {t('details.noteChanged', { note: h.after.comment || '—' })}
                </Text>
              )}
            </div>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
