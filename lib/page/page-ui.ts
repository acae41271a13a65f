// The extension's UI on the page: the hover card over highlights, the findings panel, and the
// notice after "Not this company", in a closed shadow root (WXT's createShadowRootUi) so page CSS
// cannot touch them and page script cannot read them (the panel may name companies found in
// same-site frames) nor press their buttons. Only events the user made (`isTrusted`) open the
// card or act on it. The host element is added only while something is shown and removed right
// after, so the page's DOM is left as it was. What the UI shows comes through `PageUiActions`,
// small functions the page session provides.
import { h, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { FindingsPanel } from '../../components/hover-card/FindingsPanel';
import { HoverCard, IgnoredNotice } from '../../components/hover-card/HoverCard';
import type { CardModel } from '../../components/hover-card/card-model';
import { panelEntries } from '../../components/hover-card/panel-model';
import { CARD_CSS } from '../../components/hover-card/styles';
import type { Finding } from '../messaging';
import type { Palette } from '../settings/types';
import { placeCard } from './card-placement';
import { OWN_UI_PREFIX } from './elements';
import type { PageLife } from './life';
import type { Painter } from './highlighter';

/** Rest time on a highlight before the card opens, and grace time to move onto the card. */
const SHOW_DELAY_MS = 350;
const HIDE_DELAY_MS = 300;
/** How long the "no longer flagged · Undo" notice stays when the pointer is not on it. */
const NOTICE_MS = 10_000;

export interface PageUiActions {
  /** Card details of one company (asked of the background). */
  describe(entityId: string): Promise<CardModel | undefined>;
  /** Card details of several companies at once, by id. */
  describeAll(entityIds: string[]): Promise<Map<string, CardModel>>;
  /** This frame's own findings. */
  ownFindings(): Finding[];
  /** The tab's findings from frames of this page's site, and how many companies other sites' frames show; null without an answer. */
  tabFindings(): Promise<{ findings: Finding[]; elsewhere: number } | null>;
  palette(): Palette;
  hoverEnabled(): boolean;
  openDetails(entityId: string): void;
  /** Saves "not this company" for this matched text on this site. */
  notThisCompany(entityId: string, matched: string): Promise<void>;
  /** Takes that back. */
  undoNotThisCompany(entityId: string, matched: string): Promise<void>;
  /** Scrolls the first occurrence of a company into view and returns its range. */
  reveal(entityId: string): Range | undefined;
}

export type Scheme = 'light' | 'dark';

type View =
  | { kind: 'card'; model: CardModel; matched: string; anchor: DOMRect; scheme: Scheme }
  | { kind: 'ignored'; model: CardModel; matched: string; anchor: DOMRect; scheme: Scheme }
  | { kind: 'panel'; scheme: Scheme };

function parseRgb(value: string): [number, number, number, number] | undefined {
  const match = /rgba?\(([\d.]+)[, ]+([\d.]+)[, ]+([\d.]+)(?:[,/ ]+([\d.]+%?))?\)/.exec(value);
  if (!match) return undefined;
  const alpha = match[4] === undefined ? 1 : match[4].endsWith('%') ? Number.parseFloat(match[4]) / 100 : Number(match[4]);
  return [Number(match[1]), Number(match[2]), Number(match[3]), alpha];
}

/**
 * Whether the page is dark where the card appears: the first opaque background behind the anchor
 * (a dark table inside a light page counts as dark), else the page's own `color-scheme`.
 */
export function pageScheme(from: Node | null): Scheme {
  let element: Element | null = from instanceof Element ? from : (from?.parentElement ?? document.body);
  while (element) {
    const rgb = parseRgb(getComputedStyle(element).backgroundColor);
    if (rgb && rgb[3] > 0.5) {
      const luminance = (0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]) / 255;
      return luminance < 0.45 ? 'dark' : 'light';
    }
    element = element.parentElement ?? ((element.getRootNode() as ShadowRoot).host ?? null);
  }
  const declared = getComputedStyle(document.documentElement).colorScheme;
  if (declared.includes('dark') && !declared.includes('light')) return 'dark';
  return 'light';
}

/** The window's size less its scroll bars (a card under a scroll bar would be cut off). */
function visibleViewport(): { width: number; height: number } {
  const root = document.documentElement;
  return document.compatMode === 'CSS1Compat' && root.clientWidth > 0
    ? { width: root.clientWidth, height: root.clientHeight }
    : { width: window.innerWidth, height: window.innerHeight };
}

