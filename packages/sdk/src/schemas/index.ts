export * from './common.js';
export * from './area.js';
export * from './category.js';
export * from './category-question.js';
export * from './phone.js';
export * from './request.js';
export * from './eldercare.js';
