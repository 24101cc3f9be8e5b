/**
 * The one read path for stored events: check the type and version, decrypt the personal
 * data, then upcast. Decryption comes first because a blob holds the fields as they were
 * written, at the event's recorded version (and is bound to that version); upcasters
 * then see plain data, with `ERASED` where a subject was erased. Stores, the engine,
 * projection runners and subscriptions call this wherever they hand events out.
 */
import type { EventLike, RecordedEvent } from '../events/envelope.js';
import type { CryptoShredder, RevealedEvent } from '../privacy/crypto-shredder.js';
import type { EventEvolution } from './evolution.js';

/** The two steps a reader may apply: decryption and evolution; either may be left out. */
export interface EventReaderOptions {
  /** Decrypts personal data; events are read as stored without it. */
  readonly shredder?: CryptoShredder;
  /** Checks and upcasts; versions are not checked without it. */
  readonly evolution?: EventEvolution;
}

/**
 * The one read path for stored events (check, decrypt, upcast), shared by stores, the engine and projection
 * runners.
 */
export interface EventReader {
  /** One event, current and revealed; throws the typed errors of both steps. */
  read<E extends EventLike = EventLike>(event: RecordedEvent<EventLike>): Promise<RevealedEvent<E>>;
  /** Many events, in order; asks the key store once per key. All or nothing: the first refusal throws. */
  readAll<E extends EventLike = EventLike>(events: readonly RecordedEvent<EventLike>[]): Promise<RevealedEvent<E>[]>;
}

/**
 * A reader that checks versions before decrypting, so an unreadable log is refused before any key is fetched.
 */
export function createEventReader(options: EventReaderOptions): EventReader {
  const { shredder, evolution } = options;

  async function readAll<E extends EventLike>(events: readonly RecordedEvent<EventLike>[]): Promise<RevealedEvent<E>[]> {
    // Refuse an unreadable log before any key is fetched for it.
    if (evolution) for (const e of events) evolution.check(e);
    const revealed = shredder ? await shredder.revealAll(events) : events;
    return evolution ? revealed.map((e) => evolution.upcast<E>(e)) : (revealed as RevealedEvent<E>[]);
  }

  return {
    readAll,
    async read<E extends EventLike>(event: RecordedEvent<EventLike>) {
      const [read] = await readAll<E>([event]);
      return read as RevealedEvent<E>;
    },
  };
}
