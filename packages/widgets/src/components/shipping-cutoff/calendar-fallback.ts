// What the shipping cutoff computes itself where the server's facts do not answer (a calendar
// from attributes, a config built by hand, a cached config past its window): loaded only then.
export { estimateDelivery, nextDispatch } from '@comptoir/sdk/calendar';
