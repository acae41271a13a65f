// Where list updates come from, how often to check, and whether to be told about changes.
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_FEED_URL, UPDATE_INTERVAL_CHOICES, checkFeedUrl, type Settings } from '../../lib/settings';
import { Section, Toggle } from './Section';
import type { Save } from './useSettings';
import browser from 'webextension-polyfill';

/**
 * Notifications are an optional permission, asked for only when the user turns them on (the
 * request must start inside the click); without it, the switch stays off and says why.
 */
async function setNotifications(on: boolean, save: Save): Promise<void> {
  if (!on) {
    await save((s) => ({ ...s, notifications: false }), 'Notifications off.');
    return;
  }
  const granted = await browser.permissions.request({ permissions: ['notifications'] }).catch(() => false);
  if (granted) await save((s) => ({ ...s, notifications: true }), 'Notifications on.');
  else await save((s) => ({ ...s, notifications: false }), 'Notifications stay off: the browser did not allow them.');
}

const intervalLabel = (hours: number) => (hours < 24 ? `Every ${hours} hour${hours === 1 ? '' : 's'}` : hours === 24 ? 'Once a day' : hours === 168 ? 'Once a week' : `Every ${hours / 24} days`);

export function UpdatesSection({ settings, save }: { settings: Settings; save: Save }) {
  const [url, setUrl] = useState(settings.feedUrl);
  const [error, setError] = useState('');
  useEffect(() => setUrl(settings.feedUrl), [settings.feedUrl]);
  const choices = UPDATE_INTERVAL_CHOICES.includes(settings.updateIntervalHours as never)
    ? [...UPDATE_INTERVAL_CHOICES]
    : [...UPDATE_INTERVAL_CHOICES, settings.updateIntervalHours].sort((a, b) => a - b);

  const saveUrl = async (event: Event) => {
    event.preventDefault();
    const problem = checkFeedUrl(url);
    if (problem) {
      setError(`The address ${problem}.`);
      return;
    }
    setError('');
    await save((s) => ({ ...s, feedUrl: url.trim() }), 'Update address saved.');
  };

  return (
    <Section id="updates" title="List updates" intro="Updates are signed; the extension refuses any file whose signature does not check out, whatever its address.">
      <form class="inline-form" onSubmit={saveUrl}>
        <label class="grow">
          <span class="field-label">Update address</span>
          <input type="url" value={url} spellcheck={false} data-testid="feed-url" aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'feed-error' : undefined} onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <button type="submit" disabled={url.trim() === settings.feedUrl}>Save</button>
        {settings.feedUrl !== DEFAULT_FEED_URL && (
          <button type="button" class="quiet" onClick={() => save((s) => ({ ...s, feedUrl: DEFAULT_FEED_URL }), 'Default update address restored.')}>Use default</button>
        )}
      </form>
      {error && <p class="field-error" id="feed-error" role="alert">{error}</p>}
      <label class="field">
        <span class="field-label">Check for updates</span>
        <select value={String(settings.updateIntervalHours)} data-testid="update-interval"
          onChange={(e) => {
            const hours = Number((e.currentTarget as HTMLSelectElement).value);
            void save((s) => ({ ...s, updateIntervalHours: hours }), `${intervalLabel(hours)}.`);
          }}>
          {choices.map((hours) => <option key={hours} value={String(hours)}>{intervalLabel(hours)}</option>)}
        </select>
      </label>
      <Toggle
        label="Notify me when a list changes"
        hint="A browser notification when a company you came across in the last 30 days is added to a list, removed from one, has a listing vacated or blocked by a court, re-dated, or gets a new court ruling."
        checked={settings.notifications}
        testId="notifications"
        onChange={(value) => void setNotifications(value, save)}
      />
    </Section>
  );
}
