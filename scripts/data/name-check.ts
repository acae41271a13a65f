// The build's check that every official name resolves: each OFAC and DoD name of a company, scanned
// with the product's own matcher (lib/match), must find that company, or a company the curated file
// names as related with the reason (a group name that belongs to its listed arm, say). A name that
// finds nothing, or finds another company, would show a user the wrong warning or none.
import type { Dataset } from '../../lib/dataset/types';
import { createMatcher } from '../../lib/match';

export interface OfficialName {
  name: string;
  entityId: string;
  /** Where the name comes from, for the message ("OFAC 32130", "DoD 1260H"). */
  from: string;
}

export interface NameResolution {
  name: string;
  /** The company the name is listed under. */
  entity: string;
  /** The company the matcher finds for it instead, accepted for this reason; "" when it is rightly found alone by nothing. */
  resolvesTo: string;
  reason: string;
}

export interface NameProblem extends OfficialName {
  found: string[];
}

export function checkOfficialNames(
  dataset: Pick<Dataset, 'entities'>,
  names: OfficialName[],
  accepted: NameResolution[] = [],
): NameProblem[] {
  const matcher = createMatcher(dataset);
  const byId = new Map(dataset.entities.map((e) => [e.id, e]));
  const related = new Map(dataset.entities.map((e) => [e.id, new Set((e.related ?? []).map((r) => r.id))]));
  const ok = new Map<string, Set<string>>();
  for (const a of accepted) {
    const key = `${a.entity}\u0000${a.name.toLowerCase()}`;
    ok.set(key, new Set([...(ok.get(key) ?? []), a.resolvesTo]));
  }
  const problems: NameProblem[] = [];
  const seen = new Set<string>();
  for (const entry of names) {
    const key = `${entry.entityId}\u0000${entry.name.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // A short or everyday name counts only with a second signal (DESIGN: weak aliases): give it the
    // one a page would, the company already found nearby.
    let found = [...new Set(matcher.scan(entry.name).map((m) => m.entityId))];
    if (found.length === 0) found = [...new Set(matcher.scan(entry.name, { entitiesNearby: new Set([entry.entityId]) }).map((m) => m.entityId))];
    if (found.includes(entry.entityId)) continue;
    const allowed = ok.get(key);
    if (found.some((id) => allowed?.has(id)) || (found.length === 0 && allowed?.has(''))) continue;
    // A parent or listed subsidiary that OFAC or DoD links to the company is the right warning too.
    if (found.length > 0 && found.every((id) => related.get(entry.entityId)?.has(id))) continue;
    problems.push({ ...entry, found });
  }
  return problems;
}
