// The hover card and findings panel live in a closed shadow root, which page script — and so
// Playwright's locators — cannot enter. Tests reach it the way DevTools does (the DevTools protocol
// pierces closed roots), read it with a function run on the root, and act on it with real mouse
// and keyboard input, which is also the only input the UI accepts (`isTrusted`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { ROOT, expect } from './fixtures';

type DomNode = { localName?: string; backendNodeId: number; children?: DomNode[]; shadowRoots?: DomNode[]; contentDocument?: DomNode };

const sessions = new WeakMap<Page, CDPSession>();

async function session(page: Page): Promise<CDPSession> {
  let cdp = sessions.get(page);
  if (!cdp) {
    cdp = await page.context().newCDPSession(page);
    sessions.set(page, cdp);
  }
  return cdp;
}

function findHost(node: DomNode): DomNode | undefined {
  if (node.localName === 'sanctions-lens-ui') return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findHost(child);
    if (found) return found;
  }
  return undefined;
}

/**
 * Runs `fn` with the UI's shadow root as `this` and returns its JSON-able result; null when the UI
 * is not on the page. `fn` is a function declaration in source form: `function (arg) { … }`.
 */
export async function inUi<T>(page: Page, fn: string, arg?: unknown): Promise<T | null> {
  const cdp = await session(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const host = findHost(root);
  const shadow = host?.shadowRoots?.[0];
  if (!shadow) return null;
  const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId })) as { object: { objectId: string } };
  const result = (await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId,
    functionDeclaration: fn,
    arguments: [{ value: arg ?? null }],
    returnByValue: true,
    awaitPromise: true,
  })) as { result: { value: T }; exceptionDetails?: { exception?: { description?: string } } };
  if (result.exceptionDetails) throw new Error(`in the page UI: ${result.exceptionDetails.exception?.description ?? 'error'}`);
  return result.result.value;
}

/** The text of the first element matching `selector` inside the UI, or null. */
export function uiText(page: Page, selector: string): Promise<string | null> {
  return inUi<string | null>(page, `function (s) { const el = this.querySelector(s); return el ? el.textContent : null; }`, selector);
}

/** An attribute of every element matching `selector` inside the UI. */
export async function uiAttributes(page: Page, selector: string, name: string): Promise<(string | null)[]> {
  return (await inUi<(string | null)[]>(page, `function (a) { return [...this.querySelectorAll(a.s)].map((el) => el.getAttribute(a.n)); }`, { s: selector, n: name })) ?? [];
}

/** Waits until `selector` is inside the UI (or, with `present: false`, until it is gone). */
export async function expectUi(page: Page, selector: string, present = true): Promise<void> {
  await expect.poll(async () => (await uiText(page, selector)) !== null, { message: `${selector} ${present ? 'shown' : 'gone'}` }).toBe(present);
}

/** Clicks, with the real mouse, the button of the UI whose text is `label` (within `scope`, if given). */
export async function clickUiButton(page: Page, label: string, scope = ''): Promise<void> {
  const box = await inUi<{ x: number; y: number } | null>(
    page,
    `function (a) {
      const root = a.scope ? this.querySelector(a.scope) : this;
      const button = root && [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === a.label);
      if (!button) return null;
      button.scrollIntoView({ block: 'nearest' });
      const r = button.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }`,
    { label, scope },
  );
  if (!box) throw new Error(`no button “${label}” in the page UI`);
  await page.mouse.move(box.x, box.y, { steps: 2 });
  await page.mouse.click(box.x, box.y);
}

/** Moves the real pointer onto the highlighted `text` (of the given highlight) and waits for the card. */
export async function hoverHighlight(page: Page, text: string, highlight: string): Promise<{ x: number; y: number }> {
  const box = await page.evaluate(
    ([wanted, name]) => {
      for (const range of CSS.highlights.get(name) ?? []) {
        if ((range as Range).toString() === wanted) {
          const rect = (range as Range).getBoundingClientRect();
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }
      }
      return null;
    },
    [text, highlight] as const,
  );
  expect(box, `highlight ${highlight} “${text}”`).not.toBeNull();
  await page.mouse.move(box!.x - 30, box!.y + 40);
  await page.mouse.move(box!.x, box!.y, { steps: 3 });
  await expectUi(page, '[data-testid="hover-card"]');
  return box!;
}

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
}

/**
 * Injects axe-core into the page (once): as a script tag, or — on extension pages, whose CSP allows
 * no inline script — evaluated through the DevTools protocol, which CSP does not govern.
 */
export async function injectAxe(page: Page): Promise<void> {
  if (await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object')) return;
  try {
    await page.addScriptTag({ content: AXE });
  } catch {
    await page.evaluate(AXE);
  }
}

function summarise(results: { violations: { id: string; impact: string | null; help: string; nodes: unknown[] }[] }): AxeViolation[] {
  return results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
}

/** axe-core's violations on a whole page (an extension page, for instance). */
export async function axePage(page: Page): Promise<AxeViolation[]> {
  await injectAxe(page);
  const results = await page.evaluate(() => (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<never> } }).axe.run(document, { resultTypes: ['violations'] }));
  return summarise(results);
}

/**
 * axe-core's violations in the page UI. axe cannot enter a closed shadow root, so the root's markup
 * and styles are copied, for the check only, into an open root at the same place, and axe checks that.
 */
export async function axeUi(page: Page): Promise<AxeViolation[]> {
  await injectAxe(page);
  const results = await inUi<{ violations: { id: string; impact: string | null; help: string; nodes: unknown[] }[] }>(
    page,
    `function () {
      const host = document.createElement('sanctions-lens-axe-copy');
      document.documentElement.append(host);
      // The fragment parser drops the root's html/body wrappers: keep the body's colour scheme.
      const body = this.querySelector('body');
      const styles = [...this.querySelectorAll('style')].map((style) => style.outerHTML).join('');
      const wrapper = '<div data-scheme="' + ((body && body.dataset.scheme) || 'light') + '">' + (body ? body.innerHTML : '') + '</div>';
      host.attachShadow({ mode: 'open' }).innerHTML = styles + wrapper;
      return window.axe.run(host, { resultTypes: ['violations'] })
        .then((r) => {
          // A copy axe could not read would pass vacuously.
          if (!r.passes.some((p) => p.id === 'button-name')) throw new Error('axe checked nothing in the copy');
          return { violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target) })) };
        })
        .finally(() => host.remove());
    }`,
  );
  if (!results) throw new Error('the page UI is not shown');
  return summarise(results);
}

/** Only what blocks people: serious and critical. */
export function serious(violations: AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
