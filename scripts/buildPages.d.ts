/** Types for buildPages.js, for the TypeScript tests that build the pages. */
export interface PageStats {
  assets?: { name: string; size: number }[];
  entrypoints?: Record<string, { assets?: { name: string; size?: number }[] }>;
}

export function buildPages(options: { outputPath: string; harness?: boolean; root?: string }): Promise<PageStats>;
export const ROOT: string;
