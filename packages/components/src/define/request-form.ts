// The provider first: a widget upgraded before its provider would miss the context.
import './provider.js';
// The form places area pickers (where the problem is, where the other person lives).
import './area-picker.js';
import { DsRequestForm } from '../request-form/request-form.js';
import { define } from './define.js';

define('ds-request-form', DsRequestForm);
