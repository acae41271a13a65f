// What the portfolio page needs from the extension, behind one interface: the real one reads the
// active dataset and storage; component tests pass a fake.
import type { Dataset } from '../../lib/dataset/types';
import type { ReportArea } from '../../lib/portfolio/keep';
import type { Palette } from '../../lib/settings/types';

export interface PageTables {
  url: string;
  tables: string[][][];
  /** The findings' entity ids, for the report's header. */
  findings: number;
}

export interface PortfolioApi {
  dataset(): Promise<Dataset>;
  palette(): Promise<Palette>;
  /** Where a kept report lives (storage.local). */
  keptArea: ReportArea;
  /** The positions tables of a tab that hold its findings; rejects with words when there are none. */
  pageTables(tabId: number): Promise<PageTables>;
  /** Offers `text` as a file download. */
  download(name: string, text: string, type: string): void;
  print(): void;
}
