import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format.js';
import { BAND_ICONS } from './IpttCells.js';
import classes from './iptt.module.css';
import { MET_THRESHOLDS, type MetBand } from './view-model.js';

const pct = (n: number) => formatNumber(n / 100, { style: 'percent', maximumFractionDigits: 0 });

/** What the colours, icons, italics and dashes mean; printed with the table. */
export function IpttLegend({ showPending }: { showPending: boolean }) {
  const { t } = useTranslation('iptt');
  const ranges: Record<MetBand, string> = {
    met: t('legend.atLeast', { value: pct(MET_THRESHOLDS.met) }),
    partial: t('legend.between', { from: pct(MET_THRESHOLDS.partial), to: pct(MET_THRESHOLDS.met) }),
    low: t('legend.below', { value: pct(MET_THRESHOLDS.partial) }),
  };
  return (
    <div className={classes.legend} data-testid="iptt-legend" role="note" aria-label={t('legend.title')}>
      <Text span size="xs" fw={700}>
        {t('legend.title')}
      </Text>
      {(['met', 'partial', 'low'] as const).map((band) => {
        const Icon = BAND_ICONS[band];
        return (
          <span key={band}>
            <span className={classes.met} data-band={band}>
              <Icon size={12} aria-hidden />
              {t(`bands.${band}`)}
            </span>{' '}
            {ranges[band]}
          </span>
        );
      })}
      {showPending && (
        <span data-testid="pending-legend">
          <span className={classes.pending}>
            123<span className={classes.marker}>*</span>
          </span>{' '}
          {t('legend.pending')}
        </span>
      )}
      <span>— {t('legend.empty')}</span>
    </div>
  );
}
