// What the banner computes itself when the config has no facts for the absence to show (a
// config built by hand): loaded only then.
export { absenceStatus, nextDispatch } from '@comptoir/sdk/calendar';
