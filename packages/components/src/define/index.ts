/** Registers every Doorstep tag (`<ds-provider>`, `<ds-request-form>`). Safe to import more than once. */
import './provider.js';
import './request-form.js';
import './area-picker.js';
import './eldercare-signup.js';
import './appointment-booking.js';
import './event-list.js';
import './canteen-menu.js';
import './request-status.js';
import './stats-board.js';
import './service-hours.js';
import './volunteer-signup.js';
import './hours-log.js';
