// @vitest-environment happy-dom
// The hover card and the findings panel as rendered: what a listing means (the program's line when
// the data has programs, the list's effect when not), divest-by passed or days left, formerly
// listed and watchlist names without a severity, and "Not this company" asking first on a
// prohibited company.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FindingsPanel } from '../../components/hover-card/FindingsPanel';
import { HoverCard, IgnoredNotice } from '../../components/hover-card/HoverCard';
import { cardModel } from '../../components/hover-card/card-model';
import { panelEntries } from '../../components/hover-card/panel-model';
import { programIndex } from '../../lib/dataset/effect';
import { listIndex } from '../../lib/dataset/severity';
import type { Dataset, Ruling } from '../../lib/dataset/types';
import { rulingEffect } from '../../components/ruling-effect';
import type { Finding } from '../../lib/messaging';
import plain from '../fixtures/popup/dataset.json';
import withPrograms from '../fixtures/popup/programs-dataset.json';

afterEach(cleanup);

const NOW = new Date('2026-12-01T12:00:00Z');

function modelOf(data: Dataset, id: string, key: 'prohibited' | 'historical' | 'caution' = 'prohibited') {
  const entity = data.entities.find((e) => e.id === id)!;
  const rulings = new Map(data.rulings.map((ruling) => [ruling.id, ruling]));
  return cardModel(entity, key, { lists: listIndex(data), programs: programIndex(data) }, rulings, { asOf: '2026-01-08', now: NOW });
}

function card(model: ReturnType<typeof modelOf>, handlers: Partial<{ onDetails: () => void; onNotThis: () => void; onConfirmToggle: (open: boolean) => void }> = {}) {
  return render(
    <HoverCard
      model={model}
      palette="colorblind-safe"
      matched="China Mobile"
      site="news.example"
      onDetails={handlers.onDetails ?? (() => {})}
      onNotThis={handlers.onNotThis ?? (() => {})}
      onClose={() => {}}
      onConfirmToggle={handlers.onConfirmToggle}
    />,
  );
}

