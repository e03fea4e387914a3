import { describe, expect, it } from 'vitest';
import { rateFromSlider, SLIDER_STEPS, sliderFromRate } from './rate-slider';

describe('logarithmic rate slider', () => {
  it('spans 0 to 5000 msg/s', () => {
    expect(rateFromSlider(0)).toBe(0);
    expect(rateFromSlider(SLIDER_STEPS)).toBe(5000);
  });

  it('puts the default 20 msg/s well inside the track, and maps back close to itself', () => {
    const position = sliderFromRate(20);
    expect(position).toBeGreaterThan(25);
    expect(position).toBeLessThan(50);
    expect(Math.abs(rateFromSlider(position) - 20)).toBeLessThanOrEqual(2);
  });

  it('is monotonic', () => {
    const rates = Array.from({ length: SLIDER_STEPS + 1 }, (_, i) => rateFromSlider(i));
    for (let i = 1; i < rates.length; i++)
      expect(rates[i]).toBeGreaterThanOrEqual(rates[i - 1] ?? 0);
  });
});
