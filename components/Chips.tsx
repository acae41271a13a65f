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

export function SeverityChip({ severity, label }: { severity: DisplaySeverity; label?: string }) {
  return <span class={`chip chip-severity-${severity}`} data-testid="severity-chip">{label ?? SEVERITY_LABEL[severity]}</span>;
}

/**
 * A coloured chip only for a listing in force; a company with only former listings, or only on the
 * user's watchlist, gets a plain label that cannot be mistaken for a government severity.
 */
export function StandingChip({ meaning, severity }: { meaning: { standing: { kind: string }; chip?: string }; severity: string }) {
  if (meaning.standing.kind === 'in-force') return <SeverityChip severity={severity as DisplaySeverity} label={meaning.chip} />;
  return (
    <span class="plain-label" data-testid="standing-label" data-standing={meaning.standing.kind}>
      {meaning.standing.kind === 'watchlist' ? 'Your watchlist' : 'Formerly listed'}
    </span>
  );
}

export function OutcomeChip({ outcome }: { outcome: RulingOutcome }) {
  const tone = FOR_COMPANY.has(outcome) ? 'for' : outcome === 'pending' || outcome === 'filed' ? 'pending' : 'against';
  return <span class={`chip chip-outcome-${tone}`}>{outcomeLabel(outcome)}</span>;
}
