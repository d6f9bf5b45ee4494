import { addDays, type Canteen, type CanteenDay, type CanteenDish, type CanteenWeekPublish, type DietTag, type LocalizedText } from '@doorstep/sdk';

// The canteens and the menus the server seeds on first start (this week and next). A pure data module
// (no database, no Node APIs), so Storybook's fake API shows the same menu as the demo.

export const SAMPLE_CANTEENS: Canteen[] = [
  {
    id: 'canteen-xingfuli',
    areaId: 'c-1',
    name: { 'zh-CN': '幸福里社区长者食堂', 'zh-TW': '幸福里社區長者食堂', en: 'Xingfuli Community Canteen for Older Residents' },
    place: { 'zh-CN': '幸福里社区党群服务中心一楼东侧', 'zh-TW': '幸福里社區黨群服務中心一樓東側', en: 'Xingfuli Community Centre, ground floor, east side' },
    phone: '010-6234 5678',
    note: {
      'zh-CN': '行动不便的老人可以送餐上门，请提前一天电话预约，配送费 2 元。',
      'zh-TW': '行動不便的長者可以送餐到府，請提前一天電話預約，配送費 2 元。',
      en: 'Meals can be delivered to residents who cannot come: phone the day before; delivery costs ¥2.',
    },
  },
  {
    id: 'canteen-guangming',
    areaId: 'c-2',
    name: { 'zh-CN': '光明社区便民餐厅', 'zh-TW': '光明社區便民餐廳', en: 'Guangming Community Canteen' },
    place: { 'zh-CN': '光明新村 2号楼底商', 'zh-TW': '光明新村 2號樓底商', en: 'Guangming New Village, building 2, ground floor' },
    phone: '010-6234 8899',
  },
];

type Text = Required<LocalizedText>;
const dish = (name: Text, priceFen: number, elderPriceFen: number | undefined, ...tags: DietTag[]): CanteenDish => ({
  name,
  tags,
  priceFen,
  ...(elderPriceFen === undefined ? {} : { elderPriceFen }),
});

const BREAKFASTS: CanteenDish[][] = [
  [
    dish({ 'zh-CN': '小米粥', 'zh-TW': '小米粥', en: 'Millet porridge' }, 150, 100, 'soft', 'vegetarian', 'low_salt'),
    dish({ 'zh-CN': '鲜肉包', 'zh-TW': '鮮肉包', en: 'Pork bun' }, 200, 150),
    dish({ 'zh-CN': '蒸鸡蛋羹', 'zh-TW': '蒸雞蛋羹', en: 'Steamed egg custard' }, 300, 200, 'soft', 'low_salt'),
  ],
  [
    dish({ 'zh-CN': '南瓜粥', 'zh-TW': '南瓜粥', en: 'Pumpkin porridge' }, 150, 100, 'soft', 'vegetarian', 'low_salt'),
    dish({ 'zh-CN': '素菜包', 'zh-TW': '素菜包', en: 'Vegetable bun' }, 150, 100, 'vegetarian'),
    dish({ 'zh-CN': '牛奶', 'zh-TW': '牛奶', en: 'Milk' }, 300, 200, 'soft', 'vegetarian'),
  ],
];

