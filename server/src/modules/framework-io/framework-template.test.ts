import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorCatalogues } from '@shared/i18n/error-messages.js';
import { SHEET_COLUMNS } from './framework-template.js';
import { checkZip } from './zip-guard.js';

const doc = readFileSync(new URL('../../../../docs/framework-template.md', import.meta.url), 'utf8');

describe('the framework template', () => {
  it('documents every column of every sheet in docs/framework-template.md', () => {
    for (const [sheet, columns] of Object.entries(SHEET_COLUMNS)) {
      const section = doc.split(`## Sheet ${sheet}`)[1]?.split('\n## ')[0] ?? '';
      expect(columns.map((c) => c.key).filter((key) => !section.includes(`| \`${key}\` |`)), sheet).toEqual([]);
    }
  });

  it('has a message in every language for each reason the import gives', () => {
    const reasons = [
      'missing_sheet', 'duplicate_column', 'too_many_rows', 'file_too_large', 'formula_without_value', 'cell_error', 'not_in_list', 'not_a_number',
      'not_yes_no', 'duplicate_code', 'unknown_result', 'unknown_result_level', 'level_changed', 'unknown_category', 'too_many_categories',
      'unknown_indicator', 'category_not_on_indicator', 'bad_disaggregation', 'unknown_option_code', 'unknown_period', 'not_project_location',
      'same_category_twice', 'duplicate_target', 'use_lop_target', 'linked_to_library', 'missing_column', 'unreadable_file', 'empty_file', 'invalid_date',
    ];
    for (const locale of ['en', 'fr', 'es', 'ar'] as const) {
      expect(reasons.filter((r) => !errorCatalogues[locale][r]), locale).toEqual([]);
    }
  });
});

describe('the zip guard', () => {
  /** A one-entry archive's central directory and end record, declaring `size` bytes unpacked. */
  const archive = (size: number) => {
    const central = Buffer.alloc(46 + 1);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(1, 28);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(0, 16);
    return Buffer.concat([central, end]);
  };

  it('refuses an archive that would unpack beyond the limit, and what is not an archive', () => {
    expect(checkZip(archive(1000), 2000)).toBe('ok');
    expect(checkZip(archive(3000), 2000)).toBe('too_large');
    expect(checkZip(archive(0xffffffff), 2000)).toBe('too_large');
    expect(checkZip(Buffer.from('code,level\nG,0\n'), 2000)).toBe('not_zip');
  });
});
