/**
 * Prints the scrypt hash of a password read from standard input, for a staff file:
 *   echo -n 'a long passphrase' | npm run hash-password --silent
 */
import { text } from 'node:stream/consumers';
import { hashPassword } from './staff/passwords.js';

const password = (await text(process.stdin)).replace(/\r?\n$/, '');
if (password.length < 12) {
  console.error('a staff password needs at least 12 characters');
  process.exit(1);
}
console.log(await hashPassword(password));
