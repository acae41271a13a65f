// Shared by the portfolio tests: the fixture dataset (no programs, like today's data) and readers for the fixture exports.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '../../lib/dataset/types';
import { checkPositionsFile } from '../../lib/portfolio/check';
import { createHoldingIdentifier } from '../../lib/portfolio/identify';

// From the project root (Vitest's root), so DOM test environments with their own URL class read it too.
export const FIXTURES = join(process.cwd(), 'tests/fixtures/portfolio/');
export const dataset = JSON.parse(readFileSync(`${FIXTURES}dataset.json`, 'utf8')) as Dataset;
export const identifier = createHoldingIdentifier(dataset);
export const NOW = new Date('2026-12-01T12:00:00Z');

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(`${FIXTURES}${name}`));
}

export function checkFixture(name: string, data: Dataset = dataset) {
  const result = checkPositionsFile(fixtureBytes(name), data, data === dataset ? identifier : createHoldingIdentifier(data), { source: name, now: NOW });
  if (!result.ok) throw new Error(result.problem);
  return result.report;
}

/** "status symbol entity" per row, in report order: what a reader sees in the list. */
export function outline(report: ReturnType<typeof checkFixture>): string[] {
  return report.rows.map((row) => [row.status, row.symbol ?? row.isin ?? row.name, row.entityId ?? '-'].join(' '));
}
