// Shared by the matcher rule tests: entities with only what a rule needs, and what a matcher over
// them finds in a text, written "matched text=entity id".
import type { Dataset, Entity } from '../../lib/dataset/types';
import { createMatcher } from '../../lib/match/index';

export function entity(id: string, name: string, extra: Partial<Entity> = {}): Entity {
  return { id, name, aliases: [], weakAliases: [], tickers: [], isins: [], country: 'CN', listings: [], rulings: [], ...extra };
}

export function finderOf(entities: Entity[]): (text: string) => string[] {
  const matcher = createMatcher({ entities } as unknown as Dataset);
  return (text) => matcher.scan(text).map((match) => `${text.slice(match.start, match.end)}=${match.entityId}`);
}
