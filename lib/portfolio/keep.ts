// The last report, kept on this device only when the user asks (storage.local), and deleted when
// they ask. Nothing else of a positions file is ever stored.
import type { Report } from './report';

export const KEPT_REPORT_KEY = 'portfolio:lastReport';

export interface ReportArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

/** A stored value is only shown when it still has a report's shape (an older version may have written another). */
function isReport(value: unknown): value is Report {
  if (!value || typeof value !== 'object') return false;
  const report = value as Report;
  return Array.isArray(report.rows) && typeof report.createdAt === 'string' && typeof report.summary === 'object' && report.summary !== null;
}

export async function loadKeptReport(area: ReportArea): Promise<Report | undefined> {
  const stored = await area.get(KEPT_REPORT_KEY);
  const value = stored[KEPT_REPORT_KEY];
  return isReport(value) ? value : undefined;
}

export async function keepReport(area: ReportArea, report: Report): Promise<void> {
  await area.set({ [KEPT_REPORT_KEY]: report });
}

export async function deleteKeptReport(area: ReportArea): Promise<void> {
  await area.remove(KEPT_REPORT_KEY);
}
