/**
 * Responsible for keeping what an import must remember for its undo (what each batch
 * overwrote, what the sweep removed) on disk rather than in memory: a re-import of 100k
 * projects overwrites a million entities, and its journal must not grow the process with
 * them. Entries are JSON lines in a private temporary folder, read back a batch at a time.
 */
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createReadStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

/** A folder of spill files for one import; `remove` deletes it with everything in it. */
export class SpillFolder {
  private folder: string | undefined;
  private files = 0;

  /** A new, empty spill file in this folder (the folder is made on first use). */
  file<T>(): SpillFile<T> {
    this.folder ??= mkdtempSync(path.join(os.tmpdir(), 'coopgraph-import-'));
    this.files += 1;
    return new SpillFile<T>(path.join(this.folder, `${this.files}.jsonl`));
  }

  remove(): void {
    if (this.folder) rmSync(this.folder, { recursive: true, force: true });
    this.folder = undefined;
  }
}

/** Entries appended a batch at a time and read back in order, a batch at a time. */
export class SpillFile<T> {
  private entries = 0;

  constructor(private readonly file: string) {}

  get count(): number {
    return this.entries;
  }

  append(entries: readonly T[]): void {
    if (entries.length === 0) return;
    appendFileSync(this.file, `${entries.map((entry) => JSON.stringify(entry)).join('\n')}\n`);
    this.entries += entries.length;
  }

  /** The entries in the order appended, in arrays of at most `size`. */
  async *batches(size: number): AsyncGenerator<T[]> {
    if (this.entries === 0) return;
    const lines = createInterface({ input: createReadStream(this.file, 'utf8'), crlfDelay: Infinity });
    let batch: T[] = [];
    for await (const line of lines) {
      if (line === '') continue;
      batch.push(JSON.parse(line) as T);
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }
}
