import type { Locale } from '@shared/locales.js';

/**
 * Words of the indicator plan workbook in the four interface languages. The plan is read by
 * people (donors, field teams), so unlike the import template it speaks the reader's language;
 * the wording follows the web app's results texts.
 */
interface PlanLabels {
  /** The sheet's name: at most 31 characters. */
  sheet: string;
  title: string;
  /** Title lines; {names} and {date} are filled in. */
  organisation: string;
  generated: string;
  columns: Record<PlanColumn, string>;
  yes: string;
  no: string;
  types: Record<string, string>;
  directions: Record<string, string>;
  timeAggregations: Record<string, string>;
  locationAggregations: Record<string, string>;
  frequencies: Record<string, string>;
}

export type PlanColumn =
  | 'level' | 'resultCode' | 'result' | 'code' | 'name' | 'definition' | 'unit' | 'type' | 'direction' | 'timeAggregation' | 'locationAggregation'
  | 'cumulative' | 'disaggregations' | 'baselineValue' | 'baselineDate' | 'lopTarget' | 'meansOfVerification' | 'dataSource'
  | 'collectionMethod' | 'frequency' | 'responsible' | 'libraryCode' | 'contributesTo';

export const PLAN_LABELS: Record<Locale, PlanLabels> = {
  en: {
    sheet: 'Indicator plan',
    title: 'Indicator plan (performance monitoring plan)',
    organisation: 'Organisation: {names}',
    generated: 'Generated on {date}',
    columns: {
      level: 'Result level', resultCode: 'Result code', result: 'Result', code: 'Indicator code', name: 'Indicator', definition: 'Definition',
      unit: 'Unit of measure', type: 'Type', direction: 'Direction', timeAggregation: 'Over time', locationAggregation: 'Across places',
      cumulative: 'Cumulative', disaggregations: 'Disaggregated by', baselineValue: 'Baseline value', baselineDate: 'Baseline date',
      lopTarget: 'Life-of-project target', meansOfVerification: 'Means of verification', dataSource: 'Data source',
      collectionMethod: 'Collection method', frequency: 'Frequency', responsible: 'Responsible', libraryCode: 'Library entry',
      contributesTo: 'Contributes to (programme indicator)',
    },
    yes: 'Yes',
    no: 'No',
    types: { number: 'Number', percentage: 'Percentage', currency: 'Amount of money', yes_no: 'Yes / no', qualitative: 'Qualitative' },
    directions: { increase: 'Increase is better', decrease: 'Decrease is better' },
    timeAggregations: { sum: 'Sum', latest: 'Latest value', max: 'Highest value', average: 'Average' },
    locationAggregations: { sum: 'Sum', max: 'Highest value', average: 'Average', none: 'Do not combine' },
    frequencies: { month: 'Monthly', quarter: 'Quarterly', semester: 'Every six months', year: 'Yearly', lop: 'Once, for the life of the project' },
  },
  fr: {
    sheet: 'Plan des indicateurs',
    title: 'Plan des indicateurs (plan de suivi de la performance)',
    organisation: 'Organisation : {names}',
    generated: 'Généré le {date}',
    columns: {
      level: 'Niveau du résultat', resultCode: 'Code du résultat', result: 'Résultat', code: "Code de l'indicateur", name: 'Indicateur',
      definition: 'Définition', unit: 'Unité de mesure', type: 'Type', direction: 'Sens', timeAggregation: 'Dans le temps',
      locationAggregation: 'Entre les lieux', cumulative: 'Cumulatif', disaggregations: 'Ventilé par', baselineValue: 'Valeur de référence',
      baselineDate: 'Date de référence', lopTarget: 'Cible sur la durée du projet', meansOfVerification: 'Moyens de vérification',
      dataSource: 'Source des données', collectionMethod: 'Méthode de collecte', frequency: 'Fréquence', responsible: 'Responsable',
      libraryCode: 'Entrée de la bibliothèque', contributesTo: 'Contribue à (indicateur du programme)',
    },
    yes: 'Oui',
    no: 'Non',
    types: { number: 'Nombre', percentage: 'Pourcentage', currency: 'Montant', yes_no: 'Oui / non', qualitative: 'Qualitatif' },
    directions: { increase: 'Une hausse est souhaitée', decrease: 'Une baisse est souhaitée' },
    timeAggregations: { sum: 'Somme', latest: 'Dernière valeur', max: 'Valeur la plus haute', average: 'Moyenne' },
    locationAggregations: { sum: 'Somme', max: 'Valeur la plus haute', average: 'Moyenne', none: 'Ne pas combiner' },
    frequencies: { month: 'Mensuelle', quarter: 'Trimestrielle', semester: 'Semestrielle', year: 'Annuelle', lop: 'Une fois, pour toute la durée du projet' },
  },
  es: {
    sheet: 'Plan de indicadores',
    title: 'Plan de indicadores (plan de seguimiento del desempeño)',
    organisation: 'Organización: {names}',
    generated: 'Generado el {date}',
    columns: {
      level: 'Nivel del resultado', resultCode: 'Código del resultado', result: 'Resultado', code: 'Código del indicador', name: 'Indicador',
      definition: 'Definición', unit: 'Unidad de medida', type: 'Tipo', direction: 'Sentido', timeAggregation: 'A lo largo del tiempo',
      locationAggregation: 'Entre lugares', cumulative: 'Acumulativo', disaggregations: 'Desagregado por', baselineValue: 'Valor de base',
      baselineDate: 'Fecha de la línea de base', lopTarget: 'Meta para toda la vida del proyecto', meansOfVerification: 'Medios de verificación',
      dataSource: 'Fuente de datos', collectionMethod: 'Método de recogida', frequency: 'Frecuencia', responsible: 'Responsable',
      libraryCode: 'Entrada de la biblioteca', contributesTo: 'Contribuye a (indicador del programa)',
    },
    yes: 'Sí',
    no: 'No',
    types: { number: 'Número', percentage: 'Porcentaje', currency: 'Importe', yes_no: 'Sí / no', qualitative: 'Cualitativo' },
    directions: { increase: 'Mejor si aumenta', decrease: 'Mejor si disminuye' },
    timeAggregations: { sum: 'Suma', latest: 'Último valor', max: 'Valor más alto', average: 'Promedio' },
    locationAggregations: { sum: 'Suma', max: 'Valor más alto', average: 'Promedio', none: 'No combinar' },
    frequencies: { month: 'Mensual', quarter: 'Trimestral', semester: 'Semestral', year: 'Anual', lop: 'Una vez, para toda la vida del proyecto' },
  },
  ar: {
    sheet: 'خطة المؤشرات',
    title: 'خطة المؤشرات (خطة رصد الأداء)',
    organisation: 'المنظمة: {names}',
    generated: 'تاريخ الإنشاء: {date}',
    columns: {
      level: 'مستوى النتيجة', resultCode: 'رمز النتيجة', result: 'النتيجة', code: 'رمز المؤشر', name: 'المؤشر', definition: 'التعريف',
      unit: 'وحدة القياس', type: 'النوع', direction: 'الاتجاه', timeAggregation: 'عبر الزمن', locationAggregation: 'عبر الأماكن',
      cumulative: 'تراكمي', disaggregations: 'مصنّف حسب', baselineValue: 'قيمة خط الأساس', baselineDate: 'تاريخ خط الأساس',
      lopTarget: 'الهدف لكامل مدة المشروع', meansOfVerification: 'وسائل التحقق', dataSource: 'مصدر البيانات', collectionMethod: 'طريقة الجمع',
      frequency: 'التواتر', responsible: 'المسؤول', libraryCode: 'مدخل المكتبة', contributesTo: 'يساهم في (مؤشر البرنامج)',
    },
    yes: 'نعم',
    no: 'لا',
    types: { number: 'عدد', percentage: 'نسبة مئوية', currency: 'مبلغ مالي', yes_no: 'نعم / لا', qualitative: 'نوعي' },
    directions: { increase: 'الزيادة أفضل', decrease: 'النقصان أفضل' },
    timeAggregations: { sum: 'المجموع', latest: 'آخر قيمة', max: 'أعلى قيمة', average: 'المتوسط' },
    locationAggregations: { sum: 'المجموع', max: 'أعلى قيمة', average: 'المتوسط', none: 'بدون دمج' },
    frequencies: { month: 'شهريًا', quarter: 'كل ربع سنة', semester: 'كل ستة أشهر', year: 'سنويًا', lop: 'مرة واحدة لكامل مدة المشروع' },
  },
};
