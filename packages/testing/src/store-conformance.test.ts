import { createInMemoryEventStore } from '@redress/core';
import { eventStoreConformance } from './store-conformance.js';

eventStoreConformance('the in-memory store', () => createInMemoryEventStore());
