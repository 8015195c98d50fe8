import type { NarrativeSection } from '@shared/domain/submission-status.js';
import type { Locale } from '@shared/locales.js';
import type { ReportLabels } from './document.types.js';

/**
 * Words a generated report prints, in its language, and the notes a report job shows while it runs
 * (in the language of the person who asked for it). Section titles come from the template; these are
 * the headings, column names and sentences the app writes itself. `{…}` placeholders are filled in.
 */
export interface ReportTexts {
  labels: ReportLabels;
  cover: {
    organisation: string;
    donor: string;
    agreementNumber: string;
    reportingPeriod: string;
    dateGenerated: string;
    template: string;
  };
  summary: {
    keyFigures: string;
    reported: string;
    onTrack: string;
    behind: string;
    noTarget: string;
    narratives: string;
    untranslated: string;
    rule: string;
  };
  narratives: {
    overall: string;
    none: string;
    sections: Record<NarrativeSection, string>;
  };
  iptt: {
    sheet: string;
    caption: string;
    code: string;
    indicator: string;
    unit: string;
    baseline: string;
    lifeOfProject: string;
    target: string;
    actual: string;
    percentMet: string;
    note: string;
    none: string;
  };
  disaggregation: {
    sheet: string;
    caption: string;
    group: string;
    total: string;
  };
  people: {
    sheet: string;
    caption: string;
    code: string;
    indicator: string;
    reached: string;
    share: string;
    rule: string;
  };
  risks: { challenges: string; lessons: string };
  budget: {
    heading: string;
    asOf: string;
    byCategory: string;
    byLine: string;
    sheetCategories: string;
    sheetLines: string;
    category: string;
    code: string;
    line: string;
    budget: string;
    spentInPeriod: string;
    spentToDate: string;
    remaining: string;
    percentSpent: string;
    total: string;
    note: string;
    categories: Record<string, string>;
  };
  annexes: {
    sheet: string;
    caption: string;
    fileName: string;
    type: string;
    sizeKb: string;
    package: string;
    description: string;
  };
  progress: {
    loading: string;
    figures: string;
    narratives: string;
    docx: string;
    xlsx: string;
    pdf: string;
    saving: string;
  };
}

const en: ReportTexts = {
  labels: { contents: 'Contents', pageOf: 'Page {n} of {total}', pendingMark: '(pending approval)', untranslated: 'Passages not translated' },
  cover: {
    organisation: 'Organisation',
    donor: 'Donor',
    agreementNumber: 'Agreement number',
    reportingPeriod: 'Reporting period',
    dateGenerated: 'Date generated',
    template: 'Report format',
  },
  summary: {
    keyFigures: 'Key figures',
    reported: '{n} indicators have figures for the period.',
    onTrack: '{n} on track: at least 90 % of the target met.',
    behind: '{n} behind: less than 90 % of the target met.',
    noTarget: '{n} without a target or without a value for the period.',
    narratives: '{n} narrative passages from {packages} approved reports.',
    untranslated: '{n} passages are printed in their original language: no approved translation exists yet.',
    rule: 'An indicator is on track when, in the latest period of this report with both a target and a value, it met at least 90 % of its target (taking its direction into account).',
  },
  narratives: {
    overall: 'Overall progress',
    none: 'No narrative was approved for this period.',
    sections: { achievements: 'Achievements', challenges: 'Challenges', lessons: 'Lessons learned', next_steps: 'Next steps' },
  },
  iptt: {
    sheet: 'IPTT',
    caption: 'Indicator performance tracking, {start} – {end}',
    code: 'Code',
    indicator: 'Result / indicator',
    unit: 'Unit',
    baseline: 'Baseline',
    lifeOfProject: 'Life of project',
    target: 'Target',
    actual: 'Actual',
    percentMet: '% met',
    note: 'Approved values only. The life-of-project actual is what was reported over the periods of this report.',
    none: 'No indicator in this report has figures.',
  },
  disaggregation: {
    sheet: 'By group {code}',
    caption: '{code} {name}: values by group',
    group: 'Group',
    total: 'Total for the period',
  },
  people: {
    sheet: 'People reached',
    caption: 'People reached in the period',
    code: 'Code',
    indicator: 'Indicator / group',
    reached: 'People reached',
    share: 'Share of the total',
    rule: 'People reached: indicators counting people (their unit names people, e.g. people, children, women, participants), with the value reported over the period and its breakdown by sex, age and disability where the indicator is disaggregated so. Indicators are not added together, since the same person can be counted by several.',
  },
  risks: { challenges: 'Challenges and risks', lessons: 'Lessons learned' },
  budget: {
    heading: '{title} ({currency}), version {version}',
    asOf: 'Spent to date counts approved expenditures up to {end}; spent in the period, those dated {start} – {end}. Amounts in {currency}.',
    byCategory: 'Budget versus actual by category',
    byLine: 'Budget versus actual by budget line',
    sheetCategories: 'Budget {code}',
    sheetLines: 'Budget lines {code}',
    category: 'Category',
    code: 'Code',
    line: 'Budget line',
    budget: 'Budget',
    spentInPeriod: 'Spent in the period',
    spentToDate: 'Spent to date',
    remaining: 'Remaining',
    percentSpent: '% spent',
    total: 'Total',
    note: 'Expenditures paid in another currency are converted to the budget currency at the rate recorded with each of them.',
    categories: { personnel: 'Personnel', travel: 'Travel', equipment: 'Equipment', supplies: 'Supplies', contractual: 'Contractual', other_direct: 'Other direct costs', indirect: 'Indirect costs' },
  },
  annexes: {
    sheet: 'Annexes',
    caption: 'Files attached to the approved reports of the period',
    fileName: 'File',
    type: 'Type',
    sizeKb: 'Size (KB)',
    package: 'Report',
    description: 'Description',
  },
  progress: {
    loading: 'Reading the template and the period',
    figures: 'Calculating the indicator tables',
    narratives: 'Collecting narratives and attachments',
    docx: 'Writing the Word document',
    xlsx: 'Writing the Excel workbook',
    pdf: 'Writing the PDF',
    saving: 'Saving the files',
  },
};

