/**
 * Text widths for vega's layout without a canvas. Vega measures text with a canvas when it has
 * one; headless it estimates 0.8 em per character, ~1.5× what Noto Sans renders for the labels
 * of our charts, and reserves that room: the concept heatmap's rotated labels left a band of
 * ~100 px of white below them. Vega takes a width function of its own in `textMetrics.width`
 * (vega-scenegraph; vl-convert uses the same hook with real font metrics).
 *
 * Widths per printable ASCII character, in em: the larger advance of Noto Sans and DejaVu Sans
 * (the charts' first two fonts), read from the fonts' hmtx tables (Debian fonts-noto-core and
 * fonts-dejavu-core), regular and bold apart — so a label never renders wider than its reserved
 * room in either font. Arabic letters: the larger mean advance of U+0621–U+064A in Noto Sans
 * Arabic and DejaVu Sans, rounded up (joined forms are narrower than the isolated ones measured).
 * Anything else keeps vega's 0.8 em.
 */
const ASCII_REGULAR = [0.32,0.40,0.46,0.84,0.64,0.95,0.78,0.27,0.39,0.39,0.55,0.84,0.32,0.36,0.32,0.37,0.64,0.64,0.64,0.64,0.64,0.64,0.64,0.64,0.64,0.64,0.34,0.34,0.84,0.84,0.84,0.53,1.00,0.68,0.69,0.70,0.77,0.63,0.58,0.77,0.75,0.34,0.29,0.66,0.56,0.91,0.76,0.79,0.60,0.79,0.69,0.63,0.61,0.73,0.68,0.99,0.69,0.61,0.69,0.39,0.37,0.39,0.84,0.50,0.50,0.61,0.63,0.55,0.63,0.62,0.35,0.63,0.63,0.28,0.28,0.58,0.28,0.97,0.63,0.61,0.63,0.63,0.41,0.52,0.39,0.63,0.59,0.82,0.59,0.59,0.52,0.64,0.55,0.64,0.84];
const ASCII_BOLD = [0.35,0.46,0.52,0.84,0.70,1.00,0.87,0.31,0.46,0.46,0.55,0.84,0.38,0.42,0.38,0.41,0.70,0.70,0.70,0.70,0.70,0.70,0.70,0.70,0.70,0.70,0.40,0.40,0.84,0.84,0.84,0.58,1.00,0.77,0.76,0.73,0.83,0.68,0.68,0.82,0.84,0.39,0.37,0.77,0.64,1.00,0.84,0.85,0.73,0.85,0.77,0.72,0.68,0.81,0.77,1.10,0.77,0.72,0.73,0.46,0.41,0.46,0.84,0.50,0.50,0.67,0.72,0.59,0.72,0.68,0.44,0.72,0.71,0.34,0.34,0.67,0.34,1.04,0.71,0.69,0.72,0.72,0.49,0.60,0.48,0.71,0.65,0.92,0.65,0.65,0.58,0.71,0.55,0.71,0.84];
const ARABIC_REGULAR = 0.7;
const ARABIC_BOLD = 0.8;
const OTHER = 0.8;

/** What vega passes: a scenegraph item (its font size and weight, its text limit) and the text. */
interface TextItem {
  fontSize?: number | string | null;
  fontWeight?: number | string | null;
  limit?: number;
}

/** Width in pixels of `text` as `item` draws it (never more than its limit, when it has one). */
export function textWidth(item: TextItem, text: unknown): number {
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
  const weight = item.fontWeight;
  const bold = weight === 'bold' || weight === 'bolder' || (typeof weight === 'number' && weight >= 600) || (typeof weight === 'string' && Number(weight) >= 600);
  const ascii = bold ? ASCII_BOLD : ASCII_REGULAR;
  const arabic = bold ? ARABIC_BOLD : ARABIC_REGULAR;
  const value = text == null ? '' : String(text).trim();
  let em = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    em += code >= 32 && code < 127 ? ascii[code - 32]! : code >= 0x600 && code <= 0x6ff ? arabic : OTHER;
  }
  const width = Math.ceil(em * size);
  return item.limit !== undefined && item.limit > 0 ? Math.min(width, item.limit) : width;
}
