/** Strings every widget shares (the 'not configured' notice, error summary, form furniture). */
import { defineCatalog } from './catalog.js';

export const commonMessages = defineCatalog({
  'zh-CN': {
    'form.optional': '（选填）',
    'notConfigured.heading': '暂时无法使用',
    'notConfigured.body': '此页面尚未配置服务地址。请稍后再试，或直接联系社区工作人员。',
    'select.placeholder': '请选择',
    'summary.heading': '请先修改以下内容',
    'error.prefix': '错误：',
  },
  'zh-TW': {
    'form.optional': '（選填）',
    'notConfigured.heading': '暫時無法使用',
    'notConfigured.body': '此頁面尚未設定服務位址。請稍後再試，或直接聯絡社區工作人員。',
    'select.placeholder': '請選擇',
    'summary.heading': '請先修改以下內容',
    'error.prefix': '錯誤：',
  },
  en: {
    'form.optional': ' (optional)',
    'notConfigured.heading': 'Not available yet',
    'notConfigured.body': 'This page has not been connected to the service yet. Try again later or contact community staff.',
    'select.placeholder': 'Choose',
    'summary.heading': 'There is a problem',
    'error.prefix': 'Error: ',
  },
});
