// What a court ruling did to a company's listing, in an investor's words. An outcome chip alone
// misleads: "Dismissed" reads as a loss for the company when DoD had dropped the listing first,
// and "Pending" (an appeal) hides that the lower court upheld the listing.
import type { Entity, Ruling } from '../lib/dataset/types';
import { formatDate } from './format';

/** How long after a removal a case that ends is taken to have ended because of it. */
const ENDED_BY_REMOVAL_DAYS = 60;

function daysBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 86_400_000;
}

export function rulingEffect(ruling: Ruling, entity: Pick<Entity, 'listings' | 'rulings'>, rulings: Map<string, Ruling>): string | undefined {
  switch (ruling.outcome) {
    case 'dismissed':
    case 'mooted': {
      const removal = entity.listings.find(
        (listing) => listing.status === 'removed' && listing.until && listing.until <= ruling.date && daysBetween(listing.until, ruling.date) <= ENDED_BY_REMOVAL_DAYS,
      );
      return removal ? `Case ended after the listing was removed (${formatDate(removal.until)})` : undefined;
    }
    case 'pending': {
      const earlier = entity.rulings
        .map((id) => rulings.get(id))
        .filter((r): r is Ruling => !!r && r.id !== ruling.id && r.date <= ruling.date)
        .sort((a, b) => b.date.localeCompare(a.date))
        .find((r) => r.outcome === 'upheld' || r.outcome === 'vacated' || r.outcome === 'injunction-granted');
      if (!earlier) return undefined;
      const what = earlier.outcome === 'upheld' ? 'upheld the listing' : earlier.outcome === 'vacated' ? 'vacated the listing' : 'blocked the listing for now';
      return `Appeal pending; the lower court ${what} on ${formatDate(earlier.date)}`;
    }
    case 'upheld':
      return 'The court upheld the listing';
    case 'vacated':
      return 'The court vacated the listing';
    case 'injunction-granted':
      return 'The court blocked the listing for now';
    default:
      return undefined;
  }
}
