// Writes a dataset as JSON with one entity (and one ruling, list, source) per line: small enough to
// ship, and a data update shows up in git as a readable line-per-company diff.
import type { Dataset } from '../../lib/dataset/types';

export function serializeDataset(dataset: Dataset): string {
  const rows = (items: unknown[]) => (items.length ? `[\n${items.map((i) => JSON.stringify(i)).join(',\n')}\n]` : '[]');
  const head = {
    schemaVersion: dataset.schemaVersion,
    version: dataset.version,
    generatedAt: dataset.generatedAt,
    ...(dataset.oldestSourceAsOf ? { oldestSourceAsOf: dataset.oldestSourceAsOf } : {}),
    ...(dataset.oldestSourceId ? { oldestSourceId: dataset.oldestSourceId } : {}),
  };
  const parts = Object.entries(head).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
  parts.push(`"sources":${rows(dataset.sources)}`);
  parts.push(`"lists":${rows(dataset.lists)}`);
  if (dataset.programs) parts.push(`"programs":${rows(dataset.programs)}`);
  parts.push(`"entities":${rows(dataset.entities)}`);
  parts.push(`"rulings":${rows(dataset.rulings)}`);
  return `{${parts.join(',\n')}}\n`;
}
