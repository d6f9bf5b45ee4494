import { addDays, isoWeekday, type AppointmentService } from '@doorstep/sdk';

// The appointment services and slots the server seeds on first start. A pure data module (no database,
// no Node APIs), so Storybook's fake API shows the same services and times as the demo.

export const SAMPLE_APPOINTMENT_SERVICES: AppointmentService[] = [
  {
    id: 'pension-check',
    areaId: 'c-1',
    name: { 'zh-CN': '养老金领取资格认证', 'zh-TW': '養老金領取資格認證', en: 'Yearly pension eligibility check' },
    description: {
      'zh-CN': '领取养老金的居民每年需要认证一次。行动不便的老人可以申请工作人员上门认证。',
      'zh-TW': '領取養老金的居民每年需要認證一次。行動不便的長者可以申請工作人員到府認證。',
      en: 'Residents who draw a pension confirm their eligibility once a year. Staff can visit residents who cannot come.',
    },
    materials: [
      { 'zh-CN': '本人身份证原件', 'zh-TW': '本人身分證正本', en: 'Your ID card (original)' },
      { 'zh-CN': '社会保障卡', 'zh-TW': '社會保障卡', en: 'Your social security card' },
    ],
    place: {
      'zh-CN': '幸福里社区党群服务中心一楼 2 号窗口',
      'zh-TW': '幸福里社區黨群服務中心一樓 2 號窗口',
      en: 'Xingfuli Community Service Centre, ground floor, window 2',
    },
    homeVisit: true,
  },
  {
    id: 'veteran-card',
    areaId: 'sd-1',
    name: { 'zh-CN': '优抚卡（退役军人优待证）办理', 'zh-TW': '優撫卡（退役軍人優待證）辦理', en: 'Veteran preferential card' },
    description: {
      'zh-CN': '退役军人和其他优抚对象申领优待证。卧床或行动不便的可以申请上门办理。',
      'zh-TW': '退役軍人和其他優撫對象申領優待證。臥床或行動不便的可以申請到府辦理。',
      en: 'For veterans and other entitled persons. Staff can visit those who are bedridden or cannot travel.',
    },
    materials: [
      { 'zh-CN': '本人身份证原件及复印件', 'zh-TW': '本人身分證正本及影本', en: 'Your ID card and a photocopy' },
      { 'zh-CN': '退伍证、转业证等退役证件', 'zh-TW': '退伍證、轉業證等退役證件', en: 'Your discharge papers' },
      { 'zh-CN': '近期一寸白底免冠彩色照片 2 张', 'zh-TW': '近期一吋白底脫帽彩色照片 2 張', en: 'Two recent 1-inch colour photos on a white background' },
      { 'zh-CN': '户口簿', 'zh-TW': '戶口簿', en: 'Your household register (hukou booklet)' },
    ],
    place: {
      'zh-CN': '和平街道退役军人服务站（街道办事处一楼 3 号窗口）',
      'zh-TW': '和平街道退役軍人服務站（街道辦事處一樓 3 號窗口）',
      en: 'Heping Subdistrict Veterans’ Service Station, subdistrict office, ground floor, window 3',
    },
    homeVisit: true,
  },
  {
    id: 'senior-card',
    areaId: 'c-1',
    name: { 'zh-CN': '老年人优待证办理', 'zh-TW': '長者優待證辦理', en: 'Senior citizen card' },
    description: {
      'zh-CN': '年满 60 周岁的本社区居民可以办理，凭证享受公交、公园等优待。',
      'zh-TW': '年滿 60 歲的本社區居民可以辦理，憑證享受公車、公園等優待。',
      en: 'For residents aged 60 or over: discounts on buses, parks and more.',
    },
    materials: [
      { 'zh-CN': '本人身份证原件', 'zh-TW': '本人身分證正本', en: 'Your ID card (original)' },
      { 'zh-CN': '近期一寸白底免冠彩色照片 1 张', 'zh-TW': '近期一吋白底脫帽彩色照片 1 張', en: 'One recent 1-inch colour photo on a white background' },
    ],
    place: {
      'zh-CN': '幸福里社区党群服务中心一楼 1 号窗口',
      'zh-TW': '幸福里社區黨群服務中心一樓 1 號窗口',
      en: 'Xingfuli Community Service Centre, ground floor, window 1',
    },
    homeVisit: false,
  },
  {
    id: 'pension-check-guangming',
    areaId: 'c-2',
    name: { 'zh-CN': '养老金领取资格认证', 'zh-TW': '養老金領取資格認證', en: 'Yearly pension eligibility check' },
    materials: [
      { 'zh-CN': '本人身份证原件', 'zh-TW': '本人身分證正本', en: 'Your ID card (original)' },
      { 'zh-CN': '社会保障卡', 'zh-TW': '社會保障卡', en: 'Your social security card' },
    ],
    place: { 'zh-CN': '光明社区服务站便民窗口', 'zh-TW': '光明社區服務站便民窗口', en: 'Guangming Community Service Station, front desk' },
    homeVisit: true,
  },
];

/** One sample slot: a calendar day and local wall-clock times (community time). */
export interface SampleSlot {
  serviceId: string;
  date: string;
  starts: string;
  ends: string;
  capacity: number;
  /** Places already taken in the sample (shown as booked by sample residents). */
  booked: number;
}

/** Morning batches of half an hour, five residents each: the stations' way of avoiding a queue. */
const BATCHES = [
  ['09:00', '09:30'],
  ['09:30', '10:00'],
  ['10:00', '10:30'],
  ['14:30', '15:00'],
  ['15:00', '15:30'],
] as const;

/**
 * Slots on the working days (Monday–Friday) of the next two weeks after `today`, for every sample
 * service. The first working day's first batch of the pension check is full, the second nearly so —
 * so the demo shows both.
 */
export function sampleAppointmentSlots(today: string, days = 14): SampleSlot[] {
  const slots: SampleSlot[] = [];
  let firstWorkingDay = true;
  for (let offset = 1; offset <= days; offset++) {
    const date = addDays(today, offset);
    if (isoWeekday(date) > 5) continue;
    for (const service of SAMPLE_APPOINTMENT_SERVICES) {
      BATCHES.forEach(([starts, ends], index) => {
        const capacity = service.id === 'veteran-card' ? 3 : 5;
        const booked = firstWorkingDay && service.id === 'pension-check' ? [5, 4, 2, 0, 0][index]! : 0;
        slots.push({ serviceId: service.id, date, starts, ends, capacity, booked });
      });
    }
    firstWorkingDay = false;
  }
  return slots;
}

/** Sample residents for the places the sample slots show as taken (names and numbers are made up). */
export const SAMPLE_APPOINTMENT_RESIDENTS = [
  { name: '王秀兰', phone: '13800001001' },
  { name: '李建国', phone: '13800001002' },
  { name: '张桂芳', phone: '13800001003' },
  { name: '刘德福', phone: '13800001004' },
  { name: '陈淑珍', phone: '13800001005' },
] as const;
