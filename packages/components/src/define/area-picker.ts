// The provider first: a widget upgraded before its provider would miss the context.
import './provider.js';
import { DsAreaPicker } from '../area-picker/area-picker.js';
import { define } from './define.js';

define('ds-area-picker', DsAreaPicker);
