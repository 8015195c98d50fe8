import type { Locale } from '@shared/locales.js';
import { type FourWField, OPEN_DATA_TEXTS } from './open-data.labels.js';

/**
 * The 4W table's columns and their HXL hashtags. The lead organisation is the programming one
 * (+prog), partners implementing (+impl), the donor funding (+funding), as in HXL's org attributes.
 * Several implementing partners or sectors share one cell, separated by "; ".
 */
export const FOUR_W_HASHTAGS: Record<FourWField, string> = {
  leadOrganisation: '#org+prog+name',
  leadOrganisationCode: '#org+prog+code',
  implementing: '#org+impl+name',
  donor: '#org+funding+name',
  sectorCode: '#sector+code',
  sectorName: '#sector+name',
  projectCode: '#activity+code',
  projectTitle: '#activity+name',
  statusCode: '#status+code',
  status: '#status+name',
  start: '#date+start',
  end: '#date+end',
  country: '#country+name',
  countryCode: '#country+code',
  adm1: '#adm1+name',
  adm1Code: '#adm1+code',
  adm2: '#adm2+name',
  adm2Code: '#adm2+code',
  place: '#loc+name',
  placeCode: '#loc+code',
  peopleIndicator: '#indicator+code',
  targeted: '#targeted',
  reached: '#reached',
};

const ORDER = Object.keys(FOUR_W_HASHTAGS) as FourWField[];

export type FourWRecord = { [K in Exclude<FourWField, 'targeted' | 'reached'>]: string } & { targeted: number | null; reached: number | null };

export const fourWColumns = (locale: Locale) => ORDER.map((key) => ({ key, heading: OPEN_DATA_TEXTS[locale].fourW[key] }));
