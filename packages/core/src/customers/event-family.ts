/**
 * A customer's own stream as an event family (see docs/evolving-events.md): the profile
 * events and the erasure audit event, with the schema of each one's current version, owning
 * the streams `customer:<reference>`. Registered beside the complaint family, a reader
 * refuses an event of a newer version or an unknown type there instead of folding it into
 * a profile, and checks each event against its schema once decrypted.
 */
import type { EventFamily } from '../evolution/event-family.js';
import { customerDataErasedSchema } from '../privacy/customer-data/erase-command.js';
import { CUSTOMER_PROFILE_EVENT_TYPES, CUSTOMER_PROFILE_EVENTS } from './schema.js';

const CUSTOMER_STREAM = /^customer:/;

/** For `createEventEvolution([complaintEventFamily(), customerEventFamily()])`. */
export function customerEventFamily(): EventFamily {
  return {
    name: 'customer',
    types: [...CUSTOMER_PROFILE_EVENT_TYPES, 'CustomerDataErased'],
    ownsStream: (streamId) => CUSTOMER_STREAM.test(streamId),
    upcasters: [],
    schemas: {
      ...Object.fromEntries(CUSTOMER_PROFILE_EVENTS.map((schema) => [schema.shape.type.value, schema])),
      CustomerDataErased: customerDataErasedSchema,
    },
  };
}
