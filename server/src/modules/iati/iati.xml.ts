import { create } from 'xmlbuilder2';
import { type Narrative, xmlText } from './iati.codes.js';
import type { IatiActivity, IatiIndicator, IatiPeriodValue, IatiResult } from './iati.model.js';

type XMLBuilder = ReturnType<typeof create>;
type Attributes = Record<string, string>;

/** A child element whose attribute values hold only characters XML 1.0 allows (xmlbuilder2 escapes, it does not drop). */
const child = (parent: XMLBuilder, name: string, attributes: Attributes = {}) =>
  parent.ele(name, Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k, xmlText(v)])));

/**
 * Writes activities as one IATI 2.03 `iati-activities` document. Elements go in the order of the
 * schema's sequences (iati-activities-schema.xsd), which xmllint checks in the tests; xmlbuilder2
 * escapes every text and attribute, so nothing here is concatenated into markup.
 */
export function iatiActivitiesXml(activities: readonly IatiActivity[], generatedAt: string): string {
  const root = child(create({ version: '1.0', encoding: 'UTF-8' }), 'iati-activities', { version: '2.03', 'generated-datetime': generatedAt });
  for (const a of activities) activity(root, a);
  return root.end({ prettyPrint: true });
}

function narrativesIn(parent: XMLBuilder, list: readonly Narrative[]) {
  for (const n of list) child(parent, 'narrative', n.lang ? { 'xml:lang': n.lang } : {}).txt(xmlText(n.text));
}

function activity(root: XMLBuilder, a: IatiActivity) {
  const el = child(root, 'iati-activity', { 'last-updated-datetime': a.lastUpdated, 'xml:lang': a.defaultLanguage, 'default-currency': a.defaultCurrency });
  child(el, 'iati-identifier').txt(xmlText(a.identifier));
  narrativesIn(child(el, 'reporting-org', { ref: a.reportingOrg.ref, type: a.reportingOrg.type }), a.reportingOrg.name);
  narrativesIn(child(el, 'title'), a.title);
  narrativesIn(child(el, 'description', { type: '1' }), a.description);
  for (const p of a.participants) narrativesIn(child(el, 'participating-org', { ...(p.ref ? { ref: p.ref } : {}), type: p.type, role: p.role }), p.name);
  child(el, 'activity-status', { code: a.status });
  for (const d of a.dates) child(el, 'activity-date', { type: d.type, 'iso-date': d.isoDate });
  for (const c of a.countries) child(el, 'recipient-country', { code: c.code, percentage: c.percentage });
  for (const l of a.locations) {
    const loc = child(el, 'location', { ref: l.ref });
    narrativesIn(child(loc, 'name'), l.name);
    if (l.countryCode) child(loc, 'administrative', { vocabulary: 'A4', level: '0', code: l.countryCode });
    if (l.featureDesignation) child(loc, 'feature-designation', { code: l.featureDesignation });
  }
  for (const s of a.sectors) child(el, 'sector', { vocabulary: '1', code: s.code, percentage: s.percentage });
  for (const b of a.budgets ?? []) {
    const budget = child(el, 'budget', { type: b.type, status: b.status });
    child(budget, 'period-start', { 'iso-date': b.start });
    child(budget, 'period-end', { 'iso-date': b.end });
    child(budget, 'value', { currency: b.currency, 'value-date': b.valueDate }).txt(b.value);
  }
  for (const tr of a.transactions ?? []) {
    const transaction = child(el, 'transaction');
    child(transaction, 'transaction-type', { code: tr.type });
    child(transaction, 'transaction-date', { 'iso-date': tr.date });
    child(transaction, 'value', { currency: tr.currency, 'value-date': tr.valueDate }).txt(tr.value);
    narrativesIn(child(transaction, 'description'), [{ text: tr.description, lang: null }]);
  }
  for (const r of a.results) result(el, r);
}

function result(parent: XMLBuilder, r: IatiResult) {
  const el = child(parent, 'result', { type: r.type });
  narrativesIn(child(el, 'title'), r.title);
  if (r.description.length) narrativesIn(child(el, 'description'), r.description);
  for (const i of r.indicators) indicator(el, i);
}

function indicator(parent: XMLBuilder, i: IatiIndicator) {
  const el = child(parent, 'indicator', { measure: i.measure, ascending: i.ascending ? '1' : '0' });
  narrativesIn(child(el, 'title'), i.title);
  if (i.description.length) narrativesIn(child(el, 'description'), i.description);
  if (i.baseline) {
    const b = i.baseline;
    child(el, 'baseline', { year: String(b.year), ...(b.isoDate ? { 'iso-date': b.isoDate } : {}), ...(b.value !== null ? { value: b.value } : {}) });
  }
  for (const p of i.periods) {
    const period = child(el, 'period');
    child(period, 'period-start', { 'iso-date': p.start });
    child(period, 'period-end', { 'iso-date': p.end });
    for (const t of p.targets) periodValue(period, 'target', t);
    for (const v of p.actuals) periodValue(period, 'actual', v);
  }
}

function periodValue(parent: XMLBuilder, name: 'target' | 'actual', v: IatiPeriodValue) {
  const el = child(parent, name, { value: v.value });
  for (const d of v.dimensions) child(el, 'dimension', { name: d.name, value: d.value });
}
