import { crc32, deflateSync } from 'node:zlib';
import type { ReportBlock, ReportDocument, ReportLabels, TableBlock, TableRow } from './document.types.js';

/**
 * Report documents the renderers are tested and benchmarked with: the third-quarter report of a nutrition
 * project in central Mali (English, and the same report in Arabic, right to left), and a generated
 * project-year of any size for the speed budget.
 */

const LABELS_EN: ReportLabels = {
  contents: 'Contents',
  pageOf: 'Page {n} of {total}',
  pendingMark: '(pending approval)',
  untranslated: 'Passages not translated',
};

const LABELS_AR: ReportLabels = {
  contents: 'المحتويات',
  pageOf: 'الصفحة {n} من {total}',
  pendingMark: '(بانتظار الموافقة)',
  untranslated: 'مقاطع غير مترجمة',
};

/** A small PNG logo (a green band with a lighter square), drawn here so the fixture needs no binary file. */
export function fixtureLogoPng(width = 240, height = 80): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const inSquare = x > 16 && x < 64 && y > 16 && y < 64;
      const [r, g, b] = inSquare ? [214, 234, 200] : x < 80 ? [46, 125, 50] : [255, 255, 255];
      raw.set([r, g, b], row + 1 + x * 3);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const logo = () => ({ mediaType: 'image/png' as const, content: fixtureLogoPng(), width: 240, height: 80 });

// An IPTT line: a result level, or an indicator with its monthly [target, actual] pairs.
type IpttLine = { level: string } | { code: string; name: string; baseline: number; lop: number; months: [number, number][]; pending?: boolean };

const IPTT_LINES: IpttLine[] = [
  { level: 'Outcome 1: Children aged 6–59 months with acute malnutrition are found early and treated' },
  { code: '1.1', name: 'Children aged 6–59 months screened for acute malnutrition (MUAC)', baseline: 0, lop: 96000, months: [[8000, 8412], [8000, 7650], [8000, 9108]] },
  { code: '1.2', name: 'Children with severe acute malnutrition admitted to outpatient treatment', baseline: 0, lop: 4800, months: [[400, 455], [400, 381], [400, 437]] },
  { code: '1.3', name: 'Children discharged cured from outpatient treatment', baseline: 0, lop: 3600, months: [[300, 329], [300, 291], [300, 296]], pending: true },
  { level: 'Outcome 2: Mothers and caregivers practise recommended infant and young child feeding' },
  { code: '2.1', name: 'Mothers reached by mother-to-mother support groups', baseline: 1250, lop: 14400, months: [[1200, 1310], [1200, 1187], [1200, 1264]] },
  { code: '2.2', name: 'Community health workers trained in IYCF counselling', baseline: 0, lop: 320, months: [[40, 38], [40, 44], [40, 41]] },
];

const pct = (actual: number, target: number) => (target > 0 ? Math.round((actual / target) * 1000) / 10 : null);

function ipttTable(words: { sheet: string; caption: string; code: string; indicator: string; baseline: string; lop: string; target: string; actual: string; met: string; months: string[]; quarter: string }, lines: IpttLine[]): TableBlock {
  const groups = [...words.months, words.quarter];
  const rows: TableRow[] = lines.map((line) => {
    if ('level' in line) return { cells: [line.level, null, null, null, ...groups.flatMap(() => [null, null, null])], emphasis: 'level' };
    const qTarget = line.months.reduce((s, m) => s + m[0], 0);
    const qActual = line.months.reduce((s, m) => s + m[1], 0);
    const periods = [...line.months, [qTarget, qActual] as [number, number]];
    return {
      cells: [line.code, line.name, line.baseline, line.lop, ...periods.flatMap(([t, a]) => [t, a, pct(a, t)])],
      ...(line.pending ? { pending: true } : {}),
    };
  });
  return {
    type: 'table',
    sheetName: words.sheet,
    caption: words.caption,
    headerGroups: [{ label: '', span: 4 }, ...groups.map((label) => ({ label, span: 3 }))],
    columns: [
      { label: words.code, kind: 'text', width: 0.8 },
      { label: words.indicator, kind: 'text', width: 3 },
      { label: words.baseline, kind: 'number' },
      { label: words.lop, kind: 'number', width: 1.2 },
      ...groups.flatMap(() => [
        { label: words.target, kind: 'number' as const },
        { label: words.actual, kind: 'number' as const },
        { label: words.met, kind: 'percent' as const },
      ]),
    ],
    rows,
  };
}