const LUNCHES: CanteenDish[][] = [
  [
    dish({ 'zh-CN': '清蒸鲈鱼', 'zh-TW': '清蒸鱸魚', en: 'Steamed sea bass' }, 1800, 1200, 'low_salt', 'soft'),
    dish({ 'zh-CN': '番茄炒蛋', 'zh-TW': '番茄炒蛋', en: 'Tomato and egg' }, 800, 500, 'vegetarian', 'soft'),
    dish({ 'zh-CN': '蒜蓉西兰花', 'zh-TW': '蒜蓉西蘭花', en: 'Broccoli with garlic' }, 600, 400, 'vegetarian', 'low_salt'),
    dish({ 'zh-CN': '米饭', 'zh-TW': '米飯', en: 'Rice' }, 100, undefined, 'vegetarian', 'low_salt'),
  ],
  [
    dish({ 'zh-CN': '土豆炖牛肉', 'zh-TW': '馬鈴薯燉牛肉', en: 'Beef stewed with potatoes' }, 1600, 1100, 'halal', 'soft'),
    dish({ 'zh-CN': '红烧狮子头', 'zh-TW': '紅燒獅子頭', en: 'Braised pork meatballs' }, 1200, 800, 'soft'),
    dish({ 'zh-CN': '清炒小白菜', 'zh-TW': '清炒小白菜', en: 'Stir-fried pak choi' }, 500, 300, 'vegetarian', 'low_salt'),
    dish({ 'zh-CN': '冬瓜汤', 'zh-TW': '冬瓜湯', en: 'Winter melon soup' }, 300, 200, 'vegetarian', 'low_salt', 'soft'),
    dish({ 'zh-CN': '米饭', 'zh-TW': '米飯', en: 'Rice' }, 100, undefined, 'vegetarian', 'low_salt'),
  ],
  [
    dish({ 'zh-CN': '清真羊肉手抓饭', 'zh-TW': '清真羊肉手抓飯', en: 'Halal lamb pilaf' }, 1500, 1000, 'halal'),
    dish({ 'zh-CN': '豆腐炖白菜', 'zh-TW': '豆腐燉白菜', en: 'Tofu braised with cabbage' }, 600, 400, 'vegetarian', 'soft', 'low_salt', 'halal'),
    dish({ 'zh-CN': '凉拌黄瓜', 'zh-TW': '涼拌黃瓜', en: 'Cucumber salad' }, 400, 300, 'vegetarian'),
    dish({ 'zh-CN': '米饭', 'zh-TW': '米飯', en: 'Rice' }, 100, undefined, 'vegetarian', 'low_salt'),
  ],
];

const DINNERS: CanteenDish[][] = [
  [
    dish({ 'zh-CN': '菜肉馄饨', 'zh-TW': '菜肉餛飩', en: 'Pork and vegetable wontons' }, 1000, 700, 'soft'),
    dish({ 'zh-CN': '葱油饼', 'zh-TW': '蔥油餅', en: 'Scallion pancake' }, 300, 200, 'vegetarian'),
  ],
  [
    dish({ 'zh-CN': '山药排骨汤面', 'zh-TW': '山藥排骨湯麵', en: 'Noodle soup with pork ribs and yam' }, 1200, 800, 'soft', 'low_salt'),
    dish({ 'zh-CN': '香菇青菜', 'zh-TW': '香菇青菜', en: 'Greens with shiitake' }, 500, 300, 'vegetarian', 'low_salt'),
  ],
];

/**
 * A week of the sample canteen's menu from `weekStart` (a Monday): breakfast, lunch and dinner on
 * working days and Saturday, lunch only on Sunday. Dishes rotate so the days differ.
 */
export function sampleCanteenWeek(weekStart: string): CanteenWeekPublish {
  const days: CanteenDay[] = Array.from({ length: 7 }, (_, index) => {
    const date = addDays(weekStart, index);
    const lunch = { meal: 'lunch' as const, opens: '11:00', closes: '13:00', dishes: LUNCHES[index % LUNCHES.length]! };
    if (index === 6) return { date, meals: [lunch] };
    return {
      date,
      meals: [
        { meal: 'breakfast' as const, opens: '07:00', closes: '08:30', dishes: BREAKFASTS[index % BREAKFASTS.length]! },
        lunch,
        { meal: 'dinner' as const, opens: '17:00', closes: '18:30', dishes: DINNERS[index % DINNERS.length]! },
      ],
    };
  });
  return {
    days,
    subsidyNote: {
      'zh-CN': '本社区 60 周岁以上居民凭长者卡享受长者价，差价由街道补贴。',
      'zh-TW': '本社區 60 歲以上居民憑長者卡享受長者價，差價由街道補貼。',
      en: 'Residents aged 60 or over pay the elder price with their senior card; the subdistrict pays the difference.',
    },
  };
}