const fr: ReportTexts = {
  labels: { contents: 'Sommaire', pageOf: 'Page {n} sur {total}', pendingMark: '(en attente d’approbation)', untranslated: 'Passages non traduits' },
  cover: {
    organisation: 'Organisation',
    donor: 'Bailleur',
    agreementNumber: 'Numéro de convention',
    reportingPeriod: 'Période couverte',
    dateGenerated: 'Date de production',
    template: 'Format du rapport',
  },
  summary: {
    keyFigures: 'Chiffres clés',
    reported: '{n} indicateurs ont des chiffres pour la période.',
    onTrack: '{n} en bonne voie : au moins 90 % de la cible atteinte.',
    behind: '{n} en retard : moins de 90 % de la cible atteinte.',
    noTarget: '{n} sans cible ou sans valeur pour la période.',
    narratives: '{n} passages narratifs issus de {packages} rapports approuvés.',
    untranslated: '{n} passages sont imprimés dans leur langue d’origine : aucune traduction approuvée n’existe encore.',
    rule: 'Un indicateur est en bonne voie lorsque, dans la dernière période de ce rapport ayant une cible et une valeur, il a atteint au moins 90 % de sa cible (compte tenu de son sens).',
  },
  narratives: {
    overall: 'Progrès d’ensemble',
    none: 'Aucun texte narratif n’a été approuvé pour cette période.',
    sections: { achievements: 'Réalisations', challenges: 'Difficultés', lessons: 'Leçons apprises', next_steps: 'Prochaines étapes' },
  },
  iptt: {
    sheet: 'IPTT',
    caption: 'Suivi des indicateurs de performance, {start} – {end}',
    code: 'Code',
    indicator: 'Résultat / indicateur',
    unit: 'Unité',
    baseline: 'Référence',
    lifeOfProject: 'Durée du projet',
    target: 'Cible',
    actual: 'Réalisé',
    percentMet: '% atteint',
    note: 'Valeurs approuvées uniquement. Le réalisé sur la durée du projet est ce qui a été rapporté sur les périodes de ce rapport.',
    none: 'Aucun indicateur de ce rapport n’a de chiffres.',
  },
  disaggregation: {
    sheet: 'Par groupe {code}',
    caption: '{code} {name} : valeurs par groupe',
    group: 'Groupe',
    total: 'Total de la période',
  },
  people: {
    sheet: 'Personnes atteintes',
    caption: 'Personnes atteintes pendant la période',
    code: 'Code',
    indicator: 'Indicateur / groupe',
    reached: 'Personnes atteintes',
    share: 'Part du total',
    rule: 'Personnes atteintes : indicateurs qui comptent des personnes (leur unité désigne des personnes, par ex. personnes, enfants, femmes, participants), avec la valeur rapportée sur la période et sa ventilation par sexe, âge et handicap lorsque l’indicateur est ainsi désagrégé. Les indicateurs ne sont pas additionnés, car une même personne peut être comptée par plusieurs.',
  },
  risks: { challenges: 'Difficultés et risques', lessons: 'Leçons apprises' },
  budget: {
    heading: '{title} ({currency}), version {version}',
    asOf: 'Le dépensé à date compte les dépenses approuvées jusqu’au {end} ; le dépensé de la période, celles datées du {start} au {end}. Montants en {currency}.',
    byCategory: 'Budget et réalisé par catégorie',
    byLine: 'Budget et réalisé par ligne budgétaire',
    sheetCategories: 'Budget {code}',
    sheetLines: 'Lignes budget {code}',
    category: 'Catégorie',
    code: 'Code',
    line: 'Ligne budgétaire',
    budget: 'Budget',
    spentInPeriod: 'Dépensé sur la période',
    spentToDate: 'Dépensé à date',
    remaining: 'Reste',
    percentSpent: '% dépensé',
    total: 'Total',
    note: 'Les dépenses payées dans une autre devise sont converties dans la devise du budget au taux enregistré avec chacune d’elles.',
    categories: { personnel: 'Personnel', travel: 'Déplacements', equipment: 'Équipement', supplies: 'Fournitures', contractual: 'Services contractuels', other_direct: 'Autres coûts directs', indirect: 'Coûts indirects' },
  },
  annexes: {
    sheet: 'Annexes',
    caption: 'Fichiers joints aux rapports approuvés de la période',
    fileName: 'Fichier',
    type: 'Type',
    sizeKb: 'Taille (Ko)',
    package: 'Rapport',
    description: 'Description',
  },
  progress: {
    loading: 'Lecture du modèle et de la période',
    figures: 'Calcul des tableaux d’indicateurs',
    narratives: 'Collecte des textes narratifs et des pièces jointes',
    docx: 'Rédaction du document Word',
    xlsx: 'Rédaction du classeur Excel',
    pdf: 'Rédaction du PDF',
    saving: 'Enregistrement des fichiers',
  },
};

