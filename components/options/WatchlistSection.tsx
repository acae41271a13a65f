// The user's own names and tickers: found on pages and listed in the popup and the findings panel;
// painted on the page in the watchlist colour only if the user lets pages see them.
import { useState } from 'preact/hooks';
import { PALETTES, withWatchlistTerm, withoutWatchlistTerm, type Settings, type WatchlistEntry } from '../../lib/settings';
import { Section, Toggle } from './Section';
import type { Save } from './useSettings';

export function WatchlistSection({ settings, save }: { settings: Settings; save: Save }) {
  const [term, setTerm] = useState('');
  const [error, setError] = useState('');
  const colour = PALETTES[settings.palette].watchlist;

  const add = async (event: Event) => {
    event.preventDefault();
    try {
      withWatchlistTerm(settings, term);
    } catch (e) {
      setError((e as Error).message);
      return;
    }
    setError('');
    if (await save((s) => withWatchlistTerm(s, term), `“${term.trim()}” added to your watchlist.`)) setTerm('');
  };
  const remove = (entry: WatchlistEntry) =>
    save((s) => withoutWatchlistTerm(s, entry.term), `“${entry.term}” removed from your watchlist.`, () =>
      save((s) => ({ ...s, watchlist: [...s.watchlist, entry] }), `“${entry.term}” is back on your watchlist.`));

  return (
    <Section id="watchlist" title="Your watchlist" intro="Names or tickers you want to notice on any page, whether or not they are on a list.">
      {settings.watchlist.length === 0 ? (
        <p class="empty" data-testid="watchlist-empty">Your watchlist is empty.</p>
      ) : (
        <ul class="rows" data-testid="watchlist">
          {settings.watchlist.map((entry) => (
            <li key={entry.term} data-testid="watchlist-entry">
              <span class="row-main">
                <span class="row-title"><span class="dot" style={{ background: colour.background }} aria-hidden="true" />{entry.term}</span>
                {entry.note && <span class="hint">{entry.note}</span>}
              </span>
              <button type="button" class="quiet" aria-label={`Remove ${entry.term} from the watchlist`} onClick={() => remove(entry)}>Remove</button>
            </li>
          ))}
        </ul>
      )}
      <form class="inline-form" onSubmit={add}>
        <label class="grow">
          <span class="field-label">Name or ticker</span>
          <input type="text" value={term} placeholder="e.g. Acme Robotics" autocomplete="off" data-testid="watchlist-input"
            aria-invalid={error ? true : undefined} aria-describedby={error ? 'watchlist-error' : undefined}
            onInput={(e) => setTerm((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <button type="submit" disabled={!term.trim()}>Add to watchlist</button>
      </form>
      {error && <p class="field-error" id="watchlist-error" role="alert">{error}</p>}
      <Toggle
        label="Highlight watchlist words on pages"
        hint="Off: words found are listed in the popup and the findings panel, and nothing on the page shows them. On: they are highlighted too, and the page's own scripts can read which words are highlighted, so the site can learn what you watch."
        checked={settings.watchlistOnPages}
        testId="watchlist-on-pages"
        onChange={(value) =>
          save((s) => ({ ...s, watchlistOnPages: value }), value ? 'Watchlist words are highlighted on pages; pages can read them.' : 'Watchlist words are no longer highlighted on pages.')}
      />
    </Section>
  );
}
