import { VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleHalf2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import classes from './iptt.module.css';
import type { CellView, FigureView, MetBand, MetView } from './view-model.js';

export const BAND_ICONS: Record<MetBand, typeof IconCircleCheck> = {
  met: IconCircleCheck,
  partial: IconCircleHalf2,
  low: IconAlertTriangle,
};

/** The "*" after a pending figure; screen readers hear "pending" instead. */
export function PendingMarker() {
  const { t } = useTranslation('iptt');
  return (
    <>
      <span className={classes.marker} aria-hidden>
        *
      </span>
      <VisuallyHidden> ({t('pending')})</VisuallyHidden>
    </>
  );
}

/** A figure as text: italic with the marker when pending, and Σnumerator / Σdenominator on hover for percentages. */
export function Figure({ figure }: { figure: FigureView }) {
  const { t } = useTranslation('iptt');
  if (figure.empty) return <span aria-label={t('noData')}>—</span>;
  if (!figure.pending) return <span title={figure.detail}>{figure.text}</span>;
  return (
    <span className={classes.pending} title={[figure.detail, t('pendingHelp')].filter(Boolean).join(' · ')}>
      {figure.text}
      <PendingMarker />
    </span>
  );
}

/** % met in its band's colour, with the band's icon and, for screen readers, its name. */
export function Met({ met }: { met: MetView }) {
  const { t } = useTranslation('iptt');
  if (met.empty || !met.band) return <span aria-label={t('noData')}>—</span>;
  const Icon = BAND_ICONS[met.band];
  return (
    <span className={classes.met} data-band={met.band} title={t(`bands.${met.band}`)}>
      <Icon size={12} aria-hidden />
      <span className={met.pending ? classes.pending : undefined}>
        {met.text}
        {met.pending && <PendingMarker />}
      </span>
      <VisuallyHidden>{t(`bands.${met.band}`)}</VisuallyHidden>
    </span>
  );
}

/** Target, actual and % met of one column group; the first carries the group's dividing line. */
export function CellGroup({ cell }: { cell: CellView }) {
  return (
    <>
      <td className={`${classes.num} ${classes.groupStart}`}>
        <Figure figure={cell.target} />
      </td>
      <td className={classes.num}>
        <Figure figure={cell.actual} />
      </td>
      <td className={classes.num}>
        <Met met={cell.met} />
      </td>
    </>
  );
}