function disaggregationTable(words: { sheet: string; caption: string; group: string; female: string; male: string; total: string; share: string; remarks: string; rows: string[] }): TableBlock {
  const figures: [number, number][] = [[5210, 4980], [3890, 3702], [2611, 2777]];
  const allF = figures.reduce((s, f) => s + f[0], 0);
  const allM = figures.reduce((s, f) => s + f[1], 0);
  const all = allF + allM;
  const [indicator = '', ...bands] = words.rows;
  return {
    type: 'table',
    sheetName: words.sheet,
    caption: words.caption,
    columns: [
      { label: words.group, kind: 'text', width: 2.5 },
      { label: words.female, kind: 'number' },
      { label: words.male, kind: 'number' },
      { label: words.total, kind: 'number' },
      { label: words.share, kind: 'percent' },
      { label: words.remarks, kind: 'text', width: 2.5 },
    ],
    rows: [
      { cells: [indicator, null, null, null, null, null], emphasis: 'level' },
      ...figures.map(([f, m], i): TableRow => ({
        cells: [bands[i] ?? '', f, m, f + m, Math.round(((f + m) / all) * 1000) / 10, i === 2 ? bands[3] ?? null : null],
        emphasis: 'sub',
      })),
      { cells: [words.total, allF, allM, all, 100, null], emphasis: 'total' },
    ],
  };
}

