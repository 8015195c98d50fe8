import { describe, expect, it } from 'vitest';
import { checkRows, checkStoredChildren, type ImportedLocation, parentsFirst, parseLocationsCsv, parseLocationsGeoJson } from './locations.import.js';

const row = (over: Partial<ImportedLocation> & Pick<ImportedLocation, 'row' | 'pcode'>): ImportedLocation => ({
  name: `Place ${over.pcode}`,
  level: 'admin1',
  parentPcode: 'MLI',
  names: {},
  geometry: undefined,
  ...over,
});
const stored = (entries: Record<string, string>) => new Map(Object.entries(entries).map(([pcode, level]) => [pcode, { level }]));
const brief = (problems: { row?: number; field?: string; reason: string }[]) => problems.map((p) => [p.row, p.field, p.reason]);

describe('parseLocationsCsv', () => {
  it('reads comma-separated rows, numbering them as the file does (header is row 1)', () => {
    const { rows, problems } = parseLocationsCsv('pcode,name,level,parent_pcode\nMLI,Mali,country,\nML05,Mopti,admin1,MLI\n');
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { row: 2, pcode: 'MLI', name: 'Mali', level: 'country', parentPcode: null, names: {}, geometry: undefined },
      { row: 3, pcode: 'ML05', name: 'Mopti', level: 'admin1', parentPcode: 'MLI', names: {}, geometry: undefined },
    ]);
  });

  it('reads semicolons, a byte-order mark, CRLF line ends and header names in any case', () => {
    const { rows } = parseLocationsCsv('\uFEFFPCode;Name;LEVEL;Parent_PCode\r\nML05;Mopti;Admin1;MLI\r\n');
    expect(rows).toEqual([expect.objectContaining({ row: 2, pcode: 'ML05', name: 'Mopti', level: 'admin1', parentPcode: 'MLI' })]);
  });

  it('keeps commas inside names when semicolons separate the columns', () => {
    const { rows } = parseLocationsCsv('pcode;name;level;parent_pcode\nML0501;Mopti, commune;admin2;ML05\n');
    expect(rows[0]?.name).toBe('Mopti, commune');
  });

  it('reads quoted names with commas and quotes', () => {
    const { rows } = parseLocationsCsv('pcode,name,level,parent_pcode\nML0501,"Mopti, ""la Venise""",admin2,ML05\n');
    expect(rows[0]?.name).toBe('Mopti, "la Venise"');
  });

  it('collects names in the interface languages and ignores empty ones', () => {
    const { rows } = parseLocationsCsv('pcode,name,level,parent_pcode,name_fr,name_ar,name_de\nML06,Tombouctou,admin1,MLI,Tombouctou,تمبكتو,Timbuktu\nML07,Gao,admin1,MLI,,,\n');
    expect(rows.map((r) => r.names)).toEqual([{ fr: 'Tombouctou', ar: 'تمبكتو' }, {}]);
  });

  it('trims cells', () => {
    const { rows } = parseLocationsCsv('pcode , name , level\n  MLI ,  Mali  , country \n');
    expect(rows[0]).toMatchObject({ pcode: 'MLI', name: 'Mali', level: 'country' });
  });

  it('numbers rows by their line in the file when blank lines are skipped', () => {
    const { rows } = parseLocationsCsv('pcode,name,level\n\nMLI,Mali,country\n\n\nNER,Niger,country\n');
    expect(rows.map((r) => [r.pcode, r.row])).toEqual([
      ['MLI', 3],
      ['NER', 6],
    ]);
  });

  it('names every missing required column, on row 1', () => {
    const { rows, problems } = parseLocationsCsv('code,label\nMLI,Mali\n');
    expect(rows).toEqual([]);
    expect(brief(problems)).toEqual([
      [1, 'pcode', 'missing_column'],
      [1, 'name', 'missing_column'],
      [1, 'level', 'missing_column'],
    ]);
  });

  it.each([
    ['an empty file', ''],
    ['only a byte-order mark and spaces', '\uFEFF  \n '],
    ['only a header', 'pcode,name,level\n'],
  ])('reports %s as empty_file', (_what, content) => {
    expect(brief(parseLocationsCsv(content).problems)).toEqual([[undefined, undefined, 'empty_file']]);
  });

  it('reports a file it cannot parse as unreadable_file', () => {
    const { problems } = parseLocationsCsv('pcode,name,level\nMLI,"Mali,country\n');
    expect(problems).toEqual([{ reason: 'unreadable_file', params: { format: 'CSV' } }]);
  });
});

