import { createRequire } from 'node:module';
import bidiFactory from 'bidi-js';
import { cleanText } from './render-common.js';

/**
 * Text on PDF pages: fonts, measuring, wrapping and right-to-left lines. PDFKit lays text out left to right and
 * leaves bidirectional order to the caller, so each line is put in visual order here with the Unicode bidi
 * algorithm (bidi-js) and drawn as runs: fontkit, inside PDFKit, joins the Arabic letters of a run and lays a run
 * of Arabic script out right to left itself, so such a run is handed over in logical order and every other run in
 * visual order.
 */

const require = createRequire(import.meta.url);
// DejaVu Sans covers Latin, Arabic and the symbols the reports use; its oblique face has no Arabic letters.
export const FONT_FILES = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  italic: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf'),
};
export type FontFace = keyof typeof FONT_FILES;

const bidi = bidiFactory();
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]/;
// Direction marks steer the bidi algorithm but have no glyph to draw.
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export interface TextStyle {
  face: FontFace;
  size: number;
  color?: string;
}

export interface Run {
  text: string;
  width: number;
}

export class PdfText {
  private readonly widths = new Map<string, number>();

  constructor(private readonly pdf: PDFKit.PDFDocument) {
    for (const [face, file] of Object.entries(FONT_FILES)) pdf.registerFont(face, file);
  }

  /** The face to use: italic text holding Arabic letters falls back to the upright face, which has them. */
  private face(style: TextStyle, text: string): FontFace {
    return style.face === 'italic' && RTL_LETTER.test(text) ? 'regular' : style.face;
  }

  use(style: TextStyle, text = ''): PDFKit.PDFDocument {
    return this.pdf.font(this.face(style, text)).fontSize(style.size).fillColor(style.color ?? '#000000');
  }

  width(text: string, style: TextStyle): number {
    const face = this.face(style, text);
    const key = `${face}\u0000${style.size}\u0000${text}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      w = this.pdf.font(face).fontSize(style.size).widthOfString(text);
      this.widths.set(key, w);
    }
    return w;
  }

  lineHeight(style: TextStyle): number {
    return style.size * 1.35;
  }

  /**
   * The lines a text takes within `maxWidth`: its own line breaks kept, words moved whole to the next line, and a
   * word longer than the line cut where it must. Lines are in logical order.
   */
  wrap(text: string, style: TextStyle, maxWidth: number): string[] {
    const out: string[] = [];
    for (const paragraph of cleanText(text).split('\n')) {
      const tokens = paragraph.split(/(\s+)/).filter((t) => t !== '');
      // Widths add up word by word (PDFKit lays a line out word by word too), so a long paragraph is measured once.
      let line = '';
      let lineWidth = 0;
      let pending = ''; // spaces after the last word, counted only if another word follows on the line
      for (const token of tokens) {
        if (!/\S/.test(token)) {
          if (line !== '') pending += token;
          continue;
        }
        const w = this.width(token, style);
        const gap = pending ? this.width(pending, style) : 0;
        if (line !== '' && lineWidth + gap + w <= maxWidth) {
          line += pending + token;
          lineWidth += gap + w;
          pending = '';
          continue;
        }
        if (line !== '') out.push(line);
        pending = '';
        if (w <= maxWidth) {
          line = token;
          lineWidth = w;
          continue;
        }
        // A word wider than the line (a long code or address): cut it by characters.
        line = '';
        for (const ch of Array.from(token)) {
          if (line !== '' && this.width(line + ch, style) > maxWidth) {
            out.push(line);
            line = '';
          }
          line += ch;
        }
        lineWidth = this.width(line, style);
      }
      out.push(line);
    }
    return out;
  }

  /** A line as runs to draw from left to right (see the file's comment). */
  runs(line: string, rtlBase: boolean, style: TextStyle): Run[] {
    if (!rtlBase && !RTL_LETTER.test(line)) {
      const text = line.replace(BIDI_CONTROLS, '');
      return text ? [{ text, width: this.width(text, style) }] : [];
    }
    const levels = bidi.getEmbeddingLevels(line, rtlBase ? 'rtl' : 'ltr');
    const chars = line.split('');
    // It takes the levels array itself, not the result object its README shows.
    const mirrors = bidi.getMirroredCharactersMap(line, levels.levels);
    const order = chars.map((_, i) => i);
    for (const [start = 0, end = -1] of bidi.getReorderSegments(line, levels)) {
      const reversed = order.slice(start, end + 1).reverse();
      order.splice(start, reversed.length, ...reversed);
    }
    const groups: { rtl: boolean; indices: number[] }[] = [];
    for (const i of order) {
      const rtl = ((levels.levels[i] ?? 0) & 1) === 1;
      const last = groups[groups.length - 1];
      if (last && last.rtl === rtl) last.indices.push(i);
      else groups.push({ rtl, indices: [i] });
    }
    return groups.flatMap((g) => {
      // Brackets in right-to-left text are mirrored here (DejaVu has no rtlm feature for fontkit to do it).
      const visual = g.indices.map((i) => mirrors.get(i) ?? chars[i] ?? '');
      // fontkit lays out a run it finds Arabic script in right to left: such a run goes back to logical order.
      const units = g.rtl && RTL_LETTER.test(visual.join('')) ? [...visual].reverse() : visual;
      const text = fixSurrogates(units)
        .join('')
        .replace(BIDI_CONTROLS, '')
        .replace(/ /g, '\u00a0');
      return text ? [{ text, width: this.width(text, style) }] : [];
    });
  }

  /** Draws one line between x and x + width, aligned to its start (by direction), end or centre. */
  drawLine(line: string, x: number, y: number, width: number, style: TextStyle, options: { rtl: boolean; align?: 'start' | 'end' | 'center' }) {
    const runs = this.runs(line, options.rtl, style);
    const total = runs.reduce((s, r) => s + r.width, 0);
    const align = options.align ?? 'start';
    const toRight = align === 'center' ? null : (align === 'start') === options.rtl;
    let at = toRight === null ? x + (width - total) / 2 : toRight ? x + width - total : x;
    for (const run of runs) {
      this.use(style, run.text).text(run.text, at, y, { lineBreak: false });
      at += run.width;
    }
  }
}

/** Reversing UTF-16 units turns a surrogate pair around: put each pair back in order. */
function fixSurrogates(units: string[]): string[] {
  for (let i = 0; i < units.length - 1; i++) {
    const a = units[i]!.charCodeAt(0);
    const b = units[i + 1]!.charCodeAt(0);
    if (a >= 0xdc00 && a <= 0xdfff && b >= 0xd800 && b <= 0xdbff) {
      [units[i], units[i + 1]] = [units[i + 1]!, units[i]!];
      i++;
    }
  }
  return units;
}
