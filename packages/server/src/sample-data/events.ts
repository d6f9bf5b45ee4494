import { addDays, isoWeekday, type LocalizedText } from '@doorstep/sdk';

// The community events the server seeds on first start, dated relative to the day it runs. A pure data
// module (no database, no Node APIs), so Storybook's fake API shows the same events as the demo.

export interface SampleEvent {
  id: string;
  areaId: string;
  title: Required<LocalizedText>;
  description?: Required<LocalizedText>;
  place: Required<LocalizedText>;
  audience: Required<LocalizedText>;
  /** Community date and wall-clock times. */
  date: string;
  starts: string;
  ends: string;
  capacity: number;
  maxPartySize: number;
  asksChildrenAges: boolean;
}

/** The next date after `today` falling on ISO weekday `weekday` (1 = Monday). */
function next(today: string, weekday: number): string {
  const ahead = (weekday - isoWeekday(today) + 7) % 7 || 7;
  return addDays(today, ahead);
}

const childrensHome: Required<LocalizedText> = {
  'zh-CN': '幸福里社区党群服务中心二楼 儿童之家',
  'zh-TW': '幸福里社區黨群服務中心二樓 兒童之家',
  en: 'Xingfuli Community Centre, 1st floor, Children’s Room',
};

/** Sample events around `today`: one held last Saturday (for the figures), the others upcoming. */
export function sampleEvents(today: string): SampleEvent[] {
  const saturday = next(today, 6);
  // The last Saturday before today: always over, whatever the hour.
  const pastSaturday = addDays(saturday, isoWeekday(today) === 6 ? -14 : -7);
  return [
    {
      id: 'ev-reading-past',
      areaId: 'c-1',
      title: { 'zh-CN': '周末亲子阅读会', 'zh-TW': '週末親子閱讀會', en: 'Weekend parent-child reading' },
      place: childrensHome,
      audience: { 'zh-CN': '3–6 岁儿童及家长', 'zh-TW': '3–6 歲兒童及家長', en: 'Children aged 3–6 with a parent' },
      date: pastSaturday,
      starts: '09:30',
      ends: '11:00',
      capacity: 20,
      maxPartySize: 3,
      asksChildrenAges: true,
    },
    {
      id: 'ev-reading',
      areaId: 'c-1',
      title: { 'zh-CN': '周末亲子阅读会', 'zh-TW': '週末親子閱讀會', en: 'Weekend parent-child reading' },
      description: {
        'zh-CN': '每周六上午，志愿者老师带孩子们读绘本、做手工。请家长全程陪同。',
        'zh-TW': '每週六上午，志工老師帶孩子們讀繪本、做手工。請家長全程陪同。',
        en: 'Every Saturday morning volunteers read picture books and do crafts with the children. A parent stays throughout.',
      },
      place: childrensHome,
      audience: { 'zh-CN': '3–6 岁儿童及家长', 'zh-TW': '3–6 歲兒童及家長', en: 'Children aged 3–6 with a parent' },
      date: saturday,
      starts: '09:30',
      ends: '11:00',
      capacity: 20,
      maxPartySize: 3,
      asksChildrenAges: true,
    },
    {
      id: 'ev-health-check',
      areaId: 'c-1',
      title: { 'zh-CN': '老年人免费健康检查', 'zh-TW': '長者免費健康檢查', en: 'Free health check for older residents' },
      description: {
        'zh-CN': '社区卫生服务站医生为 60 岁以上居民测量血压、血糖，建立健康档案。请空腹，带上医保卡。',
        'zh-TW': '社區衛生服務站醫師為 60 歲以上居民測量血壓、血糖，建立健康檔案。請空腹，帶上健保卡。',
        en: 'Doctors from the community health station check blood pressure and blood sugar for residents over 60. Come without breakfast and bring your medical insurance card.',
      },
      place: { 'zh-CN': '幸福里社区卫生服务站', 'zh-TW': '幸福里社區衛生服務站', en: 'Xingfuli Community Health Station' },
      audience: { 'zh-CN': '60 岁以上居民', 'zh-TW': '60 歲以上居民', en: 'Residents aged 60 and over' },
      date: next(today, 2),
      starts: '08:30',
      ends: '11:30',
      capacity: 40,
      maxPartySize: 2,
      asksChildrenAges: false,
    },
    {
      id: 'ev-paper-cutting',
      areaId: 'cp-1',
      title: { 'zh-CN': '剪纸兴趣班', 'zh-TW': '剪紙興趣班', en: 'Paper-cutting class' },
      place: { 'zh-CN': '幸福花园 1号楼 架空层活动室', 'zh-TW': '幸福花園 1號樓 架空層活動室', en: 'Xingfu Garden, building 1, ground-floor activity room' },
      audience: { 'zh-CN': '幸福花园居民，老少皆宜', 'zh-TW': '幸福花園居民，老少皆宜', en: 'Xingfu Garden residents of any age' },
      date: next(today, 4),
      starts: '14:30',
      ends: '16:00',
      capacity: 6,
      maxPartySize: 2,
      asksChildrenAges: false,
    },
    {
      id: 'ev-anti-fraud',
      areaId: 'sd-1',
      title: { 'zh-CN': '防范电信网络诈骗讲座', 'zh-TW': '防範電信網路詐騙講座', en: 'Talk: how to spot phone and online scams' },
      description: {
        'zh-CN': '派出所民警讲解常见骗局：冒充公检法、养老投资、保健品推销。',
        'zh-TW': '派出所員警講解常見騙局：冒充公檢法、養老投資、保健品推銷。',
        en: 'Police officers explain the common scams: fake officials, pension "investments", health-product sales.',
      },
      place: { 'zh-CN': '和平街道办事处三楼 会议室', 'zh-TW': '和平街道辦事處三樓 會議室', en: 'Heping Subdistrict Office, 2nd floor, meeting room' },
      audience: { 'zh-CN': '所有居民，特别欢迎老年人', 'zh-TW': '所有居民，特別歡迎長者', en: 'Everyone, older residents especially welcome' },
      date: next(today, 3),
      starts: '15:00',
      ends: '16:30',
      capacity: 80,
      maxPartySize: 4,
      asksChildrenAges: false,
    },
    {
      id: 'ev-guangming-clinic',
      areaId: 'c-2',
      title: { 'zh-CN': '中医义诊', 'zh-TW': '中醫義診', en: 'Free traditional Chinese medicine clinic' },
      place: { 'zh-CN': '光明社区服务站广场', 'zh-TW': '光明社區服務站廣場', en: 'Guangming Community Service Station square' },
      audience: { 'zh-CN': '所有居民', 'zh-TW': '所有居民', en: 'Everyone' },
      date: next(today, 5),
      starts: '09:00',
      ends: '11:00',
      capacity: 50,
      maxPartySize: 2,
      asksChildrenAges: false,
    },
  ];
}

