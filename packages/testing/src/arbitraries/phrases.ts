/**
 * Realistic wording for generated complaints, in English and Simplified Chinese,
 * drawn from what service stations actually hear (repeat visits, price disputes,
 * slow repairs). Kept as data so the arbitraries only pick: picking from constants
 * shrinks to the first entry, which keeps counterexamples readable.
 */
import type { Cause, ComplaintSourceKind, ProductChecks } from '@redress/core';

/** The locales generated text comes in. `any` mixes both, as a bilingual desk sees. */
export type TextLocale = 'en' | 'zh-CN';

export const SURNAMES_ZH = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'] as const;
export const GIVEN_NAMES_ZH = ['伟', '芳', '娜', '秀英', '敏', '静', '磊', '强', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平'] as const;
/** Pinyin of SURNAMES_ZH, index for index: for ids, which must stay ASCII. */
export const SURNAMES_PINYIN = ['wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'huang', 'zhao', 'wu', 'zhou', 'xu', 'sun', 'ma', 'zhu', 'hu', 'guo', 'he', 'lin', 'luo', 'gao'] as const;
export const HONORIFICS_ZH = ['先生', '女士'] as const;

export const FIRST_NAMES_EN = ['James', 'Mary', 'Robert', 'Patricia', 'David', 'Jennifer', 'Daniel', 'Linda', 'Thomas', 'Sarah', 'Wei', 'Mei', 'Oliver', 'Amelia', 'Ahmed', 'Priya'] as const;
export const LAST_NAMES_EN = ['Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Clarke', 'Evans', 'Walker', 'Chen', 'Lin', 'Patel', 'Okafor', 'Murphy', "O'Neill", 'Schmidt', 'García'] as const;

/** Mainland mobile prefixes (China Mobile, Unicom, Telecom). */
export const MOBILE_PREFIXES_ZH = ['135', '136', '138', '139', '150', '152', '158', '186', '133', '153', '177', '180', '189', '199'] as const;

/** Licence plate regions: province abbreviation + city letter. */
export const PLATE_REGIONS = ['京A', '京N', '沪B', '粤B', '粤A', '浙A', '苏E', '川A', '鄂A', '鲁B'] as const;

export const VEHICLE_MODELS = ['Camry 2.5L', 'Accord 1.5T', 'Sylphy', 'Lavida', 'Model Y', 'BYD Han EV', 'Haval H6', 'CR-V', 'Magotan 330TSI', 'Geely Boyue'] as const;
export const MACHINE_MODELS = ['SY215C excavator', 'XE60DA excavator', 'ZL50GN wheel loader', 'STC250 truck crane', 'LiuGong 856H loader'] as const;

export const BRANCHES_EN = ['Pudong service centre', 'Chaoyang 4S store', 'Tianhe branch', 'Xihu workshop', 'Jiangbei service station'] as const;
export const BRANCHES_ZH = ['浦东服务中心', '朝阳4S店', '天河分公司', '西湖维修站', '江北服务站'] as const;

/** Sales regions, English and Chinese index for index; analytics slice complaints by them. */
export const REGIONS_EN = ['East China', 'North China', 'South China', 'Central China', 'Southwest China'] as const;
export const REGIONS_ZH = ['华东', '华北', '华南', '华中', '西南'] as const;
/** The region of each branch above, by index (Pudong and Xihu are in East China, Jiangbei in Chongqing). */
export const BRANCH_REGIONS = [0, 1, 2, 0, 4] as const;

/** Business lines, index for index. Index 2 is the machinery line, the one a construction machine belongs to. */
export const BUSINESS_LINES_EN = ['Passenger cars', 'Commercial vehicles', 'Construction machinery', 'After-sales parts'] as const;
export const BUSINESS_LINES_ZH = ['乘用车', '商用车', '工程机械', '售后配件'] as const;

/** Customer types (segments), index for index: how analytics slice customers. */
export const SEGMENTS_EN = ['Private owner', 'Fleet', 'Corporate account', 'Rental company', 'Contractor'] as const;
export const SEGMENTS_ZH = ['私家车主', '车队客户', '企业客户', '租赁公司', '施工单位'] as const;

/** Where a reassigned handler meets the customer (三变法: change the handler, the venue, the time). */
export const VENUES: Record<TextLocale, readonly string[]> = {
  en: ['Customer lounge', 'Branch manager’s office', 'On site'],
  'zh-CN': ['客户休息室', '经理办公室', '施工现场'],
};

/** What revealed a complaint, by source kind: the note a desk adds when it records the source. */
export const SOURCE_NOTES: Record<TextLocale, Record<ComplaintSourceKind, readonly string[]>> = {
  en: {
    survey: ['Scored 3 out of 10 for timeliness in the monthly satisfaction survey.', 'Left a low rating and a comment in the post-service survey.'],
    followUp: ['Raised during the follow-up call after an earlier repair.'],
    repeat: ['Same fault as the complaint closed last month.'],
    other: ['Reported by the branch manager after a site visit.', 'Posted on the dealer’s social media page.'],
  },
  'zh-CN': {
    survey: ['月度满意度调查中服务及时性打了3分。', '维修后满意度调查中给了低分并留言。'],
    followUp: ['在上次维修的跟进回访中提出。'],
    repeat: ['与上月已关闭的投诉是同一故障。'],
    other: ['网点经理现场走访时发现。', '客户在经销商社交媒体主页上发帖。'],
  },
};

/** "Three checks and one synthesis" (三查一综合) for product-quality complaints: what each check found. */
export const PRODUCT_CHECKS: Record<TextLocale, Record<keyof ProductChecks, readonly string[]>> = {
  en: {
    product: ['The seal batch measured 0.3 mm out of tolerance.', 'A fatigue crack at the weld of the boom pivot.'],
    operatingConditions: ['Operating conditions normal; two similar units on the same site show no fault.', 'Cold mornings below -15 °C; similar units in the region report the same symptom.'],
    usageAndMaintenance: ['Serviced on schedule at our branch with the specified oil.', 'The 250-hour service was skipped; otherwise normal use.'],
  },
  'zh-CN': {
    product: ['密封件批次尺寸超差0.3毫米。', '动臂铰点焊缝处有疲劳裂纹。'],
    operatingConditions: ['使用工况正常，同工地两台同型号设备无故障。', '早晨气温低于零下15度，本地区同型号设备有相同症状。'],
    usageAndMaintenance: ['在本网点按时保养，使用规定油品。', '漏做了250小时保养，其他使用正常。'],
  },
};

/**
 * What customers write next to a survey rating, by dimension of the default CSI survey
 * (see `CSI_DIMENSIONS`), for a low score (6 or less) and a high one; `*` for any other dimension.
 */
export const RATING_COMMENTS: Record<TextLocale, Record<string, { readonly low: readonly string[]; readonly high: readonly string[] }>> = {
  en: {
    skill: { low: ['The noise came back a week after the repair.'], high: ['The technician found the fault at once.'] },
    attitude: { low: ['The advisor was impatient on the phone.'], high: ['Friendly and patient staff.'] },
    timeliness: { low: ['The engineer arrived two hours late.'], high: ['Came on site the same afternoon.'] },
    parts: { low: ['Waited nine days for the part.'], high: ['The part was in stock.'] },
    overall: { low: ['Too many forms to fill in.'], high: ['Good service overall.'] },
    '*': { low: ['Not what I expected.'], high: ['Very good.'] },
  },
  'zh-CN': {
    skill: { low: ['修完一周异响又出现了。'], high: ['技师一下就找到了故障。'] },
    attitude: { low: ['服务顾问电话里很不耐烦。'], high: ['服务人员热情耐心。'] },
    timeliness: { low: ['工程师晚到了两个小时。'], high: ['当天下午就到了现场。'] },
    parts: { low: ['等配件等了九天。'], high: ['配件有现货。'] },
    overall: { low: ['要填的表太多了。'], high: ['整体服务很好。'] },
    '*': { low: ['和预期差距较大。'], high: ['非常好。'] },
  },
};

interface Wording {
  readonly description: readonly string[];
  readonly demand: readonly string[];
  readonly findings: readonly string[];
}

/** Complaint wording by cause: what the customer says, what they want, what the investigation finds. */
export const WORDING: Record<TextLocale, Record<Cause, Wording>> = {
  en: {
    repairQuality: {
      description: [
        'This is the third time I have brought the car in for the same rattling noise, and it is still not fixed.',
        'Your technician came four times and the hydraulic leak is still there.',
        'The air conditioning stopped working two days after the repair.',
      ],
      demand: ['Fix it properly this week, free of charge.', 'I want the part replaced, not repaired again.', 'I want to speak to your general manager.'],
      findings: ['A heat shield bolt was left loose after the last service.', 'The replacement seal was the wrong size for this model.', 'The compressor clutch was not reconnected.'],
    },
    serviceAttitude: {
      description: ['The service advisor told me "that is impossible" and walked away.', 'Nobody called me back although I was promised a call the same day.'],
      demand: ['An apology from the advisor.', 'A proper explanation and someone who listens.'],
      findings: ['The advisor was covering two desks during the lunch break.', 'The call-back list was not handed over at the shift change.'],
    },
    price: {
      description: ['I was charged 2,300 yuan for a job quoted at 1,200.', 'The invoice lists parts I never agreed to.'],
      demand: ['Refund the difference.', 'Remove the parts I did not order from the invoice.'],
      findings: ['Labour was billed twice for the same operation.', 'The quote was not updated after the scope changed.'],
    },
    repairDuration: {
      description: ['The car has been in your workshop for eleven days for a two-day job.', 'The excavator has been down for a week waiting for a part.'],
      demand: ['A courtesy car until it is ready.', 'Compensation for the days my machine stood idle.'],
      findings: ['The part was ordered from the regional warehouse instead of head office stock.', 'The job waited for a diagnostic tool on loan to another branch.'],
    },
    communication: {
      description: ['I was never told the repair would take longer.', 'The hotline did not pass my call on.'],
      demand: ['Keep me informed every day.', 'Give me one person to call.'],
      findings: ['Status updates were only entered in the workshop system, not sent.', 'The hotline ticket was closed without a hand-over.'],
    },
    environment: {
      description: ['The waiting area was dirty and there was nowhere to sit.', 'My seats came back covered in grease.'],
      demand: ['Clean the interior at your cost.', 'Improve the customer lounge.'],
      findings: ['Seat covers were not used in bay 3.', 'The lounge cleaning rota lapsed during the holiday.'],
    },
    productQuality: {
      description: ['The new gearbox fails in cold weather.', 'The boom cylinder cracked after 300 operating hours.'],
      demand: ['Replace the unit under warranty.', 'Inspect all units of this batch.'],
      findings: ['Three checks and one synthesis: the seal batch is out of tolerance; operating conditions normal; maintenance per schedule.'],
    },
    other: {
      description: ['My loyalty points were not credited after the service.'],
      demand: ['Credit the points.'],
      findings: ['The membership system was offline that day.'],
    },
  },
  'zh-CN': {
    repairQuality: {
      description: ['这已经是第三次因为同一个异响来修车了，还是没修好。', '你们的技术员来了四次，液压漏油还是没解决。', '空调修完两天就又不制冷了。'],
      demand: ['这周内免费彻底修好。', '直接换新件，不要再修了。', '我要找你们总经理。'],
      findings: ['上次保养后隔热罩螺栓未拧紧。', '更换的密封圈型号不对。', '压缩机离合器插头未接回。'],
    },
    serviceAttitude: {
      description: ['服务顾问说"那是不可能的"就走开了。', '说好当天回电话，结果没有人联系我。'],
      demand: ['服务顾问必须向我道歉。', '给我一个合理的解释。'],
      findings: ['午休期间一名顾问同时负责两个接待台。', '交接班时回访名单没有交接。'],
    },
    price: {
      description: ['报价1200元，结账收了2300元。', '发票上有我没同意更换的配件。'],
      demand: ['退还多收的费用。', '从发票上去掉我没同意的配件。'],
      findings: ['同一工序的工时费重复计算。', '维修范围变更后没有重新报价。'],
    },
    repairDuration: {
      description: ['两天的活，车在你们车间放了十一天。', '挖掘机等配件已经停工一周了。'],
      demand: ['修好之前提供代步车。', '赔偿设备停工的损失。'],
      findings: ['配件从区域仓库调货，而不是总部库存。', '诊断仪借给了其他网点，工单一直在等。'],
    },
    communication: {
      description: ['延期交车没有人通知我。', '热线没有把我的电话转给负责人。'],
      demand: ['每天告诉我维修进度。', '给我一个固定的联系人。'],
      findings: ['进度只录入了车间系统，没有通知客户。', '热线工单未交接就被关闭。'],
    },
    environment: {
      description: ['休息区很脏，连坐的地方都没有。', '座椅上全是油污。'],
      demand: ['免费清洗内饰。', '改善客户休息区。'],
      findings: ['3号工位没有使用座椅套。', '节假日期间休息区保洁排班中断。'],
    },
    productQuality: {
      description: ['新变速箱天冷就出故障。', '动臂油缸工作300小时就开裂了。'],
      demand: ['按保修更换总成。', '检查同批次所有设备。'],
      findings: ['三查一综合：密封件批次超差；使用工况正常；按规定保养。'],
    },
    other: {
      description: ['保养后会员积分没有到账。'],
      demand: ['补发积分。'],
      findings: ['当天会员系统离线。'],
    },
  },
};

/** Free texts the other commands carry. */
export const TEXTS: Record<
  TextLocale,
  Record<
    'summary' | 'remedy' | 'outcome' | 'preventive' | 'note' | 'contact' | 'reason' | 'comment' | 'acknowledgement' | 'plan' | 'approval' | 'execution' | 'survey',
    readonly string[]
  >
> = {
  en: {
    summary: ['Customer confirms: rattling from the engine bay since the last service.', 'Confirmed with the customer by phone: overcharged on the last invoice.'],
    remedy: ['Refit the heat shield and inspect the exhaust free of charge.', 'Refund the labour billed twice and apologise in writing.', 'Replace the seal and provide a courtesy car.'],
    outcome: ['Heat shield refitted; test drive quiet.', 'Refund paid to the customer’s card.', 'Seal replaced; no leak after a two-hour test.'],
    preventive: ['Torque check added to the service checklist.', 'Quotes are re-issued whenever the scope changes.', 'Seat covers are mandatory in every bay.'],
    note: ['Called the parts warehouse about the delivery date.', 'Customer prefers WeChat over phone calls.'],
    contact: ['Updated the customer on progress.', 'Customer called to ask about the refund.'],
    reason: ['Third visit for the same fault.', 'Part on back order.', 'Customer asked for a different advisor.', 'Customer resolved it with the dealer directly.'],
    comment: ['Customer happy with the result.', 'Customer says the noise is back.'],
    acknowledgement: [
      'Thank you for telling us, and I am sorry for the trouble; we will look into it today.',
      'Thank you for your patience: your feedback helps us improve. We apologise and will act right away.',
    ],
    plan: ['Inspect the vehicle on the lift and pull the last service record.', 'Interview the advisor on duty and review the call log.', 'Compare the invoice with the quote and the workshop time sheet.'],
    approval: ['Approved: within the compensation policy.', 'Approved on condition that the customer signs the settlement.'],
    execution: ['Customer informed by phone; appointment booked for Thursday.', 'Refund request submitted to finance.'],
    survey: ['Thanks for sorting it out quickly.', 'Fine in the end, but it took too many visits.', 'Please call before the car is ready next time.'],
  },
  'zh-CN': {
    summary: ['客户确认：上次保养后发动机舱有异响。', '已电话与客户确认：上次结账多收费。'],
    remedy: ['免费重新安装隔热罩并检查排气系统。', '退还重复收取的工时费并书面道歉。', '更换密封圈并提供代步车。'],
    outcome: ['隔热罩已重新安装，试车无异响。', '退款已退回客户银行卡。', '密封圈已更换，试车两小时无渗漏。'],
    preventive: ['保养检查表增加扭矩检查项。', '维修范围变更时必须重新报价。', '所有工位必须使用座椅套。'],
    note: ['已联系配件仓库确认到货时间。', '客户更希望通过微信联系。'],
    contact: ['向客户通报了维修进度。', '客户来电询问退款进度。'],
    reason: ['同一故障第三次返修。', '配件缺货，需要调货。', '客户要求更换服务顾问。', '客户已与经销商直接解决。'],
    comment: ['客户对结果满意。', '客户反映异响又出现了。'],
    acknowledgement: ['感谢您告诉我们，给您添麻烦了，我们今天就处理。', '感谢您的耐心，您的意见帮助我们改进，非常抱歉，我们马上处理。'],
    plan: ['上举升机检查车辆，调取上次保养记录。', '约谈当班服务顾问，调取通话记录。', '核对发票、报价单和车间工时记录。'],
    approval: ['同意：符合补偿政策。', '同意，前提是客户签署和解协议。'],
    execution: ['已电话告知客户，预约周四进店。', '退款申请已提交财务。'],
    survey: ['感谢你们这么快解决了问题。', '最后解决了，但跑了太多趟。', '下次车修好之前请先打个电话。'],
  },
};
