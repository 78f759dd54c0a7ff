import type * as vscode from 'vscode';

/**
 * The base of every service and view that owns something to dispose: it registers what it
 * creates (emitters, watchers, subscriptions, tree views) and disposes all of it once, newest
 * first. A subclass with more to clean up (timers, maps of watchers) overrides dispose() and
 * calls super.dispose().
 */
export class Disposable implements vscode.Disposable {
  private readonly owned: vscode.Disposable[] = [];
  private disposed = false;

  /** Owns `d` until this is disposed (at once, if it already was). */
  protected register<T extends vscode.Disposable>(d: T): T {
    if (this.disposed) d.dispose();
    else this.owned.push(d);
    return d;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const d of this.owned.splice(0).reverse()) {
      try {
        d.dispose();
      } catch {
        // Keep disposing the rest.
      }
    }
  }
}
