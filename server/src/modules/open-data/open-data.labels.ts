import type { Locale } from '@shared/locales.js';
import type { AttributeColumn } from './hxl.js';

/**
 * Words of the open-data files in the four interface languages: the readable heading row above the
 * HXL hashtags, the approval words of the status column, the job's progress notes. Hashtags
 * themselves never change with the language (they are the machine-readable row).
 */
export type ValuesField =
  | 'projectCode' | 'projectTitle' | 'sectors' | 'organisation' | 'organisationAcronym' | 'organisationCode'
  | 'country' | 'countryCode' | 'adm1' | 'adm1Code' | 'adm2' | 'adm2Code' | 'place' | 'placeCode'
  | 'period' | 'periodStart' | 'periodEnd' | 'indicatorCode' | 'indicatorName' | 'unit' | 'type'
  | 'disaggregation' | 'value' | 'numerator' | 'denominator' | 'status' | 'comment';

export type FourWField =
  | 'leadOrganisation' | 'leadOrganisationCode' | 'implementing' | 'donor' | 'sectorCode' | 'sectorName'
  | 'projectCode' | 'projectTitle' | 'statusCode' | 'status' | 'start' | 'end' | 'country' | 'countryCode'
  | 'adm1' | 'adm1Code' | 'adm2' | 'adm2Code' | 'place' | 'placeCode' | 'peopleIndicator' | 'targeted' | 'reached';

export interface OpenDataTexts {
  values: Record<ValuesField, string>;
  /** Headings of the value columns with people attributes. */
  attributeValues: Record<AttributeColumn, string>;
  fourW: Record<FourWField, string>;
  approved: string;
  pending: string;
  /** Worksheet name (at most 31 characters). */
  sheet: string;
  progress: { counting: string; writing: string; saving: string };
}

