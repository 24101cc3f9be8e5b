/**
 * The staff directory: who may log in, and the role each person acts in. The actor of
 * every command is derived from it on the server (the session's staff id → `{ id, role }`),
 * never taken from a request.
 *
 * The same directory is handed to the engine as its actor directory (`engineDirectory`,
 * core's `staticDirectory`), so the engine checks every command's actor against it too:
 * an id nobody logs in as, or a role the person does not hold, is refused by the engine
 * itself, whichever door the command came through.
 */
import { readFileSync } from 'node:fs';
import { idSchema, roleSchema, shortTextSchema, staticDirectory, type ActorDirectory, type Actor, type Role } from '@redress/core';
import { z } from 'zod';
import { isPasswordHash, verifyPassword } from './passwords.js';

export interface StaffMember {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly title?: string;
}

export const staffAccountSchema = z.strictObject({
  id: idSchema,
  name: shortTextSchema,
  // `system` is the desk's own automation (SLA escalations): nobody logs in as it.
  role: roleSchema.exclude(['system', 'customer']),
  title: shortTextSchema.optional(),
  passwordHash: z.string().refine(isPasswordHash, 'must be a scrypt hash made by `npm run hash-password`'),
});
export type StaffAccount = z.infer<typeof staffAccountSchema>;

export const staffFileSchema = z.array(staffAccountSchema).min(1).refine((list) => new Set(list.map((a) => a.id)).size === list.length, 'staff ids must be unique');

export interface StaffDirectory {
  find(id: string): StaffMember | undefined;
  readonly members: readonly StaffMember[];
  /** The member when the password is right, else undefined (as slow either way: no timing tells which ids exist). */
  authenticate(id: string, password: string): Promise<StaffMember | undefined>;
  /** Whether these are the built-in local accounts, which production mode refuses. */
  readonly demo: boolean;
}

export const actorOf = (member: StaffMember): Actor => ({ id: member.id, role: member.role });

/** The staff as the engine's actor directory: each member holds the one role they log in with. */
export const engineDirectory = (staff: Pick<StaffDirectory, 'members'>): ActorDirectory =>
  staticDirectory(Object.fromEntries(staff.members.map((m) => [m.id, [m.role]])));

/** A hash of nothing anyone types, to spend the same time on an unknown id. */
const DECOY = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export function createStaffDirectory(accounts: readonly StaffAccount[], options: { readonly demo?: boolean } = {}): StaffDirectory {
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const members = accounts.map(({ passwordHash: _hash, ...member }) => member);
  const memberById = new Map(members.map((m) => [m.id, m]));
  return {
    find: (id) => memberById.get(id),
    members,
    demo: options.demo ?? false,
    async authenticate(id, password) {
      const account = byId.get(id);
      const ok = await verifyPassword(password, account?.passwordHash ?? DECOY);
      return ok && account ? memberById.get(id) : undefined;
    },
  };
}

/** A staff file (JSON: `[{ id, name, role, title?, passwordHash }]`), refused with every problem listed. */
export function loadStaffFile(path: string): StaffDirectory {
  const parsed = staffFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ✖ ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`invalid staff file ${path}:\n${lines.join('\n')}`);
  }
  return createStaffDirectory(parsed.data);
}
