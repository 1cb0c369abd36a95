/** Types for chromium.js, for the TypeScript browser tests. */
import type { Browser } from 'playwright-core';

export function findChromium(): string;
export function launchChromium(): Promise<Browser>;
export const CHROMIUM_ARGS: string[];
