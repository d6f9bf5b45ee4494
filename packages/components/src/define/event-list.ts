// The provider first: a widget upgraded before its provider would miss the context.
import './provider.js';
import { DsEventList } from '../event-list/event-list.js';
import { define } from './define.js';

define('ds-event-list', DsEventList);
