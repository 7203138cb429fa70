import { describe, expect, it } from 'vitest';
import { loadVega } from '../../src/report/charts.js';
import { textWidth } from '../../src/report/text-width.js';

describe('textWidth (vega text metrics without a canvas)', () => {
  it('reserves at least what Noto Sans renders and less than vega’s 0.8 em a character', () => {
    // Noto Sans Regular advances of "special_military_operation" sum to 12.23 em (hmtx table).
    const label = 'special_military_operation';
    const width = textWidth({ fontSize: 10 }, label);
    expect(width).toBeGreaterThanOrEqual(123);
    expect(width).toBeLessThan(0.8 * label.length * 10 * 0.7);
  });

  it('counts bold wider, Arabic letters per letter, a limit as a cap, and 11 px without a size', () => {
    expect(textWidth({ fontSize: 12, fontWeight: 'bold' }, 'Outlet map')).toBeGreaterThan(textWidth({ fontSize: 12 }, 'Outlet map'));
    expect(textWidth({ fontSize: 12, fontWeight: 700 }, 'Outlet map')).toBe(textWidth({ fontSize: 12, fontWeight: 'bold' }, 'Outlet map'));
    expect(textWidth({ fontSize: 10 }, 'روسيا اليوم')).toBeGreaterThan(textWidth({ fontSize: 10 }, 'روسيا'));
    expect(textWidth({ fontSize: 10, limit: 50 }, 'special_military_operation')).toBe(50);
    expect(textWidth({}, 'kiev')).toBe(textWidth({ fontSize: 11 }, 'kiev'));
    expect(textWidth({ fontSize: 10 }, '  kiev  ')).toBe(textWidth({ fontSize: 10 }, 'kiev'));
    expect(textWidth({ fontSize: 10 }, null)).toBe(0);
  });

  it('is what vega measures with once the charts have loaded it', async () => {
    const [vega] = await loadVega();
    expect((vega as unknown as { textMetrics: { width: unknown } }).textMetrics.width).toBe(textWidth);
  });
});
