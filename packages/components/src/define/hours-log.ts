import './provider.js';
// The log form's place picker.
import './area-picker.js';
import { DsHoursLog } from '../hours-log/hours-log.js';
import { define } from './define.js';

define('ds-hours-log', DsHoursLog);
