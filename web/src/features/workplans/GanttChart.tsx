import { Group, Text, Tooltip, UnstyledButton } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlannedActivity } from '@shared/schemas/workplans.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { actualRange, completeFraction, type GanttWindow, groupByNode, monthColumns, pointOf, spanOf } from './gantt.js';
import classes from './gantt.module.css';
import { ACTIVITY_STATUS_COLORS, ActivityStatusBadge, OverdueBadge } from './labels.js';

interface Props {
  activities: PlannedActivity[];
  window: GanttWindow;
  today: string;
  onOpen: (activity: PlannedActivity) => void;
}

const monthName = (key: string) =>
  new Intl.DateTimeFormat(currentLocale() === 'ar' ? 'ar-u-nu-latn' : currentLocale(), { month: 'short', timeZone: 'UTC' }).format(new Date(`${key}-01T00:00:00Z`));

const pos = (start: number, width?: number): CSSProperties => ({ insetInlineStart: `${start}%`, ...(width !== undefined && { width: `${width}%` }) });

/**
 * The plan as a Gantt chart: activities grouped under their result node, the plan's months across,
 * for each activity a planned bar (hatched grey) and an actual bar (actual start to actual end, or to
 * today while under way) in its status colour filled to its % complete, milestones and deliverables
 * as ◆ (done) or ◇ (not yet), and a line on today. Colour never speaks alone: the status is written
 * beside every row and every bar says its dates, status and completion to screen readers.
 */
export function GanttChart({ activities, window: w, today, onOpen }: Props) {
  const { t } = useTranslation('workplan');
  const months = monthColumns(w);
  const todayAt = pointOf(today, w);
  const groups = groupByNode(activities);

  return (
    <div className={classes.scroll} data-testid="gantt">
      <div className={classes.chart} role="group" aria-label={t('gantt.label', { start: formatDate(w.start), end: formatDate(w.end) })}>
        <div className={classes.head} aria-hidden>
          <div className={classes.headLabel}>{t('gantt.activity')}</div>
          <div className={classes.months}>
            {months.map((m) => (
              <div key={m.key} className={classes.month} style={pos(m.start, m.width)}>
                {monthName(m.key)}
              </div>
            ))}
            {todayAt !== null && (
              <div className={classes.today} style={pos(todayAt)}>
                <span className={classes.todayTag}>{t('gantt.today')}</span>
              </div>
            )}
          </div>
        </div>
        <div className={classes.body}>
          {groups.map((g) => {
            const node = g.rows[0]?.resultNode ?? null;
            return (
              <div key={g.nodeId ?? 'none'} role="list" aria-label={node ? `${node.code} ${node.title}` : t('gantt.noNode')} data-testid="gantt-group">
                <div className={classes.group}>
                  <div className={classes.groupLabel}>
                    {node ? (
                      <>
                        <Text span ff="monospace" fw={700} dir="ltr" size="sm">
                          {node.code}
                        </Text>{' '}
                        <Text span fw={600} size="sm" dir="auto">
                          {node.title}
                        </Text>
                      </>
                    ) : (
                      <Text span c="dimmed" size="sm" fw={600}>
                        {t('gantt.noNode')}
                      </Text>
                    )}
                  </div>
                </div>
                {g.rows.map((a) => (
                  <GanttRow key={a.id} activity={a} window={w} today={today} months={months} onOpen={onOpen} />
                ))}
              </div>
            );
          })}
          {todayAt !== null && (
            <div className={classes.overlay} aria-hidden>
              <div className={classes.today} style={pos(todayAt)} data-testid="gantt-today" />
            </div>
          )}
        </div>
        <Legend />
      </div>
    </div>
  );
}

