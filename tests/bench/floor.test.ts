import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { measureFloor } from '../../bench/lib/floor.js';

const scratch = mkdtempSync(join(tmpdir(), 'framescope-floor-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('measureFloor', () => {
  it('reads every file below the folder, dot files excepted, and counts word tokens of letters and digits', () => {
    mkdirSync(join(scratch, 'pages'));
    writeFileSync(join(scratch, 'a.jsonl'), '{"text": "Kyiv, 2024: talks-resume."}\n');
    writeFileSync(join(scratch, 'pages', 'b.txt'), 'وقال لافروف إن نظام كييف\n');
    writeFileSync(join(scratch, '.bench-corpus.json'), '{"ignored": "words here"}');
    const floor = measureFloor(scratch);
    // text, Kyiv, 2024, talks, resume + وقال لافروف إن نظام كييف
    expect(floor.tokens).toBe(10);
    expect(floor.bytes).toBe(Buffer.byteLength('{"text": "Kyiv, 2024: talks-resume."}\n') + Buffer.byteLength('وقال لافروف إن نظام كييف\n'));
    expect(floor.ms).toBeGreaterThanOrEqual(0);
  });
});
