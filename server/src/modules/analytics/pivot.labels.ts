import type { Locale } from '@shared/locales.js';
import type { Granularity, PivotDimension } from '@shared/schemas/monitoring.js';

/**
 * Words of pivot tables in the four interface languages: the `none` members, dimension headings,
 * period labels and the export's title lines. The member keys stay language-neutral; only what a
 * person reads is translated, so a saved pivot looks right to each colleague in their language.
 */
interface PivotTexts {
  /** The `none` member of each dimension that can have one. */
  none: { category: string; location: string; project: string; organisation: string };
  dimensions: { indicator: string; resultNode: string; project: string; programme: string; organisation: string; location: string; period: string };
  levels: Record<string, string>;
  granularities: Record<Granularity, string>;
  /** Period labels: {n} the number within the year, {year} the (fiscal) year. */
  quarter: string;
  semester: string;
  fiscalYear: string;
  title: string;
  indicators: string;
  generated: string;
  pending: string;
  value: string;
  total: string;
  subtotal: string;
  sheet: string;
}

export const PIVOT_TEXTS: Record<Locale, PivotTexts> = {
  en: {
    none: { category: 'Not disaggregated', location: 'Whole project / no place', project: 'Programme level (no project)', organisation: 'No organisation' },
    dimensions: { indicator: 'Indicator', resultNode: 'Result', project: 'Project', programme: 'Programme', organisation: 'Organisation', location: 'Place', period: 'Period' },
    levels: { country: 'country', admin1: 'admin 1', admin2: 'admin 2', admin3: 'admin 3', site: 'site' },
    granularities: { month: 'month', quarter: 'quarter', semester: 'semester', year: 'year' },
    quarter: 'Q{n} {year}',
    semester: 'H{n} {year}',
    fiscalYear: 'FY{year}',
    title: 'Pivot table',
    indicators: 'Indicators: {list}',
    generated: 'Generated on {date}',
    pending: 'Includes values not yet approved (shown in italics).',
    value: 'Value',
    total: 'Total',
    subtotal: 'Subtotal',
    sheet: 'Pivot',
  },
  fr: {
    none: { category: 'Non ventilé', location: 'Tout le projet / sans lieu', project: 'Niveau programme (sans projet)', organisation: 'Aucune organisation' },
    dimensions: { indicator: 'Indicateur', resultNode: 'Résultat', project: 'Projet', programme: 'Programme', organisation: 'Organisation', location: 'Lieu', period: 'Période' },
    levels: { country: 'pays', admin1: 'admin 1', admin2: 'admin 2', admin3: 'admin 3', site: 'site' },
    granularities: { month: 'mois', quarter: 'trimestre', semester: 'semestre', year: 'année' },
    quarter: 'T{n} {year}',
    semester: 'S{n} {year}',
    fiscalYear: 'AF{year}',
    title: 'Tableau croisé',
    indicators: 'Indicateurs : {list}',
    generated: 'Généré le {date}',
    pending: 'Comprend des valeurs pas encore approuvées (en italique).',
    value: 'Valeur',
    total: 'Total',
    subtotal: 'Sous-total',
    sheet: 'Tableau croisé',
  },
  es: {
    none: { category: 'Sin desglosar', location: 'Todo el proyecto / sin lugar', project: 'Nivel de programa (sin proyecto)', organisation: 'Sin organización' },
    dimensions: { indicator: 'Indicador', resultNode: 'Resultado', project: 'Proyecto', programme: 'Programa', organisation: 'Organización', location: 'Lugar', period: 'Período' },
    levels: { country: 'país', admin1: 'admin 1', admin2: 'admin 2', admin3: 'admin 3', site: 'sitio' },
    granularities: { month: 'mes', quarter: 'trimestre', semester: 'semestre', year: 'año' },
    quarter: 'T{n} {year}',
    semester: 'S{n} {year}',
    fiscalYear: 'AF{year}',
    title: 'Tabla dinámica',
    indicators: 'Indicadores: {list}',
    generated: 'Generado el {date}',
    pending: 'Incluye valores aún no aprobados (en cursiva).',
    value: 'Valor',
    total: 'Total',
    subtotal: 'Subtotal',
    sheet: 'Tabla dinámica',
  },
  ar: {
    none: { category: 'غير مصنّف', location: 'المشروع كله / بلا مكان', project: 'مستوى البرنامج (بلا مشروع)', organisation: 'بلا منظمة' },
    dimensions: { indicator: 'المؤشر', resultNode: 'النتيجة', project: 'المشروع', programme: 'البرنامج', organisation: 'المنظمة', location: 'المكان', period: 'الفترة' },
    levels: { country: 'البلد', admin1: 'المستوى الإداري 1', admin2: 'المستوى الإداري 2', admin3: 'المستوى الإداري 3', site: 'الموقع' },
    granularities: { month: 'شهر', quarter: 'ربع سنة', semester: 'نصف سنة', year: 'سنة' },
    quarter: 'الربع {n} {year}',
    semester: 'النصف {n} {year}',
    fiscalYear: 'السنة المالية {year}',
    title: 'جدول محوري',
    indicators: 'المؤشرات: {list}',
    generated: 'أُنشئ في {date}',
    pending: 'يتضمن قيمًا لم تُعتمد بعد (بخط مائل).',
    value: 'القيمة',
    total: 'المجموع',
    subtotal: 'المجموع الفرعي',
    sheet: 'جدول محوري',
  },
};

export const fill = (template: string, params: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));

/**
 * A period key (`2026-03`, `2026-Q1`, `FY2026-Q1`, `2026-H2`, `FY2026`, `2026`) as a reader says it:
 * months by the locale's own month names, quarters and semesters with the language's letters.
 */
export function periodLabel(key: string, locale: Locale): string {
  const t = PIVOT_TEXTS[locale];
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) {
    const date = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
    return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
  }
  const m = /^(FY)?(\d{4})(?:-([QH])(\d))?$/.exec(key);
  if (!m) return key;
  const year = m[1] ? fill(t.fiscalYear, { year: m[2]! }) : m[2]!;
  if (!m[3]) return year;
  return fill(m[3] === 'Q' ? t.quarter : t.semester, { n: m[4]!, year });
}

/** The heading of a dimension (a category's heading is its name, given by the caller). */
export function dimensionHeading(d: PivotDimension, locale: Locale, categoryName: (id: string) => string): string {
  const t = PIVOT_TEXTS[locale];
  if (d.type === 'category') return categoryName(d.categoryId);
  if (d.type === 'location') return `${t.dimensions.location} (${t.levels[d.level] ?? d.level})`;
  if (d.type === 'period') return `${t.dimensions.period} (${t.granularities[d.granularity]})`;
  return t.dimensions[d.type];
}
