export declare const SIZE_BUDGETS: Record<string, number>;
export interface SizeRow {
  entry: string;
  /** Files loaded when the page opens (measured against the budget). */
  files: number;
  gzip: number;
  budget: number;
  ok: boolean;
  /** Code the page loads later, on demand (a form, an action). */
  onDemand: { files: number; gzip: number };
  /** Build-relative paths of the files loaded at open. */
  scripts: string[];
}
export declare function scriptsOf(dir: string, entry: string): { open: string[]; later: string[] };
export declare function measureSizes(dir?: string, budgets?: Record<string, number>): SizeRow[];
