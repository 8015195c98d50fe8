import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { DecimalMark } from './numbers.js';
import { type CsvEncoding, sniffSeparator } from './sniff.js';

export interface CsvTable {
  separator: ',' | ';' | '\t';
  /** A semicolon-separated file is the French/Spanish Excel style with a decimal comma. */
  decimal: DecimalMark;
  /** Records after the header, with their 1-based row number (the header is row 1). */
  records: AsyncGenerator<{ row: number; fields: string[] }>;
  header: string[];
}

/** The text of the source, decoded as it streams; a leading BOM is dropped. */
async function* decoded(chunks: AsyncIterable<Uint8Array>, encoding: CsvEncoding): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  let first = true;
  for await (const chunk of chunks) {
    let text = decoder.decode(chunk, { stream: true });
    if (first && text.length > 0) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    if (text) yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

/**
 * Opens a CSV stream: reads up to the end of the header line to pick the separator, then parses
 * the whole text with csv-parse in streaming mode (memory stays bounded whatever the file's size).
 * Returns null for a file without a header line.
 */
export async function openCsv(chunks: AsyncIterable<Uint8Array>, encoding: CsvEncoding): Promise<CsvTable | null> {
  const text = decoded(chunks, encoding);
  let head = '';
  let next = await text.next();
  while (!next.done) {
    head += next.value;
    if (/[\r\n]/.test(head) || head.length > 1_000_000) break;
    next = await text.next();
  }
  if (head.trim() === '') return null;
  const separator = sniffSeparator(head.split(/\r?\n|\r/, 1)[0]!);
  async function* all(): AsyncGenerator<string> {
    yield head;
    if (next.done) return;
    for await (const t of text) yield t;
  }
  const parser = Readable.from(all()).pipe(parse({ delimiter: separator, relax_column_count: true, skip_empty_lines: false, max_record_size: 1_000_000 }));
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  const first = await iterator.next();
  if (first.done) return null;
  async function* records(): AsyncGenerator<{ row: number; fields: string[] }> {
    let row = 1;
    for (;;) {
      const r = await iterator.next();
      if (r.done) return;
      row++;
      yield { row, fields: r.value };
    }
  }
  return { separator, decimal: separator === ';' ? ',' : separator === '\t' ? 'auto' : '.', header: first.value, records: records() };
}
