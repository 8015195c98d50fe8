import type { Locale } from '@shared/locales.js';

/** Words of the budget-vs-actual workbook, per language. */
export interface BvaLabels {
  sheets: { lines: string; categories: string; periods: string; results: string; rates: string };
  title: string;
  asOf: string;
  code: string;
  category: string;
  description: string;
  result: string;
  period: string;
  start: string;
  end: string;
  budget: string;
  original: string;
  plannedToDate: string;
  actual: string;
  pending: string;
  variance: string;
  variancePct: string;
  remaining: string;
  burnPct: string;
  timeElapsedPct: string;
  forecast: string;
  flags: string;
  overBudget: string;
  overThreshold: string;
  total: string;
  noResult: string;
  indicator: string;
  unit: string;
  indicatorActual: string;
  costPerUnit: string;
  currency: string;
  rate: string;
  rateSource: string;
  rateDate: string;
  count: string;
  amountPaid: string;
  amountBudget: string;
  lines: string;
  categories: Record<string, string>;
}

export const BVA_LABELS: Record<Locale, BvaLabels> = {
  en: {
    sheets: { lines: 'By line', categories: 'By category', periods: 'By period', results: 'By result', rates: 'Rates used' },
    title: 'Budget vs actual: {title} ({currency})',
    asOf: 'As of {date}',
    code: 'Code', category: 'Category', description: 'Description', result: 'Result', period: 'Period', start: 'Start', end: 'End',
    budget: 'Budget', original: 'Original budget', plannedToDate: 'Planned to date', actual: 'Actual', pending: 'Pending approval',
    variance: 'Variance', variancePct: 'Variance %', remaining: 'Remaining', burnPct: 'Burn %', timeElapsedPct: 'Time elapsed %',
    forecast: 'Forecast at completion', flags: 'Flags', overBudget: 'Over budget', overThreshold: 'Over variance threshold', total: 'Total',
    noResult: 'Not linked to a result', indicator: 'Indicator', unit: 'Unit', indicatorActual: 'Indicator actual', costPerUnit: 'Cost per unit',
    currency: 'Currency', rate: 'Rate (per 1 budget unit)', rateSource: 'Rate source', rateDate: 'Rate date', count: 'Expenditures',
    amountPaid: 'Amount paid', amountBudget: 'Amount in budget currency', lines: 'Lines',
    categories: { personnel: 'Personnel', travel: 'Travel', equipment: 'Equipment', supplies: 'Supplies', contractual: 'Contractual', other_direct: 'Other direct costs', indirect: 'Indirect costs' },
  },
  fr: {
    sheets: { lines: 'Par ligne', categories: 'Par catégorie', periods: 'Par période', results: 'Par résultat', rates: 'Taux utilisés' },
    title: 'Budget et réalisé : {title} ({currency})',
    asOf: 'Au {date}',
    code: 'Code', category: 'Catégorie', description: 'Description', result: 'Résultat', period: 'Période', start: 'Début', end: 'Fin',
    budget: 'Budget', original: 'Budget initial', plannedToDate: 'Prévu à date', actual: 'Réalisé', pending: 'En attente d’approbation',
    variance: 'Écart', variancePct: 'Écart %', remaining: 'Reste', burnPct: 'Consommation %', timeElapsedPct: 'Temps écoulé %',
    forecast: 'Prévision à terme', flags: 'Alertes', overBudget: 'Dépassement du budget', overThreshold: 'Au-delà du seuil d’écart', total: 'Total',
    noResult: 'Non lié à un résultat', indicator: 'Indicateur', unit: 'Unité', indicatorActual: 'Réalisé de l’indicateur', costPerUnit: 'Coût unitaire',
    currency: 'Devise', rate: 'Taux (pour 1 unité du budget)', rateSource: 'Source du taux', rateDate: 'Date du taux', count: 'Dépenses',
    amountPaid: 'Montant payé', amountBudget: 'Montant en devise du budget', lines: 'Lignes',
    categories: { personnel: 'Personnel', travel: 'Déplacements', equipment: 'Équipement', supplies: 'Fournitures', contractual: 'Services contractuels', other_direct: 'Autres coûts directs', indirect: 'Coûts indirects' },
  },
  es: {
    sheets: { lines: 'Por línea', categories: 'Por categoría', periods: 'Por período', results: 'Por resultado', rates: 'Tipos usados' },
    title: 'Presupuesto frente a ejecutado: {title} ({currency})',
    asOf: 'Al {date}',
    code: 'Código', category: 'Categoría', description: 'Descripción', result: 'Resultado', period: 'Período', start: 'Inicio', end: 'Fin',
    budget: 'Presupuesto', original: 'Presupuesto original', plannedToDate: 'Previsto a la fecha', actual: 'Ejecutado', pending: 'Pendiente de aprobación',
    variance: 'Desviación', variancePct: 'Desviación %', remaining: 'Saldo', burnPct: 'Ejecución %', timeElapsedPct: 'Tiempo transcurrido %',
    forecast: 'Previsión al cierre', flags: 'Alertas', overBudget: 'Por encima del presupuesto', overThreshold: 'Supera el umbral de desviación', total: 'Total',
    noResult: 'Sin vínculo con un resultado', indicator: 'Indicador', unit: 'Unidad', indicatorActual: 'Valor real del indicador', costPerUnit: 'Costo por unidad',
    currency: 'Moneda', rate: 'Tipo (por 1 unidad del presupuesto)', rateSource: 'Fuente del tipo', rateDate: 'Fecha del tipo', count: 'Gastos',
    amountPaid: 'Importe pagado', amountBudget: 'Importe en moneda del presupuesto', lines: 'Líneas',
    categories: { personnel: 'Personal', travel: 'Viajes', equipment: 'Equipamiento', supplies: 'Suministros', contractual: 'Servicios contractuales', other_direct: 'Otros costos directos', indirect: 'Costos indirectos' },
  },
  ar: {
    sheets: { lines: 'حسب البند', categories: 'حسب الفئة', periods: 'حسب الفترة', results: 'حسب النتيجة', rates: 'أسعار الصرف' },
    title: 'الميزانية مقابل الفعلي: {title} ({currency})',
    asOf: 'في {date}',
    code: 'الرمز', category: 'الفئة', description: 'الوصف', result: 'النتيجة', period: 'الفترة', start: 'البداية', end: 'النهاية',
    budget: 'الميزانية', original: 'الميزانية الأصلية', plannedToDate: 'المخطط حتى التاريخ', actual: 'الفعلي', pending: 'بانتظار الموافقة',
    variance: 'الانحراف', variancePct: 'نسبة الانحراف %', remaining: 'المتبقي', burnPct: 'نسبة الصرف %', timeElapsedPct: 'نسبة الوقت المنقضي %',
    forecast: 'التوقع عند الإنجاز', flags: 'تنبيهات', overBudget: 'تجاوز الميزانية', overThreshold: 'تجاوز عتبة الانحراف', total: 'المجموع',
    noResult: 'غير مرتبط بنتيجة', indicator: 'المؤشر', unit: 'الوحدة', indicatorActual: 'القيمة الفعلية للمؤشر', costPerUnit: 'التكلفة لكل وحدة',
    currency: 'العملة', rate: 'السعر (لكل وحدة من عملة الميزانية)', rateSource: 'مصدر السعر', rateDate: 'تاريخ السعر', count: 'النفقات',
    amountPaid: 'المبلغ المدفوع', amountBudget: 'المبلغ بعملة الميزانية', lines: 'البنود',
    categories: { personnel: 'الموظفون', travel: 'السفر', equipment: 'المعدات', supplies: 'اللوازم', contractual: 'الخدمات التعاقدية', other_direct: 'تكاليف مباشرة أخرى', indirect: 'التكاليف غير المباشرة' },
  },
};

export const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
