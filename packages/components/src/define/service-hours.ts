import './provider.js';
import { DsServiceHours } from '../service-hours/service-hours.js';
import { define } from './define.js';

define('ds-service-hours', DsServiceHours);
