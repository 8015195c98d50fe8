import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** A temporary name in the same folder, so the final rename is atomic. */
export const tempBeside = (file: string) => path.join(path.dirname(file), `.${path.basename(file)}.tmp-${randomBytes(4).toString('hex')}`);

export function fsyncPath(p: string) {
  const fd = fs.openSync(p, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Creates an empty file only its owner can read and write. Backups hold every password hash and
 * session: they must not be readable by other accounts on the machine, whatever the umask.
 */
export function createPrivateFile(file: string) {
  fs.closeSync(fs.openSync(file, 'wx', 0o600));
  fs.chmodSync(file, 0o600);
}
