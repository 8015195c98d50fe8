import type { Locale } from '@shared/locales.js';

/** The Instructions sheet and column descriptions of the values template, in the reader's language. */
interface Texts {
  title: string;
  intro: string[];
  columnHeader: [string, string];
  columns: Record<string, string>;
}

const en: Texts = {
  title: 'Fieldbook values template',
  intro: [
    'Fill the Values sheet: one row per cell the package asks for (each indicator at each place, its total and every breakdown). Write numbers in "value"; for a percentage you may give "numerator" and "denominator" instead; a yes/no indicator takes 1 (yes) or 0 (no); a qualitative indicator takes "text".',
    'Upload the file on the package page (or as CSV with the same column headers). Rows are matched by indicator_code, location_pcode and disaggregation_codes; keep those three columns and the header row as they are. The order of the columns does not matter and the descriptive columns are ignored.',
    'A row whose value, numerator, denominator, text and comment are all empty clears that cell. Cells that are not in the file are left as they are.',
    'The whole file is checked first: if anything is wrong, nothing is imported and every problem is listed with its row and column. "Check only" shows the problems and what would change without changing anything.',
  ],
  columnHeader: ['Column', 'What it holds'],
  columns: {
    indicator_code: 'Code of the indicator (read by the import).',
    indicator: 'Name of the indicator (for reading only).',
    result: 'The result the indicator measures (for reading only).',
    location_pcode: 'P-code of the place (read by the import; empty when the package reports for the project as a whole).',
    location: 'Name of the place (for reading only).',
    disaggregation: 'The breakdown in words; empty = the total (for reading only).',
    disaggregation_codes: 'The breakdown as category=option pairs joined by "|"; empty = the total (read by the import).',
    value: 'The value (a number; for a percentage between 0 and 100).',
    numerator: 'Percentage only: the numerator (with the denominator, the value is computed).',
    denominator: 'Percentage only: the denominator, greater than 0.',
    text: 'Qualitative indicators: the answer in words.',
    comment: 'A note on the value (source, estimate…).',
  },
};

const fr: Texts = {
  title: 'Modèle de saisie des valeurs Fieldbook',
  intro: [
    "Remplissez la feuille Values : une ligne par cellule demandée par le paquet (chaque indicateur pour chaque lieu, son total et chaque ventilation). Écrivez les nombres dans « value » ; pour un pourcentage vous pouvez donner « numerator » et « denominator » à la place ; un indicateur oui/non prend 1 (oui) ou 0 (non) ; un indicateur qualitatif prend « text ».",
    "Envoyez le fichier depuis la page du paquet (ou en CSV avec les mêmes en-têtes de colonnes). Les lignes sont reconnues par indicator_code, location_pcode et disaggregation_codes ; gardez ces trois colonnes et la ligne d'en-tête telles quelles. L'ordre des colonnes n'a pas d'importance et les colonnes descriptives sont ignorées.",
    'Une ligne dont value, numerator, denominator, text et comment sont tous vides efface cette cellule. Les cellules absentes du fichier restent inchangées.',
    "Tout le fichier est d'abord vérifié : au moindre problème, rien n'est importé et chaque problème est indiqué avec sa ligne et sa colonne. « Vérifier seulement » montre les problèmes et ce qui changerait, sans rien modifier.",
  ],
  columnHeader: ['Colonne', 'Contenu'],
  columns: {
    indicator_code: "Code de l'indicateur (lu par l'import).",
    indicator: "Nom de l'indicateur (pour information).",
    result: "Le résultat que mesure l'indicateur (pour information).",
    location_pcode: "P-code du lieu (lu par l'import ; vide quand le paquet couvre le projet dans son ensemble).",
    location: 'Nom du lieu (pour information).',
    disaggregation: 'La ventilation en toutes lettres ; vide = le total (pour information).',
    disaggregation_codes: "La ventilation en paires catégorie=option séparées par « | » ; vide = le total (lu par l'import).",
    value: 'La valeur (un nombre ; pour un pourcentage, entre 0 et 100).',
    numerator: 'Pourcentage seulement : le numérateur (avec le dénominateur, la valeur est calculée).',
    denominator: 'Pourcentage seulement : le dénominateur, supérieur à 0.',
    text: 'Indicateurs qualitatifs : la réponse en toutes lettres.',
    comment: 'Une remarque sur la valeur (source, estimation…).',
  },
};

