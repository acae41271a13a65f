// The user's own names and tickers, highlighted like list entries in the watchlist colour.
import { useState } from 'preact/hooks';
import { PALETTES, withWatchlistTerm, withoutWatchlistTerm, type Settings, type WatchlistEntry } from '../../lib/settings';
import { Section } from './Section';
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
    </Section>
  );
}
