// Assert that a report folder holds every output file of CONTRACT.md, each non-empty.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const REQUIRED = [
  'articles.jsonl', 'articles.csv', 'matches.csv', 'outlets.csv', 'outlet_concepts.csv', 'contrasts.csv',
  'keyness.csv', 'clusters.csv', 'events.csv', 'versions.csv', 'skipped.csv', 'report.md', 'run.json',
];
const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/check-outputs.mjs <report-dir>');
  process.exit(1);
}
const missing = REQUIRED.filter((name) => {
  try {
    return statSync(join(dir, name)).size === 0;
  } catch {
    return true;
  }
});
const svgs = readdirSync(dir).filter((name) => name.endsWith('.svg'));
if (svgs.length === 0) missing.push('*.svg (charts)');
if (missing.length > 0) {
  console.error(`${dir}: missing or empty: ${missing.join(', ')}`);
  process.exit(1);
}
console.log(`${dir}: all ${REQUIRED.length} files and ${svgs.length} charts present and non-empty`);
