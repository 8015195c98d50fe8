import type { Locale } from '../locales.js';

/**
 * Results-framework templates: the names donors give the four levels of a logframe.
 * Level 0 is the top (goal / impact); level 3 the bottom (activities). A framework can
 * rename any level; these are the starting labels.
 */
export const FRAMEWORK_TEMPLATES = ['fcdo', 'eu', 'usaid', 'custom'] as const;
export type FrameworkTemplate = (typeof FRAMEWORK_TEMPLATES)[number];

export const LEVEL_COUNT = 4;

export type LevelLabel = Record<Locale, string>;

export const TEMPLATE_LEVELS: Record<FrameworkTemplate, LevelLabel[]> = {
  fcdo: [
    { en: 'Impact', fr: 'Impact', es: 'Impacto', ar: 'الأثر' },
    { en: 'Outcome', fr: 'Effet', es: 'Efecto', ar: 'النتيجة' },
    { en: 'Output', fr: 'Produit', es: 'Producto', ar: 'المُخرَج' },
    { en: 'Activity', fr: 'Activité', es: 'Actividad', ar: 'النشاط' },
  ],
  eu: [
    { en: 'Overall objective', fr: 'Objectif global', es: 'Objetivo general', ar: 'الهدف العام' },
    { en: 'Specific objective', fr: 'Objectif spécifique', es: 'Objetivo específico', ar: 'الهدف المحدد' },
    { en: 'Output', fr: 'Produit', es: 'Producto', ar: 'المُخرَج' },
    { en: 'Activity', fr: 'Activité', es: 'Actividad', ar: 'النشاط' },
  ],
  usaid: [
    { en: 'Strategic objective', fr: 'Objectif stratégique', es: 'Objetivo estratégico', ar: 'الهدف الاستراتيجي' },
    { en: 'Intermediate result', fr: 'Résultat intermédiaire', es: 'Resultado intermedio', ar: 'النتيجة الوسيطة' },
    { en: 'Sub-intermediate result', fr: 'Sous-résultat intermédiaire', es: 'Sub-resultado intermedio', ar: 'النتيجة الوسيطة الفرعية' },
    { en: 'Output', fr: 'Produit', es: 'Producto', ar: 'المُخرَج' },
  ],
  // The organisation's own: starts from the generic goal → outcome → output → activity.
  custom: [
    { en: 'Goal', fr: 'But', es: 'Meta', ar: 'الغاية' },
    { en: 'Outcome', fr: 'Effet', es: 'Efecto', ar: 'النتيجة' },
    { en: 'Output', fr: 'Produit', es: 'Producto', ar: 'المُخرَج' },
    { en: 'Activity', fr: 'Activité', es: 'Actividad', ar: 'النشاط' },
  ],
};

/** Why an indicator's definition or targets changed (recorded with every change). */
export const CHANGE_REASONS = ['adaptive_management', 'donor_requirement', 'context_change', 'implementation_delay', 'correction', 'other'] as const;
export type ChangeReason = (typeof CHANGE_REASONS)[number];