export class PageUi {
  private ui: ShadowRootContentScriptUi<HTMLElement> | null = null;
  private container: HTMLElement | null = null;
  private view: View | null = null;
  private showTimer: ReturnType<typeof setTimeout> | undefined;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  private pointer: { x: number; y: number } | null = null;
  private frame = 0;
  private hovered: { entityId: string; range: Range } | null = null;
  private overCard = false;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly ctx: PageLife,
    private readonly painter: Painter,
    private readonly actions: PageUiActions,
  ) {
    const onMove = (event: PointerEvent) => this.onPointerMove(event);
    document.addEventListener('pointermove', onMove, { capture: true, passive: true });
    this.cleanups.push(() => document.removeEventListener('pointermove', onMove, { capture: true }));
    const onScroll = () => {
      // Scrolling inside a tall card must not close it.
      if (this.view?.kind === 'card' && !this.overCard) this.close();
    };
    window.addEventListener('scroll', onScroll, { capture: true, passive: true });
    this.cleanups.push(() => window.removeEventListener('scroll', onScroll, { capture: true }));
    // Escape closes an open card or notice wherever the focus is (the card is shown on hover, so
    // focus usually stays on the page). Only then: the page's own Escape handling is otherwise untouched.
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && event.isTrusted && (this.view?.kind === 'card' || this.view?.kind === 'ignored')) this.close();
    };
    document.addEventListener('keydown', onKey, { capture: true });
    this.cleanups.push(() => document.removeEventListener('keydown', onKey, { capture: true }));
  }

  destroy(): void {
    this.cleanups.forEach((cleanup) => cleanup());
    clearTimeout(this.showTimer);
    clearTimeout(this.hideTimer);
    cancelAnimationFrame(this.frame);
    this.close();
  }

  async showPanel(): Promise<void> {
    clearTimeout(this.showTimer);
    this.view = { kind: 'panel', scheme: pageScheme(document.body) };
    await this.renderView();
  }

  close(): void {
    clearTimeout(this.hideTimer);
    this.view = null;
    this.hovered = null;
    this.overCard = false;
    if (this.container) render(null, this.container);
    this.ui?.remove();
  }

  private onPointerMove(event: PointerEvent): void {
    // A page can dispatch pointer events of its own; only the user's pointer opens the card.
    if (!event.isTrusted || !this.actions.hoverEnabled() || this.painter.size === 0) return;
    if (event.target instanceof Element && event.target.localName.startsWith(OWN_UI_PREFIX)) return;
    this.pointer = { x: event.clientX, y: event.clientY };
    // One hit test per frame however fast the pointer moves.
    if (!this.frame) this.frame = requestAnimationFrame(() => this.checkPointer());
  }

  private checkPointer(): void {
    this.frame = 0;
    if (!this.pointer || !this.ctx.isValid) return;
    if (this.view?.kind === 'ignored') return;
    const hit = this.painter.hitTest(this.pointer.x, this.pointer.y);
    if (hit && hit.range === this.hovered?.range) {
      clearTimeout(this.hideTimer);
      return;
    }
    clearTimeout(this.showTimer);
    if (!hit) {
      this.hovered = null;
      if (this.view?.kind === 'card' && !this.overCard) this.scheduleHide();
      return;
    }
    this.hovered = hit;
    clearTimeout(this.hideTimer);
    this.showTimer = setTimeout(() => void this.showCard(hit), SHOW_DELAY_MS);
  }

  private scheduleHide(delay = HIDE_DELAY_MS): void {
    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => {
      if (!this.overCard && (this.view?.kind === 'card' || this.view?.kind === 'ignored')) this.close();
    }, delay);
  }

  private async showCard(hit: { entityId: string; range: Range }): Promise<void> {
    if (this.view?.kind === 'panel' || this.view?.kind === 'ignored') return;
    const model = await this.actions.describe(hit.entityId);
    // The pointer moved on while the details came.
    if (!model || !this.ctx.isValid || this.hovered?.range !== hit.range) return;
    if (hit.range.collapsed || !hit.range.startContainer.isConnected) {
      // The page rewrote the text meanwhile (a live table re-rendered): the card would have no word
      // to sit by, and "Not this company" no text to name. Look again at the repainted text.
      this.hovered = null;
      this.showTimer = setTimeout(() => this.checkPointer(), SHOW_DELAY_MS);
      return;
    }
    // The whole match, both lines of one that wraps: the card must not cover any of it.
    const anchor = hit.range.getBoundingClientRect();
    const matched = hit.range.toString().replace(/\s+/g, ' ').trim();
    this.view = { kind: 'card', model, matched, anchor, scheme: pageScheme(hit.range.startContainer) };
    await this.renderView();
  }

  private async ensureUi(): Promise<HTMLElement> {
    if (!this.ui) {
      // The helper only asks the context when to remove the UI: the extension's life, not WXT's.
      this.ui = await createShadowRootUi<HTMLElement>(this.ctx as unknown as ContentScriptContext, {
        name: 'sanctions-lens-ui',
        position: 'inline',
        anchor: () => document.documentElement,
        append: 'last',
        mode: 'closed',
        css: CARD_CSS,
        isolateEvents: ['keydown', 'keyup', 'keypress'],
        onMount: (container) => container,
      });
      this.container = this.ui.uiContainer;
      // Clicks the page synthesises (element.click(), dispatchEvent) never reach the buttons.
      for (const type of ['click', 'pointerdown', 'pointerup', 'mousedown', 'mouseup']) {
        this.container.addEventListener(type, (event) => {
          if (!event.isTrusted) {
            event.stopImmediatePropagation();
            event.preventDefault();
          }
        }, true);
      }
      this.container.addEventListener('pointerenter', (event) => {
        if (!event.isTrusted) return;
        this.overCard = true;
        clearTimeout(this.hideTimer);
      }, true);
      this.container.addEventListener('pointerleave', (event) => {
        if (!event.isTrusted) return;
        this.overCard = false;
        if (this.view?.kind === 'card') this.scheduleHide();
        else if (this.view?.kind === 'ignored') this.scheduleHide(NOTICE_MS);
      });
    }
    if (!this.ui.mounted) this.ui.mount();
    return this.container!;
  }

  private async renderView(): Promise<void> {
    const view = this.view;
    if (!view) return;
    const container = await this.ensureUi();
    if (this.view !== view) return;
    container.dataset.scheme = view.scheme;
    const palette = this.actions.palette();
    if (view.kind === 'panel') {
      const tab = await this.actions.tabFindings().catch(() => null);
      const own = this.actions.ownFindings();
      const models = await this.actions.describeAll([...new Set([...(tab?.findings ?? []), ...own].map((finding) => finding.entityId))]);
      if (this.view !== view) return;
      const { entries, elsewhere } = panelEntries(own, tab, (id) => models.get(id));
      render(
        h(FindingsPanel, {
          entries,
          elsewhere,
          asOf: entries[0]?.model.asOf,
          palette,
          onShow: (entityId) => this.actions.reveal(entityId),
          onDetails: (entityId) => this.actions.openDetails(entityId),
          onClose: () => this.close(),
        }),
        container,
      );
      return;
    }
    const site = location.hostname || 'this page';
    if (view.kind === 'ignored') {
      render(
        h(IgnoredNotice, {
          name: view.model.name,
          matched: view.matched,
          site,
          onUndo: () => {
            void this.actions.undoNotThisCompany(view.model.entityId, view.matched).finally(() => this.close());
          },
          onClose: () => this.close(),
        }),
        container,
      );
      this.place(container.querySelector<HTMLElement>('.card'), view.anchor);
      container.querySelector<HTMLElement>('.notice button')?.focus({ preventScroll: true });
      this.scheduleHide(NOTICE_MS);
      return;
    }
    render(
      h(HoverCard, {
        model: view.model,
        palette,
        matched: view.matched,
        site,
        onDetails: () => this.actions.openDetails(view.model.entityId),
        onNotThis: () => {
          void this.actions.notThisCompany(view.model.entityId, view.matched).then(
            () => {
              if (this.view !== view) return;
              this.view = { ...view, kind: 'ignored' };
              void this.renderView();
            },
            () => this.close(),
          );
        },
        onClose: () => this.close(),
        onConfirmToggle: (open) => this.confirmToggled(container, view.anchor, open),
      }),
      container,
    );
    this.place(container.querySelector<HTMLElement>('.card'), view.anchor);
  }

  /**
   * "Not this company" opened (or "Keep the warning" closed) the question: the card changed height,
   * so it is placed again, and the question's buttons are brought into the card's view, the safe
   * answer focused (the button that was pressed is gone). Closed, the focus goes back to "Not this company".
   */
  private confirmToggled(container: HTMLElement, anchor: DOMRect, open: boolean): void {
    const card = container.querySelector<HTMLElement>('.card');
    this.place(card, anchor);
    if (!card) return;
    if (open) {
      const confirm = card.querySelector<HTMLElement>('[data-testid="card-confirm"]');
      confirm?.scrollIntoView({ block: 'nearest' });
      confirm?.querySelector<HTMLElement>('[data-answer="keep"]')?.focus({ preventScroll: true });
    } else {
      card.querySelector<HTMLElement>('[data-action="not-this"]')?.focus({ preventScroll: true });
    }
  }

  /** Below the word when it fits, else above, else shortened or beside it (lib/page/card-placement.ts). */
  private place(card: HTMLElement | null, anchor: DOMRect): void {
    if (!card) return;
    // Measured at its natural height (the stylesheet still caps it at the window's).
    card.style.maxHeight = '';
    const { width, height } = card.getBoundingClientRect();
    const spot = placeCard({ width, height }, anchor, visibleViewport());
    card.style.left = `${spot.left}px`;
    card.style.top = `${spot.top}px`;
    if (spot.maxHeight !== undefined) card.style.maxHeight = `${spot.maxHeight}px`;
  }
}
