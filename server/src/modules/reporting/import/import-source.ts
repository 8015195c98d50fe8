import fs from 'node:fs';

/** The file being imported: the request body, or a file on disk (the command line streams it). */
export type ImportSource = { fileName: string; buffer: Buffer } | { fileName: string; path: string };

export function* bufferChunks(buffer: Buffer): Generator<Buffer> {
  for (let i = 0; i < buffer.length; i += 1 << 20) yield buffer.subarray(i, i + (1 << 20));
}

/** The file's bytes as a stream of chunks (read again from the start on every call). */
export function chunksOf(source: ImportSource): AsyncIterable<Uint8Array> | Iterable<Uint8Array> {
  return 'buffer' in source ? bufferChunks(source.buffer) : fs.createReadStream(source.path, { highWaterMark: 1 << 20 });
}

export async function headOf(source: ImportSource): Promise<Buffer> {
  if ('buffer' in source) return source.buffer.subarray(0, 8);
  const handle = await fs.promises.open(source.path, 'r');
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await handle.read(head, 0, 8, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export async function sizeOf(source: ImportSource): Promise<number> {
  return 'buffer' in source ? source.buffer.length : (await fs.promises.stat(source.path)).size;
}

export const wholeFile = (source: ImportSource): Promise<Buffer> => ('buffer' in source ? Promise.resolve(source.buffer) : fs.promises.readFile(source.path));
