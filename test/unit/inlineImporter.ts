/** The core's import on the test's own thread, in place of the extension's worker threads. */
import { importSource, type QdpxProject, type Result, readQdpx, type SourceImport } from '../../src/core/index.ts';
import type { Importer } from '../../src/extension/importer.ts';

export class InlineImporter implements Importer {
  async run(source: string, bytes: Uint8Array, options: { maxBytes?: number }): Promise<SourceImport> {
    return importSource(source, bytes, options);
  }
  async readQdpx(_source: string, bytes: Uint8Array, maxBytes: number): Promise<Result<QdpxProject>> {
    return readQdpx(bytes, maxBytes);
  }
  dispose(): void {}
}