describe('parseLocationsGeoJson', () => {
  const fc = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
  const square = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] };

  it('takes P-code, name and parent from the named properties, and numbers features from 1', () => {
    const content = fc(
      { type: 'Feature', properties: { PCode: 'CD10', NOM: ' Kinshasa ', name_fr: 'Kinshasa' }, geometry: square },
      { type: 'Feature', properties: { PCode: 20, NOM: 'Kongo-Central' }, geometry: null },
    );
    const { rows, problems } = parseLocationsGeoJson(content, { level: 'admin1', pcodeProperty: 'PCode', nameProperty: 'NOM', parentPcode: 'COD' });
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { row: 1, pcode: 'CD10', name: 'Kinshasa', level: 'admin1', parentPcode: 'COD', names: { fr: 'Kinshasa' }, geometry: square },
      { row: 2, pcode: '20', name: 'Kongo-Central', level: 'admin1', parentPcode: 'COD', names: {}, geometry: null },
    ]);
  });

  it('uses pcode, name, level and parent_pcode properties by default, the parent property before the fallback', () => {
    const content = fc({ type: 'Feature', properties: { pcode: 'ML0501', name: 'Mopti', level: 'ADMIN2', parent_pcode: 'ML05' }, geometry: square });
    const { rows } = parseLocationsGeoJson(content, { parentPcode: 'MLI' });
    expect(rows[0]).toMatchObject({ pcode: 'ML0501', name: 'Mopti', level: 'admin2', parentPcode: 'ML05' });
  });

  it('reads a feature without properties as one with empty values', () => {
    const { rows } = parseLocationsGeoJson(fc({ type: 'Feature', geometry: square }), { level: 'admin1' });
    expect(rows[0]).toMatchObject({ row: 1, pcode: '', name: '', parentPcode: null });
  });

  it.each([
    ['text that is not JSON', 'not json', 'GeoJSON'],
    ['a single Feature', JSON.stringify({ type: 'Feature', properties: {} }), 'GeoJSON FeatureCollection'],
    ['a collection without a features array', JSON.stringify({ type: 'FeatureCollection' }), 'GeoJSON FeatureCollection'],
    ['JSON null', 'null', 'GeoJSON FeatureCollection'],
  ])('reports %s as unreadable', (_what, content, format) => {
    expect(parseLocationsGeoJson(content, {}).problems).toEqual([{ reason: 'unreadable_file', params: { format } }]);
  });

  it('reports a collection without features as empty', () => {
    expect(parseLocationsGeoJson(fc(), {}).problems).toEqual([{ reason: 'empty_file' }]);
  });
});

