import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';

// Frozen once merged: never edit, add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // Why a change was made (indicator definitions and targets, later reopenings and change requests).
  await db.schema.alterTable('audit_log').addColumn('reason', 'text').execute();
  await db.schema.alterTable('audit_log').addColumn('note', 'text').execute();

  await db.schema
    .createTable('results_frameworks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().unique().references('projects.id').onDelete('cascade'))
    .addColumn('template', 'text', (c) => c.notNull())
    // Renamed level labels, per level and language; empty means the template's names.
    .addColumn('level_labels_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('result_nodes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('framework_id', 'text', (c) => c.notNull().references('results_frameworks.id').onDelete('cascade'))
    .addColumn('parent_id', 'text', (c) => c.references('result_nodes.id'))
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('titles_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('result_nodes_framework_code_uq', ['framework_id', 'code'])
    .execute();
  await db.schema.createIndex('result_nodes_parent_idx').on('result_nodes').columns(['framework_id', 'parent_id', 'position']).execute();

  await db.schema
    .createTable('indicators')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('framework_id', 'text', (c) => c.notNull().references('results_frameworks.id').onDelete('cascade'))
    .addColumn('result_node_id', 'text', (c) => c.notNull().references('result_nodes.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('names_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('definition', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('definitions_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('unit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('time_aggregation', 'text', (c) => c.notNull())
    .addColumn('location_aggregation', 'text', (c) => c.notNull())
    .addColumn('cumulative', 'integer', (c) => c.notNull().defaultTo(0))
    // Indicator figures are measurements, not money: double precision on both databases.
    .addColumn('baseline_value', 'double precision')
    .addColumn('baseline_date', 'text')
    .addColumn('lop_target', 'double precision')
    .addColumn('means_of_verification', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('data_source', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('collection_method', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('responsible', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('indicators_framework_code_uq', ['framework_id', 'code'])
    .execute();
  await db.schema.createIndex('indicators_node_idx').on('indicators').columns(['result_node_id', 'position']).execute();

  // Every project has exactly one framework: give existing projects an empty one.
  const now = new Date().toISOString();
  const projects: { id: string }[] = await db.selectFrom('projects').select('id').execute();
  for (const p of projects) {
    await db
      .insertInto('results_frameworks')
      .values({ id: randomUUID(), project_id: p.id, template: 'custom', level_labels_json: '[]', created_at: now, updated_at: now })
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('indicators').execute();
  await db.schema.dropTable('result_nodes').execute();
  await db.schema.dropTable('results_frameworks').execute();
  await db.schema.alterTable('audit_log').dropColumn('note').execute();
  await db.schema.alterTable('audit_log').dropColumn('reason').execute();
}
