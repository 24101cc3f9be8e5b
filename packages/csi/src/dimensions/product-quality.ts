/**
 * The product-quality survey module (产品质量): the material rates the product apart from
 * the five service dimensions, on performance, function and operation. Equal weights, as
 * the service dimensions have. The reason codes are ours (the material names the three
 * dimensions, not reasons for them): a host replaces them through `defineCsiConfig`.
 */
import type { ProductQualityConfig } from './config.js';

/**
 * The default product-quality module: `performance` 性能, `function` 功能 and `operation` 操作性, a
 * third of the weight each, with reason codes of our own (low power, high consumption, frequent
 * faults; missing or failing function; hard to operate, uncomfortable, unclear instructions).
 * What `csiConfigSchema` fills in when a configuration leaves `productQuality` out.
 */
export const DEFAULT_PRODUCT_QUALITY: ProductQualityConfig = {
  dimensions: [
    {
      id: 'performance',
      weight: 1 / 3,
      labels: { en: 'Performance', 'zh-CN': '性能' },
      reasons: [
        { id: 'lowPower', labels: { en: 'Low power', 'zh-CN': '动力不足' } },
        { id: 'highConsumption', labels: { en: 'High fuel or energy consumption', 'zh-CN': '油耗（能耗）高' } },
        { id: 'frequentFaults', labels: { en: 'Frequent faults', 'zh-CN': '故障频繁' } },
      ],
    },
    {
      id: 'function',
      weight: 1 / 3,
      labels: { en: 'Function', 'zh-CN': '功能' },
      reasons: [
        { id: 'missingFunction', labels: { en: 'Missing function', 'zh-CN': '功能缺失' } },
        { id: 'functionFails', labels: { en: 'A function does not work', 'zh-CN': '功能失效' } },
      ],
    },
    {
      id: 'operation',
      weight: 1 / 3,
      labels: { en: 'Operation', 'zh-CN': '操作性' },
      reasons: [
        { id: 'hardToOperate', labels: { en: 'Hard to operate', 'zh-CN': '操作不便' } },
        { id: 'uncomfortable', labels: { en: 'Uncomfortable to use', 'zh-CN': '舒适性差' } },
        { id: 'unclearInstructions', labels: { en: 'Unclear instructions', 'zh-CN': '说明不清楚' } },
      ],
    },
  ],
};