/** Sample sign-ups (names and numbers are made up): the paper-cutting class is full with two waiting. */
export const SAMPLE_EVENT_REGISTRATIONS: Array<{ eventId: string; name: string; phone: string; people: number; childrenAges: number[] }> = [
  { eventId: 'ev-reading-past', name: '刘芳', phone: '13600002001', people: 2, childrenAges: [4] },
  { eventId: 'ev-reading-past', name: '陈静', phone: '13600002002', people: 3, childrenAges: [3, 6] },
  { eventId: 'ev-reading-past', name: '赵丽', phone: '13600002003', people: 2, childrenAges: [5] },
  { eventId: 'ev-reading', name: '刘芳', phone: '13600002001', people: 2, childrenAges: [4] },
  { eventId: 'ev-reading', name: '孙敏', phone: '13600002004', people: 2, childrenAges: [6] },
  { eventId: 'ev-health-check', name: '王秀兰', phone: '13800001001', people: 2, childrenAges: [] },
  { eventId: 'ev-paper-cutting', name: '周桂英', phone: '13600003001', people: 2, childrenAges: [] },
  { eventId: 'ev-paper-cutting', name: '吴建华', phone: '13600003002', people: 2, childrenAges: [] },
  { eventId: 'ev-paper-cutting', name: '郑淑芬', phone: '13600003003', people: 2, childrenAges: [] },
  { eventId: 'ev-paper-cutting', name: '冯德明', phone: '13600003004', people: 1, childrenAges: [] },
  { eventId: 'ev-paper-cutting', name: '何玉兰', phone: '13600003005', people: 2, childrenAges: [] },
];
