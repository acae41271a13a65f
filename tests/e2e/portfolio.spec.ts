// The portfolio check in the built extension: a broker's export gives exactly the right rows and
// summary, the CSV export reads back to what the page shows, bad files change nothing, a kept
// report can be deleted, and "Check holdings on this page" agrees with the popup. Saves
// screenshots (light, dark, print) to test-results/screenshots.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { recordsFromCsv } from '../../lib/portfolio/report-csv';
import { ROOT, expect, openPopupFor, tabIdOf, test } from './fixtures';

const SHOTS = join(ROOT, 'test-results/screenshots');
mkdirSync(SHOTS, { recursive: true });
const FIXTURES = join(ROOT, 'tests/fixtures/portfolio');

/** The Schwab fixture, as a reader sees the report: status and company of each row, in order. */
const SCHWAB_ROWS = [
  'prohibited china-unicom-hong-kong-limited',
  'prohibited lukoil',
  // EO 14071: US persons may not buy new or existing Russian securities (OFAC FAQ 1054).
  'prohibited gazprom',
  'caution hesai-group',
  'check -',
  'formerly-listed xiaomi-corporation',
  'clear -',
  'clear -',
  'clear -',
  'clear -',
];

async function rowsOf(page: Page): Promise<string[]> {
  return page.getByTestId('holding').evaluateAll((items) => items.map((item) => `${item.getAttribute('data-status')} ${item.getAttribute('data-entity-id') ?? '-'}`));
}

/** axe-core's WCAG A/AA rules on the page as it is now (evaluated over the debugger protocol, so the page's CSP does not apply). */
async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.evaluate(readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ passes: unknown[]; violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
    // An empty answer must mean "no violation", not "nothing was checked".
    if (result.passes.length < 10) return [`axe checked only ${result.passes.length} rules`];
    return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 5).join(', ')}`);
  });
}

async function openPortfolio(page: Page, extensionId: string, query = ''): Promise<void> {
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.goto(`chrome-extension://${extensionId}/portfolio.html${query}`);
  await expect(page.locator('#positions-file')).toBeEnabled();
}

