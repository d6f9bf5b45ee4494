// The provider first: a widget upgraded before its provider would miss the context.
import './provider.js';
import { DsRequestStatus } from '../request-status/request-status.js';
import { define } from './define.js';

define('ds-request-status', DsRequestStatus);
