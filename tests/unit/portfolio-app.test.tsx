// @vitest-environment happy-dom
// The portfolio page with a fake extension: a file is checked in the page, a bad one leaves the
// report as it was, the page check explains when there is no table, and a kept report comes back.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PortfolioApi } from '../../components/portfolio/api';
import { PortfolioApp, parseParams } from '../../components/portfolio/PortfolioApp';
import { KEPT_REPORT_KEY } from '../../lib/portfolio/keep';
import { dataset, fixtureBytes, NOW } from './portfolio-helpers';

function fakeApi(overrides: Partial<PortfolioApi> = {}) {
  const store: Record<string, unknown> = {};
  const api: PortfolioApi = {
    dataset: async () => dataset,
    palette: async () => 'colorblind-safe',
    keptArea: {
      get: async (key) => (key in store ? { [key]: store[key] } : {}),
      set: async (items) => void Object.assign(store, items),
      remove: async (key) => void delete store[key],
    },
    pageTables: vi.fn(async () => Promise.reject(new Error('No table on that page holds the flagged companies.'))),
    download: vi.fn(),
    print: vi.fn(),
    ...overrides,
  };
  return { api, store };
}

function pick(bytes: Uint8Array, name: string) {
  const input = document.getElementById('positions-file') as HTMLInputElement;
  const file = new File([bytes as Uint8Array<ArrayBuffer>], name, { type: 'text/csv' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

const statuses = () => screen.queryAllByTestId('holding').map((item) => `${item.getAttribute('data-status')} ${item.getAttribute('data-entity-id') ?? '-'}`);

afterEach(cleanup);

/** Opens the page (no tab: the file check) and waits until it can take a file. */
async function openPage(api: PortfolioApi) {
  render(<PortfolioApp api={api} now={() => NOW} />);
  await waitFor(() => expect((document.getElementById('positions-file') as HTMLInputElement).disabled).toBe(false));
}

/** Opens the page, checks a fixture export and waits for its report rows. */
async function checkExport(api: PortfolioApi, fixture: string, name: string, rows: number) {
  await openPage(api);
  pick(fixtureBytes(fixture), name);
  await waitFor(() => expect(statuses()).toHaveLength(rows));
}

/** Keeps the report on screen and waits until it is stored. */
async function keepShown(store: Record<string, unknown>) {
  fireEvent.click(screen.getByRole('button', { name: 'Keep on this device' }));
  await waitFor(() => expect(store[KEPT_REPORT_KEY]).toBeDefined());
}

describe('portfolio page', () => {
  it('checks a picked file, and a bad file afterwards changes nothing but says why', async () => {
    const { api } = fakeApi();
    await openPage(api);
    pick(fixtureBytes('fidelity-positions.csv'), 'Portfolio_Positions.csv');
    await waitFor(() => expect(statuses()).toEqual(['prohibited china-mobile-limited', 'caution baidu-inc', 'clear -', 'clear -']));
    expect(screen.getByTestId('summary').textContent).toBe('1 prohibited · 0 restricted · 1 caution · 2 clear');
    // The report says how old the lists behind it are, as the popup does (the fixture's OFAC file is of Jan 8, 2026).
    expect(screen.getByTestId('report-old-data').textContent).toMatch(/^Lists as of Jan 8, 2026 \(\d+ days old\); check the official lists before you trade\. Changes made to the lists after that date may be missing/);
    // Each holding's chip says what the popup and hover card say of the company.
    expect(screen.getAllByTestId('holding').map((row) => row.querySelector('.status-chip')!.textContent)).toEqual(['Buying banned', 'Caution', 'Clear', 'Clear']);

    pick(new Uint8Array(), 'empty.csv');
    await waitFor(() => expect(screen.getByTestId('problem').textContent).toBe('empty.csv: The file is empty: there are no positions to check.'));
    expect(statuses()).toHaveLength(4);

    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(api.download).toHaveBeenCalledWith('portfolio-check-2026-12-01.csv', expect.stringContaining('Prohibited,CHL,CHINA MOBILE LTD SPONSORED ADR'), 'text/csv;charset=utf-8');
  });

  it('pasting nothing asks for rows instead of showing an empty report', async () => {
    const { api } = fakeApi();
    render(<PortfolioApp api={api} />);
    await waitFor(() => expect((screen.getByRole('button', { name: 'Check pasted rows' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Check pasted rows' }));
    expect(screen.getByTestId('problem').textContent).toMatch(/nothing to check/);
    expect(statuses()).toEqual([]);
  });

  it('keeps the report only when asked, shows it again on the next visit, and deletes it', async () => {
    const { api, store } = fakeApi();
    await checkExport(api, 'vanguard-download.csv', 'OfxDownload.csv', 3);
    expect(store[KEPT_REPORT_KEY]).toBeUndefined();
    await keepShown(store);
    cleanup();

    render(<PortfolioApp api={api} />);
    await waitFor(() => expect(statuses()).toEqual(['caution alibaba-group-holding-limited', 'clear -', 'clear -']));
    fireEvent.click(screen.getByRole('button', { name: 'Delete kept report' }));
    await waitFor(() => expect(store[KEPT_REPORT_KEY]).toBeUndefined());
  });

  it('the page check says so when the page has no positions table', async () => {
    const { api } = fakeApi();
    expect(parseParams('?tab=12')).toEqual({ tabId: 12 });
    render(<PortfolioApp api={api} tabId={12} />);
    await waitFor(() => expect(screen.getByTestId('problem').textContent).toBe('The page: No table on that page holds the flagged companies.'));
    expect(api.pageTables).toHaveBeenCalledWith(12);
  });

  it('refuses a file over the cap by its size, without reading it, and keeps the report on screen', async () => {
    const { api } = fakeApi();
    await checkExport(api, 'fidelity-positions.csv', 'Portfolio_Positions.csv', 4);

    const input = document.getElementById('positions-file') as HTMLInputElement;
    const huge = new File(['x'], 'everything.csv', { type: 'text/csv' });
    Object.defineProperty(huge, 'size', { value: 2 * 1024 ** 3 });
    const read = vi.spyOn(huge, 'arrayBuffer');
    Object.defineProperty(input, 'files', { value: [huge], configurable: true });
    fireEvent.change(input);
    await waitFor(() => expect(screen.getByTestId('problem').textContent).toMatch(/^everything\.csv: The file is 2048\.0 MB; the portfolio check reads files up to 5\.0 MB/));
    expect(read).not.toHaveBeenCalled();
    expect(statuses()).toHaveLength(4);
  });

  it('a new report after a kept one can be kept in its place, and the kept one can still be deleted', async () => {
    const { api, store } = fakeApi();
    await checkExport(api, 'vanguard-download.csv', 'OfxDownload.csv', 3);
    await keepShown(store);
    const keptFirst = store[KEPT_REPORT_KEY];

    // A second file: its report is not the kept one, so the page offers to keep it and says the
    // earlier one is still stored, with a way to delete it.
    pick(fixtureBytes('fidelity-positions.csv'), 'Portfolio_Positions.csv');
    await waitFor(() => expect(statuses()).toHaveLength(4));
    expect(screen.getByTestId('kept-elsewhere').textContent).toMatch(/A report you kept on .+ is stored on this device/);
    expect(screen.getByRole('button', { name: 'Keep on this device' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Delete kept report' }));
    await waitFor(() => expect(store[KEPT_REPORT_KEY]).toBeUndefined());
    expect(screen.queryByTestId('kept-elsewhere')).toBeNull();
    expect(statuses()).toHaveLength(4);

    // Keeping the second one replaces nothing now; keeping again after a third would replace it.
    await keepShown(store);
    expect(store[KEPT_REPORT_KEY]).not.toBe(keptFirst);
    expect((store[KEPT_REPORT_KEY] as { rows: unknown[] }).rows).toHaveLength(4);
  });

  it('the page check leaves a kept report stored but offers to delete it', async () => {
    const { api, store } = fakeApi();
    await checkExport(api, 'vanguard-download.csv', 'OfxDownload.csv', 3);
    await keepShown(store);
    cleanup();

    render(<PortfolioApp api={api} tabId={12} />);
    await waitFor(() => expect(screen.getByTestId('kept-elsewhere')).toBeTruthy());
    expect(statuses()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Delete kept report' }));
    await waitFor(() => expect(store[KEPT_REPORT_KEY]).toBeUndefined());
  });
});
