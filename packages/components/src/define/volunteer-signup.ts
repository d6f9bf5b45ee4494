import './provider.js';
import { DsVolunteerSignup } from '../volunteer-signup/volunteer-signup.js';
import { define } from './define.js';

define('ds-volunteer-signup', DsVolunteerSignup);
