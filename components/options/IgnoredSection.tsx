// Matches the user said were wrong ("not this company here"), each removable on its own.
import type { Dataset } from '../../lib/dataset/types';
import { displayHost, watchlistEntityId, withIgnore, withoutIgnore, type IgnoreRule, type Settings } from '../../lib/settings';
import { Section } from './Section';
import type { Save } from './useSettings';

const DATE = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

export function IgnoredSection({ settings, save, dataset }: { settings: Settings; save: Save; dataset: Dataset | null }) {
  const names = new Map(dataset?.entities.map((e) => [e.id, e.name]) ?? []);
  const nameOf = (rule: IgnoreRule) => names.get(rule.entityId) ?? settings.watchlist.find((w) => watchlistEntityId(w.term) === rule.entityId)?.term ?? rule.entityId;
  const remove = (rule: IgnoreRule) =>
    save((s) => withoutIgnore(s, rule), `${nameOf(rule)} will be flagged again${rule.site === '*' ? '' : ` on ${displayHost(rule.site)}`}.`, () =>
      save((s) => withIgnore(s, rule), `${nameOf(rule)} is ignored again.`));
  return (
    <Section id="ignored" title="Ignored matches" intro="Added from a highlight’s card when a match is not the listed company.">
      {settings.ignored.length === 0 ? (
        <p class="empty" data-testid="ignored-empty">No ignored matches.</p>
      ) : (
        <ul class="rows" data-testid="ignored">
          {settings.ignored.map((rule) => (
            <li key={`${rule.entityId}|${rule.text}|${rule.site}`} data-testid="ignore-rule">
              <span class="row-main">
                <span class="row-title">{nameOf(rule)}</span>
                <span class="hint">
                  {rule.text ? <>as “{rule.text}”</> : 'any mention'} · {rule.site === '*' ? 'everywhere' : <>on {displayHost(rule.site)}</>}
                  {Date.parse(rule.addedAt) > 0 && <> · since {DATE.format(Date.parse(rule.addedAt))}</>}
                </span>
              </span>
              <button type="button" class="quiet" aria-label={`Flag ${nameOf(rule)} again${rule.site === '*' ? '' : ` on ${displayHost(rule.site)}`}`} onClick={() => remove(rule)}>Remove</button>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
