/**
 * Labels for a scatter plot that do not cover each other: a greedy placement in pixel space, in
 * the spirit of the candidate-position methods of point-feature labelling (Christensen, Marks &
 * Shieber, ACM TOG 14(3), 1995: try a fixed set of positions per point, keep the first free one).
 * Each label first tries the point's own line, to the right of the point (to the left first when
 * it would run off the plot's right edge from a point in the right half), then the other side;
 * then lines further up and down on those sides (nearest first, as far as the plot reaches),
 * joined to its point by a leader line. A label with no free place keeps its first position
 * (overlap then, never a lost label).
 * Deterministic: points are placed top to bottom, ties by name.
 */
import { textWidth } from './text-width.js';

export interface LabelPoint {
  label: string;
  /** Pixel position inside the plot, y down. */
  px: number;
  py: number;
}

export interface PlacedLabel {
  label: string;
  /** The label's anchor, in pixels: its text starts (`left`) or ends (`right`) there, centred on `y`. */
  x: number;
  y: number;
  align: 'left' | 'right';
  /** Whether a leader line joins the label to its point (it left the point's line). */
  leader: boolean;
}

export interface PlotBox {
  width: number;
  height: number;
  fontSize: number;
}

/** Gap between a point and its label's near end, in pixels. */
const GAP = 8;
/** A point's radius for collisions (the map draws 70 px² points: radius ~4.7). */
const POINT_RADIUS = 5;

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The height of a label's line for `fontSize`. */
export function labelLine(fontSize: number): number {
  return Math.ceil(fontSize * 1.25);
}

/** Place every point's label (same order as `points`). */
export function placeLabels(points: readonly LabelPoint[], plot: PlotBox): PlacedLabel[] {
  const line = labelLine(plot.fontSize);
  const pointBoxes: Box[] = points.map((p) => ({ x0: p.px - POINT_RADIUS, y0: p.py - POINT_RADIUS, x1: p.px + POINT_RADIUS, y1: p.py + POINT_RADIUS }));
  const taken: Box[] = [];
  const order = points.map((_, i) => i).sort((a, b) => points[a]!.py - points[b]!.py || (points[a]!.label < points[b]!.label ? -1 : 1));
  const placed: PlacedLabel[] = new Array(points.length);
  for (const i of order) {
    const p = points[i]!;
    const width = textWidth({ fontSize: plot.fontSize }, p.label);
    const sides: ('left' | 'right')[] = p.px + GAP + width <= plot.width || p.px < plot.width / 2 ? ['right', 'left'] : ['left', 'right'];
    const boxAt = (align: 'left' | 'right', y: number): Box => {
      const x0 = align === 'right' ? p.px + GAP : p.px - GAP - width;
      return { x0, y0: y - line / 2, x1: x0 + width, y1: y + line / 2 };
    };
    const free = (box: Box): boolean =>
      box.x0 >= 0 && box.x1 <= plot.width && box.y0 >= 0 && box.y1 <= plot.height && !taken.some((t) => overlaps(t, box)) && !pointBoxes.some((t) => overlaps(t, box));
    let chosen: { align: 'left' | 'right'; y: number } | undefined;
    // Every line of the plot, nearest first.
    const steps = Math.ceil(plot.height / line);
    search: for (let step = 0; step <= steps; step++) {
      for (const dy of step === 0 ? [0] : [-step * line, step * line]) {
        for (const align of sides) {
          if (free(boxAt(align, p.py + dy))) {
            chosen = { align, y: p.py + dy };
            break search;
          }
        }
      }
    }
    const { align, y } = chosen ?? { align: sides[0]!, y: p.py };
    taken.push(boxAt(align, y));
    // `align` names the side of the point the label is on; the text is anchored at its near end.
    placed[i] = { label: p.label, x: align === 'right' ? p.px + GAP : p.px - GAP, y, align: align === 'right' ? 'left' : 'right', leader: y !== p.py };
  }
  return placed;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}
