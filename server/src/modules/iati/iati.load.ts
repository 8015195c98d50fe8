import type { Database } from '../../db/database.js';
import { treeOrder } from '../reporting/submissions.service.js';
import * as repo from './iati.repository.js';

/** Everything one project's IATI activity and its pre-check read, loaded for several projects at once. */
export interface ProjectBundle {
  project: repo.IatiProjectRow;
  lead: repo.ParticipantRow | null;
  implementing: repo.ParticipantRow[];
  donor: repo.ParticipantRow | null;
  countries: string[];
  sectors: string[];
  /** The project's places with the ISO alpha-3 code of the country each lies in. */
  locations: (repo.LocationRow & { countryAlpha3: string | null })[];
  framework: { id: string; template: string } | null;
  /** Result nodes in tree order, each with its indicators in order. */
  results: { node: repo.NodeRow; indicators: repo.IndicatorRow[] }[];
}

/** The bundles in the order of `ids` (ids without a project are left out). */
export async function loadBundles(db: Database, ids: readonly string[]): Promise<ProjectBundle[]> {
  const [projects, participants, countries, sectors, locations, frameworks] = await Promise.all([
    repo.projectsByIds(db, ids),
    repo.participantsOf(db, ids),
    repo.countriesOf(db, ids),
    repo.sectorsOf(db, ids),
    repo.locationsOf(db, ids),
    repo.frameworksOf(db, ids),
  ]);
  const frameworkIds = frameworks.map((f) => f.id);
  const [nodes, indicators, countryOf] = await Promise.all([repo.nodesOf(db, frameworkIds), repo.indicatorsOf(db, frameworkIds), countriesOfPlaces(db, locations)]);
  const order = treeOrder(nodes);

  const byId = new Map(projects.map((p) => [p.id, p]));
  return ids.flatMap((id) => {
    const project = byId.get(id);
    if (!project) return [];
    const own = participants.filter((p) => p.project_id === id);
    const framework = frameworks.find((f) => f.project_id === id) ?? null;
    const results = framework
      ? nodes
          .filter((n) => n.framework_id === framework.id)
          .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
          .map((node) => ({ node, indicators: indicators.filter((i) => i.result_node_id === node.id) }))
      : [];
    return [{
      project,
      lead: own.find((p) => p.role === 'lead') ?? null,
      implementing: own.filter((p) => p.role === 'implementing'),
      donor: own.find((p) => p.role === 'donor') ?? null,
      countries: countries.filter((c) => c.project_id === id).map((c) => c.country_code),
      sectors: sectors.filter((s) => s.project_id === id).map((s) => s.sector_code),
      locations: locations.filter((l) => l.project_id === id).map((l) => ({ ...l, countryAlpha3: countryOf.get(l.id) ?? null })),
      framework: framework ? { id: framework.id, template: framework.template } : null,
      results,
    }];
  });
}

/** Walks each place up the tree to its country (at most five levels: country … site). */
async function countriesOfPlaces(db: Database, places: readonly { id: string; parent_id: string | null; level: string; pcode: string }[]) {
  const known = new Map<string, { parent_id: string | null; level: string; pcode: string }>(places.map((p) => [p.id, p]));
  let missing = [...new Set(places.map((p) => p.parent_id).filter((id): id is string => !!id && !known.has(id)))];
  for (let depth = 0; depth < 5 && missing.length; depth++) {
    for (const p of await repo.placesByIds(db, missing)) known.set(p.id, p);
    missing = [...new Set([...known.values()].map((p) => p.parent_id).filter((id): id is string => !!id && !known.has(id)))];
  }
  const countryOf = (id: string | null, hops = 0): string | null => {
    const place = id ? known.get(id) : undefined;
    if (!place || hops > 6) return null;
    return place.level === 'country' ? place.pcode : countryOf(place.parent_id, hops + 1);
  };
  return new Map(places.map((p) => [p.id, countryOf(p.id)]));
}
