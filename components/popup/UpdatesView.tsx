// The Updates tab: what the lists' last changes were (from the feed's signed list of changes, or
// read off the listing dates when the built-in list is all there is), grouped by date and list with
// this page's companies marked, then the court rulings on listings, newest first.
import { useState } from 'preact/hooks';
import { ExternalLink } from '../ExternalLink';
import { formatDate } from '../format';
import type { Catalog } from './model';
import { RulingItem } from './RulingItem';
import { sourceLabel } from './sources';
import { groupCounts, recentChanges, type ChangeGroup, type UpdateChange } from './updates';

/** Groups longer than this show their first names and fold the rest. */
const SHOWN_PER_GROUP = 4;

function changeWords(change: UpdateChange): string {
  switch (change.change) {
    case 'added':
      return change.newCompany ? 'added · new in the data' : 'added';
    case 'removed':
      return 'removed';
    case 'vacated':
      return 'listing vacated by a court';
    case 'enjoined':
      return 'listing enjoined by a court';
    case 'reinstated':
      return 'listing back in force';
    case 'redated':
      return change.previousDate ? `date now ${formatDate(change.date)} (was ${formatDate(change.previousDate)})` : 'date corrected';
    case 'dropped':
    case 'company-dropped':
      return 'no longer in the data';
    case 'ruling':
      return 'new court ruling';
  }
}

function groupTitle(group: ChangeGroup): string {
  const what = group.list ? group.list.shortName || group.list.name : group.listId ?? (group.changes.every((c) => c.change === 'ruling') ? 'Court rulings' : 'Companies');
  return group.date ? `${formatDate(group.date)} · ${what}` : what;
}

function SourceLink({ url }: { url: string }) {
  const label = sourceLabel(url);
  return <ExternalLink href={url} label={`${label.words} (opens in a new tab)`}>{label.words}</ExternalLink>;
}

function ChangeRow({ change, onPage, onOpen, showSource }: { change: UpdateChange; onPage: boolean; onOpen: (id: string) => void; showSource: boolean }) {
  return (
    <li data-testid="list-change" data-change={change.change} data-entity-id={change.entityId}>
      {change.entityId ? (
        <button type="button" class="link-button" onClick={() => onOpen(change.entityId!)}>
          {change.name}
        </button>
      ) : (
        <span>{change.name}</span>
      )}{' '}
      <span class="muted">{changeWords(change)}</span>
      {onPage ? <span class="on-page-mark"> on this page</span> : null}
      {showSource && change.source ? (
        <>
          {' · '}
          <SourceLink url={change.source} />
        </>
      ) : null}
    </li>
  );
}

function Group({ group, onPage, onOpen }: { group: ChangeGroup; onPage: Set<string>; onOpen: (id: string) => void }) {
  // This page's companies first: they are why the reader opened the popup.
  const changes = [...group.changes].sort((a, b) => Number(onPage.has(b.entityId ?? '')) - Number(onPage.has(a.entityId ?? '')));
  const sources = new Set(changes.map((c) => c.source).filter(Boolean));
  const oneSource = sources.size === 1 ? [...sources][0] : undefined;
  const rows = (items: UpdateChange[]) =>
    items.map((change, i) => (
      <ChangeRow key={`${change.entityId ?? change.name}-${change.change}-${i}`} change={change} onPage={onPage.has(change.entityId ?? '')} onOpen={onOpen} showSource={!oneSource} />
    ));
  const folded = changes.length > SHOWN_PER_GROUP + 1 ? changes.slice(SHOWN_PER_GROUP - 1) : [];
  const shown = folded.length ? changes.slice(0, SHOWN_PER_GROUP - 1) : changes;
  const marked = changes.filter((c) => onPage.has(c.entityId ?? '')).length;
  return (
    <li class="change-group" data-testid="change-group">
      <h3 class="change-title">
        {group.date ? <time dateTime={group.date}>{groupTitle(group)}</time> : groupTitle(group)}
      </h3>
      <p class="small muted">
        {groupCounts(group)}
        {marked > 0 ? ` · ${marked} on this page` : ''}
        {oneSource ? (
          <>
            {' · '}
            <SourceLink url={oneSource} />
          </>
        ) : null}
      </p>
      <ul class="changes">{rows(shown)}</ul>
      {folded.length ? (
        <details class="more-changes">
          <summary>{folded.length} more</summary>
          <ul class="changes">{rows(folded)}</ul>
        </details>
      ) : null}
    </li>
  );
}

export function UpdatesView({ data, pageEntityIds, onOpen }: { data: Catalog; pageEntityIds: string[]; onOpen: (entityId: string) => void }) {
  const onPage = new Set(pageEntityIds);
  const [onlyThisPage, setOnlyThisPage] = useState(false);
  const about = (entities: string[]) =>
    entities.map((id) => data.entities.get(id)).filter((e) => e !== undefined).map((e) => ({ id: e.id, name: e.name }));
  const rulings = [...data.dataset.rulings]
    .filter((ruling) => !onlyThisPage || ruling.entities.some((id) => onPage.has(id)))
    .sort((a, b) => b.date.localeCompare(a.date));
  const pageRulings = data.dataset.rulings.filter((ruling) => ruling.entities.some((id) => onPage.has(id))).length;
  const recent = recentChanges(data);

  return (
    <div class="rulings-view">
      <section aria-labelledby="changes-title" data-testid="recent-changes" data-basis={recent.basis}>
        <h2 id="changes-title">Recent list changes</h2>
        <p class="small muted" data-testid="changes-basis">
          {recent.basis === 'signed'
            ? `What the last update changed (list version ${recent.from} → ${recent.to}), as signed with the data.`
            : 'From the listing dates in the built-in list; an update from the feed says exactly what changed.'}
        </p>
        {recent.sources.length > 0 ? (
          <p class="small muted" data-testid="changes-sources">
            New data from: {recent.sources.map((s) => `${s.title}${s.date ? ` as of ${formatDate(s.date)}` : ''}${s.previousDate ? ` (was ${formatDate(s.previousDate)})` : ''}`).join('; ')}
          </p>
        ) : null}
        {recent.groups.length > 0 ? (
          <ol class="change-groups" aria-label="List changes, newest first">
            {recent.groups.map((group) => (
              <Group key={`${group.date}-${group.listId}`} group={group} onPage={onPage} onOpen={onOpen} />
            ))}
          </ol>
        ) : (
          <p class="small muted">{recent.basis === 'signed' ? 'The last update changed no company or listing.' : 'No list changes in the current data.'}</p>
        )}
      </section>
      <section aria-labelledby="rulings-title">
        <div class="section-head">
          <h2 id="rulings-title">Court rulings</h2>
          <label class="check small">
            <input
              type="checkbox"
              checked={onlyThisPage}
              disabled={onPage.size === 0}
              onChange={(event) => setOnlyThisPage((event.target as HTMLInputElement).checked)}
            />
            Only rulings about this page’s companies ({pageRulings})
          </label>
        </div>
        {rulings.length > 0 ? (
          <ol class="timeline" aria-label="Court rulings, newest first">
            {rulings.map((ruling) => (
              <RulingItem key={ruling.id} ruling={ruling} companies={about(ruling.entities)} />
            ))}
          </ol>
        ) : (
          <p class="small muted">{onlyThisPage ? 'No court has ruled on the listings of the companies on this page.' : 'No rulings in the current data.'}</p>
        )}
      </section>
    </div>
  );
}
