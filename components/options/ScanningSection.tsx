// Where the extension scans: the scope, a pause, and the user's per-site and per-page rules.
import { useEffect, useState } from 'preact/hooks';
import {
  FINANCIAL_SITES,
  displayHost,
  isPaused,
  removeSiteRule,
  startOfTomorrow,
  withPageEnabled,
  withSiteRule,
  type Settings,
} from '../../lib/settings';
import { Section } from './Section';
import type { Save } from './useSettings';

const HOUR = 60 * 60 * 1000;
const UNTIL = new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: 'numeric', minute: '2-digit' });

function usePauseClock(pausedUntil: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const left = pausedUntil - Date.now();
    if (left <= 0) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(left + 50, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [pausedUntil, now]);
  return now;
}

function Pause({ settings, save }: { settings: Settings; save: Save }) {
  const now = usePauseClock(settings.pausedUntil);
  const paused = isPaused(settings, now);
  return (
    <div class="pause" data-testid="pause">
      <p class="state">
        {paused ? <>Paused until <strong>{UNTIL.format(settings.pausedUntil)}</strong>. No page is scanned.</> : 'Scanning is on.'}
      </p>
      <div class="buttons">
        {paused ? (
          <button type="button" class="primary" onClick={() => save((s) => ({ ...s, pausedUntil: 0 }), 'Scanning resumed.')}>Resume now</button>
        ) : (
          <>
            <button type="button" onClick={() => save((s) => ({ ...s, pausedUntil: Date.now() + HOUR }), 'Paused for an hour.')}>Pause for an hour</button>
            <button type="button" onClick={() => save((s) => ({ ...s, pausedUntil: startOfTomorrow(Date.now()) }), 'Paused until tomorrow.')}>Pause until tomorrow</button>
          </>
        )}
      </div>
    </div>
  );
}

interface RuleRow {
  key: string;
  label: string;
  enabled: boolean;
  kind: 'site' | 'page';
}

function rows(settings: Settings): RuleRow[] {
  const sites = [
    ...settings.disabledFor.map((rule): RuleRow => ({ key: rule, label: displayHost(rule), enabled: false, kind: 'site' })),
    ...settings.enabledFor.map((rule): RuleRow => ({ key: rule, label: displayHost(rule), enabled: true, kind: 'site' })),
  ].sort((a, b) => a.label.localeCompare(b.label));
  const pages = settings.disabledPages.map((page): RuleRow => ({ key: page, label: page, enabled: false, kind: 'page' }));
  return [...sites, ...pages];
}

function SiteRules({ settings, save }: { settings: Settings; save: Save }) {
  const [site, setSite] = useState('');
  const [mode, setMode] = useState<'off' | 'on'>('off');
  const [error, setError] = useState('');
  const list = rows(settings);

  const add = async (event: Event) => {
    event.preventDefault();
    try {
      const enabled = mode === 'on';
      const change = (s: Settings) => withSiteRule(s, site, enabled);
      change(settings);
      setError('');
      if (await save(change, `${site.trim()} will ${enabled ? 'always' : 'never'} be scanned.`)) setSite('');
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const remove = (row: RuleRow) => {
    if (row.kind === 'page') {
      return save((s) => withPageEnabled(s, row.key, true), `Rule for ${row.label} removed.`, () =>
        save((s) => withPageEnabled(s, row.key, false), `Rule for ${row.label} restored.`));
    }
    return save((s) => removeSiteRule(s, row.key), `Rule for ${row.label} removed.`, () =>
      save((s) => withSiteRule(s, row.key, row.enabled), `Rule for ${row.label} restored.`));
  };

  return (
    <div class="subsection">
      <h3 id="site-rules-title">Site rules</h3>
      <p class="hint">A rule for <code>example.com</code> also covers <code>www.example.com</code> and other subdomains. The popup’s switch adds rules here too.</p>
      {list.length === 0 ? (
        <p class="empty" data-testid="site-rules-empty">No site rules yet.</p>
      ) : (
        <ul class="rows" aria-labelledby="site-rules-title" data-testid="site-rules">
          {list.map((row) => (
            <li key={`${row.kind}:${row.key}`} data-testid="site-rule" data-rule={row.key}>
              <span class="row-main">
                <span class="row-title">{row.label}</span>
                <span class="hint">{row.kind === 'page' ? 'This page only' : 'Site and subdomains'}</span>
              </span>
              <span class={`badge ${row.enabled ? 'on' : 'off'}`}>{row.enabled ? 'Always scan' : 'Never scan'}</span>
              <button type="button" class="quiet" aria-label={`Remove rule for ${row.label}`} onClick={() => remove(row)}>Remove</button>
            </li>
          ))}
        </ul>
      )}
      <form class="inline-form" onSubmit={add} aria-labelledby="add-site-label">
        <span id="add-site-label" class="visually-hidden">Add a site rule</span>
        <label class="grow">
          <span class="field-label">Site</span>
          <input type="text" value={site} placeholder="example.com" autocomplete="off" spellcheck={false} aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'site-error' : undefined} data-testid="site-input" onInput={(e) => setSite((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label>
          <span class="field-label">Rule</span>
          <select value={mode} onChange={(e) => setMode((e.currentTarget as HTMLSelectElement).value as 'on' | 'off')} data-testid="site-mode">
            <option value="off">Never scan</option>
            <option value="on">Always scan</option>
          </select>
        </label>
        <button type="submit" disabled={!site.trim()}>Add rule</button>
      </form>
      {error && <p class="field-error" id="site-error" role="alert">{error}</p>}
    </div>
  );
}

export function ScanningSection({ settings, save }: { settings: Settings; save: Save }) {
  const setScope = (scope: Settings['scanScope']) =>
    save((s) => ({ ...s, scanScope: scope }), scope === 'all' ? 'Scanning all sites.' : 'Scanning brokerage and financial-news sites only.');
  return (
    <Section id="scanning" title="Where to scan" intro="Pages are read inside your browser; nothing you read is sent anywhere.">
      <fieldset class="choices">
        <legend>Scan</legend>
        <label class="choice">
          <input type="radio" name="scope" value="all" checked={settings.scanScope === 'all'} onChange={() => setScope('all')} />
          <span><span class="toggle-label">All sites</span><span class="hint">Companies are flagged wherever you read about them: news, blogs, filings, forums.</span></span>
        </label>
        <label class="choice">
          <input type="radio" name="scope" value="financial" checked={settings.scanScope === 'financial'} onChange={() => setScope('financial')} />
          <span>
            <span class="toggle-label">Brokerage and financial-news sites only</span>
            <span class="hint">{FINANCIAL_SITES.length} curated brokers, exchanges and news sites, plus sites you set to “Always scan” below.</span>
          </span>
        </label>
        <details class="sites">
          <summary>Show the curated sites</summary>
          <ul>{FINANCIAL_SITES.map((s) => <li key={s.host}><code>{s.host}</code> {s.name}</li>)}</ul>
        </details>
      </fieldset>
      <Pause settings={settings} save={save} />
      <SiteRules settings={settings} save={save} />
    </Section>
  );
}
