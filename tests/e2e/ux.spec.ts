// What a user decides from, end to end in the built extension: names that carry no restriction in
// force are never counted or given a severity; the site switch is on the first view; "not found"
// says what was checked and as of when; "Not this company" on a prohibited company asks and can be
// undone on the page; the popup reflows at 320 px; axe-core finds nothing serious or critical in
// the popup, the options page, the first-run page, the hover card and the findings panel.
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { defaultSettings } from '../../lib/settings/defaults';
import { SETTINGS_VERSION, type Settings } from '../../lib/settings/types';
import { expect, openPopupFor, tabIdOf, test } from './fixtures';
import { axePage, axeUi, clickUiButton, expectUi, hoverHighlight, inUi, serious, uiText } from './page-ui';

/** Screenshots go next to the test's other output (test-results/<test>/), to be looked at. */
const shot = (name: string) => test.info().outputPath(name);

function badgeText(worker: Worker, tabId: number): Promise<string> {
  return worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

async function writeSettings(worker: Worker, patch: Partial<Settings>): Promise<void> {
  await worker.evaluate(
    async ({ patch, defaults, version }) => {
      const { settings } = await chrome.storage.sync.get('settings');
      await chrome.storage.sync.set({ settings: { ...defaults, ...(settings as object), ...patch }, settings$: { v: version } });
    },
    { patch, defaults: defaultSettings(), version: SETTINGS_VERSION },
  );
}

function allHighlighted(page: Page): Promise<string[]> {
  return page.evaluate(() => [...CSS.highlights.values()].flatMap((h) => [...h].map((r) => (r as Range).toString())));
}

async function popupFor(context: BrowserContext, extension: { extensionId: string; worker: Worker }, page: Page, width = 400): Promise<Page> {
  const popup = await openPopupFor(context, extension.extensionId, extension.worker, page);
  await popup.setViewportSize({ width, height: 600 });
  await expect(popup.getByTestId('subtitle')).not.toHaveText('Loading…');
  return popup;
}

test('a page naming only a watchlist company: no count, no severity chip, its own words', async ({ extension, context, page, server }) => {
  await writeSettings(extension.worker, { watchlist: [{ term: 'Acme Robotics', addedAt: '2026-11-01T00:00:00Z' }] });
  await page.goto(server.url('/watchlist.html'));
  const popup = await popupFor(context, extension, page);
  const card = popup.getByTestId('finding');
  await expect(card).toHaveCount(1);
  // Found and listed, but not painted: the page's scripts cannot read the user's watchlist.
  expect(await allHighlighted(page)).toEqual([]);
  expect(await page.evaluate(() => [...CSS.highlights.keys()])).toEqual([]);
  await expect(card).toHaveAttribute('data-standing', 'watchlist');
  await expect(card.getByTestId('severity-chip')).toHaveCount(0);
  await expect(card.getByTestId('standing-label')).toHaveText('Your watchlist');
  await expect(card).toContainText('On your watchlist; not on any US list we track.');
  await expect(popup.getByTestId('subtitle')).toHaveText('No listing in force on 127.0.0.1');
  await expect(popup.getByRole('tab', { name: /This page/ })).toHaveText('This page');
  expect(await badgeText(extension.worker, await tabIdOf(extension.worker, page))).toBe('');
});

test('a page naming only a formerly listed company: no count, no severity chip, "no current restriction"', async ({ extension, context, page, server }) => {
  await page.goto(server.url('/formerly-listed.html'));
  await expect.poll(() => allHighlighted(page)).toContain('Xiaomi Corporation');
  const popup = await popupFor(context, extension, page);
  const card = popup.locator('[data-testid="finding"][data-entity-id="xiaomi-corporation"]');
  await expect(card).toHaveAttribute('data-standing', 'formerly');
  await expect(card.getByTestId('severity-chip')).toHaveCount(0);
  await expect(card.getByTestId('standing-label')).toHaveText('Formerly listed');
  await expect(card).toContainText('No current restriction on the US lists we track.');
  await expect(popup.getByTestId('none-in-force')).toBeVisible();
  await expect(popup.getByTestId('subtitle')).toHaveText('No listing in force on 127.0.0.1');
  // The page reported it (the popup shows it), and still the badge stays empty.
  expect(await badgeText(extension.worker, await tabIdOf(extension.worker, page))).toBe('');

  const box = await hoverHighlight(page, 'Xiaomi Corporation', 'sanctions-lens-historical');
  expect(box).toBeTruthy();
  expect(await uiText(page, '[data-testid="card-severity"]')).toBe('Formerly listed');
});

test('the site switch, pause, settings and data status are on the first view', async ({ extension, context, page, server }) => {
  await page.goto(server.url('/news-xiaomi.html'));
  const tabId = await tabIdOf(extension.worker, page);
  await expect.poll(() => badgeText(extension.worker, tabId)).toMatch(/^\d+!?$/);
  // The bundled OFAC data is months old on any date after February 2026: the badge says so.
  expect(await badgeText(extension.worker, tabId)).toMatch(/!$/);
  const popup = await popupFor(context, extension, page);
  await expect(popup.getByRole('tab', { name: /This page/ })).toHaveAttribute('aria-selected', 'true');
  const toggle = popup.getByRole('switch', { name: 'Scan 127.0.0.1' });
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await expect(popup.getByRole('button', { name: 'Settings' })).toBeVisible();
  await expect(popup.getByRole('button', { name: /Pause/ })).toBeVisible();
  await expect(popup.getByTestId('status-line')).toContainText(/OFAC lists as of [A-Z][a-z]{2} \d{1,2}, \d{4} · \d+ days old/);
  await expect(popup.getByTestId('status-line').getByRole('button', { name: 'Update now' })).toBeVisible();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await expect.poll(() => badgeText(extension.worker, tabId)).toBe('');
  await expect.poll(() => allHighlighted(page)).toEqual([]);
  await toggle.click();
  await expect.poll(() => badgeText(extension.worker, tabId)).toMatch(/^\d+!?$/);
});

test('an empty search answer says what was checked, as of when, and links to OFAC’s search', async ({ extension, context, page, server }) => {
  await page.goto(server.url('/smoke.html'));
  const popup = await popupFor(context, extension, page);
  await popup.getByRole('tab', { name: 'Search' }).click();
  await popup.getByRole('combobox').fill('Nornickel');
  const none = popup.getByTestId('search-empty');
  await expect(none).toContainText('“Nornickel”: not found among the companies on the US lists we track.');
  await expect(none.getByTestId('coverage')).toContainText(/Checked against \d+ companies from NS-CMIC, SDN/);
  await expect(none.getByTestId('coverage')).toContainText(/OFAC lists as of [A-Z][a-z]{2} \d{1,2}, \d{4}/);
  await expect(none.getByTestId('coverage')).toContainText('not every entry');
  await expect(none).not.toContainText('good sign');
  const link = none.getByRole('link', { name: /Search “Nornickel” on OFAC’s Sanctions List Search/ });
  await expect(link).toHaveAttribute('href', 'https://sanctionssearch.ofac.treas.gov/');
  await expect(link).toHaveAttribute('target', '_blank');
});

test('“Not this company” on a prohibited company asks first, and can be undone on the page', async ({ extension, page, server, pageErrors }) => {
  await page.goto(server.url('/news-xiaomi.html'));
  await expect.poll(() => allHighlighted(page)).toContain('Hikvision');
  const box = await hoverHighlight(page, 'Hikvision', 'sanctions-lens-prohibited');
  await clickUiButton(page, 'Not this company');
  await expectUi(page, '[data-testid="card-confirm"]');
  expect(await uiText(page, '[data-testid="card-confirm"]')).toContain('Stop warning about “Hikvision” on 127.0.0.1?');
  // Nothing is ignored until the user says yes.
  const ignored = () => extension.worker.evaluate(async () => ((await chrome.storage.sync.get('settings')).settings as Settings | undefined)?.ignored ?? []);
  expect(await ignored()).toEqual([]);
  expect(await allHighlighted(page)).toContain('Hikvision');

  await clickUiButton(page, 'Yes, not this company');
  await expectUi(page, '[data-testid="ignored-notice"]');
  expect(await uiText(page, '[data-testid="ignored-notice"]')).toContain('“Hikvision” is no longer flagged as');
  await expect.poll(async () => (await allHighlighted(page)).includes('Hikvision')).toBe(false);
  expect(await ignored()).toEqual([expect.objectContaining({ entityId: 'hangzhou-hikvision-digital-technology-co-ltd', site: '127.0.0.1', text: 'hikvision' })]);

  await clickUiButton(page, 'Undo');
  await expect.poll(async () => (await allHighlighted(page)).includes('Hikvision')).toBe(true);
  expect(await ignored()).toEqual([]);
  await expectUi(page, '[data-testid="ignored-notice"]', false);
  expect(box).toBeTruthy();
  expect(pageErrors).toEqual([]);
});

type Rect = { left: number; top: number; right: number; bottom: number };
const intersects = (a: Rect, b: Rect) => !(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top);

/** The highlighted word's rect, whichever highlight paints it, scrolled first to `atY` px from the window's top when given. */
async function wordRect(page: Page, text: string, atY?: number): Promise<Rect> {
  const find = () =>
    page.evaluate((wanted) => {
      for (const highlight of CSS.highlights.values()) {
        for (const range of highlight) {
          if ((range as Range).toString() !== wanted) continue;
          const { left, top, right, bottom } = (range as Range).getBoundingClientRect();
          return { left, top, right, bottom };
        }
      }
      return null;
    }, text);
  await expect.poll(find, { message: `“${text}” highlighted` }).not.toBeNull();
  if (atY !== undefined) {
    await page.evaluate((by) => window.scrollBy(0, by), (await find())!.top - atY);
    await expect.poll(async () => Math.round((await find())!.top)).toBe(Math.round(atY));
  }
  return (await find())!;
}

/** Rests the real pointer on the word (from below, as a hand moves) and waits for the card. */
async function hoverWord(page: Page, word: Rect): Promise<void> {
  const x = (word.left + word.right) / 2;
  const y = (word.top + word.bottom) / 2;
  await page.mouse.move(x - 30, y + 40);
  await page.mouse.move(x, y, { steps: 3 });
  await expectUi(page, '[data-testid="hover-card"]');
}

function cardRect(page: Page): Promise<Rect | null> {
  return inUi<Rect | null>(page, `function () {
    const card = this.querySelector('[data-testid="hover-card"]');
    if (!card) return null;
    const { left, top, right, bottom } = card.getBoundingClientRect();
    return { left, top, right, bottom };
  }`);
}

/** Which of the card's buttons the user can see and press where they are now: the UI's topmost element at each one's centre. */
function reachableButtons(page: Page): Promise<string[] | null> {
  return inUi<string[]>(page, `function () {
    return [...this.querySelectorAll('[data-testid="hover-card"] button')].filter((button) => {
      const r = button.getBoundingClientRect();
      const x = r.left + r.width / 2, y = r.top + r.height / 2;
      return x >= 0 && y >= 0 && x < innerWidth && y < innerHeight && this.elementFromPoint(x, y) === button;
    }).map((button) => button.textContent.trim());
  }`);
}

async function expectCardBeside(page: Page, word: Rect, label: string): Promise<void> {
  const card = (await cardRect(page))!;
  const view = page.viewportSize()!;
  expect(intersects(card, word), `${label}: the card ${JSON.stringify(card)} covers the word ${JSON.stringify(word)}`).toBe(false);
  expect(card.left >= 0 && card.top >= 0 && card.right <= view.width && card.bottom <= view.height, `${label}: the card ${JSON.stringify(card)} leaves the ${view.width}×${view.height} window`).toBe(true);
}

async function closeCard(page: Page): Promise<void> {
  await page.mouse.move(2, 2);
  await page.keyboard.press('Escape');
  await expectUi(page, '[data-testid="hover-card"]', false);
}

test('the hover card never covers the word it explains, on a laptop and a narrow window, and its question stays in view', async ({ page, server, pageErrors }) => {
  // A laptop window (1366×657) on a dark broker's positions table whose rows are rewritten every
  // 2 s: the card of a prohibited company is taller than the room above or below any row.
  await page.setViewportSize({ width: 1366, height: 657 });
  await page.goto(server.url('/brokerage-positions.html'));
  for (const text of ['China Mobile Ltd', 'CHL']) {
    const word = await wordRect(page, text);
    await hoverWord(page, word);
    await expectCardBeside(page, word, `1366×657 “${text}”`);
    await page.screenshot({ path: shot(`card-laptop-${text.replace(/\W/g, '')}.png`) });
    await closeCard(page);
  }

  // "Not this company" makes the card taller: its answers are brought into view, the safe one focused.
  const name = await wordRect(page, 'China Mobile Ltd');
  await hoverWord(page, name);
  await clickUiButton(page, 'Not this company');
  await expectUi(page, '[data-testid="card-confirm"]');
  await expect.poll(() => reachableButtons(page)).toEqual(expect.arrayContaining(['Yes, not this company', 'Keep the warning']));
  await expectCardBeside(page, name, '1366×657 question');
  expect(await inUi(page, 'function () { return this.activeElement ? this.activeElement.textContent : null; }')).toBe('Keep the warning');
  await page.screenshot({ path: shot('card-laptop-question.png') });
  await page.keyboard.press('Enter');
  await expectUi(page, '[data-testid="card-confirm"]', false);
  expect(await inUi(page, 'function () { return this.activeElement ? this.activeElement.textContent.trim() : null; }')).toBe('Not this company');
  await closeCard(page);

  // A narrow window (420×700, a phone or a split screen) on a light news page: the word near the
  // bottom, then in the middle, where the card fits neither above nor below it.
  await page.setViewportSize({ width: 420, height: 700 });
  await page.goto(server.url('/news-xiaomi.html'));
  for (const atY of [640, 330]) {
    const word = await wordRect(page, 'Hikvision', atY);
    await hoverWord(page, word);
    await expectCardBeside(page, word, `420×700 Hikvision at ${atY}`);
    await page.screenshot({ path: shot(`card-narrow-${atY}.png`) });
    if (atY === 330) {
      await clickUiButton(page, 'Not this company');
      await expectUi(page, '[data-testid="card-confirm"]');
      await expect.poll(() => reachableButtons(page)).toEqual(expect.arrayContaining(['Yes, not this company', 'Keep the warning']));
      await expectCardBeside(page, word, '420×700 question');
      await page.screenshot({ path: shot('card-narrow-question.png') });
    }
    await closeCard(page);
  }
  expect(pageErrors).toEqual([]);
});

test('the page cannot open, read or press the card: closed root, synthetic events ignored', async ({ page, server }) => {
  await page.goto(server.url('/news-xiaomi.html'));
  await expect.poll(() => allHighlighted(page)).toContain('Hikvision');
  // A page dispatching its own pointer events at a highlight gets no card.
  const opened = await page.evaluate(async () => {
    for (const range of CSS.highlights.get('sanctions-lens-prohibited') ?? []) {
      if ((range as Range).toString() !== 'Hikvision') continue;
      const rect = (range as Range).getBoundingClientRect();
      const init = { clientX: rect.left + 3, clientY: rect.top + 3, bubbles: true, composed: true };
      for (let i = 0; i < 5; i++) {
        document.elementFromPoint(init.clientX, init.clientY)?.dispatchEvent(new PointerEvent('pointermove', init));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 800));
    return document.querySelector('sanctions-lens-ui') !== null;
  });
  expect(opened).toBe(false);
  // Opened by the user, the card's root stays closed to the page.
  await hoverHighlight(page, 'Hikvision', 'sanctions-lens-prohibited');
  expect(await page.evaluate(() => {
    const host = document.querySelector('sanctions-lens-ui');
    return host ? { shadow: host.shadowRoot, text: host.textContent } : 'no host';
  })).toEqual({ shadow: null, text: '' });
});

test('the popup reflows at 320 px: no sideways scrolling on any view', async ({ extension, context, page, server }) => {
  await page.goto(server.url('/news-xiaomi.html'));
  const tabId = await tabIdOf(extension.worker, page);
  await expect.poll(() => badgeText(extension.worker, tabId)).toMatch(/^\d+!?$/);
  const popup = await popupFor(context, extension, page, 320);
  const overflow = () => popup.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await expect(popup.getByTestId('finding').first()).toBeVisible();
  expect(await overflow()).toBe(0);
  await expect(popup.getByRole('tab', { name: 'This site' })).toBeInViewport();
  for (const name of ['Updates', 'Search', 'This site']) {
    await popup.getByRole('tab', { name }).click();
    expect(await overflow(), name).toBe(0);
  }
  await popup.getByRole('tab', { name: 'Search' }).click();
  await popup.getByRole('combobox').fill('Gazprom');
  expect(await overflow(), 'search results').toBe(0);
  await popup.getByRole('tab', { name: /This page/ }).click();
  await popup.locator('[data-entity-id="china-mobile-limited"]').getByRole('button', { name: 'China Mobile Limited' }).click();
  await expect(popup.getByTestId('details')).toBeVisible();
  expect(await overflow(), 'details').toBe(0);
  // Severity chips are whole words, not clipped.
  const chip = popup.getByTestId('details').getByTestId('severity-chip');
  expect(await chip.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);

  // 200% zoom gives the popup about 400×300 CSS px: one scroll for the whole view, not a panel
  // scrolling inside a page that scrolls too.
  await popup.setViewportSize({ width: 400, height: 300 });
  expect(await popup.evaluate(() => getComputedStyle(document.querySelector('.panel')!).overflowY)).toBe('visible');
  expect(await overflow(), 'zoomed').toBe(0);
});

test('a first-run page opens once on install: pin the icon, the colours, the shortcut, settings', async ({ extension, context }) => {
  expect(extension.welcomeOpened).toBe(true);
  const welcome = await context.newPage();
  await welcome.goto(`chrome-extension://${extension.extensionId}/welcome.html`);
  await expect(welcome.getByRole('heading', { level: 1 })).toHaveText('Sanctions Lens is installed');
  await expect(welcome.getByTestId('welcome-pin')).toContainText('pin');
  await expect(welcome.getByTestId('welcome-colours')).toContainText('Formerly listed');
  await expect(welcome.getByTestId('welcome-shortcut')).toContainText('Alt+Shift+L');
  const options = context.waitForEvent('page');
  await welcome.getByRole('button', { name: 'Open settings' }).click();
  expect((await options).url()).toContain('/options.html');
  expect(serious(await axePage(welcome))).toEqual([]);
});

test('axe-core: no serious or critical violation in the popup’s states, options, hover card and panel', async ({ extension, context, page, server }) => {
  const found: Record<string, unknown> = {};
  const check = async (name: string, target: Page, ui = false) => {
    const violations = serious(ui ? await axeUi(target) : await axePage(target));
    if (violations.length) found[name] = violations;
  };
  await page.goto(server.url('/news-xiaomi.html'));
  const tabId = await tabIdOf(extension.worker, page);
  await expect.poll(() => badgeText(extension.worker, tabId)).toMatch(/^\d+!?$/);
  for (const scheme of ['light', 'dark'] as const) {
    const popup = await popupFor(context, extension, page);
    await popup.emulateMedia({ colorScheme: scheme });
    await expect(popup.getByTestId('finding').first()).toBeVisible();
    await check(`${scheme} popup: this page`, popup);
    await popup.getByRole('tab', { name: 'Updates' }).click();
    await check(`${scheme} popup: updates`, popup);
    await popup.getByRole('tab', { name: 'Search' }).click();
    await popup.getByRole('combobox').fill('china');
    await check(`${scheme} popup: search results`, popup);
    await popup.getByRole('combobox').fill('Nornickel');
    await check(`${scheme} popup: search, not found`, popup);
    await popup.getByRole('tab', { name: 'This site' }).click();
    await check(`${scheme} popup: this site`, popup);
    await popup.getByRole('tab', { name: /This page/ }).click();
    await popup.locator('[data-entity-id="china-mobile-limited"]').getByRole('button', { name: 'China Mobile Limited' }).click();
    await check(`${scheme} popup: details`, popup);
    await popup.close();
  }
  const pausedPopup = await popupFor(context, extension, page);
  await pausedPopup.getByTestId('pause').click();
  await expect(pausedPopup.getByTestId('site-switch')).toHaveText('Paused');
  await check('popup: paused', pausedPopup);
  await pausedPopup.getByTestId('resume').click();
  await expect(pausedPopup.getByTestId('site-switch')).toHaveText('On');
  await pausedPopup.close();
  const empty = await context.newPage();
  await empty.goto(server.url('/smoke.html'));
  const emptyPopup = await popupFor(context, extension, empty);
  await expect(emptyPopup.getByTestId('empty-state')).toBeVisible();
  await check('popup: nothing found', emptyPopup);
  await emptyPopup.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await expect(emptyPopup.getByRole('heading', { level: 1 })).toBeVisible();
  await check('options', emptyPopup);

  await page.bringToFront();
  await hoverHighlight(page, 'Hikvision', 'sanctions-lens-prohibited');
  await check('hover card', page, true);
  await page.keyboard.press('Escape');
  await extension.worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'showFindingsPanel', data: {} }, { frameId: 0 }), tabId);
  await expectUi(page, '[data-testid="findings-panel"]');
  await check('findings panel', page, true);
  expect(found).toEqual({});
});