/** The third-quarter 2026 report of a community nutrition project in Ségou and Mopti, in English. */
export function maliNutritionReport(): ReportDocument {
  const ipttWords = {
    sheet: 'IPTT Q3 2026', caption: 'Table 1. Indicator performance tracking, July–September 2026',
    code: 'Code', indicator: 'Result / indicator', baseline: 'Baseline', lop: 'Life-of-project target',
    target: 'Target', actual: 'Actual', met: '% met', months: ['July 2026', 'August 2026', 'September 2026'], quarter: 'Q3 2026',
  };
  return {
    language: 'en',
    direction: 'ltr',
    title: 'Quarterly performance report — Q3 2026',
    organisationName: 'Sahel Action International',
    labels: LABELS_EN,
    cover: {
      title: 'Quarterly performance report',
      subtitle: 'NUT-ML-03 — Community nutrition and the first 1,000 days in Ségou and Mopti',
      lines: [
        { label: 'Donor', value: 'Nordic Fund for Children and Communities' },
        { label: 'Agreement number', value: 'NFCC-2025-MLI-0147' },
        { label: 'Reporting period', value: '1 July 2026 – 30 September 2026' },
        { label: 'Organisation', value: 'Sahel Action International, with AMPE (Mopti)' },
        { label: 'Date generated', value: '12 October 2026' },
      ],
      logo: logo(),
    },
    sections: [
      {
        key: 'executive_summary',
        title: 'Executive summary',
        blocks: [
          {
            type: 'paragraph',
            text:
              'In the third quarter the project screened 25,170 children aged 6–59 months in the health districts of Ségou, Bla, Mopti and Djenné, 105 % of the quarterly target. Admissions for severe acute malnutrition peaked in July, at the height of the lean season, and fell back in August when the floods on the Bani cut access to four health areas.\n' +
              'Mother-to-mother support groups reached 3,761 mothers. The September cure figures are still under review by the district health teams and are marked as pending in the tables.',
          },
          { type: 'bullets', items: ['Screening coverage above target in two of three months', 'Ready-to-use therapeutic food pipeline secured until March 2027', 'Flood response: mobile teams deployed to Djenné from 18 August'] },
        ],
      },
      {
        key: 'narrative',
        title: 'Progress by result',
        blocks: [
          { type: 'heading', level: 2, text: 'Outcome 1: Early detection and treatment of acute malnutrition' },
          {
            type: 'paragraph',
            text: 'Community health workers screened children door to door with MUAC tapes and referred 1,273 children to outpatient treatment (OTP) sites. The referral completion rate was 91 %, up from 84 % in the second quarter.',
          },
          { type: 'heading', level: 3, text: 'Output 1.2: Outpatient treatment sites supplied and supervised' },
          {
            type: 'paragraph',
            text: "Dans l'aire de santé de Konna, les relais communautaires ont signalé une rupture de stock de RUTF du 3 au 11 août ; les enfants admis ont été orientés vers le CSRéf de Mopti.",
            style: 'untranslated',
            language: 'fr',
          },
          { type: 'paragraph', text: 'All figures are drawn from approved submissions of the district health information system (DHIS2) and the project\'s monthly reports.', style: 'fixed' },
          { type: 'heading', level: 2, text: 'Outcome 2: Infant and young child feeding practices' },
          {
            type: 'paragraph',
            text: '+15 % more mothers attended support groups than in Q2 <b>(see annex 2)</b>; sessions moved to the evening during the harvest.',
          },
          { type: 'paragraph', text: 'Source: project monitoring database, extracted 10 October 2026.', style: 'note' },
        ],
      },
      {
        key: 'iptt',
        title: 'Indicator performance tracking table',
        blocks: [ipttTable(ipttWords, IPTT_LINES)],
      },
      {
        key: 'disaggregation',
        title: 'People reached by sex and age',
        blocks: [
          disaggregationTable({
            sheet: 'Reach by sex and age',
            caption: 'Table 2. Children screened, by sex and age group',
            group: 'Indicator / age group', female: 'Female', male: 'Male', total: 'Total', share: 'Share of total', remarks: 'Remarks',
            rows: ['1.1 Children screened for acute malnutrition', '6–11 months', '12–23 months', '24–59 months', '-12 % vs Q2 in Djenné: floods on the Bani'],
          }),
        ],
      },
      {
        key: 'risks',
        title: 'Risks and lessons learned',
        blocks: [
          { type: 'bullets', items: ['Insecurity on the Mopti–Djenné road delays supervision visits.', 'Evening sessions doubled attendance in farming villages; we will keep them.'] },
        ],
      },
    ],
  };
}

