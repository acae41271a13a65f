// Status and severity chips: a word and a colour, never the colour alone, so the meaning
// survives colour blindness and screen readers.
import type { ListingStatus, RulingOutcome } from '../lib/dataset/types';
import type { DisplaySeverity } from '../lib/dataset/severity';

export const STATUS_LABEL: Record<ListingStatus, string> = {
  active: 'Active',
  removed: 'Removed',
  vacated: 'Vacated by court',
  enjoined: 'Enjoined',
};

export const SEVERITY_LABEL: Record<DisplaySeverity, string> = {
  prohibited: 'Prohibited',
  restricted: 'Restricted',
  caution: 'Caution',
  historical: 'Formerly listed',
};

const OUTCOME_LABEL: Record<string, string> = {
  'injunction-granted': 'Injunction granted',
  vacated: 'Vacated',
  dismissed: 'Dismissed',
  denied: 'Denied',
  mooted: 'Moot',
  pending: 'Pending',
  settled: 'Settled',
  upheld: 'Listing upheld',
  filed: 'Case filed',
  procedural: 'Procedural order',
};

/** Outcomes that favoured the company (the listing lost force), for the chip's colour. */
const FOR_COMPANY = new Set(['injunction-granted', 'vacated']);

export function outcomeLabel(outcome: RulingOutcome): string {
  return OUTCOME_LABEL[outcome] ?? outcome.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

export function StatusChip({ status }: { status: ListingStatus }) {
  return <span class={`chip chip-status-${status}`}>{STATUS_LABEL[status] ?? status}</span>;
}

export function SeverityChip({ severity }: { severity: DisplaySeverity }) {
  return <span class={`chip chip-severity-${severity}`}>{SEVERITY_LABEL[severity]}</span>;
}

export function OutcomeChip({ outcome }: { outcome: RulingOutcome }) {
  const tone = FOR_COMPANY.has(outcome) ? 'for' : outcome === 'pending' || outcome === 'filed' ? 'pending' : 'against';
  return <span class={`chip chip-outcome-${tone}`}>{outcomeLabel(outcome)}</span>;
}
