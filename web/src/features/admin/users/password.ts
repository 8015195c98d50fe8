/** No look-alikes (0/O, 1/l/I) so a password read aloud or copied by hand survives. */
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const SYMBOLS = '-_.!?#%+=';
const ALL = LOWER + UPPER + DIGITS + SYMBOLS;

/** A uniformly random index below `n`, without the bias of `random % n`. */
function randomIndex(n: number): number {
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  const buf = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(buf);
    if (buf[0]! < limit) return buf[0]! % n;
  }
}

/**
 * A strong random password (20 characters ≈ 125 bits) from the browser's cryptographic generator,
 * with at least one character of each kind so that no site rule rejects it.
 */
export function generatePassword(length = 20): string {
  const chars = [LOWER, UPPER, DIGITS, SYMBOLS].map((set) => set[randomIndex(set.length)]!);
  while (chars.length < length) chars.push(ALL[randomIndex(ALL.length)]!);
  // Fisher–Yates, so the guaranteed characters are not always first.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomIndex(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
