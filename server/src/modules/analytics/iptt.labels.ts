import type { Locale } from '@shared/locales.js';
import type { Granularity } from '@shared/schemas/monitoring.js';

/** Words of the IPTT workbook in the four interface languages; {…} placeholders are filled in. */
export interface IpttLabels {
  /** The sheet's name: at most 31 characters. */
  sheet: string;
  title: string;
  periods: string;
  noPeriods: string;
  granularity: string;
  granularities: Record<Granularity, string>;
  approvedOnly: string;
  withPending: string;
  generated: string;
  code: string;
  indicator: string;
  unit: string;
  baseline: string;
  lifeOfProject: string;
  target: string;
  actual: string;
  percentMet: string;
  project: string;
}

export const IPTT_LABELS: Record<Locale, IpttLabels> = {
  en: {
    sheet: 'IPTT',
    title: 'Indicator Performance Tracking Table — {scope}',
    periods: 'Periods: {first} to {last} ({start} – {end})',
    noPeriods: 'Periods: none (no dates)',
    granularity: 'Period length: {granularity}',
    granularities: { month: 'Monthly', quarter: 'Quarterly', semester: 'Every six months', year: 'Yearly' },
    approvedOnly: 'Approved values only',
    withPending: 'Includes pending values (not yet approved, shown in italics)',
    generated: 'Generated at {at} (UTC)',
    code: 'Code',
    indicator: 'Result / indicator',
    unit: 'Unit',
    baseline: 'Baseline',
    lifeOfProject: 'Life of project',
    target: 'Target',
    actual: 'Actual',
    percentMet: '% met',
    project: 'Project',
  },
  fr: {
    sheet: 'IPTT',
    title: 'Tableau de suivi des indicateurs (IPTT) — {scope}',
    periods: 'Périodes : de {first} à {last} ({start} – {end})',
    noPeriods: 'Périodes : aucune (pas de dates)',
    granularity: 'Durée des périodes : {granularity}',
    granularities: { month: 'Mensuelle', quarter: 'Trimestrielle', semester: 'Semestrielle', year: 'Annuelle' },
    approvedOnly: 'Valeurs approuvées uniquement',
    withPending: 'Inclut des valeurs en attente (pas encore approuvées, en italique)',
    generated: 'Généré le {at} (UTC)',
    code: 'Code',
    indicator: 'Résultat / indicateur',
    unit: 'Unité',
    baseline: 'Référence',
    lifeOfProject: 'Durée du projet',
    target: 'Cible',
    actual: 'Réalisé',
    percentMet: '% atteint',
    project: 'Projet',
  },
  es: {
    sheet: 'IPTT',
    title: 'Tabla de seguimiento de indicadores (IPTT) — {scope}',
    periods: 'Períodos: de {first} a {last} ({start} – {end})',
    noPeriods: 'Períodos: ninguno (sin fechas)',
    granularity: 'Duración de los períodos: {granularity}',
    granularities: { month: 'Mensual', quarter: 'Trimestral', semester: 'Semestral', year: 'Anual' },
    approvedOnly: 'Solo valores aprobados',
    withPending: 'Incluye valores pendientes (aún no aprobados, en cursiva)',
    generated: 'Generado el {at} (UTC)',
    code: 'Código',
    indicator: 'Resultado / indicador',
    unit: 'Unidad',
    baseline: 'Línea de base',
    lifeOfProject: 'Vida del proyecto',
    target: 'Meta',
    actual: 'Logrado',
    percentMet: '% alcanzado',
    project: 'Proyecto',
  },
  ar: {
    sheet: 'IPTT',
    title: 'جدول تتبع أداء المؤشرات — {scope}',
    periods: 'الفترات: من {first} إلى {last} ({start} – {end})',
    noPeriods: 'الفترات: لا توجد (بلا تواريخ)',
    granularity: 'طول الفترة: {granularity}',
    granularities: { month: 'شهري', quarter: 'ربع سنوي', semester: 'نصف سنوي', year: 'سنوي' },
    approvedOnly: 'القيم المعتمدة فقط',
    withPending: 'يشمل قيمًا قيد المراجعة (لم تُعتمد بعد، بخط مائل)',
    generated: 'أُنشئ في {at} (التوقيت العالمي)',
    code: 'الرمز',
    indicator: 'النتيجة / المؤشر',
    unit: 'الوحدة',
    baseline: 'خط الأساس',
    lifeOfProject: 'مدة المشروع',
    target: 'المستهدف',
    actual: 'المحقق',
    percentMet: '% الإنجاز',
    project: 'المشروع',
  },
};

export const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
