import { eventStoreContract } from '../test-support/store-contract.js';
import { createInMemoryEventStore } from './in-memory.js';

eventStoreContract('the in-memory store', () => createInMemoryEventStore());
