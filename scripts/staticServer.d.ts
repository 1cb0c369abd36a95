/** Types for staticServer.js, for the TypeScript tests that serve the built pages. */
import type { Server } from 'http';

export interface StaticServer {
  server: Server;
  /** "http://127.0.0.1:PORT/" */
  url: string;
  close(): Promise<void>;
}

export function serveStatic(options: { root: string; port?: number; extra?: Record<string, string>; index?: string }): Promise<StaticServer>;
