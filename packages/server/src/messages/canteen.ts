import { defineMessages } from './define.js';

/** Canteen menus: reading a week, publishing one. */
const zhCN = {
  canteen_not_found: '没有找到这个餐厅。',
  field_canteen_date: '请填写 YYYY-MM-DD 格式的日期，例如 2026-11-23。',
  field_canteen_week_start: '一周从星期一开始：请用那一周星期一的日期，例如 {monday}。',
  field_canteen_day_outside_week: '这一天不在 {from} 到 {to} 这一周里。',
  field_canteen_day_duplicate: '这一天在菜单里出现了两次。',
  field_canteen_meal_duplicate: '同一天的这一餐出现了两次。',
  field_canteen_closes_first: '结束供应的时间应晚于开始时间。',
  field_canteen_elder_price_above: '长者价不能高于原价。',
};

type Key = keyof typeof zhCN;

const zhTW: Record<Key, string> = {
  canteen_not_found: '找不到這個餐廳。',
  field_canteen_date: '請填寫 YYYY-MM-DD 格式的日期，例如 2026-11-23。',
  field_canteen_week_start: '一週從星期一開始：請用那一週星期一的日期，例如 {monday}。',
  field_canteen_day_outside_week: '這一天不在 {from} 到 {to} 這一週裡。',
  field_canteen_day_duplicate: '這一天在菜單裡出現了兩次。',
  field_canteen_meal_duplicate: '同一天的這一餐出現了兩次。',
  field_canteen_closes_first: '結束供應的時間應晚於開始時間。',
  field_canteen_elder_price_above: '長者價不能高於原價。',
};

const en: Record<Key, string> = {
  canteen_not_found: 'This canteen does not exist.',
  field_canteen_date: 'Enter a date as YYYY-MM-DD, for example 2026-11-23.',
  field_canteen_week_start: 'A week starts on Monday: use that Monday’s date, for example {monday}.',
  field_canteen_day_outside_week: 'This day is not in the week from {from} to {to}.',
  field_canteen_day_duplicate: 'This day appears twice in the menu.',
  field_canteen_meal_duplicate: 'This meal appears twice on the same day.',
  field_canteen_closes_first: 'Serving must end after it starts.',
  field_canteen_elder_price_above: 'The elder price cannot be higher than the full price.',
};

export const canteenMessages = defineMessages({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });
