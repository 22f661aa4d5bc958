import { kindIndex } from './features.js';

/**
 * Feature keys interned as small integers, with their document frequencies kept incrementally.
 *
 * idf(k) = ln((N + prior + 1) / (df(k) + ½)): N documents seen, `prior` imaginary earlier
 * documents that contained no feature (so that a word shared by the two articles of a two-article
 * corpus does not get an IDF near 0). An IDF costs two array reads and one subtraction: ln(N …) is
 * computed once per document, ln(df + ½) comes from a table grown on demand.
 *
 * Every change of a document frequency is also counted in a delta map until `drainDeltas()`, so
 * that a store can persist document frequencies as increments instead of rewriting them all.
 */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly keys: string[] = [];
  private df = new Int32Array(4096);
  private kinds = new Uint8Array(4096);
  private docs = 0;
  private logTotal: number;
  private logDf = new Float64Array(0);
  private deltas = new Map<number, number>();
  private docsDelta = 0;

  constructor(private readonly priorDocs: number) {
    this.logTotal = Math.log(priorDocs + 1);
  }

  get documentCount(): number {
    return this.docs;
  }

  get size(): number {
    return this.keys.length;
  }

  /** The id of `key`, interning it when new. */
  intern(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
      if (id >= this.df.length) this.grow(2 * this.df.length);
      this.kinds[id] = kindIndex(key);
    }
    return id;
  }

  /** The id of `key`, or -1 when never seen. */
  find(key: string): number {
    return this.ids.get(key) ?? -1;
  }

  key(id: number): string {
    return this.keys[id]!;
  }

  /** 0 term, 1 name, 2 number. */
  kind(id: number): number {
    return this.kinds[id]!;
  }

  documentFrequency(id: number): number {
    return this.df[id]!;
  }

  /** Counts one more document containing each of `ids` (distinct). */
  addDocument(ids: ArrayLike<number>): void {
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      this.df[id]!++;
      this.deltas.set(id, (this.deltas.get(id) ?? 0) + 1);
    }
    this.docs++;
    this.docsDelta++;
    this.logTotal = Math.log(this.docs + this.priorDocs + 1);
  }

  idf(id: number): number {
    const df = this.df[id]!;
    if (df >= this.logDf.length) this.growLogTable(df);
    return this.logTotal - this.logDf[df]!;
  }

  /** Document-frequency increments since the last drain, by key, and the documents added. */
  drainDeltas(): { documents: number; frequencies: Array<[string, number]> } {
    const frequencies: Array<[string, number]> = [];
    for (const [id, d] of this.deltas) frequencies.push([this.keys[id]!, d]);
    const out = { documents: this.docsDelta, frequencies };
    this.deltas = new Map();
    this.docsDelta = 0;
    return out;
  }

  /** Applies persisted increments (from `drainDeltas()` or a full table), without recording them as new deltas. */
  applyDeltas(documents: number, frequencies: Iterable<readonly [string, number]>): void {
    for (const [key, d] of frequencies) {
      const id = this.intern(key);
      this.df[id]! += d;
    }
    this.docs += documents;
    this.logTotal = Math.log(this.docs + this.priorDocs + 1);
  }

  /** Every key with a document frequency above 0. */
  *frequencies(): IterableIterator<[string, number]> {
    for (let id = 0; id < this.keys.length; id++) if (this.df[id]! > 0) yield [this.keys[id]!, this.df[id]!];
  }

  private grow(size: number): void {
    const df = new Int32Array(size);
    df.set(this.df);
    this.df = df;
    const kinds = new Uint8Array(size);
    kinds.set(this.kinds);
    this.kinds = kinds;
  }

  private growLogTable(df: number): void {
    const grown = new Float64Array(Math.max(1024, 2 * (df + 1)));
    for (let i = 0; i < grown.length; i++) grown[i] = Math.log(i + 0.5);
    this.logDf = grown;
  }
}
