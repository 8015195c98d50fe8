/** An .xlsx file is a zip archive: it starts with the local-file signature PK\x03\x04. */
export const isZip = (head: Uint8Array): boolean => head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;

export type CsvEncoding = 'utf-8' | 'windows-1252';

/**
 * UTF-8 (with or without BOM) when every byte decodes as UTF-8, else Windows-1252 (what Excel
 * writes for "CSV" on a Western-European Windows). Reads the whole source once, as a stream.
 */
export async function sniffEncoding(chunks: AsyncIterable<Uint8Array>): Promise<CsvEncoding> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of chunks) decoder.decode(chunk, { stream: true });
    decoder.decode();
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** The separator is the one of comma, semicolon and tab that occurs most in the header line (outside quotes). */
export function sniffSeparator(headerLine: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}
