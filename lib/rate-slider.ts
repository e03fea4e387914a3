import { MAX_PRODUCER_RATE } from '../protocol/commands';

/** The rate slider is logarithmic, so 1, 20 and 5000 msg/s are all easy to pick. */
export const SLIDER_STEPS = 100;
const LOG_MAX = Math.log10(MAX_PRODUCER_RATE + 1);

export function rateFromSlider(position: number): number {
  return Math.min(MAX_PRODUCER_RATE, Math.round(10 ** ((position / SLIDER_STEPS) * LOG_MAX) - 1));
}

export function sliderFromRate(rate: number): number {
  return Math.round((Math.log10(Math.max(0, rate) + 1) / LOG_MAX) * SLIDER_STEPS);
}
