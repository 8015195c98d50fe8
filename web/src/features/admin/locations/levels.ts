import type { TFunction } from 'i18next';
import { LOCATION_LEVELS, type LocationLevel } from '@shared/schemas/index.js';

export const levelLabel = (t: TFunction, level: string) => t(`admin:levels.${level}`, { defaultValue: level });

export const levelOptions = (t: TFunction) => LOCATION_LEVELS.map((l: LocationLevel) => ({ value: l, label: `${levelLabel(t, l)} (${l})` }));
