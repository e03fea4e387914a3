import { describe, expect, it } from 'vitest';
import { MAX_TARGET_LENGTH, parseTarget, sameOriginLocation } from './admit';

describe('parseTarget', () => {
  it('takes origin-form paths, including ones a URL parser would read as a host', () => {
    for (const target of ['/', '//', '///', '//@/', '/.//evil.example/', '/a?b=c#d']) {
      const url = parseTarget(target);
      expect(url, target).toBeInstanceOf(URL);
      expect((url as URL).host).toBe('localhost');
    }
  });

  it('refuses what is not a path, with the reason', () => {
    expect(parseTarget('http://evil.example/')).toMatch(/must be a path starting with \//);
    expect(parseTarget('*')).toMatch(/must be a path/);
    expect(parseTarget('')).toMatch(/must be a path/);
    expect(parseTarget(undefined)).toMatch(/must be a path/);
    expect(parseTarget(`/${'a'.repeat(MAX_TARGET_LENGTH)}`)).toMatch(/longer than 8192/);
  });

  it('refuses bad percent-escapes in the path, and takes good ones', () => {
    for (const target of ['/%', '/%zz', '/a/%E0%A4%A'])
      expect(parseTarget(target), target).toMatch(/must start an escape/);
    expect((parseTarget('/%25?q=%') as URL).pathname).toBe('/%25');
  });
});

describe('sameOriginLocation', () => {
  it('never redirects to another host', () => {
    for (const target of ['/.//evil.example/', '//evil.example/x', '/\\\\evil.example/', '/'])
      expect(sameOriginLocation(parseTarget(target) as URL)).toMatch(/^\/(?![/\\])/);
    expect(sameOriginLocation(parseTarget('/page?lang=id') as URL)).toBe('/page?lang=id');
  });
});
