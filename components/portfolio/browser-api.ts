// The portfolio page's link to the extension: the active dataset (as the popup reads it), the
// settings' palette, storage.local for a kept report, and the tab's tables through its content script.
import browser from 'webextension-polyfill';
import { getActiveDataset } from '../../lib/dataset/store';
import { sendMessage, type TabFindings } from '../../lib/messaging';
import { HOLDINGS_ROWS, type HoldingsRowsAnswer, type HoldingsRowsRequest } from '../../lib/page/holdings-rows';
import type { ReportArea } from '../../lib/portfolio/keep';
import { getSettings } from '../../lib/settings/store';
import type { PortfolioApi } from './api';

export const browserApi: PortfolioApi = {
  dataset: getActiveDataset,
  async palette() {
    return (await getSettings()).palette;
  },
  keptArea: browser.storage.local as unknown as ReportArea,
  async pageTables(tabId) {
    const findings = (await sendMessage('getTabFindings', { tabId })) as TabFindings | { __error: string } | undefined;
    if (!findings || '__error' in findings) throw new Error('The extension could not say what it found on that page.');
    const texts = [...new Set(findings.findings.flatMap((finding) => finding.texts))];
    if (texts.length === 0) throw new Error('Nothing is flagged on that page, so there are no holdings rows to check.');
    let answer: HoldingsRowsAnswer | undefined;
    try {
      answer = (await browser.tabs.sendMessage(tabId, { type: HOLDINGS_ROWS, texts } satisfies HoldingsRowsRequest)) as HoldingsRowsAnswer | undefined;
    } catch {
      answer = undefined;
    }
    if (!answer?.tables?.length) throw new Error('No table on that page holds the flagged companies. Reload the page and try again, or export the positions as CSV.');
    // The background's address for the tab (without query or fragment, where account numbers and tokens live).
    return { url: findings.url || new URL(answer.url).origin, tables: answer.tables, findings: findings.findings.length };
  },
  download(name, text, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
  print() {
    window.print();
  },
};
