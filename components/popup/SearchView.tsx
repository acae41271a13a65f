// "Is this company on a list?": instant search over the whole dataset, as a combobox with a
// listbox of results (arrow keys move, Enter opens the details, Escape clears).
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { StandingChip } from '../Chips';
import { entityMeaning } from '../meaning';
import { CoverageNote, OfacSearchLink } from './Coverage';
import { severityOf, type Catalog } from './model';
import { createSearchIndex, type SearchIndex, type SearchResult } from './search';

export interface SearchState {
  query: string;
  active: number;
}

const BY_WORDS: Record<SearchResult['by'], string> = { name: 'name', alias: 'also known as', ticker: 'ticker', isin: 'ISIN' };

export function SearchView({ data, state, onChange, onOpen, autoFocus }: {
  data: Catalog;
  state: SearchState;
  onChange: (state: SearchState) => void;
  onOpen: (entityId: string) => void;
  autoFocus: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  // The index is built on the first search, not when the popup opens: most popups never search.
  const index = useRef<{ data: Catalog; index: SearchIndex } | undefined>(undefined);
  const results = useMemo(() => {
    if (!state.query.trim()) return [];
    if (index.current?.data !== data) index.current = { data, index: createSearchIndex({ entities: [...data.entities.values()] }) };
    return index.current.index.search(state.query);
  }, [state.query, data]);
  const active = Math.min(state.active, results.length - 1);

  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);
  useEffect(() => {
    if (active >= 0) document.getElementById(`result-${active}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (results.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      onChange({ ...state, active: (Math.max(active, step > 0 ? -1 : 0) + step + results.length) % results.length });
    } else if (event.key === 'Enter') {
      const chosen = results[Math.max(active, 0)];
      if (chosen) {
        event.preventDefault();
        onOpen(chosen.entity.id);
      }
    } else if (event.key === 'Escape' && state.query) {
      // Without this the popup itself would close on the first Escape.
      event.preventDefault();
      event.stopPropagation();
      onChange({ query: '', active: -1 });
    }
  };

  const query = state.query.trim();
  // No name, alias, ticker or ISIN hit. If the query reads as a slip in typing a listed name, that
  // company is offered first, with its standing ("did you mean"); otherwise the answer is "not
  // found", said first, whatever fuzzy search adds.
  const noExact = query !== '' && results.every((result) => result.similar || result.spelling);
  const spelled = noExact ? results.filter((result) => result.spelling).length : 0;
  const alike = noExact ? results.length - spelled : 0;
  return (
    <div class="search-view">
      <label for="search-input" class="search-label">Is a company on a list? Search by name, ticker or ISIN</label>
      <input
        ref={input}
        id="search-input"
        type="search"
        role="combobox"
        list={undefined}
        autoComplete="off"
        spellcheck={false}
        placeholder="e.g. Xiaomi, HKEX 1810, 1810.HK"
        aria-expanded={results.length > 0}
        aria-controls="search-results"
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? `result-${active}` : undefined}
        value={state.query}
        onInput={(event) => onChange({ query: (event.target as HTMLInputElement).value, active: -1 })}
        onKeyDown={onKeyDown}
      />
      <p class="sr-only" aria-live="polite">
        {!query ? '' : noExact ? liveNoExact(spelled, alike) : `${results.length} ${results.length === 1 ? 'match' : 'matches'}`}
      </p>
      {spelled > 0 ? (
        <p class="did-you-mean" data-testid="search-did-you-mean">
          <strong>No exact match for “{query}”.</strong> Did you mean {spelled === 1 ? 'this company' : 'one of these'}?
        </p>
      ) : noExact ? (
        <div class="empty small" data-testid="search-empty">
          <p class="negative">
            <strong>“{query}”: not found</strong> among the companies on the US lists we track.
          </p>
          <CoverageNote data={data} />
          <OfacSearchLink query={query} />
          <p class="muted">Check the spelling, or try its ticker or ISIN.</p>
        </div>
      ) : null}
      {spelled === 0 && alike > 0 ? <h2 class="group-title" id="similar-title">Similar names (probably not what you meant)</h2> : null}
      <ul id="search-results" role="listbox" aria-label={spelled > 0 ? 'Did you mean' : noExact ? 'Similar names' : 'Search results'} class="results">
        {results.map((result, i) => (
          <li
            key={result.entity.id}
            id={`result-${i}`}
            role="option"
            aria-selected={i === active}
            class={i === active ? 'result active' : 'result'}
            data-testid="search-result"
            data-entity-id={result.entity.id}
            data-similar={result.similar ? 'true' : undefined}
            data-spelling={result.spelling ? 'true' : undefined}
            onClick={() => onOpen(result.entity.id)}
            onMouseMove={() => i !== active && onChange({ ...state, active: i })}
          >
            <span class="result-name">{result.entity.name}</span>
            {result.similar ? null : <StandingChip meaning={entityMeaning(result.entity, data)} severity={severityOf(result.entity, data)} />}
            {result.similar ? (
              <span class="result-via muted small" data-testid="similar-name">
                {result.by === 'name' ? 'similar name, not an exact match' : `similar name: ${result.matched}`}
              </span>
            ) : result.spelling ? (
              <span class="result-via muted small" data-testid="spelled-name">
                {result.by === 'name' ? 'close spelling of its name' : `close spelling of: ${result.matched}`}
              </span>
            ) : result.by !== 'name' ? (
              <span class="result-via muted small">
                {BY_WORDS[result.by]}: {result.matched}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {!state.query.trim() ? (
        <p class="muted small hint">
          {data.dataset.entities.length.toLocaleString()} companies. Names in any script, tickers in any form, ISINs. ↑ ↓ to move, Enter to open.
        </p>
      ) : null}
      {!state.query.trim() ? (
        <p class="small hint">
          Many holdings to look up?{' '}
          <a href="portfolio.html" target="_blank" rel="noopener" data-testid="portfolio-link">
            Check a whole positions file
          </a>
        </p>
      ) : null}
    </div>
  );
}

/** What a screen reader hears when nothing matched exactly: the same answer the screen gives. */
function liveNoExact(spelled: number, alike: number): string {
  const parts = ['No exact match'];
  if (spelled > 0) parts.push(`${spelled} close ${spelled === 1 ? 'spelling' : 'spellings'}`);
  if (alike > 0) parts.push(`${alike} similar ${alike === 1 ? 'name' : 'names'}`);
  return parts.join('; ');
}