function GanttRow({ activity: a, window: w, today, months, onOpen }: { activity: PlannedActivity; window: GanttWindow; today: string; months: { key: string; start: number }[]; onOpen: (a: PlannedActivity) => void }) {
  const { t } = useTranslation('workplan');
  const planned = spanOf(a.plannedStart, a.plannedEnd, w);
  const actual = actualRange(a.actualStart, a.actualEnd, today);
  const actualSpan = actual ? spanOf(actual.from, actual.to, w) : null;
  const percent = completeFraction(a.percentComplete);
  const color = ACTIVITY_STATUS_COLORS[a.status];
  const status = t(`status.${a.status}`);
  const plannedLabel = t('gantt.plannedBar', { code: a.code, start: formatDate(a.plannedStart), end: formatDate(a.plannedEnd) });
  const actualLabel = actual
    ? t(actual.ongoing ? 'gantt.actualOngoing' : 'gantt.actualBar', {
        code: a.code,
        start: formatDate(actual.from),
        end: formatDate(actual.to),
        status,
        percent: formatNumber(percent),
      }) + (a.overdue ? ` — ${t('overdue')}` : '')
    : t('gantt.notStarted', { code: a.code, status, percent: formatNumber(percent) }) + (a.overdue ? ` — ${t('overdue')}` : '');
  const barVars = { '--bar': `var(--mantine-color-${color}-6)`, '--bar-light': `var(--mantine-color-${color}-1)` } as CSSProperties;

  return (
    <div
      className={classes.row}
      role="listitem"
      data-testid="gantt-row"
      data-code={a.code}
      data-status={a.status}
      data-percent={percent}
      data-overdue={a.overdue}
    >
      <UnstyledButton className={classes.label} onClick={() => onOpen(a)} aria-label={t('gantt.open', { code: a.code, title: a.title })} data-testid="gantt-open">
        <span className={classes.titleLine}>
          <Text span ff="monospace" fw={600} dir="ltr" size="sm">
            {a.code}
          </Text>
          {/* The title in its own direction (English titles in the Arabic interface cut at their own end). */}
          <Text span size="sm" className={classes.title} title={a.title} dir="auto">
            {a.title}
          </Text>
        </span>
        <Group gap={4} mt={2} wrap="nowrap">
          <ActivityStatusBadge status={a.status} size="xs" />
          <Text span size="xs" c="dimmed" dir="ltr">
            {formatNumber(percent)} %
          </Text>
          {a.overdue && <OverdueBadge plannedEnd={a.plannedEnd} size="xs" />}
        </Group>
      </UnstyledButton>
      <div className={classes.track}>
        {months.map((m) => (
          <div key={m.key} className={classes.gridline} style={pos(m.start)} />
        ))}
        {planned && (
          <Tooltip label={plannedLabel} withArrow openDelay={150}>
            <div
              className={`${classes.planned} ${planned.cutStart ? classes.cutStart : ''} ${planned.cutEnd ? classes.cutEnd : ''}`}
              style={pos(planned.start, planned.width)}
              role="img"
              aria-label={plannedLabel}
              data-testid="gantt-planned"
              data-start={a.plannedStart}
              data-end={a.plannedEnd}
            />
          </Tooltip>
        )}
        {actualSpan ? (
          <Tooltip label={actualLabel} withArrow openDelay={150} multiline maw={320}>
            <div
              className={`${classes.actual} ${actualSpan.cutStart ? classes.cutStart : ''} ${actualSpan.cutEnd ? classes.cutEnd : ''}`}
              style={{ ...pos(actualSpan.start, actualSpan.width), ...barVars }}
              role="img"
              aria-label={actualLabel}
              data-testid="gantt-actual"
              data-status={a.status}
              data-percent={percent}
              data-ongoing={actual?.ongoing}
            >
              <div className={classes.fill} style={{ width: `${percent}%` }} />
            </div>
          </Tooltip>
        ) : (
          // Not started: no bar, but its status is still said (hidden, for screen readers).
          <span className="visually-hidden" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clipPath: 'inset(50%)' }} data-testid="gantt-actual-none" data-status={a.status} data-percent={percent} aria-label={actualLabel} role="img" />
        )}
        {a.milestones.map((m) => {
          const at = pointOf(m.dueDate, w);
          if (at === null) return null;
          const done = m.doneDate !== null;
          const late = !done && m.dueDate < today;
          const label = t(done ? 'gantt.milestoneDone' : late ? 'gantt.milestoneLate' : 'gantt.milestoneDue', {
            kind: t(`milestoneKind.${m.kind}`),
            title: m.title,
            due: formatDate(m.dueDate),
            done: formatDate(m.doneDate),
          });
          return (
            <Tooltip key={m.id} label={label} withArrow multiline maw={320}>
              <span className={classes.marker} style={pos(at)} role="img" aria-label={label} tabIndex={0} data-testid="gantt-milestone" data-done={done} data-late={late}>
                {done ? '◆' : '◇'}
              </span>
            </Tooltip>
          );
        })}
      </div>
    </div>
  );
}

function Legend() {
  const { t } = useTranslation('workplan');
  return (
    <div className={classes.legend} data-testid="gantt-legend">
      <span>
        <span className={classes.swatch} style={{ background: 'repeating-linear-gradient(135deg, var(--mantine-color-gray-3) 0 4px, var(--mantine-color-gray-2) 4px 8px)', border: '1px solid var(--mantine-color-gray-6)' }} />
        {t('gantt.legendPlanned')}
      </span>
      <span>
        <span className={classes.swatch} style={{ position: 'relative', overflow: 'hidden', background: 'var(--mantine-color-blue-1)', border: '1px solid var(--mantine-color-blue-6)' }}>
          <span style={{ position: 'absolute', insetBlock: 0, insetInlineStart: 0, width: '60%', background: 'var(--mantine-color-blue-6)' }} />
        </span>
        {t('gantt.legendActual')}
      </span>
      <span>
        <span style={{ color: 'var(--mantine-color-teal-7)' }}>◆</span> {t('gantt.legendDone')}
      </span>
      <span>
        <span>◇</span> {t('gantt.legendDue')}
      </span>
      <span>
        <span style={{ display: 'inline-block', width: 0, height: 12, borderInlineStart: '2px solid var(--mantine-color-red-6)', marginInlineEnd: 6, verticalAlign: 'middle' }} />
        {t('gantt.today')}
      </span>
      {(['not_started', 'on_track', 'delayed', 'done', 'cancelled'] as const).map((s) => (
        <span key={s}>
          <span className={classes.swatch} style={{ width: 12, background: `var(--mantine-color-${ACTIVITY_STATUS_COLORS[s]}-6)` }} />
          {t(`status.${s}`)}
        </span>
      ))}
    </div>
  );
}
