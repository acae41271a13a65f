// Whether the extension scans a page, decided from settings alone (pure, no browser APIs), so the
// content script, the popup's site switch and the tests all agree. Order: addresses the extension
// never reads, then the pause, then the page exception, then the most specific site rule, then
// the scanning scope.
import { isFinancialHost } from './financial-sites';
import { displayHost, pageKey, pageSite, ruleCovers, type PageSite } from './site';
import type { Settings } from './types';

export type DecisionReason =
  | 'unsupported-page'
  | 'paused'
  | 'page-off'
  | 'site-off'
  | 'site-on'
  | 'financial-site'
  | 'all-sites'
  | 'not-financial';

export interface SiteDecision {
  enabled: boolean;
  reason: DecisionReason;
  /** The site rule that decided, when one did. */
  rule?: string;
  /** For 'paused': when scanning resumes (epoch ms). */
  until?: number;
}

type SiteSettings = Pick<Settings, 'scanScope' | 'enabledFor' | 'disabledFor' | 'disabledPages' | 'pausedUntil'>;

/** The longest rule covering the site wins; on a tie, "off" wins (the user asked for quiet). */
function siteRule(site: PageSite, settings: SiteSettings): SiteDecision | null {
  let best: SiteDecision | null = null;
  let bestLength = -1;
  for (const [rules, enabled] of [[settings.disabledFor, false], [settings.enabledFor, true]] as const) {
    for (const rule of rules) {
      if (!ruleCovers(rule, site) || rule.length <= bestLength) continue;
      best = { enabled, reason: enabled ? 'site-on' : 'site-off', rule };
      bestLength = rule.length;
    }
  }
  return best;
}

/** The decision for a site, leaving out the pause and page exceptions (what the popup's site switch shows). */
export function siteDecision(site: PageSite, settings: SiteSettings): SiteDecision {
  const byRule = siteRule(site, settings);
  if (byRule) return byRule;
  if (settings.scanScope === 'all') return { enabled: true, reason: 'all-sites' };
  if (site.scheme !== 'file' && isFinancialHost(site.host)) return { enabled: true, reason: 'financial-site' };
  return { enabled: false, reason: 'not-financial' };
}

export function isEnabledFor(url: string | URL, settings: SiteSettings, now: number = Date.now()): SiteDecision {
  const site = pageSite(url);
  if (!site) return { enabled: false, reason: 'unsupported-page' };
  if (settings.pausedUntil > now) return { enabled: false, reason: 'paused', until: settings.pausedUntil };
  const key = pageKey(url);
  if (key && settings.disabledPages.includes(key)) return { enabled: false, reason: 'page-off', rule: key };
  return siteDecision(site, settings);
}

/** The decision in a sentence, for the popup and the options page. */
export function describeDecision(decision: SiteDecision): string {
  const rule = decision.rule ? displayHost(decision.rule) : '';
  switch (decision.reason) {
    case 'unsupported-page':
      return 'Browser pages and extension pages are never scanned.';
    case 'paused':
      return `Paused until ${new Date(decision.until ?? 0).toLocaleString([], { weekday: 'short', hour: '2-digit', minute: '2-digit' })}.`;
    case 'page-off':
      return 'Turned off for this page.';
    case 'site-off':
      return `Turned off for ${rule}.`;
    case 'site-on':
      return `Turned on for ${rule}.`;
    case 'financial-site':
      return 'On: a brokerage or financial-news site.';
    case 'all-sites':
      return 'On: scanning all sites.';
    case 'not-financial':
      return 'Off: only brokerage and financial-news sites are scanned.';
  }
}
