/**
 * Neutralises spreadsheet formula injection (CSV injection): a cell that starts with
 * = + - @ or a control character is prefixed with an apostrophe so Excel shows it as text.
 */
export function safeCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
