// @vitest-environment happy-dom
// The options page over the extension's storage: the lists it offers come from the active list and
// follow an update applied while the page is open.
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '../../components/options/OptionsApp';
import { ACTIVE_DATASET_KEY, DATASET_ORIGIN_KEY, encodeStoredDataset } from '../../lib/dataset/store';
import type { Dataset } from '../../lib/dataset/types';
import { makeDataset } from './feed-helpers';

// Checked on read like any stored copy, so a complete list (the store refuses a damaged one).
const dataset = makeDataset('2026.11.20.1');
const listNames = () => [...screen.getByTestId('lists').querySelectorAll('li')].map((row) => row.textContent ?? '');

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('options page: lists to flag', () => {
  it('offers the lists of the active list data, and a list an update adds while the page is open', async () => {
    await fakeBrowser.storage.local.set({ [ACTIVE_DATASET_KEY]: encodeStoredDataset(dataset), [DATASET_ORIGIN_KEY]: 'bundled' });
    render(<OptionsApp />);
    await waitFor(() => expect(listNames().length).toBe(dataset.lists.length));
    expect(listNames().join(' ')).toContain('Non-SDN Chinese Military-Industrial Complex Companies List');
    expect(listNames().join(' ')).not.toContain('Newly Tracked List');
    // A list's own severity is not the whole story for a Russian issuer: the page says why it reads stricter.
    expect(screen.getByTestId('lists-note').textContent).toMatch(/Russian issuer on the SSI or NS-MBS list shows as “Buying banned”, because EO 14071/);
    const updated: Dataset = {
      ...dataset,
      version: '2026.11.25.1',
      lists: [...dataset.lists, { ...dataset.lists[0], id: 'newly-tracked', name: 'Newly Tracked List', shortName: 'Newly Tracked' }],
    };
    await fakeBrowser.storage.local.set({ [ACTIVE_DATASET_KEY]: encodeStoredDataset(updated) });
    await waitFor(() => expect(listNames().join(' ')).toContain('Newly Tracked List'));
    expect(listNames()).toHaveLength(dataset.lists.length + 1);
  });
});
