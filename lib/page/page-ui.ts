// The extension's UI on the page: the hover card over highlights and the findings panel, both in a
// shadow root (WXT's createShadowRootUi) so page CSS cannot touch them. The host element is added
// only while something is shown and removed right after, so the page's DOM is left as it was.
import { h, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { FindingsPanel, type PanelEntry } from '../../components/hover-card/FindingsPanel';
import { HoverCard } from '../../components/hover-card/HoverCard';
import type { CardModel } from '../../components/hover-card/card-model';
import { CARD_CSS } from '../../components/hover-card/styles';
import type { Palette } from '../settings/types';
import { OWN_UI_PREFIX } from './elements';
import type { PageLife } from './life';
import type { Painter } from './highlighter';

/** Rest time on a highlight before the card opens, and grace time to move onto the card. */
const SHOW_DELAY_MS = 350;
const HIDE_DELAY_MS = 300;

export interface PageUiActions {
  describe(entityId: string): Promise<CardModel | undefined>;
  /** The tab's findings, every frame included (asked of the background). */
  panelEntries(): Promise<PanelEntry[]>;
  palette(): Palette;
  hoverEnabled(): boolean;
  openDetails(entityId: string): void;
  notThisCompany(entityId: string, matched: string): void;
  /** Scrolls the first occurrence of a company into view and returns its range. */
  reveal(entityId: string): Range | undefined;
}

type View =
  | { kind: 'card'; model: CardModel; matched: string; anchor: DOMRect }
  | { kind: 'panel' };

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
      if (this.view?.kind === 'card') this.close();
    };
    window.addEventListener('scroll', onScroll, { capture: true, passive: true });
    this.cleanups.push(() => window.removeEventListener('scroll', onScroll, { capture: true }));
    // Escape closes an open hover card wherever the focus is (the card is shown on hover, so focus
    // usually stays on the page). Only then: the page's own Escape handling is otherwise untouched.
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && this.view?.kind === 'card') this.close();
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
    this.view = { kind: 'panel' };
    await this.renderView();
  }

  close(): void {
    this.view = null;
    this.hovered = null;
    this.overCard = false;
    if (this.container) render(null, this.container);
    this.ui?.remove();
  }

  private onPointerMove(event: PointerEvent): void {
    if (!this.actions.hoverEnabled() || this.painter.size === 0) return;
    if (event.target instanceof Element && event.target.localName.startsWith(OWN_UI_PREFIX)) return;
    this.pointer = { x: event.clientX, y: event.clientY };
    // One hit test per frame however fast the pointer moves.
    if (!this.frame) this.frame = requestAnimationFrame(() => this.checkPointer());
  }

  private checkPointer(): void {
    this.frame = 0;
    if (!this.pointer || !this.ctx.isValid) return;
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

  private scheduleHide(): void {
    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => {
      if (!this.overCard && this.view?.kind === 'card') this.close();
    }, HIDE_DELAY_MS);
  }

  private async showCard(hit: { entityId: string; range: Range }): Promise<void> {
    if (this.view?.kind === 'panel') return;
    const model = await this.actions.describe(hit.entityId);
    // The pointer moved on while the details came.
    if (!model || !this.ctx.isValid || this.hovered?.range !== hit.range) return;
    const rects = hit.range.getClientRects();
    const anchor = rects.length > 0 ? rects[0] : hit.range.getBoundingClientRect();
    this.view = { kind: 'card', model, matched: hit.range.toString().replace(/\s+/g, ' ').trim(), anchor };
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
        css: CARD_CSS,
        isolateEvents: ['keydown', 'keyup', 'keypress'],
        onMount: (container) => container,
      });
      this.container = this.ui.uiContainer;
      this.container.addEventListener('pointerenter', () => {
        this.overCard = true;
        clearTimeout(this.hideTimer);
      }, true);
      this.container.addEventListener('pointerleave', () => {
        this.overCard = false;
        if (this.view?.kind === 'card') this.scheduleHide();
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
    const palette = this.actions.palette();
    if (view.kind === 'panel') {
      const entries = await this.actions.panelEntries();
      if (this.view !== view) return;
      render(
        h(FindingsPanel, {
          entries,
          palette,
          onShow: (entityId) => this.actions.reveal(entityId),
          onDetails: (entityId) => this.actions.openDetails(entityId),
          onClose: () => this.close(),
        }),
        container,
      );
      return;
    }
    render(
      h(HoverCard, {
        model: view.model,
        palette,
        matched: view.matched,
        onDetails: () => this.actions.openDetails(view.model.entityId),
        onNotThis: () => {
          this.actions.notThisCompany(view.model.entityId, view.matched);
          this.close();
        },
        onClose: () => this.close(),
      }),
      container,
    );
    this.place(container.querySelector<HTMLElement>('.card'), view.anchor);
  }

  /** Below the highlight when it fits, else above; always inside the viewport. */
  private place(card: HTMLElement | null, anchor: DOMRect): void {
    if (!card) return;
    const margin = 8;
    const { width, height } = card.getBoundingClientRect();
    const left = Math.min(Math.max(margin, anchor.left), window.innerWidth - width - margin);
    const below = anchor.bottom + 6;
    const top = below + height + margin <= window.innerHeight ? below : Math.max(margin, anchor.top - height - 6);
    card.style.left = `${Math.max(margin, left)}px`;
    card.style.top = `${top}px`;
  }
}