/** The same report in Arabic: right to left, Arabic labels, figures unchanged. */
export function maliNutritionReportArabic(): ReportDocument {
  const ipttWords = {
    sheet: 'مؤشرات الربع الثالث', caption: 'الجدول 1. تتبع أداء المؤشرات، يوليو – سبتمبر 2026',
    code: 'الرمز', indicator: 'النتيجة / المؤشر', baseline: 'خط الأساس', lop: 'هدف المشروع',
    target: 'الهدف', actual: 'المحقق', met: 'نسبة الإنجاز', months: ['يوليو 2026', 'أغسطس 2026', 'سبتمبر 2026'], quarter: 'الربع الثالث 2026',
  };
  const lines: IpttLine[] = IPTT_LINES.map((line, i) => {
    const names = [
      'النتيجة 1: الكشف المبكر عن سوء التغذية الحاد لدى الأطفال من 6 إلى 59 شهراً وعلاجه',
      'الأطفال الذين خضعوا للفحص بشريط قياس محيط الذراع',
      'الأطفال المصابون بسوء التغذية الحاد الوخيم المقبولون في العلاج الخارجي',
      'الأطفال الذين شُفوا وخرجوا من العلاج الخارجي',
      'النتيجة 2: الأمهات ومقدمو الرعاية يطبقون ممارسات تغذية الرضع الموصى بها',
      'الأمهات اللواتي شاركن في مجموعات الدعم',
      'العاملون الصحيون المجتمعيون المدربون على الإرشاد',
    ];
    const name = names[i] ?? '';
    return 'level' in line ? { level: name } : { ...line, name };
  });
  const blocks: ReportBlock[] = [
    {
      type: 'paragraph',
      text: 'خلال الربع الثالث فحص المشروع 25170 طفلاً في مناطق سيغو وبلا وموبتي وجيني الصحية، أي 105 % من الهدف الفصلي.\nارتفعت حالات القبول في يوليو في ذروة موسم العجاف ثم انخفضت في أغسطس بسبب الفيضانات.',
    },
    { type: 'bullets', items: ['تجاوزت تغطية الفحص الهدف في شهرين من ثلاثة', 'تأمين الأغذية العلاجية الجاهزة حتى مارس 2027'] },
  ];
  return {
    language: 'ar',
    direction: 'rtl',
    title: 'تقرير الأداء الفصلي — الربع الثالث 2026',
    organisationName: 'Sahel Action International',
    labels: LABELS_AR,
    cover: {
      title: 'تقرير الأداء الفصلي',
      subtitle: 'NUT-ML-03 — التغذية المجتمعية في سيغو وموبتي',
      lines: [
        { label: 'الجهة المانحة', value: 'Nordic Fund for Children and Communities' },
        { label: 'رقم الاتفاقية', value: 'NFCC-2025-MLI-0147' },
        { label: 'فترة التقرير', value: '1 يوليو 2026 – 30 سبتمبر 2026' },
        { label: 'تاريخ الإعداد', value: '12 أكتوبر 2026' },
      ],
      logo: logo(),
    },
    sections: [
      { key: 'executive_summary', title: 'الملخص التنفيذي', blocks },
      {
        key: 'narrative',
        title: 'التقدم حسب النتائج',
        blocks: [
          { type: 'heading', level: 2, text: 'النتيجة 1: الكشف المبكر والعلاج' },
          { type: 'paragraph', text: 'أحال العاملون الصحيون المجتمعيون 1273 طفلاً إلى مواقع العلاج الخارجي (OTP)، وبلغ معدل إتمام الإحالة 91 % (مقابل 84 % في الربع الثاني).' },
          {
            type: 'paragraph',
            text: "Dans l'aire de santé de Konna, les relais communautaires ont signalé une rupture de stock de RUTF du 3 au 11 août.",
            style: 'untranslated',
            language: 'fr',
          },
        ],
      },
      { key: 'iptt', title: 'جدول تتبع أداء المؤشرات', blocks: [ipttTable(ipttWords, lines)] },
    ],
  };
}

/** Text a reporter could type to break an output: a formula, markup, and control characters XML cannot hold. */
export const HOSTILE_TEXTS = {
  formula: '=1+1',
  hyperlink: '=HYPERLINK("http://evil.example","click")',
  markup: '<script>alert("x")</script> & <w:p/>',
  control: 'Kayes\u0000 region\u0007 total',
  /** Looks like the docx library's own placeholders for list and image ids. */
  placeholder: 'Annex {report-bullets-0} {default-bullet-numbering-0}',
} as const;

/** The English fixture with a section of hostile typed text, in a paragraph and in table cells. */
export function maliNutritionReportWithHostileText(): ReportDocument {
  const doc = maliNutritionReport();
  doc.sections.push({
    key: 'annexes',
    title: 'Annexes',
    blocks: [
      { type: 'paragraph', text: `${HOSTILE_TEXTS.markup}\n${HOSTILE_TEXTS.formula}\n${HOSTILE_TEXTS.control}` },
      { type: 'paragraph', text: HOSTILE_TEXTS.placeholder },
      {
        type: 'table',
        sheetName: 'Attachments [list]: 2026/Q3?*',
        columns: [{ label: 'Attachment', kind: 'text' }, { label: 'Comment', kind: 'text' }, { label: 'Pages', kind: 'number' }],
        rows: [
          { cells: [HOSTILE_TEXTS.formula, HOSTILE_TEXTS.hyperlink, 3] },
          { cells: [HOSTILE_TEXTS.markup, '@SUM(A1:A2)', 12] },
          { cells: ['+22376000000', '-5', null] },
        ],
      },
    ],
  });
  return doc;
}

