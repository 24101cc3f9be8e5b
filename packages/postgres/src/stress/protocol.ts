/** What a stress writer process tells its parent, over the IPC channel. */

export interface WriterConfig {
  readonly connectionString: string;
  readonly tenant: string;
  readonly writer: number;
  readonly commands: number;
  /** Complaints every writer adds notes to (received by the parent beforehand). */
  readonly shared: readonly string[];
  /** Complaint ids writers race to receive. */
  readonly contested: number;
  readonly seed: number;
}

export type WriterMessage =
  /** Sent, and flushed to the pipe, before the append: the events this command is about to write. */
  | { readonly kind: 'intent'; readonly commandId: string; readonly eventIds: readonly string[] }
  | { readonly kind: 'result'; readonly commandId: string; readonly outcome: 'accepted' | 'conflict' | 'refused'; readonly eventIds: readonly string[] }
  | { readonly kind: 'failed'; readonly commandId: string; readonly message: string }
  | { readonly kind: 'done' };

/** mulberry32: a tiny seeded generator, so a stress run can be replayed from its seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
