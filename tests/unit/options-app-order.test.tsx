// @vitest-environment happy-dom
// The options page's lists when reads of the active list answer out of order: the latest read wins.
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Dataset } from '../../lib/dataset/types';
import { makeDataset } from './feed-helpers';

const reads: { resolve: (dataset: Dataset) => void }[] = [];
let heard: (() => void) | undefined;
vi.mock('../../lib/dataset/store', () => ({
  getActiveDataset: () => new Promise<Dataset>((resolve) => reads.push({ resolve })),
  watchActiveDataset: (callback: () => void) => ((heard = callback), () => undefined),
}));
const { OptionsApp } = await import('../../components/options/OptionsApp');

afterEach(cleanup);

describe('options page: lists after an update', () => {
  it('shows the list read after the update even when the first read answers last', async () => {
    const older = makeDataset('2026.11.20.1');
    const newer: Dataset = { ...makeDataset('2026.11.25.1'), lists: [...older.lists, { ...older.lists[0], id: 'newly-tracked', name: 'Newly Tracked List', shortName: 'Newly Tracked' }] };
    render(<OptionsApp />);
    await waitFor(() => expect(reads).toHaveLength(1));
    heard!();
    expect(reads).toHaveLength(2);
    reads[1].resolve(newer);
    await waitFor(() => expect(screen.getByTestId('lists').textContent).toContain('Newly Tracked List'));
    reads[0].resolve(older);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.getByTestId('lists').textContent).toContain('Newly Tracked List');
  });
});
