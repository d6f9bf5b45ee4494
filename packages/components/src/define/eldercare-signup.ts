// The provider first: a widget upgraded before its provider would miss the context.
import './provider.js';
// The signup asks for the elder's building with <ds-area-picker>.
import './area-picker.js';
import { DsEldercareSignup } from '../eldercare-signup/eldercare-signup.js';
import { define } from './define.js';

define('ds-eldercare-signup', DsEldercareSignup);
