export declare const SIZE_BUDGETS: Record<string, number>;
export interface SizeRow {
  entry: string;
  files: number;
  gzip: number;
  budget: number;
  ok: boolean;
}
export declare function measureSizes(dir?: string, budgets?: Record<string, number>): SizeRow[];
