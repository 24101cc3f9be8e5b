/** The examples of docs/customers.md, run: a business customer's profile, its history, the hints on a handler's queue, a linked complaint, a catalogue tag, a repair capability. */
import { describe, expect, it } from 'vitest';
import {
  createCustomerProfiles,
  createEngine,
  createInMemoryEventStore,
  createManualClock,
  customerProfilesProjection,
  defaultCustomerTagCatalogue,
  handlerQueue,
  labels,
  queuesProjection,
  runProjection,
  ticketHints,
  ticketViewProjection,
  type ComplaintEvent,
} from '../index.js';

describe('docs/customers.md', () => {
  it('writes a profile, reads it as of a moment, shows hints and checks a linked complaint', async () => {
    const store = createInMemoryEventStore<ComplaintEvent>();
    const clock = createManualClock('2026-11-20T09:00:00Z');
    const queues = queuesProjection();
    const tickets = ticketViewProjection();
    const engine = createEngine({ store, clock, projections: [queues, tickets] });
    const actor = { id: 'he.min', role: 'frontDesk' } as const;

    const profiles = createCustomerProfiles({ store, clock });
    await profiles.execute({
      type: 'OpenCustomerProfile',
      actor: { id: 'he.min', role: 'frontDesk' },
      data: {
        customerReference: 'CU-FLEET-1',
        kind: 'organisation',
        ownerId: 'he.min', // the staff member responsible for the customer (客户经理)
        name: '顺达物流有限公司',
        organisation: { scale: 'large', fleetSize: 120, personInCharge: { name: '赵经理', phone: '138 0000 1111' } },
      },
    });
    await profiles.execute({ type: 'RecordCustomerSite', actor, data: { customerReference: 'CU-FLEET-1', site: { siteId: 'depot-n', name: 'North depot' } } });
    await profiles.execute({ type: 'RecordCustomerUnit', actor, data: { customerReference: 'CU-FLEET-1', unit: { unitId: 'truck-7', kind: 'vehicle', model: 'Actros', identifier: '沪B·99887', siteId: 'depot-n' } } });
    clock.advance(86_400_000 * 20);
    await profiles.execute({ type: 'TagDifficultCustomer', actor: { id: 'li.na', role: 'handler' }, data: { customerReference: 'CU-FLEET-1', tag: 'media-threat', hint: 'Stay factual; two staff present', reason: 'Threatened to call the press' } });

    const now = await profiles.load('CU-FLEET-1');
    const lastMonth = await profiles.load('CU-FLEET-1', '2026-11-01T00:00:00Z'); // null if not opened by then
    expect(now?.units.map((u) => u.unitId)).toEqual(['truck-7']);
    expect(lastMonth).toBeNull();
    expect((await profiles.load('CU-FLEET-1', '2026-11-21T00:00:00Z'))?.tags).toEqual([]);

    const receipt = { type: 'ReceiveComplaint', complaintId: 'PD-1', actor, data: { customer: { reference: 'CU-FLEET-1' }, channel: 'phone', description: 'Truck 7 pulls left', demand: 'Fix it', siteId: 'depot-n', unitId: 'truck-7' } } as const;
    expect((await engine.execute({ ...receipt, complaintId: 'PD-0', data: { ...receipt.data, siteId: 'depot-s' } })).ok).toBe(false);
    await engine.executeOrThrow(receipt);
    await engine.executeOrThrow({ type: 'AssignHandler', complaintId: 'PD-1', actor: { id: 'dh-1', role: 'departmentHead' }, data: { handlerId: 'li.na', reason: 'initial' } });

    const profilesView = runProjection(customerProfilesProjection());
    await profilesView.catchUp(store);
    const mine = handlerQueue(engine.view(queues), profilesView.state, 'li.na');
    expect(mine).toMatchObject([{ complaintId: 'PD-1', customer: 'CU-FLEET-1', hints: [{ tag: 'media-threat', hint: 'Stay factual; two staff present', by: 'li.na' }] }]);
    const ticket = engine.view(tickets).get('PD-1')!;
    const hints = ticketHints(profilesView.state, ticket);
    expect(hints.map((h) => h.tag)).toEqual(['media-threat']);

    const zhProfiles = createCustomerProfiles({ store, clock, locale: 'zh-CN' }); // tagCatalogue: defaultCustomerTagCatalogue
    await zhProfiles.execute({ type: 'TagDifficultCustomer', actor: { id: 'li.na', role: 'handler' }, data: { customerReference: 'CU-FLEET-1', tag: 'stubborn', reason: 'Refused three diagnoses' } });
    const stubborn = (await store.readStream('customer:CU-FLEET-1')).at(-1);
    expect(stubborn).toMatchObject({ type: 'DifficultCustomerTagged', data: { tag: 'stubborn', hint: expect.stringMatching(/^固执己见：不要争辩；/), reason: 'Refused three diagnoses' } });
    expect(defaultCustomerTagCatalogue.tags.map((t) => [t.tag, labels('zh-CN').customers.tags[t.tag], t.kind])).toEqual([
      ['veryExpert', '专家型客户', 'difficult'],
      ['stubborn', '固执型客户', 'difficult'],
      ['selfImportant', '自负型客户', 'difficult'],
      ['talkative', '健谈型客户', 'difficult'],
      ['unreasonable', '蛮横无理型客户', 'difficult'],
      ['difficultKeyAccount', '难缠的大客户', 'difficult'],
      ['honest', '诚实客户', 'valued'],
    ]);

    await profiles.execute({
      type: 'ChangeCustomerDetails',
      actor,
      data: { customerReference: 'CU-FLEET-1', repairCapability: { ownWorkshop: true, mechanics: 4, repairsInHouse: ['routine servicing', 'tyres'] } },
    });
    expect((await profiles.load('CU-FLEET-1'))?.organisation?.repairCapability).toEqual({ ownWorkshop: true, mechanics: 4, repairsInHouse: ['routine servicing', 'tyres'] });
  });
});
