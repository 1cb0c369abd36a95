import { WEB_BUDGETS } from './budgets';

/**
 * Queues writes and sends them in as few round trips as the payload allows. Excel on the web refuses a
 * request over 5 MB, so writes are sized as they are queued and a round trip is made only when the next
 * piece would not fit: up to that size everything goes in one context.sync().
 */


/** Per queued call: the method name, object path and ids the request carries besides its data. */
const CALL_OVERHEAD = 80;

/** The size of a value as it travels in the request, close enough to plan round trips. */
export function payloadSize(value: unknown): number {
  return (JSON.stringify(value) ?? '').length + CALL_OVERHEAD;
}

export class WriteBatch {
  private queued = 0;
  private open = false;
  /** Round trips made so far. */
  syncs = 0;

  constructor(
    private readonly ctx: Excel.RequestContext,
    private readonly budget = WEB_BUDGETS.writeBudget,
  ) {}

  /**
   * Call before queueing a piece of `bytes`: sends what is queued first when the piece would not fit, and
   * starts each round trip with screen updating suspended (it lasts until that round trip's sync).
   */
  async reserve(bytes: number): Promise<void> {
    if (this.open && this.queued > 0 && this.queued + bytes > this.budget) await this.flush();
    if (!this.open) {
      this.ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
      this.open = true;
    }
    this.queued += bytes;
  }

  /** Sends whatever is queued. */
  async flush(): Promise<void> {
    if (!this.open) return;
    this.open = false;
    this.queued = 0;
    this.syncs++;
    await this.ctx.sync();
  }
}
