// "Latest rulings": court decisions on listings, newest first, optionally only those about the
// companies on this page, and the latest additions to and removals from the lists.
import { useState } from 'preact/hooks';
import { formatDate } from '../format';
import { listChanges, type Catalog, type ListChange } from './model';
import { RulingItem } from './RulingItem';

function changeWords(change: ListChange): string {
  const list = change.list?.shortName ?? change.listId;
  switch (change.change) {
    case 'added':
      return `added to ${list}`;
    case 'removed':
      return `removed from ${list}`;
    case 'vacated':
      return `${list} listing vacated by a court`;
    case 'enjoined':
      return `${list} listing enjoined by a court`;
  }
}

export function RulingsView({ data, pageEntityIds, onOpen }: { data: Catalog; pageEntityIds: string[]; onOpen: (entityId: string) => void }) {
  const onPage = new Set(pageEntityIds);
  const [onlyThisPage, setOnlyThisPage] = useState(false);
  const about = (entities: string[]) =>
    entities.map((id) => data.entities.get(id)).filter((e) => e !== undefined).map((e) => ({ id: e.id, name: e.name }));
  const rulings = [...data.dataset.rulings]
    .filter((ruling) => !onlyThisPage || ruling.entities.some((id) => onPage.has(id)))
    .sort((a, b) => b.date.localeCompare(a.date));
  const pageRulings = data.dataset.rulings.filter((ruling) => ruling.entities.some((id) => onPage.has(id))).length;
  const changes = listChanges(data, 15);

  return (
    <div class="rulings-view">
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
      <section aria-labelledby="changes-title">
        <h2 id="changes-title">Recent list changes</h2>
        {changes.length > 0 ? (
          <ol class="changes" aria-label="List changes, newest first">
            {changes.map((change) => (
              <li key={`${change.entity.id}-${change.listId}-${change.change}-${change.date}`} data-testid="list-change" data-change={change.change}>
                <time dateTime={change.date}>{formatDate(change.date)}</time>
                <span>
                  <button type="button" class="link-button" onClick={() => onOpen(change.entity.id)}>
                    {change.entity.name}
                  </button>{' '}
                  <span class="muted">{changeWords(change)}</span>
                </span>
              </li>
            ))}
          </ol>
        ) : (
          <p class="small muted">No list changes in the current data.</p>
        )}
      </section>
    </div>
  );
}
