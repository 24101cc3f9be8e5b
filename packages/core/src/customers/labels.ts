/**
 * The words of customer profiles in English and Simplified Chinese (客户档案), kept
 * beside the concept and hung under `labels(locale).customers`. Typed by the full
 * enums, so a command, event, kind or scale added without its label fails to compile;
 * the tags by the default catalogue's ids (a host's own tags may stand beside them).
 */
import type { IdLabels } from '../labels/labels.js';
import type { CustomerKind, OrganisationScale, UnitKind } from './payloads.js';
import type { CustomerProfileCommandType, CustomerProfileEventType } from './schema.js';
import type { CustomerTagKind, DefaultCustomerTag } from './tag-catalogue.js';

/** Every word a screen shows for customer profiles, in one locale. */
export interface CustomerLabels {
  /** The profile commands, as the action a button offers. */
  readonly commands: Readonly<Record<CustomerProfileCommandType, string>>;
  /** The profile events, as a customer's history shows them. */
  readonly events: Readonly<Record<CustomerProfileEventType, string>>;
  /** A person or an organisation. */
  readonly kinds: Readonly<Record<CustomerKind, string>>;
  /** An organisation's size bands. */
  readonly scales: Readonly<Record<OrganisationScale, string>>;
  /** Vehicle or equipment. */
  readonly unitKinds: Readonly<Record<UnitKind, string>>;
  /** The heading of the handling hints a handler is shown for a difficult customer. */
  readonly handlingHints: string;
  /** The tags of `defaultCustomerTagCatalogue` (each required), and any of the host's own beside them. */
  readonly tags: IdLabels<DefaultCustomerTag>;
  /** A tag to handle with care, or a customer to reward. */
  readonly tagKinds: Readonly<Record<CustomerTagKind, string>>;
}

/** English customer labels. */
export const CUSTOMER_LABELS_EN: CustomerLabels = {
  commands: {
    OpenCustomerProfile: 'Open customer profile',
    ChangeCustomerDetails: 'Change customer details',
    AssignCustomerOwner: 'Assign customer owner',
    RecordCustomerUnit: 'Record vehicle or equipment',
    RecordCustomerSite: 'Record site',
    RecordKeyContact: 'Record key contact',
    RetireCustomerUnit: 'Retire vehicle or equipment',
    CloseCustomerSite: 'Close site',
    RemoveKeyContact: 'Remove key contact',
    TagDifficultCustomer: 'Tag as difficult customer',
    UntagDifficultCustomer: 'Remove difficult-customer tag',
  },
  events: {
    CustomerProfileOpened: 'Customer profile opened',
    CustomerDetailsChanged: 'Customer details changed',
    CustomerOwnerAssigned: 'Customer owner assigned',
    CustomerUnitRecorded: 'Vehicle or equipment recorded',
    CustomerSiteRecorded: 'Site recorded',
    KeyContactRecorded: 'Key contact recorded',
    CustomerUnitRetired: 'Vehicle or equipment retired',
    CustomerSiteClosed: 'Site closed',
    KeyContactRemoved: 'Key contact removed',
    DifficultCustomerTagged: 'Tagged as difficult customer',
    DifficultCustomerUntagged: 'Difficult-customer tag removed',
  },
  kinds: { person: 'Private customer', organisation: 'Business customer' },
  scales: { small: 'Small', medium: 'Medium', large: 'Large', enterprise: 'Key account' },
  unitKinds: { vehicle: 'Vehicle', equipment: 'Equipment' },
  handlingHints: 'Handling hints',
  tags: {
    veryExpert: 'Very expert',
    stubborn: 'Stubborn',
    selfImportant: 'Self-important',
    talkative: 'Talkative',
    unreasonable: 'Unreasonable',
    difficultKeyAccount: 'Difficult key account',
    honest: 'Honest customer',
  },
  tagKinds: { difficult: 'Handle with care', valued: 'Valued customer' },
};

/** Simplified Chinese customer labels. */
export const CUSTOMER_LABELS_ZH_CN: CustomerLabels = {
  commands: {
    OpenCustomerProfile: '建立客户档案',
    ChangeCustomerDetails: '变更客户信息',
    AssignCustomerOwner: '指定客户负责人',
    RecordCustomerUnit: '登记车辆或设备',
    RecordCustomerSite: '登记场地',
    RecordKeyContact: '登记关键联系人',
    RetireCustomerUnit: '注销车辆或设备',
    CloseCustomerSite: '关闭场地',
    RemoveKeyContact: '移除关键联系人',
    TagDifficultCustomer: '标记为难缠客户',
    UntagDifficultCustomer: '取消难缠客户标记',
  },
  events: {
    CustomerProfileOpened: '客户档案已建立',
    CustomerDetailsChanged: '客户信息已变更',
    CustomerOwnerAssigned: '客户负责人已指定',
    CustomerUnitRecorded: '车辆或设备已登记',
    CustomerSiteRecorded: '场地已登记',
    KeyContactRecorded: '关键联系人已登记',
    CustomerUnitRetired: '车辆或设备已注销',
    CustomerSiteClosed: '场地已关闭',
    KeyContactRemoved: '关键联系人已移除',
    DifficultCustomerTagged: '已标记为难缠客户',
    DifficultCustomerUntagged: '难缠客户标记已取消',
  },
  kinds: { person: '个人客户', organisation: '集团客户' },
  scales: { small: '小型', medium: '中型', large: '大型', enterprise: '大客户' },
  unitKinds: { vehicle: '车辆', equipment: '设备' },
  handlingHints: '接待提示',
  tags: {
    veryExpert: '专家型客户',
    stubborn: '固执型客户',
    selfImportant: '自负型客户',
    talkative: '健谈型客户',
    unreasonable: '蛮横无理型客户',
    difficultKeyAccount: '难缠的大客户',
    honest: '诚实客户',
  },
  tagKinds: { difficult: '需谨慎接待', valued: '优质客户' },
};
