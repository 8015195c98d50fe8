/** Reading an import file in the browser, and the example file offered for download. */

export type ImportFormat = 'csv' | 'geojson';

export const formatOf = (fileName: string): ImportFormat => (/\.csv$|\.txt$/i.test(fileName) ? 'csv' : 'geojson');

export interface ReadFile {
  text: string;
  /** Windows-1252 when a CSV was not valid UTF-8 (Excel's "CSV" on Windows in western languages). */
  encoding: 'utf-8' | 'windows-1252';
}

function readBytes(file: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsArrayBuffer(file);
  });
}

/**
 * Reads the file as UTF-8. A CSV whose bytes are not valid UTF-8 (the decoder had to put in
 * replacement characters) is read again as Windows-1252, which is what Excel writes for
 * "Ségou" or "Tombouctou" on a French or Spanish Windows. GeoJSON is UTF-8 by its specification.
 */
export async function readImportFile(file: Blob, format: ImportFormat): Promise<ReadFile> {
  const bytes = await readBytes(file);
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  if (format === 'csv' && utf8.includes('\uFFFD')) {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
  return { text: utf8, encoding: 'utf-8' };
}

/** Property names of the first feature of a GeoJSON FeatureCollection, or [] when it cannot be read. */
export function geoJsonPropertyNames(text: string): string[] {
  try {
    const doc = JSON.parse(text.replace(/^\uFEFF/, '')) as { features?: { properties?: Record<string, unknown> | null }[] };
    return Object.keys(doc.features?.[0]?.properties ?? {});
  } catch {
    return [];
  }
}

/** Best guesses for the P-code, name and parent P-code properties (OCHA COD files use ADM1_PCODE, ADM1_EN, ADM0_PCODE). */
export function guessProperties(names: string[]): { pcode: string | null; name: string | null; parent: string | null } {
  const find = (...tests: RegExp[]) => {
    for (const re of tests) {
      const hit = names.find((n) => re.test(n));
      if (hit) return hit;
    }
    return null;
  };
  const pcode = find(/^pcode$/i, /^adm(\d)_pcode$/i, /pcode/i, /^code$/i);
  const level = pcode ? /adm(\d)/i.exec(pcode)?.[1] : undefined;
  const parent =
    find(/^parent_pcode$/i, /parent/i) ??
    (level && Number(level) > 0 ? names.find((n) => n.toLowerCase() === `adm${Number(level) - 1}_pcode`) ?? null : null);
  const name = find(/^name$/i, level ? new RegExp(`^adm${level}_(en|fr|es|name)$`, 'i') : /^$/, /^shapename$/i, /name/i);
  return { pcode, name, parent };
}

/** The columns the CSV import reads, documented on the page and used for the example file. */
export const CSV_COLUMNS = ['pcode', 'name', 'level', 'parent_pcode', 'name_fr', 'name_es', 'name_ar'] as const;

const EXAMPLE_ROWS = [
  ['MLI', 'Mali', 'country', '', 'Mali', 'Malí', 'مالي'],
  ['ML05', 'Mopti', 'admin1', 'MLI', 'Mopti', 'Mopti', 'موبتي'],
  ['ML0501', 'Bandiagara', 'admin2', 'ML05', 'Bandiagara', 'Bandiagara', 'باندياغارا'],
  ['ML0503', 'Djenne', 'admin2', 'ML05', 'Djenné', 'Djenné', 'جينيه'],
  ['ML06', 'Tombouctou', 'admin1', 'MLI', 'Tombouctou', 'Tombuctú', 'تمبكتو'],
];

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** Example CSV, with a byte-order mark so that Excel opens the Arabic names correctly. */
export function exampleCsv(): Blob {
  const lines = [CSV_COLUMNS.join(','), ...EXAMPLE_ROWS.map((r) => r.map(csvCell).join(','))];
  return new Blob(['\uFEFF' + lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
}

/** Saves a Blob made in the browser under the given name. */
export function downloadBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