/**
 * A project-year of any size, for the speed budget: `indicators` indicators over `months` monthly periods
 * (target, actual and % met for each), grouped under outcomes of ten, with a narrative per outcome and a
 * sentence per indicator, and a disaggregation table of four age bands per indicator.
 */
export function largeReportDocument(indicators = 50, months = 12): ReportDocument {
  const base = maliNutritionReport();
  const monthNames = Array.from({ length: months }, (_, m) => new Date(Date.UTC(2026, m, 1)).toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }));
  const lines: IpttLine[] = [];
  const narrative: ReportBlock[] = [];
  for (let i = 0; i < indicators; i++) {
    if (i % 10 === 0) {
      const outcome = `Outcome ${i / 10 + 1}: Households in Ségou and Mopti eat a more diverse diet in the lean season`;
      lines.push({ level: outcome });
      narrative.push({ type: 'heading', level: 2, text: outcome });
      narrative.push({
        type: 'paragraph',
        text: 'Field teams visited every health area of the outcome at least once a month. Figures were cross-checked against the district health information system before approval; two months were corrected after the data quality audit.\nThe lean season hit harder than forecast in Bla and Tominian, and admissions stayed above the planning figure until October.',
      });
    }
    const code = `${Math.floor(i / 10) + 1}.${(i % 10) + 1}`;
    const monthly = Array.from({ length: months }, (_, m): [number, number] => [1000 + i * 10, 900 + ((i * 37 + m * 53) % 250)]);
    lines.push({ code, name: `Indicator ${code}: people reached with nutrition services in the health areas of cercle ${(i % 7) + 1}`, baseline: i * 3, lop: 12000 + i * 120, months: monthly, ...(i % 13 === 5 ? { pending: true } : {}) });
    narrative.push({ type: 'heading', level: 3, text: `Indicator ${code}` });
    narrative.push({ type: 'paragraph', text: `The indicator reached ${((i * 7) % 40) + 80} % of its year target. Community relays reported through the monthly forms; supervision visits confirmed the registers in ${((i * 3) % 9) + 1} sites.` });
  }
  const iptt = ipttTable(
    { sheet: 'IPTT 2026', caption: 'Indicator performance tracking, January–December 2026', code: 'Code', indicator: 'Result / indicator', baseline: 'Baseline', lop: 'LoP target', target: 'Target', actual: 'Actual', met: '% met', months: monthNames, quarter: 'Year 2026' },
    lines,
  );
  const disagg: TableBlock = {
    type: 'table',
    sheetName: 'Disaggregation',
    caption: 'People reached by sex and age',
    columns: [{ label: 'Indicator / age group', kind: 'text', width: 3 }, { label: 'Female', kind: 'number' }, { label: 'Male', kind: 'number' }, { label: 'Total', kind: 'number' }, { label: 'Share', kind: 'percent' }],
    rows: lines.flatMap((line): TableRow[] =>
      'level' in line
        ? [{ cells: [line.level, null, null, null, null], emphasis: 'level' }]
        : ['0–5 months', '6–23 months', '24–59 months', '5 years and over'].map((band, b) => ({ cells: [`${line.code} ${band}`, 200 + b * 11, 190 + b * 13, 390 + b * 24, 25], emphasis: 'sub' })),
    ),
  };
  return {
    ...base,
    title: 'Annual performance report — 2026',
    sections: [
      ...base.sections.slice(0, 1),
      { key: 'narrative', title: 'Progress by result', blocks: narrative },
      { key: 'iptt', title: 'Indicator performance tracking table', blocks: [iptt] },
      { key: 'disaggregation', title: 'People reached by sex and age', blocks: [disagg] },
    ],
  };
}
