// The opt-in notifications say what an update changed for companies the user came across, in the
// words and dates of the signed `changes` the feed carries; a user who skipped a publication still
// hears about everything between the list they had and the new one.
import { describe, expect, it } from 'vitest';
import { diffDatasets } from '../../lib/dataset/changes';
import type { Dataset } from '../../lib/dataset/types';
import { newsFor } from '../../lib/feed/seen';
import { entity, makeDataset } from './feed-helpers';

const REMOVAL = 'https://www.federalregister.gov/documents/2026/11/30/2026-0001/removal';
const COURT = 'https://ecf.dcd.uscourts.gov/cgi-bin/show_public_doc?2026cv0001-42';

function withChanges(previous: Dataset, next: Dataset): Dataset {
  return { ...next, changes: diffDatasets(previous, next) };
}

describe('update notifications from the signed changes', () => {
  const before = makeDataset('2026.11.20.1', [entity('xiaomi-corporation', 'Xiaomi Corporation'), entity('comac', 'Commercial Aircraft Corporation of China')]);

  it('names the change and its date for a company the user saw, and nothing for the others', () => {
    const after = structuredClone(before);
    after.version = '2026.11.30.1';
    const xiaomi = after.entities.find((e) => e.id === 'xiaomi-corporation')!;
    xiaomi.listings[0] = { ...xiaomi.listings[0], status: 'removed', until: '2026-11-30', source: REMOVAL };
    after.entities.find((e) => e.id === 'comac')!.listings[0].status = 'removed';
    const signed = withChanges(before, after);

    expect(newsFor(before, signed, new Set(['xiaomi-corporation']))).toEqual([
      { entityId: 'xiaomi-corporation', name: 'Xiaomi Corporation', change: 'removed from the NS-CMIC List (Nov 30, 2026)', source: REMOVAL },
    ]);
    expect(newsFor(before, signed, new Set(['china-mobile-limited']))).toEqual([]);
  });

  it('reads the signed changes when they start from the list the user had, rather than its own guess', () => {
    const after = structuredClone(before);
    after.version = '2026.11.30.1';
    // The publisher's diff pairs a re-dated listing; the signature vouches for its words and date.
    const signed: Dataset = {
      ...after,
      changes: {
        from: before.version,
        to: after.version,
        items: [{ kind: 'listing-redated', entity: 'xiaomi-corporation', name: 'Xiaomi Corporation', list: 'ofac-ns-cmic', date: '2021-01-14', previousDate: '2021-06-03', source: REMOVAL }],
      },
    };
    expect(newsFor(before, signed, new Set(['xiaomi-corporation']))).toEqual([
      { entityId: 'xiaomi-corporation', name: 'Xiaomi Corporation', change: 'NS-CMIC List listing now dated Jan 14, 2021 (was Jun 3, 2021)', source: REMOVAL },
    ]);
  });

  it('a user who missed a publication hears about both updates, not only the last one', () => {
    const middle = makeDataset('2026.11.25.1', [...structuredClone(before.entities.slice(1)), { ...entity('halvard-quantum', 'Halvard Quantum Systems'), listings: [{ list: 'ofac-ns-cmic', status: 'active', since: '2026-11-25', source: REMOVAL }] }]);
    const last = structuredClone(middle);
    last.version = '2026.11.30.1';
    Object.assign(last.entities.find((e) => e.id === 'xiaomi-corporation')!.listings[0], { status: 'vacated', until: '2026-11-28' });
    // Signed from the publication the user never received: only the vacatur is in it.
    const signed = withChanges(middle, last);
    expect(signed.changes!.items.map((c) => c.kind)).toEqual(['listing-vacated']);

    const news = newsFor(before, signed, new Set(['xiaomi-corporation', 'halvard-quantum']));
    expect(news.map((n) => `${n.name}: ${n.change}`)).toEqual([
      'Xiaomi Corporation: NS-CMIC List listing vacated by a court (Nov 28, 2026)',
      'Halvard Quantum Systems: added to the NS-CMIC List (Nov 25, 2026)',
    ]);
  });

  it('a new ruling reaches every company it concerns, with the court record', () => {
    const after = structuredClone(before);
    after.version = '2026.11.30.1';
    after.rulings.push({
      id: 'comac-v-dod',
      caption: 'Commercial Aircraft Corporation of China v. Department of Defense',
      court: 'D.D.C.',
      docket: '1:26-cv-00001',
      judge: 'A. Judge',
      date: '2026-11-28',
      outcome: 'vacated',
      summary: 'The listing was vacated.',
      url: COURT,
      entities: ['comac', 'xiaomi-corporation'],
    });
    for (const e of after.entities) if (e.id !== 'china-mobile-limited') e.rulings.push('comac-v-dod');
    const news = newsFor(before, withChanges(before, after), new Set(['xiaomi-corporation']));
    expect(news).toEqual([{ entityId: 'xiaomi-corporation', name: 'Xiaomi Corporation', change: 'new court ruling (Nov 28, 2026)', source: COURT }]);
  });

  it('says nothing when only a source’s date moved', () => {
    const after = structuredClone(before);
    after.version = '2026.11.30.1';
    after.sources[0].asOf = '2026-11-29';
    const signed = withChanges(before, after);
    expect(signed.changes!.items.map((c) => c.kind)).toEqual(['source-updated']);
    expect(newsFor(before, signed, new Set(['xiaomi-corporation', 'comac', 'china-mobile-limited']))).toEqual([]);
  });
});
