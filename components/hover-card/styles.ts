// The card's and panel's own styles, loaded inside their shadow root so page CSS cannot reach them
// and they cannot leak into the page.
export const CARD_CSS = `
:host { all: initial; }
.card, .panel {
  position: fixed; z-index: 2147483647; box-sizing: border-box;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1f;
  background: #fff; border: 1px solid #c9c9d1; border-radius: 10px;
  box-shadow: 0 8px 28px rgba(0,0,0,.22); padding: 12px 14px;
}
.card { width: 340px; max-width: calc(100vw - 16px); }
.panel { top: 12px; right: 12px; width: 380px; max-height: calc(100vh - 24px); overflow: auto; }
.head { display: flex; align-items: center; gap: 8px; border-bottom: 3px solid #e2e2e8; padding-bottom: 8px; margin-bottom: 8px; }
.name { font-size: 15px; font-weight: 650; margin: 0; flex: 1; line-height: 1.25; }
.severity { font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; border-radius: 4px; padding: 2px 6px; white-space: nowrap; }
.close { border: 0; background: transparent; font-size: 20px; line-height: 1; cursor: pointer; color: #555; padding: 0 4px; }
.matched { margin: 0 0 6px; color: #55556a; font-size: 12px; }
.effect { margin: 0 0 8px; font-weight: 550; }
.listings, .findings { list-style: none; margin: 0 0 8px; padding: 0; }
.listings li { display: grid; grid-template-columns: auto auto 1fr; gap: 6px; align-items: baseline; padding: 3px 0; border-top: 1px solid #f0f0f3; }
.list { font-weight: 650; }
.status { font-size: 11px; border-radius: 4px; padding: 1px 5px; background: #eef; color: #223; }
.status-active { background: #1b1b1f; color: #fff; }
.status-vacated, .status-removed, .status-enjoined { background: #e8e8ec; color: #333; }
.dates { color: #55556a; font-size: 12px; text-align: right; }
.ruling { margin: 0 0 8px; padding: 6px 8px; background: #f6f6f9; border-radius: 6px; font-size: 12px; }
.caption { color: #44445a; }
.actions { display: flex; gap: 8px; }
button { font: inherit; }
.actions button { border: 1px solid #b9b9c6; background: #fff; border-radius: 6px; padding: 4px 10px; cursor: pointer; color: #1b1b1f; }
.actions button.primary { background: #1b1b1f; color: #fff; border-color: #1b1b1f; }
.actions button:focus-visible, .close:focus-visible { outline: 3px solid #0072B2; outline-offset: 2px; }
.findings li { padding: 8px 0; border-top: 1px solid #ececf1; }
.row { display: flex; gap: 8px; align-items: center; }
.count { margin-left: auto; color: #55556a; }
.findings .effect { font-weight: 400; margin: 4px 0; }
/* The heading takes focus when the panel opens so screen readers announce it; it is not a control. */
.panel h2:focus { outline: none; }
.findings .matched { margin: 0 0 6px; }
`;
