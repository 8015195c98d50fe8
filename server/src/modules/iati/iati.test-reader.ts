import { convert } from 'xmlbuilder2';

/**
 * Reads an exported iati-activities document back into plain objects for assertions (tests only).
 * Numbers, codes and dates only: xmlbuilder2's reader leaves entities in text, so escaped text is
 * checked with xmllint's XPath instead.
 */
type Node = Record<string, unknown>;
const list = (x: unknown): Node[] => (x === undefined ? [] : Array.isArray(x) ? (x as Node[]) : [x as Node]);
const attr = (n: Node, name: string) => n[`@${name}`] as string | undefined;
const text = (n: unknown): string => (typeof n === 'string' ? n : String((n as Node)['#'] ?? ''));
const narrativesOf = (n: Node | undefined) => list(n?.narrative).map(text);

export interface ReadValue {
  value: string;
  dimensions: { name: string; value: string }[];
}

export function readActivities(xml: string) {
  const doc = convert(xml, { format: 'object' }) as Node;
  const root = doc['iati-activities'] as Node;
  return list(root['iati-activity']).map((a) => ({
    identifier: text(a['iati-identifier']),
    lang: attr(a, 'xml:lang'),
    reportingOrg: { ref: attr(a['reporting-org'] as Node, 'ref'), type: attr(a['reporting-org'] as Node, 'type') },
    participants: list(a['participating-org']).map((p) => ({ ref: attr(p, 'ref') ?? null, type: attr(p, 'type'), role: attr(p, 'role') })),
    status: attr(a['activity-status'] as Node, 'code'),
    dates: list(a['activity-date']).map((d) => [attr(d, 'type'), attr(d, 'iso-date')]),
    countries: list(a['recipient-country']).map((c) => [attr(c, 'code'), attr(c, 'percentage')]),
    sectors: list(a.sector).map((s) => [attr(s, 'vocabulary'), attr(s, 'code'), attr(s, 'percentage')]),
    locations: list(a.location).map((l) => ({
      ref: attr(l, 'ref'),
      administrative: list(l.administrative).map((x) => [attr(x, 'vocabulary'), attr(x, 'level'), attr(x, 'code')]),
      feature: attr(l['feature-designation'] as Node, 'code') ?? null,
    })),
    results: list(a.result).map((r) => ({
      type: attr(r, 'type'),
      title: narrativesOf(r.title as Node),
      indicators: list(r.indicator).map((i) => ({
        measure: attr(i, 'measure'),
        ascending: attr(i, 'ascending'),
        title: narrativesOf(i.title as Node),
        baseline: list(i.baseline).map((b) => ({ year: attr(b, 'year'), isoDate: attr(b, 'iso-date'), value: attr(b, 'value') }))[0] ?? null,
        periods: list(i.period).map((p) => ({
          start: attr(p['period-start'] as Node, 'iso-date'),
          end: attr(p['period-end'] as Node, 'iso-date'),
          targets: values(p.target),
          actuals: values(p.actual),
        })),
      })),
    })),
  }));
}

const values = (x: unknown): ReadValue[] =>
  list(x).map((v) => ({ value: attr(v, 'value') ?? '', dimensions: list(v.dimension).map((d) => ({ name: attr(d, 'name') ?? '', value: attr(d, 'value') ?? '' })) }));

export type ReadActivity = ReturnType<typeof readActivities>[number];
