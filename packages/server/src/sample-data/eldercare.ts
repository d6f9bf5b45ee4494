import type { EldercareProgram, EligibilityCondition, LocalizedText } from '@doorstep/sdk';

// The elder-care programs the server seeds on first start: what 幸福里社区 and 光明社区 offer, with
// prices in fen and the eligibility and subsidy rules as data. A pure data module (no database), so
// Storybook's fake API and tests evaluate exactly the rules the demo shows.

type Text = Required<LocalizedText>;
const t = (zhCN: string, zhTW: string, en: string): Text => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });

const age = (years: number): EligibilityCondition => ({ ageAtLeast: years });
const lowIncome: EligibilityCondition = { fact: 'lowIncome' };
const disability: EligibilityCondition = { fact: 'disability' };
const specialCare: EligibilityCondition = { fact: 'specialCare' };
const livingAlone: EligibilityCondition = { fact: 'livingAlone' };

/** 低保 or 优抚 (special care, e.g. veterans' families): most subsidies treat them alike. */
const lowIncomeOrSpecialCare: EligibilityCondition = { any: [lowIncome, specialCare] };
/** An 80-year-old living alone: the community's first concern. */
const alone80: EligibilityCondition = { all: [age(80), livingAlone] };

export const SAMPLE_ELDERCARE_PROGRAMS: EldercareProgram[] = [
  {
    id: 'c1-meals',
    communityId: 'c-1',
    service: 'meals',
    name: t('幸福食堂助餐', '幸福食堂助餐', 'Xingfu canteen meals'),
    description: t(
      '社区长者食堂提供一日三餐，可以到食堂用餐，也可以送餐上门（周一至周六）。',
      '社區長者食堂提供一日三餐，可以到食堂用餐，也可以送餐到府（週一至週六）。',
      'The community canteen serves three meals a day, to eat in or delivered to the door (Monday to Saturday).',
    ),
    eligibility: { any: [age(60), disability] },
    options: { modes: ['canteen', 'delivery'], meals: ['breakfast', 'lunch', 'dinner'], days: [1, 2, 3, 4, 5, 6] },
    prices: [
      { id: 'meal', name: t('每餐', '每餐', 'Each meal'), amountFen: 1500, per: 'meal' },
      { id: 'delivery', name: t('送餐费', '送餐費', 'Delivery'), amountFen: 300, per: 'meal' },
    ],
    benefits: [
      { id: 'meal-60', item: 'meal', kind: 'subsidy', amountFen: 300, when: age(60), name: t('60岁以上每餐补贴3元', '60歲以上每餐補貼3元', '¥3 off each meal at 60 and over') },
      { id: 'meal-80', item: 'meal', kind: 'subsidy', amountFen: 500, when: age(80), name: t('80岁以上每餐补贴5元', '80歲以上每餐補貼5元', '¥5 off each meal at 80 and over') },
      {
        id: 'meal-low-income',
        item: 'meal',
        kind: 'subsidy',
        amountFen: 800,
        when: lowIncomeOrSpecialCare,
        name: t('低保、优抚对象每餐补贴8元', '低保、優撫對象每餐補貼8元', '¥8 off each meal for low-income and special-care households'),
      },
      { id: 'delivery-low-income', item: 'delivery', kind: 'free', when: lowIncome, name: t('低保家庭免费送餐', '低保家庭免費送餐', 'Free delivery for low-income households') },
      { id: 'delivery-80', item: 'delivery', kind: 'subsidy', amountFen: 200, when: age(80), name: t('80岁以上送餐补贴2元', '80歲以上送餐補貼2元', '¥2 off delivery at 80 and over') },
    ],
  },
  {
    id: 'c1-day-care',
    communityId: 'c-1',
    service: 'dayCare',
    name: t('日间照料中心', '日間照料中心', 'Day care centre'),
    description: t(
      '工作日白天在社区日间照料中心休息、用餐、活动，有护理员照看，含午餐。',
      '工作日白天在社區日間照料中心休息、用餐、活動，有照護員照看，含午餐。',
      'Weekday daytime care at the community centre: rest, lunch and activities, with carers on hand.',
    ),
    eligibility: age(60),
    options: { days: [1, 2, 3, 4, 5] },
    prices: [{ id: 'day', name: t('每天', '每天', 'Each day'), amountFen: 3000, per: 'day' }],
    benefits: [
      { id: 'day-low-income', item: 'day', kind: 'free', when: lowIncome, name: t('低保老人免费', '低保長者免費', 'Free for low-income elders') },
      { id: 'day-80', item: 'day', kind: 'subsidy', amountFen: 1000, when: age(80), name: t('80岁以上每天补贴10元', '80歲以上每天補貼10元', '¥10 off each day at 80 and over') },
    ],
  },
  {
    id: 'c1-housekeeping',
    communityId: 'c-1',
    service: 'housekeeping',
    name: t('居家保洁', '居家清潔', 'Housekeeping'),
    description: t(
      '家政员上门打扫卫生、洗衣、整理，每月最多20小时。',
      '家政員到府打掃、洗衣、整理，每月最多20小時。',
      'A housekeeper comes to clean, wash and tidy: up to 20 hours a month.',
    ),
    eligibility: age(60),
    options: { maxHoursPerMonth: 20 },
    prices: [{ id: 'hour', name: t('每小时', '每小時', 'Each hour'), amountFen: 4000, per: 'hour' }],
    benefits: [
      {
        id: 'hours-low-income',
        item: 'hour',
        kind: 'freeQuantity',
        quantity: 4,
        when: lowIncomeOrSpecialCare,
        name: t('低保、优抚对象每月免费4小时', '低保、優撫對象每月免費4小時', '4 free hours a month for low-income and special-care households'),
      },
      { id: 'hours-alone-80', item: 'hour', kind: 'freeQuantity', quantity: 2, when: alone80, name: t('80岁以上独居老人每月免费2小时', '80歲以上獨居長者每月免費2小時', '2 free hours a month at 80 and over, living alone') },
    ],
  },
  {
    id: 'c1-home-visits',
    communityId: 'c-1',
    service: 'homeVisits',
    name: t('关爱探访', '關愛探訪', 'Home visits'),
    description: t(
      '网格员和志愿者定期上门看望，聊聊天，看看身体和家里有没有需要帮忙的。免费。',
      '網格員和志工定期到府探望，聊聊天，看看身體和家裡有沒有需要幫忙的。免費。',
      'Grid workers and volunteers call round regularly for a chat and to see whether anything is needed. Free.',
    ),
    eligibility: { any: [livingAlone, age(80)] },
    options: { frequencies: ['weekly', 'biweekly', 'monthly'] },
    prices: [],
    benefits: [],
  },
  {
    id: 'c1-wristband',
    communityId: 'c-1',
    service: 'wristband',
    name: t('智能健康手环', '智慧健康手環', 'Health-monitoring wristband'),
    description: t(
      '测血压、心率，一键呼叫，定位。异常时社区值班人员和紧急联系人都会收到提醒。',
      '測血壓、心率，一鍵呼叫，定位。異常時社區值班人員和緊急聯絡人都會收到提醒。',
      'Blood pressure, heart rate, an emergency call button and location. Duty staff and the emergency contact are alerted when something is wrong.',
    ),
    eligibility: age(60),
    options: {},
    prices: [
      { id: 'device', name: t('手环', '手環', 'Wristband'), amountFen: 29900, per: 'once' },
      { id: 'monthly', name: t('监测服务费', '監測服務費', 'Monitoring'), amountFen: 1500, per: 'month' },
    ],
    benefits: [
      {
        id: 'device-free',
        item: 'device',
        kind: 'free',
        when: { any: [alone80, disability] },
        name: t('80岁以上独居或残疾老人免费领取', '80歲以上獨居或身心障礙長者免費領取', 'Free at 80 and over living alone, or with a disability'),
      },
      {
        id: 'monthly-free',
        item: 'monthly',
        kind: 'free',
        when: { any: [alone80, disability, lowIncome] },
        name: t('80岁以上独居、残疾或低保老人免服务费', '80歲以上獨居、身心障礙或低保長者免服務費', 'No monitoring fee at 80 and over living alone, with a disability, or low-income'),
      },
    ],
  },
  {
    id: 'c2-meals',
    communityId: 'c-2',
    service: 'meals',
    name: t('光明长者饭堂', '光明長者飯堂', 'Guangming elders’ canteen'),
    description: t('工作日午餐，在饭堂用餐。', '工作日午餐，在飯堂用餐。', 'Weekday lunch, eaten at the canteen.'),
    eligibility: age(60),
    options: { modes: ['canteen'], meals: ['lunch'], days: [1, 2, 3, 4, 5] },
    prices: [{ id: 'meal', name: t('每餐', '每餐', 'Each meal'), amountFen: 1200, per: 'meal' }],
    benefits: [
      { id: 'meal-70', item: 'meal', kind: 'subsidy', amountFen: 400, when: age(70), name: t('70岁以上每餐补贴4元', '70歲以上每餐補貼4元', '¥4 off each meal at 70 and over') },
      { id: 'meal-low-income', item: 'meal', kind: 'free', when: lowIncome, name: t('低保老人免费', '低保長者免費', 'Free for low-income elders') },
    ],
  },
  {
    id: 'c2-home-visits',
    communityId: 'c-2',
    service: 'homeVisits',
    name: t('关爱探访', '關愛探訪', 'Home visits'),
    description: t('独居老人每周上门看望一次。免费。', '獨居長者每週到府探望一次。免費。', 'A weekly visit for elders living alone. Free.'),
    eligibility: livingAlone,
    options: { frequencies: ['weekly'] },
    prices: [],
    benefits: [],
  },
];
