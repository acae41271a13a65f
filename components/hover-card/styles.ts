// The card's and panel's own styles, loaded inside their shadow root so page CSS cannot reach them
// and they cannot leak into the page. Colours are variables: the UI follows the page's own colour
// scheme (a dark broker page gets a dark card), set by page-ui as `data-scheme` on the container.
export const CARD_CSS = `
:host { all: initial; }
[data-scheme] {
  --sl-bg: #ffffff; --sl-fg: #1b1b1f; --sl-muted: #4f4f63; --sl-border: #c9c9d1; --sl-rule: #ececf1;
  --sl-soft: #f4f4f7; --sl-accent: #0a5dc2; --sl-strong-bg: #1b1b1f; --sl-strong-fg: #ffffff;
  --sl-danger: #a40e26; --sl-shadow: rgba(0,0,0,.22);
}
[data-scheme="dark"] {
  --sl-bg: #1c2027; --sl-fg: #e6e9ed; --sl-muted: #b1bac4; --sl-border: #48505b; --sl-rule: #333a44;
  --sl-soft: #272c34; --sl-accent: #8cc2ff; --sl-strong-bg: #e6e9ed; --sl-strong-fg: #16191d;
  --sl-danger: #ff9aa8; --sl-shadow: rgba(0,0,0,.6);
}
.card, .panel {
  position: fixed; z-index: 2147483647; box-sizing: border-box;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--sl-fg);
  background: var(--sl-bg); border: 1px solid var(--sl-border); border-radius: 10px;
  box-shadow: 0 8px 28px var(--sl-shadow); padding: 12px 14px; text-align: left;
}
.card { width: 340px; max-width: calc(100vw - 16px); max-height: calc(100vh - 16px); overflow: auto; }
.panel { top: 12px; right: 12px; width: 400px; max-width: calc(100vw - 24px); max-height: calc(100vh - 24px); overflow: auto; }
.head { display: flex; align-items: center; gap: 8px; border-bottom: 3px solid var(--sl-rule); padding-bottom: 8px; margin-bottom: 8px; }
.name { font-size: 15px; font-weight: 650; margin: 0; flex: 1; line-height: 1.25; }
.severity { font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; border-radius: 4px; padding: 2px 6px; white-space: nowrap; }
.plain-label { font-size: 11.5px; font-weight: 600; color: var(--sl-muted); border: 1px dotted var(--sl-muted); border-radius: 4px; padding: 1px 6px; white-space: nowrap; }
.close { border: 0; background: transparent; font-size: 20px; line-height: 1; cursor: pointer; color: var(--sl-muted); padding: 0 4px; }
.matched { margin: 0 0 6px; color: var(--sl-muted); font-size: 12px; }
.effect { margin: 0 0 6px; font-weight: 550; }
.standing-formerly .effect, .standing-watchlist .effect, [data-standing="formerly"] ~ * .effect { font-weight: 450; }
.permissions { margin: 0 0 6px; font-size: 12.5px; font-weight: 600; }
.key-dates { list-style: none; margin: 0 0 6px; padding: 0; font-size: 12px; }
.listings, .findings { list-style: none; margin: 0 0 8px; padding: 0; }
.listings li { display: flex; flex-wrap: wrap; gap: 2px 6px; align-items: baseline; padding: 3px 0; border-top: 1px solid var(--sl-rule); }
.list { font-weight: 650; }
.status { font-size: 11px; border-radius: 4px; padding: 1px 5px; }
.status-active { background: var(--sl-strong-bg); color: var(--sl-strong-fg); }
.status-vacated, .status-removed, .status-enjoined { background: var(--sl-soft); color: var(--sl-fg); }
.dates { color: var(--sl-muted); font-size: 12px; margin-left: auto; white-space: nowrap; }
.former { margin: 0 0 8px; color: var(--sl-muted); font-size: 12px; }
.ruling { margin: 0 0 8px; padding: 6px 8px; background: var(--sl-soft); border-radius: 6px; font-size: 12px; }
.caption { color: var(--sl-muted); }
.actions { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
button { font: inherit; }
.actions button { border: 1px solid var(--sl-border); background: var(--sl-bg); border-radius: 6px; padding: 4px 10px; cursor: pointer; color: var(--sl-fg); }
.actions button.primary { background: var(--sl-strong-bg); color: var(--sl-strong-fg); border-color: var(--sl-strong-bg); }
.actions button.quiet { border-color: transparent; background: transparent; color: var(--sl-accent); text-decoration: underline; text-underline-offset: 2px; padding: 4px 4px; margin-left: auto; }
.actions button.danger { background: var(--sl-bg); color: var(--sl-danger); border-color: var(--sl-danger); font-weight: 600; }
.actions button:focus-visible, .close:focus-visible { outline: 3px solid var(--sl-accent); outline-offset: 2px; }
.confirm { border: 1px solid var(--sl-danger); border-radius: 6px; padding: 8px; margin: 0 0 4px; }
.confirm p { margin: 0 0 8px; }
.foot { margin: 8px 0 0; color: var(--sl-muted); font-size: 11.5px; }
.notice p:first-child { margin: 0 0 8px; font-weight: 550; }
.findings > li { padding: 8px 0; border-top: 1px solid var(--sl-rule); }
.row { display: flex; gap: 8px; align-items: center; margin-bottom: 4px; }
.entry-name { font-size: 14px; margin: 0; font-weight: 650; }
.findings .effect { margin: 4px 0; }
.elsewhere { margin: 8px 0 0; padding: 6px 8px; background: var(--sl-soft); border-radius: 6px; }
/* The heading takes focus when the panel opens so screen readers announce it; it is not a control. */
.panel h2:focus { outline: none; }
.findings .matched { margin: 0 0 6px; }
`;
