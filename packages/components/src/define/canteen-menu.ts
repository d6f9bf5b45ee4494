// The provider first: a widget upgraded before its provider would miss the context.
import './provider.js';
import { DsCanteenMenu } from '../canteen-menu/canteen-menu.js';
import { define } from './define.js';

define('ds-canteen-menu', DsCanteenMenu);
