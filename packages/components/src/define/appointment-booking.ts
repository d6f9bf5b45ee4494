// The provider first: a widget upgraded before its provider would miss the context.
import './provider.js';
import { DsAppointmentBooking } from '../appointment-booking/appointment-booking.js';
import { define } from './define.js';

define('ds-appointment-booking', DsAppointmentBooking);