export const OPEN_DATA_TEXTS: Record<Locale, OpenDataTexts> = {
  en: {
    values: {
      projectCode: 'Project code', projectTitle: 'Project', sectors: 'Sectors (DAC)', organisation: 'Reporting organisation',
      organisationAcronym: 'Organisation acronym', organisationCode: 'Organisation identifier (IATI)', country: 'Country', countryCode: 'Country code',
      adm1: 'Admin 1', adm1Code: 'Admin 1 P-code', adm2: 'Admin 2', adm2Code: 'Admin 2 P-code', place: 'Place', placeCode: 'Place P-code',
      period: 'Period', periodStart: 'Period start', periodEnd: 'Period end', indicatorCode: 'Indicator code', indicatorName: 'Indicator',
      unit: 'Unit', type: 'Indicator type', disaggregation: 'Disaggregation', value: 'Value', numerator: 'Numerator', denominator: 'Denominator',
      status: 'Approval', comment: 'Comment',
    },
    attributeValues: {
      f: 'Value (female)', m: 'Value (male)', children: 'Value (children under 18)', adults: 'Value (adults 18 and over)',
      'f+children': 'Value (girls under 18)', 'f+adults': 'Value (women 18 and over)', 'm+children': 'Value (boys under 18)', 'm+adults': 'Value (men 18 and over)',
    },
    fourW: {
      leadOrganisation: 'Lead organisation', leadOrganisationCode: 'Lead organisation identifier (IATI)', implementing: 'Implementing partners',
      donor: 'Donor', sectorCode: 'Sector code (DAC)', sectorName: 'Sector', projectCode: 'Project code', projectTitle: 'Project',
      statusCode: 'Status code (IATI)', status: 'Status', start: 'Start date', end: 'End date', country: 'Country', countryCode: 'Country code',
      adm1: 'Admin 1', adm1Code: 'Admin 1 P-code', adm2: 'Admin 2', adm2Code: 'Admin 2 P-code', place: 'Place', placeCode: 'Place P-code',
      peopleIndicator: 'People-reached indicator', targeted: 'People targeted', reached: 'People reached',
    },
    approved: 'approved',
    pending: 'pending (not yet approved)',
    sheet: 'Values',
    progress: { counting: 'Counting the values', writing: '{done} of {total} values written', saving: 'Saving the file' },
  },
  fr: {
    values: {
      projectCode: 'Code du projet', projectTitle: 'Projet', sectors: 'Secteurs (CAD)', organisation: 'Organisation déclarante',
      organisationAcronym: 'Sigle de l’organisation', organisationCode: 'Identifiant de l’organisation (IATI)', country: 'Pays', countryCode: 'Code du pays',
      adm1: 'Admin 1', adm1Code: 'P-code admin 1', adm2: 'Admin 2', adm2Code: 'P-code admin 2', place: 'Lieu', placeCode: 'P-code du lieu',
      period: 'Période', periodStart: 'Début de la période', periodEnd: 'Fin de la période', indicatorCode: 'Code de l’indicateur', indicatorName: 'Indicateur',
      unit: 'Unité', type: 'Type d’indicateur', disaggregation: 'Désagrégation', value: 'Valeur', numerator: 'Numérateur', denominator: 'Dénominateur',
      status: 'Approbation', comment: 'Commentaire',
    },
    attributeValues: {
      f: 'Valeur (femmes)', m: 'Valeur (hommes)', children: 'Valeur (enfants de moins de 18 ans)', adults: 'Valeur (adultes de 18 ans et plus)',
      'f+children': 'Valeur (filles de moins de 18 ans)', 'f+adults': 'Valeur (femmes de 18 ans et plus)', 'm+children': 'Valeur (garçons de moins de 18 ans)', 'm+adults': 'Valeur (hommes de 18 ans et plus)',
    },
    fourW: {
      leadOrganisation: 'Organisation chef de file', leadOrganisationCode: 'Identifiant de l’organisation chef de file (IATI)', implementing: 'Partenaires de mise en œuvre',
      donor: 'Bailleur', sectorCode: 'Code du secteur (CAD)', sectorName: 'Secteur', projectCode: 'Code du projet', projectTitle: 'Projet',
      statusCode: 'Code du statut (IATI)', status: 'Statut', start: 'Date de début', end: 'Date de fin', country: 'Pays', countryCode: 'Code du pays',
      adm1: 'Admin 1', adm1Code: 'P-code admin 1', adm2: 'Admin 2', adm2Code: 'P-code admin 2', place: 'Lieu', placeCode: 'P-code du lieu',
      peopleIndicator: 'Indicateur de personnes atteintes', targeted: 'Personnes ciblées', reached: 'Personnes atteintes',
    },
    approved: 'approuvée',
    pending: 'en attente (pas encore approuvée)',
    sheet: 'Valeurs',
    progress: { counting: 'Décompte des valeurs', writing: '{done} valeurs écrites sur {total}', saving: 'Enregistrement du fichier' },
  },
  es: {
    values: {
      projectCode: 'Código del proyecto', projectTitle: 'Proyecto', sectors: 'Sectores (CAD)', organisation: 'Organización informante',
      organisationAcronym: 'Sigla de la organización', organisationCode: 'Identificador de la organización (IATI)', country: 'País', countryCode: 'Código del país',
      adm1: 'Admin 1', adm1Code: 'P-code admin 1', adm2: 'Admin 2', adm2Code: 'P-code admin 2', place: 'Lugar', placeCode: 'P-code del lugar',
      period: 'Período', periodStart: 'Inicio del período', periodEnd: 'Fin del período', indicatorCode: 'Código del indicador', indicatorName: 'Indicador',
      unit: 'Unidad', type: 'Tipo de indicador', disaggregation: 'Desagregación', value: 'Valor', numerator: 'Numerador', denominator: 'Denominador',
      status: 'Aprobación', comment: 'Comentario',
    },
    attributeValues: {
      f: 'Valor (mujeres)', m: 'Valor (hombres)', children: 'Valor (menores de 18 años)', adults: 'Valor (adultos de 18 años o más)',
      'f+children': 'Valor (niñas menores de 18 años)', 'f+adults': 'Valor (mujeres de 18 años o más)', 'm+children': 'Valor (niños menores de 18 años)', 'm+adults': 'Valor (hombres de 18 años o más)',
    },
    fourW: {
      leadOrganisation: 'Organización líder', leadOrganisationCode: 'Identificador de la organización líder (IATI)', implementing: 'Socios ejecutores',
      donor: 'Donante', sectorCode: 'Código del sector (CAD)', sectorName: 'Sector', projectCode: 'Código del proyecto', projectTitle: 'Proyecto',
      statusCode: 'Código del estado (IATI)', status: 'Estado', start: 'Fecha de inicio', end: 'Fecha de fin', country: 'País', countryCode: 'Código del país',
      adm1: 'Admin 1', adm1Code: 'P-code admin 1', adm2: 'Admin 2', adm2Code: 'P-code admin 2', place: 'Lugar', placeCode: 'P-code del lugar',
      peopleIndicator: 'Indicador de personas alcanzadas', targeted: 'Personas meta', reached: 'Personas alcanzadas',
    },
    approved: 'aprobado',
    pending: 'pendiente (aún no aprobado)',
    sheet: 'Valores',
    progress: { counting: 'Contando los valores', writing: '{done} de {total} valores escritos', saving: 'Guardando el archivo' },
  },
  ar: {
    values: {
      projectCode: 'رمز المشروع', projectTitle: 'المشروع', sectors: 'القطاعات (لجنة المساعدة الإنمائية)', organisation: 'المنظمة المُبلِّغة',
      organisationAcronym: 'الاسم المختصر للمنظمة', organisationCode: 'معرّف المنظمة (IATI)', country: 'البلد', countryCode: 'رمز البلد',
      adm1: 'المستوى الإداري 1', adm1Code: 'الرمز P للمستوى الإداري 1', adm2: 'المستوى الإداري 2', adm2Code: 'الرمز P للمستوى الإداري 2', place: 'المكان', placeCode: 'الرمز P للمكان',
      period: 'الفترة', periodStart: 'بداية الفترة', periodEnd: 'نهاية الفترة', indicatorCode: 'رمز المؤشر', indicatorName: 'المؤشر',
      unit: 'الوحدة', type: 'نوع المؤشر', disaggregation: 'التصنيف', value: 'القيمة', numerator: 'البسط', denominator: 'المقام',
      status: 'الاعتماد', comment: 'تعليق',
    },
    attributeValues: {
      f: 'القيمة (إناث)', m: 'القيمة (ذكور)', children: 'القيمة (أطفال دون 18 سنة)', adults: 'القيمة (بالغون 18 سنة فأكثر)',
      'f+children': 'القيمة (فتيات دون 18 سنة)', 'f+adults': 'القيمة (نساء 18 سنة فأكثر)', 'm+children': 'القيمة (فتيان دون 18 سنة)', 'm+adults': 'القيمة (رجال 18 سنة فأكثر)',
    },
    fourW: {
      leadOrganisation: 'المنظمة الرائدة', leadOrganisationCode: 'معرّف المنظمة الرائدة (IATI)', implementing: 'الشركاء المنفذون',
      donor: 'الجهة المانحة', sectorCode: 'رمز القطاع (لجنة المساعدة الإنمائية)', sectorName: 'القطاع', projectCode: 'رمز المشروع', projectTitle: 'المشروع',
      statusCode: 'رمز الحالة (IATI)', status: 'الحالة', start: 'تاريخ البدء', end: 'تاريخ الانتهاء', country: 'البلد', countryCode: 'رمز البلد',
      adm1: 'المستوى الإداري 1', adm1Code: 'الرمز P للمستوى الإداري 1', adm2: 'المستوى الإداري 2', adm2Code: 'الرمز P للمستوى الإداري 2', place: 'المكان', placeCode: 'الرمز P للمكان',
      peopleIndicator: 'مؤشر الأشخاص الذين تم الوصول إليهم', targeted: 'الأشخاص المستهدفون', reached: 'الأشخاص الذين تم الوصول إليهم',
    },
    approved: 'معتمدة',
    pending: 'قيد المراجعة (لم تُعتمد بعد)',
    sheet: 'القيم',
    progress: { counting: 'جارٍ عدّ القيم', writing: 'كُتبت {done} من {total} قيمة', saving: 'جارٍ حفظ الملف' },
  },
};

export const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (m, k: string) => String(values[k] ?? m));
