/** The figures a page shows; null where the page does not show that figure. */
export interface ShownValues {
  prompt: string | null;
  evening: string | null;
  count: string | null;
  minutes: string | null;
  today: string | null;
}
/** What `recorderScript` keeps in `globalThis.__closerRecord`. */
export interface ContentRecord {
  fcp: number | null;
  lcp: { t: number; element: string }[];
  first: ShownValues | null;
  seen: { [K in keyof ShownValues]: string[] };
  /** When the page's first module script was in the document (ms since the page's time origin). */
  appAt: number | null;
}
export function shownValues(): ShownValues;
export const recorderScript: string;
