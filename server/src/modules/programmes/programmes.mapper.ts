import type { Programme } from '@shared/schemas/index.js';
import type { ProgrammeRow } from './programmes.repository.js';

export const toProgramme = (r: ProgrammeRow): Programme => ({
  id: r.id,
  organisationId: r.organisation_id,
  organisationName: r.organisation_name,
  code: r.code,
  name: r.name,
  description: r.description,
  status: r.status as Programme['status'],
  startDate: r.start_date,
  endDate: r.end_date,
  projectCount: Number(r.project_count ?? 0),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const auditableProgramme = (p: Programme) => {
  const { projectCount: _count, organisationName: _name, createdAt: _c, updatedAt: _u, ...rest } = p;
  return rest;
};
