// A persistent cache of per-article analyses, so reopening a large corpus does not re-analyse it.
// Keyed by the input hash (text + metadata + analyser version, a hash of the core and its rule packs); stored in 256 shards of v8-serialised maps.
// Anything unreadable, from another analyser version or otherwise odd is discarded, never trusted.

import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { Analysis } from '../core/analyse';
import { ANALYSER_VERSION } from '../core/article';

const FORMAT = 1;

interface Shard {
  format: number;
  analyser: string;
  /** hash -> analysis without its text (the text is the file's own, re-attached on load). */
  entries: Map<string, Analysis>;
}

export class AnalysisCache {
  private readonly shards = new Map<string, Shard>();
  private readonly dirty = new Set<string>();
  private disabled = false;

  constructor(private readonly dir: string, private readonly log: (m: string) => void = () => undefined) {
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      this.disable(`cannot create ${dir}: ${String(error)}`);
    }
  }

  get(hash: string, text: string): Analysis | undefined {
    if (this.disabled) return undefined;
    const cached = this.shard(hash).entries.get(hash);
    if (!cached) return undefined;
    return { ...cached, article: { ...cached.article, text } };
  }

  set(analysis: Analysis): void {
    if (this.disabled) return;
    const key = analysis.article.hash;
    const shard = this.shard(key);
    shard.entries.set(key, { ...analysis, article: { ...analysis.article, text: '' } });
    this.dirty.add(shardName(key));
  }

  /** Writes changed shards atomically (temp file + rename). A read-only folder disables the cache with a log line. */
  flush(): void {
    if (this.disabled) return;
    for (const name of this.dirty) {
      const shard = this.shards.get(name)!;
      const file = path.join(this.dir, `${name}.bin`);
      const temp = `${file}.${process.pid}.tmp`;
      try {
        writeFileSync(temp, serialize(shard));
        renameSync(temp, file);
      } catch (error) {
        rmSync(temp, { force: true });
        this.disable(`cannot write ${file}: ${String(error)}`);
        return;
      }
    }
    this.dirty.clear();
  }

  private shard(hash: string): Shard {
    const name = shardName(hash);
    let shard = this.shards.get(name);
    if (!shard) {
      shard = this.read(name);
      this.shards.set(name, shard);
    }
    return shard;
  }

  private read(name: string): Shard {
    const empty = (): Shard => ({ format: FORMAT, analyser: ANALYSER_VERSION, entries: new Map() });
    const file = path.join(this.dir, `${name}.bin`);
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      return empty();
    }
    try {
      const shard = deserialize(bytes) as Shard;
      if (shard?.format === FORMAT && shard.analyser === ANALYSER_VERSION && shard.entries instanceof Map) return shard;
      this.log(`Discarding cache shard ${file}: written by another version.`);
    } catch (error) {
      this.log(`Discarding corrupt cache shard ${file}: ${String(error)}`);
    }
    rmSync(file, { force: true });
    return empty();
  }

  private disable(reason: string): void {
    this.disabled = true;
    this.log(`Analysis cache disabled (${reason}); indexing continues without it.`);
  }
}

function shardName(hash: string): string {
  return hash.slice(0, 2);
}