const es: ReportTexts = {
  labels: { contents: 'Índice', pageOf: 'Página {n} de {total}', pendingMark: '(pendiente de aprobación)', untranslated: 'Pasajes sin traducir' },
  cover: {
    organisation: 'Organización',
    donor: 'Donante',
    agreementNumber: 'Número de convenio',
    reportingPeriod: 'Período del informe',
    dateGenerated: 'Fecha de generación',
    template: 'Formato del informe',
  },
  summary: {
    keyFigures: 'Cifras clave',
    reported: '{n} indicadores tienen cifras para el período.',
    onTrack: '{n} en buen camino: al menos el 90 % de la meta alcanzado.',
    behind: '{n} con retraso: menos del 90 % de la meta alcanzado.',
    noTarget: '{n} sin meta o sin valor para el período.',
    narratives: '{n} pasajes narrativos de {packages} informes aprobados.',
    untranslated: '{n} pasajes se imprimen en su idioma original: aún no existe una traducción aprobada.',
    rule: 'Un indicador va en buen camino cuando, en el último período de este informe con meta y valor, alcanzó al menos el 90 % de su meta (según su sentido).',
  },
  narratives: {
    overall: 'Avance general',
    none: 'No se aprobó ningún texto narrativo para este período.',
    sections: { achievements: 'Logros', challenges: 'Dificultades', lessons: 'Lecciones aprendidas', next_steps: 'Próximos pasos' },
  },
  iptt: {
    sheet: 'IPTT',
    caption: 'Seguimiento del desempeño de los indicadores, {start} – {end}',
    code: 'Código',
    indicator: 'Resultado / indicador',
    unit: 'Unidad',
    baseline: 'Línea de base',
    lifeOfProject: 'Vida del proyecto',
    target: 'Meta',
    actual: 'Real',
    percentMet: '% alcanzado',
    note: 'Solo valores aprobados. El real de la vida del proyecto es lo informado en los períodos de este informe.',
    none: 'Ningún indicador de este informe tiene cifras.',
  },
  disaggregation: {
    sheet: 'Por grupo {code}',
    caption: '{code} {name}: valores por grupo',
    group: 'Grupo',
    total: 'Total del período',
  },
  people: {
    sheet: 'Personas alcanzadas',
    caption: 'Personas alcanzadas en el período',
    code: 'Código',
    indicator: 'Indicador / grupo',
    reached: 'Personas alcanzadas',
    share: 'Parte del total',
    rule: 'Personas alcanzadas: indicadores que cuentan personas (su unidad nombra personas, p. ej. personas, niños, mujeres, participantes), con el valor informado en el período y su desglose por sexo, edad y discapacidad cuando el indicador está así desagregado. Los indicadores no se suman, porque una misma persona puede contarse en varios.',
  },
  risks: { challenges: 'Dificultades y riesgos', lessons: 'Lecciones aprendidas' },
  budget: {
    heading: '{title} ({currency}), versión {version}',
    asOf: 'Lo gastado a la fecha cuenta los gastos aprobados hasta el {end}; lo gastado en el período, los fechados del {start} al {end}. Importes en {currency}.',
    byCategory: 'Presupuesto frente a ejecutado por categoría',
    byLine: 'Presupuesto frente a ejecutado por línea presupuestaria',
    sheetCategories: 'Presupuesto {code}',
    sheetLines: 'Líneas presupuesto {code}',
    category: 'Categoría',
    code: 'Código',
    line: 'Línea presupuestaria',
    budget: 'Presupuesto',
    spentInPeriod: 'Gastado en el período',
    spentToDate: 'Gastado a la fecha',
    remaining: 'Saldo',
    percentSpent: '% gastado',
    total: 'Total',
    note: 'Los gastos pagados en otra moneda se convierten a la moneda del presupuesto al tipo registrado con cada uno.',
    categories: { personnel: 'Personal', travel: 'Viajes', equipment: 'Equipamiento', supplies: 'Suministros', contractual: 'Servicios contractuales', other_direct: 'Otros costos directos', indirect: 'Costos indirectos' },
  },
  annexes: {
    sheet: 'Anexos',
    caption: 'Archivos adjuntos a los informes aprobados del período',
    fileName: 'Archivo',
    type: 'Tipo',
    sizeKb: 'Tamaño (KB)',
    package: 'Informe',
    description: 'Descripción',
  },
  progress: {
    loading: 'Leyendo la plantilla y el período',
    figures: 'Calculando las tablas de indicadores',
    narratives: 'Reuniendo los textos narrativos y los adjuntos',
    docx: 'Escribiendo el documento de Word',
    xlsx: 'Escribiendo el libro de Excel',
    pdf: 'Escribiendo el PDF',
    saving: 'Guardando los archivos',
  },
};

