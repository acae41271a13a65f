// The first-run page: the four things a new user needs before the first warning — pin the icon
// (Chrome hides it, and with it the count), what the colours mean, the keyboard shortcut, and
// where the settings are.
import { PALETTES, UNDERLINE_STYLES, type PaletteKey } from '../../lib/settings/palette';
import { US_PERSON_NOTE } from '../meaning';

const MEANINGS: [PaletteKey, string, string][] = [
  ['prohibited', 'Prohibited', 'US persons may not buy its securities: an NS-CMIC listing, or EO 14071 for every Russian issuer whatever list names it (chip: “Buying banned”); or no dealing at all, an SDN listing (chip: “Blocked”).'],
  ['restricted', 'Restricted', 'Some dealings in its securities are barred, such as its new debt or shares (OFAC sectoral directives), for a company outside Russia’s new-investment ban. Double line.'],
  ['caution', 'Caution', 'Named on a US government list that is not an investment ban (DoD 1260H, Entity List, FCC…).'],
  ['historical', 'Formerly listed', 'A listing that ended or a court vacated: no current restriction. Dotted grey line, no fill.'],
  ['watchlist', 'Your watchlist', 'A name you asked to see highlighted; not a government listing.'],
];

export function Welcome({ browserName, onOpenSettings }: { browserName: 'chromium' | 'firefox'; onOpenSettings: () => void }) {
  const colours = PALETTES['colorblind-safe'];
  return (
    <main class="welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">Sanctions Lens is installed</h1>
      <p class="lead">
        From now on, when a page you read names a company on a US sanctions or investment-restriction list, it is
        highlighted where it stands. Nothing a page contains leaves your browser.
      </p>

      <section aria-labelledby="pin-title" data-testid="welcome-pin">
        <h2 id="pin-title">1. Pin the icon</h2>
        {browserName === 'firefox' ? (
          <p>Firefox may put new add-ons in the extensions menu: open it, click the gear beside Sanctions Lens and choose “Pin to Toolbar”.</p>
        ) : (
          <p>
            Chrome hides new extensions behind the puzzle-piece button next to the address bar. Click it, then the pin
            beside Sanctions Lens, so the icon — and the count of listed companies on each page — stays in sight.
          </p>
        )}
        <div class="toolbar" aria-hidden="true">
          <span class="address">news.example/markets</span>
          <span class="icon">
            <img src="/icon/32.png" width="20" height="20" alt="" />
            <span class="badge" style={{ background: colours.prohibited.background, color: colours.prohibited.text }}>3</span>
          </span>
        </div>
        <p class="small">The number counts companies with a listing in force; its colour is the most serious one. A “!” means the list data is over a month old or may be out of date.</p>
      </section>

      <section aria-labelledby="colours-title" data-testid="welcome-colours">
        <h2 id="colours-title">2. What the colours mean</h2>
        <ul class="meanings">
          {MEANINGS.map(([key, label, words]) => {
            const line = UNDERLINE_STYLES[key];
            const filled = key !== 'historical';
            return (
              <li key={key}>
                <span
                  class="sample"
                  style={{
                    background: filled ? colours[key].background : 'transparent',
                    color: filled ? colours[key].text : 'inherit',
                    textDecorationLine: 'underline',
                    textDecorationStyle: line.style,
                    textDecorationColor: filled ? colours[key].text : colours[key].underline,
                    textDecorationThickness: line.thickness,
                  }}
                >
                  {label}
                </span>
                <span>{words}</span>
              </li>
            );
          })}
        </ul>
        <p class="small">Hover a highlight for a card with the lists, dates and what they mean for you; “Details” opens everything, with the official sources.</p>
      </section>

      <section aria-labelledby="keys-title" data-testid="welcome-shortcut">
        <h2 id="keys-title">3. The keyboard way</h2>
        <p>
          Press <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>L</kbd> on any page to list its companies in a panel you can read
          with the keyboard or a screen reader.{' '}
          {browserName === 'firefox'
            ? 'To change the keys, open about:addons, the gear menu, “Manage Extension Shortcuts”.'
            : 'To change the keys, open chrome://extensions/shortcuts.'}
        </p>
      </section>

      <section aria-labelledby="settings-title" data-testid="welcome-settings">
        <h2 id="settings-title">4. Settings</h2>
        <p>
          Sanctions Lens scans every site by default, so news you read anywhere is covered. You can limit it to brokers
          and financial news, switch a site off from the popup, pause it, choose lists, colours and a watchlist.
        </p>
        <button type="button" class="primary" onClick={onOpenSettings}>Open settings</button>
      </section>

      <p class="note">{US_PERSON_NOTE}</p>
    </main>
  );
}
