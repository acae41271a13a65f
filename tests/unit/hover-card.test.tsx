// @vitest-environment happy-dom
// The hover card as rendered: dates of open and closed listings, and its two actions.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, expect, it, vi } from 'vitest';
import { HoverCard } from '../../components/hover-card/HoverCard';
import type { CardModel } from '../../components/hover-card/card-model';

afterEach(cleanup);

const model = {
  entityId: 'xiaomi-corporation',
  name: 'Xiaomi Corporation',
  key: 'historical',
  effect: 'A court vacated this listing.',
  listings: [
    { listName: 'DoD 1237', status: 'vacated', since: '2021-01-14', until: '2021-05-25' },
    { listName: 'Entity List', status: 'active', since: '2020-12-18' },
  ],
} as unknown as CardModel;

it('dates a closed listing from–to and an open one "since"', () => {
  render(<HoverCard model={model} palette="colorblind-safe" matched="Xiaomi" onDetails={() => {}} onNotThis={() => {}} onClose={() => {}} />);
  const [closed, open] = screen.getAllByTestId('card-listing');
  expect(closed.textContent).toContain('Jan 14, 2021 – May 25, 2021');
  expect(closed.textContent).not.toContain('since');
  expect(open.textContent).toContain('since Dec 18, 2020');
});

it('offers Details and "Not this company"', () => {
  const onDetails = vi.fn();
  const onNotThis = vi.fn();
  render(<HoverCard model={model} palette="colorblind-safe" matched="Xiaomi" onDetails={onDetails} onNotThis={onNotThis} onClose={() => {}} />);
  fireEvent.click(screen.getByRole('button', { name: 'Details' }));
  fireEvent.click(screen.getByRole('button', { name: 'Not this company' }));
  expect(onDetails).toHaveBeenCalledOnce();
  expect(onNotThis).toHaveBeenCalledOnce();
});
