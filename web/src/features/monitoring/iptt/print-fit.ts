import { type RefObject, useEffect } from 'react';

/**
 * Printing a wide table: the browser cuts off whatever is wider than the paper, so before printing
 * the table is zoomed out to fit the width of an A4 landscape page. The print stylesheet makes the
 * table about 0.7 times as wide as on screen (smaller type and padding, measured on the demo data
 * at every granularity: 0.66–0.70), so the zoom is worked out from the screen width.
 */
export const PRINTABLE_WIDTH_PX = 1047; // 297 mm − 2 × 10 mm margins, at 96 px per inch
export const PRINT_TO_SCREEN = 0.7;
/** Below this the figures are hard to read on paper: the page says so and suggests longer periods. */
export const SMALL_PRINT_ZOOM = 0.6;

export function printZoom(screenWidth: number, printable = PRINTABLE_WIDTH_PX): number {
  if (!(screenWidth > 0)) return 1;
  const zoom = printable / (screenWidth * PRINT_TO_SCREEN);
  return zoom >= 1 ? 1 : Math.floor(zoom * 100) / 100;
}

/**
 * Sets `--iptt-print-zoom` (and `data-print-small`) on the page before the browser lays it out for
 * print, and clears them afterwards. Done on the DOM directly: a React state change would not be
 * rendered before the print layout is made.
 */
export function usePrintFit(page: RefObject<HTMLElement | null>, table: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const before = () => {
      const root = page.current;
      const width = table.current?.scrollWidth ?? 0;
      if (!root) return;
      const zoom = printZoom(width);
      root.style.setProperty('--iptt-print-zoom', String(zoom));
      root.dataset.printSmall = String(zoom < SMALL_PRINT_ZOOM);
    };
    const after = () => {
      page.current?.style.removeProperty('--iptt-print-zoom');
      if (page.current) delete page.current.dataset.printSmall;
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, [page, table]);
}