describe('checkRows', () => {
  it('accepts a well-formed tree, parents in the file or already stored', () => {
    const rows = [
      row({ row: 2, pcode: 'ML05', parentPcode: 'MLI' }),
      row({ row: 3, pcode: 'ML0501', level: 'admin2', parentPcode: 'ML05' }),
      row({ row: 4, pcode: 'ML050101', level: 'site', parentPcode: 'ML0501' }),
    ];
    expect(checkRows(rows, stored({ MLI: 'country' }))).toEqual([]);
  });

  it('lets a level skip over the levels between (a site straight under a region)', () => {
    expect(checkRows([row({ row: 2, pcode: 'S1', level: 'site', parentPcode: 'ML05' })], stored({ ML05: 'admin1' }))).toEqual([]);
  });

  it('reports each problem with its row and field', () => {
    const rows = [
      row({ row: 2, pcode: '' }),
      row({ row: 3, pcode: '-starts-with-dash' }),
      row({ row: 4, pcode: 'ML01', name: '' }),
      row({ row: 5, pcode: 'ML02', name: 'x'.repeat(201) }),
      row({ row: 6, pcode: 'ML01' }),
      row({ row: 7, pcode: 'ML03', level: 'district' as never }),
      row({ row: 8, pcode: 'ML04', parentPcode: null }),
      row({ row: 9, pcode: 'ML05', parentPcode: 'NOWHERE' }),
      row({ row: 10, pcode: 'ML06', parentPcode: 'ML01' }),
      row({ row: 11, pcode: 'ML07', level: 'country', parentPcode: 'MLI' }),
      row({ row: 12, pcode: 'ML08', geometry: { type: 'Point', coordinates: [0, 0] } }),
      row({ row: 13, pcode: 'ML09', level: 'admin2', parentPcode: 'ML0901' }),
    ];
    const problems = checkRows(rows, stored({ MLI: 'country', ML0901: 'admin3' }));
    expect(brief(problems)).toEqual([
      [2, 'pcode', 'required'],
      [3, 'pcode', 'invalid_format'],
      [4, 'name', 'required'],
      [5, 'name', 'too_long'],
      [6, 'pcode', 'duplicate_in_file'],
      [7, 'level', 'unknown_level'],
      [8, 'parent_pcode', 'required'],
      [9, 'parent_pcode', 'unknown_parent'],
      [10, 'parent_pcode', 'parent_level'],
      [11, 'parent_pcode', 'parent_level'],
      [12, 'geometry', 'invalid_geometry'],
      [13, 'parent_pcode', 'parent_level'],
    ]);
    expect(problems.find((p) => p.row === 6)?.params).toEqual({ otherRow: 4 });
    expect(problems.find((p) => p.row === 9)?.params).toEqual({ parent: 'NOWHERE' });
    expect(problems.find((p) => p.row === 13)?.params).toEqual({ level: 'admin2', parentLevel: 'admin3' });
  });

  it('reports several problems of one row together', () => {
    expect(brief(checkRows([row({ row: 2, pcode: 'bad code', name: '', parentPcode: null })], stored({})))).toEqual([
      [2, 'pcode', 'invalid_format'],
      [2, 'name', 'required'],
      [2, 'parent_pcode', 'required'],
    ]);
  });

  it('names an empty level with a dash', () => {
    expect(checkRows([row({ row: 2, pcode: 'X', level: '' as never })], stored({}))[0]).toMatchObject({ params: { level: '—' } });
  });

  it('accepts a 50-character P-code with dots, dashes and underscores, but not 51 characters', () => {
    const ok = `A${'b.-_'.repeat(12)}c`;
    expect(ok).toHaveLength(50);
    expect(checkRows([row({ row: 2, pcode: ok })], stored({ MLI: 'country' }))).toEqual([]);
    expect(brief(checkRows([row({ row: 2, pcode: `${ok}d` })], stored({ MLI: 'country' })))).toEqual([[2, 'pcode', 'invalid_format']]);
  });
});

describe('checkStoredChildren', () => {
  const region = { id: 'id-r1', level: 'admin1' };
  const children = [
    { pcode: 'R1-D1', level: 'admin2', parent_id: 'id-r1' },
    { pcode: 'R1-S1', level: 'site', parent_id: 'id-r1' },
    { pcode: 'R9-D1', level: 'admin2', parent_id: 'id-r9' },
  ];

  it('reports a stored place moved down to or below the level of its stored children, on its level field', () => {
    const problems = checkStoredChildren([row({ row: 2, pcode: 'R1', level: 'admin2', parentPcode: 'R2' })], new Map([['R1', region]]), children);
    expect(problems).toEqual([{ row: 2, field: 'level', reason: 'parent_level', params: { level: 'admin2', parentLevel: 'admin2' } }]);
  });

  it('accepts a change of level that stays above every stored child', () => {
    expect(checkStoredChildren([row({ row: 2, pcode: 'R1', level: 'country', parentPcode: null })], new Map([['R1', region]]), children)).toEqual([]);
  });

  it('leaves children that the same file moves or re-levels to checkRows', () => {
    const rows = [row({ row: 2, pcode: 'R1', level: 'admin2', parentPcode: 'R2' }), row({ row: 3, pcode: 'R1-D1', level: 'admin3', parentPcode: 'R1' })];
    expect(checkStoredChildren(rows, new Map([['R1', region]]), children)).toEqual([]);
  });

  it('ignores places whose level does not change', () => {
    expect(checkStoredChildren([row({ row: 2, pcode: 'R1', level: 'admin1' })], new Map([['R1', region]]), children)).toEqual([]);
  });
});

describe('parentsFirst', () => {
  it('orders rows from the country down, keeping the file order within a level', () => {
    const rows = [
      row({ row: 2, pcode: 'site', level: 'site' }),
      row({ row: 3, pcode: 'r1', level: 'admin1' }),
      row({ row: 4, pcode: 'c', level: 'country' }),
      row({ row: 5, pcode: 'r2', level: 'admin1' }),
    ];
    expect(parentsFirst(rows).map((r) => r.pcode)).toEqual(['c', 'r1', 'r2', 'site']);
    expect(rows.map((r) => r.pcode)).toEqual(['site', 'r1', 'c', 'r2']);
  });
});
