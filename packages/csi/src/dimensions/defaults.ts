/**
 * The domain's survey dimensions (CSI, 客户满意度): five, 20% each, with the reason
 * codes the material lists for low scores, and the product-quality module beside them.
 * Hosts replace them through `defineCsiConfig`.
 */
import type { CsiConfig } from './config.js';
import { DEFAULT_PRODUCT_QUALITY } from './product-quality.js';

export const DEFAULT_CSI_CONFIG: CsiConfig = {
  dimensions: [
    {
      id: 'skill',
      weight: 0.2,
      labels: { en: 'Service skill', 'zh-CN': '服务技能' },
      reasons: [
        { id: 'insufficientSkill', labels: { en: 'Insufficient skill', 'zh-CN': '服务技能不足' } },
        { id: 'repeatedRepairs', labels: { en: 'Repeated repairs without a fix', 'zh-CN': '多次维修未修好' } },
        { id: 'slowOnSmallFaults', labels: { en: 'Slow on small faults', 'zh-CN': '小故障处理慢' } },
        { id: 'faultNotRemoved', labels: { en: 'Fault not fully removed', 'zh-CN': '故障排除不彻底' } },
        { id: 'longRepairTime', labels: { en: 'Long repair time', 'zh-CN': '维修时间长' } },
      ],
    },
    {
      id: 'attitude',
      weight: 0.2,
      labels: { en: 'Service attitude', 'zh-CN': '服务态度' },
      reasons: [
        { id: 'badAttitude', labels: { en: 'Bad attitude', 'zh-CN': '服务态度差' } },
        { id: 'noHandsOnWork', labels: { en: 'Will not do the hands-on work', 'zh-CN': '不愿动手操作' } },
        { id: 'noSiteVisit', labels: { en: 'Does not come on site', 'zh-CN': '不到现场' } },
        { id: 'fewProactiveVisits', labels: { en: 'Few proactive visits', 'zh-CN': '主动回访少' } },
        { id: 'slowHandling', labels: { en: 'Slow handling', 'zh-CN': '处理问题慢' } },
        { id: 'forcedPartsPurchase', labels: { en: 'Forces the customer to buy parts', 'zh-CN': '强迫客户购买配件' } },
        { id: 'noSupplierContactHelp', labels: { en: 'Did not help contact the supplier', 'zh-CN': '不帮助联系供应商' } },
        { id: 'brokenPromise', labels: { en: 'Broke a service promise', 'zh-CN': '未兑现服务承诺' } },
      ],
    },
    {
      id: 'timeliness',
      weight: 0.2,
      labels: { en: 'Timeliness', 'zh-CN': '服务及时性' },
      reasons: [
        { id: 'lateArrival', labels: { en: 'Late arrival', 'zh-CN': '到达不及时' } },
        { id: 'noServiceVehicle', labels: { en: 'No service vehicle', 'zh-CN': '没有服务车' } },
        { id: 'tooFewStaff', labels: { en: 'Too few staff', 'zh-CN': '服务人员太少' } },
        { id: 'siteFarAway', labels: { en: 'Site far away', 'zh-CN': '现场距离远' } },
        { id: 'hotlineDelay', labels: { en: 'Hotline did not pass the call on in time', 'zh-CN': '热线未及时转达' } },
        { id: 'engineerBusy', labels: { en: 'Engineer busy', 'zh-CN': '工程师太忙' } },
      ],
    },
    {
      id: 'parts',
      weight: 0.2,
      labels: { en: 'Parts supply', 'zh-CN': '配件供应' },
      reasons: [
        { id: 'lateSupply', labels: { en: 'Late supply', 'zh-CN': '配件供应不及时' } },
        { id: 'warehouseFarAway', labels: { en: 'Warehouse far away', 'zh-CN': '配件库距离远' } },
        { id: 'longShipping', labels: { en: 'Long shipping or wait', 'zh-CN': '运输等待时间长' } },
        { id: 'outOfStock', labels: { en: 'Out of stock (from another region or head office)', 'zh-CN': '缺货（需从外地或总部调货）' } },
        { id: 'wrongPart', labels: { en: 'Wrong part shipped', 'zh-CN': '发错配件' } },
      ],
    },
    {
      id: 'overall',
      weight: 0.2,
      labels: { en: 'Overall service', 'zh-CN': '服务综合' },
      reasons: [
        { id: 'serviceImage', labels: { en: 'Service image', 'zh-CN': '服务形象' } },
        { id: 'cumbersomeProcess', labels: { en: 'Cumbersome process and rules', 'zh-CN': '流程制度繁琐' } },
        { id: 'headOfficeSlow', labels: { en: 'Head office slow', 'zh-CN': '总部反应慢' } },
        { id: 'generalComplaint', labels: { en: 'General complaints about service', 'zh-CN': '对服务的一般性抱怨' } },
      ],
    },
  ],
  productQuality: DEFAULT_PRODUCT_QUALITY,
};