describe('hover card', () => {
  it('with programs: the program’s line, buy / hold / sell, and the divest-by date marked passed', () => {
    card(modelOf(withPrograms as Dataset, 'china-mobile-limited'));
    expect(screen.getByTestId('card-effect').textContent).toBe('US persons may not buy its publicly traded securities; holding them is allowed.');
    expect(screen.getByTestId('card-permissions').textContent).toBe('Buy: not allowed · Hold: allowed · Sell: needs an OFAC licence');
    expect(screen.getByTestId('card-dates').textContent).toContain('NS-CMIC: in effect since Aug 2, 2021');
    expect(screen.getByTestId('card-dates').textContent).toContain('Divest by Jun 3, 2022 (passed)');
    expect(screen.getByTestId('card-severity').textContent).toBe('Buying banned');
    // The date behind the warning comes with its age, as in the popup, and old data says to check.
    expect(screen.getByTestId('card-foot').textContent).toMatch(/^Lists as of Jan 8, 2026 \(\d+ days old\); check the official lists before you trade\. /);
    expect(screen.getByTestId('card-foot').textContent).toContain('Information, not legal advice');
  });

  it('with programs: an open divestment window counts the days left; SDN blocking reads as blocked', () => {
    const future = modelOf(withPrograms as Dataset, 'future-divest-co');
    expect(future.dates).toContain('Divest by Nov 1, 2027 (335 days left)');
    const sber = modelOf(withPrograms as Dataset, 'sberbank');
    expect(sber.chip).toBe('Blocked');
    expect(sber.permissions).toBe('Buy: not allowed · Hold: not allowed · Sell: needs an OFAC licence');
  });

  it('an SDN company reads as blocked even where the data lets holding stand, without the new-investment ban’s “selling is allowed” beside it', () => {
    const data = structuredClone(withPrograms) as Dataset;
    const sdn = data.programs!.find((p) => p.list === 'ofac-sdn')!;
    sdn.hold = 'allowed'; // frozen in place: kept, but not dealt in
    data.programs!.push({ ...sdn, id: 'eo14071', list: 'ofac-ns-mbs', buy: 'prohibited', hold: 'allowed', sell: 'allowed', summary: 'US persons may not buy its shares or bonds; selling them to a non-US person is allowed.' });
    data.entities.find((e) => e.id === 'sberbank')!.listings[0].programs!.push('eo14071');
    const sber = modelOf(data, 'sberbank');
    expect(sber.chip).toBe('Blocked');
    expect(sber.effect).toBe(sdn.summary);
    expect(sber.effect).not.toContain('selling them to a non-US person is allowed');
    expect(sber.permissions).toBe('Buy: not allowed · Hold: only frozen, reported to OFAC · Sell: needs an OFAC licence');
  });

  it('without programs: the list’s effect, first sentence, and no buy / hold / sell line', () => {
    card(modelOf(plain as Dataset, 'china-mobile-limited'));
    expect(screen.getByTestId('card-effect').textContent).toBe(
      "US persons may not buy or sell this company's publicly traded securities, or funds and derivatives that give exposure to them.",
    );
    expect(screen.queryByTestId('card-permissions')).toBeNull();
    expect(screen.getByTestId('card-dates').textContent).toContain('Divest by Jun 3, 2022 (passed)');
    expect(screen.getByTestId('card-severity').textContent).toBe('Buying banned');
  });

  it('a formerly listed company: a plain label, no severity chip, lists under “Formerly” with a short range', () => {
    card(modelOf(plain as Dataset, 'xiaomi-corporation', 'historical'));
    const mark = screen.getByTestId('card-severity');
    expect(mark.dataset.standing).toBe('formerly');
    expect(mark.className).toBe('plain-label');
    expect(screen.getByTestId('card-effect').textContent).toMatch(/^No current restriction on the US lists we track\. DoD 1237: vacated by a court on May 25, 2021\.$/);
    expect(screen.queryAllByTestId('card-listing')).toHaveLength(0);
    expect(screen.getByTestId('card-former').textContent).toBe('Formerly: DoD 1237 (vacated by court, Jan 14 – May 25, 2021)');
  });

  it('“Not this company” on a prohibited company asks first; keeping the warning does nothing', () => {
    const onNotThis = vi.fn();
    // The page UI places the card again when the question changes its height, once the question is shown.
    const onConfirmToggle = vi.fn((open: boolean) => expect(screen.queryByTestId('card-confirm') !== null).toBe(open));
    card(modelOf(plain as Dataset, 'china-mobile-limited'), { onNotThis, onConfirmToggle });
    expect(onConfirmToggle).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Not this company' }));
    expect(onNotThis).not.toHaveBeenCalled();
    expect(onConfirmToggle.mock.calls).toEqual([[true]]);
    const ask = screen.getByTestId('card-confirm');
    expect(ask.textContent).toContain('Stop warning about “China Mobile” on news.example?');
    fireEvent.click(within(ask).getByRole('button', { name: 'Keep the warning' }));
    expect(screen.queryByTestId('card-confirm')).toBeNull();
    expect(onConfirmToggle.mock.calls).toEqual([[true], [false]]);
    fireEvent.click(screen.getByRole('button', { name: 'Not this company' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, not this company' }));
    expect(onNotThis).toHaveBeenCalledOnce();
  });

  it('“Not this company” on a caution company acts at once; Details too', () => {
    const onNotThis = vi.fn();
    const onDetails = vi.fn();
    card(modelOf(plain as Dataset, 'hesai-group', 'caution'), { onNotThis, onDetails });
    fireEvent.click(screen.getByRole('button', { name: 'Details' }));
    fireEvent.click(screen.getByRole('button', { name: 'Not this company' }));
    expect(onDetails).toHaveBeenCalledOnce();
    expect(onNotThis).toHaveBeenCalledOnce();
  });

  it('the notice after ignoring says what and where, and offers Undo', () => {
    const onUndo = vi.fn();
    render(<IgnoredNotice name="China Mobile Limited" matched="China Mobile" site="news.example" onUndo={onUndo} onClose={() => {}} />);
    expect(screen.getByTestId('ignored-notice').textContent).toContain('“China Mobile” is no longer flagged as China Mobile Limited on news.example.');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(onUndo).toHaveBeenCalledOnce();
  });
});

describe('findings panel', () => {
  const data = withPrograms as Dataset;
  const found = (entityId: string, count: number): Finding => ({ entityId, texts: [entityId], kinds: ['name'], count });
  const describe_ = (id: string) => {
    const entity = data.entities.find((e) => e.id === id);
    return entity ? modelOf(data, id, id === 'xiaomi-corporation' ? 'historical' : id === 'hesai-group' ? 'caution' : 'prohibited') : undefined;
  };

  it('says as much as the card, in the popup’s order, and counts what other sites’ frames show without naming it', () => {
    const { entries, elsewhere } = panelEntries(
      [found('xiaomi-corporation', 5), found('hesai-group', 1)],
      { findings: [found('china-mobile-limited', 2), found('hesai-group', 1)], elsewhere: 2 },
      describe_,
    );
    expect(entries.map((entry) => entry.model.entityId)).toEqual(['china-mobile-limited', 'hesai-group', 'xiaomi-corporation']);
    render(<FindingsPanel entries={entries} elsewhere={elsewhere} asOf="2026-01-08" palette="colorblind-safe" onShow={() => {}} onDetails={() => {}} onClose={() => {}} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('2 companies with a listing in force, 1 more without one on this page');
    const [cmic, , xiaomi] = screen.getAllByTestId('panel-finding');
    expect(cmic.textContent).toContain('Buy: not allowed · Hold: allowed');
    expect(cmic.textContent).toContain('Divest by Jun 3, 2022 (passed)');
    expect(cmic.textContent).toContain('Mentioned 2 times');
    expect(within(xiaomi).getByTestId('card-severity').dataset.standing).toBe('formerly');
    expect(screen.getByTestId('panel-elsewhere').textContent).toBe('And 2 companies in embedded content from other sites; open the toolbar popup to see them.');
    // The court's latest word, as on the card: the panel is the keyboard's way to the same facts.
    expect(within(xiaomi).getByTestId('card-ruling').textContent).toContain('Vacated');
    expect(within(xiaomi).getByTestId('card-ruling-effect').textContent).toBe('The court vacated the listing.');
  });
});

describe('what a ruling did to the listing', () => {
  const court = 'US District Court for the District of Columbia';
  const ruling = (id: string, date: string, outcome: Ruling['outcome']): Ruling => ({
    id, caption: 'X v. Department of Defense', court, docket: '1:21-cv-1', judge: 'A', date, outcome, summary: '', url: 'https://www.courtlistener.com/docket/1/', entities: ['x'],
  });

  it('a case dismissed after DoD removed the listing says so, instead of reading as a loss for the company', () => {
    const dismissed = ruling('d', '2021-06-15', 'dismissed');
    const luokung = { rulings: ['d'], listings: [{ list: 'dod-1237', status: 'removed' as const, since: '2021-01-14', until: '2021-06-15', source: 'https://www.defense.gov/' }] };
    expect(rulingEffect(dismissed, luokung, new Map([['d', dismissed]]))).toBe('Case ended after the listing was removed (Jun 15, 2021)');
    // Dismissed while the listing stands: the chip says all there is.
    const standing = { rulings: ['d'], listings: [{ list: 'dod-1260h', status: 'active' as const, since: '2024-01-31', source: 'https://www.defense.gov/' }] };
    expect(rulingEffect(dismissed, standing, new Map([['d', dismissed]]))).toBeUndefined();
  });

  it('a pending appeal names what the lower court decided', () => {
    const upheld = ruling('u', '2025-07-11', 'upheld');
    const appeal = ruling('a', '2025-07-13', 'pending');
    const hesai = { rulings: ['u', 'a'], listings: [{ list: 'dod-1260h', status: 'active' as const, since: '2024-01-31', source: 'https://www.defense.gov/' }] };
    const all = new Map([['u', upheld], ['a', appeal]]);
    expect(rulingEffect(appeal, hesai, all)).toBe('Appeal pending; the lower court upheld the listing on Jul 11, 2025');
    expect(rulingEffect(appeal, { ...hesai, rulings: ['a'] }, all)).toBeUndefined();
  });

  it('the card shows the ruling’s effect under its outcome', () => {
    card(modelOf(plain as Dataset, 'xiaomi-corporation', 'historical'));
    expect(screen.getByTestId('card-ruling-effect').textContent).toBe('The court vacated the listing.');
  });
});

describe('card colours', () => {
  // axe leaves the card's contrast undecided (it floats over the page), so the tokens are checked here.
  it('keeps text at 4.5:1 on the card’s backgrounds, light and dark', async () => {
    const { CARD_CSS } = await import('../../components/hover-card/styles');
    const { contrastRatio } = await import('../../lib/settings/palette');
    const tokens = (selector: string) => {
      const block = CARD_CSS.slice(CARD_CSS.indexOf(selector)).split('}')[0];
      return Object.fromEntries([...block.matchAll(/--sl-([a-z-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1], m[2]]));
    };
    const light = tokens('[data-scheme] {');
    const dark = { ...light, ...tokens('[data-scheme="dark"]') };
    for (const [name, t] of [['light', light], ['dark', dark]] as const) {
      for (const text of ['fg', 'muted', 'accent', 'danger']) {
        for (const bg of ['bg', 'soft']) expect(contrastRatio(t[text], t[bg]), `${name} ${text} on ${bg}`).toBeGreaterThanOrEqual(4.5);
      }
      expect(contrastRatio(t['strong-fg'], t['strong-bg']), `${name} primary button`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
