import { defineMessages } from './define.js';

/** Field messages for answers to a category's extra questions (`fields["answers.<code>"]`). */
const zhCN = {
  question_required: '请回答这个问题。',
  question_unknown: '这个问题类型没有这一项，请刷新后重新填写。',
  question_invalid_type: '这个回答的格式不对。',
  question_not_a_number: '请填写一个数字，例如 3。',
  question_not_a_datetime: '请选择日期和时间。',
  question_not_a_choice: '请从列出的选项中选择。',
  question_too_long: '最多 {max} 个字。',
  category_not_found: '没有找到这个问题类型。',
};

type Key = keyof typeof zhCN;

const zhTW: Record<Key, string> = {
  question_required: '請回答這個問題。',
  question_unknown: '這個問題類型沒有這一項，請重新整理後再填寫。',
  question_invalid_type: '這個回答的格式不對。',
  question_not_a_number: '請填寫一個數字，例如 3。',
  question_not_a_datetime: '請選擇日期和時間。',
  question_not_a_choice: '請從列出的選項中選擇。',
  question_too_long: '最多 {max} 個字。',
  category_not_found: '找不到這個問題類型。',
};

const en: Record<Key, string> = {
  question_required: 'Answer this question.',
  question_unknown: 'This kind of problem has no such question. Reload the page and fill it in again.',
  question_invalid_type: 'This answer is not in the right form.',
  question_not_a_number: 'Enter a number, for example 3.',
  question_not_a_datetime: 'Choose a date and time.',
  question_not_a_choice: 'Choose one of the options listed.',
  question_too_long: 'Enter at most {max} characters.',
  category_not_found: 'This kind of problem does not exist.',
};

export const categoryQuestionMessages = defineMessages({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });
