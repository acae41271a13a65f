// The popup's tab bar, following the WAI-ARIA tabs pattern: one tab in the focus order,
// arrow keys (and Home/End) move between tabs and select them.
import { useRef } from 'preact/hooks';

export interface TabDef<K extends string> {
  key: K;
  label: string;
  /** Short extra text, e.g. a count. */
  badge?: string;
}

export function Tabs<K extends string>({ tabs, selected, onSelect, label }: { tabs: TabDef<K>[]; selected: K; onSelect: (key: K) => void; label: string }) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const move = (index: number) => {
    const next = (index + tabs.length) % tabs.length;
    onSelect(tabs[next].key);
    refs.current[next]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      move(moves[event.key]);
    }
  };
  return (
    <nav aria-label={`${label} sections`} class="tabs-nav">
    <div class="tabs" role="tablist" aria-label={label}>
      {tabs.map((tab, index) => (
        <button
          key={tab.key}
          ref={(el) => void (refs.current[index] = el)}
          type="button"
          role="tab"
          id={`tab-${tab.key}`}
          aria-selected={tab.key === selected}
          aria-controls={tab.key === selected ? `panel-${tab.key}` : undefined}
          tabIndex={tab.key === selected ? 0 : -1}
          onClick={() => onSelect(tab.key)}
          onKeyDown={(event) => onKeyDown(event, index)}
        >
          {tab.label}
          {tab.badge ? <span class="tab-badge">{tab.badge}</span> : null}
        </button>
      ))}
    </div>
    </nav>
  );
}