const es: Texts = {
  title: 'Plantilla de valores de Fieldbook',
  intro: [
    'Rellene la hoja Values: una fila por celda que pide el paquete (cada indicador en cada lugar, su total y cada desglose). Escriba los números en «value»; para un porcentaje puede dar «numerator» y «denominator» en su lugar; un indicador sí/no toma 1 (sí) o 0 (no); un indicador cualitativo toma «text».',
    'Suba el archivo en la página del paquete (o como CSV con los mismos encabezados). Las filas se reconocen por indicator_code, location_pcode y disaggregation_codes; mantenga esas tres columnas y la fila de encabezado tal como están. El orden de las columnas no importa y las columnas descriptivas se ignoran.',
    'Una fila cuyos value, numerator, denominator, text y comment están todos vacíos borra esa celda. Las celdas que no están en el archivo no cambian.',
    'Primero se comprueba todo el archivo: si algo está mal, no se importa nada y cada problema se indica con su fila y columna. «Solo comprobar» muestra los problemas y lo que cambiaría sin cambiar nada.',
  ],
  columnHeader: ['Columna', 'Contenido'],
  columns: {
    indicator_code: 'Código del indicador (lo lee la importación).',
    indicator: 'Nombre del indicador (solo para leer).',
    result: 'El resultado que mide el indicador (solo para leer).',
    location_pcode: 'P-code del lugar (lo lee la importación; vacío cuando el paquete cubre el proyecto en su conjunto).',
    location: 'Nombre del lugar (solo para leer).',
    disaggregation: 'El desglose en palabras; vacío = el total (solo para leer).',
    disaggregation_codes: 'El desglose como pares categoría=opción unidos por «|»; vacío = el total (lo lee la importación).',
    value: 'El valor (un número; para un porcentaje, entre 0 y 100).',
    numerator: 'Solo porcentajes: el numerador (con el denominador se calcula el valor).',
    denominator: 'Solo porcentajes: el denominador, mayor que 0.',
    text: 'Indicadores cualitativos: la respuesta en palabras.',
    comment: 'Una nota sobre el valor (fuente, estimación…).',
  },
};

const ar: Texts = {
  title: 'قالب قيم Fieldbook',
  intro: [
    'املأ ورقة Values: صف لكل خلية تطلبها الحزمة (كل مؤشر في كل مكان، ومجموعه وكل تصنيف). اكتب الأرقام في «value»؛ للنسبة المئوية يمكنك إعطاء «numerator» و«denominator» بدلًا من ذلك؛ مؤشر نعم/لا يأخذ 1 (نعم) أو 0 (لا)؛ المؤشر النوعي يأخذ «text».',
    'ارفع الملف من صفحة الحزمة (أو بصيغة CSV بعناوين الأعمدة نفسها). تُطابق الصفوف بواسطة indicator_code وlocation_pcode وdisaggregation_codes؛ أبقِ هذه الأعمدة الثلاثة وصف العناوين كما هي. ترتيب الأعمدة لا يهم، والأعمدة الوصفية تُتجاهل.',
    'الصف الذي تكون فيه value وnumerator وdenominator وtext وcomment كلها فارغة يمسح تلك الخلية. الخلايا غير الموجودة في الملف تبقى كما هي.',
    'يُفحص الملف كله أولًا: إذا كان هناك أي خطأ فلا يُستورد شيء وتُذكر كل مشكلة بصفها وعمودها. «فحص فقط» يعرض المشكلات وما سيتغير دون تغيير أي شيء.',
  ],
  columnHeader: ['العمود', 'المحتوى'],
  columns: {
    indicator_code: 'رمز المؤشر (يقرؤه الاستيراد).',
    indicator: 'اسم المؤشر (للقراءة فقط).',
    result: 'النتيجة التي يقيسها المؤشر (للقراءة فقط).',
    location_pcode: 'الرمز المكاني للمكان (يقرؤه الاستيراد؛ فارغ عندما تغطي الحزمة المشروع ككل).',
    location: 'اسم المكان (للقراءة فقط).',
    disaggregation: 'التصنيف بالكلمات؛ فارغ = المجموع (للقراءة فقط).',
    disaggregation_codes: 'التصنيف كأزواج فئة=خيار مفصولة بـ «|»؛ فارغ = المجموع (يقرؤه الاستيراد).',
    value: 'القيمة (رقم؛ للنسبة المئوية بين 0 و100).',
    numerator: 'للنسب المئوية فقط: البسط (مع المقام تُحسب القيمة).',
    denominator: 'للنسب المئوية فقط: المقام، أكبر من 0.',
    text: 'المؤشرات النوعية: الإجابة بالكلمات.',
    comment: 'ملاحظة على القيمة (المصدر، تقدير…).',
  },
};

export const TEMPLATE_TEXTS: Record<Locale, Texts> = { en, fr, es, ar };
