/**
 * A limit on the bytes held at once by work that runs side by side: the files a scan has read and
 * not yet imported. Each piece of work takes its size before it reads and gives it back when done;
 * one over the limit waits until enough is given back (first come, first served). A piece bigger
 * than the whole limit runs when nothing else is held, so that it is never refused for ever.
 */
export class ByteBudget {
  private used = 0;
  private readonly waiting: { bytes: number; go: () => void }[] = [];

  constructor(private readonly limit: number) {}

  /** Bytes held now (for tests). */
  get held(): number {
    return this.used;
  }

  /** Runs `work` once `bytes` fit in the budget, and gives them back when it settles. */
  async with<T>(bytes: number, work: () => Promise<T>): Promise<T> {
    await this.take(bytes);
    try {
      return await work();
    } finally {
      this.give(bytes);
    }
  }

  private take(bytes: number): Promise<void> {
    if (!this.waiting.length && this.fits(bytes)) {
      this.used += bytes;
      return Promise.resolve();
    }
    return new Promise((go) => this.waiting.push({ bytes, go }));
  }

  private give(bytes: number): void {
    this.used -= bytes;
    while (this.waiting.length && this.fits(this.waiting[0].bytes)) {
      const next = this.waiting.shift()!;
      this.used += next.bytes;
      next.go();
    }
  }

  private fits(bytes: number): boolean {
    return this.used === 0 || this.used + bytes <= this.limit;
  }
}
