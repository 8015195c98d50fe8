import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { bufferSink, collect, PROGRESS_EVERY, valuesCsvStream, writeValuesXlsx } from './values.files.js';
import type { SheetLabels, ValueRow } from './values.columns.js';

const labels: SheetLabels = { sheet: 'Valeurs', headings: ['Lieu', 'Commentaire', 'Valeur'], hashtags: ['#loc+name', '#meta+comment', '#indicator+value+num'] };

async function* rows(count: number): AsyncGenerator<ValueRow> {
  for (let i = 0; i < count; i++) yield [i === 0 ? 'Ségou' : `Place ${i}`, i === 1 ? '=1+1' : i === 2 ? '-2+3' : null, i === 3 ? -4.5 : i];
}

async function readBack(content: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(content as unknown as ExcelJS.Buffer);
  const sheet = wb.worksheets[0]!;
  const out: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => out.push((row.values as unknown[]).slice(1)));
  return { name: sheet.name, rows: out };
}

describe('writeValuesXlsx', () => {
  it('streams headings, hashtags and rows into a workbook ExcelJS reads back; text formulas neutralised, numbers kept', async () => {
    const { sink, done } = bufferSink();
    const written = await writeValuesXlsx(rows(5), sink, labels);
    const book = await readBack(await done);
    expect(written).toBe(5);
    expect(book.name).toBe('Valeurs');
    expect(book.rows[0]).toEqual(labels.headings);
    expect(book.rows[1]).toEqual(labels.hashtags);
    expect(book.rows[2]).toEqual(['Ségou', undefined, 0]);
    expect(book.rows[3]).toEqual(['Place 1', "'=1+1", 1]);
    expect(book.rows[4]).toEqual(['Place 2', "'-2+3", 2]);
    expect(book.rows[5]).toEqual(['Place 3', undefined, -4.5]);
    expect(book.rows).toHaveLength(7);
  });

  it('stops reading rows while the file is not being taken (back-pressure through the compressor), and finishes once it is', async () => {
    let pulled = 0;
    async function* counted(): AsyncGenerator<ValueRow> {
      for (let i = 0; i < 30_000; i++) {
        pulled++;
        // Random text compresses little: the compressed file soon outgrows the streams' buffers.
        yield [`Place ${i}`, randomBytes(48).toString('hex'), i];
      }
    }
    const out = new PassThrough({ highWaterMark: 1024 });
    const writing = writeValuesXlsx(counted(), out, labels);
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    await pause(2000);
    const before = pulled;
    await pause(1000);
    // Nobody reads the file: the writer has stopped, instead of holding every row's XML in memory.
    expect(pulled).toBe(before);
    expect(pulled).toBeLessThan(30_000);
    const content = collect(out);
    expect(await writing).toBe(30_000);
    expect((await readBack(await content)).rows).toHaveLength(30_002);
  }, 60_000);

  it('reports progress every few thousand rows', async () => {
    const seen: number[] = [];
    const { sink, done } = bufferSink();
    await writeValuesXlsx(rows(2 * PROGRESS_EVERY + 10), sink, labels, (n) => void seen.push(n));
    await done;
    expect(seen).toEqual([PROGRESS_EVERY, 2 * PROGRESS_EVERY]);
  });
});

describe('valuesCsvStream', () => {
  it('writes a BOM, the hashtag row only for HXL, and the same cells', async () => {
    const hxl = await collect(valuesCsvStream(rows(4), labels, true));
    expect([...hxl.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(hxl.toString('utf8')).toContain('\r\n');
    expect(parse(hxl.toString('utf8'), { bom: true })).toEqual([
      labels.headings, labels.hashtags, ['Ségou', '', '0'], ['Place 1', "'=1+1", '1'], ['Place 2', "'-2+3", '2'], ['Place 3', '', '-4.5'],
    ]);
    const plain = parse((await collect(valuesCsvStream(rows(1), labels, false))).toString('utf8'), { bom: true }) as string[][];
    expect(plain).toEqual([labels.headings, ['Ségou', '', '0']]);
  });
});