test('a Schwab export: every severity, a formerly listed company and unlisted ones, in order, with the summary; CSV export round-trips', async ({ extension, page, pageErrors }) => {
  await openPortfolio(page, extension.extensionId);
  await page.locator('#positions-file').setInputFiles(join(FIXTURES, 'schwab-positions.csv'));
  await expect(page.getByTestId('holding')).toHaveCount(10);
  expect(await rowsOf(page)).toEqual(SCHWAB_ROWS);
  await expect(page.getByTestId('summary')).toHaveText('3 prohibited · 0 restricted · 1 caution · 1 to check · 5 clear (1 formerly listed)');

  const unicom = page.locator('[data-testid="holding"][data-entity-id="china-unicom-hong-kong-limited"]');
  await expect(unicom).toContainText('by ticker “CHU” in column Symbol');
  await expect(unicom).toContainText('Divest by Jun 3, 2022: passed');
  await expect(unicom).toContainText('NS-CMIC');
  const xiaomi = page.locator('[data-testid="holding"][data-entity-id="xiaomi-corporation"]');
  await expect(xiaomi).toContainText('Formerly listed');
  await expect(xiaomi).toContainText('Vacated by court');
  await expect(xiaomi.locator('.rulings li')).toHaveCount(2);
  const check = page.locator('[data-testid="holding"][data-status="check"]');
  await expect(check).toContainText('CHU KONG SHIPPING ENTERPRISES');
  await expect(check).toContainText('Check which security this is');
  await expect(page.locator('[data-testid="holding"][data-status="clear"]').first()).toContainText('as of');

  await page.screenshot({ path: join(SHOTS, 'portfolio-light.png'), fullPage: true });
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.screenshot({ path: join(SHOTS, 'portfolio-report.png'), fullPage: true, clip: { x: 0, y: 0, width: 1000, height: 1400 } });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: join(SHOTS, 'portfolio-dark.png'), fullPage: true });
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light', media: 'print' });
  await expect(page.locator('.intake')).toBeHidden();
  await expect(page.locator('.actions')).toBeHidden();
  await page.screenshot({ path: join(SHOTS, 'portfolio-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^portfolio-check-\d{4}-\d{2}-\d{2}\.csv$/);
  const records = recordsFromCsv(readFileSync(await download.path(), 'utf8'));
  expect(records.map((record) => `${record.Status.toLowerCase().replace(' ', '-')} ${record['Entity id'] || '-'}`)).toEqual(SCHWAB_ROWS);
  const shown = await page.getByTestId('holding').evaluateAll((items) => items.map((item) => item.querySelector('.verdict')?.textContent ?? ''));
  expect(records.map((record) => record['Meaning for a US person'])).toEqual(shown);

  // The exported report, picked again, is read back to the same listed companies.
  await page.locator('#positions-file').setInputFiles({ name: download.suggestedFilename(), mimeType: 'text/csv', buffer: readFileSync(await download.path()) });
  await expect(page.getByRole('status')).toContainText(/^Checked 10 holdings from portfolio-check-/);
  const again = await rowsOf(page);
  expect(again.filter((row) => !row.endsWith(' -'))).toEqual(SCHWAB_ROWS.filter((row) => !row.endsWith(' -')));
  expect(pageErrors).toEqual([]);
});

test('bad files get a clear message and leave the report as it was; a kept report can be deleted', async ({ extension, context, page }) => {
  await page.goto(`chrome-extension://${extension.extensionId}/options.html`);
  const [opened] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: 'Portfolio check' }).click()]);
  await expect(opened.getByRole('heading', { name: 'Portfolio check', level: 1 })).toBeVisible();
  await opened.close();
  await openPortfolio(page, extension.extensionId);
  await page.locator('#positions-file').setInputFiles(join(FIXTURES, 'fidelity-positions.csv'));
  await expect(page.getByTestId('holding')).toHaveCount(4);
  const before = await rowsOf(page);

  await page.locator('#positions-file').setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
  await expect(page.getByTestId('problem')).toHaveText('empty.csv: The file is empty: there are no positions to check.');
  await page.locator('#positions-file').setInputFiles({ name: 'Positions.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) });
  await expect(page.getByTestId('problem')).toContainText('Save As');
  await page.locator('#positions-file').setInputFiles({ name: 'history.csv', mimeType: 'text/csv', buffer: Buffer.from('Date,Amount\n2026-11-01,10\n') });
  await expect(page.getByTestId('problem')).toContainText('No column of ticker symbols, ISINs, CUSIPs or company names');
  expect(await rowsOf(page)).toEqual(before);

  await page.getByRole('button', { name: 'Keep on this device' }).click();
  await expect(page.getByRole('button', { name: 'Delete kept report' })).toBeVisible();
  const stored = () => page.evaluate(async () => Object.keys(await chrome.storage.local.get('portfolio:lastReport')).length);
  expect(await stored()).toBe(1);
  await page.reload();
  await expect(page.getByTestId('holding')).toHaveCount(4);
  await expect(page.getByRole('status')).toContainText('Showing the report you kept');
  await page.getByRole('button', { name: 'Delete kept report' }).click();
  await expect(page.getByRole('status')).toContainText('deleted');
  expect(await stored()).toBe(0);

  // Pasted rows from a broker's screen.
  await page.locator('#pasted-rows').fill(readFileSync(join(FIXTURES, 'pasted-rows.tsv'), 'utf8'));
  await page.getByRole('button', { name: 'Check pasted rows' }).click();
  expect(await rowsOf(page)).toEqual(['caution tencent-holdings-limited', 'formerly-listed xiaomi-corporation', 'clear -']);
});

test('"Check holdings on this page" from the popup finds the companies the popup lists, in the rows they stand in', async ({ extension, context, page, server }) => {
  await page.goto(server.url('/brokerage-positions.html'));
  const popup = await openPopupFor(context, extension.extensionId, extension.worker, page);
  await expect(popup.getByTestId('finding').first()).toBeVisible();
  const findings = (await popup.getByTestId('finding').evaluateAll((items) => items.map((item) => item.getAttribute('data-entity-id') ?? ''))).sort();
  expect(findings.length).toBeGreaterThan(0);

  const tabId = await tabIdOf(extension.worker, page);
  const link = popup.getByRole('link', { name: 'Check holdings on this page' });
  await expect(link).toHaveAttribute('href', new RegExp(`portfolio\\.html\\?tab=${tabId}$`));
  await link.scrollIntoViewIfNeeded();
  await popup.screenshot({ path: join(SHOTS, 'popup-holdings-link.png') });
  const [report] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await report.waitForLoadState();
  await expect(report.getByTestId('holding')).toHaveCount(6);
  const matched = [...new Set((await rowsOf(report)).filter((row) => !row.endsWith(' -')).map((row) => row.split(' ')[1]))].sort();
  expect(matched).toEqual(findings);
  await expect(report.getByTestId('summary')).toContainText('prohibited');
  await expect(report.locator('[data-testid="holding"][data-entity-id="china-mobile-limited"]')).toHaveCount(2);
  await report.setViewportSize({ width: 1000, height: 900 });
  await report.screenshot({ path: join(SHOTS, 'portfolio-page-check.png'), fullPage: true });
});