const ar: ReportTexts = {
  labels: { contents: 'المحتويات', pageOf: 'الصفحة {n} من {total}', pendingMark: '(بانتظار الموافقة)', untranslated: 'مقاطع غير مترجمة' },
  cover: {
    organisation: 'المنظمة',
    donor: 'الجهة المانحة',
    agreementNumber: 'رقم الاتفاقية',
    reportingPeriod: 'فترة التقرير',
    dateGenerated: 'تاريخ الإعداد',
    template: 'نموذج التقرير',
  },
  summary: {
    keyFigures: 'أرقام رئيسية',
    reported: 'لدى {n} من المؤشرات أرقام لهذه الفترة.',
    onTrack: '{n} على المسار الصحيح: تحقق 90 % على الأقل من الهدف.',
    behind: '{n} متأخرة: تحقق أقل من 90 % من الهدف.',
    noTarget: '{n} بلا هدف أو بلا قيمة لهذه الفترة.',
    narratives: '{n} من المقاطع السردية من {packages} من التقارير المعتمدة.',
    untranslated: '{n} من المقاطع مطبوعة بلغتها الأصلية: لا توجد ترجمة معتمدة بعد.',
    rule: 'يكون المؤشر على المسار الصحيح عندما يحقق 90 % على الأقل من هدفه في آخر فترة من هذا التقرير لها هدف وقيمة (مع مراعاة اتجاهه).',
  },
  narratives: {
    overall: 'التقدم العام',
    none: 'لم يُعتمد أي نص سردي لهذه الفترة.',
    sections: { achievements: 'الإنجازات', challenges: 'الصعوبات', lessons: 'الدروس المستفادة', next_steps: 'الخطوات التالية' },
  },
  iptt: {
    sheet: 'جدول المؤشرات',
    caption: 'تتبع أداء المؤشرات، {start} – {end}',
    code: 'الرمز',
    indicator: 'النتيجة / المؤشر',
    unit: 'الوحدة',
    baseline: 'خط الأساس',
    lifeOfProject: 'مدة المشروع',
    target: 'الهدف',
    actual: 'المحقق',
    percentMet: '% المحقق',
    note: 'القيم المعتمدة فقط. المحقق على مدة المشروع هو ما أُبلغ عنه خلال فترات هذا التقرير.',
    none: 'لا توجد أرقام لأي مؤشر في هذا التقرير.',
  },
  disaggregation: {
    sheet: 'حسب الفئة {code}',
    caption: '{code} {name}: القيم حسب الفئة',
    group: 'الفئة',
    total: 'مجموع الفترة',
  },
  people: {
    sheet: 'الأشخاص المستفيدون',
    caption: 'الأشخاص الذين تم الوصول إليهم خلال الفترة',
    code: 'الرمز',
    indicator: 'المؤشر / الفئة',
    reached: 'الأشخاص الذين تم الوصول إليهم',
    share: 'النسبة من المجموع',
    rule: 'الأشخاص الذين تم الوصول إليهم: المؤشرات التي تعدّ أشخاصًا (تسمي وحدتها أشخاصًا، مثل الأشخاص أو الأطفال أو النساء أو المشاركين)، مع القيمة المبلغ عنها خلال الفترة وتوزيعها حسب الجنس والعمر والإعاقة عندما يكون المؤشر مصنفًا كذلك. لا تُجمع المؤشرات معًا لأن الشخص نفسه قد يُحسب في أكثر من مؤشر.',
  },
  risks: { challenges: 'الصعوبات والمخاطر', lessons: 'الدروس المستفادة' },
  budget: {
    heading: '{title} ({currency})، النسخة {version}',
    asOf: 'المصروف حتى التاريخ يشمل النفقات المعتمدة حتى {end}؛ والمصروف خلال الفترة يشمل النفقات المؤرخة من {start} إلى {end}. المبالغ بعملة {currency}.',
    byCategory: 'الميزانية مقابل الفعلي حسب الفئة',
    byLine: 'الميزانية مقابل الفعلي حسب بند الميزانية',
    sheetCategories: 'الميزانية {code}',
    sheetLines: 'بنود الميزانية {code}',
    category: 'الفئة',
    code: 'الرمز',
    line: 'بند الميزانية',
    budget: 'الميزانية',
    spentInPeriod: 'المصروف خلال الفترة',
    spentToDate: 'المصروف حتى التاريخ',
    remaining: 'المتبقي',
    percentSpent: 'نسبة الصرف %',
    total: 'المجموع',
    note: 'تُحوَّل النفقات المدفوعة بعملة أخرى إلى عملة الميزانية بالسعر المسجل مع كل منها.',
    categories: { personnel: 'الموظفون', travel: 'السفر', equipment: 'المعدات', supplies: 'اللوازم', contractual: 'الخدمات التعاقدية', other_direct: 'تكاليف مباشرة أخرى', indirect: 'التكاليف غير المباشرة' },
  },
  annexes: {
    sheet: 'الملاحق',
    caption: 'الملفات المرفقة بالتقارير المعتمدة للفترة',
    fileName: 'الملف',
    type: 'النوع',
    sizeKb: 'الحجم (كيلوبايت)',
    package: 'التقرير',
    description: 'الوصف',
  },
  progress: {
    loading: 'قراءة النموذج والفترة',
    figures: 'حساب جداول المؤشرات',
    narratives: 'جمع النصوص السردية والمرفقات',
    docx: 'كتابة مستند Word',
    xlsx: 'كتابة مصنف Excel',
    pdf: 'كتابة ملف PDF',
    saving: 'حفظ الملفات',
  },
};

export const REPORT_TEXTS: Record<Locale, ReportTexts> = { en, fr, es, ar };

/** Fills `{name}` placeholders. */
export const fill = (template: string, params: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
