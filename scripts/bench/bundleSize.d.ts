/** Types for bundleSize.js, for the TypeScript tests that check the built pages. */
export interface BundleSizes {
  taskpaneJsBytes: number;
  workbenchJsBytes: number;
  goalTaskpaneJsBytes: number;
  taskpaneWithinGoal: boolean;
}

export function bundleSize(options?: { build?: boolean }): Promise<BundleSizes & { built: boolean }>;
export function bundleSizeLines(figures: BundleSizes | { error: string }): string[];
export function measureBuild(dir: string): BundleSizes;
export function pageScripts(dir: string, page: string): string[];
export const GOAL_TASKPANE_BYTES: number;
