// One court ruling in a timeline: when, which court and judge, what it decided, and where to read it.
import type { Ruling } from '../../lib/dataset/types';
import { OutcomeChip } from '../Chips';
import { ExternalLink } from '../ExternalLink';
import { formatDate } from '../format';
import { sourceLabel } from './sources';

export function RulingItem({ ruling, companies }: { ruling: Ruling; companies?: { id: string; name: string }[]; }) {
  return (
    <li class="ruling" data-testid="ruling" data-ruling-id={ruling.id}>
      <div class="ruling-head">
        <time dateTime={ruling.date}>{formatDate(ruling.date)}</time>
        <OutcomeChip outcome={ruling.outcome} />
      </div>
      <p class="ruling-caption">
        <ExternalLink href={ruling.url} label={`${ruling.caption}, ${formatDate(ruling.date)} (${sourceLabel(ruling.url).official ? 'opens the court record' : `opens a report on ${sourceLabel(ruling.url).host}`})`}>
          {ruling.caption}
        </ExternalLink>
      </p>
      <p class="muted small">
        {[ruling.court, ruling.judge ? `Judge ${ruling.judge}` : '', ruling.docket ? (/^no\.?\s/i.test(ruling.docket) ? ruling.docket : `No. ${ruling.docket}`) : ''].filter(Boolean).join(' · ')}
      </p>
      <p class="ruling-summary">{ruling.summary}</p>
      {companies && companies.length > 0 ? <p class="muted small">About: {companies.map((c) => c.name).join(', ')}</p> : null}
    </li>
  );
}
