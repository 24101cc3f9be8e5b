/**
 * LOCAL USE ONLY: the built-in accounts, the staff of the service-station demo (so the
 * seeded week's actors can log in and find their own tickets), all with the password
 * `redress-demo`. Production mode (NODE_ENV=production) refuses to start with them:
 * give a staff file of your own (REDRESS_DESK_STAFF) with hashes from `npm run hash-password`.
 */
import { STAFF } from '@redress/example-service-station';
import { createStaffDirectory, staffFileSchema, type StaffDirectory } from './directory.js';

export const DEMO_PASSWORD = 'redress-demo';
/** scrypt of DEMO_PASSWORD, made once with hashPassword(): the file holds no password, as a staff file would. */
const DEMO_HASH = 'scrypt$16384$8$1$859qX6FUIB_BWcetBeAfUg$diAzQzubtwmlNiSTwZ7qLyjo6k3dMtIfXkPtB97CLjQ';

export function demoStaff(): StaffDirectory {
  const accounts = Object.values(STAFF).map((s) => ({ id: s.id, name: s.name, role: s.role, title: s.title, passwordHash: DEMO_HASH }));
  // Checked like any staff file: nobody may log in as `system` or `customer`.
  return createStaffDirectory(staffFileSchema.parse(accounts), { demo: true });
}
