import type { Locale } from '@shared/locales.js';
import type { Database } from '../../db/database.js';
import { translated } from '../analytics/pivot.members.js';
import * as repo from './values.repository.js';

/** The place columns both exports share: the place itself and its country, admin 1 and admin 2 ancestors. */
export interface PlaceColumns {
  country: string;
  countryCode: string;
  adm1: string;
  adm1Code: string;
  adm2: string;
  adm2Code: string;
  place: string;
  placeCode: string;
}

/** Places and their ancestors, loaded as pages mention them, described as the export's place columns. */
export class PlaceBook {
  private readonly rows = new Map<string, repo.PlaceRow>();
  private readonly described = new Map<string, PlaceColumns>();
  constructor(
    private readonly db: Database,
    private readonly locale: Locale,
  ) {}

  /** Loads the places not yet known, with their ancestors. */
  async load(ids: string[]): Promise<void> {
    let missing = [...new Set(ids.filter((id) => !this.rows.has(id)))];
    while (missing.length) {
      const found = await repo.placesByIds(this.db, missing);
      for (const r of found) this.rows.set(r.id, r);
      missing = [...new Set(found.flatMap((r) => (r.parent_id && !this.rows.has(r.parent_id) ? [r.parent_id] : [])))];
    }
  }

  /** Call after load() of the id. */
  describe(id: string | null): PlaceColumns {
    const empty: PlaceColumns = { country: '', countryCode: '', adm1: '', adm1Code: '', adm2: '', adm2Code: '', place: '', placeCode: '' };
    if (!id) return empty;
    const known = this.described.get(id);
    if (known) return known;
    const out = { ...empty };
    const name = (r: repo.PlaceRow) => translated(r.names_json, this.locale, r.name);
    const self = this.rows.get(id);
    if (self) Object.assign(out, { place: name(self), placeCode: self.pcode });
    for (let r = self; r; r = r.parent_id ? this.rows.get(r.parent_id) : undefined) {
      if (r.level === 'country') Object.assign(out, { country: name(r), countryCode: r.pcode });
      if (r.level === 'admin1') Object.assign(out, { adm1: name(r), adm1Code: r.pcode });
      if (r.level === 'admin2') Object.assign(out, { adm2: name(r), adm2Code: r.pcode });
    }
    this.described.set(id, out);
    return out;
  }
}
