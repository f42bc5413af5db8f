// What the holiday deadline computes itself when the config has no facts for an event on show (a
// config built by hand): loaded only then.
export { lastOrderDate } from '@comptoir/sdk/calendar';
