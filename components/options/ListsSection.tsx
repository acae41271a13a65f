// Which lists to highlight and how serious a listing must be to show. The lists come from the
// active dataset, so a list added by a feed update appears here without a new release.
import type { Dataset, SanctionList, Severity } from '../../lib/dataset/types';
import { listVisible, type Settings } from '../../lib/settings';
import { SEVERITY_LABEL } from '../Chips';
import { Section, Toggle } from './Section';
import type { Save } from './useSettings';

const SEVERITIES: { value: Severity; hint: string }[] = [
  { value: 'caution', hint: 'Everything on the lists, including lists that only call for care.' },
  { value: 'restricted', hint: 'Restricted and prohibited listings only.' },
  { value: 'prohibited', hint: 'Only listings that forbid buying outright.' },
];

export function ListsSection({ settings, save, dataset, datasetError }: { settings: Settings; save: Save; dataset: Dataset | null; datasetError: string }) {
  const lists: Pick<SanctionList, 'id' | 'name' | 'authority' | 'severity'>[] = dataset?.lists ?? [];
  // Hiding a list that bars buying is one click to undo, and says what it costs.
  const setList = (list: { id: string; name: string; severity: Severity }, shown: boolean) =>
    save(
      (s) => ({ ...s, lists: { ...s.lists, [list.id]: shown } }),
      shown
        ? `${list.name} shown.`
        : list.severity === 'caution'
          ? `${list.name} hidden.`
          : `${list.name} hidden: you will no longer be warned about companies on it, which US persons may not ${list.severity === 'prohibited' ? 'buy' : 'freely trade'}.`,
      shown ? undefined : () => save((s) => ({ ...s, lists: { ...s.lists, [list.id]: true } }), `${list.name} shown again.`),
    );
  return (
    <Section id="lists" title="What to flag">
      <div class="subsection">
        <h3>Lists</h3>
        {datasetError && <p class="notice" role="status">{datasetError}</p>}
        <p class="hint" data-testid="lists-note">
          A company can stand stricter than the list that names it: a Russian issuer on the SSI or NS-MBS list shows as
          “Buying banned”, because EO 14071 bars US persons from buying any of its securities.
        </p>
        {lists.length > 0 && (
          <ul class="rows" data-testid="lists">
            {lists.map((list) => (
              <li key={list.id}>
                <Toggle
                  label={list.name}
                  hint={`${list.authority} · ${SEVERITY_LABEL[list.severity] ?? list.severity}`}
                  checked={listVisible(list.id, settings)}
                  testId={`list-${list.id}`}
                  onChange={(shown) => setList(list, shown)}
                />
              </li>
            ))}
          </ul>
        )}
      </div>
      <fieldset class="choices">
        <legend>Minimum severity</legend>
        {SEVERITIES.map(({ value, hint }) => (
          <label class="choice" key={value}>
            <input type="radio" name="min-severity" value={value} checked={settings.minSeverity === value}
              onChange={() => {
                const before = settings.minSeverity;
                void save(
                  (s) => ({ ...s, minSeverity: value }),
                  value === 'caution'
                    ? 'Showing caution and above.'
                    : `Showing ${SEVERITY_LABEL[value].toLowerCase()} and above: companies on lower lists are no longer highlighted.`,
                  value === 'caution' ? undefined : () => save((s) => ({ ...s, minSeverity: before }), `Showing ${SEVERITY_LABEL[before].toLowerCase()} and above again.`),
                );
              }} />
            <span><span class="toggle-label">{SEVERITY_LABEL[value]} and above</span><span class="hint">{hint}</span></span>
          </label>
        ))}
      </fieldset>
      <Toggle
        label="Show formerly listed companies"
        hint="Companies removed from a list, or whose listing a court vacated, in a muted colour."
        checked={settings.showHistorical}
        testId="show-historical"
        onChange={(value) => save((s) => ({ ...s, showHistorical: value }), value ? 'Formerly listed companies shown.' : 'Formerly listed companies hidden.')}
      />
    </Section>
  );
}
