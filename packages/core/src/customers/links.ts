/**
 * A complaint's links to its customer's profile: the site and the unit (vehicle or
 * machine) a receipt names must be ones the profile knows, when the customer has a
 * profile. Without one there is nothing to check against (most walk-in customers), and
 * the receipt is taken as given; with one, a typo in a site id would file the complaint
 * under a depot that does not exist, which no report could ever find again. A retired
 * unit or a closed site is refused as such (`unitRetired`, `siteClosed`), not as unknown,
 * so the desk knows to reinstate it rather than look for a typo; the message gives the
 * date but not the reason, which is personal data and would reach logs.
 */
import type { Command } from '../commands/schema.js';
import type { CustomerProfile } from './profile.js';

/** The rule a receipt's site or unit breaks against the profile, or undefined when it names known ones (or no profile exists). */
export function unknownCustomerLink(profile: CustomerProfile | null | undefined, command: Command): { readonly name: string; readonly message: string } | undefined {
  if (command.type !== 'ReceiveComplaint' || profile === null || profile === undefined) return undefined;
  const { siteId, unitId } = command.data;
  const reference = profile.customerReference;
  const closed = siteId === undefined ? undefined : profile.organisation?.closedSites.find((s) => s.id === siteId);
  if (closed) return { name: 'siteClosed', message: `site ${closed.id} of customer ${reference} was closed on ${closed.at}: a complaint names a current site` };
  const retired = unitId === undefined ? undefined : profile.retiredUnits.find((u) => u.id === unitId);
  if (retired) return { name: 'unitRetired', message: `unit ${retired.id} of customer ${reference} was retired on ${retired.at}: a complaint names a current unit (record it again if it is back)` };
  if (siteId !== undefined && !profile.organisation?.sites.some((s) => s.siteId === siteId)) {
    return { name: 'siteOfCustomer', message: `customer ${reference} has no site ${siteId}${profile.organisation ? '' : ' (a person has no sites)'}` };
  }
  if (unitId !== undefined && !profile.units.some((u) => u.unitId === unitId)) {
    return { name: 'unitOfCustomer', message: `customer ${reference} has no unit ${unitId}: record it on the profile first` };
  }
  return undefined;
}

/** Whether a command names a site or unit, so the engine reads the customer's profile to check it. */
export const namesCustomerLinks = (command: Command): command is Extract<Command, { type: 'ReceiveComplaint' }> =>
  command.type === 'ReceiveComplaint' && (command.data.siteId !== undefined || command.data.unitId !== undefined);
