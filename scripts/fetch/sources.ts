// Every file the data build reads, or watches, with its official address: the one table of
// sources. `data:fetch --mirror BASE` fetches the same paths from BASE instead (tests, self-hosters).
import { dodReleasePage, fccCoveredListPage, federalRegisterSearch, ofacEnhancedXml, type FormatCheck } from './formats';

const MB = 1024 * 1024;

export interface Source {
  id: string;
  title: string;
  /** The official address. */
  url: string;
  /** Saved under this name in the output folder. */
  file: string;
  /**
   * `data`: read by `data:build`. `announcements`: a page that announces new editions a person must
   * transcribe (DoD's 1260H PDFs); a link not seen before is reported as needing curation.
   */
  role: 'data' | 'announcements';
  maxBytes: number;
  timeoutMs: number;
  check: FormatCheck;
}

export const SOURCES: readonly Source[] = [
  {
    id: 'ofac-consolidated',
    title: 'OFAC Consolidated (non-SDN) List, ENHANCED XML (Sanctions List Service)',
    url: 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_ENHANCED.XML',
    file: 'CONS_ENHANCED.XML',
    role: 'data',
    maxBytes: 64 * MB,
    timeoutMs: 180_000,
    check: ofacEnhancedXml(1),
  },
  {
    id: 'ofac-sdn',
    title: 'OFAC Specially Designated Nationals (SDN) List, ENHANCED XML (Sanctions List Service)',
    url: 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN_ENHANCED.XML',
    file: 'SDN_ENHANCED.XML',
    role: 'data',
    maxBytes: 512 * MB,
    timeoutMs: 600_000,
    check: ofacEnhancedXml(1),
  },
  {
    id: 'fcc-covered',
    title: 'FCC Covered List (47 U.S.C. 1601-1609)',
    url: 'https://www.fcc.gov/supplychain/coveredlist',
    file: 'fcc-covered-list.html',
    role: 'data',
    maxBytes: 4 * MB,
    timeoutMs: 60_000,
    check: fccCoveredListPage,
  },
  {
    id: 'dod-1260h-releases',
    title: 'DoD releases of the Section 1260H list (PDF editions)',
    url: 'https://www.defense.gov/News/Releases/Search/1260H/',
    file: 'dod-1260h-releases.html',
    role: 'announcements',
    maxBytes: 8 * MB,
    timeoutMs: 60_000,
    check: dodReleasePage,
  },
  {
    id: 'federal-register-1260h',
    title: 'Federal Register: DoD documents on Section 1260H',
    url: 'https://www.federalregister.gov/api/v1/documents.json?conditions%5Bterm%5D=%221260H%22&conditions%5Bagencies%5D%5B%5D=defense-department&order=newest&per_page=50',
    file: 'federal-register-1260h.json',
    role: 'announcements',
    maxBytes: 4 * MB,
    timeoutMs: 60_000,
    check: federalRegisterSearch,
  },
];

/** The address to fetch: the official one, or the same path and query under a mirror. */
export function sourceUrl(source: Pick<Source, 'url'>, mirror?: string): string {
  if (!mirror) return source.url;
  const official = new URL(source.url);
  return new URL(`${mirror.replace(/\/+$/, '')}${official.pathname}${official.search}`).href;
}
