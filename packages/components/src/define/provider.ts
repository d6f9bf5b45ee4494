import { DsProvider } from '../provider/provider.js';
import { define } from './define.js';

define('ds-provider', DsProvider);
